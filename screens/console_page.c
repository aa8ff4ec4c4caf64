/* console_page.c -- the presenter page of an agenda item and its case. */
#include "console.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "draw.h"
#include "i18n.h"
#include "listview.h"
#include "markdown.h"
#include "session.h"
#include "text.h"

#define BULLET "\xe2\x80\xa2 "		/* • */
#define QUOTE_BAR "\xe2\x94\x82 "	/* │ */

/* One laid-out row: a line of a block, or a blank row between blocks. */
struct prow {
	int block;		/* -1: blank */
	size_t off, len;	/* within the block's text */
	int first;		/* the block's first line: draw its prefix */
};

/* A block's text with its spans' ends, so a line can be drawn in styles. */
struct pblock {
	const struct md_block *md;
	char *text;
	size_t *span_end;	/* end offset of each span in text */
	char prefix[24];
	int indent;		/* columns of the prefix */
};

struct match {
	size_t block, start, end;
};

struct page {
	struct md_doc *doc;
	struct pblock *blocks;
	size_t nblocks;
	struct prow *rows;
	size_t nrows, caprows;
	struct listview lv;
	char *shown;		/* the item laid out, "" for none */
	int shown_case, width;	/* case study or page; the width used */
	int want_case;
	char *term;		/* the search */
	struct match *matches;
	size_t nmatches, capmatches;
};

static void *
page_init(struct app *a)
{
	struct page *pg = xcalloc(1, sizeof *pg);

	(void)a;
	listview_init(&pg->lv);
	pg->width = -1;
	return pg;
}

static void
clear_layout(struct page *pg)
{
	size_t i;

	for (i = 0; i < pg->nblocks; i++) {
		free(pg->blocks[i].text);
		free(pg->blocks[i].span_end);
	}
	free(pg->blocks);
	pg->blocks = NULL;
	pg->nblocks = 0;
	pg->nrows = 0;
	if (pg->doc != NULL)
		markdown_free(pg->doc);
	pg->doc = NULL;
	pg->nmatches = 0;
}

static void
page_fini(void *self)
{
	struct page *pg = self;

	clear_layout(pg);
	free(pg->rows);
	free(pg->matches);
	free(pg->shown);
	free(pg->term);
	free(pg);
}

/* --- the source: a Markdown text for the item or its case ---------------- */

static const struct agenda_item *
target_item(struct app *a)
{
	const struct session *s = app_session(a);
	const char *id = console_of(a)->page_item != NULL ?
	    console_of(a)->page_item : s->state->agenda_id;

	return id != NULL ? module_item(s->module, id) : NULL;
}

static void
append(char **buf, const char *s)
{
	char *n = xasprintf("%s%s", *buf, s);

	free(*buf);
	*buf = n;
}

/* The item's page with its title, times, activity and objectives. */
static char *
item_source(struct app *a, const struct agenda_item *it)
{
	const struct module *m = app_session(a)->module;
	char *src, *page, *line, *obj, *p, *bar;

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
	if (it->activity != NULL && *it->activity != '\0') {
		line = xasprintf("\n\n## %s\n\n> %s\n", _("Activity prompt"),
		    it->activity);
		append(&src, line);
		free(line);
	}
	if (it->objectives != NULL && *it->objectives != '\0') {
		line = xasprintf("\n\n## %s\n\n", _("Objectives"));
		append(&src, line);
		free(line);
		obj = xstrdup(it->objectives);
		for (p = obj; p != NULL; p = bar) {
			if ((bar = strchr(p, '|')) != NULL)
				*bar++ = '\0';
			while (*p == ' ')
				p++;
			line = xasprintf("- %s\n", p);
			append(&src, line);
			free(line);
		}
		free(obj);
	}
	return src;
}

