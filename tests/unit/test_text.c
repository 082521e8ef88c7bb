/* test_text.c - unit tests of the text layer (tools/text.c): encoding names and detection, the
 * streaming decoder (every encoding, error positions, buffer boundaries), NFC and cleanup, unit
 * types, name keys and "Name (code)" cells.
 *
 * Legacy-encoded inputs are produced at run time with iconv from UTF-8 literals, so the test data
 * is readable here. Tests on the shared reference data skip when ../shared/data is absent.
 */
#include "testutil.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

#define SHARED_FLAT "../shared/data/units/nso-conversion-2025.flat.csv"
#define SHARED_FLAT_CP1258 "../shared/data/units/nso-conversion-2025.flat.cp1258.csv"

static const char *const VN_SAMPLE =
	"Xã Tân Thành, huyện Đồng Phú, tỉnh Bình Phước\n"
	"Phường Trấn Biên, thành phố Biên Hòa, tỉnh Đồng Nai\n"
	"Thị trấn Tân Phú, xã Bình Sơn, xã Xuân Đông, xã Xuân Hòa\n"
	"Nhập toàn bộ diện tích và dân số của xã Mỹ Hưng\n";

/* ------------------------------------------------------------ helpers */

/* Converts NUL-terminated UTF-8 text to encoding TO with iconv. Malloc'ed, length in *outlen. */
static char *conv_to(const char *to, const char *utf8, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(utf8), cap = inleft * 4 + 16, oleft = cap;
	char *out = malloc(cap), *o = out, *in = (char *)utf8;

	assert_true(cd != (iconv_t)-1);
	assert_non_null(out);
	assert_true(iconv(cd, &in, &inleft, &o, &oleft) != (size_t)-1);
	assert_true(iconv(cd, NULL, NULL, &o, &oleft) != (size_t)-1);
	iconv_close(cd);
	*outlen = (size_t)(o - out);
	return out;
}

