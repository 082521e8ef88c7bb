/* agency.h - agency registry records, as the CSV and XML readers hand them to the importer.
 *
 * CSV columns (header row required, any order):
 *   code,name,kind,parent_code,unit_code,address,phone,email,status
 * XML: schema/agencies.xsd (namespace urn:sapnhap:agencies:1).
 */
#ifndef SN_AGENCY_H
#define SN_AGENCY_H

#include <stddef.h>
#include "text.h"

/* Kinds of agency. The text forms are what the files carry. */
#define SN_AGENCY_KINDS \
	X(PROVINCE_COMMITTEE, "province-committee")  /* Ủy ban nhân dân tỉnh: 000.00.00.Hxx */ \
	X(PROVINCE_COUNCIL, "province-council")      /* Hội đồng nhân dân tỉnh: 000.00.00.Kxx */ \
	X(DEPARTMENT, "department")                  /* Sở, ban, ngành: level 2 */ \
	X(DEPARTMENT_UNIT, "department-unit")        /* units under a department: level 3 */ \
	X(DISTRICT_COMMITTEE, "district-committee")  /* UBND huyện (abolished 2025): level 2 */ \
	X(DISTRICT_OFFICE, "district-office")        /* Phòng under a district committee */ \
	X(COMMUNE_COMMITTEE, "commune-committee")    /* UBND xã, phường, đặc khu */ \
	X(SERVICE_UNIT, "service-unit")              /* schools, clinics, centres */ \
	X(OTHER, "other")

enum sn_agency_kind {
#define X(id, text) SN_KIND_##id,
	SN_AGENCY_KINDS
#undef X
	SN_KIND_COUNT
};

/* Text form of a kind, and back (-1 when unknown). */
const char *sn_agency_kind_name(enum sn_agency_kind k);
int sn_agency_kind_parse(const char *s);

/* One record as read. Strings are UTF-8, never NULL ("" when absent), valid during the callback.
 * status is "active" or "closed" (readers pass it as written; the importer checks it). */
struct sn_agency_rec {
	const char *code, *name, *kind, *parent_code, *unit_code;
	const char *address, *phone, *email, *status;
};

/* Called per record with its position ("file.xml:17"); a non-zero return stops the reader and is
 * returned by it. */
typedef int (*sn_agency_fn)(void *ctx, const struct sn_agency_rec *r, const char *pos);

/* Reads an agency registry in our XML format, validated against schema/agencies.xsd (embedded in
 * the binary) while streaming. Returns 0, SN_DATA with "file.xml:LINE: what" in err (malformed,
 * not valid, DOCTYPE), SN_IO when the file cannot be read, SN_INTERNAL when the built-in schema
 * does not load or memory runs out, or the callback's return value. Records before an error have
 * already reached the callback: the caller treats the file as all-or-nothing (one transaction). */
int sn_agency_xml_read(const char *path, sn_agency_fn fn, void *ctx, char *err, size_t errlen);

/* The columns of a registry CSV, in the order of struct sn_agency_rec. */
enum { SN_A_CODE, SN_A_NAME, SN_A_KIND, SN_A_PARENT, SN_A_UNIT, SN_A_ADDRESS, SN_A_PHONE, SN_A_EMAIL,
       SN_A_STATUS, SN_A_NCOLS };
extern const char *const sn_agency_columns[SN_A_NCOLS];

/* Reads a registry CSV (or an XLSX sheet with the same header): header names select the columns,
 * code, name and kind are required. Same contract as sn_agency_xml_read; err is empty when the
 * callback's own error stopped it. */
int sn_agency_csv_read(const char *path, sn_encoding enc, sn_agency_fn fn, void *ctx, char *err,
		       size_t errlen);

/* Reads a registry in either form: XML when the file starts as XML does (sn_looks_like_xml), else
 * CSV in ENC. The contract of the two above. */
int sn_agency_read(const char *path, sn_encoding enc, sn_agency_fn fn, void *ctx, char *err, size_t errlen);

#endif
