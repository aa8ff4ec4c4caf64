/* test_text_terminal.c -- text as terminals draw it: emoji sequences, Indic
 * conjuncts with a zero width joiner, and Korean wrapped between words. */
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

#include <unicode/utf8.h>

#include "text.h"
#include "util.h"

#define ZWJ 0x200D
#define VS16 0xFE0F

/*
 * What the terminals do with a string, measured on Debian 12 (glibc 2.36's
 * wcwidth) in tmux 3.3a: the cursor's column after printing it
 * (tests/e2e/text_scripts.sh reads the same back from the screens).
 *
 *	                 tmux 3.3a   xterm, VTE   display form (ours)
 *	👩‍💻 (ZWJ)            2           4            👩💻   4
 *	👨‍👩‍👧 (ZWJ)          2           6            👨👩👧 6
 *	👍🏽 (skin tone)      4           4            👍🏽   4
 *	🇹🇭 (flag)           2           2            🇹🇭   2
 *	❤️ ☺️ 1️⃣ (VS16)       1 each      1 each       ❤ ☺ 1⃣ 1 each
 *	ශ්‍රී (Sinhala ZWJ)    1           2            ශ්රී   2
 *	क्‍ष (Devanagari)     1           2            क्ष   2
 *	র‍্য (Bengali)        2           2            র‍্য   2 (ZWJ kept)
 *
 * tmux 3.3a joins the character after a ZWJ into the cell before it (its
 * screen-write.c); xterm and VTE measure code point by code point with
 * wcwidth tables of their own, neither joining on a ZWJ nor widening on a
 * VS16 (not run here: as ucs-detect's published results report them);
 * tmux 3.4 and later draw a VS16 sequence two columns wide (tmux issue
 * 3923).  The display form
 * leaves out what they disagree about, so each model below gives the same
 * width for it, and that width is text_width().
 */

/* Code points of s, one by one; < 0 for an ill-formed sequence. */
static UChar32
next_cp(const char *s, size_t len, size_t *i)
{
	int32_t k = (int32_t)*i;
	UChar32 c;

	U8_NEXT((const uint8_t *)s, k, (int32_t)len, c);
	*i = (size_t)k;
	return c;
}

/* xterm and VTE: the sum of wcwidth(). */
static int
width_per_code_point(const char *s)
{
	size_t len = strlen(s), i = 0;
	int w = 0, cw;

	while (i < len) {
		cw = wcwidth((wchar_t)next_cp(s, len, &i));
		w += cw > 0 ? cw : 0;
	}
	return w;
}

/* tmux 3.3a: the same, but a character after a ZWJ takes no cell. */
static int
width_tmux33(const char *s)
{
	size_t len = strlen(s), i = 0;
	int w = 0, cw, joined = 0;
	UChar32 c;

	while (i < len) {
		c = next_cp(s, len, &i);
		cw = wcwidth((wchar_t)c);
		if (!joined && cw > 0)
			w += cw;
		joined = c == ZWJ;
	}
	return w;
}

/* tmux 3.4 and later, and terminals that honour VS16: a VS16 widens the
 * character before it to two columns. */
static int
has_vs16(const char *s)
{
	return strstr(s, "\xef\xb8\x8f") != NULL;
}

struct drawn {
	const char *what;
	const char *text;
	const char *display;
	int width;
};

static const struct drawn drawn[] = {
	{ "ZWJ sequence", "👩‍💻", "👩💻", 4 },
	{ "family", "👨‍👩‍👧", "👨👩👧", 6 },
	{ "rainbow flag", "🏳️‍🌈", "🏳🌈", 3 },
	{ "skin tone", "👍🏽", "👍🏽", 4 },
	{ "flag", "🇹🇭", "🇹🇭", 2 },
	{ "VS16 heart", "❤️", "❤", 1 },
	{ "VS16 smile", "☺️", "☺", 1 },
	{ "keycap", "1️⃣", "1⃣", 1 },
	{ "wide + VS16", "⌚️", "⌚", 2 },
	{ "Sinhala ZWJ", "ශ්‍රී", "ශ්රී", 2 },
	{ "Devanagari ZWJ", "क्‍ष", "क्ष", 2 },
	{ "Devanagari ZWNJ", "क्‌ष", "क्‌ष", 2 },
	{ "Bengali ZWJ", "র‍্য", "র‍্য", 2 },
	{ "ZWJ at the end", "ab\xe2\x80\x8d", "ab", 2 },
	{ "ZWJ before a space", "a\xe2\x80\x8d b", "a b", 3 },
	{ "ZWJ before a ZWSP", "a\xe2\x80\x8d\xe2\x80\x8b" "b", "ab", 2 },
	{ "VS16 alone", "\xef\xb8\x8f" "x", "x", 1 },
	{ "in a sentence", "코딩 👩‍💻 ❤️ ශ්‍රී ලංකා",
	    "코딩 👩💻 ❤ ශ්රී ලංකා", 19 },
};

