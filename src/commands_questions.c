/*
 * commands_questions.c -- questions to the speaker, quick polls and the
 * end-of-workshop evaluation, with their rules.
 */
#include "commands.h"

#include <stdlib.h>
#include <string.h>

#include "commands_int.h"
#include "i18n.h"
#include "serve.h"
#include "util.h"

#define POLL_OPTIONS_MIN 2
#define POLL_OPTIONS_MAX 9
#define POLL_OPTION_MAX_CHARS 100
#define SCALE_MAX 5

/* --- questions ----------------------------------------------------------- */

struct question_cmd {
	struct session *s;
	const char *by, *id, *text, *what;
	int on;
	char *new_id;
};

static int
need_question(const struct state *st, const char *id, int *out, char **err)
{
	*out = id != NULL ? state_question(st, id) : -1;
	if (*out < 0)
		return cmd_refuse(err, _("no question '%s' in this session"),
		    id != NULL ? id : "");
	return 0;
}

static int
build_ask(struct journal_batch *b, void *ctx, char **err)
{
	struct question_cmd *c = ctx;
	int p;
	struct event ev = { .type = EV_QUESTION };

	if (cmd_need_participant(c->s->state, c->by, &p, err) != 0)
		return 1;
	c->new_id = cmd_new_id(c->s->state, 'q', 0);
	ev.id = c->new_id;
	ev.ref = cmd_agenda_ref(c->s);
	ev.text = c->text;
	cmd_add(b, c->s, c->by, &ev);
	return 0;
}

int
cmd_ask(struct session *s, const char *by, const char *text, char **new_id,
    char **err)
{
	struct question_cmd c = { s, by, NULL, text, NULL, 0, NULL };
	int r;

	if (s->serve_name != NULL)
		return serve_ask(s, by, text, new_id, err);

	if (cmd_check_text(_("the question"), text, err) != 0)
		return 1;
	r = cmd_run(s, build_ask, &c, err);
	if (r == 0 && new_id != NULL)
		*new_id = c.new_id;
	else
		free(c.new_id);
	return r;
}

static int
build_upvote(struct journal_batch *b, void *ctx, char **err)
{
	struct question_cmd *c = ctx;
	const struct state *st = c->s->state;
	int p, q;
	struct event ev = { .type = EV_UPVOTE };

	if (cmd_need_participant(st, c->by, &p, err) != 0 ||
	    need_question(st, c->id, &q, err) != 0)
		return 1;
	if (st->questions[q].hidden)
		return cmd_refuse(err, _("%s is hidden"), c->id);
	if (question_upvoted(&st->questions[q], p))
		return cmd_refuse(err, _("%s has upvoted %s already: one "
		    "upvote per person"), c->by, c->id);
	ev.id = c->id;
	cmd_add(b, c->s, c->by, &ev);
	return 0;
}

int
cmd_upvote(struct session *s, const char *by, const char *question,
    char **err)
{
	struct question_cmd c = { s, by, question, NULL, NULL, 0, NULL };

	if (s->serve_name != NULL)
		return serve_upvote(s, by, question, err);

	return cmd_run(s, build_upvote, &c, err);
}

