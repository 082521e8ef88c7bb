/* db.c - the working database: open and migrate, the SQL helpers, the step journal, SHA-256. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <stdint.h>
#include <unistd.h>
#include <sha2.h>
#include "cli.h"
#include "db.h"
#include "outfile.h"
#include "steps.h"
#include "writer.h"
#include "banned.h"

/* What a failed SQLite call on the working database means for the person running the step, and
 * what to do about it. The SQL itself is for a developer: shown only with SAPNHAP_TRACE set. */
static void db_explain(struct sn_ctx *ctx, sqlite3 *db, char *buf, size_t len)
{
	const char *path = ctx->db_path ? ctx->db_path : _("the database");
	int ext = db ? sqlite3_extended_errcode(db) : SQLITE_NOMEM, code = ext & 0xff;
	int sys = db ? sqlite3_system_errno(db) : 0;

	if (code == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT))
		code = SQLITE_FULL;
	switch (code) {
	case SQLITE_READONLY:
		snprintf(buf, len, _("cannot write '%s': the file is read-only (or the disk it is on is); "
			 "make it writable, or work on a writable copy with --db COPY"), path);
		break;
	case SQLITE_FULL:
		snprintf(buf, len, _("cannot write '%s': the disk is full; free some space and run the "
			 "step again (the database keeps what it had before the step)"), path);
		break;
	case SQLITE_IOERR:
		if (sys == EFBIG)
			snprintf(buf, len, _("cannot write '%s': the file size limit is reached (ulimit -f); "
				 "raise it and run the step again (the database keeps what it had before "
				 "the step)"), path);
		else if ((ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
			  ext == SQLITE_IOERR_TRUNCATE || ext == SQLITE_IOERR_DIR_FSYNC) && sys)
			snprintf(buf, len, _("cannot write '%s': %s: the disk may be full or failing (or a file "
				 "size limit reached); free some space or check the disk, and run the step "
				 "again (the database keeps what it had before the step)"), path, sn_strerror(sys));
		else if (ext == SQLITE_IOERR_WRITE || ext == SQLITE_IOERR_FSYNC ||
			 ext == SQLITE_IOERR_TRUNCATE || ext == SQLITE_IOERR_DIR_FSYNC)
			snprintf(buf, len, _("cannot write '%s': the disk may be full or failing (or a file "
				 "size limit reached); free some space or check the disk, and run the step "
				 "again (the database keeps what it had before the step)"), path);
		else
			snprintf(buf, len, _("cannot read or write '%s': %s; check the disk and run the step "
				 "again"), path, sys ? sn_strerror(sys) : sqlite3_errmsg(db));
		break;
	case SQLITE_NOTADB:
		snprintf(buf, len, _("'%s' is not a sapnhap database (not an SQLite file); give the working "
			 "database with --db, or the name of a new file to start one"), path);
		break;
	case SQLITE_CORRUPT:
		snprintf(buf, len, _("'%s' is damaged (%s); restore it from a copy, or run the migration "
			 "again into a new file"), path, sqlite3_errmsg(db));
		break;
	case SQLITE_CANTOPEN:
		snprintf(buf, len, _("cannot open '%s': %s; check that its folder exists and can be written"),
			 path, sys ? sn_strerror(sys) : sqlite3_errmsg(db));
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(buf, len, _("'%s' is in use by another sapnhap (it is locked); run the step again "
			 "when that one has finished"), path);
		break;
	case SQLITE_NOMEM:
		snprintf(buf, len, "%s", _("out of memory"));
		break;
	default:
		snprintf(buf, len, _("database '%s': %s"), path, sqlite3_errmsg(db));
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

/* SQL formatted by sqlite3_vmprintf; NULL after saying "out of memory". */
static char *vformat(struct sn_ctx *ctx, const char *fmt, va_list ap)
{
	char *sql = sqlite3_vmprintf(fmt, ap);
	if (!sql)
		sn_error(ctx, "out of memory");
	return sql;
}
/* Declares SQL, the variadic arguments of a function ending in FMT, ... formatted. */
#define FORMAT_SQL(ctx, fmt, sql) \
	char *sql; \
	do { \
		va_list ap_; \
		va_start(ap_, fmt); \
		sql = vformat(ctx, fmt, ap_); \
		va_end(ap_); \
	} while (0)

int sn_insertf(struct sn_ctx *ctx, int *duplicate, const char *fmt, ...)
{
	FORMAT_SQL(ctx, fmt, sql);
	*duplicate = 0;
	if (!sql)
		return SN_IO;
	int r = sqlite3_exec(ctx->db, sql, NULL, NULL, NULL), rc = 0;
	if ((sqlite3_extended_errcode(ctx->db) == SQLITE_CONSTRAINT_UNIQUE ||
	     sqlite3_extended_errcode(ctx->db) == SQLITE_CONSTRAINT_PRIMARYKEY) && r == SQLITE_CONSTRAINT) {
		*duplicate = 1;
	} else if (r != SQLITE_OK) {
		db_fail(ctx, sql);
		rc = SN_IO;
	}
	sqlite3_free(sql);
	return rc;
}

int sn_execf(struct sn_ctx *ctx, const char *fmt, ...)
{
	FORMAT_SQL(ctx, fmt, sql);
	if (!sql)
		return SN_IO;
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

int sn_query_int(struct sn_ctx *ctx, long long *out, const char *sql)
{
	sqlite3_stmt *st = sn_prepare(ctx, sql);
	int r = st ? sn_step(ctx, st) : -1;
	*out = r == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : 0;
}

int sn_query_intf(struct sn_ctx *ctx, long long *out, const char *fmt, ...)
{
	FORMAT_SQL(ctx, fmt, sql);
	*out = 0;
	if (!sql)
		return SN_IO;
	int rc = sn_query_int(ctx, out, sql);
	sqlite3_free(sql);
	return rc;
}

const char *sn_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static int migrate(struct sn_ctx *ctx)
{
	long long v;
	if (sn_query_int(ctx, &v, "PRAGMA user_version"))
		return SN_IO;
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

/* --- the tests' hook --------------------------------------------------------------------- */

void sn_hook_parse(struct sn_hook *h)
{
	const char *v = getenv("SAPNHAP_HOOK");
	memset(h, 0, sizeof *h);
	if (!v || !*v)
		return;
	if (!strncmp(v, "kill@", 5) && v[5] >= '0' && v[5] <= '9') {
		h->what = HOOK_KILL_AT;
		h->at = strtol(v + 5, NULL, 10);
	} else if (!strncmp(v, "kill@before-commit", 18) && (!v[18] || v[18] == ':')) {
		h->what = HOOK_KILL_BEFORE;
		h->at = v[18] ? strtol(v + 19, NULL, 10) : 1;
	} else if (!strncmp(v, "kill@after-commit", 17) && (!v[17] || v[17] == ':')) {
		h->what = HOOK_KILL_AFTER;
		h->at = v[17] ? strtol(v + 18, NULL, 10) : 1;
	} else if (!strncmp(v, "sleep@before-commit:", 20)) {
		h->what = HOOK_SLEEP_BEFORE;
		h->at = strtol(v + 20, NULL, 10);
	} else if (!strcmp(v, "count")) {
		h->what = HOOK_COUNT;
	}
}

static int hook_tick(void *arg)
{
	struct sn_hook *h = arg;
	if (++h->ticks == h->at && h->what == HOOK_KILL_AT)
		kill(getpid(), SIGKILL);
	return 0;
}

void sn_hook_point(struct sn_ctx *ctx, const char *point)
{
	struct sn_hook *h = ctx->hook;
	if (!h)
		return;
	int before = !strcmp(point, "before-commit");
	if (before && ++h->commits == 1)
		h->commit_tick = h->ticks;
	if (h->commits == h->at && ((h->what == HOOK_KILL_BEFORE && before) || (h->what == HOOK_KILL_AFTER && !before)))
		kill(getpid(), SIGKILL);
	if (h->what == HOOK_SLEEP_BEFORE && before) {
		struct timespec ts = { h->at, 0 };
		nanosleep(&ts, NULL);
	}
}

/* --- opening ------------------------------------------------------------------------------ */

/* What every connection to the working database gets. */
static int configure(struct sn_ctx *ctx, int writer)
{
	sqlite3_busy_timeout(ctx->db, 5000);
	sn_db_trace(ctx->db);
	if (ctx->hook && (ctx->hook->what == HOOK_KILL_AT || ctx->hook->what == HOOK_COUNT))
		sqlite3_progress_handler(ctx->db, 100, hook_tick, ctx->hook);
	if (sn_db_functions(ctx->db) != 0) {
		sn_error(ctx, "database: cannot register functions: %s", sqlite3_errmsg(ctx->db));
		return SN_IO;
	}
	if (sn_exec(ctx, "PRAGMA foreign_keys = ON"))
		return SN_IO;
	/* A bounded cache large enough that a big import does not spill pages mid-transaction. */
	if (writer && sn_exec(ctx, "PRAGMA cache_size = -65536"))
		return SN_IO;
	return 0;
}

static int open_conn(struct sn_ctx *ctx, const char *path, int flags)
{
	if (sqlite3_open_v2(path, &ctx->db, flags, NULL) != SQLITE_OK) {
		char what[1400];
		db_explain(ctx, ctx->db, what, sizeof what);
		sn_error(ctx, "%s", what);
		sqlite3_close(ctx->db);
		ctx->db = NULL;
		return SN_IO;
	}
	return 0;
}

/* WAL: a writer's COMMIT does not wait for readers, readers see the last committed state, and
 * a killed writer's unfinished transaction is simply not in the log. Switching needs a moment
 * alone with the file; if a reader of an old database is in the way, the next writer switches. */
static int use_wal(struct sn_ctx *ctx)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(ctx->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) != SQLITE_OK)
		return sn_exec(ctx, "PRAGMA journal_mode = WAL");
	int r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r == SQLITE_ROW || r == SQLITE_DONE || r == SQLITE_BUSY || r == SQLITE_LOCKED)
		return 0;
	sn_error(ctx, "database '%s': cannot use WAL mode: %s", ctx->db_path, sqlite3_errmsg(ctx->db));
	return SN_IO;
}

