/*
 * commands.h -- every action anyone can take, with its rules.
 *
 * A command validates against the state as of the journal lock and appends
 * its records (session_append), or refuses and writes nothing.  The command
 * line verbs and the screens call these; nothing else writes the journal.
 *
 * Every function returns 0 done, 1 refused by a rule, 3 data or I/O error;
 * on 1 and 3, *err is a message for a person (caller frees).  `new_id`, where
 * present and not NULL, receives the id of what was created (caller frees).
 * `actor` is a participant id, or ACTOR_FACILITATOR for facilitator actions.
 */
#ifndef CONVENE_COMMANDS_H
#define CONVENE_COMMANDS_H

#include <stddef.h>
#include <stdint.h>

#include "session.h"

#define ACTOR_FACILITATOR "facilitator"
#define ACTOR_ORGANIZER "organizer"
#define ACTOR_SAMPLE "sample"

/* The longest idea, question or message, in characters (code points). */
#define TEXT_MAX_CHARS 1000
#define NAME_MAX_CHARS 100

enum timer_action { TIMER_START, TIMER_PAUSE, TIMER_RESUME, TIMER_STOP,
	TIMER_EXTEND };
enum agenda_move { AGENDA_NEXT, AGENDA_PREV, AGENDA_GOTO, AGENDA_END };

/* The rules for text people write, shared with import and the screens.
 * Each returns 0, or 1 with *err naming the rule ("the idea is 1,234
 * characters: the longest is 1,000").  `what` names the text in the
 * message.
 *   cmd_check_text: ideas, questions, messages: valid UTF-8, not blank, at
 *     most TEXT_MAX_CHARS characters (line breaks allowed).
 *   cmd_check_name: names, organisations, options: valid UTF-8, no control
 *     characters, at most max_chars; empty allowed unless `required`. */
int cmd_check_text(const char *what, const char *text, char **err);
int cmd_check_name(const char *what, const char *name, size_t max_chars,
    int required, char **err);
/* A participant's details: name required, country by code or English name
 * (*code gets the ISO code, a static string), organisation and email
 * optional.  0, or 1 with *err. */
int cmd_check_person(const char *name, const char *country, const char *org,
    const char *email, const char **code, char **err);
/* The participant registered with this email (ignoring case), or -1. */
int cmd_email_owner(const struct state *st, const char *email);

/* actor: ACTOR_ORGANIZER when NULL (ACTOR_SAMPLE marks demo people). */
int cmd_participant(struct session *s, const char *actor, const char *name,
    const char *country, const char *org, const char *email, char **new_id,
    char **err);
/* Present today: only on the workshop's days 1..module days; a second
 * check-in the same day is done and writes nothing. */
int cmd_checkin(struct session *s, const char *pid, char **err);
/* The roll call: the facilitator says pid is present (1) or absent (0)
 * today; the word holds over their own check-ins and activity until the
 * roll call says otherwise.  Only on a workshop day. */
int cmd_rollcall(struct session *s, const char *pid, int present,
    char **err);
/* A participant's own time zone in a workshop delivered online (an IANA
 * name the zone database knows; NULL or "": their country's again);
 * refused in a room, where everyone keeps the workshop's. */
/* The language a participant chose on their terminal (a code as
 * i18n_code_valid says; NULL or "": none, the terminal's own again):
 * their next terminal opens in it.  Any code is recorded, with or without
 * a catalogue here: the journal may travel to a host that has one. */
int cmd_set_lang(struct session *s, const char *pid, const char *code,
    char **err);
int cmd_set_tz(struct session *s, const char *pid, const char *zone,
    char **err);
/* pin: 4 to 8 digits, stored as a crypt(3) hash; NULL or "" clears it. */
int cmd_set_pin(struct session *s, const char *pid, const char *pin,
    char **err);

/* by: a participant id or ACTOR_FACILITATOR.  room NULL: the author's room
 * (the plenary board when none); a participant writes only on their own
 * room's board.  The idea takes the design stage of the current agenda
 * item. */
int cmd_idea(struct session *s, const char *by, const char *room,
    const char *text, char **new_id, char **err);
/* Edits and withdrawals (withdraw 0 restores): by the author or
 * ACTOR_FACILITATOR; an edit must change the text. */
int cmd_idea_edit(struct session *s, const char *actor, const char *idea,
    const char *text, char **err);
int cmd_idea_withdraw(struct session *s, const char *actor, const char *idea,
    int withdraw, char **err);
