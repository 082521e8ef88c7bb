/* cmd_dossiers.c - 'sapnhap dossiers import': in-flight dossiers of one old province.
 *
 * Streams the CSV (ten million rows in bounded memory: one prepared INSERT per row inside the
 * step's transaction), then checks the whole file set-based: unknown agencies, procedures not
 * in the province's catalog, applicants' communes the unit registry does not know. The first
 * offending row is reported with its line; nothing is written.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"
#include "table.h"
#include "text.h"
#include "units.h"

enum { D_CODE, D_NAT, D_AGENCY, D_COMMUNE, D_HAMLET, D_STATUS, D_RECEIVED, D_DUE, NDCOLS };
static const char *dcols[NDCOLS] = { "dossier_code", "national_code", "agency_code", "commune_code",
				     "hamlet", "status", "received", "due" };

/* dossier.pos holds the line (or spreadsheet row) only: ten million copies of the file name
 * would double the table. Messages put the file name back. */
static const struct {
	const char *sql, *fmt;
} CHECKS[] = {
	{ "SELECT d.pos, d.code, d.agency_code FROM dossier d WHERE d.province = ?1 AND NOT EXISTS "
	  "(SELECT 1 FROM agency a WHERE a.code = d.agency_code) ORDER BY d.id LIMIT 1",
	  "%s:%s: dossier %s is at agency %s, which is not in any imported registry" },
	{ "SELECT d.pos, d.code, d.national_code FROM dossier d WHERE d.province = ?1 AND NOT EXISTS "
	  "(SELECT 1 FROM procedure p WHERE p.province = ?1 AND p.national_code = d.national_code) "
	  "ORDER BY d.id LIMIT 1",
	  "%s:%s: dossier %s is for procedure %s, which the catalog of the province does not list" },
	{ "SELECT d.pos, d.code, d.commune_code FROM dossier d WHERE d.province = ?1 AND "
	  "d.commune_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.level = 'commune' "
	  "AND u.code = d.commune_code) ORDER BY d.id LIMIT 1",
	  "%s:%s: dossier %s names commune %s, which the unit registry does not know" },
};

static void usage(FILE *f)
{
	fputs("usage: sapnhap dossiers import FILE --province CODE [--encoding ENC] [--dry-run] [--force]\n"
	      "\n"
	      "Imports the in-flight dossiers of one old province. CSV header:\n"
	      "  dossier_code,national_code,agency_code,commune_code,hamlet,status,received,due\n"
	      "commune_code is the applicant's commune before the reform; dates are YYYY-MM-DD.\n"
	      "Streams: memory does not grow with the number of rows.\n"
	      "\n"
	      "example:\n"
	      "  sapnhap dossiers import samples/dossiers/dossiers.csv --province 70\n", f);
}

