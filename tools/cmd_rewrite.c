/* cmd_rewrite.c - 'sapnhap rewrite IN OUT': old agency codes replaced in a file, by the crosswalk.
 *
 * The lookup answers for one code as written: an old code kept (unchanged), renumbered or merged
 * (its new code, in the notation it was written in), closed with one successor (that one), or
 * closed with several or none (ambiguous: the file is not written and each occurrence is listed).
 * A code under a closed level-1 code that the crosswalk does not know is ambiguous too: nothing
 * says where it goes.
 */
#include <getopt.h>
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "db.h"
#include "rewrite.h"

struct lookup {
	struct sn_ctx *ctx;
	sqlite3_stmt *by_key, *succ, *closed_l1;
	long changed, ambiguous;
	const char *in;
};

static void in_notation(const struct sn_agcode *as, const char *code, char *out, size_t len)
{
	struct sn_agcode c;
	if (sn_agcode_parse(code, &c) == SN_AGCODE_INVALID ||
	    sn_agcode_format(&c, as->notation, out, len) < 0)
		snprintf(out, len, "%s", code);
}

static enum sn_map_result lookup(void *arg, const char *code, char *out, size_t outlen)
{
	struct lookup *lk = arg;
	struct sn_agcode c;
	char key[40];
	if (sn_agcode_parse(code, &c) == SN_AGCODE_INVALID)
		return SN_MAP_UNKNOWN;
	sn_agcode_sort_key(&c, code, key, sizeof key);
	sqlite3_reset(lk->by_key);
	sqlite3_bind_text(lk->by_key, 1, key, -1, SQLITE_TRANSIENT);
	if (sn_step(lk->ctx, lk->by_key) != SQLITE_ROW) {
		sqlite3_reset(lk->closed_l1);
		sqlite3_bind_text(lk->closed_l1, 1, c.l1, -1, SQLITE_TRANSIENT);
		if (sn_step(lk->ctx, lk->closed_l1) == SQLITE_ROW) {
			snprintf(out, outlen, "no successor known: level-1 code %s is closed and the crosswalk "
				 "does not list this code", c.l1);
			return SN_MAP_AMBIGUOUS;
		}
		return SN_MAP_UNKNOWN;
	}
	const char *outcome = sn_col(lk->by_key, 1);
	if (!strcmp(outcome, "kept"))
		return SN_MAP_SAME;
	if (strcmp(outcome, "closed")) {
		in_notation(&c, sn_col(lk->by_key, 2), out, outlen);
		return SN_MAP_NEW;
	}
	/* Closed: one successor is unambiguous, several (or none) need a person. */
	char old[40];
	snprintf(old, sizeof old, "%s", sn_col(lk->by_key, 0));
	sqlite3_reset(lk->succ);
	sqlite3_bind_text(lk->succ, 1, old, -1, SQLITE_TRANSIENT);
	int n = 0;
	size_t used = 0;
	out[0] = '\0';
	char first[40] = "";
	while (sn_step(lk->ctx, lk->succ) == SQLITE_ROW) {
		if (!n)
			snprintf(first, sizeof first, "%s", sn_col(lk->succ, 0));
		used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0, "%s%s", n ? "; " : "",
					 sn_col(lk->succ, 0));
		n++;
	}
	if (n == 1) {
		in_notation(&c, first, out, outlen);
		return SN_MAP_NEW;
	}
	if (n == 0)
		snprintf(out, outlen, "closed without a successor");
	return SN_MAP_AMBIGUOUS;
}

static void report(void *arg, long line, const char *where, const char *code, const char *to,
		   enum sn_map_result r)
{
	struct lookup *lk = arg;
	switch (r) {
	case SN_MAP_NEW:
		fprintf(lk->ctx->err, "%s:%ld: %s: %s -> %s\n", lk->in, line, where, code, to);
		break;
	case SN_MAP_AMBIGUOUS:
		fprintf(lk->ctx->err, "%s:%ld: %s: %s cannot be rewritten: %s\n", lk->in, line, where, code, to);
		break;
	case SN_MAP_KEPT:
		fprintf(lk->ctx->err, "%s:%ld: %s: issued dossier code %s kept (stays valid)\n", lk->in,
			line, where, code);
		break;
	default:
		break;
	}
}

