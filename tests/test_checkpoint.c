/*
 * test_checkpoint.c -- a state started from a checkpoint and the journal's
 * tail is the state a full replay gives (their exports are byte for byte
 * the same), also after more records grow it; a checkpoint that does not
 * match, or is damaged, truncated or someone else's, is ignored.
 *
 * The journals are random: every kind of record, with references to
 * objects that exist and to some that do not, texts in several scripts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checkpoint.h"
#include "checkpoint_int.h"
#include "export.h"
#include "journal.h"
#include "session_fixture.h"

static const char module_ini[] =
    "[module]\ntitle = Checkpoint workshop\ndays = 2\n"
    "timezone = Asia/Bangkok\n"
    "[session d1-open]\nday = 1\nstart = 09:00\nminutes = 30\n"
    "kind = lecture\ntitle = Opening\n"
    "[session d1-ideas]\nday = 1\nstart = 09:30\nminutes = 60\n"
    "kind = group-work\ntitle = Ideas\nstage = ideate\n"
    "[session d2-share]\nday = 2\nstart = 09:00\nminutes = 60\n"
    "kind = discussion\ntitle = Share\nstage = share\n";

static const char *const texts[] = {
	"민원 서류를 한 번만 제출", "แจ้งเตือนทาง SMS", "ນັດໝາຍອອນລາຍ",
	"Offline-first forms, \"quoted\", with commas", "line one\nline two",
	"=1+2 a formula", "Publish procurement data", "Иргэний үнэмлэх"
};

/* --- random journals ------------------------------------------------------ */

struct gen {
	uint64_t rng;
	unsigned n[6];		/* objects made of each kind: p r i v q o */
};

static unsigned
rnd(struct gen *g, unsigned n)
{
	g->rng = g->rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return n == 0 ? 0 : (unsigned)(g->rng >> 33) % n;
}

/* An id of kind k: mostly one that exists, sometimes the next, rarely
 * one that never will. */
static void
some_id(struct gen *g, char *buf, size_t size, int k, char letter)
{
	unsigned r = rnd(g, 20), num = g->n[k] > 0 ? 1 + rnd(g, g->n[k]) : 1;

	if (r == 0)
		num = g->n[k] + 50;
	else if (r == 1)
		num = g->n[k] + 1;
	snprintf(buf, size, "%c%u", letter, num);
}

struct batch {
	struct gen *g;
	int count;
};

