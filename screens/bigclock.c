/* bigclock.c -- a clock in block characters, scaled to fit. */
#include "bigclock.h"

#include <string.h>
#include <wchar.h>

#include "bigfont.h"
#include "draw.h"
#include "util.h"

int
bigclock_width(const char *s, int scale)
{
	const struct bigfont_glyph *g;
	int w = 0, n = 0;

	for (; *s != '\0'; s++)
		if ((g = bigfont_glyph(*s)) != NULL) {
			w += bigfont_cols(g) * scale;
			n++;
		}
	/* One cell of space between glyphs. */
	return n > 0 ? w + (n - 1) * scale : 0;
}

int
bigclock_height(int scale)
{
	return (BIGFONT_ROWS * scale + 1) / 2;
}

int
bigclock_fit(const char *s, int rows, int cols, int max_scale)
{
	int k = 0;

	while ((max_scale <= 0 || k < max_scale) &&
	    bigclock_height(k + 1) <= rows && bigclock_width(s, k + 1) <= cols)
		k++;
	return k;
}

/* 1 when the glyph's pixel (px, py) is filled; pixels are scale x scale
 * blocks of the font's cells, py counted in half-rows. */
static int
filled(const struct bigfont_glyph *g, int px, int py, int scale)
{
	int r = py / scale, c = px / scale;

	if (r < 0 || r >= BIGFONT_ROWS || c < 0 || c >= bigfont_cols(g))
		return 0;
	return g->rows[r][c] == '#';
}

/* Draws one glyph: each terminal cell shows two pixels, one above the
 * other. */
static void
draw_glyph(WINDOW *w, int y, int x, const struct bigfont_glyph *g, int scale,
    attr_t attr)
{
	static const wchar_t cells[4] = { L' ', L'\x2584', L'\x2580',
	    L'\x2588' };	/* none, lower, upper, both */
	int rows = bigclock_height(scale), cols = bigfont_cols(g) * scale;
	wchar_t line[512];
	int r, c;

	if (cols >= (int)NELEM(line))
		cols = (int)NELEM(line) - 1;
	wattrset(w, attr);
	for (r = 0; r < rows; r++) {
		for (c = 0; c < cols; c++)
			line[c] = cells[filled(g, c, 2 * r, scale) * 2 +
			    filled(g, c, 2 * r + 1, scale)];
		line[cols] = L'\0';
		mvwaddnwstr(w, y + r, x, line, cols);
	}
	wattrset(w, A_NORMAL);
}

void
bigclock_draw(WINDOW *w, int y, int x, const char *s, int scale,
    attr_t attr)
{
	const struct bigfont_glyph *g;
	int first = 1, r;

	if (scale < 1)
		return;
	if (draw_plain()) {	/* plain digits, in the middle of the space */
		draw_text(w, y + bigclock_height(scale) / 2, x +
		    (bigclock_width(s, scale) - (int)strlen(s)) / 2,
		    (int)strlen(s), s, attr | A_BOLD);
		return;
	}
	for (; *s != '\0'; s++) {
		if ((g = bigfont_glyph(*s)) == NULL)
			continue;
		if (!first) {
			/* The gap between glyphs, written as spaces so that a
			 * wider old time leaves nothing behind. */
			wattrset(w, attr);
			for (r = 0; r < bigclock_height(scale); r++)
				mvwhline(w, y + r, x, ' ', scale);
			wattrset(w, A_NORMAL);
			x += scale;
		}
		draw_glyph(w, y, x, g, scale, attr);
		x += bigfont_cols(g) * scale;
		first = 0;
	}
}
