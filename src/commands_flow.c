/*
 * commands_flow.c -- how the workshop flows, with its rules: the agenda
 * (making an item current ends the one before with its timers and pins, as
 * one batch; a presented page follows it), what the projector's wall shows, and broadcast messages.
 */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands_int.h"
#include "i18n.h"
#include "journal.h"
#include "plan.h"
#include "presence.h"
#include "serve.h"
#include "util.h"

/* Room timers end with their rooms' activity: a recall and an agenda step
 * stop every one that runs or is paused. */
static void
stop_room_timers(struct journal_batch *b, const struct session *s)
{
	const struct state *st = s->state;
	size_t i;

	for (i = 0; i < st->ntimers; i++) {
		const struct timer *t = &st->timers[i];
		struct event ev = { .type = EV_TIMER };

		if (t->room < 0 || (size_t)t->room >= st->nrooms ||
		    t->state == TIMER_IDLE)
			continue;
		ev.room = st->rooms[t->room].id;
		ev.ref = "stop";
		cmd_add(b, s, ACTOR_FACILITATOR, &ev);
	}
}

/* --- the agenda ---------------------------------------------------------- */

struct agenda_cmd {
	struct session *s;
	enum agenda_move m;
	const char *id;
	const struct agenda_restore *restore;	/* an undo; else NULL */
};

/* Ids are read in lower case from module.ini (iniparser), but a facilitator
 * types them as the file spells them: "goto D1-Opening" finds d1-opening. */
static int
agenda_index_any_case(const struct module *m, const char *id)
{
	size_t i;
	int k = module_item_index(m, id);

	for (i = 0; k < 0 && id != NULL && i < m->nitems; i++)
		if (strcasecmp(m->items[i].id, id) == 0)
			k = (int)i;
	return k;
}

static int
agenda_goto_target(const struct agenda_cmd *c, const char **to, char **err)
{
	const struct module *m = c->s->module;
	int k;

	/* "" is before the first item: the undo of the first step. */
	if (c->id == NULL || *c->id == '\0') {
		if (c->s->state->agenda_id == NULL)
			return cmd_refuse(err, "%s", _("the agenda has not "
			    "started"));
		*to = "";
		return 0;
	}
	k = agenda_index_any_case(m, c->id);
	if (k < 0)
		return cmd_refuse(err, _("no agenda item '%s' in this module"),
		    c->id);
	*to = m->items[k].id;
	return 0;
}

static int
agenda_target(const struct agenda_cmd *c, const char **to, char **err)
{
	const struct module *m = c->s->module;
	int k;

	if (c->m == AGENDA_GOTO)
		return agenda_goto_target(c, to, err);
	if (m->nitems == 0)
		return cmd_refuse(err, "%s", _("the module has no agenda"));
	/* skipped items are passed over; prev after an end resumes the
	 * item ended (plan_step) */
	k = plan_step(m, c->s->state, c->m == AGENDA_NEXT ? 1 : -1);
	if (k < 0)
		return cmd_refuse(err, "%s", c->m == AGENDA_NEXT ?
		    _("the agenda is at its last item") :
		    _("the agenda is at its first item"));
	*to = m->items[k].id;
	return 0;
}

static void
add_session_timer(struct journal_batch *b, const struct session *s,
    const char *action, long seconds)
{
	struct event ev = { .type = EV_TIMER };

	ev.room = "";
	ev.ref = action;
	ev.n = seconds;
	cmd_add(b, s, ACTOR_FACILITATOR, &ev);
}

/* A pin belongs to the item it was made in: it ends with it. */
static void
unpin_questions(struct journal_batch *b, const struct session *s)
{
	const struct state *st = s->state;
	size_t i;

	for (i = 0; i < st->nquestions; i++) {
		struct event ev = { .type = EV_QUESTION_MARK };

		if (!st->questions[i].pinned)
			continue;
		ev.id = st->questions[i].id;
		ev.ref = "pinned";
		ev.n = 0;
		cmd_add(b, s, ACTOR_FACILITATOR, &ev);
	}
}

static void
repin_question(struct journal_batch *b, const struct session *s,
    const char *id)
{
	struct event ev = { .type = EV_QUESTION_MARK };
	int q = state_question(s->state, id);

	if (q < 0 || s->state->questions[q].pinned)
		return;
	ev.id = id;
	ev.ref = "pinned";
	ev.n = 1;
	cmd_add(b, s, ACTOR_FACILITATOR, &ev);
}

/* 1 when making an item current now starts a workshop day: nothing was
 * made current yet on the day of now. */
