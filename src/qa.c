/*
 * qa.c -- ranking questions, poll shares and evaluation progress for the
 * screens, with no terminal in sight.
 */
#include "qa.h"

#include <stdlib.h>
#include <string.h>

#include "percent.h"
#include "util.h"

/* --- questions ----------------------------------------------------------- */

int
qa_same_item(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

/* A question as the ranking sees it. */
struct rank_key {
	int index;
	int group;		/* 0 open, 1 answered, 2 hidden */
	size_t votes;
	int64_t asked_at;
};

static int
rank_cmp(const void *pa, const void *pb)
{
	const struct rank_key *a = pa, *b = pb;

	if (a->group != b->group)
		return a->group < b->group ? -1 : 1;
	if (a->votes != b->votes)
		return a->votes > b->votes ? -1 : 1;
	if (a->asked_at != b->asked_at)
		return a->asked_at < b->asked_at ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static int
question_wanted(const struct question *q, const char *agenda_id,
    unsigned flags)
{
	if (!(flags & QA_ALL_ITEMS) && !qa_same_item(q->agenda_id, agenda_id))
		return 0;
	if (q->hidden && !(flags & QA_WITH_HIDDEN))
		return 0;
	if (q->answered && !q->hidden && (flags & QA_NO_ANSWERED))
		return 0;
	return 1;
}

size_t
qa_rank_questions(const struct state *st, const char *agenda_id,
    unsigned flags, int *out)
{
	struct rank_key *keys;
	size_t i, n = 0;

	if (st->nquestions == 0)
		return 0;
	keys = xmalloc(st->nquestions * sizeof *keys);
	for (i = 0; i < st->nquestions; i++) {
		const struct question *q = &st->questions[i];

		if (!question_wanted(q, agenda_id, flags))
			continue;
		keys[n].index = (int)i;
		keys[n].group = q->hidden ? 2 : q->answered ? 1 : 0;
		keys[n].votes = q->nupvoters;
		keys[n].asked_at = q->asked_at;
		n++;
	}
	qsort(keys, n, sizeof *keys, rank_cmp);
	for (i = 0; i < n; i++)
		out[i] = keys[i].index;
	free(keys);
	return n;
}

int
qa_pinned(const struct state *st)
{
	size_t i;

	for (i = st->nquestions; i-- > 0;)
		if (st->questions[i].pinned && !st->questions[i].hidden)
			return (int)i;
	return -1;
}

/* --- polls --------------------------------------------------------------- */

void
qa_poll_percent(const struct poll *p, int *pct)
{
	unsigned long *counts;
	size_t i;

	for (i = 0; i < p->noptions; i++)
		pct[i] = 0;
	if (p->nvoters == 0 || p->answers == NULL)
		return;
	if (p->kind == POLL_MULTI) {
		for (i = 0; i < p->noptions; i++)
			pct[i] = percent_of_people(p->answers[i], p->nvoters);
		return;
	}
	counts = xcalloc(p->noptions + 1, sizeof *counts);
	for (i = 0; i < p->noptions; i++)
		counts[i] = p->answers[i];
	percent_split(counts, p->noptions, pct);
	free(counts);
}

int
qa_poll_mean10(const struct poll *p)
{
	unsigned long total = 0, sum = 0;
	size_t i;

	if (p->kind != POLL_SCALE)
		return -1;
	for (i = 0; i < p->noptions; i++) {
		total += p->answers[i];
		sum += (i + 1) * p->answers[i];
	}
	if (total == 0)
		return -1;
	return (int)((20 * sum + total) / (2 * total));
}

int
qa_poll_top(const struct poll *p)
{
	size_t i;
	int best = -1;

	for (i = 0; i < p->noptions; i++)
		if (p->answers[i] > 0 &&
		    (best < 0 || p->answers[i] > p->answers[best]))
			best = (int)i;
	return best;
}

int
qa_poll_for(const struct state *st, int participant)
{
	size_t i;

	for (i = 0; i < st->npolls; i++)
		if (st->polls[i].open && (participant < 0 ||
		    !poll_answered(&st->polls[i], participant)))
			return (int)i;
	for (i = st->npolls; i-- > 0;)
		if (st->polls[i].open)
			return (int)i;
	for (i = st->npolls; i-- > 0;)
		if (st->polls[i].revealed)
			return (int)i;
	return st->npolls > 0 ? (int)st->npolls - 1 : -1;
}

int
qa_module_poll(const struct module *m, const char *agenda_id)
{
	size_t i;

	if (agenda_id == NULL || *agenda_id == '\0')
		return -1;
	for (i = 0; i < m->npolls; i++)
		if (m->polls[i].session_id != NULL &&
		    strcmp(m->polls[i].session_id, agenda_id) == 0)
			return (int)i;
	return -1;
}

int
qa_module_poll_opened(const struct state *st, const struct module_poll *mp)
{
	size_t i;

	for (i = st->npolls; i-- > 0;) {
		const struct poll *p = &st->polls[i];

		if (p->kind == mp->kind && qa_same_item(p->agenda_id,
		    mp->session_id) && strcmp(p->question, mp->question) == 0)
			return (int)i;
	}
	return -1;
}

/* A copy of s[0..n) without the spaces and tabs around it. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

int
qa_split_options(const char *text, char ***out)
{
	const char *s = text, *bar;
	size_t n = 0, cap = 0;
	char **v = NULL, *all;

	all = trimmed(text, strlen(text));
	if (*all == '\0') {
		free(all);
		*out = xcalloc(1, sizeof **out);
		return 0;
	}
	free(all);
	for (;;) {
		bar = strchr(s, '|');
		v = xgrow(v, &cap, n + 2, sizeof *v);
		v[n++] = trimmed(s, bar != NULL ? (size_t)(bar - s) :
		    strlen(s));
		if (bar == NULL)
			break;
		s = bar + 1;
	}
	v[n] = NULL;
	*out = v;
	return (int)n;
}

void
qa_options_free(char **options)
{
	char **o;

	for (o = options; o != NULL && *o != NULL; o++)
		free(*o);
	free(options);
}

static size_t
revealed_polls(const struct state *st)
{
	size_t i, n = 0;

	for (i = 0; i < st->npolls; i++)
		n += st->polls[i].revealed != 0;
	return n;
}

/* The newest revealed poll, or -1. */
static int
newest_revealed(const struct state *st)
{
	size_t i;

	for (i = st->npolls; i-- > 0;)
		if (st->polls[i].revealed)
			return (int)i;
	return -1;
}

int
qa_attention(const struct state *st, int participant, struct qa_seen *seen)
{
	size_t i, nrev = revealed_polls(st);
	int show = -1;

	if (participant < 0)
		return -1;
	if (!seen->started || seen->participant != participant) {
		seen->started = 1;
		seen->participant = participant;
		seen->nrevealed = nrev;
		seen->npolls = 0;
	}
	if (nrev > seen->nrevealed)
		show = newest_revealed(st);
	seen->nrevealed = nrev;
	for (i = seen->npolls; i < st->npolls; i++)
		if (show < 0 && st->polls[i].open &&
		    !poll_answered(&st->polls[i], participant))
			show = (int)i;
	seen->npolls = st->npolls;
	return show;
}

/* --- the evaluation ------------------------------------------------------ */

size_t
qa_eval_answered(const struct module *m, const struct state *st,
    int participant)
{
	size_t i, n = 0;

	if (participant < 0)
		return 0;
	for (i = 0; i < m->nevals; i++)
		n += state_eval_answered(st, participant, m->evals[i].id) != 0;
	return n;
}

size_t
qa_eval_next(const struct module *m, const struct state *st,
    int participant, const unsigned char *skipped, size_t from)
{
	size_t i;

	for (i = from; i < m->nevals; i++) {
		if (skipped != NULL && skipped[i])
			continue;
		if (participant < 0 ||
		    !state_eval_answered(st, participant, m->evals[i].id))
			return i;
	}
	return m->nevals;
}
