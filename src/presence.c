/* presence.c -- open terminals, by locks held on files (see presence.h). */
#include "presence.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "privilege.h"
#include "sessdir.h"
#include "util.h"

#define PRESENCE_DIR_MODE 0770
#define PRESENCE_FILE_MODE 0660
#define PRESENCE_LINE_MAX 96
#define POLLING_WORD "polling"	/* the line's third word, when it is */

struct presence {
	char *dir;		/* SESSION/presence, for messages */
	char *name;		/* PROCESS-ID */
	int dfd;		/* the directory, opened beneath the session */
	int fd;			/* locked while the terminal is open */
	enum presence_role role;	/* as last published */
	char *pid;
	int polling;		/* presence_set_polling */
};

static const char *const role_names[PRESENCE_ROLE_COUNT] = {
	[PRESENCE_CONSOLE] = "console",
	[PRESENCE_PARTICIPANT] = "participant",
	[PRESENCE_KIOSK] = "kiosk",
	[PRESENCE_PROJECTOR] = "projector",
};

/* Writes the line into a new locked file and renames it to p->name: the
 * name never points at a file that is not locked, whole and current. */
static int
publish(struct presence *p, enum presence_role role, const char *pid,
    char **err)
{
	char line[PRESENCE_LINE_MAX], *tmp;
	int fd, n;

	/* Older readers take the first two words and ignore the third. */
	n = snprintf(line, sizeof line, "%s %s%s\n", role_names[role],
	    pid != NULL && *pid != '\0' ? pid : "-",
	    p->polling ? " " POLLING_WORD : "");
	if (n < 0 || (size_t)n >= sizeof line)
		return set_error(err, -1, "%s", _("presence: the participant "
		    "id is too long"));
	tmp = xasprintf(".%ld.tmp", (long)getpid());
	privilege_raise();
	fd = openat(p->dfd, tmp, O_RDWR | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_NONBLOCK | O_CLOEXEC, PRESENCE_FILE_MODE);
	if (fd < 0 || file_check_regular(fd) != 0 ||
	    flock(fd, LOCK_EX | LOCK_NB) != 0 ||
	    write(fd, line, (size_t)n) != n ||
	    renameat(p->dfd, tmp, p->dfd, p->name) != 0) {
		set_error(err, -1, _("cannot mark this terminal open in %s: "
		    "%s"), p->dir, file_strerror(errno));
		if (fd >= 0)
			close(fd);
		unlinkat(p->dfd, tmp, 0);
		privilege_drop();
		free(tmp);
		return -1;
	}
	privilege_drop();
	free(tmp);
	if (p->fd >= 0)
		close(p->fd);	/* the old file is gone: its lock with it */
	p->fd = fd;
	if (p->pid != pid) {
		free(p->pid);
		p->pid = pid != NULL ? xstrdup(pid) : NULL;
	}
	p->role = role;
	return 0;
}

/* SESSION/presence opened beneath the session and checked (sessdir.h),
 * made first when `make`: a descriptor, or -1 with *err, or -2 when it is
 * missing and not to be made. */
static int
open_dir(const char *session_dir, int make, char **err)
{
	struct sessdir sd;
	char *dir;
	int fd;

	if (sessdir_open(session_dir, &sd, err) != 0)
		return -1;
	fd = make ? sessdir_subdir(&sd, PRESENCE_DIR, PRESENCE_DIR_MODE) :
	    sessdir_openat(&sd, PRESENCE_DIR, O_RDONLY | O_DIRECTORY, 0,
	    SESSDIR_DIR);
	sessdir_close(&sd);
	if (fd >= 0)
		return fd;
	if (!make && errno == ENOENT)
		return -2;
	dir = path_join(session_dir, PRESENCE_DIR);
	set_error(err, -1, _("cannot open %s: %s"), dir, file_strerror(errno));
	free(dir);
	return -1;
}

