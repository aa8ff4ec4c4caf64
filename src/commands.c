/*
 * commands.c -- what every command shares (appending through the rules,
 * new ids, refusals), the rules for text people write, and the commands on
 * participants.
 *
 * Each command is a build callback run under the journal lock: it checks
 * its rules against the state as of the lock (never a stale one) and adds
 * its records, or refuses and writes nothing.  New ids are computed there
 * too, from the state plus what the batch already holds.  The ideas and
 * votes are in commands_ideas.c, the facilitator's timers, rooms, rounds,
 * agenda and messages in commands_facilitator.c, questions and polls in
 * commands_questions.c.
 */
#include "commands.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth.h"
#include "commands_int.h"
#include "countries.h"
#include "i18n.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#define EMAIL_MAX_CHARS 254

/* --- shared -------------------------------------------------------------- */

int
cmd_run(struct session *s, journal_build_fn build, void *ctx, char **err)
{
	int r = session_append(s, build, ctx, err);

	return r == 0 || r == 1 ? r : 3;
}

void
cmd_add(struct journal_batch *b, const struct session *s, const char *actor,
    struct event *ev)
{
	ev->actor = actor;
	ev->terminal = s->terminal;
	journal_batch_add(b, ev);
}

char *
cmd_new_id(const struct state *st, char kind, unsigned offset)
{
	return xasprintf("%c%u", kind, state_next_number(st, kind) + offset);
}

