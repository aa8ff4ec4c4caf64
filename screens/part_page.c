/* part_page.c -- the participant's Page: while a page is presented, that
 * page at the presenter's place ("following"); the participant may scroll
 * away and read on their own (f follows again).  Presenting or not, the
 * current item's page and its case study (c) can be read any time.  The
 * page is laid out as the console and the projector lay it out (page.h),
 * at this terminal's width. */
#include "participant.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "pageview.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"

struct ppage {
	struct pageview v;
	struct listview lv;	/* own reading: the top row */
	int own;		/* reading on their own, not following */
	int want_case;		/* own reading: the case study */
	char *item;		/* the item read (presented or current) */
	int was_presented;	/* a page was presented at the last change */
};

static void *
pp_init(struct app *a)
{
	struct ppage *pp = xcalloc(1, sizeof *pp);

	(void)a;
	pp->v.width = -1;
	listview_init(&pp->lv);
	return pp;
}

static void
pp_fini(void *self)
{
	struct ppage *pp = self;

	pageview_clear(&pp->v);
	free(pp->item);
	free(pp);
}

static const struct presenting *
presented(struct app *a)
{
	const struct presenting *p = &app_session(a)->state->present;

	return p->item != NULL && module_item(app_session(a)->module,
	    p->item) != NULL ? p : NULL;
}

/* Following: the presented page; else the presented item's (the current
 * one's when nothing is presented), read on one's own. */
static const struct agenda_item *
item_read(struct ppage *pp, struct app *a, int *is_case)
{
	const struct session *s = app_session(a);
	const struct presenting *p = presented(a);
	const char *id = p != NULL ? p->item : s->state->agenda_id;

	*is_case = p != NULL && !pp->own ? p->is_case : pp->want_case;
	return id != NULL ? module_item(s->module, id) : NULL;
}

/* The page read changed (presenting started or moved to another item, the
 * agenda moved): from the presenter's place, or from the top. */
static void
pp_changed(void *self, struct app *a)
{
	struct ppage *pp = self;
	int is_case;
	const struct agenda_item *it = item_read(pp, a, &is_case);
	const char *id = it != NULL ? it->id : "";
	int now = presented(a) != NULL, started = now && !pp->was_presented;

	pp->was_presented = now;
	/* presenting starts: everyone follows, whatever they read before */
	if (pp->item != NULL && strcmp(pp->item, id) == 0 && !started)
		return;
	free(pp->item);
	pp->item = xstrdup(id);
	pp->own = 0;
	pp->want_case = 0;
	listview_scroll_to(&pp->lv, 0);
}

static void
pp_resize(void *self, struct app *a, int rows, int cols)
{
	struct ppage *pp = self;

	(void)a;
	(void)cols;
	listview_set_height(&pp->lv, rows > 1 ? (size_t)rows - 1 : 0);
}

static void
draw_head(struct ppage *pp, struct app *a, WINDOW *w, int cols,
    const struct page_doc *pd, int is_case)
{
	const struct presenting *p = presented(a);
	const char *how = p == NULL ? "" : pp->own ?
	    _("reading on your own; f follows again") : _("following");
	char *where;
	int x;

	x = draw_text(w, 0, 0, cols, is_case ? _("Case study") : _("Page"),
	    draw_attr(DR_DIM));
	if (*how != '\0')
		x += draw_textf(w, 0, x, cols - x, p != NULL && !pp->own ?
		    draw_attr(DR_CURRENT) | A_BOLD : draw_attr(DR_WARN),
		    " \xc2\xb7 %s", how);
	where = xasprintf("%zu\xe2\x80\x93%zu / %zu", pd->nrows > 0 ?
	    pp->lv.top + 1 : 0, pp->lv.top + listview_visible(&pp->lv),
	    pd->nrows);
	if (x + text_width(where) + 2 < cols)
		draw_text_right(w, 0, x, cols - x, where, draw_attr(DR_DIM));
	free(where);
}

static void
pp_draw(void *self, struct app *a, WINDOW *w)
{
	struct ppage *pp = self;
	const struct presenting *p = presented(a);
	const struct agenda_item *it;
	const struct page_doc *pd;
	int rows, cols, is_case;

	getmaxyx(w, rows, cols);
	it = item_read(pp, a, &is_case);
	if (it == NULL) {
		draw_text(w, 1, 1, cols - 2, _("The page of the current agenda "
		    "item shows here once the workshop starts."),
		    draw_attr(DR_DIM));
		return;
	}
	pd = pageview_get(&pp->v, app_session(a)->module, it, is_case,
	    cols - 1);
	listview_set_count(&pp->lv, pd->nrows);
	if (p != NULL && !pp->own)
		listview_scroll_to(&pp->lv, page_doc_row_of(pd, p->block,
		    p->offset));
	draw_head(pp, a, w, cols, pd, pp->v.is_case);
	pageview_draw(w, 1, 0, rows - 1, cols - 1, pd, pp->lv.top, NULL, 0);
}

/* --- keys ---------------------------------------------------------------- */

/* The pager's keys.  Scrolling while following is reading on one's own,
 * from where the presenter is. */
static int
go(struct ppage *pp, struct app *a, enum listview_go g)
{
	int is_case;

	if (!pp->own && presented(a) != NULL) {
		item_read(pp, a, &is_case);
		pp->want_case = is_case;
		pp->own = 1;
	}
	listview_scroll_go(&pp->lv, g);
	return REQ_HANDLED | REQ_REDRAW;
}

LISTSCREEN_GO_KEYS(go)

static int
key_follow(void *self, struct app *a)
{
	struct ppage *pp = self;

	if (presented(a) == NULL) {
		app_message(a, "%s", _("nothing is presented now: you read "
		    "on your own"));
		return REQ_HANDLED;
	}
	pp->own = 0;
	pp->want_case = 0;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_case(void *self, struct app *a)
{
	struct ppage *pp = self;
	int is_case;
	const struct agenda_item *it = item_read(pp, a, &is_case);

	if (page_case(app_session(a)->module, it) == NULL) {
		app_message(a, "%s", _("this item has no case study"));
		return REQ_HANDLED;
	}
	pp->own = presented(a) != NULL;
	pp->want_case = !is_case;
	listview_scroll_to(&pp->lv, 0);
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding pp_keys[] = {
	SCREEN_MOVE_KEYS(N_("scroll a line (you then read on your "
	    "own)"), key),
	{ ' ', "Space PgDn PgUp", N_("scroll a page"), key_pgdn },
	{ KEYCODE(KEY_NPAGE), NULL, NULL, key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	SCREEN_END_KEYS(N_("top / bottom of the page"), key),
	{ 'f', "f", N_("follow the presenter again"), key_follow },
	{ 'c', "c", N_("the case study / the item's page"), key_case },
	{ 0, NULL, NULL, NULL }
};

/* What this screen shows: the presented page at the presenter's place, else the current
 * item's; nothing else redraws it. */
static int
pp_affected(void *self, struct app *a, const struct changes *c)
{
	(void)self;
	(void)a;
	return changes_any(c, CHANGE_PRESENT | CHANGE_AGENDA | CHANGE_PEOPLE |
	    CHANGE_OTHER);
}

const struct screen_ops part_page = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Page"),
	.keys = pp_keys,
	.init = pp_init,
	.fini = pp_fini,
	.resize = pp_resize,
	.draw = pp_draw,
	.changed = pp_changed,
	.affected = pp_affected,
};
