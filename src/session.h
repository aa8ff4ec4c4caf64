/*
 * session.h -- an open session directory: settings, frozen module, journal
 * and the state replayed from it.
 *
 *   SESSION/session.ini   [session] title, start (YYYY-MM-DD), budget,
 *                         anonymous, no_self_votes, passphrase (crypt hash),
 *                         pin_min_length (4..8), delivery (room|online)
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
#include "sessdir.h"
#include "state.h"

#define SESSION_BUDGET_MAX 99	/* dots per voter and round */
#define PIN_MIN_LENGTH 4	/* the default of pin_min_length */
#define PIN_MAX_LENGTH 8

struct session_settings {
	char *title;
	char *start;		/* YYYY-MM-DD, day 1 */
	int budget;		/* default dots per voter and round */
	int anonymous, no_self_votes;
	/* timer = manual in session.ini: making an agenda item current
	 * starts no timer (as the module's own `timer = manual`). */
	int timer_manual;
	char *passphrase_hash;	/* NULL: no passphrase */
	/* privacy in session.ini: the join screen's notice, over the
	 * module's (session_privacy_notice); NULL none. */
	char *privacy;
	/* pin_min_length in session.ini: the fewest digits of a PIN (4..8,
	 * default 4). */
	int pin_min_length;
	/* delivery in session.ini: "room" (the default: everyone in the
	 * workshop's zone) or "online" (each participant in their own zone,
	 * session_participant_zone). */
	int online;
};

struct session {
	char *dir;		/* as the user named it: for messages */
	struct sessdir sd;	/* the directory itself, files opened beneath */
	struct session_settings set;
	struct module *module;
	struct journal *journal;
	struct state *state;
	char *terminal;		/* this process's terminal name for records */
	/* A terminal on a shared host with the writer service (serve.h,
	 * serve_attach): the session's name there, and the PIN its
	 * participant gave (NULL: none), sent with each request.  NULL
	 * serve_name: this process appends itself. */
	char *serve_name, *serve_pin;
	char *serve_pass;	/* the facilitator's passphrase, when given */
	/* The screen loop's waiter while a request is outstanding (serve.h:
	 * serve_set_waiter), and whether one is. */
	int (*serve_wait)(void *ctx, int fd, int64_t waited_ms,
	    int64_t left_ms);
	void *serve_wait_ctx;
	int serve_busy;
	/* Kept open by the writer service between requests: session_close
	 * leaves it alone (the service clears this and closes it). */
	int kept;
	/* The checkpoint (checkpoint.h): 1 when the state started from one;
	 * else why none was taken (a static string, NULL: there was none).
	 * `replayed`: records applied since the start or the checkpoint,
	 * until a checkpoint is written. */
	int from_checkpoint;
	const char *checkpoint_why;
	long replayed;
};

/* Makes a session directory (convene new): `dir` must not exist or be an
 * empty directory; copies module_dir (already checked by the caller) into
 * dir/module (regular files and directories only, no symbolic links),
 * writes session.ini from `set` (set->start required, YYYY-MM-DD; a title
 * passes session_check_title), makes drafts/ and an empty journal.  0, or 1
 * refused (dir exists and is not empty), 3 other error (nothing is left
 * behind), with *err. */
int session_create(const char *dir, const char *module_dir,
    const struct session_settings *set, char **err);
/* 0 when a title can go into session.ini (valid UTF-8, at most 200
 * characters, no '"' or control characters), else 1 with *err. */
int session_check_title(const char *title, char **err);
/* Frees the strings of a settings struct and zeroes it. */
void session_settings_free(struct session_settings *set);

/* A path inside the session directory; caller frees. */
char *session_path(const struct session *s, const char *name);

/* Opens and replays.  NULL with *err (exit status 3 material). */
struct session *session_open(const char *dir, int read_only, char **err);

/* session_open with flags: SESSION_READ_ONLY as read_only above;
 * SESSION_TEXTS_ON_DEMAND keeps idea texts in the journal, read back when
 * shown (state_texts_on_demand, state_idea_text): for the participant
 * terminal, which shows a screenful of ideas out of thousands. */
enum { SESSION_READ_ONLY = 1, SESSION_TEXTS_ON_DEMAND = 2 };
struct session *session_open_with(const char *dir, unsigned flags,
    char **err);
void session_close(struct session *s);

/* Applies records appended since the last read; returns how many, or -1
 * with *err (journal gone or replaced). */
long session_refresh(struct session *s, char **err);

/* The time zone participant p (an index into state->participants) lives
 * in: the module's in a room; online, the zone they chose (a `tz` record),
 * else their country's default (zones.h), else the module's.  Borrowed:
 * lives as long as the session. */
const char *session_participant_zone(const struct session *s, int p);

/* The notice the join screen shows (issue 17): what is recorded and who
 * sees it.  session.ini's `privacy`, else module.ini's, else convene's
 * own (translated).  Borrowed: lives as long as the session. */
const char *session_privacy_notice(const struct session *s);

/* Appends through journal_append with the state as callback context, so
 * that `build` sees the state as of the lock.  Return as journal_append. */
int session_append(struct session *s, journal_build_fn build, void *bctx,
    char **err);

/* --- checkpoints (checkpoint.h) ------------------------------------------
 *
 * session_open starts from SESSION/journal.checkpoint when it matches the
 * journal and the settings, and replays only the tail; otherwise it
 * replays the whole journal.  CONVENE_NO_CHECKPOINT set in the environment
 * turns checkpoints off (neither read nor written). */

/* 1 when this process should write a checkpoint: it replayed at least
 * CHECKPOINT_TAIL records past where it started from. */
int session_checkpoint_due(const struct session *s);
/* Writes the checkpoint of the state as it is now, atomically (a
 * temporary file renamed over the old one).  0, or -1 with *err. */
int session_checkpoint_write(struct session *s, char **err);
/* When one is due: writes it in a child process (the caller goes on at
 * once, and the child's exit is collected here), for the screens after
 * their first frame.  Errors are ignored: a checkpoint is a cache. */
void session_checkpoint_background(struct session *s);

#endif