static int
build_question_mark(struct journal_batch *b, void *ctx, char **err)
{
	struct question_cmd *c = ctx;
	const struct state *st = c->s->state;
	const struct question *qq;
	int q, now;
	struct event ev = { .type = EV_QUESTION_MARK };

	if (need_question(st, c->id, &q, err) != 0)
		return 1;
	qq = &st->questions[q];
	now = strcmp(c->what, "answered") == 0 ? qq->answered :
	    strcmp(c->what, "hidden") == 0 ? qq->hidden : qq->pinned;
	if (now == c->on)
		return cmd_refuse(err, c->on ? _("%s is marked %s already") :
		    _("%s is not marked %s"), c->id, c->what);
	ev.id = c->id;
	ev.ref = c->what;
	ev.n = c->on;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_question_mark(struct session *s, const char *question, const char *what,
    int on, char **err)
{
	struct question_cmd c = { s, NULL, question, NULL, what, on != 0,
	    NULL };

	if (s->serve_name != NULL)
		return serve_question_mark(s, question, what, on, err);

	if (what == NULL || (strcmp(what, "answered") != 0 &&
	    strcmp(what, "hidden") != 0 && strcmp(what, "pinned") != 0))
		return cmd_refuse(err, "%s", _("a question is marked answered, "
		    "hidden or pinned"));
	return cmd_run(s, build_question_mark, &c, err);
}

/* --- polls --------------------------------------------------------------- */

struct poll_cmd {
	struct session *s;
	const char *by, *id;
	int kind;
	const char *question;
	char *options;		/* LF-separated */
	const int *choices;
	int nchoices;
	char *new_id;
};

static int
need_poll(const struct state *st, const char *id, int *out, char **err)
{
	*out = id != NULL ? state_poll(st, id) : -1;
	if (*out < 0)
		return cmd_refuse(err, _("no poll '%s' in this session"),
		    id != NULL ? id : "");
	return 0;
}

/* Checks the options and joins them, one a line, into *out. */
static int
poll_options(int kind, const char *const *options, int n, char **out,
    char **err)
{
	size_t len = 0;
	int i, j;

	*out = NULL;
	if (kind == POLL_SCALE) {
		if (n != 0)
			return cmd_refuse(err, "%s", _("a scale poll has no "
			    "options: it is answered 1 to 5"));
		*out = xstrdup("");
		return 0;
	}
	if (n < POLL_OPTIONS_MIN || n > POLL_OPTIONS_MAX)
		return cmd_refuse(err, _("a poll has %d to %d options"),
		    POLL_OPTIONS_MIN, POLL_OPTIONS_MAX);
	for (i = 0; i < n; i++) {
		if (cmd_check_name(_("a poll option"), options[i],
		    POLL_OPTION_MAX_CHARS, 1, err) != 0)
			return 1;
		for (j = 0; j < i; j++)
			if (strcmp(options[i], options[j]) == 0)
				return cmd_refuse(err, _("the option '%s' is "
				    "there twice"), options[i]);
		len += strlen(options[i]) + 1;
	}
	*out = xmalloc(len);
	(*out)[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(*out, "\n");
		strcat(*out, options[i]);
	}
	return 0;
}

static int
build_poll_open(struct journal_batch *b, void *ctx, char **err)
{
	struct poll_cmd *c = ctx;
	struct event ev = { .type = EV_POLL_OPEN };

	(void)err;
	c->new_id = cmd_new_id(c->s->state, 'o', 0);
	ev.id = c->new_id;
	ev.ref = cmd_agenda_ref(c->s);
	ev.n = c->kind;
	ev.text = c->question;
	ev.extra = c->options;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_poll_open(struct session *s, int kind, const char *question,
    const char *const *options, int noptions, char **new_id, char **err)
{
	struct poll_cmd c = { s, NULL, NULL, kind, question, NULL, NULL, 0,
	    NULL };
	int r;

	if (s->serve_name != NULL)
		return serve_poll_open(s, kind, question, options, noptions,
		    new_id, err);

	if (kind != POLL_SINGLE && kind != POLL_MULTI && kind != POLL_SCALE)
		return cmd_refuse(err, "%s", _("unknown kind of poll"));
	if (cmd_check_text(_("the poll's question"), question, err) != 0 ||
	    poll_options(kind, options, noptions, &c.options, err) != 0)
		return 1;
	r = cmd_run(s, build_poll_open, &c, err);
	free(c.options);
	if (r == 0 && new_id != NULL)
		*new_id = c.new_id;
	else
		free(c.new_id);
	return r;
}

/* The choices fit the poll: one for single and scale polls, one or more
 * distinct ones for multi, each 1..noptions. */
static int
check_choices(const struct poll *p, const int *choices, int n, char **err)
{
	int i, j;

	if (n < 1)
		return cmd_refuse(err, "%s", _("an answer chooses at least one "
		    "option"));
	if (n > 1 && p->kind != POLL_MULTI)
		return cmd_refuse(err, _("poll %s takes one answer (only "
		    "--multi polls take several)"), p->id);
	for (i = 0; i < n; i++) {
		if (choices[i] < 1 || (size_t)choices[i] > p->noptions)
			return cmd_refuse(err, _("poll %s has options 1 to "
			    "%zu"), p->id, p->noptions);
		for (j = 0; j < i; j++)
			if (choices[j] == choices[i])
				return cmd_refuse(err, _("option %d is chosen "
				    "twice"), choices[i]);
	}
	return 0;
}

static char *
join_choices(const int *choices, int n)
{
	char *s = xstrdup(""), *t;
	int i;

	for (i = 0; i < n; i++) {
		t = xasprintf("%s%s%d", s, i > 0 ? "\n" : "", choices[i]);
		free(s);
		s = t;
	}
	return s;
}

static int
build_poll_answer(struct journal_batch *b, void *ctx, char **err)
{
	struct poll_cmd *c = ctx;
	const struct state *st = c->s->state;
	const struct poll *p;
	int voter, pi;
	char *extra;
	struct event ev = { .type = EV_POLL_ANSWER };

	if (cmd_need_participant(st, c->by, &voter, err) != 0 ||
	    need_poll(st, c->id, &pi, err) != 0)
		return 1;
	p = &st->polls[pi];
	if (!p->open)
		return cmd_refuse(err, _("poll %s is closed"), p->id);
	if (poll_answered(p, voter))
		return cmd_refuse(err, _("%s has answered poll %s already"),
		    c->by, p->id);
	if (check_choices(p, c->choices, c->nchoices, err) != 0)
		return 1;
	extra = join_choices(c->choices, c->nchoices);
	ev.id = c->id;
	ev.extra = extra;
	cmd_add(b, c->s, c->by, &ev);
	free(extra);
	return 0;
}

int
cmd_poll_answer(struct session *s, const char *by, const char *poll,
    const int *choices, int nchoices, char **err)
{
	struct poll_cmd c = { s, by, poll, 0, NULL, NULL, choices, nchoices,
	    NULL };

	if (s->serve_name != NULL)
		return serve_poll_answer(s, by, poll, choices, nchoices, err);

	return cmd_run(s, build_poll_answer, &c, err);
}

static int
build_poll_close(struct journal_batch *b, void *ctx, char **err)
{
	struct poll_cmd *c = ctx;
	int pi;
	struct event ev = { .type = EV_POLL_CLOSE };

	if (need_poll(c->s->state, c->id, &pi, err) != 0)
		return 1;
	if (!c->s->state->polls[pi].open)
		return cmd_refuse(err, _("poll %s is closed already"), c->id);
	ev.id = c->id;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_poll_close(struct session *s, const char *poll, char **err)
{
	struct poll_cmd c = { s, NULL, poll, 0, NULL, NULL, NULL, 0, NULL };

	if (s->serve_name != NULL)
		return serve_poll_end(s, "close", poll, err);

	return cmd_run(s, build_poll_close, &c, err);
}

static int
build_poll_reveal(struct journal_batch *b, void *ctx, char **err)
{
	struct poll_cmd *c = ctx;
	const struct poll *p;
	int pi;
	struct event ev = { .type = EV_POLL_REVEAL };

	if (need_poll(c->s->state, c->id, &pi, err) != 0)
		return 1;
	p = &c->s->state->polls[pi];
	if (p->open)
		return cmd_refuse(err, _("poll %s is still open: close it "
		    "before revealing the results"), c->id);
	if (p->revealed)
		return cmd_refuse(err, _("the results of poll %s are shown "
		    "already"), c->id);
	ev.id = c->id;
	cmd_add(b, c->s, ACTOR_FACILITATOR, &ev);
	return 0;
}

int
cmd_poll_reveal(struct session *s, const char *poll, char **err)
{
	struct poll_cmd c = { s, NULL, poll, 0, NULL, NULL, NULL, 0, NULL };

	if (s->serve_name != NULL)
		return serve_poll_end(s, "reveal", poll, err);

	return cmd_run(s, build_poll_reveal, &c, err);
}

/* --- the evaluation ------------------------------------------------------ */

struct eval_cmd {
	struct session *s;
	const char *by, *question, *text;
	long value;
};

static const struct eval_question *
eval_question(const struct module *m, const char *key)
{
	size_t i;

	for (i = 0; key != NULL && i < m->nevals; i++)
		if (strcmp(m->evals[i].id, key) == 0)
			return &m->evals[i];
	return NULL;
}

static int
build_eval(struct journal_batch *b, void *ctx, char **err)
{
	struct eval_cmd *c = ctx;
	const struct state *st = c->s->state;
	const struct eval_question *q = eval_question(c->s->module,
	    c->question);
	int p;
	struct event ev = { .type = EV_EVAL };

	if (cmd_need_participant(st, c->by, &p, err) != 0)
		return 1;
	if (q == NULL)
		return cmd_refuse(err, _("no evaluation question '%s' in this "
		    "module"), c->question != NULL ? c->question : "");
	if (state_eval_answered(st, p, q->id))
		return cmd_refuse(err, _("%s has answered '%s' already: one "
		    "answer per person and question"), c->by, q->id);
	if (q->scale && (c->value < 1 || c->value > SCALE_MAX))
		return cmd_refuse(err, _("'%s' is answered 1 to %d"), q->id,
		    SCALE_MAX);
	if (!q->scale && cmd_check_text(_("the answer"), c->text, err) != 0)
		return 1;
	ev.id = q->id;
	ev.n = q->scale ? c->value : 0;
	ev.text = q->scale ? "" : c->text;
	cmd_add(b, c->s, c->by, &ev);
	return 0;
}

int
cmd_eval(struct session *s, const char *by, const char *question,
    long value, const char *text, char **err)
{
	struct eval_cmd c = { s, by, question, text, value };

	if (s->serve_name != NULL)
		return serve_eval(s, by, question, value, text, err);

	return cmd_run(s, build_eval, &c, err);
}
