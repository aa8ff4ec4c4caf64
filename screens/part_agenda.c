/* part_agenda.c -- the participant's Agenda: what runs now and what comes
 * next, then the plan day by day with its times, starting at today.  The
 * figures come from the schedule (schedule.h), as the console's do. */
#include "participant.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "content.h"
#include "draw.h"
#include "plan.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "schedule.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"
#include "zones.h"

#define MINUTE_MS 60000
#define HEAD_ROWS 3		/* Now, its times, Next */
#define NO_TIMER LONG_MIN	/* minutes_left: no timer runs */

/*
 * The columns of a list row, in one place: a marker (now, done), the
 * planned time in the workshop's zone, then the title.  A participant in
 * a zone of their own (online) reads their time first, then the
 * workshop's, dimmed: the line of times above says which is which.
 */
struct columns {
	int mark;		/* "▶ " or "✓ " */
	int time, time_w;	/* "HH:MM " in the module's zone */
	int time2, time2_w;	/* the participant's own zone, 0: none */
	int title;
};

static struct columns
columns(const char *own)
{
	struct columns c;

	c.mark = 0;
	c.time2 = 2;
	c.time2_w = own != NULL ? 6 : 0;
	c.time = c.time2 + c.time2_w;
	c.time_w = 6;
	c.title = c.time + c.time_w;
	return c;
}

/* A row of the list: a day's heading or an agenda item. */
struct pagenda {
	struct plan_row *rows;	/* days' headings and items (plan.h) */
	size_t nrows;
	size_t plan;		/* plan_version() the rows were built for */
	struct listview lv;
	int follow;		/* the highlight follows now until a move key */
	/* What the last frame showed of time, so that a tick redraws only
	 * when that changed (a participant's slow link). */
	long shown_left;
	int shown_day;
};

static void *
pa_init(struct app *a)
{
	const struct module *m = app_session(a)->module;
	struct pagenda *pa = xcalloc(1, sizeof *pa);

	pa->rows = xcalloc(m->nitems * 2 + 1, sizeof *pa->rows);
	pa->nrows = plan_rows(m, pa->rows);
	pa->plan = plan_version(m);
	listview_init(&pa->lv);
	listview_set_count(&pa->lv, pa->nrows);
	pa->follow = 1;
	pa->shown_left = NO_TIMER;
	return pa;
}

static void
pa_fini(void *self)
{
	struct pagenda *pa = self;

	free(pa->rows);
	free(pa);
}

/* --- what now and next are ----------------------------------------------- */

static int
today(struct app *a)
{
	return state_day_of(app_session(a)->state, app_now(a));
}

/* The item after the one running, or after the one ended; before the
 * agenda started, the first item of today (else of the plan).  -1: none. */
static int
next_item(struct app *a, const struct schedule *sch)
{
	const struct session *s = app_session(a);
	const struct module *m = s->module;
	int i = sch->current, d = today(a);
	size_t k;

	if (i < 0)
		i = module_item_index(m, s->state->agenda_id);
	if (i >= 0)
		return (size_t)i + 1 < m->nitems ? i + 1 : -1;
	for (k = 0; k < m->nitems; k++)
		if (m->items[k].day == d)
			return (int)k;
	return m->nitems > 0 ? 0 : -1;
}

/* Whole minutes left on the session timer as the screens show it (a
 * started minute counts: 0:30 left is "1 min"); negative once over;
 * NO_TIMER when none runs today. */
static long
minutes_left(struct app *a, int *paused)
{
	const struct timer *t = state_timer_live(app_session(a)->state, -1,
	    app_now(a));
	int64_t rem;

	*paused = 0;
	if (t == NULL)
		return NO_TIMER;
	*paused = t->state == TIMER_PAUSED;
	rem = timer_remaining_ms(t, app_now(a));
	return rem > 0 ? (long)((rem + MINUTE_MS - 1) / MINUTE_MS) :
	    -(long)(-rem / MINUTE_MS);
}

static size_t
row_of_item(const struct pagenda *pa, int item)
{
	return plan_row_of_item(pa->rows, pa->nrows, item);
}

static size_t
row_of_day(const struct pagenda *pa, int day)
{
	size_t i;

	for (i = 0; i < pa->nrows; i++)
		if (pa->rows[i].item < 0 && pa->rows[i].day == day)
			return i;
	return 0;
}

/* Highlights what runs now (else what comes next), its day's heading in
 * sight above it when the view is tall enough. */
