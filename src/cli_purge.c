/*
 * cli_purge.c -- `convene purge SESSION [--yes] [--force]`: personal data
 * out of a session after the follow-up (purge.h; convene(1), PURGE).
 *
 * Refused (exit 1, nothing changed) while any terminal is open on the
 * session (it follows the journal that purge replaces) or before the
 * workshop is over, unless --force; asks for confirmation on a terminal,
 * and needs --yes without one.  Prints what it removed, or that there was
 * nothing left to remove.
 */
#include "cli.h"

#include <getopt.h>
#include <libintl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "journal.h"
#include "presence.h"
#include "purge.h"
#include "session.h"
#include "sessdir.h"

struct purge_args {
	const char *session;
	int yes, force;
};

static int
parse_args(int argc, char **argv, struct purge_args *a)
{
	static const struct option longopts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'y')
			a->yes = 1;
		else if (c == 'f')
			a->force = 1;
		else
			return cli_bad_option("purge", argc, argv);
	}
	if (optind != argc - 1)
		return cli_usage("purge");
	a->session = argv[optind];
	return 0;
}

/* Refusals before anything is asked or changed: open terminals, a
 * workshop not over (both unless --force). */
static int
refused(struct session *s, const struct purge_args *a)
{
	char *err = NULL;
	int open;

	if (a->force)
		return 0;
	open = presence_scan(s->dir, NULL, NULL, &err);
	if (open < 0)
		return cli_fail_free(EXIT_DATA, err);
	if (open > 0)
		return cli_fail(EXIT_REFUSED, ngettext("%d terminal is open on "
		    "%s: close it first (or --force)", "%d terminals are open "
		    "on %s: close them first (or --force)", open), open,
		    s->dir);
	if (!purge_session_over(s, journal_now_ms()))
		return cli_fail(EXIT_REFUSED, _("the workshop in %s is not "
		    "over (its last day has not passed and its agenda was not "
		    "ended): purge after the follow-up (or --force)"), s->dir);
	return 0;
}

static int
confirmed(const struct session *s, const struct purge_args *a)
{
	struct purge_report p;
	char line[16];

	if (a->yes)
		return 0;
	if (!isatty(STDIN_FILENO))
		return cli_fail(EXIT_REFUSED, "%s", _("purge cannot be "
		    "undone: confirm with --yes when not at a terminal"));
	purge_preview(s, &p);
	cli_print(stderr, _("Purge %s? It removes names: %zu, "
	    "organisations: %zu, email addresses: %zu, PINs: %zu, and every "
	    "draft and earlier export (the ideas, votes and counts stay). "
	    "This cannot be undone. Purge? [y/N] "), s->dir, p.names,
	    p.orgs, p.emails, p.pins);
	if (fgets(line, sizeof line, stdin) == NULL ||
	    (line[0] != 'y' && line[0] != 'Y'))
		return cli_fail(EXIT_REFUSED, "%s", _("purge cancelled: "
		    "nothing was changed"));
	return 0;
}

static void
report(const char *dir, const struct purge_report *r)
{
	if (r->names + r->orgs + r->emails + r->pins + r->drafts +
	    r->exports == 0) {
		printf(_("%s holds no personal data: nothing to purge.\n"),
		    dir);
		return;
	}
	printf(_("Purged %s:\n"), dir);
	printf(ngettext("  %zu name replaced by \"participant N\"\n",
	    "  %zu names replaced by \"participant N\"\n", r->names),
	    r->names);
	printf(ngettext("  %zu organisation removed\n",
	    "  %zu organisations removed\n", r->orgs), r->orgs);
	printf(ngettext("  %zu email address removed\n",
	    "  %zu email addresses removed\n", r->emails), r->emails);
	printf(ngettext("  %zu participant's PIN removed\n",
	    "  %zu participants' PINs removed\n", r->pins), r->pins);
	printf(ngettext("  %zu draft removed\n", "  %zu drafts removed\n",
	    r->drafts), r->drafts);
	printf(ngettext("  %zu file of an earlier export removed\n",
	    "  %zu files of earlier exports removed\n", r->exports),
	    r->exports);
	printf("%s\n", _("Ideas, questions, votes, answers and counts are "
	    "kept; export again for files without personal data."));
}

int
cli_purge(int argc, char **argv)
{
	struct purge_args a;
	struct purge_report rep;
	struct session *s;
	char *err = NULL;
	int status = 0, r;

	if ((r = parse_args(argc, argv, &a)) != 0)
		return r;
	if ((s = cli_open_facilitator(a.session, &status)) == NULL)
		return status;
	/* Inside the sessions directory, purging (the journal rewritten
	 * under its lock, drafts and exports removed) is for the group's
	 * members and root, as the writer service's verbs are: the
	 * passphrase alone (or none) would let a participant's setgid
	 * convene do it, and hold the lock where its user can stop it. */
	if (s->sd.inside && getuid() != 0 &&
	    !sessdir_caller_in_group(&s->sd)) {
		session_close(s);
		return cli_fail(EXIT_REFUSED, "%s", _("only a facilitator (a "
		    "member of the sessions directory's group) may do this"));
	}
	if ((status = refused(s, &a)) != 0 ||
	    (status = confirmed(s, &a)) != 0) {
		session_close(s);
		return status;
	}
	r = purge_run(s, &rep, &err);
	if (r == 0)
		report(a.session, &rep);
	session_close(s);
	return r == 0 ? EXIT_DONE : cli_fail_free(r == 1 ? EXIT_REFUSED :
	    EXIT_DATA, err);
}
