/* db.c - the working database: open and migrate, the SQL helpers, the step journal, SHA-256. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
#include <sha2.h>
#include "cli.h"
#include "db.h"

/* What a failed SQLite call on the working database means for the person running the step, and
 * what to do about it. The SQL itself is for a developer: shown only with SAPNHAP_TRACE set. */
static void db_explain(struct sn_ctx *ctx, sqlite3 *db, char *buf, size_t len)
{
	const char *path = ctx->db_path ? ctx->db_path : "the database";
	int ext = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, code = ext & 0xff;
	int sys = db ? sqlite3_system_errno(db) : 0;

	if (code == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		code = SQLITE_FULL;
	switch (code) {
	case SQLITE_READONLY:
		snprintf(buf, len, "cannot write '%s': the file is read-only (or the disk it is on is); "
			 "make it writable, or work on a writable copy with --db COPY", path);
		break;
	case SQLITE_FULL:
		snprintf(buf, len, "cannot write '%s': the disk is full; free some space and run the "
			 "step again (the database keeps what it had before the step)", path);
		break;
	case SQLITE_IOERR:
		if (sys == EFBIG)
			snprintf(buf, len, "cannot write '%s': the file size limit is reached (ulimit -f); "
				 "raise it and run the step again (the database keeps what it had before "
				 "the step)", path);
		else if (ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
			 ext == SQLITE_IOERR_TRUNCATE || ext == SQLITE_IOERR_DIR_FSYNC)
			snprintf(buf, len, "cannot write '%s'%s%s: the disk may be full or failing (or a file "
				 "size limit reached); free some space or check the disk, and run the step "
				 "again (the database keeps what it had before the step)", path,
				 sys ? ": " : "", sys ? strerror(sys) : "");
		else
			snprintf(buf, len, "cannot read or write '%s': %s; check the disk and run the step "
				 "again", path, sys ? strerror(sys) : sqlite3_errmsg(db));
		break;
	case SQLITE_NOTADB:
		snprintf(buf, len, "'%s' is not a sapnhap database (not an SQLite file); give the working "
			 "database with --db, or the name of a new file to start one", path);
		break;
	case SQLITE_CORRUPT:
		snprintf(buf, len, "'%s' is damaged (%s); restore it from a copy, or run the migration "
			 "again into a new file", path, sqlite3_errmsg(db));
		break;
	case SQLITE_CANTOPEN:
		snprintf(buf, len, "cannot open '%s': %s; check that its folder exists and can be written",
			 path, sys ? strerror(sys) : sqlite3_errmsg(db));
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(buf, len, "'%s' is in use by another sapnhap (it is locked); run the step again "
			 "when that one has finished", path);
		break;
	case SQLITE_NOMEM:
		snprintf(buf, len, "out of memory");
		break;
	default:
		snprintf(buf, len, "database '%s': %s", path, sqlite3_errmsg(db));
		break;
	}
}

static int tracing(void)
{
	const char *t = getenv("SAPNHAP_TRACE");
	return t && *t;
}

static void db_fail(struct sn_ctx *ctx, const char *sql)
{
	char what[1400];
	db_explain(ctx, ctx->db, what, sizeof what);
	sn_error(ctx, "%s", what);
	if (tracing())
		fprintf(ctx->err, "sapnhap: trace: %s (SQLite code %d, errno %d; in: %.300s)\n",
			sqlite3_errmsg(ctx->db), sqlite3_extended_errcode(ctx->db),
			sqlite3_system_errno(ctx->db), sql ? sql : "?");
}

void sn_db_error(struct sn_ctx *ctx, const char *sql)
{
	db_fail(ctx, sql);
}

int sn_exec(struct sn_ctx *ctx, const char *sql)
{
	if (sqlite3_exec(ctx->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		db_fail(ctx, sql);
		return SN_IO;
	}
	return 0;
}

int sn_execf(struct sn_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *sql = sqlite3_vmprintf(fmt, ap);
	va_end(ap);
	if (!sql) {
		sn_error(ctx, "out of memory");
		return SN_IO;
	}
	int rc = sn_exec(ctx, sql);
	sqlite3_free(sql);
	return rc;
}

int sn_exec_script(struct sn_ctx *ctx, const char *sql, void (*bind)(sqlite3_stmt *, void *), void *arg)
{
	for (const char *tail = sql; tail && *tail;) {
		sqlite3_stmt *st = NULL;
		const char *next = NULL;
		if (sqlite3_prepare_v2(ctx->db, tail, -1, &st, &next) != SQLITE_OK) {
			db_fail(ctx, tail);
			return SN_IO;
		}
		if (st) {
			if (bind)
				bind(st, arg);
			int r = sn_step(ctx, st);
			sqlite3_finalize(st);
			if (r < 0)
				return SN_IO;
		}
		tail = next;
	}
	return 0;
}

sqlite3_stmt *sn_prepare(struct sn_ctx *ctx, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(ctx->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(ctx, sql);
		return NULL;
	}
	return st;
}

int sn_step(struct sn_ctx *ctx, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc;
	db_fail(ctx, sqlite3_sql(st));
	return -1;
}

long long sn_query_int(struct sn_ctx *ctx, const char *sql)
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	long long v = 0;
	if (st && sn_step(ctx, st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

const char *sn_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static int migrate(struct sn_ctx *ctx)
{
	long long v = sn_query_int(ctx, "PRAGMA user_version");
	int latest = sn_migrations[sn_migration_count - 1].version;
	if (v > latest) {
		sn_error(ctx, "'%s' was written by a newer sapnhap (schema %lld, this one knows %d)",
			 ctx->db_path, v, latest);
		return SN_IO;
	}
	if (v == latest)
		return 0;
	/* All pending migrations in one transaction: a database is never half-upgraded. */
	if (sn_exec(ctx, "BEGIN IMMEDIATE"))
		return SN_IO;
	for (int i = 0; i < sn_migration_count; i++) {
		if (sn_migrations[i].version <= v)
			continue;
		if (sn_exec(ctx, sn_migrations[i].sql) ||
		    sn_execf(ctx, "PRAGMA user_version = %d", sn_migrations[i].version)) {
			sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
			return SN_IO;
		}
	}
	return sn_exec(ctx, "COMMIT");
}

/* SAPNHAP_TRACE=1: each statement's time on stderr, to find the slow one in a long step. */
static int trace_cb(unsigned type, void *arg, void *p, void *x)
{
	(void)arg;
	if (type == SQLITE_TRACE_PROFILE) {
		double ms = (double)*(sqlite3_int64 *)x / 1e6;
		if (ms >= 10.0) {
			char *sql = sqlite3_expanded_sql((sqlite3_stmt *)p);
			fprintf(stderr, "sapnhap: trace: %9.1f ms  %.160s\n", ms, sql ? sql : "?");
			sqlite3_free(sql);
		}
	}
	return 0;
}

void sn_db_trace(sqlite3 *db)
{
	if (getenv("SAPNHAP_TRACE") && *getenv("SAPNHAP_TRACE"))
		sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, trace_cb, NULL);
}

int sn_db_open(struct sn_ctx *ctx, int readonly)
{
	struct stat sb;
	int exists = stat(ctx->db_path, &sb) == 0;
	if (readonly && !exists) {
		sn_error(ctx, "no working database '%s' (no such file): start one with 'sapnhap units "
			 "import', or name yours with --db FILE", ctx->db_path);
		return SN_IO;
	}
	if (exists && S_ISDIR(sb.st_mode)) {
		sn_error(ctx, "'%s' is a folder, not a database file; give a file with --db (e.g. --db "
			 "%s/sapnhap.db)", ctx->db_path, ctx->db_path);
		return SN_IO;
	}
	if (!readonly && exists && access(ctx->db_path, W_OK) != 0 && errno == EACCES) {
		sn_error(ctx, "cannot write '%s': the file is read-only; make it writable (chmod u+w), "
			 "or work on a writable copy with --db COPY", ctx->db_path);
		return SN_IO;
	}
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(ctx->db_path, &ctx->db, flags, NULL) != SQLITE_OK) {
		char what[1400];
		db_explain(ctx, ctx->db, what, sizeof what);
		sn_error(ctx, "%s", what);
		sqlite3_close(ctx->db);
		ctx->db = NULL;
		return SN_IO;
	}
	ctx->db_created = !exists;
	sqlite3_busy_timeout(ctx->db, 5000);
	sn_db_trace(ctx->db);
	if (sn_db_functions(ctx->db) != 0) {
		sn_error(ctx, "database: cannot register functions: %s", sqlite3_errmsg(ctx->db));
		return SN_IO;
	}
	/* Rollback journal (not WAL): a failed step leaves the file byte-for-byte as it was and no
	 * side files behind. */
	if (sn_exec(ctx, "PRAGMA foreign_keys = ON"))
		return SN_IO;
	if (readonly) {
		sqlite3_stmt *st = sn_prepare(ctx, "PRAGMA user_version");
		int r = st ? sn_step(ctx, st) : -1;
		long long v = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		if (r < 0)
			return SN_IO;
		if (v != sn_migrations[sn_migration_count - 1].version) {
			sn_error(ctx, "'%s' is not a sapnhap database of this version (schema %lld)",
				 ctx->db_path, v);
			return SN_IO;
		}
		return 0;
	}
	/* A bounded cache large enough that a big import does not spill pages mid-transaction. */
	if (sn_exec(ctx, "PRAGMA journal_mode = DELETE; PRAGMA cache_size = -65536"))
		return SN_IO;
	return migrate(ctx);
}

void sn_db_close(struct sn_ctx *ctx)
{
	if (ctx->db)
		sqlite3_close(ctx->db);
	ctx->db = NULL;
}

/* --- hashing --------------------------------------------------------------------------------- */

static void to_hex(const unsigned char *d, size_t n, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		hex[2 * i] = digits[d[i] >> 4];
		hex[2 * i + 1] = digits[d[i] & 15];
	}
	hex[2 * n] = '\0';
}

void sn_sha256_hex(const void *data, size_t len, char hex[65])
{
	SHA2_CTX c;
	unsigned char d[SHA256_DIGEST_LENGTH];
	SHA256Init(&c);
	SHA256Update(&c, data, len);
	SHA256Final(d, &c);
	to_hex(d, sizeof d, hex);
}

int sn_sha256_file(const char *path, char hex[65], long long *bytes)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		errno = EISDIR;  /* fopen() would accept it and only reading would fail, with EIO */
		return -1;
	}
	FILE *f = strcmp(path, "-") == 0 ? NULL : fopen(path, "rb");
	if (!f)
		return -1;
	SHA2_CTX c;
	unsigned char buf[65536], d[SHA256_DIGEST_LENGTH];
	size_t n;
	long long total = 0;
	SHA256Init(&c);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		SHA256Update(&c, buf, n);
		total += (long long)n;
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		errno = EIO;
		return -1;
	}
	SHA256Final(d, &c);
	to_hex(d, sizeof d, hex);
	if (bytes)
		*bytes = total;
	return 0;
}

