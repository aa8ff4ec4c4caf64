/* test_util.c -- the small helpers every part uses. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static void
test_str_to_long(void **state)
{
	long v = 7;

	(void)state;
	assert_int_equal(str_to_long("42", 1, 100, &v), 0);
	assert_int_equal(v, 42);
	assert_int_equal(str_to_long("-1440", -1440, 1440, &v), 0);
	assert_int_equal(v, -1440);
	v = 7;
	/* refused, and *out left alone */
	assert_int_equal(str_to_long("", 0, 9, &v), -1);
	assert_int_equal(str_to_long(NULL, 0, 9, &v), -1);
	assert_int_equal(str_to_long("4x", 0, 9, &v), -1);
	assert_int_equal(str_to_long("0", 1, 9, &v), -1);
	assert_int_equal(str_to_long("10", 1, 9, &v), -1);
	assert_int_equal(str_to_long("99999999999999999999", 0, LONG_MAX,
	    &v), -1);
	assert_int_equal(v, 7);
}

static void
test_path_join(void **state)
{
	char *p;

	(void)state;
	p = path_join("a", "b");
	assert_string_equal(p, "a/b");
	free(p);
	p = path_join("a/", "b");
	assert_string_equal(p, "a/b");
	free(p);
}

/* A FIFO (nobody at the other end), a directory and a device are refused
 * at once: nothing waits on them.  A FIFO opened without O_NONBLOCK would
 * hang this test. */
static void
test_odd_files(void **state)
{
	char dir[] = "/tmp/convene-test-util.XXXXXX", *fifo, *file, *buf;
	size_t len;
	int fd;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	fifo = path_join(dir, "fifo");
	file = path_join(dir, "file");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_non_null(f = fopen(file, "w"));
	fputs("text", f);
	assert_int_equal(fclose(f), 0);

	errno = 0;
	assert_null(file_read_all(fifo, 0, &len));
	assert_int_equal(errno, ENOTREGULAR);
	assert_null(file_read_all(dir, 0, &len));
	assert_int_equal(errno, ENOTREGULAR);
	assert_null(file_read_all("/dev/null", 0, &len));
	assert_int_equal(errno, ENOTREGULAR);
	assert_int_equal(file_open_regular(fifo, O_WRONLY | O_APPEND), -1);
	assert_int_equal(errno, ENOTREGULAR);
	assert_string_equal(file_strerror(ENOTREGULAR),
	    "not a regular file (a FIFO, a device or a directory)");
	assert_string_equal(file_strerror(ENOENT), strerror(ENOENT));

	/* A regular file reads as before, and its descriptor blocks. */
	assert_non_null(buf = file_read_all(file, 0, &len));
	assert_int_equal(len, 4);
	assert_string_equal(buf, "text");
	free(buf);
	assert_true((fd = file_open_regular(file, O_RDONLY)) >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);

	unlink(fifo);
	unlink(file);
	rmdir(dir);
	free(fifo);
	free(file);
}

/* Bytes are appended as they are, NULs too, and a NUL always follows. */
static void
test_strbuf(void **state)
{
	struct strbuf b = { NULL, 0, 0 };
	size_t i;

	(void)state;
	strbuf_add(&b, "", 0);
	assert_non_null(b.p);
	assert_string_equal(b.p, "");
	strbuf_add(&b, "a\0b", 3);
	assert_int_equal(b.n, 3);
	assert_memory_equal(b.p, "a\0b", 4);
	for (i = 0; i < 100; i++)
		strbuf_add(&b, "\xea\xb0\x80", 3);	/* 가: grows */
	assert_int_equal(b.n, 303);
	assert_int_equal(b.p[303], '\0');
	assert_memory_equal(b.p + 300, "\xea\xb0\x80", 3);
	free(b.p);
}

static void
expect_quoted(const char *in, const char *out)
{
	char *q = shell_quote(in);

	assert_string_equal(q, out);
	free(q);
}

static void
test_shell_quote(void **state)
{
	(void)state;
	expect_quoted("/tmp/convene-demo-Ab12_Z/session",
	    "/tmp/convene-demo-Ab12_Z/session");
	expect_quoted("/tmp/my sessions/s", "'/tmp/my sessions/s'");
	expect_quoted("/tmp/it's", "'/tmp/it'\\''s'");
	expect_quoted("$HOME;rm", "'$HOME;rm'");
	expect_quoted("/tmp/세션", "'/tmp/세션'");
	expect_quoted("", "''");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_str_to_long),
		cmocka_unit_test(test_path_join),
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_odd_files),
		cmocka_unit_test(test_shell_quote),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
