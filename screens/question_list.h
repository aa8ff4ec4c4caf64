/*
 * question_list.h -- the ranked list of questions that the console's and
 * the participant's Questions screens both show: a heading of
 * QLIST_HEAD_ROWS rows, the list, and the highlighted question in full in
 * the last QLIST_DETAIL_ROWS rows (when the window has room for it).
 *
 * A screen's data starts with a struct qlist; its screen_ops may use
 * qlist_fini, qlist_collect (as enter and changed) and qlist_resize as
 * they are, and the listscreen's key actions (listscreen.h).
 */
#ifndef CONVENE_QUESTION_LIST_H
#define CONVENE_QUESTION_LIST_H

#include "listscreen.h"
#include "tui.h"

#define QLIST_HEAD_ROWS 2	/* the heading and a blank row */
#define QLIST_DETAIL_ROWS 5	/* the highlighted question in full */

struct app;
struct question;

struct qlist {
	struct listscreen ls;	/* first: question indexes, ranked; the
				   highlight stays on its question as votes
				   come */
	unsigned flags;		/* QA_* for qa_rank_questions (qa.h) */
};

/* A list of the questions that qa_rank_questions ranks with these flags,
 * collected; qlist_fini frees it. */
struct qlist *qlist_new(struct app *a, unsigned flags);
void qlist_fini(void *self);

/* Ranks the questions again, keeping the highlight on its question. */
void qlist_collect(void *self, struct app *a);
/* The list's height in a body of rows rows. */
void qlist_resize(void *self, struct app *a, int rows, int cols);

/* The highlighted question, or NULL when the list is empty. */
const struct question *qlist_selected(const struct qlist *q, struct app *a);

/* How a screen draws question q, list row k, at body row y (sel: it is
 * the highlighted one, whose row is already filled in DR_SELECTED), and
 * the highlighted question q in full from body row y (below the rule,
 * rows rows). */
typedef void qlist_row_fn(const struct question *q, size_t k, int sel,
    struct app *a, WINDOW *w, int y, int cols);
typedef void qlist_detail_fn(const struct question *q, struct app *a,
    WINDOW *w, int y, int rows, int cols);

/* Draws what follows the screen's heading: the visible rows from body row
 * y (told to the app, for the mouse and the cursor), then, when the window
 * has room, a rule and the highlighted question in its last
 * QLIST_DETAIL_ROWS rows. */
void qlist_draw(struct qlist *c, struct app *a, WINDOW *w, int y,
    qlist_row_fn *draw_row, qlist_detail_fn *draw_detail);

#endif
