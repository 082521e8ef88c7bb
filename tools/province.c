/* province.c - the merged province's facts (see province.h). */
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "db.h"
#include "embedded.h"
#include "mapping.h"
#include "province.h"
#include "reasons.h"
#include "text.h"
#include "units.h"
#include "i18n.h"
#include "banned.h"

struct l1_load {
	struct sn_province *p;
};

static int l1_row(void *arg, const struct sn_maprow *row)
{
	struct l1_load *ld = arg;
	char code[16];
	if (sn_code_normalise(sn_maprow_get(row, 0), 2, code) < 0)
		return 0;
	for (int i = 0; i < ld->p->nold; i++)
		if (!strcmp(ld->p->old[i].code, code))
			snprintf(ld->p->old[i].l1, sizeof ld->p->old[i].l1, "%.7s", sn_maprow_get(row, 1));
	return 0;
}

/* The new province of the imported registries: every registry's old province must lead to the
 * same one. A province whose links go to several new provinces is named with the counts, since
 * one wrong province cell in the conversion table is the usual cause. */
static int find_target(struct sn_ctx *ctx, struct sn_province *p)
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT a.province, count(DISTINCT l.new_province_code), min(l.new_province_code), "
		"  (SELECT group_concat(n, '; ') FROM (SELECT CASE WHEN l2.new_province_code IS NOT NULL THEN "
		"    printf(?1, l2.new_province_code, count(*), min(l2.pos)) END AS n FROM link l2 "
		"    JOIN event e2 ON e2.id = l2.event_id "
		"    AND e2.kind = 'conversion' WHERE l2.old_province_code = a.province "
		"    GROUP BY l2.new_province_code ORDER BY count(*) DESC)) "
		"FROM (SELECT DISTINCT province FROM agency) a LEFT JOIN link l ON l.old_province_code = "
		"a.province AND l.event_id IN (SELECT id FROM event WHERE kind = 'conversion') "
		"GROUP BY a.province ORDER BY a.province");
	if (!st)
		return SN_IO;
	/* TRANSLATORS: SQLite's printf(): a new province code, a count of rows, a position. */
	sqlite3_bind_text(st, 1, _("%s: %d link(s), first at %s"), -1, SQLITE_STATIC);
	int n = 0, rc = 0, r;
	while (rc == 0 && (r = sn_step(ctx, st)) == SQLITE_ROW) {
		int k = sqlite3_column_int(st, 1);
		if (k == 0) {
			sn_error(ctx, "province %s is not in the conversion table: import the units first",
				 sn_col(st, 0));
			rc = SN_DATA;
		} else if (k > 1) {
			sn_error(ctx, "province %s went to several new provinces by the conversion table (%s); "
				 "an old province merges whole, so a province cell is wrong: see 'sapnhap units "
				 "check', or recode one merged province at a time", sn_col(st, 0), sn_col(st, 3));
			rc = SN_DATA;
		} else if (n && strcmp(p->code, sn_col(st, 2))) {
			sn_error(ctx, "the registries belong to different new provinces (%s and %s)", p->code,
				 sn_col(st, 2));
			rc = SN_DATA;
		} else {
			snprintf(p->code, sizeof p->code, "%s", sn_col(st, 2));
			n++;
		}
	}
	if (rc == 0 && r < 0)
		rc = SN_IO;
	sqlite3_finalize(st);
	if (rc == 0 && !n) {
		sn_error(ctx, "no agency registry imported ('sapnhap agencies import')");
		rc = SN_DATA;
	}
	return rc;
}

/* The old provinces: those whose links go mostly to the new province (one wrong cell does not
 * make a province part of another), each with its usual name. */
static int find_olds(struct sn_ctx *ctx, struct sn_province *p)
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT o.code, (SELECT l.old_province_name FROM link l WHERE l.old_province_code = o.code "
		"  AND l.old_province_name IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1), "
		"  EXISTS (SELECT 1 FROM agency a WHERE a.province = o.code) "
		"FROM (SELECT l.old_province_code AS code FROM link l JOIN event e ON e.id = l.event_id AND "
		"  e.kind = 'conversion' WHERE l.old_province_code IS NOT NULL GROUP BY 1 "
		"  HAVING 2 * sum(l.new_province_code = ?1) > count(*)) o ORDER BY o.code");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	int r;
	p->nold = 0;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		if (p->nold == SN_MAX_OLD_PROVINCES) {
			sn_error(ctx, "new province %s has more than %d old provinces", p->code, SN_MAX_OLD_PROVINCES);
			sqlite3_finalize(st);
			return SN_DATA;
		}
		struct sn_old_province *o = &p->old[p->nold++];
		memset(o, 0, sizeof *o);
		snprintf(o->code, sizeof o->code, "%s", sn_col(st, 0));
		snprintf(o->name, sizeof o->name, "%s", sn_col(st, 1));
		o->registry = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	/* Every registry must be of one of them (find_target made sure they lead here). */
	for (int i = 0; i < p->nold; i++)
		if (!strcmp(p->old[i].code, p->code) || p->old[i].registry)
			return 0;
	sn_error(ctx, "the conversion table names no old province of new province %s", p->code);
	return SN_DATA;
}

