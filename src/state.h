/*
 * state.h -- the session state, derived only by replaying the journal.
 *
 * Every process builds a struct state by applying each journal record in
 * order with state_apply(); nothing else changes it.  Applying the same
 * journal from empty gives the same state in every process.
 *
 * Ids are short strings made of a letter and a number: p12 (participant),
 * r3 (room), i45 (idea), v2 (voting round), q7 (question), o4 (poll).  The
 * number is the object's index + 1 in its array, so lookups are O(1); the
 * format is private to the core (scripts treat ids as opaque).
 *
 * All strings in the state live in the state's own arena and stay valid
 * until state_free().  Pointers to array elements stay valid only until
 * the next state_apply() (arrays grow).
 */
#ifndef CONVENE_STATE_H
#define CONVENE_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

struct arena;

struct participant {
	const char *id, *name, *country, *org, *email;
	const char *pin_hash;	/* NULL: no PIN */
	int room;		/* index into rooms, -1 none */
	int64_t joined_at;
	int sample;		/* seeded demo data */
};

struct room {
	const char *id, *name, *topic;
};

struct idea {
	const char *id, *text, *stage, *agenda_id;
	int room;		/* -1: plenary */
	int author;		/* participant index, -1: facilitator */
	int merged_into;	/* idea index, -1 */
	int prototype, hidden, withdrawn, sample;
	unsigned edits;
	int64_t created_at, edited_at;
};

/* A timer's remaining time is derived from timestamps (timer_remaining_ms),
 * so it is right in every process and after a restart. */
struct timer {
	int room;		/* -1: the session timer */
	int state;		/* TIMER_IDLE, TIMER_RUNNING, TIMER_PAUSED */
	int64_t length_ms;	/* set by start, changed by extend */
	int64_t elapsed_ms;	/* run time before the current run */
	int64_t run_since;	/* start of the current run, when running */
	int64_t started_at, stopped_at;
};
enum { TIMER_IDLE, TIMER_RUNNING, TIMER_PAUSED };

struct dot_tally {
	int idea, voter;	/* indexes */
	int dots;		/* net dots of this voter on this idea */
	int64_t cast_at;	/* last change */
};

struct round {
	const char *id;
	int room;		/* -1: plenary */
	int budget, prototypes_only;
	int open, revealed;
	int64_t opened_at, closed_at, revealed_at;
	struct dot_tally *tally;	/* one per voter and idea with dots != 0 ever */
	size_t ntally, captally;
};

struct agenda_visit {		/* the agenda moved to `agenda_id` at `at` */
	const char *agenda_id;
	int64_t at;
};

struct checkin {		/* a participant seen on a workshop day */
	int participant, day;
	int64_t first_seen, last_seen;
	unsigned contributions;	/* ideas, dots, questions, answers that day */
};

struct message {
	int room;		/* -1: everyone */
	const char *text;
	int recall;
	int64_t at;
};

struct question {
	const char *id, *text, *agenda_id;
	int author;
	int answered, hidden, pinned;
	int64_t asked_at;
	int *upvoters;		/* participant indexes */
	size_t nupvoters, capupvoters;
};

struct poll {
	const char *id, *question, *agenda_id;
	int kind;		/* POLL_SINGLE, POLL_MULTI, POLL_SCALE */
	const char **options;	/* scale: "1".."5" */
	size_t noptions;
	int open, revealed;
	int64_t opened_at;
	unsigned *answers;	/* count per option */
	int *voters;		/* participant indexes who answered */
	size_t nvoters, capvoters;
};
enum { POLL_SINGLE, POLL_MULTI, POLL_SCALE };

struct eval_answer {
	int participant;
	const char *question, *text;
	long value;
	int64_t at;
};

/* A record that was in the journal but failed its check (reported). */
struct bad_record {
	unsigned long line;
	const char *why;
};

#define STATE_ARRAY(type, name) type *name; size_t n##name, cap##name

struct state {
	struct arena *arena;
	STATE_ARRAY(struct participant, participants);
	STATE_ARRAY(struct room, rooms);
	STATE_ARRAY(struct idea, ideas);
	STATE_ARRAY(struct timer, timers);	/* [0] is the session timer */
	STATE_ARRAY(struct round, rounds);
	STATE_ARRAY(struct agenda_visit, visits);
	STATE_ARRAY(struct checkin, checkins);
	STATE_ARRAY(struct message, messages);
	STATE_ARRAY(struct question, questions);
	STATE_ARRAY(struct poll, polls);
	STATE_ARRAY(struct eval_answer, evals);
	STATE_ARRAY(struct bad_record, bad);

	const char *agenda_id;	/* current agenda session, NULL before any */
	int current_round;	/* index of the open or last round, -1 none */
	uint64_t last_seq;
	int64_t last_time;
	unsigned long unknown_events;	/* of types this version doesn't know */

	/* Set by the caller before replay (from session.ini and the module);
	 * used to derive days and stages. */
	int64_t day1_midnight_ms;	/* local midnight of day 1, in UTC ms */
	int anonymous, no_self_votes, default_budget;
};

struct state *state_new(void);
void state_free(struct state *st);

/* Applies one record.  Records that reference unknown objects are counted
 * in unknown_events and otherwise ignored: replay never fails. */
void state_apply(struct state *st, const struct event *ev);
/* Records a bad record (journal_bad_fn-compatible, ctx = state). */
void state_note_bad(unsigned long line, const char *why, void *st);
/* journal_record_fn-compatible wrapper (ctx = state). */
void state_apply_cb(const struct event *ev, void *st);

/* Lookups by id; -1 when unknown. */
int state_participant(const struct state *st, const char *id);
int state_room(const struct state *st, const char *id);
int state_idea(const struct state *st, const char *id);
int state_round(const struct state *st, const char *id);
int state_question(const struct state *st, const char *id);
int state_poll(const struct state *st, const char *id);

/* The timer of a room (-1: session), NULL if it never ran. */
const struct timer *state_timer(const struct state *st, int room);
/* Remaining ms at `now` (negative once overrun). */
int64_t timer_remaining_ms(const struct timer *t, int64_t now);

/* Dots a voter has spent in a round; dots on an idea in a round (all
 * voters); number of distinct voters with dots > 0 on an idea. */
int round_spent(const struct round *r, int voter);
int round_idea_dots(const struct round *r, int idea);
int round_idea_voters(const struct round *r, int idea);
int round_voters(const struct round *r);	/* voters with any dot */

/* The workshop day (1-based) of a UTC time, from day1_midnight_ms. */
int state_day_of(const struct state *st, int64_t time_ms);

#endif
