/* test_listview.c -- selection and scroll of a list, no terminal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>

#include "listview.h"

/* The invariants listview.h promises, checked after every step. */
static void
assert_sound(const struct listview *lv)
{
	if (lv->count == 0) {
		assert_int_equal(lv->sel, 0);
		assert_int_equal(lv->top, 0);
		return;
	}
	assert_true(lv->sel < lv->count);
	if (lv->height > 0) {
		assert_true(lv->top <= lv->sel);
		assert_true(lv->sel < lv->top + lv->height);
	}
	assert_true(lv->top <= listview_max_top(lv));
}

static struct listview
make(size_t count, size_t height)
{
	struct listview lv;

	listview_init(&lv);
	listview_set_height(&lv, height);
	listview_set_count(&lv, count);
	return lv;
}

static void
test_empty_list(void **state)
{
	struct listview lv = make(0, 10);

	(void)state;
	listview_move(&lv, 3);
	assert_sound(&lv);
	listview_move(&lv, -3);
	listview_page(&lv, 1);
	listview_end(&lv);
	listview_scroll(&lv, 5);
	assert_sound(&lv);
	assert_int_equal(listview_visible(&lv), 0);
}

static void
test_move_clamps_and_scrolls(void **state)
{
	struct listview lv = make(20, 5);

	(void)state;
	listview_move(&lv, -1);
	assert_int_equal(lv.sel, 0);
	listview_move(&lv, 4);
	assert_int_equal(lv.sel, 4);
	assert_int_equal(lv.top, 0);
	listview_move(&lv, 1);		/* one past the view: scroll by one */
	assert_int_equal(lv.sel, 5);
	assert_int_equal(lv.top, 1);
	listview_move(&lv, 100);
	assert_int_equal(lv.sel, 19);
	assert_int_equal(lv.top, 15);
	listview_move(&lv, LONG_MIN);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	listview_move(&lv, LONG_MAX);
	assert_int_equal(lv.sel, 19);
	assert_sound(&lv);
}

static void
test_page_keeps_one_row_of_context(void **state)
{
	struct listview lv = make(30, 10);

	(void)state;
	listview_page(&lv, 1);
	assert_int_equal(lv.top, 9);
	assert_int_equal(lv.sel, 9);
	listview_page(&lv, 1);
	assert_int_equal(lv.top, 18);
	listview_page(&lv, 1);		/* the end: no empty rows */
	assert_int_equal(lv.top, 20);
	assert_int_equal(lv.sel, 27);
	assert_sound(&lv);
	listview_page(&lv, -1);
	assert_int_equal(lv.sel, 18);
	assert_int_equal(lv.top, 11);
	listview_page(&lv, -5);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
}

static void
test_page_rows(void **state)
{
	struct listview lv = make(30, 10);

	(void)state;
	assert_int_equal(listview_page_rows(&lv), 9);
	listview_set_height(&lv, 1);
	assert_int_equal(listview_page_rows(&lv), 1);
	listview_set_height(&lv, 0);	/* no room: still a row a page */
	assert_int_equal(listview_page_rows(&lv), 1);
}

/* Each move is the function it names, and says which way it went on. */
static void
test_go(void **state)
{
	struct listview lv = make(30, 10), want = make(30, 10);

	(void)state;
	assert_int_equal(listview_go(&lv, LISTVIEW_PGDN), 1);
	listview_page(&want, 1);
	assert_int_equal(lv.sel, want.sel);
	assert_int_equal(lv.top, want.top);
	assert_int_equal(listview_go(&lv, LISTVIEW_DOWN), 1);
	assert_int_equal(lv.sel, want.sel + 1);
	assert_int_equal(listview_go(&lv, LISTVIEW_UP), -1);
	assert_int_equal(lv.sel, want.sel);
	assert_int_equal(listview_go(&lv, LISTVIEW_END), -1);
	assert_int_equal(lv.sel, 29);
	assert_int_equal(listview_go(&lv, LISTVIEW_PGUP), -1);
	assert_int_equal(lv.sel, 20);
	assert_int_equal(listview_go(&lv, LISTVIEW_HOME), 1);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
	assert_sound(&lv);
}

/* The pager's keys: a row, a page (one row of context), either end. */
static void
test_scroll_go(void **state)
{
	struct listview lv = make(30, 10);

	(void)state;
	listview_scroll_go(&lv, LISTVIEW_DOWN);
	assert_int_equal(lv.top, 1);
	listview_scroll_go(&lv, LISTVIEW_PGDN);
	assert_int_equal(lv.top, 10);
	listview_scroll_go(&lv, LISTVIEW_END);
	assert_int_equal(lv.top, 20);		/* no empty rows */
	listview_scroll_go(&lv, LISTVIEW_DOWN);
	assert_int_equal(lv.top, 20);
	listview_scroll_go(&lv, LISTVIEW_PGUP);
	assert_int_equal(lv.top, 11);
	listview_scroll_go(&lv, LISTVIEW_UP);
	assert_int_equal(lv.top, 10);
	listview_scroll_go(&lv, LISTVIEW_HOME);
	assert_int_equal(lv.top, 0);
	listview_scroll_go(&lv, LISTVIEW_UP);
	assert_int_equal(lv.top, 0);
	assert_sound(&lv);
}

