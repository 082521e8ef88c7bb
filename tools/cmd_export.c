/* cmd_export.c - 'sapnhap export': the merged province's files, for the systems that take them
 * over and for the reviewers, written from the working database into one directory:
 *
 *   catalog.csv|xml    the merged catalog: one entry per procedure with its agencies (the format
 *                      'sapnhap catalog import' reads: our CSV columns, or schema/catalog.xsd)
 *   agencies.csv|xml   the merged code table (the format 'sapnhap agencies import' reads)
 *   crosswalk.csv|xml  what 'sapnhap crosswalk --format csv|xml' prints (the same writer)
 *   review.csv|xml     the whole review queue, open and resolved (schema/review.xsd)
 *
 * With --province CODE the catalog and agency files hold that old province's imports instead,
 * which is what makes the formats testable as a round trip: the merged files imported into a
 * fresh database as province 75 and exported again with --province 75 give the same bytes.
 *
 * The files are written to temporary names in the directory and renamed only once all of them
 * are complete, so a failed export leaves no half file and does not mix old and new files. The
 * database is read in one transaction: the files describe one state of it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "address.h"
#include "agcode.h"
#include "cli.h"
#include "options.h"
#include "csv.h"
#include "rows.h"
#include "db.h"
#include "crosswalk.h"
#include "outfile.h"
#include "units.h"
#include "reassign.h"
#include "xlsxout.h"
#include "banned.h"

enum { F_CATALOG, F_AGENCIES, F_CROSSWALK, F_REVIEW, F_ADDRESSES, NFILES };
static const char *const FILE_NAMES[NFILES] = { "catalog", "agencies", "crosswalk", "review", "addresses" };

struct ex {
	struct sn_ctx *ctx;
	enum sn_format fmt;          /* SN_FMT_CSV or SN_FMT_XML */
	enum sn_notation notation;   /* of every agency code written */
	int merged;                  /* the merged catalog; else the imports of 'province' */
	char province[16];           /* the merged province, or --province */
	long rows[NFILES];
	long bindings, open_items;
	long conflict_procs, conflict_fields;  /* merged fields still awaiting a decision */
	long unitless;               /* time limits without a unit, which catalog.xsd cannot hold */
};

/* CODE in the notation asked for (as written when it cannot be shown in it, or is too long). */
static const char *code_shown(const struct ex *e, const char *code, char *buf, size_t len)
{
	if (strlen(code) >= len)
		return code;
	return sn_agcode_display(code, e->notation, buf, len);
}

/* The shortest plain decimal that reads back as V: 15 -> "15", 0.5 -> "0.5" (no exponent, which
 * catalog.xsd's time limit does not allow). */
static void number(double v, char *out, size_t len)
{
	for (int prec = 0; prec <= 17; prec++) {
		snprintf(out, len, "%.*f", prec, v);
		if (strtod(out, NULL) == v)
			return;
	}
}

static void xml_element(FILE *f, const char *indent, const char *name, const char *value)
{
	fprintf(f, "%s<%s>", indent, name);
	sn_xml_text(f, value);
	fprintf(f, "</%s>\n", name);
}

/* --- catalog ----------------------------------------------------------------------------------- */

enum { C_NAT, C_LOCAL, C_NAME, C_FCODE, C_FNAME, C_LEVELS, C_TIME, C_UNIT, C_FEE, C_ONLINE,
       C_PORTAL, C_LEGAL, C_CONFLICTS };

/* One procedure's bindings, in code order: <binding> elements in XML; in CSV one cell
 * "CODE:online; CODE" (built whole, so that it is quoted and neutralised like any other cell: an
 * old registry may hold a code that fits no notation). */
static int write_bindings(struct ex *e, FILE *f, sqlite3_stmt *b, const char *national_code)
{
	int r, first = 1;
	sqlite3_str *cell = e->fmt == SN_FMT_CSV ? sqlite3_str_new(e->ctx->db) : NULL;
	sqlite3_reset(b);
	sqlite3_bind_text(b, 1, e->province, -1, SQLITE_STATIC);
	sqlite3_bind_text(b, 2, national_code, -1, SQLITE_TRANSIENT);
	while ((r = sn_step(e->ctx, b)) == SQLITE_ROW) {
		char buf[64];
		const char *code = code_shown(e, sn_col(b, 0), buf, sizeof buf);
		int online = sqlite3_column_int(b, 1);
		e->bindings++;
		if (cell) {
			sqlite3_str_appendf(cell, "%s%s%s", first ? "" : "; ", code, online ? ":online" : "");
		} else {
			fputs("    <binding", f);
			sn_xml_attr(f, "agency", code);
			fputs(online ? " receives-online=\"true\"/>\n" : "/>\n", f);
		}
		first = 0;
	}
	if (cell) {
		if (sqlite3_str_errcode(cell) != SQLITE_OK)
			r = -1;
		char *s = sqlite3_str_finish(cell);
		if (r >= 0)
			sn_csv_write_cell(f, s);
		sqlite3_free(s);
	}
	return r < 0 ? SN_IO : 0;
}

