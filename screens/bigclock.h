/*
 * bigclock.h -- a clock in block characters, as large as the space allows.
 *
 * For the projector (read from the back of the room) and any screen that
 * wants a big time.  The digits come from a 3x5 font whose cells are drawn
 * `scale` columns wide and `scale` half-rows tall with the block elements
 * U+2588 U+2580 U+2584, so a cell is about square on a terminal and the
 * clock grows in steps of one column.  Draws "0-9 : + -" and spaces; other
 * characters are skipped.  The whole box is written, spaces included, so
 * nothing needs erasing before a new second is drawn over the last.
 */
#ifndef CONVENE_BIGCLOCK_H
#define CONVENE_BIGCLOCK_H

#include "tui.h"

/* Columns and rows the text takes at `scale` (1 or more). */
int bigclock_width(const char *s, int scale);
int bigclock_height(int scale);

/* The largest scale at which s fits in rows x cols, at most max_scale (0:
 * no limit); 0 when not even scale 1 fits. */
int bigclock_fit(const char *s, int rows, int cols, int max_scale);

/* Draws s at y, x of w at `scale`. */
void bigclock_draw(WINDOW *w, int y, int x, const char *s, int scale,
    attr_t attr);

#endif