static time_t now_time(void)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		long long v = strtoll(sde, &end, 10);
		if (*end == '\0' && v >= 0)
			return (time_t)v;
	}
	return time(NULL);
}

void sn_now(char buf[32])
{
	time_t t = now_time();
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void sn_today(char buf[11])
{
	time_t t = now_time();
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 11, "%Y-%m-%d", &tm);
}

/* --- steps ----------------------------------------------------------------------------------- */

int sn_step_add_input(struct sn_ctx *ctx, struct sn_step *s, const char *path)
{
	if (s->ninputs >= 8) {
		sn_error(ctx, "too many input files");
		return SN_USAGE;
	}
	int i = s->ninputs;
	if (sn_sha256_file(path, s->sha[i], &s->bytes[i]) != 0) {
		sn_error(ctx, "cannot open '%s': %s", path, strerror(errno));
		return SN_IO;
	}
	snprintf(s->inputs[i], sizeof s->inputs[i], "%s", path);
	s->ninputs++;
	return 0;
}

int sn_step_begin(struct sn_ctx *ctx, struct sn_step *s)
{
	/* The identity of a run: its target, the arguments that shape it, and every input's content
	 * (not its path: the same file moved is the same input). */
	SHA2_CTX c;
	unsigned char d[SHA256_DIGEST_LENGTH];
	SHA256Init(&c);
	SHA256Update(&c, (const unsigned char *)s->args, strlen(s->args) + 1);
	for (int i = 0; i < s->ninputs; i++)
		SHA256Update(&c, (const unsigned char *)s->sha[i], 64);
	SHA256Final(d, &c);
	to_hex(d, sizeof d, s->input_hash);
	sn_now(s->started);

	if (sn_exec(ctx, "BEGIN IMMEDIATE"))
		return SN_IO;
	ctx->in_tx = 1;
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT id, input_hash, started_at FROM journal "
					   "WHERE step = ?1 AND target = ?2 ORDER BY id DESC LIMIT 1");
	if (!st)
		goto io;
	sqlite3_bind_text(st, 1, s->step, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->target, -1, SQLITE_STATIC);
	int r = sn_step(ctx, st);
	if (r < 0) {
		sqlite3_finalize(st);
		goto io;
	}
	if (r == SQLITE_ROW) {
		s->previous = sqlite3_column_int(st, 0);
		int same = strcmp(sn_col(st, 1), s->input_hash) == 0;
		char when[32];
		snprintf(when, sizeof when, "%s", sn_col(st, 2));
		sqlite3_finalize(st);
		if (same && !s->forced) {
			sn_step_abort(ctx, s);
			sn_info(ctx, "%s %s: already applied on %s with the same inputs; nothing changed",
				s->step, s->target, when);
			return -1;
		}
		if (!same && !s->forced) {
			sn_step_abort(ctx, s);
			sn_error(ctx, "%s %s: already applied on %s with different inputs; "
				 "use --force to replace it", s->step, s->target, when);
			return SN_DATA;
		}
		return 0;
	}
	sqlite3_finalize(st);
	return 0;
