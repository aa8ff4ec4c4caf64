/*
 * pageplaces.c -- the places in the module's pages that `make bench`
 * presents to measure page_turn_bytes and scroll_line_bytes.
 *
 *   pageplaces MODULE_DIR WIDTH PAGE_ROWS
 *
 * For each agenda item with a page of its own, lays the page out as a
 * participant terminal does at WIDTH columns (page.h) and prints
 *
 *   ITEM <TAB> TURN <TAB> LINE
 *
 * TURN: the place (BLOCK:OFFSET, as `convene present --at` takes it) of
 * the row a page turn of PAGE_ROWS rows puts at the top; LINE: the place
 * one row below that (the next row that is a line of text: a presenter's
 * one-line scroll onto a blank row names the block after it).  Pages too
 * short for a turn and a line are left out.
 */
#include <stdio.h>
#include <stdlib.h>

#include "content.h"
#include "page.h"

/* The row at or after r that the place of which puts back at r. */
static size_t
exact_row(const struct page_doc *pd, size_t r)
{
	long b, off;

	for (; r < pd->nrows; r++) {
		page_doc_place_of(pd, r, &b, &off);
		if (page_doc_row_of(pd, b, off) == r)
			return r;
	}
	return (size_t)-1;
}

int
main(int argc, char **argv)
{
	struct module *m;
	char *err = NULL, *src;
	struct page_doc *pd;
	size_t i, turn, line;
	long b1, o1, b2, o2;
	int width, rows;

	if (argc != 4) {
		fputs("usage: pageplaces MODULE_DIR WIDTH PAGE_ROWS\n", stderr);
		return 2;
	}
	width = atoi(argv[2]);
	rows = atoi(argv[3]);
	if ((m = content_load(argv[1], &err)) == NULL) {
		fprintf(stderr, "pageplaces: %s\n", err);
		free(err);
		return 3;
	}
	for (i = 0; i < m->nitems; i++) {
		if (m->items[i].page == NULL)
			continue;
		src = page_source(m, &m->items[i], 0);
		pd = page_doc_new(src);
		free(src);
		page_doc_lay_out(pd, width);
		turn = exact_row(pd, (size_t)rows);
		line = turn != (size_t)-1 ? exact_row(pd, turn + 1) :
		    (size_t)-1;
		/* both places must leave a screenful below them */
		if (line != (size_t)-1 && line + (size_t)rows <= pd->nrows) {
			page_doc_place_of(pd, turn, &b1, &o1);
			page_doc_place_of(pd, line, &b2, &o2);
			printf("%s\t%ld:%ld\t%ld:%ld\n", m->items[i].id, b1, o1,
			    b2, o2);
		}
		page_doc_free(pd);
	}
	module_free(m);
	return 0;
}
