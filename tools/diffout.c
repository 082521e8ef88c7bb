/* diffout.c - the diff as text (for a person), CSV (the tabular-diff highlighter form) and
 * JSON (diff.h). The HTML page is in diffhtml.c.
 */
#include <string.h>
#include "csv.h"
#include "db.h"
#include "diff.h"
#include "banned.h"

/* Counts per entity and kind, in the order of sn_diff_entities / sn_diff_kinds. */
static int counts(struct sn_diff *d, long c[SN_DIFF_ENTITIES][3], long *total)
{
	*total = 0;
	for (int e = 0; e < SN_DIFF_ENTITIES; e++)
		for (int k = 0; k < 3; k++) {
			c[e][k] = sn_diff_count(d, sn_diff_entities[e], sn_diff_kinds[k]);
			if (c[e][k] < 0)
				return SN_IO;
			*total += c[e][k];
		}
	return 0;
}

static int nentities(const struct sn_diff *d)
{
	return sn_diff_agencies_compared(d) ? SN_DIFF_ENTITIES : SN_DIFF_ENTITIES - 1;
}

static int finish(FILE *f)
{
	return fflush(f) != 0 || ferror(f) ? SN_IO : 0;
}

/* --- text ------------------------------------------------------------------------------------ */

static const char *shown(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? "(none)" : sn_col(st, i);
}

int sn_diff_write_text(struct sn_diff *d, FILE *f, int summary)
{
	long c[SN_DIFF_ENTITIES][3], total;
	char desc[400];
	if (counts(d, c, &total))
		return SN_IO;
	for (int s = 0; s < 2; s++) {
		sn_diff_describe(&d->side[s], desc, sizeof desc);
		fprintf(f, "%s %s (%s)\n", s ? "after: " : "before:", d->side[s].operand, desc);
	}
	long sum[3] = { 0 };
	fprintf(f, "\n%-10s %7s %7s %7s\n", "", "added", "removed", "changed");
	for (int e = 0; e < nentities(d); e++) {
		fprintf(f, "%-10s %7ld %7ld %7ld\n", sn_diff_entities[e], c[e][0], c[e][1], c[e][2]);
		for (int k = 0; k < 3; k++)
			sum[k] += c[e][k];
	}
	fprintf(f, "%-10s %7ld %7ld %7ld\n", "total", sum[0], sum[1], sum[2]);
	if (!sn_diff_agencies_compared(d))
		fputs("(agencies not compared: a catalog file has none)\n", f);
	if (summary || total == 0) {
		if (total == 0)
			fputs("\nno differences\n", f);
		return finish(f);
	}
	/* Grouped by entity, then kind; within a group by key and field. */
	sqlite3_stmt *st = sn_prepare(&d->ctx,
		"SELECT entity, kind, key, field, before, after, label, frank FROM labelled ORDER BY erank, "
		"CASE kind WHEN 'added' THEN 0 WHEN 'removed' THEN 1 ELSE 2 END, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	char group[64] = "", key[1024] = "";
	int r, open = 0;  /* a line is open: ended lazily, since a key's rows follow one another */
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *entity = sn_col(st, 0), *kind = sn_col(st, 1), *k = sn_col(st, 2), *field = sn_col(st, 3);
		int changed = !strcmp(kind, "changed");
		char g[64];
		snprintf(g, sizeof g, "%s %s", entity, kind);
		if (strcmp(g, group)) {
			snprintf(group, sizeof group, "%s", g);
			fprintf(f, "%s\n%s %s: %ld\n", open ? "\n" : "", entity, kind, sn_diff_count(d, entity, kind));
			key[0] = '\0';
			open = 0;
		}
		if (strcmp(k, key)) {
			snprintf(key, sizeof key, "%s", k);
			fprintf(f, "%s%s %s", open ? "\n" : "", changed ? "~" : *kind == 'a' ? "+" : "-", k);
			if (*sn_col(st, 6))
				fprintf(f, "  %s", sn_col(st, 6));
			open = 1;
		}
		/* Changed fields one per line; an added or removed binding's on its line (online, and
		 * the old codes it came from); an added or removed procedure or agency by its name. */
		if (changed)
			fprintf(f, "\n    %s: %s -> %s", field, shown(st, 4), shown(st, 5));
		else if (!strcmp(entity, "binding"))
			fprintf(f, "  %s: %s", field, shown(st, *kind == 'a' ? 5 : 4));
	}
	if (open)
		fputc('\n', f);
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : finish(f);
}

/* --- CSV --------------------------------------------------------------------------------------- */

/* The arrow between old and new in a changed cell: "->", or a longer one ("-->", ...) when a
 * value holds it, so the cell splits back unambiguously (the highlighter format's rule). */
static int arrow(struct sn_diff *d, char *out, size_t len)
{
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT EXISTS (SELECT 1 FROM change WHERE instr(before, ?1) "
					       "OR instr(after, ?1))");
	if (!st)
		return SN_IO;
	snprintf(out, len, "->");
	for (;;) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, out, -1, SQLITE_STATIC);
		if (sn_step(&d->ctx, st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return SN_IO;
		}
		if (!sqlite3_column_int(st, 0) || strlen(out) + 2 >= len)
			break;
		memmove(out + 1, out, strlen(out) + 1);
		out[0] = '-';
	}
	sqlite3_finalize(st);
	return 0;
}

