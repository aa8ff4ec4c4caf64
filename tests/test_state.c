/* test_state.c -- the state, built from hand-made records (state_apply). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define T0 1795680000000LL	/* 2026-11-26T00:00:00Z, a workshop day */
#define MIN (60 * 1000LL)

static uint64_t seq;
static int64_t now = T0 + 9 * 60 * MIN;

/* Applies one record with the columns given ("" for unused ones). */
static void
put(struct state *st, enum event_type type, const char *actor, const char *id,
    const char *ref, const char *room, long n, const char *text,
    const char *extra)
{
	struct event ev = { 0 };

	ev.seq = ++seq;
	ev.time_ms = now;
	ev.actor = actor;
	ev.terminal = "test";
	ev.type = type;
	ev.id = id;
	ev.ref = ref;
	ev.room = room;
	ev.n = n;
	ev.text = text;
	ev.extra = extra;
	ev.name = event_type_name(type);
	state_apply(st, &ev);
}

static void
person(struct state *st, const char *id, const char *name, const char *country)
{
	char extra[64];

	snprintf(extra, sizeof extra, "%s\nSome Agency\n", country);
	put(st, EV_PARTICIPANT, "organizer", id, "", "", 0, name, extra);
}

static struct state *
fresh(void)
{
	struct state *st = state_new();

	seq = 0;
	now = T0 + 9 * 60 * MIN;
	st->day1_midnight_ms = T0;
	return st;
}

static void
test_participants(void **unused)
{
	struct state *st = fresh();
	const struct participant *p;

	(void)unused;
	person(st, "p1", "김민준", "KR");
	put(st, EV_PARTICIPANT, "sample", "p2", "", "", 0, "Maria Santos",
	    "PH\nDICT, \"Manila\"\nmaria@example.org");
	assert_int_equal(st->nparticipants, 2);
	assert_int_equal(state_participant(st, "p1"), 0);
	assert_int_equal(state_participant(st, "p2"), 1);
	assert_int_equal(state_participant(st, "p3"), -1);
	assert_int_equal(state_participant(st, "P1"), -1);
	assert_int_equal(state_participant(st, "p01"), -1);
	assert_int_equal(state_participant(st, "p1x"), -1);
	assert_int_equal(state_participant(st, NULL), -1);
	p = &st->participants[1];
	assert_string_equal(p->name, "Maria Santos");
	assert_string_equal(p->country, "PH");
	assert_string_equal(p->org, "DICT, \"Manila\"");
	assert_string_equal(p->email, "maria@example.org");
	assert_int_equal(p->room, -1);
	assert_int_equal(p->sample, 1);
	assert_int_equal(st->participants[0].sample, 0);
	assert_true(p->joined_at == now);
	assert_null(p->pin_hash);
	put(st, EV_PIN, "facilitator", "p2", "", "", 0, "", "$y$hash");
	assert_string_equal(st->participants[1].pin_hash, "$y$hash");
	put(st, EV_PIN, "facilitator", "p2", "", "", 0, "", "");
	assert_null(st->participants[1].pin_hash);
	assert_int_equal(state_next_number(st, 'p'), 3);
	assert_int_equal(st->unknown_events, 0);
	assert_int_equal(st->last_seq, 4);
	state_free(st);
}

/* A damaged record leaves a gap: later ids still resolve in O(1), and new
 * ids never repeat the missing one's number. */
static void
test_id_gap_and_duplicates(void **unused)
{
	struct state *st = fresh();

	(void)unused;
	person(st, "p1", "A", "TH");
	person(st, "p3", "C", "TH");		/* p2 was damaged */
	assert_int_equal(state_participant(st, "p3"), 1);
	assert_int_equal(state_participant(st, "p2"), -1);
	assert_int_equal(state_next_number(st, 'p'), 4);
	person(st, "p3", "again", "TH");	/* the same id twice */
	person(st, "x9", "bad id", "TH");
	assert_int_equal(st->nparticipants, 2);
	assert_string_equal(st->participants[1].name, "C");
	assert_int_equal(st->unknown_events, 2);
	assert_int_equal(state_next_number(st, 'i'), 1);
	state_free(st);
}