/* Writes bytes to a new temporary file; returns its malloc'ed path. */
static char *write_temp(const void *data, size_t len)
{
	char *path = malloc(32);
	int fd;

	assert_non_null(path);
	snprintf(path, 32, "/tmp/sn_text_XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
	return path;
}

static void remove_temp(char *path)
{
	unlink(path);
	free(path);
}

/* Everything a decoder yields, read in chunks of CHUNK bytes. Returns the malloc'ed bytes
 * (NUL-terminated, length in *len) and stores the last read result in *last. */
static char *read_all(sn_decoder *d, size_t chunk, size_t *len, ssize_t *last)
{
	size_t cap = 1 << 16, n = 0;
	char *all = malloc(cap);
	ssize_t r;

	assert_non_null(all);
	for (;;) {
		if (n + chunk + 1 > cap) {
			cap = (n + chunk + 1) * 2;
			all = realloc(all, cap);
			assert_non_null(all);
		}
		r = sn_decoder_read(d, all + n, chunk);
		if (r <= 0)
			break;
		assert_true((size_t)r <= chunk);
		n += (size_t)r;
	}
	all[n] = '\0';
	*len = n;
	*last = r;
	return all;
}

/* Decodes a whole file (asserting no error) and returns its output as NFC. */
static char *decode_file_nfc(const char *path, sn_encoding enc, sn_encoding *used, size_t chunk)
{
	char err[256];
	sn_decoder *d = sn_decoder_open(path, enc, err, sizeof err);
	size_t len;
	ssize_t last;
	char *all, *nfc;

	assert_non_null(d);
	all = read_all(d, chunk, &len, &last);
	assert_int_equal(last, 0);
	assert_string_equal(sn_decoder_error(d), "");
	assert_int_equal(strlen(all), len);
	if (used)
		*used = sn_decoder_encoding(d);
	sn_decoder_close(d);
	nfc = sn_nfc(all);
	assert_non_null(nfc);
	free(all);
	return nfc;
}

/* Decodes bytes through a temp file and checks the output before the error and the error message.
 * EXPECT_ERR takes a string literal so that embedded bytes are counted by sizeof. */
static void expect_decode_error(const void *data, size_t len, sn_encoding enc, const char *expect_out,
				const char *expect_err)
{
	char *path = write_temp(data, len);
	char err[256];
	sn_decoder *d = sn_decoder_open(path, enc, err, sizeof err);
	size_t n;
	ssize_t last;
	char *all;

	assert_non_null(d);
	all = read_all(d, 5, &n, &last);
	assert_int_equal(last, -1);
	assert_string_equal(all, expect_out);
	assert_string_equal(sn_decoder_error(d), expect_err);
	/* The error sticks. */
	assert_int_equal(sn_decoder_read(d, all, 1), -1);
	free(all);
	sn_decoder_close(d);
	remove_temp(path);
}

#define EXPECT_ERR(lit, enc, out, msg) expect_decode_error(lit, sizeof(lit) - 1, enc, out, msg)

static void assert_key(const char *name, int flags, const char *expect)
{
	char *k = sn_name_key(name, flags, NULL);
	assert_non_null(k);
	assert_string_equal(k, expect);
	free(k);
}

static void assert_same_key(const char *a, const char *b, int flags)
{
	char *ka = sn_name_key(a, flags, NULL), *kb = sn_name_key(b, flags, NULL);
	assert_non_null(ka);
	assert_non_null(kb);
	if (strcmp(ka, kb) != 0)
		fail_msg("keys differ: \"%s\" -> \"%s\", \"%s\" -> \"%s\"", a, ka, b, kb);
	free(ka);
	free(kb);
}

static void assert_different_key(const char *a, const char *b, int flags)
{
	char *ka = sn_name_key(a, flags, NULL), *kb = sn_name_key(b, flags, NULL);
	assert_non_null(ka);
	assert_non_null(kb);
	if (strcmp(ka, kb) == 0)
		fail_msg("keys equal: \"%s\", \"%s\" -> \"%s\"", a, b, ka);
	free(ka);
	free(kb);
}

static void assert_clean(const char *in, const char *expect)
{
	char *c = sn_text_clean(in);
	assert_non_null(c);
	assert_string_equal(c, expect);
	free(c);
}

/* ------------------------------------------------------------ encodings */

static void test_encoding_names(void **state)
{
	sn_encoding e = SN_ENC_UTF8;
	(void)state;

	assert_string_equal(sn_encoding_name(SN_ENC_UTF8), "utf-8");
	assert_string_equal(sn_encoding_name(SN_ENC_CP1258), "cp1258");
	assert_string_equal(sn_encoding_name(SN_ENC_TCVN3), "tcvn3");

	assert_int_equal(sn_encoding_parse("auto", &e), 0);
	assert_int_equal(e, SN_ENC_AUTO);
	assert_int_equal(sn_encoding_parse("UTF-8", &e), 0);
	assert_int_equal(e, SN_ENC_UTF8);
	e = SN_ENC_AUTO;
	assert_int_equal(sn_encoding_parse("utf8", &e), 0);
	assert_int_equal(e, SN_ENC_UTF8);
	assert_int_equal(sn_encoding_parse("cp1258", &e), 0);
	assert_int_equal(e, SN_ENC_CP1258);
	e = SN_ENC_AUTO;
	assert_int_equal(sn_encoding_parse("Windows-1258", &e), 0);
	assert_int_equal(e, SN_ENC_CP1258);
	assert_int_equal(sn_encoding_parse("TCVN3", &e), 0);
	assert_int_equal(e, SN_ENC_TCVN3);
	e = SN_ENC_AUTO;
	assert_int_equal(sn_encoding_parse("tcvn", &e), 0);
	assert_int_equal(e, SN_ENC_TCVN3);
	e = SN_ENC_AUTO;
	assert_int_equal(sn_encoding_parse("tcvn5712", &e), 0);
	assert_int_equal(e, SN_ENC_TCVN3);

	e = SN_ENC_CP1258;
	assert_int_equal(sn_encoding_parse("latin1", &e), -1);
	assert_int_equal(sn_encoding_parse("", &e), -1);
	assert_int_equal(sn_encoding_parse("utf-16", &e), -1);
	assert_int_equal(e, SN_ENC_CP1258);  /* untouched on failure */
}

static void test_detect_utf8(void **state)
{
	const char *ascii = "code,name\n00004,Phuong Ba Dinh\n";
	const char *bom = "\xEF\xBB\xBFma,ten\n";
	const char *vn = "Xã Tân Thành, huyện Đồng Phú";
	(void)state;

	assert_int_equal(sn_detect_encoding((const unsigned char *)"", 0), SN_ENC_UTF8);
	assert_int_equal(sn_detect_encoding((const unsigned char *)ascii, strlen(ascii)), SN_ENC_UTF8);
	assert_int_equal(sn_detect_encoding((const unsigned char *)bom, strlen(bom)), SN_ENC_UTF8);
	assert_int_equal(sn_detect_encoding((const unsigned char *)vn, strlen(vn)), SN_ENC_UTF8);
	/* A sample cut inside "ã" (C3 A3) and inside "Đ" (C4 90) is still UTF-8. */
	assert_int_equal(sn_detect_encoding((const unsigned char *)vn, 2), SN_ENC_UTF8);
	assert_int_equal(sn_detect_encoding((const unsigned char *)"\xE1\xBB", 2), SN_ENC_UTF8);
	/* ... but a cut sequence followed by more bytes is not. */
	assert_int_not_equal(sn_detect_encoding((const unsigned char *)"\xE1\xBB" "a", 3), SN_ENC_UTF8);
}

static void test_detect_cp1258(void **state)
{
	size_t len;
	char *cp = conv_to("CP1258", VN_SAMPLE, &len);
	(void)state;

	assert_int_equal(sn_detect_encoding((unsigned char *)cp, len), SN_ENC_CP1258);
	free(cp);
	cp = conv_to("CP1258", "Thành phố Hồ Chí Minh", &len);
	assert_int_equal(sn_detect_encoding((unsigned char *)cp, len), SN_ENC_CP1258);
	free(cp);
	cp = conv_to("CP1258", "THÀNH PHỐ HÀ NỘI", &len);
	assert_int_equal(sn_detect_encoding((unsigned char *)cp, len), SN_ENC_CP1258);
	free(cp);
	/* Undecidable bytes default to CP1258. */
	assert_int_equal(sn_detect_encoding((const unsigned char *)"\xA0", 1), SN_ENC_CP1258);
}

static void test_detect_tcvn3(void **state)
{
	static const char *const samples[] = {
		"Xã Tân Thành, huyện Đồng Phú, tỉnh Bình Phước",
		"Phường Trấn Biên, thành phố Biên Hòa",
		"Nhập toàn bộ diện tích và dân số",
		"Đơn vị hành chính trước ngày 01/7/2025",
	};
	size_t len;
	char *tc = conv_to("TCVN5712-1", VN_SAMPLE, &len);
	(void)state;

	/* The bytes really are TCVN3: "Xã" is 58 B7, "Thành" has B5. */
	assert_memory_equal(tc, "X\xB7 T\xA9n Th\xB5nh", 12);
	assert_int_equal(sn_detect_encoding((unsigned char *)tc, len), SN_ENC_TCVN3);
	free(tc);
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		tc = conv_to("TCVN5712-1", samples[i], &len);
		assert_int_equal(sn_detect_encoding((unsigned char *)tc, len), SN_ENC_TCVN3);
		free(tc);
	}
}

static int shared_data_present(void)
{
	if (access(SHARED_FLAT, R_OK) == 0 && access(SHARED_FLAT_CP1258, R_OK) == 0)
		return 1;
	printf("skipped: reference data %s not found (run from the repository root)\n", SHARED_FLAT);
	return 0;
}

static sn_encoding detect_file_head(const char *path)
{
	unsigned char *buf = malloc(64 * 1024);
	FILE *f = fopen(path, "rb");
	size_t n;
	sn_encoding e;

	assert_non_null(buf);
	assert_non_null(f);
	n = fread(buf, 1, 64 * 1024, f);
	fclose(f);
	assert_true(n > 0);
	e = sn_detect_encoding(buf, n);
	free(buf);
	return e;
}

static void test_detect_real_data(void **state)
{
	(void)state;
	if (!shared_data_present()) {
		skip();
		return;
	}
	assert_int_equal(detect_file_head(SHARED_FLAT_CP1258), SN_ENC_CP1258);
	assert_int_equal(detect_file_head(SHARED_FLAT), SN_ENC_UTF8);
}

