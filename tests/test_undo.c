/*
 * test_undo.c -- what `u` takes back: the table of reversals (pure), then
 * each undoable action done and undone on a real session, checked in the
 * state replayed from the journal.
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
#include "session.h"
#include "session_fixture.h"
#include "state.h"
#include "undo.h"
#include "undo_fixture.h"
#include "util.h"

/* --- the table ----------------------------------------------------------- */

static void
test_reverse_flags(void **state)
{
	struct undo_action done = { .kind = UNDO_IDEA_HIDE, .id = "i3", .n = 1,
	    .prev_n = 0 }, rev;

	(void)state;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.kind, UNDO_IDEA_HIDE);
	assert_string_equal(rev.id, "i3");
	assert_int_equal(rev.n, 0);
	done.kind = UNDO_IDEA_PROMOTE;
	done.n = 0;
	done.prev_n = 1;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.n, 1);
	done.kind = UNDO_IDEA_WITHDRAW;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.kind, UNDO_IDEA_WITHDRAW);
}

static void
test_reverse_merge_edit_move_room(void **state)
{
	struct undo_action done = { .kind = UNDO_IDEA_MERGE, .id = "i2",
	    .ref = "i1", .prev = "" }, rev;

	(void)state;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.ref, "");	/* unmerge */
	done.ref = "";
	done.prev = "i7";			/* an unmerge is re-merged */
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.ref, "i7");
	done = (struct undo_action){ .kind = UNDO_IDEA_EDIT, .id = "i1",
	    .text = "new", .prev = "old" };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.text, "old");
	assert_null(rev.prev);
	done = (struct undo_action){ .kind = UNDO_MOVE, .id = "p1",
	    .ref = "r2", .prev = "r1" };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.ref, "r1");
	done = (struct undo_action){ .kind = UNDO_ROOM_SET, .id = "r1",
	    .text = "Blue", .ref = "ID cards", .prev = "Room 1",
	    .prev_topic = "" };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.text, "Room 1");
	assert_string_equal(rev.ref, "");
}

static void
test_reverse_timer_agenda_voting_dots(void **state)
{
	struct undo_action done = { .kind = UNDO_TIMER, .timer = TIMER_START,
	    .n = 600 }, rev;

	(void)state;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.timer, TIMER_STOP);
	done.timer = TIMER_PAUSE;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.timer, TIMER_RESUME);
	done.timer = TIMER_RESUME;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.timer, TIMER_PAUSE);
	done.timer = TIMER_EXTEND;
	done.n = 300;
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.timer, TIMER_EXTEND);
	assert_int_equal(rev.n, -300);
	done.timer = TIMER_STOP;
	assert_int_equal(undo_reverse(&done, &rev), -1);

	done = (struct undo_action){ .kind = UNDO_AGENDA, .move = AGENDA_NEXT,
	    .prev = "d1-open" };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.move, AGENDA_GOTO);
	assert_string_equal(rev.ref, "d1-open");
	done.prev = NULL;		/* before the first item */
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_string_equal(rev.ref, "");

	done = (struct undo_action){ .kind = UNDO_VOTING_OPEN };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.kind, UNDO_VOTING_CLOSE);
	assert_int_equal(rev.n, 1);
	done = (struct undo_action){ .kind = UNDO_VOTING_REVEAL, .n = 1 };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.n, 0);
	done = (struct undo_action){ .kind = UNDO_DOT, .actor = "p1",
	    .id = "i1", .n = 2 };
	assert_int_equal(undo_reverse(&done, &rev), 0);
	assert_int_equal(rev.n, -2);
	assert_string_equal(rev.actor, "p1");
}

static void
test_not_undoable(void **state)
{
	static const enum undo_kind never[] = { UNDO_MESSAGE, UNDO_ROOMS_MAKE,
	    UNDO_CHECKIN, UNDO_NONE };
	struct undo_action done, rev;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(never); i++) {
		memset(&done, 0, sizeof done);
		done.kind = never[i];
		assert_int_equal(undo_reverse(&done, &rev), -1);
	}
	memset(&done, 0, sizeof done);
	done.kind = UNDO_IDEA_ADD;	/* no id: nothing to withdraw */
	assert_int_equal(undo_reverse(&done, &rev), -1);
	assert_non_null(undo_describe(UNDO_KIND_COUNT));
}

