/*
 * changes.h -- what a batch of journal records changed, as a terminal asks
 * it: "did anything that I show change?"
 *
 * A terminal following the journal applies each new record to its state;
 * most of them change nothing it shows (another room's idea on a
 * participant's board).  Noting, for every record applied, which kind of
 * thing it touched and, for the kinds that belong to a room, which room,
 * lets each screen answer that question in a few instructions instead of
 * rebuilding and redrawing itself (and waking the terminal's link).
 *
 * The answer errs on one side only: a record this version cannot place
 * (an unknown type, a room past the 63 it tells apart) counts as touching
 * everything, so a screen may redraw for nothing but never misses a change.
 *
 * Use: changes_start once with the state as replayed, then changes_note
 * after each state_apply (state.h's `applied` hook), then ask with
 * changes_any / changes_in, then changes_clear.  No allocation: a struct
 * changes is plain data that the caller owns.
 */
#ifndef CONVENE_CHANGES_H
#define CONVENE_CHANGES_H

#include <stddef.h>
#include <stdint.h>

struct event;
struct state;

/* The kinds of things a record touches; a bit set. */
enum change_kind {
	CHANGE_NEW_IDEAS = 1 << 0,	/* an idea added (its room) */
	CHANGE_VOTES = 1 << 1,		/* dots (the idea's room) */
	CHANGE_ROUNDS = 1 << 2,		/* voting opened, closed, revealed
					   (the round's room) */
	CHANGE_TIMERS = 1 << 3,		/* a timer (its room; the session's:
					   the plenary) */
	CHANGE_MESSAGES = 1 << 4,	/* a message (its room; everyone's: the
					   plenary) */
	CHANGE_PEOPLE = 1 << 5,		/* participants, rooms, moves, PINs,
					   zones */
	CHANGE_PRESENCE = 1 << 6,	/* who is here today: check-ins, the
					   roll call, a first activity */
	CHANGE_AGENDA = 1 << 7,		/* the current item, the plan, the
					   projector's thread */
	CHANGE_QUESTIONS = 1 << 8,
	CHANGE_POLLS = 1 << 9,
	CHANGE_EVAL = 1 << 10,
	CHANGE_PRESENT = 1 << 11,	/* the presented page or place */
	CHANGE_OTHER = 1 << 12,		/* what this version cannot place */
	CHANGE_IDEA_EDITS = 1 << 13	/* an idea edited, withdrawn, merged,
					   promoted, hidden (its room) */
};
#define CHANGE_NKINDS 14
/* Any change to ideas: added or changed. */
#define CHANGE_IDEAS (CHANGE_NEW_IDEAS | CHANGE_IDEA_EDITS)
#define CHANGE_ALL ((1u << CHANGE_NKINDS) - 1)

struct changes {
	unsigned kinds;			/* what changed since changes_clear */
	/* Per kind, the rooms it changed in: bit r + 1 for room index r,
	 * bit 0 for the plenary (-1), bit 63 for every room. */
	uint64_t rooms[CHANGE_NKINDS];
	size_t ncheckins, nparticipants;	/* as last seen */
};

/* Empty, the counts taken from st (as replayed so far). */
void changes_start(struct changes *c, const struct state *st);
/* Nothing changed (the counts are kept). */
void changes_clear(struct changes *c);
/* Notes what record ev, just applied to st, touched. */
void changes_note(struct changes *c, const struct state *st,
    const struct event *ev);
/* state.h's `applied` hook: ctx is the struct changes. */
void changes_note_cb(const struct state *st, const struct event *ev,
    void *ctx);

/* 1 when anything of kinds changed, wherever. */
int changes_any(const struct changes *c, unsigned kinds);
/* 1 when anything of kinds changed in room (-1: the plenary), or in every
 * room. */
int changes_in(const struct changes *c, unsigned kinds, int room);

#endif
