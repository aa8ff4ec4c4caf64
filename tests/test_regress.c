/*
 * test_regress.c -- inputs that once broke convene, found by the fuzzers
 * of tests/fuzz/ (and by the hostile-input tests), kept so that they never
 * break it again.  Each test names the target that found the input and
 * what went wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "journal.h"
#include "util.h"

/* --- a fresh journal in a temporary directory ---------------------------- */

struct fixture {
	char dir[64];
	char *path;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "%s", "/tmp/convene-regress.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = path_join(f->dir, "journal.csv");
	if (journal_create(f->path, NULL) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->path);
	rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

struct collected {
	long n[16];
	size_t nrecords;
	unsigned long bad[16];
	size_t nbad;
};

static void
collect(const struct event *ev, void *ctx)
{
	struct collected *c = ctx;

	if (c->nrecords < NELEM(c->n))
		c->n[c->nrecords] = ev->n;
	c->nrecords++;
}

static void
collect_bad(unsigned long line, const char *why, void *ctx)
{
	struct collected *c = ctx;

	(void)why;
	if (c->nbad < NELEM(c->bad))
		c->bad[c->nbad] = line;
	c->nbad++;
}

static const long extreme_n[] = {
	LONG_MAX, LONG_MIN, -LONG_MAX, 999999999999999999L,
	1000000000000000000L, -1000000000000000000L, 1, -1
};

static int
build_extremes(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev;
	size_t i;

	(void)ctx;
	(void)err;
	memset(&ev, 0, sizeof ev);
	ev.type = EV_TIMER;
	ev.actor = "facilitator";
	ev.terminal = "test";
	ev.ref = "extend";
	for (i = 0; i < NELEM(extreme_n); i++) {
		ev.n = extreme_n[i];
		journal_batch_add(b, &ev);
	}
	return 0;
}

/*
 * fuzz_replay: the writer formats n with "%ld", which gives 19 digits for
 * values of 10^18 and beyond, but the reader took at most 18 and reported
 * the record it had just acknowledged as damaged ("n is not a whole
 * number").  Fixed in journal.c's parse_n: every long reads back.
 */
static void
test_journal_n_extremes_read_back(void **state)
{
	struct fixture *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct collected c;
	char *err = NULL;
	size_t i;

	memset(&c, 0, sizeof c);
	assert_non_null(j);
	assert_int_equal(journal_append(j, build_extremes, NULL, NULL, NULL,
	    NULL, 0, &err), 0);
	journal_close(j);
	j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(j, collect, collect_bad, &c, &err),
	    (long)NELEM(extreme_n));
	assert_int_equal(c.nbad, 0);
	for (i = 0; i < NELEM(extreme_n); i++)
		assert_true(c.n[i] == extreme_n[i]);
	journal_close(j);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_journal_n_extremes_read_back, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
