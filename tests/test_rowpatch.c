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

/* Every pair of rows tried, as rowpatch_find once did: the longest run, the
 * first found of the longest. */
static int
every_pair(const struct drawn_row *old, size_t nold,
    const struct drawn_row *now, size_t nnow, struct row_patch *p)
{
	size_t m, mo, j, best = 0;

	for (m = 0; m < nnow; m++)
		for (mo = 0; mo < nold; mo++) {
			int delta = now[m].y - old[mo].y;

			for (j = 0; m + j < nnow && mo + j < nold; j++)
				if (now[m + j].item != old[mo + j].item ||
				    now[m + j].lines != old[mo + j].lines ||
				    now[m + j].selected !=
				    old[mo + j].selected ||
				    now[m + j].y - old[mo + j].y != delta)
					break;
			if (j > best) {
				best = j;
				p->keep = m;
				p->from = mo;
				p->nkept = j;
				p->delta = delta;
			}
		}
	return best > 0 ? 0 : -1;
}

/* Random lists of few items (repeats, highlights, wrapped rows): the same
 * patch as trying every pair, though it stops once nothing can beat it. */
static void
test_same_as_every_pair(void **state)
{
	struct drawn_row o[40], n[40];
	struct row_patch want, got;
	int items[40], round;
	size_t no, nn, i;
	unsigned seed = 21;

	(void)state;
	for (round = 0; round < 20000; round++) {
		for (i = 0; i < NELEM(items); i++)
			items[i] = (int)((seed = seed * 1103515245u + 12345u) >>
			    16) % 12;
		no = board(o, items, 1 + seed % 30, seed % 7, 1 + seed % 3,
		    5 + (int)(seed >> 8) % 35);
		for (i = 0; i < NELEM(items); i++)
			if ((seed = seed * 1103515245u + 12345u) % 4 == 0)
				items[i] = (int)(seed >> 16) % 12;
		nn = board(n, items, 1 + seed % 30, (seed >> 4) % 7,
		    1 + (seed >> 6) % 3, 5 + (int)(seed >> 8) % 35);
		assert_int_equal(rowpatch_find(o, no, n, nn, &got),
		    every_pair(o, no, n, nn, &want));
		if (every_pair(o, no, n, nn, &want) != 0)
			continue;
		assert_int_equal(got.keep, want.keep);
		assert_int_equal(got.from, want.from);
		assert_int_equal(got.nkept, want.nkept);
		assert_int_equal(got.delta, want.delta);
	}
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
		cmocka_unit_test(test_same_as_every_pair),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
