/*
 * journal_fixture.h -- a fresh temporary directory holding an empty
 * journal, for the journal's tests (header-only: each test is one .c
 * file).  jfx_setup() makes it (`name` tells the directories apart);
 * jfx_teardown() removes the whole directory, whatever a test left in it.
 */
#ifndef CONVENE_TEST_JOURNAL_FIXTURE_H
#define CONVENE_TEST_JOURNAL_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>

#include "journal.h"
#include "module_fixture.h"
#include "util.h"

struct fx {
	char dir[64];
	char *path;		/* DIR/journal.csv */
};

static inline int
jfx_setup(void **state, const char *name)
{
	struct fx *f = xcalloc(1, sizeof *f);
	char *err = NULL;

	snprintf(f->dir, sizeof f->dir, "/tmp/convene-test-%s-XXXXXX", name);
	if (mkdtemp(f->dir) == NULL)
		return -1;
	f->path = path_join(f->dir, "journal.csv");
	if (journal_create(f->path, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	*state = f;
	return 0;
}

static inline int
jfx_teardown(void **state)
{
	struct fx *f = *state;

	fx_rmtree(xstrdup(f->dir));
	free(f->path);
	free(f);
	return 0;
}

#endif
