/*
 * tz.c -- time-zone conversions: the system's time-zone database through
 * glibc.
 *
 * Why not ICU alone: opening an ICU calendar pulls in ICU's calendar code
 * and zone data, 1.7 MB of resident memory in a participant terminal, and
 * merely linking libicui18n another 1.1 MB (12.9 MB in all became 10.1 MB
 * on a 10,000-idea session; bench/README.md); and a calendar opened per
 * call made `convene export` of that session take 153 ms instead of 74.
 * glibc reads the zone's TZif file (a few KB) once.  Its localtime_r and
 * mktime work in the zone named by TZ, so this file sets TZ to the file of
 * the zone in use and keeps it set: it owns the process's TZ (nothing else
 * in convene uses local time; the journal records UTC).  The database is
 * required (Debian's tzdata, a dependency of the package): a zone without
 * a file in it is not a zone convene knows.
 */
#include "tz.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define ZONEINFO "/usr/share/zoneinfo"
#define ZONE_MAX 100

/* --- the system's database (glibc) ----------------------------------------- */

/* A name that can only mean a file of the database: letters, digits and
 * "/_+-", no "..", not absolute, not the leap-second ("right/") or other
 * variant trees, which are not IANA zone names. */
static int
plain_zone_name(const char *zone)
{
	const char *p;

	if (zone == NULL || zone[0] == '\0' || strlen(zone) >= ZONE_MAX ||
	    zone[0] == '/' || strstr(zone, "..") != NULL ||
	    strncmp(zone, "right/", 6) == 0 || strncmp(zone, "posix/", 6) == 0 ||
	    strcmp(zone, "posixrules") == 0 || strcmp(zone, "localtime") == 0)
		return 0;
	for (p = zone; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/_+-", *p) != NULL))
			return 0;
	return 1;
}

/* 1 when the database has a TZif file for the zone (its path in path).
 * The database is where glibc looks: $TZDIR, else /usr/share/zoneinfo. */
static int
zone_file(const char *zone, char *path, size_t size)
{
	const char *dir = getenv("TZDIR");
	char magic[4];
	int fd, ok;

	if (!plain_zone_name(zone))
		return 0;
	if (dir == NULL || dir[0] == '\0')
		dir = ZONEINFO;
	if ((size_t)snprintf(path, size, "%s/%s", dir, zone) >= size)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;
	ok = read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	    memcmp(magic, "TZif", 4) == 0;
	close(fd);
	return ok;
}

/* The zone asked for last, whose file TZ points at: most processes ask for
 * one zone (the module's) many times. */
static char cached_zone[ZONE_MAX];

/* Points TZ at the zone's file; 0 when the database has no such zone. */
static int
use_zone(const char *zone)
{
	char path[4096], tz[sizeof path + 1];

	if (zone == NULL || strlen(zone) >= ZONE_MAX)
		return 0;
	if (cached_zone[0] != '\0' && strcmp(cached_zone, zone) == 0)
		return 1;
	if (!zone_file(zone, path, sizeof path))
		return 0;
	snprintf(tz, sizeof tz, ":%s", path);
	if (setenv("TZ", tz, 1) != 0)
		return 0;
	tzset();
	strcpy(cached_zone, zone);
	return 1;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static int
libc_to_local(int64_t utc_ms, struct tz_local *out)
{
	time_t t = (time_t)floor_div(utc_ms, 1000);
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL)
		return -1;
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	out->hour = tm.tm_hour;
	out->minute = tm.tm_min;
	out->second = tm.tm_sec;
	out->offset_min = (int)(tm.tm_gmtoff / 60);
	return 0;
}

static int
libc_from_local(int year, int month, int day, int minutes, int64_t *utc_ms)
{
	struct tm tm = { .tm_year = year - 1900, .tm_mon = month - 1,
	    .tm_mday = day, .tm_hour = minutes / 60, .tm_min = minutes % 60,
	    .tm_isdst = -1 };
	time_t t;

	errno = 0;
	t = mktime(&tm);
	if (t == (time_t)-1 && errno != 0)
		return -1;
	*utc_ms = (int64_t)t * 1000;
	return 0;
}

/* --- the contract -------------------------------------------------------------- */

int
tz_valid(const char *zone)
{
	return use_zone(zone);
}

int
tz_to_local(const char *zone, int64_t utc_ms, struct tz_local *out)
{
	if (!use_zone(zone))
		return -1;
	return libc_to_local(utc_ms, out);
}

int
tz_from_local(const char *zone, int year, int month, int day, int minutes,
    int64_t *utc_ms)
{
	if (!use_zone(zone))
		return -1;
	return libc_from_local(year, month, day, minutes, utc_ms);
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

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (Howard
 * Hinnant's days_from_civil and civil_from_days). */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = floor_div(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = floor_div(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* A date plus days is calendar arithmetic, the same in every zone; the
 * zone must still be one we know, as the contract says. */
int
tz_add_days(const char *zone, int year, int month, int day, int days,
    int *oy, int *om, int *od)
{
	if (!use_zone(zone) || month < 1 || month > 12 ||
	    day < 1 || day > 31)
		return -1;
	civil_from_days(days_from_civil(year, month, day) + days, oy, om, od);
	return 0;
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
