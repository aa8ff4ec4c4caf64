/*
 * questions.h -- the screens of questions, polls and the evaluation.
 *
 * Each is a screen of its own (screen.h) that the roles list: the console
 * lists console_questions and console_polls; the participant terminal
 * part_questions, part_poll and part_eval; the projector projector_questions.
 * The participant screens learn who is at the terminal from
 * participant_id() (participant.h).
 */
#ifndef CONVENE_QUESTIONS_H
#define CONVENE_QUESTIONS_H

#include <stddef.h>

#include "screen.h"

/* A poll is answered with the digits 1 to 9: at most this many options
 * are offered as keys or drawn as bars. */
#define QUESTIONS_MAX_CHOICES 9

extern const struct screen_ops console_questions;
extern const struct screen_ops console_polls;
extern const struct screen_ops part_questions;
extern const struct screen_ops part_poll;
extern const struct screen_ops part_eval;
extern const struct screen_ops projector_questions;

/*
 * The screen a participant terminal should bring forward after the state
 * changed, or NULL: part_poll when a poll is open that this participant
 * has not answered yet (and was not brought forward for already), or when
 * a poll's results were just revealed.  The participant role calls it from
 * its `changed` hook and app_show()s the result.
 */
const struct screen_ops *questions_attention(struct app *a);

/*
 * Shared by these screens (questions.c).
 */
struct poll;
struct question;

/* What option i of the poll says (a 1-5 scale: "lowest", "highest", or
 * nothing between). */
const char *questions_option_label(const struct poll *p, size_t i);
/* 1 when questions show who asked them (not in an anonymous session). */
int questions_author_shown(struct app *a);
/* The name of who asked `q` ("someone" when unknown). */
const char *questions_author(struct app *a, const struct question *q);

/*
 * A poll's results as bars in rows x cols at y, x: one row an option
 * (number, option, bar, share in percent and count), and for a 1-5 scale
 * a row with the average (else how many answered); the most chosen
 * option in bold; a star before the options in `mine` (bit i: option i,
 * poll_chose), the participant's own answer.  Draw it only for a revealed
 * poll (or the blind count would leak).  Returns the rows drawn.
 */
int questions_draw_results(WINDOW *w, int y, int x, int rows, int cols,
    const struct poll *p, unsigned mine);

#endif
