/* cmd_units_import.c - 'sapnhap units import': reads a unit source into the registry.
 *
 * Three kinds of source, recognised by their header row:
 *   conversion  the official old->new table (XLSX workbook or its flat sheet saved as CSV), with
 *               the errata of mappings/errata-2025.csv applied (errata.h);
 *   list        the pre-reform unit list (province, district, commune with codes and type);
 *   changes     our event CSV for later reforms (mappings/README.md), or a published list of
 *               the units in force as JSON, from which the change is derived (snapshot.c).
 * Each import is a dated event. The raw rows are stored (link, listed_unit) and the unit table is
 * then rebuilt from every event in date order (units_rebuild), so sources can arrive in any order
 * and --force replaces one event exactly.
 */
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "db.h"
#include "options.h"
#include "errata.h"
#include "i18n.h"
#include "table.h"
#include "text.h"
#include "unitjson.h"
#include "units.h"
#include "banned.h"

#define DEFAULT_SHEET "Tổng hợp_không merge "
#define HEADER_SCAN_ROWS 20

enum kind { K_NONE, K_CONVERSION, K_LIST, K_CHANGES };
static const char *kind_names[] = { "", "conversion", "list", "changes" };

/* Columns of each kind, by header key (sn_name_key with type kept, no diacritics). */
enum { C_NEWPROV, C_NEWNAME, C_NEWCODE, C_OLDNAME, C_OLDCODE, C_NOTE, C_OLDDIST, C_OLDPROV, NCONV };
/* Alternatives are separated by '|': the merged sheet of the official workbook says
 * "Tỉnh, thành phố mới" and "Quận/huyện cũ" where the flat sheet omits mới/cũ. */
static const char *conv_cols[NCONV] = { "tinh thanh pho|tinh thanh pho moi", "ten xa moi",
					 "ma xa moi", "ten xa cu", "ma xa cu", "ghi chu",
					 "quan huyen|quan huyen cu", "tinh cu" };
enum { L_PROV, L_PROVCODE, L_DIST, L_DISTCODE, L_COMM, L_COMMCODE, L_TYPE, NLIST };
static const char *list_cols[NLIST] = { "tinh thanh pho", "ma tp", "quan huyen", "ma qh",
					"phuong xa", "ma px", "cap" };
enum { X_LEVEL, X_OLDCODE, X_NEWCODE, X_NEWNAME, X_SHARE, X_NOTE, NCHG };
static const char *chg_cols[NCHG] = { "level", "old code", "new code", "new name", "share", "note" };
static const int chg_required[NCHG] = { 1, 1, 1, 1, 0, 0 };

struct import {
	struct sn_ctx *ctx;
	sn_table *t;
	const char *path;
	enum kind kind;
	int col[8];  /* enough for the widest kind (conversion: 8 columns) */
	size_t width;           /* header cells: cells beyond must be blank */
	long long event_id;
	const char *effective;
	long seq;
	long padded_cells;
	sqlite3_stmt *ins;
	struct sn_errata errata;   /* conversion tables: the errata to apply (none: --as-published) */
	int as_published;          /* match the errata, apply none */
	long corrected, not_applied;
	sqlite3_stmt *corr;        /* INSERT INTO correction */
	/* Notes classified so far: a table repeats a handful of notes on every row, and classifying
	 * one tokenises it. Replaced round-robin when full. */
	struct {
		char *note;
		enum sn_note_class nc;
		enum sn_share share;
	} notes[16];
	size_t next_note;
};

/* sn_classify_note of NOTE, each distinct note classified once (struct import, notes). */
static enum sn_note_class classify_note(struct import *im, const char *note, enum sn_share *share)
{
	const size_t n = sizeof im->notes / sizeof *im->notes;
	for (size_t i = 0; i < n && im->notes[i].note; i++)
		if (!strcmp(im->notes[i].note, note)) {
			*share = im->notes[i].share;
			return im->notes[i].nc;
		}
	enum sn_note_class nc = sn_classify_note(note, share);
	char *copy = strdup(note);
	if (copy) {
		size_t i = im->next_note++ % n;
		free(im->notes[i].note);
		im->notes[i].note = copy;
		im->notes[i].nc = nc;
		im->notes[i].share = *share;
	}
	return nc;
}

static void notes_free(struct import *im)
{
	for (size_t i = 0; i < sizeof im->notes / sizeof *im->notes; i++)
		free(im->notes[i].note);
}

static char *header_key(const char *cell)
{
	char *tmp = strdup(cell), *k;
	if (!tmp)
		return NULL;
	for (char *p = tmp; *p; p++)
		if (*p == '_' || *p == '/')
			*p = ' ';
	k = sn_name_key(tmp, SN_KEY_KEEP_TYPE | SN_KEY_ASCII, NULL);
	free(tmp);
	return k;
}

/* Whether KEY equals one of the '|'-separated ALTERNATIVES. */
static int alias_match(const char *alternatives, const char *key)
{
	size_t n = strlen(key);
	for (const char *p = alternatives; p; p = strchr(p, '|') ? strchr(p, '|') + 1 : NULL) {
		const char *end = strchr(p, '|');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, key, n) == 0)
			return 1;
	}
	return 0;
}

/* Maps header cells to the columns of one kind; returns how many required columns were found. */
static int match_header(char **cells, size_t n, const char **names, int ncols, int *col)
{
	int found = 0;
	for (int c = 0; c < ncols; c++)
		col[c] = -1;
	for (size_t i = 0; i < n; i++) {
		char *k = header_key(cells[i]);
		if (!k)
			continue;
		for (int c = 0; c < ncols; c++)
			if (col[c] < 0 && alias_match(names[c], k)) {
				col[c] = (int)i;
				found++;
				break;
			}
		free(k);
	}
	return found;
}

/* Reads rows until one is a known header. Title rows above it (the official table has one) are
 * skipped. */
