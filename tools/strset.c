/* strset.c - open-addressing hash set of strings (see strset.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strset.h"
#include "banned.h"

struct sn_strset {
	char **slot;   /* NULL = empty; each key a copy owned by the set */
	size_t cap;    /* a power of two, kept at most half full */
	size_t n;
};

/* FNV-1a: short keys, no adversary (the keys come from our own database). */
static uint64_t hash(const char *k)
{
	uint64_t h = 1469598103934665603ull;
	for (const unsigned char *p = (const unsigned char *)k; *p; p++)
		h = (h ^ *p) * 1099511628211ull;
	return h;
}

sn_strset *sn_strset_new(void)
{
	sn_strset *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->cap = 64;
	if (!(s->slot = calloc(s->cap, sizeof *s->slot))) {
		free(s);
		return NULL;
	}
	return s;
}

static size_t find(char *const *slot, size_t cap, const char *key)
{
	size_t i = (size_t)hash(key) & (cap - 1);
	while (slot[i] && strcmp(slot[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

static int grow(sn_strset *s)
{
	size_t cap = s->cap * 2;
	char **slot = calloc(cap, sizeof *slot);
	if (!slot)
		return -1;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slot[i])
			slot[find(slot, cap, s->slot[i])] = s->slot[i];
	free(s->slot);
	s->slot = slot;
	s->cap = cap;
	return 0;
}

int sn_strset_add(sn_strset *s, const char *key)
{
	if ((s->n + 1) * 2 > s->cap && grow(s) < 0)
		return -1;
	size_t i = find(s->slot, s->cap, key);
	if (s->slot[i])
		return 0;
	if (!(s->slot[i] = strdup(key)))
		return -1;
	s->n++;
	return 0;
}

int sn_strset_has(const sn_strset *s, const char *key)
{
	return s->slot[find(s->slot, s->cap, key)] != NULL;
}

size_t sn_strset_count(const sn_strset *s)
{
	return s->n;
}

void sn_strset_free(sn_strset *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->cap; i++)
		free(s->slot[i]);
	free(s->slot);
	free(s);
}
