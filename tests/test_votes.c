/*
 * test_votes.c -- a round's tally in both its forms (open: hashed; closed:
 * sorted by idea), checked against a plain model of every voter's dots on
 * every idea: the same answers before and after closing, through reopening
 * and closing again, the undo of a close, a round closed with no dots, a
 * voter who took every dot back, dots on a closed round, and rounds whose
 * values need the wide form of an entry.  votes.csv's row order (idea,
 * time, the order first cast) is checked against the model too.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "export_int.h"
#include "state.h"
#include "util.h"

#define T0 1795399200000LL	/* 2026-11-23T09:00:00+07:00 */
#define DAY_MS (24 * 60 * 60 * 1000LL)
#define VOTERS 12
#define IDEAS 40

/* What a round should answer: every (voter, idea) pair ever dotted. */
struct model {
	int dots[VOTERS][IDEAS];
	int64_t cast_at[VOTERS][IDEAS];
	long first[VOTERS][IDEAS];	/* order first cast, -1 never */
	long nfirst;
};

static struct state *st;
static uint64_t seq;
static uint32_t rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 1103515245u + 12345u;
	return (rng >> 8) % n;
}

static void
put(enum event_type type, const char *actor, const char *id,
    const char *ref, long n, int64_t at)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = ++seq;
	ev.time_ms = at;
	ev.actor = actor;
	ev.terminal = "test";
	ev.type = type;
	ev.name = event_type_name(type);
	ev.id = id;
	ev.ref = ref;
	ev.room = "";
	ev.n = n;
	ev.text = type == EV_PARTICIPANT ? "Someone" :
	    type == EV_IDEA ? "an idea" : "";
	ev.extra = type == EV_PARTICIPANT ? "TH\n\n" : "";
	state_apply(st, &ev);
}

/* p1..p(voters), i1..i(ideas) by p1. */
static void
setup_people_ideas(int voters, int ideas)
{
	char id[16];
	int k;

	st = state_new();
	seq = 0;
	for (k = 1; k <= voters; k++) {
		snprintf(id, sizeof id, "p%d", k);
		put(EV_PARTICIPANT, "organizer", id, "", 0, T0);
	}
	for (k = 1; k <= ideas; k++) {
		snprintf(id, sizeof id, "i%d", k);
		put(EV_IDEA, "p1", id, "p1", 0, T0);
	}
}

static int
setup(void **unused)
{
	(void)unused;
	setup_people_ideas(VOTERS, IDEAS);
	return 0;
}

static int
teardown(void **unused)
{
	(void)unused;
	state_free(st);
	st = NULL;
	return 0;
}

static void
model_init(struct model *m)
{
	memset(m, 0, sizeof *m);
	memset(m->first, -1, sizeof m->first);
}

/* A dot (or dots taken back) by voter v on idea i in round `round`, to
 * the state and to the model; the model refuses what the state must
 * refuse (net dots below zero). */
static void
dot(struct model *m, const char *round, int v, int i, int n, int64_t at)
{
	char p[16], idea[16];
	unsigned long unknown = st->unknown_events;

	snprintf(p, sizeof p, "p%d", v + 1);
	snprintf(idea, sizeof idea, "i%d", i + 1);
	put(EV_DOT, p, idea, round, n, at);
	if (m->dots[v][i] + n < 0) {
		assert_int_equal(st->unknown_events, unknown + 1);
		return;
	}
	assert_int_equal(st->unknown_events, unknown);
	if (m->first[v][i] < 0)
		m->first[v][i] = m->nfirst++;
	m->dots[v][i] += n;
	m->cast_at[v][i] = at;
}

static const struct round *
round_of(const char *id)
{
	int k = state_round(st, id);

	assert_true(k >= 0);
	return &st->rounds[k];
}

/* votes.csv's order from the model: idea, then time, then first cast. */
struct expect_row {
	int voter, idea;
	int64_t at;
	long first;
};

static int
cmp_expect(const void *a, const void *b)
{
	const struct expect_row *x = a, *y = b;

	if (x->idea != y->idea)
		return x->idea < y->idea ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->first < y->first ? -1 : x->first > y->first;
}

