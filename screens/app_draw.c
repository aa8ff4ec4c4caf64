/* app_draw.c -- the loop's own drawing: the status line, the tabs, the
 * message line, the help overlay and "terminal too small". */
#include "app_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "session.h"
#include "text.h"
#include "tz.h"
#include "zones.h"

/* --- the status line ----------------------------------------------------- */

/* The phase of the room's (or the plenary's) voting: what everyone is
 * doing now. */
static const char *
phase(const struct app *a)
{
	const struct state *st = a->s->state;
	const struct round *r;
	int64_t moved = st->nvisits > 0 ? st->visits[st->nvisits - 1].at : 0;

	if (st->current_round < 0)
		return _("ideas");
	r = &st->rounds[st->current_round];
	if (r->open)
		return _("voting");
	if (r->revealed && r->revealed_at >= moved)
		return _("revealed");
	return _("ideas");
}

#define WARN_MS (2 * 60 * 1000)

/* A timer as the status line shows it.  Plain, it changes only at whole
 * minutes ("12 min"), except in the last minute: a screen reader that
 * speaks each change then speaks it once a minute, not every second. */
static void
format_clock(int64_t rem, char *buf, size_t size)
{
	if (!draw_plain() || (rem > 0 && rem <= 60000))
		draw_format_clock(rem, buf, size);
	else if (rem > 0)
		snprintf(buf, size, _("%ld min"), (long)((rem + 59999) / 60000));
	else
		snprintf(buf, size, _("+%ld min"), (long)(-rem / 60000));
}

/* A participant in a zone of their own: their time of day first, then the
 * workshop's in buf, with its place ("14:00 your time · 09:00 Bangkok"). */
static void
own_clock(const struct app *a, const char *zone, char *buf, size_t size)
{
	struct tz_local l;
	char city[32], ws[8];

	if (zone == NULL || tz_to_local(zone, a->now, &l) != 0)
		return;
	memcpy(ws, buf, 6);	/* "HH:MM" */
	ws[5] = '\0';
	zones_city(a->s->module->timezone, city, sizeof city);
	/* Translators: the status line's time of day of a participant in
	 * another zone than the workshop's: their time, then the
	 * workshop's and its city ("14:00 your time · 09:00 Bangkok"). */
	snprintf(buf, size, _("%02d:%02d your time \xc2\xb7 %s %s"), l.hour,
	    l.minute, ws, city);
}

/* The clock of the status line: the room's or the session's timer, else the
 * time of day in the module's zone.  Sets *role to its colour. */
static void
status_clock(const struct app *a, char *buf, size_t size,
    enum draw_role *role)
{
	const struct timer *t = state_timer_live(a->s->state, a->room, a->now);
	struct tz_local l;
	int64_t rem;

	*role = DR_STATUS;
	if (t == NULL && a->room >= 0 && a->cfg->clock_falls_back)
		t = state_timer_live(a->s->state, -1, a->now);
	if (t != NULL) {
		char clock[64];	/* a translated "%ld min" */

		rem = timer_remaining_ms(t, a->now);
		format_clock(rem, clock, sizeof clock);
		/* Not by colour alone: '!' in the last two minutes (and
		 * '+' past zero, counting on). */
		snprintf(buf, size, "%s%s%s", t->state == TIMER_PAUSED ?
		    _("paused ") : "", rem > 0 && rem <= WARN_MS ? "!" : "",
		    clock);
		if (rem <= 0)
			*role = DR_OVERRUN;
		else if (rem <= WARN_MS)
			*role = DR_WARN;
		return;
	}
	if (tz_to_local(a->s->module->timezone, a->now, &l) != 0) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, "%02d:%02d", l.hour, l.minute);
	if (a->cfg->zone != NULL)
		own_clock(a, a->cfg->zone(a), buf, size);
}

/* People checked in today (joining checks in; so does the roll call and
 * any activity): who is in the room, not who ever registered. */
