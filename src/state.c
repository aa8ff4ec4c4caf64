/*
 * state.c -- the session state, built only by applying journal records.
 *
 * Replay speed matters (a million records in well under a second), so
 * applying a record allocates nothing beyond growing arrays: strings go to
 * the arena, ids resolve through number -> index maps, and an open voting
 * round finds its tallies through a hash (state_votes.c; a closed round
 * keeps them compact, sorted by idea).
 * Ideas are in state_ideas.c (their texts in state_texts.c); questions,
 * polls and the evaluation in state_questions.c.
 *
 * Applying never fails: a record that names an object the state does not
 * have (a damaged record was skipped, or a newer version wrote it) is
 * counted in unknown_events and otherwise ignored, the same way in every
 * process.
 */
#include "state.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "i18n.h"
#include "state_int.h"
#include "util.h"

#define DAY_MS (24 * 60 * 60 * 1000LL)

static const char kind_letter[K_COUNT] = { 'p', 'r', 'i', 'v', 'q', 'o' };

/* --- small helpers ------------------------------------------------------- */

/* The element at i of a growable int array, zero-filled up to it. */
int *
state_int_at(int **arr, size_t *n, size_t *cap, size_t i, int fill)
{
	size_t k;

	if (i >= *n) {
		*arr = state_grow(*arr, cap, i + 1, sizeof **arr);
		for (k = *n; k <= i; k++)
			(*arr)[k] = fill;
		*n = i + 1;
	}
	return &(*arr)[i];
}

int
state_int_get(const int *arr, size_t n, int i)
{
	return i >= 0 && (size_t)i < n ? arr[i] : 0;
}

/* The number of an id of the given letter ("p12" -> 12); 0 when the id is
 * not of that form (no sign, no leading zero, no trailing bytes). */
unsigned
state_id_number(const char *id, char letter)
{
	unsigned long v = 0;
	const char *p;

	if (id == NULL || id[0] != letter || id[1] < '1' || id[1] > '9')
		return 0;
	for (p = id + 1; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > INT_MAX)
			return 0;
	}
	return (unsigned)v;
}

/* The array and element size of the kinds records name at random. */
static const void *
peek_array(const struct state *st, char letter, size_t *size, size_t *n,
    enum state_kind *k)
{
	switch (letter) {
	case 'i':
		*k = K_IDEA;
		*size = sizeof *st->ideas;
		*n = st->nideas;
		return st->ideas;
	case 'q':
		*k = K_QUESTION;
		*size = sizeof *st->questions;
		*n = st->nquestions;
		return st->questions;
	default:
		return NULL;
	}
}

void
state_peek_id(const char *id, size_t len, void *ctx)
{
	const struct state *st = ctx;
	const struct idmap *m;
	const char *base;
	enum state_kind k;
	unsigned long num = 0;
	size_t size, n, i;

	if (len < 2 || len > 11 ||
	    (base = peek_array(st, id[0], &size, &n, &k)) == NULL)
		return;
	for (i = 1; i < len; i++) {
		if (id[i] < '0' || id[i] > '9')
			return;
		num = num * 10 + (unsigned long)(id[i] - '0');
	}
	m = &st->ix->map[k];
	if (num == 0 || num > m->n)
		return;		/* a new object: nothing to fetch */
	__builtin_prefetch(&m->idx[num - 1]);
	/* the element's index is number - 1 in every undamaged journal:
	 * fetching it now need not wait for the map */
	if (num <= n)
		__builtin_prefetch(base + (num - 1) * size);
}

int
state_lookup(const struct state *st, enum state_kind k, const char *id)
{
	const struct idmap *m = &st->ix->map[k];
	unsigned num = state_id_number(id, kind_letter[k]);

	if (num == 0 || num > m->n)
		return -1;
	return m->idx[num - 1];
}

/* Registers a new object's id for array index `index`; -1 when the id is
 * malformed or taken (then the record is not applied). */
