/*
 * bigfont.h -- the 3x5 font of the big digits, for draw_big (draw.h) and
 * the scaled clock (bigclock.h), which draw its cells each their own way.
 *
 * It has "0-9 : + -" and the space.  A glyph is BIGFONT_ROWS strings of
 * the same width, '#' a filled cell and ' ' an empty one.
 */
#ifndef CONVENE_BIGFONT_H
#define CONVENE_BIGFONT_H

#define BIGFONT_ROWS 5

struct bigfont_glyph {
	char c;
	const char *rows[BIGFONT_ROWS];
};

/* The glyph of c (static, never freed), or NULL when the font has none:
 * callers skip such characters. */
const struct bigfont_glyph *bigfont_glyph(char c);
/* The glyph's width in cells. */
int bigfont_cols(const struct bigfont_glyph *g);

#endif
