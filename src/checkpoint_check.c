/*
 * checkpoint_check.c -- every part of a mapped checkpoint checked before
 * the state uses it (checkpoint_int.h).  A setgid convene reads files
 * that others in its group can write, so nothing in the image is trusted:
 *
 *   - an array pointer is NULL (with nothing in it) or points into the
 *     objects, aligned, with all of its room (cap elements) inside;
 *   - a string pointer is NULL only where the state allows it, and points
 *     at the start of one of the strings, every one of which ends with a
 *     NUL inside the region and is valid UTF-8;
 *   - counts fit their rooms; every index (a room, an author, an idea, a
 *     voter, a checkin, an agenda item) is -1 where "none" is allowed or
 *     within its array; ids are well-formed ("p12"); enumerations and
 *     the numbers the state bounds when it applies records are in range.
 *
 * What is checked is what the state's code relies on to stay in bounds;
 * a checkpoint that passes but lies about the workshop shows a wrong
 * workshop until the next full replay, as a forged journal would.
 */
#include "checkpoint.h"

#include <stdalign.h>
#include <string.h>

#include "checkpoint_int.h"
#include "state_int.h"
#include "text.h"

struct ck {
	uintptr_t obj_lo, obj_hi, str_lo, str_hi;
	const struct state *st;	/* the image's */
	const struct state_index *ix;
	int64_t journal_end;
	const char *why;
};

#define FAIL(c, w) ((c)->why = (w), -1)

/* n elements of esize at p, room for cap: inside the objects. */
static int
arr_ok(struct ck *c, const void *p, size_t n, size_t cap, size_t esize,
    size_t align)
{
	uintptr_t a = (uintptr_t)p;

	if (p == NULL)
		return n == 0 && cap == 0 ? 0 : FAIL(c, "an array is missing");
	if (n > cap || a % align != 0 || a < c->obj_lo || a > c->obj_hi ||
	    cap > (c->obj_hi - a) / esize)
		return FAIL(c, "an array is out of bounds");
	return 0;
}

#define ARR(c, p, n, cap) \
	arr_ok((c), (p), (n), (cap), sizeof *(p), alignof(__typeof__(*(p))))

/* A string pointer: the start of one of the strings (NULL if allowed). */
static int
str_ok(struct ck *c, const char *s, int may_be_null)
{
	uintptr_t a = (uintptr_t)s;

	if (s == NULL)
		return may_be_null ? 0 : FAIL(c, "a string is missing");
	if (a < c->str_lo || a >= c->str_hi ||
	    (a > c->str_lo && s[-1] != '\0'))
		return FAIL(c, "a string is out of bounds");
	return 0;
}

static int
id_ok(struct ck *c, const char *id, char letter)
{
	if (str_ok(c, id, 0) != 0)
		return -1;
	return state_id_number(id, letter) != 0 ? 0 :
	    FAIL(c, "an id is malformed");
}

/* -1 (when none is allowed) up to n - 1. */
static int
index_ok(struct ck *c, long i, size_t n, int none)
{
	if ((none && i == -1) || (i >= 0 && (size_t)i < n))
		return 0;
	return FAIL(c, "an index is out of range");
}

/* A time (UTC ms): within what the journal's times can be (years 0000 to
 * 9999 fit), so that differences and sums of two never overflow.  Spans a
 * timer adds up get more room. */
#define TIME_MAX (INT64_C(1) << 48)
#define SPAN_MAX (INT64_C(1) << 62)

static int
time_ok(struct ck *c, int64_t t)
{
	return t >= -TIME_MAX && t <= TIME_MAX ? 0 :
	    FAIL(c, "a time is out of range");
}

static int
span_ok(struct ck *c, int64_t t)
{
	return t >= -SPAN_MAX && t <= SPAN_MAX ? 0 :
	    FAIL(c, "a timer's length is out of range");
}

/* Every string ends inside the region with a NUL and is valid UTF-8. */
static int
strings_ok(struct ck *c)
{
	const char *p = (const char *)c->str_lo, *end = (const char *)c->str_hi;
	const char *nul;

	if (p == end || end[-1] != '\0')
		return FAIL(c, "the strings do not end with a NUL");
	for (; p < end; p = nul + 1) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (text_validate(p, (size_t)(nul - p), NULL) != 0)
			return FAIL(c, "a string is not valid UTF-8");
	}
	return 0;
}