static size_t
present_today(const struct app *a)
{
	const struct state *st = a->s->state;
	int day = state_day_of(st, a->now);
	size_t i, n = 0;

	/* one check-in per participant and day */
	for (i = 0; i < st->ncheckins; i++)
		n += st->checkins[i].day == day && !st->checkins[i].absent;
	return n;
}

#define NARROW_COLS 64	/* below: no session title, fewer separators */

/* The right part of the status line: phase, clock (in its own colour),
 * people here today.  Drawn from column x when `draw`; returns its width. */
static int
status_right(struct app *a, int x, int draw)
{
	WINDOW *w = a->w_status;
	attr_t sa = draw_attr(DR_STATUS), ca;
	enum draw_role clock_role;
	const char *sep = a->cols < NARROW_COLS || draw_plain() ? "  " :
	    " \xe2\x94\x82 ";
	char clock[160], *phase_text, *joined;
	int width;

	status_clock(a, clock, sizeof clock, &clock_role);
	ca = draw_attr(clock_role);
	/* A thin clock (a participant's slow link) is cut out of the bar in
	 * the terminal's own colours: a second then sets and resets no
	 * attribute (28 bytes less), which pays for moving the cursor back
	 * to the focused row after it (screen readers follow the cursor). */
	if (a->cfg->thin_clock && clock_role == DR_STATUS)
		ca = A_NORMAL;
	phase_text = xasprintf("%s%s%s", a->cols < NARROW_COLS ||
	    draw_plain() ? "" : "\xe2\x94\x82 ", phase(a), sep);
	/* Translators: the status line's last part: %s is a separator
	 * (keep it first), then who is present today of everyone
	 * registered. */
	joined = xasprintf(_("%s%zu of %zu here "), sep, present_today(a),
	    a->s->state->nparticipants);
	width = text_width(phase_text) + text_width(clock) + 2 +
	    text_width(joined);
	if (draw) {
		x += draw_text(w, 0, x, a->cols - x, phase_text, sa);
		x += draw_text(w, 0, x, a->cols - x, " ", ca);
		x += draw_text(w, 0, x, a->cols - x, clock, ca |
		    (a->cfg->thin_clock ? A_NORMAL : A_BOLD));
		x += draw_text(w, 0, x, a->cols - x, " ", ca);
		draw_text(w, 0, x, a->cols - x, joined, sa);
	}
	free(phase_text);
	free(joined);
	return width;
}

static void
draw_status(struct app *a)
{
	const struct state *st = a->s->state;
	const struct agenda_item *it = st->agenda_id != NULL ?
	    module_item(a->s->module, st->agenda_id) : NULL;
	const char *title = a->s->set.title != NULL && *a->s->set.title != '\0' ?
	    a->s->set.title : a->s->module->title;
	WINDOW *w = a->w_status;
	attr_t sa = draw_attr(DR_STATUS);
	int rw = status_right(a, 0, 0), right, x = 1, tw;
	char *item;

	werase(w);
	draw_fill(w, 0, 0, a->cols, sa);
	/* The right part keeps at least half the line for the left. */
	right = a->cols - rw < a->cols / 2 ? a->cols / 2 : a->cols - rw;
	status_right(a, right, 1);
	/* The left part: the session's title (a third at most: the agenda
	 * item matters more), then the current item. */
	if (a->cols >= NARROW_COLS) {
		tw = text_width(title);
		if (tw > (right - 2) / 3)
			tw = (right - 2) / 3;
		x += draw_text(w, 0, x, tw, title, sa);
		x += draw_text(w, 0, x, right - 1 - x, draw_plain() ? "  " :
		    " \xe2\x94\x82 ", sa);
	}
	if (it != NULL)
		item = xasprintf("%02d:%02d %s", it->start_min / 60,
		    it->start_min % 60, it->title);
	else
		item = xstrdup(_("agenda not started"));
	draw_text(w, 0, x, right - 1 - x, item, sa | A_BOLD);
	free(item);
	wnoutrefresh(w);
}

