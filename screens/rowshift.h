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
 * As wmove(w, y, 0) then winsdelln(w, n): rows y .. the last of w move
 * down n lines (up, when n < 0) and n blank rows come in.  When w is as
 * wide as the screen, nothing of it waits to be refreshed, nothing waits
 * for the screen from row y down, and the terminal can scroll a region (or
 * delete and insert lines) and save the cursor, the sequences that move
 * the terminal's lines go out first in the next update's write, and curses
 * is told that they moved; otherwise curses finds the move at the next
 * update, as it always did.  CONVENE_ROWSHIFT=0 in the environment leaves
 * every move to curses (tests compare the ways).  Returns 1 when the lines
 * move on the terminal, 0 when curses will move them.
 */
int rowshift_lines(WINDOW *w, int y, int n);

#endif
