/* test_throttle.c -- the delay after wrong secrets grows, is capped, and
 * survives closing and reopening the session (a new process). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "session_fixture.h"
#include "throttle.h"
#include "util.h"

static const char module_ini[] =
    "[module]\n"
    "title = Throttle\n"
    "days = 1\n"
    "timezone = UTC\n";

static int
setup(void **state)
{
	*state = sfx_new(module_ini, "Throttle");
	return 0;
}

static void
test_delay_grows_capped(void **state)
{
	(void)state;
	assert_int_equal(throttle_delay(0), 0);
	assert_int_equal(throttle_delay(THROTTLE_FREE), 0);
	assert_int_equal(throttle_delay(THROTTLE_FREE + 1), 1);
	assert_int_equal(throttle_delay(THROTTLE_FREE + 2), 2);
	assert_int_equal(throttle_delay(THROTTLE_FREE + 5), 16);
	assert_int_equal(throttle_delay(THROTTLE_FREE + 6), THROTTLE_MAX_DELAY);
	assert_int_equal(throttle_delay(1000), THROTTLE_MAX_DELAY);
}

static void
test_count_survives_reopen(void **state)
{
	struct session_fixture *f = *state;
	struct session *s;
	char *err = NULL;
	int i;

	for (i = 0; i < THROTTLE_FREE + 3; i++)
		throttle_note(f->s, 0);
	assert_true(throttle_check(f->s, &err) > 0);
	s = sfx_open(f->dir, 0);	/* as a new process would */
	assert_true(throttle_check(s, &err) > 0);
	assert_int_equal(throttle_failures(s), THROTTLE_FREE + 3);
	throttle_note(s, 1);		/* a right secret clears it */
	assert_int_equal(throttle_check(s, &err), 0);
	throttle_note(s, 0);
	assert_int_equal(throttle_clear(s, &err), 1);
	assert_int_equal(throttle_failures(s), 0);
	session_close(s);
	assert_null(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delay_grows_capped),
		cmocka_unit_test_setup_teardown(test_count_survives_reopen,
		    setup, sfx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
