/* floor-units.c - the floor of 'units import' of the official workbook (make bench).
 *
 * A lean importer of the flat sheet of nso-conversion-2025.xlsx doing the work any import of it
 * must do, and nothing else, so that `units import` can be measured against it in the same run:
 *   - one XML pass (libxml2 SAX) over the shared strings and one over the sheet, the sheet's
 *     merged ranges collected in that same pass (they follow its rows, so the rows are held) and
 *     filled in;
 *   - every text cell cleaned to NFC (sn_text_clean), "Name (code)" cells split, codes padded;
 *   - one row per link in a table with link's columns and indexes, in one transaction, in WAL
 *     mode with sapnhap's page cache;
 *   - the units: every old commune, district and province and every new commune and province
 *     once, with its name keys computed once (sn_name_keys), in a table with unit's indexes.
 * Left out, as what sapnhap adds: the header search, note classification, errata, checks of
 * every cell with messages, the step journal (SHA-256 of the inputs), rebuilding the registry
 * from every event, the summary. The column order of the official flat sheet is assumed.
 *
 * usage: floor-units WORKBOOK.xlsx SHEET-PART DB
 *   e.g. floor-units nso-conversion-2025.xlsx xl/worksheets/sheet2.xml /tmp/floor.db
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <sqlite3.h>
#include <zip.h>

#include "text.h"

struct buf {
	char *p;
	size_t len, cap;
};

static void add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		while (b->len + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 4096;
		if (!(b->p = realloc(b->p, b->cap))) {
			perror("floor-units");
			exit(1);
		}
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

#define NCOL 8
struct row {
	long r;
	char *cell[NCOL];   /* NULL: empty */
};

struct merge {
	long r1, r2;
	int c1, c2;
};

struct parse {
	/* shared strings */
	char **sst;
	size_t nsst, sstcap;
	/* sheet */
	struct row *rows;
	size_t nrows, rowcap;
	struct merge *merges;
	size_t nmerges, mergecap;
	int col;            /* column of the <c> being read, -1 outside */
	int shared;         /* its t="s" */
	int in_text;        /* inside <v> or <t> (not under <rPh>) */
	int rph;
	struct buf text;
};

static void *grow(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 1024;
	if (!(p = realloc(p, *cap * size))) {
		perror("floor-units");
		exit(1);
	}
	return p;
}

static const char *attr(int nb, const xmlChar **a, const char *name, size_t *len)
{
	for (int i = 0; i < nb; i++)
		if (!strcmp((const char *)a[5 * i], name)) {
			*len = (size_t)(a[5 * i + 4] - a[5 * i + 3]);
			return (const char *)a[5 * i + 3];
		}
	return NULL;
}

static void ref(const char *s, size_t n, int *col, long *row)
{
	size_t i = 0;
	*col = 0;
	*row = 0;
	for (; i < n && s[i] >= 'A' && s[i] <= 'Z'; i++)
		*col = *col * 26 + (s[i] - 'A' + 1);
	(*col)--;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		*row = *row * 10 + (s[i] - '0');
}

static void sst_start(void *ctx, const xmlChar *ln, const xmlChar *pf, const xmlChar *uri, int nns,
		      const xmlChar **ns, int na, int nd, const xmlChar **a)
{
	struct parse *p = ctx;
	(void)pf, (void)uri, (void)nns, (void)ns, (void)na, (void)nd, (void)a;
	if (!strcmp((const char *)ln, "si"))
		p->text.len = 0;
	else if (!strcmp((const char *)ln, "rPh"))
		p->rph++;
	else if (!strcmp((const char *)ln, "t") && !p->rph)
		p->in_text = 1;
}

static void sst_end(void *ctx, const xmlChar *ln, const xmlChar *pf, const xmlChar *uri)
{
	struct parse *p = ctx;
	(void)pf, (void)uri;
	if (!strcmp((const char *)ln, "si")) {
		p->sst = grow(p->sst, &p->sstcap, p->nsst, sizeof *p->sst);
		p->sst[p->nsst++] = strdup(p->text.len ? p->text.p : "");
	} else if (!strcmp((const char *)ln, "rPh")) {
		p->rph--;
	} else if (!strcmp((const char *)ln, "t")) {
		p->in_text = 0;
	}
}

