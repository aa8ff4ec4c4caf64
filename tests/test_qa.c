/* test_qa.c -- what the screens of questions, polls and the evaluation
 * show: questions ranked, poll shares, the poll a participant sees, what
 * brings the poll forward, options typed on the console, evaluation
 * progress. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "qa.h"
#include "state_fixture.h"

static void
ask(const char *id, const char *by, const char *item)
{
	apply(EV_QUESTION, by, id, item, NULL, 0, "Why?", NULL);
}

static void
upvote(const char *by, const char *q)
{
	apply(EV_UPVOTE, by, q, NULL, NULL, 0, NULL, NULL);
}

static void
mark(const char *q, const char *what, int on)
{
	apply(EV_QUESTION_MARK, NULL, q, what, NULL, on, NULL, NULL);
}

static int
q(const char *id)
{
	return state_question(fx.st, id);
}

static int
pi(const char *id)
{
	return state_poll(fx.st, id);
}

static int
who(const char *id)
{
	return state_participant(fx.st, id);
}

/* --- questions ----------------------------------------------------------- */

static void
test_rank_by_upvotes_then_time(void **state)
{
	int out[8];
	size_t n;

	(void)state;
	people(3);
	ask("q1", "p1", "s1");
	ask("q2", "p2", "s1");
	ask("q3", "p3", "s1");
	ask("q4", "p1", "s2");
	upvote("p1", "q3");
	upvote("p2", "q3");
	upvote("p3", "q2");
	n = qa_rank_questions(fx.st, "s1", 0, out);
	assert_int_equal(n, 3);
	assert_int_equal(out[0], q("q3"));	/* 2 upvotes */
	assert_int_equal(out[1], q("q2"));	/* 1 */
	assert_int_equal(out[2], q("q1"));	/* 0 */
	/* A tie: the earlier asked first. */
	upvote("p1", "q1");
	n = qa_rank_questions(fx.st, "s1", 0, out);
	assert_int_equal(out[1], q("q1"));
	assert_int_equal(out[2], q("q2"));
	/* Another item, and all items. */
	assert_int_equal(qa_rank_questions(fx.st, "s2", 0, out), 1);
	assert_int_equal(out[0], q("q4"));
	assert_int_equal(qa_rank_questions(fx.st, NULL, QA_ALL_ITEMS, out),
	    4);
	assert_int_equal(qa_rank_questions(fx.st, "nothing", 0, out), 0);
}

static void
test_rank_answered_and_hidden(void **state)
{
	int out[8];
	size_t n;

	(void)state;
	people(3);
	ask("q1", "p1", "s1");
	ask("q2", "p2", "s1");
	ask("q3", "p3", "s1");
	upvote("p1", "q1");
	upvote("p2", "q1");
	upvote("p3", "q2");
	mark("q1", "answered", 1);
	mark("q2", "hidden", 1);
	/* Hidden left out; answered after open, whatever its votes. */
	n = qa_rank_questions(fx.st, "s1", 0, out);
	assert_int_equal(n, 2);
	assert_int_equal(out[0], q("q3"));
	assert_int_equal(out[1], q("q1"));
	/* The console sees hidden ones, last. */
	n = qa_rank_questions(fx.st, "s1", QA_WITH_HIDDEN, out);
	assert_int_equal(n, 3);
	assert_int_equal(out[2], q("q2"));
	/* The projector leaves answered ones out. */
	n = qa_rank_questions(fx.st, "s1", QA_NO_ANSWERED, out);
	assert_int_equal(n, 1);
	assert_int_equal(out[0], q("q3"));
	/* Shown again: back in its place. */
	mark("q2", "hidden", 0);
	n = qa_rank_questions(fx.st, "s1", 0, out);
	assert_int_equal(n, 3);
	assert_int_equal(out[0], q("q2"));
}

static void
test_rank_before_first_item(void **state)
{
	int out[4];

	(void)state;
	people(1);
	ask("q1", "p1", "");
	assert_int_equal(qa_rank_questions(fx.st, NULL, 0, out), 1);
	assert_int_equal(qa_rank_questions(fx.st, "", 0, out), 1);
	assert_int_equal(qa_rank_questions(fx.st, "s1", 0, out), 0);
	assert_true(qa_same_item(NULL, ""));
	assert_false(qa_same_item("s1", NULL));
}

static void
test_pinned(void **state)
{
	(void)state;
	people(1);
	ask("q1", "p1", "s1");
	ask("q2", "p1", "s1");
	assert_int_equal(qa_pinned(fx.st), -1);
	mark("q1", "pinned", 1);
	assert_int_equal(qa_pinned(fx.st), q("q1"));
	mark("q2", "pinned", 1);
	assert_int_equal(qa_pinned(fx.st), q("q2"));
	mark("q2", "hidden", 1);
	assert_int_equal(qa_pinned(fx.st), q("q1"));
	mark("q1", "pinned", 0);
	assert_int_equal(qa_pinned(fx.st), -1);
}

