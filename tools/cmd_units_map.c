/* cmd_units_map.c - 'sapnhap units map': what an old unit became, composed across events. */
#include <stdlib.h>
#include <string.h>
#include "address.h"
#include "compose.h"
#include "csv.h"
#include "db.h"
#include "i18n.h"
#include "options.h"
#include "text.h"
#include "units.h"
#include "banned.h"

/* --- the command ----------------------------------------------------------------------------- */

struct opts {
	const char *date;
	const char *province;
	const char *district;
	enum sn_format fmt;
	int header_done;
};

static void print_row(struct sn_ctx *ctx, struct opts *o, const char *oc, const char *on,
		      const char *nc, const char *nn, const char *share)
{
	FILE *f = ctx->out;
	if (o->fmt == SN_FMT_CSV) {
		if (!o->header_done)
			fputs("old_code,old_name,new_code,new_name,share\n", f);
		o->header_done = 1;
		sn_csv_write_cell(f, oc); fputc(',', f);
		sn_csv_write_cell(f, on); fputc(',', f);
		sn_csv_write_cell(f, nc); fputc(',', f);
		sn_csv_write_cell(f, nn); fputc(',', f);
		sn_csv_write_cell(f, share); fputc('\n', f);
	} else {
		fprintf(f, "%s %s -> %s %s (%s)\n", oc, on, nc, nn, share);
	}
}

/* A commune of a list that a conversion in force on DATE never names: the table does not
 * convert it, so what it became is unknown -- not "unchanged". Sets EV and EFF to the
 * conversion event; returns 1 when so, 0 when not, -1 on a database error. */
static int not_converted(struct sn_ctx *ctx, const char *code, const char *date, char ev[128],
			 char eff[16])
{
	sqlite3_stmt *st = sn_prepare(ctx,
		"SELECT e.name, e.effective FROM event e WHERE e.kind = 'conversion' AND e.effective <= ?2 "
		"AND EXISTS (SELECT 1 FROM unit u WHERE u.level = 'commune' AND u.code = ?1 AND "
		"u.opened_by IS NULL AND u.valid_to IS NULL AND (u.valid_from IS NULL OR "
		"u.valid_from < e.effective)) AND NOT EXISTS (SELECT 1 FROM unit u WHERE "
		"u.level = 'commune' AND u.code = ?1 AND u.opened_by IS NOT NULL) AND NOT EXISTS "
		"(SELECT 1 FROM link l WHERE l.old_level = 'commune' AND l.old_code = ?1) "
		"ORDER BY e.effective, e.id LIMIT 1");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
	int r = sn_step(ctx, st), hit = r == SQLITE_ROW;
	if (hit) {
		snprintf(ev, 128, "%s", sn_col(st, 0));
		snprintf(eff, 16, "%s", sn_col(st, 1));
	}
	sqlite3_finalize(st);
	return r < 0 ? -1 : hit;
}

/* Maps one old unit and prints its rows; an unknown code or a commune the conversion table does
 * not convert is reported here (exit status 1). */
static int map_one(struct sn_ctx *ctx, struct opts *o, const char *level, const char *code)
{
	struct sn_mapped *m;
	int n = sn_units_compose(ctx, level, code, o->date, &m);
	if (n < 0)
		return SN_IO;
	if (n == 0) {
		sn_error(ctx, sn_units_no_such(level), code);
		return SN_FINDINGS;
	}
	char ev[128], eff[16];
	int nc = n == 1 && m[0].steps == 0 && !strcmp(level, "commune") ?
		 not_converted(ctx, code, o->date, ev, eff) : 0;
	if (nc != 0) {
		free(m);
		if (nc < 0)
			return SN_IO;
		char *name = sn_unit_name(ctx, level, code, NULL);
		sn_error(ctx, "commune %s %s is not converted by the conversion table '%s' (effective %s): "
			 "what it became is unknown ('units check' lists it as not-converted)", code,
			 name ? name : "", ev, eff);
		free(name);
		return SN_FINDINGS;
	}
	char *oname = sn_unit_name(ctx, level, code, NULL);
	for (int i = 0; i < n; i++) {
		char *nn = sn_unit_name(ctx, m[i].level, m[i].code, o->date);
		if (!nn && m[i].steps == 0)
			nn = sn_unit_name(ctx, m[i].level, m[i].code, NULL);
		print_row(ctx, o, code, oname ? oname : "", m[i].code, nn ? nn : "",
			  sn_share_name(m[i].share));
		free(nn);
	}
	free(oname);
	free(m);
	return n ? SN_OK : SN_FINDINGS;
}