static void
test_drawn_alike(void **state)
{
	size_t i;
	char *d;

	(void)state;
	for (i = 0; i < NELEM(drawn); i++) {
		const struct drawn *t = &drawn[i];

		d = text_sanitize(t->text);
		if (strcmp(d, t->display) != 0 ||
		    text_width(t->text) != t->width)
			fail_msg("%s: display [%s] width %d, want [%s] %d",
			    t->what, d, text_width(t->text), t->display,
			    t->width);
		assert_int_equal(text_width(d), t->width);
		assert_int_equal(width_per_code_point(d), t->width);
		assert_int_equal(width_tmux33(d), t->width);
		assert_false(has_vs16(d));
		free(d);
	}
}

/* Every piece of text is drawn alike, whatever it is mixed with: its
 * display form measures the same in each model, as text_width() says. */
static void
test_drawn_alike_mixtures(void **state)
{
	static const char *const pieces[] = {
		"a", " ", "디", "👩", "💻", "👍", "🏽", "🇹", "🇭", "❤", "1",
		"\xe2\x80\x8d", "\xef\xb8\x8f", "\xe2\x83\xa3", "\xe2\x80\x8c",
		"ශ", "්", "ර", "ී", "র", "্", "য", "क", "ष", "\n", "\x1b",
		"\xe2\x80\x8b", "\xcc\x81", "🏳", "🌈", "\xe1\x85\xa1",
	};
	char s[256], *d;
	struct text_lines lines = { 0 };
	unsigned long seed = 4242;
	int round, k, n, w;
	size_t len, i;

	(void)state;
	for (round = 0; round < 3000; round++) {
		s[0] = '\0';
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		n = (int)((seed >> 33) % 16);
		for (k = 0; k < n; k++) {
			seed = seed * 6364136223846793005UL + 1;
			strcat(s, pieces[(seed >> 33) % NELEM(pieces)]);
		}
		d = text_sanitize(s);
		w = text_width(s);
		if (width_tmux33(d) != w || width_per_code_point(d) != w ||
		    has_vs16(d))
			fail_msg("round %d: [%s] width %d, tmux %d, xterm %d",
			    round, d, w, width_tmux33(d),
			    width_per_code_point(d));
		free(d);
		/* Each wrapped line, drawn on its own, too. */
		len = strlen(s);
		text_wrap(s, 1 + round % 7, &lines);
		for (i = 0; i < lines.n; i++) {
			d = text_sanitize_n(s + lines.v[i].offset,
			    lines.v[i].len, 0);
			assert_int_equal(width_tmux33(d), lines.v[i].width);
			assert_int_equal(width_per_code_point(d),
			    lines.v[i].width);
			free(d);
		}
		(void)len;
	}
	text_lines_free(&lines);
}

/* A conjunct joined by a ZWJ is one cluster: never cut, wrapped or
 * stepped over in halves. */
