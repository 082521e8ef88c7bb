/* reassign_tables.c - the tables reassign reads (reassign.h): the jurisdiction rules
 * (mappings/jurisdiction.csv or --rules), the decisions file, the hamlet table; each row checked
 * and put in a temporary table of the step. */
#include <stdlib.h>
#include <string.h>
#include "compose.h"
#include "db.h"
#include "embedded.h"
#include "mapping.h"
#include "province.h"
#include "reassign.h"
#include "text.h"
#include "units.h"
#include "values.h"
#include "banned.h"

/* --- loading the rule tables ------------------------------------------------------------------ */

int ra_rule_row(void *arg, const struct sn_maprow *row)
{
	struct sn_reassign *ra = arg;
	const char *match = sn_maprow_get(row, 0), *target = sn_maprow_get(row, 1),
		   *dept = sn_maprow_get(row, 2);
	const char *kind, *key;
	if (!strcmp(match, "default")) {
		kind = "default";
		key = "";
	} else if (!strncmp(match, "procedure:", 10)) {
		kind = "procedure";
		key = match + 10;
	} else if (!strncmp(match, "field:", 6)) {
		kind = "field";
		key = match + 6;
	} else {
		sn_error(ra->ctx, "%s: match '%s' must be default, procedure:CODE or field:CODE", row->pos, match);
		return SN_DATA;
	}
	if (strcmp(target, "commune") && strcmp(target, "province")) {
		sn_error(ra->ctx, "%s: target '%s' must be commune or province", row->pos, target);
		return SN_DATA;
	}
	if (!strcmp(target, "province") && !*dept) {
		sn_error(ra->ctx, "%s: a province target needs the department's function (departments.csv)", row->pos);
		return SN_DATA;
	}
	int dup, rc = sn_insertf(ra->ctx, &dup, "INSERT INTO temp.jrule(kind, key, target, function, pos) "
				 "VALUES (%Q, %Q, %Q, %Q, %Q)", kind, key, target, *dept ? dept : NULL, row->pos);
	if (dup) {
		sn_error(ra->ctx, "%s: '%s' has a rule already", row->pos, match);
		return SN_DATA;
	}
	return rc;
}

/* The fields a decision can set, each with its type (values.h). */
static const struct {
	const char *field;
	enum sn_vtype type;
} DECIDABLE[] = {
	{ "jurisdiction", SN_V_JURISDICTION }, { "name", SN_V_NAME }, { "fee", SN_V_FEE },
	{ "time_limit", SN_V_TIME_LIMIT }, { "online_level", SN_V_ONLINE }, { "portal", SN_V_YESNO },
	{ "legal_basis", SN_V_LEGAL_BASIS }, { "field", SN_V_FIELD_CODE }, { "commune", SN_V_COMMUNE },
};

/* A province:FUNCTION decision names a function of the departments table (the built-in one, or
 * one a department of the code table carries: recode may have read another table). */
static int function_known(void *arg, const char *function)
{
	struct sn_reassign *ra = arg;
	long long n;
	if (sn_query_intf(ra->ctx, &n, "SELECT count(*) FROM temp.dfunction WHERE name = %Q", function))
		return -1;
	return n > 0;
}

/* A dossier's decided commune is a commune in force on the step's date. */
static int commune_in_force(void *arg, const char *code)
{
	struct sn_reassign *ra = arg;
	long long n;
	if (sn_query_intf(ra->ctx, &n, "SELECT count(*) FROM unit WHERE level = 'commune' AND code = %Q AND "
			  "(valid_from IS NULL OR valid_from <= %Q) AND (valid_to IS NULL OR valid_to > %Q)",
			  code, ra->date, ra->date))
		return -1;
	return n > 0;
}

int ra_function_row(void *arg, const struct sn_maprow *row)
{
	struct sn_reassign *ra = arg;
	return sn_execf(ra->ctx, "INSERT OR IGNORE INTO temp.dfunction VALUES (%Q)", sn_maprow_get(row, 0));
}

static int national_code_shaped(const char *s)
{
	return strlen(s) == 8 && s[0] >= '0' && s[0] <= '9' && s[1] == '.' && strspn(s + 2, "0123456789") == 6;
}

