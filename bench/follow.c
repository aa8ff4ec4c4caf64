/*
 * follow.c -- follow_p99_ms and follow_p99_ms_500.
 *
 *   follow SESSION [FOLLOWERS [IDEAS [ROW]]]    (default 200, 100 and
 *                                                follow_p99_ms)
 *
 * Forks FOLLOWERS processes that each open the session (session_open:
 * settings, module, replay) and then follow the journal exactly as the
 * screens' loop does (screens/app.c): one poll() on the descriptor of
 * journal_watch_fd() (dnotify's signalfd, else inotify), or, when it has
 * none, a poll() timeout of 100 ms and a look at the file's size;
 * then journal_changed() and session_refresh(), which applies the new
 * records to the state.  After each refresh a follower looks at the ideas
 * the state gained and notes, in memory shared with the parent, the
 * CLOCK_MONOTONIC time at which it had applied each benchmark idea.
 *
 * The parent, once every follower is ready, adds IDEAS ideas with
 * cmd_idea (the command `convene idea` and the participant screen use),
 * 200 to 300 ms apart (varied, so the additions fall at every phase of the
 * followers' polling), noting the time just before each command starts.
 * An idea's latency is the time until the LAST of the followers has
 * applied it; the row is the 99th percentile (nearest rank) of those
 * latencies over the IDEAS ideas.  The followers do not draw: drawing is
 * the screens' cost, measured by first_frame_ms.
 *
 * FOLLOW_SKIP=dnotify (or dnotify,inotify) in the environment makes the
 * followers skip those ways of watching, to compare them on one machine.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "journal.h"
#include "journal_test.h"
#include "session.h"
#include "util.h"

#define POLL_FALLBACK_MS 100
#define MARK "follow-bench "
#define FOLLOWER_TIMEOUT_S 120

struct shared {
	unsigned followers, ideas;
	int64_t *sent;		/* [ideas]: ns before the command started */
	int64_t *applied;	/* [followers][ideas]: ns, 0 = never */
	int *kind;		/* [followers]: its enum journal_watch */
	int64_t *cpu;		/* [followers]: CPU ns spent following */
	unsigned *wakes;	/* [followers]: how often poll() returned */
};

static int64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t
cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static void
sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* Notes the benchmark ideas among ideas[from..]; returns 1 when the last
 * one (number IDEAS, the stop mark) was among them. */
static int
note_new_ideas(const struct state *st, size_t from, struct shared *sh,
    unsigned f, int64_t t)
{
	const char *text;
	unsigned k;
	size_t i;
	int stop = 0;

	for (i = from; i < st->nideas; i++) {
		text = state_idea_text(st, (int)i);
		if (strncmp(text, MARK, strlen(MARK)) != 0 ||
		    sscanf(text + strlen(MARK), "%u", &k) != 1)
			continue;
		if (k < sh->ideas)
			sh->applied[(size_t)f * sh->ideas + k] = t;
		else
			stop = 1;
	}
	return stop;
}

/* One follower: the screens' loop without the screen. */
static int
follower(const char *dir, struct shared *sh, unsigned f, int ready_fd)
{
	struct session *s;
	struct pollfd pfd;
	char *err = NULL;
	size_t before;
	int64_t cpu0;
	int wfd, c, stop = 0;

	alarm(FOLLOWER_TIMEOUT_S);
	if ((s = session_open(dir, 0, &err)) == NULL) {
		fprintf(stderr, "follow: %s\n", err);
		return 1;
	}
	wfd = journal_watch_fd(s->journal);
	sh->kind[f] = (int)journal_watch_kind(s->journal);
	if (write(ready_fd, "r", 1) != 1)
		return 1;
	close(ready_fd);
	cpu0 = cpu_ns();
	while (!stop) {
		pfd.fd = wfd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (wfd >= 0 && poll(&pfd, 1, -1) < 0 && errno != EINTR)
			break;
		if (wfd < 0)
			poll(NULL, 0, POLL_FALLBACK_MS);
		sh->wakes[f]++;
		if ((c = journal_changed(s->journal, &err)) == 0)
			continue;
		before = s->state->nideas;
		if (c < 0 || session_refresh(s, &err) < 0) {
			fprintf(stderr, "follow: %s\n", err);
			break;
		}
		stop = note_new_ideas(s->state, before, sh, f, mono_ns());
	}
	sh->cpu[f] = cpu_ns() - cpu0;
	session_close(s);
	return stop ? 0 : 1;
}

/* The writer: adds the ideas (and a last one that tells the followers to
 * stop).  Returns 0 when every command succeeded. */
static int
writer(const char *dir, struct shared *sh)
{
	struct session *s;
	char *err = NULL, text[64];
	unsigned k;
	int rc = 0;

	if ((s = session_open(dir, 0, &err)) == NULL) {
		fprintf(stderr, "follow: %s\n", err);
		return 1;
	}
	srand(42);
	for (k = 0; k <= sh->ideas && rc == 0; k++) {
		sleep_ms(200 + rand() % 100);
		snprintf(text, sizeof text, MARK "%u", k);
		if (k < sh->ideas)
			sh->sent[k] = mono_ns();
		if ((rc = cmd_idea(s, ACTOR_FACILITATOR, NULL, text, NULL,
		    &err)) != 0)
			fprintf(stderr, "follow: %s\n", err);
	}
	free(err);
	session_close(s);
	return rc;
}

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Each idea's latency until the last follower had it; -1 when some
 * follower never applied it. */
