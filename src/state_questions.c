/*
 * state_questions.c -- questions to the speaker, quick polls and the
 * evaluation, as the journal's records make them.
 */
#include "state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "state_int.h"
#include "util.h"

void
state_apply_question(struct state *st, const struct event *ev)
{
	struct question *q;

	if (state_is_empty(ev->text) ||
	    state_claim_id(st, K_QUESTION, ev->id, st->nquestions) != 0) {
		state_unknown(st);
		return;
	}
	st->questions = state_grow(st->questions, &st->capquestions,
	    st->nquestions + 1, sizeof *st->questions);
	q = &st->questions[st->nquestions++];
	memset(q, 0, sizeof *q);
	q->id = arena_strdup(st->arena, ev->id);
	q->text = arena_strdup(st->arena, ev->text);
	q->agenda_id = state_intern_agenda(st, ev->ref);
	q->author = state_participant_or_unknown(st, ev->actor,
	    ev->time_ms);
	q->asked_at = ev->time_ms;
	state_touch(st, q->author, state_day_of(st, ev->time_ms), ev->time_ms,
	    1);
}

void
state_apply_upvote(struct state *st, const struct event *ev)
{
	int qi = state_lookup(st, K_QUESTION, ev->id);
	int p = -1;
	struct question *q;

	if (qi < 0 || (p = state_participant_or_unknown(st, ev->actor,
	    ev->time_ms)) < 0 || question_upvoted(&st->questions[qi], p)) {
		state_unknown(st);
		return;
	}
	q = &st->questions[qi];
	q->upvoters = state_grow(q->upvoters, &q->capupvoters, q->nupvoters + 1,
	    sizeof *q->upvoters);
	q->upvoters[q->nupvoters++] = p;
	state_touch(st, p, state_day_of(st, ev->time_ms), ev->time_ms, 0);
}

void
state_apply_question_mark(struct state *st, const struct event *ev)
{
	int qi = state_lookup(st, K_QUESTION, ev->id);
	const char *what = ev->ref != NULL ? ev->ref : "";
	struct question *q;

	if (qi < 0) {
		state_unknown(st);
		return;
	}
	q = &st->questions[qi];
	if (strcmp(what, "answered") == 0)
		q->answered = ev->n != 0;
	else if (strcmp(what, "hidden") == 0)
		q->hidden = ev->n != 0;
	else if (strcmp(what, "pinned") == 0)
		q->pinned = ev->n != 0;
	else
		state_unknown(st);
}

static size_t
count_lines(const char *s)
{
	size_t n = 1;

	for (; *s != '\0'; s++)
		if (*s == '\n')
			n++;
	return n;
}

static void
poll_options(struct state *st, struct poll *p, const char *extra)
{
	static const char *const scale[] = { "1", "2", "3", "4", "5" };
	size_t i;

	if (p->kind == POLL_SCALE && state_is_empty(extra)) {
		p->noptions = NELEM(scale);
		p->options = arena_alloc(st->arena, sizeof scale);
		memcpy(p->options, scale, sizeof scale);
	} else {
		p->noptions = state_is_empty(extra) ? 0 : count_lines(extra);
		p->options = arena_alloc(st->arena,
		    p->noptions * sizeof *p->options);
		for (i = 0; i < p->noptions; i++)
			p->options[i] = state_next_line(st->arena, &extra);
	}
	p->answers = arena_alloc(st->arena, p->noptions * sizeof *p->answers);
	memset(p->answers, 0, p->noptions * sizeof *p->answers);
}

void
state_apply_poll_open(struct state *st, const struct event *ev)
{
	struct poll *p;

	if (ev->n < POLL_SINGLE || ev->n > POLL_SCALE ||
	    state_claim_id(st, K_POLL, ev->id, st->npolls) != 0) {
		state_unknown(st);
		return;
	}
	st->polls = state_grow(st->polls, &st->cappolls, st->npolls + 1,
	    sizeof *st->polls);
	p = &st->polls[st->npolls++];
	memset(p, 0, sizeof *p);
	p->id = arena_strdup(st->arena, ev->id);
	p->question = arena_strdup(st->arena, ev->text);
	p->agenda_id = state_intern_agenda(st, ev->ref);
	p->kind = (int)ev->n;
	poll_options(st, p, ev->extra != NULL ? ev->extra : "");
	p->open = 1;
	p->opened_at = ev->time_ms;
}

