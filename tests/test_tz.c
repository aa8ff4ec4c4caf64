/* test_tz.c -- time-zone conversions: the system's database, checked
 * against ICU's calendar; without the database no zone is known. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

#include "tz.h"

/* Zones with whole, half and quarter hours, southern and northern
 * daylight saving, a 30-minute DST (Lord Howe), a negative DST
 * (Dublin), a zone that skipped a day (Apia) and UTC.  Not Casablanca:
 * its Ramadan changes are announced year by year, and the system's
 * tzdata is newer than the copy inside ICU 72, so they rightly differ. */
static const char *const zones[] = {
	"Asia/Bangkok", "Asia/Kathmandu", "Asia/Kolkata", "Pacific/Kiritimati",
	"Europe/Berlin", "America/New_York", "America/Sao_Paulo",
	"Australia/Lord_Howe", "Europe/Dublin",
	"Pacific/Apia", "America/St_Johns", "UTC"
};

/* What ICU's calendar says, to check ours against. */
static void
icu_local(const char *zone, int64_t ms, struct tz_local *l)
{
	UChar uz[64];
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *cal;

	u_uastrcpy(uz, zone);
	cal = ucal_open(uz, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
	ucal_setMillis(cal, (UDate)ms, &st);
	l->year = ucal_get(cal, UCAL_YEAR, &st);
	l->month = ucal_get(cal, UCAL_MONTH, &st) + 1;
	l->day = ucal_get(cal, UCAL_DATE, &st);
	l->hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
	l->minute = ucal_get(cal, UCAL_MINUTE, &st);
	l->second = ucal_get(cal, UCAL_SECOND, &st);
	l->offset_min = (ucal_get(cal, UCAL_ZONE_OFFSET, &st) +
	    ucal_get(cal, UCAL_DST_OFFSET, &st)) / 60000;
	ucal_close(cal);
	assert_false(U_FAILURE(st));
}

static void
assert_same_local(const struct tz_local *a, const struct tz_local *b)
{
	assert_int_equal(a->year, b->year);
	assert_int_equal(a->month, b->month);
	assert_int_equal(a->day, b->day);
	assert_int_equal(a->hour, b->hour);
	assert_int_equal(a->minute, b->minute);
	assert_int_equal(a->second, b->second);
	assert_int_equal(a->offset_min, b->offset_min);
}

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

/* Every zone, from 1970 to 2099 in steps of a prime number of seconds
 * (so every hour of the day and every season comes up), and the hours
 * around each zone's transitions: the same local time as ICU's. */
static void
test_same_as_icu(void **state)
{
	const int64_t step = 1000LL * 86413 * 7, end = 4102444800000LL;
	struct tz_local ours, icu;
	size_t z;
	int64_t ms;

	(void)state;
	for (z = 0; z < sizeof zones / sizeof zones[0]; z++)
		for (ms = 0; ms < end; ms += step) {
			assert_int_equal(tz_to_local(zones[z], ms, &ours), 0);
			icu_local(zones[z], ms, &icu);
			assert_same_local(&ours, &icu);
		}
	/* Around the 2026 spring and autumn changes in Berlin and New York,
	 * every 15 minutes */
	for (ms = 1774742400000LL; ms < 1774742400000LL + 86400000; ms += 900000) {
		assert_int_equal(tz_to_local("Europe/Berlin", ms, &ours), 0);
		icu_local("Europe/Berlin", ms, &icu);
		assert_same_local(&ours, &icu);
	}
	for (ms = 1793505600000LL; ms < 1793505600000LL + 86400000; ms += 900000) {
		assert_int_equal(tz_to_local("America/New_York", ms, &ours), 0);
		icu_local("America/New_York", ms, &icu);
		assert_same_local(&ours, &icu);
	}
}

/* Local midnight and 09:00 of each day of 2026-2027 back to UTC, in
 * zones with and without daylight saving: round trips exactly. */
static void
test_from_local_round_trips(void **state)
{
	static const char *const some[] = { "Asia/Bangkok", "Europe/Berlin",
	    "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu" };
	struct tz_local l;
	int64_t ms;
	size_t z;
	int d, y, m, dd, minutes;

	(void)state;
	for (z = 0; z < sizeof some / sizeof some[0]; z++)
		for (d = 0; d < 730; d += 3)
			for (minutes = 0; minutes <= 540; minutes += 540) {
				assert_int_equal(tz_add_days(some[z], 2026, 1, 1,
				    d, &y, &m, &dd), 0);
				assert_int_equal(tz_from_local(some[z], y, m, dd,
				    minutes, &ms), 0);
				assert_int_equal(tz_to_local(some[z], ms, &l), 0);
				assert_int_equal(l.year * 10000 + l.month * 100 +
				    l.day, y * 10000 + m * 100 + dd);
				assert_int_equal(l.hour * 60 + l.minute, minutes);
			}
}

static int64_t
icu_from_local(const char *zone, int y, int m, int d, int minutes)
{
	UChar uz[64];
	UErrorCode st = U_ZERO_ERROR;
	UCalendar *cal;
	int64_t ms;

	u_uastrcpy(uz, zone);
	cal = ucal_open(uz, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
	ucal_clear(cal);
	ucal_setDateTime(cal, y, m - 1, d, minutes / 60, minutes % 60, 0, &st);
	ms = (int64_t)ucal_getMillis(cal, &st);
	ucal_close(cal);
	assert_false(U_FAILURE(st));
	return ms;
}

/* Local times that do not exist (spring forward) or exist twice (fall
 * back) resolve as ICU resolves them. */
static void
test_gaps_like_icu(void **state)
{
	static const struct {
		const char *zone;
		int y, m, d, minutes;
	} t[] = {
		{ "Europe/Berlin", 2026, 3, 29, 150 },
		{ "Europe/Berlin", 2026, 10, 25, 150 },
		{ "America/New_York", 2026, 3, 8, 150 },
		{ "America/New_York", 2026, 11, 1, 90 },
		{ "Australia/Lord_Howe", 2026, 10, 4, 135 },
		{ "Asia/Bangkok", 2026, 11, 26, 1500 },
	};
	size_t i;
	int64_t ms;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		assert_int_equal(tz_from_local(t[i].zone, t[i].y, t[i].m,
		    t[i].d, t[i].minutes, &ms), 0);
		assert_int_equal(ms, icu_from_local(t[i].zone, t[i].y, t[i].m,
		    t[i].d, t[i].minutes));
	}
}

/* Without the system's zone files ($TZDIR pointing nowhere) no zone is
 * known: tzdata is required, there is no second source of offsets. */
static void
test_without_tzdata(void **state)
{
	struct tz_local l;
	char buf[40];
	int64_t ms;

	(void)state;
	assert_int_equal(setenv("TZDIR", "/nonexistent-zoneinfo", 1), 0);
	assert_false(tz_valid("Asia/Seoul"));
	assert_int_equal(tz_format_iso("Asia/Seoul", 1795683600000LL, buf,
	    sizeof buf), -1);
	assert_int_equal(tz_from_local("Asia/Seoul", 2026, 11, 26, 18 * 60,
	    &ms), -1);
	assert_int_equal(tz_to_local("Asia/Seoul", 0, &l), -1);
	unsetenv("TZDIR");
	assert_true(tz_valid("Asia/Seoul"));
}

/* Names that are files of the database but no zone, or reach outside
 * it, are not zones. */
static void
test_not_zones(void **state)
{
	(void)state;
	assert_false(tz_valid("../../etc/passwd"));
	assert_false(tz_valid("/etc/localtime"));
	assert_false(tz_valid("zone.tab"));
	assert_false(tz_valid("right/Asia/Bangkok"));
	assert_false(tz_valid("Asia"));
	assert_false(tz_valid("Asia/Bangkok "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_zones),
		cmocka_unit_test(test_iso_offsets),
		cmocka_unit_test(test_local_round_trip),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_same_as_icu),
		cmocka_unit_test(test_from_local_round_trips),
		cmocka_unit_test(test_gaps_like_icu),
		cmocka_unit_test(test_without_tzdata),
		cmocka_unit_test(test_not_zones),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
