/* units_bulk.c - 'sapnhap units map --file': many lookups in one process, one output row per
 * input row, against the registry held in memory (address.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "address.h"
#include "cli.h"
#include "csv.h"
#include "i18n.h"
#include "text.h"
#include "units.h"
#include "strbuf.h"
#include "banned.h"

static int digits_only(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

struct out {
	FILE *f;
	int csv;
	long rows, by[5];
};

enum { ST_OK, ST_AMBIGUOUS, ST_NOT_FOUND, ST_NOT_CONVERTED, ST_ERROR };
static const char *const st_names[] = { "ok", "ambiguous", "not_found", "not_converted", "error" };

/* Adds S to a ';'-joined column. */
static void sb_add(struct sn_buf *b, const char *s)
{
	if (b->len)
		(void)sn_buf_add(b, ";", 1);
	(void)sn_buf_adds(b, s);
}

static void put(struct out *o, const char *input, int st, const char *level, const char *oc, const char *on,
		const char *nc, const char *nn, const char *share, const char *cand)
{
	FILE *f = o->f;
	o->rows++;
	o->by[st]++;
	if (o->csv) {
		sn_csv_write_cell(f, input); fputc(',', f);
		fputs(st_names[st], f); fputc(',', f);
		fputs(level, f); fputc(',', f);
		fputs(oc, f); fputc(',', f);
		sn_csv_write_cell(f, on); fputc(',', f);
		fputs(nc, f); fputc(',', f);
		sn_csv_write_cell(f, nn); fputc(',', f);
		fputs(share, f); fputc(',', f);
		fputs(cand, f); fputc('\n', f);
		return;
	}
	/* The text lines are for people: in the language in use (the share stays as stored). */
	if (st == ST_OK)
		fprintf(f, "%s\t%s %s -> %s %s (%s)\n", input, oc, on, nc, nn, share);
	else if (st == ST_AMBIGUOUS)
		fprintf(f, _("%s\tambiguous: %s\n"), input, cand);
	else if (st == ST_NOT_CONVERTED)
		fprintf(f, _("%s\tnot converted: %s %s\n"), input, oc, on);
	else if (st == ST_NOT_FOUND)
		fprintf(f, "%s\t%s\n", input, C_("units map status", "not_found"));
	else
		fprintf(f, "%s\t%s\n", input, C_("units map status", "error"));
}

/* The successors of unit U as one row. */
static void put_unit(sn_areg *r, struct out *o, const char *input, int u, struct sn_buf *b1, struct sn_buf *b2,
		     struct sn_buf *b3)
{
	struct sn_aunit a;
	sn_areg_unit(r, u, &a);
	if (a.not_converted || a.nsucc == 0) {
		put(o, input, ST_NOT_CONVERTED, a.level, a.code, a.name, "", "", "", "");
		return;
	}
	sn_buf_reset(b1), sn_buf_reset(b2), sn_buf_reset(b3);
	for (int i = 0; i < a.nsucc; i++) {
		const char *c, *n, *s;
		sn_areg_succ(r, u, i, &c, &n, &s);
		sb_add(b1, c);
		sb_add(b2, n);
		sb_add(b3, s);
	}
	/* Out of memory: no row with a column cut short; the caller stops with the error. */
	if (b1->failed || b2->failed || b3->failed)
		return;
	put(o, input, ST_OK, a.level, a.code, a.name, sn_buf_str(b1), sn_buf_str(b2), sn_buf_str(b3), "");
}

static void one(sn_areg *r, struct out *o, const char *input, const char *district, const char *province,
		struct sn_buf *b1, struct sn_buf *b2, struct sn_buf *b3)
{
	char *clean = sn_text_clean(input);
	const char *q = clean ? clean : "";
	if (!*q) {
		put(o, input, ST_ERROR, "", "", "", "", "", "", "");
		free(clean);
		return;
	}
	if (digits_only(q)) {
		/* A bare number is a code of its width. */
		const char *level = sn_code_level(q);
		int u = level ? sn_areg_code(r, level, q) : -1;
		if (!level)
			put(o, input, ST_ERROR, "", q, "", "", "", "", "");
		else if (u < 0)
			put(o, input, ST_NOT_FOUND, level, q, "", "", "", "", "");
		else
			put_unit(r, o, input, u, b1, b2, b3);
		free(clean);
		return;
	}
	int found[64];
	int n = sn_areg_find(r, q, district, province, found, 64);
	if (n <= 0) {
		put(o, input, ST_NOT_FOUND, "", "", "", "", "", "", "");
	} else if (n == 1) {
		put_unit(r, o, input, found[0], b1, b2, b3);
	} else {
		const char *codes[64];
		int m = n < 64 ? n : 64;
		for (int i = 0; i < m; i++) {
			struct sn_aunit a;
			sn_areg_unit(r, found[i], &a);
			codes[i] = a.code;
		}
		qsort(codes, (size_t)m, sizeof *codes, by_str);
		b1->len = 0;
		for (int i = 0; i < m; i++)
			sb_add(b1, codes[i]);
		put(o, input, ST_AMBIGUOUS, "", "", "", "", "", "", b1->p ? b1->p : "");
	}
	free(clean);
}