static int
starts_day(const struct state *st, int64_t now, int *day)
{
	size_t v;

	*day = state_day_of(st, now);
	for (v = st->nvisits; v-- > 0;)
		if (state_day_of(st, st->visits[v].at) == *day)
			return 0;
	return *day >= 1;
}

struct day_start {
	struct journal_batch *b;
	const struct session *s;
	int day;
};

static void
check_in_open(enum presence_role role, const char *pid, void *ctx)
{
	struct day_start *d = ctx;
	const struct state *st = d->s->state;
	struct event ev = { .type = EV_CHECKIN };
	int p = state_participant(st, pid);

	/* A kiosk may still show last night's person: not counted. */
	if (role != PRESENCE_PARTICIPANT || p < 0 ||
	    state_checkin(st, p, d->day) != NULL)
		return;
	ev.id = pid;
	ev.ref = "terminal";
	ev.n = d->day;
	cmd_add(d->b, d->s, ACTOR_FACILITATOR, &ev);
}

/* The day's first item starts: whoever has their own terminal open is
 * present that day, recorded now (presence is not part of the record). */
static void
check_in_present(struct journal_batch *b, const struct session *s)
{
	struct day_start d = { b, s, 0 };
	char *err = NULL;
	int days = s->module->days;

	if (!starts_day(s->state, journal_now_ms(), &d.day) ||
	    (days > 0 && d.day > days))
		return;
	if (presence_scan(s->dir, check_in_open, &d, &err) < 0)
		free(err);	/* unseen terminals: their people check in
				   when they act */
}

/* The item before ends with its timer. */
static void
stop_session_timer(struct journal_batch *b, const struct session *s)
{
	const struct timer *t = state_timer(s->state, -1);

	if (t != NULL && t->state != TIMER_IDLE)
		add_session_timer(b, s, "stop", 0);
}

static void
add_agenda(struct journal_batch *b, const struct session *s, const char *id,
    int end)
{
	struct event ev = { .type = EV_AGENDA };

	ev.id = id;
	ev.ref = end ? "end" : "";
	cmd_add(b, s, ACTOR_FACILITATOR, &ev);
}

/* The new item's own timer, unless the plan says the facilitator starts
 * timers by hand. */
static void
start_item_timer(struct journal_batch *b, const struct session *s,
    const char *id)
{
	const struct agenda_item *it = module_item(s->module, id);

	if (it == NULL || it->minutes <= 0 || s->module->timer_manual ||
	    s->set.timer_manual)
		return;
	add_session_timer(b, s, "start", (long)it->minutes * 60);
}

/* The timer an undo puts back: a running one as though the move had never
 * happened. */
static void
restore_timer(struct journal_batch *b, const struct session *s,
    const struct agenda_restore *r)
{
	int64_t left = r->remaining_ms;
	long seconds;

	if (r->timer_state == TIMER_IDLE)
		return;
	if (r->timer_state == TIMER_RUNNING)
		left -= journal_now_ms() - r->at;
	/* A timer cannot start at zero or below: an overrun one starts at a
	 * second and is over again at once. */
	seconds = left > 1000 ? (long)((left + 999) / 1000) : 1;
	if (seconds > TIMER_MAX_SECONDS)
		seconds = TIMER_MAX_SECONDS;
	add_session_timer(b, s, "start", seconds);
	if (r->timer_state == TIMER_PAUSED)
		add_session_timer(b, s, "pause", 0);
}

static int
build_agenda_end(struct journal_batch *b, struct agenda_cmd *c, char **err)
{
	const struct state *st = c->s->state;

	if (st->agenda_id == NULL || st->agenda_ended)
		return cmd_refuse(err, "%s", _("no agenda item is running: "
		    "there is nothing to end"));
	stop_room_timers(b, c->s);
	stop_session_timer(b, c->s);
	unpin_questions(b, c->s);
	add_agenda(b, c->s, st->agenda_id, 1);
	cmd_present_follow(b, c->s, st->agenda_id, 1);
	return 0;
}

static int
build_agenda(struct journal_batch *b, void *ctx, char **err)
{
	struct agenda_cmd *c = ctx;
	const char *to = NULL;

	/* The plan as of the lock: another terminal may have changed it in
	 * the records just caught up with. */
	plan_apply(c->s->module, c->s->state);
	if (c->m == AGENDA_END)
		return build_agenda_end(b, c, err);
	if (agenda_target(c, &to, err) != 0)
		return 1;
	stop_room_timers(b, c->s);
	stop_session_timer(b, c->s);
	unpin_questions(b, c->s);
	if (c->restore != NULL) {
		add_agenda(b, c->s, to, c->restore->ended && *to != '\0');
		restore_timer(b, c->s, c->restore);
		repin_question(b, c->s, c->restore->pinned);
		cmd_present_follow(b, c->s, to, c->restore->ended);
		return 0;
	}
	if (*to != '\0')
		check_in_present(b, c->s);
	add_agenda(b, c->s, to, 0);
	if (*to != '\0')
		start_item_timer(b, c->s, to);
	cmd_present_follow(b, c->s, to, 0);
	return 0;
}