static void
test_rooms_and_moves(void **unused)
{
	struct state *st = fresh();

	(void)unused;
	person(st, "p1", "A", "LA");
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	put(st, EV_ROOM, "facilitator", "r2", "", "", 0, "Room 2", "");
	put(st, EV_MOVE, "facilitator", "p1", "", "r2", 0, "", "");
	assert_int_equal(st->nrooms, 2);
	assert_int_equal(st->participants[0].room, 1);
	put(st, EV_ROOM, "facilitator", "r2", "", "", 0, "Blue", "e-services");
	assert_int_equal(st->nrooms, 2);
	assert_string_equal(st->rooms[1].name, "Blue");
	assert_string_equal(st->rooms[1].topic, "e-services");
	put(st, EV_MOVE, "facilitator", "p1", "", "", 0, "", "");
	assert_int_equal(st->participants[0].room, -1);
	put(st, EV_MOVE, "facilitator", "p1", "", "r9", 0, "", "");
	assert_int_equal(st->participants[0].room, -1);
	assert_int_equal(st->unknown_events, 1);
	state_free(st);
}

static void
test_ideas(void **unused)
{
	struct state *st = fresh();
	const struct idea *it;

	(void)unused;
	person(st, "p1", "A", "MN");
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	put(st, EV_AGENDA, "facilitator", "d1-ideate", "", "", 0, "", "");
	put(st, EV_IDEA, "p1", "i1", "p1", "r1", 0, "One form for all permits",
	    "ideate");
	put(st, EV_IDEA, "facilitator", "i2", "", "", 0, "Plenary idea", "");
	/* An author without a registration (it was damaged): the idea
	 * counts, by an unknown participant who keeps their id; a record
	 * that registers them later fills them in. */
	put(st, EV_IDEA, "p9", "i3", "p9", "", 0, "unknown author", "");
	assert_int_equal(st->nideas, 3);
	assert_int_equal(st->unknown_events, 0);
	assert_int_equal(st->nparticipants, 2);
	assert_string_equal(st->participants[st->ideas[2].author].id, "p9");
	assert_true(st->participants[1].unknown);
	assert_string_equal(st->participants[1].name, "(unknown participant)");
	person(st, "p9", "Nine", "TH");
	assert_int_equal(st->nparticipants, 2);
	assert_false(st->participants[1].unknown);
	assert_string_equal(st->participants[1].name, "Nine");
	person(st, "p9", "Again", "TH");	/* taken: not applied */
	assert_int_equal(st->unknown_events, 1);
	assert_string_equal(st->participants[1].name, "Nine");
	/* Not a participant id: still refused. */
	put(st, EV_IDEA, "p1", "i4", "facilitator", "", 0, "bad author", "");
	assert_int_equal(st->nideas, 3);
	assert_int_equal(st->unknown_events, 2);
	it = &st->ideas[0];
	assert_string_equal(state_idea_id(st, 0).s, "i1");
	assert_string_equal(state_id_of_idea(it).s, "i1");
	assert_string_equal(state_idea_id(st, 1).s, "i2");
	assert_string_equal(state_idea_stage(st, 0), "ideate");
	assert_string_equal(state_idea_agenda(st, 0), "d1-ideate");
	assert_int_equal(it->room, 0);
	assert_int_equal(it->author, 0);
	assert_int_equal(it->merged_into, -1);
	assert_int_equal(st->ideas[1].author, -1);
	assert_int_equal(st->ideas[1].room, -1);
	put(st, EV_IDEA_EDIT, "p1", "i1", "", "", 0, "One form for every permit",
	    "");
	assert_string_equal(state_idea_text(st, 0), "One form for every permit");
	assert_int_equal(st->ideas[0].edits, 1);
	put(st, EV_IDEA_WITHDRAW, "p1", "i1", "", "", 1, "", "");
	assert_int_equal(st->ideas[0].withdrawn, 1);
	put(st, EV_IDEA_WITHDRAW, "p1", "i1", "", "", 0, "", "");
	assert_int_equal(st->ideas[0].withdrawn, 0);
	put(st, EV_IDEA_MERGE, "facilitator", "i2", "i1", "", 0, "", "");
	assert_int_equal(st->ideas[1].merged_into, 0);
	put(st, EV_IDEA_MERGE, "facilitator", "i2", "", "", 0, "", "");
	assert_int_equal(st->ideas[1].merged_into, -1);
	put(st, EV_IDEA_MERGE, "facilitator", "i2", "i2", "", 0, "", "");
	assert_int_equal(st->ideas[1].merged_into, -1);
	put(st, EV_IDEA_PROMOTE, "facilitator", "i1", "", "", 1, "", "");
	put(st, EV_IDEA_HIDE, "facilitator", "i2", "", "", 1, "", "");
	assert_int_equal(st->ideas[0].prototype, 1);
	assert_int_equal(st->ideas[1].hidden, 1);
	put(st, EV_IDEA_PROMOTE, "facilitator", "i1", "", "", 0, "", "");
	put(st, EV_IDEA_HIDE, "facilitator", "i2", "", "", 0, "", "");
	assert_int_equal(st->ideas[0].prototype, 0);
	assert_int_equal(st->ideas[1].hidden, 0);
	assert_int_equal(st->unknown_events, 3);
	state_free(st);
}

