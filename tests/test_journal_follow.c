/* test_journal_follow.c -- how a follower learns of an append
 * (journal_watch_fd): dnotify on the journal's directory, woken by another
 * process's append; inotify where dnotify cannot be had; polling last. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "event.h"
#include "journal.h"
#include "journal_test.h"
#include "util.h"
#include "journal_fixture.h"

/* Long enough for a loaded machine, short enough for a failing test. */
#define WAKE_MS 5000

static int
setup(void **state)
{
	journal_test_watch_skip(0, 0);
	return jfx_setup(state, "follow");
}

static int
teardown(void **state)
{
	journal_test_watch_skip(0, 0);
	return jfx_teardown(state);
}

static int
build_idea(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev;

	(void)err;
	memset(&ev, 0, sizeof ev);
	ev.type = EV_IDEA;
	ev.actor = "p1";
	ev.terminal = "test";
	ev.id = "i1";
	ev.text = *(const char **)ctx;	/* ctx: the text's address */
	journal_batch_add(b, &ev);
	return 0;
}

/* Appends one idea with its own handle, as another terminal would. */
static void
append_idea(const char *path, const char *text)
{
	struct journal *j = journal_open(path, 0, NULL);
	char *err = NULL;

	assert_non_null(j);
	assert_int_equal(journal_append(j, build_idea, &text, NULL, NULL,
	    NULL, 0, &err), 0);
	journal_close(j);
}

/* The same from another process, which then exits. */
static void
append_from_child(const char *path, const char *text)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct journal *j = journal_open(path, 0, NULL);
		int r = j != NULL && journal_append(j, build_idea, &text,
		    NULL, NULL, NULL, 0, NULL) == 0 ? 0 : 1;

		journal_close(j);
		_exit(r);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static int
wait_readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, ms);
}

/* Follows r once: 1 when a record came. */
static long
read_new(struct journal *r)
{
	char *err = NULL;
	long n = journal_read(r, NULL, NULL, NULL, &err);

	assert_null(err);
	return n;
}

static struct journal *
open_follower(const char *path)
{
	struct journal *r = journal_open(path, 1, NULL);

	assert_non_null(r);
	read_new(r);		/* up to now */
	return r;
}

/* --- dnotify ------------------------------------------------------------- */

static void
test_dnotify_woken_by_other_process(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	char *err = NULL;
	int fd = journal_watch_fd(r);

	if (journal_watch_kind(r) != JOURNAL_WATCH_DNOTIFY) {
		journal_close(r);
		skip();		/* a kernel without dnotify */
	}
	assert_true(fd >= 0);
	assert_int_equal(journal_watch_fd(r), fd);
	assert_int_equal(journal_changed(r, &err), 0);
	assert_int_equal(wait_readable(fd, 0), 0);
	append_from_child(f->path, "from another process");
	assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 1);
	/* drained: quiet until the next change */
	assert_int_equal(journal_changed(r, &err), 0);
	assert_int_equal(wait_readable(fd, 0), 0);
	append_from_child(f->path, "again");
	assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 1);
	journal_close(r);
}

/* Two journals followed by one process share the signalfd: what one
 * drains, the other still sees by its size. */
