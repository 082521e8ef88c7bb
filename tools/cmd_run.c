/* cmd_run.c - 'sapnhap run PLAN': the whole migration from one plan file.
 *
 * Each step is the same command a person would type, run in-process through sn_main() with
 * the plan's database, in the order of the data flow: units, agency registries, recode,
 * catalogs, dossiers, reassign; then the reports (validation, diff, exports) into the output
 * folder. Every step keeps its own transaction and journal entry, so a re-run skips what is
 * already applied and a stopped run resumes where it stopped. The first step that fails stops
 * the run with the step named; findings (validation errors, fields awaiting a decision) do not
 * stop it, since the reports are what a person needs to act on them, but make the exit status 1.
 */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "options.h"
#include "outfile.h"
#include "plan.h"
#include "writer.h"
#include "banned.h"

static const struct sn_usage usage = {
	.args = "PLAN", .min_args = 1, .max_args = 1, .expected = N_("one PLAN file"),
	.description = N_(
	"Runs the whole migration the plan file describes: units import, agencies import,\n"
	"recode, catalog import, dossiers import, reassign; then writes into the plan's output\n"
	"folder the validation report (validation.txt, validation.json), the before/after diff\n"
	"(diff.html, diff.csv), the exports (export-csv/, export-xml/) and the sign-off report\n"
	"(report.html, report.xlsx). Steps already applied with the same inputs are skipped, so\n"
	"a run can be repeated or resumed: a step whose input file changed is applied again, and\n"
	"so is every step that reads what it wrote (stale steps), without --force. The first failing step stops the run and is named; validation\n"
	"errors do not stop it (exit status 1). The database is the plan's 'database' unless\n"
	"--db is given. The run holds the database's writer lock throughout: another sapnhap\n"
	"that would change it meanwhile is refused at once (exit status 4).\n"
	"\n"
	"plan file (INI style; relative paths are taken from the plan's folder):\n"
	"  [migration]        province = 75 (the merged province), output = DIR,\n"
	"                     database = FILE (default sapnhap.db), on = DATE (default today),\n"
	"                     export = csv xml, diff = html csv (\"none\": no such file;\n"
	"                     at national scale the HTML page is too large: diff = csv),\n"
	"                     report = html xlsx, lang = vi|en (the reports' language; vi),\n"
	"                     bom = yes|no (CSV starts with a UTF-8 BOM for Excel; yes)\n"
	"  [units NAME]       file = FILE, and optionally kind, effective, sheet, encoding:\n"
	"                     one section per unit event, imported in the order given\n"
	"  [province CODE]    agencies = FILE, catalog = FILE, dossiers = FILE, encoding = ENC\n"
	"  [rules]            allocation, pins, level1, departments (recode; level1 also\n"
	"                     the imports, which check codes against the province);\n"
	"                     jurisdiction, decisions, hamlets (reassign)\n"),
	.examples =
	"sapnhap run samples/demo.plan\n",
};

/* The argument vector of one step, built up word by word. */
struct args {
	char *v[32];
	int n;
};

static void add(struct args *a, const char *w)
{
	if (a->n < (int)(sizeof a->v / sizeof a->v[0]) - 1)
		a->v[a->n++] = (char *)w;
	a->v[a->n] = NULL;
}

static void opt(struct args *a, const char *name, const char *value)
{
	if (value) {
		add(a, name);
		add(a, value);
	}
}

struct run {
	struct sn_ctx *ctx;
	const struct sn_plan *plan;
	const char *db;
	int force, tty, findings;
	int n, total;
};

/* On a terminal, a long step shows that it is alive: after two seconds, its number, name and
 * elapsed time, rewritten in place each second until it ends. */
struct ticker {
	pthread_mutex_t lock;
	pthread_cond_t done_cv;
	int done, shown;
	FILE *err;
	int n, total;
	const char *what;
	/* The line after a CR, translated before the thread starts: gettext's language is the
	 * process's, and a step may switch it meanwhile. */
	const char *fmt;
};

