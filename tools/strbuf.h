/* strbuf.h - the one growable byte buffer (after git's strbuf): appended to, always
 * NUL-terminated once anything was added, freed with sn_buf_release.
 *
 *   struct sn_buf b = SN_BUF_INIT;
 *   if (sn_buf_adds(&b, "000.00.") || sn_buf_add(&b, "16.H19", 6)) -> out of memory
 *   puts(sn_buf_str(&b));        -> "000.00.16.H19"
 *   sn_buf_release(&b);
 */
#ifndef SN_STRBUF_H
#define SN_STRBUF_H

#include <stddef.h>

struct sn_buf {
	char *p;            /* the bytes and a NUL; NULL until the first addition */
	size_t len, cap;
	int failed;         /* an addition ran out of memory: a caller that appends many pieces
	                     * checks once at the end (cleared by sn_buf_release) */
};
#define SN_BUF_INIT { NULL, 0, 0, 0 }

/* Appends N bytes of S (NUL-terminated after). Returns 0, or -1 when out of memory (B is then
 * unchanged, and marked failed). */
int sn_buf_add(struct sn_buf *b, const char *s, size_t n);
int sn_buf_adds(struct sn_buf *b, const char *s);
/* Makes room for EXTRA more bytes and a NUL. Returns 0 or -1. */
int sn_buf_grow(struct sn_buf *b, size_t extra);
/* The contents, "" while empty. */
const char *sn_buf_str(const struct sn_buf *b);
/* Empties B, keeping its memory. */
void sn_buf_reset(struct sn_buf *b);
/* Frees B's memory; B is empty again. */
void sn_buf_release(struct sn_buf *b);

#endif
