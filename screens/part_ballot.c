/* part_ballot.c -- the participant's ballot: dots on the ideas of the open
 * round within the budget, only one's own dots in sight; after the reveal,
 * the ranked results as a bar chart. */
#include "participant.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "commands.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "session.h"
#include "state.h"
#include "results.h"
#include "util.h"
#include "wall.h"

#define HEAD_ROWS 2
#define DOT "\xe2\x97\x8f"	/* ● */
#define DOT_COLS 7		/* "●●●●●  " or "● ×12  " */
#define TEXT_X (2 + DOT_COLS)	/* where an idea's text starts */
#define SEL_MAX_ROWS 4		/* the highlighted idea, wrapped whole */

struct ballot {
	struct listscreen ls;	/* idea indexes on the ballot, oldest first */
	int phase, round;
	size_t first;		/* the results' first entry shown */
};

static int
on_ballot(const struct state *st, const struct round *r, int i)
{
	const struct idea *it = &st->ideas[i];

	return round_covers(st, r, i) && !it->hidden && !it->withdrawn &&
	    it->merged_into < 0;
}

static void
collect(struct ballot *b, struct app *a)
{
	const struct state *st = app_session(a)->state;
	size_t i;

	b->phase = (int)wall_phase(st, participant_room(a), &b->round);
	listscreen_clear(&b->ls);
	if (b->round >= 0)
		for (i = 0; i < st->nideas; i++)
			if (on_ballot(st, &st->rounds[b->round], (int)i))
				listscreen_add(&b->ls, (int)i);
	listscreen_rows_done(&b->ls, st);
}

static void *
ballot_init(struct app *a)
{
	struct ballot *b = xcalloc(1, sizeof *b);

	listscreen_init(&b->ls, listscreen_idea_id);
	collect(b, a);
	return b;
}

static void
ballot_fini(void *self)
{
	struct ballot *b = self;

	listscreen_free(&b->ls);
	free(b);
}

static void
ballot_changed(void *self, struct app *a)
{
	struct ballot *b = self;
	int round = b->round;

	collect(b, a);
	if (b->round != round)
		b->first = 0;
}

/* The ballot shows the round of the participant's room or the plenary:
 * its ideas and, once revealed, their dots; no round, no ideas. */
static int
ballot_affected(void *self, struct app *a, const struct changes *c)
{
	const struct ballot *b = self;
	const struct state *st = app_session(a)->state;
	int room;

	if (changes_any(c, CHANGE_ROUNDS | CHANGE_PEOPLE | CHANGE_AGENDA |
	    CHANGE_OTHER))
		return 1;
	if (b->round < 0 || (size_t)b->round >= st->nrounds)
		return 0;
	room = st->rounds[b->round].room;
	/* a plenary round covers every room's ideas */
	return room < 0 ? changes_any(c, CHANGE_IDEAS | CHANGE_VOTES) :
	    changes_in(c, CHANGE_IDEAS | CHANGE_VOTES, room);
}

static void
ballot_resize(void *self, struct app *a, int rows, int cols)
{
	struct ballot *b = self;

	(void)a;
	(void)cols;
	listview_set_height(&b->ls.lv, rows > HEAD_ROWS ?
	    (size_t)(rows - HEAD_ROWS) : 0);
}

/* --- drawing ------------------------------------------------------------- */

/* Draws ballot row k from row y in `rows` rows (more than 1: the
 * highlighted idea, wrapped whole). */
static void
draw_row(struct ballot *b, struct app *a, WINDOW *w, int y, int cols,
    size_t k, int rows)
{
	const struct state *st = app_session(a)->state;
	const struct idea *it = &st->ideas[b->ls.rows[k]];
	const struct round *r = &st->rounds[b->round];
	int me = participant_index(a), sel = k == b->ls.lv.sel && b->phase ==
	    WALL_VOTING, mine = me >= 0 && it->author == me;
	int dots = me >= 0 ? round_voter_dots(r, me, b->ls.rows[k]) : 0, i;
	attr_t at = sel ? draw_attr(DR_SELECTED) : A_NORMAL;
	char buf[64] = "", *label;

	if (sel)
		for (i = 0; i < rows; i++)
			draw_fill(w, y + i, 0, cols, at);
	if (dots > 5)
		snprintf(buf, sizeof buf, DOT " \xc3\x97%d", dots);	/* ×n */
	else
		for (i = 0; i < dots; i++)
			strcat(buf, DOT);
	draw_text(w, y, 0, 2, mine ? "\xe2\x98\x85" : " ", sel || !mine ? at :
	    draw_attr(DR_MARK));
	draw_text_pad(w, y, 2, DOT_COLS, buf, sel ? at : draw_attr(DR_BAR));
	label = wall_idea_label(st, b->ls.rows[k], r->prototypes_only);
	wall_text(w, y, TEXT_X, cols - TEXT_X, rows, label, at);
	free(label);
}

