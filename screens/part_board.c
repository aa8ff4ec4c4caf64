/* part_board.c -- the participant's board: what matters now (the activity,
 * their room, the last message) and their room's ideas, live, their own
 * marked; i writes, e edits and w withdraws their own until voting opens. */
#include "participant.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "changes.h"
#include "commands.h"
#include "content.h"
#include "draw.h"
#include "flow.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
#include "rowpatch.h"
#include "rowshift.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"
#include "wall.h"

#define MINE "\xe2\x98\x85"	/* ★ marks one's own ideas */
#define PROMPT_ROWS 3		/* the activity, at most */
#define SEL_MAX_ROWS 4		/* the highlighted idea, wrapped whole */

struct board {
	struct listscreen ls;	/* idea indexes shown, newest first */
	long message_age;	/* minutes, as last drawn; -1 none */
	/* What the body shows, as the last draw or update left it: the
	 * list's rows (item: the idea's index), its first line, the body's
	 * size.  No rows: nothing to update in place. */
	struct drawn_row *drawn;
	size_t ndrawn, capdrawn;
	int drawn_top, drawn_rows, drawn_cols;
	char *count_shown;	/* the count above the list, as drawn */
	/* Rows were moved on the screen and not in the window since it was
	 * drawn whole (move_rows). */
	int window_behind;
	/* Since then, only new ideas came (the head above the list is as
	 * drawn): board_update may move lines instead of drawing. */
	int only_new;
	/* The rows the highlighted idea took when last wrapped, and for what
	 * (idea, its edits, width, most rows): wrapping a text with ICU's
	 * line breaks is the dearest part of laying the list out. */
	struct {
		int idea, width, max, rows;
		unsigned edits;
	} fit;
	/* The ideas the rows were built from (the state's nideas then), and
	 * whether the changes since only added ideas: the new ones then go
	 * on top without going through every idea again. */
	size_t collected;
	int rows_only_new;
};
LISTSCREEN_FIRST(struct board, ls);

static int
shown(const struct idea *it, int room, int me)
{
	if (it->room != room || it->hidden)
		return 0;
	/* Another's withdrawn idea is gone; one's own stays, to restore. */
	return !it->withdrawn || (me >= 0 && it->author == me);
}

/* Puts the ideas from index `from` on that the board shows in rows (newest
 * first), returns how many; rows NULL: only counts them. */
static size_t
pick(struct app *a, size_t from, int *rows)
{
	const struct session *s = app_session(a);
	const struct state *st = s->state;
	int room = participant_room(a), me = participant_index(a);
	struct flow_filter thread;
	size_t i, n = 0;

	/* The board shows the thread the room works in now (flow.h). */
	flow_filter_init(&thread, s->module, st,
	    flow_current_thread(s->module, st));
	for (i = st->nideas; i-- > from;)
		if (shown(&st->ideas[i], room, me) &&
		    flow_filter_idea(&thread, (int)i)) {
			if (rows != NULL)
				rows[n] = (int)i;
			n++;
		}
	return n;
}

/* Builds the rows: all of them, or, when only ideas were added since the
 * last time, the new ones on top of those there. */
static void
collect(struct board *b, struct app *a)
{
	const struct state *st = app_session(a)->state;
	size_t keep = b->rows_only_new && b->collected <= st->nideas ?
	    b->ls.nrows : 0, from = keep > 0 ? b->collected : 0, add;
	int *rows;

	add = pick(a, from, NULL);
	rows = listscreen_reserve(&b->ls, keep + add);
	if (keep > 0)		/* rows is NULL for an empty board */
		memmove(rows + add, rows, keep * sizeof *rows);
	pick(a, from, rows);
	b->ls.nrows = keep + add;
	listscreen_rows_done(&b->ls, st);
	b->collected = st->nideas;
	b->rows_only_new = 1;
}

static void *
board_init(struct app *a)
{
	struct board *b = xcalloc(1, sizeof *b);

	listscreen_init(&b->ls, listscreen_idea_id);
	b->message_age = -1;
	b->fit.idea = -1;
	collect(b, a);
	return b;
}

static void
board_fini(void *self)
{
	struct board *b = self;

	listscreen_free(&b->ls);
	free(b->drawn);
	free(b->count_shown);
	free(b);
}

static void
board_changed(void *self, struct app *a)
{
	collect(self, a);
}

/* What the board shows: the room's ideas (the current thread's), its
 * people, the activity, the message still up for the room or everyone.
 * Another room's idea, a dot, a question change none of it. */
