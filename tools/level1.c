/* level1.c - the province an agency code belongs to, by its level-1 code (level1.h). */
#include <stdio.h>
#include <string.h>
#include "agcode.h"
#include "embedded.h"
#include "level1.h"
#include "mapping.h"
#include "units.h"
#include "i18n.h"
#include "banned.h"

struct load {
	struct sn_ctx *ctx;
	struct sn_level1 *t;
};

static int row_fn(void *arg, const struct sn_maprow *row)
{
	struct load *ld = arg;
	const char *l1 = sn_maprow_get(row, 1);
	char code[16];
	if (sn_code_normalise(sn_maprow_get(row, 0), 2, code) < 0 || !*code || strlen(l1) != 3 ||
	    l1[0] != 'H' || strspn(l1 + 1, "0123456789") != 2) {
		sn_error(ld->ctx, "%s: a row of the level-1 table is a 2-digit province code and its level-1 "
			 "code H + 2 digits, not '%s', '%s'", row->pos, sn_maprow_get(row, 0), l1);
		return SN_DATA;
	}
	if (ld->t->n >= SN_LEVEL1_MAX) {
		sn_error(ld->ctx, "%s: the level-1 table has more than %d provinces", row->pos, SN_LEVEL1_MAX);
		return SN_DATA;
	}
	int i = ld->t->n++;
	snprintf(ld->t->row[i].province, sizeof ld->t->row[i].province, "%.2s", code);
	snprintf(ld->t->row[i].number, sizeof ld->t->row[i].number, "%s", l1 + 1);
	snprintf(ld->t->row[i].name, sizeof ld->t->row[i].name, "%s", sn_maprow_get(row, 2));
	return 0;
}

int sn_level1_load(struct sn_ctx *ctx, const char *path, const char *province, const char *command,
		   struct sn_level1 *t)
{
	static const char *cols[] = { "province_code", "level1_code", "province_name", NULL };
	struct load ld = { ctx, t };
	memset(t, 0, sizeof *t);
	t->own = -1;
	int r = sn_mapping_read(ctx, path, sn_mapping_level1_codes, "level1-codes.csv", cols, 2, row_fn, &ld);
	if (r)
		return r;
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->row[i].province, province))
			t->own = i;
	if (t->own < 0)
		return sn_usage_error(ctx, command, "--province %s is not a province of the level-1 table (%s): "
				      "give the 2-digit code of the old province whose file this is", province,
				      path ? path : _("built-in mappings/level1-codes.csv"));
	return 0;
}

int sn_level1_foreign(const struct sn_level1 *t, const char *code, char *whose, size_t len)
{
	struct sn_agcode c;
	if (sn_agcode_parse(code, &c) == SN_AGCODE_INVALID || (c.l1[0] != 'H' && c.l1[0] != 'K') ||
	    !strcmp(c.l1 + 1, t->row[t->own].number))
		return 0;
	for (int i = 0; i < t->n; i++)
		if (!strcmp(t->row[i].number, c.l1 + 1)) {
			snprintf(whose, len, _("province %s (%s, level-1 code %s)"), t->row[i].province,
				 t->row[i].name[0] ? t->row[i].name : "?", c.l1);
			return 1;
		}
	snprintf(whose, len, _("no province (level-1 code %s is not in the level-1 table)"), c.l1);
	return 1;
}

struct scan {
	const struct sn_level1 *t;
	const char *text;
	char *code, *whose;
	size_t len;
};

static int scan_fn(void *arg, size_t off, size_t len)
{
	struct scan *s = arg;
	char code[40];
	snprintf(code, sizeof code, "%.*s", (int)(len < sizeof code ? len : sizeof code - 1), s->text + off);
	if (!sn_level1_foreign(s->t, code, s->whose, s->len))
		return 0;
	snprintf(s->code, 40, "%s", code);
	return 1;
}

int sn_level1_foreign_in(const struct sn_level1 *t, const char *text, char code[40], char *whose,
			 size_t len)
{
	/* After the national code "d.dddddd.": the agency code in either notation, or a QCVN code
	 * with more after it (a service code's ".02"). */
	if (strlen(text) > 9 && text[1] == '.' && text[8] == '.') {
		struct sn_agcode c;
		if (sn_agcode_parse(text + 9, &c) != SN_AGCODE_INVALID) {
			if (!sn_level1_foreign(t, text + 9, whose, len))
				return 0;
			snprintf(code, 40, "%s", text + 9);
			return 1;
		}
	}
	struct scan s = { t, text, code, whose, len };
	return sn_agcode_scan(text, scan_fn, &s) ? 1 : 0;
}
