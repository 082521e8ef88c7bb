/* cli.c - the command runner: global options, the command table, database set-up, diagnostics.
 *
 * To add a command: write cmd_<name>() in tools/cmd_<name>.c (its options a table parsed by
 * sn_parse_options, options.h, which also prints its --help), declare it in cli.h and add a row
 * to the table below. The flags say what the runner prepares first: NEED_DB opens the database
 * read-only, WRITES_DB read-write (created and migrated); NEEDS_* name the steps that must have
 * run before (checked once the options are parsed: one message, exit 3). The runner checks
 * that stdout was written fully, so a full disk is not success.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "address.h"
#include "cli.h"
#include "db.h"
#include "options.h"
#include "steps.h"
#include "text.h"
#include "units.h"
#include "version.h"
#include "writer.h"
#include "banned.h"


static const struct sn_command commands[] = {
	{ "units import", cmd_units_import, NEED_DB | WRITES_DB,
	  N_("import a unit source: the official conversion table, the pre-reform list, a change file") },
	{ "units map", cmd_units_map, NEED_DB, N_("what an old unit became, composed across events") },
	{ "units show", cmd_units_show, NEED_DB, N_("a unit as of a date, with its history") },
	{ "units check", cmd_units_check, NEED_DB, N_("findings about the unit registry") },
	{ "address convert", cmd_address_convert, NEED_DB,
	  N_("addresses as citizens wrote them, rewritten in the new units (CSV or lines, streamed)") },
	{ "agencies import", cmd_agencies_import, NEED_DB | WRITES_DB,
	  N_("import an old province's agency registry (CSV or XML)") },
	{ "agencies list", cmd_agencies_list, NEED_DB, N_("agencies in code order, before or after the merger") },
	{ "recode", cmd_recode, NEED_DB | WRITES_DB,
	  N_("the merged province's agency code table and the crosswalk old -> new") },
	{ "crosswalk", cmd_crosswalk, NEED_DB | NEEDS_RECODE, N_("the old -> new agency codes, with outcome and reason") },
	{ "rewrite", cmd_rewrite, NEED_DB | NEEDS_RECODE, N_("replace old agency codes in an XML or CSV file, by the crosswalk") },
	{ "catalog import", cmd_catalog_import, NEED_DB | WRITES_DB,
	  N_("import an old province's procedure catalog with its bindings (CSV or XML)") },
	{ "dossiers import", cmd_dossiers_import, NEED_DB | WRITES_DB, N_("import an old province's in-flight dossiers") },
	{ "dossiers list", cmd_dossiers_list, NEED_DB,
	  N_("the dossiers as they are now: the agency handling each, where reassign moved it from") },
	{ "reassign", cmd_reassign, NEED_DB | WRITES_DB | NEEDS_RECODE | NEEDS_CATALOG,
	  N_("district-level work to communes or the province; dossiers moved; one merged catalog") },
	{ "validate", cmd_validate, NEED_DB | NEEDS_RECODE,
	  N_("findings about the merged province after reassign, with the catalogs' statistics") },
	{ "queue", cmd_queue, NEED_DB, N_("open review items: what needs a person") },
	{ "export", cmd_export, NEED_DB | NEEDS_REASSIGN,
	  N_("the merged catalog, code table, crosswalk and review queue as CSV or XML files") },
	{ "report", cmd_report, NEED_DB | NEEDS_REASSIGN,
	  N_("the sign-off report: where every agency, procedure and dossier went (HTML or XLSX)") },
	/* diff opens its two operands itself, read-only: no NEED_DB */
	{ "diff", cmd_diff, 0, N_("what changed between two catalogs (databases, exports, catalog files)") },
	{ "run", cmd_run, 0, N_("the whole migration from one plan file, with its reports") },
	{ "status", cmd_status, NEED_DB, N_("the journal of applied steps and the table counts") },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

/* Writes a message that may quote input: a control character from a file (an escape sequence
 * that would drive the terminal, a line end that would forge a second message) is shown as
 * \xHH, a C1 control (U+0080-U+009F) as \uHHHH. */
static void put_escaped(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			fprintf(f, "\\x%02x", *p);
		else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			fprintf(f, "\\u%04x", *++p);
		else
			fputc(*p, f);
	}
}

