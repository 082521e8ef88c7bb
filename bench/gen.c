/* bench/gen.c - deterministic national-scale input for 'make bench'.
 *
 *   gen OUTDIR [--scale N] [--units FILE] [--mappings DIR] [--synthetic]
 *
 * Writes, in sapnhap's formats (UTF-8 CSV):
 *   units.csv           the official conversion table's layout (title row, header, banner rows,
 *                       "Name (code)" cells). With the real flat table (--units, default
 *                       ../shared/data/units/nso-conversion-2025.flat.csv when present) every real
 *                       old commune is kept with its real new commune, note and name, but the
 *                       whole country is made ONE merger: old communes of an even old province
 *                       code go to old province 70 (Bình Phước), odd ones to 75 (Đồng Nai), and
 *                       every new commune is in 75. Without it ~10,000 old communes -> ~3,300 new
 *                       ones are synthesised, with a few splits.
 *   agencies-70.csv,    province committee and council, ~19 departments (names from
 *   agencies-75.csv     mappings/departments.csv, so functions match), a few department units,
 *                       district committees with 8 offices each, one committee per old commune,
 *                       7-11 schools/clinics per commune: ~10^5 agencies in all.
 *   catalog-70.csv,     ~2,000 procedures each (1,500 in common), national column names,
 *   catalog-75.csv      ~10^6 bindings in all; some fees, online levels, portal flags differ.
 *   dossiers-70.csv,    10^7 x scale in-flight dossiers, ordered by date received as a system
 *   dossiers-75.csv     exports them; each at an agency bound to its procedure, applicant in a
 *                       real old commune of that province, some with a hamlet.
 *   allocation.csv      allocation rules for 'recode --rules': the default rules give the merged
 *                       province 198 commune-committee codes; this one has room for 3,321.
 *
 * QCVN 102:2016 codes have 2-digit groups at levels 2 and 3 (and 99 there reads as a
 * placeholder), so ~350 real districts per old province cannot each have a level-2 number: the
 * real districts are cut, in code order, into at most 78 synthetic districts per old province of
 * at most 90 communes each (level 2 from 21; level 3 09-98, offices 01-08), each named and coded
 * after a real district that starts in it; units.csv's district cells say the same. Departments
 * are level 2 01-19; 20 stays free for a department recode renumbers. Province 75's groups stop
 * low enough that the groups above them (to 98) hold one committee per new commune
 * (allocation.csv). With the real table: 69 districts in 70 (6,202 communes), 43 in 75 (3,831).
 *
 * Everything comes from fixed-seed splitmix64 streams: the same arguments give the same bytes.
 * The scale changes only the dossiers.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* --- helpers -------------------------------------------------------------------------------- */

static void die(const char *msg, const char *arg)
{
	fprintf(stderr, "gen: %s%s%s\n", msg, arg ? ": " : "", arg ? arg : "");
	exit(1);
}

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory", NULL);
	return p;
}

