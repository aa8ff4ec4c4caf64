/* question_list.c -- the ranked list of questions (see question_list.h). */
#include "question_list.h"

#include <stdlib.h>

#include "app.h"
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
