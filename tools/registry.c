/* registry.c - deriving the unit table from the stored events, and composing old -> new maps.
 *
 * The unit table is rebuilt from scratch after every import: events are applied in date order
 * (on one date: lists, then conversions, then changes), each by set-based SQL over its stored
 * rows. Rebuilding the whole registry costs well under a second for the whole country and makes
 * the result independent of the order in which files were imported.
 */
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "text.h"
#include "units.h"
#include "i18n.h"
#include "banned.h"

#define UNIT_COLS "level, code, name, name_key, ascii_key, type, parent_code, province_code, " \
		  "valid_from, valid_to, opened_by, closed_by, named_by"

/* A conversion table closes every old unit it names (communes, districts, provinces) and opens
 * every new commune and province. The first row naming a unit gives its spelling: the first in
 * the order of the source (seq), which for a conversion event is the order of the link ids, as
 * 'units import' inserts its rows one by one in that order (cmd_units_import.c, LINK_INSERT), so
 * the rows are read in the table's own order instead of sorted by seq four times. */
static const char *DERIVE_CONVERSION =
	"DELETE FROM temp.side;"
	"INSERT OR IGNORE INTO temp.side SELECT 'commune', old_code, old_name, old_district_code, "
	"  old_province_code FROM link WHERE event_id = :ev AND old_level = 'commune' ORDER BY id;"
	"INSERT OR IGNORE INTO temp.side SELECT 'district', old_district_code, old_district_name, "
	"  old_province_code, old_province_code FROM link WHERE event_id = :ev "
	"  AND old_district_code IS NOT NULL ORDER BY id;"
	"INSERT OR IGNORE INTO temp.side SELECT 'province', old_province_code, old_province_name, "
	"  NULL, old_province_code FROM link WHERE event_id = :ev AND old_province_code IS NOT NULL "
	"  ORDER BY id;"
	"UPDATE unit SET valid_to = :eff, closed_by = :ev WHERE valid_to IS NULL "
	"  AND (valid_from IS NULL OR valid_from <= :eff) "
	"  AND EXISTS (SELECT 1 FROM temp.side s WHERE s.level = unit.level AND s.code = unit.code);"
	"INSERT INTO unit(" UNIT_COLS ") SELECT s.level, s.code, s.name, sn_unit_key(s.name), "
	"  sn_unit_ascii_key(s.name), sn_unit_type(s.name), s.parent_code, s.province_code, NULL, "
	"  :eff, NULL, :ev, :ev FROM temp.side s WHERE NOT EXISTS (SELECT 1 FROM unit u "
	"  WHERE u.level = s.level AND u.code = s.code AND u.closed_by = :ev) ORDER BY s.level, s.code;"
	"DELETE FROM temp.side;"
	"INSERT OR IGNORE INTO temp.side SELECT 'province', code, name, NULL, code FROM "
	"  (SELECT new_province_code AS code, new_province_name AS name, min(seq) AS seq FROM link "
	"  WHERE event_id = :ev AND new_province_code IS NOT NULL GROUP BY 1, 2) "
	"  ORDER BY sn_type(name) IS NULL, seq;"
	"INSERT OR IGNORE INTO temp.side SELECT new_level, new_code, new_name, new_province_code, "
	"  new_province_code FROM link WHERE event_id = :ev ORDER BY id;"
	"INSERT INTO unit(" UNIT_COLS ") SELECT s.level, s.code, s.name, sn_unit_key(s.name), "
	"  sn_unit_ascii_key(s.name), sn_unit_type(s.name), s.parent_code, s.province_code, :eff, "
	"  NULL, :ev, NULL, :ev FROM temp.side s ORDER BY s.level, s.code;";

/* A snapshot list names the units in force on its date. Its spelling replaces the one an old
 * side of a conversion table gave (the list is the registry of record); units it lists that no
 * event mentioned are added. */
