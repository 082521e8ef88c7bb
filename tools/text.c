/* text.c - the text layer: encoding detection and decoding to UTF-8, NFC and whitespace cleanup,
 * unit-type prefixes and the tone-placement-insensitive matching keys of Vietnamese names.
 *
 * Windows-1258 and TCVN3 go through glibc iconv ("CP1258", "TCVN5712-1"); UTF-8 is validated
 * here without iconv so that an error can name the exact byte and line. Unicode work (NFC, NFD,
 * case, categories) is utf8proc's.
 */
#include "strbuf.h"
#include "text.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>
#include "i18n.h"
#include "banned.h"

/* ---------------------------------------------------------------- encodings */

const char *sn_encoding_name(sn_encoding enc)
{
	switch (enc) {
	case SN_ENC_UTF8: return "utf-8";
	case SN_ENC_CP1258: return "cp1258";
	case SN_ENC_TCVN3: return "tcvn3";
	case SN_ENC_UTF16LE: return "utf-16le";
	case SN_ENC_UTF16BE: return "utf-16be";
	case SN_ENC_AUTO: break;
	}
	return "auto";
}

int sn_encoding_parse(const char *name, sn_encoding *out)
{
	static const struct {
		const char *name;
		sn_encoding enc;
	} names[] = {
		{"auto", SN_ENC_AUTO},
		{"utf-8", SN_ENC_UTF8},       {"utf8", SN_ENC_UTF8},
		{"cp1258", SN_ENC_CP1258},    {"windows-1258", SN_ENC_CP1258},
		{"tcvn3", SN_ENC_TCVN3},      {"tcvn", SN_ENC_TCVN3},
		{"tcvn5712", SN_ENC_TCVN3},   {"tcvn5712-1", SN_ENC_TCVN3},
		{"utf-16le", SN_ENC_UTF16LE}, {"utf-16be", SN_ENC_UTF16BE},
	};
	if (!name)
		return -1;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcasecmp(name, names[i].name) == 0) {
			*out = names[i].enc;
			return 0;
		}
	}
	return -1;
}

/* Checks the UTF-8 sequence starting at p (avail bytes available). Returns 1 and sets *len for a
 * complete valid sequence, 0 if the bytes so far are a valid but unfinished prefix (the sequence
 * runs past avail), -1 if the sequence is invalid: stray continuation byte, overlong form (C0, C1,
 * E0 80-9F, F0 80-8F), UTF-16 surrogate (ED A0-BF), above U+10FFFF (F4 90+, F5-FF). */
static int utf8_check(const unsigned char *p, size_t avail, size_t *len)
{
	unsigned char b = p[0], lo = 0x80, hi = 0xBF;
	size_t n;

	if (b < 0x80) {
		*len = 1;
		return 1;
	}
	if (b < 0xC2)
		return -1;
	if (b < 0xE0) {
		n = 2;
	} else if (b < 0xF0) {
		n = 3;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b < 0xF5) {
		n = 4;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (size_t i = 1; i < n; i++) {
		if (i >= avail)
			return 0;
		if (p[i] < lo || p[i] > hi)
			return -1;
		lo = 0x80;
		hi = 0xBF;
	}
	*len = n;
	return 1;
}

/* Whether s[0..len) is entirely valid UTF-8 (no truncated sequence at the end). */
static int utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (utf8_check(p + i, len - i, &n) != 1)
			return 0;
		i += n;
	}
	return 1;
}

static int is_ascii_vowel(unsigned char c)
{
	return c && strchr("aeiouyAEIOUY", c) != NULL;
}

static int is_ascii_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

/* Windows-1258 bytes as a Vietnamese text uses them (checked against glibc's CP1258 table). */
enum { B_OTHER, B_PUNCT, B_TONE, B_VOWEL, B_TONED, B_DD, B_UNDEF };

static int cp1258_class(unsigned char b)
{
	switch (b) {
	case 0xCC: case 0xEC: case 0xD2: case 0xDE: case 0xF2:  /* grave acute hook tilde dot */
		return B_TONE;
	case 0xC2: case 0xC3: case 0xCA: case 0xD4: case 0xD5: case 0xDD:  /* Â Ă Ê Ô Ơ Ư */
	case 0xE2: case 0xE3: case 0xEA: case 0xF4: case 0xF5: case 0xFD:  /* â ă ê ô ơ ư */
		return B_VOWEL;
	case 0xC0: case 0xC1: case 0xC8: case 0xC9: case 0xCD: case 0xD3: case 0xD9: case 0xDA:
	case 0xE0: case 0xE1: case 0xE8: case 0xE9: case 0xED: case 0xF3: case 0xF9: case 0xFA:
		return B_TONED;  /* À Á È É Í Ó Ù Ú à á è é í ó ù ú */
	case 0xD0: case 0xF0:  /* Đ đ */
		return B_DD;
	case 0x81: case 0x8A: case 0x8D: case 0x8E: case 0x8F: case 0x90: case 0x9A: case 0x9D:
	case 0x9E:
		return B_UNDEF;  /* glibc rejects these */
	default:
		/* NBSP and the typographic quotes, dashes and bullets of 0x80-0x9F are ordinary in a
		 * Windows export; the symbols of 0xA1-0xBF and the letters Vietnamese does not use
		 * are not. */
		return b <= 0xA0 ? B_PUNCT : B_OTHER;
	}
}

static int cp1258_is_lower(unsigned char b)
{
	return is_ascii_lower(b) || (b >= 0xDF && b != 0xEC && b != 0xF2 && b != 0xF7 && b != 0xFE);
}

