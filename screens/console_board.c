/* console_board.c -- the idea board: live, per room and design stage. */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "draw.h"
#include "flow.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "session.h"
#include "state.h"

#define ALL_ROOMS (-2)
#define ALL_STAGES (-1)
#define DETAIL_ROWS 4		/* the highlighted idea in full */

struct board {
	struct listscreen ls;	/* idea indexes shown, in order */
	int room;		/* ALL_ROOMS, -1 plenary, or a room */
	int stage;		/* ALL_STAGES or a design stage */
	int all_threads;	/* every thread, not the current one (T) */
	char *mark_id;		/* the idea to merge into */
	/* What a question (merge, promote, hide) is about, until it is
	 * answered: that idea, whatever is highlighted by then. */
	struct undo_action pending;
	char *pending_id, *pending_ref;
	const char *pending_done;
};
LISTSCREEN_FIRST(struct board, ls);

/* A stage's place in the design cycle; unknown stages come last. */
static int
stage_rank(const char *stage)
{
	int k;

	for (k = 0; k < STAGE_COUNT; k++)
		if (stage != NULL && strcmp(stage, design_stage_name(k)) == 0)
			return k;
	return STAGE_COUNT;
}

static const struct state *sort_state;	/* for qsort's comparison only */

static int
by_room_stage_age(const void *pa, const void *pb)
{
	const struct idea *a = &sort_state->ideas[*(const int *)pa];
	const struct idea *b = &sort_state->ideas[*(const int *)pb];
	int sa, sb;

	if (a->room != b->room)
		return a->room < b->room ? -1 : 1;
	sa = stage_rank(state_idea_stage(sort_state, *(const int *)pa));
	sb = stage_rank(state_idea_stage(sort_state, *(const int *)pb));
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return *(const int *)pa < *(const int *)pb ? -1 : 1;
}

static int
shown(const struct board *b, const struct state *st, int i,
    struct flow_filter *thread)
{
	if (b->room != ALL_ROOMS && st->ideas[i].room != b->room)
		return 0;
	if (!flow_filter_idea(thread, i))
		return 0;
	return b->stage == ALL_STAGES ||
	    stage_rank(state_idea_stage(st, i)) == b->stage;
}

/* Builds the list again, keeping the highlight on the same idea. */
static void
collect(struct board *b, struct app *a)
{
	const struct session *s = app_session(a);
	const struct state *st = s->state;
	struct flow_filter thread;
	size_t i;

	flow_filter_init(&thread, s->module, st, b->all_threads ? NULL :
	    flow_current_thread(s->module, st));
	listscreen_clear(&b->ls);
	for (i = 0; i < st->nideas; i++)
		if (shown(b, st, (int)i, &thread))
			listscreen_add(&b->ls, (int)i);
	sort_state = st;
	if (b->ls.nrows > 1)
		qsort(b->ls.rows, b->ls.nrows, sizeof *b->ls.rows,
		    by_room_stage_age);
	sort_state = NULL;
	listscreen_rows_done(&b->ls, st);
}

static void *
board_init(struct app *a)
{
	struct board *b = xcalloc(1, sizeof *b);

	listscreen_init(&b->ls, listscreen_idea_id);
	b->room = app_room(a) >= 0 ? app_room(a) : ALL_ROOMS;
	b->stage = ALL_STAGES;
	collect(b, a);
	return b;
}

static void
board_fini(void *self)
{
	struct board *b = self;

	listscreen_free(&b->ls);
	free(b->mark_id);
	free(b->pending_id);
	free(b->pending_ref);
	free(b);
}

static void
board_changed(void *self, struct app *a)
{
	collect(self, a);
}

static void
board_resize(void *self, struct app *a, int rows, int cols)
{
	struct board *b = self;

	(void)a;
	(void)cols;
	listview_set_height(&b->ls.lv, rows > DETAIL_ROWS + 3 ?
	    (size_t)(rows - DETAIL_ROWS - 2) : rows > 2 ? (size_t)rows - 1 :
	    0);
}

/* --- drawing ------------------------------------------------------------- */

static int
authors_shown(struct app *a)
{
	const struct session *s = app_session(a);

	return console_of(a)->show_authors && !s->set.anonymous &&
	    !s->state->anonymous;
}

static const char *
author_name(struct app *a, const struct idea *it)
{
	const struct state *st = app_session(a)->state;

	return it->author >= 0 ? st->participants[it->author].name :
	    _("facilitator");
}

/* What the idea is besides its text: "prototype", "hidden"... */
static void
tags(struct app *a, const struct idea *it, char *buf, size_t size)
{
	const struct state *st = app_session(a)->state;

	buf[0] = '\0';
	if (it->merged_into >= 0)
		snprintf(buf, size, _("[merged into %s] "),
		    state_idea_id(st, it->merged_into).s);
	if (it->prototype)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s",
		    _("[prototype] "));
	if (it->hidden)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s",
		    _("[hidden] "));
	if (it->withdrawn)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s",
		    _("[withdrawn] "));
}

