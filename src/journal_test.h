/*
 * journal_test.h -- fault injection for the journal's tests only.
 *
 * A full disk or a failing fsync cannot be produced on demand in a unit
 * test, and -Wl,--wrap cannot reach a call inside the same object file, so
 * the write path asks this hook first.  Nothing but tests calls it.
 */
#ifndef CONVENE_JOURNAL_TEST_H
#define CONVENE_JOURNAL_TEST_H

#include "journal.h"

enum journal_fault {
	JOURNAL_FAULT_NONE,
	JOURNAL_FAULT_ENOSPC,	/* half the bytes reach the file, then ENOSPC */
	JOURNAL_FAULT_SHORT,	/* write(2) returns after half the bytes */
	JOURNAL_FAULT_FSYNC	/* the whole batch is written, fsync fails EIO */
};

/* The fault applies to the next write of this handle, then clears. */
void journal_set_fault(struct journal *j, enum journal_fault fault);

/* Called by journal_append between its unlock and its fsync (NULL: none):
 * a test appends from another handle there, as a concurrent writer
 * would. */
void journal_test_unlocked_hook(struct journal *j, void (*fn)(void *),
    void *ctx);

/* Makes journal_watch_fd() skip dnotify (no_dnotify) and inotify
 * (no_inotify) in this process, as on a kernel without them or past the
 * limits: the fallbacks' tests.  0, 0 restores the normal order. */
void journal_test_watch_skip(int no_dnotify, int no_inotify);

#endif