static void unlink_tmp(const char *tmp)
{
	static const char *sfx[] = { "", "-journal", "-wal", "-shm" };
	size_t n = strlen(tmp) + 16;
	char *p = malloc(n);
	if (!p)
		return;
	for (int i = 0; i < 4; i++) {
		snprintf(p, n, "%s%s", tmp, sfx[i]);
		(void)unlink(p);
	}
	free(p);
}

/* A new database: created and migrated under a temporary name beside its final one (rollback
 * journal there, so nothing of it is named after the final name), never visible half-made. */
static int create(struct sn_ctx *ctx)
{
	size_t cap = strlen(ctx->db_path) + 64;
	int fd = -1;
	ctx->db_tmp = malloc(cap);
	if (!ctx->db_tmp) {
		sn_error(ctx, "out of memory");
		return SN_IO;
	}
	sn_outfile_sweep(ctx->db_path);
	for (int i = 0; i < 1000 && fd < 0; i++) {
		sn_outfile_tmpname(ctx->db_path, i, ctx->db_tmp, cap);
		fd = open(ctx->db_tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		sn_error(ctx, "cannot create database '%s': %s", ctx->db_path, sn_strerror(errno));
		free(ctx->db_tmp);
		ctx->db_tmp = NULL;
		return SN_IO;
	}
	close(fd);
	ctx->db_created = 1;
	int rc = open_conn(ctx, ctx->db_tmp, SQLITE_OPEN_READWRITE);
	if (!rc)
		rc = configure(ctx, 1);
	if (!rc)
		rc = migrate(ctx);
	if (!rc && !ctx->publish_on_commit)
		rc = sn_db_publish(ctx);
	return rc;
}

int sn_db_publish(struct sn_ctx *ctx)
{
	if (!ctx->db_tmp)
		return 0;
	if (link(ctx->db_tmp, ctx->db_path) != 0) {
		int e = errno;
		if (e == EEXIST)
			return SN_RETRY;
		sn_error(ctx, "cannot create database '%s': %s", ctx->db_path, sn_strerror(e));
		return SN_IO;
	}
	(void)unlink(ctx->db_tmp);
	/* The new name is durable once the folder is synced (best effort, as for reports). */
	const char *slash = strrchr(ctx->db_path, '/');
	char *dir = slash ? strndup(ctx->db_path, slash == ctx->db_path ? 1 : (size_t)(slash - ctx->db_path))
			  : strdup(".");
	int dfd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (dfd >= 0) {
		(void)fsync(dfd);
		close(dfd);
	}
	free(dir);
	free(ctx->db_tmp);
	ctx->db_tmp = NULL;
	/* This connection's journal is named after the temporary file: it must not write again.
	 * Statements a command still holds keep it until they are finalized. */
	sqlite3_close_v2(ctx->db);
	ctx->db = NULL;
	int rc = open_conn(ctx, ctx->db_path, SQLITE_OPEN_READWRITE);
	if (!rc)
		rc = configure(ctx, 1);
	if (!rc)
		rc = use_wal(ctx);
	return rc;
}

void sn_db_discard(struct sn_ctx *ctx)
{
	if (!ctx->db_tmp)
		return;
	sn_db_close(ctx);
	unlink_tmp(ctx->db_tmp);
	free(ctx->db_tmp);
	ctx->db_tmp = NULL;
}

int sn_db_recover(struct sn_ctx *ctx, const char *path)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return 0;  /* nothing to recover; the caller's open says what is wrong */
	int r = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (r == SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		r = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
		if (r == SQLITE_OK)
			r = sqlite3_step(st);
	}
	char why[300];
	snprintf(why, sizeof why, "%s", db ? sqlite3_errmsg(db) : _("out of memory"));
	sqlite3_finalize(st);
	sqlite3_close(db);
	int base = r & 0xff;
	if (r == SQLITE_ROW || !(base == SQLITE_READONLY || base == SQLITE_CANTOPEN || base == SQLITE_BUSY))
		return 0;  /* readable, or a failure the caller's own open reports */
	/* A brief read-write open recovers it (SQLite rolls the unfinished transaction back). */
	int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_busy_timeout(db, 5000);
		ok = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL, NULL, NULL) == SQLITE_OK;
	}
	sqlite3_close(db);
	if (ok) {
		sn_info(ctx, "'%s' was left by an interrupted step: recovered (its unfinished changes were "
			"rolled back; committed steps are kept)", path);
		return 0;
	}
	sn_error(ctx, "cannot read '%s': an interrupted step left it to be recovered, which needs write "
		 "access to it and its folder (%s); run 'sapnhap --db %s status' once as a user who may "
		 "write there: its unfinished changes are rolled back, committed steps kept", path, why, path);
	return SN_IO;
}

