/* address.h - the unit registry in memory, and addresses as citizens wrote them matched against it.
 *
 * sn_areg_load reads the unit registry of the working database once (every version of every
 * unit, the links of every event up to a date) into hash maps keyed by the text layer's name keys
 * (with tones, and without diacritics) per level, each unit knowing its parent, its province and,
 * for a unit no longer in force on the date, its successors on the date composed across events.
 * After that, matching an address or a name costs no database query: that is what lets a file of
 * millions of addresses convert at tens of thousands per second.
 *
 * An address is read from the right: [street and hamlet parts], commune, [district], [province],
 * separated by ',' ';' '-' (or a type word: "P.1 Q.3 TP.HCM"). Each part may be written in full or
 * without diacritics, in any case and Unicode form, with the type word in full, abbreviated
 * (P., P, Q., H., TX., TT., TP., X., F.; "P01", "F1") or missing; the province by a common short
 * form (TP.HCM, HCM, Sài Gòn, BR-VT, ...). A name with one or two letters wrong is corrected when
 * exactly one unit of its context (its district or province) is that close.
 */
#ifndef SN_ADDRESS_H
#define SN_ADDRESS_H

#include <stddef.h>
#include "cli.h"

typedef struct sn_areg sn_areg;

/* Loads the registry as of DATE (YYYY-MM-DD). Returns NULL after printing the error (SN_IO), or
 * when the registry is empty (message: import the units first; *rc = SN_DATA). */
sn_areg *sn_areg_load(struct sn_ctx *ctx, const char *date, int *rc);
void sn_areg_free(sn_areg *r);

/* Adds a hamlet table (CSV old_commune,hamlet,new_commune, as reassign reads it): a split
 * commune's records go to the part its hamlet is in. Returns 0, SN_DATA or SN_IO (printed). */
int sn_areg_hamlets(struct sn_ctx *ctx, sn_areg *r, const char *path);

enum sn_addr_status { SN_ADDR_CONVERTED, SN_ADDR_AMBIGUOUS, SN_ADDR_NOT_FOUND, SN_ADDR_ALREADY_NEW };
const char *sn_addr_status_name(enum sn_addr_status s);

/* Why an answer is what it is (the `reasons` field, in this order). */
enum {
	SN_AR_EXACT = 1 << 0,             /* every part matched a name exactly */
	SN_AR_DIACRITICS = 1 << 1,        /* diacritics_restored: written without (or with other) diacritics */
	SN_AR_ABBREVIATION = 1 << 2,      /* a type word abbreviated, or a province's short form */
	SN_AR_TYPO = 1 << 3,              /* typo_corrected: one or two letters differ */
	SN_AR_TYPE_DIFFERS = 1 << 4,      /* type_differs: "Xã" written for a "Thị trấn" */
	SN_AR_DISTRICT_INFERRED = 1 << 5, /* no district written */
	SN_AR_PROVINCE_INFERRED = 1 << 6, /* no province written */
	SN_AR_PROVINCE_MERGED = 1 << 7,   /* province_merged: the province written is the other side of the merger */
	SN_AR_SPLIT_POPULATION = 1 << 8,  /* a split commune: the part that took the whole population */
	SN_AR_SPLIT_HAMLET = 1 << 9,      /* a split commune: the part the hamlet table names */
	SN_AR_SPLIT = 1 << 10,            /* split: a split commune with no rule to choose a part */
	SN_AR_SEVERAL_UNITS = 1 << 11,    /* several_units: the text fits several units */
	SN_AR_NOT_CONVERTED = 1 << 12,    /* not_converted: an old commune no conversion names */
	SN_AR_DISTRICT_ONLY = 1 << 13,    /* district_only: no commune written; the district's new communes */
	SN_AR_NO_UNIT = 1 << 14           /* no_unit: nothing recognised */
};
/* Writes the ';'-separated reason names of BITS into buf. */
void sn_addr_reasons(unsigned bits, char *buf, size_t len);

struct sn_addr {
	enum sn_addr_status status;
	char *address_new;            /* malloc'ed, "" when there is none */
	char commune_code[8], province_code[8];
	const char *commune_name, *province_name;   /* owned by the registry; "" when none */
	char old_commune_code[8], old_district_code[8], old_province_code[8];
	double confidence;            /* 0-1 */
	unsigned reasons;
	char *candidates;             /* malloc'ed: every possible new commune code, ';'-separated */
};

/* Matches one address. Returns 0, or -1 when out of memory. RES's strings are freed with
 * sn_addr_release. Text that is not valid UTF-8 is not_found. */
int sn_address_match(sn_areg *r, const char *address, struct sn_addr *res);
void sn_addr_release(struct sn_addr *res);

/* --- the registry as a lookup table for 'units map --file' ------------------------------------- */

/* Units named NAME (commune or district level; type word, abbreviation, diacritics optional),
 * optionally inside DISTRICT and PROVINCE (names or codes; a province by its version in force on
 * the date or before the reform). Writes up to MAX unit handles into OUT (the exact matches, or
 * those without diacritics when there is no exact one) and returns their number (it may exceed
 * MAX), or -1 when out of memory. Old units (not in force on the date) come before units in
 * force of the same name and are preferred: only when no old unit matches are units in force
 * returned. */
int sn_areg_find(sn_areg *r, const char *name, const char *district, const char *province,
		 int *out, int max);
/* The unit version of LEVEL ("province", "district", "commune") and CODE known before the date
 * (the old unit), else the one in force; -1 when the code is unknown. */
int sn_areg_code(sn_areg *r, const char *level, const char *code);

struct sn_aunit {
	const char *level, *code, *name, *type;
	const char *district_name, *province_name;  /* "" when none */
	int in_force;                 /* in force on the date */
	int nsucc;                    /* successors on the date (0 for a unit in force: itself) */
	int not_converted;            /* an old commune no conversion names */
};
void sn_areg_unit(sn_areg *r, int u, struct sn_aunit *out);
/* Successor I of unit U on the date: code, name and share ("whole", "part", "part-population").
 * A unit in force is its own (one) successor, "whole". */
void sn_areg_succ(sn_areg *r, int u, int i, const char **code, const char **name, const char **share);

int cmd_address_convert(struct sn_ctx *ctx, int argc, char **argv);

/* 'units map --file PATH': one code or name per line, or a CSV with a header naming code or
 * name (and optionally district, province), answered from the registry in memory, one output
 * row per input row (CSV, or TEXT lines). Returns the exit status. */
int sn_units_map_file(struct sn_ctx *ctx, const char *path, const char *date, const char *district,
		      const char *province, int text);

/* 'dossiers import': the optional address column (dossier_address.c). begin loads the registry
 * as of today (NULL after printing, *rc set); sn_dossier_address binds address, address_new,
 * address_status, address_commune, address_candidates as parameters COL..COL+4 of INS (all NULL when A is NULL or
 * the address empty) and queues an ambiguous one for review. */
struct sn_daddr;
struct sn_daddr *sn_dossier_address_begin(struct sn_ctx *ctx, int *rc);
int sn_dossier_address(struct sn_daddr *a, sqlite3_stmt *ins, int col, const char *code, const char *address);
void sn_dossier_address_counts(struct sn_daddr *a, char *buf, size_t len);
void sn_dossier_address_end(struct sn_daddr *a);
/* 'export': whether any dossier carries an address; addresses.csv (dossier_code, province,
 * address, address_new, status, commune_code, candidates). */
int sn_export_has_addresses(struct sn_ctx *ctx, int *has);
int sn_export_addresses(struct sn_ctx *ctx, FILE *f, long *rows);

#endif
