/* report.c - the sign-off report (report.h): the data, read from the working database, and its
 * two forms, one printable HTML page and one XLSX workbook. Both are written through the same
 * section functions (a "sink" takes a section's tables either as HTML tables or as sheets), so
 * the page and the workbook say the same thing.
 */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "db.h"
#include "i18n.h"
#include "labels.h"
#include "mapping.h"
#include "options.h"
#include "province.h"
#include "reasons.h"
#include "reassign.h"
#include "report.h"
#include "text.h"
#include "version.h"
#include "xlsxout.h"
#include "banned.h"

#define MAXCOLS 16

/* Every function below writes in the report's language: the public ones switch gettext to it
 * (sn_lang_use) once what may print a diagnostic in the run's language has been done (loading,
 * the nested 'validate', which sets the run's language again), and switch back before
 * returning or reporting a failure. */
struct rpt {
	struct sn_ctx *ctx;
	enum sn_lang lang;        /* the report's; gettext's while it is written */
	struct sn_province p;
	char root[40];
	int nold;                 /* old provinces with a catalog */
	char oldcode[SN_MAX_OLD_PROVINCES][8], oldname[SN_MAX_OLD_PROVINCES][160];
	long communes;            /* commune committees in the code table */
	json_t *validation;
	int failed;               /* a query or an allocation failed while writing: SN_IO at the end */
};

/* --- where tables go: HTML or a workbook ----------------------------------------------------- */

struct sink {
	FILE *f;                  /* HTML, or NULL */
	struct sn_book *book;     /* or a workbook */
	struct sn_sheet *sheet;
	int ncols;
	const char *cls[MAXCOLS]; /* HTML: the class of each column's cells */
	int append;               /* workbook: tables go on into the current sheet (the summary) */
	int width;                /* ... whose number of columns is this */
};

/* A table of NCOLS columns: in HTML under the current heading, in a workbook a sheet SHEET. */
static void t_begin(struct sink *k, const char *sheet, const char *cls, int ncols, const char *const *heads,
		    const enum sn_cell *types)
{
	k->ncols = ncols;
	for (int i = 0; i < ncols && i < MAXCOLS; i++)
		k->cls[i] = types && (types[i] == SN_CELL_NUMBER) ? "num" : NULL;
	if (k->book && k->append && k->sheet) {
		/* under the rows before: a blank row, the table's title and its headings */
		const char *blank[MAXCOLS] = { 0 }, *h[MAXCOLS] = { 0 };
		sn_sheet_row(k->sheet, blank);
		sn_sheet_title(k->sheet, sheet);
		for (int i = 0; i < ncols && i < k->width; i++)
			h[i] = heads[i];
		sn_sheet_row(k->sheet, h);
		return;
	}
	if (k->book) {
		const char *h[MAXCOLS];
		enum sn_cell t[MAXCOLS];
		k->width = k->width > ncols ? k->width : ncols;
		for (int i = 0; i < k->width && i < MAXCOLS; i++) {
			h[i] = i < ncols ? heads[i] : "";
			t[i] = i < ncols && types ? types[i] : SN_CELL_TEXT;
		}
		k->sheet = sn_book_sheet(k->book, sheet, k->width, h, t);
		return;
	}
	fprintf(k->f, "<table class=\"%s\">\n<thead><tr>", cls);
	for (int i = 0; i < ncols; i++) {
		fputs("<th>", k->f);
		sn_html_text(k->f, heads[i]);
		fputs("</th>", k->f);
	}
	fputs("</tr></thead>\n<tbody>\n", k->f);
}

static void t_row(struct sink *k, const char *const *cells)
{
	if (k->book) {
		const char *row[MAXCOLS] = { 0 };
		for (int i = 0; i < k->ncols && i < k->width && i < MAXCOLS; i++)
			row[i] = cells[i];
		if (k->sheet)
			sn_sheet_row(k->sheet, row);
		return;
	}
	fputs("<tr>", k->f);
	for (int i = 0; i < k->ncols; i++) {
		if (k->cls[i])
			fprintf(k->f, "<td class=\"%s\">", k->cls[i]);
		else
			fputs("<td>", k->f);
		sn_html_text(k->f, cells[i]);
		fputs("</td>", k->f);
	}
	fputs("</tr>\n", k->f);
}

static void t_end(struct sink *k)
{
	if (!k->book)
		fputs("</tbody>\n</table>\n", k->f);
}

/* --- the facts -------------------------------------------------------------------------------- */

static int load(struct rpt *r)
{
	struct sn_ctx *ctx = r->ctx;
	/* the merged catalog: NEEDS_REASSIGN in the command table; the same message for a caller */
	int rc = sn_require(ctx, NEEDS_REASSIGN, NULL);
	if (rc || (rc = sn_province_load(ctx, &r->p)))
		return rc;
	char target[8];
	if ((rc = sn_merged_province(ctx, target, r->root)))
		return rc;
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT DISTINCT province FROM procedure ORDER BY province");
	if (!st)
		return SN_IO;
	while (sn_step(ctx, st) == SQLITE_ROW && r->nold < SN_MAX_OLD_PROVINCES) {
		const char *c = sn_col(st, 0);
		const char *name = c;  /* the province's name where the province facts have one */
		for (int i = 0; i < r->p.nold; i++)
			if (!strcmp(r->p.old[i].code, c) && *r->p.old[i].name)
				name = r->p.old[i].name;
		size_t n = strnlen(name, sizeof r->oldname[0] - 1);
		snprintf(r->oldcode[r->nold], sizeof r->oldcode[0], "%s", c);
		memcpy(r->oldname[r->nold], name, n);
		r->oldname[r->nold][n] = '\0';
		r->nold++;
	}
	sqlite3_finalize(st);
	long long communes;
	if ((rc = sn_query_int(ctx, &communes, "SELECT count(*) FROM code_table WHERE kind = 'commune-committee'")))
		return rc;
	r->communes = (long)communes;
	return 0;
}

/* "Tỉnh Bình Phước (70), Tỉnh Đồng Nai (75)" */
static void olds_text(const struct rpt *r, char *out, size_t len)
{
	size_t k = 0;
	out[0] = '\0';
	for (int i = 0; i < r->p.nold && k < len; i++) {
		int w = snprintf(out + k, len - k, "%s%s (%s)", i ? ", " : "", *r->p.old[i].name ? r->p.old[i].name :
				 r->p.old[i].code, r->p.old[i].code);
		if (w < 0)
			break;
		k += (size_t)w;
	}
}

/* The input files of the steps in force: for each step and target its latest journal entry. */
static const char *INPUTS_SQL =
	"SELECT j.step, j.target, i.path, i.sha256, i.bytes FROM journal j JOIN journal_input i ON i.journal_id = j.id "
	"WHERE j.id = (SELECT max(id) FROM journal k WHERE k.step = j.step AND k.target = j.target) "
	"ORDER BY j.id, i.rowid";

/* Makes the report's language gettext's and returns the one to switch back to. Vietnamese without
 * its catalog would be English: said once, in the run's language (which, when Vietnamese, has
 * said it already). */
static enum sn_lang use_lang(struct sn_ctx *ctx, enum sn_lang lang)
{
	enum sn_lang prev = sn_lang_use(lang);
	if (lang == SN_LANG_VI && prev != SN_LANG_VI && !*gettext("")) {
		sn_lang_use(prev);
		sn_warn(ctx, "no Vietnamese message catalog (sapnhap.mo) under %s: the report is in English",
			sn_localedir());
		sn_lang_use(lang);
	}
	return prev;
}

static const char *db_shown(const struct sn_ctx *ctx)
{
	return ctx->db_path ? ctx->db_path : "sapnhap.db";
}

