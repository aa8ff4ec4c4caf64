/* part_poll.c -- the participant's quick poll: one key per option, the
 * results as bars once the facilitator reveals them (questions.c draws
 * them). */
#include "questions.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "commands.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "participant.h"
#include "qa.h"
#include "session.h"
#include "state.h"

/* What this screen shows: the poll of the current item; nothing else redraws it. */
static int
pp_affected(void *self, struct app *a, const struct changes *c)
{
	(void)self;
	(void)a;
	return changes_any(c, CHANGE_POLLS | CHANGE_PEOPLE | CHANGE_AGENDA |
	    CHANGE_OTHER);
}

/* --- the poll screen ----------------------------------------------------- */

struct ppoll {
	char *poll_id;		/* the poll the choices are about */
	unsigned chosen;	/* multi: bit i for option i */
	int sel;		/* the highlighted option */
};

/* The poll shown, or NULL; a different poll than last time starts the
 * choices afresh. */
static const struct poll *
shown(struct ppoll *pp, struct app *a)
{
	const struct state *st = app_session(a)->state;
	int i = qa_poll_for(st, participant_index(a));
	const struct poll *p = i >= 0 ? &st->polls[i] : NULL;

	if (p == NULL || pp->poll_id == NULL ||
	    strcmp(pp->poll_id, p->id) != 0) {
		free(pp->poll_id);
		pp->poll_id = p != NULL ? xstrdup(p->id) : NULL;
		pp->chosen = 0;
		pp->sel = 0;
	}
	return p;
}

static int
can_answer(const struct poll *p, struct app *a)
{
	int m = participant_index(a);

	return p != NULL && p->open && m >= 0 && !poll_answered(p, m) &&
	    p->noptions <= QUESTIONS_MAX_CHOICES;
}

static void *
pp_init(struct app *a)
{
	(void)a;
	return xcalloc(1, sizeof(struct ppoll));
}

static void
pp_fini(void *self)
{
	struct ppoll *pp = self;

	free(pp->poll_id);
	free(pp);
}