/* --- on a real session --------------------------------------------------- */

static const char module_ini[] =
    "[module]\ntitle = Undo test\nprovider = Tests\ndays = 2\n"
    "timezone = Asia/Bangkok\ndescription = For the tests.\n\n"
    "[session d1-open]\nday = 1\nstart = 09:00\nminutes = 30\n"
    "kind = lecture\ntitle = Opening\n\n"
    "[session d1-ideate]\nday = 1\nstart = 09:30\nminutes = 45\n"
    "kind = group-work\ntitle = Ideas\nstage = ideate\n";

static int
setup(void **state)
{
	setlocale(LC_ALL, "C.UTF-8");
	*state = ufx_new(module_ini, "Undo", 3);
	return 0;
}

static void
add_people_and_ideas(struct undo_fixture *f)
{
	struct session *s = f->sf->s;
	char *id = NULL, *err = NULL;

	sfx_ok(cmd_participant(s, ACTOR_FACILITATOR, "Kim", "KR", "", "", &id,
	    &err), &err);
	free(id);
	sfx_ok(cmd_participant(s, ACTOR_FACILITATOR, "Somchai", "TH", "", "",
	    &id, &err), &err);
	free(id);
	sfx_ok(cmd_idea(s, "p1", NULL, "디지털 정부", &id, &err), &err);
	free(id);
	sfx_ok(cmd_idea(s, "p2", NULL, "รัฐบาลดิจิทัล", &id, &err), &err);
	free(id);
}

/* A step unpins the pinned question; taking the step back pins it again. */
static void
test_agenda_undo_repins(void **state)
{
	struct undo_fixture *f = *state;
	struct undo_action a = { .kind = UNDO_AGENDA, .move = AGENDA_NEXT };
	char *q = NULL, *err = NULL;

	add_people_and_ideas(f);
	ufx_do(f, &a);
	sfx_ok(cmd_ask(f->sf->s, "p1", "Who pays?", &q, &err), &err);
	sfx_ok(cmd_question_mark(f->sf->s, q, "pinned", 1, &err), &err);
	ufx_do(f, &a);
	assert_false(f->sf->s->state->questions[0].pinned);
	ufx_undo(f);
	assert_true(f->sf->s->state->questions[0].pinned);
	assert_string_equal(f->sf->s->state->agenda_id, "d1-open");
	free(q);
}

