/* agxml.c - reading agency registries in our XML format (schema/agencies.xsd), and the text
 * forms of agency kinds.
 *
 * The registry is streamed with the safe reader (tools/xmlsafe.h) and validated against the
 * embedded schema as it goes, so a registry of any size is read in bounded memory: only the
 * current <agency> record is held, each of its values capped at SN_XML_MAX_VALUE bytes. Values are
 * handed over as written (white space included): cleaning and checking codes is the importer's
 * job, so that the CSV and XML paths share one set of rules. Record positions come from a light
 * second pass over the raw bytes (struct sn_xml_lines), since libxml2's node lines stop at 65535.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agency.h"
#include "exitcodes.h"
#include "xmlsafe.h"
#include "embedded.h"
#include "banned.h"

#define AG_NS "urn:sapnhap:agencies:1"

/* ---- kinds ---- */

const char *sn_agency_kind_name(enum sn_agency_kind k)
{
	switch (k) {
#define X(id, text) \
	case SN_KIND_##id: \
		return text;
		SN_AGENCY_KINDS
#undef X
	case SN_KIND_COUNT:
		break;
	}
	return NULL;  /* not a kind: the caller passed a value that no parse produced */
}

int sn_agency_kind_parse(const char *s)
{
	if (!s)
		return -1;
#define X(id, text) \
	if (strcmp(s, text) == 0) \
		return SN_KIND_##id;
	SN_AGENCY_KINDS
#undef X
	return -1;
}

/* ---- the XML reader ---- */

/* The fields of one record, in the order of struct sn_agency_rec. */
enum ag_field { F_CODE, F_NAME, F_KIND, F_PARENT, F_UNIT, F_ADDRESS, F_PHONE, F_EMAIL, F_STATUS,
		F_COUNT };

struct ag_reader {
	const char *path;
	sn_xml *x;
	xmlTextReaderPtr rd;
	struct sn_xml_lines lines;  /* at depth 1: the k-th tag is the k-th record */
	struct sn_buf f[F_COUNT];
	char *pos;        /* "PATH:LINE" for the callback */
	size_t poslen;
	char *err;
	size_t errlen;
};

/* Line of the start tag of the current node, a child of the root: from the raw scan, checked
 * against libxml2's line where that one is exact (the scan cannot be later than the end of the
 * tag); libxml2's line alone once the scan has given up or disagrees. */
static int record_line(struct ag_reader *a)
{
	long scan = sn_xml_lines_next(&a->lines, 1, NULL);
	xmlNodePtr n = xmlTextReaderCurrentNode(a->rd);
	int exact = n && n->line > 0 && n->line < 65535 ? n->line : 0;

	if (scan > 0 && scan <= INT_MAX && (!exact || scan <= exact))
		return (int)scan;
	sn_xml_lines_close(&a->lines);  /* out of step: do not trust it for later records either */
	return sn_xml_node_line(a->x);
}

/* Is the current node LOCALNAME in our namespace? */
static int is_ours(struct ag_reader *a, const char *localname)
{
	const xmlChar *ln = xmlTextReaderConstLocalName(a->rd);
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(a->rd);
	return ln && ns && strcmp((const char *)ln, localname) == 0 &&
	       strcmp((const char *)ns, AG_NS) == 0;
}

/* The record field a child element of <agency> fills, or -1 for one we do not know (the schema
 * has refused those already; ignoring is the safe default should it ever let one through). */
