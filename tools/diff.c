/* diff.c - loading two catalogs into one scratch database (on disk, bounded cache) and computing their difference
 * (diff.h). The writers are in diffout.c (text, CSV, JSON) and diffhtml.c.
 *
 * Sources: a working database (attached read-only, copied with INSERT ... SELECT), an export
 * directory or a single catalog file (read with the importers' own readers and value
 * normaliser, so a file means here what it would mean to 'catalog import'). The comparison is
 * SQL over per-side tables; only the field lists below are spelled out in C.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "agcode.h"
#include "agency.h"
#include "catalog.h"
#include "csv.h"
#include "db.h"
#include "diff.h"
#include "embedded.h"
#include "table.h"
#include "text.h"
#include "units.h"
#include "xmlsafe.h"
#include "i18n.h"
#include "banned.h"

const char *const sn_diff_entities[SN_DIFF_ENTITIES] = { "procedure", "binding", "agency" };
const char *const sn_diff_kinds[3] = { "added", "removed", "changed" };

/* The side tables are kept in key order (WITHOUT ROWID, key first, province last): a side's
 * procedures are read in key order with no sort, each key's rows in province order, which is
 * also what orders the combined "70: x | 75: y" values. A working database's bindings are not
 * copied into binding (the comparison reads them from the database). The change table is kept
 * in the order the reports list it (erank, s1, s2, key, frank), which is the order the
 * comparison writes it in: appended to, and read back with no sort. */
static const char *SCHEMA =
	"CREATE TABLE procedure(side INTEGER NOT NULL, province TEXT NOT NULL, national_code TEXT NOT NULL, "
	"  local_code TEXT, name TEXT, field_code TEXT, field_name TEXT, levels TEXT, time_limit TEXT, "
	"  time_unit TEXT, fee TEXT, online_level TEXT, portal TEXT, legal_basis TEXT, pos TEXT, "
	"  PRIMARY KEY (side, national_code, province)) WITHOUT ROWID;"
	"CREATE INDEX procedure_nc ON procedure(national_code);"
	"CREATE TABLE binding(side INTEGER NOT NULL, province TEXT NOT NULL, national_code TEXT NOT NULL, "
	"  agency_code TEXT NOT NULL, online TEXT NOT NULL, "
	"  PRIMARY KEY (side, national_code, agency_code, province)) WITHOUT ROWID;"
	"CREATE TABLE agency(side INTEGER NOT NULL, province TEXT NOT NULL, code TEXT NOT NULL, name TEXT, "
	"  kind TEXT, parent_code TEXT, unit_code TEXT, phone TEXT, email TEXT, status TEXT, pos TEXT, "
	"  PRIMARY KEY (side, code, province)) WITHOUT ROWID;"
	"CREATE INDEX agency_code ON agency(code);"
	"CREATE TABLE crosswalk(old_code TEXT PRIMARY KEY, outcome TEXT NOT NULL, new_code TEXT);"
	"CREATE TABLE successor(old_code TEXT NOT NULL, new_code TEXT NOT NULL, PRIMARY KEY (old_code, new_code)) WITHOUT ROWID;"
	"CREATE TABLE decision(subject TEXT NOT NULL, field TEXT NOT NULL, value TEXT, reason TEXT, "
	"  PRIMARY KEY (subject, field)) WITHOUT ROWID;"
	"CREATE TABLE pname(code TEXT PRIMARY KEY, name TEXT NOT NULL);"
	"CREATE TABLE change(entity TEXT NOT NULL, erank INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, "
	"  k1 TEXT NOT NULL, k2 TEXT NOT NULL, s1 TEXT NOT NULL, s2 TEXT NOT NULL, frank INTEGER NOT NULL, "
	"  field TEXT NOT NULL, before TEXT, after TEXT, nrows INTEGER NOT NULL, "
	"  PRIMARY KEY (erank, s1, s2, key, frank)) WITHOUT ROWID;";

/* --- values in one vocabulary --------------------------------------------------------------- */

/* An agency code in QCVN 102 notation when it parses and fits it ("H19.16" ->
 * "000.00.16.H19"), else as written: the same agency is the same key in either notation.
 * Returns BUF (40 bytes) or IN. */
static const char *canon_code(const char *in, char buf[40])
{
	struct sn_agcode c;
	if (sn_agcode_parse(in, &c) == SN_AGCODE_INVALID || sn_agcode_format(&c, SN_NOTATION_QCVN, buf, 40) < 0)
		return in;
	return buf;
}

static void sql_code(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s || !*s) {
		sqlite3_result_null(c);
		return;
	}
	/* Already in QCVN shape (ddd.dd.dd.Ldd): that is its canonical form; most codes are. */
	static const char shape[] = "999.99.99.A99";
	int qcvn = strlen(s) == 13;
	for (int i = 0; qcvn && i < 13; i++)
		qcvn = shape[i] == '9' ? s[i] >= '0' && s[i] <= '9' : shape[i] == 'A' ? s[i] >= 'A' && s[i] <= 'Z' : s[i] == '.';
	if (qcvn) {
		sqlite3_result_value(c, v[0]);
		return;
	}
	char buf[40];
	sqlite3_result_text(c, canon_code(s, buf), -1, SQLITE_TRANSIENT);
}

/* Orders agency codes as the code tables do (level 1, then levels 2-4 by value). */
static void sql_sortkey(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	char key[200];
	struct sn_agcode ac;
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	sn_agcode_parse(s, &ac);
	sn_agcode_sort_key(&ac, s, key, sizeof key);
	sqlite3_result_text(c, key, -1, SQLITE_TRANSIENT);
}

/* A time limit as text without trailing zeros: 2.0 -> "2", 1.5 -> "1.5" (SQLite's printf does
 * not depend on the locale). Text is kept; '' is NULL. */
static void sql_num(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	int t = sqlite3_value_type(v[0]);
	if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
		char *s = sqlite3_mprintf("%.15g", sqlite3_value_double(v[0]));
		if (s)
			sqlite3_result_text(c, s, -1, sqlite3_free);
		else
			sqlite3_result_error_nomem(c);
	} else if (t == SQLITE_TEXT && sqlite3_value_bytes(v[0]) > 0) {
		sqlite3_result_value(c, v[0]);
	} else {
		sqlite3_result_null(c);
	}
}

