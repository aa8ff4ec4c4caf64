/* test_export.c -- every export file read back with libcsv: columns,
 * RFC 4180 quoting, formula neutralising, anonymity, attendance, agenda
 * timings, summary.md, writing into place, and 10,000 ideas. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <csv.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "content.h"
#include "event.h"
#include "export.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#define ZONE "Asia/Bangkok"
#define MIN_MS 60000LL

/* ------------------------------------------------------------ fixture */

struct fixture {
	struct state *st;
	struct module mod;
	struct export_source src;
	int64_t now, day_start[5];	/* [d]: local midnight of day d */
	uint64_t seq;
};

static struct fixture fx;

static void
add_item(const char *id, int day, int start_min, int minutes,
    enum session_kind kind, const char *title)
{
	struct agenda_item *it;

	fx.mod.items = xrealloc(fx.mod.items,
	    (fx.mod.nitems + 1) * sizeof *fx.mod.items);
	it = &fx.mod.items[fx.mod.nitems++];
	memset(it, 0, sizeof *it);
	it->id = xstrdup(id);
	it->day = day;
	it->start_min = start_min;
	it->minutes = minutes;
	it->kind = kind;
	it->title = xstrdup(title);
	it->stage = STAGE_NONE;
}

static void
add_eval_question(const char *id, const char *question, int scale)
{
	struct eval_question *q;

	fx.mod.evals = xrealloc(fx.mod.evals,
	    (fx.mod.nevals + 1) * sizeof *fx.mod.evals);
	q = &fx.mod.evals[fx.mod.nevals++];
	q->id = xstrdup(id);
	q->question = xstrdup(question);
	q->scale = scale;
}

static int
setup(void **state)
{
	int d;

	(void)state;
	memset(&fx, 0, sizeof fx);
	fx.st = state_new();
	for (d = 1; d <= 4; d++)
		assert_int_equal(tz_from_local(ZONE, 2026, 11, 22 + d, 0,
		    &fx.day_start[d]), 0);
	state_set_days(fx.st, fx.day_start + 1, 4);
	fx.mod.title = xstrdup("Digital Government and Transformation");
	fx.mod.provider = xstrdup("Regional Academy");
	fx.mod.timezone = xstrdup(ZONE);
	fx.mod.days = 4;
	add_item("d1-open", 1, 9 * 60, 30, KIND_LECTURE, "Opening");
	add_item("d1-talk", 1, 9 * 60 + 30, 60, KIND_LECTURE, "Everyday");
	add_item("d1-group", 1, 10 * 60 + 30, 30, KIND_GROUP_WORK, "Ideas");
	add_item("d2-open", 2, 9 * 60, 60, KIND_DISCUSSION, "Day two");
	add_eval_question("useful", "How useful was the workshop?", 1);
	add_eval_question("better", "What would make it better?", 0);
	fx.src.st = fx.st;
	fx.src.mod = &fx.mod;
	fx.src.title = "Bangkok 2026";
	fx.src.start = "2026-11-23";
	fx.now = fx.day_start[1] + 8 * 60 * MIN_MS;	/* 08:00 day 1 */
	return 0;
}

static int
teardown(void **state)
{
	size_t i;

	(void)state;
	state_free(fx.st);
	for (i = 0; i < fx.mod.nitems; i++) {
		free(fx.mod.items[i].id);
		free(fx.mod.items[i].title);
	}
	for (i = 0; i < fx.mod.nevals; i++) {
		free(fx.mod.evals[i].id);
		free(fx.mod.evals[i].question);
	}
	free(fx.mod.items);
	free(fx.mod.evals);
	free(fx.mod.title);
	free(fx.mod.provider);
	free(fx.mod.timezone);
	return 0;
}

/* Applies one record at fx.now, which then moves on a second. */
static void
apply(enum event_type type, const char *actor, const char *id,
    const char *ref, const char *room, long n, const char *text,
    const char *extra)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = ++fx.seq;
	ev.time_ms = fx.now;
	fx.now += 1000;
	ev.actor = actor != NULL ? actor : "facilitator";
	ev.terminal = "test";
	ev.type = type;
	ev.id = id != NULL ? id : "";
	ev.ref = ref != NULL ? ref : "";
	ev.room = room != NULL ? room : "";
	ev.n = n;
	ev.text = text != NULL ? text : "";
	ev.extra = extra != NULL ? extra : "";
	ev.name = event_type_name(type);
	state_apply(fx.st, &ev);
}

static void
person(const char *id, const char *name, const char *country,
    const char *org, const char *email)
{
	char *extra = xasprintf("%s\n%s\n%s", country, org, email);

	apply(EV_PARTICIPANT, "organizer", id, NULL, NULL, 0, name, extra);
	free(extra);
}

static void
idea(const char *id, const char *by, const char *room, const char *text)
{
	apply(EV_IDEA, by, id, by, room, 0, text, "ideate");
}

static void
dot(const char *voter, const char *idea_id, const char *round, long n)
{
	apply(EV_DOT, voter, idea_id, round, NULL, n, NULL, NULL);
}

static void
at_local(int day, int hour, int minute)
{
	fx.now = fx.day_start[day] + (hour * 60 + minute) * MIN_MS;
}

/* ------------------------------------------------- reading CSV back */

struct table {
	char ***rows;
	size_t *ncols;
	size_t nrows, caprows;
	char **cur;
	size_t ncur, capcur;
	int unterminated;
};

static void
on_field(void *s, size_t len, void *data)
{
	struct table *t = data;

	t->cur = xgrow(t->cur, &t->capcur, t->ncur + 1, sizeof *t->cur);
	t->cur[t->ncur++] = xstrndup(s != NULL ? s : "", len);
}

static void
on_row(int c, void *data)
{
	struct table *t = data;

	if (c == -1)
		t->unterminated = 1;
	t->rows = xgrow(t->rows, &t->caprows, t->nrows + 1, sizeof *t->rows);
	t->ncols = xrealloc(t->ncols, t->caprows * sizeof *t->ncols);
	t->rows[t->nrows] = t->cur;
	t->ncols[t->nrows++] = t->ncur;
	t->cur = NULL;
	t->ncur = t->capcur = 0;
}

/* Every line end outside quotes is CRLF. */
static void
assert_crlf(const char *buf, size_t len)
{
	size_t i;
	int quoted = 0;

	for (i = 0; i < len; i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && buf[i] == '\n')
			assert_true(i > 0 && buf[i - 1] == '\r');
		else if (!quoted && buf[i] == '\r')
			assert_true(i + 1 < len && buf[i + 1] == '\n');
	}
	assert_false(quoted);
	assert_true(len >= 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
}

static struct table *
parse(const char *buf, size_t len)
{
	struct table *t = xcalloc(1, sizeof *t);
	struct csv_parser p;

	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, buf, len, on_field, on_row, t), len);
	assert_int_equal(csv_fini(&p, on_field, on_row, t), 0);
	csv_free(&p);
	assert_false(t->unterminated);
	return t;
}

static void
table_free(struct table *t)
{
	size_t r, c;

	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols[r]; c++)
			free(t->rows[r][c]);
		free(t->rows[r]);
	}
	free(t->rows);
	free(t->ncols);
	free(t);
}

static char *
render(enum export_file f, int flags, size_t *len)
{
	char *buf = NULL, *err = NULL;
	size_t n = 0;
	FILE *out = open_memstream(&buf, &n);

	assert_non_null(out);
	assert_int_equal(export_write(&fx.src, f, flags, out, &err), 0);
	assert_null(err);
	fclose(out);
	if (len != NULL)
		*len = n;
	return buf;
}

#define BOM "\xef\xbb\xbf"

/* Exports one file and reads it back; checks the byte order mark (there
 * unless EXPORT_NO_BOM) and that every row has as many fields as the
 * header. */
static struct table *
export_table(enum export_file f, int flags)
{
	size_t len, r, skip = (flags & EXPORT_NO_BOM) ? 0 : 3;
	char *buf = render(f, flags, &len);
	struct table *t;

	assert_true(len >= 3);
	if (skip > 0)
		assert_memory_equal(buf, BOM, 3);
	else
		assert_memory_not_equal(buf, BOM, 3);
	assert_crlf(buf + skip, len - skip);
	t = parse(buf + skip, len - skip);
	free(buf);
	assert_true(t->nrows >= 1);
	for (r = 1; r < t->nrows; r++)
		assert_int_equal(t->ncols[r], t->ncols[0]);
	return t;
}

