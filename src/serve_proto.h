/*
 * serve_proto.h -- the writer service's protocol, version 1 (issue 16,
 * point 2; doc/journal-writing.md).  Pure: buffers in, structs out, no I/O.
 *
 * One connection carries one request and one answer.  Both are a version
 * line and then length-prefixed fields, so any byte (a line break in an
 * idea) travels as it is and a reader knows at once whether it has all:
 *
 *   request   "convene-serve 1\n" COUNT "\n" FIELD...
 *             fields: verb, session (its name inside the sessions
 *             directory), passphrase, PIN, new PIN (`pin --set`; each ""
 *             when not given), then the verb's arguments after SESSION,
 *             as the command line has them
 *   answer    "convene-serve 1\n" COUNT "\n" FIELD...
 *             fields: exit status ("0".."3"), standard output, standard
 *             error of the verb
 *   FIELD     LENGTH "\n" BYTES "\n"     (LENGTH decimal, no sign, no
 *             leading zero)
 *
 * A request is at most SERVE_REQUEST_MAX bytes and SERVE_FIELDS_MAX fields;
 * a field holds no NUL (it becomes an argument).  Anything else is
 * malformed and refused before anything is looked at.
 */
#ifndef CONVENE_SERVE_PROTO_H
#define CONVENE_SERVE_PROTO_H

#include <stddef.h>

#define SERVE_MAGIC "convene-serve 1\n"
#define SERVE_SOCKET ".serve.sock"	/* in the sessions directory */
#define SERVE_REQUEST_MAX 65536		/* bytes */
#define SERVE_FIELDS_MAX 64
#define SERVE_REQUEST_MIN_FIELDS 5	/* verb, session, passphrase, PIN,
					   new PIN */

/* Fields parsed from a buffer: each points into the buffer (NUL-ended in
 * place), so they live as long as it and are not freed one by one. */
struct serve_msg {
	size_t n;
	char *field[SERVE_FIELDS_MAX];
	size_t len[SERVE_FIELDS_MAX];
};

/* Parses buf[0..len) (len may be short of the whole message while it
 * arrives).  Returns 1 complete (the message ends exactly at len; fields
 * are NUL-terminated in place, over the '\n' after each),
 * 0 incomplete so far (read more), -1 malformed with *why (static): a
 * wrong version, a bad count or length, a field too long, bytes after the
 * end, or a NUL in a field when `no_nul`. */
int serve_parse(char *buf, size_t len, size_t max, int no_nul,
    struct serve_msg *m, const char **why);

/* Appends one message (magic, count, fields) to a growing buffer: *buf
 * (realloc'd, caller frees), *len.  Fields are given as pointers and
 * lengths. */
void serve_format(char **buf, size_t *len, size_t n,
    const char *const *field, const size_t *flen);

/* Who may ask for a verb through the service (the verb's arguments after
 * SESSION decide for poll and pin): */
enum serve_role {
	SERVE_NOT_SERVED = -1,	/* not a verb that writes: run it directly */
	SERVE_ANYONE,		/* registration: anyone who reaches convene */
	SERVE_PARTICIPANT,	/* --by PID, with the participant's PIN */
	SERVE_FACILITATOR	/* a member of the sessions directory's group,
				   with the session's passphrase */
};
/* argv[0] is the verb, argv[1..argc) its arguments without SESSION. */
enum serve_role serve_verb_role(int argc, const char *const *argv);

#endif
