/*
 * pageview.h -- drawing a laid-out content page (page.h): the rows of the
 * console's Page screen, the projector's and the participants' Page
 * screens, in the same styles (headings, emphasis, quotes, list prefixes).
 * Text goes through draw.h, so page text reaches the terminal only in its
 * display form.
 */
#ifndef CONVENE_PAGEVIEW_H
#define CONVENE_PAGEVIEW_H

#include <stddef.h>

#include "page.h"
#include "tui.h"

/* Draws row `row` of pd at row y of w within cols columns; the matches
 * (may be NULL, n 0) are highlighted. */
void pageview_draw_row(WINDOW *w, int y, int cols, const struct page_doc *pd,
    size_t row, const struct page_match *m, size_t n);

/* Draws rows top.. of pd into rows y..y+rows-1 (fewer when the page
 * ends); returns the rows drawn. */
int pageview_draw(WINDOW *w, int y, int rows, int cols,
    const struct page_doc *pd, size_t top, const struct page_match *m,
    size_t n);

#endif