io:
	sn_step_abort(ctx, s);
	return SN_IO;
}

int sn_step_commit(struct sn_ctx *ctx, struct sn_step *s, const char *counts)
{
	if (s->dry_run) {
		sn_step_abort(ctx, s);
		return 0;
	}
	char ended[32];
	sn_now(ended);
	if (sn_execf(ctx, "INSERT INTO journal(step, target, args, input_hash, counts, started_at, "
			  "ended_at, outcome) VALUES (%Q, %Q, %Q, %Q, %Q, %Q, %Q, %Q)",
		     s->step, s->target, s->args, s->input_hash, counts, s->started, ended,
		     s->previous ? "reapplied" : "applied"))
		return SN_IO;
	long long id = sqlite3_last_insert_rowid(ctx->db);
	for (int i = 0; i < s->ninputs; i++)
		if (sn_execf(ctx, "INSERT INTO journal_input VALUES (%lld, %Q, %Q, %lld)", id,
			     s->inputs[i], s->sha[i], s->bytes[i]))
			return SN_IO;
	if (sn_exec(ctx, "COMMIT"))
		return SN_IO;
	ctx->in_tx = 0;
	ctx->committed = 1;
	return 0;
}

void sn_step_abort(struct sn_ctx *ctx, struct sn_step *s)
{
	(void)s;
	if (ctx->in_tx)
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
	ctx->in_tx = 0;
}

