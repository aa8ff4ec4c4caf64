/*
 * search.c -- folding text for search and matching at word starts
 * (search.h says what is folded and why).
 *
 * A text is folded code point by code point, and every code point of the
 * folded form remembers the bytes of the original character it came from,
 * so that a match found in the folded form highlights whole characters of
 * the original.  Only ICU's common library is used (case folding, the NFD
 * decompositions, scripts): libicui18n stays out of the participant
 * process, whose memory is nearly all spent (bench/README.md).
 */
#include "search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "util.h"

/* One code point of the folded form and the bytes of the original
 * character it came from. */
struct unit {
	UChar32 c;
	size_t from, to;
};

struct folded {
	struct unit *u;
	size_t n, cap;
};

struct search {
	struct folded q;
};

static int
is_mark(UChar32 c)
{
	return (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

/* The scripts whose accents a reader drops when searching. */
static int
strips_accents(UScriptCode script)
{
	return script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC ||
	    script == USCRIPT_GREEK;
}

/* Apostrophes inside names: ASCII, the typographic one, and Uzbek's
 * modifier letters (oʻ, gʻ). */
static int
is_apostrophe(UChar32 c)
{
	return c == 0x27 || c == 0x2019 || c == 0x02BB || c == 0x02BC;
}

static void
push(struct folded *f, UChar32 c, size_t from, size_t to)
{
	f->u = xgrow(f->u, &f->cap, f->n + 1, sizeof *f->u);
	f->u[f->n].c = c;
	f->u[f->n].from = from;
	f->u[f->n++].to = to;
}

/* d case folded, its accents dropped where its script drops them;
 * *script is the script of the last base character seen. */
static void
fold_one(struct folded *f, UChar32 d, UScriptCode *script, size_t from,
    size_t to)
{
	UChar in[2], out[8];
	UErrorCode err = U_ZERO_ERROR;
	int32_t nin = 0, nout, k = 0;
	UChar32 c;

	if (d == 0x0110 || d == 0x0111)	/* Vietnamese đ: a stroke, no NFD */
		d = 'd';
	U16_APPEND_UNSAFE(in, nin, d);
	nout = u_strFoldCase(out, 8, in, nin, U_FOLD_CASE_DEFAULT, &err);
	if (U_FAILURE(err) || nout > 8)
		nout = 0, push(f, d, from, to);
	while (k < nout) {
		U16_NEXT_UNSAFE(out, k, c);
		if (!is_mark(c)) {
			UErrorCode serr = U_ZERO_ERROR;

			*script = uscript_getScript(c, &serr);
		} else if (strips_accents(*script))
			continue;
		push(f, c, from, to);
	}
}

/* The character c (bytes [from, to)) decomposed, then each part folded. */
static void
fold_char(struct folded *f, UChar32 c, UScriptCode *script, size_t from,
    size_t to)
{
	const UNormalizer2 *nfd;
	UErrorCode err = U_ZERO_ERROR;
	UChar dec[32];
	int32_t n = -1, k = 0;
	UChar32 d;

	nfd = unorm2_getNFDInstance(&err);
	/* Hangul syllables stay whole: a query ending in half a syllable
	 * ("김미") is not the start of another ("김민"). */
	if (U_SUCCESS(err) && !(c >= 0xAC00 && c <= 0xD7A3))
		n = unorm2_getDecomposition(nfd, c, dec, 32, &err);
	if (n < 0 || U_FAILURE(err) || n > 32) {
		fold_one(f, c, script, from, to);
		return;
	}
	while (k < n) {
		U16_NEXT_UNSAFE(dec, k, d);
		fold_one(f, d, script, from, to);
	}
}

/* The folded form of s into f (emptied first): no leading or trailing
 * space, runs of white space as one space. */
static void
fold(const char *s, struct folded *f)
{
	UScriptCode script = USCRIPT_COMMON;
	int32_t i = 0, from, len;
	UChar32 c;

	f->n = 0;
	if (s == NULL)
		return;
	len = (int32_t)strnlen(s, INT32_MAX);
	while (i < len) {
		from = i;
		U8_NEXT(s, i, len, c);
		if (c < 0)
			c = 0xFFFD;
		if (is_apostrophe(c))
			continue;
		if (u_isUWhiteSpace(c)) {
			if (f->n > 0 && f->u[f->n - 1].c != ' ')
				push(f, ' ', (size_t)from, (size_t)i);
			script = USCRIPT_COMMON;
			continue;
		}
		fold_char(f, c, &script, (size_t)from, (size_t)i);
	}
	if (f->n > 0 && f->u[f->n - 1].c == ' ')
		f->n--;
}

/* A word starts at unit k: the text's start, or after a character that
 * is not a letter, digit or mark. */
static int
word_start(const struct folded *t, size_t k)
{
	UChar32 p;

	if (k == 0)
		return 1;
	p = t->u[k - 1].c;
	return !u_isalnum(p) && !is_mark(p);
}

static int
matches_at(const struct folded *t, size_t k, const struct folded *q)
{
	size_t i;

	if (k + q->n > t->n || !word_start(t, k))
		return 0;
	for (i = 0; i < q->n; i++)
		if (t->u[k + i].c != q->u[i].c)
			return 0;
	return 1;
}

struct search *
search_new(const char *query)
{
	struct search *q = xcalloc(1, sizeof *q);

	fold(query, &q->q);
	return q;
}

void
search_free(struct search *q)
{
	if (q == NULL)
		return;
	free(q->q.u);
	free(q);
}

int
search_empty(const struct search *q)
{
	return q->q.n == 0;
}

enum search_rank
search_rank(const struct search *q, const char *text)
{
	struct folded t = { 0 };
	enum search_rank best = SEARCH_NONE;
	size_t k;

	if (text == NULL)
		return SEARCH_NONE;
	if (q->q.n == 0)
		return SEARCH_WORD;
	fold(text, &t);
	for (k = 0; k < t.n && best < SEARCH_PREFIX; k++) {
		if (!matches_at(&t, k, &q->q))
			continue;
		if (k > 0)
			best = SEARCH_WORD;
		else
			best = q->q.n == t.n ? SEARCH_EXACT : SEARCH_PREFIX;
	}
	free(t.u);
	return best;
}

int
search_next(const struct search *q, const char *text, size_t from,
    size_t *start, size_t *end)
{
	struct folded t = { 0 };
	size_t k;
	int found = 0;

	if (text == NULL || q->q.n == 0)
		return 0;
	fold(text, &t);
	for (k = 0; k < t.n && !found; k++) {
		if (t.u[k].from < from || !matches_at(&t, k, &q->q))
			continue;
		*start = t.u[k].from;
		*end = t.u[k + q->q.n - 1].to;
		found = 1;
	}
	free(t.u);
	return found;
}

int
search_whole_words(const struct search *q, const char *text)
{
	struct folded t = { 0 };
	size_t k, e;
	int found = 0;

	if (text == NULL || q->q.n == 0)
		return 0;
	fold(text, &t);
	for (k = 0; k < t.n && !found; k++) {
		if (!matches_at(&t, k, &q->q))
			continue;
		e = k + q->q.n;
		found = e == t.n || word_start(&t, e + 1);
	}
	free(t.u);
	return found;
}

enum search_rank
search_text(const char *query, const char *text)
{
	struct search *q = search_new(query);
	enum search_rank r = search_rank(q, text);

	search_free(q);
	return r;
}
