/* cmd_diff.c - 'sapnhap diff BEFORE AFTER': what changed between two catalogs, for reviewers.
 *
 * The operands are opened here, read-only (the global --db is not used): a working database
 * (its merged or old state), an export directory or a catalog file. The comparison is in
 * diff.c, the formats in diffout.c and diffhtml.c. With --out the report is written to a
 * temporary file beside FILE and renamed over it (outfile.h), so FILE is never left half-written.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "db.h"
#include "labels.h"
#include "options.h"
#include "diff.h"
#include "outfile.h"
#include "banned.h"

enum { FMT_TEXT, FMT_CSV, FMT_JSON, FMT_HTML, FMT_TDIFF, FMT_XLSX };

static const struct sn_usage usage = {
	.args = "BEFORE AFTER", .min_args = 2, .max_args = 2, .expected = N_("two operands, BEFORE and AFTER"),
	.description = N_(
	"Compares two catalogs: procedures (by national code), their bindings to agencies (by\n"
	"national code and agency code) and agencies (by code), and lists what was added, removed\n"
	"and changed, field by field. Each of BEFORE and AFTER is one of:\n"
	"  a working database   the merged catalog once 'reassign' has run, else the old\n"
	"                       provinces' catalogs; FILE:old or FILE:merged picks the state\n"
	"                       ('sapnhap diff sapnhap.db:old sapnhap.db:merged' is the review of\n"
	"                       one migration)\n"
	"  an export directory  as 'sapnhap export' writes it: catalog.csv|xml, agencies.csv|xml,\n"
	"                       crosswalk.csv|xml (optional)\n"
	"  a catalog file       .csv or .xml in the 'catalog import' format (agencies not compared)\n"
	"The old state holds two catalogs: where their values differ, BEFORE shows both\n"
	"(\"70: x | 75: y\"). When AFTER has a crosswalk (a merged database, or an export with\n"
	"its crosswalk), BEFORE's agency codes are carried through it first, so a binding whose\n"
	"agency was renumbered is one changed row (agency old -> new); bindings at closed codes\n"
	"are removed. Databases are only read.\n"),
	.after = N_(
	"exit status: 0; 1 with --exit-code when they differ; 2 usage; 3 an operand of no known kind,\n"
	"a database without a catalog in the asked state, bad data in a file; 4 cannot read or write\n"),
	.examples =
	"sapnhap diff sapnhap.db:old sapnhap.db:merged --format html --out review.html\n",
};

/* Writes the report in FMT to F. */
static int write_report(struct sn_diff *d, int fmt, int summary, FILE *f)
{
	switch (fmt) {
	case FMT_CSV: return sn_diff_write_csv(d, f, summary);
	case FMT_TDIFF: return sn_diff_write_tdiff(d, f, summary);
	case FMT_JSON: return sn_diff_write_json(d, f, summary);
	case FMT_HTML: return sn_diff_write_html(d, f, summary);
	default: return sn_diff_write_text(d, f, summary);
	}
}

/* The report into PATH, replaced whole or not at all (outfile.h). */
static int write_atomically(struct sn_ctx *ctx, struct sn_diff *d, int fmt, int summary, int bom, int pages,
			    const char *path)
{
	if (fmt == FMT_XLSX)
		return sn_diff_write_xlsx(d, path, summary);
	struct sn_outfile o;
	char err[1200];
	int rc = sn_outfile_open(&o, path, err, sizeof err);
	if (rc) {
		sn_error(ctx, "%s", err);
		return rc;
	}
	if (bom)
		fputs("\xEF\xBB\xBF", o.f);
	/* A page too large for a browser: a summary page and one page per field, in FILE-pages/. */
	long long nchanges = 0;
	if (fmt == FMT_HTML && !pages && sn_query_int(&d->ctx, &nchanges, "SELECT count(*) FROM change")) {
		sn_outfile_abort(&o);
		return SN_IO;
	}
	if (fmt == FMT_HTML && (pages || nchanges > SN_DIFF_PAGE_ROWS)) {
		char dir[1200];
		size_t n = strlen(path);
		if (n > 5 && !strcmp(path + n - 5, ".html"))
			n -= 5;
		snprintf(dir, sizeof dir, "%.*s-pages", (int)n, path);
		rc = sn_diff_write_html_pages(d, o.f, dir, summary);
	} else {
		rc = write_report(d, fmt, summary, o.f);
	}
	if (rc) {
		sn_error(ctx, "cannot write '%s': %s", path, sn_strerror(errno ? errno : EIO));
		goto done;
	}
	if ((rc = sn_outfile_close(&o, err, sizeof err)) || (rc = sn_outfile_rename(&o, err, sizeof err)))
		sn_error(ctx, "%s", err);
done:
	sn_outfile_abort(&o);
	return rc;
}

