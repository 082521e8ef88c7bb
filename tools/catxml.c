/* catxml.c - reading procedure catalogs in our XML format (schema/catalog.xsd).
 *
 * The catalog is streamed with the safe reader (tools/xmlsafe.h) and validated against the
 * embedded schema as it goes, so a catalog of any size is read in bounded memory: only the
 * current <procedure> record is held, each of its values capped at SN_XML_MAX_VALUE bytes and its
 * bindings at SN_MAX_BINDINGS. A record reaches the callback at its end tag, once libxml2 has
 * validated the whole element.
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
 * Record positions, and the lines of our own messages about a record's child elements, come
 * from a light second pass over the raw bytes (struct sn_xml_lines), which agxml.c also uses but
 * here taken one level deeper, since libxml2's node lines stop at 65535 and a procedure alone
 * may run to 100000.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "exitcodes.h"
#include "xmlsafe.h"
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
	char *text;
	size_t len, textcap;
};

struct cx_reader {
	const char *path;
	sn_xml *x;
	xmlTextReaderPtr rd;
	struct sn_xml_lines lines;  /* at depths 1 and 2, in document order: the records and their
				     * children, each checked against the reader's depth */
	struct sn_buf f[F_COUNT];
	struct cx_bindings b;
	char *pos;        /* "PATH:LINE" for the callback */
	size_t poslen;
	char *err;
	size_t errlen;
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

/* Line of the start tag of the current node, an element at depth 1 or 2: from the raw scan,
 * checked against the reader's depth and against libxml2's line where that one is exact (the
 * scan cannot be later than the end of the tag); libxml2's line alone once the scan has given
 * up or disagrees. Must be called for every element at those depths, to stay in step. */
static int tag_line(struct cx_reader *a, int depth)
{
	int scan_depth = 0;
	long scan = sn_xml_lines_next(&a->lines, 2, &scan_depth);
	xmlNodePtr n = xmlTextReaderCurrentNode(a->rd);
	int exact = n && n->line > 0 && n->line < 65535 ? n->line : 0;

	if (scan > 0 && scan <= INT_MAX && scan_depth == depth && (!exact || scan <= exact))
		return (int)scan;
	sn_xml_lines_close(&a->lines);  /* out of step: do not trust it for later records either */
	return sn_xml_node_line(a->x);
}

/* Is the current node LOCALNAME in our namespace? */
static int is_ours(struct cx_reader *a, const char *localname)
{
	const xmlChar *ln = xmlTextReaderConstLocalName(a->rd);
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(a->rd);
	return ln && ns && strcmp((const char *)ln, localname) == 0 &&
	       strcmp((const char *)ns, CX_NS) == 0;
}

/* An attribute of the current element that a record keeps. */
struct cx_attr {
	const char *name, *what;
	enum cx_field f;
};

/* The child elements of <procedure>: the field their text fills (-1: none), and the attribute
 * they carry into which field (NULL: none). */
enum cx_child { C_NAME, C_FIELD, C_LEVEL, C_TIME_LIMIT, C_FEE, C_ONLINE_LEVEL, C_PORTAL,
		C_LEGAL_BASIS, C_BINDING, C_COUNT };

struct cx_child_def {
	const char *name, *what;
	int text_field;
	struct cx_attr attr;  /* name NULL: none */
};

static const struct cx_child_def *child_def(enum cx_child c)
{
	static const struct cx_child_def defs[C_COUNT] = {
		[C_NAME] = { "name", "<name>", F_NAME, { NULL, NULL, F_COUNT } },
		[C_FIELD] = { "field", "<field>", F_FIELD_NAME,
			      { "code", "attribute code", F_FIELD_CODE } },
		[C_LEVEL] = { "level", "<level>", F_LEVELS, { NULL, NULL, F_COUNT } },
		[C_TIME_LIMIT] = { "time-limit", "<time-limit>", F_TIME_LIMIT,
				   { "unit", "attribute unit", F_TIME_UNIT } },
		[C_FEE] = { "fee", "<fee>", F_FEE, { NULL, NULL, F_COUNT } },
		[C_ONLINE_LEVEL] = { "online-level", "<online-level>", F_ONLINE_LEVEL,
				     { NULL, NULL, F_COUNT } },
		[C_PORTAL] = { "portal", "<portal>", F_PORTAL, { NULL, NULL, F_COUNT } },
		[C_LEGAL_BASIS] = { "legal-basis", "<legal-basis>", F_LEGAL_BASIS,
				    { NULL, NULL, F_COUNT } },
		[C_BINDING] = { "binding", "<binding>", -1, { NULL, NULL, F_COUNT } },
	};
	return &defs[c];
}

/* Which child of <procedure> the current element is, or -1 for one we do not know (the schema
 * has refused those already; ignoring is the safe default should it ever let one through). */
