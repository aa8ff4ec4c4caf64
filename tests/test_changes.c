/* test_changes.c -- what a batch of records changed, as a terminal asks it
 * (changes.h): by kind, and by room for ideas, dots, rounds, timers and
 * messages; a record it cannot place touches everything. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "changes.h"
#include "state_fixture.h"

static struct changes ch;

/* Two rooms (r1, r2), p1 in r1 and p2 in r2, both checked in; then the
 * state notes what each record changes, from a clean slate. */
static int
setup_rooms(void **state)
{
	setup(state);
	people(2);
	apply(EV_ROOM, NULL, "r1", NULL, NULL, 0, "Room 1", NULL);
	apply(EV_ROOM, NULL, "r2", NULL, NULL, 0, "Room 2", NULL);
	apply(EV_MOVE, NULL, "p1", NULL, "r1", 0, NULL, NULL);
	apply(EV_MOVE, NULL, "p2", NULL, "r2", 0, NULL, NULL);
	apply(EV_CHECKIN, "p1", "p1", NULL, NULL, 1, NULL, NULL);
	apply(EV_CHECKIN, "p2", "p2", NULL, NULL, 1, NULL, NULL);
	changes_start(&ch, fx.st);
	fx.st->applied = changes_note_cb;
	fx.st->applied_ctx = &ch;
	return 0;
}

static void
test_nothing_yet(void **state)
{
	(void)state;
	assert_false(changes_any(&ch, CHANGE_ALL));
	assert_false(changes_in(&ch, CHANGE_ALL, 0));
	assert_false(changes_in(&ch, CHANGE_ALL, -1));
}

/* Another room's idea touches that room's ideas only: not the other
 * room, not the plenary, not who is here (its author was in already). */
static void
test_idea_in_a_room(void **state)
{
	(void)state;
	apply(EV_IDEA, "p2", "i1", "p2", "r2", 0, "Idea in room 2", "ideate");
	assert_true(changes_any(&ch, CHANGE_IDEAS));
	assert_true(changes_in(&ch, CHANGE_NEW_IDEAS, 1));
	assert_false(changes_any(&ch, CHANGE_IDEA_EDITS));
	assert_true(changes_in(&ch, CHANGE_IDEAS, 1));
	assert_false(changes_in(&ch, CHANGE_IDEAS, 0));
	assert_false(changes_in(&ch, CHANGE_IDEAS, -1));
	assert_false(changes_any(&ch, ~(unsigned)CHANGE_IDEAS));
	changes_clear(&ch);
	assert_false(changes_any(&ch, CHANGE_ALL));
	/* an edit of it: the same room, an edit and no new idea */
	apply(EV_IDEA_EDIT, "p2", "i1", NULL, NULL, 0, "Edited", NULL);
	assert_true(changes_in(&ch, CHANGE_IDEAS, 1));
	assert_false(changes_in(&ch, CHANGE_IDEAS, 0));
	assert_true(changes_in(&ch, CHANGE_IDEA_EDITS, 1));
	assert_false(changes_any(&ch, CHANGE_NEW_IDEAS));
}

/* A plenary idea is the plenary's; a merge touches both ideas' rooms. */
static void
test_plenary_idea_and_merge(void **state)
{
	(void)state;
	apply(EV_IDEA, NULL, "i1", NULL, NULL, 0, "Plenary idea", NULL);
	assert_true(changes_in(&ch, CHANGE_IDEAS, -1));
	assert_false(changes_in(&ch, CHANGE_IDEAS, 0));
	apply(EV_IDEA, "p1", "i2", "p1", "r1", 0, "Room 1 idea", NULL);
	changes_clear(&ch);
	apply(EV_IDEA_MERGE, NULL, "i2", "i1", NULL, 0, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_IDEAS, 0));
	assert_true(changes_in(&ch, CHANGE_IDEAS, -1));
	assert_false(changes_in(&ch, CHANGE_IDEAS, 1));
}

/* Someone's first record of the day makes them present: who is here
 * changed, wherever one looks. */
static void
test_first_activity_is_presence(void **state)
{
	(void)state;
	people(3);	/* p3, in no room, not checked in */
	changes_clear(&ch);
	apply(EV_IDEA, "p3", "i1", "p3", NULL, 0, "Late idea", NULL);
	assert_true(changes_any(&ch, CHANGE_PRESENCE));
	assert_true(changes_in(&ch, CHANGE_PRESENCE, 1));
	changes_clear(&ch);
	apply(EV_IDEA, "p3", "i2", "p3", NULL, 0, "Another", NULL);
	assert_false(changes_any(&ch, CHANGE_PRESENCE));
}

/* Kinds are kept apart: a message to room 1 and an idea in room 2 do not
 * make an idea in room 1. */