static int cp1258_is_upper_letter(unsigned char b)
{
	return b >= 0xC0 && b <= 0xDE && b != 0xCC && b != 0xD2 && b != 0xD7 && b != 0xDE;
}

/* TCVN3: 0xA8-0xAE are ă â ê ô ơ ư đ, 0xB0-0xB4 combining tone marks, the rest of 0xB5-0xFE
 * mostly precomposed lowercase letters; capitals sit in 0x80-0xA7 and a few scattered codes
 * (checked against glibc's TCVN5712-1 table). */
enum { T_OTHER, T_LOWER, T_UPPER, T_MARK };

static int tcvn3_class(unsigned char b)
{
	if (b >= 0xB0 && b <= 0xB4)
		return T_MARK;
	if (b >= 0x80 && b <= 0xA7)
		return b == 0xA0 ? T_OTHER : T_UPPER;  /* NBSP */
	switch (b) {
	case 0xAF: case 0xBA: case 0xBF: case 0xC0: case 0xC1: case 0xC2: case 0xC3: case 0xC4:
	case 0xC5: case 0xCD: case 0xD9: case 0xDA: case 0xDB: case 0xE0: case 0xF0: case 0xFF:
		return T_UPPER;
	default:
		return T_LOWER;
	}
}

/* A vowel that takes a TCVN3 combining tone mark: ASCII, or Ă Â Ê Ô Ơ Ư ă â ê ô ơ ư. */
static int tcvn3_is_vowel(unsigned char b)
{
	return is_ascii_vowel(b) || (b >= 0xA1 && b <= 0xA6) || (b >= 0xA8 && b <= 0xAD);
}

static int tcvn3_is_lower(unsigned char b)
{
	return is_ascii_lower(b) || (b >= 0x80 && tcvn3_class(b) == T_LOWER);
}

/* Scores how much bytes look like Vietnamese in Windows-1258 and in TCVN3. The strongest signals
 * are context ones: CP1258 writes tones as combining bytes that must follow a vowel, TCVN3's
 * capitals (which are CP1258's lowercase accented letters) cannot sit inside a lowercase word, and
 * CP1258 read as TCVN3 (or vice versa) produces exactly such misplaced bytes. */
static sn_encoding score_legacy(const unsigned char *buf, size_t len)
{
	long cp = 0, tc = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char b = buf[i], prev = i ? buf[i - 1] : ' ';
		if (b < 0x80)
			continue;

		switch (cp1258_class(b)) {
		case B_TONE:
			cp += (is_ascii_vowel(prev) || cp1258_class(prev) == B_VOWEL) ? 3 : -3;
			break;
		case B_VOWEL: case B_TONED: case B_DD:
			cp += 1;
			break;
		case B_UNDEF:
			cp -= 50;
			break;
		case B_PUNCT:
			break;
		default:
			cp -= 1;  /* symbols and non-Vietnamese letters */
			break;
		}
		if (cp1258_is_upper_letter(b) && cp1258_is_lower(prev))
			cp -= 2;  /* as for TCVN3 below */

		switch (tcvn3_class(b)) {
		case T_MARK:
			tc += tcvn3_is_vowel(prev) ? 3 : -3;
			break;
		case T_LOWER:
			tc += 1;
			break;
		case T_UPPER:  /* a capital right after a lowercase letter is implausible */
			tc += tcvn3_is_lower(prev) ? -2 : 1;
			break;
		default:
			break;
		}
	}
	/* Undecided goes to CP1258: it is what Excel on a Vietnamese Windows saves. */
	return tc > cp ? SN_ENC_TCVN3 : SN_ENC_CP1258;
}

sn_encoding sn_detect_encoding(const unsigned char *buf, size_t len)
{
	size_t i = 0, n, good = 0, bad = 0;

	if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
		return SN_ENC_UTF8;
	if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE)
		return SN_ENC_UTF16LE;
	if (len >= 2 && buf[0] == 0xFE && buf[1] == 0xFF)
		return SN_ENC_UTF16BE;
	/* UTF-16 without a byte-order mark: text that is mostly ASCII has a zero byte beside nearly
	 * every character, on the same side; no 8-bit text has that. */
	if (len >= 4) {
		size_t zero[2] = { 0, 0 }, pairs = len / 2;
		for (size_t k = 0; k + 1 < len; k += 2) {
			zero[0] += buf[k] == 0;
			zero[1] += buf[k + 1] == 0;
		}
		if (zero[1] * 10 >= pairs * 7 && zero[0] * 10 < pairs)
			return SN_ENC_UTF16LE;
		if (zero[0] * 10 >= pairs * 7 && zero[1] * 10 < pairs)
			return SN_ENC_UTF16BE;
	}
	while (i < len) {
		if (buf[i] < 0x80) {
			i++;
			continue;
		}
		int r = utf8_check(buf + i, len - i, &n);
		if (r == 0)
			break;  /* cut by the end of the sample */
		if (r < 0) {
			bad++;
			i++;
		} else {
			good++;
			i += n;
		}
	}
	/* A file of mostly well-formed multibyte sequences with a few bad bytes is UTF-8 that got
	 * damaged: calling it UTF-8 lets the decoder name the bad byte and its line instead of
	 * silently turning every letter into mojibake. Legacy Vietnamese text practically never
	 * forms valid multibyte UTF-8 sequences. */
	if (bad == 0 || (good >= 8 && good >= 4 * bad))
		return SN_ENC_UTF8;
	return score_legacy(buf, len);
}

/* ---------------------------------------------------------------- decoder */