/* The Windows-1258 export decodes to exactly the UTF-8 export (up to normalization). */
static void test_decode_real_data(void **state)
{
	sn_encoding used;
	char *a, *b;
	(void)state;

	if (!shared_data_present()) {
		skip();
		return;
	}
	a = decode_file_nfc(SHARED_FLAT, SN_ENC_AUTO, &used, 8192);
	assert_int_equal(used, SN_ENC_UTF8);
	b = decode_file_nfc(SHARED_FLAT_CP1258, SN_ENC_AUTO, &used, 8192);
	assert_int_equal(used, SN_ENC_CP1258);
	assert_true(strlen(a) > 1000000);
	assert_string_equal(a, b);
	assert_non_null(strstr(b, "Thành phố Hà Nội (01),Phường Ba Đình,00004,Phường Trúc Bạch"));
	free(a);
	free(b);
}

/* ------------------------------------------------------------ decoder */

static void roundtrip(const void *bytes, size_t len, sn_encoding enc, sn_encoding expect_enc,
		      const char *expect_nfc)
{
	char *path = write_temp(bytes, len);
	sn_encoding used;
	char *out;

	/* Odd chunk sizes exercise handing out a partly consumed output buffer. */
	out = decode_file_nfc(path, enc, &used, 7);
	assert_int_equal(used, expect_enc);
	assert_string_equal(out, expect_nfc);
	free(out);
	out = decode_file_nfc(path, enc, &used, 1);
	assert_string_equal(out, expect_nfc);
	free(out);
	remove_temp(path);
}

static void test_decode_utf8(void **state)
{
	char bom[512];
	(void)state;

	roundtrip(VN_SAMPLE, strlen(VN_SAMPLE), SN_ENC_AUTO, SN_ENC_UTF8, VN_SAMPLE);
	roundtrip(VN_SAMPLE, strlen(VN_SAMPLE), SN_ENC_UTF8, SN_ENC_UTF8, VN_SAMPLE);
	snprintf(bom, sizeof bom, "\xEF\xBB\xBF%s", VN_SAMPLE);
	roundtrip(bom, strlen(bom), SN_ENC_AUTO, SN_ENC_UTF8, VN_SAMPLE);
	roundtrip(bom, strlen(bom), SN_ENC_UTF8, SN_ENC_UTF8, VN_SAMPLE);
	/* Only a leading BOM goes. */
	roundtrip("a\xEF\xBB\xBF", 4, SN_ENC_UTF8, SN_ENC_UTF8, "a\xEF\xBB\xBF");
	roundtrip("", 0, SN_ENC_AUTO, SN_ENC_UTF8, "");
	/* 4-byte characters pass. */
	roundtrip("\xF0\x9F\x98\x80\n", 5, SN_ENC_AUTO, SN_ENC_UTF8, "\xF0\x9F\x98\x80\n");
}

static void test_decode_utf8_nfd_kept(void **state)
{
	/* The decoder does not normalize: NFD input comes out NFD. */
	const char *nfd = "Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng";  /* Phường */
	char *path = write_temp(nfd, strlen(nfd));
	char err[256], buf[64];
	sn_decoder *d = sn_decoder_open(path, SN_ENC_AUTO, err, sizeof err);
	ssize_t n;
	(void)state;

	assert_non_null(d);
	n = sn_decoder_read(d, buf, sizeof buf - 1);
	assert_int_equal(n, (ssize_t)strlen(nfd));
	buf[n] = '\0';
	assert_string_equal(buf, nfd);
	assert_int_equal(sn_decoder_read(d, buf, sizeof buf), 0);
	sn_decoder_close(d);
	remove_temp(path);
}

static void test_decode_cp1258(void **state)
{
	size_t len;
	char *cp = conv_to("CP1258", VN_SAMPLE, &len);
	(void)state;

	/* glibc writes "ồ" as ô + combining grave (F4 CC). */
	int found = 0;
	for (size_t i = 0; i + 1 < len; i++)
		found |= cp[i] == '\xF4' && cp[i + 1] == '\xCC';
	assert_true(found);
	roundtrip(cp, len, SN_ENC_AUTO, SN_ENC_CP1258, VN_SAMPLE);
	roundtrip(cp, len, SN_ENC_CP1258, SN_ENC_CP1258, VN_SAMPLE);
	free(cp);
	/* The decoder's held-back last letter comes out at end of file. */
	roundtrip("Ho\xE0", 3, SN_ENC_CP1258, SN_ENC_CP1258, "Hoà");
	roundtrip("Hoa\xCC", 4, SN_ENC_CP1258, SN_ENC_CP1258, "Hoà");
}

static void test_decode_tcvn3(void **state)
{
	size_t len;
	char *tc = conv_to("TCVN5712-1", VN_SAMPLE, &len);
	(void)state;

	roundtrip(tc, len, SN_ENC_AUTO, SN_ENC_TCVN3, VN_SAMPLE);
	roundtrip(tc, len, SN_ENC_TCVN3, SN_ENC_TCVN3, VN_SAMPLE);
	free(tc);
}

static void test_decode_invalid_utf8(void **state)
{
	(void)state;
	EXPECT_ERR("ab\ncd\nx\xFFy\n", SN_ENC_UTF8, "ab\ncd\nx",
			    "line 3: invalid byte 0xff for utf-8");
	/* Overlong "/" (C0 AF), overlong 3-byte form, surrogate U+D800, above U+10FFFF, stray
	 * continuation byte, lead byte followed by ASCII: all rejected at their first byte. */
	EXPECT_ERR("a\n\xC0\xAF", SN_ENC_UTF8, "a\n", "line 2: invalid byte 0xc0 for utf-8");
	EXPECT_ERR("\xE0\x80\xAF", SN_ENC_UTF8, "", "line 1: invalid byte 0xe0 for utf-8");
	EXPECT_ERR("ok\xED\xA0\x80", SN_ENC_UTF8, "ok", "line 1: invalid byte 0xed for utf-8");
	EXPECT_ERR("\xF4\x90\x80\x80", SN_ENC_UTF8, "", "line 1: invalid byte 0xf4 for utf-8");
	EXPECT_ERR("\n\n\n\x80", SN_ENC_UTF8, "\n\n\n", "line 4: invalid byte 0x80 for utf-8");
	EXPECT_ERR("H\xC3 N\xE1\xBB\x99i", SN_ENC_UTF8, "H",
			    "line 1: invalid byte 0xc3 for utf-8");
	/* CRLF files count lines by LF. */
	EXPECT_ERR("a\r\nb\r\n\xFE", SN_ENC_UTF8, "a\r\nb\r\n",
			    "line 3: invalid byte 0xfe for utf-8");
}

