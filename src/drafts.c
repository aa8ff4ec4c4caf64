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

/* The rename is only durable once the directory entry is on disk too. */
static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), r;

	if (fd < 0)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

static int
make_dir(const char *dir, char **err)
{
	if (mkdir(dir, DRAFTS_DIR_MODE) == 0 || errno == EEXIST)
		return 0;
	return set_error(err, -1, _("cannot make %s: %s"), dir,
	    strerror(errno));
}

/* Writes text to a new temporary file in dir; *tmp gets its name. */
static int
write_temp(const char *dir, const char *pid, const char *text, char **tmp,
    char **err)
{
	char *name = xasprintf(".%s.txt.XXXXXX", pid);
	int fd, saved;

	*tmp = path_join(dir, name);
	free(name);
	fd = mkstemp(*tmp);
	if (fd < 0) {
		set_error(err, -1, _("cannot save the draft in %s: %s"), dir,
		    strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (fchmod(fd, DRAFT_MODE) == 0 &&
	    write_all(fd, text, strlen(text)) == 0 && fsync(fd) == 0) {
		close(fd);
		return 0;
	}
	saved = errno;
	close(fd);
	unlink(*tmp);
	set_error(err, -1, _("cannot save the draft in %s: %s"), dir,
	    strerror(saved));
	free(*tmp);
	*tmp = NULL;
	return -1;
}

int
drafts_save(const char *session_dir, const char *pid, const char *text,
    char **err)
{
	char *dir, *path, *tmp = NULL;
	int r = -1;

	if (text == NULL || text_is_blank(text))
		return drafts_discard(session_dir, pid, err);
	path = drafts_path(session_dir, pid);
	if (path == NULL)
		return set_error(err, -1, _("'%s' cannot name a draft"),
		    pid != NULL ? pid : "");
	dir = drafts_dir(session_dir);
	privilege_raise();
	if (make_dir(dir, err) == 0 &&
	    write_temp(dir, pid, text, &tmp, err) == 0) {
		if (rename(tmp, path) != 0) {
			set_error(err, -1, _("cannot save the draft %s: %s"),
			    path, strerror(errno));
			unlink(tmp);
		} else if (sync_dir(dir) != 0)
			set_error(err, -1, _("cannot save the draft %s: %s"),
			    path, strerror(errno));
		else
			r = 0;
	}
	privilege_drop();
	free(tmp);
	free(dir);
	free(path);
	return r;
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
	privilege_raise();
	buf = file_read_all(path, DRAFTS_MAX_BYTES, &len);
	privilege_drop();
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
	char *path = drafts_path(session_dir, pid);
	int r = 0;

	if (path == NULL)
		return set_error(err, -1, _("'%s' cannot name a draft"),
		    pid != NULL ? pid : "");
	privilege_raise();
	r = unlink(path);
	privilege_drop();
	if (r != 0 && errno != ENOENT)
		r = set_error(err, -1, _("cannot remove the draft %s: %s"),
		    path, strerror(errno));
	else
		r = 0;
	free(path);
	return r;
}
