/* console_polls.c -- quick polls on the facilitator console: the module's
 * poll for the current agenda item and every poll opened so far; open,
 * close, reveal.  Blind like voting: only how many answered until the
 * results are revealed. */
#include "questions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "commands.h"
#include "console.h"
#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "qa.h"
#include "session.h"
#include "state.h"

#define HEAD_ROWS 2
#define LIST_MAX 6		/* rows of the list; the rest is the poll */

struct cpolls {
	int module_poll;	/* m->polls index for the current item, -1 */
	int *rows;		/* state poll indexes, newest first; the
				   module's poll (when there is one) is
				   row 0 and not in here */
	size_t nrows;
	struct listview lv;
	char *sel_id;		/* the highlighted poll's id */
	char *item;		/* the agenda item the list was made for */
	int sel_module;		/* the module's row is highlighted */
	char *new_question;	/* an ad-hoc poll between its prompts */
	char **new_options;
	int new_noptions;
	char *pending_id;	/* the poll a question (c, R) is about */
	int pending_reveal;	/* R asked (reveal it), else c (close it) */
};

static size_t
first_poll_row(const struct cpolls *c)
{
	return c->module_poll >= 0 ? 1 : 0;
}

/* The state poll on list row k, or -1 (the module's row). */
static int
poll_on_row(const struct cpolls *c, size_t k)
{
	size_t f = first_poll_row(c);

	return k >= f && k - f < c->nrows ? c->rows[k - f] : -1;
}

static void
remember_selection(struct cpolls *c, struct app *a)
{
	int p = poll_on_row(c, c->lv.sel);

	free(c->sel_id);
	c->sel_id = p >= 0 ? xstrdup(app_session(a)->state->polls[p].id) :
	    NULL;
	c->sel_module = p < 0 && c->module_poll >= 0;
}

/* The module's poll is offered until it is opened; a new agenda item
 * with a poll of its own brings the highlight to it. */
static void
offer_module_poll(struct cpolls *c, struct app *a)
{
	const struct session *s = app_session(a);
	const struct state *st = s->state;

	c->module_poll = qa_module_poll(s->module, st->agenda_id);
	if (c->module_poll >= 0 && qa_module_poll_opened(st,
	    &s->module->polls[c->module_poll]) >= 0)
		c->module_poll = -1;
	if (!qa_same_item(c->item, st->agenda_id)) {
		free(c->item);
		c->item = st->agenda_id != NULL ? xstrdup(st->agenda_id) :
		    NULL;
		c->sel_module = c->module_poll >= 0;
	}
}

/* Builds the list again: the module's poll, then the polls newest first. */
static void
collect(struct cpolls *c, struct app *a)
{
	const struct state *st = app_session(a)->state;
	size_t i, f;
	int open = -1;

	offer_module_poll(c, a);
	free(c->rows);
	c->rows = xcalloc(st->npolls + 1, sizeof *c->rows);
	c->nrows = 0;
	for (i = st->npolls; i-- > 0;) {
		c->rows[c->nrows++] = (int)i;
		if (st->polls[i].open && open < 0)
			open = (int)c->nrows - 1;
	}
	f = first_poll_row(c);
	listview_set_count(&c->lv, c->nrows + f);
	if (c->sel_module && f > 0) {
		listview_select(&c->lv, 0);
		return;
	}
	for (i = 0; c->sel_id != NULL && i < c->nrows; i++)
		if (strcmp(st->polls[c->rows[i]].id, c->sel_id) == 0) {
			listview_select(&c->lv, i + f);
			return;
		}
	/* Nothing chosen yet: the open poll, else the module's; it stays
	 * highlighted when it closes. */
	listview_select(&c->lv, open >= 0 ? (size_t)open + f : 0);
	remember_selection(c, a);
}

static void *
cp_init(struct app *a)
{
	struct cpolls *c = xcalloc(1, sizeof *c);

	listview_init(&c->lv);
	collect(c, a);
	return c;
}

static void
forget_new(struct cpolls *c)
{
	free(c->new_question);
	c->new_question = NULL;
	qa_options_free(c->new_options);
	c->new_options = NULL;
	c->new_noptions = 0;
}

static void
cp_fini(void *self)
{
	struct cpolls *c = self;

	forget_new(c);
	free(c->rows);
	free(c->sel_id);
	free(c->item);
	free(c->pending_id);
	free(c);
}

