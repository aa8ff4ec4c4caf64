/*
 * state_votes.c -- voting rounds and their dots.
 *
 * A round's tally holds one entry per voter and idea that ever had a dot
 * in the round, in 10 bytes (struct tally_small).  Two forms:
 *
 *   - open, once dots come in: entries in the order they were first cast
 *     and an open-addressing hash on (voter, idea), so that a dot costs
 *     O(1) on replay;
 *   - closed (and open before its first dot): no hash; the entries sorted
 *     by idea (a stable radix sort, so that within an idea they keep the
 *     order they were first cast, which export's ties follow) in an array
 *     of exactly their size, answering by binary search.
 *
 * Reopening a round keeps the sorted entries; the hash comes back with the
 * first dot.  Which form a round is in is whether it has a hash, not
 * whether it is open: a dot on a closed round (which no rule writes)
 * hashes it again until its next close.  Dots spent per voter are kept as a small array by voter in
 * both forms; dots and voters per idea are summed from the entries when
 * asked (results.c ranks from the tally, not from these).
 */
#include "state.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "state_int.h"
#include "util.h"

/* Where (voter, idea) is or would go: found, its index or the index to
 * insert at, and (open rounds) its hash slot. */
struct tally_pos {
	int found;
	size_t at;
	int *slot;
};

_Static_assert(sizeof(struct tally_small) == 10, "a small entry is 10 bytes");

#define RADIX_BITS 11
#define RADIX (1u << RADIX_BITS)

/* --------------------------------------------------------- the entries */

static size_t
tally_esize(const struct round_index *x)
{
	return x->wide ? sizeof(struct dot_tally) : sizeof(struct tally_small);
}

static int
entry_idea(const void *base, size_t esize, size_t i)
{
	const struct tally_small *s;

	if (esize == sizeof(struct dot_tally))
		return ((const struct dot_tally *)base)[i].idea;
	s = (const struct tally_small *)base + i;
	return s->idea_hi << 16 | s->idea_lo;
}

static int
tally_idea(const struct round *r, size_t i)
{
	return entry_idea(r->ix->ent, tally_esize(r->ix), i);
}

static struct dot_tally
tally_load(const struct round *r, size_t i)
{
	const struct tally_small *s;
	struct dot_tally t;

	if (r->ix->wide)
		return ((const struct dot_tally *)r->ix->ent)[i];
	s = (const struct tally_small *)r->ix->ent + i;
	t.idea = s->idea_hi << 16 | s->idea_lo;
	t.voter = s->voter;
	t.dots = s->dots;
	t.cast_at = r->opened_at - SMALL_AT_BASE +
	    (int64_t)((uint32_t)s->at_hi << 16 | s->at_lo);
	return t;
}

static int
tally_fits_small(const struct round *r, const struct dot_tally *t)
{
	int64_t at = t->cast_at - r->opened_at + SMALL_AT_BASE;

	return t->voter >= 0 && t->voter <= UINT16_MAX && t->dots >= 0 &&
	    t->dots <= UINT8_MAX && t->idea >= 0 &&
	    t->idea <= SMALL_IDEA_MAX && at >= 0 && at <= UINT32_MAX;
}

/* Stores t field by field over zeros: a checkpoint copies the entries
 * byte for byte, and a struct assignment may leave the padding as it was. */
static void
dot_tally_set(struct dot_tally *d, struct dot_tally t)
{
	memset(d, 0, sizeof *d);
	d->idea = t.idea;
	d->voter = t.voter;
	d->dots = t.dots;
	d->cast_at = t.cast_at;
}

/* Every entry of the round as a struct dot_tally from now on. */
static void
tally_widen(struct round *r)
{
	struct dot_tally *w = xcalloc(r->ix->cap > 0 ? r->ix->cap : 1,
	    sizeof *w);
	size_t i;

	for (i = 0; i < r->ntally; i++)
		dot_tally_set(&w[i], tally_load(r, i));
	state_release(r->ix->ent);
	r->ix->ent = w;
	r->ix->wide = 1;
}

