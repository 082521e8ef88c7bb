/* xmlsafe.c - untrusted XML through libxml2: DOCTYPE refused on the raw bytes, errors kept with
 * their line instead of printed to stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/xmlschemas.h>
#include "exitcodes.h"
#include "xmlsafe.h"
#include "i18n.h"
#include "banned.h"

/* The prolog scanner's states: outside markup, just after '<', after "<!", inside a comment,
 * inside a processing instruction (or the XML declaration), inside other "<!...>" markup. */
enum { PS_TEXT, PS_LT, PS_BANG, PS_COMMENT, PS_PI, PS_DECL };

int sn_prolog_has_doctype(struct sn_prolog_scan *s, const char *buf, size_t n)
{
	static const char pat[] = "DOCTYPE";
	for (size_t i = 0; i < n && !s->done; i++) {
		char c = buf[i];
		switch (s->state) {
		case PS_TEXT:
			if (c == '<')
				s->state = PS_LT;
			break;
		case PS_LT:
			if (c == '!') {
				s->state = PS_BANG;
				s->match = 0;
			} else if (c == '?') {
				s->state = PS_PI;
				s->run = 0;
			} else {
				/* The root element's start tag (or not well-formed, which the parser
				 * reports): a DOCTYPE can only come before it. */
				s->done = 1;
			}
			break;
		case PS_BANG:
			/* "<!--" opens a comment; "<!DOCTYPE" (any case) is what we refuse. */
			if (s->match == 0 && c == '-') {
				s->match = -1;
			} else if (s->match == -1) {
				s->state = c == '-' ? PS_COMMENT : PS_DECL;
				s->run = 0;
			} else if ((c & ~0x20) == pat[s->match]) {
				if (++s->match == (int)sizeof pat - 1)
					return 1;
			} else {
				s->state = c == '>' ? PS_TEXT : PS_DECL;
			}
			break;
		case PS_COMMENT:
			/* Ends at "-->"; a '<' inside is text. */
			if (c == '>' && s->run >= 2)
				s->state = PS_TEXT;
			s->run = c == '-' ? s->run + 1 : 0;
			break;
		case PS_PI:
			if (c == '>' && s->run)
				s->state = PS_TEXT;
			s->run = c == '?';
			break;
		case PS_DECL:
			if (c == '>')
				s->state = PS_TEXT;
			break;
		}
	}
	return 0;
}

struct sn_xml {
	char *path;
	FILE *f;
	xmlTextReaderPtr rd;
	xmlSchemaPtr schema;
	struct sn_prolog_scan scan;
	int io_failed;
	int eof;               /* the whole file has been read */
	char io_msg[400];
	int read_failed;      /* io_failed by a read error (not a refused DOCTYPE) */
	int err_line;
	char err_msg[300];
	char msg[1200];
};

static int io_read(void *ctx, char *buf, int len)
{
	sn_xml *x = ctx;
	if (x->io_failed)
		return -1;
	size_t n = fread(buf, 1, (size_t)len, x->f);
	if (n == 0 && ferror(x->f)) {
		x->io_failed = 1;
		x->read_failed = 1;
		snprintf(x->io_msg, sizeof x->io_msg, _("read error: %s"), sn_strerror(errno));
		return -1;
	}
	if (n == 0)
		x->eof = 1;
	if (sn_prolog_has_doctype(&x->scan, buf, n)) {
		x->io_failed = 1;
		snprintf(x->io_msg, sizeof x->io_msg, "%s",
			 _("DOCTYPE refused (our XML formats never declare one; entities could be an attack)"));
		return -1;
	}
	return (int)n;
}

static int io_close(void *ctx)
{
	(void)ctx;
	return 0;
}

static void on_error(void *arg, xmlErrorPtr e)
{
	sn_xml *x = arg;
	if (!e || e->level < XML_ERR_ERROR || x->err_msg[0])
		return;  /* keep the first error: later ones are usually its consequences */
	x->err_line = e->line;
	snprintf(x->err_msg, sizeof x->err_msg, "%s", e->message ? e->message : _("XML error"));
	for (char *c = x->err_msg; *c; c++)
		if (*c == '\n' || *c == '\r')
			*c = ' ';
	size_t n = strlen(x->err_msg);
	while (n > 0 && x->err_msg[n - 1] == ' ')
		x->err_msg[--n] = '\0';
}

/* libxml2 prints some messages through its generic handler, straight to stderr ("Unimplemented
 * block at xmlschemas.c:...", found by fuzzing a damaged registry): they are not ours to show,
 * and the reader's own error handler reports the failure with its position. */
static void generic_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx, (void)msg;
}

void sn_xml_quiet(void)
{
	xmlSetGenericErrorFunc(NULL, generic_quiet);
}

