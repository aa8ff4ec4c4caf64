/* part_questions.c -- the participant's questions for the speaker: the
 * list of this agenda item live, a to ask, u (or + or Space) to upvote. */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "participant.h"
#include "qa.h"
#include "session.h"
#include "state.h"

#define HEAD_ROWS 2
#define DETAIL_ROWS 5

struct pquestions {
	int *rows;		/* question indexes, ranked */
	size_t nrows;
	struct listview lv;
	char *sel_id;		/* the highlighted question across changes */
};

static int
me(struct app *a)
{
	const char *pid = participant_id(a);

	return pid != NULL ? state_participant(app_session(a)->state, pid) :
	    -1;
}

static void
collect(struct pquestions *c, struct app *a)
{
	const struct state *st = app_session(a)->state;
	size_t i;

	free(c->rows);
	c->rows = xcalloc(st->nquestions + 1, sizeof *c->rows);
	c->nrows = qa_rank_questions(st, st->agenda_id, 0, c->rows);
	listview_set_count(&c->lv, c->nrows);
	for (i = 0; c->sel_id != NULL && i < c->nrows; i++)
		if (strcmp(st->questions[c->rows[i]].id, c->sel_id) == 0)
			listview_select(&c->lv, i);
}

static const struct question *
selected(const struct pquestions *c, struct app *a)
{
	return c->nrows > 0 ?
	    &app_session(a)->state->questions[c->rows[c->lv.sel]] : NULL;
}

static void
remember_selection(struct pquestions *c, struct app *a)
{
	const struct question *q = selected(c, a);

	free(c->sel_id);
	c->sel_id = q != NULL ? xstrdup(q->id) : NULL;
}

static void *
pq_init(struct app *a)
{
	struct pquestions *c = xcalloc(1, sizeof *c);

	listview_init(&c->lv);
	collect(c, a);
	return c;
}

static void
pq_fini(void *self)
{
	struct pquestions *c = self;

	free(c->rows);
	free(c->sel_id);
	free(c);
}

static void
pq_changed(void *self, struct app *a)
{
	collect(self, a);
}

static void
pq_enter(void *self, struct app *a)
{
	collect(self, a);
}

static void
pq_resize(void *self, struct app *a, int rows, int cols)
{
	struct pquestions *c = self;

	(void)a;
	(void)cols;
	listview_set_height(&c->lv, rows > HEAD_ROWS + DETAIL_ROWS + 1 ?
	    (size_t)(rows - HEAD_ROWS - DETAIL_ROWS) : rows > HEAD_ROWS ?
	    (size_t)(rows - HEAD_ROWS) : 0);
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_row(struct pquestions *c, struct app *a, WINDOW *w, int y, int cols,
    size_t k)
{
	const struct question *q =
	    &app_session(a)->state->questions[c->rows[k]];
	int sel = k == c->lv.sel, m = me(a), x;
	attr_t at = sel ? draw_attr(DR_SELECTED) : q->answered ?
	    draw_attr(DR_DIM) : A_NORMAL;

	if (sel)
		draw_fill(w, y, 0, cols, at);
	/* ▲ n, and a tick when this person upvoted it */
	draw_textf(w, y, 0, 8, at, "\xe2\x96\xb2 %zu%s", q->nupvoters,
	    m >= 0 && question_upvoted(q, m) ? " \xe2\x9c\x93" : "");
	x = 8;
	if (q->answered)
		x += draw_text(w, y, x, cols - x, _("[answered] "),
		    sel ? at : draw_attr(DR_OK));
	if (m >= 0 && q->author == m)
		x += draw_text(w, y, x, cols - x, _("(yours) "),
		    sel ? at : draw_attr(DR_MARK));
	else if (questions_author_shown(a) && cols - x > 40)
		x += draw_textf(w, y, x, 18, sel ? at : draw_attr(DR_DIM),
		    "%s: ", questions_author(a, q));
	draw_text(w, y, x, cols - x, q->text, at);
}

static void
draw_detail(struct pquestions *c, struct app *a, WINDOW *w, int y, int cols)
{
	const struct question *q = selected(c, a);

	wattrset(w, draw_attr(DR_DIM));
	mvwhline(w, y, 0, ACS_HLINE, cols);
	wattrset(w, A_NORMAL);
	if (q != NULL)
		draw_wrapped(w, y + 1, 0, cols, 0, DETAIL_ROWS - 1, q->text,
		    A_NORMAL);
}

static void
pq_draw(void *self, struct app *a, WINDOW *w)
{
	struct pquestions *c = self;
	const struct session *s = app_session(a);
	const struct agenda_item *it = s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	int rows, cols;
	size_t i;

	getmaxyx(w, rows, cols);
	draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
	    _("Questions for the speaker \xc2\xb7 %s"), it != NULL ?
	    (it->speaker != NULL && *it->speaker != '\0' ? it->speaker :
	    it->title) : _("before the first agenda item"));
	if (c->nrows == 0)
		draw_wrapped(w, HEAD_ROWS, 2, cols - 2, 0, 3, _("No questions "
		    "yet. Press a to ask one; everyone sees it and can upvote "
		    "it with u."), A_NORMAL);
	for (i = 0; i < listview_visible(&c->lv); i++)
		draw_row(c, a, w, HEAD_ROWS - 1 + (int)i, cols, c->lv.top + i);
	if (rows > HEAD_ROWS + DETAIL_ROWS + 1)
		draw_detail(c, a, w, rows - DETAIL_ROWS, cols);
}

