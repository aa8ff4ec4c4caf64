/*
 * procstat.h -- what /proc says of a process the benchmarks started: its
 * CPU time so far.  Shared by pty.c and terminals.c.
 */
#ifndef CONVENE_BENCH_PROCSTAT_H
#define CONVENE_BENCH_PROCSTAT_H

#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Nanoseconds of CPU `pid` has used (/proc/PID/schedstat), or -1. */
static inline int64_t
cpu_ns(pid_t pid)
{
	char path[64];
	long long ns = -1;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fscanf(f, "%lld", &ns) != 1)
		ns = -1;
	fclose(f);
	return ns;
}

#endif
