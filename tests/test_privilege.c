/*
 * test_privilege.c -- src/privilege.c: the convene group held only around
 * a session's files.  Without a setgid binary everything is a no-op; the
 * setgid case is imitated as root (an effective gid set before
 * privilege_init) and skipped otherwise.  tests/e2e/multiuser.sh tests the
 * real deployment with real users.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "privilege.h"
#include "util.h"

static mode_t
current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

static void
test_not_setgid_is_a_no_op(void **state)
{
	gid_t egid = getegid();

	(void)state;
	if (getegid() != getgid())
		skip();
	umask(022);
	setenv("CONVENE_LOCALEDIR", "/tmp/mine", 1);
	assert_int_equal(privilege_init(), 0);
	assert_int_equal(privilege_held(), 0);
	assert_string_equal(getenv("CONVENE_LOCALEDIR"), "/tmp/mine");
	unsetenv("CONVENE_LOCALEDIR");
	privilege_raise();
	assert_int_equal(getegid(), egid);
	assert_int_equal(current_umask(), 022);
	privilege_drop();
	privilege_drop();	/* unbalanced: harmless */
	assert_int_equal(getegid(), egid);
	assert_int_equal(privilege_drop_for_good(), 0);
	assert_int_equal(getegid(), egid);
}

static void
test_errno_survives(void **state)
{
	(void)state;
	privilege_init();
	errno = EACCES;
	privilege_raise();
	assert_int_equal(errno, EACCES);
	errno = ENOENT;
	privilege_drop();
	assert_int_equal(errno, ENOENT);
}

/* A temporary directory, setgid or not. */
static char *
temp_dir(int setgid)
{
	char *dir = xstrdup("/tmp/convene-priv.XXXXXX");

	assert_non_null(mkdtemp(dir));
	assert_int_equal(chmod(dir, setgid ? 02770 : 0770), 0);
	return dir;
}

static void
test_group_umask_in_setgid_dir(void **state)
{
	char *dir = temp_dir(1), *child;
	struct stat st;
	mode_t old;

	(void)state;
	assert_int_equal(stat(dir, &st), 0);
	if (!(st.st_mode & S_ISGID)) {	/* a file system without it */
		rmdir(dir);
		free(dir);
		skip();
	}
	umask(027);
	old = privilege_group_umask(dir);
	assert_int_equal(old, 027);
	assert_int_equal(current_umask(), 007);
	privilege_restore_umask(old);
	assert_int_equal(current_umask(), 027);

	/* A session directory not made yet: its parent decides. */
	child = path_join(dir, "session");
	old = privilege_group_umask(child);
	assert_int_equal(current_umask(), 007);
	privilege_restore_umask(old);
	free(child);
	child = xasprintf("%s/session/", dir);
	old = privilege_group_umask(child);
	assert_int_equal(current_umask(), 007);
	privilege_restore_umask(old);
	free(child);
	rmdir(dir);
	free(dir);
}

static void
test_group_umask_elsewhere_unchanged(void **state)
{
	char *dir = temp_dir(0), *child;
	mode_t old;

	(void)state;
	umask(027);
	old = privilege_group_umask(dir);
	assert_int_equal(old, 027);
	assert_int_equal(current_umask(), 027);
	privilege_restore_umask(old);
	child = path_join(dir, "a/b");	/* no parent: nothing to go by */
	old = privilege_group_umask(child);
	assert_int_equal(current_umask(), 027);
	privilege_restore_umask(old);
	free(child);
	old = privilege_group_umask("");
	assert_int_equal(current_umask(), 027);
	privilege_restore_umask(old);
	old = privilege_group_umask("relative-that-does-not-exist");
	assert_int_equal(current_umask(), 027);	/* "." is not setgid */
	privilege_restore_umask(old);
	rmdir(dir);
	free(dir);
}

/*
 * The setgid case, imitated as root: an effective gid other than the real
 * one, as exec of a setgid binary leaves it.  (Root could always take the
 * group back; what is tested is what the module does, not the kernel.)
 */
static void
test_held_raise_and_drop(void **state)
{
	const gid_t group = 4242;
	gid_t real = getgid();

	(void)state;
	if (geteuid() != 0 || getegid() != real)
		skip();
	assert_int_equal(setegid(group), 0);
	umask(022);
	setenv("CONVENE_LOCALEDIR", "/tmp/crafted", 1);
	setenv("ICU_DATA", "/tmp/crafted", 1);
	setenv("TERMINFO", "/tmp/crafted", 1);
	setenv("CONVENE_PASSPHRASE", "kept", 1);
	assert_int_equal(privilege_init(), 0);
	assert_int_equal(privilege_held(), 1);
	assert_int_equal(getegid(), real);	/* dropped at once */
	/* Files the user chose never reach a library of a setgid process. */
	assert_null(getenv("CONVENE_LOCALEDIR"));
	assert_null(getenv("ICU_DATA"));
	assert_null(getenv("TERMINFO"));
	assert_string_equal(getenv("CONVENE_PASSPHRASE"), "kept");
	unsetenv("CONVENE_PASSPHRASE");

	privilege_raise();
	assert_int_equal(getegid(), group);
	assert_int_equal(current_umask(), 002);
	privilege_raise();			/* nested */
	privilege_drop();
	assert_int_equal(getegid(), group);	/* still held */
	privilege_drop();
	assert_int_equal(getegid(), real);
	assert_int_equal(current_umask(), 022);
	privilege_drop();			/* unbalanced: harmless */
	assert_int_equal(getegid(), real);

	/* For good: raise does nothing any more. */
	privilege_raise();
	assert_int_equal(privilege_drop_for_good(), 0);
	assert_int_equal(getegid(), real);
	assert_int_equal(current_umask(), 022);
	assert_int_equal(privilege_held(), 0);
	privilege_raise();
	assert_int_equal(getegid(), real);
	privilege_drop();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_setgid_is_a_no_op),
		cmocka_unit_test(test_errno_survives),
		cmocka_unit_test(test_group_umask_in_setgid_dir),
		cmocka_unit_test(test_group_umask_elsewhere_unchanged),
		cmocka_unit_test(test_held_raise_and_drop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