int
state_claim_id(struct state *st, enum state_kind k, const char *id,
    size_t index)
{
	struct idmap *m = &st->ix->map[k];
	unsigned num = state_id_number(id, kind_letter[k]);
	int *slot;

	if (num == 0 || (num <= m->n && m->idx[num - 1] >= 0))
		return -1;
	slot = state_int_at(&m->idx, &m->n, &m->cap, num - 1, -1);
	*slot = (int)index;
	if (num + 1 > m->next)
		m->next = num + 1;
	return 0;
}

void
state_unknown(struct state *st)
{
	st->unknown_events++;
}

int
state_is_empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Agenda ids repeat on every idea and question: keep one copy of each. */
const char *
state_intern_agenda(struct state *st, const char *id)
{
	struct state_index *ix = st->ix;
	size_t i;

	if (state_is_empty(id))
		return NULL;
	if (st->agenda_id != NULL && strcmp(st->agenda_id, id) == 0)
		return st->agenda_id;
	for (i = 0; i < ix->nagenda; i++)
		if (strcmp(ix->agenda_ids[i], id) == 0)
			return ix->agenda_ids[i];
	ix->agenda_ids = state_grow(ix->agenda_ids, &ix->capagenda, ix->nagenda + 1,
	    sizeof *ix->agenda_ids);
	return ix->agenda_ids[ix->nagenda++] = arena_strdup(st->arena, id);
}

/* Copies the next LF-separated line of *p and moves past it. */
const char *
state_next_line(struct arena *a, const char **p)
{
	const char *s = *p, *nl = strchr(s, '\n');
	size_t len = nl != NULL ? (size_t)(nl - s) : strlen(s);

	*p = nl != NULL ? nl + 1 : s + len;
	return arena_strndup(a, s, len);
}

/* An optional reference: "" is `none` (-1); an unknown id is -2. */
int
state_opt_ref(const struct state *st, enum state_kind k, const char *id)
{
	int i;

	if (state_is_empty(id))
		return -1;
	i = state_lookup(st, k, id);
	return i >= 0 ? i : -2;
}

/* --- attendance ---------------------------------------------------------- */

/* The index of a participant's checkin on a day, -1 when none.  Days go
 * forward, so the participant's latest checkin nearly always answers. */
static int
find_checkin(const struct state *st, int p, int day)
{
	const struct state_index *ix = st->ix;
	int last = p < 0 || (size_t)p >= ix->nlast ? -1 : ix->last_checkin[p];
	size_t i;

	if (last >= 0 && (size_t)last < st->ncheckins &&
	    st->checkins[last].participant == p &&
	    st->checkins[last].day == day)
		return last;
	for (i = st->ncheckins; i-- > 0;)
		if (st->checkins[i].participant == p &&
		    st->checkins[i].day == day)
			return (int)i;
	return -1;
}

/* A participant was seen on a day (a check-in or any activity); days
 * before the workshop are not attendance. */
void
state_touch(struct state *st, int p, int day, int64_t at,
    unsigned contributions)
{
	struct checkin *c;
	int k;

	if (p < 0 || day < 1)
		return;
	k = find_checkin(st, p, day);
	if (k >= 0)
		c = &st->checkins[k];
	else {
		st->checkins = state_grow(st->checkins, &st->capcheckins,
		    st->ncheckins + 1, sizeof *st->checkins);
		c = &st->checkins[st->ncheckins];
		memset(c, 0, sizeof *c);
		c->participant = p;
		c->day = day;
		c->first_seen = at;
		*state_int_at(&st->ix->last_checkin, &st->ix->nlast,
		    &st->ix->caplast, (size_t)p, -1) = (int)st->ncheckins++;
	}
	if (at < c->first_seen)
		c->first_seen = at;
	if (at > c->last_seen)
		c->last_seen = at;
	c->contributions += contributions;
}

void
state_touch_actor(struct state *st, const struct event *ev,
    unsigned contributions)
{
	state_touch(st, state_lookup(st, K_PARTICIPANT, ev->actor),
	    state_day_of(st, ev->time_ms), ev->time_ms, contributions);
}

