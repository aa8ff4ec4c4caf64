/*
 * commands_ideas.c -- ideas (add, edit, withdraw, merge, promote, hide)
 * and dots, with their rules.
 */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

#include "commands_int.h"
#include "i18n.h"
#include "util.h"

static int
is_facilitator(const char *actor)
{
	return actor != NULL && strcmp(actor, ACTOR_FACILITATOR) == 0;
}

/* --- ideas --------------------------------------------------------------- */

static int
need_idea(const struct state *st, const char *id, int *out, char **err)
{
	*out = id != NULL ? state_idea(st, id) : -1;
	if (*out < 0)
		return cmd_refuse(err, _("no idea '%s' in this session"),
		    id != NULL ? id : "");
	return 0;
}

/* The stage of the design cycle of the current agenda item ("" if none). */
static const char *
current_stage(const struct session *s)
{
	const struct agenda_item *it;

	if (s->state->agenda_id == NULL)
		return "";
	it = module_item(s->module, s->state->agenda_id);
	if (it == NULL || it->stage == STAGE_NONE)
		return "";
	return design_stage_name(it->stage);
}

struct idea_cmd {
	struct session *s;
	const char *by, *room, *text;
	char *new_id;
};

/* Where a new idea goes: the room asked for, else the author's room, else
 * the plenary board.  A participant writes on their own room's board. */
static int
idea_room(const struct state *st, int author, const char *room, int *out,
    char **err)
{
	int mine = author >= 0 ? st->participants[author].room : -1;

	if (room == NULL || *room == '\0') {
		*out = mine;
		return 0;
	}
	if ((*out = state_room(st, room)) < 0)
		return cmd_refuse(err, _("no room '%s' in this session"), room);
	if (author >= 0 && mine != *out)
		return cmd_refuse(err, _("%s is not in room %s: participants "
		    "add ideas to their own room's board"),
		    st->participants[author].id, room);
	return 0;
}

static int
build_idea(struct journal_batch *b, void *ctx, char **err)
{
	struct idea_cmd *c = ctx;
	const struct state *st = c->s->state;
	int author = -1, room;
	struct event ev = { .type = EV_IDEA };

	if (!is_facilitator(c->by) &&
	    cmd_need_participant(st, c->by, &author, err) != 0)
		return 1;
	if (idea_room(st, author, c->room, &room, err) != 0)
		return 1;
	c->new_id = cmd_new_id(st, 'i', 0);
	ev.id = c->new_id;
	ev.ref = author >= 0 ? c->by : "";
	ev.room = room >= 0 ? st->rooms[room].id : "";
	ev.text = c->text;
	ev.extra = current_stage(c->s);
	cmd_add(b, c->s, c->by, &ev);
	return 0;
}

int
cmd_idea(struct session *s, const char *by, const char *room,
    const char *text, char **new_id, char **err)
{
	struct idea_cmd c = { s, by, room, text, NULL };
	int r;

	if (cmd_check_text(_("the idea"), text, err) != 0)
		return 1;
	r = cmd_run(s, build_idea, &c, err);
	if (r == 0 && new_id != NULL)
		*new_id = c.new_id;
	else
		free(c.new_id);
	return r;
}

/* Edits and withdrawals: by the idea's author or the facilitator. */
static int
need_author(const struct state *st, const char *actor, int idea, char **err)
{
	const struct idea *it = &st->ideas[idea];

	if (is_facilitator(actor))
		return 0;
	if (it->author >= 0 && actor != NULL &&
	    strcmp(st->participants[it->author].id, actor) == 0)
		return 0;
	return cmd_refuse(err, _("only the author of %s or the facilitator "
	    "may change it"), state_idea_id(st, idea).s);
}

struct idea_change_cmd {
	struct session *s;
	const char *actor, *idea, *text;
	int on;
};

static int
build_idea_edit(struct journal_batch *b, void *ctx, char **err)
{
	struct idea_change_cmd *c = ctx;
	const struct state *st = c->s->state;
	const char *text;
	int i;
	struct event ev = { .type = EV_IDEA_EDIT };

	if (need_idea(st, c->idea, &i, err) != 0 ||
	    need_author(st, c->actor, i, err) != 0)
		return 1;
	text = state_idea_text_if_readable(st, i);
	if (text != NULL && strcmp(text, c->text) == 0)
		return cmd_refuse(err, _("the text of %s is unchanged"),
		    c->idea);
	ev.id = c->idea;
	ev.text = c->text;
	cmd_add(b, c->s, c->actor, &ev);
	return 0;
}

