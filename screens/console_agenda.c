/* console_agenda.c -- the agenda: days and sessions against the clock. */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "draw.h"
#include "plan.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "schedule.h"
#include "session.h"
#include "text.h"
#include "tz.h"

#define HEADER_ROWS 3
#define DEMO_ROWS 3	/* convene demo: the session and how to join it */
#define MINUTE_MS 60000

struct agenda {
	struct plan_row *rows;	/* days' headings and items (plan.h) */
	size_t nrows;
	struct listview lv;
	int entered;		/* the selection was placed once */
	/* The items' ids as the rows were built: a change to the plan
	 * reorders the module's items, and the highlight follows its item. */
	char **ids;
	size_t nitems;
	size_t plan;		/* plan_version() the rows were built for */
};

static void
free_ids(struct agenda *ag)
{
	size_t i;

	for (i = 0; ag->ids != NULL && i < ag->nitems; i++)
		free(ag->ids[i]);
	free(ag->ids);
	ag->ids = NULL;
}

static void
keep_ids(struct agenda *ag, const struct module *m)
{
	size_t i;

	free_ids(ag);
	ag->ids = xcalloc(m->nitems + 1, sizeof *ag->ids);
	for (i = 0; i < m->nitems; i++)
		ag->ids[i] = xstrdup(m->items[i].id);
	ag->nitems = m->nitems;
}

/* The rows: each day's heading, then its items. */
static void
build_rows(struct agenda *ag, const struct module *m)
{
	free(ag->rows);
	ag->rows = xcalloc(m->nitems * 2 + 1, sizeof *ag->rows);
	ag->nrows = plan_rows(m, ag->rows);
	ag->plan = plan_version(m);
}

static void *
agenda_init(struct app *a)
{
	struct agenda *ag = xcalloc(1, sizeof *ag);

	build_rows(ag, app_session(a)->module);
	keep_ids(ag, app_session(a)->module);
	listview_init(&ag->lv);
	listview_set_count(&ag->lv, ag->nrows);
	return ag;
}

static size_t row_of_item(const struct agenda *ag, int item);

/* The plan changed (an item moved, added...): the rows again, with the
 * highlight on the same item. */
static void
agenda_changed(void *self, struct app *a)
{
	struct agenda *ag = self;
	const struct module *m = app_session(a)->module;
	int sel = ag->nrows > 0 ? ag->rows[ag->lv.sel].item : -1;
	char *id;

	if (ag->plan == plan_version(m))
		return;		/* the same plan: the rows hold */
	id = sel >= 0 && (size_t)sel < ag->nitems ? xstrdup(ag->ids[sel]) :
	    NULL;
	build_rows(ag, m);
	listview_set_count(&ag->lv, ag->nrows);
	if (id != NULL)
		listview_select(&ag->lv, row_of_item(ag,
		    module_item_index(m, id)));
	free(id);
	keep_ids(ag, m);
}

static void
agenda_fini(void *self)
{
	struct agenda *ag = self;

	free(ag->rows);
	free_ids(ag);
	free(ag);
}

static size_t
row_of_item(const struct agenda *ag, int item)
{
	return plan_row_of_item(ag->rows, ag->nrows, item);
}

/* The row to start from: the current item, else the first of today. */
static size_t
home_row(const struct agenda *ag, struct app *a)
{
	const struct session *s = app_session(a);
	const struct module *m = s->module;
	char today[16], date[16];
	size_t i;

	for (i = 0; i < m->nitems; i++)
		if (s->state->agenda_id != NULL &&
		    strcmp(m->items[i].id, s->state->agenda_id) == 0)
			return row_of_item(ag, (int)i);
	if (tz_today(m->timezone, today, sizeof today) == 0)
		for (i = 0; i < m->nitems; i++)
			if (schedule_day_date(m, s->set.start, m->items[i].day,
			    date, sizeof date) == 0 &&
			    strcmp(date, today) == 0)
				return row_of_item(ag, (int)i);
	return ag->nrows > 1 ? 1 : 0;
}

static void
agenda_enter(void *self, struct app *a)
{
	struct agenda *ag = self;

	if (!ag->entered) {
		ag->entered = 1;
		listview_select(&ag->lv, home_row(ag, a));
	}
}

/* The rows the demo's block takes at the bottom: none unless this is
 * `convene demo`, and none when the agenda would keep under 3 rows. */
static int
demo_rows(const struct app *a, int rows)
{
	return console_of(a)->demo && rows >= HEADER_ROWS + DEMO_ROWS + 3 ?
	    DEMO_ROWS : 0;
}

