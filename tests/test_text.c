/* test_text.c -- validation, display form, columns, wrapping and cutting of
 * text in the scripts of the workshop's participants. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "text.h"
#include "util.h"

/*
 * One sentence per script.  `width` is the sum of glibc's wcwidth() over the
 * code points and `chars` the number of code points, both computed outside
 * this program.  `lines` is the text wrapped at 12 columns and `cut` the text
 * cut to 12 columns with an ellipsis, both checked by eye against the words
 * of each language (Thai and Lao break between dictionary words, Tibetan
 * after each tsheg, Korean between words (keep-all), Armenian's 15-letter word is
 * wider than the line and is broken between letters).
 */
struct sample {
	const char *script;
	const char *text;
	int width;
	size_t chars;
	const char *lines[8];
	const char *cut;
};

static const struct sample samples[] = {
	{ "Korean", "디지털 정부는 국민을 위한 서비스입니다", 38, 21,
	    { "디지털", "정부는", "국민을 위한", "서비스입니다" },
	    "디지털 정부…" },
	{ "Thai", "รัฐบาลดิจิทัลช่วยให้ประชาชนเข้าถึงบริการได้ง่ายขึ้น", 38, 51,
	    { "รัฐบาลดิจิทัลช่วย", "ให้ประชาชนเข้า", "ถึงบริการได้ง่าย", "ขึ้น" },
	    "รัฐบาลดิจิทัลช่ว…" },
	{ "Lao", "ລັດຖະບານດິຈິຕອນຊ່ວຍປະຊາຊົນ", 21, 26,
	    { "ລັດຖະບານດິຈິຕອນ", "ຊ່ວຍປະຊາຊົນ" },
	    "ລັດຖະບານດິຈິຕອ…" },
	{ "Sinhala", "ඩිජිටල් රජය ජනතාවට සේවය කරයි", 24, 28,
	    { "ඩිජිටල් රජය", "ජනතාවට සේවය", "කරයි" },
	    "ඩිජිටල් රජය ජන…" },
	{ "Bengali", "ডিজিটাল সরকার নাগরিকদের সেবা দেয়", 32, 33,
	    { "ডিজিটাল", "সরকার", "নাগরিকদের", "সেবা দেয়" },
	    "ডিজিটাল সর…" },
	{ "Urdu", "ڈیجیٹل حکومت عوام کی خدمت کرتی ہے", 33, 33,
	    { "ڈیجیٹل حکومت", "عوام کی خدمت", "کرتی ہے" },
	    "ڈیجیٹل حکوم…" },
	{ "Dhivehi", "ޑިޖިޓަލް ސަރުކާރުން ރައްޔިތުންނަށް ޚިދުމަތް ދެއެވެ", 27, 50,
	    { "ޑިޖިޓަލް ސަރުކާރުން", "ރައްޔިތުންނަށް ޚިދުމަތް", "ދެއެވެ" },
	    "ޑިޖިޓަލް ސަރުކާރުން…" },
	{ "Dzongkha", "འབྲུག་རྒྱལ་ཁབ་ཀྱི་གཞུང་གིས་ཞབས་ཏོག་སྒྲུབ་ཨིན།", 32, 45,
	    { "འབྲུག་རྒྱལ་ཁབ་ཀྱི་", "གཞུང་གིས་ཞབས་", "ཏོག་སྒྲུབ་ཨིན།" },
	    "འབྲུག་རྒྱལ་ཁབ་ཀྱི…" },
	{ "Mongolian", "Цахим засаглал иргэдэд үйлчилнэ", 31, 31,
	    { "Цахим", "засаглал", "иргэдэд", "үйлчилнэ" },
	    "Цахим засаг…" },
	{ "Kazakh", "Цифрлық үкімет азаматтарға қызмет етеді", 39, 39,
	    { "Цифрлық", "үкімет", "азаматтарға", "қызмет етеді" },
	    "Цифрлық үкі…" },
	{ "Armenian", "Թվային կառավարությունը ծառայում է քաղաքացիներին", 47, 47,
	    { "Թվային", "կառավարությո", "ւնը ծառայում", "է",
	    "քաղաքացիների", "ն" },
	    "Թվային կառա…" },
	{ "Uzbek", "Oʻzbekiston raqamli hukumati fuqarolarga xizmat qiladi",
	    54, 54,
	    { "Oʻzbekiston", "raqamli", "hukumati", "fuqarolarga", "xizmat",
	    "qiladi" },
	    "Oʻzbekiston…" },
	{ "Indonesian",
	    "Pemerintah digital melayani masyarakat di pulau terpencil", 57, 57,
	    { "Pemerintah", "digital", "melayani", "masyarakat", "di pulau",
	    "terpencil" },
	    "Pemerintah…" },
	{ "Filipino", "Ang digital na pamahalaan ay naglilingkod sa mamamayan",
	    54, 54,
	    { "Ang digital", "na", "pamahalaan", "ay", "naglilingkod",
	    "sa mamamayan" },
	    "Ang digital…" },
	{ "English", "Digital government serves everyone, offline too.", 48, 48,
	    { "Digital", "government", "serves", "everyone,", "offline too." },
	    "Digital gov…" },
	{ "Hindi", "डिजिटल सरकार नागरिकों की सेवा करती है", 34, 37,
	    { "डिजिटल सरकार", "नागरिकों की", "सेवा करती है" },
	    "डिजिटल सरका…" },
	{ "Nepali", "डिजिटल सरकारले नागरिकको सेवा गर्छ", 30, 33,
	    { "डिजिटल", "सरकारले", "नागरिकको सेवा", "गर्छ" },
	    "डिजिटल सरका…" },
};

