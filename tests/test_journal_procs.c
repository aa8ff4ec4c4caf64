/* test_journal_procs.c -- many writers at once, and writers killed by
 * SIGKILL mid-append: no acknowledged record is ever lost or torn. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "journal.h"
#include "util.h"

#define CHILDREN 40
#define PER_CHILD 100
#define KILL_ROUNDS 12

/* What a child tells the parent after journal_append returned 0. */
struct ack {
	uint32_t who, k;
	uint64_t seq;
};

struct fx {
	char dir[64];
	char *path;
};

static int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/convene-test-procs-XXXXXX");
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
	struct fx *f = *state;

	unlink(f->path);
	rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* --- what readers see ---------------------------------------------------- */

struct seen {
	uint64_t *seq;
	char **text;
	size_t n, capseq, captext;
	size_t bad;
};

static void
seen_record(const struct event *ev, void *ctx)
{
	struct seen *s = ctx;

	s->seq = xgrow(s->seq, &s->capseq, s->n + 1, sizeof *s->seq);
	s->text = xgrow(s->text, &s->captext, s->n + 1, sizeof *s->text);
	s->seq[s->n] = ev->seq;
	s->text[s->n++] = xstrdup(ev->text);
}

static void
seen_bad(unsigned long line, const char *why, void *ctx)
{
	struct seen *s = ctx;

	print_message("bad record at line %lu: %s\n", line, why);
	s->bad++;
}

static void
seen_free(struct seen *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->text[i]);
	free(s->seq);
	free(s->text);
	memset(s, 0, sizeof *s);
}

static void
read_fresh(const char *path, struct seen *s)
{
	struct journal *j = journal_open(path, 1, NULL);
	char *err = NULL;

	assert_non_null(j);
	if (journal_read(j, seen_record, seen_bad, s, &err) < 0)
		fail_msg("%s", err);
	journal_close(j);
}

/* --- writing from a child ------------------------------------------------ */

struct one {
	char text[256];
	size_t pad;
};

static int
build_one(struct journal_batch *b, void *ctx, char **err)
{
	struct one *o = ctx;
	struct event ev;
	char *text;

	(void)err;
	memset(&ev, 0, sizeof ev);
	text = xmalloc(strlen(o->text) + o->pad + 1);
	strcpy(text, o->text);
	memset(text + strlen(o->text), '.', o->pad);
	text[strlen(o->text) + o->pad] = '\0';
	ev.type = EV_IDEA;
	ev.actor = "p1";
	ev.terminal = "test";
	ev.id = "i";
	ev.text = text;
	journal_batch_add(b, &ev);
	free(text);
	return 0;
}

static int
child_append(struct journal *j, struct one *o, int ackfd, uint32_t who,
    uint32_t k)
{
	struct ack a;
	char *err = NULL;

	if (journal_append(j, build_one, o, NULL, NULL, NULL, 0, &err) != 0) {
		fprintf(stderr, "child %u: %s\n", who, err);
		return -1;
	}
	a.who = who;
	a.k = k;
	a.seq = journal_last_seq(j);
	/* under PIPE_BUF: one write is atomic */
	return write(ackfd, &a, sizeof a) == sizeof a ? 0 : -1;
}

static void
many_writers_child(const char *path, int ackfd, uint32_t who)
{
	struct journal *j = journal_open(path, 0, NULL);
	struct one o;
	uint32_t k;

	if (j == NULL)
		_exit(2);
	for (k = 0; k < PER_CHILD; k++) {
		snprintf(o.text, sizeof o.text, "child %u record %u|", who, k);
		o.pad = (who * 31 + k * 17) % 300;
		if (child_append(j, &o, ackfd, who, k) != 0)
			_exit(3);
	}
	journal_close(j);
	_exit(0);
}

static int
read_acks(int fd, struct ack **acks, size_t *n, size_t *cap)
{
	struct ack buf[64];
	ssize_t got;
	size_t i;

	got = read(fd, buf, sizeof buf);
	if (got <= 0)
		return got == 0 || errno == EAGAIN ? (int)got : -1;
	assert_int_equal(got % (ssize_t)sizeof buf[0], 0);
	for (i = 0; i < (size_t)got / sizeof buf[0]; i++) {
		*acks = xgrow(*acks, cap, *n + 1, sizeof **acks);
		(*acks)[(*n)++] = buf[i];
	}
	return 1;
}