/* Ideas keep only their id's number: the ids written back are the ones
 * the records gave, also after a gap a damaged record left (so never the
 * index + 1), and every one finds its idea again. */
static void
test_idea_ids(void **unused)
{
	static const char *const ids[] = { "i1", "i2", "i4", "i9", "i10",
	    "i99", "i100", "i2147483647" };
	struct state *st = fresh();
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof ids / sizeof *ids; i++)
		put(st, EV_IDEA, "facilitator", ids[i], "", "", 0, "An idea",
		    "");
	put(st, EV_IDEA, "facilitator", "i2147483648", "", "", 0, "too big",
	    "");
	put(st, EV_IDEA, "facilitator", "i04", "", "", 0, "leading 0", "");
	assert_int_equal(st->nideas, sizeof ids / sizeof *ids);
	assert_int_equal(st->unknown_events, 2);
	for (i = 0; i < st->nideas; i++) {
		assert_string_equal(state_idea_id(st, (int)i).s, ids[i]);
		assert_string_equal(state_id_of_idea(&st->ideas[i]).s, ids[i]);
		assert_int_equal(state_idea(st, ids[i]), (int)i);
	}
	assert_int_equal(state_idea(st, "i3"), -1);
	assert_string_equal(state_idea_id(st, -1).s, "");
	assert_string_equal(state_idea_id(st, (int)st->nideas).s, "");
	/* a merge across the gap names the idea, not its neighbour */
	put(st, EV_IDEA_MERGE, "facilitator", "i10", "i4", "", 0, "", "");
	assert_string_equal(state_idea_id(st,
	    st->ideas[state_idea(st, "i10")].merged_into).s, "i4");
	assert_int_equal(state_next_number(st, 'i'), 2147483648u);
	state_free(st);
}

static void
test_make_id(void **unused)
{
	(void)unused;
	assert_string_equal(state_make_id('i', 1).s, "i1");
	assert_string_equal(state_make_id('i', 9).s, "i9");
	assert_string_equal(state_make_id('i', 10).s, "i10");
	assert_string_equal(state_make_id('q', 1000000).s, "q1000000");
	assert_string_equal(state_make_id('i', UINT_MAX).s, "i4294967295");
	assert_true(sizeof(struct state_id) >= sizeof "i4294967295");
}

/* Found by the replay fuzzer: a timer record with n near LONG_MAX made
 * n * 1000 overflow (undefined behaviour).  Such a record is not one
 * convene writes (at most a day) and is counted as unknown. */
