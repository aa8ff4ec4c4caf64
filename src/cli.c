/* cli.c -- subcommand dispatch, --help, --version, error reporting. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sessdir.h"
#include "text.h"

struct verb {
	const char *name;
	int (*fn)(int, char **);
	const char *usage;	/* after "convene NAME " */
	const char *help;	/* one line */
};

static const struct verb verbs[] = {
	{ "demo", cli_demo, "",
	    N_("the bundled workshop in a fresh temporary session, facilitator console") },
	{ "new", cli_new, "SESSION --module DIR [--start YYYY-MM-DD] [--title T] [--budget N] [--anonymous] [--no-self-votes] [--passphrase] [--delivery room|online]",
	    N_("make a session directory from a module") },
	{ "run", cli_run, "SESSION [--room R] [--lang CODE] [--no-mouse] [--plain]", N_("facilitator console") },
	{ "join", cli_join, "SESSION [--kiosk] [--as ID|NAME] [--lang CODE] [--no-mouse] [--plain]", N_("participant terminal") },
	{ "show", cli_show, "SESSION [--lang CODE] [--no-mouse] [--plain]", N_("projector view, read-only") },
	{ "check", cli_check, "MODULE_DIR", N_("validate a training module") },
	{ "export", cli_export, "SESSION [--out DIR] [--raw] [--no-bom] [--with-email] [--certificate-days N]", N_("CSV files, summary.md and certificates") },
	{ "import", cli_import, "SESSION FILE.csv", N_("import the registration list") },
	{ "purge", cli_purge, "SESSION [--yes] [--force]",
	    N_("remove personal data after the follow-up (names, organisations, emails, PINs, drafts)") },
	{ "participant", cli_participant, "SESSION NAME --country CODE [--org ORG] [--email E]",
	    N_("register a participant; prints the id") },
	{ "idea", cli_idea, "SESSION --by PID [--room ROOM] TEXT", N_("add an idea; prints the id") },
	{ "vote", cli_vote, "SESSION --by PID IDEA [--dots N]", N_("cast a dot (or N) in the open round") },
	{ "unvote", cli_unvote, "SESSION --by PID IDEA [--dots N]", N_("take dots back while the round is open") },
	{ "timer", cli_timer, "SESSION [--room R] start [MINUTES] | pause | resume | stop | extend MINUTES",
	    N_("drive a timer") },
	{ "rooms", cli_rooms, "SESSION --make N [--balance country] [--everyone] | recall [TEXT] | name ROOM TEXT | topic ROOM TEXT | move PID ROOM|plenary",
	    N_("make breakout rooms; recall calls everyone back and stops room timers") },
	{ "voting", cli_voting, "SESSION open [--room R] [--budget N] [--prototypes [--from ITEM|THREAD|all]] | close | reveal",
	    N_("open, close or reveal a voting round") },
	{ "agenda", cli_agenda, "SESSION next | prev | goto ID | end", N_("move on the agenda") },
	{ "message", cli_message, "SESSION [--room R] [--until-recalled] TEXT | [--room R] --recall",
	    N_("a message on every screen, for this item or until recalled; --recall takes them down") },
	{ "status", cli_status, "SESSION [--json] [--by PID]",
	    N_("what is current, for scripts: the item, timers, rooms, voting, messages, counts") },
	{ "plan", cli_plan, "SESSION move ID DAY HH:MM | length ID MINUTES | skip ID | unskip ID | add [--kind K] DAY HH:MM MINUTES TITLE",
	    N_("change the plan during the workshop; add prints the new item's id") },
	{ "board", cli_board, "SESSION promote | demote | hide | show | unmerge IDEA | merge IDEA INTO | edit IDEA TEXT | add TEXT",
	    N_("the facilitator's actions on the board") },
	{ "question", cli_question, "SESSION pin | unpin | answer | unanswer | hide | show QUESTION",
	    N_("the facilitator's marks on a question") },
	{ "projector", cli_projector, "SESSION all | thread",
	    N_("the projector's wall: every thread, or the current one") },
	{ "mine", cli_mine, "SESSION --by PID edit IDEA TEXT | withdraw IDEA | restore IDEA",
	    N_("a participant's own ideas: edit, withdraw, restore") },
	{ "eval", cli_eval, "SESSION --by PID QUESTION ANSWER",
	    N_("answer an evaluation question (1-5, or text)") },
	{ "rollcall", cli_rollcall, "SESSION present | absent PID",
	    N_("the roll call: present or absent today, over what they do") },
	{ "present", cli_present, "SESSION [ITEM] [--case] [--at BLOCK[:OFFSET]] | off",
	    N_("present a page on the projector and every participant's screen, or stop") },
	{ "checkin", cli_checkin, "SESSION --by PID", N_("mark a participant present today") },
	{ "tz", cli_tz, "SESSION --by PID ZONE", N_("a participant's own time zone, online (\"\": their country's)") },
	{ "lang", cli_lang, "SESSION --by PID CODE", N_("the language a participant's terminal opens in (\"\": the terminal's own)") },
	{ "pin", cli_pin, "SESSION --clear-throttle | --by PID --set | --by PID --clear",
	    N_("a participant sets or clears their PIN; --clear-throttle lets everyone slowed by wrong tries try again") },
	{ "ask", cli_ask, "SESSION --by PID TEXT", N_("ask the speaker a question; prints the id") },
	{ "upvote", cli_upvote, "SESSION --by PID QUESTION", N_("upvote a question") },
	{ "poll", cli_poll, "SESSION open [--multi | --scale] QUESTION [OPTION...] | answer POLL --by PID N... | close POLL | reveal POLL",
	    N_("quick polls") },
};

