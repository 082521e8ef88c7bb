/* diff.h - the before/after comparison of two catalogs ('sapnhap diff').
 *
 * Both sides are described by the same normalised tables of one scratch SQLite database (a
 * private temporary file with a bounded page cache; a side column tells the sides apart):
 *
 *   procedure(side, province, national_code, local_code, name, field_code, field_name, levels,
 *             time_limit, time_unit, fee, online_level, portal, legal_basis, pos)
 *   binding(side, province, national_code, agency_code, online)
 *   agency(side, province, code, name, kind, parent_code, unit_code, phone, email, status)
 *   crosswalk(old_code, outcome, new_code)         -- the AFTER side's, when it has one
 *
 * side is 0 (before) or 1 (after); province is the catalog a row comes from: the old provinces
 * of a database in the old state ('70', '75'), the merged province, or '' for files. Values are
 * text in one vocabulary whatever the source: NULL for an absent value (never ''), time limits
 * as numbers without trailing zeros ("1.5", "15"), portal and online as "yes"/"no", levels as
 * "district,commune", agency codes in QCVN 102 notation when they can be written in it. Files
 * are read into these tables; a working database's procedures and agencies are copied into them
 * too, but its bindings (10^6 at national scale) are not: the comparison reads them from the
 * database itself (attached read-only), in the same vocabulary.
 *
 * The comparison is a merge join: for each entity, each side's rows are read in key order (the
 * procedure table's own order; bindings and agencies sorted by SQLite, spilling to disk past the
 * cache), each key's rows (one per catalog) combined into one value per field, and the two sides
 * walked in step in C, a key at a time: a key on one side only is added or removed, a key on both
 * is compared field by field. Memory holds one key a side whatever the size of the catalogs
 * (64 MB at 10^6 bindings a side, the page caches and sort buffers included). The order read is
 * the order the reports list changes in, so the change rows are written in that order and read
 * back with no sort (text and HTML, grouped by kind or by field, sort them again).
 *
 * The result is the table
 *   change(entity, erank, kind, key, k1, k2, s1, s2, frank, field, before, after, nrows)
 * one row per changed field: entity procedure|binding|agency, kind added|removed|changed, key a
 * national code, "national_code@agency" or an agency code (k1, k2 its parts; s1, s2 their sort
 * keys), nrows the number of rows of its key. Its primary key is its order: erank, s1, s2, key,
 * frank (entity, key, field). The view labelled adds label (the procedure's or agency's name)
 * and grp, grp_name (the procedure's field).
 */
#ifndef SN_DIFF_H
#define SN_DIFF_H

#include <stdio.h>
#include <sqlite3.h>
#include "cli.h"
#include "labels.h"

enum sn_diff_source { SN_DIFF_NONE, SN_DIFF_DATABASE, SN_DIFF_EXPORT, SN_DIFF_CATALOG };

/* One operand as loaded. */
struct sn_diff_side {
	char operand[1024];         /* as the user wrote it */
	enum sn_diff_source source;
	char state[8];              /* a database's state: "old" or "merged"; "" otherwise */
	char provinces[64];         /* "70, 75" (old), "75" (merged), "" (files) */
	char files[200];            /* an export directory's files read: "catalog.csv, agencies.csv" */
	int has_crosswalk;
	char attached[8];           /* a database's schema name ("src0"), whose bindings the comparison reads */
};

struct sn_diff {
	struct sn_ctx ctx;          /* db = the scratch database; err = the caller's */
	struct sn_diff_side side[2];
	long count[3][3];           /* things per entity and kind, set by sn_diff_compute */
	enum sn_lang lang;          /* of the HTML, CSV and XLSX values (en: the stored vocabulary), and of
				     * the words of the text, HTML and XLSX and the CSV's headings */
};

enum { SN_DIFF_ENTITIES = 3 };
extern const char *const sn_diff_entities[SN_DIFF_ENTITIES];  /* procedure, binding, agency */
extern const char *const sn_diff_kinds[3];                     /* added, removed, changed */

/* Creates the scratch database with the tables above. Returns 0 or SN_IO (reported on
 * ctx->err). Close with sn_diff_close in any case. */
int sn_diff_open(struct sn_ctx *ctx, struct sn_diff *d);
void sn_diff_close(struct sn_diff *d);

/* Loads OPERAND as side SIDE (0 before, 1 after): a working database (by its SQLite header),
 * optionally FILE:old or FILE:merged when FILE itself is not there under the full name; an
 * export directory (catalog.csv|xml, agencies.csv|xml, crosswalk.csv|xml); or a catalog file (.csv or
 * .xml in the catalog import format). A database is opened read-only; without a state it is
 * the merged catalog once 'reassign' has been applied, else the old provinces' catalogs.
 * Returns 0; SN_DATA (an operand of no known kind, a database with no catalog in the asked
 * state, bad data in a file, with its position); SN_IO (cannot read). Reported on ctx->err. */
int sn_diff_load(struct sn_diff *d, int side, const char *operand);

/* Computes the change table from what is loaded (tests may insert rows into the side tables
 * directly instead of loading), and the counts. BEFORE's agency codes are first carried through
 * the crosswalk (kept, renumbered, merged -> new code), so a binding whose agency was renumbered
 * is one changed row, agency "old->new". Returns 0 or SN_IO. */
int sn_diff_compute(struct sn_diff *d);

/* Number of changed things (distinct keys) of ENTITY and KIND after sn_diff_compute; either may
 * be NULL for all; -1 for an unknown name. */
long sn_diff_count(struct sn_diff *d, const char *entity, const char *kind);

/* Whether agencies were compared (both sides have an agency table). */
int sn_diff_agencies_compared(const struct sn_diff *d);

/* Human description of a side, in the language in use: "working database, old catalogs of
 * provinces 70, 75". */
void sn_diff_describe(const struct sn_diff_side *s, char *buf, size_t len);

/* Writers. SUMMARY: counts only. Each returns 0 or SN_IO. The words for a person (text, HTML, the
 * workbook, the CSV's headings) are in d->lang, whatever the language of the run's messages.
 * csv: one row per changed field, a column each: entity,kind,key,name,field,before,after,decision,
 *      reason (a removed agency's outcome as field "outcome"); tdiff: the tabular-diff highlighter
 *      form (@@,entity,key,field,value). */
int sn_diff_write_text(struct sn_diff *d, FILE *f, int summary);
int sn_diff_write_csv(struct sn_diff *d, FILE *f, int summary);
int sn_diff_write_tdiff(struct sn_diff *d, FILE *f, int summary);
/* The same rows as csv in a workbook at PATH (sheets Summary, Changes; in Vietnamese Tổng hợp, Thay
 * đổi); written atomically. */
int sn_diff_write_xlsx(struct sn_diff *d, const char *path, int summary);
int sn_diff_write_json(struct sn_diff *d, FILE *f, int summary);
int sn_diff_write_html(struct sn_diff *d, FILE *f, int summary);
/* The HTML as a summary page on F linking to pages in the folder PAGES (created; its last path
 * element is how the summary page links it): one page per field (lĩnh vực), a field larger than
 * SN_DIFF_PAGE_BYTES over several, each with the same filter. */
#define SN_DIFF_PAGE_BYTES (16L << 20)
#define SN_DIFF_PAGE_ROWS 100000L   /* changed fields above which 'diff --out FILE.html' pages */
int sn_diff_write_html_pages(struct sn_diff *d, FILE *f, const char *pages, int summary);

#endif
