/*
 * undo_fixture.h -- a fresh session (session_fixture.h) with an undo stack,
 * for the tests of `u` (header-only: each test is one .c file).
 *
 * ufx_new() makes the session from the module text and title given and a
 * stack that keeps the newest `depth` actions; ufx_free() frees both
 * (ufx_teardown() as a cmocka teardown).
 * ufx_do() and ufx_undo() must succeed, or the test fails with the
 * command's message.
 */
#ifndef CONVENE_TEST_UNDO_FIXTURE_H
#define CONVENE_TEST_UNDO_FIXTURE_H

#include <stdlib.h>

#include "session_fixture.h"
#include "undo.h"
#include "util.h"

struct undo_fixture {
	struct session_fixture *sf;
	struct undo_stack *u;
};

static inline struct undo_fixture *
ufx_new(const char *module_ini, const char *title, size_t depth)
{
	struct undo_fixture *f = xcalloc(1, sizeof *f);

	f->sf = sfx_new(module_ini, title);
	f->u = undo_stack_new(depth);
	return f;
}

static inline void
ufx_free(struct undo_fixture *f)
{
	if (f == NULL)
		return;
	undo_stack_free(f->u);
	sfx_free(f->sf);
	free(f);
}

static inline int
ufx_teardown(void **state)
{
	ufx_free(*state);
	return 0;
}

static inline void
ufx_do(struct undo_fixture *f, const struct undo_action *a)
{
	char *err = NULL;

	sfx_ok(undo_do(f->u, f->sf->s, a, &err), &err);
}

static inline void
ufx_undo(struct undo_fixture *f)
{
	char *err = NULL;

	sfx_ok(undo_undo(f->u, f->sf->s, NULL, &err), &err);
}

#endif