/* Rows the highlighted idea takes, wrapped whole (while voting). */
static int
selected_rows(struct ballot *b, struct app *a, int avail, int cols)
{
	const struct state *st = app_session(a)->state;
	const struct idea *it = listscreen_idea(&b->ls, a);
	int max = avail - 1 < SEL_MAX_ROWS ? avail - 1 : SEL_MAX_ROWS, n;
	char *label;

	if (it == NULL || max <= 1 || b->phase != WALL_VOTING)
		return 1;
	label = wall_idea_label(st, listscreen_item(&b->ls),
	    st->rounds[b->round].prototypes_only);
	n = wall_text_rows(label, cols - TEXT_X, max);
	free(label);
	return n;
}

/* The dots this participant has left in the ballot's round. */
static int
dots_left(const struct ballot *b, struct app *a)
{
	const struct round *r = &app_session(a)->state->rounds[b->round];
	int me = participant_index(a);

	return r->budget - (me >= 0 ? round_spent(r, me) : 0);
}

static void
draw_voting(struct ballot *b, struct app *a, WINDOW *w, int cols)
{
	const struct state *st = app_session(a)->state;
	const struct round *r = &st->rounds[b->round];
	int left = dots_left(b, a);

	if (b->phase == WALL_CLOSED) {
		draw_text(w, 0, 0, cols, _("Voting is closed: the results "
		    "show here when the facilitator reveals them."),
		    draw_attr(DR_HEADING));
		draw_text(w, 1, 0, cols, _("Your dots:"), draw_attr(DR_DIM));
		return;
	}
	if (left > 0)
		draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
		    ngettext("Voting: %d dot left of %d", "Voting: %d dots "
		    "left of %d", left), left, r->budget);
	else
		draw_textf(w, 0, 0, cols, draw_attr(DR_WARN),
		    ngettext("Voting: your %d dot is cast (- takes it back)",
		    "Voting: all %d dots cast (- takes one back)",
		    (unsigned long)r->budget), r->budget);
	draw_text(w, 1, 0, cols, _("+ or Space: a dot on the highlighted "
	    "idea   -: take one back"), draw_attr(DR_DIM));
}

static void
ballot_draw(void *self, struct app *a, WINDOW *w)
{
	struct ballot *b = self;
	const struct state *st = app_session(a)->state;
	int rows, cols, avail, n, y, r;
	size_t i, k;

	getmaxyx(w, rows, cols);
	if (b->phase == WALL_IDEAS || b->round < 0) {
		draw_text(w, 0, 0, cols, _("No vote is open now."),
		    draw_attr(DR_HEADING));
		draw_text(w, 1, 0, cols, _("When the facilitator opens "
		    "voting, your ballot shows here."), draw_attr(DR_DIM));
		return;
	}
	if (b->phase == WALL_REVEALED) {
		draw_text(w, 0, 0, cols, _("Results (\xe2\x98\x85 your ideas)"),
		    draw_attr(DR_HEADING));
		wall_results(w, 1, 0, rows - 1, cols, st, b->round, b->first,
		    rows >= 12 ? 2 : 1, participant_index(a));
		return;
	}
	draw_voting(b, a, w, cols);
	if (b->ls.nrows == 0)
		draw_text(w, HEAD_ROWS, 2, cols - 2, _("No ideas are on this "
		    "ballot."), A_NORMAL);
	avail = rows > HEAD_ROWS ? rows - HEAD_ROWS : 0;
	n = selected_rows(b, a, avail, cols);
	listview_set_height(&b->ls.lv, (size_t)(avail > n - 1 ?
	    avail - (n - 1) : 0));
	n = selected_rows(b, a, avail, cols);
	y = HEAD_ROWS;
	for (i = 0; i < listview_visible(&b->ls.lv) && y < rows; i++) {
		k = b->ls.lv.top + i;
		r = k == b->ls.lv.sel ? n : 1;
		if (y + r > rows)
			r = rows - y;
		draw_row(b, a, w, y, cols, k, r);
		for (; r > 0; r--, y++)
			app_row(a, y, k, k == b->ls.lv.sel);
	}
}