static void chars(void *ctx, const xmlChar *s, int n)
{
	struct parse *p = ctx;
	if (p->in_text)
		add(&p->text, (const char *)s, (size_t)n);
}

static void sheet_start(void *ctx, const xmlChar *ln, const xmlChar *pf, const xmlChar *uri, int nns,
			const xmlChar **ns, int na, int nd, const xmlChar **a)
{
	struct parse *p = ctx;
	const char *v;
	size_t n;
	(void)pf, (void)uri, (void)nns, (void)ns, (void)nd;
	if (!strcmp((const char *)ln, "row")) {
		p->rows = grow(p->rows, &p->rowcap, p->nrows, sizeof *p->rows);
		memset(&p->rows[p->nrows], 0, sizeof p->rows[p->nrows]);
		if ((v = attr(na, a, "r", &n)))
			p->rows[p->nrows].r = strtol(v, NULL, 10);
		p->nrows++;
	} else if (!strcmp((const char *)ln, "c")) {
		long r;
		p->col = -1;
		if ((v = attr(na, a, "r", &n)))
			ref(v, n, &p->col, &r);
		v = attr(na, a, "t", &n);
		p->shared = v && n == 1 && *v == 's';
		p->text.len = 0;
	} else if (!strcmp((const char *)ln, "v") && p->col >= 0) {
		p->in_text = 1;
	} else if (!strcmp((const char *)ln, "mergeCell") && (v = attr(na, a, "ref", &n))) {
		const char *colon = memchr(v, ':', n);
		if (colon) {
			struct merge m;
			ref(v, (size_t)(colon - v), &m.c1, &m.r1);
			ref(colon + 1, n - (size_t)(colon - v) - 1, &m.c2, &m.r2);
			p->merges = grow(p->merges, &p->mergecap, p->nmerges, sizeof *p->merges);
			p->merges[p->nmerges++] = m;
		}
	}
}

static void sheet_end(void *ctx, const xmlChar *ln, const xmlChar *pf, const xmlChar *uri)
{
	struct parse *p = ctx;
	(void)pf, (void)uri;
	if (!strcmp((const char *)ln, "v")) {
		p->in_text = 0;
	} else if (!strcmp((const char *)ln, "c")) {
		if (p->col >= 0 && p->col < NCOL && p->text.len && p->nrows) {
			const char *s = p->text.p;
			if (p->shared) {
				size_t i = strtoul(s, NULL, 10);
				s = i < p->nsst ? p->sst[i] : "";
			}
			p->rows[p->nrows - 1].cell[p->col] = strdup(s);
		}
		p->col = -1;
	}
}

/* Parses zip member NAME with the SAX callbacks in H. */
static void parse_member(zip_t *z, const char *name, xmlSAXHandler *h, struct parse *p)
{
	zip_file_t *f = zip_fopen(z, name, 0);
	char buf[65536];
	zip_int64_t n;
	if (!f) {
		fprintf(stderr, "floor-units: no member %s\n", name);
		exit(1);
	}
	xmlParserCtxtPtr c = xmlCreatePushParserCtxt(h, p, NULL, 0, name);
	xmlCtxtUseOptions(c, XML_PARSE_NONET);
	while ((n = zip_fread(f, buf, sizeof buf)) > 0)
		xmlParseChunk(c, buf, (int)n, 0);
	xmlParseChunk(c, NULL, 0, 1);
	if (!c->wellFormed) {
		fprintf(stderr, "floor-units: %s is not well-formed\n", name);
		exit(1);
	}
	xmlFreeParserCtxt(c);
	zip_fclose(f);
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "floor-units: %s\n", err);
		exit(1);
	}
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "floor-units: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	return st;
}

