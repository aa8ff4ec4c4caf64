/* projector_questions.c -- the projector's questions view: the pinned
 * question large, the top five below, and the newest poll (how many
 * answered while it is open or waits for its reveal, its results as bars
 * once revealed). */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "qa.h"
#include "session.h"
#include "state.h"

#define TOP_QUESTIONS 5

/* The newest poll, or -1 when there is none.  A closed poll waiting for
 * its reveal stays up, saying so: the room sees its answers were taken. */
static int
shown_poll(const struct state *st)
{
	return st->npolls > 0 ? (int)st->npolls - 1 : -1;
}

/* Rows the poll panel takes: question, a blank, one row an option and
 * the total; 3 while blind. */
static int
poll_rows(const struct poll *p)
{
	return p->revealed ? (int)p->noptions + 4 : 4;
}

static void
draw_poll(WINDOW *w, int y, int rows, int cols, const struct poll *p)
{
	wattrset(w, draw_attr(DR_DIM));
	draw_hline(w, y++, 0, cols);
	wattrset(w, A_NORMAL);
	y += draw_wrapped(w, y, 1, cols - 2, 0, 1, p->question,
	    draw_attr(DR_HEADING));
	if (p->revealed)
		questions_draw_results(w, y + 1, 1, rows - y - 1, cols - 2, p,
		    0);
	else if (p->open)
		draw_textf(w, y + 1, 1, cols - 2, draw_attr(DR_CURRENT),
		    ngettext("Poll open: %zu answer so far. Results when the "
		    "facilitator reveals them.", "Poll open: %zu answers so "
		    "far. Results when the facilitator reveals them.",
		    p->nvoters), p->nvoters);
	else
		draw_textf(w, y + 1, 1, cols - 2, draw_attr(DR_DIM),
		    ngettext("Poll closed: %zu answer. Results when the "
		    "facilitator reveals them.", "Poll closed: %zu answers. "
		    "Results when the facilitator reveals them.", p->nvoters),
		    p->nvoters);
}

/* The pinned question in large rows: wrapped, bold, centred as a block. */
static int
draw_pinned(struct app *a, WINDOW *w, int rows, int cols,
    const struct question *q)
{
	int width = cols > 12 ? cols - 8 : cols, x = (cols - width) / 2, y = 0;
	int maxrows = rows / 2 > 2 ? rows / 2 : 2;

	y += draw_wrapped(w, 1, x, width, 0, maxrows, q->text,
	    draw_attr(DR_STRONG)) + 1;
	draw_textf(w, y + 1, x, width, draw_attr(DR_DIM),
	    ngettext("%zu upvote%s%s", "%zu upvotes%s%s", q->nupvoters),
	    q->nupvoters, questions_author_shown(a) ? " \xc2\xb7 " : "",
	    questions_author_shown(a) ? questions_author(a, q) : "");
	return y + 3;
}

static void
draw_top(struct app *a, WINDOW *w, int y, int rows, int cols, int pinned)
{
	const struct state *st = app_session(a)->state;
	int *order = xcalloc(st->nquestions + 1, sizeof *order);
	size_t n, i, shown = 0;

	n = qa_rank_questions(st, st->agenda_id, QA_NO_ANSWERED, order);
	if (n == 0 && pinned < 0)
		draw_text_centre(w, y, 0, cols, _("Questions for the speaker "
		    "appear here: ask on your terminal (Questions screen, a)."),
		    draw_attr(DR_DIM));
	for (i = 0; i < n && shown < TOP_QUESTIONS && y < rows; i++) {
		const struct question *q = &st->questions[order[i]];

		if (order[i] == pinned)
			continue;
		draw_textf(w, y, 1, 8, draw_attr(DR_HEADING),
		    "\xe2\x96\xb2 %zu", q->nupvoters);
		y += draw_wrapped(w, y, 9, cols - 10, 0, 2, q->text, A_NORMAL);
		shown++;
	}
	free(order);
}

static void
pjq_draw(void *self, struct app *a, WINDOW *w)
{
	const struct state *st = app_session(a)->state;
	int rows, cols, y = 0, pinned = qa_pinned(st), pi = shown_poll(st);
	int bottom;

	(void)self;
	getmaxyx(w, rows, cols);
	bottom = rows;
	if (pi >= 0 && poll_rows(&st->polls[pi]) + 4 < rows) {
		bottom = rows - poll_rows(&st->polls[pi]) - 1;
		draw_poll(w, bottom, rows, cols, &st->polls[pi]);
	}
	if (pinned >= 0)
		y = draw_pinned(a, w, bottom, cols, &st->questions[pinned]);
	else
		y = 1;
	draw_top(a, w, y, bottom, cols, pinned);
}

/* The projector follows without keys of its own. */
const struct screen_ops projector_questions = {
	.name = N_("Questions"),
	.draw = pjq_draw,
};