static int write_catalog(struct ex *e, FILE *f)
{
	struct sn_ctx *ctx = e->ctx;
	int rc = SN_IO, r;
	sqlite3_stmt *p = sn_prepare(ctx, e->merged ?
		"SELECT national_code, local_code, name, field_code, field_name, levels, time_limit, time_unit, "
		"fee, online_level, portal, legal_basis, conflicts FROM merged_procedure ORDER BY national_code" :
		"SELECT national_code, local_code, name, field_code, field_name, levels, time_limit, time_unit, "
		"fee, online_level, portal, legal_basis, 0 FROM procedure WHERE province = ?1 ORDER BY national_code");
	/* The merged bindings are the active ones of the merged province's catalog; an old province's
	 * are those its import made (reassign sets them inactive, never deletes them). A binding to a
	 * code outside the table is impossible after reassign's checks, but would still be written. */
	sqlite3_stmt *b = sn_prepare(ctx, e->merged ?
		"SELECT b.agency_code, b.online FROM binding b LEFT JOIN code_table c ON c.code = b.agency_code "
		"WHERE b.catalog = ?1 AND b.national_code = ?2 AND b.active "
		"ORDER BY c.sort_key IS NULL, c.sort_key, b.agency_code" :
		"SELECT b.agency_code, b.online FROM binding b LEFT JOIN agency a ON a.code = b.agency_code "
		"WHERE b.catalog = ?1 AND b.national_code = ?2 AND b.from_binding IS NULL "
		"ORDER BY a.sort_key IS NULL, a.sort_key, b.agency_code");
	if (!p || !b)
		goto done;
	if (!e->merged)
		sqlite3_bind_text(p, 1, e->province, -1, SQLITE_STATIC);
	if (e->fmt == SN_FMT_XML) {
		sn_xml_root(f, "catalog", e->province);
	} else {
		fputs("national_code,local_code,name,field_code,field_name,levels,time_limit,time_unit,fee,"
		      "online_level,portal,legal_basis,agencies\n", f);
	}
	while ((r = sn_step(ctx, p)) == SQLITE_ROW) {
		const char *v[C_CONFLICTS];
		for (int i = 0; i < C_CONFLICTS; i++)
			v[i] = sn_col(p, i);
		int conflicts = sqlite3_column_int(p, C_CONFLICTS);
		char limit[400] = "", levels[40];
		if (sqlite3_column_type(p, C_TIME) != SQLITE_NULL)
			number(sqlite3_column_double(p, C_TIME), limit, sizeof limit);
		/* "province,commune" as the CSV form documents it ("province;commune"). */
		snprintf(levels, sizeof levels, "%s", v[C_LEVELS]);
		for (char *s = levels; *s; s++)
			if (*s == ',')
				*s = ';';
		const char *portal = sqlite3_column_type(p, C_PORTAL) == SQLITE_NULL ? "" :
				     sqlite3_column_int(p, C_PORTAL) ? "1" : "0";
		if (conflicts > 0) {
			e->conflict_procs++;
			e->conflict_fields += conflicts;
		}
		e->rows[F_CATALOG]++;
		if (e->fmt == SN_FMT_CSV) {
			const char *cells[C_CONFLICTS] = { v[C_NAT], v[C_LOCAL], v[C_NAME], v[C_FCODE], v[C_FNAME],
							   levels, limit, v[C_UNIT], v[C_FEE], v[C_ONLINE],
							   *portal ? (*portal == '1' ? "yes" : "no") : "", v[C_LEGAL] };
			for (int i = 0; i < C_CONFLICTS; i++) {
				sn_csv_write_cell(f, cells[i]);
				fputc(',', f);
			}
			if ((rc = write_bindings(e, f, b, v[C_NAT])))
				goto done;
			fputc('\n', f);
			continue;
		}
		fputs("  <procedure", f);
		sn_xml_attr(f, "national-code", v[C_NAT]);
		if (*v[C_LOCAL])
			sn_xml_attr(f, "local-code", v[C_LOCAL]);
		fputs(">\n", f);
		/* Written even when empty (a name awaiting a decision): catalog.xsd then refuses the file,
		 * as 'catalog import' would refuse the procedure. */
		xml_element(f, "    ", "name", v[C_NAME]);
		if (*v[C_FCODE] || *v[C_FNAME]) {
			fputs("    <field", f);
			if (*v[C_FCODE])
				sn_xml_attr(f, "code", v[C_FCODE]);
			fputc('>', f);
			sn_xml_text(f, v[C_FNAME]);
			fputs("</field>\n", f);
		}
		for (const char *s = v[C_LEVELS]; *s;) {
			size_t n = strcspn(s, ",");
			fprintf(f, "    <level>%.*s</level>\n", (int)n, s);
			s += n + (s[n] == ',');
		}
		if (*limit && *v[C_UNIT]) {
			fputs("    <time-limit", f);
			sn_xml_attr(f, "unit", v[C_UNIT]);
			fprintf(f, ">%s</time-limit>\n", limit);
		} else if (*limit) {
			e->unitless++;
		}
		if (*v[C_FEE])
			xml_element(f, "    ", "fee", v[C_FEE]);
		if (*v[C_ONLINE])
			xml_element(f, "    ", "online-level", v[C_ONLINE]);
		if (*portal)
			xml_element(f, "    ", "portal", *portal == '1' ? "true" : "false");
		if (*v[C_LEGAL])
			xml_element(f, "    ", "legal-basis", v[C_LEGAL]);
		if ((rc = write_bindings(e, f, b, v[C_NAT])))
			goto done;
		fputs("  </procedure>\n", f);
	}
	if (r < 0)
		goto done;
	if (e->fmt == SN_FMT_XML)
		fputs("</catalog>\n", f);
	rc = 0;
done:
	sqlite3_finalize(p);
	sqlite3_finalize(b);
	return rc;
}

