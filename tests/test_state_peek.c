/*
 * test_state_peek.c -- state_peek_id, the journal's early look at a
 * record's id: it may see any bytes (a damaged record, a hostile journal)
 * and must never read outside the state or change it.  Run under valgrind
 * or the sanitizers, a read out of bounds fails here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "state_fixture.h"

/* The id in a buffer of exactly its length, without a NUL, as the
 * journal hands it over: a read past it fails under valgrind or ASan. */
static void
peek_n(const char *id, size_t len)
{
	char *exact = malloc(len > 0 ? len : 1);

	assert_non_null(exact);
	memcpy(exact, id, len);
	state_peek_id(exact, len, fx.st);
	free(exact);
}

static void
peek(const char *id)
{
	peek_n(id, strlen(id));
}

static void
test_hostile_ids_change_nothing(void **state)
{
	static const char *const ids[] = {
		"", "i", "q", "i0", "q0", "i3", "q2", "i4", "q3", "i-1",
		"i1x", "ix1", "i99999999", "i4294967296", "i18446744073709551617",
		"q99999999999999999999", "p1", "r1", "v1", "o1", "\xff\xfe",
		"i1\n", "I1", "i 1",
	};
	size_t i;

	(void)state;
	peek("i1");		/* an empty state */
	people(2);
	apply(EV_IDEA, "p1", "i1", "p1", NULL, 0, "one", NULL);
	apply(EV_IDEA, "p2", "i2", "p2", NULL, 0, "two", NULL);
	apply(EV_QUESTION, "p1", "q1", NULL, NULL, 0, "why?", NULL);
	for (i = 0; i < sizeof ids / sizeof ids[0]; i++)
		peek(ids[i]);
	/* a length shorter than the string: only that much is looked at */
	peek_n("i12345", 2);
	assert_int_equal(fx.st->nideas, 2);
	assert_int_equal(fx.st->nquestions, 1);
	assert_int_equal(state_idea(fx.st, "i2"), 1);
	assert_int_equal(state_idea(fx.st, "i3"), -1);
	assert_int_equal(state_question(fx.st, "q1"), 0);
	assert_int_equal(fx.st->unknown_events, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hostile_ids_change_nothing,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
