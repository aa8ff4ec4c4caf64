/*
 * commands_facilitator.c -- what the facilitator drives: timers, rooms and
 * voting rounds, with their rules (the agenda, messages and the projector
 * are in commands_flow.c).
 */
#include "commands.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands_int.h"
#include "flow.h"
#include "i18n.h"
#include "util.h"

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
	int keep;		/* registration rooms stay */
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

/* The room of each participant after dealing (index = participant): with
 * `keep`, whoever has a room from the registration list keeps it and the
 * others go one by one to the smallest room; otherwise everyone is dealt
 * round the rooms in turn.  Caller frees. */
static int *
deal(struct rooms_cmd *c)
{
	const struct state *st = c->s->state;
	size_t np = st->nparticipants, k, *order = deal_order(c);
	int *to = xcalloc(np + 1, sizeof *to), *size, r, best;

	size = xcalloc((size_t)c->n, sizeof *size);
	for (k = 0; k < np; k++) {
		to[k] = -1;
		r = st->participants[k].room;
		if (c->keep && st->participants[k].room_registered &&
		    r >= 0 && r < c->n) {
			to[k] = r;
			size[r]++;
		}
	}
	for (k = 0; k < np; k++) {
		if (to[order[k]] >= 0)
			continue;
		best = (int)(k % (size_t)c->n);
		for (r = 0; r < c->n; r++)
			if (size[r] < size[best])
				best = r;
		to[order[k]] = best;
		size[best]++;
	}
	free(size);
	free(order);
	return to;
}

int
cmd_rooms_moves(struct session *s, int n, int balance_country, int keep)
{
	struct rooms_cmd c = { s, n, balance_country != 0, keep != 0, NULL,
	    NULL };
	size_t k;
	int *to, moves = 0;

	if (n < 1 || n > ROOMS_MAX || s->state->nparticipants == 0)
		return 0;
	to = deal(&c);
	for (k = 0; k < s->state->nparticipants; k++)
		moves += s->state->participants[k].room != to[k];
	free(to);
	return moves;
}

static int
build_rooms(struct journal_batch *b, void *ctx, char **err)
{
	struct rooms_cmd *c = ctx;
	const struct state *st = c->s->state;
	size_t np = st->nparticipants, k;
	char **ids;
	int *to;
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
	to = deal(c);
	for (k = 0; k < np; k++) {
		if (st->participants[k].room == to[k])
			continue;
		ev.id = st->participants[k].id;
		ev.room = ids[to[k]];
		cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	}
	free(to);
	for (k = 0; k < (size_t)c->n; k++)
		free(ids[k]);
	free(ids);
	return 0;
}

int
cmd_rooms_make(struct session *s, int n, int balance_country, char **err)
{
	return cmd_rooms_deal(s, n, balance_country, 1, err);
}

