/*
 * drafts.h -- a participant's unsent idea, kept on disk as it is typed.
 *
 * SESSION/drafts/PID.txt holds the text of the idea a participant is
 * writing, byte for byte as typed (UTF-8).  Drafts are scratch, not part of
 * the record (DESIGN.md): the journal never refers to them, and a draft is
 * gone once its idea is sent.
 *
 * Every file is opened beneath the session directory with no symbolic
 * link on the way and checked (sessdir.h).
 *
 * Saving writes a temporary file next to the draft (drafts/.PID.txt.N, N
 * the process id) and renames it over PID.txt: after a kill -9 at any
 * moment the draft is the previous text or the new one, never a mix.
 * Nothing is fsynced (a key's echo must never wait for the disk): a power
 * cut may lose the last seconds of a draft, never a sent idea.  A
 * temporary file that a killed process left behind is never read (its
 * name starts with a dot).
 *
 * UI-free: the participant terminal calls these once typing pauses (after
 * the screen shows the keys, never per key) and on SIGHUP and SIGTERM.  Every function
 * returns 0, or -1 with *err (a message for a person, caller frees).
 */
#ifndef CONVENE_DRAFTS_H
#define CONVENE_DRAFTS_H

#include <stddef.h>

#define DRAFTS_DIR "drafts"		/* inside the session directory */
#define DRAFTS_MAX_BYTES (64 * 1024)	/* a longer file is not a draft */

/* 1 when pid can name a draft file: 1..64 ASCII letters, digits, '-' and
 * '_' (never a path: no '/', no "..", no leading dot). */
int drafts_valid_pid(const char *pid);

/* SESSION/drafts/PID.txt (caller frees); NULL for an invalid pid. */
char *drafts_path(const char *session_dir, const char *pid);

/* Saves `text` as pid's draft, atomically (see above), making drafts/
 * when it is missing.  A blank text (text_is_blank) discards the draft
 * instead: there is nothing to keep. */
int drafts_save(const char *session_dir, const char *pid, const char *text,
    char **err);

/* Loads pid's draft into *text (caller frees), or sets *text to NULL when
 * there is none (no file, or a blank one).  A draft that is not valid UTF-8
 * or is longer than DRAFTS_MAX_BYTES is refused (-1) and left in place. */
int drafts_load(const char *session_dir, const char *pid, char **text,
    char **err);

/* Removes pid's draft; no draft is not an error. */
int drafts_discard(const char *session_dir, const char *pid, char **err);

#endif
