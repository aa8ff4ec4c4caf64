/* test_editbuf.c -- the line editor's model: editing by grapheme cluster,
 * lines, limits and the scrolled view. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "editbuf.h"
#include "text.h"
#include "util.h"

#define THAI "น้ำใจ"		/* clusters: น้ำ (9 bytes), ใ, จ */
#define LONG_THAI "รัฐบาลดิจิทัล"	/* words รัฐบาล + ดิจิทัล */

static struct editbuf *
buf_with(const char *text, int multiline)
{
	struct editbuf *eb = editbuf_new(0, multiline);

	assert_int_equal(editbuf_set(eb, text, NULL), 0);
	return eb;
}

static void
type(struct editbuf *eb, const char *s)
{
	char *err = NULL;

	if (editbuf_insert(eb, s, strlen(s), &err) != 0)
		fail_msg("insert '%s': %s", s, err);
}

static void
test_type_korean_and_thai(void **state)
{
	struct editbuf *eb = editbuf_new(TEXT_MAX_CHARS, 0);

	(void)state;
	type(eb, "디지털 정부");
	type(eb, " ");
	type(eb, "รัฐบาลดิจิทัล");
	assert_string_equal(editbuf_text(eb), "디지털 정부 รัฐบาลดิจิทัล");
	assert_int_equal(editbuf_cursor(eb), editbuf_len(eb));
	assert_int_equal(editbuf_chars(eb), 7 + 13);
	editbuf_free(eb);
}

/* An input method sends a Thai consonant, then its vowel and tone mark: the
 * cursor stays after the cluster and one step left crosses all of it. */
static void
test_marks_typed_one_by_one(void **state)
{
	struct editbuf *eb = editbuf_new(0, 0);

	(void)state;
	type(eb, "น");
	type(eb, "\xE0\xB9\x89");	/* ้ */
	type(eb, "\xE0\xB8\xB3");	/* ำ */
	assert_string_equal(editbuf_text(eb), "น้ำ");
	assert_int_equal(editbuf_cursor(eb), 9);
	assert_int_equal(editbuf_left(eb), 1);
	assert_int_equal(editbuf_cursor(eb), 0);
	/* a base typed before a detached accent joins it: the cursor goes
	 * after the whole cluster */
	assert_int_equal(editbuf_set(eb, "\xCC\x81" "x", NULL), 0);
	editbuf_set_cursor(eb, 0);
	type(eb, "e");
	assert_string_equal(editbuf_text(eb), "e\xCC\x81" "x");
	assert_int_equal(editbuf_cursor(eb), 3);
	editbuf_free(eb);
}

static void
test_move_by_grapheme(void **state)
{
	struct editbuf *eb = buf_with(THAI, 0);

	(void)state;
	assert_int_equal(editbuf_cursor(eb), 15);
	assert_int_equal(editbuf_right(eb), 0);
	assert_int_equal(editbuf_left(eb), 1);
	assert_int_equal(editbuf_cursor(eb), 12);
	editbuf_left(eb);
	assert_int_equal(editbuf_cursor(eb), 9);
	editbuf_left(eb);
	assert_int_equal(editbuf_cursor(eb), 0);
	assert_int_equal(editbuf_left(eb), 0);
	editbuf_right(eb);
	assert_int_equal(editbuf_cursor(eb), 9);
	/* set_cursor inside a cluster snaps to its start */
	editbuf_set_cursor(eb, 6);
	assert_int_equal(editbuf_cursor(eb), 0);
	editbuf_free(eb);
}

static void
test_insert_in_the_middle(void **state)
{
	struct editbuf *eb = buf_with("디지털정부", 0);

	(void)state;
	editbuf_home(eb);
	editbuf_right(eb);
	editbuf_right(eb);
	editbuf_right(eb);
	type(eb, " ");
	assert_string_equal(editbuf_text(eb), "디지털 정부");
	assert_int_equal(editbuf_cursor(eb), 10);
	editbuf_home(eb);
	type(eb, "«");
	editbuf_end(eb);
	type(eb, "»");
	assert_string_equal(editbuf_text(eb), "«디지털 정부»");
	editbuf_free(eb);
}

