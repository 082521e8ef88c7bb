/* rules.h - the rule engine of 'units check' and 'validate'.
 *
 * A rule is one query returning the offending rows, with an id, a severity and a message, in
 * the manner of dbt tests. A command keeps its table of rules and its report; the engine does the
 * rest: --rule (the check callback), --severity (the choice of sn_rule_sev_names), the selection,
 * running each selected rule with the command's parameters bound, counting every row and keeping
 * a sample of the first LIMIT, the totals per severity.
 *
 *   struct sn_rules rs;
 *   sn_rules_init(&rs, rules, NRULES, "SELECT subject, detail FROM (%s) ORDER BY sort_key");
 *   ... options: .value = &rs, .check = sn_rules_want_rule; .value = &rs.maxsev ...
 *   if (!sn_rules_select(&rs)) ...
 *   rc = sn_rules_run(ctx, &rs);     then rs.res[i], rs.rows[sev], rs.failing[sev]
 *   sn_rules_release(&rs);
 */
#ifndef SN_RULES_H
#define SN_RULES_H

#include <stddef.h>
#include "db.h"
#include "i18n.h"

enum sn_rule_sev { SN_SEV_ERROR, SN_SEV_WARNING, SN_SEV_INFO, SN_NSEV };
/* "error", "warning", "info", NULL: the names in reports and the choices of --severity. */
extern const char *const sn_rule_sev_names[SN_NSEV + 1];

/* The most rules a table has (a command checks its own with _Static_assert). */
#define SN_RULES_MAX 32

struct sn_rule {
	const char *id;
	int sev;              /* enum sn_rule_sev; the table lists rules by severity where it matters */
	int req;              /* the command's own flags (what the rule reads), 0 when it has none */
	const char *message;  /* in English, marked N_(): sn_rule_message() gives it translated */
	const char *sql;      /* the offending rows, as the command's query reads them (subject,
	                       * detail first); NULL: a rule the command computes itself */
};

struct sn_rule_row {
	char *subject;
	char *detail;         /* in the report's language (rs->lang): the text report */
	char *detail_en;      /* in English: the CSV and JSON reports, which programs read */
	char *name;           /* from the command's name hook, or NULL */
};

struct sn_rule_result {
	long count;                 /* every offending row */
	struct sn_rule_row *rows;   /* the sample: the first LIMIT rows (all when LIMIT is 0) */
	size_t n, cap;
};

/* A named parameter (":t") bound where a rule's query has it. */
struct sn_rule_param {
	const char *name, *value;
};

struct sn_rules {
	const struct sn_rule *rules;
	size_t n;
	/* The query run for a rule: a printf format with one %s, the rule's SQL; its first two
	 * columns are the subject and the detail, in the order of the report. */
	const char *query;
	const struct sn_rule_param *params;
	size_t nparams;
	long limit;           /* rows kept per rule; 0: all (the default) */
	enum sn_lang lang;    /* of the details (struct sn_rule_row); default: the language in use */
	/* When not NULL: a name shown beside a kept row's subject; sets *name to a malloc'd string
	 * or leaves it NULL; returns 0, or -1 when out of memory. */
	int (*name)(struct sn_ctx *ctx, void *arg, const char *subject, char **name);
	void *name_arg;
	/* The selection: --rule (want[], any), --severity (maxsev); then sn_rules_select(). */
	int want[SN_RULES_MAX];
	int any;
	int maxsev;
	int selected[SN_RULES_MAX];
	/* The results, per rule and per severity (offending rows, rules with rows). */
	struct sn_rule_result res[SN_RULES_MAX];
	long rows[SN_NSEV], failing[SN_NSEV];
};

/* Fills rs for a table of n rules (at most SN_RULES_MAX) and the query format: every severity,
 * no --rule, LIMIT 0. */
void sn_rules_init(struct sn_rules *rs, const struct sn_rule *rules, size_t n, const char *query);
/* Frees the samples (rs stays). */
void sn_rules_release(struct sn_rules *rs);

/* The rule's message in the language in use, for the text report and --help; the CSV and JSON
 * reports, which programs read, keep rule->message, the English. */
const char *sn_rule_message(const struct sn_rule *rule);

/* --rule ID checks (struct sn_option.check, .value = the struct sn_rules): sn_rules_want_rule
 * adds the rule to those asked for (repeatable), sn_rules_want_one keeps only the last one
 * given. Otherwise "one of ID, ID, ...". */
const char *sn_rules_want_rule(const char *arg, void *value, char *buf, size_t len);
const char *sn_rules_want_one(const char *arg, void *value, char *buf, size_t len);

/* The ids of the table, ", "-separated, leaving out the rules whose req has a bit of skip_req;
 * truncated to len. */
void sn_rules_ids(const struct sn_rule *rules, size_t n, int skip_req, char *buf, size_t len);

/* Marks the rules asked for (all without --rule) at maxsev or above; returns how many, and
 * ORs their req into *req when req is not NULL. */
int sn_rules_select(struct sn_rules *rs, int *req);

/* Runs every selected rule that has SQL, in table order: counts, samples, totals. The language
 * in use is rs->lang meanwhile (a message printed by then is in it too). Returns 0, or SN_IO
 * after printing why. */
int sn_rules_run(struct sn_ctx *ctx, struct sn_rules *rs);

/* --- the details of findings ----------------------------------------------------------------
 *
 * A rule's query writes each finding's detail once; the text report reads it in the report's
 * language, the CSV and JSON reports in English. sn_rules_run creates four SQL functions on
 * the connection for that:
 *
 *   tr(FORMAT, ARG...)     a whole sentence. FORMAT is an English msgid: a literal in a rule's
 *                          SQL (the Makefile extracts tr('...') from the sources into the catalog,
 *                          '' read as ') or a string marked N_() in C; each %s or %d is replaced
 *                          by the next ARG's text, %% by %. In another language FORMAT is
 *                          translated (a translation may reorder its arguments: %2$s) and an ARG
 *                          that is itself a tr() value gives its translation. A NULL ARG makes
 *                          the sentence NULL, as || would.
 *   sn_label(KIND, VALUE)  a stored value: VALUE itself in English, the reviewers' word in the
 *                          report's language ('closed' -> 'chấm dứt'; KIND as for sn_label()).
 *   tr_concat(X, SEP)      group_concat(X, SEP) of tr() values, each language joined apart.
 *   sn_reason(TEXT)        a reason the database stores (reasons.h): TEXT itself in English, in
 *                          the report's language the translation of the format it was written
 *                          from ('no successor' -> 'không có cơ quan kế thừa').
 *
 *   "SELECT code, tr('not bound at %d of %d commune committees: %s', count(*), n, list) ..."
 *
 * In English a tr() value is the plain text that || would have built, so English reports do
 * not depend on this machinery. In another language it carries both texts in a BLOB, which
 * sorts after any text and, among tr() values, as its English. So a detail is one tr() (or plain
 * text where it has no words of ours: the same in both languages), never joined to anything
 * with || ("a: b" is tr('%s: %s', a, b)), and a rule's details are all tr() or all plain text:
 * its findings then come in the same order in every language. */

/* For a command's own SQL function: the result of C is the value of a text EN (English) whose
 * translation into the language in use is TEXT (plain text when they are the same). */
void sn_rules_result(sqlite3_context *c, const char *en, const char *text);

#endif