static const char *DERIVE_LIST =
	"UPDATE unit SET name = l.name, name_key = sn_unit_key(l.name), "
	"  ascii_key = sn_unit_ascii_key(l.name), type = COALESCE(l.type, sn_unit_type(l.name), "
	"  unit.type), parent_code = COALESCE(l.parent_code, unit.parent_code), named_by = :ev "
	"  FROM listed_unit l WHERE l.event_id = :ev AND unit.level = l.level AND unit.code = l.code "
	"  AND unit.opened_by IS NULL AND (unit.valid_from IS NULL OR unit.valid_from <= :eff) "
	"  AND (unit.valid_to IS NULL OR unit.valid_to > :eff);"
	"INSERT INTO unit(" UNIT_COLS ") SELECT l.level, l.code, l.name, sn_unit_key(l.name), "
	"  sn_unit_ascii_key(l.name), COALESCE(l.type, sn_unit_type(l.name)), l.parent_code, "
	"  CASE l.level WHEN 'province' THEN l.code WHEN 'district' THEN l.parent_code ELSE "
	"  (SELECT d.parent_code FROM listed_unit d WHERE d.event_id = :ev AND d.level = 'district' "
	"  AND d.code = l.parent_code) END, NULL, NULL, NULL, NULL, :ev "
	"  FROM listed_unit l WHERE l.event_id = :ev AND NOT EXISTS (SELECT 1 FROM unit u "
	"  WHERE u.level = l.level AND u.code = l.code AND (u.valid_from IS NULL OR u.valid_from <= :eff) "
	"  AND (u.valid_to IS NULL OR u.valid_to > :eff)) ORDER BY l.level, l.code;";

/* A change file closes the units it names (in force on the date) and opens their successors;
 * a successor already in force (a merge into a continuing unit) just continues. A successor
 * takes its predecessor's parent, unless the link gives a new province (a commune that a
 * published list shows under another province, snapshot.c). */
static const char *CHANGES_FILL =
	"UPDATE link SET old_name = u.name, old_district_code = u.parent_code, "
	"  old_province_code = u.province_code, old_province_name = (SELECT p.name FROM unit p "
	"  WHERE p.level = 'province' AND p.code = u.province_code AND (p.valid_from IS NULL OR "
	"  p.valid_from <= :eff) AND (p.valid_to IS NULL OR p.valid_to > :eff)) "
	"  FROM unit u WHERE link.event_id = :ev AND u.level = link.old_level AND u.code = link.old_code "
	"  AND u.valid_to IS NULL AND (u.valid_from IS NULL OR u.valid_from <= :eff);"
	"UPDATE link SET note_class = CASE WHEN old_code = new_code THEN CASE "
	"  WHEN sn_type(old_name) IS NOT sn_type(new_name) THEN 'reclassify' "
	"  WHEN old_name <> new_name THEN 'rename' ELSE 'keep' END ELSE share END WHERE event_id = :ev;";
static const char *CHANGES_MISSING =
	"SELECT pos, old_level, old_code FROM link l WHERE event_id = :ev AND NOT EXISTS (SELECT 1 "
	"  FROM unit u WHERE u.level = l.old_level AND u.code = l.old_code AND u.valid_to IS NULL "
	"  AND (u.valid_from IS NULL OR u.valid_from <= :eff)) ORDER BY seq LIMIT 1";
static const char *CHANGES_APPLY =
	"UPDATE unit SET valid_to = :eff, closed_by = :ev WHERE valid_to IS NULL "
	"  AND (valid_from IS NULL OR valid_from <= :eff) AND EXISTS (SELECT 1 FROM link l "
	"  WHERE l.event_id = :ev AND l.old_level = unit.level AND l.old_code = unit.code);"
	"DELETE FROM temp.side;"
	"INSERT OR IGNORE INTO temp.side SELECT l.new_level, l.new_code, l.new_name, "
	"  COALESCE(l.new_province_code, (SELECT c.parent_code FROM unit c WHERE c.level = l.old_level "
	"  AND c.code = l.old_code AND c.closed_by = :ev)), COALESCE(l.new_province_code, "
	"  (SELECT c.province_code FROM unit c WHERE c.level = l.old_level "
	"  AND c.code = l.old_code AND c.closed_by = :ev)) FROM link l WHERE l.event_id = :ev "
	"  AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.level = l.new_level AND u.code = l.new_code "
	"  AND u.valid_to IS NULL) ORDER BY seq;"
	"INSERT INTO unit(" UNIT_COLS ") SELECT s.level, s.code, s.name, sn_unit_key(s.name), "
	"  sn_unit_ascii_key(s.name), sn_unit_type(s.name), s.parent_code, COALESCE(s.province_code, "
	"  CASE s.level WHEN 'province' THEN s.code END), :eff, NULL, :ev, NULL, :ev "
	"  FROM temp.side s ORDER BY s.level, s.code;";
