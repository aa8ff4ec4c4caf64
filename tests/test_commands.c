/*
 * test_commands.c -- every command's rules, against a real session in a
 * temporary directory (a small module written here), through the real
 * journal.  A refusal must say why and write nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "auth.h"
#include "commands.h"
#include "journal.h"
#include "session.h"
#include "session_fixture.h"
#include "util.h"

static const char module_ini[] =
    "[module]\n"
    "title = Test workshop\n"
    "provider = Tests\n"
    "days = 2\n"
    "timezone = Asia/Bangkok\n"
    "description = A module for the tests.\n"
    "\n"
    "[session d1-open]\n"
    "day = 1\n"
    "start = 09:00\n"
    "minutes = 30\n"
    "kind = lecture\n"
    "title = Opening\n"
    "\n"
    "[session d1-ideate]\n"
    "day = 1\n"
    "start = 09:30\n"
    "minutes = 45\n"
    "kind = group-work\n"
    "title = Many ideas\n"
    "stage = ideate\n"
    "\n"
    "[session d2-proto]\n"
    "day = 2\n"
    "start = 09:00\n"
    "minutes = 60\n"
    "kind = group-work\n"
    "title = Prototypes\n"
    "stage = prototype\n"
    "\n"
    "[evaluation overall]\n"
    "question = How useful was it?\n"
    "kind = scale\n"
    "\n"
    "[evaluation comments]\n"
    "question = Anything else?\n"
    "kind = text\n";

static int
setup(void **state)
{
	*state = sfx_new(module_ini, "Test session");
	return 0;
}

static off_t
journal_size(const struct session_fixture *f)
{
	char *path = path_join(f->dir, "journal.csv");
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	free(path);
	return sb.st_size;
}

/* Runs a command expression that must be refused: 1, a message holding
 * `want`, and not one byte written. */
#define REFUSED(f, want, call) do {					\
	off_t before_ = journal_size(f);				\
	int r_;								\
	err = NULL;							\
	r_ = (call);							\
	if (r_ != 1)							\
		fail_msg("%s: expected a refusal, got %d (%s)", #call,	\
		    r_, err != NULL ? err : "");			\
	assert_non_null(err);						\
	if (strstr(err, want) == NULL)					\
		fail_msg("%s: message '%s' lacks '%s'", #call, err, want); \
	assert_int_equal(journal_size(f), before_);			\
	free(err);							\
	err = NULL;							\
} while (0)

#define DONE(call) do {							\
	int r_;								\
	err = NULL;							\
	r_ = (call);							\
	if (r_ != 0)							\
		fail_msg("%s: %d %s", #call, r_, err != NULL ? err : ""); \
} while (0)

static char *
person(struct session_fixture *f, const char *name, const char *country)
{
	char *id = NULL, *err = NULL;

	if (cmd_participant(f->s, NULL, name, country, "An agency", NULL, &id,
	    &err) != 0)
		fail_msg("cmd_participant: %s", err);
	return id;
}

static char *
idea(struct session_fixture *f, const char *by, const char *text)
{
	char *id = NULL, *err = NULL;

	if (cmd_idea(f->s, by, NULL, text, &id, &err) != 0)
		fail_msg("cmd_idea: %s", err);
	return id;
}

/* --- participants -------------------------------------------------------- */

static void
test_participant_rules(void **state)
{
	struct session_fixture *f = *state;
	char *id = NULL, *err = NULL, name[128];
	const struct participant *p;

	DONE(cmd_participant(f->s, NULL, "김민준", "kr", "MOIS, \"Seoul\"",
	    "minjun@example.kr", &id, &err));
	assert_string_equal(id, "p1");
	free(id);
	DONE(cmd_participant(f->s, NULL, "Somchai", "Thailand", NULL, NULL,
	    &id, &err));
	assert_string_equal(id, "p2");
	free(id);
	DONE(cmd_participant(f->s, NULL, "Kim", "South Korea", "", "", &id,
	    &err));
	free(id);
	p = &f->s->state->participants[0];
	assert_string_equal(p->country, "KR");
	assert_string_equal(p->org, "MOIS, \"Seoul\"");
	assert_string_equal(p->email, "minjun@example.kr");
	assert_string_equal(f->s->state->participants[1].country, "TH");
	assert_string_equal(f->s->state->participants[2].country, "KR");
	REFUSED(f, "unknown country 'Atlantis'", cmd_participant(f->s, NULL,
	    "A", "Atlantis", NULL, NULL, NULL, &err));
	REFUSED(f, "name is empty", cmd_participant(f->s, NULL, "  ", "KR",
	    NULL, NULL, NULL, &err));
	REFUSED(f, "control characters", cmd_participant(f->s, NULL,
	    "A\x1b[2J", "KR", NULL, NULL, NULL, &err));
	REFUSED(f, "not valid UTF-8", cmd_participant(f->s, NULL, "A\xff",
	    "KR", NULL, NULL, NULL, &err));
	memset(name, 'x', 101);
	name[101] = '\0';
	REFUSED(f, "is 101 characters: the longest is 100",
	    cmd_participant(f->s, NULL, name, "KR", NULL, NULL, NULL, &err));
	REFUSED(f, "not an email address", cmd_participant(f->s, NULL, "B",
	    "KR", NULL, "nobody", NULL, &err));
	REFUSED(f, "registered already with the email",
	    cmd_participant(f->s, NULL, "Other", "KR", NULL,
	    "MINJUN@example.kr", NULL, &err));
	assert_int_equal(f->s->state->nparticipants, 3);
}

static void
test_checkin(void **state)
{
	struct session_fixture *f = *state;
	char *p = person(f, "A", "LA"), *err = NULL;
	off_t size;
	int64_t day;

	DONE(cmd_checkin(f->s, p, &err));
	assert_non_null(state_checkin(f->s->state, 0, 1));
	/* Twice the same day: done, and nothing more written. */
	size = journal_size(f);
	DONE(cmd_checkin(f->s, p, &err));
	assert_int_equal(journal_size(f), size);
	REFUSED(f, "no participant 'p9'", cmd_checkin(f->s, "p9", &err));
	/* Only on the workshop's days (the test module has two). */
	day = journal_now_ms() + 10 * 86400000LL;
	state_set_days(f->s->state, &day, 1);
	REFUSED(f, "check-in opens on day 1", cmd_checkin(f->s, p, &err));
	day = journal_now_ms() - 10 * 86400000LL;
	state_set_days(f->s->state, &day, 1);
	REFUSED(f, "2 days are over", cmd_checkin(f->s, p, &err));
	free(p);
}

