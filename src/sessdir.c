/* sessdir.c -- a session's files opened beneath its directory, checked.
 * See sessdir.h. */
#define _GNU_SOURCE		/* O_PATH; the Makefile asks for XOPEN only */
#include "sessdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "i18n.h"
#include "privilege.h"
#include "util.h"

/* Set once at start (main, or a test): not program state that changes. */
static const char *root_dir = SESSDIR_DEFAULT_ROOT;
static int try_openat2 = 1;	/* cleared for good on ENOSYS */

#define TREE_DEPTH_MAX 16	/* a module is a few levels deep */

void
sessdir_set_root(const char *root)
{
	root_dir = root != NULL ? root : SESSDIR_DEFAULT_ROOT;
}

const char *
sessdir_root(void)
{
	return root_dir;
}

void
sessdir_use_openat2(int on)
{
	try_openat2 = on;
}

/* --- beneath a directory, never through a link --------------------------- */

/* The kernel's answer for "a link or '..' was on the way": one errno. */
static int
unsafe_errno(int e)
{
	return e == ELOOP || e == EXDEV ? ENOTSAFE : e;
}

static int
open_with_openat2(int dirfd, const char *rel, int flags, mode_t mode)
{
	struct open_how how;

	memset(&how, 0, sizeof how);
	how.flags = (unsigned long long)flags;
	how.mode = (flags & O_CREAT) ? mode : 0;
	how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
	return (int)syscall(SYS_openat2, dirfd, rel, &how, sizeof how);
}

/* 1 when name in cur is "..", or a symbolic link: never on the way.
 * (O_NOFOLLOW alone would open a link itself with O_PATH, and report a
 * link to a directory as ENOTDIR with O_DIRECTORY.) */
static int
is_link_or_up(int cur, const char *name)
{
	struct stat st;

	return strcmp(name, "..") == 0 || (fstatat(cur, name, &st,
	    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode));
}

/* ENOTDIR from openat2 with O_DIRECTORY: a link to a directory says so
 * too.  Looks again without O_DIRECTORY: ELOOP there is a link. */
static int
probe_link(int dirfd, const char *rel)
{
	int fd = open_with_openat2(dirfd, rel, O_PATH | O_CLOEXEC, 0);

	if (fd >= 0) {
		close(fd);
		return ENOTDIR;
	}
	return errno == ELOOP ? ELOOP : ENOTDIR;
}

