/*
 * page.c -- a content page's source, blocks and rows (page.h).  The layout
 * moved here from the console's Page screen, unchanged, so that the
 * projector and the participants lay pages out exactly as it does.
 */
#include "page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "content.h"
#include "i18n.h"
#include "markdown.h"
#include "search.h"
#include "text.h"
#include "util.h"

#define BULLET "\xe2\x80\xa2 "		/* • */
#define QUOTE_BAR "\xe2\x94\x82 "	/* │ */
#define TEXT_MIN_WIDTH 8

/* --- the source ---------------------------------------------------------- */

const struct case_study *
page_case(const struct module *m, const struct agenda_item *it)
{
	if (it == NULL || it->case_id == NULL || *it->case_id == '\0')
		return NULL;
	return module_case(m, it->case_id);
}

static void
append(char **buf, const char *s)
{
	char *n = xasprintf("%s%s", *buf, s);

	free(*buf);
	*buf = n;
}

/* Takes ownership of line. */
static void
append_free(char **buf, char *line)
{
	append(buf, line);
	free(line);
}

static void
append_objectives(char **src, const char *objectives)
{
	char *obj, *p, *bar;

	append_free(src, xasprintf("\n\n## %s\n\n", _("Objectives")));
	obj = xstrdup(objectives);
	for (p = obj; p != NULL; p = bar) {
		if ((bar = strchr(p, '|')) != NULL)
			*bar++ = '\0';
		while (*p == ' ')
			p++;
		append_free(src, xasprintf("- %s\n", p));
	}
	free(obj);
}

/* The item's page with its title, times, activity and objectives. */
static char *
item_source(const struct module *m, const struct agenda_item *it)
{
	char *src, *page;

	/* A page starts with its own title; without one, say which item
	 * this is. */
	page = it->page != NULL ? content_read_page(m, it->page) : NULL;
	if (page != NULL)
		src = page;
	else
		src = xasprintf("# %s\n\n*%02d:%02d, %d %s, %s%s%s*\n\n%s",
		    it->title, it->start_min / 60, it->start_min % 60,
		    it->minutes, _("minutes"), session_kind_name(it->kind),
		    it->speaker != NULL && *it->speaker != '\0' ? ". " : "",
		    it->speaker != NULL ? it->speaker : "",
		    _("(This item has no page.)"));
	if (it->activity != NULL && *it->activity != '\0')
		append_free(&src, xasprintf("\n\n## %s\n\n> %s\n",
		    _("Activity prompt"), it->activity));
	if (it->objectives != NULL && *it->objectives != '\0')
		append_objectives(&src, it->objectives);
	return src;
}

static char *
case_source(const struct module *m, const struct case_study *c)
{
	char *src, *page;
	size_t i;

	/* The case's page starts with its own title, as item pages do. */
	page = c->summary_page != NULL ? content_read_page(m, c->summary_page) :
	    NULL;
	if (page != NULL)
		src = page;
	else
		src = xasprintf("# %s\n\n*%s: %s*\n", c->title,
		    _("Case study"), c->country != NULL ? c->country : "");
	if (c->nquestions > 0)
		append_free(&src, xasprintf("\n\n## %s\n\n",
		    _("Questions for discussion")));
	for (i = 0; i < c->nquestions; i++)
		append_free(&src, xasprintf("%zu. %s\n", i + 1,
		    c->questions[i]));
	return src;
}

char *
page_source(const struct module *m, const struct agenda_item *it,
    int is_case)
{
	const struct case_study *cs = is_case ? page_case(m, it) : NULL;

	return cs != NULL ? case_source(m, cs) : item_source(m, it);
}

/* --- blocks and rows ----------------------------------------------------- */

static void
make_block(struct page_block *b, const struct md_block *md)
{
	size_t i, n = 0;

	b->md = md;
	b->span_end = xcalloc(md->nspans + 1, sizeof *b->span_end);
	b->text = markdown_block_text(md);
	for (i = 0; i < md->nspans; i++) {
		n += strlen(md->spans[i].text);
		b->span_end[i] = n;
	}
	switch (md->type) {
	case MD_BULLET:
		snprintf(b->prefix, sizeof b->prefix, "%s", BULLET);
		break;
	case MD_NUMBERED:
		snprintf(b->prefix, sizeof b->prefix, "%ld. ", md->number);
		break;
	case MD_QUOTE:
		snprintf(b->prefix, sizeof b->prefix, "%s", QUOTE_BAR);
		break;
	default:
		b->prefix[0] = '\0';
		break;
	}
	b->indent = text_width(b->prefix);
}

/* The heading that starts the facilitator's notes (convene-content(5)). */
#define NOTES_HEADING "Facilitator notes"

/* Marks the notes' blocks: from a notes heading to the next heading of its
 * level or above. */