int
cmd_idea_edit(struct session *s, const char *actor, const char *idea,
    const char *text, char **err)
{
	struct idea_change_cmd c = { s, actor, idea, text, 0 };

	if (cmd_check_text(_("the idea"), text, err) != 0)
		return 1;
	return cmd_run(s, build_idea_edit, &c, err);
}

static int
build_idea_withdraw(struct journal_batch *b, void *ctx, char **err)
{
	struct idea_change_cmd *c = ctx;
	const struct state *st = c->s->state;
	int i;
	struct event ev = { .type = EV_IDEA_WITHDRAW };

	if (need_idea(st, c->idea, &i, err) != 0 ||
	    need_author(st, c->actor, i, err) != 0)
		return 1;
	if (st->ideas[i].withdrawn == c->on)
		return cmd_refuse(err, c->on ? _("%s is withdrawn already") :
		    _("%s is not withdrawn"), c->idea);
	ev.id = c->idea;
	ev.n = c->on;
	cmd_add(b, c->s, c->actor, &ev);
	return 0;
}

int
cmd_idea_withdraw(struct session *s, const char *actor, const char *idea,
    int withdraw, char **err)
{
	struct idea_change_cmd c = { s, actor, idea, NULL, withdraw != 0 };

	return cmd_run(s, build_idea_withdraw, &c, err);
}

