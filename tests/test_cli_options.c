/* test_cli_options.c -- cli_parse_options, the one option loop of the verbs:
 * values and flags by a table, operands permuted to optind, "--" ending the
 * options, and the usage status for what the table does not name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* A writable argv of n words (getopt permutes it); free with argv_free. */
static char **
argv_of(int n, const char *const *words)
{
	char **v = calloc((size_t)n + 1, sizeof *v);
	int i;

	assert_non_null(v);
	for (i = 0; i < n; i++)
		assert_non_null(v[i] = strdup(words[i]));
	return v;
}

static void
argv_free(char **v)
{
	char **p;

	for (p = v; *p != NULL; p++)
		free(*p);
	free(v);
}

static void
test_values_flags_operands(void **state)
{
	const char *by = NULL;
	int multi = 0, scale = 0;
	const struct cli_option opts[] = {
		{ "by", &by, NULL },
		{ "multi", NULL, &multi },
		{ "scale", NULL, &scale },
		{ NULL, NULL, NULL }
	};
	static const char *const words[] = { "poll", "S", "--by", "p1",
	    "open", "--multi", "Q", "--", "--scale" };
	char **argv = argv_of(9, words);

	(void)state;
	assert_int_equal(cli_parse_options("poll", 9, argv, opts), 0);
	assert_string_equal(by, "p1");
	assert_int_equal(multi, 1);
	assert_int_equal(scale, 0);	/* after "--": an operand */
	assert_int_equal(9 - optind, 4);
	assert_string_equal(argv[optind], "S");
	assert_string_equal(argv[optind + 1], "open");
	assert_string_equal(argv[optind + 2], "Q");
	assert_string_equal(argv[optind + 3], "--scale");
	argv_free(argv);
}

/* An option the table lacks, or a value missing: the usage's status; a
 * second call starts afresh (getopt's state is reset). */
static void
test_refused(void **state)
{
	const char *room = NULL;
	const struct cli_option opts[] = {
		{ "room", &room, NULL },
		{ NULL, NULL, NULL }
	};
	static const char *const w_unknown[] = { "timer", "S", "--zzz",
	    "start" };
	static const char *const w_missing[] = { "timer", "S", "start",
	    "--room" };
	static const char *const w_fine[] = { "timer", "S", "--room", "r1",
	    "start" };
	char **unknown = argv_of(4, w_unknown), **missing = argv_of(4, w_missing);
	char **fine = argv_of(5, w_fine);

	(void)state;
	assert_int_equal(cli_parse_options("timer", 4, unknown, opts),
	    EXIT_USAGE);
	assert_int_equal(cli_parse_options("timer", 4, missing, opts),
	    EXIT_USAGE);
	assert_int_equal(cli_parse_options("timer", 5, fine, opts), 0);
	assert_string_equal(room, "r1");
	assert_int_equal(cli_no_options("agenda", 4, unknown), EXIT_USAGE);
	argv_free(unknown);
	argv_free(missing);
	argv_free(fine);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_values_flags_operands),
		cmocka_unit_test(test_refused),
	};

	/* The refusals say why on stderr, as the verbs do. */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
