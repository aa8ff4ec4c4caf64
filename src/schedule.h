/*
 * schedule.h -- the agenda against the clock: planned and actual times.
 *
 * The module plans each agenda item (day, start, minutes, in the module's
 * time zone); the journal records when the facilitator moved the agenda
 * (state->visits).  This module puts the two side by side for the agenda
 * screen: when each item really started and ended, by how much it ran
 * over, and how far the rest of the day is behind its plan.  Plain data,
 * no terminal, unit-tested (tests/test_schedule.c).
 *
 * An item's actual start is the first time the agenda moved to it; its
 * actual end the last time the agenda moved away from it; its actual time
 * the sum of every visit (going back to an item adds to it).  The current
 * item's visit runs until `now`.
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
	int64_t actual_end;	/* last left; 0: never left (or current) */
	int64_t actual_ms;	/* time spent on it, visits summed */
	int64_t overrun_ms;	/* actual_ms - planned, when visited; the
				   current item counts only once over */
	int visited, current;
};

struct schedule {
	struct schedule_item *items;	/* one per module item, same order */
	size_t nitems;
	int current;		/* index of the current item, -1 none */
	/* How far the items after the current one, on its day, are behind
	 * their plan: the current item's expected end (its planned length
	 * from its actual start, or now when it is already over) minus its
	 * planned end.  0 when on time or early, or no current item. */
	int64_t behind_ms;
};

/*
 * Fills *out for module m and state st at `now`.  `start` is the session's
 * day 1 ("YYYY-MM-DD"); when it is NULL or not a date, planned times are 0
 * and behind_ms is 0.  0, or -1 when the module's zone is unknown (planned
 * times are 0 then; the actual ones are still right).  Free with
 * schedule_free(); *out may be filled again after that.
 */
int schedule_build(struct schedule *out, const struct module *m,
    const struct state *st, const char *start, int64_t now);
void schedule_free(struct schedule *sch);

/* The date of a workshop day (1-based) as "YYYY-MM-DD" into buf (11 bytes);
 * -1 when start is not a date or the zone unknown. */
int schedule_day_date(const struct module *m, const char *start, int day,
    char *buf, size_t size);

#endif
