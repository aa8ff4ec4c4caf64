/* console.c -- the facilitator console: its screens, its keys on every
 * screen, and the actions they share. */
#include "console.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "plan.h"
#include "presence.h"
#include "throttle.h"
#include "questions.h"
#include "session.h"
#include "state.h"

#define UNDO_LIMIT 200

struct console *
console_of(const struct app *a)
{
	return app_role(a);
}

int
console_act(struct app *a, const struct undo_action *act, const char *done)
{
	struct console *c = console_of(a);
	char *err = NULL;
	int status = undo_do(c->undo, app_session(a), act, &err);

	return app_report(a, status, err, done);
}

const char *
console_room_name(const struct app *a, int room)
{
	return state_room_label(app_session(a)->state, room);
}

void
console_hhmm(const struct app *a, int64_t utc_ms, char *buf, size_t size)
{
	draw_hhmm(app_session(a)->module->timezone, utc_ms, buf, size);
}

/* --- timers -------------------------------------------------------------- */

static void
timer_minutes_done(void *self, struct app *a, const char *text)
{
	struct console *c = self;
	struct undo_action act = { .kind = UNDO_TIMER, .timer = TIMER_START };
	char *end;
	long minutes;

	if (text != NULL) {
		errno = 0;
		minutes = strtol(text, &end, 10);
		if (errno != 0 || end == text || *end != '\0' || minutes < 1)
			app_error(a, xstrdup(_("give the minutes as a whole "
			    "number, e.g. 10")));
		else {
			act.room = c->pending_room;
			act.n = minutes * 60;
			console_act(a, &act, _("timer started"));
		}
	}
	free(c->pending_room);
	c->pending_room = NULL;
}

int
console_timer_toggle(struct app *a, const char *room)
{
	struct console *c = console_of(a);
	const struct state *st = app_session(a)->state;
	int r = room != NULL ? state_room(st, room) : -1;
	const struct timer *t = state_timer(st, r);
	struct undo_action act = { .kind = UNDO_TIMER, .room = room };
	const struct agenda_item *it;

	if (t != NULL && t->state == TIMER_RUNNING) {
		act.timer = TIMER_PAUSE;
		return console_act(a, &act, _("timer paused"));
	}
	if (t != NULL && t->state == TIMER_PAUSED) {
		act.timer = TIMER_RESUME;
		return console_act(a, &act, _("timer running again"));
	}
	it = st->agenda_id != NULL ?
	    module_item(app_session(a)->module, st->agenda_id) : NULL;
	if (it == NULL || it->minutes <= 0) {
		/* No agenda item says how long: ask. */
		free(c->pending_room);
		c->pending_room = room != NULL ? xstrdup(room) : NULL;
		app_prompt(a, _("Minutes for the timer:"), NULL,
		    timer_minutes_done, c);
		return REQ_HANDLED;
	}
	act.timer = TIMER_START;
	act.n = 0;		/* the current agenda item's minutes */
	return console_act(a, &act, _("timer started"));
}

int
console_timer_extend(struct app *a, const char *room, long seconds)
{
	struct undo_action act = { .kind = UNDO_TIMER, .room = room,
	    .timer = TIMER_EXTEND, .n = seconds };

	return console_act(a, &act, seconds >= 300 ?
	    _("five minutes added") : _("one minute added"));
}

/* --- messages ------------------------------------------------------------ */

static void
broadcast_done(void *self, struct app *a, const char *text)
{
	struct console *c = self;
	struct undo_action act = { .kind = UNDO_MESSAGE };

	act.room = c->pending_room;
	act.text = text;
	if (text != NULL && *text != '\0') {
		act.n = c->pending_until_down ? MESSAGE_UNTIL_DOWN :
		    MESSAGE_FOR_ITEM;
		console_act(a, &act, c->pending_until_down ?
		    _("message sent: it stays until taken down") :
		    _("message sent: it goes when the item ends"));
	} else if (text != NULL && c->pending_until_down) {
		act.n = MESSAGE_DOWN;
		console_act(a, &act, _("messages taken down"));
	}
	free(c->pending_room);
	c->pending_room = NULL;
}

