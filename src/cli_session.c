/* cli_session.c -- placeholder verbs, replaced by their owners. */
#include "cli.h"

#include "i18n.h"

int
cli_new(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_import(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_participant(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_idea(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_vote(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_unvote(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_timer(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_rooms(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_voting(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_agenda(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_checkin(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

