/* diffout.c - the diff as text (for a person), CSV (the tabular-diff highlighter form) and
 * JSON (diff.h). The HTML page is in diffhtml.c.
 *
 * The text, the headings of the CSV and the workbook are in the diff's language (--lang): their
 * writers switch gettext to it at their start and back at their end. tdiff and JSON are for
 * programs: their names are never translated.
 */
#include <string.h>
#include "csv.h"
#include "db.h"
#include "diff.h"
#include "i18n.h"
#include "text.h"
#include "xlsxout.h"
#include "banned.h"

/* Counts per entity and kind, in the order of sn_diff_entities / sn_diff_kinds. */
static int counts(struct sn_diff *d, long c[SN_DIFF_ENTITIES][3], long *total)
{
	*total = 0;
	for (int e = 0; e < SN_DIFF_ENTITIES; e++)
		for (int k = 0; k < 3; k++) {
			c[e][k] = sn_diff_count(d, sn_diff_entities[e], sn_diff_kinds[k]);
			if (c[e][k] < 0)
				return SN_IO;
			*total += c[e][k];
		}
	return 0;
}

static int nentities(const struct sn_diff *d)
{
	return sn_diff_agencies_compared(d) ? SN_DIFF_ENTITIES : SN_DIFF_ENTITIES - 1;
}

static int finish(FILE *f)
{
	return fflush(f) != 0 || ferror(f) ? SN_IO : 0;
}

/* --- text ------------------------------------------------------------------------------------ */

/* The words of the text's table: its rows (entities, then the total) and columns (kinds), in the
 * order of sn_diff_entities and sn_diff_kinds. */
static const char *const TEXT_ROWS[SN_DIFF_ENTITIES + 1] = { NC_("diff text", "procedure"),
							     NC_("diff text", "binding"), NC_("diff text", "agency"),
							     NC_("diff text", "total") };
static const char *const TEXT_KINDS[3] = { NC_("diff text", "added"), NC_("diff text", "removed"),
					   NC_("diff text", "changed") };

/* The heading of a group of changes, by entity and kind. */
static const char *const TEXT_GROUPS[SN_DIFF_ENTITIES][3] = {
	{ N_("procedure added: %ld"), N_("procedure removed: %ld"), N_("procedure changed: %ld") },
	{ N_("binding added: %ld"), N_("binding removed: %ld"), N_("binding changed: %ld") },
	{ N_("agency added: %ld"), N_("agency removed: %ld"), N_("agency changed: %ld") },
};

/* The index of S in LIST (N names), or 0. */
static int index_of(const char *const *list, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(list[i], s))
			return i;
	return 0;
}

static const char *shown(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? C_("diff value", "(none)") : sn_col(st, i);
}

/* The counts as a table: entities down, kinds across, the total last. */
static void text_counts(const struct sn_diff *d, FILE *f, long c[SN_DIFF_ENTITIES][3])
{
	int ne = nentities(d), w0 = 10, w[3];
	for (int e = 0; e <= SN_DIFF_ENTITIES; e++) {
		int n = sn_text_width(sn_pgettext("diff text", TEXT_ROWS[e]));
		w0 = n > w0 ? n : w0;
	}
	fputc('\n', f);
	sn_pad(f, "", -w0);
	for (int k = 0; k < 3; k++) {
		const char *h = sn_pgettext("diff text", TEXT_KINDS[k]);
		int n = sn_text_width(h);
		w[k] = n > 7 ? n : 7;
		fputc(' ', f);
		sn_pad(f, h, w[k]);
	}
	fputc('\n', f);
	long sum[3] = { 0 };
	for (int e = 0; e <= ne; e++) {
		sn_pad(f, sn_pgettext("diff text", TEXT_ROWS[e < ne ? e : SN_DIFF_ENTITIES]), -w0);
		for (int k = 0; k < 3; k++) {
			char n[32];
			snprintf(n, sizeof n, "%ld", e < ne ? c[e][k] : sum[k]);
			if (e < ne)
				sum[k] += c[e][k];
			fputc(' ', f);
			sn_pad(f, n, w[k]);
		}
		fputc('\n', f);
	}
}

