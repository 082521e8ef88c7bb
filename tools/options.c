/* options.c - the one parser of command lines, the help printed from the same table, and the
 * prerequisite steps (options.h). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "agcode.h"
#include "db.h"
#include "options.h"
#include "labels.h"
#include "text.h"
#include "units.h"
#include "banned.h"

/* What a prerequisite step leaves behind: the table that is empty until it has run. */
static const struct prereq {
	unsigned flag;
	const char *what;  /* "no WHAT yet" (N_(): translated where printed) */
	const char *step;  /* "run 'sapnhap STEP' first" */
	const char *sql;
} prereqs[] = {
	{ NEEDS_RECODE, N_("code table and crosswalk"), "recode", "SELECT count(*) FROM crosswalk" },
	{ NEEDS_CATALOG, N_("catalog imported"), "catalog import", "SELECT count(*) FROM procedure" },
	{ NEEDS_REASSIGN, N_("merged catalog"), "reassign", "SELECT count(*) FROM merged_procedure" },
};

int sn_require(struct sn_ctx *ctx, unsigned needs, const char *instead)
{
	for (size_t i = 0; i < sizeof prereqs / sizeof prereqs[0]; i++) {
		long long n;
		if (!(needs & prereqs[i].flag))
			continue;
		if (sn_query_int(ctx, &n, prereqs[i].sql))
			return SN_IO;
		if (!n) {
			if (instead)
				sn_error(ctx, "no %s yet: run 'sapnhap %s' first (or give %s)", _(prereqs[i].what),
					 prereqs[i].step, instead);
			else
				sn_error(ctx, "no %s yet: run 'sapnhap %s' first", _(prereqs[i].what), prereqs[i].step);
			return SN_DATA;
		}
	}
	return 0;
}

/* A table's text (N_() or an OPT_ macro's help) in the language in use; "" stays "" (gettext
 * would give the catalog's header). */
static const char *tr(const char *s)
{
	return s && *s ? _(s) : s;
}

static const char *const encodings[] = { "auto", "utf-8", "cp1258", "tcvn3", NULL };
static const char *const notations[] = { "qcvn", "left", NULL };

/* "a, b or c" from a NULL-terminated list, or from the formats in a mask (the words joining them
 * in the language in use). */
static void join_or(char *buf, size_t len, const char *const *names, unsigned mask)
{
	const char *pick[SN_FMT_COUNT + 16];
	size_t n = 0, k = 0;
	if (names) {
		while (names[n] && n < sizeof pick / sizeof pick[0]) {
			pick[n] = names[n];
			n++;
		}
	} else {
		for (int f = 0; f < SN_FMT_COUNT; f++)
			if (mask & SN_FMT_BIT(f))
				pick[n++] = sn_format_name((enum sn_format)f);
	}
	buf[0] = '\0';
	for (size_t i = 0; i < n && k < len; i++) {
		int w = snprintf(buf + k, len - k, "%s%s", i == 0 ? "" : i + 1 == n ? _(" or ") : ", ", pick[i]);
		if (w < 0)
			break;
		k += (size_t)w;
	}
}

/* The same with '|', for the synopsis and the options' column. */
static void join_bar(char *buf, size_t len, const char *const *names, unsigned mask)
{
	size_t k = 0;
	buf[0] = '\0';
	if (names) {
		for (size_t i = 0; names[i] && k < len; i++) {
			int w = snprintf(buf + k, len - k, "%s%s", i ? "|" : "", names[i]);
			if (w < 0)
				break;
			k += (size_t)w;
		}
		return;
	}
	for (int f = 0; f < SN_FMT_COUNT && k < len; f++)
		if (mask & SN_FMT_BIT(f)) {
			int w = snprintf(buf + k, len - k, "%s%s", k ? "|" : "", sn_format_name((enum sn_format)f));
			if (w < 0)
				break;
			k += (size_t)w;
		}
}

