/*
 * lineedit.h -- the line editor widget, used wherever text is typed.
 *
 * A lineedit draws an editbuf (src/editbuf.h: the text, the cursor and the
 * scroll offsets live there and are unit-tested) into a region of a curses
 * window: one row with horizontal scrolling, or a box of several rows for
 * multi-line ideas, wrapped at Unicode line-break opportunities.
 *
 * Keys (get_wch's return code and key, as the screen's loop received them):
 *   Enter (CR, KEY_ENTER)        EDIT_SUBMIT
 *   Esc                          EDIT_CANCEL: the text stays, as a draft
 *   Ctrl-J, Alt-Enter            a new line (multi-line only)
 *   Left Right Ctrl-B Ctrl-F     by grapheme cluster
 *   Up Down                      by row in a box
 *   Home End Ctrl-A Ctrl-E       start / end of the line
 *   Backspace (also Ctrl-H, DEL) the cluster before the cursor
 *   Delete Ctrl-D                the cluster under the cursor
 *   Ctrl-U Ctrl-K Ctrl-W         to the line's start / to its end / word
 *   Tab                          a space
 *   any other character          typed; input methods send composed text,
 *                                which arrives as the characters it is made
 *                                of and is inserted as it comes
 * The loop must call nonl() so that Enter (CR) and Ctrl-J (LF) differ, and
 * should set_escdelay() short so that Esc acts at once.  Alt-Enter arrives
 * as ESC CR: lineedit_keys_init() teaches ncurses that sequence, so it is
 * one key when both bytes arrive within ESCDELAY (on a slow link it may come
 * apart as Esc then Enter: Ctrl-J always works).  It also teaches ncurses
 * the bracketed-paste markers; inside a paste a line break is text, never
 * Enter, when the loop turned bracketed paste on (lineedit_bracketed_paste),
 * a tab is a space, and every other control character (ESC included) and
 * function key is dropped: a paste is only ever text, never keystrokes.
 *
 * Key handlers return requests and never redraw (STYLE rule 3); the caller
 * draws with lineedit_draw() and leaves the terminal cursor where
 * lineedit_cursor() says.
 */
#ifndef CONVENE_LINEEDIT_H
#define CONVENE_LINEEDIT_H

#include <stddef.h>
#include <wchar.h>

#include "tui.h"
#include "editbuf.h"

enum edit_result {
	EDIT_CONTINUE,		/* keep editing (redraw the field) */
	EDIT_SUBMIT,		/* Enter: take editbuf_text() */
	EDIT_CANCEL		/* Esc: close the editor, keep the draft */
};

/* Key codes lineedit_keys_init() defines (beyond KEY_MAX, so that they clash
 * with no key ncurses knows). */
#define LINEEDIT_KEY_ALT_ENTER (KEY_MAX + 1)
#define LINEEDIT_KEY_PASTE_BEGIN (KEY_MAX + 2)
#define LINEEDIT_KEY_PASTE_END (KEY_MAX + 3)

struct lineedit;

/* A field holding at most max_chars characters (0: no limit); multiline
 * allows line breaks.  lineedit_free() frees its editbuf too. */
struct lineedit *lineedit_new(size_t max_chars, int multiline);
void lineedit_free(struct lineedit *le);
/* The field's model, owned by the field (set a draft, read the text). */
struct editbuf *lineedit_buf(struct lineedit *le);

/* Where the field is: window, top-left corner, rows and columns.  rows 1
 * is a one-line field; more is a box.  Call again after a resize. */
void lineedit_place(struct lineedit *le, WINDOW *win, int y, int x, int rows,
    int cols);
/* Draws the field over its whole region (wnoutrefresh is the caller's),
 * and moves the window's cursor to the edit point. */
void lineedit_draw(struct lineedit *le);
/* The edit point, in the window's coordinates. */
void lineedit_cursor(struct lineedit *le, int *y, int *x);

enum edit_result lineedit_key(struct lineedit *le, int ret, wint_t key);
/* Why the last key was refused (too long, one line only), or NULL.  Borrowed
 * until the next key. */
const char *lineedit_message(const struct lineedit *le);

/* Teaches ncurses Alt-Enter and the bracketed-paste markers; call once
 * after initscr(). */
void lineedit_keys_init(void);
/* Asks the terminal to mark pastes (on) or stop (off, before endwin()). */
void lineedit_bracketed_paste(int on);

/*
 * Draws s[0..len) -- participant text -- at (y, x) of win in its display
 * form (text.h: no control character or escape sequence reaches the
 * terminal), cut on a grapheme-cluster boundary to `cols` columns, and pads
 * the rest of the `cols` with spaces.  Returns the columns of text drawn.
 * Every screen draws people's text through this.
 */
int lineedit_put_text(WINDOW *win, int y, int x, const char *s, size_t len,
    int cols);

#endif