/* What XML 1.0 cannot carry (and a NUL, which would cut a C string) is refused with its line,
 * in every encoding; tab, LF and CR pass. */
static void test_decode_refused_characters(void **state)
{
	(void)state;
	EXPECT_ERR("a,b\nc\0d", SN_ENC_UTF8, "a,b\nc",
		   "line 2: a NUL byte inside the text (the file is damaged, or is not text): it would "
		   "cut the value short; remove it");
	EXPECT_ERR("\t\r\n\x1b[31m", SN_ENC_UTF8, "\t\r\n",
		   "line 2: control character U+001B is not allowed in text (XML cannot carry it); remove it");
	EXPECT_ERR("x\xEF\xBF\xBE", SN_ENC_UTF8, "x",
		   "line 1: non-character U+FFFE is not allowed in text (XML cannot carry it); remove it");
	EXPECT_ERR("\n\xEF\xBF\xBF", SN_ENC_UTF8, "\n",
		   "line 2: non-character U+FFFF is not allowed in text (XML cannot carry it); remove it");
	EXPECT_ERR("Ha\xCC\n\x01", SN_ENC_CP1258, "Hà\n",
		   "line 2: control character U+0001 is not allowed in text (XML cannot carry it); remove it");
	/* UTF-16: lines counted by character, not by 0x0A bytes (U+0A0A is one character). */
	EXPECT_ERR("\xFF\xFE\x0A\x0A\n\x00\x1F\x00", SN_ENC_UTF16LE, "\xE0\xA8\x8A\n",
		   "line 2: control character U+001F is not allowed in text (XML cannot carry it); remove it");
	EXPECT_ERR("\xFF\xFE" "a\x00\x00\xD8" "b\x00", SN_ENC_UTF16LE, "a",
		   "line 1: invalid utf-16le unit 0xd800 (half of a surrogate pair)");
}

static void test_decode_utf16(void **state)
{
	(void)state;
	/* By the byte-order mark (removed), either order; without one, by the zero bytes. */
	roundtrip("\xFF\xFEH\x00\xF2\x00" "a\x00\n\x00", 10, SN_ENC_AUTO, SN_ENC_UTF16LE, "H\xC3\xB2" "a\n");
	roundtrip("\xFE\xFF\x00H\x1E\xA1", 6, SN_ENC_AUTO, SN_ENC_UTF16BE, "H\xE1\xBA\xA1");
	roundtrip("c\x00o\x00" "d\x00" "e\x00,\x00x\x00", 12, SN_ENC_AUTO, SN_ENC_UTF16LE, "code,x");
	roundtrip("\x00" "c\x00o\x00" "d\x00" "e", 8, SN_ENC_AUTO, SN_ENC_UTF16BE, "code");
}

static void test_decode_truncated_eof(void **state)
{
	(void)state;
	EXPECT_ERR("abc\nd\xE1\xBB", SN_ENC_UTF8, "abc\nd",
			    "line 2: truncated utf-8 sequence at end of file (byte 0xe1)");
	EXPECT_ERR("\xC3", SN_ENC_UTF8, "",
			    "line 1: truncated utf-8 sequence at end of file (byte 0xc3)");
}

static void test_decode_invalid_cp1258(void **state)
{
	(void)state;
	/* 0x81 is one of the codes Windows-1258 leaves undefined (also 8A, 8D-90, 9A, 9D, 9E). */
	EXPECT_ERR("Ha\xCC\n\xF0o\x81", SN_ENC_CP1258, "Hà\nđo",
			    "line 2: invalid byte 0x81 for cp1258");
	EXPECT_ERR("\n\n\x9E", SN_ENC_CP1258, "\n\n", "line 3: invalid byte 0x9e for cp1258");
}

/* A file much larger than the 64 KiB input buffer, made of 3-byte characters after 0-3 ASCII
 * bytes, so that characters are cut by the buffer end at every possible offset. */
static void test_decode_buffer_boundaries(void **state)
{
	const char *unit = "ế";  /* E1 BA BF */
	size_t count = 70000;     /* 210 KB */
	(void)state;

	for (size_t pre = 0; pre < 4; pre++) {
		size_t len = pre + count * 3 + 1;
		char *data = malloc(len + 1);
		assert_non_null(data);
		memset(data, 'a', pre);
		for (size_t i = 0; i < count; i++)
			memcpy(data + pre + i * 3, unit, 3);
		data[len - 1] = '\n';
		data[len] = '\0';

		char *path = write_temp(data, len);
		sn_encoding used;
		char *out = decode_file_nfc(path, SN_ENC_AUTO, &used, 4093);
		assert_int_equal(used, SN_ENC_UTF8);
		assert_string_equal(out, data);
		free(out);
		remove_temp(path);
		free(data);
	}
}

/* The same for Windows-1258 (letters + combining tone bytes cut apart) and TCVN3. */
static void test_decode_buffer_boundaries_legacy(void **state)
{
	static const char *const encs[] = {"CP1258", "TCVN5712-1"};
	static const sn_encoding ids[] = {SN_ENC_CP1258, SN_ENC_TCVN3};
	size_t one = strlen(VN_SAMPLE), reps = 1500;
	char *text = malloc(one * reps + 1);
	(void)state;

	assert_non_null(text);
	for (size_t i = 0; i < reps; i++)
		memcpy(text + i * one, VN_SAMPLE, one);
	text[one * reps] = '\0';
	for (size_t e = 0; e < 2; e++) {
		size_t len;
		char *bytes = conv_to(encs[e], text, &len);
		assert_true(len > 3 * 64 * 1024);
		char *path = write_temp(bytes, len);
		sn_encoding used;
		char *out = decode_file_nfc(path, SN_ENC_AUTO, &used, 10007);
		assert_int_equal(used, ids[e]);
		assert_string_equal(out, text);
		free(out);
		remove_temp(path);
		free(bytes);
	}
	free(text);
}