static const char *CHANGES_CONFLICT =
	"SELECT l.pos, l.new_level, l.new_code, l.new_name, u.name FROM link l JOIN unit u "
	"  ON u.level = l.new_level AND u.code = l.new_code AND u.valid_to IS NULL "
	"  AND u.opened_by IS NOT :ev WHERE l.event_id = :ev AND u.name_key <> sn_key(l.new_name) "
	"  ORDER BY l.seq LIMIT 1";
/* One new unit, one name: rows that give a new code two different names contradict each other.
 * Each row is compared with the first row (lowest seq) of its new code, found for all codes in
 * one grouping (SQLite takes the bare columns of a min() aggregate from the row holding the
 * minimum) rather than by a sorted subquery per row. */
static const char *NEW_NAME_CONFLICT =
	"SELECT a.pos, b.pos, a.new_code, a.new_name, b.new_name FROM link b JOIN "
	"  (SELECT new_level, new_code, new_name, pos, min(seq) FROM link WHERE event_id = :ev "
	"  GROUP BY new_level, new_code) a ON a.new_level = b.new_level AND a.new_code = b.new_code "
	"  WHERE b.event_id = :ev AND b.new_name <> a.new_name "
	"  AND sn_key(a.new_name) <> sn_key(b.new_name) ORDER BY b.seq LIMIT 1";

/* The keys of the last name asked for. A statement writing a unit row asks for the three keys
 * of one name in a row, so the first call computes all three (sn_name_keys: one tokenisation,
 * the values of sn_name_key with and without SN_KEY_ASCII) and the next two find them here. The
 * functions are registered for the time of one rebuild (units_rebuild); the three functions and
 * the rebuild each hold a reference, so the keys outlive a function that could not be dropped. */
struct unit_keys {
	char *name;           /* the name the keys are of; NULL: none yet */
	char *key, *ascii;
	sn_unit_type type;
	int refs;
};

static void unit_keys_clear(struct unit_keys *k)
{
	free(k->name);
	free(k->key);
	free(k->ascii);
	k->name = k->key = k->ascii = NULL;
}

static void unit_keys_release(void *p)
{
	struct unit_keys *k = p;
	if (--k->refs == 0) {
		unit_keys_clear(k);
		free(k);
	}
}

/* The keys of the function's argument, or NULL after setting the function's result (NULL for a
 * NULL name, an error for a name that is not UTF-8, as sn_key). */
static const struct unit_keys *unit_keys_of(sqlite3_context *c, sqlite3_value *v)
{
	struct unit_keys *k = sqlite3_user_data(c);
	const char *s = (const char *)sqlite3_value_text(v);
	if (!s) {
		sqlite3_result_null(c);
		return NULL;
	}
	if (k->name && strcmp(k->name, s) == 0)
		return k;
	unit_keys_clear(k);
	if (sn_name_keys(s, &k->key, &k->ascii, &k->type) != 0 || !(k->name = strdup(s))) {
		unit_keys_clear(k);
		sqlite3_result_error(c, _("name is not valid UTF-8"), -1);
		return NULL;
	}
	return k;
}

static void sql_unit_key(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct unit_keys *k = unit_keys_of(c, v[0]);
	if (k)
		sqlite3_result_text(c, k->key, -1, SQLITE_TRANSIENT);
}

static void sql_unit_ascii_key(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct unit_keys *k = unit_keys_of(c, v[0]);
	if (k)
		sqlite3_result_text(c, k->ascii, -1, SQLITE_TRANSIENT);
}

