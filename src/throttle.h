/*
 * throttle.h -- failed PINs and passphrases are slow to repeat (issue 16,
 * point 3).
 *
 * Each failure is counted per attacking user (uid) and terminal in
 * SESSION/throttle/UID-TERMINAL ("FAILURES LAST-FAILURE-SECONDS\n", the
 * wall clock, so that restarting convene changes nothing), opened beneath
 * the session and written with the group's rights (sessdir.h).  After n
 * failures the next attempt from that user and terminal is refused
 * without looking at the secret until throttle_delay(n) seconds have
 * passed since the last: 1 s, doubling, at most THROTTLE_MAX_DELAY.  A
 * right secret clears the count.
 *
 * Why per user and terminal: a participant guessing slows only
 * themselves, never the facilitator at their own terminal, and one
 * kiosk account's terminals do not slow each other.  No one is locked out
 * for longer than the cap, and the facilitator clears every count at once
 * with `convene pin SESSION --clear-throttle` (throttle_clear).
 *
 * When the count cannot be kept (a read-only copy of a session), a
 * session outside the sessions directory goes on unthrottled: its caller
 * holds its files anyway; inside, the attempt is refused (-1).
 */
#ifndef CONVENE_THROTTLE_H
#define CONVENE_THROTTLE_H

#define THROTTLE_DIR "throttle"
#define THROTTLE_FREE 2		/* failures before any wait */
#define THROTTLE_MAX_DELAY 30	/* seconds */

struct session;

/* Seconds to wait after n failures: 0 for the first THROTTLE_FREE, then
 * 1, 2, 4... capped. */
long throttle_delay(int failures);

/* Before checking a secret: 0 when this user and terminal may try now,
 * else the seconds left (> 0), or -1 with *err when the count cannot be
 * read inside the sessions directory. */
long throttle_check(struct session *s, char **err);

/* After checking it: `ok` clears the count, else one more failure. */
void throttle_note(struct session *s, int ok);

/* Failures recorded now, all users and terminals (the console's line). */
int throttle_failures(struct session *s);

/* Removes every count (the facilitator, after the passphrase); the number
 * removed, or -1 with *err. */
int throttle_clear(struct session *s, char **err);

/* The writer service (serve.h) counts for the uid its client connected
 * as (SO_PEERCRED), not for itself: one participant guessing through it
 * must not slow everyone.  -1 goes back to this process's own uid and
 * terminal. */
void throttle_set_caller(long uid);

#endif
