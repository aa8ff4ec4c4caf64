/* test_purge.c -- convene purge: personal data out of the journal, every
 * record kept; a writer that waited on the old journal writes nothing; a
 * damaged journal is refused untouched; a second purge is a no-op. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "journal.h"
#include "purge.h"
#include "session.h"
#include "session_fixture.h"
#include "state.h"
#include "util.h"

static const char module_ini[] =
    "[module]\n"
    "title = Purge\n"
    "days = 1\n"
    "timezone = Asia/Bangkok\n";

static int
setup(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Purge");
	char *err = NULL, *id = NULL;

	sfx_ok(cmd_participant(f->s, NULL, "김민준", "KR", "MOIS",
	    "kim@example.kr", &id, &err), &err);
	free(id);
	sfx_ok(cmd_participant(f->s, NULL, "Somchai", "TH", "", "", &id,
	    &err), &err);
	free(id);
	sfx_ok(cmd_set_pin(f->s, "p2", "4321", &err), &err);
	sfx_ok(cmd_idea(f->s, "p1", NULL, "One stop shop", &id, &err), &err);
	free(id);
	*state = f;
	return 0;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void
test_purge_rewrites(void **state)
{
	struct session_fixture *f = *state;
	struct purge_report r;
	uint64_t seq = f->s->state->last_seq;
	char *err = NULL, *path = path_join(f->dir, "journal.csv"), *text;

	struct stat sb;

	/* The group's write bit survives whatever the umask. */
	assert_int_equal(chmod(path, 0660), 0);
	purge_preview(f->s, &r);
	assert_int_equal(r.names, 2);
	assert_int_equal(r.orgs, 1);
	assert_int_equal(r.emails, 1);
	assert_int_equal(r.pins, 1);
	assert_int_equal(purge_run(f->s, &r, &err), 0);
	assert_null(err);
	assert_int_equal(r.names, 2);
	assert_int_equal(r.orgs, 1);
	assert_int_equal(r.emails, 1);
	assert_int_equal(r.pins, 1);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0660);
	session_close(f->s);
	f->s = sfx_open(f->dir, 0);
	assert_int_equal(f->s->state->last_seq, seq);
	assert_int_equal(f->s->state->nparticipants, 2);
	assert_string_equal(f->s->state->participants[0].name,
	    "participant 1");
	assert_string_equal(f->s->state->participants[0].country, "KR");
	assert_string_equal(f->s->state->participants[0].org, "");
	assert_string_equal(f->s->state->participants[0].email, "");
	assert_null(f->s->state->participants[1].pin_hash);
	assert_int_equal(f->s->state->nideas, 1);
	assert_string_equal(state_idea_text(f->s->state, 0), "One stop shop");
	assert_int_equal(f->s->state->nbad, 0);
	text = read_all(path);
	assert_null(strstr(text, "김민준"));
	assert_null(strstr(text, "MOIS"));
	assert_null(strstr(text, "example.kr"));
	assert_null(strstr(text, "$"));		/* no crypt(3) hash */
	/* Twice: nothing left, the journal untouched. */
	assert_int_equal(purge_run(f->s, &r, &err), 0);
	assert_int_equal(r.names + r.orgs + r.emails + r.pins + r.drafts +
	    r.exports, 0);
	free(text);
	free(path);
}

/* A session opened before the purge (a script waiting on the lock) finds
 * its journal replaced and writes nothing, rather than into the old file;
 * opened again, it writes. */
static void
test_stale_writer(void **state)
{
	struct session_fixture *f = *state;
	struct session *old = sfx_open(f->dir, 0);
	struct purge_report r;
	char *err = NULL, *id = NULL;

	assert_int_equal(purge_run(f->s, &r, &err), 0);
	assert_int_equal(cmd_idea(old, "p1", NULL, "Late", &id, &err), 3);
	assert_non_null(strstr(err, "replaced"));
	free(err);
	err = NULL;
	assert_null(id);
	session_close(old);
	session_close(f->s);
	f->s = sfx_open(f->dir, 0);
	assert_int_equal(f->s->state->nideas, 1);
	sfx_ok(cmd_idea(f->s, "p1", NULL, "Late", &id, &err), &err);
	free(id);
}

/* A damaged record cannot be written back as it was: refused, the
 * journal byte for byte as before. */
static void
test_damaged_refused(void **state)
{
	struct session_fixture *f = *state;
	struct purge_report r;
	char *err = NULL, *path = path_join(f->dir, "journal.csv"), *before;
	FILE *j = fopen(path, "ab");

	assert_non_null(j);
	fputs("\"99\",\"garbage\"\r\n", j);
	fclose(j);
	before = read_all(path);
	session_close(f->s);
	f->s = sfx_open(f->dir, 0);
	assert_int_equal(purge_run(f->s, &r, &err), 1);
	assert_non_null(strstr(err, "damaged"));
	free(err);
	{
		char *after = read_all(path);

		assert_string_equal(after, before);
		free(after);
	}
	free(before);
	free(path);
}

static void
test_over(void **state)
{
	struct session_fixture *f = *state;
	int64_t now = journal_now_ms();

	/* Day 1 is today: not over until tomorrow. */
	assert_int_equal(purge_session_over(f->s, now), 0);
	assert_int_equal(purge_session_over(f->s, now + 2 * 86400000LL), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_purge_rewrites, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_stale_writer, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_refused, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_over, setup,
		    sfx_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
