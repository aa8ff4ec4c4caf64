/*
 * journal_rewrite.c -- the one exception to "the journal only grows":
 * `convene purge` rewrites every record once, through an edit callback,
 * into a new file that replaces the journal whole (journal.h).
 *
 * The new file is written beside the journal under a temporary name while
 * the journal's lock is held, fsynced, and renamed over journal.csv; the
 * directory is fsynced after.  A crash at any moment leaves the old
 * journal or the new one, never a mix.  A writer that was waiting for the
 * lock finds, once it has it, that the name leads to another file
 * (journal_still_named) and writes nothing: no acknowledged record can go
 * into the file that was replaced.
 */
#include "journal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "journal_private.h"
#include "privilege.h"
#include "util.h"

int
journal_still_named(const struct journal *j)
{
	struct stat a, b;
	int r;

	if (fstat(j->wfd, &a) != 0)
		return -1;
	/* with the group: a participant cannot search the session
	 * directory (2770) with their own rights, even by its descriptor */
	privilege_raise();
	if (j->sd.fd >= 0)
		r = fstatat(j->sd.fd, j->name, &b, AT_SYMLINK_NOFOLLOW);
	else
		r = lstat(j->path, &b);
	privilege_drop();
	if (r != 0)
		return -1;
	return a.st_dev == b.st_dev && a.st_ino == b.st_ino ? 0 : -1;
}

struct rewrite {
	struct journal *w;	/* formats into w->out */
	int fd;			/* the new file */
	journal_edit_fn edit;
	void *ctx;
	unsigned long changed, bad, unknown;
	int write_errno;	/* 0, or the first write's errno */
};

static void
on_record(const struct event *ev, void *ctx)
{
	struct rewrite *r = ctx;
	struct event e = *ev;
	size_t len;

	if (ev->type == EV_UNKNOWN) {
		r->unknown++;
		return;
	}
	if (r->edit(&e, r->ctx))
		r->changed++;
	len = journal_format_record(r->w, 0, &e);
	if (r->write_errno == 0 &&
	    journal_write_all(r->fd, r->w->out, len) != 0)
		r->write_errno = errno;
}

static void
on_bad(unsigned long line, const char *why, void *ctx)
{
	(void)line;
	(void)why;
	((struct rewrite *)ctx)->bad++;
}

/* The temporary file beside the journal, made new; -1 with errno. */
static int
open_temp(const struct journal *j, const char *tmp)
{
	int fd;

	if (j->sd.fd >= 0)
		return sessdir_openat(&j->sd, tmp, O_WRONLY | O_CREAT | O_EXCL,
		    0660, SESSDIR_FILE);
	privilege_raise();
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    0660);
	privilege_drop();
	return fd;
}

/* The new file gets the old one's permissions, not the umask's: on a
 * shared host the group must still be able to write it. */
static int
keep_mode(const struct journal *j, int fd)
{
	struct stat st;

	if (fstat(j->wfd, &st) != 0)
		return -1;
	return fchmod(fd, st.st_mode & 07777);
}

static void
remove_temp(const struct journal *j, const char *tmp)
{
	privilege_raise();
	if (j->sd.fd >= 0)
		unlinkat(j->sd.fd, tmp, 0);
	else
		unlink(tmp);
	privilege_drop();
}

static int
rename_temp(const struct journal *j, const char *tmp)
{
	int r;

	privilege_raise();
	if (j->sd.fd >= 0)
		r = renameat(j->sd.fd, tmp, j->sd.fd, j->name);
	else
		r = rename(tmp, j->path);
	privilege_drop();
	return r;
}

/* fsync of the directory makes the new name durable. */
static int
sync_dir(const struct journal *j)
{
	int fd, r;

	if (j->sd.fd < 0)
		return journal_sync_dir_of(j->path);
	fd = sessdir_openat(&j->sd, ".", O_RDONLY | O_DIRECTORY, 0,
	    SESSDIR_DIR);
	if (fd < 0)
		return -1;
	r = fsync(fd);
	close(fd);
	return r;
}

/* Every record through the edit into the temporary file (fd), read by a
 * handle of its own from the start.  0, 1 refused, 3 error. */
static int
copy_records(struct journal *j, struct rewrite *r, char **err)
{
	struct journal *in;
	char header[512];
	size_t len = journal_format_header(header, sizeof header);
	int ret = 0;

	in = j->sd.fd >= 0 ? journal_open_beneath(&j->sd, j->name, j->path,
	    1, err) : journal_open(j->path, 1, err);
	if (in == NULL)
		return 3;
	if (journal_write_all(r->fd, header, len) != 0)
		r->write_errno = errno;
	if (journal_read(in, on_record, on_bad, r, err) < 0)
		ret = 3;
	else if (r->write_errno != 0)
		ret = set_error(err, 3, _("cannot write a copy of the journal "
		    "%s: %s"), j->path, strerror(r->write_errno));
	else if (r->bad > 0 || r->unknown > 0)
		ret = set_error(err, 1, _("the journal %s holds %lu damaged "
		    "records and %lu of a newer convene: it cannot be "
		    "rewritten as it is (nothing was changed)"), j->path,
		    r->bad, r->unknown);
	journal_close(in);
	return ret;
}

int
journal_rewrite(struct journal *j, journal_edit_fn edit, void *ctx,
    unsigned long *changed, char **err)
{
	struct rewrite r = { j, -1, edit, ctx, 0, 0, 0, 0 };
	char *tmp;
	int ret;

	*changed = 0;
	if (journal_open_for_append(j, err) != 0)
		return 3;
	if (journal_lock(j->wfd, LOCK_EX) != 0)
		return set_error(err, 3, _("cannot lock the journal %s: %s"),
		    j->path, strerror(errno));
	tmp = j->sd.fd >= 0 ? xasprintf(".%s.rewrite.%ld", j->name,
	    (long)getpid()) : xasprintf("%s.rewrite.%ld", j->path,
	    (long)getpid());
	if (journal_still_named(j) != 0)
		ret = set_error(err, 3, _("the journal %s was replaced: run "
		    "the command again"), j->path);
	else if ((r.fd = open_temp(j, tmp)) < 0 || keep_mode(j, r.fd) != 0)
		ret = set_error(err, 3, _("cannot write a copy of the journal "
		    "%s: %s"), j->path, file_strerror(errno));
	else
		ret = copy_records(j, &r, err);
	if (ret == 0 && r.changed > 0 && fsync(r.fd) != 0)
		ret = set_error(err, 3, _("cannot write a copy of the journal "
		    "%s: %s"), j->path, strerror(errno));
	if (r.fd >= 0)
		close(r.fd);
	if (ret == 0 && r.changed > 0) {
		if (rename_temp(j, tmp) != 0)
			ret = set_error(err, 3, _("cannot replace the journal "
			    "%s: %s"), j->path, strerror(errno));
		else if (sync_dir(j) != 0)
			ret = set_error(err, 3, _("cannot save the directory "
			    "of %s: %s"), j->path, strerror(errno));
	}
	if (r.fd >= 0 && (ret != 0 || r.changed == 0))
		remove_temp(j, tmp);
	journal_lock(j->wfd, LOCK_UN);
	free(tmp);
	*changed = ret == 0 ? r.changed : 0;
	return ret;
}
