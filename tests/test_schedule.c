/* test_schedule.c -- planned against actual agenda times. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "content.h"
#include "event.h"
#include "schedule.h"
#include "state.h"

#define MIN 60000LL
/* 2026-11-23 09:00 in Asia/Bangkok (UTC+7) is 02:00Z. */
#define DAY1_0900 1795399200000LL
#define DAY (24 * 60 * MIN)

/* The module's strings are not const (content.h): writable arrays. */
static char id_open[] = "open", id_talk[] = "talk", id_lunch[] = "lunch",
    id_d2[] = "d2", bangkok[] = "Asia/Bangkok", nowhere[] = "Nowhere/Else";

static struct agenda_item items[] = {
	{ .id = id_open, .day = 1, .start_min = 9 * 60, .minutes = 30 },
	{ .id = id_talk, .day = 1, .start_min = 9 * 60 + 30, .minutes = 60 },
	{ .id = id_lunch, .day = 1, .start_min = 12 * 60, .minutes = 60 },
	{ .id = id_d2, .day = 2, .start_min = 9 * 60, .minutes = 45 },
};

static struct module mod = {
	.timezone = bangkok,
	.days = 2,
	.items = items,
	.nitems = 4,
};

static void
visit(struct state *st, const char *id, int64_t at)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = at;
	ev.actor = ev.terminal = ev.ref = ev.room = ev.text = ev.extra = "";
	ev.name = "agenda";
	ev.type = EV_AGENDA;
	ev.id = id;
	state_apply(st, &ev);
}

/* Any other record at `at`: activity on that day. */
static void
activity(struct state *st, int64_t at)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = at;
	ev.actor = ev.terminal = ev.ref = ev.room = ev.text = ev.extra = "";
	ev.id = "";
	ev.name = "message";
	ev.type = EV_MESSAGE;
	ev.text = "tea is ready";
	state_apply(st, &ev);
}

/* The session timer started at `at` for `minutes`. */
static void
timer_start(struct state *st, int64_t at, int minutes)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = at;
	ev.actor = ev.terminal = ev.room = ev.text = ev.extra = ev.id = "";
	ev.ref = "start";
	ev.n = minutes * 60;
	ev.name = "timer";
	ev.type = EV_TIMER;
	state_apply(st, &ev);
}

/* `convene agenda end` of item id at `at`. */
static void
end_item(struct state *st, const char *id, int64_t at)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = at;
	ev.actor = ev.terminal = ev.room = ev.text = ev.extra = "";
	ev.ref = "end";
	ev.name = "agenda";
	ev.type = EV_AGENDA;
	ev.id = id;
	state_apply(st, &ev);
}

/* A state whose workshop days are Bangkok's calendar days from day 1. */
static struct state *
state_with_days(void)
{
	struct state *st = state_new();
	int64_t starts[3];
	int i;

	for (i = 0; i < 3; i++)
		starts[i] = DAY1_0900 - 9 * 60 * MIN + i * DAY;
	state_set_days(st, starts, 3);
	return st;
}

static void
test_planned_times_in_zone(void **state)
{
	struct state *st = state_new();
	struct schedule sch;
	char date[11];

	(void)state;
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900), 0);
	assert_int_equal(sch.nitems, 4);
	assert_int_equal(sch.current, -1);
	assert_int_equal(sch.items[0].planned_start, DAY1_0900);
	assert_int_equal(sch.items[0].planned_end, DAY1_0900 + 30 * MIN);
	assert_int_equal(sch.items[1].planned_start, DAY1_0900 + 30 * MIN);
	assert_int_equal(sch.items[3].planned_start, DAY1_0900 + 24 * 60 * MIN);
	assert_false(sch.items[0].visited);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	assert_int_equal(schedule_day_date(&mod, "2026-11-23", 2, date,
	    sizeof date), 0);
	assert_string_equal(date, "2026-11-24");
	assert_int_equal(schedule_day_date(&mod, "2026-12-31", 2, date,
	    sizeof date), 0);
	assert_string_equal(date, "2027-01-01");
	assert_int_equal(schedule_day_date(&mod, "not a date", 1, date,
	    sizeof date), -1);
	state_free(st);
}