int sn_diff_open(struct sn_ctx *ctx, struct sn_diff *d)
{
	memset(d, 0, sizeof *d);
	d->lang = SN_LANG_EN;
	d->ctx.out = ctx->out;
	d->ctx.err = ctx->err;
	d->ctx.db_path = _("(diff's scratch database)");
	/* A private temporary database on disk (SQLite's "" name: deleted when closed), with a bounded
	 * page cache: what is held in memory does not grow with the catalogs (10^6 bindings a side
	 * would need ~640 MB in memory); the comparison reads both sides in key order and walks them
	 * in step (sn_diff_compute). URI names, so that an operand is attached read-only
	 * (file:...?mode=ro). No mutex: one thread uses the connection, and the comparison makes
	 * millions of calls on it. */
	if (sqlite3_open_v2("", &d->ctx.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		sn_error(ctx, "cannot open a scratch database: %s",
			 d->ctx.db ? sqlite3_errmsg(d->ctx.db) : _("out of memory"));
		return SN_IO;
	}
	if (sqlite3_exec(d->ctx.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = FILE; "
			 "PRAGMA cache_size = -16384; PRAGMA temp.cache_size = -8192",
			 NULL, NULL, NULL) != SQLITE_OK) {
		sn_error(ctx, "scratch database: %s", sqlite3_errmsg(d->ctx.db));
		return SN_IO;
	}
	sqlite3_busy_timeout(d->ctx.db, 5000);
	sn_db_trace(d->ctx.db);
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	if (sqlite3_create_function(d->ctx.db, "sn_diff_code", 1, f, NULL, sql_code, NULL, NULL) ||
	    sqlite3_create_function(d->ctx.db, "sn_diff_sortkey", 1, f, NULL, sql_sortkey, NULL, NULL) ||
	    sqlite3_create_function(d->ctx.db, "sn_diff_num", 1, f, NULL, sql_num, NULL, NULL)) {
		sn_error(ctx, "database: cannot register functions: %s", sqlite3_errmsg(d->ctx.db));
		return SN_IO;
	}
	return sn_exec(&d->ctx, SCHEMA);
}

void sn_diff_close(struct sn_diff *d)
{
	if (d->ctx.db)
		sqlite3_close(d->ctx.db);
	d->ctx.db = NULL;
}

/* --- a working database ----------------------------------------------------------------------- */

/* "file:" URI of a path, read-only: every byte outside [A-Za-z0-9/._~-] percent-encoded, so a
 * '?', '#' or '%' in a file name stays part of the name. Caller frees with sqlite3_free. */
static char *ro_uri(const char *path)
{
	sqlite3_str *s = sqlite3_str_new(NULL);
	sqlite3_str_appendall(s, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("/._~-", *p))
			sqlite3_str_appendchar(s, 1, (char)*p);
		else
			sqlite3_str_appendf(s, "%%%02X", *p);
	}
	sqlite3_str_appendall(s, "?mode=ro");
	return sqlite3_str_finish(s);
}

struct dbbind {
	int side;
	const char *target;
};

static void bind_side(sqlite3_stmt *st, void *arg)
{
	const struct dbbind *b = arg;
	int i = sqlite3_bind_parameter_index(st, ":side");
	if (i)
		sqlite3_bind_int(st, i, b->side);
	i = sqlite3_bind_parameter_index(st, ":t");
	if (i)
		sqlite3_bind_text(st, i, b->target, -1, SQLITE_STATIC);
}

/* The old provinces' catalogs: what was imported, before reassign (its own bindings, from_binding
 * set, are the merged catalog's). Bindings are read by the comparison itself (side_sql). */
static const char *LOAD_OLD =
	"INSERT INTO procedure(side, province, national_code, local_code, name, field_code, field_name, levels, "
	"  time_limit, time_unit, fee, online_level, portal, legal_basis) SELECT :side, province, national_code, "
	"  NULLIF(local_code, ''), NULLIF(name, ''), NULLIF(field_code, ''), NULLIF(field_name, ''), "
	"  NULLIF(levels, ''), sn_diff_num(time_limit), NULLIF(time_unit, ''), NULLIF(fee, ''), "
	"  NULLIF(online_level, ''), CASE portal WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, NULLIF(legal_basis, '') "
	"  FROM src.procedure ORDER BY province, national_code;"
	"INSERT OR IGNORE INTO agency(side, province, code, name, kind, parent_code, unit_code, phone, email, status) "
	"  SELECT :side, province, sn_diff_code(code), NULLIF(name, ''), NULLIF(kind, ''), sn_diff_code(parent_code), "
	"  NULLIF(unit_code, ''), NULLIF(phone, ''), NULLIF(email, ''), NULLIF(status, '') FROM src.agency ORDER BY 3, 2, id;";

/* The merged catalog after reassign: merged_procedure, the code table (every code in it is in
 * force); the active bindings reassign made for the target province are read by side_sql. */
static const char *LOAD_MERGED =
	"INSERT INTO procedure(side, province, national_code, local_code, name, field_code, field_name, levels, "
	"  time_limit, time_unit, fee, online_level, portal, legal_basis) SELECT :side, :t, national_code, "
	"  NULLIF(local_code, ''), NULLIF(name, ''), NULLIF(field_code, ''), NULLIF(field_name, ''), "
	"  NULLIF(levels, ''), sn_diff_num(time_limit), NULLIF(time_unit, ''), NULLIF(fee, ''), "
	"  NULLIF(online_level, ''), CASE portal WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END, NULLIF(legal_basis, '') "
	"  FROM src.merged_procedure ORDER BY national_code;"
	"INSERT OR IGNORE INTO agency(side, province, code, name, kind, parent_code, unit_code, phone, email, status) "
	"  SELECT :side, :t, sn_diff_code(code), NULLIF(name, ''), NULLIF(kind, ''), sn_diff_code(parent_code), "
	"  NULLIF(unit_code, ''), NULLIF(phone, ''), NULLIF(email, ''), 'active' FROM src.code_table ORDER BY 3, sort_key;";

static const char *LOAD_CROSSWALK =
	"INSERT OR IGNORE INTO crosswalk(old_code, outcome, new_code) SELECT sn_diff_code(old_code), outcome, "
	"  sn_diff_code(new_code) FROM src.crosswalk ORDER BY old_code;"
	"INSERT OR IGNORE INTO successor SELECT sn_diff_code(old_code), sn_diff_code(new_code) FROM src.crosswalk_successor;"
	/* the decisions reassign applied, with their reasons */
	"INSERT OR IGNORE INTO decision SELECT subject, field, value, reason FROM src.decision;";

/* The provinces' names, for the reports' headers. */
static const char *LOAD_NAMES =
	"INSERT OR IGNORE INTO pname SELECT province, name FROM src.province_fact;"
	"INSERT OR IGNORE INTO pname SELECT old_province, name FROM src.province_fact_old;";

/* One text value of a query on the attached database ("" when none); -1 on error. */
static int query_text(struct sn_diff *d, const char *sql, char *out, size_t len)
{
	sqlite3_stmt *st = sn_prepare(&d->ctx, sql);
	int r = st ? sn_step(&d->ctx, st) : -1;
	if (r == SQLITE_ROW)
		snprintf(out, len, "%s", sn_col(st, 0));
	else if (r == SQLITE_DONE)
		*out = '\0';
	sqlite3_finalize(st);
	return r < 0 ? -1 : 0;
}

/* Attaches the database at URI (read-only) as NAME. Returns 0 or SN_IO (reported). */
static int attach(struct sn_diff *d, const char *uri, const char *name, const char *path)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(d->ctx.db, "ATTACH ?1 AS ?2", -1, &st, NULL) != SQLITE_OK) {
		sn_error(&d->ctx, "database: %s", sqlite3_errmsg(d->ctx.db));
		return SN_IO;
	}
	sqlite3_bind_text(st, 1, uri, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	int r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		sn_error(&d->ctx, "cannot open database '%s': %s", path, sqlite3_errmsg(d->ctx.db));
		return SN_IO;
	}
	return 0;
}

