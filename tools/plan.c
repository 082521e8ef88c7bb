/* plan.c - reads the plan file of 'sapnhap run' (format in plan.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "exitcodes.h"
#include "plan.h"
#include "text.h"
#include "i18n.h"
#include "banned.h"

enum section { SEC_NONE, SEC_MIGRATION, SEC_UNITS, SEC_PROVINCE, SEC_RULES };

struct reader {
	struct sn_plan *p;
	const char *dir;        /* the plan's folder, "" when it is the current one */
	char *err;
	size_t errlen;
	int line;
};

static int fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;
	/* Line 0: about the plan as a whole. */
	int n = r->line ? snprintf(r->err, r->errlen, "%s:%d: ", r->p->path, r->line)
			: snprintf(r->err, r->errlen, "%s: ", r->p->path);
	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < r->errlen)
		vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

/* A path from the plan, taken from the plan's folder unless absolute; "x/../" and "./" are
 * folded so messages show the path a person would write ("samples/../build" -> "build"). */
static char *resolve(const struct reader *r, const char *v)
{
	size_t n = strlen(r->dir) + strlen(v) + 3;
	char *s = malloc(n), *out = malloc(n);
	if (!s || !out) {
		free(s);
		free(out);
		return NULL;
	}
	if (v[0] == '/' || !*r->dir)
		snprintf(s, n, "%s", v);
	else
		snprintf(s, n, "%s/%s", r->dir, v);
	char *o = out, *in = s;
	if (*in == '/')
		*o++ = '/';
	char *start = o;
	while (*in) {
		char *e = strchr(in, '/');
		size_t len = e ? (size_t)(e - in) : strlen(in);
		int prev_up = o - start >= 3 && !strncmp(o - 3, "../", 3) && (o - 3 == start || o[-4] == '/');
		if (len == 0 || (len == 1 && in[0] == '.')) {
			/* "." and empty segments add nothing */
		} else if (len == 2 && !strncmp(in, "..", 2) && o > start && !prev_up) {
			/* "x/.." cancels: back to the start of the previous segment */
			o--;
			while (o > start && o[-1] != '/')
				o--;
		} else {
			memcpy(o, in, len);
			o += len;
			*o++ = '/';
		}
		in += len + (e != NULL);
	}
	if (o > start && o[-1] == '/')
		o--;
	if (o == out)
		*o++ = '.';
	*o = '\0';
	free(s);
	return out;
}

enum { PLAIN, PATH, INPUT };

/* Stores VALUE into *SLOT (refusing a second value). PATH: resolved from the plan's folder;
 * INPUT: also remembered for the file check. */
static int set(struct reader *r, const char *key, char **slot, const char *value, int mode)
{
	if (*slot)
		return fail(r, _("'%s' is given twice in this section"), key);
	if (!*value)
		return fail(r, _("'%s' has no value"), key);
	if (!(*slot = mode != PLAIN ? resolve(r, value) : strdup(value)))
		return fail(r, _("out of memory"));
	if (mode == INPUT) {
		struct sn_plan *p = r->p;
		struct sn_plan_ref *refs = realloc(p->refs, (p->nrefs + 1) * sizeof *refs);
		if (!refs)
			return fail(r, _("out of memory"));
		p->refs = refs;
		if (!(refs[p->nrefs].key = strdup(key)))
			return fail(r, _("out of memory"));
		refs[p->nrefs].file = *slot;
		refs[p->nrefs++].line = r->line;
	}
	return 0;
}

/* "csv xml", "csv", "html, csv", "none": which of two formats a report is written in. */
static int formats(struct reader *r, const char *v, const char *f1, const char *f2, int *o1, int *o2)
{
	*o1 = *o2 = 0;
	char *w = strdup(v), *save = NULL;
	if (!w)
		return fail(r, _("out of memory"));
	for (char *t = strtok_r(w, " ,", &save); t; t = strtok_r(NULL, " ,", &save)) {
		if (!strcmp(t, f1))
			*o1 = 1;
		else if (!strcmp(t, f2))
			*o2 = 1;
		else if (strcmp(t, "none")) {
			fail(r, _("format '%s' is not %s, %s or none"), t, f1, f2);
			free(w);
			return -1;
		}
	}
	free(w);
	return 0;
}

