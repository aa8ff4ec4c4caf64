/*
 * session_checkpoint.c -- a session's checkpoint file: found and loaded
 * when the session opens, written by a process that replayed a long tail
 * (checkpoint.h).
 */
#include "session_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint.h"
#include "i18n.h"
#include "privilege.h"
#include "util.h"

static int
checkpoints_off(void)
{
	return getenv("CONVENE_NO_CHECKPOINT") != NULL;
}

void
session_checkpoint_load(struct session *s)
{
	const char *why = NULL;
	int fd;

	if (checkpoints_off())
		return;
	fd = sessdir_openat(&s->sd, CHECKPOINT_NAME, O_RDONLY, 0,
	    SESSDIR_FILE);
	if (fd < 0) {
		if (errno != ENOENT)
			s->checkpoint_why = "it cannot be opened";
		return;
	}
	if (checkpoint_load(fd, s->state, s->journal, &why) == 0)
		s->from_checkpoint = 1;
	else
		s->checkpoint_why = why;
	close(fd);
}

int
session_checkpoint_due(const struct session *s)
{
	return !checkpoints_off() && s->replayed >= CHECKPOINT_TAIL;
}

static int
write_all(int fd, const char *p, size_t len)
{
	ssize_t w;

	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* One writer at a time: the temporary file is made with O_EXCL, and one
 * left by a writer that died is taken over when it is this old. */
#define TMP_STALE_S 120

/* Makes the temporary file; -1 with errno EEXIST while another process
 * writes. */
static int
open_tmp(struct session *s, const char *tmp)
{
	struct stat sb;
	int fd = sessdir_openat(&s->sd, tmp, O_WRONLY | O_CREAT | O_EXCL,
	    0640, SESSDIR_FILE);

	if (fd >= 0 || errno != EEXIST)
		return fd;
	if (fstatat(s->sd.fd, tmp, &sb, AT_SYMLINK_NOFOLLOW) != 0 ||
	    time(NULL) - sb.st_mtime < TMP_STALE_S) {
		errno = EEXIST;
		return -1;
	}
	unlinkat(s->sd.fd, tmp, 0);
	return sessdir_openat(&s->sd, tmp, O_WRONLY | O_CREAT | O_EXCL, 0640,
	    SESSDIR_FILE);
}

/* The image into a temporary file beside the journal, renamed over the
 * checkpoint once it is on disk. */
static int
write_file(struct session *s, const char *image, size_t len, char **err)
{
	static const char tmp[] = CHECKPOINT_NAME ".tmp";
	int fd, r = 0;

	privilege_raise();
	if ((fd = open_tmp(s, tmp)) < 0) {
		privilege_drop();
		if (errno == EEXIST)
			return set_error(err, -1, _("another process is "
			    "writing the checkpoint of %s"), s->dir);
		return set_error(err, -1, _("cannot write the checkpoint in "
		    "%s: %s"), s->dir, file_strerror(errno));
	}
	if (write_all(fd, image, len) != 0 || fsync(fd) != 0 ||
	    renameat(s->sd.fd, tmp, s->sd.fd, CHECKPOINT_NAME) != 0) {
		r = set_error(err, -1, _("cannot write the checkpoint in %s: "
		    "%s"), s->dir, strerror(errno));
		unlinkat(s->sd.fd, tmp, 0);
	}
	close(fd);
	privilege_drop();
	return r;
}

/* 1 when the checkpoint there already covers what this process read (a
 * terminal started at the same time wrote it). */
static int
already_covered(struct session *s)
{
	int fd, r;

	privilege_raise();
	fd = sessdir_openat(&s->sd, CHECKPOINT_NAME, O_RDONLY, 0,
	    SESSDIR_FILE);
	privilege_drop();
	if (fd < 0)
		return 0;
	r = checkpoint_covers(fd, s->journal, s->state);
	close(fd);
	return r;
}

int
session_checkpoint_write(struct session *s, char **err)
{
	char *image = NULL;
	size_t len = 0;
	int r;

	if (checkpoint_build(s->state, s->journal, &image, &len, err) != 0)
		return -1;
	r = write_file(s, image, len, err);
	free(image);
	if (r == 0)
		s->replayed = 0;
	return r;
}

void
session_checkpoint_background(struct session *s)
{
	pid_t child;
	int status;

	if (!session_checkpoint_due(s))
		return;
	s->replayed = 0;	/* once */
	child = fork();
	if (child < 0)
		return;
	if (child == 0) {
		/* A grandchild writes, so that nobody waits on it: the
		 * child exits at once and is collected below. */
		/* The terminal is the parent's: this child never touches
		 * it, not even to restore it on exhausted memory. */
		xalloc_fatal_hook = NULL;
		if (fork() == 0)
			_exit(already_covered(s) ||
			    session_checkpoint_write(s, NULL) == 0 ? 0 : 1);
		_exit(0);
	}
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
}