/* ---- helpers that check what every result must satisfy ---- */

static int
is_boundary(const char *s, size_t len, size_t pos)
{
	return text_grapheme_floor(s, len, pos) == pos;
}

static UChar32
first_cp(const char *s, size_t len)
{
	int32_t i = 0;
	UChar32 c;

	U8_NEXT((const uint8_t *)s, i, (int32_t)len, c);
	return c;
}

/* ICU's own line-break opportunities, to check that wrapping uses them. */
static UBreakIterator *line_iter;

static void
line_iter_set(const char *s, size_t len, UText *ut)
{
	UErrorCode st = U_ZERO_ERROR;

	if (line_iter == NULL)
		line_iter = ubrk_open(UBRK_LINE, "", NULL, 0, &st);
	utext_openUTF8(ut, s, (int64_t)len, &st);
	ubrk_setUText(line_iter, ut, &st);
	assert_false(U_FAILURE(st));
}

static int
only_spaces(const char *s, size_t from, size_t to)
{
	for (; from < to; from++)
		if (s[from] != ' ' && s[from] != '\t')
			return 0;
	return 1;
}

/*
 * Everything a wrap of a text without line breaks must satisfy at `width`:
 * lines fit (or are one cluster), lie on cluster boundaries, never start
 * with a detached mark, cover the text with only spaces between them, end
 * at ICU opportunities unless a word is wider than the line, and are greedy:
 * the next word would not have fitted.
 */
/* 1 when the code point at s is Hangul (syllables, jamo, compatibility
 * jamo), by its value. */
