/* test_journal.c -- journal.csv: format, damage, torn tails, following. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csv.h>

#include "crc32.h"
#include "event.h"
#include "journal.h"
#include "journal_test.h"
#include "util.h"
#include "journal_fixture.h"

#define SPECTRUM "../shared/data/csv-spectrum/csvs"

/* --- fixture: a fresh directory with an empty journal -------------------- */

static int
setup(void **state)
{
	return jfx_setup(state, "journal");
}

static int
teardown(void **state)
{
	return jfx_teardown(state);
}

static char *
fx_file(struct fx *f, const char *name)
{
	return path_join(f->dir, name);
}

/* --- collecting what a journal delivers ---------------------------------- */

struct rec {
	int64_t offset;
	uint64_t seq;
	int64_t time_ms;
	enum event_type type;
	long n;
	char *s[8];	/* actor terminal id ref room text extra name */
};

struct bad {
	unsigned long line;
	char *why;
};

struct got {
	struct rec *recs;
	size_t nrecs, caprecs;
	struct bad *bads;
	size_t nbads, capbads;
};

static const char *
nz(const char *s)
{
	return s == NULL ? "" : s;
}

static void
got_record(const struct event *ev, void *ctx)
{
	struct got *g = ctx;
	struct rec *r;

	g->recs = xgrow(g->recs, &g->caprecs, g->nrecs + 1, sizeof *g->recs);
	r = &g->recs[g->nrecs++];
	r->offset = ev->offset;
	r->seq = ev->seq;
	r->time_ms = ev->time_ms;
	r->type = ev->type;
	r->n = ev->n;
	r->s[0] = xstrdup(nz(ev->actor));
	r->s[1] = xstrdup(nz(ev->terminal));
	r->s[2] = xstrdup(nz(ev->id));
	r->s[3] = xstrdup(nz(ev->ref));
	r->s[4] = xstrdup(nz(ev->room));
	r->s[5] = xstrdup(nz(ev->text));
	r->s[6] = xstrdup(nz(ev->extra));
	r->s[7] = xstrdup(nz(ev->name));
}

static void
got_bad(unsigned long line, const char *why, void *ctx)
{
	struct got *g = ctx;

	g->bads = xgrow(g->bads, &g->capbads, g->nbads + 1, sizeof *g->bads);
	g->bads[g->nbads].line = line;
	g->bads[g->nbads++].why = xstrdup(why);
}

static void
got_clear(struct got *g)
{
	size_t i, k;

	for (i = 0; i < g->nrecs; i++)
		for (k = 0; k < 8; k++)
			free(g->recs[i].s[k]);
	for (i = 0; i < g->nbads; i++)
		free(g->bads[i].why);
	free(g->recs);
	free(g->bads);
	memset(g, 0, sizeof *g);
}

/* Reads a whole journal with a fresh handle; returns journal_read's
 * result. */
static long
read_all(const char *path, struct got *g, char **err)
{
	struct journal *j = journal_open(path, 1, err);
	long n;

	if (j == NULL)
		return -2;
	n = journal_read(j, got_record, got_bad, g, err);
	journal_close(j);
	return n;
}

/* --- writing ------------------------------------------------------------- */

struct events {
	const struct event *ev;
	size_t n;
};

static int
build_events(struct journal_batch *b, void *ctx, char **err)
{
	struct events *e = ctx;
	size_t i;

	(void)err;
	for (i = 0; i < e->n; i++)
		journal_batch_add(b, &e->ev[i]);
	return 0;
}

static int
append_events(struct journal *j, const struct event *ev, size_t n,
    struct got *g, int64_t now)
{
	struct events e = { ev, n };
	char *err = NULL;
	int r;

	r = journal_append(j, build_events, &e, g ? got_record : NULL,
	    g ? got_bad : NULL, g, now, &err);
	if (r != 0)
		print_message("append: %d %s\n", r, nz(err));
	free(err);
	return r;
}

static struct event
idea(const char *text)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = EV_IDEA;
	ev.actor = "p1";
	ev.terminal = "script";
	ev.id = "i1";
	ev.ref = "p1";
	ev.room = "r1";
	ev.text = text;
	ev.extra = "ideate";
	return ev;
}

/* Opens, appends one idea, closes; returns the end offset of the record. */
static off_t
append_text(const char *path, const char *text, int64_t now)
{
	struct journal *j = journal_open(path, 0, NULL);
	struct event ev = idea(text);
	off_t end;

	assert_non_null(j);
	assert_int_equal(append_events(j, &ev, 1, NULL, now), 0);
	end = journal_offset(j);
	journal_close(j);
	return end;
}

static char *
slurp(const char *path, size_t *len)
{
	char *p = file_read_all(path, 0, len);

	assert_non_null(p);
	return p;
}

static void
spit(const char *path, const char *p, size_t len, int append)
{
	int fd = open(path, O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC),
	    0644);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, p, len), (ssize_t)len);
	close(fd);
}

static off_t
file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_size;
}

/* An independent writer of the format, straight from the man page: every
 * field quoted, CRC-32 of the 11 values each followed by NUL, CRLF.  Used
 * to check the journal's own output and to forge records. */
static char *
hand_record(const char *const v[11], const char *eol, size_t *len)
{
	char *out, crc[12];
	size_t at = 0, cap = 64, i, n;
	uint32_t sum = 0;

	for (i = 0; i < 11; i++)
		cap += 2 * strlen(v[i]) + 3;
	out = xmalloc(cap + strlen(eol));
	for (i = 0; i < 11; i++) {
		n = strlen(v[i]);
		sum = crc32_update(sum, v[i], n + 1);
		at += csv_write(out + at, cap - at, v[i], n);
		out[at++] = ',';
	}
	snprintf(crc, sizeof crc, "%08" PRIx32, sum);
	at += csv_write(out + at, cap - at, crc, 8);
	memcpy(out + at, eol, strlen(eol));
	at += strlen(eol);
	out[at] = '\0';
	*len = at;
	return out;
}

static const char HEADER[] = "\"convene_journal_v1\",\"time\",\"actor\","
    "\"terminal\",\"event\",\"id\",\"ref\",\"room\",\"n\",\"text\","
    "\"extra\",\"crc32\"\r\n";

/* --- creating and the format --------------------------------------------- */

static void
test_create(void **state)
{
	struct fx *f = *state;
	struct got g = { 0 };
	char *err = NULL, *bytes;
	size_t len;

	bytes = slurp(f->path, &len);
	assert_int_equal(len, strlen(HEADER));
	assert_memory_equal(bytes, HEADER, len);
	free(bytes);
	assert_int_equal(read_all(f->path, &g, &err), 0);
	assert_int_equal(g.nrecs + g.nbads, 0);
	/* never over an existing file */
	assert_int_equal(journal_create(f->path, &err), -1);
	assert_non_null(strstr(err, f->path));
	free(err);
	got_clear(&g);
}

static void
test_written_bytes_are_the_format(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "1", "2026-11-26T09:00:00.123Z", "p1", "script",
	    "idea", "i1", "p1", "r1", "", "Tea \"and\" coffee,\nplease",
	    "ideate" };
	struct event ev = idea("Tea \"and\" coffee,\nplease");
	struct journal *j = journal_open(f->path, 0, NULL);
	char *bytes, *want;
	size_t len, wlen;

	assert_int_equal(append_events(j, &ev, 1, NULL, 1795683600123LL), 0);
	journal_close(j);
	bytes = slurp(f->path, &len);
	want = hand_record(v, "\r\n", &wlen);
	assert_int_equal(len, strlen(HEADER) + wlen);
	assert_memory_equal(bytes + strlen(HEADER), want, wlen);
	free(bytes);
	free(want);
}