static int
column(const struct table *t, const char *name)
{
	size_t c;

	for (c = 0; c < t->ncols[0]; c++)
		if (strcmp(t->rows[0][c], name) == 0)
			return (int)c;
	fail_msg("no column %s", name);
	return -1;
}

/* The cell of a data row (1-based, after the header) in a column. */
static const char *
cell(const struct table *t, size_t row, const char *name)
{
	assert_true(row >= 1 && row < t->nrows);
	return t->rows[row][column(t, name)];
}

/* The first data row whose column `key` is `value`; 0 when none. */
static size_t
find_row(const struct table *t, const char *key, const char *value)
{
	size_t r;
	int c = column(t, key);

	for (r = 1; r < t->nrows; r++)
		if (strcmp(t->rows[r][c], value) == 0)
			return r;
	return 0;
}

/* The header starts with the columns DESIGN.md names, in its order. */
static void
assert_header(enum export_file f, const char *const *cols)
{
	struct table *t = export_table(f, 0);
	size_t i;

	for (i = 0; cols[i] != NULL; i++) {
		assert_true(i < t->ncols[0]);
		assert_string_equal(t->rows[0][i], cols[i]);
	}
	table_free(t);
}

/* -------------------------------------------------------------- tests */

static void
test_headers(void **state)
{
	static const char *const participants[] = { "id", "name", "country",
	    "organisation", "joined_at", NULL };
	static const char *const rooms[] = { "room", "topic",
	    "participant_id", "participant_name", "country", NULL };
	static const char *const ideas[] = { "id", "room", "stage",
	    "author_id", "author_name", "text", "created_at", "merged_into",
	    "prototype", NULL };
	static const char *const votes[] = { "round", "idea_id", "voter_id",
	    "dots", "cast_at", NULL };
	static const char *const results[] = { "round", "rank", "room_rank",
	    "idea_id", "text", "room", "dots", "voters", "tie", NULL };
	static const char *const attendance[] = { "participant_id", "name",
	    "country", "day", "first_seen", "last_seen", "contributions",
	    NULL };
	static const char *const timings[] = { "session_id", "title",
	    "planned_start", "planned_minutes", "actual_start", "actual_end",
	    "actual_minutes", "overrun_minutes", NULL };
	static const char *const days[] = { "day", "date", "planned_minutes",
	    "actual_minutes", "overrun_minutes", "participants_present",
	    "complete", NULL };
	static const char *const questions[] = { "id", "session_id", "text",
	    "author_id", "author_name", "upvotes", "answered", "asked_at",
	    NULL };
	static const char *const polls[] = { "poll_id", "session_id",
	    "question", "option", "answers", NULL };
	static const char *const evaluation[] = { "participant_id",
	    "question", "value", "text", NULL };
	struct table *t;

	(void)state;
	assert_header(EXPORT_PARTICIPANTS, participants);
	assert_header(EXPORT_ROOMS, rooms);
	assert_header(EXPORT_IDEAS, ideas);
	assert_header(EXPORT_VOTES, votes);
	assert_header(EXPORT_RESULTS, results);
	assert_header(EXPORT_ATTENDANCE, attendance);
	assert_header(EXPORT_TIMINGS, timings);
	assert_header(EXPORT_DAYS, days);
	assert_header(EXPORT_QUESTIONS, questions);
	assert_header(EXPORT_POLLS, polls);
	assert_header(EXPORT_EVALUATION, evaluation);
	t = export_table(EXPORT_PARTICIPANTS, 0);
	column(t, "email");
	column(t, "sample");
	table_free(t);
	t = export_table(EXPORT_IDEAS, 0);
	column(t, "sample");
	column(t, "hidden");
	column(t, "withdrawn");
	table_free(t);
	assert_string_equal(export_file_name(EXPORT_SUMMARY), "summary.md");
	assert_null(export_file_name(EXPORT_NFILES));
}

/* An empty session: headers only (the agenda still has its plan). */
static void
test_empty_session(void **state)
{
	enum export_file f;
	struct table *t;
	char *md;

	(void)state;
	for (f = 0; f < EXPORT_SUMMARY; f++) {
		if (f == EXPORT_TIMINGS || f == EXPORT_DAYS)
			continue;
		t = export_table(f, 0);
		assert_int_equal(t->nrows, 1);
		table_free(t);
	}
	t = export_table(EXPORT_TIMINGS, 0);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "planned_start"),
	    "2026-11-23T09:00:00+07:00");
	assert_string_equal(cell(t, 4, "planned_start"),
	    "2026-11-24T09:00:00+07:00");
	assert_string_equal(cell(t, 1, "actual_start"), "");
	assert_string_equal(cell(t, 1, "actual_minutes"), "");
	table_free(t);
	t = export_table(EXPORT_DAYS, 0);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "date"), "2026-11-23");
	assert_string_equal(cell(t, 4, "date"), "2026-11-26");
	assert_string_equal(cell(t, 1, "planned_minutes"), "120");
	assert_string_equal(cell(t, 1, "participants_present"), "0");
	assert_string_equal(cell(t, 1, "complete"), "");
	table_free(t);
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "# Bangkok 2026\n"));
	assert_non_null(strstr(md, "2026-11-23 to 2026-11-26"));
	assert_non_null(strstr(md, "No participant joined."));
	assert_non_null(strstr(md, "No sample data"));
	free(md);

	/* No module at all: no agenda rows, times in UTC. */
	fx.src.mod = NULL;
	t = export_table(EXPORT_TIMINGS, 0);
	assert_int_equal(t->nrows, 1);
	table_free(t);
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "UTC"));
	free(md);
}

static const char *const nasty[] = {
	"plain",
	"comma, inside",
	"a \"quoted\" word",
	"two\nlines",
	"crlf\r\nline",
	" leading and trailing space ",
	"\"",
	",",
	"",
	"รัฐบาลดิจิทัลเพื่อประชาชน",
	"디지털 정부 서비스",
	"ދިވެހި ބަސް",
	"a;b\tc|d",
	"trailing tab\t",
	"esc \033[2J and bell \a",
};

/* Every value survives libcsv's reading byte for byte. */
static void
test_round_trip(void **state)
{
	char id[16];
	struct table *t;
	size_t i;

	(void)state;
	person("p1", "Author", "TH", "Org", "a@example.org");
	for (i = 0; i < NELEM(nasty); i++) {
		snprintf(id, sizeof id, "i%zu", i + 1);
		/* An idea cannot be empty: put a letter in front. */
		if (nasty[i][0] == '\0')
			idea(id, "p1", NULL, "x");
		else
			idea(id, "p1", NULL, nasty[i]);
	}
	t = export_table(EXPORT_IDEAS, 0);
	assert_int_equal(t->nrows, NELEM(nasty) + 1);
	for (i = 0; i < NELEM(nasty); i++)
		assert_string_equal(cell(t, i + 1, "text"),
		    nasty[i][0] != '\0' ? nasty[i] : "x");
	assert_string_equal(cell(t, 1, "author_id"), "p1");
	assert_string_equal(cell(t, 1, "author_name"), "Author");
	assert_string_equal(cell(t, 1, "stage"), "ideate");
	assert_string_equal(cell(t, 1, "prototype"), "no");
	assert_string_equal(cell(t, 1, "created_at"),
	    "2026-11-23T08:00:01+07:00");
	table_free(t);
}

/* Every CSV file starts with a byte order mark, and only with one (the
 * header follows at once); --no-bom leaves it out; summary.md never has
 * one. */
static void
test_bom(void **state)
{
	size_t len;
	char *buf;
	int f;

	(void)state;
	for (f = 0; f < EXPORT_NFILES; f++) {
		const char *name = export_file_name((enum export_file)f);
		int csv = strstr(name, ".csv") != NULL;

		buf = render((enum export_file)f, 0, &len);
		assert_true(len > 3);
		if (csv) {
			assert_memory_equal(buf, BOM, 3);
			assert_memory_not_equal(buf + 3, BOM, 3);
		} else {
			assert_memory_not_equal(buf, BOM, 3);
		}
		free(buf);
		buf = render((enum export_file)f, EXPORT_NO_BOM, &len);
		assert_memory_not_equal(buf, BOM, 3);
		free(buf);
	}
}