enum {
	RAW_CAP = 64 * 1024,  /* raw input buffer, also the auto-detection sample */
	OUT_CAP = 16 * 1024   /* decoded UTF-8 waiting to be handed out */
};

struct sn_decoder {
	int fd;
	int own_fd;          /* 0 for stdin */
	sn_encoding enc;
	iconv_t cd;          /* (iconv_t)-1 for UTF-8 */
	unsigned char raw[RAW_CAP];
	size_t raw_pos, raw_len;
	char out[OUT_CAP];
	size_t out_pos, out_len;
	long line;           /* physical line of raw[raw_pos], 1-based */
	int eof;             /* the source is exhausted */
	int done;            /* everything, including iconv's held-back state, has been produced */
	int failed;          /* err holds the message; no more output after out drains */
	int read_failed;     /* the failure is the source's (I/O), not its bytes */
	char err[512];       /* in the language in use: a Vietnamese message is longer in bytes */
};

/* Sets the error "line N: MESSAGE" (csv.c recognises the form, in English or translated) from
 * the translated format FMT; the decoder has failed. */
__attribute__((format(printf, 2, 3)))
static void set_error(sn_decoder *d, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(d->err, sizeof d->err, _("line %ld: %s"), d->line, msg);
	d->failed = 1;
}

/* Reads once into the free part of raw (after moving the unconsumed tail to the front). Sets
 * eof at end of input. Returns 0 or -1 (errno set). */
