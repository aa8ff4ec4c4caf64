/* console_rollcall.c -- who is here today. */
#include "console.h"

#include <stdlib.h>
#include <string.h>

#include "countries.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "search.h"
#include "session.h"
#include "state.h"

struct rollcall {
	struct listscreen ls;	/* participant indexes shown */
	char *filter;		/* part of a name, country or organisation */
};
LISTSCREEN_FIRST(struct rollcall, ls);

/* Found by a word of the name or organisation, or by the country's code,
 * English or local name (search.h). */
static int
person_matches(const struct participant *p, const struct search *q)
{
	return search_rank(q, p->name) != SEARCH_NONE ||
	    search_rank(q, p->org) != SEARCH_NONE ||
	    (p->country != NULL && country_code_search(p->country, q) !=
	    SEARCH_NONE);
}

static void
collect(struct rollcall *rc, struct app *a)
{
	const struct state *st = app_session(a)->state;
	struct search *q = search_new(rc->filter);
	size_t i;

	listscreen_clear(&rc->ls);
	for (i = 0; i < st->nparticipants; i++) {
		const struct participant *p = &st->participants[i];

		if (!search_empty(q) && !person_matches(p, q))
			continue;
		listscreen_add(&rc->ls, (int)i);
	}
	search_free(q);
	listscreen_rows_done(&rc->ls, st);
}

static void *
rollcall_init(struct app *a)
{
	struct rollcall *rc = xcalloc(1, sizeof *rc);

	listscreen_init(&rc->ls, listscreen_participant_id);
	collect(rc, a);
	return rc;
}

static void
rollcall_fini(void *self)
{
	struct rollcall *rc = self;

	listscreen_free(&rc->ls);
	free(rc->filter);
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
	listview_set_height(&rc->ls.lv, rows > 2 ? (size_t)rows - 2 : 0);
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
		present += state_present(st, (int)i, day);
	if (day < 1 || day > app_session(a)->module->days)
		draw_textf(w, 0, 0, cols, draw_attr(DR_WARN), _("The workshop "
		    "is not on today (day 1 is %s): no roll call."),
		    app_session(a)->set.start);
	else
		draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING), _("Day %d: "
		    "%zu of %zu present%s%s"), day, present, st->nparticipants,
		    rc->filter != NULL ? _(" \xc2\xb7 showing ") : "",
		    rc->filter != NULL ? rc->filter : "");
	/* the console counts them every 10 s (console.c, watch_guessing) */
	if (console_of(a)->polling > 0)
		draw_textf(w, 1, 0, cols, draw_attr(DR_WARN), ngettext("%d "
		    "terminal polls the journal: it sees changes up to 100 ms "
		    "late", "%d terminals poll the journal: they see changes up "
		    "to 100 ms late", console_of(a)->polling),
		    console_of(a)->polling);
	if (st->nparticipants == 0)
		draw_text(w, 2, 2, cols - 2, _("Nobody has registered yet."),
		    A_NORMAL);
	for (i = 0; i < listview_visible(&rc->ls.lv) && 2 + (int)i < rows;
	    i++) {
		size_t k = rc->ls.lv.top + i;
		const struct participant *p =
		    &st->participants[rc->ls.rows[k]];
		const struct checkin *ci = state_checkin(st, rc->ls.rows[k],
		    day);
		int absent = ci != NULL && ci->absent;
		attr_t at = k == rc->ls.lv.sel ? draw_attr(DR_SELECTED) :
		    ci != NULL && !absent ? A_NORMAL : draw_attr(DR_DIM);
		char seen[16];
		int y = 2 + (int)i;

		if (k == rc->ls.lv.sel)
			draw_fill(w, y, 0, cols, at);
		app_row(a, y, k, k == rc->ls.lv.sel);
		/* ✓ present, ✗ marked absent, · not seen: not by colour
		 * alone */
		draw_text(w, y, 1, 2, absent ? "\xe2\x9c\x97" : ci != NULL ?
		    "\xe2\x9c\x93" : "\xc2\xb7", k == rc->ls.lv.sel ? at :
		    ci != NULL && !absent ? draw_attr(DR_OK) : at);
		x = 4 + draw_text(w, y, 4, cols / 2 - 4, p->name, at);
		draw_textf(w, y, x + 1, cols - x - 20, at, "%s%s%s",
		    country_display(p->country), *p->org != '\0' ?
		    " \xc2\xb7 " : "", p->org);
		if (cols >= 60)
			draw_text(w, y, cols - 18, 10, p->room >= 0 ?
			    console_room_name(a, p->room) : "", at);
		if (absent)
			draw_text_right(w, y, cols - 7, 6, _("absent"), at);
		else if (ci != NULL) {
			console_hhmm(a, ci->first_seen, seen, sizeof seen);
			draw_text_right(w, y, cols - 7, 6, seen, at);
		}
	}
}

/* --- keys ---------------------------------------------------------------- */

/* The roll call's word on the highlighted person today: present or
 * absent, which holds over what they do until said otherwise. */
static int
mark(struct rollcall *rc, struct app *a, int present)
{
	const struct state *st = app_session(a)->state;
	char *err = NULL;
	int p = listscreen_item(&rc->ls), day = today(a), r;
	const struct checkin *ci;

	if (p < 0)
		return REQ_HANDLED;
	ci = state_checkin(st, p, day);
	if (ci != NULL && (present ? !ci->absent : ci->absent)) {
		app_message(a, present ? _("%s is marked present already") :
		    _("%s is marked absent already"), st->participants[p].name);
		return REQ_HANDLED;
	}
	r = cmd_rollcall(app_session(a), st->participants[p].id, present,
	    &err);
	if (r == 0) {
		listview_move(&rc->ls.lv, 1);	/* on to the next name */
		listscreen_remember(&rc->ls, app_session(a)->state);
	}
	return app_report(a, r, err, present ? _("marked present") :
	    _("marked absent"));
}

SCREEN_KEY(key_present, mark, 1)
SCREEN_KEY(key_absent, mark, 0)

static void
filter_done(void *self, struct app *a, const char *text)
{
	struct rollcall *rc = self;

	if (text == NULL)
		return;
	free(rc->filter);
	rc->filter = *text != '\0' ? xstrdup(text) : NULL;
	collect(rc, a);
	listview_home(&rc->ls.lv);
	listscreen_remember(&rc->ls, app_session(a)->state);
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
	LISTSCREEN_MOVE_KEYS(N_("move")),
	LISTSCREEN_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_END_KEYS(N_("first / last person")),
	{ ' ', "Space Enter", N_("mark present today"), key_present },
	{ 'x', "x", N_("mark absent today (holds over what they do)"),
	    key_absent },
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
	.click = listscreen_click,
};
