/* catxml.c - reading procedure catalogs in our XML format (schema/catalog.xsd).
 *
 * The catalog is streamed by the record reader (tools/xmlrec.h: the safe reader of xmlsafe.h,
 * validated against the embedded schema as it goes), so a catalog of any size is read in
 * bounded memory: only the current <procedure> record is held, each of its values capped at
 * SN_XML_MAX_VALUE bytes and its bindings at SN_MAX_BINDINGS. A record reaches the callback at
 * its end tag, once libxml2 has validated the whole element.
 *
 * Values are handed over as written (white space included), as tools/agxml.c does, so that the
 * CSV and XML paths share the importer's rules, with these exceptions where the schema type
 * itself fixes the meaning:
 *   levels        the <level> values joined with "; " in document order ("district; commune");
 *   time_limit    without surrounding white space (xs:decimal collapses it: " 15 " is 15);
 *   portal        "yes" or "no" (xs:boolean's true/1 and false/0, white space dropped), the
 *                 spelling the CSV form also uses, so the importer sees one vocabulary; "" when
 *                 the element is absent;
 *   bindings      receives-online as the flag online (true/1 -> 1; false/0 or absent -> 0).
 * The lines of a record's child elements (in our messages about them) come from the record
 * reader's raw scan, as the records' do, since libxml2's node lines stop at
 * 65535 and a procedure alone may run to 100000.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "exitcodes.h"
#include "i18n.h"
#include "xmlrec.h"
#include "embedded.h"
#include "banned.h"

#define CX_NS "urn:sapnhap:catalog:1"

/* The fields of one record, in the order of struct sn_procedure_rec, then the attributes of the
 * current <binding>, which are moved into the bindings array at once. */
enum cx_field { F_NATIONAL_CODE, F_LOCAL_CODE, F_NAME, F_FIELD_CODE, F_FIELD_NAME, F_LEVELS,
		F_TIME_LIMIT, F_TIME_UNIT, F_FEE, F_ONLINE_LEVEL, F_PORTAL, F_LEGAL_BASIS,
		F_RECORD, /* the fields above make the record */
		F_BIND_AGENCY = F_RECORD, F_BIND_ONLINE, F_COUNT };

/* The bindings of the current record: agency codes back to back in text (each NUL-terminated,
 * at off[i]), the records in v, whose agency pointers are set just before the callback (text
 * may move while it grows). */
struct cx_bindings {
	struct sn_binding_rec *v;
	size_t *off;
	size_t n, cap;
	struct sn_buf text;
};

struct cx_reader {
	struct sn_buf f[F_COUNT];
	struct cx_bindings b;
	int procedure_line;
	sn_procedure_fn fn;
	void *ctx;
};

/* XML white space (what xs:boolean and xs:decimal collapse). */
static int is_xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* B's value without leading and trailing XML white space; trims B in place. */
static const char *buf_trimmed(struct sn_buf *b)
{
	if (!b->p)
		return "";
	while (b->len > 0 && is_xml_space(b->p[b->len - 1]))
		b->p[--b->len] = '\0';
	const char *s = b->p;
	while (is_xml_space(*s))
		s++;
	return s;
}

/* An xs:boolean (white space already dropped): 1 true, 0 false, -1 neither. */
static int parse_boolean(const char *s)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0)
		return 1;
	if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0)
		return 0;
	return -1;
}

/* Starts a record at the current <procedure> element: clears the fields and bindings and takes
 * the code attributes. Returns 0 or an exit status with the message set. */
static int begin_procedure(void *ctx, struct sn_xmlrec *r, int line)
{
	struct cx_reader *a = ctx;
	const struct sn_xmlrec_attr attrs[] = {
		{ "national-code", &a->f[F_NATIONAL_CODE] },
		{ "local-code", &a->f[F_LOCAL_CODE] },
	};

	for (int i = 0; i < F_COUNT; i++)
		sn_buf_reset(&a->f[i]);
	a->b.n = 0;
	sn_buf_reset(&a->b.text);
	a->procedure_line = line;
	return sn_xmlrec_attrs(r, attrs, sizeof attrs / sizeof attrs[0], line);
}

/* Adds the current <binding> to the record. Returns 0 or an exit status with the message set. */
static int add_binding(struct cx_reader *a, struct sn_xmlrec *r, int line)
{
	const struct sn_xmlrec_attr attrs[] = {
		{ "agency", &a->f[F_BIND_AGENCY] },
		{ "receives-online", &a->f[F_BIND_ONLINE] },
	};
	struct cx_bindings *b = &a->b;
	int rc;

	if (b->n == SN_MAX_BINDINGS)
		return sn_xmlrec_fail(r, SN_DATA, line,
				      _("more than %d <binding> elements in the <procedure> of line %d"),
				      SN_MAX_BINDINGS, a->procedure_line);
	sn_buf_reset(&a->f[F_BIND_AGENCY]);
	sn_buf_reset(&a->f[F_BIND_ONLINE]);
	rc = sn_xmlrec_attrs(r, attrs, sizeof attrs / sizeof attrs[0], line);
	if (rc != 0)
		return rc;

	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 16;
		if (cap > SN_MAX_BINDINGS)
			cap = SN_MAX_BINDINGS;
		struct sn_binding_rec *v = realloc(b->v, cap * sizeof *v);
		if (v)
			b->v = v;
		size_t *off = v ? realloc(b->off, cap * sizeof *off) : NULL;
		if (!v || !off)
			goto nomem;
		b->off = off;
		b->cap = cap;
	}
	b->off[b->n] = b->text.len;
	/* the code and its NUL, as part of the contents */
	if (sn_buf_add(&b->text, sn_buf_str(&a->f[F_BIND_AGENCY]), a->f[F_BIND_AGENCY].len + 1))
		goto nomem;
	/* the schema's default (false), which the streaming validator does not fill in */
	b->v[b->n].agency = NULL;
	b->v[b->n].online = parse_boolean(buf_trimmed(&a->f[F_BIND_ONLINE])) == 1;
	b->n++;
	return 0;

