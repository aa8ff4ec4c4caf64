/* plan.c -- the frozen module's agenda with the workshop's changes
 * (see plan.h). */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "state.h"
#include "util.h"

static struct agenda_item *
find(struct agenda_item *items, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(items[i].id, id) == 0)
			return &items[i];
	return NULL;
}

/* An added item: its strings are the state's (they live as long). */
static void
add_item(struct agenda_item *it, const struct plan_change *c)
{
	memset(it, 0, sizeof *it);
	it->id = (char *)(uintptr_t)c->item;
	it->title = (char *)(uintptr_t)c->title;
	it->day = c->day;
	it->start_min = c->start_min;
	it->minutes = c->minutes;
	it->kind = (enum session_kind)c->kind;
	it->stage = STAGE_NONE;
	it->added = 1;
}

static void
change(struct agenda_item *it, const struct plan_change *c)
{
	switch (c->action) {
	case PLAN_MOVE:
		it->day = c->day;
		it->start_min = c->start_min;
		it->moved = 1;
		break;
	case PLAN_LENGTH:
		it->minutes = c->minutes;
		it->lengthened = 1;
		break;
	case PLAN_SKIP:
		it->skipped = c->on != 0;
		break;
	case PLAN_ADD:
		break;
	}
}

/* By day, then start; the module's order among equals (insertion sort:
 * stable, and an agenda is a few dozen items). */
static void
sort_items(struct agenda_item *v, size_t n)
{
	size_t i, j;
	struct agenda_item t;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && (v[j - 1].day > t.day ||
		    (v[j - 1].day == t.day && v[j - 1].start_min >
		    t.start_min)); j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

void
plan_apply(struct module *m, const struct state *st)
{
	struct agenda_item *v, *it;
	size_t n, i;

	if (m->frozen != NULL && m->plan_applied == st->nplan)
		return;		/* nothing new */
	if (m->frozen == NULL) {
		if (st->nplan == 0)
			return;	/* the module as it is */
		m->frozen = m->items;
		m->nfrozen = m->nitems;
		m->items = NULL;
	}
	v = xcalloc(m->nfrozen + st->nplan + 1, sizeof *v);
	memcpy(v, m->frozen, m->nfrozen * sizeof *v);
	n = m->nfrozen;
	for (i = 0; i < st->nplan; i++) {
		const struct plan_change *c = &st->plan[i];

		if (c->action == PLAN_ADD) {
			if (find(v, n, c->item) == NULL)
				add_item(&v[n++], c);
			continue;
		}
		if ((it = find(v, n, c->item)) != NULL)
			change(it, c);
	}
	sort_items(v, n);
	free(m->items);
	m->items = v;
	m->nitems = n;
	m->plan_applied = st->nplan;
	for (i = 0; i < n; i++)
		if (v[i].day > m->days)
			m->days = v[i].day;
}

int
plan_step(const struct module *m, const struct state *st, int dir)
{
	int cur = module_item_index(m, st->agenda_id), k;

	if (dir < 0 && st->agenda_ended && cur >= 0)
		return cur;
	for (k = cur + (dir > 0 ? 1 : -1); k >= 0 && k < (int)m->nitems;
	    k += dir > 0 ? 1 : -1)
		if (!m->items[k].skipped)
			return k;
	return -1;
}

size_t
plan_rows(const struct module *m, struct plan_row *rows)
{
	size_t i, n = 0;
	int day = 0;

	for (i = 0; i < m->nitems; i++) {
		if (m->items[i].day != day) {
			day = m->items[i].day;
			rows[n].day = day;
			rows[n++].item = -1;
		}
		rows[n].day = 0;
		rows[n++].item = (int)i;
	}
	return n;
}

size_t
plan_row_of_item(const struct plan_row *rows, size_t n, int item)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i].item == item)
			return i;
	return 0;
}

size_t
plan_version(const struct module *m)
{
	return m->plan_applied;
}

int
plan_day_minutes(const struct module *m, int day)
{
	size_t i;
	int sum = 0;

	for (i = 0; i < m->nitems; i++)
		if (m->items[i].day == day && !m->items[i].skipped)
			sum += m->items[i].minutes;
	return sum;
}
