/*
 * session_fixture.h -- a fresh session from a tiny module, for the tests
 * that run commands against a real journal (header-only: each test is one
 * .c file).
 *
 * sfx_new() makes a temporary directory (base) holding module/module.ini
 * with the text given and session/, a session made from that module with
 * the title given, starting today in SFX_ZONE (the zone the module text
 * must name) with a budget of SFX_BUDGET dots, and opens it for writing.
 * sfx_free() closes that session, removes the whole directory and frees
 * the fixture; sfx_teardown() does so as a cmocka teardown, for a setup
 * that leaves the fixture in *state.  sfx_open() opens another view of a
 * session directory; sfx_ok() checks a command's status.  Any failure
 * fails the running test with the library's message.
 */
#ifndef CONVENE_TEST_SESSION_FIXTURE_H
#define CONVENE_TEST_SESSION_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>

#include "module_fixture.h"
#include "session.h"
#include "tz.h"
#include "util.h"

#define SFX_ZONE "Asia/Bangkok"
#define SFX_BUDGET 5

struct session_fixture {
	char *base;		/* the temporary directory */
	char *module;		/* base/module, holding module.ini */
	char *dir;		/* base/session */
	struct session *s;	/* dir, open for writing: keeps every text */
};

/* session_open_with, or the test fails. */
static inline struct session *
sfx_open(const char *dir, unsigned flags)
{
	char *err = NULL;
	struct session *s = session_open_with(dir, flags, &err);

	if (s == NULL)
		fail_msg("session_open_with %s: %s", dir, err);
	return s;
}

/* A command's status must be 0: sfx_ok(cmd_x(..., &err), &err).  The
 * message is read through the pointer, after the command has run (an
 * argument `err` could be read before it), and freed. */
static inline void
sfx_ok(int status, char **err)
{
	if (status != 0)
		fail_msg("status %d: %s", status, *err != NULL ? *err : "?");
	free(*err);
	*err = NULL;
}

static inline struct session_fixture *
sfx_new(const char *module_ini, const char *title)
{
	struct session_fixture *f = xcalloc(1, sizeof *f);
	struct session_settings set = { 0 };
	char today[16], *err = NULL;

	f->base = fx_tempdir();
	fx_write(f->base, "module/module.ini", module_ini);
	f->module = path_join(f->base, "module");
	f->dir = path_join(f->base, "session");
	assert_int_equal(tz_today(SFX_ZONE, today, sizeof today), 0);
	set.title = (char *)(uintptr_t)title;
	set.start = today;
	set.budget = SFX_BUDGET;
	if (session_create(f->dir, f->module, &set, &err) != 0)
		fail_msg("session_create: %s", err);
	f->s = sfx_open(f->dir, 0);
	return f;
}

static inline void
sfx_free(struct session_fixture *f)
{
	if (f == NULL)
		return;
	session_close(f->s);
	fx_rmtree(f->base);
	free(f->module);
	free(f->dir);
	free(f);
}

static inline int
sfx_teardown(void **state)
{
	sfx_free(*state);
	return 0;
}

#endif
