/*
 * journal.c -- journal.csv: reading and following (appending and creating
 * are in journal_write.c).
 *
 * The format is man/convene-journal.5.  Reading feeds libcsv one line at a
 * time (up to each '\n'), and a record counts as complete only at the end
 * of a line: so the file offset just past it is known without counting
 * bytes inside libcsv.  (libcsv also ends a row at a lone CR; a second row
 * starting on the same line is not our format and is treated as damage.)
 *
 * Each journal_read starts at `offset`, the end of the last complete
 * record.  A partial record at the end is parsed again from its start on
 * the next read rather than continued: a writer may have truncated a torn
 * tail and appended in the meantime, and continuing would glue old bytes to
 * new ones.
 *
 * Damage: a record that fails its check but whose CSV framing held (a
 * flipped byte inside a field) is reported and reading goes on after it.
 * When the framing itself is broken (a damaged quote, a wrong field count)
 * the record's end cannot be trusted: the damage is reported once, with
 * its first line, and every following line is tried as the start of a
 * record until one parses and checks.
 */
#define _GNU_SOURCE		/* F_NOTIFY; the Makefile asks for XOPEN only */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "crc32.h"
#include "i18n.h"
#include "journal_private.h"
#include "privilege.h"
#include "util.h"

#define READ_BLOCK (64 * 1024)
#define CSV_BLOCK 4096

const char *const journal_header_names[NFIELDS] = {
	JOURNAL_SCHEMA JOURNAL_VERSION, "time", "actor", "terminal", "event",
	"id", "ref", "room", "n", "text", "extra", "crc32"
};

/* A window of the file in j->buf: buf[0] is at file offset `pos`. */
struct scan {
	off_t pos, end;		/* end: the file size when the read began */
	size_t len, at;		/* bytes in buf, cursor */
	size_t chunk;		/* how much to read at a time, <= READ_BLOCK */
};

/* What parsing one record from a line start gave. */
enum attempt {
	A_RECORD,		/* a row ended: check it */
	A_BLANK,		/* an empty line between records */
	A_CSV_ERROR,		/* libcsv refused the bytes */
	A_GLUED,		/* a second row began on the record's last line */
	A_UNTERMINATED,		/* a line ends inside or after the crc32 */
	A_HOLD,			/* a partial record at the end: wait */
	A_END,			/* nothing left */
	A_IOERR
};

/* What checking a complete row gave. */
enum check { CHECK_OK, CHECK_BAD, CHECK_FRAMING };

/* --- the CSV parser ---------------------------------------------------- */

/* Nothing is "space": libcsv would otherwise trim spaces and tabs from
 * unquoted fields (ours are all quoted, other writers' may not be).  The
 * row terminators stay libcsv's own CR and LF: a terminator function
 * would cost an indirect call for every byte of every field. */
static int
csv_no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void
parser_init(struct journal *j)
{
	csv_init(&j->csv, CSV_STRICT);
	csv_set_space_func(&j->csv, csv_no_space);
	csv_set_realloc_func(&j->csv, xrealloc);
	csv_set_blk_size(&j->csv, CSV_BLOCK);
	j->csv_dirty = 0;
}

/* Forgets a partial or failed record.  libcsv's errors are sticky and
 * csv_fini would hand the partial record over as if it were whole, so the
 * parser is re-initialised instead (rare: only after a partial tail or a
 * damaged record). */
static void
record_reset(struct journal *j)
{
	if (j->csv_dirty) {
		csv_free(&j->csv);
		parser_init(j);
	}
	j->rec_len = 0;
	j->nfields = 0;
	j->row_done = 0;
	j->glued = 0;
}

/* Copies n bytes.  Most fields are a few bytes long (seq, a time, ids,
 * n, the crc), and for those a call to memcpy costs more than the copy:
 * these fixed-size copies compile to plain moves, overlapping rather than
 * reading past either end. */
static void
copy_field(char *d, const char *s, size_t n)
{
	if (n > 16)
		memcpy(d, s, n);
	else if (n >= 8) {
		memcpy(d, s, 8);
		memcpy(d + n - 8, s + n - 8, 8);
	} else if (n >= 4) {
		memcpy(d, s, 4);
		memcpy(d + n - 4, s + n - 4, 4);
	} else if (n > 0) {
		d[0] = s[0];
		d[n / 2] = s[n / 2];
		d[n - 1] = s[n - 1];
	}
}

