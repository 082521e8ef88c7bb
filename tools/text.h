/* text.h - the text layer: input encodings, NFC, name cleanup and Vietnamese matching keys.
 *
 * Everything inside sapnhap is UTF-8 in NFC. Input files arrive as UTF-8 (with or without BOM,
 * NFC or NFD), Windows-1258 (base letter + combining mark) or TCVN3 (TCVN 5712, ".Vn" fonts);
 * sn_decoder turns any of them into a UTF-8 byte stream, converting through glibc iconv.
 */
#ifndef SN_TEXT_H
#define SN_TEXT_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

typedef enum {
	SN_ENC_AUTO = 0, /* detect from the first bytes */
	SN_ENC_UTF8,
	SN_ENC_CP1258,
	SN_ENC_TCVN3,
	SN_ENC_UTF16LE,  /* what Excel's "Unicode Text" writes: detected by its byte-order mark */
	SN_ENC_UTF16BE
} sn_encoding;

/* "utf-8", "cp1258", "tcvn3", "utf-16le" or "utf-16be". */
const char *sn_encoding_name(sn_encoding enc);

/* Parses a user-given encoding name, case-insensitively: auto, utf-8/utf8, cp1258/windows-1258,
 * tcvn3/tcvn/tcvn5712, utf-16le, utf-16be. Returns 0 and sets *out, or -1 for an unknown name. */
int sn_encoding_parse(const char *name, sn_encoding *out);

/* Guesses the encoding of a sample of a file's first bytes (a multibyte character may be cut at
 * the end of the sample; that does not make it invalid). A UTF-16 byte-order mark (FF FE, FE FF),
 * or ASCII text with a NUL byte beside every character, is UTF-16; valid UTF-8 (or a UTF-8 BOM)
 * wins next; otherwise Windows-1258 or TCVN3 by which one's Vietnamese letters the bytes look
 * like. Pure ASCII is UTF-8. */
sn_encoding sn_detect_encoding(const unsigned char *buf, size_t len);

/* A streaming decoder: reads a file in any supported encoding, yields UTF-8 (BOM removed).
 * Memory is bounded (fixed buffers), whatever the file size. */
typedef struct sn_decoder sn_decoder;

/* Opens PATH ("-" = stdin). ENC may be SN_ENC_AUTO (detects from the first 64 KiB).
 * On failure returns NULL and writes a message into err, e.g.
 * "cannot open 'x.csv': No such file or directory". */
sn_decoder *sn_decoder_open(const char *path, sn_encoding enc, char *err, size_t errlen);

/* The encoding in use (after detection). */
sn_encoding sn_decoder_encoding(const sn_decoder *d);

/* Reads up to cap bytes of UTF-8 into buf. Returns the count, 0 at end of file, or -1 on error
 * with the message in sn_decoder_error(): for bytes that are not valid in the encoding it names
 * the physical line (1-based) of the raw input and the byte, e.g.
 * "line 17: invalid byte 0xff for utf-8". Output is not yet NFC (see sn_text_clean).
 * Characters that XML 1.0 cannot carry (a NUL byte, the other C0 controls except tab, LF and CR,
 * U+FFFE, U+FFFF) are refused the same way, e.g. "line 4: control character U+001B ...": what
 * is imported is exported again, and a NUL would silently cut a cell short. */
ssize_t sn_decoder_read(sn_decoder *d, char *buf, size_t cap);
const char *sn_decoder_error(const sn_decoder *d);
/* 1 when the decoder failed because its source could not be read (an I/O error), 0 for bad
 * bytes or no failure: the caller's exit status differs (4, 3), whatever the message's language. */
int sn_decoder_read_failed(const sn_decoder *d);
void sn_decoder_close(sn_decoder *d);

/* Adapter so a reader can take a decoder as its byte source. */
ssize_t sn_decoder_read_cb(void *decoder, char *buf, size_t cap);

/* NFC of a UTF-8 string. Returns a malloc'ed string (caller frees), NULL if s is not valid UTF-8. */
char *sn_nfc(const char *s);

/* Cleans a name cell: NFC, every whitespace run (spaces, tabs, CR/LF, NBSP) becomes one space,
 * trimmed both ends. Case and spelling are kept. Malloc'ed; NULL if not valid UTF-8.
 *   "  Phường\n Bình  Phước " -> "Phường Bình Phước" */
char *sn_text_clean(const char *s);

