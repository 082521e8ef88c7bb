/* level1.h - whose agency codes these are: the level-1 code of an agency code names the province
 * (H.. its People's Committee, K.. its People's Council, the same number), by the level-1 table
 * (mappings/level1-codes.csv, compiled in; an import's --level1 FILE replaces it, as recode's
 * does).
 *
 * The per-province imports (agencies, catalog, dossiers) check their codes against --province:
 * a code under another province's H or K code means the file is another province's (or the
 * option is wrong), and the import is refused. Codes under the other level-1 letters (G =
 * ministries and central agencies, A-F, I, J other bodies) belong to no province and legitimately
 * appear in a province's files (a tax office or a police unit registered in its registry, a
 * catalog bound to one): they pass. So do codes that do not parse (the importer keeps and flags
 * them).
 */
#ifndef SN_LEVEL1_H
#define SN_LEVEL1_H

#include <stddef.h>
#include "cli.h"

#define SN_LEVEL1_MAX 128

struct sn_level1 {
	int n;
	struct {
		char province[4];   /* "70" */
		char number[4];     /* "10" of H10 / K10 */
		char name[120];     /* "Tỉnh Bình Phước" */
	} row[SN_LEVEL1_MAX];
	int own;                    /* the row of the import's province */
};

/* Reads the table (PATH, or the built-in one when NULL) and finds PROVINCE in it. Returns 0,
 * SN_USAGE when PROVINCE is not a province of the table (message printed, naming the table and
 * COMMAND for "try --help"), SN_DATA (a bad table; message printed) or SN_IO. */
int sn_level1_load(struct sn_ctx *ctx, const char *path, const char *province, const char *command,
		   struct sn_level1 *t);

/* 0 when CODE may appear in the files of the table's own province (its H and K codes, codes of
 * the other letters, codes that do not parse); 1 when it is another province's, with WHOSE set to
 * "province 70 (Tỉnh Bình Phước, level-1 code H10)", or "no province (level-1 code H99 is not in
 * the level-1 table)". */
int sn_level1_foreign(const struct sn_level1 *t, const char *code, char *whose, size_t len);

/* The same for every agency code inside a localised procedure code ("1.001612.000.00.00.H10",
 * "2.000815.000.00.00.H55.02", or the QĐ 20 form "1.001612.H10"): 1 and CODE (the code found) and
 * WHOSE for the first foreign one. */
int sn_level1_foreign_in(const struct sn_level1 *t, const char *text, char code[40], char *whose,
			 size_t len);

#endif