static int find_header(struct import *im, enum kind want)
{
	char **cells;
	size_t n;
	for (int row = 0; row < HEADER_SCAN_ROWS; row++) {
		int r = sn_table_next(im->t, &cells, &n);
		if (r < 0) {
			sn_error(im->ctx, "%s", sn_table_error(im->t));
			return SN_DATA;
		}
		if (r == 0)
			break;
		if ((want == K_NONE || want == K_CONVERSION) &&
		    match_header(cells, n, conv_cols, NCONV, im->col) == NCONV)
			im->kind = K_CONVERSION;
		else if ((want == K_NONE || want == K_LIST) &&
			 match_header(cells, n, list_cols, NLIST, im->col) >= L_TYPE)
			im->kind = K_LIST;
		else if (want == K_NONE || want == K_CHANGES) {
			match_header(cells, n, chg_cols, NCHG, im->col);
			int ok = 1;
			for (int c = 0; c < NCHG; c++)
				if (chg_required[c] && im->col[c] < 0)
					ok = 0;
			if (ok)
				im->kind = K_CHANGES;
		}
		if (im->kind != K_NONE) {
			im->width = n;
			return 0;
		}
	}
	sn_error(im->ctx, "%s: no header row in the first %d rows; expected the official conversion "
		 "table (Mã Xã mới, Mã Xã cũ, Ghi chú, ...), the pre-reform list (Mã TP, Mã QH, Mã PX) "
		 "or a change file (level,old_code,new_code,new_name)", im->path, HEADER_SCAN_ROWS);
	return SN_DATA;
}

static const char *cell(char **cells, size_t n, int col)
{
	return col >= 0 && (size_t)col < n ? cells[col] : "";
}

/* Cleans a text cell (NFC, whitespace); reports invalid UTF-8 at its position. */
static char *clean_cell(struct import *im, char **cells, size_t n, int col)
{
	char *s = sn_text_clean(cell(cells, n, col));
	if (!s)
		sn_error(im->ctx, "%s: text is not valid UTF-8", sn_table_pos(im->t, (size_t)col));
	return s;
}

/* One message for each level of code (2 digits a province, 3 a district, 5 a commune): a whole
 * sentence each, as a translation needs. */
static const char *by_level(int width, const char *province, const char *district, const char *commune)
{
	return width == 2 ? province : width == 3 ? district : commune;
}

/* Normalises a code cell to WIDTH digits, reporting bad codes at their position. Returns 0 ok
 * (padded/empty flags set), or SN_DATA after printing. */
static int code_cell(struct import *im, char **cells, size_t n, int col, int width, int required,
		     char out[16], int *padded)
{
	const char *raw = cell(cells, n, col);
	int r = sn_code_normalise(raw, width, out);
	if (r == 2 && required) {
		sn_error(im->ctx, by_level(width, N_("%s: province code is empty"), N_("%s: district code is empty"),
					   N_("%s: commune code is empty")), sn_table_pos(im->t, (size_t)col));
		return SN_DATA;
	}
	if (r == -1) {
		sn_error(im->ctx, by_level(width, N_("%s: province code '%s' must be digits"),
					   N_("%s: district code '%s' must be digits"),
					   N_("%s: commune code '%s' must be digits")),
			 sn_table_pos(im->t, (size_t)col), raw);
		return SN_DATA;
	}
	if (r == -2) {
		sn_error(im->ctx, by_level(width, N_("%s: province code '%s' must have %d digits"),
					   N_("%s: district code '%s' must have %d digits"),
					   N_("%s: commune code '%s' must have %d digits")),
			 sn_table_pos(im->t, (size_t)col), raw, width);
		return SN_DATA;
	}
	if (padded)
		*padded = r == 1;
	return 0;
}

/* "Tỉnh Đồng Nai (75)" -> name + 2-digit code. Without "(code)" the code comes back empty when
 * OPTIONAL (a province cell: resolved later from the rows that give it), else it is an error. */
static int name_code_cell(struct import *im, char **cells, size_t n, int col, int width,
			  int optional, char **name, char code[16])
{
	char *raw_code = NULL;
	int r = sn_split_name_code(cell(cells, n, col), name, &raw_code);
	if (r < 0) {
		sn_error(im->ctx, "%s: text is not valid UTF-8", sn_table_pos(im->t, (size_t)col));
		return SN_DATA;
	}
	if (r == 0 && optional) {
		code[0] = '\0';
		return 0;
	}
	if (r == 0) {
		sn_error(im->ctx, "%s: '%s' has no code in parentheses, as in 'Tỉnh Đồng Nai (75)'",
			 sn_table_pos(im->t, (size_t)col), *name);
		free(*name);
		*name = NULL;
		return SN_DATA;
	}
	int pr = sn_code_normalise(raw_code, width, code);
	free(raw_code);
	if (pr < 0 || pr == 2) {
		sn_error(im->ctx, by_level(width, N_("%s: province code in '%s' must have %d digits"),
					   N_("%s: district code in '%s' must have %d digits"),
					   N_("%s: commune code in '%s' must have %d digits")),
			 sn_table_pos(im->t, (size_t)col), cell(cells, n, col), width);
		free(*name);
		*name = NULL;
		return SN_DATA;
	}
	return 0;
}

/* Cells past the header's last column must be empty: the official table has 12 rows with blank
 * extra cells, but a value there means the columns are shifted. */
static int check_extra(struct import *im, char **cells, size_t n)
{
	for (size_t i = im->width; i < n; i++) {
		char *s = sn_text_clean(cells[i]);
		int bad = s && *s;
		free(s);
		if (bad) {
			sn_error(im->ctx, "%s: unexpected value '%s' beyond the last column",
				 sn_table_pos(im->t, i), cells[i]);
			return SN_DATA;
		}
	}
	return 0;
}

static void bind_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* One row of the table, in the order of the source: seq and the link ids grow together within a
 * conversion event, which rebuilding the registry relies on (registry.c, DERIVE_CONVERSION). */
static const char *LINK_INSERT =
	"INSERT INTO link(event_id, pos, seq, old_level, old_code, old_name, old_district_code, "
	"old_district_name, old_province_code, old_province_name, new_level, new_code, new_name, "
	"new_province_code, new_province_name, share, note_class, note, padded) "
	"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";

