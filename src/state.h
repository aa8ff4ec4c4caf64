/*
 * state.h -- the session state, derived only by replaying the journal.
 *
 * Every process builds a struct state by applying each journal record in
 * order with state_apply(); nothing else changes it.  Applying the same
 * journal from empty gives the same state in every process.
 *
 * Ids are short strings made of a letter and a number: p12 (participant),
 * r3 (room), i45 (idea), v2 (voting round), q7 (question), o4 (poll).  The
 * number is the object's index + 1 in its array in every journal without
 * damaged records, and lookups go through a number -> index map, so they
 * are O(1) even when a damaged record left a gap; new ids take the highest
 * number seen + 1 (state_next_number), so a gap never makes an id twice.
 * The format is private to the core (scripts treat ids as opaque).
 *
 * All strings in the state live in the state's own arena and stay valid
 * until state_free(), except idea texts read back from the journal (see
 * state_idea_text); ideas keep no id string, only its number (see
 * state_idea_id).  Pointers to array elements stay valid only until
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
	const char *tz;		/* the zone they chose (a `tz` record), NULL:
				 * their country's (session_participant_zone) */
	const char *lang;	/* the language they chose (a `lang` record),
				 * NULL: none, the terminal's */
	int room;		/* index into rooms, -1 none */
	int64_t joined_at;
	int sample;		/* seeded demo data */
	int room_registered;	/* the room came from the registration list
				   (a move by the organizer, convene import) */
	int unknown;		/* no registration record (damaged): only
				 * the id is known, name "(unknown participant)" */
};

struct room {
	const char *id, *name, *topic;
};

/* Where an idea's current text is (private to the state: read it with
 * state_idea_text()): kept in the state's arena, or, in a state that reads
 * texts on demand (state_texts_on_demand), the journal offset of the
 * record that set it (the idea or its latest edit). */
union idea_text {
	const char *kept;
	int64_t at;
};

/* 40 bytes: a participant's state holds thousands.  The id is kept as its
 * number and written out by state_idea_id(); the stage, the agenda item
 * and the time of the last edit are read with state_idea_stage(),
 * state_idea_agenda() and state_idea_edited_at(). */
struct idea {
	union idea_text text;	/* state_idea_text() reads it */
	int64_t created_at;
	unsigned number;	/* the id's: "i" + number (state_idea_id) */
	int room;		/* -1: plenary */
	int author;		/* participant index, -1: facilitator */
	int merged_into;	/* idea index, -1 */
	unsigned agenda;	/* private: the agenda item's number, 0 none */
	unsigned edits : 16;	/* saturates at 65,535 */
	unsigned stage : 3;	/* private: a design stage's number */
	unsigned prototype : 1, hidden : 1, withdrawn : 1, sample : 1;
	unsigned text_in_journal : 1;	/* 1: text.at, 0: text.kept */
};
#define IDEA_EDITS_MAX 65535u

/* An id written out, by value, so that no string need be kept per object:
 * a letter and any unsigned number fit.  state_idea_id(st, i).s lives
 * until the end of the full expression that holds the call (C11 6.2.4p8):
 * use it there (a printf argument, a strcmp), or keep the struct itself. */
