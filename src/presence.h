/*
 * presence.h -- which terminals are open on a session, now.
 *
 * Each open terminal (console, participant, kiosk, projector) holds an
 * exclusive lock on a small file of its own in SESSION/presence/, naming
 * its role and, for a participant, who is at it ("participant p12").  The
 * kernel drops the lock when the process ends, however it ends (a crash, a
 * kill -9, a dropped SSH link), so an open terminal is one whose file is
 * locked: nothing times out, and a crashed terminal is never counted as
 * open, nor an idle one as gone.  A file nobody holds is left over by a
 * crash and removed by the next scan.
 *
 * Presence is not part of the record (the journal is): the facilitator's
 * step that starts a workshop day reads it once and writes what it means,
 * a check-in for every participant whose own terminal is open (commands.h,
 * cmd_agenda), so that exports and every replay agree.  A kiosk is not
 * counted: it may still show last night's person.
 *
 * The directory is opened beneath the session with no symbolic link on
 * the way and checked (sessdir.h); files in it are opened with O_NOFOLLOW.
 * A file is written whole under a temporary name and renamed into place
 * while locked, so a scan never takes a terminal being opened for a
 * crashed one.  UI-free; errors are returned, never printed.
 */
#ifndef CONVENE_PRESENCE_H
#define CONVENE_PRESENCE_H

#define PRESENCE_DIR "presence"		/* inside the session directory */

enum presence_role {
	PRESENCE_CONSOLE, PRESENCE_PARTICIPANT, PRESENCE_KIOSK,
	PRESENCE_PROJECTOR, PRESENCE_ROLE_COUNT
};

struct presence;

/* Marks this process's terminal open on the session in `session_dir` as
 * `role`, with participant id `pid` (NULL: nobody yet).  NULL with *err
 * when the file cannot be made (the terminal then works, unseen). */
struct presence *presence_open(const char *session_dir,
    enum presence_role role, const char *pid, char **err);
/* Says who is at the terminal now (a kiosk's next person; NULL nobody). */
int presence_set(struct presence *p, enum presence_role role,
    const char *pid, char **err);
/* Says whether this terminal polls the journal (journal.h: it could have
 * neither dnotify nor inotify, so it sees changes up to 100 ms late and
 * costs more CPU), so that the console can tell the facilitator.  The
 * file's line gets a third word, "polling", which older readers ignore. */
int presence_set_polling(struct presence *p, int polling, char **err);
/* Closes the terminal's file (removing it); p may be NULL. */
void presence_close(struct presence *p);

/* Calls fn for every terminal open now on the session: its role and its
 * participant id ("" for none).  Files left by ended processes are
 * removed.  Returns the number of open terminals, or -1 with *err when the
 * directory cannot be read (none yet is 0). */
typedef void (*presence_fn)(enum presence_role role, const char *pid,
    void *ctx);
int presence_scan(const char *session_dir, presence_fn fn, void *ctx,
    char **err);
/* How many of the terminals open now poll the journal; -1 with *err. */
int presence_polling(const char *session_dir, char **err);

#endif