static void
test_timer_huge_n_is_unknown(void **unused)
{
	struct state *st = fresh();
	const struct timer *t;

	(void)unused;
	put(st, EV_TIMER, "facilitator", "", "start", "", LONG_MAX, "", "");
	assert_null(state_timer(st, -1));
	assert_int_equal(st->unknown_events, 1);
	put(st, EV_TIMER, "facilitator", "", "start", "", 600, "", "");
	put(st, EV_TIMER, "facilitator", "", "extend", "", LONG_MIN, "", "");
	assert_int_equal(st->unknown_events, 2);
	t = state_timer(st, -1);
	assert_non_null(t);
	assert_true(timer_remaining_ms(t, now) == 600000);
	state_free(st);
}

static void
test_room_label(void **unused)
{
	struct state *st = fresh();

	(void)unused;
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	put(st, EV_ROOM, "facilitator", "r2", "", "", 0, "", "");
	assert_string_equal(state_room_label(st, 0), "Room 1");
	assert_string_equal(state_room_label(st, 1), "r2");	/* no name */
	assert_string_equal(state_room_label(st, -1), "plenary");
	assert_string_equal(state_room_label(st, 2), "plenary");
	state_free(st);
}

static void
test_timer(void **unused)
{
	struct state *st = fresh();
	const struct timer *t;

	(void)unused;
	assert_null(state_timer(st, -1));
	put(st, EV_TIMER, "facilitator", "", "start", "", 600, "", "");
	t = state_timer(st, -1);
	assert_non_null(t);
	assert_int_equal(t->state, TIMER_RUNNING);
	assert_true(timer_remaining_ms(t, now + 60000) == 540000);
	now += 2 * MIN;
	put(st, EV_TIMER, "facilitator", "", "pause", "", 0, "", "");
	t = state_timer(st, -1);
	assert_int_equal(t->state, TIMER_PAUSED);
	/* Paused: time does not run, in any process, however late. */
	assert_true(timer_remaining_ms(t, now + 3600000) == 480000);
	now += 5 * MIN;
	put(st, EV_TIMER, "facilitator", "", "resume", "", 0, "", "");
	put(st, EV_TIMER, "facilitator", "", "extend", "", 120, "", "");
	t = state_timer(st, -1);
	assert_true(timer_remaining_ms(t, now + 60000) == 540000);
	put(st, EV_TIMER, "facilitator", "", "extend", "", -120, "", "");
	t = state_timer(st, -1);
	assert_true(timer_remaining_ms(t, now) == 480000);
	now += 10 * MIN;	/* overrun by two minutes */
	assert_true(timer_remaining_ms(t, now) == -120000);
	put(st, EV_TIMER, "facilitator", "", "stop", "", 0, "", "");
	t = state_timer(st, -1);
	assert_int_equal(t->state, TIMER_IDLE);
	assert_true(t->stopped_at == now);
	assert_true(timer_remaining_ms(t, now + 3600000) == -120000);
	/* A room's timer is its own. */
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	assert_null(state_timer(st, 0));
	put(st, EV_TIMER, "facilitator", "", "start", "r1", 300, "", "");
	assert_non_null(state_timer(st, 0));
	assert_int_equal(state_timer(st, 0)->room, 0);
	assert_int_equal(state_timer(st, -1)->state, TIMER_IDLE);
	/* Actions that make no sense in the state are not applied. */
	put(st, EV_TIMER, "facilitator", "", "resume", "", 0, "", "");
	put(st, EV_TIMER, "facilitator", "", "explode", "", 0, "", "");
	assert_int_equal(st->unknown_events, 2);
	state_free(st);
}

static void
test_agenda(void **unused)
{
	struct state *st = fresh();

	(void)unused;
	assert_null(st->agenda_id);
	put(st, EV_AGENDA, "facilitator", "d1-opening", "", "", 0, "", "");
	now += 30 * MIN;
	put(st, EV_AGENDA, "facilitator", "d1-everyday", "", "", 0, "", "");
	put(st, EV_AGENDA, "facilitator", "d1-opening", "", "", 0, "", "");
	assert_string_equal(st->agenda_id, "d1-opening");
	assert_int_equal(st->nvisits, 3);
	assert_string_equal(st->visits[1].agenda_id, "d1-everyday");
	/* The same id is one string, however often it is visited. */
	assert_ptr_equal(st->visits[0].agenda_id, st->visits[2].agenda_id);
	put(st, EV_AGENDA, "facilitator", "", "", "", 0, "", "");
	assert_null(st->agenda_id);
	assert_string_equal(st->visits[3].agenda_id, "");
	state_free(st);
}

