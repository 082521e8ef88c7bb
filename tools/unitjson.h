/* unitjson.h - a published list of the units in force, as JSON (units-2025-07-01.json,
 * units-2026-07-25.json): an array of provinces, each with its communes.
 *
 *   [ { "Code": "75", "FullName": "Tỉnh Đồng Nai", ...,
 *       "Wards": [ { "Code": "25195", "FullName": "Phường Bình Phước", "ProvinceCode": "75" } ] } ]
 *
 * Other keys (Name, NameEn, CodeName, ...) are ignored. Parsed with jansson.
 */
#ifndef SN_UNITJSON_H
#define SN_UNITJSON_H

#include <stddef.h>

struct sn_listed {
	char level[12];      /* province, commune */
	char code[16];
	char province[16];   /* the province's code (a province: its own) */
	char *name;          /* FullName, with its type, cleaned (NFC, whitespace) */
	char pos[64];        /* JSON Pointer of the unit: "/26/Wards/3" */
};

struct sn_snapshot {
	struct sn_listed *v;
	size_t n;
};

/* Whether PATH starts (after a UTF-8 BOM and white space) with '[' or '{'. */
int sn_looks_like_json(const char *path);

/* Reads a list. On failure returns -1 (cannot read the file: errno-style message) or -2 (bad
 * data), with the message in ERR naming the file and the line (invalid JSON) or the unit's JSON
 * Pointer (a value missing or malformed), e.g.
 *   "list.json:17: invalid JSON: '}' expected near ']'"
 *   "list.json:/3/Wards/12: commune code '2519' must have 5 digits"
 * Codes are checked (2 and 5 digits, zero-padded when a number lost them), each code must be
 * listed once, and a commune's ProvinceCode, when given, must be its province's. */
int sn_snapshot_load(const char *path, struct sn_snapshot *out, char *err, size_t errlen);
void sn_snapshot_free(struct sn_snapshot *s);

/* What sn_snapshot_derive found. */
struct sn_derived {
	long units, links;
	long renamed, reclassified, moved, merged;
	long restyled;       /* names that differ only in tone placement, case or spacing: no change */
	long known;          /* with an earlier list: changes the registry has already (dropped) */
};

/* Derives change event EV (effective EFF) from the list AFTER (read from PATH) and the list
 * before it: BEFORE when not NULL, else the units the registry has in force on the day before
 * EFF. Stores the links as a change file would (snapshot.c). A unit new in the list, or a
 * commune gone from it, stops the import (SN_DATA, message naming PATH and the unit's JSON
 * Pointer): a list cannot say where it came from or went. Returns 0, SN_DATA or SN_IO. */
struct sn_ctx;
int sn_snapshot_derive(struct sn_ctx *ctx, long long ev, const char *eff, const char *path,
		       const struct sn_snapshot *after, const struct sn_snapshot *before,
		       struct sn_derived *d);

#endif
