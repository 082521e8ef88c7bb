/* cmd_dossiers_import.c - 'sapnhap dossiers import': in-flight dossiers of one old province.
 *
 * Streams the CSV (ten million rows in bounded memory: one prepared INSERT per row inside the
 * step's transaction), then checks the whole file set-based: unknown agencies, procedures not
 * in the province's catalog, applicants' communes the unit registry does not know. The first
 * offending row is reported with its line; nothing is written.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "address.h"
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "db.h"
#include "import.h"
#include "level1.h"
#include "table.h"
#include "strset.h"
#include "text.h"
#include "units.h"
#include "banned.h"

enum { D_CODE, D_NAT, D_AGENCY, D_COMMUNE, D_HAMLET, D_STATUS, D_RECEIVED, D_DUE, D_ADDRESS, NDCOLS };
static const char *dcols[NDCOLS] = { "dossier_code", "national_code", "agency_code", "commune_code",
				     "hamlet", "status", "received", "due", "address" };

/* dossier.pos holds the line (or spreadsheet row) only: ten million copies of the file name
 * would double the table. */

/* The references every row is checked against, each loaded once into memory (their size is
 * the registry's, not the file's). */
static const char *SET_SQL[] = {
	"SELECT code FROM agency",
	"SELECT national_code FROM procedure WHERE province = ?1",
	"SELECT DISTINCT code FROM unit WHERE level = 'commune'",
};
enum { S_AGENCY, S_PROC, S_COMMUNE, NSETS };

static sn_strset *load_set(struct sn_ctx *ctx, const char *sql, const char *province)
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	sn_strset *s = st ? sn_strset_new() : NULL;
	int r = SQLITE_DONE;
	if (s && sqlite3_bind_parameter_count(st) > 0)
		sqlite3_bind_text(st, 1, province, -1, SQLITE_STATIC);
	while (s && (r = sn_step(ctx, st)) == SQLITE_ROW)
		if (sn_strset_add(s, sn_col(st, 0)) < 0)
			r = SQLITE_NOMEM;
	sqlite3_finalize(st);
	if (r != SQLITE_DONE) {
		if (r == SQLITE_NOMEM)
			sn_error(ctx, "out of memory");
		sn_strset_free(s);
		return NULL;
	}
	return s;
}

/* A cell that is already clean (ASCII, no control bytes, single inner spaces, nothing around):
 * codes, dates and most numbers. These are used as they are; only the others go through NFC and
 * white-space cleanup, which costs an allocation each. */
static int plain(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	if (*p == ' ')
		return 0;
	for (; *p; p++)
		if (*p >= 0x80 || *p < 0x20 || (*p == ' ' && (p[1] == ' ' || !p[1])))
			return 0;
	return 1;
}

/* The status column repeats a handful of Vietnamese phrases ("đã tiếp nhận"): their cleaned
 * form is kept in a small cache rather than normalised again on every row. */
#define NCACHE 16
struct cache {
	char *raw[NCACHE], *clean[NCACHE];
	unsigned next;
};

static const char *cached_clean(struct cache *c, const char *raw)
{
	for (unsigned i = 0; i < NCACHE && c->raw[i]; i++)
		if (!strcmp(c->raw[i], raw))
			return c->clean[i];
	char *r = strdup(raw), *cl = sn_text_clean(raw);
	if (!r || !cl) {
		free(r);
		free(cl);
		return NULL;
	}
	unsigned i = c->next++ % NCACHE;
	free(c->raw[i]);
	free(c->clean[i]);
	c->raw[i] = r;
	c->clean[i] = cl;
	return cl;
}

static void cache_release(struct cache *c)
{
	for (unsigned i = 0; i < NCACHE; i++) {
		free(c->raw[i]);
		free(c->clean[i]);
	}
}

/* The row's position, formatted only when a message needs it. */
#define POS sn_table_pos(t, (size_t)-1)

static const struct sn_usage usage = {
	.args = "FILE", .min_args = 1, .max_args = 1, .expected = N_("one FILE"),
	.description = N_(
	"Imports the in-flight dossiers of one old province. CSV header:\n"
	"  dossier_code,national_code,agency_code,commune_code,hamlet,status,received,due\n"
	"commune_code is the applicant's commune before the reform; dates are YYYY-MM-DD.\n"
	"An optional address column (the applicant's address as written) is converted to the\n"
	"new units as 'address convert' does (today's units); an ambiguous one goes to the\n"
	"review queue with its candidates.\n"
	"Streams: memory does not grow with the number of rows. A dossier at an agency under\n"
	"another province's level-1 code (H.. / K..) refuses the file; --level1 FILE replaces\n"
	"the built-in province -> level-1 code table.\n"),
	.examples =
	"sapnhap dossiers import samples/dossiers/dossiers.csv --province 70\n",
};