/* A district or province code maps through its communes, in code order. */
static int map_area(struct sn_ctx *ctx, struct opts *o, const char *level, const char *code)
{
	const char *col = !strcmp(level, "district") ? "old_district_code" : "old_province_code";
	const char *ucol = !strcmp(level, "district") ? "parent_code" : "province_code";
	char *q = sqlite3_mprintf(
		"SELECT 'district', old_code FROM link WHERE old_level = 'district' AND old_code = %Q "
		"UNION SELECT 'commune', old_code FROM link WHERE old_level = 'commune' AND %s = %Q "
		"UNION SELECT 'commune', code FROM unit WHERE level = 'commune' AND opened_by IS NULL "
		"AND %s = %Q ORDER BY 2, 1", code, col, code, ucol, code);
	sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
	sqlite3_free(q);
	if (!st)
		return SN_IO;
	int r, rc = SN_OK, any = 0;
	while (rc != SN_IO && (r = sn_step(ctx, st)) == SQLITE_ROW) {
		char l[12], c[8];
		snprintf(l, sizeof l, "%s", sn_col(st, 0));
		snprintf(c, sizeof c, "%s", sn_col(st, 1));
		any = 1;
		/* A commune not converted is reported and the others listed; the status says so. */
		int one = map_one(ctx, o, l, c);
		if (one != SN_OK)
			rc = one;
	}
	sqlite3_finalize(st);
	if (!any && rc == SN_OK)
		return map_one(ctx, o, level, code);
	return rc;
}

/* Whether candidate (level, code) lies in PROVINCE (code or name) before or after the reform:
 * 1 or 0, -1 on a database error (printed). */
static int in_province(struct sn_ctx *ctx, struct opts *o, const char *level, const char *code,
		       const char *prov)
{
	struct sn_mapped *m;
	int n = sn_units_compose(ctx, level, code, o->date, &m);
	int hit = 0;
	if (n < 0)
		return -1;
	char *pk = sn_name_key(o->province, 0, NULL);
	const char *sql = "SELECT 1 FROM unit u WHERE u.level = ?1 AND u.code = ?2 AND (u.province_code = ?3 "
			  "OR EXISTS (SELECT 1 FROM unit p WHERE p.level = 'province' AND "
			  "p.code = u.province_code AND p.name_key = ?4))";
	for (int i = -1; i < n && !hit; i++) {
		sqlite3_stmt *st = sn_prepare(ctx, sql);
		if (!st) {
			hit = -1;
			break;
		}
		sqlite3_bind_text(st, 1, i < 0 ? level : m[i].level, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, i < 0 ? code : m[i].code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, prov, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, pk ? pk : "", -1, SQLITE_TRANSIENT);
		int r = sn_step(ctx, st);
		hit = r == SQLITE_ROW ? 1 : r < 0 ? -1 : 0;
		sqlite3_finalize(st);
	}
	free(pk);
	if (n > 0)
		free(m);
	return hit;
}

