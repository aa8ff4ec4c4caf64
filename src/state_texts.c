/*
 * state_texts.c -- idea texts: kept in the state, or read back from the
 * journal when they are shown (state.h, "idea texts on demand").
 *
 * A participant terminal on a session of 10,000 ideas shows 10 to 30 of
 * them; keeping every text costs about 85 bytes an idea for nothing.  In
 * the on-demand mode an idea keeps the offset of the record that set its
 * current text, and state_idea_text() reads that record again through the
 * loader (journal_record_at: one small pread, CRC-checked) into a cache of
 * STATE_TEXT_CACHE entries, the least recently used one going first.
 *
 * The cache is keyed by the record's offset, not by the idea: an edit
 * gives the idea a new offset, so a cached text is never stale.  A record
 * read back is used only when it is still that idea's idea or edit record,
 * so a journal replaced under us shows the placeholder, never another
 * idea's text.
 */
#include "state.h"

#include <stdlib.h>

#include "arena.h"
#include "i18n.h"
#include "state_int.h"
#include "util.h"

struct text_entry {
	int64_t at;		/* the record's offset; 0: empty */
	char *text;
	unsigned long used;	/* the clock at its last use */
	int handed;		/* returned by state_idea_text at least once */
};

struct state_texts {
	state_text_loader load;
	void *loader_ctx;
	struct text_entry cache[STATE_TEXT_CACHE];
	unsigned long clock;	/* counts uses, for least-recently-used */
	unsigned long loaded;	/* records read back */
	int keep_new;		/* texts applied go into the cache */
};

static struct text_entry *find_entry(struct state_texts *t, int64_t at,
    int keeping);

void
state_texts_on_demand(struct state *st, state_text_loader load,
    void *loader_ctx)
{
	if (st->texts == NULL)
		st->texts = xcalloc(1, sizeof *st->texts);
	st->texts->load = load;
	st->texts->loader_ctx = loader_ctx;
}

void
state_texts_free(struct state *st)
{
	size_t i;

	if (st->texts == NULL)
		return;
	for (i = 0; i < STATE_TEXT_CACHE; i++)
		free(st->texts->cache[i].text);
	free(st->texts);
	st->texts = NULL;
}

void
state_texts_keep_new(struct state *st)
{
	if (st->texts != NULL)
		st->texts->keep_new = 1;
}

/* The text of the record at `at`, just applied, as if read back: the
 * terminal that shows it at once need not read it again (issue 21).  Only
 * into an entry that state_idea_text's promise no longer covers (empty, or
 * unused for STATE_TEXT_CACHE calls): a caller may still hold a text read
 * back across the append that applied this record.  Not a call itself: the
 * clock stays. */
static void
keep_text(struct state_texts *t, int64_t at, const char *text)
{
	struct text_entry *e = find_entry(t, at, 1);

	if (e == NULL || e->at == at)
		return;
	free(e->text);
	e->at = at;
	e->text = xstrdup(text);
	e->used = t->clock;
	e->handed = 0;
}

void
state_set_idea_text(struct state *st, struct idea *it,
    const struct event *ev)
{
	if (st->texts != NULL && ev->offset > 0) {
		it->text.at = ev->offset;
		it->text_in_journal = 1;
		if (st->texts->keep_new && !state_is_empty(ev->text))
			keep_text(st->texts, ev->offset, ev->text);
	} else {
		it->text.kept = arena_strdup(st->arena, ev->text);
		it->text_in_journal = 0;
	}
}

unsigned long
state_texts_loaded(const struct state *st)
{
	return st->texts != NULL ? st->texts->loaded : 0;
}

/* --- reading back -------------------------------------------------------- */

struct reading {
	const struct state *st;
	int idea;
	char *text;		/* the text found, or NULL */
};

/* Takes the record's text when it is still this idea's idea or edit. */
static void
take_text(const struct event *ev, void *ctx)
{
	struct reading *r = ctx;

	if ((ev->type == EV_IDEA || ev->type == EV_IDEA_EDIT) &&
	    !state_is_empty(ev->text) &&
	    state_lookup(r->st, K_IDEA, ev->id) == r->idea)
		r->text = xstrdup(ev->text);
}

/* Which of two entries to reuse first: an empty one, then one never handed
 * out (nobody holds its text; the older first), then the least recently
 * used. */
static int
reuse_before(const struct text_entry *a, const struct text_entry *b)
{
	if ((a->at == 0) != (b->at == 0))
		return a->at == 0;
	if (a->handed != b->handed)
		return !a->handed;
	return a->used < b->used;
}

/*
 * The cache entry for offset `at`, or the one to reuse.  `keeping`
 * (keep_text): NULL rather than an entry whose text a caller may still hold
 * (handed out less than STATE_TEXT_CACHE calls ago).  Reusing the least
 * recently used of the others keeps state_idea_text's promise: a text
 * handed out goes only once every other entry was handed out after it.
 */
static struct text_entry *
find_entry(struct state_texts *t, int64_t at, int keeping)
{
	struct text_entry *e, *victim = &t->cache[0];

	for (e = t->cache; e < t->cache + STATE_TEXT_CACHE; e++) {
		if (e->at == at)
			return e;
		if (reuse_before(e, victim))
			victim = e;
	}
	if (keeping && victim->at != 0 && victim->handed &&
	    victim->used + STATE_TEXT_CACHE > t->clock)
		return NULL;
	return victim;
}

const char *
state_idea_text(const struct state *st, int idea)
{
	const char *text = state_idea_text_if_readable(st, idea);

	return text != NULL ? text : _("(text unavailable)");
}

const char *
state_idea_text_if_readable(const struct state *st, int idea)
{
	const struct idea *it;
	struct state_texts *t = st->texts;
	struct text_entry *e;
	struct reading r = { st, idea, NULL };
	char *err = NULL;

	if (idea < 0 || (size_t)idea >= st->nideas)
		return "";
	it = &st->ideas[idea];
	if (!it->text_in_journal)
		return it->text.kept;
	e = find_entry(t, it->text.at, 0);
	if (e->at != it->text.at) {
		if (t->load(t->loader_ctx, it->text.at, take_text, &r,
		    &err) != 0 || r.text == NULL) {
			free(err);
			free(r.text);
			return NULL;
		}
		free(e->text);
		e->at = it->text.at;
		e->text = r.text;
		t->loaded++;
	}
	e->used = ++t->clock;
	e->handed = 1;
	return e->text;
}