static void
check_export_order(const struct model *m, int round)
{
	struct expect_row want[VOTERS * IDEAS];
	size_t n = 0, got, k, *rows;
	struct dot_tally t;
	int v, i;

	for (v = 0; v < VOTERS; v++)
		for (i = 0; i < IDEAS; i++)
			if (m->dots[v][i] > 0)
				want[n++] = (struct expect_row){ v, i,
				    m->cast_at[v][i], m->first[v][i] };
	qsort(want, n, sizeof *want, cmp_expect);
	got = export_vote_rows(st, round, &rows);
	assert_int_equal(got, n);
	for (k = 0; k < n; k++) {
		t = round_tally(&st->rounds[round], rows[k]);
		assert_int_equal(t.voter, want[k].voter);
		assert_int_equal(t.idea, want[k].idea);
		assert_true(t.cast_at == want[k].at);
	}
	free(rows);
}

/* Every answer of the round against the model. */
static void
check(const struct model *m, const char *round)
{
	const struct round *r = round_of(round);
	int v, i, dots, voters, spent, nvoters = 0;
	long pairs = 0;
	size_t k;
	struct dot_tally t;
	char seen[VOTERS][IDEAS];

	memset(seen, 0, sizeof seen);
	for (v = 0; v < VOTERS; v++) {
		spent = 0;
		for (i = 0; i < IDEAS; i++) {
			assert_int_equal(round_voter_dots(r, v, i),
			    m->dots[v][i]);
			spent += m->dots[v][i];
			pairs += m->first[v][i] >= 0;
		}
		assert_int_equal(round_spent(r, v), spent);
		nvoters += spent > 0;
	}
	assert_int_equal(round_voters(r), nvoters);
	for (i = 0; i < IDEAS; i++) {
		dots = voters = 0;
		for (v = 0; v < VOTERS; v++) {
			dots += m->dots[v][i];
			voters += m->dots[v][i] > 0;
		}
		assert_int_equal(round_idea_dots(r, i), dots);
		assert_int_equal(round_idea_voters(r, i), voters);
	}
	/* one tally per pair ever dotted, each with the model's values */
	assert_int_equal(r->ntally, (size_t)pairs);
	for (k = 0; k < r->ntally; k++) {
		t = round_tally(r, k);
		assert_true(t.voter >= 0 && t.voter < VOTERS);
		assert_true(t.idea >= 0 && t.idea < IDEAS);
		assert_int_equal(seen[t.voter][t.idea], 0);
		seen[t.voter][t.idea] = 1;
		assert_int_equal(t.dots, m->dots[t.voter][t.idea]);
		assert_true(t.cast_at == m->cast_at[t.voter][t.idea]);
	}
	t = round_tally(r, r->ntally);
	assert_int_equal(t.idea, -1);
	assert_int_equal(t.dots, 0);
	check_export_order(m, (int)(r - st->rounds));
}

/* Random dots: mostly +1 or +2, some taken back (some refused), several
 * in the same millisecond so that ties are broken by the order first
 * cast. */
static int64_t
random_dots(struct model *m, const char *round, int count, int64_t at)
{
	int k, v, i, n;

	for (k = 0; k < count; k++) {
		v = (int)rnd(VOTERS);
		i = (int)rnd(IDEAS);
		n = rnd(4) == 0 ? -1 : (int)rnd(2) + 1;
		if (rnd(3) != 0)
			at += 1 + rnd(1500);
		dot(m, round, v, i, n, at);
	}
	return at;
}

/* A closed round answers as it did open, for every voter and idea. */
static void
test_closed_answers_as_open(void **unused)
{
	struct model m;
	int64_t at;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 99, T0 + 1000);
	check(&m, "v1");
	at = random_dots(&m, "v1", 400, T0 + 2000);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at + 10);
	assert_int_equal(state_open_round(st), -1);
	check(&m, "v1");
	/* closing twice changes nothing */
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at + 20);
	check(&m, "v1");
}

/* Reopened (as `u` does after a close), more dots on old and new pairs,
 * in the very millisecond of old ones, then closed again; twice. */
static void
test_reopen_and_close_again(void **unused)
{
	struct model m;
	int64_t at;
	int round, v, i;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 99, T0 + 1000);
	at = random_dots(&m, "v1", 200, T0 + 2000);
	for (round = 0; round < 2; round++) {
		put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at);
		check(&m, "v1");
		put(EV_VOTING_CLOSE, "facilitator", "v1", "", 0, at);
		assert_int_equal(state_open_round(st), 0);
		check(&m, "v1");	/* reopened, no dot yet: still sorted */
		/* old pairs changed at the time of the close, new pairs
		 * too: ties with older tallies of the same idea */
		for (v = 0; v < VOTERS; v += 3)
			for (i = 0; i < IDEAS; i += 7)
				dot(&m, "v1", v, i, 1, at);
		at = random_dots(&m, "v1", 150, at);
		check(&m, "v1");
	}
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at);
	check(&m, "v1");
}

