/* console_rooms.c -- breakout rooms: make, name, people, timers, messages. */
#include "console.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "countries.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "session.h"
#include "state.h"

/* The left list: row 0 is everyone (the plenary, and the people in no
 * room); row r + 1 is room r. */
struct rooms {
	struct listview rooms, people;
	int focus_people;	/* the right list has the keys */
	int *members;		/* participant indexes of the chosen row */
	size_t nmembers, capmembers;
	long make_n;		/* M: the rooms asked for, until confirmed */
	int edit_topic;		/* C asked (the topic), else c (the name) */
};

static int
chosen_room(const struct rooms *r)
{
	return (int)r->rooms.sel - 1;
}

static void
collect_members(struct rooms *r, struct app *a)
{
	const struct state *st = app_session(a)->state;
	int room = chosen_room(r);
	size_t i;

	r->nmembers = 0;
	for (i = 0; i < st->nparticipants; i++)
		if (st->participants[i].room == room) {
			r->members = xgrow(r->members, &r->capmembers,
			    r->nmembers + 1, sizeof *r->members);
			r->members[r->nmembers++] = (int)i;
		}
	listview_set_count(&r->people, r->nmembers);
}

static void *
rooms_init(struct app *a)
{
	struct rooms *r = xcalloc(1, sizeof *r);

	listview_init(&r->rooms);
	listview_init(&r->people);
	listview_set_count(&r->rooms, 1 + app_session(a)->state->nrooms);
	/* Start on this console's room, else on the first room. */
	if (app_room(a) >= 0)
		listview_select(&r->rooms, (size_t)app_room(a) + 1);
	else if (app_session(a)->state->nrooms > 0)
		listview_select(&r->rooms, 1);
	collect_members(r, a);
	return r;
}

static void
rooms_fini(void *self)
{
	struct rooms *r = self;

	free(r->members);
	free(r);
}

static void
rooms_changed(void *self, struct app *a)
{
	struct rooms *r = self;
	int had_rooms = r->rooms.count > 1;

	listview_set_count(&r->rooms, 1 + app_session(a)->state->nrooms);
	/* Rooms were just made: show the first. */
	if (!had_rooms && r->rooms.count > 1 && r->rooms.sel == 0)
		listview_select(&r->rooms, 1);
	collect_members(r, a);
}

#define HEAD_ROWS 3	/* the chosen room's name, topic and timer */

static void
rooms_resize(void *self, struct app *a, int rows, int cols)
{
	struct rooms *r = self;

	(void)a;
	(void)cols;
	listview_set_height(&r->rooms, rows > 1 ? (size_t)rows - 1 : 0);
	listview_set_height(&r->people, rows > HEAD_ROWS + 1 ?
	    (size_t)(rows - HEAD_ROWS - 1) : 0);
}

/* --- drawing ------------------------------------------------------------- */

static size_t
room_size(const struct state *st, int room)
{
	size_t i, n = 0;

	for (i = 0; i < st->nparticipants; i++)
		n += st->participants[i].room == room;
	return n;
}

static void
draw_room_row(struct rooms *r, struct app *a, WINDOW *w, int y, int cols,
    size_t row)
{
	const struct state *st = app_session(a)->state;
	int room = (int)row - 1, selected = row == r->rooms.sel;
	const struct timer *tm = state_timer(st, room);
	attr_t at = selected ? draw_attr(r->focus_people ? DR_CURRENT :
	    DR_SELECTED) : A_NORMAL;
	char clock[16] = "", count[32];

	if (selected && !r->focus_people)
		draw_fill(w, y, 0, cols, at);
	if (tm != NULL && tm->state != TIMER_IDLE)
		draw_format_clock(timer_remaining_ms(tm, app_now(a)), clock,
		    sizeof clock);
	snprintf(count, sizeof count, "%zu", room_size(st, room));
	draw_text(w, y, 1, cols - 13, room < 0 ? _("Everyone") :
	    console_room_name(a, room), at);
	draw_text_right(w, y, cols - 12, 4, count, at);
	draw_text_right(w, y, cols - 7, 7, clock, at);
}

