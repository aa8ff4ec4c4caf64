/* app_mouse.c -- the mouse: reports asked for and read, then acted on as
 * the keys they stand for.
 *
 * We ask for SGR (1006) reports ourselves rather than through mousemask:
 * ncurses 6.4 picks the format from terminfo, and for TERM=screen and
 * tmux-256color (kmous=\E[M, no XM) that is X10, whose coordinates stop at
 * 223 and whose raw bytes above 127 get_wch would read as broken UTF-8;
 * nor can it put together a report a slow link split (termseq.h).  So
 * ncurses' own KEY_MOUSE is switched off (keyok) and every report goes
 * through termseq, whole or split alike.
 *
 * A click becomes what the keyboard would do, through the same dispatch:
 * a row is highlighted as the arrows would (the screen's `click`), a
 * double-click is Enter, the wheel is Up and Down, a tab is that screen,
 * a key in the hint line is that key.  So a kiosk's mouse can do exactly
 * what its keys can, and nothing more.
 */
#include "app_int.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"
#include "lineedit.h"
#include "text.h"
#include "util.h"

#define MOUSE_ON "\033[?1000;1006h"	/* presses and the wheel, SGR */
#define MOUSE_OFF "\033[?1000;1006l"
#define DOUBLE_MS 400		/* two presses on one cell: a double-click */
#define WHEEL_ROWS 3		/* rows a turn of the wheel moves */

static volatile sig_atomic_t mouse_up;

void
app_mouse_start(struct app *a)
{
	a->mouse = 1;
	termseq_init(&a->seq);
	keyok(KEY_MOUSE, FALSE);
	putp(MOUSE_ON);		/* putp writes to stdio's stdout */
	fflush(stdout);
	mouse_up = 1;
}

/* Also on the way out of a crash or a signal (restore_terminal): a shell
 * left with mouse reports on would get them as typed text. */
void
app_mouse_stop(void)
{
	if (!mouse_up)
		return;
	mouse_up = 0;
	putp(MOUSE_OFF);
	fflush(stdout);
}

/* --- where a click lands ------------------------------------------------- */

/* The key an item of the hint line names ("q quit" -> q, "Tab next
 * screen" -> Tab), or 0. */
static int
hint_key(const char *item, size_t len)
{
	size_t n = strcspn(item, " ");

	if (n > len)
		n = len;
	if (n == 1 && (unsigned char)item[0] > ' ' &&
	    (unsigned char)item[0] < 0x7f)
		return item[0];
	if (n == 3 && strncmp(item, "Tab", 3) == 0)
		return '\t';
	if (n == 5 && strncmp(item, "Enter", 5) == 0)
		return '\r';
	return 0;
}

/* The key of the hint item at column x: items are set apart by two
 * spaces or more, each starting with its key's name. */
static int
hint_key_at(const char *hint, int x)
{
	const char *p = hint, *end;
	char *head;
	int left, right;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		end = strstr(p, "  ");
		if (end == NULL)
			end = p + strlen(p);
		head = xstrndup(hint, (size_t)(p - hint));
		left = text_width(head);
		free(head);
		head = xstrndup(hint, (size_t)(end - hint));
		right = text_width(head);
		free(head);
		if (x >= left && x < right)
			return hint_key(p, (size_t)(end - p));
		p = end;
	}
	return 0;
}

static void
press_key(struct app *a, int key)
{
	app_on_key(a, (wint_t)key, OK);
}

static void
click_body(struct app *a, int y, int dbl)
{
	const struct screen_ops *ops = app_current(a);
	int req;

	if (y < 0 || y >= a->nrowmap || a->rowmap[y] < 0 || ops->click == NULL)
		return;
	req = ops->click(a->data[a->cur], a, (size_t)a->rowmap[y]);
	app_dirty(a, req);
	if (dbl && (req & REQ_HANDLED))
		press_key(a, '\r');
}