int
cmd_agenda(struct session *s, enum agenda_move m, const char *id,
    char **err)
{
	struct agenda_cmd c = { s, m, id, NULL };

	return cmd_run(s, build_agenda, &c, err);
}

int
cmd_agenda_restore(struct session *s, const char *id,
    const struct agenda_restore *r, char **err)
{
	struct agenda_cmd c = { s, AGENDA_GOTO, id, r };

	return cmd_run(s, build_agenda, &c, err);
}

/* --- changes to the plan -------------------------------------------------- */

#define PLAN_MINUTES_MAX 600

struct plan_cmd {
	struct session *s;
	enum plan_action action;
	const char *item, *title;
	int day, start, minutes, on, kind;
	char *new_id;
};

/* A new item's id: "added-N", the first N not taken. */
static char *
added_id(const struct module *m)
{
	unsigned n;
	char *id;

	for (n = 1;; n++) {
		id = xasprintf("added-%u", n);
		if (module_item_index(m, id) < 0)
			return id;
		free(id);
	}
}

static int
plan_rules(struct plan_cmd *c, const struct agenda_item **it, char **err)
{
	const struct module *m = c->s->module;
	const struct state *st = c->s->state;
	int k;

	*it = NULL;
	if (c->action == PLAN_ADD)
		return 0;
	if ((k = agenda_index_any_case(m, c->item)) < 0)
		return cmd_refuse(err, _("no agenda item '%s' in this module"),
		    c->item);
	*it = &m->items[k];
	if (c->action != PLAN_SKIP)
		return 0;
	if ((*it)->skipped == c->on)
		return cmd_refuse(err, c->on ? _("'%s' is skipped already") :
		    _("'%s' is not skipped"), (*it)->id);
	if (c->on && st->agenda_id != NULL && !st->agenda_ended &&
	    strcmp(st->agenda_id, (*it)->id) == 0)
		return cmd_refuse(err, _("'%s' is running: end it or move on "
		    "before skipping it"), (*it)->id);
	return 0;
}

static int
build_plan(struct journal_batch *b, void *ctx, char **err)
{
	static const char *const refs[] = { "move", "length", "skip", "add" };
	struct plan_cmd *c = ctx;
	const struct agenda_item *it;
	struct event ev = { .type = EV_PLAN };
	char hhmm[24], *extra = NULL;

	plan_apply(c->s->module, c->s->state);	/* as of the lock */
	if (plan_rules(c, &it, err) != 0)
		return 1;
	snprintf(hhmm, sizeof hhmm, "%02d:%02d", c->start / 60, c->start % 60);
	ev.ref = refs[c->action];
	ev.id = it != NULL ? it->id : (c->new_id = added_id(c->s->module));
	ev.n = c->action == PLAN_LENGTH ? c->minutes : c->action == PLAN_SKIP ?
	    c->on : c->day;
	if (c->action == PLAN_MOVE)
		ev.text = hhmm;
	if (c->action == PLAN_ADD) {
		ev.text = c->title;
		extra = xasprintf("%s\n%d\n%d", hhmm, c->minutes, c->kind);
		ev.extra = extra;
	}
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	free(extra);
	return 0;
}

static int
run_plan(struct plan_cmd *c, char **new_id, char **err)
{
	int days = c->s->module->days, r;

	if ((c->action == PLAN_MOVE || c->action == PLAN_ADD) &&
	    (c->day < 1 || c->day > days))
		return cmd_refuse(err, _("the workshop has days 1 to %d"),
		    days);
	if ((c->action == PLAN_MOVE || c->action == PLAN_ADD) &&
	    (c->start < 0 || c->start >= 24 * 60))
		return cmd_refuse(err, "%s", _("give the time as HH:MM"));
	if ((c->action == PLAN_LENGTH || c->action == PLAN_ADD) &&
	    (c->minutes < 1 || c->minutes > PLAN_MINUTES_MAX))
		return cmd_refuse(err, _("an item lasts 1 to %d minutes"),
		    PLAN_MINUTES_MAX);
	if (c->action == PLAN_ADD && cmd_check_name(_("the title"), c->title,
	    NAME_MAX_CHARS, 1, err) != 0)
		return 1;
	r = cmd_run(c->s, build_plan, c, err);
	if (r == 0 && new_id != NULL)
		*new_id = c->new_id;
	else
		free(c->new_id);
	return r;
}

