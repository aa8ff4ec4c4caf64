/*
 * tz.c -- time-zone conversions: the system's time-zone database through
 * glibc, and ICU's ucal where the system has no file for the zone.
 *
 * Why not ICU alone: opening an ICU calendar pulls in ICU's calendar code
 * and zone data, 1.7 MB of resident memory in a participant terminal, and
 * merely linking libicui18n another 1.1 MB (12.9 MB in all became 10.1 MB
 * on a 10,000-idea session; bench/README.md); and a calendar opened per
 * call made `convene export` of that session take 153 ms instead of 74.
 * glibc reads the zone's TZif file (a few KB) once.  Its localtime_r and
 * mktime work in the zone named by TZ, so this file sets TZ to the file of
 * the zone in use and keeps it set: it owns the process's TZ (nothing else
 * in convene uses local time; the journal records UTC).  A machine without
 * tzdata still works, through ICU's calendar, loaded only then (below).
 */
#include "tz.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>
#include <unicode/uvernum.h>

#define ZONEINFO "/usr/share/zoneinfo"
#define ZONE_MAX 100

/* --- the system's database (glibc) ----------------------------------------- */

/* A name that can only mean a file of the database: letters, digits and
 * "/_+-", no "..", not absolute, not the leap-second ("right/") or other
 * variant trees, which ICU does not know either. */
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

enum backend { BACKEND_NONE, BACKEND_LIBC, BACKEND_ICU };

/* The zone asked for last and how it is served: most processes ask for
 * one zone (the module's) many times. */
static struct {
	char zone[ZONE_MAX];
	enum backend backend;
} cached;

static int icu_zone_known(const char *zone);

/* Chooses how to serve the zone; for glibc, points TZ at its file. */
static enum backend
use_zone(const char *zone)
{
	char path[4096], tz[sizeof path + 1];

	if (zone == NULL || strlen(zone) >= ZONE_MAX)
		return BACKEND_NONE;
	if (cached.backend != BACKEND_NONE && strcmp(cached.zone, zone) == 0)
		return cached.backend;
	if (zone_file(zone, path, sizeof path)) {
		snprintf(tz, sizeof tz, ":%s", path);
		if (setenv("TZ", tz, 1) != 0)
			return BACKEND_NONE;
		tzset();
		cached.backend = BACKEND_LIBC;
	} else if (icu_zone_known(zone)) {
		cached.backend = BACKEND_ICU;
	} else {
		return BACKEND_NONE;
	}
	strcpy(cached.zone, zone);
	return cached.backend;
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

/* --- ICU, where the system has no file for the zone -------------------------- */

/*
 * ICU's calendar lives in libicui18n, which nothing else in convene uses:
 * merely linking it costs every process about 1 MB of resident memory
 * (the loader relocates all of it).  So it is opened with dlopen, only
 * when a zone is not in the system's database.  ICU's C functions carry
 * the version in their names (urename.h: ucal_open is ucal_open_72), so
 * the names are taken from the same macros the headers use.
 */
#define ICU_NAME2(x) #x
#define ICU_NAME(x) ICU_NAME2(x)

static struct {
	int tried, ok;
	int32_t (*canonical_id)(const UChar *, int32_t, UChar *, int32_t,
	    UBool *, UErrorCode *);
	UCalendar *(*open)(const UChar *, int32_t, const char *, UCalendarType,
	    UErrorCode *);
	void (*close)(UCalendar *);
	void (*set_millis)(UCalendar *, UDate, UErrorCode *);
	UDate (*get_millis)(const UCalendar *, UErrorCode *);
	int32_t (*get)(const UCalendar *, UCalendarDateFields, UErrorCode *);
	void (*clear)(UCalendar *);
	void (*set_date_time)(UCalendar *, int32_t, int32_t, int32_t,
	    int32_t, int32_t, int32_t, UErrorCode *);
} icu;

/* fn = the symbol; memcpy because ISO C has no cast from void * to a
 * function pointer (POSIX guarantees the representation). */
static int
icu_sym(void *lib, const char *name, void *fn, size_t size)
{
	void *sym = dlsym(lib, name);

	if (sym == NULL)
		return 0;
	memcpy(fn, &sym, size);
	return 1;
}

#define ICU_SYM(lib, field, fn) \
	icu_sym(lib, ICU_NAME(fn), &icu.field, sizeof icu.field)

static int
icu_load(void)
{
	void *lib;

	if (icu.tried)
		return icu.ok;
	icu.tried = 1;
	lib = dlopen("libicui18n.so." U_ICU_VERSION_SHORT, RTLD_NOW | RTLD_LOCAL);
	if (lib == NULL)
		return 0;
	icu.ok = ICU_SYM(lib, canonical_id, ucal_getCanonicalTimeZoneID) &&
	    ICU_SYM(lib, open, ucal_open) && ICU_SYM(lib, close, ucal_close) &&
	    ICU_SYM(lib, set_millis, ucal_setMillis) &&
	    ICU_SYM(lib, get_millis, ucal_getMillis) &&
	    ICU_SYM(lib, get, ucal_get) && ICU_SYM(lib, clear, ucal_clear) &&
	    ICU_SYM(lib, set_date_time, ucal_setDateTime);
	if (!icu.ok)
		dlclose(lib);
	/* else kept open for the life of the process */
	return icu.ok;
}

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

	if (zone == NULL || strlen(zone) >= ZONE_MAX || !icu_load())
		return NULL;
	u_uastrcpy(uzone, zone);
	len = icu.canonical_id(uzone, -1, canon, 128, &system, &status);
	if (U_FAILURE(status) || len <= 0 || !system)
		return NULL;
	cal = icu.open(uzone, -1, "en_US_POSIX", UCAL_GREGORIAN, &status);
	if (U_FAILURE(status)) {
		if (cal != NULL)
			icu.close(cal);
		return NULL;
	}
	return cal;
}