sn_xml *sn_xml_open(const char *path, char *err, size_t errlen)
{
	sn_xml_quiet();
	sn_xml *x = calloc(1, sizeof *x);
	if (!x || !(x->path = strdup(path))) {
		free(x);
		snprintf(err, errlen, "%s", _("out of memory"));
		return NULL;
	}
	/* fopen() accepts a directory and only reading fails: say so the way a failed open does. */
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(EISDIR));
		sn_xml_close(x);
		return NULL;
	}
	x->f = fopen(path, "rb");
	if (!x->f) {
		snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(errno));
		sn_xml_close(x);
		return NULL;
	}
	/* No NOENT, DTDLOAD, DTDATTR or HUGE: entities are never substituted, nothing external is
	 * loaded, and libxml2's own limits stay on. */
	xmlResetLastError();
	x->rd = xmlReaderForIO(io_read, io_close, x, path, NULL, XML_PARSE_NONET);
	if (!x->rd) {
		snprintf(err, errlen, "%s", _("out of memory"));
		sn_xml_close(x);
		return NULL;
	}
	xmlTextReaderSetStructuredErrorHandler(x->rd, on_error, x);
	return x;
}

xmlTextReaderPtr sn_xml_reader(sn_xml *x)
{
	return x->rd;
}

static void schema_error(void *arg, xmlErrorPtr e)
{
	on_error(arg, e);
}

int sn_xml_validate_with(sn_xml *x, const char *xsd_text, const char *xsd_name)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd_text, (int)strlen(xsd_text));
	if (!pc) {
		snprintf(x->msg, sizeof x->msg, _("%s: cannot load schema %s"), x->path, xsd_name);
		return -1;
	}
	xmlSchemaSetParserStructuredErrors(pc, schema_error, x);
	x->schema = xmlSchemaParse(pc);
	xmlSchemaFreeParserCtxt(pc);
	if (!x->schema) {
		snprintf(x->msg, sizeof x->msg, _("schema %s does not compile: %s"), xsd_name, x->err_msg);
		return -1;
	}
	if (xmlTextReaderSetSchema(x->rd, x->schema) != 0) {
		snprintf(x->msg, sizeof x->msg, _("%s: cannot validate against %s"), x->path, xsd_name);
		return -1;
	}
	return 0;
}

int sn_xml_read(sn_xml *x)
{
	int r = xmlTextReaderRead(x->rd);
	if (r == 1 && xmlTextReaderNodeType(x->rd) == XML_READER_TYPE_DOCUMENT_TYPE) {
		snprintf(x->msg, sizeof x->msg, _("%s:%d: DOCTYPE refused"), x->path,
			 xmlTextReaderGetParserLineNumber(x->rd));
		return -1;
	}
	if (r == 1 && !x->err_msg[0] && !x->io_failed)
		return 1;
	if (r == 0 && !x->err_msg[0] && !x->io_failed) {
		if (x->schema && xmlTextReaderIsValid(x->rd) != 1) {
			snprintf(x->msg, sizeof x->msg, _("%s: not valid against its schema"), x->path);
			return -1;
		}
		return 0;
	}
	/* With a schema attached, libxml2 2.9 reports well-formedness errors only through its
	 * global last-error slot, not the reader's handler. */
	if (!x->io_failed && !x->err_msg[0]) {
		xmlErrorPtr e = xmlGetLastError();
		if (e && e->message)
			on_error(x, e);
	}
	if (x->io_failed)
		snprintf(x->msg, sizeof x->msg, "%s:%d: %s", x->path,
			 xmlTextReaderGetParserLineNumber(x->rd), x->io_msg);
	else if (x->err_msg[0] && x->eof && (strstr(x->err_msg, "Extra content at the end") ||
					     strstr(x->err_msg, "Premature end")))
		/* The streaming parser words a cut-off file as "Extra content at the end of the
		 * document"; say what happened. */
		snprintf(x->msg, sizeof x->msg, _("%s:%d: the file ends before its elements are closed "
						  "(truncated?): %s"), x->path, x->err_line, x->err_msg);
	else if (x->err_msg[0])
		snprintf(x->msg, sizeof x->msg, "%s:%d: %s", x->path, x->err_line, x->err_msg);
	else
		snprintf(x->msg, sizeof x->msg, _("%s:%d: malformed XML"), x->path,
			 xmlTextReaderGetParserLineNumber(x->rd));
	return -1;
}

int sn_xml_line(sn_xml *x)
{
	return xmlTextReaderGetParserLineNumber(x->rd);
}

int sn_xml_node_line(sn_xml *x)
{
	xmlNodePtr n = xmlTextReaderCurrentNode(x->rd);
	if (n && n->line > 0 && n->line < 65535)
		return n->line;
	return sn_xml_line(x);
}

