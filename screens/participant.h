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
struct cli_term;
struct session;

int participant_main(struct session *s, const char *as, int kiosk,
    const struct cli_term *term);

/* The id of the participant at the terminal of app `a` (a participant
 * terminal's app), or NULL while nobody has picked themselves (the join
 * screen).  Valid until the next key or state change. */
const char *participant_id(const struct app *a);

/* The zone of the participant at the terminal when it is not the
 * workshop's (online, their country's or the one they chose), else NULL:
 * their Agenda and clock show their time beside the workshop's. */
const char *participant_zone(const struct app *a);

/* 1 when the terminal of `a` is a shared one (--kiosk). */
int participant_is_kiosk(const struct app *a);

/*
 * For the participant role's own screens (join.c, part_board.c,
 * part_ballot.c); the role's data lives in participant.c.
 */
struct screen_ops;
extern const struct screen_ops part_join, part_board, part_ballot;
/* The plan: now, next, the days (part_agenda.c); last in the Tab order, so
 * the digits of the other screens keep their meaning. */
extern const struct screen_ops part_agenda;
/* The presented page, and the current item's page and case study
 * (part_page.c); after the Agenda in the Tab order. */
extern const struct screen_ops part_page;

/* The participant at the terminal as an index into the state, -1 none. */
int participant_index(const struct app *a);
/* Their room (an index), -1 for the plenary or nobody. */
int participant_room(const struct app *a);
/* The join screen's result: `pid` (a checked participant: the PIN, if
 * any, was right) is at the terminal now; ends the join screen. */
void participant_picked(struct app *a, const char *pid);
/* The join screen is in sight: a kiosk offers the languages first. */
void participant_join_shown(struct app *a);
/* i: opens the line editor on a new idea, from the kept draft. */
int participant_write(struct app *a);
/* The board's `enter` calls this: the first screen is the ballot when
 * voting is on already (app_show cannot run before the loop). */
void participant_start(struct app *a);
/* The room's name as people read it ("plenary" for -1). */
const char *participant_room_name(const struct app *a, int room);

#endif
