/*
 * terminals.c -- many participant terminals at once, started once for
 * several figures.
 *
 *   terminals [-n N] [-i IDEAS] [-k KEYS_S] [-b] -l LABEL CONVENE SESSION
 *
 * Starts N (default 150) `convene join SESSION --as pK` (K = 1..N), each on
 * a pseudo-terminal of its own (100 x 30, TERM=xterm-256color,
 * LANG=C.UTF-8), reads everything they write as a terminal emulator would,
 * waits until every one has drawn its first frame and they have all been
 * quiet for a while, then measures and prints rows (bench/run's format):
 *
 *   idea_cpu_ms_N_LABEL   IDEAS ideas written one at a time by p1 through
 *                         cmd_idea (this process; its CPU is not counted);
 *                         for each, the CPU time all N terminals used
 *                         (/proc/PID/schedstat) in the window after it, less
 *                         what they used in as long a window with no idea;
 *                         the median.
 *   (then, with -k, keystroke_p99_ms_N; the burst comes last)
 *   burst_N_ms (-b)       every terminal opens its editor (i), then all
 *                         are sent an idea and Enter at once; the time
 *                         until the last says "idea added", which it does
 *                         once cmd_idea has returned (the record written
 *                         and fsynced): N ideas durable, N terminals
 *                         following.
 *   keystroke_p99_ms_N (-k)
 *                         every terminal opens its editor and types a
 *                         letter every KEY_GAP_MS (each at its own phase)
 *                         for KEYS_S seconds; a key's latency is from the
 *                         write to its pseudo-terminal until its letter
 *                         comes back; the 99th percentile (nearest rank).
 *
 * With more terminals than one user may hold inotify instances (128 by
 * default), the terminals past the limit poll the journal every 100 ms
 * (DESIGN.md); as root this raises /proc/sys/fs/inotify/max_user_instances
 * for the run, puts it back afterwards, and says so in the rows.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "joinpty.h"
#include "procstat.h"
#include "screentext.h"
#include "session.h"
#include "state.h"
#include "util.h"

#define SETTLE_QUIET_MS 1500	/* start-up is over: this long quiet */
#define START_TIMEOUT_S 120
#define IDEA_WINDOW_MS 500	/* the CPU an idea costs: this window */
#define BURST_TIMEOUT_S 60
#define KEY_GAP_MS 300		/* a typist's pace: about 3 keys a second */
#define INOTIFY_PATH "/proc/sys/fs/inotify/max_user_instances"

struct term {
	pid_t pid;
	int fd;
	struct screen_text t;
	long bytes;		/* read since the last text_forget */
	int64_t sent_ns;	/* keystrokes: the key in flight, 0 none */
	char key;
	int64_t next_ns;	/* keystrokes: when the next key goes */
};

static struct term *terms;
static int nterms;
static long inotify_saved = -1;

static int64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* --- the inotify limit ---------------------------------------------------- */