int
cmd_refuse(char **err, const char *fmt, ...)
{
	va_list ap;

	if (err != NULL) {
		free(*err);
		va_start(ap, fmt);
		*err = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return 1;
}

int
cmd_need_participant(const struct state *st, const char *pid, int *out,
    char **err)
{
	*out = pid != NULL ? state_participant(st, pid) : -1;
	if (*out < 0)
		return cmd_refuse(err, _("no participant '%s' in this session"),
		    pid != NULL ? pid : "");
	return 0;
}

const char *
cmd_agenda_ref(const struct session *s)
{
	return s->state->agenda_id != NULL ? s->state->agenda_id : "";
}

/* 1234 -> "1,234", for messages a person reads. */
static const char *
group_digits(size_t n, char *buf, size_t size)
{
	char tmp[32];
	size_t len, i, o = 0;

	len = (size_t)snprintf(tmp, sizeof tmp, "%zu", n);
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
	return buf;
}

static int
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

/* --- text rules ---------------------------------------------------------- */

static int
check_length(const char *what, const char *s, size_t max, char **err)
{
	size_t n = text_count_chars(s);
	char a[32], b[32];

	if (n > max)
		return cmd_refuse(err, _("%s is %s characters: the longest is "
		    "%s"), what, group_digits(n, a, sizeof a),
		    group_digits(max, b, sizeof b));
	return 0;
}

int
cmd_check_text(const char *what, const char *text, char **err)
{
	char *why = NULL;

	if (text == NULL || *text == '\0' || text_is_blank(text))
		return cmd_refuse(err, _("%s is empty"), what);
	if (text_validate(text, strlen(text), &why) != 0) {
		cmd_refuse(err, _("%s is not valid UTF-8 (%s)"), what, why);
		free(why);
		return 1;
	}
	return check_length(what, text, TEXT_MAX_CHARS, err);
}

int
cmd_check_name(const char *what, const char *name, size_t max_chars,
    int required, char **err)
{
	if (name == NULL || *name == '\0' || text_is_blank(name)) {
		if (required)
			return cmd_refuse(err, _("%s is empty"), what);
		return 0;
	}
	if (text_validate(name, strlen(name), NULL) != 0)
		return cmd_refuse(err, _("%s is not valid UTF-8"), what);
	if (has_control(name))
		return cmd_refuse(err, _("%s may not contain control "
		    "characters (tabs, line breaks, escapes)"), what);
	return check_length(what, name, max_chars, err);
}

static int
check_email(const char *email, char **err)
{
	const char *at;

	if (email == NULL || *email == '\0')
		return 0;
	at = strchr(email, '@');
	if (cmd_check_name(_("the email address"), email, EMAIL_MAX_CHARS, 0,
	    err) != 0)
		return 1;
	if (at == NULL || at == email || at[1] == '\0' ||
	    strchr(at + 1, '@') != NULL || strpbrk(email, " ,;<>") != NULL)
		return cmd_refuse(err, _("'%s' is not an email address"),
		    email);
	return 0;
}

/* --- participants -------------------------------------------------------- */

int
cmd_email_owner(const struct state *st, const char *email)
{
	size_t i;

	if (email == NULL || *email == '\0')
		return -1;
	for (i = 0; i < st->nparticipants; i++)
		if (strcasecmp(st->participants[i].email, email) == 0)
			return (int)i;
	return -1;
}

struct participant_cmd {
	struct session *s;
	const char *actor, *name, *country, *org, *email;
	char *new_id;
};

static int
build_participant(struct journal_batch *b, void *ctx, char **err)
{
	struct participant_cmd *c = ctx;
	const struct state *st = c->s->state;
	char *extra;
	int owner = cmd_email_owner(st, c->email);
	struct event ev = { .type = EV_PARTICIPANT };

	if (owner >= 0)
		return cmd_refuse(err, _("%s is registered already with the "
		    "email %s"), st->participants[owner].id, c->email);
	c->new_id = cmd_new_id(st, 'p', 0);
	extra = xasprintf("%s\n%s\n%s", c->country, c->org != NULL ? c->org :
	    "", c->email != NULL ? c->email : "");
	ev.id = c->new_id;
	ev.text = c->name;
	ev.extra = extra;
	cmd_add(b, c->s, c->actor, &ev);
	free(extra);
	return 0;
}

int
cmd_check_person(const char *name, const char *country, const char *org,
    const char *email, const char **code, char **err)
{
	const struct country *ct;

	if (cmd_check_name(_("the participant's name"), name, NAME_MAX_CHARS,
	    1, err) != 0)
		return 1;
	if ((ct = country_lookup(country)) == NULL)
		return cmd_refuse(err, _("unknown country '%s': give an ISO "
		    "3166 code such as KR or an English name"),
		    country != NULL ? country : "");
	*code = ct->code;
	if (cmd_check_name(_("the organisation"), org, ORG_MAX_CHARS, 0,
	    err) != 0)
		return 1;
	return check_email(email, err);
}

int
cmd_participant(struct session *s, const char *actor, const char *name,
    const char *country, const char *org, const char *email, char **new_id,
    char **err)
{
	struct participant_cmd c = { s, actor != NULL ? actor :
	    ACTOR_ORGANIZER, name, NULL, org, email, NULL };
	int r;

	if ((r = cmd_check_person(name, country, org, email, &c.country,
	    err)) != 0)
		return r;
	r = cmd_run(s, build_participant, &c, err);
	if (r == 0 && new_id != NULL)
		*new_id = c.new_id;
	else
		free(c.new_id);
	return r;
}

struct checkin_cmd {
	struct session *s;
	const char *pid;
	int rollcall;		/* 0 the participant's own; else 1 present,
				   -1 absent: the facilitator's word */
};

static int
build_checkin(struct journal_batch *b, void *ctx, char **err)
{
	struct checkin_cmd *c = ctx;
	const struct state *st = c->s->state;
	int p, day = state_day_of(st, journal_now_ms());
	int days = c->s->module->days;
	struct event ev = { .type = EV_CHECKIN };

	if (cmd_need_participant(st, c->pid, &p, err) != 0)
		return 1;
	if (day < 1)
		return cmd_refuse(err, _("the workshop starts on %s: check-in "
		    "opens on day 1"), c->s->set.start);
	if (days > 0 && day > days)
		return cmd_refuse(err, ngettext("the workshop's %d day is over: "
		    "check-in is closed", "the workshop's %d days are over: "
		    "check-in is closed", (unsigned long)days), days);
	if (c->rollcall == 0 && state_checkin(st, p, day) != NULL)
		return 0;	/* present today already: nothing to add */
	if (c->rollcall != 0 && state_checkin(st, p, day) != NULL &&
	    state_present(st, p, day) == (c->rollcall > 0))
		return cmd_refuse(err, c->rollcall > 0 ?
		    _("%s is marked present already") :
		    _("%s is marked absent already"), c->pid);
	ev.id = c->pid;
	ev.n = day;
	ev.ref = c->rollcall > 0 ? "present" : c->rollcall < 0 ? "absent" : "";
	cmd_add(b, c->s, c->rollcall != 0 ? ACTOR_FACILITATOR : c->pid, &ev);
	return 0;
}

int
cmd_checkin(struct session *s, const char *pid, char **err)
{
	struct checkin_cmd c = { s, pid, 0 };

	return cmd_run(s, build_checkin, &c, err);
}

int
cmd_rollcall(struct session *s, const char *pid, int present, char **err)
{
	struct checkin_cmd c = { s, pid, present ? 1 : -1 };

	return cmd_run(s, build_checkin, &c, err);
}

struct pin_cmd {
	struct session *s;
	const char *pid;
	char *hash;		/* NULL: clear */
};

static int
build_pin(struct journal_batch *b, void *ctx, char **err)
{
	struct pin_cmd *c = ctx;
	const struct state *st = c->s->state;
	int p;
	struct event ev = { .type = EV_PIN };

	if (cmd_need_participant(st, c->pid, &p, err) != 0)
		return 1;
	if (c->hash == NULL && st->participants[p].pin_hash == NULL)
		return cmd_refuse(err, _("%s has no PIN"), c->pid);
	ev.id = c->pid;
	ev.extra = c->hash;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

struct tz_cmd {
	struct session *s;
	const char *pid, *zone;
};

static int
build_tz(struct journal_batch *b, void *ctx, char **err)
{
	struct tz_cmd *c = ctx;
	int p;
	struct event ev = { .type = EV_TZ };

	if (cmd_need_participant(c->s->state, c->pid, &p, err) != 0)
		return 1;
	ev.id = c->pid;
	ev.text = c->zone;
	cmd_add(b, c->s, c->pid, &ev);
	return 0;
}

int
cmd_set_tz(struct session *s, const char *pid, const char *zone, char **err)
{
	struct tz_cmd c = { s, pid, zone != NULL ? zone : "" };

	if (!s->set.online)
		return cmd_refuse(err, _("this workshop is held in a room: "
		    "everyone keeps its time zone (convene new --delivery "
		    "online)"));
	if (*c.zone != '\0' && !tz_valid(c.zone))
		return cmd_refuse(err, _("'%s' is not a time zone (an IANA "
		    "name such as Asia/Bangkok)"), c.zone);
	return cmd_run(s, build_tz, &c, err);
}

struct lang_cmd {
	struct session *s;
	const char *pid, *code;
};

static int
build_lang(struct journal_batch *b, void *ctx, char **err)
{
	struct lang_cmd *c = ctx;
	int p;
	struct event ev = { .type = EV_LANG };

	if (cmd_need_participant(c->s->state, c->pid, &p, err) != 0)
		return 1;
	ev.id = c->pid;
	ev.text = c->code;
	cmd_add(b, c->s, c->pid, &ev);
	return 0;
}

int
cmd_set_lang(struct session *s, const char *pid, const char *code,
    char **err)
{
	struct lang_cmd c = { s, pid, code != NULL ? code : "" };

	if (*c.code != '\0' && !i18n_code_valid(c.code))
		return cmd_refuse(err, _("'%s' is not a language code (two or "
		    "three letters such as th, ko or fil, or pt_BR)"), c.code);
	return cmd_run(s, build_lang, &c, err);
}

int
cmd_set_pin(struct session *s, const char *pid, const char *pin, char **err)
{
	struct pin_cmd c = { s, pid, NULL };
	size_t n;
	int r;

	if (pin != NULL && *pin != '\0') {
		n = strlen(pin);
		/* pin_min_length in session.ini: longer PINs are slower to
		 * guess, even throttled (throttle.h). */
		if (n < (size_t)s->set.pin_min_length || n > PIN_MAX_LENGTH ||
		    strspn(pin, "0123456789") != n)
			return cmd_refuse(err, _("a PIN is %d to %d digits"),
			    s->set.pin_min_length, PIN_MAX_LENGTH);
		if (auth_hash(pin, &c.hash, err) != 0)
			return 3;
	}
	r = cmd_run(s, build_pin, &c, err);
	free(c.hash);
	return r;
}