/* --- keys ---------------------------------------------------------------- */

static int
vote(struct ballot *b, struct app *a, int dots)
{
	const struct idea *it = listscreen_idea(&b->ls, a);
	char *err = NULL;
	int status;

	if (b->phase != WALL_VOTING) {
		app_message(a, "%s", _("no vote is open now"));
		return REQ_HANDLED;
	}
	if (it == NULL)
		return REQ_HANDLED;
	/* The rule is the core's; this only says it to the person in front
	 * of the screen rather than about "p2". */
	if (dots > 0 && dots_left(b, a) <= 0) {
		app_message(a, "%s", _("all your dots are cast: - takes one "
		    "back"));
		return REQ_HANDLED;
	}
	listscreen_remember(&b->ls, app_session(a)->state);
	status = cmd_vote(app_session(a), participant_id(a),
	    state_id_of_idea(it).s, dots, &err);
	return app_report(a, status, err, NULL);
}

SCREEN_KEY(key_add, vote, 1)
SCREEN_KEY(key_take, vote, -1)

/* Moves the ballot's highlight, or scrolls the results. */
static int
ballot_move(struct ballot *b, struct app *a, long delta)
{
	if (b->phase == WALL_REVEALED) {
		if (delta < 0 && (size_t)-delta > b->first)
			b->first = 0;
		else
			b->first = (size_t)((long)b->first + delta);
		return REQ_HANDLED | REQ_REDRAW;
	}
	listview_move(&b->ls.lv, delta);
	listscreen_remember(&b->ls, app_session(a)->state);
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_down, ballot_move, 1)
SCREEN_KEY(key_up, ballot_move, -1)

static int
key_pgdn(void *self, struct app *a)
{
	struct ballot *b = self;

	return ballot_move(b, a, listview_page_rows(&b->ls.lv));
}

static int
key_pgup(void *self, struct app *a)
{
	struct ballot *b = self;

	return ballot_move(b, a, -listview_page_rows(&b->ls.lv));
}

static int
key_home(void *self, struct app *a)
{
	struct ballot *b = self;

	(void)a;
	b->first = 0;
	listview_home(&b->ls.lv);
	return REQ_HANDLED | REQ_REDRAW;
}

/* The last idea; with the results shown, the last of them. */
static int
key_end(void *self, struct app *a)
{
	struct ballot *b = self;
	struct ranked *out = NULL;
	size_t n = 0;

	if (b->phase == WALL_REVEALED) {
		if (results_rank(app_session(a)->state, b->round, &out,
		    &n) == 0 && n > 0)
			b->first = n - 1;
		free(out);
		return REQ_HANDLED | REQ_REDRAW;
	}
	listview_end(&b->ls.lv);
	listscreen_remember(&b->ls, app_session(a)->state);
	return REQ_HANDLED | REQ_REDRAW;
}

/* A click highlights an idea of the ballot (the results have no rows). */
static int
ballot_click(void *self, struct app *a, size_t row)
{
	struct ballot *b = self;

	if (b->phase != WALL_VOTING)
		return REQ_NONE;
	return listscreen_click(self, a, row);
}

static const struct binding ballot_keys[] = {
	{ '+', "+ Space Enter", N_("a dot on the highlighted idea (or a "
	    "double-click)"), key_add },
	{ ' ', NULL, NULL, key_add },
	{ '\r', NULL, NULL, key_add },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_add },
	{ '=', NULL, NULL, key_add },
	{ '-', "-", N_("take a dot back"), key_take },
	SCREEN_MOVE_KEYS(N_("move (the results: scroll)"), key),
	SCREEN_PAGE_KEYS(N_("a page down / up"), key),
	SCREEN_END_KEYS(N_("the top / the bottom"), key),
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops part_ballot = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Vote"),
	.keys = ballot_keys,
	.init = ballot_init,
	.fini = ballot_fini,
	.resize = ballot_resize,
	.draw = ballot_draw,
	.changed = ballot_changed,
	.affected = ballot_affected,
	.click = ballot_click,
};
