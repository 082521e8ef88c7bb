/* testutil.h - what every cmocka unit test includes. */
#ifndef SN_TESTUTIL_H
#define SN_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"

/* Runs 'sapnhap --db DB WORD...' (the words end with NULL) in-process, its output discarded.
 * Returns its exit status. For building a test's database with whole commands. */
static inline int test_sapnhap(const char *db, ...)
{
	char *argv[32] = { (char *)"sapnhap", (char *)"--db", (char *)db };
	int argc = 3;
	va_list ap;
	va_start(ap, db);
	for (const char *w; argc < 31 && (w = va_arg(ap, const char *)) != NULL;)
		argv[argc++] = (char *)w;
	va_end(ap);
	argv[argc] = NULL;
	FILE *out = tmpfile(), *err = tmpfile();
	int rc = out && err ? sn_main(argc, argv, out, err) : -1;
	if (out)
		fclose(out);
	if (err)
		fclose(err);
	return rc;
}

/* Writes TEXT to PATH (a test's input file). */
static inline void test_write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A working database in a temporary folder, for tests that build it with whole commands and
 * then call a module's functions inside a transaction they roll back. */
struct test_db {
	char dir[64], db[96], file[96];  /* the folder, its database, a scratch input file */
	struct sn_ctx ctx;               /* open between test_db_begin and test_db_end */
	FILE *err;                       /* the diagnostics of the test so far */
};

static inline int test_db_create(struct test_db *t, const char *name)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/sn-test-%s-XXXXXX", name);
	if (!mkdtemp(t->dir))
		return -1;
	snprintf(t->db, sizeof t->db, "%s/w.db", t->dir);
	snprintf(t->file, sizeof t->file, "%s/input.csv", t->dir);
	return 0;
}

static inline int test_db_remove(struct test_db *t)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	return system(cmd) ? -1 : 0;
}

/* The samples imported as the transcripts do: the unit sources and both registries; with
 * CATALOGS also recode (on 2025-07-01), both catalogs and both provinces' dossiers. */
static inline int test_db_samples(struct test_db *t, int catalogs)
{
	const char *db = t->db;
	if (test_sapnhap(db, "units", "import", "samples/units/conversion-2025.csv", NULL) ||
	    test_sapnhap(db, "units", "import", "samples/units/pre-reform-list.csv", NULL) ||
	    test_sapnhap(db, "agencies", "import", "samples/agencies/binhphuoc.csv", "--province", "70", NULL) ||
	    test_sapnhap(db, "agencies", "import", "samples/agencies/dongnai.xml", "--province", "75", NULL))
		return -1;
	if (catalogs &&
	    (test_sapnhap(db, "recode", "--on", "2025-07-01", NULL) ||
	     test_sapnhap(db, "catalog", "import", "samples/catalogs/binhphuoc.csv", "--province", "70", NULL) ||
	     test_sapnhap(db, "catalog", "import", "samples/catalogs/dongnai.xml", "--province", "75", NULL) ||
	     test_sapnhap(db, "dossiers", "import", "samples/dossiers/binhphuoc.csv", "--province", "70", NULL) ||
	     test_sapnhap(db, "dossiers", "import", "samples/dossiers/dongnai.csv", "--province", "75", NULL)))
		return -1;
	return 0;
}

/* Opens the database read-write and begins a transaction. */
static inline int test_db_begin(struct test_db *t)
{
	t->err = tmpfile();
	t->ctx = (struct sn_ctx){ .out = tmpfile(), .err = t->err, .db_path = t->db, .lock_fd = -1 };
	return !t->err || !t->ctx.out || sn_db_open(&t->ctx, 0) || sn_exec(&t->ctx, "BEGIN") ? -1 : 0;
}

/* Rolls back and closes. */
static inline void test_db_end(struct test_db *t)
{
	sn_exec(&t->ctx, "ROLLBACK");
	sn_db_close(&t->ctx);
	fclose(t->ctx.out);
	fclose(t->err);
}

/* What the test has printed on stderr so far. */
static inline const char *test_db_errors(struct test_db *t)
{
	static char buf[4096];
	fflush(t->err);
	rewind(t->err);
	size_t n = fread(buf, 1, sizeof buf - 1, t->err);
	buf[n] = '\0';
	return buf;
}
#endif
