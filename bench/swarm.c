/*
 * swarm.c -- many participant terminals started together on one session.
 *
 *   swarm N SESSION CONVENE [TIMEOUT_S]
 *
 * Starts N `CONVENE join SESSION --as pK` (K = 1..N, cycling through the
 * first 150 participants), each in a pseudo-terminal of its own of 100 x
 * 30 (TERM=xterm-256color, LANG=C.UTF-8), all at once, and reads what they
 * write as bench/pty.c does, until every one has drawn its first frame
 * (its key bar's "q quit" written).  Then, a second later, sums their
 * proportional set sizes (Pss in /proc/PID/smaps_rollup: each shared page
 * divided among the processes that map it), stops them all and prints
 * "key value" lines:
 *
 *   all_s       from just before the first fork to the last first frame
 *   pss_mb      the terminals' Pss together
 *   anon_kb     their RssAnon (own memory), on average
 *   file_kb     their RssFile (mapped files), on average
 *
 * Exits 1 when a terminal drew no frame within TIMEOUT_S (default 60).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "joinpty.h"
#include "util.h"

#define MAX_TERMS 1000
#define MARK "qquit"		/* "q quit" with the spaces taken out */

struct term {
	pid_t pid;
	int master;
	int done;
	char tail[64];		/* the last letters written, escapes out */
	size_t len;
	int esc;		/* in an escape sequence: 1 ESC, 2 CSI, 3 OSC */
};

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Keeps the printable letters (no escapes, controls or spaces) and says
 * when the mark has come. */
static void
feed(struct term *t, const unsigned char *p, size_t n)
{
	for (; n > 0 && !t->done; p++, n--) {
		if (t->esc == 1) {
			t->esc = *p == '[' ? 2 : *p == ']' ? 3 : 0;
			continue;
		}
		if (t->esc == 2) {
			if (*p >= 0x40 && *p <= 0x7e)
				t->esc = 0;
			continue;
		}
		if (t->esc == 3) {
			if (*p == 0x07 || *p == '\\')
				t->esc = 0;
			continue;
		}
		if (*p == 0x1b) {
			t->esc = 1;
			continue;
		}
		if (*p <= ' ' || *p == 0x7f)
			continue;
		if (t->len + 1 >= sizeof t->tail) {
			memmove(t->tail, t->tail + t->len - 8, 8);
			t->len = 8;
		}
		t->tail[t->len++] = (char)*p;
		t->tail[t->len] = '\0';
		if (strstr(t->tail, MARK) != NULL)
			t->done = 1;
	}
}

static long
smaps_kb(pid_t pid, const char *file, const char *key)
{
	char path[64], line[256];
	size_t n = strlen(key);
	long v = 0;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/%s", (long)pid, file);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	fclose(f);
	return v;
}

/* Reads whatever the terminals wrote, for up to ms. */
static void
pump(struct term *t, int n, struct pollfd *fds, int ms)
{
	unsigned char buf[8192];
	ssize_t got;
	int i;

	for (i = 0; i < n; i++) {
		fds[i].fd = t[i].master;
		fds[i].events = POLLIN;
		fds[i].revents = 0;
	}
	if (poll(fds, (nfds_t)n, ms) <= 0)
		return;
	for (i = 0; i < n; i++)
		if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
			got = read(t[i].master, buf, sizeof buf);
			if (got > 0)
				feed(&t[i], buf, (size_t)got);
			else if (got < 0 && errno != EAGAIN && errno != EINTR)
				t[i].master = -1;	/* closed: no frame */
		}
}

int
main(int argc, char **argv)
{
	static struct term t[MAX_TERMS];
	static struct pollfd fds[MAX_TERMS];
	int n = argc > 3 ? atoi(argv[1]) : 0, i, done = 0, status;
	double t0, t_all, deadline;
	long pss = 0, anon = 0, file = 0;

	if (argc < 4 || n < 1 || n > MAX_TERMS) {
		fputs("usage: swarm N SESSION CONVENE [TIMEOUT_S]\n", stderr);
		return 2;
	}
	t0 = now_s();
	deadline = t0 + (argc > 4 ? atof(argv[4]) : 60);
	for (i = 0; i < n; i++)
		if ((t[i].pid = join_pty_spawn(argv[3], argv[2], i % 150 + 1,
		    &t[i].master)) < 0) {
			perror("swarm: forkpty");
			return 3;
		}
	while (done < n && now_s() < deadline) {
		pump(t, n, fds, 100);
		for (done = 0, i = 0; i < n; i++)
			done += t[i].done;
	}
	t_all = now_s() - t0;
	if (done == n) {
		/* a second for the writes after the frame to settle */
		for (deadline = now_s() + 1; now_s() < deadline;)
			pump(t, n, fds, 100);
		for (i = 0; i < n; i++) {
			pss += smaps_kb(t[i].pid, "smaps_rollup", "Pss");
			anon += smaps_kb(t[i].pid, "status", "RssAnon");
			file += smaps_kb(t[i].pid, "status", "RssFile");
		}
		printf("all_s %.2f\npss_mb %.0f\nanon_kb %ld\nfile_kb %ld\n",
		    t_all, pss / 1024.0, anon / n, file / n);
	} else
		fprintf(stderr, "swarm: %d of %d terminals drew a frame in "
		    "%.0f s\n", done, n, t_all);
	for (i = 0; i < n; i++)
		kill(t[i].pid, SIGTERM);
	for (i = 0; i < n; i++) {
		waitpid(t[i].pid, &status, 0);
		if (t[i].master >= 0)
			close(t[i].master);
	}
	return done == n ? 0 : 1;
}
