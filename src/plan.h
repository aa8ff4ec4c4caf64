/*
 * plan.h -- the agenda as the workshop changed it.
 *
 * The module copy in the session is frozen: a session runs what it was made
 * with.  When a speaker cancels or two items swap, the facilitator changes
 * the plan with `plan` records (convene plan, the console's Agenda): an
 * item moved to another day or time, lengthened or shortened, skipped, or
 * one added.  plan_apply() lays those records over the frozen items, in
 * the journal's order, and makes the session's module show the changed
 * plan (sorted by day and start again), so that everything that reads the
 * agenda follows it: the schedule and its "behind", the console, the
 * participant's Agenda screen, next and prev, timings.csv.
 *
 * Items are marked as changed (moved, lengthened, skipped, added) for the
 * screens and timings.csv.  A skipped item stays in the list, marked, and
 * is passed over by next and prev and by the day's planned minutes.
 */
#ifndef CONVENE_PLAN_H
#define CONVENE_PLAN_H

#include <stddef.h>

struct module;
struct state;

/* Makes m's items the plan as st's `plan` records change it (the first
 * call keeps the module's own items as m->frozen).  Cheap when nothing
 * changed since the last call on the same state: the caller may call it
 * after every refresh.  Pointers to m's items are invalid after a call
 * that changed something. */
void plan_apply(struct module *m, const struct state *st);

/* The item `n` and `p` go to from where the agenda is: the next (dir > 0)
 * or previous (dir < 0) item not skipped; from before the first, the
 * first; after `agenda end`, p takes up the item ended.  -1 at either
 * end. */
int plan_step(const struct module *m, const struct state *st, int dir);

/* The agenda as a list for the screens: each day's heading (item -1, day
 * set) and then its items (day 0, item the index in m->items).  `rows`
 * holds at least m->nitems * 2 entries; returns how many were filled. */
struct plan_row {
	int day;
	int item;
};
size_t plan_rows(const struct module *m, struct plan_row *rows);
/* The row of item `item` among the n rows, 0 (the top) when it is not
 * there. */
size_t plan_row_of_item(const struct plan_row *rows, size_t n, int item);

/* A number that changes whenever plan_apply changes m's items: a screen
 * that keeps item indexes builds its rows again when it differs. */
size_t plan_version(const struct module *m);

/* The planned minutes of day `day`, without skipped items. */
int plan_day_minutes(const struct module *m, int day);

#endif
