/*
 * commands_facilitator.c -- what the facilitator drives: timers, rooms,
 * voting rounds, the agenda and broadcast messages, with their rules.
 */
#include "commands.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands_int.h"
#include "i18n.h"
#include "util.h"

#define TIMER_MAX_SECONDS (24 * 60 * 60)
#define ROUND_BUDGET_MAX 99
#define ROOMS_MAX 500

/* --- timers -------------------------------------------------------------- */

static const char *const timer_action_names[] = {
	[TIMER_START] = "start", [TIMER_PAUSE] = "pause",
	[TIMER_RESUME] = "resume", [TIMER_STOP] = "stop",
	[TIMER_EXTEND] = "extend",
};

struct timer_cmd {
	struct session *s;
	const char *room;
	enum timer_action a;
	long seconds;
};

static int
timer_start_seconds(const struct session *s, long *seconds, char **err)
{
	const struct agenda_item *it;

	if (*seconds > 0)
		return 0;
	it = s->state->agenda_id != NULL ?
	    module_item(s->module, s->state->agenda_id) : NULL;
	if (it == NULL || it->minutes <= 0)
		return cmd_refuse(err, "%s", _("give the minutes: no agenda "
		    "item is current to take them from"));
	*seconds = (long)it->minutes * 60;
	return 0;
}

static int
timer_rules(const struct timer_cmd *c, const struct timer *t, char **err)
{
	int state = t != NULL ? t->state : TIMER_IDLE;

	switch (c->a) {
	case TIMER_START:
		if (state == TIMER_RUNNING)
			return cmd_refuse(err, "%s", _("the timer is running: "
			    "stop it before starting it again"));
		return 0;
	case TIMER_PAUSE:
		if (state != TIMER_RUNNING)
			return cmd_refuse(err, "%s", _("the timer is not "
			    "running"));
		return 0;
	case TIMER_RESUME:
		if (state != TIMER_PAUSED)
			return cmd_refuse(err, "%s", _("the timer is not "
			    "paused"));
		return 0;
	case TIMER_STOP:
	case TIMER_EXTEND:
		if (state == TIMER_IDLE)
			return cmd_refuse(err, "%s", _("the timer is not "
			    "running"));
		if (c->a == TIMER_EXTEND && t->length_ms + (int64_t)c->seconds *
		    1000 <= 0)
			return cmd_refuse(err, "%s", _("the timer cannot be "
			    "shortened to nothing"));
		return 0;
	}
	return cmd_refuse(err, "%s", _("unknown timer action"));
}

