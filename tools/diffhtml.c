/* diffhtml.c - the diff as one self-contained HTML page for reviewers (diff.h).
 *
 * One file, nothing fetched: inline CSS and JS, system fonts that carry Vietnamese (Noto Sans,
 * DejaVu Sans), no images, no timestamp (the same inputs give the same bytes). Every text from
 * the data is escaped. Layout: the summary counts; then the changes grouped by field of
 * procedure (lĩnh vực) and, within a field, by kind; agencies last. Each changed thing (a
 * procedure, binding or agency with its changed fields) is one <tbody class="thing">, which the
 * filter box and the kind checkboxes hide or show. The filter ignores case and diacritics
 * ("dong nai" finds "Đồng Nai"); the URL fragment pre-sets it: page.html#q=TEXT&kind=added,changed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "db.h"
#include "diff.h"
#include "outfile.h"
#include "i18n.h"
#include "banned.h"

/* The page's words are in the diff's language (--lang): the writer switches gettext to it at its
 * start and back at its end, so _() below is in that language. */
static const char *entity_label(const char *e)
{
	return !strcmp(e, "procedure") ? C_("diff", "Procedure") : !strcmp(e, "binding") ? C_("diff", "Binding") :
	       C_("diff", "Agency");
}

static const char *kind_label(const char *k)
{
	return !strcmp(k, "added") ? C_("diff", "Added") : !strcmp(k, "removed") ? C_("diff", "Removed") :
	       C_("diff", "Changed");
}

/* A field's label, as the national database names it (labels.h). */
static const char *field_label(const struct sn_diff *d, const char *field)
{
	return sn_label("field", field, d->lang);
}

/* A sentence with numbers that the browser fills in: FMT (a translated printf format whose
 * conversions are all %d or %ld, or %N$d) written as a JS or CSS expression, its text pieces as
 * string literals in QUOTE, conversion N as EXPRS[N-1], the parts joined by JOIN:
 * "Page %d of %d" -> "Page " counter(page) " of " counter(pages). */
static void expr_of_format(FILE *f, const char *fmt, const char *const *exprs, int nexprs, char quote,
			   const char *join)
{
	int parts = 0, next = 0, open = 0;
	for (const char *p = fmt; *p; p++) {
		if (*p == '%' && p[1] != '%') {
			const char *q = p + 1;
			int n = 0;
			while (*q >= '0' && *q <= '9')
				n = n * 10 + (*q++ - '0');
			if (*q == '$')
				q++;
			else
				n = 0, q = p + 1;
			while (*q == 'l')
				q++;
			if (*q == 'd') {
				int i = n ? n - 1 : next++;
				if (open)
					fputc(quote, f), open = 0;
				fprintf(f, "%s%s", parts++ ? join : "", i >= 0 && i < nexprs ? exprs[i] : "''");
				p = q;
				continue;
			}
		}
		if (*p == '%' && p[1] == '%')
			p++;
		if (!open) {
			fprintf(f, "%s%c", parts++ ? join : "", quote);
			open = 1;
		}
		if (*p == quote || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p == '<' || *p == '\n')
			fprintf(f, quote == '"' ? "\\%x " : "\\x%02x", (unsigned)*p);
		else
			fputc(*p, f);
	}
	if (open)
		fputc(quote, f);
	if (!parts)
		fprintf(f, "%c%c", quote, quote);
}

/* A translated sentence around values (FMT, printf's, positional conversions too), escaped. */
static void esc_printf(FILE *f, const char *fmt, ...)
{
	char small[512], *s = small;
	va_list ap, again;
	va_start(ap, fmt);
	va_copy(again, ap);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof small && (s = malloc((size_t)n + 1)))
		vsnprintf(s, (size_t)n + 1, fmt, again);
	va_end(again);
	sn_html_text(f, n < 0 ? "" : s ? s : small);
	if (s != small)
		free(s);
}

