/*
 * cli_pin.c -- `convene pin SESSION --clear-throttle`: the facilitator
 * (after the passphrase) removes every count of wrong PINs and
 * passphrases (throttle.h), so that nobody waits any longer; prints how
 * many users and terminals were waiting.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "i18n.h"
#include "session.h"
#include "throttle.h"

int
cli_pin(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "clear-throttle", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 }
	};
	struct session *s;
	char *err = NULL;
	int c, clear = 0, status = 0, n;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'c')
			return cli_bad_option("pin", argc, argv);
		clear = 1;
	}
	if (!clear || optind != argc - 1)
		return cli_usage("pin");
	if ((s = cli_open_session(argv[optind], &status)) == NULL)
		return status;
	/* The facilitator's own gate is throttled too, for their user and
	 * terminal only: at worst they wait THROTTLE_MAX_DELAY seconds. */
	if ((status = cli_facilitator_gate(s)) == 0) {
		n = throttle_clear(s, &err);
		if (n < 0)
			status = cli_fail_free(EXIT_DATA, err);
		else
			cli_print(stdout, "%d\n", n);
	}
	session_close(s);
	return status;
}
