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

#include "session.h"

#define ACTOR_FACILITATOR "facilitator"
#define ACTOR_ORGANIZER "organizer"
#define ACTOR_SAMPLE "sample"

/* The longest idea, question or message, in characters (code points). */
#define TEXT_MAX_CHARS 1000
#define NAME_MAX_CHARS 100

enum timer_action { TIMER_START, TIMER_PAUSE, TIMER_RESUME, TIMER_STOP,
	TIMER_EXTEND };
enum agenda_move { AGENDA_NEXT, AGENDA_PREV, AGENDA_GOTO };

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
int cmd_checkin(struct session *s, const char *pid, char **err);
int cmd_set_pin(struct session *s, const char *pid, const char *pin,
    char **err);

int cmd_idea(struct session *s, const char *by, const char *room,
    const char *text, char **new_id, char **err);
int cmd_idea_edit(struct session *s, const char *actor, const char *idea,
    const char *text, char **err);
int cmd_idea_withdraw(struct session *s, const char *actor, const char *idea,
    int withdraw, char **err);
int cmd_idea_merge(struct session *s, const char *idea, const char *into,
    char **err);		/* into NULL: unmerge */
int cmd_idea_promote(struct session *s, const char *idea, int on, char **err);
int cmd_idea_hide(struct session *s, const char *idea, int on, char **err);

/* dots > 0 casts, < 0 takes back, in the open round that covers the idea. */
int cmd_vote(struct session *s, const char *by, const char *idea, int dots,
    char **err);

int cmd_timer(struct session *s, const char *room, enum timer_action a,
    long seconds, char **err);
int cmd_rooms_make(struct session *s, int n, int balance_country,
    char **err);
int cmd_room_set(struct session *s, const char *room, const char *name,
    const char *topic, char **err);
int cmd_move(struct session *s, const char *pid, const char *room,
    char **err);
int cmd_voting_open(struct session *s, const char *room, int budget,
    int prototypes_only, char **new_id, char **err);	/* budget 0: default */
int cmd_voting_close(struct session *s, int close, char **err);
int cmd_voting_reveal(struct session *s, int reveal, char **err);
int cmd_agenda(struct session *s, enum agenda_move m, const char *id,
    char **err);
int cmd_message(struct session *s, const char *room, const char *text,
    int recall, char **err);

int cmd_ask(struct session *s, const char *by, const char *text,
    char **new_id, char **err);
int cmd_upvote(struct session *s, const char *by, const char *question,
    char **err);
int cmd_question_mark(struct session *s, const char *question,
    const char *what, int on, char **err);	/* answered|hidden|pinned */
int cmd_poll_open(struct session *s, int kind, const char *question,
    const char *const *options, int noptions, char **new_id, char **err);
int cmd_poll_answer(struct session *s, const char *by, const char *poll,
    const int *choices, int nchoices, char **err);
int cmd_poll_close(struct session *s, const char *poll, char **err);
int cmd_poll_reveal(struct session *s, const char *poll, char **err);
int cmd_eval(struct session *s, const char *by, const char *question,
    long value, const char *text, char **err);

#endif