/* One code or name per line, or a CSV with a header naming code or name (and optionally district
 * and province). */
int sn_units_map_file(struct sn_ctx *ctx, const char *path, const char *date, const char *district,
		      const char *province, int text)
{
	int rc = SN_OK;
	sn_areg *r = sn_areg_load(ctx, date, &rc);
	if (!r)
		return rc;
	char err[1200];
	sn_decoder *d = sn_decoder_open(path, SN_ENC_AUTO, err, sizeof err);
	if (!d) {
		sn_error(ctx, "%s", err);
		sn_areg_free(r);
		return SN_IO;
	}
	const char *name = !strcmp(path, "-") ? "stdin" : path;
	sn_csv *c = sn_csv_new(sn_decoder_read_cb, d, (const char *(*)(const void *))sn_decoder_error, name, ',', NULL);
	struct out o = { .f = ctx->out, .csv = !text };
	struct sn_buf b1 = SN_BUF_INIT, b2 = SN_BUF_INIT, b3 = SN_BUF_INIT;
	char **f;
	size_t nf;
	int first = 1, col_q = 0, col_d = -1, col_p = -1, header = 0, res;
	if (!c) {
		rc = SN_IO;
		goto out;
	}
	if (o.csv)
		fputs("input,status,level,old_code,old_name,new_code,new_name,share,candidates\n", o.f);
	while ((res = sn_csv_next(c, &f, &nf)) == 1) {
		if (first) {
			first = 0;
			for (size_t i = 0; i < nf; i++) {
				char *h = sn_text_clean(f[i]);
				if (h && (!strcasecmp(h, "code") || !strcasecmp(h, "name"))) {
					col_q = (int)i;
					header = 1;
				} else if (h && !strcasecmp(h, "district")) {
					col_d = (int)i;
				} else if (h && !strcasecmp(h, "province")) {
					col_p = (int)i;
				}
				free(h);
			}
			if (header)
				continue;
			col_d = col_p = -1;
		}
		if (!header) {
			/* A plain line: the whole line is the query (a name may hold a comma). */
			char line[1024];
			size_t o2 = 0;
			line[0] = '\0';
			for (size_t i = 0; i < nf && o2 < sizeof line - 1; i++) {
				int k = snprintf(line + o2, sizeof line - o2, "%s%s", i ? "," : "", f[i]);
				o2 = k < 0 ? sizeof line : o2 + (size_t)k;
			}
			if (nf == 1 && !*f[0])
				continue;   /* blank line */
			one(r, &o, line, district, province, &b1, &b2, &b3);
			if (b1.failed || b2.failed || b3.failed)
				break;
			continue;
		}
		const char *q = (size_t)col_q < nf ? f[col_q] : "";
		const char *dd = col_d >= 0 && (size_t)col_d < nf && *f[col_d] ? f[col_d] : district;
		const char *pp = col_p >= 0 && (size_t)col_p < nf && *f[col_p] ? f[col_p] : province;
		one(r, &o, q, dd, pp, &b1, &b2, &b3);
		if (b1.failed || b2.failed || b3.failed)
			break;
	}
	if (b1.failed || b2.failed || b3.failed) {
		sn_error(ctx, "out of memory");
		rc = SN_IO;
		goto out;
	}
	if (res < 0) {
		sn_error(ctx, "%s", sn_csv_error(c));
		rc = SN_DATA;
		goto out;
	}
	sn_info(ctx, "units map: rows=%ld ok=%ld ambiguous=%ld not_found=%ld not_converted=%ld error=%ld", o.rows,
		o.by[ST_OK], o.by[ST_AMBIGUOUS], o.by[ST_NOT_FOUND], o.by[ST_NOT_CONVERTED], o.by[ST_ERROR]);
	if (o.rows > o.by[ST_OK])
		rc = SN_FINDINGS;
out:
	sn_buf_release(&b1);
	sn_buf_release(&b2);
	sn_buf_release(&b3);
	sn_csv_free(c);
	sn_decoder_close(d);
	sn_areg_free(r);
	return rc;
}