static void
select_now(struct pagenda *pa, struct app *a)
{
	const struct session *s = app_session(a);
	struct schedule sch;
	int i;

	if (pa->nrows == 0)
		return;
	schedule_build(&sch, s->module, s->state, s->set.start, app_now(a));
	i = sch.current >= 0 ? sch.current : next_item(a, &sch);
	schedule_free(&sch);
	if (i < 0) {
		listview_end(&pa->lv);
		return;
	}
	listview_scroll_to(&pa->lv, row_of_day(pa, s->module->items[i].day));
	listview_select(&pa->lv, row_of_item(pa, i));
}

static void
pa_enter(void *self, struct app *a)
{
	struct pagenda *pa = self;

	if (pa->follow)
		select_now(pa, a);
}

static void
pa_changed(void *self, struct app *a)
{
	struct pagenda *pa = self;
	const struct module *m = app_session(a)->module;

	if (pa->plan != plan_version(m)) {
		/* the plan changed: items moved, were added or skipped */
		free(pa->rows);
		pa->rows = xcalloc(m->nitems * 2 + 1, sizeof *pa->rows);
		pa->nrows = plan_rows(m, pa->rows);
		pa->plan = plan_version(m);
		listview_set_count(&pa->lv, pa->nrows);
		pa->follow = 1;
	}
	pa_enter(self, a);
}

static void
pa_resize(void *self, struct app *a, int rows, int cols)
{
	struct pagenda *pa = self;

	(void)cols;
	listview_set_height(&pa->lv, rows > HEAD_ROWS ?
	    (size_t)(rows - HEAD_ROWS) : 0);
	if (pa->follow)
		select_now(pa, a);
}

/* --- drawing ------------------------------------------------------------- */

static void
planned_hhmm(const struct agenda_item *it, int plus, char *buf, size_t size)
{
	int min = it->start_min + plus;

	snprintf(buf, size, "%02d:%02d", min / 60 % 24, min % 60);
}

/* A participant in a zone of their own: the item's times in it, then the
 * workshop's (from, to) and its city; NULL in the workshop's zone or when
 * the item has no date yet. */
static char *
own_times(struct app *a, int64_t start, int minutes, const char *from,
    const char *to)
{
	const char *zone = participant_zone(a);
	char f[8], t[8], city[32];

	if (zone == NULL || start == 0)
		return NULL;
	draw_hhmm(zone, start, f, sizeof f);
	draw_hhmm(zone, start + (int64_t)minutes * MINUTE_MS, t, sizeof t);
	zones_city(app_session(a)->module->timezone, city, sizeof city);
	/* Translators: the times of the current agenda item for a
	 * participant in another zone: theirs, then the workshop's and its
	 * city ("14:00–15:00 your time · 09:00–10:00 Bangkok"). */
	return xasprintf(_("%s\xe2\x80\x93%s your time \xc2\xb7 %s\xe2\x80\x93%s %s"),
	    f, t, from, to, city);
}

/* The Now line and the line of its times (rows 0 and 1). */
static void
draw_now(struct pagenda *pa, struct app *a, WINDOW *w, int cols,
    const struct schedule *sch)
{
	const struct agenda_item *it;
	char from[8], to[8], left[64], *times;
	int paused;
	long min = minutes_left(a, &paused);

	pa->shown_left = min;
	if (sch->current < 0) {
		draw_text(w, 0, 0, cols, _("Nothing is running."),
		    draw_attr(DR_HEADING));
		return;
	}
	it = &app_session(a)->module->items[sch->current];
	/* Translators: %s is the title of the agenda item running. */
	draw_textf(w, 0, 0, cols, draw_attr(DR_CURRENT), _("Now: %s"),
	    it->title);
	planned_hhmm(it, 0, from, sizeof from);
	planned_hhmm(it, it->minutes, to, sizeof to);
	times = own_times(a, sch->items[sch->current].planned_start,
	    it->minutes, from, to);
	if (min == NO_TIMER)
		left[0] = '\0';
	else if (min < 0)
		snprintf(left, sizeof left, _(" \xc2\xb7 %ld min over"), -min);
	else
		snprintf(left, sizeof left, paused ? _(" \xc2\xb7 paused, "
		    "%ld min left") : _(" \xc2\xb7 %ld min left"), min);
	if (times != NULL)
		draw_textf(w, 1, 2, cols - 2, A_NORMAL, "%s%s", times, left);
	else
		draw_textf(w, 1, 2, cols - 2, A_NORMAL, "%s\xe2\x80\x93%s%s",
		    from, to, left);
	free(times);
}