static int conversion_cells(struct import *im, char **cells, size_t n)
{
	int rc = SN_DATA;
	char *newname = NULL, *oldname = NULL, *note = NULL, *newprov = NULL, *olddist = NULL,
	     *oldprov = NULL;
	char newcode[16], oldcode[16], newprovcode[16], olddistcode[16], oldprovcode[16];
	int pad_new = 0, pad_old = 0;

	if (check_extra(im, cells, n))
		return SN_DATA;
	/* A province banner ("THÀNH PHỐ HÀ NỘI  ,,,,,,,") has no codes and no note. */
	if (sn_code_normalise(cell(cells, n, im->col[C_NEWCODE]), 5, newcode) == 2 &&
	    sn_code_normalise(cell(cells, n, im->col[C_OLDCODE]), 5, oldcode) == 2) {
		char *nt = sn_text_clean(cell(cells, n, im->col[C_NOTE]));
		int banner = nt && !*nt;
		free(nt);
		if (banner)
			return 0;
	}
	if (code_cell(im, cells, n, im->col[C_NEWCODE], 5, 1, newcode, &pad_new) ||
	    code_cell(im, cells, n, im->col[C_OLDCODE], 5, 0, oldcode, &pad_old))
		return SN_DATA;
	if (!(newname = clean_cell(im, cells, n, im->col[C_NEWNAME])) ||
	    !(oldname = clean_cell(im, cells, n, im->col[C_OLDNAME])) ||
	    !(note = clean_cell(im, cells, n, im->col[C_NOTE])))
		goto done;
	if (!*newname) {
		sn_error(im->ctx, "%s: new commune name is empty", sn_table_pos(im->t, (size_t)im->col[C_NEWNAME]));
		goto done;
	}
	if (name_code_cell(im, cells, n, im->col[C_NEWPROV], 2, 1, &newprov, newprovcode) ||
	    name_code_cell(im, cells, n, im->col[C_OLDDIST], 3, 0, &olddist, olddistcode) ||
	    name_code_cell(im, cells, n, im->col[C_OLDPROV], 2, 1, &oldprov, oldprovcode))
		goto done;

	enum sn_share share;
	enum sn_note_class nc = classify_note(im, note, &share);
	if (nc == SN_NOTE_UNKNOWN) {
		sn_error(im->ctx, "%s: unknown note '%s' (known: Nhập toàn bộ, Nhập một phần, Nhập một "
			 "phần diện tích, toàn bộ dân số, Giữ nguyên, Đổi tên, Đổi loại hình, Phần còn lại "
			 "sau khi tách ..., Sắp xếp toàn bộ huyện X thành đặc khu X)",
			 sn_table_pos(im->t, (size_t)im->col[C_NOTE]), note);
		goto done;
	}
	/* The old unit: a commune by its code; a whole district turned special zone (no commune
	 * code); or an uncoded area such as a coastal flat managed by a district. */
	const char *old_level = "commune";
	const char *ocode = oldcode, *oname = oldname;
	if (!*oldcode) {
		if (nc == SN_NOTE_SPECIAL_ZONE) {
			old_level = "district";
			ocode = olddistcode;
			oname = olddist;
		} else if (*oldname) {
			old_level = "area";
		} else {
			sn_error(im->ctx, "%s: old commune has neither a code nor a name",
				 sn_table_pos(im->t, (size_t)im->col[C_OLDCODE]));
			goto done;
		}
	}
	char padded[16] = "";
	if (pad_old || (*oldcode && sn_table_is_number(im->t, (size_t)im->col[C_OLDCODE]) && pad_old))
		snprintf(padded, sizeof padded, "old");
	if (pad_new)
		snprintf(padded + strlen(padded), sizeof padded - strlen(padded), "%snew", *padded ? "," : "");
	im->padded_cells += pad_old + pad_new;

	sqlite3_stmt *st = im->ins;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, im->event_id);
	sqlite3_bind_text(st, 2, sn_table_pos(im->t, (size_t)-1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ++im->seq);
	sqlite3_bind_text(st, 4, old_level, -1, SQLITE_STATIC);
	bind_or_null(st, 5, *ocode ? ocode : NULL);
	sqlite3_bind_text(st, 6, oname, -1, SQLITE_TRANSIENT);
	bind_or_null(st, 7, olddistcode);
	bind_or_null(st, 8, olddist);
	bind_or_null(st, 9, oldprovcode);
	bind_or_null(st, 10, oldprov);
	sqlite3_bind_text(st, 11, "commune", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 12, newcode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, newname, -1, SQLITE_TRANSIENT);
	bind_or_null(st, 14, newprovcode);
	bind_or_null(st, 15, newprov);
	sqlite3_bind_text(st, 16, sn_share_name(share), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, sn_note_class_name(nc), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, note, -1, SQLITE_TRANSIENT);
	bind_or_null(st, 19, padded);
	rc = sn_step(im->ctx, st) == SQLITE_DONE ? 0 : SN_IO;
done:
	free(newname);
	free(oldname);
	free(note);
	free(newprov);
	free(olddist);
	free(oldprov);
	return rc;
}

/* --- errata of the official table (errata.h) ------------------------------------------------- */

static int record_correction(struct import *im, const struct sn_erratum *e, const char *pos,
			     const char *found, const char *status)
{
	sqlite3_stmt *st = im->corr;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, im->event_id);
	sqlite3_bind_text(st, 2, e->pos, -1, SQLITE_STATIC);
	bind_or_null(st, 3, pos);
	sqlite3_bind_text(st, 4, sn_errata_columns[e->column], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->new_code, -1, SQLITE_STATIC);
	bind_or_null(st, 6, e->old_code);
	bind_or_null(st, 7, e->old_name);
	sqlite3_bind_text(st, 8, e->published, -1, SQLITE_STATIC);
	if (found)
		sqlite3_bind_text(st, 9, found, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 9);
	sqlite3_bind_text(st, 10, e->corrected, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, status, -1, SQLITE_STATIC);
	return sn_step(im->ctx, st) == SQLITE_DONE ? 0 : SN_IO;
}