/* Parses an answer's choices (1-based, one a line) into 0-based indexes;
 * -1 when one is not a number in range. */
static int
parse_choices(const char *s, size_t noptions, size_t *out, size_t max,
    size_t *n)
{
	char *end;
	long v;

	*n = 0;
	while (*s != '\0') {
		v = strtol(s, &end, 10);
		if (end == s || v < 1 || (size_t)v > noptions || *n >= max ||
		    (*end != '\n' && *end != '\0'))
			return -1;
		out[(*n)++] = (size_t)v - 1;
		s = *end == '\n' ? end + 1 : end;
	}
	return *n > 0 ? 0 : -1;
}

void
state_apply_poll_answer(struct state *st, const struct event *ev)
{
	int pi = state_lookup(st, K_POLL, ev->id);
	int voter = -1;
	size_t choice[16], n, i;
	unsigned chose = 0;
	struct poll *p;

	if (pi < 0 || (voter = state_participant_or_unknown(st, ev->actor,
	    ev->time_ms)) < 0 || poll_answered(&st->polls[pi], voter) ||
	    parse_choices(ev->extra != NULL ? ev->extra : "",
	    st->polls[pi].noptions, choice, NELEM(choice), &n) != 0) {
		state_unknown(st);
		return;
	}
	p = &st->polls[pi];
	for (i = 0; i < n; i++) {
		p->answers[choice[i]]++;
		if (choice[i] < sizeof chose * CHAR_BIT)
			chose |= 1u << choice[i];
	}
	p->voters = state_grow(p->voters, &p->capvoters, p->nvoters + 1,
	    sizeof *p->voters);
	p->voters[p->nvoters].participant = voter;
	p->voters[p->nvoters++].chose = chose;
	state_touch(st, voter, state_day_of(st, ev->time_ms), ev->time_ms, 1);
}

void
state_apply_poll_close(struct state *st, const struct event *ev)
{
	int pi = state_lookup(st, K_POLL, ev->id);

	if (pi < 0) {
		state_unknown(st);
		return;
	}
	st->polls[pi].open = 0;
}

void
state_apply_poll_reveal(struct state *st, const struct event *ev)
{
	int pi = state_lookup(st, K_POLL, ev->id);

	if (pi < 0) {
		state_unknown(st);
		return;
	}
	st->polls[pi].revealed = 1;
}

void
state_apply_eval(struct state *st, const struct event *ev)
{
	int p = -1;
	struct eval_answer *a;

	if (state_is_empty(ev->id) || (p = state_participant_or_unknown(st,
	    ev->actor, ev->time_ms)) < 0 ||
	    state_eval_answered(st, p, ev->id)) {
		state_unknown(st);
		return;
	}
	st->evals = state_grow(st->evals, &st->capevals, st->nevals + 1,
	    sizeof *st->evals);
	a = &st->evals[st->nevals++];
	memset(a, 0, sizeof *a);	/* padding too: checkpoints copy it */
	a->participant = p;
	a->question = arena_strdup(st->arena, ev->id);
	a->text = arena_strdup(st->arena, ev->text);
	a->value = ev->n;
	a->at = ev->time_ms;
	state_touch(st, p, state_day_of(st, ev->time_ms), ev->time_ms, 1);
}

int
question_upvoted(const struct question *q, int participant)
{
	size_t i;

	for (i = 0; i < q->nupvoters; i++)
		if (q->upvoters[i] == participant)
			return 1;
	return 0;
}

static const struct poll_voter *
find_voter(const struct poll *p, int participant)
{
	size_t i;

	for (i = 0; i < p->nvoters; i++)
		if (p->voters[i].participant == participant)
			return &p->voters[i];
	return NULL;
}

int
poll_answered(const struct poll *p, int participant)
{
	return find_voter(p, participant) != NULL;
}

unsigned
poll_chose(const struct poll *p, int participant)
{
	const struct poll_voter *v = find_voter(p, participant);

	return v != NULL ? v->chose : 0;
}

int
state_eval_answered(const struct state *st, int participant,
    const char *question)
{
	size_t i;

	for (i = 0; i < st->nevals; i++)
		if (st->evals[i].participant == participant &&
		    strcmp(st->evals[i].question, question) == 0)
			return 1;
	return 0;
}
