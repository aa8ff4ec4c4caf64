/*
 * session.h -- an open session directory: settings, frozen module, journal
 * and the state replayed from it.
 *
 *   SESSION/session.ini   [session] title, start (YYYY-MM-DD), budget,
 *                         anonymous, no_self_votes, passphrase (crypt hash)
 *   SESSION/module/       frozen copy of the module
 *   SESSION/journal.csv   the record
 *   SESSION/drafts/       participants' unsent drafts (scratch)
 *
 * Every process opens the session, replays the journal into `state`, then
 * calls session_refresh() whenever the journal may have grown.
 */
#ifndef CONVENE_SESSION_H
#define CONVENE_SESSION_H

#include <stdint.h>

#include "content.h"
#include "journal.h"
#include "state.h"

struct session_settings {
	char *title;
	char *start;		/* YYYY-MM-DD, day 1 */
	int budget;		/* default dots per voter and round */
	int anonymous, no_self_votes;
	char *passphrase_hash;	/* NULL: no passphrase */
};

struct session {
	char *dir;
	struct session_settings set;
	struct module *module;
	struct journal *journal;
	struct state *state;
	char *terminal;		/* this process's terminal name for records */
};

/* Opens and replays.  NULL with *err (exit status 3 material). */
struct session *session_open(const char *dir, int read_only, char **err);
void session_close(struct session *s);

/* Applies records appended since the last read; returns how many, or -1
 * with *err (journal gone or replaced). */
long session_refresh(struct session *s, char **err);

/* Appends through journal_append with the state as callback context, so
 * that `build` sees the state as of the lock.  Return as journal_append. */
int session_append(struct session *s, journal_build_fn build, void *bctx,
    char **err);

#endif