int
console_broadcast(struct app *a, const char *room, int until_down)
{
	struct console *c = console_of(a);
	const char *to;
	char *q;

	free(c->pending_room);
	c->pending_room = room != NULL ? xstrdup(room) : NULL;
	c->pending_until_down = until_down;
	to = room != NULL ? console_room_name(a, state_room(
	    app_session(a)->state, room)) : _("everyone");
	q = until_down ? xasprintf(_("Message to %s, until taken down "
	    "(empty: take down what is shown):"), to) :
	    xasprintf(_("Message to %s, for this item:"), to);
	app_prompt(a, q, NULL, broadcast_done, c);
	free(q);
	return REQ_HANDLED;
}

/* --- the keys of every screen -------------------------------------------- */

static int
key_timer(void *self, struct app *a)
{
	(void)self;
	return console_timer_toggle(a, console_of(a)->room);
}

static int
key_extend1(void *self, struct app *a)
{
	(void)self;
	return console_timer_extend(a, console_of(a)->room, 60);
}

static int
key_extend5(void *self, struct app *a)
{
	(void)self;
	return console_timer_extend(a, console_of(a)->room, 300);
}

/* --- the agenda: making an item current ----------------------------------- */

static void
agenda_goto_done(void *self, struct app *a, int yes)
{
	struct console *c = self;
	struct undo_action act = { .kind = UNDO_AGENDA, .move = AGENDA_GOTO };

	if (yes) {
		/* The page follows the agenda again. */
		free(c->page_item);
		c->page_item = NULL;
		act.ref = c->pending_item;
		console_act(a, &act, NULL);
	}
	free(c->pending_item);
	c->pending_item = NULL;
}

int
console_agenda_goto(struct app *a, const char *id, int key)
{
	struct console *c = console_of(a);
	const struct session *s = app_session(a);
	const struct agenda_item *to = module_item(s->module, id), *cur;
	char *q;

	cur = s->state->agenda_id != NULL && !s->state->agenda_ended ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	if (to == NULL)
		return REQ_HANDLED;
	if (to == cur) {
		app_message(a, _("'%s' is the current item already"),
		    to->title);
		return REQ_HANDLED;
	}
	free(c->pending_item);
	c->pending_item = xstrdup(to->id);
	if (cur == NULL) {
		/* Nothing runs (not yet, or the item was ended): starting
		 * one ends nothing. */
		agenda_goto_done(c, a, 1);
		return REQ_HANDLED | REQ_REDRAW | REQ_STATUS;
	}
	q = xasprintf(_("Make '%s' current? It ends '%s' and its timer for "
	    "everyone."), to->title, cur->title);
	app_confirm_key(a, q, key, agenda_goto_done, c);
	free(q);
	return REQ_HANDLED;
}

/* n and p: the item after or before the current one (the first when the
 * agenda has not started; after an end, p takes up the item ended); at
 * either end the command says why not. */
static int
agenda_step(struct app *a, enum agenda_move m, int key)
{
	const struct session *s = app_session(a);
	const struct module *mod = s->module;
	int to = plan_step(mod, s->state, m == AGENDA_NEXT ? 1 : -1);
	struct undo_action act = { .kind = UNDO_AGENDA, .move = m };

	if (to < 0 || (size_t)to >= mod->nitems)
		return console_act(a, &act, NULL);
	return console_agenda_goto(a, mod->items[to].id, key);
}

static int
key_next(void *self, struct app *a)
{
	(void)self;
	return agenda_step(a, AGENDA_NEXT, 'n');
}

static int
key_prev(void *self, struct app *a)
{
	(void)self;
	return agenda_step(a, AGENDA_PREV, 'p');
}

static void
end_confirmed(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_AGENDA, .move = AGENDA_END };

	(void)self;
	if (yes)
		console_act(a, &act, _("ended: nothing runs until n starts "
		    "the next item"));
}

/* X: ends the current item and its timer with nothing after it (the end
 * of the day); asks first. */
static int
key_end(void *self, struct app *a)
{
	const struct session *s = app_session(a);
	const struct agenda_item *cur = s->state->agenda_id != NULL &&
	    !s->state->agenda_ended ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	char *q;

	(void)self;
	if (cur == NULL) {
		app_message(a, "%s", _("no agenda item is running: there is "
		    "nothing to end"));
		return REQ_HANDLED;
	}
	q = xasprintf(_("End '%s' and its timer for everyone, with nothing "
	    "after it?"), cur->title);
	app_confirm_key(a, q, 'X', end_confirmed, NULL);
	free(q);
	return REQ_HANDLED;
}

