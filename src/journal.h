/*
 * journal.h -- the append-only event log, journal.csv.
 *
 * Writing follows DESIGN.md: the caller replays (journal_read) outside the
 * lock first; journal_append then opens with O_APPEND, takes flock(LOCK_EX),
 * reads only what was appended since (handing each record to `on_record`,
 * the same callback as journal_read, so the caller's state is current),
 * repairs a torn tail left by a crashed writer, asks `build` for the
 * records to write (build sees the state as of the lock and may refuse),
 * assigns their seq and time, writes them all with one write(2), fsyncs and
 * unlocks.  A short write or failed fsync truncates back and fails: nothing
 * half-written is ever acknowledged.  The written records are then handed
 * to `on_record` too.
 *
 * Records are checked with a CRC-32 of their other fields; a record that
 * fails (or is not a well-formed record) goes to `on_bad` with its line
 * number and is skipped; reading resynchronises at the next good record
 * (a stretch of damaged CSV is reported once, at its first line).  The
 * format, the checksum and the guarantees are man/convene-journal.5.
 */
#ifndef CONVENE_JOURNAL_H
#define CONVENE_JOURNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "event.h"

struct journal;

typedef void (*journal_record_fn)(const struct event *ev, void *ctx);
/* line: the 1-based line of the file where the bad record starts. */
typedef void (*journal_bad_fn)(unsigned long line, const char *why, void *ctx);

/* An event batch that `build` fills; strings are copied in. */
struct journal_batch;
void journal_batch_add(struct journal_batch *b, const struct event *ev);
/* The largest seq a record may have: the reader takes at most 19 digits
 * (so every value fits a uint64_t); a writer refuses a batch that would
 * go past it, since records it could not read back would hide everything
 * written after them. */
#define JOURNAL_SEQ_MAX UINT64_C(9999999999999999999)

/* The seq the next record added to b will get (for ids derived from it). */
uint64_t journal_batch_next_seq(const struct journal_batch *b);

/* Returns 0 to write the batch (an empty batch writes nothing and
 * succeeds), 1 to refuse by a rule (with *err set), 3 for another error. */
typedef int (*journal_build_fn)(struct journal_batch *b, void *ctx, char **err);

/* Creates a new journal file with its header row; fails if it exists. */
int journal_create(const char *path, char **err);

/* Opens for reading and following; does not read yet.  NULL and *err on
 * failure.  `read_only`: never write (the projector, export). */
struct journal *journal_open(const char *path, int read_only, char **err);
/* The same for a session's journal: `name` opened beneath the session
 * directory sd and checked (sessdir.h), and so for every later open
 * (appending) and stat (journal_changed); `shown` is its path in
 * messages.  sd is borrowed (its descriptor is duplicated). */
struct sessdir;
struct journal *journal_open_beneath(const struct sessdir *sd,
    const char *name, const char *shown, int read_only, char **err);
void journal_close(struct journal *j);

/* Reads every complete record after the current offset, calling on_record
 * or on_bad for each (either may be NULL).  A partial last record is left
 * for the next call, which parses it again from its start (so bytes of a
 * torn tail that a writer has since repaired are never glued to what
 * follows).  Returns the number of records handed to on_record or on_bad,
 * or -1 with *err (I/O error, the file shrank below the offset, the header
 * is not a convene journal or names an unknown schema).  The callbacks must
 * not call back into this journal. */
long journal_read(struct journal *j, journal_record_fn on_record,
    journal_bad_fn on_bad, void *ctx, char **err);

/* Reads again the one record that starts at `offset` (an event's offset
 * from a journal_read of this journal), checks it as journal_read does
 * (CRC and fields, not its place in the sequence) and hands it to
 * on_record.  For processes that keep only part of a record (an idea's
 * text) and read the rest back when it is shown.  Returns 0, or -1 with
 * *err when there is no good record at the offset (only offsets below
 * journal_offset() are complete), the read fails, or it is called from a
 * callback of journal_read (or of journal_append's catching up), whose
 * buffers it would overwrite. */
int journal_record_at(struct journal *j, int64_t offset,
    journal_record_fn on_record, void *ctx, char **err);

/* A hint for the reader: called with the id column of each record as soon
 * as the parser has it, before the rest of the record is parsed and
 * checked (so it may come from a record that turns out damaged).  The
 * callee may only look, e.g. prefetch the memory that applying the record
 * will touch: replaying a long journal spends much of its own time waiting
 * for the ideas and questions that records name at random, and parsing
 * the rest of the record can hide that wait.  `id` is not NUL-terminated.
 * NULL turns it off. */
typedef void (*journal_peek_fn)(const char *id, size_t len, void *ctx);
void journal_set_peek(struct journal *j, journal_peek_fn peek, void *ctx);

/* Appends under the lock as described above.  `terminal` and `actor` of the
 * batch's events are taken as given; seq and time_ms are assigned here
 * (time from `now_ms`, or the clock when now_ms is 0; the clock is never
 * allowed to go back behind the journal's last record, so a clock stepped
 * back by NTP cannot make time run backwards in the journal).  Returns 0
 * written, 1 refused by build, 3 data or I/O error (nothing written; the
 * message says why: read-only journal, full disk, ...). */