struct state_id {
	char s[12];
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

/* One voter's dots on one idea in a round, as round_tally() gives it (the
 * round stores it more compactly). */
struct dot_tally {
	int idea, voter;	/* indexes */
	int dots;		/* net dots of this voter on this idea */
	int64_t cast_at;	/* last change */
};

struct round_index;		/* private to state_votes.c: the tally */

struct round {
	const char *id;
	int room;		/* -1: plenary */
	int budget, prototypes_only;
	/* A prototype round's ballot, fixed when it opened: the numbers of
	 * the ideas on it, ascending (in the state's arena), and where they
	 * came from (a thread, or NULL: every prototype).  nballot 0 and
	 * ballot NULL: no fixed ballot (rounds before convene 0.2). */
	const unsigned *ballot;
	size_t nballot;
	const char *from;
	int open, revealed;
	int64_t opened_at, closed_at, revealed_at;
	size_t ntally;		/* tallies: one per voter and idea with dots
				   != 0 ever (round_tally) */
	struct round_index *ix;
};

struct agenda_visit {		/* the agenda moved to `agenda_id` at `at`;
				   "" when an undo went back to before the
				   first item */
	const char *agenda_id;
	int64_t at;
};

struct checkin {		/* a participant seen on a workshop day */
	int participant, day;
	int64_t first_seen, last_seen;
	unsigned contributions;	/* ideas, dots, questions, answers that day */
	/* The roll call marked them absent that day: it holds, whatever
	 * they do, until the roll call marks them present again. */
	int absent;
};

struct message {
	int room;		/* -1: everyone */
	const char *text;
	int recall;
	int64_t at;
	/* It lasts for its item: it goes when the agenda next moves, i.e.
	 * once nvisits is no longer `visits`.  0: until taken down. */
	int for_item;
	size_t visits;
	int down;		/* taken down (convene message --clear) */
};

struct question {
	const char *id, *text, *agenda_id;
	int author;
	int answered, hidden, pinned;
	int64_t asked_at;
	int *upvoters;		/* participant indexes */
	size_t nupvoters, capupvoters;
};

/* Who answered a poll and what they chose (options past the 32nd are
 * counted in the poll's answers but not marked here). */
struct poll_voter {
	int participant;	/* index */
	unsigned chose;		/* bit i: option i */
};

struct poll {
	const char *id, *question, *agenda_id;
	int kind;		/* POLL_SINGLE, POLL_MULTI, POLL_SCALE */
	const char **options;	/* scale: "1".."5" */
	size_t noptions;
	int open, revealed;
	int64_t opened_at;
	unsigned *answers;	/* count per option */
	struct poll_voter *voters;	/* in the order they answered */
	size_t nvoters, capvoters;
};
enum { POLL_SINGLE, POLL_MULTI, POLL_SCALE };

struct eval_answer {
	int participant;
	const char *question, *text;
	long value;
	int64_t at;
};

/* A change to the plan during the workshop (plan.h): the frozen module is
 * untouched; the session's view of the agenda follows these. */
enum plan_action { PLAN_MOVE, PLAN_LENGTH, PLAN_SKIP, PLAN_ADD };
struct plan_change {
	const char *item;	/* the agenda item's id */
	enum plan_action action;
	int day, start_min;	/* MOVE, ADD */
	int minutes;		/* LENGTH, ADD */
	int on;			/* SKIP: 1 skipped, 0 not */
	int kind;		/* ADD: an enum session_kind */
	const char *title;	/* ADD */
};

/* What is presented (`present` records): the page of an agenda item or of
 * its case study, and the presenter's place in it.  The place does not
 * depend on anyone's terminal width: the Markdown block at the top of the
 * presenter's view (0-based, in the page as page.h builds it) and the byte
 * offset, in that block's text without its styles, where the top line
 * starts (-1: the blank row above the block).  Every terminal lays the page out at its own width and puts the
 * line holding that byte at its top. */
struct presenting {
	const char *item;	/* the agenda item; NULL: not presenting */
	int is_case;		/* its case study's page, not the item's */
	long block, offset;
	/* present records applied: a follower sees every move, even back
	 * to the same place */
	unsigned long moves;
};

/* A record that was in the journal but failed its check (reported). */
struct bad_record {
	unsigned long line;
	const char *why;
};

#define STATE_ARRAY(type, name) type *name; size_t n##name, cap##name

struct state_index;		/* private to state.c: id maps and the like */
struct state_texts;		/* private to state_texts.c: texts on demand */

struct state {
	struct arena *arena;
	struct state_index *ix;
	struct state_texts *texts;	/* NULL: every text is kept */
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
	STATE_ARRAY(struct plan_change, plan);
	STATE_ARRAY(struct bad_record, bad);

	const char *agenda_id;	/* current agenda session, NULL before any */
	/* 1 when agenda_id was ended (`convene agenda end`) and nothing has
	 * started since: no item runs; the next one is after agenda_id. */
	int agenda_ended;
	/* The projector's wall shows every thread (`projector` ref=all), not
	 * the current one. */
	int projector_all;
	struct presenting present;
	int current_round;	/* index of the open or last round, -1 none */
	uint64_t last_seq;
	int64_t last_time;
	unsigned long unknown_events;	/* of types this version doesn't know */

	/* Set by the caller before replay (from session.ini and the module);
	 * used to derive days and stages. */
	int64_t day1_midnight_ms;	/* local midnight of day 1, in UTC ms */
	int anonymous, no_self_votes, default_budget;
	/* Local midnights of day 1, 2, ... (state_set_days), so that days
	 * follow the zone's calendar; owned by the state. */
	int64_t *day_starts;
	size_t nday_starts;
	/* The time of the last record of each workshop day (index = day,
	 * 1..STATE_DAYS_MAX; 0: nothing that day): read it with
	 * state_day_last_activity(). */
	int64_t *day_last;
	size_t nday_last;
	/* Per workshop day, when the session timer set that day was due to
	 * reach zero as last set (its stop or pause time once stopped or
	 * paused); read with state_day_timer_end().  Sized as day_last. */
	int64_t *day_timer_end;

