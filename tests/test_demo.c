/* test_demo.c -- where `convene demo` places its workshop: at every minute
 * of a day, the item it makes current runs and the day is not behind. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "content.h"
#include "demo.h"
#include "event.h"
#include "schedule.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#define MIN 60000LL
/* 2026-11-23 00:00 in Asia/Bangkok (UTC+7) is 11-22 17:00Z. */
#define MIDNIGHT 1795366800000LL

static char id_open[] = "open", id_talk[] = "talk", id_coffee[] = "coffee",
    id_lunch[] = "lunch", id_d2[] = "d2", id_d2late[] = "d2late",
    bangkok[] = "Asia/Bangkok", nowhere[] = "Nowhere/Else";

static struct agenda_item items[] = {
	{ .id = id_open, .day = 1, .start_min = 9 * 60, .minutes = 30 },
	{ .id = id_talk, .day = 1, .start_min = 9 * 60 + 30, .minutes = 60 },
	{ .id = id_coffee, .day = 1, .start_min = 10 * 60 + 30, .minutes = 20,
	    .kind = KIND_BREAK },
	{ .id = id_lunch, .day = 1, .start_min = 12 * 60, .minutes = 60,
	    .kind = KIND_BREAK },
	{ .id = id_d2, .day = 2, .start_min = 9 * 60 + 10, .minutes = 45 },
	{ .id = id_d2late, .day = 2, .start_min = 16 * 60, .minutes = 60 },
};

static struct module mod = {
	.timezone = bangkok,
	.days = 2,
	.items = items,
	.nitems = NELEM(items),
};

/* The state of a session whose day 1 is `start`, with item i made current
 * at `now` (what demo_seed's cmd_agenda records). */
static struct state *
state_at(const char *start, int i, int64_t now)
{
	struct state *st = state_new();
	int64_t days[3];
	int y, m, d, k, yy, mm, dd;
	struct event ev;

	assert_int_equal(tz_parse_date(start, &y, &m, &d), 0);
	for (k = 0; k < 3; k++) {
		assert_int_equal(tz_add_days(bangkok, y, m, d, k, &yy, &mm,
		    &dd), 0);
		assert_int_equal(tz_from_local(bangkok, yy, mm, dd, 0,
		    &days[k]), 0);
	}
	state_set_days(st, days, 3);
	memset(&ev, 0, sizeof ev);
	ev.seq = 1;
	ev.time_ms = now;
	ev.actor = ev.terminal = ev.ref = ev.room = ev.text = ev.extra = "";
	ev.name = "agenda";
	ev.type = EV_AGENDA;
	ev.id = items[i].id;
	state_apply(st, &ev);
	return st;
}

static void
test_every_minute_on_time(void **state)
{
	char start[16];
	int k, item;

	(void)state;
	for (k = 0; k < 24 * 60; k++) {
		int64_t now = MIDNIGHT + k * MIN + 30000;	/* hh:mm:30 */
		struct schedule sch;
		struct state *st;

		assert_int_equal(demo_plan(&mod, now, start, sizeof start,
		    &item), 0);
		st = state_at(start, item, now);
		schedule_build(&sch, &mod, st, start, now + 20000);
		assert_int_equal(sch.current, item);
		/* Screens say "behind" from a whole minute on; an item
		 * started in its planned minute is seconds late at most. */
		if (sch.behind_ms >= MIN)
			fail_msg("%02d:%02d: %s on %s is %lld ms behind",
			    k / 60, k % 60, items[item].id, start,
			    (long long)sch.behind_ms);
		schedule_free(&sch);
		state_free(st);
	}
}

static void
test_which_item_and_day(void **state)
{
	char start[16];
	int item;

	(void)state;
	/* 03:00: the first item of day 1, today, early. */
	assert_int_equal(demo_plan(&mod, MIDNIGHT + 3 * 60 * MIN, start,
	    sizeof start, &item), 0);
	assert_string_equal(start, "2026-11-23");
	assert_int_equal(item, 0);
	/* 09:05: not the talk of day 1 (09:30) but day 2's at 09:10:
	 * today is day 2. */
	assert_int_equal(demo_plan(&mod, MIDNIGHT + (9 * 60 + 5) * MIN,
	    start, sizeof start, &item), 0);
	assert_string_equal(start, "2026-11-22");
	assert_int_equal(item, 4);
	/* 10:00: the coffee break (10:30) is passed over for day 2's 16:00. */
	assert_int_equal(demo_plan(&mod, MIDNIGHT + 10 * 60 * MIN, start,
	    sizeof start, &item), 0);
	assert_int_equal(item, 5);
	/* 16:00 exactly starts that item on time. */
	assert_int_equal(demo_plan(&mod, MIDNIGHT + 16 * 60 * MIN, start,
	    sizeof start, &item), 0);
	assert_int_equal(item, 5);
	/* 20:00: nothing starts later today; day 1 is tomorrow. */
	assert_int_equal(demo_plan(&mod, MIDNIGHT + 20 * 60 * MIN, start,
	    sizeof start, &item), 0);
	assert_string_equal(start, "2026-11-24");
	assert_int_equal(item, 0);
}

static void
test_no_plan(void **state)
{
	struct module empty = { .timezone = bangkok };
	struct module lost = mod;
	char start[16];
	int item;

	(void)state;
	assert_int_equal(demo_plan(&empty, MIDNIGHT, start, sizeof start,
	    &item), -1);
	lost.timezone = nowhere;
	assert_int_equal(demo_plan(&lost, MIDNIGHT, start, sizeof start,
	    &item), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_minute_on_time),
		cmocka_unit_test(test_which_item_and_day),
		cmocka_unit_test(test_no_plan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
