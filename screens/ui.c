/* ui.c -- the screens as the command line reaches them (struct cli_ui). */
#include "cli.h"

static int
ui_run(struct session *s, const char *room)
{
	(void)s;
	(void)room;
	return cli_fail(EXIT_DATA, "the console is not built yet");
}

static int
ui_join(struct session *s, const char *as, int kiosk)
{
	(void)s;
	(void)as;
	(void)kiosk;
	return cli_fail(EXIT_DATA, "the participant screen is not built yet");
}

static int
ui_show(struct session *s)
{
	(void)s;
	return cli_fail(EXIT_DATA, "the projector is not built yet");
}

const struct cli_ui screens_ui = { ui_run, ui_join, ui_show };
