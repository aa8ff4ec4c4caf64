/* projector.c -- the projector view (`convene show`): a clock the back row
 * can read, what the room is doing, the live idea wall newest first, and
 * after the reveal the ranked results.  Read-only: no identity, no
 * command. */
#include "projector.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "bigclock.h"
#include "content.h"
#include "draw.h"
#include "flow.h"
#include "i18n.h"
#include "presence.h"
#include "questions.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"
#include "wall.h"

#define IDEA_MAX_ROWS 4		/* an idea on the wall, at most */
#define COLUMN_MIN 36		/* columns of one column of the wall */
#define ACTIVITY_ROWS 2

struct wall {
	int *ideas;		/* on the wall, newest first */
	size_t nideas, capideas;
	size_t first;		/* the first shown (PgDn pages on) */
};

static void
collect(struct wall *wl, struct app *a)
{
	const struct session *s = app_session(a);
	const struct state *st = s->state;
	struct flow_filter thread;
	size_t i;

	/* The wall shows the current thread, unless the console switched it
	 * to everything. */
	flow_filter_init(&thread, s->module, st, st->projector_all ? NULL :
	    flow_current_thread(s->module, st));
	wl->nideas = 0;
	for (i = st->nideas; i-- > 0;) {
		const struct idea *it = &st->ideas[i];

		if (it->hidden || it->withdrawn || it->merged_into >= 0 ||
		    !flow_filter_idea(&thread, (int)i))
			continue;
		wl->ideas = xgrow(wl->ideas, &wl->capideas, wl->nideas + 1,
		    sizeof *wl->ideas);
		wl->ideas[wl->nideas++] = (int)i;
	}
	if (wl->first >= wl->nideas)
		wl->first = 0;
}

static void *
wall_init(struct app *a)
{
	struct wall *wl = xcalloc(1, sizeof *wl);

	collect(wl, a);
	return wl;
}

static void
wall_fini(void *self)
{
	struct wall *wl = self;

	free(wl->ideas);
	free(wl);
}

static void
wall_changed(void *self, struct app *a)
{
	collect(self, a);
}

/* The clock shows seconds while a timer runs: the body is drawn again
 * (curses then sends only the cells that changed). */
static int
wall_tick(void *self, struct app *a, int64_t now)
{
	(void)self;
	(void)a;
	(void)now;
	return REQ_REDRAW;
}

/* --- drawing ------------------------------------------------------------- */

static attr_t
clock_attr(enum wall_clock kind)
{
	switch (kind) {
	case WALL_CLOCK_WARN:
		return draw_attr(DR_WARN) | A_BOLD;
	case WALL_CLOCK_OVER:
		return draw_attr(DR_OVERRUN) | A_BOLD;
	case WALL_CLOCK_PAUSED:
		return draw_attr(DR_DIM);
	default:
		return A_BOLD;
	}
}

/* The clock, as large as a third of the body allows; returns its rows. */
static int
draw_clock(struct app *a, WINDOW *w, int rows, int cols)
{
	char text[32];
	enum wall_clock kind;
	int scale, budget = rows / 3;

	wall_clock(app_session(a), -1, app_now(a), text, sizeof text, &kind);
	scale = bigclock_fit(text, budget, cols - 2, 0);
	if (scale == 0) {
		draw_text_centre(w, 0, 0, cols, text, clock_attr(kind));
		return 1;
	}
	bigclock_draw(w, 0, (cols - bigclock_width(text, scale)) / 2, text,
	    scale, clock_attr(kind));
	return bigclock_height(scale);
}

/* The rooms' topics on one line, "Room 1: Payments · Room 2: Health", when
 * any room has one (what each team works on); returns the rows used. */
static int
draw_topics(const struct state *st, WINDOW *w, int y, int cols)
{
	size_t i;
	int x = 2, any = 0;

	for (i = 0; i < st->nrooms && x < cols - 2; i++) {
		const struct room *r = &st->rooms[i];

		if (r->topic == NULL || *r->topic == '\0')
			continue;
		if (any)
			x += draw_text(w, y, x, cols - 2 - x, " \xc2\xb7 ",
			    draw_attr(DR_DIM));
		x += draw_text(w, y, x, cols - 2 - x, state_room_label(st,
		    (int)i), A_BOLD);
		x += draw_text(w, y, x, cols - 2 - x, ": ", A_BOLD);
		x += draw_text(w, y, x, cols - 2 - x, r->topic, A_NORMAL);
		any = 1;
	}
	return any;
}

