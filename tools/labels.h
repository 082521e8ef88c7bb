/* labels.h - the reviewers' words for the values the toolkit stores.
 *
 * The database keeps one vocabulary (online_level full|partial|none, levels "province,commune",
 * crosswalk outcomes kept|renumbered|merged|closed, yes/no, agency kinds); a report for a
 * Vietnamese office shows them as the law writes them (toàn trình / một phần, cấp tỉnh / cấp xã,
 * có / không, giữ nguyên / đổi mã / sáp nhập / chấm dứt). One small table of (kind, value, label)
 * holds every such label in English, the kind its gettext context; po/vi.po has the Vietnamese.
 */
#ifndef SN_LABELS_H
#define SN_LABELS_H

#include <stddef.h>
#include "i18n.h"


/* The label of VALUE of KIND ("online_level", "level", "yesno", "outcome", "agency_kind",
 * "status", "time_unit", "field", "entity", "kind") in LANG; VALUE itself when the table has
 * none (NULL stays NULL). */
const char *sn_label(const char *kind, const char *value, enum sn_lang lang);

/* A list value ("province,commune") with each item labelled and joined by ", ":
 * "cấp tỉnh, cấp xã". Writes into OUT (LEN bytes) and returns it. */
const char *sn_label_list(const char *kind, const char *value, enum sn_lang lang, char *out, size_t len);

/* A field's value as a reviewer reads it: online_level, levels, portal and online through the
 * table, a time limit "15 working-day" as "15 ngày làm việc"; anything else as it is. */
const char *sn_label_value(const char *field, const char *value, enum sn_lang lang, char *out, size_t len);

/* Where an old agency went, in words: "sáp nhập vào 000.00.07.H19 Sở Nông nghiệp và Môi trường",
 * "đổi mã thành ...", "giữ nguyên mã", "chấm dứt, công việc chuyển cho ..." (TARGET: the new code
 * and name, or a closed one's successors; NSUCC how many). */
const char *sn_label_fate(const char *outcome, const char *target, long nsucc, enum sn_lang lang, char *out,
			  size_t len);

#endif