void sn_report_header_text(struct sn_ctx *ctx, FILE *f, enum sn_lang lang)
{
	struct rpt rr = { .ctx = ctx, .lang = lang }, *r = &rr;
	long long nfacts;
	if (sn_query_int(ctx, &nfacts, "SELECT count(*) FROM province_fact") || nfacts <= 0 ||
	    sn_province_load(ctx, &r->p))
		return;
	char olds[1400];
	olds_text(r, olds, sizeof olds);
	enum sn_lang prev = sn_lang_use(lang);
	fprintf(f, "%s: %s (%s)\n", _("Merged province"), r->p.name, r->p.code);
	fprintf(f, "%s: %s\n", _("From the old provinces"), olds);
	fprintf(f, "%s: %s\n", _("Effective date"), r->p.date);
	fprintf(f, "%s: %s\n", C_("report", "Database"), db_shown(ctx));
	fprintf(f, "%s: sapnhap %s\n", C_("report", "Version"), SN_VERSION);
	fprintf(f, "%s:\n", _("Input files (SHA-256)"));
	sqlite3_stmt *st = sn_prepare(ctx, INPUTS_SQL);
	while (st && sn_step(ctx, st) == SQLITE_ROW)
		fprintf(f, "  %s  %s  (%s %s)\n", sn_col(st, 3), sn_col(st, 2), sn_col(st, 0), sn_col(st, 1));
	sqlite3_finalize(st);
	sn_lang_use(prev);
}

/* The sign-off block's words, for the page and the text. */
static const char *const ROLES[] = { N_("Prepared by"), N_("Checked by"), N_("Approved by") };
static const char *const SIGN_LINES[] = { NC_("signoff", "Name"), NC_("signoff", "Position"),
					  NC_("signoff", "Date"), NC_("signoff", "Signature") };

void sn_report_signoff_text(FILE *f, enum sn_lang lang)
{
	enum sn_lang prev = sn_lang_use(lang);
	/* "Name:" padded to 12 columns (characters, not bytes), so that the lines start together */
	static const char *const blanks[4] = { " ________________________________", " ________________________________",
					       " ____/____/________", "" };
	char label[64];
	fprintf(f, "\n%s\n", _("SIGN-OFF"));
	for (int i = 0; i < 3; i++) {
		fprintf(f, "\n%s\n", _(ROLES[i]));
		for (int j = 0; j < 4; j++) {
			snprintf(label, sizeof label, "%s:", sn_pgettext("signoff", SIGN_LINES[j]));
			fputs("  ", f);
			sn_pad(f, label, -12);
			fprintf(f, "%s\n", blanks[j]);
		}
		fputs("\n\n", f);
	}
	sn_lang_use(prev);
}

/* --- statistics -------------------------------------------------------------------------------- */

enum { S_PROC, S_FULL, S_PARTIAL, S_ONLINE, S_NONE, S_UNDECIDED, S_PORTAL, S_PROVINCE, S_DISTRICT, S_COMMUNE, NS };

#define STAT_COLUMNS(table)                                                                          \
	"count(*), total(online_level = 'full'), total(online_level = 'partial'), "                     \
	"total(online_level IN ('full', 'partial')), total(online_level = 'none'), total(online_level IS NULL), " \
	"total(portal = 1), total(instr(levels, 'province') > 0), total(instr(levels, 'district') > 0), " \
	"total(instr(levels, 'commune') > 0) FROM " table

static void stats(struct rpt *r, struct sink *k)
{
	static const struct {
		const char *label;   /* in context "statistics" */
		int pct;
	} rows[NS] = {
		{ NC_("statistics", "procedures"), 0 },
		{ NC_("statistics", "fully online"), 1 },
		{ NC_("statistics", "partly online"), 1 },
		{ NC_("statistics", "online (fully or partly)"), 1 },
		{ NC_("statistics", "not online"), 1 },
		{ NC_("statistics", "online level awaiting a decision"), 0 },
		{ NC_("statistics", "on the national portal"), 1 },
		{ NC_("statistics", "at province level"), 0 },
		{ NC_("statistics", "at district level"), 0 },
		{ NC_("statistics", "at commune level"), 0 },
	};
	long long v[1 + SN_MAX_OLD_PROVINCES][NS] = { { 0 } };
	int ncol = 1 + r->nold;
	sqlite3_stmt *st = sn_prepare(r->ctx, "SELECT 0, '', " STAT_COLUMNS("merged_procedure")
				      " UNION ALL SELECT 1, province, " STAT_COLUMNS("procedure") " GROUP BY province ORDER BY 1, 2");
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		int c = 0;
		if (sqlite3_column_int(st, 0))
			for (int i = 0; i < r->nold; i++)
				if (!strcmp(r->oldcode[i], sn_col(st, 1)))
					c = 1 + i;
		if (sqlite3_column_int(st, 0) && !c)
			continue;
		for (int i = 0; i < NS; i++)
			v[c][i] = sqlite3_column_int64(st, 2 + i);
	}
	sqlite3_finalize(st);
	const char *heads[2 + SN_MAX_OLD_PROVINCES];
	char hb[1 + SN_MAX_OLD_PROVINCES][200];
	enum sn_cell types[2 + SN_MAX_OLD_PROVINCES];
	heads[0] = C_("report", "Figure");
	types[0] = SN_CELL_TEXT;
	for (int c = 0; c < ncol; c++) {
		if (c == 0)
			snprintf(hb[c], sizeof hb[c], _("After: %s"), r->p.name);
		else
			snprintf(hb[c], sizeof hb[c], _("Before: %s"), r->oldname[c - 1]);
		heads[1 + c] = hb[c];
		types[1 + c] = SN_CELL_TEXT;
	}
	t_begin(k, C_("report", "Statistics"), "stats", 1 + ncol, heads, types);
	for (int i = 0; i < NS; i++) {
		char cell[1 + SN_MAX_OLD_PROVINCES][64];
		const char *cells[2 + SN_MAX_OLD_PROVINCES];
		cells[0] = sn_pgettext("statistics", rows[i].label);
		for (int c = 0; c < ncol; c++) {
			long long n = v[c][i], tot = v[c][S_PROC];
			if (rows[i].pct && tot > 0) {
				long long t = (1000 * n + tot / 2) / tot;
				snprintf(cell[c], sizeof cell[c], "%lld (%lld,%lld %%)", n, t / 10, t % 10);
			} else {
				snprintf(cell[c], sizeof cell[c], "%lld", n);
			}
			cells[1 + c] = cell[c];
		}
		t_row(k, cells);
	}
	t_end(k);
}

/* Counts of the migration: agencies, codes by outcome, dossiers. */
static void counts(struct rpt *r, struct sink *k)
{
	static const struct {
		const char *label, *sql;   /* label: in context "counts" */
	} rows[] = {
		{ NC_("counts", "agencies before (old registries)"), "SELECT count(*) FROM agency" },
		{ NC_("counts", "agency codes after (code table)"), "SELECT count(*) FROM code_table" },
		{ NC_("counts", "— kept"), "SELECT count(*) FROM crosswalk WHERE outcome = 'kept'" },
		{ NC_("counts", "— renumbered"), "SELECT count(*) FROM crosswalk WHERE outcome = 'renumbered'" },
		{ NC_("counts", "— merged into another"), "SELECT count(*) FROM crosswalk WHERE outcome = 'merged'" },
		{ NC_("counts", "— closed"), "SELECT count(*) FROM crosswalk WHERE outcome = 'closed'" },
		{ NC_("counts", "commune committees"), "SELECT count(*) FROM code_table WHERE kind = 'commune-committee'" },
		{ NC_("counts", "dossiers in flight"), "SELECT count(*) FROM dossier" },
		{ NC_("counts", "— moved to another agency"), "SELECT count(DISTINCT dossier_id) FROM dossier_history WHERE step = 'reassign'" },
		{ NC_("counts", "— awaiting a decision"), "SELECT count(*) FROM review WHERE status = 'open' AND subject LIKE 'dossier:%'" },
		{ NC_("counts", "decisions applied"), "SELECT count(*) FROM decision" },
		{ NC_("counts", "items awaiting a decision"), "SELECT count(*) FROM review WHERE status = 'open'" },
	};
	const char *heads[] = { C_("report", "What"), C_("report", "Count") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_NUMBER };
	t_begin(k, C_("report", "Counts"), "counts", 2, heads, types);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char n[32];
		long long v;
		if (sn_query_int(r->ctx, &v, rows[i].sql))
			r->failed = 1;
		snprintf(n, sizeof n, "%lld", v);
		const char *cells[] = { sn_pgettext("counts", rows[i].label), n };
		t_row(k, cells);
	}
	t_end(k);
}