static int
board_affected(void *self, struct app *a, const struct changes *c)
{
	struct board *b = self;
	int room = participant_room(a);
	int head = changes_any(c, CHANGE_PEOPLE | CHANGE_AGENDA |
	    CHANGE_OTHER) || changes_in(c, CHANGE_MESSAGES, room) ||
	    changes_in(c, CHANGE_MESSAGES, -1);

	if (head || changes_in(c, CHANGE_IDEA_EDITS, room)) {
		b->only_new = 0;	/* until the body is drawn again */
		b->rows_only_new = 0;	/* until the rows are built again */
	}
	return head || changes_in(c, CHANGE_IDEAS, room);
}

static void
board_enter(void *self, struct app *a)
{
	(void)self;
	participant_start(a);
}

/* --- drawing ------------------------------------------------------------- */

static const struct agenda_item *
current_item(struct app *a)
{
	const struct session *s = app_session(a);

	return s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
}

/* The message still up for this participant, or NULL. */
static const struct message *
last_message(struct app *a)
{
	return state_live_message(app_session(a)->state,
	    participant_room(a));
}

/* "Message (12 min ago): " -- a message says how old it is. */
static char *
message_lead(const struct app *a, const struct message *m)
{
	long min = (long)((app_now(a) - m->at) / 60000);

	if (m->recall)
		return xstrdup(_("Back to the plenary, please. "));
	if (min < 1)
		return xstrdup(_("Message (just now): "));
	return xasprintf(ngettext("Message (%ld min ago): ",
	    "Message (%ld min ago): ", min), min);
}

/* "김민준 · Room 2 (Payments): Maria, Somchai" */
static void
draw_who(struct app *a, WINDOW *w, int y, int cols)
{
	const struct state *st = app_session(a)->state;
	int me = participant_index(a), room = participant_room(a), x;
	size_t i;

	if (me < 0)
		return;
	x = draw_text(w, y, 0, cols, st->participants[me].name,
	    draw_attr(DR_HEADING));
	x += draw_text(w, y, x, cols - x, " \xc2\xb7 ", draw_attr(DR_DIM));
	x += draw_text(w, y, x, cols - x, participant_room_name(a, room),
	    A_BOLD);
	if (room < 0)
		return;
	/* The room's topic: what this team works on. */
	if (st->rooms[room].topic != NULL && *st->rooms[room].topic != '\0') {
		x += draw_text(w, y, x, cols - x, " (", A_BOLD);
		x += draw_text(w, y, x, cols - x, st->rooms[room].topic,
		    A_BOLD);
		x += draw_text(w, y, x, cols - x, ")", A_BOLD);
	}
	x += draw_text(w, y, x, cols - x, ":", A_BOLD);
	for (i = 0; i < st->nparticipants && x < cols; i++)
		if (st->participants[i].room == room && (int)i != me) {
			x += draw_text(w, y, x, cols - x, " ", A_NORMAL);
			x += draw_text(w, y, x, cols - x,
			    st->participants[i].name, A_NORMAL);
		}
}

/* The rows above the list: who, the activity, the last message, the
 * list's heading.  Draws them when w is not NULL; returns their number. */
static int
head(struct app *a, WINDOW *w, int rows, int cols)
{
	const struct agenda_item *it = current_item(a);
	const struct message *m = last_message(a);
	int y = 1, n, max = rows >= 16 ? PROMPT_ROWS : rows >= 12 ? 1 : 0;
	const char *activity = it != NULL && it->activity != NULL &&
	    *it->activity != '\0' ? it->activity : NULL;

	if (w != NULL)
		draw_who(a, w, 0, cols);
	if (activity != NULL && max > 0) {
		n = wall_text_rows(activity, cols, max);
		if (w != NULL)
			wall_text(w, y, 0, cols, n, activity, A_BOLD);
		y += n;
	}
	if (m != NULL && rows >= 12) {
		if (w != NULL) {
			char *lead = message_lead(a, m);
			int x = draw_text(w, y, 0, cols, lead,
			    draw_attr(DR_WARN));

			draw_text(w, y, x, cols - x, m->text != NULL ? m->text :
			    "", draw_attr(DR_WARN));
			free(lead);
		}
		y++;
	}
	return y + 1;
}

/* What an idea is besides its text, shown before it. */
static const char *
idea_tag(const struct idea *it)
{
	if (it->withdrawn)
		return _("(withdrawn) ");
	if (it->merged_into >= 0)
		return _("(merged) ");
	return "";
}

