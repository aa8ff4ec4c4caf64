/*
 * privilege.h -- the setgid `convene` deployment (DESIGN.md, "Who may do
 * what"; convene(1), SECURITY).
 *
 * On a shared host the binary is installed setgid `convene`, session
 * directories are mode 2770 group convene, and participants are not in
 * the group: they reach a session's files only through convene.  The
 * group is a privilege, so it is held only while convene opens or creates
 * a session's own files, never while it touches a path the user names for
 * something else (a module to copy, a file to import, an --out directory)
 * and never across an exec:
 *
 *   main()            privilege_init(): remembers the effective gid and
 *                     drops to the real gid at once;
 *   session files     privilege_raise() ... privilege_drop() around each
 *                     open, create, stat, inotify or dnotify watch or
 *                     rename inside the session directory (calls nest:
 *                     only the outermost drop gives the group up);
 *   user's files      nothing: the process runs with the user's own ids.
 *
 * While raised the umask lets the group read and write (files convene
 * creates in a session are 0660, directories 0770, and they take the group
 * convene from the setgid directory), so every participant's convene can
 * append to the journal and save drafts.  Without a setgid binary (a
 * single-user laptop, the tests) every call here is a no-op.
 *
 * raise and drop keep errno as it was, so a failed open's reason survives
 * the drop that follows it.  Not thread-safe (convene has one thread).
 */
#ifndef CONVENE_PRIVILEGE_H
#define CONVENE_PRIVILEGE_H

#include <sys/types.h>

/* Call first thing in main(): when the effective gid differs from the real
 * one (a setgid binary), remembers it, removes the environment variables
 * that would make a library read files the user chose (CONVENE_LOCALEDIR,
 * ICU_DATA, TERMINFO...) and drops to the real gid.  Returns 0, or -1 when
 * the drop failed (the caller must then exit). */
int privilege_init(void);

/* 1 when the process was started with a group its user lacks (setgid
 * `convene` and the user not of that group): then the facilitator's
 * passphrase must guard whatever the group alone would give away. */
int privilege_held(void);

/* Takes the group back (and a group-friendly umask) for a session file
 * access; nests.  No-op when nothing is held. */
void privilege_raise(void);

/* Ends the innermost raise; the outermost one gives the group up and
 * restores the umask.  Aborts if the group cannot be given up (running on
 * with it would be worse). */
void privilege_drop(void);

/* Gives the group up for the rest of the process, saved id included, so
 * that nothing can take it back (export --out, new, import).  Returns 0,
 * or -1 with errno. */
int privilege_drop_for_good(void);

/* For creating a session (convene new, run with the user's own ids): when
 * `dir` is a setgid directory (a shared deployment), lets the group read
 * and write what is created in it, as privilege_raise() does, and returns
 * the umask to restore with privilege_restore_umask(); otherwise changes
 * nothing and returns the current umask. */
mode_t privilege_group_umask(const char *dir);
void privilege_restore_umask(mode_t old);

#endif