static void
test_participants(void **state)
{
	struct table *t;

	(void)state;
	person("p1", "Kim, \"Min-jun\"", "KR", "Ministry, \"Interior\"",
	    "kim@example.kr");
	apply(EV_PARTICIPANT, "sample", "p2", NULL, NULL, 0, "Sample Person",
	    "LA\n\n");
	apply(EV_ROOM, NULL, "r1", NULL, NULL, 0, "Blue", "Health");
	apply(EV_MOVE, NULL, "p1", NULL, "r1", 0, NULL, NULL);
	/* No email address leaves without EXPORT_WITH_EMAIL. */
	t = export_table(EXPORT_PARTICIPANTS, 0);
	assert_string_equal(cell(t, 1, "email"), "");
	table_free(t);
	t = export_table(EXPORT_PARTICIPANTS, EXPORT_WITH_EMAIL);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "id"), "p1");
	assert_string_equal(cell(t, 1, "name"), "Kim, \"Min-jun\"");
	assert_string_equal(cell(t, 1, "country"), "KR");
	assert_string_equal(cell(t, 1, "organisation"),
	    "Ministry, \"Interior\"");
	assert_string_equal(cell(t, 1, "email"), "kim@example.kr");
	assert_string_equal(cell(t, 1, "joined_at"),
	    "2026-11-23T08:00:00+07:00");
	assert_string_equal(cell(t, 1, "room"), "r1");
	assert_string_equal(cell(t, 1, "sample"), "no");
	assert_string_equal(cell(t, 2, "sample"), "yes");
	assert_string_equal(cell(t, 2, "email"), "");
	table_free(t);

	t = export_table(EXPORT_ROOMS, 0);
	assert_int_equal(t->nrows, 2);
	assert_string_equal(cell(t, 1, "room"), "r1");
	assert_string_equal(cell(t, 1, "room_name"), "Blue");
	assert_string_equal(cell(t, 1, "topic"), "Health");
	assert_string_equal(cell(t, 1, "participant_id"), "p1");
	assert_string_equal(cell(t, 1, "participant_name"), "Kim, \"Min-jun\"");
	table_free(t);

	/* A room nobody is in still has its row. */
	apply(EV_ROOM, NULL, "r2", NULL, NULL, 0, "Green", "");
	t = export_table(EXPORT_ROOMS, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 2, "room"), "r2");
	assert_string_equal(cell(t, 2, "participant_id"), "");
	table_free(t);
}

static const char *const formulas[] = {
	"=HYPERLINK(\"http://x.example/\"&A1,\"click\")",
	"+1+1",
	"-2+3",
	"@SUM(A1:A9)",
	"\tSUM(A1)",
	"\r=1",
	"=cmd|' /C calc'!A0",
};

static void
test_formulas(void **state)
{
	char id[16], *expect;
	struct table *t;
	size_t i;

	(void)state;
	person("p1", "=1+2", "+TH", "@org", "-mail@example.org");
	for (i = 0; i < NELEM(formulas); i++) {
		snprintf(id, sizeof id, "i%zu", i + 1);
		idea(id, "p1", NULL, formulas[i]);
	}
	idea("i8", "p1", NULL, "a=b, 1+1 and -x are fine inside");
	t = export_table(EXPORT_IDEAS, 0);
	for (i = 0; i < NELEM(formulas); i++) {
		expect = xasprintf("'%s", formulas[i]);
		assert_string_equal(cell(t, i + 1, "text"), expect);
		free(expect);
	}
	assert_string_equal(cell(t, 8, "text"),
	    "a=b, 1+1 and -x are fine inside");
	assert_string_equal(cell(t, 1, "author_name"), "'=1+2");
	table_free(t);
	t = export_table(EXPORT_PARTICIPANTS, EXPORT_WITH_EMAIL);
	assert_string_equal(cell(t, 1, "name"), "'=1+2");
	assert_string_equal(cell(t, 1, "country"), "'+TH");
	assert_string_equal(cell(t, 1, "organisation"), "'@org");
	assert_string_equal(cell(t, 1, "email"), "'-mail@example.org");
	table_free(t);

	/* --raw: as typed. */
	t = export_table(EXPORT_IDEAS, EXPORT_RAW);
	for (i = 0; i < NELEM(formulas); i++)
		assert_string_equal(cell(t, i + 1, "text"), formulas[i]);
	table_free(t);
}

/* A spreadsheet in a locale that splits on ';' or TAB starts a new cell
 * after each of those (and ','), so a trigger there is neutralised too. */
static const struct {
	const char *typed, *neutral;
} separated[] = {
	{ "a;=3+4", "a;'=3+4" },
	{ "a,=3+4", "a,'=3+4" },
	{ "a\t=3+4", "a\t'=3+4" },
	{ "x;+1;-2;@A1", "x;'+1;'-2;'@A1" },
	{ "x;\t=1", "x;'\t'=1" },
	{ "\t=1", "'\t'=1" },
	{ "x,\r=1", "x,'\r=1" },
	{ "=1;=2", "'=1;'=2" },
	{ "a; =1 and b=c", "a; =1 and b=c" },
	{ "a;b=c, d-e", "a;b=c, d-e" },
	{ "1;2", "1;2" },
};

static void
test_formulas_after_separators(void **state)
{
	char id[16];
	struct table *t;
	size_t i;

	(void)state;
	person("p1", "Ana;=1+2", "PH", "Dept,@x", "");
	for (i = 0; i < NELEM(separated); i++) {
		snprintf(id, sizeof id, "i%zu", i + 1);
		idea(id, "p1", NULL, separated[i].typed);
	}
	t = export_table(EXPORT_IDEAS, 0);
	for (i = 0; i < NELEM(separated); i++)
		assert_string_equal(cell(t, i + 1, "text"),
		    separated[i].neutral);
	assert_string_equal(cell(t, 1, "author_name"), "Ana;'=1+2");
	table_free(t);
	t = export_table(EXPORT_PARTICIPANTS, 0);
	assert_string_equal(cell(t, 1, "organisation"), "Dept,'@x");
	table_free(t);

	t = export_table(EXPORT_IDEAS, EXPORT_RAW);
	for (i = 0; i < NELEM(separated); i++)
		assert_string_equal(cell(t, i + 1, "text"),
		    separated[i].typed);
	table_free(t);
}

/* A damaged registration costs only itself: the participant's idea and
 * dots still count, under their id as an unknown participant, and the
 * summary says how many records were skipped and at which lines. */
static void
test_damaged_registration(void **state)
{
	struct table *t;
	char *md;

	(void)state;
	state_note_bad(2, "checksum mismatch", fx.st);	/* p1's record */
	person("p2", "Bo", "KR", "", "");
	idea("i1", "p1", NULL, "An idea whose author's record was damaged");
	idea("i2", "p2", NULL, "Bo's idea");
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	dot("p1", "i2", "v1", 2);
	dot("p2", "i1", "v1", 1);
	state_note_bad(9, "seq is not a positive number", fx.st);
	assert_int_equal(fx.st->unknown_events, 0);

	t = export_table(EXPORT_IDEAS, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "author_id"), "p1");
	assert_string_equal(cell(t, 1, "author_name"), "(unknown participant)");
	table_free(t);
	t = export_table(EXPORT_VOTES, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 2, "voter_id"), "p1");
	assert_string_equal(cell(t, 2, "dots"), "2");
	table_free(t);
	t = export_table(EXPORT_PARTICIPANTS, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "id"), "p2");
	assert_string_equal(cell(t, 2, "id"), "p1");
	assert_string_equal(cell(t, 2, "name"), "(unknown participant)");
	assert_string_equal(cell(t, 2, "country"), "");
	table_free(t);

	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "2 damaged journal records were skipped, "
	    "at lines 2, 9 of journal.csv"));
	assert_non_null(strstr(md, "1 participant's registration was lost"));
	free(md);
}

/* Numbers are never neutralised, negative ones included. */
static void
test_negative_numbers_untouched(void **state)
{
	struct table *t;

	(void)state;
	at_local(1, 9, 0);
	apply(EV_AGENDA, NULL, "d1-open", NULL, NULL, 0, NULL, NULL);
	at_local(1, 9, 20);	/* 10 minutes early */
	apply(EV_AGENDA, NULL, "d1-talk", NULL, NULL, 0, NULL, NULL);
	t = export_table(EXPORT_TIMINGS, 0);
	assert_string_equal(cell(t, 1, "actual_minutes"), "20");
	assert_string_equal(cell(t, 1, "overrun_minutes"), "-10");
	table_free(t);
}