static const struct cli_ui *the_ui;

const struct cli_ui *
cli_get_ui(void)
{
	return the_ui;
}

static void cli_vprint(FILE *f, const char *prefix, const char *fmt,
    va_list ap) PRINTFLIKE(3, 0);

/* prefix (ours, printed as it is), then the formatted text sanitised. */
static void
cli_vprint(FILE *f, const char *prefix, const char *fmt, va_list ap)
{
	char *raw = xvasprintf(fmt, ap);
	char *safe = text_sanitize_n(raw, strlen(raw), TEXT_MULTILINE);

	fputs(prefix, f);
	fputs(safe, f);
	free(safe);
	free(raw);
}

void
cli_print(FILE *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vprint(f, "", fmt, ap);
	va_end(ap);
}

int
cli_fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	cli_vprint(stderr, "convene: ", fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return status;
}

int
cli_fail_free(int status, char *msg)
{
	cli_fail(status, "%s", msg != NULL ? msg : _("failed"));
	free(msg);
	return status;
}

static const struct verb *
find_verb(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(verbs); i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

int
cli_usage(const char *name)
{
	const struct verb *v = find_verb(name);

	if (v != NULL)
		fprintf(stderr, _("usage: convene %s %s\n"), v->name, v->usage);
	return EXIT_USAGE;
}

static void
print_overview(FILE *f)
{
	size_t i;

	fprintf(f, _("usage: convene COMMAND [ARGS]   (convene COMMAND --help)\n\n"));
	for (i = 0; i < NELEM(verbs); i++)
		fprintf(f, "  %-12s %s\n", verbs[i].name, _(verbs[i].help));
	fprintf(f, _("\nExit status: 0 done, 1 refused by a rule, 2 usage, 3 data or I/O error.\n"
	    "See convene(1).\n"));
}

static void
print_verb_help(const struct verb *v)
{
	printf(_("usage: convene %s %s\n\n%s\n\nSee convene(1).\n"), v->name,
	    v->usage, _(v->help));
}

/* The version, and the sessions directory this build uses its group for
 * (sessdir.h): an admin checks it before installing setgid. */
static void
print_version(void)
{
	printf("convene %s\n", CONVENE_VERSION);
	printf(_("sessions directory: %s\n"), sessdir_root());
}

/* --help and --version anywhere before a "--" win over the verb. */
static int
scan_flag(int argc, char **argv, const char *flag)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (strcmp(argv[i], flag) == 0)
			return 1;
	}
	return 0;
}

int
cli_main(int argc, char **argv, const struct cli_ui *ui)
{
	const struct verb *v;

	the_ui = ui;
	if (i18n_init() != 0)
		return cli_fail(EXIT_DATA, "%s", _("a UTF-8 locale is needed "
		    "(set LANG=C.UTF-8)"));
	if (argc < 2)
		return print_overview(stderr), EXIT_USAGE;
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		print_version();
		return EXIT_DONE;
	}
	if (strcmp(argv[1], "help") == 0 && argc >= 3) {
		/* convene help VERB: that verb's usage and what it does */
		if ((v = find_verb(argv[2])) == NULL)
			return cli_fail(EXIT_USAGE, _("unknown command '%s'"),
			    argv[2]);
		print_verb_help(v);
		return EXIT_DONE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		print_overview(stdout);
		return EXIT_DONE;
	}
	v = find_verb(argv[1]);
	if (v == NULL) {
		cli_fail(EXIT_USAGE, _("unknown command '%s'"), argv[1]);
		print_overview(stderr);
		return EXIT_USAGE;
	}
	if (scan_flag(argc - 1, argv + 1, "--help")) {
		print_verb_help(v);
		return EXIT_DONE;
	}
	if (scan_flag(argc - 1, argv + 1, "--version")) {
		print_version();
		return EXIT_DONE;
	}
	return v->fn(argc - 1, argv + 1);
}
