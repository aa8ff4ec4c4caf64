/* test_tz.c -- time-zone conversions through ICU. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "tz.h"

static void
test_valid_zones(void **state)
{
	(void)state;
	assert_true(tz_valid("Asia/Bangkok"));
	assert_true(tz_valid("Pacific/Kiritimati"));
	assert_true(tz_valid("Asia/Kathmandu"));
	assert_false(tz_valid("Asia/Atlantis"));
	assert_false(tz_valid(""));
	assert_false(tz_valid(NULL));
}

static void
test_iso_offsets(void **state)
{
	char buf[40];
	/* 2026-11-26T09:00:00Z */
	int64_t t = 1795683600000LL;

	(void)state;
	assert_int_equal(tz_format_iso("Asia/Bangkok", t, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-26T16:00:00+07:00");
	assert_int_equal(tz_format_iso("Asia/Kathmandu", t, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-26T14:45:00+05:45");
	assert_int_equal(tz_format_iso("Pacific/Kiritimati", t, buf, sizeof buf), 0);
	assert_string_equal(buf, "2026-11-26T23:00:00+14:00");
	assert_int_equal(tz_format_iso("Asia/Bangkok", 0, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(tz_format_iso("Nowhere/Else", t, buf, sizeof buf), -1);
}

static void
test_local_round_trip(void **state)
{
	int64_t ms;
	struct tz_local l;

	(void)state;
	assert_int_equal(tz_from_local("Asia/Bangkok", 2026, 11, 26, 9 * 60, &ms), 0);
	assert_int_equal(ms, 1795658400000LL);	/* 02:00Z */
	assert_int_equal(tz_to_local("Asia/Bangkok", ms, &l), 0);
	assert_int_equal(l.hour, 9);
	assert_int_equal(l.day, 26);
	assert_int_equal(l.offset_min, 420);
}

static void
test_dates(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(tz_parse_date("2026-11-26", &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20261126);
	assert_int_equal(tz_parse_date("2026-02-29", &y, &m, &d), -1);
	assert_int_equal(tz_parse_date("2028-02-29", &y, &m, &d), 0);
	assert_int_equal(tz_parse_date("2026-1-26", &y, &m, &d), -1);
	assert_int_equal(tz_parse_date("2026-11-26x", &y, &m, &d), -1);
	assert_int_equal(tz_add_days("Asia/Bangkok", 2026, 12, 30, 3, &y, &m, &d), 0);
	assert_int_equal(y * 10000 + m * 100 + d, 20270102);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_zones),
		cmocka_unit_test(test_iso_offsets),
		cmocka_unit_test(test_local_round_trip),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