static void
agenda_resize(void *self, struct app *a, int rows, int cols)
{
	struct agenda *ag = self;

	(void)cols;
	rows -= demo_rows(a, rows);
	listview_set_height(&ag->lv, rows > HEADER_ROWS ?
	    (size_t)(rows - HEADER_ROWS) : 0);
}

/* --- drawing ------------------------------------------------------------- */

static void
minutes_text(int64_t ms, char *buf, size_t size)
{
	long min = (long)((ms >= 0 ? ms + MINUTE_MS / 2 : ms - MINUTE_MS / 2) /
	    MINUTE_MS);

	snprintf(buf, size, "%+ld%s", min, _("m"));
}

/* The right-hand column: what really happened, or what is expected. */
static void
actual_text(struct app *a, const struct schedule *sch, int i, int behind_day,
    char *buf, size_t size, enum draw_role *role)
{
	const struct schedule_item *si = &sch->items[i];
	char from[16], to[16], over[32];

	*role = DR_DIM;
	buf[0] = '\0';
	if (si->visited) {
		console_hhmm(a, si->actual_start, from, sizeof from);
		minutes_text(si->overrun_ms, over, sizeof over);
		if (si->current) {
			snprintf(buf, size, "%s\xe2\x80\x93      %s", from,
			    si->overrun_ms > 0 ? over : "");
			*role = si->overrun_ms > 0 ? DR_OVERRUN : DR_CURRENT;
			return;
		}
		console_hhmm(a, si->actual_end, to, sizeof to);
		snprintf(buf, size, "%s\xe2\x80\x93%s %s", from, to, over);
		*role = si->overrun_ms > 60000 ? DR_WARN : DR_DIM;
		return;
	}
	if (behind_day && si->planned_start != 0) {
		console_hhmm(a, si->planned_start + sch->behind_ms, from,
		    sizeof from);
		snprintf(buf, size, _("\xe2\x89\x88%s"), from);	/* ≈ */
		*role = DR_WARN;
	}
}

static void
draw_day(struct app *a, WINDOW *w, int y, int cols, int day)
{
	const struct session *s = app_session(a);
	char date[16];

	if (schedule_day_date(s->module, s->set.start, day, date,
	    sizeof date) == 0)
		draw_textf(w, y, 0, cols, draw_attr(DR_HEADING),
		    _("Day %d \xc2\xb7 %s"), day, date);
	else
		draw_textf(w, y, 0, cols, draw_attr(DR_HEADING), _("Day %d"),
		    day);
}

static void
draw_item(struct app *a, WINDOW *w, int y, int cols, const struct schedule *sch,
    int i, int selected)
{
	const struct agenda_item *it = &app_session(a)->module->items[i];
	const struct schedule_item *si = &sch->items[i];
	int cur = sch->current, later, right = cols >= 64 ? 18 : 0, x;
	enum draw_role role = DR_NORMAL, arole;
	char actual[128];
	attr_t at;

	later = cur >= 0 && i > cur && sch->behind_ms >= MINUTE_MS &&
	    it->day == app_session(a)->module->items[cur].day;
	if (si->current)
		role = DR_CURRENT;
	else if (it->kind == KIND_BREAK || it->skipped ||
	    (si->visited && !si->current))
		role = DR_DIM;
	at = selected ? draw_attr(DR_SELECTED) : draw_attr(role);
	if (selected)
		draw_fill(w, y, 0, cols, at);
	draw_text(w, y, 0, 2, si->current ? "\xe2\x96\xb6" :
	    si->visited ? "\xe2\x9c\x93" : " ", at);	/* ▶ ✓ */
	x = 2;
	x += draw_textf(w, y, x, cols - x, at, "%02d:%02d %4d%s  ",
	    it->start_min / 60, it->start_min % 60, it->minutes, _("m"));
	x += draw_text(w, y, x, cols - x - right - 1, it->title, at);
	x += draw_text(w, y, x, cols - x - right - 1, it->skipped ?
	    _(" (skipped)") : it->added ? _(" (added)") : it->moved ||
	    it->lengthened ? _(" (changed)") : "", draw_attr(DR_WARN));
	if (right > 0) {
		actual_text(a, sch, i, later, actual, sizeof actual, &arole);
		draw_text_right(w, y, cols - right, right - 1, actual,
		    selected ? at : draw_attr(arole));
	}
}

