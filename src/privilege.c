/* privilege.c -- the convene group held only around a session's files.
 * See privilege.h. */
#include "privilege.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* One process, one thread: plain statics are the whole state. */
static int held;		/* started setgid with a group the user lacks */
static gid_t real_gid, group_gid;
static int depth;		/* nested raises */
static mode_t saved_umask;

/* A umask that keeps the group's read and write bits. */
static mode_t
group_friendly(mode_t m)
{
	return m & (mode_t)~(S_IRWXG);
}

/*
 * Variables that make a library load files the user chose: a crafted
 * message catalogue (its translations are printf formats), terminfo entry
 * or ICU data file is a way into the process, and the process can take the
 * group back.  glibc already ignores its own (NLSPATH, LOCPATH, GCONV_PATH)
 * in a setgid process; these it cannot know about.
 */
static const char *const unsafe_env[] = {
	"CONVENE_LOCALEDIR", "ICU_DATA", "ICU_TIMEZONE_FILES_DIR", "TERMINFO",
	"TERMINFO_DIRS", "TERMCAP", "TZDIR"
};

int
privilege_init(void)
{
	size_t i;

	real_gid = getgid();
	group_gid = getegid();
	depth = 0;
	if (real_gid == group_gid) {
		held = 0;
		return 0;
	}
	held = 1;
	for (i = 0; i < sizeof unsafe_env / sizeof unsafe_env[0]; i++)
		unsetenv(unsafe_env[i]);
	return setegid(real_gid);
}

int
privilege_held(void)
{
	return held;
}

void
privilege_raise(void)
{
	int e = errno;

	if (!held)
		return;
	if (depth++ == 0) {
		/* A failure leaves the user's own ids: the access that follows
		 * then fails with EACCES and says so.  (An if, not a (void)
		 * cast: glibc marks setegid warn_unused_result under
		 * _FORTIFY_SOURCE and gcc ignores the cast.) */
		if (setegid(group_gid) != 0) {
			/* stays on the user's ids, as said above */
		}
		saved_umask = umask(0);
		umask(group_friendly(saved_umask));
	}
	errno = e;
}

void
privilege_drop(void)
{
	int e = errno;

	if (!held || depth == 0)
		return;
	if (--depth == 0) {
		umask(saved_umask);
		if (setegid(real_gid) != 0 || getegid() != real_gid)
			abort();
	}
	errno = e;
}

int
privilege_drop_for_good(void)
{
	if (!held)
		return 0;
	if (depth > 0) {
		umask(saved_umask);
		depth = 0;
	}
	/* setgid() by an unprivileged process sets only the effective gid;
	 * setregid sets real, effective and saved (the real gid is ours). */
	if (setregid(real_gid, real_gid) != 0 || getegid() != real_gid)
		return -1;
	held = 0;
	return 0;
}

/* 1 when dir, or the directory it will be made in, is setgid. */
static int
in_setgid_dir(const char *dir)
{
	struct stat st;
	char *parent, *slash;
	int r;

	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) && (st.st_mode & S_ISGID);
	if (errno != ENOENT || dir[0] == '\0')
		return 0;
	parent = xstrdup(dir);
	while ((slash = strrchr(parent, '/')) != NULL && slash[1] == '\0' &&
	    slash != parent)
		*slash = '\0';		/* trailing slashes */
	slash = strrchr(parent, '/');
	if (slash == NULL)
		strcpy(parent, ".");
	else
		slash[slash == parent ? 1 : 0] = '\0';
	r = stat(parent, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (st.st_mode & S_ISGID);
	free(parent);
	return r;
}

mode_t
privilege_group_umask(const char *dir)
{
	mode_t old = umask(0);

	umask(old);
	if (dir != NULL && in_setgid_dir(dir))
		umask(group_friendly(old));
	return old;
}

void
privilege_restore_umask(mode_t old)
{
	umask(old);
}
