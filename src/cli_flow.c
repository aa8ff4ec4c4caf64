/*
 * cli_flow.c -- the facilitator's verbs for what the room sees as the
 * workshop flows: messages (for an item, until taken down, taken down) and
 * what the projector's wall shows.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "session.h"

/* The facilitator's gate on an opened session; NULL with *status. */
static struct session *
open_as_facilitator(const char *dir, int *status)
{
	struct session *s = cli_open_session(dir, status);

	if (s != NULL && (*status = cli_facilitator_gate(s)) != 0) {
		session_close(s);
		return NULL;
	}
	return s;
}

/* convene message SESSION [--room R] [--until-recalled] TEXT
 * convene message SESSION [--room R] --recall */
int
cli_message(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ "until-recalled", no_argument, NULL, 'u' },
		{ "recall", no_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 }
	};
	enum message_kind kind = MESSAGE_FOR_ITEM;
	const char *room = NULL, *text = NULL;
	struct session *s;
	char *err = NULL;
	int c, recall = 0, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'r')
			room = optarg;
		else if (c == 'u')
			kind = MESSAGE_UNTIL_DOWN;
		else if (c == 'R')
			recall = 1;
		else
			return cli_bad_option("message", argc, argv);
	}
	if (recall && kind == MESSAGE_UNTIL_DOWN)
		return cli_usage("message");
	if (recall ? optind != argc - 1 : optind != argc - 2)
		return cli_usage("message");
	if (recall)
		kind = MESSAGE_DOWN;
	else
		text = argv[optind + 1];
	if ((s = open_as_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_message(s, room, text, kind, &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* convene projector SESSION all | thread */
int
cli_projector(int argc, char **argv)
{
	struct session *s;
	char *err = NULL;
	int status = 0, r;

	optind = 0;
	opterr = 0;
	if (getopt_long(argc, argv, ":", (const struct option[]){ { NULL, 0,
	    NULL, 0 } }, NULL) != -1)
		return cli_bad_option("projector", argc, argv);
	if (optind != argc - 2 || (strcmp(argv[optind + 1], "all") != 0 &&
	    strcmp(argv[optind + 1], "thread") != 0))
		return cli_usage("projector");
	if ((s = open_as_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_projector(s, argv[optind + 1], &err);
	session_close(s);
	return cli_command_status(r, err);
}
