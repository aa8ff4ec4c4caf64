/* app.c -- the loop: the terminal, one poll() over keys, the journal and
 * the clock, the screens and their keys (drawing: app_draw.c). */
#include "app.h"
#include "app_int.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "cli.h"
#include "draw.h"
#include "i18n.h"
#include "lineedit.h"
#include "prompt.h"
#include "serve.h"
#include "session.h"

/* --- restoring the terminal on every way out ----------------------------- */

/* Process-wide, because signal handlers and the allocation hook have no
 * other way to reach them; only flags and a "curses is up" bit. */
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t curses_up;

static void
restore_terminal(void)
{
	if (curses_up) {
		curses_up = 0;
		app_mouse_stop();
		endwin();
	}
}

static void
on_stop_signal(int sig)
{
	got_signal = sig;
}

/* curses' own SIGWINCH handler, which ours calls: a resize shows as
 * KEY_RESIZE on the next read of the keys. */
static void (*curses_winch)(int);
static volatile sig_atomic_t winched;

static void
on_winch(int sig)
{
	winched = 1;
	if (curses_winch != NULL)
		curses_winch(sig);
}

/* The keys are read when the terminal has some, or a resize came: a
 * wake-up by the journal alone (another terminal's idea) then costs no
 * read of the keys.  Chained in front of curses' handler, once it has
 * one (newterm installs it); without one, the keys are read on every
 * wake-up, as before. */
static void
watch_resizes(void)
{
	struct sigaction old, sa;

	if (sigaction(SIGWINCH, NULL, &old) != 0 ||
	    (old.sa_flags & SA_SIGINFO) || old.sa_handler == SIG_DFL ||
	    old.sa_handler == SIG_IGN || old.sa_handler == on_winch)
		return;
	curses_winch = old.sa_handler;
	sa = old;
	sa.sa_handler = on_winch;
	if (sigaction(SIGWINCH, &sa, NULL) != 0)
		curses_winch = NULL;
}

/* A crash: put the terminal back first (as htop does), then die of the
 * same signal so that the exit status and a core dump are still right. */