/* The Next line (row 2): its time as planned, or as expected when the
 * day runs behind (the console's figure). */
static void
draw_next(struct app *a, WINDOW *w, int cols, const struct schedule *sch)
{
	const struct module *m = app_session(a)->module;
	int i = next_item(a, sch);
	const struct agenda_item *it;
	const char *own = participant_zone(a);
	char when[16], hhmm[8], *what;

	if (i < 0) {
		draw_text(w, 2, 0, cols, _("Next: nothing more on the plan."),
		    draw_attr(DR_DIM));
		return;
	}
	it = &m->items[i];
	planned_hhmm(it, 0, when, sizeof when);
	/* In the participant's own zone when they have one (the line of
	 * times above says "your time"). */
	if (own != NULL && sch->items[i].planned_start != 0)
		draw_hhmm(own, sch->items[i].planned_start, when, sizeof when);
	if (sch->current >= 0 && m->items[sch->current].day == it->day &&
	    sch->behind_ms >= MINUTE_MS && sch->items[i].planned_start != 0) {
		draw_hhmm(own != NULL ? own : m->timezone,
		    sch->items[i].planned_start + sch->behind_ms, hhmm,
		    sizeof hhmm);
		snprintf(when, sizeof when, "\xe2\x89\x88%s", hhmm);	/* ≈ */
	}
	if (it->day != today(a))
		/* Translators: the next agenda item on another day: its
		 * day's number, its time (HH:MM) and its title. */
		what = xasprintf(_("Next: day %d, %s %s"), it->day, when,
		    it->title);
	else
		/* Translators: the next agenda item: its time (HH:MM), then
		 * its title. */
		what = xasprintf(_("Next: %s %s"), when, it->title);
	if (it->kind == KIND_BREAK) {
		char *b = xasprintf("%s %s", what, _("(break)"));

		free(what);
		what = b;
	}
	draw_text(w, 2, 0, cols, what, A_NORMAL);
	free(what);
}

static void
draw_day(struct app *a, WINDOW *w, int y, int cols, int day, attr_t sel)
{
	const struct session *s = app_session(a);
	char date[16], *text;

	if (schedule_day_date(s->module, s->set.start, day, date,
	    sizeof date) != 0)
		text = xasprintf(_("Day %d"), day);
	else if (day == today(a))
		/* Translators: a day's heading: its number, its date
		 * (YYYY-MM-DD). */
		text = xasprintf(_("Day %d \xc2\xb7 %s \xc2\xb7 today"), day,
		    date);
	else
		text = xasprintf(_("Day %d \xc2\xb7 %s"), day, date);
	draw_text_pad(w, y, 0, cols, text, sel ? sel : draw_attr(DR_HEADING));
	free(text);
}

/* One item: ▶ now (bold), ✓ done (dim), a break says so in words. */
static void
draw_item(struct app *a, WINDOW *w, int y, int cols,
    const struct schedule *sch, int i, attr_t sel)
{
	const struct agenda_item *it = &app_session(a)->module->items[i];
	const struct schedule_item *si = &sch->items[i];
	const char *own = participant_zone(a);
	struct columns c = columns(own);
	int done = si->visited && !si->current, brk = it->kind == KIND_BREAK;
	int title_w = cols - c.title, bw;
	attr_t at = sel ? sel : si->current ? draw_attr(DR_CURRENT) :
	    done ? draw_attr(DR_DIM) : A_NORMAL;
	const char *tag;
	char hhmm[8];

	if (sel)
		draw_fill(w, y, 0, cols, sel);
	draw_text(w, y, c.mark, c.time - c.mark, si->current ?
	    "\xe2\x96\xb6" : done ? "\xe2\x9c\x93" : " ", at);	/* ▶ ✓ */
	planned_hhmm(it, 0, hhmm, sizeof hhmm);
	draw_text(w, y, c.time, c.time_w, hhmm, own != NULL && !sel ?
	    draw_attr(DR_DIM) : at);
	if (own != NULL && si->planned_start != 0) {
		draw_hhmm(own, si->planned_start, hhmm, sizeof hhmm);
		draw_text(w, y, c.time2, c.time2_w, hhmm, at);
	}
	if (title_w <= 0)
		return;
	/* The word keeps its place: the title is cut first. */
	tag = it->skipped ? _("(skipped)") : brk ? _("(break)") : it->added ?
	    _("(added)") : it->moved ? _("(moved)") : NULL;
	bw = tag != NULL ? text_width(tag) + 1 : 0;
	if (bw >= title_w)
		bw = 0;
	bw = draw_text(w, y, c.title, title_w - bw, it->title, at);
	if (tag != NULL)
		draw_text(w, y, c.title + bw + 1, title_w - bw - 1, tag,
		    sel ? sel : draw_attr(DR_DIM));
}

