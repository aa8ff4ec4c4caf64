/* test_plan.c -- the agenda as the workshop changed it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "event.h"
#include "plan.h"
#include "state.h"
#include "util.h"

static void
plan(struct state *st, const char *id, const char *ref, long n,
    const char *text, const char *extra)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = 1795399200000LL;
	ev.actor = ev.terminal = ev.room = "";
	ev.type = EV_PLAN;
	ev.name = "plan";
	ev.id = id;
	ev.ref = ref;
	ev.n = n;
	ev.text = text;
	ev.extra = extra;
	state_apply(st, &ev);
}

/* A module of three items on day 1 whose strings it owns, as loaded. */
static struct module *
three_items(void)
{
	static const char *const ids[] = { "open", "talk", "tea" };
	struct module *m = xcalloc(1, sizeof *m);
	size_t i;

	m->days = 2;
	m->nitems = 3;
	m->items = xcalloc(3, sizeof *m->items);
	for (i = 0; i < 3; i++) {
		m->items[i].id = xstrdup(ids[i]);
		m->items[i].title = xstrdup(ids[i]);
		m->items[i].day = 1;
		m->items[i].start_min = 9 * 60 + 30 * (int)i;
		m->items[i].minutes = 30;
	}
	return m;
}

static void
test_changes_follow(void **state)
{
	struct module *m = three_items();
	struct state *st = state_new();

	(void)state;
	plan_apply(m, st);
	assert_null(m->frozen);		/* nothing changed: as loaded */
	plan(st, "open", "move", 1, "10:15", "");	/* after the talk */
	plan(st, "talk", "length", 45, "", "");
	plan(st, "tea", "skip", 1, "", "");
	plan(st, "added-1", "add", 2, "Guest talk", "08:30\n20\n0");
	plan(st, "nowhere", "length", 10, "", "");	/* unknown: ignored */
	plan(st, "open", "frob", 1, "", "");		/* not an action */
	assert_int_equal(st->nplan, 5);
	assert_int_equal(st->unknown_events, 1);
	plan_apply(m, st);
	assert_int_equal(m->nitems, 4);
	assert_string_equal(m->items[0].id, "talk");
	assert_true(m->items[0].lengthened);
	assert_int_equal(m->items[0].minutes, 45);
	assert_string_equal(m->items[1].id, "tea");
	assert_true(m->items[1].skipped);
	assert_string_equal(m->items[2].id, "open");
	assert_true(m->items[2].moved);
	assert_int_equal(m->items[2].start_min, 10 * 60 + 15);
	assert_string_equal(m->items[3].id, "added-1");
	assert_true(m->items[3].added);
	assert_int_equal(m->items[3].day, 2);
	/* the frozen items are untouched */
	assert_int_equal(m->frozen[0].start_min, 9 * 60);
	assert_int_equal(m->frozen[1].minutes, 30);
	assert_int_equal(plan_day_minutes(m, 1), 75);	/* tea skipped */
	/* next and prev pass over the skipped tea */
	state_free(st);
	st = state_new();
	plan(st, "tea", "skip", 1, "", "");
	plan(st, "tea", "skip", 0, "", "");		/* back */
	plan_apply(m, st);
	assert_false(m->items[2].skipped);
	module_free(m);
	state_free(st);
}

static void
test_step_passes_over_skipped(void **state)
{
	struct module *m = three_items();
	struct state *st = state_new();
	struct event ev;

	(void)state;
	plan(st, "talk", "skip", 1, "", "");
	plan_apply(m, st);
	assert_int_equal(plan_step(m, st, 1), 0);	/* the first */
	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.actor = ev.terminal = ev.room = ev.text = ev.extra = ev.ref = "";
	ev.type = EV_AGENDA;
	ev.name = "agenda";
	ev.id = "open";
	state_apply(st, &ev);
	assert_int_equal(plan_step(m, st, 1), 2);	/* over the talk */
	assert_int_equal(plan_step(m, st, -1), -1);
	module_free(m);
	state_free(st);
}

/* Rows: day 1's heading, its three items; an item's row is found. */
static void
test_rows(void **state)
{
	struct module *m = three_items();
	struct plan_row rows[7];
	size_t n;

	(void)state;
	n = plan_rows(m, rows);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].item, -1);
	assert_int_equal(rows[0].day, 1);
	assert_int_equal(plan_row_of_item(rows, n, 0), 1);
	assert_int_equal(plan_row_of_item(rows, n, 2), 3);
	assert_int_equal(plan_row_of_item(rows, n, 7), 0);	/* not there */
	assert_int_equal(plan_row_of_item(rows, 0, 0), 0);
	module_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_changes_follow),
		cmocka_unit_test(test_step_passes_over_skipped),
		cmocka_unit_test(test_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
