/* test_results.c -- ranking a voting round: dots, voters, age, ties,
 * merges, rooms, and what is left out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "state_fixture.h"

static void
idea(const char *id, const char *by, const char *room)
{
	char text[64];

	snprintf(text, sizeof text, "Idea %s", id);
	apply(EV_IDEA, by, id, by, room, 0, text, "ideate");
}

static void
dot(const char *voter, const char *idea_id, const char *round, long n)
{
	apply(EV_DOT, voter, idea_id, round, NULL, n, NULL, NULL);
}

static void
open_round(const char *id, const char *room)
{
	apply(EV_VOTING_OPEN, NULL, id, NULL, room, 5, NULL, NULL);
}

static int
idx(const char *idea_id)
{
	return state_idea(fx.st, idea_id);
}

static void
test_out_of_range(void **state)
{
	struct ranked *list = (struct ranked *)&list;
	size_t n = 99;

	(void)state;
	assert_int_equal(results_rank(fx.st, 0, &list, &n), -1);
	assert_null(list);
	assert_int_equal(n, 0);
	assert_int_equal(results_rank(fx.st, -1, &list, &n), -1);
	assert_int_equal(results_root(fx.st, 0), -1);
	assert_int_equal(results_root(fx.st, -1), -1);
}

static void
test_round_without_dots(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(1);
	idea("i1", "p1", NULL);
	open_round("v1", NULL);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 0);
	assert_null(list);
}

static void
test_one_idea(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(1);
	idea("i1", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 2);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].idea, idx("i1"));
	assert_int_equal(list[0].rank, 1);
	assert_int_equal(list[0].room_rank, 1);
	assert_int_equal(list[0].room, -1);
	assert_int_equal(list[0].dots, 2);
	assert_int_equal(list[0].voters, 1);
	assert_false(list[0].tie);
	free(list);
}

/* Dots first, then voters, then the earlier idea. */
static void
test_order(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(4);
	idea("i1", "p1", NULL);	/* 3 dots, 1 voter */
	idea("i2", "p1", NULL);	/* 3 dots, 3 voters */
	idea("i3", "p1", NULL);	/* 4 dots, 1 voter */
	idea("i4", "p1", NULL);	/* 1 dot */
	idea("i5", "p1", NULL);	/* 1 dot, later than i4 */
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 3);
	dot("p2", "i2", "v1", 1);
	dot("p3", "i2", "v1", 1);
	dot("p4", "i2", "v1", 1);
	dot("p2", "i3", "v1", 4);
	dot("p3", "i5", "v1", 1);	/* cast before i4's dot */
	dot("p4", "i4", "v1", 1);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 5);
	assert_int_equal(list[0].idea, idx("i3"));
	assert_int_equal(list[1].idea, idx("i2"));
	assert_int_equal(list[1].voters, 3);
	assert_int_equal(list[2].idea, idx("i1"));
	assert_int_equal(list[3].idea, idx("i4"));
	assert_int_equal(list[4].idea, idx("i5"));
	for (size_t i = 0; i < n; i++)
		assert_int_equal(list[i].rank, (int)i + 1);
	/* Only i4 and i5 share dots and voters. */
	assert_false(list[0].tie);
	assert_false(list[1].tie);
	assert_false(list[2].tie);
	assert_true(list[3].tie);
	assert_true(list[4].tie);
	free(list);
}

/* tie: the same dots AND voters as a neighbour, not just the same dots. */
static void
test_tie_needs_same_voters(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(3);
	idea("i1", "p1", NULL);
	idea("i2", "p1", NULL);
	idea("i3", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 1);
	dot("p2", "i1", "v1", 1);	/* i1: 2 dots, 2 voters */
	dot("p1", "i2", "v1", 1);
	dot("p3", "i2", "v1", 1);	/* i2: 2 dots, 2 voters */
	dot("p3", "i3", "v1", 2);	/* i3: 2 dots, 1 voter */
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(list[0].idea, idx("i1"));
	assert_int_equal(list[1].idea, idx("i2"));
	assert_int_equal(list[2].idea, idx("i3"));
	assert_true(list[0].tie);
	assert_true(list[1].tie);
	assert_false(list[2].tie);
	free(list);
}

/* Net dots: dots taken back leave the ranking. */
static void
test_taken_back(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(2);
	idea("i1", "p1", NULL);
	idea("i2", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 2);
	dot("p2", "i2", "v1", 1);
	dot("p1", "i1", "v1", -2);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].idea, idx("i2"));
	free(list);
}

/* Merged ideas rank once, under the idea they went into; a voter on both
 * counts once. */