void sn_step_release(struct sn_step *s)
{
	free(s->target);
	free(s->args);
	s->target = s->args = NULL;
}

/* --- SQL functions --------------------------------------------------------------------------- */

#include "text.h"

/* sn_key(name), sn_ascii_key(name), sn_type(name): the text layer's matching keys inside SQL, so
 * registry rebuilds stay set-based. */
static void sql_key(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	if (!s) {
		sqlite3_result_null(c);
		return;
	}
	intptr_t mode = (intptr_t)sqlite3_user_data(c);
	sn_unit_type t = SN_TYPE_NONE;
	char *k = sn_name_key(s, mode == 1 ? SN_KEY_ASCII : 0, &t);
	if (!k) {
		sqlite3_result_error(c, "name is not valid UTF-8", -1);
		return;
	}
	if (mode == 2) {
		if (t == SN_TYPE_NONE)
			sqlite3_result_null(c);
		else
			sqlite3_result_text(c, sn_unit_type_label(t), -1, SQLITE_STATIC);
		free(k);
		return;
	}
	sqlite3_result_text(c, k, -1, free);
}

int sn_db_functions(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	if (sqlite3_create_function(db, "sn_key", 1, f, (void *)(intptr_t)0, sql_key, NULL, NULL) ||
	    sqlite3_create_function(db, "sn_ascii_key", 1, f, (void *)(intptr_t)1, sql_key, NULL, NULL) ||
	    sqlite3_create_function(db, "sn_type", 1, f, (void *)(intptr_t)2, sql_key, NULL, NULL))
		return -1;
	return 0;
}

int sn_digest_query(struct sn_ctx *ctx, const char *sql, char hex[65])
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	if (!st)
		return SN_IO;
	SHA2_CTX c;
	unsigned char d[SHA256_DIGEST_LENGTH];
	SHA256Init(&c);
	int r;
	while ((r = sn_step(ctx, st)) == SQLITE_ROW) {
		int n = sqlite3_column_count(st);
		for (int i = 0; i < n; i++) {
			const unsigned char *v = sqlite3_column_text(st, i);
			int len = sqlite3_column_bytes(st, i);
			/* Length-prefixed, so ("ab","c") and ("a","bc") differ; NULL differs from "". */
			unsigned char hdr[5] = { v ? 1 : 0, (unsigned char)(len >> 24), (unsigned char)(len >> 16),
						 (unsigned char)(len >> 8), (unsigned char)len };
			SHA256Update(&c, hdr, sizeof hdr);
			if (v)
				SHA256Update(&c, v, (size_t)len);
		}
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	SHA256Final(d, &c);
	to_hex(d, sizeof d, hex);
	return 0;
}