static void
build_votes(void)
{
	person("p1", "Ana", "PH", "", "");
	person("p2", "Bo", "KR", "", "");
	person("p3", "Chai", "TH", "", "");
	apply(EV_ROOM, NULL, "r1", NULL, NULL, 0, "Blue", "Health");
	apply(EV_ROOM, NULL, "r2", NULL, NULL, 0, "Green", "Tax");
	idea("i1", "p1", "r1", "Mobile clinic booking");
	idea("i2", "p2", "r1", "SMS reminders");
	idea("i3", "p3", "r2", "One-stop tax portal");
	idea("i4", "p1", "r2", "Tax help by phone");
	idea("i5", "p2", "r2", "Tax portal, one stop");
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	dot("p3", "i1", "v1", 2);
	dot("p1", "i2", "v1", 1);
	dot("p2", "i3", "v1", 1);
	dot("p1", "i4", "v1", 1);
	dot("p2", "i5", "v1", 1);
	dot("p3", "i5", "v1", 1);
	dot("p3", "i4", "v1", 1);
	dot("p3", "i4", "v1", -1);	/* taken back: net 0, no row */
	apply(EV_IDEA_MERGE, NULL, "i5", "i3", NULL, 0, NULL, NULL);
	apply(EV_VOTING_CLOSE, NULL, "v1", NULL, NULL, 1, NULL, NULL);
}

/* The entries of a zip archive (its central directory) whose name starts
 * with `prefix` and ends with ".xml"; -1 when buf is no zip. */
static int
zip_count(const unsigned char *buf, size_t len, const char *prefix)
{
	size_t at, end, i, entries;
	int n = 0;

	if (len < 22 || memcmp(buf, "PK\3\4", 4) != 0)
		return -1;
	for (end = len - 22; end > 0 && memcmp(buf + end, "PK\5\6", 4) != 0;
	    end--)
		;
	entries = buf[end + 10] | (size_t)buf[end + 11] << 8;
	at = buf[end + 16] | (size_t)buf[end + 17] << 8 |
	    (size_t)buf[end + 18] << 16 | (size_t)buf[end + 19] << 24;
	for (i = 0; i < entries; i++) {
		size_t name = buf[at + 28] | (size_t)buf[at + 29] << 8;
		size_t extra = buf[at + 30] | (size_t)buf[at + 31] << 8;
		size_t comment = buf[at + 32] | (size_t)buf[at + 33] << 8;
		const char *p = (const char *)buf + at + 46;

		if (at + 46 + name > len || memcmp(buf + at, "PK\1\2", 4) != 0)
			return -1;
		if (name > strlen(prefix) + 4 &&
		    strncmp(p, prefix, strlen(prefix)) == 0 &&
		    memcmp(p + name - 4, ".xml", 4) == 0)
			n++;
		at += 46 + name + extra + comment;
	}
	return n;
}

/* outcomes.xlsx is a zip with a sheet per CSV table and the charts sheet,
 * and a chart for a round once it is revealed. */
static void
test_workbook(void **state)
{
	unsigned char *buf;
	size_t len;
	int charts;

	(void)state;
	build_votes();
	buf = (unsigned char *)render(EXPORT_OUTCOMES, 0, &len);
	assert_int_equal(zip_count(buf, len, "xl/worksheets/sheet"), 13);
	charts = zip_count(buf, len, "xl/charts/chart");
	assert_true(charts >= 2);	/* ideas by stage and by country */
	assert_int_equal(zip_count(buf, len, "xl/drawings/drawing"), 1);
	free(buf);
	apply(EV_VOTING_REVEAL, NULL, "v1", NULL, NULL, 1, NULL, NULL);
	buf = (unsigned char *)render(EXPORT_OUTCOMES, 0, &len);
	assert_int_equal(zip_count(buf, len, "xl/charts/chart"), charts + 1);
	free(buf);
	/* Raw or not, the same workbook: text cells are never formulas. */
	buf = (unsigned char *)render(EXPORT_OUTCOMES, EXPORT_RAW, &len);
	assert_int_equal(zip_count(buf, len, "xl/worksheets/sheet"), 13);
	free(buf);
	/* Anonymous: no ideas by author's country (a country of one would
	 * tell how many ideas that person wrote). */
	fx.src.anonymous = 1;
	buf = (unsigned char *)render(EXPORT_OUTCOMES, 0, &len);
	assert_int_equal(zip_count(buf, len, "xl/charts/chart"), charts);
	free(buf);
	fx.src.anonymous = 0;
}

static void
test_votes(void **state)
{
	struct table *t;

	(void)state;
	build_votes();
	t = export_table(EXPORT_VOTES, 0);
	assert_int_equal(t->nrows, 7);
	/* Sorted by idea, then time. */
	assert_string_equal(cell(t, 1, "round"), "v1");
	assert_string_equal(cell(t, 1, "idea_id"), "i1");
	assert_string_equal(cell(t, 1, "voter_id"), "p3");
	assert_string_equal(cell(t, 1, "dots"), "2");
	assert_string_equal(cell(t, 5, "idea_id"), "i5");
	assert_string_equal(cell(t, 6, "idea_id"), "i5");
	assert_string_equal(cell(t, 4, "idea_id"), "i4");
	assert_string_equal(cell(t, 4, "voter_id"), "p1");
	assert_true(strncmp(cell(t, 1, "cast_at"), "2026-11-23T08:", 14) == 0);
	assert_true(strstr(cell(t, 1, "cast_at"), "+07:00") != NULL);
	table_free(t);
}

static void
test_results_csv(void **state)
{
	struct table *t;

	(void)state;
	build_votes();
	t = export_table(EXPORT_RESULTS, 0);
	/* i5 is merged into i3: 4 ranked ideas. */
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "idea_id"), "i3");
	assert_string_equal(cell(t, 1, "dots"), "3");
	assert_string_equal(cell(t, 1, "voters"), "2");
	assert_string_equal(cell(t, 1, "rank"), "1");
	assert_string_equal(cell(t, 1, "room"), "r2");
	assert_string_equal(cell(t, 1, "room_name"), "Green");
	assert_string_equal(cell(t, 1, "room_rank"), "1");
	assert_string_equal(cell(t, 1, "text"), "One-stop tax portal");
	assert_string_equal(cell(t, 1, "tie"), "no");
	assert_string_equal(cell(t, 2, "idea_id"), "i1");
	assert_string_equal(cell(t, 2, "room_rank"), "1");
	/* i2 and i4: 1 dot, 1 voter each: a tie, the older first. */
	assert_string_equal(cell(t, 3, "idea_id"), "i2");
	assert_string_equal(cell(t, 3, "tie"), "yes");
	assert_string_equal(cell(t, 3, "room_rank"), "2");
	assert_string_equal(cell(t, 4, "idea_id"), "i4");
	assert_string_equal(cell(t, 4, "tie"), "yes");
	assert_string_equal(cell(t, 4, "rank"), "4");
	assert_string_equal(cell(t, 4, "room_rank"), "2");
	assert_string_equal(cell(t, 1, "revealed"), "no");
	assert_int_equal(find_row(t, "idea_id", "i5"), 0);
	table_free(t);
}

/* Ideas keep only their id's number: after gaps that damaged records
 * left, every file still names each idea by the id its record gave. */
static void
test_ids_after_gaps(void **state)
{
	struct table *t;

	(void)state;
	person("p1", "Kim", "KR", "Ministry", "");
	idea("i1", "p1", NULL, "First");
	idea("i3", "p1", NULL, "Third");	/* i2 was damaged */
	idea("i10", "p1", NULL, "Tenth");
	idea("i11", "p1", NULL, "Eleventh");
	apply(EV_IDEA_MERGE, NULL, "i11", "i10", NULL, 0, NULL, NULL);
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	dot("p1", "i10", "v1", 2);
	dot("p1", "i3", "v1", 1);
	apply(EV_VOTING_CLOSE, NULL, "v1", NULL, NULL, 1, NULL, NULL);

	t = export_table(EXPORT_IDEAS, 0);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "id"), "i1");
	assert_string_equal(cell(t, 2, "id"), "i3");
	assert_string_equal(cell(t, 2, "text"), "Third");
	assert_string_equal(cell(t, 3, "id"), "i10");
	assert_string_equal(cell(t, 4, "id"), "i11");
	assert_string_equal(cell(t, 4, "merged_into"), "i10");
	assert_string_equal(cell(t, 3, "merged_into"), "");
	table_free(t);
	t = export_table(EXPORT_VOTES, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "idea_id"), "i3");
	assert_string_equal(cell(t, 2, "idea_id"), "i10");
	assert_string_equal(cell(t, 2, "dots"), "2");
	table_free(t);
	t = export_table(EXPORT_RESULTS, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "idea_id"), "i10");
	assert_string_equal(cell(t, 1, "text"), "Tenth");
	assert_string_equal(cell(t, 2, "idea_id"), "i3");
	table_free(t);
}