/* The value's name in the help: the table's, else one from the kind. */
static const char *argh(const struct sn_option *o, char *buf, size_t len)
{
	if (o->argh)
		return o->argh;
	switch (o->kind) {
	case SN_OPT_FILE: return "FILE";
	case SN_OPT_DATE: return "DATE";
	case SN_OPT_PROVINCE: return "CODE";
	case SN_OPT_INT: return "N";
	case SN_OPT_ENCODING: return "ENC";
	case SN_OPT_FORMAT: join_bar(buf, len, NULL, o->formats); return buf;
	case SN_OPT_CHOICE: join_bar(buf, len, o->choices, 0); return buf;
	case SN_OPT_NOTATION: join_bar(buf, len, notations, 0); return buf;
	default: return "VALUE";
	}
}

static int bad_value(struct sn_ctx *ctx, const char *cmd, const struct sn_option *o, const char *expected,
		     const char *arg)
{
	return sn_usage_error(ctx, cmd, "--%s must be %s, not '%s'", o->name, expected, arg);
}

/* Checks ARG for option O and stores it. Returns 0 or SN_USAGE (message printed). */
static int take(struct sn_ctx *ctx, const char *cmd, struct sn_option *o, const char *arg)
{
	char list[1024];
	switch (o->kind) {
	case SN_OPT_STRING:
		*(const char **)o->value = arg;
		break;
	case SN_OPT_FILE:
		if (!*arg)
			return sn_usage_error(ctx, cmd, "option '--%s' must not be empty", o->name);
		*(const char **)o->value = arg;
		break;
	case SN_OPT_DATE:
		if (!sn_valid_date(arg))
			return bad_value(ctx, cmd, o, _("a date YYYY-MM-DD"), arg);
		*(const char **)o->value = arg;
		break;
	case SN_OPT_PROVINCE:
		if (sn_code_normalise(arg, 2, (char *)o->value) < 0 || !*(char *)o->value)
			return bad_value(ctx, cmd, o, _("a 2-digit province code"), arg);
		break;
	case SN_OPT_INT: {
		char *end;
		errno = 0;
		long v = strtol(arg, &end, 10);
		if (errno || end == arg || *end || v < o->min) {
			snprintf(list, sizeof list, _("a whole number, %ld or more"), o->min);
			return bad_value(ctx, cmd, o, list, arg);
		}
		*(long *)o->value = v;
		break;
	}
	case SN_OPT_FORMAT:
		if (sn_parse_format(arg, o->formats, (enum sn_format *)o->value)) {
			join_or(list, sizeof list, NULL, o->formats);
			return bad_value(ctx, cmd, o, list, arg);
		}
		break;
	case SN_OPT_CHOICE:
		for (int i = 0; o->choices[i]; i++)
			if (!strcmp(arg, o->choices[i])) {
				*(int *)o->value = i;
				return 0;
			}
		join_or(list, sizeof list, o->choices, 0);
		return bad_value(ctx, cmd, o, list, arg);
	case SN_OPT_ENCODING:
		if (sn_encoding_parse(arg, (sn_encoding *)o->value)) {
			join_or(list, sizeof list, encodings, 0);
			return bad_value(ctx, cmd, o, list, arg);
		}
		break;
	case SN_OPT_NOTATION:
		if (sn_notation_parse(arg, (enum sn_notation *)o->value)) {
			join_or(list, sizeof list, notations, 0);
			return bad_value(ctx, cmd, o, list, arg);
		}
		break;
	case SN_OPT_CALLBACK: {
		const char *expected = o->check(arg, o->value, list, sizeof list);
		if (expected)
			return bad_value(ctx, cmd, o, expected, arg);
		break;
	}
	default:
		return SN_INTERNAL;
	}
	return 0;
}

/* The option named by "--NAME" (LEN bytes of it): exact, else the one it is a prefix of (as
 * getopt_long allows). NULL with *ambiguous set when several begin so. */