static void vreport(struct sn_ctx *ctx, const char *prefix, const char *fmt, va_list ap)
{
	char small[1024], *msg = small;
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL)
		vsnprintf(msg, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	fputs("sapnhap: ", ctx->err);
	fputs(prefix, ctx->err);
	put_escaped(ctx->err, msg ? msg : small);
	fputc('\n', ctx->err);
	if (msg != small)
		free(msg);
}

void sn_error(struct sn_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(ctx, _("error: "), _(fmt), ap);
	va_end(ap);
}

void sn_warn(struct sn_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(ctx, _("warning: "), _(fmt), ap);
	va_end(ap);
}

void sn_info(struct sn_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(ctx, "", _(fmt), ap);
	va_end(ap);
}

int sn_usage_error(struct sn_ctx *ctx, const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(ctx, _("error: "), _(fmt), ap);
	va_end(ap);
	fprintf(ctx->err, _("try 'sapnhap %s%s--help'\n"), cmd ? cmd : "", cmd && *cmd ? " " : "");
	return SN_USAGE;
}

static const char *const format_names[SN_FMT_COUNT] = { "text", "csv", "json", "xml" };

const char *sn_format_name(enum sn_format f)
{
	return f < SN_FMT_COUNT ? format_names[f] : "?";
}

int sn_parse_format(const char *s, unsigned allowed, enum sn_format *out)
{
	for (int i = 0; i < SN_FMT_COUNT; i++)
		if ((allowed & SN_FMT_BIT(i)) && strcmp(s, format_names[i]) == 0) {
			*out = (enum sn_format)i;
			return 0;
		}
	return -1;
}

void sn_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

void sn_xml_text(FILE *f, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		/* As references, these survive attribute-value normalisation and CR-LF folding. */
		case '\t': fputs("&#9;", f); break;
		case '\n': fputs("&#10;", f); break;
		case '\r': fputs("&#13;", f); break;
		default:
			if (*p < 0x20) {
				fputs("\xEF\xBF\xBD", f);  /* U+FFFD: XML 1.0 cannot carry this byte */
			} else if (*p == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF)) {
				fputs("\xEF\xBF\xBD", f);  /* nor U+FFFE, U+FFFF (the importers refuse
							   * them; a database from before may hold them) */
				p += 2;
			} else {
				fputc(*p, f);
			}
		}
	}
}

void sn_xml_root(FILE *f, const char *root, const char *province)
{
	fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<%s xmlns=\"urn:sapnhap:%s:1\"", root, root);
	sn_xml_attr(f, "province", province);
	fputs(">\n", f);
}

void sn_xml_attr(FILE *f, const char *name, const char *value)
{
	fprintf(f, " %s=\"", name);
	sn_xml_text(f, value);
	fputc('"', f);
}

void sn_html_text(FILE *f, const char *s)
{
	static const char *const refs[256] = { ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;",
					       ['"'] = "&quot;", ['\''] = "&#39;" };
	for (; s && *s; s++) {
		const char *ref = refs[(unsigned char)*s];
		if (ref)
			fputs(ref, f);
		else
			fputc(*s, f);
	}
}

int sn_valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	int y = (int)strtol(s, NULL, 10), m = (int)strtol(s + 5, NULL, 10), d = (int)strtol(s + 8, NULL, 10);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 0;
	return 1;
}

