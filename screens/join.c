/* join.c -- the join screen: pick yourself from the registered
 * participants (type-ahead over names in any script), or register; the PIN
 * when you have one, and on a shared terminal the offer of one. */
#include "participant.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "auth.h"
#include "commands.h"
#include "countries.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "search.h"
#include "serve.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "util.h"
#include "wall.h"

#define HEAD_ROWS 2		/* the question and the count */

enum step { STEP_NONE, STEP_SEARCH, STEP_NAME, STEP_COUNTRY, STEP_ORG,
	STEP_PIN };

struct join {
	int *people;		/* participant indexes shown, in order */
	size_t npeople, cappeople;
	struct listview lv;	/* row 0 registers; row k is people[k - 1] */
	char *filter;		/* the search, NULL: everyone */
	char *shown_filter;	/* the filter `people` was built for */
	enum step step;
	int pending;		/* the participant whose PIN is asked */
	char *reg_name, *reg_org;
	const char *reg_country;	/* an ISO code, static */
};

/* --- matching names ------------------------------------------------------ */

/* A person matches by a word of their name (search.h: any script, case
 * and Latin, Cyrillic and Greek accents ignored), their id, or their
 * country's code, English or local name. */
static int
person_matches(const struct participant *p, const struct search *q)
{
	return search_rank(q, p->name) != SEARCH_NONE ||
	    search_rank(q, p->id) != SEARCH_NONE ||
	    (p->country != NULL && country_code_search(p->country, q) !=
	    SEARCH_NONE);
}

/* The filter now: the search being typed, else the one kept. */
static const char *
current_filter(const struct join *j, struct app *a)
{
	if (j->step == STEP_SEARCH && app_prompt_text(a) != NULL)
		return app_prompt_text(a);
	return j->filter;
}

static int
same(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

/* Builds the list for the filter; the highlight goes to the first name
 * that matches a new search. */
static void
collect(struct join *j, struct app *a, int force)
{
	const struct state *st = app_session(a)->state;
	const char *f = current_filter(j, a);
	int changed = !same(f, j->shown_filter);
	struct search *q;
	size_t i;

	if (!changed && !force)
		return;
	q = search_new(f);
	j->npeople = 0;
	for (i = 0; i < st->nparticipants; i++) {
		const struct participant *p = &st->participants[i];

		if (p->sample || !person_matches(p, q))
			continue;
		j->people = xgrow(j->people, &j->cappeople, j->npeople + 1,
		    sizeof *j->people);
		j->people[j->npeople++] = (int)i;
	}
	search_free(q);
	free(j->shown_filter);
	j->shown_filter = f != NULL ? xstrdup(f) : NULL;
	listview_set_count(&j->lv, j->npeople + 1);
	if (changed)
		listview_select(&j->lv, f != NULL && *f != '\0' &&
		    j->npeople > 0 ? 1 : 0);
}

/* --- picking ------------------------------------------------------------- */

#define PIN_WHY_KIOSK N_("This terminal is shared: a PIN of 4 to 8 " \
    "digits keeps anyone else from voting as you. Type one and Enter, or " \
    "just Enter for none.")
#define PIN_WHY N_("A PIN of 4 to 8 digits keeps anyone else from voting " \
    "as you on a shared terminal. Type one and Enter, or just Enter for " \
    "none.")

/* Why a PIN is offered, as this terminal should say it. */
static const char *
pin_why(struct app *a)
{
	return participant_is_kiosk(a) ? _(PIN_WHY_KIOSK) : _(PIN_WHY);
}

static int
ever_joined(const struct state *st, int p)
{
	size_t i;

	for (i = 0; i < st->ncheckins; i++)
		if (st->checkins[i].participant == p)
			return 1;
	return 0;
}

static void
new_pin_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	struct session *s = app_session(a);
	const char *id = s->state->participants[j->pending].id;
	char *err = NULL;

	j->step = STEP_NONE;
	if (text != NULL && *text != '\0' &&
	    cmd_set_pin(s, id, text, &err) != 0) {
		app_error(a, err);
		j->step = STEP_PIN;
		app_prompt_secret(a, _("New PIN (Enter: none):"), new_pin_done,
		    j);
		return;
	}
	serve_set_pin(s, text);
	participant_picked(a, id);
}

