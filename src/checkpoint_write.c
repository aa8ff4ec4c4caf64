/*
 * checkpoint_write.c -- the image of a state (checkpoint_int.h): every
 * array copied, every string copied once, every pointer made the address
 * it will have once the file is mapped at its base.
 *
 * Strings are copied once per address, so what the state interns (agenda
 * ids, compared by pointer) stays one string.  The arrays that grow as
 * records come keep room beside them (an eighth more), so that the first
 * records after the checkpoint write into the mapping (copying a page)
 * rather than copying a whole array to the heap.
 */
#include "checkpoint.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint_int.h"
#include "crc32.h"
#include "i18n.h"
#include "state_int.h"
#include "util.h"

struct reloc {
	size_t at;		/* where the pointer is, in obj */
	int to_str;		/* into the strings, else into obj */
	size_t off;
};

struct strslot {
	const char *key;	/* NULL: empty */
	size_t off;
};

struct img {
	char *obj, *str;
	size_t nobj, capobj, nstr, capstr;
	struct reloc *rel;
	size_t nrel, caprel;
	struct strslot *hash;
	size_t nhash, used;	/* nhash: a power of two */
};

/* Room for records to come after the checkpoint. */
static size_t
reserve(size_t n)
{
	return n + n / 8 + 16;
}

/* size bytes at a fresh offset aligned for any object, copied from src
 * (zeros where src is NULL or past `copy`). */
static size_t
put(struct img *m, const void *src, size_t copy, size_t size)
{
	size_t at = (m->nobj + alignof(max_align_t) - 1) &
	    ~(alignof(max_align_t) - 1);

	m->obj = xgrow(m->obj, &m->capobj, at + size + 1, 1);
	memset(m->obj + m->nobj, 0, at + size - m->nobj);
	if (src != NULL && copy > 0)
		memcpy(m->obj + at, src, copy);
	m->nobj = at + size;
	return at;
}

static void
set_word(struct img *m, size_t at, const void *v, size_t size)
{
	memcpy(m->obj + at, v, size);
}

static void
set_size(struct img *m, size_t at, size_t v)
{
	set_word(m, at, &v, sizeof v);
}

static void
reloc(struct img *m, size_t at, int to_str, size_t off)
{
	m->rel = xgrow(m->rel, &m->caprel, m->nrel + 1, sizeof *m->rel);
	m->rel[m->nrel].at = at;
	m->rel[m->nrel].to_str = to_str;
	m->rel[m->nrel++].off = off;
}

static size_t
hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;

	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (size_t)x;
}

static void
hash_grow(struct img *m)
{
	struct strslot *old = m->hash;
	size_t n = m->nhash, i, k;

	m->nhash = n > 0 ? n * 2 : 1024;
	m->hash = xcalloc(m->nhash, sizeof *m->hash);
	for (i = 0; i < n; i++) {
		if (old[i].key == NULL)
			continue;
		for (k = hash_ptr(old[i].key) & (m->nhash - 1);
		    m->hash[k].key != NULL; k = (k + 1) & (m->nhash - 1))
			;
		m->hash[k] = old[i];
	}
	free(old);
}

/* The offset of string s in the strings, copied there the first time. */
static size_t
string_off(struct img *m, const char *s)
{
	size_t k, len;

	if ((m->used + 1) * 2 > m->nhash)
		hash_grow(m);
	for (k = hash_ptr(s) & (m->nhash - 1); m->hash[k].key != NULL;
	    k = (k + 1) & (m->nhash - 1))
		if (m->hash[k].key == s)
			return m->hash[k].off;
	len = strlen(s) + 1;
	m->str = xgrow(m->str, &m->capstr, m->nstr + len, 1);
	memcpy(m->str + m->nstr, s, len);
	m->hash[k].key = s;
	m->hash[k].off = m->nstr;
	m->used++;
	m->nstr += len;
	return m->hash[k].off;
}

/* The pointer at `at` becomes the string s's address (NULL stays NULL). */
static void
string(struct img *m, size_t at, const char *s)
{
	const void *null = NULL;

	set_word(m, at, &null, sizeof null);
	if (s != NULL)
		reloc(m, at, 1, string_off(m, s));
}

/* An array of n elements (room for cap) copied from src; the pointer at
 * `at` becomes its address (NULL when src is NULL).  Its offset. */