static int fill_once(sn_decoder *d)
{
	size_t tail = d->raw_len - d->raw_pos;

	if (d->raw_pos > 0) {
		memmove(d->raw, d->raw + d->raw_pos, tail);
		d->raw_pos = 0;
		d->raw_len = tail;
	}
	for (;;) {
		ssize_t r = read(d->fd, d->raw + d->raw_len, RAW_CAP - d->raw_len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			d->eof = 1;
		d->raw_len += (size_t)r;
		return 0;
	}
}

/* The error for the byte at raw[raw_pos]: not valid in the encoding, or the start of a
 * character that the end of the file cut. */
static void set_byte_error(sn_decoder *d, int truncated)
{
	unsigned int b = d->raw[d->raw_pos];
	const char *enc = sn_encoding_name(d->enc);

	if ((d->enc == SN_ENC_UTF16LE || d->enc == SN_ENC_UTF16BE) && !truncated &&
	    d->raw_pos + 1 < d->raw_len) {
		/* UTF-16 goes by 16-bit units: name the unit (a surrogate without its other half). */
		unsigned u = d->enc == SN_ENC_UTF16LE ? b | (unsigned)d->raw[d->raw_pos + 1] << 8
						      : b << 8 | d->raw[d->raw_pos + 1];
		set_error(d, _("invalid %s unit 0x%04x (half of a surrogate pair)"), enc, u);
	} else if (truncated)
		set_error(d, _("truncated %s sequence at end of file (byte 0x%02x)"), enc, b);
	else
		set_error(d, _("invalid byte 0x%02x for %s"), b, enc);
}

/* The error for a character that XML 1.0 cannot carry: we refuse what we could not export. */
static void set_char_error(sn_decoder *d, unsigned long cp)
{
	if (cp == 0)
		set_error(d, "%s", _("a NUL byte inside the text (the file is damaged, or is not text): it "
				     "would cut the value short; remove it"));
	else if (cp < 0x20)
		set_error(d, _("control character U+%04lX is not allowed in text (XML cannot carry it); "
			       "remove it"), cp);
	else
		set_error(d, _("non-character U+%04lX is not allowed in text (XML cannot carry it); "
			       "remove it"), cp);
}

/* Whether the byte is a C0 control that XML 1.0 refuses (all but tab, LF and CR). */
static int bad_control(unsigned char b)
{
	return b < 0x20 && b != '\t' && b != '\n' && b != '\r';
}

/* Counts the lines of the UTF-8 that iconv produced in out[from, out_len) and refuses what XML
 * cannot carry (set_char_error; the output stops before it). Lines are counted on the output
 * because LF is LF in every encoding we convert, and in UTF-16 a 0x0A byte is not always one. */
static void scan_out(sn_decoder *d, size_t from)
{
	for (size_t i = from; i < d->out_len; i++) {
		unsigned char b = (unsigned char)d->out[i];
		unsigned long cp;
		if (b == '\n') {
			d->line++;
			continue;
		}
		if (bad_control(b))
			cp = b;
		else if (b == 0xEF && i + 2 < d->out_len && (unsigned char)d->out[i + 1] == 0xBF &&
			 (unsigned char)d->out[i + 2] >= 0xBE)
			cp = 0xFFFEul + ((unsigned char)d->out[i + 2] - 0xBE);
		else
			continue;
		d->out_len = i;
		set_char_error(d, cp);
		return;
	}
}

/* Validates and copies whole UTF-8 sequences from raw to out until either runs out. A sequence
 * cut by the end of raw stays there for the next fill. */
static void convert_utf8(sn_decoder *d)
{
	const unsigned char *p = d->raw + d->raw_pos, *end = d->raw + d->raw_len;
	char *o = d->out + d->out_len, *oend = d->out + OUT_CAP;
	size_t n;

	while (p < end && o < oend) {
		if (*p < 0x80) {
			if (*p == '\n')
				d->line++;
			else if (bad_control(*p)) {
				set_char_error(d, *p);
				break;
			}
			*o++ = (char)*p++;
			continue;
		}
		int r = utf8_check(p, (size_t)(end - p), &n);
		if (r == 0)
			break;
		if (r < 0) {
			d->raw_pos = (size_t)(p - d->raw);
			set_byte_error(d, 0);
			break;
		}
		if (n == 3 && p[0] == 0xEF && p[1] == 0xBF && p[2] >= 0xBE) {
			set_char_error(d, 0xFFFEul + (p[2] - 0xBEu));
			break;
		}
		if ((size_t)(oend - o) < n)
			break;
		memcpy(o, p, n);
		o += n;
		p += n;
	}
	d->raw_pos = (size_t)(p - d->raw);
	d->out_len = (size_t)(o - d->out);
}

static void convert_iconv(sn_decoder *d)
{
	char *in = (char *)d->raw + d->raw_pos, *o = d->out + d->out_len;
	size_t inleft = d->raw_len - d->raw_pos, oleft = OUT_CAP - d->out_len;
	size_t from = d->out_len;
	size_t r = iconv(d->cd, &in, &inleft, &o, &oleft);
	int e = errno;
	size_t used = (size_t)((unsigned char *)in - (d->raw + d->raw_pos));

	d->raw_pos += used;
	d->out_len = (size_t)(o - d->out);
	scan_out(d, from);
	if (d->failed)
		return;
	/* EINVAL (input ends inside a character) keeps the tail for the next fill; E2BIG just means
	 * out is full and gets drained first. */
	if (r == (size_t)-1 && e == EILSEQ) {
		/* Hand out the letter the decoder holds back, so the output stops at the bad byte. */
		oleft = OUT_CAP - d->out_len;
		if (oleft > 0) {
			from = d->out_len;
			o = d->out + d->out_len;
			iconv(d->cd, NULL, NULL, &o, &oleft);
			d->out_len = (size_t)(o - d->out);
			scan_out(d, from);
			if (d->failed)
				return;
		}
		set_byte_error(d, 0);
	}
}

/* Refills out (which must be drained) with at least one byte, or sets done or failed. */
static void produce(sn_decoder *d)
{
	d->out_pos = d->out_len = 0;
	while (!d->failed && !d->done) {
		if (d->raw_pos < d->raw_len) {
			if (d->cd == (iconv_t)-1)
				convert_utf8(d);
			else
				convert_iconv(d);
			if (d->out_len > 0 || d->failed)
				return;
		}
		if (!d->eof) {
			if (fill_once(d) < 0) {
				d->read_failed = 1;
				set_error(d, _("read error: %s"), sn_strerror(errno));
			}
			continue;
		}
		if (d->raw_pos < d->raw_len) {
			set_byte_error(d, 1);
			return;
		}
		if (d->cd != (iconv_t)-1) {
			/* glibc's CP1258/TCVN3 decoders hold back the last letter in case a combining
			 * tone mark follows; this hands it out. */
			size_t from = d->out_len;
			char *o = d->out + d->out_len;
			size_t oleft = OUT_CAP - d->out_len;
			iconv(d->cd, NULL, NULL, &o, &oleft);
			d->out_len = (size_t)(o - d->out);
			scan_out(d, from);
			if (d->failed)
				return;
		}
		d->done = 1;
	}
}

sn_decoder *sn_decoder_open(const char *path, sn_encoding enc, char *err, size_t errlen)
{
	sn_decoder *d;
	const char *ic = NULL;

	if (errlen)
		err[0] = '\0';
	d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(ENOMEM));
		return NULL;
	}
	d->line = 1;
	d->cd = (iconv_t)-1;
	if (strcmp(path, "-") == 0) {
		d->fd = STDIN_FILENO;
		d->own_fd = 0;
	} else {
		struct stat st;
		d->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (d->fd < 0) {
			snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(errno));
			free(d);
			return NULL;
		}
		d->own_fd = 1;
		if (fstat(d->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			snprintf(err, errlen, _("cannot open '%s': %s"), path, sn_strerror(EISDIR));
			sn_decoder_close(d);
			return NULL;
		}
	}
	/* The first RAW_CAP bytes are both the detection sample and the first input to decode, so
	 * nothing needs to be re-read (stdin cannot be). */
	while (!d->eof && d->raw_len < RAW_CAP) {
		if (fill_once(d) < 0) {
			snprintf(err, errlen, _("cannot read '%s': %s"), path, sn_strerror(errno));
			sn_decoder_close(d);
			return NULL;
		}
	}
	if (enc == SN_ENC_AUTO)
		enc = sn_detect_encoding(d->raw, d->raw_len);
	d->enc = enc;
	if (enc == SN_ENC_UTF8) {
		if (d->raw_len >= 3 && memcmp(d->raw, "\xEF\xBB\xBF", 3) == 0)
			d->raw_pos = 3;
	} else {
		/* The byte-order mark is skipped; iconv reads the stated byte order. */
		if ((enc == SN_ENC_UTF16LE && d->raw_len >= 2 && d->raw[0] == 0xFF && d->raw[1] == 0xFE) ||
		    (enc == SN_ENC_UTF16BE && d->raw_len >= 2 && d->raw[0] == 0xFE && d->raw[1] == 0xFF))
			d->raw_pos = 2;
		ic = enc == SN_ENC_CP1258 ? "CP1258" : enc == SN_ENC_TCVN3 ? "TCVN5712-1"
		   : enc == SN_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
		d->cd = iconv_open("UTF-8", ic);
		if (d->cd == (iconv_t)-1) {
			snprintf(err, errlen, _("cannot decode '%s' from %s: %s"), path,
				 sn_encoding_name(enc), sn_strerror(errno));
			sn_decoder_close(d);
			return NULL;
		}
	}
	return d;
}

