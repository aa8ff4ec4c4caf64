/* console_voting.c -- voting rounds: blind while open, ranked when
 * revealed. */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>

#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "results.h"
#include "session.h"
#include "state.h"
#include "wall.h"

#define HEAD_ROWS 5

struct voting {
	struct listview lv;	/* first: the listscreen_view_ keys move it */
	int round;		/* shown round, -1: follow the current one */
	struct ranked *ranked;	/* results of the shown round, if revealed */
	size_t nranked;
};
LISTSCREEN_VIEW_FIRST(struct voting, lv);

static void *
voting_init(struct app *a)
{
	struct voting *v = xcalloc(1, sizeof *v);

	(void)a;
	v->round = -1;
	listview_init(&v->lv);
	return v;
}

static void
voting_fini(void *self)
{
	struct voting *v = self;

	free(v->ranked);
	free(v);
}

static int
shown_round(const struct voting *v, struct app *a)
{
	const struct state *st = app_session(a)->state;

	if (v->round >= 0 && (size_t)v->round < st->nrounds)
		return v->round;
	return st->current_round;
}

/* The results, only ever for a revealed round (blind voting). */
static void
rank(struct voting *v, struct app *a)
{
	const struct state *st = app_session(a)->state;
	int r = shown_round(v, a);

	free(v->ranked);
	v->ranked = NULL;
	v->nranked = 0;
	if (r >= 0 && st->rounds[r].revealed)
		results_rank(st, r, &v->ranked, &v->nranked);
	listview_set_count(&v->lv, v->nranked);
}

static void
voting_changed(void *self, struct app *a)
{
	rank(self, a);
}

static void
voting_enter(void *self, struct app *a)
{
	rank(self, a);
}

static void
voting_resize(void *self, struct app *a, int rows, int cols)
{
	struct voting *v = self;

	(void)a;
	(void)cols;
	listview_set_height(&v->lv, rows > HEAD_ROWS ?
	    (size_t)(rows - HEAD_ROWS) : 0);
}

/* --- drawing ------------------------------------------------------------- */

/* People who may vote in a round, and the dots they have not cast. */
static void
turnout(struct app *a, const struct round *r, size_t *eligible,
    long *dots_left)
{
	const struct state *st = app_session(a)->state;
	size_t i;
	int spent;

	*eligible = 0;
	*dots_left = 0;
	for (i = 0; i < st->nparticipants; i++) {
		if (r->room >= 0 && st->participants[i].room != r->room)
			continue;
		(*eligible)++;
		spent = round_spent(r, (int)i);
		*dots_left += r->budget > spent ? r->budget - spent : 0;
	}
}

static void
draw_meter(WINDOW *w, int y, int cols, const char *label, long value,
    long max)
{
	int x = 24;		/* the bars line up */
	int bar = cols - x - 2 > 40 ? 40 : cols - x - 2;

	draw_text(w, y, 0, x - 1, label, A_NORMAL);

	if (bar > 4)
		draw_bar(w, y, x, bar, value, max > 0 ? max : 1,
		    draw_attr(DR_BAR));
}

static void
draw_head(struct voting *v, struct app *a, WINDOW *w, int cols, int ri)
{
	const struct round *r = &app_session(a)->state->rounds[ri];
	size_t eligible;
	long left;
	char since[16], *line;
	int voters = round_voters(r);

	(void)v;
	draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
	    /* Translators: a round's id, its room, " · prototypes only"
	     * or nothing, its budget of dots. */
	    ngettext("Round %s \xc2\xb7 %s%s \xc2\xb7 %d dot each",
	    "Round %s \xc2\xb7 %s%s \xc2\xb7 %d dots each",
	    (unsigned long)r->budget), r->id,
	    console_room_name(a, r->room), r->prototypes_only ?
	    _(" \xc2\xb7 prototypes only") : "", r->budget);
	turnout(a, r, &eligible, &left);
	if (r->open) {
		console_hhmm(a, r->opened_at, since, sizeof since);
		draw_textf(w, 1, 0, cols, draw_attr(DR_CURRENT), _("Voting "
		    "is open since %s. Blind: the tallies stay hidden until r "
		    "reveals them."), since);
	} else if (!r->revealed)
		draw_text(w, 1, 0, cols, _("Voting is closed. r reveals the "
		    "results; v opens a new round."), draw_attr(DR_WARN));
	else
		draw_text(w, 1, 0, cols, _("Results, revealed:"),
		    draw_attr(DR_CURRENT));
	line = xasprintf(_("Voted: %d of %zu"), voters, eligible);
	draw_meter(w, 2, cols, line, voters, (long)eligible);
	free(line);
	line = xasprintf(_("Dots left: %ld of %ld"), left,
	    (long)eligible * r->budget);
	draw_meter(w, 3, cols, line, left, (long)eligible * r->budget);
	free(line);
}

