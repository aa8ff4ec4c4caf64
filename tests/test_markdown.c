/* test_markdown.c -- the page subset: blocks and inline styles. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "markdown.h"

static struct md_doc *
parse(const char *s)
{
	return markdown_parse(s, strlen(s));
}

/* The block's text without styles, checked against want. */
static void
assert_block(const struct md_doc *d, size_t i, enum md_block_type type,
    const char *want)
{
	char *text;

	assert_true(i < d->nblocks);
	assert_int_equal(d->blocks[i].type, type);
	text = markdown_block_text(&d->blocks[i]);
	assert_string_equal(text, want);
	free(text);
}

static void
assert_span(const struct md_block *b, size_t i, int style, const char *text)
{
	assert_true(i < b->nspans);
	assert_int_equal(b->spans[i].style, style);
	assert_string_equal(b->spans[i].text, text);
}

static void
test_headings(void **state)
{
	struct md_doc *d = parse("# One\n## Two\n### Three\n#### Four\n"
	    "#hashtag\n#\n");

	(void)state;
	assert_int_equal(d->nblocks, 4);
	assert_block(d, 0, MD_HEADING, "One");
	assert_int_equal(d->blocks[0].level, 1);
	assert_block(d, 1, MD_HEADING, "Two");
	assert_int_equal(d->blocks[1].level, 2);
	assert_block(d, 2, MD_HEADING, "Three");
	assert_int_equal(d->blocks[2].level, 3);
	/* Deeper levels and a '#' without a space are text. */
	assert_block(d, 3, MD_PARAGRAPH, "#### Four #hashtag #");
	assert_int_equal(d->blocks[3].level, 0);
	markdown_free(d);
}

static void
test_paragraphs_join_lines(void **state)
{
	struct md_doc *d = parse("First line\n  second line  \n\n\n"
	    "Another\tparagraph\n");

	(void)state;
	assert_int_equal(d->nblocks, 2);
	assert_block(d, 0, MD_PARAGRAPH, "First line second line");
	assert_block(d, 1, MD_PARAGRAPH, "Another\tparagraph");
	markdown_free(d);
}

static void
test_lists(void **state)
{
	struct md_doc *d = parse("- dash item\n* star item\n  continued\n"
	    "1. first\n12. twelfth\n-not an item\n2.not either\n");

	(void)state;
	assert_int_equal(d->nblocks, 4);
	assert_block(d, 0, MD_BULLET, "dash item");
	assert_block(d, 1, MD_BULLET, "star item continued");
	assert_block(d, 2, MD_NUMBERED, "first");
	assert_int_equal(d->blocks[2].number, 1);
	assert_block(d, 3, MD_NUMBERED,
	    "twelfth -not an item 2.not either");
	assert_int_equal(d->blocks[3].number, 12);
	markdown_free(d);
}

static void
test_headings_and_items_interrupt(void **state)
{
	struct md_doc *d = parse("Text\n# Title\nmore\n- item\n> quote\n"
	    "lazy\n>\n> second\n");

	(void)state;
	assert_int_equal(d->nblocks, 6);
	assert_block(d, 0, MD_PARAGRAPH, "Text");
	assert_block(d, 1, MD_HEADING, "Title");
	/* A heading is one line: the next starts a paragraph. */
	assert_block(d, 2, MD_PARAGRAPH, "more");
	assert_block(d, 3, MD_BULLET, "item");
	assert_block(d, 4, MD_QUOTE, "quote lazy");
	assert_block(d, 5, MD_QUOTE, "second");
	markdown_free(d);
}

static void
test_quote_lines_join(void **state)
{
	/* Consecutive "> " lines are one quote; ">" alone or a blank line
	 * ends it; a paragraph or item line after a quote starts anew. */
	struct md_doc *d = parse("> first line\n> second *line*\n>third\n"
	    ">\n> next quote\n\n> after blank\n- item\n> quote again\n"
	    "\nPara\n> quote after para\n");

	(void)state;
	assert_int_equal(d->nblocks, 7);
	assert_block(d, 0, MD_QUOTE, "first line second line third");
	assert_int_equal(d->blocks[0].nspans, 3);
	assert_span(&d->blocks[0], 1, MD_EMPH, "line");
	assert_block(d, 1, MD_QUOTE, "next quote");
	assert_block(d, 2, MD_QUOTE, "after blank");
	assert_block(d, 3, MD_BULLET, "item");
	assert_block(d, 4, MD_QUOTE, "quote again");
	assert_block(d, 5, MD_PARAGRAPH, "Para");
	assert_block(d, 6, MD_QUOTE, "quote after para");
	markdown_free(d);
}

