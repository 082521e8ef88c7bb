/* cmd_catalog_import.c - 'sapnhap catalog import': one old province's procedure catalog and its
 * bindings to agencies, from CSV (our column names or the national database's) or XML
 * (schema/catalog.xsd). Values are normalised (levels, time unit, online level, portal flag) and
 * checked; the file is refused as a whole, with the position, when one is not understood.
 * The CSV reader and the value normaliser are in catalog.c: 'diff' reads catalogs with them,
 * so a file means to it what it would mean to an import.
 */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "catalog.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "db.h"
#include "import.h"
#include "level1.h"
#include "text.h"
#include "units.h"
#include "values.h"
#include "banned.h"

struct cload {
	struct sn_ctx *ctx;
	const char *province;
	const struct sn_level1 *l1;
	sqlite3_stmt *ins_p, *ins_b, *dup, *agency;
	long procedures, bindings;
};

static int add_procedure(void *arg, const struct sn_procedure_rec *p, const char *pos)
{
	struct cload *ld = arg;
	struct sn_ctx *ctx = ld->ctx;
	struct sn_procedure_values v;
	char msg[1200];
	int rc = SN_DATA;
	if (sn_procedure_values(p, &v, msg, sizeof msg) != 0) {
		sn_error(ctx, "%s: %s", pos, msg);
		return SN_DATA;
	}
	char **f = v.text;
	const char *nc = f[SN_P_NAT];
	/* Codes of another province: the local code's suffix, then the bindings' agencies. */
	char found[40], whose[300];
	if (sn_level1_foreign_in(ld->l1, f[SN_P_LOCAL], found, whose, sizeof whose)) {
		sn_error(ctx, "%s: local code %s of %s carries agency code %s, which belongs to %s, not to "
			 "province %s given by --province", pos, f[SN_P_LOCAL], nc, found, whose, ld->province);
		goto done;
	}
	for (size_t i = 0; i < p->nbindings; i++) {
		char *code = sn_text_clean(p->bindings[i].agency);
		int foreign = code && sn_level1_foreign(ld->l1, code, whose, sizeof whose);
		if (foreign)
			sn_error(ctx, "%s: %s is bound to agency %s, which belongs to %s, not to province %s given "
				 "by --province", pos, nc, code, whose, ld->province);
		free(code);
		if (foreign)
			goto done;
	}
	if (!*f[SN_P_NAME]) {
		sn_error(ctx, "%s: name of %s is empty", pos, nc);
		goto done;
	}
	if (!v.levels[0]) {
		sn_error(ctx, "%s: %s has no implementing level (CAPTHUCHIEN)", pos, nc);
		goto done;
	}
	sqlite3_reset(ld->dup);
	sqlite3_bind_text(ld->dup, 1, ld->province, -1, SQLITE_STATIC);
	sqlite3_bind_text(ld->dup, 2, nc, -1, SQLITE_TRANSIENT);
	if (sn_step(ctx, ld->dup) == SQLITE_ROW) {
		sn_error(ctx, "%s: procedure %s is listed twice (first at %s)", pos, nc, sn_col(ld->dup, 0));
		goto done;
	}
	sqlite3_stmt *s = ld->ins_p;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sqlite3_bind_text(s, 1, ld->province, -1, SQLITE_STATIC);
	for (int i = SN_P_NAT; i <= SN_P_FNAME; i++)
		if (*f[i])
			sqlite3_bind_text(s, 2 + i, f[i], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, v.levels, -1, SQLITE_TRANSIENT);
	if (v.has_time_limit)
		sqlite3_bind_double(s, 8, v.time_limit);
	if (*v.time_unit)
		sqlite3_bind_text(s, 9, v.time_unit, -1, SQLITE_STATIC);
	if (*f[SN_P_FEE])
		sqlite3_bind_text(s, 10, f[SN_P_FEE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 11, v.online_level, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 12, v.portal);
	if (*f[SN_P_LEGAL])
		sqlite3_bind_text(s, 13, f[SN_P_LEGAL], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 14, pos, -1, SQLITE_TRANSIENT);
	if (sn_step(ctx, s) != SQLITE_DONE) {
		rc = SN_IO;
		goto done;
	}
	ld->procedures++;
	for (size_t i = 0; i < p->nbindings; i++) {
		char *code = sn_text_clean(p->bindings[i].agency);
		if (!code || !*code) {
			free(code);
			continue;
		}
		/* A code written in the other notation than the registry's (H10.16 for 000.00.16.H10)
		 * is the same agency: the binding takes the registry's spelling. */
		struct sn_agcode ac;
		char key[64];
		sn_agcode_parse(code, &ac);
		sn_agcode_sort_key(&ac, code, key, sizeof key);
		sqlite3_reset(ld->agency);
		sqlite3_bind_text(ld->agency, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ld->agency, 2, key, -1, SQLITE_TRANSIENT);
		int known = sn_step(ctx, ld->agency) == SQLITE_ROW;
		if (known && strcmp(sn_col(ld->agency, 0), code)) {
			char *reg = strdup(sn_col(ld->agency, 0));
			if (!reg) {
				free(code);
				rc = SN_IO;
				goto done;
			}
			free(code);
			code = reg;
		}
		if (!known) {
			sn_error(ctx, "%s: %s is bound to agency %s, which is not in the registry of province %s",
				 pos, nc, code, ld->province);
			free(code);
			goto done;
		}
		sqlite3_reset(ld->ins_b);
		sqlite3_bind_text(ld->ins_b, 1, ld->province, -1, SQLITE_STATIC);
		sqlite3_bind_text(ld->ins_b, 2, nc, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ld->ins_b, 3, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(ld->ins_b, 4, p->bindings[i].online);
		sqlite3_bind_text(ld->ins_b, 5, pos, -1, SQLITE_TRANSIENT);
		int r = sqlite3_step(ld->ins_b);
		free(code);
		if (r == SQLITE_CONSTRAINT)
			continue;  /* the same agency twice in one cell: one binding */
		if (r != SQLITE_DONE) {
			sn_db_error(ctx, "INSERT");
			rc = SN_IO;
			goto done;
		}
		ld->bindings++;
	}
	rc = 0;
done:
	sn_procedure_values_release(&v);
	return rc;
}

static const struct sn_usage usage = {
	.args = "FILE", .min_args = 1, .max_args = 1, .expected = N_("one FILE"),
	.description = N_(
	"Imports one old province's procedure catalog with its bindings to agencies, from CSV or\n"
	"XML (schema/catalog.xsd). CSV columns, ours or the national database's:\n"
	"  national_code/MATTHC, local_code/MATTHC_DP, name/TENTTHC, field_code/MALINHVUC,\n"
	"  field_name/LINHVUCTHUCHIEN, levels/CAPTHUCHIEN, time_limit/THOIGIANGIAIQUYET,\n"
	"  time_unit/DONVITINH, fee/PHILEPHI, online_level/MUCDO, portal/TICHHOPDVCQG,\n"
	"  legal_basis/CANCUPHAPLY, agencies/COQUANTHUCHIEN (\"CODE[:online]; ...\").\n"
	"Import the agency registry first: every binding must name one of its agencies.\n"
	"Values are read by type (portal: yes/no/có/không/1/0/x; online level: toàn trình/\n"
	"một phần/không or 4/3; ...): one not understood refuses the file with its line.\n"
	"A local code or binding under another province's level-1 code (H.. / K..) refuses it\n"
	"too; --level1 FILE replaces the built-in province -> level-1 code table.\n"
	"A CSV cell that 'sapnhap export' protected from spreadsheet formulas ('=..., '-, ...)\n"
	"loses that one leading apostrophe.\n"),
	.examples =
	"sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70\n",
};

int cmd_catalog_import(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_import im = { .step = { .step = "catalog import" } };
	int rc = sn_import_begin(ctx, argc, argv, &usage, "a catalog", &im);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	struct cload ld = { .ctx = ctx, .province = im.province, .l1 = &im.l1 };
	long long agencies;
	if ((rc = sn_query_intf(ctx, &agencies, "SELECT count(*) FROM agency WHERE province = %Q", im.province)))
		goto out;
	if (!agencies) {
		sn_error(ctx, "no agency registry for province %s: import it first ('sapnhap agencies import')",
			 im.province);
		rc = SN_DATA;
		goto out;
	}
	if ((rc = sn_import_replace(ctx, &im, "DELETE FROM binding WHERE catalog = :province; "
				    "DELETE FROM procedure WHERE province = :province")))
		goto out;
	ld.ins_p = sn_prepare(ctx, "INSERT INTO procedure(province, national_code, local_code, name, "
				   "field_code, field_name, levels, time_limit, time_unit, fee, online_level, "
				   "portal, legal_basis, pos) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
				   "?11, ?12, ?13, ?14)");
	ld.ins_b = sn_prepare(ctx, "INSERT INTO binding(catalog, national_code, agency_code, online, pos) "
				   "VALUES (?1, ?2, ?3, ?4, ?5)");
	ld.dup = sn_prepare(ctx, "SELECT pos FROM procedure WHERE province = ?1 AND national_code = ?2");
	ld.agency = sn_prepare(ctx, "SELECT code FROM agency WHERE code = ?1 UNION ALL "
				    "SELECT code FROM agency WHERE sort_key = ?2 LIMIT 1");
	if (!ld.ins_p || !ld.ins_b || !ld.dup || !ld.agency) {
		rc = SN_IO;
		goto out;
	}
	char err[1200] = "";
	rc = sn_catalog_read(im.path, im.enc, add_procedure, &ld, err, sizeof err);
	if (rc && *err)
		sn_error(ctx, "%s", err);
	if (rc)
		goto out;
	char counts[200];
	snprintf(counts, sizeof counts, "procedures=%ld bindings=%ld", ld.procedures, ld.bindings);
	static const char *const done[3] = { N_("would import catalog of province %s from %s: %s\n"),
					      N_("re-imported catalog of province %s from %s: %s\n"),
					      N_("imported catalog of province %s from %s: %s\n") };
	rc = sn_import_commit(ctx, &im, counts, done);
out:
	sqlite3_finalize(ld.ins_p);
	sqlite3_finalize(ld.ins_b);
	sqlite3_finalize(ld.dup);
	sqlite3_finalize(ld.agency);
	return sn_import_end(ctx, &im, rc);
}
