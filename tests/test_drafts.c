/* test_drafts.c -- unsent ideas on disk: atomic saves, loads, discards. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "drafts.h"
#include "text.h"
#include "util.h"
#include "module_fixture.h"

#define KOREAN "모바일 신분증 갱신을 한 번에"
#define THAI "ลดเอกสารที่ต้องยื่นซ้ำ"

/* A fresh session-like directory per test. */
static int
setup(void **state)
{
	char tmpl[] = "/tmp/test_drafts.XXXXXX";
	char *dir = mkdtemp(tmpl);

	if (dir == NULL)
		return -1;
	*state = xstrdup(dir);
	return 0;
}

static int
teardown(void **state)
{
	fx_rmtree(*state);	/* frees it */
	return 0;
}

/* Files in SESSION/drafts, counted (dot files included). */
static int
count_files(const char *session)
{
	char *dir = path_join(session, DRAFTS_DIR);
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	free(dir);
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static void
write_file(const char *path, const char *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void
test_valid_pids(void **state)
{
	(void)state;
	assert_true(drafts_valid_pid("p1"));
	assert_true(drafts_valid_pid("p_12-x"));
	assert_false(drafts_valid_pid(NULL));
	assert_false(drafts_valid_pid(""));
	assert_false(drafts_valid_pid(".."));
	assert_false(drafts_valid_pid("../p1"));
	assert_false(drafts_valid_pid("a/b"));
	assert_false(drafts_valid_pid(".p1"));
	assert_false(drafts_valid_pid("-p1"));
	assert_false(drafts_valid_pid("p 1"));
	assert_false(drafts_valid_pid("p1\n"));
	assert_false(drafts_valid_pid("김"));
	{
		char longest[66];

		memset(longest, 'p', 64);
		longest[64] = '\0';
		assert_true(drafts_valid_pid(longest));
		longest[64] = 'p';
		longest[65] = '\0';
		assert_false(drafts_valid_pid(longest));
	}
}

static void
test_path(void **state)
{
	char *p = drafts_path("/x/s", "p7");

	(void)state;
	assert_string_equal(p, "/x/s/drafts/p7.txt");
	free(p);
	assert_null(drafts_path("/x/s", "../../etc/passwd"));
}

static void
test_round_trip_keeps_bytes(void **state)
{
	const char *dir = *state;
	const char *text = KOREAN "\n" THAI "\r\n  tab\there  ";
	char *got = NULL, *err = NULL;

	assert_int_equal(drafts_save(dir, "p1", text, &err), 0);
	assert_null(err);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), 0);
	assert_non_null(got);
	assert_string_equal(got, text);
	free(got);
	/* Only the draft itself is left: no temporary file. */
	assert_int_equal(count_files(dir), 1);
}

static void
test_save_makes_the_directory(void **state)
{
	const char *dir = *state;
	char *draftdir = path_join(dir, DRAFTS_DIR), *err = NULL;
	struct stat sb;

	assert_int_equal(stat(draftdir, &sb), -1);
	assert_int_equal(drafts_save(dir, "p2", "idea", &err), 0);
	assert_int_equal(stat(draftdir, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	free(draftdir);
}

static void
test_overwrite_replaces(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL;

	assert_int_equal(drafts_save(dir, "p1", "a much longer first draft",
	    &err), 0);
	assert_int_equal(drafts_save(dir, "p1", "short", &err), 0);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), 0);
	assert_string_equal(got, "short");
	free(got);
	assert_int_equal(count_files(dir), 1);
}

static void
test_drafts_are_per_participant(void **state)
{
	const char *dir = *state;
	char *a = NULL, *b = NULL, *err = NULL;

	assert_int_equal(drafts_save(dir, "p1", "mine", &err), 0);
	assert_int_equal(drafts_save(dir, "p2", THAI, &err), 0);
	assert_int_equal(drafts_load(dir, "p1", &a, &err), 0);
	assert_int_equal(drafts_load(dir, "p2", &b, &err), 0);
	assert_string_equal(a, "mine");
	assert_string_equal(b, THAI);
	free(a);
	free(b);
}

static void
test_missing_is_none(void **state)
{
	char *got = (char *)1, *err = NULL;

	assert_int_equal(drafts_load(*state, "p9", &got, &err), 0);
	assert_null(got);
	assert_null(err);
}

static void
test_blank_discards(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL, *path = drafts_path(dir, "p1");

	assert_int_equal(drafts_save(dir, "p1", "keep me", &err), 0);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(drafts_save(dir, "p1", " \n\t ", &err), 0);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), 0);
	assert_null(got);
	assert_int_equal(drafts_save(dir, "p1", "", &err), 0);
	free(path);
}