static int
build_timer(struct journal_batch *b, void *ctx, char **err)
{
	struct timer_cmd *c = ctx;
	const struct state *st = c->s->state;
	int room = -1;
	struct event ev = { .type = EV_TIMER };

	if (c->room != NULL && *c->room != '\0' &&
	    (room = state_room(st, c->room)) < 0)
		return cmd_refuse(err, _("no room '%s' in this session"),
		    c->room);
	if (timer_rules(c, state_timer(st, room), err) != 0)
		return 1;
	if (c->a == TIMER_START &&
	    timer_start_seconds(c->s, &c->seconds, err) != 0)
		return 1;
	ev.room = room >= 0 ? st->rooms[room].id : "";
	ev.ref = timer_action_names[c->a];
	ev.n = c->a == TIMER_START || c->a == TIMER_EXTEND ? c->seconds : 0;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_timer(struct session *s, const char *room, enum timer_action a,
    long seconds, char **err)
{
	struct timer_cmd c = { s, room, a, seconds };

	if ((unsigned)a >= NELEM(timer_action_names))
		return cmd_refuse(err, "%s", _("unknown timer action"));
	if (a == TIMER_START && (seconds < 0 || seconds > TIMER_MAX_SECONDS))
		return cmd_refuse(err, "%s", _("a timer runs from 1 minute to "
		    "24 hours"));
	if (a == TIMER_EXTEND && (seconds == 0 || seconds > TIMER_MAX_SECONDS ||
	    seconds < -TIMER_MAX_SECONDS))
		return cmd_refuse(err, "%s", _("a timer is extended by 1 "
		    "minute to 24 hours (or shortened, to undo)"));
	return cmd_run(s, build_timer, &c, err);
}

/* --- rooms --------------------------------------------------------------- */

struct rooms_cmd {
	struct session *s;
	int n, balance;
	const struct state *st;	/* for the sort */
	size_t *country_size;	/* per participant: their country's size */
};

static const struct rooms_cmd *sort_ctx;

/* Big countries first, then by code, then in registration order: dealing
 * this order round the rooms spreads every country as widely as it can. */
static int
by_country(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct state *st = sort_ctx->st;
	int c;

	if (sort_ctx->country_size[i] != sort_ctx->country_size[j])
		return sort_ctx->country_size[i] > sort_ctx->country_size[j] ?
		    -1 : 1;
	c = strcmp(st->participants[i].country, st->participants[j].country);
	if (c != 0)
		return c;
	return i < j ? -1 : i > j;
}

static size_t *
deal_order(struct rooms_cmd *c)
{
	const struct state *st = c->s->state;
	size_t n = st->nparticipants, i, j, *order = xcalloc(n, sizeof *order);

	for (i = 0; i < n; i++)
		order[i] = i;
	if (!c->balance)
		return order;
	c->st = st;
	c->country_size = xcalloc(n, sizeof *c->country_size);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			if (strcmp(st->participants[i].country,
			    st->participants[j].country) == 0)
				c->country_size[i]++;
	sort_ctx = c;
	qsort(order, n, sizeof *order, by_country);
	sort_ctx = NULL;
	free(c->country_size);
	c->country_size = NULL;
	return order;
}

static void
add_rooms(struct journal_batch *b, const struct rooms_cmd *c, char ***ids)
{
	const struct state *st = c->s->state;
	size_t i;
	char *name;
	struct event ev = { .type = EV_ROOM };

	*ids = xcalloc((size_t)c->n, sizeof **ids);
	for (i = 0; i < (size_t)c->n; i++) {
		if (i < st->nrooms) {
			(*ids)[i] = xstrdup(st->rooms[i].id);
			continue;
		}
		(*ids)[i] = cmd_new_id(st, 'r', (unsigned)(i - st->nrooms));
		name = xasprintf(_("Room %zu"), i + 1);
		ev.id = (*ids)[i];
		ev.text = name;
		cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
		free(name);
	}
}

static int
build_rooms(struct journal_batch *b, void *ctx, char **err)
{
	struct rooms_cmd *c = ctx;
	const struct state *st = c->s->state;
	size_t np = st->nparticipants, k, *order;
	char **ids;
	int room;
	struct event ev = { .type = EV_MOVE };

	if (np == 0)
		return cmd_refuse(err, "%s", _("there are no participants yet: "
		    "rooms are made from the participants"));
	if ((size_t)c->n > np)
		return cmd_refuse(err, _("%d rooms for %zu participants: every "
		    "room needs at least one person"), c->n, np);
	if ((size_t)c->n < st->nrooms)
		return cmd_refuse(err, _("this session has %zu rooms already: "
		    "make at least %zu (rooms are never removed)"), st->nrooms,
		    st->nrooms);
	add_rooms(b, c, &ids);
	order = deal_order(c);
	for (k = 0; k < np; k++) {
		room = (int)(k % (size_t)c->n);
		if (st->participants[order[k]].room == room)
			continue;
		ev.id = st->participants[order[k]].id;
		ev.room = ids[room];
		cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	}
	free(order);
	for (k = 0; k < (size_t)c->n; k++)
		free(ids[k]);
	free(ids);
	return 0;
}

int
cmd_rooms_make(struct session *s, int n, int balance_country, char **err)
{
	struct rooms_cmd c = { s, n, balance_country != 0, NULL, NULL };

	if (n < 1 || n > ROOMS_MAX)
		return cmd_refuse(err, _("make 1 to %d rooms"), ROOMS_MAX);
	return cmd_run(s, build_rooms, &c, err);
}

struct room_set_cmd {
	struct session *s;
	const char *room, *name, *topic;
};

static int
build_room_set(struct journal_batch *b, void *ctx, char **err)
{
	struct room_set_cmd *c = ctx;
	const struct state *st = c->s->state;
	int r = state_room(st, c->room != NULL ? c->room : "");
	struct event ev = { .type = EV_ROOM };

	if (r < 0)
		return cmd_refuse(err, _("no room '%s' in this session"),
		    c->room != NULL ? c->room : "");
	ev.id = c->room;
	ev.text = c->name != NULL ? c->name : st->rooms[r].name;
	ev.extra = c->topic != NULL ? c->topic : st->rooms[r].topic;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_room_set(struct session *s, const char *room, const char *name,
    const char *topic, char **err)
{
	struct room_set_cmd c = { s, room, name, topic };

	if (name != NULL && cmd_check_name(_("the room's name"), name,
	    NAME_MAX_CHARS, 1, err) != 0)
		return 1;
	if (cmd_check_name(_("the room's topic"), topic, ORG_MAX_CHARS, 0,
	    err) != 0)
		return 1;
	return cmd_run(s, build_room_set, &c, err);
}

struct move_cmd {
	struct session *s;
	const char *pid, *room;
};

static int
build_move(struct journal_batch *b, void *ctx, char **err)
{
	struct move_cmd *c = ctx;
	const struct state *st = c->s->state;
	int p, r = -1;
	struct event ev = { .type = EV_MOVE };

	if (cmd_need_participant(st, c->pid, &p, err) != 0)
		return 1;
	if (c->room != NULL && *c->room != '\0' &&
	    (r = state_room(st, c->room)) < 0)
		return cmd_refuse(err, _("no room '%s' in this session"),
		    c->room);
	if (st->participants[p].room == r)
		return cmd_refuse(err, r >= 0 ? _("%s is in that room "
		    "already") : _("%s is in no room already"), c->pid);
	ev.id = c->pid;
	ev.room = r >= 0 ? st->rooms[r].id : "";
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_move(struct session *s, const char *pid, const char *room, char **err)
{
	struct move_cmd c = { s, pid, room };

	return cmd_run(s, build_move, &c, err);
}

/* --- voting rounds ------------------------------------------------------- */

struct voting_cmd {
	struct session *s;
	const char *room;
	int budget, prototypes, on;
	char *new_id;
};

static int
has_prototype(const struct state *st, int room)
{
	size_t i;

	for (i = 0; i < st->nideas; i++)
		if (st->ideas[i].prototype && (room < 0 ||
		    st->ideas[i].room == room))
			return 1;
	return 0;
}

static int
build_voting_open(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct state *st = c->s->state;
	int room = -1, open = state_open_round(st);
	struct event ev = { .type = EV_VOTING_OPEN };

	if (open >= 0)
		return cmd_refuse(err, _("voting is open already (round %s): "
		    "close it first"), st->rounds[open].id);
	if (c->room != NULL && *c->room != '\0' &&
	    (room = state_room(st, c->room)) < 0)
		return cmd_refuse(err, _("no room '%s' in this session"),
		    c->room);
	if (c->prototypes && !has_prototype(st, room))
		return cmd_refuse(err, "%s", _("no idea is a prototype yet: "
		    "promote some before a round for prototypes"));
	c->new_id = cmd_new_id(st, 'v', 0);
	ev.id = c->new_id;
	ev.room = room >= 0 ? st->rooms[room].id : "";
	ev.n = c->budget > 0 ? c->budget : st->default_budget;
	ev.extra = c->prototypes ? "prototypes" : "";
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_voting_open(struct session *s, const char *room, int budget,
    int prototypes_only, char **new_id, char **err)
{
	struct voting_cmd c = { s, room, budget, prototypes_only != 0, 1,
	    NULL };
	int r;

	if (budget < 0 || budget > ROUND_BUDGET_MAX)
		return cmd_refuse(err, _("a round's budget is 1 to %d dots"),
		    ROUND_BUDGET_MAX);
	r = cmd_run(s, build_voting_open, &c, err);
	if (r == 0 && new_id != NULL)
		*new_id = c.new_id;
	else
		free(c.new_id);
	return r;
}

static int
build_voting_close(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct state *st = c->s->state;
	int i = st->current_round;
	const struct round *r;
	struct event ev = { .type = EV_VOTING_CLOSE };

	if (i < 0)
		return cmd_refuse(err, "%s", _("no voting round was opened "
		    "yet"));
	r = &st->rounds[i];
	if (c->on && !r->open)
		return cmd_refuse(err, "%s", _("voting is not open"));
	if (!c->on && r->open)
		return cmd_refuse(err, _("round %s is open already"), r->id);
	if (!c->on && r->revealed)
		return cmd_refuse(err, _("the results of round %s are shown: "
		    "hide them before reopening it"), r->id);
	ev.id = r->id;
	ev.n = c->on;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_voting_close(struct session *s, int close, char **err)
{
	struct voting_cmd c = { s, NULL, 0, 0, close != 0, NULL };

	return cmd_run(s, build_voting_close, &c, err);
}

static int
build_voting_reveal(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct state *st = c->s->state;
	int i = st->current_round;
	const struct round *r;
	struct event ev = { .type = EV_VOTING_REVEAL };

	if (i < 0)
		return cmd_refuse(err, "%s", _("no voting round was opened "
		    "yet"));
	r = &st->rounds[i];
	if (c->on && r->open)
		return cmd_refuse(err, _("round %s is still open: close it "
		    "before revealing the results"), r->id);
	if (r->revealed == c->on)
		return cmd_refuse(err, c->on ? _("the results of round %s are "
		    "shown already") : _("the results of round %s are not "
		    "shown"), r->id);
	ev.id = r->id;
	ev.n = c->on;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_voting_reveal(struct session *s, int reveal, char **err)
{
	struct voting_cmd c = { s, NULL, 0, 0, reveal != 0, NULL };

	return cmd_run(s, build_voting_reveal, &c, err);
}

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
	const struct state *st = c->s->state;
	int cur = module_item_index(m, st->agenda_id);

	if (c->m == AGENDA_GOTO)
		return agenda_goto_target(c, to, err);
	if (m->nitems == 0)
		return cmd_refuse(err, "%s", _("the module has no agenda"));
	if (c->m == AGENDA_NEXT) {
		if (cur + 1 >= (int)m->nitems)
			return cmd_refuse(err, "%s", _("the agenda is at its "
			    "last item"));
		*to = m->items[cur + 1].id;
		return 0;
	}
	/* prev after an end resumes the item that was ended */
	if (st->agenda_ended && cur >= 0) {
		*to = m->items[cur].id;
		return 0;
	}
	if (cur <= 0)
		return cmd_refuse(err, "%s", _("the agenda is at its first "
		    "item"));
	*to = m->items[cur - 1].id;
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
	return 0;
}

static int
build_agenda(struct journal_batch *b, void *ctx, char **err)
{
	struct agenda_cmd *c = ctx;
	const char *to = NULL;

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
		return 0;
	}
	add_agenda(b, c->s, to, 0);
	if (*to != '\0')
		start_item_timer(b, c->s, to);
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
