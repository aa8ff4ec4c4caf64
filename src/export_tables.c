/*
 * export_tables.c -- the CSV files of an export, one writer per file.
 * Column names are fixed English identifiers (never translated); the
 * columns DESIGN.md lists come first, in its order, extras after them.
 */
#include "export_int.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "results.h"
#include "state.h"
#include "util.h"
#include "zones.h"

#define ID_BUF 32

/* "" for -1 (merged into none); use .s within the expression. */
static struct state_id
idea_id(const struct export_ctx *x, int idea)
{
	return state_idea_id(x->st, idea);
}

void
export_person(struct export_csv *w, const struct participant *p)
{
	export_csv_plain(w, p->id);
	export_csv_text(w, p->name);
	export_csv_text(w, p->country);
	export_csv_text(w, p->org);
}

void
export_participants(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { EXPORT_PERSON_COLS,
	    "joined_at", "email", "room", "sample", "language", "timezone",
	    NULL };
	size_t i;

	export_csv_header(w, cols);
	for (i = 0; i < x->st->nparticipants; i++) {
		const struct participant *p = &x->st->participants[i];

		export_person(w, p);
		export_csv_time(w, x, p->joined_at);
		export_csv_text(w, x->with_email ? p->email : "");
		export_csv_text(w, export_room_id(x, p->room));
		export_csv_bool(w, p->sample);
		export_csv_text(w, p->lang != NULL ? p->lang : "");
		export_csv_text(w, zones_participant(x->online, p->tz, p->country,
		    x->zone));
		export_csv_end(w);
	}
}

static void
room_row(const struct export_ctx *x, struct export_csv *w, int room,
    const struct participant *p)
{
	export_csv_text(w, export_room_id(x, room));
	export_csv_text(w, x->st->rooms[room].topic);
	export_csv_plain(w, p != NULL ? p->id : "");
	export_csv_text(w, p != NULL ? p->name : "");
	export_csv_text(w, p != NULL ? p->country : "");
	export_csv_text(w, export_room_name(x, room));
	export_csv_end(w);
}

/* One row per member; a room nobody is in still gets one row. */
void
export_rooms(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "room", "topic", "participant_id",
	    "participant_name", "country", "room_name", NULL };
	const struct state *st = x->st;
	size_t r, i;

	export_csv_header(w, cols);
	for (r = 0; r < st->nrooms; r++) {
		int members = 0;

		for (i = 0; i < st->nparticipants; i++)
			if (st->participants[i].room == (int)r) {
				room_row(x, w, (int)r, &st->participants[i]);
				members++;
			}
		if (members == 0)
			room_row(x, w, (int)r, NULL);
	}
}

void
export_ideas(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "id", "room", "stage", "author_id",
	    "author_name", "text", "created_at", "merged_into", "prototype",
	    "hidden", "withdrawn", "edits", "edited_at", "agenda_session",
	    "room_name", "sample", NULL };
	size_t i;

	export_csv_header(w, cols);
	for (i = 0; i < x->st->nideas; i++) {
		const struct idea *d = &x->st->ideas[i];

		export_csv_plain(w, idea_id(x, (int)i).s);
		export_csv_text(w, export_room_id(x, d->room));
		export_csv_text(w, state_idea_stage(x->st, (int)i));
		export_csv_plain(w, export_author_id(x, d->author));
		export_csv_text(w, export_author_name(x, d->author));
		export_csv_text(w, state_idea_text(x->st, (int)i));
		export_csv_time(w, x, d->created_at);
		export_csv_plain(w, idea_id(x, d->merged_into).s);
		export_csv_bool(w, d->prototype);
		export_csv_bool(w, d->hidden);
		export_csv_bool(w, d->withdrawn);
		export_csv_long(w, (long)d->edits);
		export_csv_time(w, x, d->edits > 0 ?
		    state_idea_edited_at(x->st, (int)i) : 0);
		export_csv_text(w, state_idea_agenda(x->st, (int)i));
		export_csv_text(w, export_room_name(x, d->room));
		export_csv_bool(w, d->sample);
		export_csv_end(w);
	}
}

/* ------------------------------------------------------------- votes */

struct vote_row {
	size_t at;		/* index in the tally */
	int idea;
	int64_t cast_at;
};