/* The column where an idea's text starts: after the mark and the tag. */
static int
text_x(const struct idea *it)
{
	return 2 + text_width(idea_tag(it));
}

/* Draws idea k from row y in `rows` rows (more than 1: the highlighted
 * idea, wrapped whole). */
static void
draw_idea(struct board *b, struct app *a, WINDOW *w, int y, int cols,
    size_t k, int rows)
{
	const struct idea *it = &app_session(a)->state->ideas[b->ls.rows[k]];
	int me = participant_index(a), sel = k == b->ls.lv.sel, x, r;
	int mine = me >= 0 && it->author == me;
	int dim = it->withdrawn || it->merged_into >= 0;
	attr_t at = sel ? draw_attr(DR_SELECTED) : dim ? draw_attr(DR_DIM) :
	    A_NORMAL;

	if (sel)
		for (r = 0; r < rows; r++)
			draw_fill(w, y + r, 0, cols, at);
	/* no mark: a plain blank (an underlined one in mono, and two
	 * attribute changes a row, for nothing) */
	x = draw_text(w, y, 0, 2, mine ? MINE : " ", sel || !mine ? at :
	    draw_attr(DR_MARK));
	x += draw_text(w, y, x, 1, " ", at);
	x += draw_text(w, y, x, cols - x, idea_tag(it), at);
	wall_text(w, y, x, cols - x, rows,
	    state_idea_text(app_session(a)->state, b->ls.rows[k]), at);
}

/* Rows the highlighted idea takes, wrapped whole, in a list of `avail`
 * rows: at most SEL_MAX_ROWS, and never the whole list. */
static int
selected_rows(struct board *b, struct app *a, int avail, int cols)
{
	const struct idea *it = listscreen_idea(&b->ls, a);
	int max = avail - 1 < SEL_MAX_ROWS ? avail - 1 : SEL_MAX_ROWS;
	int idea = listscreen_item(&b->ls), width;

	if (it == NULL || max <= 1)
		return 1;
	width = cols - text_x(it);
	if (b->fit.idea != idea || b->fit.edits != it->edits ||
	    b->fit.width != width || b->fit.max != max) {
		b->fit.idea = idea;
		b->fit.edits = it->edits;
		b->fit.width = width;
		b->fit.max = max;
		b->fit.rows = wall_text_rows(state_idea_text(
		    app_session(a)->state, idea), width, max);
	}
	return b->fit.rows;
}

/* Lays the list out below the head (from line top, in rows x cols): the
 * rows shown, in order from the viewport's top, each as its idea, first
 * line and lines, into *v; returns how many.  Sets the viewport's height
 * as the highlighted idea needs. */
static size_t
lay_out(struct board *b, struct app *a, int rows, int cols, int top,
    struct drawn_row **v, size_t *cap)
{
	int avail = rows > top ? rows - top : 0, n, y, r;
	size_t i, k, count = 0;

	n = selected_rows(b, a, avail, cols);
	listview_set_height(&b->ls.lv, (size_t)(avail > n - 1 ?
	    avail - (n - 1) : 0));
	/* The height changed: the selection may need other rows now. */
	n = selected_rows(b, a, avail, cols);
	y = top;
	for (i = 0; i < listview_visible(&b->ls.lv) && y < rows; i++) {
		k = b->ls.lv.top + i;
		r = k == b->ls.lv.sel ? n : 1;
		if (y + r > rows)
			r = rows - y;
		*v = xgrow(*v, cap, count + 1, sizeof **v);
		(*v)[count++] = (struct drawn_row){ b->ls.rows[k], y, r,
		    k == b->ls.lv.sel };
		y += r;
	}
	return count;
}

/* "12 ideas in Room 2 · ★ yours", the line above the list, on line y:
 * drawn whole on a blank line, or over the count shown there (`over`),
 * only where it changed. */
static void
draw_count(struct board *b, struct app *a, WINDOW *w, int y, int cols,
    int over)
{
	char *s = xasprintf(ngettext("%zu idea in %s \xc2\xb7 \xe2\x98\x85 "
	    "yours", "%zu ideas in %s \xc2\xb7 \xe2\x98\x85 yours",
	    b->ls.nrows), b->ls.nrows, participant_room_name(a,
	    participant_room(a)));

	if (!over || !draw_text_changed(w, y, 0, cols, b->count_shown, s,
	    draw_attr(DR_DIM))) {
		if (over) {
			wmove(w, y, 0);
			wclrtoeol(w);
		}
		draw_text(w, y, 0, cols, s, draw_attr(DR_DIM));
	}
	free(b->count_shown);
	b->count_shown = s;
}