/* The new province's name on DATE; before the reform, the name it took then. */
static int find_name(struct sn_ctx *ctx, struct sn_province *p)
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT name FROM unit WHERE level = 'province' AND code = ?1 AND opened_by IS NOT NULL "
		"ORDER BY (COALESCE(valid_from, '') <= ?2 AND (valid_to IS NULL OR valid_to > ?2)) DESC, "
		"valid_from LIMIT 1");
	if (!st)
		return SN_IO;
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->date, -1, SQLITE_STATIC);
	int r = sn_step(ctx, st);
	if (r == SQLITE_ROW)
		snprintf(p->name, sizeof p->name, "%s", sn_col(st, 0));
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (r != SQLITE_ROW) {
		sn_error(ctx, "the unit registry has no name for new province %s", p->code);
		return SN_DATA;
	}
	return 0;
}

/* Same name, type aside ("Tỉnh Tây Ninh" = "Tây Ninh"; tone placement and case fold). */
static int same_name(const char *a, const char *b)
{
	char *ka = sn_name_key(a, 0, NULL), *kb = sn_name_key(b, 0, NULL);
	int same = ka && kb && *ka && !strcmp(ka, kb);
	free(ka);
	free(kb);
	return same;
}

/* Why old province S survives (WHY: 0 the operator's choice, 1 it did not merge, 2 its name, 3
 * its unit code), in English when TR is 0 (p->how: stored, and part of recode's reasons), else in
 * the language in use (for a message). */
static void say_how(const struct sn_province *p, int s, int why, int tr, char *out, size_t len)
{
#define TR(f) (tr ? _(f) : (f))
	switch (why) {
	case 0:
		snprintf(out, len, TR(SN_R_SURVIVOR_CHOSEN), p->old[s].code);
		break;
	case 1:
		snprintf(out, len, TR(SN_R_SURVIVOR_ALONE), p->old[s].code);
		break;
	case 2:
		snprintf(out, len, TR(SN_R_SURVIVOR_NAME), p->old[s].code, p->old[s].name);
		break;
	default:
		snprintf(out, len, TR(SN_R_SURVIVOR_CODE), p->name, p->old[s].code);
		break;
	}
#undef TR
}

static int choose_survivor(struct sn_ctx *ctx, struct sn_province *p, const char *override)
{
	int s = -1, why;
	if (override) {
		char code[16];
		if (sn_code_normalise(override, 2, code) < 0 || !*code) {
			sn_error(ctx, "survivor '%s' is not a province code", override);
			return SN_DATA;
		}
		for (int i = 0; i < p->nold; i++)
			if (!strcmp(p->old[i].code, code))
				s = i;
		if (s < 0) {
			char list[200] = "";
			for (int i = 0; i < p->nold; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
					 p->old[i].code);
			sn_error(ctx, "survivor %s is not an old province of new province %s (%s)", code,
				 p->code, list);
			return SN_DATA;
		}
		why = 0;
	} else if (p->nold == 1) {
		s = 0;
		why = 1;
	} else {
		for (int i = 0; i < p->nold && s < 0; i++)
			if (same_name(p->old[i].name, p->name))
				s = i;
		if (s >= 0) {
			why = 2;
		} else {
			/* No old name carried on: the province whose unit code the new one keeps. */
			for (int i = 0; i < p->nold; i++)
				if (!strcmp(p->old[i].code, p->code))
					s = i;
			if (s < 0) {
				sn_error(ctx, "no old province of new province %s (%s) carries its name or its "
					 "code: name the survivor (recode --survivor CODE)", p->code, p->name);
				return SN_DATA;
			}
			why = 3;
		}
	}
	say_how(p, s, why, 0, p->how, sizeof p->how);
	/* A level-1 code an earlier recode closed is never reissued: the survivor cannot change in
	 * this database. */
	long long closed;
	if (sn_query_intf(ctx, &closed, "SELECT count(*) FROM closed_code WHERE code = %Q", p->old[s].l1))
		return SN_IO;
	if (closed) {
		sn_error(ctx, "level-1 code %s of province %s was closed by an earlier recode of this database, "
			 "and a closed code is never issued again: province %s cannot become the survivor here "
			 "(start a new working database)", p->old[s].l1, p->old[s].code, p->old[s].code);
		return SN_DATA;
	}
	p->old[s].survives = 1;
	snprintf(p->survivor, sizeof p->survivor, "%s", p->old[s].code);
	snprintf(p->l1, sizeof p->l1, "%s", p->old[s].l1);
	snprintf(p->k1, sizeof p->k1, "%s", p->old[s].k1);
	if (!p->old[s].registry) {
		char how[sizeof p->how * 2];
		say_how(p, s, why, 1, how, sizeof how);
		sn_error(ctx, "the registry of province %s, whose level-1 code %s the merged province keeps "
			 "(%s), is not imported", p->old[s].code, p->old[s].l1, how);
		return SN_DATA;
	}
	return 0;
}