static void
on_field(void *data, size_t len, void *ctx)
{
	struct journal *j = ctx;

	if (j->row_done) {
		j->glued = 1;
		return;
	}
	if (j->nfields == F_ID && j->peek != NULL && j->have_header)
		j->peek(data, len, j->peek_ctx);
	if (j->nfields < NFIELDS) {
		if (j->rec_len + len + 1 > j->rec_cap)
			j->rec = xgrow(j->rec, &j->rec_cap,
			    j->rec_len + len + 1, 1);
		copy_field(j->rec + j->rec_len, data, len);
		j->rec_len += len;
		j->rec[j->rec_len] = '\0';
		j->fend[j->nfields] = j->rec_len++;
	}
	j->nfields++;
}

static void
on_row(int c, void *ctx)
{
	struct journal *j = ctx;

	(void)c;
	if (j->row_done)
		j->glued = 1;
	j->row_done = 1;
}

static const char *
field(const struct journal *j, enum field f)
{
	return j->rec + (f == 0 ? 0 : j->fend[f - 1] + 1);
}

static size_t
field_len(const struct journal *j, enum field f)
{
	return j->fend[f] - (f == 0 ? 0 : j->fend[f - 1] + 1);
}

/* --- reading the file in pieces ---------------------------------------- */

static void
scan_seek(struct scan *s, off_t pos)
{
	s->pos = pos;
	s->len = s->at = 0;
}

static void
scan_start(struct scan *s, off_t pos, off_t end, size_t chunk)
{
	s->end = end;
	s->chunk = chunk;
	scan_seek(s, pos);
}

static off_t
scan_offset(const struct scan *s)
{
	return s->pos + (off_t)s->at;
}

/* Reads more of the file into the buffer, after what it holds. */
static int
scan_fill(struct journal *j, struct scan *s, char **err)
{
	off_t from = s->pos + (off_t)s->len;
	size_t want = READ_BLOCK - s->len;
	ssize_t got;

	if (want > s->chunk)
		want = s->chunk;

	if ((off_t)want > s->end - from)
		want = (size_t)(s->end - from);
	do
		got = pread(j->fd, j->buf + s->len, want, from);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return set_error(err, -1, _("cannot read the journal %s: %s"),
		    j->path, strerror(errno));
	if (got == 0)
		s->end = from;	/* it shrank meanwhile: the next read says so */
	s->len += (size_t)got;
	return 0;
}

/* The next piece to feed: up to and including the next '\n' (*eol set),
 * or, for a line longer than the buffer, what the buffer holds.  Returns 0
 * at the end of the data; bytes after the last '\n' are never handed out
 * then (scan_pending() counts them). */
static int
scan_next(struct journal *j, struct scan *s, const char **p, size_t *n,
    int *eol, char **err)
{
	const char *nl;

	for (;;) {
		if (s->at < s->len &&
		    (nl = memchr(j->buf + s->at, '\n', s->len - s->at)) != NULL) {
			*p = j->buf + s->at;
			*n = (size_t)(nl + 1 - *p);
			*eol = 1;
			s->at += *n;
			return 1;
		}
		if (s->pos + (off_t)s->len >= s->end)
			return 0;
		if (s->at > 0) {
			memmove(j->buf, j->buf + s->at, s->len - s->at);
			s->pos += (off_t)s->at;
			s->len -= s->at;
			s->at = 0;
		}
		if (s->len == READ_BLOCK) {
			*p = j->buf;
			*n = s->len;
			*eol = 0;
			s->pos += (off_t)s->len;
			s->len = 0;
			return 1;
		}
		if (scan_fill(j, s, err) != 0)
			return -1;
	}
}

static size_t
scan_pending(const struct scan *s)
{
	return s->len - s->at;
}

/* Moves past the end of the current line.  1 done, 0 no '\n' before the
 * end of the data, -1 error. */
static int
scan_skip_line(struct journal *j, struct scan *s, char **err)
{
	const char *p;
	size_t n;
	int eol = 0, r;

	while ((r = scan_next(j, s, &p, &n, &eol, err)) == 1)
		if (eol)
			return 1;
	return r;
}

static int
is_blank_line(const char *p, size_t n)
{
	while (n > 0 && (*p == '\r' || *p == '\n')) {
		p++;
		n--;
	}
	return n == 0;
}

/* Parses one record from the scan position, a line start.  *lines gets the
 * number of lines it spans. */