static void
cp_changed(void *self, struct app *a)
{
	collect(self, a);
}

static void
cp_enter(void *self, struct app *a)
{
	collect(self, a);
}

static void
cp_resize(void *self, struct app *a, int rows, int cols)
{
	struct cpolls *c = self;

	(void)a;
	(void)cols;
	listview_set_height(&c->lv, rows > HEAD_ROWS + LIST_MAX + 4 ?
	    LIST_MAX : rows > HEAD_ROWS + 3 ? 2 : 0);
}

/* --- drawing ------------------------------------------------------------- */

static const char *
kind_name(int kind)
{
	return kind == POLL_MULTI ? _("multiple choice") :
	    kind == POLL_SCALE ? _("scale 1-5") : _("one answer");
}

static const char *
poll_status(const struct poll *p)
{
	return p->open ? _("open") : p->revealed ? _("revealed") :
	    _("closed");
}

static void
draw_row(struct cpolls *c, struct app *a, WINDOW *w, int y, int cols,
    size_t k)
{
	const struct session *s = app_session(a);
	int pi = poll_on_row(c, k), sel = k == c->lv.sel;
	const struct poll *p = pi >= 0 ? &s->state->polls[pi] : NULL;
	const struct module_poll *mp;
	attr_t at = sel ? draw_attr(DR_SELECTED) : p != NULL && p->open ?
	    draw_attr(DR_CURRENT) : A_NORMAL;

	if (sel)
		draw_fill(w, y, 0, cols, at);
	if (p != NULL) {
		/* each field in its columns: a translated status is
		 * measured and cut in columns, never padded by bytes */
		draw_text(w, y, 0, 4, p->id, at);
		draw_text(w, y, 5, 9, poll_status(p), at);
		draw_textf(w, y, 15, 9, at, "%4zu", p->nvoters);
		draw_text(w, y, 24, cols - 24, p->question, at);
		return;
	}
	mp = &s->module->polls[c->module_poll];
	draw_text(w, y, 0, 24, _("module: Enter opens"), sel ? at :
	    draw_attr(DR_MARK));
	draw_text(w, y, 24, cols - 24, mp->question, at);
}

/* A module poll not opened yet: what it will ask. */
static void
draw_module_poll(struct cpolls *c, struct app *a, WINDOW *w, int y,
    int rows, int cols)
{
	const struct module_poll *mp =
	    &app_session(a)->module->polls[c->module_poll];
	size_t i;

	y += draw_wrapped(w, y, 0, cols, 0, 3, mp->question,
	    draw_attr(DR_HEADING));
	draw_textf(w, y++, 0, cols, draw_attr(DR_DIM),
	    _("From the module, %s. Enter opens it."), kind_name(mp->kind));
	for (i = 0; i < mp->noptions && y < rows; i++)
		draw_textf(w, y++, 2, cols - 2, A_NORMAL, "%zu  %s", i + 1,
		    mp->options[i]);
}

static void
draw_poll(struct app *a, WINDOW *w, int y, int rows, int cols,
    const struct poll *p)
{
	const struct state *st = app_session(a)->state;
	char since[16];
	size_t i;

	y += draw_wrapped(w, y, 0, cols, 0, 3, p->question,
	    draw_attr(DR_HEADING));
	console_hhmm(a, p->opened_at, since, sizeof since);
	draw_textf(w, y++, 0, cols, draw_attr(DR_DIM),
	    _("%s \xc2\xb7 %s \xc2\xb7 opened %s \xc2\xb7 %s"), p->id,
	    kind_name(p->kind), since, poll_status(p));
	draw_textf(w, y, 0, 24, A_NORMAL, _("Answered: %zu of %zu"),
	    p->nvoters, st->nparticipants);
	if (cols > 34)
		draw_bar(w, y, 24, cols - 24 > 40 ? 40 : cols - 26,
		    (long)p->nvoters, st->nparticipants > 0 ?
		    (long)st->nparticipants : 1, draw_attr(DR_BAR));
	y += 2;
	if (p->revealed) {
		questions_draw_results(w, y, 0, rows - y, cols, p, 0);
		return;
	}
	draw_text(w, y++, 0, cols, p->open ? _("Blind: the answers stay "
	    "hidden until you close the poll (c) and reveal them (R).") :
	    _("Closed. R reveals the results on every terminal and the "
	    "projector."), draw_attr(p->open ? DR_CURRENT : DR_WARN));
	for (i = 0; i < p->noptions && y < rows && p->kind != POLL_SCALE; i++)
		draw_textf(w, y++, 2, cols - 2, A_NORMAL, "%zu  %s", i + 1,
		    p->options[i]);
}

