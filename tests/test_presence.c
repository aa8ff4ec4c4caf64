/* test_presence.c -- open terminals by the locks they hold. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "module_fixture.h"
#include "presence.h"
#include "util.h"

struct seen {
	int n, participants, kiosks;
	char pids[256];
};

static void
collect(enum presence_role role, const char *pid, void *ctx)
{
	struct seen *s = ctx;

	s->n++;
	s->participants += role == PRESENCE_PARTICIPANT;
	s->kiosks += role == PRESENCE_KIOSK;
	strncat(s->pids, pid, sizeof s->pids - strlen(s->pids) - 2);
	strcat(s->pids, " ");
}

static struct seen
scan(const char *dir)
{
	struct seen s;
	char *err = NULL;
	int n;

	memset(&s, 0, sizeof s);
	n = presence_scan(dir, collect, &s, &err);
	assert_int_equal(n, s.n);
	return s;
}

static void
test_open_set_close(void **state)
{
	char *dir = fx_tempdir(), *err = NULL;
	struct presence *p;
	struct seen s;

	(void)state;
	s = scan(dir);			/* no presence/ yet: nobody */
	assert_int_equal(s.n, 0);
	p = presence_open(dir, PRESENCE_KIOSK, NULL, &err);
	assert_non_null(p);
	s = scan(dir);
	assert_int_equal(s.kiosks, 1);
	assert_string_equal(s.pids, " ");
	assert_int_equal(presence_set(p, PRESENCE_PARTICIPANT, "p7", &err), 0);
	s = scan(dir);
	assert_int_equal(s.n, 1);
	assert_int_equal(s.participants, 1);
	assert_string_equal(s.pids, "p7 ");
	presence_close(p);
	s = scan(dir);
	assert_int_equal(s.n, 0);
	fx_rmtree(dir);		/* frees dir */
}

/* A terminal killed with -9 leaves its file, which nobody holds: the next
 * scan does not count it, and removes it. */
/* A terminal that polls the journal says so, across a change of person;
 * the console counts it. */
static void
test_polling(void **state)
{
	char *dir = fx_tempdir(), *err = NULL;
	struct presence *p;
	struct seen s;

	(void)state;
	assert_int_equal(presence_polling(dir, &err), 0);
	p = presence_open(dir, PRESENCE_KIOSK, NULL, &err);	/* one a process */
	assert_non_null(p);
	assert_int_equal(presence_polling(dir, &err), 0);
	assert_int_equal(presence_set_polling(p, 1, &err), 0);
	assert_int_equal(presence_polling(dir, &err), 1);
	assert_int_equal(presence_set(p, PRESENCE_PARTICIPANT, "p7", &err), 0);
	assert_int_equal(presence_polling(dir, &err), 1);
	s = scan(dir);			/* the third word is not the pid */
	assert_int_equal(s.n, 1);
	assert_int_equal(s.participants, 1);
	assert_string_equal(s.pids, "p7 ");
	assert_int_equal(presence_set_polling(p, 0, &err), 0);
	assert_int_equal(presence_polling(dir, &err), 0);
	assert_int_equal(presence_set_polling(p, 1, &err), 0);
	presence_close(p);		/* gone: no longer counted */
	assert_int_equal(presence_polling(dir, &err), 0);
	assert_int_equal(presence_set_polling(NULL, 1, &err), -1);
	free(err);
	fx_rmtree(dir);		/* frees dir */
}

static void
test_crashed_terminal(void **state)
{
	char *dir = fx_tempdir(), *err = NULL, *sub;
	int ready[2], status;
	pid_t child;
	struct seen s;
	char c;

	(void)state;
	assert_int_equal(pipe(ready), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		struct presence *p = presence_open(dir, PRESENCE_PARTICIPANT,
		    "p1", &err);

		if (write(ready[1], p != NULL ? "y" : "n", 1) != 1)
			_exit(2);
		pause();
		_exit(0);
	}
	if (read(ready[0], &c, 1) != 1)
		c = '?';
	s = scan(dir);
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
	assert_int_equal(c, 'y');
	assert_int_equal(s.participants, 1);
	s = scan(dir);
	assert_int_equal(s.n, 0);
	sub = path_join(dir, PRESENCE_DIR);
	s = scan(dir);
	assert_int_equal(s.n, 0);
	assert_int_equal(rmdir(sub), 0);	/* the leftover was removed */
	free(sub);
	close(ready[0]);
	close(ready[1]);
	fx_rmtree(dir);		/* frees dir */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_set_close),
		cmocka_unit_test(test_crashed_terminal),
		cmocka_unit_test(test_polling),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
