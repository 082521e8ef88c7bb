/* cli.h - the command context, the command table, and diagnostics.
 *
 * All state of one run lives in struct sn_ctx (no globals), so a whole command can run in-process
 * from a test: sn_main(argc, argv, out, err).
 */
#ifndef SN_CLI_H
#define SN_CLI_H

#include <stdio.h>
#include <sqlite3.h>
#include "exitcodes.h"
#include "i18n.h"

struct sn_ctx {
	FILE *out;            /* results */
	FILE *err;            /* diagnostics and progress */
	const char *db_path;  /* --db, default ./sapnhap.db */
	int db_given;         /* --db was on the command line */
	sqlite3 *db;
	int db_created;       /* the file did not exist before this run */
	int in_tx;
	int committed;        /* a step committed: the database now holds its work */
	/* Creating a database: it is built under this temporary name beside db_path (owned) and
	 * linked into place when its first step commits (publish_on_commit), or at once. */
	char *db_tmp;
	int publish_on_commit;
	/* One writer at a time (writer.h): the lock beside lock_db, held by this run (locked,
	 * lock_fd) or by the 'run' this step belongs to (lock_db set, locked 0). */
	int locked, lock_fd;
	char *lock_path;
	const char *lock_db;
	int argc;             /* the command line, for the journal and the lock */
	char **argv;
	char *cmdline;        /* the same as one string, as typed (sn_command_line; owned) */
	int nested;           /* a step of 'sapnhap run' */
	int replace_changed;  /* inside 'run': a step whose input changed is re-applied (its intent) */
	long committed_id;    /* the journal id of the step that committed */
	struct sn_hook *hook; /* SAPNHAP_HOOK, the crash and concurrency tests' hook (db.h) */
	const struct sn_command *command; /* the command running (its prerequisites) */
	char today[11];       /* YYYY-MM-DD, SOURCE_DATE_EPOCH honoured: the default of --on */
	enum sn_lang lang;    /* of messages: --lang, else the locale (i18n.h) */
};

/* What the runner prepares before calling a command, and the steps that must have run before
 * it (checked once its options are parsed, by sn_require in options.h: one message, exit 3). */
enum {
	NEED_DB = 1,          /* open the database (read-only unless WRITES_DB) */
	WRITES_DB = 2,        /* open read-write, creating and migrating it */
	NEEDS_RECODE = 4,     /* 'recode' has made the code table and the crosswalk */
	NEEDS_CATALOG = 8,    /* a 'catalog import' has run */
	NEEDS_REASSIGN = 16   /* 'reassign' has made the merged catalog */
};
#define SN_NEEDS (NEEDS_RECODE | NEEDS_CATALOG | NEEDS_REASSIGN)

struct sn_command {
	const char *name;
	int (*fn)(struct sn_ctx *ctx, int argc, char **argv);
	int flags;
	const char *summary;
};

int sn_main(int argc, char **argv, FILE *out, FILE *err);
/* A step of 'run': like sn_main, with the parent's writer lock, hook and intent (a changed
 * input is re-applied without --force), and its stdout to OUT. */
int sn_main_nested(const struct sn_ctx *parent, int argc, char **argv, FILE *out);

/* Diagnostics: "sapnhap: error: ..." / "sapnhap: warning: ..." / "sapnhap: ..." on ctx->err, the
 * format translated (i18n.h: these four are gettext keywords, their formats need no _()). */
void sn_error(struct sn_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sn_warn(struct sn_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sn_info(struct sn_ctx *ctx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Usage error: prints the message and "try 'sapnhap CMD --help'", returns SN_USAGE. */
int sn_usage_error(struct sn_ctx *ctx, const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));


/* Output formats of tabular commands (XML where a schema describes the file). */
enum sn_format { SN_FMT_TEXT, SN_FMT_CSV, SN_FMT_JSON, SN_FMT_XML, SN_FMT_COUNT };
/* A set of formats, as a command accepts them: SN_FMT_BIT(SN_FMT_CSV) | SN_FMT_BIT(SN_FMT_XML). */
#define SN_FMT_BIT(f) (1u << (f))
#define SN_FMTS_TABLE (SN_FMT_BIT(SN_FMT_TEXT) | SN_FMT_BIT(SN_FMT_CSV) | SN_FMT_BIT(SN_FMT_JSON))
#define SN_FMTS_FILES (SN_FMT_BIT(SN_FMT_CSV) | SN_FMT_BIT(SN_FMT_XML))
/* "text", "csv", "json", "xml". */
const char *sn_format_name(enum sn_format f);
/* Parses --format's value among the allowed ones (SN_FMT_BIT()s). Returns 0 or -1. */
int sn_parse_format(const char *s, unsigned allowed, enum sn_format *out);

/* Writes s as a JSON string (with quotes). Every CSV cell we write goes through
 * sn_csv_write_cell (csv.h), which keeps a spreadsheet from running it as a formula. */
void sn_json_string(FILE *f, const char *s);
/* Writes s (NULL = "") escaped for XML text or a double-quoted attribute: & < > " as entities,
 * tab, LF and CR as character references; other control bytes and U+FFFE/U+FFFF, which XML 1.0
 * cannot carry, become U+FFFD. */
void sn_xml_text(FILE *f, const char *s);
/* The start of one of our XML exchange files: the declaration, then the root element ROOT in the
 * namespace urn:sapnhap:ROOT:1 with its province attribute, on a line of its own. */
void sn_xml_root(FILE *f, const char *root, const char *province);
/* An attribute of an element being started: ' NAME="VALUE"', VALUE as sn_xml_text writes it. */
void sn_xml_attr(FILE *f, const char *name, const char *value);
/* Writes s (NULL = "") escaped for HTML text or an attribute in either quotes: & < > " ' as
 * references, every other byte as it is. */
void sn_html_text(FILE *f, const char *s);

/* Checks a YYYY-MM-DD date (a real calendar date). */
int sn_valid_date(const char *s);

/* Commands, one file each (units commands: units.h). */
int cmd_status(struct sn_ctx *ctx, int argc, char **argv);
int cmd_agencies_import(struct sn_ctx *ctx, int argc, char **argv);
int cmd_agencies_list(struct sn_ctx *ctx, int argc, char **argv);
int cmd_recode(struct sn_ctx *ctx, int argc, char **argv);
int cmd_crosswalk(struct sn_ctx *ctx, int argc, char **argv);
int cmd_rewrite(struct sn_ctx *ctx, int argc, char **argv);
int cmd_catalog_import(struct sn_ctx *ctx, int argc, char **argv);
int cmd_dossiers_import(struct sn_ctx *ctx, int argc, char **argv);
int cmd_dossiers_list(struct sn_ctx *ctx, int argc, char **argv);
int cmd_reassign(struct sn_ctx *ctx, int argc, char **argv);
int cmd_run(struct sn_ctx *ctx, int argc, char **argv);
int cmd_queue(struct sn_ctx *ctx, int argc, char **argv);
int cmd_export(struct sn_ctx *ctx, int argc, char **argv);
int cmd_validate(struct sn_ctx *ctx, int argc, char **argv);
int cmd_diff(struct sn_ctx *ctx, int argc, char **argv);
int cmd_report(struct sn_ctx *ctx, int argc, char **argv);

#endif
