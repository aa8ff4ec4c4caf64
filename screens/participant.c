/* participant.c -- the participant terminal (`convene join`): who is at it,
 * the draft of their idea, the kiosk's rules, and the loop from the join
 * screen to their screens and back (N, the next person). */
#include "participant.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "auth.h"
#include "cli.h"
#include "commands.h"
#include "drafts.h"
#include "i18n.h"
#include "langs.h"
#include "presence.h"
#include "questions.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"
#include "wall.h"
#include "zones.h"

#define PART_MIN_ROWS 10
#define PART_MIN_COLS 30	/* a phone's SSH client, held upright */
/* The draft is saved once typing pauses this long (ms), not per key. */
#define DRAFT_QUIET_MS 1000

struct part_role {
	struct session *s;
	int kiosk;
	const struct cli_term *term;	/* the terminal's flags */
	char *pid;		/* who is at the terminal; NULL: nobody */
	char *draft;		/* their unsent idea, NULL: none */
	char *saved;		/* what drafts/PID.txt holds now, NULL: none */
	int writing;		/* the idea's editor is open */
	int next_person;	/* N: back to the join screen */
	int phase, round;	/* what the voting was when last seen */
	size_t seen_messages;
	int started;		/* the first screen was chosen */
	char presented[64];	/* the item presented when last seen, "" */
	struct presence *here;	/* this terminal, open (presence.h) */
	/* The language picked on the join screen before the person was
	 * known ("": none), recorded for them once they are. */
	char join_lang[I18N_CODE_MAX + 1];
	int asked_zone;		/* the zone was offered on this join */
	struct langs langs;	/* the languages offered */
	const char *const *zones;	/* the zones offered by Z */
	size_t nzones;
};

static struct part_role *
role_of(const struct app *a)
{
	return app_role(a);
}

const char *
participant_id(const struct app *a)
{
	return role_of(a)->pid;
}

const char *
participant_zone(const struct app *a)
{
	const struct session *s = app_session(a);
	const char *z;

	if (!s->set.online || participant_id(a) == NULL)
		return NULL;
	z = session_participant_zone(s, participant_index(a));
	return z != NULL && s->module->timezone != NULL &&
	    strcmp(z, s->module->timezone) != 0 ? z : NULL;
}

int
participant_is_kiosk(const struct app *a)
{
	return role_of(a)->kiosk;
}

int
participant_index(const struct app *a)
{
	const char *pid = participant_id(a);

	return pid != NULL ? state_participant(app_session(a)->state, pid) :
	    -1;
}

int
participant_room(const struct app *a)
{
	const struct state *st = app_session(a)->state;
	int p = participant_index(a);

	return p >= 0 ? st->participants[p].room : -1;
}

const char *
participant_room_name(const struct app *a, int room)
{
	return state_room_label(app_session(a)->state, room);
}

void
participant_picked(struct app *a, const char *pid)
{
	struct part_role *r = role_of(a);

	free(r->pid);
	r->pid = xstrdup(pid);
	app_quit(a);
}

/* --- the draft ----------------------------------------------------------- */

static void
set_str(char **dst, const char *src)
{
	if (*dst != NULL && src != NULL && strcmp(*dst, src) == 0)
		return;
	free(*dst);
	*dst = src != NULL ? xstrdup(src) : NULL;
}

/* Writes the draft to disk when it differs from what is there. */
static void
save_draft(struct app *a, struct part_role *r)
{
	char *err = NULL;
	const char *d = r->draft != NULL ? r->draft : "";
	const char *on_disk = r->saved != NULL ? r->saved : "";

	if (r->pid == NULL || strcmp(d, on_disk) == 0)
		return;
	if (drafts_save(r->s->dir, r->pid, d, &err) != 0) {
		/* Typing goes on; the text is still in the editor. */
		if (a != NULL)
			app_error(a, err);
		else
			free(err);
		return;
	}
	set_str(&r->saved, d);
}