static int
hangul(const char *s, size_t len)
{
	unsigned cp = first_cp(s, len);

	return (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 &&
	    cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

/* The line iterator's next opportunity after pos that is not between two
 * Hangul code points (Korean keeps its words whole). */
static int32_t
following_keepall(const char *s, size_t len, size_t pos)
{
	int32_t o = ubrk_following(line_iter, (int32_t)pos);
	size_t b;

	while (o != UBRK_DONE && (size_t)o < len) {
		for (b = (size_t)o; b > 0 && ((unsigned char)s[b - 1] & 0xc0) ==
		    0x80; b--)
			;
		if (b == 0 || !hangul(s + b - 1, len - b + 1) ||
		    !hangul(s + o, len - (size_t)o))
			break;
		o = ubrk_next(line_iter);
	}
	return o;
}

static void
check_wrap(const char *s, int width)
{
	struct text_lines lines = { 0 };
	size_t len = strlen(s), i, end, next, opp;
	UText ut = UTEXT_INITIALIZER;

	text_wrap(s, width, &lines);
	line_iter_set(s, len, &ut);
	assert_true(lines.n >= 1);
	assert_int_equal(lines.v[0].offset, 0);
	for (i = 0; i < lines.n; i++) {
		const struct text_line *l = &lines.v[i];

		end = l->offset + l->len;
		assert_int_equal(l->width, text_width_n(s + l->offset, l->len));
		if (l->width > width)
			assert_int_equal(text_next_grapheme(s, len, l->offset),
			    end);
		assert_true(is_boundary(s, len, l->offset));
		assert_true(is_boundary(s, len, end));
		if (l->len > 0)
			assert_true(wcwidth((wchar_t)first_cp(s + l->offset,
			    l->len)) > 0);
		next = i + 1 < lines.n ? lines.v[i + 1].offset : len;
		assert_true(end <= next);
		assert_true(only_spaces(s, end, next));
		if (i + 1 == lines.n)
			continue;
		assert_true(next > l->offset);
		if (ubrk_isBoundary(line_iter, (int32_t)next) &&
		    following_keepall(s, len, l->offset) <= (int32_t)next) {
			/* Greedy: the next word would not have fitted. */
			opp = (size_t)following_keepall(s, len, next);
			while (opp > next && s[opp - 1] == ' ')
				opp--;
			assert_true(text_width_n(s + l->offset,
			    opp - l->offset) > width);
		} else {
			/* A word wider than the line: no opportunity in it,
			 * and the next cluster would not have fitted. */
			int32_t o = following_keepall(s, len, l->offset);

			assert_true(o == UBRK_DONE || (size_t)o > next);
			assert_true(l->width + text_grapheme_width(s, len, next)
			    > width);
		}
	}
	utext_close(&ut);
	text_lines_free(&lines);
}

/* A cut fits, is a prefix of the display form ending on a cluster
 * boundary, and keeps as much as fits. */
static void
check_cut(const char *s, int width)
{
	const char *ell = "…";
	size_t len = strlen(s), plen, q;
	char *r = text_cut(s, width, ell);

	assert_true(text_width(r) <= width);
	if (text_width(s) <= width) {
		assert_string_equal(r, s);
		free(r);
		return;
	}
	plen = strlen(r);
	assert_true(plen >= strlen(ell));
	assert_string_equal(r + plen - strlen(ell), ell);
	plen -= strlen(ell);
	assert_memory_equal(r, s, plen);
	assert_true(is_boundary(s, len, plen));
	q = plen;
	while (s[q] == ' ')
		q++;
	assert_true(text_width_n(s, text_next_grapheme(s, len, q)) >
	    width - 1);
	free(r);
}

/* ---- the scripts ---- */

static void
test_script_width_and_count(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(samples); i++) {
		const struct sample *t = &samples[i];
		char *err = NULL;

		if (text_width(t->text) != t->width ||
		    text_count_chars(t->text) != t->chars)
			fail_msg("%s: width %d (want %d), chars %zu (want %zu)",
			    t->script, text_width(t->text), t->width,
			    text_count_chars(t->text), t->chars);
		assert_int_equal(text_validate(t->text, strlen(t->text), &err),
		    0);
		assert_null(err);
		assert_int_equal(text_check(t->text, 1000, &err), 0);
		assert_false(text_is_blank(t->text));
	}
}

/* Nothing in ordinary text is touched: it comes back byte-exact. */
static void
test_script_roundtrip(void **state)
{
	size_t i;
	char *a, *b;

	(void)state;
	for (i = 0; i < NELEM(samples); i++) {
		a = text_sanitize(samples[i].text);
		b = text_normalize_newlines(samples[i].text);
		assert_string_equal(a, samples[i].text);
		assert_string_equal(b, samples[i].text);
		free(a);
		free(b);
	}
}

static void
test_script_wrap_table(void **state)
{
	struct text_lines lines = { 0 };
	size_t i, k;

	(void)state;
	for (i = 0; i < NELEM(samples); i++) {
		const struct sample *t = &samples[i];

		text_wrap(t->text, 12, &lines);
		for (k = 0; k < lines.n && t->lines[k] != NULL; k++) {
			const struct text_line *l = &lines.v[k];

			if (strlen(t->lines[k]) != l->len ||
			    memcmp(t->lines[k], t->text + l->offset, l->len))
				fail_msg("%s line %zu: got '%.*s', want '%s'",
				    t->script, k, (int)l->len,
				    t->text + l->offset, t->lines[k]);
			assert_int_equal(l->width, text_width(t->lines[k]));
			assert_true(l->width <= 12);
		}
		if (k != lines.n || (k < 8 && t->lines[k] != NULL))
			fail_msg("%s: %zu lines", t->script, lines.n);
	}
	text_lines_free(&lines);
}

static void
test_script_wrap_every_width(void **state)
{
	size_t i;
	int w;

	(void)state;
	for (i = 0; i < NELEM(samples); i++)
		for (w = 1; w <= samples[i].width + 1; w++)
			check_wrap(samples[i].text, w);
}

static void
test_script_cut_table(void **state)
{
	size_t i;
	char *r;

	(void)state;
	for (i = 0; i < NELEM(samples); i++) {
		r = text_cut(samples[i].text, 12, "…");
		if (strcmp(r, samples[i].cut) != 0)
			fail_msg("%s: cut to '%s', want '%s'",
			    samples[i].script, r, samples[i].cut);
		free(r);
	}
}

/* A count that changes is a few cells to draw again, anything else is the
 * whole text. */
static void
test_ascii_change(void **state)
{
	size_t from = 99, to = 99;

	(void)state;
	assert_int_equal(text_ascii_change("1299 ideas", "1300 ideas", &from,
	    &to), 0);
	assert_int_equal(from, 1);
	assert_int_equal(to, 4);
	assert_int_equal(text_ascii_change("same", "same", &from, &to), 0);
	assert_int_equal(from, to);
	/* Korean after the digits: a syllable stands alone. */
	assert_int_equal(text_ascii_change("\xec\x95\x84\xec\x9d\xb4 12"
	    "\xea\xb0\x9c", "\xec\x95\x84\xec\x9d\xb4 13\xea\xb0\x9c", &from,
	    &to), 0);
	assert_int_equal(from, 8);
	assert_int_equal(to, 9);
	assert_int_equal(text_ascii_change("999 ideas", "1000 ideas", &from,
	    &to), -1);
	/* Not ASCII, a control, or a mark after the digit that combines
	 * with it: drawn whole. */
	assert_int_equal(text_ascii_change("\xc2\xbd a", "\xc2\xbc a", &from,
	    &to), -1);
	assert_int_equal(text_ascii_change("a\x01", "a\x02", &from, &to), -1);
	assert_int_equal(text_ascii_change("1\xcc\x81 x", "2\xcc\x81 x", &from,
	    &to), -1);
	assert_int_equal(text_ascii_change("1\xe0\xb8\xb1", "2\xe0\xb8\xb1",
	    &from, &to), -1);
}

/* A text that fits comes back in its display form, as text_sanitize
 * gives it (text_cut measures and converts it in one walk): every script,
 * and controls, a lone combining mark and a tab that are shown otherwise. */
static void
test_cut_fitting_is_sanitized(void **state)
{
	static const char *odd[] = {
		"a\tb", "x\x1b[2Jy", "\xcc\x81 mark first", "\xe2\x98\x85 idea",
		"line\nbreak", "e\xcc\x81t\xc3\xa9", "\xef\xbb\xbf" "bom",
	};
	size_t i;
	char *r, *want;
	int w;

	(void)state;
	for (i = 0; i < NELEM(samples) + NELEM(odd); i++) {
		const char *s = i < NELEM(samples) ? samples[i].text :
		    odd[i - NELEM(samples)];

		w = text_width(s);
		want = text_sanitize(s);
		r = text_cut(s, w, "\xe2\x80\xa6");
		assert_string_equal(r, want);
		free(r);
		r = text_cut(s, w + 3, NULL);
		assert_string_equal(r, want);
		free(r);
		free(want);
	}
}

static void
test_script_cut_every_width(void **state)
{
	size_t i;
	int w;

	(void)state;
	for (i = 0; i < NELEM(samples); i++)
		for (w = 1; w <= samples[i].width + 1; w++)
			check_cut(samples[i].text, w);
}

/* The same sentences carried in a multi-line idea: hard breaks hold, and
 * each paragraph wraps as it does alone. */
static void
test_wrap_hard_breaks(void **state)
{
	struct text_lines lines = { 0 };
	const char *s = "디지털 정부\r\nรัฐบาลดิจิทัล\rEnglish\n\nend\n";

	(void)state;
	assert_int_equal(text_wrap(s, 40, &lines), 6);
	assert_int_equal(lines.v[0].len, strlen("디지털 정부"));
	assert_int_equal(lines.v[0].width, 11);
	assert_int_equal(lines.v[1].offset, strlen("디지털 정부\r\n"));
	assert_int_equal(lines.v[1].width, 9);
	assert_memory_equal(s + lines.v[2].offset, "English", 7);
	assert_int_equal(lines.v[3].len, 0);
	assert_memory_equal(s + lines.v[4].offset, "end", 3);
	assert_int_equal(lines.v[5].offset, strlen(s));
	assert_int_equal(lines.v[5].len, 0);
	/* width <= 0: no limit, hard breaks only */
	assert_int_equal(text_wrap("a b c d e f g h\nx", 0, &lines), 2);
	assert_int_equal(lines.v[0].width, 15);
	/* an empty string is one empty line */
	assert_int_equal(text_wrap("", 10, &lines), 1);
	assert_int_equal(lines.v[0].len, 0);
	/* trailing spaces hang and are not part of a line */
	assert_int_equal(text_wrap("abc      def", 5, &lines), 2);
	assert_int_equal(lines.v[0].len, 3);
	assert_int_equal(lines.v[1].offset, 9);
	/* a wide cluster in a one-column line gets a line of its own */
	assert_int_equal(text_wrap("디지", 1, &lines), 2);
	assert_int_equal(lines.v[0].width, 2);
	text_lines_free(&lines);
}

/* Combining marks and tone marks never start a line, even at width 1:
 * each cluster gets a line of its own. */
static void
test_wrap_never_detaches_marks(void **state)
{
	static const char *const words[] = {
		"น้ำใจ",		/* น้ำ (3 code points, 2 columns), ใ, จ */
		"ສົ່ງເສີມ",	/* Lao vowel and tone marks */
		"स्त्री",		/* Devanagari conjunct with viramas */
		"ශ්‍රී",		/* Sinhala with ZWJ */
		"བསྒྲུབས",	/* Tibetan stack */
		"ޚިދުމަތް",	/* Thaana vowel signs */
	};
	struct text_lines lines = { 0 };
	size_t i, k, clusters, pos, len;

	(void)state;
	for (k = 0; k < NELEM(words); k++) {
		len = strlen(words[k]);
		for (clusters = 0, pos = 0; pos < len; clusters++)
			pos = text_next_grapheme(words[k], len, pos);
		text_wrap(words[k], 1, &lines);
		assert_int_equal(lines.n, clusters);
		for (i = 0; i < lines.n; i++)
			assert_true(wcwidth((wchar_t)first_cp(words[k] +
			    lines.v[i].offset, lines.v[i].len)) > 0);
		check_wrap(words[k], 1);
		check_wrap(words[k], 2);
	}
	text_wrap("น้ำใจ", 1, &lines);
	assert_int_equal(lines.v[0].len, strlen("น้ำ"));
	assert_int_equal(lines.v[0].width, 2);
	text_lines_free(&lines);
}

/* ---- invalid UTF-8 ---- */

struct bad {
	const char *bytes;
	size_t len;
	size_t offset;
	const char *reason;
};

static const struct bad bad_inputs[] = {
	{ "\xC0\xAF", 2, 0, "overlong" },		/* '/' in 2 bytes */
	{ "ab\xE0\x80\xAF", 5, 2, "overlong" },		/* '/' in 3 bytes */
	{ "\xF0\x80\x80\xAF", 4, 0, "overlong" },	/* '/' in 4 bytes */
	{ "\xC1\xBF", 2, 0, "overlong" },
	{ "\xED\xA0\x80", 3, 0, "surrogate" },		/* U+D800 */
	{ "x\xED\xBF\xBF", 4, 1, "surrogate" },		/* U+DFFF */
	{ "\xED\xA0\xBD\xED\xB8\x80", 6, 0, "surrogate" },	/* CESU-8 */
	{ "\xF4\x90\x80\x80", 4, 0, "U+10FFFF" },	/* U+110000 */
	{ "\xF5\x80\x80\x80", 4, 0, "U+10FFFF" },
	{ "\xF7\xBF\xBF\xBF", 4, 0, "U+10FFFF" },
	{ "\xFF", 1, 0, "never" },
	{ "ok\xFE", 3, 2, "never" },
	{ "\xE4\xB8", 2, 0, "truncated" },		/* 中 without its end */
	{ "\xE4\xB8x", 3, 0, "truncated" },
	{ "디지\xED\x84", 8, 6, "truncated" },
	{ "\xF0\x9F\x98", 3, 0, "truncated" },		/* an emoji cut short */
	{ "\xC3", 1, 0, "truncated" },
	{ "a\x80", 2, 1, "continuation" },
	{ "\xBF\xBF", 2, 0, "continuation" },
	{ "a\0b", 3, 1, "NUL" },
};

static void
test_invalid_utf8(void **state)
{
	size_t i;
	char *err = NULL, want[32];

	(void)state;
	for (i = 0; i < NELEM(bad_inputs); i++) {
		const struct bad *b = &bad_inputs[i];

		if (text_validate(b->bytes, b->len, &err) != -1)
			fail_msg("case %zu accepted", i);
		snprintf(want, sizeof want, "byte %zu:", b->offset);
		if (strstr(err, want) == NULL || strstr(err, b->reason) == NULL)
			fail_msg("case %zu: '%s'", i, err);
		free(err);
		err = NULL;
	}
}

static void
test_valid_edges(void **state)
{
	static const char *const good[] = {
		"\xC2\x80",		/* U+0080 (a C1 control, valid UTF-8) */
		"\xDF\xBF",		/* U+07FF */
		"\xE0\xA0\x80",		/* U+0800 */
		"\xED\x9F\xBF",		/* U+D7FF, just below the surrogates */
		"\xEE\x80\x80",		/* U+E000, just above */
		"\xEF\xBF\xBF",		/* U+FFFF */
		"\xF0\x90\x80\x80",	/* U+10000 */
		"\xF4\x8F\xBF\xBF",	/* U+10FFFF */
		"",
	};
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(good); i++)
		assert_int_equal(text_validate(good[i], strlen(good[i]), NULL),
		    0);
	assert_int_equal(text_count_chars("\xF4\x8F\xBF\xBF\xC2\x80" "a"), 3);
}

