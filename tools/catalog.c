/* catalog.c - a catalog file as the imports and 'diff' read it (catalog.h): the CSV reader (our
 * column names or the national database's) and the normaliser of a record's values, so a file
 * means the same to every command. The XML reader is catxml.c. */
#include <stdlib.h>
#include <string.h>
#include "catalog.h"
#include "csv.h"
#include "exitcodes.h"
#include "i18n.h"
#include "table.h"
#include "text.h"
#include "values.h"
#include "banned.h"

/* Our name, then the national database's (CSV exports from the national side use them). */
static const char *const pcols[SN_P_NCOLS][2] = {
	{ "national_code", "MATTHC" }, { "local_code", "MATTHC_DP" }, { "name", "TENTTHC" },
	{ "field_code", "MALINHVUC" }, { "field_name", "LINHVUCTHUCHIEN" },
	{ "levels", "CAPTHUCHIEN" }, { "time_limit", "THOIGIANGIAIQUYET" },
	{ "time_unit", "DONVITINH" }, { "fee", "PHILEPHI" }, { "online_level", "MUCDO" },
	{ "portal", "TICHHOPDVCQG" }, { "legal_basis", "CANCUPHAPLY" },
	{ "agencies", "COQUANTHUCHIEN" },
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
	[SN_P_NAT] = -1, [SN_P_LOCAL] = -1, [SN_P_NAME] = SN_V_NAME, [SN_P_FCODE] = SN_V_FIELD_CODE, [SN_P_FNAME] = -1,
	[SN_P_LEVELS] = SN_V_LEVELS, [SN_P_TIME] = SN_V_TIME_LIMIT, [SN_P_UNIT] = SN_V_TIME_UNIT, [SN_P_FEE] = SN_V_FEE,
	[SN_P_ONLINE] = SN_V_ONLINE, [SN_P_PORTAL] = SN_V_YESNO, [SN_P_LEGAL] = SN_V_LEGAL_BASIS,
};
/* The fields as messages name them (N_(): translated where printed). */
static const char *const plabel[SN_PROC_NFIELDS] = {
	N_("national code"), N_("local code"), N_("name"), N_("field code"), N_("field name"), N_("levels"),
	N_("time limit"), N_("time unit"), N_("fee"), N_("online level"), N_("portal flag"), N_("legal basis"),
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
	if (!(f[SN_P_NAT] = sn_text_clean(in[SN_P_NAT] ? in[SN_P_NAT] : ""))) {
		snprintf(err, errlen, _("%s is not valid UTF-8"), pcols[SN_P_NAT][0]);
		goto fail;
	}
	const char *nc = f[SN_P_NAT];
	if (strlen(nc) != 8 || nc[1] != '.' || strspn(nc, "0123456789.") != 8 || nc[0] < '0' || nc[0] > '9') {
		snprintf(err, errlen, _("national code '%s' must look like 1.001612"), nc);
		goto fail;
	}
	const char *limit_unit = "";
	for (int i = SN_P_NAT + 1; i < SN_PROC_NFIELDS; i++) {
		if (ptype[i] < 0) {
			if (!(f[i] = sn_text_clean(in[i] ? in[i] : ""))) {
				snprintf(err, errlen, _("%s of %s is not valid UTF-8"), pcols[i][0], nc);
				goto fail;
			}
			continue;
		}
		struct sn_value val;
		char why[600];
		int r = sn_value_parse((enum sn_vtype)ptype[i], in[i], i == SN_P_TIME ? SN_VALUE_UNIT_OPTIONAL : 0,
				       NULL, &val, why, sizeof why);
		f[i] = val.text;
		val.text = NULL;
		if (r != 0) {
			char *shown = sn_text_clean(in[i] ? in[i] : "");
			snprintf(err, errlen, _("%s '%s' of %s %s"), _(plabel[i]), shown ? shown : "?", nc, why);
			free(shown);
			goto fail;
		}
		switch (i) {
		case SN_P_LEVELS: snprintf(v->levels, sizeof v->levels, "%s", f[i]); break;
		case SN_P_TIME:
			v->has_time_limit = val.has_number;
			v->time_limit = val.number;
			limit_unit = val.unit;
			break;
		case SN_P_UNIT: v->time_unit = val.unit; break;
		case SN_P_ONLINE:
			v->online_level = !strcmp(f[i], "full") ? "full" : !strcmp(f[i], "partial") ? "partial" : "none";
			break;
		case SN_P_PORTAL: v->portal = val.flag; break;
		default: break;
		}
	}
	/* The unit written in the time limit's own cell ("2 ngày làm việc") when DONVITINH is empty. */
	if (*limit_unit && !*v->time_unit)
		v->time_unit = limit_unit;
	else if (*limit_unit && strcmp(limit_unit, v->time_unit)) {
		char *shown = sn_text_clean(in[SN_P_TIME]);
		snprintf(err, errlen, _("time limit '%s' of %s is in %s, but its time unit (DONVITINH) says %s"),
			 shown ? shown : "?", nc, limit_unit, v->time_unit);
		free(shown);
		goto fail;
	}
	return 0;
fail:
	sn_procedure_values_release(v);
	return SN_DATA;
}

