/* draw.c -- shared drawing: safe text, wrapping, bars, big digits. */
#include "draw.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "bigfont.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#define ELLIPSIS "\xe2\x80\xa6"	/* U+2026 */
#define FULL_BLOCK "\xe2\x96\x88"	/* U+2588 */

static int colour;
static int plain;
static attr_t attrs[DR_COUNT];

/* Colour pairs, one per role that has a colour. */
struct role_style {
	short fg, bg;		/* -1: the terminal's default */
	attr_t colour_attr;	/* added to the pair */
	attr_t mono;		/* without colours */
};

static const struct role_style styles[DR_COUNT] = {
	[DR_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[DR_STATUS] = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[DR_TAB] = { -1, -1, A_NORMAL, A_NORMAL },
	[DR_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD,
	    A_REVERSE | A_BOLD },
	[DR_SELECTED] = { -1, -1, A_REVERSE, A_REVERSE },
	[DR_CURRENT] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[DR_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[DR_DIM] = { -1, -1, A_DIM, A_DIM },
	[DR_WARN] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[DR_OVERRUN] = { COLOR_WHITE, COLOR_RED, A_BOLD,
	    A_BOLD | A_REVERSE | A_UNDERLINE },
	[DR_ERROR] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[DR_OK] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[DR_EMPH] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
	[DR_STRONG] = { -1, -1, A_BOLD, A_BOLD },
	[DR_QUOTE] = { COLOR_CYAN, -1, A_NORMAL, A_DIM },
	[DR_BAR] = { COLOR_CYAN, -1, A_NORMAL, A_NORMAL },
	[DR_MARK] = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE },
};

void
draw_init(void)
{
	const char *no = getenv("NO_COLOR");
	short pair = 1;
	int i;

	colour = has_colors() && (no == NULL || *no == '\0') &&
	    start_color() == OK;
	if (colour)
		use_default_colors();
	for (i = 0; i < DR_COUNT; i++) {
		const struct role_style *r = &styles[i];

		if (!colour) {
			attrs[i] = r->mono;
			continue;
		}
		attrs[i] = r->colour_attr;
		if (r->fg == -1 && r->bg == -1)
			continue;
		if (pair < COLOR_PAIRS && init_pair(pair, r->fg, r->bg) == OK)
			attrs[i] |= COLOR_PAIR(pair);
		else
			attrs[i] = r->mono;
		pair++;
	}
}

int
draw_has_colour(void)
{
	return colour;
}

void
draw_set_plain(int on)
{
	plain = on;
}

int
draw_plain(void)
{
	return plain;
}

int
draw_cannot_draw(void)
{
	const char *acsc = tigetstr((char *)(uintptr_t)"acsc");

	return !has_colors() || acsc == NULL || acsc == (char *)-1 ||
	    *acsc == '\0';
}

void
draw_hline(WINDOW *w, int y, int x, int n)
{
	mvwhline(w, y, x, plain ? ' ' : ACS_HLINE, n);
}

void
draw_vline(WINDOW *w, int y, int x, int n)
{
	mvwvline(w, y, x, plain ? ' ' : ACS_VLINE, n);
}

/* Plain: a line or block character as ASCII (a quote's bar stays a bar). */
static wchar_t
plain_char(wchar_t wc)
{
	if (wc < 0x2500 || wc > 0x259f)
		return wc;
	if (wc >= 0x2580)
		return L'#';		/* blocks */
	if (wc == 0x2502 || wc == 0x2503 || wc == 0x2551)
		return L'|';
	return L'-';
}

attr_t
draw_attr(enum draw_role role)
{
	if ((int)role < 0 || role >= DR_COUNT)
		return A_NORMAL;
	return attrs[role];
}

/* --- text ---------------------------------------------------------------- */

/* Draws UTF-8 that is already in display form (safe: from text_cut or
 * text_sanitize_n) at y, x.  Wide functions: a Hangul syllable is one
 * wchar_t and two columns, and curses places it so. */
static void
put_safe(WINDOW *w, int y, int x, const char *s, size_t len, attr_t attr)
{
	wchar_t stackbuf[256], *wbuf = stackbuf;
	size_t cap = NELEM(stackbuf), n = 0;
	mbstate_t ps;
	size_t k;
	wchar_t wc;

	if (len + 1 > cap) {
		cap = len + 1;
		wbuf = xmalloc(cap * sizeof *wbuf);
	}
	memset(&ps, 0, sizeof ps);
	while (len > 0) {
		/* ASCII is itself in every locale we run in: mbrtowc() cost
		 * most of drawing a row (issue 21). */
		if ((unsigned char)*s < 0x80 && *s != '\0') {
			wbuf[n++] = (wchar_t)*s++;
			len--;
			continue;
		}
		k = mbrtowc(&wc, s, len, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			/* Cannot happen with display form in a UTF-8
			 * locale; never let a raw byte through anyway. */
			wc = L'?';
			k = 1;
			memset(&ps, 0, sizeof ps);
		} else if (k == 0)
			break;
		wbuf[n++] = plain ? plain_char(wc) : wc;
		s += k;
		len -= k;
	}
	wbuf[n] = L'\0';
	wattrset(w, attr);
	if (n > 0)
		mvwaddnwstr(w, y, x, wbuf, (int)n);
	wattrset(w, A_NORMAL);
	if (wbuf != stackbuf)
		free(wbuf);
}

int
draw_text(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	char *cut;
	int cols;

	if (width <= 0 || s == NULL)
		return 0;
	cut = text_cut(s, width, ELLIPSIS);
	cols = text_width(cut);
	put_safe(w, y, x, cut, strlen(cut), attr);
	free(cut);
	return cols;
}

int
draw_text_changed(WINDOW *w, int y, int x, int width, const char *was,
    const char *s, attr_t attr)
{
	size_t from, to;

	/* A display form never takes more columns than its source has bytes:
	 * a short s fits without being measured. */
	if (was == NULL || s == NULL || text_ascii_change(was, s, &from,
	    &to) != 0 || (strlen(s) > (size_t)width && text_width(s) > width))
		return 0;
	if (to > from)
		put_safe(w, y, x + text_width_n(s, from), s + from, to - from,
		    attr);
	return 1;
}

void
draw_fill(WINDOW *w, int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	wattrset(w, attr);
	mvwhline(w, y, x, ' ', width);
	wattrset(w, A_NORMAL);
}

int
draw_text_pad(WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	int cols = draw_text(w, y, x, width, s, attr);

	draw_fill(w, y, x + cols, width - cols, attr);
	return width > 0 ? width : 0;
}

/* Draws s in the field with `halves` halves of the room it leaves before
 * it: 2 right-aligns it, 1 centres it. */
static int
draw_text_aligned(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr, int halves)
{
	int cols = s != NULL ? text_width(s) : 0;

	if (cols > width)
		cols = width;
	return draw_text(w, y, x + (width - cols) * halves / 2, cols, s, attr);
}

int
draw_text_right(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr)
{
	return draw_text_aligned(w, y, x, width, s, attr, 2);
}

int
draw_text_centre(WINDOW *w, int y, int x, int width, const char *s,
    attr_t attr)
{
	return draw_text_aligned(w, y, x, width, s, attr, 1);
}

int
draw_textf(WINDOW *w, int y, int x, int width, attr_t attr, const char *fmt,
    ...)
{
	va_list ap;
	char *s;
	int cols;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	cols = draw_text(w, y, x, width, s, attr);
	free(s);
	return cols;
}

/* One wrapping buffer for the whole program: wrapping a wall of ideas each
 * frame then allocates next to nothing (text.h).  Screens run on one
 * thread. */
static struct text_lines wrap_lines;

void
draw_shutdown(void)
{
	text_lines_free(&wrap_lines);
}

int
draw_wrapped_rows(const char *s, int width)
{
	return (int)text_wrap(s != NULL ? s : "", width > 0 ? width : 1,
	    &wrap_lines);
}

int
draw_wrapped(WINDOW *w, int y, int x, int width, int skip, int maxrows,
    const char *s, attr_t attr)
{
	size_t n, i;
	int drawn = 0;
	char *line;

	if (s == NULL || width <= 0 || maxrows <= 0)
		return 0;
	n = text_wrap(s, width, &wrap_lines);
	for (i = skip > 0 ? (size_t)skip : 0; i < n && drawn < maxrows; i++) {
		line = text_sanitize_n(s + wrap_lines.v[i].offset,
		    wrap_lines.v[i].len, 0);
		/* A cluster wider than the field (text.h) is cut. */
		if (text_width(line) > width) {
			char *cut = text_cut(line, width, NULL);

			free(line);
			line = cut;
		}
		put_safe(w, y + drawn, x, line, strlen(line), attr);
		free(line);
		drawn++;
	}
	return drawn;
}

/* --- bars, boxes, clocks ------------------------------------------------- */

int
draw_bar(WINDOW *w, int y, int x, int width, long value, long max,
    attr_t attr)
{
	/* U+2588 full block down to U+258F one eighth. */
	static const char *const eighths[8] = {
		"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d",
		"\xe2\x96\x8c", "\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"
	};
	long long units;
	int full, i;

	if (width <= 0 || max <= 0 || value <= 0)
		return 0;
	if (value > max)
		value = max;
	units = (long long)value * width * 8 / max;
	if (units == 0)
		units = 1;	/* one dot is still visible */
	full = (int)(units / 8);
	if (plain) {		/* whole cells of '#' */
		full += units % 8 != 0;
		for (i = 0; i < full; i++)
			put_safe(w, y, x + i, "#", 1, attr);
		return full;
	}
	for (i = 0; i < full; i++)
		put_safe(w, y, x + i, FULL_BLOCK, 3, attr);
	if (units % 8 != 0) {
		put_safe(w, y, x + full, eighths[units % 8],
		    strlen(eighths[units % 8]), attr);
		full++;
	}
	return full;
}

void
draw_box(WINDOW *w, int y, int x, int rows, int cols, const char *title,
    attr_t attr)
{
	int r;

	if (rows < 2 || cols < 2)
		return;
	for (r = 0; r < rows; r++)
		draw_fill(w, y + r, x, cols, attr);
	wattrset(w, attr);
	if (!plain) {		/* plain: the title alone, on blank cells */
		mvwhline(w, y, x + 1, ACS_HLINE, cols - 2);
		mvwhline(w, y + rows - 1, x + 1, ACS_HLINE, cols - 2);
		mvwvline(w, y + 1, x, ACS_VLINE, rows - 2);
		mvwvline(w, y + 1, x + cols - 1, ACS_VLINE, rows - 2);
		mvwaddch(w, y, x, ACS_ULCORNER);
		mvwaddch(w, y, x + cols - 1, ACS_URCORNER);
		mvwaddch(w, y + rows - 1, x, ACS_LLCORNER);
		mvwaddch(w, y + rows - 1, x + cols - 1, ACS_LRCORNER);
	}
	wattrset(w, A_NORMAL);
	if (title != NULL && *title != '\0' && cols > 6) {
		int c = draw_text(w, y, x + 2, cols - 6, " ", attr);

		c += draw_text(w, y, x + 2 + c, cols - 6 - c, title,
		    attr | A_BOLD);
		draw_text(w, y, x + 2 + c, cols - 4 - c, " ", attr);
	}
}

void
draw_format_clock(int64_t remaining_ms, char *buf, size_t size)
{
	int64_t secs;
	const char *sign = "";

	if (remaining_ms > 0)
		secs = (remaining_ms + 999) / 1000;	/* 0.4 s left: 00:01 */
	else {
		secs = -remaining_ms / 1000;		/* counting on */
		sign = "+";
	}
	if (secs >= 3600)
		snprintf(buf, size, "%s%d:%02d:%02d", sign, (int)(secs / 3600),
		    (int)(secs / 60 % 60), (int)(secs % 60));
	else
		snprintf(buf, size, "%s%02d:%02d", sign, (int)(secs / 60),
		    (int)(secs % 60));
}

void
draw_hhmm(const char *zone, int64_t utc_ms, char *buf, size_t size)
{
	struct tz_local l;

	if (tz_to_local(zone, utc_ms, &l) == 0)
		snprintf(buf, size, "%02d:%02d", l.hour, l.minute);
	else
		snprintf(buf, size, "--:--");
}

_Static_assert(DRAW_BIG_ROWS == BIGFONT_ROWS,
    "draw.h states the font's height");

int
draw_big_width(const char *s)
{
	const struct bigfont_glyph *g;
	int w = 0;

	for (; *s != '\0'; s++)
		if ((g = bigfont_glyph(*s)) != NULL)
			w += bigfont_cols(g) * 2 + 1;
	return w > 0 ? w - 1 : 0;
}

void
draw_big(WINDOW *w, int y, int x, const char *s, attr_t attr)
{
	const struct bigfont_glyph *g;
	int r, c, gw;

	if (plain) {		/* plain digits, in the middle of the space */
		draw_text(w, y + DRAW_BIG_ROWS / 2, x + (draw_big_width(s) -
		    (int)strlen(s)) / 2, (int)strlen(s), s, attr | A_BOLD);
		return;
	}
	for (; *s != '\0'; s++) {
		if ((g = bigfont_glyph(*s)) == NULL)
			continue;
		gw = bigfont_cols(g);
		for (r = 0; r < DRAW_BIG_ROWS; r++)
			for (c = 0; c < gw; c++)
				if (g->rows[r][c] == '#')
					put_safe(w, y + r, x + c * 2,
					    FULL_BLOCK FULL_BLOCK, 6, attr);
		x += gw * 2 + 1;
	}
}
