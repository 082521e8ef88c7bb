/* db.h - the working database: opening, schema migrations, the one SQL helper, step journal.
 *
 * One SQLite file holds one migration. Every step runs inside one transaction (sn_step_begin ..
 * sn_step_commit), records itself in the journal, and is skipped when the same inputs were already
 * applied. All SQL goes through sn_exec/sn_prepare so a failure reports SQLite's message and the
 * SQL text.
 */
#ifndef SN_DB_H
#define SN_DB_H

#include <stdio.h>
#include <sqlite3.h>

struct sn_migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct sn_migration sn_migrations[];
extern const int sn_migration_count;

struct sn_ctx;

/* Opens (creating if needed) the database at path, applies pending migrations. readonly: open
 * without creating or migrating; a database from a newer sapnhap is refused. Returns 0 or an exit
 * code (SN_IO) after printing the error. */
int sn_db_open(struct sn_ctx *ctx, int readonly);
void sn_db_close(struct sn_ctx *ctx);
/* SAPNHAP_TRACE=1 in the environment: every statement of DB taking 10 ms or more is printed on
 * stderr with its time (sn_db_open does it for the working database). */
void sn_db_trace(sqlite3 *db);

/* Runs SQL (no result rows). On failure prints what went wrong in a person's terms, e.g.
 * "sapnhap: error: cannot write 'x.db': the disk is full; ..." (the SQL only with SAPNHAP_TRACE
 * set, on a "sapnhap: trace:" line) and returns SN_IO. */
int sn_exec(struct sn_ctx *ctx, const char *sql);
/* Reports the last failure on ctx->db as sn_exec does (SQL: what ran, for the trace). */
void sn_db_error(struct sn_ctx *ctx, const char *sql);
/* sqlite3_mprintf-formatted variant (%Q, %q, %w quoting). */
int sn_execf(struct sn_ctx *ctx, const char *fmt, ...);

/* Runs a script of several statements, calling BIND(statement, ARG) on each before it runs (to
 * bind named parameters such as :ev). Reports failures as sn_exec. Returns 0 or SN_IO. */
int sn_exec_script(struct sn_ctx *ctx, const char *sql, void (*bind)(sqlite3_stmt *, void *), void *arg);

/* Prepares SQL; on failure prints as sn_exec and returns NULL. */
sqlite3_stmt *sn_prepare(struct sn_ctx *ctx, const char *sql);
/* Steps a statement; returns SQLITE_ROW, SQLITE_DONE or, after printing, -1. */
int sn_step(struct sn_ctx *ctx, sqlite3_stmt *st);
/* Runs a query with one integer result (0 when no row). */
long long sn_query_int(struct sn_ctx *ctx, const char *sql);

/* Registers sn_key(), sn_ascii_key() and sn_type() (text.h keys) on a connection. */
int sn_db_functions(sqlite3 *db);

/* Text column as a C string ("" for NULL). */
const char *sn_col(sqlite3_stmt *st, int i);

/* --- steps --------------------------------------------------------------------------------- */

struct sn_step {
	const char *step;       /* "units import" */
	char *target;           /* owned: what the step writes, e.g. "event:reform-2025" */
	char *args;             /* owned: normalised arguments that shape the result */
	char inputs[8][1024];   /* input paths */
	char sha[8][65];        /* their SHA-256, hex */
	long long bytes[8];
	int ninputs;
	char input_hash[65];
	char started[32];
	int previous;           /* journal id of an earlier run of the same target, 0 if none */
	int forced;
	int dry_run;
};

/* Starts a step: hashes the inputs, looks for an earlier run of the same target, and opens the
 * transaction. Returns:
 *   0          proceed (transaction open);
 *   -1         already applied with identical inputs (message printed to stderr, nothing open);
 *   SN_DATA    earlier run had different inputs and force is off (message printed);
 *   SN_IO      cannot read an input or the database. */
int sn_step_begin(struct sn_ctx *ctx, struct sn_step *s);
int sn_step_add_input(struct sn_ctx *ctx, struct sn_step *s, const char *path);

/* Ends a step: writes the journal row (counts as "k=v ..." text) and commits, or, for a dry run,
 * rolls back. Returns 0 or SN_IO. */
int sn_step_commit(struct sn_ctx *ctx, struct sn_step *s, const char *counts);
/* Rolls back an open step (after an error). */
void sn_step_abort(struct sn_ctx *ctx, struct sn_step *s);
void sn_step_release(struct sn_step *s);

/* SHA-256 of a file, hex. Returns 0 or -1 with errno set. */
int sn_sha256_file(const char *path, char hex[65], long long *bytes);
/* SHA-256 of a buffer, hex. */
void sn_sha256_hex(const void *data, size_t len, char hex[65]);

/* SHA-256 over every value of every row of SQL, streamed (memory does not grow with the rows).
 * Steps use it to notice that the database rows they read changed since their last run. */
int sn_digest_query(struct sn_ctx *ctx, const char *sql, char hex[65]);

/* Current time as ISO 8601 UTC; honours SOURCE_DATE_EPOCH for reproducible journals. */
void sn_now(char buf[32]);
/* Today's date YYYY-MM-DD (local), honouring SOURCE_DATE_EPOCH. */
void sn_today(char buf[11]);

#endif