/* The undo of a close and of the dots after it: the records `u` writes
 * (voting_close 0, dots taken back, voting_close 1). */
static void
test_undo_across_close(void **unused)
{
	struct model m;
	int64_t at;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 5, T0 + 1000);
	dot(&m, "v1", 0, 3, 2, T0 + 2000);
	dot(&m, "v1", 1, 3, 1, T0 + 2000);
	dot(&m, "v1", 1, 0, 1, T0 + 3000);
	at = T0 + 4000;
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 0, at + 1000); /* u */
	dot(&m, "v1", 2, 3, 3, at + 2000);
	dot(&m, "v1", 2, 3, -3, at + 3000);			     /* u */
	dot(&m, "v1", 0, 3, -2, at + 4000);	/* p1 takes all back */
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at + 5000); /* u */
	check(&m, "v1");
	assert_int_equal(round_voters(round_of("v1")), 1);
	assert_int_equal(round_idea_voters(round_of("v1"), 3), 1);
}

/* A round closed with no dot at all, reopened, dotted, closed. */
static void
test_round_closed_with_no_dots(void **unused)
{
	struct model m;
	const struct round *r;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 5, T0 + 1000);
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 2000);
	r = round_of("v1");
	assert_int_equal(r->ntally, 0);
	assert_int_equal(round_voters(r), 0);
	assert_int_equal(round_voter_dots(r, 0, 0), 0);
	assert_int_equal(round_idea_dots(r, 0), 0);
	assert_int_equal(round_spent(r, VOTERS + 5), 0);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 0, T0 + 3000);
	dot(&m, "v1", 4, 9, 1, T0 + 4000);
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 5000);
	check(&m, "v1");
}

/* A voter who took every dot back: no longer a voter, no rows in
 * votes.csv, but the tallies (at 0) stay, closed or open. */
static void
test_voter_took_every_dot_back(void **unused)
{
	struct model m;
	const struct round *r;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 5, T0 + 1000);
	dot(&m, "v1", 6, 1, 2, T0 + 2000);
	dot(&m, "v1", 6, 2, 1, T0 + 3000);
	dot(&m, "v1", 7, 2, 1, T0 + 3500);
	dot(&m, "v1", 6, 1, -2, T0 + 4000);
	dot(&m, "v1", 6, 2, -1, T0 + 5000);
	dot(&m, "v1", 6, 2, -1, T0 + 5500);	/* refused: below zero */
	r = round_of("v1");
	assert_int_equal(round_spent(r, 6), 0);
	assert_int_equal(round_voters(r), 1);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 6000);
	r = round_of("v1");
	assert_int_equal(r->ntally, 3);
	assert_int_equal(round_voters(r), 1);
	assert_int_equal(round_idea_voters(r, 2), 1);
	check(&m, "v1");
}

/* Records the rules never write but replay applies: a dot on a closed
 * round goes after the older tallies of its idea. */
static void
test_dot_on_closed_round(void **unused)
{
	struct model m;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 5, T0 + 1000);
	dot(&m, "v1", 0, 5, 1, T0 + 2000);
	dot(&m, "v1", 1, 9, 1, T0 + 2000);
	dot(&m, "v1", 2, 5, 1, T0 + 2500);
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 3000);
	dot(&m, "v1", 3, 5, 1, T0 + 2500);	/* ties with p3's */
	dot(&m, "v1", 3, 0, 2, T0 + 3500);	/* a new first idea */
	dot(&m, "v1", 3, 39, 1, T0 + 3500);	/* and a last */
	dot(&m, "v1", 0, 5, -1, T0 + 4000);
	dot(&m, "v1", 0, 5, -1, T0 + 4000);	/* refused */
	check(&m, "v1");
}