/* --- polls --------------------------------------------------------------- */

static void
open_poll(const char *id, long kind, const char *options)
{
	apply(EV_POLL_OPEN, NULL, id, "s1", NULL, kind, "Which?", options);
}

static void
answer(const char *by, const char *poll, const char *choices)
{
	apply(EV_POLL_ANSWER, by, poll, NULL, NULL, 0, NULL, choices);
}

static void
test_percent_single_adds_to_100(void **state)
{
	int pct[3];
	const struct poll *p;

	(void)state;
	people(3);
	open_poll("o1", POLL_SINGLE, "A\nB\nC");
	p = &fx.st->polls[pi("o1")];
	qa_poll_percent(p, pct);
	assert_int_equal(pct[0] + pct[1] + pct[2], 0);
	assert_int_equal(qa_poll_top(p), -1);
	answer("p1", "o1", "1");
	answer("p2", "o1", "2");
	answer("p3", "o1", "3");
	qa_poll_percent(&fx.st->polls[pi("o1")], pct);
	/* 33.3 each: the leftover point goes to the first. */
	assert_int_equal(pct[0], 34);
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[2], 33);
}

static void
test_percent_largest_remainder(void **state)
{
	int pct[3];

	(void)state;
	people(7);
	open_poll("o1", POLL_SINGLE, "A\nB\nC");
	answer("p1", "o1", "1");	/* A 4/7 = 57.14 */
	answer("p2", "o1", "1");
	answer("p3", "o1", "1");
	answer("p4", "o1", "1");
	answer("p5", "o1", "2");	/* B 2/7 = 28.57 */
	answer("p6", "o1", "2");
	answer("p7", "o1", "3");	/* C 1/7 = 14.29 */
	qa_poll_percent(&fx.st->polls[pi("o1")], pct);
	assert_int_equal(pct[0], 57);
	assert_int_equal(pct[1], 29);
	assert_int_equal(pct[2], 14);
	assert_int_equal(qa_poll_top(&fx.st->polls[pi("o1")]), 0);
}

static void
test_percent_multi_of_people(void **state)
{
	int pct[3];

	(void)state;
	people(3);
	open_poll("o1", POLL_MULTI, "A\nB\nC");
	answer("p1", "o1", "1\n2");
	answer("p2", "o1", "1\n3");
	answer("p3", "o1", "1");
	qa_poll_percent(&fx.st->polls[pi("o1")], pct);
	assert_int_equal(pct[0], 100);	/* everyone chose A */
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[2], 33);
	assert_int_equal(qa_poll_mean10(&fx.st->polls[pi("o1")]), -1);
}

/* Each participant's own choices are kept for their terminal to mark;
 * a second answer changes nothing, and options past the 32nd are counted
 * but not marked. */
static void
test_poll_chose(void **state)
{
	char many[200];
	size_t at = 0;
	int i;

	(void)state;
	people(4);
	open_poll("o1", POLL_MULTI, "A\nB\nC");
	answer("p1", "o1", "1\n3");
	answer("p2", "o1", "2");
	answer("p2", "o1", "1");	/* again: refused */
	assert_int_equal(poll_chose(&fx.st->polls[pi("o1")], 0), 5);
	assert_int_equal(poll_chose(&fx.st->polls[pi("o1")], 1), 2);
	assert_int_equal(poll_chose(&fx.st->polls[pi("o1")], 2), 0);
	assert_int_equal(poll_chose(&fx.st->polls[pi("o1")], -1), 0);
	for (i = 1; i <= 40; i++)
		at += (size_t)snprintf(many + at, sizeof many - at, "%s%d",
		    i > 1 ? "\n" : "", i);
	open_poll("o2", POLL_MULTI, many);	/* a journal not from convene */
	answer("p3", "o2", "40\n32\n33\n1");
	assert_int_equal(fx.st->polls[pi("o2")].answers[39], 1);
	assert_int_equal(fx.st->polls[pi("o2")].answers[32], 1);
	assert_int_equal(poll_chose(&fx.st->polls[pi("o2")], 2),
	    1u | 1u << 31);
}

static void
test_scale_mean(void **state)
{
	const struct poll *p;

	(void)state;
	people(3);
	open_poll("o1", POLL_SCALE, "");
	assert_int_equal(qa_poll_mean10(&fx.st->polls[pi("o1")]), -1);
	answer("p1", "o1", "5");
	answer("p2", "o1", "4");
	answer("p3", "o1", "2");
	p = &fx.st->polls[pi("o1")];
	assert_int_equal(p->noptions, 5);
	assert_int_equal(qa_poll_mean10(p), 37);	/* 11 / 3 = 3.67 */
}

