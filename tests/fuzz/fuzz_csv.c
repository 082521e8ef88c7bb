/* fuzz_csv.c - the decoder (encoding detection, UTF-8 checks, iconv) under the CSV reader, with
 * the delimiter taken from the file. */
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "fuzz.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

static const char *dec_err(const void *d)
{
	return sn_decoder_error(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fz_file("in.csv", data, size);
	char err[256];
	struct sn_csv_limits lim = { 4096, 64 };
	for (int enc = SN_ENC_AUTO; enc <= SN_ENC_UTF16BE; enc++) {
		sn_decoder *d = sn_decoder_open(path, (sn_encoding)enc, err, sizeof err);
		if (!d)
			abort();  /* the file is there: opening cannot fail */
		sn_csv *c = sn_csv_new(sn_decoder_read_cb, d, dec_err, "in.csv", enc == SN_ENC_AUTO ? 0 : ',',
				       &lim);
		char **f;
		size_t n;
		int r;
		while ((r = sn_csv_next(c, &f, &n)) == 1)
			for (size_t i = 0; i < n; i++)
				if (strlen(f[i]) > lim.max_field)
					abort();
		if (r < 0 && !*sn_csv_error(c))
			abort();  /* an error always says what */
		sn_csv_free(c);
		sn_decoder_close(d);
		if (enc == SN_ENC_AUTO && size > 4096)
			break;
	}
	return 0;
}