static size_t
array(struct img *m, size_t at, const void *src, size_t n, size_t cap,
    size_t esize)
{
	const void *null = NULL;
	size_t off;

	set_word(m, at, &null, sizeof null);
	if (src == NULL)
		return 0;
	off = put(m, src, n * esize, (cap > n ? cap : n) * esize);
	reloc(m, at, 0, off);
	return off;
}

#define AT(base, type, i, field) \
	((base) + (i) * sizeof(type) + offsetof(type, field))

/* A struct state array: copied with room, its cap field set. */
static size_t
state_array(struct img *m, size_t sat, size_t ptr_off, size_t cap_off,
    const void *src, size_t n, size_t esize)
{
	size_t cap = src != NULL ? reserve(n) : 0;

	set_size(m, sat + cap_off, cap);
	return array(m, sat + ptr_off, src, n, cap, esize);
}

#define STATE_ARRAY_PUT(m, sat, st, name)				\
	state_array((m), (sat), offsetof(struct state, name),		\
	    offsetof(struct state, cap##name), (st)->name, (st)->n##name,	\
	    sizeof *(st)->name)

static void
put_participants(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, participants), i;
	const struct participant *p;

	for (i = 0; i < st->nparticipants; i++) {
		p = &st->participants[i];
		string(m, AT(a, struct participant, i, id), p->id);
		string(m, AT(a, struct participant, i, name), p->name);
		string(m, AT(a, struct participant, i, country), p->country);
		string(m, AT(a, struct participant, i, org), p->org);
		string(m, AT(a, struct participant, i, email), p->email);
		string(m, AT(a, struct participant, i, pin_hash), p->pin_hash);
		string(m, AT(a, struct participant, i, tz), p->tz);
		string(m, AT(a, struct participant, i, lang), p->lang);
	}
}

static void
put_rooms_ideas(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, rooms), i;

	for (i = 0; i < st->nrooms; i++) {
		string(m, AT(a, struct room, i, id), st->rooms[i].id);
		string(m, AT(a, struct room, i, name), st->rooms[i].name);
		string(m, AT(a, struct room, i, topic), st->rooms[i].topic);
	}
	a = STATE_ARRAY_PUT(m, sat, st, ideas);
	for (i = 0; i < st->nideas; i++)
		if (!st->ideas[i].text_in_journal)
			string(m, AT(a, struct idea, i, text),
			    st->ideas[i].text.kept);
}

static void
put_round_index(struct img *m, size_t at, const struct round *r)
{
	const struct round_index *x = r->ix;
	size_t a, esize;

	if (x == NULL) {
		array(m, at, NULL, 0, 0, 1);
		return;
	}
	a = array(m, at, x, 1, 1, sizeof *x);
	esize = x->wide ? sizeof(struct dot_tally) : sizeof(struct tally_small);
	array(m, a + offsetof(struct round_index, ent), x->ent, r->ntally,
	    r->ntally, esize);
	set_size(m, a + offsetof(struct round_index, cap), x->ent != NULL ?
	    r->ntally : 0);
	array(m, a + offsetof(struct round_index, spent), x->spent, x->nspent,
	    x->nspent, sizeof *x->spent);
	set_size(m, a + offsetof(struct round_index, capspent),
	    x->spent != NULL ? x->nspent : 0);
	/* The hash is made again by the loader: nslots != 0 says there
	 * was one. */
	array(m, a + offsetof(struct round_index, slots), NULL, 0, 0, 1);
}

static void
put_rounds(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, rounds), i;
	const struct round *r;

	for (i = 0; i < st->nrounds; i++) {
		r = &st->rounds[i];
		string(m, AT(a, struct round, i, id), r->id);
		array(m, AT(a, struct round, i, ballot), r->ballot, r->nballot,
		    r->nballot, sizeof *r->ballot);
		string(m, AT(a, struct round, i, from), r->from);
		put_round_index(m, AT(a, struct round, i, ix), r);
	}
}

static void
put_visits_messages(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, visits), i;

	for (i = 0; i < st->nvisits; i++)
		string(m, AT(a, struct agenda_visit, i, agenda_id),
		    st->visits[i].agenda_id);
	STATE_ARRAY_PUT(m, sat, st, checkins);
	a = STATE_ARRAY_PUT(m, sat, st, messages);
	for (i = 0; i < st->nmessages; i++)
		string(m, AT(a, struct message, i, text),
		    st->messages[i].text);
	STATE_ARRAY_PUT(m, sat, st, timers);
}

