/* cmd_crosswalk.c - 'sapnhap crosswalk': the old -> new agency codes recode decided. */
#include <getopt.h>
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "db.h"

static void xml_text(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static void usage(FILE *f)
{
	fputs("usage: sapnhap crosswalk [--format text|csv|xml] [--notation qcvn|left]\n"
	      "\n"
	      "Prints every old agency code with its outcome (kept, renumbered, merged, closed), the\n"
	      "code now carrying its work, the successors of a closed code and the reason, ordered by\n"
	      "old province and code. CSV: old_code,province,outcome,new_code,successors,reason\n"
	      "(successors separated by ';'). XML: schema/crosswalk.xsd. Run 'sapnhap recode' first.\n"
	      "--notation prints codes in QCVN 102 (000.00.16.H19) or QĐ 20/2020 (H19.16) notation.\n", f);
}

int cmd_crosswalk(struct sn_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "notation", required_argument, NULL, 'N' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	enum sn_notation notation = SN_NOTATION_QCVN;
	int renotate = 0;
	int c, xml = 0;
	enum sn_format fmt = SN_FMT_TEXT;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "xml"))
				xml = 1;
			else if (sn_parse_format(optarg, 1u << SN_FMT_TEXT | 1u << SN_FMT_CSV, &fmt))
				return sn_usage_error(ctx, argv[0], "--format must be text, csv or xml");
			break;
		case 'N':
			if (sn_notation_parse(optarg, &notation))
				return sn_usage_error(ctx, argv[0], "--notation must be qcvn or left");
			renotate = 1;
			break;
		case 'h': usage(ctx->out); return SN_OK;
		default: return sn_usage_error(ctx, argv[0], "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc)
		return sn_usage_error(ctx, argv[0], "unexpected argument '%s'", argv[optind]);
	if (!sn_query_int(ctx, "SELECT count(*) FROM crosswalk")) {
		sn_error(ctx, "no crosswalk yet: run 'sapnhap recode'");
		return SN_FINDINGS;
	}
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT x.old_code, x.province, x.outcome, COALESCE(x.new_code, ''), "
		"COALESCE((SELECT group_concat(new_code, ';') FROM (SELECT new_code FROM crosswalk_successor "
		"WHERE old_code = x.old_code ORDER BY new_code)), ''), x.reason "
		"FROM crosswalk x JOIN agency a ON a.code = x.old_code ORDER BY x.province, a.sort_key, x.old_code");
	if (!st)
		return SN_IO;
	FILE *f = ctx->out;
	if (xml) {
		char *q = sqlite3_mprintf("SELECT min(new_province_code) FROM link WHERE old_province_code = "
					  "(SELECT min(province) FROM agency)");
		sqlite3_stmt *p = q ? sn_prepare(ctx, q) : NULL;
		sqlite3_free(q);
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<crosswalk xmlns=\"urn:sapnhap:crosswalk:1\" province=\"", f);
		if (p && sn_step(ctx, p) == SQLITE_ROW)
			xml_text(f, sn_col(p, 0));
		sqlite3_finalize(p);
		fputs("\">\n", f);
	} else if (fmt == SN_FMT_CSV) {
		fputs("old_code,province,outcome,new_code,successors,reason\n", f);
	}
	int r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		const char *col[6];
		char oldc[64], newc[64], succ[1024];
		for (int i = 0; i < 6; i++)
			col[i] = sn_col(st, i);
		if (renotate) {
			col[0] = sn_agcode_display(col[0], notation, oldc, sizeof oldc);
			col[3] = sn_agcode_display(col[3], notation, newc, sizeof newc);
			size_t used = 0;
			succ[0] = '\0';
			for (const char *s = col[4]; *s && used < sizeof succ;) {
				const char *e = strchr(s, ';');
				char one[64], shown[64];
				snprintf(one, sizeof one, "%.*s", (int)(e ? (size_t)(e - s) : strlen(s)), s);
				used += (size_t)snprintf(succ + used, sizeof succ - used, "%s%s", used ? ";" : "",
							 sn_agcode_display(one, notation, shown, sizeof shown));
				s = e ? e + 1 : s + strlen(s);
			}
			col[4] = succ;
		}
		if (xml) {
			fputs("  <entry old=\"", f);
			xml_text(f, col[0]);
			fprintf(f, "\" province=\"%s\" outcome=\"%s\"", col[1], col[2]);
			if (*col[3]) {
				fputs(" new=\"", f);
				xml_text(f, col[3]);
				fputc('"', f);
			}
			fputs(">\n", f);
			for (const char *s = col[4]; *s;) {
				const char *e = strchr(s, ';');
				size_t n = e ? (size_t)(e - s) : strlen(s);
				fprintf(f, "    <successor>%.*s</successor>\n", (int)n, s);
				s += n + (e ? 1 : 0);
			}
			fputs("    <reason>", f);
			xml_text(f, col[5]);
			fputs("</reason>\n  </entry>\n", f);
		} else if (fmt == SN_FMT_CSV) {
			for (int i = 0; i < 6; i++) {
				if (i)
					fputc(',', f);
				sn_csv_field(f, col[i]);
			}
			fputc('\n', f);
		} else {
			fprintf(f, "%-15s %s %-10s %-15s %s\n", col[0], col[1], col[2],
				*col[3] ? col[3] : "-", *col[4] ? col[4] : "");
		}
	}
	sqlite3_finalize(st);
	if (xml)
		fputs("</crosswalk>\n", f);
	return r < 0 ? SN_IO : SN_OK;
}
