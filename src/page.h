/*
 * page.h -- a content page (an agenda item's or its case study's) as every
 * screen shows it: the Markdown source convene builds for it, its blocks,
 * and its rows wrapped to a width.
 *
 * The facilitator's Page screen, the projector and the participants' Page
 * screen lay out the same source with the same rules, so that a place in
 * the page named by a block and a byte offset (a `present` record, state.h
 * struct presenting) is the same place on every terminal, whatever its
 * width.  UI-free: screens/pageview.h draws the rows.
 */
#ifndef CONVENE_PAGE_H
#define CONVENE_PAGE_H

#include <stddef.h>

struct agenda_item;
struct case_study;
struct md_block;
struct md_doc;
struct module;

/* A block's text, its spans' ends (so a line is drawn in its styles), and
 * the prefix drawn before its first line ("• ", "3. ", "│ "). */
struct page_block {
	const struct md_block *md;
	char *text;		/* the spans joined, styles removed */
	size_t *span_end;	/* end offset in text of each span */
	char prefix[24];
	int indent;		/* columns of the prefix */
	int notes;		/* under a "Facilitator notes" heading */
};

/* One row laid out: a line of a block, or a blank row between blocks. */
struct page_row {
	int block;		/* -1: blank */
	size_t off, len;	/* the line within the block's text */
	int first;		/* the block's first line: its prefix is drawn */
};

/* A found piece of text (a search's match), for highlighting. */
struct page_match {
	size_t block, start, end;
};

struct page_doc {
	struct md_doc *md;
	struct page_block *blocks;
	size_t nblocks;
	struct page_row *rows;	/* page_doc_lay_out's */
	size_t nrows, caprows;
	int width;		/* the width laid out to, -1 none yet */
	int hide_notes;		/* lay out and search without the notes */
};

/* The case study an item refers to that the module has, else NULL. */
const struct case_study *page_case(const struct module *m,
    const struct agenda_item *it);

/* The Markdown source of an item's page (is_case 0): its page file (or a
 * title, times and kind when it has none), then its activity prompt and
 * its objectives; of its case study (is_case 1, page_case not NULL): the
 * case's page (or title and country) and its questions.  Caller frees. */
char *page_source(const struct module *m, const struct agenda_item *it,
    int is_case);

/* Parses src into blocks (nothing laid out yet).  Never NULL; free with
 * page_doc_free.  A heading whose text is "Facilitator notes" (any case)
 * starts the facilitator's notes: it and every block up to the next
 * heading of its level or above are marked `notes`. */
struct page_doc *page_doc_new(const char *src);
/* From now on, lays out and searches the page without its notes, as the
 * participants and the projector see it.  Blocks keep their numbers, so a
 * presented place means the same block on every terminal; a place inside
 * the notes shows the row above them. */
void page_doc_hide_notes(struct page_doc *pd);
void page_doc_free(struct page_doc *pd);

/* Wraps the blocks to `width` columns (prefixes included; at least 8 for
 * the text), a blank row before a heading, a paragraph, and between blocks
 * of different kinds, as the console always laid pages out. */
void page_doc_lay_out(struct page_doc *pd, int width);

/* The row that holds byte `offset` of block `block` (the row a presented
 * place puts at the top); offset -1: the blank row above the block (its
 * first row when it has none); past the end: the last row; 0 for an empty
 * page. */
size_t page_doc_row_of(const struct page_doc *pd, long block, long offset);
/* The place of row `row` (a blank row: the block after it, offset -1). */
void page_doc_place_of(const struct page_doc *pd, size_t row, long *block,
    long *offset);

/* The matches of `term` in the blocks' texts, found as search.h finds
 * them (at word starts, case and Latin, Cyrillic and Greek accents
 * ignored), into *out (grown; *n set, *cap its capacity). */
void page_doc_find(const struct page_doc *pd, const char *term,
    struct page_match **out, size_t *n, size_t *cap);

#endif
