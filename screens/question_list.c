/* question_list.c -- the ranked list of questions (see question_list.h). */
#include "question_list.h"

#include <stdlib.h>

#include "app.h"
#include "draw.h"
#include "listview.h"
#include "qa.h"
#include "session.h"
#include "state.h"
#include "util.h"

LISTSCREEN_FIRST(struct qlist, ls);

struct qlist *
qlist_new(struct app *a, unsigned flags)
{
	struct qlist *q = xcalloc(1, sizeof *q);

	listscreen_init(&q->ls, listscreen_question_id);
	q->flags = flags;
	qlist_collect(q, a);
	return q;
}

void
qlist_fini(void *self)
{
	struct qlist *q = self;

	listscreen_free(&q->ls);
	free(q);
}

void
qlist_collect(void *self, struct app *a)
{
	struct qlist *q = self;
	const struct state *st = app_session(a)->state;

	q->ls.nrows = qa_rank_questions(st, st->agenda_id, q->flags,
	    listscreen_reserve(&q->ls, st->nquestions + 1));
	listscreen_rows_done(&q->ls, st);
}

void
qlist_resize(void *self, struct app *a, int rows, int cols)
{
	struct qlist *q = self;

	(void)a;
	(void)cols;
	listview_set_height(&q->ls.lv,
	    rows > QLIST_HEAD_ROWS + QLIST_DETAIL_ROWS + 1 ?
	    (size_t)(rows - QLIST_HEAD_ROWS - QLIST_DETAIL_ROWS) :
	    rows > QLIST_HEAD_ROWS ? (size_t)(rows - QLIST_HEAD_ROWS) : 0);
}

const struct question *
qlist_selected(const struct qlist *q, struct app *a)
{
	int i = listscreen_item(&q->ls);

	return i >= 0 ? &app_session(a)->state->questions[i] : NULL;
}

void
qlist_draw(struct qlist *c, struct app *a, WINDOW *w, int y,
    qlist_row_fn *draw_row, qlist_detail_fn *draw_detail)
{
	const struct question *q;
	int rows, cols, sel;
	size_t i, k;

	getmaxyx(w, rows, cols);
	for (i = 0; i < listview_visible(&c->ls.lv); i++) {
		k = c->ls.lv.top + i;
		sel = k == c->ls.lv.sel;
		if (sel)
			draw_fill(w, y + (int)i, 0, cols,
			    draw_attr(DR_SELECTED));
		q = &app_session(a)->state->questions[c->ls.rows[k]];
		draw_row(q, k, sel, a, w, y + (int)i, cols);
		app_row(a, y + (int)i, k, sel);
	}
	if (rows <= QLIST_HEAD_ROWS + QLIST_DETAIL_ROWS + 1)
		return;
	y = rows - QLIST_DETAIL_ROWS;
	wattrset(w, draw_attr(DR_DIM));
	draw_hline(w, y, 0, cols);
	wattrset(w, A_NORMAL);
	q = qlist_selected(c, a);
	if (q != NULL)
		draw_detail(q, a, w, y + 1, QLIST_DETAIL_ROWS - 1, cols);
}