/* A reader: read-only, after recovery if a killed writer left the database needing it. */
static int open_reader(struct sn_ctx *ctx)
{
	int latest = sn_migrations[sn_migration_count - 1].version;
	if (sn_db_recover(ctx, ctx->db_path) || open_conn(ctx, ctx->db_path, SQLITE_OPEN_READONLY))
		return SN_IO;
	sqlite3_busy_timeout(ctx->db, 5000);
	sqlite3_stmt *st = NULL;
	int r = sqlite3_prepare_v2(ctx->db, "PRAGMA user_version", -1, &st, NULL);
	if (r == SQLITE_OK && (r = sqlite3_step(st)) == SQLITE_ROW) {
		long long v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
		if (v == latest)
			return configure(ctx, 0);
		long long tables;
		if (sn_query_int(ctx, &tables, "SELECT count(*) FROM sqlite_master"))
			return SN_IO;
		if (v == 0 && tables == 0)
			sn_error(ctx, "'%s' is not a sapnhap database (it is empty)", ctx->db_path);
		else if (v > latest)
			sn_error(ctx, "'%s' was written by a newer sapnhap (schema %lld, this one knows %d)",
				 ctx->db_path, v, latest);
		else
			sn_error(ctx, "'%s' is not a sapnhap database of this version (schema %lld)", ctx->db_path, v);
		return SN_IO;
	}
	sqlite3_finalize(st);
	if ((r & 0xff) == SQLITE_NOTADB)
		sn_error(ctx, "'%s' is not a sapnhap database (not an SQLite file); give the working database "
			 "with --db, or the name of a new file to start one", ctx->db_path);
	else {
		char what[1400];
		db_explain(ctx, ctx->db, what, sizeof what);
		sn_error(ctx, "%s", what);
	}
	return SN_IO;
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
	if (readonly)
		return open_reader(ctx);
	if (!exists)
		return create(ctx);
	ctx->db_created = 0;
	int rc = open_conn(ctx, ctx->db_path, SQLITE_OPEN_READWRITE);
	if (!rc)
		rc = configure(ctx, 1);
	if (!rc)
		rc = use_wal(ctx);
	if (!rc)
		rc = migrate(ctx);
	return rc;
}

