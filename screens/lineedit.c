/* lineedit.c -- the line editor widget: draws an editbuf, maps keys. */
#include "lineedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

#define CTRL(c) ((c) & 0x1F)
#define KEY_ESC 0x1B
#define KEY_DEL 0x7F

struct lineedit {
	struct editbuf *eb;
	WINDOW *win;
	int y, x, rows, cols;
	int pasting;		/* between the bracketed-paste markers */
	char *message;		/* why the last key was refused */
};

struct lineedit *
lineedit_new(size_t max_chars, int multiline)
{
	struct lineedit *le = xcalloc(1, sizeof *le);

	le->eb = editbuf_new(max_chars, multiline);
	le->rows = le->cols = 1;
	return le;
}

void
lineedit_free(struct lineedit *le)
{
	if (le == NULL)
		return;
	editbuf_free(le->eb);
	free(le->message);
	free(le);
}

struct editbuf *
lineedit_buf(struct lineedit *le)
{
	return le->eb;
}

void
lineedit_place(struct lineedit *le, WINDOW *win, int y, int x, int rows,
    int cols)
{
	le->win = win;
	le->y = y;
	le->x = x;
	le->rows = rows < 1 ? 1 : rows;
	le->cols = cols < 1 ? 1 : cols;
}

const char *
lineedit_message(const struct lineedit *le)
{
	return le->message;
}

/* ---- drawing ---- */

int
lineedit_put_text(WINDOW *win, int y, int x, const char *s, size_t len,
    int cols)
{
	char *raw, *shown;
	wchar_t *wide;
	size_t n;
	int width, i;

	if (cols <= 0)
		return 0;
	raw = xstrndup(s, len);
	shown = text_cut(raw, cols, NULL);
	width = text_width(shown);
	n = strlen(shown);
	wide = xcalloc(n + 1, sizeof *wide);
	wmove(win, y, x);
	/* The display form is valid UTF-8; a locale that is not UTF-8
	 * cannot show it, and then the field stays blank. */
	n = mbstowcs(wide, shown, n + 1);
	if (n == (size_t)-1)
		width = 0;
	else if (n > 0)
		waddnwstr(win, wide, (int)n);
	for (i = width; i < cols; i++)
		waddch(win, ' ');
	free(wide);
	free(shown);
	free(raw);
	return width;
}

/* The width at which a box wraps: one column is kept for the cursor at
 * the end of a full row. */
static int
wrap_width(const struct lineedit *le)
{
	if (le->rows <= 1)
		return 0;
	return le->cols > 1 ? le->cols - 1 : 1;
}

static void
draw_one_line(struct lineedit *le, int *cy, int *cx)
{
	const char *t = editbuf_text(le->eb);
	size_t cursor = editbuf_cursor(le->eb);
	size_t from = editbuf_hscroll(le->eb, le->cols), to = from;
	int col;

	while (t[to] != '\0' && t[to] != '\n')
		to++;
	lineedit_put_text(le->win, le->y, le->x, t + from, to - from,
	    le->cols);
	col = text_width_n(t + from, cursor - from);
	*cy = le->y;
	*cx = le->x + (col < le->cols ? col : le->cols - 1);
}

static void
draw_box(struct lineedit *le, int *cy, int *cx)
{
	const char *t = editbuf_text(le->eb);
	int ww = wrap_width(le), top, r, row, col;
	const struct text_lines *lines;
	size_t i;

	top = editbuf_vscroll(le->eb, ww, le->rows);
	lines = editbuf_layout(le->eb, ww);
	for (r = 0; r < le->rows; r++) {
		i = (size_t)(top + r);
		if (i < lines->n)
			lineedit_put_text(le->win, le->y + r, le->x,
			    t + lines->v[i].offset, lines->v[i].len, le->cols);
		else
			lineedit_put_text(le->win, le->y + r, le->x, "", 0,
			    le->cols);
	}
	editbuf_locate(le->eb, ww, &row, &col);
	*cy = le->y + row - top;
	*cx = le->x + (col < le->cols ? col : le->cols - 1);
}

void
lineedit_cursor(struct lineedit *le, int *y, int *x)
{
	int row, col, top;

	if (le->rows <= 1) {
		const char *t = editbuf_text(le->eb);
		size_t from = editbuf_hscroll(le->eb, le->cols);

		col = text_width_n(t + from, editbuf_cursor(le->eb) - from);
		*y = le->y;
	} else {
		top = editbuf_vscroll(le->eb, wrap_width(le), le->rows);
		editbuf_locate(le->eb, wrap_width(le), &row, &col);
		*y = le->y + row - top;
	}
	*x = le->x + (col < le->cols ? col : le->cols - 1);
}

void
lineedit_draw(struct lineedit *le)
{
	int cy, cx;

	if (le->win == NULL)
		return;
	if (le->rows <= 1)
		draw_one_line(le, &cy, &cx);
	else
		draw_box(le, &cy, &cx);
	wmove(le->win, cy, cx);
}

/* ---- keys ---- */

