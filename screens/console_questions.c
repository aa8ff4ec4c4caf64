/* console_questions.c -- the facilitator's questions for the speaker:
 * ranked by upvotes, marked answered, hidden or pinned to the projector. */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "console.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "qa.h"
#include "question_list.h"
#include "session.h"
#include "state.h"

static void *
cq_init(struct app *a)
{
	return qlist_new(a, QA_WITH_HIDDEN);
}

/* --- drawing ------------------------------------------------------------- */

static void
flags(const struct question *q, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s", q->pinned ? _("[pinned] ") : "",
	    q->answered ? _("[answered] ") : "",
	    q->hidden ? _("[hidden] ") : "");
}

static void
draw_row(const struct question *q, size_t k, int sel, struct app *a,
    WINDOW *w, int y, int cols)
{
	int x;
	attr_t at = sel ? draw_attr(DR_SELECTED) : q->hidden ||
	    q->answered ? draw_attr(DR_DIM) : q->pinned ?
	    draw_attr(DR_CURRENT) : A_NORMAL;
	char fl[256];	/* three translated flags */

	draw_textf(w, y, 0, 5, at, "%3zu.", k + 1);
	/* ▲ and the upvotes */
	draw_textf(w, y, 5, 7, at, "\xe2\x96\xb2 %zu", q->nupvoters);
	x = 12;
	flags(q, fl, sizeof fl);
	x += draw_text(w, y, x, cols - x, fl, sel ? at : draw_attr(DR_WARN));
	if (questions_author_shown(a) && cols - x > 40)
		x += draw_textf(w, y, x, 18, sel ? at : draw_attr(DR_DIM),
		    "%s: ", questions_author(a, q));
	draw_text(w, y, x, cols - x, q->text, at);
}

/* Its id, when, upvotes and author on a line, then the text. */
static void
draw_detail(const struct question *q, struct app *a, WINDOW *w, int y,
    int rows, int cols)
{
	char when[16];

	console_hhmm(a, q->asked_at, when, sizeof when);
	draw_textf(w, y, 0, cols, draw_attr(DR_HEADING),
	    ngettext("%s \xc2\xb7 asked %s \xc2\xb7 %zu upvote \xc2\xb7 %s",
	    "%s \xc2\xb7 asked %s \xc2\xb7 %zu upvotes \xc2\xb7 %s",
	    q->nupvoters), q->id, when, q->nupvoters,
	    questions_author_shown(a) ? questions_author(a, q) :
	    _("anonymous"));
	draw_wrapped(w, y + 1, 0, cols, 0, rows - 1, q->text, A_NORMAL);
}

static void
cq_draw(void *self, struct app *a, WINDOW *w)
{
	struct qlist *c = self;
	const struct session *s = app_session(a);
	const struct agenda_item *it = s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	int cols = getmaxx(w);

	if (c->flags & QA_ALL_ITEMS)
		draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
		    ngettext("%zu question \xc2\xb7 all agenda items",
		    "%zu questions \xc2\xb7 all agenda items", c->ls.nrows),
		    c->ls.nrows);
	else
		draw_textf(w, 0, 0, cols, draw_attr(DR_HEADING),
		    ngettext("%zu question \xc2\xb7 %s", "%zu questions "
		    "\xc2\xb7 %s", c->ls.nrows), c->ls.nrows, it != NULL ?
		    it->title : _("before the first agenda item"));
	if (c->ls.nrows == 0)
		draw_text(w, QLIST_HEAD_ROWS, 2, cols - 2, _("No questions "
		    "yet: participants ask with a on their Questions screen."),
		    A_NORMAL);
	qlist_draw(c, a, w, QLIST_HEAD_ROWS, draw_row, draw_detail);
}

/* --- keys ---------------------------------------------------------------- */

/* Marks the highlighted question (answered, hidden, pinned): on when it is
 * off, off when it is on. */
static int
toggle(struct qlist *c, struct app *a, const char *what,
    const char *on_done, const char *off_done)
{
	const struct question *q = qlist_selected(c, a);
	int on;
	char *err = NULL, *id;
	int status;

	if (q == NULL) {
		app_message(a, "%s", _("no question to mark"));
		return REQ_HANDLED;
	}
	on = !(strcmp(what, "answered") == 0 ? q->answered :
	    strcmp(what, "hidden") == 0 ? q->hidden : q->pinned);
	id = xstrdup(q->id);	/* the command moves the state on */
	listscreen_remember(&c->ls, app_session(a)->state);
	status = cmd_question_mark(app_session(a), id, what, on, &err);
	free(id);
	return app_report(a, status, err, on ? on_done : off_done);
}

static int
key_answered(void *self, struct app *a)
{
	return toggle(self, a, "answered", _("marked answered"),
	    _("marked not answered"));
}

static int
key_hide(void *self, struct app *a)
{
	return toggle(self, a, "hidden", _("hidden from everyone"),
	    _("shown again"));
}

/* One question on the projector at a time: pinning one unpins the rest. */
static int
key_pin(void *self, struct app *a)
{
	struct qlist *c = self;
	const struct state *st = app_session(a)->state;
	const struct question *q = qlist_selected(c, a);
	char *err = NULL, *sel, *id;
	int status = 0;
	size_t i;

	if (q == NULL || q->pinned)
		return toggle(c, a, "pinned", _("pinned to the projector"),
		    _("unpinned"));
	sel = xstrdup(q->id);
	for (i = 0; status == 0 && i < st->nquestions; i++) {
		if (!st->questions[i].pinned)
			continue;
		id = xstrdup(st->questions[i].id);
		status = cmd_question_mark(app_session(a), id, "pinned", 0,
		    &err);
		free(id);
	}
	if (status == 0)
		status = cmd_question_mark(app_session(a), sel, "pinned", 1,
		    &err);
	free(sel);
	return app_report(a, status, err, _("pinned to the projector"));
}

static int
key_items(void *self, struct app *a)
{
	struct qlist *c = self;

	c->flags ^= QA_ALL_ITEMS;
	qlist_collect(c, a);
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding cq_keys[] = {
	LISTSCREEN_MOVE_KEYS(N_("move in the questions")),
	LISTSCREEN_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_END_KEYS(N_("the first / last question")),
	{ 'a', "a", N_("mark the question answered (again: not answered)"),
	    key_answered },
	{ 'h', "h", N_("hide the question from everyone (again: show it)"),
	    key_hide },
	{ 'P', "P", N_("pin the question to the projector (again: unpin)"),
	    key_pin },
	{ 'A', "A", N_("this agenda item's questions / every item's"),
	    key_items },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_questions = {
	.name = N_("Questions"),
	.keys = cq_keys,
	.init = cq_init,
	.fini = qlist_fini,
	.enter = qlist_collect,
	.resize = qlist_resize,
	.draw = cq_draw,
	.changed = qlist_collect,
	.click = listscreen_click,
};