static void
test_backspace_and_delete(void **state)
{
	struct editbuf *eb = buf_with(THAI, 0);

	(void)state;
	assert_int_equal(editbuf_backspace(eb), 1);
	assert_string_equal(editbuf_text(eb), "น้ำใ");
	editbuf_home(eb);
	assert_int_equal(editbuf_backspace(eb), 0);
	assert_int_equal(editbuf_delete(eb), 1);
	assert_string_equal(editbuf_text(eb), "ใ");
	assert_int_equal(editbuf_chars(eb), 1);
	assert_int_equal(editbuf_delete(eb), 1);
	assert_int_equal(editbuf_delete(eb), 0);
	assert_string_equal(editbuf_text(eb), "");
	assert_int_equal(editbuf_chars(eb), 0);
	/* a Devanagari conjunct cluster goes in one Backspace */
	assert_int_equal(editbuf_set(eb, "सेवा", NULL), 0);
	editbuf_backspace(eb);
	assert_string_equal(editbuf_text(eb), "से");
	/* a whole emoji with its skin tone */
	assert_int_equal(editbuf_set(eb, "ok👍🏽", NULL), 0);
	editbuf_backspace(eb);
	assert_string_equal(editbuf_text(eb), "ok");
	editbuf_free(eb);
}

static void
test_kill_and_words(void **state)
{
	struct editbuf *eb = buf_with("first line\nadd offline mode", 1);

	(void)state;
	assert_int_equal(editbuf_delete_word(eb), 1);
	assert_string_equal(editbuf_text(eb), "first line\nadd offline ");
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "first line\nadd ");
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "first line\n");
	/* at the start of a line Ctrl-W joins it to the one above */
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "first line");
	/* Ctrl-U to the line start, then it joins lines */
	assert_int_equal(editbuf_set(eb, "one\ntwo three", NULL), 0);
	editbuf_left(eb);
	assert_int_equal(editbuf_kill_to_start(eb), 1);
	assert_string_equal(editbuf_text(eb), "one\ne");
	assert_int_equal(editbuf_cursor(eb), 4);
	editbuf_kill_to_start(eb);
	assert_string_equal(editbuf_text(eb), "onee");
	assert_int_equal(editbuf_cursor(eb), 3);
	/* Ctrl-K to the line end, then it joins lines */
	assert_int_equal(editbuf_set(eb, "ab\ncd", NULL), 0);
	editbuf_set_cursor(eb, 1);
	editbuf_kill_to_end(eb);
	assert_string_equal(editbuf_text(eb), "a\ncd");
	editbuf_kill_to_end(eb);
	assert_string_equal(editbuf_text(eb), "acd");
	/* Thai has no spaces: Ctrl-W deletes one dictionary word */
	assert_int_equal(editbuf_set(eb, LONG_THAI, NULL), 0);
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "รัฐบาล");
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "");
	assert_int_equal(editbuf_delete_word(eb), 0);
	assert_int_equal(editbuf_set(eb, "디지털 정부", NULL), 0);
	editbuf_delete_word(eb);
	assert_string_equal(editbuf_text(eb), "디지털 ");
	editbuf_free(eb);
}

static void
test_home_end(void **state)
{
	struct editbuf *eb = buf_with("첫째 줄\n둘째 줄\n셋", 1);

	(void)state;
	editbuf_set_cursor(eb, strlen("첫째 줄\n둘"));
	editbuf_home(eb);
	assert_int_equal(editbuf_cursor(eb), strlen("첫째 줄\n"));
	editbuf_end(eb);
	assert_int_equal(editbuf_cursor(eb), strlen("첫째 줄\n둘째 줄"));
	assert_int_equal(editbuf_end(eb), 0);
	editbuf_free(eb);
}

static void
test_newline_and_filter(void **state)
{
	struct editbuf *one = editbuf_new(0, 0), *box = editbuf_new(0, 1);
	const char *paste = "a\r\nb\tc\x1b[2Jd\xC2\x9B" "e\x07\rf\x7f";
	char *err = NULL;

	(void)state;
	assert_int_equal(editbuf_newline(one, &err), -1);
	assert_non_null(err);
	free(err);
	err = NULL;
	assert_int_equal(editbuf_newline(box, &err), 0);
	assert_string_equal(editbuf_text(box), "\n");
	editbuf_clear(box);
	type(box, paste);
	assert_string_equal(editbuf_text(box), "a\nb c[2Jde\nf");
	type(one, paste);
	assert_string_equal(editbuf_text(one), "a b c[2Jde f");
	assert_int_equal(editbuf_chars(one), 12);
	editbuf_free(one);
	editbuf_free(box);
}

