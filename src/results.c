/* results.c -- ranking a voting round (rules in results.h). */
#include "results.h"

#include <stdint.h>
#include <stdlib.h>

#include "state.h"
#include "util.h"

int
results_root(const struct state *st, int idea)
{
	size_t steps;
	int at = idea;

	if (idea < 0 || (size_t)idea >= st->nideas)
		return -1;
	/* A sound journal never merges in a loop; a damaged one might, so
	 * give up after as many steps as there are ideas. */
	for (steps = 0; steps <= st->nideas; steps++) {
		int next = st->ideas[at].merged_into;

		if (next < 0 || (size_t)next >= st->nideas || next == at)
			return at;
		at = next;
	}
	return idea;
}

struct vote_pair {		/* one voter's dots on one root */
	int root, voter;
};

static int
cmp_pair(const void *a, const void *b)
{
	const struct vote_pair *x = a, *y = b;

	if (x->root != y->root)
		return x->root < y->root ? -1 : 1;
	if (x->voter != y->voter)
		return x->voter < y->voter ? -1 : 1;
	return 0;
}

/* Sums dots per root into dots[] and collects (root, voter) pairs; returns
 * the number of pairs. */
static size_t
collect_tally(const struct state *st, const struct round *r, int *dots,
    struct vote_pair *pairs)
{
	size_t i, np = 0;

	for (i = 0; i < r->ntally; i++) {
		struct dot_tally t = round_tally(r, i);
		int root;

		if (t.dots <= 0 || (root = results_root(st, t.idea)) < 0)
			continue;
		dots[root] += t.dots;
		pairs[np].root = root;
		pairs[np].voter = t.voter;
		np++;
	}
	return np;
}

/* Counts distinct voters per root from the pairs (sorted here). */
static void
count_voters(struct vote_pair *pairs, size_t np, int *voters)
{
	size_t i;

	qsort(pairs, np, sizeof *pairs, cmp_pair);
	for (i = 0; i < np; i++)
		if (i == 0 || cmp_pair(&pairs[i - 1], &pairs[i]) != 0)
			voters[pairs[i].root]++;
}

/* A candidate while sorting: qsort has no context argument, so the
 * creation time rides along instead of being looked up in the state. */
struct candidate {
	struct ranked r;
	int64_t created_at;
};

static int
cmp_candidate(const void *a, const void *b)
{
	const struct candidate *x = a, *y = b;

	if (x->r.dots != y->r.dots)
		return x->r.dots > y->r.dots ? -1 : 1;
	if (x->r.voters != y->r.voters)
		return x->r.voters > y->r.voters ? -1 : 1;
	if (x->created_at != y->created_at)
		return x->created_at < y->created_at ? -1 : 1;
	return x->r.idea < y->r.idea ? -1 : x->r.idea > y->r.idea;
}

static int
same_score(const struct ranked *a, const struct ranked *b)
{
	return a->dots == b->dots && a->voters == b->voters;
}

/* Fills rank, tie and room_rank of a sorted list. */
static void
number_ranks(const struct state *st, struct ranked *list, size_t n)
{
	int *room_next = xcalloc(st->nrooms + 1, sizeof *room_next);
	size_t i;

	for (i = 0; i < n; i++) {
		int slot = list[i].room < 0 ||
		    (size_t)list[i].room >= st->nrooms ? 0 : list[i].room + 1;

		list[i].rank = (int)i + 1;
		list[i].room_rank = ++room_next[slot];
		list[i].tie = (i > 0 && same_score(&list[i - 1], &list[i])) ||
		    (i + 1 < n && same_score(&list[i], &list[i + 1]));
	}
	free(room_next);
}

static int
rankable(const struct idea *idea)
{
	return !idea->withdrawn && !idea->hidden;
}

/* The ranked roots, sorted; returns how many. */
static size_t
sorted_candidates(const struct state *st, const int *dots, const int *voters,
    struct ranked *list)
{
	struct candidate *c = xcalloc(st->nideas, sizeof *c);
	size_t i, count = 0;

	for (i = 0; i < st->nideas; i++) {
		if (dots[i] <= 0 || !rankable(&st->ideas[i]))
			continue;
		c[count].r.idea = (int)i;
		c[count].r.room = st->ideas[i].room;
		c[count].r.dots = dots[i];
		c[count].r.voters = voters[i];
		c[count].created_at = st->ideas[i].created_at;
		count++;
	}
	qsort(c, count, sizeof *c, cmp_candidate);
	for (i = 0; i < count; i++)
		list[i] = c[i].r;
	free(c);
	return count;
}

int
results_rank(const struct state *st, int round, struct ranked **out,
    size_t *n)
{
	const struct round *r;
	struct vote_pair *pairs;
	int *dots, *voters;
	struct ranked *list;
	size_t np, count;

	*out = NULL;
	*n = 0;
	if (round < 0 || (size_t)round >= st->nrounds)
		return -1;
	r = &st->rounds[round];
	dots = xcalloc(st->nideas, sizeof *dots);
	voters = xcalloc(st->nideas, sizeof *voters);
	pairs = xcalloc(r->ntally, sizeof *pairs);
	np = collect_tally(st, r, dots, pairs);
	count_voters(pairs, np, voters);
	free(pairs);

	list = xcalloc(st->nideas, sizeof *list);
	count = sorted_candidates(st, dots, voters, list);
	free(dots);
	free(voters);
	if (count == 0) {
		free(list);
		return 0;
	}
	number_ranks(st, list, count);
	*out = list;
	*n = count;
	return 0;
}
