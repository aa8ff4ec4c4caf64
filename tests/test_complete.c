/* test_complete.c -- completion items read from a verb's usage line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "complete.h"

static void
check(const char *usage, const char *want)
{
	char *got = complete_usage(usage);

	assert_string_equal(got, want);
	free(got);
}

/* Subcommands are the first lower-case word of each form; a flag's
 * argument inside its bracket is not one. */
static void
test_subcommands(void **state)
{
	(void)state;
	check("SESSION [--room R] start [MINUTES] | pause | extend MINUTES",
	    "pos SESSION\nopt --room R\nsub start\nsub pause\nsub extend\n");
	check("SESSION --make N [--balance country] | move PID ROOM|plenary",
	    "pos SESSION\nopt --make N\nopt --balance country\nsub move\n");
	check("SESSION --by PID edit IDEA TEXT | withdraw IDEA",
	    "pos SESSION\nopt --by PID\nsub edit\nsub withdraw\n");
}

/* A flag closing its bracket, followed by a new bracket or by another
 * flag takes no argument; nested brackets inside an argument stay. */
static void
test_flags(void **state)
{
	(void)state;
	check("SESSION [--kiosk] [--as ID|NAME]",
	    "pos SESSION\nopt --kiosk\nopt --as ID|NAME\n");
	check("SESSION open [--prototypes [--from ITEM|THREAD|all]] | close",
	    "pos SESSION\nsub open\nopt --prototypes\n"
	    "opt --from ITEM|THREAD|all\nsub close\n");
	check("SESSION [ITEM] [--at BLOCK[:OFFSET]] | off",
	    "pos SESSION\npos ITEM\nopt --at BLOCK[:OFFSET]\nsub off\n");
	check("SESSION open [--multi | --scale] QUESTION",
	    "pos SESSION\nsub open\nopt --multi\nopt --scale\n");
	check("SESSION --clear-throttle | --by PID --set | --by PID --clear",
	    "pos SESSION\nopt --clear-throttle\nopt --by PID\nopt --set\n"
	    "opt --clear\n");
}

/* Leading placeholders; nothing at all for an empty usage. */
static void
test_operands(void **state)
{
	(void)state;
	check("SESSION FILE.csv", "pos SESSION\npos FILE.csv\n");
	check("MODULE_DIR", "pos MODULE_DIR\n");
	check("", "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_subcommands),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_operands),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