void sn_db_close(struct sn_ctx *ctx)
{
	if (!ctx->db)
		return;
	/* A writer leaves its work in the database file itself, not only in the log, unless a
	 * reader's transaction still needs the old pages (then the next writer finishes it):
	 * the main file alone is then the whole database. Passive: never waits for a reader. */
	if (!sqlite3_db_readonly(ctx->db, "main"))
		(void)sqlite3_wal_checkpoint_v2(ctx->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	sqlite3_close_v2(ctx->db);
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
		sn_error(ctx, "cannot open '%s': %s", path, sn_strerror(errno));
		return SN_IO;
	}
	snprintf(s->inputs[i], sizeof s->inputs[i], "%s", path);
	s->ninputs++;
	return 0;
}

int sn_step_add_text(struct sn_ctx *ctx, struct sn_step *s, const char *label, const char *data)
{
	if (s->ninputs >= 8) {
		sn_error(ctx, "too many input files");
		return SN_USAGE;
	}
	int i = s->ninputs++;
	size_t len = strlen(data);
	sn_sha256_hex(data, len, s->sha[i]);
	s->bytes[i] = (long long)len;
	snprintf(s->inputs[i], sizeof s->inputs[i], "%s", label);
	return 0;
}

/* The arguments without "db=HEX" digests of database rows (see db.h), in a buffer of size n. */
static void own_args(const char *args, char *out, size_t n)
{
	size_t o = 0;
	for (const char *p = args; *p && o + 1 < n;) {
		size_t w = strcspn(p, " ");
		int digest = w == 67 && !strncmp(p, "db=", 3) && strspn(p + 3, "0123456789abcdef") >= 64;
		if (!digest) {
			if (o && o + 1 < n)
				out[o++] = ' ';
			for (size_t i = 0; i < w && o + 1 < n; i++)
				out[o++] = p[i];
		}
		p += w;
		while (*p == ' ')
			p++;
	}
	out[o] = '\0';
}