static void
test_home_end(void **state)
{
	struct listview lv = make(12, 4);

	(void)state;
	listview_end(&lv);
	assert_int_equal(lv.sel, 11);
	assert_int_equal(lv.top, 8);
	listview_home(&lv);
	assert_int_equal(lv.sel, 0);
	assert_int_equal(lv.top, 0);
}

static void
test_list_shrinks_under_selection(void **state)
{
	struct listview lv = make(50, 10);

	(void)state;
	listview_select(&lv, 45);
	assert_int_equal(lv.top, 36);
	listview_set_count(&lv, 30);	/* ideas hidden elsewhere */
	assert_int_equal(lv.sel, 29);
	assert_int_equal(lv.top, 20);
	assert_sound(&lv);
	listview_set_count(&lv, 3);	/* now fits: no scrolling at all */
	assert_int_equal(lv.top, 0);
	assert_int_equal(lv.sel, 2);
	listview_set_count(&lv, 0);
	assert_sound(&lv);
}

static void
test_list_grows_keeps_view(void **state)
{
	struct listview lv = make(10, 5);

	(void)state;
	listview_select(&lv, 7);
	assert_int_equal(lv.top, 3);
	listview_set_count(&lv, 100);	/* ideas arriving: nothing jumps */
	assert_int_equal(lv.sel, 7);
	assert_int_equal(lv.top, 3);
}

static void
test_resize(void **state)
{
	struct listview lv = make(40, 20);

	(void)state;
	listview_select(&lv, 19);
	assert_int_equal(lv.top, 0);
	listview_set_height(&lv, 5);	/* smaller: selection stays visible */
	assert_int_equal(lv.top, 15);
	assert_sound(&lv);
	listview_set_height(&lv, 30);	/* larger: no empty rows at the end */
	assert_int_equal(lv.top, 10);
	assert_int_equal(lv.sel, 19);
	listview_set_height(&lv, 0);	/* too small to show anything */
	assert_int_equal(lv.sel, 19);
	listview_move(&lv, 3);
	assert_int_equal(lv.sel, 22);
	listview_set_height(&lv, 4);
	assert_sound(&lv);
}

static void
test_select_out_of_range(void **state)
{
	struct listview lv = make(8, 3);

	(void)state;
	listview_select(&lv, 1000);
	assert_int_equal(lv.sel, 7);
	assert_int_equal(lv.top, 5);
	listview_select(&lv, 2);
	assert_int_equal(lv.top, 2);	/* scrolled as little as needed */
}

static void
test_pager_scroll(void **state)
{
	struct listview lv = make(100, 20);

	(void)state;
	listview_scroll(&lv, 5);
	assert_int_equal(lv.top, 5);
	assert_int_equal(lv.sel, 5);
	assert_int_equal(listview_visible(&lv), 20);
	listview_scroll(&lv, 1000);
	assert_int_equal(lv.top, 80);
	listview_scroll(&lv, -3);
	assert_int_equal(lv.top, 77);
	listview_scroll(&lv, -1000);
	assert_int_equal(lv.top, 0);
	listview_scroll_to(&lv, 50);
	assert_int_equal(lv.top, 50);
	listview_scroll_to(&lv, 95);
	assert_int_equal(lv.top, 80);
	assert_sound(&lv);
	lv = make(10, 20);		/* shorter than the view: never moves */
	listview_scroll(&lv, 3);
	assert_int_equal(lv.top, 0);
	assert_int_equal(listview_visible(&lv), 10);
}

/* Every operation, many sizes: the invariants never break. */
static void
test_invariants_exhaustive(void **state)
{
	size_t count, height;
	long d;

	(void)state;
	for (count = 0; count < 12; count++)
		for (height = 0; height < 8; height++)
			for (d = -13; d <= 13; d++) {
				struct listview lv = make(count, height);

				listview_move(&lv, d);
				assert_sound(&lv);
				listview_page(&lv, (int)d);
				assert_sound(&lv);
				listview_scroll(&lv, d);
				assert_sound(&lv);
				listview_set_count(&lv, count / 2);
				assert_sound(&lv);
				listview_set_height(&lv, height + 1);
				assert_sound(&lv);
				listview_end(&lv);
				assert_sound(&lv);
			}
}

/* A highlight over a few fixed choices: clamped at both ends, even for the
 * huge steps Home and End use. */
static void
test_step(void **state)
{
	(void)state;
	assert_int_equal(listview_step(0, 1, 5), 1);
	assert_int_equal(listview_step(4, 1, 5), 4);
	assert_int_equal(listview_step(0, -1, 5), 0);
	assert_int_equal(listview_step(2, INT_MIN / 2, 5), 0);
	assert_int_equal(listview_step(2, INT_MAX / 2, 5), 4);
	assert_int_equal(listview_step(3, 1, 0), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_list),
		cmocka_unit_test(test_move_clamps_and_scrolls),
		cmocka_unit_test(test_page_keeps_one_row_of_context),
		cmocka_unit_test(test_page_rows),
		cmocka_unit_test(test_go),
		cmocka_unit_test(test_scroll_go),
		cmocka_unit_test(test_home_end),
		cmocka_unit_test(test_list_shrinks_under_selection),
		cmocka_unit_test(test_list_grows_keeps_view),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_select_out_of_range),
		cmocka_unit_test(test_pager_scroll),
		cmocka_unit_test(test_invariants_exhaustive),
		cmocka_unit_test(test_step),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
