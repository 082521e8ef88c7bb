/* catalog.h - procedure catalogs (danh mục TTHC) and in-flight dossiers, as the readers hand
 * them to the importers.
 *
 * Catalog CSV: one row per procedure, header names (ours, or the national database's aliases):
 *   national_code  MATTHC            "1.001612"
 *   local_code     MATTHC_DP         "1.001612.000.00.00.H10" (optional)
 *   name           TENTTHC
 *   field_code     MALINHVUC         "G15-TP07"
 *   field_name     LINHVUCTHUCHIEN
 *   levels         CAPTHUCHIEN       "Cấp Tỉnh; Cấp Huyện; Cấp Xã" (or province;district;commune)
 *   time_limit     THOIGIANGIAIQUYET "15" (a number; may be empty)
 *   time_unit      DONVITINH         "ngày làm việc" / "working-day" / "day" / "hour"
 *   fee            PHILEPHI          free text as published ("50.000 đồng/hồ sơ")
 *   online_level   MUCDO             "toàn trình" / "một phần" / "" (full / partial / none)
 *   portal         TICHHOPDVCQG      "có"/"không", "yes"/"no", "1"/"0"
 *   legal_basis    CANCUPHAPLY
 *   agencies       COQUANTHUCHIEN    bindings: "CODE[:online]; CODE[:online]; ..." (":online" =
 *                                    the agency receives this procedure online)
 * Catalog XML: schema/catalog.xsd (namespace urn:sapnhap:catalog:1).
 *
 * Dossier CSV (header required):
 *   dossier_code,national_code,agency_code,commune_code,hamlet,status,received,due
 *   commune_code = the applicant's OLD commune (5 digits); hamlet optional; dates YYYY-MM-DD.
 */
#ifndef SN_CATALOG_H
#define SN_CATALOG_H

#include <stddef.h>
#include "text.h"

/* One procedure with its bindings, as read. Strings UTF-8, never NULL ("" when absent), valid
 * during the callback. */
/* Most bindings of one procedure, in every format (CSV and XML alike): a catalog binds a
 * procedure to every commune committee of a province at most, some thousands. A file with more
 * is refused with the position, never cut short. */
#define SN_MAX_BINDINGS 1000000

struct sn_binding_rec {
	const char *agency;
	int online;           /* receives this procedure online */
};

struct sn_procedure_rec {
	const char *national_code, *local_code, *name, *field_code, *field_name, *levels;
	const char *time_limit, *time_unit, *fee, *online_level, *portal, *legal_basis;
	const struct sn_binding_rec *bindings;
	size_t nbindings;
};

typedef int (*sn_procedure_fn)(void *ctx, const struct sn_procedure_rec *p, const char *pos);

/* Reads a catalog in our XML format, validated against schema/catalog.xsd while streaming.
 * Returns 0, SN_DATA with "file.xml:LINE: what" in err, SN_IO, or the callback's value.
 * Records before an error have reached the callback (the importer is all-or-nothing). */
int sn_catalog_xml_read(const char *path, sn_procedure_fn fn, void *ctx, char *err, size_t errlen);

/* Reads a catalog CSV (columns above, ours or the national database's names, any order; an XLSX
 * sheet works too), calling FN per row with its position ("file.csv:17"). Same contract as
 * sn_catalog_xml_read: 0, SN_DATA with the message in err (unreadable table, missing header
 * columns), SN_IO, or the callback's value (err then empty: the callback reported it). */
int sn_catalog_csv_read(const char *path, sn_encoding enc, sn_procedure_fn fn, void *ctx, char *err,
			size_t errlen);

/* Reads a catalog in either form: XML when the file starts as XML does (sn_looks_like_xml), else
 * CSV in ENC. The contract of the two above. */
int sn_catalog_read(const char *path, sn_encoding enc, sn_procedure_fn fn, void *ctx, char *err, size_t errlen);

/* A record's values as the importer stores them, each field read by its type (values.h: the
 * one table of spellings that the decisions file uses too), every text cleaned (NFC, white
 * space):
 *   levels        "province,district,commune" or a subset in that order ("" when none given):
 *                 "Cấp Huyện; Cấp Xã" -> "district,commune";
 *   time_limit    a number ("1,5" -> 1.5), has_time_limit 0 when the cell is empty; the cell may
 *                 carry its unit ("2 ngày làm việc") when time_unit is empty or the same unit;
 *   time_unit     "working-day", "day", "hour", "month" or "" ("ngày làm việc" -> "working-day");
 *   online_level  "full", "partial" or "none" ("toàn trình" -> "full", "3" -> "partial",
 *                 "" -> "none");
 *   portal        1 or 0 ("có", "yes", "x", "true" -> 1; "" -> 0);
 *   fee           as published; a whole cell saying there is none ("miễn phí") -> "Không";
 *   field code    no white space, at most 20 characters.
 * text[] holds the twelve fields in the order of struct sn_procedure_rec, in their stored form
 * ("" when absent). */
enum { SN_PROC_NFIELDS = 12 };
/* The fields, in that order (then the agencies column of a CSV, which holds the bindings). */
enum { SN_P_NAT, SN_P_LOCAL, SN_P_NAME, SN_P_FCODE, SN_P_FNAME, SN_P_LEVELS, SN_P_TIME, SN_P_UNIT,
       SN_P_FEE, SN_P_ONLINE, SN_P_PORTAL, SN_P_LEGAL, SN_P_AGENCIES, SN_P_NCOLS };
struct sn_procedure_values {
	char *text[SN_PROC_NFIELDS];  /* owned */
	char levels[40];
	int has_time_limit;
	double time_limit;
	const char *time_unit, *online_level;  /* static strings */
	int portal;
};

/* Normalises P into V. Returns 0, or SN_DATA with the reason in err (without the position):
 * text that is not UTF-8, a national code not shaped like 1.001612, a value outside its type (the
 * message names the accepted spellings). Empty names and levels are the importer's business. On
 * success release V with sn_procedure_values_release. */
int sn_procedure_values(const struct sn_procedure_rec *p, struct sn_procedure_values *v, char *err,
			size_t errlen);
void sn_procedure_values_release(struct sn_procedure_values *v);

#endif
