/*
 * qa.h -- what the screens of questions, polls and the evaluation show,
 * worked out from the state without a terminal (the screens in
 * screens/console_questions.c, console_polls.c, part_*.c and
 * projector_questions.c draw it; tests/test_qa.c checks it).
 *
 * Indexes are into the state's arrays (st->questions, st->polls) and the
 * module's (m->polls, m->evals); they are valid until the next
 * state_apply().
 */
#ifndef CONVENE_QA_H
#define CONVENE_QA_H

#include <stddef.h>

#include "content.h"
#include "state.h"

/* --- questions ----------------------------------------------------------- */

enum {
	QA_ALL_ITEMS = 1 << 0,		/* every agenda item, not just one */
	QA_WITH_HIDDEN = 1 << 1,	/* hidden questions too (last) */
	QA_NO_ANSWERED = 1 << 2		/* leave answered questions out */
};

/*
 * The questions asked during agenda item `agenda_id` (NULL or "": before
 * the first item), ranked: open questions before answered ones, hidden
 * ones last; within each, more upvotes first, then the earlier asked, then
 * the older record.  Fills out[] (room for st->nquestions) with question
 * indexes and returns how many.
 */
size_t qa_rank_questions(const struct state *st, const char *agenda_id,
    unsigned flags, int *out);

/* The pinned question the projector shows: the newest pinned one that is
 * not hidden, or -1. */
int qa_pinned(const struct state *st);

/* 1 when the two agenda ids name the same item (NULL and "" are both
 * "before the first item"). */
int qa_same_item(const char *a, const char *b);

/* --- polls --------------------------------------------------------------- */

/*
 * Each option's share of the people who answered, in whole percent, into
 * pct[] (room for p->noptions), by percent.h, the one place every screen
 * and file takes its percentages from: one-answer polls (single, scale)
 * are split by the largest remainder so the shares add up to exactly 100;
 * a multiple-choice poll shows each option's share of the respondents
 * (people choose several, so the sum may pass 100).  All 0 when nobody
 * answered.
 */
void qa_poll_percent(const struct poll *p, int *pct);

/* The average of a scale poll's answers times 10 (3.4 -> 34, rounded), or
 * -1 when it is not a scale poll or nobody answered. */
int qa_poll_mean10(const struct poll *p);

/* The option with the most answers (the first of a tie), or -1 when nobody
 * answered. */
int qa_poll_top(const struct poll *p);

/*
 * The poll a participant's poll screen shows: the oldest open poll that
 * `participant` (an index, -1 nobody) has not answered; else the newest
 * open poll; else the newest revealed one; else the newest poll; -1 when
 * there is none.
 */
int qa_poll_for(const struct state *st, int participant);

/* The module's poll for agenda item `agenda_id`, or -1. */
int qa_module_poll(const struct module *m, const char *agenda_id);

/* The poll of the state opened from module poll `mp` (same agenda item,
 * same question and kind), newest first; -1 when it was never opened. */
int qa_module_poll_opened(const struct state *st,
    const struct module_poll *mp);

/*
 * Splits an ad-hoc poll's options as typed on the console ("Yes | No |
 * Not sure") at '|' and trims the spaces around each.  *out gets a
 * NULL-terminated array of copies (free with qa_options_free); returns the
 * number of options: 0 for text that is empty or all spaces (a 1-5 scale).
 * Empty options between bars are kept (the poll's rules refuse them).
 */
int qa_split_options(const char *text, char ***out);
void qa_options_free(char **options);

/*
 * What brings the poll screen forward on a participant terminal: a poll
 * opened that the participant has not answered, or results revealed since
 * the last call.  `seen` is the caller's memory between calls, zeroed at
 * first: the first call only notes the revealed polls there are already
 * (old results do not jump at someone joining), while an open poll not
 * answered yet does.  A different participant (the next person at a
 * kiosk) starts afresh; with nobody at the terminal (participant -1)
 * nothing is shown and nothing counts as seen.  Returns the poll index to
 * show, or -1.
 */
struct qa_seen {
	int started;
	int participant;	/* whom it was for: another person restarts */
	size_t npolls;		/* polls looked at for "opened" */
	size_t nrevealed;	/* revealed polls counted */
};
int qa_attention(const struct state *st, int participant,
    struct qa_seen *seen);

/* --- the evaluation ------------------------------------------------------ */

/* How many of the module's evaluation questions the participant answered. */
size_t qa_eval_answered(const struct module *m, const struct state *st,
    int participant);

/* The first evaluation question (module order) the participant has not
 * answered and that is not set in skipped[] (may be NULL; m->nevals
 * entries), from index `from` on; m->nevals when there is none left. */
size_t qa_eval_next(const struct module *m, const struct state *st,
    int participant, const unsigned char *skipped, size_t from);

#endif
