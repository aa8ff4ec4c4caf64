/* part_questions.c -- the participant's questions for the speaker: the
 * list of this agenda item live, a to ask, u (or + or Space) to upvote. */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "changes.h"
#include "commands.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "participant.h"
#include "question_list.h"
#include "session.h"
#include "state.h"

static void *
pq_init(struct app *a)
{
	return qlist_new(a, 0);
}

/* --- drawing ------------------------------------------------------------- */

static void
draw_row(const struct question *q, size_t k, int sel, struct app *a,
    WINDOW *w, int y, int cols)
{
	int m = participant_index(a), x;
	attr_t at = sel ? draw_attr(DR_SELECTED) : q->answered ?
	    draw_attr(DR_DIM) : A_NORMAL;

	(void)k;	/* no rank numbers here: the order says it */
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
draw_detail(const struct question *q, struct app *a, WINDOW *w, int y,
    int rows, int cols)
{
	(void)a;
	draw_wrapped(w, y, 0, cols, 0, rows, q->text, A_NORMAL);
}

static void
pq_draw(void *self, struct app *a, WINDOW *w)
{
	struct qlist *c = self;
	const struct session *s = app_session(a);
	const struct agenda_item *it = s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	int cols = getmaxx(w);

	draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
	    _("Questions for the speaker \xc2\xb7 %s"), it != NULL ?
	    (it->speaker != NULL && *it->speaker != '\0' ? it->speaker :
	    it->title) : _("before the first agenda item"));
	if (c->ls.nrows == 0)
		draw_wrapped(w, QLIST_HEAD_ROWS, 2, cols - 2, 0, 3, _("No "
		    "questions yet. Press a to ask one; everyone sees it and "
		    "can upvote it with u."), A_NORMAL);
	qlist_draw(c, a, w, QLIST_HEAD_ROWS - 1, draw_row, draw_detail);
}

/* --- keys ---------------------------------------------------------------- */

static void
ask_done(void *self, struct app *a, const char *text)
{
	struct qlist *c = self;
	char *err = NULL, *id = NULL;
	int status;

	if (text == NULL)
		return;
	status = cmd_ask(app_session(a), participant_id(a), text, &id, &err);
	if (status == 0) {
		/* The new question is the one to see (and to point at). */
		listscreen_remember_id(&c->ls, id);
		qlist_collect(c, a);
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
	struct qlist *c = self;
	const struct question *q = qlist_selected(c, a);
	char *err = NULL, *id;
	int status, m = participant_index(a);

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
	listscreen_remember(&c->ls, app_session(a)->state);
	status = cmd_upvote(app_session(a), participant_id(a), id, &err);
	free(id);
	return app_report(a, status, err, _("upvoted"));
}

static const struct binding pq_keys[] = {
	LISTSCREEN_MOVE_KEYS(N_("move in the questions")),
	LISTSCREEN_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_END_KEYS(N_("the first / last question")),
	{ 'a', "a", N_("ask the speaker a question"), key_ask },
	{ 'u', "u + Space", N_("upvote the highlighted question (once)"),
	    key_upvote },
	{ '+', NULL, NULL, key_upvote },
	{ ' ', NULL, NULL, key_upvote },
	{ 0, NULL, NULL, NULL }
};

/* What this screen shows: the questions (of the current item, by people named); nothing else redraws it. */
static int
pq_affected(void *self, struct app *a, const struct changes *c)
{
	(void)self;
	(void)a;
	return changes_any(c, CHANGE_QUESTIONS | CHANGE_PEOPLE | CHANGE_AGENDA |
	    CHANGE_OTHER);
}

const struct screen_ops part_questions = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Questions"),
	.keys = pq_keys,
	.init = pq_init,
	.fini = qlist_fini,
	.enter = qlist_collect,
	.resize = qlist_resize,
	.draw = pq_draw,
	.changed = qlist_collect,
	.affected = pq_affected,
	.click = listscreen_click,
};
