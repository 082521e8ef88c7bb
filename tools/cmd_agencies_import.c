/* cmd_agencies_import.c - 'sapnhap agencies import': an old province's agency registry.
 *
 * A registry is read from CSV (any supported encoding; an XLSX sheet with the same header works
 * too) or from our XML format (schema/agencies.xsd). Each record keeps its code as written;
 * codes that do not conform to QCVN 102 / QĐ 20 are kept and flagged, never dropped. The file
 * as a whole is refused (exit 3, nothing written) for duplicate codes, unknown parents, parent
 * cycles, unknown kinds or unit codes the unit registry does not know.
 */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "agency.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "db.h"
#include "import.h"
#include "level1.h"
#include "text.h"
#include "units.h"
#include "i18n.h"
#include "banned.h"

struct load {
	struct sn_ctx *ctx;
	const char *province;
	const struct sn_level1 *l1;
	sqlite3_stmt *ins, *dup;
	long rows, nonconforming;
};

static char *clean(const char *s)
{
	return sn_text_clean(s ? s : "");
}

/* Adds one record; the checks that need the whole file run after the last one. */
static int add_record(void *arg, const struct sn_agency_rec *r, const char *pos)
{
	struct load *ld = arg;
	struct sn_ctx *ctx = ld->ctx;
	int rc = SN_DATA;
	char *f[SN_A_NCOLS] = { 0 };
	const char *in[SN_A_NCOLS] = { r->code, r->name, r->kind, r->parent_code, r->unit_code, r->address,
				  r->phone, r->email, r->status };
	for (int i = 0; i < SN_A_NCOLS; i++)
		if (!(f[i] = clean(in[i]))) {
			sn_error(ctx, "%s: %s is not valid UTF-8", pos, sn_agency_columns[i]);
			goto done;
		}
	if (!*f[SN_A_CODE]) {
		sn_error(ctx, "%s: code is empty", pos);
		goto done;
	}
	char whose[300];
	if (sn_level1_foreign(ld->l1, f[SN_A_CODE], whose, sizeof whose)) {
		sn_error(ctx, "%s: agency code %s belongs to %s, not to province %s given by --province",
			 pos, f[SN_A_CODE], whose, ld->province);
		goto done;
	}
	if (!*f[SN_A_NAME]) {
		sn_error(ctx, "%s: name of %s is empty", pos, f[SN_A_CODE]);
		goto done;
	}
	if (sn_agency_kind_parse(f[SN_A_KIND]) < 0) {
		sn_error(ctx, "%s: kind '%s' of %s is not one of province-committee, province-council, "
			 "department, department-unit, district-committee, district-office, "
			 "commune-committee, service-unit, other", pos, f[SN_A_KIND], f[SN_A_CODE]);
		goto done;
	}
	const char *status = *f[SN_A_STATUS] ? f[SN_A_STATUS] : "active";
	if (strcmp(status, "active") && strcmp(status, "closed")) {
		sn_error(ctx, "%s: status '%s' of %s must be active or closed", pos, status, f[SN_A_CODE]);
		goto done;
	}
	char unit[16] = "";
	if (*f[SN_A_UNIT]) {
		int w = (int)strlen(f[SN_A_UNIT]);
		int width = w <= 2 ? 2 : w == 3 ? 3 : 5;
		/* A unit code typed as a number lost its zeros the same way as in the unit tables. */
		if (sn_code_normalise(f[SN_A_UNIT], width, unit) < 0) {
			sn_error(ctx, "%s: unit_code '%s' of %s must be a 2-, 3- or 5-digit unit code", pos,
				 f[SN_A_UNIT], f[SN_A_CODE]);
			goto done;
		}
	}
	struct sn_agcode c;
	enum sn_agcode_status st = sn_agcode_parse(f[SN_A_CODE], &c);
	char key[64];
	sn_agcode_sort_key(&c, f[SN_A_CODE], key, sizeof key);
	/* The same code in the other notation (H10.16 = 000.00.16.H10) is the same code. */
	sqlite3_reset(ld->dup);
	sqlite3_bind_text(ld->dup, 1, f[SN_A_CODE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ld->dup, 2, key, -1, SQLITE_TRANSIENT);
	if (sn_step(ctx, ld->dup) == SQLITE_ROW) {
		if (strcmp(sn_col(ld->dup, 1), f[SN_A_CODE]))
			sn_error(ctx, "%s: code %s is listed twice (first at %s, written %s)", pos, f[SN_A_CODE],
				 sn_col(ld->dup, 0), sn_col(ld->dup, 1));
		else
			sn_error(ctx, "%s: code %s is listed twice (first at %s)", pos, f[SN_A_CODE],
				 sn_col(ld->dup, 0));
		goto done;
	}
	char *nkey = sn_name_key(f[SN_A_NAME], SN_KEY_KEEP_TYPE, NULL);
	sqlite3_stmt *s = ld->ins;
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, ld->province, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f[SN_A_CODE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 3, st == SN_AGCODE_OK ? "ok" : "nonconforming", -1, SQLITE_STATIC);
	if (st == SN_AGCODE_OK)
		sqlite3_bind_null(s, 4);
	else
		sqlite3_bind_text(s, 4, c.problem_en, -1, SQLITE_TRANSIENT);  /* data: English */
	sqlite3_bind_text(s, 5, key, -1, SQLITE_TRANSIENT);
	if (st == SN_AGCODE_INVALID)
		sqlite3_bind_null(s, 6);
	else
		sqlite3_bind_text(s, 6, c.l1, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, f[SN_A_NAME], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 8, nkey ? nkey : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 9, f[SN_A_KIND], -1, SQLITE_TRANSIENT);
	for (int i = SN_A_PARENT; i <= SN_A_EMAIL; i++) {
		const char *v = i == SN_A_UNIT ? unit : f[i];
		if (*v)
			sqlite3_bind_text(s, 10 + i - SN_A_PARENT, v, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(s, 10 + i - SN_A_PARENT);
	}
	sqlite3_bind_text(s, 15, status, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 16, pos, -1, SQLITE_TRANSIENT);
	free(nkey);
	rc = sn_step(ctx, s) == SQLITE_DONE ? 0 : SN_IO;
	ld->rows++;
	if (st != SN_AGCODE_OK)
		ld->nonconforming++;
done:
	for (int i = 0; i < SN_A_NCOLS; i++)
		free(f[i]);
	return rc;
}

/* Whole-file checks, each a query returning the first offending record. */
static const struct {
	const char *sql;
	const char *fmt;  /* printf with pos, code, detail (sn_error translates it) */
} CHECKS[] = {
	{ "SELECT a.pos, a.code, a.parent_code FROM agency a WHERE a.province = ?1 "
	  "AND a.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agency p "
	  "WHERE p.code = a.parent_code AND p.province = ?1) ORDER BY a.id LIMIT 1",
	  N_("%s: parent %3$s of %2$s is not in the registry") },
	{ "WITH RECURSIVE up(start, cur, n) AS (SELECT code, parent_code, 1 FROM agency "
	  "WHERE province = ?1 AND parent_code IS NOT NULL UNION ALL SELECT up.start, a.parent_code, "
	  "up.n + 1 FROM up JOIN agency a ON a.code = up.cur WHERE a.parent_code IS NOT NULL "
	  "AND up.cur <> up.start AND up.n < 100) SELECT a.pos, a.code, a.parent_code FROM up "
	  "JOIN agency a ON a.code = up.start WHERE up.cur = up.start ORDER BY a.id LIMIT 1",
	  N_("%s: %s is its own ancestor (parent chain through %s comes back to it)") },
	{ "SELECT a.pos, a.code, a.unit_code FROM agency a WHERE a.province = ?1 AND "
	  "a.unit_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.code = a.unit_code) "
	  "AND NOT EXISTS (SELECT 1 FROM link l WHERE l.old_code = a.unit_code OR "
	  "l.old_district_code = a.unit_code) ORDER BY a.id LIMIT 1",
	  N_("%s: unit_code %3$s of %2$s is not in the unit registry (import the units first)") },
};

static int check_registry(struct sn_ctx *ctx, const char *province)
{
	for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
		sqlite3_stmt *st = sn_prepare(ctx, CHECKS[i].sql);
		if (!st)
			return SN_IO;
		sqlite3_bind_text(st, 1, province, -1, SQLITE_STATIC);
		int r = sn_step(ctx, st);
		if (r == SQLITE_ROW) {
			sn_error(ctx, CHECKS[i].fmt, sn_col(st, 0), sn_col(st, 1), sn_col(st, 2));
			sqlite3_finalize(st);
			return SN_DATA;
		}
		sqlite3_finalize(st);
		if (r < 0)
			return SN_IO;
	}
	return 0;
}

static const struct sn_usage import_usage = {
	.args = "FILE", .min_args = 1, .max_args = 1, .expected = N_("one FILE"),
	.description = N_(
	"Imports the agency registry of one old province (CSV, or XML per schema/agencies.xsd).\n"
	"CSV header: code,name,kind,parent_code,unit_code,address,phone,email,status.\n"
	"Kinds: province-committee, province-council, department, department-unit,\n"
	"district-committee, district-office, commune-committee, service-unit, other.\n"
	"Codes in either notation (000.00.16.H19 or H19.16) are kept as written; codes that do not\n"
	"conform are kept and flagged. The file is refused (exit 3, nothing written) for\n"
	"duplicate codes, unknown parents, parent cycles and unit codes the registry lacks, and\n"
	"for a code of another province (its level-1 code H.. or K.. is not the province's).\n"
	"A CSV cell that 'sapnhap export' protected from spreadsheet formulas ('=..., '-, ...)\n"
	"loses that one leading apostrophe.\n"),
	.examples =
	"sapnhap agencies import samples/agencies/binhphuoc.csv --province 70\n",
};

int cmd_agencies_import(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_import im = { .step = { .step = "agencies import" } };
	int rc = sn_import_begin(ctx, argc, argv, &import_usage, "a registry", &im);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	struct load ld = { .ctx = ctx, .province = im.province, .l1 = &im.l1 };
	long long units;
	if ((rc = sn_query_int(ctx, &units, "SELECT count(*) FROM unit")))
		goto out;
	if (!units) {
		sn_error(ctx, "the unit registry is empty: import the units first ('sapnhap units import')");
		rc = SN_DATA;
		goto out;
	}
	/* --force: the old registry goes, and with it a code table computed from it. */
	if ((rc = sn_import_replace(ctx, &im, "DELETE FROM agency WHERE province = :province; "
				    "DELETE FROM crosswalk_successor; DELETE FROM crosswalk; DELETE FROM code_table")))
		goto out;
	ld.ins = sn_prepare(ctx, "INSERT INTO agency(province, code, code_status, code_problem, sort_key, "
				 "l1, name, name_key, kind, parent_code, unit_code, address, phone, email, "
				 "status, pos) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
				 "?14, ?15, ?16)");
	ld.dup = sn_prepare(ctx, "SELECT pos, code FROM agency WHERE code = ?1 UNION ALL "
				 "SELECT pos, code FROM agency WHERE sort_key = ?2 LIMIT 1");
	if (!ld.ins || !ld.dup) {
		rc = SN_IO;
		goto out;
	}
	char err[1200] = "";
	rc = sn_agency_read(im.path, im.enc, add_record, &ld, err, sizeof err);
	if (rc && *err)
		sn_error(ctx, "%s", err);
	if (rc || (rc = check_registry(ctx, im.province)))
		goto out;
	char counts[200];
	snprintf(counts, sizeof counts, "agencies=%ld nonconforming=%ld", ld.rows, ld.nonconforming);
	/* The result line only once the step is committed. */
	static const char *const done[3] = { N_("would import agency registry of province %s from %s: %s\n"),
					      N_("re-imported agency registry of province %s from %s: %s\n"),
					      N_("imported agency registry of province %s from %s: %s\n") };
	rc = sn_import_commit(ctx, &im, counts, done);
out:
	sqlite3_finalize(ld.ins);
	sqlite3_finalize(ld.dup);
	return sn_import_end(ctx, &im, rc);
}