static void
test_voting(void **unused)
{
	struct state *st = fresh();
	const struct round *r;

	(void)unused;
	person(st, "p1", "A", "KR");
	person(st, "p2", "B", "TH");
	put(st, EV_IDEA, "p1", "i1", "p1", "", 0, "idea one", "");
	put(st, EV_IDEA, "p2", "i2", "p2", "", 0, "idea two", "");
	assert_int_equal(state_open_round(st), -1);
	put(st, EV_VOTING_OPEN, "facilitator", "v1", "", "", 5, "", "");
	assert_int_equal(state_open_round(st), 0);
	assert_int_equal(st->current_round, 0);
	put(st, EV_DOT, "p1", "i2", "v1", "", 3, "", "");
	put(st, EV_DOT, "p2", "i2", "v1", "", 1, "", "");
	put(st, EV_DOT, "p2", "i1", "v1", "", 2, "", "");
	r = &st->rounds[0];
	assert_int_equal(r->budget, 5);
	assert_int_equal(round_spent(r, 0), 3);
	assert_int_equal(round_spent(r, 1), 3);
	assert_int_equal(round_idea_dots(r, 1), 4);
	assert_int_equal(round_idea_voters(r, 1), 2);
	assert_int_equal(round_idea_dots(r, 0), 2);
	assert_int_equal(round_voters(r), 2);
	assert_int_equal(round_voter_dots(r, 0, 1), 3);
	assert_int_equal(round_voter_dots(r, 0, 0), 0);
	/* Taking dots back. */
	put(st, EV_DOT, "p1", "i2", "v1", "", -3, "", "");
	r = &st->rounds[0];
	assert_int_equal(round_spent(r, 0), 0);
	assert_int_equal(round_idea_dots(r, 1), 1);
	assert_int_equal(round_idea_voters(r, 1), 1);
	assert_int_equal(round_voters(r), 1);
	/* Below zero is impossible and not applied. */
	put(st, EV_DOT, "p1", "i2", "v1", "", -1, "", "");
	assert_int_equal(st->unknown_events, 1);
	put(st, EV_VOTING_CLOSE, "facilitator", "v1", "", "", 1, "", "");
	assert_int_equal(state_open_round(st), -1);
	assert_true(st->rounds[0].closed_at == now);
	put(st, EV_VOTING_CLOSE, "facilitator", "v1", "", "", 0, "", "");
	assert_int_equal(state_open_round(st), 0);
	put(st, EV_VOTING_CLOSE, "facilitator", "v1", "", "", 1, "", "");
	put(st, EV_VOTING_REVEAL, "facilitator", "v1", "", "", 1, "", "");
	assert_int_equal(st->rounds[0].revealed, 1);
	put(st, EV_VOTING_REVEAL, "facilitator", "v1", "", "", 0, "", "");
	assert_int_equal(st->rounds[0].revealed, 0);
	/* A second round, for prototypes in a room. */
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	put(st, EV_VOTING_OPEN, "facilitator", "v2", "", "r1", 3, "", "prototypes");
	assert_int_equal(st->current_round, 1);
	r = &st->rounds[1];
	assert_int_equal(r->room, 0);
	assert_int_equal(r->prototypes_only, 1);
	assert_int_equal(round_covers(st, r, 0), 0);	/* not in r1 */
	assert_int_equal(round_spent(r, 0), 0);
	assert_int_equal(round_covers(st, &st->rounds[0], 0), 1);
	state_free(st);
}