static void
left_press(struct app *a, int x, int y)
{
	int64_t now = app_mono_ms();
	int dbl = now - a->click_ms <= DOUBLE_MS && x == a->click_x &&
	    y == a->click_y;
	const char *hint;
	int i, key;

	a->click_ms = dbl ? 0 : now;
	a->click_x = x;
	a->click_y = y;
	if (a->mode == MODE_HELP) {
		press_key(a, 27);	/* any key closes it */
		return;
	}
	if (a->mode == MODE_PICK) {
		if (y >= 2)
			app_pick_click(a, y - 2);
		return;
	}
	/* The hint line is what is clicked: only when it was in sight. */
	hint = y == a->rows - 1 ? app_hint_shown(a) : NULL;
	if (a->msg != NULL) {	/* a message lasts until the next key */
		free(a->msg);
		a->msg = NULL;
		a->dirty |= REQ_FULL;
	}
	if (y == 1) {
		if ((i = app_tab_at(a, x)) >= 0)
			app_switch_to(a, (size_t)i);
	} else if (y == a->rows - 1) {
		if (hint != NULL && (key = hint_key_at(hint, x)) != 0)
			press_key(a, key);
	} else if (y >= 2)
		click_body(a, y - 2, dbl);
}

static void
on_mouse(struct app *a, const struct termseq_mouse *ev)
{
	int i;

	/* While a line is typed or a question asked, a click could only
	 * cancel it by accident. */
	if (a->too_small || a->mode == MODE_PROMPT || a->mode == MODE_CONFIRM ||
	    !ev->press || ev->motion)
		return;
	if (ev->button == TERMSEQ_LEFT)
		left_press(a, ev->x, ev->y);
	else if (ev->button == TERMSEQ_WHEEL_UP ||
	    ev->button == TERMSEQ_WHEEL_DOWN)
		for (i = 0; i < WHEEL_ROWS; i++)
			app_on_key(a, ev->button == TERMSEQ_WHEEL_UP ? KEY_UP :
			    KEY_DOWN, KEY_CODE_YES);
}

/* --- reading ------------------------------------------------------------- */

static const wint_t seq_keys[] = {
	[TERMSEQ_KEY_UP] = KEY_UP, [TERMSEQ_KEY_DOWN] = KEY_DOWN,
	[TERMSEQ_KEY_RIGHT] = KEY_RIGHT, [TERMSEQ_KEY_LEFT] = KEY_LEFT,
};

void
app_mouse_feed(struct app *a, wint_t wc, int code)
{
	struct termseq_mouse ev;
	int fn = code == KEY_CODE_YES, key = 0;

	if (!a->mouse) {
		app_on_key(a, wc, code);
		return;
	}
	switch (termseq_feed(&a->seq, (int)wc, fn, app_mono_ms(), &ev, &key)) {
	case TERMSEQ_PASS:
		app_on_key(a, wc, code);
		break;
	case TERMSEQ_ESC_PASS:
		press_key(a, 27);
		app_mouse_feed(a, wc, code);
		break;
	case TERMSEQ_MOUSE:
		on_mouse(a, &ev);
		break;
	case TERMSEQ_KEY:
		if (key == TERMSEQ_KEY_PASTE_BEGIN)
			app_on_key(a, LINEEDIT_KEY_PASTE_BEGIN, KEY_CODE_YES);
		else if (key == TERMSEQ_KEY_PASTE_END)
			app_on_key(a, LINEEDIT_KEY_PASTE_END, KEY_CODE_YES);
		else
			app_on_key(a, seq_keys[key], KEY_CODE_YES);
		break;
	case TERMSEQ_HOLD:
		break;
	}
}

int64_t
app_mouse_wait(const struct app *a)
{
	int64_t d;

	if (!a->mouse || (d = termseq_deadline(&a->seq)) < 0)
		return -1;
	d -= app_mono_ms();
	return d > 0 ? d : 0;
}

int
app_mouse_wait_over(struct app *a)
{
	if (!a->mouse || !termseq_timeout(&a->seq, app_mono_ms()))
		return 0;
	a->now = journal_now_ms();
	press_key(a, 27);
	return 1;
}
