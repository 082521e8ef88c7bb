/* cmd_address_convert.c - 'sapnhap address convert': addresses as citizens wrote them, in the new units.
 *
 * Streams: one output row per input row, in input order, as each is read; memory is the
 * registry's (address.c), not the file's.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "address.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "strbuf.h"
#include "db.h"
#include "i18n.h"
#include "text.h"
#include "banned.h"

static const char *const fields[] = {
	"status", "address_new", "commune_code", "commune_name", "province_code", "province_name",
	"old_commune_code", "old_district_code", "old_province_code", "confidence", "reasons", "candidates",
};
enum { NFIELDS = sizeof fields / sizeof fields[0] };

/* A byte source that first hands out bytes read ahead (to look at the first line), then the
 * decoder's. */
struct src {
	sn_decoder *d;
	struct sn_buf pre;
	size_t pos;
};

static ssize_t src_read(void *arg, char *buf, size_t cap)
{
	struct src *s = arg;
	if (s->pos < s->pre.len) {
		size_t k = s->pre.len - s->pos;
		if (k > cap)
			k = cap;
		memcpy(buf, s->pre.p + s->pos, k);
		s->pos += k;
		return (ssize_t)k;
	}
	return s->d ? sn_decoder_read(s->d, buf, cap) : 0;
}

static const char *src_err(const void *arg)
{
	const struct src *s = arg;
	return sn_decoder_error(s->d);
}

/* Reads ahead up to the end of the first line (at most 64 KiB). */
static int read_first_line(struct src *s)
{
	for (;;) {
		if ((s->pre.len && memchr(s->pre.p, '\n', s->pre.len)) || s->pre.len >= 65536)
			return 0;
		if (sn_buf_grow(&s->pre, 4096))
			return -1;
		ssize_t r = sn_decoder_read(s->d, s->pre.p + s->pre.len, 4096);
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
		s->pre.len += (size_t)r;
		s->pre.p[s->pre.len] = '\0';
	}
}

/* Lines of the source, without their line end (LF, CRLF). */
struct lines {
	struct src *s;
	char buf[65536];
	size_t pos, len;
	int eof;
	struct sn_buf line;
	long no;
};

static int next_line(struct lines *L, char **out)
{
	int any = 0;
	sn_buf_reset(&L->line);
	for (;;) {
		if (L->pos == L->len) {
			if (L->eof)
				break;
			ssize_t r = src_read(L->s, L->buf, sizeof L->buf);
			if (r < 0)
				return -1;
			if (r == 0) {
				L->eof = 1;
				break;
			}
			L->pos = 0;
			L->len = (size_t)r;
		}
		any = 1;
		char *nl = memchr(L->buf + L->pos, '\n', L->len - L->pos);
		size_t k = nl ? (size_t)(nl - (L->buf + L->pos)) : L->len - L->pos;
		if (sn_buf_add(&L->line, L->buf + L->pos, k))
			return -1;
		L->pos += k + (nl ? 1 : 0);
		if (nl)
			break;
	}
	if (!any)
		return 0;
	if (sn_buf_add(&L->line, "", 0))  /* an empty line has its buffer too */
		return -1;
	if (L->line.len > 0 && L->line.p[L->line.len - 1] == '\r')
		L->line.p[--L->line.len] = '\0';
	L->no++;
	*out = L->line.p;
	return 1;
}

enum { IN_AUTO, IN_CSV, IN_LINES };

struct opts {
	const char *date;
	const char *column;
	const char *hamlets;
	int input;
	int jsonl;
	int floor;
	sn_encoding enc;
};

struct counts {
	long rows, by[4];
};

static void write_fields(FILE *f, const struct sn_addr *a, int jsonl)
{
	char reasons[400], conf[16];
	sn_addr_reasons(a->reasons, reasons, sizeof reasons);
	snprintf(conf, sizeof conf, "%.3f", a->confidence);
	const char *v[NFIELDS] = {
		sn_addr_status_name(a->status), a->address_new, a->commune_code, a->commune_name,
		a->province_code, a->province_name, a->old_commune_code, a->old_district_code,
		a->old_province_code, conf, reasons, a->candidates,
	};
	for (int i = 0; i < NFIELDS; i++) {
		if (jsonl) {
			fputs(",\"", f);
			fputs(fields[i], f);
			fputs("\":", f);
			if (i == 9)
				fputs(conf, f);
			else
				sn_json_string(f, v[i]);
		} else {
			if (i)
				fputc(',', f);
			sn_csv_write_cell(f, v[i]);
		}
	}
}

static int is_field(const char *name)
{
	for (int i = 0; i < NFIELDS; i++)
		if (!strcmp(name, fields[i]))
			return 1;
	return 0;
}

