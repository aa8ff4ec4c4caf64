/*
 * check.h -- `convene check`: every fault of a module, with its place.
 *
 * content_check() reads a module directory the strict way and collects each
 * fault as {file, line, message}: the file relative to the module directory
 * ("module.ini", "cases/korea.ini", "pages/d1-opening.md"), the 1-based
 * line, or 0 when the fault is about the file as a whole (missing, too
 * large).  It never stops at the first fault and never prints; the list of
 * faults it knows is in man/convene-content.5 (DIAGNOSTICS).
 *
 * Faults come sorted: module.ini first, then the other files by name; in a
 * file, by line (a file's line-0 faults first), otherwise in the order
 * found.  After CHECK_MAX_FAULTS faults, and after INI_SCAN_MAX_FAULTS
 * faults in the lines of one INI file, the rest are only counted.
 */
#ifndef CONVENE_CHECK_H
#define CONVENE_CHECK_H

#include <stddef.h>

#define CHECK_MAX_FAULTS 1000

struct check_fault {
	char *file;		/* relative to the module directory */
	unsigned line;		/* 1-based; 0: the file as a whole */
	char *message;		/* translated, safe to print */
};

struct check_report {
	struct check_fault *faults;
	size_t nfaults, capfaults;
	size_t unlisted;	/* faults counted but not listed */
	size_t odd_files;	/* of the faults: a FIFO, device or directory
				 * where a file should be (exit 3, not 1) */
	/* What the module holds, for the summary of a clean check. */
	int days;		/* 0 when [module] days is not valid */
	size_t nsessions, npolls, nevals, ncases, npages;
};

/* Checks the module in `dir`.  Fills *out (its previous content is not
 * looked at; free it with check_report_free).  Returns the number of
 * faults, listed or not: 0 when the module is sound. */
int content_check(const char *dir, struct check_report *out);
void check_report_free(struct check_report *r);

/* "FILE:LINE: message", or "FILE: message" for line 0; caller frees. */
char *check_fault_format(const struct check_fault *f);

#endif
