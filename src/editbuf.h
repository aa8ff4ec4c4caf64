/*
 * editbuf.h -- the line editor's model: text, cursor and view, no curses.
 *
 * An editbuf holds what a person is typing: valid UTF-8, NUL-terminated,
 * with line breaks stored as LF only, and at most max_chars code points.
 * The cursor is a byte offset that always lies on a grapheme-cluster
 * boundary, so it moves over a Thai consonant with its vowel and tone marks,
 * a Hangul syllable or a Devanagari conjunct as one step.
 *
 * What the buffer accepts: well-formed UTF-8 only; CR LF and CR become LF;
 * TAB becomes a space; other control characters (C0, DEL, C1) are dropped,
 * as a terminal would only have sent them by accident.  A single-line
 * buffer (multiline 0) turns line breaks into spaces.
 *
 * The view (STYLE rule 5): a one-line field shows the cursor's line from a
 * horizontal scroll offset (editbuf_hscroll); a box shows the text wrapped
 * (text_wrap) to a width, from a first visible row (editbuf_vscroll).  The
 * box wraps at its width minus one so that the cursor always has a cell at
 * the end of a full line: pass that wrap width to every call of a box.
 *
 * Editing calls return 1 when something changed or moved and 0 when there
 * was nothing to do (Backspace at the start); insertions return 0 or -1
 * with *err (caller frees) and then change nothing.  The text pointer of
 * editbuf_text() is valid until the next call that changes the text.
 */
#ifndef CONVENE_EDITBUF_H
#define CONVENE_EDITBUF_H

#include <stddef.h>

#include "text.h"

struct editbuf;

/* max_chars 0: no limit.  multiline: whether Ctrl-J may add line breaks. */
struct editbuf *editbuf_new(size_t max_chars, int multiline);
void editbuf_free(struct editbuf *eb);

const char *editbuf_text(const struct editbuf *eb);
size_t editbuf_len(const struct editbuf *eb);
size_t editbuf_chars(const struct editbuf *eb);
size_t editbuf_cursor(const struct editbuf *eb);
size_t editbuf_max_chars(const struct editbuf *eb);
int editbuf_multiline(const struct editbuf *eb);

/* Replaces the whole text (a saved draft, an idea to edit), cursor at the
 * end.  Refused (-1, nothing changed) when not UTF-8 or too long. */
int editbuf_set(struct editbuf *eb, const char *text, char **err);
void editbuf_clear(struct editbuf *eb);
/* Puts the cursor at the cluster boundary at or before pos. */
void editbuf_set_cursor(struct editbuf *eb, size_t pos);

/* Inserts s[0..len) at the cursor, which ends up after it.  Refused whole
 * when s is not UTF-8 or the text would exceed max_chars. */
int editbuf_insert(struct editbuf *eb, const char *s, size_t len, char **err);
/* Ctrl-J: a line break at the cursor; refused in a single-line buffer. */
int editbuf_newline(struct editbuf *eb, char **err);

int editbuf_backspace(struct editbuf *eb);	/* the cluster before */
int editbuf_delete(struct editbuf *eb);		/* the cluster under */
/* Ctrl-U: from the start of the line to the cursor; at the start of a line,
 * the line break before it (joining the lines). */
int editbuf_kill_to_start(struct editbuf *eb);
/* Ctrl-K: from the cursor to the end of the line, or the line break. */
int editbuf_kill_to_end(struct editbuf *eb);
/* Ctrl-W: the word before the cursor and the spaces after it, within the
 * line (dictionary words in Thai and Lao); at a line's start, the break. */
int editbuf_delete_word(struct editbuf *eb);

int editbuf_left(struct editbuf *eb);
int editbuf_right(struct editbuf *eb);
int editbuf_home(struct editbuf *eb);		/* start of the line */
int editbuf_end(struct editbuf *eb);		/* end of the line */
/* To the row above or below in the text wrapped at `width` (<= 0: lines
 * between line breaks), keeping the column that consecutive up and down
 * moves started from.  0 at the first or last row. */
int editbuf_up(struct editbuf *eb, int width);
int editbuf_down(struct editbuf *eb, int width);

/* The text wrapped at `width` (<= 0: at line breaks only), kept until the
 * text or the width changes.  Borrowed from eb. */
const struct text_lines *editbuf_layout(struct editbuf *eb, int width);
/* The cursor's row in that layout and its column in the row. */
void editbuf_locate(struct editbuf *eb, int width, int *row, int *col);

/* For a one-line field of `width` columns showing the cursor's line: the
 * byte offset of the first cluster shown, chosen so that the cursor and the
 * cluster under it are visible, scrolling as little as needed (and to the
 * line's start whenever all up to the cursor fits).  Kept between calls. */
size_t editbuf_hscroll(struct editbuf *eb, int width);
/* For a box of `rows` rows wrapping at `width`: the first row shown, so
 * that the cursor's row is visible.  Kept between calls. */
int editbuf_vscroll(struct editbuf *eb, int width, int rows);

#endif