/* The text in the language in use (sn_diff_write_text switches to the diff's). */
static int write_text(struct sn_diff *d, FILE *f, int summary)
{
	long c[SN_DIFF_ENTITIES][3], total;
	char desc[400];
	if (counts(d, c, &total))
		return SN_IO;
	for (int s = 0; s < 2; s++) {
		sn_diff_describe(&d->side[s], desc, sizeof desc);
		/* TRANSLATORS: an operand and what it is; "before:" and "after:" are padded to one width */
		fprintf(f, s ? _("after:  %s (%s)") : _("before: %s (%s)"), d->side[s].operand, desc);
		fputc('\n', f);
	}
	text_counts(d, f, c);
	if (!sn_diff_agencies_compared(d))
		fprintf(f, "%s\n", _("(agencies not compared: a catalog file has none)"));
	if (summary || total == 0) {
		if (total == 0)
			fprintf(f, "\n%s\n", _("no differences"));
		return finish(f);
	}
	/* Grouped by entity, then kind; within a group by key and field. */
	sqlite3_stmt *st = sn_prepare(&d->ctx,
		"SELECT entity, kind, key, field, before, after, label, frank, fate_outcome, fate_target, fate_n "
		"FROM labelled ORDER BY erank, "
		"CASE kind WHEN 'added' THEN 0 WHEN 'removed' THEN 1 ELSE 2 END, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	char group[64] = "", key[1024] = "";
	int r, open = 0;  /* a line is open: ended lazily, since a key's rows follow one another */
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *entity = sn_col(st, 0), *kind = sn_col(st, 1), *k = sn_col(st, 2), *field = sn_col(st, 3);
		int changed = !strcmp(kind, "changed");
		char g[64];
		snprintf(g, sizeof g, "%s %s", entity, kind);
		if (strcmp(g, group)) {
			snprintf(group, sizeof group, "%s", g);
			fprintf(f, "%s\n", open ? "\n" : "");
			fprintf(f, _(TEXT_GROUPS[index_of(sn_diff_entities, SN_DIFF_ENTITIES, entity)]
					       [index_of(sn_diff_kinds, 3, kind)]), sn_diff_count(d, entity, kind));
			fputc('\n', f);
			key[0] = '\0';
			open = 0;
		}
		if (strcmp(k, key)) {
			snprintf(key, sizeof key, "%s", k);
			fprintf(f, "%s%s %s", open ? "\n" : "", changed ? "~" : *kind == 'a' ? "+" : "-", k);
			if (*sn_col(st, 6))
				fprintf(f, "  %s", sn_col(st, 6));
			open = 1;
		}
		/* Changed fields one per line; an added or removed binding's on its line (online, and
		 * the old codes it came from); an added or removed procedure or agency by its name. */
		if (changed)
			fprintf(f, "\n    %s: %s -> %s", field, shown(st, 4), shown(st, 5));
		else if (!strcmp(entity, "binding"))
			fprintf(f, "  %s: %s", field, shown(st, *kind == 'a' ? 5 : 4));
		else if (sqlite3_column_int(st, 7) == 0 && sqlite3_column_type(st, 8) != SQLITE_NULL) {
			/* a removed agency: where it went */
			char fate[2000];
			fprintf(f, "\n    -> %s", sn_label_fate(sn_col(st, 8), sn_col(st, 9), sqlite3_column_int(st, 10),
							 d->lang, fate, sizeof fate));
		}
	}
	if (open)
		fputc('\n', f);
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : finish(f);
}

int sn_diff_write_text(struct sn_diff *d, FILE *f, int summary)
{
	enum sn_lang prev = sn_lang_use(d->lang);
	int rc = write_text(d, f, summary);
	sn_lang_use(prev);
	return rc;
}

/* --- CSV --------------------------------------------------------------------------------------- */

/* The arrow between old and new in a changed cell: "->", or a longer one ("-->", ...) when a
 * value holds it, so the cell splits back unambiguously (the highlighter format's rule). */
static int arrow(struct sn_diff *d, char *out, size_t len)
{
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT EXISTS (SELECT 1 FROM change WHERE instr(before, ?1) "
					       "OR instr(after, ?1))");
	if (!st)
		return SN_IO;
	snprintf(out, len, "->");
	for (;;) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
		if (sn_step(&d->ctx, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return SN_IO;
		}
		if (!sqlite3_column_int(st, 0) || strlen(out) + 2 >= len)
			break;
		memmove(out + 1, out, strlen(out) + 1);
		out[0] = '-';
	}
	sqlite3_finalize(st);
	return 0;
}

