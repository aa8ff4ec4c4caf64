/*
 * fuzz_text.c -- the text module (text.h) on arbitrary bytes.
 *
 * Beyond "does not crash", each input is held to what text.h promises:
 * the display form is valid UTF-8 with no control character, no C1 and no
 * bidi control in it, measures as its source does and is a fixed point of
 * sanitising, and tmux 3.3a and a terminal that counts code point by code
 * point (xterm, VTE) draw it in as many columns, with no VS16; a cut fits its width; wrapped lines follow each other, fit
 * their width (but for a single cluster) and say their own width; the
 * grapheme boundaries found forwards and backwards are the same.
 *
 * The first byte picks a width (0..63) for wrapping and cutting.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/utf8.h>

#include "fuzz.h"
#include "text.h"
#include "util.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* The display form: valid UTF-8, nothing a terminal would act on. */
static void
check_display_form(const char *d, int multiline)
{
	const unsigned char *u = (const unsigned char *)d;
	size_t len = strlen(d), i;

	FUZZ_ASSERT(text_validate(d, len, NULL) == 0);
	for (i = 0; i < len; i++) {
		FUZZ_ASSERT(u[i] >= 0x20 || (multiline && u[i] == '\n'));
		FUZZ_ASSERT(u[i] != 0x7f);
		/* C1 controls U+0080..U+009F are C2 80..C2 9F */
		if (u[i] == 0xc2 && i + 1 < len)
			FUZZ_ASSERT(u[i + 1] < 0x80 || u[i + 1] > 0x9f);
		/* U+202A..U+202E: E2 80 AA..AE; U+2066..U+2069: E2 81 A6..A9 */
		if (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x80)
			FUZZ_ASSERT(u[i + 2] < 0xaa || u[i + 2] > 0xae);
		if (u[i] == 0xe2 && i + 2 < len && u[i + 1] == 0x81)
			FUZZ_ASSERT(u[i + 2] < 0xa6 || u[i + 2] > 0xa9);
	}
}

/* The display form is as wide in tmux 3.3a (the character after a ZWJ
 * goes into the cell before it) as code point by code point (xterm, VTE),
 * and has no VS16 (tmux 3.4 widens the character before one). */
static void
check_drawn_alike(const char *d)
{
	size_t len = strlen(d);
	int32_t i = 0;
	int flat = 0, tmux = 0, joined = 0, w;
	UChar32 c;

	while ((size_t)i < len) {
		U8_NEXT((const uint8_t *)d, i, (int32_t)len, c);
		FUZZ_ASSERT(c != 0xFE0F);
		w = wcwidth((wchar_t)c);
		if (w > 0)
			flat += w;
		if (w > 0 && !joined)
			tmux += w;
		joined = c == 0x200D;
	}
	FUZZ_ASSERT(flat == tmux);
	FUZZ_ASSERT(flat == text_width(d));
}

static void
check_sanitize(const char *s, size_t len)
{
	char *d = text_sanitize_n(s, len, 0);
	char *dm = text_sanitize_n(s, len, TEXT_MULTILINE);
	char *again = text_sanitize(d);
	char *againm = text_sanitize_n(dm, strlen(dm), TEXT_MULTILINE);

	check_display_form(d, 0);
	check_display_form(dm, 1);
	check_drawn_alike(d);
	FUZZ_ASSERT(strcmp(d, again) == 0);
	FUZZ_ASSERT(strcmp(dm, againm) == 0);
	FUZZ_ASSERT(text_width_n(s, len) == text_width(d));
	free(d);
	free(dm);
	free(again);
	free(againm);
}

static void
check_cut(const char *s, int width)
{
	char *c = text_cut(s, width, "\xe2\x80\xa6");
	char *plain = text_cut(s, width, NULL);

	check_display_form(c, 0);
	FUZZ_ASSERT(text_width(c) <= (width > 0 ? width : 0));
	FUZZ_ASSERT(text_width(plain) <= (width > 0 ? width : 0));
	if (text_width(s) <= width) {
		char *whole = text_sanitize(s);

		FUZZ_ASSERT(strcmp(plain, whole) == 0);
		free(whole);
	}
	free(c);
	free(plain);
}

static void
check_wrap(const char *s, size_t len, int width, struct text_lines *lines)
{
	size_t n = text_wrap_n(s, len, width, lines), i;
	const struct text_line *l;

	FUZZ_ASSERT(n >= 1 && n == lines->n);
	FUZZ_ASSERT(lines->v[0].offset == 0);
	for (i = 0; i < n; i++) {
		l = &lines->v[i];
		FUZZ_ASSERT(l->offset + l->len <= len);
		if (i + 1 < n)
			FUZZ_ASSERT(l->offset + l->len <= lines->v[i + 1].offset);
		FUZZ_ASSERT(l->width == text_width_n(s + l->offset, l->len));
		if (width > 0 && l->width > width)	/* one cluster alone */
			FUZZ_ASSERT(text_next_grapheme(s + l->offset, l->len,
			    0) == l->len);
	}
}

/* Code point boundaries the way text.c decodes: ICU's U8_NEXT. */
static size_t
next_cp(const char *s, size_t len, size_t i)
{
	int32_t k = (int32_t)i, n = (int32_t)len;
	UChar32 c;

	U8_NEXT((const uint8_t *)s, k, n, c);
	(void)c;
	return (size_t)k;
}

static void
check_graphemes(const char *s, size_t len)
{
	unsigned char *is_b = xcalloc(len + 1, 1);
	size_t pos = 0, next, i, f, c, w;

	is_b[0] = 1;
	while (pos < len) {
		next = text_next_grapheme(s, len, pos);
		FUZZ_ASSERT(next > pos && next <= len);
		FUZZ_ASSERT(text_grapheme_width(s, len, pos) >= 0);
		is_b[next] = 1;
		pos = next;
	}
	FUZZ_ASSERT(text_next_grapheme(s, len, len) == len);
	while (pos > 0) {
		next = text_prev_grapheme(s, len, pos);
		FUZZ_ASSERT(next < pos && is_b[next]);
		for (i = next + 1; i < pos; i++)
			FUZZ_ASSERT(!is_b[i]);
		pos = next;
	}
	if (text_validate(s, len, NULL) == 0) {
		for (i = 0; i <= len; i = next_cp(s, len, i)) {
			f = text_grapheme_floor(s, len, i);
			c = text_grapheme_ceil(s, len, i);
			w = text_prev_word(s, len, i);
			FUZZ_ASSERT(f <= i && is_b[f]);
			FUZZ_ASSERT(c >= i && c <= len && is_b[c]);
			FUZZ_ASSERT(w <= i);
			if (i == len)
				break;
		}
	}
	free(is_b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_lines lines = { 0 };
	char *s, *norm;
	size_t len;
	int width;

	if (size < 1)
		return 0;
	width = data[0] & 63;
	s = xstrndup((const char *)data + 1, size - 1);	/* up to a NUL */
	len = strlen(s);

	(void)text_validate((const char *)data + 1, size - 1, NULL);
	(void)text_check(s, 20, NULL);
	(void)text_is_blank(s);
	FUZZ_ASSERT(text_count_chars(s) <= len);
	norm = text_normalize_newlines(s);
	FUZZ_ASSERT(strchr(norm, '\r') == NULL);
	check_sanitize((const char *)data + 1, size - 1);
	check_cut(s, width);
	check_wrap(s, len, width, &lines);
	check_wrap(s, len, 0, &lines);
	check_graphemes(s, len);
	text_lines_free(&lines);
	free(norm);
	free(s);
	return 0;
}