/* One directory component of the walk: never a link, never "..". */
static int
walk_step(int cur, const char *name)
{
	if (is_link_or_up(cur, name)) {
		errno = ENOTSAFE;
		return -1;
	}
	return openat(cur, name, O_PATH | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
}

/* The fallback: rel one component at a time, O_NOFOLLOW each. */
static int
open_by_walk(int dirfd, const char *rel, int flags, mode_t mode)
{
	char *copy = xstrdup(rel), *p = copy, *slash;
	const char *last;
	int cur = dup(dirfd), next, fd = -1;

	while (cur >= 0 && (slash = strchr(p, '/')) != NULL) {
		*slash = '\0';
		if (*p != '\0' && strcmp(p, ".") != 0) {
			next = walk_step(cur, p);
			close(cur);
			cur = next;
		}
		p = slash + 1;
	}
	last = *p != '\0' ? p : ".";
	if (cur >= 0 && is_link_or_up(cur, last))
		errno = ENOTSAFE;
	else if (cur >= 0)
		fd = openat(cur, last, flags | O_NOFOLLOW, mode);
	if (cur >= 0) {
		int e = errno;

		close(cur);
		errno = e;
	}
	free(copy);
	return fd;
}

int
sessdir_beneath(int dirfd, const char *rel, int flags, mode_t mode)
{
	int fd;

	if (rel == NULL || rel[0] == '/' || rel[0] == '\0') {
		errno = ENOTSAFE;
		return -1;
	}
	if (try_openat2) {
		fd = open_with_openat2(dirfd, rel, flags, mode);
		if (fd < 0 && errno == ENOTDIR && (flags & O_DIRECTORY))
			errno = probe_link(dirfd, rel);
		if (fd >= 0 || errno != ENOSYS) {
			if (fd < 0)
				errno = unsafe_errno(errno);
			return fd;
		}
		try_openat2 = 0;	/* an older kernel: walk from now on */
	}
	fd = open_by_walk(dirfd, rel, flags, mode);
	if (fd < 0)
		errno = unsafe_errno(errno);
	return fd;
}

/* --- the checks ---------------------------------------------------------- */

/* 1 when the caller has `gid` of their own (real or supplementary), not
 * only through the setgid binary. */
static int
caller_in_group(gid_t gid)
{
	gid_t groups[NGROUPS_MAX];
	int i, n;

	if (getgid() == gid)
		return 1;
	n = getgroups(NGROUPS_MAX, groups);
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

int
sessdir_caller_in_group(const struct sessdir *sd)
{
	return sd->inside && caller_in_group(sd->gid);
}

static int
fail_with(int e)
{
	errno = e;
	return -1;
}

static int
check_stat(const struct sessdir *sd, const struct stat *st,
    enum sessdir_kind kind)
{
	if (kind == SESSDIR_DIR ? !S_ISDIR(st->st_mode) : !S_ISREG(st->st_mode))
		return fail_with(kind == SESSDIR_DIR ? ENOTDIR : ENOTREGULAR);
	if (!sd->inside)
		return 0;	/* the caller's own files, the caller's rights */
	if (st->st_gid != sd->gid || (st->st_mode & S_IWOTH))
		return fail_with(ENOTSAFE);
	if (kind == SESSDIR_DIR)
		return 0;
	/* A second link could be a file of someone else's, linked in. */
	if (st->st_nlink != 1 || (st->st_mode & (S_ISUID | S_ISGID)))
		return fail_with(ENOTSAFE);
	/* The passphrase hash: never from a file the caller wrote (a
	 * participant's own file that somehow came to have the group). */
	if (kind == SESSDIR_SECRET && st->st_uid == getuid() &&
	    !caller_in_group(sd->gid))
		return fail_with(ENOTSAFE);
	return 0;
}

int
sessdir_check(const struct sessdir *sd, int fd, enum sessdir_kind kind)
{
	struct stat st;

	if (fstat(fd, &st) != 0)
		return -1;
	return check_stat(sd, &st, kind);
}

/* --- inside or outside --------------------------------------------------- */

static int
same_dir(int fd, const struct stat *root)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_dev == root->st_dev && st.st_ino == root->st_ino;
}

/* Where `path` enters the sessions directory: each leading part of it is
 * opened with the caller's own rights (following the caller's own links:
 * those are theirs) and compared with the sessions directory.  1 with
 * *rest the part to open beneath it, or 0 when the path never enters. */
static int
find_entry(const char *path, const struct stat *root, const char **rest)
{
	char *buf = xstrdup(path);
	size_t i, n = strlen(path);
	int fd, found = 0;

	/* i == 0: "/" for an absolute path, the working directory for a
	 * relative one; then the part before each '/', and the whole. */
	for (i = 0; i <= n && !found; i++) {
		if (i > 0 && i < n && path[i] != '/')
			continue;
		buf[i] = '\0';
		fd = open(i == 0 ? (path[0] == '/' ? "/" : ".") : buf,
		    O_PATH | O_DIRECTORY | O_CLOEXEC);
		buf[i] = path[i];
		if (fd >= 0) {
			found = same_dir(fd, root);
			close(fd);
		}
		if (found) {
			*rest = path + (i == 0 && path[0] != '/' ? 0 : i);
			while (**rest == '/')
				(*rest)++;
			if (**rest == '\0')
				*rest = ".";
		}
	}
	free(buf);
	return found;
}

static int
open_inside(int rootfd, const struct stat *rootst, const char *rest,
    struct sessdir *sd)
{
	sd->inside = 1;
	sd->gid = rootst->st_gid;
	privilege_raise();
	sd->fd = sessdir_beneath(rootfd, rest, O_PATH | O_DIRECTORY |
	    O_CLOEXEC, 0);
	privilege_drop();
	return sd->fd;
}

static int
open_outside(const char *path, struct sessdir *sd)
{
	/* Before anything of the path is opened: no group to lend. */
	if (privilege_drop_for_good() != 0)
		return -1;
	sd->inside = 0;
	sd->fd = open(path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	return sd->fd;
}

int
sessdir_open(const char *path, struct sessdir *sd, char **err)
{
	struct stat rootst;
	const char *rest = NULL;
	int rootfd, e;

	memset(sd, 0, sizeof *sd);
	sd->fd = -1;
	rootfd = open(root_dir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (rootfd >= 0 && (fstat(rootfd, &rootst) != 0 ||
	    !find_entry(path, &rootst, &rest))) {
		close(rootfd);
		rootfd = -1;
	}
	if (rootfd >= 0)
		open_inside(rootfd, &rootst, rest, sd);
	else
		open_outside(path, sd);
	e = errno;
	if (rootfd >= 0)
		close(rootfd);
	if (sd->fd >= 0 && sessdir_check(sd, sd->fd, SESSDIR_DIR) == 0)
		return 0;
	if (sd->fd >= 0)
		e = errno;
	sessdir_close(sd);
	errno = e;
	return set_error(err, -1, _("cannot open the session %s: %s"), path,
	    e == ENOTDIR ? _("not a directory") : file_strerror(e));
}

void
sessdir_close(struct sessdir *sd)
{
	if (sd->fd >= 0)
		close(sd->fd);
	sd->fd = -1;
}

/* --- opening inside ------------------------------------------------------ */

int
sessdir_openat(const struct sessdir *sd, const char *rel, int flags,
    mode_t mode, enum sessdir_kind kind)
{
	int fd, e;

	flags |= O_CLOEXEC | O_NOCTTY;
	if (kind != SESSDIR_DIR)
		flags |= O_NONBLOCK;	/* a FIFO must not hold the open */
	privilege_raise();
	fd = sessdir_beneath(sd->fd, rel, flags, mode);
	privilege_drop();
	if (fd < 0) {
		if (errno == ENXIO)	/* a FIFO refuses O_WRONLY|O_NONBLOCK */
			errno = ENOTREGULAR;
		return -1;
	}
	if (sessdir_check(sd, fd, kind) != 0 ||
	    (kind != SESSDIR_DIR && file_check_regular(fd) != 0)) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

int
sessdir_subdir(const struct sessdir *sd, const char *name, mode_t mode)
{
	int r;

	if (strchr(name, '/') != NULL || strcmp(name, "..") == 0) {
		errno = ENOTSAFE;
		return -1;
	}
	privilege_raise();
	r = mkdirat(sd->fd, name, mode);
	privilege_drop();
	if (r != 0 && errno != EEXIST)
		return -1;
	return sessdir_openat(sd, name, O_RDONLY | O_DIRECTORY, 0,
	    SESSDIR_DIR);
}

int
sessdir_open_subdir(const char *session_dir, const char *name, mode_t mode,
    int make, char **err)
{
	struct sessdir sd;
	char *dir;
	int fd;

	if (sessdir_open(session_dir, &sd, err) != 0)
		return -1;
	fd = make ? sessdir_subdir(&sd, name, mode) :
	    sessdir_openat(&sd, name, O_RDONLY | O_DIRECTORY, 0, SESSDIR_DIR);
	sessdir_close(&sd);
	if (fd >= 0)
		return fd;
	if (!make && errno == ENOENT)
		return -2;
	dir = path_join(session_dir, name);
	set_error(err, -1, _("cannot open %s: %s"), dir, file_strerror(errno));
	free(dir);
	return -1;
}

static int check_tree_at(const struct sessdir *sd, int dirfd, int depth);

/* One entry of a checked directory: a file or a directory, opened without
 * following a link and checked; directories are walked in turn. */
static int
check_entry(const struct sessdir *sd, int dirfd, const char *name,
    int depth)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY | O_CLOEXEC), r, e;
	struct stat st;

	if (fd < 0)
		return fail_with(unsafe_errno(errno));
	if (fstat(fd, &st) != 0)
		r = -1;
	else if (S_ISDIR(st.st_mode))
		r = check_stat(sd, &st, SESSDIR_DIR) == 0 ?
		    check_tree_at(sd, fd, depth + 1) : -1;
	else
		r = check_stat(sd, &st, SESSDIR_FILE);
	e = errno;
	close(fd);
	errno = e;
	return r;
}

static int
check_tree_at(const struct sessdir *sd, int dirfd, int depth)
{
	struct dirent *de;
	DIR *d;
	int fd, r = 0;

	if (depth > TREE_DEPTH_MAX)
		return fail_with(ENOTSAFE);
	if ((fd = dup(dirfd)) < 0)
		return -1;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return -1;
	}
	while (r == 0 && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			r = check_entry(sd, dirfd, de->d_name, depth);
	if (r != 0) {
		int e = errno;

		closedir(d);
		errno = e;
		return -1;
	}
	closedir(d);
	return 0;
}

int
sessdir_tree(const struct sessdir *sd, const char *rel, char **real)
{
	char link[64];
	int fd, r;

	*real = NULL;
	fd = sessdir_openat(sd, rel, O_RDONLY | O_DIRECTORY, 0, SESSDIR_DIR);
	if (fd < 0)
		return -1;
	privilege_raise();
	r = check_tree_at(sd, fd, 0);
	privilege_drop();
	if (r == 0) {
		/* The directory's own path, as the kernel knows it. */
		snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
		privilege_raise();
		*real = realpath(link, NULL);
		privilege_drop();
		if (*real == NULL)
			r = -1;
	}
	if (r != 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	close(fd);
	return 0;
}
