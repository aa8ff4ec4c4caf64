/*
 * test_texts.c -- idea texts on demand (state_texts_on_demand,
 * state_idea_text): a participant's state keeps where each text is in the
 * journal and reads it back when shown.  Against a real session in a
 * temporary directory: the texts must equal those of a state that keeps
 * them all, after ideas, edits, an undone edit and merges; a live append by
 * another process; never a stale text after an edit; a placeholder, not a
 * crash or another text, when the journal's bytes changed.  And against
 * a loader made here, the cache's own contract.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "commands.h"
#include "session.h"
#include "session_fixture.h"
#include "undo.h"
#include "util.h"

#define NIDEAS 100		/* more than STATE_TEXT_CACHE */
#define PLACEHOLDER "(text unavailable)"	/* in the C locale */

static const char module_ini[] =
    "[module]\n"
    "title = Texts\n"
    "provider = Tests\n"
    "days = 2\n"
    "timezone = Asia/Bangkok\n"
    "description = A module for the tests.\n"
    "\n"
    "[session d1-ideate]\n"
    "day = 1\n"
    "start = 09:00\n"
    "minutes = 45\n"
    "kind = group-work\n"
    "title = Many ideas\n"
    "stage = ideate\n";

/* Texts that CSV must quote, in several scripts, of several lengths. */
static char *
idea_text(int k)
{
	static const char *const kinds[] = {
		"One form, for every \"permit\"",
		"รัฐบาลดิจิทัลเพื่อประชาชน",
		"디지털 정부 서비스\nsecond line",
		"SMS reminders; offline first",
	};

	return xasprintf("%d: %s%s", k, kinds[k % 4], k % 7 == 0 ?
	    " and a longer tail that makes the record span more than one "
	    "small read of the journal, ................................"
	    "............................................................" :
	    "");
}

static int
setup(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Texts");
	char *text, *err = NULL;
	int k;

	for (k = 1; k <= NIDEAS; k++) {
		text = idea_text(k);
		sfx_ok(cmd_idea(f->s, ACTOR_FACILITATOR, NULL, text, NULL,
		    &err), &err);
		free(text);
	}
	*state = f;
	return 0;
}

static void
edit(struct session *s, const char *id, const char *text)
{
	char *err = NULL;

	if (cmd_idea_edit(s, ACTOR_FACILITATOR, id, text, &err) != 0)
		fail_msg("cmd_idea_edit %s: %s", id, err);
}

/* Every idea's text in `lazy` equals the one in `eager`. */
static void
assert_same_texts(const struct state *eager, const struct state *lazy)
{
	size_t i;

	assert_int_equal(lazy->nideas, eager->nideas);
	for (i = 0; i < eager->nideas; i++)
		assert_string_equal(state_idea_text(lazy, (int)i),
		    state_idea_text(eager, (int)i));
}

static void
test_same_as_kept(void **state)
{
	struct session_fixture *f = *state;
	struct undo_stack *u = undo_stack_new(8);
	struct undo_action a = { .kind = UNDO_IDEA_EDIT, .id = "i5",
	    .actor = ACTOR_FACILITATOR, .text = "five, undone later" };
	struct session *eager, *lazy;
	char *err = NULL;
	size_t i, texts = 0;

	edit(f->s, "i3", "three, edited once");
	edit(f->s, "i3", "three, edited twice");
	edit(f->s, "i70", "seventy\nwith a \"quote\"");
	assert_int_equal(undo_do(u, f->s, &a, &err), 0);
	assert_int_equal(undo_undo(u, f->s, NULL, &err), 0);
	assert_int_equal(cmd_idea_merge(f->s, "i8", "i9", &err), 0);
	assert_int_equal(cmd_idea_merge(f->s, "i10", "i9", &err), 0);
	undo_stack_free(u);

	eager = sfx_open(f->dir, SESSION_READ_ONLY);
	lazy = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	/* Nothing is read back before it is asked for. */
	assert_int_equal(state_texts_loaded(lazy->state), 0);
	assert_same_texts(eager->state, lazy->state);
	assert_same_texts(f->s->state, lazy->state);
	assert_string_equal(state_idea_text(lazy->state, 2),
	    "three, edited twice");
	assert_string_equal(state_idea_text(lazy->state, 3), "4: One form, "
	    "for every \"permit\"");
	assert_int_equal(lazy->state->ideas[7].merged_into, 8);
	/* The texts are not in the lazy state's memory. */
	for (i = 0; i < eager->state->nideas; i++)
		texts += strlen(state_idea_text(eager->state, (int)i)) + 1;
	assert_true(arena_used(lazy->state->arena) + texts <=
	    arena_used(eager->state->arena));
	session_close(eager);
	session_close(lazy);
}