static int load_database(struct sn_diff *d, int side, const char *path, const char *want)
{
	struct sn_diff_side *s = &d->side[side];
	sqlite3 *db = d->ctx.db;
	int rc = SN_IO, attached = 0;
	char *uri = ro_uri(path);
	sqlite3_stmt *st = NULL;
	/* A database a killed step left is recovered first, as every reader does (db.h). */
	if (sn_db_recover(&d->ctx, path))
		goto done;
	if (!uri) {
		sn_error(&d->ctx, "database: %s", sqlite3_errmsg(db));
		goto done;
	}
	if ((rc = attach(d, uri, "src", path)))
		goto done;
	rc = SN_IO;
	attached = 1;
	/* The first read of the file: a damaged one fails here. */
	if (sqlite3_prepare_v2(db, "PRAGMA src.user_version", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sn_error(&d->ctx, "cannot read database '%s': %s", path, sqlite3_errmsg(db));
		goto done;
	}
	long long version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	int latest = sn_migrations[sn_migration_count - 1].version;
	if (version == 0) {
		sn_error(&d->ctx, "'%s' is an SQLite database but not a sapnhap working database", path);
		rc = SN_DATA;
		goto done;
	}
	if (version != latest) {
		sn_error(&d->ctx, "'%s' is a sapnhap database of another version (schema %lld; this sapnhap reads %d)",
			 path, version, latest);
		rc = SN_DATA;
		goto done;
	}
	char applied[8], nproc[24], target[16];
	if (query_text(d, "SELECT EXISTS (SELECT 1 FROM src.journal WHERE step = 'reassign') AND "
			  "EXISTS (SELECT 1 FROM src.merged_procedure)", applied, sizeof applied) ||
	    query_text(d, "SELECT count(*) FROM src.procedure", nproc, sizeof nproc) ||
	    query_text(d, "SELECT group_concat(province, ', ') FROM (SELECT DISTINCT province FROM src.procedure "
			  "ORDER BY province)", s->provinces, sizeof s->provinces) ||
	    /* The merged province: where reassign put its bindings, else what the unit links say. */
	    query_text(d, "SELECT COALESCE((SELECT province FROM src.province_fact), (SELECT min(catalog) "
			  "FROM src.binding WHERE from_binding IS NOT NULL), '')", target, sizeof target))
		goto done;
	int merged = want ? !strcmp(want, "merged") : !strcmp(applied, "1");
	if (merged && strcmp(applied, "1")) {
		sn_error(&d->ctx, "'%s' has no merged catalog: 'sapnhap reassign' has not been applied to it", path);
		rc = SN_DATA;
		goto done;
	}
	if (!merged && !strcmp(nproc, "0")) {
		sn_error(&d->ctx, "'%s' has no catalog in the old state: no catalog was imported into it "
			 "('sapnhap catalog import')", path);
		rc = SN_DATA;
		goto done;
	}
	s->source = SN_DIFF_DATABASE;
	snprintf(s->state, sizeof s->state, "%s", merged ? "merged" : "old");
	if (merged)
		snprintf(s->provinces, sizeof s->provinces, "%s", target);
	struct dbbind b = { side, target };
	if ((rc = sn_exec_script(&d->ctx, merged ? LOAD_MERGED : LOAD_OLD, bind_side, &b)) ||
	    (rc = sn_exec_script(&d->ctx, LOAD_NAMES, NULL, NULL)))
		goto done;
	/* Only a merged catalog's crosswalk leads the old codes to the codes AFTER holds. */
	if (side == 1 && merged) {
		if ((rc = sn_exec_script(&d->ctx, LOAD_CROSSWALK, NULL, NULL)))
			goto done;
		s->has_crosswalk = 1;
	}
	/* The bindings stay where they are: attached again under the side's own name, the
	 * comparison reads them from there in its order (side_sql). */
	if ((rc = sn_exec(&d->ctx, "DETACH src")))
		goto done;
	attached = 0;
	snprintf(s->attached, sizeof s->attached, "src%d", side);
	if ((rc = attach(d, uri, s->attached, path)))
		*s->attached = '\0';
done:
	sqlite3_finalize(st);
	if (attached)
		sqlite3_exec(db, "DETACH src", NULL, NULL, NULL);
	sqlite3_free(uri);
	return rc;
}

/* --- files: catalogs, agency registries, a crosswalk ---------------------------------------- */

struct fload {
	struct sn_diff *d;
	int side;
	sqlite3_stmt *ins, *ins_b, *first;
};

/* The position of the row holding KEY already, for "listed twice" messages. */
static const char *first_pos(struct fload *f, const char *key)
{
	sqlite3_reset(f->first);
	sqlite3_bind_int(f->first, 1, f->side);
	sqlite3_bind_text(f->first, 2, key, -1, SQLITE_TRANSIENT);
	return sqlite3_step(f->first) == SQLITE_ROW ? sn_col(f->first, 0) : "?";
}

static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

static int file_procedure(void *arg, const struct sn_procedure_rec *p, const char *pos)
{
	struct fload *f = arg;
	struct sn_ctx *ctx = &f->d->ctx;
	struct sn_procedure_values v;
	char msg[1200];
	if (sn_procedure_values(p, &v, msg, sizeof msg) != 0) {
		sn_error(ctx, "%s: %s", pos, msg);
		return SN_DATA;
	}
	int rc = SN_IO;
	sqlite3_stmt *s = f->ins;
	sqlite3_reset(s);
	sqlite3_bind_int(s, 1, f->side);
	/* text[] follows struct sn_procedure_rec: national_code, local_code, name, field_code,
	 * field_name, levels, time_limit, time_unit, fee, online_level, portal, legal_basis. */
	for (int i = 0; i <= 4; i++)
		bind_opt(s, 2 + i, v.text[i]);
	bind_opt(s, 7, v.levels);
	if (v.has_time_limit)
		sqlite3_bind_double(s, 8, v.time_limit);
	else
		sqlite3_bind_null(s, 8);
	bind_opt(s, 9, v.time_unit);
	bind_opt(s, 10, v.text[8]);
	bind_opt(s, 11, v.online_level);
	sqlite3_bind_text(s, 12, v.portal ? "yes" : "no", -1, SQLITE_STATIC);
	bind_opt(s, 13, v.text[11]);
	sqlite3_bind_text(s, 14, pos, -1, SQLITE_TRANSIENT);
	int r = sqlite3_step(s);
	if (r == SQLITE_CONSTRAINT) {
		sn_error(ctx, "%s: procedure %s is listed twice (first at %s)", pos, v.text[0], first_pos(f, v.text[0]));
		rc = SN_DATA;
		goto done;
	}
	if (r != SQLITE_DONE) {
		sn_error(ctx, "database: %s", sqlite3_errmsg(ctx->db));
		goto done;
	}
	for (size_t i = 0; i < p->nbindings; i++) {
		char *code = sn_text_clean(p->bindings[i].agency);
		if (!code) {
			sn_error(ctx, "%s: an agency code of %s is not valid UTF-8", pos, v.text[0]);
			rc = SN_DATA;
			goto done;
		}
		char canon[40];
		sqlite3_stmt *b = f->ins_b;
		sqlite3_reset(b);
		sqlite3_bind_int(b, 1, f->side);
		sqlite3_bind_text(b, 2, v.text[0], -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(b, 3, canon_code(code, canon), -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(b, 4, p->bindings[i].online ? "yes" : "no", -1, SQLITE_STATIC);
		r = *code ? sqlite3_step(b) : SQLITE_DONE;
		free(code);
		if (r != SQLITE_DONE) {
			sn_error(ctx, "database: %s", sqlite3_errmsg(ctx->db));
			goto done;
		}
	}
	rc = 0;
done:
	sn_procedure_values_release(&v);
	return rc;
}

static int file_agency(void *arg, const struct sn_agency_rec *r, const char *pos)
{
	struct fload *f = arg;
	struct sn_ctx *ctx = &f->d->ctx;
	static const char *names[] = { "code", "name", "kind", "parent_code", "unit_code", "phone", "email", "status" };
	const char *in[8] = { r->code, r->name, r->kind, r->parent_code, r->unit_code, r->phone, r->email, r->status };
	char *v[8] = { 0 };
	int rc = SN_DATA;
	for (int i = 0; i < 8; i++)
		if (!(v[i] = sn_text_clean(in[i] ? in[i] : ""))) {
			sn_error(ctx, "%s: %s is not valid UTF-8", pos, names[i]);
			goto done;
		}
	if (!*v[0]) {
		sn_error(ctx, "%s: code is empty", pos);
		goto done;
	}
	char cbuf[40], pbuf[40], unit[16];
	const char *code = canon_code(v[0], cbuf), *parent = canon_code(v[3], pbuf), *unitp = v[4];
	/* A unit code typed as a number lost its zeros: padded as the import pads it. */
	size_t w = strlen(v[4]);
	if (*v[4] && sn_code_normalise(v[4], w <= 2 ? 2 : w == 3 ? 3 : 5, unit) >= 0)
		unitp = unit;
	sqlite3_stmt *s = f->ins;
	sqlite3_reset(s);
	sqlite3_bind_int(s, 1, f->side);
	sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
	bind_opt(s, 3, v[1]);
	bind_opt(s, 4, v[2]);
	bind_opt(s, 5, parent);
	bind_opt(s, 6, unitp);
	bind_opt(s, 7, v[5]);
	bind_opt(s, 8, v[6]);
	bind_opt(s, 9, *v[7] ? v[7] : "active");  /* as the import reads an empty status */
	sqlite3_bind_text(s, 10, pos, -1, SQLITE_TRANSIENT);
	int x = sqlite3_step(s);
	if (x == SQLITE_CONSTRAINT) {
		sn_error(ctx, "%s: code %s is listed twice (first at %s)", pos, v[0], first_pos(f, code));
		goto done;
	}
	rc = x == SQLITE_DONE ? 0 : SN_IO;
	if (rc)
		sn_error(ctx, "database: %s", sqlite3_errmsg(ctx->db));
done:
	for (int i = 0; i < 8; i++)
		free(v[i]);
	return rc;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/* Whether PATH can be opened for reading; reports and returns SN_IO when not. */
static int readable(struct sn_diff *d, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sn_error(&d->ctx, "cannot open '%s': %s", path, sn_strerror(errno));
		return SN_IO;
	}
	fclose(fp);
	return 0;
}

/* Loads the catalog (CATALOG) or agency registry at PATH, XML or CSV, into SIDE, in one
 * transaction: its rows inserted by INS (and INS_B, the bindings of a catalog); FIRST finds the
 * position of a key loaded already. */
static int load_file(struct sn_diff *d, int side, const char *path, int catalog, const char *ins,
		     const char *ins_b, const char *first)
{
	struct fload f = { .d = d, .side = side };
	int rc = readable(d, path);
	if (rc)
		return rc;
	f.ins = sn_prepare(&d->ctx, ins);
	f.ins_b = ins_b ? sn_prepare(&d->ctx, ins_b) : NULL;
	f.first = sn_prepare(&d->ctx, first);
	if (!f.ins || (ins_b && !f.ins_b) || !f.first) {
		rc = SN_IO;
		goto done;
	}
	char err[1200] = "";
	if ((rc = sn_exec(&d->ctx, "BEGIN")))
		goto done;
	if (catalog)
		rc = sn_catalog_read(path, SN_ENC_AUTO, file_procedure, &f, err, sizeof err);
	else
		rc = sn_agency_read(path, SN_ENC_AUTO, file_agency, &f, err, sizeof err);
	if (rc && *err)
		sn_error(&d->ctx, "%s", err);
	sqlite3_exec(d->ctx.db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
done:
	sqlite3_finalize(f.ins);
	sqlite3_finalize(f.ins_b);
	sqlite3_finalize(f.first);
	return rc;
}

static int load_catalog_file(struct sn_diff *d, int side, const char *path)
{
	return load_file(d, side, path, 1,
			 "INSERT INTO procedure(side, province, national_code, local_code, name, field_code, "
			 "field_name, levels, time_limit, time_unit, fee, online_level, portal, legal_basis, pos) "
			 "VALUES (?1, '', ?2, ?3, ?4, ?5, ?6, ?7, sn_diff_num(?8), ?9, ?10, ?11, ?12, ?13, ?14)",
			 "INSERT INTO binding(side, province, national_code, agency_code, online) "
			 "VALUES (?1, '', ?2, ?3, ?4) ON CONFLICT DO UPDATE SET online = max(online, excluded.online)",
			 "SELECT pos FROM procedure WHERE side = ?1 AND national_code = ?2");
}

static int load_agency_file(struct sn_diff *d, int side, const char *path)
{
	return load_file(d, side, path, 0,
			 "INSERT INTO agency(side, province, code, name, kind, parent_code, unit_code, "
			 "phone, email, status, pos) VALUES (?1, '', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
			 NULL, "SELECT pos FROM agency WHERE side = ?1 AND code = ?2");
}

/* One crosswalk entry, from either form: codes canonical, "closed" without a new code. */
static int crosswalk_row(struct sn_diff *d, sqlite3_stmt *ins, const char *oldc, const char *outcome,
			 const char *newc, const char *pos)
{
	char ob[40], nb[40];
	if (strcmp(outcome, "kept") && strcmp(outcome, "renumbered") && strcmp(outcome, "merged") &&
	    strcmp(outcome, "closed")) {
		sn_error(&d->ctx, "%s: outcome '%s' is not kept, renumbered, merged or closed", pos, outcome);
		return SN_DATA;
	}
	sqlite3_reset(ins);
	sqlite3_bind_text(ins, 1, canon_code(oldc, ob), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(ins, 2, outcome, -1, SQLITE_TRANSIENT);
	bind_opt(ins, 3, canon_code(newc, nb));
	int x = sqlite3_step(ins);
	if (x == SQLITE_CONSTRAINT) {
		sn_error(&d->ctx, "%s: old code %s is listed twice", pos, oldc);
		return SN_DATA;
	}
	if (x != SQLITE_DONE) {
		sn_error(&d->ctx, "database: %s", sqlite3_errmsg(d->ctx.db));
		return SN_IO;
	}
	return 0;
}

/* crosswalk.csv as 'sapnhap crosswalk --format csv' prints it (old_code, outcome and new_code
 * are the columns read). */
static int load_crosswalk_file(struct sn_diff *d, const char *path)
{
	char err[1200];
	int rc = readable(d, path);
	if (rc)
		return rc;
	sn_table *t = sn_table_open(path, NULL, NULL, SN_ENC_AUTO, err, sizeof err);
	if (!t) {
		sn_error(&d->ctx, "%s", err);
		return SN_DATA;
	}
	sqlite3_stmt *ins = sn_prepare(&d->ctx, "INSERT INTO crosswalk(old_code, outcome, new_code) VALUES (?1, ?2, ?3)");
	char **cells;
	size_t n;
	int col[3] = { -1, -1, -1 }, r = sn_table_next(t, &cells, &n);
	static const char *names[3] = { "old_code", "outcome", "new_code" };
	rc = SN_DATA;
	if (!ins) {
		rc = SN_IO;
		goto done;
	}
	if (r <= 0) {
		if (r < 0)
			sn_error(&d->ctx, "%s", sn_table_error(t));
		else
			sn_error(&d->ctx, "%s: the crosswalk file is empty (no header row)", path);
		goto done;
	}
	for (int c = 0; c < 3; c++)
		for (size_t i = 0; i < n; i++)
			if (!strcmp(cells[i], names[c]))
				col[c] = (int)i;
	if (col[0] < 0 || col[1] < 0 || col[2] < 0) {
		sn_error(&d->ctx, "%s: the header needs old_code, outcome and new_code (as 'sapnhap crosswalk "
			 "--format csv' prints it)", sn_table_pos(t, (size_t)-1));
		goto done;
	}
	if (sn_exec(&d->ctx, "BEGIN")) {
		rc = SN_IO;
		goto done;
	}
	rc = 0;
	while (!rc && (r = sn_table_next(t, &cells, &n)) == 1) {
		const char *v[3];
		for (int c = 0; c < 3; c++)  /* cells an export neutralised against formulas, restored */
			v[c] = sn_csv_unneutralise((size_t)col[c] < n ? cells[col[c]] : "");
		rc = crosswalk_row(d, ins, v[0], v[1], v[2], sn_table_pos(t, (size_t)-1));
	}
	if (!rc && r < 0) {
		sn_error(&d->ctx, "%s", sn_table_error(t));
		rc = SN_DATA;
	}
	sqlite3_exec(d->ctx.db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
done:
	sqlite3_finalize(ins);
	sn_table_close(t);
	return rc;
}

/* crosswalk.xml as 'sapnhap crosswalk --format xml' writes it (schema/crosswalk.xsd, validated
 * while reading): the old, outcome and new attributes of each entry. */
static int load_crosswalk_xml(struct sn_diff *d, const char *path)
{
	char err[1200] = "";
	int rc = readable(d, path);
	if (rc)
		return rc;
	sn_xml *x = sn_xml_open_schema(path, sn_xsd_crosswalk, "crosswalk.xsd", err, sizeof err, &rc);
	if (!x) {
		sn_error(&d->ctx, "%s", err);
		return rc;
	}
	xmlTextReaderPtr rd = sn_xml_reader(x);
	sqlite3_stmt *ins = sn_prepare(&d->ctx, "INSERT INTO crosswalk(old_code, outcome, new_code) VALUES (?1, ?2, ?3)");
	int r = 0;
	rc = ins ? sn_exec(&d->ctx, "BEGIN") : SN_IO;
	while (!rc && (r = sn_xml_read(x)) == 1) {
		if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
		    strcmp((const char *)xmlTextReaderConstLocalName(rd), "entry"))
			continue;
		char *oldc = (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)"old");
		char *outcome = (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)"outcome");
		char *newc = (char *)xmlTextReaderGetAttribute(rd, (const xmlChar *)"new");
		char pos[1100];
		snprintf(pos, sizeof pos, "%.1000s:%d", path, sn_xml_line(x));
		rc = crosswalk_row(d, ins, oldc ? oldc : "", outcome ? outcome : "", newc ? newc : "", pos);
		xmlFree(oldc);
		xmlFree(outcome);
		xmlFree(newc);
	}
	if (!rc && r < 0) {
		sn_error(&d->ctx, "%s", sn_xml_error(x));
		rc = SN_DATA;
	}
	sqlite3_exec(d->ctx.db, rc ? "ROLLBACK" : "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(ins);
	sn_xml_close(x);
	return rc;
}

/* DIR/NAME.csv, else DIR/NAME.xml (an export written in both formats is read as CSV); 0 when
 * neither exists. */
static int pick(const char *dir, const char *name, int xml_too, char *out, size_t len)
{
	struct stat sb;
	snprintf(out, len, "%s/%s.csv", dir, name);
	if (stat(out, &sb) == 0)
		return 1;
	snprintf(out, len, "%s/%s.xml", dir, name);
	return xml_too && stat(out, &sb) == 0;
}

static int load_export(struct sn_diff *d, int side, const char *dir)
{
	struct sn_diff_side *s = &d->side[side];
	char cat[1100], ag[1100], xw[1100];
	int has_cat = pick(dir, "catalog", 1, cat, sizeof cat), has_ag = pick(dir, "agencies", 1, ag, sizeof ag);
	if (!has_cat || !has_ag) {
		const char *missing = has_cat ? "agencies" : "catalog";
		sn_error(&d->ctx, "'%s' is not an export directory: it has no %s.csv or %s.xml", dir, missing, missing);
		return SN_DATA;
	}
	int rc;
	if ((rc = load_catalog_file(d, side, cat)) || (rc = load_agency_file(d, side, ag)))
		return rc;
	s->source = SN_DIFF_EXPORT;
	snprintf(s->files, sizeof s->files, "%s, %s", strrchr(cat, '/') + 1, strrchr(ag, '/') + 1);
	/* Only the AFTER side's crosswalk is used: it leads BEFORE's codes to AFTER's. */
	if (side == 1 && pick(dir, "crosswalk", 1, xw, sizeof xw)) {
		if ((rc = ends_with(xw, ".xml") ? load_crosswalk_xml(d, xw) : load_crosswalk_file(d, xw)))
			return rc;
		s->has_crosswalk = 1;
		snprintf(s->files + strlen(s->files), sizeof s->files - strlen(s->files), ", %s", strrchr(xw, '/') + 1);
	}
	return 0;
}

/* --- which kind of operand ------------------------------------------------------------------- */

/* 1 when PATH starts with the SQLite header, 0 when not, -1 (reported) when it cannot be read. */
static int sqlite_header(struct sn_diff *d, const char *path)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		sn_error(&d->ctx, "cannot open '%s': %s", path, sn_strerror(errno));
		return -1;
	}
	char hdr[16] = { 0 };
	size_t n = fread(hdr, 1, sizeof hdr, fp);
	int bad = ferror(fp);
	fclose(fp);
	if (bad) {
		sn_error(&d->ctx, "cannot read '%s': %s", path, sn_strerror(EIO));
		return -1;
	}
	return n == 16 && memcmp(hdr, "SQLite format 3", 16) == 0;
}

int sn_diff_load(struct sn_diff *d, int side, const char *operand)
{
	struct sn_diff_side *s = &d->side[side];
	struct stat sb;
	char path[1024];
	const char *state = NULL;
	/* A side loaded again no longer reads its earlier database's bindings. */
	if (*s->attached) {
		if (sn_execf(&d->ctx, "DETACH \"%w\"", s->attached))
			return SN_IO;
		*s->attached = '\0';
	}
	snprintf(s->operand, sizeof s->operand, "%s", operand);
	snprintf(path, sizeof path, "%s", operand);
	if (stat(path, &sb) != 0) {
		/* FILE:old / FILE:merged, only when no file has the full name. */
		char *colon = strrchr(path, ':');
		int err = errno;
		if (colon && (!strcmp(colon + 1, "old") || !strcmp(colon + 1, "merged"))) {
			state = !strcmp(colon + 1, "old") ? "old" : "merged";
			*colon = '\0';
			if (stat(path, &sb) != 0) {
				sn_error(&d->ctx, "cannot open '%s': %s", path, sn_strerror(errno));
				return SN_IO;
			}
		} else {
			sn_error(&d->ctx, "cannot open '%s': %s", path, sn_strerror(err));
			return SN_IO;
		}
	}
	if (S_ISDIR(sb.st_mode)) {
		if (state) {
			sn_error(&d->ctx, "'%s': a state (:old, :merged) is asked of a working database, "
				 "not of a directory", operand);
			return SN_DATA;
		}
		return load_export(d, side, path);
	}
	int h = sqlite_header(d, path);
	if (h < 0)
		return SN_IO;
	if (h)
		return load_database(d, side, path, state);
	if (state) {
		sn_error(&d->ctx, "'%s' is not a working database: a state (:old, :merged) is asked of a "
			 "database only", path);
		return SN_DATA;
	}
	if (ends_with(path, ".csv") || ends_with(path, ".xml") || sn_looks_like_xml(path)) {
		s->source = SN_DIFF_CATALOG;
		return load_catalog_file(d, side, path);
	}
	sn_error(&d->ctx, "'%s' is neither a sapnhap database, an export directory nor a catalog file "
		 "(.csv or .xml)", operand);
	return SN_DATA;
}

/* --- the comparison: both sides walked in step, in key order ---------------------------------- */

/* The fields compared, per entity, in the order they are listed; the first of each is shown
 * for an added or removed thing even when empty. */
static const char *const PFIELDS[] = { "name", "local_code", "field_code", "field_name", "levels", "time_limit",
				       "time_unit", "fee", "online_level", "portal", "legal_basis", NULL };
static const char *const BFIELDS[] = { "online", "agency", NULL };
static const char *const AFIELDS[] = { "name", "kind", "parent_code", "unit_code", "phone", "email", "status", NULL };
static const char *const *const FIELDS[SN_DIFF_ENTITIES] = { PFIELDS, BFIELDS, AFIELDS };
enum { MAXFIELDS = 11, E_BINDING = 1, E_AGENCY = 2 };

/* A side's rows of entity E as the comparison reads them, in the order of the change table
 * (s1, s2, key): the columns s1, s2, k1, k2, province, then the fields. Procedures are read in
 * the order of their primary key; agencies are sorted by code as the code tables order them.
 * Bindings come one row per agency code as bound, with skey, agency_code, online after the
 * province: BEFORE's carried through AFTER's crosswalk to the code that now holds them (k2),
 * from the binding table, or straight from a working database (not copied: its rows are
 * canonicalised and sorted by the query itself). Caller frees with sqlite3_free. */
static char *side_sql(struct sn_diff *d, int e, int side)
{
	const struct sn_diff_side *s = &d->side[side];
	sqlite3_str *q = sqlite3_str_new(NULL);
	if (e != E_BINDING) {
		sqlite3_str_appendf(q, e == E_AGENCY ? "SELECT sn_diff_sortkey(code), '', code, '', province" :
			"SELECT national_code, '', national_code, '', province");
		for (const char *const *f = FIELDS[e]; *f; f++)
			sqlite3_str_appendf(q, ", \"%w\"", *f);
		sqlite3_str_appendf(q, e == E_AGENCY ? " FROM agency WHERE side = %d ORDER BY 1, code, province" :
			" FROM procedure WHERE side = %d ORDER BY national_code, province", side);
		return sqlite3_str_finish(q);
	}
	char *rows;
	if (!*s->attached)
		rows = sqlite3_mprintf("SELECT national_code, province, agency_code, online FROM binding WHERE side = %d", side);
	else if (!strcmp(s->state, "merged"))
		/* the active bindings reassign made for the target province (LOAD_MERGED's) */
		rows = sqlite3_mprintf("SELECT national_code, %Q AS province, sn_diff_code(agency_code) AS agency_code, "
				       "CASE WHEN online THEN 'yes' ELSE 'no' END AS online FROM \"%w\".binding "
				       "WHERE active = 1 AND from_binding IS NOT NULL AND catalog = %Q",
				       s->provinces, s->attached, s->provinces);
	else
		/* the old provinces' own bindings (LOAD_OLD's) */
		rows = sqlite3_mprintf("SELECT national_code, catalog AS province, sn_diff_code(agency_code) AS agency_code, "
				       "CASE WHEN online THEN 'yes' ELSE 'no' END AS online FROM \"%w\".binding "
				       "WHERE from_binding IS NULL AND catalog IN (SELECT province FROM \"%w\".procedure)",
				       s->attached, s->attached);
	if (side == 0)
		/* BEFORE's codes carried through AFTER's crosswalk; the old codes that meet at one new
		 * code are listed by their sort key */
		sqlite3_str_appendf(q, "SELECT b.national_code AS nc, COALESCE(x.new_code, b.agency_code) AS akey, "
				    "b.province AS province, CASE WHEN x.new_code IS NULL THEN '' ELSE sn_diff_sortkey(b.agency_code) END "
				    "AS skey, b.agency_code AS code, b.online AS online FROM (%s) b LEFT JOIN crosswalk x "
				    "ON x.old_code = b.agency_code AND x.outcome IN ('kept', 'renumbered', 'merged')", rows ? rows : "");
	else
		sqlite3_str_appendf(q, "SELECT national_code AS nc, agency_code AS akey, province, '' AS skey, "
				    "agency_code AS code, online FROM (%s)", rows ? rows : "");
	char *inner = sqlite3_str_finish(q);
	char *sql = rows && inner ? sqlite3_mprintf("SELECT nc, sn_diff_sortkey(akey), nc, akey, province, skey, code, online "
						    "FROM (%s) ORDER BY 1, 2, 4, 5, 6, 7", inner) : NULL;
	sqlite3_free(rows);
	sqlite3_free(inner);
	return sql;
}

/* A value as read: its text, or NULL. */
struct cell {
	struct sn_buf b;
	int null;
};

static int cell_set(struct cell *c, sqlite3_stmt *st, int i)
{
	sn_buf_reset(&c->b);
	c->null = sqlite3_column_type(st, i) == SQLITE_NULL;
	if (c->null)
		return 0;
	const char *t = (const char *)sqlite3_column_text(st, i);
	return t ? sn_buf_add(&c->b, t, (size_t)sqlite3_column_bytes(st, i)) : -1;
}

/* NULL-safe equality (SQL's IS), bytes compared as SQLite's BINARY collation does. */
static int cell_same(const struct cell *a, const struct cell *b)
{
	if (a->null || b->null)
		return a->null && b->null;
	return a->b.len == b->b.len && memcmp(sn_buf_str(&a->b), sn_buf_str(&b->b), a->b.len) == 0;
}

/* Column I of the current row against C, as SQLite orders text (BINARY: bytes, then length). */
static int col_cmp(sqlite3_stmt *st, int i, const struct cell *c)
{
	const char *t = (const char *)sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i), m = c->b.len;
	int r = memcmp(t ? t : "", sn_buf_str(&c->b), n < m ? n : m);
	return r ? r : n < m ? -1 : n > m;
}

static int buf_cmp(const struct sn_buf *a, const struct sn_buf *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int r = memcmp(sn_buf_str(a), sn_buf_str(b), n);
	return r ? r : a->len < b->len ? -1 : a->len > b->len;
}

/* One catalog's values of the current thing. */
struct catrow {
	struct cell province, v[MAXFIELDS];
};

/* One side of entity E read in key order, a thing (a key's rows, one per catalog, combined) at
 * a time. */
struct reader {
	struct sn_diff *d;
	int e, nf;
	sqlite3_stmt *st;
	int r;                        /* sn_step's last result: SQLITE_ROW (a row is waiting), SQLITE_DONE, -1 */
	int have;                     /* the current thing: key and v */
	struct cell key[4];           /* s1, s2, k1, k2 */
	struct cell v[MAXFIELDS];
	struct catrow *cat;           /* its catalogs' rows (the old state has several) */
	int ncat, capcat;
	struct cell skey, code;       /* a binding: the last old code joined, to drop a repeated one */
};

static int reader_oom(struct reader *rd)
{
	sn_error(&rd->d->ctx, "out of memory");
	rd->r = -1;
	return -1;
}

/* A binding's catalog row: the rows of one key and catalog, the old codes joined by ", " in
 * order of their sort key (a code repeated, as two notations of one code are, once), online if
 * any of them is. */
static int binding_row(struct reader *rd, struct catrow *c)
{
	struct cell *agency = &c->v[1], *online = &c->v[0];
	sn_buf_reset(&agency->b);
	agency->null = 0;
	online->null = 1;
	rd->skey.null = rd->code.null = 1;
	do {
		sqlite3_stmt *st = rd->st;
		if (rd->code.null || col_cmp(st, 6, &rd->code) || col_cmp(st, 5, &rd->skey)) {
			if ((agency->b.len && sn_buf_adds(&agency->b, ", ")) ||
			    sn_buf_add(&agency->b, (const char *)sqlite3_column_text(st, 6), (size_t)sqlite3_column_bytes(st, 6)) ||
			    cell_set(&rd->code, st, 6) || cell_set(&rd->skey, st, 5))
				return reader_oom(rd);
		}
		if (sqlite3_column_type(st, 7) != SQLITE_NULL && (online->null || col_cmp(st, 7, online) > 0) &&
		    cell_set(online, st, 7))
			return reader_oom(rd);
		rd->r = sn_step(&rd->d->ctx, st);
	} while (rd->r == SQLITE_ROW && !col_cmp(rd->st, 2, &rd->key[2]) && !col_cmp(rd->st, 3, &rd->key[3]) &&
		 !col_cmp(rd->st, 4, &c->province));
	return rd->r < 0 ? -1 : 0;
}

/* Reads the next thing into rd->key and rd->v (rd->have 0 at the end). Where its catalogs' values
 * of a field differ, the value is each catalog's, "70: x | 75: y" ("-" for none). Returns 0 or
 * -1 (reported). */
static int reader_next(struct reader *rd)
{
	rd->have = 0;
	if (rd->r != SQLITE_ROW)
		return rd->r < 0 ? -1 : 0;
	for (int i = 0; i < 4; i++)
		if (cell_set(&rd->key[i], rd->st, i))
			return reader_oom(rd);
	if (rd->key[3].null) {
		sn_error(&rd->d->ctx, "database: %s", "a binding without an agency code");
		return rd->r = -1;
	}
	rd->ncat = 0;
	do {
		if (rd->ncat == rd->capcat) {
			int n = rd->capcat ? 2 * rd->capcat : 4;
			struct catrow *p = realloc(rd->cat, (size_t)n * sizeof *p);
			if (!p)
				return reader_oom(rd);
			memset(p + rd->capcat, 0, (size_t)(n - rd->capcat) * sizeof *p);
			rd->cat = p;
			rd->capcat = n;
		}
		struct catrow *c = &rd->cat[rd->ncat++];
		if (cell_set(&c->province, rd->st, 4))
			return reader_oom(rd);
		if (rd->e == E_BINDING) {
			if (binding_row(rd, c))
				return -1;
		} else {
			for (int f = 0; f < rd->nf; f++)
				if (cell_set(&c->v[f], rd->st, 5 + f))
					return reader_oom(rd);
			if ((rd->r = sn_step(&rd->d->ctx, rd->st)) < 0)
				return -1;
		}
	} while (rd->r == SQLITE_ROW && !col_cmp(rd->st, 2, &rd->key[2]) && !col_cmp(rd->st, 3, &rd->key[3]));
	for (int f = 0; f < rd->nf; f++) {
		struct cell *v = &rd->v[f];
		int same = 1;
		for (int i = 1; i < rd->ncat && same; i++)
			same = cell_same(&rd->cat[i].v[f], &rd->cat[0].v[f]);
		sn_buf_reset(&v->b);
		v->null = same && rd->cat[0].v[f].null;
		for (int i = 0; i < (same ? 1 : rd->ncat); i++) {
			const struct cell *c = &rd->cat[i].v[f];
			if (same ? !c->null && sn_buf_add(&v->b, sn_buf_str(&c->b), c->b.len) :
			    (i && sn_buf_adds(&v->b, " | ")) || sn_buf_add(&v->b, sn_buf_str(&rd->cat[i].province.b),
			    rd->cat[i].province.b.len) || sn_buf_adds(&v->b, ": ") ||
			    (c->null ? sn_buf_adds(&v->b, "-") : sn_buf_add(&v->b, sn_buf_str(&c->b), c->b.len)))
				return reader_oom(rd);
		}
	}
	rd->have = 1;
	return 0;
}

static void reader_release(struct reader *rd)
{
	sqlite3_finalize(rd->st);
	for (int i = 0; i < 4; i++)
		sn_buf_release(&rd->key[i].b);
	for (int f = 0; f < MAXFIELDS; f++)
		sn_buf_release(&rd->v[f].b);
	for (int i = 0; i < rd->capcat; i++) {
		sn_buf_release(&rd->cat[i].province.b);
		for (int f = 0; f < MAXFIELDS; f++)
			sn_buf_release(&rd->cat[i].v[f].b);
	}
	free(rd->cat);
	sn_buf_release(&rd->skey.b);
	sn_buf_release(&rd->code.b);
}

/* Which fields of a thing on one side only are listed: the entity's first field always, a
 * binding's agency when it came from other codes (otherwise it is the key itself), any other
 * field when not empty. */
static int listed(const struct reader *rd, int f)
{
	if (f == 0)
		return 1;
	if (rd->e == E_BINDING && !strcmp(FIELDS[rd->e][f], "agency"))
		return !cell_same(&rd->v[f], &rd->key[3]);
	return !rd->v[f].null;
}

static void bind_cell(sqlite3_stmt *st, int i, const struct cell *c)
{
	if (!c || c->null)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, sn_buf_str(&c->b), (int)c->b.len, SQLITE_STATIC);
}

