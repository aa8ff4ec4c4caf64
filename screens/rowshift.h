/*
 * rowshift.h -- rows of a window moved on the terminal at once.
 *
 * A board shows the newest idea first: each new idea moves every row below
 * it down one line.  winsdelln() moves them in the window, and at the next
 * update curses finds out again what happened, by hashing and comparing
 * every cell of every moved row with what the terminal shows: about 8,000
 * instructions a row on a 100-column terminal, 200,000 of the 440,000 a
 * new idea cost each terminal of a plenary (bench/README.md).
 * rowshift_lines() moves the rows the way curses itself would (a scrolling
 * region, or line deletion and insertion), tells curses at once, and
 * leaves it only the rows that are new to draw.
 */
#ifndef CONVENE_ROWSHIFT_H
#define CONVENE_ROWSHIFT_H

#include <curses.h>

/*
 * Rows y .. the last of w move down n lines (up, when n < 0) on the
 * terminal and in curses' screens, when w is as wide as the screen,
 * nothing of it waits to be refreshed, nothing waits for the screen from
 * row y down, and the terminal can scroll a region (or delete and insert
 * lines) and save the cursor: the sequences go out first in the next
 * update's write, and 1 is returned.  The rows that come in are left to
 * the caller to draw.
 *
 * The window's own rows do not move (copying them cost as much as moving
 * both screens): from y down they keep what they held, and none is marked
 * to refresh.  Since a refresh copies only what is drawn after it, the
 * screen stays right while the caller draws over every row it marks, until
 * it draws the window whole again; it must never mark one without drawing
 * it (touchwin, touchline, winsdelln over it).
 *
 * 0, nothing moved, when it cannot, or when CONVENE_ROWSHIFT=0 is in the
 * environment (tests compare the ways): the caller moves the window's rows
 * (winsdelln) if they are as shown, and curses finds the move at the next
 * update, as it always did; or it draws the window whole.
 */
int rowshift_lines(WINDOW *w, int y, int n);

#endif
