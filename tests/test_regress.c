/*
 * test_regress.c -- inputs that once broke convene, found by the fuzzers
 * of tests/fuzz/ (and by the hostile-input tests), kept so that they never
 * break it again.  Each test names the target that found the input and
 * what went wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ini_scan.h"
#include "journal.h"
#include "text.h"
#include "util.h"

/* --- a fresh journal in a temporary directory ---------------------------- */

struct fixture {
	char dir[64];
	char *path;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "%s", "/tmp/convene-regress.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = path_join(f->dir, "journal.csv");
	if (journal_create(f->path, NULL) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	unlink(f->path);
	rmdir(f->dir);
	free(f->path);
	free(f);
	return 0;
}

struct collected {
	long n[16];
	size_t nrecords;
	unsigned long bad[16];
	size_t nbad;
};

static void
collect(const struct event *ev, void *ctx)
{
	struct collected *c = ctx;

	if (c->nrecords < NELEM(c->n))
		c->n[c->nrecords] = ev->n;
	c->nrecords++;
}

static void
collect_bad(unsigned long line, const char *why, void *ctx)
{
	struct collected *c = ctx;

	(void)why;
	if (c->nbad < NELEM(c->bad))
		c->bad[c->nbad] = line;
	c->nbad++;
}

static const long extreme_n[] = {
	LONG_MAX, LONG_MIN, -LONG_MAX, 999999999999999999L,
	1000000000000000000L, -1000000000000000000L, 1, -1
};

static int
build_extremes(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev;
	size_t i;

	(void)ctx;
	(void)err;
	memset(&ev, 0, sizeof ev);
	ev.type = EV_TIMER;
	ev.actor = "facilitator";
	ev.terminal = "test";
	ev.ref = "extend";
	for (i = 0; i < NELEM(extreme_n); i++) {
		ev.n = extreme_n[i];
		journal_batch_add(b, &ev);
	}
	return 0;
}

/*
 * fuzz_replay: the writer formats n with "%ld", which gives 19 digits for
 * values of 10^18 and beyond, but the reader took at most 18 and reported
 * the record it had just acknowledged as damaged ("n is not a whole
 * number").  Fixed in journal.c's parse_n: every long reads back.
 */
static void
test_journal_n_extremes_read_back(void **state)
{
	struct fixture *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct collected c;
	char *err = NULL;
	size_t i;

	memset(&c, 0, sizeof c);
	assert_non_null(j);
	assert_int_equal(journal_append(j, build_extremes, NULL, NULL, NULL,
	    NULL, 0, &err), 0);
	journal_close(j);
	j = journal_open(f->path, 1, NULL);
	assert_int_equal(journal_read(j, collect, collect_bad, &c, &err),
	    (long)NELEM(extreme_n));
	assert_int_equal(c.nbad, 0);
	for (i = 0; i < NELEM(extreme_n); i++)
		assert_true(c.n[i] == extreme_n[i]);
	journal_close(j);
	free(err);
}

/* --- a torn tail glued to a record ended by a lone CR -------------------- */

static int
build_message(struct journal_batch *b, void *ctx, char **err)
{
	struct event ev;

	(void)err;
	memset(&ev, 0, sizeof ev);
	ev.type = EV_MESSAGE;
	ev.actor = "facilitator";
	ev.terminal = "test";
	ev.text = ctx;
	journal_batch_add(b, &ev);
	return 0;
}

static char msg_one[] = "one", msg_two[] = "two", msg_three[] = "three";

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = xmalloc(1 << 16);

	assert_non_null(fp);
	*len = fread(buf, 1, (1 << 16) - 1, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static void
write_file(const char *path, const char *buf, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, len, fp), len);
	fclose(fp);
}

static void
read_all(const char *path, struct collected *c)
{
	struct journal *j = journal_open(path, 1, NULL);
	char *err = NULL;

	assert_non_null(j);
	memset(c, 0, sizeof *c);
	assert_true(journal_read(j, collect, collect_bad, c, &err) >= 0);
	journal_close(j);
	free(err);
}