/* After a burst of keys: the editor's text goes to disk (so that a
 * dropped connection or a kill -9 keeps it). */
static void
part_after_keys(struct app *a)
{
	struct part_role *r = role_of(a);
	const char *t;

	if (!r->writing || (t = app_prompt_text(a)) == NULL)
		return;
	set_str(&r->draft, t);
	save_draft(a, r);
}

static void
idea_done(void *self, struct app *a, const char *text)
{
	struct part_role *r = self;
	const char *typed = app_prompt_text(a);
	char *err = NULL;
	int status;

	r->writing = 0;
	set_str(&r->draft, typed);
	if (text == NULL) {
		save_draft(a, r);
		if (r->draft != NULL && !text_is_blank(r->draft))
			app_message(a, "%s", _("kept as a draft: i goes on "
			    "with it"));
		return;
	}
	if (text_is_blank(text)) {
		set_str(&r->draft, NULL);
		save_draft(a, r);
		return;
	}
	status = cmd_idea(r->s, r->pid, NULL, text, NULL, &err);
	if (status == 0) {
		set_str(&r->draft, NULL);
		save_draft(a, r);
		if (drafts_discard(r->s->dir, r->pid, &err) != 0)
			app_error(a, err);
		else
			app_message(a, "%s", _("idea added"));
		return;
	}
	/* Refused: the text stays, on disk too. */
	save_draft(a, r);
	app_report(a, status, err, NULL);
}

int
participant_write(struct app *a)
{
	struct part_role *r = role_of(a);

	r->writing = 1;
	app_prompt(a, _("Your idea:"), r->draft, idea_done, r);
	return REQ_HANDLED;
}

/* --- language and time zone: L and Z ------------------------------------- */

/* The language of the terminal now: --lang, else the one chosen for this
 * person (on the join screen, or recorded), else the environment's. */
static void
apply_language(struct part_role *r)
{
	const struct state *st = r->s->state;
	int p = r->pid != NULL ? state_participant(st, r->pid) : -1;

	if (r->term != NULL && r->term->lang != NULL)
		i18n_set_language(r->term->lang);
	else if (r->join_lang[0] != '\0')
		i18n_set_language(r->join_lang);
	else if (p >= 0 && st->participants[p].lang != NULL)
		i18n_set_language(st->participants[p].lang);
	else
		i18n_set_language(NULL);
}

/* The picked language in force, and for a known person recorded, so that
 * their next terminal opens in it. */
static void
lang_picked(void *self, struct app *a, int picked)
{
	struct part_role *r = self;
	const char *code;
	char *err = NULL;
	int p;

	if (picked < 0 || (size_t)picked >= r->langs.n)
		return;
	code = r->langs.codes[picked];
	i18n_set_language(code);
	app_dirty(a, REQ_FULL);
	if (r->pid == NULL) {
		snprintf(r->join_lang, sizeof r->join_lang, "%s", code);
		return;
	}
	p = state_participant(r->s->state, r->pid);
	if (p >= 0 && r->s->state->participants[p].lang != NULL &&
	    strcmp(r->s->state->participants[p].lang, code) == 0)
		return;
	if (cmd_set_lang(r->s, r->pid, code, &err) != 0)
		app_error(a, err);
}

/* L: the languages offered, each named in its own script. */
static void
offer_languages(struct app *a, struct part_role *r)
{
	int sel = langs_find(&r->langs, i18n_language());
	const char **names = xcalloc(r->langs.n, sizeof *names);
	size_t i;

	for (i = 0; i < r->langs.n; i++)
		names[i] = langs_name(r->langs.codes[i]);
	/* Translators: your language's word for "Language", a slash,
	 * then the English word: whoever cannot read the language on the
	 * screen still finds this list. */
	app_pick(a, _("Language / Language"), names, r->langs.n,
	    sel >= 0 ? (size_t)sel : 0, lang_picked, r);
	free(names);
}