static long
read_long(const char *path)
{
	long v = -1;
	FILE *f = fopen(path, "r");

	if (f == NULL)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

static int
write_long(const char *path, long v)
{
	FILE *f = fopen(path, "w");
	int rc;

	if (f == NULL)
		return -1;
	rc = fprintf(f, "%ld\n", v) > 0 ? 0 : -1;
	return fclose(f) == 0 ? rc : -1;
}

static void
inotify_restore(void)
{
	if (inotify_saved >= 0)
		write_long(INOTIFY_PATH, inotify_saved);
	inotify_saved = -1;
}

/* What became of the limit, for the rows. */
static const char *
inotify_raise(int need)
{
	static char note[160];
	long cur = read_long(INOTIFY_PATH);

	if (cur < 0 || cur >= need) {
		snprintf(note, sizeof note, "inotify limit %ld, every terminal "
		    "had inotify", cur);
		return note;
	}
	if (write_long(INOTIFY_PATH, need) == 0) {
		inotify_saved = cur;
		atexit(inotify_restore);
		snprintf(note, sizeof note, "inotify limit raised from %ld to "
		    "%d for the run", cur, need);
	} else
		snprintf(note, sizeof note, "inotify limit %ld (not root): the "
		    "terminals past it polled every 100 ms", cur);
	return note;
}

static void
on_signal(int sig)
{
	int i;

	inotify_restore();
	for (i = 0; i < nterms; i++)
		if (terms[i].pid > 0)
			kill(terms[i].pid, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* --- the terminals --------------------------------------------------------- */

static int
spawn(struct term *t, const char *convene, const char *session, int k)
{
	t->pid = join_pty_spawn(convene, session, k, &t->fd);
	if (t->pid < 0)
		return -1;
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	fcntl(t->fd, F_SETFD, FD_CLOEXEC);
	return 0;
}

/* Reads what every terminal wrote, waiting up to ms for the first byte;
 * returns the bytes read. */
static long
pump(int ms)
{
	static struct pollfd *pfd;
	unsigned char buf[65536];
	long total = 0;
	ssize_t n;
	int i;

	if (pfd == NULL)
		pfd = xcalloc((size_t)nterms, sizeof *pfd);
	for (i = 0; i < nterms; i++) {
		pfd[i].fd = terms[i].fd;
		pfd[i].events = POLLIN;
		pfd[i].revents = 0;
	}
	if (poll(pfd, (nfds_t)nterms, ms) <= 0)
		return 0;
	for (i = 0; i < nterms; i++) {
		if (!(pfd[i].revents & (POLLIN | POLLHUP)))
			continue;
		while ((n = read(terms[i].fd, buf, sizeof buf)) > 0) {
			text_feed(&terms[i].t, buf, (size_t)n);
			terms[i].bytes += n;
			total += n;
		}
	}
	return total;
}

/* Reads until no terminal has written anything for quiet_ms (or max_ms
 * in all). */
static void
pump_quiet(int quiet_ms, int64_t max_ms)
{
	int64_t end = mono_ns() + max_ms * 1000000;

	while (mono_ns() < end && pump(quiet_ms) > 0)
		;
}

/* Reads for ms milliseconds. */
static void
pump_for(int64_t ms)
{
	int64_t end = mono_ns() + ms * 1000000, left;

	while ((left = end - mono_ns()) > 0)
		pump((int)(left / 1000000) + 1);
}

static void
forget_all(void)
{
	int i;

	for (i = 0; i < nterms; i++) {
		text_forget(&terms[i].t);
		terms[i].bytes = 0;
	}
}

/* Waits until every terminal's text has the mark; the time of the last
 * (ns after t0), or -1 after timeout_s. */
static int64_t
wait_all(const char *mark, int64_t t0, long timeout_s)
{
	char *m = squeeze(mark);
	int64_t last = 0, deadline = t0 + timeout_s * 1000000000LL;
	char *seen = xcalloc((size_t)nterms, 1);
	int i, left = nterms;

	while (left > 0 && mono_ns() < deadline) {
		pump(50);
		for (i = 0; i < nterms; i++)
			if (!seen[i] && terms[i].t.text != NULL &&
			    strstr(terms[i].t.text, m) != NULL) {
				seen[i] = 1;
				left--;
				last = mono_ns() - t0;
			}
	}
	if (left > 0)
		fprintf(stderr, "terminals: %d of %d never showed \"%s\"\n",
		    left, nterms, mark);
	free(seen);
	free(m);
	return left > 0 ? -1 : last;
}

static void
send_all(const char *keys)
{
	size_t n = strlen(keys);
	int i;

	for (i = 0; i < nterms; i++)
		if (write(terms[i].fd, keys, n) != (ssize_t)n)
			fprintf(stderr, "terminals: p%d: short write\n", i + 1);
}

static int64_t
cpu_all(void)
{
	int64_t sum = 0;
	int i;

	for (i = 0; i < nterms; i++)
		sum += cpu_ns(terms[i].pid);
	return sum;
}

static void
stop_all(void)
{
	int i, status;

	for (i = 0; i < nterms; i++)
		kill(terms[i].pid, SIGTERM);
	pump_for(300);
	for (i = 0; i < nterms; i++) {
		if (waitpid(terms[i].pid, &status, WNOHANG) == 0) {
			kill(terms[i].pid, SIGKILL);
			waitpid(terms[i].pid, &status, 0);
		}
		close(terms[i].fd);
		free(terms[i].t.text);
	}
}

static int
cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return a < b ? -1 : a > b;
}

/* --- the figures ------------------------------------------------------------- */

static void
idea_cpu(struct session *s, int ideas, const char *label, const char *note)
{
	double *v = xcalloc((size_t)ideas, sizeof *v), idle;
	int64_t c0, c1;
	long shown = 0;
	char *err = NULL, text[64];
	int i, k, n = 0;

	/* what the terminals use with no idea: the least of four windows
	 * (one may see the clock's minute turn on every terminal) */
	idle = -1;
	for (i = 0; i < 4; i++) {
		c0 = cpu_all();
		pump_for(IDEA_WINDOW_MS);
		c1 = cpu_all() - c0;
		if (idle < 0 || (double)c1 < idle)
			idle = (double)c1;
	}
	for (i = 0; i < ideas; i++) {
		snprintf(text, sizeof text, "Benchmark idea %d for the room", i);
		forget_all();
		c0 = cpu_all();
		if (cmd_idea(s, "p1", NULL, text, NULL, &err) != 0) {
			fprintf(stderr, "terminals: %s\n", err);
			free(err);
			err = NULL;
			continue;
		}
		pump_for(IDEA_WINDOW_MS);
		c1 = cpu_all();
		v[n++] = ((double)(c1 - c0) - idle) / 1e6;
		for (k = 0; k < nterms; k++)
			shown += terms[k].bytes > 0;
	}
	if (n == 0) {
		printf("idea_cpu_ms_%d_%s\tn/a\tms\tnot measured: no idea "
		    "written\n", nterms, label);
		free(v);
		return;
	}
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	printf("idea_cpu_ms_%d_%s\t%.2f\tms\tCPU of %d participant terminals "
	    "(%s) per idea written by p1, less their idle CPU (%.2f ms per "
	    "%d ms window); median of %d ideas (min %.2f, max %.2f); %.1f "
	    "terminals wrote to their screen per idea; %s\n", nterms, label,
	    v[n / 2], nterms, label, idle / 1e6, IDEA_WINDOW_MS, n, v[0],
	    v[n - 1], (double)shown / n, note);
	free(v);
}

static void
burst(const char *note)
{
	int64_t t0, t;
	int i;
	char line[64];

	forget_all();
	send_all("i");
	if (wait_all("Your idea:", mono_ns(), 30) < 0) {
		printf("burst_%d_ms\tn/a\tms\tnot measured: an editor did not "
		    "open\n", nterms);
		return;
	}
	pump_quiet(300, 5000);
	forget_all();
	t0 = mono_ns();
	for (i = 0; i < nterms; i++) {
		snprintf(line, sizeof line, "Burst idea %d\r", i + 1);
		if (write(terms[i].fd, line, strlen(line)) < 0)
			fprintf(stderr, "terminals: p%d: write failed\n", i + 1);
	}
	t = wait_all("idea added", t0, BURST_TIMEOUT_S);
	if (t < 0)
		printf("burst_%d_ms\tn/a\tms\tnot measured: not every idea "
		    "was added within %d s\n", nterms, BURST_TIMEOUT_S);
	else
		printf("burst_%d_ms\t%.0f\tms\t%d participant terminals, each "
		    "in its editor, sent an idea and Enter at once: until the "
		    "last said \"idea added\" (its record written and "
		    "fsynced), %d terminals following; %s\n", nterms, t / 1e6,
		    nterms, nterms, note);
	pump_quiet(500, 10000);
}

/* The keystroke figure: every terminal types; each key's echo timed. */
static void
keystrokes(long seconds, const char *note)
{
	int64_t now, end, t0;
	double *lat = NULL;
	size_t nlat = 0, cap = 0;
	int i;
	char c;

	forget_all();
	send_all("i");
	if (wait_all("Your idea:", mono_ns(), 30) < 0) {
		printf("keystroke_p99_ms_%d\tn/a\tms\tnot measured: an editor "
		    "did not open\n", nterms);
		return;
	}
	pump_quiet(300, 5000);
	t0 = mono_ns();
	for (i = 0; i < nterms; i++) {
		terms[i].sent_ns = 0;
		terms[i].next_ns = t0 + (int64_t)i * KEY_GAP_MS * 1000000 /
		    nterms;
		terms[i].key = 'a';
	}
	end = t0 + seconds * 1000000000LL;
	while ((now = mono_ns()) < end) {
		for (i = 0; i < nterms; i++) {
			struct term *t = &terms[i];

			if (t->sent_ns == 0 && now >= t->next_ns) {
				text_forget(&t->t);
				c = t->key;
				if (write(t->fd, &c, 1) == 1)
					t->sent_ns = mono_ns();
				t->next_ns += KEY_GAP_MS * 1000000LL;
			}
		}
		pump(1);
		now = mono_ns();
		for (i = 0; i < nterms; i++) {
			struct term *t = &terms[i];

			if (t->sent_ns == 0 || t->t.text == NULL ||
			    strchr(t->t.text, t->key) == NULL)
				continue;
			lat = xgrow(lat, &cap, nlat + 1, sizeof *lat);
			lat[nlat++] = (double)(now - t->sent_ns) / 1e6;
			t->sent_ns = 0;
			t->key = t->key == 'z' ? 'a' : (char)(t->key + 1);
		}
	}
	forget_all();
	send_all("\x1b");	/* Esc: the editor closes, the draft kept */
	if (wait_all("kept as a draft", mono_ns(), 30) < 0)
		fprintf(stderr, "terminals: an editor did not close\n");
	pump_quiet(300, 5000);
	if (nlat == 0) {
		printf("keystroke_p99_ms_%d\tn/a\tms\tnot measured: no echo\n",
		    nterms);
		free(lat);
		return;
	}
	qsort(lat, nlat, sizeof *lat, cmp_double);
	printf("keystroke_p99_ms_%d\t%.1f\tms\t%d participant terminals "
	    "typing an idea at once, a key every %d ms each, for %ld s: a "
	    "key's echo (write to its pty until its letter came back), 99th "
	    "percentile of %zu keys (median %.1f, max %.1f); %s\n", nterms,
	    lat[(nlat * 99 + 99) / 100 - 1], nterms, KEY_GAP_MS, seconds, nlat,
	    lat[nlat / 2], lat[nlat - 1], note);
	free(lat);
}

static void
usage(void)
{
	fputs("usage: terminals [-n N] [-i IDEAS] [-k KEYS_S] [-b] -l LABEL "
	    "CONVENE SESSION\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *label = NULL, *note;
	struct session *s;
	int n = 150, ideas = 20, do_burst = 0, c, i;
	long keys_s = 0;
	int64_t t0, t;
	char *err = NULL;

	while ((c = getopt(argc, argv, "n:i:k:bl:")) != -1) {
		switch (c) {
		case 'n':
			n = atoi(optarg);
			break;
		case 'i':
			ideas = atoi(optarg);
			break;
		case 'k':
			keys_s = atol(optarg);
			break;
		case 'b':
			do_burst = 1;
			break;
		case 'l':
			label = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 2 || label == NULL || n < 1 || ideas < 0)
		usage();
	signal(SIGPIPE, SIG_IGN);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	note = inotify_raise(n + 64);
	if ((s = session_open(argv[optind + 1], 0, &err)) == NULL) {
		fprintf(stderr, "terminals: %s\n", err);
		return 3;
	}
	terms = xcalloc((size_t)n, sizeof *terms);
	t0 = mono_ns();
	for (i = 0; i < n; i++) {
		if (spawn(&terms[i], argv[optind], argv[optind + 1], i + 1) != 0)
			break;
		nterms++;
	}
	t = wait_all("q quit", t0, START_TIMEOUT_S);
	if (nterms < n || t < 0) {
		fprintf(stderr, "terminals: %d of %d started\n", nterms, n);
		stop_all();
		session_close(s);
		return 1;
	}
	pump_quiet(SETTLE_QUIET_MS, 60000);
	fprintf(stderr, "terminals: %d terminals drew their first frame "
	    "within %.1f s, quiet after %.1f s\n", n, t / 1e9,
	    (mono_ns() - t0) / 1e9);
	if (session_refresh(s, &err) < 0) {
		fprintf(stderr, "terminals: %s\n", err);
		free(err);
	}
	if (ideas > 0)
		idea_cpu(s, ideas, label, note);
	/* The keys before the burst: right after 150 fsyncs the file
	 * system's journal may hold up a draft's rename (a key's echo waits
	 * for the save of the key before) for a second. */
	if (keys_s > 0)
		keystrokes(keys_s, note);
	if (do_burst)
		burst(note);
	fflush(stdout);
	stop_all();
	session_close(s);
	free(terms);
	inotify_restore();
	return 0;
}