/*
 * fuzz_journal: a record whose line end lost its LF (ended by a lone CR,
 * which libcsv takes as a row end) with a quote opened after the CR on
 * the same line.  The reader took the record as whole without resetting
 * libcsv, which was still inside that quote, so the next read parsed the
 * rest of the file differently from a fresh reader: a writer's read under
 * the lock then moved past bytes the first read had held back as a torn
 * tail, and after the append a fresh reader reported a damaged record the
 * others never saw.  Fixed in journal.c's parse_one: a row that ends with
 * libcsv inside a new field is glued, like a second row on the line.
 */
static void
test_journal_cr_then_open_quote(void **state)
{
	struct fixture *f = *state;
	struct journal *j = journal_open(f->path, 0, NULL);
	struct collected before, after;
	char *err = NULL, *buf, *grown;
	size_t len, i;

	assert_non_null(j);
	assert_int_equal(journal_append(j, build_message, msg_one, NULL, NULL,
	    NULL, 0, &err), 0);
	assert_int_equal(journal_append(j, build_message, msg_two, NULL, NULL,
	    NULL, 0, &err), 0);
	journal_close(j);
	buf = read_file(f->path, &len);
	assert_true(len > 2 && buf[len - 2] == '\r' && buf[len - 1] == '\n');
	grown = xasprintf("%.*s\"9\n\",\"2026-11-28T01:39:05.632Z\","
	    "\"facilitator\r\n", (int)(len - 1), buf);
	write_file(f->path, grown, strlen(grown));

	/* A reader that reads it all at once ... */
	read_all(f->path, &before);
	/* ... and one that appends after its read. */
	j = journal_open(f->path, 0, NULL);
	assert_non_null(j);
	memset(&after, 0, sizeof after);
	assert_true(journal_read(j, collect, collect_bad, &after, &err) >= 0);
	assert_int_equal(after.nrecords, before.nrecords);
	assert_int_equal(after.nbad, before.nbad);
	assert_int_equal(journal_append(j, build_message, msg_three, NULL,
	    NULL, NULL, 0, &err), 0);
	journal_close(j);

	/* A fresh reader sees what the first saw, and the new record. */
	read_all(f->path, &after);
	assert_int_equal(after.nrecords, before.nrecords + 1);
	assert_int_equal(after.nbad, before.nbad);
	for (i = 0; i < before.nbad && i < NELEM(before.bad); i++)
		assert_int_equal(after.bad[i], before.bad[i]);
	/* The damaged line is reported, whichever reader looks. */
	assert_int_equal(before.nbad, 1);
	free(buf);
	free(grown);
	free(err);
}

/* --- module.ini faults quote names from the file ------------------------- */

static int
printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/*
 * fuzz_content: a key before the first section is quoted in its fault
 * ("'%s' comes before the first section"); a key holding ESC [ 2 J or
 * other control bytes went raw into `convene check`'s output, so a module
 * could repaint the organizer's terminal.  Fixed in ini_scan.c's fault():
 * every message goes through text_sanitize().  Invalid UTF-8 in a quoted
 * name becomes U+FFFD.
 */
static void
test_ini_fault_messages_are_safe(void **state)
{
	static const char ini[] =
	    "\x1b[2J\x07key\x01 = 1\n"
	    "[module]\n"
	    "ti\x1btle = a\n"
	    "ti\x1btle = b\n"
	    "\xff\xfe = c\n"
	    "[sec\x1b]\n"
	    "[sec\x1b]\n";
	struct ini_scan sc;
	size_t i;

	(void)state;
	memset(&sc, 0, sizeof sc);
	ini_scan_buffer(ini, sizeof ini - 1, &sc);
	assert_true(sc.nfaults >= 3);
	for (i = 0; i < sc.nfaults; i++) {
		assert_true(printable(sc.faults[i].message));
		assert_int_equal(text_validate(sc.faults[i].message,
		    strlen(sc.faults[i].message), NULL), 0);
	}
	ini_scan_free(&sc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_journal_n_extremes_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_journal_cr_then_open_quote, setup, teardown),
		cmocka_unit_test(test_ini_fault_messages_are_safe),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