static void
draw_idea(struct board *b, struct app *a, WINDOW *w, int y, int cols,
    size_t k)
{
	const struct idea *it = &app_session(a)->state->ideas[b->ls.rows[k]];
	int sel = k == b->ls.lv.sel, marked = b->mark_id != NULL &&
	    strcmp(b->mark_id, state_id_of_idea(it).s) == 0,
	    dim = it->hidden ||
	    it->withdrawn || it->merged_into >= 0;
	int right = cols >= 70 ? (authors_shown(a) ? 36 : 22) : 0, x;
	attr_t at = sel ? draw_attr(DR_SELECTED) : dim ? draw_attr(DR_DIM) :
	    it->prototype ? draw_attr(DR_CURRENT) : A_NORMAL;
	const char *stage;
	char tg[128];

	if (sel)
		draw_fill(w, y, 0, cols, at);
	draw_text(w, y, 0, 2, marked ? "\xe2\x97\x86" : " ",	/* ◆ */
	    sel || !marked ? at : draw_attr(DR_MARK));
	tags(a, it, tg, sizeof tg);
	x = 2 + draw_text(w, y, 2, cols - 2 - right, tg, sel ? at :
	    draw_attr(DR_WARN));
	draw_text(w, y, x, cols - x - right - 1,
	    state_idea_text(app_session(a)->state, b->ls.rows[k]), at);
	if (right == 0)
		return;
	draw_textf(w, y, cols - right, 11, sel ? at : draw_attr(DR_DIM), "%s",
	    console_room_name(a, it->room));
	stage = design_stage_label(state_idea_stage(app_session(a)->state,
	    b->ls.rows[k]));
	draw_text(w, y, cols - right + 11, 10, *stage != '\0' ? stage : "-",
	    sel ? at : draw_attr(DR_DIM));
	if (authors_shown(a))
		draw_text(w, y, cols - right + 22, 14, author_name(a, it),
		    sel ? at : draw_attr(DR_DIM));
}

static void
draw_detail(struct board *b, struct app *a, WINDOW *w, int y, int cols)
{
	const struct idea *it = listscreen_idea(&b->ls, a);
	const char *stage = design_stage_label(state_idea_stage(
	    app_session(a)->state, listscreen_item(&b->ls)));
	char when[16];

	wattrset(w, draw_attr(DR_DIM));
	draw_hline(w, y, 0, cols);
	wattrset(w, A_NORMAL);
	if (it == NULL)
		return;
	console_hhmm(a, it->created_at, when, sizeof when);
	if (authors_shown(a))
		draw_textf(w, y + 1, 0, cols, draw_attr(DR_HEADING),
		    _("%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 by %s"),
		    state_id_of_idea(it).s, console_room_name(a, it->room),
		    *stage != '\0' ?
		    stage : "-", when, author_name(a, it));
	else
		draw_textf(w, y + 1, 0, cols, draw_attr(DR_HEADING),
		    "%s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s",
		    state_id_of_idea(it).s,
		    console_room_name(a, it->room), *stage != '\0' ?
		    stage : "-", when);
	draw_wrapped(w, y + 2, 0, cols, 0, DETAIL_ROWS - 2,
	    state_idea_text(app_session(a)->state, listscreen_item(&b->ls)),
	    A_NORMAL);
}

static const char *
stage_label(int stage)
{
	return stage == ALL_STAGES ? _("all stages") :
	    stage >= STAGE_COUNT ? _("no stage") :
	    design_stage_label(design_stage_name(stage));
}

static const char *
thread_label(const struct board *b, struct app *a)
{
	const struct session *s = app_session(a);
	const char *t = flow_current_thread(s->module, s->state);

	if (b->all_threads || t == NULL)
		return _("every thread");
	return t;
}