/* Names the lines of the i-th row shown (v) for the mouse; draws it
 * first (its lines blank) when `draw`. */
static void
show_row(struct board *b, struct app *a, WINDOW *w, int cols, size_t i,
    const struct drawn_row *v, int draw)
{
	size_t k = b->ls.lv.top + i;
	int r;

	if (draw)
		draw_idea(b, a, w, v->y, cols, k, v->lines);
	for (r = 0; r < v->lines; r++)
		app_row(a, v->y + r, k, v->selected);
}

/* What was drawn is now v (owned by b). */
static void
remember(struct board *b, struct drawn_row *v, size_t n, size_t cap,
    int top, int rows, int cols)
{
	if (v != b->drawn)
		free(b->drawn);
	b->drawn = v;
	b->ndrawn = n;
	b->capdrawn = cap;
	b->drawn_top = top;
	b->drawn_rows = rows;
	b->drawn_cols = cols;
	b->only_new = 1;
}

static void
board_draw(void *self, struct app *a, WINDOW *w)
{
	struct board *b = self;
	struct drawn_row *v = b->drawn;
	size_t cap = b->capdrawn, n, i;
	int rows, cols, top;

	/* The rows are laid out again in b's array, which lay_out may move
	 * (realloc): b lets go of it until remember hands it back, or a
	 * board grown by a resize frees it twice. */
	b->drawn = NULL;
	b->ndrawn = b->capdrawn = 0;
	getmaxyx(w, rows, cols);
	top = head(a, w, rows, cols);
	n = lay_out(b, a, rows, cols, top, &v, &cap);
	draw_count(b, a, w, top - 1, cols, 0);
	if (b->ls.nrows == 0 && rows > top)
		draw_text(w, top, 2, cols - 2, _("No ideas yet: i writes "
		    "the first."), A_NORMAL);
	for (i = 0; i < n; i++)
		show_row(b, a, w, cols, i, &v[i], 1);
	remember(b, v, n, cap, top, rows, cols);
	b->window_behind = 0;
}

/* Blanks lines y .. y + n - 1. */
static void
blank_lines(WINDOW *w, int y, int n)
{
	for (; n > 0; n--, y++) {
		wmove(w, y, 0);
		wclrtoeol(w);
	}
}

/* Rows y .. the last move by n, on the terminal when they can
 * (rowshift.h; the window's rows then stay as they were: b->window_behind),
 * else in the window, for curses to find.  0 when neither is right: the
 * window's rows are behind the screen's and rowshift could not. */
static int
move_rows(struct board *b, WINDOW *w, int y, int n)
{
	if (rowshift_lines(w, y, n)) {
		b->window_behind = 1;
		return 1;
	}
	if (b->window_behind)
		return 0;
	wmove(w, y, 0);
	winsdelln(w, n);
	return 1;
}

/*
 * New ideas came and nothing else the board shows changed: the rows that
 * show the same ideas as before move (on the terminal too: rowshift.h)
 * and only the others are drawn, with the cells of the count above that
 * changed.  Falls back to a whole draw for anything else (the head, a
 * resize, an empty list, nothing in common).
 */
static int
board_update(void *self, struct app *a, WINDOW *w)
{
	struct board *b = self;
	struct drawn_row *v = NULL;
	struct row_patch p;
	size_t cap = 0, n, i;
	int rows, cols, end;

	getmaxyx(w, rows, cols);
	/* only_new: the head above the list is as drawn, so is its height */
	if (!b->only_new || b->drawn == NULL || b->ndrawn == 0 ||
	    rows != b->drawn_rows || cols != b->drawn_cols)
		return -1;
	n = lay_out(b, a, rows, cols, b->drawn_top, &v, &cap);
	if (n == 0 || rowpatch_find(b->drawn, b->ndrawn, v, n, &p) != 0) {
		free(v);
		return -1;
	}
	if (p.delta != 0 && !move_rows(b, w, p.delta > 0 ?
	    b->drawn[p.from].y : v[p.keep].y, p.delta)) {
		free(v);
		return -1;
	}
	for (i = 0; i < n; i++) {
		int moved = i >= p.keep && i < p.keep + p.nkept;

		if (!moved)
			blank_lines(w, v[i].y, v[i].lines);
		show_row(b, a, w, cols, i, &v[i], !moved);
	}
	end = v[n - 1].y + v[n - 1].lines;
	if (end < rows) {
		wmove(w, end, 0);
		wclrtobot(w);
	}
	draw_count(b, a, w, b->drawn_top - 1, cols, 1);
	remember(b, v, n, cap, b->drawn_top, rows, cols);
	return 0;
}