sn_encoding sn_decoder_encoding(const sn_decoder *d)
{
	return d->enc;
}

ssize_t sn_decoder_read(sn_decoder *d, char *buf, size_t cap)
{
	size_t n = 0;

	if (cap > SSIZE_MAX)
		cap = SSIZE_MAX;
	while (n < cap) {
		if (d->out_pos < d->out_len) {
			size_t k = d->out_len - d->out_pos;
			if (k > cap - n)
				k = cap - n;
			memcpy(buf + n, d->out + d->out_pos, k);
			d->out_pos += k;
			n += k;
			continue;
		}
		/* Output decoded before an error is delivered first; the error comes on the next call. */
		if (d->failed)
			return n ? (ssize_t)n : -1;
		if (d->done)
			break;
		produce(d);
	}
	return (ssize_t)n;
}

int sn_decoder_read_failed(const sn_decoder *d)
{
	return d->read_failed;
}

const char *sn_decoder_error(const sn_decoder *d)
{
	return d->err;
}

void sn_decoder_close(sn_decoder *d)
{
	if (!d)
		return;
	if (d->cd != (iconv_t)-1)
		iconv_close(d->cd);
	if (d->own_fd)
		close(d->fd);
	free(d);
}

ssize_t sn_decoder_read_cb(void *decoder, char *buf, size_t cap)
{
	return sn_decoder_read(decoder, buf, cap);
}

/* ---------------------------------------------------------------- NFC and cleanup */

/* NFC quick check (UAX #15) over a set of code points that are NFC whatever surrounds them:
 * quick-check Yes, combining class 0, and no two of them compose. Everything below U+0300 and
 * the precomposed Latin letters of U+1E00..U+1EFF qualify, which covers Vietnamese as it is
 * normally written (composed): such text skips utf8proc's decomposition and recomposition.
 * (Checked exhaustively against utf8proc: each of these 1,023 code points is unchanged by NFC,
 * alone and after any other of them.) Returns 1 when S is NFC by this check, 0 when utf8proc
 * must decide, -1 when S is not valid UTF-8. */
static int nfc_quick(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	int inert = 1;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (utf8_check(p + i, len - i, &n) != 1)
			return -1;
		if (inert) {
			long c = n == 2 ? ((long)(p[i] & 0x1F) << 6 | (p[i + 1] & 0x3F)) :
				 n == 3 ? ((long)(p[i] & 0x0F) << 12 | (long)(p[i + 1] & 0x3F) << 6 |
					   (p[i + 2] & 0x3F)) : 0x10000;
			inert = c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF);
		}
		i += n;
	}
	return inert;
}

char *sn_nfc(const char *s)
{
	utf8proc_uint8_t *out = NULL;

	if (!s)
		return NULL;
	/* ASCII is NFC already: codes, dates and numbers (most cells of a big import) skip utf8proc. */
	const unsigned char *a = (const unsigned char *)s;
	while (*a && *a < 0x80)
		a++;
	if (!*a)
		return strdup(s);
	int r = nfc_quick((const char *)a, strlen((const char *)a));
	if (r < 0)
		return NULL;
	if (r == 1)
		return strdup(s);
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
			 UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE) < 0)
		return NULL;
	return (char *)out;
}

/* White space for cleanup: what spreadsheets and web copies leave in cells, including NBSP, the
 * typographic spaces, zero-width space and a BOM that ended up inside a cell. */
static int is_space_cp(utf8proc_int32_t c)
{
	return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200B) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

char *sn_text_clean(const char *s)
{
	char *t = sn_nfc(s);
	size_t len, i = 0, o = 0;
	int pending = 0;

	if (!t)
		return NULL;
	len = strlen(t);
	/* In place: every whitespace run is at least one byte and becomes at most one. */
	while (i < len) {
		unsigned char b = (unsigned char)t[i];
		if (b < 0x80) {
			/* ASCII, most bytes of most cells: no decoding needed. */
			if (b == ' ' || (b >= '\t' && b <= '\r')) {
				pending = 1;
			} else {
				if (pending && o > 0)
					t[o++] = ' ';
				pending = 0;
				t[o++] = (char)b;
			}
			i++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)t + i,
						      (utf8proc_ssize_t)(len - i), &c);
		if (n <= 0) {  /* cannot happen after validation; stay safe */
			free(t);
			return NULL;
		}
		if (is_space_cp(c)) {
			pending = 1;
		} else {
			if (pending && o > 0)
				t[o++] = ' ';
			pending = 0;
			memmove(t + o, t + i, (size_t)n);
			o += (size_t)n;
		}
		i += (size_t)n;
	}
	t[o] = '\0';
	return t;
}

/* ---------------------------------------------------------------- display width */

int sn_text_width(const char *s)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	int w = 0;
	while (*p) {
		if (*p < 0x80) {  /* ASCII, as utf8proc_charwidth says, without decoding */
			w += *p >= 0x20 && *p < 0x7F;
			p++;
			continue;
		}
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(p, -1, &c);
		if (n <= 0) {  /* not UTF-8: one column a byte */
			w++;
			p++;
			continue;
		}
		w += utf8proc_charwidth(c);
		p += n;
	}
	return w;
}

void sn_pad(FILE *f, const char *s, int width)
{
	int left = width < 0, pad = (left ? -width : width) - sn_text_width(s);
	if (!left)
		fprintf(f, "%*s", pad > 0 ? pad : 0, "");
	fputs(s, f);
	if (left)
		fprintf(f, "%*s", pad > 0 ? pad : 0, "");
}