static void
test_discard(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL;

	assert_int_equal(drafts_save(dir, "p3", "gone soon", &err), 0);
	assert_int_equal(drafts_discard(dir, "p3", &err), 0);
	assert_int_equal(drafts_load(dir, "p3", &got, &err), 0);
	assert_null(got);
	/* Twice is fine. */
	assert_int_equal(drafts_discard(dir, "p3", &err), 0);
	assert_null(err);
}

static void
test_invalid_pid_refused(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL;

	assert_int_equal(drafts_save(dir, "../x", "t", &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "../x"));
	free(err);
	err = NULL;
	assert_int_equal(drafts_load(dir, "a/b", &got, &err), -1);
	assert_null(got);
	free(err);
	err = NULL;
	assert_int_equal(drafts_discard(dir, "", &err), -1);
	free(err);
}

/* A temporary file left by a process killed in the middle of a save is
 * never taken for the draft. */
static void
test_leftover_temp_ignored(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL, *tmp;

	assert_int_equal(drafts_save(dir, "p1", "the saved one", &err), 0);
	tmp = xasprintf("%s/%s/.p1.txt.AbC123", dir, DRAFTS_DIR);
	write_file(tmp, "half writ", 9);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), 0);
	assert_string_equal(got, "the saved one");
	free(got);
	free(tmp);
}

static void
test_damaged_refused_and_kept(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL, *path = drafts_path(dir, "p1");

	assert_int_equal(drafts_save(dir, "p1", "x", &err), 0);
	write_file(path, "bad \xff\xfe bytes", 11);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), -1);
	assert_null(got);
	assert_non_null(err);
	assert_non_null(strstr(err, "damaged"));
	free(err);
	assert_int_equal(access(path, F_OK), 0);
	free(path);
}

static void
test_too_long_refused(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL, *path = drafts_path(dir, "p1");
	char *big = xmalloc(DRAFTS_MAX_BYTES + 10);

	assert_int_equal(drafts_save(dir, "p1", "x", &err), 0);
	memset(big, 'a', DRAFTS_MAX_BYTES + 10);
	write_file(path, big, DRAFTS_MAX_BYTES + 10);
	assert_int_equal(drafts_load(dir, "p1", &got, &err), -1);
	assert_null(got);
	assert_non_null(err);
	assert_non_null(strstr(err, "too long"));
	free(err);
	free(big);
	free(path);
}

/* A directory that cannot be written: the save fails with a message and
 * the old draft stays whole. */
static void
test_unwritable_keeps_old(void **state)
{
	const char *dir = *state;
	char *got = NULL, *err = NULL, *draftdir = path_join(dir, DRAFTS_DIR);

	if (geteuid() == 0) {
		free(draftdir);
		skip();		/* root writes anywhere */
	}
	assert_int_equal(drafts_save(dir, "p1", "old", &err), 0);
	assert_int_equal(chmod(draftdir, 0500), 0);
	assert_int_equal(drafts_save(dir, "p1", "new", &err), -1);
	assert_non_null(err);
	free(err);
	assert_int_equal(chmod(draftdir, 0700), 0);
	assert_int_equal(drafts_load(dir, "p1", &got, NULL), 0);
	assert_string_equal(got, "old");
	free(got);
	free(draftdir);
}

/* Failures that root meets too: drafts/ is a file; the draft's name is
 * taken by a directory (the rename fails: the temporary file goes). */
static void
test_failures_leave_nothing(void **state)
{
	const char *dir = *state;
	char *err = NULL, *draftdir = path_join(dir, DRAFTS_DIR);
	char *path = drafts_path(dir, "p1");

	write_file(draftdir, "", 0);
	assert_int_equal(drafts_save(dir, "p1", "text", &err), -1);
	assert_non_null(err);
	free(err);
	err = NULL;
	assert_int_equal(unlink(draftdir), 0);
	assert_int_equal(mkdir(draftdir, 0700), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(drafts_save(dir, "p1", "text", &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "p1.txt"));
	free(err);
	assert_int_equal(count_files(dir), 1);	/* the directory p1.txt */
	free(path);
	free(draftdir);
}

/* The draft is group-readable, so another terminal of the same person on
 * a setgid install can offer it again. */
static void
test_mode(void **state)
{
	const char *dir = *state;
	char *err = NULL, *path = drafts_path(dir, "p1");
	struct stat sb;
	mode_t old = umask(0007);

	assert_int_equal(drafts_save(dir, "p1", "x", &err), 0);
	umask(old);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0660);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_pids),
		cmocka_unit_test(test_path),
		cmocka_unit_test_setup_teardown(test_round_trip_keeps_bytes,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_makes_the_directory,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_overwrite_replaces,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_drafts_are_per_participant,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_is_none,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_blank_discards,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_discard, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_pid_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_leftover_temp_ignored,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_refused_and_kept,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_long_refused,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_keeps_old,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_failures_leave_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_mode, setup, teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
