/* console_timer.c -- the session timer and every room's timer. */
#include "console.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "session.h"
#include "state.h"

#define WARN_MS (2 * 60 * 1000)

struct timers {
	struct listview lv;	/* row 0: the session, row i: room i - 1;
				   first: the listscreen_view_ keys move it */
	int list_y;		/* where the list starts in the body */
};
LISTSCREEN_VIEW_FIRST(struct timers, lv);

static void *
timers_init(struct app *a)
{
	struct timers *t = xcalloc(1, sizeof *t);

	listview_init(&t->lv);
	listview_set_count(&t->lv, 1 + app_session(a)->state->nrooms);
	/* A room facilitator's console starts on its room. */
	if (app_room(a) >= 0)
		listview_select(&t->lv, (size_t)app_room(a) + 1);
	return t;
}

static void
timers_fini(void *self)
{
	free(self);
}

/* The room of the highlighted row: -1 for the session timer. */
static int
selected_room(const struct timers *t)
{
	return (int)t->lv.sel - 1;
}

static const char *
room_id(struct app *a, int room)
{
	return room >= 0 ? app_session(a)->state->rooms[room].id : NULL;
}

static void
layout(struct timers *t, int rows)
{
	t->list_y = rows >= 16 ? DRAW_BIG_ROWS + 4 : 3;
	listview_set_height(&t->lv, rows > t->list_y ?
	    (size_t)(rows - t->list_y) : 0);
}

static void
timers_resize(void *self, struct app *a, int rows, int cols)
{
	(void)a;
	(void)cols;
	layout(self, rows);
}

static void
timers_changed(void *self, struct app *a)
{
	struct timers *t = self;

	listview_set_count(&t->lv, 1 + app_session(a)->state->nrooms);
}

/* --- drawing ------------------------------------------------------------- */

static const char *
state_name(const struct timer *tm)
{
	if (tm == NULL)
		return _("not started");
	switch (tm->state) {
	case TIMER_RUNNING:
		return _("running");
	case TIMER_PAUSED:
		return _("paused");
	default:
		return _("stopped");
	}
}

static enum draw_role
clock_role(const struct timer *tm, int64_t rem)
{
	if (tm == NULL || tm->state == TIMER_IDLE)
		return DR_DIM;
	if (rem <= 0)
		return DR_OVERRUN;
	if (rem <= WARN_MS)
		return DR_WARN;
	return DR_NORMAL;
}

static void
draw_big_clock(struct timers *t, struct app *a, WINDOW *w, int cols)
{
	int room = selected_room(t);
	const struct timer *tm = state_timer(app_session(a)->state, room);
	int64_t rem = timer_remaining_ms(tm, app_now(a));
	char clock[16], *caption;
	int bw;

	draw_format_clock(tm != NULL ? rem : 0, clock, sizeof clock);
	bw = draw_big_width(clock);
	if (t->list_y > 3 && bw <= cols)
		draw_big(w, 1, (cols - bw) / 2, clock,
		    draw_attr(clock_role(tm, rem)));
	else
		draw_text_centre(w, 0, 0, cols, clock,
		    draw_attr(clock_role(tm, rem)) | A_BOLD);
	/* The clock's colour said in words too (not by colour alone). */
	caption = xasprintf("%s \xc2\xb7 %s%s \xc2\xb7 %s", room < 0 ?
	    _("Session timer") : console_room_name(a, room), state_name(tm),
	    clock_role(tm, rem) == DR_OVERRUN ? _(", over time") :
	    clock_role(tm, rem) == DR_WARN ? _(", ending soon") : "",
	    console_of(a)->bell ? _("bell on") : _("bell off"));
	draw_text_centre(w, t->list_y - 2, 0, cols, caption,
	    draw_attr(DR_HEADING));
	free(caption);
}