/* The facilitator's.  Merge: not into itself, not an idea merged already,
 * not into an idea that is itself merged (no chains, no cycles); into NULL
 * unmerges (the undo).  Promote and hide set a flag that must change (on 0
 * is the undo). */
int cmd_idea_merge(struct session *s, const char *idea, const char *into,
    char **err);		/* into NULL: unmerge */
int cmd_idea_promote(struct session *s, const char *idea, int on, char **err);
int cmd_idea_hide(struct session *s, const char *idea, int on, char **err);

/* dots > 0 casts, < 0 takes back, in the open round (one round is open at
 * a time).  A room's round takes dots from that room's members on that
 * room's ideas; a prototypes round on prototypes only.  Casting: within
 * the round's budget, not on merged, withdrawn or hidden ideas, not on
 * one's own when the session has no_self_votes.  Taking back: at most the
 * voter's dots on that idea in the round. */
int cmd_vote(struct session *s, const char *by, const char *idea, int dots,
    char **err);

/* room NULL: the session timer.  start: seconds 1..24 h, or 0 for the
 * current agenda item's minutes; not while running.  pause: running.
 * resume: paused.  stop: running or paused.  extend: running or paused,
 * seconds nonzero within +-24 h (negative is the undo), never down to
 * nothing. */
int cmd_timer(struct session *s, const char *room, enum timer_action a,
    long seconds, char **err);
/* Deals the participants into rooms r1..rN (made when missing), sizes
 * within one of each other; balance_country deals each country's people
 * round the rooms so every room mixes countries.  With keep, whoever has a
 * room from the registration list (convene import) keeps it and the others
 * fill the rooms around them; cmd_rooms_make keeps them.  Needs
 * participants, at least one a room, and N no fewer than the rooms there
 * are already. */
int cmd_rooms_make(struct session *s, int n, int balance_country,
    char **err);
int cmd_rooms_deal(struct session *s, int n, int balance_country, int keep,
    char **err);
/* How many people cmd_rooms_deal would move now (0 when it would be
 * refused): what the console says before it deals again. */
int cmd_rooms_moves(struct session *s, int n, int balance_country,
    int keep);
int cmd_room_set(struct session *s, const char *room, const char *name,
    const char *topic, char **err);
int cmd_move(struct session *s, const char *pid, const char *room,
    char **err);
/* Open: no round open already; budget 1..99 (0: the session's); a room
 * that exists; prototypes only when some idea in scope is one.  Close and
 * reveal act on the current (open or last) round: close 1 needs it open,
 * close 0 reopens a closed round whose results are hidden (the undo);
 * reveal 1 needs it closed, reveal 0 hides them again. */
int cmd_voting_open(struct session *s, const char *room, int budget,
    int prototypes_only, char **new_id, char **err);	/* budget 0: default */
/* The same, a round for prototypes drawing its ballot from `from`: an
 * agenda item (its thread) or a thread; NULL the current thread (flow.h);
 * "all" every prototype.  The ballot is fixed when the round opens (the
 * record lists it). */
int cmd_voting_open_from(struct session *s, const char *room, int budget,
    int prototypes_only, const char *from, char **new_id, char **err);
/* How many prototypes a round for prototypes opened now would put on its
 * ballot (room NULL: every room; from as above), and the thread they come
 * from (*thread, borrowed; NULL: every thread).  -1 with *err when `from`
 * names nothing. */
int cmd_prototype_ballot(struct session *s, const char *room,
    const char *from, const char **thread, char **err);
int cmd_voting_close(struct session *s, int close, char **err);
int cmd_voting_reveal(struct session *s, int reveal, char **err);
/*
 * Makes an agenda item current, as one batch: the session timer and every
 * room timer are stopped and a pinned question is unpinned (the item before
 * ends with its timers and pins), the item is made current and its
 * timer starts with its planned minutes, unless the module or the session
 * says `timer = manual` or the item has no minutes.  next from before the
 * first item goes to the first; not past the last, not before the first;
 * after `end`, next goes to the item after the one ended and prev back to
 * it.  goto: an item of the module, or NULL / "" for "before the first
 * item" (the undo of the first step).  end: ends the current item (and its
 * timer) with nothing after it: the end of a day, or a pause in the plan.
 */
int cmd_agenda(struct session *s, enum agenda_move m, const char *id,
    char **err);

