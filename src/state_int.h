/*
 * state_int.h -- what the state's files share (state.c, state_ideas.c,
 * state_texts.c, state_votes.c, state_questions.c); not for use outside
 * them.
 *
 * state.c keeps the id maps, attendance and the dispatch table; ideas,
 * the voting rounds with their tallies, and the questions, polls and
 * evaluation apply their records in their own files through these
 * helpers.
 */
#ifndef CONVENE_STATE_INT_H
#define CONVENE_STATE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "state.h"

struct arena;

enum state_kind { K_PARTICIPANT, K_ROOM, K_IDEA, K_ROUND, K_QUESTION,
	K_POLL, K_COUNT };

/* A voting round's tally (state_votes.c, which says how it is kept; the
 * checkpoint saves it as it is). */
/* An entry in 10 bytes (2-byte fields only, so no padding): the voter
 * index up to 65,535, net dots up to 255 (a round's budget is at most 99),
 * the idea index up to 16,777,215, and the time as milliseconds from 2^31
 * before the round's opening (24 days either side).  A round where a value
 * does not fit switches all its entries to struct dot_tally (24 bytes) for
 * good. */
struct tally_small {
	uint16_t voter;
	uint8_t dots, idea_hi;	/* idea = idea_hi << 16 | idea_lo */
	uint16_t idea_lo;
	uint16_t at_lo, at_hi;	/* at = at_hi << 16 | at_lo */
};

#define SMALL_IDEA_MAX 0xffffff
#define SMALL_AT_BASE 0x80000000LL	/* at = cast_at - opened_at + this */


struct round_index {
	void *ent;		/* ntally entries, struct tally_small or,
				   when wide, struct dot_tally */
	size_t cap;
	int wide;
	int *spent;		/* per voter index */
	size_t nspent, capspent;
	int nvoters;		/* voters with any dot */
	int *slots;		/* hash of entry indexes, -1 empty; power of
				   two.  NULL: the entries are sorted by idea */
	size_t nslots;
};

/* What state.c keeps beside the arrays of struct state (its id maps and
 * indexes); state_ideas.c reads and extends the ideas' part. */

/* An id's number -> the object's index in its array (-1: none). */
struct idmap {
	int *idx;
	size_t n, cap;
	unsigned next;		/* the highest number seen + 1 */
};

struct state_index {
	struct idmap map[K_COUNT];
	int *last_checkin;	/* per participant: its latest checkin, -1 */
	size_t nlast, caplast;
	const char **agenda_ids;	/* interned agenda ids (few) */
	size_t nagenda, capagenda;
	size_t agenda_last;	/* the index agenda_number() found last */
	/* What a struct idea keeps out of its 40 bytes: the time of the last
	 * edit (per idea, up to the highest edited), and stages that are not
	 * one of the design stages (by idea, ascending; rare). */
	int64_t *edited_at;
	size_t nedited, capedited;
	struct odd_stage { int idea; const char *stage; } *odd_stages;
	size_t nodd, capodd;
	/* A state loaded from a checkpoint: its mapping, unmapped by
	 * state_free (NULL: none). */
	void *map_base;
	size_t map_len;
};

/* The element at i of a growable int array, filled with `fill` up to it;
 * the element at i, or 0 when i is out of range. */
int *state_int_at(int **arr, size_t *n, size_t *cap, size_t i, int fill);
int state_int_get(const int *arr, size_t n, int i);

/* The index of an object by id, -1 when unknown. */
int state_lookup(const struct state *st, enum state_kind k, const char *id);
/* Registers a new object's id at array index `index`; -1 when the id is
 * malformed or taken (then the record is not applied). */
int state_claim_id(struct state *st, enum state_kind k, const char *id,
    size_t index);
/* An optional reference: "" is none (-1); an unknown id is -2. */
int state_opt_ref(const struct state *st, enum state_kind k, const char *id);
/* The participant `id` refers to; when no record registered it (its
 * registration was damaged and skipped), a placeholder marked unknown, so
 * that a damaged record costs only itself: their contributions still
 * count.  -1 when id is empty or not a participant id. */
int state_participant_or_unknown(struct state *st, const char *id,
    int64_t at);
/* Counts a record that could not be applied. */
void state_unknown(struct state *st);
int state_is_empty(const char *s);

/* One copy of each agenda id (NULL for ""). */
const char *state_intern_agenda(struct state *st, const char *id);
/* Copies the next LF-separated line of *p and moves past it. */
const char *state_next_line(struct arena *a, const char **p);

/* A participant (p >= 0) was seen on a day >= 1 at `at`, with
 * `contributions` ideas, dots, questions or answers. */
void state_touch(struct state *st, int p, int day, int64_t at,
    unsigned contributions);

/* state_texts.c: sets an idea's text from its record (kept, or where it
 * is in the journal when the state reads texts on demand); frees the
 * cache. */
void state_set_idea_text(struct state *st, struct idea *it,
    const struct event *ev);
void state_texts_free(struct state *st);

/* The number of an id "<letter><number>", 0 when malformed. */
unsigned state_id_number(const char *id, char letter);
/* The record's actor was seen on the record's day. */
void state_touch_actor(struct state *st, const struct event *ev,
    unsigned contributions);

/* state_mem.c: the arrays of a state loaded from a checkpoint live in its
 * mapping (checkpoint.h); every growth and free of a state's array goes
 * through these.  state_grow is xgrow, copying a mapped array to the heap
 * when it must grow past its room; state_resize is xrealloc (old_size: the
 * bytes it holds now); state_release is free, doing nothing for a mapped
 * pointer.  The maps are registered by checkpoint.c. */
void *state_grow(void *p, size_t *cap, size_t need, size_t size);
void *state_resize(void *p, size_t old_size, size_t new_size);
void state_release(void *p);
int state_mapped(const void *p);
int state_mem_add_map(const void *base, size_t len);
void state_mem_remove_map(const void *base);
/* Unmaps a checkpoint's mapping and forgets it. */
void state_unmap(void *base, size_t len);

/* state_votes.c: builds the hash of a round that had one (an open round
 * with dots) again, after a checkpoint load. */
void state_round_rehash(struct round *r);

/* state_ideas.c */
void state_apply_idea(struct state *st, const struct event *ev);
void state_apply_idea_edit(struct state *st, const struct event *ev);
void state_apply_idea_withdraw(struct state *st, const struct event *ev);
void state_apply_idea_merge(struct state *st, const struct event *ev);
void state_apply_idea_promote(struct state *st, const struct event *ev);
void state_apply_idea_hide(struct state *st, const struct event *ev);

/* state_votes.c */
void state_apply_voting_open(struct state *st, const struct event *ev);
void state_apply_voting_close(struct state *st, const struct event *ev);
void state_apply_voting_reveal(struct state *st, const struct event *ev);
void state_apply_dot(struct state *st, const struct event *ev);
void state_free_rounds(struct state *st);

/* state_questions.c */
void state_apply_question(struct state *st, const struct event *ev);
void state_apply_upvote(struct state *st, const struct event *ev);
void state_apply_question_mark(struct state *st, const struct event *ev);
void state_apply_poll_open(struct state *st, const struct event *ev);
void state_apply_poll_answer(struct state *st, const struct event *ev);
void state_apply_poll_close(struct state *st, const struct event *ev);
void state_apply_poll_reveal(struct state *st, const struct event *ev);
void state_apply_eval(struct state *st, const struct event *ev);

/* state_present.c */
void state_apply_present(struct state *st, const struct event *ev);

#endif