static struct sn_option *lookup(struct sn_option *opts, const char *name, size_t len, int *ambiguous)
{
	struct sn_option *found = NULL;
	*ambiguous = 0;
	for (struct sn_option *o = opts; o->kind != SN_OPT_END; o++) {
		if (strncmp(o->name, name, len))
			continue;
		if (o->name[len] == '\0')
			return o;
		if (found)
			*ambiguous = 1;
		found = o;
	}
	return *ambiguous ? NULL : found;
}

const char *sn_opt_lang(const char *arg, void *value, char *buf, size_t len)
{
	(void)buf;
	(void)len;
	return sn_lang_parse(arg, (enum sn_lang *)value) ? _("vi or en") : NULL;
}

int sn_parse_options(struct sn_ctx *ctx, int argc, char **argv, struct sn_option *opts,
		     const struct sn_usage *usage, char ***args, int *nargs)
{
	const char *cmd = argv[0];
	char buf[256];
	int n = 0, only_args = 0;
	unsigned waived = 0;
	const struct sn_option *waiver = NULL;
	unsigned long long seen = 0;  /* bit k: opts[k] was given (a table has at most 64) */
	/* The arguments are gathered at the front of argv + 1, in order. */
	char **out = argv + 1;
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (only_args || a[0] != '-' || a[1] == '\0') {
			out[n++] = a;
			continue;
		}
		if (!strcmp(a, "--")) {
			only_args = 1;
			continue;
		}
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			sn_print_help(ctx->out, cmd, opts, usage);
			return SN_DONE;
		}
		if (a[1] != '-')
			return sn_usage_error(ctx, cmd, "unknown option '%s'", a);
		const char *name = a + 2, *eq = strchr(name, '=');
		size_t len = eq ? (size_t)(eq - name) : strlen(name);
		int ambiguous;
		struct sn_option *o = lookup(opts, name, len, &ambiguous);
		if (!o && len == 4 && !strncmp(name, "help", 4))
			return sn_usage_error(ctx, cmd, "option '--help' takes no value");
		if (!o && ambiguous)
			return sn_usage_error(ctx, cmd, "ambiguous option '%.*s'", (int)(len + 2), a);
		if (!o)
			return sn_usage_error(ctx, cmd, "unknown option '%.*s'", (int)(len + 2), a);
		if (o->kind == SN_OPT_FLAG) {
			if (eq)
				return sn_usage_error(ctx, cmd, "option '--%s' takes no value", o->name);
			*(int *)o->value = 1;
		} else {
			const char *v = eq ? eq + 1 : NULL;
			if (!v && i + 1 < argc)
				v = argv[++i];
			if (!v)
				return sn_usage_error(ctx, cmd, "option '--%s' needs a value", o->name);
			int rc = take(ctx, cmd, o, v);
			if (rc)
				return rc;
		}
		if (o->given)
			*o->given = 1;
		waived |= o->waives;
		seen |= 1ull << (o - opts);
	}
	for (struct sn_option *o = opts; o->kind != SN_OPT_END; o++) {
		int given = (seen >> (o - opts)) & 1;
		if (!given && (o->flags & SN_OPT_REQUIRED))
			return sn_usage_error(ctx, cmd, "option '--%s' is required", o->name);
		if (!given && (o->flags & SN_OPT_TODAY))
			*(const char **)o->value = ctx->today;
	}
	if (n < usage->min_args || n > usage->max_args) {
		if (usage->max_args == 0 || (n > usage->max_args && !usage->expected))
			return sn_usage_error(ctx, cmd, "unexpected argument '%s'", out[usage->max_args]);
		return sn_usage_error(ctx, cmd, "expected %s", tr(usage->expected));
	}
	*args = out;
	*nargs = n;
	unsigned needs = ctx->command && ctx->db ? ctx->command->flags & ~waived & SN_NEEDS : 0;
	if (!needs)
		return 0;
	/* The message names the option that would make the step unnecessary. */
	char instead[80] = "";
	for (const struct sn_option *o = opts; o->kind != SN_OPT_END; o++)
		if (o->waives & needs)
			waiver = o;
	if (waiver)
		snprintf(instead, sizeof instead, "--%s %s", waiver->name, argh(waiver, buf, sizeof buf));
	return sn_require(ctx, needs, waiver ? instead : NULL);
}

