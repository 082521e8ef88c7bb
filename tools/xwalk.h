/* xwalk.h - looking codes up in the crosswalk that recode wrote, for rewriting files (rewrite)
 * and database cells (sn_new_code() in SQL). */
#ifndef SN_XWALK_H
#define SN_XWALK_H

#include "cli.h"
#include "rewrite.h"

struct sn_xwalk;

/* Prepares the lookups on ctx's database. NULL after printing a database error. */
struct sn_xwalk *sn_xwalk_open(struct sn_ctx *ctx);
void sn_xwalk_close(struct sn_xwalk *x);

/* An sn_code_lookup (rewrite.h) over the crosswalk, CTX being a struct sn_xwalk: an old code
 * kept -> SAME; renumbered or merged -> NEW (the new code, in the notation it was written in);
 * closed with one successor -> NEW (that one); closed with several or none -> AMBIGUOUS; a code
 * the crosswalk does not list but whose level-1 code is closed (H10) -> AMBIGUOUS (nothing says
 * where it goes); anything else -> UNKNOWN. */
enum sn_map_result sn_xwalk_lookup(void *x, const char *code, char *out, size_t outlen);

/* Registers sn_new_code(TEXT) on the connection: TEXT rewritten by the rules of rewrite.h (a
 * code, or identifiers holding codes; issued dossier codes kept). An ambiguous code raises an
 * SQL error naming it, so a set-based UPDATE fails as a whole. Returns 0 or -1. */
int sn_xwalk_sql(struct sn_ctx *ctx, struct sn_xwalk *x);

#endif
