/* reasons.h - the registry of stored reasons: every sentence a step writes into the database to
 * say why (crosswalk.reason, code_table.reason, closed_code.reason, review.reason and .detail,
 * dossier_history.rule, binding.rule, province_fact.how, agency.code_problem).
 *
 * They are data: stored in English, so that the database and the exports are the same whatever
 * the language of the run. Each is written from one format of this file (the producers take the
 * format from here: C through the SN_R_ constant, SQL through a parameter @SN_R_NAME bound by
 * sn_reasons_bind), and shown to people through sn_reason_shown, which recognises the format in
 * the stored text and writes its translation (po/vi.po) with the same values:
 *
 *   "same function (finance) as 000.00.04.H19, which carries it in the merged province ..."
 *     -> "cùng chức năng (finance) với 000.00.04.H19, cơ quan đảm nhận chức năng đó ..."
 *
 * A value that is itself a stored reason ("nonconforming code (%s) of ...": the code's problem)
 * is recognised and translated in turn; a value that is a stored identifier is shown with the
 * reviewers' word for it (labels.h): SN_REASONS says which conversions hold either.
 *
 * Adding a reason: a #define here (N_() of the English, one whole sentence; another format for
 * each variant rather than English words passed as values), its line in SN_REASONS, the
 * producer writing through it; 'make po' and its Vietnamese in po/vi.po (the same conversions,
 * in any order: %2$s). Changing one changes what new runs store: old databases keep the old
 * text, which is then shown as stored.
 */
#ifndef SN_REASONS_H
#define SN_REASONS_H

#include <stddef.h>
#include <sqlite3.h>
#include "i18n.h"

/* --- recode: crosswalk.reason (and the same text in code_table.reason, a review item's detail) */
#define SN_R_REGISTRY_CLOSED N_("already closed in the registry of province %s")
#define SN_R_PROVINCE_KEPT N_("new province %s (%s): %s; level-1 code %s kept")
#define SN_R_PROVINCE_MERGED \
	N_("old province %s merged into new province %s (%s); its level-1 code %s is closed and the work goes to %s " \
	   "(QĐ 09/2025/QĐ-TTg)")
#define SN_R_PROVINCE_NO_COUNTERPART N_("province %s merged into %s, whose registry has no %s to take over")
#define SN_R_DEPT_CARRIER N_("department of the surviving province; carries function %s in the merged province")
#define SN_R_DEPT_CARRIER_RENAMED \
	N_("department of the surviving province; carries function %s in the merged province, under the name %s")
#define SN_R_DEPT_SAME_FUNCTION \
	N_("same function (%s) as %s, which carries it in the merged province (2025 department mergers)")
#define SN_R_DEPT_UNKNOWN_KEPT N_("department of the surviving province; its function is not in the department table")
#define SN_R_DEPT_NO_COUNTERPART \
	N_("department of province %s with no department of the same function in the merged province; new number " \
	   "from %s")
#define SN_R_DEPT_UNKNOWN_RENUMBERED \
	N_("department of province %s with a function the department table does not know in the merged province; " \
	   "new number from %s")
#define SN_R_DISTRICT_ONE_UNIT \
	N_("district level abolished on the reform's effective date; the whole district became one unit, %s (a " \
	   "special zone), whose committee takes over its work")
#define SN_R_DISTRICT_CLOSED \
	N_("district level abolished on the reform's effective date; its area is now %d commune(s), whose " \
	   "committees succeed it")
#define SN_R_OFFICE_TO_DEPT N_("district level abolished; its function (%s) goes to %s %s")
#define SN_R_OFFICE_TO_COMMUNES \
	N_("district level abolished; function %s has no department in the merged province, so the %d commune " \
	   "committee(s) of its area succeed it")
#define SN_R_OFFICE_UNKNOWN_TO_COMMUNES \
	N_("district level abolished; function unknown has no department in the merged province, so the %d commune " \
	   "committee(s) of its area succeed it")
#define SN_R_COMMUNE_SEAT \
	N_("commune %s keeps its code as new commune %s (the seat of the merged commune): its committee continues " \
	   "under the new committee code")
#define SN_R_COMMUNE_PART \
	N_("commune %s is now part of new commune %s: its committee's work goes to the new commune's committee")