/* The erratum's cell of a row as compared: a code zero-padded, text cleaned. Malloc'ed. */
static char *erratum_cell(struct import *im, const struct sn_erratum *e, char **cells, size_t n)
{
	const char *raw = cell(cells, n, im->col[e->column]);
	char code[16];
	if (sn_errata_is_code(e->column) && sn_code_normalise(raw, 5, code) >= 0)
		return strdup(code);
	char *s = sn_text_clean(raw);
	return s ? s : strdup(raw);
}

/* Matches the row against every erratum; a cell that holds the published value is replaced by
 * the corrected one in *FIXED (a copy of the row's cell pointers; NULL when nothing changed). */
static int apply_errata(struct import *im, char **cells, size_t n, char ***fixed, size_t *nfixed)
{
	static char empty[1];
	char nc[16], oc[16];
	int rc = 0, mine = 0;
	*fixed = NULL;
	if (sn_code_normalise(cell(cells, n, im->col[C_NEWCODE]), 5, nc) < 0)
		return 0;  /* the row's own checks report it */
	for (size_t i = 0; i < im->errata.n; i++)
		if (!strcmp(nc, im->errata.v[i].new_code) ||
		    (im->errata.v[i].column == C_NEWCODE && !strcmp(nc, im->errata.v[i].corrected))) {
			im->errata.v[i].new_seen = 1;
			mine = 1;
		}
	if (!mine)
		return 0;
	if (sn_code_normalise(cell(cells, n, im->col[C_OLDCODE]), 5, oc) < 0)
		return 0;
	char *oname = sn_text_clean(cell(cells, n, im->col[C_OLDNAME]));
	char *okey = oname ? sn_name_key(oname, SN_KEY_KEEP_TYPE, NULL) : NULL;
	free(oname);
	if (!okey)
		return 0;
	for (size_t i = 0; i < im->errata.n && rc == 0; i++) {
		struct sn_erratum *e = &im->errata.v[i];
		char *val = erratum_cell(im, e, cells, n);
		if (!val) {
			rc = SN_IO;
			break;
		}
		enum sn_erratum_match m = sn_erratum_match(e, nc, oc, okey, val);
		if (m != SN_ERRATUM_OTHER_ROW) {
			char pos[700];
			snprintf(pos, sizeof pos, "%s", sn_table_pos(im->t, (size_t)im->col[e->column]));
			e->rows++;
			const char *status = m == SN_ERRATUM_PUBLISHED ? (im->as_published ? "as-published" : "applied") :
					     m == SN_ERRATUM_ALREADY ? "already" : "mismatch";
			rc = record_correction(im, e, pos, val, status);
			if (rc == 0 && m == SN_ERRATUM_PUBLISHED && !im->as_published) {
				if (!*fixed) {
					size_t w = n > im->width ? n : im->width;
					if (!(*fixed = malloc(w * sizeof **fixed))) {
						rc = SN_IO;
						break;
					}
					for (size_t k = 0; k < w; k++)
						(*fixed)[k] = k < n ? cells[k] : empty;
					*nfixed = w;
				}
				(*fixed)[im->col[e->column]] = e->corrected;
				im->corrected++;
				sn_info(im->ctx, "%s: corrected %s '%s' -> '%s' (erratum %s)", pos,
					sn_errata_columns[e->column], e->published, e->corrected, e->pos);
			} else if (m == SN_ERRATUM_PUBLISHED) {
				im->not_applied++;
			} else if (m == SN_ERRATUM_MISMATCH) {
				im->not_applied++;
				sn_warn(im->ctx, "%s: erratum %s not applied: the cell holds '%s', not the "
					"published '%s'", pos, e->pos, val, e->published);
			}
		}
		free(val);
	}
	free(okey);
	if (rc) {
		free(*fixed);
		*fixed = NULL;
	}
	return rc;
}

/* After the last row: an erratum whose new commune is in the table but whose row is not is
 * reported (the table was changed since the erratum was written). An erratum whose new commune
 * is not in the table at all (an extract of some provinces, another table) does not concern it. */
static int finish_errata(struct import *im)
{
	int rc = 0;
	for (size_t i = 0; i < im->errata.n && rc == 0; i++) {
		const struct sn_erratum *e = &im->errata.v[i];
		if (e->rows || !e->new_seen)
			continue;
		im->not_applied++;
		sn_warn(im->ctx, "erratum %s not applied: no row of new commune %s has old commune %s%s'%s'",
			e->pos, e->new_code, e->old_code, *e->old_code ? " " : "", e->old_name);
		rc = record_correction(im, e, NULL, NULL, "missing");
	}
	if (rc == 0 && im->as_published && im->not_applied)
		sn_info(im->ctx, "errata not applied (--as-published): %ld; 'sapnhap units check --rule "
			"erratum-not-applied' lists them", im->not_applied);
	return rc;
}

static int errata_concern(const struct import *im)
{
	for (size_t i = 0; i < im->errata.n; i++)
		if (im->errata.v[i].new_seen)
			return 1;
	return 0;
}

static int conversion_row(struct import *im, char **cells, size_t n)
{
	char **fixed = NULL;
	size_t nf = 0;
	int rc = im->errata.n ? apply_errata(im, cells, n, &fixed, &nf) : 0;
	if (rc)
		return rc;
	rc = fixed ? conversion_cells(im, fixed, nf) : conversion_cells(im, cells, n);
	free(fixed);
	return rc;
}

static int list_insert(struct import *im, const char *level, const char *code, const char *name,
		       const char *type, const char *parent)
{
	/* Provinces and districts repeat on every commune row: the first row names them. */
	sqlite3_stmt *st = im->ins;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, im->event_id);
	sqlite3_bind_text(st, 2, sn_table_pos(im->t, (size_t)-1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, level, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_TRANSIENT);
	bind_or_null(st, 6, type);
	bind_or_null(st, 7, parent);
	return sn_step(im->ctx, st) == SQLITE_DONE ? 0 : SN_IO;
}