static int
participants_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct participant *p;
	size_t i;

	if (ARR(c, st->participants, st->nparticipants, st->capparticipants))
		return -1;
	for (i = 0; i < st->nparticipants; i++) {
		p = &st->participants[i];
		if (id_ok(c, p->id, 'p') || str_ok(c, p->name, 0) ||
		    str_ok(c, p->country, 0) || str_ok(c, p->org, 0) ||
		    str_ok(c, p->email, 0) || str_ok(c, p->pin_hash, 1) ||
		    str_ok(c, p->tz, 1) || str_ok(c, p->lang, 1) ||
		    index_ok(c, p->room, st->nrooms, 1) ||
		    time_ok(c, p->joined_at))
			return -1;
	}
	if (ARR(c, st->rooms, st->nrooms, st->caprooms))
		return -1;
	for (i = 0; i < st->nrooms; i++)
		if (id_ok(c, st->rooms[i].id, 'r') ||
		    str_ok(c, st->rooms[i].name, 0) ||
		    str_ok(c, st->rooms[i].topic, 0))
			return -1;
	return 0;
}

static int
ideas_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct idea *it;
	size_t i;

	if (ARR(c, st->ideas, st->nideas, st->capideas))
		return -1;
	for (i = 0; i < st->nideas; i++) {
		it = &st->ideas[i];
		if (it->number == 0 || it->number > INT32_MAX ||
		    index_ok(c, it->room, st->nrooms, 1) ||
		    index_ok(c, it->author, st->nparticipants, 1) ||
		    index_ok(c, it->merged_into, st->nideas, 1) ||
		    it->agenda > c->ix->nagenda || time_ok(c, it->created_at))
			return FAIL(c, "an idea is out of range");
		if (it->text_in_journal ? it->text.at <= 0 ||
		    it->text.at >= c->journal_end : str_ok(c, it->text.kept, 0))
			return FAIL(c, "an idea's text is out of range");
	}
	return 0;
}

static int
tally_ok(struct ck *c, const struct round *r)
{
	const struct round_index *x = r->ix;
	struct dot_tally t;
	const struct tally_small *s;
	size_t i;

	if (x == NULL || ARR(c, x, 1, 1) || x->wide < 0 || x->wide > 1 ||
	    x->slots != NULL || x->cap != r->ntally ||
	    x->capspent != x->nspent || x->nvoters < 0 ||
	    (size_t)x->nvoters > x->nspent)
		return FAIL(c, "a round's tally is malformed");
	if (x->wide ? arr_ok(c, x->ent, r->ntally, x->cap,
	    sizeof(struct dot_tally), alignof(struct dot_tally)) :
	    arr_ok(c, x->ent, r->ntally, x->cap, sizeof(struct tally_small),
	    alignof(struct tally_small)))
		return -1;
	if (ARR(c, x->spent, x->nspent, x->capspent))
		return -1;
	for (i = 0; i < x->nspent; i++)
		if (x->spent[i] < 0)	/* as replay keeps them */
			return FAIL(c, "dots spent are out of range");
	for (i = 0; i < r->ntally; i++) {
		if (x->wide) {
			t = ((const struct dot_tally *)x->ent)[i];
			if (time_ok(c, t.cast_at))
				return -1;
		} else {
			s = (const struct tally_small *)x->ent + i;
			t.idea = s->idea_hi << 16 | s->idea_lo;
			t.voter = s->voter;
			t.dots = s->dots;
		}
		if (index_ok(c, t.idea, c->st->nideas, 0) ||
		    index_ok(c, t.voter, c->st->nparticipants, 0) || t.dots < 0)
			return FAIL(c, "a dot is out of range");
	}
	return 0;
}

static int
rounds_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct round *r;
	size_t i;

	if (ARR(c, st->rounds, st->nrounds, st->caprounds) ||
	    index_ok(c, st->current_round, st->nrounds, 1))
		return -1;
	for (i = 0; i < st->nrounds; i++) {
		r = &st->rounds[i];
		if (id_ok(c, r->id, 'v') || str_ok(c, r->from, 1) ||
		    r->budget < 1 ||
		    index_ok(c, r->room, st->nrooms, 1) ||
		    (r->ballot == NULL) != (r->nballot == 0) ||
		    ARR(c, r->ballot, r->nballot, r->nballot) ||
		    time_ok(c, r->opened_at) || time_ok(c, r->closed_at) ||
		    time_ok(c, r->revealed_at) || tally_ok(c, r))
			return -1;
	}
	return 0;
}