static void
test_reads_each_shown_text_once(void **state)
{
	struct session_fixture *f = *state;
	struct session *lazy = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	int pass, k;

	/* A screenful drawn again and again reads its records once. */
	for (pass = 0; pass < 5; pass++)
		for (k = 0; k < 30; k++)
			assert_non_null(state_idea_text(lazy->state, k));
	assert_int_equal(state_texts_loaded(lazy->state), 30);
	session_close(lazy);
}

static void
test_live_append_and_no_stale_text(void **state)
{
	struct session_fixture *f = *state;
	struct session *lazy = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	char *err = NULL, *id = NULL;

	assert_string_equal(state_idea_text(lazy->state, 0), "1: "
	    "รัฐบาลดิจิทัลเพื่อประชาชน");
	/* Another process edits it and adds one. */
	edit(f->s, "i1", "one, changed elsewhere");
	assert_int_equal(cmd_idea(f->s, ACTOR_FACILITATOR, NULL, "a new one",
	    NULL, &err), 0);
	assert_true(session_refresh(lazy, &err) >= 2);
	assert_string_equal(state_idea_text(lazy->state, 0),
	    "one, changed elsewhere");
	assert_string_equal(state_idea_text(lazy->state, NIDEAS), "a new one");
	/* This process edits: the rule compares with the text read back. */
	assert_int_equal(cmd_idea_edit(lazy, ACTOR_FACILITATOR, "i1",
	    "one, changed elsewhere", &err), 1);
	free(err);
	err = NULL;
	edit(lazy, "i1", "one, changed here");
	assert_string_equal(state_idea_text(lazy->state, 0),
	    "one, changed here");
	assert_int_equal(cmd_idea(lazy, ACTOR_FACILITATOR, NULL, "mine",
	    &id, &err), 0);
	assert_string_equal(state_idea_text(lazy->state,
	    state_idea(lazy->state, id)), "mine");
	free(id);
	assert_int_equal(session_refresh(f->s, &err) >= 0, 1);
	assert_same_texts(f->s->state, lazy->state);
	session_close(lazy);
}

/* A follower draws the ideas that arrive without reading their records
 * back (issue 21), and a text read back before stays whole however many
 * arrive meanwhile. */
static void
test_new_texts_kept(void **state)
{
	struct session_fixture *f = *state;
	struct session *lazy = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	const char *held;
	char *err = NULL, *text, *copy;
	unsigned long before;
	int k;

	held = state_idea_text(lazy->state, 4);
	copy = xstrdup(held);
	for (k = 0; k < 3 * STATE_TEXT_CACHE; k++) {
		text = xasprintf("arrived %d", k);
		sfx_ok(cmd_idea(f->s, ACTOR_FACILITATOR, NULL, text, NULL,
		    &err), &err);
		free(text);
	}
	before = state_texts_loaded(lazy->state);
	assert_int_equal(session_refresh(lazy, &err), 3 * STATE_TEXT_CACHE);
	/* the promise: the text held is still whole */
	assert_string_equal(held, copy);
	free(copy);
	/* the last to arrive were kept, as many as the cache had room for */
	assert_string_equal(state_idea_text(lazy->state, NIDEAS +
	    3 * STATE_TEXT_CACHE - 1), "arrived 191");
	assert_int_equal(state_texts_loaded(lazy->state), before);
	/* one arriving now, drawn at once, is never read back */
	sfx_ok(cmd_idea(f->s, ACTOR_FACILITATOR, NULL, "the newest", NULL,
	    &err), &err);
	assert_true(session_refresh(lazy, &err) >= 1);
	assert_string_equal(state_idea_text(lazy->state, NIDEAS +
	    3 * STATE_TEXT_CACHE), "the newest");
	assert_int_equal(state_texts_loaded(lazy->state), before);
	assert_same_texts(f->s->state, lazy->state);
	session_close(lazy);
}