static void
test_pin(void **state)
{
	struct session_fixture *f = *state;
	char *p = person(f, "A", "NP"), *err = NULL;

	REFUSED(f, "4 to 8 digits", cmd_set_pin(f->s, p, "12a4", &err));
	REFUSED(f, "has no PIN", cmd_set_pin(f->s, p, NULL, &err));
	DONE(cmd_set_pin(f->s, p, "4321", &err));
	assert_non_null(f->s->state->participants[0].pin_hash);
	assert_true(auth_verify(f->s->state->participants[0].pin_hash, "4321"));
	assert_false(auth_verify(f->s->state->participants[0].pin_hash, "1234"));
	setenv(AUTH_PIN_ENV, "4321", 1);
	assert_int_equal(auth_participant(f->s, 0, &err), 0);
	setenv(AUTH_PIN_ENV, "0000", 1);
	assert_int_equal(auth_participant(f->s, 0, &err), 1);
	assert_non_null(strstr(err, "wrong PIN"));
	free(err);
	unsetenv(AUTH_PIN_ENV);
	DONE(cmd_set_pin(f->s, p, NULL, &err));
	assert_null(f->s->state->participants[0].pin_hash);
	free(p);
}

/* A participant's language: recorded, replayed by another view of the
 * session, forgotten with ""; a malformed code is refused. */
static void
test_lang(void **state)
{
	struct session_fixture *f = *state;
	char *p = person(f, "A", "NP"), *err = NULL;
	struct session *other;

	assert_null(f->s->state->participants[0].lang);
	REFUSED(f, "not a language code", cmd_set_lang(f->s, p, "../th",
	    &err));
	REFUSED(f, "not a language code", cmd_set_lang(f->s, p, "TH", &err));
	REFUSED(f, "no participant", cmd_set_lang(f->s, "p99", "th", &err));
	DONE(cmd_set_lang(f->s, p, "ne", &err));
	assert_string_equal(f->s->state->participants[0].lang, "ne");
	other = sfx_open(f->dir, SESSION_READ_ONLY);
	assert_string_equal(other->state->participants[0].lang, "ne");
	session_close(other);
	DONE(cmd_set_lang(f->s, p, "", &err));
	assert_null(f->s->state->participants[0].lang);
	free(p);
}

/* --- ideas --------------------------------------------------------------- */

static void
test_idea_rules(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "MN"), *err = NULL, *id = NULL;
	char *text = xmalloc(3 * 1001 + 1);
	size_t i;

	id = idea(f, a, "Renew an ID card by phone");
	assert_string_equal(id, "i1");
	free(id);
	assert_string_equal(state_idea_stage(f->s->state, 0), "");
	assert_int_equal(f->s->state->ideas[0].author, 0);
	/* Ideas take the stage of the agenda item they were written in. */
	DONE(cmd_agenda(f->s, AGENDA_GOTO, "d1-ideate", &err));
	id = idea(f, a, "ลงทะเบียนออนไลน์");
	assert_string_equal(state_idea_stage(f->s->state, 1), "ideate");
	assert_string_equal(state_idea_agenda(f->s->state, 1), "d1-ideate");
	free(id);
	DONE(cmd_idea(f->s, ACTOR_FACILITATOR, NULL, "From the front", &id,
	    &err));
	assert_int_equal(f->s->state->ideas[2].author, -1);
	free(id);
	REFUSED(f, "no participant 'p7'", cmd_idea(f->s, "p7", NULL, "x",
	    NULL, &err));
	REFUSED(f, "idea is empty", cmd_idea(f->s, a, NULL, " \n\t", NULL,
	    &err));
	REFUSED(f, "not valid UTF-8", cmd_idea(f->s, a, NULL, "bad \xc3(",
	    NULL, &err));
	/* 1,001 Thai characters (three bytes each) are too many... */
	for (i = 0; i < 1001; i++)
		memcpy(text + 3 * i, "ก", 3);
	text[3 * 1001] = '\0';
	REFUSED(f, "the idea is 1,001 characters: the longest is 1,000",
	    cmd_idea(f->s, a, NULL, text, NULL, &err));
	/* ...1,000 are fine. */
	text[3 * 1000] = '\0';
	DONE(cmd_idea(f->s, a, NULL, text, NULL, &err));
	REFUSED(f, "no room 'r1'", cmd_idea(f->s, a, "r1", "x", NULL, &err));
	assert_int_equal(f->s->state->nideas, 4);
	free(text);
	free(a);
}

static void
test_idea_room_rules(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "KR"), *b = person(f, "B", "TH");
	char *err = NULL, *id = NULL;

	DONE(cmd_rooms_make(f->s, 2, 0, &err));
	assert_int_equal(f->s->state->participants[0].room, 0);
	assert_int_equal(f->s->state->participants[1].room, 1);
	/* An idea goes to the author's room by default... */
	id = idea(f, a, "in my room");
	assert_int_equal(f->s->state->ideas[0].room, 0);
	free(id);
	/* ...and a participant cannot write on another room's board. */
	REFUSED(f, "is not in room r2", cmd_idea(f->s, a, "r2", "x", NULL,
	    &err));
	DONE(cmd_idea(f->s, b, "r2", "in r2", NULL, &err));
	DONE(cmd_idea(f->s, ACTOR_FACILITATOR, "r1", "seed", NULL, &err));
	assert_int_equal(f->s->state->ideas[2].room, 0);
	free(a);
	free(b);
}

static void
test_idea_changes(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "BT"), *b = person(f, "B", "BD");
	char *i1 = idea(f, a, "one"), *i2 = idea(f, b, "two");
	char *i3 = idea(f, b, "three"), *err = NULL;
	const struct state *st = f->s->state;

	DONE(cmd_idea_edit(f->s, a, i1, "one, better", &err));
	assert_string_equal(state_idea_text(f->s->state, 0), "one, better");
	REFUSED(f, "only the author of i1 or the facilitator",
	    cmd_idea_edit(f->s, b, i1, "mine now", &err));
	DONE(cmd_idea_edit(f->s, ACTOR_FACILITATOR, i1, "one, edited", &err));
	REFUSED(f, "unchanged", cmd_idea_edit(f->s, a, i1, "one, edited",
	    &err));
	REFUSED(f, "no idea 'i9'", cmd_idea_edit(f->s, a, "i9", "x", &err));
	REFUSED(f, "idea is empty", cmd_idea_edit(f->s, a, i1, "", &err));

	REFUSED(f, "only the author", cmd_idea_withdraw(f->s, b, i1, 1, &err));
	DONE(cmd_idea_withdraw(f->s, a, i1, 1, &err));
	REFUSED(f, "withdrawn already", cmd_idea_withdraw(f->s, a, i1, 1,
	    &err));
	DONE(cmd_idea_withdraw(f->s, ACTOR_FACILITATOR, i1, 0, &err));
	REFUSED(f, "not withdrawn", cmd_idea_withdraw(f->s, a, i1, 0, &err));

	REFUSED(f, "cannot be merged into itself", cmd_idea_merge(f->s, i1, i1,
	    &err));
	REFUSED(f, "is not merged", cmd_idea_merge(f->s, i2, NULL, &err));
	DONE(cmd_idea_merge(f->s, i2, i1, &err));
	assert_int_equal(st->ideas[1].merged_into, 0);
	REFUSED(f, "merged into i1 already", cmd_idea_merge(f->s, i2, i3,
	    &err));
	REFUSED(f, "is itself merged into i1", cmd_idea_merge(f->s, i3, i2,
	    &err));
	DONE(cmd_idea_merge(f->s, i2, NULL, &err));	/* the undo */
	assert_int_equal(f->s->state->ideas[1].merged_into, -1);

	DONE(cmd_idea_promote(f->s, i1, 1, &err));
	REFUSED(f, "a prototype already", cmd_idea_promote(f->s, i1, 1, &err));
	DONE(cmd_idea_promote(f->s, i1, 0, &err));
	REFUSED(f, "not a prototype", cmd_idea_promote(f->s, i1, 0, &err));
	DONE(cmd_idea_hide(f->s, i3, 1, &err));
	REFUSED(f, "hidden already", cmd_idea_hide(f->s, i3, 1, &err));
	DONE(cmd_idea_hide(f->s, i3, 0, &err));
	REFUSED(f, "not hidden", cmd_idea_hide(f->s, i3, 0, &err));
	free(a);
	free(b);
	free(i1);
	free(i2);
	free(i3);
}