static const char *STYLE =
	"<style>\n"
	":root{--fg:#1d2330;--muted:#5b6475;--line:#d8dde6;--bg:#f6f7f9;--add:#e3f4e6;--add-b:#2e7d32;"
	"--rem:#fbe5e5;--rem-b:#c62828;--chg:#fff4d6;--chg-b:#a06800;}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font-family:\"Noto Sans\",\"DejaVu Sans\",\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;"
	"font-size:15px;line-height:1.45;color:var(--fg);background:var(--bg)}\n"
	"header{background:#173f5f;color:#fff;padding:18px 28px}\n"
	"header h1{margin:0 0 6px;font-size:22px;font-weight:600}\n"
	"header dl{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:14px}\n"
	"header dt{opacity:.8}header dd{margin:0}header code{color:#fff;font-weight:600}\n"
	"main{padding:18px 28px 40px;max-width:1400px}\n"
	"h2{font-size:18px;margin:26px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}\n"
	"h3{font-size:15px;margin:16px 0 6px;color:var(--muted);font-weight:600}\n"
	"table{border-collapse:collapse;background:#fff;width:100%}\n"
	"th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}\n"
	"thead th{background:#eef1f5;font-weight:600;font-size:13px}\n"
	"table.summary{width:auto;min-width:520px}\n"
	"table.summary td{text-align:right;font-variant-numeric:tabular-nums;min-width:90px}\n"
	"table.summary td.added{background:var(--add)}table.summary td.removed{background:var(--rem)}"
	"table.summary td.changed{background:var(--chg)}table.summary tr.total th,table.summary tr.total td{font-weight:700}\n"
	"#controls{position:sticky;top:0;z-index:1;background:var(--bg);padding:10px 0;border-bottom:1px solid var(--line);"
	"display:flex;flex-wrap:wrap;gap:8px 18px;align-items:center}\n"
	"#filter{font:inherit;padding:5px 8px;width:340px;border:1px solid #9aa3b2;border-radius:4px}\n"
	"#controls label.k{padding:3px 8px;border-radius:4px}\n"
	"label.added{background:var(--add)}label.removed{background:var(--rem)}label.changed{background:var(--chg)}\n"
	"#shown{color:var(--muted)}\n"
	"tbody.thing{border-top:2px solid var(--line)}\n"
	"tbody.added td.mark{border-left:4px solid var(--add-b)}tbody.removed td.mark{border-left:4px solid var(--rem-b)}"
	"tbody.changed td.mark{border-left:4px solid var(--chg-b)}\n"
	"td.key{white-space:nowrap;font-family:\"DejaVu Sans Mono\",\"Noto Sans Mono\",monospace;font-size:13px}\n"
	"td.key small{display:block;font-family:\"Noto Sans\",\"DejaVu Sans\",sans-serif;white-space:normal;"
	"color:var(--muted);max-width:340px}\n"
	"td.field code{color:var(--muted);font-size:12px;margin-left:4px}\n"
	"td.before{background:var(--rem)}td.after{background:var(--add)}\n"
	"tbody.added td.before,tbody.removed td.after{background:#fff}\n"
	"span.none{color:var(--muted)}\n"
	"col.c1{width:8%}col.c2{width:18%}col.c3{width:13%}col.c4{width:22%}col.c5{width:22%}col.c6{width:17%}\n"
	"td.why{font-size:12.5px;color:var(--muted)}td.key small.proc{color:#173f5f}\n"
	"@page{size:A4;margin:12mm 10mm 14mm;@bottom-center{content:";