static int map_name(struct sn_ctx *ctx, struct opts *o, const char *name)
{
	sn_unit_type type;
	char *key = sn_name_key(name, 0, &type);
	char *akey = sn_name_key(name, SN_KEY_ASCII, NULL);
	char *dkey = o->district ? sn_name_key(o->district, 0, NULL) : NULL;
	if (!key || !akey) {
		free(key); free(akey); free(dkey);
		sn_error(ctx, "name '%s' is not valid UTF-8", name);
		return SN_USAGE;
	}
	/* Typed without diacritics ("xa binh son"), the type word is not recognised by the key;
	 * strip it here for the diacritic-free pass and keep it as a filter. */
	static const struct { const char *word; sn_unit_type type; } ascii_types[] = {
		{ "thanh pho ", SN_TYPE_THANHPHO }, { "thi xa ", SN_TYPE_THIXA },
		{ "thi tran ", SN_TYPE_THITRAN }, { "dac khu ", SN_TYPE_DACKHU },
		{ "tinh ", SN_TYPE_TINH }, { "quan ", SN_TYPE_QUAN }, { "huyen ", SN_TYPE_HUYEN },
		{ "xa ", SN_TYPE_XA }, { "phuong ", SN_TYPE_PHUONG },
	};
	sn_unit_type atype = type;
	if (type == SN_TYPE_NONE)
		for (size_t i = 0; i < sizeof ascii_types / sizeof ascii_types[0]; i++) {
			size_t n = strlen(ascii_types[i].word);
			if (strncmp(akey, ascii_types[i].word, n) == 0 && akey[n]) {
				memmove(akey, akey + n, strlen(akey + n) + 1);
				atype = ascii_types[i].type;
				break;
			}
		}
	/* Exact key first (tone placement, case and spacing folded); without diacritics only when
	 * nothing matches, since "Hòa" and "Hóa" are different places. */
	const char *sql =
		"SELECT u.level, u.code, min(u.name), "
		"  (SELECT d.name FROM unit d WHERE d.level = 'district' AND d.code = u.parent_code ORDER BY d.valid_from LIMIT 1), "
		"  (SELECT p.name FROM unit p WHERE p.level = 'province' AND p.code = u.province_code ORDER BY p.valid_from LIMIT 1), "
		"  u.parent_code, max(u.opened_by IS NULL) FROM unit u WHERE (CASE ?4 WHEN 0 THEN u.name_key = ?1 ELSE u.ascii_key = ?2 END) "
		"  AND (?3 IS NULL OR u.type IS NULL OR u.type = ?3) AND u.level <> 'province' "
		"  AND (?5 IS NULL OR u.parent_code = ?5 OR EXISTS (SELECT 1 FROM unit d WHERE "
		"  d.level = 'district' AND d.code = u.parent_code AND d.name_key = ?6)) "
		"  GROUP BY u.level, u.code ORDER BY u.code, u.level";
	int rc = SN_OK;
	struct cand { char level[12], code[8]; char *name, *dist, *prov; int old; } *c = NULL;
	int nc = 0;
	for (int pass = 0; pass < 2 && nc == 0 && rc == SN_OK; pass++) {
		sqlite3_stmt *st = sn_prepare(ctx, sql);
		if (!st) {
			rc = SN_IO;
			break;
		}
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, akey, -1, SQLITE_STATIC);
		sn_unit_type t = pass ? atype : type;
		if (t != SN_TYPE_NONE)
			sqlite3_bind_text(st, 3, sn_unit_type_label(t), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, pass);
		if (o->district) {
			sqlite3_bind_text(st, 5, o->district, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 6, dkey ? dkey : "", -1, SQLITE_STATIC);
		}
		int r;
		while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
			int in = o->province ? in_province(ctx, o, sn_col(st, 0), sn_col(st, 1), o->province) : 1;
			if (in < 0) {
				rc = SN_IO;
				break;
			}
			if (!in)
				continue;
			struct cand *nv = realloc(c, (size_t)(nc + 1) * sizeof *c);
			if (!nv) {
				sn_error(ctx, "out of memory");
				rc = SN_IO;
				break;
			}
			c = nv;
			snprintf(c[nc].level, sizeof c[nc].level, "%s", sn_col(st, 0));
			snprintf(c[nc].code, sizeof c[nc].code, "%s", sn_col(st, 1));
			c[nc].name = strdup(sn_col(st, 2));
			c[nc].dist = strdup(sn_col(st, 3));
			c[nc].prov = strdup(sn_col(st, 4));
			c[nc].old = sqlite3_column_int(st, 6);
			nc++;
		}
		if (r < 0)
			rc = SN_IO;
		sqlite3_finalize(st);
	}
	/* An old unit of the name is what is meant: a new unit that took the same name (new Xã Ba
	 * Vì 09700, old Xã Ba Vì 09703) is no second candidate. */
	int anyold = 0;
	for (int i = 0; i < nc; i++)
		anyold |= c[i].old;
	if (anyold) {
		int k = 0;
		for (int i = 0; i < nc; i++) {
			if (c[i].old) {
				c[k++] = c[i];
			} else {
				free(c[i].name); free(c[i].dist); free(c[i].prov);
			}
		}
		nc = k;
	}
	if (rc == SN_OK && nc == 0) {
		if (o->province || o->district)
			sn_error(ctx, "no unit named '%s' there", name);
		else
			sn_error(ctx, "no unit named '%s'", name);
		rc = SN_FINDINGS;
	} else if (rc == SN_OK && nc == 1) {
		rc = map_one(ctx, o, c[0].level, c[0].code);
	} else if (rc == SN_OK) {
		sn_error(ctx, "'%s' names %d units; narrow with --district or --province", name, nc);
		if (o->fmt == SN_FMT_CSV)
			fputs("code,name,district,province\n", ctx->out);
		for (int i = 0; i < nc; i++) {
			if (o->fmt == SN_FMT_CSV) {
				sn_csv_write_cell(ctx->out, c[i].code); fputc(',', ctx->out);
				sn_csv_write_cell(ctx->out, c[i].name); fputc(',', ctx->out);
				sn_csv_write_cell(ctx->out, c[i].dist); fputc(',', ctx->out);
				sn_csv_write_cell(ctx->out, c[i].prov); fputc('\n', ctx->out);
			} else {
				fprintf(ctx->out, "%s %s (%s%s%s)\n", c[i].code, c[i].name, c[i].dist,
					*c[i].dist && *c[i].prov ? ", " : "", c[i].prov);
			}
		}
		rc = SN_FINDINGS;
	}
	for (int i = 0; i < nc; i++) {
		free(c[i].name); free(c[i].dist); free(c[i].prov);
	}
	free(c);
	free(key);
	free(akey);
	free(dkey);
	return rc;
}