static void sql_unit_type(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const struct unit_keys *k = unit_keys_of(c, v[0]);
	if (!k)
		return;
	if (k->type == SN_TYPE_NONE)
		sqlite3_result_null(c);
	else
		sqlite3_result_text(c, sn_unit_type_label(k->type), -1, SQLITE_STATIC);
}

static const struct {
	const char *name;
	void (*fn)(sqlite3_context *, int, sqlite3_value **);
} unit_key_functions[] = {
	{ "sn_unit_key", sql_unit_key },
	{ "sn_unit_ascii_key", sql_unit_ascii_key },
	{ "sn_unit_type", sql_unit_type },
};
#define N_UNIT_KEY_FUNCTIONS (sizeof unit_key_functions / sizeof *unit_key_functions)

/* Registers the three functions over K, each holding a reference to it. */
static int unit_keys_register(struct sn_ctx *ctx, struct unit_keys *k)
{
	for (size_t i = 0; i < N_UNIT_KEY_FUNCTIONS; i++) {
		k->refs++;  /* released by SQLite when the function goes, or at once if this fails */
		if (sqlite3_create_function_v2(ctx->db, unit_key_functions[i].name, 1,
					       SQLITE_UTF8 | SQLITE_DETERMINISTIC, k,
					       unit_key_functions[i].fn, NULL, NULL,
					       unit_keys_release) != SQLITE_OK) {
			sn_error(ctx, "database: cannot register %s: %s", unit_key_functions[i].name,
				 sqlite3_errmsg(ctx->db));
			return SN_IO;
		}
	}
	return 0;
}

static void unit_keys_drop(struct sn_ctx *ctx)
{
	for (size_t i = 0; i < N_UNIT_KEY_FUNCTIONS; i++)
		sqlite3_create_function_v2(ctx->db, unit_key_functions[i].name, 1, SQLITE_UTF8, NULL,
					   NULL, NULL, NULL, NULL);
}

/* The event being applied: its id (:ev) and effective date (:eff) in every statement. */
struct evbind {
	long long ev;
	const char *eff;
};

static void bind_event(sqlite3_stmt *st, void *arg)
{
	const struct evbind *e = arg;
	int i = sqlite3_bind_parameter_index(st, ":ev");
	if (i)
		sqlite3_bind_int64(st, i, e->ev);
	i = sqlite3_bind_parameter_index(st, ":eff");
	if (i)
		sqlite3_bind_text(st, i, e->eff, -1, SQLITE_TRANSIENT);
}

static int run_script(struct sn_ctx *ctx, const char *sql, long long ev, const char *eff)
{
	struct evbind e = { ev, eff };
	return sn_exec_script(ctx, sql, bind_event, &e);
}

/* Prepares a query with :ev/:eff bound; the caller steps and finalizes. */
static sqlite3_stmt *query(struct sn_ctx *ctx, const char *sql, long long ev, const char *eff)
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	struct evbind e = { ev, eff };
	if (st)
		bind_event(st, &e);
	return st;
}

static int check_new_names(struct sn_ctx *ctx, long long ev, const char *eff)
{
	sqlite3_stmt *st = query(ctx, NEW_NAME_CONFLICT, ev, eff);
	if (!st)
		return SN_IO;
	int rc = 0;
	if (sn_step(ctx, st) == SQLITE_ROW) {
		sn_error(ctx, "%s: new unit %s is named '%s' here but '%s' at %s", sn_col(st, 1),
			 sn_col(st, 2), sn_col(st, 4), sn_col(st, 3), sn_col(st, 0));
		rc = SN_DATA;
	}
	sqlite3_finalize(st);
	return rc;
}