/* ... the page counter (style()), then: */
static const char *STYLE_END =
	";font-size:9pt}}\n"
	"@media print{body{background:#fff;font-size:9pt}header{background:none;color:#000;padding:0 0 6px;"
	"border-bottom:2px solid #000}header code{color:#000}#controls,footer{display:none}main{padding:0;max-width:none}"
	"thead{display:table-header-group}tbody.thing{break-inside:avoid}h2,h3{break-after:avoid}"
	"th,td{padding:1.5px 4px}td.key{font-size:8pt}td.key small{max-width:none}"
	"td.before,td.after,tbody td.mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
	"p.empty{font-size:16px;color:var(--muted)}\n"
	"footer{color:var(--muted);font-size:12px;padding:0 28px 20px}\n"
	"</style>\n";

static void style(FILE *f)
{
	static const char *const counters[] = { "counter(page)", "counter(pages)" };
	fputs(STYLE, f);
	/* TRANSLATORS: the footer of a printed page: page 3 of 12 */
	expr_of_format(f, _("Page %d of %d"), counters, 2, '"', " ");
	fputs(STYLE_END, f);
}

/* Reads the fragment (#q=...&kind=added,changed), then hides the things that do not match, the
 * kind sections and fields left empty, and counts what is shown. */
static const char *SCRIPT =
	"<script>\n"
	"(function () {\n"
	"  'use strict';\n"
	"  var fold = function (s) {\n"
	"    return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').replace(/[\\u0111\\u0110]/g, 'd').toLowerCase();\n"
	"  };\n"
	"  var things = Array.prototype.slice.call(document.querySelectorAll('tbody.thing'));\n"
	"  var texts = things.map(function (t) { return fold(t.textContent); });\n"
	"  var input = document.getElementById('filter');\n"
	"  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.kind'));\n"
	"  var shown = document.getElementById('shown');\n"
	"  var params = new URLSearchParams(location.hash.replace(/^#/, '') || location.search.replace(/^\\?/, ''));\n"
	"  if (params.has('q')) input.value = params.get('q');\n"
	"  if (params.has('kind')) {\n"
	"    var want = params.get('kind').split(',');\n"
	"    boxes.forEach(function (b) { b.checked = want.indexOf(b.value) >= 0; });\n"
	"  }\n"
	"  function apply(save) {\n"
	"    var q = fold(input.value.trim()), on = {}, n = 0;\n"
	"    boxes.forEach(function (b) { on[b.value] = b.checked; });\n"
	"    things.forEach(function (t, i) {\n"
	"      var vis = on[t.getAttribute('data-kind')] !== false && (!q || texts[i].indexOf(q) >= 0);\n"
	"      t.hidden = !vis;\n"
	"      if (vis) n++;\n"
	"    });\n"
	"    Array.prototype.forEach.call(document.querySelectorAll('section.kind, section.group'), function (s) {\n"
	"      s.hidden = !s.querySelector('tbody.thing:not([hidden])');\n"
	"    });\n"
	"    shown.setAttribute('data-shown', n);\n"
	"    shown.textContent = ";
/* ... "Shown %ld of %ld" as a JS expression (script()), then: */
static const char *SCRIPT_END =
	";\n"
	"    if (save) {\n"
	"      var p = new URLSearchParams();\n"
	"      if (input.value) p.set('q', input.value);\n"
	"      if (boxes.some(function (b) { return !b.checked; }))\n"
	"        p.set('kind', boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; }).join(','));\n"
	"      try { history.replaceState(null, '', '#' + p.toString()); } catch (e) { /* a file: URL may refuse */ }\n"
	"    }\n"
	"  }\n"
	"  input.addEventListener('input', function () { apply(true); });\n"
	"  boxes.forEach(function (b) { b.addEventListener('change', function () { apply(true); }); });\n"
	"  apply(false);\n"
	"})();\n"
	"</script>\n";

/* "Shown 12 of 910": the things the filter shows, of all. */
static const char *shown_format(void)
{
	return _("Shown %ld of %ld");
}

static void script(FILE *f)
{
	static const char *const counts[] = { "n", "things.length" };
	fputs(SCRIPT, f);
	expr_of_format(f, shown_format(), counts, 2, '\'', " + ");
	fputs(SCRIPT_END, f);
}

