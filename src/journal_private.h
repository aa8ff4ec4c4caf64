/*
 * journal_private.h -- what journal.c (reading, following) and
 * journal_write.c (appending, creating) share.  Nothing else includes it.
 */
#ifndef CONVENE_JOURNAL_PRIVATE_H
#define CONVENE_JOURNAL_PRIVATE_H

#include <stdint.h>
#include <sys/types.h>

#include <csv.h>

#include "journal.h"
#include "journal_test.h"
#include "sessdir.h"

#define JOURNAL_SCHEMA "convene_journal_v"
#define JOURNAL_VERSION "1"
#define NFIELDS 12

enum field {
	F_SEQ, F_TIME, F_ACTOR, F_TERMINAL, F_EVENT, F_ID, F_REF, F_ROOM, F_N,
	F_TEXT, F_EXTRA, F_CRC
};

/* The header row's names, in column order. */
extern const char *const journal_header_names[NFIELDS];

struct batch_item {
	struct event ev;
	char *strings;		/* one block holding the event's strings */
};

struct journal_batch {
	struct batch_item *items;
	size_t n, cap;
	uint64_t first_seq;
};

struct journal {
	char *path;		/* as shown in messages */
	/* Opened through a session directory (journal_open_beneath): every
	 * later open and stat goes by name beneath sd (fd -1 otherwise: by
	 * path). */
	struct sessdir sd;
	char *name;
	int fd;			/* O_RDONLY, for reading */
	int wfd;		/* O_WRONLY | O_APPEND, opened by the first append */
	int read_only;
	int watch_fd;		/* the shared signalfd, inotify or -1 */
	int watch_dir;		/* the directory that dnotify watches, -1 */
	enum journal_watch watch_kind;
	int watch_failed;
	dev_t dev;
	ino_t ino;

	off_t offset;		/* past the last complete record or skipped line:
				   always a line start */
	unsigned long line;	/* the line number at offset */
	off_t seen_size;	/* the size when last read, for polling */
	uint64_t last_seq;
	int64_t last_time;
	int have_header;
	int damaged;		/* in a damaged stretch already reported */

	struct csv_parser csv;
	int csv_dirty;		/* mid-record or in error: re-initialise */
	char *rec;		/* the record's values, each NUL-terminated */
	size_t rec_len, rec_cap;
	size_t fend[NFIELDS];	/* where each value's NUL is in rec */
	unsigned nfields;
	int row_done;		/* libcsv ended the row */
	int glued;		/* ... and more came on the same line */
	char why[160];
	char *buf;		/* the read window */

	char *out;		/* the formatted batch */
	size_t out_cap;
	enum journal_fault fault;
	int defer_sync;		/* journal_defer_sync: no fsync per append */
	struct event_time_cache time_cache;
	int reading;		/* in journal_read_into's loop: the buffers
				   and the parser are in use */
	/* The last good record: its start, end and crc32 (journal_mark);
	 * checked_crc is what check_record last read. */
	off_t rec_start, rec_end;
	uint32_t rec_crc, checked_crc;
	journal_peek_fn peek;	/* journal_set_peek */
	void *peek_ctx;
};

/* Where records and reports go, and how many went. */
struct sink {
	journal_record_fn on_record;
	journal_bad_fn on_bad;
	void *ctx;
	long count;
};

/* Shared with journal_rewrite.c (journal_write.c has them). */
/* Formats one record (its own seq and time) at j->out + at; the new end. */
size_t journal_format_record(struct journal *j, size_t at,
    const struct event *ev);
/* The header row into header (512 bytes are enough); its length. */
size_t journal_format_header(char *header, size_t size);
/* Opens j->wfd for appending when it is not yet open; 0 or -1 with *err. */
int journal_open_for_append(struct journal *j, char **err);
/* write(2) until all of p is written (again on EINTR); 0 or -1. */
int journal_write_all(int fd, const char *p, size_t n);
/* fsync of the directory holding path; 0 or -1. */
int journal_sync_dir_of(const char *path);
/* flock(2), again on EINTR. */
int journal_lock(int fd, int op);
/* 0 when the journal's name still leads to the file j->wfd holds; -1 when
 * it was replaced (journal_rewrite renamed a new file over it). */
int journal_still_named(const struct journal *j);

/* journal_read with a sink: reads every complete record after j->offset.
 * Returns k->count, or -1 with *err. */
long journal_read_into(struct journal *j, struct sink *k, char **err);

#endif