static void
tally_store(struct round *r, size_t i, const struct dot_tally *t)
{
	struct tally_small *s;
	uint32_t at;

	if (!r->ix->wide && !tally_fits_small(r, t))
		tally_widen(r);
	if (r->ix->wide) {
		dot_tally_set((struct dot_tally *)r->ix->ent + i, *t);
		return;
	}
	s = (struct tally_small *)r->ix->ent + i;
	at = (uint32_t)(t->cast_at - r->opened_at + SMALL_AT_BASE);
	s->voter = (uint16_t)t->voter;
	s->dots = (uint8_t)t->dots;
	s->idea_hi = (uint8_t)(t->idea >> 16);
	s->idea_lo = (uint16_t)(t->idea & 0xffff);
	s->at_lo = (uint16_t)(at & 0xffff);
	s->at_hi = (uint16_t)(at >> 16);
}

static int
tally_is(const struct round *r, size_t i, int voter, int idea)
{
	struct dot_tally t = tally_load(r, i);

	return t.voter == voter && t.idea == idea;
}

/* ------------------------------------------------ open: the hash */

static size_t
tally_hash(int voter, int idea)
{
	uint64_t x = ((uint64_t)(unsigned)voter << 32) | (unsigned)idea;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

/* The slot of (voter, idea): holding its entry index, or empty (-1). */
static int *
tally_slot(const struct round *r, int voter, int idea)
{
	size_t mask = r->ix->nslots - 1, i = tally_hash(voter, idea) & mask;
	int *s;

	for (;; i = (i + 1) & mask) {
		s = &r->ix->slots[i];
		if (*s < 0 || tally_is(r, (size_t)*s, voter, idea))
			return s;
	}
}

/* A hash of at least twice as many slots as entries (and room for one
 * more), built from the entries. */
static void
tally_need_slots(struct round *r)
{
	struct round_index *x = r->ix;
	size_t n = x->nslots, i;
	struct dot_tally t;

	if (n != 0 && (r->ntally + 1) * 2 <= n)
		return;
	if (n < 16)
		n = 16;
	while ((r->ntally + 1) * 2 > n)
		n *= 2;
	free(x->slots);
	x->slots = xmalloc(n * sizeof *x->slots);
	x->nslots = n;
	for (i = 0; i < n; i++)
		x->slots[i] = -1;
	for (i = 0; i < r->ntally; i++) {
		t = tally_load(r, i);
		*tally_slot(r, t.voter, t.idea) = (int)i;
	}
}

/* ---------------------------------------- closed: sorted by idea */

/* The first entry whose idea is `idea` or more. */
static size_t
tally_lower_bound(const struct round *r, int idea)
{
	size_t lo = 0, hi = r->ntally, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (tally_idea(r, mid) < idea)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
tally_sorted(const struct round *r)
{
	size_t i;

	for (i = 1; i < r->ntally; i++)
		if (tally_idea(r, i - 1) > tally_idea(r, i))
			return 0;
	return 1;
}

/* One pass of a least-significant-digit radix sort: stable. */
static void
radix_pass(const void *from, void *to, size_t n, size_t esize,
    unsigned shift)
{
	size_t count[RADIX + 1], i, d;

	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++)
		count[(((unsigned)entry_idea(from, esize, i) >> shift) &
		    (RADIX - 1)) + 1]++;
	for (d = 1; d <= RADIX; d++)
		count[d] += count[d - 1];
	for (i = 0; i < n; i++) {
		d = ((unsigned)entry_idea(from, esize, i) >> shift) &
		    (RADIX - 1);
		memcpy((char *)to + count[d]++ * esize,
		    (const char *)from + i * esize, esize);
	}
}

/* Sorts the entries by idea, keeping the order within an idea, into an
 * array of exactly their size. */
static void
tally_sort(struct round *r)
{
	struct round_index *x = r->ix;
	size_t n = r->ntally, esize = tally_esize(x), i;
	unsigned shift, top = 0;
	void *a = x->ent, *b, *swap;

	if (n == 0 || tally_sorted(r)) {
		if (n == 0) {
			state_release(x->ent);
			x->ent = NULL;
		} else if (n < x->cap)
			x->ent = state_resize(x->ent, x->cap * esize,
			    n * esize);
		x->cap = n;
		return;
	}
	for (i = 0; i < n; i++)
		top |= (unsigned)entry_idea(a, esize, i);
	b = xmalloc(n * esize);
	for (shift = 0; shift < 32 && (top >> shift) != 0;
	    shift += RADIX_BITS) {
		radix_pass(a, b, n, esize, shift);
		swap = a;
		a = b;
		b = swap;
	}
	/* a holds the result, b the other buffer: the old array, or the
	 * new one of exactly n entries */
	state_release(b);
	x->ent = a == x->ent ? state_resize(a, x->cap * esize, n * esize) :
	    a;
	x->cap = n;
}

void
state_round_rehash(struct round *r)
{
	r->ix->slots = NULL;
	r->ix->nslots = 0;
	tally_need_slots(r);
}

/* ---------------------------------------------------- both forms */

/* Finds (voter, idea) through the hash, making room in it for one more
 * entry first, so that the slot stays valid for tally_insert.  A dot on a
 * closed round (a record no rule writes: a damaged or hostile journal)
 * goes through the hash too, and the round stays hashed, its entries no
 * longer sorted, until it is closed again: inserting into the sorted
 * array instead would cost O(T) a dot, quadratic over a journal. */
static void
tally_seek(struct round *r, int voter, int idea, struct tally_pos *pos)
{
	memset(pos, 0, sizeof *pos);
	tally_need_slots(r);
	pos->slot = tally_slot(r, voter, idea);
	pos->found = *pos->slot >= 0;
	pos->at = pos->found ? (size_t)*pos->slot : r->ntally;
}

/* Appends the entry t, which tally_seek did not find. */
static void
tally_insert(struct round *r, const struct tally_pos *pos,
    const struct dot_tally *t)
{
	struct round_index *x = r->ix;

	if (!x->wide && !tally_fits_small(r, t))
		tally_widen(r);	/* before making room: no half-made entry */
	x->ent = state_grow(x->ent, &x->cap, r->ntally + 1, tally_esize(x));
	tally_store(r, r->ntally, t);
	*pos->slot = (int)r->ntally++;
}

/* The sum of dots and the number of voters with dots on an idea. */
static void
tally_idea_totals(const struct round *r, int idea, int *dots, int *voters)
{
	size_t i = 0, end = r->ntally;
	struct dot_tally t;

	*dots = *voters = 0;
	if (r->ix == NULL)
		return;
	if (r->ix->slots == NULL)
		i = tally_lower_bound(r, idea);
	for (; i < end; i++) {
		t = tally_load(r, i);
		if (t.idea != idea) {
			if (r->ix->slots == NULL)
				break;	/* sorted: past the idea */
			continue;
		}
		*dots += t.dots;
		*voters += t.dots > 0;
	}
}

/* ----------------------------------------------------------- records */

static int
by_number(const void *pa, const void *pb)
{
	unsigned a = *(const unsigned *)pa, b = *(const unsigned *)pb;

	return a < b ? -1 : a > b;
}

/* A prototype round's ballot: its text lists the ideas on it ("i3 i7"),
 * its ref the thread they came from.  Ids that are not ideas' are left
 * out; a text with none leaves the round without a fixed ballot. */
static void
read_ballot(struct state *st, struct round *r, const struct event *ev)
{
	const char *p = ev->text != NULL ? ev->text : "";
	unsigned *v;
	size_t n = 0, cap = 0;
	char *end;

	for (cap = 1; *p != '\0'; p++)
		cap += *p == ' ';
	v = arena_alloc(st->arena, cap * sizeof *v);
	for (p = ev->text != NULL ? ev->text : ""; *p != '\0' && n < cap;) {
		unsigned long k;

		while (*p == ' ')
			p++;
		if (*p != 'i') {
			p += *p != '\0';
			continue;
		}
		k = strtoul(p + 1, &end, 10);
		if (end > p + 1 && k > 0 && k <= UINT_MAX)
			v[n++] = (unsigned)k;
		p = end > p + 1 ? end : p + 1;
	}
	if (n == 0)
		return;
	qsort(v, n, sizeof *v, by_number);
	r->ballot = v;
	r->nballot = n;
	r->from = ev->ref != NULL && *ev->ref != '\0' ?
	    arena_strdup(st->arena, ev->ref) : NULL;
}

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
	st->rounds = state_grow(st->rounds, &st->caprounds, st->nrounds + 1,
	    sizeof *st->rounds);
	r = &st->rounds[st->nrounds];
	memset(r, 0, sizeof *r);
	r->id = arena_strdup(st->arena, ev->id);
	r->room = room;
	r->budget = (int)ev->n;
	r->prototypes_only = ev->extra != NULL &&
	    strcmp(ev->extra, "prototypes") == 0;
	if (r->prototypes_only)
		read_ballot(st, r, ev);
	r->open = 1;
	r->opened_at = ev->time_ms;
	r->ix = xcalloc(1, sizeof *r->ix);
	st->current_round = (int)st->nrounds++;
}

