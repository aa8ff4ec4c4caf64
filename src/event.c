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
};

/* The same names in strcmp order, for a binary search while replaying.
 * test_event checks that every name maps back to its type, which fails if
 * this order is ever broken. */
static const struct {
	const char *name;
	enum event_type type;
} names_sorted[] = {
	{ "agenda", EV_AGENDA },
	{ "checkin", EV_CHECKIN },
	{ "dot", EV_DOT },
	{ "eval", EV_EVAL },
	{ "idea", EV_IDEA },
	{ "idea_edit", EV_IDEA_EDIT },
	{ "idea_hide", EV_IDEA_HIDE },
	{ "idea_merge", EV_IDEA_MERGE },
	{ "idea_promote", EV_IDEA_PROMOTE },
	{ "idea_withdraw", EV_IDEA_WITHDRAW },
	{ "message", EV_MESSAGE },
	{ "move", EV_MOVE },
	{ "participant", EV_PARTICIPANT },
	{ "pin", EV_PIN },
	{ "poll_answer", EV_POLL_ANSWER },
	{ "poll_close", EV_POLL_CLOSE },
	{ "poll_open", EV_POLL_OPEN },
	{ "poll_reveal", EV_POLL_REVEAL },
	{ "question", EV_QUESTION },
	{ "question_mark", EV_QUESTION_MARK },
	{ "room", EV_ROOM },
	{ "timer", EV_TIMER },
	{ "upvote", EV_UPVOTE },
	{ "voting_close", EV_VOTING_CLOSE },
	{ "voting_open", EV_VOTING_OPEN },
	{ "voting_reveal", EV_VOTING_REVEAL },
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
	size_t lo = 0, hi = NELEM(names_sorted), mid;
	int cmp;

	if (name == NULL)
		return EV_UNKNOWN;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		cmp = strcmp(name, names_sorted[mid].name);
		if (cmp == 0)
			return names_sorted[mid].type;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
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

/* The value of n decimal digits at s, or -1 when one is not a digit. */
static int
digits(const char *s, int n)
{
	int v = 0;

	while (n-- > 0) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s++ - '0');
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

int
event_parse_time(const char *s, int64_t *time_ms)
{
	static const unsigned char mdays[] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, mo, d, h, mi, sec, ms, dim;

	/* "2026-11-26T09:00:00.123Z": length and punctuation, then digits. */
	if (s == NULL || strnlen(s, 25) != 24 || s[4] != '-' || s[7] != '-' ||
	    s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != '.' ||
	    s[23] != 'Z')
		return -1;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	d = digits(s + 8, 2);
	h = digits(s + 11, 2);
	mi = digits(s + 14, 2);
	sec = digits(s + 17, 2);
	ms = digits(s + 20, 3);
	if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec > 59 || ms < 0)
		return -1;
	dim = mdays[mo - 1] + (mo == 2 && is_leap(y));
	if (d > dim)
		return -1;
	*time_ms = ((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60000 +
	    (int64_t)sec * 1000 + ms;
	return 0;
}