static void
add_one(struct journal_batch *b, struct gen *g)
{
	static const char *const timer_acts[] = { "start", "pause", "resume",
	    "stop", "extend" };
	static const char *const marks[] = { "answered", "hidden", "pinned" };
	static const char *const agenda[] = { "d1-open", "d1-ideas",
	    "d2-share", "" };
	char id[24], ref[24], room[24], extra[64];
	struct event ev;
	unsigned what = rnd(g, 24);

	memset(&ev, 0, sizeof ev);
	ev.terminal = "test:1";
	ev.actor = "facilitator";
	ev.text = texts[rnd(g, 8)];
	id[0] = ref[0] = room[0] = extra[0] = '\0';
	if (rnd(g, 3) == 0 && g->n[1] > 0)
		some_id(g, room, sizeof room, 1, 'r');
	switch (what) {
	case 0: case 1:
		ev.type = EV_PARTICIPANT;
		snprintf(id, sizeof id, "p%u", ++g->n[0]);
		snprintf(extra, sizeof extra, "KR\nMinistry %u\n", g->n[0]);
		room[0] = '\0';
		break;
	case 2:
		ev.type = EV_ROOM;
		snprintf(id, sizeof id, "r%u", ++g->n[1]);
		ev.extra = "topic";
		room[0] = '\0';
		break;
	case 3: case 4: case 5: case 6:
		ev.type = EV_IDEA;
		snprintf(id, sizeof id, "i%u", ++g->n[2]);
		some_id(g, ref, sizeof ref, 0, 'p');
		ev.extra = rnd(g, 10) == 0 ? "odd stage" : "ideate";
		break;
	case 7:
		ev.type = rnd(g, 2) ? EV_IDEA_EDIT : EV_IDEA_HIDE;
		some_id(g, id, sizeof id, 2, 'i');
		ev.n = rnd(g, 2);
		break;
	case 8:
		ev.type = rnd(g, 2) ? EV_IDEA_MERGE : EV_IDEA_PROMOTE;
		some_id(g, id, sizeof id, 2, 'i');
		some_id(g, ref, sizeof ref, 2, 'i');
		ev.n = 1;
		break;
	case 9:
		ev.type = EV_VOTING_OPEN;
		snprintf(id, sizeof id, "v%u", ++g->n[3]);
		ev.n = 1 + rnd(g, 9);
		ev.extra = rnd(g, 3) == 0 ? "prototypes" : "";
		ev.text = "i1 i2 i3";
		break;
	case 10:
		ev.type = rnd(g, 2) ? EV_VOTING_CLOSE : EV_VOTING_REVEAL;
		some_id(g, id, sizeof id, 3, 'v');
		ev.n = rnd(g, 4) != 0;
		break;
	case 11: case 12: case 13:
		ev.type = EV_DOT;
		some_id(g, id, sizeof id, 2, 'i');
		some_id(g, ref, sizeof ref, 3, 'v');
		some_id(g, extra, sizeof extra, 0, 'p');
		ev.actor = extra;
		ev.n = rnd(g, 4) == 0 ? -1 : 1 + (long)rnd(g, 2);
		break;
	case 14:
		ev.type = EV_QUESTION;
		snprintf(id, sizeof id, "q%u", ++g->n[4]);
		snprintf(ref, sizeof ref, "%s", agenda[rnd(g, 4)]);
		some_id(g, extra, sizeof extra, 0, 'p');
		ev.actor = extra;
		break;
	case 15:
		ev.type = rnd(g, 2) ? EV_UPVOTE : EV_QUESTION_MARK;
		some_id(g, id, sizeof id, 4, 'q');
		snprintf(ref, sizeof ref, "%s", marks[rnd(g, 3)]);
		some_id(g, extra, sizeof extra, 0, 'p');
		ev.actor = extra;
		ev.n = 1;
		break;
	case 16:
		ev.type = EV_POLL_OPEN;
		snprintf(id, sizeof id, "o%u", ++g->n[5]);
		ev.n = rnd(g, 3);
		ev.extra = ev.n == POLL_SCALE ? "" : "Yes\nNo\nMaybe";
		break;
	case 17:
		ev.type = EV_POLL_ANSWER;
		some_id(g, id, sizeof id, 5, 'o');
		some_id(g, ref, sizeof ref, 0, 'p');
		ev.actor = ref;
		ev.extra = rnd(g, 2) ? "1" : "2\n3";
		ref[0] = '\0';
		break;
	case 18:
		ev.type = EV_MESSAGE;
		ev.n = rnd(g, 3);
		ev.ref = rnd(g, 2) ? "item" : "";
		break;
	case 19:
		ev.type = EV_AGENDA;
		snprintf(id, sizeof id, "%s", agenda[rnd(g, 4)]);
		ev.ref = rnd(g, 5) == 0 ? "end" : "";
		break;
	case 20:
		ev.type = EV_TIMER;
		snprintf(ref, sizeof ref, "%s", timer_acts[rnd(g, 5)]);
		ev.n = 60 * (1 + rnd(g, 10));
		break;
	case 21:
		ev.type = EV_CHECKIN;
		some_id(g, id, sizeof id, 0, 'p');
		ev.n = 1 + rnd(g, 2);
		ev.ref = rnd(g, 3) == 0 ? "absent" : "present";
		break;
	case 22:
		ev.type = rnd(g, 2) ? EV_PLAN : EV_PRESENT;
		snprintf(id, sizeof id, "%s", agenda[rnd(g, 3)]);
		ev.ref = ev.type == EV_PLAN ? "length" : "page";
		ev.n = 1 + rnd(g, 90);
		break;
	default:
		ev.type = rnd(g, 2) ? EV_EVAL : EV_PIN;
		snprintf(id, sizeof id, "%s", ev.type == EV_EVAL ? "useful" :
		    "p1");
		some_id(g, ref, sizeof ref, 0, 'p');
		ev.actor = ref;
		ev.extra = ev.type == EV_PIN ? "$hash$" : "";
		ev.n = rnd(g, 5);
		ref[0] = '\0';
		break;
	}
	ev.id = id;
	if (ev.ref == NULL)
		ev.ref = ref;
	ev.room = room;
	journal_batch_add(b, &ev);
}

static int
build(struct journal_batch *b, void *ctx, char **err)
{
	struct batch *bt = ctx;
	int i;

	(void)err;
	for (i = 0; i < bt->count; i++)
		add_one(b, bt->g);
	return 0;
}