/* The worked example of convene-journal(5). */
static void
test_man_page_example(void **state)
{
	struct fx *f = *state;
	struct event ev;
	struct journal *j = journal_open(f->path, 0, NULL);
	char *bytes;
	size_t len;

	memset(&ev, 0, sizeof ev);
	ev.type = EV_IDEA;
	ev.actor = "p12";
	ev.terminal = "pts/3:4242";
	ev.id = "i45";
	ev.ref = "p12";
	ev.room = "r3";
	ev.text = "Open data portal";
	ev.extra = "ideate";
	assert_int_equal(append_events(j, &ev, 1, NULL, 1795683600123LL), 0);
	journal_close(j);
	bytes = slurp(f->path, &len);
	assert_string_equal(bytes + strlen(HEADER),
	    "\"1\",\"2026-11-26T09:00:00.123Z\",\"p12\",\"pts/3:4242\","
	    "\"idea\",\"i45\",\"p12\",\"r3\",\"\",\"Open data portal\","
	    "\"ideate\",\"3a221e91\"\r\n");
	free(bytes);
}

static void
test_round_trip_every_type(void **state)
{
	struct fx *f = *state;
	struct event ev[EV_COUNT];
	struct got g = { 0 }, w = { 0 };
	struct journal *j = journal_open(f->path, 0, NULL);
	char *err = NULL;
	char ids[EV_COUNT][16], texts[EV_COUNT][32];
	int t;
	size_t i, n = 0;

	for (t = EV_UNKNOWN + 1; t < EV_COUNT; t++, n++) {
		snprintf(ids[n], sizeof ids[n], "x%d", t);
		snprintf(texts[n], sizeof texts[n], "text of %s",
		    event_type_name(t));
		memset(&ev[n], 0, sizeof ev[n]);
		ev[n].type = t;
		ev[n].actor = t % 2 ? "facilitator" : "p7";
		ev[n].terminal = "pts/3:1234";
		ev[n].id = ids[n];
		ev[n].ref = t % 3 ? "ref" : NULL;
		ev[n].room = t % 4 ? "" : "r2";
		ev[n].n = t % 5 == 0 ? 0 : (t % 2 ? -t * 1000L : t);
		ev[n].text = texts[n];
		ev[n].extra = t == EV_POLL_OPEN ? "yes\nno\nmaybe" : "";
	}
	assert_int_equal(append_events(j, ev, n, &w, 1795683600000LL), 0);
	assert_int_equal(w.nrecs, n);
	journal_close(j);
	assert_int_equal(read_all(f->path, &g, &err), (long)n);
	assert_int_equal(g.nrecs, n);
	assert_int_equal(g.nbads, 0);
	for (i = 0; i < n; i++) {
		assert_int_equal(g.recs[i].seq, i + 1);
		assert_int_equal(g.recs[i].time_ms, 1795683600000LL);
		assert_int_equal(g.recs[i].type, ev[i].type);
		assert_string_equal(g.recs[i].s[7], event_type_name(ev[i].type));
		assert_int_equal(g.recs[i].n, ev[i].n);
		assert_string_equal(g.recs[i].s[0], ev[i].actor);
		assert_string_equal(g.recs[i].s[1], ev[i].terminal);
		assert_string_equal(g.recs[i].s[2], ev[i].id);
		assert_string_equal(g.recs[i].s[3], nz(ev[i].ref));
		assert_string_equal(g.recs[i].s[4], nz(ev[i].room));
		assert_string_equal(g.recs[i].s[5], ev[i].text);
		assert_string_equal(g.recs[i].s[6], ev[i].extra);
		/* what append delivered is what a reader reads */
		assert_int_equal(w.recs[i].seq, g.recs[i].seq);
		assert_string_equal(w.recs[i].s[5], g.recs[i].s[5]);
		assert_string_equal(w.recs[i].s[3], g.recs[i].s[3]);
	}
	got_clear(&g);
	got_clear(&w);
}

static char *
big_text(size_t len, unsigned seed)
{
	static const char *const bits[] = { "a", ",", "\"", "\r\n", "\n", "\r",
	    "한글", "ไทย", " ", "\t", "\"\"", "\x1b[2J", "ລາວ", "z" };
	char *p = xmalloc(len + 16);
	size_t at = 0, k;

	while (at < len) {
		seed = seed * 1103515245u + 12345u;
		k = (seed >> 16) % (sizeof bits / sizeof bits[0]);
		memcpy(p + at, bits[k], strlen(bits[k]));
		at += strlen(bits[k]);
	}
	p[at] = '\0';
	return p;
}

static void
test_hostile_text(void **state)
{
	struct fx *f = *state;
	char *k100 = big_text(100 * 1024, 1), *k600 = big_text(600 * 1024, 2);
	char *lines = xmalloc(300 * 1024), *err = NULL;
	const char *texts[] = {
		"", ",", "\"", "\"\"", "a,b,\"c\"", "\r", "\n", "\r\n",
		"\r\n\r\n", "line one\r\nline two\nline three\rfour",
		"ends with CR\r", "\rstarts with CR", " lead and trail ",
		"\ttabs\t", "esc \x1b[31mred\x1b[0m and bell \x07",
		"=cmd|' /C calc'!A0", "\"convene_journal_v1\",\"time\"",
		"디지털 정부 서비스", "รัฐบาลดิจิทัลเพื่อประชาชน",
		"ລັດຖະບານດິຈິຕອນແລະການບໍລິການ", "ඩිජිටල් රජය",
		"ডিজিটাল সরকার", "ڈیجیٹل حکومت", "ޑިޖިޓަލް ސަރުކާރު",
		"Дижитал засгийн газар", "Цифрлық үкімет", "Թվային կառավարություն",
		"འབྲུག་གི་གཞུང་", "Raqamli hukumat", "emoji 🎉👍🏽 and ZWJ 👩‍💻",
		"\xe2\x80\xae bidi override", k100, k600, lines,
	};
	struct event ev[sizeof texts / sizeof texts[0]];
	struct journal *j = journal_open(f->path, 0, NULL);
	struct got g = { 0 };
	size_t n = sizeof texts / sizeof texts[0], i, at = 0;

	/* many short lines, so records span read buffers line by line */
	while (at < 300 * 1024 - 16)
		at += (size_t)snprintf(lines + at, 16, "l%zu\r\n", at);
	for (i = 0; i < n; i++) {
		ev[i] = idea(texts[i]);
		ev[i].actor = texts[(i + 1) % 20];	/* every column */
		ev[i].id = texts[(i + 2) % 20];
		ev[i].extra = texts[(i + 3) % n];
	}
	assert_int_equal(append_events(j, ev, n, NULL, 0), 0);
	journal_close(j);
	assert_int_equal(read_all(f->path, &g, &err), (long)n);
	assert_int_equal(g.nbads, 0);
	for (i = 0; i < n; i++) {
		assert_string_equal(g.recs[i].s[5], texts[i]);
		assert_string_equal(g.recs[i].s[0], ev[i].actor);
		assert_string_equal(g.recs[i].s[2], ev[i].id);
		assert_string_equal(g.recs[i].s[6], ev[i].extra);
	}
	got_clear(&g);
	free(k100);
	free(k600);
	free(lines);
}

/* Every record read or written knows where it starts, and
 * journal_record_at reads exactly that record back, checked. */