/* --- votes --------------------------------------------------------------- */

static void
test_vote_rules(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "KZ"), *b = person(f, "B", "UZ");
	char *i1 = idea(f, a, "one"), *i2 = idea(f, b, "two");
	char *i3 = idea(f, b, "three"), *round = NULL, *err = NULL;
	const struct round *r;

	REFUSED(f, "voting is not open", cmd_vote(f->s, a, i2, 1, &err));
	DONE(cmd_voting_open(f->s, NULL, 0, 0, &round, &err));
	assert_string_equal(round, "v1");
	DONE(cmd_vote(f->s, a, i2, 3, &err));
	DONE(cmd_vote(f->s, a, i1, 1, &err));	/* one's own: allowed */
	REFUSED(f, "has 1 of 5 dots left in round v1", cmd_vote(f->s, a, i3,
	    2, &err));
	DONE(cmd_vote(f->s, a, i3, 1, &err));
	REFUSED(f, "has 0 of 5 dots left", cmd_vote(f->s, a, i3, 1, &err));
	REFUSED(f, "no idea 'i8'", cmd_vote(f->s, a, "i8", 1, &err));
	REFUSED(f, "no participant 'p8'", cmd_vote(f->s, "p8", i1, 1, &err));
	REFUSED(f, "at least one dot", cmd_vote(f->s, a, i1, 0, &err));
	/* Taking dots back. */
	REFUSED(f, "has 3 dots on i2", cmd_vote(f->s, a, i2, -4, &err));
	DONE(cmd_vote(f->s, a, i2, -2, &err));
	r = &f->s->state->rounds[0];
	assert_int_equal(round_spent(r, 0), 3);
	assert_int_equal(round_idea_dots(r, 1), 1);
	/* Merged, withdrawn and hidden ideas take no new dots. */
	DONE(cmd_idea_merge(f->s, i3, i1, &err));
	REFUSED(f, "i3 was merged into i1: vote for i1", cmd_vote(f->s, b, i3,
	    1, &err));
	DONE(cmd_vote(f->s, a, i3, -1, &err));	/* but give back, yes */
	DONE(cmd_idea_withdraw(f->s, a, i1, 1, &err));
	REFUSED(f, "withdrawn", cmd_vote(f->s, b, i1, 1, &err));
	DONE(cmd_idea_hide(f->s, i2, 1, &err));
	REFUSED(f, "hidden", cmd_vote(f->s, a, i2, 1, &err));
	DONE(cmd_idea_hide(f->s, i2, 0, &err));
	/* Self votes, when the session forbids them. */
	f->s->state->no_self_votes = 1;
	REFUSED(f, "does not allow dots on one's own ideas", cmd_vote(f->s, b,
	    i2, 1, &err));
	f->s->state->no_self_votes = 0;
	DONE(cmd_voting_close(f->s, 1, &err));
	REFUSED(f, "voting is not open", cmd_vote(f->s, a, i2, -1, &err));
	free(round);
	free(a);
	free(b);
	free(i1);
	free(i2);
	free(i3);
}

static void
test_vote_scopes(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "KR"), *b = person(f, "B", "TH");
	char *ia, *ib, *err = NULL, *round = NULL;

	DONE(cmd_rooms_make(f->s, 2, 0, &err));
	ia = idea(f, a, "room one idea");
	ib = idea(f, b, "room two idea");
	REFUSED(f, "no idea is a prototype yet", cmd_voting_open(f->s, NULL, 0,
	    1, NULL, &err));
	REFUSED(f, "no room 'r7'", cmd_voting_open(f->s, "r7", 0, 0, NULL,
	    &err));
	DONE(cmd_voting_open(f->s, "r1", 2, 0, &round, &err));
	REFUSED(f, "voting is open already (round v1)", cmd_voting_open(f->s,
	    NULL, 0, 0, NULL, &err));
	REFUSED(f, "round v1 is for room r1, and p2 is not in it",
	    cmd_vote(f->s, b, ia, 1, &err));
	REFUSED(f, "i2 is not on the board of room r1", cmd_vote(f->s, a, ib,
	    1, &err));
	DONE(cmd_vote(f->s, a, ia, 2, &err));
	REFUSED(f, "0 of 2 dots left", cmd_vote(f->s, a, ia, 1, &err));
	DONE(cmd_voting_close(f->s, 1, &err));
	free(round);
	DONE(cmd_idea_promote(f->s, ib, 1, &err));
	DONE(cmd_voting_open(f->s, NULL, 0, 1, &round, &err));
	assert_string_equal(round, "v2");
	assert_int_equal(f->s->state->rounds[1].budget, 5);
	REFUSED(f, "for prototypes only, and i1 is not one", cmd_vote(f->s, a,
	    ia, 1, &err));
	DONE(cmd_vote(f->s, a, ib, 1, &err));
	free(round);
	free(ia);
	free(ib);
	free(a);
	free(b);
}