static const struct sn_usage usage = {
	.args = "[FILE|-]", .min_args = 0, .max_args = 1, .expected = N_("at most one FILE"),
	.description =
	N_("Rewrites addresses in the units in force on DATE (default: today), matched against the\n"
	"unit registry of the working database: one output row per input row, in input order.\n"
	"Input: a CSV file whose address is in column NAME (--column; else a column named\n"
	"'address'; else the first), every other column passed through unchanged; or plain\n"
	"lines, one address each. --input auto (the default) reads CSV when --column is given\n"
	"or the first line is a header with a column named 'address', and lines otherwise.\n"
	"Any encoding sapnhap reads (UTF-8 NFC or NFD, Windows-1258, TCVN3); FILE '-' or none\n"
	"is stdin.\n"
	"\n"
	"Output fields: status (converted, ambiguous, not_found, already_new), address_new,\n"
	"commune_code, commune_name, province_code, province_name, old_commune_code,\n"
	"old_district_code, old_province_code, confidence (0-1), reasons, candidates.\n"
	"CSV: the input's columns, then these (an input column of the same name is replaced);\n"
	"plain lines: 'address', then these. jsonl: one object per row, these keys after\n"
	"\"address\", and the input's columns under \"input\" (CSV input).\n"
	"A split commune goes to the part that took the whole population, else to the part\n"
	"the hamlet table names (--hamlets FILE: old_commune,hamlet,new_commune), else it is\n"
	"ambiguous with every part as a candidate. Exit status 1 when a row is ambiguous or\n"
	"not found; counts on stderr.\n"),
	.examples =
	"sapnhap address convert addresses.txt\n"
	"sapnhap address convert citizens.csv --column dia_chi --format jsonl --on 2025-07-01\n",
};

static const char *const inputs[] = { "auto", "csv", "lines", NULL };  /* IN_* */
static const char *const outputs[] = { "csv", "jsonl", NULL };

