/* options.h - every command's options and arguments as a table, parsed by one runner.
 *
 * In the spirit of git's parse-options: a command declares what it accepts as data, and
 * sn_parse_options parses the command line, checks each value by its type, applies the shared
 * defaults, checks the prerequisites the command table declares (cli.c) and prints --help from
 * the same table. A command is then only its work:
 *
 *     const char *date = NULL, *pins = NULL;
 *     enum sn_format fmt = SN_FMT_TEXT;
 *     int dry_run = 0;
 *     struct sn_option opts[] = {
 *             OPT_FILE("pins", &pins, "subject,code pins"),
 *             OPT_ON(&date, "the new communes in force on DATE"),
 *             OPT_FORMAT(&fmt, SN_FMTS_TABLE, "text (default), csv or json"),
 *             OPT_DRY_RUN(&dry_run),
 *             OPT_END()
 *     };
 *     static const struct sn_usage usage = { .args = NULL, .description = "...", .examples = "..." };
 *     char **args;
 *     int nargs, rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
 *     if (rc)
 *             return rc == SN_DONE ? SN_OK : rc;
 *
 * What the user sees, the same for every command:
 *   unknown option       "sapnhap: error: unknown option '--x'"            exit 2
 *   missing value        "sapnhap: error: option '--on' needs a value"    exit 2
 *   bad value            "sapnhap: error: --on must be a date YYYY-MM-DD, not '2025-13-01'"  exit 2
 *   required, absent     "sapnhap: error: option '--out' is required"     exit 2
 *   wrong arguments      "sapnhap: error: expected one FILE" / "unexpected argument 'x'"  exit 2
 * each followed by "try 'sapnhap CMD --help'"; a prerequisite step that has not run:
 *   "sapnhap: error: no code table and crosswalk yet: run 'sapnhap recode' first"    exit 3
 */
#ifndef SN_OPTIONS_H
#define SN_OPTIONS_H

#include "cli.h"

enum sn_opt_kind {
	SN_OPT_END = 0,
	SN_OPT_FLAG,      /* int *: set to 1 */
	SN_OPT_STRING,    /* const char **: any value, even empty */
	SN_OPT_FILE,      /* const char **: a path, not empty ("-" where the help says so) */
	SN_OPT_DATE,      /* const char **: YYYY-MM-DD, a real date; with SN_OPT_TODAY today when absent */
	SN_OPT_PROVINCE,  /* char[16]: a province code, normalised to 2 digits ("1" -> "01") */
	SN_OPT_INT,       /* long *: a decimal integer >= .min */
	SN_OPT_FORMAT,    /* enum sn_format *: one of the formats in .formats */
	SN_OPT_CHOICE,    /* int *: the index of the value among .choices */
	SN_OPT_ENCODING,  /* sn_encoding *: auto, utf-8, cp1258, tcvn3 */
	SN_OPT_NOTATION,  /* enum sn_notation *: qcvn or left */
	SN_OPT_CALLBACK   /* .check(value, .value, ...) decides: NULL accepts, else what is expected */
};

/* Option flags. */
enum {
	SN_OPT_REQUIRED = 1,  /* the option must be given */
	SN_OPT_TODAY = 2,     /* DATE: today (SOURCE_DATE_EPOCH honoured) when absent */
	SN_OPT_HIDDEN = 4     /* not in --help (a benchmark's switch) */
};

struct sn_option {
	enum sn_opt_kind kind;
	const char *name;        /* the long name without dashes: "on" */
	void *value;             /* where the value goes; its type by kind (above) */
	const char *argh;        /* the value's name in --help ("FILE"); NULL: from the kind */
	const char *help;        /* for --help; several lines separated by '\n' */
	int flags;               /* SN_OPT_REQUIRED, SN_OPT_TODAY */
	unsigned formats;        /* FORMAT: the allowed formats, SN_FMT_BIT()s */
	const char *const *choices; /* CHOICE: the allowed values, NULL-terminated */
	long min;                /* INT: the least value accepted */
	/* CALLBACK: stores ARG in VALUE and returns NULL, or returns what is expected (in BUF of
	 * LEN bytes when it is built): "--NAME must be EXPECTED, not 'ARG'". */
	const char *(*check)(const char *arg, void *value, char *buf, size_t len);
	int *given;              /* when not NULL: set to 1 when the option is on the command line */
	unsigned waives;         /* prerequisites (NEEDS_*) this option makes unnecessary */
};

