/*
 * state_votes.c -- voting rounds and their dots.
 *
 * Each round keeps its tallies in an open-addressing hash on (voter, idea)
 * with running totals per voter and per idea, so that a dot costs O(1) on
 * replay and every total the screens ask for is a lookup.
 */
#include "state.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "state_int.h"
#include "util.h"

struct round_index {
	int *spent;		/* per voter index */
	size_t nspent, capspent;
	int *idea_dots, *idea_voters;	/* per idea index */
	size_t nidea_dots, capidea_dots, nidea_voters, capidea_voters;
	int nvoters;		/* voters with any dot */
	int *slots;		/* tally indexes, -1 empty; power of two */
	size_t nslots;
};

static void tally_drop_slots(struct round *r);

void
state_apply_voting_open(struct state *st, const struct event *ev)
{
	int room = state_opt_ref(st, K_ROOM, ev->room);
	struct round *r;

	if (room == -2 || ev->n < 1 || ev->n > INT_MAX ||
	    state_claim_id(st, K_ROUND, ev->id, st->nrounds) != 0) {
		state_unknown(st);
		return;
	}
	st->rounds = xgrow(st->rounds, &st->caprounds, st->nrounds + 1,
	    sizeof *st->rounds);
	r = &st->rounds[st->nrounds];
	memset(r, 0, sizeof *r);
	r->id = arena_strdup(st->arena, ev->id);
	r->room = room;
	r->budget = (int)ev->n;
	r->prototypes_only = ev->extra != NULL &&
	    strcmp(ev->extra, "prototypes") == 0;
	r->open = 1;
	r->opened_at = ev->time_ms;
	r->ix = xcalloc(1, sizeof *r->ix);
	st->current_round = (int)st->nrounds++;
}

void
state_apply_voting_close(struct state *st, const struct event *ev)
{
	int i = state_lookup(st, K_ROUND, ev->id);
	struct round *r;

	if (i < 0) {
		state_unknown(st);
		return;
	}
	r = &st->rounds[i];
	r->open = ev->n == 0;
	r->closed_at = r->open ? 0 : ev->time_ms;
	if (r->open)
		st->current_round = i;
	else
		tally_drop_slots(r);
}

void
state_apply_voting_reveal(struct state *st, const struct event *ev)
{
	int i = state_lookup(st, K_ROUND, ev->id);

	if (i < 0) {
		state_unknown(st);
		return;
	}
	st->rounds[i].revealed = ev->n != 0;
	st->rounds[i].revealed_at = ev->n != 0 ? ev->time_ms : 0;
}

