/* test_rowpatch.c -- which rows of a list can move instead of being drawn
 * again (rowpatch.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "rowpatch.h"
#include "util.h"

/* A board from line 5: items as given, newest first, the one at `sel`
 * highlighted over sel_lines lines, clipped at line `bottom`. */
static size_t
board(struct drawn_row *v, const int *items, size_t n, size_t sel,
    int sel_lines, int bottom)
{
	size_t i, k = 0;
	int y = 5;

	for (i = 0; i < n && y < bottom; i++) {
		int lines = i == sel ? sel_lines : 1;

		if (y + lines > bottom)
			lines = bottom - y;
		v[k++] = (struct drawn_row){ items[i], y, lines, i == sel };
		y += lines;
	}
	return k;
}

/* A new idea on top, the highlight kept on the same idea (someone who
 * moved it): everything moves down a line, the new row is drawn. */
static void
test_new_on_top_highlight_kept(void **state)
{
	const int before[] = { 9, 8, 7, 6, 5 }, after[] = { 10, 9, 8, 7, 6, 5 };
	struct drawn_row o[8], n[8];
	struct row_patch p;
	size_t no = board(o, before, 5, 1, 3, 30), nn = board(n, after, 6, 2,
	    3, 30);

	(void)state;
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), 0);
	assert_int_equal(p.keep, 1);
	assert_int_equal(p.from, 0);
	assert_int_equal(p.nkept, 5);
	assert_int_equal(p.delta, 1);
}

/* The highlight on the newest (nobody moved it): the new idea is
 * highlighted now, the old newest is a plain row; the rest moves down by
 * the difference. */
static void
test_new_on_top_highlight_on_newest(void **state)
{
	const int before[] = { 9, 8, 7, 6 }, after[] = { 10, 9, 8, 7, 6 };
	struct drawn_row o[8], n[8];
	struct row_patch p;
	size_t no = board(o, before, 4, 0, 3, 30), nn = board(n, after, 5, 0,
	    2, 30);

	(void)state;
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), 0);
	assert_int_equal(p.keep, 2);	/* 8, 7, 6 */
	assert_int_equal(p.from, 1);
	assert_int_equal(p.nkept, 3);
	assert_int_equal(p.delta, 2 + 1 - 3);	/* up a line */
}

/* A full window: the last row falls off; the run ends where the window
 * does. */
static void
test_full_window(void **state)
{
	const int before[] = { 9, 8, 7, 6, 5, 4 };
	const int after[] = { 10, 9, 8, 7, 6, 5, 4 };
	struct drawn_row o[8], n[8];
	struct row_patch p;
	size_t no = board(o, before, 6, 3, 2, 11), nn = board(n, after, 7, 4,
	    2, 11);

	(void)state;
	assert_int_equal(no, 5);
	assert_int_equal(nn, 5);
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), 0);
	assert_int_equal(p.keep, 1);
	assert_int_equal(p.nkept, 4);
	assert_int_equal(p.delta, 1);
}

/* Nothing moved (an idea in another thread): the run is everything, in
 * place. */
static void
test_unchanged(void **state)
{
	const int items[] = { 3, 2, 1 };
	struct drawn_row o[4], n[4];
	struct row_patch p;
	size_t no = board(o, items, 3, 0, 2, 30), nn = board(n, items, 3, 0, 2,
	    30);

	(void)state;
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), 0);
	assert_int_equal(p.keep, 0);
	assert_int_equal(p.nkept, 3);
	assert_int_equal(p.delta, 0);
}

/* Nothing in common, or nothing before: draw it all. */
static void
test_nothing_in_common(void **state)
{
	const int before[] = { 3, 2, 1 }, after[] = { 6, 5, 4 };
	struct drawn_row o[4], n[4];
	struct row_patch p;
	size_t no = board(o, before, 3, 0, 1, 30), nn = board(n, after, 3, 0, 1,
	    30);

	(void)state;
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), -1);
	assert_int_equal(rowpatch_find(o, 0, n, nn, &p), -1);
	assert_int_equal(rowpatch_find(o, no, n, 0, &p), -1);
}

/* A row taking other lines than before (highlighted now) is drawn, not
 * moved. */
static void
test_look_changed(void **state)
{
	const int items[] = { 3, 2, 1 };
	struct drawn_row o[4], n[4];
	struct row_patch p;
	size_t no = board(o, items, 3, 0, 1, 30), nn = board(n, items, 3, 1, 1,
	    30);

	(void)state;
	assert_int_equal(rowpatch_find(o, no, n, nn, &p), 0);
	assert_int_equal(p.keep, 2);	/* only 1, the last, looks the same */
	assert_int_equal(p.nkept, 1);
	assert_int_equal(p.delta, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_on_top_highlight_kept),
		cmocka_unit_test(test_new_on_top_highlight_on_newest),
		cmocka_unit_test(test_full_window),
		cmocka_unit_test(test_unchanged),
		cmocka_unit_test(test_nothing_in_common),
		cmocka_unit_test(test_look_changed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
