/* labels.c - the reviewers' words for stored values (labels.h). */
#include <stdio.h>
#include <string.h>
#include "i18n.h"
#include "labels.h"
#include "banned.h"

static const struct {
	const char *kind, *value, *en; /* en: the msgid, in context KIND */
} LABELS[] = {
	{ "online_level", "full", NC_("online_level", "fully online") },
	{ "online_level", "partial", NC_("online_level", "partly online") },
	{ "online_level", "none", NC_("online_level", "not online") },
	{ "level", "province", NC_("level", "province level") },
	{ "level", "district", NC_("level", "district level") },
	{ "level", "commune", NC_("level", "commune level") },
	{ "yesno", "yes", NC_("yesno", "yes") },
	{ "yesno", "no", NC_("yesno", "no") },
	{ "yesno", "1", NC_("yesno", "yes") },
	{ "yesno", "0", NC_("yesno", "no") },
	{ "outcome", "kept", NC_("outcome", "kept") },
	{ "outcome", "renumbered", NC_("outcome", "renumbered") },
	{ "outcome", "merged", NC_("outcome", "merged") },
	{ "outcome", "closed", NC_("outcome", "closed") },
	{ "outcome", "new", NC_("outcome", "new") },
	{ "agency_kind", "province-committee", NC_("agency_kind", "province committee") },
	{ "agency_kind", "province-council", NC_("agency_kind", "province council") },
	{ "agency_kind", "department", NC_("agency_kind", "department") },
	{ "agency_kind", "department-unit", NC_("agency_kind", "unit of a department") },
	{ "agency_kind", "district-committee", NC_("agency_kind", "district committee") },
	{ "agency_kind", "district-office", NC_("agency_kind", "district office") },
	{ "agency_kind", "commune-committee", NC_("agency_kind", "commune committee") },
	{ "agency_kind", "service-unit", NC_("agency_kind", "public service unit") },
	{ "agency_kind", "other", NC_("agency_kind", "other") },
	{ "status", "active", NC_("status", "active") },
	{ "status", "closed", NC_("status", "closed") },
	{ "status", "open", NC_("status", "open") },
	{ "status", "resolved", NC_("status", "resolved") },
	{ "time_unit", "working-day", NC_("time_unit", "working days") },
	{ "time_unit", "day", NC_("time_unit", "days") },
	{ "time_unit", "hour", NC_("time_unit", "hours") },
	{ "time_unit", "month", NC_("time_unit", "months") },
	{ "entity", "procedure", NC_("entity", "procedure") },
	{ "entity", "binding", NC_("entity", "agency of a procedure") },
	{ "entity", "agency", NC_("entity", "agency") },
	{ "kind", "added", NC_("kind", "added") },
	{ "kind", "removed", NC_("kind", "removed") },
	{ "kind", "changed", NC_("kind", "changed") },
	{ "severity", "error", NC_("severity", "error") },
	{ "severity", "warning", NC_("severity", "warning") },
	{ "severity", "info", NC_("severity", "info") },
	{ "field", "name", NC_("field", "name") },
	{ "field", "local_code", NC_("field", "local code") },
	{ "field", "field_code", NC_("field", "field code") },
	{ "field", "field_name", NC_("field", "field") },
	{ "field", "field", NC_("field", "field") },
	{ "field", "levels", NC_("field", "level") },
	{ "field", "time_limit", NC_("field", "time limit") },
	{ "field", "time_unit", NC_("field", "time unit") },
	{ "field", "fee", NC_("field", "fee") },
	{ "field", "online_level", NC_("field", "online level") },
	{ "field", "portal", NC_("field", "on the national portal") },
	{ "field", "legal_basis", NC_("field", "legal basis") },
	{ "field", "online", NC_("field", "received online") },
	{ "field", "agency", NC_("field", "agency code") },
	{ "field", "agencies", NC_("field", "agencies") },
	{ "field", "kind", NC_("field", "kind of agency") },
	{ "field", "parent_code", NC_("field", "parent agency") },
	{ "field", "unit_code", NC_("field", "administrative unit") },
	{ "field", "phone", NC_("field", "phone") },
	{ "field", "email", NC_("field", "e-mail") },
	{ "field", "status", NC_("field", "status") },
	{ "field", "outcome", NC_("field", "outcome") },
	{ "field", "jurisdiction", NC_("field", "jurisdiction") },
	{ "field", "commune", NC_("field", "commune") },
};

