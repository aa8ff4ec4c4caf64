/*
 * console_helper.c -- what the console's end-to-end tests need and the
 * command line does not offer: a timer of a few seconds (the command line
 * counts in minutes), so that a test can watch a timer pass zero without
 * waiting a minute.  Built by tests/e2e/lib.sh (build_helper), not by make.
 *
 *   console_helper timer SESSION SECONDS [ROOM]
 */
#include <stdio.h>
#include <stdlib.h>

#include "commands.h"
#include "i18n.h"
#include "session.h"

int
main(int argc, char **argv)
{
	struct session *s;
	char *err = NULL;
	int status;

	i18n_init();
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: console_helper timer SESSION SECONDS "
		    "[ROOM]\n");
		return 2;
	}
	if ((s = session_open(argv[2], 0, &err)) == NULL) {
		fprintf(stderr, "console_helper: %s\n", err);
		free(err);
		return 3;
	}
	status = cmd_timer(s, argc == 5 ? argv[4] : NULL, TIMER_START,
	    atol(argv[3]), &err);
	if (status != 0)
		fprintf(stderr, "console_helper: %s\n", err != NULL ? err : "?");
	free(err);
	session_close(s);
	return status;
}