static int list_row(struct import *im, char **cells, size_t n)
{
	int rc = SN_DATA;
	char pcode[16], dcode[16], ccode[16];
	char *pname = NULL, *dname = NULL, *cname = NULL, *type = NULL;
	if (check_extra(im, cells, n) ||
	    code_cell(im, cells, n, im->col[L_PROVCODE], 2, 1, pcode, NULL) ||
	    code_cell(im, cells, n, im->col[L_DISTCODE], 3, 1, dcode, NULL) ||
	    code_cell(im, cells, n, im->col[L_COMMCODE], 5, 0, ccode, NULL))
		return SN_DATA;
	if (!(pname = clean_cell(im, cells, n, im->col[L_PROV])) ||
	    !(dname = clean_cell(im, cells, n, im->col[L_DIST])) ||
	    !(cname = clean_cell(im, cells, n, im->col[L_COMM])) ||
	    !(type = clean_cell(im, cells, n, im->col[L_TYPE])))
		goto done;
	/* Island districts without communes (Bạch Long Vĩ, Cồn Cỏ, ...) are listed as a district
	 * row with no commune: both commune cells empty. One of the two alone is an error. */
	if (!*ccode && !*cname) {
		rc = list_insert(im, "province", pcode, pname, NULL, NULL);
		if (!rc)
			rc = list_insert(im, "district", dcode, dname, NULL, pcode);
		goto done;
	}
	if (!*ccode) {
		sn_error(im->ctx, "%s: commune code is empty", sn_table_pos(im->t, (size_t)im->col[L_COMMCODE]));
		goto done;
	}
	if (!*cname) {
		sn_error(im->ctx, "%s: commune name is empty", sn_table_pos(im->t, (size_t)im->col[L_COMM]));
		goto done;
	}
	sn_unit_type ty = sn_unit_type_parse(type);
	if (*type && ty == SN_TYPE_NONE) {
		sn_error(im->ctx, "%s: unknown unit type '%s'", sn_table_pos(im->t, (size_t)im->col[L_TYPE]), type);
		goto done;
	}
	const char *tlabel = ty != SN_TYPE_NONE ? sn_unit_type_label(ty) : NULL;
	/* A commune listed twice is an error; provinces and districts repeat by design. */
	if ((rc = list_insert(im, "province", pcode, pname, NULL, NULL)) ||
	    (rc = list_insert(im, "district", dcode, dname, NULL, pcode)))
		goto done;
	sqlite3_stmt *dup = sn_prepare(im->ctx, "SELECT pos FROM listed_unit WHERE event_id = ?1 AND "
						"level = 'commune' AND code = ?2");
	if (!dup) {
		rc = SN_IO;
		goto done;
	}
	sqlite3_bind_int64(dup, 1, im->event_id);
	sqlite3_bind_text(dup, 2, ccode, -1, SQLITE_STATIC);
	if (sn_step(im->ctx, dup) == SQLITE_ROW) {
		sn_error(im->ctx, "%s: commune code %s is listed twice (first at %s)",
			 sn_table_pos(im->t, (size_t)im->col[L_COMMCODE]), ccode, sn_col(dup, 0));
		sqlite3_finalize(dup);
		rc = SN_DATA;
		goto done;
	}
	sqlite3_finalize(dup);
	rc = list_insert(im, "commune", ccode, cname, tlabel, dcode);
done:
	free(pname);
	free(dname);
	free(cname);
	free(type);
	return rc;
}

static int changes_row(struct import *im, char **cells, size_t n)
{
	int rc = SN_DATA;
	char *level = NULL, *newname = NULL, *sharestr = NULL, *note = NULL;
	char oldcode[16], newcode[16];
	if (check_extra(im, cells, n))
		return SN_DATA;
	if (!(level = clean_cell(im, cells, n, im->col[X_LEVEL])) ||
	    !(newname = clean_cell(im, cells, n, im->col[X_NEWNAME])) ||
	    !(sharestr = clean_cell(im, cells, n, im->col[X_SHARE])) ||
	    !(note = clean_cell(im, cells, n, im->col[X_NOTE])))
		goto done;
	int width = !strcmp(level, "province") ? 2 : !strcmp(level, "district") ? 3 :
		    !strcmp(level, "commune") ? 5 : 0;
	if (!width) {
		sn_error(im->ctx, "%s: level '%s' must be province, district or commune",
			 sn_table_pos(im->t, (size_t)im->col[X_LEVEL]), level);
		goto done;
	}
	if (code_cell(im, cells, n, im->col[X_OLDCODE], width, 1, oldcode, NULL) ||
	    code_cell(im, cells, n, im->col[X_NEWCODE], width, 1, newcode, NULL))
		goto done;
	if (!*newname) {
		sn_error(im->ctx, "%s: new_name is empty", sn_table_pos(im->t, (size_t)im->col[X_NEWNAME]));
		goto done;
	}
	enum sn_share share = SN_SHARE_WHOLE;
	if (*sharestr && sn_share_parse(sharestr, &share) != 0) {
		sn_error(im->ctx, "%s: share '%s' must be whole, part or part-population",
			 sn_table_pos(im->t, (size_t)im->col[X_SHARE]), sharestr);
		goto done;
	}
	/* old_name, the old parents and the note class are filled when the event is applied to the
	 * registry, from the unit in force on the effective date. */
	sqlite3_stmt *st = im->ins;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_int64(st, 1, im->event_id);
	sqlite3_bind_text(st, 2, sn_table_pos(im->t, (size_t)-1), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, ++im->seq);
	sqlite3_bind_text(st, 4, level, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, oldcode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, level, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, newcode, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, newname, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, sn_share_name(share), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, sn_share_name(share), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, note, -1, SQLITE_TRANSIENT);
	rc = sn_step(im->ctx, st) == SQLITE_DONE ? 0 : SN_IO;
done:
	free(level);
	free(newname);
	free(sharestr);
	free(note);
	return rc;
}

