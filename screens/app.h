/*
 * app.h -- the loop that runs a set of screens on the terminal.
 *
 * app_run() owns the terminal from set-up to tear-down: it shows the
 * screens of a role (the facilitator console; later the participant and
 * projector terminals) one at a time with a status line above and a
 * message line below, moves between them with Tab and Shift-Tab, overlays
 * the keys with `?`, asks before `q` quits, and says "terminal too small"
 * below 40x10.  One poll() waits for a key, for the journal to grow (the
 * follower then calls session_refresh and every screen's `changed`), or for
 * the next clock second; in between the process sleeps.
 *
 * The layout, top to bottom: the status line (session, agenda item, phase,
 * clock, people joined), the screens' tabs, the body (the current screen's
 * window), the message line (the last message or error, else a hint).
 *
 * Every path out restores the terminal: a normal quit, SIGTERM, SIGHUP,
 * SIGINT, out of memory (xalloc_fatal_hook) and a crash signal.
 */
#ifndef CONVENE_APP_H
#define CONVENE_APP_H

#include <stddef.h>
#include <stdint.h>

#include "screen.h"
#include "util.h"

struct cli_term;
struct session;

struct app_config {
	const struct screen_ops *const *screens;
	size_t nscreens;
	/* The role's own keys, on every screen after the screen's (act gets
	 * self == NULL); NULL for none. */
	const struct binding *keys;
	void *role;		/* the role's data, for app_role() */
	const char *room;	/* a room's id: the status line shows that
				   room's timer; NULL for the session */
	const char *quit_question;	/* N_(); NULL: q quits at once */
	/* Say so in the message line when the journal has damaged records
	 * (at start and whenever a new one is read): the facilitator's. */
	int report_damage;
	/* Every clock second, whatever screen is shown (the bell at zero). */
	void (*tick)(struct app *a, int64_t now_ms);
	/* After the state changed, before the screens hear of it. */
	void (*changed)(struct app *a);

	/* A shared terminal (convene join --kiosk): SIGINT, SIGQUIT and
	 * SIGTSTP are ignored, and the keys Ctrl-C, Ctrl-Z and Ctrl-\ do
	 * nothing at all (raw(): the tty sends no signals for them). */
	int kiosk;
	/* When not NULL, q (REQ_QUIT) calls this instead of asking
	 * quit_question; it ends the loop with app_quit(), at once or after
	 * a question of its own (the kiosk's passphrase). */
	void (*quit)(struct app *a);
	/* The message line's hint when there is no message (N_()); NULL:
	 * the console's. */
	const char *hint;
	/* After each burst of keys has been handled (a participant's draft
	 * is saved here: once per burst, not per key). */
	void (*after_keys)(struct app *a);
	/* Below this size the body says "terminal too small" (0: 40x10, the
	 * console's; a phone's SSH client may be narrower). */
	int min_rows, min_cols;
	/* The status line's clock shows the session timer when the room's
	 * is idle (a participant follows whichever runs). */
	int clock_falls_back;
	/* The status line's clock is drawn without bold: a second then costs
	 * about 20 bytes instead of 35 (a participant's slow SSH link). */
	int thin_clock;
	/* The zone of the person at the terminal when it is not the
	 * module's (a participant of a workshop held online), else NULL:
	 * the status line's time of day then shows theirs beside the
	 * workshop's.  NULL function: the module's. */
	const char *(*zone)(const struct app *a);
	/* --no-mouse: no mouse reports are asked for.  --plain (or a
	 * terminal that cannot draw lines or colours): see app_plain. */
	int no_mouse, plain;
};

/* Copies the command line's terminal flags (may be NULL: none) into cfg. */
void app_config_term(struct app_config *cfg, const struct cli_term *term);

/* Runs until q (confirmed) or a signal; returns an exit status (0, or 3 when
 * the terminal could not be set up or the journal went away). */
int app_run(struct session *s, const struct app_config *cfg);