/* --- agencies ---------------------------------------------------------------------------------- */

/* Where an old agency went, in words (sn_label_fate): "sáp nhập vào 000.00.07.H19 Sở Nông nghiệp và
 * Môi trường"; the target of a renumbered or merged one is its new code and name, a closed one's
 * its successors. */
static void fate(const struct rpt *r, const char *outcome, const char *new_code, const char *new_name,
		 const char *successors, long nsucc, char *out, size_t len)
{
	char target[1200];
	if (!strcmp(outcome, "renumbered") || !strcmp(outcome, "merged")) {
		snprintf(target, sizeof target, "%s %s", new_code, new_name);
		successors = target;
	}
	sn_label_fate(outcome, successors, nsucc, r->lang, out, len);
}

static void agencies(struct rpt *r, struct sink *k)
{
	sqlite3_stmt *st = sn_prepare(r->ctx,
		"SELECT x.old_code, COALESCE(a.name, ''), x.province, COALESCE(a.kind, ''), x.outcome, COALESCE(x.new_code, ''), "
		"  COALESCE((SELECT c.name FROM code_table c WHERE c.code = x.new_code), ''), "
		"  (SELECT group_concat(s.new_code || ' ' || COALESCE(c.name, ''), '; ') FROM crosswalk_successor s "
		"    LEFT JOIN code_table c ON c.code = s.new_code WHERE s.old_code = x.old_code), "
		"  (SELECT count(*) FROM crosswalk_successor s WHERE s.old_code = x.old_code), x.reason "
		"FROM crosswalk x LEFT JOIN agency a ON a.code = x.old_code ORDER BY x.province, a.sort_key, x.old_code");
	const char *heads[] = { _("Old code"), C_("report", "Agency"), _("Old province"), C_("report", "Kind"),
				C_("report", "Outcome"), _("New code"), _("Where it went"), C_("crosswalk", "Reason") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT,
				 SN_CELL_TEXT, SN_CELL_TEXT };
	int html = k->book == NULL;
	/* The page leaves out the long reasons (they are in the workbook and 'recode --explain'). */
	t_begin(k, C_("report", "Agencies"), "agencies", html ? 5 : 8, html ? (const char *const[]){ heads[0], heads[1],
		heads[3], heads[4], heads[6] } : heads, types);
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		char where[4000], prov[200];
		const char *outcome = sn_col(st, 4);
		fate(r, outcome, sn_col(st, 5), sn_col(st, 6), sn_col(st, 7), sqlite3_column_int(st, 8), where, sizeof where);
		snprintf(prov, sizeof prov, "%s", sn_col(st, 2));
		for (int i = 0; i < r->nold; i++)
			if (!strcmp(r->oldcode[i], prov))
				snprintf(prov, sizeof prov, "%s", r->oldname[i]);
		const char *kind = sn_label("agency_kind", sn_col(st, 3), r->lang), *out = sn_label("outcome", outcome, r->lang);
		if (html) {
			const char *cells[] = { sn_col(st, 0), sn_col(st, 1), kind, out, where };
			t_row(k, cells);
		} else {
			char why[4000];
			const char *cells[] = { sn_col(st, 0), sn_col(st, 1), prov, kind, out, sn_col(st, 5), where,
						sn_reason_shown(sn_col(st, 9), why, sizeof why) };
			t_row(k, cells);
		}
	}
	sqlite3_finalize(st);
	t_end(k);
}

/* --- procedures -------------------------------------------------------------------------------- */

enum { A_LEVELS, A_AGENCIES, A_ONLINE_AT, A_ONLINE, A_PORTAL, A_FEE, A_TIME, A_NAME, A_FIELD, A_LEGAL, NA };

static const struct {
	const char *label, *decision;   /* label: in context "attribute"; decision: the decided field that sets it */
	int always;
} ATTR[NA] = {
	{ NC_("attribute", "level"), "jurisdiction", 1 },
	{ NC_("attribute", "agencies"), "jurisdiction", 1 },
	{ NC_("attribute", "received online at"), NULL, 1 },
	{ NC_("attribute", "online level"), "online_level", 1 },
	{ NC_("attribute", "on the national portal"), "portal", 1 },
	{ NC_("attribute", "fee"), "fee", 1 },
	{ NC_("attribute", "time limit"), "time_limit", 1 },
	{ NC_("attribute", "name"), "name", 0 },
	{ NC_("attribute", "field"), "field", 0 },
	{ NC_("attribute", "legal basis"), "legal_basis", 0 },
};

struct proc {
	char code[32], name[1000], grp[64], grp_name[300];
	char *val[NA][1 + SN_MAX_OLD_PROVINCES];  /* [0] after, [1 + i] old province i; NULL: not listed */
	char *decided[NA], *reason[NA];
	int pending[NA];
};

static void proc_free(struct proc *p)
{
	for (int a = 0; a < NA; a++) {
		for (int c = 0; c <= SN_MAX_OLD_PROVINCES; c++)
			free(p->val[a][c]);
		free(p->decided[a]);
		free(p->reason[a]);
	}
	memset(p, 0, sizeof *p);
}

/* A copy, or NULL with the failure remembered (out of memory is reported once, at the end). */
static char *dup(struct rpt *r, const char *s)
{
	char *d = strdup(s ? s : "");
	if (!d)
		r->failed = 1;
	return d;
}

/* The agencies of one procedure in one catalog, summed up: "tất cả UBND xã (21); Sở Tư pháp
 * (000.00.09.H19)", "11 UBND huyện". ONLINE gets "n/N". */
static void agencies_of(struct rpt *r, sqlite3_stmt *st, int after, char **summary, char **online)
{
	static const char *const collective[] = { "commune-committee", "district-committee", "district-office", "service-unit" };
	long count[4] = { 0 }, n = 0, nol = 0;
	char first[4][400] = { "", "", "", "" };
	sqlite3_str *others = sqlite3_str_new(NULL);
	while (sn_step(r->ctx, st) == SQLITE_ROW) {
		const char *kind = sn_col(st, 0);
		int c = -1;
		n++;
		nol += sqlite3_column_int(st, 3) != 0;
		for (int i = 0; i < 4; i++)
			if (!strcmp(kind, collective[i]))
				c = i;
		if (c >= 0) {
			if (!count[c]++)
				snprintf(first[c], sizeof first[c], "%s (%s)", sn_col(st, 2), sn_col(st, 1));
			continue;
		}
		sqlite3_str_appendf(others, "%s%s (%s)", sqlite3_str_length(others) ? "; " : "", sn_col(st, 2), sn_col(st, 1));
	}
	sqlite3_str *s = sqlite3_str_new(NULL);
	for (int i = 0; i < 4; i++) {
		if (!count[i])
			continue;
		if (sqlite3_str_length(s))
			sqlite3_str_appendall(s, "; ");
		if (i == 0 && after && count[i] == r->communes && r->communes > 1)
			sqlite3_str_appendf(s, _("every commune committee (%ld)"), count[i]);
		else if (count[i] == 1)
			sqlite3_str_appendall(s, first[i]);
		else
			sqlite3_str_appendf(s, "%ld %s", count[i], sn_label("agency_kind", collective[i], r->lang));
	}
	char *o = sqlite3_str_finish(others);
	if (o && *o)
		sqlite3_str_appendf(s, "%s%s", sqlite3_str_length(s) ? "; " : "", o);
	sqlite3_free(o);
	char *t = sqlite3_str_finish(s);
	*summary = dup(r, t && *t ? t : C_("agencies", "none"));
	sqlite3_free(t);
	char buf[64];
	snprintf(buf, sizeof buf, "%ld/%ld", nol, n);
	*online = dup(r, buf);
}