static void
draw_head(struct rooms *r, struct app *a, WINDOW *w, int x, int cols)
{
	const struct state *st = app_session(a)->state;
	int room = chosen_room(r);
	const struct timer *tm = state_timer(st, room);
	char clock[16];

	if (room < 0) {
		draw_text(w, 0, x, cols, _("Everyone: messages and recall go "
		    "to all rooms"), draw_attr(DR_HEADING));
		draw_textf(w, 1, x, cols, draw_attr(DR_DIM), _("%zu people "
		    "are in no room"), r->nmembers);
		if (st->nrooms == 0)
			draw_text(w, 2, x, cols, _("No rooms yet: M makes "
			    "them, balanced by country."), A_NORMAL);
	} else {
		draw_text(w, 0, x, cols, console_room_name(a, room),
		    draw_attr(DR_HEADING));
		draw_text(w, 1, x, cols, st->rooms[room].topic != NULL &&
		    *st->rooms[room].topic != '\0' ? st->rooms[room].topic :
		    _("(no topic: C sets one)"), draw_attr(DR_DIM));
	}
	if (tm != NULL && tm->state != TIMER_IDLE) {
		draw_format_clock(timer_remaining_ms(tm, app_now(a)), clock,
		    sizeof clock);
		draw_textf(w, 2, x, cols, A_NORMAL, _("Timer: %s%s"), clock,
		    tm->state == TIMER_PAUSED ? _(" (paused)") : "");
	}
}

static void
draw_person(struct rooms *r, struct app *a, WINDOW *w, int y, int x,
    int cols, size_t k)
{
	const struct participant *p =
	    &app_session(a)->state->participants[r->members[k]];
	int selected = r->focus_people && k == r->people.sel;
	attr_t at = selected ? draw_attr(DR_SELECTED) : A_NORMAL;
	int used;

	if (selected)
		draw_fill(w, y, x, cols, at);
	used = draw_text(w, y, x + 1, cols - 10, p->name, at);
	draw_textf(w, y, x + 2 + used, cols - used - 2, selected ? at :
	    draw_attr(DR_DIM), "%s%s%s", country_display(p->country),
	    *p->org != '\0' ?
	    " \xc2\xb7 " : "", p->org);
}

static void
rooms_draw(void *self, struct app *a, WINDOW *w)
{
	struct rooms *r = self;
	int rows, cols, left, x;
	size_t i;

	getmaxyx(w, rows, cols);
	left = cols * 2 / 5 < 24 ? 24 : cols * 2 / 5;
	/* by columns, not bytes: a translated label keeps its place */
	draw_text(w, 0, 0, left - 13, _(" Rooms"), draw_attr(DR_DIM));
	draw_text(w, 0, left - 13, 13, _("people  timer"), draw_attr(DR_DIM));
	for (i = 0; i < listview_visible(&r->rooms) && (int)i + 1 < rows; i++)
		draw_room_row(r, a, w, (int)i + 1, left - 1,
		    r->rooms.top + i);
	wattrset(w, draw_attr(DR_DIM));
	draw_vline(w, 0, left, rows);
	wattrset(w, A_NORMAL);
	x = left + 2;
	draw_head(r, a, w, x, cols - x);
	for (i = 0; i < listview_visible(&r->people) &&
	    HEAD_ROWS + 1 + (int)i < rows; i++)
		draw_person(r, a, w, HEAD_ROWS + 1 + (int)i, x - 1, cols - x + 1,
		    r->people.top + i);
}

static int
rooms_tick(void *self, struct app *a, int64_t now)
{
	(void)self;
	(void)a;
	(void)now;
	return REQ_REDRAW;	/* the timers' column */
}

/* --- keys ---------------------------------------------------------------- */

static int
move_by(struct rooms *r, struct app *a, long delta)
{
	if (r->focus_people)
		listview_move(&r->people, delta);
	else {
		listview_move(&r->rooms, delta);
		collect_members(r, a);
		listview_home(&r->people);
	}
	return REQ_HANDLED | REQ_REDRAW;
}

SCREEN_KEY(key_down, move_by, 1)
SCREEN_KEY(key_up, move_by, -1)

/* The focused list's first or last row (the rooms', or the people's). */
static int
key_home(void *self, struct app *a)
{
	struct rooms *r = self;

	return move_by(r, a, -(long)(r->focus_people ? r->people.count :
	    r->rooms.count));
}

static int
key_end(void *self, struct app *a)
{
	struct rooms *r = self;

	return move_by(r, a, (long)(r->focus_people ? r->people.count :
	    r->rooms.count));
}