/* Line numbers keep counting across buffer refills. */
static void test_decode_error_line_far(void **state)
{
	const char *row = "Xã Tân Thành,25270\n";
	size_t rl = strlen(row), rows = 20000;
	char *data = malloc(rl * rows + 8);
	(void)state;

	assert_non_null(data);
	for (size_t i = 0; i < rows; i++)
		memcpy(data + i * rl, row, rl);
	memcpy(data + rl * rows, "ab\xFF", 3);

	char *path = write_temp(data, rl * rows + 3);
	char err[256];
	sn_decoder *d = sn_decoder_open(path, SN_ENC_AUTO, err, sizeof err);
	size_t n;
	ssize_t last;
	assert_non_null(d);
	assert_int_equal(sn_decoder_encoding(d), SN_ENC_UTF8);
	char *all = read_all(d, 65536, &n, &last);
	assert_int_equal(last, -1);
	assert_int_equal(n, rl * rows + 2);
	assert_string_equal(sn_decoder_error(d), "line 20001: invalid byte 0xff for utf-8");
	free(all);
	sn_decoder_close(d);
	remove_temp(path);

	/* The same in Windows-1258. */
	size_t cplen;
	char *cp = conv_to("CP1258", "Xã Tân Thành,25270\n", &cplen);
	assert_true(cplen <= rl);
	for (size_t i = 0; i < rows; i++)
		memcpy(data + i * cplen, cp, cplen);
	memcpy(data + cplen * rows, "ab\x8D", 3);
	path = write_temp(data, cplen * rows + 3);
	d = sn_decoder_open(path, SN_ENC_AUTO, err, sizeof err);
	assert_non_null(d);
	assert_int_equal(sn_decoder_encoding(d), SN_ENC_CP1258);
	all = read_all(d, 65536, &n, &last);
	assert_int_equal(last, -1);
	assert_string_equal(sn_decoder_error(d), "line 20001: invalid byte 0x8d for cp1258");
	free(all);
	free(cp);
	sn_decoder_close(d);
	remove_temp(path);
	free(data);
}

static void test_decode_open_failure(void **state)
{
	char err[256];
	(void)state;

	assert_null(sn_decoder_open("/nonexistent-dir/x.csv", SN_ENC_AUTO, err, sizeof err));
	assert_string_equal(err, "cannot open '/nonexistent-dir/x.csv': No such file or directory");
	assert_null(sn_decoder_open("/tmp", SN_ENC_UTF8, err, sizeof err));
	assert_string_equal(err, "cannot open '/tmp': Is a directory");
}

static void test_decode_stdin(void **state)
{
	size_t len;
	char *cp = conv_to("CP1258", VN_SAMPLE, &len);
	char *path = write_temp(cp, len);
	int saved = dup(STDIN_FILENO);
	FILE *f = fopen(path, "rb");
	char err[256];
	(void)state;

	assert_true(saved >= 0);
	assert_non_null(f);
	assert_true(dup2(fileno(f), STDIN_FILENO) >= 0);
	fclose(f);

	sn_decoder *d = sn_decoder_open("-", SN_ENC_AUTO, err, sizeof err);
	assert_non_null(d);
	assert_int_equal(sn_decoder_encoding(d), SN_ENC_CP1258);
	size_t n;
	ssize_t last;
	char *all = read_all(d, 100, &n, &last);
	assert_int_equal(last, 0);
	char *nfc = sn_nfc(all);
	assert_string_equal(nfc, VN_SAMPLE);
	sn_decoder_close(d);  /* does not close stdin */
	assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
	close(saved);
	free(nfc);
	free(all);
	free(cp);
	remove_temp(path);
}

static void test_decode_read_cb(void **state)
{
	char *path = write_temp("Đồng Nai\n", strlen("Đồng Nai\n"));
	char err[256], buf[64];
	sn_decoder *d = sn_decoder_open(path, SN_ENC_UTF8, err, sizeof err);
	ssize_t n;
	(void)state;

	assert_non_null(d);
	n = sn_decoder_read_cb(d, buf, sizeof buf);
	assert_int_equal(n, (ssize_t)strlen("Đồng Nai\n"));
	assert_memory_equal(buf, "Đồng Nai\n", (size_t)n);
	assert_int_equal(sn_decoder_read_cb(d, buf, sizeof buf), 0);
	assert_int_equal(sn_decoder_read_cb(d, buf, 0), 0);
	sn_decoder_close(d);
	remove_temp(path);
}

/* ------------------------------------------------------------ NFC and cleanup */

static void test_nfc(void **state)
{
	char *s;
	(void)state;

	/* "Phường Hòa" in NFD, tone and horn as combining marks. */
	s = sn_nfc("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng Ho\xCC\x80" "a");
	assert_non_null(s);
	assert_string_equal(s, "Phường Hòa");
	free(s);
	/* Windows-1258 order (base, then tone) for "Nguyễn": e + circumflex is ê, then tilde. */
	s = sn_nfc("Nguy\xC3\xAA\xCC\x83n");
	assert_string_equal(s, "Nguyễn");
	free(s);
	s = sn_nfc("");
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
	assert_null(sn_nfc("H\xC3"));
	assert_null(sn_nfc("\xED\xA0\x80"));
	assert_null(sn_nfc("\xC0\xAF"));
}

static void test_text_clean(void **state)
{
	(void)state;
	assert_clean("  Phường\n Bình  Phước ", "Phường Bình Phước");
	assert_clean("Xã\r\nTân\tThành", "Xã Tân Thành");
	assert_clean("\xC2\xA0Thị trấn\xC2\xA0\xC2\xA0Tân Phú\xC2\xA0", "Thị trấn Tân Phú");
	assert_clean("Nhập một  phần", "Nhập một phần");
	assert_clean("a\xE3\x80\x80" "b\xE2\x80\x8B" "c\xEF\xBB\xBF" "d\xE2\x80\x83" "e\v\ff", "a b c d e f");
	assert_clean("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng  Ba \xC4\x90i\xCC\x80nh", "Phường Ba Đình");
	assert_clean("Thị Xã", "Thị Xã");  /* case kept */
	assert_clean("   ", "");
	assert_clean("", "");
	assert_null(sn_text_clean("Xã \xFF"));
}

