/*
 * serve.h -- the writer service of a shared host (issue 16, point 2;
 * doc/journal-writing.md; convene(1), `convene serve`).
 *
 * On a shared host no participant's process may hold anything others wait
 * for: a participant can stop their own convene (kill -STOP) at any point.
 * So the verbs that write a session's journal inside the sessions directory
 * are run by one service, under a system user no participant can signal or
 * trace, which alone takes the journal's lock there:
 *
 *   service  serve_run(): listens on SESSIONSDIR/.serve.sock (mode 0660,
 *            reached through the directory's group: convene's setgid
 *            binary, or a member), one request per connection
 *            (serve_proto.h).  One poll() loop over every connection: a
 *            request must arrive whole within SERVE_DEADLINE_MS of the
 *            connection and within SERVE_REQUEST_MAX bytes, else it is
 *            answered with a refusal and closed, so a slow, stopped or
 *            hostile client holds only its own connection.  The caller is
 *            learnt from SO_PEERCRED; the verb's role (serve_verb_role)
 *            decides what it must be: a facilitator's verb needs a member
 *            of the sessions directory's group (or root), and then the
 *            passphrase as ever; a participant's verb the --by gate with
 *            its PIN as ever.  The verb then runs in the service as the
 *            command line runs it (cli_run_verb: same rules, same append
 *            path), and its exit status, output and errors are the answer.
 *   client   serve_route(): cli_main asks it first; a verb that writes, on
 *            a session inside the sessions directory, when the service's
 *            socket is there, is sent to the service and its answer printed
 *            as the verb would have.  Without the socket (a host set up
 *            before the service, a single-user machine, the tests' own
 *            sessions) nothing changes: the verb appends directly.
 */
#ifndef CONVENE_SERVE_H
#define CONVENE_SERVE_H

#include <stddef.h>
#include <stdint.h>

#define SERVE_DEADLINE_MS 1000	/* a whole request, from the connection */
#define SERVE_CONN_MAX 512	/* connections at once; more wait in listen */
/* Connections of one uid at once: a participant who opens and holds many
 * only fills their own share (a kiosk account's terminals share one). */
#define SERVE_CONN_PER_UID 16
#define SERVE_CLIENT_WAIT_MS 10000	/* a client waits this for its answer */

/* The sessions the service serves stay open between requests (at most
 * 16; serve_cache.c), each used again only while its files pass the
 * checks of an open and brought up to date first: serve_cache_open is
 * the service's cli_session_source (cli.h); serve_cache_clear closes
 * them all. */
struct session *serve_cache_open(const char *dir, char **err);
void serve_cache_clear(void);

/* SESSIONSDIR/.serve.sock (caller frees). */
char *serve_socket_path(void);

/* Runs the service for the sessions directory sessdir_root() until SIGTERM
 * or SIGINT.  `ready` (may be NULL) is called once the socket listens.
 * 0 on a clean stop; 1 when another service answers on the socket already;
 * 3 with *err when it cannot listen. */
int serve_run(void (*ready)(const char *sock), char **err);

/* The client side: argv[0] the verb.  Returns 1 when the verb was sent to
 * the service (or should have been and the service did not answer), with
 * *status the exit status to return (its output printed); 0 when the verb
 * is to run here as always. */
int serve_route(int argc, char **argv, int *status);

/*
 * The screens' side.  A participant's terminal on such a host sends each
 * of its commands (cmd_idea, cmd_vote, ... in commands.h; each starts with
 * `if (s->serve_name != NULL)`) to the service as the matching scripting
 * verb.  Sending is one small write; the answer comes after one fsync.
 *
 * A screen never blocks on the answer: the screen loop installs a waiter
 * (serve_set_waiter) and, while the request is outstanding, serve_cmd
 * hands the socket to it again and again; the waiter runs the loop's own
 * work (keys, redraws, the clock) with the socket among the descriptors
 * it polls, and returns once the socket is readable or its time is out.
 * The command returns when the answer has come (the record is then
 * written and acknowledged: the console's undo stack takes it only then)
 * or after SERVE_SCREEN_WAIT_MS, failing (3) with a message for the status
 * line; reading the journal goes on as ever.  One request per terminal is
 * outstanding at a time: a command given while one is (a key handled by
 * the waiter) is refused (1) at once, writing nothing, so records keep
 * the order they were typed in.  Without a waiter (a screen before the
 * loop runs) the wait blocks for at most SERVE_SCREEN_BLOCK_MS, as before.
 */
/* As long as a script's (SERVE_CLIENT_WAIT_MS): the screen goes on meanwhile,
 * and a change given up on while a busy service (a workshop's burst on a
 * slow disk) still writes it is what the waiting is there to avoid. */
#define SERVE_SCREEN_WAIT_MS 10000
#define SERVE_SCREEN_BLOCK_MS 1000
/* The waiter says "sending..." once the answer takes this long. */
#define SERVE_SLOW_MS 200