static int
build_idea_merge(struct journal_batch *b, void *ctx, char **err)
{
	struct idea_change_cmd *c = ctx;	/* text: the idea merged into */
	const struct state *st = c->s->state;
	int i, into;
	struct event ev = { .type = EV_IDEA_MERGE };

	if (need_idea(st, c->idea, &i, err) != 0)
		return 1;
	if (c->text == NULL) {
		if (st->ideas[i].merged_into < 0)
			return cmd_refuse(err, _("%s is not merged"), c->idea);
	} else {
		if (need_idea(st, c->text, &into, err) != 0)
			return 1;
		if (into == i)
			return cmd_refuse(err, "%s", _("an idea cannot be "
			    "merged into itself"));
		if (st->ideas[i].merged_into >= 0)
			return cmd_refuse(err, _("%s is merged into %s "
			    "already"), c->idea,
			    state_idea_id(st, st->ideas[i].merged_into).s);
		if (st->ideas[into].merged_into >= 0)
			return cmd_refuse(err, _("%s is itself merged into %s: "
			    "merge into %s"), c->text,
			    state_idea_id(st, st->ideas[into].merged_into).s,
			    state_idea_id(st, st->ideas[into].merged_into).s);
	}
	ev.id = c->idea;
	ev.ref = c->text;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_idea_merge(struct session *s, const char *idea, const char *into,
    char **err)
{
	struct idea_change_cmd c = { s, ACTOR_FACILITATOR, idea, into, 0 };

	return cmd_run(s, build_idea_merge, &c, err);
}

static int
build_idea_flag(struct journal_batch *b, void *ctx, char **err,
    enum event_type type)
{
	struct idea_change_cmd *c = ctx;
	const struct state *st = c->s->state;
	int i, now;
	struct event ev = { .type = type };

	if (need_idea(st, c->idea, &i, err) != 0)
		return 1;
	now = type == EV_IDEA_PROMOTE ? st->ideas[i].prototype :
	    st->ideas[i].hidden;
	if (now == c->on) {
		if (type == EV_IDEA_PROMOTE)
			return cmd_refuse(err, c->on ? _("%s is a prototype "
			    "already") : _("%s is not a prototype"), c->idea);
		return cmd_refuse(err, c->on ? _("%s is hidden already") :
		    _("%s is not hidden"), c->idea);
	}
	ev.id = c->idea;
	ev.n = c->on;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

static int
build_idea_promote(struct journal_batch *b, void *ctx, char **err)
{
	return build_idea_flag(b, ctx, err, EV_IDEA_PROMOTE);
}

static int
build_idea_hide(struct journal_batch *b, void *ctx, char **err)
{
	return build_idea_flag(b, ctx, err, EV_IDEA_HIDE);
}

int
cmd_idea_promote(struct session *s, const char *idea, int on, char **err)
{
	struct idea_change_cmd c = { s, ACTOR_FACILITATOR, idea, NULL,
	    on != 0 };

	return cmd_run(s, build_idea_promote, &c, err);
}

int
cmd_idea_hide(struct session *s, const char *idea, int on, char **err)
{
	struct idea_change_cmd c = { s, ACTOR_FACILITATOR, idea, NULL,
	    on != 0 };

	return cmd_run(s, build_idea_hide, &c, err);
}

/* --- votes --------------------------------------------------------------- */

struct vote_cmd {
	struct session *s;
	const char *by, *idea;
	int dots;
};

/* The round is open and may take this voter's dots on this idea. */
static int
vote_scope(const struct state *st, const struct round *r, int voter,
    int idea, char **err)
{
	const struct idea *it = &st->ideas[idea];

	if (r->room >= 0 && st->participants[voter].room != r->room)
		return cmd_refuse(err, _("round %s is for room %s, and %s is "
		    "not in it"), r->id, st->rooms[r->room].id,
		    st->participants[voter].id);
	if (r->room >= 0 && it->room != r->room)
		return cmd_refuse(err, _("%s is not on the board of room %s, "
		    "where round %s is voting"), state_idea_id(st, idea).s,
		    st->rooms[r->room].id,
		    r->id);
	if (r->prototypes_only && !it->prototype)
		return cmd_refuse(err, _("round %s is for prototypes only, and "
		    "%s is not one"), r->id, state_idea_id(st, idea).s);
	return 0;
}

static int
vote_cast(const struct state *st, const struct round *r, int voter,
    int idea, int dots, char **err)
{
	const struct idea *it = &st->ideas[idea];
	int left = r->budget - round_spent(r, voter);

	if (it->merged_into >= 0)
		return cmd_refuse(err, _("%s was merged into %s: vote for %s"),
		    state_idea_id(st, idea).s,
		    state_idea_id(st, it->merged_into).s,
		    state_idea_id(st, it->merged_into).s);
	if (it->withdrawn)
		return cmd_refuse(err, _("%s was withdrawn by its author"),
		    state_idea_id(st, idea).s);
	if (it->hidden)
		return cmd_refuse(err, _("%s is hidden"),
		    state_idea_id(st, idea).s);
	if (st->no_self_votes && it->author == voter)
		return cmd_refuse(err, "%s", _("this session does not allow "
		    "dots on one's own ideas"));
	if (dots > left)
		/* Translators: a participant's id, the dots they have left,
		 * the round's budget (the plural follows it), the round. */
		return cmd_refuse(err, ngettext("%s has %d of %d dot left in "
		    "round %s", "%s has %d of %d dots left in round %s",
		    (unsigned long)r->budget), st->participants[voter].id,
		    left, r->budget, r->id);
	return 0;
}

static int
build_vote(struct journal_batch *b, void *ctx, char **err)
{
	struct vote_cmd *c = ctx;
	const struct state *st = c->s->state;
	const struct round *r;
	int voter, idea, ro, have;
	struct event ev = { .type = EV_DOT };

	if (cmd_need_participant(st, c->by, &voter, err) != 0 ||
	    need_idea(st, c->idea, &idea, err) != 0)
		return 1;
	if ((ro = state_open_round(st)) < 0)
		return cmd_refuse(err, "%s", _("voting is not open"));
	r = &st->rounds[ro];
	if (vote_scope(st, r, voter, idea, err) != 0)
		return 1;
	if (c->dots > 0 && vote_cast(st, r, voter, idea, c->dots, err) != 0)
		return 1;
	have = round_voter_dots(r, voter, idea);
	if (c->dots < 0 && have < -c->dots)
		/* Translators: a participant's id, their dots, an idea's id,
		 * a round's id. */
		return cmd_refuse(err, ngettext("%s has %d dot on %s in round "
		    "%s", "%s has %d dots on %s in round %s",
		    (unsigned long)have), c->by, have, c->idea, r->id);
	ev.id = c->idea;
	ev.ref = r->id;
	ev.n = c->dots;
	cmd_add(b, c->s, c->by, &ev);
	return 0;
}

int
cmd_vote(struct session *s, const char *by, const char *idea, int dots,
    char **err)
{
	struct vote_cmd c = { s, by, idea, dots };

	if (dots == 0)
		return cmd_refuse(err, "%s", _("a vote is at least one dot"));
	return cmd_run(s, build_vote, &c, err);
}
