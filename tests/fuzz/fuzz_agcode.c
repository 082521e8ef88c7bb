/* fuzz_agcode.c - the agency code parser (both notations), its formatter, sort key and scanner. */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int on_code(void *arg, size_t off, size_t len)
{
	size_t *n = arg;
	if (len == 0 || off + len > n[1])
		abort();  /* a match outside the text */
	n[0]++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 4096)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	struct sn_agcode c, p, again;
	char buf[128], key[64], key2[64];
	enum sn_agcode_status st = sn_agcode_parse(s, &c);
	sn_agcode_sort_key(&c, s, key, sizeof key);
	if (st != SN_AGCODE_INVALID) {
		/* Printing in either notation and parsing again gives the same code. */
		for (int n = 0; n < 2; n++) {
			enum sn_notation nt = n ? SN_NOTATION_LEFT : SN_NOTATION_QCVN;
			if (sn_agcode_format(&c, nt, buf, sizeof buf) == 0) {
				if (sn_agcode_parse(buf, &again) == SN_AGCODE_INVALID)
					abort();
				sn_agcode_sort_key(&again, buf, key2, sizeof key2);
				if (strcmp(key, key2) != 0)
					abort();
			}
		}
		if (sn_agcode_parent(&c, &p) == 0)
			sn_agcode_cmp(&c, &p);
		sn_agcode_set_l1(&c, "H19");
	}
	sn_agcode_display(s, SN_NOTATION_LEFT, buf, sizeof buf);
	size_t n[2] = { 0, size };
	sn_agcode_scan(s, on_code, n);
	free(s);
	return 0;
}