/* On the summary page of a paged diff: every page row counts as shown whatever the kinds, and a
 * link carries the filter to the page it opens (page.html#q=...). */
static const char *PAGES_SCRIPT =
	"<script>\n"
	"(function () {\n"
	"  'use strict';\n"
	"  var input = document.getElementById('filter');\n"
	"  function links() {\n"
	"    Array.prototype.forEach.call(document.querySelectorAll('table.pages a'), function (a) {\n"
	"      a.href = a.getAttribute('href').replace(/#.*$/, '') + (input.value ? '#q=' + encodeURIComponent(input.value) : '');\n"
	"    });\n"
	"  }\n"
	"  input.addEventListener('input', links);\n"
	"  links();\n"
	"})();\n"
	"</script>\n";

static void value_cell(const struct sn_diff *d, FILE *f, const char *cls, sqlite3_stmt *st, int i, const char *field)
{
	fprintf(f, "<td class=\"%s\">", cls);
	if (sqlite3_column_type(st, i) == SQLITE_NULL) {
		fputs("<span class=\"none\">—</span>", f);
	} else {
		char b[2000];
		const char *v = sn_col(st, i);
		/* the law's words for stored values; combined old values ("70: x | 75: y") as they are */
		sn_html_text(f, strchr(v, '|') ? v : sn_label_value(field, v, d->lang, b, sizeof b));
	}
	fputs("</td>", f);
}

static void summary_table(struct sn_diff *d, FILE *f)
{
	long tot[3] = { 0 }, all = 0;
	fputs("<table class=\"summary\" id=\"summary\">\n<thead><tr><th></th>", f);
	for (int k = 0; k < 3; k++)
		fprintf(f, "<th>%s</th>", kind_label(sn_diff_kinds[k]));
	fprintf(f, "<th>%s</th></tr></thead>\n<tbody>\n", C_("diff column", "Total"));
	int ne = sn_diff_agencies_compared(d) ? SN_DIFF_ENTITIES : SN_DIFF_ENTITIES - 1;
	for (int e = 0; e < ne; e++) {
		long row = 0;
		fprintf(f, "<tr data-entity=\"%s\"><th>%s</th>", sn_diff_entities[e], entity_label(sn_diff_entities[e]));
		for (int k = 0; k < 3; k++) {
			long n = sn_diff_count(d, sn_diff_entities[e], sn_diff_kinds[k]);
			fprintf(f, "<td class=\"%s\" data-kind=\"%s\">%ld</td>", sn_diff_kinds[k], sn_diff_kinds[k], n);
			tot[k] += n;
			row += n;
		}
		fprintf(f, "<td data-kind=\"all\">%ld</td></tr>\n", row);
		all += row;
	}
	fprintf(f, "<tr class=\"total\" data-entity=\"all\"><th>%s</th>", C_("diff row", "Total"));
	for (int k = 0; k < 3; k++)
		fprintf(f, "<td class=\"%s\" data-kind=\"%s\">%ld</td>", sn_diff_kinds[k], sn_diff_kinds[k], tot[k]);
	fprintf(f, "<td data-kind=\"all\">%ld</td></tr>\n</tbody></table>\n", all);
	if (!sn_diff_agencies_compared(d))
		fprintf(f, "<p>%s</p>\n", _("Agencies not compared: a catalog file has none."));
}