static size_t
tally_hash(int voter, int idea)
{
	uint64_t x = ((uint64_t)(unsigned)voter << 32) | (unsigned)idea;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

/* The slot of (voter, idea): holding its tally index, or empty (-1). */
static int *
tally_slot(const struct round *r, int voter, int idea)
{
	size_t mask = r->ix->nslots - 1, i = tally_hash(voter, idea) & mask;
	int *s;

	for (;; i = (i + 1) & mask) {
		s = &r->ix->slots[i];
		if (*s < 0 || (r->tally[*s].voter == voter &&
		    r->tally[*s].idea == idea))
			return s;
	}
}

static void
tally_rehash(struct round *r)
{
	size_t n = r->ix->nslots < 16 ? 16 : r->ix->nslots * 2, i;

	free(r->ix->slots);
	r->ix->slots = xmalloc(n * sizeof *r->ix->slots);
	r->ix->nslots = n;
	for (i = 0; i < n; i++)
		r->ix->slots[i] = -1;
	for (i = 0; i < r->ntally; i++)
		*tally_slot(r, r->tally[i].voter, r->tally[i].idea) = (int)i;
}

/* A closed round takes no dots: its hash (4 bytes a slot, 64 KB for
 * 8,000 tallies) is dropped, and rebuilt if the round opens again or
 * someone asks for a voter's dots on an idea. */
static void
tally_drop_slots(struct round *r)
{
	free(r->ix->slots);
	r->ix->slots = NULL;
	r->ix->nslots = 0;
}

static void
tally_need_slots(struct round *r)
{
	if (r->ix->nslots == 0 && r->ntally > 0) {
		while (r->ix->nslots < r->ntally * 2)
			r->ix->nslots = r->ix->nslots < 16 ? 16 :
			    r->ix->nslots * 2;
		r->ix->nslots /= 2;
		tally_rehash(r);
	}
}

static struct dot_tally *
tally_get(struct round *r, int voter, int idea)
{
	int *s;
	struct dot_tally *t;

	tally_need_slots(r);
	if ((r->ntally + 1) * 2 > r->ix->nslots)
		tally_rehash(r);
	s = tally_slot(r, voter, idea);
	if (*s >= 0)
		return &r->tally[*s];
	r->tally = xgrow(r->tally, &r->captally, r->ntally + 1,
	    sizeof *r->tally);
	t = &r->tally[r->ntally];
	memset(t, 0, sizeof *t);
	t->voter = voter;
	t->idea = idea;
	*s = (int)r->ntally++;
	return t;
}

static void
round_add(struct round *r, int voter, int idea, int dots, int64_t at)
{
	struct round_index *x = r->ix;
	struct dot_tally *t = tally_get(r, voter, idea);
	int *spent, *idots, *ivoters, was = t->dots;

	t->dots += dots;
	t->cast_at = at;
	spent = state_int_at(&x->spent, &x->nspent, &x->capspent,
	    (size_t)voter, 0);
	if (*spent == 0 && *spent + dots > 0)
		x->nvoters++;
	else if (*spent > 0 && *spent + dots <= 0)
		x->nvoters--;
	*spent += dots;
	idots = state_int_at(&x->idea_dots, &x->nidea_dots, &x->capidea_dots,
	    (size_t)idea, 0);
	*idots += dots;
	ivoters = state_int_at(&x->idea_voters, &x->nidea_voters,
	    &x->capidea_voters, (size_t)idea, 0);
	if (was <= 0 && t->dots > 0)
		(*ivoters)++;
	else if (was > 0 && t->dots <= 0)
		(*ivoters)--;
}

void
state_apply_dot(struct state *st, const struct event *ev)
{
	int rd = state_lookup(st, K_ROUND, ev->ref);
	int idea = state_lookup(st, K_IDEA, ev->id);
	int voter = state_lookup(st, K_PARTICIPANT, ev->actor);
	struct round *r;

	if (rd < 0 || idea < 0 || voter < 0 || ev->n == 0 ||
	    ev->n > INT_MAX / 2 || ev->n < -(INT_MAX / 2)) {
		state_unknown(st);
		return;
	}
	r = &st->rounds[rd];
	/* Net dots never go below zero: such a record cannot come from
	 * the rules, and applying it would corrupt every total. */
	if (round_voter_dots(r, voter, idea) + ev->n < 0) {
		state_unknown(st);
		return;
	}
	round_add(r, voter, idea, (int)ev->n, ev->time_ms);
	state_touch(st, voter, state_day_of(st, ev->time_ms), ev->time_ms,
	    ev->n > 0 ? 1 : 0);
}

void
state_free_rounds(struct state *st)
{
	size_t i;
	struct round_index *x;

	for (i = 0; i < st->nrounds; i++) {
		x = st->rounds[i].ix;
		free(st->rounds[i].tally);
		if (x == NULL)
			continue;
		free(x->spent);
		free(x->idea_dots);
		free(x->idea_voters);
		free(x->slots);
		free(x);
	}
	free(st->rounds);
}

int
round_spent(const struct round *r, int voter)
{
	return r->ix != NULL ?
	    state_int_get(r->ix->spent, r->ix->nspent, voter) : 0;
}

int
round_idea_dots(const struct round *r, int idea)
{
	return r->ix != NULL ?
	    state_int_get(r->ix->idea_dots, r->ix->nidea_dots, idea) : 0;
}

int
round_idea_voters(const struct round *r, int idea)
{
	return r->ix != NULL ?
	    state_int_get(r->ix->idea_voters, r->ix->nidea_voters, idea) : 0;
}

int
round_voters(const struct round *r)
{
	return r->ix != NULL ? r->ix->nvoters : 0;
}

int
round_voter_dots(const struct round *r, int voter, int idea)
{
	int *s;
	size_t i;

	if (r->ix == NULL || r->ntally == 0)
		return 0;
	if (r->ix->nslots == 0) {
		/* a closed round: a scan, rather than keeping its hash */
		for (i = 0; i < r->ntally; i++)
			if (r->tally[i].voter == voter &&
			    r->tally[i].idea == idea)
				return r->tally[i].dots;
		return 0;
	}
	s = tally_slot(r, voter, idea);
	return *s >= 0 ? r->tally[*s].dots : 0;
}

int
state_open_round(const struct state *st)
{
	int i = st->current_round;

	return i >= 0 && (size_t)i < st->nrounds && st->rounds[i].open ? i : -1;
}

int
round_covers(const struct state *st, const struct round *r, int idea)
{
	const struct idea *it;

	if (idea < 0 || (size_t)idea >= st->nideas)
		return 0;
	it = &st->ideas[idea];
	if (r->room >= 0 && it->room != r->room)
		return 0;
	return !r->prototypes_only || it->prototype;
}