/* In LANG, whatever the language in use (a report written in another language than the run's
 * messages switches once at its start, so this rarely switches). */
static const char *in_lang(const char *kind, const char *en, enum sn_lang lang)
{
	if (lang == SN_LANG_EN)
		return en;
	if (sn_lang_current() == lang)
		return sn_pgettext(kind, en);
	enum sn_lang prev = sn_lang_use(lang);
	const char *t = sn_pgettext(kind, en);
	sn_lang_use(prev);
	return t;
}

const char *sn_label(const char *kind, const char *value, enum sn_lang lang)
{
	if (!value)
		return NULL;
	for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
		if (!strcmp(LABELS[i].kind, kind) && !strcmp(LABELS[i].value, value))
			return in_lang(kind, LABELS[i].en, lang);
	return value;
}

const char *sn_label_list(const char *kind, const char *value, enum sn_lang lang, char *out, size_t len)
{
	size_t k = 0;
	out[0] = '\0';
	for (const char *s = value ? value : ""; *s && k < len;) {
		size_t n = strcspn(s, ",;");
		char item[64];
		snprintf(item, sizeof item, "%.*s", (int)(n < 63 ? n : 63), s);
		int w = snprintf(out + k, len - k, "%s%s", k ? ", " : "", sn_label(kind, item, lang));
		if (w < 0)
			break;
		k += (size_t)w;
		s += n;
		while (*s == ',' || *s == ';' || *s == ' ')
			s++;
	}
	return out;
}

const char *sn_label_value(const char *field, const char *value, enum sn_lang lang, char *out, size_t len)
{
	if (!value)
		return NULL;
	if (!strcmp(field, "online_level"))
		return sn_label("online_level", value, lang);
	if (!strcmp(field, "portal") || !strcmp(field, "online"))
		return sn_label("yesno", value, lang);
	if (!strcmp(field, "levels"))
		return sn_label_list("level", value, lang, out, len);
	if (!strcmp(field, "time_unit") || !strcmp(field, "kind") || !strcmp(field, "status"))
		return sn_label(!strcmp(field, "kind") ? "agency_kind" : field, value, lang);
	if (!strcmp(field, "time_limit")) {
		/* "15 working-day" (a decision's form): the unit labelled */
		const char *sp = strchr(value, ' ');
		if (sp) {
			snprintf(out, len, "%.*s %s", (int)(sp - value), value, sn_label("time_unit", sp + 1, lang));
			return out;
		}
	}
	return value;
}

const char *sn_label_fate(const char *outcome, const char *target, long nsucc, enum sn_lang lang, char *out,
			  size_t len)
{
	const char *t = target ? target : "";
	enum sn_lang prev = sn_lang_use(lang);
	if (!outcome || !*outcome)
		snprintf(out, len, "%s", "");
	else if (!strcmp(outcome, "kept"))
		snprintf(out, len, "%s", _("kept its code"));
	else if (!strcmp(outcome, "renumbered"))
		snprintf(out, len, _("renumbered as %s"), t);
	else if (!strcmp(outcome, "merged"))
		snprintf(out, len, _("merged into %s"), t);
	else if (nsucc > 3)
		snprintf(out, len, _("closed; its work goes to %ld agencies: %s"), nsucc, t);
	else if (nsucc > 0)
		snprintf(out, len, _("closed; its work goes to %s"), t);
	else
		snprintf(out, len, "%s", _("closed, without a successor"));
	sn_lang_use(prev);
	return out;
}