/* ---------------------------------------------------------------- names and keys */

/* Keys are built by plain appends to strbuf.h's buffer; its failed flag is checked once at the end. */
static void buf_add(struct sn_buf *b, const void *src, size_t n)
{
	(void)sn_buf_add(b, src, n);
}

static void buf_addc(struct sn_buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* A syllable: a maximal run of letters and digits (with their combining marks) of the lowercased
 * NFD text, its tone mark taken out and kept as a number. */
struct tok {
	size_t off, len;     /* in the token text buffer: NFD, lowercase, vowel marks, no tone */
	int tone;            /* 1 none, 2 grave, 3 hook above, 4 tilde, 5 acute, 6 dot below */
	int dot_after;       /* the character right after it is '.' (abbreviations) */
	int digits;          /* only ASCII digits */
};

struct toks {
	struct sn_buf text;
	struct tok *v;
	size_t n, cap;
	int oom;
};

static int tone_of(utf8proc_int32_t c)
{
	switch (c) {
	case 0x0300: return 2;
	case 0x0309: return 3;
	case 0x0303: return 4;
	case 0x0301: return 5;
	case 0x0323: return 6;
	default: return 0;
	}
}

static void toks_free(struct toks *t)
{
	sn_buf_release(&t->text);
	free(t->v);
}

/* Splits valid UTF-8 s into syllables. Returns 0, or -1 when out of memory. */
/* Opens a token at the end of the text so far; -1 (and t->oom) when out of memory. */
static int tok_start(struct toks *t)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 8;
		struct tok *v = realloc(t->v, cap * sizeof *v);
		if (!v) {
			t->oom = 1;
			return -1;
		}
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n] = (struct tok){t->text.len, 0, 1, 0, 1};
	t->n++;
	return 0;
}