/* --- participants and rooms ---------------------------------------------- */

static struct participant *
add_participant(struct state *st, const char *id)
{
	struct participant *p;

	st->participants = state_grow(st->participants, &st->capparticipants,
	    st->nparticipants + 1, sizeof *st->participants);
	p = &st->participants[st->nparticipants++];
	memset(p, 0, sizeof *p);
	p->id = arena_strdup(st->arena, id);
	p->room = -1;
	return p;
}

int
state_participant_or_unknown(struct state *st, const char *id, int64_t at)
{
	int p = state_lookup(st, K_PARTICIPANT, id);
	struct participant *u;

	if (p >= 0 || state_is_empty(id) || state_claim_id(st, K_PARTICIPANT,
	    id, st->nparticipants) != 0)
		return p;
	u = add_participant(st, id);
	u->name = _("(unknown participant)");
	u->country = u->org = u->email = "";
	u->joined_at = at;
	u->unknown = 1;
	return (int)st->nparticipants - 1;
}

/* The participant a record registers: a new one, or a placeholder made
 * for an earlier reference (state_participant_or_unknown) filled in. */
static struct participant *
registered(struct state *st, const char *id)
{
	int known = state_lookup(st, K_PARTICIPANT, id);

	if (known >= 0)
		return st->participants[known].unknown ?
		    &st->participants[known] : NULL;
	if (state_claim_id(st, K_PARTICIPANT, id, st->nparticipants) != 0)
		return NULL;
	return add_participant(st, id);
}

static void
apply_participant(struct state *st, const struct event *ev)
{
	struct participant *p;
	const char *extra = ev->extra != NULL ? ev->extra : "";

	if (state_is_empty(ev->text) || (p = registered(st, ev->id)) == NULL) {
		state_unknown(st);
		return;
	}
	p->unknown = 0;
	p->name = arena_strdup(st->arena, ev->text);
	p->country = state_next_line(st->arena, &extra);
	p->org = state_next_line(st->arena, &extra);
	p->email = state_next_line(st->arena, &extra);
	p->joined_at = ev->time_ms;
	p->sample = ev->actor != NULL && strcmp(ev->actor, "sample") == 0;
}

static void
apply_pin(struct state *st, const struct event *ev)
{
	int p = state_participant_or_unknown(st, ev->id, ev->time_ms);

	if (p < 0) {
		state_unknown(st);
		return;
	}
	st->participants[p].pin_hash = state_is_empty(ev->extra) ? NULL :
	    arena_strdup(st->arena, ev->extra);
}

static void
apply_tz(struct state *st, const struct event *ev)
{
	int p = state_participant_or_unknown(st, ev->id, ev->time_ms);

	if (p < 0) {
		state_unknown(st);
		return;
	}
	st->participants[p].tz = state_is_empty(ev->text) ? NULL :
	    arena_strdup(st->arena, ev->text);
}

static void
apply_lang(struct state *st, const struct event *ev)
{
	int p = state_participant_or_unknown(st, ev->id, ev->time_ms);

	if (p < 0) {
		state_unknown(st);
		return;
	}
	st->participants[p].lang = state_is_empty(ev->text) ? NULL :
	    arena_strdup(st->arena, ev->text);
}

static void
apply_checkin(struct state *st, const struct event *ev)
{
	int p;

	const char *ref = ev->ref != NULL ? ev->ref : "";
	int absent = strcmp(ref, "absent") == 0, k;

	if (ev->n < 1 || ev->n > INT_MAX ||
	    (p = state_participant_or_unknown(st, ev->id, ev->time_ms)) < 0) {
		state_unknown(st);
		return;
	}
	state_touch(st, p, (int)ev->n, ev->time_ms, 0);
	k = find_checkin(st, p, (int)ev->n);
	if (absent || strcmp(ref, "present") == 0)
		st->checkins[k].absent = absent;
}

int
state_present(const struct state *st, int participant, int day)
{
	const struct checkin *c = state_checkin(st, participant, day);

	return c != NULL && !c->absent;
}

