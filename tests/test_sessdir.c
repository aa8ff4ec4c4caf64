/* test_sessdir.c -- a session's files opened beneath the sessions
 * directory: links, hard links, FIFOs, "..", and paths outside (issue 16,
 * point 1).  Every test runs twice: with openat2 and with the component
 * walk used on kernels without it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "privilege.h"
#include "sessdir.h"
#include "util.h"
#include "module_fixture.h"

struct fx {
	char *top;	/* the test's own directory */
	char *root;	/* top/sessions: the sessions directory */
	char *s;	/* root/s: a session */
	char *out;	/* top/mine: a directory outside */
};

static void
put(const char *dir, const char *name, const char *text)
{
	char *p = path_join(dir, name);
	FILE *f = fopen(p, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	chmod(p, 0660);
	free(p);
}

static char *
sub(const char *dir, const char *name)
{
	char *p = path_join(dir, name);

	assert_int_equal(mkdir(p, 0770), 0);
	return p;
}

static int
setup_with(void **state, int use_openat2)
{
	char tmpl[] = "/tmp/test_sessdir.XXXXXX";
	struct fx *f = xcalloc(1, sizeof *f);
	char *m;

	if (mkdtemp(tmpl) == NULL)
		return -1;
	f->top = xstrdup(tmpl);
	f->root = sub(f->top, "sessions");
	f->s = sub(f->root, "s");
	f->out = sub(f->top, "mine");
	put(f->s, "session.ini", "[session]\nstart = \"2030-01-07\"\n");
	put(f->s, "journal.csv", "seq\n");
	m = sub(f->s, "module");
	put(m, "module.ini", "[module]\n");
	free(m);
	sessdir_set_root(f->root);
	sessdir_use_openat2(use_openat2);
	*state = f;
	return 0;
}

static int setup_openat2(void **state) { return setup_with(state, 1); }
static int setup_walk(void **state) { return setup_with(state, 0); }

static int
teardown(void **state)
{
	struct fx *f = *state;

	fx_rmtree(f->top);	/* frees it */
	free(f->root);
	free(f->s);
	free(f->out);
	free(f);
	sessdir_set_root(NULL);
	sessdir_use_openat2(1);
	return 0;
}

/* Opens rel in the session at path as kind: the descriptor's errno. */
static int
open_errno(const char *path, const char *rel, int flags,
    enum sessdir_kind kind)
{
	struct sessdir sd;
	int fd, e;

	assert_int_equal(sessdir_open(path, &sd, NULL), 0);
	errno = 0;
	fd = sessdir_openat(&sd, rel, flags, 0, kind);
	e = fd >= 0 ? 0 : errno;
	if (fd >= 0)
		close(fd);
	sessdir_close(&sd);
	return e;
}

static void
test_inside_opens(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	int fd;

	assert_int_equal(sessdir_open(f->s, &sd, NULL), 0);
	assert_int_equal(sd.inside, 1);
	fd = sessdir_openat(&sd, "journal.csv", O_RDONLY, 0, SESSDIR_FILE);
	assert_true(fd >= 0);
	close(fd);
	fd = sessdir_openat(&sd, "session.ini", O_RDONLY, 0, SESSDIR_SECRET);
	assert_true(fd >= 0);
	close(fd);
	fd = sessdir_openat(&sd, "module/module.ini", O_RDONLY, 0,
	    SESSDIR_FILE);
	assert_true(fd >= 0);
	close(fd);
	sessdir_close(&sd);
}

/* The session named from the sessions directory itself (cwd) and with
 * doubled slashes is still the same session, inside. */
static void
test_inside_relative(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *cwd = getcwd(NULL, 0), *doubled = xasprintf("%s//s", f->root);

	assert_int_equal(chdir(f->root), 0);
	assert_int_equal(sessdir_open("s", &sd, NULL), 0);
	assert_int_equal(sd.inside, 1);
	sessdir_close(&sd);
	assert_int_equal(chdir(cwd), 0);
	assert_int_equal(sessdir_open(doubled, &sd, NULL), 0);
	assert_int_equal(sd.inside, 1);
	sessdir_close(&sd);
	free(doubled);
	free(cwd);
}

/* A symbolic link anywhere beneath the sessions directory is refused: the
 * session directory itself, a directory on the way, the file. */
static void
test_symlinks_refused(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *link = path_join(f->root, "link"), *p;

	assert_int_equal(symlink(f->s, link), 0);
	assert_int_equal(sessdir_open(link, &sd, NULL), -1);
	assert_int_equal(errno, ENOTSAFE);
	p = path_join(f->s, "j2");
	assert_int_equal(symlink("journal.csv", p), 0);
	free(p);
	assert_int_equal(open_errno(f->s, "j2", O_RDONLY, SESSDIR_FILE),
	    ENOTSAFE);
	p = path_join(f->s, "mod");
	assert_int_equal(symlink("module", p), 0);
	free(p);
	assert_int_equal(open_errno(f->s, "mod/module.ini", O_RDONLY,
	    SESSDIR_FILE), ENOTSAFE);
	assert_int_equal(open_errno(f->s, "../s/journal.csv", O_RDONLY,
	    SESSDIR_FILE) != 0, 1);
	assert_int_equal(open_errno(f->s, "/etc/passwd", O_RDONLY,
	    SESSDIR_FILE), ENOTSAFE);
	free(link);
}

/* "..": out of the sessions directory is refused, not taken outside. */
static void
test_dotdot_refused(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *p = xasprintf("%s/../sessions/s", f->root);

	assert_int_equal(sessdir_open(p, &sd, NULL), -1);
	assert_int_equal(errno, ENOTSAFE);
	free(p);
}

static void
test_two_links_refused(void **state)
{
	struct fx *f = *state;
	char *a = path_join(f->s, "journal.csv"), *b = path_join(f->top, "x");

	assert_int_equal(link(a, b), 0);
	assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
	    SESSDIR_FILE), ENOTSAFE);
	assert_int_equal(open_errno(f->s, "journal.csv", O_WRONLY | O_APPEND,
	    SESSDIR_FILE), ENOTSAFE);
	free(a);
	free(b);
}

