/* app_announce.c -- plain mode (--plain) says what changed in the message
 * line, one plain sentence, so that a screen reader hears it without
 * reading the screen again: a new idea, and the timer's milestones (five
 * minutes left, one minute left, time is up).  Messages from the
 * facilitator are said there already (participant.c). */
#include "app_int.h"

#include <libintl.h>

#include "draw.h"
#include "i18n.h"
#include "session.h"
#include "state.h"

/* The timer the status line shows (app_draw.c's choice). */
static const struct timer *
shown_timer(const struct app *a)
{
	const struct timer *t = state_timer_live(a->s->state, a->room, a->now);

	if (t == NULL && a->room >= 0 && a->cfg->clock_falls_back)
		t = state_timer_live(a->s->state, -1, a->now);
	return t;
}

/* 0 nothing yet, 1 five minutes left, 2 one minute left, 3 time is up. */
static int
milestone(const struct app *a)
{
	const struct timer *t = shown_timer(a);
	int64_t rem;

	if (t == NULL || t->state != TIMER_RUNNING)
		return 0;
	rem = timer_remaining_ms(t, a->now);
	return rem <= 0 ? 3 : rem <= 60000 ? 2 : rem <= 5 * 60000 ? 1 : 0;
}

void
app_announce_tick(struct app *a)
{
	static const char *const said[] = { NULL, N_("5 minutes left"),
	    N_("1 minute left"), N_("time is up") };
	int m = milestone(a);

	/* Said once as it is crossed; a timer started again or extended
	 * goes back, and is said again when it comes round. */
	if (draw_plain() && m > a->said_milestone)
		app_message(a, "%s", _(said[m]));
	a->said_milestone = m;
}

void
app_announce_changes(struct app *a)
{
	const struct state *st = a->s->state;
	size_t i, n = 0;
	int last = -1;

	for (i = a->seen_ideas; i < st->nideas; i++)
		if (!st->ideas[i].hidden && (a->room < 0 ||
		    st->ideas[i].room == a->room)) {
			n++;
			last = (int)i;
		}
	a->seen_ideas = st->nideas;
	if (!draw_plain() || n == 0)
		return;
	if (n == 1)
		app_message(a, _("New idea: %s"), state_idea_text(st, last));
	else
		app_message(a, ngettext("%zu new idea, the last: %s",
		    "%zu new ideas, the last: %s", n), n,
		    state_idea_text(st, last));
}
