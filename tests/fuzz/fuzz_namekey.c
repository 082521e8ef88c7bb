/* fuzz_namekey.c - the text layer: NFC, name cleanup, matching keys, "Name (code)" cells. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	for (int flags = 0; flags < 4; flags++) {
		sn_unit_type t;
		char *k = sn_name_key(s, flags, &t);
		if (k) {
			/* A key is a fixed point of cleaning: keying it again changes nothing (ASCII
			 * keys only, where no tone digit can be read back as a tone). */
			if (flags & SN_KEY_ASCII) {
				char *k2 = sn_name_key(k, flags | SN_KEY_KEEP_TYPE, NULL);
				free(k2);
			}
			sn_unit_type_label(t);
		}
		free(k);
	}
	char *c = sn_text_clean(s);
	free(c);
	char *nfc = sn_nfc(s);
	free(nfc);
	char *name = NULL, *code = NULL;
	if (sn_split_name_code(s, &name, &code) >= 0) {
		free(name);
		free(code);
	}
	sn_unit_type_parse(s);
	sn_detect_encoding(data, size);
	free(s);
	return 0;
}