static void
put_questions(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, questions), i;
	const struct question *q;

	for (i = 0; i < st->nquestions; i++) {
		q = &st->questions[i];
		string(m, AT(a, struct question, i, id), q->id);
		string(m, AT(a, struct question, i, text), q->text);
		string(m, AT(a, struct question, i, agenda_id), q->agenda_id);
		array(m, AT(a, struct question, i, upvoters), q->upvoters,
		    q->nupvoters, q->nupvoters, sizeof *q->upvoters);
		set_size(m, AT(a, struct question, i, capupvoters),
		    q->upvoters != NULL ? q->nupvoters : 0);
	}
}

static void
put_polls(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, polls), i, k, o;
	const struct poll *p;

	for (i = 0; i < st->npolls; i++) {
		p = &st->polls[i];
		string(m, AT(a, struct poll, i, id), p->id);
		string(m, AT(a, struct poll, i, question), p->question);
		string(m, AT(a, struct poll, i, agenda_id), p->agenda_id);
		o = array(m, AT(a, struct poll, i, options), p->options,
		    p->noptions, p->noptions, sizeof *p->options);
		for (k = 0; p->options != NULL && k < p->noptions; k++)
			string(m, o + k * sizeof *p->options, p->options[k]);
		array(m, AT(a, struct poll, i, answers), p->answers,
		    p->noptions, p->noptions, sizeof *p->answers);
		array(m, AT(a, struct poll, i, voters), p->voters, p->nvoters,
		    p->nvoters, sizeof *p->voters);
		set_size(m, AT(a, struct poll, i, capvoters),
		    p->voters != NULL ? p->nvoters : 0);
	}
}

static void
put_rest(struct img *m, size_t sat, const struct state *st)
{
	size_t a = STATE_ARRAY_PUT(m, sat, st, evals), i;

	for (i = 0; i < st->nevals; i++) {
		string(m, AT(a, struct eval_answer, i, question),
		    st->evals[i].question);
		string(m, AT(a, struct eval_answer, i, text), st->evals[i].text);
	}
	a = STATE_ARRAY_PUT(m, sat, st, plan);
	for (i = 0; i < st->nplan; i++) {
		string(m, AT(a, struct plan_change, i, item), st->plan[i].item);
		string(m, AT(a, struct plan_change, i, title),
		    st->plan[i].title);
	}
	a = STATE_ARRAY_PUT(m, sat, st, bad);
	for (i = 0; i < st->nbad; i++)
		string(m, AT(a, struct bad_record, i, why), st->bad[i].why);
	string(m, sat + offsetof(struct state, agenda_id), st->agenda_id);
	string(m, sat + offsetof(struct state, present) +
	    offsetof(struct presenting, item), st->present.item);
	array(m, sat + offsetof(struct state, day_last), st->day_last,
	    st->nday_last, st->nday_last, sizeof *st->day_last);
	array(m, sat + offsetof(struct state, day_timer_end),
	    st->day_timer_end, st->nday_last, st->nday_last,
	    sizeof *st->day_timer_end);
	/* The loading process keeps its own: */
	array(m, sat + offsetof(struct state, arena), NULL, 0, 0, 1);
	array(m, sat + offsetof(struct state, texts), NULL, 0, 0, 1);
	array(m, sat + offsetof(struct state, day_starts), NULL, 0, 0, 1);
	array(m, sat + offsetof(struct state, applied_ctx), NULL, 0, 0, 1);
	/* a function's address in the writer: never saved (install() keeps
	 * the loader's own) */
	memset(m->obj + sat + offsetof(struct state, applied), 0,
	    sizeof st->applied);
}