static int tokenize(const char *s, struct toks *t)
{
	utf8proc_uint8_t *nfd = NULL;
	utf8proc_ssize_t len;
	size_t i = 0;
	int in = 0;

	memset(t, 0, sizeof *t);
	/* ASCII (codes, names typed without diacritics) needs no decomposition and no Unicode
	 * categories: the same syllables, read directly. */
	const unsigned char *a = (const unsigned char *)s;
	while (*a && *a < 0x80)
		a++;
	if (!*a) {
		for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
			unsigned char c = *p;
			int digit = c >= '0' && c <= '9';
			int letter = digit || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			if (letter) {
				if (!in) {
					if (tok_start(t) < 0)
						break;
					in = 1;
				}
				buf_addc(&t->text, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
				if (!digit)
					t->v[t->n - 1].digits = 0;
				t->v[t->n - 1].len = t->text.len - t->v[t->n - 1].off;
			} else if (in) {
				in = 0;
				t->v[t->n - 1].dot_after = c == '.';
			}
		}
		if (t->oom || t->text.failed) {
			toks_free(t);
			return -1;
		}
		return 0;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, 0, &nfd,
			   UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
	if (len < 0)
		return -1;
	while (i < (size_t)len) {
		utf8proc_int32_t c;
		utf8proc_ssize_t n = utf8proc_iterate(nfd + i, len - (utf8proc_ssize_t)i, &c);
		if (n <= 0)
			break;
		i += (size_t)n;
		utf8proc_category_t cat = utf8proc_category(c);
		int letter = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
			     (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
		int mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;

		if (letter) {
			if (!in) {
				if (tok_start(t) < 0)
					break;
				in = 1;
			}
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(c), enc);
			buf_add(&t->text, enc, (size_t)k);
			if (c < '0' || c > '9')
				t->v[t->n - 1].digits = 0;
		} else if (mark) {
			if (!in)
				continue;  /* a stray mark after a separator carries nothing */
			struct tok *tk = &t->v[t->n - 1];
			int tone = tone_of(c);
			if (tone) {
				if (tk->tone == 1)
					tk->tone = tone;
			} else {
				utf8proc_uint8_t enc[4];
				utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
				buf_add(&t->text, enc, (size_t)k);
				tk->digits = 0;
			}
		} else if (in) {
			in = 0;
			t->v[t->n - 1].dot_after = c == '.';
		}
		if (in)
			t->v[t->n - 1].len = t->text.len - t->v[t->n - 1].off;
	}
	free(nfd);
	if (t->oom || t->text.failed) {
		toks_free(t);
		return -1;
	}
	return 0;
}

/* The unit types, as syllables of the lowercased NFD text without tone (see tokenize), so that
 * matching them ignores case, normalization form and tone placement. Two-word types come first so
 * that "Thị xã" is never read as something shorter. */
static const struct type_def {
	sn_unit_type type;
	const char *label;
	int nw;
	struct {
		const char *text;
		int tone;
	} w[2];
	const char *abbr;
} type_defs[] = {
	{SN_TYPE_THANHPHO, "thành phố", 2, {{"thanh", 2}, {"pho\xcc\x82", 5}}, "tp"},
	{SN_TYPE_THIXA, "thị xã", 2, {{"thi", 6}, {"xa", 4}}, "tx"},
	{SN_TYPE_THITRAN, "thị trấn", 2, {{"thi", 6}, {"tra\xcc\x82n", 5}}, "tt"},
	{SN_TYPE_DACKHU, "đặc khu", 2, {{"\xc4\x91" "a\xcc\x86" "c", 6}, {"khu", 1}}, NULL},
	{SN_TYPE_TINH, "tỉnh", 1, {{"tinh", 3}, {NULL, 0}}, NULL},
	{SN_TYPE_QUAN, "quận", 1, {{"qua\xcc\x82n", 6}, {NULL, 0}}, "q"},
	{SN_TYPE_HUYEN, "huyện", 1, {{"huye\xcc\x82n", 6}, {NULL, 0}}, "h"},
	{SN_TYPE_XA, "xã", 1, {{"xa", 4}, {NULL, 0}}, NULL},
	{SN_TYPE_PHUONG, "phường", 1, {{"phu\xcc\x9bo\xcc\x9bng", 2}, {NULL, 0}}, "p"},
};

enum { N_TYPES = sizeof type_defs / sizeof type_defs[0] };

static int tok_is(const struct toks *t, size_t i, const char *text, int tone)
{
	size_t n = strlen(text);
	return t->v[i].len == n && t->v[i].tone == tone && memcmp(t->text.p + t->v[i].off, text, n) == 0;
}

/* Finds a unit type at the start of the tokens. As a prefix (whole = 0) something must follow it
 * and an abbreviation needs its dot ("TP HCM" is not a prefix: too many names start with short
 * syllables); as a whole label (whole = 1) it must be all there is and the dot is optional.
 * Sets *used to the number of tokens it takes. */
static sn_unit_type match_type(const struct toks *t, int whole, size_t *used)
{
	for (size_t d = 0; d < N_TYPES; d++) {
		const struct type_def *td = &type_defs[d];
		size_t nw = (size_t)td->nw, k;
		if (whole ? t->n != nw : t->n <= nw)
			continue;
		for (k = 0; k < nw; k++)
			if (!tok_is(t, k, td->w[k].text, td->w[k].tone))
				break;
		if (k == nw) {
			*used = nw;
			return td->type;
		}
	}
	for (size_t d = 0; d < N_TYPES; d++) {
		const struct type_def *td = &type_defs[d];
		if (!td->abbr || (whole ? t->n != 1 : t->n <= 1))
			continue;
		if (tok_is(t, 0, td->abbr, 1) && (whole || t->v[0].dot_after)) {
			*used = 1;
			return td->type;
		}
	}
	*used = 0;
	return SN_TYPE_NONE;
}

const char *sn_unit_type_label(sn_unit_type t)
{
	for (size_t d = 0; d < N_TYPES; d++)
		if (type_defs[d].type == t)
			return type_defs[d].label;
	return "";
}

sn_unit_type sn_unit_type_parse(const char *s)
{
	struct toks t;
	size_t used;
	sn_unit_type type;

	if (!s || !utf8_valid(s, strlen(s)) || tokenize(s, &t) < 0)
		return SN_TYPE_NONE;
	type = match_type(&t, 1, &used);
	toks_free(&t);
	return type;
}

/* Appends token i of t to the key: leading zeros of a number dropped, tone as a digit at the end
 * unless ascii (which also drops every combining mark and turns đ into d). */
static void key_add_tok(struct sn_buf *out, const struct toks *t, size_t i, int ascii)
{
	const struct tok *tk = &t->v[i];
	const char *p = t->text.p + tk->off;
	size_t n = tk->len;

	if (tk->digits) {
		while (n > 1 && *p == '0') {
			p++;
			n--;
		}
		buf_add(out, p, n);
		return;  /* a tone mark on a number is noise */
	}
	if (!ascii) {
		buf_add(out, p, n);
		if (tk->tone > 1)
			buf_addc(out, (char)('0' + tk->tone));
		return;
	}
	for (size_t j = 0; j < n;) {
		utf8proc_int32_t c;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p + j,
						      (utf8proc_ssize_t)(n - j), &c);
		if (k <= 0)
			break;
		utf8proc_category_t cat = utf8proc_category(c);
		if (c == 0x0111)
			buf_addc(out, 'd');
		else if (cat < UTF8PROC_CATEGORY_MN || cat > UTF8PROC_CATEGORY_ME)
			buf_add(out, p + j, (size_t)k);
		j += (size_t)k;
	}
}

/* The key of valid UTF-8 s (see sn_name_key), or NULL when out of memory.
 *
 * Why the tone goes to the end of the syllable: where the tone mark sits differs between the old
 * and the new orthography ("Hòa" / "Hoà", "Thụy" / "Thuỵ") and official lists use both, even
 * for the same unit from one year to the next. Taking the tone off its vowel and writing it once
 * per syllable keeps it (so "Hòa" and "Hóa" still differ) while making its placement irrelevant. */
static char *name_key(const char *s, int flags, sn_unit_type *type_out)
{
	struct toks t;
	struct sn_buf out = SN_BUF_INIT;
	size_t used = 0, start = 0;
	sn_unit_type type;
	int ascii = (flags & SN_KEY_ASCII) != 0;
	char *key;

	if (tokenize(s, &t) < 0)
		return NULL;
	type = match_type(&t, 0, &used);
	if (type_out)
		*type_out = type;
	buf_add(&out, "", 0);
	if (type != SN_TYPE_NONE) {
		start = used;
		if (flags & SN_KEY_KEEP_TYPE) {
			/* The canonical label, so "P.1" and "Phường 01" keep equal keys. */
			char *label = name_key(sn_unit_type_label(type), flags & SN_KEY_ASCII, NULL);
			if (!label)
				out.failed = 1;
			else
				buf_add(&out, label, strlen(label));
			free(label);
		}
	}
	for (size_t i = start; i < t.n; i++) {
		if (out.len > 0)
			buf_addc(&out, ' ');
		key_add_tok(&out, &t, i, ascii);
	}
	toks_free(&t);
	if (out.failed) {
		sn_buf_release(&out);
		return NULL;
	}
	/* Recompose the vowel marks (â ơ ư ...); tone digits and spaces keep syllables apart. */
	key = sn_nfc(out.p);
	sn_buf_release(&out);
	return key;
}