static void
test_record_at(void **state)
{
	struct fx *f = *state;
	char *k5 = big_text(5 * 1024, 3), *err = NULL, *file;
	const char *texts[] = { "first", "two\r\nlines, \"quoted\"", k5,
	    "디지털 정부", "รัฐบาลดิจิทัล", "" };
	size_t n = sizeof texts / sizeof texts[0], i, len;
	struct event ev[sizeof texts / sizeof texts[0]];
	struct journal *j = journal_open(f->path, 0, NULL);
	struct got w = { 0 }, g = { 0 }, one = { 0 };

	for (i = 0; i < n; i++)
		ev[i] = idea(texts[i]);
	ev[n - 1].type = EV_DOT;	/* a record without text */
	assert_int_equal(append_events(j, ev, 2, &w, 0), 0);
	assert_int_equal(append_events(j, ev + 2, n - 2, &w, 0), 0);
	journal_close(j);
	j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err),
	    (long)n);
	assert_int_equal(g.recs[0].offset, (int64_t)strlen(
	    "\"convene_journal_v1\",\"time\",\"actor\",\"terminal\","
	    "\"event\",\"id\",\"ref\",\"room\",\"n\",\"text\",\"extra\","
	    "\"crc32\"\r\n"));
	/* backwards, so that no read can lean on the one before */
	for (i = n; i-- > 0;) {
		assert_int_equal(w.recs[i].offset, g.recs[i].offset);
		assert_int_equal(journal_record_at(j, g.recs[i].offset,
		    got_record, &one, &err), 0);
		assert_int_equal(one.nrecs, n - i);
		assert_int_equal(one.recs[n - i - 1].offset, g.recs[i].offset);
		assert_int_equal(one.recs[n - i - 1].seq, i + 1);
		assert_string_equal(one.recs[n - i - 1].s[5], texts[i]);
	}
	/* no record starts there: the header, inside a record, the end */
	assert_int_equal(journal_record_at(j, 0, got_record, &one, &err), -1);
	assert_non_null(strstr(err, "no record"));
	free(err);
	err = NULL;
	assert_int_equal(journal_record_at(j, g.recs[1].offset + 1,
	    got_record, &one, &err), -1);
	assert_non_null(strstr(err, "no good record"));
	free(err);
	err = NULL;
	assert_int_equal(journal_record_at(j, journal_offset(j), got_record,
	    &one, &err), -1);
	free(err);
	err = NULL;
	/* a record changed on disk since it was read is refused, and the
	 * handle still reads what comes after */
	file = slurp(f->path, &len);
	file[g.recs[3].offset + 40] ^= 0x01;
	spit(f->path, file, len, 0);
	assert_int_equal(journal_record_at(j, g.recs[3].offset, got_record,
	    &one, &err), -1);
	assert_non_null(strstr(err, "no good record"));
	assert_int_equal(journal_record_at(j, g.recs[4].offset, got_record,
	    &one, NULL), 0);
	assert_string_equal(one.recs[one.nrecs - 1].s[5], texts[4]);
	assert_int_equal(one.nrecs, n + 1);
	free(err);
	free(file);
	journal_close(j);
	got_clear(&w);
	got_clear(&g);
	got_clear(&one);
	free(k5);
}

/* Values of every length up to past the reader's short-copy sizes come
 * back whole, byte for byte. */
static void
test_every_short_length(void **state)
{
	struct fx *f = *state;
	enum { N = 41 };
	char texts[N][N + 1], *err = NULL;
	struct event ev[N];
	struct journal *j = journal_open(f->path, 0, NULL);
	struct got g = { 0 };
	size_t i, k;

	for (i = 0; i < N; i++) {
		for (k = 0; k < i; k++)
			texts[i][k] = (char)('A' + (i + k) % 26);
		texts[i][i] = '\0';
		ev[i] = idea(i > 0 ? texts[i] : "x");
		ev[i].extra = texts[i];
		ev[i].terminal = texts[N - 1 - i];
	}
	assert_int_equal(append_events(j, ev, N, NULL, 0), 0);
	journal_close(j);
	assert_int_equal(read_all(f->path, &g, &err), N);
	for (i = 0; i < N; i++) {
		assert_string_equal(g.recs[i].s[6], texts[i]);
		assert_string_equal(g.recs[i].s[1], texts[N - 1 - i]);
	}
	got_clear(&g);
}

struct reentry {
	struct journal *j;
	int64_t first;		/* the first record's offset */
	int refused, records;
};

static void
read_again_inside(const struct event *ev, void *ctx)
{
	struct reentry *r = ctx;
	char *err = NULL;

	(void)ev;
	r->records++;
	if (r->first > 0 && journal_record_at(r->j, r->first, NULL, NULL,
	    &err) == -1 && strstr(err, "while it is reading") != NULL)
		r->refused++;
	free(err);
}

/* Reading a record again from a callback of a read would overwrite the
 * read's buffers: it is refused, and the read goes on whole. */
static void
test_record_at_refused_inside_a_read(void **state)
{
	struct fx *f = *state;
	struct event ev[3] = { idea("a"), idea("b"), idea("c") };
	struct journal *j = journal_open(f->path, 0, NULL);
	struct reentry r = { NULL, 0, 0, 0 };
	struct got g = { 0 };
	char *err = NULL;

	assert_int_equal(append_events(j, ev, 3, &g, 0), 0);
	journal_close(j);
	r.j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(r.j, got_record, NULL, &g, &err), 3);
	r.first = g.recs[0].offset;
	journal_close(r.j);
	r.j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(r.j, read_again_inside, NULL, &r,
	    &err), 3);
	assert_int_equal(r.records, 3);
	assert_int_equal(r.refused, 3);
	/* outside the read it works again */
	assert_int_equal(journal_record_at(r.j, r.first, NULL, NULL, &err), 0);
	journal_close(r.j);
	got_clear(&g);
}

struct peeks {
	char ids[8][16];
	size_t n;
};

static void
got_peek(const char *id, size_t len, void *ctx)
{
	struct peeks *p = ctx;

	assert_true(len < sizeof p->ids[0]);
	if (p->n < 8) {
		memcpy(p->ids[p->n], id, len);
		p->ids[p->n][len] = '\0';
	}
	p->n++;
}

/* The peek sees each record's id column before the record is handed
 * over, and nothing once turned off. */
static void
test_peek(void **state)
{
	struct fx *f = *state;
	struct event ev[3] = { idea("a"), idea("b"), idea("c") };
	struct journal *j = journal_open(f->path, 0, NULL);
	struct peeks p = { .n = 0 };
	struct got g = { 0 };
	char *err = NULL;

	ev[1].id = "i22";
	ev[2].id = "";
	assert_int_equal(append_events(j, ev, 3, NULL, 0), 0);
	journal_close(j);
	j = journal_open(f->path, 1, NULL);
	journal_set_peek(j, got_peek, &p);
	assert_int_equal(journal_read(j, got_record, NULL, &g, &err), 3);
	assert_int_equal(p.n, 3);
	assert_string_equal(p.ids[0], "i1");
	assert_string_equal(p.ids[1], "i22");
	assert_string_equal(p.ids[2], "");
	journal_set_peek(j, NULL, NULL);
	assert_int_equal(journal_record_at(j, g.recs[1].offset, NULL, NULL,
	    &err), 0);
	assert_int_equal(p.n, 3);
	journal_close(j);
	got_clear(&g);
}

/* --- damage -------------------------------------------------------------- */

/* Writes three records (the middle one spans two lines) and returns the
 * file; *r2 and *r2end bracket the middle record. */
static char *
three_records(struct fx *f, size_t *len, off_t *r2, off_t *r2end)
{
	struct journal *j = journal_open(f->path, 0, NULL);
	struct event ev = idea("first");

	assert_int_equal(append_events(j, &ev, 1, NULL, 0), 0);
	*r2 = journal_offset(j);
	ev = idea("second\r\nline two");
	ev.n = -42;
	assert_int_equal(append_events(j, &ev, 1, NULL, 0), 0);
	*r2end = journal_offset(j);
	ev = idea("third");
	assert_int_equal(append_events(j, &ev, 1, NULL, 0), 0);
	journal_close(j);
	return slurp(f->path, len);
}

static void
test_crc_detects_every_flipped_byte(void **state)
{
	static const unsigned char masks[] = { 0x01, 0x20, 0x80 };
	struct fx *f = *state;
	char *bytes, *copy = fx_file(f, "flipped.csv"), *err = NULL;
	size_t len, m, i, tried = 0;
	off_t r2, r2end, pos;
	struct got g = { 0 };
	int saw_third;

	bytes = three_records(f, &len, &r2, &r2end);
	for (pos = r2; pos < r2end; pos++) {
		for (m = 0; m < sizeof masks; m++) {
			bytes[pos] ^= masks[m];
			spit(copy, bytes, len, 0);
			bytes[pos] ^= masks[m];
			assert_true(read_all(copy, &g, &err) >= 0);
			/* the damaged record is reported at its first line,
			 * never delivered, and nothing else is lost */
			assert_true(g.nbads >= 1);
			assert_int_equal(g.bads[0].line, 3);
			assert_true(g.nrecs >= 1);
			assert_string_equal(g.recs[0].s[5], "first");
			saw_third = 0;
			for (i = 0; i < g.nrecs; i++) {
				assert_int_not_equal(g.recs[i].seq, 2);
				if (g.recs[i].seq == 3) {
					assert_string_equal(g.recs[i].s[5],
					    "third");
					saw_third = 1;
				}
			}
			/* only a damaged line end joins the next record to
			 * the damaged line */
			if (pos != r2end - 1)
				assert_true(saw_third);
			got_clear(&g);
			tried++;
		}
	}
	assert_true(tried > 200);
	free(bytes);
	free(copy);
}