#define SN_R_COMMUNE_SPLIT N_("commune %s was split among %d new communes")
#define SN_R_COMMUNE_SPLIT_POPULATION N_("commune %s was split among %d new communes; %s (%s) took the whole population")
#define SN_R_COMMUNE_NOWHERE N_("commune %s maps to no new commune of province %s")
#define SN_R_COMMUNE_NO_UNIT N_("commune (no unit code) maps to no new commune of province %s")
#define SN_R_PIN_MERGED N_("merged into %s: pinned (%s)")
#define SN_R_PIN N_("pinned to %s (%s)")
#define SN_R_SURVIVOR_NO_PARENT N_("agency of the surviving province without a parent")
#define SN_R_ABSORBED_NO_PARENT N_("agency of absorbed province %s without a parent: no rule says where it goes")
#define SN_R_NONCONFORMING N_("nonconforming code (%s) of absorbed province %s: a person decides its successor")
#define SN_R_PARENT_KEPT N_("its parent %s is kept")
#define SN_R_PARENT_KEPT_FLAGGED N_("its parent %s is kept; code flagged: %s")
#define SN_R_PARENT_KEPT_AS N_("its parent %s is kept as %s")
#define SN_R_PARENT_RENUMBERED N_("its parent %s is renumbered to %s")
#define SN_R_PARENT_MERGED N_("its parent %s is merged into %s")
#define SN_R_PARENT_CLOSED N_("its parent %s closed; its commune %s is now under %s")
#define SN_R_PARENT_CLOSED_NOWHERE N_("its parent %s closed and its commune %s does not lead to one new commune")
#define SN_R_PARENT_CLOSED_NO_UNIT N_("its parent %s closed and its commune (none) does not lead to one new commune")
#define SN_R_SAME_NAME N_("%s, where %s has the same name and function")
#define SN_R_NO_FREE_CODE N_("%s, but no free code is left under it")
#define SN_R_CONTINUES_AS N_("%s; continues under it as %s")
#define SN_R_CONTINUES_AS_TAKEN N_("%s; continues under it as %s (its own number was taken there)")

/* --- recode: code_table.reason of a new commune committee; how its code was found */
#define SN_R_COMMITTEE N_("committee of new commune %s %s, %s, allocated in order of new commune code")
#define SN_R_ALLOC_RULE N_("rule %s (%s, %d-%d)")
#define SN_R_ALLOC_PINNED N_("pinned (%s)")
/* the seat commune's committee, whose row the new commune's committee is */
#define SN_R_CONTINUES N_("%s; continues %s %s")

/* --- recode: closed_code.reason */
#define SN_R_CLOSED_RENUMBERED N_("renumbered: %s")
#define SN_R_CLOSED_MERGED N_("merged: %s")
#define SN_R_CLOSED_CLOSED N_("closed: %s")
#define SN_R_CLOSED_L1 N_("level-1 code of a province merged into %s (QĐ 09/2025/QĐ-TTg)")
#define SN_R_CLOSED_WITHDRAWN N_("issued by an earlier recode for %s, then withdrawn")

/* --- recode: province_fact.how, why that survivor (province.c) */
#define SN_R_SURVIVOR_CHOSEN N_("the operator's choice (survivor %s), not the name rule")
#define SN_R_SURVIVOR_ALONE N_("province %s did not merge: it keeps its level-1 code")
#define SN_R_SURVIVOR_NAME \
	N_("the new province carries the name of province %s (%s): it keeps that province's level-1 code " \
	   "(QĐ 09/2025/QĐ-TTg)")
#define SN_R_SURVIVOR_CODE \
	N_("no old province carries the name %s: province %s, whose unit code the new province keeps")

/* --- recode: review.reason (the detail is the crosswalk's reason, or the agency's name) */
#define SN_R_Q_NO_SUCCESSOR N_("no successor")
#define SN_R_Q_DEPT_UNKNOWN_KEPT N_("department function unknown: kept as is")
#define SN_R_Q_DEPT_UNKNOWN_RENUMBERED N_("department function unknown: renumbered")
#define SN_R_Q_CLOSED N_("closed without successors")
#define SN_R_Q_NO_COMMUNES N_("district has no mapped communes")
#define SN_R_Q_OFFICE N_("district office without a department for its function")
#define SN_R_Q_NONCONFORMING N_("nonconforming code")
#define SN_R_Q_WHERE N_("needs a decision: where does it go")
#define SN_R_Q_NO_FREE_CODE N_("no free code under its new parent")