/* Ill-formed bytes show as U+FFFD, one column per maximal subpart, and
 * count as one character each. */
static void
test_invalid_displayed(void **state)
{
	char *r;

	(void)state;
	r = text_sanitize("a\xFF" "b\xE4\xB8" "c\xED\xA0\x80");
	assert_string_equal(r, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c"
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	free(r);
	assert_int_equal(text_width("a\xFF" "b\xE4\xB8" "c\xED\xA0\x80"), 8);
	assert_int_equal(text_count_chars("a\xFF" "b\xE4\xB8" "c"), 5);
	/* cluster steps never stop inside a sequence */
	assert_int_equal(text_next_grapheme("\xE4\xB8" "c", 3, 0), 2);
	assert_int_equal(text_prev_grapheme("a\xFF", 2, 2), 1);
}

/* ---- length limit ---- */

static void
test_length_limit(void **state)
{
	char *s = xmalloc(3 * 1001 + 1), *err = NULL;
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++)
		memcpy(s + 3 * i, "ก", 3);	/* 3 bytes, one character */
	s[3000] = '\0';
	assert_int_equal(text_count_chars(s), 1000);
	assert_int_equal(text_check(s, 1000, &err), 0);
	memcpy(s + 3000, "ก", 4);
	assert_int_equal(text_check(s, 1000, &err), -1);
	assert_non_null(strstr(err, "1001"));
	assert_non_null(strstr(err, "1000"));
	free(err);
	err = NULL;
	assert_int_equal(text_check(s, 0, &err), 0);
	assert_int_equal(text_check("a\xC0\xAF", 1000, &err), -1);
	assert_non_null(strstr(err, "byte 1"));
	free(err);
	free(s);
}

