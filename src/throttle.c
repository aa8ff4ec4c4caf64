/* throttle.c -- failure counts per user and terminal (see throttle.h). */
#include "throttle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "i18n.h"
#include "privilege.h"
#include "sessdir.h"
#include "session.h"
#include "util.h"

#define COUNT_MAX 1000		/* past the cap it no longer matters */

long
throttle_delay(int failures)
{
	int n = failures - THROTTLE_FREE;

	if (n <= 0)
		return 0;
	if (n > 6)		/* 2^5 = 32 is past the cap already */
		return THROTTLE_MAX_DELAY;
	return (1L << (n - 1)) < THROTTLE_MAX_DELAY ? 1L << (n - 1) :
	    THROTTLE_MAX_DELAY;
}

/* "1001-pts_3": the real uid (the attacker's, not the group's) and the
 * terminal without its pid, '/' made '_'; "none" without a terminal. */
static long caller = -1;	/* throttle_set_caller; -1: this process */

void
throttle_set_caller(long uid)
{
	caller = uid;
}

static char *
key_name(void)
{
	const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;
	char *k, *p;

	if (caller >= 0)	/* the writer service, for its client */
		return xasprintf("%ld-serve", caller);
	if (tty != NULL && str_starts(tty, "/dev/"))
		tty += 5;
	k = xasprintf("%ld-%s", (long)getuid(), tty != NULL ? tty : "none");
	for (p = k; *p != '\0'; p++)
		if (*p == '/' || *p == '.' || (unsigned char)*p < 0x20)
			*p = '_';
	return k;
}

/* The count file of this user and terminal, locked: a descriptor or -1. */
static int
open_count(struct session *s)
{
	char *key;
	int dfd = sessdir_subdir(&s->sd, THROTTLE_DIR, 0770), fd, e;

	if (dfd < 0)
		return -1;
	key = key_name();
	privilege_raise();
	fd = openat(dfd, key, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC, 0660);
	/* Non-blocking: only this same user and terminal ever holds it. */
	if (fd >= 0 && (sessdir_check(&s->sd, fd, SESSDIR_FILE) != 0 ||
	    flock(fd, LOCK_EX | LOCK_NB) != 0)) {
		e = errno;
		close(fd);
		fd = -1;
		errno = e;
	}
	privilege_drop();
	close(dfd);
	free(key);
	return fd;
}

static void
read_count(int fd, int *n, long long *last)
{
	char buf[64];
	ssize_t r = pread(fd, buf, sizeof buf - 1, 0);

	*n = 0;
	*last = 0;
	if (r <= 0)
		return;
	buf[r] = '\0';
	if (sscanf(buf, "%d %lld", n, last) != 2 || *n < 0 || *n > COUNT_MAX)
		*n = 0;
}

static void
write_count(int fd, int n, long long last)
{
	char buf[64];
	int len = snprintf(buf, sizeof buf, "%d %lld\n", n, last);

	if (ftruncate(fd, 0) == 0 && pwrite(fd, buf, (size_t)len, 0) == len)
		fsync(fd);
}

long
throttle_check(struct session *s, char **err)
{
	long long last, now = (long long)time(NULL);
	long left;
	int fd = open_count(s), n;

	if (fd < 0) {
		if (!s->sd.inside)
			return 0;
		return set_error(err, -1, _("cannot keep count of wrong "
		    "PINs and passphrases in %s/%s: %s"), s->dir, THROTTLE_DIR,
		    file_strerror(errno));
	}
	read_count(fd, &n, &last);
	close(fd);
	left = (long)(last + throttle_delay(n) - now);
	if (n == 0 || left <= 0)
		return 0;
	return left > THROTTLE_MAX_DELAY ? THROTTLE_MAX_DELAY : left;
}

void
throttle_note(struct session *s, int ok)
{
	long long last;
	int fd = open_count(s), n;

	if (fd < 0)
		return;
	read_count(fd, &n, &last);
	if (ok)
		write_count(fd, 0, 0);
	else
		write_count(fd, n < COUNT_MAX ? n + 1 : n, (long long)time(NULL));
	close(fd);
}

/* Calls fn on each count file of the throttle directory. */
static int
each_count(struct session *s, int (*fn)(int dfd, const char *name),
    char **err)
{
	struct dirent *e;
	DIR *d;
	int dfd, fd, total = 0;

	dfd = sessdir_openat(&s->sd, THROTTLE_DIR, O_RDONLY | O_DIRECTORY, 0,
	    SESSDIR_DIR);
	if (dfd < 0)
		return errno == ENOENT ? 0 : set_error(err, -1, _("cannot "
		    "read %s/%s: %s"), s->dir, THROTTLE_DIR,
		    file_strerror(errno));
	privilege_raise();
	if ((fd = dup(dfd)) >= 0 && (d = fdopendir(fd)) != NULL) {
		while ((e = readdir(d)) != NULL)
			if (e->d_name[0] != '.')
				total += fn(dfd, e->d_name);
		closedir(d);
	} else if (fd >= 0)
		close(fd);
	privilege_drop();
	close(dfd);
	return total;
}

static int
failures_of(int dfd, const char *name)
{
	long long last;
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC), n = 0;

	if (fd >= 0) {
		read_count(fd, &n, &last);
		close(fd);
	}
	return n;
}

static int
remove_one(int dfd, const char *name)
{
	return unlinkat(dfd, name, 0) == 0;
}

int
throttle_failures(struct session *s)
{
	return each_count(s, failures_of, NULL);
}

int
throttle_clear(struct session *s, char **err)
{
	return each_count(s, remove_one, err);
}
