/* recode.h - the computation behind 'sapnhap recode' (cmd_recode.c), in four modules:
 *   recode.c         the phases: what the registries hold, the order of deciding, the code table
 *                    and crosswalk written and checked; --explain
 *   recode_rules.c   the tables recode reads: department functions and mergers, the allocation
 *                    rules, the operator's pins
 *   recode_alloc.c   codes: free codes by the allocation rules, issuing, new commune committees
 *   recode_decide.c  what becomes of each old code, one function per agency kind
 * Out of memory is remembered in rc->oom by rc_strdup and rc_fmt (the string is then NULL) and
 * reported by the phase that checks it; nothing here exits.
 */
#ifndef SN_RECODE_H
#define SN_RECODE_H

#include <sqlite3.h>
#include "agcode.h"
#include "agency.h"
#include "cli.h"
#include "mapping.h"
#include "province.h"

enum outcome { O_NONE, O_KEPT, O_RENUMBERED, O_MERGED, O_CLOSED };

struct ag {
	char *code, *name, *kind, *parent, *unit, *address, *phone, *email, *province;
	struct sn_agcode c;
	int kind_id;
	int survivor;
	int pidx;             /* parent's index, -1 for none */
	int depth;            /* length of the parent chain */
	char func[48];        /* final function of a department or district office, "" unknown */
	char own_func[48];    /* its function before the 2025 mergers are followed */
	int is_carrier;       /* the department that carries func in the merged province */
	enum outcome out;
	char home[40];        /* kept/renumbered/merged: the code now carrying its work */
	char **succ;          /* closed: successor codes */
	int nsucc;
	char *reason;
};

#define SN_MAX_FUNC_NAMES 8

struct func {
	char id[48], merged_into[48];
	char *dept_name;                          /* the first department name: the current one */
	char *dept_keys[SN_MAX_FUNC_NAMES];       /* every spelling of the table, as keys */
	char *office_keys[SN_MAX_FUNC_NAMES];
};

struct rule {
	char kind[32], pattern[64], pos[600];
	int first, last;
};

struct pin {
	char subject[64], code[40], pos[600];
	int used;
};

/* A new commune and its committee. */
struct cc {
	char commune[8], code[40];
	char *name;
};

struct recode {
	struct sn_ctx *ctx;
	const char *date;
	const char *survivor;            /* --survivor: the operator's choice, else the name rule */
	struct sn_province prov;
	struct ag *a;
	int n;
	char target[8], surv[8];
	char l1[8], k1[8];               /* survivor's level-1 codes: H19, K19 */
	char absorbed[16][8];            /* absorbed provinces' level-1 codes (H10, K10, ...) */
	int nabs;
	struct func *fn;
	int nfn;
	struct rule *rules;
	int nrules;
	struct pin *pins;
	int npins;
	struct cc *cc;
	int ncc;
	sqlite3_stmt *ins_code, *taken;
	int cursor_rule[SN_KIND_COUNT], cursor_n[SN_KIND_COUNT];  /* where allocation resumes */
	long counts[5];
	long reviews;
	int oom;                         /* an allocation failed (see xstrdup) */
};

/* --- recode.c ---------------------------------------------------------------------------------- */

/* Copies (NULL = "") and formats (sqlite3_mprintf's conversions); NULL, with rc->oom set, when
 * out of memory. */
char *rc_strdup(struct recode *rc, const char *s);
char *rc_fmt(struct recode *rc, const char *f, ...) __attribute__((format(printf, 2, 3)));

/* Computes the code table and the crosswalk into the working database (inside the step's
 * transaction; RC's ctx, date and survivor set, the statements of sn_recode_prepare ready).
 * Phases: the merged province; the tables read; the registries loaded; parents, depths and
 * functions; the carriers of each function; the order of deciding (parents first); the new
 * commune committees; each old code decided and issued; the results written; the invariants
 * checked. Returns 0, SN_DATA (a table or pin refused, a range exhausted), SN_IO. */
int sn_recode_compute(struct recode *rc, const char *level1_path, const char *dept_path,
		      const char *rules_path, const char *pins_path);
/* Clears the tables an earlier recode wrote (remembering its issued codes, never reissued for
 * something else) and prepares RC's statements. Returns 0 or SN_IO. */
int sn_recode_prepare(struct recode *rc);
/* Frees what RC holds (not RC). */
void sn_recode_release(struct recode *rc);
/* Why CODE (old or new) is what it is in the applied recode, to ctx->out. Returns SN_OK, or
 * SN_FINDINGS when CODE is neither an old code nor one of the table, SN_IO. */
int sn_recode_explain(struct sn_ctx *ctx, const char *code);

/* --- recode_rules.c ---------------------------------------------------------------------------- */

/* Row readers of departments.csv, allocation.csv and the pins (mapping.h). */
int rc_fn_row(void *arg, const struct sn_maprow *row);
int rc_rule_row(void *arg, const struct sn_maprow *row);
int rc_pin_row(void *arg, const struct sn_maprow *row);
/* The pin of SUBJECT (an old code or "commune:CODE"), or NULL. */
struct pin *rc_find_pin(struct recode *rc, const char *subject);
/* The function a department (OFFICE 0) or district office (1) of NAME carries; FOLLOW: the one it
 * merged into in 2025. "" when none. */
const char *rc_function_of(struct recode *rc, const char *name, int office, int follow);
const struct func *rc_func_by_id(struct recode *rc, const char *id);

/* --- recode_alloc.c ---------------------------------------------------------------------------- */

/* The sort key of CODE (notation-independent). */
void rc_key_of(const char *code, char key[40]);
/* Whether CODE is issued, closed or an old code (other than SUBJECT's own). 1, 0. */
int rc_is_taken(struct recode *rc, const char *code, const char *subject);
/* Writes a row of the code table. Returns 0 or SN_IO. */
int rc_issue(struct recode *rc, const char *code, const char *subject, const char *name,
	     const char *kind, const char *parent, const char *unit, const struct ag *a, const char *origin,
	     const char *reason);
/* The next free code for KIND by the allocation rules into OUT, with how it was found in HOW.
 * Returns 0, SN_DATA (every range used: the message says which rule to add), SN_IO. */
int rc_allocate(struct recode *rc, const char *kind, const char *subject, char out[40], char how[700]);
/* A free code under HOME (its own number PREFERRED when free). Returns 0, SN_DATA, SN_IO. */
int rc_child_code(struct recode *rc, const char *home, long preferred, const char *subject,
		  char out[40]);
/* One committee per new commune of the merged province, allocated in order of new commune
 * code (pins first), under COUNCIL_PARENT. Returns 0, SN_DATA, SN_IO. */
int rc_new_committees(struct recode *rc, const char *council_parent);

/* --- recode_decide.c --------------------------------------------------------------------------- */

/* Decides old agency IDX: its outcome, home, successors and reason (a pin first, else by its
 * kind). Returns 0, SN_DATA, SN_IO. */
int rc_decide(struct recode *rc, int idx);
/* Queues a review item of the recode step. Returns 0 or SN_IO. */
int rc_review(struct recode *rc, const char *subject, const char *reason, const char *detail);

#endif
