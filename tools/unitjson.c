/* unitjson.c - published lists of the units in force, as JSON (unitjson.h). */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"
#include "unitjson.h"
#include "units.h"
#include "table.h"
#include "i18n.h"
#include "banned.h"

/* A list of the whole country is ~1 MB; anything far larger is not one. */
#define MAX_JSON_BYTES (64L << 20)

int sn_looks_like_json(const char *path)
{
	int c = sn_first_char(path);
	return c == '[' || c == '{';
}

void sn_snapshot_free(struct sn_snapshot *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

struct loader {
	const char *path;
	struct sn_snapshot *out;
	size_t cap;
	char *err;
	size_t errlen;
};

/* FMT (translated) takes A and B, or fewer of them. */
static int fail(struct loader *l, const char *pos, const char *fmt, const char *a, const char *b)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, a, b);
	snprintf(l->err, l->errlen, "%s:%s: %s", l->path, pos, msg);
	return -2;
}

/* The string value of KEY in OBJ, or NULL. A code may also be a number (a spreadsheet's export). */
static const char *str(json_t *obj, const char *key, char num[32])
{
	json_t *v = json_object_get(obj, key);
	if (json_is_string(v))
		return json_string_value(v);
	if (json_is_integer(v)) {
		snprintf(num, 32, "%lld", (long long)json_integer_value(v));
		return num;
	}
	return NULL;
}

/* The messages about a province and about a commune of the list: whole sentences, for a
 * translation. */
struct level_msgs {
	const char *not_object, *no_code, *code_width, *no_name, *bad_utf8, *empty_name;
};
static const struct level_msgs province_msgs = {
	N_("a province must be an object"),
	N_("province without \"Code\""),
	N_("province code '%s' must have the right number of digits (2 province, 5 commune)"),
	N_("province %s without \"FullName\" (the name with its type)"),
	N_("province %s: name is not valid UTF-8"),
	N_("province %s: \"FullName\" is empty"),
};
static const struct level_msgs commune_msgs = {
	N_("a commune must be an object"),
	N_("commune without \"Code\""),
	N_("commune code '%s' must have the right number of digits (2 province, 5 commune)"),
	N_("commune %s without \"FullName\" (the name with its type)"),
	N_("commune %s: name is not valid UTF-8"),
	N_("commune %s: \"FullName\" is empty"),
};

static int add(struct loader *l, json_t *obj, const char *pos, const char *level, int width,
	       const char *province)
{
	char num[32], num2[32], code[16];
	const struct level_msgs *m = !strcmp(level, "province") ? &province_msgs : &commune_msgs;
	if (!json_is_object(obj))
		return fail(l, pos, _(m->not_object), "", "");
	const char *c = str(obj, "Code", num);
	const char *name = str(obj, "FullName", num2);
	if (!c)
		return fail(l, pos, _(m->no_code), "", "");
	int r = sn_code_normalise(c, width, code);
	if (r < 0 || r == 2)
		return fail(l, pos, _(m->code_width), c, "");
	if (!name)
		return fail(l, pos, _(m->no_name), code, "");
	char *clean = sn_text_clean(name);
	if (!clean)
		return fail(l, pos, _(m->bad_utf8), code, "");
	if (!*clean) {
		free(clean);
		return fail(l, pos, _(m->empty_name), code, "");
	}
	for (size_t i = 0; i < l->out->n; i++)
		if (!strcmp(l->out->v[i].code, code) && !strcmp(l->out->v[i].level, level)) {
			free(clean);
			char first[80];
			snprintf(first, sizeof first, "%s", l->out->v[i].pos);
			return fail(l, pos, _("code %s is listed twice (first at %s)"), code, first);
		}
	if (l->out->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4096;
		struct sn_listed *nv = realloc(l->out->v, cap * sizeof *nv);
		if (!nv) {
			free(clean);
			snprintf(l->err, l->errlen, _("%s: out of memory"), l->path);
			return -1;
		}
		l->out->v = nv;
		l->cap = cap;
	}
	struct sn_listed *u = &l->out->v[l->out->n++];
	memset(u, 0, sizeof *u);
	snprintf(u->level, sizeof u->level, "%s", level);
	snprintf(u->code, sizeof u->code, "%s", code);
	snprintf(u->province, sizeof u->province, "%s", province ? province : code);
	snprintf(u->pos, sizeof u->pos, "%s", pos);
	u->name = clean;
	return 0;
}

static int walk(struct loader *l, json_t *root)
{
	if (!json_is_array(root))
		return fail(l, "/", _("expected an array of provinces, each with \"Code\", \"FullName\" and "
				      "\"Wards\""), "", "");
	size_t i, j;
	json_t *p, *w;
	json_array_foreach(root, i, p) {
		char pos[64];
		snprintf(pos, sizeof pos, "/%zu", i);
		int rc = add(l, p, pos, "province", 2, NULL);
		if (rc)
			return rc;
		char pcode[16];
		snprintf(pcode, sizeof pcode, "%s", l->out->v[l->out->n - 1].code);
		json_t *wards = json_object_get(p, "Wards");
		if (!json_is_array(wards))
			return fail(l, pos, _("province %s without its communes (\"Wards\": [...])"), pcode, "");
		json_array_foreach(wards, j, w) {
			snprintf(pos, sizeof pos, "/%zu/Wards/%zu", i, j);
			if ((rc = add(l, w, pos, "commune", 5, pcode)))
				return rc;
			char num[32], pc[16];
			const char *given = str(w, "ProvinceCode", num);
			if (given && (sn_code_normalise(given, 2, pc) < 0 || strcmp(pc, pcode)))
				return fail(l, pos, _("\"ProvinceCode\" '%s' differs from its province %s"), given, pcode);
		}
	}
	return 0;
}

int sn_snapshot_load(const char *path, struct sn_snapshot *out, char *err, size_t errlen)
{
	struct loader l = { path, out, 0, err, errlen };
	out->v = NULL;
	out->n = 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(errno));
		return -1;
	}
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			char *nb = (long)cap > MAX_JSON_BYTES + (1L << 16) ? NULL : realloc(buf, cap);
			if (!nb) {
				free(buf);
				fclose(f);
				snprintf(err, errlen, _("%s: larger than %ld MiB: not a list of units"), path,
					 MAX_JSON_BYTES >> 20);
				return -2;
			}
			buf = nb;
		}
		size_t n = fread(buf + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	int rerr = ferror(f);
	fclose(f);
	if (rerr) {
		free(buf);
		snprintf(err, errlen, _("cannot read '%s'"), path);
		return -1;
	}
	size_t off = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	json_error_t je;
	json_t *root = json_loadb(buf + off, len - off, JSON_REJECT_DUPLICATES, &je);
	free(buf);
	if (!root) {
		snprintf(err, errlen, _("%s:%d: invalid JSON: %s"), path, je.line > 0 ? je.line : 1, je.text);
		return -2;
	}
	int rc = walk(&l, root);
	json_decref(root);
	if (rc)
		sn_snapshot_free(out);
	return rc;
}
