/*
 * console.h -- the facilitator console: its screens and what they share.
 *
 * `convene run SESSION [--room R]` (and `convene demo`) reach console_run()
 * through ui.c.  The console is a role of the loop (app.h): seven screens
 * (agenda, page, timers, rooms, board, voting, roll call) and the keys that
 * work on all of them (timer, agenda, voting, broadcast, undo).  Every
 * action goes through console_act(), which runs it as a command through
 * this console's undo stack (undo.h) and reports the outcome in the
 * message line; nothing changes the state but the journal.
 */
#ifndef CONVENE_CONSOLE_H
#define CONVENE_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "undo.h"

struct cli_term;
struct session;

struct console {
	struct session *s;
	struct undo_stack *undo;
	const char *room;	/* --room's id: this console's room, or NULL */
	int bell;		/* ring when a timer reaches zero */
	int show_authors;	/* the board names authors (never when
				   the session is anonymous) */
	/* Each timer's remaining time at the last tick, to hear zero pass
	 * (indexed like state->timers). */
	int64_t *last_remaining;
	/* Wrong PINs and passphrases counted when last looked (throttle.h),
	 * and when: the console says so when they grow. */
	int failures;
	int64_t failures_at;
	/* Terminals polling the journal (presence.h) when last looked. */
	int polling;
	size_t nlast;
	/* The agenda item whose page to show: NULL follows the current one
	 * (the agenda screen's Enter previews another). */
	char *page_item;
	/* The room a prompt is about (a timer's minutes, a message), kept
	 * until its answer comes back; NULL for the session. */
	char *pending_room;
	int pending_until_down;	/* the message prompt's: until taken down */
	/* The agenda item a question is about (n, p, the agenda's s), kept
	 * until it is answered: what was asked is what happens, even when
	 * another terminal moves the agenda meanwhile. */
	char *pending_item;
	/* The Page screen's data (console_page.c), for presenting. */
	void *page;
	/* convene demo: the Agenda shows how to open a participant terminal
	 * and the projector on this session. */
	int demo;
};

extern const struct screen_ops console_agenda;
extern const struct screen_ops console_page;
extern const struct screen_ops console_timer;
extern const struct screen_ops console_rooms;
extern const struct screen_ops console_board;
extern const struct screen_ops console_voting;
extern const struct screen_ops console_rollcall;

/* Changes to the plan from the Agenda (console_plan.c): prompts or asks,
 * then runs the command; they return requests as key handlers do. */
struct agenda_item;
int console_plan_move(struct app *a, const struct agenda_item *it);
int console_plan_length(struct app *a, const struct agenda_item *it);
int console_plan_skip(struct app *a, const struct agenda_item *it);
int console_plan_add(struct app *a);

/* After each burst of keys: while the Page screen shows the presented
 * page, its place goes to the journal when it moved (console_page.c). */
void console_page_after_keys(struct app *a);

/* The console itself; returns an exit status. */
int console_run(struct session *s, const char *room,
    const struct cli_term *term);
/* The console of `convene demo` (the session's room-less console). */
int console_demo(struct session *s);

/* The console of an app. */
struct console *console_of(const struct app *a);

/* Runs an action through the undo stack and reports it: `done` (may be
 * NULL) in the message line on success, the command's error otherwise.
 * Returns requests for the loop. */
int console_act(struct app *a, const struct undo_action *act,
    const char *done);

/* `t`, `e`, `E` for the timer of `room` (NULL: the session's): start it
 * (asking for the minutes when no agenda item gives them), pause or resume
 * it; extend it by `seconds`. */
int console_timer_toggle(struct app *a, const char *room);
int console_timer_extend(struct app *a, const char *room, long seconds);

/* Makes agenda item `id` current (n, p, the agenda's s, pressed as `key`):
 * at once when no item is current, else after a confirmation, since it
 * ends the current item for everyone. */
int console_agenda_goto(struct app *a, const char *id, int key);

/* Asks for a message and sends it to `room` (NULL: everyone). */
/* Asks for a message to `room` (NULL: everyone) and sends it: for this
 * item, or when until_down until taken down (then an empty answer takes
 * the messages shown down). */
int console_broadcast(struct app *a, const char *room, int until_down);

/* A UTC time as "HH:MM" in the module's time zone ("--:--" when it cannot
 * be converted); buf of at least 8 bytes. */
void console_hhmm(const struct app *a, int64_t utc_ms, char *buf,
    size_t size);

/* A room's name for people ("Room 2"), or "plenary" for -1. */
const char *console_room_name(const struct app *a, int room);

#endif