static int which_child(struct cx_reader *a)
{
	for (int c = 0; c < C_COUNT; c++)
		if (is_ours(a, child_def((enum cx_child)c)->name))
			return c;
	return -1;
}

/* Appends text to field F, reporting "PATH:LINE: WHAT longer than 65536 bytes" or "out of
 * memory" in a->err. Returns 0 or the exit status to return. */
static int add_value(struct cx_reader *a, enum cx_field f, const char *s, const char *what,
		     int line)
{
	int r = sn_xml_value_append(&a->f[f], s, strlen(s));
	if (r == 1) {
		snprintf(a->err, a->errlen, "%s:%d: %s longer than %d bytes", a->path, line, what,
			 SN_XML_MAX_VALUE);
		return SN_DATA;
	}
	if (r < 0) {
		snprintf(a->err, a->errlen, "%s:%d: out of memory", a->path, line);
		return SN_INTERNAL;
	}
	return 0;
}

/* Takes the attributes of the current element listed in MAP (N of them) into their fields.
 * Returns 0 or an exit status with a->err set. */
static int take_attrs(struct cx_reader *a, const struct cx_attr *map, size_t n, int line)
{
	if (xmlTextReaderMoveToFirstAttribute(a->rd) != 1)
		return 0;
	int rc = 0;
	do {
		/* Namespace declarations come through as attributes in the xmlns namespace; ours
		 * are unqualified (attributeFormDefault="unqualified"). */
		if (xmlTextReaderConstNamespaceUri(a->rd) != NULL)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(a->rd);
		const char *v = (const char *)xmlTextReaderConstValue(a->rd);
		if (!ln || !v)
			continue;
		for (size_t i = 0; i < n; i++)
			if (strcmp(ln, map[i].name) == 0)
				rc = add_value(a, map[i].f, v, map[i].what, line);
	} while (rc == 0 && xmlTextReaderMoveToNextAttribute(a->rd) == 1);
	xmlTextReaderMoveToElement(a->rd);
	return rc;
}

/* Starts a record at the current <procedure> element: clears the fields and bindings and takes
 * the code attributes. Returns 0 or an exit status with a->err set. */
static int begin_procedure(struct cx_reader *a, int line)
{
	static const struct cx_attr attrs[] = {
		{ "national-code", "attribute national-code", F_NATIONAL_CODE },
		{ "local-code", "attribute local-code", F_LOCAL_CODE },
	};

	for (int i = 0; i < F_COUNT; i++)
		sn_buf_reset(&a->f[i]);
	a->b.n = 0;
	a->b.len = 0;
	return take_attrs(a, attrs, sizeof attrs / sizeof attrs[0], line);
}

/* Starts child element D of <procedure> (not <binding>): takes its attribute, and for a second
 * or third <level> puts the separator in. Returns 0 or an exit status with a->err set. */
static int begin_child(struct cx_reader *a, const struct cx_child_def *d, int line)
{
	if (d->text_field == F_LEVELS && a->f[F_LEVELS].len > 0) {
		int rc = add_value(a, F_LEVELS, "; ", d->what, line);
		if (rc != 0)
			return rc;
	}
	return d->attr.name ? take_attrs(a, &d->attr, 1, line) : 0;
}

/* Adds the current <binding> to the record. Returns 0 or an exit status with a->err set. */
static int add_binding(struct cx_reader *a, int line, int procedure_line)
{
	static const struct cx_attr attrs[] = {
		{ "agency", "attribute agency", F_BIND_AGENCY },
		{ "receives-online", "attribute receives-online", F_BIND_ONLINE },
	};
	struct cx_bindings *b = &a->b;
	int rc;

	if (b->n == SN_MAX_BINDINGS) {
		snprintf(a->err, a->errlen,
			 "%s:%d: more than %d <binding> elements in the <procedure> of line %d",
			 a->path, line, SN_MAX_BINDINGS, procedure_line);
		return SN_DATA;
	}
	sn_buf_reset(&a->f[F_BIND_AGENCY]);
	sn_buf_reset(&a->f[F_BIND_ONLINE]);
	rc = take_attrs(a, attrs, sizeof attrs / sizeof attrs[0], line);
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
	size_t n = a->f[F_BIND_AGENCY].len;
	if (b->len + n + 1 > b->textcap) {
		size_t cap = b->textcap ? b->textcap : 1024;
		while (cap < b->len + n + 1) {
			if (cap > SIZE_MAX / 2)
				goto nomem;
			cap *= 2;
		}
		char *t = realloc(b->text, cap);
		if (!t)
			goto nomem;
		b->text = t;
		b->textcap = cap;
	}
	memcpy(b->text + b->len, sn_buf_str(&a->f[F_BIND_AGENCY]), n + 1);
	b->off[b->n] = b->len;
	/* the schema's default (false), which the streaming validator does not fill in */
	b->v[b->n].agency = NULL;
	b->v[b->n].online = parse_boolean(buf_trimmed(&a->f[F_BIND_ONLINE])) == 1;
	b->len += n + 1;
	b->n++;
	return 0;

nomem:
	snprintf(a->err, a->errlen, "%s:%d: out of memory", a->path, line);
	return SN_INTERNAL;
}

