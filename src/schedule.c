/* schedule.c -- planned against actual agenda times (see schedule.h). */
#include "schedule.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#define MINUTE_MS 60000

static int
day_fields(const struct module *m, const char *start, int day, int *y,
    int *mo, int *d)
{
	int sy, sm, sd;

	if (start == NULL || m->timezone == NULL ||
	    tz_parse_date(start, &sy, &sm, &sd) != 0)
		return -1;
	return tz_add_days(m->timezone, sy, sm, sd, day - 1, y, mo, d);
}

int
schedule_day_date(const struct module *m, const char *start, int day,
    char *buf, size_t size)
{
	int y, mo, d;

	if (day_fields(m, start, day, &y, &mo, &d) != 0)
		return -1;
	snprintf(buf, size, "%04d-%02d-%02d", y, mo, d);
	return 0;
}

static int
plan(struct schedule *out, const struct module *m, const char *start)
{
	size_t i;
	int y, mo, d, failed = 0;

	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];
		struct schedule_item *si = &out->items[i];

		if (day_fields(m, start, it->day, &y, &mo, &d) != 0 ||
		    tz_from_local(m->timezone, y, mo, d, it->start_min,
		    &si->planned_start) != 0) {
			si->planned_start = 0;
			failed = start != NULL;
			continue;
		}
		si->planned_end = si->planned_start +
		    (int64_t)it->minutes * MINUTE_MS;
	}
	return failed ? -1 : 0;
}

/* Sizes the days: the module's, every planned item's, every visit's and
 * today's, as far as STATE_DAYS_MAX. */
static void
size_days(struct schedule *out, const struct module *m,
    const struct state *st, int64_t now)
{
	int n = m->days, d;
	size_t i;

	for (i = 0; i < m->nitems; i++)
		if (m->items[i].day > n)
			n = m->items[i].day;
	for (i = 0; i < st->nvisits; i++)
		if ((d = state_day_of(st, st->visits[i].at)) > n)
			n = d;
	if ((d = state_day_of(st, now)) > n)
		n = d;
	if (n > STATE_DAYS_MAX)
		n = STATE_DAYS_MAX;
	out->ndays = n > 0 ? n : 0;
	out->days = xcalloc((size_t)out->ndays + 1, sizeof *out->days);
	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];
		struct schedule_day *day;

		if (it->day < 1 || it->day > out->ndays || it->skipped)
			continue;
		day = &out->days[it->day];
		day->planned_min += it->minutes;
		if (out->items[i].planned_start != 0 &&
		    out->items[i].planned_end > day->planned_end)
			day->planned_end = out->items[i].planned_end;
	}
}

/* A day left open ends at its last planned end or its last activity,
 * whichever is earlier, but not before `from` (its open item's start).
 * A session timer left running counts as activity until it was due to
 * reach zero: the room followed it. */
static int64_t
day_close(const struct schedule *sch, const struct state *st, int d,
    int64_t from)
{
	int64_t end = state_day_last_activity(st, d);
	int64_t timer = state_day_timer_end(st, d);

	if (timer > end)
		end = timer;
	int64_t plan = d >= 1 && d <= sch->ndays ? sch->days[d].planned_end : 0;

	if (plan != 0 && (end == 0 || plan < end))
		end = plan;
	return end > from ? end : from;
}

/* Where visit v ends when seen at `now`; *open is 1 when it still runs. */
static int64_t
visit_end(const struct schedule *sch, const struct state *st, size_t v,
    size_t nvisits, int64_t now, int *open)
{
	int64_t from = st->visits[v].at;
	int d = state_day_of(st, from);

	*open = 0;
	if (v + 1 < nvisits) {
		int64_t next = st->visits[v + 1].at;

		if (state_day_of(st, next) > d)
			return day_close(sch, st, d, from);
		return next > from ? next : from;
	}
	if (state_day_of(st, now) > d)
		return day_close(sch, st, d, from);
	*open = 1;
	return now > from ? now : from;
}