static void
cp_draw(void *self, struct app *a, WINDOW *w)
{
	struct cpolls *c = self;
	const struct state *st = app_session(a)->state;
	int rows, cols, y, pi;
	size_t i;

	getmaxyx(w, rows, cols);
	draw_textf(w, 0, 0, cols, draw_attr(DR_DIM),
	    ngettext("%zu poll so far \xc2\xb7 o asks a new one",
	    "%zu polls so far \xc2\xb7 o asks a new one", st->npolls),
	    st->npolls);
	if (c->lv.count == 0) {
		draw_wrapped(w, HEAD_ROWS, 2, cols - 2, 0, 3, _("No poll yet, "
		    "and none in the module for this agenda item: o opens a "
		    "new one (a question, then options, or a 1-5 scale)."),
		    A_NORMAL);
		return;
	}
	for (i = 0; i < listview_visible(&c->lv); i++) {
		draw_row(c, a, w, HEAD_ROWS - 1 + (int)i, cols, c->lv.top + i);
		app_row(a, HEAD_ROWS - 1 + (int)i, c->lv.top + i,
		    c->lv.top + i == c->lv.sel);
	}
	y = HEAD_ROWS - 1 + (int)listview_visible(&c->lv);
	wattrset(w, draw_attr(DR_DIM));
	draw_hline(w, y++, 0, cols);
	wattrset(w, A_NORMAL);
	pi = poll_on_row(c, c->lv.sel);
	if (pi >= 0)
		draw_poll(a, w, y, rows, cols, &st->polls[pi]);
	else if (c->module_poll >= 0)
		draw_module_poll(c, a, w, y, rows, cols);
}

/* --- keys ---------------------------------------------------------------- */