/* ------------------------------------------------------------ unit types */

static void test_unit_type_label(void **state)
{
	(void)state;
	assert_string_equal(sn_unit_type_label(SN_TYPE_NONE), "");
	assert_string_equal(sn_unit_type_label(SN_TYPE_TINH), "tỉnh");
	assert_string_equal(sn_unit_type_label(SN_TYPE_THANHPHO), "thành phố");
	assert_string_equal(sn_unit_type_label(SN_TYPE_QUAN), "quận");
	assert_string_equal(sn_unit_type_label(SN_TYPE_HUYEN), "huyện");
	assert_string_equal(sn_unit_type_label(SN_TYPE_THIXA), "thị xã");
	assert_string_equal(sn_unit_type_label(SN_TYPE_XA), "xã");
	assert_string_equal(sn_unit_type_label(SN_TYPE_PHUONG), "phường");
	assert_string_equal(sn_unit_type_label(SN_TYPE_THITRAN), "thị trấn");
	assert_string_equal(sn_unit_type_label(SN_TYPE_DACKHU), "đặc khu");
	/* Every label parses back to its type. */
	for (int t = SN_TYPE_TINH; t <= SN_TYPE_DACKHU; t++)
		assert_int_equal(sn_unit_type_parse(sn_unit_type_label((sn_unit_type)t)), t);
}

static void test_unit_type_parse(void **state)
{
	(void)state;
	assert_int_equal(sn_unit_type_parse("Thị Xã"), SN_TYPE_THIXA);
	assert_int_equal(sn_unit_type_parse("THỊ XÃ"), SN_TYPE_THIXA);
	assert_int_equal(sn_unit_type_parse(" thị  trấn "), SN_TYPE_THITRAN);
	assert_int_equal(sn_unit_type_parse("Thi\xCC\xA3 tra\xCC\x82\xCC\x81n"), SN_TYPE_THITRAN);
	assert_int_equal(sn_unit_type_parse("Phường"), SN_TYPE_PHUONG);
	assert_int_equal(sn_unit_type_parse("Xã"), SN_TYPE_XA);
	assert_int_equal(sn_unit_type_parse("Đặc khu"), SN_TYPE_DACKHU);
	assert_int_equal(sn_unit_type_parse("Thành Phố"), SN_TYPE_THANHPHO);
	assert_int_equal(sn_unit_type_parse("TP."), SN_TYPE_THANHPHO);
	assert_int_equal(sn_unit_type_parse("Tp"), SN_TYPE_THANHPHO);
	assert_int_equal(sn_unit_type_parse("TX."), SN_TYPE_THIXA);
	assert_int_equal(sn_unit_type_parse("TT."), SN_TYPE_THITRAN);
	assert_int_equal(sn_unit_type_parse("Q."), SN_TYPE_QUAN);
	assert_int_equal(sn_unit_type_parse("H."), SN_TYPE_HUYEN);
	assert_int_equal(sn_unit_type_parse("P."), SN_TYPE_PHUONG);

	assert_int_equal(sn_unit_type_parse(""), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("Thành"), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("Thị"), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("Xa"), SN_TYPE_NONE);      /* tone matters */
	assert_int_equal(sn_unit_type_parse("Xá"), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("Phường Bình Phước"), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("Tổ dân phố"), SN_TYPE_NONE);
	assert_int_equal(sn_unit_type_parse("\xFF"), SN_TYPE_NONE);
}

/* ------------------------------------------------------------ name keys */

static void test_key_examples(void **state)
{
	/* The examples of text.h, exactly. */
	(void)state;
	assert_key("Phường Hòa Bình", 0, "hoa2 binh2");
	assert_key("P.Hoà Bình", 0, "hoa2 binh2");
	assert_key("Phường Hòa Bình", SN_KEY_ASCII, "hoa binh");
	assert_key("Xã Đức Hạnh", 0, "đưc5 hanh6");
	assert_key("Xã Đức Hạnh", SN_KEY_ASCII, "duc hanh");
	/* Each tone digit. */
	assert_key("Ba Bà Bả Bã Bá Bạ", 0, "ba ba2 ba3 ba4 ba5 ba6");
	/* Vowel marks kept, recomposed. */
	assert_key("Trấn Biên Ơn Ưng Ăn", 0, "trân5 biên ơn ưng ăn");
	assert_key("Tân Thành", 0, "tân thanh2");
}

static void test_key_tone_placement(void **state)
{
	(void)state;
	assert_same_key("Hòa", "Hoà", 0);
	assert_same_key("Xã Xuân Hòa", "Xã Xuân Hoà", 0);
	assert_same_key("Thụy", "Thuỵ", 0);
	assert_same_key("Khỏe", "Khoẻ", 0);
	assert_same_key("Thủy", "Thuỷ", 0);
	assert_key("Thuỵ", 0, "thuy6");
	assert_key("Hoà", 0, "hoa2");
}

static void test_key_folding(void **state)
{
	(void)state;
	/* Case. */
	assert_same_key("Thị Xã Bình Long", "Thị xã Bình Long", 0);
	assert_same_key("THỊ XÃ BÌNH LONG", "thị xã bình long", 0);
	assert_same_key("Đồng Nai", "đồng nai", 0);
	/* NFD vs NFC. */
	assert_same_key("Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng Ho\xCC\x80" "a", "Phường Hòa", 0);
	assert_same_key("\xC4\x90o\xCC\x82\xCC\x80ng", "Đồng", 0);
	/* Whitespace and punctuation. */
	assert_same_key("  Bình \n Phước ", "Bình Phước", 0);
	assert_same_key("Bà Rịa - Vũng Tàu", "Bà Rịa-Vũng Tàu", 0);
	assert_key("Bà Rịa - Vũng Tàu", 0, "ba2 ria6 vung4 tau2");
	assert_key("Ea H'leo (cũ), 2", 0, "ea h leo cu4 2");
	/* Leading zeros. */
	assert_same_key("Phường 01", "Phường 1", 0);
	assert_same_key("Phường 01", "P.1", 0);
	assert_same_key("Phường 01", "P. 01", 0);
	assert_key("P. 01", 0, "1");
	assert_key("Phường 0", 0, "0");
	assert_key("Phường 000", 0, "0");
	assert_key("Quận 10", 0, "10");
	assert_key("Tổ 007A", 0, "tô3 007a");
}

