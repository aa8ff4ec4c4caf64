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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "export_int.h"
#include "session.h"
#include "session_fixture.h"
#include "state.h"
#include "undo.h"
#include "undo_fixture.h"
#include "util.h"

#define PEOPLE 4
#define IDEAS 4

static const char module_ini[] =
    "[module]\ntitle = Votes undo test\nprovider = Tests\ndays = 1\n"
    "timezone = Asia/Bangkok\ndescription = For the tests.\n\n"
    "[session d1-ideate]\nday = 1\nstart = 09:00\nminutes = 45\n"
    "kind = group-work\ntitle = Ideas\nstage = ideate\n";

/* Everything a round answers, and votes.csv's order. */
struct answers {
	int voter_dots[PEOPLE][IDEAS], spent[PEOPLE];
	int idea_dots[IDEAS], idea_voters[IDEAS], voters;
	int row_voter[PEOPLE * IDEAS], row_idea[PEOPLE * IDEAS];
	size_t rows;
};

static int
setup(void **state)
{
	struct undo_fixture *f;
	char *id = NULL, *err = NULL, name[32];
	int k;

	setlocale(LC_ALL, "C.UTF-8");
	f = ufx_new(module_ini, "Votes", 10);
	for (k = 1; k <= PEOPLE; k++) {
		snprintf(name, sizeof name, "Person %d", k);
		sfx_ok(cmd_participant(f->sf->s, ACTOR_FACILITATOR, name, "TH",
		    "", "", &id, &err), &err);
		free(id);
	}
	for (k = 1; k <= IDEAS; k++) {
		snprintf(name, sizeof name, "p%d", k);
		sfx_ok(cmd_idea(f->sf->s, name, NULL, "an idea", &id, &err),
		    &err);
		free(id);
	}
	*state = f;
	return 0;
}

static void
run(struct undo_fixture *f, enum undo_kind kind, const char *actor,
    const char *id, long n)
{
	struct undo_action a = { .kind = kind, .actor = actor, .id = id,
	    .n = n };

	ufx_do(f, &a);
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
same_everywhere(struct undo_fixture *f, const struct answers *want)
{
	struct session *s = sfx_open(f->sf->dir, SESSION_READ_ONLY);

	same(want, f->sf->s->state);
	same(want, s->state);
	session_close(s);
}

static void
test_undo_across_close(void **state)
{
	struct undo_fixture *f = *state;
	struct answers open, more, back;

	run(f, UNDO_VOTING_OPEN, NULL, NULL, 5);
	run(f, UNDO_DOT, "p1", "i2", 2);
	run(f, UNDO_DOT, "p2", "i2", 1);
	run(f, UNDO_DOT, "p3", "i1", 3);
	run(f, UNDO_DOT, "p4", "i4", 1);
	run(f, UNDO_DOT, "p4", "i4", -1);	/* p4 took every dot back */
	answers_of(f->sf->s->state, &open);
	assert_int_equal(open.voters, 3);
	assert_int_equal(open.idea_dots[1], 3);
	assert_int_equal(open.rows, 3);
	assert_int_equal(open.row_voter[0], 2);	/* i1: p3 */
	assert_int_equal(open.row_voter[1], 0);	/* i2: p1, then p2 */
	assert_int_equal(open.row_voter[2], 1);

	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	assert_int_equal(state_open_round(f->sf->s->state), -1);
	same_everywhere(f, &open);
	ufx_undo(f);				/* reopened */
	assert_int_equal(state_open_round(f->sf->s->state), 0);
	same_everywhere(f, &open);

	run(f, UNDO_DOT, "p2", "i3", 2);
	run(f, UNDO_DOT, "p1", "i2", 1);
	answers_of(f->sf->s->state, &more);
	assert_int_equal(more.idea_dots[1], 4);
	assert_int_equal(more.voter_dots[1][2], 2);
	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	same_everywhere(f, &more);
	ufx_undo(f);				/* reopened again */
	same_everywhere(f, &more);
	ufx_undo(f);				/* p1's dot on i2 back */
	ufx_undo(f);				/* p2's dots on i3 back */
	/* back to the first totals (p2 keeps a tally of 0 on i3); the rows
	 * of i2 may now differ in order: p1's last change is the undo */
	answers_of(f->sf->s->state, &back);
	assert_memory_equal(&back, &open, offsetof(struct answers, row_voter));
	assert_int_equal(back.rows, 3);
	same_everywhere(f, &back);
	run(f, UNDO_VOTING_CLOSE, NULL, NULL, 1);
	same_everywhere(f, &back);
	assert_int_equal(f->sf->s->state->rounds[0].ntally, 5);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_undo_across_close,
		    setup, ufx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
