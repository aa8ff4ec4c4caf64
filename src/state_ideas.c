/*
 * state_ideas.c -- ideas in the state: applying their records, and what a
 * struct idea keeps outside its 40 bytes (the stage and the agenda item
 * as numbers, the time of the last edit beside it, the id as its number).
 * Texts are in state_texts.c.
 */
#include "state.h"

#include <string.h>

#include "arena.h"
#include "state_int.h"
#include "util.h"

/* A participant's state holds thousands of ideas (state.h). */
_Static_assert(sizeof(struct idea) == 40, "struct idea is 40 bytes");

/* The design stages are few: an idea keeps a stage's number (3 bits).
 * Any other stage (a journal from elsewhere) is STAGE_ODD, its text kept
 * in odd_stages. */
static const char *const design_stages[] = { "", "empathise", "ideate",
    "prototype", "share", "launch" };
#define STAGE_ODD 7

static unsigned
stage_number(struct state *st, int idea, const char *stage)
{
	struct state_index *ix = st->ix;
	size_t i;

	for (i = 0; i < NELEM(design_stages); i++)
		if (strcmp(design_stages[i], stage) == 0)
			return (unsigned)i;
	ix->odd_stages = state_grow(ix->odd_stages, &ix->capodd, ix->nodd + 1,
	    sizeof *ix->odd_stages);
	/* whole, padding too: a checkpoint copies it byte for byte */
	memset(&ix->odd_stages[ix->nodd], 0, sizeof *ix->odd_stages);
	ix->odd_stages[ix->nodd].idea = idea;
	ix->odd_stages[ix->nodd++].stage = arena_strdup(st->arena, stage);
	return STAGE_ODD;
}

/* An interned agenda id (or NULL) as a number: its index + 1, 0 for NULL.
 * The current item nearly always answers at once. */
static unsigned
agenda_number(struct state *st, const char *interned)
{
	struct state_index *ix = st->ix;
	size_t i;

	if (interned == NULL)
		return 0;
	if (ix->agenda_last < ix->nagenda &&
	    ix->agenda_ids[ix->agenda_last] == interned)
		return (unsigned)ix->agenda_last + 1;
	for (i = 0; i < ix->nagenda; i++)
		if (ix->agenda_ids[i] == interned) {
			ix->agenda_last = i;
			return (unsigned)i + 1;
		}
	return 0;	/* not interned: cannot happen */
}

void
state_apply_idea(struct state *st, const struct event *ev)
{
	int room = state_opt_ref(st, K_ROOM, ev->room), author = -1;
	struct idea *it;

	/* The author last: an unknown one is made only for a good record. */
	if (room == -2 || state_is_empty(ev->text) ||
	    (!state_is_empty(ev->ref) && (author =
	    state_participant_or_unknown(st, ev->ref, ev->time_ms)) < 0) ||
	    state_claim_id(st, K_IDEA, ev->id, st->nideas) != 0) {
		state_unknown(st);
		return;
	}
	st->ideas = state_grow(st->ideas, &st->capideas, st->nideas + 1,
	    sizeof *st->ideas);
	it = &st->ideas[st->nideas++];
	memset(it, 0, sizeof *it);
	it->number = state_id_number(ev->id, 'i');	/* claimed: well formed */
	state_set_idea_text(st, it, ev);
	it->stage = stage_number(st, (int)(st->nideas - 1),
	    ev->extra != NULL ? ev->extra : "");
	it->agenda = agenda_number(st, st->agenda_id);
	it->room = room;
	it->author = author;
	it->merged_into = -1;
	it->sample = (author >= 0 && st->participants[author].sample) ||
	    (ev->actor != NULL && strcmp(ev->actor, "sample") == 0);
	it->created_at = ev->time_ms;
	state_touch(st, author, state_day_of(st, ev->time_ms), ev->time_ms, 1);
}