static void
test_poll_for_participant(void **state)
{
	(void)state;
	people(2);
	assert_int_equal(qa_poll_for(fx.st, who("p1")), -1);
	open_poll("o1", POLL_SINGLE, "A\nB");
	apply(EV_POLL_CLOSE, NULL, "o1", NULL, NULL, 0, NULL, NULL);
	/* Closed, not revealed: still the newest. */
	assert_int_equal(qa_poll_for(fx.st, who("p1")), pi("o1"));
	apply(EV_POLL_REVEAL, NULL, "o1", NULL, NULL, 0, NULL, NULL);
	open_poll("o2", POLL_SINGLE, "A\nB");
	open_poll("o3", POLL_SINGLE, "A\nB");
	/* The oldest open one not answered. */
	assert_int_equal(qa_poll_for(fx.st, who("p1")), pi("o2"));
	answer("p1", "o2", "1");
	assert_int_equal(qa_poll_for(fx.st, who("p1")), pi("o3"));
	assert_int_equal(qa_poll_for(fx.st, who("p2")), pi("o2"));
	answer("p1", "o3", "1");
	/* All answered: the newest open. */
	assert_int_equal(qa_poll_for(fx.st, who("p1")), pi("o3"));
	apply(EV_POLL_CLOSE, NULL, "o2", NULL, NULL, 0, NULL, NULL);
	apply(EV_POLL_CLOSE, NULL, "o3", NULL, NULL, 0, NULL, NULL);
	/* None open: the newest revealed. */
	assert_int_equal(qa_poll_for(fx.st, who("p1")), pi("o1"));
}

static void
test_attention(void **state)
{
	struct qa_seen seen;
	int p1, p2;

	(void)state;
	memset(&seen, 0, sizeof seen);
	people(2);
	p1 = who("p1");
	p2 = who("p2");
	open_poll("o1", POLL_SINGLE, "A\nB");
	apply(EV_POLL_CLOSE, NULL, "o1", NULL, NULL, 0, NULL, NULL);
	apply(EV_POLL_REVEAL, NULL, "o1", NULL, NULL, 0, NULL, NULL);
	/* Nobody at the terminal: nothing, and nothing counts as seen. */
	assert_int_equal(qa_attention(fx.st, -1, &seen), -1);
	/* Old results do not jump at someone who joins. */
	assert_int_equal(qa_attention(fx.st, p1, &seen), -1);
	open_poll("o2", POLL_SINGLE, "A\nB");
	assert_int_equal(qa_attention(fx.st, p1, &seen), pi("o2"));
	/* Once only. */
	assert_int_equal(qa_attention(fx.st, p1, &seen), -1);
	/* Opened and answered before the terminal looked: nothing. */
	open_poll("o3", POLL_SINGLE, "A\nB");
	answer("p1", "o3", "2");
	assert_int_equal(qa_attention(fx.st, p1, &seen), -1);
	/* Revealed: comes forward. */
	apply(EV_POLL_CLOSE, NULL, "o3", NULL, NULL, 0, NULL, NULL);
	apply(EV_POLL_REVEAL, NULL, "o3", NULL, NULL, 0, NULL, NULL);
	assert_int_equal(qa_attention(fx.st, p1, &seen), pi("o3"));
	assert_int_equal(qa_attention(fx.st, p1, &seen), -1);
	/* The next person at a kiosk: an open poll they have not answered
	 * comes forward for them. */
	assert_int_equal(qa_attention(fx.st, p2, &seen), pi("o2"));
}

static void
test_split_options(void **state)
{
	char **v;

	(void)state;
	assert_int_equal(qa_split_options("Yes | No |Not sure ", &v), 3);
	assert_string_equal(v[0], "Yes");
	assert_string_equal(v[1], "No");
	assert_string_equal(v[2], "Not sure");
	assert_null(v[3]);
	qa_options_free(v);
	assert_int_equal(qa_split_options("  ", &v), 0);
	assert_null(v[0]);
	qa_options_free(v);
	assert_int_equal(qa_split_options("", &v), 0);
	qa_options_free(v);
	assert_int_equal(qa_split_options("A||B", &v), 3);
	assert_string_equal(v[1], "");
	qa_options_free(v);
	assert_int_equal(qa_split_options("한국어 | ภาษาไทย", &v), 2);
	assert_string_equal(v[0], "한국어");
	assert_string_equal(v[1], "ภาษาไทย");
	qa_options_free(v);
	assert_int_equal(qa_split_options("Only one", &v), 1);
	qa_options_free(v);
}

/* --- the module's polls and the evaluation ------------------------------- */