static void
test_placeholder_when_journal_changed(void **state)
{
	struct session_fixture *f = *state;
	struct session *lazy = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	const struct idea *it = &lazy->state->ideas[1];
	char *path = session_path(lazy, "journal.csv");
	int fd = open(path, O_WRONLY);
	off_t at;

	assert_true(it->text_in_journal);
	assert_string_equal(state_idea_text(lazy->state, 0), "1: "
	    "รัฐบาลดิจิทัลเพื่อประชาชน");
	/* A byte of i2's record (its text) flipped after the replay. */
	at = (off_t)it->text.at + 60;
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, "#", 1, at), 1);
	close(fd);
	free(path);
	assert_string_equal(state_idea_text(lazy->state, 1), PLACEHOLDER);
	/* Asked again: tried again, still the placeholder. */
	assert_string_equal(state_idea_text(lazy->state, 1), PLACEHOLDER);
	/* What must not start from the placeholder (an edit) can tell. */
	assert_null(state_idea_text_if_readable(lazy->state, 1));
	assert_non_null(state_idea_text_if_readable(lazy->state, 2));
	/* The others are unharmed, read back or cached. */
	assert_string_equal(state_idea_text(lazy->state, 0), "1: "
	    "รัฐบาลดิจิทัลเพื่อประชาชน");
	assert_string_equal(state_idea_text(lazy->state, 2), "3: SMS "
	    "reminders; offline first");
	session_close(lazy);
}

/* --- the cache, with a loader made here ---------------------------------- */

/* A journal in memory: the record at offset k is records[k - 1]. */
struct fake {
	struct event records[200];
	size_t n;
	unsigned long calls;
	int fail;
};

static int
fake_load(void *ctx, int64_t offset, state_record_fn on_record, void *rctx,
    char **err)
{
	struct fake *fk = ctx;

	fk->calls++;
	if (fk->fail || offset < 1 || (size_t)offset > fk->n) {
		*err = xstrdup("no record there");
		return -1;
	}
	on_record(&fk->records[offset - 1], rctx);
	return 0;
}

static char idbuf[200][16], textbuf[200][32];

/* Appends an idea record (edit: an edit of idea `k`) to the fake journal
 * and applies it. */
static void
fake_record(struct fake *fk, struct state *st, enum event_type type, int k,
    const char *text)
{
	struct event *ev = &fk->records[fk->n];

	snprintf(idbuf[fk->n], sizeof idbuf[fk->n], "i%d", k);
	snprintf(textbuf[fk->n], sizeof textbuf[fk->n], "%s", text);
	memset(ev, 0, sizeof *ev);
	ev->type = type;
	ev->seq = fk->n + 1;
	ev->time_ms = 1795399200000LL + (int64_t)fk->n * 1000;
	ev->actor = "facilitator";
	ev->terminal = "test";
	ev->id = idbuf[fk->n];
	ev->ref = ev->room = ev->extra = "";
	ev->text = textbuf[fk->n];
	ev->name = event_type_name(type);
	ev->offset = (int64_t)++fk->n;
	state_apply(st, ev);
}

static void
test_cache_contract(void **state)
{
	struct fake *fk = xcalloc(1, sizeof *fk);
	struct state *st = state_new();
	struct event kept = { .type = EV_IDEA, .seq = 999, .id = "i151",
	    .text = "kept: no offset", .actor = "facilitator" };
	const char *first;
	char want[32];
	int k;

	(void)state;
	state_texts_on_demand(st, fake_load, fk);
	for (k = 1; k <= 150; k++) {
		snprintf(want, sizeof want, "text %d", k);
		fake_record(fk, st, EV_IDEA, k, want);
	}
	state_apply(st, &kept);		/* offset 0: built by hand */
	assert_false(st->ideas[150].text_in_journal);
	assert_string_equal(state_idea_text(st, 150), "kept: no offset");
	assert_int_equal(fk->calls, 0);

	/* A text stays valid for STATE_TEXT_CACHE - 1 more calls. */
	first = state_idea_text(st, 0);
	assert_string_equal(first, "text 1");
	for (k = 1; k < STATE_TEXT_CACHE; k++)
		assert_non_null(state_idea_text(st, k));
	assert_string_equal(first, "text 1");
	/* All 150, through the evictions, are right. */
	for (k = 0; k < 150; k++) {
		snprintf(want, sizeof want, "text %d", k + 1);
		assert_string_equal(state_idea_text(st, k), want);
	}
	/* An edit gives a new offset: the cached text is not shown again. */
	assert_string_equal(state_idea_text(st, 149), "text 150");
	fake_record(fk, st, EV_IDEA_EDIT, 150, "text 150, edited");
	assert_string_equal(state_idea_text(st, 149), "text 150, edited");
	/* A record of another idea at the offset (a replaced journal) is not
	 * shown as this idea's text. */
	assert_string_equal(state_idea_text(st, 0), "text 1");
	fk->records[0].id = "i2";
	assert_string_equal(state_idea_text(st, 0), "text 1");	/* cached */
	for (k = 1; k <= STATE_TEXT_CACHE; k++)
		state_idea_text(st, k);
	assert_string_equal(state_idea_text(st, 0), PLACEHOLDER);
	/* A failing read: the placeholder, and the next call tries again. */
	fk->fail = 1;
	k = (int)fk->calls;
	assert_string_equal(state_idea_text(st, 120), PLACEHOLDER);
	assert_string_equal(state_idea_text(st, 120), PLACEHOLDER);
	assert_int_equal(fk->calls, (unsigned long)k + 2);
	fk->fail = 0;
	assert_string_equal(state_idea_text(st, 120), "text 121");
	/* Out of range: "", never NULL. */
	assert_string_equal(state_idea_text(st, -1), "");
	assert_string_equal(state_idea_text(st, 100000), "");
	state_free(st);
	free(fk);
}

