/* mapping.c - mapping tables from a file or from the binary. */
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "mapping.h"
#include "table.h"
#include "text.h"
#include "banned.h"

static const char *dec_err(const void *d)
{
	return sn_decoder_error(d);
}

int sn_mapping_is_workbook(const char *path)
{
	unsigned char sig[4] = { 0 };
	FILE *f = path ? fopen(path, "rb") : NULL;
	if (!f)
		return 0;
	size_t n = fread(sig, 1, 4, f);
	fclose(f);
	return n == 4 && sig[0] == 'P' && sig[1] == 'K' && sig[2] == 3 && sig[3] == 4;
}

/* A header cell names column NAME when it is NAME, or ends with "(NAME)": a workbook's
 * bilingual header "Giá trị chọn (value)". */
static int header_is(const char *cell, const char *name)
{
	size_t c = strlen(cell), n = strlen(name);
	return !strcmp(cell, name) ||
	       (c > n + 2 && cell[c - 1] == ')' && cell[c - n - 2] == '(' && !strncmp(cell + c - n - 1, name, n));
}

const char *sn_maprow_get(const struct sn_maprow *row, int i)
{
	int c = row->cols[i];
	return c >= 0 && (size_t)c < row->n ? row->f[c] : "";
}

int sn_mapping_read(struct sn_ctx *ctx, const char *path, const char *embedded, const char *name,
		    const char *const *columns, int nrequired,
		    int (*fn)(void *arg, const struct sn_maprow *row), void *arg)
{
	char label[512], err[1024];
	struct sn_membuf mb = { embedded, embedded ? strlen(embedded) : 0 };
	sn_decoder *dec = NULL;
	sn_csv *csv = NULL;
	sn_table *book = NULL;
	if (path && sn_mapping_is_workbook(path)) {
		/* A workbook: its sheet SN_MAPPING_SHEET when it has one (the reports' decisions sheet),
		 * else the first. */
		book = sn_table_open(path, NULL, SN_MAPPING_SHEET, SN_ENC_AUTO, err, sizeof err);
		if (!book) {
			sn_error(ctx, "%s", err);
			return SN_IO;
		}
		snprintf(label, sizeof label, "%s", path);
	} else if (path) {
		dec = sn_decoder_open(path, SN_ENC_AUTO, err, sizeof err);
		if (!dec) {
			sn_error(ctx, "%s", err);
			return SN_IO;
		}
		snprintf(label, sizeof label, "%s", path);
		csv = sn_csv_new(sn_decoder_read_cb, dec, dec_err, label, 0, NULL);
	} else {
		snprintf(label, sizeof label, "(built-in %s)", name);
		csv = sn_csv_new(sn_mem_read, &mb, NULL, label, ',', NULL);
	}
	int ncols = 0;
	while (columns[ncols])
		ncols++;
	int *cols = malloc(sizeof(int) * (size_t)(ncols ? ncols : 1));
	int rc = 0, r, header = 1;
	char **f;
	size_t n;
	if ((!csv && !book) || !cols) {
		sn_error(ctx, "out of memory");
		rc = SN_IO;
		goto done;
	}
	while (rc == 0 && (r = book ? sn_table_next(book, &f, &n) : sn_csv_next(csv, &f, &n)) == 1) {
		char pos[1300];
		if (book)
			snprintf(pos, sizeof pos, "%s", sn_table_pos(book, (size_t)-1));
		else
			snprintf(pos, sizeof pos, "%s:%ld", label, sn_csv_line(csv));
		if (n == 0 || (n == 1 && !*f[0]) || f[0][0] == '#')
			continue;
		if (header) {
			for (int c = 0; c < ncols; c++) {
				cols[c] = -1;
				for (size_t i = 0; i < n; i++)
					if (header_is(f[i], columns[c]))
						cols[c] = (int)i;
				if (c < nrequired && cols[c] < 0) {
					sn_error(ctx, "%s: no column '%s' in the header", pos, columns[c]);
					rc = SN_DATA;
				}
			}
			header = 0;
			continue;
		}
		/* Cells are cleaned (NFC, whitespace) so tables written on any editor compare equal. */
		char **cl = calloc(n, sizeof *cl);
		if (!cl) {
			sn_error(ctx, "out of memory");
			rc = SN_IO;
			break;
		}
		for (size_t i = 0; i < n && rc == 0; i++)
			if (!(cl[i] = sn_text_clean(f[i]))) {
				sn_error(ctx, "%s: text is not valid UTF-8", pos);
				rc = SN_DATA;
			}
		if (rc == 0) {
			struct sn_maprow row = { cl, n, pos, cols };
			rc = fn(arg, &row);
		}
		for (size_t i = 0; i < n; i++)
			free(cl[i]);
		free(cl);
	}
	if (rc == 0 && r < 0) {
		sn_error(ctx, "%s", book ? sn_table_error(book) : sn_csv_error(csv));
		rc = SN_DATA;
	}
	if (rc == 0 && header) {
		sn_error(ctx, "%s: empty mapping table", label);
		rc = SN_DATA;
	}
done:
	free(cols);
	if (csv)
		sn_csv_free(csv);
	if (book)
		sn_table_close(book);
	sn_decoder_close(dec);
	return rc;
}