/* Columns S takes on a terminal, whatever its bytes: one a character, two for a wide (East
 * Asian) one, none for a combining mark or a control character; a byte that is not UTF-8, one.
 *   "Họ và tên:" -> 10 (14 bytes) */
int sn_text_width(const char *s);

/* Writes S padded with spaces to WIDTH columns (sn_text_width), as printf's "%*s" does with
 * bytes: on its left (aligned right) for a positive WIDTH, on its right for a negative one
 * ("%-*s"). A longer S is written whole. */
void sn_pad(FILE *f, const char *s, int width);

/* Unit types recognised at the start of a name (and their abbreviations). */
typedef enum {
	SN_TYPE_NONE = 0,
	SN_TYPE_TINH,      /* Tỉnh */
	SN_TYPE_THANHPHO,  /* Thành phố, TP. */
	SN_TYPE_QUAN,      /* Quận, Q. */
	SN_TYPE_HUYEN,     /* Huyện, H. */
	SN_TYPE_THIXA,     /* Thị xã, TX. */
	SN_TYPE_XA,        /* Xã */
	SN_TYPE_PHUONG,    /* Phường, P. */
	SN_TYPE_THITRAN,   /* Thị trấn, TT. */
	SN_TYPE_DACKHU     /* Đặc khu */
} sn_unit_type;

/* Lowercase Vietnamese label of a type: "tỉnh", "thành phố", "quận", "huyện", "thị xã", "xã",
 * "phường", "thị trấn", "đặc khu"; "" for NONE. */
const char *sn_unit_type_label(sn_unit_type t);

/* Parses a label as printed by sn_unit_type_label (or any casing/tone placement/abbreviation of
 * it). Returns SN_TYPE_NONE when unknown. */
sn_unit_type sn_unit_type_parse(const char *s);

enum {
	SN_KEY_KEEP_TYPE = 1,   /* keep the type prefix in the key (default: strip it) */
	SN_KEY_ASCII = 2        /* also drop all diacritics (đ -> d) */
};

/* Matching key of a Vietnamese name: equal keys = same name for a person. Folds case, Unicode form,
 * whitespace, tone-mark placement ("Hòa" = "Hoà", "Thụy" = "Thuỵ": the tone becomes a digit at the
 * end of its syllable), leading zeros in numbers ("Phường 01" = "Phường 1") and, unless
 * SN_KEY_KEEP_TYPE, a leading unit-type prefix (full word or abbreviation: "P.", "TT.", "Q.", "TP.",
 * "TX.", "H.", with or without a space after the dot). If type_out is not NULL it receives the
 * prefix found (SN_TYPE_NONE if none). Malloc'ed; NULL if s is not valid UTF-8.
 *   "Phường Hòa Bình"  -> "hoa2 binh2"      "P.Hoà Bình"   -> "hoa2 binh2"
 *   with SN_KEY_ASCII  -> "hoa binh"        "Xã Đức Hạnh"  -> "đưc5 hanh6" (tone digits 2-6) */
char *sn_name_key(const char *s, int flags, sn_unit_type *type_out);

/* Both keys of S at once, from one pass over the text (the address matcher computes them for
 * every part of millions of addresses): *key as sn_name_key(s, 0, type_out), *ascii as
 * sn_name_key(s, SN_KEY_ASCII, NULL). Both malloc'ed. Returns 0, or -1 if S is not valid UTF-8
 * (or out of memory), with both NULL.
 *   "P.Hoà Bình" -> "hoa2 binh2", "hoa binh", SN_TYPE_PHUONG */
int sn_name_keys(const char *s, char **key, char **ascii, sn_unit_type *type_out);

/* Splits a cell "Name (code)" into name and code: "Quận Ba Đình (001)" -> "Quận Ba Đình", "001".
 * Returns 1 if a trailing "(digits)" was found (name/code malloc'ed, name cleaned), 0 if not
 * (then *name = cleaned copy of s, *code = NULL), -1 if s is not valid UTF-8. */
int sn_split_name_code(const char *s, char **name, char **code);

/* Why an official name looks mistyped, or NULL when it does not. Conservative: stray or double
 * spaces, not NFC, a combining mark left after NFC, the type word without its diacritics, no
 * unit type at all. For stored names (already cleaned) only the last three can fire.
 *   "Xa Ea Kly" -> "type word without its diacritics"    "Xã  Hòa Khánh" -> "stray or double space"
 *   "Ea Kly"    -> "no unit type"                        "Xã Ea Kly"     -> NULL */
const char *sn_name_flaw(const char *name);

#endif