static void
test_zwj_conjuncts(void **state)
{
	static const char *const conjuncts[] = {
		"ශ්‍රී", "क्‍ष", "র‍্য", "👩‍💻", "👨‍👩‍👧",
	};
	struct text_lines lines = { 0 };
	const char *s = "ශ්‍රී ලංකා";
	size_t i, len;
	char *r;

	(void)state;
	for (i = 0; i < NELEM(conjuncts); i++) {
		len = strlen(conjuncts[i]);
		assert_int_equal(text_next_grapheme(conjuncts[i], len, 0), len);
		assert_int_equal(text_prev_grapheme(conjuncts[i], len, len), 0);
		assert_int_equal(text_grapheme_floor(conjuncts[i], len, 3), 0);
		assert_int_equal(text_grapheme_ceil(conjuncts[i], len, 3), len);
		/* One cluster wider than the line: a line of its own. */
		assert_int_equal(text_wrap(conjuncts[i], 1, &lines), 1);
		r = text_cut(conjuncts[i], 1, NULL);
		assert_string_equal(r, "");
		free(r);
	}
	assert_int_equal(text_width(s), 2 + 1 + 4);
	len = strlen(s);
	assert_int_equal(text_grapheme_width(s, len, 0), 2);
	r = text_cut(s, 4, "…");
	assert_string_equal(r, "ශ්රී…");
	free(r);
	/* The ZWJ is not glued to what cannot join: a space, a control. */
	assert_int_equal(text_next_grapheme("a\xe2\x80\x8d b", 6, 0), 4);
	assert_int_equal(text_next_grapheme("a\xe2\x80\x8d\nb", 6, 0), 4);
	/* What shows nothing is an empty idea. */
	assert_true(text_is_blank("\xef\xb8\x8f"));
	assert_true(text_is_blank(" \xef\xb8\x8f\xe2\x80\x8d "));
	assert_false(text_is_blank("\xef\xb8\x8f\xe2\x80\x8d" "a"));
	assert_int_equal(text_width("\xef\xb8\x8f"), 0);
	text_lines_free(&lines);
}

/* ---- Korean: between words ---- */

struct wrapped {
	const char *text;
	int width;
	const char *lines[6];
};

static const struct wrapped korean[] = {
	{ "디지털 정부는 국민을 위한 서비스입니다", 14,
	    { "디지털 정부는", "국민을 위한", "서비스입니다" } },
	{ "AI기반 행정 서비스", 12, { "AI기반 행정", "서비스" } },
	{ "AI기반 행정 서비스", 5, { "AI기", "반", "행정", "서비", "스" } },
	{ "정부3.0을 위한 정책", 12, { "정부3.0을", "위한 정책" } },
	{ "Korea정부의 e-정부 서비스", 12,
	    { "Korea정부의", "e-정부", "서비스" } },
	{ "좋아요👍 정말 좋아요", 9, { "좋아요👍", "정말", "좋아요" } },
	{ "디지털(정부) 서비스.", 8, { "디지털", "(정부)", "서비스." } },
	{ "정부/지자체 협력", 8, { "정부/", "지자체", "협력" } },
	/* A word wider than the line: between syllables. */
	{ "대한민국정부혁신추진계획", 8,
	    { "대한민국", "정부혁신", "추진계획" } },
	{ "대한민국정부혁신추진계획", 9,
	    { "대한민국", "정부혁신", "추진계획" } },
	/* Thai keeps ICU's dictionary breaks. */
	{ "รัฐบาลดิจิทัลช่วยให้ประชาชน", 12,
	    { "รัฐบาลดิจิทัลช่วย", "ให้ประชาชน" } },
};

static void
check_lines(const struct wrapped *t)
{
	struct text_lines lines = { 0 };
	size_t i, n;

	n = text_wrap(t->text, t->width, &lines);
	for (i = 0; i < n || (i < NELEM(t->lines) && t->lines[i]); i++) {
		if (i >= n || i >= NELEM(t->lines) || t->lines[i] == NULL ||
		    strlen(t->lines[i]) != lines.v[i].len ||
		    memcmp(t->lines[i], t->text + lines.v[i].offset,
		    lines.v[i].len) != 0)
			fail_msg("[%s] at %d: line %zu is [%.*s]", t->text,
			    t->width, i, i < n ? (int)lines.v[i].len : 0,
			    i < n ? t->text + lines.v[i].offset : "");
	}
	text_lines_free(&lines);
}

static void
test_korean_lines(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(korean); i++)
		check_lines(&korean[i]);
}

/* 1 when the code point that starts at s is a Hangul syllable. */
static int
syllable(const char *s)
{
	size_t i = 0;
	UChar32 c = next_cp(s, 4, &i);

	return c >= 0xAC00 && c <= 0xD7A3;
}

/* At every width, a line ends inside a Korean word only when that word is
 * wider than the line. */
