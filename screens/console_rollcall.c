/* console_rollcall.c -- who is here today. */
#include "console.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "session.h"
#include "state.h"

struct rollcall {
	int *people;		/* participant indexes shown */
	size_t npeople, cappeople;
	struct listview lv;
	char *filter;		/* part of a name, country or organisation */
	char *sel_id;
};

/* ASCII letters compare without case; any script matches byte for byte. */
static int
contains(const char *hay, const char *needle)
{
	size_t i, k, n = strlen(needle);

	for (i = 0; hay[i] != '\0'; i++) {
		for (k = 0; k < n && hay[i + k] != '\0' &&
		    tolower((unsigned char)hay[i + k]) ==
		    tolower((unsigned char)needle[k]); k++)
			;
		if (k == n)
			return 1;
	}
	return n == 0;
}

static void
collect(struct rollcall *rc, struct app *a)
{
	const struct state *st = app_session(a)->state;
	size_t i;

	rc->npeople = 0;
	for (i = 0; i < st->nparticipants; i++) {
		const struct participant *p = &st->participants[i];

		if (rc->filter != NULL && !contains(p->name, rc->filter) &&
		    !contains(p->country, rc->filter) &&
		    !contains(p->org, rc->filter))
			continue;
		rc->people = xgrow(rc->people, &rc->cappeople, rc->npeople + 1,
		    sizeof *rc->people);
		rc->people[rc->npeople++] = (int)i;
	}
	listview_set_count(&rc->lv, rc->npeople);
	if (rc->sel_id != NULL)
		for (i = 0; i < rc->npeople; i++)
			if (strcmp(st->participants[rc->people[i]].id,
			    rc->sel_id) == 0)
				listview_select(&rc->lv, i);
}

static void *
rollcall_init(struct app *a)
{
	struct rollcall *rc = xcalloc(1, sizeof *rc);

	listview_init(&rc->lv);
	collect(rc, a);
	return rc;
}

static void
rollcall_fini(void *self)
{
	struct rollcall *rc = self;

	free(rc->people);
	free(rc->filter);
	free(rc->sel_id);
	free(rc);
}

static void
rollcall_changed(void *self, struct app *a)
{
	collect(self, a);
}

static void
rollcall_resize(void *self, struct app *a, int rows, int cols)
{
	struct rollcall *rc = self;

	(void)a;
	(void)cols;
	listview_set_height(&rc->lv, rows > 2 ? (size_t)rows - 2 : 0);
}

static int
today(struct app *a)
{
	return state_day_of(app_session(a)->state, app_now(a));
}

static void
rollcall_draw(void *self, struct app *a, WINDOW *w)
{
	struct rollcall *rc = self;
	const struct state *st = app_session(a)->state;
	int rows, cols, day = today(a), x;
	size_t i, present = 0;

	getmaxyx(w, rows, cols);
	for (i = 0; i < st->nparticipants; i++)
		present += state_checkin(st, (int)i, day) != NULL;
	if (day < 1 || day > app_session(a)->module->days)
		draw_textf(w, 0, 0, cols, draw_attr(DR_WARN), _("The workshop "
		    "is not on today (day 1 is %s): no roll call."),
		    app_session(a)->set.start);
	else
		draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING), _("Day %d: "
		    "%zu of %zu present%s%s"), day, present, st->nparticipants,
		    rc->filter != NULL ? _(" \xc2\xb7 showing ") : "",
		    rc->filter != NULL ? rc->filter : "");
	if (st->nparticipants == 0)
		draw_text(w, 2, 2, cols - 2, _("Nobody has registered yet."),
		    A_NORMAL);
	for (i = 0; i < listview_visible(&rc->lv) && 2 + (int)i < rows; i++) {
		size_t k = rc->lv.top + i;
		const struct participant *p =
		    &st->participants[rc->people[k]];
		const struct checkin *ci = state_checkin(st, rc->people[k],
		    day);
		attr_t at = k == rc->lv.sel ? draw_attr(DR_SELECTED) :
		    ci != NULL ? A_NORMAL : draw_attr(DR_DIM);
		char seen[16];
		int y = 2 + (int)i;

		if (k == rc->lv.sel)
			draw_fill(w, y, 0, cols, at);
		draw_text(w, y, 1, 2, ci != NULL ? "\xe2\x9c\x93" : "\xc2\xb7",
		    k == rc->lv.sel ? at : ci != NULL ? draw_attr(DR_OK) : at);
		x = 4 + draw_text(w, y, 4, cols / 2 - 4, p->name, at);
		draw_textf(w, y, x + 1, cols - x - 20, at, "%s%s%s",
		    p->country, *p->org != '\0' ? " \xc2\xb7 " : "", p->org);
		if (cols >= 60)
			draw_text(w, y, cols - 18, 10, p->room >= 0 ?
			    console_room_name(a, p->room) : "", at);
		if (ci != NULL) {
			console_hhmm(a, ci->first_seen, seen, sizeof seen);
			draw_text_right(w, y, cols - 7, 6, seen, at);
		}
	}
}

