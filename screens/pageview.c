/* pageview.c -- drawing a laid-out content page (pageview.h). */
#include "pageview.h"

#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "util.h"

#include "draw.h"
#include "markdown.h"
#include "text.h"

#define QUOTE_BAR "\xe2\x94\x82 "	/* │ */

static attr_t
span_attr(const struct page_block *b, size_t span)
{
	attr_t at = A_NORMAL;
	int style = span < b->md->nspans ? b->md->spans[span].style : 0;

	if (b->md->type == MD_HEADING)
		at = draw_attr(DR_HEADING);
	else if (b->md->type == MD_QUOTE)
		at = draw_attr(DR_QUOTE);
	if (style & MD_EMPH)
		at |= draw_attr(DR_EMPH);
	if (style & MD_STRONG)
		at |= draw_attr(DR_STRONG);
	return at;
}

static int
in_match(const struct page_match *m, size_t n, size_t block, size_t pos,
    size_t *end)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (m[i].block == block && pos >= m[i].start &&
		    pos < m[i].end) {
			*end = m[i].end;
			return 1;
		}
	return 0;
}

/* The next position after pos where the style or the highlight changes. */
static size_t
next_cut(const struct page_block *b, const struct page_match *m, size_t n,
    size_t block, size_t pos, size_t limit)
{
	size_t i, cut = limit, end;

	for (i = 0; i < b->md->nspans; i++)
		if (b->span_end[i] > pos && b->span_end[i] < cut)
			cut = b->span_end[i];
	if (in_match(m, n, block, pos, &end) && end < cut)
		cut = end;
	for (i = 0; i < n; i++)
		if (m[i].block == block && m[i].start > pos &&
		    m[i].start < cut)
			cut = m[i].start;
	return cut;
}

void
pageview_draw_row(WINDOW *w, int y, int x0, int cols,
    const struct page_doc *pd, size_t row, const struct page_match *m,
    size_t n)
{
	const struct page_row *r;
	const struct page_block *b;
	size_t pos, cut, span, end, blk;
	int x;
	char *piece;
	attr_t at;

	if (row >= pd->nrows || (r = &pd->rows[row])->block < 0)
		return;
	blk = (size_t)r->block;
	b = &pd->blocks[blk];
	x = b->indent;
	if (r->first && b->indent > 0)
		draw_text(w, y, x0, cols, b->prefix, b->md->type == MD_QUOTE ?
		    draw_attr(DR_QUOTE) : A_BOLD);
	else if (b->md->type == MD_QUOTE)
		draw_text(w, y, x0, cols, QUOTE_BAR, draw_attr(DR_QUOTE));
	for (pos = r->off; pos < r->off + r->len && x < cols; pos = cut) {
		cut = next_cut(b, m, n, blk, pos, r->off + r->len);
		for (span = 0; span < b->md->nspans &&
		    b->span_end[span] <= pos; span++)
			;
		at = span_attr(b, span);
		if (in_match(m, n, blk, pos, &end))
			at = draw_attr(DR_MARK) | A_REVERSE;
		piece = text_sanitize_n(b->text + pos, cut - pos, 0);
		x += draw_text(w, y, x0 + x, cols - x, piece, at);
		free(piece);
	}
}

int
pageview_draw(WINDOW *w, int y, int x, int rows, int cols,
    const struct page_doc *pd, size_t top, const struct page_match *m,
    size_t n)
{
	int i;

	for (i = 0; i < rows && top + (size_t)i < pd->nrows; i++)
		pageview_draw_row(w, y + i, x, cols, pd, top + (size_t)i, m,
		    n);
	return i;
}

const struct page_doc *
pageview_get(struct pageview *v, const struct module *m,
    const struct agenda_item *it, int is_case, int width)
{
	char *src;

	is_case = is_case && page_case(m, it) != NULL;
	if (v->pd != NULL && v->item != NULL && strcmp(v->item, it->id) == 0 &&
	    v->is_case == is_case && v->width == width)
		return v->pd;
	if (v->pd == NULL || v->item == NULL || strcmp(v->item, it->id) != 0 ||
	    v->is_case != is_case) {
		pageview_clear(v);
		src = page_source(m, it, is_case);
		v->pd = page_doc_new(src);
		/* participants and the projector: never the facilitator's notes */
		page_doc_hide_notes(v->pd);
		free(src);
		v->item = xstrdup(it->id);
		v->is_case = is_case;
	}
	page_doc_lay_out(v->pd, width);
	v->width = width;
	return v->pd;
}

void
pageview_clear(struct pageview *v)
{
	page_doc_free(v->pd);
	free(v->item);
	v->pd = NULL;
	v->item = NULL;
	v->width = -1;
}