void
participant_join_shown(struct app *a)
{
	struct part_role *r = role_of(a);

	/* A shared terminal offers each new person the languages first. */
	if (r->kiosk && r->langs.n > 1 && (r->term == NULL ||
	    r->term->lang == NULL))
		offer_languages(a, r);
}

static int
key_language(void *self, struct app *a)
{
	(void)self;
	offer_languages(a, role_of(a));
	return REQ_HANDLED;
}

static void
zone_picked(void *self, struct app *a, int picked)
{
	struct part_role *r = self;
	char *err = NULL;
	const char *zone;

	if (picked < 0 || (size_t)picked > r->nzones)
		return;
	/* The last line: the workshop's zone. */
	zone = (size_t)picked == r->nzones ? r->s->module->timezone :
	    r->zones[picked];
	if (cmd_set_tz(r->s, r->pid, zone, &err) != 0)
		app_error(a, err);
	else
		app_message(a, _("your time zone: %s"), zone);
}

/* Z: the zones of their country (its default first) and the
 * workshop's; online only. */
static void
offer_zones(struct app *a, struct part_role *r)
{
	const struct state *st = r->s->state;
	int p = participant_index(a);
	const char *now = session_participant_zone(r->s, p);
	const char **lines;
	char *theirs;
	size_t i, sel = 0;

	if (p < 0)
		return;
	r->zones = zones_of_country(st->participants[p].country, &r->nzones);
	lines = xcalloc(r->nzones + 1, sizeof *lines);
	for (i = 0; i < r->nzones; i++) {
		lines[i] = r->zones[i];
		if (strcmp(r->zones[i], now) == 0)
			sel = i;
	}
	/* Translators: a line of the time-zone choice; %s is a zone such
	 * as Asia/Bangkok. */
	theirs = xasprintf(_("%s (the workshop's)"), r->s->module->timezone);
	lines[r->nzones] = theirs;
	if (sel == 0 && strcmp(now, r->s->module->timezone) == 0 &&
	    (r->nzones == 0 || strcmp(r->zones[0], now) != 0))
		sel = r->nzones;
	app_pick(a, _("Your time zone"), lines, r->nzones + 1, sel,
	    zone_picked, r);
	free(theirs);
	free(lines);
}

static int
key_zone(void *self, struct app *a)
{
	struct part_role *r = role_of(a);

	(void)self;
	if (!r->s->set.online) {
		app_message(a, "%s", _("this workshop is held in a room: "
		    "everyone keeps its time zone"));
		return REQ_HANDLED;
	}
	offer_zones(a, r);
	return REQ_HANDLED;
}

/* Online, a person whose country has several zones and who never said
 * which is theirs is asked, once a join. */
static void
ask_zone(struct app *a, struct part_role *r)
{
	const struct state *st = r->s->state;
	int p = participant_index(a);
	size_t n = 0;

	if (r->asked_zone || !r->s->set.online || p < 0 ||
	    st->participants[p].tz != NULL)
		return;
	r->asked_zone = 1;
	zones_of_country(st->participants[p].country, &n);
	if (n > 1)
		offer_zones(a, r);
}

/* --- the role's keys: N, and q on a kiosk -------------------------------- */

static int
key_next_person(void *self, struct app *a)
{
	struct part_role *r = role_of(a);

	(void)self;
	r->next_person = 1;
	app_quit(a);
	return REQ_HANDLED;
}

/* i on any screen: the Board, and the idea's prompt on it (the hint line
 * says "i idea" on every screen; the Board's own i is found first). */
static int
key_idea(void *self, struct app *a)
{
	(void)self;
	app_show(a, &part_board);
	return participant_write(a);
}

/* L and F2 both: F2 works on the join screen too, where letters search
 * the names.  (The entries are written out in each table: verify_verbs.sh
 * reads the tables.) */