int cmd_address_convert(struct sn_ctx *ctx, int argc, char **argv)
{
	struct opts o = { 0 };
	int nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_STRING("column", &o.column, "NAME", "CSV: the column holding the address"),
		OPT_CHOICE("input", &o.input, inputs, "CSV or plain lines (default: auto)"),
		OPT_ON(&o.date, "the units in force on DATE (default: today)"),
		OPT_CHOICE("format", &o.jsonl, outputs, "csv (default) or jsonl"),
		OPT_FILE("hamlets", &o.hamlets, "old_commune,hamlet,new_commune for split communes"),
		OPT_ENCODING(&o.enc, "input encoding: auto (default), utf-8, cp1258, tcvn3"),
		{ .kind = SN_OPT_FLAG, .name = "floor", .value = &o.floor, .flags = SN_OPT_HIDDEN },
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	if (o.column && o.input == IN_LINES)
		return sn_usage_error(ctx, argv[0], "--column needs CSV input");
	const char *path = nargs ? args[0] : "-";

	sn_areg *reg = NULL;
	if (!o.floor) {
		reg = sn_areg_load(ctx, o.date, &rc);
		if (!reg)
			return rc;
		if (o.hamlets && (rc = sn_areg_hamlets(ctx, reg, o.hamlets))) {
			sn_areg_free(reg);
			return rc;
		}
	}
	char err[1200];
	struct src src = { 0 };
	struct lines *L = NULL;
	sn_csv *csv = NULL;
	char **head = NULL;
	size_t nhead = 0;
	int *keep = NULL;
	struct counts cnt = { 0 };
	FILE *f = ctx->out;
	if (!(src.d = sn_decoder_open(path, o.enc, err, sizeof err))) {
		sn_error(ctx, "%s", err);
		sn_areg_free(reg);
		return SN_IO;
	}
	if (read_first_line(&src) < 0) {
		sn_error(ctx, "%s: %s", path, *sn_decoder_error(src.d) ? sn_decoder_error(src.d) : _("out of memory"));
		rc = SN_DATA;
		goto out;
	}
	const char *name = !strcmp(path, "-") ? "stdin" : path;
	int mode = o.input;
	if (mode == IN_AUTO) {
		mode = o.column ? IN_CSV : IN_LINES;
		if (!o.column) {
			/* A header with a column named 'address'. */
			sn_csv *h = sn_csv_new(src_read, &(struct src){ .d = NULL, .pre = src.pre }, NULL, name, ',', NULL);
			char **cells;
			size_t n;
			if (h && sn_csv_next(h, &cells, &n) == 1)
				for (size_t i = 0; i < n; i++) {
					char *cl = sn_text_clean(cells[i]);
					if (cl && !strcasecmp(cl, "address"))
						mode = IN_CSV;
					free(cl);
				}
			sn_csv_free(h);
		}
	}
	int col = 0;
	if (mode == IN_CSV) {
		if (!(csv = sn_csv_new(src_read, &src, src_err, name, ',', NULL))) {
			rc = SN_IO;
			goto out;
		}
		int r = sn_csv_next(csv, &head, &nhead);
		if (r <= 0) {
			sn_error(ctx, "%s", r < 0 ? sn_csv_error(csv) : _("file is empty: a CSV needs a header"));
			rc = SN_DATA;
			goto out;
		}
		/* Our own copy: the reader reuses its buffers. */
		char **h = calloc(nhead, sizeof *h);
		keep = calloc(nhead, sizeof *keep);
		if (!h || !keep) {
			free(h);
			rc = SN_IO;
			goto out;
		}
		for (size_t i = 0; i < nhead; i++)
			h[i] = sn_text_clean(head[i]) ? : strdup(head[i]);
		head = h;
		col = -1;
		for (size_t i = 0; i < nhead; i++)
			if (head[i] && (o.column ? !strcmp(head[i], o.column) : !strcasecmp(head[i], "address")))
				col = (int)i;
		if (col < 0 && o.column) {
			sn_error(ctx, "%s:1: no column named '%s' (columns: %zu)", name, o.column, nhead);
			rc = SN_DATA;
			goto out;
		}
		if (col < 0)
			col = 0;
		for (size_t i = 0; i < nhead; i++)
			keep[i] = o.floor || !is_field(head[i]);
		if (!o.jsonl) {
			int first = 1;
			for (size_t i = 0; i < nhead; i++)
				if (keep[i]) {
					if (!first)
						fputc(',', f);
					sn_csv_write_cell(f, head[i]);
					first = 0;
				}
			if (!o.floor)
				for (int i = 0; i < NFIELDS; i++) {
					if (!first || i)
						fputc(',', f);
					fputs(fields[i], f);
				}
			fputc('\n', f);
		}
	} else {
		if (!(L = calloc(1, sizeof *L))) {
			rc = SN_IO;
			goto out;
		}
		L->s = &src;
		if (!o.jsonl && !o.floor) {
			fputs("address", f);
			for (int i = 0; i < NFIELDS; i++) {
				fputc(',', f);
				fputs(fields[i], f);
			}
			fputc('\n', f);
		}
	}
	for (;;) {
		char **cells = NULL, *line = NULL;
		size_t n = 0;
		int r = mode == IN_CSV ? sn_csv_next(csv, &cells, &n) : next_line(L, &line);
		if (r == 0)
			break;
		if (r < 0) {
			if (mode == IN_CSV)
				sn_error(ctx, "%s", sn_csv_error(csv));
			else
				sn_error(ctx, "%s: line %ld: %s", name, L->no + 1,
					 *sn_decoder_error(src.d) ? sn_decoder_error(src.d) : _("read error"));
			rc = SN_DATA;
			goto out;
		}
		const char *addr = mode == IN_CSV ? ((size_t)col < n ? cells[col] : "") : line;
		if (o.floor) {
			/* The same file read and written back by the same binary: the I/O floor. */
			if (mode == IN_CSV) {
				for (size_t i = 0; i < n; i++) {
					if (i)
						fputc(',', f);
					sn_csv_write_cell(f, cells[i]);
				}
			} else {
				fputs(line, f);
			}
			fputc('\n', f);
			cnt.rows++;
			continue;
		}
		struct sn_addr a;
		if (sn_address_match(reg, addr, &a) < 0) {
			sn_addr_release(&a);
			sn_error(ctx, "out of memory");
			rc = SN_IO;
			goto out;
		}
		cnt.rows++;
		cnt.by[a.status]++;
		if (o.jsonl) {
			fputs("{\"address\":", f);
			sn_json_string(f, addr);
			write_fields(f, &a, 1);
			if (mode == IN_CSV) {
				fputs(",\"input\":{", f);
				for (size_t i = 0; i < nhead; i++) {
					if (i)
						fputc(',', f);
					sn_json_string(f, head[i]);
					fputc(':', f);
					sn_json_string(f, i < n ? cells[i] : "");
				}
				fputc('}', f);
			}
			fputs("}\n", f);
		} else {
			int first = 1;
			if (mode == IN_CSV) {
				for (size_t i = 0; i < nhead; i++)
					if (keep[i]) {
						if (!first)
							fputc(',', f);
						sn_csv_write_cell(f, i < n ? cells[i] : "");
						first = 0;
					}
			} else {
				sn_csv_write_cell(f, addr);
				first = 0;
			}
			if (!first)
				fputc(',', f);
			write_fields(f, &a, 0);
			fputc('\n', f);
		}
		sn_addr_release(&a);
	}
	if (!o.floor) {
		sn_info(ctx, "address convert: rows=%ld converted=%ld already_new=%ld ambiguous=%ld not_found=%ld",
			cnt.rows, cnt.by[SN_ADDR_CONVERTED], cnt.by[SN_ADDR_ALREADY_NEW], cnt.by[SN_ADDR_AMBIGUOUS],
			cnt.by[SN_ADDR_NOT_FOUND]);
		if (cnt.by[SN_ADDR_AMBIGUOUS] || cnt.by[SN_ADDR_NOT_FOUND])
			rc = SN_FINDINGS;
	}
out:
	if (head && keep)
		for (size_t i = 0; i < nhead; i++)
			free(head[i]);
	if (keep)
		free(head);
	free(keep);
	sn_csv_free(csv);
	if (L)
		sn_buf_release(&L->line);
	free(L);
	sn_buf_release(&src.pre);
	sn_decoder_close(src.d);
	sn_areg_free(reg);
	return rc;
}
