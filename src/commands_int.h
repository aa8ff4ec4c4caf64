/*
 * commands_int.h -- what the command files share (commands.c,
 * commands_ideas.c, commands_facilitator.c, commands_flow.c,
 * commands_questions.c, commands_present.c); not for use outside them.
 *
 * A command is a build callback (journal_build_fn) that checks its rules
 * against the state as of the journal lock and adds its records to the
 * batch; cmd_run() wires it through session_append().
 */
#ifndef CONVENE_COMMANDS_INT_H
#define CONVENE_COMMANDS_INT_H

#include "commands.h"
#include "util.h"

/* The longest organisation, room topic and the like, in characters. */
#define ORG_MAX_CHARS 200
/* The longest timer: a day. */
#define TIMER_MAX_SECONDS (24 * 60 * 60)

/* Appends through the journal with `build`; returns 0, 1 or 3 as the
 * commands do. */
int cmd_run(struct session *s, journal_build_fn build, void *ctx,
    char **err);

/* Adds ev to the batch with this process's terminal and `actor`. */
void cmd_add(struct journal_batch *b, const struct session *s,
    const char *actor, struct event *ev);

/* "p12": the id of the `offset`-th new object of a kind in this batch. */
char *cmd_new_id(const struct state *st, char kind, unsigned offset);

/* Sets *err and returns 1 (refused by a rule). */
int cmd_refuse(char **err, const char *fmt, ...) PRINTFLIKE(2, 3);

/* The participant index of an id, or 1 refused with *err. */
int cmd_need_participant(const struct state *st, const char *pid, int *out,
    char **err);

/* The current agenda item's id for records ("" before the first). */
const char *cmd_agenda_ref(const struct session *s);

/* In an agenda batch (commands_present.c): while presenting, the page of
 * `to`, the item made current, from its top; `to` "" (before the first
 * item) or ended: presenting stops. */
void cmd_present_follow(struct journal_batch *b, const struct session *s,
    const char *to, int ended);

#endif
