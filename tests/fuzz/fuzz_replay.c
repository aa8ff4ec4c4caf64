/*
 * fuzz_replay.c -- replay (state.h), ranking (results.h) and export
 * (export.h) of arbitrary but well-formed journals.
 *
 * Mutated bytes almost never carry a right CRC-32, so the journal target
 * sees few records get through to replay.  This one writes them itself:
 * the input is a list of events, one per line,
 *
 *	event|actor|id|ref|room|n|text|extra
 *
 * (event: a journal name such as "idea", or a number picking a type; in
 * the text fields \n \r \t \\ and \| are escapes), and a line "@MINUTES"
 * starts a new batch written that many minutes after 09:00 of day 1.  The
 * first byte sets the session's flags (anonymous, no self votes).  Each
 * batch goes through journal_append into a real journal, applied live to
 * one state, which reads idea texts back from the journal as a
 * participant terminal does (with the replay's prefetch peek on); then a
 * fresh reader replays the file into another, which keeps every text.
 * Checked: every event reads back exactly as written (the CSV and CRC
 * round trip); both states export byte for byte the same files (replay is
 * deterministic, and texts read back equal texts kept); every round ranks
 * by results.h's rules; and a checkpoint of the fresh state (checkpoint.h),
 * loaded into a third state, exports the same files again.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "checkpoint.h"
#include "content.h"
#include "export.h"
#include "fuzz.h"
#include "journal.h"
#include "results.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#define MAX_EVENTS 2000
#define DAYS 4

static char *path;
static off_t header_size;
static struct module *mod;
static int64_t day_starts[DAYS + 1];

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char *dir = xasprintf("%s/convene-fuzz-replay.XXXXXX", base), *err = NULL;
	const char *zone;
	int i, y, m, d;

	(void)argc;
	(void)argv;
	if (mkdtemp(dir) == NULL)
		abort();
	path = path_join(dir, "journal.csv");
	free(dir);
	if (journal_create(path, &err) != 0)
		abort();
	header_size = lseek(open(path, O_RDONLY), 0, SEEK_END);
	/* The run script works from the top of the tree. */
	mod = content_load("tests/data/modules/minimal", &err);
	free(err);
	zone = mod != NULL && mod->timezone != NULL ? mod->timezone : "UTC";
	for (i = 0; i <= DAYS; i++) {
		tz_add_days(zone, 2026, 11, 23, i, &y, &m, &d);
		tz_from_local(zone, y, m, d, 0, &day_starts[i]);
	}
	return 0;
}

/* --- the input ----------------------------------------------------------- */

struct batch {
	int64_t at;
	struct event *ev;	/* strings owned by `strings` */
	size_t n;
};

struct input {
	struct batch *b;
	size_t nb, capb;
	char **strings;
	size_t ns, caps;
	size_t nevents;
};

/* Field f of line[0..len), unescaped; NULL when the line has fewer. */
static char *
take_field(const char *line, size_t len, int f)
{
	size_t i = 0, o = 0;
	char *out = xmalloc(len + 1);

	for (; f > 0 && i < len; i++) {
		if (line[i] == '\\' && i + 1 < len)
			i++;
		else if (line[i] == '|')
			f--;
	}
	if (f > 0) {
		free(out);
		return NULL;
	}
	for (; i < len && line[i] != '|'; i++) {
		if (line[i] == '\\' && i + 1 < len) {
			i++;
			out[o++] = line[i] == 'n' ? '\n' : line[i] == 'r' ?
			    '\r' : line[i] == 't' ? '\t' : line[i];
		} else {
			out[o++] = line[i];
		}
	}
	out[o] = '\0';
	return out;
}

static const char *
keep(struct input *in, char *s)
{
	if (s == NULL)
		return "";
	in->strings = xgrow(in->strings, &in->caps, in->ns + 1,
	    sizeof *in->strings);
	in->strings[in->ns++] = s;
	return s;
}

static struct batch *
new_batch(struct input *in, int64_t at)
{
	in->b = xgrow(in->b, &in->capb, in->nb + 1, sizeof *in->b);
	memset(&in->b[in->nb], 0, sizeof in->b[in->nb]);
	in->b[in->nb].at = at;
	return &in->b[in->nb++];
}

