/*
 * sessdir.h -- opening a session's files safely (issue 16, point 1).
 *
 * On a shared host convene is setgid `convene` and the sessions live in
 * one directory fixed when convene is built (`make SESSIONSDIR=DIR`,
 * default /var/lib/convene; `convene --version` prints it).  The group is
 * a privilege, and it is used for those sessions only:
 *
 *   inside   a session is inside when the path the user gave reaches the
 *            sessions directory: each leading part of the path is opened
 *            with the user's own rights and compared with the sessions
 *            directory by device and inode (never by comparing strings);
 *            the rest is opened beneath the sessions directory's
 *            descriptor, with the group, through no symbolic link and no
 *            "..": openat2(2) with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS,
 *            or, on a kernel without it, a walk one component at a time
 *            with O_NOFOLLOW.  Every descriptor is then checked before use:
 *            a regular file (one link, not setuid or setgid) or a directory
 *            as expected, of the sessions directory's group, not writable
 *            by others; the settings that hold the passphrase hash also
 *            not owned by a caller outside the group (SESSDIR_SECRET).
 *   outside  any other path: the group is given up for good at once
 *            (privilege_drop_for_good) and the session is opened with the
 *            caller's own rights, still with no symbolic link beneath the
 *            session directory itself.
 *
 * So a participant who makes a directory of their own full of symbolic
 * links to a real session's files gets nothing: their directory is
 * outside, the group is gone before anything is opened, and the links
 * lead to files they cannot read.
 *
 * Failures set errno; ENOTSAFE (util.h) is a file that fails the checks or
 * a symbolic link or ".." on the way, ENOTREGULAR the wrong type.  Show
 * them with file_strerror().  One thread; the root is set once at start.
 */
#ifndef CONVENE_SESSDIR_H
#define CONVENE_SESSDIR_H

#include <sys/types.h>

/* The sessions directory when none is set (the Makefile's default). */
#define SESSDIR_DEFAULT_ROOT "/var/lib/convene"

/* What a descriptor must be. */
enum sessdir_kind {
	SESSDIR_FILE,		/* a regular file */
	SESSDIR_SECRET,		/* ... that the caller could not have written */
	SESSDIR_DIR		/* a directory */
};

/* An open session directory.  fd is an O_PATH descriptor owned by the
 * struct; gid the group every file inside must have (inside only). */
struct sessdir {
	int fd;
	int inside;
	gid_t gid;
};

/* Sets the sessions directory (main: the one compiled in; tests: their
 * own).  `root` is borrowed and must live as long as the process; NULL
 * restores SESSDIR_DEFAULT_ROOT. */
void sessdir_set_root(const char *root);
const char *sessdir_root(void);

/* Opens the session directory `path` as described above, into *sd.
 * 0, or -1 with errno and *err (a message naming path). */
int sessdir_open(const char *path, struct sessdir *sd, char **err);
/* Closes sd's descriptor (safe to call twice, or on a zeroed sd). */
void sessdir_close(struct sessdir *sd);

/* Opens `rel` (relative, no "..", no symbolic link) beneath the session
 * directory with `flags` (O_CLOEXEC and O_NOCTTY added; O_CREAT with
 * `mode`), holding the group while it does when inside, and checks the
 * descriptor as `kind` (files are opened without waiting on a FIFO and
 * made blocking again).  A descriptor, or -1 with errno. */
int sessdir_openat(const struct sessdir *sd, const char *rel, int flags,
    mode_t mode, enum sessdir_kind kind);

/* Makes the directory `name` (one component) in the session directory
 * when it is missing, then opens it as sessdir_openat(..., SESSDIR_DIR)
 * would, O_RDONLY: a descriptor for openat, renameat, fsync, or -1. */
int sessdir_subdir(const struct sessdir *sd, const char *name, mode_t mode);
/* The same from the session's path, for code that holds no struct sessdir
 * (drafts, presence): made first when `make`, else only opened.  A
 * descriptor; -1 with *err (a message naming the directory); -2 when it is
 * missing and not to be made. */
int sessdir_open_subdir(const char *session_dir, const char *name,
    mode_t mode, int make, char **err);

/* Checks every file and directory under `rel` (the module copy) as
 * sessdir_openat would, with no symbolic link, FIFO or device anywhere,
 * and sets *real to the directory's real path (caller frees) for code
 * that reads by path.  0, or -1 with errno. */
int sessdir_tree(const struct sessdir *sd, const char *rel, char **real);

/* Checks an open descriptor as `kind`: 0, or -1 with errno.  Exposed for
 * code that opened it with openat on a checked directory, and for tests. */
int sessdir_check(const struct sessdir *sd, int fd, enum sessdir_kind kind);

/* openat2(dirfd, rel, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), or the
 * component walk where the kernel lacks it.  A descriptor, or -1 with
 * errno (ENOTSAFE for a symbolic link, "..", or an absolute path). */
int sessdir_beneath(int dirfd, const char *rel, int flags, mode_t mode);

/* 1 when sd is inside and its caller is a member of the sessions
 * directory's group of their own (real or supplementary), not only through
 * the setgid binary. */
int sessdir_caller_in_group(const struct sessdir *sd);

/* For tests: 0 makes sessdir_beneath use the component walk always, as on
 * a kernel without openat2; 1 (the default) tries openat2 first. */
void sessdir_use_openat2(int on);

#endif