/* n random records, in batches of up to 50. */
static void
append_random(struct session *s, struct gen *g, int n)
{
	struct batch bt;
	char *err = NULL;

	while (n > 0) {
		bt.g = g;
		bt.count = n < 50 ? n : 1 + (int)rnd(g, 50);
		if (bt.count > n)
			bt.count = n;
		n -= bt.count;
		sfx_ok(session_append(s, build, &bt, &err), &err);
	}
}

/* --- exports ---------------------------------------------------------------- */

/* Every export but the workbook (its sheets are these tables), joined. */
static char *
exports(const struct session *s)
{
	struct export_source src;
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int f;

	export_source_from_session(&src, s);
	src.now = 1;	/* the last record's time, in both */
	for (f = 0; f < EXPORT_NFILES; f++)
		if (f != EXPORT_OUTCOMES)
			assert_int_equal(export_write(&src, (enum export_file)f,
			    0, out, &err), 0);
	fclose(out);
	return buf;
}

static struct session *
open_full(const char *dir, unsigned flags)
{
	struct session *s;

	setenv("CONVENE_NO_CHECKPOINT", "1", 1);
	s = sfx_open(dir, flags);
	unsetenv("CONVENE_NO_CHECKPOINT");
	assert_int_equal(s->from_checkpoint, 0);
	return s;
}

static void
assert_same_exports(const struct session *a, const struct session *b)
{
	char *ea = exports(a), *eb = exports(b);

	assert_string_equal(ea, eb);
	free(ea);
	free(eb);
}

static void
write_checkpoint(const char *dir, unsigned flags)
{
	struct session *s = sfx_open(dir, flags);
	char *err = NULL;

	sfx_ok(session_checkpoint_write(s, &err), &err);
	session_close(s);
}

/* CONVENE_TEST_SEEDS=DIR: the checkpoints made here are copied to DIR,
 * seeds for tests/fuzz/fuzz_checkpoint.c. */
static void
keep_seed(const struct session_fixture *f, uint64_t seed)
{
	const char *dir = getenv("CONVENE_TEST_SEEDS");
	char *cmd;

	if (dir == NULL)
		return;
	cmd = xasprintf("cp '%s/%s' '%s/random-%u'", f->dir, CHECKPOINT_NAME,
	    dir, (unsigned)seed);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* --- the tests ----------------------------------------------------------- */

static void
test_random_journals(void **state)
{
	struct gen g;
	struct session *from, *full, *again;
	uint64_t seed;
	unsigned flags;
	char *err = NULL;

	(void)state;
	for (seed = 1; seed <= 8; seed++) {
		struct session_fixture *f = sfx_new(module_ini, "Checkpoint");

		memset(&g, 0, sizeof g);
		g.rng = seed * 7919;
		flags = seed % 2 ? SESSION_TEXTS_ON_DEMAND : 0;
		append_random(f->s, &g, 200 + (int)rnd(&g, 1500));
		write_checkpoint(f->dir, flags);
		keep_seed(f, seed);
		append_random(f->s, &g, (int)rnd(&g, 300));

		from = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
		assert_int_equal(from->from_checkpoint, 1);
		full = open_full(f->dir, flags);
		assert_int_equal(from->state->last_seq, full->state->last_seq);
		fprintf(stderr, "  seed %u: %zu ideas, %zu rounds, %zu "
		    "questions, %zu polls, %lu records not applied\n",
		    (unsigned)seed, full->state->nideas, full->state->nrounds,
		    full->state->nquestions, full->state->npolls,
		    full->state->unknown_events);
		assert_same_exports(from, full);

		/* More records, applied to the state that came from the
		 * checkpoint: its mapped arrays grow and change. */
		append_random(from, &g, 100 + (int)rnd(&g, 2000));
		assert_true(session_refresh(full, NULL) >= 0);
		assert_same_exports(from, full);
		again = open_full(f->dir, 0);
		assert_same_exports(from, again);
		session_close(again);

		/* A checkpoint of that state (part mapped, part grown, just
		 * after its own appends), and a state from it. */
		sfx_ok(session_checkpoint_write(from, &err), &err);
		again = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
		assert_int_equal(again->from_checkpoint, 1);
		assert_int_equal(again->replayed, 0);
		assert_same_exports(again, full);
		session_close(again);
		session_close(from);
		session_close(full);
		sfx_free(f);
	}
}

/* A session with a checkpoint, some records after it. */
static struct session_fixture *
with_checkpoint(uint64_t seed)
{
	struct session_fixture *f = sfx_new(module_ini, "Checkpoint");
	struct gen g;
	struct session *s;

	memset(&g, 0, sizeof g);
	g.rng = seed;
	append_random(f->s, &g, 500);
	write_checkpoint(f->dir, 0);
	append_random(f->s, &g, 20);
	s = sfx_open(f->dir, 0);
	assert_int_equal(s->from_checkpoint, 1);
	assert_int_equal(s->replayed, 20);
	session_close(s);
	return f;
}

/* The session opens without the checkpoint, and its state is the full
 * replay's. */
static void
assert_ignored(struct session_fixture *f)
{
	struct session *s = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	struct session *full = open_full(f->dir, SESSION_TEXTS_ON_DEMAND);

	assert_int_equal(s->from_checkpoint, 0);
	assert_non_null(s->checkpoint_why);
	fprintf(stderr, "  ignored: %s\n", s->checkpoint_why);
	assert_same_exports(s, full);
	session_close(s);
	session_close(full);
}

static char *
ck_path(const struct session_fixture *f)
{
	return path_join(f->dir, CHECKPOINT_NAME);
}

/* Overwrites n bytes at `at` of the checkpoint. */
static void
poke(const struct session_fixture *f, off_t at, const void *bytes, size_t n)
{
	char *p = ck_path(f);
	int fd = open(p, O_WRONLY);

	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, bytes, n, at), (ssize_t)n);
	close(fd);
	free(p);
}

