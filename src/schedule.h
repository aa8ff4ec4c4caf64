/*
 * schedule.h -- the agenda against the clock: planned and actual times of
 * every item and every day, and how far a day is behind its plan.
 *
 * The module plans each agenda item (day, start, minutes, in the module's
 * time zone); the journal records when the facilitator made an item
 * current or ended it (state->visits).  This module is the one place that
 * puts the two side by side: the console's agenda and status, the
 * projector and the exports (timings.csv, days.csv) all read it, so that
 * they can never disagree.  Plain data, no terminal, unit-tested
 * (tests/test_schedule.c).
 *
 * The rules (convene(1), "The flow of a workshop"):
 * - An item's visit starts when it is made current and lasts until the
 *   next item is made current or it is ended (`agenda end`), on the same
 *   workshop day.  Its actual start is its first visit's start, its actual
 *   end its last visit's end, its actual time every visit summed.
 * - A day never ended is ended when the agenda next moves on a later day
 *   (or, for the day before today, when `now` is on a later day): at its
 *   last planned item's planned end or its last activity (the last journal
 *   record of that day, or when the session timer set that day was due to
 *   reach zero, if it was left running), whichever is earlier, but never
 *   before the open item started.
 * - A day's "behind" at an instant t counts only when the item current at
 *   t was made current that same day and is planned for it: its expected
 *   end (the start of its visit plus what is left of its planned minutes,
 *   at least t) minus its planned end; for an item ended that day and
 *   nothing after it, its actual end minus its planned end.  Before a
 *   day's first item starts it is 0: the night is never carried over.
 */
#ifndef CONVENE_SCHEDULE_H
#define CONVENE_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>

struct module;
struct state;

struct schedule_item {
	int64_t planned_start, planned_end;	/* UTC ms; 0: unknown date */
	int64_t actual_start;	/* first visit; 0: never visited */
	int64_t actual_end;	/* last visit's end; 0: still current */
	int64_t actual_ms;	/* time spent on it, visits summed */
	int64_t overrun_ms;	/* actual_ms - planned, when visited */
	int visited, current;
};

struct schedule_day {
	int planned_min;	/* the minutes of the items planned that day */
	int64_t planned_end;	/* its last planned item's end; 0 unknown */
	int64_t actual_ms;	/* time on items that day */
	int64_t first_start;	/* the first item made current; 0 none */
	int64_t end;		/* when it ended; 0: under way or unvisited */
	int64_t behind_ms;	/* at its end, or at now while under way */
	int visited;		/* any agenda time that day */
	int current;		/* under way: an item of it is still current */
};

struct schedule {
	struct schedule_item *items;	/* one per module item, same order */
	size_t nitems;
	struct schedule_day *days;	/* index 1..ndays (0 unused) */
	int ndays;
	int current;		/* index of the item running now, -1 none */
	int64_t behind_ms;	/* today's, at now (schedule_behind_at) */
};

/*
 * Fills *out for module m and state st at `now` (taken as st->last_time
 * when that is later: a record is never in the future).  `start` is the
 * session's day 1 ("YYYY-MM-DD"); when it is NULL or not a date, planned
 * times are 0 and nobody is behind.  0, or -1 when the module's zone is
 * unknown (planned times are 0 then; the actual ones are still right).
 * Free with schedule_free(); *out may be filled again after that.
 */
int schedule_build(struct schedule *out, const struct module *m,
    const struct state *st, const char *start, int64_t now);
void schedule_free(struct schedule *sch);

/* How far behind its plan the day of instant `t` is at t (the rules
 * above), from a schedule built at t or later.  0 when on time or early. */
int64_t schedule_behind_at(const struct schedule *sch, const struct module *m,
    const struct state *st, int64_t t);

/* The date of a workshop day (1-based) as "YYYY-MM-DD" into buf (11 bytes);
 * -1 when start is not a date or the zone unknown. */
int schedule_day_date(const struct module *m, const char *start, int day,
    char *buf, size_t size);

#endif
