/* status.c -- convene status: the session's state for scripts (status.h). */
#include "status.h"

#include <string.h>

#include "content.h"
#include "flow.h"
#include "presence.h"
#include "schedule.h"
#include "session.h"
#include "state.h"

#define DEPTH_MAX 6

/* One writer for both forms: JSON, or "a.b[2].c: value" lines. */
struct emit {
	FILE *out;
	int json;
	int depth;
	int count[DEPTH_MAX];	/* members written at each depth */
	int array[DEPTH_MAX];	/* the level is an array (JSON) */
	char path[256];		/* text form: where we are */
	size_t plen[DEPTH_MAX];
};

static void
json_string(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	fputc('"', out);
	for (; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

/* Text form: a value on one line, control characters shown as '?'. */
static void
text_value(FILE *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");

	for (; *p != '\0'; p++)
		fputc(*p < 0x20 || *p == 0x7f ? '?' : *p, out);
}

/* Starts a member: the comma and the key (JSON), or the path (text). */
static void
member(struct emit *e, const char *key)
{
	size_t n = strlen(e->path);

	if (e->json) {
		if (e->count[e->depth]++ > 0)
			fputc(',', e->out);
		if (key != NULL && !e->array[e->depth]) {
			json_string(e->out, key);
			fputc(':', e->out);
		}
		return;
	}
	if (e->array[e->depth])
		snprintf(e->path + n, sizeof e->path - n, "[%d]",
		    e->count[e->depth]++);
	else
		snprintf(e->path + n, sizeof e->path - n, "%s%s",
		    n > 0 ? "." : "", key);
}

static void
text_line_end(struct emit *e, size_t n)
{
	e->path[n] = '\0';
}

static void
emit_str(struct emit *e, const char *key, const char *v)
{
	size_t n = strlen(e->path);

	member(e, key);
	if (e->json) {
		if (v == NULL)
			fputs("null", e->out);
		else
			json_string(e->out, v);
		return;
	}
	fprintf(e->out, "%s: ", e->path);
	text_value(e->out, v);
	fputc('\n', e->out);
	text_line_end(e, n);
}

static void
emit_num(struct emit *e, const char *key, long long v)
{
	size_t n = strlen(e->path);

	member(e, key);
	if (e->json)
		fprintf(e->out, "%lld", v);
	else {
		fprintf(e->out, "%s: %lld\n", e->path, v);
		text_line_end(e, n);
	}
}

static void
emit_bool(struct emit *e, const char *key, int v)
{
	size_t n = strlen(e->path);

	member(e, key);
	if (e->json)
		fputs(v ? "true" : "false", e->out);
	else {
		fprintf(e->out, "%s: %s\n", e->path, v ? "yes" : "no");
		text_line_end(e, n);
	}
}

static void
open_level(struct emit *e, const char *key, int array)
{
	size_t n = strlen(e->path);

	if (e->depth > 0 || key != NULL)
		member(e, key);
	if (e->json)
		fputc(array ? '[' : '{', e->out);
	if (e->depth + 1 < DEPTH_MAX)
		e->depth++;
	e->count[e->depth] = 0;
	e->array[e->depth] = array;
	e->plen[e->depth] = n;
}

static void
close_level(struct emit *e)
{
	if (e->json)
		fputc(e->array[e->depth] ? ']' : '}', e->out);
	e->path[e->plen[e->depth]] = '\0';
	if (e->depth > 0)
		e->depth--;
}

/* --- what is shown -------------------------------------------------------- */

static void
emit_item(struct emit *e, const struct session *s, const struct schedule *sch,
    int64_t now)
{
	const struct state *st = s->state;
	const struct agenda_item *it = st->agenda_id != NULL ?
	    module_item(s->module, st->agenda_id) : NULL;
	int i = module_item_index(s->module, st->agenda_id);

	open_level(e, "agenda", 0);
	emit_str(e, "item", it != NULL ? it->id : NULL);
	emit_str(e, "title", it != NULL ? it->title : NULL);
	emit_bool(e, "running", it != NULL && !st->agenda_ended);
	emit_num(e, "day", state_day_of(st, now));
	emit_num(e, "planned_minutes", it != NULL ? it->minutes : 0);
	emit_num(e, "started_at_ms", i >= 0 && sch->items[i].current ?
	    sch->items[i].actual_start : 0);
	emit_num(e, "behind_minutes", (long long)(sch->behind_ms / 60000));
	emit_str(e, "thread", flow_current_thread(s->module, st));
	close_level(e);
}

static void
emit_timers(struct emit *e, const struct state *st, int64_t now)
{
	static const char *const names[] = { "idle", "running", "paused" };
	size_t i;

	open_level(e, "timers", 1);
	for (i = 0; i < st->ntimers; i++) {
		const struct timer *t = &st->timers[i];
		const struct timer *live = state_timer_live(st, t->room, now);

		open_level(e, NULL, 0);
		emit_str(e, "room", t->room >= 0 ? st->rooms[t->room].id : "");
		emit_str(e, "state", live != NULL ? names[live->state] :
		    names[TIMER_IDLE]);
		emit_num(e, "remaining_s", live != NULL ?
		    timer_remaining_ms(live, now) / 1000 : 0);
		close_level(e);
	}
	close_level(e);
}

static void
emit_rooms(struct emit *e, const struct state *st)
{
	size_t i, k;
	int n;

	open_level(e, "rooms", 1);
	for (i = 0; i < st->nrooms; i++) {
		for (n = 0, k = 0; k < st->nparticipants; k++)
			n += st->participants[k].room == (int)i;
		open_level(e, NULL, 0);
		emit_str(e, "id", st->rooms[i].id);
		emit_str(e, "name", st->rooms[i].name);
		emit_str(e, "topic", st->rooms[i].topic);
		emit_num(e, "members", n);
		close_level(e);
	}
	close_level(e);
}

/* The open round and the last revealed one: no tallies while blind. */
static void
emit_voting(struct emit *e, const struct state *st)
{
	int r = st->current_round;
	const struct round *rd = r >= 0 ? &st->rounds[r] : NULL;

	open_level(e, "voting", 0);
	emit_str(e, "round", rd != NULL ? rd->id : NULL);
	emit_bool(e, "open", rd != NULL && rd->open);
	emit_bool(e, "revealed", rd != NULL && rd->revealed);
	emit_bool(e, "prototypes", rd != NULL && rd->prototypes_only);
	emit_num(e, "ballot", rd != NULL ? (long long)rd->nballot : 0);
	emit_num(e, "budget", rd != NULL ? rd->budget : 0);
	emit_num(e, "voters", rd != NULL && rd->revealed ? round_voters(rd) :
	    -1);
	close_level(e);
}

static void
emit_polls(struct emit *e, const struct state *st)
{
	size_t i;

	open_level(e, "polls_open", 1);
	for (i = 0; i < st->npolls; i++) {
		if (!st->polls[i].open)
			continue;
		open_level(e, NULL, 0);
		emit_str(e, "id", st->polls[i].id);
		emit_str(e, "question", st->polls[i].question);
		emit_num(e, "answered", (long long)st->polls[i].nvoters);
		close_level(e);
	}
	close_level(e);
}

static void
emit_questions(struct emit *e, const struct state *st)
{
	const struct question *pinned = NULL;
	size_t i;

	for (i = 0; i < st->nquestions; i++)
		if (st->questions[i].pinned && !st->questions[i].hidden)
			pinned = &st->questions[i];
	open_level(e, "pinned_question", 0);
	emit_str(e, "id", pinned != NULL ? pinned->id : NULL);
	emit_str(e, "text", pinned != NULL ? pinned->text : NULL);
	close_level(e);
}

/* The messages a terminal shows: the caller's room's and everyone's (the
 * facilitator: everyone's and each room's). */
static void
emit_messages(struct emit *e, const struct state *st, int room, int all,
    int64_t now)
{
	const struct message *m;
	int r;

	open_level(e, "messages", 1);
	for (r = all ? -1 : room; r < (all ? (int)st->nrooms : room + 1);
	    r++) {
		m = state_live_message(st, r);
		if (m == NULL || (all && r >= 0 && m->room < 0))
			continue;	/* everyone's: listed once, at -1 */
		open_level(e, NULL, 0);
		emit_str(e, "room", m->room >= 0 ? st->rooms[m->room].id : "");
		emit_str(e, "text", m->text);
		emit_bool(e, "recall", m->recall);
		emit_bool(e, "for_item", m->for_item);
		emit_num(e, "age_minutes", (now - m->at) / 60000);
		close_level(e);
	}
	close_level(e);
}

static void
emit_counts(struct emit *e, const struct session *s, int64_t now)
{
	const struct state *st = s->state;
	int day = state_day_of(st, now), present = 0;
	size_t i;

	for (i = 0; i < st->nparticipants; i++)
		present += state_present(st, (int)i, day);
	open_level(e, "counts", 0);
	emit_num(e, "participants", (long long)st->nparticipants);
	emit_num(e, "present_today", present);
	emit_num(e, "ideas", (long long)st->nideas);
	emit_num(e, "questions", (long long)st->nquestions);
	emit_num(e, "terminals_open", presence_scan(s->dir, NULL, NULL, NULL));
	emit_num(e, "terminals_polling", presence_polling(s->dir, NULL));
	emit_num(e, "damaged_records", (long long)st->nbad);
	close_level(e);
}

int
status_write(const struct session *s, const char *pid, int64_t now,
    enum status_format format, FILE *out)
{
	const struct state *st = s->state;
	int p = pid != NULL ? state_participant(st, pid) : -1;
	int room = p >= 0 ? st->participants[p].room : -1;
	struct schedule sch;
	struct emit e;

	memset(&e, 0, sizeof e);
	e.out = out;
	e.json = format == STATUS_JSON;
	schedule_build(&sch, s->module, st, s->set.start, now);
	open_level(&e, NULL, 0);
	emit_str(&e, "session", s->set.title != NULL && *s->set.title != '\0' ?
	    s->set.title : s->module->title);
	emit_str(&e, "role", pid != NULL ? "participant" : "facilitator");
	emit_str(&e, "participant", p >= 0 ? st->participants[p].id : NULL);
	emit_item(&e, s, &sch, now);
	emit_timers(&e, st, now);
	emit_rooms(&e, st);
	emit_voting(&e, st);
	emit_polls(&e, st);
	emit_questions(&e, st);
	emit_messages(&e, st, room, pid == NULL, now);
	emit_counts(&e, s, now);
	close_level(&e);
	if (e.json)
		fputc('\n', out);
	schedule_free(&sch);
	return ferror(out) ? -1 : 0;
}