static int
moved(struct cpolls *c, struct app *a)
{
	remember_selection(c, a);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
go(struct cpolls *c, struct app *a, enum listview_go g)
{
	listview_go(&c->lv, g);
	return moved(c, a);
}

SCREEN_KEY(key_down, go, LISTVIEW_DOWN)
SCREEN_KEY(key_up, go, LISTVIEW_UP)
SCREEN_KEY(key_home, go, LISTVIEW_HOME)
SCREEN_KEY(key_end, go, LISTVIEW_END)

/* After a poll opened, the highlight goes to it. */
static int
opened(struct cpolls *c, struct app *a, int status, char *id, char *err)
{
	if (status == 0) {
		free(c->sel_id);
		c->sel_id = id;
		c->sel_module = 0;
		collect(c, a);
	} else
		free(id);
	return app_report(a, status, err, _("the poll is open: participants "
	    "answer with 1-9"));
}

static int
key_open_module(void *self, struct app *a)
{
	struct cpolls *c = self;
	const struct session *s = app_session(a);
	const struct module_poll *mp;
	char *err = NULL, *id = NULL;
	int status;

	if (poll_on_row(c, c->lv.sel) >= 0 || c->module_poll < 0)
		return REQ_HANDLED;
	mp = &s->module->polls[c->module_poll];
	if (qa_module_poll_opened(s->state, mp) >= 0) {
		app_message(a, "%s", _("this poll was opened already: o asks a "
		    "new one"));
		return REQ_HANDLED;
	}
	status = cmd_poll_open(app_session(a), mp->kind, mp->question,
	    (const char *const *)mp->options, mp->kind == POLL_SCALE ? 0 :
	    (int)mp->noptions, &id, &err);
	return opened(c, a, status, id, err);
}

static void
open_new(struct cpolls *c, struct app *a, int kind)
{
	char *err = NULL, *id = NULL;
	int status;

	status = cmd_poll_open(app_session(a), kind, c->new_question,
	    (const char *const *)c->new_options, c->new_noptions, &id, &err);
	forget_new(c);
	opened(c, a, status, id, err);
}

static void
multi_done(void *self, struct app *a, int yes)
{
	open_new(self, a, yes ? POLL_MULTI : POLL_SINGLE);
}

static void
options_done(void *self, struct app *a, const char *text)
{
	struct cpolls *c = self;

	if (text == NULL) {
		forget_new(c);
		return;
	}
	c->new_noptions = qa_split_options(text, &c->new_options);
	if (c->new_noptions == 0) {
		open_new(c, a, POLL_SCALE);
		return;
	}
	app_confirm(a, _("May people choose several options (multiple "
	    "choice)?"), multi_done, c);
}

static void
question_done(void *self, struct app *a, const char *text)
{
	struct cpolls *c = self;

	forget_new(c);
	if (text == NULL || *text == '\0')
		return;
	c->new_question = xstrdup(text);
	app_prompt(a, _("Options, separated by | (empty: a 1-5 scale):"),
	    NULL, options_done, c);
}

static int
key_new(void *self, struct app *a)
{
	app_prompt(a, _("The poll's question:"), NULL, question_done, self);
	return REQ_HANDLED;
}

/* The highlighted poll, else the open one; NULL (with a message) when
 * neither. */
static const struct poll *
target(struct cpolls *c, struct app *a)
{
	const struct state *st = app_session(a)->state;
	int pi = poll_on_row(c, c->lv.sel);
	size_t i;

	if (pi >= 0)
		return &st->polls[pi];
	for (i = st->npolls; i-- > 0;)
		if (st->polls[i].open)
			return &st->polls[i];
	app_message(a, "%s", _("no poll here: highlight one"));
	return NULL;
}

/* The answer to ask(): closes or reveals the poll asked about. */
static void
ask_done(void *self, struct app *a, int yes)
{
	struct cpolls *c = self;
	struct session *s = app_session(a);
	char *err = NULL;
	int status;

	if (yes) {
		status = c->pending_reveal ?
		    cmd_poll_reveal(s, c->pending_id, &err) :
		    cmd_poll_close(s, c->pending_id, &err);
		app_report(a, status, err, c->pending_reveal ?
		    _("results revealed on every terminal") :
		    _("the poll is closed: R reveals the results"));
	}
	free(c->pending_id);
	c->pending_id = NULL;
}

/* Closing a poll ends the answering on every terminal and revealing shows
 * the results to everyone; neither can be taken back, so both ask first
 * about the poll highlighted when the key was pressed. */
static int
ask(struct cpolls *c, struct app *a, int reveal)
{
	const struct poll *p = target(c, a);
	char *q;

	if (p == NULL)
		return REQ_HANDLED;
	free(c->pending_id);
	c->pending_id = xstrdup(p->id);
	c->pending_reveal = reveal;
	if (reveal ? p->open || p->revealed : !p->open) {
		/* Nothing would end: the command says why not. */
		ask_done(c, a, 1);
		return REQ_HANDLED | REQ_REDRAW;
	}
	/* The poll's id first: its question may be long and is cut. */
	q = reveal ? xasprintf(_("Reveal the results of poll %s on every "
	    "screen? (%s)"), p->id, p->question) : xasprintf(_("Close poll "
	    "%s? Nobody can answer it after. (%s)"), p->id, p->question);
	app_confirm_key(a, q, reveal ? 'R' : 'c', ask_done, c);
	free(q);
	return REQ_HANDLED;
}

SCREEN_KEY(key_close, ask, 0)
SCREEN_KEY(key_reveal, ask, 1)

/* A click highlights a poll, as the arrows would. */
static int
click_row(void *self, struct app *a, size_t row)
{
	listview_select(&((struct cpolls *)self)->lv, row);
	return moved(self, a);
}

static const struct binding cp_keys[] = {
	SCREEN_MOVE_KEYS(N_("move in the polls"), key),
	SCREEN_END_KEYS(N_("the first / last poll"), key),
	{ '\r', "Enter", N_("open the module's poll for this agenda item"),
	    key_open_module },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_open_module },
	{ 'o', "o", N_("open a new poll: its question, then its "
	    "options"), key_new },
	{ 'c', "c", N_("close the highlighted (or the open) poll; asks "
	    "first"),
	    key_close },
	{ 'R', "R", N_("reveal the results of the highlighted poll; asks "
	    "first"),
	    key_reveal },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_polls = {
	.name = N_("Polls"),
	.keys = cp_keys,
	.init = cp_init,
	.fini = cp_fini,
	.enter = cp_enter,
	.resize = cp_resize,
	.draw = cp_draw,
	.changed = cp_changed,
	.click = click_row,
};