static char *time_text(struct rpt *r, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	char num[64], out[200];
	snprintf(num, sizeof num, "%.15g", sqlite3_column_double(st, i));
	for (char *c = num; *c; c++)
		if (*c == '.' && r->lang == SN_LANG_VI)
			*c = ',';
	snprintf(out, sizeof out, "%s %s", num, sn_label("time_unit", sn_col(st, i + 1), r->lang));
	return dup(r, out);
}

struct pstmts {
	sqlite3_stmt *old, *merged, *bold, *bnew, *dec, *pend;
};

/* One procedure's values before (per old province) and after, with decisions. */
static int proc_load(struct rpt *r, struct pstmts *q, const char *code, struct proc *p)
{
	char buf[400];
	snprintf(p->code, sizeof p->code, "%s", code);
	/* columns: name, field_code, field_name, levels, time_limit, time_unit, fee, online_level, portal, legal_basis */
	for (int c = 0; c <= r->nold; c++) {
		sqlite3_stmt *st = c ? q->old : q->merged;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
		if (c)
			sqlite3_bind_text(st, 2, r->oldcode[c - 1], -1, SQLITE_STATIC);
		if (sn_step(r->ctx, st) != SQLITE_ROW)
			continue;
		int pend_null = !c;  /* after: a NULL value is a field awaiting a decision */
		if (!*p->name || !c)
			if (*sn_col(st, 0))
				snprintf(p->name, sizeof p->name, "%s", sn_col(st, 0));
		if (*sn_col(st, 1) && (!*p->grp || !c)) {
			snprintf(p->grp, sizeof p->grp, "%s", sn_col(st, 1));
			snprintf(p->grp_name, sizeof p->grp_name, "%s", sn_col(st, 2));
		}
		p->val[A_NAME][c] = dup(r, sn_col(st, 0));
		p->val[A_FIELD][c] = dup(r, sn_col(st, 1));
		p->val[A_LEVELS][c] = dup(r, sn_label_list("level", sn_col(st, 3), r->lang, buf, sizeof buf));
		p->val[A_TIME][c] = time_text(r, st, 4);
		p->val[A_FEE][c] = sqlite3_column_type(st, 6) == SQLITE_NULL ? NULL : dup(r, sn_col(st, 6));
		p->val[A_ONLINE][c] = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL :
				       dup(r, sn_label("online_level", sn_col(st, 7), r->lang));
		p->val[A_PORTAL][c] = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL :
				       dup(r, sn_label("yesno", sqlite3_column_int(st, 8) ? "yes" : "no", r->lang));
		p->val[A_LEGAL][c] = dup(r, sn_col(st, 9));
		if (pend_null) {
			/* merged_procedure holds NULL where the catalogs disagree and nobody decided */
			static const int col_of[NA] = { [A_NAME] = 0, [A_FIELD] = 1, [A_TIME] = 4, [A_FEE] = 6, [A_ONLINE] = 7,
							[A_PORTAL] = 8, [A_LEGAL] = 9, [A_LEVELS] = -1, [A_AGENCIES] = -1,
							[A_ONLINE_AT] = -1 };
			for (int a = 0; a < NA; a++)
				if (col_of[a] >= 0 && sqlite3_column_type(st, col_of[a]) == SQLITE_NULL && a != A_FEE &&
				    a != A_LEGAL && a != A_TIME) {
					free(p->val[a][0]);
					p->val[a][0] = NULL;
				}
		}
		sqlite3_stmt *b = c ? q->bold : q->bnew;
		sqlite3_reset(b);
		sqlite3_bind_text(b, 1, c ? r->oldcode[c - 1] : r->p.code, -1, SQLITE_STATIC);
		sqlite3_bind_text(b, 2, code, -1, SQLITE_TRANSIENT);
		agencies_of(r, b, !c, &p->val[A_AGENCIES][c], &p->val[A_ONLINE_AT][c]);
	}
	sqlite3_reset(q->dec);
	sqlite3_bind_text(q->dec, 1, code, -1, SQLITE_TRANSIENT);
	while (sn_step(r->ctx, q->dec) == SQLITE_ROW) {
		const char *field = sn_col(q->dec, 0);
		for (int a = 0; a < NA; a++) {
			if (!ATTR[a].decision || strcmp(ATTR[a].decision, field) || a == A_AGENCIES)
				continue;
			char v[600];
			const char *shown = sn_col(q->dec, 1);
			if (!strcmp(field, "jurisdiction"))
				shown = !strcmp(shown, "commune") ? C_("jurisdiction", "commune committees") : shown;
			else
				shown = sn_label_value(field, shown, r->lang, v, sizeof v);
			if (!strcmp(field, "portal"))
				shown = sn_label("yesno", sn_col(q->dec, 1), r->lang);
			p->decided[a] = dup(r, shown);
			snprintf(v, sizeof v, "%s (%s)", sn_col(q->dec, 2), sn_col(q->dec, 3));
			p->reason[a] = dup(r, v);
		}
	}
	sqlite3_reset(q->pend);
	sqlite3_bind_text(q->pend, 1, code, -1, SQLITE_TRANSIENT);
	while (sn_step(r->ctx, q->pend) == SQLITE_ROW)
		for (int a = 0; a < NA; a++)
			if (ATTR[a].decision && !strcmp(ATTR[a].decision, sn_col(q->pend, 0)) && a != A_AGENCIES)
				p->pending[a] = 1;
	return 0;
}

static int pstmts_open(struct rpt *r, struct pstmts *q)
{
#define PCOLS "name, field_code, field_name, levels, time_limit, time_unit, fee, online_level, portal, legal_basis"
	q->old = sn_prepare(r->ctx, "SELECT " PCOLS " FROM procedure WHERE national_code = ?1 AND province = ?2");
	q->merged = sn_prepare(r->ctx, "SELECT " PCOLS " FROM merged_procedure WHERE national_code = ?1");
	q->bold = sn_prepare(r->ctx, "SELECT COALESCE(a.kind, ''), b.agency_code, COALESCE(a.name, b.agency_code), b.online "
				     "FROM binding b LEFT JOIN agency a ON a.code = b.agency_code WHERE b.catalog = ?1 AND "
				     "b.national_code = ?2 AND b.from_binding IS NULL ORDER BY a.sort_key, b.agency_code");
	q->bnew = sn_prepare(r->ctx, "SELECT COALESCE(c.kind, ''), b.agency_code, COALESCE(c.name, b.agency_code), b.online "
				     "FROM binding b LEFT JOIN code_table c ON c.code = b.agency_code WHERE b.catalog = ?1 AND "
				     "b.national_code = ?2 AND b.active = 1 AND b.from_binding IS NOT NULL ORDER BY c.sort_key, b.agency_code");
	q->dec = sn_prepare(r->ctx, "SELECT field, value, reason, pos FROM decision WHERE subject = ?1 ORDER BY field");
	q->pend = sn_prepare(r->ctx, "SELECT field FROM review WHERE step = 'reassign' AND status = 'open' AND "
				     "subject = ?1 AND field IS NOT NULL");
	return q->old && q->merged && q->bold && q->bnew && q->dec && q->pend ? 0 : SN_IO;
}

static void pstmts_close(struct pstmts *q)
{
	sqlite3_finalize(q->old), sqlite3_finalize(q->merged), sqlite3_finalize(q->bold);
	sqlite3_finalize(q->bnew), sqlite3_finalize(q->dec), sqlite3_finalize(q->pend);
}

/* Whether attribute A is shown: always for the main ones; the others when the catalogs differ
 * or a decision or conflict concerns them. */
static int attr_shown(const struct rpt *r, const struct proc *p, int a)
{
	if (ATTR[a].always || p->decided[a] || p->pending[a])
		return 1;
	const char *first = NULL;
	for (int c = 0; c <= r->nold; c++) {
		const char *v = p->val[a][c];
		if (!v)
			continue;
		if (!first)
			first = v;
		else if (strcmp(first, v))
			return 1;
	}
	return 0;
}

