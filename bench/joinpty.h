/*
 * joinpty.h -- a participant terminal for the benchmarks: `convene join
 * SESSION --as pK` on a pseudo-terminal of its own, 100 x 30,
 * TERM=xterm-256color, LANG=C.UTF-8.  Shared by swarm.c and terminals.c;
 * pty.c sets up its terminal's environment the same way.
 */
#ifndef CONVENE_BENCH_JOINPTY_H
#define CONVENE_BENCH_JOINPTY_H

#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/types.h>
#include <unistd.h>

/* In the child of forkpty: the environment of a terminal emulator's
 * shell, whatever the bench was started from. */
static inline void
bench_terminal_env(void)
{
	setenv("TERM", "xterm-256color", 1);
	setenv("LANG", "C.UTF-8", 1);
	unsetenv("LC_ALL");
	unsetenv("LINES");
	unsetenv("COLUMNS");
}

/* Starts participant pK; its pid (-1: forkpty failed) and the terminal's
 * master side in *master. */
static inline pid_t
join_pty_spawn(const char *convene, const char *session, int k, int *master)
{
	struct winsize ws = { 30, 100, 0, 0 };
	char as[16];
	pid_t pid;

	snprintf(as, sizeof as, "p%d", k);
	pid = forkpty(master, NULL, NULL, &ws);
	if (pid == 0) {
		bench_terminal_env();
		execl(convene, convene, "join", session, "--as", as,
		    (char *)NULL);
		_exit(127);
	}
	return pid;
}

#endif