/* Copies `bytes` with [at, at+cut) replaced by `put`, reads it, checks
 * that only record 4 of 1..10 is missing and was reported at line 5. */
static void
check_damaged_fourth(struct fx *f, const char *bytes, size_t len, size_t at,
    size_t cut, const char *put)
{
	char *copy = fx_file(f, "damaged.csv"), *err = NULL, text[16];
	struct got g = { 0 };
	size_t i;

	spit(copy, bytes, at, 0);
	spit(copy, put, strlen(put), 1);
	spit(copy, bytes + at + cut, len - at - cut, 1);
	assert_int_equal(read_all(copy, &g, &err), 10);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 5);
	assert_int_equal(g.nrecs, 9);
	for (i = 0; i < 9; i++) {
		snprintf(text, sizeof text, "idea %zu", i < 3 ? i + 1 : i + 2);
		assert_string_equal(g.recs[i].s[5], text);
		assert_int_equal(g.recs[i].seq, i < 3 ? i + 1 : i + 2);
	}
	got_clear(&g);
	free(copy);
}

static void
test_broken_quote_keeps_later_records(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct event ev;
	char text[24], *bytes, *rec4;
	size_t len, at;
	int i;

	for (i = 1; i <= 10; i++) {
		snprintf(text, sizeof text, "idea %d", i);
		ev = idea(text);
		assert_int_equal(append_events(j, &ev, 1, NULL, 0), 0);
	}
	journal_close(j);
	bytes = slurp(f->path, &len);
	rec4 = strstr(bytes, "\"4\",");
	assert_non_null(rec4);
	at = (size_t)(strstr(rec4, "idea 4") - bytes);
	/* the text's closing quote deleted: the field runs on */
	check_damaged_fourth(f, bytes, len, at + 6, 1, "");
	/* a stray quote inside the text */
	check_damaged_fourth(f, bytes, len, at + 2, 0, "\"");
	/* the text's opening quote deleted */
	check_damaged_fourth(f, bytes, len, at - 1, 1, "");
	/* the opening quote of seq deleted */
	check_damaged_fourth(f, bytes, len, (size_t)(rec4 - bytes), 1, "");
	/* the crc's closing quote damaged: the record never ends */
	at = (size_t)(strchr(rec4, '\r') - bytes);
	check_damaged_fourth(f, bytes, len, at - 1, 1, "x");
	/* an opening quote that swallows the following lines */
	check_damaged_fourth(f, bytes, len, at, 0, ",\"");
	free(bytes);
}

/* The last record's closing quote is damaged: it is reported although it
 * never ends, and the next append neither truncates nor glues to it. */
static void
test_damaged_last_record(void **state)
{
	struct fx *f = *state;
	struct got g = { 0 };
	char *bytes, *err = NULL;
	size_t len;
	off_t before;

	append_text(f->path, "good", 0);
	append_text(f->path, "damaged", 0);
	bytes = slurp(f->path, &len);
	assert_memory_equal(bytes + len - 3, "\"\r\n", 3);
	bytes[len - 3] = 'x';
	spit(f->path, bytes, len, 0);
	assert_int_equal(read_all(f->path, &g, &err), 2);
	assert_int_equal(g.nrecs, 1);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 3);
	got_clear(&g);

	before = file_size(f->path);
	append_text(f->path, "after", 0);
	assert_true(file_size(f->path) > before);
	free(bytes);
	bytes = slurp(f->path, &len);
	assert_non_null(strstr(bytes, "\"damaged\""));
	assert_int_equal(read_all(f->path, &g, &err), 3);
	assert_int_equal(g.nrecs, 2);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 3);
	assert_string_equal(g.recs[1].s[5], "after");
	assert_int_equal(g.recs[1].seq, 2);
	got_clear(&g);
	free(bytes);
}

/* Line numbers count the lines of multi-line records and blank lines. */
static void
test_bad_line_numbers(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "3", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i3", "", "", "", "x", "" };
	struct got g = { 0 };
	char *rec, *err = NULL;
	size_t len;

	append_text(f->path, "one\r\ntwo\r\nthree", 0);	/* lines 2-4 */
	append_text(f->path, "a\nb", 0);			/* lines 5-6 */
	spit(f->path, "\r\n\r\n", 4, 1);			/* lines 7-8 */
	rec = hand_record(v, "\r\n", &len);
	rec[len - 5] ^= 1;					/* bad crc */
	spit(f->path, rec, len, 1);				/* line 9 */
	append_text(f->path, "last", 0);			/* line 10 */
	assert_int_equal(read_all(f->path, &g, &err), 4);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 9);
	assert_non_null(strstr(g.bads[0].why, "checksum"));
	assert_int_equal(g.nrecs, 3);
	assert_int_equal(g.recs[2].seq, 3);
	got_clear(&g);
	free(rec);
}

/* --- partial and torn tails ---------------------------------------------- */

/* The bytes of a record with seq 2 and the given text, made in another
 * journal. */
static char *
second_record(struct fx *f, const char *text, size_t *len)
{
	char *other = fx_file(f, "other.csv"), *bytes, *rec;
	off_t a, b;
	size_t n;

	journal_create(other, NULL);
	a = append_text(other, "one", 0);
	b = append_text(other, text, 0);
	bytes = slurp(other, &n);
	assert_int_equal((size_t)b, n);
	rec = xstrndup(bytes + a, (size_t)(b - a));
	*len = (size_t)(b - a);
	unlink(other);
	free(other);
	free(bytes);
	return rec;
}

/* Writes rec in two pieces, cut at `cut`, reading in between. */
static void
check_split(struct fx *f, const char *rec, size_t len, size_t cut,
    const char *text)
{
	struct journal *j = journal_open(f->path, 1, NULL);
	struct got g = { 0 };
	char *err = NULL;
	off_t end;

	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err), 1);
	end = journal_offset(j);
	spit(f->path, rec, cut, 1);
	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err), 0);
	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err), 0);
	assert_int_equal(journal_offset(j), end);
	spit(f->path, rec + cut, len - cut, 1);
	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err), 1);
	assert_int_equal(journal_read(j, got_record, got_bad, &g, &err), 0);
	assert_int_equal(g.nrecs, 2);
	assert_int_equal(g.nbads, 0);
	assert_int_equal(g.recs[1].seq, 2);
	assert_string_equal(g.recs[1].s[5], text);
	assert_int_equal(journal_offset(j), end + (off_t)len);
	journal_close(j);
	got_clear(&g);
}

static void
test_partial_tail_held_back(void **state)
{
	struct fx *f = *state;
	size_t len, cut;
	char *rec = second_record(f, "half and half", &len);

	append_text(f->path, "one", 0);
	check_split(f, rec, len, len / 2, "half and half");
	free(rec);
	/* cut everywhere, including just before the CR and the LF */
	for (cut = 1; cut < len; cut += 7) {
		teardown(state);
		setup(state);
		f = *state;
		rec = second_record(f, "half and half", &len);
		append_text(f->path, "one", 0);
		check_split(f, rec, len, cut, "half and half");
		free(rec);
	}
}

static void
test_partial_multiline_split_at_newline(void **state)
{
	struct fx *f = *state;
	size_t len, cut;
	char *rec = second_record(f, "alpha\r\nbeta\ngamma", &len);

	append_text(f->path, "one", 0);
	cut = (size_t)(strstr(rec, "alpha\r\n") - rec) + 7;
	check_split(f, rec, len, cut, "alpha\r\nbeta\ngamma");
	free(rec);
}