/* A province cell without "(code)" (the merged sheet has 'Tỉnh Thanh Hóa' once) takes the code
 * that the other rows of the same table give that name, when they give exactly one; otherwise
 * the cell is an error. Nothing is guessed from outside the file. */
static int resolve_province_codes(struct import *im)
{
	static const char *cols[2][2] = { { "new_province_code", "new_province_name" },
					  { "old_province_code", "old_province_name" } };
	for (int i = 0; i < 2; i++) {
		char *sql = sqlite3_mprintf(
			"UPDATE link SET %s = (SELECT min(o.%s) FROM link o WHERE o.event_id = link.event_id "
			"AND o.%s IS NOT NULL AND sn_key(o.%s) = sn_key(link.%s) HAVING count(DISTINCT o.%s) = 1) "
			"WHERE event_id = %lld AND %s IS NULL",
			cols[i][0], cols[i][0], cols[i][0], cols[i][1], cols[i][1], cols[i][0], im->event_id,
			cols[i][0]);
		int rc = sql ? sn_exec(im->ctx, sql) : SN_IO;
		sqlite3_free(sql);
		/* An old province cell left empty (the merged sheet has one) follows its old district,
		 * whose code is unique in the country, as the other rows give it. */
		if (!rc && i == 1)
			rc = sn_execf(im->ctx,
				"UPDATE link SET old_province_code = (SELECT min(o.old_province_code) FROM link o "
				"WHERE o.event_id = link.event_id AND o.old_district_code = link.old_district_code "
				"AND o.old_province_code IS NOT NULL HAVING count(DISTINCT o.old_province_code) = 1), "
				"old_province_name = (SELECT min(o.old_province_name) FROM link o WHERE "
				"o.event_id = link.event_id AND o.old_district_code = link.old_district_code AND "
				"o.old_province_code IS NOT NULL) WHERE event_id = %lld AND old_province_code IS NULL "
				"AND old_province_name IS NULL", im->event_id);
		if (rc)
			return rc;
		sql = sqlite3_mprintf("SELECT pos, COALESCE(%s, '') FROM link WHERE event_id = %lld AND %s IS NULL "
				      "ORDER BY seq LIMIT 1", cols[i][1], im->event_id, cols[i][0]);
		sqlite3_stmt *st = sql ? sn_prepare(im->ctx, sql) : NULL;
		sqlite3_free(sql);
		if (!st)
			return SN_IO;
		if (sn_step(im->ctx, st) == SQLITE_ROW) {
			sn_error(im->ctx, "%s: '%s' has no code in parentheses and no other row names that "
				 "province with one", sn_col(st, 0), sn_col(st, 1));
			rc = SN_DATA;
		}
		sqlite3_finalize(st);
		if (rc)
			return rc;
	}
	return 0;
}


/* Before an event is written: with --force, the earlier import of the same event is dropped (the
 * rebuild after the import re-derives the registry from the events that remain plus this one);
 * otherwise an event of that name must not exist. */
static int make_room(struct sn_ctx *ctx, const struct sn_step *step, const char *event)
{
	int rc;
	if (step->previous &&
	    (rc = sn_execf(ctx, "DELETE FROM link WHERE event_id IN (SELECT id FROM event WHERE name = %Q);"
				"DELETE FROM listed_unit WHERE event_id IN (SELECT id FROM event WHERE name = %Q);"
				"DELETE FROM correction WHERE event_id IN (SELECT id FROM event WHERE name = %Q);"
				"DELETE FROM unit; DELETE FROM event WHERE name = %Q", event, event, event, event)))
		return rc;
	sqlite3_stmt *dupe = sn_prepare(ctx, "SELECT 1 FROM event WHERE name = ?1");
	if (!dupe)
		return SN_IO;
	sqlite3_bind_text(dupe, 1, event, -1, SQLITE_STATIC);
	int exists = sn_step(ctx, dupe) == SQLITE_ROW;
	sqlite3_finalize(dupe);
	if (exists) {
		sn_error(ctx, "event '%s' exists already; choose another --event name", event);
		return SN_DATA;
	}
	return 0;
}

/* A published list of the units in force (JSON, unitjson.h): the change event is derived from
 * it and the list before it (snapshot.c), then stored and applied like a change file. */
static int import_list_json(struct sn_ctx *ctx, struct sn_step *step, const char *cmd,
			    const char *path, const char *event, const char *effective,
			    const char *before_path)
{
	struct sn_snapshot after = { 0 }, before = { 0 };
	char err[1200];
	int rc;
	if (!event || !effective)
		return sn_usage_error(ctx, cmd, "a published list of units (JSON) needs --event NAME and "
				      "--effective DATE");
	if ((rc = sn_step_add_input(ctx, step, path)) ||
	    (before_path && (rc = sn_step_add_input(ctx, step, before_path))))
		return rc;
	const char *files[2] = { path, before_path };
	struct sn_snapshot *lists[2] = { &after, &before };
	for (int i = 0; i < 2 && files[i]; i++) {
		int r = sn_snapshot_load(files[i], lists[i], err, sizeof err);
		if (r) {
			sn_error(ctx, "%s", err);
			sn_snapshot_free(&after);
			return r == -1 ? SN_IO : SN_DATA;
		}
	}
	step->target = sqlite3_mprintf("%s", event);
	step->args = sqlite3_mprintf("kind=changes from=json effective=%s before=%s", effective,
				     before_path ? "list" : "registry");
	if (!step->target || !step->args) {
		rc = SN_IO;
		goto done;
	}
	rc = sn_step_begin(ctx, step);
	if (rc == SN_DONE) {
		rc = SN_OK;
		goto done;
	}
	if (rc)
		goto done;
	/* After --force dropped the earlier import, the registry is rebuilt without it first: the
	 * list is compared with the registry as the other events make it. */
	if ((rc = make_room(ctx, step, event)) || (step->previous && (rc = units_rebuild(ctx))) ||
	    (rc = sn_execf(ctx, "INSERT INTO event(name, effective, kind, source, sha256) "
				"VALUES (%Q, %Q, 'changes', %Q, %Q)", event, effective, path, step->sha[0])))
		goto fail;
	struct sn_derived d;
	if ((rc = sn_snapshot_derive(ctx, sqlite3_last_insert_rowid(ctx->db), effective, path, &after,
				     before_path ? &before : NULL, &d)) ||
	    (rc = units_rebuild(ctx)))
		goto fail;
	char counts[256];
	snprintf(counts, sizeof counts, "units=%ld links=%ld renamed=%ld reclassified=%ld moved=%ld "
		 "merged=%ld restyled=%ld", d.units, d.links, d.renamed, d.reclassified, d.moved,
		 d.merged, d.restyled);
	if (before_path) {
		size_t len = strlen(counts);
		snprintf(counts + len, sizeof counts - len, " known=%ld", d.known);
	}
	/* The counts are key=value, the same in every language. */
	fprintf(ctx->out, step->dry_run ?
		_("would import event '%s' (changes from a list, effective %s) from %s [json]: %s\n") :
		step->previous ?
		_("re-imported event '%s' (changes from a list, effective %s) from %s [json]: %s\n") :
		_("imported event '%s' (changes from a list, effective %s) from %s [json]: %s\n"),
		event, effective, path, counts);
	rc = sn_step_commit(ctx, step, counts);
	goto done;
fail:
	sn_step_abort(ctx, step);
done:
	sn_snapshot_free(&after);
	sn_snapshot_free(&before);
	return rc;
}

