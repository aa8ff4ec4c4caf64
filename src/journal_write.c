/*
 * journal_write.c -- appending to journal.csv and creating it.
 *
 * The protocol is journal.h's: under flock(LOCK_EX), catch up, cut off a
 * torn tail, let `build` decide, write the whole batch with one write(2),
 * fsync.  Any failure cuts the file back to its size before the write, so
 * a record is in the journal only if it was acknowledged (or its writer
 * died between fsync and returning).
 */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <csv.h>

#include "crc32.h"
#include "i18n.h"
#include "journal_private.h"
#include "privilege.h"
#include "util.h"

void
journal_set_fault(struct journal *j, enum journal_fault fault)
{
	j->fault = fault;
}

/* --- batches ------------------------------------------------------------- */

void
journal_batch_add(struct journal_batch *b, const struct event *ev)
{
	const char *src[7] = { ev->actor, ev->terminal, ev->id, ev->ref,
	    ev->room, ev->text, ev->extra };
	const char **dst[7];
	struct batch_item *it;
	size_t len[7], total = 0, i;
	char *p;

	b->items = xgrow(b->items, &b->cap, b->n + 1, sizeof *b->items);
	it = &b->items[b->n++];
	memset(it, 0, sizeof *it);
	it->ev.type = ev->type;
	it->ev.n = ev->n;
	it->ev.name = event_type_name(ev->type);
	dst[0] = &it->ev.actor;
	dst[1] = &it->ev.terminal;
	dst[2] = &it->ev.id;
	dst[3] = &it->ev.ref;
	dst[4] = &it->ev.room;
	dst[5] = &it->ev.text;
	dst[6] = &it->ev.extra;
	for (i = 0; i < 7; i++) {
		if (src[i] == NULL)
			src[i] = "";
		len[i] = strlen(src[i]);
		total += len[i] + 1;
	}
	p = it->strings = xmalloc(total);
	for (i = 0; i < 7; i++) {
		memcpy(p, src[i], len[i] + 1);
		*dst[i] = p;
		p += len[i] + 1;
	}
}

uint64_t
journal_batch_next_seq(const struct journal_batch *b)
{
	return b->first_seq + b->n;
}

static void
batch_free(struct journal_batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		free(b->items[i].strings);
	free(b->items);
}

/* --- formatting ---------------------------------------------------------- */

/* Appends one quoted field; the caller has made room for 2 * len + 2. */
static size_t
put_field(char *out, const char *v, size_t len)
{
	return csv_write(out, 2 * len + 2, v, len);
}

/* Formats one record at j->out + at; returns the new end.  The crc32 is
 * over the 11 values, each followed by a NUL byte, so that moving a byte
 * from one field to the next changes it. */
size_t
journal_format_record(struct journal *j, size_t at, const struct event *ev)
{
	char seq[24], tim[32], n[24], crc[12];
	const char *v[NFIELDS];
	size_t len[NFIELDS], need = 2, i;
	uint32_t sum = 0;

	snprintf(seq, sizeof seq, "%" PRIu64, ev->seq);
	event_format_time(ev->time_ms, tim, sizeof tim);
	if (ev->n == 0)
		n[0] = '\0';	/* unused columns stay empty */
	else
		snprintf(n, sizeof n, "%ld", ev->n);
	v[F_SEQ] = seq;
	v[F_TIME] = tim;
	v[F_ACTOR] = ev->actor;
	v[F_TERMINAL] = ev->terminal;
	v[F_EVENT] = event_type_name(ev->type);
	v[F_ID] = ev->id;
	v[F_REF] = ev->ref;
	v[F_ROOM] = ev->room;
	v[F_N] = n;
	v[F_TEXT] = ev->text;
	v[F_EXTRA] = ev->extra;
	for (i = 0; i < F_CRC; i++) {
		len[i] = strlen(v[i]);
		sum = crc32_update(sum, v[i], len[i] + 1);
		need += 2 * len[i] + 3;
	}
	snprintf(crc, sizeof crc, "%08" PRIx32, sum);
	j->checked_crc = sum;	/* the batch's last: journal_mark */
	v[F_CRC] = crc;
	len[F_CRC] = 8;
	need += 2 * 8 + 2;
	j->out = xgrow(j->out, &j->out_cap, at + need, 1);
	for (i = 0; i < NFIELDS; i++) {
		at += put_field(j->out + at, v[i], len[i]);
		j->out[at++] = i + 1 < NFIELDS ? ',' : '\r';
	}
	j->out[at++] = '\n';
	return at;
}