static void
test_results_not_revealed(void **state)
{
	char *md;

	(void)state;
	build_votes();
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "Not revealed"));
	assert_non_null(strstr(md, "One-stop tax portal (3 dots, 2 voters"));
	free(md);
	apply(EV_VOTING_REVEAL, NULL, "v1", NULL, NULL, 1, NULL, NULL);
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_null(strstr(md, "Not revealed"));
	free(md);
}

/* ---------------------------------------------------------- anonymity */

static int
is_pseudonym(const char *s)
{
	size_t i;

	if (s[0] != 'a' || s[1] < '1' || s[1] > '9')
		return 0;
	for (i = 2; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* No cell of the file names a participant: not an id, not a name. */
static void
assert_no_person(enum export_file f)
{
	static const char *const who[] = { "p1", "p2", "p3", "Ana", "Bo",
	    "Chai" };
	struct table *t = export_table(f, 0);
	size_t r, c, k;

	for (r = 1; r < t->nrows; r++)
		for (c = 0; c < t->ncols[r]; c++)
			for (k = 0; k < NELEM(who); k++)
				assert_string_not_equal(t->rows[r][c], who[k]);
	table_free(t);
}

static void
test_anonymous(void **state)
{
	struct table *t;
	size_t r;
	char *md;

	(void)state;
	fx.src.anonymous = 1;
	build_votes();
	apply(EV_VOTING_OPEN, NULL, "v2", NULL, NULL, 5, NULL, NULL);
	dot("p2", "i1", "v2", 1);
	dot("p3", "i1", "v2", 1);
	apply(EV_QUESTION, "p1", "q1", "d1-talk", NULL, 0, "Who pays?", NULL);
	apply(EV_EVAL, "p1", "useful", NULL, NULL, 4, "", NULL);
	apply(EV_IDEA_PROMOTE, NULL, "i4", NULL, NULL, 1, NULL, NULL);
	apply(EV_CHECKIN, NULL, "p1", NULL, NULL, 1, NULL, NULL);

	t = export_table(EXPORT_IDEAS, 0);
	for (r = 1; r < t->nrows; r++) {
		assert_string_equal(cell(t, r, "author_id"), "");
		assert_string_equal(cell(t, r, "author_name"), "");
	}
	table_free(t);

	/* Pseudonyms by first appearance in votes.csv: p3 voted on i1
	 * first, so p3 is a1 (never p1's number). */
	t = export_table(EXPORT_VOTES, 0);
	for (r = 1; r < t->nrows; r++)
		assert_true(is_pseudonym(cell(t, r, "voter_id")));
	assert_string_equal(cell(t, 1, "voter_id"), "a1");
	assert_string_equal(cell(t, 2, "voter_id"), "a2");	/* p1 on i2 */
	assert_string_equal(cell(t, 3, "voter_id"), "a3");	/* p2 on i3 */
	/* One person keeps one pseudonym in every round. */
	r = find_row(t, "round", "v2");
	assert_true(r > 0);
	assert_string_equal(cell(t, r, "voter_id"), "a3");
	assert_string_equal(cell(t, r + 1, "voter_id"), "a1");
	table_free(t);

	t = export_table(EXPORT_EVALUATION, 0);
	assert_int_equal(t->nrows, 2);
	assert_string_equal(cell(t, 1, "participant_id"), "a2");
	assert_string_equal(cell(t, 1, "value"), "4");
	table_free(t);

	t = export_table(EXPORT_QUESTIONS, 0);
	assert_string_equal(cell(t, 1, "author_id"), "");
	assert_string_equal(cell(t, 1, "author_name"), "");
	table_free(t);

	/* Presence stays (certificates), exact times go. */
	t = export_table(EXPORT_ATTENDANCE, 0);
	r = find_row(t, "participant_id", "p1");
	assert_true(r > 0);
	assert_string_equal(cell(t, r, "day"), "1");
	assert_string_equal(cell(t, r, "first_seen"), "");
	assert_string_equal(cell(t, r, "last_seen"), "");
	assert_string_equal(cell(t, r, "contributions"), "");
	table_free(t);

	assert_no_person(EXPORT_IDEAS);
	assert_no_person(EXPORT_VOTES);
	assert_no_person(EXPORT_RESULTS);
	assert_no_person(EXPORT_QUESTIONS);
	assert_no_person(EXPORT_EVALUATION);
	assert_no_person(EXPORT_POLLS);

	/* Nobody is in a room here, so a name in the summary would be an
	 * author's. */
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_null(strstr(md, "Ana"));
	assert_null(strstr(md, "Chai"));
	assert_non_null(strstr(md, "Tax help by phone"));	/* prototype */
	assert_non_null(strstr(md, "anonymous"));
	free(md);

	/* The state's own flag is enough. */
	fx.src.anonymous = 0;
	fx.st->anonymous = 1;
	assert_no_person(EXPORT_IDEAS);
}

/* Not anonymous: the real ids, and the summary names the author. */
static void
test_named(void **state)
{
	char *md;

	(void)state;
	build_votes();
	apply(EV_IDEA_PROMOTE, NULL, "i4", NULL, NULL, 1, NULL, NULL);
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "Tax help by phone (Green, Ana)"));
	free(md);
}

/* --------------------------------------------------------- attendance */

static void
test_attendance(void **state)
{
	struct table *t;
	size_t r;

	(void)state;
	person("p1", "Ana", "PH", "", "");
	person("p2", "Bo", "KR", "", "");
	at_local(1, 8, 30);
	apply(EV_CHECKIN, NULL, "p1", NULL, NULL, 1, NULL, NULL);
	at_local(1, 11, 0);
	idea("i1", "p1", NULL, "An idea");
	at_local(2, 10, 0);
	idea("i2", "p2", NULL, "Another");
	idea("i3", "p2", NULL, "And one more");
	t = export_table(EXPORT_ATTENDANCE, 0);
	assert_int_equal(t->nrows, 3);
	r = find_row(t, "participant_id", "p1");
	assert_string_equal(cell(t, r, "day"), "1");
	assert_string_equal(cell(t, r, "date"), "2026-11-23");
	assert_string_equal(cell(t, r, "first_seen"),
	    "2026-11-23T08:30:00+07:00");
	assert_string_equal(cell(t, r, "last_seen"),
	    "2026-11-23T11:00:00+07:00");
	assert_string_equal(cell(t, r, "contributions"), "1");
	r = find_row(t, "participant_id", "p2");
	assert_string_equal(cell(t, r, "day"), "2");
	assert_string_equal(cell(t, r, "name"), "Bo");
	assert_string_equal(cell(t, r, "contributions"), "2");
	table_free(t);

	t = export_table(EXPORT_DAYS, 0);
	assert_string_equal(cell(t, 1, "participants_present"), "1");
	assert_string_equal(cell(t, 2, "participants_present"), "1");
	assert_string_equal(cell(t, 3, "participants_present"), "0");
	table_free(t);
}

/* ------------------------------------------------------- certificates */

/* The rule: the override, else the module's value, else three quarters
 * of the days rounded up; always within 1..days. */
static void
test_certificate_rule(void **state)
{
	(void)state;
	assert_int_equal(export_certificate_rule(4, 0, 0), 3);
	assert_int_equal(export_certificate_rule(1, 0, 0), 1);
	assert_int_equal(export_certificate_rule(2, 0, 0), 2);
	assert_int_equal(export_certificate_rule(3, 0, 0), 3);
	assert_int_equal(export_certificate_rule(5, 0, 0), 4);
	assert_int_equal(export_certificate_rule(14, 0, 0), 11);
	assert_int_equal(export_certificate_rule(4, 2, 0), 2);
	assert_int_equal(export_certificate_rule(4, 2, 4), 4);
	assert_int_equal(export_certificate_rule(4, 0, 1), 1);
	assert_int_equal(export_certificate_rule(4, 9, 0), 4);
	assert_int_equal(export_certificate_rule(0, 0, 0), 1);
}

/* p1 present on days 1-3; p2 too, but the roll call marked them absent on
 * day 3 after they had written an idea that day; p3 active on all four
 * days without checking in; p4 never seen. */
