/*
 * fuzz_journal.c -- the journal reader (journal.h) on arbitrary files.
 *
 * Each input is a whole journal.csv.  Beyond "no crash", three promises of
 * journal.h and DESIGN.md are checked:
 *  - damaged records are reported by line, in order, within the file, and
 *    good records come in increasing seq;
 *  - following: reading the file while it grows (the input split in two
 *    where its first byte says) gives the same records and the same reports
 *    as reading it whole;
 *  - appending after whatever the file holds (a torn tail is repaired)
 *    never loses a record a reader could read: a fresh reader then finds
 *    every good record and every report it found before, and the new
 *    record after them.
 * Every good record is also replayed into a state (state_apply).
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "journal.h"
#include "state.h"
#include "util.h"

#define ACTOR_FUZZ "fuzz-appender"

static char *path;

struct seen {
	uint64_t *seqs;
	size_t nseqs, capseqs;
	unsigned long *bad;
	size_t nbad, capbad;
	struct state *st;
	const char *last_text;
	int last_was_ours;
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" :
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp";
	char *dir = xasprintf("%s/convene-fuzz-journal.XXXXXX", base);

	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL)
		abort();
	path = path_join(dir, "journal.csv");
	free(dir);
	return 0;
}

static void
on_record(const struct event *ev, void *ctx)
{
	struct seen *s = ctx;

	if (s->nseqs > 0)
		FUZZ_ASSERT(ev->seq > s->seqs[s->nseqs - 1]);
	s->seqs = xgrow(s->seqs, &s->capseqs, s->nseqs + 1, sizeof *s->seqs);
	s->seqs[s->nseqs++] = ev->seq;
	s->last_was_ours = ev->type == EV_MESSAGE &&
	    strcmp(ev->text, "fuzz \"append\"\nline 2") == 0 &&
	    strcmp(ev->actor, ACTOR_FUZZ) == 0;
	if (s->st != NULL)
		state_apply(s->st, ev);
}

static void
on_bad(unsigned long line, const char *why, void *ctx)
{
	struct seen *s = ctx;

	FUZZ_ASSERT(why != NULL && why[0] != '\0');
	FUZZ_ASSERT(line >= 1);
	if (s->nbad > 0)
		FUZZ_ASSERT(line > s->bad[s->nbad - 1]);
	s->bad = xgrow(s->bad, &s->capbad, s->nbad + 1, sizeof *s->bad);
	s->bad[s->nbad++] = line;
	if (s->st != NULL)
		state_note_bad(line, why, s->st);
}

static void
seen_free(struct seen *s)
{
	free(s->seqs);
	free(s->bad);
	state_free(s->st);
	memset(s, 0, sizeof *s);
}

static int
write_file(const uint8_t *data, size_t size, int append)
{
	int fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC),
	    0600);
	ssize_t w = 0;

	if (fd < 0)
		abort();
	if (size > 0)
		w = write(fd, data, size);
	close(fd);
	return w == (ssize_t)size ? 0 : -1;
}

static unsigned long
count_lines(const uint8_t *data, size_t size)
{
	unsigned long n = 1;
	size_t i;

	for (i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

/* Reads the file whole; -1 when the reader refused it. */
static long
read_whole(struct journal **jp, struct seen *s)
{
	char *err = NULL;
	long r;

	*jp = journal_open(path, 0, &err);
	if (*jp == NULL) {
		free(err);
		return -1;
	}
	r = journal_read(*jp, on_record, on_bad, s, &err);
	free(err);
	return r;
}

static int
build_one(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev;

	(void)ctx;
	(void)err;
	memset(&ev, 0, sizeof ev);
	ev.type = EV_MESSAGE;
	ev.actor = ACTOR_FUZZ;
	ev.terminal = "fuzz";
	ev.text = "fuzz \"append\"\nline 2";
	journal_batch_add(b, &ev);
	return 0;
}

static void
check_same(const struct seen *a, const struct seen *b)
{
	FUZZ_ASSERT(a->nseqs == b->nseqs);
	FUZZ_ASSERT(a->nbad == b->nbad);
	FUZZ_ASSERT(a->nseqs == 0 ||
	    memcmp(a->seqs, b->seqs, a->nseqs * sizeof *a->seqs) == 0);
	FUZZ_ASSERT(a->nbad == 0 ||
	    memcmp(a->bad, b->bad, a->nbad * sizeof *a->bad) == 0);
}

/* The input in two pieces, read as it grows. */
static void
check_following(const uint8_t *data, size_t size, unsigned cut,
    const struct seen *whole)
{
	struct seen grow = { 0 };
	struct journal *j;
	size_t at = size * cut / 256;
	char *err = NULL;
	long r;

	write_file(data, at, 0);
	r = read_whole(&j, &grow);
	if (j == NULL) {
		seen_free(&grow);
		return;
	}
	if (r >= 0) {
		write_file(data + at, size - at, 1);
		r = journal_read(j, on_record, on_bad, &grow, &err);
		free(err);
		if (r >= 0)
			check_same(whole, &grow);
	}
	journal_close(j);
	seen_free(&grow);
}

static void
check_append(struct journal *j, const struct seen *before)
{
	struct seen after = { 0 };
	struct journal *fresh;
	char *err = NULL;
	int r;

	r = journal_append(j, build_one, NULL, NULL, NULL, NULL,
	    1795000000000LL, &err);
	free(err);
	if (r != 0)
		return;
	FUZZ_ASSERT(read_whole(&fresh, &after) >= 0);
	FUZZ_ASSERT(after.nseqs == before->nseqs + 1);
	FUZZ_ASSERT(after.last_was_ours);
	FUZZ_ASSERT(before->nseqs == 0 || memcmp(before->seqs, after.seqs,
	    before->nseqs * sizeof *before->seqs) == 0);
	FUZZ_ASSERT(after.nbad == before->nbad);
	FUZZ_ASSERT(before->nbad == 0 || memcmp(before->bad, after.bad,
	    before->nbad * sizeof *before->bad) == 0);
	journal_close(fresh);
	seen_free(&after);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seen whole = { 0 };
	struct journal *j;
	unsigned long lines;
	unsigned cut;
	size_t i;
	long r;

	if (size < 1)
		return 0;
	cut = data[0];
	data++;
	size--;
	lines = count_lines(data, size);

	write_file(data, size, 0);
	whole.st = state_new();
	r = read_whole(&j, &whole);
	if (j == NULL) {
		seen_free(&whole);
		return 0;
	}
	for (i = 0; i < whole.nbad; i++)
		FUZZ_ASSERT(whole.bad[i] <= lines);
	if (r >= 0) {
		FUZZ_ASSERT((size_t)r == whole.nseqs + whole.nbad);
		check_following(data, size, cut, &whole);
		write_file(data, size, 0);
		check_append(j, &whole);
	}
	journal_close(j);
	seen_free(&whole);
	return 0;
}
