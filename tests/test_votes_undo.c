/*
 * test_votes_undo.c -- `u` across the close of a voting round, on a real
 * session: the round closed (its tally compacted), reopened by the undo,
 * dotted, the dots undone, closed again, answers every question about
 * every voter and idea as it did while open, in this process and in a
 * fresh replay of the journal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "export_int.h"
#include "module_fixture.h"
#include "session.h"
#include "state.h"
#include "tz.h"
#include "undo.h"
#include "util.h"

#define PEOPLE 4
#define IDEAS 4

static const char module_ini[] =
    "[module]\ntitle = Votes undo test\nprovider = Tests\ndays = 1\n"
    "timezone = Asia/Bangkok\ndescription = For the tests.\n\n"
    "[session d1-ideate]\nday = 1\nstart = 09:00\nminutes = 45\n"
    "kind = group-work\ntitle = Ideas\nstage = ideate\n";

struct fx {
	char *base, *dir;
	struct session *s;
	struct undo_stack *u;
};

/* Everything a round answers, and votes.csv's order. */
struct answers {
	int voter_dots[PEOPLE][IDEAS], spent[PEOPLE];
	int idea_dots[IDEAS], idea_voters[IDEAS], voters;
	int row_voter[PEOPLE * IDEAS], row_idea[PEOPLE * IDEAS];
	size_t rows;
};

static void
ok(int status, char *err)
{
	if (status != 0)
		fail_msg("status %d: %s", status, err != NULL ? err : "?");
	free(err);
}

static int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);
	struct session_settings set = { 0 };
	char today[16], *module, *id = NULL, *err = NULL, name[32];
	int k;

	setlocale(LC_ALL, "C.UTF-8");
	f->base = fx_tempdir();
	fx_write(f->base, "module/module.ini", module_ini);
	module = path_join(f->base, "module");
	f->dir = path_join(f->base, "session");
	assert_int_equal(tz_today("Asia/Bangkok", today, sizeof today), 0);
	set.title = (char *)(uintptr_t)"Votes";
	set.start = today;
	set.budget = 5;
	if (session_create(f->dir, module, &set, &err) != 0)
		fail_msg("session_create: %s", err);
	free(module);
	f->s = session_open(f->dir, 0, &err);
	if (f->s == NULL)
		fail_msg("session_open: %s", err);
	for (k = 1; k <= PEOPLE; k++) {
		snprintf(name, sizeof name, "Person %d", k);
		ok(cmd_participant(f->s, ACTOR_FACILITATOR, name, "TH", "",
		    "", &id, &err), err);
		free(id);
	}
	for (k = 1; k <= IDEAS; k++) {
		snprintf(name, sizeof name, "p%d", k);
		ok(cmd_idea(f->s, name, NULL, "an idea", &id, &err), err);
		free(id);
	}
	f->u = undo_stack_new(10);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	undo_stack_free(f->u);
	session_close(f->s);
	fx_rmtree(f->base);
	free(f->dir);
	free(f);
	return 0;
}

static void
run(struct fx *f, enum undo_kind kind, const char *actor, const char *id,
    long n)
{
	struct undo_action a = { .kind = kind, .actor = actor, .id = id,
	    .n = n };
	char *err = NULL;

	ok(undo_do(f->u, f->s, &a, &err), err);
}

static void
undo(struct fx *f)
{
	char *err = NULL;

	ok(undo_undo(f->u, f->s, NULL, &err), err);
}

static void
answers_of(const struct state *st, struct answers *a)
{
	const struct round *r = &st->rounds[0];
	size_t *rows, i;
	struct dot_tally t;
	int v, k;

	memset(a, 0, sizeof *a);
	assert_int_equal(st->nrounds, 1);
	for (v = 0; v < PEOPLE; v++) {
		for (k = 0; k < IDEAS; k++)
			a->voter_dots[v][k] = round_voter_dots(r, v, k);
		a->spent[v] = round_spent(r, v);
	}
	for (k = 0; k < IDEAS; k++) {
		a->idea_dots[k] = round_idea_dots(r, k);
		a->idea_voters[k] = round_idea_voters(r, k);
	}
	a->voters = round_voters(r);
	a->rows = export_vote_rows(st, 0, &rows);
	assert_true(a->rows <= PEOPLE * IDEAS);
	for (i = 0; i < a->rows; i++) {
		t = round_tally(r, rows[i]);
		a->row_voter[i] = t.voter;
		a->row_idea[i] = t.idea;
	}
	free(rows);
}

static void
same(const struct answers *want, const struct state *st)
{
	struct answers got;

	answers_of(st, &got);
	assert_memory_equal(&got, want, sizeof got);
}

/* The same answers here and in a process that replays the journal. */
static void
same_everywhere(struct fx *f, const struct answers *want)
{
	char *err = NULL;
	struct session *s = session_open(f->dir, 1, &err);

	if (s == NULL)
		fail_msg("%s", err);
	same(want, f->s->state);
	same(want, s->state);
	session_close(s);
}

static void
test_undo_across_close(void **state)
{
	struct fx *f = *state;
	struct answers open, more, back;

	run(f, UNDO_VOTING_OPEN, NULL, NULL, 5);
	run(f, UNDO_DOT, "p1", "i2", 2);
	run(f, UNDO_DOT, "p2", "i2", 1);
	run(f, UNDO_DOT, "p3", "i1", 3);
	run(f, UNDO_DOT, "p4", "i4", 1);
	run(f, UNDO_DOT, "p4", "i4", -1);	/* p4 took every dot back */
	answers_of(f->s->state, &open);
	assert_int_equal(open.voters, 3);
	assert_int_equal(open.idea_dots[1], 3);
	assert_int_equal(open.rows, 3);
	assert_int_equal(open.row_voter[0], 2);	/* i1: p3 */
	assert_int_equal(open.row_voter[1], 0);	/* i2: p1, then p2 */
	assert_int_equal(open.row_voter[2], 1);

	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	assert_int_equal(state_open_round(f->s->state), -1);
	same_everywhere(f, &open);
	undo(f);				/* reopened */
	assert_int_equal(state_open_round(f->s->state), 0);
	same_everywhere(f, &open);

	run(f, UNDO_DOT, "p2", "i3", 2);
	run(f, UNDO_DOT, "p1", "i2", 1);
	answers_of(f->s->state, &more);
	assert_int_equal(more.idea_dots[1], 4);
	assert_int_equal(more.voter_dots[1][2], 2);
	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	same_everywhere(f, &more);
	undo(f);				/* reopened again */
	same_everywhere(f, &more);
	undo(f);				/* p1's dot on i2 back */
	undo(f);				/* p2's dots on i3 back */
	/* back to the first totals (p2 keeps a tally of 0 on i3); the rows
	 * of i2 may now differ in order: p1's last change is the undo */
	answers_of(f->s->state, &back);
	assert_memory_equal(&back, &open, offsetof(struct answers, row_voter));
	assert_int_equal(back.rows, 3);
	same_everywhere(f, &back);
	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	same_everywhere(f, &back);
	assert_int_equal(f->s->state->rounds[0].ntally, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_undo_across_close,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
