/*
 * cli_questions.c -- questions to the speaker and quick polls from the
 * command line: ask, upvote, poll open | answer | close | reveal.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "i18n.h"
#include "session.h"

/* "SESSION --by PID ARG": opens the session and passes the gate. */
static int
by_verb(const char *verb, int argc, char **argv, struct session **s,
    char **pid, const char **arg)
{
	int status = cli_open_by(verb, argc, argv, 2, 2, s, pid);

	if (status == 0)
		*arg = argv[optind + 1];
	return status;
}

int
cli_ask(int argc, char **argv)
{
	struct session *s = NULL;
	const char *text;
	char *pid = NULL, *id = NULL, *err = NULL;
	int r;

	if ((r = by_verb("ask", argc, argv, &s, &pid, &text)) != 0)
		return r;
	r = cmd_ask(s, pid, text, &id, &err);
	free(pid);
	session_close(s);
	if (r == 0) {
		printf("%s\n", id);
		free(id);
	}
	return cli_command_status(r, err);
}

int
cli_upvote(int argc, char **argv)
{
	struct session *s = NULL;
	const char *question;
	char *pid = NULL, *err = NULL;
	int r;

	if ((r = by_verb("upvote", argc, argv, &s, &pid, &question)) != 0)
		return r;
	r = cmd_upvote(s, pid, question, &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

/* --- poll ---------------------------------------------------------------- */

struct poll_args {
	const char *by;
	int multi, scale;
	int first;		/* argv index of the first positional */
	int npos;		/* positionals: SESSION WHAT ... */
};

static int
poll_parse(int argc, char **argv, struct poll_args *a)
{
	const struct cli_option opts[] = {
		{ "by", &a->by, NULL },
		{ "multi", NULL, &a->multi },
		{ "scale", NULL, &a->scale },
		{ NULL, NULL, NULL }
	};
	int status;

	memset(a, 0, sizeof *a);
	if ((status = cli_parse_options("poll", argc, argv, opts)) != 0)
		return status;
	a->first = optind;
	a->npos = argc - optind;
	if (a->npos < 2 || (a->multi && a->scale))
		return cli_usage("poll");
	return 0;
}

static int
poll_open(struct session *s, const struct poll_args *a, char **argv)
{
	int kind = a->scale ? POLL_SCALE : a->multi ? POLL_MULTI : POLL_SINGLE;
	const char *const *options = (const char *const *)(argv + a->first + 3);
	char *id = NULL, *err = NULL;
	int r;

	r = cmd_poll_open(s, kind, argv[a->first + 2], options, a->npos - 3,
	    &id, &err);
	if (r == 0) {
		printf("%s\n", id);
		free(id);
	}
	return cli_command_status(r, err);
}

static int
poll_answer(struct session *s, const struct poll_args *a, char **argv)
{
	int choices[16], i, n = a->npos - 3, r;
	char *pid = NULL, *err = NULL;
	long v;

	if (n < 1 || n > (int)NELEM(choices))
		return cli_usage("poll");
	for (i = 0; i < n; i++) {
		if (str_to_long(argv[a->first + 3 + i], 1, 99, &v) != 0) {
			cli_fail(EXIT_USAGE, _("'%s' is not an option number"),
			    argv[a->first + 3 + i]);
			return cli_usage("poll");
		}
		choices[i] = (int)v;
	}
	if ((r = cli_gate_participant(s, a->by, &pid)) != 0)
		return r;
	r = cmd_poll_answer(s, pid, argv[a->first + 2], choices, n, &err);
	free(pid);
	return cli_command_status(r, err);
}

/* Which shape the arguments must have for each subcommand. */
static int
poll_shape_ok(const struct poll_args *a, const char *what)
{
	if (strcmp(what, "open") == 0)
		return a->by == NULL && a->npos >= 3;
	if (strcmp(what, "answer") == 0)
		return a->by != NULL && !a->multi && !a->scale && a->npos >= 4;
	if (strcmp(what, "close") == 0 || strcmp(what, "reveal") == 0)
		return a->by == NULL && !a->multi && !a->scale && a->npos == 3;
	return 0;
}

int
cli_poll(int argc, char **argv)
{
	struct poll_args a;
	struct session *s;
	const char *what;
	char *err = NULL;
	int r, status = 0;

	if ((r = poll_parse(argc, argv, &a)) != 0)
		return r;
	what = argv[a.first + 1];
	if (!poll_shape_ok(&a, what))
		return cli_usage("poll");
	if ((s = cli_open_session(argv[a.first], &status)) == NULL)
		return status;
	if (strcmp(what, "answer") == 0)
		r = poll_answer(s, &a, argv);
	else if ((r = cli_facilitator_gate(s)) != 0)
		;
	else if (strcmp(what, "open") == 0)
		r = poll_open(s, &a, argv);
	else if (strcmp(what, "close") == 0) {
		/* Two statements: err must be read after the command set it
		 * (argument evaluation order is unspecified). */
		r = cmd_poll_close(s, argv[a.first + 2], &err);
		r = cli_command_status(r, err);
	} else {
		r = cmd_poll_reveal(s, argv[a.first + 2], &err);
		r = cli_command_status(r, err);
	}
	session_close(s);
	return r;
}
