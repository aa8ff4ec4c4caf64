/*
 * participant.h -- the participant terminal (`convene join`).
 *
 * as: the participant id chosen with --as, or NULL for the join screen;
 * kiosk: a shared terminal (N for the next person; q asks the facilitator
 * passphrase).  Returns an exit status.  The session stays the caller's.
 */
#ifndef CONVENE_PARTICIPANT_H
#define CONVENE_PARTICIPANT_H

struct app;
struct session;

int participant_main(struct session *s, const char *as, int kiosk);

/* The id of the participant at the terminal of app `a` (a participant
 * terminal's app), or NULL while nobody has picked themselves (the join
 * screen).  Valid until the next key or state change. */
const char *participant_id(const struct app *a);

/* 1 when the terminal of `a` is a shared one (--kiosk). */
int participant_is_kiosk(const struct app *a);

#endif