/* --- the tabs ------------------------------------------------------------ */

static int
tab_width(const struct screen_ops *ops, size_t i)
{
	char num[8];

	snprintf(num, sizeof num, "%zu ", i + 1);
	return text_width(num) + text_width(_(ops->name)) + 2;
}

/* The first tab shown: the tabs scroll so that the current one is always
 * in sight. */
static size_t
first_tab(const struct app *a)
{
	size_t i, first = 0;
	int need = 0;

	for (i = 0; i <= a->cur; i++)
		need += tab_width(a->cfg->screens[i], i) + 1;
	while (need > a->cols && first < a->cur)
		need -= tab_width(a->cfg->screens[first], first) + 1, first++;
	return first;
}

/* The column where tab i starts (its number), 0 when it is not shown. */
static int
app_tab_x(const struct app *a, size_t i)
{
	size_t k;
	int left = 0;

	for (k = first_tab(a); k < i && k < a->cfg->nscreens; k++)
		left += tab_width(a->cfg->screens[k], k) + 1;
	return left + 1 < a->cols ? left + 1 : 0;
}

int
app_tab_at(const struct app *a, int x)
{
	size_t i;
	int left = 0, w;

	for (i = first_tab(a); i < a->cfg->nscreens && left < a->cols; i++) {
		w = tab_width(a->cfg->screens[i], i);
		if (x >= left && x < left + w)
			return (int)i;
		left += w + 1;
	}
	return -1;
}

static void
draw_tabs(struct app *a)
{
	WINDOW *w = a->w_tabs;
	size_t i, first = first_tab(a);
	int x = 0;

	werase(w);
	for (i = first; i < a->cfg->nscreens && x < a->cols; i++) {
		const struct screen_ops *ops = a->cfg->screens[i];
		attr_t at = draw_attr(i == a->cur ? DR_TAB_ACTIVE : DR_TAB);

		x += draw_textf(w, 0, x, a->cols - x, at, " %zu %s ", i + 1,
		    _(ops->name));
		x++;
	}
	wnoutrefresh(w);
}

/* --- the help overlay ---------------------------------------------------- */

/* The overlay's rows: a heading, then "label  help" for each shown key. */
struct help_rows {
	char **v;
	size_t n, cap;
};

static void
help_add(struct help_rows *h, char *row)
{
	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof *h->v);
	h->v[h->n++] = row;
}

static void
help_table(struct help_rows *h, const char *heading,
    const struct binding *keys)
{
	const struct binding *b;

	if (keys == NULL || keys[0].key == 0)
		return;
	if (h->n > 0)
		help_add(h, xstrdup(""));
	help_add(h, xasprintf("\x01%s", heading));	/* \1: a heading */
	for (b = keys; b->key != 0; b++)
		if (b->label != NULL)
			help_add(h, xasprintf("%-12s %s", b->label,
			    b->help != NULL ? _(b->help) : ""));
}

static void
draw_help(struct app *a)
{
	struct help_rows h = { NULL, 0, 0 };
	int rows = app_body_rows(a), cols, height, x, i;
	size_t k;

	help_table(&h, _(app_current(a)->name), app_current(a)->keys);
	help_table(&h, _("Everywhere"), a->cfg->keys);
	help_table(&h, _("Moving around"), app_keys);
	cols = a->cols - 4 > 72 ? 72 : a->cols - 4;
	height = (int)h.n + 2 > rows ? rows : (int)h.n + 2;
	if (a->help_top > (int)h.n - (height - 2))
		a->help_top = (int)h.n - (height - 2);
	if (a->help_top < 0)
		a->help_top = 0;
	x = (a->cols - cols) / 2;
	draw_box(a->w_body, 0, x, height, cols, _("Keys (any key closes)"),
	    A_NORMAL);
	for (i = 0; i < height - 2 && (size_t)(a->help_top + i) < h.n; i++) {
		const char *row = h.v[a->help_top + i];

		if (row[0] == '\x01')
			draw_text(a->w_body, 1 + i, x + 2, cols - 4, row + 1,
			    draw_attr(DR_HEADING));
		else
			draw_text(a->w_body, 1 + i, x + 2, cols - 4, row,
			    A_NORMAL);
	}
	if (a->help_top + height - 2 < (int)h.n)
		draw_text(a->w_body, height - 1, x + cols - 12, 10,
		    _(" more \xe2\x86\x93 "), A_NORMAL);
	for (k = 0; k < h.n; k++)
		free(h.v[k]);
	free(h.v);
}