static void
test_voting_round_rules(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;

	REFUSED(f, "no voting round was opened", cmd_voting_close(f->s, 1,
	    &err));
	REFUSED(f, "no voting round was opened", cmd_voting_reveal(f->s, 1,
	    &err));
	REFUSED(f, "budget is 1 to 99", cmd_voting_open(f->s, NULL, 100, 0,
	    NULL, &err));
	DONE(cmd_voting_open(f->s, NULL, 3, 0, NULL, &err));
	REFUSED(f, "is still open", cmd_voting_reveal(f->s, 1, &err));
	REFUSED(f, "is open already", cmd_voting_close(f->s, 0, &err));
	DONE(cmd_voting_close(f->s, 1, &err));
	REFUSED(f, "voting is not open", cmd_voting_close(f->s, 1, &err));
	DONE(cmd_voting_close(f->s, 0, &err));		/* reopen (undo) */
	assert_int_equal(state_open_round(f->s->state), 0);
	DONE(cmd_voting_close(f->s, 1, &err));
	REFUSED(f, "are not shown", cmd_voting_reveal(f->s, 0, &err));
	DONE(cmd_voting_reveal(f->s, 1, &err));
	REFUSED(f, "shown already", cmd_voting_reveal(f->s, 1, &err));
	REFUSED(f, "hide them before reopening", cmd_voting_close(f->s, 0,
	    &err));
	DONE(cmd_voting_reveal(f->s, 0, &err));		/* undo */
	assert_int_equal(f->s->state->rounds[0].revealed, 0);
}

/* --- timers, agenda, rooms, messages -------------------------------------- */

static void
test_timer_rules(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;
	const struct timer *t;

	REFUSED(f, "not running", cmd_timer(f->s, NULL, TIMER_PAUSE, 0, &err));
	REFUSED(f, "not paused", cmd_timer(f->s, NULL, TIMER_RESUME, 0, &err));
	REFUSED(f, "not running", cmd_timer(f->s, NULL, TIMER_STOP, 0, &err));
	REFUSED(f, "not running", cmd_timer(f->s, NULL, TIMER_EXTEND, 60,
	    &err));
	REFUSED(f, "give the minutes", cmd_timer(f->s, NULL, TIMER_START, 0,
	    &err));
	REFUSED(f, "no room 'r1'", cmd_timer(f->s, "r1", TIMER_START, 60,
	    &err));
	/* Without minutes, the current agenda item's (which making it
	 * current started already). */
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_STOP, 0, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_START, 0, &err));
	t = state_timer(f->s->state, -1);
	assert_true(t->length_ms == 30 * 60 * 1000);
	REFUSED(f, "running: stop it", cmd_timer(f->s, NULL, TIMER_START, 60,
	    &err));
	DONE(cmd_timer(f->s, NULL, TIMER_PAUSE, 0, &err));
	REFUSED(f, "not running", cmd_timer(f->s, NULL, TIMER_PAUSE, 0, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_EXTEND, 300, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_RESUME, 0, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_EXTEND, -300, &err));	/* undo */
	REFUSED(f, "shortened to nothing", cmd_timer(f->s, NULL, TIMER_EXTEND,
	    -1800, &err));
	REFUSED(f, "extended by 1 minute", cmd_timer(f->s, NULL, TIMER_EXTEND,
	    0, &err));
	t = state_timer(f->s->state, -1);
	assert_true(t->length_ms == 30 * 60 * 1000);
	assert_int_equal(t->state, TIMER_RUNNING);
	DONE(cmd_timer(f->s, NULL, TIMER_STOP, 0, &err));
	DONE(cmd_timer(f->s, NULL, TIMER_START, 90, &err));
	assert_true(state_timer(f->s->state, -1)->length_ms == 90000);
}

/* Ids are lower case in the module; goto takes them in any case. */
static void
test_agenda_goto_any_case(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;

	DONE(cmd_agenda(f->s, AGENDA_GOTO, "D1-Ideate", &err));
	assert_string_equal(f->s->state->agenda_id, "d1-ideate");
	REFUSED(f, "no agenda item 'D1-IDEAT'", cmd_agenda(f->s, AGENDA_GOTO,
	    "D1-IDEAT", &err));
}