static void
board_draw(void *self, struct app *a, WINDOW *w)
{
	struct board *b = self;
	int rows, cols, list_rows;
	size_t i;

	getmaxyx(w, rows, cols);
	draw_textf(w, 0, 0, cols, draw_attr(DR_DIM),
	    /* Translators: the number of ideas, the thread, the room, the
	     * stage, "shown" or "hidden", "every thread" or "this
	     * thread". */
	    ngettext("%zu idea \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 "
	    "authors %s \xc2\xb7 projector: %s", "%zu ideas \xc2\xb7 %s \xc2\xb7 "
	    "%s \xc2\xb7 %s \xc2\xb7 authors %s \xc2\xb7 projector: %s",
	    b->ls.nrows),
	    b->ls.nrows, thread_label(b, a), b->room == ALL_ROOMS ?
	    _("all rooms") : console_room_name(a, b->room),
	    stage_label(b->stage), authors_shown(a) ? _("shown") :
	    _("hidden"), app_session(a)->state->projector_all ?
	    _("every thread") : _("this thread"));
	if (b->ls.nrows == 0)
		draw_text(w, 2, 2, cols - 2, _("No ideas here yet: they appear "
		    "as participants add them."), A_NORMAL);
	list_rows = (int)b->ls.lv.height;
	for (i = 0; i < listview_visible(&b->ls.lv) && (int)i < list_rows; i++) {
		draw_idea(b, a, w, 1 + (int)i, cols, b->ls.lv.top + i);
		app_row(a, 1 + (int)i, b->ls.lv.top + i,
		    b->ls.lv.top + i == b->ls.lv.sel);
	}
	if (rows > DETAIL_ROWS + 3)
		draw_detail(b, a, w, rows - DETAIL_ROWS, cols);
}

/* --- keys ---------------------------------------------------------------- */

