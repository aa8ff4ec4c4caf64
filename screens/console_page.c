/* console_page.c -- the presenter page of an agenda item and its case. */
#include "console.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "page.h"
#include "pageview.h"
#include "session.h"

/* The console's Page screen: a page laid out (page.h) and scrolled, with
 * a search. */
struct page {
	struct page_doc *pd;	/* NULL until the first draw */
	struct listview lv;
	char *shown;		/* the item laid out, "" for none */
	int shown_case, width;	/* case study or page; the width used */
	int want_case;
	char *term;		/* the search */
	struct page_match *matches;
	size_t nmatches, capmatches;
	unsigned long seen_moves;	/* present records seen */
};

static void *
page_init(struct app *a)
{
	struct page *pg = xcalloc(1, sizeof *pg);

	listview_init(&pg->lv);
	pg->width = -1;
	pg->seen_moves = app_session(a)->state->present.moves;
	console_of(a)->page = pg;
	return pg;
}

static void
clear_layout(struct page *pg)
{
	page_doc_free(pg->pd);
	pg->pd = NULL;
	pg->nmatches = 0;
}

static void
page_fini(void *self)
{
	struct page *pg = self;

	clear_layout(pg);
	free(pg->matches);
	free(pg->shown);
	free(pg->term);
	free(pg);
}

/* --- the source: a Markdown text for the item or its case ---------------- */

static const struct agenda_item *
target_item(struct app *a)
{
	const struct session *s = app_session(a);
	const char *id = console_of(a)->page_item != NULL ?
	    console_of(a)->page_item : s->state->agenda_id;

	return id != NULL ? module_item(s->module, id) : NULL;
}

/* The search's matches on the page shown. */
static void
find_matches(struct page *pg)
{
	pg->nmatches = 0;
	if (pg->pd != NULL)
		page_doc_find(pg->pd, pg->term, &pg->matches, &pg->nmatches,
		    &pg->capmatches);
}

static void
lay_out(struct page *pg, struct app *a, int width)
{
	const struct module *m = app_session(a)->module;
	const struct agenda_item *it = target_item(a);
	char *src;

	clear_layout(pg);
	free(pg->shown);
	pg->shown = xstrdup(it != NULL ? it->id : "");
	pg->shown_case = pg->want_case && page_case(m, it) != NULL;
	pg->width = width;
	if (it == NULL)
		src = xasprintf("# %s\n\n%s\n", _("No agenda item yet"),
		    _("The page of the current agenda item shows here: n "
		    "starts the agenda."));
	else
		src = page_source(m, it, pg->shown_case);
	pg->pd = page_doc_new(src);
	free(src);
	page_doc_lay_out(pg->pd, width);
	find_matches(pg);
	listview_set_count(&pg->lv, pg->pd->nrows);
}

/* 1 when the page shown is the one presented. */
static int
shows_presented(const struct page *pg, struct app *a)
{
	const struct presenting *p = &app_session(a)->state->present;

	return p->item != NULL && pg->shown != NULL &&
	    strcmp(p->item, pg->shown) == 0 && p->is_case == pg->shown_case;
}

/* Lays the page out again when what it shows or its width changed; the
 * place at the top stays where it was (a resize, not a move). */
static void
ensure_layout(struct page *pg, struct app *a, int width)
{
	const struct agenda_item *it = target_item(a);
	const char *id = it != NULL ? it->id : "";
	int want = pg->want_case &&
	    page_case(app_session(a)->module, it) != NULL;
	long block = 0, off = 0;

	if (pg->pd != NULL && strcmp(pg->shown, id) == 0 &&
	    pg->width == width && pg->shown_case == want)
		return;
	/* Another item (the agenda moved): its page from the top.  The
	 * layout is made again on the next draw, which follows every
	 * change. */
	if (pg->shown == NULL || strcmp(pg->shown, id) != 0) {
		pg->want_case = 0;
		listview_scroll_to(&pg->lv, 0);
	} else if (pg->pd != NULL && pg->shown_case == want)
		page_doc_place_of(pg->pd, pg->lv.top, &block, &off);
	lay_out(pg, a, width);
	listview_scroll_to(&pg->lv, page_doc_row_of(pg->pd, block, off));
	/* presenting, the place is the presented one */
	if (shows_presented(pg, a)) {
		const struct presenting *p = &app_session(a)->state->present;

		listview_scroll_to(&pg->lv, page_doc_row_of(pg->pd, p->block,
		    p->offset));
	}
}

/* --- drawing ------------------------------------------------------------- */

static void
page_resize(void *self, struct app *a, int rows, int cols)
{
	struct page *pg = self;

	(void)a;
	(void)cols;
	listview_set_height(&pg->lv, rows > 1 ? (size_t)rows - 1 : 0);
}