static void
pin_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	const struct participant *p =
	    &app_session(a)->state->participants[j->pending];

	char *err = NULL;
	int ok;

	j->step = STEP_NONE;
	if (text == NULL)
		return;
	ok = p->pin_hash != NULL ? auth_try(app_session(a), p->pin_hash, text,
	    &err) : 0;
	if (ok == 1) {
		/* The writer service asks it again with each request. */
		serve_set_pin(app_session(a), text);
		participant_picked(a, p->id);
	}
	else if (ok < 0)
		app_error(a, err);	/* wait: throttled */
	else
		app_error(a, xstrdup(_("that PIN is not right")));
	if (ok != -1)
		free(err);
}

/* Person p picked themselves: their PIN first; on a shared terminal, the
 * first time, the offer of one. */
static int
pick(struct join *j, struct app *a, int p)
{
	const struct state *st = app_session(a)->state;
	const struct participant *who = &st->participants[p];
	char *q;

	j->pending = p;
	serve_set_pin(app_session(a), NULL);	/* the last person's */
	if (who->pin_hash != NULL) {
		q = xasprintf(_("PIN for %s:"), who->name);
		j->step = STEP_PIN;
		app_prompt_secret(a, q, pin_done, j);
		free(q);
	} else if (participant_is_kiosk(a) && !ever_joined(st, p)) {
		j->step = STEP_PIN;
		app_prompt_secret(a, _("New PIN (Enter: none):"), new_pin_done,
		    j);
	} else
		participant_picked(a, who->id);
	return REQ_HANDLED;
}

/* --- registering --------------------------------------------------------- */

static void reg_name_done(void *self, struct app *a, const char *text);
static void reg_country_done(void *self, struct app *a, const char *text);
static void reg_org_done(void *self, struct app *a, const char *text);
static void reg_pin_done(void *self, struct app *a, const char *text);

static void
reg_ask(struct join *j, struct app *a, enum step step, const char *initial)
{
	j->step = step;
	switch (step) {
	case STEP_NAME:
		app_prompt(a, _("Your name:"), initial, reg_name_done, j);
		break;
	case STEP_COUNTRY:
		app_prompt(a, _("Your country (code or name):"), initial,
		    reg_country_done, j);
		break;
	case STEP_ORG:
		app_prompt(a, _("Your organisation (Enter: none):"), initial,
		    reg_org_done, j);
		break;
	default:
		app_prompt_secret(a, _("New PIN (Enter: none):"), reg_pin_done,
		    j);
		break;
	}
}

static void
reg_cancel(struct join *j, struct app *a)
{
	j->step = STEP_NONE;
	free(j->reg_name);
	free(j->reg_org);
	j->reg_name = j->reg_org = NULL;
	app_message(a, "%s", _("registration cancelled"));
}

static void
reg_name_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	char *err = NULL;

	if (text == NULL) {
		reg_cancel(j, a);
		return;
	}
	if (cmd_check_name(_("the name"), text, NAME_MAX_CHARS, 1, &err) != 0 ||
	    text_is_blank(text)) {
		app_error(a, err != NULL ? err : xstrdup(_("a name is "
		    "needed")));
		reg_ask(j, a, STEP_NAME, text);
		return;
	}
	free(j->reg_name);
	j->reg_name = xstrdup(text);
	reg_ask(j, a, STEP_COUNTRY, NULL);
}

/* The countries found by what was typed (by code, English or local name:
 * country_search), best first (the exact code or name, then beginnings,
 * then words inside, each in the list's order); calls fn for each (up to
 * `max`), returns how many match. */
static size_t
country_matches(const char *typed, size_t max,
    void (*fn)(const struct country *c, size_t k, void *ctx), void *ctx)
{
	size_t n, i, k = 0;
	const struct country *all = countries_all(&n);
	struct search *q = search_new(typed);
	enum search_rank *ranks = xcalloc(n, sizeof *ranks);
	int rank;

	for (i = 0; i < n; i++)
		ranks[i] = country_search(&all[i], q);
	for (rank = SEARCH_EXACT; rank >= SEARCH_WORD; rank--)
		for (i = 0; i < n; i++) {
			if ((int)ranks[i] != rank)
				continue;
			if (k < max && fn != NULL)
				fn(&all[i], k, ctx);
			k++;
		}
	free(ranks);
	search_free(q);
	return k;
}