static int
key_room(void *self, struct app *a)
{
	struct board *b = self;
	int n = (int)app_session(a)->state->nrooms;

	/* all rooms -> plenary -> room 1 ... -> all rooms */
	b->room = b->room + 1 < n ? b->room + 1 : ALL_ROOMS;
	collect(b, a);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_threads(void *self, struct app *a)
{
	struct board *b = self;

	b->all_threads = !b->all_threads;
	collect(b, a);
	return REQ_HANDLED | REQ_REDRAW;
}

/* The projector's wall: the current thread or every thread, for the whole
 * room (a journal record, so every projector follows). */
static int
key_projector(void *self, struct app *a)
{
	const struct session *s = app_session(a);
	char *err = NULL;
	int all = !s->state->projector_all;

	(void)self;
	return app_report(a, cmd_projector(app_session(a), all ? "all" :
	    "thread", &err), err, all ? _("the projector shows every thread") :
	    _("the projector shows the current thread"));
}

static int
key_stage(void *self, struct app *a)
{
	struct board *b = self;

	b->stage = b->stage + 1 <= STAGE_COUNT ? b->stage + 1 : ALL_STAGES;
	collect(b, a);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
no_idea(struct app *a)
{
	app_message(a, "%s", _("no idea is highlighted"));
	return REQ_HANDLED;
}

static int
key_mark(void *self, struct app *a)
{
	struct board *b = self;
	const struct idea *it = listscreen_idea(&b->ls, a);
	struct state_id id;

	if (it == NULL)
		return no_idea(a);
	id = state_id_of_idea(it);
	if (b->mark_id != NULL && strcmp(b->mark_id, id.s) == 0) {
		free(b->mark_id);
		b->mark_id = NULL;
		app_message(a, "%s", _("mark removed"));
	} else {
		free(b->mark_id);
		b->mark_id = xstrdup(id.s);
		app_message(a, _("%s is marked: m on a duplicate merges it "
		    "into %s"), id.s, id.s);
	}
	return REQ_HANDLED | REQ_REDRAW;
}

static void
ask_done(void *self, struct app *a, int yes)
{
	struct board *b = self;

	if (yes) {
		b->pending.id = b->pending_id;
		b->pending.ref = b->pending_ref;
		console_act(a, &b->pending, b->pending_done);
	}
	free(b->pending_id);
	free(b->pending_ref);
	b->pending_id = b->pending_ref = NULL;
}

/* Merging, promoting and hiding change what everyone sees and votes on:
 * they ask first (`key` again or Enter says yes).  Their way back (unmerge,
 * take back, show) does not ask. */
static int
ask(struct board *b, struct app *a, const struct undo_action *act,
    const char *question, int key, const char *done)
{
	free(b->pending_id);
	free(b->pending_ref);
	b->pending = *act;
	b->pending_id = xstrdup(act->id);
	b->pending_ref = act->ref != NULL ? xstrdup(act->ref) : NULL;
	b->pending_done = done;
	app_confirm_key(a, question, key, ask_done, b);
	return REQ_HANDLED;
}

static int
key_merge(void *self, struct app *a)
{
	struct board *b = self;
	const struct idea *it = listscreen_idea(&b->ls, a);
	struct undo_action act = { .kind = UNDO_IDEA_MERGE };
	struct state_id id;
	char *q;
	int req;

	if (it == NULL)
		return no_idea(a);
	id = state_id_of_idea(it);
	act.id = id.s;
	if (b->mark_id == NULL) {
		if (it->merged_into < 0) {
			app_message(a, "%s", _("x marks the idea to merge "
			    "into, then m on a duplicate merges it"));
			return REQ_HANDLED;
		}
		act.ref = "";		/* unmerge */
		return console_act(a, &act, _("merge undone"));
	}
	act.ref = b->mark_id;
	q = xasprintf(_("Merge %s into %s, as its duplicate?"), id.s,
	    b->mark_id);
	req = ask(b, a, &act, q, 'm', _("merged"));
	free(q);
	return req;
}

static int
flag(struct board *b, struct app *a, const struct idea *it,
    enum undo_kind kind, int on, const char *done)
{
	struct undo_action act = { .kind = kind };
	struct state_id id = state_id_of_idea(it);
	char *q;
	int req;

	act.id = id.s;
	act.n = on;
	if (!on)
		return console_act(a, &act, done);
	q = kind == UNDO_IDEA_HIDE ?
	    xasprintf(_("Hide %s from every screen?"), id.s) :
	    xasprintf(_("Promote %s to prototype?"), id.s);
	req = ask(b, a, &act, q, kind == UNDO_IDEA_HIDE ? 'h' : 'P', done);
	free(q);
	return req;
}

static int
key_promote(void *self, struct app *a)
{
	const struct idea *it = listscreen_idea(self, a);

	if (it == NULL)
		return no_idea(a);
	return flag(self, a, it, UNDO_IDEA_PROMOTE, !it->prototype,
	    it->prototype ? _("no longer a prototype") :
	    _("promoted to prototype"));
}

static int
key_hide(void *self, struct app *a)
{
	const struct idea *it = listscreen_idea(self, a);

	if (it == NULL)
		return no_idea(a);
	return flag(self, a, it, UNDO_IDEA_HIDE, !it->hidden, it->hidden ?
	    _("shown again") : _("hidden from every screen"));
}

static void
edit_done(void *self, struct app *a, const char *text)
{
	struct board *b = self;
	struct undo_action act = { .kind = UNDO_IDEA_EDIT,
	    .actor = ACTOR_FACILITATOR };

	if (text == NULL || b->ls.sel_id == NULL)
		return;
	act.id = b->ls.sel_id;
	act.text = text;
	console_act(a, &act, _("idea edited"));
}

static int
key_edit(void *self, struct app *a)
{
	struct board *b = self;
	const struct idea *it = listscreen_idea(&b->ls, a);

	if (it == NULL)
		return no_idea(a);
	listscreen_remember(&b->ls, app_session(a)->state);
	app_prompt(a, _("Edit:"), state_idea_text(app_session(a)->state,
	    listscreen_item(&b->ls)), edit_done, b);
	return REQ_HANDLED;
}

static void
add_done(void *self, struct app *a, const char *text)
{
	struct board *b = self;
	struct undo_action act = { .kind = UNDO_IDEA_ADD,
	    .actor = ACTOR_FACILITATOR };

	if (text == NULL || *text == '\0')
		return;
	act.room = b->room >= 0 ? app_session(a)->state->rooms[b->room].id :
	    NULL;
	act.text = text;
	console_act(a, &act, _("idea added"));
}

static int
key_add(void *self, struct app *a)
{
	app_prompt(a, _("New idea:"), NULL, add_done, self);
	return REQ_HANDLED;
}

static int
key_authors(void *self, struct app *a)
{
	struct console *c = console_of(a);
	const struct session *s = app_session(a);

	(void)self;
	if (s->set.anonymous || s->state->anonymous) {
		app_message(a, "%s", _("this session is anonymous: authors are "
		    "never shown"));
		return REQ_HANDLED;
	}
	c->show_authors = !c->show_authors;
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding board_keys[] = {
	LISTSCREEN_MOVE_KEYS(N_("move")),
	LISTSCREEN_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_END_KEYS(N_("first / last idea")),
	{ 'f', "f", N_("show all rooms / the plenary / one room"), key_room },
	{ 's', "s", N_("show all stages / one design stage"), key_stage },
	{ 'T', "T", N_("show the current thread / every thread"),
	    key_threads },
	{ 'W', "W", N_("the projector's wall: every thread / the current "
	    "thread"), key_projector },
	{ 'x', "x", N_("mark the idea to merge duplicates into"), key_mark },
	{ 'm', "m", N_("merge into the marked idea, asks first (on a "
	    "merged one: unmerge)"), key_merge },
	{ 'P', "P", N_("promote to prototype (asks first) / take back"), key_promote },
	{ 'h', "h", N_("hide (asks first) / show the idea"), key_hide },
	{ '\r', "Enter", N_("edit the idea"), key_edit },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_edit },
	{ 'i', "i", N_("add an idea (as the facilitator)"), key_add },
	{ 'a', "a", N_("show / hide authors (never when anonymous)"),
	    key_authors },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_board = {
	.name = N_("Board"),
	.keys = board_keys,
	.init = board_init,
	.fini = board_fini,
	.resize = board_resize,
	.draw = board_draw,
	.changed = board_changed,
	.click = listscreen_click,
};