/* "000.00.31.H10:online; 000.00.32.H10" -> bindings, into *B (grown; *CAP its size). Returns
 * the count, or -1 past SN_MAX_BINDINGS, -2 out of memory. */
static long split_bindings(char *cell, struct sn_binding_rec **bp, size_t *cap)
{
	size_t n = 0;
	for (char *p = cell; *p;) {
		if (n == SN_MAX_BINDINGS)
			return -1;
		if (n == *cap) {
			size_t nc = *cap ? 2 * *cap : 64;
			struct sn_binding_rec *nb = realloc(*bp, nc * sizeof *nb);
			if (!nb)
				return -2;
			*bp = nb;
			*cap = nc;
		}
		struct sn_binding_rec *b = *bp;
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
	return (long)n;
}

int sn_catalog_csv_read(const char *path, sn_encoding enc, sn_procedure_fn fn, void *arg, char *err,
			size_t errlen)
{
	*err = '\0';
	char **cells;
	size_t n;
	int col[SN_P_NCOLS], rc = 0, r;
	sn_table *t = sn_table_open_columns(path, enc, pcols, SN_P_NCOLS, col, err, errlen);
	if (!t)
		return SN_DATA;
	if (col[SN_P_NAT] < 0 || col[SN_P_NAME] < 0 || col[SN_P_LEVELS] < 0) {
		snprintf(err, errlen, _("%s: the header needs at least national_code (MATTHC), name (TENTTHC) "
			 "and levels (CAPTHUCHIEN)"), sn_table_pos(t, (size_t)-1));
		sn_table_close(t);
		return SN_DATA;
	}
	struct sn_binding_rec *b = NULL;
	size_t bcap = 0;
	/* Our export neutralised cells a spreadsheet would run as formulas; undone here (csv.h). */
	int csv = !sn_table_is_xlsx(t);
	while (rc == 0 && (r = sn_table_next(t, &cells, &n)) == 1) {
		const char *v[SN_P_NCOLS];
		for (int c = 0; c < SN_P_NCOLS; c++) {
			v[c] = col[c] >= 0 && (size_t)col[c] < n ? cells[col[c]] : "";
			if (csv)
				v[c] = sn_csv_unneutralise(v[c]);
		}
		char *ag = strdup(v[SN_P_AGENCIES]);
		if (!ag) {
			snprintf(err, errlen, "%s", _("out of memory"));
			rc = SN_IO;
			break;
		}
		long nb = split_bindings(ag, &b, &bcap);
		char pos[1200];
		snprintf(pos, sizeof pos, "%s", sn_table_pos(t, (size_t)-1));
		if (nb < 0) {
			if (nb == -1)
				snprintf(err, errlen, _("%s: more than %d agencies bound to one procedure"), pos,
					 SN_MAX_BINDINGS);
			else
				snprintf(err, errlen, "%s", _("out of memory"));
			rc = nb == -1 ? SN_DATA : SN_IO;
			free(ag);
			break;
		}
		struct sn_procedure_rec p = { v[SN_P_NAT], v[SN_P_LOCAL], v[SN_P_NAME], v[SN_P_FCODE], v[SN_P_FNAME],
					      v[SN_P_LEVELS], v[SN_P_TIME], v[SN_P_UNIT], v[SN_P_FEE], v[SN_P_ONLINE],
					      v[SN_P_PORTAL], v[SN_P_LEGAL], b, (size_t)nb };
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

int sn_catalog_read(const char *path, sn_encoding enc, sn_procedure_fn fn, void *ctx, char *err, size_t errlen)
{
	if (sn_looks_like_xml(path))
		return sn_catalog_xml_read(path, fn, ctx, err, errlen);
	return sn_catalog_csv_read(path, enc, fn, ctx, err, errlen);
}