static int
key_focus_people(void *self, struct app *a)
{
	struct rooms *r = self;

	if (r->nmembers == 0) {
		app_message(a, "%s", _("nobody is in here"));
		return REQ_HANDLED;
	}
	r->focus_people = 1;
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_focus_rooms(void *self, struct app *a)
{
	struct rooms *r = self;

	(void)a;
	r->focus_people = 0;
	return REQ_HANDLED | REQ_REDRAW;
}

static const char *
chosen_id(const struct rooms *r, struct app *a)
{
	int room = chosen_room(r);

	return room >= 0 ? app_session(a)->state->rooms[room].id : NULL;
}

/* Reads a whole positive number from a prompt's answer; -1 if not one. */
static long
number(const char *text)
{
	char *end;
	long n;

	if (text == NULL)
		return -1;
	errno = 0;
	n = strtol(text, &end, 10);
	return errno != 0 || end == text || *end != '\0' || n < 0 ? -1 : n;
}

static void
make_confirmed(void *self, struct app *a, int yes)
{
	struct rooms *r = self;
	struct undo_action act = { .kind = UNDO_ROOMS_MAKE, .prototypes = 1 };

	act.n = r->make_n;
	if (yes)
		console_act(a, &act, _("rooms made, balanced by country"));
}

/* Making rooms when there are some already deals people again, which
 * cannot be undone: that asks first (M again or Enter), saying how many
 * would move. */
static void
make_done(void *self, struct app *a, const char *text)
{
	struct rooms *r = self;
	long n = number(text);
	int moves;
	char *q;

	if (text == NULL)
		return;
	if (n < 1) {
		app_error(a, xstrdup(_("give the number of rooms, e.g. 4")));
		return;
	}
	r->make_n = n;
	if (app_session(a)->state->nrooms == 0) {
		make_confirmed(r, a, 1);
		return;
	}
	moves = cmd_rooms_moves(app_session(a), (int)n, 1, 1);
	if (moves == 0) {
		make_confirmed(r, a, 1);	/* nobody moves: nothing to lose */
		return;
	}
	q = xasprintf(ngettext("Deal into %ld rooms again? %d person would "
	    "move (rooms from the registration list are kept); this cannot "
	    "be undone.", "Deal into %ld rooms again? %d people would move "
	    "(rooms from the registration list are kept); this cannot be "
	    "undone.", moves), n, moves);
	app_confirm_key(a, q, 'M', make_confirmed, r);
	free(q);
}

static int
key_make(void *self, struct app *a)
{
	app_prompt(a, _("How many rooms (people are spread by country)?"),
	    NULL, make_done, self);
	return REQ_HANDLED;
}

/* The answer to edit_room's prompt: the room's new name or topic. */
static void
edit_done(void *self, struct app *a, const char *text)
{
	struct rooms *r = self;
	struct undo_action act = { .kind = UNDO_ROOM_SET };

	if (text == NULL || chosen_id(r, a) == NULL)
		return;
	act.id = chosen_id(r, a);
	if (r->edit_topic)
		act.ref = text;
	else
		act.text = text;
	console_act(a, &act, r->edit_topic ? _("topic set") :
	    _("room renamed"));
}

static int
edit_room(struct rooms *r, struct app *a, int topic)
{
	const struct room *rm;

	if (chosen_room(r) < 0) {
		app_message(a, "%s", _("choose a room first (j k)"));
		return REQ_HANDLED;
	}
	rm = &app_session(a)->state->rooms[chosen_room(r)];
	r->edit_topic = topic;
	if (topic)
		app_prompt(a, _("Topic or case study:"), rm->topic, edit_done,
		    r);
	else
		app_prompt(a, _("Room name:"), rm->name, edit_done, r);
	return REQ_HANDLED;
}

SCREEN_KEY(key_rename, edit_room, 0)
SCREEN_KEY(key_topic, edit_room, 1)

static void
message_to_done(void *self, struct app *a, int this_room)
{
	console_broadcast(a, this_room ? chosen_id(self, a) : NULL, 0);
}

/* A message from the Rooms screen: to the chosen room or to everyone, as
 * the facilitator says (a message meant for one room must not reach all,
 * nor the other way round). */
static int
key_message(void *self, struct app *a)
{
	const char *id = chosen_id(self, a);
	char *q;

	if (id == NULL)
		return console_broadcast(a, NULL, 0);
	q = xasprintf(_("A message to %s only (y), or to everyone (n)?"),
	    console_room_name(a, chosen_room(self)));
	app_confirm(a, q, message_to_done, self);
	free(q);
	return REQ_HANDLED;
}

static void
recall_done(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_MESSAGE,
	    .n = MESSAGE_RECALL };

	(void)self;
	if (!yes)
		return;
	/* The terminals say "Back to the plenary, please." themselves. */
	act.text = "";
	console_act(a, &act, _("everyone is called back; room timers "
	    "stopped"));
}

