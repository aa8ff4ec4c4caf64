/*
 * search.h -- the one search of convene: the join screen's type-ahead, the
 * roll call, the page search, the country picker and `--as`/`--by` names
 * all match through it, so a name found on one is found on every other.
 *
 * Both the query and the text are compared in a folded form:
 * - case folded (ICU's full case folding, u_strFoldCase: "ß" is "ss",
 *   Armenian and Greek fold as Latin does);
 * - canonically decomposed (NFD), except Hangul syllables, so that a
 *   precomposed letter and its decomposed spelling are the same text;
 * - accents stripped in Latin, Cyrillic and Greek only: a nonspacing mark
 *   on a letter of those scripts is dropped ("Nguyễn" is "nguyen", "ё" is
 *   "е"), plus the stroke of Vietnamese "đ".  Marks in every other script
 *   stay: Thai, Lao, Bengali or Sinhala vowel signs and Arabic or Thaana
 *   vowel marks are letters to their readers;
 * - apostrophes (' ’ and the Uzbek ʻ ʼ) dropped, so "Gʻulomov" is found
 *   by "gulomov" and "O'Brien" by "obrien";
 * - white space runs made one space.
 *
 * A query matches where its folded form starts at the start of a word of
 * the text's: at the start of the text or after a character that is not a
 * letter, mark or digit (a space, a hyphen, a Tibetan tsheg...).  "min"
 * finds "Kim Minjun"; "jun" does not.  An empty query matches everything.
 *
 * Offsets are byte offsets into the caller's UTF-8 text.  Ill-formed UTF-8
 * is compared as U+FFFD.  Uses only ICU's common library (libicuuc).
 */
#ifndef CONVENE_SEARCH_H
#define CONVENE_SEARCH_H

#include <stddef.h>

/* How well a text matches, the better the larger. */
enum search_rank {
	SEARCH_NONE = 0,
	SEARCH_WORD = 1,	/* at the start of a word inside the text */
	SEARCH_PREFIX = 2,	/* at the start of the text */
	SEARCH_EXACT = 3	/* the whole text */
};

struct search;

/* A query folded once for many texts; NULL or "" (or only blanks) is the
 * empty query.  Never NULL; free with search_free. */
struct search *search_new(const char *query);
void search_free(struct search *q);
/* 1 when the query is empty (everything matches). */
int search_empty(const struct search *q);

/* The best rank of the query in text (NULL text: SEARCH_NONE; an empty
 * query: SEARCH_WORD). */
enum search_rank search_rank(const struct search *q, const char *text);

/* The first match starting at byte `from` or later: 1 with the matched
 * bytes [*start, *end) (whole characters of the text), 0 when none.  The
 * empty query finds nothing. */
int search_next(const struct search *q, const char *text, size_t from,
    size_t *start, size_t *end);

/* 1 when the query matches whole words of text: at a word start and up to
 * a word's end ("Minjun" in "Kim Minjun", not "Min"): what may name a
 * person on the command line.  An empty query: 0. */
int search_whole_words(const struct search *q, const char *text);

/* One-off: search_rank of query in text. */
enum search_rank search_text(const char *query, const char *text);

#endif