/* The procedures in the order of their field (lĩnh vực), then name. */
static const char *PROCS_SQL =
	"SELECT n.national_code FROM (SELECT national_code FROM merged_procedure UNION SELECT national_code FROM procedure) n "
	"LEFT JOIN merged_procedure m ON m.national_code = n.national_code "
	"ORDER BY COALESCE(m.field_code, (SELECT min(field_code) FROM procedure q WHERE q.national_code = n.national_code)) IS NULL, "
	"  COALESCE(m.field_code, (SELECT min(field_code) FROM procedure q WHERE q.national_code = n.national_code)), "
	"  COALESCE(m.name, (SELECT min(name) FROM procedure q WHERE q.national_code = n.national_code)), n.national_code";

static const char *pending_text(void)
{
	return _("awaiting a decision");
}

static void procedures_html(struct rpt *r, FILE *f)
{
	struct pstmts q = { 0 };
	sqlite3_stmt *st = pstmts_open(r, &q) ? NULL : sn_prepare(r->ctx, PROCS_SQL);
	char grp[64] = "\x01";
	int ingroup = 0;
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		struct proc p = { 0 };
		proc_load(r, &q, sn_col(st, 0), &p);
		if (strcmp(grp, p.grp)) {
			if (ingroup)
				fputs("</section>\n", f);
			snprintf(grp, sizeof grp, "%s", p.grp);
			fputs("<section class=\"group\" data-group=\"", f);
			sn_html_text(f, p.grp);
			fputs("\">\n<h3>", f);
			char h[200];
			snprintf(h, sizeof h, _("Field %s"), *p.grp ? p.grp : "—");
			sn_html_text(f, h);
			if (*p.grp_name) {
				fputs(" — ", f);
				sn_html_text(f, p.grp_name);
			}
			fputs("</h3>\n", f);
			ingroup = 1;
		}
		fputs("<table class=\"proc thing\" data-code=\"", f);
		sn_html_text(f, p.code);
		fputs("\">\n<caption><b>", f);
		sn_html_text(f, *p.name ? p.name : pending_text());
		fputs("</b> <code>", f);
		sn_html_text(f, p.code);
		fputs("</code></caption>\n<thead><tr><th></th>", f);
		for (int c = 1; c <= r->nold; c++) {
			fputs("<th>", f);
			sn_html_text(f, r->oldname[c - 1]);
			fputs("</th>", f);
		}
		fputs("<th>", f);
		sn_html_text(f, C_("report", "After"));
		fputs("</th><th>", f);
		sn_html_text(f, _("Decision and reason"));
		fputs("</th></tr></thead>\n<tbody>\n", f);
		for (int a = 0; a < NA; a++) {
			if (!attr_shown(r, &p, a))
				continue;
			fputs("<tr><th>", f);
			sn_html_text(f, sn_pgettext("attribute", ATTR[a].label));
			fputs("</th>", f);
			const char *after = p.val[a][0];
			for (int c = 1; c <= r->nold; c++) {
				const char *v = p.val[a][c];
				int differs = v && after && strcmp(v, after);
				fputs(differs ? "<td class=\"was\">" : "<td>", f);
				if (!v && !p.val[A_LEVELS][c])
					fputs("<span class=\"none\">—</span>", f);
				else
					sn_html_text(f, v && *v ? v : "—");
				fputs("</td>", f);
			}
			if (after)
				fputs("<td class=\"after\">", f), sn_html_text(f, *after ? after : "—");
			else
				fputs("<td class=\"pending\">", f), sn_html_text(f, pending_text());
			fputs("</td><td class=\"why\">", f);
			if (p.decided[a]) {
				fputs("<b>", f);
				sn_html_text(f, p.decided[a]);
				fputs("</b>: ", f);
				sn_html_text(f, p.reason[a]);
			} else if (p.pending[a]) {
				fputs("<span class=\"pending\">", f);
				sn_html_text(f, pending_text());
				fputs("</span>", f);
			}
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody>\n</table>\n", f);
		proc_free(&p);
	}
	if (ingroup)
		fputs("</section>\n", f);
	sqlite3_finalize(st);
	pstmts_close(&q);
}

static void procedures_book(struct rpt *r, struct sink *k)
{
	const char *heads[6 + SN_MAX_OLD_PROVINCES + 3];
	enum sn_cell types[6 + SN_MAX_OLD_PROVINCES + 3];
	int n = 0;
	heads[n++] = _("National code");
	heads[n++] = C_("report", "Procedure");
	heads[n++] = C_("report", "Field");
	heads[n++] = C_("report", "Attribute");
	for (int c = 1; c <= r->nold; c++)
		heads[n++] = r->oldname[c - 1];
	heads[n++] = C_("report", "After");
	heads[n++] = _("Decided value");
	heads[n++] = C_("decision", "Reason");
	for (int i = 0; i < n; i++)
		types[i] = i >= 4 ? SN_CELL_WRAP : SN_CELL_TEXT;
	t_begin(k, C_("report", "Procedures"), "procedures", n, heads, types);
	struct pstmts q = { 0 };
	sqlite3_stmt *st = pstmts_open(r, &q) ? NULL : sn_prepare(r->ctx, PROCS_SQL);
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		struct proc p = { 0 };
		proc_load(r, &q, sn_col(st, 0), &p);
		char field[400];
		snprintf(field, sizeof field, "%s%s%s", p.grp, *p.grp_name ? " " : "", p.grp_name);
		for (int a = 0; a < NA; a++) {
			if (!attr_shown(r, &p, a))
				continue;
			const char *cells[6 + SN_MAX_OLD_PROVINCES + 3];
			int m = 0;
			cells[m++] = p.code;
			cells[m++] = p.name;
			cells[m++] = field;
			cells[m++] = sn_pgettext("attribute", ATTR[a].label);
			for (int c = 1; c <= r->nold; c++)
				cells[m++] = p.val[a][c];
			cells[m++] = p.val[a][0] ? p.val[a][0] : pending_text();
			cells[m++] = p.decided[a];
			cells[m++] = p.reason[a];
			t_row(k, cells);
		}
		proc_free(&p);
	}
	sqlite3_finalize(st);
	pstmts_close(&q);
}

/* --- dossiers ---------------------------------------------------------------------------------- */

/* A move's rule in a few words: the kind of rule, without its particulars. */
static const char *RULE_KIND =
	"CASE WHEN h.rule LIKE 'decision:%' THEN 'decision' WHEN h.rule LIKE 'crosswalk: successor%' THEN 'successor' "
	"WHEN h.rule LIKE 'crosswalk: merged%' THEN 'merged' WHEN h.rule LIKE 'crosswalk: renumbered%' THEN 'renumbered' "
	"WHEN h.rule LIKE 'district -> commune%' THEN 'district-commune' WHEN h.rule LIKE 'district -> province%' "
	"THEN 'district-province' WHEN h.rule LIKE 'commune -> commune%' THEN 'commune-commune' ELSE h.rule END";

static const char *rule_label(const char *k)
{
	static const char *const t[][2] = {
		{ "decision", NC_("dossier moved", "by a decision") },
		{ "successor", NC_("dossier moved", "to the successor of a closed agency") },
		{ "merged", NC_("dossier moved", "with its agency, merged") },
		{ "renumbered", NC_("dossier moved", "with its agency, renumbered") },
		{ "district-commune", NC_("dossier moved", "district level → the applicant's commune") },
		{ "district-province", NC_("dossier moved", "district level → the department") },
		{ "commune-commune", NC_("dossier moved", "old commune → the applicant's new commune") },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcmp(k, t[i][0]))
			return sn_pgettext("dossier moved", t[i][1]);
	return k;
}

