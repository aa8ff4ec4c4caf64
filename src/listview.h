/*
 * listview.h -- the viewport of a list: selection and scroll, plain data.
 *
 * Every scrolling thing on a screen (the agenda, the board, a page of text)
 * is a list of `count` rows shown `height` rows at a time.  This module holds
 * which row is selected and which is at the top, with no curses in it, so the
 * rules are unit-tested (tests/test_listview.c); a screen only draws rows
 * top .. top + height - 1 and highlights sel.
 *
 * After every call the invariants hold:
 *   - count == 0: sel == 0 and top == 0;
 *   - otherwise sel < count, and when height > 0 the selection is visible:
 *     top <= sel < top + height;
 *   - no empty rows below the end when the list could fill the view:
 *     top <= max(0, count - height).
 * A list that shrinks under the selection (an idea hidden by another
 * terminal), a resize, or a jump to an index out of range are all clamped,
 * never an error.  With height 0 (a window too small to show any row) only
 * sel is kept in range.
 *
 * A pager (a page of text, no selection) uses listview_scroll, which moves
 * the top and keeps sel on a visible row.
 */
#ifndef CONVENE_LISTVIEW_H
#define CONVENE_LISTVIEW_H

#include <stddef.h>

struct listview {
	size_t count;		/* rows in the list */
	size_t height;		/* rows the view shows */
	size_t sel;		/* selected row */
	size_t top;		/* first row shown */
};

/* An empty list, an empty view: all zero. */
void listview_init(struct listview *lv);

/* The list has `count` rows now / the view shows `height` rows now. */
void listview_set_count(struct listview *lv, size_t count);
void listview_set_height(struct listview *lv, size_t height);

/* Moves the selection by delta rows (negative: up), clamped at both ends. */
void listview_move(struct listview *lv, long delta);
/* Moves the selection by whole views (PgDn: 1, PgUp: -1); the view turns
 * the page with it. */
void listview_page(struct listview *lv, int pages);
/* How many rows a page turns: the height less one row kept for context
 * (as less(1) does), at least 1.  For the screens that turn pages of
 * their own (a pager scrolling, a wall of results). */
long listview_page_rows(const struct listview *lv);
/* Selects the first / the last row (Home, End). */
void listview_home(struct listview *lv);
void listview_end(struct listview *lv);
/* Selects row i (clamped to the last row), scrolling as little as needed. */
void listview_select(struct listview *lv, size_t i);

/* The movement keys' moves, so that a screen binds each key to a value
 * and does what follows a move (remember the item, stop following...)
 * in one place. */
enum listview_go {
	LISTVIEW_DOWN, LISTVIEW_UP,	/* a row */
	LISTVIEW_PGDN, LISTVIEW_PGUP,	/* a page (listview_page) */
	LISTVIEW_HOME, LISTVIEW_END	/* the first / the last row */
};
/* Makes the move; returns which way to look on should the row reached be
 * one the screen cannot highlight (a heading): 1 after Down, PgDn and
 * Home, -1 after Up, PgUp and End. */
int listview_go(struct listview *lv, enum listview_go go);
/* The same keys in a pager: scrolls a row or a page (listview_page_rows),
 * or to the top or the end. */
void listview_scroll_go(struct listview *lv, enum listview_go go);

/* Pager: moves the top by delta rows, clamped; sel follows into view. */
void listview_scroll(struct listview *lv, long delta);
/* Pager: shows row i at the top (as far as the end allows). */
void listview_scroll_to(struct listview *lv, size_t i);

/* A highlight over n choices that never scroll (a poll's options, a 1-5
 * scale): sel moved by delta and kept within 0..n-1 (0 when n is 0). */
int listview_step(int sel, long delta, size_t n);

/* The largest top that leaves no empty rows: max(0, count - height). */
size_t listview_max_top(const struct listview *lv);
/* Rows actually shown: min(height, count - top). */
size_t listview_visible(const struct listview *lv);

#endif
