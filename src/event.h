/*
 * event.h -- one journal record.
 *
 * Every change anyone makes is one event, one CSV record of journal.csv
 * (man/convene-journal.5).  The columns are fixed so that any CSV tool can
 * read a journal:
 *
 *   seq,time,actor,terminal,event,id,ref,room,n,text,extra,crc32
 *
 * (the header row names the first column "convene_journal_v1": the schema
 * version).  Each event type uses the generic columns as the table in
 * event.c says; unused columns are empty.  `extra` holds a list as lines
 * separated by LF (poll options; a participant's country, organisation and
 * email).
 *
 * The strings of a struct event are borrowed: in a journal callback they
 * live until the callback returns; state_apply() copies what it keeps.
 * Records read from a journal have every string set ("" when the column
 * is empty, never NULL); when building a batch NULL means "".
 */
#ifndef CONVENE_EVENT_H
#define CONVENE_EVENT_H

#include <stdint.h>

enum event_type {
	EV_UNKNOWN = 0,
	EV_PARTICIPANT,		/* id=pid text=name extra=country\norg\nemail */
	EV_PIN,			/* id=pid extra=crypt(3) hash or "" to clear */
	EV_CHECKIN,		/* id=pid n=day (1-based workshop day);
				   ref=terminal: their own terminal was open
				   as the day started; ref=present / absent:
				   the roll call's word, which holds */
	EV_IDEA,		/* id=idea ref=author pid room text extra=stage */
	EV_IDEA_EDIT,		/* id=idea text */
	EV_IDEA_WITHDRAW,	/* id=idea n=1 withdrawn / 0 restored */
	EV_IDEA_MERGE,		/* id=idea ref=into ("" = unmerge) */
	EV_IDEA_PROMOTE,	/* id=idea n=1 prototype / 0 not */
	EV_IDEA_HIDE,		/* id=idea n=1 hidden / 0 shown */
	EV_ROOM,		/* id=room text=name extra=topic (made or renamed) */
	EV_MOVE,		/* id=pid room ("" = no room) */
	EV_TIMER,		/* room ("" = session timer) ref=action n=seconds
				   action: start (n=length), pause, resume, stop,
				   extend (n=seconds added, may be negative) */
	EV_AGENDA,		/* id=agenda session id now current */
	EV_VOTING_OPEN,		/* id=round room n=budget extra="prototypes"|"" */
	EV_VOTING_CLOSE,	/* id=round n=1 closed / 0 reopened (undo) */
	EV_VOTING_REVEAL,	/* id=round n=1 revealed / 0 hidden (undo) */
	EV_DOT,			/* actor=voter id=idea ref=round n=+dots/-dots */
	EV_MESSAGE,		/* room ("" = everyone) text; n=1 recall everyone,
				   n=2 take down the messages shown; ref=item:
				   it lasts until the agenda next moves ("" =
				   until taken down) */
	EV_QUESTION,		/* id=question ref=agenda session id text */
	EV_UPVOTE,		/* actor=pid id=question */
	EV_QUESTION_MARK,	/* id=question ref=answered|hidden|pinned n=1/0 */
	EV_POLL_OPEN,		/* id=poll ref=agenda session n=kind (0 single,
				   1 multi, 2 scale) text=question extra=options */
	EV_POLL_ANSWER,		/* actor=pid id=poll extra=choices, 1-based */
	EV_POLL_CLOSE,		/* id=poll */
	EV_POLL_REVEAL,		/* id=poll */
	EV_EVAL,		/* actor=pid id=question key n=value text=answer */
	EV_PROJECTOR,		/* ref=all: the wall shows every thread;
				   ref=thread: the current thread (flow.h) */
	EV_PLAN,		/* id=agenda item ref=move (n=day text=HH:MM),
				   length (n=minutes), skip (n=1/0), add (n=day
				   text=title extra=HH:MM\nminutes\nkind) */
	EV_PRESENT,		/* id=agenda item presented ("" = presenting
				   stops) ref=page|case n=block at the top
				   extra=byte offset in that block ("" = 0) */
	EV_TZ,			/* id=pid text=IANA zone ("" = the country's
				 * again): a participant's own time zone in a
				 * workshop delivered online */
	EV_LANG,		/* id=pid text=language code ("" = the
				 * terminal's again): the language a
				 * participant chose on their terminal */
	EV_COUNT
};

struct event {
	uint64_t seq;		/* 1, 2, ... in journal order */
	int64_t time_ms;	/* wall-clock UTC, ms since the epoch */
	const char *actor;	/* pid, "facilitator", "organizer", "sample" */
	const char *terminal;	/* where it was typed: "pts/3:1234", "script" */
	enum event_type type;
	const char *id;
	const char *ref;
	const char *room;
	long n;
	const char *text;
	const char *extra;
	/* Read records: the `event` column as written (the only way to see
	 * the name of an EV_UNKNOWN record).  Ignored when writing: the name
	 * written is event_type_name(type). */
	const char *name;
	/* Where the record starts in journal.csv (bytes), for records read
	 * from or written to a journal: journal_record_at() reads it again.
	 * 0 (the header's place, never a record's) when not known. */
	int64_t offset;
};

/* The journal name of a type ("idea", "dot", ...) and back; EV_UNKNOWN for
 * a name this version does not know (such records are kept, not applied). */
const char *event_type_name(enum event_type type);
enum event_type event_type_from_name(const char *name);

/* Formats time_ms as ISO 8601 UTC with milliseconds,
 * "2026-11-26T09:00:00.123Z", into buf (at least 25 bytes). */
void event_format_time(int64_t time_ms, char *buf, unsigned size);
/* Parses that form back; -1 when it is not exactly that form. */
int event_parse_time(const char *s, int64_t *time_ms);

/* The same, remembering the last hour parsed: a journal's records come in
 * time order, mostly many an hour, and the date and the hour are the
 * costly part (the calendar).  Zero-initialise the cache. */
struct event_time_cache {
	char hour[13];		/* "2026-11-26T09", all 0: empty */
	int64_t hour_ms;	/* that hour's start */
};
int event_parse_time_cached(const char *s, int64_t *time_ms,
    struct event_time_cache *c);

#endif