/* Several rounds keep their own tallies. */
static void
test_rounds_apart(void **unused)
{
	struct model a, b;
	int64_t at;

	(void)unused;
	model_init(&a);
	model_init(&b);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 9, T0 + 1000);
	at = random_dots(&a, "v1", 100, T0 + 2000);
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, at);
	put(EV_VOTING_OPEN, "facilitator", "v2", "", 9, at + 1000);
	at = random_dots(&b, "v2", 100, at + 2000);
	check(&a, "v1");
	check(&b, "v2");
	put(EV_VOTING_CLOSE, "facilitator", "v2", "", 1, at);
	check(&a, "v1");
	check(&b, "v2");
}

/* Net dots past the compact entry (above 255): the round switches to
 * wide entries and answers the same, open, closed and reopened. */
static void
test_wide_values(void **unused)
{
	struct model m;

	(void)unused;
	model_init(&m);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 1000000, T0 + 1000);
	dot(&m, "v1", 0, 1, 1, T0 + 2000);
	dot(&m, "v1", 1, 2, 255, T0 + 2000);	/* still small */
	check(&m, "v1");
	dot(&m, "v1", 1, 2, 1, T0 + 2500);	/* 256: wide */
	check(&m, "v1");
	dot(&m, "v1", 2, 2, 70000, T0 + 3000);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 4000);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 0, T0 + 5000);
	dot(&m, "v1", 2, 2, -70000, T0 + 6000);
	dot(&m, "v1", 5, 0, 2, T0 + 7000);
	check(&m, "v1");
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 8000);
	check(&m, "v1");
}

/* A dot more than 24 days after the round's opening, or before it, in a
 * round of small entries: the round switches to wide entries. */
static void
test_wide_times(void **unused)
{
	static const char *const rounds[] = { "v1", "v2", "v3" };
	static const int64_t when[] = { 24 * DAY_MS, 25 * DAY_MS,
	    -25 * DAY_MS };
	struct model m;
	int64_t open;
	size_t k;

	(void)unused;
	for (k = 0; k < NELEM(rounds); k++) {
		model_init(&m);
		open = T0 + (int64_t)k * 100 * DAY_MS;
		put(EV_VOTING_OPEN, "facilitator", rounds[k], "", 9, open);
		dot(&m, rounds[k], 0, 1, 1, open + 1000);
		dot(&m, rounds[k], 1, 1, 2, open + 1000);
		dot(&m, rounds[k], 2, 3, 1, open + when[k]);
		dot(&m, rounds[k], 3, 3, 1, open + 2000);
		check(&m, rounds[k]);
		put(EV_VOTING_CLOSE, "facilitator", rounds[k], "", 1,
		    open + 26 * DAY_MS);
		check(&m, rounds[k]);
	}
}

/* A voter past index 65,535 (a registration list that long): exact. */
static void
test_wide_voter(void **unused)
{
	const struct round *r;
	struct dot_tally t;
	char id[16];
	int k;

	(void)unused;
	st = state_new();
	seq = 0;
	for (k = 1; k <= 65540; k++) {
		snprintf(id, sizeof id, "p%d", k);
		put(EV_PARTICIPANT, "organizer", id, "", 0, T0);
	}
	put(EV_IDEA, "p1", "i1", "p1", 0, T0);
	put(EV_IDEA, "p1", "i2", "p1", 0, T0);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 5, T0 + 1000);
	put(EV_DOT, "p3", "i2", "v1", 1, T0 + 2000);
	put(EV_DOT, "p65539", "i2", "v1", 2, T0 + 3000);
	put(EV_DOT, "p65540", "i1", "v1", 1, T0 + 4000);
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 5000);
	assert_int_equal(st->unknown_events, 0);
	r = &st->rounds[0];
	assert_int_equal(r->ntally, 3);
	assert_int_equal(round_voter_dots(r, 65538, 1), 2);
	assert_int_equal(round_voter_dots(r, 65539, 0), 1);
	assert_int_equal(round_voter_dots(r, 2, 1), 1);
	assert_int_equal(round_voter_dots(r, 65538 - 65536, 0), 0);
	assert_int_equal(round_spent(r, 65538), 2);
	assert_int_equal(round_idea_dots(r, 1), 3);
	assert_int_equal(round_idea_voters(r, 1), 2);
	assert_int_equal(round_voters(r), 3);
	t = round_tally(r, 0);	/* sorted by idea: i1 first */
	assert_int_equal(t.voter, 65539);
	assert_int_equal(t.idea, 0);
	assert_true(t.cast_at == T0 + 4000);
	state_free(st);
	st = NULL;
}

