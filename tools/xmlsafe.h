/* xmlsafe.h - reading untrusted XML with libxml2: no DTD, no entities, no network.
 *
 * XML exchange files (agency registries, catalogs, edXML documents) come from outside. None of
 * our formats uses a DOCTYPE, so any document that declares one is refused before libxml2 sees
 * its internal subset: that stops external entities (a local file pulled into the output) and
 * entity-expansion bombs ("billion laughs") alike, whatever the libxml2 version does with them.
 */
#ifndef SN_XMLSAFE_H
#define SN_XMLSAFE_H

#include <stddef.h>
#include <stdio.h>
#include <libxml/xmlreader.h>
#include "strbuf.h"

/* Scans raw bytes of a document's prolog for "<!DOCTYPE", across successive buffers. Start with
 * a zeroed state; feed every buffer in order. Returns 1 as soon as a DOCTYPE is seen; after the
 * root element's start tag it returns 0 without looking further. Comments and processing
 * instructions are skipped whole, so a '<' inside one does not end the scan early. */
struct sn_prolog_scan {
	int done;   /* the root element has started */
	int state;  /* where in the prolog's markup the scan is (an enum in xmlsafe.c) */
	int match;  /* after "<!": characters of "DOCTYPE" matched so far (-1: one '-' seen) */
	int run;    /* in a comment: '-' run; in a processing instruction: last char was '?' */
};
int sn_prolog_has_doctype(struct sn_prolog_scan *s, const char *buf, size_t n);

/* Silences libxml2's generic error output (which goes to stderr, outside our messages); every
 * reader here reports errors through its own handler. sn_xml_open calls it; the XLSX reader too. */
void sn_xml_quiet(void);

/* A pull reader over a file, refusing DOCTYPEs, with NONET and libxml2's size limits on. */
typedef struct sn_xml sn_xml;

/* Opens PATH. On failure (a directory included) returns NULL with
 * "cannot open 'PATH': <strerror>" in err. */
sn_xml *sn_xml_open(const char *path, char *err, size_t errlen);

/* sn_xml_open, then validation against XSD_TEXT while reading. NULL with *status SN_IO (cannot
 * open; err says why) or SN_INTERNAL (the schema does not load: a bug, schemas are compiled in). */
sn_xml *sn_xml_open_schema(const char *path, const char *xsd_text, const char *xsd_name, char *err,
			   size_t errlen, int *status);

/* The libxml2 reader, for xmlTextReader* calls. */
xmlTextReaderPtr sn_xml_reader(sn_xml *x);

/* Advances the reader: 1 a node, 0 end, -1 error with the message in sn_xml_error() as
 * "PATH:LINE: what" (e.g. "a.xml:3: DOCTYPE refused (...)", "a.xml:7: Opening and ending tag
 * mismatch: ..."). Schema validation errors (xmlTextReaderSchemaValidate*) arrive here too. */
int sn_xml_read(sn_xml *x);

/* Validates while reading against the XSD given as text (compiled once per call). Returns 0, or
 * -1 with sn_xml_error() set. Call before the first sn_xml_read. */
int sn_xml_validate_with(sn_xml *x, const char *xsd_text, const char *xsd_name);

/* Line of the parser's position (for messages). */
int sn_xml_line(sn_xml *x);
/* Line of the reader's current node as libxml2 knows it: where its start tag ends, which is the
 * line of the start tag itself unless the tag spans lines. libxml2 stores node lines in 16 bits
 * (65535 meaning "that or later"), so past that it falls back to the parser's position, which
 * may run a few lines ahead of the node (the reader parses in chunks). */
int sn_xml_node_line(sn_xml *x);

/* The text of one field of a record being read: growable, NUL-terminated, capped at
 * SN_XML_MAX_VALUE bytes. The cap is far beyond any real name, fee or legal basis; it exists so
 * that a hostile file cannot make a reader copy megabytes per record (libxml2 itself caps a
 * text node at 10 MB, since XML_PARSE_HUGE is off). p stays NULL until something is appended. */
#define SN_XML_MAX_VALUE 65536
/* Appends N bytes of S. Returns 0, 1 when the value would exceed SN_XML_MAX_VALUE (V is left
 * unchanged), or -1 when out of memory. */
int sn_xml_value_append(struct sn_buf *v, const char *s, size_t n);
const char *sn_xml_error(const sn_xml *x);
/* 1 when the reader failed because the file could not be read (an I/O error), else 0. */
int sn_xml_read_failed(const sn_xml *x);
void sn_xml_close(sn_xml *x);

/* Exact lines of start tags, from a second, lightweight pass over a document's raw bytes.
 *
 * libxml2 keeps node line numbers in 16 bits, so past line 65535 it can only say "65535 or
 * later", and the parser's own position runs ahead of the node the reader hands us. Our files
 * grow past that size, and a message pointing a few lines off lands on the wrong record. So a
 * reader scans the file again, in step with sn_xml_read, for the start tags it cares about: the
 * k-th tag the scan reports is the k-th element the reader meets at those depths. This is safe
 * because the document has no DTD (sn_xml refuses one), so no entity can hide markup: the
 * elements are exactly the tags in the bytes. It only needs the ASCII delimiters, so it works
 * for UTF-8 and the 8-bit encodings; on anything else (a NUL byte: UTF-16 or -32) it gives up,
 * and the caller falls back to libxml2's line.
 *
 * Depth counts the elements open around a tag: the root is at 0, its children at 1 (records),
 * their children at 2. The fields are private to xmlsafe.c; the struct is public only so that a
 * caller can hold it without an allocation. */
struct sn_xml_lines {
	FILE *f;             /* NULL: given up (or never opened) */
	unsigned char buf[8192];
	size_t len, off;
	long line;           /* line of buf[off] */
	long tag_line;       /* line of the last '<' */
	int depth;           /* elements open at the scan position */
	int state;           /* where in the markup the scan is (an enum in xmlsafe.c) */
	unsigned char quote; /* the quote of the attribute value being skipped */
	int run;             /* in a start tag: last char was '/'; comment: '-' run; CDATA: ']'
			      * run; processing instruction: last char was '?' */
};

/* Starts a scan of PATH at its first byte. Returns 0, or -1 when the file cannot be opened, in
 * which case the scan has given up from the start (sn_xml_lines_next returns -1); a caller may
 * ignore the result, since the reader reports a file it cannot open itself. */
int sn_xml_lines_open(struct sn_xml_lines *s, const char *path);

/* Advances to the next start tag at a depth from 1 to MAX_DEPTH and returns the line of its
 * '<' (counting '\n' only, as libxml2 does), with that depth in *DEPTH when DEPTH is not NULL.
 * Tags at other depths are passed over, so a reader that wants only records asks for depth 1,
 * and one that also wants the records' children asks for 2 and checks *DEPTH against the node
 * it holds. Returns -1, and leaves *DEPTH alone, when the scan has given up or the file ends
 * first; from then on it keeps returning -1. Relies on the document being well-formed, which
 * libxml2 checks on the same bytes: the caller must compare the answer with what the reader
 * says and call sn_xml_lines_close as soon as they disagree. */
long sn_xml_lines_next(struct sn_xml_lines *s, int max_depth, int *depth);

/* Gives the scan up (closes the file). Safe to call more than once, and after a scan that
 * has given up by itself. */
void sn_xml_lines_close(struct sn_xml_lines *s);

#endif
