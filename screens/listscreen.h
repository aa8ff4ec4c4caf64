/*
 * listscreen.h -- what the list screens share: the rows, the viewport, the
 * highlight kept on the same item across state changes, the movement keys.
 *
 * A list screen (the boards, the questions, the roll call, the ballot)
 * shows some of the state's items -- ideas, questions, participants -- one
 * a row.  Every change in the journal rebuilds the rows, and an item's row
 * may move (an upvote ranks a question higher, a new idea comes on top), so
 * the highlight is remembered by the item's id, not by its row.
 *
 * A screen embeds a struct listscreen as the FIRST member of its own data:
 * the key actions below are bindings (screen.h) and get that data as self.
 * The screen rebuilds the rows with listscreen_clear and listscreen_add (or
 * listscreen_reserve, filling rows and nrows itself), then calls
 * listscreen_rows_done, which sets the viewport's count and puts the
 * highlight back on the remembered item if it is still shown.  The screen
 * sets the viewport's height itself (its rows above and below differ).
 */
#ifndef CONVENE_LISTSCREEN_H
#define CONVENE_LISTSCREEN_H

#include <stddef.h>

#include "listview.h"
#include "screen.h"
#include "state.h"

/* The id of the state's item `item` (an index into ideas, questions...),
 * by value (ideas keep no id string). */
typedef struct state_id listscreen_id_fn(const struct state *st, int item);

struct listscreen {
	struct listview lv;
	int *rows;		/* the state's item indexes, in the order shown */
	size_t nrows, caprows;
	char *sel_id;		/* the highlighted item's id (owned), kept
				   across changes; NULL: none */
	listscreen_id_fn *id_of;
};

/* The ids of the state's ideas, questions and participants. */
struct state_id listscreen_idea_id(const struct state *st, int item);
struct state_id listscreen_question_id(const struct state *st, int item);
struct state_id listscreen_participant_id(const struct state *st, int item);

/* An empty list of the items that id_of names.  listscreen_free frees what
 * the list owns (the rows and sel_id), not ls itself. */
void listscreen_init(struct listscreen *ls, listscreen_id_fn *id_of);
void listscreen_free(struct listscreen *ls);

/* Rebuilding the rows: none, then one more at the end; or room for n rows
 * at ls->rows, which the caller fills in, setting ls->nrows. */
void listscreen_clear(struct listscreen *ls);
void listscreen_add(struct listscreen *ls, int item);
int *listscreen_reserve(struct listscreen *ls, size_t n);
/* The rows are built: counts them into the viewport and highlights the
 * remembered item again where it still stands. */
void listscreen_rows_done(struct listscreen *ls, const struct state *st);

/* The highlighted row's item index, or -1 when the list is empty. */
int listscreen_item(const struct listscreen *ls);
/* For a list of ideas (the boards, the ballot): the highlighted idea, or
 * NULL when the list is empty.  ls may be a screen's data whose first
 * member is its struct listscreen. */
const struct idea *listscreen_idea(const struct listscreen *ls,
    struct app *a);
/* Remembers the highlighted item (none when the list is empty) so that
 * the highlight stays on it when the rows are built again. */
void listscreen_remember(struct listscreen *ls, const struct state *st);
/* Remembers the item with this id instead; takes ownership of id. */
void listscreen_remember_id(struct listscreen *ls, char *id);

/* Checks at compile time that a screen's data starts with its listscreen. */
#define LISTSCREEN_FIRST(type, member)					\
	_Static_assert(offsetof(type, member) == 0,			\
	    "the listscreen must be the first member of " #type)

/* Key actions for a screen whose data starts with a struct listscreen:
 * move the highlight (a row, a page, to either end), remember the item,
 * and return REQ_HANDLED | REQ_REDRAW. */
int listscreen_key_down(void *self, struct app *a);
int listscreen_key_up(void *self, struct app *a);
int listscreen_key_pgdn(void *self, struct app *a);
int listscreen_key_pgup(void *self, struct app *a);
int listscreen_key_home(void *self, struct app *a);
int listscreen_key_end(void *self, struct app *a);

/* The same moves for a screen whose data starts with a plain struct
 * listview instead, whose rows are not items to remember (the timers,
 * the results, the names to join as): they only move the highlight and
 * return REQ_HANDLED | REQ_REDRAW.  LISTSCREEN_VIEW_FIRST checks at
 * compile time that the listview comes first. */
int listscreen_view_down(void *self, struct app *a);
int listscreen_view_up(void *self, struct app *a);
int listscreen_view_pgdn(void *self, struct app *a);
int listscreen_view_pgup(void *self, struct app *a);
int listscreen_view_home(void *self, struct app *a);
int listscreen_view_end(void *self, struct app *a);

#define LISTSCREEN_VIEW_FIRST(type, member)				\
	_Static_assert(offsetof(type, member) == 0,			\
	    "the listview must be the first member of " #type)

/* A screen's `click` (screen.h) for a screen whose data starts with a
 * struct listscreen / a plain struct listview: highlights the row. */
int listscreen_click(void *self, struct app *a, size_t row);
int listscreen_view_click(void *self, struct app *a, size_t row);

/* For a screen with a go(self, a, enum listview_go) of its own (the
 * move, listview_go or listview_scroll_go, then what follows it there):
 * defines its key_down, key_up, key_pgdn, key_pgup, key_home and key_end,
 * each go with its move, which SCREEN_MOVE_KEYS(help, key) and the others
 * bind.  No semicolon after it. */
#define LISTSCREEN_GO_KEYS(go)						\
	SCREEN_KEY(key_down, go, LISTVIEW_DOWN)				\
	SCREEN_KEY(key_up, go, LISTVIEW_UP)				\
	SCREEN_KEY(key_pgdn, go, LISTVIEW_PGDN)				\
	SCREEN_KEY(key_pgup, go, LISTVIEW_PGUP)				\
	SCREEN_KEY(key_home, go, LISTVIEW_HOME)				\
	SCREEN_KEY(key_end, go, LISTVIEW_END)

/* Entries of a screen's key table for those actions (screen.h's
 * SCREEN_MOVE_KEYS, SCREEN_PAGE_KEYS, SCREEN_END_KEYS: a screen that gives
 * g or G another meaning cannot use the END ones).  help is N_()-marked at
 * the call site, where xgettext finds it. */
#define LISTSCREEN_MOVE_KEYS(help) SCREEN_MOVE_KEYS(help, listscreen_key)
#define LISTSCREEN_PAGE_KEYS(help) SCREEN_PAGE_KEYS(help, listscreen_key)
#define LISTSCREEN_END_KEYS(help) SCREEN_END_KEYS(help, listscreen_key)
#define LISTSCREEN_VIEW_MOVE_KEYS(help) SCREEN_MOVE_KEYS(help, listscreen_view)
#define LISTSCREEN_VIEW_PAGE_KEYS(help) SCREEN_PAGE_KEYS(help, listscreen_view)
#define LISTSCREEN_VIEW_END_KEYS(help) SCREEN_END_KEYS(help, listscreen_view)

#endif