static void
on_crash_signal(int sig)
{
	restore_terminal();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* kiosk: the signals a person at the keyboard could send (Ctrl-C, Ctrl-\,
 * Ctrl-Z, were the tty ever to send them) are ignored, so that nobody on a
 * shared terminal can drop to a shell; SIGTERM and SIGHUP still end it. */
static void
install_signals(int kiosk)
{
	static const int stops[] = { SIGTERM, SIGHUP, SIGINT, SIGQUIT };
	static const int kiosk_ignored[] = { SIGINT, SIGQUIT, SIGTSTP };
	static const int crashes[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL,
	    SIGABRT };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop_signal;	/* no SA_RESTART: poll wakes */
	for (i = 0; i < NELEM(stops); i++)
		sigaction(stops[i], &sa, NULL);
	if (kiosk)
		for (i = 0; i < NELEM(kiosk_ignored); i++)
			signal(kiosk_ignored[i], SIG_IGN);
	sa.sa_handler = on_crash_signal;
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NELEM(crashes); i++)
		sigaction(crashes[i], &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* kiosk: SIGINT, SIGQUIT and SIGTSTP stay ignored (the participant
 * terminal goes back to the join screen with a new loop: no moment in
 * between may let Ctrl-C through). */
static void
reset_signals(int kiosk)
{
	static const int all[] = { SIGTERM, SIGHUP, SIGSEGV, SIGBUS, SIGFPE,
	    SIGILL, SIGABRT };
	static const int keyboard[] = { SIGINT, SIGQUIT, SIGTSTP };
	size_t i;

	for (i = 0; i < NELEM(all); i++)
		signal(all[i], SIG_DFL);
	if (!kiosk)
		for (i = 0; i < NELEM(keyboard); i++)
			signal(keyboard[i], SIG_DFL);
}

int64_t
app_mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* --- accessors ----------------------------------------------------------- */

struct session *
app_session(const struct app *a)
{
	return a->s;
}

void *
app_role(const struct app *a)
{
	return a->cfg->role;
}

int
app_room(const struct app *a)
{
	return a->room;
}

int64_t
app_now(const struct app *a)
{
	return a->now;
}

int
app_body_rows(const struct app *a)
{
	return a->too_small ? 0 : a->rows - 3;
}

int
app_body_cols(const struct app *a)
{
	return a->too_small ? 0 : a->cols;
}

void
app_cursor(struct app *a, int y, int x)
{
	a->cursor_y = y;
	a->cursor_x = x;
}

void
app_row(struct app *a, int y, size_t row, int selected)
{
	if (y < 0 || y >= a->nrowmap)
		return;
	a->rowmap[y] = (int)row;
	if (selected && a->cursor_y < 0)
		app_cursor(a, y, 0);
}

void
app_config_term(struct app_config *cfg, const struct cli_term *term)
{
	if (term == NULL)
		return;
	cfg->no_mouse = term->no_mouse;
	cfg->plain = term->plain;
}

void
app_dirty(struct app *a, int req)
{
	a->dirty |= req & (REQ_REDRAW | REQ_STATUS | REQ_FULL);
}

static void
set_message(struct app *a, char *msg, int error)
{
	free(a->msg);
	a->msg = msg;
	a->msg_error = error;
	a->msg_sending = 0;
	a->dirty |= REQ_FULL;
}

void
app_message(struct app *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(a, xvasprintf(fmt, ap), 0);
	va_end(ap);
}

void
app_error(struct app *a, char *msg)
{
	if (msg != NULL)
		set_message(a, msg, 1);
}

int
app_report(struct app *a, int status, char *err, const char *done)
{
	if (status != 0)
		app_error(a, err != NULL ? err :
		    xstrdup(_("that did not work")));
	else {
		free(err);
		if (done != NULL)
			app_message(a, "%s", done);
	}
	return REQ_HANDLED | REQ_REDRAW | REQ_STATUS;
}

void
app_prompt(struct app *a, const char *question, const char *initial,
    app_prompt_fn done, void *self)
{
	prompt_free(a->prompt);
	free(a->question);
	a->prompt = prompt_new(initial);
	a->prompt_secret = 0;
	a->question = xstrdup(question);
	a->prompt_done = done;
	a->modal_self = self;
	a->mode = MODE_PROMPT;
	a->dirty |= REQ_FULL;
}

void
app_prompt_secret(struct app *a, const char *question, app_prompt_fn done,
    void *self)
{
	app_prompt(a, question, NULL, done, self);
	a->prompt_secret = 1;
}

const char *
app_prompt_text(const struct app *a)
{
	if (a->prompt != NULL)
		return prompt_text(a->prompt);
	if (a->closing != NULL)
		return prompt_text(a->closing);
	return NULL;
}

void
app_set_room(struct app *a, int room)
{
	if (room != a->room)
		a->dirty |= REQ_STATUS;
	a->room = room;
}

int
app_min_rows(const struct app *a)
{
	return a->cfg->min_rows > 0 ? a->cfg->min_rows : MIN_ROWS;
}

int
app_min_cols(const struct app *a)
{
	return a->cfg->min_cols > 0 ? a->cfg->min_cols : MIN_COLS;
}

void
app_quit(struct app *a)
{
	a->quit = 1;
}

void
app_confirm(struct app *a, const char *question, app_confirm_fn done,
    void *self)
{
	free(a->question);
	a->question = xstrdup(question);
	a->confirm_done = done;
	a->confirm_key = 0;
	free(a->confirm_hint);
	a->confirm_hint = NULL;
	a->modal_self = self;
	a->mode = MODE_CONFIRM;
	a->dirty |= REQ_FULL;
}

/* The question's hint: which keys say yes ("n/Enter: yes"). */
static char *
confirm_hint(int key)
{
	if (key == '\r' || key == KEYCODE(KEY_ENTER))
		return xstrdup(_("Enter: yes"));
	if (key == ' ')
		return xstrdup(_("Space/Enter: yes"));
	return xasprintf(_("%c/Enter: yes"), (char)key);
}

void
app_confirm_key(struct app *a, const char *question, int key,
    app_confirm_fn done, void *self)
{
	app_confirm(a, question, done, self);
	a->confirm_key = key;
	a->confirm_hint = confirm_hint(key);
}

/* --- layout -------------------------------------------------------------- */

static void
delete_windows(struct app *a)
{
	WINDOW **ws[] = { &a->w_status, &a->w_tabs, &a->w_body, &a->w_msg,
	    &a->w_small };
	size_t i;

	for (i = 0; i < NELEM(ws); i++)
		if (*ws[i] != NULL) {
			delwin(*ws[i]);
			*ws[i] = NULL;
		}
}

const struct screen_ops *
app_current(const struct app *a)
{
	return a->cfg->screens[a->cur];
}

/* Lays the windows out for the terminal's size now and tells the screens.
 * They are parts of stdscr (derwin), not windows of their own: they tile
 * it, and sharing its cells saves a screenful of them (84 kB at 100x30,
 * each cell a cchar_t), which counts on a server hosting 150 participant
 * terminals.  stdscr itself is never drawn on directly. */
static void
layout(struct app *a)
{
	size_t i;

	delete_windows(a);
	getmaxyx(stdscr, a->rows, a->cols);
	a->too_small = a->rows < app_min_rows(a) || a->cols < app_min_cols(a);
	a->dirty |= REQ_FULL;
	if (a->too_small) {
		a->w_small = derwin(stdscr, a->rows > 0 ? a->rows : 1,
		    a->cols > 0 ? a->cols : 1, 0, 0);
		return;
	}
	a->w_status = derwin(stdscr, 1, a->cols, 0, 0);
	a->w_tabs = derwin(stdscr, 1, a->cols, 1, 0);
	a->w_body = derwin(stdscr, a->rows - 3, a->cols, 2, 0);
	a->w_msg = derwin(stdscr, 1, a->cols, a->rows - 1, 0);
	free(a->rowmap);
	a->nrowmap = a->rows - 3;
	a->rowmap = xmalloc((size_t)a->nrowmap * sizeof *a->rowmap);
	for (i = 0; i < (size_t)a->nrowmap; i++)
		a->rowmap[i] = -1;
	/* The cursor is hidden except in the prompt: never spend bytes on
	 * moving it back after a clock digit changed. */
	leaveok(a->w_status, TRUE);
	leaveok(a->w_tabs, TRUE);
	leaveok(a->w_body, TRUE);
	for (i = 0; i < a->cfg->nscreens; i++)
		if (a->cfg->screens[i]->resize != NULL)
			a->cfg->screens[i]->resize(a->data[i], a, a->rows - 3,
			    a->cols);
}

/* --- screens ------------------------------------------------------------- */

void
app_switch_to(struct app *a, size_t i)
{
	if (i >= a->cfg->nscreens || i == a->cur)
		return;
	if (app_current(a)->leave != NULL)
		app_current(a)->leave(a->data[a->cur], a);
	a->cur = i;
	if (app_current(a)->enter != NULL)
		app_current(a)->enter(a->data[a->cur], a);
	a->dirty |= REQ_FULL;
}

void
app_show(struct app *a, const struct screen_ops *ops)
{
	size_t i;

	for (i = 0; i < a->cfg->nscreens; i++)
		if (a->cfg->screens[i] == ops)
			app_switch_to(a, i);
}

/* The state changed (a record of ours or of another terminal): everyone
 * hears of it once, and everything is drawn again. */
/* Damaged journal records are skipped by the replay; the facilitator hears
 * of each new one, by line, so that nothing is lost silently. */
static void
notice_damage(struct app *a)
{
	const struct state *st = a->s->state;

	if (!a->cfg->report_damage || st->nbad <= a->seen_bad)
		return;
	if (st->nbad - a->seen_bad == 1)
		app_message(a, _("journal: a damaged record skipped at line %lu "
		    "(convene export lists it)"), st->bad[a->seen_bad].line);
	else
		app_message(a, _("journal: %zu damaged records skipped, the "
		    "first at line %lu (convene export lists them)"),
		    st->nbad - a->seen_bad, st->bad[a->seen_bad].line);
	a->seen_bad = st->nbad;
}

/* Whether the changes touch the status line: the phase, the clock's
 * timer (the room's, or the session's that it falls back on), who is here,
 * the current item. */
static int
status_affected(const struct app *a, const struct changes *c)
{
	return changes_any(c, CHANGE_ROUNDS | CHANGE_PEOPLE |
	    CHANGE_PRESENCE | CHANGE_AGENDA | CHANGE_OTHER) ||
	    changes_in(c, CHANGE_TIMERS, a->room) ||
	    changes_in(c, CHANGE_TIMERS, -1);
}

/* Only the screens whose data the new records touch hear of them, and
 * only what shows them is drawn again: a record that changes nothing on
 * this terminal costs it no drawing and no byte (issue 21). */
static void
notice_changes(struct app *a)
{
	const struct screen_ops *ops;
	size_t i;

	notice_damage(a);
	if (a->s->state->last_seq == a->seen_seq)
		return;
	a->seen_seq = a->s->state->last_seq;
	app_announce_changes(a);
	if (a->cfg->changed != NULL)
		a->cfg->changed(a);
	for (i = 0; i < a->cfg->nscreens; i++) {
		ops = a->cfg->screens[i];
		if (ops->affected != NULL &&
		    !ops->affected(a->data[i], a, &a->changes))
			continue;
		if (ops->changed != NULL)
			ops->changed(a->data[i], a);
		if (i == a->cur)
			a->dirty |= ops->update != NULL ? REQ_UPDATE :
			    REQ_REDRAW;
	}
	if (status_affected(a, &a->changes))
		a->dirty |= REQ_STATUS;
	changes_clear(&a->changes);
}

static int
act_next(void *self, struct app *a)
{
	(void)self;
	(void)a;
	return REQ_HANDLED | REQ_NEXT;
}

static int
act_prev(void *self, struct app *a)
{
	(void)self;
	(void)a;
	return REQ_HANDLED | REQ_PREV;
}

static int
act_help(void *self, struct app *a)
{
	(void)self;
	(void)a;
	return REQ_HANDLED | REQ_HELP;
}

static int
act_quit(void *self, struct app *a)
{
	(void)self;
	(void)a;
	return REQ_HANDLED | REQ_QUIT;
}

static int
act_redraw(void *self, struct app *a)
{
	(void)self;
	(void)a;
	clearok(curscr, TRUE);
	return REQ_HANDLED | REQ_FULL;
}

static int
act_goto(void *self, struct app *a)
{
	(void)self;
	app_switch_to(a, (size_t)(a->last_key - '1'));
	return REQ_HANDLED;
}

const struct binding app_keys[] = {
	{ '\t', "Tab", N_("next screen"), act_next },
	{ KEYCODE(KEY_BTAB), "Shift-Tab", N_("previous screen"), act_prev },
	{ '1', "1-9", N_("go to screen 1-9"), act_goto },
	{ '2', NULL, NULL, act_goto }, { '3', NULL, NULL, act_goto },
	{ '4', NULL, NULL, act_goto }, { '5', NULL, NULL, act_goto },
	{ '6', NULL, NULL, act_goto }, { '7', NULL, NULL, act_goto },
	{ '8', NULL, NULL, act_goto }, { '9', NULL, NULL, act_goto },
	{ '?', "?", N_("this help (any key closes it)"), act_help },
	{ CTRL('l'), "Ctrl-L", N_("draw the whole screen again"), act_redraw },
	{ 'q', "q", N_("quit"), act_quit },
	{ CTRL('c'), NULL, NULL, act_quit },
	{ 0, NULL, NULL, NULL }
};

/* Runs the binding of `key` in a table, or returns REQ_NONE. */
static int
dispatch(const struct binding *keys, void *self, struct app *a, int key)
{
	const struct binding *b;

	for (b = keys; b != NULL && b->key != 0; b++)
		if (b->key == key)
			return b->act(self, a);
	return REQ_NONE;
}

static void
confirm_quit(void *self, struct app *a, int yes)
{
	(void)self;
	if (yes)
		a->quit = 1;
}

/* Acts on what a key handler asked for. */
static void
act_on(struct app *a, int req)
{
	size_t n = a->cfg->nscreens;

	a->dirty |= req & (REQ_REDRAW | REQ_STATUS | REQ_FULL);
	if (req & REQ_NEXT)
		app_switch_to(a, (a->cur + 1) % n);
	if (req & REQ_PREV)
		app_switch_to(a, (a->cur + n - 1) % n);
	if (req & REQ_HELP) {
		a->mode = MODE_HELP;
		a->help_top = 0;
		a->dirty |= REQ_REDRAW;
	}
	if (req & REQ_QUIT) {
		if (a->cfg->quit != NULL)
			a->cfg->quit(a);
		else if (a->cfg->quit_question != NULL)
			app_confirm(a, _(a->cfg->quit_question), confirm_quit,
			    NULL);
		else
			a->quit = 1;
	}
}

static void
key_help(struct app *a, int key)
{
	switch (key) {
	case 'j':
	case KEYCODE(KEY_DOWN):
		a->help_top++;
		break;
	case 'k':
	case KEYCODE(KEY_UP):
		a->help_top--;
		break;
	case KEYCODE(KEY_NPAGE):
	case ' ':
		a->help_top += app_body_rows(a) - 3;
		break;
	case KEYCODE(KEY_PPAGE):
		a->help_top -= app_body_rows(a) - 3;
		break;
	default:
		a->mode = MODE_NORMAL;
		break;
	}
	a->dirty |= REQ_REDRAW;
}

static void
key_prompt(struct app *a, wint_t wc, int code)
{
	enum prompt_result r = prompt_key(a->prompt, wc, code);
	app_prompt_fn done = a->prompt_done;
	char *text;

	if (r == PROMPT_CONTINUE)
		return;
	text = r == PROMPT_SUBMIT ? xstrdup(prompt_text(a->prompt)) : NULL;
	a->mode = MODE_NORMAL;
	/* Kept until `done` returns: app_prompt_text() still reads it (and
	 * `done` may open the next prompt). */
	a->closing = a->prompt;
	a->prompt = NULL;
	a->dirty |= REQ_FULL;
	done(a->modal_self, a, text);
	prompt_free(a->closing);
	a->closing = NULL;
	free(text);
}

/* The answer to a question: y, or for app_confirm_key the same key again
 * or Enter, says yes.  Any other key says no and does nothing else: a key
 * pressed by habit must not run as a command after a cancel. */
static void
key_confirm(struct app *a, int key)
{
	int k = a->confirm_key;
	int yes = key == 'y' || key == 'Y';

	if (k != 0 && (key == k || key == '\r' || key == KEYCODE(KEY_ENTER)))
		yes = 1;
	a->mode = MODE_NORMAL;
	a->confirm_key = 0;
	free(a->confirm_hint);
	a->confirm_hint = NULL;
	a->dirty |= REQ_FULL;
	if (!yes && k != 0)
		app_message(a, "%s", _("cancelled"));
	a->confirm_done(a->modal_self, a, yes);
}

/* kiosk: the keys that would send a signal on a cooked tty are nothing. */
static int
kiosk_swallows(const struct app *a, int key)
{
	return a->cfg->kiosk && (key == CTRL('c') || key == CTRL('z') ||
	    key == CTRL('\\'));
}

static void
key_normal(struct app *a, int key)
{
	void *self = a->data[a->cur];
	int req;

	a->last_key = key;
	if (kiosk_swallows(a, key))
		return;
	if (a->msg != NULL) {
		free(a->msg);
		a->msg = NULL;
		a->dirty |= REQ_FULL;
	}
	/* A screen may answer with digits (a poll's options, a scale): its
	 * own binding comes first and returns REQ_NONE when it has nothing
	 * to answer; the digit then picks a screen as usual. */
	req = REQ_NONE;
	if (key >= '1' && key <= '9' && !a->too_small)
		req = dispatch(app_current(a)->keys, self, a, key);
	if (req == REQ_NONE)
		req = dispatch(app_keys, NULL, a, key);
	if (req == REQ_NONE && a->too_small)
		return;
	if (req == REQ_NONE)
		req = dispatch(app_current(a)->keys, self, a, key);
	if (req == REQ_NONE && app_current(a)->key != NULL)
		req = app_current(a)->key(self, a, key);
	if (req == REQ_NONE)
		req = dispatch(a->cfg->keys, NULL, a, key);
	if (req == REQ_NONE && key > 0 && key != 27)
		app_message(a, "%s", _("that key does nothing here: ? lists "
		    "the keys"));
	act_on(a, req);
}

void
app_on_key(struct app *a, wint_t wc, int code)
{
	int key = code == KEY_CODE_YES ? KEYCODE(wc) : (int)wc;

	if (code == KEY_CODE_YES && wc == KEY_RESIZE) {
		layout(a);
		clearok(curscr, TRUE);
		return;
	}
	/* Pasted text is text: outside the line editor it must never run
	 * as a string of commands. */
	if (a->mode != MODE_PROMPT && code == KEY_CODE_YES &&
	    (wc == LINEEDIT_KEY_PASTE_BEGIN || wc == LINEEDIT_KEY_PASTE_END)) {
		a->in_paste = wc == LINEEDIT_KEY_PASTE_BEGIN;
		return;
	}
	if (a->in_paste && a->mode != MODE_PROMPT)
		return;
	/* Whatever is open (help, a list to pick from, a question, a line
	 * being typed), a screen garbled by the line is drawn again: the
	 * keys' table lists Ctrl-L, this is where it is taken. */
	if (key == CTRL('l')) {
		a->dirty |= act_redraw(NULL, a) & REQ_FULL;
		return;
	}
	switch (a->mode) {
	case MODE_PROMPT:
		/* A key typed changes the line being edited and nothing else:
		 * only it is drawn (150 people typing at once on one host).  A
		 * prompt that closes asks for everything itself. */
		key_prompt(a, wc, code);
		a->dirty |= a->cfg->body_follows_prompt ? REQ_FULL : REQ_MSG;
		break;
	case MODE_CONFIRM:
		key_confirm(a, key);
		break;
	case MODE_HELP:
		key_help(a, key);
		break;
	case MODE_PICK:
		app_pick_key(a, key);
		break;
	default:
		key_normal(a, key);
		break;
	}
}

/* Reads every key that is waiting, without blocking. */
static void
read_keys(struct app *a)
{
	wint_t wc;
	int code;

	int any = 0;

	while (!a->quit && (code = get_wch(&wc)) != ERR) {
		a->now = journal_now_ms();
		app_mouse_feed(a, wc, code);
		notice_changes(a);
		any = 1;
	}
	if (any) {
		a->keys_pending = 1;
		a->keys_at = app_mono_ms();
	}
}

/* What a burst of keys leaves to do once the screen shows it (a draft
 * saved, a presenter's place written): after the echo, never before. */
static int
after_keys(struct app *a, int now)
{
	if (!a->keys_pending)
		return 0;
	if (!now && app_mono_ms() - a->keys_at < a->cfg->after_keys_quiet_ms)
		return 0;
	a->keys_pending = 0;
	if (a->cfg->after_keys != NULL)
		a->cfg->after_keys(a);
	return 1;
}

/* --- time ---------------------------------------------------------------- */

/* Milliseconds until what the screens show of time changes next: a running
 * timer's second (each timer counts from its own start), else the minute of
 * the time of day. */
static int64_t
next_change_ms(const struct app *a)
{
	const struct state *st = a->s->state;
	int64_t best = 60000 - a->now % 60000, rem, d;
	size_t i;

	for (i = 0; i < st->ntimers; i++) {
		if (st->timers[i].state != TIMER_RUNNING)
			continue;
		rem = timer_remaining_ms(&st->timers[i], a->now);
		d = rem > 0 ? (rem - 1) % 1000 + 1 : 1000 - (-rem) % 1000;
		if (d < best)
			best = d;
	}
	return best + TICK_MARGIN_MS;
}

static void
tick(struct app *a)
{
	int req = REQ_STATUS;

	if (a->cfg->tick != NULL)
		a->cfg->tick(a, a->now);
	app_announce_tick(a);
	if (!a->too_small && app_current(a)->tick != NULL)
		req |= app_current(a)->tick(a->data[a->cur], a, a->now);
	a->dirty |= req & (REQ_REDRAW | REQ_STATUS | REQ_FULL);
}

/* --- the journal --------------------------------------------------------- */

static void
follow(struct app *a)
{
	char *err = NULL;
	int c = journal_changed(a->s->journal, &err);

	if (c == 0)
		return;
	if (c < 0 || session_refresh(a->s, &err) < 0) {
		free(a->journal_error);
		a->journal_error = xasprintf(_("the journal cannot be read: "
		    "%s"), err != NULL ? err : "?");
		free(err);
		a->dirty |= REQ_FULL;
		return;
	}
	notice_changes(a);
}

/* --- set-up and the loop ------------------------------------------------- */

static int
start_terminal(struct app *a, char **err)
{
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return set_error(err, -1, "%s", _("this screen needs a terminal"));
	/* In raw mode the keyboard sends no SIGTSTP (Ctrl-Z is a key); one
	 * from kill(1) is ignored.  Found ignored, curses installs no handler
	 * of its own, so it stops swapping SIGTSTP's action in and out around
	 * every update: two system calls a frame on each of 150 terminals
	 * (issue 21).  reset_signals puts the default back on the way out. */
	signal(SIGTSTP, SIG_IGN);
	scr = newterm(NULL, stdout, stdin);
	if (scr == NULL)
		return set_error(err, -1, _("cannot use the terminal '%s'"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
	set_term(scr);
	/* ncurses 6.4 flushes its output at every cursor move (mvcur) until
	 * it has once come back from endwin: it cannot tell a program that
	 * drew nothing yet from one using mvcur alone.  So a new idea went
	 * to the terminal in 5 write(2)s, one per changed spot (issue 21).
	 * Suspending and resuming once here, before any mode below is set
	 * (the keypad, the cursor, the mouse, bracketed paste) and before
	 * anything is drawn, makes every later update one write. */
	endwin();
	doupdate();
	a->screen = scr;
	watch_resizes();
	curses_up = 1;
	xalloc_fatal_hook = restore_terminal;
	set_escdelay(25);
	/* No look for typeahead during an update: curses would poll the
	 * keyboard every few lines and write the frame in as many pieces,
	 * a dozen system calls for a new idea on each of 150 terminals
	 * (issue 21); our updates are a few lines, never worth stopping. */
	typeahead(-1);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	draw_init();
	/* A terminal that cannot draw lines or colours (TERM=dumb...) gets
	 * the plain screens without being asked. */
	draw_set_plain(a->cfg->plain || draw_cannot_draw());
	lineedit_keys_init();
	lineedit_bracketed_paste(1);
	/* stdscr is never drawn on; refresh it once so that reading keys
	 * from it never repaints it over our windows. */
	if (!a->cfg->no_mouse)
		app_mouse_start(a);
	refresh();
	return 0;
}

static void
stop_terminal(void)
{
	lineedit_bracketed_paste(0);
	app_mouse_stop();
	xalloc_fatal_hook = NULL;
	restore_terminal();
}

/* The clock's second (or minute) turned: the screens hear of it; after
 * a change of what is shown the next turn is reckoned again. */
static void
tick_if_due(struct app *a)
{
	if (app_mono_ms() >= a->tick_at) {
		a->now = journal_now_ms();
		tick(a);
		a->tick_at = app_mono_ms() + next_change_ms(a);
	} else if (a->dirty)
		a->tick_at = app_mono_ms() + next_change_ms(a);
}

/* --- a write on its way to the writer service (serve.h) ------------------ */

/* The answer came: "sending..", if still shown, goes (the command's own
 * message, when it has one, has replaced it already). */
static void
sent_clear(struct app *a)
{
	if (!a->msg_sending || serve_pending(a->s))
		return;
	free(a->msg);
	a->msg = NULL;
	a->msg_sending = 0;
	a->dirty |= REQ_FULL;
}

/* The terminal is gone (its ssh session or emulator closed) and no SIGHUP
 * came, say through a wrapper that caught it: end as a hangup does, rather
 * than spin on a descriptor that is always ready (found with strace
 * between tmux and convene: the orphan took 20% of a core). */
static int
terminal_gone(const struct pollfd *keys)
{
	if (!(keys->revents & (POLLHUP | POLLERR | POLLNVAL)))
		return 0;
	got_signal = SIGHUP;
	return 1;
}

/*
 * serve_wait_fn: one pass of the loop while this terminal's request is
 * out, the service's socket among the descriptors polled.  Keys, mouse,
 * resizes, redraws and the clock go on; the journal is not followed
 * meanwhile (the answer reads the records in, and a record read now could
 * move the state under the command that waits), and after_keys waits for
 * the loop (a draft's save, a presenter's place: a write of their own).
 * A key that writes meanwhile is refused by serve_cmd itself.
 */
static int
serve_waiter(void *ctx, int fd, int64_t waited, int64_t left)
{
	struct app *a = ctx;
	struct pollfd fds[2];
	int64_t wait = left, d;
	int r;

	if (got_signal)
		return -1;
	a->now = journal_now_ms();
	if (waited >= SERVE_SLOW_MS && a->msg == NULL) {
		app_message(a, "%s", _("sending…"));
		a->msg_sending = 1;
	}
	app_draw_pass(a);
	if (waited < SERVE_SLOW_MS && wait > SERVE_SLOW_MS - waited)
		wait = SERVE_SLOW_MS - waited;
	d = a->tick_at - app_mono_ms();
	if (wait > d)
		wait = d > 0 ? d : 0;
	if (app_mouse_wait(a) >= 0 && wait > app_mouse_wait(a))
		wait = app_mouse_wait(a);
	/* after a quit the keys wait for the loop: stdin is not polled */
	fds[0].fd = a->quit ? -1 : STDIN_FILENO;
	fds[0].events = POLLIN;
	fds[1].fd = fd;
	fds[1].events = POLLIN;
	fds[0].revents = fds[1].revents = 0;
	r = poll(fds, 2, (int)wait);
	if ((r < 0 && errno != EINTR) || got_signal ||
	    (r > 0 && terminal_gone(&fds[0])))
		return -1;
	a->now = journal_now_ms();
	read_keys(a);
	if (app_mouse_wait_over(a))
		notice_changes(a);
	tick_if_due(a);
	return r > 0 && (fds[1].revents & (POLLIN | POLLERR | POLLHUP)) ?
	    1 : 0;
}

static void
loop(struct app *a)
{
	int wfd = journal_watch_fd(a->s->journal);
	int64_t wait;
	struct pollfd fds[2];
	int drawn = 0, n;

	while (!a->quit && !got_signal) {
		a->now = journal_now_ms();
		sent_clear(a);
		app_draw_pass(a);
		/* After the first frame, not before: a long replay leaves a
		 * checkpoint for the next terminals (written by a child). */
		if (!drawn++)
			session_checkpoint_background(a->s);
		/* what after_keys changed shows at once */
		if (after_keys(a, 0) && a->dirty)
			continue;
		wait = a->tick_at - app_mono_ms();
		if (wait < 0)
			wait = 0;
		if (wfd < 0 && wait > POLL_FALLBACK_MS)
			wait = POLL_FALLBACK_MS;
		/* after_keys waiting for the keys to pause */
		if (a->keys_pending && wait > a->keys_at +
		    a->cfg->after_keys_quiet_ms - app_mono_ms())
			wait = a->keys_at + a->cfg->after_keys_quiet_ms -
			    app_mono_ms();
		if (wait < 0 || winched)
			wait = 0;	/* a resize between two polls */
		if (app_mouse_wait(a) >= 0 && wait > app_mouse_wait(a))
			wait = app_mouse_wait(a);
		fds[0].fd = STDIN_FILENO;
		fds[0].events = POLLIN;
		fds[1].fd = wfd;
		fds[1].events = POLLIN;
		fds[0].revents = fds[1].revents = 0;
		if ((n = poll(fds, wfd >= 0 ? 2 : 1, (int)wait)) < 0 &&
		    errno != EINTR)
			break;
		if (got_signal)
			break;
		if (n > 0 && terminal_gone(&fds[0]))
			break;
		a->now = journal_now_ms();
		/* After EINTR too: a resize arrives as a signal, and curses
		 * turns it into KEY_RESIZE on the next read. */
		if (n <= 0 || fds[0].revents != 0 || winched ||
		    curses_winch == NULL) {
			winched = 0;
			read_keys(a);
		}
		if (app_mouse_wait_over(a)) {
			notice_changes(a);
			if (a->cfg->after_keys != NULL)
				a->cfg->after_keys(a);
		}
		if (wfd < 0 || (fds[1].revents & (POLLIN | POLLERR | POLLHUP)))
			follow(a);
		tick_if_due(a);
	}
	after_keys(a, 1);	/* the last burst, on the way out */
}

int
app_run(struct session *s, const struct app_config *cfg)
{
	struct app a;
	char *err = NULL;
	size_t i;

	memset(&a, 0, sizeof a);
	a.cursor_y = a.cursor_x = -1;
	a.s = s;
	a.cfg = cfg;
	a.room = cfg->room != NULL ? state_room(s->state, cfg->room) : -1;
	a.now = journal_now_ms();
	a.seen_seq = s->state->last_seq;
	a.seen_ideas = s->state->nideas;
	if (start_terminal(&a, &err) != 0)
		return cli_fail_free(EXIT_DATA, err);
	install_signals(cfg->kiosk);
	changes_start(&a.changes, s->state);
	s->state->applied = changes_note_cb;
	s->state->applied_ctx = &a.changes;
	a.data = xcalloc(cfg->nscreens, sizeof *a.data);
	for (i = 0; i < cfg->nscreens; i++)
		if (cfg->screens[i]->init != NULL)
			a.data[i] = cfg->screens[i]->init(&a);
	layout(&a);
	notice_damage(&a);
	if (app_current(&a)->enter != NULL)
		app_current(&a)->enter(a.data[0], &a);
	a.tick_at = app_mono_ms() + next_change_ms(&a);
	serve_set_waiter(s, serve_waiter, &a);
	loop(&a);
	serve_set_waiter(s, NULL, NULL);
	/* a.changes lives no longer than this call */
	s->state->applied = NULL;
	s->state->applied_ctx = NULL;
	stop_terminal();
	reset_signals(cfg->kiosk);
	for (i = 0; i < cfg->nscreens; i++)
		if (cfg->screens[i]->fini != NULL)
			cfg->screens[i]->fini(a.data[i]);
	delete_windows(&a);
	delscreen(a.screen);
	draw_shutdown();
	free(a.data);
	free(a.rowmap);
	free(a.msg);
	free(a.journal_error);
	free(a.question);
	free(a.confirm_hint);
	prompt_free(a.prompt);
	app_pick_clear(&a);
	return got_signal != 0 ? 128 + got_signal : EXIT_DONE;
}
