/* cmd_crosswalk.c - 'sapnhap crosswalk': the old -> new agency codes recode decided. The writer is
 * shared with 'sapnhap export' (crosswalk.c). */
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "crosswalk.h"
#include "i18n.h"
#include "banned.h"

static const struct sn_usage usage = {
	.description = N_(
	"Prints every old agency code with its outcome (kept, renumbered, merged, closed), the\n"
	"code now carrying its work, the successors of a closed code and the reason, ordered by\n"
	"old province and code. CSV: old_code,province,outcome,new_code,successors,reason\n"
	"(successors separated by ';'). XML: schema/crosswalk.xsd. Run 'sapnhap recode' first.\n"
	"--notation prints codes in QCVN 102 (000.00.16.H19) or QĐ 20/2020 (H19.16) notation.\n"),
};

int cmd_crosswalk(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_notation notation = SN_NOTATION_QCVN;
	enum sn_format fmt = SN_FMT_TEXT;
	int renotate = 0, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_FORMAT(&fmt, SN_FMT_BIT(SN_FMT_TEXT) | SN_FMT_BIT(SN_FMT_CSV) | SN_FMT_BIT(SN_FMT_XML),
			   "text (default), csv or xml"),
		OPT_NOTATION(&notation, &renotate),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	return sn_crosswalk_write(ctx, ctx->out, fmt, renotate ? &notation : NULL, NULL);
}