static int summary_csv(struct sn_diff *d, FILE *f)
{
	long c[SN_DIFF_ENTITIES][3], total;
	if (counts(d, c, &total))
		return SN_IO;
	fputs("entity,added,removed,changed\n", f);
	for (int e = 0; e < nentities(d); e++)
		fprintf(f, "%s,%ld,%ld,%ld\n", sn_diff_entities[e], c[e][0], c[e][1], c[e][2]);
	return finish(f);
}

int sn_diff_write_tdiff(struct sn_diff *d, FILE *f, int summary)
{
	if (summary)
		return summary_csv(d, f);
	char arr[32];
	if (arrow(d, arr, sizeof arr))
		return SN_IO;
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT entity, kind, key, field, before, after FROM change "
					       "ORDER BY erank, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	fputs("@@,entity,key,field,value\n", f);
	int r;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *kind = sn_col(st, 1);
		/* The marker too starts with '+' or '-': a spreadsheet would run it as a formula. */
		sn_csv_write_cell(f, !strcmp(kind, "added") ? "+++" : !strcmp(kind, "removed") ? "---" : arr);
		for (int i = 0; i < 3; i++) {
			fputc(',', f);
			sn_csv_write_cell(f, sn_col(st, i == 0 ? 0 : i + 1));
		}
		fputc(',', f);
		if (!strcmp(kind, "changed")) {
			char *cell = sqlite3_mprintf("%s%s%s", sn_col(st, 4), arr, sn_col(st, 5));
			sn_csv_write_cell(f, cell ? cell : "");
			sqlite3_free(cell);
		} else {
			sn_csv_write_cell(f, sn_col(st, !strcmp(kind, "added") ? 5 : 4));
		}
		fputc('\n', f);
	}
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : finish(f);
}

/* --- one column per field: CSV and workbook --------------------------------------------------- */

/* The rows of the spreadsheet form, in the order of the other formats. The decided value and its
 * reason are the decision of the procedure's field (a time unit is part of the time limit, a
 * field code of the field, the level of the jurisdiction). */
static const char *ROWS_SQL =
	"SELECT l.entity, l.kind, l.key, CASE l.entity WHEN 'binding' THEN COALESCE(l.pname, '') || "
	"  CASE WHEN l.label <> '' THEN ' — ' || l.label ELSE '' END ELSE COALESCE(l.label, '') END, "
	"  l.field, l.before, l.after, d.value, d.reason, l.fate_outcome, l.fate_target, l.fate_n, l.frank "
	"FROM labelled l LEFT JOIN decision d ON l.entity = 'procedure' AND d.subject = l.k1 AND d.field = "
	"  CASE l.field WHEN 'time_unit' THEN 'time_limit' WHEN 'field_code' THEN 'field' WHEN 'field_name' THEN 'field' "
	"  WHEN 'levels' THEN 'jurisdiction' ELSE l.field END "
	"ORDER BY l.erank, l.s1, l.s2, l.key, l.frank";

enum { R_ENTITY, R_KIND, R_KEY, R_NAME, R_FIELD, R_BEFORE, R_AFTER, R_DECISION, R_REASON, NR };

/* The columns' names, which programs read. With --lang vi a label comes first and the name stays
 * in parentheses ("Đối tượng (entity)"): the names are the msgids, the Vietnamese both. */
static const char *const ROW_HEADS[NR] = {
	/* TRANSLATORS: a CSV column: a label, then the column's name as it is in parentheses */
	NC_("diff csv column", "entity"), NC_("diff csv column", "kind"), NC_("diff csv column", "key"),
	NC_("diff csv column", "name"), NC_("diff csv column", "field"), NC_("diff csv column", "before"),
	NC_("diff csv column", "after"), NC_("diff csv column", "decision"), NC_("diff csv column", "reason"),
};

/* The column names in the language in use. */
static void row_heads(const char *heads[NR])
{
	for (int i = 0; i < NR; i++)
		heads[i] = sn_pgettext("diff csv column", ROW_HEADS[i]);
}

/* Calls FN with each row's cells (values labelled in the diff's language) and, for a removed
 * agency with an outcome, one more row: field "outcome". */