static void
apply_room(struct state *st, const struct event *ev)
{
	int r = state_lookup(st, K_ROOM, ev->id);
	struct room *rm;

	if (r >= 0) {		/* renamed */
		rm = &st->rooms[r];
		if (!state_is_empty(ev->text))
			rm->name = arena_strdup(st->arena, ev->text);
		rm->topic = arena_strdup(st->arena, ev->extra);
		return;
	}
	if (state_claim_id(st, K_ROOM, ev->id, st->nrooms) != 0) {
		state_unknown(st);
		return;
	}
	st->rooms = state_grow(st->rooms, &st->caprooms, st->nrooms + 1,
	    sizeof *st->rooms);
	rm = &st->rooms[st->nrooms++];
	rm->id = arena_strdup(st->arena, ev->id);
	rm->name = arena_strdup(st->arena, state_is_empty(ev->text) ? ev->id :
	    ev->text);
	rm->topic = arena_strdup(st->arena, ev->extra);
}

static void
apply_move(struct state *st, const struct event *ev)
{
	int p = state_participant_or_unknown(st, ev->id, ev->time_ms);
	int r = state_opt_ref(st, K_ROOM, ev->room);

	if (p < 0 || r == -2) {
		state_unknown(st);
		return;
	}
	st->participants[p].room = r;
	st->participants[p].room_registered = r >= 0 && ev->actor != NULL &&
	    strcmp(ev->actor, "organizer") == 0;
}

/* --- the days' last activity ------------------------------------------- */

/* The day of `at` as an index into day_last and day_timer_end, grown to
 * hold it; -1 outside the days a workshop can have. */
static int
day_slot(struct state *st, int64_t at)
{
	int d = state_day_of(st, at);
	size_t old = st->nday_last, n;

	if (d < 1 || d > STATE_DAYS_MAX)
		return -1;
	if ((size_t)d >= old) {
		n = (size_t)d + 1;
		st->day_last = state_resize(st->day_last,
		    old * sizeof *st->day_last, n * sizeof *st->day_last);
		st->day_timer_end = state_resize(st->day_timer_end,
		    old * sizeof *st->day_timer_end,
		    n * sizeof *st->day_timer_end);
		memset(st->day_last + old, 0, (n - old) * sizeof *st->day_last);
		memset(st->day_timer_end + old, 0,
		    (n - old) * sizeof *st->day_timer_end);
		st->nday_last = n;
	}
	return d;
}

/* Remembers the last record of each day: a day left open overnight ends
 * no later than that (schedule.h). */
static void
note_activity(struct state *st, int64_t at)
{
	int d = day_slot(st, at);

	if (d >= 0 && at > st->day_last[d])
		st->day_last[d] = at;
}

/* The session timer, as just changed at `at`: when it is due to reach
 * zero, or `at` once stopped or paused. */
static void
note_session_timer(struct state *st, const struct timer *t, int64_t at)
{
	int d = day_slot(st, at);

	if (d < 0)
		return;
	st->day_timer_end[d] = t->state == TIMER_RUNNING ?
	    t->run_since + (t->length_ms - t->elapsed_ms) : at;
}

int64_t
state_day_last_activity(const struct state *st, int day)
{
	return day >= 1 && (size_t)day < st->nday_last ? st->day_last[day] : 0;
}

int64_t
state_day_timer_end(const struct state *st, int day)
{
	return day >= 1 && (size_t)day < st->nday_last ?
	    st->day_timer_end[day] : 0;
}

/* --- timers and the agenda ----------------------------------------------- */

static struct timer *
timer_for(struct state *st, int room, int create)
{
	size_t i;
	struct timer *t;

	for (i = 0; i < st->ntimers; i++)
		if (st->timers[i].room == room)
			return &st->timers[i];
	if (!create)
		return NULL;
	st->timers = state_grow(st->timers, &st->captimers, st->ntimers + 1,
	    sizeof *st->timers);
	t = &st->timers[st->ntimers++];
	memset(t, 0, sizeof *t);
	t->room = room;
	return t;
}