#define OPT_END() { .kind = SN_OPT_END }
#define OPT_FLAG(n, v, h) { .kind = SN_OPT_FLAG, .name = (n), .value = (v), .help = (h) }
#define OPT_STRING(n, v, a, h) { .kind = SN_OPT_STRING, .name = (n), .value = (v), .argh = (a), .help = (h) }
#define OPT_FILE(n, v, h) { .kind = SN_OPT_FILE, .name = (n), .value = (v), .argh = "FILE", .help = (h) }
#define OPT_DATE(n, v, h) { .kind = SN_OPT_DATE, .name = (n), .value = (v), .help = (h) }
#define OPT_PROVINCE(v, h) { .kind = SN_OPT_PROVINCE, .name = "province", .value = (v), .help = (h) }
#define OPT_INT(n, v, mn, a, h) { .kind = SN_OPT_INT, .name = (n), .value = (v), .min = (mn), .argh = (a), \
				  .help = (h) }
#define OPT_FORMAT(v, fmts, h) { .kind = SN_OPT_FORMAT, .name = "format", .value = (v), .formats = (fmts), \
				 .help = (h) }
#define OPT_CHOICE(n, v, ch, h) { .kind = SN_OPT_CHOICE, .name = (n), .value = (v), .choices = (ch), .help = (h) }
#define OPT_ENCODING(v, h) { .kind = SN_OPT_ENCODING, .name = "encoding", .value = (v), .help = (h) }
#define OPT_NOTATION(v, g) { .kind = SN_OPT_NOTATION, .name = "notation", .value = (v), .given = (g), \
	.help = N_("agency codes in QCVN 102 (qcvn, 000.00.16.H19; the default) or\nQĐ 20/2020 (left, H19.16) notation") }
#define OPT_CALLBACK(n, v, a, fn, h) { .kind = SN_OPT_CALLBACK, .name = (n), .value = (v), .argh = (a), \
				       .check = (fn), .help = (h) }
/* The shared ones. */
#define OPT_ON(v, h) { .kind = SN_OPT_DATE, .name = "on", .value = (v), .flags = SN_OPT_TODAY, .help = (h) }
#define OPT_DRY_RUN(v) OPT_FLAG("dry-run", (v), N_("report what would change; write nothing"))
#define OPT_FORCE(v, h) OPT_FLAG("force", (v), (h))
/* --lang vi|en into an enum sn_lang (labels.h). */
#define OPT_LANG(v, h) OPT_CALLBACK("lang", (v), "vi|en", sn_opt_lang, (h))
const char *sn_opt_lang(const char *arg, void *value, char *buf, size_t len);

/* The hand-written part of a command's help, and its arguments. */
struct sn_usage {
	const char *args;         /* the arguments in the synopsis: "IN OUT", "[FILE]"; NULL: none */
	int min_args, max_args;   /* how many arguments (both 0: none) */
	const char *expected;     /* the message when their number is wrong: "one FILE" */
	const char *description;  /* paragraphs after the synopsis */
	void (*details)(FILE *f); /* when not NULL: prints what follows them (a list of rules) */
	const char *after;        /* after the options: formats, exit status (NULL: nothing) */
	const char *examples;     /* the example lines (without "examples:") */
};

/* Parses ARGV (argv[0] the command's name) by OPTS, ending with OPT_END(). Options may come
 * before, between and after the arguments ("--" ends them); --help and -h print the help. Then
 * the prerequisites of the command (its NEEDS_* flags in cli.c, less those an option given
 * waives) are checked, with sn_require. Sets *args to the arguments (in argv, permuted) and
 * *nargs to their number. Returns 0 to go on; SN_DONE after --help (the command returns SN_OK);
 * SN_USAGE after printing a usage error; SN_DATA when a prerequisite is missing; SN_IO. */
int sn_parse_options(struct sn_ctx *ctx, int argc, char **argv, struct sn_option *opts,
		     const struct sn_usage *usage, char ***args, int *nargs);

/* Prints the help of the command ARGV0 from its table (synopsis, description, options, the rest
 * and the examples) to F. */
void sn_print_help(FILE *f, const char *argv0, const struct sn_option *opts, const struct sn_usage *usage);

/* Checks that the steps NEEDS (NEEDS_* of cli.h) have run, by what they leave in the working
 * database. The one message and the one status of a missing step:
 *   "sapnhap: error: no merged catalog yet: run 'sapnhap reassign' first" -> SN_DATA
 * INSTEAD, when not NULL, names what the user may do instead ("--province CODE"). Returns 0,
 * SN_DATA or SN_IO. */
int sn_require(struct sn_ctx *ctx, unsigned needs, const char *instead);

#endif
