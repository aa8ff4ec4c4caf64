/*
 * timecmd.c -- the median wall time of a command.
 *
 *   timecmd RUNS COMMAND [ARG...]
 *
 * Runs COMMAND RUNS times (stdin from /dev/null, stdout to /dev/null,
 * stderr kept), each from fork to the end of waitpid, and prints the median
 * in milliseconds alone on one line.  Exits 1 when a run fails.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 101

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One run; returns ms, or -1 when the command failed. */
static double
run_once(char **argv)
{
	double t0 = now_ms();
	int status, fd;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_RDWR)) >= 0) {
			dup2(fd, STDIN_FILENO);
			dup2(fd, STDOUT_FILENO);
		}
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "timecmd: %s failed (status %d)\n", argv[0],
		    status);
		return -1;
	}
	return now_ms() - t0;
}

int
main(int argc, char **argv)
{
	double t[MAX_RUNS];
	int runs, i;

	if (argc < 3 || (runs = atoi(argv[1])) < 1 || runs > MAX_RUNS) {
		fputs("usage: timecmd RUNS COMMAND [ARG...]\n", stderr);
		return 2;
	}
	for (i = 0; i < runs; i++)
		if ((t[i] = run_once(argv + 2)) < 0)
			return 1;
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("%.1f\n", runs % 2 ? t[runs / 2] :
	    (t[runs / 2 - 1] + t[runs / 2]) / 2);
	return 0;
}
