/*
 * ckstart.c -- one process starting on a large session with and without
 * its checkpoint (checkpoint.h).
 *
 *   ckstart SESSION
 *
 * Each measurement runs in a child of its own, so that what one leaves
 * behind in the heap does not count in the next:
 *   1. session_open as a participant terminal opens it (idea texts read
 *      back from the journal), the checkpoint turned off: the full replay;
 *      then that process writes the checkpoint (session_checkpoint_write);
 *   2. session_open again: from the checkpoint and the journal's tail.
 * For each: the time session_open took, and the process's own memory
 * (RssAnon) and what it maps from files (RssFile: the binary, libraries,
 * and in 2. the checkpoint, shared with every other terminal).  Prints
 * rows: name, value, unit, what (tab-separated).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint.h"
#include "session.h"
#include "util.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
status_kb(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long v = -1;
	size_t n = strlen(key);

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, key, n) == 0 && line[n] == ':')
			v = strtol(line + n + 1, NULL, 10);
	if (f != NULL)
		fclose(f);
	return v;
}

/* Opens, measures, prints "full|ckpt ms anon_kb file_kb records". */
static int
measure(const char *dir, int full)
{
	char *err = NULL;
	double t0, t;
	struct session *s;

	if (full)
		setenv("CONVENE_NO_CHECKPOINT", "1", 1);
	t0 = now_ms();
	s = session_open_with(dir, SESSION_READ_ONLY | SESSION_TEXTS_ON_DEMAND,
	    &err);
	t = now_ms() - t0;
	if (s == NULL) {
		fprintf(stderr, "ckstart: %s\n", err);
		return 3;
	}
	if (!full && !s->from_checkpoint) {
		fprintf(stderr, "ckstart: no checkpoint taken: %s\n",
		    s->checkpoint_why != NULL ? s->checkpoint_why : "none");
		return 3;
	}
	printf("%s %.1f %ld %ld %ld\n", full ? "full" : "ckpt", t,
	    status_kb("RssAnon"), status_kb("RssFile"), s->replayed);
	fflush(stdout);
	if (full) {
		unsetenv("CONVENE_NO_CHECKPOINT");
		t0 = now_ms();
		if (session_checkpoint_write(s, &err) != 0) {
			fprintf(stderr, "ckstart: %s\n", err);
			return 3;
		}
		printf("write %.1f\n", now_ms() - t0);
	}
	session_close(s);
	return 0;
}

static int
in_child(const char *dir, int full)
{
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(measure(dir, full));
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	char *path;
	struct stat sb;

	if (argc != 2) {
		fputs("usage: ckstart SESSION\n", stderr);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (in_child(argv[1], 1) != 0 || in_child(argv[1], 0) != 0)
		return 3;
	path = path_join(argv[1], CHECKPOINT_NAME);
	if (stat(path, &sb) == 0)
		printf("size %.1f\n", sb.st_size / 1e6);
	free(path);
	return 0;
}
