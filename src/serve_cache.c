/* serve_cache.c -- the sessions the writer service keeps open (serve.h). */
#include "serve.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"
#include "session.h"
#include "sessdir.h"
#include "util.h"

/*
 * Replaying a journal for each request would cost the service (and every
 * client queued behind it) time that grows with the journal; so the
 * sessions it serves stay open between requests, each brought up to date
 * (session_refresh) before a verb uses it, as a terminal follows.  The
 * cache is the service's alone: one process, one thread.
 */
#define SERVE_CACHE_MAX 16

static struct {
	char *dir;
	struct session *s;
	struct stat ini;	/* session.ini when it was read */
} cache[SERVE_CACHE_MAX];
static size_t ncache;

/*
 * A kept session is used again only while its files still pass the checks
 * sessdir.h makes when a session is opened (a second hard link to the
 * journal made since, a replaced session.ini: opened afresh, and refused
 * there as it would be by any convene), and its settings are as read.
 */
static int
still_good(const struct session *s, const struct stat *ini)
{
	struct stat st;
	char *err = NULL;
	int fd, ok;

	fd = sessdir_openat(&s->sd, "session.ini", O_RDONLY, 0,
	    SESSDIR_SECRET);
	ok = fd >= 0 && fstat(fd, &st) == 0 && st.st_ino == ini->st_ino &&
	    st.st_dev == ini->st_dev && st.st_size == ini->st_size &&
	    st.st_mtim.tv_sec == ini->st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == ini->st_mtim.tv_nsec;
	if (fd >= 0)
		close(fd);
	if (!ok)
		return 0;
	fd = sessdir_openat(&s->sd, "journal.csv", O_RDONLY, 0, SESSDIR_FILE);
	if (fd < 0)
		return 0;
	close(fd);
	/* The journal it holds open is still the one under that name: after
	 * `convene purge` (a new file renamed over it) every append to the
	 * old one is refused as replaced, so a kept session would refuse
	 * every request until the service restarted. */
	if (journal_changed(s->journal, &err) < 0) {
		free(err);
		return 0;
	}
	return 1;
}

static int
ini_stat(const struct session *s, struct stat *st)
{
	int fd = sessdir_openat(&s->sd, "session.ini", O_RDONLY, 0,
	    SESSDIR_SECRET), r;

	if (fd < 0)
		return -1;
	r = fstat(fd, st);
	close(fd);
	return r;
}

static void
cache_drop(size_t i)
{
	cache[i].s->kept = 0;
	session_close(cache[i].s);
	free(cache[i].dir);
	cache[i] = cache[--ncache];
}

struct session *
serve_cache_open(const char *dir, char **err)
{
	struct stat ini;
	struct session *s;
	size_t i;

	for (i = 0; i < ncache; i++) {
		if (strcmp(cache[i].dir, dir) != 0)
			continue;
		if (still_good(cache[i].s, &cache[i].ini) &&
		    session_refresh(cache[i].s, err) >= 0)
			return cache[i].s;
		/* replaced or gone: open it again from the start */
		free(*err);
		*err = NULL;
		cache_drop(i);
		break;
	}
	if ((s = session_open(dir, 0, err)) == NULL)
		return NULL;
	if (ini_stat(s, &ini) != 0)
		return s;	/* used once, not kept */
	if (ncache == SERVE_CACHE_MAX)
		cache_drop(0);
	s->kept = 1;
	cache[ncache].dir = xstrdup(dir);
	cache[ncache].ini = ini;
	cache[ncache++].s = s;
	return s;
}

void
serve_cache_clear(void)
{
	while (ncache > 0)
		cache_drop(ncache - 1);
}