static void
test_emphasis_and_strong(void **state)
{
	struct md_doc *d = parse("Plain *emph* and **strong** and "
	    "***both*** end\n");
	const struct md_block *b;

	(void)state;
	assert_int_equal(d->nblocks, 1);
	b = &d->blocks[0];
	assert_int_equal(b->nspans, 7);
	assert_span(b, 0, MD_PLAIN, "Plain ");
	assert_span(b, 1, MD_EMPH, "emph");
	assert_span(b, 2, MD_PLAIN, " and ");
	assert_span(b, 3, MD_STRONG, "strong");
	assert_span(b, 4, MD_PLAIN, " and ");
	assert_span(b, 5, MD_EMPH | MD_STRONG, "both");
	assert_span(b, 6, MD_PLAIN, " end");
	markdown_free(d);
}

static void
test_nested_styles(void **state)
{
	struct md_doc *d = parse("**bold *and emph* bold**");
	const struct md_block *b = &d->blocks[0];

	(void)state;
	assert_int_equal(b->nspans, 3);
	assert_span(b, 0, MD_STRONG, "bold ");
	assert_span(b, 1, MD_STRONG | MD_EMPH, "and emph");
	assert_span(b, 2, MD_STRONG, " bold");
	markdown_free(d);
}

static void
test_stray_markers_are_text(void **state)
{
	struct md_doc *d = parse("2 * 3 * 4\n\n*never closed\n\n"
	    "a ** b\n\n**open *x*\n\n\\*escaped\\* and \\\\ and \\n\n");
	const struct md_block *b;

	(void)state;
	assert_int_equal(d->nblocks, 5);
	assert_int_equal(d->blocks[0].nspans, 1);
	assert_span(&d->blocks[0], 0, MD_PLAIN, "2 * 3 * 4");
	assert_span(&d->blocks[1], 0, MD_PLAIN, "*never closed");
	assert_span(&d->blocks[2], 0, MD_PLAIN, "a ** b");
	b = &d->blocks[3];
	assert_int_equal(b->nspans, 2);
	assert_span(b, 0, MD_PLAIN, "**open ");
	assert_span(b, 1, MD_EMPH, "x");
	assert_int_equal(d->blocks[4].nspans, 1);
	assert_span(&d->blocks[4], 0, MD_PLAIN, "*escaped* and \\ and \\n");
	markdown_free(d);
}

static void
test_styles_inside_items(void **state)
{
	struct md_doc *d = parse("* **Why:** because\n> *quoted*\n");

	(void)state;
	assert_int_equal(d->nblocks, 2);
	assert_int_equal(d->blocks[0].type, MD_BULLET);
	assert_span(&d->blocks[0], 0, MD_STRONG, "Why:");
	assert_span(&d->blocks[0], 1, MD_PLAIN, " because");
	assert_int_equal(d->blocks[1].type, MD_QUOTE);
	assert_span(&d->blocks[1], 0, MD_EMPH, "quoted");
	markdown_free(d);
}

static void
test_crlf_nul_and_utf8(void **state)
{
	static const char buf[] = "# 디지털 정부\r\nรัฐบาล\0ดิจิทัล\r\n";
	struct md_doc *d = markdown_parse(buf, sizeof buf - 1);

	(void)state;
	assert_int_equal(d->nblocks, 2);
	assert_block(d, 0, MD_HEADING, "디지털 정부");
	/* NUL bytes are dropped, CR before LF too. */
	assert_block(d, 1, MD_PARAGRAPH, "รัฐบาลดิจิทัล");
	markdown_free(d);
}

static void
test_empty_input(void **state)
{
	struct md_doc *d = markdown_parse("", 0);

	(void)state;
	assert_int_equal(d->nblocks, 0);
	markdown_free(d);
	d = parse("\n  \n\t\n>\n");
	assert_int_equal(d->nblocks, 0);
	markdown_free(d);
	markdown_free(NULL);
}

static void
test_garbage_never_crashes(void **state)
{
	char buf[4096];
	unsigned x = 12345;
	size_t i, round;
	struct md_doc *d;
	static const char alphabet[] = "*#->1. \n\\\t\xff\xc3";

	(void)state;
	for (round = 0; round < 200; round++) {
		for (i = 0; i < sizeof buf; i++) {
			x = x * 1103515245u + 12345u;
			buf[i] = alphabet[(x >> 16) % (sizeof alphabet - 1)];
		}
		d = markdown_parse(buf, sizeof buf);
		for (i = 0; i < d->nblocks; i++) {
			size_t k;

			for (k = 0; k < d->blocks[i].nspans; k++)
				assert_true(d->blocks[i].spans[k].text[0] !=
				    '\0');
		}
		markdown_free(d);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_paragraphs_join_lines),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_headings_and_items_interrupt),
		cmocka_unit_test(test_quote_lines_join),
		cmocka_unit_test(test_emphasis_and_strong),
		cmocka_unit_test(test_nested_styles),
		cmocka_unit_test(test_stray_markers_are_text),
		cmocka_unit_test(test_styles_inside_items),
		cmocka_unit_test(test_crlf_nul_and_utf8),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_garbage_never_crashes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