static size_t
put_index(struct img *m, const struct state_index *ix)
{
	size_t a = put(m, ix, sizeof *ix, sizeof *ix), k, o;

	for (k = 0; k < K_COUNT; k++) {
		array(m, a + offsetof(struct state_index, map) +
		    k * sizeof(struct idmap) + offsetof(struct idmap, idx),
		    ix->map[k].idx, ix->map[k].n, reserve(ix->map[k].n),
		    sizeof(int));
		set_size(m, a + offsetof(struct state_index, map) +
		    k * sizeof(struct idmap) + offsetof(struct idmap, cap),
		    ix->map[k].idx != NULL ? reserve(ix->map[k].n) : 0);
	}
	array(m, a + offsetof(struct state_index, last_checkin),
	    ix->last_checkin, ix->nlast, reserve(ix->nlast), sizeof(int));
	set_size(m, a + offsetof(struct state_index, caplast),
	    ix->last_checkin != NULL ? reserve(ix->nlast) : 0);
	o = array(m, a + offsetof(struct state_index, agenda_ids),
	    ix->agenda_ids, ix->nagenda, ix->nagenda, sizeof(char *));
	set_size(m, a + offsetof(struct state_index, capagenda),
	    ix->agenda_ids != NULL ? ix->nagenda : 0);
	for (k = 0; ix->agenda_ids != NULL && k < ix->nagenda; k++)
		string(m, o + k * sizeof(char *), ix->agenda_ids[k]);
	array(m, a + offsetof(struct state_index, edited_at), ix->edited_at,
	    ix->nedited, reserve(ix->nedited), sizeof(int64_t));
	set_size(m, a + offsetof(struct state_index, capedited),
	    ix->edited_at != NULL ? reserve(ix->nedited) : 0);
	o = array(m, a + offsetof(struct state_index, odd_stages),
	    ix->odd_stages, ix->nodd, ix->nodd, sizeof *ix->odd_stages);
	set_size(m, a + offsetof(struct state_index, capodd),
	    ix->odd_stages != NULL ? ix->nodd : 0);
	for (k = 0; ix->odd_stages != NULL && k < ix->nodd; k++)
		string(m, o + k * sizeof *ix->odd_stages +
		    offsetof(struct odd_stage, stage), ix->odd_stages[k].stage);
	array(m, a + offsetof(struct state_index, map_base), NULL, 0, 0, 1);
	set_size(m, a + offsetof(struct state_index, map_len), 0);
	return a;
}

/* A page-aligned address in the range writers use, different for each
 * checkpoint. */
static uint64_t
pick_base(void)
{
	struct timespec ts;
	uint64_t x;

	clock_gettime(CLOCK_REALTIME, &ts);
	x = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^
	    ((uint64_t)getpid() << 40);
	x = (uint64_t)hash_ptr((const void *)(uintptr_t)x);
	return CK_BASE_MIN + (x % (CK_BASE_SPAN >> 21) << 21);
}

static size_t
page_up(size_t n)
{
	return (n + CK_HEADER - 1) & ~(size_t)(CK_HEADER - 1);
}

static void
fill_header(struct ck_header *h, const struct state *st,
    const struct journal_mark *mk)
{
	size_t i;

	memcpy(h->magic, CK_MAGIC, sizeof h->magic);
	snprintf(h->build, sizeof h->build, "%s", CONVENE_VERSION);
	h->layout = ck_layout();
	h->mark = *mk;
	h->anonymous = st->anonymous;
	h->no_self_votes = st->no_self_votes;
	h->default_budget = st->default_budget;
	for (i = 0; i < st->nideas; i++)
		if (st->ideas[i].text_in_journal) {
			h->texts_in_journal = 1;
			break;
		}
	h->nday_starts = st->nday_starts;
	h->days_crc = ck_days_crc(st);
}

/* Lays the regions out, makes every pointer an address and joins them. */
static char *
finish(struct img *m, struct ck_header *h, size_t *len)
{
	uint64_t addr;
	char *out;
	size_t i;

	h->base = pick_base();
	h->obj_off = CK_HEADER;
	h->obj_len = m->nobj;
	h->str_off = CK_HEADER + page_up(m->nobj);
	h->str_len = m->nstr;
	h->size = h->str_off + m->nstr;
	for (i = 0; i < m->nrel; i++) {
		addr = h->base + (m->rel[i].to_str ? h->str_off : h->obj_off) +
		    m->rel[i].off;
		memcpy(m->obj + m->rel[i].at, &addr, sizeof addr);
	}
	h->state_at += h->obj_off;
	h->index_at += h->obj_off;
	h->header_crc = ck_header_crc(h);
	out = xcalloc(1, (size_t)h->size);
	memcpy(out, h, sizeof *h);
	memcpy(out + h->obj_off, m->obj, m->nobj);
	memcpy(out + h->str_off, m->str, m->nstr);
	*len = (size_t)h->size;
	return out;
}

