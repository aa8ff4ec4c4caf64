/* ui.c -- the screens as the command line reaches them (struct cli_ui). */
#include "cli.h"

#include "console.h"
#include "participant.h"
#include "projector.h"

static int
ui_run(struct session *s, const char *room, const struct cli_term *term)
{
	return console_run(s, room, term);
}

static int
ui_join(struct session *s, const char *as, int kiosk,
    const struct cli_term *term)
{
	return participant_main(s, as, kiosk, term);
}

static int
ui_show(struct session *s, const struct cli_term *term)
{
	return projector_main(s, term);
}

static int
ui_demo(struct session *s)
{
	return console_demo(s);
}

const struct cli_ui screens_ui = { ui_run, ui_join, ui_show, ui_demo };