/* The change rows of one thing: KIND 0 added (A only), 1 removed (B only), 2 changed (both). */
static int emit(struct sn_diff *d, sqlite3_stmt *ins, int e, int kind, struct reader *b, struct reader *a,
		struct sn_buf *key)
{
	const struct reader *k = kind == 0 ? a : b;
	int nf = k->nf, which[MAXFIELDS], n = 0;
	for (int f = 0; f < nf; f++)
		if (kind == 2 ? !cell_same(&b->v[f], &a->v[f]) : listed(k, f))
			which[n++] = f;
	if (!n)
		return 0;
	sn_buf_reset(key);
	if (sn_buf_add(key, sn_buf_str(&k->key[2].b), k->key[2].b.len) ||
	    (e == E_BINDING && (sn_buf_adds(key, "@") || sn_buf_add(key, sn_buf_str(&k->key[3].b), k->key[3].b.len)))) {
		sn_error(&d->ctx, "out of memory");
		return SN_IO;
	}
	d->count[e][kind]++;
	for (int i = 0; i < n; i++) {
		int f = which[i];
		sqlite3_reset(ins);
		sqlite3_bind_text(ins, 1, sn_diff_entities[e], -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 2, e);
		sqlite3_bind_text(ins, 3, sn_diff_kinds[kind], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, sn_buf_str(key), (int)key->len, SQLITE_STATIC);
		for (int j = 0; j < 4; j++)  /* k1, k2, s1, s2 */
			bind_cell(ins, 5 + j, &k->key[(j + 2) % 4]);
		sqlite3_bind_int(ins, 9, f);
		sqlite3_bind_text(ins, 10, FIELDS[e][f], -1, SQLITE_STATIC);
		bind_cell(ins, 11, kind == 0 ? NULL : &b->v[f]);
		bind_cell(ins, 12, kind == 1 ? NULL : &a->v[f]);
		sqlite3_bind_int(ins, 13, n);
		if (sn_step(&d->ctx, ins) != SQLITE_DONE)
			return SN_IO;
	}
	return 0;
}