struct presence *
presence_open(const char *session_dir, enum presence_role role,
    const char *pid, char **err)
{
	struct presence *p;

	if ((unsigned)role >= PRESENCE_ROLE_COUNT) {
		set_error(err, -1, "%s", _("presence: unknown role"));
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->fd = -1;
	p->dir = path_join(session_dir, PRESENCE_DIR);
	p->name = xasprintf("%ld", (long)getpid());
	p->dfd = open_dir(session_dir, 1, err);
	if (p->dfd < 0 || publish(p, role, pid, err) != 0) {
		presence_close(p);
		return NULL;
	}
	return p;
}

int
presence_set(struct presence *p, enum presence_role role, const char *pid,
    char **err)
{
	if (p == NULL || (unsigned)role >= PRESENCE_ROLE_COUNT)
		return set_error(err, -1, "%s", _("presence: unknown role"));
	return publish(p, role, pid, err);
}

int
presence_set_polling(struct presence *p, int polling, char **err)
{
	if (p == NULL)
		return set_error(err, -1, "%s", _("presence: no terminal"));
	if (p->polling == !!polling)
		return 0;
	p->polling = !!polling;
	return publish(p, p->role, p->pid, err);
}

void
presence_close(struct presence *p)
{
	if (p == NULL)
		return;
	if (p->fd >= 0) {
		privilege_raise();
		unlinkat(p->dfd, p->name, 0);
		privilege_drop();
		close(p->fd);
	}
	if (p->dfd >= 0)
		close(p->dfd);
	free(p->dir);
	free(p->name);
	free(p->pid);
	free(p);
}

static int
parse_role(const char *name, enum presence_role *role)
{
	int k;

	for (k = 0; k < PRESENCE_ROLE_COUNT; k++)
		if (strcmp(name, role_names[k]) == 0) {
			*role = (enum presence_role)k;
			return 0;
		}
	return -1;
}

/* Reads one terminal's file; 1 when it is open (and *role, pid, *polling
 * are set), 0 when nobody holds it (it is removed), -1 when it is
 * unreadable. */
static int
read_one(int dirfd, const char *name, enum presence_role *role, char *pid,
    size_t size, int *polling)
{
	char line[PRESENCE_LINE_MAX + 1], r[16], w[16];
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	ssize_t n;

	if (fd < 0 || file_check_regular(fd) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (flock(fd, LOCK_SH | LOCK_NB) == 0) {
		/* Nobody holds it: its terminal ended without closing. */
		unlinkat(dirfd, name, 0);
		close(fd);
		return 0;
	}
	n = read(fd, line, sizeof line - 1);
	close(fd);
	if (n <= 0)
		return -1;
	line[n] = '\0';
	w[0] = '\0';
	if (sscanf(line, "%15s %63s %15s", r, pid, w) < 2 ||
	    parse_role(r, role) != 0 || size < 64)
		return -1;
	*polling = strcmp(w, POLLING_WORD) == 0;
	if (strcmp(pid, "-") == 0)
		pid[0] = '\0';
	return 1;
}

/* presence_scan, counting the terminals marked polling in *npolling. */
static int
scan(const char *session_dir, presence_fn fn, void *ctx, int *npolling,
    char **err)
{
	char pid[64];
	enum presence_role role;
	struct dirent *e;
	DIR *d;
	int n = 0, dfd = open_dir(session_dir, 0, err), fd, polling;

	if (dfd < 0)
		return dfd == -2 ? 0 : -1;	/* none yet is 0 */
	privilege_raise();
	fd = dup(dfd);
	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		set_error(err, -1, _("cannot read %s/%s: %s"), session_dir,
		    PRESENCE_DIR, strerror(errno));
		if (fd >= 0)
			close(fd);
		close(dfd);
		privilege_drop();
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* ., .. and files being written */
		if (read_one(dfd, e->d_name, &role, pid, sizeof pid,
		    &polling) != 1)
			continue;
		n++;
		*npolling += polling;
		if (fn != NULL)
			fn(role, pid, ctx);
	}
	closedir(d);
	close(dfd);
	privilege_drop();
	return n;
}

int
presence_scan(const char *session_dir, presence_fn fn, void *ctx,
    char **err)
{
	int polling = 0;

	return scan(session_dir, fn, ctx, &polling, err);
}

int
presence_polling(const char *session_dir, char **err)
{
	int polling = 0;

	return scan(session_dir, NULL, NULL, &polling, err) < 0 ? -1 :
	    polling;
}
