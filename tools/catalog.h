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

/* One procedure with its bindings, as read. Strings UTF-8, never NULL ("" when absent), valid
 * during the callback. */
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

#endif