/* Entity E: BEFORE and AFTER read in the same order and walked in step (a merge join), each key
 * compared as it comes; the change rows are written in the table's order. Memory holds one thing
 * a side, whatever the size; the sorts the queries need are SQLite's, on disk past the cache. */
static int compare_entity(struct sn_diff *d, int e, sqlite3_stmt *ins)
{
	struct reader rd[2];
	struct sn_buf key = SN_BUF_INIT;
	int rc = SN_IO;
	memset(rd, 0, sizeof rd);
	for (int s = 0; s < 2; s++) {
		rd[s].d = d;
		rd[s].e = e;
		for (rd[s].nf = 0; FIELDS[e][rd[s].nf]; rd[s].nf++)
			;
		char *q = side_sql(d, e, s);
		if (!q)
			sn_error(&d->ctx, "out of memory");
		rd[s].st = q ? sn_prepare(&d->ctx, q) : NULL;
		sqlite3_free(q);
		if (!rd[s].st || (rd[s].r = sn_step(&d->ctx, rd[s].st)) < 0 || reader_next(&rd[s]))
			goto out;
	}
	/* the side whose key comes first is the one that moves on (both when the keys are equal) */
	struct reader *b = &rd[0], *a = &rd[1];
	rc = 0;
	while (!rc && (b->have || a->have)) {
		int c = !b->have ? 1 : !a->have ? -1 : 0;
		for (int i = 0; i < 4 && !c; i++)
			c = buf_cmp(&b->key[i].b, &a->key[i].b);
		rc = emit(d, ins, e, c < 0 ? 1 : c > 0 ? 0 : 2, b, a, &key);
		if (!rc && ((c <= 0 && reader_next(b)) || (c >= 0 && reader_next(a))))
			rc = SN_IO;
	}
out:
	reader_release(&rd[0]);
	reader_release(&rd[1]);
	sn_buf_release(&key);
	return rc;
}

