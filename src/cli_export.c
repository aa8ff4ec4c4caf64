/* cli_export.c -- placeholder verbs, replaced by their owners. */
#include "cli.h"

#include "i18n.h"

int
cli_export(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_fail(EXIT_DATA, "%s", _("not implemented yet"));
}

