/* part_eval.c -- the end-of-workshop evaluation on a participant terminal:
 * the module's questions one after another (1-5 for a scale, the line
 * editor for text), then a thank-you; on a kiosk the next person starts
 * right after with N. */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "commands.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "participant.h"
#include "qa.h"
#include "session.h"
#include "state.h"

#define SCALE_MAX 5

struct peval {
	char *pid;		/* whom the skips are for */
	unsigned char *skipped;	/* m->nevals: skipped for now */
	int sel;		/* the highlighted point of a scale, 0..4 */
};

/* Skips belong to one person: the next one at a kiosk starts afresh. */
static void
follow_person(struct peval *e, struct app *a)
{
	const char *pid = participant_id(a);
	size_t n = app_session(a)->module->nevals;

	if (e->skipped != NULL && pid != NULL && e->pid != NULL &&
	    strcmp(pid, e->pid) == 0)
		return;
	free(e->pid);
	e->pid = pid != NULL ? xstrdup(pid) : NULL;
	free(e->skipped);
	e->skipped = xcalloc(n + 1, 1);
	e->sel = SCALE_MAX / 2;
}

/* The question to answer now, or NULL when none is left. */
static const struct eval_question *
current(struct peval *e, struct app *a)
{
	const struct module *m = app_session(a)->module;
	size_t i;

	follow_person(e, a);
	if (participant_index(a) < 0)
		return NULL;
	i = qa_eval_next(m, app_session(a)->state, participant_index(a), e->skipped, 0);
	return i < m->nevals ? &m->evals[i] : NULL;
}

static size_t
skipped_left(struct peval *e, struct app *a)
{
	const struct module *m = app_session(a)->module;
	const struct state *st = app_session(a)->state;
	size_t i, n = 0;

	for (i = 0; i < m->nevals; i++)
		n += e->skipped[i] &&
		    !state_eval_answered(st, participant_index(a), m->evals[i].id);
	return n;
}

static void *
pe_init(struct app *a)
{
	struct peval *e = xcalloc(1, sizeof *e);

	follow_person(e, a);
	return e;
}

static void
pe_fini(void *self)
{
	struct peval *e = self;

	free(e->pid);
	free(e->skipped);
	free(e);
}