static void main_help(FILE *f)
{
	fputs(_("usage: sapnhap [--db FILE] [--lang vi|en] COMMAND [SUBCOMMAND] [OPTIONS] [ARGS]\n"
		"\n"
		"Carries a provincial administrative-procedure system through the 2025 merger of\n"
		"Vietnamese administrative units. One working database holds one migration.\n"
		"\n"
		"commands:\n"), f);
	for (size_t i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
	fputs(_("\n"
		"options:\n"
		"  --db FILE      working database (default ./sapnhap.db)\n"
		"  --lang vi|en   the language of messages and help (default: from the locale, LANG)\n"
		"  --version      print the version\n"
		"  --help         this text; 'sapnhap COMMAND --help' for a command\n"
		"\n"
		"exit status: 0 success, 1 findings, 2 usage error, 3 bad input data (nothing written),\n"
		"4 I/O or database error (also: another sapnhap is changing the database), 5 internal error\n"
		"\n"
		"One writer at a time: a command that changes the database is refused at once while\n"
		"another does; readers run alongside. A step is stale when a step it reads was applied\n"
		"after it: 'sapnhap status' lists them with the command to run again.\n"), f);
}

/* Finds the command named by argv[0] (and argv[1] for two-word commands). Sets *used to the
 * number of words consumed. */
static const struct sn_command *find_command(int argc, char **argv, int *used)
{
	for (size_t i = 0; i < NCOMMANDS; i++) {
		const char *name = commands[i].name, *sp = strchr(name, ' ');
		if (!sp) {
			if (strcmp(argv[0], name) == 0) {
				*used = 1;
				return &commands[i];
			}
		} else if (argc >= 2 && strlen(argv[0]) == (size_t)(sp - name) &&
			   strncmp(argv[0], name, (size_t)(sp - name)) == 0 && strcmp(argv[1], sp + 1) == 0) {
			*used = 2;
			return &commands[i];
		}
	}
	return NULL;
}

/* Lists the subcommands of a command group ("units") for 'sapnhap units' / 'units --help'. */
static int group_help(struct sn_ctx *ctx, const char *group, FILE *f)
{
	size_t n = strlen(group);
	int found = 0;
	if (!f) {
		/* Only asks whether GROUP is a command group. */
		for (size_t i = 0; i < NCOMMANDS; i++)
			if (strncmp(commands[i].name, group, n) == 0 && commands[i].name[n] == ' ')
				return 1;
		return 0;
	}
	for (size_t i = 0; i < NCOMMANDS; i++)
		if (strncmp(commands[i].name, group, n) == 0 && commands[i].name[n] == ' ') {
			if (!found)
				fprintf(f, _("usage: sapnhap %s SUBCOMMAND [OPTIONS]\n\nsubcommands:\n"), group);
			fprintf(f, "  %-8s %s\n", commands[i].name + n + 1, _(commands[i].summary));
			found = 1;
		}
	if (found)
		fprintf(f, _("\n'sapnhap %s SUBCOMMAND --help' for details\n"), group);
	(void)ctx;
	return found;
}

static int is_help(const char *a)
{
	return strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0;
}

/* Runs one command line in CTX (prepared by sn_main or sn_main_nested). */
static int main_ctx(struct sn_ctx *ctx, int argc, char **argv)
{
	FILE *out = ctx->out, *err = ctx->err;
	int i = 1, rc = SN_OK;

	ctx->argc = argc;
	ctx->argv = argv;
	sn_today(ctx->today);
	/* As typed, before option parsing permutes argv. */
	ctx->cmdline = sn_command_line(ctx);
	/* The language first, so that every message is in it: --lang among the global options. */
	for (int k = 1; k < argc && argv[k][0] == '-'; k++) {
		const char *v = !strcmp(argv[k], "--lang") && k + 1 < argc ? argv[k + 1] :
				!strncmp(argv[k], "--lang=", 7) ? argv[k] + 7 : NULL;
		if (v)
			sn_lang_parse(v, &ctx->lang);
		if (!strcmp(argv[k], "--db") || !strcmp(argv[k], "--lang"))
			k++;
	}
	if (sn_i18n_init(ctx->lang) && !ctx->nested)
		sn_warn(ctx, "no Vietnamese message catalog (sapnhap.mo) under %s: messages are in English",
			sn_localedir());
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			ctx->db_path = argv[++i];
			ctx->db_given = 1;
		} else if (strcmp(argv[i], "--db") == 0) {
			return sn_usage_error(ctx, "", "option '--db' needs a value (the working database)");
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			ctx->db_path = argv[i] + 5;
			ctx->db_given = 1;
		} else if (strcmp(argv[i], "--lang") == 0 || strncmp(argv[i], "--lang=", 7) == 0) {
			const char *v = argv[i][6] == '=' ? argv[i] + 7 : i + 1 < argc ? argv[++i] : NULL;
			if (!v)
				return sn_usage_error(ctx, "", "option '--lang' needs a value (vi or en)");
			if (sn_lang_parse(v, &ctx->lang))
				return sn_usage_error(ctx, "", "option '--lang': '%s' is not vi or en", v);
		} else if (is_help(argv[i])) {
			main_help(out);
			goto flush;
		} else if (strcmp(argv[i], "--version") == 0) {
			fprintf(out, "sapnhap %s\n", SN_VERSION);
			goto flush;
		} else {
			return sn_usage_error(ctx, "", "unknown option '%s'", argv[i]);
		}
	}
	if (i >= argc) {
		main_help(err);
		return SN_USAGE;
	}
	int used = 0;
	const struct sn_command *cmd = find_command(argc - i, argv + i, &used);
	if (!cmd) {
		if (i + 1 < argc && is_help(argv[i + 1]) && group_help(ctx, argv[i], out))
			goto flush;
		if (i + 1 == argc && group_help(ctx, argv[i], err))
			return SN_USAGE;
		if (i + 1 < argc && group_help(ctx, argv[i], NULL))
			return sn_usage_error(ctx, argv[i], "unknown subcommand '%s %s'", argv[i], argv[i + 1]);
		return sn_usage_error(ctx, "", "unknown command '%s'", argv[i]);
	}

	/* The command sees argv[0] = its full name, then its own arguments. */
	int cargc = argc - i - used + 1;
	char **cargv = argv + i + used - 1;
	int wants_help = 0;
	for (int k = 1; k < cargc; k++)
		if (is_help(cargv[k]))
			wants_help = 1;

	if ((cmd->flags & NEED_DB) && !wants_help) {
		int writer = (cmd->flags & WRITES_DB) != 0;
		/* One writer at a time, told at once (writer.h); a step of 'run' has run's lock. */
		if (writer && !(ctx->lock_db && strcmp(ctx->lock_db, ctx->db_path) == 0) &&
		    (rc = sn_writer_lock(ctx, ctx->db_path)))
			return rc;
		/* A new database appears only with its first committed step. */
		ctx->publish_on_commit = writer;
		rc = sn_db_open(ctx, !writer);
		if (rc) {
			sn_db_discard(ctx);
			sn_db_close(ctx);
			return rc;
		}
	}
	char *saved = cargv[0];
	cargv[0] = (char *)cmd->name;
	ctx->command = cmd;
	rc = cmd->fn(ctx, cargc, cargv);
	if (rc == SN_RETRY) {
		/* Another process created the database while this step built its own: this one's work
		 * is dropped and the step runs again on that database. */
		sn_db_discard(ctx);
		ctx->in_tx = 0;
		ctx->committed = 0;
		ctx->publish_on_commit = 0;
		rc = sn_db_open(ctx, 0);
		if (!rc)
			rc = cmd->fn(ctx, cargc, cargv);
		if (rc == SN_RETRY)
			rc = SN_IO;
	}
	cargv[0] = saved;
	if (ctx->in_tx) {
		/* A command that returned with its transaction open failed half-way: undo. */
		sqlite3_exec(ctx->db, "ROLLBACK", NULL, NULL, NULL);
		ctx->in_tx = 0;
		if (rc == SN_OK)
			rc = SN_INTERNAL;
	}
	/* What the step made stale, said after its result (inside 'run', run goes on to them). */
	if (ctx->committed && ctx->db && !ctx->db_tmp && !ctx->nested)
		sn_note_stale_after(ctx, ctx->committed_id);
	/* A database this run created but no step committed to (it failed, or was a dry run) was
	 * never linked into place: only its temporary file goes. */
	sn_db_discard(ctx);
	sn_db_close(ctx);
	if (rc != SN_OK && rc != SN_FINDINGS)
		return rc;
