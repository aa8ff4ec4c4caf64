/*
 * screen.h -- what every screen provides: one table of callbacks.
 *
 * A screen is one file under screens/ that exports a `const struct
 * screen_ops` (as tmux's window modes do).  The loop (app.c) owns the
 * terminal; a screen only draws into the window it is given and answers
 * keys with requests, bits that say what should happen next.  It never
 * redraws, switches or exits on its own, and it never writes the journal:
 * it calls a command (commands.h), and what the command changed comes back
 * through the journal and the state, then `changed` and a redraw.
 *
 * Keys are data: each screen lists its keys in a table of bindings (`keys`)
 * that the loop dispatches and that the `?` overlay prints, so the help is
 * always exactly what the keys do.
 */
#ifndef CONVENE_SCREEN_H
#define CONVENE_SCREEN_H

#include <stdint.h>

#include "tui.h"

struct app;
struct changes;

/* Requests, a bit set returned by key handlers and ticks. */
enum {
	REQ_NONE = 0,
	REQ_HANDLED = 1 << 0,	/* the key meant something here */
	REQ_REDRAW = 1 << 1,	/* the screen's body must be drawn again */
	REQ_STATUS = 1 << 2,	/* the status line must be drawn again */
	REQ_QUIT = 1 << 3,	/* leave (after the confirmation, if any) */
	REQ_NEXT = 1 << 4,	/* the next screen (Tab) */
	REQ_PREV = 1 << 5,	/* the previous screen (Shift-Tab) */
	REQ_HELP = 1 << 6,	/* the ? overlay */
	REQ_FULL = 1 << 7,	/* everything, tabs and message line too */
	/* The journal changed what the body shows: the screen's `update`
	 * brings it up to date in place, else it is drawn again (the loop
	 * sets it, after `affected`). */
	REQ_UPDATE = 1 << 8,
	/* Only the message line (a key typed into the line editor). */
	REQ_MSG = 1 << 9
};

/* Keys as one int: a character as itself, a curses function key
 * (KEY_UP, KEY_RESIZE...) as its negation, so the two never collide. */
#define KEYCODE(k) (-(int)(k))
#define CTRL(c) ((c) & 0x1f)

/*
 * One key binding.  `act` gets the screen's own data (NULL for the loop's
 * and the role's bindings, which reach their data through the app) and
 * returns requests.  `label` is how the key is shown in the overlay ("t",
 * "e E", "j k Up Down"); an entry with a NULL label is an alias of the one
 * before it and not shown.  `help` is N_()-marked and translated when shown.
 * A table ends with an entry whose key is 0.
 */
struct binding {
	int key;
	const char *label;
	const char *help;
	int (*act)(void *self, struct app *a);
};

/*
 * The movement keys' entries of a key table, the same on every screen:
 * j k Down Up (pfx_down, pfx_up); PgDn PgUp (pfx_pgdn, pfx_pgup); g G Home
 * End (pfx_home, pfx_end; g and G as in less and vim).  pfx names the
 * screen's actions (key: key_down...); help is N_()-marked at the call
 * site, where xgettext finds it.
 */
#define SCREEN_MOVE_KEYS(help, pfx)					\
	{ 'j', "j k Down Up", help, pfx##_down },			\
	{ KEYCODE(KEY_DOWN), NULL, NULL, pfx##_down },			\
	{ 'k', NULL, NULL, pfx##_up },					\
	{ KEYCODE(KEY_UP), NULL, NULL, pfx##_up }
#define SCREEN_PAGE_KEYS(help, pfx)					\
	{ KEYCODE(KEY_NPAGE), "PgDn PgUp", help, pfx##_pgdn },		\
	{ KEYCODE(KEY_PPAGE), NULL, NULL, pfx##_pgup }
#define SCREEN_END_KEYS(help, pfx)					\
	{ 'g', "g G Home End", help, pfx##_home },			\
	{ 'G', NULL, NULL, pfx##_end },					\
	{ KEYCODE(KEY_HOME), NULL, NULL, pfx##_home },			\
	{ KEYCODE(KEY_END), NULL, NULL, pfx##_end }

/*
 * Defines the key action `name`, which returns fn(self, a, arg).  An act
 * takes no argument of its own, so keys that differ by one value (the
 * option a digit chooses, a direction) share fn and are one line each:
 * SCREEN_KEY(key_up, move_by, -1).  fn takes the screen's data (its own
 * struct pointer), the app and arg.  No semicolon after it.
 */
#define SCREEN_KEY(name, fn, arg)					\
	static int							\
	name(void *self, struct app *a)					\
	{								\
		return fn(self, a, arg);				\
	}

struct screen_ops {
	const char *name;		/* N_(): the tab's title */
	const struct binding *keys;	/* this screen's keys, may be NULL */

	/* Creates / frees the screen's private data (init may be NULL: the
	 * data is NULL then).  init runs once, before any other call. */
	void *(*init)(struct app *a);
	void (*fini)(void *self);

	/* The screen is shown / hidden (Tab). */
	void (*enter)(void *self, struct app *a);
	void (*leave)(void *self, struct app *a);
	/* The body is now rows x cols (also before the first draw). */
	void (*resize)(void *self, struct app *a, int rows, int cols);
	/* Draws the whole body into w, which the loop has erased. */
	void (*draw)(void *self, struct app *a, WINDOW *w);
	/* A key that is in no table; returns requests (REQ_NONE: unknown). */
	int (*key)(void *self, struct app *a, int key);
	/* The clock moved on to a new second while the screen is shown;
	 * returns REQ_REDRAW only when the body shows time. */
	int (*tick)(void *self, struct app *a, int64_t now_ms);
	/* The state changed: the journal grew (any terminal's action). */
	void (*changed)(void *self, struct app *a);
	/* Whether what the new records changed (changes.h) touches what the
	 * screen shows: when it returns 0, `changed` is not called and the
	 * body is not drawn again (no bytes to the terminal).  NULL: every
	 * change touches it. */
	int (*affected)(void *self, struct app *a, const struct changes *c);
	/* Brings the body, as this screen's last draw or update left it in
	 * w, up to date after a change to the state: draws only what
	 * changed (cell-level updates for a slow link, and little CPU on a
	 * host of many terminals), naming every list row again with
	 * app_row.  Returns 0 when it did; -1 when it cannot (then the loop
	 * erases w and calls draw).  NULL: draw is called. */
	int (*update)(void *self, struct app *a, WINDOW *w);
	/* The mouse clicked the list's row `row` (as the draw named it with
	 * app_row): highlight it, as the arrow keys would; returns requests.
	 * A double-click then acts as Enter.  NULL: rows are not clickable. */
	int (*click)(void *self, struct app *a, size_t row);
};

#endif
