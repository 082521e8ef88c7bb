/* cmd_report.c - 'sapnhap report': the sign-off report of the migration (report.h), as one
 * printable HTML page or one XLSX workbook, written atomically.
 */
#include <errno.h>
#include <string.h>
#include "cli.h"
#include "i18n.h"
#include "labels.h"
#include "options.h"
#include "outfile.h"
#include "report.h"
#include "banned.h"

static const struct sn_usage usage = {
	.description = N_(
	"Writes the report a reviewer signs, from the working database after 'reassign': the\n"
	"merged province and its old provinces by name, the effective date, the database, every\n"
	"input file with its SHA-256 and the version; the statistics as the province reports them;\n"
	"each procedure (name first) before in each old province and after (level, agencies,\n"
	"online level, portal, fee, time limit) with each decided value and its reason; each old\n"
	"agency's outcome and successors; the dossiers moved, by rule and old agency; what a person\n"
	"must still decide; the validation's findings; and a sign-off block.\n"
	"  html   one self-contained page, printable on A4 (page numbers, repeated table headings,\n"
	"         the sign-off block on its own page)\n"
	"  xlsx   a workbook: sheets Tổng hợp, Thủ tục, Cơ quan, Hồ sơ, Cần quyết định, Kiểm tra;\n"
	"         the sheet 'Cần quyết định' is filled in (a value from the drop-down of the\n"
	"         candidates, and a reason) and read back by 'reassign --decisions FILE.xlsx'\n"),
	.examples =
	"sapnhap report --format xlsx --out report.xlsx\n",
};

static const char *const report_formats[] = { "html", "xlsx", NULL };

int cmd_report(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_report_opts o = { .lang = SN_LANG_VI };
	const char *out = NULL;
	int fmt = -1, nargs;
	char **args;
	struct sn_option opts[] = {
		{ .kind = SN_OPT_CHOICE, .name = "format", .value = &fmt, .choices = report_formats,
		  .flags = SN_OPT_REQUIRED, .help = N_("the report's format (required)") },
		{ .kind = SN_OPT_FILE, .name = "out", .value = &out, .flags = SN_OPT_REQUIRED,
		  .help = N_("the file to write (required)") },
		OPT_LANG(&o.lang, "the language of headings and values (default vi)"),
		OPT_FILE("validation", &o.validation, "validate's JSON report to include (default: validated here)"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	if (fmt == 1) {
		rc = sn_report_xlsx(ctx, out, &o);
	} else {
		struct sn_outfile of;
		char err[1200];
		if ((rc = sn_outfile_open(&of, out, err, sizeof err))) {
			sn_error(ctx, "%s", err);
			return rc;
		}
		rc = sn_report_html(ctx, of.f, &o);
		if (!rc && (sn_outfile_close(&of, err, sizeof err) || sn_outfile_rename(&of, err, sizeof err))) {
			sn_error(ctx, "%s", err);
			rc = SN_IO;
		}
		sn_outfile_abort(&of);
	}
	if (!rc)
		fprintf(ctx->out, _("wrote %s\n"), out);
	return rc;
}