static void
certificate_people(void)
{
	int d;

	person("p1", "Ana <b>&amp;", "PH", "Dept \"A\"", "");
	person("p2", "Bo", "KR", "", "");
	person("p3", "ޢާއިޝާ", "MV", "", "");
	person("p4", "Nobody", "LA", "", "");
	for (d = 1; d <= 4; d++) {
		at_local(d, 9, 0);
		if (d <= 3) {
			apply(EV_CHECKIN, NULL, "p1", NULL, NULL, d, NULL, NULL);
			apply(EV_CHECKIN, NULL, "p2", NULL, NULL, d, NULL, NULL);
		}
		idea(d == 1 ? "i1" : d == 2 ? "i2" : d == 3 ? "i3" : "i4",
		    "p3", NULL, "An idea");
	}
	at_local(3, 10, 0);
	idea("i5", "p2", NULL, "Written, then marked absent");
	apply(EV_CHECKIN, NULL, "p2", "absent", NULL, 3, NULL, NULL);
}

static void
test_certificates_csv(void **state)
{
	struct table *t;
	size_t r;

	(void)state;
	certificate_people();
	t = export_table(EXPORT_CERTIFICATES, 0);
	assert_int_equal(t->nrows, 5);
	r = find_row(t, "id", "p1");
	assert_string_equal(cell(t, r, "name"), "Ana <b>&amp;");
	assert_string_equal(cell(t, r, "organisation"), "Dept \"A\"");
	assert_string_equal(cell(t, r, "days_present"), "3");
	assert_string_equal(cell(t, r, "eligible"), "yes");
	assert_string_equal(cell(t, r, "days_required"), "3");
	assert_string_equal(cell(t, r, "days"), "4");
	r = find_row(t, "id", "p2");
	assert_string_equal(cell(t, r, "days_present"), "2");
	assert_string_equal(cell(t, r, "eligible"), "no");
	r = find_row(t, "id", "p3");
	assert_string_equal(cell(t, r, "days_present"), "4");
	assert_string_equal(cell(t, r, "eligible"), "yes");
	r = find_row(t, "id", "p4");
	assert_string_equal(cell(t, r, "days_present"), "0");
	assert_string_equal(cell(t, r, "eligible"), "no");
	table_free(t);

	/* The module's value, then the command line's, win over the rule. */
	fx.mod.certificate_days = 4;
	t = export_table(EXPORT_CERTIFICATES, 0);
	assert_string_equal(cell(t, find_row(t, "id", "p1"), "eligible"), "no");
	assert_string_equal(cell(t, find_row(t, "id", "p3"), "eligible"),
	    "yes");
	table_free(t);
	fx.src.certificate_days = 2;
	t = export_table(EXPORT_CERTIFICATES, 0);
	assert_string_equal(cell(t, find_row(t, "id", "p2"), "eligible"),
	    "yes");
	assert_string_equal(cell(t, 1, "days_required"), "2");
	table_free(t);
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what)) != NULL) {
		n++;
		s += strlen(what);
	}
	return n;
}

/* One page per eligible person, escaped, printable, nothing active. */
static void
test_certificates_html(void **state)
{
	char *html;

	(void)state;
	certificate_people();
	html = render(EXPORT_CERTIFICATES_HTML, 0, NULL);
	assert_memory_equal(html, "<!DOCTYPE html>", 15);
	assert_int_equal(count(html, "<section class=\"page\">"), 2);
	assert_non_null(strstr(html, "@page { size: A4"));
	assert_non_null(strstr(html, "Ana &lt;b&gt;&amp;amp;"));
	assert_non_null(strstr(html, "Dept &quot;A&quot;"));
	assert_non_null(strstr(html, ">ޢާއިޝާ</p>"));
	assert_null(strstr(html, "Bo<"));
	assert_non_null(strstr(html, "Bangkok 2026"));
	assert_non_null(strstr(html, "2026-11-23 to 2026-11-26"));
	assert_non_null(strstr(html, "Regional Academy"));
	assert_non_null(strstr(html, "present on 3 of 4 days"));
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "http"));
	assert_null(strstr(html, "src="));
	free(html);

	fx.src.certificate_days = 4;
	html = render(EXPORT_CERTIFICATES_HTML, 0, NULL);
	assert_int_equal(count(html, "<section class=\"page\">"), 1);
	free(html);
	person("p5", "Late", "TH", "", "");
	fx.mod.days = 1;	/* nobody was there on day 1 but p1-p3 */
	fx.src.certificate_days = 0;
	html = render(EXPORT_CERTIFICATES_HTML, 0, NULL);
	assert_int_equal(count(html, "<section class=\"page\">"), 3);
	free(html);
}

/* ----------------------------------------------------- agenda timings */

static void
test_timings(void **state)
{
	struct table *t;
	char *md;

	(void)state;
	person("p1", "Ana", "PH", "", "");
	at_local(1, 9, 0);
	apply(EV_AGENDA, NULL, "d1-open", NULL, NULL, 0, NULL, NULL);
	at_local(1, 9, 40);	/* 30 planned, 40 actual */
	apply(EV_AGENDA, NULL, "d1-talk", NULL, NULL, 0, NULL, NULL);
	at_local(1, 10, 30);
	apply(EV_AGENDA, NULL, "d1-group", NULL, NULL, 0, NULL, NULL);
	at_local(1, 10, 55);	/* the day's last activity */
	idea("i1", "p1", NULL, "Late idea");
	at_local(2, 9, 5);	/* moved on only the next morning */
	apply(EV_AGENDA, NULL, "d2-open", NULL, NULL, 0, NULL, NULL);
	at_local(2, 9, 50);
	idea("i2", "p1", NULL, "Still going");

	t = export_table(EXPORT_TIMINGS, 0);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "session_id"), "d1-open");
	assert_string_equal(cell(t, 1, "title"), "Opening");
	assert_string_equal(cell(t, 1, "planned_minutes"), "30");
	assert_string_equal(cell(t, 1, "actual_start"),
	    "2026-11-23T09:00:00+07:00");
	assert_string_equal(cell(t, 1, "actual_end"),
	    "2026-11-23T09:40:00+07:00");
	assert_string_equal(cell(t, 1, "actual_minutes"), "40");
	assert_string_equal(cell(t, 1, "overrun_minutes"), "10");
	assert_string_equal(cell(t, 2, "actual_minutes"), "50");
	assert_string_equal(cell(t, 2, "overrun_minutes"), "-10");
	/* Left open overnight: ends at the day's last activity. */
	assert_string_equal(cell(t, 3, "actual_end"),
	    "2026-11-23T10:55:00+07:00");
	assert_string_equal(cell(t, 3, "actual_minutes"), "25");
	/* Still the current item: no end yet, minutes so far. */
	assert_string_equal(cell(t, 4, "actual_end"), "");
	assert_string_equal(cell(t, 4, "actual_minutes"), "45");
	assert_string_equal(cell(t, 4, "overrun_minutes"), "-15");
	assert_string_equal(cell(t, 4, "kind"), "discussion");
	table_free(t);

	t = export_table(EXPORT_DAYS, 0);
	assert_int_equal(t->nrows, 5);
	assert_string_equal(cell(t, 1, "planned_minutes"), "120");
	assert_string_equal(cell(t, 1, "actual_minutes"), "115");
	assert_string_equal(cell(t, 1, "overrun_minutes"), "-5");
	assert_string_equal(cell(t, 2, "actual_minutes"), "45");
	assert_string_equal(cell(t, 3, "actual_minutes"), "");
	assert_string_equal(cell(t, 3, "overrun_minutes"), "");
	/* Day 2 is under way: its minutes are so far, and the row says so. */
	assert_string_equal(cell(t, 1, "complete"), "yes");
	assert_string_equal(cell(t, 2, "complete"), "no");
	assert_string_equal(cell(t, 3, "complete"), "");
	table_free(t);

	/* The summary says which day is still running. */
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "| 1 | 2026-11-23 | 120 | 115 | -5 | 1 |"));
	assert_non_null(strstr(md,
	    "| 2 | 2026-11-24 | 60 | 45 (so far) | -15 | 1 |"));
	free(md);
}

/* A session visited twice counts both visits. */
static void
test_timings_revisit(void **state)
{
	struct table *t;

	(void)state;
	at_local(1, 9, 0);
	apply(EV_AGENDA, NULL, "d1-open", NULL, NULL, 0, NULL, NULL);
	at_local(1, 9, 20);
	apply(EV_AGENDA, NULL, "d1-talk", NULL, NULL, 0, NULL, NULL);
	at_local(1, 9, 25);
	apply(EV_AGENDA, NULL, "d1-open", NULL, NULL, 0, NULL, NULL);
	at_local(1, 9, 35);
	apply(EV_AGENDA, NULL, "d1-talk", NULL, NULL, 0, NULL, NULL);
	at_local(1, 10, 30);
	apply(EV_AGENDA, NULL, "d1-group", NULL, NULL, 0, NULL, NULL);
	t = export_table(EXPORT_TIMINGS, 0);
	assert_string_equal(cell(t, 1, "actual_minutes"), "30");
	assert_string_equal(cell(t, 1, "actual_start"),
	    "2026-11-23T09:00:00+07:00");
	assert_string_equal(cell(t, 1, "actual_end"),
	    "2026-11-23T09:35:00+07:00");
	assert_string_equal(cell(t, 2, "actual_minutes"), "60");
	table_free(t);
}

