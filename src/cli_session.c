/*
 * cli_session.c -- the verbs that make a session and script it: new,
 * import, participant, idea, vote, unvote, timer, rooms, voting, agenda,
 * checkin.
 *
 * Each verb parses its arguments (getopt_long; options may follow the
 * positionals), opens the session, passes the facilitator's or the
 * participant's gate, runs one command of commands.h and maps its result
 * to the exit status: 0 done, 1 refused by a rule, 2 usage, 3 data or I/O.
 * A verb that creates something prints its new id alone on a line.
 */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "check.h"
#include "commands.h"
#include "i18n.h"
#include "import.h"
#include "session.h"
#include "tz.h"

/* --- shared by the scripting verbs --------------------------------------- */

int
cli_bad_option(const char *verb, int argc, char **argv)
{
	const char *what = optind - 1 < argc ? argv[optind - 1] : "";

	cli_fail(EXIT_USAGE, _("unknown option or missing value: %s"), what);
	return cli_usage(verb);
}

struct session *
cli_open_session(const char *dir, int *status)
{
	char *err = NULL;
	struct session *s = session_open(dir, 0, &err);

	if (s == NULL)
		*status = cli_fail_free(EXIT_DATA, err);
	return s;
}

struct session *
cli_open_facilitator(const char *dir, int *status)
{
	struct session *s = cli_open_session(dir, status);

	if (s != NULL && (*status = cli_facilitator_gate(s)) != 0) {
		session_close(s);
		return NULL;
	}
	return s;
}

struct session *
cli_open_participant(const char *dir, const char *by, char **pid,
    int *status)
{
	struct session *s = cli_open_session(dir, status);

	if (s != NULL && (*status = cli_gate_participant(s, by, pid)) != 0) {
		session_close(s);
		return NULL;
	}
	return s;
}

int
cli_open_by(const char *verb, int argc, char **argv, int min, int max,
    struct session **s, char **pid)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ NULL, 0, NULL, 0 }
	};
	const char *by = NULL;
	int c, status = 0;

	*s = NULL;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'b')
			return cli_bad_option(verb, argc, argv);
		by = optarg;
	}
	if (by == NULL || argc - optind < min || argc - optind > max)
		return cli_usage(verb);
	*s = cli_open_participant(argv[optind], by, pid, &status);
	return status;
}

int
cli_command_status(int r, char *err)
{
	if (r == 0) {
		free(err);
		return EXIT_DONE;
	}
	return cli_fail_free(r == 1 ? EXIT_REFUSED : EXIT_DATA, err);
}

int
cli_gate_participant(struct session *s, const char *by, char **pid)
{
	char *err = NULL;
	int r;

	*pid = NULL;
	if ((r = cli_resolve_participant(s, by, pid)) != 0)
		return r;
	r = auth_participant(s, state_participant(s->state, *pid), &err);
	if (r != 0) {
		free(*pid);
		*pid = NULL;
		return cli_fail_free(r == 1 ? EXIT_REFUSED : EXIT_DATA, err);
	}
	return 0;
}

/* Prints a new id alone on its line, frees it, returns 0. */
static int
print_id(char *id)
{
	printf("%s\n", id);
	free(id);
	return EXIT_DONE;
}

/* --- new ----------------------------------------------------------------- */

struct new_args {
	const char *dir, *module, *start, *title;
	long budget;
	int anonymous, no_self_votes, passphrase, online;
};