/* Names and fields (lĩnh vực) for the reports: AFTER's when it has one, else BEFORE's; joined
 * to the changes when they are written (the view labelled). */
static const char *LABELS =
	"CREATE TEMP TABLE plabel AS SELECT n.national_code AS k, "
	"  (SELECT name FROM procedure q WHERE q.national_code = n.national_code AND q.name IS NOT NULL "
	"    ORDER BY q.side DESC, q.province LIMIT 1) AS name, "
	"  (SELECT field_code FROM procedure q WHERE q.national_code = n.national_code AND q.field_code IS NOT NULL "
	"    ORDER BY q.side DESC, q.province LIMIT 1) AS grp, "
	"  (SELECT field_name FROM procedure q WHERE q.national_code = n.national_code AND q.field_code IS NOT NULL "
	"    ORDER BY q.side DESC, q.province LIMIT 1) AS grp_name "
	"  FROM (SELECT DISTINCT national_code FROM procedure) n;"
	"CREATE INDEX temp.plabel_k ON plabel(k);"
	"CREATE TEMP TABLE alabel AS SELECT c.code AS k, (SELECT name FROM agency q WHERE q.code = c.code AND "
	"  q.name IS NOT NULL ORDER BY q.side DESC, q.province LIMIT 1) AS name FROM (SELECT DISTINCT code FROM agency) c;"
	"CREATE INDEX temp.alabel_k ON alabel(k);"
	/* Where a removed agency went: the crosswalk's outcome, the code now carrying its work (with
	 * its name) or a closed one's successors. */
	"CREATE TEMP TABLE fate AS SELECT x.old_code AS code, x.outcome AS outcome, "
	"  CASE WHEN x.new_code IS NOT NULL THEN x.new_code || COALESCE(' ' || (SELECT name FROM alabel a "
	"    WHERE a.k = x.new_code), '') ELSE (SELECT group_concat(s.new_code || COALESCE(' ' || (SELECT name "
	"    FROM alabel a WHERE a.k = s.new_code), ''), '; ') FROM successor s WHERE s.old_code = x.old_code) END AS target, "
	"  (SELECT count(*) FROM successor s WHERE s.old_code = x.old_code) AS nsucc "
	"  FROM crosswalk x WHERE x.old_code IN (SELECT key FROM change WHERE erank = 2 AND kind = 'removed');"
	"CREATE INDEX temp.fate_code ON fate(code);"
	"CREATE TEMP VIEW labelled AS SELECT c.*, CASE c.entity WHEN 'agency' THEN a.name WHEN 'binding' THEN "
	"  COALESCE(a.name, '') ELSE p.name END AS label, p.grp, p.grp_name, p.name AS pname, "
	"  x.outcome AS fate_outcome, x.target AS fate_target, x.nsucc AS fate_n FROM change c "
	"  LEFT JOIN plabel p ON c.entity <> 'agency' AND p.k = c.k1 "
	"  LEFT JOIN alabel a ON a.k = CASE c.entity WHEN 'binding' THEN c.k2 ELSE c.k1 END "
	"  LEFT JOIN fate x ON c.entity = 'agency' AND c.kind = 'removed' AND x.code = c.k1;";

