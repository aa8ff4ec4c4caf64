/* console_questions.c -- not built yet (a stub that keeps the lists linking). */
#include "questions.h"

#include "i18n.h"

static void
draw(void *self, struct app *a, WINDOW *w)
{
	(void)self;
	(void)a;
	mvwaddstr(w, 0, 0, _("Not built yet."));
}

const struct screen_ops console_questions = {
	.name = N_("Questions"),
	.draw = draw,
};