static char *
case_source(struct app *a, const struct case_study *c)
{
	const struct module *m = app_session(a)->module;
	char *src, *page, *line;
	size_t i;

	/* The case's page starts with its own title, as item pages do. */
	page = c->summary_page != NULL ? content_read_page(m, c->summary_page) :
	    NULL;
	if (page != NULL)
		src = page;
	else
		src = xasprintf("# %s\n\n*%s: %s*\n", c->title,
		    _("Case study"), c->country != NULL ? c->country : "");
	if (c->nquestions > 0) {
		line = xasprintf("\n\n## %s\n\n", _("Questions for discussion"));
		append(&src, line);
		free(line);
	}
	for (i = 0; i < c->nquestions; i++) {
		line = xasprintf("%zu. %s\n", i + 1, c->questions[i]);
		append(&src, line);
		free(line);
	}
	return src;
}

/* --- layout -------------------------------------------------------------- */

static void
add_row(struct page *pg, int block, size_t off, size_t len, int first)
{
	pg->rows = xgrow(pg->rows, &pg->caprows, pg->nrows + 1,
	    sizeof *pg->rows);
	pg->rows[pg->nrows].block = block;
	pg->rows[pg->nrows].off = off;
	pg->rows[pg->nrows].len = len;
	pg->rows[pg->nrows++].first = first;
}