int journal_append(struct journal *j, journal_build_fn build, void *bctx,
    journal_record_fn on_record, journal_bad_fn on_bad, void *ctx,
    int64_t now_ms, char **err);

/* While `defer` is 1, appends are written but not fsynced: for filling a
 * throwaway session at once (`convene demo`'s sample records), where a
 * crash loses nothing anyone needs.  Setting it back to 0 fsyncs once;
 * 0, or -1 with errno when that fsync fails. */
int journal_defer_sync(struct journal *j, int defer);

/* How long a writer waits for the journal's lock, process-wide: -1 (the
 * default) as long as it takes; else at most `ms`, then the append fails
 * (3, "cannot lock").  The writer service (serve.h) waits a bounded time:
 * one process stopped with the lock held (a facilitator's Ctrl-Z in the
 * middle of an import or a purge) must not stop it for every session. */
void journal_set_lock_wait(int ms);

/* How a follower learns that the journal changed (journal_watch_fd):
 *
 *   DNOTIFY  the directory holding the journal is watched with dnotify
 *            (fcntl F_NOTIFY): the kernel sends SIGIO when a file in it is
 *            written, renamed or deleted, and the signal is read from a
 *            signalfd.  dnotify has no per-user limit (inotify's 128
 *            instances are shared by every process of a user), needs
 *            nothing from the writers (a writer service, an older convene,
 *            any appender wakes it) and no thread.  SIGIO is blocked and
 *            ignored in the process from then on (a pending one is
 *            harmless); the signalfd is one per process, shared by every
 *            journal it watches, so journal_changed() of each journal
 *            must be asked when it fires (the size check below catches
 *            what another journal's drain took).
 *   INOTIFY  where dnotify cannot be had (a kernel without it, a
 *            directory that cannot be read): an inotify instance.
 *   POLL     neither: the last resort, poll the size every 100 ms. */
enum journal_watch {
	JOURNAL_WATCH_POLL, JOURNAL_WATCH_DNOTIFY, JOURNAL_WATCH_INOTIFY
};

/* A descriptor that becomes readable when the journal may have changed,
 * or -1 when none could be had: then poll the size every 100 ms with
 * journal_changed().  Sets up the watch on the first call. */
int journal_watch_fd(struct journal *j);
/* Which of the above journal_watch_fd() got (POLL before it is called). */
enum journal_watch journal_watch_kind(const struct journal *j);
/* Drains the watch descriptor; returns 1 when the file may have new data
 * (or grew, when polling), 0 otherwise, -1 when the journal was deleted,
 * moved or replaced (with *err saying so). */
int journal_changed(struct journal *j, char **err);

/* The offset just past the last complete record read; the seq of the last
 * good record. */
off_t journal_offset(const struct journal *j);
uint64_t journal_last_seq(const struct journal *j);

/* Where a checkpoint of the state stands in the journal (checkpoint.h):
 * the file (device and inode), the offset just past the last record it
 * covers, that record's start and crc32 column, and what the reader knew
 * there (the line number, the last seq and time). */
struct journal_mark {
	uint64_t dev, ino;
	int64_t offset, rec_offset;
	uint32_t rec_crc;
	uint64_t line, last_seq;
	int64_t last_time;
};
/* The mark of what was read so far: 0, or -1 when the reader does not
 * stand just past a good record (nothing read yet, or a damaged record or
 * a blank line came after the last good one). */
int journal_mark(const struct journal *j, struct journal_mark *m);
/* Goes on from a mark instead of from the start: the journal must be this
 * very file, not read yet, its header row right, and the record at
 * m->rec_offset a good one that ends at m->offset with m->rec_crc and
 * m->last_seq.  Nothing else before the mark is read again.  0, or -1
 * with *err and the journal as it was. */
int journal_resume(struct journal *j, const struct journal_mark *m,
    char **err);

/*
 * Rewrites the whole journal once (convene purge; man/convene-journal.5):
 * under the lock, every record from the start is handed to `edit`, which
 * may change its strings in place (pointing them at its own, which must
 * live until the next call) and returns 1 when it changed something; all
 * are written with their own seq and time into a new file beside the
 * journal, which is fsynced and renamed over it.  When no record changed
 * nothing is replaced.  A journal with damaged records or records of an
 * unknown type is refused (1): they could not be written back as they
 * were.  Returns 0 (with *changed, the records edited), 1 refused, 3 an
 * I/O error (the journal untouched).  j is stale afterwards: close it.
 */
typedef int (*journal_edit_fn)(struct event *ev, void *ctx);
int journal_rewrite(struct journal *j, journal_edit_fn edit, void *ctx,
    unsigned long *changed, char **err);

/* The clock, wall-clock UTC ms. */
int64_t journal_now_ms(void);

#endif