/* Closing a round ends the voting on every terminal, and revealing shows
 * the results to everyone: both ask first. */
static void
close_confirmed(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_VOTING_CLOSE, .n = 1 };

	(void)self;
	if (yes)
		console_act(a, &act, _("voting closed: r reveals the "
		    "results"));
}

static int
key_voting(void *self, struct app *a)
{
	const struct state *st = app_session(a)->state;
	struct undo_action act = { .kind = UNDO_VOTING_OPEN };

	(void)self;
	if (state_open_round(st) >= 0) {
		app_confirm_key(a, _("Close voting? Nobody can add dots after "
		    "it."), 'v', close_confirmed, NULL);
		return REQ_HANDLED;
	}
	act.room = console_of(a)->room;
	return console_act(a, &act, _("voting is open"));
}

static void
reveal_confirmed(void *self, struct app *a, int yes)
{
	struct undo_action act = { .kind = UNDO_VOTING_REVEAL, .n = 1 };

	(void)self;
	if (yes)
		console_act(a, &act, _("results revealed"));
}

static int
key_reveal(void *self, struct app *a)
{
	const struct state *st = app_session(a)->state;
	const struct round *r = st->current_round >= 0 ?
	    &st->rounds[st->current_round] : NULL;

	(void)self;
	/* Nothing to reveal: the command says why, without a question. */
	if (r == NULL || r->open || r->revealed) {
		struct undo_action act = { .kind = UNDO_VOTING_REVEAL,
		    .n = 1 };

		return console_act(a, &act, _("results revealed"));
	}
	app_confirm_key(a, _("Reveal the results on every screen?"), 'r',
	    reveal_confirmed, NULL);
	return REQ_HANDLED;
}

static int
key_broadcast(void *self, struct app *a)
{
	(void)self;
	return console_broadcast(a, console_of(a)->room, 0);
}

static int
key_broadcast_kept(void *self, struct app *a)
{
	(void)self;
	return console_broadcast(a, console_of(a)->room, 1);
}

static int
key_undo(void *self, struct app *a)
{
	struct console *c = console_of(a);
	const char *what = NULL;
	char *err = NULL;
	int status;

	(void)self;
	status = undo_undo(c->undo, app_session(a), &what, &err);
	if (status == 0) {
		app_message(a, _("undone: %s"), _(what));
		return REQ_HANDLED | REQ_REDRAW | REQ_STATUS;
	}
	return app_report(a, status, err, NULL);
}

static const struct binding console_keys[] = {
	{ 't', "t", N_("start, pause or resume the timer"), key_timer },
	{ 'e', "e E", N_("add one / five minutes to the timer"), key_extend1 },
	{ 'E', NULL, NULL, key_extend5 },
	{ 'n', "n p", N_("next / previous agenda item (asks first: it "
	    "ends the current one)"), key_next },
	{ 'p', NULL, NULL, key_prev },
	{ 'X', "X", N_("end the current item and its timer, nothing after "
	    "it: the end of the day (asks first)"), key_end },
	{ 'v', "v", N_("open or close voting (closing asks first)"),
	    key_voting },
	{ 'r', "r", N_("reveal the results of the last round (asks first)"),
	    key_reveal },
	{ 'b', "b B", N_("broadcast a message for this item / until taken "
	    "down (B with no text takes messages down)"), key_broadcast },
	{ 'B', NULL, NULL, key_broadcast_kept },
	{ 'u', "u", N_("undo this console's last action"), key_undo },
	{ 0, NULL, NULL, NULL }
};

/* --- the clock and the bell ---------------------------------------------- */

static void
console_changed(struct app *a)
{
	struct console *c = console_of(a);
	const struct state *st = app_session(a)->state;
	size_t i;

	if (c->nlast >= st->ntimers)
		return;
	/* A new timer: it has not passed zero yet. */
	c->last_remaining = xrealloc(c->last_remaining,
	    st->ntimers * sizeof *c->last_remaining);
	for (i = c->nlast; i < st->ntimers; i++)
		c->last_remaining[i] = INT64_MAX;
	c->nlast = st->ntimers;
}