static void dossiers(struct rpt *r, struct sink *k)
{
	char *q = sqlite3_mprintf(
		"SELECT h.from_agency, COALESCE(a.name, ''), %s AS rk, h.to_agency, COALESCE(c.name, ''), count(*) "
		"FROM dossier_history h LEFT JOIN agency a ON a.code = h.from_agency LEFT JOIN code_table c ON c.code = h.to_agency "
		"WHERE h.step = 'reassign' GROUP BY h.from_agency, rk, h.to_agency "
		"ORDER BY a.province, a.sort_key, h.from_agency, rk, h.to_agency", RULE_KIND);
	sqlite3_stmt *st = q ? sn_prepare(r->ctx, q) : NULL;
	sqlite3_free(q);
	const char *heads[] = { _("Old agency"), C_("report", "Name"), C_("report", "Rule"), _("Moved to"),
				C_("report", "Name"), C_("number of", "Dossiers") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_NUMBER };
	t_begin(k, C_("report", "Dossiers"), "dossiers", 6, heads, types);
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		const char *cells[] = { sn_col(st, 0), sn_col(st, 1), rule_label(sn_col(st, 2)), sn_col(st, 3),
					sn_col(st, 4), sn_col(st, 5) };
		t_row(k, cells);
	}
	sqlite3_finalize(st);
	t_end(k);
}

static void dossier_rules(struct rpt *r, struct sink *k)
{
	char *q = sqlite3_mprintf("SELECT %s AS rk, count(*), count(DISTINCT h.from_agency) FROM dossier_history h "
				  "WHERE h.step = 'reassign' GROUP BY rk ORDER BY count(*) DESC, rk", RULE_KIND);
	sqlite3_stmt *st = q ? sn_prepare(r->ctx, q) : NULL;
	sqlite3_free(q);
	const char *heads[] = { C_("report", "Rule"), C_("number of", "Dossiers"), C_("number of", "Old agencies") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_NUMBER, SN_CELL_NUMBER };
	t_begin(k, _("Dossiers by rule"), "rules", 3, heads, types);
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		const char *cells[] = { rule_label(sn_col(st, 0)), sn_col(st, 1), sn_col(st, 2) };
		t_row(k, cells);
	}
	sqlite3_finalize(st);
	t_end(k);
}

/* --- what a person must decide ---------------------------------------------------------------- */

/* The choices a reviewer is offered for an item, as values reassign --decisions reads. */
static int choices(struct rpt *r, const char *subject, const char *field, char ***out)
{
	sqlite3_stmt *st = NULL;
	int n = 0;
	char **v = NULL;
	if (!strcmp(field, "commune") && !strncmp(subject, "dossier:", 8)) {
		st = sn_prepare(r->ctx, "SELECT DISTINCT l.new_code || ' ' || l.new_name FROM dossier d JOIN link l ON "
					"l.old_code = d.commune_code JOIN event e ON e.id = l.event_id AND e.kind = 'conversion' "
					"WHERE d.code = ?1 ORDER BY 1");
		if (st)
			sqlite3_bind_text(st, 1, subject + 8, -1, SQLITE_TRANSIENT);
	} else if (!strcmp(field, "jurisdiction")) {
		st = sn_prepare(r->ctx, "SELECT 'commune' UNION ALL SELECT * FROM (SELECT DISTINCT 'province:' || function "
					"FROM code_table WHERE function IS NOT NULL ORDER BY 1)");
	} else {
		static const struct {
			const char *field, *expr;
		} col[] = {
			{ "name", "name" }, { "fee", "fee" }, { "legal_basis", "legal_basis" }, { "field", "field_code" },
			{ "online_level", "online_level" }, { "portal", "CASE portal WHEN 1 THEN 'yes' ELSE 'no' END" },
			{ "time_limit", "printf('%!.15g', time_limit) || ' ' || time_unit" },
		};
		for (size_t i = 0; i < sizeof col / sizeof col[0] && !st; i++)
			if (!strcmp(field, col[i].field)) {
				char *q = sqlite3_mprintf("SELECT DISTINCT %s FROM procedure WHERE national_code = ?1 AND %s "
							  "IS NOT NULL ORDER BY province", col[i].expr, col[i].expr);
				st = q ? sn_prepare(r->ctx, q) : NULL;
				sqlite3_free(q);
				if (st)
					sqlite3_bind_text(st, 1, subject, -1, SQLITE_TRANSIENT);
			}
	}
	while (st && sn_step(r->ctx, st) == SQLITE_ROW && n < 200) {
		char buf[400];
		const char *s = sn_col(st, 0);
		if (!strcmp(field, "commune"))
			snprintf(buf, sizeof buf, "%.5s", s);   /* the code; the name is in the next column */
		else if (!strcmp(field, "online_level") || !strcmp(field, "portal"))
			snprintf(buf, sizeof buf, "%s", sn_label(!strcmp(field, "portal") ? "yesno" : "online_level", s, r->lang));
		else
		{
			char b2[400];
			const char *shown = sn_label_value(field, s, r->lang, b2, sizeof b2);
			snprintf(buf, sizeof buf, "%s", shown ? shown : s);
		}
		char **nv = realloc(v, (size_t)(n + 1) * sizeof *v);
		if (!nv)
			break;
		v = nv;
		v[n++] = dup(r, buf);
	}
	sqlite3_finalize(st);
	*out = v;
	return n;
}

/* The decision sheet and the queue: every open item (what must be decided) and every decision
 * applied (so that the sheet read back decides everything again). */
static void queue(struct rpt *r, struct sink *k)
{
	sqlite3_stmt *st = sn_prepare(r->ctx,
		"SELECT 0 AS done, v.subject, COALESCE(v.field, CASE WHEN v.subject LIKE 'dossier:%' THEN 'commune' "
		"  WHEN v.reason LIKE 'decided by the default rule%' THEN 'jurisdiction' END, '') AS fld, '', '', "
		"  v.step, v.reason, COALESCE(v.detail, ''), v.id FROM review v WHERE v.status = 'open' "
		"UNION ALL SELECT 1, d.subject, d.field, d.value, d.reason, 'reassign', d.pos, COALESCE(d.candidates, ''), 0 "
		"  FROM decision d ORDER BY 1, 2, 3, 9");
	/* The first four name the columns 'reassign --decisions' reads back (mapping.h: a heading is
	 * the column's name or ends with it in parentheses). */
	const char *heads[] = {
		/* TRANSLATORS: a column 'reassign --decisions' reads: keep "(subject)" at the end */
		C_("decisions sheet", "subject"),
		/* TRANSLATORS: a column 'reassign --decisions' reads: keep "(field)" at the end */
		C_("decisions sheet", "field"),
		/* TRANSLATORS: a column 'reassign --decisions' reads: keep "(value)" at the end */
		C_("decisions sheet", "value"),
		/* TRANSLATORS: a column 'reassign --decisions' reads: keep "(reason)" at the end */
		C_("decisions sheet", "reason"),
		C_("report", "Name"), _("To decide"), C_("report", "Detail"), C_("report", "Status"), C_("report", "Step") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_WRAP, SN_CELL_WRAP, SN_CELL_WRAP, SN_CELL_WRAP,
				 SN_CELL_WRAP, SN_CELL_TEXT, SN_CELL_TEXT };
	int html = k->book == NULL;
	sqlite3_stmt *name = sn_prepare(r->ctx, "SELECT COALESCE((SELECT name FROM merged_procedure WHERE national_code = ?1), "
						"(SELECT min(name) FROM procedure WHERE national_code = ?1), "
						"(SELECT name FROM agency WHERE code = ?1), (SELECT 'hồ sơ ' || code || ', thủ tục ' || "
						"national_code FROM dossier WHERE 'dossier:' || code = ?1), '')");
	if (html)
		t_begin(k, "", "queue", 6, (const char *const[]){ heads[0], heads[4], heads[1], heads[5], heads[6], heads[7] },
			NULL);
	else
		t_begin(k, SN_MAPPING_SHEET, "queue", 9, heads, types);  /* read back by name: never translated */
	while (st && sn_step(r->ctx, st) == SQLITE_ROW) {
		int done = sqlite3_column_int(st, 0);
		if (html && done)
			continue;   /* the page shows what is open; decisions are beside their procedures */
		const char *subject = sn_col(st, 1), *field = sn_col(st, 2);
		sqlite3_reset(name);
		sqlite3_bind_text(name, 1, subject, -1, SQLITE_TRANSIENT);
		const char *nm = name && sn_step(r->ctx, name) == SQLITE_ROW ? sn_col(name, 0) : "";
		char nmbuf[1000];
		snprintf(nmbuf, sizeof nmbuf, "%s", nm);
		const char *status = done ? C_("status", "decided") : C_("status", "open");
		const char *fieldlabel = *field ? sn_label("field", field, r->lang) : "";
		/* an open item's reason and detail, stored in English, in the report's language */
		char why[4000], detail[4000];
		const char *what = done ? sn_col(st, 6) : sn_reason_shown(sn_col(st, 6), why, sizeof why);
		const char *more = done ? sn_col(st, 7) : sn_reason_shown(sn_col(st, 7), detail, sizeof detail);
		if (html) {
			const char *cells[] = { subject, nmbuf, fieldlabel, what, more, status };
			t_row(k, cells);
			continue;
		}
		char val[1000], raw[1000];
		snprintf(raw, sizeof raw, "%s", sn_col(st, 3));
		snprintf(val, sizeof val, "%s", raw);
		if (done && *field) {
			char b[1000];
			const char *shown = !strcmp(field, "portal") ? sn_label("yesno", raw, r->lang) :
					    sn_label_value(field, raw, r->lang, b, sizeof b);
			snprintf(val, sizeof val, "%s", shown ? shown : "");
		}
		const char *cells[] = { subject, field, val, sn_col(st, 4), nmbuf, what, more, status, sn_col(st, 5) };
		t_row(k, cells);
		if (*field) {
			char **v = NULL;
			int n = choices(r, subject, field, &v);
			if (n > 0 && k->sheet)
				sn_sheet_dropdown(k->sheet, 2, (const char *const *)v, n);
			for (int i = 0; i < n; i++)
				free(v[i]);
			free(v);
		}
	}
	sqlite3_finalize(name);
	sqlite3_finalize(st);
	t_end(k);
}

