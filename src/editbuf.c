/* editbuf.c -- the line editor's text, cursor and view. */
#include "editbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

struct editbuf {
	char *text;		/* NUL-terminated, valid UTF-8, LF only */
	size_t len;
	size_t cap;
	size_t nchars;
	size_t cursor;		/* on a cluster boundary */
	size_t max_chars;
	int multiline;
	int goal_col;		/* column of a run of up/down moves, or -1 */
	size_t hscroll;		/* first byte shown in a one-line field */
	int top;		/* first row shown in a box */
	struct text_lines layout;
	int layout_width;
	int layout_valid;
};

struct editbuf *
editbuf_new(size_t max_chars, int multiline)
{
	struct editbuf *eb = xcalloc(1, sizeof *eb);

	eb->cap = 64;
	eb->text = xmalloc(eb->cap);
	eb->text[0] = '\0';
	eb->max_chars = max_chars;
	eb->multiline = multiline;
	eb->goal_col = -1;
	return eb;
}

void
editbuf_free(struct editbuf *eb)
{
	if (eb == NULL)
		return;
	text_lines_free(&eb->layout);
	free(eb->text);
	free(eb);
}

const char *
editbuf_text(const struct editbuf *eb)
{
	return eb->text;
}

size_t
editbuf_len(const struct editbuf *eb)
{
	return eb->len;
}

size_t
editbuf_chars(const struct editbuf *eb)
{
	return eb->nchars;
}

size_t
editbuf_cursor(const struct editbuf *eb)
{
	return eb->cursor;
}

size_t
editbuf_max_chars(const struct editbuf *eb)
{
	return eb->max_chars;
}

int
editbuf_multiline(const struct editbuf *eb)
{
	return eb->multiline;
}

/* ---- changing the text ---- */

static void
changed(struct editbuf *eb)
{
	eb->layout_valid = 0;
	eb->goal_col = -1;
}

/* Replaces text[from..to) with s[0..n) and moves the cursor to `cursor`. */
static void
splice(struct editbuf *eb, size_t from, size_t to, const char *s, size_t n,
    size_t cursor)
{
	size_t removed = text_count_chars_n(eb->text + from, to - from);

	eb->text = xgrow(eb->text, &eb->cap, eb->len - (to - from) + n + 1, 1);
	memmove(eb->text + from + n, eb->text + to, eb->len - to + 1);
	memcpy(eb->text + from, s, n);
	eb->len = eb->len - (to - from) + n;
	eb->nchars = eb->nchars - removed + text_count_chars_n(s, n);
	eb->cursor = cursor;
	changed(eb);
}

static int
delete_range(struct editbuf *eb, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	splice(eb, from, to, "", 0, from);
	return 1;
}

/* What the buffer keeps of s (see editbuf.h); s is valid UTF-8.  Caller
 * frees. */