static void
test_korean_every_width(void **state)
{
	static const char *const texts[] = {
		"디지털 정부는 국민을 위한 서비스입니다",
		"전자정부 서비스를 섬 지역 주민에게도 제공합니다",
		"공무원 역량강화 워크숍, AI기반 행정혁신 사례",
	};
	struct text_lines lines = { 0 };
	size_t k, i, n, at, from, to;
	int width;

	(void)state;
	for (k = 0; k < NELEM(texts); k++) {
		const char *s = texts[k];

		for (width = 2; width <= 50; width++) {
			n = text_wrap(s, width, &lines);
			for (i = 1; i < n; i++) {
				at = lines.v[i].offset;
				if (s[at - 1] == ' ' || !syllable(s + at))
					continue;
				/* Inside a word: the whole word is wider. */
				for (from = at; from > 0 && s[from - 1] != ' ';
				    from--)
					;
				for (to = at; s[to] != '\0' && s[to] != ' ';
				    to++)
					;
				if (text_width_n(s + from, to - from) <= width)
					fail_msg("[%s] at %d: line %zu starts "
					    "inside a word", s, width, i);
			}
		}
	}
	text_lines_free(&lines);
}

/* The last row of a text that does not fit ends with whole words. */
static void
test_cut_words(void **state)
{
	static const struct {
		const char *text;
		int width;
		const char *want;
	} cuts[] = {
		{ "디지털 정부는 국민을 위한 서비스입니다", 12, "디지털…" },
		{ "디지털 정부는 국민을 위한 서비스입니다", 14,
		    "디지털 정부는…" },
		{ "Digital government serves everyone", 12, "Digital…" },
		{ "รัฐบาลดิจิทัลช่วยให้ประชาชน", 16,
		    "รัฐบาลดิจิทัลช่วยให้…" },
		/* One word wider than the line: cut as text_cut does. */
		{ "대한민국정부혁신추진계획 수립", 9, "대한민국…" },
		{ "short", 12, "short" },
		{ "디지털 정부", 1, "…" },
	};
	size_t i;
	char *r;

	(void)state;
	for (i = 0; i < NELEM(cuts); i++) {
		r = text_cut_words(cuts[i].text, cuts[i].width, "…");
		if (strcmp(r, cuts[i].want) != 0)
			fail_msg("[%s] at %d: [%s], want [%s]", cuts[i].text,
			    cuts[i].width, r, cuts[i].want);
		assert_true(text_width(r) <= cuts[i].width);
		free(r);
	}
}

/* A long text is cut where its whole layout breaks its first line: only
 * its start is laid out (issue 21), and that must not move the cut. */
static void
test_cut_words_long(void **state)
{
	static const char *const parts[] = {
		"디지털 정부는 국민을 위한 서비스입니다 ",
		"รัฐบาลดิจิทัลช่วยให้ประชาชน ",
		"Digital government serves everyone ",
		"AI기반 행정혁신 사례를 ",
		"ລັດຖະບານດິຈິຕອນ ",
	};
	char s[8192];
	struct text_lines lines = { NULL, 0, 0 };
	size_t i, at = 0, k;
	int width;
	char *r;

	(void)state;
	s[0] = '\0';
	for (i = 0; at + 200 < sizeof s; i++) {
		k = strlen(parts[i % NELEM(parts)]);
		memcpy(s + at, parts[i % NELEM(parts)], k + 1);
		at += k;
	}
	for (width = 4; width <= 70; width++) {
		r = text_cut_words(s, width, "…");
		text_wrap(s, width - 1, &lines);
		assert_true(text_width(r) <= width);
		/* what stands before the ellipsis is the whole layout's first
		 * line, when that line is one of whole words */
		if (lines.n >= 2 && lines.v[0].len > 0 &&
		    lines.v[0].width <= width - 1) {
			char want[512];

			snprintf(want, sizeof want, "%.*s…",
			    (int)lines.v[0].len, s);
			if (strcmp(r, want) != 0)
				fail_msg("at %d: [%s], want [%s]", width, r,
				    want);
		}
		free(r);
	}
	text_lines_free(&lines);
}

static int
teardown(void **state)
{
	(void)state;
	text_shutdown();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_drawn_alike),
		cmocka_unit_test(test_drawn_alike_mixtures),
		cmocka_unit_test(test_zwj_conjuncts),
		cmocka_unit_test(test_korean_lines),
		cmocka_unit_test(test_korean_every_width),
		cmocka_unit_test(test_cut_words),
		cmocka_unit_test(test_cut_words_long),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	return cmocka_run_group_tests(tests, NULL, teardown);
}