static int
cmp_vote_row(const void *a, const void *b)
{
	const struct vote_row *x = a, *y = b;

	if (x->idea != y->idea)
		return x->idea < y->idea ? -1 : 1;
	if (x->cast_at != y->cast_at)
		return x->cast_at < y->cast_at ? -1 : 1;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* Sorted by idea and time, never by voter: in anonymous sessions the
 * pseudonyms follow this order and must not follow the participant list.
 * Ties go by tally index, which within an idea is the order first cast
 * (round_tally). */
size_t
export_vote_rows(const struct state *st, int round, size_t **out)
{
	const struct round *r = &st->rounds[round];
	struct vote_row *rows = xcalloc(r->ntally + 1, sizeof *rows);
	size_t i, n = 0;

	for (i = 0; i < r->ntally; i++) {
		struct dot_tally t = round_tally(r, i);

		if (t.dots <= 0)
			continue;
		rows[n].at = i;
		rows[n].idea = t.idea;
		rows[n].cast_at = t.cast_at;
		n++;
	}
	qsort(rows, n, sizeof *rows, cmp_vote_row);
	*out = xcalloc(n + 1, sizeof **out);
	for (i = 0; i < n; i++)
		(*out)[i] = rows[i].at;
	free(rows);
	return n;
}

void
export_votes(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "round", "idea_id", "voter_id",
	    "dots", "cast_at", NULL };
	const struct state *st = x->st;
	char voter[ID_BUF];
	size_t r, i, n, *rows;

	export_csv_header(w, cols);
	for (r = 0; r < st->nrounds; r++) {
		const struct round *rd = &st->rounds[r];

		n = export_vote_rows(st, (int)r, &rows);
		for (i = 0; i < n; i++) {
			struct dot_tally t = round_tally(rd, rows[i]);

			export_person_id(x, t.voter, voter, sizeof voter);
			export_csv_plain(w, rd->id);
			export_csv_plain(w, idea_id(x, t.idea).s);
			export_csv_plain(w, voter);
			export_csv_long(w, t.dots);
			export_csv_time(w, x, t.cast_at);
			export_csv_end(w);
		}
		free(rows);
	}
}

void
export_results(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "round", "rank", "room_rank",
	    "idea_id", "text", "room", "dots", "voters", "tie", "room_name",
	    "revealed", NULL };
	const struct state *st = x->st;
	struct ranked *list;
	size_t r, i, n;

	export_csv_header(w, cols);
	for (r = 0; r < st->nrounds; r++) {
		if (results_rank(st, (int)r, &list, &n) != 0)
			continue;
		for (i = 0; i < n; i++) {
			const struct ranked *k = &list[i];

			export_csv_plain(w, st->rounds[r].id);
			export_csv_long(w, k->rank);
			export_csv_long(w, k->room_rank);
			export_csv_plain(w, idea_id(x, k->idea).s);
			export_csv_text(w, state_idea_text(st, k->idea));
			export_csv_text(w, export_room_id(x, k->room));
			export_csv_long(w, k->dots);
			export_csv_long(w, k->voters);
			export_csv_bool(w, k->tie);
			export_csv_text(w, export_room_name(x, k->room));
			export_csv_bool(w, st->rounds[r].revealed);
			export_csv_end(w);
		}
		free(list);
	}
}

/* -------------------------------------------------------- attendance */

static int
cmp_checkin(const void *a, const void *b)
{
	const struct checkin *x = a, *y = b;

	if (x->participant != y->participant)
		return x->participant < y->participant ? -1 : 1;
	return (x->day > y->day) - (x->day < y->day);
}

/* Who was present on which day, by participant then day.  Anonymous
 * sessions keep the presence but not the times (export.h says why). */
void
export_attendance(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "participant_id", "name",
	    "country", "day", "first_seen", "last_seen", "contributions",
	    "date", NULL };
	const struct state *st = x->st;
	struct checkin *c = xcalloc(st->ncheckins + 1, sizeof *c);
	size_t i;

	export_csv_header(w, cols);
	if (st->ncheckins > 0)
		memcpy(c, st->checkins, st->ncheckins * sizeof *c);
	qsort(c, st->ncheckins, sizeof *c, cmp_checkin);
	for (i = 0; i < st->ncheckins; i++) {
		const struct participant *p;

		if (c[i].participant < 0 || c[i].absent ||
		    (size_t)c[i].participant >= st->nparticipants)
			continue;
		p = &st->participants[c[i].participant];
		export_csv_plain(w, p->id);
		export_csv_text(w, p->name);
		export_csv_text(w, p->country);
		export_csv_long(w, c[i].day);
		export_csv_time(w, x, x->anonymous ? 0 : c[i].first_seen);
		export_csv_time(w, x, x->anonymous ? 0 : c[i].last_seen);
		if (x->anonymous)
			export_csv_plain(w, "");
		else
			export_csv_long(w, (long)c[i].contributions);
		export_csv_date(w, x, c[i].day);
		export_csv_end(w);
	}
	free(c);
}