static void
test_kinds_keep_their_rooms(void **state)
{
	(void)state;
	apply(EV_MESSAGE, NULL, NULL, NULL, "r1", 0, "Room 1: 5 minutes",
	    NULL);
	apply(EV_IDEA, "p2", "i1", "p2", "r2", 0, "Idea in room 2", NULL);
	assert_true(changes_in(&ch, CHANGE_MESSAGES, 0));
	assert_false(changes_in(&ch, CHANGE_MESSAGES, 1));
	assert_false(changes_in(&ch, CHANGE_IDEAS, 0));
	assert_true(changes_in(&ch, CHANGE_IDEAS | CHANGE_MESSAGES, 0));
	assert_true(changes_in(&ch, CHANGE_IDEAS | CHANGE_MESSAGES, 1));
	changes_clear(&ch);
	/* a message to everyone is the plenary's; a recall is everyone's */
	apply(EV_MESSAGE, NULL, NULL, NULL, NULL, 0, "Coffee", NULL);
	assert_true(changes_in(&ch, CHANGE_MESSAGES, -1));
	assert_false(changes_in(&ch, CHANGE_MESSAGES, 0));
	changes_clear(&ch);
	apply(EV_MESSAGE, NULL, NULL, NULL, "r2", 1, "Back, please", NULL);
	assert_true(changes_in(&ch, CHANGE_MESSAGES, 0));
}

/* Timers and rounds by their room (the session's: the plenary); dots by
 * their idea's room. */
static void
test_timers_rounds_dots(void **state)
{
	(void)state;
	apply(EV_IDEA, "p1", "i1", "p1", "r1", 0, "Room 1 idea", NULL);
	changes_clear(&ch);
	apply(EV_TIMER, NULL, NULL, "start", "r2", 300, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_TIMERS, 1));
	assert_false(changes_in(&ch, CHANGE_TIMERS, -1));
	apply(EV_TIMER, NULL, NULL, "start", NULL, 300, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_TIMERS, -1));
	changes_clear(&ch);
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, "r1", 3, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_ROUNDS, 0));
	assert_false(changes_in(&ch, CHANGE_ROUNDS, 1));
	changes_clear(&ch);
	apply(EV_DOT, "p1", "i1", "v1", NULL, 1, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_VOTES, 0));
	assert_false(changes_in(&ch, CHANGE_VOTES, 1));
	assert_false(changes_any(&ch, CHANGE_IDEAS));
}

/* What is not a room's touches every room: people, the agenda, and what
 * this version cannot place at all. */
static void
test_everywhere(void **state)
{
	struct event ev;

	(void)state;
	apply(EV_MOVE, NULL, "p2", NULL, "r1", 0, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_PEOPLE, 1));
	assert_true(changes_in(&ch, CHANGE_PEOPLE, -1));
	changes_clear(&ch);
	apply(EV_AGENDA, NULL, "d1-open", NULL, NULL, 0, NULL, NULL);
	assert_true(changes_in(&ch, CHANGE_AGENDA, 5));
	changes_clear(&ch);
	memset(&ev, 0, sizeof ev);
	ev.type = EV_UNKNOWN;
	ev.seq = ++fx.seq;
	ev.time_ms = fx.now += 1000;
	ev.actor = "facilitator";
	ev.name = "from-the-future";
	ev.id = ev.ref = ev.room = ev.text = ev.extra = "";
	state_apply(fx.st, &ev);
	assert_true(changes_any(&ch, CHANGE_OTHER));
	assert_true(changes_in(&ch, CHANGE_OTHER, 0));
}

/* Rooms past the 62 told apart count as every room: a screen may redraw
 * for nothing, never miss a change. */
static void
test_many_rooms(void **state)
{
	char id[16];
	int r;

	(void)state;
	for (r = 3; r <= 70; r++) {
		snprintf(id, sizeof id, "r%d", r);
		apply(EV_ROOM, NULL, id, NULL, NULL, 0, id, NULL);
	}
	changes_clear(&ch);
	apply(EV_IDEA, NULL, "i1", NULL, "r70", 0, "Far room", NULL);
	assert_true(changes_in(&ch, CHANGE_IDEAS, 0));
	assert_true(changes_in(&ch, CHANGE_IDEAS, 69));
	assert_true(changes_in(&ch, CHANGE_IDEAS, -1));
	changes_clear(&ch);
	apply(EV_IDEA, NULL, "i2", NULL, "r2", 0, "Near room", NULL);
	assert_true(changes_in(&ch, CHANGE_IDEAS, 69));	/* can't tell */
	assert_false(changes_in(&ch, CHANGE_IDEAS, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nothing_yet, setup_rooms,
		    teardown),
		cmocka_unit_test_setup_teardown(test_idea_in_a_room,
		    setup_rooms, teardown),
		cmocka_unit_test_setup_teardown(test_plenary_idea_and_merge,
		    setup_rooms, teardown),
		cmocka_unit_test_setup_teardown(test_first_activity_is_presence,
		    setup_rooms, teardown),
		cmocka_unit_test_setup_teardown(test_kinds_keep_their_rooms,
		    setup_rooms, teardown),
		cmocka_unit_test_setup_teardown(test_timers_rounds_dots,
		    setup_rooms, teardown),
		cmocka_unit_test_setup_teardown(test_everywhere, setup_rooms,
		    teardown),
		cmocka_unit_test_setup_teardown(test_many_rooms, setup_rooms,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