static const struct sn_usage usage = {
	.args = "CODE|NAME", .min_args = 0, .max_args = 1, .expected = N_("one CODE or NAME"),
	.description =
	N_("Prints what an old unit became on DATE (default: today), composed across every imported\n"
	"event (the 2025 reform, then later changes), one line per successor with its share:\n"
	"whole, part, or part-population (the part that took the whole population: the default\n"
	"target for records about people). A 3- or 2-digit code maps a district or province\n"
	"through its communes. A NAME matches case, spacing and tone placement loosely\n"
	"('Hòa' = 'Hoà'); when it names several units they are listed and the exit status is 1.\n"
	"A commune of the pre-reform list that the conversion table never converts has no\n"
	"known successor: it is reported, with exit status 1.\n"),
	.examples =
	"sapnhap units map 25213\n"
	"sapnhap units map 'Xã Bình Sơn' --province 75 --district 'Huyện Long Thành'\n",
};

int cmd_units_map(struct sn_ctx *ctx, int argc, char **argv)
{
	struct opts o = { 0 };
	const char *file = NULL;
	int fmt_given = 0, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_ON(&o.date, "YYYY-MM-DD (default: today)"),
		OPT_STRING("province", &o.province, "P", "only units in province P (code or name, before or after the reform)"),
		OPT_STRING("district", &o.district, "D", "only units in old district D (code or name)"),
		{ .kind = SN_OPT_FORMAT, .name = "format", .value = &o.fmt, .given = &fmt_given,
		  .formats = SN_FMT_BIT(SN_FMT_TEXT) | SN_FMT_BIT(SN_FMT_CSV),
		  .help = N_("text (default) or csv: old_code,old_name,new_code,new_name,share") },
		{ .kind = SN_OPT_FILE, .name = "file", .value = &file, .argh = "FILE|-",
		  .help = N_("many lookups in one process: one code or name a line, or a CSV\n"
		  "with columns code or name, district, province; one output row\n"
		  "per input row (csv by default: input,status,level,old_code,\n"
		  "old_name,new_code,new_name,share,candidates); a bare number is\n"
		  "a code of its width (2, 3 or 5 digits) or an error") },
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	if (file && nargs)
		return sn_usage_error(ctx, argv[0], "--file takes the codes and names from the file, not from the command line");
	if (!file && !nargs)
		return sn_usage_error(ctx, argv[0], "expected one CODE or NAME");
	if (file)
		return sn_units_map_file(ctx, file, o.date, o.district, o.province, fmt_given && o.fmt == SN_FMT_TEXT);
	const char *arg = args[0];
	const char *level = sn_code_level(arg);
	if (level) {
		return !strcmp(level, "commune") ? map_one(ctx, &o, level, arg) : map_area(ctx, &o, level, arg);
	}
	if (arg[0] >= '0' && arg[0] <= '9' && strspn(arg, "0123456789") == strlen(arg))
		return sn_usage_error(ctx, argv[0], "code '%s' must have 2 (province), 3 (district) or 5 "
				      "(commune) digits", arg);
	return map_name(ctx, &o, arg);
}
