/* changes.c -- what a batch of journal records changed (changes.h). */
#include "changes.h"

#include <string.h>

#include "event.h"
#include "state.h"

#define EVERY_ROOM ((uint64_t)1 << 63)

void
changes_start(struct changes *c, const struct state *st)
{
	memset(c, 0, sizeof *c);
	c->ncheckins = st->ncheckins;
	c->nparticipants = st->nparticipants;
}

void
changes_clear(struct changes *c)
{
	c->kinds = 0;
	memset(c->rooms, 0, sizeof c->rooms);
}

static int
bit_of(unsigned kind)
{
	int b = 0;

	while (kind > 1) {
		kind >>= 1;
		b++;
	}
	return b;
}

/* room: an index, -1 the plenary, -2 every room. */
static void
touch(struct changes *c, unsigned kind, int room)
{
	uint64_t bit = room < -1 || room >= 62 ? EVERY_ROOM :
	    (uint64_t)1 << (room + 1);

	c->kinds |= kind;
	c->rooms[bit_of(kind)] |= bit;
}

static void
touch_all(struct changes *c, unsigned kind)
{
	touch(c, kind, -2);
}

/* The room of the idea a record names, -2 when it is not an idea. */
static int
idea_room(const struct state *st, const char *id)
{
	int i = id != NULL ? state_idea(st, id) : -1;

	return i >= 0 ? st->ideas[i].room : -2;
}

/* The room a record names in its room column: -1 for none (the session,
 * everyone), -2 for one the state does not know. */
static int
named_room(const struct state *st, const char *room)
{
	if (room == NULL || *room == '\0')
		return -1;
	return state_room(st, room) >= 0 ? state_room(st, room) : -2;
}

static void
note_idea(struct changes *c, const struct state *st, const struct event *ev)
{
	unsigned kind = ev->type == EV_IDEA ? CHANGE_NEW_IDEAS :
	    CHANGE_IDEA_EDITS;

	touch(c, kind, idea_room(st, ev->id));
	/* a merge changes the idea it went into too */
	if (ev->type == EV_IDEA_MERGE && ev->ref != NULL && *ev->ref != '\0')
		touch(c, kind, idea_room(st, ev->ref));
}

static void
note_round(struct changes *c, const struct state *st, const struct event *ev)
{
	int r = ev->id != NULL ? state_round(st, ev->id) : -1;

	touch(c, CHANGE_ROUNDS, r >= 0 ? st->rounds[r].room : -2);
}

void
changes_note(struct changes *c, const struct state *st,
    const struct event *ev)
{
	switch (ev->type) {
	case EV_IDEA: case EV_IDEA_EDIT: case EV_IDEA_WITHDRAW:
	case EV_IDEA_MERGE: case EV_IDEA_PROMOTE: case EV_IDEA_HIDE:
		note_idea(c, st, ev);
		break;
	case EV_DOT:
		touch(c, CHANGE_VOTES, idea_room(st, ev->id));
		break;
	case EV_VOTING_OPEN: case EV_VOTING_CLOSE: case EV_VOTING_REVEAL:
		note_round(c, st, ev);
		break;
	case EV_TIMER:
		touch(c, CHANGE_TIMERS, named_room(st, ev->room));
		break;
	case EV_MESSAGE:
		/* a recall speaks to everyone, whatever its room */
		touch(c, CHANGE_MESSAGES, ev->n == 1 ? -2 :
		    named_room(st, ev->room));
		break;
	case EV_PARTICIPANT: case EV_PIN: case EV_TZ: case EV_ROOM:
	case EV_MOVE:
		touch_all(c, CHANGE_PEOPLE);
		break;
	case EV_CHECKIN:
		touch_all(c, CHANGE_PRESENCE);
		break;
	case EV_AGENDA: case EV_PLAN: case EV_PROJECTOR:
		touch_all(c, CHANGE_AGENDA);
		break;
	case EV_QUESTION: case EV_UPVOTE: case EV_QUESTION_MARK:
		touch_all(c, CHANGE_QUESTIONS);
		break;
	case EV_POLL_OPEN: case EV_POLL_ANSWER: case EV_POLL_CLOSE:
	case EV_POLL_REVEAL:
		touch_all(c, CHANGE_POLLS);
		break;
	case EV_EVAL:
		touch_all(c, CHANGE_EVAL);
		break;
	case EV_PRESENT:
		touch_all(c, CHANGE_PRESENT);
		break;
	default:
		touch_all(c, CHANGE_OTHER);
		break;
	}
	/* Any record may be someone's first activity of the day (they are
	 * then here), or name a participant the state had not seen. */
	if (st->ncheckins != c->ncheckins) {
		c->ncheckins = st->ncheckins;
		touch_all(c, CHANGE_PRESENCE);
	}
	if (st->nparticipants != c->nparticipants) {
		c->nparticipants = st->nparticipants;
		touch_all(c, CHANGE_PEOPLE);
	}
}

void
changes_note_cb(const struct state *st, const struct event *ev, void *ctx)
{
	changes_note(ctx, st, ev);
}

int
changes_any(const struct changes *c, unsigned kinds)
{
	return (c->kinds & kinds) != 0;
}

int
changes_in(const struct changes *c, unsigned kinds, int room)
{
	uint64_t want = EVERY_ROOM | (room < -1 || room >= 62 ? ~(uint64_t)0 :
	    (uint64_t)1 << (room + 1));
	int b;

	if ((c->kinds & kinds) == 0)
		return 0;
	for (b = 0; b < CHANGE_NKINDS; b++)
		if ((kinds & (1u << b)) && (c->rooms[b] & want))
			return 1;
	return 0;
}