nomem:
	return sn_xmlrec_fail(r, SN_INTERNAL, line, "%s", _("out of memory"));
}

/* At a child element of <procedure>: a <binding> joins the list; the others fill a field with
 * their text, and some take an attribute; a second or third <level> puts the separator in
 * first. One we do not know is ignored (the schema has refused those already; ignoring is the
 * safe default should it ever let one through). */
static int procedure_child(void *ctx, struct sn_xmlrec *r, const char *name, int line,
			   struct sn_buf **text)
{
	static const struct {
		const char *name;
		enum cx_field text, attr_field;
		const char *attr;  /* NULL: none */
	} defs[] = {
		{ "name", F_NAME, F_COUNT, NULL },
		{ "field", F_FIELD_NAME, F_FIELD_CODE, "code" },
		{ "level", F_LEVELS, F_COUNT, NULL },
		{ "time-limit", F_TIME_LIMIT, F_TIME_UNIT, "unit" },
		{ "fee", F_FEE, F_COUNT, NULL },
		{ "online-level", F_ONLINE_LEVEL, F_COUNT, NULL },
		{ "portal", F_PORTAL, F_COUNT, NULL },
		{ "legal-basis", F_LEGAL_BASIS, F_COUNT, NULL },
	};
	struct cx_reader *a = ctx;

	if (strcmp(name, "binding") == 0)
		return add_binding(a, r, line);
	for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++) {
		if (strcmp(name, defs[i].name) != 0)
			continue;
		if (defs[i].text == F_LEVELS && a->f[F_LEVELS].len > 0) {
			int rc = sn_xmlrec_append(r, &a->f[F_LEVELS], "; ", "<level>", line);
			if (rc != 0)
				return rc;
		}
		*text = &a->f[defs[i].text];
		if (!defs[i].attr)
			return 0;
		const struct sn_xmlrec_attr attr = { defs[i].attr, &a->f[defs[i].attr_field] };
		return sn_xmlrec_attrs(r, &attr, 1, line);
	}
	return 0;
}

/* At </procedure>: hands the finished record to the caller's callback. Returns its value. */
static int end_procedure(void *ctx, const char *pos)
{
	struct cx_reader *a = ctx;
	const char *portal = buf_trimmed(&a->f[F_PORTAL]);
	int yes = parse_boolean(portal);

	if (yes >= 0)
		portal = yes ? "yes" : "no";  /* else "" (absent), or what the schema should have
					       * refused, passed on for the importer to refuse */
	for (size_t i = 0; i < a->b.n; i++)
		a->b.v[i].agency = a->b.text.p + a->b.off[i];

	struct sn_procedure_rec rec = {
		.national_code = sn_buf_str(&a->f[F_NATIONAL_CODE]),
		.local_code = sn_buf_str(&a->f[F_LOCAL_CODE]),
		.name = sn_buf_str(&a->f[F_NAME]),
		.field_code = sn_buf_str(&a->f[F_FIELD_CODE]),
		.field_name = sn_buf_str(&a->f[F_FIELD_NAME]),
		.levels = sn_buf_str(&a->f[F_LEVELS]),
		.time_limit = buf_trimmed(&a->f[F_TIME_LIMIT]),
		.time_unit = sn_buf_str(&a->f[F_TIME_UNIT]),
		.fee = sn_buf_str(&a->f[F_FEE]),
		.online_level = sn_buf_str(&a->f[F_ONLINE_LEVEL]),
		.portal = portal,
		.legal_basis = sn_buf_str(&a->f[F_LEGAL_BASIS]),
		.bindings = a->b.n ? a->b.v : NULL,
		.nbindings = a->b.n,
	};
	return a->fn(a->ctx, &rec, pos);
}

int sn_catalog_xml_read(const char *path, sn_procedure_fn fn, void *ctx, char *err, size_t errlen)
{
	static const struct sn_xmlrec_format format = {
		.xsd_text = sn_xsd_catalog, .xsd_name = "catalog.xsd",
		.ns = CX_NS, .record = "procedure", .child_lines = 1,
		.begin = begin_procedure, .child = procedure_child, .end = end_procedure,
	};
	struct cx_reader a = { .fn = fn, .ctx = ctx };

	int rc = sn_xmlrec_read(path, &format, &a, err, errlen);
	for (int i = 0; i < F_COUNT; i++)
		sn_buf_release(&a.f[i]);
	free(a.b.v);
	free(a.b.off);
	sn_buf_release(&a.b.text);
	return rc;
}