static void
make_block(struct pblock *b, const struct md_block *md)
{
	size_t i, n = 0;

	b->md = md;
	b->span_end = xcalloc(md->nspans + 1, sizeof *b->span_end);
	b->text = xstrdup("");
	for (i = 0; i < md->nspans; i++) {
		append(&b->text, md->spans[i].text);
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

/* The search's matches: ASCII letters compare without case. */
static void
find_matches(struct page *pg)
{
	size_t b, i, n = pg->term != NULL ? strlen(pg->term) : 0, k;
	const char *t;

	pg->nmatches = 0;
	if (n == 0)
		return;
	for (b = 0; b < pg->nblocks; b++) {
		t = pg->blocks[b].text;
		for (i = 0; t[i] != '\0'; i++) {
			for (k = 0; k < n && t[i + k] != '\0' &&
			    tolower((unsigned char)t[i + k]) ==
			    tolower((unsigned char)pg->term[k]); k++)
				;
			if (k < n)
				continue;
			pg->matches = xgrow(pg->matches, &pg->capmatches,
			    pg->nmatches + 1, sizeof *pg->matches);
			pg->matches[pg->nmatches].block = b;
			pg->matches[pg->nmatches].start = i;
			pg->matches[pg->nmatches++].end = i + n;
			i += n - 1;
		}
	}
}

static void
lay_out(struct page *pg, struct app *a, int width)
{
	const struct agenda_item *it = target_item(a);
	const struct case_study *cs = it != NULL && it->case_id != NULL ?
	    module_case(app_session(a)->module, it->case_id) : NULL;
	struct text_lines lines = { NULL, 0, 0 };
	char *src;
	size_t b, l;

	clear_layout(pg);
	free(pg->shown);
	pg->shown = xstrdup(it != NULL ? it->id : "");
	pg->shown_case = pg->want_case && cs != NULL;
	pg->width = width;
	if (it == NULL)
		src = xasprintf("# %s\n\n%s\n", _("No agenda item yet"),
		    _("The page of the current agenda item shows here: n "
		    "starts the agenda."));
	else if (pg->shown_case)
		src = case_source(a, cs);
	else
		src = item_source(a, it);
	pg->doc = markdown_parse(src, strlen(src));
	free(src);
	pg->nblocks = pg->doc->nblocks;
	pg->blocks = xcalloc(pg->nblocks + 1, sizeof *pg->blocks);
	for (b = 0; b < pg->nblocks; b++) {
		struct pblock *pb = &pg->blocks[b];

		make_block(pb, &pg->doc->blocks[b]);
		if (b > 0 && (pb->md->type == MD_HEADING ||
		    pb->md->type != pg->blocks[b - 1].md->type ||
		    pb->md->type == MD_PARAGRAPH))
			add_row(pg, -1, 0, 0, 0);
		text_wrap(pb->text, width - pb->indent > 8 ?
		    width - pb->indent : 8, &lines);
		for (l = 0; l < lines.n; l++)
			add_row(pg, (int)b, lines.v[l].offset, lines.v[l].len,
			    l == 0);
	}
	text_lines_free(&lines);
	find_matches(pg);
	listview_set_count(&pg->lv, pg->nrows);
}

/* Lays the page out again when what it shows or its width changed. */
static void
ensure_layout(struct page *pg, struct app *a, int width)
{
	const struct agenda_item *it = target_item(a);
	const char *id = it != NULL ? it->id : "";

	if (pg->shown != NULL && strcmp(pg->shown, id) == 0 &&
	    pg->width == width && pg->shown_case == (pg->want_case &&
	    it != NULL && it->case_id != NULL))
		return;
	/* Another item (the agenda moved): its page from the top.  The
	 * layout is made again on the next draw, which follows every
	 * change. */
	if (pg->shown == NULL || strcmp(pg->shown, id) != 0) {
		pg->want_case = 0;
		listview_scroll_to(&pg->lv, 0);
	}
	lay_out(pg, a, width);
}

/* --- drawing ------------------------------------------------------------- */

static attr_t
span_attr(const struct pblock *b, size_t span)
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
in_match(const struct page *pg, size_t block, size_t pos, size_t *end)
{
	size_t i;

	for (i = 0; i < pg->nmatches; i++)
		if (pg->matches[i].block == block &&
		    pos >= pg->matches[i].start && pos < pg->matches[i].end) {
			*end = pg->matches[i].end;
			return 1;
		}
	return 0;
}

/* The next position after pos where the style or the highlight changes. */
static size_t
next_cut(const struct page *pg, size_t block, size_t pos, size_t limit)
{
	const struct pblock *b = &pg->blocks[block];
	size_t i, cut = limit, end;

	for (i = 0; i < b->md->nspans; i++)
		if (b->span_end[i] > pos && b->span_end[i] < cut)
			cut = b->span_end[i];
	if (in_match(pg, block, pos, &end) && end < cut)
		cut = end;
	for (i = 0; i < pg->nmatches; i++)
		if (pg->matches[i].block == block &&
		    pg->matches[i].start > pos && pg->matches[i].start < cut)
			cut = pg->matches[i].start;
	return cut;
}

static void
draw_row(const struct page *pg, WINDOW *w, int y, int cols,
    const struct prow *r)
{
	const struct pblock *b;
	size_t pos, cut, span, end;
	int x;
	char *piece;
	attr_t at;

	if (r->block < 0)
		return;
	b = &pg->blocks[r->block];
	x = b->indent;
	if (r->first && b->indent > 0)
		draw_text(w, y, 0, cols, b->prefix, b->md->type == MD_QUOTE ?
		    draw_attr(DR_QUOTE) : A_BOLD);
	else if (b->md->type == MD_QUOTE)
		draw_text(w, y, 0, cols, QUOTE_BAR, draw_attr(DR_QUOTE));
	for (pos = r->off; pos < r->off + r->len && x < cols; pos = cut) {
		cut = next_cut(pg, (size_t)r->block, pos, r->off + r->len);
		for (span = 0; span < b->md->nspans &&
		    b->span_end[span] <= pos; span++)
			;
		at = span_attr(b, span);
		if (in_match(pg, (size_t)r->block, pos, &end))
			at = draw_attr(DR_MARK) | A_REVERSE;
		piece = text_sanitize_n(b->text + pos, cut - pos, 0);
		x += draw_text(w, y, x, cols - x, piece, at);
		free(piece);
	}
}

static void
page_resize(void *self, struct app *a, int rows, int cols)
{
	struct page *pg = self;

	(void)a;
	(void)cols;
	listview_set_height(&pg->lv, rows > 1 ? (size_t)rows - 1 : 0);
}

static void
page_draw(void *self, struct app *a, WINDOW *w)
{
	struct page *pg = self;
	const struct agenda_item *it;
	int rows, cols;
	size_t i;
	char *where;

	getmaxyx(w, rows, cols);
	ensure_layout(pg, a, cols - 1);
	it = target_item(a);
	where = xasprintf("%s%s", pg->shown_case ? _("Case study") :
	    _("Page"), console_of(a)->page_item != NULL ?
	    _(" (preview: Esc goes back)") : "");
	draw_text(w, 0, 0, cols / 2, where, draw_attr(DR_DIM));
	free(where);
	where = xasprintf("%s%s  %zu\xe2\x80\x93%zu / %zu",
	    it != NULL && it->case_id != NULL && !pg->shown_case ?
	    _("c: case study  ") : "", pg->term != NULL ? _("n N: matches  ") :
	    "", pg->nrows > 0 ? pg->lv.top + 1 : 0,
	    pg->lv.top + listview_visible(&pg->lv), pg->nrows);
	draw_text_right(w, 0, cols / 2, cols - cols / 2, where,
	    draw_attr(DR_DIM));
	free(where);
	for (i = 0; i < listview_visible(&pg->lv) && (int)i + 1 < rows; i++)
		draw_row(pg, w, (int)i + 1, cols - 1, &pg->rows[pg->lv.top + i]);
}

/* --- keys ---------------------------------------------------------------- */

static int
scroll_by(struct page *pg, long delta)
{
	listview_scroll(&pg->lv, delta);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_down(void *self, struct app *a)
{
	(void)a;
	return scroll_by(self, 1);
}

static int
key_up(void *self, struct app *a)
{
	(void)a;
	return scroll_by(self, -1);
}

static int
key_pgdn(void *self, struct app *a)
{
	struct page *pg = self;

	(void)a;
	return scroll_by(pg, pg->lv.height > 1 ? (long)pg->lv.height - 1 : 1);
}

static int
key_pgup(void *self, struct app *a)
{
	struct page *pg = self;

	(void)a;
	return scroll_by(pg, -(pg->lv.height > 1 ? (long)pg->lv.height - 1 : 1));
}

static int
key_home(void *self, struct app *a)
{
	struct page *pg = self;

	(void)a;
	listview_scroll_to(&pg->lv, 0);
	return REQ_HANDLED | REQ_REDRAW;
}

static int
key_end(void *self, struct app *a)
{
	struct page *pg = self;

	(void)a;
	listview_scroll_to(&pg->lv, pg->nrows);
	return REQ_HANDLED | REQ_REDRAW;
}

/* The row where a match starts: the last line of its block that begins
 * at or before it. */
static size_t
row_of_match(const struct page *pg, const struct match *m)
{
	size_t r, found = 0;

	for (r = 0; r < pg->nrows; r++)
		if (pg->rows[r].block == (int)m->block &&
		    pg->rows[r].off <= m->start)
			found = r;
	return found;
}

/* Scrolls to the first match below (dir 1) or above (dir -1) the top row;
 * matches are shown two rows below the top, so the eye finds them. */
static int
jump(struct page *pg, struct app *a, int dir)
{
	size_t i, row, best = (size_t)-1;
	size_t here = pg->lv.top + 2;

	if (pg->term == NULL || pg->nmatches == 0) {
		app_message(a, "%s", pg->term == NULL ? _("/ searches the "
		    "page") : _("not found"));
		return REQ_HANDLED;
	}
	for (i = 0; i < pg->nmatches; i++) {
		row = row_of_match(pg, &pg->matches[i]);
		if (dir > 0 && row > here && (best == (size_t)-1 || row < best))
			best = row;
		if (dir < 0 && row < here && (best == (size_t)-1 || row > best))
			best = row;
	}
	if (best == (size_t)-1) {
		app_message(a, "%s", dir > 0 ? _("no more matches below") :
		    _("no more matches above"));
		return REQ_HANDLED;
	}
	listview_scroll_to(&pg->lv, best >= 2 ? best - 2 : 0);
	return REQ_HANDLED | REQ_REDRAW;
}

static void
search_done(void *self, struct app *a, const char *text)
{
	struct page *pg = self;

	if (text == NULL || *text == '\0')
		return;
	free(pg->term);
	pg->term = xstrdup(text);
	find_matches(pg);
	if (pg->nmatches == 0) {
		app_message(a, _("'%s' is not on this page"), text);
		return;
	}
	app_message(a, _("%zu matches: n next, N previous, Esc ends the "
	    "search"), pg->nmatches);
	listview_scroll_to(&pg->lv, 0);
	if (row_of_match(pg, &pg->matches[0]) > 2)
		jump(pg, a, 1);
}

static int
key_search(void *self, struct app *a)
{
	struct page *pg = self;

	app_prompt(a, _("Search:"), pg->term, search_done, pg);
	return REQ_HANDLED;
}

static int
key_next_match(void *self, struct app *a)
{
	return jump(self, a, 1);
}

static int
key_prev_match(void *self, struct app *a)
{
	return jump(self, a, -1);
}

/* A search is active while its term has matches on the page shown. */
static int
searching(const struct page *pg)
{
	return pg->term != NULL && pg->nmatches > 0;
}

/* n and N: the next and previous match while a search is active (as in
 * less and vim, which is what a presenter's fingers expect); otherwise n
 * is the console's next agenda item, which asks first. */
static int
key_n(void *self, struct app *a)
{
	return searching(self) ? jump(self, a, 1) : REQ_NONE;
}

static int
key_N(void *self, struct app *a)
{
	return searching(self) ? jump(self, a, -1) : REQ_NONE;
}

static int
key_case(void *self, struct app *a)
{
	struct page *pg = self;
	const struct agenda_item *it = target_item(a);

	if (it == NULL || it->case_id == NULL || *it->case_id == '\0' ||
	    module_case(app_session(a)->module, it->case_id) == NULL) {
		app_message(a, "%s", _("this item has no case study"));
		return REQ_HANDLED;
	}
	pg->want_case = !pg->want_case;
	listview_scroll_to(&pg->lv, 0);
	pg->width = -1;		/* lay out again */
	return REQ_HANDLED | REQ_REDRAW;
}

/* Esc ends an active search first (its highlights go), then leaves a
 * preview. */
static int
key_back(void *self, struct app *a)
{
	struct page *pg = self;
	struct console *c = console_of(a);

	if (pg->term != NULL) {
		free(pg->term);
		pg->term = NULL;
		find_matches(pg);
		app_message(a, "%s", _("search ended"));
		return REQ_HANDLED | REQ_REDRAW;
	}
	if (c->page_item == NULL)
		return REQ_HANDLED;
	free(c->page_item);
	c->page_item = NULL;
	app_show(a, &console_agenda);
	return REQ_HANDLED;
}

static const struct binding page_keys[] = {
	{ 'j', "j k Down Up", N_("scroll a line"), key_down },
	{ KEYCODE(KEY_DOWN), NULL, NULL, key_down },
	{ 'k', NULL, NULL, key_up },
	{ KEYCODE(KEY_UP), NULL, NULL, key_up },
	{ ' ', "Space PgDn PgUp", N_("scroll a page"), key_pgdn },
	{ KEYCODE(KEY_NPAGE), NULL, NULL, key_pgdn },
	{ KEYCODE(KEY_PPAGE), NULL, NULL, key_pgup },
	{ 'g', "g G Home End", N_("top / bottom of the page"), key_home },
	{ 'G', NULL, NULL, key_end },
	{ KEYCODE(KEY_HOME), NULL, NULL, key_home },
	{ KEYCODE(KEY_END), NULL, NULL, key_end },
	{ '/', "/", N_("search the page"), key_search },
	{ 'n', "n N", N_("while searching: next / previous match (else n is "
	    "the next agenda item)"), key_n },
	{ 'N', NULL, NULL, key_N },
	{ ']', "] [", N_("next / previous match"), key_next_match },
	{ '[', NULL, NULL, key_prev_match },
	{ 'c', "c", N_("the case study / the session's page"), key_case },
	{ 27, "Esc", N_("end the search; back to the agenda (from a "
	    "preview)"), key_back },
	{ 0, NULL, NULL, NULL }
};

const struct screen_ops console_page = {
	.name = N_("Page"),
	.keys = page_keys,
	.init = page_init,
	.fini = page_fini,
	.resize = page_resize,
	.draw = page_draw,
};