/* --- agencies import: agency.code_problem, why a code does not conform (agcode.c) */
#define SN_R_CODE_L1_LETTER N_("level-1 letter '%c' is outside A-K")
#define SN_R_CODE_L1_ZERO N_("level-1 group '%s' has number 00")
#define SN_R_CODE_QCVN_LONG N_("level-%d group '%.*s' has %zu digits; QCVN 102 allows %d")
#define SN_R_CODE_QCVN_SHORT1 N_("level-%d group '%.*s' has %zu digit; QCVN 102 needs %d")
#define SN_R_CODE_QCVN_SHORT N_("level-%d group '%.*s' has %zu digits; QCVN 102 needs %d")
#define SN_R_CODE_LEFT_ZERO N_("level-%d group '%.*s' is zero; QĐ 20 notation leaves absent levels out")
#define SN_R_CODE_LEFT_LONG N_("level-%d group '%.*s' has %zu digits; QĐ 20 notation allows at most %d")
#define SN_R_CODE_LEVEL_GAP N_("level %d present under an absent level %d")
#define SN_R_CODE_PLACEHOLDER N_("placeholder group '%s' at level %d")
#define SN_R_CODE_UPPER N_("character '%c' at position %zu must be upper case ('%c')")
#define SN_R_CODE_CHAR N_("character '%c' at position %zu is not allowed (0-9, A-Z, '.')")
#define SN_R_CODE_UTF8 N_("character '%.*s' (U+%04lX) at position %zu is not allowed (0-9, A-Z, '.')")
#define SN_R_CODE_BYTE N_("byte 0x%02X at position %zu is not allowed (0-9, A-Z, '.')")
#define SN_R_CODE_EMPTY N_("empty code")
#define SN_R_CODE_LENGTH N_("code is %zu characters long; at most %d allowed")
#define SN_R_CODE_LEADING_DOT N_("code starts with '.'")
#define SN_R_CODE_TRAILING_DOT N_("code ends with '.'")
#define SN_R_CODE_EMPTY_GROUP N_("group %zu is empty ('..' at position %zu)")
#define SN_R_CODE_GROUPS N_("too many groups")
#define SN_R_CODE_LEVELS N_("more than 4 levels (%zu groups)")
#define SN_R_CODE_QCVN_GROUPS N_("QCVN notation needs 4 groups; found %zu")
#define SN_R_CODE_NO_L1 \
	N_("no level-1 group (a letter and 2 digits: first in QĐ 20 notation, last in QCVN 102)")
#define SN_R_CODE_L1_SHAPE N_("level-1 group '%.*s' must be a letter and 2 digits")
#define SN_R_CODE_DIGITS N_("level-%zu group '%.*s' must be digits only")
#define SN_R_CODE_GROUP_LONG N_("level-%zu group '%.*s' has %zu digits; too long for an agency code")

/* --- reassign: the commune that takes an old commune's people (reassign.c, ctarget.how: the
 * rule of a dossier moved by its commune, the reason of one that waits) */
#define SN_R_TARGET_WHOLE N_("commune %s is now %s (whole)")
#define SN_R_TARGET_PART N_("commune %s is now %s (part)")
#define SN_R_TARGET_PART_POPULATION N_("commune %s is now %s (part-population)")
#define SN_R_TARGET_POPULATION N_("commune %s was split; %s took the whole population")
#define SN_R_TARGET_SPLIT \
	N_("commune %s was split among %d new communes with no part taking the whole population")
#define SN_R_TARGET_UNKNOWN N_("commune %s is in no conversion table: no new commune is known for it")
#define SN_R_TARGET_NO_COMMITTEE N_("commune %s leads to %s, which has no committee in the merged province")
#define SN_R_TARGET_NONE N_("no commune given")

/* --- reassign: the jurisdiction rule of a procedure (inside binding.rule, dossier_history.rule) */
#define SN_R_RULE_DECISION N_("decision %s")
#define SN_R_RULE_PROCEDURE N_("procedure:%s (%s)")
#define SN_R_RULE_FIELD N_("field:%s (%s)")
#define SN_R_RULE_DEFAULT N_("default (%s)")

