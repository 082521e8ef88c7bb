/* xmlrec.c - the record loop of our streaming XML readers (agxml.c, catxml.c): records under the
 * root, their child elements' text into bounded buffers, lines from the raw scan. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcodes.h"
#include "i18n.h"
#include "xmlsafe.h"
#include "xmlrec.h"
#include "banned.h"

struct sn_xmlrec {
	const char *path;
	const struct sn_xmlrec_format *fmt;
	sn_xml *x;
	xmlTextReaderPtr rd;
	struct sn_xml_lines lines;  /* at depth 1 (records), and 2 (their children) with
				     * child_lines, in document order, each checked against the
				     * reader's depth */
	char *pos;                  /* "PATH:LINE" for the end callback */
	size_t poslen;
	char *err;
	size_t errlen;
};

int sn_xmlrec_fail(struct sn_xmlrec *r, int status, int line, const char *fmt, ...)
{
	int n = snprintf(r->err, r->errlen, "%s:%d: ", r->path, line);
	if (n >= 0 && (size_t)n < r->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
		va_end(ap);
	}
	return status;
}

int sn_xmlrec_append(struct sn_xmlrec *r, struct sn_buf *b, const char *s, const char *what,
		     int line)
{
	int v = sn_xml_value_append(b, s, strlen(s));
	if (v == 1)
		return sn_xmlrec_fail(r, SN_DATA, line, _("%s longer than %d bytes"), what,
				      SN_XML_MAX_VALUE);
	if (v < 0)
		return sn_xmlrec_fail(r, SN_INTERNAL, line, "%s", _("out of memory"));
	return 0;
}

int sn_xmlrec_attrs(struct sn_xmlrec *r, const struct sn_xmlrec_attr *map, size_t n, int line)
{
	if (xmlTextReaderMoveToFirstAttribute(r->rd) != 1)
		return 0;
	int rc = 0;
	do {
		/* Namespace declarations come through as attributes in the xmlns namespace; ours
		 * are unqualified (attributeFormDefault="unqualified"). */
		if (xmlTextReaderConstNamespaceUri(r->rd) != NULL)
			continue;
		const char *ln = (const char *)xmlTextReaderConstLocalName(r->rd);
		const char *v = (const char *)xmlTextReaderConstValue(r->rd);
		if (!ln || !v)
			continue;
		for (size_t i = 0; i < n && rc == 0; i++) {
			if (strcmp(ln, map[i].name) == 0) {
				char what[80];
				snprintf(what, sizeof what, _("attribute %s"), map[i].name);
				rc = sn_xmlrec_append(r, map[i].value, v, what, line);
			}
		}
	} while (rc == 0 && xmlTextReaderMoveToNextAttribute(r->rd) == 1);
	xmlTextReaderMoveToElement(r->rd);
	return rc;
}

/* Line of the start tag of the current node, an element at DEPTH (1, or 2 with child_lines):
 * from the raw scan, checked against the reader's depth and against libxml2's line where that
 * one is exact (the scan cannot be later than the end of the tag); libxml2's line alone once the
 * scan has given up or disagrees. Must be called for every element at those depths, to stay in
 * step. */
static int tag_line(struct sn_xmlrec *r, int depth)
{
	int scan_depth = 0;
	long scan = sn_xml_lines_next(&r->lines, r->fmt->child_lines ? 2 : 1, &scan_depth);
	xmlNodePtr n = xmlTextReaderCurrentNode(r->rd);
	int exact = n && n->line > 0 && n->line < 65535 ? n->line : 0;

	if (scan > 0 && scan <= INT_MAX && scan_depth == depth && (!exact || scan <= exact))
		return (int)scan;
	sn_xml_lines_close(&r->lines);  /* out of step: do not trust it for later records either */
	return sn_xml_node_line(r->x);
}

/* Is the current node in our namespace? */
static int is_ours(struct sn_xmlrec *r)
{
	const xmlChar *ns = xmlTextReaderConstNamespaceUri(r->rd);
	return xmlTextReaderConstLocalName(r->rd) && ns &&
	       strcmp((const char *)ns, r->fmt->ns) == 0;
}