static void
test_dnotify_two_journals(void **state)
{
	struct fx *f = *state;
	struct journal *a = open_follower(f->path), *b = open_follower(f->path);
	char *err = NULL;
	int fa = journal_watch_fd(a), fb = journal_watch_fd(b);

	if (journal_watch_kind(a) != JOURNAL_WATCH_DNOTIFY) {
		journal_close(a);
		journal_close(b);
		skip();
	}
	assert_int_equal(fa, fb);
	append_idea(f->path, "for both");
	assert_int_equal(wait_readable(fa, WAKE_MS), 1);
	assert_int_equal(journal_changed(a, &err), 1);
	assert_int_equal(journal_changed(b, &err), 1);
	assert_int_equal(read_new(a), 1);
	assert_int_equal(read_new(b), 1);
	/* one closed, the other still woken */
	journal_close(a);
	append_idea(f->path, "for b");
	assert_int_equal(wait_readable(fb, WAKE_MS), 1);
	assert_int_equal(journal_changed(b, &err), 1);
	assert_int_equal(read_new(b), 1);
	journal_close(b);
	/* and a new watch after the last one closed */
	a = open_follower(f->path);
	fa = journal_watch_fd(a);
	assert_int_equal(journal_watch_kind(a), JOURNAL_WATCH_DNOTIFY);
	append_idea(f->path, "after");
	assert_int_equal(wait_readable(fa, WAKE_MS), 1);
	assert_int_equal(journal_changed(a, &err), 1);
	journal_close(a);
}

/* A rename or delete in the directory wakes the follower, which then
 * says what happened to its journal. */
static void
test_dnotify_moved_away(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	char *err = NULL, *moved = path_join(f->dir, "moved.csv");
	int fd = journal_watch_fd(r);

	if (journal_watch_kind(r) != JOURNAL_WATCH_DNOTIFY) {
		journal_close(r);
		free(moved);
		skip();
	}
	assert_int_equal(rename(f->path, moved), 0);
	assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), -1);
	assert_non_null(strstr(err, "deleted or moved"));
	free(err);
	journal_close(r);
	free(moved);
}

/* Followers that are stopped (SIGSTOP, as a participant may do to their
 * own terminal) or killed hold nothing a writer waits for: appends go on
 * and another follower is still woken. */
static void
test_stopped_follower_holds_nothing(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	char *err = NULL;
	int fd = journal_watch_fd(r), status, i, ready[2];
	pid_t stopped = -1, killed = -1;
	char c;

	if (journal_watch_kind(r) != JOURNAL_WATCH_DNOTIFY) {
		journal_close(r);
		skip();
	}
	assert_int_equal(pipe(ready), 0);
	for (i = 0; i < 2; i++) {
		pid_t pid = fork();

		assert_true(pid >= 0);
		if (pid == 0) {
			struct journal *w = journal_open(f->path, 1, NULL);

			close(ready[0]);
			if (w == NULL || journal_watch_fd(w) < 0 ||
			    write(ready[1], "r", 1) != 1)
				_exit(1);
			for (;;)
				pause();	/* never reads its signals */
		}
		if (i == 0)
			stopped = pid;
		else
			killed = pid;
	}
	close(ready[1]);
	assert_int_equal(read(ready[0], &c, 1), 1);
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	assert_int_equal(kill(stopped, SIGSTOP), 0);
	assert_int_equal(kill(killed, SIGKILL), 0);
	assert_int_equal(waitpid(killed, &status, 0), killed);
	for (i = 0; i < 50; i++)
		append_idea(f->path, "while one is stopped");
	assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 50);
	assert_int_equal(kill(stopped, SIGKILL), 0);
	assert_int_equal(waitpid(stopped, &status, 0), stopped);
	journal_close(r);
}

/* A SIGIO that arrives after the last journal closed ends nothing. */
static void
test_dnotify_late_signal_harmless(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	sigset_t set;

	journal_watch_fd(r);
	if (journal_watch_kind(r) != JOURNAL_WATCH_DNOTIFY) {
		journal_close(r);
		skip();
	}
	journal_close(r);
	assert_int_equal(raise(SIGIO), 0);
	sigemptyset(&set);
	sigaddset(&set, SIGIO);
	/* unblocked: the pending one is delivered, and ignored */
	assert_int_equal(sigprocmask(SIG_UNBLOCK, &set, NULL), 0);
	assert_int_equal(sigprocmask(SIG_BLOCK, &set, NULL), 0);
}

/* --- the fallbacks ----------------------------------------------------- */

/* Reached through a symbolic link from another directory, the journal
 * changes where dnotify on the link's directory would not see it. */