static void
add_line(struct input *in, const char *line, size_t len)
{
	struct batch *b = in->nb > 0 ? &in->b[in->nb - 1] :
	    new_batch(in, day_starts[0] + 9 * 3600000LL);
	char *name = take_field(line, len, 0), *n;
	enum event_type type = event_type_from_name(name);
	struct event *ev;

	if (type == EV_UNKNOWN && name[0] >= '0' && name[0] <= '9')
		type = (enum event_type)(strtoul(name, NULL, 10) %
		    (EV_COUNT - 1) + 1);	/* atoi overflows: negative */
	free(name);
	if (type == EV_UNKNOWN || in->nevents >= MAX_EVENTS)
		return;
	b->ev = xrealloc(b->ev, (b->n + 1) * sizeof *b->ev);
	ev = &b->ev[b->n++];
	memset(ev, 0, sizeof *ev);
	ev->type = type;
	ev->actor = keep(in, take_field(line, len, 1));
	ev->terminal = "fuzz:1";
	ev->id = keep(in, take_field(line, len, 2));
	ev->ref = keep(in, take_field(line, len, 3));
	ev->room = keep(in, take_field(line, len, 4));
	n = take_field(line, len, 5);
	ev->n = n != NULL ? strtol(n, NULL, 10) : 0;
	free(n);
	ev->text = keep(in, take_field(line, len, 6));
	ev->extra = keep(in, take_field(line, len, 7));
	in->nevents++;
}

static void
parse_input(struct input *in, const char *p, size_t size)
{
	const char *end = p + size, *nl;
	char *line;
	size_t len;
	long minutes;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		len = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (len > 0 && p[0] == '@') {
			line = xstrndup(p + 1, len - 1);
			minutes = strtol(line, NULL, 10) % (DAYS * 24 * 60 * 2);
			free(line);
			new_batch(in, day_starts[0] + 9 * 3600000LL +
			    minutes * 60000LL);
		} else if (len > 0 && memchr(p, '\0', len) == NULL) {
			add_line(in, p, len);
		}
		p += len + 1;
	}
}

static void
input_free(struct input *in)
{
	size_t i;

	for (i = 0; i < in->nb; i++)
		free(in->b[i].ev);
	for (i = 0; i < in->ns; i++)
		free(in->strings[i]);
	free(in->b);
	free(in->strings);
}

/* --- the checks ---------------------------------------------------------- */

static struct state *
new_state(int flags)
{
	struct state *st = state_new();

	st->anonymous = flags & 1;
	st->no_self_votes = (flags >> 1) & 1;
	st->default_budget = 1 + (flags >> 2) % 10;
	state_set_days(st, day_starts, DAYS + 1);
	return st;
}

static int
build(struct journal_batch *jb, void *ctx, char **err)
{
	const struct batch *b = ctx;
	size_t i;

	(void)err;
	for (i = 0; i < b->n; i++)
		journal_batch_add(jb, &b->ev[i]);
	return 0;
}

/* Each event read back, in order, against what was written. */
struct readback {
	const struct input *in;
	size_t batch, i;
	struct state *st;
};

static void
on_readback(const struct event *ev, void *ctx)
{
	struct readback *r = ctx;
	const struct event *w;

	while (r->batch < r->in->nb && r->i >= r->in->b[r->batch].n) {
		r->batch++;
		r->i = 0;
	}
	FUZZ_ASSERT(r->batch < r->in->nb);
	w = &r->in->b[r->batch].ev[r->i++];
	FUZZ_ASSERT(ev->type == w->type);
	FUZZ_ASSERT(ev->n == w->n);
	FUZZ_ASSERT(strcmp(ev->actor, w->actor) == 0);
	FUZZ_ASSERT(strcmp(ev->terminal, w->terminal) == 0);
	FUZZ_ASSERT(strcmp(ev->id, w->id) == 0);
	FUZZ_ASSERT(strcmp(ev->ref, w->ref) == 0);
	FUZZ_ASSERT(strcmp(ev->room, w->room) == 0);
	FUZZ_ASSERT(strcmp(ev->text, w->text) == 0);
	FUZZ_ASSERT(strcmp(ev->extra, w->extra) == 0);
	state_apply(r->st, ev);
}

static void
on_bad(unsigned long line, const char *why, void *ctx)
{
	(void)line;
	(void)ctx;
	fprintf(stderr, "bad record at line %lu: %s\n", line, why);
	FUZZ_ASSERT(!"a record convene wrote reads back as damaged");
}

static void
check_ranking(const struct state *st)
{
	struct ranked *r;
	size_t n, i, k;

	for (k = 0; k < st->nrounds; k++) {
		FUZZ_ASSERT(results_rank(st, (int)k, &r, &n) == 0);
		for (i = 0; i < n; i++) {
			FUZZ_ASSERT(r[i].rank == (int)i + 1);
			FUZZ_ASSERT(r[i].idea >= 0 &&
			    (size_t)r[i].idea < st->nideas);
			FUZZ_ASSERT(results_root(st, r[i].idea) == r[i].idea);
			FUZZ_ASSERT(r[i].dots > 0 && r[i].voters > 0);
			if (i > 0)
				FUZZ_ASSERT(r[i - 1].dots > r[i].dots ||
				    (r[i - 1].dots == r[i].dots &&
				    r[i - 1].voters >= r[i].voters));
		}
		free(r);
	}
	FUZZ_ASSERT(results_rank(st, (int)st->nrounds, &r, &n) == -1);
}