static void
first_country(const struct country *c, size_t k, void *ctx)
{
	if (k == 0)
		*(const struct country **)ctx = c;
}

static void
reg_country_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	const struct country *c;

	if (text == NULL) {
		reg_cancel(j, a);
		return;
	}
	c = country_lookup(text);
	if (c == NULL && !text_is_blank(text))
		country_matches(text, 1, first_country, &c);
	if (c == NULL) {
		app_error(a, xstrdup(_("no country by that code or name")));
		reg_ask(j, a, STEP_COUNTRY, text);
		return;
	}
	j->reg_country = c->code;
	reg_ask(j, a, STEP_ORG, NULL);
}

static void
reg_org_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	char *err = NULL;

	if (text == NULL) {
		reg_cancel(j, a);
		return;
	}
	if (cmd_check_name(_("the organisation"), text, NAME_MAX_CHARS, 0,
	    &err) != 0) {
		app_error(a, err);
		reg_ask(j, a, STEP_ORG, text);
		return;
	}
	free(j->reg_org);
	j->reg_org = xstrdup(text);
	reg_ask(j, a, STEP_PIN, NULL);
}

static int
pin_well_formed(const char *pin)
{
	size_t n = strlen(pin), i;

	for (i = 0; i < n; i++)
		if (pin[i] < '0' || pin[i] > '9')
			return 0;
	return n >= 4 && n <= 8;
}

static void
reg_pin_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;
	struct session *s = app_session(a);
	char *id = NULL, *err = NULL;
	int status;

	if (text == NULL) {
		reg_cancel(j, a);
		return;
	}
	if (*text != '\0' && !pin_well_formed(text)) {
		app_error(a, xstrdup(_("a PIN is 4 to 8 digits")));
		reg_ask(j, a, STEP_PIN, NULL);
		return;
	}
	j->step = STEP_NONE;
	status = cmd_participant(s, NULL, j->reg_name, j->reg_country,
	    j->reg_org, NULL, &id, &err);
	if (status != 0) {
		app_report(a, status, err, NULL);
		return;
	}
	if (*text != '\0' && cmd_set_pin(s, id, text, &err) != 0) {
		app_error(a, err);
		free(id);
		return;
	}
	serve_set_pin(s, text);
	participant_picked(a, id);
	free(id);
}

/* --- the screen ---------------------------------------------------------- */

static void *
join_init(struct app *a)
{
	struct join *j = xcalloc(1, sizeof *j);

	listview_init(&j->lv);
	collect(j, a, 1);
	return j;
}

static void
join_enter(void *self, struct app *a)
{
	(void)self;
	participant_join_shown(a);
}

static void
join_fini(void *self)
{
	struct join *j = self;

	free(j->people);
	free(j->filter);
	free(j->shown_filter);
	free(j->reg_name);
	free(j->reg_org);
	free(j);
}

static void
join_changed(void *self, struct app *a)
{
	collect(self, a, 1);
}

/* Rows the privacy notice (session_privacy_notice) takes at the foot of
 * the list of names: all it needs, up to a third of the rows under the
 * heading, so the names stay first; on a tiny screen one row, cut with
 * "…"; none when there is no room for a name as well. */
static int
notice_rows(struct app *a, int rows, int cols)
{
	int below = rows - HEAD_ROWS;

	if (below < 3 || cols < 8)
		return 0;
	if (below < 9)
		return 1;
	return wall_text_rows(session_privacy_notice(app_session(a)),
	    cols - 2, below / 3);
}

static void
join_resize(void *self, struct app *a, int rows, int cols)
{
	struct join *j = self;
	int n = notice_rows(a, rows, cols), list;

	/* A blank row between the names and the notice. */
	list = rows - HEAD_ROWS - (n > 0 ? n + 1 : 0);
	listview_set_height(&j->lv, list > 0 ? (size_t)list : 0);
}