static const struct binding part_keys[] = {
	{ 'i', "i", N_("write a new idea, from any screen (on the Board)"),
	    key_idea },
	{ 'L', "L F2", N_("language: the languages, each in its own script"),
	    key_language },
	{ KEYCODE(KEY_F(2)), NULL, NULL, key_language },
	{ 'Z', "Z", N_("your time zone (a workshop held online)"), key_zone },
	{ 0, NULL, NULL, NULL }
};

static const struct binding kiosk_keys[] = {
	{ 'i', "i", N_("write a new idea, from any screen (on the Board)"),
	    key_idea },
	{ 'N', "N", N_("next person: back to the list of names"),
	    key_next_person },
	{ 'L', "L F2", N_("language: the languages, each in its own script"),
	    key_language },
	{ KEYCODE(KEY_F(2)), NULL, NULL, key_language },
	{ 'Z', "Z", N_("your time zone (a workshop held online)"), key_zone },
	{ 0, NULL, NULL, NULL }
};

static const struct binding join_role_keys[] = {
	{ KEYCODE(KEY_F(2)), "F2", N_("language: the languages, each in its "
	    "own script"), key_language },
	{ 0, NULL, NULL, NULL }
};

static void
passphrase_done(void *self, struct app *a, const char *text)
{
	struct part_role *r = self;

	char *err = NULL;
	int ok;

	if (text == NULL)
		return;
	/* Throttled per user and terminal: a kiosk is no guessing machine. */
	ok = auth_try(r->s, r->s->set.passphrase_hash, text, &err);
	if (ok == 1)
		app_quit(a);
	else if (ok < 0)
		app_error(a, err);
	else
		app_error(a, xstrdup(_("that is not the facilitator's "
		    "passphrase")));
	if (ok != -1)
		free(err);
}

static void
confirm_done(void *self, struct app *a, int yes)
{
	(void)self;
	if (yes)
		app_quit(a);
}

/* q on a shared terminal: only the facilitator may close it. */
static void
kiosk_quit(struct app *a)
{
	struct part_role *r = role_of(a);

	if (auth_has_passphrase(r->s))
		app_prompt_secret(a, _("Facilitator's passphrase to close "
		    "this terminal:"), passphrase_done, r);
	else
		app_confirm(a, _("Close this shared terminal? (the session "
		    "has no facilitator passphrase)"), confirm_done, r);
}

static void
plain_quit(struct app *a)
{
	app_quit(a);
}

/* --- following the session ----------------------------------------------- */

/* Messages for this participant that arrived since the last look show in
 * the message line (the board shows the latest too). */
static void
new_messages(struct app *a, struct part_role *r)
{
	const struct state *st = app_session(a)->state;
	int room = participant_room(a);
	size_t i;

	for (i = r->seen_messages; i < st->nmessages; i++) {
		const struct message *m = &st->messages[i];

		if (m->room >= 0 && m->room != room)
			continue;
		if (m->recall)
			app_message(a, "%s %s", _("Back to the plenary, "
			    "please."), m->text != NULL ? m->text : "");
		else
			app_message(a, _("Message: %s"), m->text);
	}
	r->seen_messages = st->nmessages;
}

/* Voting opened, closed or was revealed: the ballot comes forward; when
 * the agenda moved on, the board. */
static void
follow_phase(struct app *a, struct part_role *r)
{
	int round, phase = (int)wall_phase(app_session(a)->state,
	    participant_room(a), &round);

	if (phase == r->phase && round == r->round && r->started)
		return;
	r->phase = phase;
	r->round = round;
	r->started = 1;
	if (phase == WALL_VOTING || phase == WALL_REVEALED)
		app_show(a, &part_ballot);
	else if (phase == WALL_IDEAS)
		app_show(a, &part_board);
}

/* Presenting started, or moved to another item's page: the Page comes
 * forward, as the ballot does when voting opens.  (Stopping leaves the
 * participant where they are: they may be reading.) */