static void
timer_run_to(struct timer *t, int64_t at)
{
	if (t->state == TIMER_RUNNING && at > t->run_since)
		t->elapsed_ms += at - t->run_since;
}

#define TIMER_RECORD_MAX_SECONDS (366LL * 24 * 60 * 60)

static void
apply_timer(struct state *st, const struct event *ev)
{
	int room = state_opt_ref(st, K_ROOM, ev->room);
	const char *a = ev->ref != NULL ? ev->ref : "";
	struct timer *t;

	/* A journal is outside input: n can be anything a long holds, and
	 * n * 1000 must not overflow.  convene writes at most a day. */
	if (room == -2 || ev->n > TIMER_RECORD_MAX_SECONDS ||
	    ev->n < -TIMER_RECORD_MAX_SECONDS) {
		state_unknown(st);
		return;
	}
	t = timer_for(st, room, 1);
	if (strcmp(a, "start") == 0) {
		t->state = TIMER_RUNNING;
		t->length_ms = (int64_t)ev->n * 1000;
		t->elapsed_ms = 0;
		t->run_since = t->started_at = ev->time_ms;
		t->stopped_at = 0;
	} else if (strcmp(a, "pause") == 0 && t->state == TIMER_RUNNING) {
		timer_run_to(t, ev->time_ms);
		t->state = TIMER_PAUSED;
	} else if (strcmp(a, "resume") == 0 && t->state == TIMER_PAUSED) {
		t->state = TIMER_RUNNING;
		t->run_since = ev->time_ms;
	} else if (strcmp(a, "stop") == 0 && t->state != TIMER_IDLE) {
		timer_run_to(t, ev->time_ms);
		t->state = TIMER_IDLE;
		t->stopped_at = ev->time_ms;
	} else if (strcmp(a, "extend") == 0 && t->started_at != 0) {
		/* saturate: a million extensions must not wrap around */
		if (t->length_ms <= INT64_MAX - TIMER_RECORD_MAX_SECONDS * 1000)
			t->length_ms += (int64_t)ev->n * 1000;
	} else {
		state_unknown(st);
		return;
	}
	if (room < 0)
		note_session_timer(st, t, ev->time_ms);
}

/* `agenda` records: id is the item made current ("" before the first);
 * with ref "end", id is the item that ended and nothing runs after it (a
 * visit of "" marks where it ended). */
static void
apply_agenda(struct state *st, const struct event *ev)
{
	struct agenda_visit *v;
	int end = ev->ref != NULL && strcmp(ev->ref, "end") == 0;

	st->agenda_id = state_intern_agenda(st, ev->id);
	st->agenda_ended = end && st->agenda_id != NULL;
	st->visits = state_grow(st->visits, &st->capvisits, st->nvisits + 1,
	    sizeof *st->visits);
	v = &st->visits[st->nvisits++];
	v->agenda_id = st->agenda_id != NULL && !end ? st->agenda_id : "";
	v->at = ev->time_ms;
}

/* --- messages ----------------------------------------------------------- */

/* Takes down every message a terminal of `room` shows (-1: every message). */
static void
take_down(struct state *st, int room)
{
	size_t i;

	for (i = 0; i < st->nmessages; i++)
		if (room < 0 || st->messages[i].room == room)
			st->messages[i].down = 1;
}

static void
apply_message(struct state *st, const struct event *ev)
{
	int room = state_opt_ref(st, K_ROOM, ev->room);
	struct message *m;

	if (room == -2) {
		state_unknown(st);
		return;
	}
	if (ev->n == 2) {
		take_down(st, room);
		return;
	}
	st->messages = state_grow(st->messages, &st->capmessages,
	    st->nmessages + 1, sizeof *st->messages);
	m = &st->messages[st->nmessages++];
	memset(m, 0, sizeof *m);
	m->room = room;
	m->text = arena_strdup(st->arena, ev->text);
	m->recall = ev->n != 0;
	m->at = ev->time_ms;
	m->for_item = ev->ref != NULL && strcmp(ev->ref, "item") == 0;
	m->visits = st->nvisits;
}

