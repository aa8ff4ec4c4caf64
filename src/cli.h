/*
 * cli.h -- the command line: dispatch, usage, the exit-status contract.
 *
 * Exit status: 0 done; 1 refused by a rule; 2 usage; 3 data or I/O error.
 * Errors go to stderr as "convene: ...".  Each verb is a function
 * cli_VERB(argc, argv) with argv[0] the verb's name; --help and --version
 * are handled by the dispatcher before it is called.
 *
 * The screens are reached through struct cli_ui, which the UI layer
 * provides (screens/ui.c), so that the core never calls into screens/.
 */
#ifndef CONVENE_CLI_H
#define CONVENE_CLI_H

#include <stdio.h>

#include "util.h"

enum { EXIT_DONE = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2, EXIT_DATA = 3 };

struct session;

/* How a screen uses the terminal: the flags of run, join and show. */
struct cli_term {
	int no_mouse;		/* --no-mouse: no mouse reports asked for */
	int plain;		/* --plain: no box lines, block digits or
				   per-second clock (screen readers) */
	const char *lang;	/* --lang CODE (already in force), NULL: none;
				   a participant's recorded choice gives way
				   to it */
};

struct cli_ui {
	/* Each returns an exit status; the session stays the caller's. */
	int (*run)(struct session *s, const char *room,
	    const struct cli_term *term);
	int (*join)(struct session *s, const char *as, int kiosk,
	    const struct cli_term *term);
	int (*show)(struct session *s, const struct cli_term *term);
	/* `convene demo`'s console: as run, with the commands that open a
	 * participant terminal and the projector on the session in sight. */
	int (*demo)(struct session *s);
};

/* Provided by the UI layer at link time (screens/ui.c). */
extern const struct cli_ui screens_ui;

int cli_main(int argc, char **argv, const struct cli_ui *ui);
/* The UI given to cli_main (for run, join, show, demo). */
const struct cli_ui *cli_get_ui(void);

/* Prints "convene: " and the message to stderr; returns status.  The
 * message goes through cli_print: it may quote input. */
int cli_fail(int status, const char *fmt, ...) PRINTFLIKE(2, 3);
/* Prints the formatted text to f in its display form (text_sanitize_n,
 * line breaks kept): nothing from a file, an argument or another person
 * reaches the terminal raw (no escape sequence, no control character, no
 * bidi override).  Everything the command line prints that may quote
 * input goes through here. */
void cli_print(FILE *f, const char *fmt, ...) PRINTFLIKE(2, 3);
/* Prints the verb's usage line to stderr; returns EXIT_USAGE. */
int cli_usage(const char *verb);
/* Prints msg (which may be NULL) as cli_fail does, frees it, returns status. */
int cli_fail_free(int status, char *msg);

/* When the session has a facilitator passphrase, asks for it
 * (CONVENE_PASSPHRASE, else the terminal); returns 0 when the facilitator
 * may go on, else an exit status after saying why. */
int cli_facilitator_gate(struct session *s);
/* Resolves `--as ID|NAME` to a participant id (*pid, caller frees);
 * returns 0, or an exit status after saying why (an ambiguous name is
 * refused, listing the matches). */
int cli_resolve_participant(struct session *s, const char *as, char **pid);

/* Shared by the scripting verbs (defined in cli_session.c). */
/* Says which option getopt_long did not take, prints the usage, returns
 * EXIT_USAGE (call with opterr = 0 and ":" leading the optstring). */
int cli_bad_option(const char *verb, int argc, char **argv);
/* Opens a session for writing; NULL and *status (3, said) on failure. */
struct session *cli_open_session(const char *dir, int *status);
/* The same, then the facilitator's gate (cli_facilitator_gate); NULL and
 * *status when either fails. */
struct session *cli_open_facilitator(const char *dir, int *status);
/* The same, then the participant's gate for `--by` (cli_gate_participant,
 * *pid as it gives); NULL and *status when either fails. */
struct session *cli_open_participant(const char *dir, const char *by,
    char **pid, int *status);
/* A participant's verb, "SESSION --by PID ARG...": takes --by and no other
 * option, wants min to max words from SESSION on (argv[optind] is the
 * session), then opens it behind the participant's gate.  0 with *s and
 * *pid set, else the exit status to return (said). */
int cli_open_by(const char *verb, int argc, char **argv, int min, int max,
    struct session **s, char **pid);
/* A command's result (0, 1, 3 with err, which it frees) as an exit status,
 * saying why on failure. */
int cli_command_status(int r, char *err);
/* `--by ID|NAME` to a participant id (*pid, caller frees), with the PIN
 * check when the participant has one; 0, or an exit status after saying
 * why. */
int cli_gate_participant(struct session *s, const char *by, char **pid);

/* Verbs (cli_*.c).  Each returns an exit status. */
int cli_demo(int argc, char **argv);
int cli_new(int argc, char **argv);
int cli_run(int argc, char **argv);
int cli_join(int argc, char **argv);
int cli_show(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_participant(int argc, char **argv);
int cli_idea(int argc, char **argv);
int cli_vote(int argc, char **argv);
int cli_unvote(int argc, char **argv);
int cli_timer(int argc, char **argv);
int cli_rooms(int argc, char **argv);
int cli_voting(int argc, char **argv);
int cli_agenda(int argc, char **argv);
int cli_message(int argc, char **argv);
int cli_projector(int argc, char **argv);
int cli_present(int argc, char **argv);
int cli_board(int argc, char **argv);
int cli_rollcall(int argc, char **argv);
int cli_mine(int argc, char **argv);
int cli_eval(int argc, char **argv);
int cli_plan(int argc, char **argv);
int cli_status(int argc, char **argv);
int cli_question(int argc, char **argv);
int cli_checkin(int argc, char **argv);
int cli_tz(int argc, char **argv);
int cli_lang(int argc, char **argv);
int cli_ask(int argc, char **argv);
int cli_upvote(int argc, char **argv);
int cli_poll(int argc, char **argv);
int cli_pin(int argc, char **argv);
int cli_purge(int argc, char **argv);

#endif