static const struct sn_usage usage = {
	.args = "FILE", .min_args = 1, .max_args = 1, .expected = N_("one FILE"),
	.description =
	N_("Imports a unit source as a dated event. FILE is recognised by its header row:\n"
	"  conversion  the official old->new table: the XLSX workbook (default sheet: the flat\n"
	"              'Tổng hợp_không merge ') or that sheet saved as CSV. Default event\n"
	"              'reform-2025', effective 2025-07-01. The errata of the official\n"
	"              table (mappings/errata-2025.csv) are applied to the cells that hold\n"
	"              the published value, each correction reported on stderr.\n"
	"  list        the pre-reform unit list (Mã TP, Mã QH, Mã PX, Cấp). Default event\n"
	"              'pre-reform', effective 2025-06-30.\n"
	"  changes     a change file for a later reform (mappings/README.md); --event and\n"
	"              --effective are required.\n"
	"A published list of the units in force (JSON: provinces with \"Code\", \"FullName\" and\n"
	"\"Wards\") is a change too (--event, --effective required): renames, new types, communes\n"
	"under another province and provinces merged are derived from the units in force the\n"
	"day before (or the list --before). Names differing only in tone placement, case or\n"
	"spacing are no change; a unit new in the list, or a commune gone, stops the import.\n"),
	.examples =
	"sapnhap units import ../shared/data/units/nso-conversion-2025.xlsx\n",
};

static const char *const kind_choices[] = { "conversion", "list", "changes", NULL };