/* Every acknowledged record is the one at its seq, intact. */
static void
check_acks(const struct seen *s, const struct ack *acks, size_t nacks,
    const char *word)
{
	char want[256];
	size_t i, len;

	for (i = 0; i < nacks; i++) {
		assert_true(acks[i].seq >= 1 && acks[i].seq <= s->n);
		snprintf(want, sizeof want, "%s %u record %u|", word,
		    acks[i].who, acks[i].k);
		len = strlen(want);
		if (strncmp(s->text[acks[i].seq - 1], want, len) != 0)
			fail_msg("seq %" PRIu64 ": %.60s, want %s", acks[i].seq,
			    s->text[acks[i].seq - 1], want);
	}
}

/* Seqs run 1..n without gaps, and every text is a prefix and dots. */
static void
check_sequence(const struct seen *s)
{
	const char *bar;
	size_t i;

	for (i = 0; i < s->n; i++) {
		assert_int_equal(s->seq[i], i + 1);
		bar = strchr(s->text[i], '|');
		if (bar == NULL)
			continue;	/* the final record of the kill test */
		assert_int_equal(strspn(bar + 1, "."), strlen(bar + 1));
	}
}

static void
test_many_writers(void **state)
{
	struct fx *f = *state;
	struct journal *follower = journal_open(f->path, 1, NULL);
	struct seen live = { 0 }, fresh = { 0 };
	struct ack *acks = NULL;
	size_t nacks = 0, capacks = 0, i;
	unsigned char once[CHILDREN][PER_CHILD];
	unsigned who, k;
	struct pollfd p;
	pid_t pids[CHILDREN];
	int pipefd[2], status, r;
	char *err = NULL;

	assert_int_equal(pipe(pipefd), 0);
	for (who = 0; who < CHILDREN; who++) {
		pids[who] = fork();
		assert_true(pids[who] >= 0);
		if (pids[who] == 0) {
			close(pipefd[0]);
			many_writers_child(f->path, pipefd[1], who);
		}
	}
	close(pipefd[1]);
	/* Follow the journal while the children write, by polling. */
	p.fd = pipefd[0];
	p.events = POLLIN;
	for (;;) {
		if (poll(&p, 1, 5) > 0) {
			if ((r = read_acks(pipefd[0], &acks, &nacks,
			    &capacks)) == 0)
				break;
			assert_true(r > 0);
		}
		if (journal_changed(follower, &err) == 1)
			assert_true(journal_read(follower, seen_record,
			    seen_bad, &live, &err) >= 0);
	}
	close(pipefd[0]);
	for (who = 0; who < CHILDREN; who++) {
		assert_int_equal(waitpid(pids[who], &status, 0), pids[who]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_true(journal_read(follower, seen_record, seen_bad, &live,
	    &err) >= 0);
	journal_close(follower);

	assert_int_equal(nacks, CHILDREN * PER_CHILD);
	read_fresh(f->path, &fresh);
	assert_int_equal(fresh.bad, 0);
	assert_int_equal(live.bad, 0);
	assert_int_equal(fresh.n, CHILDREN * PER_CHILD);
	assert_int_equal(live.n, fresh.n);
	check_sequence(&fresh);
	memset(once, 0, sizeof once);
	for (i = 0; i < fresh.n; i++) {
		assert_string_equal(live.text[i], fresh.text[i]);
		assert_int_equal(sscanf(fresh.text[i], "child %u record %u|",
		    &who, &k), 2);
		assert_true(who < CHILDREN && k < PER_CHILD);
		assert_int_equal(once[who][k]++, 0);
	}
	check_acks(&fresh, acks, nacks, "child");
	free(acks);
	seen_free(&live);
	seen_free(&fresh);
}

/* --- kill -9 ------------------------------------------------------------- */

static void
doomed_child(const char *path, int ackfd, uint32_t round)
{
	struct journal *j = journal_open(path, 0, NULL);
	struct one o;
	uint32_t k;

	if (j == NULL)
		_exit(2);
	for (k = 0;; k++) {
		snprintf(o.text, sizeof o.text, "round %u record %u|", round, k);
		/* some big records, so that kills land inside write(2) */
		o.pad = k % 4 == 3 ? 256 * 1024 + k * 37 % 4096 : k * 53 % 2000;
		if (child_append(j, &o, ackfd, round, k) != 0)
			_exit(3);
	}
}

/* A writer that dies inside write(2), as a SIGKILL can catch one: it
 * holds the lock, gets part of a record out and is gone.  (A real kill
 * lands inside write(2) only now and then; most land in fsync.)  Every
 * other such crash is cut just after a line break inside the text, the
 * case where a torn tail ends in '\n'. */
static int
build_nothing(struct journal_batch *b, void *ctx, char **err)
{
	(void)b;
	(void)ctx;
	(void)err;
	return 0;
}

static void
crashing_child(const char *path, uint32_t round)
{
	struct journal *j = journal_open(path, 0, NULL);
	char torn[256];
	int fd = open(path, O_WRONLY | O_APPEND), n;

	/* First what every writer does: catch up and repair a torn tail (an
	 * empty batch writes nothing).  Then the crash. */
	if (j == NULL || journal_append(j, build_nothing, NULL, NULL, NULL,
	    NULL, 0, NULL) != 0)
		_exit(2);
	if (fd < 0 || flock(fd, LOCK_EX) != 0)
		_exit(2);
	n = snprintf(torn, sizeof torn, "\"999\",\"2026-11-26T09:00:00.000Z\","
	    "\"p1\",\"test\",\"idea\",\"i\",\"\",\"\",\"\",\"round %u torn|%s",
	    round, round % 2 ? "line\r\n" : "...");
	if (write(fd, torn, (size_t)n) != n)
		_exit(2);
	raise(SIGKILL);
	_exit(2);
}

static size_t
torn_bytes(const char *path)
{
	struct journal *j = journal_open(path, 1, NULL);
	struct stat st;
	size_t torn;

	assert_non_null(j);
	assert_true(journal_read(j, NULL, NULL, NULL, NULL) >= 0);
	assert_int_equal(stat(path, &st), 0);
	torn = (size_t)(st.st_size - journal_offset(j));
	journal_close(j);
	return torn;
}

/* Reads acks for `ms` milliseconds. */
static void
collect_acks(int fd, long ms, struct ack **acks, size_t *n, size_t *cap)
{
	struct timespec t0, t;
	struct pollfd p;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	p.fd = fd;
	p.events = POLLIN;
	do {
		if (poll(&p, 1, 1) > 0 && read_acks(fd, acks, n, cap) == 0)
			p.fd = -1;	/* it died on its own */
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while ((t.tv_sec - t0.tv_sec) * 1000 +
	    (t.tv_nsec - t0.tv_nsec) / 1000000 < ms);
}

static void
test_kill_9(void **state)
{
	struct fx *f = *state;
	struct ack *acks = NULL;
	size_t nacks = 0, capacks = 0, torn_seen = 0;
	struct seen s = { 0 };
	struct one o;
	struct journal *j;
	unsigned seed = (unsigned)getpid(), round;
	int pipefd[2], status;
	pid_t pid;

	for (round = 0; round < KILL_ROUNDS; round++) {
		assert_int_equal(pipe(pipefd), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(pipefd[0]);
			if (round % 3 == 2)
				crashing_child(f->path, round);
			doomed_child(f->path, pipefd[1], round);
		}
		close(pipefd[1]);
		if (round % 3 != 2) {	/* the crashing child dies alone */
			collect_acks(pipefd[0], 30 + rand_r(&seed) % 150,
			    &acks, &nacks, &capacks);
			assert_int_equal(kill(pid, SIGKILL), 0);
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		while (read_acks(pipefd[0], &acks, &nacks, &capacks) > 0)
			;
		close(pipefd[0]);
		if (torn_bytes(f->path) > 0)
			torn_seen++;
	}
	print_message("kill -9: %zu acknowledged records, %zu of %d kills "
	    "left a torn tail\n", nacks, torn_seen, KILL_ROUNDS);
	assert_true(nacks > 0);
	assert_true(torn_seen >= KILL_ROUNDS / 3);

	/* Before any repair: a torn tail is held back, never reported. */
	read_fresh(f->path, &s);
	assert_int_equal(s.bad, 0);
	check_sequence(&s);
	check_acks(&s, acks, nacks, "round");
	seen_free(&s);

	/* The next append repairs the tail; everything acknowledged stays. */
	j = journal_open(f->path, 0, NULL);
	snprintf(o.text, sizeof o.text, "final");
	o.pad = 0;
	assert_int_equal(journal_append(j, build_one, &o, NULL, NULL, NULL, 0,
	    NULL), 0);
	journal_close(j);
	assert_int_equal(torn_bytes(f->path), 0);
	read_fresh(f->path, &s);
	assert_int_equal(s.bad, 0);
	check_sequence(&s);
	check_acks(&s, acks, nacks, "round");
	assert_string_equal(s.text[s.n - 1], "final");
	seen_free(&s);
	free(acks);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_many_writers),
		T(test_kill_9),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