/* ------------------------------------- questions, polls, evaluation */

static void
test_questions_polls_evaluation(void **state)
{
	struct table *t;
	char *md;

	(void)state;
	person("p1", "Ana", "PH", "", "");
	person("p2", "Bo", "KR", "", "");
	apply(EV_QUESTION, "p1", "q1", "d1-talk", NULL, 0, "Who pays, and how?",
	    NULL);
	apply(EV_QUESTION, "p2", "q2", "d1-talk", NULL, 0, "=SUM(1)", NULL);
	apply(EV_UPVOTE, "p2", "q1", NULL, NULL, 0, NULL, NULL);
	apply(EV_QUESTION_MARK, NULL, "q1", "answered", NULL, 1, NULL, NULL);
	apply(EV_POLL_OPEN, NULL, "o1", "d1-talk", NULL, POLL_SINGLE,
	    "Best channel?", "SMS\nApp\nCounter");
	apply(EV_POLL_ANSWER, "p1", "o1", NULL, NULL, 0, NULL, "2");
	apply(EV_POLL_ANSWER, "p2", "o1", NULL, NULL, 0, NULL, "2");
	apply(EV_POLL_CLOSE, NULL, "o1", NULL, NULL, 0, NULL, NULL);
	apply(EV_EVAL, "p1", "useful", NULL, NULL, 5, "", NULL);
	apply(EV_EVAL, "p2", "useful", NULL, NULL, 4, "", NULL);
	apply(EV_EVAL, "p2", "better", NULL, NULL, 0, "More *coffee*", NULL);

	t = export_table(EXPORT_QUESTIONS, 0);
	assert_int_equal(t->nrows, 3);
	assert_string_equal(cell(t, 1, "text"), "Who pays, and how?");
	assert_string_equal(cell(t, 1, "session_id"), "d1-talk");
	assert_string_equal(cell(t, 1, "author_id"), "p1");
	assert_string_equal(cell(t, 1, "author_name"), "Ana");
	assert_string_equal(cell(t, 1, "upvotes"), "1");
	assert_string_equal(cell(t, 1, "answered"), "yes");
	assert_string_equal(cell(t, 2, "text"), "'=SUM(1)");
	assert_string_equal(cell(t, 2, "answered"), "no");
	table_free(t);

	t = export_table(EXPORT_POLLS, 0);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(cell(t, 2, "poll_id"), "o1");
	assert_string_equal(cell(t, 2, "question"), "Best channel?");
	assert_string_equal(cell(t, 2, "option"), "App");
	assert_string_equal(cell(t, 2, "answers"), "2");
	assert_string_equal(cell(t, 1, "answers"), "0");
	table_free(t);

	t = export_table(EXPORT_EVALUATION, 0);
	assert_int_equal(t->nrows, 4);
	assert_string_equal(cell(t, 1, "participant_id"), "p1");
	assert_string_equal(cell(t, 1, "question"), "useful");
	assert_string_equal(cell(t, 1, "value"), "5");
	assert_string_equal(cell(t, 3, "question"), "better");
	assert_string_equal(cell(t, 3, "value"), "");
	assert_string_equal(cell(t, 3, "text"), "More *coffee*");
	table_free(t);

	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "Average 4.5 from 2 answers."));
	assert_non_null(strstr(md, "- More \\*coffee\\*\n"));
	assert_non_null(strstr(md, "- App: 2 (100%)"));
	assert_non_null(strstr(md, "Who pays, and how? (1 upvote, answered"));
	free(md);
}

/* -------------------------------------------------------- summary.md */

static void
test_summary(void **state)
{
	char *md;

	(void)state;
	person("p1", "Ana", "PH", "", "");
	person("p2", "Bo", "KR", "", "");
	person("p3", "Chai", "PH", "", "");
	apply(EV_PARTICIPANT, "sample", "p4", NULL, NULL, 0, "Demo Dee",
	    "TH\n\n");
	apply(EV_ROOM, NULL, "r1", NULL, NULL, 0, "Blue", "Health | care");
	apply(EV_MOVE, NULL, "p1", NULL, "r1", 0, NULL, NULL);
	apply(EV_MOVE, NULL, "p2", NULL, "r1", 0, NULL, NULL);
	idea("i1", "p1", "r1", "# not a heading \033[31mred\033[0m <b>x</b>");
	idea("i2", "p4", NULL, "Sample idea");
	apply(EV_MESSAGE, NULL, NULL, NULL, NULL, 1, "Back in 5 minutes", NULL);
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	dot("p2", "i1", "v1", 2);
	apply(EV_VOTING_REVEAL, NULL, "v1", NULL, NULL, 1, NULL, NULL);
	md = render(EXPORT_SUMMARY, 0, NULL);
	assert_non_null(strstr(md, "# Bangkok 2026\n"));
	assert_non_null(strstr(md, "Digital Government and Transformation "
	    "(Regional Academy)"));
	assert_non_null(strstr(md, "4 participants from 3 countries."));
	assert_non_null(strstr(md, "| PH | Philippines | 2 |\n"));
	assert_non_null(strstr(md, "**Blue**: Health \\| care\n"));
	assert_non_null(strstr(md, "Members: Ana (PH), Bo (KR)\n"));
	/* Control characters gone, Markdown neutral. */
	assert_null(strchr(md, '\033'));
	assert_non_null(strstr(md, "1. \\# not a heading \\[31mred\\[0m "
	    "\\<b\\>x\\</b\\> (2 dots = 100%, 1 voter, Blue)"));
	assert_non_null(strstr(md, "to everyone (called everyone back): "
	    "Back in 5 minutes"));
	assert_non_null(strstr(md, "1 of 4 participants and 1 of 2 ideas"));
	assert_non_null(strstr(md, "## Time: planned and actual"));
	assert_non_null(strstr(md, "| 1 | 2026-11-23 | 120 | - | - | 3 |"));
	free(md);
}

/* The sponsor's sections: no country figure about fewer than 3 people,
 * ideas by item and stage, a prototype's trail, full distributions. */