static void
test_hide_merge_promote_edit(void **state)
{
	struct undo_fixture *f = *state;
	struct undo_action a = { .kind = UNDO_IDEA_HIDE, .id = "i1", .n = 1 };
	struct session *r;

	add_people_and_ideas(f);
	ufx_do(f, &a);
	assert_true(f->sf->s->state->ideas[0].hidden);
	ufx_undo(f);
	assert_false(f->sf->s->state->ideas[0].hidden);

	a = (struct undo_action){ .kind = UNDO_IDEA_MERGE, .id = "i2",
	    .ref = "i1" };
	ufx_do(f, &a);
	assert_int_equal(f->sf->s->state->ideas[1].merged_into, 0);
	ufx_undo(f);
	assert_int_equal(f->sf->s->state->ideas[1].merged_into, -1);
	/* undoing an unmerge merges into the idea it was merged into (the
	 * undo keeps that id: ideas keep no id string) */
	ufx_do(f, &a);
	a = (struct undo_action){ .kind = UNDO_IDEA_MERGE, .id = "i2",
	    .ref = "" };
	ufx_do(f, &a);
	assert_int_equal(f->sf->s->state->ideas[1].merged_into, -1);
	ufx_undo(f);
	assert_int_equal(f->sf->s->state->ideas[1].merged_into, 0);
	ufx_undo(f);
	assert_int_equal(f->sf->s->state->ideas[1].merged_into, -1);
	a = (struct undo_action){ .kind = UNDO_IDEA_MERGE, .id = "i2",
	    .ref = "i1" };

	a = (struct undo_action){ .kind = UNDO_IDEA_PROMOTE, .id = "i2",
	    .n = 1 };
	ufx_do(f, &a);
	a = (struct undo_action){ .kind = UNDO_IDEA_EDIT, .id = "i2",
	    .actor = ACTOR_FACILITATOR, .text = "รัฐบาลดิจิทัลเพื่อประชาชน" };
	ufx_do(f, &a);
	assert_string_equal(state_idea_text(f->sf->s->state, 1),
	    "รัฐบาลดิจิทัลเพื่อประชาชน");
	ufx_undo(f);
	assert_string_equal(state_idea_text(f->sf->s->state, 1),
	    "รัฐบาลดิจิทัล");
	ufx_undo(f);
	assert_false(f->sf->s->state->ideas[1].prototype);
	assert_int_equal(undo_depth(f->u), 0);

	/* Every other process sees the same: the undo is in the journal. */
	r = sfx_open(f->sf->dir, SESSION_READ_ONLY);	/* replayed anew */
	assert_false(r->state->ideas[0].hidden);
	assert_int_equal(r->state->ideas[1].merged_into, -1);
	assert_false(r->state->ideas[1].prototype);
	assert_string_equal(state_idea_text(r->state, 1), "รัฐบาลดิจิทัล");
	session_close(r);
}

static void
test_agenda_timer_voting(void **state)
{
	struct undo_fixture *f = *state;
	struct undo_action a = { .kind = UNDO_AGENDA, .move = AGENDA_NEXT };
	const struct timer *t;

	add_people_and_ideas(f);
	ufx_do(f, &a);			/* before any item -> d1-open */
	ufx_do(f, &a);			/* -> d1-ideate */
	assert_string_equal(f->sf->s->state->agenda_id, "d1-ideate");
	ufx_undo(f);
	assert_string_equal(f->sf->s->state->agenda_id, "d1-open");
	/* The whole move is undone: d1-open's timer runs on with what it
	 * had left (30 minutes, less the few ms the test took). */
	t = state_timer(f->sf->s->state, -1);
	assert_int_equal(t->state, TIMER_RUNNING);
	assert_in_range(t->length_ms, 30 * 60000 - 5000, 30 * 60000);
	ufx_undo(f);			/* back to before the first item */
	assert_null(f->sf->s->state->agenda_id);
	assert_int_equal(state_timer(f->sf->s->state, -1)->state, TIMER_IDLE);

	/* A paused timer comes back paused; an end comes back ended. */
	ufx_do(f, &a);			/* -> d1-open */
	a = (struct undo_action){ .kind = UNDO_TIMER, .timer = TIMER_PAUSE };
	ufx_do(f, &a);
	a = (struct undo_action){ .kind = UNDO_AGENDA, .move = AGENDA_END };
	ufx_do(f, &a);
	assert_true(f->sf->s->state->agenda_ended);
	assert_int_equal(state_timer(f->sf->s->state, -1)->state, TIMER_IDLE);
	ufx_undo(f);
	assert_false(f->sf->s->state->agenda_ended);
	assert_int_equal(state_timer(f->sf->s->state, -1)->state, TIMER_PAUSED);
	a.move = AGENDA_END;
	ufx_do(f, &a);
	a.move = AGENDA_NEXT;
	ufx_do(f, &a);			/* -> d1-ideate */
	ufx_undo(f);
	assert_string_equal(f->sf->s->state->agenda_id, "d1-open");
	assert_true(f->sf->s->state->agenda_ended);
	assert_int_equal(state_timer(f->sf->s->state, -1)->state, TIMER_IDLE);
	a.move = AGENDA_GOTO;
	a.ref = "";
	ufx_do(f, &a);			/* before the first item again */

	a = (struct undo_action){ .kind = UNDO_TIMER, .timer = TIMER_START,
	    .n = 600 };
	ufx_do(f, &a);
	a.timer = TIMER_EXTEND;
	a.n = 300;
	ufx_do(f, &a);
	t = state_timer(f->sf->s->state, -1);
	assert_int_equal(t->length_ms, 900000);
	ufx_undo(f);
	t = state_timer(f->sf->s->state, -1);
	assert_int_equal(t->length_ms, 600000);
	ufx_undo(f);
	t = state_timer(f->sf->s->state, -1);
	assert_int_equal(t->state, TIMER_IDLE);

	a = (struct undo_action){ .kind = UNDO_VOTING_OPEN };
	ufx_do(f, &a);
	assert_int_equal(state_open_round(f->sf->s->state), 0);
	a = (struct undo_action){ .kind = UNDO_DOT, .actor = "p1", .id = "i2",
	    .n = 2 };
	ufx_do(f, &a);
	assert_int_equal(round_idea_dots(&f->sf->s->state->rounds[0], 1), 2);
	ufx_undo(f);			/* the dots are taken back */
	assert_int_equal(round_idea_dots(&f->sf->s->state->rounds[0], 1), 0);
	ufx_undo(f);			/* the round is closed again */
	assert_int_equal(state_open_round(f->sf->s->state), -1);
}

