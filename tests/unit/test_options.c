/* test_options.c - the one command-line parser (options.h): values checked by kind, the shared
 * defaults, the one message shape, --help from the table. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "options.h"

struct vals {
	const char *date, *file;
	char province[16];
	long limit;
	enum sn_format fmt;
	int choice, flag, given;
};

static const char *const colours[] = { "red", "green", NULL };
static const struct sn_usage usage = { .args = "FILE", .min_args = 1, .max_args = 1, .expected = "one FILE",
				       .description = "Tests.\n", .examples = "sapnhap t x\n" };

/* Parses the words of LINE (space-separated) as "t LINE"; returns the status, the arguments in
 * *ARGS and *NARGS, stderr in ERR. */
static int parse(const char *line, struct vals *v, char ***args, int *nargs, char *err, size_t errlen, char *out,
		 size_t outlen)
{
	static char buf[512];
	static char *argv[32];
	int argc = 0;
	snprintf(buf, sizeof buf, "%s", line);
	argv[argc++] = (char *)"t";
	for (char *save = NULL, *w = strtok_r(buf, " ", &save); w && argc < 31; w = strtok_r(NULL, " ", &save))
		argv[argc++] = w;
	argv[argc] = NULL;
	*v = (struct vals){ .limit = 10, .fmt = SN_FMT_TEXT, .choice = -1 };
	FILE *o = tmpfile(), *e = tmpfile();
	struct sn_ctx ctx = { .out = o, .err = e };
	snprintf(ctx.today, sizeof ctx.today, "2026-11-20");
	struct sn_option opts[] = {
		OPT_ON(&v->date, "the date"),
		OPT_FILE("file", &v->file, "a file"),
		OPT_PROVINCE(v->province, "a province"),
		OPT_INT("limit", &v->limit, 0, "N", "rows"),
		OPT_FORMAT(&v->fmt, SN_FMTS_TABLE, "the format"),
		{ .kind = SN_OPT_CHOICE, .name = "colour", .value = &v->choice, .choices = colours,
		  .given = &v->given, .help = "a colour" },
		OPT_FLAG("flag", &v->flag, "a flag"),
		OPT_END()
	};
	int rc = sn_parse_options(&ctx, argc, argv, opts, &usage, args, nargs);
	size_t n;
	rewind(e);
	n = fread(err, 1, errlen - 1, e);
	err[n] = '\0';
	rewind(o);
	n = fread(out, 1, outlen - 1, o);
	out[n] = '\0';
	fclose(o);
	fclose(e);
	return rc;
}

static void test_values(void **state)
{
	(void)state;
	struct vals v;
	char **args, err[512], out[2048];
	int nargs;
	assert_int_equal(parse("x.csv --on 2025-07-01 --province 1 --limit=0 --format csv --colour green --flag",
			       &v, &args, &nargs, err, sizeof err, out, sizeof out), 0);
	assert_int_equal(nargs, 1);
	assert_string_equal(args[0], "x.csv");
	assert_string_equal(v.date, "2025-07-01");
	assert_string_equal(v.province, "01");
	assert_int_equal(v.limit, 0);
	assert_int_equal(v.fmt, SN_FMT_CSV);
	assert_int_equal(v.choice, 1);
	assert_int_equal(v.given, 1);
	assert_int_equal(v.flag, 1);
	/* Defaults: --on is today; options after the argument; "--" ends the options. */
	assert_int_equal(parse("--flag -- --x", &v, &args, &nargs, err, sizeof err, out, sizeof out), 0);
	assert_string_equal(v.date, "2026-11-20");
	assert_string_equal(args[0], "--x");
	/* A unique prefix, as getopt_long allows. */
	assert_int_equal(parse("x --lim 3", &v, &args, &nargs, err, sizeof err, out, sizeof out), 0);
	assert_int_equal(v.limit, 3);
}

static void test_errors(void **state)
{
	(void)state;
	static const struct {
		const char *line, *message;
	} cases[] = {
		{ "x --nope", "sapnhap: error: unknown option '--nope'\ntry 'sapnhap t --help'\n" },
		{ "x -n", "sapnhap: error: unknown option '-n'\n" },
		{ "x --on", "sapnhap: error: option '--on' needs a value\n" },
		{ "x --on 2025-02-30", "sapnhap: error: --on must be a date YYYY-MM-DD, not '2025-02-30'\n" },
		{ "x --province 123", "sapnhap: error: --province must be a 2-digit province code, not '123'\n" },
		{ "x --limit -1", "sapnhap: error: --limit must be a whole number, 0 or more, not '-1'\n" },
		{ "x --format xml", "sapnhap: error: --format must be text, csv or json, not 'xml'\n" },
		{ "x --colour blue", "sapnhap: error: --colour must be red or green, not 'blue'\n" },
		{ "x --flag=1", "sapnhap: error: option '--flag' takes no value\n" },
		{ "x --file=", "sapnhap: error: option '--file' must not be empty\n" },
		{ "x --f", "sapnhap: error: ambiguous option '--f'\n" },
		{ "", "sapnhap: error: expected one FILE\n" },
		{ "x y", "sapnhap: error: expected one FILE\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct vals v;
		char **args, err[512], out[2048];
		int nargs;
		assert_int_equal(parse(cases[i].line, &v, &args, &nargs, err, sizeof err, out, sizeof out), SN_USAGE);
		if (strncmp(err, cases[i].message, strlen(cases[i].message)))
			fail_msg("'%s': got \"%s\"", cases[i].line, err);
	}
}

static void test_help(void **state)
{
	(void)state;
	struct vals v;
	char **args, err[512], out[2048];
	int nargs;
	assert_int_equal(parse("--help", &v, &args, &nargs, err, sizeof err, out, sizeof out), SN_DONE);
	assert_non_null(strstr(out, "usage: sapnhap t FILE [--on DATE] [--file FILE] [--province CODE]"));
	assert_non_null(strstr(out, "[--format text|csv|json]"));
	assert_non_null(strstr(out, "  --colour red|green"));
	assert_non_null(strstr(out, "  --help"));
	assert_non_null(strstr(out, "example:\n  sapnhap t x\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_help),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