int sn_xml_value_append(struct sn_buf *v, const char *s, size_t n)
{
	if (n > SN_XML_MAX_VALUE - v->len)
		return 1;
	return sn_buf_add(v, s, n);
}

int sn_xml_read_failed(const sn_xml *x)
{
	return x->read_failed;
}

const char *sn_xml_error(const sn_xml *x)
{
	return x->msg;
}

void sn_xml_close(sn_xml *x)
{
	if (!x)
		return;
	if (x->rd)
		xmlFreeTextReader(x->rd);
	if (x->schema)
		xmlSchemaFree(x->schema);
	if (x->f)
		fclose(x->f);
	free(x->path);
	free(x);
}

/* ---- exact lines of start tags (struct sn_xml_lines) ---- */

/* Where in the markup the scan is: S_STAG is inside a start tag, S_AVAL inside one of its
 * attribute values, S_BANG just after "<!". */
enum lines_state { S_TEXT, S_LT, S_STAG, S_AVAL, S_ETAG, S_BANG, S_BANG_DASH, S_COMMENT,
		   S_CDATA, S_PI, S_DECL };

int sn_xml_lines_open(struct sn_xml_lines *s, const char *path)
{
	memset(s, 0, sizeof *s);
	s->line = 1;
	s->state = S_TEXT;
	s->f = fopen(path, "rb");
	return s->f ? 0 : -1;
}

void sn_xml_lines_close(struct sn_xml_lines *s)
{
	if (s->f)
		fclose(s->f);
	s->f = NULL;
}

long sn_xml_lines_next(struct sn_xml_lines *s, int max_depth, int *depth)
{
	while (s->f) {
		if (s->off == s->len) {
			s->len = fread(s->buf, 1, sizeof s->buf, s->f);
			s->off = 0;
			if (s->len == 0)
				break;
		}
		unsigned char c = s->buf[s->off++];
		if (c == '\n')
			s->line++;  /* libxml2 counts '\n' only, and we agree with its messages */
		else if (c == '\0')
			break;      /* not an ASCII-compatible encoding */
		switch ((enum lines_state)s->state) {
		case S_TEXT:
			if (c == '<') {
				s->state = S_LT;
				s->tag_line = s->line;
			}
			break;
		case S_LT:
			if (c == '/') {
				s->state = S_ETAG;
			} else if (c == '!') {
				s->state = S_BANG;
			} else if (c == '?') {
				s->state = S_PI;
				s->run = 0;
			} else {
				s->state = S_STAG;
				s->run = 0;
				if (s->depth >= 1 && s->depth <= max_depth) {
					if (depth)
						*depth = s->depth;
					return s->tag_line;
				}
			}
			break;
		case S_STAG:
			if (c == '"' || c == '\'') {
				s->state = S_AVAL;
				s->quote = c;
			} else if (c == '>') {
				if (!s->run)
					s->depth++;  /* not "<x/>" */
				s->state = S_TEXT;
			}
			s->run = c == '/';
			break;
		case S_AVAL:
			if (c == s->quote)
				s->state = S_STAG;
			break;
		case S_ETAG:
			if (c == '>') {
				s->depth--;
				s->state = S_TEXT;
			}
			break;
		case S_BANG:
			/* "<!--" a comment, "<![CDATA[" (its "CDATA[" holds no "]]>"), else a
			 * declaration */
			s->state = c == '-' ? S_BANG_DASH : c == '[' ? S_CDATA : S_DECL;
			s->run = 0;
			break;
		case S_BANG_DASH:
			s->state = S_COMMENT;
			s->run = 0;
			break;
		case S_COMMENT:
			if (c == '>' && s->run >= 2)
				s->state = S_TEXT;
			s->run = c == '-' ? s->run + 1 : 0;
			break;
		case S_CDATA:
			if (c == '>' && s->run >= 2)
				s->state = S_TEXT;
			s->run = c == ']' ? s->run + 1 : 0;
			break;
		case S_PI:
			if (c == '>' && s->run)
				s->state = S_TEXT;
			s->run = c == '?';
			break;
		case S_DECL:
			if (c == '>')
				s->state = S_TEXT;  /* a DOCTYPE: refused by the reader anyway */
			break;
		}
	}
	sn_xml_lines_close(s);
	return -1;
}

sn_xml *sn_xml_open_schema(const char *path, const char *xsd_text, const char *xsd_name, char *err,
			   size_t errlen, int *status)
{
	sn_xml *x = sn_xml_open(path, err, errlen);
	if (!x) {
		*status = SN_IO;
		return NULL;
	}
	if (sn_xml_validate_with(x, xsd_text, xsd_name) != 0) {
		/* the schema is compiled in: failing to load it is our bug, not the file's */
		snprintf(err, errlen, "%s", sn_xml_error(x));
		sn_xml_close(x);
		*status = SN_INTERNAL;
		return NULL;
	}
	return x;
}