/* Many voters on many ideas: the tallies stay exact through rehashing. */
static void
test_voting_many(void **unused)
{
	struct state *st = fresh();
	const struct round *r;
	char id[16], idea[16];
	int p, i, total = 0;

	(void)unused;
	for (p = 1; p <= 150; p++) {
		snprintf(id, sizeof id, "p%d", p);
		person(st, id, "Someone", "KR");
	}
	for (i = 1; i <= 60; i++) {
		snprintf(idea, sizeof idea, "i%d", i);
		put(st, EV_IDEA, "p1", idea, "p1", "", 0, "an idea", "");
	}
	put(st, EV_VOTING_OPEN, "facilitator", "v1", "", "", 5, "", "");
	for (p = 1; p <= 150; p++)
		for (i = 0; i < 5; i++) {
			snprintf(id, sizeof id, "p%d", p);
			snprintf(idea, sizeof idea, "i%d", (p * 7 + i * 13) % 60 + 1);
			put(st, EV_DOT, id, idea, "v1", "", 1, "", "");
			total++;
		}
	r = &st->rounds[0];
	assert_int_equal(round_voters(r), 150);
	for (p = 0; p < 150; p++)
		assert_int_equal(round_spent(r, p), 5);
	for (i = 0; i < 60; i++)
		total -= round_idea_dots(r, i);
	assert_int_equal(total, 0);
	assert_int_equal(st->unknown_events, 0);
	state_free(st);
}

static void
test_days_and_checkins(void **unused)
{
	struct state *st = fresh();
	int64_t starts[3] = { T0, T0 + 24 * 60 * MIN, T0 + 48 * 60 * MIN };
	const struct checkin *c;

	(void)unused;
	assert_int_equal(state_day_of(st, T0 + 1), 1);
	assert_int_equal(state_day_of(st, T0 - 1), 0);
	assert_int_equal(state_day_of(st, T0 - 24 * 60 * MIN - 1), -1);
	assert_int_equal(state_day_of(st, T0 + 3 * 24 * 60 * MIN), 4);
	state_set_days(st, starts, 3);
	assert_int_equal(state_day_of(st, T0), 1);
	assert_int_equal(state_day_of(st, T0 + 24 * 60 * MIN), 2);
	assert_int_equal(state_day_of(st, T0 + 48 * 60 * MIN + 5), 3);
	assert_int_equal(state_day_of(st, T0 + 73 * 60 * MIN), 4);
	assert_int_equal(state_day_of(st, T0 - 1), 0);

	person(st, "p1", "A", "BD");
	put(st, EV_CHECKIN, "p1", "p1", "", "", 1, "", "");
	c = state_checkin(st, 0, 1);
	assert_non_null(c);
	assert_true(c->first_seen == now);
	assert_int_equal(c->contributions, 0);
	now += 60 * MIN;
	put(st, EV_IDEA, "p1", "i1", "p1", "", 0, "an idea", "");
	put(st, EV_QUESTION, "p1", "q1", "", "", 0, "a question?", "");
	c = state_checkin(st, 0, 1);
	assert_int_equal(c->contributions, 2);
	assert_true(c->last_seen == now);
	assert_int_equal(st->ncheckins, 1);
	/* Day 2: activity alone counts as being there. */
	now += 24 * 60 * MIN;
	put(st, EV_IDEA, "p1", "i2", "p1", "", 0, "another idea", "");
	c = state_checkin(st, 0, 2);
	assert_non_null(c);
	assert_int_equal(c->contributions, 1);
	assert_int_equal(st->ncheckins, 2);
	assert_null(state_checkin(st, 0, 3));
	/* A check-in of a participant whose registration was lost counts
	 * for an unknown participant with that id. */
	put(st, EV_CHECKIN, "p1", "p7", "", "", 1, "", "");
	assert_int_equal(st->unknown_events, 0);
	assert_true(st->participants[1].unknown);
	assert_non_null(state_checkin(st, 1, 1));
	put(st, EV_CHECKIN, "p1", "x7", "", "", 1, "", "");
	assert_int_equal(st->unknown_events, 1);
	state_free(st);
}

