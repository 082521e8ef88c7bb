/* values.c - the types of catalog and decision values: their spellings and stored forms
 * (values.h has the table). Words are compared by their matching key without diacritics
 * (sn_name_key): case, Unicode form, tone placement and spacing do not matter.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "i18n.h"
#include "text.h"
#include "units.h"
#include "values.h"
#include "banned.h"

/* Spellings: a key (sn_name_key, ASCII) and the stored form. */
struct spelling {
	const char *key, *value;
};

static const struct spelling YESNO[] = {
	{ "yes", "1" }, { "co", "1" }, { "1", "1" }, { "x", "1" }, { "true", "1" },
	{ "no", "0" }, { "khong", "0" }, { "0", "0" }, { "false", "0" }, { NULL, NULL } };
/* Online levels: the 2022 wording (toàn trình / một phần) and the older levels 1-4, as the
 * national database's exports still carry them (level 4 = full, 3 = partial, 1-2 = not online). */
static const struct spelling ONLINE[] = {
	{ "toan trinh", "full" }, { "truc tuyen toan trinh", "full" }, { "full", "full" },
	{ "4", "full" }, { "muc do 4", "full" },
	{ "mot phan", "partial" }, { "truc tuyen mot phan", "partial" }, { "partial", "partial" },
	{ "3", "partial" }, { "muc do 3", "partial" },
	{ "khong", "none" }, { "none", "none" }, { "2", "none" }, { "1", "none" }, { "muc do 2", "none" },
	{ "muc do 1", "none" }, { NULL, NULL } };
static const struct spelling UNITS[] = {
	{ "ngay lam viec", "working-day" }, { "working day", "working-day" },
	{ "working days", "working-day" }, { "working-day", "working-day" },
	{ "working-days", "working-day" }, { "ngay", "day" }, { "day", "day" }, { "days", "day" },
	{ "gio", "hour" }, { "gio lam viec", "hour" }, { "hour", "hour" }, { "hours", "hour" },
	{ "thang", "month" }, { "month", "month" }, { "months", "month" }, { NULL, NULL } };
/* A whole fee that says there is none. */
static const char FEE_NONE[] = "Không";
static const char *const NO_FEE[] = {
	"khong", "khong thu", "khong thu phi", "khong thu le phi", "khong co", "khong mat phi",
	"mien phi", "mien le phi", "mien", "0", "0 dong", "0d", "free", "none", "no fee", NULL };
static const struct spelling LEVELS[] = {
	{ "cap tinh", "province" }, { "tinh", "province" }, { "province", "province" },
	{ "cap thanh pho", "province" }, { "cap huyen", "district" }, { "huyen", "district" },
	{ "district", "district" }, { "cap xa", "commune" }, { "xa", "commune" },
	{ "commune", "commune" }, { NULL, NULL } };
static const char *const COMMUNE_WORDS[] = { "commune", "xa", "cap xa", NULL };
static const char *const PROVINCE_WORDS[] = { "province", "tinh", "cap tinh", NULL };

/* Each type: what the messages call it, the spellings it accepts, and the message for a value
 * that is none of them (a whole sentence, for a translation; %s the accepted spellings). */
