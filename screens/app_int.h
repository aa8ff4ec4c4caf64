/*
 * app_int.h -- what the loop's two files share (app.c: the terminal, keys
 * and the journal; app_draw.c: the status line, tabs, overlays); not for
 * the screens, which see app.h only.
 */
#ifndef CONVENE_APP_INT_H
#define CONVENE_APP_INT_H

#include <stdint.h>

#include "app.h"
#include "prompt.h"

#define MIN_ROWS 10
#define MIN_COLS 40
#define POLL_FALLBACK_MS 100	/* journal.h: no inotify, poll the size */
#define TICK_MARGIN_MS 5	/* wake just after the second turns */

enum mode { MODE_NORMAL, MODE_HELP, MODE_PROMPT, MODE_CONFIRM };

struct app {
	struct session *s;
	const struct app_config *cfg;
	/* Keys were read since after_keys last ran: it runs once the screen
	 * shows them (keys before disk: a draft's save never delays the echo
	 * of what was typed). */
	int keys_pending;
	void **data;		/* per screen, from init */
	size_t cur;		/* the screen shown */
	int room;		/* cfg->room as an index, -1 */

	WINDOW *w_status, *w_tabs, *w_body, *w_msg, *w_small;
	int rows, cols, too_small;
	int dirty;		/* REQ_REDRAW | REQ_STATUS | REQ_FULL */
	int64_t now;		/* wall clock of this pass */
	int cursor_y, cursor_x;	/* app_cursor's place in the body; -1 none */
	uint64_t seen_seq;	/* the state's last_seq when screens last heard */
	size_t seen_bad;	/* damaged records already reported */
	int last_key;
	int in_paste;		/* a paste outside the line editor: ignored */

	char *msg;		/* the message line, until the next key */
	int msg_error;
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

	SCREEN *screen;
	int quit;
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

#endif