static void
test_partial_long_line(void **state)
{
	struct fx *f = *state;
	char *text = xmalloc(700 * 1024), *rec;
	size_t len;

	memset(text, 'w', 700 * 1024 - 1);
	text[700 * 1024 - 1] = '\0';
	rec = second_record(f, text, &len);
	append_text(f->path, "one", 0);
	check_split(f, rec, len, 450 * 1024, text);
	free(rec);
	free(text);
}

static void
check_torn_tail_repaired(struct fx *f, const char *torn, size_t tornlen)
{
	struct got g = { 0 };
	char *bytes, *err = NULL;
	size_t len;
	off_t good;

	good = append_text(f->path, "one", 0);
	spit(f->path, torn, tornlen, 1);
	assert_int_equal(file_size(f->path), good + (off_t)tornlen);
	append_text(f->path, "after", 0);
	assert_int_equal(read_all(f->path, &g, &err), 2);
	assert_int_equal(g.nbads, 0);
	assert_int_equal(g.nrecs, 2);
	assert_string_equal(g.recs[1].s[5], "after");
	assert_int_equal(g.recs[1].seq, 2);
	bytes = slurp(f->path, &len);
	assert_null(strstr(bytes, "TORN"));
	got_clear(&g);
	free(bytes);
}

static void
test_torn_tail_repaired(void **state)
{
	struct fx *f = *state;
	size_t len;
	char *rec = second_record(f, "TORN record", &len);

	check_torn_tail_repaired(f, rec, len / 2);
	free(rec);
}

/* Torn right after a line break inside the text: it ends in '\n' but is
 * still an incomplete record. */
static void
test_torn_tail_at_embedded_newline(void **state)
{
	struct fx *f = *state;
	size_t len, cut;
	char *rec = second_record(f, "TORN\r\nmore", &len);

	cut = (size_t)(strstr(rec, "TORN\r\n") - rec) + 6;
	check_torn_tail_repaired(f, rec, cut);
	free(rec);
}

/* A reader holding a partial tail is not confused when a writer repairs it
 * and appends: the new record is read whole, nothing is glued. */
static void
test_held_tail_not_glued_after_repair(void **state)
{
	struct fx *f = *state;
	struct journal *r;
	struct got g = { 0 };
	char *rec, *err = NULL;
	size_t len;

	rec = second_record(f, "TORN record that will never end", &len);
	append_text(f->path, "one", 0);
	spit(f->path, rec, len - 10, 1);
	r = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 1);
	append_text(f->path, "after", 0);
	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 1);
	assert_int_equal(g.nbads, 0);
	assert_int_equal(g.nrecs, 2);
	assert_string_equal(g.recs[1].s[5], "after");
	assert_int_equal(journal_offset(r), file_size(f->path));
	journal_close(r);
	got_clear(&g);
	free(rec);
}

static void
test_complete_bad_record_never_truncated(void **state)
{
	struct fx *f = *state;
	struct got g = { 0 };
	char *rec, *bytes, *err = NULL;
	size_t len, flen;
	off_t before;

	rec = second_record(f, "KEEP ME", &len);
	append_text(f->path, "one", 0);
	*strstr(rec, "KEEP") = 'k';		/* bad checksum now */
	spit(f->path, rec, len, 1);
	before = file_size(f->path);
	append_text(f->path, "after", 0);
	assert_true(file_size(f->path) > before);
	bytes = slurp(f->path, &flen);
	assert_non_null(strstr(bytes, "kEEP ME"));
	assert_int_equal(read_all(f->path, &g, &err), 3);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 3);
	assert_int_equal(g.nrecs, 2);
	assert_string_equal(g.recs[1].s[5], "after");
	assert_int_equal(g.recs[1].seq, 2);
	got_clear(&g);
	free(bytes);
	free(rec);
}

/* --- appending ----------------------------------------------------------- */

static int
build_refuse(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev = idea("never");

	journal_batch_add(b, &ev);		/* then changes its mind */
	set_error(err, 0, "voting is closed");
	return *(int *)ctx;
}

static void
test_refused_build_writes_nothing(void **state)
{
	struct fx *f = *state;
	struct journal *j;
	struct got g = { 0 };
	char *err = NULL;
	off_t before;
	int r;

	append_text(f->path, "one", 0);
	before = file_size(f->path);
	j = journal_open(f->path, 0, NULL);
	r = 1;
	assert_int_equal(journal_append(j, build_refuse, &r, got_record,
	    got_bad, &g, 0, &err), 1);
	assert_string_equal(err, "voting is closed");
	assert_int_equal(g.nrecs, 1);		/* only the catch-up */
	assert_int_equal(file_size(f->path), before);
	r = 3;
	assert_int_equal(journal_append(j, build_refuse, &r, got_record,
	    got_bad, &g, 0, &err), 3);
	assert_int_equal(file_size(f->path), before);
	/* an empty batch writes nothing and succeeds */
	assert_int_equal(append_events(j, NULL, 0, &g, 0), 0);
	assert_int_equal(file_size(f->path), before);
	assert_int_equal(g.nrecs, 1);
	free(err);
	journal_close(j);
	append_text(f->path, "two", 0);
	got_clear(&g);
	assert_int_equal(read_all(f->path, &g, &err), 2);
	assert_int_equal(g.recs[1].seq, 2);
	got_clear(&g);
}

/* A seq at the top of its range: the last record that fits is written
 * and read back; the one after it is refused before anything is written
 * (it used to be written and acknowledged, then unreadable, hiding every
 * record after it). */
static void
test_seq_at_the_top(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "9999999999999999998", "2026-11-26T09:00:00.000Z",
	    "p1", "t", "idea", "i9", "p1", "r1", "", "near the top", "ideate" };
	struct event ev[2] = { idea("the last"), idea("one too many") };
	struct journal *j;
	struct got g = { 0 };
	char *rec, *err = NULL;
	size_t len;
	off_t size;

	rec = hand_record(v, "\r\n", &len);
	spit(f->path, rec, len, 1);
	free(rec);
	j = journal_open(f->path, 0, NULL);
	/* Two records would pass the top: refused whole. */
	size = file_size(f->path);
	assert_int_equal(journal_append(j, build_events,
	    &(struct events){ ev, 2 }, NULL, NULL, NULL, 0, &err), 3);
	assert_non_null(strstr(err, "9999999999999999999"));
	assert_int_equal(file_size(f->path), size);
	free(err);
	err = NULL;
	/* One fits, exactly at the top. */
	assert_int_equal(append_events(j, &ev[0], 1, NULL, 0), 0);
	assert_true(journal_last_seq(j) == JOURNAL_SEQ_MAX);
	/* And nothing more. */
	size = file_size(f->path);
	assert_int_equal(journal_append(j, build_events,
	    &(struct events){ &ev[1], 1 }, NULL, NULL, NULL, 0, &err), 3);
	assert_non_null(strstr(err, "nothing was written"));
	assert_int_equal(file_size(f->path), size);
	free(err);
	journal_close(j);

	/* Every record reads back, none damaged. */
	assert_int_equal(read_all(f->path, &g, &err), 2);
	assert_int_equal(g.nbads, 0);
	assert_true(g.recs[1].seq == JOURNAL_SEQ_MAX);
	assert_string_equal(g.recs[1].s[5], "the last");
	got_clear(&g);
}

static void
test_seq_continues_after_reopen(void **state)
{
	struct fx *f = *state;
	struct journal *j;
	struct got g = { 0 };
	struct event ev = idea("x");

	append_text(f->path, "a", 0);
	append_text(f->path, "b", 0);
	append_text(f->path, "c", 0);
	/* no read first: the append catches up under the lock */
	j = journal_open(f->path, 0, NULL);
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(g.nrecs, 4);
	assert_string_equal(g.recs[2].s[5], "c");
	assert_int_equal(g.recs[3].seq, 4);
	assert_int_equal(journal_last_seq(j), 4);
	assert_int_equal(journal_offset(j), file_size(f->path));
	/* and reading afterwards finds nothing new */
	assert_int_equal(journal_read(j, got_record, got_bad, &g, NULL), 0);
	journal_close(j);
	got_clear(&g);
}

