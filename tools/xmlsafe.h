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
#include <libxml/xmlreader.h>

/* Scans raw bytes of a document's prolog for "<!DOCTYPE", across successive buffers. Start with
 * a zeroed state; feed every buffer in order. Returns 1 as soon as a DOCTYPE is seen; after the
 * root element's start tag it returns 0 without looking further. */
struct sn_prolog_scan {
	int done;   /* the root element has started */
	int match;  /* characters of "<!DOCTYPE" matched so far */
};
int sn_prolog_has_doctype(struct sn_prolog_scan *s, const char *buf, size_t n);

/* A pull reader over a file, refusing DOCTYPEs, with NONET and libxml2's size limits on. */
typedef struct sn_xml sn_xml;

/* Opens PATH. On failure returns NULL with "cannot open 'PATH': <strerror>" in err. */
sn_xml *sn_xml_open(const char *path, char *err, size_t errlen);

/* The libxml2 reader, for xmlTextReader* calls. */
xmlTextReaderPtr sn_xml_reader(sn_xml *x);

/* Advances the reader: 1 a node, 0 end, -1 error with the message in sn_xml_error() as
 * "PATH:LINE: what" (e.g. "a.xml:3: DOCTYPE refused (...)", "a.xml:7: Opening and ending tag
 * mismatch: ..."). Schema validation errors (xmlTextReaderSchemaValidate*) arrive here too. */
int sn_xml_read(sn_xml *x);

/* Validates while reading against the XSD given as text (compiled once per call). Returns 0, or
 * -1 with sn_xml_error() set. Call before the first sn_xml_read. */
int sn_xml_validate_with(sn_xml *x, const char *xsd_text, const char *xsd_name);

/* Line of the current node (for messages). */
int sn_xml_line(sn_xml *x);
const char *sn_xml_error(const sn_xml *x);
void sn_xml_close(sn_xml *x);

#endif