static char s_s1[] = "s1", s_s2[] = "s2", s_q[] = "Useful?", s_q2[] = "Which?";
static char s_overall[] = "overall", s_comments[] = "comments",
    s_pace[] = "pace", s_text[] = "A question";

static void
fill_module(struct module *m, struct module_poll *mp,
    struct eval_question *ev)
{
	memset(m, 0, sizeof *m);
	memset(mp, 0, 2 * sizeof *mp);
	mp[0].id = s_q2;
	mp[0].session_id = s_s2;
	mp[0].question = s_q2;
	mp[0].kind = POLL_SINGLE;
	mp[1].id = s_q;
	mp[1].session_id = s_s1;
	mp[1].question = s_q;
	mp[1].kind = POLL_SCALE;
	m->polls = mp;
	m->npolls = 2;
	ev[0].id = s_overall;
	ev[0].question = s_text;
	ev[0].scale = 1;
	ev[1].id = s_comments;
	ev[1].question = s_text;
	ev[1].scale = 0;
	ev[2].id = s_pace;
	ev[2].question = s_text;
	ev[2].scale = 1;
	m->evals = ev;
	m->nevals = 3;
}

static void
test_module_poll(void **state)
{
	struct module m;
	struct module_poll mp[2];
	struct eval_question ev[3];

	(void)state;
	fill_module(&m, mp, ev);
	assert_int_equal(qa_module_poll(&m, "s1"), 1);
	assert_int_equal(qa_module_poll(&m, "s2"), 0);
	assert_int_equal(qa_module_poll(&m, "s3"), -1);
	assert_int_equal(qa_module_poll(&m, NULL), -1);
	assert_int_equal(qa_module_poll_opened(fx.st, &mp[1]), -1);
	/* Same question, another kind: not it. */
	apply(EV_POLL_OPEN, NULL, "o1", "s1", NULL, POLL_SINGLE, "Useful?", "A\nB");
	assert_int_equal(qa_module_poll_opened(fx.st, &mp[1]), -1);
	apply(EV_POLL_OPEN, NULL, "o2", "s1", NULL, POLL_SCALE, "Useful?", "");
	apply(EV_POLL_OPEN, NULL, "o3", "s1", NULL, POLL_SCALE, "Useful?", "");
	/* The newest. */
	assert_int_equal(qa_module_poll_opened(fx.st, &mp[1]), pi("o3"));
	/* Another agenda item: not it. */
	assert_int_equal(qa_module_poll_opened(fx.st, &mp[0]), -1);
}

static void
test_eval_progress(void **state)
{
	struct module m;
	struct module_poll mp[2];
	struct eval_question ev[3];
	unsigned char skipped[3] = { 0, 0, 0 };
	int p1, p2;

	(void)state;
	fill_module(&m, mp, ev);
	people(2);
	p1 = who("p1");
	p2 = who("p2");
	assert_int_equal(qa_eval_answered(&m, fx.st, p1), 0);
	assert_int_equal(qa_eval_next(&m, fx.st, p1, NULL, 0), 0);
	apply(EV_EVAL, "p1", "overall", NULL, NULL, 4, NULL, NULL);
	assert_int_equal(qa_eval_answered(&m, fx.st, p1), 1);
	assert_int_equal(qa_eval_next(&m, fx.st, p1, NULL, 0), 1);
	/* Skipped (for now, on this terminal): the next one. */
	skipped[1] = 1;
	assert_int_equal(qa_eval_next(&m, fx.st, p1, skipped, 0), 2);
	apply(EV_EVAL, "p1", "pace", NULL, NULL, 3, NULL, NULL);
	assert_int_equal(qa_eval_next(&m, fx.st, p1, skipped, 0), 3);
	assert_int_equal(qa_eval_next(&m, fx.st, p1, NULL, 0), 1);
	apply(EV_EVAL, "p1", "comments", NULL, NULL, 0, "More cases", NULL);
	assert_int_equal(qa_eval_answered(&m, fx.st, p1), 3);
	assert_int_equal(qa_eval_next(&m, fx.st, p1, NULL, 0), 3);
	/* The next person at the kiosk starts from the beginning. */
	assert_int_equal(qa_eval_answered(&m, fx.st, p2), 0);
	assert_int_equal(qa_eval_next(&m, fx.st, p2, NULL, 0), 0);
	assert_int_equal(qa_eval_next(&m, fx.st, p2, NULL, 2), 2);
	assert_int_equal(qa_eval_answered(&m, fx.st, -1), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rank_by_upvotes_then_time,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_rank_answered_and_hidden,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_rank_before_first_item,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_pinned, setup, teardown),
		cmocka_unit_test_setup_teardown(test_percent_single_adds_to_100,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_percent_largest_remainder,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_percent_multi_of_people,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_scale_mean, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_poll_for_participant,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_poll_chose, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_attention, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_split_options, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_module_poll, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_eval_progress, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