/* --- what a 48-byte idea keeps elsewhere -------------------------------- */

_Static_assert(sizeof(struct idea) <= 48, "struct idea grew past 48 bytes");

static void
put(struct state *st, enum event_type type, const char *id, const char *text,
    const char *extra, int64_t at)
{
	struct event ev = { .type = type, .seq = st->last_seq + 1,
	    .time_ms = at, .actor = "facilitator", .terminal = "test",
	    .id = id, .ref = "", .room = "", .text = text, .extra = extra };

	state_apply(st, &ev);
}

/* Idea k's stage in the test below: a design stage, or every third one a
 * stage from elsewhere. */
static void
stage_of(int k, char *buf, size_t size)
{
	if (k % 3 == 0)
		snprintf(buf, size, "odd stage %d", k);
	else
		snprintf(buf, size, "%s", k % 2 ? "ideate" : "launch");
}

static void
test_idea_fields(void **state)
{
	struct state *st = state_new();
	char id[16], stage[32];
	int k;

	(void)state;
	put(st, EV_IDEA, "i1", "before any agenda item", "", 1000);
	put(st, EV_AGENDA, "d1-ideate", "", "", 2000);
	/* Design stages and, every third idea, a stage from elsewhere. */
	for (k = 2; k <= 300; k++) {
		snprintf(id, sizeof id, "i%d", k);
		stage_of(k, stage, sizeof stage);
		put(st, EV_IDEA, id, "text", stage, 3000 + k);
		if (k == 150)
			put(st, EV_AGENDA, "d2-proto", "", "", 4000);
	}
	assert_int_equal(st->nideas, 300);
	assert_string_equal(state_idea_stage(st, 0), "");
	assert_null(state_idea_agenda(st, 0));
	for (k = 2; k <= 300; k++) {
		stage_of(k, stage, sizeof stage);
		assert_string_equal(state_idea_stage(st, k - 1), stage);
		assert_string_equal(state_idea_agenda(st, k - 1), k <= 150 ?
		    "d1-ideate" : "d2-proto");
	}
	/* Edits: when, and how many, saturating. */
	assert_int_equal(state_idea_edited_at(st, 9), 0);
	put(st, EV_IDEA_EDIT, "i10", "edited", "", 5000);
	assert_int_equal(state_idea_edited_at(st, 9), 5000);
	assert_int_equal(state_idea_edited_at(st, 8), 0);
	assert_int_equal(state_idea_edited_at(st, 299), 0);
	for (k = 0; k < 70000; k++)
		put(st, EV_IDEA_EDIT, "i300", k % 2 ? "a" : "b", "", 6000 + k);
	assert_int_equal(st->ideas[299].edits, IDEA_EDITS_MAX);
	assert_int_equal(state_idea_edited_at(st, 299), 6000 + 69999);
	assert_string_equal(state_idea_text(st, 299), "a");
	assert_int_equal(st->ideas[9].edits, 1);
	/* Out of range. */
	assert_string_equal(state_idea_stage(st, 300), "");
	assert_null(state_idea_agenda(st, -1));
	assert_int_equal(state_idea_edited_at(st, 1000), 0);
	state_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_as_kept, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_reads_each_shown_text_once,
		    setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_live_append_and_no_stale_text, setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_new_texts_kept, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_placeholder_when_journal_changed, setup, sfx_teardown),
		cmocka_unit_test(test_cache_contract),
		cmocka_unit_test(test_idea_fields),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
