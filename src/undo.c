/* undo.c -- a terminal's undo stack and the table of reversals. */
#include "undo.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "journal.h"
#include "serve.h"
#include "state.h"
#include "util.h"

struct undo_stack {
	struct undo_action *v;	/* oldest first; strings owned */
	size_t n, cap, limit;
};

static const char *
nz(const char *s)
{
	return s != NULL ? s : "";
}

/* NULL for "", for the commands that take NULL as "none". */
static const char *
or_null(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

int
undo_reverse(const struct undo_action *done, struct undo_action *rev)
{
	*rev = *done;
	rev->prev = rev->prev_topic = NULL;
	rev->prev_n = 0;
	switch (done->kind) {
	case UNDO_IDEA_ADD:
		if (or_null(done->id) == NULL)
			return -1;
		rev->kind = UNDO_IDEA_WITHDRAW;
		rev->n = 1;
		return 0;
	case UNDO_IDEA_EDIT:
		rev->text = nz(done->prev);
		return 0;
	case UNDO_IDEA_WITHDRAW:
	case UNDO_IDEA_HIDE:
	case UNDO_IDEA_PROMOTE:
		rev->n = done->prev_n;
		return 0;
	case UNDO_IDEA_MERGE:
		rev->ref = nz(done->prev);
		return 0;
	case UNDO_DOT:
		rev->n = -done->n;
		return 0;
	case UNDO_TIMER:
		switch (done->timer) {
		case TIMER_START:
			rev->timer = TIMER_STOP;
			break;
		case TIMER_PAUSE:
			rev->timer = TIMER_RESUME;
			break;
		case TIMER_RESUME:
			rev->timer = TIMER_PAUSE;
			break;
		case TIMER_EXTEND:
			rev->n = -done->n;
			break;
		case TIMER_STOP:
		default:
			return -1;
		}
		return 0;
	case UNDO_AGENDA:
		/* Back to where the agenda was: "" is before the first
		 * item, which cmd_agenda takes for exactly this undo. */
		rev->move = AGENDA_GOTO;
		rev->ref = nz(done->prev);
		rev->restoring = 1;
		return 0;
	case UNDO_VOTING_OPEN:
		rev->kind = UNDO_VOTING_CLOSE;
		rev->n = 1;
		return 0;
	case UNDO_VOTING_CLOSE:
	case UNDO_VOTING_REVEAL:
		rev->n = !done->n;
		return 0;
	case UNDO_MOVE:
		rev->ref = nz(done->prev);
		return 0;
	case UNDO_ROOM_SET:
		rev->text = nz(done->prev);
		rev->ref = nz(done->prev_topic);
		return 0;
	default:
		return -1;
	}
}

int
undo_perform(struct session *s, const struct undo_action *a, char **new_id,
    char **err)
{
	const char *actor = a->actor != NULL ? a->actor : ACTOR_FACILITATOR;

	/* A console on a shared host asks the writer service (serve.h). */
	if (s->serve_name != NULL)
		return serve_act(s, a, new_id, err);
	switch (a->kind) {
	case UNDO_IDEA_ADD:
		return cmd_idea(s, actor, or_null(a->room), nz(a->text),
		    new_id, err);
	case UNDO_IDEA_EDIT:
		return cmd_idea_edit(s, actor, nz(a->id), nz(a->text), err);
	case UNDO_IDEA_WITHDRAW:
		return cmd_idea_withdraw(s, actor, nz(a->id), a->n != 0, err);
	case UNDO_IDEA_HIDE:
		return cmd_idea_hide(s, nz(a->id), a->n != 0, err);
	case UNDO_IDEA_PROMOTE:
		return cmd_idea_promote(s, nz(a->id), a->n != 0, err);
	case UNDO_IDEA_MERGE:
		return cmd_idea_merge(s, nz(a->id), or_null(a->ref), err);
	case UNDO_DOT:
		return cmd_vote(s, actor, nz(a->id), (int)a->n, err);
	case UNDO_TIMER:
		return cmd_timer(s, or_null(a->room), a->timer, a->n, err);
	case UNDO_AGENDA:
		if (a->restoring)
			return cmd_agenda_restore(s, nz(a->ref), &a->restore,
			    err);
		return cmd_agenda(s, a->move, or_null(a->ref), err);
	case UNDO_VOTING_OPEN:
		return cmd_voting_open(s, or_null(a->room), (int)a->n,
		    a->prototypes, new_id, err);
	case UNDO_VOTING_CLOSE:
		return cmd_voting_close(s, a->n != 0, err);
	case UNDO_VOTING_REVEAL:
		return cmd_voting_reveal(s, a->n != 0, err);
	case UNDO_MOVE:
		return cmd_move(s, nz(a->id), or_null(a->ref), err);
	case UNDO_ROOM_SET:
		return cmd_room_set(s, nz(a->id), a->text, a->ref, err);
	case UNDO_MESSAGE:
		return cmd_message(s, or_null(a->room), nz(a->text),
		    (enum message_kind)a->n, err);
	case UNDO_ROOMS_MAKE:
		return cmd_rooms_make(s, (int)a->n, a->prototypes, err);
	case UNDO_CHECKIN:
		return cmd_checkin(s, nz(a->id), err);
	default:
		return set_error(err, 3, "%s", _("unknown action"));
	}
}

const char *
undo_describe(enum undo_kind kind)
{
	static const char *const names[UNDO_KIND_COUNT] = {
		[UNDO_NONE] = N_("nothing"),
		[UNDO_IDEA_ADD] = N_("new idea"),
		[UNDO_IDEA_EDIT] = N_("idea edited"),
		[UNDO_IDEA_WITHDRAW] = N_("idea withdrawn or restored"),
		[UNDO_IDEA_HIDE] = N_("idea hidden or shown"),
		[UNDO_IDEA_PROMOTE] = N_("idea promoted or demoted"),
		[UNDO_IDEA_MERGE] = N_("ideas merged"),
		[UNDO_DOT] = N_("dot"),
		[UNDO_TIMER] = N_("timer change"),
		[UNDO_AGENDA] = N_("agenda step"),
		[UNDO_VOTING_OPEN] = N_("voting opened"),
		[UNDO_VOTING_CLOSE] = N_("voting closed or reopened"),
		[UNDO_VOTING_REVEAL] = N_("results revealed or hidden"),
		[UNDO_MOVE] = N_("participant moved"),
		[UNDO_ROOM_SET] = N_("room name or topic"),
		[UNDO_MESSAGE] = N_("message"),
		[UNDO_ROOMS_MAKE] = N_("rooms made"),
		[UNDO_CHECKIN] = N_("check-in"),
	};

	if ((int)kind < 0 || kind >= UNDO_KIND_COUNT)
		kind = UNDO_NONE;
	return names[kind];
}

/* --- the stack ----------------------------------------------------------- */

struct undo_stack *
undo_stack_new(size_t limit)
{
	struct undo_stack *u = xcalloc(1, sizeof *u);

	u->limit = limit > 0 ? limit : 1;
	return u;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

static void
action_free(struct undo_action *a)
{
	free((char *)(uintptr_t)a->actor);
	free((char *)(uintptr_t)a->id);
	free((char *)(uintptr_t)a->ref);
	free((char *)(uintptr_t)a->room);
	free((char *)(uintptr_t)a->text);
	free((char *)(uintptr_t)a->prev);
	free((char *)(uintptr_t)a->prev_topic);
}

void
undo_stack_free(struct undo_stack *u)
{
	size_t i;

	if (u == NULL)
		return;
	for (i = 0; i < u->n; i++)
		action_free(&u->v[i]);
	free(u->v);
	free(u);
}

size_t
undo_depth(const struct undo_stack *u)
{
	return u->n;
}

/* Pushes a deep copy of a, forgetting the oldest entry when full.  Takes
 * ownership of new_id (the id of what the action made), which may be NULL. */
static void
push(struct undo_stack *u, const struct undo_action *a, char *new_id)
{
	struct undo_action *c;

	if (u->n == u->limit) {
		action_free(&u->v[0]);
		memmove(u->v, u->v + 1, (u->n - 1) * sizeof *u->v);
		u->n--;
	}
	u->v = xgrow(u->v, &u->cap, u->n + 1, sizeof *u->v);
	c = &u->v[u->n++];
	*c = *a;
	c->actor = dup_or_null(a->actor);
	c->id = new_id != NULL ? new_id : dup_or_null(a->id);
	c->ref = dup_or_null(a->ref);
	c->room = dup_or_null(a->room);
	c->text = dup_or_null(a->text);
	c->prev = dup_or_null(a->prev);
	c->prev_topic = dup_or_null(a->prev_topic);
}

/* The id of a room index, "" for none. */
static const char *
room_id(const struct state *st, int room)
{
	return room >= 0 && (size_t)room < st->nrooms ? st->rooms[room].id : "";
}

/* The session timer and the agenda's end as they are now, for the undo of
 * an agenda move. */
static void
capture_timer(const struct state *st, struct agenda_restore *r)
{
	const struct timer *t = state_timer(st, -1);
	size_t i;

	memset(r, 0, sizeof *r);
	r->at = journal_now_ms();
	r->ended = st->agenda_ended;
	for (i = 0; i < st->nquestions; i++)
		if (st->questions[i].pinned && strlen(st->questions[i].id) <
		    sizeof r->pinned) {
			strcpy(r->pinned, st->questions[i].id);
			break;
		}
	if (t == NULL || t->state == TIMER_IDLE)
		return;
	r->timer_state = t->state;
	r->remaining_ms = timer_remaining_ms(t, r->at);
}

/* Fills prev, prev_topic and prev_n of *a from the state before it runs.
 * The strings point into the state, which the action itself may grow, or
 * into *id (an idea merged into: ideas keep no id string), so the caller
 * copies them before anything else. */
static void
capture(const struct state *st, struct undo_action *a, struct state_id *id)
{
	int i;

	a->prev = a->prev_topic = NULL;
	a->prev_n = 0;
	switch (a->kind) {
	case UNDO_IDEA_EDIT:
	case UNDO_IDEA_WITHDRAW:
	case UNDO_IDEA_HIDE:
	case UNDO_IDEA_PROMOTE:
	case UNDO_IDEA_MERGE:
		if ((i = state_idea(st, nz(a->id))) < 0)
			return;
		/* ideas keep no id string: "" when merged into none */
		*id = state_idea_id(st, st->ideas[i].merged_into);
		a->prev = a->kind == UNDO_IDEA_EDIT ? state_idea_text(st, i) :
		    a->kind == UNDO_IDEA_MERGE ? id->s : NULL;
		a->prev_n = a->kind == UNDO_IDEA_WITHDRAW ?
		    st->ideas[i].withdrawn : a->kind == UNDO_IDEA_HIDE ?
		    st->ideas[i].hidden : st->ideas[i].prototype;
		return;
	case UNDO_AGENDA:
		a->prev = st->agenda_id != NULL ? st->agenda_id : "";
		capture_timer(st, &a->restore);
		return;
	case UNDO_MOVE:
		if ((i = state_participant(st, nz(a->id))) >= 0)
			a->prev = room_id(st, st->participants[i].room);
		return;
	case UNDO_ROOM_SET:
		if ((i = state_room(st, nz(a->id))) >= 0) {
			a->prev = st->rooms[i].name;
			a->prev_topic = st->rooms[i].topic;
		}
		return;
	default:
		return;
	}
}

int
undo_do(struct undo_stack *u, struct session *s, const struct undo_action *a,
    char **err)
{
	struct undo_action act = *a, rev;
	char *new_id = NULL, *prev, *prev_topic;
	struct state_id merged_into;
	int status;

	capture(s->state, &act, &merged_into);
	/* Copy what was captured: the state's strings may move once the
	 * command's own record is applied. */
	prev = dup_or_null(act.prev);
	prev_topic = dup_or_null(act.prev_topic);
	act.prev = prev;
	act.prev_topic = prev_topic;
	status = undo_perform(s, &act, &new_id, err);
	if (status == 0 && undo_reverse(&act, &rev) == 0 &&
	    (act.kind != UNDO_IDEA_ADD || new_id != NULL)) {
		/* An idea's id is known only now: the reverse needs it. */
		if (new_id != NULL && act.kind != UNDO_IDEA_ADD &&
		    act.kind != UNDO_VOTING_OPEN) {
			free(new_id);
			new_id = NULL;
		}
		push(u, &act, new_id);
		new_id = NULL;
	}
	free(new_id);
	free(prev);
	free(prev_topic);
	return status;
}

int
undo_undo(struct undo_stack *u, struct session *s, const char **what,
    char **err)
{
	struct undo_action *top, rev;
	int status;

	if (u->n == 0)
		return set_error(err, 1, "%s", _("nothing to undo"));
	top = &u->v[u->n - 1];
	if (undo_reverse(top, &rev) != 0)
		status = set_error(err, 1, "%s", _("this cannot be undone"));
	else
		status = undo_perform(s, &rev, NULL, err);
	if (status == 3)
		return status;
	if (what != NULL)
		*what = undo_describe(top->kind);
	action_free(top);
	u->n--;
	return status;
}
