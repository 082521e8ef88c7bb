/* cmd_dossiers_list.c - 'sapnhap dossiers list': the in-flight dossiers as they are now, with
 * the agency handling each, and where reassign moved it from and by which rule. */
#include <string.h>
#include "cli.h"
#include "rows.h"
#include "db.h"
#include "options.h"
#include "reasons.h"
#include "banned.h"

static const struct sn_usage usage = {
	.description = N_(
	"Lists the imported dossiers in code order: the old province, the procedure, the agency\n"
	"handling each now, the applicant's old commune and hamlet, status, received and due\n"
	"dates; after 'sapnhap reassign', the agency it was moved from and the rule that moved it\n"
	"(a dossier waiting for a decision stays where it was: 'sapnhap queue' lists it).\n"
	"CSV: code,province,national_code,agency,commune,hamlet,status,received,due,moved_from,rule.\n"),
	.examples =
	"sapnhap dossiers list --moved --format csv\n"
	"sapnhap dossiers list --commune 26449\n",
};

static const char *const cols[] = { "code", "province", "national_code", "agency", "commune", "hamlet",
				     "status", "received", "due", "moved_from", "rule" };
#define NCOLS ((int)(sizeof cols / sizeof cols[0]))

int cmd_dossiers_list(struct sn_ctx *ctx, int argc, char **argv)
{
	enum sn_format fmt = SN_FMT_TEXT;
	char province[16] = "", **args;
	const char *commune = NULL;
	int moved = 0, nargs;
	struct sn_option opts[] = {
		OPT_PROVINCE(province, "only the dossiers of this old province"),
		OPT_STRING("commune", &commune, "CODE", "only those whose applicant lived in this old commune"),
		OPT_FLAG("moved", &moved, "only the dossiers reassign moved"),
		OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv or json"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	/* A dossier's last move is the one that put it where it is. */
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT d.code, d.province, d.national_code, d.agency_code, COALESCE(d.commune_code, ''), "
		"COALESCE(d.hamlet, ''), COALESCE(d.status, ''), COALESCE(d.received, ''), COALESCE(d.due, ''), "
		"COALESCE(h.from_agency, ''), COALESCE(h.rule, '') FROM dossier d LEFT JOIN dossier_history h "
		"ON h.rowid = (SELECT max(rowid) FROM dossier_history WHERE dossier_id = d.id) "
		"WHERE (?1 = '' OR d.province = ?1) AND (?2 IS NULL OR d.commune_code = ?2) "
		"AND (?3 = 0 OR h.rowid IS NOT NULL) ORDER BY d.code");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, province, -1, SQLITE_STATIC);
	if (commune)
		sqlite3_bind_text(st, 2, commune, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, moved);
	FILE *f = ctx->out;
	sn_rows_begin(f, fmt, cols, NCOLS);
	int n = 0, r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (fmt == SN_FMT_TEXT) {
			fprintf(f, "%-26s %s %-9s %-16s %s%s%s", sn_col(st, 0), sn_col(st, 1), sn_col(st, 2),
				sn_col(st, 3), sn_col(st, 4), *sn_col(st, 5) ? " / " : "", sn_col(st, 5));
			char rule[4000];
			if (*sn_col(st, 9))
				fprintf(f, "  <- %s: %s", sn_col(st, 9), sn_reason_shown(sn_col(st, 10), rule, sizeof rule));
			fputc('\n', f);
		} else {
			sn_rows_write(f, fmt, st, cols, NCOLS, n);
		}
		n++;
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	sn_rows_end(f, fmt);
	if (fmt == SN_FMT_TEXT)
		fprintf(ctx->err, _("sapnhap: %d dossier(s)\n"), n);
	return SN_OK;
}