static void
test_on_time(void **state)
{
	struct state *st = state_new();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 10 * MIN), 0);
	assert_int_equal(sch.current, 0);
	assert_true(sch.items[0].current);
	assert_int_equal(sch.items[0].actual_start, DAY1_0900);
	assert_int_equal(sch.items[0].actual_end, 0);
	assert_int_equal(sch.items[0].actual_ms, 10 * MIN);
	assert_int_equal(sch.items[0].overrun_ms, -20 * MIN);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	state_free(st);
}

static void
test_overrun_puts_the_day_behind(void **state)
{
	struct state *st = state_new();
	struct schedule sch;

	(void)state;
	/* Opening ran 45 minutes instead of 30; the talk began 15 late. */
	visit(st, "open", DAY1_0900);
	visit(st, "talk", DAY1_0900 + 45 * MIN);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 50 * MIN), 0);
	assert_int_equal(sch.items[0].actual_end, DAY1_0900 + 45 * MIN);
	assert_int_equal(sch.items[0].overrun_ms, 15 * MIN);
	assert_int_equal(sch.current, 1);
	/* The talk, started 15 minutes late, will end 15 minutes late. */
	assert_int_equal(sch.behind_ms, 15 * MIN);
	schedule_free(&sch);
	/* Now the talk itself runs 10 minutes over its hour. */
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 115 * MIN), 0);
	assert_int_equal(sch.items[1].overrun_ms, 10 * MIN);
	assert_int_equal(sch.behind_ms, 25 * MIN);
	schedule_free(&sch);
	state_free(st);
}

static void
test_early_start_is_not_behind(void **state)
{
	struct state *st = state_new();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900 - 10 * MIN);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900), 0);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	state_free(st);
}

static void
test_going_back_sums_visits(void **state)
{
	struct state *st = state_new();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900);
	visit(st, "talk", DAY1_0900 + 20 * MIN);
	visit(st, "open", DAY1_0900 + 25 * MIN);	/* back for a question */
	visit(st, "talk", DAY1_0900 + 30 * MIN);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 40 * MIN), 0);
	assert_int_equal(sch.items[0].actual_start, DAY1_0900);
	assert_int_equal(sch.items[0].actual_end, DAY1_0900 + 30 * MIN);
	assert_int_equal(sch.items[0].actual_ms, 25 * MIN);
	assert_int_equal(sch.items[1].actual_start, DAY1_0900 + 20 * MIN);
	assert_int_equal(sch.items[1].actual_ms, 15 * MIN);
	/* 5 of the talk's 60 minutes were spent before: it should end at
	 * 30 + 55 = 85 minutes, 5 before its planned end at 90. */
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	state_free(st);
}

static void
test_unknown_item_and_undo_to_start(void **state)
{
	struct state *st = state_new();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900);
	visit(st, "gone", DAY1_0900 + 5 * MIN);	/* not in the module */
	visit(st, "", DAY1_0900 + 6 * MIN);		/* undo of the first */
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 7 * MIN), 0);
	assert_int_equal(sch.current, -1);
	assert_int_equal(sch.items[0].actual_ms, 5 * MIN);
	assert_int_equal(sch.items[0].actual_end, DAY1_0900 + 5 * MIN);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	state_free(st);
}

static void
test_no_start_date(void **state)
{
	struct state *st = state_new();
	struct schedule sch;
	struct module bad = mod;

	(void)state;
	visit(st, "open", DAY1_0900);
	assert_int_equal(schedule_build(&sch, &mod, st, NULL,
	    DAY1_0900 + 90 * MIN), 0);
	assert_int_equal(sch.items[0].planned_start, 0);
	assert_int_equal(sch.items[0].overrun_ms, 60 * MIN);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	bad.timezone = nowhere;
	assert_int_equal(schedule_build(&sch, &bad, st, "2026-11-23",
	    DAY1_0900), -1);
	assert_int_equal(sch.items[0].planned_start, 0);
	assert_int_equal(sch.items[0].actual_start, DAY1_0900);
	schedule_free(&sch);
	state_free(st);
}

