/* cmd_catalog.c - 'sapnhap catalog import': one old province's procedure catalog and its
 * bindings to agencies, from CSV (our column names or the national database's) or XML
 * (schema/catalog.xsd). Values are normalised (levels, time unit, online level, portal flag) and
 * checked; the file is refused as a whole, with the position, when one is not understood.
 * The CSV reader and the value normaliser are shared (catalog.h): 'diff' reads catalogs with
 * them, so a file means to it what it would mean to an import.
 */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "catalog.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "db.h"
#include "level1.h"
#include "table.h"
#include "text.h"
#include "units.h"
#include "values.h"
#include "banned.h"

enum { P_NAT, P_LOCAL, P_NAME, P_FCODE, P_FNAME, P_LEVELS, P_TIME, P_UNIT, P_FEE, P_ONLINE,
       P_PORTAL, P_LEGAL, P_AGENCIES, NPCOLS };
/* Our name, then the national database's (CSV exports from the national side use them). */
static const char *pcols[NPCOLS][2] = {
	{ "national_code", "MATTHC" }, { "local_code", "MATTHC_DP" }, { "name", "TENTTHC" },
	{ "field_code", "MALINHVUC" }, { "field_name", "LINHVUCTHUCHIEN" },
	{ "levels", "CAPTHUCHIEN" }, { "time_limit", "THOIGIANGIAIQUYET" },
	{ "time_unit", "DONVITINH" }, { "fee", "PHILEPHI" }, { "online_level", "MUCDO" },
	{ "portal", "TICHHOPDVCQG" }, { "legal_basis", "CANCUPHAPLY" },
	{ "agencies", "COQUANTHUCHIEN" },
};

struct cload {
	struct sn_ctx *ctx;
	const char *province;
	const struct sn_level1 *l1;
	sqlite3_stmt *ins_p, *ins_b, *dup, *agency;
	long procedures, bindings;
};

static char *ascii_key(const char *s)
{
	return sn_name_key(s, SN_KEY_KEEP_TYPE | SN_KEY_ASCII, NULL);
}

void sn_procedure_values_release(struct sn_procedure_values *v)
{
	for (int i = 0; i < SN_PROC_NFIELDS; i++) {
		free(v->text[i]);
		v->text[i] = NULL;
	}
}

/* The type of each field (values.h); -1: text, only cleaned. */
static const int ptype[SN_PROC_NFIELDS] = {
	[P_NAT] = -1, [P_LOCAL] = -1, [P_NAME] = SN_V_NAME, [P_FCODE] = SN_V_FIELD_CODE, [P_FNAME] = -1,
	[P_LEVELS] = SN_V_LEVELS, [P_TIME] = SN_V_TIME_LIMIT, [P_UNIT] = SN_V_TIME_UNIT, [P_FEE] = SN_V_FEE,
	[P_ONLINE] = SN_V_ONLINE, [P_PORTAL] = SN_V_YESNO, [P_LEGAL] = SN_V_LEGAL_BASIS,
};
static const char *const plabel[SN_PROC_NFIELDS] = {
	"national code", "local code", "name", "field code", "field name", "levels", "time limit",
	"time unit", "fee", "online level", "portal flag", "legal basis",
};