int sn_diff_agencies_compared(const struct sn_diff *d)
{
	return d->side[0].source != SN_DIFF_CATALOG && d->side[1].source != SN_DIFF_CATALOG;
}

int sn_diff_compute(struct sn_diff *d)
{
	sqlite3_stmt *ins = NULL;
	memset(d->count, 0, sizeof d->count);
	int rc = sn_exec(&d->ctx, "DELETE FROM change; DROP VIEW IF EXISTS temp.labelled; DROP TABLE IF EXISTS temp.fate; "
				  "DROP TABLE IF EXISTS temp.plabel; DROP TABLE IF EXISTS temp.alabel; BEGIN");
	if (rc)
		return rc;
	ins = sn_prepare(&d->ctx, "INSERT INTO change(entity, erank, kind, key, k1, k2, s1, s2, frank, field, before, after, "
				  "nrows) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	rc = ins ? 0 : SN_IO;
	for (int e = 0; e < SN_DIFF_ENTITIES && !rc; e++)
		/* A single catalog file has no agencies: comparing would list every agency. */
		if (e != E_AGENCY || sn_diff_agencies_compared(d))
			rc = compare_entity(d, e, ins);
	sqlite3_finalize(ins);
	if (!rc)
		rc = sn_exec(&d->ctx, LABELS);
	if (rc) {
		sqlite3_exec(d->ctx.db, "ROLLBACK", NULL, NULL, NULL);
		memset(d->count, 0, sizeof d->count);
		return rc;
	}
	return sn_exec(&d->ctx, "COMMIT");
}


long sn_diff_count(struct sn_diff *d, const char *entity, const char *kind)
{
	long n = 0;
	int found = 0;
	for (int e = 0; e < SN_DIFF_ENTITIES; e++)
		for (int k = 0; k < 3; k++)
			if ((!entity || !strcmp(entity, sn_diff_entities[e])) && (!kind || !strcmp(kind, sn_diff_kinds[k]))) {
				n += d->count[e][k];
				found = 1;
			}
	return found ? n : -1;
}

void sn_diff_describe(const struct sn_diff_side *s, char *buf, size_t len)
{
	switch (s->source) {
	case SN_DIFF_DATABASE:
		if (!strcmp(s->state, "merged"))
			snprintf(buf, len, _("working database, merged catalog of province %s"), s->provinces);
		else if (strchr(s->provinces, ','))
			snprintf(buf, len, _("working database, old catalogs of provinces %s"), s->provinces);
		else
			snprintf(buf, len, _("working database, old catalogs of province %s"), s->provinces);
		break;
	case SN_DIFF_EXPORT:
		/* TRANSLATORS: the files read from an export directory: "catalog.csv, agencies.csv" */
		snprintf(buf, len, _("export directory with %s"), s->files);
		break;
	case SN_DIFF_CATALOG:
		snprintf(buf, len, "%s", _("catalog file, procedures and bindings only"));
		break;
	default:
		snprintf(buf, len, "%s", _("test data"));
	}
}
