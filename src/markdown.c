/* markdown.c -- the page subset of Markdown: lines to blocks, blocks to
 * styled spans.  See markdown.h for the rules. */
#include "markdown.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/*
 * Inline styles.  The block's text is cut into pieces: plain text and runs
 * of '*'.  A run of 1, 2 or 3 stars stands for emphasis, strong or both; it
 * may open when followed by a non-space and close when preceded by one.
 * Runs are matched left to right; an opener never closed is text after all.
 */
enum role { ROLE_TEXT, ROLE_OPEN, ROLE_CLOSE };

struct piece {
	size_t off, len;	/* into the unescaped text */
	int run;		/* 1: a run of stars */
	int bits, can_open, can_close;
	enum role role;
};

struct inline_parse {
	struct strbuf text;	/* unescaped bytes of every piece */
	struct piece *v;
	size_t n, cap;
};

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\0';
}

static void
add_piece(struct inline_parse *ip, const char *s, size_t len, int run)
{
	struct piece *p;

	if (!run && ip->n > 0 && !ip->v[ip->n - 1].run) {
		/* Extend the text piece before. */
		strbuf_add(&ip->text, s, len);
		ip->v[ip->n - 1].len += len;
		return;
	}
	ip->v = xgrow(ip->v, &ip->cap, ip->n + 1, sizeof *ip->v);
	p = &ip->v[ip->n++];
	memset(p, 0, sizeof *p);
	p->off = ip->text.n;
	p->len = len;
	p->run = run;
	strbuf_add(&ip->text, s, len);
}

static void
cut_pieces(struct inline_parse *ip, const char *s, size_t len)
{
	size_t i = 0, j;
	struct piece *p;

	while (i < len) {
		if (s[i] == '\\' && i + 1 < len && (s[i + 1] == '*' ||
		    s[i + 1] == '\\')) {
			add_piece(ip, s + i + 1, 1, 0);
			i += 2;
			continue;
		}
		if (s[i] != '*') {
			for (j = i; j < len && s[j] != '*' && s[j] != '\\'; j++)
				;
			if (j == i)
				j++;
			add_piece(ip, s + i, j - i, 0);
			i = j;
			continue;
		}
		for (j = i; j < len && s[j] == '*'; j++)
			;
		add_piece(ip, s + i, j - i, 1);
		p = &ip->v[ip->n - 1];
		p->bits = j - i == 1 ? MD_EMPH : j - i == 2 ? MD_STRONG :
		    j - i == 3 ? MD_EMPH | MD_STRONG : 0;
		p->can_open = j < len && !is_space(s[j]);
		p->can_close = i > 0 && !is_space(s[i - 1]);
		i = j;
	}
}

/* Gives each run its role.  A closer must be a run of as many stars as its
 * opener ("*a*", "**a**", "***a***"); anything else stays text. */
static void
match_runs(struct inline_parse *ip)
{
	size_t opener[3] = { 0, 0, 0 };	/* piece index + 1 per bit set */
	int open = 0;
	size_t i;

	for (i = 0; i < ip->n; i++) {
		struct piece *p = &ip->v[i];

		if (!p->run || p->bits == 0)
			continue;
		if ((open & p->bits) == p->bits && p->can_close &&
		    opener[p->bits - 1] != 0) {
			p->role = ROLE_CLOSE;
			ip->v[opener[p->bits - 1] - 1].role = ROLE_OPEN;
			open &= ~p->bits;
			opener[p->bits - 1] = 0;
		} else if ((open & p->bits) == 0 && p->can_open) {
			open |= p->bits;
			opener[p->bits - 1] = i + 1;
		}
	}
	/* Openers without a closer stay ROLE_TEXT (never promoted). */
}

static void
emit_span(struct md_block *b, size_t *cap, int style, const char *s,
    size_t len)
{
	struct md_span *last;
	char *joined;

	if (len == 0)
		return;
	last = b->nspans > 0 ? &b->spans[b->nspans - 1] : NULL;
	if (last != NULL && last->style == style) {
		size_t old = strlen(last->text);

		joined = xmalloc(old + len + 1);
		memcpy(joined, last->text, old);
		memcpy(joined + old, s, len);
		joined[old + len] = '\0';
		free(last->text);
		last->text = joined;
		return;
	}
	b->spans = xgrow(b->spans, cap, b->nspans + 1, sizeof *b->spans);
	b->spans[b->nspans].style = style;
	b->spans[b->nspans].text = xstrndup(s, len);
	b->nspans++;
}

static void
parse_inline(struct md_block *b, const char *s, size_t len)
{
	struct inline_parse ip = { { NULL, 0, 0 }, NULL, 0, 0 };
	size_t i, cap = 0;
	int style = MD_PLAIN;

	cut_pieces(&ip, s, len);
	match_runs(&ip);
	for (i = 0; i < ip.n; i++) {
		const struct piece *p = &ip.v[i];

		if (p->role == ROLE_OPEN)
			style |= p->bits;
		else if (p->role == ROLE_CLOSE)
			style &= ~p->bits;
		else
			emit_span(b, &cap, style, ip.text.p + p->off, p->len);
	}
	free(ip.text.p);
	free(ip.v);
}

/*
 * Blocks.  Each line is trimmed; its start says whether it opens a block.
 */
struct line {
	const char *s;		/* after the marker, leading blanks skipped */
	size_t len;
	enum md_block_type type;
	int opens;		/* 1: starts a block of its own */
	int level;
	long number;
	int quote_blank;	/* a ">" line with nothing after it */
};