static char *
export_text(const struct state *st, enum export_file f, size_t *len)
{
	struct export_source src;
	char *buf = NULL, *err = NULL;
	FILE *out = open_memstream(&buf, len);

	memset(&src, 0, sizeof src);
	src.st = st;
	src.mod = mod;
	src.title = "fuzz";
	src.start = "2026-11-23";
	src.anonymous = st->anonymous;
	FUZZ_ASSERT(out != NULL);
	FUZZ_ASSERT(export_write(&src, f, 0, out, &err) == 0);
	fclose(out);
	free(err);
	return buf;
}

static void
check_exports(const struct state *a, const struct state *b)
{
	size_t la, lb;
	char *ea, *eb;
	int f;

	for (f = 0; f < EXPORT_NFILES; f++) {
		/* The workbook's sheets come from the CSV files' writers,
		 * compared already; building a zip per input would only slow
		 * the fuzzer down. */
		if (f == EXPORT_OUTCOMES)
			continue;
		ea = export_text(a, (enum export_file)f, &la);
		eb = export_text(b, (enum export_file)f, &lb);
		FUZZ_ASSERT(la == lb && memcmp(ea, eb, la) == 0);
		free(ea);
		free(eb);
	}
}

/* A checkpoint of `fresh` (read from `j` to its end) loaded into a new
 * state: the same exports.  A state whose texts are not valid UTF-8 has
 * no checkpoint. */
static void
check_checkpoint(const struct state *fresh, const struct journal *j,
    int flags)
{
	struct state *st;
	struct journal *third;
	char *img = NULL, *err = NULL;
	const char *why = NULL;
	size_t len = 0;

	if (checkpoint_build(fresh, j, &img, &len, &err) != 0) {
		free(err);
		return;
	}
	st = new_state(flags);
	third = journal_open(path, 1, &err);
	FUZZ_ASSERT(third != NULL);
	if (checkpoint_load_image(img, len, st, third, &why) != 0)
		fprintf(stderr, "checkpoint refused: %s\n", why);
	FUZZ_ASSERT(why == NULL);
	FUZZ_ASSERT(journal_read(third, state_apply_cb, on_bad, st, &err) == 0);
	check_exports(st, fresh);
	state_free(st);
	journal_close(third);
	free(img);
}

/* state_text_loader: the live state reads texts back from its journal. */
static int
load_text(void *j, int64_t offset, state_record_fn on_record, void *ctx,
    char **err)
{
	return journal_record_at(j, offset, on_record, ctx, err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = { 0 };
	struct readback rb = { 0 };
	struct state *live, *fresh;
	struct journal *j, *again;
	char *err = NULL;
	size_t i;
	int fd;

	if (size < 1)
		return 0;
	fd = open(path, O_WRONLY);
	if (fd < 0 || ftruncate(fd, header_size) != 0)
		abort();
	close(fd);
	parse_input(&in, (const char *)data + 1, size - 1);
	live = new_state(data[0]);
	fresh = new_state(data[0]);
	j = journal_open(path, 0, &err);
	FUZZ_ASSERT(j != NULL);
	state_texts_on_demand(live, load_text, j);
	journal_set_peek(j, state_peek_id, live);
	FUZZ_ASSERT(journal_read(j, state_apply_cb, on_bad, live, &err) == 0);
	for (i = 0; i < in.nb; i++) {
		if (journal_append(j, build, &in.b[i], state_apply_cb, on_bad,
		    live, in.b[i].at, &err) != 0)
			fprintf(stderr, "append: %s\n", err != NULL ? err : "?");
		FUZZ_ASSERT(err == NULL);
	}

	again = journal_open(path, 1, &err);
	FUZZ_ASSERT(again != NULL);
	rb.in = &in;
	rb.st = fresh;
	FUZZ_ASSERT(journal_read(again, on_readback, on_bad, &rb, &err) ==
	    (long)in.nevents);
	check_ranking(live);
	check_exports(live, fresh);
	check_checkpoint(fresh, again, data[0]);

	journal_close(j);
	journal_close(again);
	state_free(live);
	state_free(fresh);
	input_free(&in);
	free(err);
	return 0;
}