/* Formats the whole batch into j->out; returns its length, or -1. */
static ssize_t
format_batch(struct journal *j, struct journal_batch *b, char **err)
{
	char tim[32];
	size_t at = 0, i;
	int64_t t;

	for (i = 0; i < b->n; i++) {
		if (b->items[i].ev.type <= EV_UNKNOWN ||
		    b->items[i].ev.type >= EV_COUNT)
			return set_error(err, -1, _("cannot write an event of "
			    "unknown type %d"), (int)b->items[i].ev.type);
		event_format_time(b->items[i].ev.time_ms, tim, sizeof tim);
		if (event_parse_time(tim, &t) != 0)
			return set_error(err, -1, _("cannot write the time "
			    "%" PRId64 " ms"), b->items[i].ev.time_ms);
		b->items[i].ev.offset = (int64_t)at;	/* in the batch, for now */
		at = journal_format_record(j, at, &b->items[i].ev);
	}
	return (ssize_t)at;
}

/* --- writing ------------------------------------------------------------- */

static ssize_t
write_once(struct journal *j, const char *p, size_t n)
{
	enum journal_fault fault = j->fault;
	ssize_t w;

	if (fault == JOURNAL_FAULT_ENOSPC || fault == JOURNAL_FAULT_SHORT) {
		j->fault = JOURNAL_FAULT_NONE;
		w = write(j->wfd, p, n / 2);
		if (fault == JOURNAL_FAULT_SHORT)
			return w;
		errno = ENOSPC;
		return -1;
	}
	do
		w = write(j->wfd, p, n);
	while (w < 0 && errno == EINTR);
	return w;
}

static int
sync_once(struct journal *j)
{
	if (j->fault == JOURNAL_FAULT_FSYNC) {
		j->fault = JOURNAL_FAULT_NONE;
		errno = EIO;
		return -1;
	}
	return j->defer_sync ? 0 : fsync(j->wfd);
}

int
journal_defer_sync(struct journal *j, int defer)
{
	int was = j->defer_sync;

	j->defer_sync = defer;
	if (was && !defer && j->wfd >= 0)
		return fsync(j->wfd);
	return 0;
}

/* Takes back a failed write: the file returns to `size`. */
static void
take_back(struct journal *j, off_t size, char **err)
{
	char *msg;

	if (ftruncate(j->wfd, size) == 0)
		return;
	msg = xasprintf(_("%s (and the partial write could not be removed: "
	    "%s; the next writer will repair the journal)"), *err,
	    strerror(errno));
	free(*err);
	*err = msg;
}

static const char *
write_failure(int e)
{
	switch (e) {
	case ENOSPC:
		return _("the disk is full");
	case EDQUOT:
		return _("the disk quota is used up");
	case EFBIG:
		return _("the journal is too large for this file system");
	case EIO:
		return _("input/output error (a failing disk or a lost network "
		    "share?)");
	default:
		return strerror(e);
	}
}

/* Writes j->out[0, len) with one write(2) and fsyncs.  On any failure the
 * file is cut back to its size before the write: nothing half-written is
 * ever acknowledged. */
static int
write_batch(struct journal *j, off_t size, size_t len, char **err)
{
	char *local = NULL;
	ssize_t w;
	int e;

	if (err == NULL)
		err = &local;
	w = write_once(j, j->out, len);
	if (w < 0) {
		e = errno;
		set_error(err, -1, _("cannot write to the journal %s: %s: "
		    "nothing was written"), j->path, write_failure(e));
		take_back(j, size, err);
	} else if ((size_t)w != len) {
		set_error(err, -1, _("cannot write to the journal %s: only %zd "
		    "of %zu bytes went in (is the disk full?): nothing was "
		    "written"), j->path, w, len);
		take_back(j, size, err);
	} else if (sync_once(j) != 0) {
		e = errno;
		set_error(err, -1, _("cannot save the journal %s to disk: %s: "
		    "nothing was written"), j->path, write_failure(e));
		take_back(j, size, err);
	} else {
		return 0;
	}
	free(local);
	return -1;
}