static void
test_messages(void **unused)
{
	struct state *st = fresh();

	(void)unused;
	put(st, EV_MESSAGE, "facilitator", "", "", "", 0, "Back in 5 minutes", "");
	put(st, EV_MESSAGE, "facilitator", "", "", "", 1, "", "");
	assert_int_equal(st->nmessages, 2);
	assert_int_equal(st->messages[0].room, -1);
	assert_string_equal(st->messages[0].text, "Back in 5 minutes");
	assert_int_equal(st->messages[1].recall, 1);
	state_free(st);
}

static void
test_questions(void **unused)
{
	struct state *st = fresh();
	const struct question *q;

	(void)unused;
	person(st, "p1", "A", "PK");
	person(st, "p2", "B", "LK");
	put(st, EV_AGENDA, "facilitator", "d2-pakistan", "", "", 0, "", "");
	put(st, EV_QUESTION, "p1", "q1", "d2-pakistan", "", 0, "How?", "");
	put(st, EV_UPVOTE, "p2", "q1", "", "", 0, "", "");
	put(st, EV_UPVOTE, "p2", "q1", "", "", 0, "", "");	/* twice */
	q = &st->questions[0];
	assert_int_equal(q->author, 0);
	assert_string_equal(q->agenda_id, "d2-pakistan");
	assert_int_equal(q->nupvoters, 1);
	assert_true(question_upvoted(q, 1));
	assert_false(question_upvoted(q, 0));
	put(st, EV_QUESTION_MARK, "facilitator", "q1", "answered", "", 1, "", "");
	put(st, EV_QUESTION_MARK, "facilitator", "q1", "pinned", "", 1, "", "");
	put(st, EV_QUESTION_MARK, "facilitator", "q1", "hidden", "", 1, "", "");
	put(st, EV_QUESTION_MARK, "facilitator", "q1", "hidden", "", 0, "", "");
	q = &st->questions[0];
	assert_int_equal(q->answered, 1);
	assert_int_equal(q->pinned, 1);
	assert_int_equal(q->hidden, 0);
	assert_int_equal(st->unknown_events, 1);
	state_free(st);
}

static void
test_polls_and_eval(void **unused)
{
	struct state *st = fresh();
	const struct poll *p;

	(void)unused;
	person(st, "p1", "A", "MV");
	person(st, "p2", "B", "BT");
	put(st, EV_POLL_OPEN, "facilitator", "o1", "", "", POLL_MULTI, "Which?",
	    "Paper\nSMS\nApp");
	put(st, EV_POLL_ANSWER, "p1", "o1", "", "", 0, "", "1\n3");
	put(st, EV_POLL_ANSWER, "p2", "o1", "", "", 0, "", "3");
	put(st, EV_POLL_ANSWER, "p2", "o1", "", "", 0, "", "2");	/* again */
	put(st, EV_POLL_ANSWER, "p1", "o9", "", "", 0, "", "1");
	p = &st->polls[0];
	assert_int_equal(p->noptions, 3);
	assert_string_equal(p->options[2], "App");
	assert_int_equal(p->answers[0], 1);
	assert_int_equal(p->answers[1], 0);
	assert_int_equal(p->answers[2], 2);
	assert_int_equal(p->nvoters, 2);
	assert_true(poll_answered(p, 1));
	put(st, EV_POLL_CLOSE, "facilitator", "o1", "", "", 0, "", "");
	put(st, EV_POLL_REVEAL, "facilitator", "o1", "", "", 0, "", "");
	assert_int_equal(st->polls[0].open, 0);
	assert_int_equal(st->polls[0].revealed, 1);
	put(st, EV_POLL_OPEN, "facilitator", "o2", "", "", POLL_SCALE, "How "
	    "useful?", "");
	p = &st->polls[1];
	assert_int_equal(p->noptions, 5);
	assert_string_equal(p->options[4], "5");
	put(st, EV_POLL_ANSWER, "p1", "o2", "", "", 0, "6", "");	/* range */
	put(st, EV_POLL_ANSWER, "p1", "o2", "", "", 0, "", "6");
	put(st, EV_POLL_ANSWER, "p1", "o2", "", "", 0, "", "5");
	assert_int_equal(st->polls[1].answers[4], 1);
	put(st, EV_EVAL, "p1", "overall", "", "", 4, "", "");
	put(st, EV_EVAL, "p1", "overall", "", "", 5, "", "");	/* again */
	put(st, EV_EVAL, "p2", "comments", "", "", 0, "More cases!", "");
	assert_int_equal(st->nevals, 2);
	assert_int_equal(st->evals[0].value, 4);
	assert_string_equal(st->evals[1].text, "More cases!");
	assert_true(state_eval_answered(st, 0, "overall"));
	assert_false(state_eval_answered(st, 1, "overall"));
	assert_int_equal(st->unknown_events, 5);
	state_free(st);
}