static enum attempt
parse_one(struct journal *j, struct scan *s, unsigned long *lines, char **err)
{
	const char *p;
	size_t n;
	int eol = 0, started = 0, r;

	record_reset(j);
	*lines = 0;
	for (;;) {
		r = scan_next(j, s, &p, &n, &eol, err);
		if (r < 0)
			return A_IOERR;
		if (r == 0)
			break;
		if (!started && eol && is_blank_line(p, n)) {
			*lines = 1;
			return A_BLANK;
		}
		started = 1;
		j->csv_dirty = 1;
		if (csv_parse(&j->csv, p, n, on_field, on_row, j) != n)
			return A_CSV_ERROR;
		if (!eol)
			continue;
		(*lines)++;
		/* Complete only at the line end: a row ended by a CR
		 * may yet have more on its line. */
		if (j->row_done) {
			/* pstate 0 is libcsv's ROW_NOT_BEGUN: otherwise a
			 * field began after the CR (an opened quote) and
			 * has not ended, so no callback said so. */
			if (j->glued || j->csv.pstate != 0)
				return A_GLUED;
			j->csv_dirty = 0;
			return A_RECORD;
		}
		/* A line break inside the 12th field or after it: no writer
		 * makes that (the crc32 never holds one), neither whole nor
		 * torn nor half-written, so the record's closing quote was
		 * damaged.  Saying so now, not at the end of the file, makes
		 * every reader and writer agree whatever they have seen. */
		if (j->nfields >= F_CRC)
			return A_UNTERMINATED;
	}
	if (!started)
		return scan_pending(s) > 0 ? A_HOLD : A_END;
	/* A partial record: a write in progress, or a torn tail that the
	 * next writer repairs.  Either way, wait. */
	return A_HOLD;
}

/* --- checking records ---------------------------------------------------- */