int cmd_dossiers_import(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_import im = { .step = { .step = "dossiers import" } };
	int rc = sn_import_begin(ctx, argc, argv, &usage, "the dossiers", &im);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	sqlite3_stmt *ins = NULL, *first = NULL, *by_key = NULL;
	sn_table *t = NULL;
	sn_strset *set[NSETS] = { 0 }, *own = NULL;  /* own: agency codes checked as the province's */
	struct cache status = { 0 };
	long rows = 0;
	struct sn_daddr *addr = NULL;
	if (!(own = sn_strset_new())) {
		rc = SN_IO;
		goto out;
	}
	if ((rc = sn_import_replace(ctx, &im, "DELETE FROM dossier_history WHERE dossier_id IN "
				    "(SELECT id FROM dossier WHERE province = :province); "
				    "DELETE FROM review WHERE step = 'dossiers import' AND subject IN "
				    "(SELECT 'dossier:' || code FROM dossier WHERE province = :province); "
				    "DELETE FROM dossier WHERE province = :province")))
		goto out;
	for (int k = 0; k < NSETS; k++)
		if (!(set[k] = load_set(ctx, SET_SQL[k], im.province))) {
			rc = SN_IO;
			goto out;
		}
	char err[1200];
	if (!(t = sn_table_open(im.path, NULL, NULL, im.enc, err, sizeof err))) {
		sn_error(ctx, "%s", err);
		rc = SN_DATA;
		goto out;
	}
	char **cells;
	size_t n;
	int col[NDCOLS], r = sn_table_next(t, &cells, &n);
	if (r <= 0) {
		if (r < 0)
			sn_error(ctx, "%s", sn_table_error(t));
		else
			sn_error(ctx, "%s: the file is empty (no header row)", im.path);
		rc = SN_DATA;
		goto out;
	}
	for (int k = 0; k < NDCOLS; k++)
		col[k] = sn_table_column(cells, n, dcols[k], NULL);
	if (col[D_CODE] < 0 || col[D_NAT] < 0 || col[D_AGENCY] < 0) {
		sn_error(ctx, "%s: the header needs dossier_code, national_code and agency_code",
			 sn_table_pos(t, (size_t)-1));
		rc = SN_DATA;
		goto out;
	}
	ins = sn_prepare(ctx, "INSERT INTO dossier(code, province, national_code, agency_code, commune_code, "
			      "hamlet, status, received, due, pos, address, address_new, address_status, address_commune, "
			      "address_candidates) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
	if (col[D_ADDRESS] >= 0 && !(addr = sn_dossier_address_begin(ctx, &rc)))
		goto out;
	first = sn_prepare(ctx, "SELECT pos FROM dossier WHERE code = ?1");
	by_key = sn_prepare(ctx, "SELECT code FROM agency WHERE sort_key = ?1 ORDER BY id LIMIT 1");
	if (!ins || !first || !by_key) {
		rc = SN_IO;
		goto out;
	}
	while ((r = sn_table_next(t, &cells, &n)) == 1) {
		const char *cl[NDCOLS];
		char *owned[NDCOLS] = { 0 };
		for (int k = 0; k < NDCOLS && rc == 0; k++) {
			const char *v = col[k] >= 0 && (size_t)col[k] < n ? cells[col[k]] : "";
			if (plain(v))
				cl[k] = v;
			else if (!(cl[k] = k == D_STATUS ? cached_clean(&status, v) : (owned[k] = sn_text_clean(v)))) {
				sn_error(ctx, "%s: %s is not valid UTF-8", sn_table_pos(t, (size_t)-1), dcols[k]);
				rc = SN_DATA;
			}
		}
		char commune[16] = "";
		if (rc == 0 && (!*cl[D_CODE] || !*cl[D_NAT] || !*cl[D_AGENCY])) {
			sn_error(ctx, "%s: dossier_code, national_code and agency_code are required", POS);
			rc = SN_DATA;
		}
		if (rc == 0 && *cl[D_COMMUNE] && sn_code_normalise(cl[D_COMMUNE], 5, commune) < 0) {
			sn_error(ctx, "%s: commune_code '%s' must be a 5-digit commune code", POS, cl[D_COMMUNE]);
			rc = SN_DATA;
		}
		for (int k = D_RECEIVED; rc == 0 && k <= D_DUE; k++)
			if (*cl[k] && !sn_valid_date(cl[k])) {
				sn_error(ctx, "%s: %s '%s' is not a date YYYY-MM-DD", POS, dcols[k], cl[k]);
				rc = SN_DATA;
			}
		if (rc == 0 && !sn_strset_has(own, cl[D_AGENCY])) {
			char whose[300];
			if (sn_level1_foreign(&im.l1, cl[D_AGENCY], whose, sizeof whose)) {
				sn_error(ctx, "%s: dossier %s is at agency %s, which belongs to %s, not to province %s "
					 "given by --province", POS, cl[D_CODE], cl[D_AGENCY], whose, im.province);
				rc = SN_DATA;
			} else if (sn_strset_add(own, cl[D_AGENCY]) < 0) {
				sn_error(ctx, "out of memory");
				rc = SN_IO;
			}
		}
		if (rc == 0 && !sn_strset_has(set[S_AGENCY], cl[D_AGENCY])) {
			/* Written in the other notation than the registry's (H10.32 for 000.00.32.H10):
			 * the same agency, kept as the registry writes it. */
			struct sn_agcode ac;
			char key[64];
			sn_agcode_parse(cl[D_AGENCY], &ac);
			sn_agcode_sort_key(&ac, cl[D_AGENCY], key, sizeof key);
			sqlite3_reset(by_key);
			sqlite3_bind_text(by_key, 1, key, -1, SQLITE_TRANSIENT);
			if (sn_step(ctx, by_key) == SQLITE_ROW) {
				char *reg = strdup(sn_col(by_key, 0));
				if (reg) {
					free(owned[D_AGENCY]);
					cl[D_AGENCY] = owned[D_AGENCY] = reg;
				}
			}
		}
		if (rc == 0 && !sn_strset_has(set[S_AGENCY], cl[D_AGENCY])) {
			sn_error(ctx, "%s: dossier %s is at agency %s, which is not in any imported registry",
				 POS, cl[D_CODE], cl[D_AGENCY]);
			rc = SN_DATA;
		}
		if (rc == 0 && !sn_strset_has(set[S_PROC], cl[D_NAT])) {
			sn_error(ctx, "%s: dossier %s is for procedure %s, which the catalog of the province does not list",
				 POS, cl[D_CODE], cl[D_NAT]);
			rc = SN_DATA;
		}
		if (rc == 0 && *commune && !sn_strset_has(set[S_COMMUNE], commune)) {
			sn_error(ctx, "%s: dossier %s names commune %s, which the unit registry does not know",
				 POS, cl[D_CODE], commune);
			rc = SN_DATA;
		}
		if (rc == 0) {
			sqlite3_reset(ins);
			sqlite3_bind_text(ins, 1, cl[D_CODE], -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, im.province, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, cl[D_NAT], -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, cl[D_AGENCY], -1, SQLITE_STATIC);
			if (*commune)
				sqlite3_bind_text(ins, 5, commune, -1, SQLITE_STATIC);
			else
				sqlite3_bind_null(ins, 5);
			for (int k = D_HAMLET; k <= D_DUE; k++)
				if (*cl[k])
					sqlite3_bind_text(ins, 6 + k - D_HAMLET, cl[k], -1, SQLITE_STATIC);
				else
					sqlite3_bind_null(ins, 6 + k - D_HAMLET);
			sqlite3_bind_int64(ins, 10, (sqlite3_int64)sn_table_line(t));
			/* The address, converted (columns 11-15; NULL without one). */
			rc = sn_dossier_address(addr, ins, 11, cl[D_CODE], cl[D_ADDRESS]);
			int s = rc ? SQLITE_DONE : sqlite3_step(ins);
			if (s == SQLITE_CONSTRAINT) {
				sqlite3_reset(first);
				sqlite3_bind_text(first, 1, cl[D_CODE], -1, SQLITE_TRANSIENT);
				sn_error(ctx, "%s: dossier %s is listed twice (first at line %s)", POS, cl[D_CODE],
					 sn_step(ctx, first) == SQLITE_ROW ? sn_col(first, 0) : "?");
				rc = SN_DATA;
			} else if (s != SQLITE_DONE) {
				sn_db_error(ctx, "INSERT");
				rc = SN_IO;
			}
			rows++;
		}
		for (int k = 0; k < NDCOLS; k++)
			free(owned[k]);
		if (rc)
			goto out;
		/* Progress on long imports, only for a person watching a terminal. */
		if (rows % 1000000 == 0 && isatty(fileno(ctx->err))) {
			fputc('\r', ctx->err);
			fprintf(ctx->err, _("%ld dossiers..."), rows);
		}
	}
	if (r < 0) {
		sn_error(ctx, "%s", sn_table_error(t));
		rc = SN_DATA;
		goto out;
	}
	if (rows >= 1000000 && isatty(fileno(ctx->err)))
		fputc('\n', ctx->err);
	char counts[300];
	snprintf(counts, sizeof counts, "dossiers=%ld", rows);
	if (addr)
		sn_dossier_address_counts(addr, counts + strlen(counts), sizeof counts - strlen(counts));
	static const char *const done[3] = { N_("would import dossiers of province %s from %s: %s\n"),
					      N_("re-imported dossiers of province %s from %s: %s\n"),
					      N_("imported dossiers of province %s from %s: %s\n") };
	rc = sn_import_commit(ctx, &im, counts, done);
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(first);
	sqlite3_finalize(by_key);
	sn_table_close(t);
	for (int k = 0; k < NSETS; k++)
		sn_strset_free(set[k]);
	sn_strset_free(own);
	cache_release(&status);
	sn_dossier_address_end(addr);
	return sn_import_end(ctx, &im, rc);
}
