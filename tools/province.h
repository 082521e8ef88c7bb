/* province.h - the merged province's facts, computed once and read by every step after recode.
 *
 * Which new province the imported registries become, its old provinces, the one whose level-1
 * codes survive and why, and the new province's name on the migration date. QĐ 09/2025/QĐ-TTg:
 * when the new province carries the name of one of the old ones it keeps that province's level-1
 * code (H and K); the others are closed. The name decides, not the unit code: new Tây Ninh (80)
 * keeps the statistical code of Long An (80) but the level-1 code of Tây Ninh (72), H53.
 */
#ifndef SN_PROVINCE_H
#define SN_PROVINCE_H

#include "cli.h"

#define SN_MAX_OLD_PROVINCES 8

struct sn_old_province {
	char code[8];
	char name[160];
	char l1[8], k1[8];
	int survives;
	int registry;            /* its agency registry is imported */
};

struct sn_province {
	char code[8];            /* the new province: "80" */
	char name[160];          /* in force on date: "Tỉnh Tây Ninh" */
	char date[11];
	char survivor[8];        /* "72" */
	char l1[8], k1[8];       /* "H53", "K53" */
	char how[400];           /* why that survivor */
	int nold;
	struct sn_old_province old[SN_MAX_OLD_PROVINCES];
};

/* Computes the facts from the unit registry, the imported agency registries and the level-1
 * table (LEVEL1_PATH, or the built-in mappings/level1-codes.csv when NULL), and stores them in
 * province_fact / province_fact_old (replacing earlier ones). SURVIVOR, when not NULL, is the
 * operator's choice of the old province whose level-1 codes survive (a published decision that
 * differs from the name rule). Returns 0, SN_DATA (message printed: registries of several new
 * provinces, no conversion table, an old province without a level-1 code, an unknown survivor)
 * or SN_IO. */
int sn_province_compute(struct sn_ctx *ctx, const char *level1_path, const char *survivor,
			const char *date, struct sn_province *p);

/* Reads the stored facts. Returns 0, SN_DATA when recode has not computed them (message
 * printed, naming the step to run) or SN_IO. */
int sn_province_load(struct sn_ctx *ctx, struct sn_province *p);

/* The name of the merged People's Committee (COUNCIL 0) or Council (1): "Ủy ban nhân dân tỉnh
 * Tây Ninh", "Hội đồng nhân dân thành phố Huế". */
void sn_province_body_name(const struct sn_province *p, int council, char *out, size_t len);

#endif
