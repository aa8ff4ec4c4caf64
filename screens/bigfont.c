/* bigfont.c -- the 3x5 font of the big digits (see bigfont.h). */
#include "bigfont.h"

#include <stddef.h>
#include <string.h>

#include "util.h"

static const struct bigfont_glyph font[] = {
	{ '0', { "###", "# #", "# #", "# #", "###" } },
	{ '1', { " # ", "## ", " # ", " # ", "###" } },
	{ '2', { "###", "  #", "###", "#  ", "###" } },
	{ '3', { "###", "  #", " ##", "  #", "###" } },
	{ '4', { "# #", "# #", "###", "  #", "  #" } },
	{ '5', { "###", "#  ", "###", "  #", "###" } },
	{ '6', { "###", "#  ", "###", "# #", "###" } },
	{ '7', { "###", "  #", " # ", " # ", " # " } },
	{ '8', { "###", "# #", "###", "# #", "###" } },
	{ '9', { "###", "# #", "###", "  #", "###" } },
	{ ':', { " ", "#", " ", "#", " " } },
	{ '+', { "   ", " # ", "###", " # ", "   " } },
	{ '-', { "   ", "   ", "###", "   ", "   " } },
	{ ' ', { " ", " ", " ", " ", " " } },
};

const struct bigfont_glyph *
bigfont_glyph(char c)
{
	size_t i;

	for (i = 0; i < NELEM(font); i++)
		if (font[i].c == c)
			return &font[i];
	return NULL;
}

int
bigfont_cols(const struct bigfont_glyph *g)
{
	return (int)strlen(g->rows[0]);
}
