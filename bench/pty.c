/*
 * pty.c -- runs a screen of convene in a pseudo-terminal and measures it.
 *
 *   pty [-c COLS] [-r ROWS] [-m MARK]... [-s SETTLE_MS] [-i IDLE_S]
 *       [-t TIMEOUT_S] [-x FILE] [-o FILE] -- COMMAND [ARG...]
 *
 * Starts COMMAND on a new pseudo-terminal of COLS x ROWS (default 100 x
 * 30; TERM=xterm-256color, LANG=C.UTF-8, no LINES or COLUMNS) and reads
 * everything it writes, as a terminal emulator would, then prints
 * "key value" lines on stdout:
 *
 *   frame_ms     from just before fork+exec to the first complete frame:
 *                the read after which every MARK has been written.  The
 *                marks are matched against the text the program wrote with
 *                escape sequences, control characters and spaces removed
 *                (curses moves the cursor over blanks rather than writing
 *                them, and changes colour inside a line), so a mark
 *                matches once its characters have all reached the terminal
 *                in order.  Choose marks on the last rows curses draws (it
 *                writes from top to bottom) to mean "the whole frame".
 *   frame_bytes  the bytes written up to the frame, and any that follow it
 *                within 50 ms (the rest of the same update).
 *   idle_bytes_per_min, idle_cpu_pct
 *                after SETTLE_MS more (default 2000), for IDLE_S seconds
 *                (0: not measured): bytes written, scaled to a minute, and
 *                the CPU time the process used (/proc/PID/schedstat, in
 *                ns) as a percentage of one core.
 *   rss_kb       VmRSS of the process at the end (/proc/PID/status), and
 *   rss_anon_kb  its two parts: RssAnon, the process's own memory (heap,
 *   rss_file_kb  anonymous mappings, stack), and RssFile, the pages of the
 *                binary, the shared libraries and the locale that it has
 *                mapped (shared with every other process that maps them).
 *
 * With -x FILE, after the idle time, each line of FILE is run as a shell
 * command (a journal change: `convene present ...`), and what the program
 * writes in answer is read until it has been quiet for QUIET_MS; a line
 * that starts with "!" is run the same way but not measured (it prepares
 * the next), every other prints "action_bytes N" (in the file's order).
 *
 * With -o, everything the program wrote is saved in FILE too, to look at
 * (`cat FILE` in a 100 x 30 terminal replays it).
 *
 * Then sends SIGTERM (SIGKILL 3 s later) and waits.  Exits 1 when the
 * frame did not come within TIMEOUT_S (default 10) seconds.
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

#include "joinpty.h"
#include "procstat.h"
#include "screentext.h"
#include "util.h"

#define MAX_MARKS 8
#define FRAME_TAIL_MS 50
#define QUIET_MS 300		/* -x: the answer to a change is over */
#define ACTION_MAX_MS 5000

struct opts {
	unsigned short cols, rows;
	const char *marks[MAX_MARKS];
	int nmarks;
	long settle_ms, idle_s, timeout_s;
	const char *actions;	/* -x FILE, or NULL */
	char **argv;
};

/* Where a copy of the output goes (-o), or -1. */
static int save_fd = -1;

static int64_t
mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int
all_marks(const struct screen_text *t, char **marks, int n)
{
	int i;

	if (t->text == NULL)
		return n == 0;
	for (i = 0; i < n; i++)
		if (strstr(t->text, marks[i]) == NULL)
			return 0;
	return 1;
}

/* Reads what is there, waiting up to ms; returns bytes read, 0 on timeout,
 * -1 when the program closed the terminal. */
static long
read_some(int fd, struct screen_text *t, int ms)
{
	unsigned char buf[65536];
	struct pollfd pfd = { fd, POLLIN, 0 };
	ssize_t n;
	int r;

	r = poll(&pfd, 1, ms);
	if (r < 0)
		return errno == EINTR ? 0 : -1;
	if (r == 0)
		return 0;
	n = read(fd, buf, sizeof buf);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -1;
	if (n == 0)
		return -1;
	if (save_fd >= 0 && write(save_fd, buf, (size_t)n) != n)
		save_fd = -1;
	if (t != NULL)
		text_feed(t, buf, (size_t)n);
	return n;
}

/* Reads for ms milliseconds; returns the bytes read, or -1 when the
 * program is gone. */
static long
read_for(int fd, int64_t ms)
{
	int64_t end = mono_ns() + ms * 1000000;
	long total = 0, n;
	int64_t left;

	while ((left = end - mono_ns()) > 0) {
		if ((n = read_some(fd, NULL, (int)(left / 1000000) + 1)) < 0)
			return -1;
		total += n;
	}
	return total;
}

/* A "Key: N kB" line of /proc/PID/status, or -1. */
static long
status_kb(pid_t pid, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/status", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, key, klen) == 0 && line[klen] == ':') {
			kb = atol(line + klen + 1);
			break;
		}
	fclose(f);
	return kb;
}

static pid_t
spawn(const struct opts *o, int *master)
{
	struct winsize ws = { o->rows, o->cols, 0, 0 };
	pid_t pid = forkpty(master, NULL, NULL, &ws);

	if (pid == 0) {
		bench_terminal_env();
		execvp(o->argv[0], o->argv);
		perror(o->argv[0]);
		_exit(127);
	}
	return pid;
}

static void
stop(pid_t pid, int master)
{
	int64_t end;
	int status;

	kill(pid, SIGTERM);
	end = mono_ns() + 3000000000LL;
	while (waitpid(pid, &status, WNOHANG) == 0) {
		if (mono_ns() > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			break;
		}
		if (read_some(master, NULL, 20) < 0)
			usleep(10000);
	}
	close(master);
}

