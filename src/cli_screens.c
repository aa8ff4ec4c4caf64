/* cli_screens.c -- the verbs that open a screen: demo, run, join, show. */
#include "cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "demo.h"
#include "i18n.h"
#include "journal.h"
#include "session.h"
#include "tz.h"

static int
need_ui(void)
{
	if (cli_get_ui() == NULL || cli_get_ui()->run == NULL)
		return cli_fail(EXIT_DATA, "%s", _("this build has no screens"));
	return 0;
}

static struct session *
open_or_fail(const char *dir, unsigned flags, int *status)
{
	char *err = NULL;
	struct session *s = session_open_with(dir, flags, &err);

	if (s == NULL)
		*status = cli_fail_free(EXIT_DATA, err);
	return s;
}

/* The flags every screen takes (struct cli_term). */
#define TERM_OPTIONS							\
	{ "no-mouse", no_argument, NULL, 'M' },				\
	{ "plain", no_argument, NULL, 'P' },				\
	{ "lang", required_argument, NULL, 'L' }

/* Sets the flag of getopt's `c`; -1 when it is none of them (or --lang's
 * code is not one: said here).  --lang takes effect at once, so that the
 * messages of the command line are in it too. */
static int
term_option(int c, struct cli_term *term)
{
	if (c == 'M')
		term->no_mouse = 1;
	else if (c == 'P')
		term->plain = 1;
	else if (c == 'L' && i18n_code_valid(optarg)) {
		term->lang = optarg;
		i18n_set_language(optarg);
	} else if (c == 'L') {
		cli_fail(EXIT_USAGE, _("--lang %s: not a language code (two or "
		    "three letters such as th, ko or fil, or pt_BR)"), optarg);
		return -2;
	} else
		return -1;
	return 0;
}

/* getopt's `c` was none of ours: the usage, once. */
static int
term_bad(int r, const char *verb, int argc, char **argv)
{
	return r == -2 ? cli_usage(verb) : cli_bad_option(verb, argc, argv);
}

/* Parses "SESSION [--room R]" / "SESSION [--kiosk] [--as X]" style
 * arguments: one positional and the options in `longopts`. */
static int
one_positional(int argc, char **argv, const char **out)
{
	if (optind != argc - 1)
		return -1;
	*out = argv[optind];
	return 0;
}

int
cli_run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		TERM_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	const char *dir = NULL, *room = NULL;
	struct cli_term term = { 0, 0, NULL };
	struct session *s;
	int c, status = 0, bad;

	optind = 1;
	opterr = 0;		/* our own "convene: ..." message, not getopt's */
	while ((c = getopt_long(argc, argv, ":r:", longopts, NULL)) != -1) {
		if (c == 'r')
			room = optarg;
		else if ((bad = term_option(c, &term)) != 0)
			return term_bad(bad, "run", argc, argv);
	}
	if (one_positional(argc, argv, &dir) != 0)
		return cli_usage("run");
	if (need_ui() != 0)
		return EXIT_DATA;
	s = open_or_fail(dir, 0, &status);
	if (s == NULL)
		return status;
	if (room != NULL && state_room(s->state, room) < 0) {
		session_close(s);
		return cli_fail(EXIT_REFUSED, _("no room '%s' in this session"),
		    room);
	}
	status = cli_facilitator_gate(s);
	if (status == 0)
		status = cli_get_ui()->run(s, room, &term);
	session_close(s);
	return status;
}

int
cli_join(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "as", required_argument, NULL, 'a' },
		{ "kiosk", no_argument, NULL, 'k' },
		TERM_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_term term = { 0, 0, NULL };
	const char *dir = NULL, *as = NULL;
	char *pid = NULL;
	struct session *s;
	int c, kiosk = 0, status = 0, bad;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":a:k", longopts, NULL)) != -1) {
		if (c == 'a')
			as = optarg;
		else if (c == 'k')
			kiosk = 1;
		else if ((bad = term_option(c, &term)) != 0)
			return term_bad(bad, "join", argc, argv);
	}
	if (one_positional(argc, argv, &dir) != 0)
		return cli_usage("join");
	if (need_ui() != 0)
		return EXIT_DATA;
	/* A participant shows a screenful of ideas: texts on demand. */
	s = open_or_fail(dir, SESSION_TEXTS_ON_DEMAND, &status);
	if (s == NULL)
		return status;
	/* --as passes the participant's PIN gate, as the scripting verbs do. */
	if (as != NULL)
		status = cli_gate_participant(s, as, &pid);
	if (status == 0)
		status = cli_get_ui()->join(s, pid, kiosk, &term);
	free(pid);
	session_close(s);
	return status;
}