static void
draw_person(struct join *j, struct app *a, WINDOW *w, int y, int cols,
    size_t row)
{
	const struct state *st = app_session(a)->state;
	int sel = row == j->lv.sel, x;
	attr_t at = sel ? draw_attr(DR_SELECTED) : A_NORMAL;
	const struct participant *p;

	if (sel)
		draw_fill(w, y, 0, cols, at);
	if (row == 0) {
		draw_text(w, y, 1, cols - 1, _("+ I am new here: register"),
		    sel ? at : draw_attr(DR_HEADING));
		return;
	}
	p = &st->participants[j->people[row - 1]];
	x = 1 + draw_text(w, y, 1, cols * 2 / 3, p->name, at | A_BOLD);
	x += draw_text(w, y, x, cols - x, "  ", at);
	x += draw_text(w, y, x, cols - x, country_display(p->country), sel ? at :
	    draw_attr(DR_DIM));
	if (p->org != NULL && *p->org != '\0' && cols - x > 4) {
		x += draw_text(w, y, x, cols - x, "  ", at);
		draw_text(w, y, x, cols - x, p->org, sel ? at :
		    draw_attr(DR_DIM));
	}
}

struct country_rows {
	WINDOW *w;
	int y, cols;
};

static void
draw_country(const struct country *c, size_t k, void *ctx)
{
	struct country_rows *cr = ctx;

	draw_textf(cr->w, cr->y + (int)k, 1, cr->cols - 1, A_NORMAL, "%s  %s",
	    c->code, country_display(c->code));
}

/* While registering: what is asked, and the countries that match. */
static void
draw_register(struct join *j, struct app *a, WINDOW *w, int rows, int cols)
{
	struct country_rows cr = { w, HEAD_ROWS, cols };
	const char *typed = app_prompt_text(a);
	size_t n;

	draw_text(w, 0, 0, cols, _("Registering: your name, your country, "
	    "your organisation"), draw_attr(DR_HEADING));
	if (j->reg_name != NULL)
		draw_text(w, 1, 1, cols - 1, j->reg_name, A_BOLD);
	if (j->step == STEP_PIN)
		wall_text(w, HEAD_ROWS, 1, cols - 1, rows - HEAD_ROWS,
		    pin_why(a), A_NORMAL);
	if (j->step != STEP_COUNTRY || rows <= HEAD_ROWS)
		return;
	n = country_matches(typed, (size_t)(rows - HEAD_ROWS), draw_country,
	    &cr);
	if (n == 0)
		draw_text(w, HEAD_ROWS, 1, cols - 1, _("no country matches"),
		    draw_attr(DR_DIM));
}

/* While a PIN is asked after picking a name: whose, and why. */
static void
draw_pin(struct join *j, struct app *a, WINDOW *w, int rows, int cols)
{
	const struct participant *p =
	    &app_session(a)->state->participants[j->pending];

	draw_text(w, 0, 0, cols, p->name, draw_attr(DR_HEADING));
	wall_text(w, HEAD_ROWS, 1, cols - 1, rows - HEAD_ROWS,
	    p->pin_hash != NULL ? _("Type your PIN, then Enter (Esc: back "
	    "to the names).") : pin_why(a), A_NORMAL);
}

static void
join_draw(void *self, struct app *a, WINDOW *w)
{
	struct join *j = self;
	const char *f;
	int rows, cols, n;
	size_t i;

	getmaxyx(w, rows, cols);
	if (j->step == STEP_NAME || j->step == STEP_COUNTRY ||
	    j->step == STEP_ORG || (j->step == STEP_PIN &&
	    j->reg_name != NULL)) {
		draw_register(j, a, w, rows, cols);
		return;
	}
	if (j->step == STEP_PIN) {
		draw_pin(j, a, w, rows, cols);
		return;
	}
	collect(j, a, 0);
	f = current_filter(j, a);
	draw_text(w, 0, 0, cols, _("Who are you? Type your name, then "
	    "Enter."), draw_attr(DR_HEADING));
	if (f != NULL && *f != '\0')
		draw_textf(w, 1, 0, cols, draw_attr(DR_DIM),
		    /* Translators: how many registered names match
		     * the search, of how many; %s is what was typed. */
		    ngettext("%zu of %zu name matches \xe2\x80\x9c%s"
		    "\xe2\x80\x9d", "%zu of %zu names match \xe2\x80\x9c%s"
		    "\xe2\x80\x9d", app_session(a)->state->nparticipants),
		    j->npeople, app_session(a)->state->nparticipants, f);
	else
		draw_textf(w, 1, 0, cols, draw_attr(DR_DIM),
		    _("%zu registered"), j->npeople);
	for (i = 0; i < listview_visible(&j->lv); i++) {
		draw_person(j, a, w, HEAD_ROWS + (int)i, cols, j->lv.top + i);
		app_row(a, HEAD_ROWS + (int)i, j->lv.top + i,
		    j->lv.top + i == j->lv.sel);
	}
	if ((n = notice_rows(a, rows, cols)) > 0)
		wall_text(w, rows - n, 1, cols - 2, n,
		    session_privacy_notice(app_session(a)),
		    draw_attr(DR_DIM));
}