static void
test_symlink_not_dnotify(void **state)
{
	struct fx *f = *state;
	char *other = path_join(f->dir, "other");
	char *link = path_join(other, "journal.csv");
	struct journal *r;
	int fd;

	assert_int_equal(mkdir(other, 0700), 0);
	assert_int_equal(symlink(f->path, link), 0);
	r = open_follower(link);
	fd = journal_watch_fd(r);
	assert_int_not_equal(journal_watch_kind(r), JOURNAL_WATCH_DNOTIFY);
	if (fd >= 0) {
		append_idea(f->path, "through the link");
		assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	}
	journal_close(r);
	unlink(link);
	free(link);
	free(other);
}

/* With a second hard link, a writer may open the journal by a name in
 * another directory. */
static void
test_hard_link_not_dnotify(void **state)
{
	struct fx *f = *state;
	char *second = path_join(f->dir, "link.csv");
	struct journal *r;

	assert_int_equal(link(f->path, second), 0);
	r = open_follower(f->path);
	journal_watch_fd(r);
	assert_int_not_equal(journal_watch_kind(r), JOURNAL_WATCH_DNOTIFY);
	journal_close(r);
	unlink(second);
	free(second);
}

static void
test_inotify_without_dnotify(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	char *err = NULL;
	int fd;

	journal_test_watch_skip(1, 0);
	fd = journal_watch_fd(r);
	if (fd < 0) {
		journal_close(r);
		skip();		/* past the user's inotify instances */
	}
	assert_int_equal(journal_watch_kind(r), JOURNAL_WATCH_INOTIFY);
	append_from_child(f->path, "by inotify");
	assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 1);
	assert_int_equal(journal_changed(r, &err), 0);
	journal_close(r);
}

static void
test_polling_last(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);
	char *err = NULL;

	journal_test_watch_skip(1, 1);
	assert_int_equal(journal_watch_fd(r), -1);
	assert_int_equal(journal_watch_kind(r), JOURNAL_WATCH_POLL);
	assert_int_equal(journal_changed(r, &err), 0);
	append_from_child(f->path, "polled");
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 1);
	assert_int_equal(journal_changed(r, &err), 0);
	journal_close(r);
}

/* The read after journal_changed goes up to the size it saw: what is
 * appended in between wakes the follower again and is read then, both
 * with a watch and polling. */
static void
check_append_between(struct fx *f, struct journal *r)
{
	char *err = NULL;
	int fd = journal_watch_fd(r);

	append_from_child(f->path, "seen");
	if (fd >= 0)
		assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	append_from_child(f->path, "in between");
	assert_int_equal(read_new(r), 1);
	if (fd >= 0)
		assert_int_equal(wait_readable(fd, WAKE_MS), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(read_new(r), 1);
	assert_int_equal(journal_changed(r, &err), 0);
	/* a read with no journal_changed before it asks the file */
	append_from_child(f->path, "unasked");
	assert_int_equal(read_new(r), 1);
	assert_int_equal(journal_last_seq(r), 3);
}

static void
test_append_between_change_and_read(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);

	check_append_between(f, r);
	journal_close(r);
}

static void
test_append_between_change_and_read_polling(void **state)
{
	struct fx *f = *state;
	struct journal *r = open_follower(f->path);

	journal_test_watch_skip(1, 1);
	assert_int_equal(journal_watch_fd(r), -1);
	check_append_between(f, r);
	journal_close(r);
}

#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_dnotify_woken_by_other_process),
		T(test_dnotify_two_journals),
		T(test_dnotify_moved_away),
		T(test_stopped_follower_holds_nothing),
		T(test_dnotify_late_signal_harmless),
		T(test_symlink_not_dnotify),
		T(test_hard_link_not_dnotify),
		T(test_inotify_without_dnotify),
		T(test_polling_last),
		T(test_append_between_change_and_read),
		T(test_append_between_change_and_read_polling),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