/* The three rows above the list: the module, now, and how late. */
static void
draw_header(struct app *a, WINDOW *w, int cols, const struct schedule *sch)
{
	const struct session *s = app_session(a);
	const struct module *m = s->module;
	char start[8];
	int x;

	x = draw_text(w, 0, 0, cols, m->title, draw_attr(DR_HEADING));
	if (m->provider != NULL && *m->provider != '\0' && cols - x > 10)
		draw_textf(w, 0, x, cols - x, draw_attr(DR_DIM),
		    " \xc2\xb7 %s", m->provider);
	if (sch->current < 0 && s->state->agenda_id != NULL) {
		draw_text(w, 1, 0, cols, _("Nothing runs: n starts the next "
		    "item, p takes up the one that ended."), A_NORMAL);
		if (sch->behind_ms >= MINUTE_MS)
			draw_textf(w, 2, 0, cols, draw_attr(DR_OVERRUN),
			    _(" The day ended %ld min behind its plan "),
			    (long)(sch->behind_ms / MINUTE_MS));
		return;
	}
	if (sch->current < 0) {
		draw_text(w, 1, 0, cols, _("The agenda has not started: n "
		    "starts the first item, s the highlighted one."),
		    A_NORMAL);
		return;
	}
	console_hhmm(a, sch->items[sch->current].actual_start, start,
	    sizeof start);
	/* formatted whole: a title cut by bytes could split a character */
	draw_textf(w, 1, 0, cols, draw_attr(DR_CURRENT),
	    _("Now: %s (since %s)"), m->items[sch->current].title, start);
	if (sch->behind_ms >= MINUTE_MS)
		draw_textf(w, 2, 0, cols, draw_attr(DR_OVERRUN),
		    _(" The day is running %ld min behind its plan "),
		    (long)(sch->behind_ms / MINUTE_MS));
	else if (sch->items[sch->current].planned_start != 0)
		draw_text(w, 2, 0, cols, _("On time."), draw_attr(DR_OK));
}

/* One command of the demo's block, whole when the row is wide enough
 * (indented when that still fits), then what it opens when room is left. */
static void
draw_command(WINDOW *w, int y, int cols, const char *verb, const char *dir,
    const char *what)
{
	char *cmd = xasprintf("convene %s %s", verb, dir);
	int x = text_width(cmd) + 2 <= cols ? 2 : 0;

	x += draw_text(w, y, x, cols - x, cmd, draw_attr(DR_STRONG));
	if (cols - x >= text_width(what) + 3)
		draw_text(w, y, x + 3, cols - x - 3, what, draw_attr(DR_DIM));
	free(cmd);
}

/* convene demo: the commands, to type in another terminal, that open a
 * participant's terminal and the projector on this session (its directory
 * in them); kept in sight while the demo runs. */
static void
draw_demo(struct app *a, WINDOW *w, int y, int cols)
{
	char *dir = shell_quote(app_session(a)->dir);

	draw_text(w, y, 0, cols, _("This is a demo session. To open it from "
	    "another terminal:"), draw_attr(DR_HEADING));
	draw_command(w, y + 1, cols, "join", dir, _("a participant's "
	    "terminal"));
	draw_command(w, y + 2, cols, "show", dir, _("the projector"));
	free(dir);
}

static void
agenda_draw(void *self, struct app *a, WINDOW *w)
{
	struct agenda *ag = self;
	const struct session *s = app_session(a);
	struct schedule sch;
	int rows, cols;
	size_t i;

	getmaxyx(w, rows, cols);
	schedule_build(&sch, s->module, s->state, s->set.start, app_now(a));
	draw_header(a, w, cols, &sch);
	if (ag->nrows == 0)
		draw_text(w, HEADER_ROWS, 0, cols, _("This module has no "
		    "agenda."), A_NORMAL);
	for (i = 0; i < listview_visible(&ag->lv); i++) {
		const struct plan_row *r = &ag->rows[ag->lv.top + i];
		int y = HEADER_ROWS + (int)i;

		if (y >= rows)
			break;
		if (r->item < 0)
			draw_day(a, w, y, cols, r->day);
		else
			draw_item(a, w, y, cols, &sch, r->item,
			    ag->lv.top + i == ag->lv.sel);
		if (r->item >= 0)	/* a day's heading is no stop */
			app_row(a, y, ag->lv.top + i,
			    ag->lv.top + i == ag->lv.sel);
	}
	if (demo_rows(a, rows) > 0)
		draw_demo(a, w, rows - DEMO_ROWS, cols);
	schedule_free(&sch);
}