/* --- reassign: binding.rule and dossier_history.rule, what moved it */
#define SN_R_BIND_CROSSWALK N_("crosswalk: %s")
#define SN_R_BIND_SUCCESSOR N_("crosswalk: successor of closed %s")
#define SN_R_BIND_COMMUNE N_("district -> commune: %s")
#define SN_R_BIND_PROVINCE N_("district -> province: %s")
#define SN_R_MOVE_DECISION N_("decision: %s %s")
#define SN_R_MOVE_CROSSWALK N_("crosswalk: %s (%s)")
#define SN_R_MOVE_DISTRICT_COMMUNE N_("district -> commune: %s; %s")
#define SN_R_MOVE_COMMUNE N_("commune -> commune: %s")
#define SN_R_MOVE_HAMLET N_("hamlet %s of %s is in %s")
#define SN_R_MOVE_SINGLE N_("district %s is now the one commune %s")

/* --- reassign: review.reason and .detail */
#define SN_R_Q_UNBOUND N_("binding without a successor")
#define SN_R_Q_UNBOUND_DISTRICT \
	N_("province %s: agency %s (district level; no department carries the rule's function)")
#define SN_R_Q_UNBOUND_CLOSED N_("province %s: agency %s closed without successors")
#define SN_R_Q_DOSSIER N_("dossier needs a decision: %s")
#define SN_R_Q_DOSSIER_DECIDED \
	N_("dossier needs a decision: the decided commune has no committee in the merged province")
#define SN_R_Q_DOSSIER_AT N_("at %s, procedure %s, applicant in %s")
#define SN_R_Q_DOSSIER_AT_HAMLET N_("at %s, procedure %s, applicant in %s, hamlet %s")
#define SN_R_Q_CONFLICT N_("conflict: the catalogs differ on %s")
#define SN_R_Q_DEFAULT N_("decided by the default rule: confirm or override")
#define SN_R_Q_DEFAULT_WENT N_("district-level bindings of %s went to %s")

/* --- dossiers import: review.reason and .detail of an ambiguous address (dossier_address.c) */
#define SN_R_Q_ADDRESS N_("address needs a decision: '%s' fits several new communes: %s (%s)")
#define SN_R_Q_CANDIDATES N_("candidates %s")

/* The registry: R(NAME, KINDS), KINDS what each conversion's value is, comma-separated: nothing
 * (a value shown as it is: a code, a name), "reason" (a stored reason, shown translated in
 * turn) or a label kind of labels.h (shown with its label). Every SN_R_ above is listed here
 * (the unit test checks this file). */