static void
page_draw(void *self, struct app *a, WINDOW *w)
{
	struct page *pg = self;
	const struct agenda_item *it;
	int rows, cols, presenting;
	char *where;

	getmaxyx(w, rows, cols);
	ensure_layout(pg, a, cols - 1);
	it = target_item(a);
	presenting = shows_presented(pg, a);
	where = xasprintf("%s%s%s", pg->shown_case ? _("Case study") :
	    _("Page"), presenting ? _(" \xc2\xb7 PRESENTING (P stops)") :
	    "", console_of(a)->page_item != NULL ?
	    _(" (preview: Esc goes back)") : "");
	draw_text(w, 0, 0, cols / 2, where, presenting ?
	    draw_attr(DR_CURRENT) | A_BOLD : draw_attr(DR_DIM));
	free(where);
	where = xasprintf("%s%s  %zu\xe2\x80\x93%zu / %zu",
	    page_case(app_session(a)->module, it) != NULL && !pg->shown_case ?
	    _("c: case study  ") : "", pg->term != NULL ? _("n N: matches  ") :
	    "", pg->pd->nrows > 0 ? pg->lv.top + 1 : 0,
	    pg->lv.top + listview_visible(&pg->lv), pg->pd->nrows);
	draw_text_right(w, 0, cols / 2, cols - cols / 2, where,
	    draw_attr(DR_DIM));
	free(where);
	pageview_draw(w, 1, 0, (int)listview_visible(&pg->lv) < rows - 1 ?
	    (int)listview_visible(&pg->lv) : rows - 1, cols - 1, pg->pd,
	    pg->lv.top, pg->matches, pg->nmatches);
}

/* --- presenting ---------------------------------------------------------- */

/* After a burst of keys: while the page shown is presented, the place at
 * its top goes to the journal when it moved (one record a burst, however
 * many keys it had; none when the place did not change). */
void
console_page_after_keys(struct app *a)
{
	struct page *pg = console_of(a)->page;
	const struct presenting *p = &app_session(a)->state->present;
	long block, off;
	char *err = NULL;

	if (pg == NULL || pg->pd == NULL || !shows_presented(pg, a))
		return;
	page_doc_place_of(pg->pd, pg->lv.top, &block, &off);
	if (block == p->block && off == p->offset)
		return;
	if (cmd_present(app_session(a), pg->shown, pg->shown_case, block,
	    off, &err) != 0)
		app_error(a, err);
	pg->seen_moves = app_session(a)->state->present.moves;
}

/* Another terminal moved the presented place (a second console, convene
 * present): the page shown follows it. */
static void
page_changed(void *self, struct app *a)
{
	struct page *pg = self;
	const struct presenting *p = &app_session(a)->state->present;

	if (p->moves == pg->seen_moves)
		return;
	pg->seen_moves = p->moves;
	if (pg->pd != NULL && shows_presented(pg, a))
		listview_scroll_to(&pg->lv, page_doc_row_of(pg->pd, p->block,
		    p->offset));
}

/* P: presents the page shown from the place at its top, or stops. */
static int
key_present(void *self, struct app *a)
{
	struct page *pg = self;
	long block, off;
	char *err = NULL;

	if (pg->pd == NULL || pg->shown == NULL || *pg->shown == '\0') {
		app_message(a, "%s", _("no page to present: n starts the "
		    "agenda"));
		return REQ_HANDLED;
	}
	if (shows_presented(pg, a))
		return app_report(a, cmd_present(app_session(a), NULL, 0, 0,
		    0, &err), err, _("presenting stopped: the projector "
		    "shows the wall"));
	page_doc_place_of(pg->pd, pg->lv.top, &block, &off);
	return app_report(a, cmd_present(app_session(a), pg->shown,
	    pg->shown_case, block, off, &err), err, _("presenting: the "
	    "projector and every participant follow this page"));
}

/* --- keys ---------------------------------------------------------------- */

/* The pager's keys. */
static int
go(struct page *pg, struct app *a, enum listview_go g)
{
	(void)a;
	listview_scroll_go(&pg->lv, g);
	return REQ_HANDLED | REQ_REDRAW;
}

LISTSCREEN_GO_KEYS(go)

/* The row where a match starts: the last line of its block that begins
 * at or before it. */
static size_t
row_of_match(const struct page *pg, const struct page_match *m)
{
	size_t r, found = 0;

	for (r = 0; r < pg->pd->nrows; r++)
		if (pg->pd->rows[r].block == (int)m->block &&
		    pg->pd->rows[r].off <= m->start)
			found = r;
	return found;
}

/* Scrolls to the first match below (dir 1) or above (dir -1) the top row;
 * matches are shown two rows below the top, so the eye finds them. */