int sn_procedure_values(const struct sn_procedure_rec *p, struct sn_procedure_values *v, char *err,
			size_t errlen)
{
	const char *in[SN_PROC_NFIELDS] = { p->national_code, p->local_code, p->name, p->field_code,
					    p->field_name, p->levels, p->time_limit, p->time_unit, p->fee,
					    p->online_level, p->portal, p->legal_basis };
	char **f = v->text;
	memset(v, 0, sizeof *v);
	v->time_unit = "";
	v->online_level = "none";
	if (!(f[P_NAT] = sn_text_clean(in[P_NAT] ? in[P_NAT] : ""))) {
		snprintf(err, errlen, "%s is not valid UTF-8", pcols[P_NAT][0]);
		goto fail;
	}
	const char *nc = f[P_NAT];
	if (strlen(nc) != 8 || nc[1] != '.' || strspn(nc, "0123456789.") != 8 || nc[0] < '0' || nc[0] > '9') {
		snprintf(err, errlen, "national code '%s' must look like 1.001612", nc);
		goto fail;
	}
	const char *limit_unit = "";
	for (int i = P_NAT + 1; i < SN_PROC_NFIELDS; i++) {
		if (ptype[i] < 0) {
			if (!(f[i] = sn_text_clean(in[i] ? in[i] : ""))) {
				snprintf(err, errlen, "%s of %s is not valid UTF-8", pcols[i][0], nc);
				goto fail;
			}
			continue;
		}
		struct sn_value val;
		char why[600];
		int r = sn_value_parse((enum sn_vtype)ptype[i], in[i], i == P_TIME ? SN_VALUE_UNIT_OPTIONAL : 0,
				       NULL, &val, why, sizeof why);
		f[i] = val.text;
		val.text = NULL;
		if (r != 0) {
			char *shown = sn_text_clean(in[i] ? in[i] : "");
			snprintf(err, errlen, "%s '%s' of %s %s", plabel[i], shown ? shown : "?", nc, why);
			free(shown);
			goto fail;
		}
		switch (i) {
		case P_LEVELS: snprintf(v->levels, sizeof v->levels, "%s", f[i]); break;
		case P_TIME:
			v->has_time_limit = val.has_number;
			v->time_limit = val.number;
			limit_unit = val.unit;
			break;
		case P_UNIT: v->time_unit = val.unit; break;
		case P_ONLINE:
			v->online_level = !strcmp(f[i], "full") ? "full" : !strcmp(f[i], "partial") ? "partial" : "none";
			break;
		case P_PORTAL: v->portal = val.flag; break;
		default: break;
		}
	}
	/* The unit written in the time limit's own cell ("2 ngày làm việc") when DONVITINH is empty. */
	if (*limit_unit && !*v->time_unit)
		v->time_unit = limit_unit;
	else if (*limit_unit && strcmp(limit_unit, v->time_unit)) {
		char *shown = sn_text_clean(in[P_TIME]);
		snprintf(err, errlen, "time limit '%s' of %s is in %s, but its time unit (DONVITINH) says %s",
			 shown ? shown : "?", nc, limit_unit, v->time_unit);
		free(shown);
		goto fail;
	}
	return 0;
fail:
	sn_procedure_values_release(v);
	return SN_DATA;
}

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
	const char *nc = f[P_NAT];
	/* Codes of another province: the local code's suffix, then the bindings' agencies. */
	char found[40], whose[300];
	if (sn_level1_foreign_in(ld->l1, f[P_LOCAL], found, whose, sizeof whose)) {
		sn_error(ctx, "%s: local code %s of %s carries agency code %s, which belongs to %s, not to "
			 "province %s given by --province", pos, f[P_LOCAL], nc, found, whose, ld->province);
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
	if (!*f[P_NAME]) {
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
	for (int i = P_NAT; i <= P_FNAME; i++)
		if (*f[i])
			sqlite3_bind_text(s, 2 + i, f[i], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 7, v.levels, -1, SQLITE_TRANSIENT);
	if (v.has_time_limit)
		sqlite3_bind_double(s, 8, v.time_limit);
	if (*v.time_unit)
		sqlite3_bind_text(s, 9, v.time_unit, -1, SQLITE_STATIC);
	if (*f[P_FEE])
		sqlite3_bind_text(s, 10, f[P_FEE], -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 11, v.online_level, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 12, v.portal);
	if (*f[P_LEGAL])
		sqlite3_bind_text(s, 13, f[P_LEGAL], -1, SQLITE_TRANSIENT);
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

/* "000.00.31.H10:online; 000.00.32.H10" -> bindings. */
static size_t split_bindings(char *cell, struct sn_binding_rec *b, size_t max)
{
	size_t n = 0;
	for (char *p = cell; *p && n < max;) {
		size_t len = strcspn(p, ";");
		char *next = p[len] ? p + len + 1 : p + len;
		p[len] = '\0';
		char *colon = strchr(p, ':');
		int online = 0;
		if (colon) {
			char *k = ascii_key(colon + 1);
			online = k && (!strcmp(k, "online") || !strcmp(k, "truc tuyen"));
			free(k);
			*colon = '\0';
		}
		b[n].agency = p;
		b[n].online = online;
		n++;
		p = next;
	}
	return n;
}

int sn_catalog_csv_read(const char *path, sn_encoding enc, sn_procedure_fn fn, void *arg, char *err,
			size_t errlen)
{
	*err = '\0';
	sn_table *t = sn_table_open(path, NULL, NULL, enc, err, errlen);
	if (!t)
		return SN_DATA;
	char **cells;
	size_t n;
	int col[NPCOLS], rc = 0, r = sn_table_next(t, &cells, &n);
	if (r <= 0) {
		if (r < 0)
			snprintf(err, errlen, "%s", sn_table_error(t));
		else
			snprintf(err, errlen, "%s: the file is empty (no header row)", path);
		sn_table_close(t);
		return SN_DATA;
	}
	for (int c = 0; c < NPCOLS; c++)
		col[c] = sn_table_column(cells, n, pcols[c][0], pcols[c][1]);
	if (col[P_NAT] < 0 || col[P_NAME] < 0 || col[P_LEVELS] < 0) {
		snprintf(err, errlen, "%s: the header needs at least national_code (MATTHC), name (TENTTHC) "
			 "and levels (CAPTHUCHIEN)", sn_table_pos(t, (size_t)-1));
		sn_table_close(t);
		return SN_DATA;
	}
	struct sn_binding_rec *b = malloc(sizeof *b * 100000);
	if (!b) {
		snprintf(err, errlen, "out of memory");
		sn_table_close(t);
		return SN_IO;
	}
	/* Our export neutralised cells a spreadsheet would run as formulas; undone here (csv.h). */
	int csv = !sn_table_is_xlsx(t);
	while (rc == 0 && (r = sn_table_next(t, &cells, &n)) == 1) {
		const char *v[NPCOLS];
		for (int c = 0; c < NPCOLS; c++) {
			v[c] = col[c] >= 0 && (size_t)col[c] < n ? cells[col[c]] : "";
			if (csv)
				v[c] = sn_csv_unneutralise(v[c]);
		}
		char *ag = strdup(v[P_AGENCIES]);
		if (!ag) {
			snprintf(err, errlen, "out of memory");
			rc = SN_IO;
			break;
		}
		struct sn_procedure_rec p = { v[P_NAT], v[P_LOCAL], v[P_NAME], v[P_FCODE], v[P_FNAME],
					      v[P_LEVELS], v[P_TIME], v[P_UNIT], v[P_FEE], v[P_ONLINE],
					      v[P_PORTAL], v[P_LEGAL], b, 0 };
		p.nbindings = split_bindings(ag, b, 100000);
		char pos[1200];
		snprintf(pos, sizeof pos, "%s", sn_table_pos(t, (size_t)-1));
		rc = fn(arg, &p, pos);
		free(ag);
	}
	if (rc == 0 && r < 0) {
		snprintf(err, errlen, "%s", sn_table_error(t));
		rc = SN_DATA;
	}
	free(b);
	sn_table_close(t);
	return rc;
}

static const struct sn_usage usage = {
	.args = "FILE", .min_args = 1, .max_args = 1, .expected = "one FILE",
	.description =
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
	"loses that one leading apostrophe.\n",
	.examples =
	"sapnhap catalog import samples/catalogs/binhphuoc.csv --province 70\n",
};

int cmd_catalog_import(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_step step = { .step = "catalog import" };
	sn_encoding enc = SN_ENC_AUTO;
	char province[16];
	const char *path = NULL, *level1 = NULL;
	struct sn_level1 l1;
	int e = 0, rc = sn_import_begin(ctx, argc, argv, &usage, "a catalog", province, &e, &step, &path, &level1);
	if (rc) {
		sqlite3_free(step.target);
		sqlite3_free(step.args);
		return rc == SN_DONE ? SN_OK : rc;
	}
	int undone = 0;
	enc = (sn_encoding)e;
	struct cload ld = { .ctx = ctx, .province = province, .l1 = &l1 };
	if ((rc = sn_level1_load(ctx, level1, province, argv[0], &l1)))
		goto out;
	long long agencies;
	if ((rc = sn_query_intf(ctx, &agencies, "SELECT count(*) FROM agency WHERE province = %Q", province)))
		goto out;
	if (!agencies) {
		sn_error(ctx, "no agency registry for province %s: import it first ('sapnhap agencies import')",
			 province);
		rc = SN_DATA;
		goto out;
	}
	if (step.previous && ((rc = sn_reassign_undo(ctx, &undone)) ||
			      (rc = sn_execf(ctx, "DELETE FROM binding WHERE catalog = %Q; "
					       "DELETE FROM procedure WHERE province = %Q", province, province))))
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
	if (sn_looks_like_xml(path))
		rc = sn_catalog_xml_read(path, add_procedure, &ld, err, sizeof err);
	else
		rc = sn_catalog_csv_read(path, enc, add_procedure, &ld, err, sizeof err);
	if (rc && *err)
		sn_error(ctx, "%s", err);
	if (rc)
		goto out;
	char counts[200];
	snprintf(counts, sizeof counts, "procedures=%ld bindings=%ld", ld.procedures, ld.bindings);
	if ((rc = sn_step_commit(ctx, &step, counts)))
		goto out;
	fprintf(ctx->out, "%s catalog of province %s from %s: %s\n",
		step.dry_run ? "would import" : step.previous ? "re-imported" : "imported", province, path, counts);
out:
	sqlite3_finalize(ld.ins_p);
	sqlite3_finalize(ld.ins_b);
	sqlite3_finalize(ld.dup);
	sqlite3_finalize(ld.agency);
	if (rc)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return rc;
}