#if CK_PLATFORM

/* Every field of these is saved above, each pointer made an address in
 * the image; a field added to one of them changes its size and stops the
 * build here, so that it is not copied as a pointer into this process's
 * heap.  (Sizes on LP64 Linux.) */
#define CK_FIELDS "a structure of the state changed: save its new fields " \
	"in checkpoint_write.c, check them in checkpoint_check.c, then " \
	"update this size"
_Static_assert(sizeof(struct state) == 504, CK_FIELDS);
_Static_assert(sizeof(struct state_index) == 312, CK_FIELDS);
_Static_assert(sizeof(struct participant) == 96, CK_FIELDS);
_Static_assert(sizeof(struct room) == 24, CK_FIELDS);
_Static_assert(sizeof(struct idea) == 40, CK_FIELDS);
_Static_assert(sizeof(struct timer) == 48, CK_FIELDS);
_Static_assert(sizeof(struct round) == 96, CK_FIELDS);
_Static_assert(sizeof(struct round_index) == 72, CK_FIELDS);
_Static_assert(sizeof(struct agenda_visit) == 16, CK_FIELDS);
_Static_assert(sizeof(struct checkin) == 32, CK_FIELDS);
_Static_assert(sizeof(struct message) == 56, CK_FIELDS);
_Static_assert(sizeof(struct question) == 72, CK_FIELDS);
_Static_assert(sizeof(struct poll) == 96, CK_FIELDS);
_Static_assert(sizeof(struct poll_voter) == 8, CK_FIELDS);
_Static_assert(sizeof(struct eval_answer) == 40, CK_FIELDS);
_Static_assert(sizeof(struct plan_change) == 40, CK_FIELDS);
_Static_assert(sizeof(struct bad_record) == 16, CK_FIELDS);
_Static_assert(sizeof(struct odd_stage) == 16, CK_FIELDS);
_Static_assert(sizeof(struct presenting) == 40, CK_FIELDS);
_Static_assert(sizeof(struct idmap) == 32, CK_FIELDS);
#endif

int
checkpoint_build(const struct state *st, const struct journal *j,
    char **image, size_t *len, char **err)
{
	struct img m;
	struct ck_header h;
	struct journal_mark mk;
	size_t sat, ix;
	const char *why;

	if (!CK_PLATFORM)
		return set_error(err, -1, "%s", _("checkpoints need a 64-bit "
		    "build of convene"));
	if (journal_mark(j, &mk) != 0)
		return set_error(err, -1, "%s", _("the journal does not end "
		    "with a good record here: no checkpoint"));
	memset(&m, 0, sizeof m);
	memset(&h, 0, sizeof h);
	fill_header(&h, st, &mk);
	/* The state first: it starts the objects (offset 0). */
	sat = put(&m, st, sizeof *st, sizeof *st);
	ix = put_index(&m, st->ix);
	reloc(&m, sat + offsetof(struct state, ix), 0, ix);
	put_participants(&m, sat, st);
	put_rooms_ideas(&m, sat, st);
	put_rounds(&m, sat, st);
	put_visits_messages(&m, sat, st);
	put_questions(&m, sat, st);
	put_polls(&m, sat, st);
	put_rest(&m, sat, st);
	h.state_at = sat;
	h.index_at = ix;
	if (m.nstr == 0)	/* the region is never empty */
		string_off(&m, "");
	if (ck_check_strings(m.str, m.nstr) != 0) {
		free(m.obj);
		free(m.str);
		free(m.rel);
		free(m.hash);
		return set_error(err, -1, "%s", _("the state holds text that "
		    "is not valid UTF-8: no checkpoint"));
	}
	*image = finish(&m, &h, len);
	free(m.obj);
	free(m.str);
	free(m.rel);
	free(m.hash);
	/* What a loader would refuse is not worth writing. */
	if (ck_check_header((const struct ck_header *)*image, *len, st,
	    &why) != 0) {
		free(*image);
		*image = NULL;
		return set_error(err, -1, "%s", why);
	}
	return 0;
}