static void
draw_row(struct app *a, WINDOW *w, int y, int cols, int room, int selected)
{
	const struct timer *tm = state_timer(app_session(a)->state, room);
	int64_t rem = timer_remaining_ms(tm, app_now(a));
	attr_t at = selected ? draw_attr(DR_SELECTED) : A_NORMAL;
	char clock[16], length[16];

	int wide = cols >= 64;

	if (selected)
		draw_fill(w, y, 0, cols, at);
	draw_text(w, y, 1, wide ? cols - 40 : cols - 14, room < 0 ?
	    _("Session timer") : console_room_name(a, room), at);
	if (wide)
		draw_text(w, y, cols - 38, 12, state_name(tm), at);
	if (tm == NULL)
		return;
	draw_format_clock(rem, clock, sizeof clock);
	draw_format_clock(tm->length_ms, length, sizeof length);
	draw_text_right(w, y, wide ? cols - 26 : cols - 12, 10, clock,
	    selected ? at : draw_attr(clock_role(tm, rem)));
	if (wide)
		draw_textf(w, y, cols - 14, 13, selected ? at :
		    draw_attr(DR_DIM), _("of %s"), length);
}

static void
timers_draw(void *self, struct app *a, WINDOW *w)
{
	struct timers *t = self;
	int rows, cols;
	size_t i;

	getmaxyx(w, rows, cols);
	layout(t, rows);
	draw_big_clock(t, a, w, cols);
	for (i = 0; i < listview_visible(&t->lv); i++) {
		int y = t->list_y + (int)i;

		if (y >= rows)
			break;
		draw_row(a, w, y, cols, (int)(t->lv.top + i) - 1,
		    t->lv.top + i == t->lv.sel);
	}
}

static int
timers_tick(void *self, struct app *a, int64_t now)
{
	(void)self;
	(void)a;
	(void)now;
	return REQ_REDRAW;
}

/* --- keys ---------------------------------------------------------------- */

static int
key_toggle(void *self, struct app *a)
{
	return console_timer_toggle(a, room_id(a, selected_room(self)));
}

static int
key_extend1(void *self, struct app *a)
{
	return console_timer_extend(a, room_id(a, selected_room(self)), 60);
}

static int
key_extend5(void *self, struct app *a)
{
	return console_timer_extend(a, room_id(a, selected_room(self)), 300);
}

static void
stop_confirmed(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_TIMER, .timer = TIMER_STOP };

	if (!yes)
		return;
	act.room = room_id(a, selected_room(self));
	console_act(a, &act, _("timer stopped"));
}

static int
key_stop(void *self, struct app *a)
{
	app_confirm_key(a, _("Stop this timer? (a stop cannot be undone)"),
	    's', stop_confirmed, self);
	return REQ_HANDLED;
}

static void
minutes_done(void *self, struct app *a, const char *text)
{
	struct undo_action act = { .kind = UNDO_TIMER, .timer = TIMER_START };
	char *end;
	long minutes;

	if (text == NULL)
		return;
	errno = 0;
	minutes = strtol(text, &end, 10);
	if (errno != 0 || end == text || *end != '\0' || minutes < 1) {
		app_error(a, xstrdup(_("give the minutes as a whole number, "
		    "e.g. 10")));
		return;
	}
	act.room = room_id(a, selected_room(self));
	act.n = minutes * 60;
	console_act(a, &act, _("timer started"));
}

static int
key_set(void *self, struct app *a)
{
	app_prompt(a, _("Start the timer for how many minutes?"), NULL,
	    minutes_done, self);
	return REQ_HANDLED;
}

static int
key_bell(void *self, struct app *a)
{
	struct console *c = console_of(a);

	(void)self;
	c->bell = !c->bell;
	app_message(a, "%s", c->bell ? _("the bell rings when a timer "
	    "reaches zero") : _("the bell is off"));
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding timers_keys[] = {
	LISTSCREEN_VIEW_MOVE_KEYS(N_("choose a timer")),
	LISTSCREEN_VIEW_END_KEYS(N_("the first / last timer")),
	{ 't', "t", N_("start, pause or resume the chosen timer"),
	    key_toggle },
	{ 'e', "e E", N_("add one / five minutes to it"), key_extend1 },
	{ 'E', NULL, NULL, key_extend5 },
	{ 'S', "S", N_("start it for a number of minutes"), key_set },
	{ 's', "s", N_("stop it (asks first)"), key_stop },
	{ 'a', "a", N_("bell at zero on / off"), key_bell },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_timer = {
	.name = N_("Timers"),
	.keys = timers_keys,
	.init = timers_init,
	.fini = timers_fini,
	.resize = timers_resize,
	.draw = timers_draw,
	.tick = timers_tick,
	.changed = timers_changed,
};
