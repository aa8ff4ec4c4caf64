/*
 * cli_flow.c -- the facilitator's verbs for what the room sees as the
 * workshop flows: messages (for an item, until taken down, taken down),
 * what the projector's wall shows, presenting a page, and changes to the
 * plan.
 */
#include "cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "i18n.h"
#include "journal.h"
#include "session.h"
#include "status.h"
#include "util.h"

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
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
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
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_projector(s, argv[optind + 1], &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* --at BLOCK[:OFFSET]; -1 when it is not that. */
static int
parse_at(const char *s, long *block, long *offset)
{
	const char *colon = strchr(s, ':');
	char *b;
	int r;

	*offset = 0;
	if (colon == NULL)
		return str_to_long(s, 0, LONG_MAX, block);
	b = xstrndup(s, (size_t)(colon - s));
	r = str_to_long(b, 0, LONG_MAX, block) != 0 ||
	    str_to_long(colon + 1, -1, LONG_MAX, offset) != 0 ? -1 : 0;
	free(b);
	return r;
}

/* convene present SESSION [ITEM] [--case] [--at BLOCK[:OFFSET]] | off */
int
cli_present(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "case", no_argument, NULL, 'c' },
		{ "at", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	const char *item = NULL;
	struct session *s;
	char *err = NULL;
	long block = 0, offset = 0;
	int c, is_case = 0, at = 0, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'c')
			is_case = 1;
		else if (c == 'a' && parse_at(optarg, &block, &offset) == 0)
			at = 1;
		else
			return cli_bad_option("present", argc, argv);
	}
	if (optind != argc - 1 && optind != argc - 2)
		return cli_usage("present");
	if (optind == argc - 2)
		item = argv[optind + 1];
	if (item != NULL && strcmp(item, "off") == 0 && (is_case || at))
		return cli_usage("present");
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	if (item == NULL)
		item = s->state->agenda_id;
	if (item == NULL) {
		session_close(s);
		return cli_command_status(1, xstrdup(_("the agenda has not "
		    "started: name the item to present")));
	}
	r = cmd_present(s, strcmp(item, "off") == 0 ? NULL : item, is_case,
	    block, offset, &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* "HH:MM" as minutes after midnight, -1 when it is not. */
static int
hhmm(const char *s)
{
	long h, m;
	char hh[3], mm[3];

	if (strlen(s) != 5 || s[2] != ':')
		return -1;
	memcpy(hh, s, 2);
	memcpy(mm, s + 3, 2);
	hh[2] = mm[2] = '\0';
	if (str_to_long(hh, 0, 23, &h) != 0 || str_to_long(mm, 0, 59, &m) != 0)
		return -1;
	return (int)(h * 60 + m);
}

/* The numbers of a plan verb, or -1 and usage. */
static int
plan_number(const char *s, long lo, long hi)
{
	long n;

	return str_to_long(s, lo, hi, &n) == 0 ? (int)n : -1;
}

static int
plan_do(struct session *s, int argc, char **argv, int kind, char **id,
    char **err)
{
	const char *what = argv[optind + 1];
	int n = argc - optind, a, b;

	if (strcmp(what, "move") == 0 && n == 5 &&
	    (a = plan_number(argv[optind + 3], 1, 99)) > 0 &&
	    (b = hhmm(argv[optind + 4])) >= 0)
		return cmd_plan_move(s, argv[optind + 2], a, b, err);
	if (strcmp(what, "length") == 0 && n == 4 &&
	    (a = plan_number(argv[optind + 3], 1, 100000)) > 0)
		return cmd_plan_length(s, argv[optind + 2], a, err);
	if ((strcmp(what, "skip") == 0 || strcmp(what, "unskip") == 0) &&
	    n == 3)
		return cmd_plan_skip(s, argv[optind + 2], what[0] == 's', err);
	if (strcmp(what, "add") == 0 && n == 6 &&
	    (a = plan_number(argv[optind + 2], 1, 99)) > 0 &&
	    (b = hhmm(argv[optind + 3])) >= 0 &&
	    plan_number(argv[optind + 4], 1, 100000) > 0)
		return cmd_plan_add(s, a, b, plan_number(argv[optind + 4], 1,
		    100000), kind, argv[optind + 5], id, err);
	return -1;
}

/* convene plan SESSION move ID DAY HH:MM | length ID MINUTES | skip ID |
 * unskip ID | add [--kind K] DAY HH:MM MINUTES TITLE */
int
cli_plan(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 }
	};
	enum session_kind kind = KIND_LECTURE;
	struct session *s;
	char *err = NULL, *id = NULL;
	int c, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'k' && session_kind_parse(optarg, &kind) == 0)
			continue;
		if (c == 'k')
			cli_fail(EXIT_USAGE, _("bad value for %s: %s"), "--kind",
			    optarg);
		else
			return cli_bad_option("plan", argc, argv);
		return cli_usage("plan");
	}
	if (argc - optind < 3)
		return cli_usage("plan");
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = plan_do(s, argc, argv, (int)kind, &id, &err);
	session_close(s);
	if (r < 0)
		return cli_usage("plan");
	if (r == 0 && id != NULL) {
		printf("%s\n", id);
		free(id);
	}
	return cli_command_status(r, err);
}

/* convene status SESSION [--json] [--by PID] */
int
cli_status(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	enum status_format format = STATUS_TEXT;
	const char *by = NULL;
	struct session *s;
	char *pid = NULL;
	int c, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'j')
			format = STATUS_JSON;
		else if (c == 'b')
			by = optarg;
		else
			return cli_bad_option("status", argc, argv);
	}
	if (optind != argc - 1)
		return cli_usage("status");
	s = by == NULL ? cli_open_facilitator(argv[optind], &status) :
	    cli_open_participant(argv[optind], by, &pid, &status);
	if (s == NULL)
		return status;
	r = status_write(s, pid, journal_now_ms(), format, stdout);
	free(pid);
	if (r != 0 || fflush(stdout) != 0) {
		session_close(s);
		return cli_fail(EXIT_DATA, "%s", _("cannot write the status"));
	}
	/* Scripts poll status: after a long replay, leave a checkpoint so
	 * that the next call starts from it (a cache: no error of ours). */
	if (session_checkpoint_due(s))
		session_checkpoint_write(s, NULL);
	session_close(s);
	return 0;
}