static size_t
skip_blanks(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

static int
classify_heading(const char *s, size_t len, struct line *l)
{
	size_t n = 0;

	while (n < len && s[n] == '#')
		n++;
	if (n < 1 || n > 3 || n >= len || (s[n] != ' ' && s[n] != '\t'))
		return 0;
	l->type = MD_HEADING;
	l->level = (int)n;
	l->s = s + skip_blanks(s, len, n);
	return 1;
}

static int
classify_item(const char *s, size_t len, struct line *l)
{
	size_t n = 0;

	if (len >= 2 && (s[0] == '-' || s[0] == '*') && (s[1] == ' ' ||
	    s[1] == '\t')) {
		l->type = MD_BULLET;
		l->s = s + skip_blanks(s, len, 1);
		return 1;
	}
	while (n < len && n < 10 && s[n] >= '0' && s[n] <= '9')
		n++;
	if (n == 0 || n > 9 || n + 1 >= len || s[n] != '.' ||
	    (s[n + 1] != ' ' && s[n + 1] != '\t'))
		return 0;
	l->type = MD_NUMBERED;
	l->number = strtol(s, NULL, 10);
	l->s = s + skip_blanks(s, len, n + 1);
	return 1;
}

/* s[0..len) is a line without its end and without leading blanks. */
static void
classify(const char *s, size_t len, struct line *l)
{
	memset(l, 0, sizeof *l);
	l->opens = 1;
	if (classify_heading(s, len, l) || classify_item(s, len, l)) {
		/* marker consumed */
	} else if (len >= 1 && s[0] == '>') {
		l->type = MD_QUOTE;
		l->s = s + skip_blanks(s, len, 1);
		l->quote_blank = l->s == s + len;
	} else {
		l->type = MD_PARAGRAPH;
		l->opens = 0;
		l->s = s;
	}
	l->len = (size_t)(s + len - l->s);
}

struct builder {
	struct md_doc *doc;
	size_t cap;
	struct strbuf text;	/* the open block's raw text */
	int open;		/* a block is collecting lines */
	struct md_block cur;
};

static void
close_block(struct builder *bd)
{
	struct md_doc *d = bd->doc;

	if (!bd->open)
		return;
	parse_inline(&bd->cur, bd->text.p != NULL ? bd->text.p : "",
	    bd->text.n);
	d->blocks = xgrow(d->blocks, &bd->cap, d->nblocks + 1,
	    sizeof *d->blocks);
	d->blocks[d->nblocks++] = bd->cur;
	bd->text.n = 0;
	bd->open = 0;
}

static void
open_block(struct builder *bd, const struct line *l)
{
	close_block(bd);
	memset(&bd->cur, 0, sizeof bd->cur);
	bd->cur.type = l->type;
	bd->cur.level = l->level;
	bd->cur.number = l->number;
	bd->open = 1;
	strbuf_add(&bd->text, l->s, l->len);
}

/* "> " lines in a row are one quote, as in Markdown: a quoted paragraph
 * written over several lines must not fall apart into one block a line. */
static int
continues_quote(const struct builder *bd, const struct line *l)
{
	return l->type == MD_QUOTE && bd->open && bd->cur.type == MD_QUOTE;
}

static void
add_line(struct builder *bd, const char *s, size_t len)
{
	struct line l;
	size_t start = skip_blanks(s, len, 0);

	while (len > start && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r'))
		len--;
	if (start == len) {
		close_block(bd);
		return;
	}
	classify(s + start, len - start, &l);
	if (l.type == MD_QUOTE && l.quote_blank) {
		close_block(bd);	/* ">" alone: a break inside a quote */
		return;
	}
	if (!bd->open || (l.opens && !continues_quote(bd, &l))) {
		open_block(bd, &l);
	} else {
		strbuf_add(&bd->text, " ", 1);
		strbuf_add(&bd->text, l.s, l.len);
	}
	if (l.type == MD_HEADING)
		close_block(bd);	/* a heading is one line */
}

struct md_doc *
markdown_parse(const char *buf, size_t len)
{
	struct builder bd;
	struct strbuf line = { NULL, 0, 0 };
	size_t i = 0, j;

	memset(&bd, 0, sizeof bd);
	bd.doc = xcalloc(1, sizeof *bd.doc);
	while (i < len) {
		for (j = i; j < len && buf[j] != '\n'; j++)
			;
		/* Copy without NUL bytes so the line is a plain C string. */
		line.n = 0;
		for (; i < j; i++)
			if (buf[i] != '\0')
				strbuf_add(&line, buf + i, 1);
		add_line(&bd, line.p != NULL ? line.p : "", line.n);
		i = j + 1;
	}
	close_block(&bd);
	free(bd.text.p);
	free(line.p);
	return bd.doc;
}

void
markdown_free(struct md_doc *doc)
{
	size_t i, k;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nblocks; i++) {
		for (k = 0; k < doc->blocks[i].nspans; k++)
			free(doc->blocks[i].spans[k].text);
		free(doc->blocks[i].spans);
	}
	free(doc->blocks);
	free(doc);
}

char *
markdown_block_text(const struct md_block *b)
{
	struct strbuf out = { NULL, 0, 0 };
	size_t k;

	strbuf_add(&out, "", 0);
	for (k = 0; k < b->nspans; k++)
		strbuf_add(&out, b->spans[k].text, strlen(b->spans[k].text));
	return out.p;
}
