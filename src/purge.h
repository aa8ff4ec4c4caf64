/*
 * purge.h -- `convene purge SESSION`: personal data out of a session
 * after the follow-up (issue 17, point 5; convene(1), PURGE).
 *
 * The journal is the session's one record and only grows, so purging is
 * its one rewrite (journal_rewrite): every participant record keeps its
 * id, country, time and place in the journal, its name becomes
 * "participant N" (N its number in order of registration) and its
 * organisation and email are emptied; every PIN record's hash is emptied.
 * Everything else stays byte for byte as written (idea and question
 * texts, votes, times): the counts and the texts of the workshop survive,
 * and exports made afterwards name nobody.  Drafts (SESSION/drafts/) and
 * the files of earlier exports (SESSION/export/), which hold what was
 * purged, are removed.  There is no checkpoint file in this version to
 * invalidate.  UI-free: the command line asks and prints.
 */
#ifndef CONVENE_PURGE_H
#define CONVENE_PURGE_H

#include <stddef.h>
#include <stdint.h>

struct session;

/* What a purge removed (or would remove): participants whose name,
 * organisation, email, PIN went; files removed. */
struct purge_report {
	size_t names, orgs, emails, pins;
	size_t drafts, exports;
};

/* 1 when the workshop is over: its last day has passed at `now` (UTC ms),
 * or the agenda was ended after the last item of the plan. */
int purge_session_over(const struct session *s, int64_t now);

/* What purging would remove, from the state (the journal's latest values;
 * older records may hold more, e.g. a PIN changed since). */
void purge_preview(const struct session *s, struct purge_report *rep);

/* Purges (see above).  The session must be open for writing; it is stale
 * afterwards (close it).  0 done (*rep says what went: all zero when there
 * was nothing left to purge), 1 refused (a journal with damaged records),
 * 3 an I/O error, with *err. */
int purge_run(struct session *s, struct purge_report *rep, char **err);

/* The name a purged participant gets, for participant number `n` (1-based,
 * registration order), into buf. */
void purge_name(size_t n, char *buf, size_t size);

#endif