static void
mark_notes(struct page_doc *pd)
{
	int level = 0;		/* the open notes heading's, 0: none */
	size_t b;

	for (b = 0; b < pd->nblocks; b++) {
		struct page_block *pb = &pd->blocks[b];

		if (pb->md->type == MD_HEADING) {
			if (level > 0 && pb->md->level <= level)
				level = 0;
			if (level == 0 && strcasecmp(pb->text,
			    NOTES_HEADING) == 0)
				level = pb->md->level;
		}
		pb->notes = level > 0;
	}
}

struct page_doc *
page_doc_new(const char *src)
{
	struct page_doc *pd = xcalloc(1, sizeof *pd);
	size_t b;

	pd->md = markdown_parse(src, strlen(src));
	pd->nblocks = pd->md->nblocks;
	pd->blocks = xcalloc(pd->nblocks + 1, sizeof *pd->blocks);
	for (b = 0; b < pd->nblocks; b++)
		make_block(&pd->blocks[b], &pd->md->blocks[b]);
	mark_notes(pd);
	pd->width = -1;
	return pd;
}

void
page_doc_hide_notes(struct page_doc *pd)
{
	pd->hide_notes = 1;
	pd->width = -1;
}

/* The block shown in this layout, or not (the notes, hidden). */
static int
block_shown(const struct page_doc *pd, size_t b)
{
	return !(pd->hide_notes && pd->blocks[b].notes);
}

void
page_doc_free(struct page_doc *pd)
{
	size_t i;

	if (pd == NULL)
		return;
	for (i = 0; i < pd->nblocks; i++) {
		free(pd->blocks[i].text);
		free(pd->blocks[i].span_end);
	}
	free(pd->blocks);
	free(pd->rows);
	markdown_free(pd->md);
	free(pd);
}

static void
add_row(struct page_doc *pd, int block, size_t off, size_t len, int first)
{
	struct page_row *r;

	pd->rows = xgrow(pd->rows, &pd->caprows, pd->nrows + 1,
	    sizeof *pd->rows);
	r = &pd->rows[pd->nrows++];
	r->block = block;
	r->off = off;
	r->len = len;
	r->first = first;
}

void
page_doc_lay_out(struct page_doc *pd, int width)
{
	struct text_lines lines = { NULL, 0, 0 };
	size_t b, l, prev = (size_t)-1;	/* the last block laid out */
	int w;

	pd->nrows = 0;
	pd->width = width;
	for (b = 0; b < pd->nblocks; b++) {
		const struct page_block *pb = &pd->blocks[b];
		enum md_block_type t = pb->md->type;

		if (!block_shown(pd, b))
			continue;
		if (prev != (size_t)-1 && (t == MD_HEADING ||
		    t == MD_PARAGRAPH || t != pd->blocks[prev].md->type))
			add_row(pd, -1, 0, 0, 0);
		prev = b;
		w = width - pb->indent > TEXT_MIN_WIDTH ? width - pb->indent :
		    TEXT_MIN_WIDTH;
		text_wrap(pb->text, w, &lines);
		for (l = 0; l < lines.n; l++)
			add_row(pd, (int)b, lines.v[l].offset, lines.v[l].len,
			    l == 0);
	}
	text_lines_free(&lines);
}

size_t
page_doc_row_of(const struct page_doc *pd, long block, long offset)
{
	size_t r, found = 0;

	for (r = 0; r < pd->nrows; r++) {
		const struct page_row *row = &pd->rows[r];

		if (row->block < 0) {
			/* the gap above the block named: offset -1 */
			if (offset < 0 && r + 1 < pd->nrows &&
			    pd->rows[r + 1].block == block)
				return r;
			continue;
		}
		if (row->block > block)
			break;
		found = r;
		if (row->block == block &&
		    (size_t)(offset > 0 ? offset : 0) < row->off + row->len)
			break;
	}
	return found;
}

void
page_doc_place_of(const struct page_doc *pd, size_t row, long *block,
    long *offset)
{
	size_t r;

	*block = 0;
	*offset = 0;
	for (r = row; r < pd->nrows; r++)
		if (pd->rows[r].block >= 0) {
			*block = pd->rows[r].block;
			*offset = r == row ? (long)pd->rows[r].off :
			    r == row + 1 ? -1 : 0;
			return;
		}
	/* nothing below: the last block */
	if (pd->nblocks > 0)
		*block = (long)pd->nblocks - 1;
}

void
page_doc_find(const struct page_doc *pd, const char *term,
    struct page_match **out, size_t *n, size_t *cap)
{
	struct search *q = search_new(term);
	size_t b, from, start, end;

	*n = 0;
	for (b = 0; b < pd->nblocks && !search_empty(q); b++)
		for (from = 0; block_shown(pd, b) &&
		    search_next(q, pd->blocks[b].text, from, &start,
		    &end); from = end) {
			*out = xgrow(*out, cap, *n + 1, sizeof **out);
			(*out)[*n].block = b;
			(*out)[*n].start = start;
			(*out)[(*n)++].end = end;
		}
	search_free(q);
}
