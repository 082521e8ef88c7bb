/* strset.h - a set of strings for membership tests while streaming a big file.
 *
 * Built once from a small table (the agency codes, a catalog's procedure codes, the commune
 * codes), then asked once per row: a hash lookup instead of a query per row or a scan of the
 * whole imported table afterwards. Memory is the size of the set, not of the file.
 *
 *   sn_strset *s = sn_strset_new();
 *   sn_strset_add(s, "000.00.16.H19");
 *   sn_strset_has(s, "000.00.16.H19")  -> 1
 *   sn_strset_free(s);
 */
#ifndef SN_STRSET_H
#define SN_STRSET_H

#include <stddef.h>

typedef struct sn_strset sn_strset;

sn_strset *sn_strset_new(void);               /* NULL when out of memory */
int sn_strset_add(sn_strset *s, const char *key);  /* 0, or -1 when out of memory */
int sn_strset_has(const sn_strset *s, const char *key);
size_t sn_strset_count(const sn_strset *s);
void sn_strset_free(sn_strset *s);

#endif