static char *
filter_input(const char *s, size_t len, int multiline, size_t *outlen)
{
	char *out = xmalloc(len + 1);
	const unsigned char *u = (const unsigned char *)s;
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		if (u[i] == '\r' || u[i] == '\n') {
			if (u[i] == '\r' && i + 1 < len && u[i + 1] == '\n')
				i++;
			out[n++] = multiline ? '\n' : ' ';
		} else if (u[i] == '\t')
			out[n++] = ' ';
		else if (u[i] < 0x20 || u[i] == 0x7F)
			continue;
		else if (u[i] == 0xC2 && i + 1 < len && u[i + 1] >= 0x80 &&
		    u[i + 1] <= 0x9F)
			i++;		/* a C1 control */
		else
			out[n++] = s[i];
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

static int
check_room(const struct editbuf *eb, size_t removed, size_t added,
    char **err)
{
	if (eb->max_chars > 0 && eb->nchars - removed + added > eb->max_chars)
		return set_error(err, -1,
		    _("too long: at most %zu characters"), eb->max_chars);
	return 0;
}

int
editbuf_insert(struct editbuf *eb, const char *s, size_t len, char **err)
{
	char *clean;
	size_t n, at;

	if (text_validate(s, len, err) != 0)
		return -1;
	clean = filter_input(s, len, eb->multiline, &n);
	if (check_room(eb, 0, text_count_chars_n(clean, n), err) != 0) {
		free(clean);
		return -1;
	}
	at = eb->cursor;
	splice(eb, at, at, clean, n, at + n);
	free(clean);
	/* What was typed may join the cluster after it (a base before a
	 * detached mark): keep the cursor on a boundary. */
	eb->cursor = text_grapheme_ceil(eb->text, eb->len, eb->cursor);
	return 0;
}

int
editbuf_newline(struct editbuf *eb, char **err)
{
	if (!eb->multiline)
		return set_error(err, -1, _("this field takes one line"));
	return editbuf_insert(eb, "\n", 1, err);
}

int
editbuf_set(struct editbuf *eb, const char *text, char **err)
{
	char *clean;
	size_t n, len = strlen(text);

	if (text_validate(text, len, err) != 0)
		return -1;
	clean = filter_input(text, len, eb->multiline, &n);
	if (check_room(eb, eb->nchars, text_count_chars_n(clean, n), err)
	    != 0) {
		free(clean);
		return -1;
	}
	splice(eb, 0, eb->len, clean, n, n);
	free(clean);
	eb->hscroll = 0;
	eb->top = 0;
	return 0;
}

void
editbuf_clear(struct editbuf *eb)
{
	delete_range(eb, 0, eb->len);
	eb->hscroll = 0;
	eb->top = 0;
}

void
editbuf_set_cursor(struct editbuf *eb, size_t pos)
{
	eb->cursor = text_grapheme_floor(eb->text, eb->len, pos);
	eb->goal_col = -1;
}

/* ---- lines ---- */

static size_t
line_start(const struct editbuf *eb, size_t pos)
{
	while (pos > 0 && eb->text[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t
line_end(const struct editbuf *eb, size_t pos)
{
	while (pos < eb->len && eb->text[pos] != '\n')
		pos++;
	return pos;
}

int
editbuf_backspace(struct editbuf *eb)
{
	return delete_range(eb,
	    text_prev_grapheme(eb->text, eb->len, eb->cursor), eb->cursor);
}

int
editbuf_delete(struct editbuf *eb)
{
	return delete_range(eb, eb->cursor,
	    text_next_grapheme(eb->text, eb->len, eb->cursor));
}

int
editbuf_kill_to_start(struct editbuf *eb)
{
	size_t from = line_start(eb, eb->cursor);

	if (from == eb->cursor)
		return editbuf_backspace(eb);
	return delete_range(eb, from, eb->cursor);
}

int
editbuf_kill_to_end(struct editbuf *eb)
{
	size_t to = line_end(eb, eb->cursor);

	if (to == eb->cursor)
		return editbuf_delete(eb);
	return delete_range(eb, eb->cursor, to);
}

int
editbuf_delete_word(struct editbuf *eb)
{
	size_t from = line_start(eb, eb->cursor), word;

	if (from == eb->cursor)
		return editbuf_backspace(eb);
	word = text_prev_word(eb->text, eb->len, eb->cursor);
	if (word > from)
		from = text_grapheme_floor(eb->text, eb->len, word);
	return delete_range(eb, from, eb->cursor);
}

/* ---- moving ---- */

static int
move_to(struct editbuf *eb, size_t pos)
{
	eb->goal_col = -1;
	if (pos == eb->cursor)
		return 0;
	eb->cursor = pos;
	return 1;
}

int
editbuf_left(struct editbuf *eb)
{
	return move_to(eb, text_prev_grapheme(eb->text, eb->len, eb->cursor));
}

int
editbuf_right(struct editbuf *eb)
{
	return move_to(eb, text_next_grapheme(eb->text, eb->len, eb->cursor));
}

int
editbuf_home(struct editbuf *eb)
{
	return move_to(eb, line_start(eb, eb->cursor));
}

int
editbuf_end(struct editbuf *eb)
{
	return move_to(eb, line_end(eb, eb->cursor));
}

const struct text_lines *
editbuf_layout(struct editbuf *eb, int width)
{
	if (width < 0)
		width = 0;
	if (!eb->layout_valid || eb->layout_width != width) {
		text_wrap_n(eb->text, eb->len, width, &eb->layout);
		eb->layout_width = width;
		eb->layout_valid = 1;
	}
	return &eb->layout;
}

/* The row of the layout that holds pos: the last one starting at or
 * before it. */
static size_t
row_of(const struct text_lines *l, size_t pos)
{
	size_t lo = 0, hi = l->n, mid;

	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (l->v[mid].offset <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

void
editbuf_locate(struct editbuf *eb, int width, int *row, int *col)
{
	const struct text_lines *l = editbuf_layout(eb, width);
	size_t r = row_of(l, eb->cursor);

	*row = (int)r;
	*col = text_width_n(eb->text + l->v[r].offset,
	    eb->cursor - l->v[r].offset);
}

/* The last cursor position on row r: before the line break that ends it,
 * or before the first cluster of the next row. */
static size_t
row_last(struct editbuf *eb, const struct text_lines *l, size_t r)
{
	size_t next;

	if (r + 1 >= l->n)
		return eb->len;
	next = l->v[r + 1].offset;
	if (next > 0 && eb->text[next - 1] == '\n')
		return next - 1;
	return text_prev_grapheme(eb->text, eb->len, next);
}

/* The position on row r whose column is the last one <= col. */
static size_t
row_position(struct editbuf *eb, const struct text_lines *l, size_t r,
    int col)
{
	size_t pos = l->v[r].offset, last = row_last(eb, l, r), next;
	int at = 0, w;

	while (pos < last) {
		w = text_grapheme_width(eb->text, eb->len, pos);
		if (at + w > col)
			break;
		next = text_next_grapheme(eb->text, eb->len, pos);
		at += w;
		pos = next;
	}
	return pos;
}

static int
move_vertically(struct editbuf *eb, int width, int step)
{
	const struct text_lines *l = editbuf_layout(eb, width);
	int row, col, goal;

	editbuf_locate(eb, width, &row, &col);
	goal = eb->goal_col >= 0 ? eb->goal_col : col;
	if (row + step < 0 || (size_t)(row + step) >= l->n)
		return 0;
	eb->cursor = row_position(eb, l, (size_t)(row + step), goal);
	eb->goal_col = goal;
	return 1;
}

int
editbuf_up(struct editbuf *eb, int width)
{
	return move_vertically(eb, width, -1);
}

int
editbuf_down(struct editbuf *eb, int width)
{
	return move_vertically(eb, width, 1);
}

/* ---- the view ---- */

size_t
editbuf_hscroll(struct editbuf *eb, int width)
{
	size_t start = line_start(eb, eb->cursor), pos;
	int cursor_cell, w;

	if (width < 1)
		width = 1;
	cursor_cell = text_grapheme_width(eb->text, eb->len, eb->cursor);
	if (cursor_cell < 1 || eb->text[eb->cursor] == '\n')
		cursor_cell = 1;
	/* All up to the cursor fits: show the line from its start. */
	w = text_width_n(eb->text + start, eb->cursor - start);
	if (w + cursor_cell <= width) {
		eb->hscroll = start;
		return start;
	}
	pos = eb->hscroll;
	if (pos < start || pos > line_end(eb, eb->cursor) ||
	    text_grapheme_floor(eb->text, eb->len, pos) != pos) {
		pos = start;
	} else if (pos >= eb->cursor) {
		/* The cursor went left past the edge: show it with a
		 * quarter of the field of text before it. */
		pos = eb->cursor;
		while (pos > start && text_width_n(eb->text + pos,
		    eb->cursor - pos) < width / 4)
			pos = text_prev_grapheme(eb->text, eb->len, pos);
	}
	w = text_width_n(eb->text + pos, eb->cursor - pos);
	while (w + cursor_cell > width && pos < eb->cursor) {
		w -= text_grapheme_width(eb->text, eb->len, pos);
		pos = text_next_grapheme(eb->text, eb->len, pos);
	}
	eb->hscroll = pos;
	return pos;
}

int
editbuf_vscroll(struct editbuf *eb, int width, int rows)
{
	const struct text_lines *l = editbuf_layout(eb, width);
	int row, col, last_top;

	if (rows < 1)
		rows = 1;
	editbuf_locate(eb, width, &row, &col);
	if (row < eb->top)
		eb->top = row;
	if (row >= eb->top + rows)
		eb->top = row - rows + 1;
	last_top = (int)l->n > rows ? (int)l->n - rows : 0;
	if (eb->top > last_top)
		eb->top = last_top;
	return eb->top;
}