int cmd_dossiers_import(struct sn_ctx *ctx, int argc, char **argv)
{
	struct sn_step step = { .step = "dossiers import" };
	sn_encoding enc = SN_ENC_AUTO;
	char province[16];
	const char *path = NULL;
	int e = 0, rc = sn_import_begin(ctx, argc, argv, usage, province, &e, &step, &path);
	if (rc != -1) {
		sqlite3_free(step.target);
		sqlite3_free(step.args);
		return rc;
	}
	rc = 0;
	int undone = 0;
	enc = (sn_encoding)e;
	sqlite3_stmt *ins = NULL, *first = NULL;
	sn_table *t = NULL;
	long rows = 0;
	if (step.previous && ((rc = sn_reassign_undo(ctx, &undone)) ||
			      (rc = sn_execf(ctx, "DELETE FROM dossier_history WHERE dossier_id IN "
					       "(SELECT id FROM dossier WHERE province = %Q); "
					       "DELETE FROM dossier WHERE province = %Q", province, province))))
		goto out;
	char err[1200];
	if (!(t = sn_table_open(path, NULL, NULL, enc, err, sizeof err))) {
		sn_error(ctx, "%s", err);
		rc = SN_DATA;
		goto out;
	}
	char **cells;
	size_t n;
	int col[NDCOLS], r = sn_table_next(t, &cells, &n);
	if (r <= 0) {
		sn_error(ctx, "%s", r < 0 ? sn_table_error(t) : "file is empty");
		rc = SN_DATA;
		goto out;
	}
	for (int k = 0; k < NDCOLS; k++) {
		col[k] = -1;
		for (size_t i = 0; i < n; i++) {
			char *h = sn_text_clean(cells[i]);
			if (h && !strcmp(h, dcols[k]))
				col[k] = (int)i;
			free(h);
		}
	}
	if (col[D_CODE] < 0 || col[D_NAT] < 0 || col[D_AGENCY] < 0) {
		sn_error(ctx, "%s: the header needs dossier_code, national_code and agency_code",
			 sn_table_pos(t, (size_t)-1));
		rc = SN_DATA;
		goto out;
	}
	ins = sn_prepare(ctx, "INSERT INTO dossier(code, province, national_code, agency_code, commune_code, "
			      "hamlet, status, received, due, pos) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	first = sn_prepare(ctx, "SELECT pos FROM dossier WHERE code = ?1");
	if (!ins || !first) {
		rc = SN_IO;
		goto out;
	}
	while ((r = sn_table_next(t, &cells, &n)) == 1) {
		const char *v[NDCOLS];
		char *cl[NDCOLS] = { 0 };
		for (int k = 0; k < NDCOLS; k++)
			v[k] = col[k] >= 0 && (size_t)col[k] < n ? cells[col[k]] : "";
		long line = sn_table_line(t);
		for (int k = 0; k < NDCOLS && rc == 0; k++)
			if (!(cl[k] = sn_text_clean(v[k]))) {
				sn_error(ctx, "%s: %s is not valid UTF-8", sn_table_pos(t, (size_t)-1), dcols[k]);
				rc = SN_DATA;
			}
		char commune[16] = "";
		if (rc == 0 && (!*cl[D_CODE] || !*cl[D_NAT] || !*cl[D_AGENCY])) {
			sn_error(ctx, "%s: dossier_code, national_code and agency_code are required", sn_table_pos(t, (size_t)-1));
			rc = SN_DATA;
		}
		if (rc == 0 && *cl[D_COMMUNE] && sn_code_normalise(cl[D_COMMUNE], 5, commune) < 0) {
			sn_error(ctx, "%s: commune_code '%s' must be a 5-digit commune code", sn_table_pos(t, (size_t)-1), cl[D_COMMUNE]);
			rc = SN_DATA;
		}
		for (int k = D_RECEIVED; rc == 0 && k <= D_DUE; k++)
			if (*cl[k] && !sn_valid_date(cl[k])) {
				sn_error(ctx, "%s: %s '%s' is not a date YYYY-MM-DD", sn_table_pos(t, (size_t)-1), dcols[k], cl[k]);
				rc = SN_DATA;
			}
		if (rc == 0) {
			sqlite3_reset(ins);
			sqlite3_clear_bindings(ins);
			sqlite3_bind_text(ins, 1, cl[D_CODE], -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 2, province, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, cl[D_NAT], -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 4, cl[D_AGENCY], -1, SQLITE_STATIC);
			if (*commune)
				sqlite3_bind_text(ins, 5, commune, -1, SQLITE_TRANSIENT);
			for (int k = D_HAMLET; k <= D_DUE; k++)
				if (*cl[k])
					sqlite3_bind_text(ins, 6 + k - D_HAMLET, cl[k], -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 10, (sqlite3_int64)line);
			int s = sqlite3_step(ins);
			if (s == SQLITE_CONSTRAINT) {
				sqlite3_reset(first);
				sqlite3_bind_text(first, 1, cl[D_CODE], -1, SQLITE_TRANSIENT);
				sn_error(ctx, "%s: dossier %s is listed twice (first at line %s)", sn_table_pos(t, (size_t)-1), cl[D_CODE],
					 sn_step(ctx, first) == SQLITE_ROW ? sn_col(first, 0) : "?");
				rc = SN_DATA;
			} else if (s != SQLITE_DONE) {
				sn_error(ctx, "database: %s", sqlite3_errmsg(ctx->db));
				rc = SN_IO;
			}
			rows++;
		}
		for (int k = 0; k < NDCOLS; k++)
			free(cl[k]);
		if (rc)
			goto out;
		/* Progress on long imports, only for a person watching a terminal. */
		if (rows % 1000000 == 0 && isatty(fileno(ctx->err)))
			fprintf(ctx->err, "\r%ld dossiers...", rows);
	}
	if (r < 0) {
		sn_error(ctx, "%s", sn_table_error(t));
		rc = SN_DATA;
		goto out;
	}
	if (rows >= 1000000 && isatty(fileno(ctx->err)))
		fputc('\n', ctx->err);
	for (size_t i = 0; i < sizeof CHECKS / sizeof CHECKS[0]; i++) {
		sqlite3_stmt *st = sn_prepare(ctx, CHECKS[i].sql);
		if (!st) {
			rc = SN_IO;
			goto out;
		}
		sqlite3_bind_text(st, 1, province, -1, SQLITE_STATIC);
		if (sn_step(ctx, st) == SQLITE_ROW) {
			sn_error(ctx, CHECKS[i].fmt, path, sn_col(st, 0), sn_col(st, 1), sn_col(st, 2));
			rc = SN_DATA;
		}
		sqlite3_finalize(st);
		if (rc)
			goto out;
	}
	char counts[100];
	snprintf(counts, sizeof counts, "dossiers=%ld", rows);
	fprintf(ctx->out, "%s dossiers of province %s from %s: %s\n",
		step.dry_run ? "would import" : step.previous ? "re-imported" : "imported", province, path, counts);
	rc = sn_step_commit(ctx, &step, counts);
	if (rc == 0 && undone && !step.dry_run)
		sn_info(ctx, SN_REASSIGN_UNDONE_NOTE);
out:
	sqlite3_finalize(ins);
	sqlite3_finalize(first);
	sn_table_close(t);
	if (rc)
		sn_step_abort(ctx, &step);
	sqlite3_free(step.target);
	sqlite3_free(step.args);
	return rc;
}