static void
pa_draw(void *self, struct app *a, WINDOW *w)
{
	struct pagenda *pa = self;
	const struct session *s = app_session(a);
	struct schedule sch;
	int rows, cols, y;
	size_t i, k;

	getmaxyx(w, rows, cols);
	pa->shown_day = today(a);
	schedule_build(&sch, s->module, s->state, s->set.start, app_now(a));
	draw_now(pa, a, w, cols, &sch);
	if (rows > 2)
		draw_next(a, w, cols, &sch);
	if (pa->nrows == 0 && rows > HEAD_ROWS)
		draw_text(w, HEAD_ROWS, 0, cols, _("This module has no "
		    "agenda."), A_NORMAL);
	for (i = 0; i < listview_visible(&pa->lv); i++) {
		k = pa->lv.top + i;
		y = HEAD_ROWS + (int)i;
		if (pa->rows[k].item < 0)
			draw_day(a, w, y, cols, pa->rows[k].day,
			    k == pa->lv.sel ? draw_attr(DR_SELECTED) : 0);
		else
			draw_item(a, w, y, cols, &sch, pa->rows[k].item,
			    k == pa->lv.sel ? draw_attr(DR_SELECTED) : 0);
		app_row(a, y, k, k == pa->lv.sel);
	}
	schedule_free(&sch);
}

/* Redraws only when the minutes left or the day changed: a second that
 * changes nothing on this screen sends nothing. */
static int
pa_tick(void *self, struct app *a, int64_t now)
{
	struct pagenda *pa = self;
	int paused;

	(void)now;
	if (minutes_left(a, &paused) != pa->shown_left ||
	    today(a) != pa->shown_day)
		return REQ_REDRAW;
	return REQ_NONE;
}

/* --- keys ---------------------------------------------------------------- */

static int
moved(struct pagenda *pa)
{
	pa->follow = 0;
	return REQ_HANDLED | REQ_REDRAW;
}

/* The movement keys: moving is reading on one's own (. follows again). */
static int
go(struct pagenda *pa, struct app *a, enum listview_go g)
{
	(void)a;
	listview_go(&pa->lv, g);
	return moved(pa);
}

LISTSCREEN_GO_KEYS(go)

/* .: back to now, and follow it again as the agenda moves. */
static int
key_now(void *self, struct app *a)
{
	struct pagenda *pa = self;

	pa->follow = 1;
	select_now(pa, a);
	return REQ_HANDLED | REQ_REDRAW;
}

/* A click highlights a row, as the arrows would. */
static int
click_row(void *self, struct app *a, size_t row)
{
	struct pagenda *pa = self;

	(void)a;
	listview_select(&pa->lv, row);
	return moved(pa);
}

static const struct binding pa_keys[] = {
	SCREEN_MOVE_KEYS(N_("move in the agenda"), key),
	SCREEN_PAGE_KEYS(N_("a page down / up"), key),
	SCREEN_END_KEYS(N_("the first / last day"), key),
	{ '.', ".", N_("back to what runs now (and follow it)"), key_now },
	{ 0, NULL, NULL, NULL }
};

/* What this screen shows: the plan, what runs now and its time left (the
 * agenda, the plan, the timers); nothing else redraws it. */
static int
pa_affected(void *self, struct app *a, const struct changes *c)
{
	(void)self;
	(void)a;
	return changes_any(c, CHANGE_AGENDA | CHANGE_TIMERS | CHANGE_PEOPLE |
	    CHANGE_OTHER);
}

const struct screen_ops part_agenda = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Agenda"),
	.keys = pa_keys,
	.init = pa_init,
	.fini = pa_fini,
	.enter = pa_enter,
	.resize = pa_resize,
	.draw = pa_draw,
	.tick = pa_tick,
	.changed = pa_changed,
	.affected = pa_affected,
	.click = click_row,
};