/* Someone guessing PINs or the passphrase, or terminals polling the
 * journal: the facilitator hears of it, once per growth, looked at every
 * 10 s at most (a directory read each). */
static void
watch_guessing(struct app *a, int64_t now)
{
	struct console *c = console_of(a);
	int n;

	if (now - c->failures_at < 10000)
		return;
	c->failures_at = now;
	n = throttle_failures(app_session(a));
	if (n > c->failures && n >= THROTTLE_FREE + 1)
		app_message(a, ngettext("%d wrong PIN or passphrase tried: "
		    "convene pin SESSION --clear-throttle lets them try again",
		    "%d wrong PINs or passphrases tried: convene pin SESSION "
		    "--clear-throttle lets them try again", n), n);
	c->failures = n;
	/* Terminals that could watch the journal neither by dnotify nor by
	 * inotify poll it: they see changes late and cost CPU, and only the
	 * facilitator can do something about it (journal.h). */
	n = presence_polling(app_session(a)->dir, NULL);
	if (n > c->polling)
		app_message(a, ngettext("%d terminal polls the journal (it "
		    "cannot be notified of changes): it sees them up to 100 ms "
		    "late", "%d terminals poll the journal (they cannot be "
		    "notified of changes): they see them up to 100 ms late",
		    n), n);
	if (n >= 0 && n != c->polling) {
		c->polling = n;
		app_dirty(a, REQ_REDRAW);	/* the roll call shows it */
	}
}

/* Rings once when the console's timer (its room's, or the session's)
 * passes zero while running. */
static void
console_tick(struct app *a, int64_t now)
{
	struct console *c = console_of(a);
	const struct state *st = app_session(a)->state;
	size_t i;
	int64_t rem;

	console_changed(a);
	watch_guessing(a, now);
	for (i = 0; i < st->ntimers; i++) {
		const struct timer *t = &st->timers[i];

		if (t->state != TIMER_RUNNING) {
			c->last_remaining[i] = INT64_MAX;
			continue;
		}
		rem = timer_remaining_ms(t, now);
		if (c->bell && t->room == app_room(a) &&
		    c->last_remaining[i] > 0 && rem <= 0 &&
		    c->last_remaining[i] != INT64_MAX)
			beep();
		c->last_remaining[i] = rem;
	}
}

/* --- running it ---------------------------------------------------------- */

static const struct screen_ops *const console_screens[] = {
	&console_agenda, &console_page, &console_timer, &console_rooms,
	&console_board, &console_voting, &console_rollcall,
	&console_questions, &console_polls,
};

static int
console_start(struct session *s, const char *room, int demo,
    const struct cli_term *term)
{
	struct console c;
	struct app_config cfg;
	struct presence *here;
	char *err = NULL;
	int status;

	memset(&c, 0, sizeof c);
	c.s = s;
	c.demo = demo;
	c.undo = undo_stack_new(UNDO_LIMIT);
	c.room = room;
	c.bell = 1;
	memset(&cfg, 0, sizeof cfg);
	cfg.screens = console_screens;
	cfg.nscreens = NELEM(console_screens);
	cfg.keys = console_keys;
	cfg.role = &c;
	cfg.room = room;
	cfg.quit_question = N_("Quit the console?");
	cfg.report_damage = 1;
	app_config_term(&cfg, term);
	cfg.tick = console_tick;
	cfg.changed = console_changed;
	cfg.after_keys = console_page_after_keys;
	here = presence_open(s->dir, PRESENCE_CONSOLE, NULL, &err);
	free(err);		/* unseen: it works all the same */
	presence_set_polling(here, journal_watch_fd(s->journal) < 0, NULL);
	status = app_run(s, &cfg);
	presence_close(here);
	undo_stack_free(c.undo);
	free(c.last_remaining);
	free(c.page_item);
	free(c.pending_room);
	free(c.pending_item);
	return status;
}

int
console_run(struct session *s, const char *room, const struct cli_term *term)
{
	return console_start(s, room, 0, term);
}

int
console_demo(struct session *s)
{
	return console_start(s, NULL, 1, NULL);
}