int
journal_open_for_append(struct journal *j, char **err)
{
	struct stat st;

	if (j->read_only)
		return set_error(err, -1, _("the journal %s is open read-only"),
		    j->path);
	if (j->wfd >= 0)
		return 0;
	if (j->sd.fd >= 0)	/* beneath the session, checked again */
		j->wfd = sessdir_openat(&j->sd, j->name, O_WRONLY | O_APPEND,
		    0, SESSDIR_FILE);
	else {
		privilege_raise();
		/* O_NONBLOCK: never wait on a FIFO swapped in since
		 * journal_open (the identity check below then refuses it). */
		j->wfd = open(j->path, O_WRONLY | O_APPEND | O_NONBLOCK |
		    O_NOCTTY | O_CLOEXEC);
		privilege_drop();
	}
	if (j->wfd < 0) {
		if (errno == EACCES || errno == EROFS || errno == EPERM)
			return set_error(err, -1, _("the journal %s is "
			    "read-only (%s): nothing can be added"), j->path,
			    strerror(errno));
		return set_error(err, -1, _("cannot open the journal %s for "
		    "writing: %s"), j->path, file_strerror(errno));
	}
	if (file_check_regular(j->wfd) != 0 || fstat(j->wfd, &st) != 0 ||
	    st.st_dev != j->dev || st.st_ino != j->ino) {
		close(j->wfd);
		j->wfd = -1;
		return set_error(err, -1, _("the journal %s was replaced by "
		    "another file"), j->path);
	}
	return 0;
}

static int lock_wait_ms = -1;	/* journal_set_lock_wait */

