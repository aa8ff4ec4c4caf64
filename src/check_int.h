/*
 * check_int.h -- what check.c (module.ini) and check_files.c (pages and
 * cases) share.  Not for other modules: use check.h.
 */
#ifndef CONVENE_CHECK_INT_H
#define CONVENE_CHECK_INT_H

#include <stddef.h>

#include "check.h"
#include "ini_scan.h"
#include "util.h"

struct checker {
	const char *dir;
	struct check_report *r;
	char **pages;		/* real paths of pages already checked */
	size_t npages, cappages;
	/* A ring of buffers for check_show() and check_path(): big enough
	 * for any INI line (a path comes from one) or file name. */
	char show[4][INI_SCAN_LINE_MAX * 3 + 8];
	int nshow;
};

/* Adds a fault about `file` (relative to the module) at `line`. */
/* Counts a fault about to be reported as an odd file when e (the errno of
 * the failed read or content_resolve) is ENOTREGULAR. */
void check_odd_file(struct checker *c, int e);
void check_fault(struct checker *c, const char *file, unsigned line,
    const char *fmt, ...) PRINTFLIKE(4, 5);

/* Reads the module's file at path (`rel` in faults), of max bytes at most:
 * the bytes (the caller frees them; *len set), or NULL with the fault
 * reported (too large: "the page is ..." when page, else "the file is
 * ...", or why it cannot be read). */
char *check_read(struct checker *c, const char *rel, const char *path,
    int max, int page, size_t *len);

/* A value fit to quote in a message: control characters and invalid UTF-8
 * replaced by U+FFFD, cut after 40 characters with an ellipsis.  The
 * result lives until four more calls (of either function). */
const char *check_show(struct checker *c, const char *value);
/* The same for a file name or path, which is never cut. */
const char *check_path(struct checker *c, const char *path);

/* Reads `rel` (an INI file of the module), reports its line faults and its
 * size, and loads it: the dictionary, or NULL (fault reported).  *scan is
 * filled either way; the caller frees it (ini_scan_free). */
dictionary *check_ini_file(struct checker *c, const char *rel,
    struct ini_scan *scan);

/* Reports each key of `sec` (in `file`) that is not in the NULL-terminated
 * list `known`, suggesting the nearest known key for a likely typo. */
void check_unknown_keys(struct checker *c, const char *file,
    const struct ini_scan_section *sec, const char *const *known);

/* The line of key `key` in `sec`, else the section's own line. */
unsigned check_key_line(const struct ini_scan_section *sec, const char *key);

/* The value of "section:key" in d; NULL when absent or empty. */
const char *check_get(dictionary *d, const char *section, const char *key);

/* Reports faults of keys key1..keyMAX of a section: a gap in the numbers
 * or an empty value.  Returns how many are present. */
int check_numbered(struct checker *c, const char *file,
    const struct ini_scan_section *sec, dictionary *d, const char *key,
    int max);

/* A page named by `file`:`line` (the key `key`): the path must stay in the
 * module and name a regular file, whose text is then checked once. */
void check_page(struct checker *c, const char *file, unsigned line,
    const char *key, const char *rel);

/* A case named by a session (module.ini:`line`). */
void check_case_ref(struct checker *c, unsigned line, const char *id);

/* Every cases/ *.ini file (check_files.c). */
void check_cases(struct checker *c);

/* module.ini (check_module.c). */
void check_module_ini(struct checker *c);

#endif
