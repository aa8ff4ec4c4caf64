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
	enum message_kind kind = MESSAGE_FOR_ITEM;
	const char *room = NULL, *text = NULL;
	int until = 0, recall = 0, status = 0, r;
	const struct cli_option opts[] = {
		{ "room", &room, NULL },
		{ "until-recalled", NULL, &until },
		{ "recall", NULL, &recall },
		{ NULL, NULL, NULL }
	};
	struct session *s;
	char *err = NULL;

	if ((status = cli_parse_options("message", argc, argv, opts)) != 0)
		return status;
	if (until)
		kind = MESSAGE_UNTIL_DOWN;
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

	if ((status = cli_no_options("projector", argc, argv)) != 0)
		return status;
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
	const char *item = NULL, *at_arg = NULL;
	int is_case = 0, at = 0, status = 0, r;
	const struct cli_option opts[] = {
		{ "case", NULL, &is_case },
		{ "at", &at_arg, NULL },
		{ NULL, NULL, NULL }
	};
	struct session *s;
	char *err = NULL;
	long block = 0, offset = 0;

	if ((status = cli_parse_options("present", argc, argv, opts)) != 0)
		return status;
	if (at_arg != NULL) {
		if (parse_at(at_arg, &block, &offset) != 0) {
			cli_fail(EXIT_USAGE, _("bad value for %s: %s"), "--at",
			    at_arg);
			return cli_usage("present");
		}
		at = 1;
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
	const char *kind_name = NULL;
	const struct cli_option opts[] = {
		{ "kind", &kind_name, NULL },
		{ NULL, NULL, NULL }
	};
	enum session_kind kind = KIND_LECTURE;
	struct session *s;
	char *err = NULL, *id = NULL;
	int status = 0, r;

	if ((status = cli_parse_options("plan", argc, argv, opts)) != 0)
		return status;
	if (kind_name != NULL && session_kind_parse(kind_name, &kind) != 0) {
		cli_fail(EXIT_USAGE, _("bad value for %s: %s"), "--kind",
		    kind_name);
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
	const char *by = NULL;
	int json = 0, status = 0, r;
	const struct cli_option opts[] = {
		{ "json", NULL, &json },
		{ "by", &by, NULL },
		{ NULL, NULL, NULL }
	};
	enum status_format format;
	struct session *s;
	char *pid = NULL;

	if ((status = cli_parse_options("status", argc, argv, opts)) != 0)
		return status;
	format = json ? STATUS_JSON : STATUS_TEXT;
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