int
cmd_rooms_deal(struct session *s, int n, int balance_country, int keep,
    char **err)
{
	struct rooms_cmd c = { s, n, balance_country != 0, keep != 0, NULL,
	    NULL };

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
	const char *from;	/* prototypes: an item or thread; NULL the
				   current thread; "all" every prototype */
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

/* The thread a prototype ballot is drawn from: an item's, a thread named,
 * the current one (from NULL), or none for every prototype ("all"). */
static int
ballot_thread(const struct voting_cmd *c, const char **thread, char **err)
{
	const struct module *m = c->s->module;
	size_t i;

	*thread = NULL;
	if (c->from == NULL) {
		*thread = flow_current_thread(m, c->s->state);
		return 0;
	}
	if (strcmp(c->from, "all") == 0)
		return 0;
	if (flow_is_thread(m, c->from)) {
		*thread = c->from;
		return 0;
	}
	for (i = 0; i < m->nitems; i++)
		if (strcasecmp(m->items[i].id, c->from) == 0) {
			*thread = flow_item_thread(m, m->items[i].id);
			return 0;
		}
	return cmd_refuse(err, _("no agenda item or thread '%s' in this "
	    "module"), c->from);
}

/* The prototypes a round for prototypes puts on its ballot, as the
 * record's text ("i3 i7"): of the room (or every room), of the thread
 * (NULL: every thread), not hidden, withdrawn or merged away.  Caller
 * frees; NULL when there are none. */
static char *
ballot_text(const struct session *s, int room, const char *thread)
{
	const struct state *st = s->state;
	struct flow_filter f;
	char *text = NULL, *more;
	size_t i;

	flow_filter_init(&f, s->module, st, thread);
	for (i = 0; i < st->nideas; i++) {
		const struct idea *it = &st->ideas[i];

		if (!it->prototype || it->hidden || it->withdrawn ||
		    it->merged_into >= 0 || (room >= 0 && it->room != room) ||
		    !flow_filter_idea(&f, (int)i))
			continue;
		more = xasprintf("%s%s%s", text != NULL ? text : "",
		    text != NULL ? " " : "", state_id_of_idea(it).s);
		free(text);
		text = more;
	}
	return text;
}

static int
ballot(struct voting_cmd *c, int room, struct event *ev, char **text,
    char **err)
{
	const char *thread;

	if (ballot_thread(c, &thread, err) != 0)
		return 1;
	*text = ballot_text(c->s, room, thread);
	if (*text == NULL)
		return thread != NULL ? cmd_refuse(err, _("no prototype of "
		    "'%s' to vote on: promote some, or name another item or "
		    "thread (--from)"), thread) :
		    cmd_refuse(err, "%s", _("no idea is a prototype yet: "
		    "promote some before a round for prototypes"));
	ev->text = *text;
	ev->ref = thread != NULL ? thread : "";
	return 0;
}

int
cmd_prototype_ballot(struct session *s, const char *room, const char *from,
    const char **thread, char **err)
{
	struct voting_cmd c = { s, room, 0, 1, 1, NULL, from };
	int r = room != NULL ? state_room(s->state, room) : -1, n = 0;
	char *text, *p;

	if (ballot_thread(&c, thread, err) != 0)
		return -1;
	if ((text = ballot_text(s, r, *thread)) == NULL)
		return 0;
	for (n = 1, p = text; *p != '\0'; p++)
		n += *p == ' ';
	free(text);
	return n;
}

static int
build_voting_open(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct state *st = c->s->state;
	int room = -1, open = state_open_round(st);
	struct event ev = { .type = EV_VOTING_OPEN };
	char *text = NULL;

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
	if (c->prototypes && ballot(c, room, &ev, &text, err) != 0)
		return 1;
	c->new_id = cmd_new_id(st, 'v', 0);
	ev.id = c->new_id;
	ev.room = room >= 0 ? st->rooms[room].id : "";
	ev.n = c->budget > 0 ? c->budget : st->default_budget;
	ev.extra = c->prototypes ? "prototypes" : "";
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	free(text);
	return 0;
}

int
cmd_voting_open(struct session *s, const char *room, int budget,
    int prototypes_only, char **new_id, char **err)
{
	return cmd_voting_open_from(s, room, budget, prototypes_only, NULL,
	    new_id, err);
}

int
cmd_voting_open_from(struct session *s, const char *room, int budget,
    int prototypes_only, const char *from, char **new_id, char **err)
{
	struct voting_cmd c = { s, room, budget, prototypes_only != 0, 1,
	    NULL, from };
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

/* The round that close and reveal act on: the last one opened. */
static int
need_round(const struct state *st, const struct round **out, char **err)
{
	if (st->current_round < 0)
		return cmd_refuse(err, "%s", _("no voting round was opened "
		    "yet"));
	*out = &st->rounds[st->current_round];
	return 0;
}

static int
build_voting_close(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct round *r = NULL;
	struct event ev = { .type = EV_VOTING_CLOSE };

	if (need_round(c->s->state, &r, err) != 0)
		return 1;
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
	struct voting_cmd c = { s, NULL, 0, 0, close != 0, NULL, NULL };

	return cmd_run(s, build_voting_close, &c, err);
}

static int
build_voting_reveal(struct journal_batch *b, void *ctx, char **err)
{
	struct voting_cmd *c = ctx;
	const struct round *r = NULL;
	struct event ev = { .type = EV_VOTING_REVEAL };

	if (need_round(c->s->state, &r, err) != 0)
		return 1;
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
	struct voting_cmd c = { s, NULL, 0, 0, reveal != 0, NULL, NULL };

	return cmd_run(s, build_voting_reveal, &c, err);
}