#define SN_REASONS(R)                                                                               \
	R(SN_R_REGISTRY_CLOSED, "")                                                                 \
	R(SN_R_PROVINCE_KEPT, ",,reason")                                                           \
	R(SN_R_PROVINCE_MERGED, "")                                                                 \
	R(SN_R_PROVINCE_NO_COUNTERPART, ",,agency_kind")                                            \
	R(SN_R_DEPT_CARRIER, "")                                                                    \
	R(SN_R_DEPT_CARRIER_RENAMED, "")                                                            \
	R(SN_R_DEPT_SAME_FUNCTION, "")                                                              \
	R(SN_R_DEPT_UNKNOWN_KEPT, "")                                                               \
	R(SN_R_DEPT_NO_COUNTERPART, ",reason")                                                      \
	R(SN_R_DEPT_UNKNOWN_RENUMBERED, ",reason")                                                  \
	R(SN_R_DISTRICT_ONE_UNIT, "")                                                               \
	R(SN_R_DISTRICT_CLOSED, "")                                                                 \
	R(SN_R_OFFICE_TO_DEPT, "")                                                                  \
	R(SN_R_OFFICE_TO_COMMUNES, "")                                                              \
	R(SN_R_OFFICE_UNKNOWN_TO_COMMUNES, "")                                                      \
	R(SN_R_COMMUNE_SEAT, "")                                                                    \
	R(SN_R_COMMUNE_PART, "")                                                                    \
	R(SN_R_COMMUNE_SPLIT, "")                                                                   \
	R(SN_R_COMMUNE_SPLIT_POPULATION, "")                                                        \
	R(SN_R_COMMUNE_NOWHERE, "")                                                                 \
	R(SN_R_COMMUNE_NO_UNIT, "")                                                                 \
	R(SN_R_PIN_MERGED, "")                                                                      \
	R(SN_R_PIN, "")                                                                             \
	R(SN_R_SURVIVOR_NO_PARENT, "")                                                              \
	R(SN_R_ABSORBED_NO_PARENT, "")                                                              \
	R(SN_R_NONCONFORMING, "reason")                                                             \
	R(SN_R_PARENT_KEPT, "")                                                                     \
	R(SN_R_PARENT_KEPT_FLAGGED, ",reason")                                                      \
	R(SN_R_PARENT_KEPT_AS, "")                                                                  \
	R(SN_R_PARENT_RENUMBERED, "")                                                               \
	R(SN_R_PARENT_MERGED, "")                                                                   \
	R(SN_R_PARENT_CLOSED, "")                                                                   \
	R(SN_R_PARENT_CLOSED_NOWHERE, "")                                                           \
	R(SN_R_PARENT_CLOSED_NO_UNIT, "")                                                           \
	R(SN_R_SAME_NAME, "reason")                                                                 \
	R(SN_R_NO_FREE_CODE, "reason")                                                              \
	R(SN_R_CONTINUES_AS, "reason")                                                              \
	R(SN_R_CONTINUES_AS_TAKEN, "reason")                                                        \
	R(SN_R_COMMITTEE, ",,reason")                                                               \
	R(SN_R_ALLOC_RULE, "")                                                                      \
	R(SN_R_ALLOC_PINNED, "")                                                                    \
	R(SN_R_CONTINUES, "reason")                                                                 \
	R(SN_R_CLOSED_RENUMBERED, "reason")                                                         \
	R(SN_R_CLOSED_MERGED, "reason")                                                             \
	R(SN_R_CLOSED_CLOSED, "reason")                                                             \
	R(SN_R_CLOSED_L1, "")                                                                       \
	R(SN_R_CLOSED_WITHDRAWN, "")                                                                \
	R(SN_R_SURVIVOR_CHOSEN, "")                                                                 \
	R(SN_R_SURVIVOR_ALONE, "")                                                                  \
	R(SN_R_SURVIVOR_NAME, "")                                                                   \
	R(SN_R_SURVIVOR_CODE, "")                                                                   \
	R(SN_R_Q_NO_SUCCESSOR, "")                                                                  \
	R(SN_R_Q_DEPT_UNKNOWN_KEPT, "")                                                             \
	R(SN_R_Q_DEPT_UNKNOWN_RENUMBERED, "")                                                       \
	R(SN_R_Q_CLOSED, "")                                                                        \
	R(SN_R_Q_NO_COMMUNES, "")                                                                   \
	R(SN_R_Q_OFFICE, "")                                                                        \
	R(SN_R_Q_NONCONFORMING, "")                                                                 \
	R(SN_R_Q_WHERE, "")                                                                         \
	R(SN_R_Q_NO_FREE_CODE, "")                                                                  \
	R(SN_R_CODE_L1_LETTER, "")                                                                  \
	R(SN_R_CODE_L1_ZERO, "")                                                                    \
	R(SN_R_CODE_QCVN_LONG, "")                                                                  \
	R(SN_R_CODE_QCVN_SHORT1, "")                                                                \
	R(SN_R_CODE_QCVN_SHORT, "")                                                                 \
	R(SN_R_CODE_LEFT_ZERO, "")                                                                  \
	R(SN_R_CODE_LEFT_LONG, "")                                                                  \
	R(SN_R_CODE_LEVEL_GAP, "")                                                                  \
	R(SN_R_CODE_PLACEHOLDER, "")                                                                \
	R(SN_R_CODE_UPPER, "")                                                                      \
	R(SN_R_CODE_CHAR, "")                                                                       \
	R(SN_R_CODE_UTF8, "")                                                                       \
	R(SN_R_CODE_BYTE, "")                                                                       \
	R(SN_R_CODE_EMPTY, "")                                                                      \
	R(SN_R_CODE_LENGTH, "")                                                                     \
	R(SN_R_CODE_LEADING_DOT, "")                                                                \
	R(SN_R_CODE_TRAILING_DOT, "")                                                               \
	R(SN_R_CODE_EMPTY_GROUP, "")                                                                \
	R(SN_R_CODE_GROUPS, "")                                                                     \
	R(SN_R_CODE_LEVELS, "")                                                                     \
	R(SN_R_CODE_QCVN_GROUPS, "")                                                                \
	R(SN_R_CODE_NO_L1, "")                                                                      \
	R(SN_R_CODE_L1_SHAPE, "")                                                                   \
	R(SN_R_CODE_DIGITS, "")                                                                     \
	R(SN_R_CODE_GROUP_LONG, "")                                                                 \
	R(SN_R_TARGET_WHOLE, "")                                                                    \
	R(SN_R_TARGET_PART, "")                                                                     \
	R(SN_R_TARGET_PART_POPULATION, "")                                                          \
	R(SN_R_TARGET_POPULATION, "")                                                               \
	R(SN_R_TARGET_SPLIT, "")                                                                    \
	R(SN_R_TARGET_UNKNOWN, "")                                                                  \
	R(SN_R_TARGET_NO_COMMITTEE, "")                                                             \
	R(SN_R_TARGET_NONE, "")                                                                     \
	R(SN_R_RULE_DECISION, "")                                                                   \
	R(SN_R_RULE_PROCEDURE, "")                                                                  \
	R(SN_R_RULE_FIELD, "")                                                                      \
	R(SN_R_RULE_DEFAULT, "")                                                                    \
	R(SN_R_BIND_CROSSWALK, "outcome")                                                           \
	R(SN_R_BIND_SUCCESSOR, "")                                                                  \
	R(SN_R_BIND_COMMUNE, "reason")                                                              \
	R(SN_R_BIND_PROVINCE, "reason")                                                             \
	R(SN_R_MOVE_DECISION, "")                                                                   \
	R(SN_R_MOVE_CROSSWALK, "outcome,reason")                                                    \
	R(SN_R_MOVE_DISTRICT_COMMUNE, "reason,reason")                                              \
	R(SN_R_MOVE_COMMUNE, "reason")                                                              \
	R(SN_R_MOVE_HAMLET, "")                                                                     \
	R(SN_R_MOVE_SINGLE, "")                                                                     \
	R(SN_R_Q_UNBOUND, "")                                                                       \
	R(SN_R_Q_UNBOUND_DISTRICT, "")                                                              \
	R(SN_R_Q_UNBOUND_CLOSED, "")                                                                \
	R(SN_R_Q_DOSSIER, "reason")                                                                 \
	R(SN_R_Q_DOSSIER_DECIDED, "")                                                               \
	R(SN_R_Q_DOSSIER_AT, "")                                                                    \
	R(SN_R_Q_DOSSIER_AT_HAMLET, "")                                                             \
	R(SN_R_Q_CONFLICT, "field")                                                                 \
	R(SN_R_Q_DEFAULT, "")                                                                       \
	R(SN_R_Q_DEFAULT_WENT, ",level")                                                            \
	R(SN_R_Q_ADDRESS, "")                                                                       \
	R(SN_R_Q_CANDIDATES, "")