/* --- the message line ---------------------------------------------------- */

/* A secret as it is typed: one '*' a character, the cursor after them. */
static void
draw_secret(WINDOW *w, int x, int width, const char *text)
{
	size_t n = text_count_chars(text);
	int i;

	for (i = 0; i < width - 1 && (size_t)i < n; i++)
		mvwaddch(w, 0, x + i, '*');
	wmove(w, 0, x + i);
}

/* A question of app_confirm_key: its hint stays at the right however long
 * the question is (titles of agenda items are), so the keys that say yes
 * are always in sight. */
static void
draw_confirm(struct app *a)
{
	int hint = text_width(a->confirm_hint) + 2;

	if (hint > a->cols / 2)
		hint = a->cols / 2;
	draw_text(a->w_msg, 0, 0, a->cols - hint, a->question,
	    draw_attr(DR_HEADING));
	draw_text_right(a->w_msg, 0, a->cols - hint, hint, a->confirm_hint,
	    draw_attr(DR_HEADING) | A_REVERSE);
}

/* The message line's hint, when there is no message. */
static const char *
hint_text(const struct app *a)
{
	return a->cfg->hint != NULL ? _(a->cfg->hint) : _("? keys   Tab next "
	    "screen   u undo   q quit");
}

static void
draw_msg(struct app *a)
{
	WINDOW *w = a->w_msg;
	int x;

	werase(w);
	leaveok(w, a->mode != MODE_PROMPT);
	if (a->mode == MODE_PROMPT) {
		x = draw_text(w, 0, 0, a->cols / 2, a->question,
		    draw_attr(DR_HEADING));
		x += draw_text(w, 0, x, 1, " ", A_NORMAL);
		if (a->prompt_secret)
			draw_secret(w, x, a->cols - x - 1,
			    prompt_text(a->prompt));
		else
			prompt_draw(a->prompt, w, 0, x, a->cols - x - 1);
		wnoutrefresh(w);
		return;
	}
	if (a->mode == MODE_CONFIRM && a->confirm_hint != NULL)
		draw_confirm(a);
	else if (a->mode == MODE_CONFIRM)
		draw_textf(w, 0, 0, a->cols, draw_attr(DR_HEADING), "%s %s",
		    a->question, _("(y/n)"));
	else if (a->journal_error != NULL)
		draw_text(w, 0, 0, a->cols, a->journal_error,
		    draw_attr(DR_ERROR));
	else if (a->msg != NULL)
		draw_text(w, 0, 0, a->cols, a->msg,
		    draw_attr(a->msg_error ? DR_ERROR : DR_OK));
	else
		draw_text(w, 0, 0, a->cols, hint_text(a), draw_attr(DR_DIM));
	wnoutrefresh(w);
}

const char *
app_hint_shown(const struct app *a)
{
	if (a->mode != MODE_NORMAL || a->journal_error != NULL ||
	    a->msg != NULL)
		return NULL;
	return hint_text(a);
}

/* --- drawing a pass ------------------------------------------------------ */