static int
timers_visits_ok(struct ck *c)
{
	const struct state *st = c->st;
	size_t i;

	if (ARR(c, st->timers, st->ntimers, st->captimers) ||
	    st->ntimers < 1 || st->timers[0].room != -1)
		return FAIL(c, "the session timer is missing");
	for (i = 0; i < st->ntimers; i++)
		if (index_ok(c, st->timers[i].room, st->nrooms, 1) ||
		    st->timers[i].state < TIMER_IDLE ||
		    st->timers[i].state > TIMER_PAUSED ||
		    time_ok(c, st->timers[i].run_since) ||
		    time_ok(c, st->timers[i].started_at) ||
		    time_ok(c, st->timers[i].stopped_at) ||
		    span_ok(c, st->timers[i].length_ms) ||
		    span_ok(c, st->timers[i].elapsed_ms))
			return FAIL(c, "a timer is out of range");
	if (ARR(c, st->visits, st->nvisits, st->capvisits))
		return -1;
	for (i = 0; i < st->nvisits; i++)
		if (str_ok(c, st->visits[i].agenda_id, 0) ||
		    time_ok(c, st->visits[i].at))
			return -1;
	if (ARR(c, st->checkins, st->ncheckins, st->capcheckins))
		return -1;
	for (i = 0; i < st->ncheckins; i++)
		if (index_ok(c, st->checkins[i].participant,
		    st->nparticipants, 0) ||
		    time_ok(c, st->checkins[i].first_seen) ||
		    time_ok(c, st->checkins[i].last_seen))
			return -1;
	if (ARR(c, st->messages, st->nmessages, st->capmessages))
		return -1;
	for (i = 0; i < st->nmessages; i++)
		if (index_ok(c, st->messages[i].room, st->nrooms, 1) ||
		    str_ok(c, st->messages[i].text, 0) ||
		    time_ok(c, st->messages[i].at))
			return -1;
	return 0;
}

static int
questions_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct question *q;
	size_t i, k;

	if (ARR(c, st->questions, st->nquestions, st->capquestions))
		return -1;
	for (i = 0; i < st->nquestions; i++) {
		q = &st->questions[i];
		if (id_ok(c, q->id, 'q') || str_ok(c, q->text, 0) ||
		    str_ok(c, q->agenda_id, 1) ||
		    index_ok(c, q->author, st->nparticipants, 1) ||
		    time_ok(c, q->asked_at) ||
		    ARR(c, q->upvoters, q->nupvoters, q->capupvoters))
			return -1;
		for (k = 0; k < q->nupvoters; k++)
			if (index_ok(c, q->upvoters[k], st->nparticipants, 0))
				return -1;
	}
	return 0;
}

static int
polls_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct poll *p;
	size_t i, k;

	if (ARR(c, st->polls, st->npolls, st->cappolls))
		return -1;
	for (i = 0; i < st->npolls; i++) {
		p = &st->polls[i];
		if (id_ok(c, p->id, 'o') || str_ok(c, p->question, 0) ||
		    str_ok(c, p->agenda_id, 1) || p->kind < POLL_SINGLE ||
		    p->kind > POLL_SCALE || p->options == NULL ||
		    time_ok(c, p->opened_at) ||
		    p->answers == NULL ||
		    ARR(c, p->options, p->noptions, p->noptions) ||
		    ARR(c, p->answers, p->noptions, p->noptions) ||
		    ARR(c, p->voters, p->nvoters, p->capvoters))
			return FAIL(c, "a poll is malformed");
		for (k = 0; k < p->noptions; k++)
			if (str_ok(c, p->options[k], 0))
				return -1;
		for (k = 0; k < p->nvoters; k++)
			if (index_ok(c, p->voters[k].participant,
			    st->nparticipants, 0))
				return -1;
	}
	if (ARR(c, st->evals, st->nevals, st->capevals))
		return -1;
	for (i = 0; i < st->nevals; i++)
		if (index_ok(c, st->evals[i].participant, st->nparticipants,
		    0) || time_ok(c, st->evals[i].at) ||
		    str_ok(c, st->evals[i].question, 0) ||
		    str_ok(c, st->evals[i].text, 0))
			return -1;
	return 0;
}

static int
plan_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct plan_change *p;
	size_t i;
	int placed;

	if (ARR(c, st->plan, st->nplan, st->capplan))
		return -1;
	for (i = 0; i < st->nplan; i++) {
		p = &st->plan[i];
		placed = p->action == PLAN_MOVE || p->action == PLAN_ADD;
		if (str_ok(c, p->item, 0) || str_ok(c, p->title,
		    p->action != PLAN_ADD) || (unsigned)p->action > PLAN_ADD ||
		    p->kind < 0 || p->kind > 4 || (placed && (p->day < 1 ||
		    p->day > STATE_DAYS_MAX || p->start_min < 0 ||
		    p->start_min >= 24 * 60)) || ((p->action == PLAN_LENGTH ||
		    p->action == PLAN_ADD) && (p->minutes < 1 ||
		    p->minutes > 24 * 60)))
			return FAIL(c, "a change to the plan is out of range");
	}
	if (ARR(c, st->bad, st->nbad, st->capbad))
		return -1;
	for (i = 0; i < st->nbad; i++)
		if (str_ok(c, st->bad[i].why, 0))
			return -1;
	return 0;
}

