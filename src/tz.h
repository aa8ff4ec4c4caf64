/*
 * tz.h -- wall-clock time in the module's time zone.
 *
 * The journal records UTC (ms since the epoch); agenda times are local to
 * the module's IANA zone (e.g. Asia/Bangkok).  Conversions use the
 * system's time-zone database (glibc and /usr/share/zoneinfo, or $TZDIR:
 * tzdata is required); zone offsets are never worked out by hand.  A zone
 * name the database does not know makes tz_valid() false and the other
 * calls fail with -1.  The calls set the
 * process's TZ to the zone's file (src/tz.c says why).
 */
#ifndef CONVENE_TZ_H
#define CONVENE_TZ_H

#include <stddef.h>
#include <stdint.h>

struct tz_local {
	int year, month, day;	/* month 1..12 */
	int hour, minute, second;
	int offset_min;		/* zone + daylight offset from UTC, minutes */
};

/* 1 when the zone database knows the IANA zone. */
int tz_valid(const char *zone);

/* UTC ms -> local fields in the zone. */
int tz_to_local(const char *zone, int64_t utc_ms, struct tz_local *out);

/* Local date and minutes after midnight in the zone -> UTC ms. */
int tz_from_local(const char *zone, int year, int month, int day,
    int minutes, int64_t *utc_ms);

/* "YYYY-MM-DD" -> fields; -1 unless a real date in that exact form. */
int tz_parse_date(const char *s, int *year, int *month, int *day);

/* The date `days` after a date (days may be negative), as fields. */
int tz_add_days(const char *zone, int year, int month, int day, int days,
    int *oy, int *om, int *od);

/* ISO 8601 with the zone's offset, "2026-11-26T16:05:00+07:00", into buf
 * (at least 26 bytes).  Empty string for utc_ms == 0. */
int tz_format_iso(const char *zone, int64_t utc_ms, char *buf, size_t size);

/* Today's date in the zone, "YYYY-MM-DD" into buf (11 bytes). */
int tz_today(const char *zone, char *buf, size_t size);

#endif