/* A day never ended ends when the next day's first item starts: at its
 * last planned end (lunch, 13:00) or its last activity, whichever is
 * earlier. */
static void
test_day_left_open(void **state)
{
	struct state *st = state_with_days();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900);
	visit(st, "lunch", DAY1_0900 + 3 * 60 * MIN);		/* 12:00 */
	activity(st, DAY1_0900 + 5 * 60 * MIN + 30 * MIN);	/* 14:30 */
	visit(st, "d2", DAY1_0900 + DAY + 10 * MIN);		/* 09:10 */
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + DAY + 20 * MIN), 0);
	assert_int_equal(sch.items[2].actual_end, DAY1_0900 + 4 * 60 * MIN);
	assert_int_equal(sch.items[2].actual_ms, 60 * MIN);
	assert_int_equal(sch.days[1].end, DAY1_0900 + 4 * 60 * MIN);
	assert_false(sch.days[1].current);
	assert_true(sch.days[2].current);
	assert_int_equal(sch.days[1].actual_ms, 4 * 60 * MIN);
	assert_int_equal(sch.days[1].planned_min, 150);
	/* The talk was skipped: never visited, no minutes. */
	assert_false(sch.items[1].visited);
	assert_int_equal(sch.items[1].actual_ms, 0);
	schedule_free(&sch);
	state_free(st);

	/* The last activity came before the plan's end: that is the end. */
	st = state_with_days();
	visit(st, "lunch", DAY1_0900 + 3 * 60 * MIN);
	activity(st, DAY1_0900 + 3 * 60 * MIN + 20 * MIN);	/* 12:20 */
	visit(st, "d2", DAY1_0900 + DAY);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + DAY), 0);
	assert_int_equal(sch.items[2].actual_ms, 20 * MIN);
	schedule_free(&sch);
	state_free(st);
}

/* Nothing happened after the last item of a day was made current, but
 * its timer ran on: the room followed it, so the item lasted until the
 * timer was due (or the plan's end, if earlier). */
static void
test_timer_left_running(void **state)
{
	struct state *st = state_with_days();
	struct schedule sch;

	(void)state;
	visit(st, "lunch", DAY1_0900 + 3 * 60 * MIN);		/* 12:00 */
	timer_start(st, DAY1_0900 + 3 * 60 * MIN, 60);
	visit(st, "d2", DAY1_0900 + DAY);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + DAY + 5 * MIN), 0);
	assert_int_equal(sch.items[2].actual_ms, 60 * MIN);
	schedule_free(&sch);
	state_free(st);
}

/* The next morning, before anything starts, nobody is behind, and no item
 * runs; a day that starts late is behind from its first item on; the
 * figure days.csv takes equals the console's at every instant. */
static void
test_night_not_carried_over(void **state)
{
	struct state *st = state_with_days();
	struct schedule sch;
	int64_t t;

	(void)state;
	visit(st, "open", DAY1_0900);
	visit(st, "lunch", DAY1_0900 + 3 * 60 * MIN + 30 * MIN); /* 12:30 */
	activity(st, DAY1_0900 + 5 * 60 * MIN);			/* 14:00 */
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + DAY - 60 * MIN), 0);			/* 08:00 */
	assert_int_equal(sch.behind_ms, 0);
	assert_int_equal(sch.current, -1);
	assert_int_equal(sch.items[2].actual_ms, 30 * MIN);	/* to 13:00 */
	/* lunch began 30 minutes late: so the day ended, at 13:00 */
	assert_int_equal(sch.days[1].behind_ms, 30 * MIN);
	schedule_free(&sch);
	visit(st, "d2", DAY1_0900 + DAY + 20 * MIN);		/* 09:20 */
	for (t = DAY1_0900 + DAY + 20 * MIN; t < DAY1_0900 + DAY + 90 * MIN;
	    t += 7 * MIN) {
		assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
		    t), 0);
		/* 45 minutes from 09:20 end at 10:05, 20 after the plan;
		 * past 10:05 the end moves with the clock. */
		assert_int_equal(sch.behind_ms, t <= DAY1_0900 + DAY + 65 * MIN ?
		    20 * MIN : t - (DAY1_0900 + DAY + 45 * MIN));
		assert_int_equal(sch.days[2].behind_ms, sch.behind_ms);
		assert_true(sch.days[2].current);
		schedule_free(&sch);
	}
	state_free(st);
}