/* The agenda item and its activity; returns the rows used. */
static int
draw_activity(struct app *a, WINDOW *w, int y, int rows, int cols)
{
	const struct session *s = app_session(a);
	const struct agenda_item *it = s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	const char *title = it != NULL ? it->title : s->set.title != NULL &&
	    *s->set.title != '\0' ? s->set.title : s->module->title;
	int n = 0;

	if (rows <= 0)
		return 0;
	draw_text_centre(w, y, 0, cols, title, draw_attr(DR_HEADING) |
	    A_BOLD);
	n = 1;
	if (it != NULL && it->activity != NULL && *it->activity != '\0' &&
	    rows > 3)
		n += wall_text(w, y + 1, 2, cols - 4, ACTIVITY_ROWS,
		    it->activity, A_NORMAL);
	if (rows > n + 3)
		n += draw_topics(s->state, w, y + n, cols);
	return n;
}

/* Ideas newest first, in as many columns as fit, each wrapped to at most
 * IDEA_MAX_ROWS rows with a blank row between. */
static void
draw_ideas(struct wall *wl, struct app *a, WINDOW *w, int y, int rows,
    int cols)
{
	const struct state *st = app_session(a)->state;
	int ncols = cols / COLUMN_MIN > 0 ? cols / COLUMN_MIN : 1;
	int colw = cols / ncols, c = 0, row = 0, n;
	size_t i;

	if (ncols > 3)
		ncols = 3, colw = cols / 3;
	if (wl->nideas == 0) {
		draw_text_centre(w, y, 0, cols, _("The ideas appear here as "
		    "they are written."), draw_attr(DR_DIM));
		return;
	}
	for (i = wl->first; i < wl->nideas && c < ncols; i++) {
		const char *text = state_idea_text(st, wl->ideas[i]);

		n = wall_text_rows(text, colw - 4, IDEA_MAX_ROWS);
		if (row + n > rows && row > 0) {
			c++;
			row = 0;
			if (c >= ncols)
				break;
		}
		draw_text(w, y + row, c * colw + 1, 2, "\xe2\x80\xa2",
		    draw_attr(DR_MARK));
		wall_text(w, y + row, c * colw + 3, colw - 4, rows - row < n ?
		    rows - row : n, text, A_NORMAL);
		row += n + 1;
	}
}

static void
wall_draw(void *self, struct app *a, WINDOW *w)
{
	struct wall *wl = self;
	const struct state *st = app_session(a)->state;
	int rows, cols, y, round;
	enum wall_phase phase = wall_phase(st, WALL_ANY_ROOM, &round);

	getmaxyx(w, rows, cols);
	y = draw_clock(a, w, rows, cols) + 1;
	y += draw_activity(a, w, y, rows - y, cols) + 1;
	if (y >= rows)
		return;
	wattrset(w, draw_attr(DR_DIM));
	draw_hline(w, y - 1, 0, cols);
	wattrset(w, A_NORMAL);
	if (phase == WALL_REVEALED) {
		draw_text(w, y - 1, 2, cols - 4, _(" Results "),
		    draw_attr(DR_HEADING));
		wall_results(w, y, 1, rows - y, cols - 2, st, round, 0,
		    rows - y >= 8 ? 2 : 1, -1);
		return;
	}
	draw_textf(w, y - 1, 2, cols - 4, draw_attr(DR_HEADING),
	    phase == WALL_VOTING ? ngettext(" %zu idea \xc2\xb7 voting is "
	    "open ", " %zu ideas \xc2\xb7 voting is open ", wl->nideas) :
	    ngettext(" %zu idea ", " %zu ideas ", wl->nideas), wl->nideas);
	draw_ideas(wl, a, w, y, rows - y, cols);
}

/* --- keys ---------------------------------------------------------------- */

