/* test_util.c -- the small helpers every part uses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>

#include "util.h"

static void
test_str_to_long(void **state)
{
	long v = 7;

	(void)state;
	assert_int_equal(str_to_long("42", 1, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(str_to_long("-1440", -1440, 1440, &v), 0);
	assert_int_equal(v, -1440);
	v = 7;
	/* refused, and *out left alone */
	assert_int_equal(str_to_long("", 0, 9, &v), -1);
	assert_int_equal(str_to_long(NULL, 0, 9, &v), -1);
	assert_int_equal(str_to_long("4x", 0, 9, &v), -1);
	assert_int_equal(str_to_long("0", 1, 9, &v), -1);
	assert_int_equal(str_to_long("10", 1, 9, &v), -1);
	assert_int_equal(str_to_long("99999999999999999999", 0, LONG_MAX,
	    &v), -1);
	assert_int_equal(v, 7);
}

static void
test_path_join(void **state)
{
	char *p;

	(void)state;
	p = path_join("a", "b");
	assert_string_equal(p, "a/b");
	free(p);
	p = path_join("a/", "b");
	assert_string_equal(p, "a/b");
	free(p);
}

static void
expect_quoted(const char *in, const char *out)
{
	char *q = shell_quote(in);

	assert_string_equal(q, out);
	free(q);
}

static void
test_shell_quote(void **state)
{
	(void)state;
	expect_quoted("/tmp/convene-demo-Ab12_Z/session",
	    "/tmp/convene-demo-Ab12_Z/session");
	expect_quoted("/tmp/my sessions/s", "'/tmp/my sessions/s'");
	expect_quoted("/tmp/it's", "'/tmp/it'\\''s'");
	expect_quoted("$HOME;rm", "'$HOME;rm'");
	expect_quoted("/tmp/세션", "'/tmp/세션'");
	expect_quoted("", "''");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str_to_long),
		cmocka_unit_test(test_path_join),
		cmocka_unit_test(test_shell_quote),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