/* A closed round takes no dots: it drops its hash and sorts its entries,
 * and its spent array shrinks to its size. */
static void
round_compact(struct round *r)
{
	struct round_index *x = r->ix;

	free(x->slots);
	x->slots = NULL;
	x->nslots = 0;
	tally_sort(r);
	if (x->nspent < x->capspent) {
		if (x->nspent == 0)
			state_release(x->spent);
		x->spent = x->nspent > 0 ? state_resize(x->spent,
		    x->capspent * sizeof *x->spent,
		    x->nspent * sizeof *x->spent) : NULL;
		x->capspent = x->nspent;
	}
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
		round_compact(r);
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

/* Adds `dots` (negative: takes them back) to a voter's net dots on an
 * idea at `at`; -1, changing nothing, when the net dots would go below
 * zero or past INT_MAX: such a record cannot come from the rules, and
 * applying it would corrupt every total. */
static int
round_change(struct round *r, int voter, int idea, int dots, int64_t at)
{
	struct round_index *x = r->ix;
	struct tally_pos pos;
	struct dot_tally t = { idea, voter, 0, at };
	long long net, spent = state_int_get(x->spent, x->nspent, voter);

	tally_seek(r, voter, idea, &pos);
	if (pos.found)
		t = tally_load(r, pos.at);
	net = (long long)t.dots + dots;
	if (net < 0 || net > INT_MAX || spent + dots > INT_MAX)
		return -1;
	t.dots = (int)net;
	t.cast_at = at;
	if (pos.found)
		tally_store(r, pos.at, &t);
	else
		tally_insert(r, &pos, &t);
	if (spent == 0 && spent + dots > 0)
		x->nvoters++;
	else if (spent > 0 && spent + dots <= 0)
		x->nvoters--;
	*state_int_at(&x->spent, &x->nspent, &x->capspent, (size_t)voter,
	    0) = (int)(spent + dots);
	return 0;
}

void
state_apply_dot(struct state *st, const struct event *ev)
{
	int rd = state_lookup(st, K_ROUND, ev->ref);
	int idea = state_lookup(st, K_IDEA, ev->id);
	int voter = -1;

	if (rd < 0 || idea < 0 || (voter = state_participant_or_unknown(st,
	    ev->actor, ev->time_ms)) < 0 || ev->n == 0 ||
	    ev->n > INT_MAX / 2 || ev->n < -(INT_MAX / 2) ||
	    round_change(&st->rounds[rd], voter, idea, (int)ev->n,
	    ev->time_ms) != 0) {
		state_unknown(st);
		return;
	}
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
		if (x == NULL)
			continue;
		state_release(x->ent);
		state_release(x->spent);
		free(x->slots);
		state_release(x);
	}
	state_release(st->rounds);
}

