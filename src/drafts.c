/* drafts.c -- unsent ideas on disk, replaced atomically as they are typed. */
#include "drafts.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "privilege.h"
#include "sessdir.h"
#include "text.h"
#include "util.h"

#define PID_MAX 64
/* Group-readable and -writable: on a shared host every participant's
 * convene runs setgid `convene` (DESIGN.md), and the next terminal of the
 * same participant may run as another user. */
#define DRAFT_MODE 0660
#define DRAFTS_DIR_MODE 0770

int
drafts_valid_pid(const char *pid)
{
	size_t n;

	if (pid == NULL)
		return 0;
	n = strlen(pid);
	return n > 0 && n <= PID_MAX && pid[0] != '-' &&
	    strspn(pid, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == n;
}

static char *
drafts_dir(const char *session_dir)
{
	return path_join(session_dir, DRAFTS_DIR);
}

char *
drafts_path(const char *session_dir, const char *pid)
{
	char *dir, *name, *path;

	if (!drafts_valid_pid(pid))
		return NULL;
	dir = drafts_dir(session_dir);
	name = xasprintf("%s.txt", pid);
	path = path_join(dir, name);
	free(dir);
	free(name);
	return path;
}

/* Writes all of buf, going on after short writes and EINTR. */
static int
write_all(int fd, const char *buf, size_t len)
{
	ssize_t w;

	while (len > 0) {
		w = write(fd, buf, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* The session's drafts directory (made when `make` and missing): -1 with
 * *err, or -2 when it is missing and not to be made. */
static int
open_drafts(const char *session_dir, int make, char **err)
{
	return sessdir_open_subdir(session_dir, DRAFTS_DIR, DRAFTS_DIR_MODE,
	    make, err);
}

/* A new file of our own in dfd, never through a link: a name a killed
 * process of the same pid left behind is replaced. */
static int
create_temp(int dfd, const char *tmp)
{
	int fd, tries;

	for (tries = 0; tries < 2; tries++) {
		fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, DRAFT_MODE);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		unlinkat(dfd, tmp, 0);
	}
	return -1;
}

/* Writes text to a new temporary file in dfd; *tmp gets its name. */
static int
write_temp(int dfd, const char *shown, const char *pid, const char *text,
    char **tmp, char **err)
{
	int fd, saved;

	*tmp = xasprintf(".%s.txt.%ld", pid, (long)getpid());
	fd = create_temp(dfd, *tmp);
	if (fd >= 0 && fchmod(fd, DRAFT_MODE) == 0 &&
	    write_all(fd, text, strlen(text)) == 0) {
		close(fd);
		return 0;
	}
	saved = errno;
	if (fd >= 0) {
		close(fd);
		unlinkat(dfd, *tmp, 0);
	}
	set_error(err, -1, _("cannot save the draft in %s: %s"), shown,
	    strerror(saved));
	free(*tmp);
	*tmp = NULL;
	return -1;
}

/* Renames tmp over name in dfd.  No fsync, of the file or the directory:
 * a draft is scratch, saved after every burst of keys by 150 terminals in
 * one directory, and a sync there made the next key's echo wait (issue 21,
 * "keys before disk").  After kill -9 the draft is the old text or the
 * new; a power cut may lose the last seconds of it (convene(1)). */
static int
put_in_place(int dfd, const char *tmp, const char *name, const char *path,
    char **err)
{
	if (renameat(dfd, tmp, dfd, name) != 0) {
		set_error(err, -1, _("cannot save the draft %s: %s"), path,
		    strerror(errno));
		unlinkat(dfd, tmp, 0);
		return -1;
	}
	return 0;
}

int
drafts_save(const char *session_dir, const char *pid, const char *text,
    char **err)
{
	char *dir, *path, *name, *tmp = NULL;
	int r = -1, dfd;

	if (text == NULL || text_is_blank(text))
		return drafts_discard(session_dir, pid, err);
	path = drafts_path(session_dir, pid);
	if (path == NULL)
		return set_error(err, -1, _("'%s' cannot name a draft"),
		    pid != NULL ? pid : "");
	if ((dfd = open_drafts(session_dir, 1, err)) < 0) {
		free(path);
		return -1;
	}
	dir = drafts_dir(session_dir);
	name = xasprintf("%s.txt", pid);
	privilege_raise();
	if (write_temp(dfd, dir, pid, text, &tmp, err) == 0)
		r = put_in_place(dfd, tmp, name, path, err);
	privilege_drop();
	close(dfd);
	free(name);
	free(tmp);
	free(dir);
	free(path);
	return r;
}

/* The draft's bytes, opened beneath the session and checked; NULL with
 * errno (ENOENT: no draft, or no session directory to hold one). */
static char *
read_draft(const char *session_dir, const char *pid, size_t *len)
{
	struct sessdir sd;
	char *rel;
	int fd, e;

	if (sessdir_open(session_dir, &sd, NULL) != 0)
		return NULL;
	rel = xasprintf("%s/%s.txt", DRAFTS_DIR, pid);
	fd = sessdir_openat(&sd, rel, O_RDONLY, 0, SESSDIR_FILE);
	e = errno;
	free(rel);
	sessdir_close(&sd);
	if (fd < 0) {
		errno = e;
		return NULL;
	}
	return file_read_fd(fd, DRAFTS_MAX_BYTES, len);
}

int
drafts_load(const char *session_dir, const char *pid, char **text,
    char **err)
{
	char *path = drafts_path(session_dir, pid), *buf;
	size_t len;

	*text = NULL;
	if (path == NULL)
		return set_error(err, -1, _("'%s' cannot name a draft"),
		    pid != NULL ? pid : "");
	buf = read_draft(session_dir, pid, &len);
	if (buf == NULL) {
		int saved = errno;

		if (saved == ENOENT) {
			free(path);
			return 0;
		}
		if (saved == EFBIG)
			set_error(err, -1, _("the draft %s is too long to be a "
			    "draft"), path);
		else
			set_error(err, -1, _("cannot read the draft %s: %s"),
			    path, file_strerror(saved));
		free(path);
		return -1;
	}
	if (text_validate(buf, len, NULL) != 0) {
		set_error(err, -1, _("the draft %s is damaged (not UTF-8 "
		    "text): it is left as it is"), path);
		free(buf);
		free(path);
		return -1;
	}
	free(path);
	if (text_is_blank(buf))
		free(buf);
	else
		*text = buf;
	return 0;
}

int
drafts_discard(const char *session_dir, const char *pid, char **err)
{
	char *path = drafts_path(session_dir, pid), *name;
	int r, dfd;

	if (path == NULL)
		return set_error(err, -1, _("'%s' cannot name a draft"),
		    pid != NULL ? pid : "");
	if ((dfd = open_drafts(session_dir, 0, err)) < 0) {
		free(path);
		return dfd == -2 ? 0 : -1;	/* no drafts yet: none to remove */
	}
	name = xasprintf("%s.txt", pid);
	privilege_raise();
	r = unlinkat(dfd, name, 0);
	privilege_drop();
	if (r != 0 && errno != ENOENT)
		r = set_error(err, -1, _("cannot remove the draft %s: %s"),
		    path, strerror(errno));
	else
		r = 0;
	close(dfd);
	free(name);
	free(path);
	return r;
}