/* A key of a section that names a file or a value, and how set() stores it. */
struct key {
	const char *name;
	char **slot;
	int mode;
};
#define NKEYS(keys) (sizeof (keys) / sizeof (keys)[0])

/* Sets key K to V when it is one of the N KEYS: set()'s result; 1 when K is none of them. */
static int set_key(struct reader *r, const struct key *keys, size_t n, const char *k, const char *v)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(k, keys[i].name))
			return set(r, k, keys[i].slot, v, keys[i].mode);
	return 1;
}

static int migration_key(struct reader *r, const char *k, const char *v)
{
	struct sn_plan *p = r->p;
	const struct key keys[] = { { "province", &p->province, PLAIN }, { "database", &p->database, PATH },
				    { "output", &p->output, PATH }, { "on", &p->on, PLAIN },
				    { "survivor", &p->survivor, PLAIN } };
	int rc = set_key(r, keys, NKEYS(keys), k, v);
	if (rc <= 0)
		return rc;
	if (!strcmp(k, "export"))
		return formats(r, v, "csv", "xml", &p->export_csv, &p->export_xml);
	if (!strcmp(k, "diff"))
		return formats(r, v, "html", "csv", &p->diff_html, &p->diff_csv);
	if (!strcmp(k, "report"))
		return formats(r, v, "html", "xlsx", &p->report_html, &p->report_xlsx);
	if (!strcmp(k, "lang")) {
		if (strcmp(v, "vi") && strcmp(v, "en"))
			return fail(r, _("lang must be vi or en, not '%s'"), v);
		free(p->lang);
		return (p->lang = strdup(v)) ? 0 : fail(r, _("out of memory"));
	}
	if (!strcmp(k, "bom")) {
		if (!strcmp(v, "yes") || !strcmp(v, "no")) {
			p->bom = !strcmp(v, "yes");
			return 0;
		}
		return fail(r, _("bom must be yes or no, not '%s'"), v);
	}
	return fail(r, _("unknown key '%s' in [migration] (province, database, output, on, survivor, export, diff, "
		    "report, lang, bom)"), k);
}

static int units_key(struct reader *r, const char *k, const char *v)
{
	struct sn_plan_units *u = &r->p->units[r->p->nunits - 1];
	const struct key keys[] = { { "file", &u->file, INPUT }, { "kind", &u->kind, PLAIN },
				    { "effective", &u->effective, PLAIN }, { "sheet", &u->sheet, PLAIN },
				    { "encoding", &u->encoding, PLAIN } };
	int rc = set_key(r, keys, NKEYS(keys), k, v);
	return rc <= 0 ? rc : fail(r, _("unknown key '%s' in [units] (file, kind, effective, sheet, encoding)"), k);
}

static int province_key(struct reader *r, const char *k, const char *v)
{
	struct sn_plan_province *o = &r->p->prov[r->p->nprov - 1];
	const struct key keys[] = { { "agencies", &o->agencies, INPUT }, { "catalog", &o->catalog, INPUT },
				    { "dossiers", &o->dossiers, INPUT }, { "encoding", &o->encoding, PLAIN } };
	int rc = set_key(r, keys, NKEYS(keys), k, v);
	return rc <= 0 ? rc : fail(r, _("unknown key '%s' in [province] (agencies, catalog, dossiers, encoding)"), k);
}

static int rules_key(struct reader *r, const char *k, const char *v)
{
	struct sn_plan *p = r->p;
	const struct key keys[] = { { "allocation", &p->allocation, INPUT }, { "pins", &p->pins, INPUT },
				    { "level1", &p->level1, INPUT }, { "departments", &p->departments, INPUT },
				    { "jurisdiction", &p->jurisdiction, INPUT }, { "decisions", &p->decisions, INPUT },
				    { "hamlets", &p->hamlets, INPUT } };
	int rc = set_key(r, keys, NKEYS(keys), k, v);
	return rc <= 0 ? rc : fail(r, _("unknown key '%s' in [rules] (allocation, pins, level1, departments, "
					"jurisdiction, decisions, hamlets)"), k);
}