static int end_record(struct sn_xmlrec *r, int line, void *ctx)
{
	snprintf(r->pos, r->poslen, "%s:%d", r->path, line);
	return r->fmt->end(ctx, r->pos);
}

/* The read loop proper. Depths: 0 the root, 1 a record, 2 its child elements, 3 their text. */
static int read_all(struct sn_xmlrec *r, void *ctx)
{
	const struct sn_xmlrec_format *fmt = r->fmt;
	int in_record = 0, record_line = 0;
	struct sn_buf *text = NULL;  /* where the open child's text goes (NULL: nowhere) */
	int child_line = 0, line = 0;
	char what[80];               /* "<name>" of the open child, for the cap's message */
	int v;

	while ((v = sn_xml_read(r->x)) == 1) {
		int type = xmlTextReaderNodeType(r->rd);
		int depth = xmlTextReaderDepth(r->rd);
		int rc = 0;

		switch (type) {
		case XML_READER_TYPE_ELEMENT:
			if (depth == 1 || (depth == 2 && fmt->child_lines)) {
				/* every element at these depths, so the scan stays in step */
				line = tag_line(r, depth);
			}
			if (depth == 1 && is_ours(r) &&
			    strcmp((const char *)xmlTextReaderConstLocalName(r->rd),
				   fmt->record) == 0) {
				record_line = line;
				rc = fmt->begin(ctx, r, record_line);
				in_record = 1;
				text = NULL;
				if (rc == 0 && xmlTextReaderIsEmptyElement(r->rd) == 1) {
					in_record = 0;  /* <record/>: no end tag will come */
					rc = end_record(r, record_line, ctx);
				}
			} else if (depth == 2 && in_record) {
				text = NULL;
				if (!is_ours(r))
					break;
				child_line = fmt->child_lines ? line : sn_xml_node_line(r->x);
				const char *name = (const char *)xmlTextReaderConstLocalName(r->rd);
				snprintf(what, sizeof what, "<%s>", name);
				rc = fmt->child(ctx, r, name, child_line, &text);
				if (xmlTextReaderIsEmptyElement(r->rd) == 1)
					text = NULL;
			}
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_WHITESPACE:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
			/* text split by comments or CDATA sections is joined, as XML means it */
			if (in_record && text && depth == 3) {
				const char *s = (const char *)xmlTextReaderConstValue(r->rd);
				if (s)
					rc = sn_xmlrec_append(r, text, s, what, child_line);
			}
			break;
		case XML_READER_TYPE_END_ELEMENT:
			if (depth == 2) {
				text = NULL;
			} else if (depth == 1 && in_record) {
				in_record = 0;
				rc = end_record(r, record_line, ctx);
			}
			break;
		default:
			break;
		}
		if (rc != 0)
			return rc;
	}
	if (v < 0) {
		snprintf(r->err, r->errlen, "%s", sn_xml_error(r->x));
		return SN_DATA;
	}
	return 0;
}

int sn_xmlrec_read(const char *path, const struct sn_xmlrec_format *fmt, void *ctx, char *err,
		   size_t errlen)
{
	struct sn_xmlrec r = { .path = path, .fmt = fmt, .err = err, .errlen = errlen };
	int rc;

	if (errlen > 0)
		err[0] = '\0';
	r.x = sn_xml_open_schema(path, fmt->xsd_text, fmt->xsd_name, err, errlen, &rc);
	if (!r.x)
		return rc;
	r.rd = sn_xml_reader(r.x);
	r.poslen = strlen(path) + 16;  /* ":" + up to 10 digits + NUL */
	r.pos = malloc(r.poslen);
	if (!r.pos) {
		snprintf(err, errlen, "%s", _("out of memory"));
		sn_xml_close(r.x);
		return SN_INTERNAL;
	}
	(void)sn_xml_lines_open(&r.lines, path);  /* if it fails, libxml2's lines serve */
	rc = read_all(&r, ctx);
	sn_xml_lines_close(&r.lines);
	free(r.pos);
	sn_xml_close(r.x);
	return rc;
}
