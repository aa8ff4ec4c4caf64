/*
 * cli_board.c -- the facilitator's actions on the board and on questions
 * from the command line, with the same rules and records as the console's
 * keys: convene board SESSION promote|demote|hide|show ID, merge ID INTO,
 * unmerge ID; convene question SESSION pin|unpin|answer|unanswer|hide|show
 * ID; convene rollcall SESSION present|absent PID.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "i18n.h"
#include "session.h"
#include "util.h"

/* Opens argv[optind] and passes the facilitator's gate. */
static int
open_gated(char **argv, struct session **s)
{
	int status = 0;

	*s = cli_open_facilitator(argv[optind], &status);
	return status;
}

/* The action named by argv[optind + 1] in a table of names, or -1. */
static int
find_action(int argc, char **argv, const char *const *names, size_t n)
{
	size_t k;

	for (k = 0; argc - optind >= 3 && k < n; k++)
		if (strcmp(argv[optind + 1], names[k]) == 0)
			return (int)k;
	return -1;
}

int
cli_board(int argc, char **argv)
{
	static const char *const names[] = { "promote", "demote", "hide",
	    "show", "merge", "unmerge", "edit", "add" };
	struct session *s = NULL;
	const char *id;
	char *err = NULL, *new_id = NULL;
	int k, r;

	if ((r = cli_no_options("board", argc, argv)) != 0)
		return r;
	k = find_action(argc, argv, names, NELEM(names));
	if (k < 0 || argc - optind != (k == 4 || k == 6 ? 4 : 3))
		return cli_usage("board");
	if ((r = open_gated(argv, &s)) != 0)
		return r;
	id = argv[optind + 2];
	if (k <= 1)
		r = cmd_idea_promote(s, id, k == 0, &err);
	else if (k <= 3)
		r = cmd_idea_hide(s, id, k == 2, &err);
	else if (k <= 5)
		r = cmd_idea_merge(s, id, k == 4 ? argv[optind + 3] : NULL,
		    &err);
	else if (k == 6)	/* the facilitator edits any idea */
		r = cmd_idea_edit(s, ACTOR_FACILITATOR, id, argv[optind + 3],
		    &err);
	else			/* an idea of the facilitator's, plenary */
		r = cmd_idea(s, ACTOR_FACILITATOR, NULL, id, &new_id, &err);
	session_close(s);
	if (r == 0 && new_id != NULL)
		printf("%s\n", new_id);
	free(new_id);
	return cli_command_status(r, err);
}

int
cli_question(int argc, char **argv)
{
	static const char *const names[] = { "pin", "unpin", "answer",
	    "unanswer", "hide", "show" };
	static const char *const marks[] = { "pinned", "answered", "hidden" };
	struct session *s = NULL;
	char *err = NULL;
	int k, r;

	if ((r = cli_no_options("question", argc, argv)) != 0)
		return r;
	k = find_action(argc, argv, names, NELEM(names));
	if (k < 0 || argc - optind != 3)
		return cli_usage("question");
	if ((r = open_gated(argv, &s)) != 0)
		return r;
	r = cmd_question_mark(s, argv[optind + 2], marks[k / 2], k % 2 == 0,
	    &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* convene rollcall SESSION present|absent PID: the roll call's word. */
int
cli_rollcall(int argc, char **argv)
{
	static const char *const names[] = { "present", "absent" };
	struct session *s = NULL;
	char *err = NULL;
	int k, r;

	if ((r = cli_no_options("rollcall", argc, argv)) != 0)
		return r;
	k = find_action(argc, argv, names, NELEM(names));
	if (k < 0 || argc - optind != 3)
		return cli_usage("rollcall");
	if ((r = open_gated(argv, &s)) != 0)
		return r;
	r = cmd_rollcall(s, argv[optind + 2], k == 0, &err);
	session_close(s);
	return cli_command_status(r, err);
}


/* The participant's own ideas, as their Board does: convene mine SESSION
 * --by PID edit IDEA TEXT | withdraw IDEA | restore IDEA. */
int
cli_mine(int argc, char **argv)
{
	struct session *s = NULL;
	const char *what;
	char *pid = NULL, *err = NULL;
	int r, n;

	if ((r = cli_open_by("mine", argc, argv, 3, 4, &s, &pid)) != 0)
		return r;
	what = argv[optind + 1];
	n = argc - optind;
	if (strcmp(what, "edit") == 0 && n == 4)
		r = cmd_idea_edit(s, pid, argv[optind + 2], argv[optind + 3],
		    &err);
	else if ((strcmp(what, "withdraw") == 0 ||
	    strcmp(what, "restore") == 0) && n == 3)
		r = cmd_idea_withdraw(s, pid, argv[optind + 2], what[0] == 'w',
		    &err);
	else
		r = -1;
	free(pid);
	session_close(s);
	return r < 0 ? cli_usage("mine") : cli_command_status(r, err);
}

/* convene eval SESSION --by PID QUESTION ANSWER: a 1-5 scale takes a
 * number, a free-text question the text. */
int
cli_eval(int argc, char **argv)
{
	struct session *s = NULL;
	const struct eval_question *q = NULL;
	char *pid = NULL, *err = NULL;
	long value = 0;
	size_t i;
	int r;

	if ((r = cli_open_by("eval", argc, argv, 3, 3, &s, &pid)) != 0)
		return r;
	for (i = 0; argc - optind == 3 && i < s->module->nevals; i++)
		if (strcmp(s->module->evals[i].id, argv[optind + 1]) == 0)
			q = &s->module->evals[i];
	r = argc - optind != 3 ? cli_usage("eval") : q == NULL ?
	    cli_fail(EXIT_REFUSED, _("no evaluation question '%s' in this "
	    "module"), argv[optind + 1]) : q->scale &&
	    str_to_long(argv[optind + 2], 1, 5, &value) != 0 ?
	    cli_fail(EXIT_REFUSED, "%s", _("this question takes 1 to 5")) : 0;
	if (r != 0) {
		free(pid);
		session_close(s);
		return r;
	}
	r = cmd_eval(s, pid, q->id, value, q->scale ? NULL : argv[optind + 2],
	    &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}