/* The body shows times that move on (the current item's overrun); curses
 * sends only the cells that changed. */
static int
agenda_tick(void *self, struct app *a, int64_t now)
{
	(void)self;
	(void)a;
	(void)now;
	return REQ_REDRAW;
}

/* --- keys ---------------------------------------------------------------- */

/* Keeps the selection off the day headings, stepping in direction dir
 * (down when 0); a heading at the very top steps down instead. */
static int
skip_headings(struct agenda *ag, int dir)
{
	while (ag->nrows > 0 && ag->rows[ag->lv.sel].item < 0) {
		if (dir >= 0 && ag->lv.sel + 1 < ag->nrows)
			listview_move(&ag->lv, 1);
		else if (dir < 0 && ag->lv.sel > 0)
			listview_move(&ag->lv, -1);
		else if (dir < 0)
			dir = 1;
		else
			break;
	}
	return REQ_HANDLED | REQ_REDRAW;
}

/* The movement keys: the move, then off a heading the way it went. */
static int
go(struct agenda *ag, struct app *a, enum listview_go g)
{
	(void)a;
	return skip_headings(ag, listview_go(&ag->lv, g));
}

LISTSCREEN_GO_KEYS(go)

static int
key_now(void *self, struct app *a)
{
	struct agenda *ag = self;

	listview_select(&ag->lv, home_row(ag, a));
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct agenda_item *
selected_item(const struct agenda *ag, struct app *a)
{
	int i = ag->nrows > 0 ? ag->rows[ag->lv.sel].item : -1;

	return i >= 0 ? &app_session(a)->module->items[i] : NULL;
}

/* s: the highlighted item becomes the current one (asking first when that
 * ends another).  Not g, which goes to the top as in less and vim. */
static int
key_start(void *self, struct app *a)
{
	const struct agenda_item *it = selected_item(self, a);

	if (it == NULL)
		return REQ_HANDLED;
	return console_agenda_goto(a, it->id, 's');
}

/* The plan's changes to the highlighted item (console_plan.c). */
static int
plan_item(struct agenda *ag, struct app *a,
    int (*change)(struct app *, const struct agenda_item *))
{
	const struct agenda_item *it = selected_item(ag, a);

	return it != NULL ? change(a, it) : REQ_HANDLED;
}

SCREEN_KEY(key_plan_move, plan_item, console_plan_move)
SCREEN_KEY(key_plan_length, plan_item, console_plan_length)
SCREEN_KEY(key_plan_skip, plan_item, console_plan_skip)

static int
key_plan_add(void *self, struct app *a)
{
	(void)self;
	return console_plan_add(a);
}

static int
key_open(void *self, struct app *a)
{
	const struct agenda_item *it = selected_item(self, a);
	struct console *c = console_of(a);

	if (it == NULL)
		return REQ_HANDLED;
	free(c->page_item);
	c->page_item = xstrdup(it->id);
	app_show(a, &console_page);
	return REQ_HANDLED;
}

/* A click highlights an item, as the arrows would (headings are not
 * named by the draw, so never clicked). */
static int
click_row(void *self, struct app *a, size_t row)
{
	struct agenda *ag = self;

	(void)a;
	listview_select(&ag->lv, row);
	return skip_headings(ag, 1);
}

static const struct binding agenda_keys[] = {
	SCREEN_MOVE_KEYS(N_("move"), key),
	SCREEN_PAGE_KEYS(N_("a page down / up"), key),
	SCREEN_END_KEYS(N_("first / last item"), key),
	{ '.', ".", N_("back to the current item"), key_now },
	{ 's', "s", N_("start the highlighted item (asks first when it "
	    "ends the current one)"), key_start },
	{ 'm', "m", N_("move the item to another day or time"),
	    key_plan_move },
	{ 'l', "l", N_("change the item's length"), key_plan_length },
	{ 'x', "x", N_("skip the item (asks first) / bring it back"),
	    key_plan_skip },
	{ 'a', "a", N_("add an item to the plan"), key_plan_add },
	{ '\r', "Enter", N_("open the highlighted item's page"), key_open },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_open },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_agenda = {
	.name = N_("Agenda"),
	.keys = agenda_keys,
	.init = agenda_init,
	.fini = agenda_fini,
	.enter = agenda_enter,
	.resize = agenda_resize,
	.changed = agenda_changed,
	.draw = agenda_draw,
	.tick = agenda_tick,
	.click = click_row,
};
