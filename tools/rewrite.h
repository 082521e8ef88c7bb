/* rewrite.h - rewriting old agency codes wherever a file mentions them (XML and CSV).
 *
 * When provinces merge, the absorbed province's agency codes are closed and re-issued (DESIGN §2),
 * and every exchange file, catalog export or edXML document that names an old code has to name
 * the new one. These functions copy a file and change only the codes: the caller supplies the
 * old -> new lookup (a crosswalk), gets told about every occurrence, and the output is replaced
 * atomically or not at all.
 *
 * What is a "value":
 *   XML: each attribute value (namespace declarations excepted: they are URIs); each run of
 *        character data between two pieces of markup (adjacent text nodes are joined, so a code
 *        is never seen in halves); each CDATA section. Comments and processing instructions are
 *        notes for people and tools, not data: copied unchanged. Element and attribute names
 *        are never touched. The rules apply to every element and attribute alike, so edXML
 *        (From/To/ResponseFor/TraceHeader OrganId, DocumentId) needs nothing special.
 *   CSV: each cell of the selected columns in every record after the header (header cells are
 *        names, never rewritten).
 *
 * The rules, applied to the value with leading and trailing whitespace set aside (ASCII space,
 * tab, CR, LF, VT, FF, and the Unicode spaces NBSP, U+2000-U+200B, U+2028/9, U+202F, U+205F,
 * U+3000, which spreadsheets leave behind); that whitespace is copied back byte for byte:
 *   (d) a value with whitespace inside is free text (a letter body, a name, a note): left alone,
 *       even when it mentions a code. A person wrote it; a silent edit of prose is not ours to
 *       make.
 *   (a) a value that is an agency code as a whole (sn_agcode_parse OK or NONCONFORMING, either
 *       notation: "000.00.00.H10", "H10.16", "000.302.36.H05") is looked up as written. Note that
 *       a bare level-1 code ("H10", "A01") is a code by this rule: it is changed only when the
 *       lookup knows it, and every such value is reported.
 *   (b) otherwise every QCVN-notation code inside the value (sn_agcode_scan) is looked up and
 *       replaced in place, the rest copied byte for byte: "1.001612.000.00.00.H10",
 *       "2.000815.000.00.00.H55.02", "000.00.00.H10,2024/05/02,123/UBND-KT". Codes in QĐ 20
 *       notation are recognised only as whole values: inside an identifier "H10.16" cannot be
 *       told from other dotted numbers.
 *   (c) except a code that heads an issued dossier code "<code>-YYMMDD-N..." (a '-', 6 digits,
 *       a '-', one or more digits, then the end or a byte that is not an ASCII letter or digit),
 *       e.g. "000.00.01.H26-260930-0012". That identifier is in a citizen's hands and stays
 *       valid (the old one becomes an alias), so it is never rewritten. When the lookup says the
 *       code would change (NEW or AMBIGUOUS) it is counted in dossier_codes_kept and reported as
 *       SN_MAP_KEPT; an ambiguous code here does not stop the output, since nothing is changed.
 *
 * Line numbers in reports (1-based, of the input):
 *   XML  attribute: the line on which its start tag ends (libxml2 keeps only that one).
 *        text/CDATA: the line of the code itself, counted from the end of the preceding markup.
 *        Past line 65535 libxml2 stops recording lines; from there on lines are counted from the
 *        text alone and a start tag spread over several lines makes them fall behind.
 *   CSV  the line on which the record begins, plus the line breaks inside the cell before the
 *        code.
 *
 * The output:
 *   - OUT is written to a new file beside it (".NAME.PID.N.tmp", created with O_EXCL and the
 *     usual permissions, or those of the OUT it replaces), flushed and fsync'ed, then renamed
 *     over OUT. On any failure or ambiguity the temporary file is removed and OUT is untouched
 *     (not created when it did not exist). IN == OUT works: IN is read to the end before the
 *     rename. When IN and OUT are the same file and no code changed, the file is left as it was
 *     (a re-run does not reformat it).
 *   - XML: a node-for-node copy, so the canonical form (xmllint --c14n) of OUT equals that of IN
 *     except for the codes. Kept as written: element and attribute names with their prefixes,
 *     namespace declarations where they were (written as the attributes they are), attribute
 *     order (namespace declarations first, as libxml2 reports them), text, CDATA sections,
 *     comments, processing instructions, whitespace inside the root element, "<a></a>" versus
 *     "<a/>", a UTF-8 BOM, and the XML declaration (written only when IN has one, with the same
 *     version, encoding (named as libxml2 names it: "utf-8" becomes "UTF-8") and standalone;
 *     the output is in that encoding; a UTF-16 input is written as UTF-8 without a
 *     declaration). Normalised as any XML writer does: attribute values in double quotes;
 *     "<a />" becomes "<a/>"; an empty CDATA section disappears (libxml2 reports no node);
 *     character references become characters except where needed (text: & < and CR, '>' only
 *     in "]]>"; attributes: & < " TAB LF CR); whitespace outside the root element becomes one
 *     newline between top-level nodes and at the end.
 *   - CSV: written in UTF-8 whatever the input encoding, fields quoted only where RFC 4180 needs
 *     it (a comma, a double quote, CR or LF inside), cells otherwise byte for byte (not
 *     normalised). A UTF-8 BOM is written when IN had one, and also when IN was CP1258 or TCVN3:
 *     such a file comes from a Windows spreadsheet and goes back to one, and the BOM is what
 *     makes Excel read UTF-8. Line ends follow the first one of IN outside quotes (CRLF, LF or
 *     a lone CR); CRLF (RFC 4180) when IN has none. The last record ends with a line end only
 *     when IN's did. Line breaks inside quoted cells are copied as they are.
 *
 * Return values and messages (in err; IN and OUT as given):
 *   0            OUT written (or, for IN == OUT with nothing changed, left as it was)
 *   SN_FINDINGS  at least one ambiguous occurrence (all of them reported): OUT not written.
 *                "IN:LINE: 'CODE' has several successors (A; B); N ambiguous occurrence(s);
 *                'OUT' not written"  (LINE, CODE: the first one)
 *   SN_DATA      bad input, OUT not written:
 *                "IN:LINE: ..." from the XML reader (syntax, "DOCTYPE refused (...)") or the CSV
 *                reader and decoder ("IN: line N: invalid byte 0xff for utf-8"),
 *                "IN:LINE: no column 'X' (columns: A, B, C)", "IN: empty column name in 'A,,B'",
 *                "IN: no header row (the file is empty)",
 *                "IN:LINE: unsupported XML node (type N)" (cannot happen without a DTD)
 *   SN_IO        "cannot open 'IN': ...", "cannot create a temporary file beside 'OUT': ...",
 *                "cannot write 'OUT': ...", "cannot replace 'OUT': ...", "out of memory",
 *                "'-' (standard input) cannot be rewritten: name a file"
 *   SN_INTERNAL  the lookup broke its contract: "lookup returned N for 'CODE'",
 *                "lookup gave an empty replacement for 'CODE'"
 */