static void
test_summary_sponsor(void **state)
{
	static const char *const who[][2] = {
		{ "p1", "KR" }, { "p2", "KR" }, { "p3", "KR" },
		{ "p4", "PH" }, { "p5", "PH" }, { "p6", "PH" }, { "p7", "TH" },
	};
	char *md, id[8];
	size_t i;

	(void)state;
	for (i = 0; i < 7; i++) {
		snprintf(id, sizeof id, "P%zu", i);
		person(who[i][0], id, who[i][1], "", "");
	}
	idea("i1", "p7", NULL, "One stop shop");
	idea("i2", "p1", NULL, "Same as one stop");
	idea("i3", "p4", NULL, "Mobile clinic");
	apply(EV_IDEA_MERGE, NULL, "i2", "i1", NULL, 0, NULL, NULL);
	apply(EV_IDEA_PROMOTE, NULL, "i1", NULL, NULL, 1, NULL, NULL);
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	for (i = 0; i < 4; i++)
		dot(who[i][0], "i1", "v1", 1);		/* KR 3, PH 1 */
	dot("p7", "i2", "v1", 2);			/* TH 2, to i1 */
	dot("p5", "i3", "v1", 1);
	dot("p6", "i3", "v1", 1);
	apply(EV_POLL_OPEN, NULL, "o1", "d1-talk", NULL, POLL_SINGLE,
	    "Which?", "A\nB\nC");
	apply(EV_POLL_ANSWER, "p1", "o1", NULL, NULL, 0, NULL, "1");
	apply(EV_POLL_ANSWER, "p2", "o1", NULL, NULL, 0, NULL, "2");
	apply(EV_POLL_ANSWER, "p3", "o1", NULL, NULL, 0, NULL, "3");
	apply(EV_POLL_OPEN, NULL, "o2", "d1-talk", NULL, POLL_MULTI,
	    "Several?", "X\nY");
	apply(EV_POLL_ANSWER, "p1", "o2", NULL, NULL, 0, NULL, "1\n2");
	apply(EV_POLL_ANSWER, "p2", "o2", NULL, NULL, 0, NULL, "1");
	apply(EV_EVAL, "p1", "useful", NULL, NULL, 5, "", NULL);
	apply(EV_EVAL, "p2", "useful", NULL, NULL, 4, "", NULL);
	apply(EV_EVAL, "p3", "useful", NULL, NULL, 4, "", NULL);
	apply(EV_EVAL, "p1", "better", NULL, NULL, 0, "Share the data", NULL);
	apply(EV_EVAL, "p2", "better", NULL, NULL, 0, "Share the data", NULL);
	apply(EV_EVAL, "p3", "better", NULL, NULL, 0, "Train staff", NULL);
	md = render(EXPORT_SUMMARY, 0, NULL);
	/* KR and PH tie on 3: the later code joins TH (1 person alone). */
	assert_non_null(strstr(md, "| Korea, Republic of | 3 | 1 | 3 | 0 | "
	    "11 |\n| Other countries | 4 | 2 | 5 | 0 | 0 |\n"));
	assert_null(strstr(md, "\n| Thailand |"));
	assert_non_null(strstr(md, "| (outside the agenda) | 3 | 3 |"));
	/* The trail: the merged idea, the dots by country (TH and PH's one
	 * voter together are only 2: folded in with Korea). */
	assert_non_null(strstr(md, "- One stop shop (plenary, P6)\n  - Ideas "
	    "merged into it:\n    - Same as one stop\n  - Dots by the voters' "
	    "country: all countries together 6\n"));
	/* Shares of all the round's dots, adding up to 100. */
	assert_non_null(strstr(md, "(6 dots = 75%, 5 voters, plenary)"));
	assert_non_null(strstr(md, "(2 dots = 25%, 2 voters, plenary)"));
	/* The screens' figures: 34/33/33, not 33/33/33. */
	assert_non_null(strstr(md, "- A: 1 (34%)\n- B: 1 (33%)\n- C: 1 (33%)"));
	assert_non_null(strstr(md, "shares may add up to more than 100"));
	assert_non_null(strstr(md, "- X: 2 (100%)\n- Y: 1 (50%)"));
	assert_non_null(strstr(md, "| 4 | 2 | 67% |\n| 5 | 1 | 33% |\n"));
	assert_non_null(strstr(md, "Average 4.3 from 3 answers."));
	assert_non_null(strstr(md, "## Closing commitments"));
	assert_non_null(strstr(md, "- Share the data (said by 2 people)\n"
	    "- Train staff\n"));
	free(md);
}

/* ------------------------------------------------ writing into place */

static char *
temp_dir(void)
{
	char *dir = xstrdup("/tmp/convene-test-export.XXXXXX");

	assert_non_null(mkdtemp(dir));
	return dir;
}

static void
remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void
test_export_all(void **state)
{
	char *dir, *out, *path, *err = NULL;
	struct dirent *de;
	DIR *d;
	int f, files = 0;

	(void)state;
	build_votes();
	dir = temp_dir();
	out = path_join(dir, "a/b/export");
	assert_int_equal(export_all(&fx.src, out, 0, &err), 0);
	assert_null(err);
	/* Twice: the second replaces the first whole. */
	assert_int_equal(export_all(&fx.src, out, 0, &err), 0);
	for (f = 0; f < EXPORT_NFILES; f++) {
		path = path_join(out, export_file_name((enum export_file)f));
		assert_int_equal(access(path, R_OK), 0);
		free(path);
	}
	d = opendir(out);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' && (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		assert_false(de->d_name[0] == '.');	/* no temp left */
		files++;
	}
	closedir(d);
	assert_int_equal(files, EXPORT_NFILES);

	/* A directory that cannot be made fails with a message. */
	path = path_join(out, "ideas.csv/below");
	assert_int_equal(export_all(&fx.src, path, 0, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "ideas.csv"));
	free(err);
	free(path);
	free(out);
	remove_tree(dir);
	free(dir);
}

/* A directory we may not write (skipped as root, who may). */
static void
test_export_unwritable(void **state)
{
	char *dir, *path, *err = NULL;

	(void)state;
	if (geteuid() == 0)
		skip();
	dir = temp_dir();
	assert_int_equal(chmod(dir, 0500), 0);
	assert_int_equal(export_all(&fx.src, dir, 0, &err), -1);
	assert_non_null(err);
	free(err);
	path = path_join(dir, "ideas.csv");
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	chmod(dir, 0700);
	remove_tree(dir);
	free(dir);
}

/* A file that cannot be written leaves the previous export's file whole
 * (works as root too: a directory where the temporary file goes). */
static void
test_failed_write_keeps_old_file(void **state)
{
	char *dir, *tmp, *path, *before, *after, *err = NULL;

	(void)state;
	person("p1", "Ana", "PH", "", "");
	dir = temp_dir();
	assert_int_equal(export_all(&fx.src, dir, 0, &err), 0);
	path = path_join(dir, "participants.csv");
	before = file_read_all(path, 0, NULL);
	assert_non_null(before);
	person("p2", "Bo", "KR", "", "");
	tmp = path_join(dir, ".participants.csv.tmp");
	assert_int_equal(mkdir(tmp, 0700), 0);
	assert_int_equal(export_all(&fx.src, dir, 0, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, ".participants.csv.tmp"));
	after = file_read_all(path, 0, NULL);
	assert_string_equal(before, after);
	assert_null(strstr(after, "Bo"));
	free(err);
	free(before);
	free(after);
	free(tmp);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* ------------------------------------------------------------- scale */

static double
seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) +
	    (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* 200 participants, 10,000 ideas, 1,000 dots: every row there.  The time
 * is printed, not asserted (targets are measured, not timed tests). */
static void
test_ten_thousand_ideas(void **state)
{
	char id[16], pid[16], text[64], *dir, *err = NULL, *path, *buf;
	struct timespec t0;
	struct table *t;
	size_t len;
	int i;

	(void)state;
	for (i = 1; i <= 200; i++) {
		snprintf(pid, sizeof pid, "p%d", i);
		snprintf(text, sizeof text, "Participant %d", i);
		person(pid, text, i % 2 ? "TH" : "KR", "Ministry", "");
	}
	for (i = 1; i <= 10000; i++) {
		snprintf(id, sizeof id, "i%d", i);
		snprintf(pid, sizeof pid, "p%d", i % 200 + 1);
		snprintf(text, sizeof text, "Idea number %d, with a comma", i);
		idea(id, pid, NULL, text);
	}
	apply(EV_VOTING_OPEN, NULL, "v1", NULL, NULL, 5, NULL, NULL);
	for (i = 1; i <= 1000; i++) {
		snprintf(pid, sizeof pid, "p%d", i % 200 + 1);
		snprintf(id, sizeof id, "i%d", i * 7 % 10000 + 1);
		dot(pid, id, "v1", 1);
	}
	dir = temp_dir();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(export_all(&fx.src, dir, 0, &err), 0);
	print_message("export of 10,000 ideas: %.3f s\n", seconds_since(&t0));

	path = path_join(dir, "ideas.csv");
	buf = file_read_all(path, 0, &len);
	assert_non_null(buf);
	t = parse(buf, len);
	assert_int_equal(t->nrows, 10001);
	assert_string_equal(cell(t, 10000, "text"),
	    "Idea number 10000, with a comma");
	table_free(t);
	free(buf);
	free(path);
	path = path_join(dir, "votes.csv");
	buf = file_read_all(path, 0, &len);
	t = parse(buf, len);
	assert_int_equal(t->nrows, 1001);
	table_free(t);
	free(buf);
	free(path);
	remove_tree(dir);
	free(dir);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_headers),
		T(test_empty_session),
		T(test_round_trip),
		T(test_bom),
		T(test_participants),
		T(test_certificate_rule),
		T(test_certificates_csv),
		T(test_certificates_html),
		T(test_formulas),
		T(test_formulas_after_separators),
		T(test_damaged_registration),
		T(test_negative_numbers_untouched),
		T(test_votes),
		T(test_workbook),
		T(test_results_csv),
		T(test_ids_after_gaps),
		T(test_results_not_revealed),
		T(test_anonymous),
		T(test_named),
		T(test_attendance),
		T(test_timings),
		T(test_timings_revisit),
		T(test_questions_polls_evaluation),
		T(test_summary),
		T(test_summary_sponsor),
		T(test_export_all),
		T(test_export_unwritable),
		T(test_failed_write_keeps_old_file),
		T(test_ten_thousand_ideas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