static void
test_refusals(void **state)
{
	struct editbuf *eb = editbuf_new(5, 0);
	char *err = NULL;

	(void)state;
	type(eb, "ab");
	assert_int_equal(editbuf_insert(eb, "c\xC0\xAF", 3, &err), -1);
	assert_non_null(strstr(err, "byte 1"));
	assert_string_equal(editbuf_text(eb), "ab");
	free(err);
	err = NULL;
	type(eb, "디지털");
	assert_int_equal(editbuf_chars(eb), 5);
	assert_int_equal(editbuf_insert(eb, "x", 1, &err), -1);
	assert_non_null(strstr(err, "5"));
	assert_string_equal(editbuf_text(eb), "ab디지털");
	free(err);
	err = NULL;
	assert_int_equal(editbuf_set(eb, "123456", &err), -1);
	assert_string_equal(editbuf_text(eb), "ab디지털");
	free(err);
	err = NULL;
	/* deleting makes room again */
	editbuf_backspace(eb);
	type(eb, "x");
	assert_string_equal(editbuf_text(eb), "ab디지x");
	editbuf_free(eb);
}

/* A paste longer than the limit arrives key by key: everything up to the
 * limit goes in, the rest is refused. */
static void
test_long_paste(void **state)
{
	struct editbuf *eb = editbuf_new(TEXT_MAX_CHARS, 1);
	const char *lao = "ລັດຖະບານ";	/* 8 code points */
	size_t i, k, len = strlen(lao), refused = 0;
	int32_t n;

	(void)state;
	for (k = 0; k < 130; k++) {
		for (i = 0; i < len; i += (size_t)n) {
			n = (unsigned char)lao[i] >= 0xE0 ? 3 : 1;
			if (editbuf_insert(eb, lao + i, (size_t)n, NULL) != 0)
				refused++;
		}
	}
	assert_int_equal(editbuf_chars(eb), TEXT_MAX_CHARS);
	assert_int_equal(refused, 130 * 8 - TEXT_MAX_CHARS);
	assert_int_equal(text_count_chars(editbuf_text(eb)), TEXT_MAX_CHARS);
	assert_int_equal(text_validate(editbuf_text(eb), editbuf_len(eb), NULL),
	    0);
	editbuf_free(eb);
}

static void
test_up_down(void **state)
{
	struct editbuf *eb = buf_with("aaaa bbbb cccc", 1);
	int row, col;

	(void)state;
	/* wrapped at 5: "aaaa" "bbbb" "cccc" */
	assert_int_equal(editbuf_layout(eb, 5)->n, 3);
	editbuf_locate(eb, 5, &row, &col);
	assert_int_equal(row, 2);
	assert_int_equal(col, 4);
	assert_int_equal(editbuf_down(eb, 5), 0);
	assert_int_equal(editbuf_up(eb, 5), 1);
	editbuf_locate(eb, 5, &row, &col);
	assert_int_equal(row, 1);
	assert_int_equal(col, 4);
	editbuf_up(eb, 5);
	assert_int_equal(editbuf_cursor(eb), 4);
	assert_int_equal(editbuf_up(eb, 5), 0);
	/* without a width, rows are the lines between breaks */
	assert_int_equal(editbuf_set(eb, "디지털\nab\n디지털 정부", NULL), 0);
	editbuf_set_cursor(eb, strlen("디지털"));
	editbuf_down(eb, 0);
	assert_int_equal(editbuf_cursor(eb), strlen("디지털\nab"));
	/* the column of the first move is kept across the short line */
	editbuf_down(eb, 0);
	assert_int_equal(editbuf_cursor(eb), strlen("디지털\nab\n디지털"));
	editbuf_up(eb, 0);
	editbuf_up(eb, 0);
	assert_int_equal(editbuf_cursor(eb), strlen("디지털"));
	/* a column in the middle of a wide character goes before it */
	editbuf_set_cursor(eb, strlen("디지털\na"));
	editbuf_up(eb, 0);
	assert_int_equal(editbuf_cursor(eb), 0);
	/* Thai marks take no column */
	assert_int_equal(editbuf_set(eb, "abc\n" THAI, NULL), 0);
	editbuf_set_cursor(eb, 2);
	editbuf_down(eb, 0);
	assert_int_equal(editbuf_cursor(eb), 4 + 9);	/* after น้ำ (2 cols) */
	editbuf_free(eb);
}

/* The one-line view always shows the cursor and the cluster under it,
 * through any sequence of edits and moves. */
static void
check_hscroll(struct editbuf *eb, int width)
{
	const char *t = editbuf_text(eb);
	size_t cur = editbuf_cursor(eb), hs = editbuf_hscroll(eb, width);
	size_t start = cur;
	int cell;

	while (start > 0 && t[start - 1] != '\n')
		start--;
	assert_true(hs >= start && hs <= cur);
	cell = text_grapheme_width(t, editbuf_len(eb), cur);
	if (cell < 1 || t[cur] == '\n')
		cell = 1;
	assert_true(text_width_n(t + hs, cur - hs) + cell <= width ||
	    hs == cur);
	if (text_width_n(t + start, cur - start) + cell <= width)
		assert_int_equal(hs, start);
	assert_int_equal(editbuf_hscroll(eb, width), hs);	/* stable */
}