static struct idea *
idea_of(struct state *st, const struct event *ev)
{
	int i = state_lookup(st, K_IDEA, ev->id);

	if (i < 0) {
		state_unknown(st);
		return NULL;
	}
	return &st->ideas[i];
}

static void
set_edited_at(struct state *st, size_t idea, int64_t at)
{
	struct state_index *ix = st->ix;

	if (idea >= ix->nedited) {
		ix->edited_at = state_grow(ix->edited_at, &ix->capedited, idea + 1,
		    sizeof *ix->edited_at);
		memset(ix->edited_at + ix->nedited, 0,
		    (idea + 1 - ix->nedited) * sizeof *ix->edited_at);
		ix->nedited = idea + 1;
	}
	ix->edited_at[idea] = at;
}

void
state_apply_idea_edit(struct state *st, const struct event *ev)
{
	struct idea *it = idea_of(st, ev);

	if (it == NULL)
		return;
	if (state_is_empty(ev->text)) {
		state_unknown(st);
		return;
	}
	state_set_idea_text(st, it, ev);
	if (it->edits < IDEA_EDITS_MAX)
		it->edits++;
	set_edited_at(st, (size_t)(it - st->ideas), ev->time_ms);
	state_touch_actor(st, ev, 0);
}

void
state_apply_idea_withdraw(struct state *st, const struct event *ev)
{
	struct idea *it = idea_of(st, ev);

	if (it != NULL)
		it->withdrawn = ev->n != 0;
}

void
state_apply_idea_merge(struct state *st, const struct event *ev)
{
	int i = state_lookup(st, K_IDEA, ev->id);
	int into = state_opt_ref(st, K_IDEA, ev->ref);

	if (i < 0 || into == -2 || into == i) {
		state_unknown(st);
		return;
	}
	st->ideas[i].merged_into = into;
}

void
state_apply_idea_promote(struct state *st, const struct event *ev)
{
	struct idea *it = idea_of(st, ev);

	if (it != NULL)
		it->prototype = ev->n != 0;
}

void
state_apply_idea_hide(struct state *st, const struct event *ev)
{
	struct idea *it = idea_of(st, ev);

	if (it != NULL)
		it->hidden = ev->n != 0;
}

/* --- queries ------------------------------------------------------------- */

/* Ideas keep their id's number only, not the string: thousands of them
 * would cost a pointer and an arena string each. */
struct state_id
state_idea_id(const struct state *st, int idea)
{
	struct state_id none = { "" };

	if (idea < 0 || (size_t)idea >= st->nideas)
		return none;
	return state_id_of_idea(&st->ideas[idea]);
}

struct state_id
state_id_of_idea(const struct idea *it)
{
	return state_make_id('i', it->number);
}

const char *
state_idea_stage(const struct state *st, int idea)
{
	const struct state_index *ix = st->ix;
	size_t lo = 0, hi = ix->nodd, mid;
	unsigned n;

	if (idea < 0 || (size_t)idea >= st->nideas)
		return "";
	n = st->ideas[idea].stage;
	if (n < NELEM(design_stages))
		return design_stages[n];
	while (lo < hi) {	/* odd_stages is by idea, ascending */
		mid = lo + (hi - lo) / 2;
		if (ix->odd_stages[mid].idea < idea)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->nodd && ix->odd_stages[lo].idea == idea ?
	    ix->odd_stages[lo].stage : "";
}

const char *
state_idea_agenda(const struct state *st, int idea)
{
	unsigned n;

	if (idea < 0 || (size_t)idea >= st->nideas)
		return NULL;
	n = st->ideas[idea].agenda;
	return n > 0 && n <= st->ix->nagenda ? st->ix->agenda_ids[n - 1] :
	    NULL;
}

int64_t
state_idea_edited_at(const struct state *st, int idea)
{
	return idea >= 0 && (size_t)idea < st->ix->nedited ?
	    st->ix->edited_at[idea] : 0;
}
