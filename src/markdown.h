/*
 * markdown.h -- the Markdown subset of content pages, parsed into blocks.
 *
 * The subset (man/convene-content.5):
 *   "# ", "## ", "### "   headings of level 1, 2, 3
 *   "- " or "* "          a bullet item
 *   "1. " (any number)    a numbered item
 *   "> "                  a quote; "> " lines in a row are one quote, and
 *                         ">" alone ends it (the next "> " starts another)
 *   anything else         paragraph text
 * Blocks are separated by blank lines; a line that starts no block of its
 * own continues the block above it (a paragraph, an item or a quote), joined
 * with one space.  Inside a block, *emphasis* and **strong** (and the two
 * together) are inline styles; a backslash before * or \ makes it literal.
 * A marker that does not open or close (a lone "*", "2 * 3") is text.
 *
 * Nothing else of Markdown is special: links, code and tables are shown as
 * they are written.  The parser works on bytes, never fails and never
 * validates UTF-8 (check.c does that); screens sanitise what they draw.
 * It is UI-free: screens lay the blocks out.
 */
#ifndef CONVENE_MARKDOWN_H
#define CONVENE_MARKDOWN_H

#include <stddef.h>

enum md_block_type {
	MD_HEADING,		/* level 1..3 */
	MD_PARAGRAPH,
	MD_BULLET,
	MD_NUMBERED,		/* number: as written */
	MD_QUOTE
};

/* Inline styles, a bit set: a span may be both. */
enum { MD_PLAIN = 0, MD_EMPH = 1, MD_STRONG = 2 };

struct md_span {
	int style;		/* MD_PLAIN or MD_EMPH | MD_STRONG bits */
	char *text;		/* markers and escapes removed; never empty */
};

struct md_block {
	enum md_block_type type;
	int level;		/* MD_HEADING: 1..3; otherwise 0 */
	long number;		/* MD_NUMBERED: the item's number */
	struct md_span *spans;	/* in order; adjacent spans differ in style */
	size_t nspans;
};

struct md_doc {
	struct md_block *blocks;
	size_t nblocks;
};

/* Parses buf[0..len) (NUL bytes end a line's text).  Never NULL; free with
 * markdown_free(). */
struct md_doc *markdown_parse(const char *buf, size_t len);
void markdown_free(struct md_doc *doc);

/* A block's text without styles, spans joined; caller frees. */
char *markdown_block_text(const struct md_block *b);

#endif