static void *xcalloc(size_t n, size_t s)
{
	void *p = calloc(n ? n : 1, s ? s : 1);
	if (!p)
		die("out of memory", NULL);
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory", NULL);
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* PATH opened for writing; finish() closes it and frees PATH. */
static FILE *create(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write", path);
	return f;
}

static void finish(FILE *f, char *path)
{
	if (fclose(f))
		die("cannot write", path);
	free(path);
}

/* splitmix64 (Steele, Lea, Flood 2014): one stream per purpose, fixed seeds. */
struct rng {
	uint64_t s;
};

static uint64_t next64(struct rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static uint32_t rnd(struct rng *r, uint32_t n)
{
	return (uint32_t)(((next64(r) >> 32) * (uint64_t)n) >> 32);
}

static double rndf(struct rng *r)
{
	return (double)(next64(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* --- CSV ------------------------------------------------------------------------------------ */

struct rec {
	char **f;
	int n;
};

/* RFC 4180 records of a whole file (quoted commas, quotes, newlines; CRLF; BOM). */
static struct rec *csv_read(const char *path, size_t *nrec)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		die("cannot open", path);
	size_t cap = 1 << 20, len = 0;
	char *buf = xmalloc(cap);
	size_t k;
	while ((k = fread(buf + len, 1, cap - len, fp)) > 0) {
		len += k;
		if (len == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	if (ferror(fp))
		die("cannot read", path);
	fclose(fp);
	size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	struct rec *out = NULL;
	size_t nout = 0, outcap = 0;
	char *field = xmalloc(len + 1);
	while (i < len) {
		struct rec r = { NULL, 0 };
		int fcap = 0, end = 0;
		while (!end) {
			size_t fl = 0;
			if (i < len && buf[i] == '"') {
				i++;
				while (i < len) {
					if (buf[i] == '"') {
						if (i + 1 < len && buf[i + 1] == '"') {
							field[fl++] = '"';
							i += 2;
						} else {
							i++;
							break;
						}
					} else {
						field[fl++] = buf[i++];
					}
				}
			}
			while (i < len && buf[i] != ',' && buf[i] != '\n' && buf[i] != '\r')
				field[fl++] = buf[i++];
			field[fl] = '\0';
			if (r.n == fcap)
				r.f = xrealloc(r.f, sizeof *r.f * (size_t)(fcap = fcap ? fcap * 2 : 16));
			r.f[r.n++] = xstrdup(field);
			if (i < len && buf[i] == ',') {
				i++;
			} else {
				if (i < len && buf[i] == '\r')
					i++;
				if (i < len && buf[i] == '\n')
					i++;
				end = 1;
			}
		}
		if (nout == outcap)
			out = xrealloc(out, sizeof *out * (outcap = outcap ? outcap * 2 : 1024));
		out[nout++] = r;
	}
	free(field);
	free(buf);
	*nrec = nout;
	return out;
}

static void cell(FILE *f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n")) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputc(last ? '\n' : ',', f);
}

static const char *fld(const struct rec *r, int i)
{
	return i < r->n ? r->f[i] : "";
}

/* Whitespace (including embedded newlines) collapsed, ends trimmed. */
static char *clean(const char *s)
{
	char *d = xmalloc(strlen(s) + 1), *p = d;
	int sp = 0;
	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			sp = p > d;
			continue;
		}
		if (sp)
			*p++ = ' ';
		sp = 0;
		*p++ = *s;
	}
	*p = '\0';
	return d;
}

/* Digits only -> padded to WIDTH; "" when not a code. */
static void pad_code(const char *s, int width, char *out)
{
	char *c = clean(s);
	size_t n = strlen(c);
	out[0] = '\0';
	if (n && n <= (size_t)width && strspn(c, "0123456789") == n)
		snprintf(out, 8, "%0*d", width, atoi(c));
	free(c);
}

/* "Quận Ba Đình (001)" -> name "Quận Ba Đình", code "001". */
static void split_name_code(const char *cellv, int width, char **name, char *code)
{
	char *c = clean(cellv);
	char *open = strrchr(c, '('), *close = open ? strchr(open, ')') : NULL;
	code[0] = '\0';
	if (open && close) {
		*close = '\0';
		pad_code(open + 1, width, code);
		*open = '\0';
		char *n = clean(c);
		free(c);
		c = n;
	}
	*name = c;
}

/* "Xã Tân Đồng" -> "xã Tân Đồng" (the type word in lower case, as inside an agency name). */
static char *lower_type(const char *name)
{
	static const char *types[][2] = {
		{ "Phường ", "phường " }, { "Xã ", "xã " }, { "Thị trấn ", "thị trấn " },
		{ "Thị Trấn ", "thị trấn " }, { "Đặc khu ", "đặc khu " }, { "Huyện ", "huyện " },
		{ "Quận ", "quận " }, { "Thị xã ", "thị xã " }, { "Thị Xã ", "thị xã " },
		{ "Thành phố ", "thành phố " }, { "Thành Phố ", "thành phố " }, { NULL, NULL } };
	for (int i = 0; types[i][0]; i++) {
		size_t n = strlen(types[i][0]);
		if (!strncmp(name, types[i][0], n))
			return xprintf("%s%s", types[i][1], name + n);
	}
	return xstrdup(name);
}

/* --- the unit table ------------------------------------------------------------------------- */

struct oc {                 /* an old commune */
	char code[8], dcode[8];
	char *name, *dname;
	int rprov;              /* real old province code */
	int prov;               /* 0: old province 70, 1: old province 75 */
	int group;              /* synthetic district */
	int l3;                 /* level-3 number of its committee */
};

struct lrow {               /* one link of the table */
	int oc;                 /* -1: a whole district turned special zone (no commune code) */
	char *newname, *note, *oldname, *dcell;
	char newcode[8];
	int rprov;
};

struct grp {
	int prov, l2, first, count;   /* communes: order[prov][first .. first+count) */
	char dcode[8];
	char *dname;
};

static struct oc *ocs;
static int nocs;
static struct lrow *rows;
static int nrows;
static struct grp *grps;
static int ngrps;
static int *order[2];
static int norder[2];
static int nnew;            /* new communes */
static int oc_by_code[100000];

static const struct {
	const char *code, *cell, *name, *l1, *k1, *domain, *phone;
} PROV[2] = {
	{ "70", "Tỉnh Bình Phước (70)", "Bình Phước", "H10", "K10", "binhphuoc.gov.vn", "0271" },
	{ "75", "Tỉnh Đồng Nai (75)", "Đồng Nai", "H19", "K19", "dongnai.gov.vn", "0251" },
};

static int add_oc(const char *code, const char *name, const char *dcode, const char *dname, int rprov)
{
	int c = atoi(code);
	if (oc_by_code[c] >= 0)
		return oc_by_code[c];
	static int cap;
	if (nocs == cap)
		ocs = xrealloc(ocs, sizeof *ocs * (size_t)(cap = cap ? cap * 2 : 4096));
	struct oc *o = &ocs[nocs];
	memset(o, 0, sizeof *o);
	snprintf(o->code, sizeof o->code, "%s", code);
	snprintf(o->dcode, sizeof o->dcode, "%s", dcode);
	o->name = clean(name);
	o->dname = xstrdup(dname);
	o->rprov = rprov;
	return oc_by_code[c] = nocs++;
}

static void add_row(int oc, const char *newname, const char *newcode, const char *note,
		    const char *oldname, const char *dcell, int rprov)
{
	static int cap;
	if (nrows == cap)
		rows = xrealloc(rows, sizeof *rows * (size_t)(cap = cap ? cap * 2 : 4096));
	struct lrow *r = &rows[nrows++];
	r->oc = oc;
	r->newname = xstrdup(newname);
	snprintf(r->newcode, sizeof r->newcode, "%s", newcode);
	r->note = xstrdup(note);
	r->oldname = xstrdup(oldname);
	r->dcell = xstrdup(dcell);
	r->rprov = rprov;
}

static void load_real(const char *path)
{
	size_t n;
	struct rec *r = csv_read(path, &n);
	int last_prov = 0, header = 0;
	char seen_new[100000] = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (!header) {
			header = strstr(fld(&r[i], 2), "Mã") != NULL;
			continue;
		}
		char newcode[8], oldcode[8], dcode[8], pcode[8];
		pad_code(fld(&r[i], 2), 5, newcode);
		if (!newcode[0])
			continue;                   /* province banner row */
		pad_code(fld(&r[i], 4), 5, oldcode);
		char *dname, *pname;
		split_name_code(fld(&r[i], 6), 3, &dname, dcode);
		split_name_code(fld(&r[i], 7), 2, &pname, pcode);
		int rprov = pcode[0] ? atoi(pcode) : last_prov;
		last_prov = rprov;
		int oc = -1;
		if (oldcode[0])
			oc = add_oc(oldcode, fld(&r[i], 3), dcode, dname, rprov);
		add_row(oc, fld(&r[i], 1), newcode, fld(&r[i], 5), fld(&r[i], 3), fld(&r[i], 6), rprov);
		if (!seen_new[atoi(newcode)]++)
			nnew++;
		free(dname);
		free(pname);
		for (int k = 0; k < r[i].n; k++)
			free(r[i].f[k]);
		free(r[i].f);
	}
	free(r);
	for (int i = 0; i < nocs; i++)
		ocs[i].prov = ocs[i].rprov % 2;         /* even -> 70, odd -> 75 */
}

/* ~10,000 old communes in 63 provinces of 11 districts; consecutive triples merge; every 53rd
 * commune is split between two new communes, the first part taking the population. */
static void load_synthetic(void)
{
	static const char *pre[] = { "An", "Bình", "Tân", "Phú", "Long", "Hòa", "Thạnh", "Phước",
				     "Xuân", "Đức", "Mỹ", "Vĩnh" };
	static const char *post[] = { "Phú", "Lợi", "Thành", "Hưng", "An", "Lộc", "Thuận", "Hòa",
				      "Tiến", "Đông", "Tây", "Bình", "Sơn" };
	struct rng g = { 0x5EED0001 };
	int code = 4, dcode = 1, idx = 0;
	for (int p = 1; p <= 63; p++)
		for (int d = 0; d < 11; d++, dcode++) {
			int nc = 11 + (int)rnd(&g, 8);
			char dc[8], dn[64];
			snprintf(dc, sizeof dc, "%03d", dcode);
			snprintf(dn, sizeof dn, "Huyện %s %s", pre[dcode % 12], post[dcode % 13]);
			for (int c = 0; c < nc; c++, code += 3, idx++) {
				char cc[16], name[80];
				snprintf(cc, sizeof cc, "%05d", code);
				snprintf(name, sizeof name, "%s %s %s %d", c % 4 ? "Xã" : "Phường",
					 pre[idx % 12], post[(idx / 12) % 13], idx);
				int o = add_oc(cc, name, dc, dn, p);
				ocs[o].prov = p % 8 < 3;  /* ~3/8 of the communes to 75 */
			}
		}
	for (int i = 0; i < nocs; i++) {
		int head = i - i % 3;
		char dcell[80];
		snprintf(dcell, sizeof dcell, "%s (%s)", ocs[i].dname, ocs[i].dcode);
		char newname[100];
		snprintf(newname, sizeof newname, "%s mới", ocs[head].name);
		if (i % 53 == 7 && head + 3 < nocs) {
			char nn2[100];
			snprintf(nn2, sizeof nn2, "%s mới", ocs[head + 3].name);
			add_row(i, newname, ocs[head].code, "Nhập một phần diện tích, toàn bộ dân số",
				ocs[i].name, dcell, ocs[i].rprov);
			add_row(i, nn2, ocs[head + 3].code, "Nhập một phần diện tích", ocs[i].name, dcell,
				ocs[i].rprov);
		} else {
			add_row(i, newname, ocs[head].code, i == head ? "Giữ nguyên" : "Nhập toàn bộ",
				ocs[i].name, dcell, ocs[i].rprov);
		}
	}
	nnew = (nocs + 2) / 3;
}

static int cmp_oc(const void *x, const void *y)
{
	const struct oc *a = &ocs[*(const int *)x], *b = &ocs[*(const int *)y];
	int c = strcmp(a->dcode, b->dcode);
	return c ? c : strcmp(a->code, b->code);
}

/* Synthetic districts: each old province's communes in code order, cut into equal groups of at
 * most 90, each named after a real district that starts in it. */
#define FIRST_DISTRICT_L2 21
#define LAST_L2 98             /* 99 at level 2 or 3 reads as a placeholder (agcode.c) */
#define GROUP_MAX 90
static int first_free_l2;   /* province 75's first level-2 group above its districts */

static void make_groups(void)
{
	for (int p = 0; p < 2; p++) {
		order[p] = xmalloc(sizeof(int) * (size_t)nocs);
		for (int i = 0; i < nocs; i++)
			if (ocs[i].prov == p)
				order[p][norder[p]++] = i;
		qsort(order[p], (size_t)norder[p], sizeof(int), cmp_oc);
		int n = norder[p], ng = (n + GROUP_MAX - 1) / GROUP_MAX;
		if (FIRST_DISTRICT_L2 + ng - 1 > LAST_L2)
			die("too many communes for 2-digit level-2 groups in one old province", PROV[p].code);
		grps = xrealloc(grps, sizeof *grps * (size_t)(ngrps + ng));
		int at = 0;
		const char *prev_rep = "";
		for (int g = 0; g < ng; g++) {
			int cnt = n / ng + (g < n % ng);
			struct grp *G = &grps[ngrps];
			G->prov = p;
			G->l2 = FIRST_DISTRICT_L2 + g;
			G->first = at;
			G->count = cnt;
			int rep = -1;
			for (int k = at; k < at + cnt && rep < 0; k++)
				if (k == 0 || strcmp(ocs[order[p][k]].dcode, ocs[order[p][k - 1]].dcode))
					rep = order[p][k];
			for (int k = at; k < at + cnt && rep < 0; k++)
				if (strcmp(ocs[order[p][k]].dcode, prev_rep))
					rep = order[p][k];
			if (rep < 0)
				die("cannot name a synthetic district after a real one", NULL);
			snprintf(G->dcode, sizeof G->dcode, "%s", ocs[rep].dcode);
			G->dname = ocs[rep].dname;
			prev_rep = G->dcode;
			for (int k = at; k < at + cnt; k++) {
				ocs[order[p][k]].group = ngrps;
				ocs[order[p][k]].l3 = 9 + (k - at);
			}
			at += cnt;
			ngrps++;
		}
		if (p == 1)
			first_free_l2 = FIRST_DISTRICT_L2 + ng;
	}
}

static void write_units(const char *dir)
{
	char *path = xprintf("%s/units.csv", dir);
	FILE *f = create(path);
	fputs("Đơn vị hành chính từ ngày 01/7/2025,,,Đơn vị hành chính trước ngày 01/7/2025,,,,\n"
	      "\"Tỉnh, thành phố\",Tên Xã mới,Mã Xã mới,Tên Xã cũ,Mã Xã cũ,Ghi chú,Quận/huyện,Tỉnh cũ\n"
	      "TỈNH ĐỒNG NAI,,,,,,,\n", f);
	for (int i = 0; i < nrows; i++) {
		struct lrow *r = &rows[i];
		char *dcell;
		int prov;
		if (r->oc >= 0) {
			const struct grp *G = &grps[ocs[r->oc].group];
			dcell = xprintf("%s (%s)", G->dname, G->dcode);
			prov = ocs[r->oc].prov;
		} else {
			dcell = xstrdup(r->dcell);
			prov = r->rprov % 2;
		}
		cell(f, PROV[1].cell, 0);
		cell(f, r->newname, 0);
		cell(f, r->newcode, 0);
		cell(f, r->oldname, 0);
		cell(f, r->oc >= 0 ? ocs[r->oc].code : "", 0);
		cell(f, r->note, 0);
		cell(f, dcell, 0);
		cell(f, PROV[prov].cell, 1);
		free(dcell);
	}
	finish(f, path);
}

/* --- agencies ------------------------------------------------------------------------------- */

enum { K_PC, K_COUNCIL, K_DEPT, K_DUNIT, K_DCOM, K_DOFF, K_CCOM, K_SVC };
static const char *KIND[] = { "province-committee", "province-council", "department", "department-unit",
			      "district-committee", "district-office", "commune-committee", "service-unit" };

struct ag {
	char code[16];
	unsigned char kind;
	signed char func;       /* index into FUNCS for departments and offices; -1 none */
	int oc, group;
};

struct dept {
	char *func, *dept, *office;
};
static struct dept *depts;
static int ndepts;

/* The functions district offices and fields work with (departments.csv 'function' ids). */
static const char *FUNCS[] = { "justice", "natural-resources", "construction", "education", "health",
			       "home-affairs", "finance", "industry-trade", "labour", "planning",
			       "agriculture-environment" };
#define NFUNCS ((int)(sizeof FUNCS / sizeof FUNCS[0]))
#define NOFFICES 8          /* the first 8 of FUNCS have an office in every district */

static int func_index(const char *id)
{
	for (int i = 0; i < NFUNCS; i++)
		if (!strcmp(FUNCS[i], id))
			return i;
	return -1;
}

static const struct dept *dept_of(const char *func)
{
	for (int i = 0; i < ndepts; i++)
		if (!strcmp(depts[i].func, func))
			return &depts[i];
	return NULL;
}

static void load_departments(const char *dir)
{
	char *path = xprintf("%s/departments.csv", dir);
	size_t n;
	struct rec *r = csv_read(path, &n);
	for (size_t i = 1; i < n; i++) {
		if (!*fld(&r[i], 0))
			continue;
		depts = xrealloc(depts, sizeof *depts * (size_t)(ndepts + 1));
		depts[ndepts].func = xstrdup(fld(&r[i], 0));
		depts[ndepts].dept = xstrdup(fld(&r[i], 1));
		depts[ndepts].office = xstrdup(fld(&r[i], 2));
		/* several spellings, '|'-separated: the first */
		depts[ndepts].dept[strcspn(depts[ndepts].dept, "|")] = '\0';
		depts[ndepts].office[strcspn(depts[ndepts].office, "|")] = '\0';
		ndepts++;
	}
	for (int i = 0; i < NOFFICES; i++) {
		const struct dept *d = dept_of(FUNCS[i]);
		if (!d || !*d->office)
			die("mappings/departments.csv lacks the office of function", FUNCS[i]);
	}
	free(path);
}

static struct ag *ags[2];
static int nags[2];
static int dept_at[2][32];          /* agency index of the department of FUNCS[i], -1 none */
static int land_unit[2];            /* Văn phòng Đăng ký đất đai */
static int *grp_agency;             /* committee of each group; offices follow it */

static int add_ag(int p, const char *code, int kind, int func, int oc, int group)
{
	static int cap[2];
	if (nags[p] == cap[p])
		ags[p] = xrealloc(ags[p], sizeof **ags * (size_t)(cap[p] = cap[p] ? cap[p] * 2 : 4096));
	struct ag *a = &ags[p][nags[p]];
	snprintf(a->code, sizeof a->code, "%s", code);
	a->kind = (unsigned char)kind;
	a->func = (signed char)func;
	a->oc = oc;
	a->group = group;
	return nags[p]++;
}

static void agency_line(FILE *f, int p, const char *code, const char *name, int kind, const char *parent,
			const char *unit, const char *address, unsigned long phone, const char *mailbox)
{
	char ph[32], mail[96];
	snprintf(ph, sizeof ph, "%s %04lu %03lu", PROV[p].phone, phone / 1000 % 10000, phone % 1000);
	snprintf(mail, sizeof mail, "%s@%s", mailbox, PROV[p].domain);
	cell(f, code, 0);
	cell(f, name, 0);
	cell(f, KIND[kind], 0);
	cell(f, parent, 0);
	cell(f, unit, 0);
	cell(f, address, 0);
	cell(f, ph, 0);
	cell(f, mail, 0);
	cell(f, "active", 1);
}

static void write_agencies(const char *dir)
{
	static const char *svc[] = { "Trạm Y tế", "Trường Mầm non", "Trường Tiểu học",
				     "Trường Trung học cơ sở", "Trung tâm Học tập cộng đồng", "Trường Mẫu giáo",
				     "Nhà Văn hóa", "Trường Tiểu học số 2", "Trường Mầm non số 2", "Thư viện",
				     "Trường Trung học cơ sở số 2" };
	/* The old departments (before the 2025 mergers) of each province: 70 has Sở Ngoại vụ, 75
	 * has Ban Quản lý các khu công nghiệp, as in the samples. */
	static const char *skip[2][2] = { { "agriculture-environment", "industrial-zones" },
					  { "agriculture-environment", "foreign-affairs" } };
	grp_agency = xmalloc(sizeof(int) * (size_t)ngrps);
	for (int p = 0; p < 2; p++) {
		struct rng g = { 0xA6E0C1E5ull + (uint64_t)p };
		char *path = xprintf("%s/agencies-%s.csv", dir, PROV[p].code);
		FILE *f = create(path);
		fputs("code,name,kind,parent_code,unit_code,address,phone,email,status\n", f);
		char root[40], code[40], parent[40], addr[400];
		const char *l1 = PROV[p].l1;
		snprintf(root, sizeof root, "000.00.00.%s", l1);
		snprintf(addr, sizeof addr, "Số 1 đường Trung tâm, tỉnh %s", PROV[p].name);
		char *nm = xprintf("Ủy ban nhân dân tỉnh %s", PROV[p].name);
		agency_line(f, p, root, nm, K_PC, "", PROV[p].code, addr, 3870000, "ubnd");
		add_ag(p, root, K_PC, -1, -1, -1);
		free(nm);
		snprintf(code, sizeof code, "000.00.00.%s", PROV[p].k1);
		nm = xprintf("Hội đồng nhân dân tỉnh %s", PROV[p].name);
		agency_line(f, p, code, nm, K_COUNCIL, "", PROV[p].code, addr, 3870001, "hdnd");
		add_ag(p, code, K_COUNCIL, -1, -1, -1);
		free(nm);
		for (int i = 0; i < 32; i++)
			dept_at[p][i] = -1;
		int num = 0;
		size_t known = 0;   /* departments of FUNCS emitted: the others fill the level-2 numbers left */
		for (int d = 0; d < ndepts; d++) {
			if (!strcmp(depts[d].func, skip[p][0]) || !strcmp(depts[d].func, skip[p][1]))
				continue;
			/* departments.csv lists several spellings of a function: one department each */
			int fi = func_index(depts[d].func);
			if ((fi >= 0 && dept_at[p][fi] >= 0) || (fi < 0 && num >= 19 - NFUNCS + (int)known))
				continue;
			if (fi >= 0)
				known++;
			snprintf(code, sizeof code, "000.00.%02d.%s", ++num, l1);
			char box[32];
			snprintf(box, sizeof box, "so%02d", num);
			agency_line(f, p, code, depts[d].dept, K_DEPT, root, PROV[p].code, addr,
				    3870100 + (unsigned long)num, box);
			int a = add_ag(p, code, K_DEPT, fi, -1, -1);
			if (fi >= 0)
				dept_at[p][fi] = a;
			/* A unit under two of them: the land registration office, the CDC. */
			const char *unit = !strcmp(depts[d].func, "natural-resources") ? "Văn phòng Đăng ký đất đai" :
					   !strcmp(depts[d].func, "health") ? "Trung tâm Kiểm soát bệnh tật" : NULL;
			if (unit) {
				char ucode[40];
				snprintf(ucode, sizeof ucode, "000.01.%02d.%s", num, l1);
				snprintf(box, sizeof box, "dv01.so%02d", num);
				agency_line(f, p, ucode, unit, K_DUNIT, code, PROV[p].code, addr,
					    3870200 + (unsigned long)num, box);
				int u = add_ag(p, ucode, K_DUNIT, fi, -1, -1);
				if (fi == func_index("natural-resources"))
					land_unit[p] = u;
			}
		}
		if (num > 19)
			die("more than 19 departments (level 2 from 21 is districts', 20 is kept free)", NULL);
		for (int gi = 0; gi < ngrps; gi++) {
			const struct grp *G = &grps[gi];
			if (G->prov != p)
				continue;
			char dcom[40], box[48];
			snprintf(dcom, sizeof dcom, "000.00.%02d.%s", G->l2, l1);
			char *dl = lower_type(G->dname);
			snprintf(addr, sizeof addr, "Trung tâm hành chính %s, tỉnh %s", dl, PROV[p].name);
			nm = xprintf("Ủy ban nhân dân %s", dl);
			snprintf(box, sizeof box, "ubnd.h%s", G->dcode);
			agency_line(f, p, dcom, nm, K_DCOM, root, G->dcode, addr, 3600000 + (unsigned long)gi * 100, box);
			free(nm);
			grp_agency[gi] = add_ag(p, dcom, K_DCOM, -1, -1, gi);
			for (int o = 0; o < NOFFICES; o++) {
				snprintf(code, sizeof code, "000.%02d.%02d.%s", o + 1, G->l2, l1);
				snprintf(box, sizeof box, "p%d.h%s", o + 1, G->dcode);
				agency_line(f, p, code, dept_of(FUNCS[o])->office, K_DOFF, dcom, G->dcode, addr,
					    3600000 + (unsigned long)gi * 100 + (unsigned long)o + 1, box);
				add_ag(p, code, K_DOFF, o, -1, gi);   /* = grp_agency[gi] + 1 + o */
			}
			for (int k = G->first; k < G->first + G->count; k++) {
				const struct oc *c = &ocs[order[p][k]];
				char ccom[40];
				snprintf(ccom, sizeof ccom, "000.%02d.%02d.%s", c->l3, G->l2, l1);
				char *cl = lower_type(c->name);
				snprintf(addr, sizeof addr, "Trụ sở %s, %s, tỉnh %s", cl, dl, PROV[p].name);
				nm = xprintf("Ủy ban nhân dân %s", cl);
				snprintf(box, sizeof box, "ubnd.x%s", c->code);
				agency_line(f, p, ccom, nm, K_CCOM, dcom, c->code, addr, 3700000 + (unsigned long)atol(c->code), box);
				free(nm);
				add_ag(p, ccom, K_CCOM, -1, order[p][k], gi);
				int ns = 7 + (int)rnd(&g, 5);
				for (int s = 0; s < ns; s++) {
					snprintf(parent, sizeof parent, "%s", ccom);
					snprintf(code, sizeof code, "%03d.%02d.%02d.%s", s + 1, c->l3, G->l2, l1);
					nm = xprintf("%s %s", svc[s], cl);
					snprintf(box, sizeof box, "dv%d.x%s", s + 1, c->code);
					agency_line(f, p, code, nm, K_SVC, parent, c->code, addr,
						    (unsigned long)rnd(&g, 10000000), box);
					free(nm);
					add_ag(p, code, K_SVC, -1, order[p][k], gi);
				}
				free(cl);
			}
			free(dl);
		}
		finish(f, path);
	}
}

/* --- catalogs ------------------------------------------------------------------------------- */

enum { C_COMMUNE, C_DC, C_DISTRICT, C_PD, C_PROVINCE, NCLASS };
static const char *LEVELS[] = { "Cấp Xã", "Cấp Huyện; Cấp Xã", "Cấp Huyện", "Cấp Tỉnh; Cấp Huyện", "Cấp Tỉnh" };

/* Fields: code, name, the function of its district office and of its department in 70 / 75.
 * G15-TP07 has a commune rule, G13-TN02 a province rule (agriculture-environment) in
 * mappings/jurisdiction.csv; the others fall to the default rule (G09-DD had a province rule in
 * earlier versions of that file). */
static const struct {
	const char *code, *name, *topic, *office, *dept[2];
} FIELDS[] = {
	{ "G15-TP07", "Hộ tịch", "đăng ký hộ tịch", "justice", { "justice", "justice" } },
	{ "G15-TP03", "Chứng thực", "chứng thực", "justice", { "justice", "justice" } },
	{ "G05-KD10", "Thành lập và hoạt động của hộ kinh doanh", "đăng ký hộ kinh doanh", "industry-trade",
	  { "planning", "planning" } },
	{ "G13-TN02", "Đất đai", "đăng ký đất đai", "natural-resources", { "natural-resources", "natural-resources" } },
	{ "G09-DD", "Đất đai", "cấp giấy chứng nhận quyền sử dụng đất", "natural-resources",
	  { "natural-resources", "natural-resources" } },
	{ "G07-LĐ09", "Người có công", "trợ cấp người có công", "home-affairs", { "labour", "labour" } },
	{ "G07-LĐ03", "Bảo trợ xã hội", "trợ giúp xã hội", "home-affairs", { "labour", "labour" } },
	{ "G03-GD09", "Giáo dục và Đào tạo", "cấp phép hoạt động giáo dục", "education", { "education", "education" } },
	{ "G18-YT01", "Khám bệnh, chữa bệnh", "cấp phép khám bệnh, chữa bệnh", "health", { "health", "health" } },
	{ "G17-XD11", "Hoạt động xây dựng", "cấp giấy phép xây dựng", "construction", { "construction", "construction" } },
};
#define NFIELDS ((int)(sizeof FIELDS / sizeof FIELDS[0]))

static const char *FEES[] = { "Không", "Không", "10.000 đồng/hồ sơ", "20.000 đồng/lần", "50.000 đồng/hồ sơ",
			      "100.000 đồng/giấy", "Theo quy định của Hội đồng nhân dân tỉnh" };
static const char *VERBS[] = { "Thủ tục", "Thủ tục cấp lại", "Thủ tục điều chỉnh", "Thủ tục gia hạn",
			       "Thủ tục xác nhận" };

struct proc {
	char code[12];
	int cls, field, verb, fee[2], tl[2], unit, online[2], portal[2], in[2];
	int *b[2];              /* bound agencies (index into ags[p]) */
	int nb[2];
};
static struct proc *procs;
static int nprocs;
static int *by_class[2][NCLASS];
static int nby_class[2][NCLASS];

static int cmp_proc(const void *x, const void *y)
{
	return strcmp(((const struct proc *)x)->code, ((const struct proc *)y)->code);
}

static void bind(struct proc *pr, int p, int a)
{
	pr->b[p] = xrealloc(pr->b[p], sizeof(int) * (size_t)(pr->nb[p] + 1));
	pr->b[p][pr->nb[p]++] = a;
}

static void bind_district(struct rng *g, struct proc *pr, int p)
{
	int office = func_index(FIELDS[pr->field].office);
	for (int gi = 0; gi < ngrps; gi++) {
		if (grps[gi].prov != p || rndf(g) >= 0.9)
			continue;
		int a = grp_agency[gi];
		bind(pr, p, rndf(g) < 0.4 ? a : a + 1 + office);
	}
}

static void bind_communes(struct rng *g, struct proc *pr, int p, double frac)
{
	for (int i = 0; i < nags[p]; i++)
		if (ags[p][i].kind == K_CCOM && rndf(g) < frac)
			bind(pr, p, i);
}

static void bind_province(struct rng *g, struct proc *pr, int p)
{
	int fi = func_index(FIELDS[pr->field].dept[p]);
	int d = fi >= 0 ? dept_at[p][fi] : -1;
	if (d < 0)
		d = dept_at[p][func_index("justice")];
	bind(pr, p, d);
	if (fi == func_index("natural-resources") && rndf(g) < 0.7)
		bind(pr, p, land_unit[p]);
	else if (rndf(g) < 0.2)
		bind(pr, p, dept_at[p][func_index("finance")]);
}

static void make_catalogs(void)
{
	struct rng g = { 0xCA7A1060ull };
	enum { COMMON = 1500, ONLY = 500 };
	nprocs = COMMON + 2 * ONLY;
	procs = xcalloc((size_t)nprocs, sizeof *procs);
	char *used = xcalloc(4000000, 1);
	for (int i = 0; i < nprocs; i++) {
		struct proc *pr = &procs[i];
		unsigned c;
		do
			c = 1000000u * (1 + rnd(&g, 3)) + rnd(&g, 1000000);
		while (used[c]);
		used[c] = 1;
		snprintf(pr->code, sizeof pr->code, "%u.%06u", c / 1000000u, c % 1000000u);
		pr->in[0] = i < COMMON + ONLY;
		pr->in[1] = i < COMMON || i >= COMMON + ONLY;
		double r = rndf(&g);
		pr->cls = r < 0.06 ? C_COMMUNE : r < 0.09 ? C_DC : r < 0.16 ? C_DISTRICT : r < 0.18 ? C_PD : C_PROVINCE;
		pr->field = (int)rnd(&g, NFIELDS);
		pr->verb = (int)rnd(&g, 5);
		pr->fee[0] = pr->fee[1] = (int)rnd(&g, 7);
		pr->tl[0] = pr->tl[1] = rndf(&g) < 0.03 ? 0 : 1 + (int)rnd(&g, 30);
		pr->unit = rndf(&g) < 0.8;
		pr->online[0] = pr->online[1] = (int)rnd(&g, 3);
		pr->portal[0] = pr->portal[1] = rndf(&g) < 0.3;
		/* Where the catalogs of the two provinces disagree. */
		if (rndf(&g) < 0.10)
			pr->fee[1] = (pr->fee[0] + 1 + (int)rnd(&g, 6)) % 7;
		if (rndf(&g) < 0.05)
			pr->tl[1] = pr->tl[0] + 1 + (int)rnd(&g, 5);
		if (rndf(&g) < 0.05)
			pr->online[1] = (pr->online[0] + 1) % 3;
		if (rndf(&g) < 0.15)
			pr->portal[1] = !pr->portal[0];
	}
	free(used);
	qsort(procs, (size_t)nprocs, sizeof *procs, cmp_proc);
	for (int p = 0; p < 2; p++)
		for (int c = 0; c < NCLASS; c++)
			by_class[p][c] = xmalloc(sizeof(int) * (size_t)nprocs);
	for (int i = 0; i < nprocs; i++) {
		struct proc *pr = &procs[i];
		for (int p = 0; p < 2; p++) {
			if (!pr->in[p])
				continue;
			struct rng b = { 0xB1D0000ull + (uint64_t)i * 2 + (uint64_t)p };
			switch (pr->cls) {
			case C_COMMUNE: bind_communes(&b, pr, p, 0.5 + 0.5 * rndf(&b)); break;
			case C_DC: bind_district(&b, pr, p); bind_communes(&b, pr, p, 0.3 + 0.4 * rndf(&b)); break;
			case C_DISTRICT: bind_district(&b, pr, p); break;
			case C_PD: bind_province(&b, pr, p); bind_district(&b, pr, p); break;
			default: bind_province(&b, pr, p); break;
			}
			if (pr->nb[p])
				by_class[p][pr->cls][nby_class[p][pr->cls]++] = i;
		}
	}
}

static void write_catalogs(const char *dir)
{
	static const char *ONLINE[] = { "toàn trình", "một phần", "" };
	for (int p = 0; p < 2; p++) {
		struct rng g = { 0x0111E000ull + (uint64_t)p };
		char *path = xprintf("%s/catalog-%s.csv", dir, PROV[p].code);
		FILE *f = create(path);
		fputs("MATTHC,MATTHC_DP,TENTTHC,MALINHVUC,LINHVUCTHUCHIEN,CAPTHUCHIEN,THOIGIANGIAIQUYET,DONVITINH,"
		      "PHILEPHI,MUCDO,TICHHOPDVCQG,CANCUPHAPLY,COQUANTHUCHIEN\n", f);
		size_t cap = 1 << 16;
		char *bl = xmalloc(cap);
		for (int i = 0; i < nprocs; i++) {
			const struct proc *pr = &procs[i];
			if (!pr->in[p])
				continue;
			char local[40], tl[8], name[300], legal[120];
			snprintf(local, sizeof local, "%s.000.00.00.%s", pr->code, PROV[p].l1);
			snprintf(tl, sizeof tl, "%d", pr->tl[p]);
			snprintf(name, sizeof name, "%s %s (%s)", VERBS[pr->verb], FIELDS[pr->field].topic, pr->code);
			snprintf(legal, sizeof legal, "Nghị định %d/2024/NĐ-CP; Thông tư %d/2025/TT-B%s",
				 10 + (int)(pr->code[7] - '0') * 13, 1 + (pr->code[6] - '0'),
				 FIELDS[pr->field].code + 4);
			size_t len = 0;
			for (int k = 0; k < pr->nb[p]; k++) {
				if (len + 64 > cap)
					bl = xrealloc(bl, cap *= 2);
				len += (size_t)snprintf(bl + len, cap - len, "%s%s%s", k ? "; " : "",
							ags[p][pr->b[p][k]].code, rndf(&g) < 0.5 ? ":online" : "");
			}
			bl[len] = '\0';
			cell(f, pr->code, 0);
			cell(f, local, 0);
			cell(f, name, 0);
			cell(f, FIELDS[pr->field].code, 0);
			cell(f, FIELDS[pr->field].name, 0);
			cell(f, LEVELS[pr->cls], 0);
			cell(f, pr->tl[p] ? tl : "", 0);
			cell(f, pr->tl[p] ? (pr->unit ? "ngày làm việc" : "ngày") : "", 0);
			cell(f, FEES[pr->fee[p]], 0);
			cell(f, ONLINE[pr->online[p]], 0);
			cell(f, pr->portal[p] ? "có" : "không", 0);
			cell(f, legal, 0);
			cell(f, bl, 1);
		}
		free(bl);
		finish(f, path);
	}
}

/* --- dossiers ------------------------------------------------------------------------------- */

/* Days since 1970-01-01 <-> civil date (H. Hinnant's algorithms). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int weekday(long z)           /* 0 = Monday */
{
	return (int)((z + 3) % 7);
}

static void write_dossiers(const char *dir, double scale)
{
	static const char *STATUS[] = { "đã tiếp nhận", "đang xử lý", "đang xử lý", "chờ bổ sung" };
	static const double WEIGHT[NCLASS] = { 0.55, 0.10, 0.20, 0.03, 0.12 };
	long total = (long)(1e7 * scale + 0.5);
	long first = days_from_civil(2025, 3, 3), last = days_from_civil(2025, 6, 30);
	long days[200];
	int ndays = 0;
	for (long z = first; z <= last; z++)
		if (weekday(z) < 5)
			days[ndays++] = z;
	for (int p = 0; p < 2; p++) {
		struct rng g = { 0xD055E500ull + (uint64_t)p };
		long n = p == 0 ? (long)((double)total * norder[0] / nocs + 0.5) : total - (long)((double)total * norder[0] / nocs + 0.5);
		char *path = xprintf("%s/dossiers-%s.csv", dir, PROV[p].code);
		FILE *f = create(path);
		static char obuf[1 << 20];
		setvbuf(f, obuf, _IOFBF, sizeof obuf);
		fputs("dossier_code,national_code,agency_code,commune_code,hamlet,status,received,due\n", f);
		int *lastday = xmalloc(sizeof(int) * (size_t)nags[p]);
		int *seq = xcalloc((size_t)nags[p], sizeof(int));
		for (int i = 0; i < nags[p]; i++)
			lastday[i] = -1;
		double cum[NCLASS], wsum = 0;
		for (int c = 0; c < NCLASS; c++)
			wsum += nby_class[p][c] ? WEIGHT[c] : 0;
		for (int c = 0; c < NCLASS; c++)
			cum[c] = (c ? cum[c - 1] : 0) + (nby_class[p][c] ? WEIGHT[c] / wsum : 0);
		for (int di = 0; di < ndays; di++) {
			long cnt = n * (di + 1) / ndays - n * di / ndays;
			int y, m, d;
			civil_from_days(days[di], &y, &m, &d);
			for (long k = 0; k < cnt; k++) {
				double r = rndf(&g);
				int c = 0;
				while (c < NCLASS - 1 && r >= cum[c])
					c++;
				const struct proc *pr = &procs[by_class[p][c][rnd(&g, (uint32_t)nby_class[p][c])]];
				int ai = pr->b[p][rnd(&g, (uint32_t)pr->nb[p])];
				const struct ag *a = &ags[p][ai];
				if (lastday[ai] != di) {
					lastday[ai] = di;
					seq[ai] = 0;
				}
				int s = ++seq[ai];
				int oc;
				if (a->oc >= 0)
					oc = a->oc;
				else if (a->group >= 0)
					oc = order[p][grps[a->group].first + (int)rnd(&g, (uint32_t)grps[a->group].count)];
				else
					oc = order[p][rnd(&g, (uint32_t)norder[p])];
				char hamlet[24] = "";
				if (rndf(&g) < 0.15)
					snprintf(hamlet, sizeof hamlet, "%s %u", rnd(&g, 2) ? "Ấp" : "Thôn", 1 + rnd(&g, 15));
				char due[12] = "";
				if (pr->tl[p]) {
					long z = days[di];
					if (pr->unit) {
						for (int w = 0; w < pr->tl[p];)
							if (weekday(++z) < 5)
								w++;
					} else {
						z += pr->tl[p];
					}
					int yy, mm, dd;
					civil_from_days(z, &yy, &mm, &dd);
					snprintf(due, sizeof due, "%04d-%02d-%02d", yy, mm, dd);
				}
				fprintf(f, "%s-%02d%02d%02d-%06d,%s,%s,%s,%s,%s,%04d-%02d-%02d,%s\n", a->code, y % 100, m, d,
					s, pr->code, a->code, ocs[oc].code, hamlet, STATUS[rnd(&g, 4)], y, m, d, due);
			}
		}
		free(lastday);
		free(seq);
		finish(f, path);
	}
}

/* The allocation rules for recode: departments as the default file says; commune committees in
 * the level-2 groups above province 75's districts (then, should those be short, the free codes
 * inside its district groups). */
static void write_rules(const char *dir)
{
	char *path = xprintf("%s/allocation.csv", dir);
	FILE *f = create(path);
	fputs("kind,pattern,first,last,note\n"
	      "department,000.00.{n}.{l1},1,20,departments that need a new number\n", f);
	int room = (LAST_L2 - first_free_l2 + 1) * LAST_L2;
	for (int l2 = first_free_l2; l2 <= LAST_L2; l2++)
		fprintf(f, "commune-committee,000.{n}.%02d.{l1},1,98,generated: above the old district groups\n", l2);
	if (room < nnew)
		for (int l2 = FIRST_DISTRICT_L2; l2 < first_free_l2; l2++)
			fprintf(f, "commune-committee,000.{n}.%02d.{l1},1,98,generated: free codes of an old group\n", l2);
	finish(f, path);
}

int main(int argc, char **argv)
{
	const char *out = NULL, *units = "../shared/data/units/nso-conversion-2025.flat.csv", *maps = "mappings";
	double scale = 1;
	int synthetic = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--scale") && i + 1 < argc) {
			char *end;
			scale = strtod(argv[++i], &end);
			if (*end || scale < 0 || scale > 100)
				die("--scale must be a number from 0 to 100", argv[i]);
		} else if (!strcmp(argv[i], "--units") && i + 1 < argc) {
			units = argv[++i];
		} else if (!strcmp(argv[i], "--mappings") && i + 1 < argc) {
			maps = argv[++i];
		} else if (!strcmp(argv[i], "--synthetic")) {
			synthetic = 1;
		} else if (argv[i][0] == '-' || out) {
			fprintf(stderr, "usage: gen OUTDIR [--scale N] [--units FILE] [--mappings DIR] [--synthetic]\n");
			return 2;
		} else {
			out = argv[i];
		}
	}
	if (!out) {
		fprintf(stderr, "usage: gen OUTDIR [--scale N] [--units FILE] [--mappings DIR] [--synthetic]\n");
		return 2;
	}
	if (mkdir(out, 0777) && errno != EEXIST)
		die("cannot create", out);
	for (int i = 0; i < 100000; i++)
		oc_by_code[i] = -1;
	struct stat sb;
	if (!synthetic && stat(units, &sb) == 0)
		load_real(units);
	else
		load_synthetic();
	load_departments(maps);
	make_groups();
	if ((LAST_L2 - first_free_l2 + 1) * LAST_L2 + (first_free_l2 - FIRST_DISTRICT_L2) * (LAST_L2 - 8 - GROUP_MAX) < nnew)
		die("no room for the new communes' committees in 2-digit groups", NULL);
	write_units(out);
	write_rules(out);
	write_agencies(out);
	make_catalogs();
	write_catalogs(out);
	write_dossiers(out, scale);
	long nb = 0;
	for (int i = 0; i < nprocs; i++)
		nb += procs[i].nb[0] + procs[i].nb[1];
	fprintf(stderr, "gen: %s from %s: old_communes=%d (70: %d, 75: %d) new_communes=%d districts=%d "
		"agencies=%d procedures=%d+%d bindings=%ld dossiers=%ld\n", out,
		synthetic || stat(units, &sb) ? "synthetic units" : units, nocs, norder[0], norder[1], nnew, ngrps,
		nags[0] + nags[1], nby_class[0][0] + nby_class[0][1] + nby_class[0][2] + nby_class[0][3] + nby_class[0][4],
		nby_class[1][0] + nby_class[1][1] + nby_class[1][2] + nby_class[1][3] + nby_class[1][4], nb,
		(long)(1e7 * scale + 0.5));
	return 0;
}