/* What the screens use. */
struct session *app_session(const struct app *a);
void *app_role(const struct app *a);
/* The room of the app (config's room) as an index, -1 for the session. */
int app_room(const struct app *a);
/* Wall-clock UTC ms, read once per pass so that a whole frame agrees. */
int64_t app_now(const struct app *a);
/* Size of the body window. */
int app_body_rows(const struct app *a);
int app_body_cols(const struct app *a);

/* Called from a screen's draw: after this frame the terminal cursor sits
 * at row y, column x of the body (the highlighted row), where screen
 * readers and braille displays follow it.  It stays there while only the
 * status line changes (a few bytes a second to move it back); a screen
 * that does not call it leaves the cursor wherever curses left it. */
void app_cursor(struct app *a, int y, int x);

/* Called from a list screen's draw for every body row y that shows the
 * list's row `row` (a row wrapped over several lines: each of them): a
 * click there is handed to the screen's `click` with `row`.  `selected`:
 * the highlighted row, where the terminal cursor goes (app_cursor, at the
 * first such line, column 0). */
void app_row(struct app *a, int y, size_t row, int selected);

/* Marks parts for drawing: REQ_REDRAW (body), REQ_STATUS, REQ_FULL. */
void app_dirty(struct app *a, int req);

/* Shows a message in the message line until the next key. */
void app_message(struct app *a, const char *fmt, ...) PRINTFLIKE(2, 3);
/* Shows an error (takes ownership of msg; NULL shows nothing). */
void app_error(struct app *a, char *msg);
/* Reports a command's result: on 0 shows `done` (may be NULL), otherwise
 * the error (taking ownership of err).  Returns the requests to redraw. */
int app_report(struct app *a, int status, char *err, const char *done);

/*
 * Asks for a line of text in the message line with the line editor.
 * `done` runs once: with the text on Enter, with NULL on Esc.  `initial`
 * (may be NULL) is the text to start from.  While the prompt is open every
 * key goes to it.  The strings are copied.
 */
typedef void (*app_prompt_fn)(void *self, struct app *a, const char *text);
void app_prompt(struct app *a, const char *question, const char *initial,
    app_prompt_fn done, void *self);

/* Asks a yes/no question in the message line; `done` runs with 1 for y. */
typedef void (*app_confirm_fn)(void *self, struct app *a, int yes);
void app_confirm(struct app *a, const char *question, app_confirm_fn done,
    void *self);

/*
 * Asks before an action that ends something running or is hard to undo
 * (the agenda's next item, closing a vote...): `key` pressed again, Enter or
 * y answer yes; any other key answers no, is not acted on, and the message
 * line says "cancelled".  The message line shows `question` followed by
 * which keys say yes ("n/Enter: yes"), so the question names what will
 * happen.  `key` is the key that asked (a character).
 */
void app_confirm_key(struct app *a, const char *question, int key,
    app_confirm_fn done, void *self);

/*
 * Offers a choice among n lines (copied) over the body, highlighting line
 * `sel`: the arrows, j k, g G move; Enter, Space, a click or the line's
 * digit (1-9) picks; Esc or q cancels.  `done` runs once with the line
 * picked, or -1.  While it is open every key goes to it.
 */
typedef void (*app_pick_fn)(void *self, struct app *a, int picked);
void app_pick(struct app *a, const char *title, const char *const *items,
    size_t n, size_t sel, app_pick_fn done, void *self);

/* As app_prompt, but what is typed is shown as one '*' a character (a
 * passphrase, a PIN). */
void app_prompt_secret(struct app *a, const char *question,
    app_prompt_fn done, void *self);
/* The text in the open prompt, or NULL when none is open.  Inside a prompt's
 * `done` it is still the text that was there, on Esc too (so that a
 * cancelled idea can be kept as a draft).  Borrowed until the next key. */
const char *app_prompt_text(const struct app *a);

/* The room followed (the status line's clock) is now `room`, an index, -1
 * for the session: a participant moved to another room. */
void app_set_room(struct app *a, int room);

/* Ends the loop after this pass (app_run returns 0). */
void app_quit(struct app *a);

/* Makes screen `ops` current (by its table), as Tab would. */
void app_show(struct app *a, const struct screen_ops *ops);

#endif
