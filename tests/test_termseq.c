/* test_termseq.c -- mouse reports put back together, never read as keys. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "termseq.h"

/* Feeds the bytes of s at `now`; returns the last result, *passed counts
 * the keys that were let through. */
static enum termseq_result
feed_all(struct termseq *t, const char *s, int64_t now,
    struct termseq_mouse *ev, int *passed)
{
	enum termseq_result r = TERMSEQ_HOLD;
	int key;

	for (; *s != '\0'; s++) {
		r = termseq_feed(t, (unsigned char)*s, 0, now, ev, &key);
		if (r == TERMSEQ_PASS || r == TERMSEQ_ESC_PASS)
			(*passed)++;
	}
	return r;
}

static void
whole_report(void **state)
{
	struct termseq t;
	struct termseq_mouse ev;
	int passed = 0;

	(void)state;
	termseq_init(&t);
	assert_int_equal(feed_all(&t, "\033[<0;12;5M", 0, &ev, &passed),
	    TERMSEQ_MOUSE);
	assert_int_equal(passed, 0);
	assert_int_equal(ev.button, TERMSEQ_LEFT);
	assert_int_equal(ev.x, 11);
	assert_int_equal(ev.y, 4);
	assert_int_equal(ev.press, 1);
	assert_int_equal(feed_all(&t, "\033[<0;12;5m", 0, &ev, &passed),
	    TERMSEQ_MOUSE);
	assert_int_equal(ev.press, 0);
	assert_int_equal(feed_all(&t, "\033[<65;1;1M", 0, &ev, &passed),
	    TERMSEQ_MOUSE);
	assert_int_equal(ev.button, TERMSEQ_WHEEL_DOWN);
	assert_int_equal(termseq_deadline(&t), -1);
}

/* ESC, then the rest 300 ms later: still one report, no key. */
static void
split_report(void **state)
{
	struct termseq t;
	struct termseq_mouse ev;
	int passed = 0;

	(void)state;
	termseq_init(&t);
	assert_int_equal(feed_all(&t, "\033", 1000, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(termseq_deadline(&t), 1000 + TERMSEQ_ESC_WAIT_MS);
	assert_int_equal(termseq_timeout(&t, 1300), 0);
	assert_int_equal(feed_all(&t, "[<", 1300, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(feed_all(&t, "0;3", 1600, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(feed_all(&t, ";7M", 1900, &ev, &passed),
	    TERMSEQ_MOUSE);
	assert_int_equal(passed, 0);
	assert_int_equal(ev.x, 2);
	assert_int_equal(ev.y, 6);
}

/* A lone Esc is a key after the wait; Esc then a letter is both keys. */
static void
lone_esc(void **state)
{
	struct termseq t;
	struct termseq_mouse ev;
	int key = 0;

	(void)state;
	termseq_init(&t);
	assert_int_equal(termseq_feed(&t, 27, 0, 0, &ev, &key), TERMSEQ_HOLD);
	assert_int_equal(termseq_timeout(&t, TERMSEQ_ESC_WAIT_MS), 1);
	assert_int_equal(termseq_deadline(&t), -1);
	assert_int_equal(termseq_feed(&t, 27, 0, 0, &ev, &key), TERMSEQ_HOLD);
	assert_int_equal(termseq_feed(&t, 'q', 0, 1, &ev, &key),
	    TERMSEQ_ESC_PASS);
	assert_int_equal(termseq_feed(&t, 'q', 0, 1, &ev, &key),
	    TERMSEQ_PASS);
	/* a function key is never part of a sequence */
	assert_int_equal(termseq_feed(&t, 27, 0, 0, &ev, &key), TERMSEQ_HOLD);
	assert_int_equal(termseq_feed(&t, 0402, 1, 1, &ev, &key),
	    TERMSEQ_ESC_PASS);
}

/* Other sequences are swallowed; a split arrow is the arrow; X10 reports
 * take their three bytes with them; a cut-off one is dropped. */
static void
other_sequences(void **state)
{
	struct termseq t;
	struct termseq_mouse ev;
	int passed = 0, key = 0;

	(void)state;
	termseq_init(&t);
	assert_int_equal(feed_all(&t, "\033[?1;2c", 0, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(feed_all(&t, "\033[M %%", 0, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(passed, 0);
	assert_int_equal(termseq_deadline(&t), -1);
	feed_all(&t, "\033[", 0, &ev, &passed);
	assert_int_equal(termseq_feed(&t, 'A', 0, 0, &ev, &key),
	    TERMSEQ_KEY);
	assert_int_equal(key, TERMSEQ_KEY_UP);
	assert_int_equal(feed_all(&t, "\033[201", 0, &ev, &passed),
	    TERMSEQ_HOLD);
	assert_int_equal(termseq_feed(&t, '~', 0, 0, &ev, &key), TERMSEQ_KEY);
	assert_int_equal(key, TERMSEQ_KEY_PASTE_END);
	feed_all(&t, "\033[<0;1", 0, &ev, &passed);
	assert_int_equal(termseq_timeout(&t, TERMSEQ_ESC_WAIT_MS), 0);
	assert_int_equal(termseq_deadline(&t), -1);
	assert_int_equal(feed_all(&t, "x", 0, &ev, &passed), TERMSEQ_PASS);
	assert_int_equal(passed, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(whole_report),
		cmocka_unit_test(split_report),
		cmocka_unit_test(lone_esc),
		cmocka_unit_test(other_sequences),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