int sn_diff_write_csv(struct sn_diff *d, FILE *f, int summary)
{
	if (summary) {
		long c[SN_DIFF_ENTITIES][3], total;
		if (counts(d, c, &total))
			return SN_IO;
		fputs("entity,added,removed,changed\n", f);
		for (int e = 0; e < nentities(d); e++)
			fprintf(f, "%s,%ld,%ld,%ld\n", sn_diff_entities[e], c[e][0], c[e][1], c[e][2]);
		return finish(f);
	}
	char arr[32];
	if (arrow(d, arr, sizeof arr))
		return SN_IO;
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT entity, kind, key, field, before, after FROM change "
					       "ORDER BY erank, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	fputs("@@,entity,key,field,value\n", f);
	int r;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		const char *kind = sn_col(st, 1);
		/* The marker too starts with '+' or '-': a spreadsheet would run it as a formula. */
		sn_csv_write_cell(f, !strcmp(kind, "added") ? "+++" : !strcmp(kind, "removed") ? "---" : arr);
		for (int i = 0; i < 3; i++) {
			fputc(',', f);
			sn_csv_write_cell(f, sn_col(st, i == 0 ? 0 : i + 1));
		}
		fputc(',', f);
		if (!strcmp(kind, "changed")) {
			char *cell = sqlite3_mprintf("%s%s%s", sn_col(st, 4), arr, sn_col(st, 5));
			sn_csv_write_cell(f, cell ? cell : "");
			sqlite3_free(cell);
		} else {
			sn_csv_write_cell(f, sn_col(st, !strcmp(kind, "added") ? 5 : 4));
		}
		fputc('\n', f);
	}
	sqlite3_finalize(st);
	return r < 0 ? SN_IO : finish(f);
}

/* --- JSON -------------------------------------------------------------------------------------- */

static void json_or_null(FILE *f, sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		fputs("null", f);
	else
		sn_json_string(f, sn_col(st, i));
}

static void json_side(FILE *f, const struct sn_diff_side *s)
{
	static const char *sources[] = { "", "database", "export", "catalog" };
	fputs("{\"operand\": ", f);
	sn_json_string(f, s->operand);
	fputs(", \"source\": ", f);
	sn_json_string(f, sources[s->source]);
	fputs(", \"state\": ", f);
	if (*s->state)
		sn_json_string(f, s->state);
	else
		fputs("null", f);
	fputs(", \"provinces\": [", f);
	/* "70, 75" -> ["70", "75"] */
	for (const char *p = s->provinces; *p;) {
		size_t n = strcspn(p, ",");
		char one[16];
		snprintf(one, sizeof one, "%.*s", (int)(n < 15 ? n : 15), p);
		sn_json_string(f, one);
		p += n;
		while (*p == ',' || *p == ' ')
			p++;
		if (*p)
			fputs(", ", f);
	}
	fputs("]}", f);
}

int sn_diff_write_json(struct sn_diff *d, FILE *f, int summary)
{
	long c[SN_DIFF_ENTITIES][3], total;
	if (counts(d, c, &total))
		return SN_IO;
	fputs("{\n  \"before\": ", f);
	json_side(f, &d->side[0]);
	fputs(",\n  \"after\": ", f);
	json_side(f, &d->side[1]);
	fputs(",\n  \"summary\": {", f);
	for (int e = 0; e < nentities(d); e++)
		fprintf(f, "%s\"%s\": {\"added\": %ld, \"removed\": %ld, \"changed\": %ld}", e ? ", " : "",
			sn_diff_entities[e], c[e][0], c[e][1], c[e][2]);
	fprintf(f, ", \"total\": %ld}", total);
	if (summary) {
		fputs("\n}\n", f);
		return finish(f);
	}
	fputs(",\n  \"changes\": [", f);
	sqlite3_stmt *st = sn_prepare(&d->ctx, "SELECT entity, kind, key, field, before, after FROM change "
					       "ORDER BY erank, s1, s2, key, frank");
	if (!st)
		return SN_IO;
	static const char *names[] = { "entity", "kind", "key", "field" };
	int r, n = 0;
	while ((r = sn_step(&d->ctx, st)) == SQLITE_ROW) {
		fputs(n++ ? ",\n    {" : "\n    {", f);
		for (int i = 0; i < 4; i++) {
			fprintf(f, "\"%s\": ", names[i]);
			sn_json_string(f, sn_col(st, i));
			fputs(", ", f);
		}
		fputs("\"before\": ", f);
		json_or_null(f, st, 4);
		fputs(", \"after\": ", f);
		json_or_null(f, st, 5);
		fputc('}', f);
	}
	sqlite3_finalize(st);
	fputs(n ? "\n  ]\n}\n" : "]\n}\n", f);
	return r < 0 ? SN_IO : finish(f);
}
