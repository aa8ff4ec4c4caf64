/*
 * cli_export.c -- `convene export SESSION [--out DIR] [--raw] [--no-bom]
 *     [--with-email] [--certificate-days N]`.
 *
 * Opens the session read-only (so it works during a live workshop and on
 * a read-only copy), writes the files of export.h into DIR (default
 * SESSION/export) and prints DIR alone on one line.  --certificate-days N
 * overrides the module's rule for certificates (1 up to the workshop's
 * days; anything else is refused before anything is written).  Exit 3 when DIR
 * cannot be written; for the default DIR the message points to --out.
 *
 * On a shared host the binary is setgid `convene` so that participants
 * reach the journal only through convene; an export would hand them the
 * whole record, so when convene runs with privileges the caller lacks, it
 * asks for the facilitator passphrase first, and writes a --out directory
 * with the caller's own group, not the privileged one.
 */
#include "cli.h"

#include <getopt.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

#include "content.h"
#include "export.h"
#include "i18n.h"
#include "privilege.h"
#include "sessdir.h"
#include "session.h"
#include "util.h"

struct export_args {
	const char *session, *out;
	int flags;
	int certificate_days;		/* 0: the module's rule */
};

static int
parse_args(int argc, char **argv, struct export_args *a)
{
	const char *days_arg = NULL;
	int raw = 0, no_bom = 0, with_email = 0, status;
	const struct cli_option opts[] = {
		{ "out", &a->out, NULL },
		{ "raw", NULL, &raw },
		{ "no-bom", NULL, &no_bom },
		{ "with-email", NULL, &with_email },
		{ "certificate-days", &days_arg, NULL },
		{ NULL, NULL, NULL }
	};
	long days;

	memset(a, 0, sizeof *a);
	if ((status = cli_parse_options("export", argc, argv, opts)) != 0)
		return status;
	if (raw)
		a->flags |= EXPORT_RAW;
	if (no_bom)
		a->flags |= EXPORT_NO_BOM;
	if (with_email)
		a->flags |= EXPORT_WITH_EMAIL;
	if (days_arg != NULL) {
		if (str_to_long(days_arg, 1, CONTENT_MAX_DAYS, &days) != 0) {
			cli_fail(EXIT_USAGE, _("--certificate-days wants a "
			    "number of days from 1 to %d"), CONTENT_MAX_DAYS);
			return cli_usage("export");
		}
		a->certificate_days = (int)days;
	}
	if (optind != argc - 1 || (a->out != NULL && a->out[0] == '\0'))
		return cli_usage("export");
	a->session = argv[optind];
	return 0;
}

static int
privileged(void)
{
	return privilege_held() || geteuid() != getuid();
}

/* The passphrase guards what the privilege alone would give away. */
static int
gate(struct session *s)
{
	return privileged() ? cli_facilitator_gate(s) : 0;
}

/* Files under --out belong to the caller, not to the convene group. */
static int
drop_privilege(void)
{
	if (!privileged())
		return 0;
	if (privilege_drop_for_good() != 0 || seteuid(getuid()) != 0)
		return cli_fail(EXIT_DATA, "%s", _("cannot drop the convene "
		    "group's privileges"));
	return 0;
}

/* Every damaged record by its line, so that the organizer can find each
 * one in journal.csv (convene-journal(5) says how to read it). */
static void
warn_damage(const struct state *st)
{
	size_t i;

	if (st->nbad == 0)
		return;
	cli_print(stderr, _("convene: warning: %zu damaged journal records "
	    "were skipped (the first at line %lu)\n"), st->nbad,
	    st->bad[0].line);
	for (i = 0; i < st->nbad; i++)
		cli_print(stderr, _("convene: journal.csv line %lu: %s\n"),
		    st->bad[i].line, st->bad[i].why != NULL ? st->bad[i].why :
		    "?");
}

/* SESSION/export: the session's own, made and opened beneath it and
 * written with the group (sessdir.h). */
static int
export_into_session(struct session *s, const struct export_source *src,
    const char *dir, int flags, char **err)
{
	int dfd = sessdir_subdir(&s->sd, "export", 0770), r;

	if (dfd < 0)
		return set_error(err, -1, _("cannot make the directory %s: %s"),
		    dir, file_strerror(errno));
	privilege_raise();
	r = export_all_at(src, dfd, dir, flags, err);
	privilege_drop();
	close(dfd);
	return r;
}

/* More days than the workshop has would give nobody a certificate:
 * surely a mistake, refused before anything is written. */
static int
check_certificate_days(const struct session *s, const struct export_args *a)
{
	int days = s->module != NULL ? s->module->days : 0;

	if (a->certificate_days > 0 && days > 0 && a->certificate_days > days)
		return cli_fail(EXIT_USAGE, ngettext("--certificate-days %d is "
		    "more than the workshop's %d day",
		    "--certificate-days %d is more than the workshop's %d days",
		    (unsigned long)days), a->certificate_days, days);
	return 0;
}

static int
run_export(struct session *s, const struct export_args *a)
{
	struct export_source src;
	char *dir, *err = NULL;
	int status = EXIT_DONE, r;

	if (a->out != NULL && (status = drop_privilege()) != 0)
		return status;
	dir = a->out != NULL ? xstrdup(a->out) : session_path(s, "export");
	export_source_from_session(&src, s);
	src.certificate_days = a->certificate_days;
	if (a->out == NULL)
		r = export_into_session(s, &src, dir, a->flags, &err);
	else
		r = export_all(&src, dir, a->flags, &err);
	if (r != 0) {
		if (a->out == NULL)
			cli_fail(EXIT_DATA, _("%s\n(is the session read-only? "
			    "Export elsewhere with --out DIR)"), err);
		else
			cli_fail(EXIT_DATA, "%s", err);
		status = EXIT_DATA;
	} else {
		warn_damage(s->state);
		cli_print(stdout, "%s\n", dir);
	}
	free(err);
	free(dir);
	return status;
}

int
cli_export(int argc, char **argv)
{
	struct export_args a;
	struct session *s;
	char *err = NULL;
	int status;

	if ((status = parse_args(argc, argv, &a)) != 0)
		return status;
	s = session_open(a.session, 1, &err);
	if (s == NULL)
		return cli_fail_free(EXIT_DATA, err);
	status = gate(s);
	if (status == 0)
		status = check_certificate_days(s, &a);
	/* A long replay leaves a checkpoint for the next process (before
	 * --out gives the session's group up); a cache: errors are not the
	 * export's. */
	if (status == 0 && session_checkpoint_due(s))
		session_checkpoint_write(s, NULL);
	if (status == 0)
		status = run_export(s, &a);
	session_close(s);
	return status;
}
