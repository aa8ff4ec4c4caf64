/* main.c -- the convene binary: the core's command line with the screens. */
#include <stdio.h>

#include "cli.h"
#include "i18n.h"
#include "privilege.h"
#include "sessdir.h"

/* The Makefile's SESSIONSDIR. */
#ifndef SESSIONSDIR
#define SESSIONSDIR SESSDIR_DEFAULT_ROOT
#endif

int
main(int argc, char **argv)
{
	/* Installed setgid `convene`: give the group up before anything
	 * else; it comes back only around a session's files. */
	if (privilege_init() != 0) {
		fprintf(stderr, "convene: %s\n",
		    _("cannot drop the convene group's privileges"));
		return 3;
	}
	/* The group serves the sessions under this directory only. */
	sessdir_set_root(SESSIONSDIR);
	return cli_main(argc, argv, &screens_ui);
}