static void
pe_changed(void *self, struct app *a)
{
	follow_person(self, a);
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_scale(struct peval *e, WINDOW *w, int y, int cols)
{
	/* Six columns a point, closer on a narrow terminal (30 columns
	 * still show all five): " 5 " needs three. */
	int step = (cols - 2) / SCALE_MAX, i, x = 2;
	attr_t at;

	if (step > 6)
		step = 6;
	if (step < 4)
		step = 4;
	for (i = 0; i < SCALE_MAX && x + 3 <= cols; i++, x += step) {
		at = i == e->sel ? draw_attr(DR_SELECTED) : A_NORMAL;
		draw_textf(w, y, x, 3, at, " %d ", i + 1);
	}
	draw_wrapped(w, y + 1, 2, cols - 2, 0, 2, _("1 = lowest, 5 = highest: "
	    "press the number, or move with h l and press Enter."),
	    draw_attr(DR_DIM));
}

static void
draw_done(struct peval *e, struct app *a, WINDOW *w, int cols)
{
	size_t left = skipped_left(e, a);

	draw_text(w, 2, 2, cols - 2, left > 0 ? _("Thank you: that is all "
	    "for now.") : _("Thank you: your evaluation is in."),
	    draw_attr(DR_OK));
	if (left > 0)
		draw_textf(w, 4, 2, cols - 2, A_NORMAL, ngettext("You skipped "
		    "%zu question: r goes back to it.", "You skipped %zu "
		    "questions: r goes back to them.", left), left);
	if (participant_is_kiosk(a))
		draw_wrapped(w, 6, 2, cols - 2, 0, 2, _("Press N so that the "
		    "next person can fill it in."), draw_attr(DR_CURRENT));
}

static void
pe_draw(void *self, struct app *a, WINDOW *w)
{
	struct peval *e = self;
	const struct module *m = app_session(a)->module;
	const struct eval_question *q = current(e, a);
	int rows, cols, y;

	getmaxyx(w, rows, cols);
	if (m->nevals == 0) {
		draw_text(w, 1, 2, cols - 2, _("This workshop has no "
		    "evaluation."), A_NORMAL);
		return;
	}
	draw_textf(w, 0, 0, cols, draw_attr(DR_DIM), _("Evaluation \xc2\xb7 "
	    "%zu of %zu answered"), qa_eval_answered(m, app_session(a)->state,
	    participant_index(a)), m->nevals);
	if (q == NULL) {
		draw_done(e, a, w, cols);
		return;
	}
	y = 2 + draw_wrapped(w, 2, 0, cols, 0, rows / 2 > 2 ? rows / 2 : 2,
	    q->question, draw_attr(DR_HEADING)) + 1;
	if (q->scale)
		draw_scale(e, w, y, cols);
	else
		draw_text(w, y, 2, cols - 2, _("Press Enter to write your "
		    "answer."), A_NORMAL);
	if (y + 4 < rows)
		draw_text(w, y + 4, 2, cols - 2, _("s skips this question for "
		    "now."), draw_attr(DR_DIM));
}

/* --- keys ---------------------------------------------------------------- */

static int
answer(struct app *a, const struct eval_question *q, long value,
    const char *text)
{
	char *err = NULL, *id = xstrdup(q->id);
	int status;

	status = cmd_eval(app_session(a), participant_id(a), id, value, text,
	    &err);
	free(id);
	return app_report(a, status, err, _("thank you"));
}

static void
text_done(void *self, struct app *a, const char *text)
{
	const struct eval_question *q = current(self, a);

	if (text != NULL && q != NULL && !q->scale)
		answer(a, q, 0, text);
}

/* A scale question: point `i` (0-based) chosen; REQ_NONE when there is no
 * scale to answer (the digit keeps its meaning elsewhere). */
static int
choose(struct peval *e, struct app *a, int i)
{
	const struct eval_question *q = current(e, a);

	if (q == NULL || !q->scale || i < 0 || i >= SCALE_MAX)
		return REQ_NONE;
	e->sel = SCALE_MAX / 2;
	return answer(a, q, i + 1, NULL);
}

SCREEN_KEY(key_1, choose, 0)
SCREEN_KEY(key_2, choose, 1)
SCREEN_KEY(key_3, choose, 2)
SCREEN_KEY(key_4, choose, 3)
SCREEN_KEY(key_5, choose, 4)

static int
move_sel(struct peval *e, struct app *a, int delta)
{
	const struct eval_question *q = current(e, a);

	if (q == NULL || !q->scale)
		return REQ_HANDLED;
	e->sel = listview_step(e->sel, delta, SCALE_MAX);
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_right, move_sel, 1)
SCREEN_KEY(key_left, move_sel, -1)

static int
key_enter(void *self, struct app *a)
{
	struct peval *e = self;
	const struct eval_question *q = current(e, a);

	if (q == NULL)
		return REQ_HANDLED;
	if (q->scale)
		return choose(e, a, e->sel);
	app_prompt(a, _("Your answer:"), NULL, text_done, e);
	return REQ_HANDLED;
}

static int
key_skip(void *self, struct app *a)
{
	struct peval *e = self;
	const struct eval_question *q = current(e, a);

	if (q == NULL)
		return REQ_HANDLED;
	e->skipped[q - app_session(a)->module->evals] = 1;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_return(void *self, struct app *a)
{
	struct peval *e = self;

	memset(e->skipped, 0, app_session(a)->module->nevals);
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding pe_keys[] = {
	{ '1', "1-5", N_("answer a scale question with that number"),
	    key_1 },
	{ '2', NULL, NULL, key_2 }, { '3', NULL, NULL, key_3 },
	{ '4', NULL, NULL, key_4 }, { '5', NULL, NULL, key_5 },
	{ 'l', "l h Right Left", N_("move on the scale"), key_right },
	{ KEYCODE(KEY_RIGHT), NULL, NULL, key_right },
	{ 'h', NULL, NULL, key_left },
	{ KEYCODE(KEY_LEFT), NULL, NULL, key_left },
	{ '\r', "Enter", N_("answer (a text question: write it)"),
	    key_enter },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_enter },
	{ 's', "s", N_("skip the question for now"), key_skip },
	{ 'r', "r", N_("back to the questions skipped"), key_return },
	{ 0, NULL, NULL, NULL }
};

/* What this screen shows: the evaluation and the participant's answers; nothing else redraws it. */
static int
pe_affected(void *self, struct app *a, const struct changes *c)
{
	(void)self;
	(void)a;
	return changes_any(c, CHANGE_EVAL | CHANGE_PEOPLE | CHANGE_AGENDA |
	    CHANGE_OTHER);
}

const struct screen_ops part_eval = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Evaluation"),
	.keys = pe_keys,
	.init = pe_init,
	.fini = pe_fini,
	.draw = pe_draw,
	.changed = pe_changed,
	.affected = pe_affected,
};