/* Hands the finished record to FN. Returns FN's value. */
static int emit(struct cx_reader *a, int line, sn_procedure_fn fn, void *ctx)
{
	const char *portal = buf_trimmed(&a->f[F_PORTAL]);
	int yes = parse_boolean(portal);

	if (yes >= 0)
		portal = yes ? "yes" : "no";  /* else "" (absent), or what the schema should have
					       * refused, passed on for the importer to refuse */
	for (size_t i = 0; i < a->b.n; i++)
		a->b.v[i].agency = a->b.text + a->b.off[i];

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
	snprintf(a->pos, a->poslen, "%s:%d", a->path, line);
	return fn(ctx, &rec, a->pos);
}

/* The read loop proper. Depths: 0 <catalog>, 1 <procedure>, 2 its child elements, 3 their
 * text. A record is emitted at </procedure>: by then libxml2 has validated the whole element
 * (content model and values), so the callback never sees a record the schema refuses. */
static int read_all(struct cx_reader *a, sn_procedure_fn fn, void *ctx)
{
	int in_procedure = 0, procedure_line = 0;
	const struct cx_child_def *child = NULL;  /* the open child whose text we keep */
	int child_line = 0, line = 0;
	int r;

	while ((r = sn_xml_read(a->x)) == 1) {
		int type = xmlTextReaderNodeType(a->rd);
		int depth = xmlTextReaderDepth(a->rd);
		int rc = 0;

		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			if (depth == 1 || depth == 2) {
				/* every element at these depths, so the scan stays in step */
				line = tag_line(a, depth);
			}
			if (depth == 1 && is_ours(a, "procedure")) {
				procedure_line = line;
				rc = begin_procedure(a, procedure_line);
				in_procedure = 1;
				child = NULL;
				if (rc == 0 && xmlTextReaderIsEmptyElement(a->rd) == 1) {
					in_procedure = 0;  /* <procedure/>: no end tag will come */
					rc = emit(a, procedure_line, fn, ctx);
				}
			} else if (depth == 2 && in_procedure) {
				int c = which_child(a);
				child = NULL;
				if (c < 0)
					break;
				child_line = line;
				if (c == C_BINDING) {
					rc = add_binding(a, child_line, procedure_line);
					break;
				}
				rc = begin_child(a, child_def((enum cx_child)c), child_line);
				if (xmlTextReaderIsEmptyElement(a->rd) != 1)
					child = child_def((enum cx_child)c);
			}
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			/* text split by comments or CDATA sections is joined, as XML means it */
			if (in_procedure && child && child->text_field >= 0 && depth == 3) {
				const char *v = (const char *)xmlTextReaderConstValue(a->rd);
				if (v)
					rc = add_value(a, (enum cx_field)child->text_field, v,
						       child->what, child_line);
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (depth == 2) {
				child = NULL;
			} else if (depth == 1 && in_procedure) {
				in_procedure = 0;
				rc = emit(a, procedure_line, fn, ctx);
			}
			break;
		default:
			break;
		}
		if (rc != 0)
			return rc;
	}
	if (r < 0) {
		snprintf(a->err, a->errlen, "%s", sn_xml_error(a->x));
		return SN_DATA;
	}
	return 0;
}

int sn_catalog_xml_read(const char *path, sn_procedure_fn fn, void *ctx, char *err, size_t errlen)
{
	struct cx_reader a = { .path = path, .err = err, .errlen = errlen };
	int rc;

	if (errlen > 0)
		err[0] = '\0';
	a.x = sn_xml_open_schema(path, sn_xsd_catalog, "catalog.xsd", err, errlen, &rc);
	if (!a.x)
		return rc;
	a.rd = sn_xml_reader(a.x);
	a.poslen = strlen(path) + 16;  /* ":" + up to 10 digits + NUL */
	a.pos = malloc(a.poslen);
	if (!a.pos) {
		snprintf(err, errlen, "out of memory");
		sn_xml_close(a.x);
		return SN_INTERNAL;
	}
	(void)sn_xml_lines_open(&a.lines, path);  /* if it fails, libxml2's lines serve */
	rc = read_all(&a, fn, ctx);
	sn_xml_lines_close(&a.lines);
	for (int i = 0; i < F_COUNT; i++)
		sn_buf_release(&a.f[i]);
	free(a.b.v);
	free(a.b.off);
	free(a.b.text);
	free(a.pos);
	sn_xml_close(a.x);
	return rc;
}