/* The page's head and header: title, style, both sides, the provinces by name. */
static void page_head(struct sn_diff *d, FILE *f, const char *subtitle)
{
	char desc[400];
	fputs("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"sapnhap diff\">\n<title>", f);
	/* TRANSLATORS: the page's title: BEFORE → AFTER */
	esc_printf(f, _("Procedure catalog comparison: %s → %s"), d->side[0].operand, d->side[1].operand);
	if (subtitle) {
		fputs(" — ", f);
		sn_html_text(f, subtitle);
	}
	fputs("</title>\n", f);
	style(f);
	fputs("</head>\n<body>\n<header>\n<h1>", f);
	sn_html_text(f, _("Comparison of administrative procedure catalogs"));
	fputs("</h1>\n<dl>\n", f);
	for (int s = 0; s < 2; s++) {
		sn_diff_describe(&d->side[s], desc, sizeof desc);
		fprintf(f, "<dt>%s</dt><dd><code>", s ? C_("diff", "After") : C_("diff", "Before"));
		sn_html_text(f, d->side[s].operand);
		fputs("</code> — ", f);
		sn_html_text(f, desc);
		fputs("</dd>\n", f);
	}
	/* the provinces by name, when a side is a working database */
	sqlite3_stmt *pn = sn_prepare(&d->ctx, "SELECT group_concat(name || ' (' || code || ')', ', ') FROM "
					       "(SELECT * FROM pname ORDER BY code)");
	if (pn && sn_step(&d->ctx, pn) == SQLITE_ROW && *sn_col(pn, 0)) {
		fprintf(f, "<dt>%s</dt><dd id=\"provinces\">", C_("diff", "Provinces"));
		sn_html_text(f, sn_col(pn, 0));
		fputs("</dd>\n", f);
	}
	sqlite3_finalize(pn);
	if (subtitle) {
		fprintf(f, "<dt>%s</dt><dd>", C_("diff", "Page"));
		sn_html_text(f, subtitle);
		fputs("</dd>\n", f);
	}
	fputs("</dl>\n</header>\n<main>\n", f);
}

static void controls(FILE *f, long total)
{
	fputs("<div id=\"controls\">\n<label>", f);
	sn_html_text(f, _("Filter:"));
	fputs(" <input id=\"filter\" type=\"search\" placeholder=\"", f);
	/* TRANSLATORS: what the filter box finds */
	sn_html_text(f, _("code, name, agency…"));
	fputs("\" title=\"", f);
	sn_html_text(f, _("ignores case and diacritics"));
	fputs("\" autocomplete=\"off\"></label>\n", f);
	for (int k = 0; k < 3; k++)
		fprintf(f, "<label class=\"k %s\"><input type=\"checkbox\" class=\"kind\" value=\"%s\" checked> %s</label>\n",
			sn_diff_kinds[k], sn_diff_kinds[k], kind_label(sn_diff_kinds[k]));
	fprintf(f, "<span id=\"shown\" data-shown=\"%ld\">", total);
	esc_printf(f, shown_format(), total, total);
	fputs("</span>\n</div>\n", f);
}

static void footer(FILE *f)
{
	fputs("</main>\n<footer>sapnhap diff — ", f);
	sn_html_text(f, _("the same inputs give the same page"));
	fputs("</footer>\n", f);
}

/* Pages: above a size, the changes go to one page per field (lĩnh vực), a large field over
 * several, and the summary page links to them (page.html + page-pages/NNNN.html). */
struct pager {
	int on;
	char dir[1100], rel[400];       /* the pages' folder, and as the summary page links it */
	char path[1300];                /* the current page (outfile keeps a pointer to it) */
	struct sn_outfile o;
	FILE *f;
	int n;                          /* pages written */
	long things;                    /* things on the current page */
	char group[300], gname[600];
	sqlite3_str *index;             /* the summary page's rows */
	int rc;
};

static void page_close(struct pager *pg)
{
	if (!pg->f)
		return;
	footer(pg->f);
	script(pg->f);
	fputs("</body>\n</html>\n", pg->f);
	char err[1200];
	if (sn_outfile_close(&pg->o, err, sizeof err) || sn_outfile_rename(&pg->o, err, sizeof err))
		pg->rc = SN_IO;
	sn_outfile_abort(&pg->o);
	sqlite3_str_appendf(pg->index, "<tbody class=\"thing\" data-kind=\"page\"><tr><td><a href=\"%s/%04d.html\">%04d</a>"
			    "</td><td>%s</td><td>%s</td><td class=\"n\">%ld</td></tr></tbody>\n", pg->rel, pg->n, pg->n,
			    pg->group, pg->gname, pg->things);
	pg->f = NULL;
}

