/* projector.c -- the projector view: not built yet (a stub). */
#include "projector.h"

#include "cli.h"
#include "i18n.h"

int
projector_main(struct session *s)
{
	(void)s;
	return cli_fail(EXIT_DATA, "%s", _("the projector is not built yet"));
}