static const struct {
	const char *name, *accepted, *not_a;
} TYPES[SN_V_NTYPES] = {
	[SN_V_YESNO] = { NC_("value type", "yes/no value"), N_("yes, no, có, không, 1, 0, x, true, false; any case, with or "
			 "without diacritics"), N_("is not a yes/no value (accepted: %s)") },
	[SN_V_ONLINE] = { NC_("value type", "online level"), N_("toàn trình, một phần, không, full, partial, none, or the old "
			  "levels 4 (full), 3 (partial), 1-2 (none), also written 'mức độ 4'"),
			  N_("is not an online level (accepted: %s)") },
	[SN_V_TIME_UNIT] = { NC_("value type", "time unit"), N_("ngày làm việc, ngày, giờ, tháng, or working-day, day, hour, "
			     "month"), N_("is not a time unit (accepted: %s)") },
	[SN_V_TIME_LIMIT] = { NC_("value type", "time limit"), N_("a number and its unit: '2 ngày làm việc', '15 ngày', "
			      "'48 giờ', '1 tháng', '2 working-day', '0,5 day'"),
			      N_("is not a time limit (accepted: %s)") },
	[SN_V_FEE] = { NC_("value type", "fee"), N_("the fee as published, '50.000 đồng/lần'; no fee: Không, miễn phí, 0"),
		       N_("is not a fee (accepted: %s)") },
	[SN_V_LEVELS] = { NC_("value type", "level"), N_("Cấp Tỉnh, Cấp Huyện, Cấp Xã, or province, district, commune, "
			  "separated by ';', ',' or '/'"), N_("is not a level (accepted: %s)") },
	[SN_V_NAME] = { NC_("value type", "name"), N_("any text that is not empty"), N_("is not a name (accepted: %s)") },
	[SN_V_FIELD_CODE] = { NC_("value type", "field code"), N_("a code without white space, up to 20 characters, "
			      "such as G15-TP07"), N_("is not a field code (accepted: %s)") },
	[SN_V_LEGAL_BASIS] = { NC_("value type", "legal basis"), N_("the legal documents as free text"),
			       N_("is not a legal basis (accepted: %s)") },
	[SN_V_JURISDICTION] = { NC_("value type", "jurisdiction"), N_("commune, or province:FUNCTION with FUNCTION a function "
				"of the departments table, such as province:justice"),
				N_("is not a jurisdiction (accepted: %s)") },
	[SN_V_COMMUNE] = { NC_("value type", "commune code"), N_("the 5-digit code of a commune in force on the date"),
			   N_("is not a commune code (accepted: %s)") },
};

const char *sn_vtype_name(enum sn_vtype t)
{
	return t < SN_V_NTYPES ? sn_pgettext("value type", TYPES[t].name) : C_("value type", "value");
}

const char *sn_vtype_accepted(enum sn_vtype t)
{
	return t < SN_V_NTYPES ? _(TYPES[t].accepted) : "";
}

void sn_value_release(struct sn_value *v)
{
	free(v->text);
	v->text = NULL;
}

