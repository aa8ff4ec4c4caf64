/*
 * fuzz_checkpoint.c -- loading hostile checkpoints (checkpoint.h).
 *
 * A setgid convene maps checkpoints that anyone in its group can write, so
 * the loader must refuse every malformed one and never crash on it.  The
 * input is a checkpoint file.  So that mutations reach the body rather
 * than dying at the first checks, the target first makes the header speak
 * for this build and this journal (its build, layout, settings and journal
 * mark are set to the right values and its crc computed again); every
 * other byte (the base, the regions, the objects, the strings) is the
 * input's.  Checked: a refused checkpoint leaves the state and the journal
 * untouched; an accepted one gives a state that exports every file,
 * replays the journal's tail, takes more records (its mapped arrays grow)
 * and frees cleanly.
 *
 * Seeds: tests/fuzz/corpus/checkpoint/ holds checkpoints of small random
 * sessions (any build's: the header is rewritten anyway).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkpoint.h"
#include "checkpoint_int.h"
#include "export.h"
#include "fuzz.h"
#include "journal.h"
#include "state.h"
#include "util.h"

static char *path;
static struct journal_mark mark;

/* Records of every common kind, for the journal and for growing a state
 * that came from a checkpoint. */
static const struct event events[] = {
	{ .type = EV_PARTICIPANT, .id = "p1", .text = "Kim", .extra = "KR\n\n" },
	{ .type = EV_PARTICIPANT, .id = "p2", .text = "Som", .extra = "TH\n\n" },
	{ .type = EV_ROOM, .id = "r1", .text = "Room", .extra = "topic" },
	{ .type = EV_MOVE, .id = "p1", .room = "r1" },
	{ .type = EV_IDEA, .id = "i1", .ref = "p1", .text = "an idea" },
	{ .type = EV_IDEA, .id = "i2", .ref = "p2", .text = "another" },
	{ .type = EV_IDEA_EDIT, .id = "i1", .text = "edited" },
	{ .type = EV_VOTING_OPEN, .id = "v1", .n = 5 },
	{ .type = EV_DOT, .actor = "p1", .id = "i1", .ref = "v1", .n = 2 },
	{ .type = EV_DOT, .actor = "p2", .id = "i2", .ref = "v1", .n = 1 },
	{ .type = EV_QUESTION, .actor = "p1", .id = "q1", .text = "why?" },
	{ .type = EV_UPVOTE, .actor = "p2", .id = "q1" },
	{ .type = EV_POLL_OPEN, .id = "o1", .text = "which?", .extra = "a\nb" },
	{ .type = EV_POLL_ANSWER, .actor = "p1", .id = "o1", .extra = "1" },
	{ .type = EV_AGENDA, .id = "d1-open" },
	{ .type = EV_MESSAGE, .text = "coffee" },
	{ .type = EV_CHECKIN, .id = "p2", .n = 1 },
	{ .type = EV_VOTING_CLOSE, .id = "v1", .n = 1 },
};

static int
build(struct journal_batch *b, void *ctx, char **err)
{
	size_t i;

	(void)ctx;
	(void)err;
	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		journal_batch_add(b, &events[i]);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char *dir = xasprintf("%s/convene-fuzz-ckpt.XXXXXX", base), *err = NULL;
	struct journal *j;

	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL)
		abort();
	path = path_join(dir, "journal.csv");
	free(dir);
	if (journal_create(path, &err) != 0 ||
	    (j = journal_open(path, 0, &err)) == NULL ||
	    journal_append(j, build, NULL, NULL, NULL, NULL,
	    1800000000000LL, &err) != 0 ||
	    journal_read(j, NULL, NULL, NULL, &err) < 0 ||
	    journal_mark(j, &mark) != 0)
		abort();
	journal_close(j);
	/* more records: the tail a loaded state replays */
	if ((j = journal_open(path, 0, &err)) == NULL ||
	    journal_read(j, NULL, NULL, NULL, &err) < 0 ||
	    journal_append(j, build, NULL, NULL, NULL, NULL,
	    1800000060000LL, &err) != 0)
		abort();
	journal_close(j);
	return 0;
}

static int
load_text(void *j, int64_t offset, state_record_fn on_record, void *ctx,
    char **err)
{
	return journal_record_at(j, offset, on_record, ctx, err);
}

static void
exercise(struct state *st, struct journal *j)
{
	struct export_source src;
	char *buf = NULL, *err = NULL;
	size_t len = 0, i;
	FILE *out = open_memstream(&buf, &len);
	int f;

	FUZZ_ASSERT(journal_read(j, state_apply_cb, state_note_bad, st, &err)
	    >= 0);
	memset(&src, 0, sizeof src);
	src.st = st;
	src.title = "fuzz";
	src.start = "2027-01-15";
	FUZZ_ASSERT(out != NULL);
	for (f = 0; f < EXPORT_NFILES; f++)
		if (f != EXPORT_OUTCOMES)
			export_write(&src, (enum export_file)f, 0, out, &err);
	fclose(out);
	free(buf);
	free(err);
	for (i = 0; i < st->nideas; i++)
		(void)state_idea_text(st, (int)i);
	for (i = 0; i < sizeof events / sizeof events[0]; i++)
		state_apply(st, &events[i]);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ck_header *h;
	struct state *st;
	struct journal *j;
	char *img, *err = NULL, build_id[sizeof h->build] = { 0 };
	const char *why = NULL;

	if (size < sizeof *h)
		return 0;
	img = xmalloc(size);
	memcpy(img, data, size);
	h = (struct ck_header *)img;
	snprintf(build_id, sizeof build_id, "%s", CONVENE_VERSION);
	memcpy(h->build, build_id, sizeof h->build);
	h->layout = ck_layout();
	h->mark = mark;
	h->anonymous = h->no_self_votes = 0;
	h->default_budget = 5;
	h->nday_starts = 0;
	h->days_crc = 0;
	h->header_crc = ck_header_crc(h);

	st = state_new();
	j = journal_open(path, 1, &err);
	FUZZ_ASSERT(j != NULL);
	state_texts_on_demand(st, load_text, j);
	if (checkpoint_load_image(img, size, st, j, &why) == 0)
		exercise(st, j);
	else
		FUZZ_ASSERT(st->nideas == 0 && st->nparticipants == 0 &&
		    journal_offset(j) == 0 && why != NULL);
	state_free(st);
	journal_close(j);
	free(img);
	free(err);
	return 0;
}
