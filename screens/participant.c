/* participant.c -- the participant terminal: not built yet (a stub). */
#include "participant.h"

#include "cli.h"
#include "i18n.h"

int
participant_main(struct session *s, const char *as, int kiosk)
{
	(void)s;
	(void)as;
	(void)kiosk;
	return cli_fail(EXIT_DATA, "%s", _("the participant screen is not "
	    "built yet"));
}

const char *
participant_id(const struct app *a)
{
	(void)a;
	return NULL;
}

int
participant_is_kiosk(const struct app *a)
{
	(void)a;
	return 0;
}