static void
pp_changed(void *self, struct app *a)
{
	shown(self, a);
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_choices(struct ppoll *pp, WINDOW *w, int y, int rows, int cols,
    const struct poll *p)
{
	size_t i;
	int sel;
	attr_t at;

	for (i = 0; i < p->noptions && (int)i < rows; i++) {
		sel = (int)i == pp->sel;
		at = sel ? draw_attr(DR_SELECTED) : A_NORMAL;
		if (sel)
			draw_fill(w, y + (int)i, 0, cols, at);
		if (p->kind == POLL_MULTI)
			draw_textf(w, y + (int)i, 2, 6, at, "%zu [%s]", i + 1,
			    pp->chosen & (1u << i) ? "x" : " ");
		else
			draw_textf(w, y + (int)i, 2, 6, at, "%zu", i + 1);
		draw_text(w, y + (int)i, 8, cols - 8,
		    questions_option_label(p, i), at);
	}
}

static const char *
how_to_answer(const struct poll *p)
{
	if (p->kind == POLL_MULTI)
		return _("Press the number of each option you choose (or "
		    "Space), then Enter to send.");
	if (p->kind == POLL_SCALE)
		return _("Press 1 (lowest) to 5 (highest), or move with j k "
		    "and press Enter.");
	return _("Press the number of your answer, or move with j k and "
	    "press Enter.");
}

static void
pp_draw(void *self, struct app *a, WINDOW *w)
{
	struct ppoll *pp = self;
	const struct poll *p = shown(pp, a);
	int rows, cols, y, m = participant_index(a);
	unsigned mine;

	getmaxyx(w, rows, cols);
	if (p == NULL) {
		draw_wrapped(w, 1, 2, cols - 2, 0, 3, _("No poll yet: when the "
		    "facilitator opens one, it appears here."), A_NORMAL);
		return;
	}
	y = draw_wrapped(w, 0, 0, cols, 0, rows / 3 > 2 ? rows / 3 : 2,
	    p->question, draw_attr(DR_HEADING)) + 1;
	/* What to do or what comes next, wrapped: terminals may be narrow. */
	if (can_answer(p, a)) {
		y += draw_wrapped(w, y, 0, cols, 0, 2, how_to_answer(p),
		    draw_attr(DR_CURRENT));
		draw_choices(pp, w, y + 1, rows - y - 1, cols, p);
	} else if (p->revealed) {
		mine = m >= 0 ? poll_chose(p, m) : 0;
		draw_text(w, y++, 0, cols, mine != 0 ?
		    _("Results (\xe2\x98\x85 your answer):") : _("Results:"),
		    draw_attr(DR_OK));
		questions_draw_results(w, y + 1, 0, rows - y - 1, cols, p,
		    mine);
	} else if (p->open)
		draw_wrapped(w, y, 0, cols, 0, 3, m >= 0 ? _("Thank you: your "
		    "answer is in. The results appear when the facilitator "
		    "reveals them.") : _("Join to answer."), draw_attr(DR_OK));
	else
		draw_wrapped(w, y, 0, cols, 0, 3, _("The poll is closed. The "
		    "results appear when the facilitator reveals them."),
		    draw_attr(DR_DIM));
}

/* --- keys ---------------------------------------------------------------- */

static int
send_answer(struct ppoll *pp, struct app *a, const struct poll *p,
    const int *choices, int n)
{
	char *err = NULL, *id = xstrdup(p->id);
	int status;

	status = cmd_poll_answer(app_session(a), participant_id(a), id,
	    choices, n, &err);
	free(id);
	if (status == 0)
		pp->chosen = 0;
	return app_report(a, status, err, _("thank you: your answer is in"));
}

/* Option i (0-based) pressed: a one-answer poll sends it, a multiple one
 * toggles it.  Not answering (nothing open): REQ_NONE, so that the digit
 * keeps its meaning elsewhere.  A digit past the last option while one
 * can answer is a slip, not a wish to leave the poll: say so. */
static int
choose(struct ppoll *pp, struct app *a, int i)
{
	const struct poll *p = shown(pp, a);
	int one = i + 1;

	if (!can_answer(p, a) || i < 0)
		return REQ_NONE;
	if ((size_t)i >= p->noptions) {
		app_message(a, _("this poll has options 1 to %zu"),
		    p->noptions);
		return REQ_HANDLED;
	}
	pp->sel = i;
	if (p->kind != POLL_MULTI)
		return send_answer(pp, a, p, &one, 1);
	pp->chosen ^= 1u << i;
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_1, choose, 0)
SCREEN_KEY(key_2, choose, 1)
SCREEN_KEY(key_3, choose, 2)
SCREEN_KEY(key_4, choose, 3)
SCREEN_KEY(key_5, choose, 4)
SCREEN_KEY(key_6, choose, 5)
SCREEN_KEY(key_7, choose, 6)
SCREEN_KEY(key_8, choose, 7)
SCREEN_KEY(key_9, choose, 8)

static int
move_sel(struct ppoll *pp, struct app *a, int delta)
{
	const struct poll *p = shown(pp, a);

	if (!can_answer(p, a))
		return REQ_HANDLED;
	pp->sel = listview_step(pp->sel, delta, p->noptions);
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_down, move_sel, 1)
SCREEN_KEY(key_up, move_sel, -1)
SCREEN_KEY(key_home, move_sel, INT_MIN / 2)
SCREEN_KEY(key_end, move_sel, INT_MAX / 2)

/* Space: choose the highlighted option (toggle it in a multiple poll). */
static int
key_space(void *self, struct app *a)
{
	struct ppoll *pp = self;

	if (!can_answer(shown(pp, a), a))
		return REQ_HANDLED;
	return choose(pp, a, pp->sel);
}

/* Enter: send.  A multiple poll sends what is chosen (or the highlighted
 * option when nothing is); a one-answer poll the highlighted option. */
static int
key_enter(void *self, struct app *a)
{
	struct ppoll *pp = self;
	const struct poll *p = shown(pp, a);
	int choices[QUESTIONS_MAX_CHOICES], n = 0;
	size_t i;

	if (!can_answer(p, a))
		return REQ_HANDLED;
	if (p->kind != POLL_MULTI)
		return choose(pp, a, pp->sel);
	if (pp->chosen == 0)
		pp->chosen = 1u << pp->sel;
	for (i = 0; i < p->noptions; i++)
		if (pp->chosen & (1u << i))
			choices[n++] = (int)i + 1;
	return send_answer(pp, a, p, choices, n);
}

static const struct binding pp_keys[] = {
	{ '1', "1-9", N_("answer with that option (multiple choice: "
	    "choose or unchoose it)"), key_1 },
	{ '2', NULL, NULL, key_2 }, { '3', NULL, NULL, key_3 },
	{ '4', NULL, NULL, key_4 }, { '5', NULL, NULL, key_5 },
	{ '6', NULL, NULL, key_6 }, { '7', NULL, NULL, key_7 },
	{ '8', NULL, NULL, key_8 }, { '9', NULL, NULL, key_9 },
	SCREEN_MOVE_KEYS(N_("move between the options"), key),
	SCREEN_END_KEYS(N_("the first / last option"), key),
	{ ' ', "Space", N_("choose the highlighted option"), key_space },
	{ '\r', "Enter", N_("send the answer"), key_enter },
	{ '\n', NULL, NULL, key_enter },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_enter },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops part_poll = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Poll"),
	.keys = pp_keys,
	.init = pp_init,
	.fini = pp_fini,
	.draw = pp_draw,
	.changed = pp_changed,
	.affected = pp_affected,
};