static void
test_unknown_and_bad(void **unused)
{
	struct state *st = fresh();
	struct event ev = { 0 };

	(void)unused;
	ev.seq = 7;
	ev.time_ms = now;
	ev.type = EV_UNKNOWN;
	ev.name = "teleport";
	state_apply(st, &ev);
	assert_int_equal(st->unknown_events, 1);
	assert_int_equal(st->last_seq, 7);
	state_note_bad(12, "CRC mismatch", st);
	assert_int_equal(st->nbad, 1);
	assert_int_equal(st->bad[0].line, 12);
	assert_string_equal(st->bad[0].why, "CRC mismatch");
	state_free(st);
}

/* The same records give the same state: two replays compared field by
 * field through a digest. */
static void
digest(const struct state *st, char *out, size_t size)
{
	size_t i, o = 0;

	for (i = 0; i < st->nparticipants && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s:%d;",
		    st->participants[i].id, st->participants[i].room);
	for (i = 0; i < st->nideas && o < size; i++)
		o += (size_t)snprintf(out + o, size - o, "%s:%d:%d;",
		    state_idea_id(st, (int)i).s,
		    round_idea_dots(&st->rounds[0], (int)i),
		    st->ideas[i].merged_into);
}

static void
build_sample(struct state *st)
{
	person(st, "p1", "A", "KR");
	person(st, "p2", "B", "TH");
	put(st, EV_ROOM, "facilitator", "r1", "", "", 0, "Room 1", "");
	put(st, EV_MOVE, "facilitator", "p2", "", "r1", 0, "", "");
	put(st, EV_IDEA, "p1", "i1", "p1", "", 0, "x", "");
	put(st, EV_IDEA, "p2", "i2", "p2", "r1", 0, "y", "");
	put(st, EV_IDEA_MERGE, "facilitator", "i2", "i1", "", 0, "", "");
	put(st, EV_VOTING_OPEN, "facilitator", "v1", "", "", 5, "", "");
	put(st, EV_DOT, "p2", "i1", "v1", "", 4, "", "");
}

static void
test_replay_is_deterministic(void **unused)
{
	struct state *a = fresh(), *b;
	char da[512], db[512];

	(void)unused;
	build_sample(a);
	b = fresh();
	build_sample(b);
	digest(a, da, sizeof da);
	digest(b, db, sizeof db);
	assert_string_equal(da, db);
	assert_string_equal(da, "p1:-1;p2:0;i1:4:-1;i2:0:0;");
	state_free(a);
	state_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_participants),
		cmocka_unit_test(test_id_gap_and_duplicates),
		cmocka_unit_test(test_rooms_and_moves),
		cmocka_unit_test(test_ideas),
		cmocka_unit_test(test_idea_ids),
		cmocka_unit_test(test_make_id),
		cmocka_unit_test(test_timer),
		cmocka_unit_test(test_agenda),
		cmocka_unit_test(test_voting),
		cmocka_unit_test(test_voting_many),
		cmocka_unit_test(test_days_and_checkins),
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_polls_and_eval),
		cmocka_unit_test(test_unknown_and_bad),
		cmocka_unit_test(test_timer_huge_n_is_unknown),
		cmocka_unit_test(test_room_label),
		cmocka_unit_test(test_replay_is_deterministic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