static void done(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE) {
		fprintf(stderr, "floor-units: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	sqlite3_reset(st);
}

/* Binds S (valid until the statement is stepped), NULL when empty. */
static void bind(sqlite3_stmt *st, int i, const char *s)
{
	if (s && *s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* A code cell padded with zeros to WIDTH digits. */
static void code(const char *s, int width, char out[16])
{
	size_t n = s ? strlen(s) : 0;
	out[0] = '\0';
	if (!n || n > (size_t)width)
		return;
	memset(out, '0', (size_t)width - n);
	memcpy(out + width - n, s, n + 1);
}

static const char *SCHEMA =
	"PRAGMA journal_mode = WAL; PRAGMA cache_size = -65536;"
	"CREATE TABLE link (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, old_code TEXT, "
	"  old_name TEXT NOT NULL, old_district_code TEXT, old_district_name TEXT, "
	"  old_province_code TEXT, old_province_name TEXT, new_code TEXT NOT NULL, "
	"  new_name TEXT NOT NULL, new_province_code TEXT, new_province_name TEXT, note TEXT NOT NULL);"
	"CREATE INDEX link_old ON link(old_code); CREATE INDEX link_new ON link(new_code);"
	"CREATE INDEX link_old_district ON link(old_district_code);"
	"CREATE TABLE unit (id INTEGER PRIMARY KEY, level TEXT NOT NULL, code TEXT NOT NULL, "
	"  name TEXT NOT NULL, name_key TEXT NOT NULL, ascii_key TEXT NOT NULL, type TEXT, "
	"  parent_code TEXT, province_code TEXT);"
	"CREATE INDEX unit_code ON unit(level, code); CREATE INDEX unit_key ON unit(name_key);"
	"CREATE INDEX unit_ascii ON unit(ascii_key); CREATE INDEX unit_code_only ON unit(code);"
	"CREATE TEMP TABLE side (level TEXT, code TEXT, name TEXT, parent TEXT, province TEXT, "
	"  PRIMARY KEY (level, code));";

/* Every unit once (the first row that names it), from the links. */
static const char *SIDES =
	"INSERT OR IGNORE INTO temp.side "
	"SELECT 'commune', old_code, old_name, old_district_code, old_province_code FROM link "
	"  WHERE old_code IS NOT NULL "
	"UNION ALL SELECT 'district', old_district_code, old_district_name, old_province_code, "
	"  old_province_code FROM link WHERE old_district_code IS NOT NULL "
	"UNION ALL SELECT 'province', old_province_code, old_province_name, NULL, old_province_code "
	"  FROM link WHERE old_province_code IS NOT NULL "
	"UNION ALL SELECT 'new-commune', new_code, new_name, new_province_code, new_province_code "
	"  FROM link "
	"UNION ALL SELECT 'new-province', new_province_code, new_province_name, NULL, "
	"  new_province_code FROM link WHERE new_province_code IS NOT NULL";

int main(int argc, char **argv)
{
	struct parse p = { .col = -1 };
	xmlSAXHandler h;
	sqlite3 *db;
	int zerr;

	if (argc != 4) {
		fprintf(stderr, "usage: floor-units WORKBOOK.xlsx SHEET-PART DB\n");
		return 2;
	}
	zip_t *z = zip_open(argv[1], ZIP_RDONLY, &zerr);
	if (!z) {
		fprintf(stderr, "floor-units: cannot open %s\n", argv[1]);
		return 1;
	}
	memset(&h, 0, sizeof h);
	h.initialized = XML_SAX2_MAGIC;
	h.startElementNs = sst_start;
	h.endElementNs = sst_end;
	h.characters = chars;
	parse_member(z, "xl/sharedStrings.xml", &h, &p);
	h.startElementNs = sheet_start;
	h.endElementNs = sheet_end;
	parse_member(z, argv[2], &h, &p);
	zip_close(z);

	/* The merged ranges, known at the end of the pass, filled into the held rows. */
	for (size_t m = 0; m < p.nmerges; m++) {
		struct merge *g = &p.merges[m];
		const char *v = NULL;
		for (size_t i = 0; i < p.nrows; i++) {
			struct row *r = &p.rows[i];
			if (r->r < g->r1 || r->r > g->r2)
				continue;
			for (int c = g->c1; c <= g->c2 && c < NCOL; c++) {
				if (r->r == g->r1 && c == g->c1)
					v = r->cell[c];
				else if (v) {
					free(r->cell[c]);
					r->cell[c] = strdup(v);
				}
			}
		}
	}

	if (sqlite3_open(argv[3], &db) != SQLITE_OK)
		return 1;
	exec(db, SCHEMA);
	exec(db, "BEGIN");
	sqlite3_stmt *ins = prep(db, "INSERT INTO link(seq, old_code, old_name, old_district_code, "
				 "old_district_name, old_province_code, old_province_name, new_code, new_name, "
				 "new_province_code, new_province_name, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
				 "?7, ?8, ?9, ?10, ?11, ?12)");
	long seq = 0;
	for (size_t i = 0; i < p.nrows; i++) {
		char **c = p.rows[i].cell, newcode[16], oldcode[16], dcode[16], pcode[16], npcode[16];
		char *clean[NCOL] = { 0 }, *pname[3] = { 0 }, *pc[3] = { 0 };
		code(c[2], 5, newcode);
		if (p.rows[i].r < 3 || !newcode[0] || strspn(newcode, "0123456789") != 5)
			continue;  /* title, header, province banners */
		code(c[4], 5, oldcode);
		for (int k = 1; k < 6; k += 2)   /* new name, old name, note */
			clean[k] = sn_text_clean(c[k] ? c[k] : "");
		static const int split[3] = { 0, 6, 7 };  /* new province, old district, old province */
		for (int k = 0; k < 3; k++)
			if (sn_split_name_code(c[split[k]] ? c[split[k]] : "", &pname[k], &pc[k]) < 0)
				return 1;
		code(pc[0], 2, npcode);
		code(pc[1], 3, dcode);
		code(pc[2], 2, pcode);
		sqlite3_bind_int64(ins, 1, ++seq);
		bind(ins, 2, oldcode);
		sqlite3_bind_text(ins, 3, clean[3] ? clean[3] : "", -1, SQLITE_STATIC);
		bind(ins, 4, dcode);
		bind(ins, 5, pname[1]);
		bind(ins, 6, pcode);
		bind(ins, 7, pname[2]);
		sqlite3_bind_text(ins, 8, newcode, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 9, clean[1] ? clean[1] : "", -1, SQLITE_STATIC);
		bind(ins, 10, npcode);
		bind(ins, 11, pname[0]);
		sqlite3_bind_text(ins, 12, clean[5] ? clean[5] : "", -1, SQLITE_STATIC);
		done(db, ins);
		for (int k = 0; k < NCOL; k++)
			free(clean[k]);
		for (int k = 0; k < 3; k++) {
			free(pname[k]);
			free(pc[k]);
		}
	}
	sqlite3_finalize(ins);

	/* Units: each once, its keys from one tokenisation, inserted in (level, code) order. */
	exec(db, SIDES);
	sqlite3_stmt *units = prep(db, "SELECT level, code, name, parent, province FROM temp.side "
				   "ORDER BY level, code");
	sqlite3_stmt *unit = prep(db, "INSERT INTO unit(level, code, name, name_key, ascii_key, type, "
				  "parent_code, province_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	while (sqlite3_step(units) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(units, 2);
		char *key, *ascii;
		sn_unit_type t;
		if (sn_name_keys(name, &key, &ascii, &t) != 0)
			return 1;
		for (int k = 0; k < 3; k++)
			bind(unit, k + 1, (const char *)sqlite3_column_text(units, k));
		sqlite3_bind_text(unit, 4, key, -1, free);
		sqlite3_bind_text(unit, 5, ascii, -1, free);
		bind(unit, 6, t == SN_TYPE_NONE ? NULL : sn_unit_type_label(t));
		bind(unit, 7, (const char *)sqlite3_column_text(units, 3));
		bind(unit, 8, (const char *)sqlite3_column_text(units, 4));
		done(db, unit);
	}
	sqlite3_finalize(units);
	sqlite3_finalize(unit);
	exec(db, "COMMIT");
	sqlite3_stmt *n = prep(db, "SELECT (SELECT count(*) FROM link), (SELECT count(*) FROM unit)");
	sqlite3_step(n);
	printf("floor: links=%lld units=%lld merged_ranges=%zu\n", sqlite3_column_int64(n, 0),
	       sqlite3_column_int64(n, 1), p.nmerges);
	sqlite3_finalize(n);
	sqlite3_close(db);
	return 0;
}