static int
jump(struct page *pg, struct app *a, int dir)
{
	size_t i, row, best = (size_t)-1;
	size_t here = pg->lv.top + 2;

	if (pg->term == NULL || pg->nmatches == 0) {
		app_message(a, "%s", pg->term == NULL ? _("/ searches the "
		    "page") : _("not found"));
		return REQ_HANDLED;
	}
	for (i = 0; i < pg->nmatches; i++) {
		row = row_of_match(pg, &pg->matches[i]);
		if (dir > 0 && row > here && (best == (size_t)-1 || row < best))
			best = row;
		if (dir < 0 && row < here && (best == (size_t)-1 || row > best))
			best = row;
	}
	if (best == (size_t)-1) {
		app_message(a, "%s", dir > 0 ? _("no more matches below") :
		    _("no more matches above"));
		return REQ_HANDLED;
	}
	listview_scroll_to(&pg->lv, best >= 2 ? best - 2 : 0);
	return REQ_HANDLED | REQ_REDRAW;
}

static void
search_done(void *self, struct app *a, const char *text)
{
	struct page *pg = self;

	if (text == NULL || *text == '\0')
		return;
	free(pg->term);
	pg->term = xstrdup(text);
	find_matches(pg);
	if (pg->nmatches == 0) {
		app_message(a, _("'%s' is not on this page"), text);
		return;
	}
	app_message(a, ngettext("%zu match: n next, N previous, Esc ends "
	    "the search", "%zu matches: n next, N previous, Esc ends the "
	    "search", pg->nmatches), pg->nmatches);
	listview_scroll_to(&pg->lv, 0);
	if (row_of_match(pg, &pg->matches[0]) > 2)
		jump(pg, a, 1);
}

static int
key_search(void *self, struct app *a)
{
	struct page *pg = self;

	app_prompt(a, _("Search:"), pg->term, search_done, pg);
	return REQ_HANDLED;
}

SCREEN_KEY(key_next_match, jump, 1)
SCREEN_KEY(key_prev_match, jump, -1)

/* A search is active while its term has matches on the page shown. */
static int
searching(const struct page *pg)
{
	return pg->term != NULL && pg->nmatches > 0;
}

/* n and N: the next and previous match while a search is active (as in
 * less and vim, which is what a presenter's fingers expect); otherwise n
 * is the console's next agenda item, which asks first. */
static int
key_n(void *self, struct app *a)
{
	return searching(self) ? jump(self, a, 1) : REQ_NONE;
}

static int
key_N(void *self, struct app *a)
{
	return searching(self) ? jump(self, a, -1) : REQ_NONE;
}

static int
key_case(void *self, struct app *a)
{
	struct page *pg = self;
	const struct agenda_item *it = target_item(a);

	if (it == NULL || it->case_id == NULL || *it->case_id == '\0' ||
	    module_case(app_session(a)->module, it->case_id) == NULL) {
		app_message(a, "%s", _("this item has no case study"));
		return REQ_HANDLED;
	}
	pg->want_case = !pg->want_case;
	listview_scroll_to(&pg->lv, 0);
	pg->width = -1;		/* lay out again */
	return REQ_HANDLED | REQ_REDRAW;
}

/* Esc ends an active search first (its highlights go), then leaves a
 * preview. */
static int
key_back(void *self, struct app *a)
{
	struct page *pg = self;
	struct console *c = console_of(a);

	if (pg->term != NULL) {
		free(pg->term);
		pg->term = NULL;
		find_matches(pg);
		app_message(a, "%s", _("search ended"));
		return REQ_HANDLED | REQ_REDRAW;
	}
	if (c->page_item == NULL)
		return REQ_HANDLED;
	free(c->page_item);
	c->page_item = NULL;
	app_show(a, &console_agenda);
	return REQ_HANDLED;
}

static const struct binding page_keys[] = {
	SCREEN_MOVE_KEYS(N_("scroll a line"), key),
	{ ' ', "Space PgDn PgUp", N_("scroll a page"), key_pgdn },
	{ KEYCODE(KEY_NPAGE), NULL, NULL, key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	SCREEN_END_KEYS(N_("top / bottom of the page"), key),
	{ '/', "/", N_("search the page"), key_search },
	{ 'n', "n N", N_("while searching: next / previous match (else n is "
	    "the next agenda item)"), key_n },
	{ 'N', NULL, NULL, key_N },
	{ ']', "] [", N_("next / previous match"), key_next_match },
	{ '[', NULL, NULL, key_prev_match },
	{ 'c', "c", N_("the case study / the session's page"), key_case },
	{ 'P', "P", N_("present this page on the projector and every "
	    "participant's screen, following your scrolling (again: stop)"),
	    key_present },
	{ 27, "Esc", N_("end the search; back to the agenda (from a "
	    "preview)"), key_back },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_page = {
	.name = N_("Page"),
	.keys = page_keys,
	.init = page_init,
	.fini = page_fini,
	.resize = page_resize,
	.draw = page_draw,
	.changed = page_changed,
};