/* --- agencies ---------------------------------------------------------------------------------- */

enum { A_CODE, A_NAME, A_KIND, A_PARENT, A_UNIT, A_ADDRESS, A_PHONE, A_EMAIL, A_STATUS, NACOLS };

static int write_agencies(struct ex *e, FILE *f)
{
	int r;
	/* The code table holds the codes in force: all active. */
	sqlite3_stmt *st = sn_prepare(e->ctx, e->merged ?
		"SELECT code, name, kind, parent_code, unit_code, address, phone, email, 'active' "
		"FROM code_table ORDER BY sort_key, code" :
		"SELECT code, name, kind, parent_code, unit_code, address, phone, email, status "
		"FROM agency WHERE province = ?1 ORDER BY sort_key, code");
	if (!st)
		return SN_IO;
	if (!e->merged)
		sqlite3_bind_text(st, 1, e->province, -1, SQLITE_STATIC);
	if (e->fmt == SN_FMT_XML) {
		sn_xml_root(f, "agencies", e->province);
	} else {
		fputs("code,name,kind,parent_code,unit_code,address,phone,email,status\n", f);
	}
	while ((r = sn_step(e->ctx, st)) == SQLITE_ROW) {
		const char *v[NACOLS];
		char code[64], parent[64];
		for (int i = 0; i < NACOLS; i++)
			v[i] = sn_col(st, i);
		v[A_CODE] = code_shown(e, v[A_CODE], code, sizeof code);
		v[A_PARENT] = code_shown(e, v[A_PARENT], parent, sizeof parent);
		e->rows[F_AGENCIES]++;
		if (e->fmt == SN_FMT_CSV) {
			sn_rows_write_values(f, SN_FMT_CSV, v, NULL, NACOLS, 0);
			continue;
		}
		fputs("  <agency", f);
		sn_xml_attr(f, "code", v[A_CODE]);
		sn_xml_attr(f, "kind", v[A_KIND]);
		sn_xml_attr(f, "status", v[A_STATUS]);
		fputs(">\n", f);
		xml_element(f, "    ", "name", v[A_NAME]);
		static const char *const tags[NACOLS] = { [A_PARENT] = "parent", [A_UNIT] = "unit",
			[A_ADDRESS] = "address", [A_PHONE] = "phone", [A_EMAIL] = "email" };
		for (int i = A_PARENT; i <= A_EMAIL; i++)
			if (*v[i])
				xml_element(f, "    ", tags[i], v[i]);
		fputs("  </agency>\n", f);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (e->fmt == SN_FMT_XML)
		fputs("</agencies>\n", f);
	return 0;
}

/* --- review queue ------------------------------------------------------------------------------ */

enum { R_ID, R_STEP, R_STATUS, R_SUBJECT, R_FIELD, R_REASON, R_DETAIL, NRCOLS };

static int write_review(struct ex *e, FILE *f)
{
	int r;
	sqlite3_stmt *st = sn_prepare(e->ctx, "SELECT id, step, status, subject, field, reason, detail "
					      "FROM review ORDER BY id");
	if (!st)
		return SN_IO;
	if (e->fmt == SN_FMT_XML) {
		sn_xml_root(f, "review", e->province);
	} else {
		fputs("id,step,status,subject,field,reason,detail\n", f);
	}
	while ((r = sn_step(e->ctx, st)) == SQLITE_ROW) {
		const char *v[NRCOLS];
		for (int i = 0; i < NRCOLS; i++)
			v[i] = sn_col(st, i);
		e->rows[F_REVIEW]++;
		if (!strcmp(v[R_STATUS], "open"))
			e->open_items++;
		if (e->fmt == SN_FMT_CSV) {
			sn_rows_write_values(f, SN_FMT_CSV, v, NULL, NRCOLS, 0);
			continue;
		}
		fputs("  <item", f);
		sn_xml_attr(f, "id", v[R_ID]);
		sn_xml_attr(f, "step", v[R_STEP]);
		sn_xml_attr(f, "status", v[R_STATUS]);
		fputs(">\n", f);
		xml_element(f, "    ", "subject", v[R_SUBJECT]);
		if (*v[R_FIELD])
			xml_element(f, "    ", "field", v[R_FIELD]);
		xml_element(f, "    ", "reason", v[R_REASON]);
		if (*v[R_DETAIL])
			xml_element(f, "    ", "detail", v[R_DETAIL]);
		fputs("  </item>\n", f);
	}
	sqlite3_finalize(st);
	if (r < 0)
		return SN_IO;
	if (e->fmt == SN_FMT_XML)
		fputs("</review>\n", f);
	return 0;
}

static int write_file(struct ex *e, int which, FILE *f)
{
	switch (which) {
	case F_CATALOG: return write_catalog(e, f);
	case F_AGENCIES: return write_agencies(e, f);
	case F_CROSSWALK: return sn_crosswalk_write(e->ctx, f, e->fmt, &e->notation, &e->rows[F_CROSSWALK]);
	case F_ADDRESSES: return sn_export_addresses(e->ctx, f, &e->rows[F_ADDRESSES]);
	default: return write_review(e, f);
	}
}

/* --- one workbook --------------------------------------------------------------------------------- */

/* The files as sheets of one workbook DIR/export.xlsx: each file is written as CSV (the same
 * writer, so the same rows and columns), read back and put on its sheet with every cell a string
 * (codes keep their zeros; nothing is a formula, so no apostrophe is needed) except the time limit,
 * a number. */
static int write_workbook(struct ex *e, const char *path, int nfiles)
{
	char err[1200];
	struct sn_book *b = sn_book_new(path, NULL, err, sizeof err);
	if (!b) {
		sn_error(e->ctx, "%s", err);
		return SN_IO;
	}
	int rc = 0;
	for (int i = 0; i < nfiles && !rc; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);
		if (!m) {
			rc = SN_IO;
			break;
		}
		rc = write_file(e, i, m);
		fclose(m);
		struct sn_membuf mb = { buf, len };
		sn_csv *c = rc ? NULL : sn_csv_new(sn_mem_read, &mb, NULL, FILE_NAMES[i], ',', NULL);
		char **f;
		size_t n;
		struct sn_sheet *sh = NULL;
		enum sn_cell types[32];
		while (c && sn_csv_next(c, &f, &n) == 1) {
			const char *cells[32] = { 0 };
			for (size_t k = 0; k < n && k < 32; k++)
				cells[k] = sn_csv_unneutralise(f[k]);
			if (!sh) {
				for (size_t k = 0; k < 32; k++)
					types[k] = k < n && !strcmp(f[k], "time_limit") ? SN_CELL_NUMBER : SN_CELL_TEXT;
				if (!(sh = sn_book_sheet(b, FILE_NAMES[i], (int)(n < 32 ? n : 32), cells, types)))
					rc = SN_IO;
				continue;
			}
			sn_sheet_row(sh, cells);
		}
		if (c)
			sn_csv_free(c);
		free(buf);
	}
	if (rc) {
		sn_book_abort(b);
		return rc;
	}
	if (sn_book_close(b, err, sizeof err)) {
		sn_error(e->ctx, "%s", err);
		return SN_IO;
	}
	return 0;
}

