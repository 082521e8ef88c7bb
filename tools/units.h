/* units.h - the administrative-unit registry: note classes, codes, and the lookups the units
 * commands share.
 */
#ifndef SN_UNITS_H
#define SN_UNITS_H

#include "cli.h"

/* What a note of the official conversion table says happened to the old unit. */
enum sn_note_class {
	SN_NOTE_UNKNOWN = 0,
	SN_NOTE_WHOLE,           /* Nhập toàn bộ (diện tích) */
	SN_NOTE_PART,            /* Nhập một phần (diện tích | dân số) */
	SN_NOTE_PART_POPULATION, /* Nhập một phần diện tích, toàn bộ dân số */
	SN_NOTE_KEEP,            /* Giữ nguyên */
	SN_NOTE_RENAME,          /* Đổi tên (, đổi loại hình) (từ một phần X) */
	SN_NOTE_RECLASSIFY,      /* Đổi loại hình */
	SN_NOTE_REMAINDER,       /* Phần còn lại sau khi tách một phần vào X */
	SN_NOTE_SPECIAL_ZONE     /* Sắp xếp toàn bộ huyện/xã X thành đặc khu X */
};

enum sn_share { SN_SHARE_WHOLE, SN_SHARE_PART, SN_SHARE_PART_POPULATION };

/* Classifies a note, tolerant of case, spacing, Unicode form and the known typos ("Nhâp",
 * "Nhập một  phần"), strict about wording: an unrecognised note returns SN_NOTE_UNKNOWN and the
 * importer stops on it rather than guess. *share receives how much of the old unit the link
 * carries.
 *   "Nhập một phần diện tích, toàn bộ dân số" -> PART_POPULATION, share part-population
 *   "Đổi tên từ một phần Phường 15"           -> RENAME, share part */
enum sn_note_class sn_classify_note(const char *note, enum sn_share *share);
const char *sn_note_class_name(enum sn_note_class c);
const char *sn_share_name(enum sn_share s);
/* Parses "whole", "part", "part-population"; -1 if unknown. */
int sn_share_parse(const char *s, enum sn_share *out);

/* Normalises a code cell to WIDTH digits (2 province, 3 district, 5 commune), because
 * spreadsheets store codes as numbers and drop leading zeros.
 * Returns 0 (exact), 1 (padded), 2 (empty), -1 (not digits), -2 (longer than WIDTH).
 *   ("2458", 5) -> "02458", 1       ("25195", 5) -> "25195", 0 */
int sn_code_normalise(const char *cell, int width, char out[16]);

/* Level of a code by its width: 2 province, 3 district, 5 commune; NULL otherwise. */
const char *sn_code_level(const char *code);

/* "no commune with code %s" for LEVEL (province, district, commune): a whole sentence for each
 * level, in English, for sn_error's format (which translates it). */
const char *sn_units_no_such(const char *level);

int cmd_units_import(struct sn_ctx *ctx, int argc, char **argv);
int cmd_units_map(struct sn_ctx *ctx, int argc, char **argv);
int cmd_units_show(struct sn_ctx *ctx, int argc, char **argv);
int cmd_units_check(struct sn_ctx *ctx, int argc, char **argv);

/* Rebuilds the unit table from every stored event, in date order (registry.c). */
int units_rebuild(struct sn_ctx *ctx);

#endif
