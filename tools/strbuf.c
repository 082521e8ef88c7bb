/* strbuf.c - the growable byte buffer (strbuf.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"
#include "banned.h"

int sn_buf_grow(struct sn_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return -1;
	size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 64;
	if (need <= b->cap)
		return 0;
	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	char *p = realloc(b->p, cap);
	if (!p)
		return -1;
	b->p = p;
	b->cap = cap;
	return 0;
}

int sn_buf_add(struct sn_buf *b, const char *s, size_t n)
{
	if (sn_buf_grow(b, n)) {
		b->failed = 1;
		return -1;
	}
	if (n)
		memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
	return 0;
}

int sn_buf_adds(struct sn_buf *b, const char *s)
{
	return sn_buf_add(b, s, strlen(s));
}

const char *sn_buf_str(const struct sn_buf *b)
{
	return b->p ? b->p : "";
}

void sn_buf_reset(struct sn_buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void sn_buf_release(struct sn_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = 0;
}
