/*
 * checkpoint.h -- the state saved beside the journal, so that a terminal
 * starts from it and replays only the journal's tail (issue 21).
 *
 * The journal stays the one source of truth: a checkpoint is a cache of
 * the state that replaying the journal up to some record gives.  It is
 * matched to the journal by the file's identity (device and inode), the
 * offset it covers and the crc32 of the last record it covers (that record
 * is read again, nothing before it); and to the settings the state was
 * built with (anonymity, self votes, the budget, the days).  Anything that
 * does not match, or fails any check, is ignored: the process replays the
 * whole journal, as without a checkpoint.
 *
 * The file is an image of the state's memory, made to be mapped at the
 * address it names (MAP_FIXED_NOREPLACE, never over another mapping):
 * its arrays and strings are used in place from a private mapping, so the
 * 150 terminals of a workshop share their pages, and each copies only the
 * pages that later records change.  When that address is taken the
 * checkpoint is ignored.  A setgid binary reads it, so every offset,
 * length, count, index, pointer and string is checked before anything is
 * used (checkpoint_check.c): a hostile file is refused, never followed.
 *
 * The format is private to one build of convene (its version and the
 * sizes of the state's structures are in the header).  man/convene-journal.5
 * describes it for the people who run a host.
 */
#ifndef CONVENE_CHECKPOINT_H
#define CONVENE_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "journal.h"
#include "state.h"

/* The file, in the session directory beside journal.csv. */
#define CHECKPOINT_NAME "journal.checkpoint"
/* A process that replayed at least this many records past the checkpoint it
 * started from (or from the start) writes a new one. */
#define CHECKPOINT_TAIL 20000

/* Builds the checkpoint of `st`, the state replayed from `j` up to where
 * j has read, into a new buffer (*image, *len; caller frees).  0, or -1
 * with *err when j does not stand just past a good record (journal_mark)
 * or the state cannot be saved (its strings are not valid UTF-8). */
int checkpoint_build(const struct state *st, const struct journal *j,
    char **image, size_t *len, char **err);

/* 1 when the checkpoint open in `fd` is one this build reads, of the
 * journal `j`, covering at least what j has read, and one a state like
 * `st` takes (its texts): writing another would add nothing.  Only its
 * header is read. */
int checkpoint_covers(int fd, const struct journal *j,
    const struct state *st);

/* Loads the checkpoint open in `fd` into `st`, a state just made with
 * state_new() and its settings, days and texts mode set, when it matches
 * the journal `j` (opened, not read yet); then resumes j after it
 * (journal_resume), so that journal_read gives only the tail.  0 loaded;
 * -1 ignored, with *why (a static string) and st and j untouched.  fd is
 * not closed. */
int checkpoint_load(int fd, struct state *st, struct journal *j,
    const char **why);

/* The same from the image in memory (the fuzzer, the tests): it is
 * copied into a mapping at the address it names. */
int checkpoint_load_image(const void *image, size_t len, struct state *st,
    struct journal *j, const char **why);

#endif
