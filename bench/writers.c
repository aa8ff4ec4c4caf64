/*
 * writers.c -- writers_lost and writers_torn.
 *
 *   writers DIR [PROCS [EVENTS]]        (default 200 processes x 100 events)
 *
 * Makes DIR/journal.csv, forks PROCS writer processes that wait at a
 * common start line (a pipe the parent closes), then each appends EVENTS
 * records, one journal_append each (lock, catch up, write, unlock, fsync:
 * what every command does), as fast as it can.  Each record names its
 * writer and number (id "w17-42") and carries a text of 10 to 600 bytes
 * made from those two numbers, with the bytes that make CSV hard (quotes,
 * commas, line breaks) and multi-byte UTF-8.
 *
 * Then the parent reads the journal back with journal_read and counts:
 *   lost: appends that were acknowledged but whose record is not there,
 *         plus appends that failed (every append should succeed);
 *   torn: records that fail their CRC or are not well-formed CSV, records
 *         whose text is not exactly what their writer wrote, records of
 *         an unknown writer or number, and second copies of a record.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "journal.h"
#include "util.h"

#define TEXT_MAX 600

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The text of record k of writer w: 10 to TEXT_MAX bytes, always the same
 * for the same (w, k).  Returns its length; buf holds TEXT_MAX + 1. */
static size_t
payload(unsigned w, unsigned k, char *buf)
{
	static const char *const pieces[] = { "idea ", "\"quoted\"", ", ",
	    "\n", "\r\n", "디지털 ", "รัฐบาล ", "ລັດຖະບານ ", ";", "0" };
	uint32_t x = w * 2654435761u ^ (k + 1) * 40503u;
	size_t len = 0, want, n;

	want = 10 + (x >> 7) % (TEXT_MAX - 10 - 16);
	while (len < want) {
		x = x * 1103515245u + 12345u;
		n = strlen(pieces[(x >> 16) % NELEM(pieces)]);
		memcpy(buf + len, pieces[(x >> 16) % NELEM(pieces)], n);
		len += n;
	}
	buf[len] = '\0';
	return len;
}

struct one {
	const char *id, *text;
};

static int
build_one(struct journal_batch *b, void *ctx, char **err)
{
	struct one *o = ctx;
	struct event ev = { .type = EV_IDEA, .actor = "bench",
	    .terminal = "writers", .id = o->id, .text = o->text };

	(void)err;
	journal_batch_add(b, &ev);
	return 0;
}

/* One writer process; returns the number of failed appends. */
static int
writer(const char *path, unsigned w, unsigned events, int start_fd)
{
	char text[TEXT_MAX + 1], id[32], *err = NULL, c;
	struct journal *j;
	struct one o = { id, text };
	unsigned k;
	int failed = 0;

	/* the start line: read returns 0 when the parent closes the pipe */
	while (read(start_fd, &c, 1) < 0 && errno == EINTR)
		;
	if ((j = journal_open(path, 0, &err)) == NULL) {
		fprintf(stderr, "writers: %s\n", err);
		return (int)events;
	}
	for (k = 0; k < events; k++) {
		snprintf(id, sizeof id, "w%u-%u", w, k);
		payload(w, k, text);
		if (journal_append(j, build_one, &o, NULL, NULL, NULL, 0,
		    &err) != 0) {
			fprintf(stderr, "writers: w%u: %s\n", w, err);
			free(err);
			err = NULL;
			failed++;
		}
	}
	journal_close(j);
	return failed;
}

struct tally {
	unsigned procs, events;
	unsigned char *seen;	/* procs * events */
	unsigned long torn, records;
};

static void
on_record(const struct event *ev, void *ctx)
{
	struct tally *t = ctx;
	char text[TEXT_MAX + 1];
	unsigned w, k;
	int used = 0;

	t->records++;
	if (sscanf(ev->id, "w%u-%u%n", &w, &k, &used) != 2 ||
	    ev->id[used] != '\0' || w >= t->procs || k >= t->events) {
		t->torn++;
		return;
	}
	payload(w, k, text);
	if (strcmp(ev->text, text) != 0 || t->seen[w * t->events + k]++ > 0)
		t->torn++;
}

static void
on_bad(unsigned long line, const char *why, void *ctx)
{
	struct tally *t = ctx;

	fprintf(stderr, "writers: line %lu: %s\n", line, why);
	t->torn++;
}

/* Reads the journal back; returns the records missing, or -1. */
static long
check(const char *path, struct tally *t)
{
	char *err = NULL;
	struct journal *j = journal_open(path, 1, &err);
	long lost = 0;
	size_t i;

	if (j == NULL || journal_read(j, on_record, on_bad, t, &err) < 0) {
		fprintf(stderr, "writers: %s\n", err);
		free(err);
		journal_close(j);
		return -1;
	}
	journal_close(j);
	for (i = 0; i < (size_t)t->procs * t->events; i++)
		lost += t->seen[i] == 0;
	return lost;
}

/* Forks the writers, starts them together, waits; returns the failed
 * appends of all, or -1. */
static long
run_writers(const char *path, unsigned procs, unsigned events)
{
	int start[2], status;
	long failed = 0;
	unsigned w;
	pid_t pid;

	if (pipe(start) != 0)
		return -1;
	for (w = 0; w < procs; w++) {
		if ((pid = fork()) < 0) {
			perror("writers: fork");
			break;
		}
		if (pid == 0) {
			close(start[1]);
			_exit(writer(path, w, events, start[0]) > 0);
		}
	}
	close(start[0]);
	close(start[1]);
	while ((pid = wait(&status)) > 0 || (pid < 0 && errno == EINTR))
		if (pid > 0 && (!WIFEXITED(status) || WEXITSTATUS(status) != 0))
			failed++;
	return w == procs ? failed : -1;
}

int
main(int argc, char **argv)
{
	struct tally t = { 200, 100, NULL, 0, 0 };
	char *path, *err = NULL;
	double t0, ms;
	long failed, lost;

	if (argc < 2) {
		fputs("usage: writers DIR [PROCS [EVENTS]]\n", stderr);
		return 2;
	}
	if (argc > 2)
		t.procs = (unsigned)atoi(argv[2]);
	if (argc > 3)
		t.events = (unsigned)atoi(argv[3]);
	path = path_join(argv[1], "journal.csv");
	if (journal_create(path, &err) != 0) {
		fprintf(stderr, "writers: %s\n", err);
		return 3;
	}
	t.seen = xcalloc((size_t)t.procs * t.events, 1);
	t0 = now_ms();
	failed = run_writers(path, t.procs, t.events);
	ms = now_ms() - t0;
	if (failed < 0 || (lost = check(path, &t)) < 0)
		return 3;
	fprintf(stderr, "writers: %lu records in %.1f s (%.0f appends/s), "
	    "%ld writers with failed appends\n", t.records, ms / 1e3,
	    t.records / (ms / 1e3), failed);
	printf("writers_lost\t%ld\trecords\t%u processes x %u appends at once "
	    "(lock, catch up, write, unlock, fsync): records missing afterwards\n",
	    lost, t.procs, t.events);
	printf("writers_torn\t%lu\trecords\tthe same run: records failing "
	    "their CRC or CSV, with a changed text, or twice\n", t.torn);
	free(t.seen);
	free(path);
	return 0;
}