static int each_row(struct sn_diff *d, void (*fn)(void *arg, const char *const *cells), void *arg)
{
	sqlite3_stmt *st = sn_prepare(&d->ctx, ROWS_SQL);
	if (!st)
		return SN_IO;
	int r, vi = d->lang == SN_LANG_VI;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *field = sn_col(st, 4);
		char b1[2000], b2[2000], b3[2000], fate[4000];
		const char *before = sqlite3_column_type(st, 5) == SQLITE_NULL ? "" : sn_col(st, 5);
		const char *after = sqlite3_column_type(st, 6) == SQLITE_NULL ? "" : sn_col(st, 6);
		const char *dec = sqlite3_column_type(st, 7) == SQLITE_NULL ? "" : sn_col(st, 7);
		if (vi) {
			/* combined old values ("70: full | 75: partial") stay as they are */
			if (!strchr(before, '|'))
				before = sn_label_value(field, before, d->lang, b1, sizeof b1);
			if (!strchr(after, '|'))
				after = sn_label_value(field, after, d->lang, b2, sizeof b2);
			if (*dec)
				dec = sn_label_value(!strcmp(field, "portal") ? "portal" : field, dec, d->lang, b3, sizeof b3);
		}
		const char *cells[NR] = { vi ? sn_label("entity", sn_col(st, 0), d->lang) : sn_col(st, 0),
					  vi ? sn_label("kind", sn_col(st, 1), d->lang) : sn_col(st, 1), sn_col(st, 2),
					  sn_col(st, 3), vi ? sn_label("field", field, d->lang) : field, before, after, dec,
					  sn_col(st, 8) };
		fn(arg, cells);
		if (sqlite3_column_type(st, 9) != SQLITE_NULL && sqlite3_column_int(st, 12) == 0) {
			sn_label_fate(sn_col(st, 9), sn_col(st, 10), sqlite3_column_int(st, 11), d->lang, fate, sizeof fate);
			const char *c2[NR] = { cells[0], cells[1], cells[2], cells[3], vi ? sn_label("field", "outcome", d->lang) :
					       "outcome", "", fate, "", "" };
			fn(arg, c2);
		}
	}
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : 0;
}

static void csv_line(void *arg, const char *const *cells)
{
	FILE *f = arg;
	for (int i = 0; i < NR; i++) {
		if (i)
			fputc(',', f);
		sn_csv_write_cell(f, cells[i]);
	}
	fputc('\n', f);
}

int sn_diff_write_csv(struct sn_diff *d, FILE *f, int summary)
{
	if (summary)
		return summary_csv(d, f);
	const char *heads[NR];
	enum sn_lang prev = sn_lang_use(d->lang);
	row_heads(heads);
	csv_line(f, heads);
	int rc = each_row(d, csv_line, f);
	sn_lang_use(prev);
	return rc ? SN_IO : finish(f);
}

static void book_line(void *arg, const char *const *cells)
{
	sn_sheet_row(arg, cells);
}

/* The workbook's sheets, in the language in use (sn_diff_write_xlsx switches to the diff's). */
static int book_sheets(struct sn_diff *d, struct sn_book *b, int summary)
{
	int vi = d->lang == SN_LANG_VI;
	const char *heads[5] = { C_("diff sheet column", "entity"), C_("diff sheet column", "added"),
				 C_("diff sheet column", "removed"), C_("diff sheet column", "changed"),
				 C_("diff sheet column", "total") };
	enum sn_cell types[5] = { SN_CELL_TEXT, SN_CELL_NUMBER, SN_CELL_NUMBER, SN_CELL_NUMBER, SN_CELL_NUMBER };
	/* TRANSLATORS: a sheet's name: at most 31 characters, none of []:*?/\ */
	struct sn_sheet *s = sn_book_sheet(b, C_("diff sheet", "Summary"), 5, heads, types);
	long c[SN_DIFF_ENTITIES][3], total;
	if (!s || counts(d, c, &total))
		return SN_IO;
	for (int e = 0; e < nentities(d); e++) {
		char n[4][32];
		for (int k = 0; k < 3; k++)
			snprintf(n[k], sizeof n[k], "%ld", c[e][k]);
		snprintf(n[3], sizeof n[3], "%ld", c[e][0] + c[e][1] + c[e][2]);
		const char *cells[5] = { vi ? sn_label("entity", sn_diff_entities[e], d->lang) : sn_diff_entities[e],
					 n[0], n[1], n[2], n[3] };
		sn_sheet_row(s, cells);
	}
	if (summary)
		return 0;
	enum sn_cell t2[NR] = { SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_TEXT, SN_CELL_WRAP, SN_CELL_TEXT, SN_CELL_WRAP,
				SN_CELL_WRAP, SN_CELL_WRAP, SN_CELL_WRAP };
	const char *rheads[NR];
	row_heads(rheads);
	struct sn_sheet *rows = sn_book_sheet(b, C_("diff sheet", "Changes"), NR, rheads, t2);
	return rows ? each_row(d, book_line, rows) : SN_IO;
}

