/* errata.c - the conversion table's errata: reading them and matching a row. */
#include <stdlib.h>
#include <string.h>
#include "embedded.h"
#include "errata.h"
#include "mapping.h"
#include "text.h"
#include "units.h"
#include "banned.h"

const char *const sn_errata_columns[SN_ERRATA_NCOLUMNS] = {
	"new_province", "new_name", "new_code", "old_name", "old_code", "note", "old_district",
	"old_province"
};

int sn_errata_column(const char *name)
{
	for (int i = 0; i < SN_ERRATA_NCOLUMNS; i++)
		if (!strcmp(name, sn_errata_columns[i]))
			return i;
	return -1;
}

int sn_errata_is_code(int column)
{
	return column == 2 || column == 4;
}

const char *sn_errata_builtin(void)
{
	return sn_mapping_errata_2025;
}

static void erratum_free(struct sn_erratum *e)
{
	free(e->old_name);
	free(e->old_key);
	free(e->published);
	free(e->corrected);
	free(e->published_key);
	free(e->corrected_key);
}

void sn_errata_free(struct sn_errata *e)
{
	for (size_t i = 0; i < e->n; i++)
		erratum_free(&e->v[i]);
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

struct loader {
	struct sn_ctx *ctx;
	struct sn_errata *out;
};

enum { F_NEW, F_OLD, F_OLDNAME, F_COLUMN, F_PUBLISHED, F_CORRECTED, F_CONFIDENCE, F_EVIDENCE };
static const char *const fields[] = { "new_code", "old_code", "old_name", "column", "published",
				      "corrected", "confidence", "evidence", NULL };

/* A code field: zero-padded to 5 digits; empty allowed when OPTIONAL. */
static int code_field(struct loader *l, const struct sn_maprow *row, const char *what,
		      const char *s, int optional, char out[16])
{
	char buf[16];
	int r = sn_code_normalise(s, 5, buf);
	if (r == 2 && optional) {
		out[0] = '\0';
		return 0;
	}
	if (r < 0 || r == 2) {
		sn_error(l->ctx, "%s: %s '%s' must be a commune code of 5 digits", row->pos, what, s);
		return SN_DATA;
	}
	snprintf(out, 16, "%s", buf);
	return 0;
}

static int load_row(void *arg, const struct sn_maprow *row)
{
	struct loader *l = arg;
	struct sn_erratum e = { 0 };
	snprintf(e.pos, sizeof e.pos, "%s", row->pos);
	const char *col = sn_maprow_get(row, F_COLUMN);
	e.column = sn_errata_column(col);
	if (e.column < 0) {
		sn_error(l->ctx, "%s: unknown column '%s' (new_province, new_name, new_code, old_name, "
			 "old_code, note, old_district, old_province)", row->pos, col);
		return SN_DATA;
	}
	if (code_field(l, row, "new_code", sn_maprow_get(row, F_NEW), 0, e.new_code) ||
	    code_field(l, row, "old_code", sn_maprow_get(row, F_OLD), 1, e.old_code))
		return SN_DATA;
	const char *pub = sn_maprow_get(row, F_PUBLISHED), *cor = sn_maprow_get(row, F_CORRECTED);
	if (!*pub || !*cor || !strcmp(pub, cor)) {
		sn_error(l->ctx, "%s: an erratum needs a published and a different corrected value", row->pos);
		return SN_DATA;
	}
	char p[16], c[16];
	if (sn_errata_is_code(e.column)) {
		if (sn_code_normalise(pub, 5, p) < 0 || sn_code_normalise(cor, 5, c) < 0) {
			sn_error(l->ctx, "%s: %s values must be codes of 5 digits", row->pos, col);
			return SN_DATA;
		}
		pub = p;
		cor = c;
	}
	e.old_name = strdup(sn_maprow_get(row, F_OLDNAME));
	e.published = strdup(pub);
	e.corrected = strdup(cor);
	if (e.old_name)
		e.old_key = sn_name_key(e.old_name, SN_KEY_KEEP_TYPE, NULL);
	e.published_key = sn_name_key(pub, SN_KEY_KEEP_TYPE, NULL);
	e.corrected_key = sn_name_key(cor, SN_KEY_KEEP_TYPE, NULL);
	struct sn_erratum *nv = realloc(l->out->v, (l->out->n + 1) * sizeof *nv);
	if (!e.old_name || !e.old_key || !e.published || !e.corrected || !e.published_key ||
	    !e.corrected_key || !nv) {
		if (nv)
			l->out->v = nv;
		erratum_free(&e);
		sn_error(l->ctx, "out of memory");
		return SN_IO;
	}
	l->out->v = nv;
	l->out->v[l->out->n++] = e;
	return 0;
}

int sn_errata_load(struct sn_ctx *ctx, const char *path, struct sn_errata *out)
{
	struct loader l = { ctx, out };
	out->v = NULL;
	out->n = 0;
	int rc = sn_mapping_read(ctx, path, path ? NULL : sn_mapping_errata_2025, "errata-2025",
				 fields, F_CONFIDENCE, load_row, &l);
	if (rc)
		sn_errata_free(out);
	return rc;
}

enum sn_erratum_match sn_erratum_match(const struct sn_erratum *e, const char *new_code,
				       const char *old_code, const char *old_key, const char *cell)
{
	/* The key cells; the erratum's own column among them is known by either value. */
	int col = e->column;
	if (col == 2 ? strcmp(new_code, e->published) && strcmp(new_code, e->corrected)
		     : strcmp(new_code, e->new_code))
		return SN_ERRATUM_OTHER_ROW;
	if (col == 4 ? strcmp(old_code, e->published) && strcmp(old_code, e->corrected)
		     : strcmp(old_code, e->old_code))
		return SN_ERRATUM_OTHER_ROW;
	if (col == 3 ? strcmp(old_key, e->published_key) && strcmp(old_key, e->corrected_key)
		     : strcmp(old_key, e->old_key))
		return SN_ERRATUM_OTHER_ROW;
	if (!strcmp(cell, e->published))
		return SN_ERRATUM_PUBLISHED;
	if (!strcmp(cell, e->corrected))
		return SN_ERRATUM_ALREADY;
	return SN_ERRATUM_MISMATCH;
}