static void
follow_present(struct app *a, struct part_role *r)
{
	const char *item = app_session(a)->state->present.item;

	if (item == NULL) {
		r->presented[0] = '\0';
		return;
	}
	if (strcmp(r->presented, item) == 0)
		return;
	snprintf(r->presented, sizeof r->presented, "%s", item);
	app_show(a, &part_page);
}

static void
part_changed(struct app *a)
{
	struct part_role *r = role_of(a);
	const struct screen_ops *q;

	app_set_room(a, participant_room(a));
	new_messages(a, r);
	follow_phase(a, r);
	follow_present(a, r);
	q = questions_attention(a);
	if (q != NULL)
		app_show(a, q);
}

void
participant_start(struct app *a)
{
	struct part_role *r = role_of(a);

	if (r->started)
		return;
	follow_phase(a, r);
	ask_zone(a, r);
	/* joining while a page is presented: open on it, at the presenter's
	 * place (unless a vote is open: that is what the room does now) */
	if (r->phase == WALL_VOTING && app_session(a)->state->present.item !=
	    NULL)
		snprintf(r->presented, sizeof r->presented, "%s",
		    app_session(a)->state->present.item);
	follow_present(a, r);
	/* The draft a dropped connection left behind, offered again. */
	if (r->draft != NULL && !text_is_blank(r->draft))
		app_message(a, "%s", _("your unsent idea was kept: i goes on "
		    "with it"));
}

/* --- running it ---------------------------------------------------------- */

static const struct screen_ops *const join_screens[] = { &part_join };
static const struct screen_ops *const part_screens[] = {
	&part_board, &part_ballot, &part_questions, &part_poll, &part_eval,
	&part_agenda,		/* the digits before it keep their screens */
	/* after the Agenda: every screen keeps its digit (7 is the Agenda,
	 * as people were told), and Page, a newcomer, takes the next one;
	 * it comes forward by itself when presenting starts anyway */
	&part_page,
};

static void
base_config(struct app_config *cfg, struct part_role *r)
{
	memset(cfg, 0, sizeof *cfg);
	cfg->role = r;
	cfg->kiosk = r->kiosk;
	cfg->quit = r->kiosk ? kiosk_quit : plain_quit;
	cfg->min_rows = PART_MIN_ROWS;
	cfg->min_cols = PART_MIN_COLS;
	cfg->clock_falls_back = 1;
	cfg->thin_clock = 1;
	app_config_term(cfg, r->term);
}

/* Someone picked themselves: present today, and their draft back. */
static void
joined(struct part_role *r)
{
	char *err = NULL;

	if (cmd_checkin(r->s, r->pid, &err) != 0)
		free(err);	/* not a workshop day: nothing to record */
	err = NULL;
	if (r->here != NULL && presence_set(r->here, r->kiosk ?
	    PRESENCE_KIOSK : PRESENCE_PARTICIPANT, r->pid, &err) != 0)
		free(err);
	free(r->draft);
	r->draft = NULL;
	if (drafts_load(r->s->dir, r->pid, &r->draft, &err) != 0)
		free(err);
	set_str(&r->saved, r->draft);
	r->writing = 0;
	r->next_person = 0;
	r->started = 0;
	r->asked_zone = 0;
	r->presented[0] = '\0';
	r->seen_messages = r->s->state->nmessages;
}

/* The language picked on the join screen, for the person now known. */
static void
record_join_lang(struct part_role *r)
{
	const struct state *st = r->s->state;
	int p = state_participant(st, r->pid);
	char *err = NULL;

	if (r->join_lang[0] == '\0' || p < 0 ||
	    (st->participants[p].lang != NULL &&
	    strcmp(st->participants[p].lang, r->join_lang) == 0))
		return;
	if (cmd_set_lang(r->s, r->pid, r->join_lang, &err) != 0)
		free(err);	/* the terminal is in it all the same */
}

