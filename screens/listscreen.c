/* listscreen.c -- what the list screens share (see listscreen.h). */
#include "listscreen.h"

#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "session.h"
#include "state.h"
#include "util.h"

/* A kept id as a struct state_id: the state took only ids that fit
 * (a letter and a number up to INT_MAX); a longer one would be cut. */
static struct state_id
id_copy(const char *id)
{
	struct state_id v;
	size_t n = strlen(id);

	if (n >= sizeof v.s)
		n = sizeof v.s - 1;
	memcpy(v.s, id, n);
	v.s[n] = '\0';
	return v;
}

struct state_id
listscreen_idea_id(const struct state *st, int item)
{
	return state_idea_id(st, item);
}

struct state_id
listscreen_question_id(const struct state *st, int item)
{
	return id_copy(st->questions[item].id);
}

struct state_id
listscreen_participant_id(const struct state *st, int item)
{
	return id_copy(st->participants[item].id);
}

void
listscreen_init(struct listscreen *ls, listscreen_id_fn *id_of)
{
	memset(ls, 0, sizeof *ls);
	listview_init(&ls->lv);
	ls->id_of = id_of;
}

void
listscreen_free(struct listscreen *ls)
{
	free(ls->rows);
	free(ls->sel_id);
	ls->rows = NULL;
	ls->sel_id = NULL;
}

void
listscreen_clear(struct listscreen *ls)
{
	ls->nrows = 0;
}

void
listscreen_add(struct listscreen *ls, int item)
{
	ls->rows = xgrow(ls->rows, &ls->caprows, ls->nrows + 1,
	    sizeof *ls->rows);
	ls->rows[ls->nrows++] = item;
}

int *
listscreen_reserve(struct listscreen *ls, size_t n)
{
	ls->rows = xgrow(ls->rows, &ls->caprows, n, sizeof *ls->rows);
	return ls->rows;
}

void
listscreen_rows_done(struct listscreen *ls, const struct state *st)
{
	size_t i;

	listview_set_count(&ls->lv, ls->nrows);
	for (i = 0; ls->sel_id != NULL && i < ls->nrows; i++)
		if (strcmp(ls->id_of(st, ls->rows[i]).s, ls->sel_id) == 0)
			listview_select(&ls->lv, i);
}

int
listscreen_item(const struct listscreen *ls)
{
	return ls->nrows > 0 ? ls->rows[ls->lv.sel] : -1;
}

const struct idea *
listscreen_idea(const struct listscreen *ls, struct app *a)
{
	int i = listscreen_item(ls);

	return i >= 0 ? &app_session(a)->state->ideas[i] : NULL;
}

void
listscreen_remember(struct listscreen *ls, const struct state *st)
{
	int item = listscreen_item(ls);

	listscreen_remember_id(ls, item >= 0 ?
	    xstrdup(ls->id_of(st, item).s) : NULL);
}

void
listscreen_remember_id(struct listscreen *ls, char *id)
{
	free(ls->sel_id);
	ls->sel_id = id;
}

/* --- keys ---------------------------------------------------------------- */

static int
moved(struct listscreen *ls, struct app *a)
{
	listscreen_remember(ls, app_session(a)->state);
	return REQ_HANDLED | REQ_REDRAW;
}

/* The plain moves: self starts with its struct listview (a struct
 * listscreen starts with one too). */
LISTSCREEN_VIEW_FIRST(struct listscreen, lv);

static struct listview *
view_of(void *self)
{
	return self;
}

int
listscreen_view_down(void *self, struct app *a)
{
	(void)a;
	listview_move(view_of(self), 1);
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_up(void *self, struct app *a)
{
	(void)a;
	listview_move(view_of(self), -1);
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_pgdn(void *self, struct app *a)
{
	(void)a;
	listview_page(view_of(self), 1);
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_pgup(void *self, struct app *a)
{
	(void)a;
	listview_page(view_of(self), -1);
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_home(void *self, struct app *a)
{
	(void)a;
	listview_home(view_of(self));
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_end(void *self, struct app *a)
{
	(void)a;
	listview_end(view_of(self));
	return REQ_HANDLED | REQ_REDRAW;
}

int
listscreen_view_click(void *self, struct app *a, size_t row)
{
	(void)a;
	listview_select(view_of(self), row);
	return REQ_HANDLED | REQ_REDRAW;
}

/* A struct listscreen's moves: the plain move, then the item is
 * remembered. */
int
listscreen_click(void *self, struct app *a, size_t row)
{
	listscreen_view_click(self, a, row);
	return moved(self, a);
}

int
listscreen_key_down(void *self, struct app *a)
{
	listscreen_view_down(self, a);
	return moved(self, a);
}

int
listscreen_key_up(void *self, struct app *a)
{
	listscreen_view_up(self, a);
	return moved(self, a);
}

int
listscreen_key_pgdn(void *self, struct app *a)
{
	listscreen_view_pgdn(self, a);
	return moved(self, a);
}

int
listscreen_key_pgup(void *self, struct app *a)
{
	listscreen_view_pgup(self, a);
	return moved(self, a);
}

int
listscreen_key_home(void *self, struct app *a)
{
	listscreen_view_home(self, a);
	return moved(self, a);
}

int
listscreen_key_end(void *self, struct app *a)
{
	listscreen_view_end(self, a);
	return moved(self, a);
}