static int derive_changes(struct sn_ctx *ctx, long long ev, const char *eff)
{
	int rc;
	if ((rc = run_script(ctx, CHANGES_FILL, ev, eff)))
		return rc;
	sqlite3_stmt *st = query(ctx, CHANGES_MISSING, ev, eff);
	if (!st)
		return SN_IO;
	if (sn_step(ctx, st) == SQLITE_ROW) {
		/* One sentence per level, for the translation; the level's name otherwise. */
		const char *pos = sn_col(st, 0), *level = sn_col(st, 1), *code = sn_col(st, 2);
		if (!strcmp(level, "commune"))
			sn_error(ctx, "%s: no commune with code %s is in force on %s", pos, code, eff);
		else if (!strcmp(level, "district"))
			sn_error(ctx, "%s: no district with code %s is in force on %s", pos, code, eff);
		else if (!strcmp(level, "province"))
			sn_error(ctx, "%s: no province with code %s is in force on %s", pos, code, eff);
		else
			sn_error(ctx, "%s: no %s with code %s is in force on %s", pos, level, code, eff);
		sqlite3_finalize(st);
		return SN_DATA;
	}
	sqlite3_finalize(st);
	if ((rc = check_new_names(ctx, ev, eff)) || (rc = run_script(ctx, CHANGES_APPLY, ev, eff)))
		return rc;
	st = query(ctx, CHANGES_CONFLICT, ev, eff);
	if (!st)
		return SN_IO;
	if (sn_step(ctx, st) == SQLITE_ROW) {
		const char *pos = sn_col(st, 0), *level = sn_col(st, 1), *code = sn_col(st, 2);
		const char *was = sn_col(st, 4), *named = sn_col(st, 3);
		if (!strcmp(level, "commune"))
			sn_error(ctx, "%s: commune %s continues as '%s', but the file names it '%s'", pos, code, was,
				 named);
		else if (!strcmp(level, "district"))
			sn_error(ctx, "%s: district %s continues as '%s', but the file names it '%s'", pos, code, was,
				 named);
		else if (!strcmp(level, "province"))
			sn_error(ctx, "%s: province %s continues as '%s', but the file names it '%s'", pos, code, was,
				 named);
		else
			sn_error(ctx, "%s: %s %s continues as '%s', but the file names it '%s'", pos, level, code, was,
				 named);
		rc = SN_DATA;
	}
	sqlite3_finalize(st);
	return rc;
}

static int rebuild(struct sn_ctx *ctx);

int units_rebuild(struct sn_ctx *ctx)
{
	struct unit_keys *keys = calloc(1, sizeof *keys);
	if (!keys) {
		sn_error(ctx, "out of memory");
		return SN_IO;
	}
	keys->refs = 1;
	int rc = unit_keys_register(ctx, keys);
	if (rc == 0)
		rc = rebuild(ctx);
	unit_keys_drop(ctx);
	unit_keys_release(keys);
	return rc;
}

static int rebuild(struct sn_ctx *ctx)
{
	int rc = sn_exec(ctx, "CREATE TEMP TABLE IF NOT EXISTS side (level TEXT, code TEXT, name TEXT, "
			       "parent_code TEXT, province_code TEXT, PRIMARY KEY (level, code));"
			       "DELETE FROM unit");
	if (rc)
		return rc;
	sqlite3_stmt *ev = sn_prepare(ctx, "SELECT id, effective, kind FROM event ORDER BY effective, "
					   "CASE kind WHEN 'list' THEN 0 WHEN 'conversion' THEN 1 ELSE 2 END, id");
	if (!ev)
		return SN_IO;
	int r = SQLITE_DONE;
	while (rc == 0 && (r = sn_step(ctx, ev)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(ev, 0);
		char eff[16], kind[16];
		snprintf(eff, sizeof eff, "%s", sn_col(ev, 1));
		snprintf(kind, sizeof kind, "%s", sn_col(ev, 2));
		if (!strcmp(kind, "list"))
			rc = run_script(ctx, DERIVE_LIST, id, eff);
		else if (!strcmp(kind, "conversion"))
			rc = check_new_names(ctx, id, eff) ? : run_script(ctx, DERIVE_CONVERSION, id, eff);
		else
			rc = derive_changes(ctx, id, eff);
	}
	if (rc == 0 && r < 0)
		rc = SN_IO;
	sqlite3_finalize(ev);
	return rc;
}