void
journal_set_lock_wait(int ms)
{
	lock_wait_ms = ms;
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
journal_lock(int fd, int op)
{
	int64_t end = lock_wait_ms < 0 ? 0 : mono_ms() + lock_wait_ms;
	int r;

	if (lock_wait_ms < 0 || op == LOCK_UN) {
		do
			r = flock(fd, op);
		while (r < 0 && errno == EINTR);
		return r;
	}
	/* flock has no timeout: try, and try again every 5 ms. */
	while ((r = flock(fd, op | LOCK_NB)) < 0 &&
	    (errno == EINTR || errno == EWOULDBLOCK) && mono_ms() < end)
		nanosleep(&(struct timespec){ 0, 5000000 }, NULL);
	return r;
}

/* Under the lock no writer is at work, so bytes after the last complete
 * record are what a crashed writer left: cut them off.  Complete records,
 * good or bad, are never touched (reading has moved past them). */
static int
repair_tail(struct journal *j, off_t *size, char **err)
{
	struct stat st;

	if (fstat(j->wfd, &st) != 0)
		return set_error(err, -1, _("cannot read the journal %s: %s"),
		    j->path, strerror(errno));
	if (st.st_size > j->offset) {
		if (ftruncate(j->wfd, j->offset) != 0)
			return set_error(err, -1, _("cannot repair the torn "
			    "end of the journal %s: %s"), j->path,
			    strerror(errno));
		j->csv_dirty = 1;
		j->damaged = 0;
	}
	*size = j->offset;
	return 0;
}

static unsigned long
count_lines(const char *p, size_t n)
{
	unsigned long lines = 0;
	const char *nl;

	while ((nl = memchr(p, '\n', n)) != NULL) {
		lines++;
		n -= (size_t)(nl + 1 - p);
		p = nl + 1;
	}
	return lines;
}

static void
assign(struct journal *j, struct journal_batch *b, int64_t now_ms)
{
	size_t i;

	if (now_ms == 0) {
		now_ms = journal_now_ms();
		if (now_ms < j->last_time)
			now_ms = j->last_time;
	}
	for (i = 0; i < b->n; i++) {
		b->items[i].ev.seq = b->first_seq + i;
		b->items[i].ev.time_ms = now_ms;
	}
}

static int
append_locked(struct journal *j, struct journal_batch *b, struct sink *k,
    journal_build_fn build, void *bctx, int64_t now_ms, char **err)
{
	ssize_t len;
	off_t size = 0;
	size_t i;
	int r;

	if (journal_read_into(j, k, err) < 0)
		return 3;
	if (!j->have_header)
		return set_error(err, 3, _("%s is not a convene journal: it "
		    "has no header row"), j->path);
	if (repair_tail(j, &size, err) != 0)
		return 3;
	b->first_seq = j->last_seq + 1;
	r = build(b, bctx, err);
	if (r == 1 || r == 3)
		return err != NULL && *err == NULL ?
		    set_error(err, r, _("the change was refused")) : r;
	if (r != 0)
		return 3;
	if (b->n == 0)
		return 0;
	if (b->n > JOURNAL_SEQ_MAX || j->last_seq > JOURNAL_SEQ_MAX - b->n)
		return set_error(err, 3, _("the journal %s cannot take more "
		    "records: its last seq is %" PRIu64 " and a seq may not "
		    "go past %" PRIu64 "; nothing was written"), j->path,
		    j->last_seq, JOURNAL_SEQ_MAX);
	assign(j, b, now_ms);
	if ((len = format_batch(j, b, err)) < 0)
		return 3;
	if (write_batch(j, size, (size_t)len, err) != 0)
		return 3;
	j->offset = size + len;
	j->seen_size = j->offset;
	j->damaged = 0;		/* good records follow whatever came before */
	j->line += count_lines(j->out, (size_t)len);
	j->last_seq = b->first_seq + b->n - 1;
	if (b->items[b->n - 1].ev.time_ms > j->last_time)
		j->last_time = b->items[b->n - 1].ev.time_ms;
	for (i = 0; i < b->n; i++)
		b->items[i].ev.offset += (int64_t)size;
	j->rec_start = (off_t)b->items[b->n - 1].ev.offset;
	j->rec_end = j->offset;
	j->rec_crc = j->checked_crc;
	for (i = 0; i < b->n; i++)
		if (k->on_record != NULL)
			k->on_record(&b->items[i].ev, k->ctx);
	return 0;
}

int
journal_append(struct journal *j, journal_build_fn build, void *bctx,
    journal_record_fn on_record, journal_bad_fn on_bad, void *ctx,
    int64_t now_ms, char **err)
{
	struct sink k = { on_record, on_bad, ctx, 0 };
	struct journal_batch b;
	int r;

	memset(&b, 0, sizeof b);
	if (journal_open_for_append(j, err) != 0)
		return 3;
	if (journal_lock(j->wfd, LOCK_EX) != 0)
		return set_error(err, 3, _("cannot lock the journal %s: %s"),
		    j->path, strerror(errno));
	if (journal_still_named(j) != 0)
		r = set_error(err, 3, _("the journal %s was replaced while "
		    "this command waited (convene purge rewrites it): nothing "
		    "was written; run the command again"), j->path);
	else
		r = append_locked(j, &b, &k, build, bctx, now_ms, err);
	journal_lock(j->wfd, LOCK_UN);
	batch_free(&b);
	return r;
}

/* --- creating ------------------------------------------------------------ */

size_t
journal_format_header(char *header, size_t size)
{
	size_t at = 0, i, len;

	for (i = 0; i < NFIELDS; i++) {
		len = strlen(journal_header_names[i]);
		at += csv_write(header + at, size - at,
		    journal_header_names[i], len);
		header[at++] = i + 1 < NFIELDS ? ',' : '\r';
	}
	header[at++] = '\n';
	return at;
}

int
journal_write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* fsync of the directory makes the new name itself durable. */
int
journal_sync_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, r;

	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(dir);
	if (fd < 0)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

int
journal_create(const char *path, char **err)
{
	char header[512];
	size_t at = journal_format_header(header, sizeof header);
	int fd, e;

	/* Group-writable: the session's writers share a group (DESIGN.md). */
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0)
		return set_error(err, -1, _("cannot create the journal %s: %s"),
		    path, strerror(errno));
	if (journal_write_all(fd, header, at) != 0 || fsync(fd) != 0) {
		e = errno;
		close(fd);
		unlink(path);
		return set_error(err, -1, _("cannot create the journal %s: %s"),
		    path, write_failure(e));
	}
	close(fd);
	if (journal_sync_dir_of(path) != 0)
		return set_error(err, -1, _("cannot save the directory of %s: "
		    "%s"), path, strerror(errno));
	return 0;
}
