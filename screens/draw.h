/*
 * draw.h -- drawing that every screen shares.
 *
 * Text reaches the terminal only through here, and only in its display form
 * (text.h): sanitised, measured with wcwidth, cut on grapheme-cluster
 * boundaries, wrapped at line-break opportunities.  A participant's bytes
 * are never handed to curses as they are.
 *
 * Attributes come by role (draw_attr): in colour when the terminal has
 * colours and NO_COLOR is not set, otherwise bold, reverse, underline and
 * dim only, so that every state (selected, current, warning, overrun) is
 * still told apart on a monochrome terminal.
 */
#ifndef CONVENE_DRAW_H
#define CONVENE_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "screen.h"
#include "util.h"

enum draw_role {
	DR_NORMAL,
	DR_STATUS,		/* the status line */
	DR_TAB,			/* a screen's tab */
	DR_TAB_ACTIVE,		/* the current screen's tab */
	DR_SELECTED,		/* the highlighted row */
	DR_CURRENT,		/* what is happening now: agenda item, round */
	DR_HEADING,
	DR_DIM,			/* hidden, past, secondary */
	DR_WARN,		/* the last two minutes of a timer */
	DR_OVERRUN,		/* a timer past zero, a late agenda */
	DR_ERROR,
	DR_OK,
	DR_EMPH,		/* *emphasis* */
	DR_STRONG,		/* **strong** */
	DR_QUOTE,
	DR_BAR,			/* bar charts */
	DR_MARK,		/* the idea marked as a merge target, a match */
	DR_COUNT
};

/* After initscr(): colour when has_colors() and NO_COLOR is unset or
 * empty, otherwise monochrome attributes. */
void draw_init(void);
int draw_has_colour(void);
attr_t draw_attr(enum draw_role role);
/* Frees what drawing keeps between frames (at the end of app_run). */
void draw_shutdown(void);

/*
 * Plain drawing (--plain, or a terminal that cannot draw: see
 * draw_cannot_draw): no box lines, block characters or big digits, which a
 * screen reader or a braille display reads as noise.  Lines become spaces,
 * a bar '#', big digits plain ones, and any U+2500-U+259F left in a text
 * an ASCII look-alike.
 */
void draw_set_plain(int on);
int draw_plain(void);
/* 1 when the terminal (after newterm) has no colours or no line-drawing
 * characters (acsc), as TERM=dumb: convene then draws plain by itself. */
int draw_cannot_draw(void);
/* A horizontal / vertical line of n cells (spaces when plain). */
void draw_hline(WINDOW *w, int y, int x, int n);
void draw_vline(WINDOW *w, int y, int x, int n);

/*
 * Text.  Each draws the display form of `s` (UTF-8, from anyone) from row y,
 * column x of w, within `width` columns, in `attr`, and returns the columns
 * drawn.  Text wider than the field is cut with "…".
 */
int draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* As draw_text, then spaces in `attr` to fill the whole field. */
int draw_text_pad(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr);
/* Right-aligned within the field. */
int draw_text_right(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr);
/* Centred within the field. */
int draw_text_centre(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr);
/* Where draw_text drew `was`, with the same field and attr, shows s by
 * drawing only the cells that differ, when s is `was` with a few printable
 * ASCII characters replaced (text_ascii_change) and fits whole: 1.  Else
 * draws nothing and returns 0 (the caller draws s whole). */
int draw_text_changed(WINDOW *w, int y, int x, int width, const char *was,
    const char *s, attr_t attr);
/* printf into a field (the result is drawn as draw_text). */
int draw_textf(WINDOW *w, int y, int x, int width, attr_t attr,
    const char *fmt, ...) PRINTFLIKE(6, 7);
/* Spaces in attr. */
void draw_fill(WINDOW *w, int y, int x, int width, attr_t attr);

/* The rows `s` takes wrapped to width columns (at least 1). */
int draw_wrapped_rows(const char *s, int width);
/* Draws rows skip .. skip + maxrows - 1 of `s` wrapped to width at y, x;
 * returns the rows drawn. */
int draw_wrapped(WINDOW *w, int y, int x, int width, int skip, int maxrows,
    const char *s, attr_t attr);

/* A horizontal bar of value/max of width columns, in eighths of a cell;
 * returns its columns. */
int draw_bar(WINDOW *w, int y, int x, int width, long value, long max,
    attr_t attr);

/* A box with a title on its top border; the inside is erased. */
void draw_box(WINDOW *w, int y, int x, int rows, int cols, const char *title,
    attr_t attr);

/* A timer's remaining time as people read it: "09:59", "1:02:03", and past
 * zero "+01:23" (counting on).  buf of at least 16 bytes. */
void draw_format_clock(int64_t remaining_ms, char *buf, size_t size);

/* A UTC time as "HH:MM" in the IANA zone (the module's), "--:--" when it
 * cannot be converted; buf of at least 8 bytes. */
void draw_hhmm(const char *zone, int64_t utc_ms, char *buf, size_t size);

/* Big digits (for the timer screen and the projector): "0-9 : + -" drawn
 * DRAW_BIG_ROWS rows tall; draw_big_width gives the columns. */
#define DRAW_BIG_ROWS 5
int draw_big_width(const char *s);
void draw_big(WINDOW *w, int y, int x, const char *s, attr_t attr);

#endif