static void test_key_types(void **state)
{
	sn_unit_type t = SN_TYPE_XA;
	char *k;
	(void)state;

	assert_same_key("Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", 0);
	assert_same_key("Thành phố Hồ Chí Minh", "Tp.Hồ Chí Minh", 0);
	assert_same_key("Thị xã Chơn Thành", "TX. Chơn Thành", 0);
	assert_same_key("Thị trấn Tân Phú", "TT.Tân Phú", 0);
	assert_same_key("Quận Ba Đình", "Q. Ba Đình", 0);
	assert_same_key("Huyện Đồng Phú", "H.Đồng Phú", 0);
	assert_same_key("Đặc khu Phú Quốc", "Phú Quốc", 0);
	assert_same_key("Tỉnh Bình Phước", "Bình Phước", 0);
	assert_key("Xã Tân Thành", 0, "tân thanh2");
	assert_key("Thành phố Thủ Đức", 0, "thu3 đưc5");

	/* The detected type. */
	k = sn_name_key("Thị xã Phước Long", 0, &t);
	assert_int_equal(t, SN_TYPE_THIXA);
	assert_string_equal(k, "phươc5 long");
	free(k);
	k = sn_name_key("Thị trấn Tân Phú", 0, &t);
	assert_int_equal(t, SN_TYPE_THITRAN);
	free(k);
	k = sn_name_key("Xã Thị Xã", 0, &t);  /* only the first prefix is a type */
	assert_int_equal(t, SN_TYPE_XA);
	assert_string_equal(k, "thi6 xa4");
	free(k);
	k = sn_name_key("Tp. Biên Hòa", 0, &t);
	assert_int_equal(t, SN_TYPE_THANHPHO);
	free(k);
	k = sn_name_key("Đặc khu Côn Đảo", 0, &t);
	assert_int_equal(t, SN_TYPE_DACKHU);
	free(k);
	k = sn_name_key("Quảng Trị", 0, &t);
	assert_int_equal(t, SN_TYPE_NONE);
	free(k);

	/* A type word alone is a name, not a prefix. */
	k = sn_name_key("Xã", 0, &t);
	assert_int_equal(t, SN_TYPE_NONE);
	assert_string_equal(k, "xa4");
	free(k);
	assert_key("Thị xã", 0, "thi6 xa4");
	assert_key("P.", 0, "p");
	/* "Thành" without "phố" is a name. */
	k = sn_name_key("Thành Công", 0, &t);
	assert_int_equal(t, SN_TYPE_NONE);
	assert_string_equal(k, "thanh2 công");
	free(k);
	/* Abbreviations need their dot. */
	k = sn_name_key("TP HCM", 0, &t);
	assert_int_equal(t, SN_TYPE_NONE);
	assert_string_equal(k, "tp hcm");
	free(k);
	assert_key("H Đồng", 0, "h đông2");
	assert_key("Q 1", 0, "q 1");

	/* Keeping the type gives its full label, whichever form it was written in. */
	assert_key("Phường 01", SN_KEY_KEEP_TYPE, "phương2 1");
	assert_same_key("P.1", "Phường 1", SN_KEY_KEEP_TYPE);
	assert_same_key("TP. Hồ Chí Minh", "Thành Phố Hồ Chí Minh", SN_KEY_KEEP_TYPE);
	assert_different_key("Phường Tân Phú", "Xã Tân Phú", SN_KEY_KEEP_TYPE);
	assert_key("TX. Bình Long", SN_KEY_KEEP_TYPE | SN_KEY_ASCII, "thi xa binh long");
	k = sn_name_key("Thị trấn Tân Phú", SN_KEY_KEEP_TYPE, &t);
	assert_int_equal(t, SN_TYPE_THITRAN);
	assert_string_equal(k, "thi6 trân5 tân phu5");
	free(k);
}

static void test_key_inequalities(void **state)
{
	(void)state;
	assert_different_key("Hòa", "Hóa", 0);
	assert_different_key("Xã Tân Thành", "Xã Tân Thạnh", 0);
	assert_different_key("Tân", "Tần", 0);
	assert_different_key("Tân", "Tan", 0);
	assert_different_key("Đông", "Dong", 0);
	assert_different_key("Bình Sơn", "Bình Son", 0);
	assert_different_key("Phường 1", "Phường 10", 0);
	assert_different_key("Hòa Bình", "Hòa Bình 2", 0);
	assert_different_key("Thị trấn Tân Phú", "Tân Phú", SN_KEY_KEEP_TYPE);
}

static void test_key_ascii(void **state)
{
	(void)state;
	assert_key("Đức Hạnh", SN_KEY_ASCII, "duc hanh");
	assert_key("Phường Trấn Biên", SN_KEY_ASCII, "tran bien");
	assert_key("Bà Rịa - Vũng Tàu", SN_KEY_ASCII, "ba ria vung tau");
	assert_key("Phường 01", SN_KEY_ASCII, "1");
	assert_same_key("Xã Tân Thành", "Xã Tân Thạnh", SN_KEY_ASCII);
	assert_same_key("Hòa", "Hoa", SN_KEY_ASCII);
	assert_same_key("ĐỒNG NAI", "dong nai", SN_KEY_ASCII);
}

static void test_key_invalid(void **state)
{
	sn_unit_type t = SN_TYPE_XA;
	char *k;
	(void)state;

	assert_null(sn_name_key("Xã \xC3", 0, &t));
	assert_int_equal(t, SN_TYPE_NONE);
	k = sn_name_key("", 0, NULL);
	assert_non_null(k);
	assert_string_equal(k, "");
	free(k);
	assert_key(" - ", 0, "");
}

/* ------------------------------------------------------------ name (code) */