flush:
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(err, _("sapnhap: error: cannot write output: %s\n"), sn_strerror(errno ? errno : EIO));
		return SN_IO;
	}
	return rc == SN_FINDINGS ? SN_FINDINGS : SN_OK;
}

int sn_main(int argc, char **argv, FILE *out, FILE *err)
{
	struct sn_hook hook;
	sn_hook_parse(&hook);
	struct sn_ctx ctx = { .out = out, .err = err, .db_path = "sapnhap.db", .lock_fd = -1,
			      .hook = hook.what ? &hook : NULL, .lang = sn_lang_from_env() };
	int rc = main_ctx(&ctx, argc, argv);
	sn_writer_unlock(&ctx);
	free(ctx.cmdline);
	if (hook.what == HOOK_COUNT)
		fprintf(err, "sapnhap: hook: %ld ticks, first commit at %ld\n", hook.ticks, hook.commit_tick);
	return rc;
}

int sn_main_nested(const struct sn_ctx *parent, int argc, char **argv, FILE *out)
{
	struct sn_ctx ctx = { .out = out, .err = parent->err, .db_path = "sapnhap.db", .lock_fd = -1,
			      .lock_db = parent->lock_db, .hook = parent->hook, .nested = 1,
			      .replace_changed = parent->replace_changed, .lang = parent->lang };
	int rc = main_ctx(&ctx, argc, argv);
	sn_writer_unlock(&ctx);
	free(ctx.cmdline);
	return rc;
}