int sn_step_begin(struct sn_ctx *ctx, struct sn_step *s)
{
	sn_now(s->started);
	if (sn_exec(ctx, "BEGIN IMMEDIATE"))
		return SN_IO;
	ctx->in_tx = 1;

	struct sn_journal j;
	if (sn_journal_load(ctx, &j))
		goto io;
	const struct sn_stepdef *def = sn_stepdef(s->step);
	unsigned reads = def ? def->reads : 0;
	/* A step over a stale step it reads would compute from what is known to be out of date. */
	for (int i = 0; i < j.n; i++) {
		struct sn_entry *u = &j.e[i];
		if (!u->def || u->def == def || !(u->def->writes & reads) || !u->stale)
			continue;
		char why[600];
		char *cmd = sn_entry_command(u);
		sn_stale_reason(&j, u, why, sizeof why);
		sn_step_abort(ctx, s);
		sn_error(ctx, "%s %s reads what %s %s wrote, which is stale: %s; run '%s' first",
			 s->step, s->target, u->step, u->target, why, cmd ? cmd : u->step);
		free(cmd);
		sn_journal_free(&j);
		return SN_DATA;
	}

	/* The identity of a run: its target's arguments, every input's content (not its path: the
	 * same file moved is the same input), and the upstream entries it reads. */
	SHA2_CTX c, own;
	unsigned char d[SHA256_DIGEST_LENGTH];
	char oa[2048];
	own_args(s->args, oa, sizeof oa);
	SHA256Init(&c);
	SHA256Init(&own);
	SHA256Update(&c, (const unsigned char *)s->args, strlen(s->args) + 1);
	SHA256Update(&own, (const unsigned char *)oa, strlen(oa) + 1);
	for (int i = 0; i < s->ninputs; i++) {
		SHA256Update(&c, (const unsigned char *)s->sha[i], 64);
		SHA256Update(&own, (const unsigned char *)s->sha[i], 64);
	}
	size_t ul = 0;
	s->upstream[0] = '\0';
	for (int i = 0; i < j.n; i++) {
		struct sn_entry *u = &j.e[i];
		if (!u->def || u->def == def || !(u->def->writes & reads))
			continue;
		char id[32];
		int n = snprintf(id, sizeof id, "%s%ld", ul ? " " : "", u->id);
		SHA256Update(&c, (const unsigned char *)id, (size_t)n);
		if (ul + (size_t)n + 5 < sizeof s->upstream) {
			memcpy(s->upstream + ul, id, (size_t)n + 1);
			ul += (size_t)n;
		} else if (!strstr(s->upstream, "...")) {
			memcpy(s->upstream + ul, " ...", 5);
			ul += 4;
		}
	}
	SHA256Final(d, &c);
	to_hex(d, sizeof d, s->input_hash);
	SHA256Final(d, &own);
	to_hex(d, sizeof d, s->own_hash);

	struct sn_entry *prev = sn_journal_find(&j, s->step, s->target);
	if (!prev) {
		sn_journal_free(&j);
		return 0;
	}
	char why[600];
	int stale = prev->stale;
	sn_stale_reason(&j, prev, why, sizeof why);
	sn_journal_free(&j);
	sqlite3_stmt *st = sn_prepare(ctx, "SELECT id, input_hash, started_at, own_hash FROM journal "
					   "WHERE step = ?1 AND target = ?2 ORDER BY id DESC LIMIT 1");
	if (!st)
		goto io;
	sqlite3_bind_text(st, 1, s->step, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, s->target, -1, SQLITE_STATIC);
	if (sn_step(ctx, st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		goto io;
	}
	s->previous = sqlite3_column_int(st, 0);
	int same = strcmp(sn_col(st, 1), s->input_hash) == 0;
	/* An entry from before own_hash was kept: its own inputs are taken as unchanged. */
	int own_same = sqlite3_column_type(st, 3) == SQLITE_NULL || strcmp(sn_col(st, 3), s->own_hash) == 0;
	char when[32];
	snprintf(when, sizeof when, "%s", sn_col(st, 2));
	sqlite3_finalize(st);
	if (stale) {
		/* Its result no longer follows from what it reads: recomputed, unless the user also
		 * changed its own inputs without saying so. */
		if (!own_same && !s->forced && !ctx->replace_changed) {
			sn_step_abort(ctx, s);
			sn_error(ctx, "%s %s is stale: %s; and its own inputs differ from those it was applied "
				 "with on %s: run it with the same options and files, or use --force to replace "
				 "them", s->step, s->target, why, when);
			return SN_DATA;
		}
		sn_info(ctx, "%s %s is stale: %s; recomputing", s->step, s->target, why);
		return 0;
	}
	if (same && !s->forced) {
		sn_step_abort(ctx, s);
		sn_info(ctx, "%s %s: already applied on %s with the same inputs; nothing changed",
			s->step, s->target, when);
		return SN_DONE;
	}
	if (!same && !s->forced) {
		if (ctx->replace_changed) {
			/* Inside 'run': a changed input of a step is the user's intent. */
			sn_info(ctx, "%s %s: its inputs changed since it was applied on %s; applying it again",
				s->step, s->target, when);
			return 0;
		}
		sn_step_abort(ctx, s);
		sn_error(ctx, "%s %s: already applied on %s with different inputs; "
			 "use --force to replace it", s->step, s->target, when);
		return SN_DATA;
	}
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
	const char *cmd = ctx->cmdline;
	int rc = sn_execf(ctx, "INSERT INTO journal(step, target, args, input_hash, counts, started_at, "
			       "ended_at, outcome, upstream, own_hash, command) VALUES (%Q, %Q, %Q, %Q, %Q, %Q, "
			       "%Q, %Q, %Q, %Q, %Q)",
			  s->step, s->target, s->args, s->input_hash, counts, s->started, ended,
			  s->previous ? "reapplied" : "applied", s->upstream, s->own_hash, cmd);
	if (rc)
		return SN_IO;
	long long id = sqlite3_last_insert_rowid(ctx->db);
	for (int i = 0; i < s->ninputs; i++)
		if (sn_execf(ctx, "INSERT INTO journal_input VALUES (%lld, %Q, %Q, %lld)", id,
			     s->inputs[i], s->sha[i], s->bytes[i]))
			return SN_IO;
	sn_hook_point(ctx, "before-commit");
	if (sn_exec(ctx, "COMMIT"))
		return SN_IO;
	ctx->in_tx = 0;
	ctx->committed = 1;
	ctx->committed_id = (long)id;
	sn_hook_point(ctx, "after-commit");
	/* A new database appears under its name only now, complete. */
	return sn_db_publish(ctx);
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
	sqlite3_free(s->target);
	sqlite3_free(s->args);
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

/* sn_name_flaw(name): why an official name looks mistyped (text.h), or NULL. */
static void sql_name_flaw(sqlite3_context *c, int argc, sqlite3_value **v)
{
	(void)argc;
	const char *s = (const char *)sqlite3_value_text(v[0]);
	const char *why = s ? sn_name_flaw(s) : NULL;
	if (why)
		sqlite3_result_text(c, why, -1, SQLITE_STATIC);
	else
		sqlite3_result_null(c);
}

int sn_db_functions(sqlite3 *db)
{
	int f = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
	if (sqlite3_create_function(db, "sn_key", 1, f, (void *)(intptr_t)0, sql_key, NULL, NULL) ||
	    sqlite3_create_function(db, "sn_ascii_key", 1, f, (void *)(intptr_t)1, sql_key, NULL, NULL) ||
	    sqlite3_create_function(db, "sn_type", 1, f, (void *)(intptr_t)2, sql_key, NULL, NULL) ||
	    sqlite3_create_function(db, "sn_name_flaw", 1, f, NULL, sql_name_flaw, NULL, NULL))
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
