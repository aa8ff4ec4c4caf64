/*
 * participant.h -- the participant terminal (`convene join`).
 *
 * as: the participant id chosen with --as, or NULL for the join screen;
 * kiosk: a shared terminal (N for the next person; q asks the facilitator
 * passphrase).  Returns an exit status.  The session stays the caller's.
 */
#ifndef CONVENE_PARTICIPANT_H
#define CONVENE_PARTICIPANT_H

struct session;

int participant_main(struct session *s, const char *as, int kiosk);

#endif