/* --- validation -------------------------------------------------------------------------------- */

/* validate's JSON: read from the file given, else computed by running 'validate' in-process in
 * the report's language (whose JSON then has each detail in it too: detail_vi). */
static int load_validation(struct rpt *r, const char *path)
{
	json_error_t je;
	if (path) {
		r->validation = json_load_file(path, 0, &je);
		if (!r->validation) {
			sn_error(r->ctx, "%s:%d: %s", path, je.line, je.text);
			return SN_DATA;
		}
		return 0;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (!m)
		return SN_IO;
	char a0[] = "sapnhap", a1[] = "--db", a3[] = "validate", a4[] = "--format", a5[] = "json", a6[] = "--limit", a7[] = "0",
	     a8[] = "--lang", a9[3];
	snprintf(a9, sizeof a9, "%s", r->lang == SN_LANG_VI ? "vi" : "en");
	char *argv[] = { a0, a1, (char *)db_shown(r->ctx), a3, a4, a5, a6, a7, a8, a9, NULL };
	int rc = sn_main_nested(r->ctx, 10, argv, m);
	fclose(m);
	if (rc <= SN_FINDINGS)
		r->validation = json_loadb(buf ? buf : "", len, 0, &je);
	free(buf);
	if (!r->validation) {
		sn_error(r->ctx, "the validation could not be included (validate exited with status %d)", rc);
		return rc > SN_FINDINGS ? rc : SN_IO;
	}
	return 0;
}

static void validation(struct rpt *r, struct sink *k, int samples)
{
	json_t *rules = json_object_get(r->validation, "rules");
	const char *heads[] = { C_("report", "Rule"), C_("report", "Severity"), C_("report", "Count"), _("What it finds"),
				C_("report", "Subject"), C_("report", "Detail") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_NUMBER, SN_CELL_WRAP, SN_CELL_TEXT, SN_CELL_WRAP };
	t_begin(k, C_("report", "Validation"), "validation", samples ? 6 : 4, heads, types);
	size_t i;
	json_t *ru;
	json_array_foreach(rules, i, ru) {
		char n[32];
		long long count = json_integer_value(json_object_get(ru, "count"));
		snprintf(n, sizeof n, "%lld", count);
		const char *id = json_string_value(json_object_get(ru, "id"));
		const char *sev = sn_label("severity", json_string_value(json_object_get(ru, "severity")), r->lang);
		/* The message's English is its msgid; a detail is in the report's language where the JSON
		 * has it (validate --lang), else as the JSON gives it, in English. */
		const char *msg = json_string_value(json_object_get(ru, "message"));
		if (msg && *msg)
			msg = _(msg);
		const char *cells[] = { id, sev, n, msg, "", "" };
		if (!samples) {
			if (count > 0)
				t_row(k, cells);
			continue;
		}
		t_row(k, cells);
		size_t j;
		json_t *s;
		json_array_foreach(json_object_get(ru, "sample"), j, s) {
			const char *detail = r->lang == SN_LANG_VI ? json_string_value(json_object_get(s, "detail_vi")) : NULL;
			if (!detail)
				detail = json_string_value(json_object_get(s, "detail"));
			const char *c2[] = { id, sev, "", "", json_string_value(json_object_get(s, "subject")), detail };
			t_row(k, c2);
		}
	}
	t_end(k);
}

/* --- the page ---------------------------------------------------------------------------------- */

static const char *STYLE =
	"<style>\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font-family:\"Noto Sans\",\"DejaVu Sans\",\"Segoe UI\",Roboto,Arial,sans-serif;font-size:14px;"
	"line-height:1.4;color:#1d2330;background:#fff}\n"
	"header{background:#173f5f;color:#fff;padding:16px 28px}\n"
	"header h1{margin:0 0 6px;font-size:21px;font-weight:600}\n"
	"header dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}\n"
	"header dt{opacity:.8}header dd{margin:0}\n"
	"main{padding:12px 28px 30px;max-width:1400px}\n"
	"h2{font-size:18px;margin:24px 0 8px;padding-bottom:3px;border-bottom:2px solid #d8dde6}\n"
	"h3{font-size:15px;margin:16px 0 6px;color:#3a4456}\n"
	"table{border-collapse:collapse;width:100%;margin:0 0 10px}\n"
	"th,td{border:1px solid #d8dde6;padding:3px 6px;text-align:left;vertical-align:top}\n"
	"thead th{background:#eef1f5;font-weight:600;font-size:12.5px}\n"
	"td.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"table.inputs td:first-child,code{font-family:\"DejaVu Sans Mono\",monospace;font-size:11.5px}\n"
	"table.proc{table-layout:fixed}table.proc caption{text-align:left;padding:4px 0;caption-side:top}\n"
	"table.proc caption code{color:#5b6475;margin-left:6px}\n"
	"table.proc tbody th{width:15%;font-weight:600;background:#fafbfc}\n"
	"td.was{background:#fbe5e5}td.after{background:#e3f4e6}td.pending,span.pending{color:#a06800;font-weight:600}\n"
	"td.why{font-size:12.5px;color:#3a4456;width:26%}\n"
	"span.none{color:#5b6475}\n"
	"section.signoff table td{height:34px}\n"
	"section.signoff table th{width:22%}\n"
	"p.note{color:#5b6475;font-size:12.5px}\n"
	"footer{color:#5b6475;font-size:12px;padding:0 28px 20px}\n"
	"@page{size:A4;margin:14mm 11mm 16mm;@bottom-center{content:\"Trang \" counter(page) \" / \" counter(pages);"
	"font-size:9pt;color:#5b6475}}\n"
	"@media print{body{font-size:9.5pt}header{background:none;color:#000;padding:0 0 6px;border-bottom:2px solid #000}"
	"header h1{font-size:15pt}main{padding:0;max-width:none}thead{display:table-header-group}"
	"tr,caption{break-inside:avoid}table.proc{break-inside:avoid}h2,h3{break-after:avoid}"
	"th,td{padding:1.5px 4px}thead th{font-size:8.5pt}td.why{font-size:8.5pt}"
	"section.signoff{break-before:page}footer{display:none}"
	"td.was,td.after,thead th,table.proc tbody th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"</style>\n";

static void h2(FILE *f, const char *id, const char *title)
{
	fprintf(f, "<section id=\"%s\">\n<h2>", id);
	sn_html_text(f, title);
	fputs("</h2>\n", f);
}

/* The header's keys, in the page and the workbook (the text's, sn_report_header_text, are the same). */
static const char *header_key(int i)
{
	switch (i) {
	case 0: return _("Merged province");
	case 1: return _("From the old provinces");
	case 2: return _("Effective date");
	case 3: return C_("report", "Database");
	default: return C_("report", "Version");
	}
}

static void page(struct rpt *r, FILE *f)
{
	struct sn_ctx *ctx = r->ctx;
	struct sink k = { .f = f };
	char olds[1400], title[400];
	olds_text(r, olds, sizeof olds);
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta name=\"generator\" content=\"sapnhap %s\">\n<title>", r->lang == SN_LANG_VI ? "vi" : "en",
		SN_VERSION);
	snprintf(title, sizeof title, _("Migration report: %s"), r->p.name);
	sn_html_text(f, title);
	fputs("</title>\n", f);
	fputs(STYLE, f);
	fputs("</head>\n<body>\n<header>\n<h1>", f);
	snprintf(title, sizeof title, _("Administrative procedures after the merger — %s"), r->p.name);
	sn_html_text(f, title);
	fputs("</h1>\n<dl>\n", f);
	char prov[4000], ver[64];
	snprintf(prov, sizeof prov, "%.159s (%.7s)", r->p.name, r->p.code);
	snprintf(ver, sizeof ver, "sapnhap %s", SN_VERSION);
	const char *vals[] = { prov, olds, r->p.date, db_shown(ctx), ver };
	for (int i = 0; i < 5; i++) {
		fputs("<dt>", f);
		sn_html_text(f, header_key(i));
		fputs("</dt><dd id=\"h", f);
		fprintf(f, "%d\">", i);
		sn_html_text(f, vals[i]);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</header>\n<main>\n", f);

	h2(f, "summary", C_("report", "Summary"));
	stats(r, &k);
	counts(r, &k);
	fputs("<h3>", f);
	sn_html_text(f, _("Input files"));
	fputs("</h3>\n", f);
	const char *ih[] = { "SHA-256", C_("report", "File"), C_("report", "Step") };
	t_begin(&k, "", "inputs", 3, ih, NULL);
	sqlite3_stmt *st = sn_prepare(ctx, INPUTS_SQL);
	while (st && sn_step(ctx, st) == SQLITE_ROW) {
		char step[4400];
		snprintf(step, sizeof step, "%s %s", sn_col(st, 0), sn_col(st, 1));
		const char *cells[] = { sn_col(st, 3), sn_col(st, 2), step };
		t_row(&k, cells);
	}
	sqlite3_finalize(st);
	t_end(&k);
	fputs("</section>\n", f);

	h2(f, "procedures", _("Procedures: before and after"));
	fputs("<p class=\"note\">", f);
	sn_html_text(f, _("Each procedure: its values in each old province's catalog, after the merger, and the "
			  "decision applied with its reason. Red: an old value that differs from the merged one."));
	fputs("</p>\n", f);
	procedures_html(r, f);
	fputs("</section>\n", f);

	h2(f, "agencies", _("Agencies: where each went"));
	agencies(r, &k);
	fputs("</section>\n", f);

	h2(f, "dossiers", _("Dossiers moved"));
	dossier_rules(r, &k);
	dossiers(r, &k);
	fputs("</section>\n", f);

	h2(f, "queue", _("What a person must decide"));
	queue(r, &k);
	fputs("</section>\n", f);

	h2(f, "validation", C_("report", "Validation"));
	validation(r, &k, 0);
	fputs("<p class=\"note\">", f);
	sn_html_text(f, _("Every finding: validation.txt."));
	fputs("</p>\n</section>\n", f);

	fputs("<section class=\"signoff\" id=\"signoff\">\n<h2>", f);
	sn_html_text(f, _("Sign-off"));
	fputs("</h2>\n<table>\n<thead><tr><th></th>", f);
	for (int i = 0; i < 3; i++) {
		fputs("<th>", f);
		sn_html_text(f, _(ROLES[i]));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < 4; i++) {
		fputs(i == 3 ? "<tr class=\"sign\" style=\"height:90px\"><th>" : "<tr><th>", f);
		sn_html_text(f, sn_pgettext("signoff", SIGN_LINES[i]));
		fputs("</th><td></td><td></td><td></td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</section>\n</main>\n<footer>sapnhap report</footer>\n</body>\n</html>\n", f);
}

int sn_report_html(struct sn_ctx *ctx, FILE *f, const struct sn_report_opts *o)
{
	struct rpt rr = { .ctx = ctx, .lang = o->lang }, *r = &rr;
	int rc = load(r);
	if (rc || (rc = load_validation(r, o->validation)))
		goto done;
	enum sn_lang prev = use_lang(ctx, r->lang);
	page(r, f);
	sn_lang_use(prev);
	rc = fflush(f) != 0 || ferror(f) ? SN_IO : 0;
	if (!rc && r->failed) {
		sn_error(ctx, "the report is incomplete: a query or an allocation failed");
		rc = SN_IO;
	}
done:
	json_decref(r->validation);
	return rc;
}

static void book(struct rpt *r, struct sn_book *b)
{
	struct sn_ctx *ctx = r->ctx;
	struct sink k = { .book = b, .width = 2 + r->nold > 3 ? 2 + r->nold : 3 };
	/* Tổng hợp: the header, then the statistics and the counts under it. */
	const char *heads[] = { C_("report", "What"), C_("report", "Value"), C_("report", "Note") };
	enum sn_cell types[] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT };
	t_begin(&k, "Tổng hợp", "", 3, heads, types);  /* the first sheet's name, in every language */
	char olds[1400], prov[4000], ver[64];
	olds_text(r, olds, sizeof olds);
	snprintf(prov, sizeof prov, "%.159s (%.7s)", r->p.name, r->p.code);
	snprintf(ver, sizeof ver, "sapnhap %s", SN_VERSION);
	const char *vals[] = { prov, olds, r->p.date, db_shown(ctx), ver };
	for (int i = 0; i < 5; i++) {
		const char *cells[] = { header_key(i), vals[i], "" };
		t_row(&k, cells);
	}
	sqlite3_stmt *st = sn_prepare(ctx, INPUTS_SQL);
	while (st && sn_step(ctx, st) == SQLITE_ROW) {
		char step[8800];
		snprintf(step, sizeof step, "%s %s: %s", sn_col(st, 0), sn_col(st, 1), sn_col(st, 2));
		const char *cells[] = { _("Input file (SHA-256)"), sn_col(st, 3), step };
		t_row(&k, cells);
	}
	sqlite3_finalize(st);
	k.append = 1;
	stats(r, &k);
	counts(r, &k);
	k.append = 0;
	k.width = 0;
	procedures_book(r, &k);
	k.width = 0;
	agencies(r, &k);
	k.width = 0;
	dossiers(r, &k);
	k.width = 0;
	queue(r, &k);
	k.width = 0;
	validation(r, &k, 1);
}

int sn_report_xlsx(struct sn_ctx *ctx, const char *path, const struct sn_report_opts *o)
{
	struct rpt rr = { .ctx = ctx, .lang = o->lang }, *r = &rr;
	char err[1200];
	int rc = load(r);
	if (rc || (rc = load_validation(r, o->validation)))
		goto done;
	struct sn_book *b = sn_book_new(path, r->p.date, err, sizeof err);
	if (!b) {
		sn_error(ctx, "%s", err);
		rc = SN_IO;
		goto done;
	}
	enum sn_lang prev = use_lang(ctx, r->lang);
	book(r, b);
	sn_lang_use(prev);
	if (r->failed) {
		sn_error(ctx, "the report is incomplete: a query or an allocation failed");
		sn_book_abort(b);
		rc = SN_IO;
	} else if ((rc = sn_book_close(b, err, sizeof err))) {
		sn_error(ctx, "%s", err);
	}
done:
	json_decref(r->validation);
	return rc;
}
