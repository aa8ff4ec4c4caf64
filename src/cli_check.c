/* cli_check.c -- `convene check MODULE_DIR`.
 *
 * Each fault goes to stdout as "FILE:LINE: message" (so the report can be
 * piped and filtered), then "convene: N problems" to stderr and exit 3.  A
 * clean module prints a one-line summary to stdout and exits 0. */
#include "cli.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "i18n.h"

static void
print_summary(const struct check_report *r)
{
	unsigned long d = (unsigned long)r->days;

	/* e.g. "module.ini: ok: 4 days, 41 sessions, 32 pages, 3 cases,
	 * 5 polls, 8 evaluation questions" */
	printf("module.ini: %s: ", _("ok"));
	printf(ngettext("%lu day", "%lu days", d), d);
	fputs(", ", stdout);
	printf(ngettext("%zu session", "%zu sessions", r->nsessions),
	    r->nsessions);
	fputs(", ", stdout);
	printf(ngettext("%zu page", "%zu pages", r->npages), r->npages);
	fputs(", ", stdout);
	printf(ngettext("%zu case", "%zu cases", r->ncases), r->ncases);
	fputs(", ", stdout);
	printf(ngettext("%zu poll", "%zu polls", r->npolls), r->npolls);
	fputs(", ", stdout);
	printf(ngettext("%zu evaluation question", "%zu evaluation questions",
	    r->nevals), r->nevals);
	putchar('\n');
}

static int
print_faults(const struct check_report *r, int total)
{
	size_t i;
	char *line;

	for (i = 0; i < r->nfaults; i++) {
		line = check_fault_format(&r->faults[i]);
		cli_print(stdout, "%s\n", line);
		free(line);
	}
	if (fflush(stdout) != 0)
		return cli_fail(EXIT_DATA, "%s", _("cannot write the report"));
	if (r->unlisted > 0)
		cli_fail(EXIT_DATA, _("%zu more problems are not listed"),
		    r->unlisted);
	return cli_fail(EXIT_DATA, ngettext("%d problem", "%d problems",
	    (unsigned long)total), total);
}

int
cli_check(int argc, char **argv)
{
	struct check_report r;
	struct stat st;
	int total, rc;

	if (argc >= 2 && argv[1][0] == '-' && argv[1][1] != '\0') {
		cli_fail(EXIT_USAGE, _("unknown option: %s"), argv[1]);
		return cli_usage("check");
	}
	if (argc != 2)
		return cli_usage("check");
	if (stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode))
		return cli_fail(EXIT_DATA, _("%s: not a module directory"),
		    argv[1]);
	total = content_check(argv[1], &r);
	if (total == 0) {
		print_summary(&r);
		rc = fflush(stdout) == 0 ? EXIT_DONE :
		    cli_fail(EXIT_DATA, "%s", _("cannot write the report"));
	} else {
		rc = print_faults(&r, total);
	}
	check_report_free(&r);
	return rc;
}