#ifndef SN_REWRITE_H
#define SN_REWRITE_H

#include <stddef.h>
#include "text.h"

enum sn_map_result {
	SN_MAP_UNKNOWN = 0, /* not an old code (not in the crosswalk): left as written */
	SN_MAP_SAME,        /* an old code that keeps its value: left as written */
	SN_MAP_NEW,         /* replaced by the code written into OUT */
	SN_MAP_AMBIGUOUS,   /* several successors ("; "-separated in OUT): nothing is written */
	SN_MAP_KEPT         /* report only, never returned by a lookup: an issued dossier code
			     * whose agency code would change, kept as written (rule (c)) */
};

/* Looks up one code exactly as written (either notation; CODE is NUL-terminated). For
 * SN_MAP_NEW the replacement goes into OUT in the same notation as CODE (the lookup's job: this
 * module copies it verbatim); for SN_MAP_AMBIGUOUS the successors, "; "-separated. OUTLEN is
 * 1024: longer text is cut. OUT may be left unset for UNKNOWN and SAME. */
typedef enum sn_map_result (*sn_code_lookup)(void *ctx, const char *code, char *out,
					      size_t outlen);

/* Told about every code occurrence found, in input order. LINE: see above. WHERE: for XML the
 * path of qualified names from the root, "/@name" for an attribute
 * ("edXML:edXMLEnvelope/edXML:edXMLHeader/edXML:MessageHeader/edXML:From/edXML:OrganId",
 * "Catalog/Procedure/@agency"); for CSV "column NAME" ("column #N", 1-based, for a cell beyond
 * the header or under an empty header name). CODE and TO by result:
 *   UNKNOWN    the code, ""            SAME       the code, the code
 *   NEW        the code, its successor AMBIGUOUS  the code, the successors "A; B"
 *   KEPT       the whole dossier code ("000.00.01.H26-260930-0012", what must stay valid as an
 *              alias), the successor(s) of its agency code
 * The strings are valid during the call only. */
typedef void (*sn_rewrite_report)(void *ctx, long line, const char *where, const char *code,
				  const char *to, enum sn_map_result r);

struct sn_rewrite_stats {
	long values_seen;        /* values examined that are not blank (see above) */
	long codes_found;        /* code occurrences looked up, whatever the result */
	long codes_changed;      /* occurrences replaced by different text */
	long ambiguous;          /* occurrences with several successors (dossier codes excepted) */
	long dossier_codes_kept; /* SN_MAP_KEPT reports */
};

/* Rewrites the XML file IN into OUT (see above). LOOKUP is required; REPORT, STATS may be NULL
 * (STATS is zeroed first and filled even when the call fails part way). CTX goes to both
 * callbacks. Input is read with the project's safe reader (xmlsafe.h: no DOCTYPE, no network,
 * libxml2's size limits), streamed node by node in bounded memory. */
int sn_rewrite_xml(const char *in, const char *out, sn_code_lookup lookup,
		   sn_rewrite_report report, void *ctx, struct sn_rewrite_stats *stats, char *err,
		   size_t errlen);

/* Rewrites the CSV file IN (header row required) into OUT (see above). COLUMNS: comma-separated
 * header names whose cells are rewritten (spaces around each name ignored; a name matches every
 * column of that header text, compared with the header cell's surrounding spaces ignored); NULL
 * = every column, including cells beyond the header. ENC: IN's encoding (SN_ENC_AUTO detects). */
int sn_rewrite_csv(const char *in, const char *out, const char *columns, sn_encoding enc,
		   sn_code_lookup lookup, sn_rewrite_report report, void *ctx,
		   struct sn_rewrite_stats *stats, char *err, size_t errlen);

/* Rewrites one value (a database cell: a localised procedure code, a binding's agency code) by
 * the same rules (a)-(d). Returns 0 with *OUT malloc'ed (the caller frees; an unchanged value
 * comes back as a copy; an issued dossier code is kept), SN_FINDINGS when a code in it has
 * several successors (*OUT NULL, err says which), SN_IO or SN_INTERNAL.
 *   "1.001612.000.00.00.H10" -> "1.001612.000.00.00.H19" */
int sn_rewrite_value(const char *value, sn_code_lookup lookup, void *ctx, char **out, char *err,
		     size_t errlen);

#endif