/* ------------------------------------------------------------ timings */

/* How the plan changed an item: "moved lengthened", "skipped", "added";
 * "" when it runs as the module planned it. */
static void
plan_words(const struct agenda_item *it, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", it->added ? "added " : "",
	    it->moved ? "moved " : "", it->lengthened ? "lengthened " : "",
	    it->skipped ? "skipped " : "");
	if (*buf != '\0')
		buf[strlen(buf) - 1] = '\0';
}

static void
timing_row(const struct export_ctx *x, struct export_csv *w,
    const struct agenda_item *it, const struct export_timing *t)
{
	long actual = export_minutes(t->actual_ms);
	char words[64];

	export_csv_text(w, it->id);
	export_csv_text(w, it->title);
	export_csv_time(w, x, export_planned_start(x, it->day, it->start_min));
	export_csv_long(w, it->minutes);
	export_csv_time(w, x, t->visited ? t->first_start : 0);
	export_csv_time(w, x, t->last_end);
	if (t->visited) {
		export_csv_long(w, actual);
		export_csv_long(w, actual - it->minutes);
	} else {
		export_csv_plain(w, "");
		export_csv_plain(w, "");
	}
	export_csv_long(w, it->day);
	export_csv_plain(w, session_kind_name(it->kind));
	plan_words(it, words, sizeof words);
	export_csv_plain(w, words);
	export_csv_end(w);
}

/* Each agenda item, planned (module) against actual (journal).  An item
 * visited more than once starts at its first visit, ends at its last and
 * counts the minutes of every visit; actual_end is empty while it is
 * still the current item. */
void
export_timings_csv(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "session_id", "title",
	    "planned_start", "planned_minutes", "actual_start", "actual_end",
	    "actual_minutes", "overrun_minutes", "day", "kind", "plan", NULL };
	struct export_timing *items;
	struct export_day *days;
	size_t i;

	export_csv_header(w, cols);
	export_timings(x, &items, &days);
	for (i = 0; x->mod != NULL && i < x->mod->nitems; i++)
		timing_row(x, w, &x->mod->items[i], &items[i]);
	free(items);
	free(days);
}

void
export_days_csv(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "day", "date", "planned_minutes",
	    "actual_minutes", "overrun_minutes", "participants_present",
	    "complete", "behind_minutes", NULL };
	struct export_timing *items;
	struct export_day *days;
	int d;

	export_csv_header(w, cols);
	export_timings(x, &items, &days);
	for (d = 1; d <= x->ndays; d++) {
		long actual = export_minutes(days[d].actual_ms);

		export_csv_long(w, d);
		export_csv_date(w, x, d);
		export_csv_long(w, days[d].planned_min);
		if (days[d].visited) {
			export_csv_long(w, actual);
			export_csv_long(w, actual - days[d].planned_min);
		} else {
			export_csv_plain(w, "");
			export_csv_plain(w, "");
		}
		export_csv_long(w, (long)days[d].present);
		/* no: still under way, its minutes are so far; empty: not
		 * started */
		export_csv_plain(w, !days[d].visited ? "" : days[d].current ?
		    "no" : "yes");
		/* the console's figure at the day's end (or now) */
		if (days[d].visited)
			export_csv_long(w, (long)(days[d].behind_ms / 60000));
		else
			export_csv_plain(w, "");
		export_csv_end(w);
	}
	free(items);
	free(days);
}

/* ------------------------------------------ questions, polls, evaluation */

void
export_questions(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "id", "session_id", "text",
	    "author_id", "author_name", "upvotes", "answered", "asked_at",
	    "hidden", "pinned", NULL };
	size_t i;

	export_csv_header(w, cols);
	for (i = 0; i < x->st->nquestions; i++) {
		const struct question *q = &x->st->questions[i];

		export_csv_plain(w, q->id);
		export_csv_text(w, q->agenda_id);
		export_csv_text(w, q->text);
		export_csv_plain(w, export_author_id(x, q->author));
		export_csv_text(w, export_author_name(x, q->author));
		export_csv_long(w, (long)q->nupvoters);
		export_csv_bool(w, q->answered);
		export_csv_time(w, x, q->asked_at);
		export_csv_bool(w, q->hidden);
		export_csv_bool(w, q->pinned);
		export_csv_end(w);
	}
}