/* ---- hostile text ---- */

struct hostile {
	const char *in;
	const char *shown;
	int width;
};

static const struct hostile hostile_inputs[] = {
	{ "\x1b[2J", "␛[2J", 4 },			/* clear screen */
	{ "\x1b[H\x1b[2J\x1b[3J", "␛[H␛[2J␛[3J", 11 },
	{ "\x1b]0;pwned\x07", "␛]0;pwned␇", 10 },	/* OSC title, BEL */
	{ "\x1b]2;t\x1b\\", "␛]2;t␛\\", 7 },		/* OSC ended by ST */
	{ "\x1b]52;c;cm0gLXJmIH4=\x07", "␛]52;c;cm0gLXJmIH4=␇", 20 },
	{ "\x1bP+q\x1b\\", "␛P+q␛\\", 6 },		/* DCS */
	{ "ring\x07\x07", "ring␇␇", 6 },
	{ "\xC2\x9B" "2J", "\xEF\xBF\xBD" "2J", 3 },	/* C1 CSI, UTF-8 */
	{ "\x9B" "2J", "\xEF\xBF\xBD" "2J", 3 },	/* C1 CSI, raw byte */
	{ "\xC2\x9D" "0;x\xC2\x9C", "\xEF\xBF\xBD" "0;x\xEF\xBF\xBD", 5 },
	{ "abc\xE2\x80\xAE" "def", "abc\xEF\xBF\xBD" "def", 7 },	/* RLO */
	{ "\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD",
	    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4 },
	{ "\xE2\x81\xA6" "x\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9",
	    "\xEF\xBF\xBD" "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 5 },
	{ "a\bb", "a␈b", 3 },				/* backspace */
	{ "over\rwrite", "over write", 10 },		/* CR */
	{ "del\x7f", "del␡", 4 },
	{ "tab\there", "tab here", 8 },
	{ "\x0e\x0f", "␎␏", 2 },			/* charset shifts */
	{ "\xE2\x80\xA8", "\xEF\xBF\xBD", 1 },		/* LINE SEPARATOR */
	{ "x\xE2\x80\x8By", "xy", 2 },			/* ZWSP is dropped */
	{ "\xCC\x81" "a", "◌\xCC\x81" "a", 2 },		/* detached accent */
	{ "\x1b\xE0\xB9\x89", "␛◌\xE0\xB9\x89", 2 },	/* Thai tone mark */
	{ "\xE1\x85\xA1", "\xE1\x85\x9F\xE1\x85\xA1", 2 },	/* orphan jamo */
};

static int
has_unsafe_bytes(const char *s, int multiline)
{
	const unsigned char *u = (const unsigned char *)s;

	for (; *u; u++) {
		if ((*u < 0x20 && !(multiline && *u == '\n')) || *u == 0x7F)
			return 1;
		if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] <= 0x9F)
			return 1;
		if (u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0xAA &&
		    u[2] <= 0xAE)
			return 1;
		if (u[0] == 0xE2 && u[1] == 0x81 && u[2] >= 0xA6 &&
		    u[2] <= 0xA9)
			return 1;
	}
	return text_validate(s, strlen(s), NULL) != 0;
}

