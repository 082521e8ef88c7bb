/* table.c - one row interface over CSV and XLSX, so importers do not care which they read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "i18n.h"
#include "table.h"
#include "xlsx.h"
#include "banned.h"

struct sn_table {
	const char *path;
	sn_decoder *dec;
	sn_csv *csv;
	sn_xlsx *xlsx;
	char *sheet;
	long row;
	char pos[1200];
	char err[1200];
};

static int is_zip(const char *path)
{
	unsigned char sig[4] = { 0 };
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	size_t n = fread(sig, 1, 4, f);
	fclose(f);
	return n == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
}

static size_t trimmed_len(const char *s)
{
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n;
}

int sn_first_char(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	unsigned char b[64];
	size_t n = fread(b, 1, sizeof b, f), i = 0;
	fclose(f);
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	return i < n ? b[i] : -1;
}

int sn_looks_like_xml(const char *path)
{
	return sn_first_char(path) == '<';
}

static const char *dec_err(const void *d)
{
	return sn_decoder_error(d);
}

sn_table *sn_table_open(const char *path, const char *sheet, const char *default_sheet,
			sn_encoding enc, char *err, size_t errlen)
{
	sn_table *t = calloc(1, sizeof *t);
	if (!t) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return NULL;
	}
	t->path = path;
	if (is_zip(path)) {
		t->xlsx = sn_xlsx_open(path, NULL, err, errlen);
		if (!t->xlsx)
			goto fail;
		const char *want = sheet;
		if (!want) {
			/* The official workbook's flat sheet is "Tổng hợp_không merge " (trailing space);
			 * a re-saved copy may have lost or added trailing spaces, so compare without them. */
			size_t n = sn_xlsx_sheet_count(t->xlsx);
			for (size_t i = 0; i < n && !want && default_sheet; i++)
				if (strcmp(sn_xlsx_sheet_name(t->xlsx, i), default_sheet) == 0)
					want = default_sheet;
			for (size_t i = 0; i < n && !want && default_sheet; i++) {
				const char *s = sn_xlsx_sheet_name(t->xlsx, i);
				if (trimmed_len(s) == trimmed_len(default_sheet) &&
				    strncmp(s, default_sheet, trimmed_len(s)) == 0)
					want = s;
			}
			if (!want && n > 0)
				want = sn_xlsx_sheet_name(t->xlsx, 0);
		}
		if (!want || sn_xlsx_select(t->xlsx, want) != 0) {
			snprintf(err, errlen, "%s", want ? sn_xlsx_error(t->xlsx) : _("workbook has no sheets"));
			goto fail;
		}
		t->sheet = strdup(want);
		if (!t->sheet)
			goto oom;
	} else {
		t->dec = sn_decoder_open(path, enc, err, errlen);
		if (!t->dec)
			goto fail;
		t->csv = sn_csv_new(sn_decoder_read_cb, t->dec, dec_err, path, 0, NULL);
		if (!t->csv)
			goto oom;
	}
	return t;
oom:
	snprintf(err, errlen, "%s", _("out of memory"));
fail:
	sn_table_close(t);
	return NULL;
}

static int blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

int sn_table_next(sn_table *t, char ***cells, size_t *ncells)
{
	for (;;) {
		int r;
		if (t->xlsx) {
			r = sn_xlsx_next(t->xlsx, cells, ncells, &t->row);
			if (r < 0)
				snprintf(t->err, sizeof t->err, "%s", sn_xlsx_error(t->xlsx));
		} else {
			r = sn_csv_next(t->csv, cells, ncells);
			t->row = sn_csv_line(t->csv);
			if (r < 0)
				snprintf(t->err, sizeof t->err, "%s", sn_csv_error(t->csv));
		}
		if (r <= 0)
			return r;
		size_t i;
		for (i = 0; i < *ncells && blank((*cells)[i]); i++)
			;
		if (i < *ncells)
			return 1;
	}
}

const char *sn_table_pos(sn_table *t, size_t col)
{
	if (!t->xlsx) {
		snprintf(t->pos, sizeof t->pos, "%s:%ld", t->path, t->row);
	} else if (col == (size_t)-1) {
		snprintf(t->pos, sizeof t->pos, "%s:'%s'!%ld", t->path, t->sheet, t->row);
	} else {
		char c[4];
		sn_xlsx_column_name(col, c);
		snprintf(t->pos, sizeof t->pos, "%s:'%s'!%s%ld", t->path, t->sheet, c, t->row);
	}
	return t->pos;
}

int sn_table_column(char **cells, size_t n, const char *name, const char *alias)
{
	int col = -1;
	for (size_t i = 0; i < n; i++) {
		char *h = sn_text_clean(cells[i]);
		if (h && (!strcmp(h, name) || (alias && !strcmp(h, alias))))
			col = (int)i;
		free(h);
	}
	return col;
}

long sn_table_line(const sn_table *t)
{
	return t->row;
}

int sn_table_is_number(const sn_table *t, size_t col)
{
	return t->xlsx ? sn_xlsx_cell_is_number(t->xlsx, col) : 0;
}

int sn_table_is_xlsx(const sn_table *t)
{
	return t->xlsx != NULL;
}

const char *sn_table_format(const sn_table *t)
{
	return t->xlsx ? "xlsx" : sn_encoding_name(sn_decoder_encoding(t->dec));
}

const char *sn_table_error(const sn_table *t)
{
	return t->err;
}

void sn_table_close(sn_table *t)
{
	if (!t)
		return;
	sn_csv_free(t->csv);
	sn_decoder_close(t->dec);
	sn_xlsx_close(t->xlsx);
	free(t->sheet);
	free(t);
}

sn_table *sn_table_open_columns(const char *path, sn_encoding enc, const char *const (*names)[2], int n,
				int *col, char *err, size_t errlen)
{
	sn_table *t = sn_table_open(path, NULL, NULL, enc, err, errlen);
	if (!t)
		return NULL;
	char **cells;
	size_t ncells;
	int r = sn_table_next(t, &cells, &ncells);
	if (r <= 0) {
		if (r < 0)
			snprintf(err, errlen, "%s", sn_table_error(t));
		else
			snprintf(err, errlen, _("%s: the file is empty (no header row)"), path);
		sn_table_close(t);
		return NULL;
	}
	for (int c = 0; c < n; c++)
		col[c] = sn_table_column(cells, ncells, names[c][0], names[c][1]);
	return t;
}