static const char *
poll_kind_name(int kind)
{
	switch (kind) {
	case POLL_MULTI:
		return "multi";
	case POLL_SCALE:
		return "scale";
	default:
		return "single";
	}
}

/* One row per option. */
void
export_polls(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "poll_id", "session_id",
	    "question", "option", "answers", "kind", "option_number",
	    "respondents", "revealed", NULL };
	size_t i, o;

	export_csv_header(w, cols);
	for (i = 0; i < x->st->npolls; i++) {
		const struct poll *p = &x->st->polls[i];

		for (o = 0; o < p->noptions; o++) {
			export_csv_plain(w, p->id);
			export_csv_text(w, p->agenda_id);
			export_csv_text(w, p->question);
			export_csv_text(w, p->options[o]);
			export_csv_long(w, p->answers != NULL ?
			    (long)p->answers[o] : 0);
			export_csv_plain(w, poll_kind_name(p->kind));
			export_csv_long(w, (long)o + 1);
			export_csv_long(w, (long)p->nvoters);
			export_csv_bool(w, p->revealed);
			export_csv_end(w);
		}
	}
}

struct eval_row {
	size_t first, last;	/* indexes in st->evals */
	int participant;
	const char *question;
};

static int
cmp_eval_key(const void *a, const void *b)
{
	const struct eval_row *x = a, *y = b;
	int c;

	if (x->participant != y->participant)
		return x->participant < y->participant ? -1 : 1;
	if ((c = strcmp(x->question, y->question)) != 0)
		return c;
	return x->first < y->first ? -1 : x->first > y->first;
}

static int
cmp_eval_first(const void *a, const void *b)
{
	const struct eval_row *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

size_t
export_eval_rows(const struct state *st, size_t **out)
{
	struct eval_row *rows = xcalloc(st->nevals + 1, sizeof *rows);
	size_t i, n = 0;

	for (i = 0; i < st->nevals; i++) {
		rows[i].first = rows[i].last = i;
		rows[i].participant = st->evals[i].participant;
		rows[i].question = st->evals[i].question != NULL ?
		    st->evals[i].question : "";
	}
	/* Group each person's answers to one question; the last one wins
	 * but keeps the place of the first. */
	qsort(rows, st->nevals, sizeof *rows, cmp_eval_key);
	for (i = 0; i < st->nevals; i++) {
		if (n > 0 && rows[n - 1].participant == rows[i].participant &&
		    strcmp(rows[n - 1].question, rows[i].question) == 0) {
			rows[n - 1].last = rows[i].first;
			continue;
		}
		rows[n++] = rows[i];
	}
	qsort(rows, n, sizeof *rows, cmp_eval_first);
	*out = xcalloc(n + 1, sizeof **out);
	for (i = 0; i < n; i++)
		(*out)[i] = rows[i].last;
	free(rows);
	return n;
}

static const struct eval_question *
eval_question(const struct export_ctx *x, const char *id)
{
	size_t i;

	for (i = 0; x->mod != NULL && id != NULL && i < x->mod->nevals; i++)
		if (strcmp(x->mod->evals[i].id, id) == 0)
			return &x->mod->evals[i];
	return NULL;
}

/* A scale answer has a value; a free-text one has text.  For a question
 * the module does not name, the value shows when there is no text. */
static int
eval_has_value(const struct export_ctx *x, const struct eval_answer *a)
{
	const struct eval_question *q = eval_question(x, a->question);

	if (q != NULL)
		return q->scale;
	return a->text == NULL || a->text[0] == '\0';
}

void
export_evaluation(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { "participant_id", "question",
	    "value", "text", "question_text", "answered_at", NULL };
	char who[ID_BUF];
	size_t i, n, *rows;

	export_csv_header(w, cols);
	n = export_eval_rows(x->st, &rows);
	for (i = 0; i < n; i++) {
		const struct eval_answer *a = &x->st->evals[rows[i]];
		const struct eval_question *q = eval_question(x, a->question);

		export_person_id(x, a->participant, who, sizeof who);
		export_csv_plain(w, who);
		export_csv_text(w, a->question);
		if (eval_has_value(x, a))
			export_csv_long(w, a->value);
		else
			export_csv_plain(w, "");
		export_csv_text(w, a->text);
		export_csv_text(w, q != NULL ? q->question : "");
		export_csv_time(w, x, a->at);
		export_csv_end(w);
	}
	free(rows);
}