/* Waits for the frame; returns its time in ns after t0, or -1. */
static int64_t
wait_frame(const struct opts *o, int master, int64_t t0, long *bytes)
{
	struct screen_text t = { NULL, 0, 0, S_TEXT };
	char *marks[MAX_MARKS];
	int64_t frame = -1, deadline = t0 + o->timeout_s * 1000000000LL;
	long n;
	int i;

	for (i = 0; i < o->nmarks; i++)
		marks[i] = squeeze(o->marks[i]);
	*bytes = 0;
	while (mono_ns() < deadline) {
		if ((n = read_some(master, &t, 50)) < 0)
			break;
		*bytes += n;
		if (n > 0 && all_marks(&t, marks, o->nmarks)) {
			frame = mono_ns() - t0;
			break;
		}
	}
	/* the rest of the same update */
	while (frame >= 0 && (n = read_some(master, NULL, FRAME_TAIL_MS)) > 0)
		*bytes += n;
	if (frame < 0)
		fprintf(stderr, "pty: no frame with every mark within %ld s; "
		    "the text was:\n%s\n", o->timeout_s,
		    t.text != NULL ? t.text : "");
	for (i = 0; i < o->nmarks; i++)
		free(marks[i]);
	free(t.text);
	return frame;
}

/* Reads until the program has been quiet for QUIET_MS (or ACTION_MAX_MS
 * in all); the bytes read, -1 when it is gone. */
static long
read_until_quiet(int fd)
{
	int64_t end = mono_ns() + ACTION_MAX_MS * 1000000LL;
	long total = 0, n;

	while (mono_ns() < end) {
		if ((n = read_some(fd, NULL, QUIET_MS)) < 0)
			return -1;
		if (n == 0)
			break;
		total += n;
	}
	return total;
}

/* -x: runs each command of the file and measures what the screen writes
 * in answer; 0, or -1 when the program went away or a command failed. */
static int
run_actions(const char *file, int master)
{
	char line[4096];
	size_t len;
	long n;
	FILE *f = fopen(file, "r");

	if (f == NULL) {
		perror(file);
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (system(line[0] == '!' ? line + 1 : line) != 0) {
			fprintf(stderr, "pty: failed: %s\n", line);
			fclose(f);
			return -1;
		}
		if ((n = read_until_quiet(master)) < 0) {
			fclose(f);
			return -1;
		}
		if (line[0] != '!')
			printf("action_bytes %ld\n", n);
	}
	fclose(f);
	return 0;
}

static int
measure(const struct opts *o)
{
	int64_t t0, frame, c0, c1, w0, w1;
	long bytes, idle = 0;
	int master;
	pid_t pid;

	t0 = mono_ns();
	if ((pid = spawn(o, &master)) < 0) {
		perror("pty: forkpty");
		return 1;
	}
	frame = wait_frame(o, master, t0, &bytes);
	if (frame < 0) {
		stop(pid, master);
		return 1;
	}
	printf("frame_ms %.1f\nframe_bytes %ld\n", frame / 1e6, bytes);
	if (read_for(master, o->settle_ms) >= 0 && o->idle_s > 0) {
		w0 = mono_ns();
		c0 = cpu_ns(pid);
		idle = read_for(master, o->idle_s * 1000);
		c1 = cpu_ns(pid);
		w1 = mono_ns();
		if (idle >= 0 && c0 >= 0 && c1 >= 0)
			printf("idle_bytes_per_min %.0f\nidle_cpu_pct %.2f\n",
			    idle * 60e9 / (double)(w1 - w0),
			    100.0 * (double)(c1 - c0) / (double)(w1 - w0));
	}
	if (o->actions != NULL && run_actions(o->actions, master) != 0) {
		stop(pid, master);
		return 1;
	}
	printf("rss_kb %ld\nrss_anon_kb %ld\nrss_file_kb %ld\n",
	    status_kb(pid, "VmRSS"), status_kb(pid, "RssAnon"),
	    status_kb(pid, "RssFile"));
	fflush(stdout);
	stop(pid, master);
	return 0;
}

static void
usage(void)
{
	fputs("usage: pty [-c COLS] [-r ROWS] [-m MARK]... [-s SETTLE_MS] "
	    "[-i IDLE_S] [-t TIMEOUT_S] [-x FILE] [-o FILE] -- COMMAND "
	    "[ARG...]\n",
	    stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct opts o = { 100, 30, { NULL }, 0, 2000, 0, 10, NULL, NULL };
	int c;

	while ((c = getopt(argc, argv, "c:r:m:s:i:t:x:o:")) != -1) {
		switch (c) {
		case 'c':
			o.cols = (unsigned short)atoi(optarg);
			break;
		case 'r':
			o.rows = (unsigned short)atoi(optarg);
			break;
		case 'm':
			if (o.nmarks == MAX_MARKS)
				usage();
			o.marks[o.nmarks++] = optarg;
			break;
		case 's':
			o.settle_ms = atol(optarg);
			break;
		case 'i':
			o.idle_s = atol(optarg);
			break;
		case 't':
			o.timeout_s = atol(optarg);
			break;
		case 'x':
			o.actions = optarg;
			break;
		case 'o':
			save_fd = open(optarg, O_WRONLY | O_CREAT | O_TRUNC |
			    O_CLOEXEC, 0644);
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	o.argv = argv + optind;
	signal(SIGPIPE, SIG_IGN);
	return measure(&o);
}
