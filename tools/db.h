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
 * code (SN_IO) after printing the error.
 *
 * The database is in WAL mode: readers see the last committed state while a writer works, and
 * a writer's COMMIT does not wait for readers. A new database is built under a temporary name
 * beside it (.NAME.PID.N.tmp) and linked into place complete and migrated: at once, or, with
 * ctx->publish_on_commit, when its first step commits (sn_step_commit), so a failed or killed
 * first step leaves no database. A reader that finds the database left by a killed writer lets
 * SQLite recover it (the unfinished step is rolled back); when that needs write access it does
 * not have, it says so and how to recover. */
int sn_db_open(struct sn_ctx *ctx, int readonly);
void sn_db_close(struct sn_ctx *ctx);
/* Recovers the database at PATH if a killed writer left it needing recovery that a read-only
 * open cannot do (an old rollback journal; a WAL index it may not write): a brief read-write
 * open, with a note on stderr. Returns 0 (nothing to do, or recovered), or SN_IO after saying
 * what happened and how to recover when it may not write there. Readers call it before
 * opening read-only. */
int sn_db_recover(struct sn_ctx *ctx, const char *path);
/* Links a database being created into place (see sn_db_open) and reopens it there. Returns 0,
 * SN_RETRY when another process created the database meanwhile (the caller runs again on that
 * one), or SN_IO. */
int sn_db_publish(struct sn_ctx *ctx);
/* Removes a database being created that was not published (after a failure or a dry run). */
void sn_db_discard(struct sn_ctx *ctx);

/* The tests' hook, SAPNHAP_HOOK in the environment (tests/crash, tests/concurrency):
 *   kill@N                 SIGKILL at the N-th progress tick of the working database (a tick:
 *                          100 virtual-machine steps), counted over every step of a 'run'
 *   kill@before-commit[:K] SIGKILL just before the K-th step's COMMIT in the process (default 1)
 *   kill@after-commit[:K]  SIGKILL just after it (before the result line; before a new
 *                          database is linked into place)
 *   sleep@before-commit:S  sleep S seconds before COMMIT (holding the writer lock)
 *   count                  print "sapnhap: hook: N ticks, first commit at T" on stderr at
 *                          the end (T: the ticks before the first step's COMMIT) */
struct sn_hook {
	enum { HOOK_NONE, HOOK_KILL_AT, HOOK_KILL_BEFORE, HOOK_KILL_AFTER, HOOK_SLEEP_BEFORE, HOOK_COUNT } what;
	long at;
	long ticks, commits, commit_tick;
};
void sn_hook_parse(struct sn_hook *h);
/* Acts on the hook at a named point ("before-commit", "after-commit"). */
void sn_hook_point(struct sn_ctx *ctx, const char *point);
/* SAPNHAP_TRACE=1 in the environment: every statement of DB taking 10 ms or more is printed on
 * stderr with its time (sn_db_open does it for the working database). */
void sn_db_trace(sqlite3 *db);

/* Runs SQL (no result rows). On failure prints what went wrong in a person's terms, e.g.
 * "sapnhap: error: cannot write 'x.db': the disk is full; ..." (the SQL only with SAPNHAP_TRACE
 * set, on a "sapnhap: trace:" line) and returns SN_IO. */
int sn_exec(struct sn_ctx *ctx, const char *sql);
/* Reports the last failure on ctx->db as sn_exec does (SQL: what ran, for the trace). */
void sn_db_error(struct sn_ctx *ctx, const char *sql);
/* An INSERT formatted as sn_execf: a row whose key is there already sets *duplicate (nothing
 * printed: the caller says what is listed twice); another failure is printed. Returns 0 or SN_IO. */
int sn_insertf(struct sn_ctx *ctx, int *duplicate, const char *fmt, ...);
/* sqlite3_mprintf-formatted variant (%Q, %q, %w quoting). */
int sn_execf(struct sn_ctx *ctx, const char *fmt, ...);

/* Runs a script of several statements, calling BIND(statement, ARG) on each before it runs (to
 * bind named parameters such as :ev). Reports failures as sn_exec. Returns 0 or SN_IO. */
int sn_exec_script(struct sn_ctx *ctx, const char *sql, void (*bind)(sqlite3_stmt *, void *), void *arg);

/* Prepares SQL; on failure prints as sn_exec and returns NULL. */
sqlite3_stmt *sn_prepare(struct sn_ctx *ctx, const char *sql);
/* Steps a statement; returns SQLITE_ROW, SQLITE_DONE or, after printing, -1. */
int sn_step(struct sn_ctx *ctx, sqlite3_stmt *st);
/* Runs a query with one integer result into *out (0 when it returns no row). Returns 0, or
 * SN_IO after printing the error with its SQL (*out is then 0). */
int sn_query_int(struct sn_ctx *ctx, long long *out, const char *sql);
/* The same, the SQL formatted by sqlite3_mprintf (%Q, %w quoting). */
int sn_query_intf(struct sn_ctx *ctx, long long *out, const char *fmt, ...);

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
	char own_hash[65];      /* args without database digests, and the files */
	char upstream[600];     /* journal ids of the upstream entries read (steps.h) */
	char started[32];
	int previous;           /* journal id of an earlier run of the same target, 0 if none */
	int forced;
	int dry_run;
};

/* Starts a step: opens the transaction, hashes the inputs together with the journal ids of the
 * upstream entries it reads (steps.h), and looks for an earlier run of the same target.
 * Returns:
 *   0          proceed (transaction open): first run, --force, a stale earlier run (recomputed),
 *              or, inside 'run', changed inputs;
 *   SN_DONE    already applied with identical inputs and not stale (message printed to stderr,
 *              nothing open);
 *   SN_DATA    earlier run had different inputs and force is off, or a step it reads is stale
 *              (message printed, naming what to run);
 *   SN_IO      cannot read an input or the database.
 * An argument "db=HEX" in args is a digest of database rows the step reads: once the step is
 * stale it is expected to differ and is not taken for a change of the step's own inputs. */
int sn_step_begin(struct sn_ctx *ctx, struct sn_step *s);
int sn_step_add_input(struct sn_ctx *ctx, struct sn_step *s, const char *path);
/* Adds an input that is not a file (a table compiled into the binary): LABEL names it in the
 * journal, DATA's SHA-256 counts in the step's identity like a file's. */
int sn_step_add_text(struct sn_ctx *ctx, struct sn_step *s, const char *label, const char *data);

/* Ends a step: writes the journal row (counts as "k=v ..." text) and commits, or, for a dry run,
 * rolls back; a database being created is then linked into place (sn_db_publish). Only after
 * it returned 0 may the step print its result. Returns 0, SN_RETRY or SN_IO. */
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
