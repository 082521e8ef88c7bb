/* dossier_address.c - the applicant's address of an imported dossier, converted to the new units
 * (address.h): stored as written and rewritten with its status and new commune; an ambiguous one
 * goes to the review queue (step 'dossiers import', subject 'dossier:CODE') with its candidates.
 */
#include <stdlib.h>
#include <string.h>
#include "address.h"
#include "csv.h"
#include "db.h"
#include "reasons.h"
#include "banned.h"

struct sn_daddr {
	struct sn_ctx *ctx;
	sn_areg *reg;
	sqlite3_stmt *queue;
	long by[4];
};

struct sn_daddr *sn_dossier_address_begin(struct sn_ctx *ctx, int *rc)
{
	char today[11];
	struct sn_daddr *a = calloc(1, sizeof *a);
	if (!a) {
		sn_error(ctx, "out of memory");
		*rc = SN_IO;
		return NULL;
	}
	a->ctx = ctx;
	sn_today(today);
	*rc = SN_IO;
	if (!(a->reg = sn_areg_load(ctx, today, rc)) ||
	    !(a->queue = sn_prepare(ctx, "INSERT INTO review(step, subject, reason, detail) VALUES "
				       "('dossiers import', 'dossier:' || ?1, ?2, ?3)"))) {
		sn_dossier_address_end(a);
		return NULL;
	}
	*rc = 0;
	return a;
}

int sn_dossier_address(struct sn_daddr *a, sqlite3_stmt *ins, int col, const char *code, const char *address)
{
	if (!a || !address || !*address) {
		for (int k = 0; k < 5; k++)
			sqlite3_bind_null(ins, col + k);
		return 0;
	}
	struct sn_addr r;
	if (sn_address_match(a->reg, address, &r) < 0) {
		sn_addr_release(&r);
		sn_error(a->ctx, "out of memory");
		return SN_IO;
	}
	a->by[r.status]++;
	sqlite3_bind_text(ins, col, address, -1, SQLITE_TRANSIENT);
	if (*r.address_new)
		sqlite3_bind_text(ins, col + 1, r.address_new, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, col + 1);
	sqlite3_bind_text(ins, col + 2, sn_addr_status_name(r.status), -1, SQLITE_STATIC);
	if (*r.commune_code)
		sqlite3_bind_text(ins, col + 3, r.commune_code, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, col + 3);
	if (r.status == SN_ADDR_AMBIGUOUS)
		sqlite3_bind_text(ins, col + 4, r.candidates, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(ins, col + 4);
	int rc = 0;
	if (r.status == SN_ADDR_AMBIGUOUS) {
		char reasons[400];
		sn_addr_reasons(r.reasons, reasons, sizeof reasons);
		char *why = sqlite3_mprintf(SN_R_Q_ADDRESS, address, r.candidates, reasons);
		char *detail = sqlite3_mprintf(SN_R_Q_CANDIDATES, r.candidates);
		sqlite3_reset(a->queue);
		sqlite3_bind_text(a->queue, 1, code, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(a->queue, 2, why ? why : "", -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(a->queue, 3, detail ? detail : "", -1, SQLITE_TRANSIENT);
		if (!why || !detail || sqlite3_step(a->queue) != SQLITE_DONE) {
			sn_error(a->ctx, "database: %s", sqlite3_errmsg(a->ctx->db));
			rc = SN_IO;
		}
		sqlite3_free(why);
		sqlite3_free(detail);
	}
	sn_addr_release(&r);
	return rc;
}

void sn_dossier_address_counts(struct sn_daddr *a, char *buf, size_t len)
{
	snprintf(buf, len, " addresses=%ld converted=%ld already_new=%ld ambiguous=%ld not_found=%ld",
		 a->by[0] + a->by[1] + a->by[2] + a->by[3], a->by[SN_ADDR_CONVERTED], a->by[SN_ADDR_ALREADY_NEW],
		 a->by[SN_ADDR_AMBIGUOUS], a->by[SN_ADDR_NOT_FOUND]);
}

void sn_dossier_address_end(struct sn_daddr *a)
{
	if (!a)
		return;
	sqlite3_finalize(a->queue);
	sn_areg_free(a->reg);
	free(a);
}

/* export: addresses.csv, the dossiers' addresses old and new. */
int sn_export_has_addresses(struct sn_ctx *ctx, int *has)
{
	long long n;
	int rc = sn_query_int(ctx, &n, "SELECT EXISTS (SELECT 1 FROM dossier WHERE address IS NOT NULL)");
	*has = n > 0;
	return rc;
}

int sn_export_addresses(struct sn_ctx *ctx, FILE *f, long *rows)
{
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT code, province, address, address_new, address_status, "
					   "address_commune, address_candidates FROM dossier d WHERE address IS NOT NULL ORDER BY code");
	if (!st)
		return SN_IO;
	fputs("dossier_code,province,address,address_new,status,commune_code,candidates\n", f);
	int r;
	*rows = 0;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		for (int i = 0; i < 7; i++) {
			if (i)
				fputc(',', f);
			sn_csv_write_cell(f, sn_col(st, i));
		}
		fputc('\n', f);
		(*rows)++;
	}
	sqlite3_finalize(st);
	return r == SQLITE_DONE ? 0 : SN_IO;
}