int
cmd_plan_move(struct session *s, const char *item, int day, int start,
    char **err)
{
	struct plan_cmd c = { s, PLAN_MOVE, item, NULL, day, start, 0, 0, 0,
	    NULL };

	if (s->serve_name != NULL)
		return serve_plan_move(s, item, day, start, err);

	return run_plan(&c, NULL, err);
}

int
cmd_plan_length(struct session *s, const char *item, int minutes,
    char **err)
{
	struct plan_cmd c = { s, PLAN_LENGTH, item, NULL, 0, 0, minutes, 0, 0,
	    NULL };

	if (s->serve_name != NULL)
		return serve_plan_length(s, item, minutes, err);

	return run_plan(&c, NULL, err);
}

int
cmd_plan_skip(struct session *s, const char *item, int on, char **err)
{
	struct plan_cmd c = { s, PLAN_SKIP, item, NULL, 0, 0, 0, on != 0, 0,
	    NULL };

	if (s->serve_name != NULL)
		return serve_plan_skip(s, item, on, err);

	return run_plan(&c, NULL, err);
}

int
cmd_plan_add(struct session *s, int day, int start, int minutes, int kind,
    const char *title, char **new_id, char **err)
{
	struct plan_cmd c = { s, PLAN_ADD, NULL, title, day, start, minutes, 0,
	    kind, NULL };

	if (s->serve_name != NULL)
		return serve_plan_add(s, day, start, minutes, kind, title,
		    new_id, err);

	if (kind < 0 || kind >= KIND_COUNT)
		return cmd_refuse(err, "%s", _("unknown kind of item"));
	return run_plan(&c, new_id, err);
}

/* --- the projector ------------------------------------------------------- */

struct projector_cmd {
	struct session *s;
	int all;
};

static int
build_projector(struct journal_batch *b, void *ctx, char **err)
{
	struct projector_cmd *c = ctx;
	struct event ev = { .type = EV_PROJECTOR };

	if (c->s->state->projector_all == c->all)
		return cmd_refuse(err, "%s", c->all ?
		    _("the projector shows every thread already") :
		    _("the projector shows the current thread already"));
	ev.ref = c->all ? "all" : "thread";
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_projector(struct session *s, const char *what, char **err)
{
	struct projector_cmd c = { s, 0 };

	if (s->serve_name != NULL)
		return serve_projector(s, what, err);

	if (what == NULL || (strcmp(what, "all") != 0 &&
	    strcmp(what, "thread") != 0))
		return cmd_refuse(err, "%s", _("the projector shows 'all' or "
		    "'thread'"));
	c.all = strcmp(what, "all") == 0;
	return cmd_run(s, build_projector, &c, err);
}

/* --- messages ------------------------------------------------------------ */

struct message_cmd {
	struct session *s;
	const char *room, *text;
	enum message_kind kind;
};

static int
build_message(struct journal_batch *b, void *ctx, char **err)
{
	struct message_cmd *c = ctx;
	struct event ev = { .type = EV_MESSAGE };

	if (c->room != NULL && *c->room != '\0' &&
	    state_room(c->s->state, c->room) < 0)
		return cmd_refuse(err, _("no room '%s' in this session"),
		    c->room);
	if (c->kind == MESSAGE_RECALL)
		stop_room_timers(b, c->s);
	ev.room = c->room;
	ev.text = c->kind == MESSAGE_DOWN ? "" : c->text;
	ev.n = c->kind == MESSAGE_RECALL ? 1 : c->kind == MESSAGE_DOWN ? 2 : 0;
	ev.ref = c->kind == MESSAGE_FOR_ITEM || c->kind == MESSAGE_RECALL ?
	    "item" : "";
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_message(struct session *s, const char *room, const char *text,
    enum message_kind kind, char **err)
{
	struct message_cmd c = { s, room, text, kind };

	if ((unsigned)kind > MESSAGE_UNTIL_DOWN)
		return cmd_refuse(err, "%s", _("unknown kind of message"));
	if (kind != MESSAGE_DOWN && (kind != MESSAGE_RECALL ||
	    (text != NULL && *text != '\0')) &&
	    cmd_check_text(_("the message"), text, err) != 0)
		return 1;
	return cmd_run(s, build_message, &c, err);
}
