/* snapshot.c - a change event derived from a published list of the units in force.
 *
 * The list (unitjson.h) is compared with the list before it: an earlier list, or the units the
 * registry has in force on the day before the new list's effective date. What a list can show is
 * stored as the links of a change event, exactly as a change file would give them:
 *   a rename or a reclassification (same code, another name or type: "Xã Lộc Ninh" ->
 *   "Phường Lộc Ninh", "Tỉnh Đồng Nai" -> "Thành phố Đồng Nai");
 *   a commune under another province (same code);
 *   a province gone whose communes all continue under one other province (merged into it).
 * Names that differ only in tone placement, case or spacing ("Hòa"/"Hoà") are the same name: no
 * change. A list cannot say where a new unit came from or which unit took a commune that is gone:
 * those stop the import, to be written as a change file.
 */
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "i18n.h"
#include "unitjson.h"
#include "units.h"
#include "banned.h"

static int fill(struct sn_ctx *ctx, const char *table, const struct sn_snapshot *s)
{
	char *sql = sqlite3_mprintf("INSERT INTO temp.%s(level, code, name, province, pos) "
				    "VALUES (?1, ?2, ?3, ?4, ?5)", table);
	sqlite3_stmt *st = sql ? sn_prepare(ctx, sql) : NULL;
	sqlite3_free(sql);
	if (!st)
		return SN_IO;
	for (size_t i = 0; i < s->n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, s->v[i].level, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->v[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->v[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s->v[i].province, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, s->v[i].pos, -1, SQLITE_STATIC);
		if (sn_step(ctx, st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return SN_IO;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

/* What stops the import: a whole sentence for a province and one for a commune (either NULL
 * where the query cannot return that level). Each takes the position, the code, the name and
 * the day. */
struct refusal {
	const char *province, *commune;
};
static const struct refusal NEW_UNIT = {
	N_("%s: province %s '%s' is not in force on %s; a published list cannot say where a new unit "
	   "came from; write a change file for it (mappings/README.md)"),
	N_("%s: commune %s '%s' is not in force on %s; a published list cannot say where a new unit "
	   "came from; write a change file for it (mappings/README.md)"),
};
static const struct refusal COMMUNE_GONE = {
	NULL,
	N_("%s: commune %s '%s' is gone from the list; it was in force on %s; a published list cannot "
	   "say which unit took it; write a change file for it (mappings/README.md)"),
};
static const struct refusal PROVINCE_GONE = {
	N_("%s: province %s '%s' is gone from the list and its communes are not all under one "
	   "province; it was in force on %s; a published list cannot say which unit took it; write a "
	   "change file for it (mappings/README.md)"),
	NULL,
};

/* The first row of SQL (level, code, name, pos) stops the import with the sentence of WHY for
 * its level; compared with the registry (REGISTRY), the message also suggests --before. */
static int refuse(struct sn_ctx *ctx, const char *sql, const char *path, const char *day,
		  const struct refusal *why, int registry)
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	if (!st)
		return SN_IO;
	int r = sn_step(ctx, st), rc = 0;
	if (r == SQLITE_ROW) {
		const char *fmt = !strcmp(sn_col(st, 0), "province") ? why->province : why->commune;
		if (!fmt)
			fmt = why->province ? why->province : why->commune;
		char *where = sqlite3_mprintf("%s%s%s", path, *sn_col(st, 3) ? ":" : "", sn_col(st, 3));
		char *msg = where && fmt ? sqlite3_mprintf(_(fmt), where, sn_col(st, 1), sn_col(st, 2), day) : NULL;
		if (!msg)
			sn_error(ctx, "out of memory");
		else if (registry)
			sn_error(ctx, "%s, or compare with the publisher's earlier list (--before FILE) if it "
				 "codes units otherwise than the registry", msg);
		else
			sn_error(ctx, "%s", msg);
		sqlite3_free(where);
		sqlite3_free(msg);
		rc = msg ? SN_DATA : SN_IO;
	} else if (r < 0) {
		rc = SN_IO;
	}
	sqlite3_finalize(st);
	return rc;
}


int sn_snapshot_derive(struct sn_ctx *ctx, long long ev, const char *eff, const char *path,
		       const struct sn_snapshot *after, const struct sn_snapshot *before,
		       struct sn_derived *d)
{
	int rc;
	memset(d, 0, sizeof *d);
	char day[16];
	{
		char *q = sqlite3_mprintf("SELECT date(%Q, '-1 day')", eff);
		sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
		sqlite3_free(q);
		if (!st || sn_step(ctx, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return SN_IO;
		}
		snprintf(day, sizeof day, "%s", sn_col(st, 0));
		sqlite3_finalize(st);
	}
	if ((rc = sn_exec(ctx, "CREATE TEMP TABLE IF NOT EXISTS snap_after (level TEXT, code TEXT, "
			       "name TEXT, province TEXT, pos TEXT, PRIMARY KEY (level, code));"
			       "CREATE TEMP TABLE IF NOT EXISTS snap_before (level TEXT, code TEXT, "
			       "name TEXT, province TEXT, pos TEXT, PRIMARY KEY (level, code));"
			       "DELETE FROM temp.snap_after; DELETE FROM temp.snap_before")) ||
	    (rc = fill(ctx, "snap_after", after)))
		return rc;
	if (before)
		rc = fill(ctx, "snap_before", before);
	else
		/* The registry on the day before. A unit of an old list that no conversion in force by
		 * then mentions (the official table leaves 28 communes out) is not in force any more,
		 * though nothing closed it: 'units check' reports those as not-converted. */
		rc = sn_execf(ctx,
			"INSERT OR IGNORE INTO temp.snap_before(level, code, name, province, pos) "
			"SELECT level, code, name, province_code, '' FROM unit WHERE level IN ('province', "
			"'commune') AND (valid_from IS NULL OR valid_from <= %Q) AND (valid_to IS NULL OR "
			"valid_to > %Q) AND NOT (opened_by IS NULL AND EXISTS (SELECT 1 FROM event WHERE "
			"kind = 'conversion' AND effective <= %Q)) ORDER BY level, code", day, day, day);
	if (rc)
		return rc;
	d->units = (long)after->n;
	long long n;
	if ((rc = sn_query_int(ctx, &n, "SELECT count(*) FROM temp.snap_before")))
		return rc;
	if (!n) {
		sn_error(ctx, "%s: no units are in force on %s to compare the list with; import the "
			 "conversion table (or give the earlier list with --before FILE)", path, day);
		return SN_DATA;
	}
	if ((rc = refuse(ctx, "SELECT a.level, a.code, a.name, a.pos FROM temp.snap_after a WHERE "
			      "NOT EXISTS (SELECT 1 FROM temp.snap_before b WHERE b.level = a.level AND "
			      "b.code = a.code) ORDER BY a.level = 'commune', a.code", path, day,
			 &NEW_UNIT, !before)) ||
	    (rc = refuse(ctx, "SELECT b.level, b.code, b.name, '' FROM temp.snap_before b WHERE "
			      "b.level = 'commune' AND NOT EXISTS (SELECT 1 FROM temp.snap_after a WHERE "
			      "a.level = b.level AND a.code = b.code) ORDER BY b.code", path, day,
			 &COMMUNE_GONE, !before)))
		return rc;
	/* A province gone: merged into the one province that all of its communes are now under. */
	if ((rc = refuse(ctx, "SELECT b.level, b.code, b.name, '' FROM temp.snap_before b WHERE "
			      "b.level = 'province' AND NOT EXISTS (SELECT 1 FROM temp.snap_after a WHERE "
			      "a.level = 'province' AND a.code = b.code) AND (SELECT count(DISTINCT "
			      "a.province) FROM temp.snap_before c JOIN temp.snap_after a ON a.level = "
			      "'commune' AND a.code = c.code WHERE c.level = 'commune' AND c.province = "
			      "b.code) <> 1 ORDER BY b.code", path, day,
			 &PROVINCE_GONE, !before)))
		return rc;

	if ((rc = sn_query_int(ctx, &n, "SELECT count(*) FROM temp.snap_after a JOIN temp.snap_before b "
				"USING (level, code) WHERE a.name <> b.name AND sn_key(a.name) = "
				"sn_key(b.name) AND sn_type(a.name) IS sn_type(b.name)")))
		return rc;
	d->restyled = (long)n;
	char *note = sqlite3_mprintf("derived from the published list %s", path);
	if (!note)
		return SN_IO;
	/* Links in the order a change file would list them: provinces, then communes, by code. */
	rc = sn_execf(ctx,
		"INSERT INTO link(event_id, pos, seq, old_level, old_code, old_name, new_level, "
		"new_code, new_name, new_province_code, share, note_class, note) "
		"SELECT %lld, %Q || ':' || pos, row_number() OVER (ORDER BY level = 'commune', code), "
		"level, code, '', level, new_code, new_name, new_province, 'whole', 'whole', %Q FROM ("
		"  SELECT a.level, a.code, a.code AS new_code, a.name AS new_name, CASE WHEN a.level = "
		"  'commune' AND a.province <> b.province THEN a.province END AS new_province, a.pos "
		"  FROM temp.snap_after a JOIN temp.snap_before b USING (level, code) WHERE "
		"  sn_key(a.name) <> sn_key(b.name) OR sn_type(a.name) IS NOT sn_type(b.name) OR "
		"  (a.level = 'commune' AND a.province <> b.province) "
		"  UNION ALL SELECT b.level, b.code, q.code, q.name, NULL, 'province ' || b.code FROM temp.snap_before b "
		"  JOIN temp.snap_after q ON q.level = 'province' AND q.code = (SELECT min(a.province) "
		"  FROM temp.snap_before c JOIN temp.snap_after a ON a.level = 'commune' AND a.code = "
		"  c.code WHERE c.level = 'commune' AND c.province = b.code) WHERE b.level = 'province' "
		"  AND NOT EXISTS (SELECT 1 FROM temp.snap_after a WHERE a.level = 'province' AND "
		"  a.code = b.code))", ev, path, note);
	sqlite3_free(note);
	if (rc)
		return rc;
	/* Compared with an earlier list, a change the registry has already (a spelling the
	 * publisher corrected to the official one) is not news: dropped. */
	if (before) {
		long long all, kept;
		if ((rc = sn_query_intf(ctx, &all, "SELECT count(*) FROM link WHERE event_id = %lld", ev)))
			return rc;
		if ((rc = sn_execf(ctx,
			"DELETE FROM link WHERE event_id = %lld AND EXISTS (SELECT 1 FROM unit u WHERE "
			"u.level = link.new_level AND u.code = link.new_code AND link.old_code = link.new_code "
			"AND (u.valid_from IS NULL OR u.valid_from <= %Q) AND (u.valid_to IS NULL OR "
			"u.valid_to > %Q) AND u.name_key = sn_key(link.new_name) AND u.type IS "
			"sn_type(link.new_name) AND (link.new_province_code IS NULL OR u.province_code = "
			"link.new_province_code))", ev, day, day)))
			return rc;
		if ((rc = sn_query_intf(ctx, &kept, "SELECT count(*) FROM link WHERE event_id = %lld", ev)))
			return rc;
		d->known = (long)(all - kept);
	}
	/* What the links say, counted from the links kept. */
	char *q = sqlite3_mprintf(
		"SELECT count(*), sum(sn_key(l.new_name) <> sn_key(b.name) AND l.old_code = l.new_code), "
		"sum(sn_type(l.new_name) IS NOT sn_type(b.name) AND l.old_code = l.new_code), "
		"sum(l.new_province_code IS NOT NULL), sum(l.old_code <> l.new_code) FROM link l "
		"JOIN temp.snap_before b ON b.level = l.old_level AND b.code = l.old_code "
		"WHERE l.event_id = %lld", ev);
	sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
	sqlite3_free(q);
	if (!st || sn_step(ctx, st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return SN_IO;
	}
	d->links = (long)sqlite3_column_int64(st, 0);
	d->renamed = (long)sqlite3_column_int64(st, 1);
	d->reclassified = (long)sqlite3_column_int64(st, 2);
	d->moved = (long)sqlite3_column_int64(st, 3);
	d->merged = (long)sqlite3_column_int64(st, 4);
	sqlite3_finalize(st);
	return 0;
}