/* "[units NAME]" / "[province CODE]" / "[migration]" / "[rules]" */
static int section(struct reader *r, char *h, enum section *sec)
{
	struct sn_plan *p = r->p;
	char *sp = strchr(h, ' ');
	char *arg = sp ? trim(sp + 1) : NULL;
	if (sp)
		*sp = '\0';
	if (!strcmp(h, "migration") && !arg) {
		*sec = SEC_MIGRATION;
		return 0;
	}
	if (!strcmp(h, "rules") && !arg) {
		*sec = SEC_RULES;
		return 0;
	}
	if (!strcmp(h, "units") && arg && *arg) {
		for (size_t i = 0; i < p->nunits; i++)
			if (!strcmp(p->units[i].event, arg))
				return fail(r, _("[units %s] is given twice"), arg);
		struct sn_plan_units *u = realloc(p->units, (p->nunits + 1) * sizeof *u);
		if (!u)
			return fail(r, _("out of memory"));
		p->units = u;
		u[p->nunits] = (struct sn_plan_units){ .event = strdup(arg), .line = r->line };
		p->nunits++;
		*sec = SEC_UNITS;
		return 0;
	}
	if (!strcmp(h, "province") && arg && *arg) {
		if (strspn(arg, "0123456789") != strlen(arg) || strlen(arg) > 2)
			return fail(r, _("[province %s]: a province code is one or two digits"), arg);
		for (size_t i = 0; i < p->nprov; i++)
			if (!strcmp(p->prov[i].code, arg))
				return fail(r, _("[province %s] is given twice"), arg);
		struct sn_plan_province *o = realloc(p->prov, (p->nprov + 1) * sizeof *o);
		if (!o)
			return fail(r, _("out of memory"));
		p->prov = o;
		o[p->nprov] = (struct sn_plan_province){ .code = strdup(arg), .line = r->line };
		p->nprov++;
		*sec = SEC_PROVINCE;
		return 0;
	}
	if (arg)
		return fail(r, _("unknown section [%s %s] (migration, units NAME, province CODE, rules)"), h, arg);
	return fail(r, _("unknown section [%s] (migration, units NAME, province CODE, rules)"), h);
}