/* agenda end: the item ends then, nothing runs after it, and the day's
 * behind is its end against the plan. */
static void
test_end_of_day(void **state)
{
	struct state *st = state_with_days();
	struct schedule sch;

	(void)state;
	visit(st, "open", DAY1_0900);
	end_item(st, "open", DAY1_0900 + 35 * MIN);
	activity(st, DAY1_0900 + 50 * MIN);
	assert_true(st->agenda_ended);
	assert_string_equal(st->agenda_id, "open");
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + 60 * MIN), 0);
	assert_int_equal(sch.current, -1);
	assert_int_equal(sch.items[0].actual_ms, 35 * MIN);
	assert_int_equal(sch.items[0].actual_end, DAY1_0900 + 35 * MIN);
	assert_int_equal(sch.days[1].end, DAY1_0900 + 35 * MIN);
	assert_false(sch.days[1].current);
	assert_int_equal(sch.days[1].behind_ms, 5 * MIN);
	assert_int_equal(sch.behind_ms, 5 * MIN);
	schedule_free(&sch);
	state_free(st);
}

/* A record at 23:00 belongs to its own day, and a move made late in the
 * evening to the next day's item does not put anyone behind. */
static void
test_record_at_2300(void **state)
{
	struct state *st = state_with_days();
	struct schedule sch;
	int64_t at2300 = DAY1_0900 + 14 * 60 * MIN;

	(void)state;
	visit(st, "lunch", DAY1_0900 + 3 * 60 * MIN);
	activity(st, at2300);
	assert_int_equal(state_day_last_activity(st, 1), at2300);
	assert_int_equal(state_day_last_activity(st, 2), 0);
	visit(st, "d2", at2300 + 10 * MIN);			/* 23:10 */
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    at2300 + 20 * MIN), 0);
	/* lunch ran from 12:00 to 23:10: the same day */
	assert_int_equal(sch.items[2].actual_ms, 11 * 60 * MIN + 10 * MIN);
	assert_int_equal(sch.behind_ms, 0);	/* d2 is planned for day 2 */
	schedule_free(&sch);
	/* The next morning d2 is made current again: the evening visit
	 * ended with day 1, at its own start (the plan ended earlier). */
	visit(st, "d2", DAY1_0900 + DAY);
	assert_int_equal(schedule_build(&sch, &mod, st, "2026-11-23",
	    DAY1_0900 + DAY + 30 * MIN), 0);
	assert_int_equal(sch.items[3].actual_ms, 30 * MIN);
	assert_int_equal(sch.items[3].actual_start, at2300 + 10 * MIN);
	assert_int_equal(sch.behind_ms, 0);
	schedule_free(&sch);
	state_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_planned_times_in_zone),
		cmocka_unit_test(test_on_time),
		cmocka_unit_test(test_overrun_puts_the_day_behind),
		cmocka_unit_test(test_early_start_is_not_behind),
		cmocka_unit_test(test_going_back_sums_visits),
		cmocka_unit_test(test_unknown_item_and_undo_to_start),
		cmocka_unit_test(test_no_start_date),
		cmocka_unit_test(test_day_left_open),
		cmocka_unit_test(test_night_not_carried_over),
		cmocka_unit_test(test_timer_left_running),
		cmocka_unit_test(test_end_of_day),
		cmocka_unit_test(test_record_at_2300),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