const struct message *
state_live_message(const struct state *st, int room)
{
	size_t i;

	for (i = st->nmessages; i-- > 0;) {
		const struct message *m = &st->messages[i];

		if (m->room >= 0 && m->room != room)
			continue;
		/* an older message may still be up when a newer one went
		 * with its item */
		if (m->down || (m->for_item && m->visits != st->nvisits))
			continue;
		return m;
	}
	return NULL;
}

/* "HH:MM" as minutes after midnight; -1 when it is not that. */
static int
parse_hhmm(const char *s)
{
	int h, m;
	char end;

	if (s == NULL || sscanf(s, "%2d:%2d%c", &h, &m, &end) != 2 ||
	    h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	return h * 60 + m;
}

/* The parts of an added item: "HH:MM\nminutes\nkind". */
static int
parse_added(struct state *st, const char *extra, struct plan_change *c)
{
	const char *p = extra != NULL ? extra : "";
	const char *at = state_next_line(st->arena, &p);
	const char *min = state_next_line(st->arena, &p);
	const char *kind = state_next_line(st->arena, &p);
	long n;

	c->start_min = parse_hhmm(at);
	c->kind = (int)strtol(kind, NULL, 10);
	return c->start_min < 0 || str_to_long(min, 1, 24 * 60, &n) != 0 ||
	    c->kind < 0 || c->kind > 4 ? -1 : (c->minutes = (int)n, 0);
}

static void
apply_plan(struct state *st, const struct event *ev)
{
	static const char *const actions[] = { "move", "length", "skip",
	    "add" };
	struct plan_change c;
	size_t k;

	memset(&c, 0, sizeof c);
	for (k = 0; k < NELEM(actions); k++)
		if (ev->ref != NULL && strcmp(ev->ref, actions[k]) == 0)
			break;
	c.action = (enum plan_action)k;
	c.day = (int)ev->n;
	c.minutes = (int)ev->n;
	c.on = ev->n != 0;
	if (k == NELEM(actions) || state_is_empty(ev->id) ||
	    (k == PLAN_MOVE && (ev->n < 1 || ev->n > STATE_DAYS_MAX ||
	    (c.start_min = parse_hhmm(ev->text)) < 0)) ||
	    (k == PLAN_LENGTH && (ev->n < 1 || ev->n > 24 * 60)) ||
	    (k == PLAN_ADD && (ev->n < 1 || ev->n > STATE_DAYS_MAX ||
	    state_is_empty(ev->text) || parse_added(st, ev->extra, &c) != 0))) {
		state_unknown(st);
		return;
	}
	if (k == PLAN_ADD) {
		c.day = (int)ev->n;
		c.title = arena_strdup(st->arena, ev->text);
	}
	c.item = arena_strdup(st->arena, ev->id);
	st->plan = state_grow(st->plan, &st->capplan, st->nplan + 1,
	    sizeof *st->plan);
	st->plan[st->nplan++] = c;
}

static void
apply_projector(struct state *st, const struct event *ev)
{
	const char *what = ev->ref != NULL ? ev->ref : "";

	if (strcmp(what, "all") == 0)
		st->projector_all = 1;
	else if (strcmp(what, "thread") == 0)
		st->projector_all = 0;
	else
		state_unknown(st);
}

/* --- the state ----------------------------------------------------------- */

typedef void (*apply_fn)(struct state *, const struct event *);

static const apply_fn appliers[EV_COUNT] = {
	[EV_PARTICIPANT] = apply_participant,
	[EV_PIN] = apply_pin,
	[EV_TZ] = apply_tz,
	[EV_LANG] = apply_lang,
	[EV_CHECKIN] = apply_checkin,
	[EV_IDEA] = state_apply_idea,
	[EV_IDEA_EDIT] = state_apply_idea_edit,
	[EV_IDEA_WITHDRAW] = state_apply_idea_withdraw,
	[EV_IDEA_MERGE] = state_apply_idea_merge,
	[EV_IDEA_PROMOTE] = state_apply_idea_promote,
	[EV_IDEA_HIDE] = state_apply_idea_hide,
	[EV_ROOM] = apply_room,
	[EV_MOVE] = apply_move,
	[EV_TIMER] = apply_timer,
	[EV_AGENDA] = apply_agenda,
	[EV_VOTING_OPEN] = state_apply_voting_open,
	[EV_VOTING_CLOSE] = state_apply_voting_close,
	[EV_VOTING_REVEAL] = state_apply_voting_reveal,
	[EV_DOT] = state_apply_dot,
	[EV_MESSAGE] = apply_message,
	[EV_QUESTION] = state_apply_question,
	[EV_UPVOTE] = state_apply_upvote,
	[EV_QUESTION_MARK] = state_apply_question_mark,
	[EV_POLL_OPEN] = state_apply_poll_open,
	[EV_POLL_ANSWER] = state_apply_poll_answer,
	[EV_POLL_CLOSE] = state_apply_poll_close,
	[EV_POLL_REVEAL] = state_apply_poll_reveal,
	[EV_EVAL] = state_apply_eval,
	[EV_PROJECTOR] = apply_projector,
	[EV_PLAN] = apply_plan,
	[EV_PRESENT] = state_apply_present,
};

struct state *
state_new(void)
{
	struct state *st = xcalloc(1, sizeof *st);

	st->arena = arena_new();
	st->ix = xcalloc(1, sizeof *st->ix);
	st->current_round = -1;
	st->default_budget = 5;
	/* timers[0] is the session timer, there from the start. */
	timer_for(st, -1, 1);
	return st;
}

void
state_free(struct state *st)
{
	size_t i;

	if (st == NULL)
		return;
	state_free_rounds(st);
	state_texts_free(st);
	for (i = 0; i < st->nquestions; i++)
		state_release(st->questions[i].upvoters);
	for (i = 0; i < st->npolls; i++)
		state_release(st->polls[i].voters);
	for (i = 0; i < K_COUNT; i++)
		state_release(st->ix->map[i].idx);
	state_release(st->ix->last_checkin);
	state_release(st->ix->agenda_ids);
	state_release(st->ix->edited_at);
	state_release(st->ix->odd_stages);
	state_release(st->participants);
	state_release(st->rooms);
	state_release(st->ideas);
	state_release(st->timers);
	state_release(st->visits);
	state_release(st->checkins);
	state_release(st->messages);
	state_release(st->questions);
	state_release(st->polls);
	state_release(st->evals);
	state_release(st->plan);
	state_release(st->bad);
	free(st->day_starts);
	state_release(st->day_last);
	state_release(st->day_timer_end);
	/* the checkpoint's mapping last: everything above may be in it */
	if (st->ix->map_base != NULL)
		state_unmap(st->ix->map_base, st->ix->map_len);
	free(st->ix);
	arena_free(st->arena);
	free(st);
}


void
state_apply(struct state *st, const struct event *ev)
{
	if (ev->seq > st->last_seq)
		st->last_seq = ev->seq;
	if (ev->time_ms > st->last_time)
		st->last_time = ev->time_ms;
	note_activity(st, ev->time_ms);
	if (ev->type <= EV_UNKNOWN || ev->type >= EV_COUNT ||
	    appliers[ev->type] == NULL)
		state_unknown(st);
	else
		appliers[ev->type](st, ev);
	if (st->applied != NULL)
		st->applied(st, ev, st->applied_ctx);
}

void
state_apply_cb(const struct event *ev, void *st)
{
	state_apply(st, ev);
}

void
state_note_bad(unsigned long line, const char *why, void *ctx)
{
	struct state *st = ctx;
	struct bad_record *b;

	st->bad = state_grow(st->bad, &st->capbad, st->nbad + 1, sizeof *st->bad);
	b = &st->bad[st->nbad++];
	b->line = line;
	b->why = arena_strdup(st->arena, why);
}

/* --- queries ------------------------------------------------------------- */

int
state_participant(const struct state *st, const char *id)
{
	return state_lookup(st, K_PARTICIPANT, id);
}

const char *
state_room_label(const struct state *st, int room)
{
	if (room < 0 || (size_t)room >= st->nrooms)
		return _("plenary");
	return st->rooms[room].name != NULL && *st->rooms[room].name != '\0' ?
	    st->rooms[room].name : st->rooms[room].id;
}

int
state_room(const struct state *st, const char *id)
{
	return state_lookup(st, K_ROOM, id);
}

int
state_idea(const struct state *st, const char *id)
{
	return state_lookup(st, K_IDEA, id);
}

struct state_id
state_make_id(char kind, unsigned number)
{
	struct state_id id;
	char digits[10];	/* UINT_MAX has 10 */
	size_t n = 0, i;

	do {
		digits[n++] = (char)('0' + number % 10);
		number /= 10;
	} while (number > 0 && n < sizeof digits);
	id.s[0] = kind;
	for (i = 0; i < n; i++)
		id.s[1 + i] = digits[n - 1 - i];
	id.s[1 + n] = '\0';
	return id;
}

int
state_round(const struct state *st, const char *id)
{
	return state_lookup(st, K_ROUND, id);
}

int
state_question(const struct state *st, const char *id)
{
	return state_lookup(st, K_QUESTION, id);
}

int
state_poll(const struct state *st, const char *id)
{
	return state_lookup(st, K_POLL, id);
}

unsigned
state_next_number(const struct state *st, char kind)
{
	size_t k;

	for (k = 0; k < K_COUNT; k++)
		if (kind_letter[k] == kind)
			return st->ix->map[k].next > 0 ?
			    st->ix->map[k].next : 1;
	return 0;
}

const struct timer *
state_timer(const struct state *st, int room)
{
	size_t i;

	for (i = 0; i < st->ntimers; i++)
		if (st->timers[i].room == room)
			return st->timers[i].started_at != 0 ?
			    &st->timers[i] : NULL;
	return NULL;
}

int64_t
timer_remaining_ms(const struct timer *t, int64_t now)
{
	int64_t run;

	if (t == NULL || t->started_at == 0)
		return 0;
	run = t->elapsed_ms;
	if (t->state == TIMER_RUNNING && now > t->run_since)
		run += now - t->run_since;
	return t->length_ms - run;
}

const struct timer *
state_timer_live(const struct state *st, int room, int64_t now)
{
	const struct timer *t = state_timer(st, room);

	if (t == NULL || t->state == TIMER_IDLE ||
	    state_day_of(st, t->started_at) != state_day_of(st, now))
		return NULL;
	return t;
}

/* Floor division: days before day 1 count down through 0. */
static int
days_between(int64_t from, int64_t to)
{
	int64_t d = to - from;

	return (int)(d >= 0 ? d / DAY_MS : -((-d + DAY_MS - 1) / DAY_MS));
}

int
state_day_of(const struct state *st, int64_t time_ms)
{
	const int64_t *s = st->day_starts;
	size_t n = st->nday_starts, i;

	if (n > 0) {
		if (time_ms < s[0])
			return days_between(s[0], time_ms) + 1;
		for (i = 1; i < n; i++)
			if (time_ms < s[i])
				return (int)i;
		return (int)n + days_between(s[n - 1], time_ms);
	}
	if (st->day1_midnight_ms == 0)
		return 1;
	return days_between(st->day1_midnight_ms, time_ms) + 1;
}

void
state_set_days(struct state *st, const int64_t *starts, size_t n)
{
	free(st->day_starts);
	st->day_starts = NULL;
	st->nday_starts = 0;
	if (n == 0)
		return;
	st->day_starts = xmalloc(n * sizeof *starts);
	memcpy(st->day_starts, starts, n * sizeof *starts);
	st->nday_starts = n;
	st->day1_midnight_ms = starts[0];
}

const struct checkin *
state_checkin(const struct state *st, int participant, int day)
{
	int k = find_checkin(st, participant, day);

	return k >= 0 ? &st->checkins[k] : NULL;
}