static void
test_merge(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(3);
	idea("i1", "p1", NULL);
	idea("i2", "p2", NULL);
	idea("i3", "p3", NULL);
	idea("i4", "p3", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 1);
	dot("p1", "i2", "v1", 1);
	dot("p2", "i2", "v1", 2);
	dot("p3", "i3", "v1", 1);
	dot("p3", "i4", "v1", 3);
	/* i3 -> i2 -> i1: a chain resolves to its end. */
	apply(EV_IDEA_MERGE, NULL, "i2", "i1", NULL, 0, NULL, NULL);
	apply(EV_IDEA_MERGE, NULL, "i3", "i2", NULL, 0, NULL, NULL);
	assert_int_equal(results_root(fx.st, idx("i3")), idx("i1"));
	assert_int_equal(results_root(fx.st, idx("i4")), idx("i4"));
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].idea, idx("i1"));
	assert_int_equal(list[0].dots, 5);
	assert_int_equal(list[0].voters, 3);	/* p1 twice counts once */
	assert_int_equal(list[1].idea, idx("i4"));
	assert_int_equal(list[1].dots, 3);
	free(list);

	/* Unmerged, each idea stands on its own again. */
	apply(EV_IDEA_MERGE, NULL, "i2", "", NULL, 0, NULL, NULL);
	apply(EV_IDEA_MERGE, NULL, "i3", "", NULL, 0, NULL, NULL);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].idea, idx("i2"));	/* 3 dots, 2 voters */
	assert_int_equal(list[0].dots, 3);
	assert_int_equal(list[0].voters, 2);
	assert_int_equal(list[1].idea, idx("i4"));	/* 3 dots, 1 voter */
	assert_int_equal(list[2].idea, idx("i1"));
	assert_int_equal(list[3].idea, idx("i3"));
	free(list);
}

/* A damaged journal could merge in a loop: no hang, no crash. */
static void
test_merge_loop(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(1);
	idea("i1", "p1", NULL);
	idea("i2", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 1);
	apply(EV_IDEA_MERGE, NULL, "i1", "i2", NULL, 0, NULL, NULL);
	apply(EV_IDEA_MERGE, NULL, "i2", "i1", NULL, 0, NULL, NULL);
	assert_int_equal(results_root(fx.st, idx("i1")), idx("i1"));
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 1);
	free(list);
}

static void
test_rooms(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(2);
	apply(EV_ROOM, NULL, "r1", NULL, NULL, 0, "Blue", "Health");
	apply(EV_ROOM, NULL, "r2", NULL, NULL, 0, "Green", "Tax");
	idea("i1", "p1", "r1");
	idea("i2", "p1", "r2");
	idea("i3", "p1", "r1");
	idea("i4", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 4);
	dot("p1", "i2", "v1", 3);
	dot("p2", "i3", "v1", 2);
	dot("p2", "i4", "v1", 1);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].room, state_room(fx.st, "r1"));
	assert_int_equal(list[0].room_rank, 1);
	assert_int_equal(list[1].room, state_room(fx.st, "r2"));
	assert_int_equal(list[1].room_rank, 1);
	assert_int_equal(list[2].room, state_room(fx.st, "r1"));
	assert_int_equal(list[2].rank, 3);
	assert_int_equal(list[2].room_rank, 2);
	assert_int_equal(list[3].room, -1);
	assert_int_equal(list[3].room_rank, 1);
	free(list);
}

static void
test_hidden_and_withdrawn_left_out(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(1);
	idea("i1", "p1", NULL);
	idea("i2", "p1", NULL);
	idea("i3", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 1);
	dot("p1", "i2", "v1", 1);
	dot("p1", "i3", "v1", 1);
	apply(EV_IDEA_HIDE, NULL, "i1", NULL, NULL, 1, NULL, NULL);
	apply(EV_IDEA_WITHDRAW, "p1", "i2", NULL, NULL, 1, NULL, NULL);
	assert_int_equal(results_rank(fx.st, 0, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].idea, idx("i3"));
	free(list);
}

/* Each round counts only its own dots. */
static void
test_rounds_apart(void **state)
{
	struct ranked *list;
	size_t n;

	(void)state;
	people(1);
	idea("i1", "p1", NULL);
	idea("i2", "p1", NULL);
	open_round("v1", NULL);
	dot("p1", "i1", "v1", 3);
	apply(EV_VOTING_CLOSE, NULL, "v1", NULL, NULL, 1, NULL, NULL);
	open_round("v2", NULL);
	dot("p1", "i2", "v2", 1);
	assert_int_equal(results_rank(fx.st, 1, &list, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].idea, idx("i2"));
	assert_int_equal(list[0].dots, 1);
	free(list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_out_of_range, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_round_without_dots, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_one_idea, setup, teardown),
		cmocka_unit_test_setup_teardown(test_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tie_needs_same_voters,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_taken_back, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merge_loop, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rooms, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_hidden_and_withdrawn_left_out, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rounds_apart, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