/* GROUP and GNAME already escaped for HTML. */
static FILE *page_open(struct sn_diff *d, struct pager *pg, const char *group, const char *gname)
{
	char err[1200], sub[700];
	page_close(pg);
	pg->n++;
	pg->things = 0;
	snprintf(pg->group, sizeof pg->group, "%s", group);
	snprintf(pg->gname, sizeof pg->gname, "%s", gname);
	snprintf(pg->path, sizeof pg->path, "%s/%04d.html", pg->dir, pg->n);
	if (sn_outfile_open(&pg->o, pg->path, err, sizeof err)) {
		pg->rc = SN_IO;
		return NULL;
	}
	pg->f = pg->o.f;
	snprintf(sub, sizeof sub, "%04d", pg->n);
	page_head(d, pg->f, sub);
	controls(pg->f, 0);
	return pg->f;
}

int sn_diff_write_html(struct sn_diff *d, FILE *f, int summary)
{
	return sn_diff_write_html_pages(d, f, NULL, summary);
}

/* The page(s) in the language in use (sn_diff_write_html_pages switches to the diff's). */
static int write_html(struct sn_diff *d, FILE *f, const char *pages, int summary)
{
	struct pager pg = { .on = pages != NULL };
	FILE *main_f = f;
	long total = sn_diff_count(d, NULL, NULL);
	if (total < 0)
		return SN_IO;
	if (pg.on) {
		const char *slash = strrchr(pages, '/');
		snprintf(pg.dir, sizeof pg.dir, "%s", pages);
		snprintf(pg.rel, sizeof pg.rel, "%s", slash ? slash + 1 : pages);
		pg.index = sqlite3_str_new(NULL);
	}
	page_head(d, f, NULL);
	fprintf(f, "<h2>%s</h2>\n", C_("diff", "Summary"));
	summary_table(d, f);
	if (summary || total == 0) {
		if (total == 0)
			fprintf(f, "<p class=\"empty\" id=\"empty\">%s</p>\n", _("No differences."));
		fputs("</main>\n</body>\n</html>\n", f);
		return fflush(f) != 0 || ferror(f) ? SN_IO : 0;
	}
	if (!pg.on)
		controls(f, total);

	/* By field of procedure (agencies after them all), then kind, entity, key, field. */
	sqlite3_stmt *st = sn_prepare(&d->ctx,
		"SELECT l.entity, l.kind, l.key, l.field, l.before, l.after, l.label, COALESCE(l.grp, ''), COALESCE(l.grp_name, ''), "
		"  l.nrows + (l.fate_outcome IS NOT NULL), COALESCE(l.pname, ''), d.value, d.reason, l.fate_outcome, l.fate_target, "
		"  l.fate_n, l.frank "
		"FROM labelled l LEFT JOIN decision d ON l.entity = 'procedure' AND d.subject = l.k1 AND d.field = "
		"  CASE l.field WHEN 'time_unit' THEN 'time_limit' WHEN 'field_code' THEN 'field' WHEN 'field_name' THEN 'field' "
		"  WHEN 'levels' THEN 'jurisdiction' ELSE l.field END "
		"ORDER BY l.entity = 'agency', l.grp IS NULL, l.grp, "
		"  CASE l.kind WHEN 'added' THEN 0 WHEN 'removed' THEN 1 ELSE 2 END, l.erank, l.s1, l.s2, l.key, l.frank");
	if (!st)
		return SN_IO;
	char group[300] = "\x01", kind[16] = "", key[1024] = "";
	int r, ingroup = 0, inkind = 0, inthing = 0;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *entity = sn_col(st, 0), *k = sn_col(st, 1), *ky = sn_col(st, 2), *grp = sn_col(st, 7);
		char g[300];
		snprintf(g, sizeof g, "%s", !strcmp(entity, "agency") ? "\x02" : grp);
		int first = strcmp(ky, key) != 0;
		/* a new page: at a new field, or when this one is full (at a new thing) */
		int full = pg.on && first && pg.f && ftell(pg.f) > SN_DIFF_PAGE_BYTES;
		if (strcmp(g, group) || full) {
			fputs(inthing ? "</tbody>\n" : "", f);
			fputs(inkind ? "</table>\n</section>\n" : "", f);
			fputs(ingroup ? "</section>\n" : "", f);
			if (pg.on) {
				char *ge = sqlite3_mprintf("%s", !strcmp(entity, "agency") ? C_("diff", "Agencies") : *grp ? grp : "—");
				char *gn = sqlite3_mprintf("%s", !strcmp(entity, "agency") ? "" : sn_col(st, 8));
				if (!(f = page_open(d, &pg, ge ? ge : "", gn ? gn : ""))) {
					sqlite3_free(ge), sqlite3_free(gn);
					break;
				}
				sqlite3_free(ge), sqlite3_free(gn);
			}
			snprintf(group, sizeof group, "%s", g);
			fputs("<section class=\"group\" data-group=\"", f);
			sn_html_text(f, !strcmp(entity, "agency") ? "agencies" : grp);
			fputs("\">\n<h2>", f);
			if (!strcmp(entity, "agency"))
				sn_html_text(f, C_("diff", "Agencies"));
			else if (*grp && *sn_col(st, 8))
				/* TRANSLATORS: a field (lĩnh vực) of procedures: its code — its name */
				esc_printf(f, _("Field %s — %s"), grp, sn_col(st, 8));
			else if (*grp)
				esc_printf(f, _("Field %s"), grp);
			else
				sn_html_text(f, _("No field"));
			fputs("</h2>\n", f);
			ingroup = 1;
			inkind = inthing = 0;
			kind[0] = key[0] = '\0';
		}
		if (strcmp(k, kind)) {
			fputs(inthing ? "</tbody>\n" : "", f);
			fputs(inkind ? "</table>\n</section>\n" : "", f);
			snprintf(kind, sizeof kind, "%s", k);
			fprintf(f, "<section class=\"kind\" data-kind=\"%s\">\n<h3>%s</h3>\n<table class=\"changes\">\n"
				"<colgroup><col class=\"c1\"><col class=\"c2\"><col class=\"c3\"><col class=\"c4\"><col class=\"c5\">"
				"<col class=\"c6\"></colgroup>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
				"<th>%s</th><th>%s</th></tr></thead>\n", k, kind_label(k), C_("diff column", "Item"),
				C_("diff column", "Code"), C_("diff column", "Field"), C_("diff", "Before"), C_("diff", "After"),
				C_("diff column", "Decision, reason"));
			inkind = 1;
			inthing = 0;
			key[0] = '\0';
		}
		if (first) {
			pg.things++;
			fputs(inthing ? "</tbody>\n" : "", f);
			snprintf(key, sizeof key, "%s", ky);
			fprintf(f, "<tbody class=\"thing %s\" data-kind=\"%s\" data-entity=\"%s\">\n", k, k, entity);
			inthing = 1;
		}
		fputs("<tr>", f);
		if (first) {
			int n = sqlite3_column_int(st, 9);
			fprintf(f, "<td class=\"mark\" rowspan=\"%d\">%s</td><td class=\"key\" rowspan=\"%d\">", n,
				entity_label(entity), n);
			sn_html_text(f, ky);
			if (*sn_col(st, 6)) {
				fputs("<small>", f);
				sn_html_text(f, sn_col(st, 6));
				fputs("</small>", f);
			}
			/* a binding: its procedure's name too */
			if (!strcmp(entity, "binding") && *sn_col(st, 10)) {
				fputs("<small class=\"proc\">", f);
				sn_html_text(f, sn_col(st, 10));
				fputs("</small>", f);
			}
			fputs("</td>", f);
		}
		fputs("<td class=\"field\">", f);
		sn_html_text(f, field_label(d, sn_col(st, 3)));
		fputs("<code>", f);
		sn_html_text(f, sn_col(st, 3));
		fputs("</code></td>", f);
		value_cell(d, f, "before", st, 4, sn_col(st, 3));
		value_cell(d, f, "after", st, 5, sn_col(st, 3));
		fputs("<td class=\"why\">", f);
		if (sqlite3_column_type(st, 12) != SQLITE_NULL) {
			char b[2000];
			const char *v = sn_label_value(sn_col(st, 3), sn_col(st, 11), d->lang, b, sizeof b);
			fputs("<b>", f);
			sn_html_text(f, !strcmp(sn_col(st, 3), "portal") ? sn_label("yesno", sn_col(st, 11), d->lang) : v);
			fputs("</b>: ", f);
			sn_html_text(f, sn_col(st, 12));
		}
		fputs("</td></tr>\n", f);
		if (sqlite3_column_type(st, 13) != SQLITE_NULL && sqlite3_column_int(st, 16) == 0) {
			/* a removed agency: where it went, never a bare "removed" */
			char fate[4000];
			sn_label_fate(sn_col(st, 13), sn_col(st, 14), sqlite3_column_int(st, 15), d->lang, fate, sizeof fate);
			fputs("<tr class=\"fate\"><td class=\"field\">", f);
			sn_html_text(f, field_label(d, "outcome"));
			fputs("<code>outcome</code></td><td class=\"before\">", f);
			sn_html_text(f, sn_label("outcome", sn_col(st, 13), d->lang));
			fputs("</td><td class=\"after\" colspan=\"2\">", f);
			sn_html_text(f, fate);
			fputs("</td></tr>\n", f);
		}
	}
	sqlite3_finalize(st);
	if (r < 0 || pg.rc) {
		if (pg.f)
			sn_outfile_abort(&pg.o);
		sqlite3_free(sqlite3_str_finish(pg.index));
		return SN_IO;
	}
	fputs(inthing ? "</tbody>\n" : "", f);
	fputs(inkind ? "</table>\n</section>\n" : "", f);
	fputs(ingroup ? "</section>\n" : "", f);
	if (pg.on) {
		page_close(&pg);
		/* the summary page: the pages, filtered like the changes (the filter goes with a link) */
		f = main_f;
		controls(f, pg.n);
		fprintf(f, "<h2>%s</h2>\n<table class=\"pages\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
			"</thead>\n", C_("diff", "Pages"), C_("diff column", "Page"), C_("field of procedures", "Field"),
			C_("diff column", "Name"), C_("diff column", "Items"));
		char *ix = sqlite3_str_finish(pg.index);
		fputs(ix ? ix : "", f);
		sqlite3_free(ix);
		fputs("</table>\n", f);
		if (pg.rc)
			return SN_IO;
	}
	footer(f);
	script(f);
	if (pg.on)
		fputs(PAGES_SCRIPT, f);
	fputs("</body>\n</html>\n", f);
	return fflush(f) != 0 || ferror(f) ? SN_IO : 0;
}

int sn_diff_write_html_pages(struct sn_diff *d, FILE *f, const char *pages, int summary)
{
	if (pages && mkdir(pages, 0777) != 0 && errno != EEXIST) {
		sn_error(&d->ctx, "cannot create '%s': %s", pages, sn_strerror(errno));
		return SN_IO;
	}
	enum sn_lang prev = sn_lang_use(d->lang);
	int rc = write_html(d, f, pages, summary);
	sn_lang_use(prev);
	return rc;
}
