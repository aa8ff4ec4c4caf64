/*
 * fuzz_markdown.c -- the page parser (markdown.h) on arbitrary bytes.
 *
 * The parser never fails; each document must also be what markdown.h
 * describes: headings of level 1..3 and other blocks of level 0, spans that
 * are never empty, whose styles are bits of MD_EMPH | MD_STRONG, adjacent
 * spans of different styles, and a block text that is the spans joined.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "markdown.h"

static void
check_block(const struct md_block *b)
{
	size_t i, total = 0;
	char *text;

	FUZZ_ASSERT(b->type >= MD_HEADING && b->type <= MD_QUOTE);
	if (b->type == MD_HEADING)
		FUZZ_ASSERT(b->level >= 1 && b->level <= 3);
	else
		FUZZ_ASSERT(b->level == 0);
	for (i = 0; i < b->nspans; i++) {
		FUZZ_ASSERT(b->spans[i].text != NULL);
		FUZZ_ASSERT(b->spans[i].text[0] != '\0');
		FUZZ_ASSERT((b->spans[i].style & ~(MD_EMPH | MD_STRONG)) == 0);
		if (i > 0)
			FUZZ_ASSERT(b->spans[i].style != b->spans[i - 1].style);
		total += strlen(b->spans[i].text);
	}
	text = markdown_block_text(b);
	FUZZ_ASSERT(text != NULL && strlen(text) == total);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct md_doc *doc = markdown_parse((const char *)data, size);
	size_t i;

	FUZZ_ASSERT(doc != NULL);
	for (i = 0; i < doc->nblocks; i++)
		check_block(&doc->blocks[i]);
	markdown_free(doc);
	return 0;
}
