/* cli_questions.c -- placeholder verbs, replaced by their owners. */
#include "cli.h"

#include "i18n.h"

int
cli_ask(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_upvote(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_poll(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