/* A FIFO is refused at once (never waited on), for reading and writing. */
static void
test_fifo_refused(void **state)
{
	struct fx *f = *state;
	char *p = path_join(f->s, "journal.csv");

	assert_int_equal(unlink(p), 0);
	assert_int_equal(mkfifo(p, 0660), 0);
	assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
	    SESSDIR_FILE), ENOTREGULAR);
	assert_int_equal(open_errno(f->s, "journal.csv", O_WRONLY,
	    SESSDIR_FILE), ENOTREGULAR);
	free(p);
}

static void
test_wrong_type_or_mode_refused(void **state)
{
	struct fx *f = *state;
	char *p = path_join(f->s, "journal.csv");

	assert_int_equal(open_errno(f->s, "module", O_RDONLY, SESSDIR_FILE),
	    ENOTREGULAR);
	assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
	    SESSDIR_DIR), ENOTDIR);
	assert_int_equal(chmod(p, 0666), 0);
	assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
	    SESSDIR_FILE), ENOTSAFE);
	assert_int_equal(chmod(p, 02660), 0);
	assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
	    SESSDIR_FILE), ENOTSAFE);
	/* Another group than the sessions directory's (root can make one). */
	if (geteuid() == 0) {
		assert_int_equal(chmod(p, 0660), 0);
		assert_int_equal(chown(p, (uid_t)-1, getgid() + 1), 0);
		assert_int_equal(open_errno(f->s, "journal.csv", O_RDONLY,
		    SESSDIR_FILE), ENOTSAFE);
	}
	free(p);
}

/* A participant's own directory of links to the real session's files
 * (the attack of issue 16): outside, so the group is not lent, and the
 * links are refused anyway. */
static void
test_outside_gets_no_group(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *target = path_join(f->s, "journal.csv");
	char *ln = path_join(f->out, "journal.csv");
	int fd;

	assert_int_equal(symlink(target, ln), 0);
	assert_int_equal(sessdir_open(f->out, &sd, NULL), 0);
	assert_int_equal(sd.inside, 0);
	assert_int_equal(privilege_held(), 0);
	fd = sessdir_openat(&sd, "journal.csv", O_RDONLY, 0, SESSDIR_FILE);
	assert_int_equal(fd, -1);
	assert_int_equal(errno, ENOTSAFE);
	sessdir_close(&sd);
	/* Outside, the checks for a shared host's files do not apply: a
	 * user's own session may be any group, with hard links. */
	put(f->out, "own.csv", "x\n");
	free(ln);
	ln = path_join(f->out, "own.csv");
	free(target);
	target = path_join(f->top, "own2");
	assert_int_equal(link(ln, target), 0);
	assert_int_equal(open_errno(f->out, "own.csv", O_RDONLY,
	    SESSDIR_FILE), 0);
	free(target);
	free(ln);
}

static void
test_tree(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *real = NULL, *m = path_join(f->s, "module"), *p;

	assert_int_equal(sessdir_open(f->s, &sd, NULL), 0);
	assert_int_equal(sessdir_tree(&sd, "module", &real), 0);
	assert_non_null(real);
	assert_non_null(strstr(real, "/sessions/s/module"));
	free(real);
	p = path_join(m, "page.md");
	assert_int_equal(symlink("/etc/passwd", p), 0);
	assert_int_equal(sessdir_tree(&sd, "module", &real), -1);
	assert_int_equal(errno, ENOTSAFE);
	assert_null(real);
	assert_int_equal(unlink(p), 0);
	assert_int_equal(mkfifo(p, 0660), 0);
	assert_int_equal(sessdir_tree(&sd, "module", &real), -1);
	assert_int_equal(errno, ENOTREGULAR);
	free(p);
	free(m);
	sessdir_close(&sd);
}

static void
test_subdir(void **state)
{
	struct fx *f = *state;
	struct sessdir sd;
	char *p = path_join(f->s, "drafts");
	int fd;

	assert_int_equal(sessdir_open(f->s, &sd, NULL), 0);
	fd = sessdir_subdir(&sd, "drafts", 0770);
	assert_true(fd >= 0);
	close(fd);
	fd = sessdir_subdir(&sd, "drafts", 0770);	/* there already */
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(rmdir(p), 0);
	assert_int_equal(symlink("/tmp", p), 0);
	assert_int_equal(sessdir_subdir(&sd, "drafts", 0770), -1);
	assert_int_equal(errno, ENOTSAFE);
	free(p);
	sessdir_close(&sd);
}

#define BOTH(t) cmocka_unit_test_setup_teardown(t, setup_openat2, teardown), \
	cmocka_unit_test_setup_teardown(t, setup_walk, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		BOTH(test_inside_opens),
		BOTH(test_inside_relative),
		BOTH(test_symlinks_refused),
		BOTH(test_dotdot_refused),
		BOTH(test_two_links_refused),
		BOTH(test_fifo_refused),
		BOTH(test_wrong_type_or_mode_refused),
		BOTH(test_outside_gets_no_group),
		BOTH(test_tree),
		BOTH(test_subdir),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
