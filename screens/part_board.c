/* part_board.c -- the participant's board: what matters now (the activity,
 * their room, the last message) and their room's ideas, live, their own
 * marked; i writes, e edits and w withdraws their own until voting opens. */
#include "participant.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>

#include "app.h"
#include "commands.h"
#include "content.h"
#include "draw.h"
#include "flow.h"
#include "i18n.h"
#include "listscreen.h"
#include "listview.h"
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

static void
collect(struct board *b, struct app *a)
{
	const struct session *s = app_session(a);
	const struct state *st = s->state;
	int room = participant_room(a), me = participant_index(a);
	struct flow_filter thread;
	size_t i;

	/* The board shows the thread the room works in now (flow.h). */
	flow_filter_init(&thread, s->module, st,
	    flow_current_thread(s->module, st));
	listscreen_clear(&b->ls);
	for (i = st->nideas; i-- > 0;)
		if (shown(&st->ideas[i], room, me) &&
		    flow_filter_idea(&thread, (int)i))
			listscreen_add(&b->ls, (int)i);
	listscreen_rows_done(&b->ls, st);
}

static const struct idea *
selected(const struct board *b, struct app *a)
{
	int i = listscreen_item(&b->ls);

	return i >= 0 ? &app_session(a)->state->ideas[i] : NULL;
}

static void *
board_init(struct app *a)
{
	struct board *b = xcalloc(1, sizeof *b);

	listscreen_init(&b->ls, listscreen_idea_id);
	b->message_age = -1;
	collect(b, a);
	return b;
}

static void
board_fini(void *self)
{
	struct board *b = self;

	listscreen_free(&b->ls);
	free(b);
}

static void
board_changed(void *self, struct app *a)
{
	collect(self, a);
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
	x = draw_text(w, y, 0, 2, mine ? MINE : " ", sel ? at :
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
	const struct idea *it = selected(b, a);
	int max = avail - 1 < SEL_MAX_ROWS ? avail - 1 : SEL_MAX_ROWS;

	if (it == NULL || max <= 1)
		return 1;
	return wall_text_rows(state_idea_text(app_session(a)->state,
	    listscreen_item(&b->ls)), cols - text_x(it), max);
}

static void
board_draw(void *self, struct app *a, WINDOW *w)
{
	struct board *b = self;
	int rows, cols, top, avail, n, y, r;
	size_t i, k;

	getmaxyx(w, rows, cols);
	top = head(a, NULL, rows, cols);
	head(a, w, rows, cols);
	avail = rows > top ? rows - top : 0;
	n = selected_rows(b, a, avail, cols);
	listview_set_height(&b->ls.lv, (size_t)(avail > n - 1 ?
	    avail - (n - 1) : 0));
	/* The height changed: the selection may need other rows now. */
	n = selected_rows(b, a, avail, cols);
	draw_textf(w, top - 1, 0, cols, draw_attr(DR_DIM),
	    ngettext("%zu idea in %s \xc2\xb7 \xe2\x98\x85 yours",
	    "%zu ideas in %s \xc2\xb7 \xe2\x98\x85 yours", b->ls.nrows),
	    b->ls.nrows, participant_room_name(a, participant_room(a)));
	if (b->ls.nrows == 0 && rows > top)
		draw_text(w, top, 2, cols - 2, _("No ideas yet: i writes "
		    "the first."), A_NORMAL);
	y = top;
	for (i = 0; i < listview_visible(&b->ls.lv) && y < rows; i++) {
		k = b->ls.lv.top + i;
		r = k == b->ls.lv.sel ? n : 1;
		if (y + r > rows)
			r = rows - y;
		draw_idea(b, a, w, y, cols, k, r);
		for (; r > 0; r--, y++)
			app_row(a, y, k, k == b->ls.lv.sel);
	}
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
	const struct idea *it = selected(b, a);
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
	.tick = board_tick,
	.click = listscreen_click,
};
