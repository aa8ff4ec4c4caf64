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

#define SERVE_DEADLINE_MS 1000	/* a whole request, from the connection */
#define SERVE_CONN_MAX 256	/* connections at once; more wait in listen */
#define SERVE_CLIENT_WAIT_MS 10000	/* a client waits this for its answer */

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

#endif