static int
new_parse(int argc, char **argv, struct new_args *a)
{
	static const struct option longopts[] = {
		{ "module", required_argument, NULL, 'm' },
		{ "start", required_argument, NULL, 's' },
		{ "title", required_argument, NULL, 't' },
		{ "budget", required_argument, NULL, 'b' },
		{ "anonymous", no_argument, NULL, 'a' },
		{ "no-self-votes", no_argument, NULL, 'n' },
		{ "passphrase", no_argument, NULL, 'p' },
		{ "delivery", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	a->budget = 5;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'm': a->module = optarg; break;
		case 's': a->start = optarg; break;
		case 't': a->title = optarg; break;
		case 'a': a->anonymous = 1; break;
		case 'n': a->no_self_votes = 1; break;
		case 'p': a->passphrase = 1; break;
		case 'd':
			if (strcmp(optarg, "online") != 0 &&
			    strcmp(optarg, "room") != 0) {
				cli_fail(EXIT_USAGE, _("--delivery is 'room' or "
				    "'online'"));
				return cli_usage("new");
			}
			a->online = strcmp(optarg, "online") == 0;
			break;
		case 'b':
			if (str_to_long(optarg, 1, SESSION_BUDGET_MAX,
			    &a->budget) != 0) {
				cli_fail(EXIT_USAGE, _("--budget wants a number "
				    "of dots from 1 to %d"), SESSION_BUDGET_MAX);
				return cli_usage("new");
			}
			break;
		default:
			return cli_bad_option("new", argc, argv);
		}
	}
	if (optind != argc - 1 || a->module == NULL)
		return cli_usage("new");
	a->dir = argv[optind];
	if (a->start != NULL && tz_parse_date(a->start, &(int){ 0 },
	    &(int){ 0 }, &(int){ 0 }) != 0) {
		cli_fail(EXIT_USAGE, _("--start wants a date as YYYY-MM-DD, "
		    "not '%s'"), a->start);
		return cli_usage("new");
	}
	return 0;
}

/* Loads the module after checking it; a broken module is refused with
 * every fault the checker found. */
static struct module *
new_module(const char *dir, int *status)
{
	struct check_report rep;
	char *err = NULL, *line;
	struct module *m;
	size_t i;
	int n = content_check(dir, &rep), odd = rep.odd_files > 0;

	for (i = 0; i < rep.nfaults; i++) {
		line = check_fault_format(&rep.faults[i]);
		cli_print(stderr, "%s/%s\n", dir, line);
		free(line);
	}
	check_report_free(&rep);
	/* A FIFO or device where a file should be is a data error (3), as
	 * in every other command, not a fault of the content (1). */
	if (n > 0) {
		*status = cli_fail(odd ? EXIT_DATA : EXIT_REFUSED, _("the "
		    "module %s has %d %s (see convene check): no session was "
		    "made"), dir, n, n == 1 ? _("fault") : _("faults"));
		return NULL;
	}
	if ((m = content_load(dir, &err)) == NULL)
		*status = cli_fail_free(EXIT_DATA, err);
	return m;
}

static int
new_settings(const struct new_args *a, const struct module *m,
    struct session_settings *set)
{
	char today[16], *err = NULL, *pass = NULL;

	memset(set, 0, sizeof *set);
	set->title = xstrdup(a->title != NULL ? a->title :
	    m->title != NULL ? m->title : "");
	if (session_check_title(set->title, &err) != 0)
		return cli_fail_free(EXIT_REFUSED, err);
	if (a->start == NULL && tz_today(m->timezone, today, sizeof today) != 0)
		return cli_fail(EXIT_DATA, _("cannot tell today's date in %s"),
		    m->timezone != NULL ? m->timezone : "?");
	set->start = xstrdup(a->start != NULL ? a->start : today);
	set->budget = (int)a->budget;
	set->anonymous = a->anonymous;
	set->no_self_votes = a->no_self_votes;
	set->online = a->online;
	if (!a->passphrase)
		return 0;
	if (auth_read_secret(_("Facilitator passphrase: "), 1, &pass,
	    &err) != 0)
		return cli_fail_free(EXIT_DATA, err);
	if (*pass == '\0') {
		auth_forget(pass);
		return cli_fail(EXIT_REFUSED, "%s", _("the passphrase is "
		    "empty"));
	}
	if (auth_hash(pass, &set->passphrase_hash, &err) != 0) {
		auth_forget(pass);
		return cli_fail_free(EXIT_DATA, err);
	}
	auth_forget(pass);
	return 0;
}