int cmd_units_import(struct sn_ctx *ctx, int argc, char **argv)
{
	const char *event = NULL, *effective = NULL, *sheet = NULL, *errata = NULL, *before = NULL;
	enum kind want = K_NONE;
	sn_encoding enc = SN_ENC_AUTO;
	struct sn_step step = { .step = "units import" };
	struct import im = { .ctx = ctx };
	int rc = SN_OK, kind = -1, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_CHOICE("kind", &kind, kind_choices, "conversion, list or changes (default: from the header)"),
		OPT_STRING("event", &event, "NAME", "name of the event (re-importing the same name replaces nothing\n"
			   "unless --force)"),
		OPT_DATE("effective", &effective, "YYYY-MM-DD on which the event took effect"),
		OPT_STRING("sheet", &sheet, "NAME", "worksheet of an XLSX file"),
		OPT_ENCODING(&enc, "CSV encoding: auto (default), utf-8, cp1258, tcvn3"),
		OPT_DRY_RUN(&step.dry_run),
		OPT_FORCE(&step.forced, "replace an event imported before from different inputs"),
		OPT_FLAG("as-published", &im.as_published,
			 "conversion table: import exactly as published, applying none\n"
			 "of the errata (mappings/errata-2025.csv); 'units check' lists\n"
			 "them"),
		OPT_FILE("errata", &errata, "conversion table: apply the errata of FILE instead of the\n"
			 "built-in ones (same format)"),
		{ .kind = SN_OPT_FILE, .name = "before", .value = &before, .argh = "LIST.json",
		  .help = N_("JSON list: compare with this earlier list of the same publisher\n"
		  "instead of the registry (changes the registry has already are\n"
		  "dropped)") },
		OPT_END()
	};
	if ((rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return rc == SN_DONE ? SN_OK : rc;
	if (kind >= 0)
		want = (enum kind)(kind + 1);
	im.path = args[0];
	if (event && !*event)
		return sn_usage_error(ctx, argv[0], "--event must not be empty");

	if (sn_looks_like_json(im.path)) {
		if (want != K_NONE && want != K_CHANGES)
			return sn_usage_error(ctx, argv[0], "a published list of units (JSON) is a change; "
					      "--kind must be changes or absent");
		rc = import_list_json(ctx, &step, argv[0], im.path, event, effective, before);
		sqlite3_free(step.target);
		sqlite3_free(step.args);
		return rc;
	}
	if (before)
		return sn_usage_error(ctx, argv[0], "--before applies to a published list of units (JSON)");
	char err[1200];
	if ((rc = sn_step_add_input(ctx, &step, im.path)))
		return rc;
	im.t = sn_table_open(im.path, sheet, DEFAULT_SHEET, enc, err, sizeof err);
	if (!im.t) {
		/* FILE was read whole just now (its digest): what fails here is its content. */
		sn_error(ctx, "%s", err);
		return SN_DATA;
	}
	if ((rc = find_header(&im, want)))
		goto done;
	if (im.kind == K_CHANGES && (!event || !effective)) {
		rc = sn_usage_error(ctx, argv[0], "a change file needs --event NAME and --effective DATE");
		goto done;
	}
	if (!event)
		event = im.kind == K_CONVERSION ? "reform-2025" : "pre-reform";
	if (!effective)
		effective = im.kind == K_CONVERSION ? "2025-07-01" : "2025-06-30";
	im.effective = effective;
	if (im.kind != K_CONVERSION && (errata || im.as_published)) {
		rc = sn_usage_error(ctx, argv[0], "--errata and --as-published apply to a conversion table");
		goto done;
	}
	/* The official table's errata (mappings/errata-2025.csv, or --errata FILE) are an input of
	 * the step: changing them is changing the input. --as-published still matches them, to
	 * report what was left as published (the argument counts in the step's identity too). */
	if (im.kind == K_CONVERSION) {
		if ((rc = sn_errata_load(ctx, errata, &im.errata)))
			goto done;
		if (errata)
			rc = sn_step_add_input(ctx, &step, errata);
		else
			rc = sn_step_add_text(ctx, &step, "(built-in mappings/errata-2025.csv)", sn_errata_builtin());
		if (rc)
			goto done;
	}

	step.target = sqlite3_mprintf("%s", event);
	step.args = sqlite3_mprintf("kind=%s effective=%s sheet=%s encoding=%s%s", kind_names[im.kind],
				    effective, sheet ? sheet : "", sn_encoding_name(enc),
				    im.as_published ? " as-published" : "");
	if (!step.target || !step.args) {
		rc = SN_IO;
		goto done;
	}
	rc = sn_step_begin(ctx, &step);
	if (rc == SN_DONE) {
		rc = SN_OK;
		goto done;
	}
	if (rc)
		goto done;
	if ((rc = make_room(ctx, &step, event)))
		goto done;
	if ((rc = sn_execf(ctx, "INSERT INTO event(name, effective, kind, source, sha256) "
				"VALUES (%Q, %Q, %Q, %Q, %Q)", event, effective, kind_names[im.kind],
			   im.path, step.sha[0])))
		goto done;
	im.event_id = sqlite3_last_insert_rowid(ctx->db);
	im.ins = sn_prepare(ctx, im.kind == K_LIST ?
		"INSERT OR IGNORE INTO listed_unit(event_id, pos, level, code, name, type, parent_code) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" : LINK_INSERT);
	if (!im.ins) {
		rc = SN_IO;
		goto done;
	}
	if (im.errata.n && !(im.corr = sn_prepare(ctx,
		"INSERT INTO correction(event_id, erratum, pos, col, new_code, old_code, old_name, "
		"published, found, corrected, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"))) {
		rc = SN_IO;
		goto done;
	}

	char **cells;
	size_t n;
	long rows = 0;
	for (;;) {
		int r = sn_table_next(im.t, &cells, &n);
		if (r < 0) {
			sn_error(ctx, "%s", sn_table_error(im.t));
			rc = SN_DATA;
			goto done;
		}
		if (r == 0)
			break;
		rows++;
		rc = im.kind == K_CONVERSION ? conversion_row(&im, cells, n) :
		     im.kind == K_LIST ? list_row(&im, cells, n) : changes_row(&im, cells, n);
		if (rc)
			goto done;
	}
	if (im.kind == K_CONVERSION && ((rc = finish_errata(&im)) || (rc = resolve_province_codes(&im))))
		goto done;
	if ((rc = units_rebuild(ctx)))
		goto done;

	char counts[512];
	{
		char *q = sqlite3_mprintf(
			"SELECT (SELECT count(*) FROM link WHERE event_id = %lld), "
			"(SELECT count(DISTINCT old_code) FROM link WHERE event_id = %lld AND old_level = 'commune'), "
			"(SELECT count(*) FROM unit WHERE opened_by = %lld AND level = 'commune'), "
			"(SELECT count(*) FROM unit WHERE opened_by = %lld AND level = 'province'), "
			"(SELECT count(*) FROM listed_unit WHERE event_id = %lld AND level = 'commune')",
			im.event_id, im.event_id, im.event_id, im.event_id, im.event_id);
		sqlite3_stmt *st = q ? sn_prepare(ctx, q) : NULL;
		sqlite3_free(q);
		if (!st || sn_step(ctx, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			rc = SN_IO;
			goto done;
		}
		if (im.kind == K_LIST)
			snprintf(counts, sizeof counts, "rows=%ld communes=%lld", rows, sqlite3_column_int64(st, 4));
		else
			snprintf(counts, sizeof counts, "rows=%ld links=%lld old_communes=%lld new_communes=%lld "
				 "new_provinces=%lld padded_codes=%ld", rows, sqlite3_column_int64(st, 0),
				 sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
				 sqlite3_column_int64(st, 3), im.padded_cells);
		/* The errata are counted when they concern this table (some erratum found its row). */
		if (im.kind == K_CONVERSION && errata_concern(&im)) {
			size_t len = strlen(counts);
			snprintf(counts + len, sizeof counts - len, " corrected=%ld", im.corrected);
			len = strlen(counts);
			if (im.not_applied)
				snprintf(counts + len, sizeof counts - len, " not_applied=%ld", im.not_applied);
		}
		sqlite3_finalize(st);
	}
	/* The result line only once the step is committed. */
	if ((rc = sn_step_commit(ctx, &step, counts)))
		goto done;
	/* The kind (conversion, list, changes) as the event table stores it; key=value counts. */
	fprintf(ctx->out, step.dry_run ? _("would import event '%s' (%s, effective %s) from %s [%s]: %s\n") :
		step.previous ? _("re-imported event '%s' (%s, effective %s) from %s [%s]: %s\n") :
		_("imported event '%s' (%s, effective %s) from %s [%s]: %s\n"),
		event, kind_names[im.kind], effective, im.path, sn_table_format(im.t), counts);
done:
	sqlite3_finalize(im.ins);
	sqlite3_finalize(im.corr);
	sn_errata_free(&im.errata);
	notes_free(&im);
	sn_table_close(im.t);
	if (rc && rc != -1)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return rc;
}