/* What the undo of an agenda move puts back besides the item: the session
 * timer as it was when the move was made, and whether the item had been
 * ended. */
struct agenda_restore {
	int timer_state;	/* TIMER_IDLE, TIMER_RUNNING, TIMER_PAUSED */
	int64_t remaining_ms;	/* at `at` (negative: overrun) */
	int64_t at;		/* when the move was made */
	int ended;
	char pinned[16];	/* the question pinned then ("" none) */
};
/* Goes back to item `id` ("" before the first) as the undo of a move: the
 * current timer stops and the one of *r runs on (a running one as though
 * the move had never happened: what was left at the move, less the time
 * since; a paused one with what was left), and the question pinned then
 * is pinned again.  Room timers stopped by the move stay stopped. */
int cmd_agenda_restore(struct session *s, const char *id,
    const struct agenda_restore *r, char **err);
/* Changes to the plan during the workshop (plan.h), as `plan` records:
 * the frozen module copy is untouched.  `item` is an agenda item's id in
 * any case; day 1..the workshop's days, start in minutes after midnight,
 * minutes 1..600.  Skipping the item that runs is refused (end it first);
 * a skip that is so already, or an unskip of an item not skipped, is
 * refused.  add gives the new item's id in *new_id (caller frees):
 * "added-N". */
int cmd_plan_move(struct session *s, const char *item, int day, int start,
    char **err);
int cmd_plan_length(struct session *s, const char *item, int minutes,
    char **err);
int cmd_plan_skip(struct session *s, const char *item, int on, char **err);
int cmd_plan_add(struct session *s, int day, int start, int minutes,
    int kind, const char *title, char **new_id, char **err);

/* What the projector's wall shows: "all" every thread, "thread" the current
 * one (flow.h).  Refused when it shows that already. */
int cmd_projector(struct session *s, const char *what, char **err);

/*
 * Presenting a page (state.h struct presenting): item NULL or "" stops
 * presenting (refused when nothing is presented); otherwise the page of
 * agenda item `item` (any case, as agenda goto), or its case study when
 * is_case (refused when it has none), is presented with block `block`'s
 * byte `offset` at the top (page.h; -1 the blank row above the block;
 * refused past the page's last block; an offset past its block's end is
 * its last line).  The same page and
 * place as presented already is done and writes nothing.  While presenting,
 * making an agenda item current presents the new item's page from its top
 * in the same batch (cmd_agenda), and ending the item stops presenting.
 */
int cmd_present(struct session *s, const char *item, int is_case,
    long block, long offset, char **err);

/* Messages to everyone (room NULL) or a room.  FOR_ITEM lasts until the
 * agenda next moves, UNTIL_DOWN until MESSAGE_DOWN takes it down (with
 * every other message of that room, or every message for room NULL).
 * RECALL calls everyone back to the plenary: it stops every room timer
 * in the same batch and lasts for its item; its text may be empty.  The
 * text rules apply to the others' text. */
enum message_kind { MESSAGE_FOR_ITEM, MESSAGE_RECALL, MESSAGE_DOWN,
    MESSAGE_UNTIL_DOWN };
int cmd_message(struct session *s, const char *room, const char *text,
    enum message_kind kind, char **err);

/* Questions (to the current agenda item) by participants; one upvote per
 * person, not on hidden questions; marks must change. */
int cmd_ask(struct session *s, const char *by, const char *text,
    char **new_id, char **err);
int cmd_upvote(struct session *s, const char *by, const char *question,
    char **err);
int cmd_question_mark(struct session *s, const char *question,
    const char *what, int on, char **err);	/* answered|hidden|pinned */
/* Polls: 2..9 distinct options (none for POLL_SCALE: 1..5); answers by
 * participants while the poll is open, once each; one choice unless
 * POLL_MULTI (distinct choices then); reveal after close.  Evaluation: a
 * question key of the module, once per person; a scale question takes
 * value 1..5, a text one text. */
int cmd_poll_open(struct session *s, int kind, const char *question,
    const char *const *options, int noptions, char **new_id, char **err);
int cmd_poll_answer(struct session *s, const char *by, const char *poll,
    const int *choices, int nchoices, char **err);
int cmd_poll_close(struct session *s, const char *poll, char **err);
int cmd_poll_reveal(struct session *s, const char *poll, char **err);
int cmd_eval(struct session *s, const char *by, const char *question,
    long value, const char *text, char **err);

#endif