static int
key_recall(void *self, struct app *a)
{
	app_confirm_key(a, _("Call everyone back to the plenary?"), 'R',
	    recall_done, self);
	return REQ_HANDLED;
}

static int
key_timer(void *self, struct app *a)
{
	return console_timer_toggle(a, chosen_id(self, a));
}

static int
key_extend1(void *self, struct app *a)
{
	return console_timer_extend(a, chosen_id(self, a), 60);
}

static int
key_extend5(void *self, struct app *a)
{
	return console_timer_extend(a, chosen_id(self, a), 300);
}

/* Moves the highlighted person to room `to` (-1: no room). */
static int
move_person(struct rooms *r, struct app *a, int to)
{
	const struct state *st = app_session(a)->state;
	struct undo_action act = { .kind = UNDO_MOVE };
	int req;

	if (!r->focus_people || r->nmembers == 0) {
		app_message(a, "%s", _("Enter, then choose a person to move"));
		return REQ_HANDLED;
	}
	act.id = st->participants[r->members[r->people.sel]].id;
	act.ref = to >= 0 ? st->rooms[to].id : "";
	req = console_act(a, &act, NULL);
	if (app_session(a)->state->participants[r->members[r->people.sel]].room
	    == to)
		app_message(a, _("moved to %s"), to >= 0 ?
		    console_room_name(a, to) : _("no room"));
	return req;
}

static int
key_move_next(void *self, struct app *a)
{
	struct rooms *r = self;
	int n = (int)app_session(a)->state->nrooms;

	return move_person(r, a, chosen_room(r) + 1 < n ?
	    chosen_room(r) + 1 : -1);
}

static int
key_move_prev(void *self, struct app *a)
{
	struct rooms *r = self;
	int n = (int)app_session(a)->state->nrooms;

	return move_person(r, a, chosen_room(r) >= 0 ? chosen_room(r) - 1 :
	    n - 1);
}

static void
move_done(void *self, struct app *a, const char *text)
{
	long n = number(text);

	if (text == NULL)
		return;
	if (n < 0 || n > (long)app_session(a)->state->nrooms) {
		app_error(a, xasprintf(_("give a room number from 1 to %zu, "
		    "or 0 for no room"), app_session(a)->state->nrooms));
		return;
	}
	move_person(self, a, (int)n - 1);
}

static int
key_move(void *self, struct app *a)
{
	struct rooms *r = self;

	if (!r->focus_people || r->nmembers == 0)
		return move_person(r, a, -1);
	app_prompt(a, _("Move to room number (0: no room):"), NULL, move_done,
	    r);
	return REQ_HANDLED;
}

static const struct binding rooms_keys[] = {
	SCREEN_MOVE_KEYS(N_("choose a room / a person"), key),
	SCREEN_END_KEYS(N_("the first / last room (or person)"), key),
	{ '\r', "Enter Esc", N_("to the people / back to the rooms"),
	    key_focus_people },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_focus_people },
	{ KEYCODE(KEY_RIGHT), NULL, NULL, key_focus_people },
	{ 27, NULL, NULL, key_focus_rooms },
	{ KEYCODE(KEY_LEFT), NULL, NULL, key_focus_rooms },
	{ 'M', "M", N_("make rooms, balanced by country (again: asks first)"), key_make },
	{ 'c', "c", N_("name the room"), key_rename },
	{ 'C', "C", N_("give the room a topic or case study"), key_topic },
	{ '>', "> <", N_("move the person to the next / previous room"),
	    key_move_next },
	{ '<', NULL, NULL, key_move_prev },
	{ 'm', "m", N_("move the person to a room by number"), key_move },
	{ 'b', "b", N_("a message: asks whether to this room or everyone"),
	    key_message },
	{ 'R', "R", N_("call everyone back to the plenary (asks first)"), key_recall },
	{ 't', "t e E", N_("this room's timer: start-pause, +1, +5 min"),
	    key_timer },
	{ 'e', NULL, NULL, key_extend1 },
	{ 'E', NULL, NULL, key_extend5 },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_rooms = {
	.name = N_("Rooms"),
	.keys = rooms_keys,
	.init = rooms_init,
	.fini = rooms_fini,
	.resize = rooms_resize,
	.draw = rooms_draw,
	.tick = rooms_tick,
	.changed = rooms_changed,
};
