/*
 * module_fixture.h -- temporary module directories for the content and
 * check tests (header-only: each test is one .c file).
 *
 * fx_tempdir() makes an empty directory under $TMPDIR (or /tmp);
 * fx_write() writes a file in it, making the directories on the way;
 * fx_rmtree() removes the whole tree (symbolic links are removed, never
 * followed); fx_find_module() finds a module directory of the source tree
 * (e.g. "content") from wherever the test runs.
 */
#ifndef CONVENE_TEST_MODULE_FIXTURE_H
#define CONVENE_TEST_MODULE_FIXTURE_H

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static inline char *
fx_tempdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/convene-test-XXXXXX",
	    tmp != NULL && *tmp != '\0' ? tmp : "/tmp");

	if (mkdtemp(tmpl) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return tmpl;
}

static inline void
fx_mkdirs(const char *path)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		mkdir(p, 0777);
		*s = '/';
	}
	free(p);
}

static inline void
fx_write_n(const char *dir, const char *rel, const char *data, size_t len)
{
	char *path = path_join(dir, rel);
	FILE *f;

	fx_mkdirs(path);
	f = fopen(path, "wb");
	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		abort();
	}
	free(path);
}

static inline void
fx_write(const char *dir, const char *rel, const char *text)
{
	fx_write_n(dir, rel, text, strlen(text));
}

static inline void
fx_symlink(const char *dir, const char *rel, const char *target)
{
	char *path = path_join(dir, rel);

	fx_mkdirs(path);
	if (symlink(target, path) != 0) {
		perror(path);
		abort();
	}
	free(path);
}

static inline int
fx_remove(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static inline void
fx_rmtree(char *dir)
{
	if (dir == NULL)
		return;
	nftw(dir, fx_remove, 16, FTW_DEPTH | FTW_PHYS);
	free(dir);
}

/* The module directory `rel` of the source tree (caller frees), looked
 * for here and up to two levels up; NULL when absent. */
static inline char *
fx_find_module(const char *rel)
{
	static const char *const up[] = { "", "../", "../../" };
	char *dir, *ini;
	size_t i;

	for (i = 0; i < NELEM(up); i++) {
		dir = xasprintf("%s%s", up[i], rel);
		ini = path_join(dir, "module.ini");
		if (access(ini, R_OK) == 0) {
			free(ini);
			return dir;
		}
		free(ini);
		free(dir);
	}
	return NULL;
}

#endif