/* --- keys ---------------------------------------------------------------- */

static int
moved(struct pquestions *c, struct app *a)
{
	remember_selection(c, a);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_down(void *self, struct app *a)
{
	listview_move(&((struct pquestions *)self)->lv, 1);
	return moved(self, a);
}

static int
key_up(void *self, struct app *a)
{
	listview_move(&((struct pquestions *)self)->lv, -1);
	return moved(self, a);
}

static int
key_pgdn(void *self, struct app *a)
{
	listview_page(&((struct pquestions *)self)->lv, 1);
	return moved(self, a);
}

static int
key_pgup(void *self, struct app *a)
{
	listview_page(&((struct pquestions *)self)->lv, -1);
	return moved(self, a);
}

static void
ask_done(void *self, struct app *a, const char *text)
{
	struct pquestions *c = self;
	char *err = NULL, *id = NULL;
	int status;

	if (text == NULL)
		return;
	status = cmd_ask(app_session(a), participant_id(a), text, &id, &err);
	if (status == 0) {
		/* The new question is the one to see (and to point at). */
		free(c->sel_id);
		c->sel_id = id;
		collect(c, a);
	}
	app_report(a, status, err, _("your question is in: everyone can "
	    "see and upvote it"));
}

static int
key_ask(void *self, struct app *a)
{
	if (participant_id(a) == NULL)
		return REQ_HANDLED;
	app_prompt(a, questions_author_shown(a) ? _("Your question (with "
	    "your name):") : _("Your question (anonymous):"), NULL, ask_done,
	    self);
	return REQ_HANDLED;
}

static int
key_upvote(void *self, struct app *a)
{
	struct pquestions *c = self;
	const struct question *q = selected(c, a);
	char *err = NULL, *id;
	int status, m = me(a);

	if (q == NULL || m < 0) {
		app_message(a, "%s", _("no question to upvote here"));
		return REQ_HANDLED;
	}
	if (question_upvoted(q, m)) {
		app_message(a, "%s", _("you have upvoted this question "
		    "already: one upvote each"));
		return REQ_HANDLED;
	}
	id = xstrdup(q->id);
	remember_selection(c, a);
	status = cmd_upvote(app_session(a), participant_id(a), id, &err);
	free(id);
	return app_report(a, status, err, _("upvoted"));
}

static const struct binding pq_keys[] = {
	{ 'j', "j k Down Up", N_("move in the questions"), key_down },
	{ KEYCODE(KEY_DOWN), NULL, NULL, key_down },
	{ 'k', NULL, NULL, key_up },
	{ KEYCODE(KEY_UP), NULL, NULL, key_up },
	{ KEYCODE(KEY_NPAGE), "PgDn PgUp", N_("a page down / up"), key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	{ 'a', "a", N_("ask the speaker a question"), key_ask },
	{ 'u', "u + Space", N_("upvote the highlighted question (once)"),
	    key_upvote },
	{ '+', NULL, NULL, key_upvote },
	{ ' ', NULL, NULL, key_upvote },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops part_questions = {
	.name = N_("Questions"),
	.keys = pq_keys,
	.init = pq_init,
	.fini = pq_fini,
	.enter = pq_enter,
	.resize = pq_resize,
	.draw = pq_draw,
	.changed = pq_changed,
};