static int
rest_ok(struct ck *c)
{
	const struct state *st = c->st;
	size_t i;

	if (str_ok(c, st->agenda_id, 1) || str_ok(c, st->present.item, 1) ||
	    st->present.block < 0 || st->present.block > 100000000L ||
	    st->present.offset < -1 || st->present.offset > 100000000L ||
	    st->nday_last > STATE_DAYS_MAX + 1 ||
	    ARR(c, st->day_last, st->nday_last, st->nday_last) ||
	    ARR(c, st->day_timer_end, st->nday_last, st->nday_last) ||
	    time_ok(c, st->last_time))
		return FAIL(c, "the state's fields are out of range");
	for (i = 0; i < st->nday_last; i++)
		if (time_ok(c, st->day_last[i]) ||
		    span_ok(c, st->day_timer_end[i]))
			return -1;
	return 0;
}

static int
map_ok(struct ck *c, const struct idmap *m, size_t n)
{
	size_t i;

	if (ARR(c, m->idx, m->n, m->cap))
		return -1;
	for (i = 0; i < m->n; i++)
		if (index_ok(c, m->idx[i], n, 1))
			return -1;
	return 0;
}

static int
index_all_ok(struct ck *c)
{
	const struct state *st = c->st;
	const struct state_index *ix = c->ix;
	const size_t counts[K_COUNT] = { st->nparticipants, st->nrooms,
	    st->nideas, st->nrounds, st->nquestions, st->npolls };
	size_t k;

	for (k = 0; k < K_COUNT; k++)
		if (map_ok(c, &ix->map[k], counts[k]))
			return -1;
	if (ARR(c, ix->last_checkin, ix->nlast, ix->caplast) ||
	    ARR(c, ix->agenda_ids, ix->nagenda, ix->capagenda) ||
	    ARR(c, ix->edited_at, ix->nedited, ix->capedited) ||
	    ARR(c, ix->odd_stages, ix->nodd, ix->capodd) ||
	    ix->map_base != NULL || ix->nagenda > INT32_MAX)
		return -1;
	for (k = 0; k < ix->nedited; k++)
		if (time_ok(c, ix->edited_at[k]))
			return -1;
	for (k = 0; k < ix->nlast; k++)
		if (index_ok(c, ix->last_checkin[k], st->ncheckins, 1))
			return -1;
	for (k = 0; k < ix->nagenda; k++)
		if (str_ok(c, ix->agenda_ids[k], 0))
			return -1;
	for (k = 0; k < ix->nodd; k++)
		if (index_ok(c, ix->odd_stages[k].idea, st->nideas, 0) ||
		    str_ok(c, ix->odd_stages[k].stage, 0))
			return -1;
	return 0;
}

int
ck_check_image(const struct ck_header *h, const char **why)
{
	struct ck c;

	c.obj_lo = (uintptr_t)(h->base + h->obj_off);
	c.obj_hi = c.obj_lo + (uintptr_t)h->obj_len;
	c.str_lo = (uintptr_t)(h->base + h->str_off);
	c.str_hi = c.str_lo + (uintptr_t)h->str_len;
	c.st = (const void *)(uintptr_t)(h->base + h->state_at);
	c.ix = (const void *)(uintptr_t)(h->base + h->index_at);
	c.journal_end = h->mark.offset;
	c.why = NULL;
	if ((const void *)c.st->ix != c.ix) {
		*why = "the state's index is not where the header says";
		return -1;
	}
	if (strings_ok(&c) || index_all_ok(&c) || participants_ok(&c) ||
	    ideas_ok(&c) || rounds_ok(&c) || timers_visits_ok(&c) ||
	    questions_ok(&c) || polls_ok(&c) || plan_ok(&c) || rest_ok(&c)) {
		*why = c.why != NULL ? c.why : "it is malformed";
		return -1;
	}
	return 0;
}

int
ck_check_strings(const char *s, size_t len)
{
	struct ck c;

	memset(&c, 0, sizeof c);
	c.str_lo = (uintptr_t)s;
	c.str_hi = (uintptr_t)s + len;
	return strings_ok(&c);
}