static void
test_agenda_rules(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;

	REFUSED(f, "at its first item", cmd_agenda(f->s, AGENDA_PREV, NULL,
	    &err));
	REFUSED(f, "has not started", cmd_agenda(f->s, AGENDA_GOTO, "", &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_string_equal(f->s->state->agenda_id, "d1-open");
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_string_equal(f->s->state->agenda_id, "d2-proto");
	REFUSED(f, "at its last item", cmd_agenda(f->s, AGENDA_NEXT, NULL,
	    &err));
	DONE(cmd_agenda(f->s, AGENDA_PREV, NULL, &err));
	assert_string_equal(f->s->state->agenda_id, "d1-ideate");
	REFUSED(f, "no agenda item 'd9'", cmd_agenda(f->s, AGENDA_GOTO, "d9",
	    &err));
	DONE(cmd_agenda(f->s, AGENDA_GOTO, "d1-open", &err));
	DONE(cmd_agenda(f->s, AGENDA_GOTO, NULL, &err));	/* undo */
	assert_null(f->s->state->agenda_id);
	assert_int_equal(f->s->state->nvisits, 6);
}

/* The agenda and the session timer as a fresh replay of the journal sees
 * them ("d1-open ended timer-idle"), into buf. */
static const char *
replayed_agenda(struct session_fixture *f, char *buf, size_t size)
{
	struct session *s = sfx_open(f->dir, 0);
	const struct state *st = s->state;
	const struct timer *t = state_timer(st, -1);

	snprintf(buf, size, "%s %s %s", st->agenda_id != NULL ?
	    st->agenda_id : "-", st->agenda_ended ? "ended" : "running",
	    t == NULL ? "never" : t->state == TIMER_RUNNING ? "timer-running" :
	    t->state == TIMER_PAUSED ? "timer-paused" : "timer-idle");
	session_close(s);
	return buf;
}

/* Making an item current ends the one before with its timer and starts
 * the new one's with its planned minutes; end ends it with nothing after;
 * a fresh replay agrees. */
static void
test_agenda_drives_timer(void **state)
{
	struct session_fixture *f = *state;
	const struct timer *t;
	char *err = NULL, buf[128];

	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	t = state_timer(f->s->state, -1);
	assert_int_equal(t->state, TIMER_RUNNING);
	assert_true(t->length_ms == 30 * 60 * 1000);
	DONE(cmd_timer(f->s, NULL, TIMER_EXTEND, 300, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	t = state_timer(f->s->state, -1);
	assert_int_equal(t->state, TIMER_RUNNING);
	assert_true(t->length_ms == 45 * 60 * 1000);	/* not 35 + 45 */
	/* A paused timer is stopped too: the new one runs. */
	DONE(cmd_timer(f->s, NULL, TIMER_PAUSE, 0, &err));
	DONE(cmd_agenda(f->s, AGENDA_PREV, NULL, &err));
	assert_int_equal(state_timer(f->s->state, -1)->state, TIMER_RUNNING);
	/* end: no item runs, no timer; prev resumes it, next goes on. */
	DONE(cmd_agenda(f->s, AGENDA_END, NULL, &err));
	assert_true(f->s->state->agenda_ended);
	assert_string_equal(f->s->state->agenda_id, "d1-open");
	assert_int_equal(state_timer(f->s->state, -1)->state, TIMER_IDLE);
	assert_string_equal(replayed_agenda(f, buf, sizeof buf),
	    "d1-open ended timer-idle");
	REFUSED(f, "nothing to end", cmd_agenda(f->s, AGENDA_END, NULL, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_string_equal(f->s->state->agenda_id, "d1-ideate");
	assert_false(f->s->state->agenda_ended);
	DONE(cmd_agenda(f->s, AGENDA_END, NULL, &err));
	DONE(cmd_agenda(f->s, AGENDA_PREV, NULL, &err));
	assert_string_equal(f->s->state->agenda_id, "d1-ideate");
	assert_string_equal(replayed_agenda(f, buf, sizeof buf),
	    "d1-ideate running timer-running");
}

/* timer = manual (module or session): items start no timer, and the one
 * running still stops. */
static void
test_agenda_manual_timer(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;

	DONE(cmd_timer(f->s, NULL, TIMER_START, 600, &err));
	f->s->set.timer_manual = 1;
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_int_equal(state_timer(f->s->state, -1)->state, TIMER_IDLE);
	f->s->set.timer_manual = 0;
	f->s->module->timer_manual = 1;
	DONE(cmd_timer(f->s, NULL, TIMER_START, 0, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_int_equal(state_timer(f->s->state, -1)->state, TIMER_IDLE);
}

static int
room_size(const struct state *st, int room)
{
	size_t i;
	int n = 0;

	for (i = 0; i < st->nparticipants; i++)
		n += st->participants[i].room == room;
	return n;
}

static int
country_in_room(const struct state *st, int room, const char *country)
{
	size_t i;
	int n = 0;

	for (i = 0; i < st->nparticipants; i++)
		n += st->participants[i].room == room &&
		    strcmp(st->participants[i].country, country) == 0;
	return n;
}

static void
test_rooms_rules(void **state)
{
	struct session_fixture *f = *state;
	static const char *const countries[] = { "KR", "KR", "KR", "KR", "KR",
	    "TH", "TH", "TH", "PK", "PK", "PK", "PH", "LA", "KR" };
	const struct state *st;
	char *err = NULL, *id;
	size_t i;
	int r;

	REFUSED(f, "no participants yet", cmd_rooms_make(f->s, 2, 1, &err));
	for (i = 0; i < NELEM(countries); i++) {
		id = person(f, "Someone", countries[i]);
		free(id);
	}
	REFUSED(f, "15 rooms for 14 participants", cmd_rooms_make(f->s, 15, 0,
	    &err));
	REFUSED(f, "make 1 to 500 rooms", cmd_rooms_make(f->s, 0, 0, &err));
	DONE(cmd_rooms_make(f->s, 4, 1, &err));
	st = f->s->state;
	assert_int_equal(st->nrooms, 4);
	for (r = 0; r < 4; r++) {
		/* Within one person of each other... */
		assert_in_range(room_size(st, r), 3, 4);
		/* ...and every country spread as wide as it goes: six from
		 * KR over four rooms, three from TH in three rooms. */
		assert_in_range(country_in_room(st, r, "KR"), 1, 2);
		assert_in_range(country_in_room(st, r, "TH"), 0, 1);
		assert_in_range(country_in_room(st, r, "PK"), 0, 1);
	}
	for (i = 0; i < st->nparticipants; i++)
		assert_true(st->participants[i].room >= 0);
	REFUSED(f, "has 4 rooms already", cmd_rooms_make(f->s, 3, 0, &err));
	/* Making more rooms re-deals everyone. */
	DONE(cmd_rooms_make(f->s, 7, 0, &err));
	st = f->s->state;
	assert_int_equal(st->nrooms, 7);
	for (r = 0; r < 7; r++)
		assert_int_equal(room_size(st, r), 2);
	DONE(cmd_room_set(f->s, "r1", "Blue", "Payments", &err));
	assert_string_equal(f->s->state->rooms[0].name, "Blue");
	assert_string_equal(f->s->state->rooms[0].topic, "Payments");
	REFUSED(f, "no room 'r9'", cmd_room_set(f->s, "r9", "X", NULL, &err));
	REFUSED(f, "name is empty", cmd_room_set(f->s, "r1", "", NULL, &err));
	REFUSED(f, "in that room already", cmd_move(f->s, "p1", "r1", &err));
	DONE(cmd_move(f->s, "p1", "r2", &err));
	DONE(cmd_move(f->s, "p1", NULL, &err));
	assert_int_equal(f->s->state->participants[0].room, -1);
	REFUSED(f, "in no room already", cmd_move(f->s, "p1", "", &err));
	REFUSED(f, "no room 'r8'", cmd_move(f->s, "p1", "r8", &err));
}

static void
test_messages(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL;

	DONE(cmd_message(f->s, NULL, "Lunch is served", MESSAGE_FOR_ITEM,
	    &err));
	DONE(cmd_message(f->s, NULL, NULL, MESSAGE_RECALL, &err));
	REFUSED(f, "message is empty", cmd_message(f->s, NULL, "",
	    MESSAGE_FOR_ITEM, &err));
	REFUSED(f, "no room 'r1'", cmd_message(f->s, "r1", "hi",
	    MESSAGE_FOR_ITEM, &err));
	assert_int_equal(f->s->state->nmessages, 2);
	assert_int_equal(f->s->state->messages[1].recall, 1);
}

/* The roll call's absent holds over the participant's own check-in and
 * activity; its present brings them back. */
static void
test_rollcall_both_ways(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL, *id, *i1 = NULL;
	int day = state_day_of(f->s->state, journal_now_ms());

	id = person(f, "Kim", "KR");
	free(id);
	REFUSED(f, "no participant 'p9'", cmd_rollcall(f->s, "p9", 0, &err));
	DONE(cmd_rollcall(f->s, "p1", 0, &err));
	assert_false(state_present(f->s->state, 0, day));
	REFUSED(f, "marked absent already", cmd_rollcall(f->s, "p1", 0, &err));
	DONE(cmd_checkin(f->s, "p1", &err));
	DONE(cmd_idea(f->s, "p1", NULL, "Still here", &i1, &err));
	assert_false(state_present(f->s->state, 0, day));
	DONE(cmd_rollcall(f->s, "p1", 1, &err));
	assert_true(state_present(f->s->state, 0, day));
	REFUSED(f, "marked present already", cmd_rollcall(f->s, "p1", 1,
	    &err));
	free(i1);
}

/* A round for prototypes draws its ballot from the current thread, or
 * from the item or thread named, and fixes it when it opens. */
static void
test_prototype_ballot(void **state)
{
	struct session_fixture *f = *state;
	const struct round *r;
	char *err = NULL, *id, *i1 = NULL, *i2 = NULL, *i3 = NULL;

	id = person(f, "Kim", "KR");
	free(id);
	DONE(cmd_agenda(f->s, AGENDA_GOTO, "d1-ideate", &err));
	DONE(cmd_idea(f->s, "p1", NULL, "Day 1 practice prototype", &i1,
	    &err));
	DONE(cmd_idea_promote(f->s, i1, 1, &err));
	DONE(cmd_agenda(f->s, AGENDA_GOTO, "d2-proto", &err));
	DONE(cmd_idea(f->s, "p1", NULL, "The real prototype", &i2, &err));
	DONE(cmd_idea_promote(f->s, i2, 1, &err));
	DONE(cmd_idea(f->s, "p1", NULL, "Not promoted", &i3, &err));
	DONE(cmd_voting_open(f->s, NULL, 0, 1, NULL, &err));
	r = &f->s->state->rounds[0];
	assert_int_equal(r->nballot, 1);
	assert_string_equal(r->from, "d2-proto");
	assert_false(round_covers(f->s->state, r, 0));	/* day 1's */
	assert_true(round_covers(f->s->state, r, 1));
	assert_false(round_covers(f->s->state, r, 2));
	/* Promoted after the round opened: not on its ballot. */
	DONE(cmd_idea_promote(f->s, i3, 1, &err));
	assert_false(round_covers(f->s->state, &f->s->state->rounds[0], 2));
	DONE(cmd_voting_close(f->s, 1, &err));
	DONE(cmd_voting_open_from(f->s, NULL, 0, 1, "D1-Ideate", NULL, &err));
	r = &f->s->state->rounds[1];
	assert_int_equal(r->nballot, 1);
	assert_true(round_covers(f->s->state, r, 0));
	DONE(cmd_voting_close(f->s, 1, &err));
	DONE(cmd_voting_open_from(f->s, NULL, 0, 1, "all", NULL, &err));
	assert_int_equal(f->s->state->rounds[2].nballot, 3);
	assert_null(f->s->state->rounds[2].from);
	DONE(cmd_voting_close(f->s, 1, &err));
	REFUSED(f, "no agenda item or thread 'd9'", cmd_voting_open_from(f->s,
	    NULL, 0, 1, "d9", NULL, &err));
	REFUSED(f, "no prototype of 'd1-open'", cmd_voting_open_from(f->s,
	    NULL, 0, 1, "d1-open", NULL, &err));
	free(i1);
	free(i2);
	free(i3);
}

/* A message for its item goes when the agenda moves; one until taken down
 * stays until --recall takes it down; a room's message reaches its room
 * only. */
static void
test_message_lifetimes(void **state)
{
	struct session_fixture *f = *state;
	const struct state *st = f->s->state;
	char *err = NULL, *id;

	id = person(f, "Kim", "KR");
	free(id);
	DONE(cmd_rooms_make(f->s, 1, 0, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	DONE(cmd_message(f->s, NULL, "Coffee at eleven", MESSAGE_UNTIL_DOWN,
	    &err));
	DONE(cmd_message(f->s, NULL, "Open page 3", MESSAGE_FOR_ITEM, &err));
	st = f->s->state;
	assert_string_equal(state_live_message(st, -1)->text, "Open page 3");
	DONE(cmd_message(f->s, "r1", "Room 1: your turn", MESSAGE_FOR_ITEM,
	    &err));
	st = f->s->state;
	assert_string_equal(state_live_message(st, 0)->text,
	    "Room 1: your turn");
	assert_string_equal(state_live_message(st, -1)->text, "Open page 3");
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	st = f->s->state;
	/* The item's messages went with it; the kept one is up again. */
	assert_string_equal(state_live_message(st, -1)->text,
	    "Coffee at eleven");
	assert_string_equal(state_live_message(st, 0)->text,
	    "Coffee at eleven");
	DONE(cmd_message(f->s, NULL, NULL, MESSAGE_DOWN, &err));
	assert_null(state_live_message(f->s->state, -1));
	assert_null(state_live_message(f->s->state, 0));
}

/* Recall stops every room timer in the same batch, and so does an agenda
 * step; a step unpins the pinned question, and its undo pins it again. */
static void
test_recall_and_step_end_rooms_and_pins(void **state)
{
	struct session_fixture *f = *state;
	char *err = NULL, *id, *q = NULL;

	id = person(f, "Kim", "KR");
	free(id);
	id = person(f, "Somchai", "TH");
	free(id);
	DONE(cmd_rooms_make(f->s, 2, 0, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	DONE(cmd_timer(f->s, "r1", TIMER_START, 600, &err));
	DONE(cmd_timer(f->s, "r2", TIMER_START, 600, &err));
	DONE(cmd_timer(f->s, "r2", TIMER_PAUSE, 0, &err));
	DONE(cmd_message(f->s, NULL, "", MESSAGE_RECALL, &err));
	assert_int_equal(state_timer(f->s->state, 0)->state, TIMER_IDLE);
	assert_int_equal(state_timer(f->s->state, 1)->state, TIMER_IDLE);
	assert_int_equal(state_timer(f->s->state, -1)->state, TIMER_RUNNING);
	/* the rooms themselves are kept, for later items */
	assert_int_equal(f->s->state->participants[0].room >= 0, 1);

	DONE(cmd_timer(f->s, "r1", TIMER_START, 600, &err));
	DONE(cmd_ask(f->s, "p1", "Who pays for it?", &q, &err));
	DONE(cmd_question_mark(f->s, q, "pinned", 1, &err));
	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	assert_int_equal(state_timer(f->s->state, 0)->state, TIMER_IDLE);
	assert_false(f->s->state->questions[0].pinned);
	free(q);
}


/* --- questions, polls, evaluation ---------------------------------------- */

static void
test_questions(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "AM"), *b = person(f, "B", "MV");
	char *q = NULL, *err = NULL;

	DONE(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err));
	DONE(cmd_ask(f->s, a, "How did you fund it?", &q, &err));
	assert_string_equal(q, "q1");
	assert_string_equal(f->s->state->questions[0].agenda_id, "d1-open");
	REFUSED(f, "question is empty", cmd_ask(f->s, a, "", NULL, &err));
	REFUSED(f, "no participant", cmd_ask(f->s, "p5", "x", NULL, &err));
	DONE(cmd_upvote(f->s, b, q, &err));
	REFUSED(f, "one upvote per person", cmd_upvote(f->s, b, q, &err));
	REFUSED(f, "no question 'q4'", cmd_upvote(f->s, b, "q4", &err));
	DONE(cmd_question_mark(f->s, q, "answered", 1, &err));
	REFUSED(f, "marked answered already", cmd_question_mark(f->s, q,
	    "answered", 1, &err));
	REFUSED(f, "answered, hidden or pinned", cmd_question_mark(f->s, q,
	    "liked", 1, &err));
	DONE(cmd_question_mark(f->s, q, "hidden", 1, &err));
	REFUSED(f, "q1 is hidden", cmd_upvote(f->s, a, q, &err));
	assert_int_equal(f->s->state->questions[0].nupvoters, 1);
	free(q);
	free(a);
	free(b);
}

static void
test_polls(void **state)
{
	struct session_fixture *f = *state;
	static const char *const two[] = { "Paper", "SMS" };
	static const char *const ten[] = { "1", "2", "3", "4", "5", "6", "7",
	    "8", "9", "10" };
	static const char *const twice[] = { "Yes", "No", "Yes" };
	char *a = person(f, "A", "ID"), *b = person(f, "B", "LK");
	char *o1 = NULL, *o2 = NULL, *o3 = NULL, *err = NULL;
	int c13[] = { 1, 3 }, c1[] = { 1 }, c2[] = { 2 }, c6[] = { 6 };
	int c11[] = { 1, 1 };

	REFUSED(f, "2 to 9 options", cmd_poll_open(f->s, POLL_SINGLE, "Which?",
	    two, 1, NULL, &err));
	REFUSED(f, "2 to 9 options", cmd_poll_open(f->s, POLL_SINGLE, "Which?",
	    ten, 10, NULL, &err));
	REFUSED(f, "there twice", cmd_poll_open(f->s, POLL_SINGLE, "Which?",
	    twice, 3, NULL, &err));
	REFUSED(f, "has no options", cmd_poll_open(f->s, POLL_SCALE, "How?",
	    two, 2, NULL, &err));
	REFUSED(f, "question is empty", cmd_poll_open(f->s, POLL_SINGLE, "",
	    two, 2, NULL, &err));
	DONE(cmd_poll_open(f->s, POLL_SINGLE, "Which channel?", two, 2, &o1,
	    &err));
	DONE(cmd_poll_open(f->s, POLL_MULTI, "Which ones?", ten, 9, &o2, &err));
	DONE(cmd_poll_open(f->s, POLL_SCALE, "How useful?", NULL, 0, &o3,
	    &err));
	assert_string_equal(o3, "o3");
	REFUSED(f, "takes one answer", cmd_poll_answer(f->s, a, o1, c13, 2,
	    &err));
	REFUSED(f, "options 1 to 2", cmd_poll_answer(f->s, a, o1, c6, 1, &err));
	DONE(cmd_poll_answer(f->s, a, o1, c2, 1, &err));
	REFUSED(f, "answered poll o1 already", cmd_poll_answer(f->s, a, o1, c1,
	    1, &err));
	REFUSED(f, "chosen twice", cmd_poll_answer(f->s, a, o2, c11, 2, &err));
	DONE(cmd_poll_answer(f->s, a, o2, c13, 2, &err));
	REFUSED(f, "at least one option", cmd_poll_answer(f->s, b, o3, c1, 0,
	    &err));
	REFUSED(f, "options 1 to 5", cmd_poll_answer(f->s, b, o3, c6, 1, &err));
	DONE(cmd_poll_answer(f->s, b, o3, c2, 1, &err));
	REFUSED(f, "no poll 'o9'", cmd_poll_answer(f->s, b, "o9", c1, 1, &err));
	REFUSED(f, "still open", cmd_poll_reveal(f->s, o1, &err));
	DONE(cmd_poll_close(f->s, o1, &err));
	REFUSED(f, "closed already", cmd_poll_close(f->s, o1, &err));
	REFUSED(f, "poll o1 is closed", cmd_poll_answer(f->s, b, o1, c1, 1,
	    &err));
	DONE(cmd_poll_reveal(f->s, o1, &err));
	REFUSED(f, "shown already", cmd_poll_reveal(f->s, o1, &err));
	assert_int_equal(f->s->state->polls[0].answers[1], 1);
	assert_int_equal(f->s->state->polls[1].answers[2], 1);
	assert_int_equal(f->s->state->polls[2].answers[1], 1);
	free(o1);
	free(o2);
	free(o3);
	free(a);
	free(b);
}

static void
test_eval(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "PG"), *err = NULL;

	REFUSED(f, "answered 1 to 5", cmd_eval(f->s, a, "overall", 6, NULL,
	    &err));
	DONE(cmd_eval(f->s, a, "overall", 4, NULL, &err));
	REFUSED(f, "one answer per person", cmd_eval(f->s, a, "overall", 5,
	    NULL, &err));
	REFUSED(f, "no evaluation question 'fun'", cmd_eval(f->s, a, "fun", 5,
	    NULL, &err));
	REFUSED(f, "answer is empty", cmd_eval(f->s, a, "comments", 0, " ",
	    &err));
	DONE(cmd_eval(f->s, a, "comments", 0, "More case studies", &err));
	assert_int_equal(f->s->state->nevals, 2);
	assert_int_equal(f->s->state->evals[0].value, 4);
	free(a);
}

/* --- replay, passphrase, many processes ----------------------------------- */

static void
test_replay_matches(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "A", "FJ"), *b = person(f, "B", "WS");
	char *i1 = idea(f, a, "one"), *err = NULL;
	struct session *again;

	DONE(cmd_voting_open(f->s, NULL, 0, 0, NULL, &err));
	DONE(cmd_vote(f->s, b, i1, 2, &err));
	DONE(cmd_rooms_make(f->s, 2, 1, &err));
	again = sfx_open(f->dir, 0);
	assert_int_equal(again->state->nparticipants, 2);
	assert_int_equal(again->state->nrooms, 2);
	assert_int_equal(again->state->participants[1].room,
	    f->s->state->participants[1].room);
	assert_int_equal(round_idea_dots(&again->state->rounds[0], 0), 2);
	assert_int_equal(again->state->last_seq, f->s->state->last_seq);
	assert_int_equal(again->state->nbad, 0);
	assert_int_equal(again->state->unknown_events, 0);
	/* A second handle sees the first's records before its own rules. */
	DONE(cmd_vote(again, a, i1, 5, &err));
	REFUSED(f, "has 0 of 5 dots left", cmd_vote(f->s, a, i1, 1, &err));
	session_close(again);
	free(a);
	free(b);
	free(i1);
}

static void
test_passphrase(void **state)
{
	struct session_fixture *f = *state;
	struct session_settings set = { 0 };
	struct session *s;
	char *hash = NULL, *err = NULL, *dir = path_join(f->base, "locked");

	assert_int_equal(auth_hash("correct horse", &hash, &err), 0);
	assert_true(str_starts(hash, "$y$"));
	assert_true(auth_verify(hash, "correct horse"));
	assert_false(auth_verify(hash, "correct horsf"));
	assert_false(auth_verify(hash, ""));
	set.title = (char *)(uintptr_t)"Locked";
	set.start = (char *)(uintptr_t)"2026-11-26";
	set.budget = 3;
	set.passphrase_hash = hash;
	DONE(session_create(dir, f->module, &set, &err));
	s = sfx_open(dir, 0);
	assert_string_equal(s->set.passphrase_hash, hash);
	assert_int_equal(s->set.budget, 3);
	assert_int_equal(s->state->default_budget, 3);
	assert_true(auth_has_passphrase(s));
	assert_true(auth_check_passphrase(s, "correct horse"));
	assert_false(auth_check_passphrase(s, "wrong"));
	setenv(AUTH_PASSPHRASE_ENV, "correct horse", 1);
	assert_int_equal(auth_facilitator(s, &err), 0);
	setenv(AUTH_PASSPHRASE_ENV, "wrong", 1);
	assert_int_equal(auth_facilitator(s, &err), 1);
	assert_non_null(strstr(err, "wrong facilitator passphrase"));
	free(err);
	err = NULL;
	unsetenv(AUTH_PASSPHRASE_ENV);
	if (!isatty(STDIN_FILENO)) {
		assert_int_equal(auth_facilitator(s, &err), 1);
		assert_non_null(strstr(err, "CONVENE_PASSPHRASE"));
		free(err);
		err = NULL;
	}
	/* A session without one lets the facilitator through. */
	assert_int_equal(auth_facilitator(f->s, &err), 0);
	session_close(s);
	free(hash);
	free(dir);
}

static void
test_read_secret_from_stdin(void **state)
{
	struct session_fixture *f = *state;
	char *path = path_join(f->base, "secret"), *out = NULL, *err = NULL;
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs("open sesame\r\n", fp);
	fclose(fp);
	assert_non_null(freopen(path, "r", stdin));
	assert_int_equal(auth_read_secret("? ", 1, &out, &err), 0);
	assert_string_equal(out, "open sesame");
	auth_forget(out);
	/* At the end of the input there is no passphrase. */
	assert_int_equal(auth_read_secret("? ", 0, &out, &err), -1);
	assert_non_null(err);
	free(err);
	free(path);
}

/* A damaged record is reported with its line and skipped; the others
 * still make the state. */
static void
test_damaged_record_on_open(void **state)
{
	struct session_fixture *f = *state;
	char *a = person(f, "Somchai", "TH"), *b = person(f, "Nimal", "LK");
	char *path = path_join(f->dir, "journal.csv"), *text, *hit;
	struct session *s;
	size_t len;
	FILE *fp;

	text = file_read_all(path, 0, &len);
	assert_non_null(text);
	hit = strstr(text, "Somchai");
	assert_non_null(hit);
	hit[0] = 'X';			/* still valid CSV: only the CRC knows */
	fp = fopen(path, "w");
	assert_non_null(fp);
	fwrite(text, 1, len, fp);
	fclose(fp);
	s = sfx_open(f->dir, 0);
	assert_int_equal(s->state->nbad, 1);
	assert_int_equal(s->state->bad[0].line, 2);
	assert_int_equal(s->state->nparticipants, 1);
	assert_string_equal(s->state->participants[0].name, "Nimal");
	/* New ids never take the damaged record's number. */
	assert_int_equal(state_next_number(s->state, 'p'), 3);
	session_close(s);
	free(text);
	free(path);
	free(a);
	free(b);
}

static void
test_new_rules(void **state)
{
	struct session_fixture *f = *state;
	struct session_settings set = { 0 };
	char *err = NULL;

	set.start = (char *)(uintptr_t)"2026-11-26";
	set.budget = 5;
	/* The session directory exists and is not empty. */
	assert_int_equal(session_create(f->dir, f->module, &set, &err), 1);
	assert_non_null(strstr(err, "not empty"));
	free(err);
	err = NULL;
	assert_int_equal(session_check_title("Digital \"Gov\"", &err), 1);
	assert_non_null(strstr(err, "double quotes"));
	free(err);
	err = NULL;
	assert_int_equal(session_check_title("tab\there", &err), 1);
	free(err);
	err = NULL;
	assert_int_equal(session_check_title("디지털 정부; #1", &err), 0);
	/* A module with a symbolic link is not copied, and nothing stays. */
	{
		char *link = path_join(f->module, "evil"), *dir;
		struct stat sb;

		assert_int_equal(symlink("/etc/passwd", link), 0);
		dir = path_join(f->base, "linked");
		assert_int_equal(session_create(dir, f->module, &set, &err), 3);
		assert_non_null(strstr(err, "symbolic"));
		assert_int_not_equal(stat(dir, &sb), 0);
		free(err);
		unlink(link);
		free(link);
		free(dir);
	}
}

/* Eight processes add ideas at once through their own handles: every
 * acknowledged id is in the journal once, and ids never collide. */
static void
test_concurrent_writers(void **state)
{
	struct session_fixture *f = *state;
	char *p = person(f, "A", "TO"), *err = NULL;
	struct session *s;
	pid_t kids[8];
	size_t k, i;
	int status;

	for (k = 0; k < NELEM(kids); k++) {
		kids[k] = fork();
		assert_true(kids[k] >= 0);
		if (kids[k] == 0) {
			s = session_open(f->dir, 0, &err);
			for (i = 0; s != NULL && i < 25; i++)
				if (cmd_idea(s, p, NULL, "at once", NULL,
				    &err) != 0)
					_exit(1);
			session_close(s);
			free(p);	/* the child's copy: valgrind-clean */
			_exit(s == NULL);
		}
	}
	for (k = 0; k < NELEM(kids); k++) {
		assert_int_equal(waitpid(kids[k], &status, 0), kids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_true(session_refresh(f->s, &err) >= 0);
	assert_int_equal(f->s->state->nideas, 200);
	for (i = 0; i < 200; i++) {
		char want[16];

		snprintf(want, sizeof want, "i%zu", i + 1);
		assert_string_equal(state_idea_id(f->s->state, (int)i).s,
		    want);
	}
	assert_int_equal(f->s->state->unknown_events, 0);
	assert_int_equal(f->s->state->nbad, 0);
	free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_participant_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_checkin, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_pin, setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_lang, setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_idea_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_idea_room_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_idea_changes, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_vote_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_vote_scopes, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_voting_round_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_timer_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_goto_any_case,
		    setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_drives_timer, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_manual_timer,
		    setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_rollcall_both_ways, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_prototype_ballot, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_message_lifetimes, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(
		    test_recall_and_step_end_rooms_and_pins, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_agenda_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_rooms_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_messages, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_questions, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_polls, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_eval, setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_replay_matches, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_passphrase, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_new_rules, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_record_on_open,
		    setup, sfx_teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_writers, setup,
		    sfx_teardown),
		/* Last: it takes stdin away. */
		cmocka_unit_test_setup_teardown(test_read_secret_from_stdin,
		    setup, sfx_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
