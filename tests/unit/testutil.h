/* testutil.h - what every cmocka unit test includes. */
#ifndef SN_TESTUTIL_H
#define SN_TESTUTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include "cli.h"

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
#endif