int sn_plan_read(struct sn_plan *p, const char *path, char *err, size_t errlen)
{
	memset(p, 0, sizeof *p);
	p->export_csv = p->export_xml = p->diff_html = p->diff_csv = 1;
	p->report_html = p->report_xlsx = p->bom = 1;
	p->path = strdup(path);
	char *dir = strdup(path);
	struct reader r = { p, "", err, errlen, 0 };
	int rc = SN_DATA;
	char *buf = NULL;
	size_t cap = 0;
	FILE *f = NULL;
	if (!p->path || !dir) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done;
	}
	char *slash = strrchr(dir, '/');
	if (slash) {
		slash[slash == dir] = '\0';
		r.dir = dir;
	}
	if (!(f = fopen(path, "r"))) {
		snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(errno));
		rc = SN_IO;
		goto done;
	}
	enum section sec = SEC_NONE;
	ssize_t got;
	while ((got = getline(&buf, &cap, f)) > 0) {
		r.line++;
		char *s = buf;
		if (strlen(buf) != (size_t)got) {
			/* The line would silently end at the NUL (a path cut short). */
			fail(&r, _("a NUL byte in the line (the file is damaged, or is not text)"));
			goto done;
		}
		if (r.line == 1 && !strncmp(s, "\xEF\xBB\xBF", 3))
			s += 3;
		char *nfc = sn_nfc(s);
		if (!nfc) {
			fail(&r, _("not valid UTF-8"));
			goto done;
		}
		free(nfc);
		s = trim(s);
		if (!*s || *s == '#' || *s == ';')
			continue;
		if (*s == '[') {
			char *e = strchr(s, ']');
			/* A comment may follow after white space: "[units reform-2025]   # the table". */
			char *rest = e ? e + 1 : NULL;
			if (rest && (*rest == ' ' || *rest == '\t')) {
				rest = trim(rest);
				if (*rest == '#' || *rest == ';')
					*rest = '\0';
			}
			if (!e || *rest) {
				fail(&r, _("a section header is '[name]' alone on its line"));
				goto done;
			}
			*e = '\0';
			if (section(&r, trim(s + 1), &sec) < 0)
				goto done;
			continue;
		}
		char *eq = strchr(s, '=');
		if (!eq) {
			fail(&r, _("expected 'key = value' or '[section]'"));
			goto done;
		}
		*eq = '\0';
		/* A comment may follow a value after white space: "on = 2025-07-01  # the reform". */
		for (char *c = eq + 1; *c; c++)
			if ((*c == '#' || *c == ';') && (c[-1] == ' ' || c[-1] == '\t')) {
				*c = '\0';
				break;
			}
		char *k = trim(s), *v = trim(eq + 1);
		int kr;
		switch (sec) {
		case SEC_MIGRATION: kr = migration_key(&r, k, v); break;
		case SEC_UNITS: kr = units_key(&r, k, v); break;
		case SEC_PROVINCE: kr = province_key(&r, k, v); break;
		case SEC_RULES: kr = rules_key(&r, k, v); break;
		default: kr = fail(&r, _("'%s' comes before any [section]"), k);
		}
		if (kr < 0)
			goto done;
	}
	if (ferror(f)) {
		snprintf(err, errlen, _("cannot read '%s': %s"), path, sn_strerror(errno));
		goto done;
	}
	/* What a migration cannot do without. */
	r.line = 0;
	if (!p->province) {
		fail(&r, _("[migration] needs 'province' (the merged province's code)"));
		goto done;
	}
	if (!p->output) {
		fail(&r, _("[migration] needs 'output' (the folder for reports and exports)"));
		goto done;
	}
	if (p->nprov == 0) {
		fail(&r, _("no [province CODE] section: name the old provinces' inputs"));
		goto done;
	}
	for (size_t i = 0; i < p->nunits; i++)
		if (!p->units[i].file) {
			r.line = p->units[i].line;
			fail(&r, _("[units %s] needs 'file'"), p->units[i].event);
			goto done;
		}
	for (size_t i = 0; i < p->nprov; i++)
		if (!p->prov[i].agencies || !p->prov[i].catalog) {
			r.line = p->prov[i].line;
			fail(&r, _("[province %s] needs 'agencies' and 'catalog' ('dossiers' when it has any)"),
			     p->prov[i].code);
			goto done;
		}
	if (!p->lang && !(p->lang = strdup("vi"))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done;
	}
	if (!p->database && !(p->database = resolve(&r, "sapnhap.db"))) {
		snprintf(err, errlen, "%s", _("out of memory"));
		rc = SN_IO;
		goto done;
	}
	rc = 0;
done:
	if (f)
		fclose(f);
	free(buf);
	free(dir);
	return rc;
}

int sn_plan_check_files(const struct sn_plan *p, char *err, size_t errlen)
{
	for (size_t i = 0; i < p->nrefs; i++) {
		FILE *f = fopen(p->refs[i].file, "rb");
		if (!f) {
			snprintf(err, errlen, _("%s:%d: %s: cannot read '%s': %s"), p->path, p->refs[i].line,
				 p->refs[i].key, p->refs[i].file, sn_strerror(errno));
			return -1;
		}
		fclose(f);
	}
	return 0;
}

void sn_plan_release(struct sn_plan *p)
{
	for (size_t i = 0; i < p->nunits; i++) {
		struct sn_plan_units *u = &p->units[i];
		free(u->event), free(u->file), free(u->kind), free(u->effective), free(u->sheet), free(u->encoding);
	}
	for (size_t i = 0; i < p->nprov; i++) {
		struct sn_plan_province *o = &p->prov[i];
		free(o->code), free(o->agencies), free(o->catalog), free(o->dossiers), free(o->encoding);
	}
	for (size_t i = 0; i < p->nrefs; i++)
		free(p->refs[i].key);
	free(p->units), free(p->prov), free(p->refs);
	free(p->path), free(p->province), free(p->database), free(p->output), free(p->on);
	free(p->survivor), free(p->lang);
	free(p->allocation), free(p->pins), free(p->level1), free(p->departments);
	free(p->jurisdiction), free(p->decisions), free(p->hamlets);
	memset(p, 0, sizeof *p);
}
