/*
 * status.h -- the state of a session for scripts: convene status.
 *
 * What is current (the agenda item, how far the day is behind), the
 * timers, the rooms, the open voting round and polls, the pinned question,
 * the messages up, and counts (participants, present today, ideas,
 * questions, open terminals), as JSON with stable keys (convene(1) lists
 * them) or as plain "key: value" lines.  What it shows follows the
 * caller's role: a participant (`--by PID`) sees what their own terminal
 * shows; nobody sees the tallies of a round or a poll before its results
 * are revealed.  UI-free; it writes to a FILE the caller owns.
 */
#ifndef CONVENE_STATUS_H
#define CONVENE_STATUS_H

#include <stdint.h>
#include <stdio.h>

struct session;

enum status_format { STATUS_TEXT, STATUS_JSON };

/* Writes the status of `s` at `now` (UTC ms) to out; `pid` is the
 * participant asking (NULL: the facilitator).  0, or -1 on a write error. */
int status_write(const struct session *s, const char *pid, int64_t now,
    enum status_format format, FILE *out);

#endif
