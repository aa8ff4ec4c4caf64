/*
 * undo.h -- what a terminal's `u` takes back, and how.
 *
 * Nothing is ever removed from the journal: undoing an action appends the
 * record that reverses it (an idea hidden is shown again, a merge is undone,
 * a dot is taken back, the agenda steps back, a timer change is reverted).
 * Each terminal keeps its own stack of what it did, so `u` on one console
 * never takes back what another console did.
 *
 * The table of what reverses what (undo_reverse) is plain data and unit
 * tested; undo_do runs an action through the commands of commands.h and
 * remembers it together with what it changed (the text before an edit, the
 * agenda item before a step, the room before a move), read from the state
 * as it was just before the action.
 *
 * Can be undone: adding an idea (withdraws it), editing, withdrawing,
 * hiding, promoting and merging an idea, a dot cast or taken back, a timer
 * started (stops it), paused, resumed or extended, an agenda step, voting
 * opened, closed or revealed, a participant moved, a room renamed or given
 * a topic.  Cannot: a timer stopped, rooms made, a message sent, a check-in,
 * a registration (undo_reverse says -1 and the stack does not keep them).
 */
#ifndef CONVENE_UNDO_H
#define CONVENE_UNDO_H

#include <stddef.h>

#include "commands.h"

enum undo_kind {
	UNDO_NONE,
	UNDO_IDEA_ADD,		/* actor, room, text; id: the new idea */
	UNDO_IDEA_EDIT,		/* actor, id, text; prev: the text before */
	UNDO_IDEA_WITHDRAW,	/* actor, id, n: 1 withdraw / 0 restore */
	UNDO_IDEA_HIDE,		/* id, n: 1 hide / 0 show */
	UNDO_IDEA_PROMOTE,	/* id, n: 1 prototype / 0 not */
	UNDO_IDEA_MERGE,	/* id, ref: into ("" unmerge); prev: into before */
	UNDO_DOT,		/* actor, id: idea, n: dots (> 0 cast, < 0 back) */
	UNDO_TIMER,		/* room ("" session), timer, n: seconds */
	UNDO_AGENDA,		/* move, ref: id for AGENDA_GOTO; prev: before,
				   restore: the timer and end before */
	UNDO_VOTING_OPEN,	/* room, n: budget, prototypes; id: the round */
	UNDO_VOTING_CLOSE,	/* n: 1 close / 0 reopen */
	UNDO_VOTING_REVEAL,	/* n: 1 reveal / 0 hide the results */
	UNDO_MOVE,		/* id: participant, ref: room ("" none); prev */
	UNDO_ROOM_SET,		/* id: room, text: name, ref: topic;
				   prev, prev_topic: the name and topic before */
	UNDO_MESSAGE,		/* room ("" everyone), text, n: message_kind */
	UNDO_ROOMS_MAKE,	/* n: rooms, prototypes: balance by country */
	UNDO_CHECKIN,		/* id: participant */
	UNDO_KIND_COUNT
};

/*
 * One action.  Strings are borrowed by the functions that take a const
 * struct undo_action; NULL means "" everywhere.  `prev` and `prev_n` are
 * filled by undo_do from the state before the action runs.
 */
struct undo_action {
	enum undo_kind kind;
	const char *actor;	/* participant id or ACTOR_FACILITATOR */
	const char *id, *ref, *room, *text;
	long n;
	enum timer_action timer;
	enum agenda_move move;
	int prototypes;		/* UNDO_VOTING_OPEN: prototypes only;
				   UNDO_ROOMS_MAKE: balance by country */
	/* What the action changed, as it was before. */
	const char *prev, *prev_topic;
	long prev_n;
	/* UNDO_AGENDA: the session timer before the move (its reverse puts
	 * it back, cmd_agenda_restore); `restoring` marks that reverse. */
	struct agenda_restore restore;
	int restoring;
};

/* The action that reverses `done` into *rev (its strings point into done);
 * 0, or -1 when the action cannot be undone.  Pure: no state, no journal. */
int undo_reverse(const struct undo_action *done, struct undo_action *rev);

/* Runs one action through commands.h.  Returns as the command does: 0 done,
 * 1 refused by a rule, 3 data or I/O error, with *err (caller frees).
 * `new_id` (may be NULL) receives the id of an idea added or a round opened
 * (caller frees). */
int undo_perform(struct session *s, const struct undo_action *a,
    char **new_id, char **err);

/* A short description for a person, before _(): "hide an idea". */
const char *undo_describe(enum undo_kind kind);

/* This terminal's stack of actions, the newest on top; at most `limit`
 * entries (the oldest are forgotten). */
struct undo_stack;

struct undo_stack *undo_stack_new(size_t limit);
void undo_stack_free(struct undo_stack *u);
size_t undo_depth(const struct undo_stack *u);

/* Fills in what the action is about to change from the session's state
 * (prev, prev_topic, prev_n), runs it, and when it succeeds and can be
 * undone, pushes a copy.  Returns as undo_perform. */
int undo_do(struct undo_stack *u, struct session *s,
    const struct undo_action *a, char **err);

/* Takes back the newest action: runs its reverse.  Returns 0 done (*what,
 * when not NULL, gets undo_describe of what was undone, a static string),
 * 1 with *err when there is nothing to undo or a rule refuses the reverse
 * (then the action is dropped: it can no longer be taken back), 3 with *err
 * on an I/O error (the action stays, so `u` can be tried again). */
int undo_undo(struct undo_stack *u, struct session *s, const char **what,
    char **err);

#endif