static int
parse_u64(const char *s, size_t len, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (len == 0 || len > 19)	/* JOURNAL_SEQ_MAX fits 19 digits */
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (uint64_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

/* n: empty means 0; otherwise an optional '-' and the digits of a long:
 * every value the writer's "%ld" can give, LONG_MIN and LONG_MAX too. */
static int
parse_n(const char *s, size_t len, long *v)
{
	uint64_t x;
	int neg = len > 0 && s[0] == '-';

	if (len == 0) {
		*v = 0;
		return 0;
	}
	if (parse_u64(s + neg, len - (size_t)neg, &x) != 0 ||
	    x > (uint64_t)LONG_MAX + (uint64_t)neg)
		return -1;
	if (neg)
		*v = x == (uint64_t)LONG_MAX + 1 ? LONG_MIN : -(long)x;
	else
		*v = (long)x;
	return 0;
}

/* One more than the value of a lowercase hexadecimal digit, 0 for any
 * other byte.  A table rather than comparisons: the digits of a CRC are
 * random, so "digit or letter?" branches mispredict about half the time,
 * and that cost more than anything else in checking a record. */
static const unsigned char hex_value[256] = {
	['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
	['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
	['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16
};

static int
parse_crc(const char *s, size_t len, uint32_t *v)
{
	uint32_t x = 0;
	unsigned bad = 0, d;
	size_t i;

	if (len != 8)
		return -1;
	for (i = 0; i < 8; i++) {
		/* lowercase only: any changed byte is caught */
		d = hex_value[(unsigned char)s[i]];
		bad |= d == 0;
		x = x << 4 | ((d - 1) & 15);
	}
	if (bad)
		return -1;
	*v = x;
	return 0;
}

static enum check
check_bad(struct journal *j, enum check c, const char *why)
{
	snprintf(j->why, sizeof j->why, "%s", why);
	return c;
}

/* Values are handed on as C strings, so a NUL inside one would cut it
 * short: rec must hold exactly one NUL per field.  Counted a word at a
 * time (a memchr per field costs more in calls than in bytes). */
static size_t
count_nuls(const char *p, size_t n)
{
	const uint64_t low7 = 0x7f7f7f7f7f7f7f7fULL, ones = 0x0101010101010101ULL;
	uint64_t w, zero;
	size_t nuls = 0;

	for (; n >= 8; p += 8, n -= 8) {
		memcpy(&w, p, 8);
		/* 0x80 in each byte of w that is zero, exactly */
		zero = ~(((w & low7) + low7) | w | low7);
		nuls += (size_t)(((zero >> 7) * ones) >> 56);
	}
	for (; n > 0; p++, n--)
		nuls += *p == '\0';
	return nuls;
}

/* Checks the complete row in j->rec and fills ev from it; its seq must
 * come after `after_seq`. */
static enum check
check_record(struct journal *j, struct event *ev, uint64_t after_seq)
{
	uint32_t want;

	if (j->nfields != NFIELDS) {
		snprintf(j->why, sizeof j->why,
		    _("%u fields instead of %d (a damaged quote or line end?)"),
		    j->nfields, NFIELDS);
		return CHECK_FRAMING;
	}
	if (parse_crc(field(j, F_CRC), field_len(j, F_CRC), &want) != 0)
		return check_bad(j, CHECK_BAD,
		    _("the crc32 column is not 8 hexadecimal digits"));
	/* The 11 values with their NULs lie one after the other in rec. */
	if (crc32_update(0, j->rec, j->fend[F_EXTRA] + 1) != want)
		return check_bad(j, CHECK_BAD,
		    _("checksum mismatch: the record was changed or damaged"));
	j->checked_crc = want;
	if (count_nuls(j->rec, j->rec_len) != NFIELDS)
		return check_bad(j, CHECK_BAD, _("a field holds a NUL byte"));
	if (parse_u64(field(j, F_SEQ), field_len(j, F_SEQ), &ev->seq) != 0 ||
	    ev->seq == 0)
		return check_bad(j, CHECK_BAD, _("seq is not a positive number"));
	if (ev->seq <= after_seq) {
		snprintf(j->why, sizeof j->why,
		    _("seq %" PRIu64 " does not come after %" PRIu64
		    " (a copied or replayed record?)"), ev->seq, after_seq);
		return CHECK_BAD;
	}
	if (event_parse_time_cached(field(j, F_TIME), &ev->time_ms,
	    &j->time_cache) != 0)
		return check_bad(j, CHECK_BAD,
		    _("time is not an ISO 8601 UTC time with milliseconds"));
	if (parse_n(field(j, F_N), field_len(j, F_N), &ev->n) != 0)
		return check_bad(j, CHECK_BAD, _("n is not a whole number"));
	ev->actor = field(j, F_ACTOR);
	ev->terminal = field(j, F_TERMINAL);
	ev->name = field(j, F_EVENT);
	ev->type = event_type_from_name(ev->name);
	ev->id = field(j, F_ID);
	ev->ref = field(j, F_REF);
	ev->room = field(j, F_ROOM);
	ev->text = field(j, F_TEXT);
	ev->extra = field(j, F_EXTRA);
	return CHECK_OK;
}

/* The first bytes must start the header row; refuses other files before
 * waiting for a line end that a binary file may never have. */
static int
check_magic(struct journal *j, char **err)
{
	static const char quoted[] = "\"" JOURNAL_SCHEMA;
	char head[sizeof quoted];
	ssize_t n;

	do
		n = pread(j->fd, head, sizeof head - 1, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return set_error(err, -1, _("cannot read the journal %s: %s"),
		    j->path, strerror(errno));
	if (memcmp(head, quoted, (size_t)n) == 0 ||
	    memcmp(head, quoted + 1, (size_t)n < sizeof quoted - 2 ?
	    (size_t)n : sizeof quoted - 2) == 0)
		return 0;
	return set_error(err, -1, _("%s is not a convene journal"), j->path);
}

static int
check_header(struct journal *j, char **err)
{
	const char *first = j->nfields > 0 ? field(j, F_SEQ) : "";
	unsigned i;

	if (!str_starts(first, JOURNAL_SCHEMA))
		return set_error(err, -1, _("%s is not a convene journal"),
		    j->path);
	if (strcmp(first, journal_header_names[0]) != 0)
		return set_error(err, -1, _("%s: unknown journal schema \"%s\" "
		    "(this convene reads %s): a newer convene wrote it?"),
		    j->path, first, journal_header_names[0]);
	if (j->nfields != NFIELDS)
		return set_error(err, -1, _("%s: the header row has %u columns "
		    "instead of %d"), j->path, j->nfields, NFIELDS);
	for (i = 1; i < NFIELDS; i++)
		if (strcmp(field(j, i), journal_header_names[i]) != 0)
			return set_error(err, -1, _("%s: the header row names "
			    "column %u \"%s\" instead of \"%s\""), j->path,
			    i + 1, field(j, i), journal_header_names[i]);
	j->have_header = 1;
	return 0;
}

/* --- the read loop ------------------------------------------------------- */

static void
advance(struct journal *j, const struct scan *s, unsigned long lines)
{
	j->offset = scan_offset(s);
	j->line += lines;
}

static void
report(struct journal *j, struct sink *k, const char *why)
{
	if (k->on_bad != NULL)
		k->on_bad(j->line, why, k->ctx);
	k->count++;
}

/* The record at j->offset cannot be trusted to end where the parser says:
 * report it (once per damaged stretch) and try the next line.  Returns 1
 * to go on, 0 to stop (no line end yet), -1 on error. */
static int
resync(struct journal *j, struct scan *s, struct sink *k, const char *why,
    char **err)
{
	int r;

	if (!j->damaged) {
		report(j, k, why);
		j->damaged = 1;
	}
	j->csv_dirty = 1;
	scan_seek(s, j->offset);
	if ((r = scan_skip_line(j, s, err)) != 1)
		return r;
	advance(j, s, 1);
	return 1;
}

static int
take_record(struct journal *j, struct scan *s, struct sink *k,
    unsigned long lines, char **err)
{
	struct event ev;
	enum check c;

	memset(&ev, 0, sizeof ev);
	c = check_record(j, &ev, j->last_seq);
	if (c == CHECK_OK) {
		ev.offset = (int64_t)j->offset;	/* the record's start */
		j->damaged = 0;
		j->last_seq = ev.seq;
		if (ev.time_ms > j->last_time)
			j->last_time = ev.time_ms;
		advance(j, s, lines);
		j->rec_start = (off_t)ev.offset;
		j->rec_end = j->offset;
		j->rec_crc = j->checked_crc;
		if (k->on_record != NULL)
			k->on_record(&ev, k->ctx);
		k->count++;
		return 1;
	}
	if (c == CHECK_BAD && !j->damaged) {
		/* The framing held: only this record is bad. */
		report(j, k, j->why);
		advance(j, s, lines);
		return 1;
	}
	return resync(j, s, k, j->why, err);
}

/* Handles the record at j->offset.  1 go on, 0 stop, -1 error. */
static int
read_one(struct journal *j, struct scan *s, struct sink *k, char **err)
{
	unsigned long lines;

	switch (parse_one(j, s, &lines, err)) {
	case A_RECORD:
		if (j->have_header)
			return take_record(j, s, k, lines, err);
		if (check_header(j, err) != 0)
			return -1;
		advance(j, s, lines);
		return 1;
	case A_BLANK:
		advance(j, s, lines);
		return 1;
	case A_CSV_ERROR:
		if (!j->have_header)
			break;
		return resync(j, s, k, _("not a well-formed CSV record "
		    "(a damaged quote?)"), err);
	case A_GLUED:
		if (!j->have_header)
			break;
		return resync(j, s, k, _("two records on one line "
		    "(a lost line end?)"), err);
	case A_UNTERMINATED:
		if (!j->have_header)
			break;
		return resync(j, s, k, _("the record never ends "
		    "(a damaged closing quote?)"), err);
	case A_HOLD:
	case A_END:
		return 0;
	case A_IOERR:
		return -1;
	}
	return set_error(err, -1, _("%s is not a convene journal"), j->path);
}

long
journal_read_into(struct journal *j, struct sink *k, char **err)
{
	struct stat st;
	struct scan s;
	int r;

	if (fstat(j->fd, &st) != 0)
		return set_error(err, -1, _("cannot read the journal %s: %s"),
		    j->path, strerror(errno));
	if (st.st_size < j->offset)
		return set_error(err, -1, _("the journal %s is shorter than "
		    "what was already read (%jd < %jd bytes): it was truncated "
		    "or replaced"), j->path, (intmax_t)st.st_size,
		    (intmax_t)j->offset);
	j->seen_size = st.st_size;
	if (!j->have_header && check_magic(j, err) != 0)
		return -1;
	scan_start(&s, j->offset, st.st_size, READ_BLOCK);
	j->reading = 1;
	while ((r = read_one(j, &s, k, err)) == 1)
		;
	j->reading = 0;
	return r < 0 ? -1 : k->count;
}

void
journal_set_peek(struct journal *j, journal_peek_fn peek, void *ctx)
{
	j->peek = peek;
	j->peek_ctx = ctx;
}

/* A record is a few hundred bytes: reading it back needs no 64 KiB. */
#define RECORD_CHUNK 2048

int
journal_record_at(struct journal *j, int64_t offset,
    journal_record_fn on_record, void *ctx, char **err)
{
	struct event ev;
	struct scan s;
	unsigned long lines;
	enum attempt a;

	/* From a callback of a read, the read's buffers and parser would be
	 * overwritten under it. */
	if (j->reading)
		return set_error(err, -1, _("the journal %s cannot read a record "
		    "again while it is reading"), j->path);
	if (offset <= 0 || offset >= (int64_t)j->offset || !j->have_header)
		return set_error(err, -1, _("the journal %s has no record at "
		    "byte %" PRId64), j->path, offset);
	scan_start(&s, (off_t)offset, j->offset, RECORD_CHUNK);
	a = parse_one(j, &s, &lines, err);
	if (a == A_IOERR)
		return -1;
	memset(&ev, 0, sizeof ev);
	if (a != A_RECORD || check_record(j, &ev, 0) != CHECK_OK) {
		j->csv_dirty = 1;
		return set_error(err, -1, _("the journal %s has no good record "
		    "at byte %" PRId64 " any more: was it changed?"), j->path,
		    offset);
	}
	ev.offset = offset;
	if (on_record != NULL)
		on_record(&ev, ctx);
	return 0;
}

int
journal_mark(const struct journal *j, struct journal_mark *m)
{
	memset(m, 0, sizeof *m);
	if (j->rec_end <= 0 || j->rec_end != j->offset || j->damaged)
		return -1;
	m->dev = (uint64_t)j->dev;
	m->ino = (uint64_t)j->ino;
	m->offset = (int64_t)j->offset;
	m->rec_offset = (int64_t)j->rec_start;
	m->rec_crc = j->rec_crc;
	m->line = j->line;
	m->last_seq = j->last_seq;
	m->last_time = j->last_time;
	return 0;
}

/* The header row, read and checked as journal_read does. */
static int
resume_header(struct journal *j, off_t end, char **err)
{
	struct scan s;
	unsigned long lines;

	if (check_magic(j, err) != 0)
		return -1;
	scan_start(&s, 0, end, RECORD_CHUNK);
	if (parse_one(j, &s, &lines, err) != A_RECORD) {
		j->csv_dirty = 1;
		return set_error(err, -1, _("%s is not a convene journal"),
		    j->path);
	}
	return check_header(j, err);
}

int
journal_resume(struct journal *j, const struct journal_mark *m, char **err)
{
	struct stat st;
	struct event ev;
	struct scan s;
	unsigned long lines;

	if (j->have_header || j->offset != 0 || fstat(j->fd, &st) != 0 ||
	    m->dev != (uint64_t)st.st_dev || m->ino != (uint64_t)st.st_ino ||
	    m->offset <= 0 || m->offset > (int64_t)st.st_size ||
	    m->rec_offset <= 0 || m->rec_offset >= m->offset ||
	    m->line < 2 || m->line > (uint64_t)m->offset ||
	    m->last_seq == 0 || m->last_seq > JOURNAL_SEQ_MAX)
		return set_error(err, -1, "%s", _("the checkpoint is of "
		    "another journal, or of more than it holds"));
	if (resume_header(j, (off_t)m->offset, err) != 0) {
		j->have_header = 0;
		return -1;
	}
	scan_start(&s, (off_t)m->rec_offset, (off_t)m->offset, RECORD_CHUNK);
	memset(&ev, 0, sizeof ev);
	if (parse_one(j, &s, &lines, err) != A_RECORD ||
	    check_record(j, &ev, 0) != CHECK_OK ||
	    scan_offset(&s) != (off_t)m->offset || ev.seq != m->last_seq ||
	    j->checked_crc != m->rec_crc) {
		j->csv_dirty = 1;
		j->have_header = 0;
		return set_error(err, -1, "%s", _("the journal's record at the "
		    "checkpoint is not the one it covers"));
	}
	j->offset = (off_t)m->offset;
	j->line = (unsigned long)m->line;
	j->last_seq = m->last_seq;
	j->last_time = m->last_time;
	j->rec_start = (off_t)m->rec_offset;
	j->rec_end = (off_t)m->offset;
	j->rec_crc = m->rec_crc;
	return 0;
}

long
journal_read(struct journal *j, journal_record_fn on_record,
    journal_bad_fn on_bad, void *ctx, char **err)
{
	struct sink k = { on_record, on_bad, ctx, 0 };

	return journal_read_into(j, &k, err);
}

/* --- opening ------------------------------------------------------------- */

static void watch_close(struct journal *j);

/* Takes over fd (just opened, maybe O_NONBLOCK): checked, then wrapped. */
static struct journal *
journal_from_fd(int fd, const char *path, int read_only, char **err)
{
	struct journal *j;
	struct stat st;

	if (file_check_regular(fd) != 0 || fstat(fd, &st) != 0) {
		set_error(err, -1, _("cannot open the journal %s: %s"), path,
		    file_strerror(errno));
		close(fd);
		return NULL;
	}
	j = xcalloc(1, sizeof *j);
	j->path = xstrdup(path);
	j->sd.fd = -1;
	j->fd = fd;
	j->wfd = j->watch_fd = j->watch_dir = -1;
	j->read_only = read_only;
	j->dev = st.st_dev;
	j->ino = st.st_ino;
	j->line = 1;
	j->buf = xmalloc(READ_BLOCK);
	parser_init(j);
	return j;
}

struct journal *
journal_open(const char *path, int read_only, char **err)
{
	int fd;

	privilege_raise();
	/* O_NONBLOCK: a FIFO put in the journal's place must not hold the
	 * open until someone writes to it; file_check_regular refuses it. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	privilege_drop();
	if (fd < 0) {
		set_error(err, -1, _("cannot open the journal %s: %s"), path,
		    strerror(errno));
		return NULL;
	}
	return journal_from_fd(fd, path, read_only, err);
}

struct journal *
journal_open_beneath(const struct sessdir *sd, const char *name,
    const char *shown, int read_only, char **err)
{
	struct journal *j;
	int fd = sessdir_openat(sd, name, O_RDONLY, 0, SESSDIR_FILE);

	if (fd < 0) {
		set_error(err, -1, _("cannot open the journal %s: %s"), shown,
		    file_strerror(errno));
		return NULL;
	}
	if ((j = journal_from_fd(fd, shown, read_only, err)) == NULL)
		return NULL;
	j->sd = *sd;
	if ((j->sd.fd = fcntl(sd->fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		set_error(err, -1, _("cannot open the journal %s: %s"), shown,
		    strerror(errno));
		journal_close(j);
		return NULL;
	}
	j->name = xstrdup(name);
	return j;
}

void
journal_close(struct journal *j)
{
	if (j == NULL)
		return;
	close(j->fd);
	if (j->wfd >= 0)
		close(j->wfd);
	watch_close(j);
	csv_free(&j->csv);
	free(j->rec);
	free(j->buf);
	free(j->out);
	free(j->path);
	free(j->name);
	sessdir_close(&j->sd);
	free(j);
}

off_t
journal_offset(const struct journal *j)
{
	return j->offset;
}

uint64_t
journal_last_seq(const struct journal *j)
{
	return j->last_seq;
}

int64_t
journal_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- following ----------------------------------------------------------- */

/* Why dnotify first: measured with 500 followers of one user on 2 cores
 * (bench/README.md, "Following at scale"), inotify reaches only the first
 * 128 instances a user may hold and the rest poll; a wake file with a
 * futex needs a thread per follower (twice the CPU per wake-up) and every
 * writer's help; a FIFO per follower costs the writer 500 opens per
 * append.  dnotify wakes every follower, needs no help from writers and
 * costs about what inotify costs. */

static int skip_dnotify, skip_inotify;	/* journal_test_watch_skip */

/* The one signalfd of the process, and how many journals use it. */
static int sigio_fd = -1;
static unsigned sigio_users;

void
journal_test_watch_skip(int no_dnotify, int no_inotify)
{
	skip_dnotify = no_dnotify;
	skip_inotify = no_inotify;
}

/* SIGIO blocked (so it waits for the signalfd) and ignored (so that one
 * still pending when something unblocks it ends nothing). */
static int
sigio_take(void)
{
	struct sigaction sa;
	sigset_t set;

	if (sigio_fd < 0) {
		sigemptyset(&set);
		sigaddset(&set, SIGIO);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = SIG_IGN;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGIO, &sa, NULL) != 0 ||
		    sigprocmask(SIG_BLOCK, &set, NULL) != 0)
			return -1;
		sigio_fd = signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
		if (sigio_fd < 0)
			return -1;
	}
	sigio_users++;
	return sigio_fd;
}

/* SIGIO stays blocked and ignored: one may still arrive from a directory
 * closed a moment ago. */
static void
sigio_give(void)
{
	if (sigio_users > 0 && --sigio_users == 0) {
		close(sigio_fd);
		sigio_fd = -1;
	}
}

/* The directory the journal is in, opened for reading (dnotify needs a
 * readable descriptor; sd's is O_PATH), or -1.  It must hold the journal
 * itself under its name, and its only name: dnotify hears of a write in
 * the directory of the name the writer opened, so a journal reached
 * through a symbolic link, or with a second hard link elsewhere, may
 * change in another directory. */
static int
open_watch_dir(struct journal *j)
{
	const char *name = j->name, *slash;
	struct stat st;
	char *dir;
	int fd;

	privilege_raise();
	if (j->sd.fd >= 0)
		fd = openat(j->sd.fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	else {
		slash = strrchr(j->path, '/');
		dir = slash == NULL ? xstrdup(".") : slash == j->path ?
		    xstrdup("/") : xstrndup(j->path, (size_t)(slash - j->path));
		name = slash == NULL ? j->path : slash + 1;
		fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		free(dir);
	}
	if (fd >= 0 && (fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
	    st.st_dev != j->dev || st.st_ino != j->ino || st.st_nlink != 1)) {
		close(fd);
		fd = -1;
	}
	privilege_drop();
	return fd;
}

static int
watch_dnotify(struct journal *j)
{
	int dir, sfd;

	if ((dir = open_watch_dir(j)) < 0)
		return -1;
	if ((sfd = sigio_take()) < 0) {
		close(dir);
		return -1;
	}
	/* DN_MODIFY: an append (any write in the directory: the other
	 * files of a session change rarely, and a spurious wake-up costs a
	 * stat); rename and delete: the journal moved or replaced. */
	if (fcntl(dir, F_NOTIFY, DN_MODIFY | DN_ATTRIB | DN_RENAME |
	    DN_DELETE | DN_MULTISHOT) != 0) {
		close(dir);
		sigio_give();
		return -1;
	}
	j->watch_dir = dir;
	j->watch_fd = sfd;
	j->watch_kind = JOURNAL_WATCH_DNOTIFY;
	return 0;
}

static int
watch_inotify(struct journal *j)
{
	char self[64];
	int fd, r;

	/* Fails past fs.inotify.max_user_instances (128 by default). */
	if ((fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) < 0)
		return -1;
	/* The file held open, through its /proc link: the same inode as the
	 * name named when it was opened, reached through no other link. */
	snprintf(self, sizeof self, "/proc/self/fd/%d", j->fd);
	privilege_raise();
	r = inotify_add_watch(fd, self, IN_MODIFY | IN_ATTRIB |
	    IN_MOVE_SELF | IN_DELETE_SELF);
	privilege_drop();
	if (r < 0) {
		close(fd);
		return -1;
	}
	j->watch_fd = fd;
	j->watch_kind = JOURNAL_WATCH_INOTIFY;
	return 0;
}

int
journal_watch_fd(struct journal *j)
{
	if (j->watch_fd >= 0 || j->watch_failed)
		return j->watch_fd;
	if ((!skip_dnotify && watch_dnotify(j) == 0) ||
	    (!skip_inotify && watch_inotify(j) == 0))
		return j->watch_fd;
	/* The caller polls journal_changed(). */
	j->watch_failed = 1;
	return -1;
}

enum journal_watch
journal_watch_kind(const struct journal *j)
{
	return j->watch_fd >= 0 ? j->watch_kind : JOURNAL_WATCH_POLL;
}

/* Stops watching (journal_close). */
static void
watch_close(struct journal *j)
{
	if (j->watch_kind == JOURNAL_WATCH_DNOTIFY && j->watch_fd >= 0) {
		close(j->watch_dir);	/* ends its dnotify */
		sigio_give();
	} else if (j->watch_fd >= 0)
		close(j->watch_fd);
	j->watch_fd = j->watch_dir = -1;
}

/* Reads every pending event; events merge under bursts, so only whether
 * something happened matters.  1 when the file may have changed. */
static int
drain_watch(struct journal *j)
{
	/* room for 32 signalfd_siginfo of 128 bytes, or inotify events */
	_Alignas(struct inotify_event) char buf[4096];
	int changed = 0;
	ssize_t n;

	while ((n = read(j->watch_fd, buf, sizeof buf)) > 0 ||
	    (n < 0 && errno == EINTR))
		if (n > 0)
			changed = 1;
	return changed;
}

int
journal_changed(struct journal *j, char **err)
{
	struct stat st;
	int changed = 0, r;

	if (j->watch_fd >= 0)
		changed = drain_watch(j);
	/* Moves, deletions and replacements are judged by the name: while we
	 * hold the file open they show only as IN_ATTRIB (a link count) or
	 * IN_MOVE_SELF, and polling sees no events at all. */
	privilege_raise();
	if (j->sd.fd >= 0)	/* by name beneath the session, never a link */
		r = fstatat(j->sd.fd, j->name, &st, AT_SYMLINK_NOFOLLOW);
	else
		r = stat(j->path, &st);
	privilege_drop();
	if (r != 0) {
		if (errno == ENOENT)
			return set_error(err, -1, _("the journal %s was deleted "
			    "or moved away"), j->path);
		return set_error(err, -1, _("cannot read the journal %s: %s"),
		    j->path, strerror(errno));
	}
	if (st.st_dev != j->dev || st.st_ino != j->ino)
		return set_error(err, -1, _("the journal %s was replaced by "
		    "another file"), j->path);
	if (st.st_size != j->seen_size)
		changed = 1;
	return changed;
}
