/* xlsxout.c - XLSX workbooks for reviewers (xlsxout.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>
#include "exitcodes.h"
#include "i18n.h"
#include "outfile.h"
#include "text.h"
#include "xlsxout.h"
#include "banned.h"

#define MAX_COLS 32
#define MAX_ROW 1048575L      /* Excel's last row (0-based) */
#define MAX_WIDTH 60.0

struct sn_sheet {
	struct sn_book *book;
	lxw_worksheet *ws;
	char name[32];
	int ncols, table;     /* table: a header row and an autofilter */
	enum sn_cell types[MAX_COLS];
	double width[MAX_COLS];
	long row;             /* the next row */
	long dropped;
	struct sn_sheet *next;
};

struct sn_book {
	lxw_workbook *wb;
	struct sn_outfile out;
	lxw_format *head, *date, *title, *wrap;
	struct sn_sheet *sheets, *last;
	lxw_worksheet *lists;  /* the hidden sheet of drop-down values */
	long list_row;
	char err[600];
};

static time_t parse_date(const char *date)
{
	struct tm tm = { 0 };
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (date && sscanf(date, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 3) {
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		return timegm(&tm);
	}
	if (sde && *sde)
		return (time_t)strtoll(sde, NULL, 10);
	return time(NULL);
}

struct sn_book *sn_book_new(const char *path, const char *date, char *err, size_t errlen)
{
	struct sn_book *b = calloc(1, sizeof *b);
	if (!b) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return NULL;
	}
	if (sn_outfile_open(&b->out, path, err, errlen)) {
		free(b);
		return NULL;
	}
	/* The library writes the file itself, by name: the temporary file is only reserved here. */
	if (sn_outfile_close(&b->out, err, errlen)) {
		free(b);
		return NULL;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL, .use_zip64 = LXW_TRUE };
	b->wb = workbook_new_opt(b->out.tmp, &opt);
	if (!b->wb) {
		snprintf(err, errlen, _("cannot create the workbook '%s'"), path);
		sn_outfile_abort(&b->out);
		free(b);
		return NULL;
	}
	static char who[] = "sapnhap";
	lxw_doc_properties props = { .title = who, .author = who, .created = parse_date(date) };
	workbook_set_properties(b->wb, &props);
	b->head = workbook_add_format(b->wb);
	format_set_bold(b->head);
	format_set_bg_color(b->head, 0xEEF1F5);
	format_set_border(b->head, LXW_BORDER_THIN);
	format_set_text_wrap(b->head);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_TOP);
	b->date = workbook_add_format(b->wb);
	format_set_num_format(b->date, "dd/mm/yyyy");
	format_set_align(b->date, LXW_ALIGN_LEFT);
	b->title = workbook_add_format(b->wb);
	format_set_bold(b->title);
	format_set_font_size(b->title, 13);
	b->wrap = workbook_add_format(b->wb);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	return b;
}

static void sheet_name(char out[32], const char *name)
{
	/* At most 31 characters, cut at a character boundary; []:*?/\ are not allowed. */
	size_t k = 0, chars = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p && k < 31 * 4; p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > 31)
			break;
		if (k + 1 >= 32)
			break;
		out[k++] = strchr("[]:*?/\\", *p) ? '_' : (char)*p;
	}
	while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0xC0)
		k--;  /* a lead byte cut from its continuation */
	out[k] = '\0';
}

static struct sn_sheet *add_sheet(struct sn_book *b, const char *name)
{
	struct sn_sheet *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->book = b;
	sheet_name(s->name, name);
	s->ws = workbook_add_worksheet(b->wb, s->name);
	if (!s->ws) {
		free(s);
		return NULL;
	}
	if (b->last)
		b->last->next = s;
	else
		b->sheets = s;
	b->last = s;
	return s;
}

struct sn_sheet *sn_book_sheet(struct sn_book *b, const char *name, int ncols, const char *const *heads,
			       const enum sn_cell *types)
{
	struct sn_sheet *s = add_sheet(b, name);
	if (!s)
		return NULL;
	s->ncols = ncols > MAX_COLS ? MAX_COLS : ncols;
	s->table = heads != NULL;
	for (int i = 0; i < s->ncols; i++) {
		s->types[i] = types ? types[i] : SN_CELL_TEXT;
		s->width[i] = 8;
	}
	if (heads) {
		for (int i = 0; i < s->ncols; i++) {
			worksheet_write_string(s->ws, 0, (lxw_col_t)i, heads[i], b->head);
			/* a heading may wrap onto two lines */
			double w = (double)sn_text_width(heads[i]) / 2 + 2;
			if (w > s->width[i])
				s->width[i] = w;
		}
		worksheet_freeze_panes(s->ws, 1, 0);
		s->row = 1;
	}
	return s;
}

void sn_sheet_title(struct sn_sheet *s, const char *text)
{
	if (s->row > MAX_ROW)
		return;
	worksheet_write_string(s->ws, (lxw_row_t)s->row++, 0, text, s->book->title);
}

/* "2025-07-01" and nothing else */
static int is_date(const char *v)
{
	static const char shape[] = "9999-99-99";
	if (strlen(v) != 10)
		return 0;
	for (int i = 0; i < 10; i++)
		if (shape[i] == '9' ? v[i] < '0' || v[i] > '9' : v[i] != '-')
			return 0;
	return 1;
}