static int store(struct sn_ctx *ctx, const struct sn_province *p)
{
	int r = sn_exec(ctx, "DELETE FROM province_fact_old; DELETE FROM province_fact");
	if (!r)
		r = sn_execf(ctx, "INSERT INTO province_fact VALUES (%Q, %Q, %Q, %Q, %Q, %Q, %Q)", p->code,
			     p->name, p->date, p->survivor, p->l1, p->k1, p->how);
	for (int i = 0; !r && i < p->nold; i++) {
		const struct sn_old_province *o = &p->old[i];
		r = sn_execf(ctx, "INSERT INTO province_fact_old VALUES (%Q, %Q, %Q, %Q, %Q, %d, %d)", o->code,
			     p->code, o->name, o->l1, o->k1, o->survives, o->registry);
	}
	return r;
}

int sn_province_compute(struct sn_ctx *ctx, const char *level1_path, const char *survivor,
			const char *date, struct sn_province *p)
{
	memset(p, 0, sizeof *p);
	snprintf(p->date, sizeof p->date, "%s", date);
	int r;
	if ((r = find_target(ctx, p)) || (r = find_olds(ctx, p)) || (r = find_name(ctx, p)))
		return r;
	static const char *cols[] = { "province_code", "level1_code", NULL };
	struct l1_load ld = { p };
	if ((r = sn_mapping_read(ctx, level1_path, sn_mapping_level1_codes, "level1-codes.csv", cols, 2,
				 l1_row, &ld)))
		return r;
	for (int i = 0; i < p->nold; i++) {
		struct sn_agcode c;
		struct sn_old_province *o = &p->old[i];
		if (!o->l1[0] || sn_agcode_parse(o->l1, &c) == SN_AGCODE_INVALID || c.depth != 1 ||
		    o->l1[0] != 'H') {
			sn_error(ctx, "no level-1 code H.. for province %s in the level-1 table", o->code);
			return SN_DATA;
		}
		/* The council: K + the same number. */
		char k1[sizeof o->k1];
		snprintf(k1, sizeof k1, "K%.6s", o->l1 + 1);
		memcpy(o->k1, k1, sizeof k1);
	}
	if ((r = choose_survivor(ctx, p, survivor)))
		return r;
	return store(ctx, p);
}

int sn_province_load(struct sn_ctx *ctx, struct sn_province *p)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT province, name, on_date, survivor, level1, council, how "
					   "FROM province_fact LIMIT 1");
	if (!st)
		return SN_IO;
	int r = sn_step(ctx, st);
	if (r == SQLITE_ROW) {
		snprintf(p->code, sizeof p->code, "%s", sn_col(st, 0));
		snprintf(p->name, sizeof p->name, "%s", sn_col(st, 1));
		snprintf(p->date, sizeof p->date, "%s", sn_col(st, 2));
		snprintf(p->survivor, sizeof p->survivor, "%s", sn_col(st, 3));
		snprintf(p->l1, sizeof p->l1, "%s", sn_col(st, 4));
		snprintf(p->k1, sizeof p->k1, "%s", sn_col(st, 5));
		snprintf(p->how, sizeof p->how, "%s", sn_col(st, 6));
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (r != SQLITE_ROW) {
		sn_error(ctx, "the merged province is not known yet: run 'sapnhap recode' first");
		return SN_DATA;
	}
	st = sn_prepare(ctx, "SELECT old_province, name, level1, council, survives, registry FROM "
			     "province_fact_old ORDER BY old_province");
	if (!st)
		return SN_IO;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW && p->nold < SN_MAX_OLD_PROVINCES) {
		struct sn_old_province *o = &p->old[p->nold++];
		snprintf(o->code, sizeof o->code, "%s", sn_col(st, 0));
		snprintf(o->name, sizeof o->name, "%s", sn_col(st, 1));
		snprintf(o->l1, sizeof o->l1, "%s", sn_col(st, 2));
		snprintf(o->k1, sizeof o->k1, "%s", sn_col(st, 3));
		o->survives = sqlite3_column_int(st, 4);
		o->registry = sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : 0;
}

void sn_province_body_name(const struct sn_province *p, int council, char *out, size_t len)
{
	static const struct {
		const char *from, *to;
	} types[] = { { "Tỉnh ", "tỉnh " }, { "Thành phố ", "thành phố " }, { "TP. ", "thành phố " } };
	const char *body = council ? "Hội đồng nhân dân" : "Ủy ban nhân dân";
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t n = strlen(types[i].from);
		if (!strncmp(p->name, types[i].from, n)) {
			snprintf(out, len, "%s %s%s", body, types[i].to, p->name + n);
			return;
		}
	}
	snprintf(out, len, "%s %s", body, p->name);
}