/* --- keys ---------------------------------------------------------------- */

static int
moved(struct rollcall *rc, struct app *a)
{
	free(rc->sel_id);
	rc->sel_id = rc->npeople > 0 ? xstrdup(app_session(a)->state->
	    participants[rc->people[rc->lv.sel]].id) : NULL;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_down(void *self, struct app *a)
{
	listview_move(&((struct rollcall *)self)->lv, 1);
	return moved(self, a);
}

static int
key_up(void *self, struct app *a)
{
	listview_move(&((struct rollcall *)self)->lv, -1);
	return moved(self, a);
}

static int
key_pgdn(void *self, struct app *a)
{
	listview_page(&((struct rollcall *)self)->lv, 1);
	return moved(self, a);
}

static int
key_pgup(void *self, struct app *a)
{
	listview_page(&((struct rollcall *)self)->lv, -1);
	return moved(self, a);
}

static int
key_home(void *self, struct app *a)
{
	listview_home(&((struct rollcall *)self)->lv);
	return moved(self, a);
}

static int
key_end(void *self, struct app *a)
{
	listview_end(&((struct rollcall *)self)->lv);
	return moved(self, a);
}

static int
key_present(void *self, struct app *a)
{
	struct rollcall *rc = self;
	const struct state *st = app_session(a)->state;
	struct undo_action act = { .kind = UNDO_CHECKIN };
	int p;

	if (rc->npeople == 0)
		return REQ_HANDLED;
	p = rc->people[rc->lv.sel];
	if (state_checkin(st, p, today(a)) != NULL) {
		app_message(a, _("%s is marked present already"),
		    st->participants[p].name);
		return REQ_HANDLED;
	}
	act.id = st->participants[p].id;
	moved(rc, a);
	listview_move(&rc->lv, 1);	/* on to the next name */
	moved(rc, a);
	return console_act(a, &act, _("marked present"));
}

static void
filter_done(void *self, struct app *a, const char *text)
{
	struct rollcall *rc = self;

	if (text == NULL)
		return;
	free(rc->filter);
	rc->filter = *text != '\0' ? xstrdup(text) : NULL;
	collect(rc, a);
	listview_home(&rc->lv);
	moved(rc, a);
}

static int
key_filter(void *self, struct app *a)
{
	struct rollcall *rc = self;

	app_prompt(a, _("Find (name, country, organisation; empty: all):"),
	    rc->filter, filter_done, rc);
	return REQ_HANDLED;
}

static const struct binding rollcall_keys[] = {
	{ 'j', "j k Down Up", N_("move"), key_down },
	{ KEYCODE(KEY_DOWN), NULL, NULL, key_down },
	{ 'k', NULL, NULL, key_up },
	{ KEYCODE(KEY_UP), NULL, NULL, key_up },
	{ KEYCODE(KEY_NPAGE), "PgDn PgUp", N_("a page down / up"), key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	{ KEYCODE(KEY_HOME), "Home End", N_("first / last person"), key_home },
	{ KEYCODE(KEY_END), NULL, NULL, key_end },
	{ ' ', "Space Enter", N_("mark present today (cannot be undone)"),
	    key_present },
	{ '\r', NULL, NULL, key_present },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_present },
	{ '/', "/", N_("find people by name, country or organisation"),
	    key_filter },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_rollcall = {
	.name = N_("Roll call"),
	.keys = rollcall_keys,
	.init = rollcall_init,
	.fini = rollcall_fini,
	.resize = rollcall_resize,
	.draw = rollcall_draw,
	.changed = rollcall_changed,
};