struct seqids {
	char ids[3][24];
};

static int
build_with_ids(struct journal_batch *b, void *ctx, char **err)
{
	struct seqids *s = ctx;
	struct event ev;
	int i;

	(void)err;
	for (i = 0; i < 3; i++) {
		snprintf(s->ids[i], sizeof s->ids[i], "i%" PRIu64,
		    journal_batch_next_seq(b));
		ev = idea("with id");
		ev.id = s->ids[i];
		journal_batch_add(b, &ev);
	}
	return 0;
}

static void
test_batch_next_seq(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct seqids s;
	struct got g = { 0 };
	char want[24];
	size_t i;

	append_text(f->path, "a", 0);
	assert_int_equal(journal_append(j, build_with_ids, &s, got_record,
	    got_bad, &g, 0, NULL), 0);
	assert_int_equal(g.nrecs, 4);
	for (i = 1; i < 4; i++) {
		snprintf(want, sizeof want, "i%" PRIu64, g.recs[i].seq);
		assert_string_equal(g.recs[i].s[2], want);
	}
	assert_string_equal(g.recs[1].s[2], "i2");
	journal_close(j);
	got_clear(&g);
}

static void
test_times(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct got g = { 0 };
	struct event ev = idea("t");
	int64_t before = journal_now_ms(), later;

	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_true(g.recs[0].time_ms >= before);
	assert_true(g.recs[0].time_ms <= journal_now_ms());
	/* explicit times are taken as given */
	assert_int_equal(append_events(j, &ev, 1, &g, 1000), 0);
	assert_int_equal(g.recs[1].time_ms, 1000);
	/* the clock never goes back behind the last record */
	later = journal_now_ms() + 3600 * 1000;
	assert_int_equal(append_events(j, &ev, 1, &g, later), 0);
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(g.recs[3].time_ms, later);
	journal_close(j);
	got_clear(&g);
}

static void
check_fault(struct fx *f, enum journal_fault fault, const char *says)
{
	struct journal *j = journal_open(f->path, 0, NULL);
	struct event ev = idea("doomed");
	struct events e = { &ev, 1 };
	struct got g = { 0 };
	char *err = NULL;
	off_t before;
	uint64_t seq;

	assert_int_equal(journal_read(j, NULL, NULL, NULL, NULL) >= 0, 1);
	seq = journal_last_seq(j);
	before = file_size(f->path);
	journal_set_fault(j, fault);
	assert_int_equal(journal_append(j, build_events, &e, got_record,
	    got_bad, &g, 0, &err), 3);
	assert_non_null(err);
	assert_non_null(strstr(err, says));
	assert_non_null(strstr(err, "nothing was written"));
	assert_int_equal(file_size(f->path), before);
	assert_int_equal(g.nrecs, 0);
	assert_int_equal(journal_last_seq(j), seq);
	free(err);
	ev = idea("fine");
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(g.recs[0].seq, seq + 1);
	journal_close(j);
	got_clear(&g);
	assert_int_equal(read_all(f->path, &g, NULL), (long)seq + 1);
	assert_int_equal(g.nbads, 0);
	got_clear(&g);
}

static void
test_write_faults(void **state)
{
	struct fx *f = *state;

	append_text(f->path, "one", 0);
	check_fault(f, JOURNAL_FAULT_ENOSPC, "the disk is full");
	check_fault(f, JOURNAL_FAULT_SHORT, "is the disk full?");
	check_fault(f, JOURNAL_FAULT_FSYNC, "cannot save");
}

/* Another writer's append, made between a writer's unlock and its fsync. */
struct meanwhile {
	const char *path;
	int calls;
};

static void
append_meanwhile(void *ctx)
{
	struct meanwhile *m = ctx;

	m->calls++;
	append_text(m->path, "meanwhile", 0);
}

/* The fsync runs after the unlock: another writer may append in between,
 * after the batch, with the next seq; the batch is acknowledged once its
 * own fsync returned. */
static void
test_sync_after_unlock(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct meanwhile m = { f->path, 0 };
	struct event ev = idea("first");
	struct got g = { 0 };

	assert_int_equal(journal_read(j, NULL, NULL, NULL, NULL), 0);
	journal_test_unlocked_hook(j, append_meanwhile, &m);
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(m.calls, 1);
	assert_int_equal(g.nrecs, 1);
	assert_int_equal(g.recs[0].seq, 1);
	/* the next append catches up with the one made meanwhile first */
	journal_test_unlocked_hook(j, NULL, NULL);
	ev = idea("third");
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(g.nrecs, 3);
	assert_string_equal(g.recs[1].s[5], "meanwhile");
	assert_int_equal(g.recs[1].seq, 2);
	assert_int_equal(g.recs[2].seq, 3);
	journal_close(j);
	got_clear(&g);
	assert_int_equal(read_all(f->path, &g, NULL), 3);
	assert_int_equal(g.nbads, 0);
	got_clear(&g);
}

/* An fsync that fails after another writer appended cannot cut the batch
 * off (the later record would go with it): the batch stays, the append
 * fails saying so, and this handle's state has the batch. */
static void
test_sync_fails_after_others_appended(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct meanwhile m = { f->path, 0 };
	struct event ev = idea("unsure");
	struct events e = { &ev, 1 };
	struct got g = { 0 };
	char *err = NULL;

	assert_int_equal(journal_read(j, NULL, NULL, NULL, NULL), 0);
	journal_test_unlocked_hook(j, append_meanwhile, &m);
	journal_set_fault(j, JOURNAL_FAULT_FSYNC);
	assert_int_equal(journal_append(j, build_events, &e, got_record,
	    got_bad, &g, 0, &err), 3);
	assert_non_null(err);
	assert_non_null(strstr(err, "cannot save"));
	assert_non_null(strstr(err, "may be lost"));
	assert_null(strstr(err, "nothing was written"));
	free(err);
	assert_int_equal(g.nrecs, 1);
	assert_int_equal(journal_last_seq(j), 1);
	/* later appends go on from the record made meanwhile */
	journal_test_unlocked_hook(j, NULL, NULL);
	ev = idea("after");
	assert_int_equal(append_events(j, &ev, 1, &g, 0), 0);
	assert_int_equal(g.nrecs, 3);
	assert_int_equal(g.recs[2].seq, 3);
	journal_close(j);
	got_clear(&g);
	assert_int_equal(read_all(f->path, &g, NULL), 3);
	assert_string_equal(g.recs[0].s[5], "unsure");
	assert_string_equal(g.recs[1].s[5], "meanwhile");
	got_clear(&g);
}

static void
test_read_only(void **state)
{
	struct fx *f = *state;
	struct journal *j = journal_open(f->path, 1, NULL);
	struct event ev = idea("no");
	struct events e = { &ev, 1 };
	char *err = NULL;
	off_t before = file_size(f->path);

	assert_int_equal(journal_append(j, build_events, &e, NULL, NULL, NULL,
	    0, &err), 3);
	assert_non_null(strstr(err, "read-only"));
	journal_close(j);
	if (geteuid() != 0) {		/* root writes through modes */
		chmod(f->path, 0444);
		j = journal_open(f->path, 0, NULL);
		assert_non_null(j);
		assert_int_equal(journal_append(j, build_events, &e, NULL,
		    NULL, NULL, 0, &err), 3);
		assert_non_null(strstr(err, "read-only"));
		journal_close(j);
	}
	assert_int_equal(file_size(f->path), before);
	free(err);
}

/* --- refusing files ------------------------------------------------------ */

static void
test_shorter_than_offset(void **state)
{
	struct fx *f = *state;
	struct journal *j;
	char *err = NULL;
	off_t end;

	append_text(f->path, "one", 0);
	end = append_text(f->path, "two", 0);
	j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(j, NULL, NULL, NULL, &err), 2);
	assert_int_equal(truncate(f->path, end - 5), 0);
	assert_int_equal(journal_read(j, NULL, NULL, NULL, &err), -1);
	assert_non_null(strstr(err, "shorter"));
	free(err);
	journal_close(j);
}

