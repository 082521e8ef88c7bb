/* cmd_rewrite.c - 'sapnhap rewrite IN OUT': old agency codes replaced in a file, by the crosswalk
 * (xwalk.h says what each code becomes; rewrite.h which values are rewritten). */
#include <getopt.h>
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "db.h"
#include "rewrite.h"
#include "table.h"
#include "xwalk.h"

/* The engine hands one context to both callbacks. */
struct lookup {
	struct sn_ctx *ctx;
	struct sn_xwalk *xw;
	const char *in;
};

static enum sn_map_result lookup(void *arg, const char *code, char *out, size_t outlen)
{
	return sn_xwalk_lookup(((struct lookup *)arg)->xw, code, out, outlen);
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
		default: return sn_option_error(ctx, argv[0], argv);
		}
	}
	if (optind != argc - 2)
		return sn_usage_error(ctx, argv[0], "expected IN and OUT");
	const char *in = argv[optind], *out = argv[optind + 1];
	if (!sn_query_int(ctx, "SELECT count(*) FROM crosswalk")) {
		sn_error(ctx, "no crosswalk yet: run 'sapnhap recode'");
		return SN_FINDINGS;
	}
	int xml = format ? !strcmp(format, "xml") : sn_looks_like_xml(in);
	if (xml && columns)
		return sn_usage_error(ctx, argv[0], "--columns applies to CSV only");
	struct sn_xwalk *xw = sn_xwalk_open(ctx);
	if (!xw)
		return SN_IO;
	struct lookup lk = { .ctx = ctx, .xw = xw, .in = in };
	struct sn_rewrite_stats st;
	char err[1400] = "";
	int rc = xml ? sn_rewrite_xml(in, out, lookup, report, &lk, &st, err, sizeof err) :
		       sn_rewrite_csv(in, out, columns, enc, lookup, report, &lk, &st, err, sizeof err);
	if (rc == 0)
		sn_info(ctx, "rewrote %s -> %s: %ld code(s) found in %ld value(s), %ld changed, "
			"%ld issued dossier code(s) kept", in, out, st.codes_found, st.values_seen,
			st.codes_changed, st.dossier_codes_kept);
	else
		sn_error(ctx, "%s", err);
	sn_xwalk_close(xw);
	return rc;
}