/* Both keys of valid UTF-8 s from one tokenization (see sn_name_keys). */
static int name_keys(const char *s, char **key, char **ascii, sn_unit_type *type_out)
{
	struct toks t;
	struct sn_buf out = SN_BUF_INIT, aout = SN_BUF_INIT;
	size_t used = 0, start = 0;
	sn_unit_type type;

	*key = *ascii = NULL;
	if (tokenize(s, &t) < 0)
		return -1;
	type = match_type(&t, 0, &used);
	if (type_out)
		*type_out = type;
	if (type != SN_TYPE_NONE)
		start = used;
	buf_add(&out, "", 0);
	buf_add(&aout, "", 0);
	for (size_t i = start; i < t.n; i++) {
		if (out.len > 0)
			buf_addc(&out, ' ');
		if (aout.len > 0)
			buf_addc(&aout, ' ');
		key_add_tok(&out, &t, i, 0);
		key_add_tok(&aout, &t, i, 1);
	}
	toks_free(&t);
	if (out.failed || aout.failed) {
		sn_buf_release(&out);
		sn_buf_release(&aout);
		return -1;
	}
	/* The ASCII key is ASCII unless the name has letters Vietnamese does not use; NFC only then. */
	*key = sn_nfc(out.p);
	*ascii = sn_nfc(aout.p);
	sn_buf_release(&out);
	sn_buf_release(&aout);
	if (!*key || !*ascii) {
		free(*key);
		free(*ascii);
		*key = *ascii = NULL;
		return -1;
	}
	return 0;
}

int sn_name_keys(const char *s, char **key, char **ascii, sn_unit_type *type_out)
{
	if (type_out)
		*type_out = SN_TYPE_NONE;
	*key = *ascii = NULL;
	if (!s || !utf8_valid(s, strlen(s)))
		return -1;
	return name_keys(s, key, ascii, type_out);
}

char *sn_name_key(const char *s, int flags, sn_unit_type *type_out)
{
	if (type_out)
		*type_out = SN_TYPE_NONE;
	if (!s || !utf8_valid(s, strlen(s)))
		return NULL;
	return name_key(s, flags, type_out);
}

int sn_split_name_code(const char *s, char **name, char **code)
{
	char *c = sn_text_clean(s);
	size_t n, j, dend, dstart;

	*name = NULL;
	*code = NULL;
	if (!c)
		return -1;
	n = strlen(c);
	/* After cleanup the cell ends in ")" with at most single spaces around the digits. */
	if (n == 0 || c[n - 1] != ')')
		goto none;
	j = n - 1;
	if (j > 0 && c[j - 1] == ' ')
		j--;
	dend = j;
	while (j > 0 && c[j - 1] >= '0' && c[j - 1] <= '9')
		j--;
	dstart = j;
	if (dstart == dend)
		goto none;
	if (j > 0 && c[j - 1] == ' ')
		j--;
	if (j == 0 || c[j - 1] != '(')
		goto none;
	j--;
	while (j > 0 && c[j - 1] == ' ')
		j--;
	*code = malloc(dend - dstart + 1);
	if (!*code) {
		free(c);
		return -1;
	}
	memcpy(*code, c + dstart, dend - dstart);
	(*code)[dend - dstart] = '\0';
	c[j] = '\0';
	*name = c;
	return 1;
none:
	*name = c;
	return 0;
}

const char *sn_name_flaw(const char *s)
{
	/* The reasons are in English, marked for the catalog: 'units check' translates them in its
	 * rule's SQL (tr(), rules.h). */
	if (!s || !utf8_valid(s, strlen(s)))
		return N_("not valid UTF-8");
	size_t n = strlen(s);
	if (n == 0)
		return N_("empty");
	if (s[0] == ' ' || s[n - 1] == ' ' || strstr(s, "  ") || strpbrk(s, "\t\r\n"))
		return N_("stray or double space");
	char *nfc = sn_nfc(s);
	int same = nfc && strcmp(nfc, s) == 0;
	if (!nfc)
		return N_("not valid UTF-8");
	/* A combining mark (U+0300-U+036F) left after NFC sits on a letter it cannot combine with. */
	const char *mark = NULL;
	for (const unsigned char *p = (const unsigned char *)nfc; *p && !mark; p++)
		if ((p[0] == 0xCC && p[1] >= 0x80) || (p[0] == 0xCD && p[1] >= 0x80 && p[1] <= 0xAF))
			mark = N_("a diacritic that does not combine with its letter");
	free(nfc);
	if (mark)
		return mark;
	if (!same)
		return N_("not in NFC");
	sn_unit_type t = SN_TYPE_NONE;
	char *k = sn_name_key(s, 0, &t);
	free(k);
	if (t != SN_TYPE_NONE)
		return NULL;
	/* The type word typed without its diacritics ("Xa Ea Kly"): the words as written, in ASCII. */
	static const char *const bare[] = { "Xa ", "Phuong ", "Dac khu ", "Thi tran ", "Thi xa ",
					    "Tinh ", "Thanh pho ", "Huyen " };
	for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++)
		if (strncasecmp(s, bare[i], strlen(bare[i])) == 0)
			return N_("type word without its diacritics");
	return N_("no unit type");
}