int
cli_new(int argc, char **argv)
{
	struct new_args a;
	struct session_settings set;
	struct module *m;
	char *err = NULL;
	int status = 0, r;

	if ((r = new_parse(argc, argv, &a)) != 0)
		return r;
	if ((m = new_module(a.module, &status)) == NULL)
		return status;
	r = new_settings(&a, m, &set);
	module_free(m);
	if (r == 0 && (r = session_create(a.dir, a.module, &set, &err)) != 0)
		r = cli_fail_free(r == 1 ? EXIT_REFUSED : EXIT_DATA, err);
	session_settings_free(&set);
	return r;
}

/* --- import -------------------------------------------------------------- */

int
cli_import(int argc, char **argv)
{
	struct session *s;
	struct import_report rep;
	char *err = NULL;
	size_t i;
	int status = 0, r;

	optind = 0;
	opterr = 0;
	if (getopt_long(argc, argv, ":", (const struct option[]){ { NULL, 0,
	    NULL, 0 } }, NULL) != -1)
		return cli_bad_option("import", argc, argv);
	if (optind != argc - 2)
		return cli_usage("import");
	if ((s = cli_open_session(argv[optind], &status)) == NULL)
		return status;
	if ((status = cli_facilitator_gate(s)) != 0) {
		session_close(s);
		return status;
	}
	r = import_registrations(s, argv[optind + 1], &rep, &err);
	for (i = 0; i < rep.nproblems; i++)
		cli_print(stderr, "%s\n", rep.problems[i]);
	if (r == 0)
		for (i = 0; i < rep.nadded; i++)
			cli_print(stdout, "%s\n", rep.added[i]);
	import_report_free(&rep);
	session_close(s);
	return cli_command_status(r, err);
}

/* --- participant --------------------------------------------------------- */

int
cli_participant(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "country", required_argument, NULL, 'c' },
		{ "org", required_argument, NULL, 'o' },
		{ "email", required_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	const char *country = NULL, *org = NULL, *email = NULL;
	struct session *s;
	char *id = NULL, *err = NULL;
	int c, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'c')
			country = optarg;
		else if (c == 'o')
			org = optarg;
		else if (c == 'e')
			email = optarg;
		else
			return cli_bad_option("participant", argc, argv);
	}
	if (optind != argc - 2 || country == NULL)
		return cli_usage("participant");
	if ((s = cli_open_session(argv[optind], &status)) == NULL)
		return status;
	r = cmd_participant(s, ACTOR_ORGANIZER, argv[optind + 1], country, org,
	    email, &id, &err);
	session_close(s);
	return r == 0 ? print_id(id) : cli_command_status(r, err);
}

/* --- idea, vote, unvote, checkin ------------------------------------------ */

/* "SESSION --by PID [--room R] [--dots N] ARG": the shape of the
 * participant verbs.  `nargs` positionals after SESSION. */
struct by_args {
	const char *dir, *by, *room, *arg;
	long dots;
};

static int
by_parse(const char *verb, int argc, char **argv, int nargs, int room_ok,
    int dots_ok, struct by_args *a)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "room", required_argument, NULL, 'r' },
		{ "dots", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	a->dots = 1;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'b')
			a->by = optarg;
		else if (c == 'r' && room_ok)
			a->room = optarg;
		else if (c == 'd' && dots_ok) {
			if (str_to_long(optarg, 1, SESSION_BUDGET_MAX,
			    &a->dots) != 0) {
				cli_fail(EXIT_USAGE, _("--dots wants a number "
				    "from 1 to %d"), SESSION_BUDGET_MAX);
				return cli_usage(verb);
			}
		} else
			return cli_bad_option(verb, argc, argv);
	}
	if (optind != argc - 1 - nargs || a->by == NULL)
		return cli_usage(verb);
	a->dir = argv[optind];
	a->arg = nargs > 0 ? argv[optind + 1] : NULL;
	return 0;
}