static void
test_hscroll(void **state)
{
	struct editbuf *eb = editbuf_new(0, 1);
	unsigned long seed = 7;
	size_t hs;
	int i, w;

	(void)state;
	for (i = 0; i < 30; i++)
		type(eb, "디");
	hs = editbuf_hscroll(eb, 10);
	/* 60 columns in a field of 10: the last 4 syllables and the cursor */
	assert_int_equal(hs, editbuf_len(eb) - 4 * 3);
	/* moving right inside the view does not scroll; left past it does,
	 * keeping some context before the cursor */
	editbuf_left(eb);
	assert_int_equal(editbuf_hscroll(eb, 10), hs);
	for (i = 0; i < 4; i++)
		editbuf_left(eb);
	assert_true(editbuf_hscroll(eb, 10) < editbuf_cursor(eb));
	editbuf_home(eb);
	assert_int_equal(editbuf_hscroll(eb, 10), 0);
	for (i = 0; i < 600; i++) {
		seed = seed * 6364136223846793005UL + 1442695040888963407UL;
		w = 2 + (int)((seed >> 50) % 12);
		switch ((seed >> 33) % 9) {
		case 0: editbuf_left(eb); break;
		case 1: editbuf_right(eb); break;
		case 2: editbuf_home(eb); break;
		case 3: editbuf_end(eb); break;
		case 4: editbuf_backspace(eb); break;
		case 5: type(eb, "ก้"); break;
		case 6: type(eb, "ab"); break;
		case 7: type(eb, "정"); break;
		default: editbuf_newline(eb, NULL); break;
		}
		check_hscroll(eb, w);
	}
	editbuf_free(eb);
}

static void
test_vscroll(void **state)
{
	struct editbuf *eb = buf_with("1\n2\n3\n4\n5\n6\n7\n8", 1);
	int i;

	(void)state;
	assert_int_equal(editbuf_vscroll(eb, 20, 3), 5);
	for (i = 0; i < 5; i++)
		editbuf_up(eb, 20);
	assert_int_equal(editbuf_vscroll(eb, 20, 3), 2);
	editbuf_down(eb, 20);
	assert_int_equal(editbuf_vscroll(eb, 20, 3), 2);
	editbuf_up(eb, 20);
	editbuf_up(eb, 20);
	assert_int_equal(editbuf_vscroll(eb, 20, 3), 1);
	/* deleting lines never leaves rows empty below the text */
	editbuf_end(eb);
	assert_int_equal(editbuf_set(eb, "1\n2", NULL), 0);
	assert_int_equal(editbuf_vscroll(eb, 20, 3), 0);
	editbuf_free(eb);
}

static void
test_set_and_clear(void **state)
{
	struct editbuf *one = editbuf_new(0, 0), *box = editbuf_new(0, 1);

	(void)state;
	assert_int_equal(editbuf_set(box, "a\r\nb\rc", NULL), 0);
	assert_string_equal(editbuf_text(box), "a\nb\nc");
	assert_int_equal(editbuf_cursor(box), 5);
	assert_int_equal(editbuf_set(one, "a\r\nb", NULL), 0);
	assert_string_equal(editbuf_text(one), "a b");
	editbuf_clear(one);
	assert_string_equal(editbuf_text(one), "");
	assert_int_equal(editbuf_cursor(one), 0);
	assert_int_equal(editbuf_chars(one), 0);
	assert_int_equal(editbuf_max_chars(one), 0);
	assert_false(editbuf_multiline(one));
	assert_true(editbuf_multiline(box));
	editbuf_free(one);
	editbuf_free(box);
	editbuf_free(NULL);
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
		cmocka_unit_test(test_type_korean_and_thai),
		cmocka_unit_test(test_marks_typed_one_by_one),
		cmocka_unit_test(test_move_by_grapheme),
		cmocka_unit_test(test_insert_in_the_middle),
		cmocka_unit_test(test_backspace_and_delete),
		cmocka_unit_test(test_kill_and_words),
		cmocka_unit_test(test_home_end),
		cmocka_unit_test(test_newline_and_filter),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_long_paste),
		cmocka_unit_test(test_up_down),
		cmocka_unit_test(test_hscroll),
		cmocka_unit_test(test_vscroll),
		cmocka_unit_test(test_set_and_clear),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "test_editbuf: the C.UTF-8 locale is missing\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, teardown);
}