/* --- the directory ----------------------------------------------------------------------------- */


static const struct sn_usage usage = {
	.description = N_(
	"Writes the merged province's files into DIR (created if missing; files of the same\n"
	"names replaced, other files left alone), in the formats the imports read:\n"
	"  catalog.csv|xml    one entry per procedure with its agencies ('catalog import';\n"
	"                     XML: schema/catalog.xsd)\n"
	"  agencies.csv|xml   the merged code table ('agencies import'; schema/agencies.xsd)\n"
	"  crosswalk.csv|xml  as 'sapnhap crosswalk' prints it (schema/crosswalk.xsd)\n"
	"  review.csv|xml     the whole review queue, open and resolved (schema/review.xsd)\n"
	"With --format xlsx the same files are the sheets of one workbook, DIR/export.xlsx (every\n"
	"cell text, codes with their zeros, none a formula; the time limit a number).\n"
	"Run 'sapnhap reassign' first. Fields still awaiting a decision are written empty, with\n"
	"a warning and exit status 1. All files are complete before any is renamed into place.\n"
	"CSV is UTF-8 with LF line ends; a cell a spreadsheet would take for a formula (=, +, -,\n"
	"@, tab, CR first) gets a leading apostrophe, which the imports remove again.\n"),
	.examples =
	"sapnhap export --format csv --bom --out export/\n",
};