/* Opens the session and passes the participant's gate. */
static struct session *
by_open(const struct by_args *a, char **pid, int *status)
{
	struct session *s = cli_open_session(a->dir, status);

	if (s != NULL && (*status = cli_gate_participant(s, a->by, pid)) != 0) {
		session_close(s);
		return NULL;
	}
	return s;
}

int
cli_idea(int argc, char **argv)
{
	struct by_args a;
	struct session *s;
	char *pid = NULL, *id = NULL, *err = NULL;
	int status = 0, r;

	if ((r = by_parse("idea", argc, argv, 1, 1, 0, &a)) != 0)
		return r;
	if ((s = by_open(&a, &pid, &status)) == NULL)
		return status;
	r = cmd_idea(s, pid, a.room, a.arg, &id, &err);
	free(pid);
	session_close(s);
	return r == 0 ? print_id(id) : cli_command_status(r, err);
}

static int
vote_verb(const char *verb, int sign, int argc, char **argv)
{
	struct by_args a;
	struct session *s;
	char *pid = NULL, *err = NULL;
	int status = 0, r;

	if ((r = by_parse(verb, argc, argv, 1, 0, 1, &a)) != 0)
		return r;
	if ((s = by_open(&a, &pid, &status)) == NULL)
		return status;
	r = cmd_vote(s, pid, a.arg, sign * (int)a.dots, &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

int
cli_vote(int argc, char **argv)
{
	return vote_verb("vote", 1, argc, argv);
}

int
cli_unvote(int argc, char **argv)
{
	return vote_verb("unvote", -1, argc, argv);
}

int
cli_checkin(int argc, char **argv)
{
	struct by_args a;
	struct session *s;
	char *pid = NULL, *err = NULL;
	int status = 0, r;

	if ((r = by_parse("checkin", argc, argv, 0, 0, 0, &a)) != 0)
		return r;
	if ((s = by_open(&a, &pid, &status)) == NULL)
		return status;
	r = cmd_checkin(s, pid, &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

/* `convene tz SESSION --by PID ZONE`: the participant's own time zone
 * (the Agenda screen's z); "" goes back to their country's. */
int
cli_tz(int argc, char **argv)
{
	struct by_args a;
	struct session *s;
	char *pid = NULL, *err = NULL;
	int status = 0, r;

	if ((r = by_parse("tz", argc, argv, 1, 0, 0, &a)) != 0)
		return r;
	if ((s = by_open(&a, &pid, &status)) == NULL)
		return status;
	r = cmd_set_tz(s, pid, a.arg, &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

/* `convene lang SESSION --by PID CODE`: the language a participant's
 * terminal opens in (the participant's L key); "" forgets it. */
int
cli_lang(int argc, char **argv)
{
	struct by_args a;
	struct session *s;
	char *pid = NULL, *err = NULL;
	int status = 0, r;

	if ((r = by_parse("lang", argc, argv, 1, 0, 0, &a)) != 0)
		return r;
	if ((s = by_open(&a, &pid, &status)) == NULL)
		return status;
	r = cmd_set_lang(s, pid, a.arg, &err);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

/* --- the facilitator's verbs --------------------------------------------- */

static const struct {
	const char *name;
	enum timer_action action;
	int minutes;		/* 0 none, 1 optional, 2 required */
} timer_verbs[] = {
	{ "start", TIMER_START, 1 }, { "pause", TIMER_PAUSE, 0 },
	{ "resume", TIMER_RESUME, 0 }, { "stop", TIMER_STOP, 0 },
	{ "extend", TIMER_EXTEND, 2 },
};

static int
timer_parse(int argc, char **argv, const char **room, size_t *verb,
    long *minutes)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rest;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c != 'r')
			return cli_bad_option("timer", argc, argv);
		*room = optarg;
	}
	if (argc - optind < 2)
		return cli_usage("timer");
	for (*verb = 0; *verb < NELEM(timer_verbs); (*verb)++)
		if (strcmp(argv[optind + 1], timer_verbs[*verb].name) == 0)
			break;
	if (*verb == NELEM(timer_verbs))
		return cli_usage("timer");
	rest = argc - optind - 2;
	if (rest > 1 || (rest == 1 && timer_verbs[*verb].minutes == 0) ||
	    (rest == 0 && timer_verbs[*verb].minutes == 2))
		return cli_usage("timer");
	*minutes = 0;
	if (rest == 1 && (str_to_long(argv[optind + 2], -1440, 1440,
	    minutes) != 0 || *minutes == 0 ||
	    (timer_verbs[*verb].action == TIMER_START && *minutes < 0))) {
		cli_fail(EXIT_USAGE, _("'%s' is not a number of minutes "
		    "(1 to 1440)"), argv[optind + 2]);
		return cli_usage("timer");
	}
	return 0;
}

int
cli_timer(int argc, char **argv)
{
	const char *room = NULL;
	struct session *s;
	size_t verb = 0;
	long minutes = 0;
	char *err = NULL;
	int status = 0, r;

	if ((r = timer_parse(argc, argv, &room, &verb, &minutes)) != 0)
		return r;
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_timer(s, room, timer_verbs[verb].action, minutes * 60, &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* convene rooms SESSION recall [TEXT]: everyone back to the plenary. */
static int
rooms_recall(const char *dir, const char *text)
{
	struct session *s;
	char *err = NULL;
	int status = 0, r;

	if ((s = cli_open_facilitator(dir, &status)) == NULL)
		return status;
	r = cmd_message(s, NULL, text, MESSAGE_RECALL, &err);
	session_close(s);
	return cli_command_status(r, err);
}

/* convene rooms SESSION name ROOM TEXT | topic ROOM TEXT | move PID ROOM
 * ("plenary" for none), as the Rooms screen's c, C and m. */
static int
rooms_action(char **a)
{
	struct session *s;
	char *err = NULL;
	int status = 0, r;

	if (strcmp(a[1], "name") != 0 && strcmp(a[1], "topic") != 0 &&
	    strcmp(a[1], "move") != 0)
		return cli_usage("rooms");
	if ((s = cli_open_facilitator(a[0], &status)) == NULL)
		return status;
	if (strcmp(a[1], "name") == 0)
		r = cmd_room_set(s, a[2], a[3], NULL, &err);
	else if (strcmp(a[1], "topic") == 0)
		r = cmd_room_set(s, a[2], NULL, a[3], &err);
	else
		r = cmd_move(s, a[2], strcmp(a[3], "plenary") == 0 ? NULL :
		    a[3], &err);
	session_close(s);
	return cli_command_status(r, err);
}

int
cli_rooms(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "make", required_argument, NULL, 'm' },
		{ "balance", required_argument, NULL, 'b' },
		{ "everyone", no_argument, NULL, 'e' },
		{ NULL, 0, NULL, 0 }
	};
	struct session *s;
	long n = 0;
	char *err = NULL;
	size_t i;
	int c, balance = 0, keep = 1, status = 0, r;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		if (c == 'm' && str_to_long(optarg, 1, 500, &n) == 0)
			continue;
		if (c == 'e') {
			keep = 0;	/* registration rooms are dealt too */
			continue;
		}
		if (c == 'b' && strcmp(optarg, "country") == 0) {
			balance = 1;
			continue;
		}
		if (c == 'm' || c == 'b')
			cli_fail(EXIT_USAGE, _("bad value for %s: %s"),
			    c == 'm' ? "--make" : "--balance", optarg);
		else
			return cli_bad_option("rooms", argc, argv);
		return cli_usage("rooms");
	}
	if (n == 0 && (argc - optind == 2 || argc - optind == 3) &&
	    strcmp(argv[optind + 1], "recall") == 0 && !balance)
		return rooms_recall(argv[optind], argc - optind == 3 ?
		    argv[optind + 2] : "");
	if (n == 0 && argc - optind == 4 && !balance)
		return rooms_action(argv + optind);
	if (optind != argc - 1 || n == 0)
		return cli_usage("rooms");
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_rooms_deal(s, (int)n, balance, keep, &err);
	if (r == 0)
		for (i = 0; i < (size_t)n && i < s->state->nrooms; i++)
			cli_print(stdout, "%s\n", s->state->rooms[i].id);
	session_close(s);
	return cli_command_status(r, err);
}

struct voting_args {
	const char *room, *from;
	long budget;
	int prototypes, options;
};

static int
voting_parse(int argc, char **argv, struct voting_args *a)
{
	static const struct option longopts[] = {
		{ "room", required_argument, NULL, 'r' },
		{ "budget", required_argument, NULL, 'b' },
		{ "prototypes", no_argument, NULL, 'p' },
		{ "from", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	memset(a, 0, sizeof *a);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		a->options++;
		if (c == 'r')
			a->room = optarg;
		else if (c == 'f')
			a->from = optarg;
		else if (c == 'p')
			a->prototypes = 1;
		else if (c == 'b' && str_to_long(optarg, 1,
		    SESSION_BUDGET_MAX, &a->budget) == 0)
			continue;
		else if (c == 'b') {
			cli_fail(EXIT_USAGE, _("--budget wants a number of dots "
			    "from 1 to %d"), SESSION_BUDGET_MAX);
			return cli_usage("voting");
		} else
			return cli_bad_option("voting", argc, argv);
	}
	if (optind != argc - 2)
		return cli_usage("voting");
	if (strcmp(argv[optind + 1], "open") != 0 && a->options > 0)
		return cli_usage("voting");
	if (a->from != NULL && !a->prototypes)
		return cli_usage("voting");	/* --from names prototypes */
	return 0;
}

int
cli_voting(int argc, char **argv)
{
	struct voting_args a;
	struct session *s;
	const char *what;
	char *id = NULL, *err = NULL;
	int status = 0, r;

	if ((r = voting_parse(argc, argv, &a)) != 0)
		return r;
	what = argv[optind + 1];
	if (strcmp(what, "open") != 0 && strcmp(what, "close") != 0 &&
	    strcmp(what, "reveal") != 0)
		return cli_usage("voting");
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	if (strcmp(what, "open") == 0)
		r = cmd_voting_open_from(s, a.room, (int)a.budget,
		    a.prototypes, a.from, &id, &err);
	else if (strcmp(what, "close") == 0)
		r = cmd_voting_close(s, 1, &err);
	else
		r = cmd_voting_reveal(s, 1, &err);
	session_close(s);
	if (r == 0 && id != NULL)
		return print_id(id);
	return cli_command_status(r, err);
}

int
cli_agenda(int argc, char **argv)
{
	struct session *s;
	enum agenda_move m;
	const char *what, *id = NULL;
	char *err = NULL;
	int status = 0, r;

	optind = 0;
	opterr = 0;
	if (getopt_long(argc, argv, ":", (const struct option[]){ { NULL, 0,
	    NULL, 0 } }, NULL) != -1)
		return cli_bad_option("agenda", argc, argv);
	if (argc - optind < 2)
		return cli_usage("agenda");
	what = argv[optind + 1];
	if (strcmp(what, "next") == 0 && argc - optind == 2)
		m = AGENDA_NEXT;
	else if (strcmp(what, "prev") == 0 && argc - optind == 2)
		m = AGENDA_PREV;
	else if (strcmp(what, "end") == 0 && argc - optind == 2)
		m = AGENDA_END;
	else if (strcmp(what, "goto") == 0 && argc - optind == 3 &&
	    argv[optind + 2][0] != '\0') {
		m = AGENDA_GOTO;
		id = argv[optind + 2];
	} else
		return cli_usage("agenda");
	if ((s = cli_open_facilitator(argv[optind], &status)) == NULL)
		return status;
	r = cmd_agenda(s, m, id, &err);
	session_close(s);
	return cli_command_status(r, err);
}