/* --- keys ---------------------------------------------------------------- */

static int
key_write(void *self, struct app *a)
{
	(void)self;
	return participant_write(a);
}

/* The highlighted idea when it is this participant's own and may still
 * change (no vote on it yet); else NULL, with the reason shown. */
static const struct idea *
own_changeable(struct board *b, struct app *a)
{
	const struct idea *it = listscreen_idea(&b->ls, a);
	int me = participant_index(a);

	if (it == NULL || me < 0 || it->author != me) {
		app_message(a, "%s", _("only your own ideas (\xe2\x98\x85) can be "
		    "changed"));
		return NULL;
	}
	if (wall_phase(app_session(a)->state, participant_room(a), NULL) !=
	    WALL_IDEAS) {
		app_message(a, "%s", _("voting has begun: ideas can no longer "
		    "be changed"));
		return NULL;
	}
	return it;
}

static void
edit_done(void *self, struct app *a, const char *text)
{
	struct board *b = self;
	char *err = NULL;
	int status;

	if (text == NULL || b->ls.sel_id == NULL)
		return;
	status = cmd_idea_edit(app_session(a), participant_id(a), b->ls.sel_id,
	    text, &err);
	app_report(a, status, err, _("idea changed"));
}

static int
key_edit(void *self, struct app *a)
{
	struct board *b = self;
	const struct idea *it = own_changeable(b, a);
	const char *text;

	if (it == NULL)
		return REQ_HANDLED;
	/* Never start from the placeholder: sent back, it would replace the
	 * idea. */
	text = state_idea_text_if_readable(app_session(a)->state,
	    listscreen_item(&b->ls));
	if (text == NULL) {
		app_error(a, xstrdup(_("the text of this idea cannot be read "
		    "from the journal: quit and join again")));
		return REQ_HANDLED;
	}
	listscreen_remember(&b->ls, app_session(a)->state);
	app_prompt(a, _("Change your idea:"), text, edit_done, b);
	return REQ_HANDLED;
}

static int
key_withdraw(void *self, struct app *a)
{
	struct board *b = self;
	const struct idea *it = own_changeable(b, a);
	char *err = NULL;
	int status, back;

	if (it == NULL)
		return REQ_HANDLED;
	listscreen_remember(&b->ls, app_session(a)->state);
	back = it->withdrawn;
	status = cmd_idea_withdraw(app_session(a), participant_id(a),
	    state_id_of_idea(it).s, !back, &err);
	return app_report(a, status, err, back ? _("idea restored") :
	    _("idea withdrawn: w brings it back"));
}

static const struct binding board_keys[] = {
	{ 'i', "i", N_("write a new idea (Enter sends, Esc keeps a draft)"),
	    key_write },
	{ 'e', "e Enter", N_("change your highlighted idea"), key_edit },
	{ '\r', NULL, NULL, key_edit },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_edit },
	{ 'w', "w", N_("withdraw / restore your highlighted idea"),
	    key_withdraw },
	LISTSCREEN_MOVE_KEYS(N_("move")),
	LISTSCREEN_PAGE_KEYS(N_("a page down / up")),
	LISTSCREEN_END_KEYS(N_("newest / oldest idea")),
	{ 0, NULL, NULL, NULL }
};

/* A message shown says how old it is: redrawn when its minute turns, and
 * only then (a slow link pays for every cell sent). */
static int
board_tick(void *self, struct app *a, int64_t now)
{
	struct board *b = self;
	const struct message *m = last_message(a);
	long age = m != NULL && !m->recall ? (long)((now - m->at) / 60000) :
	    -1;

	if (age == b->message_age)
		return REQ_NONE;
	b->message_age = age;
	return REQ_REDRAW;
}

const struct screen_ops part_board = {
	/* Translators: a tab's name on the tab line; a participant's seven
	 * tabs and their digits share 80 columns: keep it short. */
	.name = N_("Board"),
	.keys = board_keys,
	.init = board_init,
	.fini = board_fini,
	.enter = board_enter,
	.draw = board_draw,
	.changed = board_changed,
	.affected = board_affected,
	.update = board_update,
	.tick = board_tick,
	.click = listscreen_click,
};
