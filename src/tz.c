/* tz.c -- time-zone conversions with ICU's ucal. */
#include "tz.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

/* Opens a Gregorian calendar in the zone; NULL when the zone is unknown
 * (ICU falls back to "Etc/Unknown" silently, so check the canonical id). */
static UCalendar *
open_calendar(const char *zone)
{
	UChar uzone[128], canon[128];
	UErrorCode status = U_ZERO_ERROR;
	UBool system = 0;
	int32_t len;
	UCalendar *cal;

	if (zone == NULL || strlen(zone) >= 100)
		return NULL;
	u_uastrcpy(uzone, zone);
	len = ucal_getCanonicalTimeZoneID(uzone, -1, canon, 128, &system,
	    &status);
	if (U_FAILURE(status) || len <= 0 || !system)
		return NULL;
	cal = ucal_open(uzone, -1, "en_US_POSIX", UCAL_GREGORIAN, &status);
	if (U_FAILURE(status)) {
		if (cal != NULL)
			ucal_close(cal);
		return NULL;
	}
	return cal;
}

int
tz_valid(const char *zone)
{
	UCalendar *cal = open_calendar(zone);

	if (cal == NULL)
		return 0;
	ucal_close(cal);
	return 1;
}

static int
read_fields(UCalendar *cal, struct tz_local *out)
{
	UErrorCode st = U_ZERO_ERROR;

	out->year = ucal_get(cal, UCAL_YEAR, &st);
	out->month = ucal_get(cal, UCAL_MONTH, &st) + 1;
	out->day = ucal_get(cal, UCAL_DATE, &st);
	out->hour = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
	out->minute = ucal_get(cal, UCAL_MINUTE, &st);
	out->second = ucal_get(cal, UCAL_SECOND, &st);
	out->offset_min = (ucal_get(cal, UCAL_ZONE_OFFSET, &st) +
	    ucal_get(cal, UCAL_DST_OFFSET, &st)) / 60000;
	return U_FAILURE(st) ? -1 : 0;
}

int
tz_to_local(const char *zone, int64_t utc_ms, struct tz_local *out)
{
	UCalendar *cal = open_calendar(zone);
	UErrorCode st = U_ZERO_ERROR;
	int ret;

	if (cal == NULL)
		return -1;
	ucal_setMillis(cal, (UDate)utc_ms, &st);
	ret = U_FAILURE(st) ? -1 : read_fields(cal, out);
	ucal_close(cal);
	return ret;
}

int
tz_from_local(const char *zone, int year, int month, int day, int minutes,
    int64_t *utc_ms)
{
	UCalendar *cal = open_calendar(zone);
	UErrorCode st = U_ZERO_ERROR;
	UDate d;

	if (cal == NULL)
		return -1;
	ucal_clear(cal);
	ucal_setDateTime(cal, year, month - 1, day, minutes / 60, minutes % 60,
	    0, &st);
	d = ucal_getMillis(cal, &st);
	ucal_close(cal);
	if (U_FAILURE(st))
		return -1;
	*utc_ms = (int64_t)d;
	return 0;
}

static int
days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

int
tz_parse_date(const char *s, int *year, int *month, int *day)
{
	int y, m, d, n = 0;

	if (s == NULL || strlen(s) != 10 ||
	    sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    s[4] != '-' || s[7] != '-')
		return -1;
	if (y < 1970 || y > 9999 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	*year = y;
	*month = m;
	*day = d;
	return 0;
}

int
tz_add_days(const char *zone, int year, int month, int day, int days,
    int *oy, int *om, int *od)
{
	UCalendar *cal = open_calendar(zone);
	UErrorCode st = U_ZERO_ERROR;
	struct tz_local l;
	int ret;

	if (cal == NULL)
		return -1;
	ucal_clear(cal);
	/* Noon, so that a daylight-saving jump never changes the date. */
	ucal_setDateTime(cal, year, month - 1, day, 12, 0, 0, &st);
	ucal_add(cal, UCAL_DATE, days, &st);
	ret = U_FAILURE(st) ? -1 : read_fields(cal, &l);
	ucal_close(cal);
	if (ret == 0) {
		*oy = l.year;
		*om = l.month;
		*od = l.day;
	}
	return ret;
}

int
tz_format_iso(const char *zone, int64_t utc_ms, char *buf, size_t size)
{
	struct tz_local l;
	int off;

	if (utc_ms == 0) {
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	if (tz_to_local(zone, utc_ms, &l) != 0)
		return -1;
	off = l.offset_min < 0 ? -l.offset_min : l.offset_min;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    l.year, l.month, l.day, l.hour, l.minute, l.second,
	    l.offset_min < 0 ? '-' : '+', off / 60, off % 60);
	return 0;
}

int
tz_today(const char *zone, char *buf, size_t size)
{
	struct timeval tv;
	struct tz_local l;

	gettimeofday(&tv, NULL);
	if (tz_to_local(zone, (int64_t)tv.tv_sec * 1000, &l) != 0)
		return -1;
	snprintf(buf, size, "%04d-%02d-%02d", l.year, l.month, l.day);
	return 0;
}