static void
test_hostile(void **state)
{
	size_t i;
	char *r;

	(void)state;
	for (i = 0; i < NELEM(hostile_inputs); i++) {
		const struct hostile *h = &hostile_inputs[i];

		r = text_sanitize(h->in);
		if (strcmp(r, h->shown) != 0)
			fail_msg("case %zu: shown as '%s'", i, r);
		assert_false(has_unsafe_bytes(r, 0));
		assert_int_equal(text_width(h->in), h->width);
		assert_int_equal(text_width(r), h->width);
		free(r);
		r = text_cut(h->in, 3, "…");
		assert_false(has_unsafe_bytes(r, 0));
		assert_true(text_width(r) <= 3);
		free(r);
	}
}

static void
test_newlines(void **state)
{
	char *r;

	(void)state;
	r = text_normalize_newlines("a\r\nb\rc\n\r\nd\r");
	assert_string_equal(r, "a\nb\nc\n\nd\n");
	free(r);
	r = text_sanitize_n("a\r\nb\rc\n\x1b", 8, TEXT_MULTILINE);
	assert_string_equal(r, "a\nb\nc\n␛");
	free(r);
	r = text_sanitize("one\r\ntwo\nthree");
	assert_string_equal(r, "one two three");
	free(r);
	assert_int_equal(text_width("a\r\nb"), 3);
	assert_true(text_is_blank(" \t\r\n\xE2\x80\x8B\xE3\x80\x80"));
	assert_false(text_is_blank(" \x1b "));
	assert_true(text_is_blank(""));
}

/* Random mixtures of script fragments, marks, controls and broken bytes:
 * the display form is always safe, measures as the source, is stable, and
 * wraps and cuts stay within their width on cluster boundaries. */
static void
test_random_mixtures(void **state)
{
	static const char *const pieces[] = {
		"a", " ", "  ", "\t", "\n", "\r", "\r\n", "\x1b", "\x07", "\x7f",
		"\xC2\x9B", "\x9B", "\xFF", "\xE4\xB8", "\xED\xA0\x80",
		"\xCC\x81", "\xE0\xB9\x89", "\xE0\xB8\xB3", "ก", "ລ", "ັ",
		"디", "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8",
		"\xE2\x80\x8B", "\xE2\x80\x8D", "\xE2\x80\xAE", "\xE2\x81\xA6",
		"स्", "ත්‍ර", "ཀྱི", "་", "ޑި", "ڈ", "👍", "\xEF\xB8\x8F", "-",
		",", "Ա", "ң", "\xE2\x80\xA8", "\xC2\xAD", "\xD8\x80",
	};
	char s[256], *d, *d2;
	struct text_lines lines = { 0 };
	unsigned long seed = 12345;
	int round, k, n, w;
	size_t len, i;

	(void)state;
	for (round = 0; round < 1500; round++) {
		s[0] = '\0';
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)((seed >> 33) % 14);
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL + 1;
			strcat(s, pieces[(seed >> 33) % NELEM(pieces)]);
		}
		len = strlen(s);
		w = 1 + (int)((seed >> 40) % 8);
		d = text_sanitize(s);
		assert_false(has_unsafe_bytes(d, 0));
		if (text_width(d) != text_width(s))
			fail_msg("round %d: width %d, display %d", round,
			    text_width(s), text_width(d));
		d2 = text_sanitize(d);
		assert_string_equal(d, d2);
		free(d2);
		free(d);
		d = text_sanitize_n(s, len, TEXT_MULTILINE);
		assert_false(has_unsafe_bytes(d, 1));
		free(d);
		text_wrap(s, w, &lines);
		for (i = 0; i < lines.n; i++) {
			const struct text_line *l = &lines.v[i];

			assert_true(is_boundary(s, len, l->offset));
			assert_true(is_boundary(s, len, l->offset + l->len));
			assert_int_equal(l->width,
			    text_width_n(s + l->offset, l->len));
			if (l->width > w)
				assert_int_equal(text_next_grapheme(s, len,
				    l->offset), l->offset + l->len);
		}
		d = text_cut(s, w, "…");
		assert_true(text_width(d) <= w);
		assert_false(has_unsafe_bytes(d, 0));
		free(d);
	}
	text_lines_free(&lines);
}