void
lineedit_keys_init(void)
{
	define_key("\033\r", LINEEDIT_KEY_ALT_ENTER);
	define_key("\033\n", LINEEDIT_KEY_ALT_ENTER);
	define_key("\033[200~", LINEEDIT_KEY_PASTE_BEGIN);
	define_key("\033[201~", LINEEDIT_KEY_PASTE_END);
}

void
lineedit_bracketed_paste(int on)
{
	putp(on ? "\033[?2004h" : "\033[?2004l");
	fflush(stdout);
}

static void
refused(struct lineedit *le, char *why)
{
	free(le->message);
	le->message = why;
}

static size_t
utf8_encode(wint_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	if (c <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (c >> 18));
		out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[3] = (char)(0x80 | (c & 0x3F));
		return 4;
	}
	return 0;
}

static void
insert(struct lineedit *le, const char *s, size_t n)
{
	char *err = NULL;

	if (n > 0 && editbuf_insert(le->eb, s, n, &err) != 0)
		refused(le, err);
}

static void
newline(struct lineedit *le)
{
	char *err = NULL;

	if (editbuf_newline(le->eb, &err) != 0)
		refused(le, err);
}

/* A line break inside a paste is text: a new line, or in a one-line field
 * a space. */
static void
pasted_break(struct lineedit *le)
{
	if (editbuf_multiline(le->eb))
		newline(le);
	else
		insert(le, " ", 1);
}

/* Inside a bracketed paste everything is text: a line break is a break
 * (pasted_break), a tab a space, and every other control character, ESC
 * included, and every function key (which ncurses may have made of an
 * escape sequence in the pasted bytes) is dropped, never run as a key.
 * So a paste holding ESC cannot cancel the editor and turn the rest of
 * the paste into keystrokes. */
static enum edit_result
pasted_key(struct lineedit *le, int function, wint_t key)
{
	if (function && key == LINEEDIT_KEY_PASTE_END)
		le->pasting = 0;
	else if (function ? key == KEY_ENTER || key == LINEEDIT_KEY_ALT_ENTER :
	    key == '\r' || key == '\n')
		pasted_break(le);
	else if (!function && key == '\t')
		insert(le, " ", 1);
	return EDIT_CONTINUE;
}

static enum edit_result
function_key(struct lineedit *le, wint_t key)
{
	struct editbuf *eb = le->eb;

	if (le->pasting)
		return pasted_key(le, 1, key);
	switch (key) {
	case KEY_LEFT: editbuf_left(eb); break;
	case KEY_RIGHT: editbuf_right(eb); break;
	case KEY_UP: editbuf_up(eb, wrap_width(le)); break;
	case KEY_DOWN: editbuf_down(eb, wrap_width(le)); break;
	case KEY_HOME: editbuf_home(eb); break;
	case KEY_END: editbuf_end(eb); break;
	case KEY_BACKSPACE: editbuf_backspace(eb); break;
	case KEY_DC: editbuf_delete(eb); break;
	case KEY_ENTER: return EDIT_SUBMIT;
	case LINEEDIT_KEY_ALT_ENTER: newline(le); break;
	case LINEEDIT_KEY_PASTE_BEGIN: le->pasting = 1; break;
	default: break;
	}
	return EDIT_CONTINUE;
}

/* Control characters are editing keys; the rest is text. */
static enum edit_result
control_key(struct lineedit *le, wint_t key)
{
	struct editbuf *eb = le->eb;

	if (le->pasting)
		return pasted_key(le, 0, key);
	switch (key) {
	case '\r': return EDIT_SUBMIT;
	case '\n': newline(le); break;
	case KEY_ESC: return EDIT_CANCEL;
	case '\t': insert(le, " ", 1); break;
	case KEY_DEL: case CTRL('H'): editbuf_backspace(eb); break;
	case CTRL('D'): editbuf_delete(eb); break;
	case CTRL('A'): editbuf_home(eb); break;
	case CTRL('E'): editbuf_end(eb); break;
	case CTRL('B'): editbuf_left(eb); break;
	case CTRL('F'): editbuf_right(eb); break;
	case CTRL('P'): editbuf_up(eb, wrap_width(le)); break;
	case CTRL('N'): editbuf_down(eb, wrap_width(le)); break;
	case CTRL('U'): editbuf_kill_to_start(eb); break;
	case CTRL('K'): editbuf_kill_to_end(eb); break;
	case CTRL('W'): editbuf_delete_word(eb); break;
	default: break;		/* other controls type nothing */
	}
	return EDIT_CONTINUE;
}

enum edit_result
lineedit_key(struct lineedit *le, int ret, wint_t key)
{
	char buf[4];

	refused(le, NULL);
	if (ret == KEY_CODE_YES)
		return function_key(le, key);
	if (ret != OK)
		return EDIT_CONTINUE;
	if (key < 0x20 || key == KEY_DEL)
		return control_key(le, key);
	if (key >= 0x80 && key <= 0x9F)
		return EDIT_CONTINUE;	/* C1 controls */
	insert(le, buf, utf8_encode(key, buf));
	return EDIT_CONTINUE;
}
