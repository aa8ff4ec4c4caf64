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

/* Walks the visits: each lasts until the next one (or now). */
static void
actuals(struct schedule *out, const struct module *m, const struct state *st,
    int64_t now)
{
	size_t v;
	int i;

	for (v = 0; v < st->nvisits; v++) {
		int64_t from = st->visits[v].at;
		int64_t to = v + 1 < st->nvisits ? st->visits[v + 1].at : now;

		i = module_item_index(m, st->visits[v].agenda_id);
		if (i < 0)
			continue;
		if (!out->items[i].visited) {
			out->items[i].visited = 1;
			out->items[i].actual_start = from;
		}
		if (to > from)
			out->items[i].actual_ms += to - from;
		out->items[i].actual_end = v + 1 < st->nvisits ? to : 0;
	}
}

int
schedule_build(struct schedule *out, const struct module *m,
    const struct state *st, const char *start, int64_t now)
{
	struct schedule_item *cur;
	size_t i;
	int r;

	memset(out, 0, sizeof *out);
	out->nitems = m->nitems;
	out->items = xcalloc(m->nitems, sizeof *out->items);
	out->current = module_item_index(m, st->agenda_id);
	r = plan(out, m, start);
	actuals(out, m, st, now);
	for (i = 0; i < m->nitems; i++) {
		struct schedule_item *si = &out->items[i];

		if (si->visited)
			si->overrun_ms = si->actual_ms -
			    (int64_t)m->items[i].minutes * MINUTE_MS;
	}
	if (out->current < 0)
		return r;
	cur = &out->items[out->current];
	cur->current = 1;
	cur->actual_end = 0;
	if (cur->planned_start != 0) {
		/* The visit now running started at the last agenda move. */
		int64_t since = st->visits[st->nvisits - 1].at;
		int64_t left = (int64_t)m->items[out->current].minutes *
		    MINUTE_MS - (cur->actual_ms - (now - since));
		int64_t expected_end = since + (left > 0 ? left : 0);

		if (expected_end < now)
			expected_end = now;
		if (expected_end > cur->planned_end)
			out->behind_ms = expected_end - cur->planned_end;
	}
	return r;
}

void
schedule_free(struct schedule *sch)
{
	free(sch->items);
	sch->items = NULL;
	sch->nitems = 0;
}