/* Writes TEXT with every line indented by IND spaces (the first too when FIRST). */
static void put_indented(FILE *f, const char *text, int ind, int first)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (p != text || first)
			fprintf(f, "%*s", len ? ind : 0, "");
		fprintf(f, "%.*s\n", (int)len, p);
		p += len + (nl != NULL);
	}
}

void sn_print_help(FILE *f, const char *argv0, const struct sn_option *opts, const struct sn_usage *usage)
{
	char buf[256], item[300], head[300];
	/* The synopsis, wrapped under its first option: columns are characters, not bytes (a
	 * translated "usage:" may have letters of several bytes). */
	snprintf(head, sizeof head, _("usage: sapnhap %s"), argv0);
	fputs(head, f);
	int col = sn_text_width(head), ind = col + 1;
	if (usage->args)
		col += fprintf(f, " %s", usage->args);
	for (const struct sn_option *o = opts; o->kind != SN_OPT_END; o++) {
		int req = (o->flags & SN_OPT_REQUIRED) != 0;
		if (o->flags & SN_OPT_HIDDEN)
			continue;
		if (o->kind == SN_OPT_FLAG)
			snprintf(item, sizeof item, "%s--%s%s", req ? "" : "[", o->name, req ? "" : "]");
		else
			snprintf(item, sizeof item, "%s--%s %s%s", req ? "" : "[", o->name, argh(o, buf, sizeof buf),
				 req ? "" : "]");
		if (col + 1 + (int)strlen(item) > 96) {
			fprintf(f, "\n%*s", ind - 1, "");
			col = ind - 1;
		}
		col += fprintf(f, " %s", item);
	}
	fputs("\n\n", f);
	if (usage->description)
		fputs(tr(usage->description), f);
	if (usage->details)
		usage->details(f);
	/* The options, their help in a column. */
	int width = 0;
	for (const struct sn_option *o = opts; o->kind != SN_OPT_END; o++) {
		if (o->flags & SN_OPT_HIDDEN)
			continue;
		int w = (int)strlen(o->name) + 2 + (o->kind == SN_OPT_FLAG ? 0 : 1 + (int)strlen(argh(o, buf, sizeof buf)));
		if (w > width && w <= 22)
			width = w;
	}
	if (width < 6)
		width = 6;
	fputs(_("\noptions:\n"), f);
	for (const struct sn_option *o = opts; o->kind != SN_OPT_END; o++) {
		if (o->flags & SN_OPT_HIDDEN)
			continue;
		if (o->kind == SN_OPT_FLAG)
			snprintf(item, sizeof item, "--%s", o->name);
		else
			snprintf(item, sizeof item, "--%s %s", o->name, argh(o, buf, sizeof buf));
		if ((int)strlen(item) > width) {
			fprintf(f, "  %s\n", item);
			put_indented(f, o->help ? tr(o->help) : "", width + 4, 1);
		} else {
			fprintf(f, "  %-*s  ", width, item);
			put_indented(f, o->help ? tr(o->help) : "", width + 4, 0);
		}
	}
	fprintf(f, "  %-*s  %s\n", width, "--help", _("this text"));
	if (usage->after) {
		fputc('\n', f);
		fputs(tr(usage->after), f);
	}
	if (usage->examples) {
		fputs(strchr(usage->examples, '\n') != strrchr(usage->examples, '\n') ? _("\nexamples:\n") : _("\nexample:\n"), f);
		put_indented(f, usage->examples, 2, 1);
	}
}
