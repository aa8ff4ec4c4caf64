/* cli_screens.c -- placeholder verbs, replaced by their owners. */
#include "cli.h"

#include "i18n.h"

int
cli_demo(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_join(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

int
cli_show(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

