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

/* Draws row `row` of pd at row y, column x of w within cols columns; the
 * matches (may be NULL, n 0) are highlighted. */
void pageview_draw_row(WINDOW *w, int y, int x, int cols,
    const struct page_doc *pd, size_t row, const struct page_match *m,
    size_t n);

/* Draws rows top.. of pd into rows y..y+rows-1 from column x (fewer when
 * the page ends); returns the rows drawn. */
int pageview_draw(WINDOW *w, int y, int x, int rows, int cols,
    const struct page_doc *pd, size_t top, const struct page_match *m,
    size_t n);

/* A page kept laid out for a screen that shows whichever page is wanted
 * (the projector's and the participants' Page screens): laid out again
 * only when the page or the width changes.  Zero-initialise. */
struct pageview {
	struct page_doc *pd;
	char *item;		/* the agenda item's id, NULL none */
	int is_case, width;
};

struct agenda_item;
struct module;
/* The page of `it` (its case study when is_case and it has one) laid out
 * to width; borrowed until the next call or pageview_clear. */
const struct page_doc *pageview_get(struct pageview *v,
    const struct module *m, const struct agenda_item *it, int is_case,
    int width);
void pageview_clear(struct pageview *v);

#endif