int cmd_export(struct sn_ctx *ctx, int argc, char **argv)
{
	struct ex e = { .ctx = ctx, .fmt = SN_FMT_TEXT, .notation = SN_NOTATION_QCVN, .merged = 1 };
	struct sn_outfile o[NFILES] = { { 0 } };
	char *path[NFILES] = { 0 };
	const char *dir = NULL;
	int bom = 0, nfiles = F_REVIEW + 1, rc = SN_IO, in_read = 0, old = 0, nargs, nfmt = -1;
	char err[1200], **args;
	static const char *const formats[] = { "csv", "xml", "xlsx", NULL };
	struct sn_option opts[] = {
		{ .kind = SN_OPT_CHOICE, .name = "format", .value = &nfmt, .choices = formats,
		  .flags = SN_OPT_REQUIRED, .help = N_("the file format (required)") },
		{ .kind = SN_OPT_FILE, .name = "out", .value = &dir, .argh = "DIR", .flags = SN_OPT_REQUIRED,
		  .help = N_("the directory to write into (required)") },
		OPT_FLAG("bom", &bom, "start each CSV file with a UTF-8 BOM (Excel then reads Vietnamese)"),
		OPT_NOTATION(&e.notation, NULL),
		{ .kind = SN_OPT_PROVINCE, .name = "province", .value = e.province, .given = &old,
		  .waives = NEEDS_REASSIGN, .help = N_("an old province's imported catalog and agency registry instead\n"
		  "(catalog and agencies files only)") },
		OPT_END()
	};
	if ((rc = sn_parse_options(ctx, argc, argv, opts, &usage, &args, &nargs)))
		return rc == SN_DONE ? SN_OK : rc;
	e.merged = !old;
	/* xlsx: the CSV files, each read back onto a sheet of one workbook */
	int xlsx = nfmt == 2;
	e.fmt = nfmt == 1 ? SN_FMT_XML : SN_FMT_CSV;
	if (bom && (e.fmt != SN_FMT_CSV || xlsx))
		return sn_usage_error(ctx, argv[0], "--bom applies to CSV only");

	if ((rc = sn_exec(ctx, "BEGIN")))
		return rc;
	in_read = 1;
	/* The merged catalog is there (reassign ran: NEEDS_REASSIGN in cli.c, unless --province). */
	if (e.merged) {
		char root[40];
		char target[8];
		if ((rc = sn_merged_province(ctx, target, root)))
			goto done;
		snprintf(e.province, sizeof e.province, "%s", target);
		/* The dossiers' addresses, old and new: CSV only (there is no XML schema for them). */
		int addresses = 0;
		if (e.fmt == SN_FMT_CSV && (rc = sn_export_has_addresses(ctx, &addresses)))
			goto done;
		if (addresses)
			nfiles = F_ADDRESSES + 1;
	} else {
		nfiles = F_AGENCIES + 1;
		long long n;
		if ((rc = sn_query_intf(ctx, &n, "SELECT (SELECT count(*) FROM agency WHERE province = %Q) + "
					"(SELECT count(*) FROM procedure WHERE province = %Q)", e.province, e.province)))
			goto done;
		if (!n) {
			sn_error(ctx, "nothing imported for province %s ('sapnhap agencies import', 'sapnhap "
				 "catalog import')", e.province);
			rc = SN_DATA;
			goto done;
		}
	}
	int derr = sn_mkdirs(dir);
	if (derr) {
		sn_error(ctx, "cannot create directory '%s': %s", dir, sn_strerror(derr));
		rc = SN_IO;
		goto done;
	}
	size_t dl = strlen(dir);
	const char *sep = dir[dl - 1] == '/' ? "" : "/", *ext = e.fmt == SN_FMT_XML ? "xml" : "csv";
	if (xlsx) {
		path[0] = sqlite3_mprintf("%s%sexport.xlsx", dir, sep);
		if (!path[0] || (rc = write_workbook(&e, path[0], nfiles)))
			goto done;
		fprintf(ctx->out, _("wrote %s: "), path[0]);
		fprintf(ctx->out, "procedures=%ld bindings=%ld agencies=%ld codes=%ld items=%ld open=%ld\n",
			e.rows[F_CATALOG], e.bindings, e.rows[F_AGENCIES], e.rows[F_CROSSWALK], e.rows[F_REVIEW],
			e.open_items);
		goto findings;
	}
	for (int i = 0; i < nfiles; i++) {
		path[i] = sqlite3_mprintf("%s%s%s.%s", dir, sep, FILE_NAMES[i], ext);
		if (!path[i]) {
			rc = SN_IO;
			goto done;
		}
		if ((rc = sn_outfile_open(&o[i], path[i], err, sizeof err))) {
			sn_error(ctx, "%s", err);
			goto done;
		}
		setvbuf(o[i].f, NULL, _IOFBF, 1 << 16);
		if (bom)
			fputs("\xEF\xBB\xBF", o[i].f);
		if ((rc = write_file(&e, i, o[i].f)))
			goto done;
		if ((rc = sn_outfile_close(&o[i], err, sizeof err))) {
			sn_error(ctx, "%s", err);
			goto done;
		}
	}
	/* What would stop a rename half-way through the set is checked first: a directory in the
	 * way of one of the names. */
	for (int i = 0; i < nfiles; i++) {
		struct stat st;
		if (stat(path[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			sn_error(ctx, "cannot replace '%s': %s", path[i], sn_strerror(EISDIR));
			rc = SN_IO;
			goto done;
		}
	}
	for (int i = 0; i < nfiles; i++)
		if ((rc = sn_outfile_rename(&o[i], err, sizeof err))) {
			sn_error(ctx, "%s", err);
			goto done;
		}
	for (int i = 0; i < nfiles; i++) {
		fprintf(ctx->out, _("wrote %s: "), path[i]);
		switch (i) {
		case F_CATALOG: fprintf(ctx->out, "procedures=%ld bindings=%ld\n", e.rows[i], e.bindings); break;
		case F_AGENCIES: fprintf(ctx->out, "agencies=%ld\n", e.rows[i]); break;
		case F_CROSSWALK: fprintf(ctx->out, "codes=%ld\n", e.rows[i]); break;
		case F_ADDRESSES: fprintf(ctx->out, "addresses=%ld\n", e.rows[i]); break;
		default: fprintf(ctx->out, "items=%ld open=%ld\n", e.rows[i], e.open_items); break;
		}
	}
findings:
	rc = SN_OK;
	if (e.conflict_procs) {
		sn_warn(ctx, "%ld procedure(s) have %ld field(s) awaiting a decision, written empty: see "
			"'sapnhap queue --step reassign', then 'sapnhap reassign --decisions FILE --force'",
			e.conflict_procs, e.conflict_fields);
		rc = SN_FINDINGS;
	}
	if (e.unitless) {
		sn_warn(ctx, "%ld procedure(s) have a time limit without its unit, left out of %s "
			"(catalog.xsd needs the unit)", e.unitless, path[F_CATALOG]);
		rc = SN_FINDINGS;
	}
done:
	for (int i = 0; i < NFILES; i++) {
		sn_outfile_abort(&o[i]);
		sqlite3_free(path[i]);
	}
	if (in_read)
		sqlite3_exec(ctx->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}