/* Everything text.c says of s, with or without ICU's cluster iterator. */
struct text_view {
	int width;
	char *display, *multiline, *cut[4];
	size_t next[64], prev[64];
	struct text_lines lines;
};

static void
view_of(const char *s, struct text_view *v)
{
	static const int widths[4] = { 1, 3, 7, 20 };
	size_t len = strlen(s), p;
	int k;

	memset(v, 0, sizeof *v);
	v->width = text_width(s);
	v->display = text_sanitize(s);
	v->multiline = text_sanitize_n(s, len, TEXT_MULTILINE);
	for (k = 0; k < 4; k++)
		v->cut[k] = text_cut(s, widths[k], "\xe2\x80\xa6");
	/* from every code point's start (ICU snaps a position inside one to
	 * its start before it steps back, a cluster too far) */
	for (p = 0; p < len && p < 64; p++) {
		if (((unsigned char)s[p] & 0xC0) == 0x80)
			continue;
		v->next[p] = text_next_grapheme(s, len, p);
		v->prev[p] = text_prev_grapheme(s, len, p);
	}
	text_wrap(s, 6, &v->lines);
}

static void
view_free(struct text_view *v)
{
	int k;

	free(v->display);
	free(v->multiline);
	for (k = 0; k < 4; k++)
		free(v->cut[k]);
	text_lines_free(&v->lines);
}

static void
assert_views_equal(const char *s, const struct text_view *a,
    const struct text_view *b)
{
	size_t i;
	int k;

	if (a->width != b->width)
		fail_msg("'%s': width %d by ICU, %d without", s, a->width,
		    b->width);
	assert_string_equal(a->display, b->display);
	assert_string_equal(a->multiline, b->multiline);
	for (k = 0; k < 4; k++)
		assert_string_equal(a->cut[k], b->cut[k]);
	for (i = 0; i < 64; i++) {
		if (a->next[i] != b->next[i] || a->prev[i] != b->prev[i])
			fail_msg("'%s': clusters differ at byte %zu", s, i);
	}
	assert_int_equal(a->lines.n, b->lines.n);
	for (i = 0; i < a->lines.n; i++) {
		assert_int_equal(a->lines.v[i].offset, b->lines.v[i].offset);
		assert_int_equal(a->lines.v[i].len, b->lines.v[i].len);
		assert_int_equal(a->lines.v[i].width, b->lines.v[i].width);
	}
}

/*
 * Strings whose every code point stands alone are measured, cut and
 * stepped through without ICU's cluster iterator (issue 21): the result
 * must be ICU's.  The pieces mix code points that stand alone (Latin,
 * Cyrillic, Armenian, Arabic, Hangul syllables, CJK, punctuation, a
 * wide emoji) with ones that join their neighbours (Hangul jamo after a
 * syllable, marks, ZWJ, VS16, flags, CR LF), so that both ways are taken.
 */
static void
test_alone_matches_icu(void **state)
{
	static const char *const pieces[] = {
		"a", "Z", " ", "\r", "\n", "\t", "\x1b", "\xc3\xa9", "\xc2\xb7",
		"\xe2\x98\x85", "\xd0\x96", "\xd4\xb1", "\xd8\xa8", "\xda\x88",
		"\xea\xb0\x80", "\xea\xb0\x81", "\xed\x95\x9c", "\xe4\xb8\xad",
		"\xef\xbc\xa1", "\xf0\x9f\x91\x8d", "\xe2\x80\x94", "\xc2\xa0",
		/* these join, or are not drawn as themselves */
		"\xe1\x85\xa1", "\xe1\x86\xa8", "\xe1\x84\x80", "\xcc\x81",
		"\xe2\x80\x8d", "\xef\xb8\x8f", "\xf0\x9f\x87\xb0",
		"\xe0\xb8\x81", "\xe0\xb8\xb3", "\xe0\xb9\x80", "\xc2\xad",
		"\xc2\x85", "\xe2\x80\xae", "\xe0\xb6\xa7",
	};
	struct text_view icu, alone;
	char s[160];
	unsigned long seed = 99991;
	int round, k, n;

	(void)state;
	for (round = 0; round < 3000; round++) {
		s[0] = '\0';
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)((seed >> 33) % 12);
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL + 1;
			/* two rounds in three only from the first 22 pieces */
			strcat(s, pieces[(seed >> 33) % (round % 3 ?
			    22 : NELEM(pieces))]);
		}
		text_test_use_icu_always(1);
		view_of(s, &icu);
		text_test_use_icu_always(0);
		view_of(s, &alone);
		assert_views_equal(s, &icu, &alone);
		view_free(&icu);
		view_free(&alone);
	}
}

/* A printable ASCII text that fits is one line without ICU (issue 21):
 * the same line as the full wrap gives, trailing spaces outside it. */