	/* Called after each record is applied, NULL: nobody.  A terminal
	 * following the journal notes there what changed (changes.h), to
	 * redraw only what shows it.  Set after the first replay. */
	void (*applied)(const struct state *st, const struct event *ev,
	    void *ctx);
	void *applied_ctx;
};
#define STATE_DAYS_MAX 366

struct state *state_new(void);
void state_free(struct state *st);

/* Applies one record.  Records that reference unknown objects are counted
 * in unknown_events and otherwise ignored: replay never fails. */
void state_apply(struct state *st, const struct event *ev);
/* Records a bad record (journal_bad_fn-compatible, ctx = state). */
void state_note_bad(unsigned long line, const char *why, void *st);
/* journal_record_fn-compatible wrapper (ctx = state). */
void state_apply_cb(const struct event *ev, void *st);
/* journal_peek_fn-compatible (ctx = state): prefetches the idea or
 * question a record being parsed names, so that replaying overlaps the
 * cache misses of objects named at random with parsing. */
void state_peek_id(const char *id, size_t len, void *st);

/* Lookups by id; -1 when unknown. */
int state_participant(const struct state *st, const char *id);
int state_room(const struct state *st, const char *id);
/* How people call room index `room`: its name, else its id; "plenary"
 * (translated) for -1 or an index that is not a room. */
const char *state_room_label(const struct state *st, int room);
int state_idea(const struct state *st, const char *id);
/* The id of idea index `idea` ("i12"); "" for an index that is not an
 * idea. */
struct state_id state_idea_id(const struct state *st, int idea);
/* The same from the idea itself (one of st->ideas). */
struct state_id state_id_of_idea(const struct idea *it);
/* An id of kind `kind` ('p', 'i'...) and number `number` >= 1, as the
 * state writes it. */
struct state_id state_make_id(char kind, unsigned number);
int state_round(const struct state *st, const char *id);
int state_question(const struct state *st, const char *id);
int state_poll(const struct state *st, const char *id);

/* The timer of a room (-1: session), NULL if it never ran. */
const struct timer *state_timer(const struct state *st, int room);
/* The timer of a room (-1: session) as the screens show it at `now`:
 * running or paused, and started on the same workshop day as `now` (a
 * timer left running overnight ended with its day); else NULL. */
const struct timer *state_timer_live(const struct state *st, int room,
    int64_t now);
/* Remaining ms at `now` (negative once overrun). */
int64_t timer_remaining_ms(const struct timer *t, int64_t now);

/* Dots a voter has spent in a round; dots on an idea in a round (all
 * voters); number of distinct voters with dots > 0 on an idea. */
int round_spent(const struct round *r, int voter);
int round_idea_dots(const struct round *r, int idea);
int round_idea_voters(const struct round *r, int idea);
int round_voters(const struct round *r);	/* voters with any dot */

/* The workshop day (1-based) of a UTC time: from day_starts when set,
 * else from day1_midnight_ms in steps of 24 hours.  0 or less before day 1;
 * 1 when neither is set. */
int state_day_of(const struct state *st, int64_t time_ms);

/* The time of the last record of a workshop day, 0 when it had none. */
int64_t state_day_last_activity(const struct state *st, int day);
/* When the session timer last set on a workshop day was due to reach zero
 * (a timer left running at night: the room followed it that long), or
 * when it was stopped or paused; 0 when no timer was set that day. */
int64_t state_day_timer_end(const struct state *st, int day);

/* Copies the local midnights of day 1..n (UTC ms, ascending) into the state
 * and sets day1_midnight_ms to the first.  Call before replay. */
void state_set_days(struct state *st, const int64_t *starts, size_t n);

/* The number the next object of a kind gets: the highest number seen + 1.
 * kind: 'p', 'r', 'i', 'v', 'q', 'o'. */
unsigned state_next_number(const struct state *st, char kind);

/* The open voting round, or -1.  (One round is open at a time.) */
int state_open_round(const struct state *st);
/* 1 when the round covers the idea: the round is for the plenary or the
 * idea's room, and the idea is a prototype when the round is for
 * prototypes only (on its ballot, when it has one).  Hidden, withdrawn and merged ideas are covered too;
 * the vote rules refuse them with their own reasons. */
int round_covers(const struct state *st, const struct round *r, int idea);
/* Net dots of one voter on one idea in a round. */
int round_voter_dots(const struct round *r, int voter, int idea);
/* Tally i (0 <= i < r->ntally) of a round; { -1, -1, 0, 0 } out of range.
 * Indexes hold until the next state_apply().  Within one idea the tallies
 * come in the order they were first cast (votes.csv breaks ties on it);
 * across ideas in no particular order.
 *
 * Costs: a dot on an open round O(1); round_spent and round_voters O(1);
 * on a closed round (sorted by idea) round_voter_dots, round_idea_dots and
 * round_idea_voters O(log T + the idea's voters); on an open round the
 * first O(1), the other two O(T), for T tallies. */
struct dot_tally round_tally(const struct round *r, size_t i);

/* The design stage an idea was written in ("" none; never NULL), the
 * agenda item it was written under (NULL none), when it was last edited
 * (0 never).  Borrowed from the state until state_free(). */
const char *state_idea_stage(const struct state *st, int idea);
const char *state_idea_agenda(const struct state *st, int idea);
int64_t state_idea_edited_at(const struct state *st, int idea);

/* --- idea texts on demand ---------------------------------------------
 *
 * A participant terminal shows a screenful of ideas out of thousands, so it
 * need not keep every text: a state told so before replay keeps, for each
 * idea whose record came from a journal (event.offset known), only where
 * its current text is, and reads it back when it is asked for, into a
 * small cache.  Every other state keeps every text, as before.
 *
 * The loader reads the one record at `offset` again and hands it to
 * on_record (the shape of journal_record_at with the journal as
 * loader_ctx); 0, or -1 with *err (the caller frees it). */
typedef void (*state_record_fn)(const struct event *ev, void *ctx);
typedef int (*state_text_loader)(void *loader_ctx, int64_t offset,
    state_record_fn on_record, void *ctx, char **err);

/* Texts kept read back: two screenfuls of a 100 x 30 terminal (one idea a
 * row), so that a list, its highlighted idea and a page up and down again
 * read nothing twice.  Bounded: ideas written by convene are at most 1,000
 * characters (TEXT_MAX_CHARS), so 256 KiB at worst, a few KiB usually. */
#define STATE_TEXT_CACHE 64

/* Turns on texts on demand, with the loader to read them: call before
 * replay (records applied before keep their texts).  The loader and its
 * context must outlive the state. */
void state_texts_on_demand(struct state *st, state_text_loader load,
    void *loader_ctx);
/* From now on (after the replay at start), the text of each idea or edit
 * record applied goes into the cache as if read back: a follower draws a
 * new idea without reading its record twice. */
void state_texts_keep_new(struct state *st);
/* An idea's current text; never NULL.  Kept texts stay valid until
 * state_free(); a text read back stays valid for at least the next
 * STATE_TEXT_CACHE - 1 calls of state_idea_text() (a screen uses it at
 * once, two can be compared): copy it to keep it longer (undo, an edit
 * prompt).  When the record cannot be read back any more (the journal was
 * changed or replaced, an I/O error) it is a translated placeholder,
 * "(text unavailable)", and the next call tries again.  Reading back
 * uses the journal: from a callback of journal_read or journal_append's
 * catching up (state_apply) it cannot, and gives the placeholder. */
const char *state_idea_text(const struct state *st, int idea);
/* The same, but NULL where state_idea_text() gives the placeholder: for
 * what must not take the placeholder for the text (an edit starts from
 * the text). */
const char *state_idea_text_if_readable(const struct state *st, int idea);
/* How many texts were read back so far (for tests and benchmarks). */
unsigned long state_texts_loaded(const struct state *st);

/* The message a terminal of `room` (-1: the plenary) shows: the newest for
 * everyone or that room that is still up (not taken down, and, for one
 * that lasts for its item, the agenda not moved since); NULL for none. */
const struct message *state_live_message(const struct state *st, int room);

/* 1 when a participant is present on a day: checked in or active, and not
 * marked absent by the roll call. */
int state_present(const struct state *st, int participant, int day);

/* The check-in (or first activity) of a participant on a day, or NULL. */
const struct checkin *state_checkin(const struct state *st, int participant,
    int day);

/* 1 when the participant has upvoted the question / answered the poll /
 * answered the evaluation question (key). */
int question_upvoted(const struct question *q, int participant);
int poll_answered(const struct poll *p, int participant);
/* The options a participant chose in a poll (bit i: option i), 0 when
 * they did not answer. */
unsigned poll_chose(const struct poll *p, int participant);
int state_eval_answered(const struct state *st, int participant,
    const char *question);

#endif
