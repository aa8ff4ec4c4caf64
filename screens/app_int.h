/*
 * app_int.h -- what the loop's two files share (app.c: the terminal, keys
 * and the journal; app_draw.c: the status line, tabs, overlays); not for
 * the screens, which see app.h only.
 */
#ifndef CONVENE_APP_INT_H
#define CONVENE_APP_INT_H

#include <stdint.h>

#include "app.h"
#include "changes.h"
#include "prompt.h"
#include "termseq.h"

#define MIN_ROWS 10
#define MIN_COLS 40
#define POLL_FALLBACK_MS 100	/* journal.h: no inotify, poll the size */
#define TICK_MARGIN_MS 5	/* wake just after the second turns */

enum mode { MODE_NORMAL, MODE_HELP, MODE_PROMPT, MODE_CONFIRM, MODE_PICK };

struct app {
	struct session *s;
	const struct app_config *cfg;
	/* Keys were read since after_keys last ran: it runs once the screen
	 * shows them (keys before disk: a draft's save never delays the echo
	 * of what was typed). */
	int keys_pending;
	int64_t keys_at;	/* the monotonic ms of the last key read */
	void **data;		/* per screen, from init */
	size_t cur;		/* the screen shown */
	int room;		/* cfg->room as an index, -1 */

	WINDOW *w_status, *w_tabs, *w_body, *w_msg, *w_small;
	int rows, cols, too_small;
	int dirty;		/* REQ_REDRAW | REQ_STATUS | REQ_FULL */
	int64_t now;		/* wall clock of this pass */
	int cursor_y, cursor_x;	/* app_cursor's place in the body; -1 none */
	uint64_t seen_seq;	/* the state's last_seq when screens last heard */
	/* What the records applied since then changed (the state's
	 * `applied` hook notes it): who must hear of it and redraw. */
	struct changes changes;
	size_t seen_bad;	/* damaged records already reported */
	int last_key;
	int in_paste;		/* a paste outside the line editor: ignored */

	char *msg;		/* the message line, until the next key */
	int msg_error;
	int msg_sending;	/* it is the waiter's "sending..." */
	int64_t tick_at;	/* the monotonic ms of the next clock change */
	char *journal_error;	/* the journal went away: stays on screen */

	enum mode mode;
	int help_top;		/* first row of the help overlay shown */
	struct prompt *prompt;
	struct prompt *closing;	/* the prompt whose `done` is running */
	int prompt_secret;	/* the prompt shows '*' for each character */
	char *question;
	app_prompt_fn prompt_done;
	app_confirm_fn confirm_done;
	int confirm_key;	/* app_confirm_key's key, 0: y answers yes */
	char *confirm_hint;	/* its "n/Enter: yes", kept in sight */
	void *modal_self;
	/* app_pick's choice (app_pick.c) */
	char *pick_title;
	char **pick_items;
	size_t npick, pick_sel, pick_top;
	app_pick_fn pick_done;

	SCREEN *screen;
	int quit;

	/* The mouse (app_mouse.c): reports assembled from the keys read. */
	int mouse;		/* reports asked for */
	struct termseq seq;
	int64_t click_ms;	/* the last left press, for a double-click */
	int click_x, click_y;
	/* Body row -> the list's row shown there (app_row), -1: none;
	 * rebuilt by every draw of the body. */
	int *rowmap;
	int nrowmap;

	/* Plain mode's announcements (app_announce.c). */
	size_t seen_ideas;	/* ideas already said */
	int said_milestone;	/* the timer's last milestone said */
};

/* The loop's own keys (Tab, ?, q...), shown last in the help overlay. */
extern const struct binding app_keys[];

/* The smallest terminal the role works in (config, else MIN_*). */
int app_min_rows(const struct app *a);
int app_min_cols(const struct app *a);

/* The screen shown. */
const struct screen_ops *app_current(const struct app *a);

/* Draws what is dirty and sends it to the terminal with one doupdate(). */
void app_draw_pass(struct app *a);

/* Plain mode says new ideas and the timer's milestones in the message
 * line: after the state changed / every clock second (app_announce.c). */
void app_announce_changes(struct app *a);
void app_announce_tick(struct app *a);

/* A key as read by get_wch, through the modes and the dispatch (app.c). */
void app_on_key(struct app *a, wint_t wc, int code);
/* Makes screen i current (app.c). */
void app_switch_to(struct app *a, size_t i);
/* The screen whose tab is at column x of the tab line, or -1 (app_draw.c). */
int app_tab_at(const struct app *a, int x);

/* app_pick's choice (app_pick.c): a key while it is open, a click on
 * body row y, its box over the body, and freeing it. */
void app_pick_key(struct app *a, int key);
void app_pick_click(struct app *a, int y);
void app_pick_draw(struct app *a);
void app_pick_clear(struct app *a);

/* Milliseconds of the monotonic clock (app.c). */
int64_t app_mono_ms(void);
/* The mouse's escape sequences on / off (app_mouse.c). */
void app_mouse_start(struct app *a);
void app_mouse_stop(void);
/* Every key read goes through here: keys to app_on_key, mouse reports
 * assembled and acted on (app_mouse.c). */
void app_mouse_feed(struct app *a, wint_t wc, int code);
/* The poll's timeout is at most this (ms; -1: no limit), and after it
 * app_mouse_wait_over acts on a lone Esc that nothing followed. */
int64_t app_mouse_wait(const struct app *a);
int app_mouse_wait_over(struct app *a);	/* 1: it acted */
/* The message line's hint (translated) when it shows one, else NULL
 * (app_draw.c). */
const char *app_hint_shown(const struct app *a);

#endif