static void
add_segment(struct schedule *out, int i, int d, int64_t from, int64_t to,
    int open)
{
	struct schedule_item *si = &out->items[i];

	if (!si->visited)
		si->actual_start = from;
	si->visited = 1;
	si->actual_ms += to - from;
	si->actual_end = open ? 0 : to;
	if (d < 1 || d > out->ndays)
		return;
	out->days[d].visited = 1;
	out->days[d].actual_ms += to - from;
	if (out->days[d].first_start == 0)
		out->days[d].first_start = from;
	out->days[d].current = open;
	out->days[d].end = open ? 0 : to;
}

/* Walks the visits: each lasts until the next one (or its day's end). */
static void
actuals(struct schedule *out, const struct module *m, const struct state *st,
    int64_t now)
{
	size_t v;
	int i, open;

	for (v = 0; v < st->nvisits; v++) {
		int64_t from = st->visits[v].at;
		int64_t to = visit_end(out, st, v, st->nvisits, now, &open);
		int d = state_day_of(st, from);

		i = module_item_index(m, st->visits[v].agenda_id);
		if (i < 0) {
			/* "" ends what ran before; it is not a visit. */
			continue;
		}
		add_segment(out, i, d, from, to, open);
		if (open)
			out->current = i;
	}
}

/* Time spent on item i in the visits before visit v, seen at t. */
static int64_t
spent_before(const struct schedule *sch, const struct state *st, size_t v,
    const char *item, int64_t t)
{
	int64_t ms = 0;
	size_t u;
	int open;

	for (u = 0; u < v; u++)
		if (strcmp(st->visits[u].agenda_id, item) == 0)
			ms += visit_end(sch, st, u, v + 1, t, &open) -
			    st->visits[u].at;
	return ms;
}

int64_t
schedule_behind_at(const struct schedule *sch, const struct module *m,
    const struct state *st, int64_t t)
{
	size_t v = st->nvisits, last;
	int d, i, ended = 0;
	int64_t end, left;

	while (v > 0 && st->visits[v - 1].at > t)
		v--;
	if (v == 0)
		return 0;
	last = v - 1;
	d = state_day_of(st, st->visits[last].at);
	if (state_day_of(st, t) != d)
		return 0;	/* the day of t has not started */
	if (*st->visits[last].agenda_id == '\0') {
		/* Ended: what ended, if it ran that day. */
		if (last == 0 || state_day_of(st, st->visits[last - 1].at) != d)
			return 0;
		ended = 1;
		last--;
	}
	i = module_item_index(m, st->visits[last].agenda_id);
	if (i < 0 || m->items[i].day != d ||
	    sch->items[i].planned_start == 0)
		return 0;
	if (ended)
		end = st->visits[last + 1].at;
	else {
		left = (int64_t)m->items[i].minutes * MINUTE_MS -
		    spent_before(sch, st, last, st->visits[last].agenda_id, t);
		end = st->visits[last].at + (left > 0 ? left : 0);
		if (end < t)
			end = t;
	}
	return end > sch->items[i].planned_end ?
	    end - sch->items[i].planned_end : 0;
}

int
schedule_build(struct schedule *out, const struct module *m,
    const struct state *st, const char *start, int64_t now)
{
	size_t i;
	int r, d;

	if (now < st->last_time)
		now = st->last_time;
	memset(out, 0, sizeof *out);
	out->nitems = m->nitems;
	out->items = xcalloc(m->nitems + 1, sizeof *out->items);
	out->current = -1;
	r = plan(out, m, start);
	size_days(out, m, st, now);
	actuals(out, m, st, now);
	for (i = 0; i < m->nitems; i++) {
		struct schedule_item *si = &out->items[i];

		if (si->visited)
			si->overrun_ms = si->actual_ms -
			    (int64_t)m->items[i].minutes * MINUTE_MS;
	}
	if (out->current >= 0)
		out->items[out->current].current = 1;
	for (d = 1; d <= out->ndays; d++)
		if (out->days[d].visited)
			out->days[d].behind_ms = schedule_behind_at(out, m, st,
			    out->days[d].current ? now : out->days[d].end);
	out->behind_ms = schedule_behind_at(out, m, st, now);
	return r;
}

void
schedule_free(struct schedule *sch)
{
	free(sch->items);
	free(sch->days);
	memset(sch, 0, sizeof *sch);
}