/* --- keys ---------------------------------------------------------------- */

static int
key_down(void *self, struct app *a)
{
	(void)a;
	listview_move(&((struct join *)self)->lv, 1);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_up(void *self, struct app *a)
{
	(void)a;
	listview_move(&((struct join *)self)->lv, -1);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_pgdn(void *self, struct app *a)
{
	(void)a;
	listview_page(&((struct join *)self)->lv, 1);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_pgup(void *self, struct app *a)
{
	(void)a;
	listview_page(&((struct join *)self)->lv, -1);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_home(void *self, struct app *a)
{
	(void)a;
	listview_home(&((struct join *)self)->lv);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_end(void *self, struct app *a)
{
	(void)a;
	listview_end(&((struct join *)self)->lv);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_enter(void *self, struct app *a)
{
	struct join *j = self;

	collect(j, a, 0);
	if (j->lv.sel == 0) {
		reg_ask(j, a, STEP_NAME, NULL);
		return REQ_HANDLED | REQ_REDRAW;
	}
	return pick(j, a, j->people[j->lv.sel - 1]);
}

static void
search_done(void *self, struct app *a, const char *text)
{
	struct join *j = self;

	j->step = STEP_NONE;
	free(j->filter);
	j->filter = text != NULL && *text != '\0' ? xstrdup(text) : NULL;
	collect(j, a, 0);
	/* One name matches: that is who is typing. */
	if (text != NULL && j->filter != NULL && j->npeople == 1)
		pick(j, a, j->people[0]);
}

static int
search(struct join *j, struct app *a, const char *initial)
{
	j->step = STEP_SEARCH;
	app_prompt(a, _("Name:"), initial, search_done, j);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_search(void *self, struct app *a)
{
	struct join *j = self;

	return search(j, a, j->filter);
}

static int
key_clear(void *self, struct app *a)
{
	struct join *j = self;

	free(j->filter);
	j->filter = NULL;
	collect(j, a, 0);
	return REQ_HANDLED | REQ_REDRAW;
}

/* Any other character starts the search with itself: type-ahead. */
static int
join_key(void *self, struct app *a, int key)
{
	char buf[MB_LEN_MAX + 1];
	mbstate_t ms;
	size_t n;

	if (key <= ' ' || key == 0x7f)
		return REQ_NONE;
	memset(&ms, 0, sizeof ms);
	n = wcrtomb(buf, (wchar_t)key, &ms);
	if (n == (size_t)-1)
		return REQ_NONE;
	buf[n] = '\0';
	return search(self, a, buf);
}

/* A click highlights a name, as the arrows would (a double-click picks). */
static int
click_row(void *self, struct app *a, size_t row)
{
	(void)a;
	listview_select(&((struct join *)self)->lv, row);
	return REQ_HANDLED | REQ_REDRAW;
}

static const struct binding join_keys[] = {
	{ KEYCODE(KEY_DOWN), "Down Up", N_("move"), key_down },
	{ KEYCODE(KEY_UP), NULL, NULL, key_up },
	{ KEYCODE(KEY_NPAGE), "PgDn PgUp", N_("a page down / up"), key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	{ KEYCODE(KEY_HOME), "Home End", N_("first / last name"), key_home },
	{ KEYCODE(KEY_END), NULL, NULL, key_end },
	{ '\r', "Enter", N_("this is me (or: register)"), key_enter },
	{ KEYCODE(KEY_ENTER), NULL, NULL, key_enter },
	/* the key's label stays a key; "or type a letter" is prose, and
	 * translated with the rest of the line */
	{ '/', "/", N_("search the names (in any script), or type a letter"),
	    key_search },
	{ 27, "Esc", N_("show every name again"), key_clear },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops part_join = {
	.name = N_("Join"),
	.keys = join_keys,
	.init = join_init,
	.enter = join_enter,
	.fini = join_fini,
	.resize = join_resize,
	.draw = join_draw,
	.key = join_key,
	.changed = join_changed,
	.click = click_row,
};