static void usage(FILE *f)
{
	fputs("usage: sapnhap rewrite IN OUT [--format xml|csv] [--columns LIST] [--encoding ENC]\n"
	      "\n"
	      "Copies IN to OUT with every old agency code replaced as the crosswalk says (run\n"
	      "'sapnhap recode' first). XML (e.g. edXML: From, To, ResponseFor, TraceHeader OrganId,\n"
	      "DocumentId) and CSV are streamed; only codes change. A value that is a code, or an\n"
	      "identifier containing one (1.001612.000.00.00.H10, 000.00.00.H10,2024/05/02,123/UBND-KT),\n"
	      "is rewritten; free text is not; an issued dossier code (CODE-YYMMDD-NNNN) stays valid\n"
	      "and is kept. Each change goes to stderr with its line. When a code closed with\n"
	      "several successors occurs, OUT is not written, each occurrence is listed, and the exit\n"
	      "status is 1. IN may be OUT.\n"
	      "\n"
	      "options:\n"
	      "  --format FMT     xml or csv (default: from the content)\n"
	      "  --columns LIST   CSV: only these header names (comma-separated); default all\n"
	      "  --encoding ENC   CSV input encoding: auto (default), utf-8, cp1258, tcvn3\n"
	      "\n"
	      "example:\n"
	      "  sapnhap rewrite letter.xml letter-new.xml\n", f);
}

static int looks_like_xml(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	unsigned char b[64] = { 0 };
	size_t n = fread(b, 1, sizeof b, f), i = 0;
	fclose(f);
	if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
		i = 3;
	while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
		i++;
	return i < n && b[i] == '<';
}

int cmd_rewrite(struct sn_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "columns", required_argument, NULL, 'c' },
		{ "encoding", required_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char *format = NULL, *columns = NULL;
	sn_encoding enc = SN_ENC_AUTO;
	int c;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "xml") && strcmp(optarg, "csv"))
				return sn_usage_error(ctx, argv[0], "--format must be xml or csv");
			format = optarg;
			break;
		case 'c': columns = optarg; break;
		case 'E':
			if (sn_encoding_parse(optarg, &enc) != 0)
				return sn_usage_error(ctx, argv[0], "unknown encoding '%s' (auto, utf-8, cp1258, tcvn3)", optarg);
			break;
		case 'h': usage(ctx->out); return SN_OK;
		default: return sn_usage_error(ctx, argv[0], "unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind != argc - 2)
		return sn_usage_error(ctx, argv[0], "expected IN and OUT");
	const char *in = argv[optind], *out = argv[optind + 1];
	if (!sn_query_int(ctx, "SELECT count(*) FROM crosswalk")) {
		sn_error(ctx, "no crosswalk yet: run 'sapnhap recode'");
		return SN_FINDINGS;
	}
	int xml = format ? !strcmp(format, "xml") : looks_like_xml(in);
	if (xml && columns)
		return sn_usage_error(ctx, argv[0], "--columns applies to CSV only");
	struct lookup lk = { .ctx = ctx, .in = in };
	lk.by_key = sn_prepare(ctx, "SELECT x.old_code, x.outcome, COALESCE(x.new_code, '') FROM crosswalk x "
				    "JOIN agency a ON a.code = x.old_code WHERE a.sort_key = ?1 ORDER BY a.code LIMIT 1");
	lk.succ = sn_prepare(ctx, "SELECT new_code FROM crosswalk_successor WHERE old_code = ?1 ORDER BY new_code");
	lk.closed_l1 = sn_prepare(ctx, "SELECT 1 FROM closed_code WHERE code = ?1");
	int rc = SN_IO;
	if (lk.by_key && lk.succ && lk.closed_l1) {
		struct sn_rewrite_stats st;
		char err[1400] = "";
		rc = xml ? sn_rewrite_xml(in, out, lookup, report, &lk, &st, err, sizeof err) :
			   sn_rewrite_csv(in, out, columns, enc, lookup, report, &lk, &st, err, sizeof err);
		if (rc == 0)
			sn_info(ctx, "rewrote %s -> %s: %ld code(s) found in %ld value(s), %ld changed, "
				"%ld issued dossier code(s) kept", in, out, st.codes_found, st.values_seen,
				st.codes_changed, st.dossier_codes_kept);
		else
			sn_error(ctx, "%s", err);
	}
	sqlite3_finalize(lk.by_key);
	sqlite3_finalize(lk.succ);
	sqlite3_finalize(lk.closed_l1);
	return rc;
}