static int child_field(struct ag_reader *a)
{
	static const struct {
		const char *name;
		enum ag_field f;
	} map[] = {
		{ "name", F_NAME }, { "parent", F_PARENT }, { "unit", F_UNIT },
		{ "address", F_ADDRESS }, { "phone", F_PHONE }, { "email", F_EMAIL },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (is_ours(a, map[i].name))
			return (int)map[i].f;
	return -1;
}

/* Appends text to field F, reporting "PATH:LINE: WHAT longer than 65536 bytes" or "out of
 * memory" in a->err. Returns 0 or the exit status to return. */
static int add_value(struct ag_reader *a, enum ag_field f, const xmlChar *s, const char *what,
		     int line)
{
	int r = sn_xml_value_append(&a->f[f], (const char *)s, strlen((const char *)s));
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

/* Starts a record at the current <agency> element: clears the fields and takes the code, kind
 * and status attributes. Returns 0 or an exit status with a->err set. */
static int begin_agency(struct ag_reader *a, int line)
{
	for (int i = 0; i < F_COUNT; i++) {
		sn_buf_reset(&a->f[i]);
	}
	if (xmlTextReaderMoveToFirstAttribute(a->rd) != 1)
		return 0;
	int rc = 0;
	do {
		/* Namespace declarations come through as attributes in the xmlns namespace; ours
		 * are unqualified (attributeFormDefault="unqualified"). */
		if (xmlTextReaderConstNamespaceUri(a->rd) != NULL)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(a->rd);
		const xmlChar *v = xmlTextReaderConstValue(a->rd);
		if (!ln || !v)
			continue;
		if (strcmp(ln, "code") == 0)
			rc = add_value(a, F_CODE, v, "attribute code", line);
		else if (strcmp(ln, "kind") == 0)
			rc = add_value(a, F_KIND, v, "attribute kind", line);
		else if (strcmp(ln, "status") == 0)
			rc = add_value(a, F_STATUS, v, "attribute status", line);
	} while (rc == 0 && xmlTextReaderMoveToNextAttribute(a->rd) == 1);
	xmlTextReaderMoveToElement(a->rd);
	return rc;
}

/* Hands the finished record to FN. Returns FN's value. */
static int emit(struct ag_reader *a, int line, sn_agency_fn fn, void *ctx)
{
	struct sn_agency_rec rec = {
		.code = sn_buf_str(&a->f[F_CODE]),
		.name = sn_buf_str(&a->f[F_NAME]),
		.kind = sn_buf_str(&a->f[F_KIND]),
		.parent_code = sn_buf_str(&a->f[F_PARENT]),
		.unit_code = sn_buf_str(&a->f[F_UNIT]),
		.address = sn_buf_str(&a->f[F_ADDRESS]),
		.phone = sn_buf_str(&a->f[F_PHONE]),
		.email = sn_buf_str(&a->f[F_EMAIL]),
		/* the schema's default, which the streaming validator does not fill in */
		.status = a->f[F_STATUS].len ? a->f[F_STATUS].p : "active",
	};
	snprintf(a->pos, a->poslen, "%s:%d", a->path, line);
	return fn(ctx, &rec, a->pos);
}

/* The read loop proper. Depths: 0 <agencies>, 1 <agency>, 2 its child elements, 3 their text.
 * A record is emitted at </agency>: by then libxml2 has validated the whole element (content
 * model and values), so the callback never sees a record the schema refuses. */
static int read_all(struct ag_reader *a, sn_agency_fn fn, void *ctx)
{
	int in_agency = 0, agency_line = 0;
	int field = -1, field_line = 0;
	char what[32];
	int r;

	while ((r = sn_xml_read(a->x)) == 1) {
		int type = xmlTextReaderNodeType(a->rd);
		int depth = xmlTextReaderDepth(a->rd);
		int rc = 0;

		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			if (depth == 1) {
				/* every child of the root, so the scan stays in step */
				agency_line = record_line(a);
			}
			if (depth == 1 && is_ours(a, "agency")) {
				rc = begin_agency(a, agency_line);
				in_agency = 1;
				field = -1;
				if (rc == 0 && xmlTextReaderIsEmptyElement(a->rd) == 1) {
					in_agency = 0;  /* <agency/>: no end tag will come */
					rc = emit(a, agency_line, fn, ctx);
				}
			} else if (depth == 2 && in_agency) {
				field = child_field(a);
				field_line = sn_xml_node_line(a->x);
				snprintf(what, sizeof what, "<%s>",
					 (const char *)xmlTextReaderConstLocalName(a->rd));
				if (xmlTextReaderIsEmptyElement(a->rd) == 1)
					field = -1;
			}
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			/* text split by comments or CDATA sections is joined, as XML means it */
			if (in_agency && field >= 0 && depth == 3) {
				const xmlChar *v = xmlTextReaderConstValue(a->rd);
				if (v)
					rc = add_value(a, (enum ag_field)field, v, what, field_line);
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (depth == 2) {
				field = -1;
			} else if (depth == 1 && in_agency) {
				in_agency = 0;
				rc = emit(a, agency_line, fn, ctx);
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

int sn_agency_xml_read(const char *path, sn_agency_fn fn, void *ctx, char *err, size_t errlen)
{
	struct ag_reader a = { .path = path, .err = err, .errlen = errlen };
	int rc;

	if (errlen > 0)
		err[0] = '\0';
	a.x = sn_xml_open_schema(path, sn_xsd_agencies, "agencies.xsd", err, errlen, &rc);
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
	free(a.pos);
	sn_xml_close(a.x);
	return rc;
}