void sn_value_number(double v, char *out, size_t len)
{
	for (int prec = 0; prec <= 17; prec++) {
		snprintf(out, len, "%.*f", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static char *ascii_key(const char *s)
{
	return sn_name_key(s, SN_KEY_KEEP_TYPE | SN_KEY_ASCII, NULL);
}

/* The stored form of S's spelling in TABLE, or NULL. */
static const char *lookup(const char *s, const struct spelling *table)
{
	char *k = ascii_key(s);
	const char *r = NULL;
	for (int i = 0; k && table[i].key && !r; i++)
		if (!strcmp(k, table[i].key))
			r = table[i].value;
	free(k);
	return r;
}

static int in_list(const char *s, const char *const *list)
{
	char *k = ascii_key(s);
	int r = 0;
	for (int i = 0; k && list[i] && !r; i++)
		r = !strcmp(k, list[i]);
	free(k);
	return r;
}

static int not_a(enum sn_vtype t, char *err, size_t errlen)
{
	snprintf(err, errlen, _(TYPES[t].not_a), _(TYPES[t].accepted));
	return -1;
}

static int set_text(struct sn_value *v, const char *s)
{
	free(v->text);
	v->text = strdup(s);
	return v->text ? 0 : -1;
}

static size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* "2 ngày làm việc", "1,5 day", "48giờ"; the unit may be missing when OPTIONAL. */
static int time_limit(const char *s, int optional, struct sn_value *v, char *err, size_t errlen)
{
	const char *p = s;
	size_t n = strspn(p, "0123456789");
	if (!n) {
		if (optional) {
			snprintf(err, errlen, "%s", _("is not a time limit (accepted: a number, '15' or '1,5', its "
						       "unit in the time unit column or after it: '2 ngày làm việc')"));
			return -1;
		}
		return not_a(SN_V_TIME_LIMIT, err, errlen);
	}
	char num[64];
	size_t len = n;
	if ((p[n] == ',' || p[n] == '.') && p[n + 1] >= '0' && p[n + 1] <= '9')
		len = n + 1 + strspn(p + n + 1, "0123456789");
	if (len >= sizeof num) {
		snprintf(err, errlen, "%s", _("has too many digits"));
		return -1;
	}
	memcpy(num, p, len);
	num[len] = '\0';
	for (char *c = num; *c; c++)
		if (*c == ',')
			*c = '.';  /* "1,5" as a Vietnamese spreadsheet writes 1.5 */
	v->number = strtod(num, NULL);
	v->has_number = 1;
	const char *rest = p + len;
	while (*rest == ' ')
		rest++;
	if (!*rest) {
		if (!optional) {
			snprintf(err, errlen, _("has no unit (accepted: %s)"), _(TYPES[SN_V_TIME_LIMIT].accepted));
			return -1;
		}
		v->unit = "";
	} else if (!(v->unit = lookup(rest, UNITS))) {
		snprintf(err, errlen, _("has the unit '%s', which is not a time unit (accepted: %s)"), rest,
			 _(TYPES[SN_V_TIME_UNIT].accepted));
		return -1;
	}
	char buf[160];
	sn_value_number(v->number, num, sizeof num);
	snprintf(buf, sizeof buf, "%s%s%s", num, *v->unit ? " " : "", v->unit);
	return set_text(v, buf);
}

/* "Cấp Tỉnh; Cấp Huyện" -> "province,district"; repeated levels fold. */
static int levels(const char *s, struct sn_value *v, char *err, size_t errlen)
{
	static const char *order[3] = { "province", "district", "commune" };
	int have[3] = { 0 };
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, ";,/");
		char tok[200];
		snprintf(tok, sizeof tok, "%.*s", (int)(n < sizeof tok ? n : sizeof tok - 1), p);
		char *k = ascii_key(tok);
		int empty = k && !*k;
		free(k);
		if (!empty) {
			const char *l = lookup(tok, LEVELS);
			if (!l) {
				char *t = sn_text_clean(tok);
				if (t && !strcmp(t, s)) {
					free(t);
					return not_a(SN_V_LEVELS, err, errlen);
				}
				snprintf(err, errlen, _("names '%s', which is not a level (accepted: %s)"), t ? t : tok,
					 _(TYPES[SN_V_LEVELS].accepted));
				free(t);
				return -1;
			}
			for (int i = 0; i < 3; i++)
				if (!strcmp(l, order[i]))
					have[i] = 1;
		}
		p += n;
		if (*p)
			p++;
	}
	char out[40] = "";
	for (int i = 0; i < 3; i++)
		if (have[i])
			snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", out[0] ? "," : "", order[i]);
	return set_text(v, out);
}

static int jurisdiction(const char *s, const struct sn_value_env *env, struct sn_value *v, char *err,
			size_t errlen)
{
	if (in_list(s, COMMUNE_WORDS))
		return set_text(v, "commune");
	const char *colon = strchr(s, ':');
	char head[64];
	size_t hn = colon ? (size_t)(colon - s) : strlen(s);
	snprintf(head, sizeof head, "%.*s", (int)(hn < sizeof head ? hn : sizeof head - 1), s);
	if (!in_list(head, PROVINCE_WORDS))
		return not_a(SN_V_JURISDICTION, err, errlen);
	char fn[64] = "";
	const char *f = colon ? colon + 1 : "";
	while (*f == ' ')
		f++;
	size_t n = strlen(f);
	while (n && f[n - 1] == ' ')
		n--;
	if (!n) {
		snprintf(err, errlen, _("needs the department's function: province:FUNCTION (accepted: %s)"),
			 _(TYPES[SN_V_JURISDICTION].accepted));
		return -1;
	}
	if (n >= sizeof fn) {
		snprintf(err, errlen, _("names a function that is too long (accepted: %s)"),
			 _(TYPES[SN_V_JURISDICTION].accepted));
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		fn[i] = f[i] >= 'A' && f[i] <= 'Z' ? (char)(f[i] - 'A' + 'a') : f[i];
	fn[n] = '\0';
	int known = env && env->function_known ? env->function_known(env->arg, fn) : 1;
	if (known < 0) {
		snprintf(err, errlen, "%s", _("cannot be checked (database error)"));
		return -1;
	}
	if (!known) {
		snprintf(err, errlen, _("names the function '%s', which the departments table does not know "
					"(accepted: province:FUNCTION with FUNCTION one of %s)"), fn,
			 env->functions ? env->functions : _("its functions"));
		return -1;
	}
	char buf[80];
	snprintf(buf, sizeof buf, "province:%s", fn);
	return set_text(v, buf);
}

int sn_value_parse(enum sn_vtype t, const char *s, int flags, const struct sn_value_env *env,
		   struct sn_value *v, char *err, size_t errlen)
{
	memset(v, 0, sizeof *v);
	v->unit = "";
	*err = '\0';
	if (t >= SN_V_NTYPES) {
		snprintf(err, errlen, "%s", _("has an unknown type"));
		return -1;
	}
	char *c = sn_text_clean(s ? s : "");
	if (!c) {
		snprintf(err, errlen, "%s", _("is not valid UTF-8"));
		return -1;
	}
	v->text = c;
	if (!*c) {
		if (flags & SN_VALUE_REQUIRED) {
			snprintf(err, errlen, _("is empty (accepted: %s)"), _(TYPES[t].accepted));
			return -1;
		}
		/* Absent: the catalogs have always read an empty portal flag as no, an empty online
		 * level as not online. */
		if (t == SN_V_YESNO)
			return set_text(v, "0");
		if (t == SN_V_ONLINE)
			return set_text(v, "none");
		return 0;
	}
	const char *w;
	switch (t) {
	case SN_V_YESNO:
		if (!(w = lookup(c, YESNO)))
			return not_a(t, err, errlen);
		v->flag = *w == '1';
		return set_text(v, w);
	case SN_V_ONLINE:
		if (!(w = lookup(c, ONLINE)))
			return not_a(t, err, errlen);
		return set_text(v, w);
	case SN_V_TIME_UNIT:
		if (!(v->unit = lookup(c, UNITS))) {
			v->unit = "";
			return not_a(t, err, errlen);
		}
		return set_text(v, v->unit);
	case SN_V_TIME_LIMIT:
		return time_limit(c, flags & SN_VALUE_UNIT_OPTIONAL, v, err, errlen);
	case SN_V_FEE:
		return in_list(c, NO_FEE) ? set_text(v, FEE_NONE) : 0;
	case SN_V_LEVELS:
		return levels(c, v, err, errlen);
	case SN_V_NAME:
	case SN_V_LEGAL_BASIS:
		return 0;
	case SN_V_FIELD_CODE:
		if (strchr(c, ' ')) {
			snprintf(err, errlen, _("has white space (accepted: %s)"), _(TYPES[t].accepted));
			return -1;
		}
		if (utf8_length(c) > 20) {
			snprintf(err, errlen, _("is longer than 20 characters (accepted: %s)"), _(TYPES[t].accepted));
			return -1;
		}
		return 0;
	case SN_V_JURISDICTION:
		return jurisdiction(c, env, v, err, errlen);
	case SN_V_COMMUNE: {
		char code[16];
		int r = sn_code_normalise(c, 5, code);
		if (r < 0 || !*code)
			return not_a(t, err, errlen);
		int in_force = env && env->commune_in_force ? env->commune_in_force(env->arg, code) : 1;
		if (in_force < 0) {
			snprintf(err, errlen, "%s", _("cannot be checked (database error)"));
			return -1;
		}
		if (!in_force) {
			snprintf(err, errlen, _("is not a commune in force on %s (accepted: %s)"),
				 env->date ? env->date : _("the date"), _(TYPES[t].accepted));
			return -1;
		}
		return set_text(v, code);
	}
	case SN_V_NTYPES:
		break;
	}
	return not_a(t, err, errlen);
}
