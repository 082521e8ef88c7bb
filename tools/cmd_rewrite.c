/* cmd_rewrite.c - 'sapnhap rewrite IN OUT': old agency codes replaced in a file, by the crosswalk
 * (xwalk.h says what each code becomes; rewrite.h which values are rewritten). */
#include <string.h>
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "db.h"
#include "rewrite.h"
#include "table.h"
#include "xwalk.h"
#include "i18n.h"
#include "banned.h"

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
		fprintf(lk->ctx->err, _("%s:%ld: %s: %s cannot be rewritten: %s\n"), lk->in, line, where, code, to);
		break;
	case SN_MAP_KEPT:
		fprintf(lk->ctx->err, _("%s:%ld: %s: issued dossier code %s kept (stays valid)\n"), lk->in,
			line, where, code);
		break;
	default:
		break;
	}
}

static const struct sn_usage usage = {
	.args = "IN OUT", .min_args = 2, .max_args = 2, .expected = N_("IN and OUT"),
	.description = N_(
	"Copies IN to OUT with every old agency code replaced as the crosswalk says (run\n"
	"'sapnhap recode' first). XML (e.g. edXML: From, To, ResponseFor, TraceHeader OrganId,\n"
	"DocumentId) and CSV are streamed; only codes change. A value that is a code, or an\n"
	"identifier containing one (1.001612.000.00.00.H10, 000.00.00.H10,2024/05/02,123/UBND-KT),\n"
	"is rewritten; free text is not; an issued dossier code (CODE-YYMMDD-NNNN) stays valid\n"
	"and is kept. Each change goes to stderr with its line. When a code closed with\n"
	"several successors occurs, OUT is not written, each occurrence is listed, and the exit\n"
	"status is 1. IN may be OUT.\n"),
	.examples =
	"sapnhap rewrite letter.xml letter-new.xml\n",
};

static const char *const rewrite_formats[] = { "xml", "csv", NULL };

int cmd_rewrite(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *columns = NULL;
	sn_encoding enc = SN_ENC_AUTO;
	int format = -1, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_CHOICE("format", &format, rewrite_formats, "xml or csv (default: from the content)"),
		OPT_STRING("columns", &columns, "LIST", "CSV: only these header names (comma-separated); default all"),
		OPT_ENCODING(&enc, "CSV input encoding: auto (default), utf-8, cp1258, tcvn3"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	const char *in = args[0], *out = args[1];
	int xml = format >= 0 ? format == 0 : sn_looks_like_xml(in);
	if (xml && columns)
		return sn_usage_error(ctx, argv[0], "--columns applies to CSV only");
	struct sn_xwalk *xw = sn_xwalk_open(ctx);
	if (!xw)
		return SN_IO;
	struct lookup lk = { .ctx = ctx, .xw = xw, .in = in };
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
	sn_xwalk_close(xw);
	return rc;
}