/* Ideas past 65,535 (the high byte of a small entry's idea) and past two
 * radix digits of 11 bits, open and closed. */
static void
test_ideas_past_16_bits(void **unused)
{
	static const int ideas[] = { 70000, 3, 65536, 65535, 69999, 3, 131 };
	const struct round *r;
	char p[16], idea[16];
	size_t k;
	int closed, prev;

	(void)unused;
	setup_people_ideas(2, 70000);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 99, T0 + 1000);
	for (k = 0; k < NELEM(ideas); k++) {
		snprintf(p, sizeof p, "p%zu", 1 + k % 2);
		snprintf(idea, sizeof idea, "i%d", ideas[k]);
		put(EV_DOT, p, idea, "v1", 1, T0 + 2000 + (int64_t)k);
	}
	assert_int_equal(st->unknown_events, 0);
	for (closed = 0; closed < 2; closed++) {
		r = &st->rounds[0];
		assert_int_equal(r->ntally, 6);	/* p2 twice on i3 */
		assert_int_equal(round_voter_dots(r, 1, 65534), 1);
		assert_int_equal(round_voter_dots(r, 0, 65535), 1);
		assert_int_equal(round_voter_dots(r, 1, 65535), 0);
		assert_int_equal(round_voter_dots(r, 0, 69999), 1);
		assert_int_equal(round_voter_dots(r, 0, 69998), 1);
		assert_int_equal(round_voter_dots(r, 1, 69998), 0);
		assert_int_equal(round_voter_dots(r, 1, 2), 2);
		assert_int_equal(round_voter_dots(r, 0, 2), 0);
		assert_int_equal(round_idea_dots(r, 2), 2);
		assert_int_equal(round_idea_voters(r, 2), 1);
		assert_int_equal(round_idea_dots(r, 69999), 1);
		assert_int_equal(round_idea_dots(r, 65534), 1);
		assert_int_equal(round_idea_dots(r, 65535), 1);
		assert_int_equal(round_idea_dots(r, 130), 1);
		assert_int_equal(round_idea_dots(r, 130 + 65536), 0);
		assert_int_equal(round_idea_dots(r, 65535 + 65536), 0);
		assert_int_equal(round_spent(r, 0), 4);
		assert_int_equal(round_spent(r, 1), 3);
		if (closed)
			for (k = 0, prev = -1; k < r->ntally; k++) {
				assert_true(round_tally(r, k).idea > prev);
				prev = round_tally(r, k).idea;
			}
		put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 9000);
	}
	state_free(st);
	st = NULL;
}

/* Ideas past one radix digit (2,048) and past two (4,194,304 is too
 * many for a test: the sort's passes are checked on 5,000 ideas). */
static void
test_many_ideas_sorted(void **unused)
{
	const struct round *r;
	char p[16], idea[16];
	int k, prev = -1, sum = 0;
	size_t i;

	(void)unused;
	setup_people_ideas(3, 5000);
	put(EV_VOTING_OPEN, "facilitator", "v1", "", 99999, T0 + 1000);
	for (k = 0; k < 3000; k++) {
		snprintf(p, sizeof p, "p%u", 1 + rnd(3));
		snprintf(idea, sizeof idea, "i%u", 1 + rnd(5000));
		put(EV_DOT, p, idea, "v1", 1, T0 + 2000 + k);
	}
	put(EV_VOTING_CLOSE, "facilitator", "v1", "", 1, T0 + 9000);
	r = &st->rounds[0];
	for (i = 0; i < r->ntally; i++) {
		assert_true(round_tally(r, i).idea >= prev);
		prev = round_tally(r, i).idea;
	}
	for (k = 0; k < 5000; k++)
		sum += round_idea_dots(r, k);
	assert_int_equal(sum, 3000);
	assert_int_equal(round_spent(r, 0) + round_spent(r, 1) +
	    round_spent(r, 2), 3000);
	state_free(st);
	st = NULL;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_closed_answers_as_open,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_reopen_and_close_again,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo_across_close,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_closed_with_no_dots,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_voter_took_every_dot_back,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_dot_on_closed_round,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_rounds_apart,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_wide_values,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_wide_times,
		    setup, teardown),
		cmocka_unit_test(test_wide_voter),
		cmocka_unit_test(test_many_ideas_sorted),
		cmocka_unit_test(test_ideas_past_16_bits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