static void *tick(void *arg)
{
	struct ticker *t = arg;
	struct timespec start, until;
	clock_gettime(CLOCK_REALTIME, &start);
	pthread_mutex_lock(&t->lock);
	for (int s = 1; !t->done; s++) {
		until = start;
		until.tv_sec += s;
		while (!t->done && pthread_cond_timedwait(&t->done_cv, &t->lock, &until) == 0)
			;
		if (!t->done && s >= 2) {
			fputc('\r', t->err);
			fprintf(t->err, t->fmt, t->n, t->total, t->what, s);
			fflush(t->err);
			t->shown = 1;
		}
	}
	if (t->shown)
		fputs("\r\033[K", t->err);  /* clear the line for what follows */
	pthread_mutex_unlock(&t->lock);
	return NULL;
}

/* Runs one step: "sapnhap --db DB WORDS...", stdout to OUT (NULL: ours). Prints the step's
 * header first. Returns its exit status. */
static int step(struct run *r, struct args *a, FILE *out, const char *what)
{
	struct args full = { .n = 0 };
	add(&full, "sapnhap");
	add(&full, "--db");
	add(&full, r->db);
	for (int i = 0; i < a->n; i++)
		add(&full, a->v[i]);
	r->n++;
	fprintf(r->ctx->out, "\n== %d/%d %s: sapnhap", r->n, r->total, what);
	for (int i = 0; i < a->n; i++)
		fprintf(r->ctx->out, " %s", a->v[i]);
	fputc('\n', r->ctx->out);
	fflush(r->ctx->out);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct ticker tk = { .err = r->ctx->err, .n = r->n, .total = r->total, .what = what,
			      .fmt = _("[%d/%d] %s: %d s ") };
	pthread_t th;
	int ticking = r->tty && pthread_mutex_init(&tk.lock, NULL) == 0;
	if (ticking && pthread_cond_init(&tk.done_cv, NULL) != 0) {
		pthread_mutex_destroy(&tk.lock);
		ticking = 0;
	}
	if (ticking && pthread_create(&th, NULL, tick, &tk) != 0) {
		pthread_cond_destroy(&tk.done_cv);
		pthread_mutex_destroy(&tk.lock);
		ticking = 0;
	}
	int rc = sn_main_nested(r->ctx, full.n, full.v, out ? out : r->ctx->out);
	if (ticking) {
		pthread_mutex_lock(&tk.lock);
		tk.done = 1;
		pthread_cond_signal(&tk.done_cv);
		pthread_mutex_unlock(&tk.lock);
		pthread_join(th, NULL);
		pthread_cond_destroy(&tk.done_cv);
		pthread_mutex_destroy(&tk.lock);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	/* Elapsed time only for a person watching: transcripts stay byte-identical. */
	if (r->tty)
		fprintf(r->ctx->err, _("sapnhap: run: step %d/%d done in %.1f s\n"), r->n, r->total,
			(double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return rc;
}

/* Names the step that failed with RC (not 0) and returns RC: the run stops here. */
static int stop(struct run *r, const char *what, int rc)
{
	sn_error(r->ctx, "run: step %d/%d (%s) failed with exit status %d; later steps were not run",
		 r->n, r->total, what, rc);
	return rc;
}

/* A step that must succeed: any status but 0 stops the run. */
static int must(struct run *r, struct args *a, const char *what)
{
	int rc = step(r, a, NULL, what);
	return rc == SN_OK ? 0 : stop(r, what, rc);
}

/* The plan's old provinces must be the ones that become its merged province. */
static int check_provinces(struct run *r)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int rc = 0;
	if (sqlite3_open_v2(r->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT group_concat(p, ', '), count(*), group_concat(printf(?2, p, n, pos), "
				   "'; ') FROM (SELECT new_province_code AS p, count(*) AS n, min(pos) AS pos "
				   "FROM link WHERE old_province_code = ?1 AND new_province_code IS NOT NULL GROUP BY 1 "
				   "ORDER BY count(*) DESC, 1)",
				   -1, &st, NULL) != SQLITE_OK) {
		sn_error(r->ctx, "run: %s: %s", r->db, sqlite3_errmsg(db));
		rc = SN_IO;
		goto done;
	}
	for (size_t i = 0; i < r->plan->nprov && !rc; i++) {
		const struct sn_plan_province *o = &r->plan->prov[i];
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, o->code, -1, SQLITE_STATIC);
		/* The links of each new province, in words: SQLite's printf, our format translated. */
		sqlite3_bind_text(st, 2, _("%s: %d link(s), first at %s"), -1, SQLITE_STATIC);
		const char *to = sqlite3_step(st) == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (!to) {
			sn_error(r->ctx, "%s:%d: the unit registry knows no province %s", r->plan->path, o->line, o->code);
			rc = SN_DATA;
		} else if (sqlite3_column_int(st, 1) > 1) {
			/* An old province merges whole: links to several new provinces mean a wrong cell. */
			sn_error(r->ctx, "%s:%d: province %s goes to several new provinces by the unit registry (%s); "
				 "a province cell of the conversion table is wrong: see 'sapnhap units check'",
				 r->plan->path, o->line, o->code, (const char *)sqlite3_column_text(st, 2));
			rc = SN_DATA;
		} else if (strcmp(to, r->plan->province)) {
			sn_error(r->ctx, "%s:%d: province %s becomes %s by the unit registry, not %s as [migration] says",
				 r->plan->path, o->line, o->code, to, r->plan->province);
			rc = SN_DATA;
		}
	}
done:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return rc;
}


/* "DIR/NAME" in a buffer of the caller. */
static const char *join(char *buf, size_t n, const char *dir, const char *name)
{
	snprintf(buf, n, "%s/%s", dir, name);
	return buf;
}

/* A report step whose stdout is a file in the output folder, replaced whole or not at all
 * (outfile.h). Status 1 (findings) counts as done. */
static int report(struct run *r, struct args *a, const char *path, const char *what)
{
	struct sn_outfile o;
	char err[4400];
	if (sn_outfile_open(&o, path, err, sizeof err)) {
		sn_error(r->ctx, "run: %s", err);
		return SN_IO;
	}
	int rc = step(r, a, o.f, what);
	if (rc > SN_FINDINGS) {
		sn_outfile_abort(&o);
		return stop(r, what, rc);
	}
	if (sn_outfile_close(&o, err, sizeof err) || sn_outfile_rename(&o, err, sizeof err)) {
		sn_error(r->ctx, "run: %s", err);
		sn_outfile_abort(&o);
		return SN_IO;
	}
	fprintf(r->ctx->out, _("wrote %s\n"), path);
	if (rc == SN_FINDINGS)
		r->findings = 1;
	return 0;
}

/* A step writing its own files (diff --out, export --out): 1 = findings, noted, not a stop. */
static int output_step(struct run *r, struct args *a, const char *what)
{
	int rc = step(r, a, NULL, what);
	if (rc == SN_FINDINGS) {
		r->findings = 1;
		return 0;
	}
	return rc == SN_OK ? 0 : stop(r, what, rc);
}

int cmd_run(struct sn_ctx *ctx, int argc, char **argv)
{
	int force = 0, nargs;
	char **args;
	struct sn_option opts[] = {
		OPT_FORCE(&force, "pass --force to every step (recompute every step, even with the same inputs)"),
		OPT_END()
	};
	int rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs);
	if (rc)
		return rc == SN_DONE ? SN_OK : rc;
	struct sn_plan plan;
	char err[4400];
	if ((rc = sn_plan_read(&plan, args[0], err, sizeof err))) {
		sn_error(ctx, "%s", err);
		sn_plan_release(&plan);
		return rc;
	}
	if (sn_plan_check_files(&plan, err, sizeof err) < 0) {
		sn_error(ctx, "%s", err);
		sn_plan_release(&plan);
		return SN_DATA;
	}
	struct run r = { .ctx = ctx, .plan = &plan, .force = force, .tty = isatty(fileno(ctx->err)),
			 .db = ctx->db_given ? ctx->db_path : plan.database };
	size_t ndossiers = 0;
	for (size_t i = 0; i < plan.nprov; i++)
		ndossiers += plan.prov[i].dossiers != NULL;
	r.total = (int)(plan.nunits + 2 * plan.nprov + ndossiers) + 2 + 1 + plan.diff_html + plan.diff_csv +
		  plan.export_csv + plan.export_xml + plan.report_html + plan.report_xlsx;
	fprintf(ctx->out, _("run %s: province %s from %zu old province(s); database %s; output %s\n"),
		plan.path, plan.province, plan.nprov, r.db, plan.output);

	/* The database's folder, like the output folder, is made when missing. */
	char *dbdir = strdup(r.db), *slash = dbdir ? strrchr(dbdir, '/') : NULL;
	if (slash && slash != dbdir) {
		*slash = '\0';
		int e = sn_mkdirs(dbdir);
		if (e) {
			sn_error(ctx, "run: cannot create '%s': %s", dbdir, sn_strerror(e));
			free(dbdir);
			rc = SN_IO;
			goto done;
		}
	}
	free(dbdir);
	/* One writer at a time: the run holds the database's writer lock from its first step to its
	 * last report, and its steps use it; a changed input of a step is the user's intent. */
	if ((rc = sn_writer_lock(ctx, r.db)))
		goto done;
	ctx->replace_changed = 1;
	struct args a;
	char what[300];
	const char *f = force ? "--force" : NULL;
	for (size_t i = 0; i < plan.nunits; i++) {
		const struct sn_plan_units *u = &plan.units[i];
		a = (struct args){ .n = 0 };
		add(&a, "units"), add(&a, "import"), add(&a, u->file), opt(&a, "--event", u->event);
		opt(&a, "--kind", u->kind), opt(&a, "--effective", u->effective), opt(&a, "--sheet", u->sheet);
		opt(&a, "--encoding", u->encoding);
		if (f)
			add(&a, f);
		snprintf(what, sizeof what, _("unit event %s"), u->event);
		if ((rc = must(&r, &a, what)))
			goto done;
	}
	if ((rc = check_provinces(&r)))
		goto done;
	for (size_t i = 0; i < plan.nprov; i++) {
		const struct sn_plan_province *o = &plan.prov[i];
		a = (struct args){ .n = 0 };
		add(&a, "agencies"), add(&a, "import"), add(&a, o->agencies), opt(&a, "--province", o->code);
		opt(&a, "--level1", plan.level1), opt(&a, "--encoding", o->encoding);
		if (f)
			add(&a, f);
		snprintf(what, sizeof what, _("agency registry of province %s"), o->code);
		if ((rc = must(&r, &a, what)))
			goto done;
	}
	a = (struct args){ .n = 0 };
	add(&a, "recode"), opt(&a, "--rules", plan.allocation), opt(&a, "--pins", plan.pins);
	opt(&a, "--level1", plan.level1), opt(&a, "--departments", plan.departments), opt(&a, "--on", plan.on);
	opt(&a, "--survivor", plan.survivor);
	if (f)
		add(&a, f);
	if ((rc = must(&r, &a, _("agency codes of the merged province"))))
		goto done;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < plan.nprov; i++) {
			const struct sn_plan_province *o = &plan.prov[i];
			const char *file = pass ? o->dossiers : o->catalog;
			if (!file)
				continue;
			a = (struct args){ .n = 0 };
			add(&a, pass ? "dossiers" : "catalog"), add(&a, "import"), add(&a, file);
			opt(&a, "--province", o->code), opt(&a, "--level1", plan.level1);
			opt(&a, "--encoding", o->encoding);
			if (f)
				add(&a, f);
			snprintf(what, sizeof what, pass ? _("dossiers of province %s") : _("catalog of province %s"), o->code);
			if ((rc = must(&r, &a, what)))
				goto done;
		}
	a = (struct args){ .n = 0 };
	add(&a, "reassign"), opt(&a, "--rules", plan.jurisdiction), opt(&a, "--decisions", plan.decisions);
	opt(&a, "--hamlets", plan.hamlets), opt(&a, "--on", plan.on);
	if (f)
		add(&a, f);
	if ((rc = must(&r, &a, _("jurisdiction, dossiers and the merged catalog"))))
		goto done;

	/* The reports. */
	int derr = sn_mkdirs(plan.output);
	if (derr) {
		sn_error(ctx, "run: cannot create '%s': %s", plan.output, sn_strerror(derr));
		rc = SN_IO;
		goto done;
	}
	char path[4200], sides[2][4200], vjson[4200];
	/* The validation, computed once: the text report (with the header and the sign-off lines) on
	 * stdout, its JSON beside it. */
	a = (struct args){ .n = 0 };
	add(&a, "validate"), add(&a, "--format"), add(&a, "text"), add(&a, "--limit"), add(&a, "0");
	add(&a, "--signoff"), add(&a, "--lang"), add(&a, plan.lang);
	add(&a, "--json"), add(&a, join(vjson, sizeof vjson, plan.output, "validation.json"));
	if ((rc = report(&r, &a, join(path, sizeof path, plan.output, "validation.txt"), _("validation report"))))
		goto done;
	fprintf(ctx->out, _("wrote %s\n"), vjson);
	snprintf(sides[0], sizeof sides[0], "%s:old", r.db);
	snprintf(sides[1], sizeof sides[1], "%s:merged", r.db);
	static const char *diff_formats[] = { "html", "csv" };
	for (int k = 0; k < 2; k++) {
		if (!(k ? plan.diff_csv : plan.diff_html))
			continue;
		char name[32];
		snprintf(name, sizeof name, "diff.%s", diff_formats[k]);
		a = (struct args){ .n = 0 };
		add(&a, "diff"), add(&a, sides[0]), add(&a, sides[1]), add(&a, "--format");
		add(&a, diff_formats[k]), add(&a, "--out"), add(&a, join(path, sizeof path, plan.output, name));
		add(&a, "--lang"), add(&a, plan.lang);
		if (k && plan.bom)
			add(&a, "--bom");
		snprintf(what, sizeof what, _("before/after diff (%s)"), diff_formats[k]);
		if ((rc = output_step(&r, &a, what)))
			goto done;
	}
	for (int k = 0; k < 2; k++) {
		if (!(k ? plan.export_xml : plan.export_csv))
			continue;
		char name[32];
		snprintf(name, sizeof name, "export-%s", k ? "xml" : "csv");
		a = (struct args){ .n = 0 };
		add(&a, "export"), add(&a, "--format"), add(&a, k ? "xml" : "csv"), add(&a, "--out");
		add(&a, join(path, sizeof path, plan.output, name));
		if (!k && plan.bom)
			add(&a, "--bom");
		snprintf(what, sizeof what, _("export (%s)"), k ? "xml" : "csv");
		if ((rc = output_step(&r, &a, what)))
			goto done;
	}
	/* The sign-off report, with the validation just written. */
	static const char *report_formats[] = { "html", "xlsx" };
	for (int k = 0; k < 2; k++) {
		if (!(k ? plan.report_xlsx : plan.report_html))
			continue;
		char name[32];
		snprintf(name, sizeof name, "report.%s", report_formats[k]);
		a = (struct args){ .n = 0 };
		add(&a, "report"), add(&a, "--format"), add(&a, report_formats[k]), add(&a, "--out");
		add(&a, join(path, sizeof path, plan.output, name)), add(&a, "--lang"), add(&a, plan.lang);
		add(&a, "--validation"), add(&a, vjson);
		snprintf(what, sizeof what, _("sign-off report (%s)"), report_formats[k]);
		if ((rc = output_step(&r, &a, what)))
			goto done;
	}
	/* Where the outputs went, each line a whole sentence for the translation. */
	if (r.findings)
		fprintf(ctx->out, _("\nmigration of province %s complete, with findings to review.\n"), plan.province);
	else
		fprintf(ctx->out, _("\nmigration of province %s complete.\n"), plan.province);
	fprintf(ctx->out, _("  validation report: %s/validation.txt\n"), plan.output);
	if (plan.report_html || plan.report_xlsx)
		fprintf(ctx->out, _("  sign-off report:   %s/report.%s (%s)\n"), plan.output,
			plan.report_html && plan.report_xlsx ? "{html,xlsx}" : plan.report_html ? "html" : "xlsx",
			plan.report_html ? _("print it to sign; the workbook's sheet 'Cần quyết định' is read back by "
			"'reassign --decisions'") : _("its sheet 'Cần quyết định' is read back by 'reassign --decisions'"));
	if (plan.diff_html && plan.diff_csv)
		fprintf(ctx->out, _("  before/after diff: %s/diff.html (open in a browser), %s/diff.csv\n"),
			plan.output, plan.output);
	else if (plan.diff_html)
		fprintf(ctx->out, _("  before/after diff: %s/diff.html (open in a browser)\n"), plan.output);
	else if (plan.diff_csv)
		fprintf(ctx->out, _("  before/after diff: %s/diff.csv\n"), plan.output);
	if (plan.export_csv || plan.export_xml)
		fprintf(ctx->out, _("  exports:           %s/export-%s/\n"), plan.output,
			plan.export_csv && plan.export_xml ? "{csv,xml}" : plan.export_csv ? "csv" : "xml");
	rc = r.findings ? SN_FINDINGS : SN_OK;
done:
	sn_plan_release(&plan);
	return rc;
}
