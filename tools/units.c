/* units.c - note classification and code normalisation for the unit registry. */
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "text.h"
#include "units.h"
#include "banned.h"

static int starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Keys are compared without diacritics, so "Nhâp" (a typo in the official table) reads as
 * "Nhập"; whitespace runs and case are folded by the key as well. */
enum sn_note_class sn_classify_note(const char *note, enum sn_share *share)
{
	char *k = sn_name_key(note ? note : "", SN_KEY_KEEP_TYPE | SN_KEY_ASCII, NULL);
	enum sn_note_class c = SN_NOTE_UNKNOWN;
	enum sn_share sh = SN_SHARE_WHOLE;
	if (!k)
		return SN_NOTE_UNKNOWN;
	if (!strcmp(k, "nhap toan bo") || !strcmp(k, "nhap toan bo dien tich")) {
		c = SN_NOTE_WHOLE;
	} else if (!strcmp(k, "nhap mot phan") || !strcmp(k, "nhap mot phan dien tich") ||
		   !strcmp(k, "nhap mot phan dan so")) {
		c = SN_NOTE_PART;
		sh = SN_SHARE_PART;
	} else if (!strcmp(k, "nhap mot phan dien tich toan bo dan so")) {
		c = SN_NOTE_PART_POPULATION;
		sh = SN_SHARE_PART_POPULATION;
	} else if (!strcmp(k, "giu nguyen")) {
		c = SN_NOTE_KEEP;
	} else if (!strcmp(k, "doi ten") || !strcmp(k, "doi ten doi loai hinh")) {
		c = SN_NOTE_RENAME;
	} else if (starts(k, "doi ten tu mot phan ") || starts(k, "doi ten doi loai hinh tu mot phan ")) {
		c = SN_NOTE_RENAME;
		sh = SN_SHARE_PART;
	} else if (!strcmp(k, "doi loai hinh")) {
		c = SN_NOTE_RECLASSIFY;
	} else if (starts(k, "phan con lai sau khi tach ")) {
		c = SN_NOTE_REMAINDER;
		sh = SN_SHARE_PART;
	} else if ((starts(k, "sap xep toan bo huyen ") || starts(k, "sap xep toan bo xa ")) &&
		   strstr(k, " thanh dac khu ")) {
		c = SN_NOTE_SPECIAL_ZONE;
	}
	free(k);
	if (share)
		*share = sh;
	return c;
}

const char *sn_note_class_name(enum sn_note_class c)
{
	static const char *names[] = { "unknown", "whole", "part", "part-population", "keep",
				       "rename", "reclassify", "remainder", "special-zone" };
	return names[c];
}

const char *sn_share_name(enum sn_share s)
{
	static const char *names[] = { "whole", "part", "part-population" };
	return names[s];
}

int sn_share_parse(const char *s, enum sn_share *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, sn_share_name((enum sn_share)i)) == 0) {
			*out = (enum sn_share)i;
			return 0;
		}
	return -1;
}

int sn_code_normalise(const char *cell, int width, char out[16])
{
	const char *s = cell ? cell : "";
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' || *s == '\'')
		s++;  /* a leading apostrophe is how spreadsheets mark "text, keep the zeros" */
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	out[0] = '\0';
	if (n == 0)
		return 2;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return -1;
	if (n > (size_t)width)
		return -2;
	size_t pad = (size_t)width - n;
	memset(out, '0', pad);
	memcpy(out + pad, s, n);
	out[width] = '\0';
	return pad ? 1 : 0;
}

const char *sn_code_level(const char *code)
{
	size_t n = strlen(code);
	for (size_t i = 0; i < n; i++)
		if (code[i] < '0' || code[i] > '9')
			return NULL;
	return n == 2 ? "province" : n == 3 ? "district" : n == 5 ? "commune" : NULL;
}

const char *sn_units_no_such(const char *level)
{
	return !strcmp(level, "province") ? N_("no province with code %s") :
	       !strcmp(level, "district") ? N_("no district with code %s") : N_("no commune with code %s");
}