struct sn_reason {
	const char *name;     /* "SN_R_PIN": the parameter @SN_R_PIN of SQL */
	const char *format;   /* the English msgid */
	const char *labels;   /* the label kind of each conversion, comma-separated */
};

/* The registry, in the order of SN_REASONS: N entries. */
const struct sn_reason *sn_reasons(size_t *n);

/* The entry named NAME ("SN_R_PIN"), or NULL. */
const struct sn_reason *sn_reason_find(const char *name);

/* Binds every parameter of ST named @SN_R_NAME to that format (static text), so that SQL writes a
 * stored reason as printf(@SN_R_NAME, ...). Returns 0, or -1 when a name is not in the registry
 * (that parameter stays NULL: a program error the tests see). */
int sn_reasons_bind(sqlite3_stmt *st);

/* The entry whose format STORED was written from: every literal part equal, each conversion
 * taking a value of its kind (%d digits, %c one character, %s any text); when several formats
 * fit, the one with the most literal text. NULL when none does. */
const struct sn_reason *sn_reason_match(const char *stored);

/* STORED as a person reads it in the language in use: in English the stored text itself;
 * otherwise the translation of the format it was written from, with its values (a value that is
 * a stored reason shown the same way, a labelled one with its label), written into BUF (LEN
 * bytes). STORED itself when no format fits, when the translation would not fit in BUF, or when
 * out of memory. NULL for NULL. */
const char *sn_reason_shown(const char *stored, char *buf, size_t len);

/* The SQL function sn_reason(TEXT) of the rule engine (rules.h): TEXT, a stored reason, as a
 * detail value whose translation is sn_reason_shown's. */
void sn_reason_sql(sqlite3_context *c, int argc, sqlite3_value **v);

#endif