static void
draw_result(struct voting *v, struct app *a, WINDOW *w, int y, int cols,
    size_t k)
{
	const struct state *st = app_session(a)->state;
	const struct ranked *rk = &v->ranked[k];
	int bar = cols / 4 > 30 ? 30 : cols / 4, x;
	attr_t at = k == v->lv.sel ? draw_attr(DR_SELECTED) : A_NORMAL;
	char *label;

	if (k == v->lv.sel)
		draw_fill(w, y, 0, cols, at);
	draw_textf(w, y, 0, 6, at, "%3d%s ", rk->rank, rk->tie ? "=" : ".");
	x = 6;
	draw_bar(w, y, x, bar, rk->dots, v->ranked[0].dots,
	    draw_attr(DR_BAR));
	x += bar + 1;
	draw_textf(w, y, x, 9, at, ngettext("%3d dot", "%3d dots", rk->dots),
	    rk->dots);
	x += 9;
	draw_textf(w, y, x, 12, draw_attr(DR_DIM), ngettext("%d person",
	    "%d people", rk->voters), rk->voters);
	x += 12;
	label = wall_idea_label(st, rk->idea,
	    st->rounds[st->current_round].prototypes_only);
	draw_text(w, y, x, cols - x, label, at);
	free(label);
}

static void
voting_draw(void *self, struct app *a, WINDOW *w)
{
	struct voting *v = self;
	const struct state *st = app_session(a)->state;
	int rows, cols, ri = shown_round(v, a);
	size_t i;

	getmaxyx(w, rows, cols);
	if (ri < 0) {
		draw_text(w, 0, 0, cols, _("No voting round yet."),
		    draw_attr(DR_HEADING));
		draw_text(w, 2, 0, cols, _("v opens a round (for this console's "
		    "room, or everyone); V opens one for prototypes only."),
		    A_NORMAL);
		draw_text(w, 3, 0, cols, _("While it is open, people see their "
		    "own dots only: the tallies stay hidden until r reveals "
		    "them."), A_NORMAL);
		return;
	}
	draw_head(v, a, w, cols, ri);
	if (st->nrounds > 1)
		draw_textf(w, HEAD_ROWS - 1, 0, cols, draw_attr(DR_DIM),
		    _("round %d of %zu: [ ] for the others"), ri + 1,
		    st->nrounds);
	if (!st->rounds[ri].revealed)
		return;
	if (v->nranked == 0)
		draw_text(w, HEAD_ROWS, 0, cols, _("No idea got a dot."),
		    A_NORMAL);
	for (i = 0; i < listview_visible(&v->lv) && HEAD_ROWS + (int)i < rows;
	    i++)
	{
		draw_result(v, a, w, HEAD_ROWS + (int)i, cols, v->lv.top + i);
		app_row(a, HEAD_ROWS + (int)i, v->lv.top + i,
		    v->lv.top + i == v->lv.sel);
	}
}

/* --- keys ---------------------------------------------------------------- */

static void
prototypes_confirmed(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_VOTING_OPEN, .prototypes = 1 };

	(void)self;
	if (!yes)
		return;
	act.room = console_of(a)->room;
	console_act(a, &act, _("voting on prototypes is open"));
}

/* V: a round for the prototypes of the current thread; it says how many
 * are on the ballot and from where before it opens (a day-1 practice
 * prototype must not slip onto the final ballot). */
static int
key_prototypes(void *self, struct app *a)
{
	const char *thread = NULL;
	char *err = NULL, *q;
	int n = cmd_prototype_ballot(app_session(a), console_of(a)->room, NULL,
	    &thread, &err);

	if (n < 0)
		return app_report(a, 1, err, NULL);
	if (n == 0) {
		app_message(a, _("no prototype in '%s' to vote on: promote "
		    "some first (or convene voting open --prototypes --from)"),
		    thread != NULL ? thread : _("any thread"));
		return REQ_HANDLED;
	}
	q = thread != NULL ? xasprintf(ngettext("Open a round on %d prototype "
	    "of '%s'?", "Open a round on %d prototypes of '%s'?", n), n,
	    thread) : xasprintf(ngettext("Open a round on %d prototype?",
	    "Open a round on %d prototypes?", n), n);
	app_confirm_key(a, q, 'V', prototypes_confirmed, self);
	free(q);
	return REQ_HANDLED;
}

static int
browse(struct voting *v, struct app *a, int delta)
{
	const struct state *st = app_session(a)->state;
	int r = shown_round(v, a) + delta;

	if (r < 0 || (size_t)r >= st->nrounds)
		return REQ_HANDLED;
	v->round = r == st->current_round ? -1 : r;
	rank(v, a);
	listview_home(&v->lv);
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_earlier, browse, -1)
SCREEN_KEY(key_later, browse, 1)

static const struct binding voting_keys[] = {
	LISTSCREEN_VIEW_MOVE_KEYS(N_("move in the results")),
	LISTSCREEN_VIEW_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_VIEW_END_KEYS(N_("the first / last idea")),
	{ 'V', "V", N_("open a round for the current thread's prototypes "
	    "(asks first, saying how many)"), key_prototypes },
	{ '[', "[ ]", N_("an earlier / a later round"), key_earlier },
	{ ']', NULL, NULL, key_later },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_voting = {
	.name = N_("Voting"),
	.keys = voting_keys,
	.init = voting_init,
	.fini = voting_fini,
	.enter = voting_enter,
	.resize = voting_resize,
	.draw = voting_draw,
	.changed = voting_changed,
	.click = listscreen_view_click,
};