/* One decision: a known field, a subject of the right kind, a reason, and a value of the field's
 * type, stored in its normal form (that form is what reaches the merged catalog). */
int ra_decision_row(void *arg, const struct sn_maprow *row)
{
	struct sn_reassign *ra = arg;
	const char *subject = sn_maprow_get(row, 0), *field = sn_maprow_get(row, 1),
		   *value = sn_maprow_get(row, 2), *reason = sn_maprow_get(row, 3);
	int k = -1;
	/* A workbook's decisions sheet lists every open question: a row the reviewer left without
	 * a value and a reason is one not decided yet. */
	if (ra->workbook && !*value && !*reason)
		return 0;
	for (size_t i = 0; i < sizeof DECIDABLE / sizeof DECIDABLE[0]; i++)
		if (!strcmp(field, DECIDABLE[i].field))
			k = (int)i;
	if (k < 0) {
		sn_error(ra->ctx, "%s: field '%s' is not one a decision can set (jurisdiction, name, fee, "
			 "time_limit, online_level, portal, legal_basis, field; commune for a dossier)",
			 row->pos, field);
		return SN_DATA;
	}
	if (!strcmp(field, "commune") ? strncmp(subject, "dossier:", 8) || !subject[8] :
					 !national_code_shaped(subject)) {
		sn_error(ra->ctx, "%s: the subject of a %s decision must be %s, not '%s'", row->pos, field,
			 !strcmp(field, "commune") ? _("dossier:CODE (the dossier's code)") :
			 _("a national procedure code such as 1.001612"), subject);
		return SN_DATA;
	}
	if (!*reason) {
		sn_error(ra->ctx, "%s: a decision needs its reason", row->pos);
		return SN_DATA;
	}
	char functions[1000] = "";
	sqlite3_stmt *st = sn_prepare(ra->ctx, "SELECT group_concat(name, ', ') FROM (SELECT name FROM "
					       "temp.dfunction ORDER BY name)");
	if (!st)
		return SN_IO;
	if (sn_step(ra->ctx, st) == SQLITE_ROW)
		snprintf(functions, sizeof functions, "%s", sn_col(st, 0));
	sqlite3_finalize(st);
	struct sn_value_env env = { function_known, functions, commune_in_force, ra->date, ra };
	struct sn_value v;
	char why[1400];
	if (sn_value_parse(DECIDABLE[k].type, value, SN_VALUE_REQUIRED, &env, &v, why, sizeof why)) {
		char *shown = sn_text_clean(value);
		sn_error(ra->ctx, "%s: %s '%s' of %s %s", row->pos, field, shown ? shown : "?", subject, why);
		free(shown);
		sn_value_release(&v);
		return SN_DATA;
	}
	int dup, rc = sn_insertf(ra->ctx, &dup, "INSERT INTO temp.decision(subject, field, value, reason, pos, "
				 "used) VALUES (%Q, %Q, %Q, %Q, %Q, 0)", subject, field, v.text, reason, row->pos);
	sn_value_release(&v);
	if (dup) {
		sn_error(ra->ctx, "%s: %s %s is decided twice", row->pos, subject, field);
		return SN_DATA;
	}
	return rc;
}

int ra_hamlet_row(void *arg, const struct sn_maprow *row)
{
	struct sn_reassign *ra = arg;
	char oldc[16], newc[16];
	if (sn_code_normalise(sn_maprow_get(row, 0), 5, oldc) < 0 || !*oldc ||
	    sn_code_normalise(sn_maprow_get(row, 2), 5, newc) < 0 || !*newc) {
		sn_error(ra->ctx, "%s: old_commune and new_commune must be 5-digit commune codes", row->pos);
		return SN_DATA;
	}
	char *key = sn_name_key(sn_maprow_get(row, 1), SN_KEY_KEEP_TYPE, NULL);
	int dup, rc = sn_insertf(ra->ctx, &dup, "INSERT INTO hamlet VALUES (%Q, %Q, %Q, %Q)", oldc, key ? key : "",
				 sn_maprow_get(row, 1), newc);
	free(key);
	if (dup) {
		sn_error(ra->ctx, "%s: hamlet '%s' of %s is listed twice", row->pos, sn_maprow_get(row, 1), oldc);
		return SN_DATA;
	}
	return rc;
}
