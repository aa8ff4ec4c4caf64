/* questions.c -- what the screens of questions, polls and the evaluation
 * share (questions.h): who asked, a poll's results as bars, and which
 * screen a participant terminal brings forward. */
#include "questions.h"

#include <limits.h>
#include <stddef.h>

#include "app.h"
#include "draw.h"
#include "i18n.h"
#include "participant.h"
#include "qa.h"
#include "session.h"
#include "state.h"

int
questions_author_shown(struct app *a)
{
	const struct session *s = app_session(a);

	return !s->set.anonymous && !s->state->anonymous;
}

const char *
questions_author(struct app *a, const struct question *q)
{
	const struct state *st = app_session(a)->state;

	if (q->author < 0 || (size_t)q->author >= st->nparticipants)
		return _("someone");
	return st->participants[q->author].name;
}

const char *
questions_option_label(const struct poll *p, size_t i)
{
	if (p->kind != POLL_SCALE)
		return p->options[i];
	return i == 0 ? _("lowest") : i + 1 == p->noptions ? _("highest") : "";
}

int
questions_draw_results(WINDOW *w, int y, int x, int rows, int cols,
    const struct poll *p, unsigned mine)
{
	int pct[QUESTIONS_MAX_CHOICES], label, bx;
	int bar = cols / 3 > 30 ? 30 : cols / 3;
	int top = qa_poll_top(p), mean = qa_poll_mean10(p), r = 0;
	size_t i;
	attr_t at;

	if (p->noptions > QUESTIONS_MAX_CHOICES || cols < 20)
		return 0;
	qa_poll_percent(p, pct);
	/* The option's text takes what the bar and the figures leave. */
	label = cols - 4 - bar - 16;
	if (label < 8) {
		label = 8;
		bar = cols - 4 - label - 16;
	}
	for (i = 0; i < p->noptions && r < rows; i++, r++) {
		at = (int)i == top ? draw_attr(DR_STRONG) : A_NORMAL;
		draw_textf(w, y + r, x, 4, at, "%s%zu",
		    i < sizeof mine * CHAR_BIT && mine & 1u << i ?
		    "\xe2\x98\x85" : " ", i + 1);
		draw_text(w, y + r, x + 4, label - 1, questions_option_label(p, i),
		    at);
		bx = x + 4 + label;
		if (bar > 2)
			draw_bar(w, y + r, bx, bar, p->answers[i],
			    p->nvoters > 0 ? (long)p->nvoters : 1,
			    draw_attr(DR_BAR));
		draw_textf(w, y + r, bx + (bar > 2 ? bar + 1 : 0), 15, at,
		    "%3d%% (%u)", pct[i], p->answers[i]);
	}
	if (r < rows) {
		if (mean >= 0)
			draw_textf(w, y + r, x, cols, draw_attr(DR_HEADING),
			    ngettext("Average %d.%d of 5, %zu answer",
			    "Average %d.%d of 5, %zu answers", p->nvoters),
			    mean / 10, mean % 10, p->nvoters);
		else if (p->kind == POLL_MULTI)
			/* Shares of respondents (percent.h): say why they
			 * may add up to more than 100. */
			draw_textf(w, y + r, x, cols, draw_attr(DR_DIM),
			    ngettext("%zu person answered, choosing one or "
			    "more: each share is of them",
			    "%zu people answered, choosing one or more: each "
			    "share is of them", p->nvoters), p->nvoters);
		else
			draw_textf(w, y + r, x, cols, draw_attr(DR_DIM),
			    ngettext("%zu person answered",
			    "%zu people answered", p->nvoters), p->nvoters);
		r++;
	}
	return r;
}

/* One terminal, one person at a time: what has already been brought
 * forward is remembered here (qa_attention restarts for the next person). */
static struct qa_seen attention_seen;

const struct screen_ops *
questions_attention(struct app *a)
{
	return qa_attention(app_session(a)->state, participant_index(a),
	    &attention_seen) >= 0 ?
	    &part_poll : NULL;
}
