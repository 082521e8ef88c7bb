/* xmlrec.h - one streaming reader for our record-oriented XML formats (an agency registry, a
 * procedure catalog): a root element holding records, each record a flat list of child elements.
 *
 * The file is opened with the safe reader (tools/xmlsafe.h: DOCTYPE refused, no network) and
 * validated against a schema as it streams, so a file of any size is read in bounded memory.
 * The reader walks the records named RECORD (in namespace NS) under the root and calls the
 * format's callbacks: at a record's start tag, at each of its child elements in our namespace,
 * and at its end tag (by then libxml2 has validated the whole element, so the format never sees
 * a record the schema refuses). The format keeps the record's values in buffers of its own and
 * says at each child which buffer, if any, the child's text goes into; the reader appends it
 * there as it streams, capped at SN_XML_MAX_VALUE bytes per buffer (text split by comments or
 * CDATA sections is joined, as XML means it). A repeated child (the bindings of a procedure) is
 * a list the format builds in its child callback, from the attributes it takes there.
 *
 * Lines: a record's line is the line of its start tag, from a light second pass over the raw
 * bytes (struct sn_xml_lines), since libxml2's node lines stop at 65535; with CHILD_LINES set,
 * its children's lines come from that pass too, else from libxml2 (sn_xml_node_line).
 *
 * Errors are written to the caller's err buffer as "PATH:LINE: what"; every function that can
 * fail returns 0 or the exit status (exitcodes.h) to return. */
#ifndef SN_XMLREC_H
#define SN_XMLREC_H

#include <stddef.h>
#include "strbuf.h"

struct sn_xmlrec;

struct sn_xmlrec_format {
	const char *xsd_text, *xsd_name;  /* the schema, compiled in (embedded.h) */
	const char *ns;                   /* the namespace of our elements */
	const char *record;               /* the local name of a record */
	int child_lines;                  /* children's lines from the raw scan (else libxml2's) */

	/* At a record's start tag at LINE: clear the record, take its attributes
	 * (sn_xmlrec_attrs). */
	int (*begin)(void *ctx, struct sn_xmlrec *r, int line);
	/* At child element NAME of the record (empty or not) at LINE: take its attributes, and
	 * set *TEXT to the buffer its text appends to (it is NULL on entry: text ignored). */
	int (*child)(void *ctx, struct sn_xmlrec *r, const char *name, int line,
		     struct sn_buf **text);
	/* At the record's end tag (or its empty start tag), with its position "PATH:LINE". The
	 * record's values live until the next begin. A non-zero return stops the reader and is
	 * returned as it is. */
	int (*end)(void *ctx, const char *pos);
};

/* Reads PATH, calling FMT's callbacks with CTX. Returns 0; SN_DATA with "PATH:LINE: what" in
 * err (malformed, refused, invalid against the schema, a value over the cap); SN_IO when the
 * file cannot be opened; SN_INTERNAL (out of memory, the schema does not load); or what a
 * callback returned. err is empty when the file was read whole. */
int sn_xmlrec_read(const char *path, const struct sn_xmlrec_format *fmt, void *ctx, char *err,
		   size_t errlen);

/* For the callbacks. */

/* An attribute of the current element that the record keeps, and where its value goes. */
struct sn_xmlrec_attr {
	const char *name;
	struct sn_buf *value;
};

/* Appends the values of the current element's attributes listed in MAP (N of them; unqualified
 * names) to their buffers, reporting "PATH:LINE: attribute NAME longer than 65536 bytes". */
int sn_xmlrec_attrs(struct sn_xmlrec *r, const struct sn_xmlrec_attr *map, size_t n, int line);

/* Appends S to B, capped at SN_XML_MAX_VALUE: "PATH:LINE: WHAT longer than 65536 bytes" (SN_DATA)
 * or "PATH:LINE: out of memory" (SN_INTERNAL). */
int sn_xmlrec_append(struct sn_xmlrec *r, struct sn_buf *b, const char *s, const char *what,
		     int line);

/* Writes "PATH:LINE: " and the message to the caller's err buffer; returns STATUS. */
int sn_xmlrec_fail(struct sn_xmlrec *r, int status, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
