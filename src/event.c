/*
 * event.c -- event type names and the journal's time format.
 *
 * The names are the journal's `event` column: snake_case, stable forever
 * (renaming one would turn old records into unknown ones).
 */
#include "event.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util.h"

static const char *const type_names[EV_COUNT] = {
	[EV_UNKNOWN] = "unknown",
	[EV_PARTICIPANT] = "participant",
	[EV_PIN] = "pin",
	[EV_CHECKIN] = "checkin",
	[EV_IDEA] = "idea",
	[EV_IDEA_EDIT] = "idea_edit",
	[EV_IDEA_WITHDRAW] = "idea_withdraw",
	[EV_IDEA_MERGE] = "idea_merge",
	[EV_IDEA_PROMOTE] = "idea_promote",
	[EV_IDEA_HIDE] = "idea_hide",
	[EV_ROOM] = "room",
	[EV_MOVE] = "move",
	[EV_TIMER] = "timer",
	[EV_AGENDA] = "agenda",
	[EV_VOTING_OPEN] = "voting_open",
	[EV_VOTING_CLOSE] = "voting_close",
	[EV_VOTING_REVEAL] = "voting_reveal",
	[EV_DOT] = "dot",
	[EV_MESSAGE] = "message",
	[EV_QUESTION] = "question",
	[EV_UPVOTE] = "upvote",
	[EV_QUESTION_MARK] = "question_mark",
	[EV_POLL_OPEN] = "poll_open",
	[EV_POLL_ANSWER] = "poll_answer",
	[EV_POLL_CLOSE] = "poll_close",
	[EV_POLL_REVEAL] = "poll_reveal",
	[EV_EVAL] = "eval",
	[EV_PROJECTOR] = "projector",
	[EV_PLAN] = "plan",
	[EV_PRESENT] = "present",
	[EV_TZ] = "tz",
	[EV_LANG] = "lang",
};

/* The types by the length of their name, for the lookup while replaying:
 * one length test and a memcmp or two instead of a search with strcmp
 * (this runs once for every record).  test_event checks that every name
 * maps back to its type, which fails if a type is missing here. */
#define NAME_LEN_MAX 13
static const enum event_type types_by_len[NAME_LEN_MAX + 1][6] = {
	[2] = { EV_TZ },
	[3] = { EV_DOT, EV_PIN },
	[4] = { EV_IDEA, EV_EVAL, EV_ROOM, EV_MOVE, EV_PLAN, EV_LANG },
	[5] = { EV_TIMER },
	[6] = { EV_AGENDA, EV_UPVOTE },
	[7] = { EV_CHECKIN, EV_MESSAGE, EV_PRESENT },
	[8] = { EV_QUESTION },
	[9] = { EV_IDEA_EDIT, EV_IDEA_HIDE, EV_POLL_OPEN, EV_PROJECTOR },
	[10] = { EV_IDEA_MERGE, EV_POLL_CLOSE },
	[11] = { EV_PARTICIPANT, EV_VOTING_OPEN, EV_POLL_ANSWER,
	    EV_POLL_REVEAL },
	[12] = { EV_IDEA_PROMOTE, EV_VOTING_CLOSE },
	[13] = { EV_IDEA_WITHDRAW, EV_QUESTION_MARK, EV_VOTING_REVEAL },
};

const char *
event_type_name(enum event_type type)
{
	if ((unsigned)type >= EV_COUNT)
		return type_names[EV_UNKNOWN];
	return type_names[type];
}

enum event_type
event_type_from_name(const char *name)
{
	const enum event_type *t;
	size_t len;

	if (name == NULL || (len = strnlen(name, NAME_LEN_MAX + 1)) >
	    NAME_LEN_MAX)
		return EV_UNKNOWN;
	/* EV_UNKNOWN (0) ends each list */
	for (t = types_by_len[len]; *t != EV_UNKNOWN; t++)
		if (memcmp(name, type_names[*t], len) == 0)
			return *t;
	return EV_UNKNOWN;
}