static int
key_pgdn(void *self, struct app *a)
{
	struct wall *wl = self;

	(void)a;
	if (wl->first + 1 < wl->nideas)
		wl->first += wl->first + 10 < wl->nideas ? 10 :
		    wl->nideas - wl->first - 1;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_pgup(void *self, struct app *a)
{
	struct wall *wl = self;

	(void)a;
	wl->first = wl->first > 10 ? wl->first - 10 : 0;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_home(void *self, struct app *a)
{
	(void)a;
	((struct wall *)self)->first = 0;
	return REQ_HANDLED | REQ_REDRAW;
}

/* The oldest ideas, as far as PgDn goes. */
static int
key_end(void *self, struct app *a)
{
	struct wall *wl = self;

	(void)a;
	wl->first = wl->nideas > 0 ? wl->nideas - 1 : 0;
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding wall_keys[] = {
	SCREEN_PAGE_KEYS(N_("older / newer ideas"), key),
	SCREEN_END_KEYS(N_("the newest / the oldest ideas"), key),
	{ 0, NULL, NULL, NULL }
};

/* What the room should be looking at, as last seen: nobody stands at the
 * projector to press Tab, so the view follows the facilitator. */
struct projector {
	char pinned[32];	/* id of the pinned question, or "" (a copy:
				   a state rebuilt from the journal frees its
				   strings) */
	size_t polls_open, polls_revealed;
	enum wall_phase phase;
	char presented[64];	/* the item presented, "" none (a copy) */
	int started;		/* the first screen was chosen */
};

/* The first screen: a projector started while a page is presented opens
 * on the page. */
static void
wall_enter(void *self, struct app *a)
{
	struct projector *r = app_role(a);

	(void)self;
	if (r->started)
		return;
	r->started = 1;
	if (app_session(a)->state->present.item != NULL)
		app_show(a, &projector_page);
}

static const struct screen_ops projector_wall = {
	.name = N_("Wall"),
	.keys = wall_keys,
	.enter = wall_enter,
	.init = wall_init,
	.fini = wall_fini,
	.draw = wall_draw,
	.tick = wall_tick,
	.changed = wall_changed,
};

static const struct screen_ops *const projector_screens[] = {
	&projector_wall, &projector_questions, &projector_page,
};


static void
projector_look(const struct state *st, struct projector *now)
{
	size_t i;

	memset(now, 0, sizeof *now);
	for (i = 0; i < st->nquestions; i++)
		if (st->questions[i].pinned && !st->questions[i].hidden)
			snprintf(now->pinned, sizeof now->pinned, "%s",
			    st->questions[i].id);
	for (i = 0; i < st->npolls; i++) {
		now->polls_open += st->polls[i].open != 0;
		now->polls_revealed += st->polls[i].revealed != 0;
	}
	now->phase = wall_phase(st, WALL_ANY_ROOM, NULL);
	snprintf(now->presented, sizeof now->presented, "%s",
	    st->present.item != NULL ? st->present.item : "");
}

/* A page presented (or another item's page): the page; presenting
 * stopped: back to the wall. */
static void
follow_present(struct app *a, const struct projector *was,
    const struct projector *now)
{
	if (strcmp(was->presented, now->presented) == 0)
		return;
	app_show(a, now->presented[0] != '\0' ? &projector_page :
	    &projector_wall);
}

/* A question pinned, a poll opened or revealed: the questions view; voting
 * opened or its results revealed: the wall. */
static void
projector_changed(struct app *a)
{
	struct projector *was = app_role(a), now;

	projector_look(app_session(a)->state, &now);
	now.started = was->started;
	follow_present(a, was, &now);
	if (now.phase != was->phase && (now.phase == WALL_VOTING ||
	    now.phase == WALL_REVEALED))
		app_show(a, &projector_wall);
	else if ((now.pinned[0] != '\0' &&
	    strcmp(now.pinned, was->pinned) != 0) ||
	    now.polls_open > was->polls_open ||
	    now.polls_revealed > was->polls_revealed)
		app_show(a, &projector_questions);
	*was = now;
}

int
projector_main(struct session *s, const struct cli_term *term)
{
	struct app_config cfg;
	struct projector seen;
	struct presence *here;
	char *err = NULL;
	int status;

	projector_look(s->state, &seen);
	memset(&cfg, 0, sizeof cfg);
	cfg.role = &seen;
	cfg.changed = projector_changed;
	cfg.screens = projector_screens;
	cfg.nscreens = NELEM(projector_screens);
	cfg.hint = N_("Tab next screen   ? keys   q quit");
	cfg.min_rows = 10;
	cfg.min_cols = 30;
	app_config_term(&cfg, term);
	here = presence_open(s->dir, PRESENCE_PROJECTOR, NULL, &err);
	free(err);		/* unseen: it shows the room all the same */
	presence_set_polling(here, journal_watch_fd(s->journal) < 0, NULL);
	status = app_run(s, &cfg);
	presence_close(here);
	wall_shutdown();
	text_shutdown();
	return status;
}