int sn_diff_write_xlsx(struct sn_diff *d, const char *path, int summary)
{
	char err[1200];
	struct sn_book *b = sn_book_new(path, NULL, err, sizeof err);
	if (!b) {
		sn_error(&d->ctx, "%s", err);
		return SN_IO;
	}
	enum sn_lang prev = sn_lang_use(d->lang);
	int rc = book_sheets(d, b, summary);
	sn_lang_use(prev);
	if (rc) {
		sn_book_abort(b);
		return rc;
	}
	if (sn_book_close(b, err, sizeof err)) {
		sn_error(&d->ctx, "%s", err);
		return SN_IO;
	}
	return 0;
}

/* --- JSON -------------------------------------------------------------------------------------- */

static void json_or_null(FILE *f, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		fputs("null", f);
	else
		sn_json_string(f, sn_col(st, i));
}

static void json_side(FILE *f, const struct sn_diff_side *s)
{
	static const char *sources[] = { "", "database", "export", "catalog" };
	fputs("{\"operand\": ", f);
	sn_json_string(f, s->operand);
	fputs(", \"source\": ", f);
	sn_json_string(f, sources[s->source]);
	fputs(", \"state\": ", f);
	if (*s->state)
		sn_json_string(f, s->state);
	else
		fputs("null", f);
	fputs(", \"provinces\": [", f);
	/* "70, 75" -> ["70", "75"] */
	for (const char *p = s->provinces; *p;) {
		size_t n = strcspn(p, ",");
		char one[16];
		snprintf(one, sizeof one, "%.*s", (int)(n < 15 ? n : 15), p);
		sn_json_string(f, one);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
		if (*p)
			fputs(", ", f);
	}
	fputs("]}", f);
}

int sn_diff_write_json(struct sn_diff *d, FILE *f, int summary)
{
	long c[SN_DIFF_ENTITIES][3], total;
	if (counts(d, c, &total))
		return SN_IO;
	fputs("{\n  \"before\": ", f);
	json_side(f, &d->side[0]);
	fputs(",\n  \"after\": ", f);
	json_side(f, &d->side[1]);
	fputs(",\n  \"summary\": {", f);
	for (int e = 0; e < nentities(d); e++)
		fprintf(f, "%s\"%s\": {\"added\": %ld, \"removed\": %ld, \"changed\": %ld}", e ? ", " : "",
			sn_diff_entities[e], c[e][0], c[e][1], c[e][2]);
	fprintf(f, ", \"total\": %ld}", total);
	if (summary) {
		fputs("\n}\n", f);
		return finish(f);
	}
	fputs(",\n  \"changes\": [", f);
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT entity, kind, key, field, before, after FROM change "
					       "ORDER BY erank, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	static const char *names[] = { "entity", "kind", "key", "field" };
	int r, n = 0;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		fputs(n++ ? ",\n    {" : "\n    {", f);
		for (int i = 0; i < 4; i++) {
			fprintf(f, "\"%s\": ", names[i]);
			sn_json_string(f, sn_col(st, i));
			fputs(", ", f);
		}
		fputs("\"before\": ", f);
		json_or_null(f, st, 4);
		fputs(", \"after\": ", f);
		json_or_null(f, st, 5);
		fputc('}', f);
	}
	sqlite3_finalize(st);
	fputs(n ? "\n  ]\n}\n" : "]\n}\n", f);
	return r < 0 ? SN_IO : finish(f);
}