static void assert_split(const char *in, int expect_rc, const char *expect_name, const char *expect_code)
{
	char *name = (char *)1, *code = (char *)1;
	int rc = sn_split_name_code(in, &name, &code);

	assert_int_equal(rc, expect_rc);
	assert_non_null(name);
	assert_string_equal(name, expect_name);
	if (expect_code) {
		assert_non_null(code);
		assert_string_equal(code, expect_code);
	} else {
		assert_null(code);
	}
	free(name);
	free(code);
}

static void test_split_name_code(void **state)
{
	char *name = (char *)1, *code = (char *)1;
	(void)state;

	assert_split("Thành phố Hà Nội (01)", 1, "Thành phố Hà Nội", "01");
	assert_split("Quận Ba Đình (001)", 1, "Quận Ba Đình", "001");
	assert_split("Quảng Trị (44)", 1, "Quảng Trị", "44");
	assert_split("Quận Ba Đình ( 001 )", 1, "Quận Ba Đình", "001");
	assert_split("Quận Ba Đình (001)  \r\n", 1, "Quận Ba Đình", "001");
	assert_split("  Huyện\nĐồng Phú(693)", 1, "Huyện Đồng Phú", "693");
	assert_split("Tho\xCC\x89 (1)", 1, "Thỏ", "1");
	assert_split("Quận Ba Đình", 0, "Quận Ba Đình", NULL);
	assert_split("THÀNH PHỐ HÀ NỘI  ", 0, "THÀNH PHỐ HÀ NỘI", NULL);
	assert_split("Quận (mới)", 0, "Quận (mới)", NULL);
	assert_split("Quận (01) cũ", 0, "Quận (01) cũ", NULL);
	assert_split("Quận ()", 0, "Quận ()", NULL);
	assert_split("Quận 01)", 0, "Quận 01)", NULL);
	assert_split("", 0, "", NULL);

	assert_int_equal(sn_split_name_code("Quận \xFF (01)", &name, &code), -1);
	assert_null(name);
	assert_null(code);
}

/* sn_nfc: composed Vietnamese and Latin-1 text is returned as it is (the quick check);
 * anything that may change goes through utf8proc. */
static void test_nfc_quick(void **state)
{
	static const char *const cases[][2] = {
		{ "Phường Bình Phước", "Phường Bình Phước" },
		{ "Xã Đặng Xá (00556)", "Xã Đặng Xá (00556)" },
		{ "Nhập một phần diện tích, toàn bộ dân số", "Nhập một phần diện tích, toàn bộ dân số" },
		{ "ca\u00a0f\u00e9", "ca\u00a0f\u00e9" },
		{ "Ho\u0300a", "H\u00f2a" },                    /* combining grave composes */
		{ "\u00ea\u0323", "\u1ec7" },                   /* ê + dot below -> ệ */
		{ "\u1ec7\u0300", "\u1ec7\u0300" },             /* no composition, stays */
		{ "\u212b", "\u00c5" },                         /* singleton outside the set */
		{ "\u0958", "\u0915\u093c" },                  /* composition exclusion */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *out = sn_nfc(cases[i][0]);
		assert_non_null(out);
		assert_string_equal(out, cases[i][1]);
		free(out);
	}
	assert_null(sn_nfc("Ph\xc6\xb0\xe1\xbb"));       /* truncated sequence */
	assert_null(sn_nfc("\xc3\xa9\xed\xa0\x80"));    /* a surrogate after é */
}

/* ------------------------------------------------------------ display width */

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(sn_text_width(""), 0);
	assert_int_equal(sn_text_width("Name:"), 5);
	assert_int_equal(sn_text_width("Họ và tên:"), 10);              /* NFC: 14 bytes */
	assert_int_equal(sn_text_width("Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n"), 9); /* NFD: marks take none */
	assert_int_equal(sn_text_width("\xE4\xB8\x80x"), 3);             /* a wide character, then x */
	assert_int_equal(sn_text_width("a\tb"), 2);
	assert_int_equal(sn_text_width("a\xFF"), 2);                      /* not UTF-8: a byte, a column */
}

static void test_pad(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	sn_pad(f, "Ngày:", -8);
	fputc('|', f);
	sn_pad(f, "Chữ ký:", 9);
	fputc('|', f);
	sn_pad(f, "toolong", 3);
	fputc('|', f);
	sn_pad(f, "x", -3);
	fclose(f);
	assert_string_equal(buf, "Ngày:   |  Chữ ký:|toolong|x  ");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encoding_names),
		cmocka_unit_test(test_nfc_quick),
		cmocka_unit_test(test_detect_utf8),
		cmocka_unit_test(test_detect_cp1258),
		cmocka_unit_test(test_detect_tcvn3),
		cmocka_unit_test(test_detect_real_data),
		cmocka_unit_test(test_decode_real_data),
		cmocka_unit_test(test_decode_utf8),
		cmocka_unit_test(test_decode_utf8_nfd_kept),
		cmocka_unit_test(test_decode_cp1258),
		cmocka_unit_test(test_decode_tcvn3),
		cmocka_unit_test(test_decode_invalid_utf8),
		cmocka_unit_test(test_decode_refused_characters),
		cmocka_unit_test(test_decode_utf16),
		cmocka_unit_test(test_decode_truncated_eof),
		cmocka_unit_test(test_decode_invalid_cp1258),
		cmocka_unit_test(test_decode_buffer_boundaries),
		cmocka_unit_test(test_decode_buffer_boundaries_legacy),
		cmocka_unit_test(test_decode_error_line_far),
		cmocka_unit_test(test_decode_open_failure),
		cmocka_unit_test(test_decode_stdin),
		cmocka_unit_test(test_decode_read_cb),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_text_clean),
		cmocka_unit_test(test_unit_type_label),
		cmocka_unit_test(test_unit_type_parse),
		cmocka_unit_test(test_key_examples),
		cmocka_unit_test(test_key_tone_placement),
		cmocka_unit_test(test_key_folding),
		cmocka_unit_test(test_key_types),
		cmocka_unit_test(test_key_inequalities),
		cmocka_unit_test(test_key_ascii),
		cmocka_unit_test(test_key_invalid),
		cmocka_unit_test(test_split_name_code),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_pad),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