static void
test_wrap_short_ascii(void **state)
{
	static const struct {
		const char *s;
		int width;
		size_t n, len;
		int w;
	} cases[] = {
		{ "Benchmark idea 12 for the room", 40, 1, 30, 30 },
		{ "fits exactly", 12, 1, 12, 12 },
		{ "one too long", 11, 2, 7, 7 },
		{ "trailing  ", 10, 1, 8, 8 },
		{ "   ", 5, 1, 0, 0 },
		{ "  lead", 6, 1, 6, 6 },
		{ "tab\there", 40, 1, 8, 8 },
		{ "", 5, 1, 0, 0 },
	};
	struct text_lines lines = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		text_wrap(cases[i].s, cases[i].width, &lines);
		assert_int_equal(lines.n, cases[i].n);
		assert_int_equal(lines.v[0].offset, 0);
		assert_int_equal(lines.v[0].len, cases[i].len);
		assert_int_equal(lines.v[0].width, cases[i].w);
		check_wrap(cases[i].s, cases[i].width);
	}
	text_lines_free(&lines);
}

/* ---- grapheme and word steps for the editor ---- */

static void
test_grapheme_steps(void **state)
{
	const char *thai = "น้ำใจ";	/* น้ำ is one cluster: 3 code points */
	const char *ko = "한글";
	const char *jamo = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB" "x";
	size_t len = strlen(thai);

	(void)state;
	assert_int_equal(len, 15);
	assert_int_equal(text_next_grapheme(thai, len, 0), 9);
	assert_int_equal(text_next_grapheme(thai, len, 9), 12);
	assert_int_equal(text_next_grapheme(thai, len, 12), 15);
	assert_int_equal(text_next_grapheme(thai, len, 15), 15);
	assert_int_equal(text_prev_grapheme(thai, len, 15), 12);
	assert_int_equal(text_prev_grapheme(thai, len, 9), 0);
	assert_int_equal(text_prev_grapheme(thai, len, 0), 0);
	assert_int_equal(text_grapheme_floor(thai, len, 3), 0);
	assert_int_equal(text_grapheme_floor(thai, len, 6), 0);
	assert_int_equal(text_grapheme_ceil(thai, len, 3), 9);
	assert_int_equal(text_grapheme_ceil(thai, len, 9), 9);
	/* น้ำ: น (1) + ้ (0) + ำ (1) */
	assert_int_equal(text_grapheme_width(thai, len, 0), 2);
	assert_int_equal(text_grapheme_width(thai, len, 9), 1);
	assert_int_equal(text_grapheme_width(thai, len, len), 0);
	assert_int_equal(text_next_grapheme(ko, strlen(ko), 0), 3);
	assert_int_equal(text_grapheme_width(ko, strlen(ko), 3), 2);
	/* a conjoining-jamo syllable is one cluster of two columns */
	assert_int_equal(text_next_grapheme(jamo, strlen(jamo), 0), 9);
	assert_int_equal(text_grapheme_width(jamo, strlen(jamo), 0), 2);
	/* CR LF is one step */
	assert_int_equal(text_next_grapheme("a\r\nb", 4, 1), 3);
	assert_int_equal(text_prev_grapheme("a\r\nb", 4, 3), 1);
	/* an emoji with skin tone and a flag */
	assert_int_equal(text_next_grapheme("👍🏽🇹🇭", 16, 0), 8);
	assert_int_equal(text_next_grapheme("👍🏽🇹🇭", 16, 8), 16);
}

static void
test_prev_word(void **state)
{
	const char *en = "add offline mode, please  ";
	const char *th = "รัฐบาลดิจิทัล";	/* รัฐบาล + ดิจิทัล */
	const char *ko = "디지털 정부";

	(void)state;
	assert_int_equal(text_prev_word(en, strlen(en), strlen(en)),
	    strlen("add offline mode, "));
	assert_int_equal(text_prev_word(en, strlen(en), strlen("add offline mode,")),
	    strlen("add offline "));
	assert_int_equal(text_prev_word(en, strlen(en), 2), 0);
	assert_int_equal(text_prev_word(en, strlen(en), 0), 0);
	assert_int_equal(text_prev_word(th, strlen(th), strlen(th)),
	    strlen("รัฐบาล"));
	assert_int_equal(text_prev_word(ko, strlen(ko), strlen(ko)),
	    strlen("디지털 "));
	assert_int_equal(text_prev_word(ko, strlen(ko), strlen("디지털 ")), 0);
}

static int
teardown(void **state)
{
	(void)state;
	if (line_iter != NULL)
		ubrk_close(line_iter);
	line_iter = NULL;
	text_shutdown();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_script_width_and_count),
		cmocka_unit_test(test_script_roundtrip),
		cmocka_unit_test(test_script_wrap_table),
		cmocka_unit_test(test_script_wrap_every_width),
		cmocka_unit_test(test_script_cut_table),
		cmocka_unit_test(test_script_cut_every_width),
		cmocka_unit_test(test_cut_fitting_is_sanitized),
		cmocka_unit_test(test_ascii_change),
		cmocka_unit_test(test_wrap_hard_breaks),
		cmocka_unit_test(test_wrap_short_ascii),
		cmocka_unit_test(test_wrap_never_detaches_marks),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_valid_edges),
		cmocka_unit_test(test_invalid_displayed),
		cmocka_unit_test(test_length_limit),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_newlines),
		cmocka_unit_test(test_random_mixtures),
		cmocka_unit_test(test_alone_matches_icu),
		cmocka_unit_test(test_grapheme_steps),
		cmocka_unit_test(test_prev_word),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test_text: the C.UTF-8 locale is missing\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, teardown);
}