static int
latencies(const struct shared *sh, int64_t *lat)
{
	unsigned k, f;
	int64_t t;

	for (k = 0; k < sh->ideas; k++) {
		lat[k] = 0;
		for (f = 0; f < sh->followers; f++) {
			t = sh->applied[(size_t)f * sh->ideas + k];
			if (t == 0) {
				fprintf(stderr, "follow: follower %u never "
				    "applied idea %u\n", f, k);
				return -1;
			}
			if (t - sh->sent[k] > lat[k])
				lat[k] = t - sh->sent[k];
		}
	}
	qsort(lat, sh->ideas, sizeof *lat, cmp_i64);
	return 0;
}

static void *
shared_alloc(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("follow: mmap");
		exit(3);
	}
	return p;
}

/* Starts the followers and waits until each is ready; returns how many
 * started. */
static unsigned
start_followers(const char *dir, struct shared *sh)
{
	int ready[2];
	unsigned f, n = 0;
	ssize_t got;
	char c;
	pid_t pid;

	if (pipe(ready) != 0)
		return 0;
	for (f = 0; f < sh->followers; f++) {
		if ((pid = fork()) < 0)
			break;
		if (pid == 0) {
			close(ready[0]);
			_exit(follower(dir, sh, f, ready[1]));
		}
	}
	close(ready[1]);
	/* each follower writes one byte when ready; EOF when all have
	 * written or died */
	while (n < f && ((got = read(ready[0], &c, 1)) == 1 ||
	    (got < 0 && errno == EINTR)))
		n += got == 1;
	close(ready[0]);
	return n;
}

int
main(int argc, char **argv)
{
	struct shared sh = { 200, 100, NULL, NULL, NULL, NULL, NULL };
	double cpu = 0, wakes = 0;
	unsigned started, f, n[3] = { 0, 0, 0 };
	const char *name = "follow_p99_ms";
	int64_t *lat;
	int status, failed = 0;
	size_t p99;

	if (argc < 2) {
		fputs("usage: follow SESSION [FOLLOWERS [IDEAS [ROW]]]\n",
		    stderr);
		return 2;
	}
	if (argc > 2)
		sh.followers = (unsigned)atoi(argv[2]);
	if (argc > 3)
		sh.ideas = (unsigned)atoi(argv[3]);
	if (argc > 4)
		name = argv[4];
	if (getenv("FOLLOW_SKIP") != NULL)
		journal_test_watch_skip(strstr(getenv("FOLLOW_SKIP"),
		    "dnotify") != NULL, strstr(getenv("FOLLOW_SKIP"),
		    "inotify") != NULL);
	if (sh.followers == 0 || sh.ideas == 0)
		return 2;
	sh.sent = shared_alloc(sh.ideas * sizeof *sh.sent);
	sh.applied = shared_alloc((size_t)sh.followers * sh.ideas *
	    sizeof *sh.applied);
	sh.kind = shared_alloc(sh.followers * sizeof *sh.kind);
	sh.cpu = shared_alloc(sh.followers * sizeof *sh.cpu);
	sh.wakes = shared_alloc(sh.followers * sizeof *sh.wakes);
	started = start_followers(argv[1], &sh);
	if (started < sh.followers) {
		fprintf(stderr, "follow: only %u of %u followers started\n",
		    started, sh.followers);
		return 3;
	}
	if (writer(argv[1], &sh) != 0)
		return 3;
	while (wait(&status) > 0 || errno == EINTR)
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed++;
	lat = xcalloc(sh.ideas, sizeof *lat);
	if (failed > 0 || latencies(&sh, lat) != 0) {
		fprintf(stderr, "follow: %d followers failed\n", failed);
		return 3;
	}
	for (f = 0; f < sh.followers; f++) {
		n[sh.kind[f] >= 0 && sh.kind[f] < 3 ? sh.kind[f] : 0]++;
		cpu += (double)sh.cpu[f];
		wakes += sh.wakes[f];
	}
	/* nearest rank: the smallest value with 99% at or below it */
	p99 = (sh.ideas * 99 + 99) / 100 - 1;
	fprintf(stderr, "follow: %u followers (%u by dnotify, %u by inotify, "
	    "%u polling every %d ms); until the last follower: median %.1f "
	    "ms, p99 %.1f ms, max %.1f ms\n", sh.followers,
	    n[JOURNAL_WATCH_DNOTIFY], n[JOURNAL_WATCH_INOTIFY],
	    n[JOURNAL_WATCH_POLL], POLL_FALLBACK_MS, lat[sh.ideas / 2] / 1e6,
	    lat[p99] / 1e6, lat[sh.ideas - 1] / 1e6);
	/* the stop mark is one idea more */
	fprintf(stderr, "follow: following cost %.1f us of CPU per follower "
	    "and idea (%.1f wake-ups per idea, %.1f us each)\n",
	    cpu / 1e3 / sh.followers / (sh.ideas + 1),
	    wakes / sh.followers / (sh.ideas + 1), cpu / 1e3 / wakes);
	printf("%s\t%.1f\tms\tan idea added (cmd_idea) until each of %u "
	    "following processes of one user has applied it (%u by dnotify, "
	    "%u by inotify, %u polling); p99 over %u ideas\n", name,
	    lat[p99] / 1e6, sh.followers, n[JOURNAL_WATCH_DNOTIFY],
	    n[JOURNAL_WATCH_INOTIFY], n[JOURNAL_WATCH_POLL], sh.ideas);
	free(lat);
	return 0;
}