static void
expect_refused(struct fx *f, const char *bytes, size_t len, const char *says)
{
	if (len == 0)
		len = strlen(bytes);

	char *err = NULL;
	struct got g = { 0 };

	spit(f->path, bytes, len, 0);
	assert_int_equal(read_all(f->path, &g, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, says));
	assert_int_equal(g.nrecs + g.nbads, 0);
	free(err);
}

static void
test_not_a_journal(void **state)
{
	struct fx *f = *state;
	char bin[8192], *err = NULL;
	struct got g = { 0 };
	size_t i;

	expect_refused(f, "name,country\r\nAda,NZ\r\n", 0,
	    "not a convene journal");
	/* a binary file without any line end is refused at once */
	for (i = 0; i < sizeof bin; i++)
		bin[i] = (char)(0x80 + i % 64);
	expect_refused(f, bin, sizeof bin, "not a convene journal");
	expect_refused(f, "\xef\xbb\xbf\"convene_journal_v1\"\r\n", 0,
	    "not a convene journal");
	expect_refused(f, "\"convene_journal_v1\",\"time\"\r\n", 0,
	    "columns");
	expect_refused(f, "\"convene_journal_v1\",\"time\",\"actor\","
	    "\"terminal\",\"event\",\"id\",\"ref\",\"room\",\"n\",\"text\","
	    "\"extra\",\"crc\"\r\n", 0, "crc32");
	/* an empty file is a journal not yet written: nothing to read */
	spit(f->path, "", 0, 0);
	assert_int_equal(read_all(f->path, &g, &err), 0);
	/* a header still being written is waited for */
	spit(f->path, HEADER, 20, 0);
	assert_int_equal(read_all(f->path, &g, &err), 0);
	assert_null(journal_open(f->dir, 1, &err));
	assert_non_null(err);
	free(err);
}

static void
test_unknown_schema(void **state)
{
	struct fx *f = *state;
	static const char v2[] = "\"convene_journal_v2\",\"time\",\"more\"\r\n";

	expect_refused(f, v2, sizeof v2 - 1, "convene_journal_v2");
	/* appending to it is refused as well */
	{
		struct journal *j = journal_open(f->path, 0, NULL);
		struct event ev = idea("no");
		struct events e = { &ev, 1 };
		char *err = NULL;

		assert_int_equal(journal_append(j, build_events, &e, NULL,
		    NULL, NULL, 0, &err), 3);
		assert_non_null(strstr(err, "convene_journal_v2"));
		assert_int_equal(file_size(f->path), (off_t)sizeof v2 - 1);
		free(err);
		journal_close(j);
	}
}

/* --- records from other writers ------------------------------------------ */

static void
test_unknown_event_kept(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "1", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "hologram", "h1", "", "", "7", "from the future", "" };
	struct got g = { 0 };
	char *rec;
	size_t len;

	rec = hand_record(v, "\r\n", &len);
	spit(f->path, rec, len, 1);
	append_text(f->path, "next", 0);
	assert_int_equal(read_all(f->path, &g, NULL), 2);
	assert_int_equal(g.nbads, 0);
	assert_int_equal(g.recs[0].type, EV_UNKNOWN);
	assert_string_equal(g.recs[0].s[7], "hologram");
	assert_int_equal(g.recs[0].n, 7);
	assert_string_equal(g.recs[0].s[5], "from the future");
	assert_int_equal(g.recs[1].seq, 2);
	got_clear(&g);
	free(rec);
}

/* What a spreadsheet or a script might write: LF line ends, fields
 * unquoted, blank lines, spaces kept.  The check is the same. */
static void
test_other_csv_forms(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "1", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i1", "", "", "-3", " padded text ", "" };
	const char *w[11] = { "2", "2026-11-26T09:00:01.000Z", "p1", "t",
	    "idea", "i2", "", "", "", " plain\t", "" };
	struct got g = { 0 };
	char *rec, line[256], crc[12];
	size_t len;
	uint32_t sum = 0;
	int i;

	rec = hand_record(v, "\n", &len);
	spit(f->path, rec, len, 1);
	spit(f->path, "\n\r\n", 3, 1);
	for (i = 0; i < 11; i++)
		sum = crc32_update(sum, w[i], strlen(w[i]) + 1);
	snprintf(crc, sizeof crc, "%08" PRIx32, sum);
	len = (size_t)snprintf(line, sizeof line,
	    "2,2026-11-26T09:00:01.000Z,p1,t,idea,i2,,,, plain\t,,%s\r\n", crc);
	spit(f->path, line, len, 1);
	assert_int_equal(read_all(f->path, &g, NULL), 2);
	assert_int_equal(g.nbads, 0);
	assert_string_equal(g.recs[0].s[5], " padded text ");
	assert_int_equal(g.recs[0].n, -3);
	assert_string_equal(g.recs[1].s[5], " plain\t");
	assert_int_equal(g.recs[1].n, 0);
	got_clear(&g);
	free(rec);
}

/* Records that check but break the rules of seq, time or n are bad. */
static void
test_bad_values(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "1", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i1", "", "", "", "x", "" };
	static const struct {
		int field;
		const char *value, *says;
	} cases[] = {
		{ 0, "0", "seq" }, { 0, "x", "seq" }, { 0, "", "seq" },
		{ 0, "1", "does not come after" },
		{ 1, "2026-11-26 09:00:00", "time" }, { 8, "1.5", "n is not" },
		{ 8, "--1", "n is not" },
		{ 8, "99999999999999999999", "n is not" },
	};
	struct got g = { 0 };
	char *rec;
	size_t len, i;

	rec = hand_record(v, "\r\n", &len);
	spit(f->path, rec, len, 1);
	free(rec);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		v[0] = "5";	/* a seq that would be fine */
		v[cases[i].field] = cases[i].value;
		rec = hand_record(v, "\r\n", &len);
		spit(f->path, rec, len, 1);
		free(rec);
		v[1] = "2026-11-26T09:00:00.000Z";
		v[8] = "";
	}
	append_text(f->path, "good", 0);
	assert_int_equal(read_all(f->path, &g, NULL), (long)i + 2);
	assert_int_equal(g.nrecs, 2);
	assert_int_equal(g.recs[1].seq, 2);
	assert_int_equal(g.nbads, i);
	for (i = 0; i < g.nbads; i++) {
		assert_int_equal(g.bads[i].line, i + 3);
		if (strstr(g.bads[i].why, cases[i].says) == NULL)
			fail_msg("%s: %s", cases[i].says, g.bads[i].why);
	}
	got_clear(&g);
}

/* A NUL byte would cut a value short when handed on as a C string: such a
 * record is bad even when its checksum is right. */
static void
test_nul_in_field(void **state)
{
	struct fx *f = *state;
	static const char text[] = "before\0after";
	const char *v[11] = { "1", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i1", "", "", "", text, "" };
	size_t len[11], i, at = 0;
	char out[512], crc[12];
	uint32_t sum = 0;
	struct got g = { 0 };

	for (i = 0; i < 11; i++) {
		len[i] = i == 9 ? sizeof text - 1 : strlen(v[i]);
		sum = crc32_update(sum, v[i], len[i]);
		sum = crc32_update(sum, "", 1);
		at += csv_write(out + at, sizeof out - at, v[i], len[i]);
		out[at++] = ',';
	}
	snprintf(crc, sizeof crc, "%08" PRIx32, sum);
	at += csv_write(out + at, sizeof out - at, crc, 8);
	memcpy(out + at, "\r\n", 2);
	spit(f->path, out, at + 2, 1);
	append_text(f->path, "next", 0);
	assert_int_equal(read_all(f->path, &g, NULL), 2);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 2);
	assert_non_null(strstr(g.bads[0].why, "NUL"));
	assert_int_equal(g.nrecs, 1);
	assert_int_equal(g.recs[0].seq, 1);
	got_clear(&g);
}