static int
icu_zone_known(const char *zone)
{
	UCalendar *cal = open_calendar(zone);

	if (cal == NULL)
		return 0;
	icu.close(cal);
	return 1;
}

static int
read_fields(UCalendar *cal, struct tz_local *out)
{
	UErrorCode st = U_ZERO_ERROR;

	out->year = icu.get(cal, UCAL_YEAR, &st);
	out->month = icu.get(cal, UCAL_MONTH, &st) + 1;
	out->day = icu.get(cal, UCAL_DATE, &st);
	out->hour = icu.get(cal, UCAL_HOUR_OF_DAY, &st);
	out->minute = icu.get(cal, UCAL_MINUTE, &st);
	out->second = icu.get(cal, UCAL_SECOND, &st);
	out->offset_min = (icu.get(cal, UCAL_ZONE_OFFSET, &st) +
	    icu.get(cal, UCAL_DST_OFFSET, &st)) / 60000;
	return U_FAILURE(st) ? -1 : 0;
}

static int
icu_to_local(const char *zone, int64_t utc_ms, struct tz_local *out)
{
	UCalendar *cal = open_calendar(zone);
	UErrorCode st = U_ZERO_ERROR;
	int ret;

	if (cal == NULL)
		return -1;
	icu.set_millis(cal, (UDate)utc_ms, &st);
	ret = U_FAILURE(st) ? -1 : read_fields(cal, out);
	icu.close(cal);
	return ret;
}

static int
icu_from_local(const char *zone, int year, int month, int day, int minutes,
    int64_t *utc_ms)
{
	UCalendar *cal = open_calendar(zone);
	UErrorCode st = U_ZERO_ERROR;
	UDate d;

	if (cal == NULL)
		return -1;
	icu.clear(cal);
	icu.set_date_time(cal, year, month - 1, day, minutes / 60,
	    minutes % 60, 0, &st);
	d = icu.get_millis(cal, &st);
	icu.close(cal);
	if (U_FAILURE(st))
		return -1;
	*utc_ms = (int64_t)d;
	return 0;
}

/* --- the contract -------------------------------------------------------------- */

int
tz_valid(const char *zone)
{
	return use_zone(zone) != BACKEND_NONE;
}

int
tz_to_local(const char *zone, int64_t utc_ms, struct tz_local *out)
{
	switch (use_zone(zone)) {
	case BACKEND_LIBC:
		return libc_to_local(utc_ms, out);
	case BACKEND_ICU:
		return icu_to_local(zone, utc_ms, out);
	default:
		return -1;
	}
}

int
tz_from_local(const char *zone, int year, int month, int day, int minutes,
    int64_t *utc_ms)
{
	switch (use_zone(zone)) {
	case BACKEND_LIBC:
		return libc_from_local(year, month, day, minutes, utc_ms);
	case BACKEND_ICU:
		return icu_from_local(zone, year, month, day, minutes, utc_ms);
	default:
		return -1;
	}
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
	if (use_zone(zone) == BACKEND_NONE || month < 1 || month > 12 ||
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
