/* ui.c -- the screens as the command line reaches them (struct cli_ui). */
#include "cli.h"

#include "console.h"
#include "participant.h"
#include "projector.h"

static int
ui_run(struct session *s, const char *room)
{
	return console_run(s, room);
}

static int
ui_join(struct session *s, const char *as, int kiosk)
{
	return participant_main(s, as, kiosk);
}

static int
ui_show(struct session *s)
{
	return projector_main(s);
}

static int
ui_demo(struct session *s)
{
	return console_demo(s);
}

const struct cli_ui screens_ui = { ui_run, ui_join, ui_show, ui_demo };