/* One pass of the screen loop while a request is outstanding: `fd` joins
 * the descriptors it polls, for at most `left_ms`; `waited_ms` is the time
 * since the request was sent.  Returns 1 when fd is readable (or closed),
 * 0 when the pass ended without it, -1 to give up waiting (a signal asks
 * the program to stop). */
typedef int (*serve_wait_fn)(void *ctx, int fd, int64_t waited_ms,
    int64_t left_ms);
struct session;
/* Installs (fn NULL: removes) the session's waiter; ctx is borrowed and
 * must outlive the installation. */
void serve_set_waiter(struct session *s, serve_wait_fn fn, void *ctx);
/* 1 while a request of this session is outstanding (a screen may show
 * it). */
int serve_pending(const struct session *s);

/* For `convene --version`: whether the service answers here ("answers",
 * "does not answer", or "none here" when there is no socket this user can
 * reach), translated, static. */
const char *serve_state(void);

/* 1 when the writer service's socket is there for this process (it
 * answers, or is there and does not answer); 0 when there is none this
 * process can reach (serve_route's "no service on this host"). */
int serve_socket_there(void);

struct session;
/* Sets s->serve_name when s is inside the sessions directory and the
 * service's socket is there; otherwise leaves s appending itself. */
void serve_attach(struct session *s);
/* The facilitator's passphrase as the gate took it (auth.c), kept for the
 * service's requests. */
void serve_set_pass(struct session *s, const char *pass);
/* The PIN the participant now at this terminal gave (NULL or "": none),
 * kept for the service's requests. */
void serve_set_pin(struct session *s, const char *pin);
/* Sends `verb` with the NULL-terminated string arguments (after SESSION)
 * and returns as the commands do: 0 (*new_id, when not NULL, gets the
 * first line the verb printed: the new id), 1 refused or 3 with *err (the
 * verb's message without "convene: "). */
int serve_cmd(struct session *s, char **new_id, char **err, const char *verb,
    ...);

/* The commands a participant's terminal gives (commands.h), through
 * serve_cmd: same arguments and results as cmd_idea, cmd_idea_edit... */
int serve_idea(struct session *s, const char *by, const char *room,
    const char *text, char **new_id, char **err);
int serve_idea_edit(struct session *s, const char *actor, const char *idea,
    const char *text, char **err);
int serve_idea_withdraw(struct session *s, const char *actor,
    const char *idea, int withdraw, char **err);
int serve_vote(struct session *s, const char *by, const char *idea, int dots,
    char **err);
int serve_checkin(struct session *s, const char *pid, char **err);
int serve_tz(struct session *s, const char *pid, const char *zone, char **err);
int serve_lang(struct session *s, const char *pid, const char *code,
    char **err);
int serve_ask(struct session *s, const char *by, const char *text,
    char **new_id, char **err);
int serve_upvote(struct session *s, const char *by, const char *question,
    char **err);
int serve_poll_answer(struct session *s, const char *by, const char *poll,
    const int *choices, int nchoices, char **err);
int serve_eval(struct session *s, const char *by, const char *question,
    long value, const char *text, char **err);
/* The console's other commands (commands.h), through serve_cmd as the
 * facilitator's verbs: poll open, close ("close") and reveal ("reveal"),
 * plan, question marks, roll call, projector, presenting (block >= 0). */
int serve_poll_open(struct session *s, int kind, const char *question,
    const char *const *options, int noptions, char **new_id, char **err);
int serve_poll_end(struct session *s, const char *what, const char *poll,
    char **err);
int serve_plan_move(struct session *s, const char *item, int day, int start,
    char **err);
int serve_plan_length(struct session *s, const char *item, int minutes,
    char **err);
int serve_plan_skip(struct session *s, const char *item, int on, char **err);
int serve_plan_add(struct session *s, int day, int start, int minutes,
    int kind, const char *title, char **new_id, char **err);
int serve_question_mark(struct session *s, const char *question,
    const char *what, int on, char **err);
int serve_rollcall(struct session *s, const char *pid, int present,
    char **err);
int serve_projector(struct session *s, const char *what, char **err);
int serve_present(struct session *s, const char *item, int is_case,
    long block, long offset, char **err);

/* undo_perform on a console: the action (and its reverses) as an "act"
 * request (serve_act.c), which the service runs through undo_perform after
 * the facilitator's gate.  Returns as undo_perform. */
struct undo_action;
int serve_act(struct session *s, const struct undo_action *a, char **new_id,
    char **err);
/* The service's side: fields[0..n) of an "act" request into *a (strings
 * borrowed from the fields; *pinned a buffer of 16).  0, or -1 when they
 * are not an action. */
int serve_act_decode(char *const *f, size_t n, struct undo_action *a);
#define SERVE_ACT_FIELDS 16

/* cmd_set_pin: `pin --by PID --set` with the new PIN sent along, or
 * `--clear` for NULL or "". */
int serve_set_pin_cmd(struct session *s, const char *pid, const char *pin,
    char **err);
/* cmd_participant for the organizer's actor (a registration). */
int serve_participant(struct session *s, const char *name,
    const char *country, const char *org, const char *email, char **new_id,
    char **err);

#endif