void
event_format_time(int64_t time_ms, char *buf, unsigned size)
{
	int64_t secs = time_ms / 1000, ms = time_ms % 1000;
	time_t t;
	struct tm tm;

	if (size == 0)
		return;
	if (ms < 0) {			/* floor, for times before 1970 */
		ms += 1000;
		secs--;
	}
	t = (time_t)secs;
	if (gmtime_r(&t, &tm) == NULL || tm.tm_year < -1900 ||
	    tm.tm_year > 9999 - 1900) {
		buf[0] = '\0';		/* not representable: parses as invalid */
		return;
	}
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, (int)ms);
}

/* The value of n decimal digits at s; *bad gets a bit set when one is not
 * a digit.  No branch on the digits themselves: this runs for the 17
 * digits of every record's time while replaying. */
static int
digits(const char *s, int n, unsigned *bad)
{
	unsigned d;
	int v = 0;

	while (n-- > 0) {
		d = (unsigned)(unsigned char)*s++ - '0';
		*bad |= d > 9;
		v = v * 10 + (int)d;
	}
	return v;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar: what
 * timegm computes, without its normalisation work, since this runs once for
 * every record of a replay.  (Era arithmetic after H. Hinnant's
 * days_from_civil; test_event checks it against timegm.) */
static int64_t
days_from_civil(int y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* ":00:00.123Z" at s + 13 of a 24-byte time: ms into the hour, or -1. */
static int64_t
parse_in_hour(const char *s)
{
	int mi, sec, ms;
	unsigned bad = 0;

	if (s[13] != ':' || s[16] != ':' || s[19] != '.' || s[23] != 'Z')
		return -1;
	mi = digits(s + 14, 2, &bad);
	sec = digits(s + 17, 2, &bad);
	ms = digits(s + 20, 3, &bad);
	if (bad || mi > 59 || sec > 59)
		return -1;
	return (int64_t)mi * 60000 + (int64_t)sec * 1000 + ms;
}

/* "2026-11-26T09" at s: *hour_ms gets the hour's start; -1 when it is
 * not a valid date and hour. */
static int
parse_hour(const char *s, int64_t *hour_ms)
{
	static const unsigned char mdays[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, dim;
	unsigned bad = 0;

	if (s[4] != '-' || s[7] != '-' || s[10] != 'T')
		return -1;
	y = digits(s, 4, &bad);
	mo = digits(s + 5, 2, &bad);
	d = digits(s + 8, 2, &bad);
	h = digits(s + 11, 2, &bad);
	if (bad || mo < 1 || mo > 12 || d < 1 || h > 23)
		return -1;
	dim = mdays[mo - 1] + (mo == 2 && is_leap(y));
	if (d > dim)
		return -1;
	*hour_ms = (days_from_civil(y, mo, d) * 24 + h) * 3600000;
	return 0;
}

int
event_parse_time(const char *s, int64_t *time_ms)
{
	int64_t hour, in_hour;

	/* "2026-11-26T09:00:00.123Z" */
	if (s == NULL || strnlen(s, 25) != 24 || parse_hour(s, &hour) != 0 ||
	    (in_hour = parse_in_hour(s)) < 0)
		return -1;
	*time_ms = hour + in_hour;
	return 0;
}

int
event_parse_time_cached(const char *s, int64_t *time_ms,
    struct event_time_cache *c)
{
	int64_t in_hour;

	if (s == NULL || strnlen(s, 25) != 24 || (in_hour = parse_in_hour(s)) < 0)
		return -1;
	/* the 13 bytes parsed before, so they are a valid date and hour */
	if (c->hour[0] == '\0' || memcmp(s, c->hour, sizeof c->hour) != 0) {
		if (parse_hour(s, &c->hour_ms) != 0) {
			c->hour[0] = '\0';
			return -1;
		}
		memcpy(c->hour, s, sizeof c->hour);
	}
	*time_ms = c->hour_ms + in_hour;
	return 0;
}