/* libcsv also ends a row at a lone CR; a second record on the same line
 * is not the format: the line is reported, the next one is read. */
static void
test_two_records_on_one_line(void **state)
{
	struct fx *f = *state;
	const char *v[11] = { "1", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i1", "", "", "", "one", "" };
	const char *w[11] = { "2", "2026-11-26T09:00:00.000Z", "p1", "t",
	    "idea", "i2", "", "", "", "two", "" };
	struct got g = { 0 };
	char *a, *b;
	size_t alen, blen;

	a = hand_record(v, "\r", &alen);
	b = hand_record(w, "\r\n", &blen);
	spit(f->path, a, alen, 1);
	spit(f->path, b, blen, 1);
	append_text(f->path, "three", 0);
	assert_int_equal(read_all(f->path, &g, NULL), 2);
	assert_int_equal(g.nbads, 1);
	assert_int_equal(g.bads[0].line, 2);
	assert_int_equal(g.nrecs, 1);
	assert_string_equal(g.recs[0].s[5], "three");
	assert_int_equal(g.recs[0].seq, 1);
	got_clear(&g);
	free(a);
	free(b);
}

/* --- following ----------------------------------------------------------- */

static void
test_follow_inotify(void **state)
{
	struct fx *f = *state;
	struct journal *r = journal_open(f->path, 1, NULL);
	struct got g = { 0 };
	struct pollfd p;
	char *err = NULL;
	int fd;

	fd = journal_watch_fd(r);	/* dnotify, else inotify */
	if (fd < 0)
		skip();			/* neither here: polling test */
	assert_int_equal(journal_watch_fd(r), fd);
	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 0);
	assert_int_equal(journal_changed(r, &err), 0);
	append_text(f->path, "seen", 0);
	p.fd = fd;
	p.events = POLLIN;
	assert_int_equal(poll(&p, 1, 2000), 1);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 1);
	assert_string_equal(g.recs[0].s[5], "seen");
	/* drained: quiet until the next change */
	assert_int_equal(journal_changed(r, &err), 0);
	assert_int_equal(poll(&p, 1, 0), 0);
	journal_close(r);
	got_clear(&g);
}

static void
test_follow_polling(void **state)
{
	struct fx *f = *state;
	struct journal *r = journal_open(f->path, 1, NULL);
	struct got g = { 0 };
	char *err = NULL;

	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 0);
	assert_int_equal(journal_changed(r, &err), 0);
	append_text(f->path, "polled", 0);
	assert_int_equal(journal_changed(r, &err), 1);
	assert_int_equal(journal_read(r, got_record, got_bad, &g, &err), 1);
	assert_string_equal(g.recs[0].s[5], "polled");
	assert_int_equal(journal_changed(r, &err), 0);
	journal_close(r);
	got_clear(&g);
}

static void
test_follow_gone(void **state)
{
	struct fx *f = *state;
	char *other = fx_file(f, "other.csv"), *moved = fx_file(f, "moved.csv");
	struct journal *r = journal_open(f->path, 1, NULL);
	char *err = NULL;

	journal_watch_fd(r);
	assert_int_equal(journal_read(r, NULL, NULL, NULL, &err), 0);
	/* replaced by another file under the same name */
	assert_int_equal(journal_create(other, &err), 0);
	assert_int_equal(rename(other, f->path), 0);
	assert_int_equal(journal_changed(r, &err), -1);
	assert_non_null(strstr(err, "replaced"));
	journal_close(r);
	/* moved away */
	r = journal_open(f->path, 1, NULL);
	assert_int_equal(rename(f->path, moved), 0);
	assert_int_equal(journal_changed(r, &err), -1);
	assert_non_null(strstr(err, "deleted or moved"));
	journal_close(r);
	/* deleted */
	r = journal_open(moved, 1, NULL);
	journal_watch_fd(r);
	assert_int_equal(unlink(moved), 0);
	assert_int_equal(journal_changed(r, &err), -1);
	assert_non_null(strstr(err, "deleted"));
	journal_close(r);
	free(err);
	free(other);
	free(moved);
}

/* --- csv-spectrum -------------------------------------------------------- */

struct values {
	char **v;
	size_t *len;
	size_t n, cap, lcap;
};

static void
spectrum_field(void *data, size_t len, void *ctx)
{
	struct values *vs = ctx;

	vs->v = xgrow(vs->v, &vs->cap, vs->n + 1, sizeof *vs->v);
	vs->len = xgrow(vs->len, &vs->lcap, vs->n + 1, sizeof *vs->len);
	vs->v[vs->n] = xstrndup(data == NULL ? "" : data, len);
	vs->len[vs->n++] = len;
}

static void
test_csv_spectrum(void **state)
{
	struct fx *f = *state;
	struct values vs = { 0 };
	struct csv_parser p;
	struct event *ev;
	struct journal *j;
	struct got g = { 0 };
	struct dirent *d;
	DIR *dir = opendir(SPECTRUM);
	char *path, *bytes, *err = NULL;
	size_t len, i, files = 0;

	if (dir == NULL)
		skip();
	while ((d = readdir(dir)) != NULL) {
		if (strstr(d->d_name, ".csv") == NULL)
			continue;
		path = path_join(SPECTRUM, d->d_name);
		bytes = slurp(path, &len);
		assert_int_equal(csv_init(&p, 0), 0);
		assert_int_equal(csv_parse(&p, bytes, len, spectrum_field, NULL,
		    &vs), len);
		csv_fini(&p, spectrum_field, NULL, &vs);
		csv_free(&p);
		free(bytes);
		free(path);
		files++;
	}
	closedir(dir);
	assert_true(files >= 10);
	assert_true(vs.n > 40);
	ev = xcalloc(vs.n, sizeof *ev);
	for (i = 0; i < vs.n; i++) {
		assert_int_equal(strlen(vs.v[i]), vs.len[i]);
		ev[i] = idea(vs.v[i]);
	}
	j = journal_open(f->path, 0, NULL);
	assert_int_equal(append_events(j, ev, vs.n, NULL, 0), 0);
	journal_close(j);
	assert_int_equal(read_all(f->path, &g, &err), (long)vs.n);
	assert_int_equal(g.nbads, 0);
	for (i = 0; i < vs.n; i++) {
		assert_int_equal(strlen(g.recs[i].s[5]), vs.len[i]);
		assert_memory_equal(g.recs[i].s[5], vs.v[i], vs.len[i]);
		free(vs.v[i]);
	}
	free(vs.v);
	free(vs.len);
	free(ev);
	got_clear(&g);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_create),
		T(test_written_bytes_are_the_format),
		T(test_man_page_example),
		T(test_round_trip_every_type),
		T(test_hostile_text),
		T(test_record_at),
		T(test_peek),
		T(test_record_at_refused_inside_a_read),
		T(test_every_short_length),
		T(test_crc_detects_every_flipped_byte),
		T(test_broken_quote_keeps_later_records),
		T(test_damaged_last_record),
		T(test_bad_line_numbers),
		T(test_partial_tail_held_back),
		T(test_partial_multiline_split_at_newline),
		T(test_partial_long_line),
		T(test_torn_tail_repaired),
		T(test_torn_tail_at_embedded_newline),
		T(test_held_tail_not_glued_after_repair),
		T(test_complete_bad_record_never_truncated),
		T(test_refused_build_writes_nothing),
		T(test_seq_at_the_top),
		T(test_seq_continues_after_reopen),
		T(test_batch_next_seq),
		T(test_times),
		T(test_write_faults),
		T(test_sync_after_unlock),
		T(test_sync_fails_after_others_appended),
		T(test_read_only),
		T(test_shorter_than_offset),
		T(test_not_a_journal),
		T(test_unknown_schema),
		T(test_unknown_event_kept),
		T(test_other_csv_forms),
		T(test_bad_values),
		T(test_nul_in_field),
		T(test_two_records_on_one_line),
		T(test_follow_inotify),
		T(test_follow_polling),
		T(test_follow_gone),
		T(test_csv_spectrum),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