static void
test_stack_limits_and_refusals(void **state)
{
	struct undo_fixture *f = *state;
	struct undo_action a = { .kind = UNDO_IDEA_HIDE, .id = "i1", .n = 1 };
	char *err = NULL;
	const char *what = NULL;

	add_people_and_ideas(f);
	assert_int_equal(undo_undo(f->u, f->sf->s, NULL, &err), 1);
	assert_non_null(err);		/* "nothing to undo" */
	free(err);
	err = NULL;
	/* A refused action is not remembered. */
	a.id = "i99";
	assert_int_equal(undo_do(f->u, f->sf->s, &a, &err), 1);
	free(err);
	err = NULL;
	assert_int_equal(undo_depth(f->u), 0);
	/* The stack keeps the newest three. */
	a.id = "i1";
	ufx_do(f, &a);			/* hide i1 */
	a.n = 0;
	ufx_do(f, &a);			/* show i1 */
	a.n = 1;
	ufx_do(f, &a);			/* hide i1 */
	a.id = "i2";
	ufx_do(f, &a);			/* hide i2: the first is forgotten */
	assert_int_equal(undo_depth(f->u), 3);
	/* Another console shows i2 again: the reverse is now refused, and
	 * the entry is dropped rather than blocking the stack. */
	sfx_ok(cmd_idea_hide(f->sf->s, "i2", 0, &err), &err);
	assert_int_equal(undo_undo(f->u, f->sf->s, &what, &err), 1);
	assert_non_null(err);
	free(err);
	err = NULL;
	assert_int_equal(undo_depth(f->u), 2);
	sfx_ok(undo_undo(f->u, f->sf->s, &what, &err), &err);
	assert_string_equal(what, undo_describe(UNDO_IDEA_HIDE));
	assert_false(f->sf->s->state->ideas[0].hidden);
	/* Not undoable: done, but not kept. */
	a = (struct undo_action){ .kind = UNDO_MESSAGE, .text = "Tea!" };
	ufx_do(f, &a);
	assert_int_equal(undo_depth(f->u), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reverse_flags),
		cmocka_unit_test(test_reverse_merge_edit_move_room),
		cmocka_unit_test(test_reverse_timer_agenda_voting_dots),
		cmocka_unit_test(test_not_undoable),
		cmocka_unit_test_setup_teardown(test_hide_merge_promote_edit,
		    setup, ufx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_timer_voting,
		    setup, ufx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_undo_repins,
		    setup, ufx_teardown),
		cmocka_unit_test_setup_teardown(test_stack_limits_and_refusals,
		    setup, ufx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