/* ------------------------------------------------------------ queries */

int
round_spent(const struct round *r, int voter)
{
	return r->ix != NULL ?
	    state_int_get(r->ix->spent, r->ix->nspent, voter) : 0;
}

int
round_idea_dots(const struct round *r, int idea)
{
	int dots, voters;

	tally_idea_totals(r, idea, &dots, &voters);
	return dots;
}

int
round_idea_voters(const struct round *r, int idea)
{
	int dots, voters;

	tally_idea_totals(r, idea, &dots, &voters);
	return voters;
}

int
round_voters(const struct round *r)
{
	return r->ix != NULL ? r->ix->nvoters : 0;
}

int
round_voter_dots(const struct round *r, int voter, int idea)
{
	size_t i;
	int *s;

	if (r->ix == NULL || r->ntally == 0)
		return 0;
	if (r->ix->slots != NULL) {
		s = tally_slot(r, voter, idea);
		return *s >= 0 ? tally_load(r, (size_t)*s).dots : 0;
	}
	for (i = tally_lower_bound(r, idea);
	    i < r->ntally && tally_idea(r, i) == idea; i++)
		if (tally_is(r, i, voter, idea))
			return tally_load(r, i).dots;
	return 0;
}

struct dot_tally
round_tally(const struct round *r, size_t i)
{
	struct dot_tally none = { -1, -1, 0, 0 };

	return r->ix != NULL && i < r->ntally ? tally_load(r, i) : none;
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
	if (!r->prototypes_only)
		return 1;
	if (r->ballot != NULL)
		return bsearch(&it->number, r->ballot, r->nballot,
		    sizeof *r->ballot, by_number) != NULL;
	return it->prototype;
}
