/*
 * replay.c -- replay_1m_ms and replay_vs_libcsv.
 *
 *   replay SESSION [RUNS]
 *
 * Times, RUNS times each (default 5), interleaved so that both see the same
 * machine:
 *   - the replay: session_open(SESSION, read-only), which is what every
 *     convene process does on start (session.ini, the frozen module, then
 *     every journal record checked and applied to a fresh state);
 *   - libcsv alone: the same journal.csv read with pread in the same
 *     256 KiB blocks and handed to csv_parse (CSV_STRICT, no space
 *     characters, as the journal sets it up) with empty callbacks.
 * The file is read once first so that both run from the page cache.
 * Prints the medians as rows: name, value, unit, what (tab-separated).
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "session.h"
#include "util.h"

#define BLOCK (256 * 1024)
#define MAX_RUNS 51

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

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
empty_field(void *data, size_t len, void *ctx)
{
	(void)data;
	(void)len;
	(void)ctx;
}

static void
empty_row(int c, void *ctx)
{
	(void)c;
	(void)ctx;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* libcsv alone over the whole file; returns ms, or -1. */
static double
time_libcsv(const char *path, char *buf)
{
	struct csv_parser p;
	double t0 = now_ms();
	off_t at = 0;
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	csv_init(&p, CSV_STRICT);
	csv_set_space_func(&p, no_space);
	while ((n = pread(fd, buf, BLOCK, at)) > 0) {
		if (csv_parse(&p, buf, (size_t)n, empty_field, empty_row,
		    NULL) != (size_t)n) {
			fprintf(stderr, "replay: libcsv: %s\n",
			    csv_strerror(csv_error(&p)));
			break;
		}
		at += n;
	}
	csv_fini(&p, empty_field, empty_row, NULL);
	csv_free(&p);
	close(fd);
	return now_ms() - t0;
}

/* The replay; returns ms, or -1.  *records: the last seq applied. */
static double
time_replay(const char *dir, uint64_t *records)
{
	char *err = NULL;
	double t0 = now_ms(), t;
	struct session *s = session_open(dir, 1, &err);

	t = now_ms() - t0;
	if (s == NULL) {
		fprintf(stderr, "replay: %s\n", err);
		free(err);
		return -1;
	}
	*records = s->state->last_seq;
	if (s->state->nbad > 0)
		fprintf(stderr, "replay: %zu bad records\n", s->state->nbad);
	session_close(s);
	return t;
}

int
main(int argc, char **argv)
{
	double replay[MAX_RUNS], csv[MAX_RUNS], mr, mc;
	uint64_t records = 0;
	struct stat st;
	char *path, *buf;
	int runs = argc > 2 ? atoi(argv[2]) : 5, i;

	if (argc < 2 || runs < 1 || runs > MAX_RUNS) {
		fputs("usage: replay SESSION [RUNS]\n", stderr);
		return 2;
	}
	/* The whole journal, every time: not from a checkpoint (those have
	 * rows of their own, bench/ckstart). */
	setenv("CONVENE_NO_CHECKPOINT", "1", 1);
	path = path_join(argv[1], "journal.csv");
	buf = xmalloc(BLOCK);
	if (stat(path, &st) != 0 || time_libcsv(path, buf) < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return 3;
	}
	for (i = 0; i < runs; i++) {
		csv[i] = time_libcsv(path, buf);
		replay[i] = time_replay(argv[1], &records);
		if (replay[i] < 0 || csv[i] < 0)
			return 3;
		fprintf(stderr, "replay: run %d: replay %.1f ms, libcsv %.1f ms\n",
		    i + 1, replay[i], csv[i]);
	}
	mr = median(replay, runs);
	mc = median(csv, runs);
	printf("replay_1m_ms\t%.0f\tms\tsession_open replaying %" PRIu64
	    " records (%.0f MB) into the state, median of %d\n", mr, records,
	    st.st_size / 1e6, runs);
	printf("replay_vs_libcsv\t%.2f\tratio\treplay / libcsv alone parsing "
	    "the same file with empty callbacks (%.0f ms, median of %d)\n",
	    mr / mc, mc, runs);
	free(buf);
	free(path);
	return 0;
}