int
cli_show(int argc, char **argv)
{
	static const struct option longopts[] = {
		TERM_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli_term term = { 0, 0, NULL };
	const char *dir = NULL;
	struct session *s;
	int c, status = 0, bad;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1)
		if ((bad = term_option(c, &term)) != 0)
			return term_bad(bad, "show", argc, argv);
	if (one_positional(argc, argv, &dir) != 0)
		return cli_usage("show");
	if (need_ui() != 0)
		return EXIT_DATA;
	s = open_or_fail(dir, SESSION_READ_ONLY, &status);
	if (s == NULL)
		return status;
	status = cli_get_ui()->show(s, &term);
	session_close(s);
	return status;
}

/* Makes a session in a fresh temporary directory with `convene new`'s own
 * code, so the demo session is exactly what a facilitator would make. */
static char *
make_demo_session(const char *content, const char *start, int *status)
{
	const char *base = getenv("TMPDIR");
	char *tmpl, *dir, *abs, *argv[7];

	tmpl = path_join(base != NULL && *base != '\0' ? base : "/tmp",
	    "convene-demo-XXXXXX");
	if (mkdtemp(tmpl) == NULL) {
		*status = cli_fail(EXIT_DATA, _("cannot make a temporary "
		    "directory: %s"), tmpl);
		free(tmpl);
		return NULL;
	}
	dir = path_join(tmpl, "session");
	free(tmpl);
	argv[0] = (char *)(uintptr_t)"new";
	argv[1] = dir;
	argv[2] = (char *)(uintptr_t)"--module";
	argv[3] = (char *)(uintptr_t)content;
	argv[4] = (char *)(uintptr_t)"--start";
	argv[5] = (char *)(uintptr_t)start;
	argv[6] = NULL;
	*status = cli_new(6, argv);
	if (*status != 0) {
		free(dir);
		return NULL;
	}
	/* The console shows commands to type in another terminal, from any
	 * directory: the path must be absolute (TMPDIR may not be). */
	abs = realpath(dir, NULL);
	if (abs == NULL)
		return dir;
	free(dir);
	return abs;
}

/* Day 1's date and the item to make current, so that the demo opens on a
 * day under way and on time (demo_plan); today and the first item when
 * the module cannot tell. */
static int
plan_demo(const char *content, char *start, size_t size)
{
	char *err = NULL;
	struct module *m = content_load(content, &err);
	int item = -1;

	start[0] = '\0';
	if (m == NULL || demo_plan(m, journal_now_ms(), start, size,
	    &item) != 0) {
		if (m != NULL && tz_today(m->timezone, start, size) != 0)
			start[0] = '\0';
		item = -1;
	}
	free(err);
	module_free(m);
	return item;
}

int
cli_demo(int argc, char **argv)
{
	char *content, *dir, *err = NULL, start[16];
	struct session *s;
	int status = 0, item;

	if (argc > 1 && argv[1][0] == '-')
		cli_fail(EXIT_USAGE, _("unknown option: %s"), argv[1]);
	if (argc != 1)
		return cli_usage("demo");
	if (need_ui() != 0)
		return EXIT_DATA;
	content = demo_content_dir();
	if (content == NULL)
		return cli_fail(EXIT_DATA, "%s", _("the bundled module is missing "
		    "(set CONVENE_CONTENT to its directory)"));
	item = plan_demo(content, start, sizeof start);
	if (start[0] == '\0') {
		free(content);
		return cli_fail(EXIT_DATA, "%s", _("the bundled module cannot be "
		    "read (convene check shows why)"));
	}
	dir = make_demo_session(content, start, &status);
	free(content);
	if (dir == NULL)
		return status;
	s = open_or_fail(dir, 0, &status);
	if (s != NULL && demo_seed(s, item, &err) != 0)
		status = cli_fail_free(EXIT_DATA, err);
	else if (s != NULL)
		status = cli_get_ui()->demo(s);
	if (s != NULL)
		session_close(s);
	cli_print(stderr, _("convene: the demo session is kept in %s "
	    "(convene export %s)\n"), dir, dir);
	free(dir);
	return status;
}