static struct ck_header
header_of(const struct session_fixture *f)
{
	struct ck_header h;
	char *p = ck_path(f);
	int fd = open(p, O_RDONLY);

	assert_int_equal(pread(fd, &h, sizeof h, 0), (ssize_t)sizeof h);
	close(fd);
	free(p);
	return h;
}

static void
test_damaged_header(void **state)
{
	struct session_fixture *f = with_checkpoint(11);

	(void)state;
	poke(f, 40, "\xff", 1);
	assert_ignored(f);
	sfx_free(f);
}

static void
test_truncated(void **state)
{
	struct session_fixture *f = with_checkpoint(12);
	char *p = ck_path(f);
	struct stat sb;

	(void)state;
	assert_int_equal(stat(p, &sb), 0);
	assert_int_equal(truncate(p, sb.st_size - 1), 0);
	assert_ignored(f);
	assert_int_equal(truncate(p, 100), 0);
	assert_ignored(f);
	free(p);
	sfx_free(f);
}

/* A pointer aimed outside the image, or at the middle of a string, and a
 * count past its array's room: each is found. */
static void
test_hostile_body(void **state)
{
	struct session_fixture *f = with_checkpoint(13);
	struct ck_header h = header_of(f);
	uint64_t bad = h.base + h.size + 4096, mid = h.base + h.str_off + 1;
	size_t huge = (size_t)1 << 40;

	(void)state;
	poke(f, (off_t)h.state_at + (off_t)offsetof(struct state, ideas),
	    &bad, sizeof bad);
	assert_ignored(f);
	sfx_free(f);

	f = with_checkpoint(14);
	h = header_of(f);
	poke(f, (off_t)h.state_at + (off_t)offsetof(struct state, agenda_id),
	    &mid, sizeof mid);
	assert_ignored(f);
	sfx_free(f);

	f = with_checkpoint(15);
	h = header_of(f);
	poke(f, (off_t)h.state_at + (off_t)offsetof(struct state, nideas),
	    &huge, sizeof huge);
	assert_ignored(f);
	sfx_free(f);

	/* a time that arithmetic on it would overflow (found by the
	 * fuzzer: a round opened at almost INT64_MIN) */
	f = with_checkpoint(16);
	h = header_of(f);
	{
		uint64_t rounds;
		int64_t t = INT64_MIN / 2 - 7;
		char *p = ck_path(f);
		int fd = open(p, O_RDONLY);

		assert_int_equal(pread(fd, &rounds, sizeof rounds,
		    (off_t)h.state_at + (off_t)offsetof(struct state, rounds)),
		    (ssize_t)sizeof rounds);
		close(fd);
		free(p);
		assert_true(rounds != 0);
		poke(f, (off_t)(rounds - h.base) +
		    (off_t)offsetof(struct round, opened_at), &t, sizeof t);
	}
	assert_ignored(f);
	sfx_free(f);
}

/* Another session's checkpoint; the journal replaced by a copy (another
 * file); the last covered record changed; other settings. */
static void
count_applied(const struct state *st, const struct event *ev, void *ctx)
{
	(void)st;
	(void)ev;
	++*(int *)ctx;
}

/* A follower's hook (a function of the writing process, and its context)
 * is never saved: the loading process keeps its own, and a checkpoint
 * cannot make it call an address it names. */