static void
draw_too_small(struct app *a)
{
	WINDOW *w = a->w_small;
	char *need = xasprintf(_("(%dx%d needed)"), app_min_cols(a),
	    app_min_rows(a));

	werase(w);
	draw_text_centre(w, a->rows / 2 > 0 ? a->rows / 2 - 1 : 0, 0, a->cols,
	    _("terminal too small"), A_BOLD);
	if (a->rows > 1)
		draw_text_centre(w, a->rows / 2, 0, a->cols, need, A_NORMAL);
	free(need);
	/* A question asked (q) must still be seen. */
	if (a->rows > 2 && (a->mode == MODE_CONFIRM || a->mode == MODE_PROMPT))
		draw_textf(w, a->rows - 1, 0, a->cols, draw_attr(DR_HEADING),
		    "%s %s", a->question, a->mode != MODE_CONFIRM ? "" :
		    a->confirm_hint != NULL ? a->confirm_hint : _("(y/n)"));
	wnoutrefresh(w);
}

/* The cursor back on the row a screen named (app_cursor), after whatever
 * else was drawn: refreshing the body last puts it there.  Not while the
 * help overlay covers the body. */
static void
park_cursor(struct app *a)
{
	int on = a->cursor_y >= 0 && a->mode != MODE_HELP;

	leaveok(a->w_body, !on);
	leaveok(a->w_tabs, on);
	if (!on) {
		/* Nothing focused in the body: the current tab is. */
		wmove(a->w_tabs, 0, app_tab_x(a, a->cur));
		wnoutrefresh(a->w_tabs);
		return;
	}
	wmove(a->w_body, a->cursor_y, a->cursor_x);
	wnoutrefresh(a->w_body);
}

/* REQ_UPDATE alone: the screen brings the body up to date in place;
 * 0 when it could not (the body is then drawn whole). */
static int
update_body(struct app *a)
{
	const struct screen_ops *ops = app_current(a);
	int i;

	/* Help and a list to pick from are drawn over the body: a screen
	 * moving its rows would move them too (and draw over them). */
	if (a->dirty & (REQ_REDRAW | REQ_FULL) || !(a->dirty & REQ_UPDATE) ||
	    ops->update == NULL || a->mode == MODE_HELP ||
	    a->mode == MODE_PICK)
		return 0;
	a->cursor_y = a->cursor_x = -1;
	for (i = 0; i < a->nrowmap; i++)
		a->rowmap[i] = -1;
	if (ops->update(a->data[a->cur], a, a->w_body) != 0)
		return 0;
	wnoutrefresh(a->w_body);
	return 1;
}

void
app_draw_pass(struct app *a)
{
	int i;

	if (a->dirty == 0)
		return;
	if (!draw_plain())	/* plain keeps it shown: no bytes each pass */
		curs_set(0);
	if (a->too_small) {
		draw_too_small(a);
	} else {
		if (a->dirty & (REQ_STATUS | REQ_FULL))
			draw_status(a);
		if (a->dirty & REQ_FULL)
			draw_tabs(a);
		if (update_body(a))
			;	/* in place */
		else if (a->dirty & (REQ_REDRAW | REQ_FULL | REQ_UPDATE)) {
			werase(a->w_body);
			a->cursor_y = a->cursor_x = -1;
			for (i = 0; i < a->nrowmap; i++)
				a->rowmap[i] = -1;
			if (app_current(a)->draw != NULL)
				app_current(a)->draw(a->data[a->cur], a, a->w_body);
			if (a->mode == MODE_HELP)
				draw_help(a);
			else if (a->mode == MODE_PICK)
				app_pick_draw(a);
			wnoutrefresh(a->w_body);
		}
		/* The message line last: the prompt's cursor is there. */
		if (a->dirty & REQ_FULL || a->mode == MODE_PROMPT)
			draw_msg(a);
		if (a->mode == MODE_PROMPT)
			curs_set(1);
		else {
			park_cursor(a);
			/* Plain: the cursor is shown where it is parked, for
			 * whoever follows it by eye. */
			if (draw_plain())
				curs_set(1);
		}
	}
	doupdate();
	a->dirty = 0;
}
