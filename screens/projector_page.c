/* projector_page.c -- the projector while a page is presented: the page
 * wrapped to the wall's width in the console's styles, at the presenter's
 * place, with the item's title and the clock kept small on the top row.
 * The projector's role brings it forward when presenting starts and goes
 * back to the wall when it stops (projector.c). */
#include "projector.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "pageview.h"
#include "session.h"
#include "state.h"
#include "util.h"
#include "wall.h"

static void *
ppage_init(struct app *a)
{
	struct pageview *v = xcalloc(1, sizeof *v);

	(void)a;
	v->width = -1;
	return v;
}

static void
ppage_fini(void *self)
{
	pageview_clear(self);
	free(self);
}

/* The top row: the item's title on the left, the clock on the right, both
 * small: the page is what the room reads now. */
static void
draw_corner(struct app *a, WINDOW *w, int cols, const char *title)
{
	char clock[32];
	enum wall_clock kind;
	int cw;

	wall_clock(app_session(a), -1, app_now(a), clock, sizeof clock, &kind);
	cw = draw_text_right(w, 0, cols / 2, cols - cols / 2 - 1, clock,
	    kind == WALL_CLOCK_OVER ? draw_attr(DR_OVERRUN) :
	    kind == WALL_CLOCK_WARN ? draw_attr(DR_WARN) : draw_attr(DR_DIM));
	draw_text(w, 0, 1, cols - cw - 3, title, draw_attr(DR_DIM));
}

static void
ppage_draw(void *self, struct app *a, WINDOW *w)
{
	const struct session *s = app_session(a);
	const struct presenting *p = &s->state->present;
	const struct agenda_item *it = p->item != NULL ?
	    module_item(s->module, p->item) : NULL;
	const struct page_doc *pd;
	int rows, cols;

	getmaxyx(w, rows, cols);
	if (it == NULL) {
		draw_text_centre(w, rows / 2, 0, cols, _("Nothing is "
		    "presented: the console's Page screen presents with P."),
		    draw_attr(DR_DIM));
		return;
	}
	draw_corner(a, w, cols, it->title);
	/* a column of margin each side: the back row reads the edges badly */
	pd = pageview_get(self, s->module, it, p->is_case, cols - 2);
	pageview_draw(w, 2, 1, rows - 2, cols - 2, pd,
	    page_doc_row_of(pd, p->block, p->offset), NULL, 0);
}

/* The clock on the top row: the body is drawn again each second, and
 * curses sends only the cells that changed (the clock's digits). */
static int
ppage_tick(void *self, struct app *a, int64_t now)
{
	(void)self;
	(void)now;
	return app_session(a)->state->present.item != NULL ? REQ_REDRAW :
	    REQ_NONE;
}

const struct screen_ops projector_page = {
	.name = N_("Page"),
	.init = ppage_init,
	.fini = ppage_fini,
	.draw = ppage_draw,
	.tick = ppage_tick,
};