static int
run_join(struct part_role *r)
{
	struct app_config cfg;

	base_config(&cfg, r);
	cfg.screens = join_screens;
	cfg.nscreens = NELEM(join_screens);
	cfg.body_follows_prompt = 1;	/* the names and countries found */
	cfg.keys = join_role_keys;
	/* Translators: the join screen's hint line; it fits 80 columns. */
	cfg.hint = r->kiosk ? N_("type your name   Enter pick   ? keys") :
	    N_("type your name   Enter pick   ? keys   q quit");
	/* More than English to choose from: say how. */
	if (r->langs.n > 1)
		/* Translators: the join screen's hint line; it fits 80
		 * columns. */
		cfg.hint = r->kiosk ? N_("type your name   Enter pick   F2 "
		    "language   ? keys") : N_("type your name   Enter pick   "
		    "F2 language   ? keys   q quit");
	return app_run(r->s, &cfg);
}

static int
run_participant(struct part_role *r)
{
	struct app_config cfg;
	const struct state *st = r->s->state;
	int p = state_participant(st, r->pid), status;

	base_config(&cfg, r);
	cfg.screens = part_screens;
	cfg.nscreens = NELEM(part_screens);
	cfg.keys = r->kiosk ? kiosk_keys : part_keys;
	cfg.room = p >= 0 && st->participants[p].room >= 0 ?
	    st->rooms[st->participants[p].room].id : NULL;
	cfg.changed = part_changed;
	cfg.zone = participant_zone;
	cfg.after_keys = part_after_keys;
	cfg.after_keys_quiet_ms = DRAFT_QUIET_MS;
	/* Translators: the participant's hint line, keys then what they
	 * do; it must fit 80 columns (tests/e2e/lang_screens.sh). */
	cfg.hint = r->kiosk ? N_("i idea   Tab next screen   ? keys   "
	    "N next person") : N_("i idea   Tab next screen   ? keys   "
	    "q quit");
	status = app_run(r->s, &cfg);
	/* Whatever the way out (q, N, SIGHUP, SIGTERM), the draft is on
	 * disk: once more for the keys of the last burst. */
	save_draft(NULL, r);
	return status;
}

int
participant_main(struct session *s, const char *as, int kiosk,
    const struct cli_term *term)
{
	struct part_role r;
	char *err = NULL;
	int status = 0;

	memset(&r, 0, sizeof r);
	langs_scan(&r.langs);
	r.s = s;
	r.kiosk = kiosk;
	r.term = term;
	r.pid = as != NULL ? xstrdup(as) : NULL;
	r.here = presence_open(s->dir, kiosk ? PRESENCE_KIOSK :
	    PRESENCE_PARTICIPANT, NULL, &err);
	free(err);		/* unseen: the terminal works all the same */
	presence_set_polling(r.here, journal_watch_fd(s->journal) < 0, NULL);
	if (kiosk) {
		/* From the start, before the terminal is even set up. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
	}
	for (;;) {
		if (r.pid == NULL) {
			status = run_join(&r);
			if (r.pid == NULL || status != 0)
				break;
		}
		joined(&r);
		apply_language(&r);
		record_join_lang(&r);
		status = run_participant(&r);
		if (!r.next_person || status != 0)
			break;
		free(r.pid);
		r.pid = NULL;
		/* The next person starts in the terminal's own language. */
		r.join_lang[0] = '\0';
		apply_language(&r);
		if (presence_set(r.here, PRESENCE_KIOSK, NULL, &err) != 0)
			free(err);
		err = NULL;
		free(r.draft);
		r.draft = NULL;
		free(r.saved);
		r.saved = NULL;
	}
	presence_close(r.here);
	langs_free(&r.langs);
	wall_shutdown();
	text_shutdown();
	free(r.pid);
	free(r.draft);
	free(r.saved);
	return status;
}