/* in the order of FMT_* */
static const char *const diff_formats[] = { "text", "csv", "json", "html", "tdiff", "xlsx", NULL };

int cmd_diff(struct sn_ctx *ctx, int argc, char **argv)
{
	int fmt = FMT_TEXT, summary = 0, exit_code = 0, bom = 0, pages = 0, nargs;
	enum sn_lang lang = ctx->lang;
	const char *out = NULL;
	char **args;
	struct sn_option opts[] = {
		OPT_CHOICE("format", &fmt, diff_formats,
			   "text (default): counts, then the changes by entity and kind (an added or\n"
			   "removed procedure or agency by its name: every field is in the other\n"
			   "formats); csv: one row per changed field, a column each: entity,kind,\n"
			   "key,name,field,before,after,decision,reason (the decided value and its\n"
			   "reason when a decision set the field; a removed agency's outcome as\n"
			   "field 'outcome'); tdiff: the tabular-diff highlighter form, header\n"
			   "@@,entity,key,field,value, first column +++ added, --- removed, ->\n"
			   "changed (value old->new); json: {before, after, summary, changes};\n"
			   "html: one self-contained page with a filter (page.html#q=TEXT&kind=\n"
			   "added,changed pre-sets it); xlsx: the csv rows as a workbook (needs --out)"),
		OPT_FLAG("summary", &summary, "the counts only"),
		OPT_FLAG("exit-code", &exit_code, "exit 1 when there is any difference, 0 when none"),
		OPT_FILE("out", &out, "write to FILE (atomically) instead of standard output"),
		OPT_LANG(&lang, "text, html, csv, xlsx: headings, and values as the law writes them (vi:\n"
			 "toàn trình, cấp xã, có, sáp nhập ...) or in English (en); default: the\n"
			 "language of messages (--lang before the command, or the locale)"),
		OPT_FLAG("bom", &bom, "csv, tdiff: start with a UTF-8 BOM (Excel then reads Vietnamese)"),
		OPT_FLAG("pages", &pages, "html with --out FILE: FILE is a summary page linking to one page per\n"
			 "field (lĩnh vực) in FILE-pages/, each at most ~16 MB, with the same filter;\n"
			 "done without asking above 100,000 changed fields (national scale)"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	if (fmt == FMT_XLSX && !out)
		return sn_usage_error(ctx, argv[0], "--format xlsx needs --out FILE (a workbook is not written to a terminal)");
	if (pages && (fmt != FMT_HTML || !out))
		return sn_usage_error(ctx, argv[0], "--pages applies to --format html with --out FILE");
	if (bom && fmt != FMT_CSV && fmt != FMT_TDIFF)
		return sn_usage_error(ctx, argv[0], "--bom applies to csv and tdiff only");
	struct sn_diff d;
	rc = sn_diff_open(ctx, &d);
	d.lang = lang;
	if (rc || (rc = sn_diff_load(&d, 0, args[0])) || (rc = sn_diff_load(&d, 1, args[1])) ||
	    (rc = sn_diff_compute(&d)))
		goto done;
	long total = sn_diff_count(&d, NULL, NULL);
	if (total < 0) {
		rc = SN_IO;
		goto done;
	}
	if (out) {
		if ((rc = write_atomically(ctx, &d, fmt, summary, bom, pages, out)))
			goto done;
		sn_info(ctx, "wrote %s: %ld difference(s)", out, total);
	} else if ((bom && fputs("\xEF\xBB\xBF", ctx->out) < 0) || (rc = write_report(&d, fmt, summary, ctx->out))) {
		sn_error(ctx, "cannot write output: %s", sn_strerror(errno ? errno : EIO));
		goto done;
	}
	rc = exit_code && total > 0 ? SN_FINDINGS : SN_OK;
done:
	sn_diff_close(&d);
	return rc;
}