void sn_sheet_row(struct sn_sheet *s, const char *const *cells)
{
	if (s->row > MAX_ROW) {
		s->dropped++;
		return;
	}
	lxw_row_t r = (lxw_row_t)s->row++;
	for (int i = 0; i < s->ncols; i++) {
		const char *v = cells[i];
		if (!v || !*v)
			continue;
		double w = (double)sn_text_width(v) + 2;
		if (s->types[i] == SN_CELL_NUMBER) {
			char *end;
			double d = strtod(v, &end);
			if (end != v && !*end) {
				worksheet_write_number(s->ws, r, (lxw_col_t)i, d, NULL);
				goto width;
			}
		} else if (s->types[i] == SN_CELL_DATE || is_date(v)) {
			/* a date column, or a text cell that is exactly an ISO date: a date cell */
			lxw_datetime dt = { 0 };
			if (strlen(v) >= 10 && sscanf(v, "%4d-%2d-%2d", &dt.year, &dt.month, &dt.day) == 3 &&
			    v[4] == '-' && v[7] == '-') {
				worksheet_write_datetime(s->ws, r, (lxw_col_t)i, &dt, s->book->date);
				w = 12;
				goto width;
			}
		}
		/* Text, always as a string cell: never a formula, whatever its first character. */
		worksheet_write_string(s->ws, r, (lxw_col_t)i, v, s->types[i] == SN_CELL_WRAP ? s->book->wrap : NULL);
width:
		if (w > s->width[i])
			s->width[i] = w;
	}
}

void sn_sheet_dropdown(struct sn_sheet *s, int col, const char *const *values, int n)
{
	struct sn_book *b = s->book;
	if (n <= 0 || s->row <= 1 || col >= s->ncols)
		return;
	if (!b->lists) {
		b->lists = workbook_add_worksheet(b->wb, "Giá trị");
		if (!b->lists)
			return;
		worksheet_hide(b->lists);
	}
	if (b->list_row > MAX_ROW)
		return;
	/* One row of the hidden sheet per drop-down: its cells are the choices. */
	lxw_row_t lr = (lxw_row_t)b->list_row++;
	int k = n > 200 ? 200 : n;
	for (int i = 0; i < k; i++)
		worksheet_write_string(b->lists, lr, (lxw_col_t)i, values[i], NULL);
	char ref[80], last[8];
	lxw_col_t c = (lxw_col_t)(k - 1);
	/* column letters of the last choice */
	if (c < 26)
		snprintf(last, sizeof last, "%c", 'A' + c);
	else
		snprintf(last, sizeof last, "%c%c", 'A' + c / 26 - 1, 'A' + c % 26);
	snprintf(ref, sizeof ref, "='Giá trị'!$A$%lu:$%s$%lu", (unsigned long)lr + 1, last, (unsigned long)lr + 1);
	lxw_data_validation dv = { 0 };
	dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
	dv.value_formula = ref;
	/* A reviewer may type another value (a fee the catalogs did not have): warn, do not refuse. */
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	dv.ignore_blank = LXW_VALIDATION_ON;
	worksheet_data_validation_cell(s->ws, (lxw_row_t)(s->row - 1), (lxw_col_t)col, &dv);
}

long sn_sheet_rows(const struct sn_sheet *s)
{
	return s->table ? s->row - 1 : s->row;
}

static void free_book(struct sn_book *b)
{
	for (struct sn_sheet *s = b->sheets, *n; s; s = n) {
		n = s->next;
		free(s);
	}
	free(b);
}

int sn_book_close(struct sn_book *b, char *err, size_t errlen)
{
	for (struct sn_sheet *s = b->sheets; s; s = s->next) {
		for (int i = 0; i < s->ncols; i++)
			worksheet_set_column(s->ws, (lxw_col_t)i, (lxw_col_t)i,
					     s->width[i] > MAX_WIDTH ? MAX_WIDTH : s->width[i],
					     s->types[i] == SN_CELL_WRAP ? b->wrap : NULL);
		if (s->table && s->row > 1)
			worksheet_autofilter(s->ws, 0, 0, (lxw_row_t)(s->row - 1), (lxw_col_t)(s->ncols - 1));
	}
	lxw_error e = workbook_close(b->wb);
	b->wb = NULL;
	int rc = 0;
	if (e != LXW_NO_ERROR) {
		snprintf(err, errlen, _("cannot write '%s': %s"), b->out.path, lxw_strerror(e));
		rc = SN_IO;
	} else if (sn_outfile_rename(&b->out, err, errlen)) {
		rc = SN_IO;
	}
	for (struct sn_sheet *s = b->sheets; s && !rc; s = s->next)
		if (s->dropped)
			snprintf(err, errlen, _("sheet '%s' holds Excel's 1,048,576 rows: %ld more were left out"),
				 s->name, s->dropped);
	sn_outfile_abort(&b->out);
	free_book(b);
	return rc;
}

void sn_book_abort(struct sn_book *b)
{
	if (!b)
		return;
	if (b->wb)
		workbook_close(b->wb);
	sn_outfile_abort(&b->out);
	free_book(b);
}
