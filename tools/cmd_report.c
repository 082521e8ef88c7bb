/* cmd_report.c - 'sapnhap report': the sign-off report of the migration (report.h), as one
 * printable HTML page or one XLSX workbook, written atomically.
 */
#include <errno.h>
#include <getopt.h>
#include <string.h>
#include "cli.h"
#include "labels.h"
#include "outfile.h"
#include "report.h"

static void usage(FILE *f)
{
	fputs("usage: sapnhap report --format html|xlsx --out FILE [--lang vi|en] [--validation FILE]\n"
	      "\n"
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
	      "         candidates, and a reason) and read back by 'reassign --decisions FILE.xlsx'\n"
	      "\n"
	      "options:\n"
	      "  --format FMT       html or xlsx (required)\n"
	      "  --out FILE         the file to write (required)\n"
	      "  --lang vi|en       the language of headings and values (default vi)\n"
	      "  --validation FILE  validate's JSON report to include (default: validated here)\n"
	      "\n"
	      "example:\n"
	      "  sapnhap report --format xlsx --out report.xlsx\n", f);
}

int cmd_report(struct sn_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "out", required_argument, NULL, 'o' },
		{ "lang", required_argument, NULL, 'l' },
		{ "validation", required_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct sn_report_opts o = { .lang = SN_LANG_VI };
	const char *out = NULL;
	int c, xlsx = -1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!strcmp(optarg, "html") || !strcmp(optarg, "xlsx"))
				xlsx = !strcmp(optarg, "xlsx");
			else
				return sn_usage_error(ctx, argv[0], "--format must be html or xlsx");
			break;
		case 'o': out = optarg; break;
		case 'l':
			if (sn_lang_parse(optarg, &o.lang))
				return sn_usage_error(ctx, argv[0], "--lang must be vi or en");
			break;
		case 'v': o.validation = optarg; break;
		case 'h': usage(ctx->out); return SN_OK;
		default: return sn_option_error(ctx, argv[0], argv);
		}
	}
	if (optind != argc)
		return sn_usage_error(ctx, argv[0], "unexpected argument '%s'", argv[optind]);
	if (xlsx < 0)
		return sn_usage_error(ctx, argv[0], "--format html|xlsx is required");
	if (!out || !*out)
		return sn_usage_error(ctx, argv[0], "--out FILE is required");
	int rc;
	if (xlsx) {
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
		fprintf(ctx->out, "wrote %s\n", out);
	return rc;
}