static void
test_hook_not_saved(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Checkpoint");
	struct session *s;
	struct gen g;
	char *err = NULL;
	int n = 0;

	(void)state;
	memset(&g, 0, sizeof g);
	g.rng = 41;
	append_random(f->s, &g, 200);
	s = sfx_open(f->dir, 0);
	s->state->applied = count_applied;
	s->state->applied_ctx = &n;
	sfx_ok(session_checkpoint_write(s, &err), &err);
	session_close(s);
	s = sfx_open(f->dir, 0);
	assert_int_equal(s->from_checkpoint, 1);
	assert_null(s->state->applied);
	assert_null(s->state->applied_ctx);
	session_close(s);
	sfx_free(f);
}

static void
test_foreign(void **state)
{
	struct session_fixture *f = with_checkpoint(21), *o;
	char *a, *b, *j, *copy, *cmd;

	(void)state;
	o = with_checkpoint(21);	/* the same records, another file */
	a = ck_path(o);
	b = ck_path(f);
	cmd = xasprintf("cp '%s' '%s'", a, b);
	assert_int_equal(system(cmd), 0);
	assert_ignored(f);
	free(cmd);
	free(a);
	free(b);
	sfx_free(o);
	sfx_free(f);

	f = with_checkpoint(22);
	j = path_join(f->dir, "journal.csv");
	copy = xasprintf("%s.copy", j);
	cmd = xasprintf("cp '%s' '%s' && mv '%s' '%s'", j, copy, copy, j);
	assert_int_equal(system(cmd), 0);
	assert_ignored(f);
	free(cmd);
	free(copy);
	free(j);
	sfx_free(f);

	f = with_checkpoint(23);
	{
		struct ck_header h = header_of(f);
		int fd;

		j = path_join(f->dir, "journal.csv");
		fd = open(j, O_WRONLY);
		/* the record's crc32 column: its last byte but the quote and
		 * the line end */
		assert_int_equal(pwrite(fd, "Z", 1,
		    (off_t)h.mark.offset - 3), 1);
		close(fd);
		free(j);
	}
	assert_ignored(f);
	sfx_free(f);

	f = with_checkpoint(24);
	j = path_join(f->dir, "session.ini");
	cmd = xasprintf("sed -i 's/^anonymous = false/anonymous = true/' '%s'",
	    j);
	assert_int_equal(system(cmd), 0);
	assert_ignored(f);
	free(cmd);
	free(j);
	sfx_free(f);
}

/* A state that keeps every text does not take a checkpoint that keeps
 * them in the journal (a participant's); the converse works. */
static void
test_texts_modes(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Checkpoint");
	struct gen g;
	struct session *s;

	(void)state;
	memset(&g, 0, sizeof g);
	g.rng = 99;
	append_random(f->s, &g, 400);
	write_checkpoint(f->dir, SESSION_TEXTS_ON_DEMAND);
	s = sfx_open(f->dir, 0);
	assert_int_equal(s->from_checkpoint, 0);
	session_close(s);
	s = sfx_open(f->dir, SESSION_TEXTS_ON_DEMAND);
	assert_int_equal(s->from_checkpoint, 1);
	session_close(s);
	sfx_free(f);
}

/* One writer at a time: a temporary file being written blocks another
 * writer; one left by a writer that died long ago does not. */
static void
test_one_writer(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Checkpoint");
	struct gen g;
	struct session *s;
	char *tmp = path_join(f->dir, CHECKPOINT_NAME ".tmp"), *err = NULL;
	struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };

	(void)state;
	memset(&g, 0, sizeof g);
	g.rng = 5;
	append_random(f->s, &g, 100);
	fx_write(f->dir, CHECKPOINT_NAME ".tmp", "half");
	s = sfx_open(f->dir, 0);
	assert_int_equal(session_checkpoint_write(s, &err), -1);
	assert_non_null(strstr(err, "another process"));
	free(err);
	err = NULL;
	assert_int_equal(utimensat(AT_FDCWD, tmp, old, 0), 0);
	sfx_ok(session_checkpoint_write(s, &err), &err);
	assert_int_equal(access(tmp, F_OK), -1);
	session_close(s);
	s = sfx_open(f->dir, 0);
	assert_int_equal(s->from_checkpoint, 1);
	session_close(s);
	free(tmp);
	sfx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_journals),
		cmocka_unit_test(test_damaged_header),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_hostile_body),
		cmocka_unit_test(test_foreign),
		cmocka_unit_test(test_hook_not_saved),
		cmocka_unit_test(test_texts_modes),
		cmocka_unit_test(test_one_writer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
