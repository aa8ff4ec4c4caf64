/*
 * rowpatch.h -- a list drawn again by moving lines, not by drawing them.
 *
 * A screen that shows a list (a board, newest idea first) learns that one
 * idea was added: every row moves down one line and one new row appears.
 * Drawing the whole list again costs the terminal's host the layout of
 * every row (line breaking, display widths) and curses the comparison of
 * every cell; moving the lines that show the same rows and drawing only
 * the new ones costs a row.  This finds which rows can move: the screen
 * keeps, for what it drew, each row's item, first line and lines, and
 * compares it with what it would draw now.
 *
 * No curses here: a row is plain data (the screen's own item numbers).
 */
#ifndef CONVENE_ROWPATCH_H
#define CONVENE_ROWPATCH_H

#include <stddef.h>

/* A list row as a screen drew it: the item it shows (a number the screen
 * gives it: an index into the state), its first line in the window, how
 * many lines it took (a highlighted idea is wrapped whole), and whether it
 * was highlighted. */
struct drawn_row {
	int item;
	int y, lines;
	int selected;
};

/* The rows now[keep .. keep + nkept - 1] are old[from .. from + nkept -
 * 1], each taking the same lines, highlighted or not as before, all moved
 * by delta lines (negative: up, 0: in place).  Every other row of now must
 * be drawn. */
struct row_patch {
	size_t keep, from, nkept;
	int delta;
};

/* Finds the longest such run (the earliest of equals); 0, or -1 when no
 * row shows again as it did (draw them all). */
int rowpatch_find(const struct drawn_row *old, size_t nold,
    const struct drawn_row *now, size_t nnow, struct row_patch *p);

#endif
