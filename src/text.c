/* text.c -- validation, display form, columns and wrapping of UTF-8 text. */
#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "i18n.h"
#include "util.h"

#define DOTTED_CIRCLE 0x25CC
#define REPLACEMENT 0xFFFD
#define HANGUL_CHOSEONG_FILLER 0x115F
#define HANGUL_JUNGSEONG_FILLER 0x1160
#define ZWJ 0x200D
#define VS16 0xFE0F

/*
 * The break iterators, opened on first use and reused by every call: opening
 * one loads rules and dictionaries, which costs far more than a whole wrap.
 * NULL (ICU data missing) falls back to code points and spaces.
 */
enum { BRK_CHAR, BRK_LINE, BRK_WORD, BRK_COUNT };

static UBreakIterator *iterators[BRK_COUNT];
static int iterators_failed[BRK_COUNT];

static UBreakIterator *
iterator(int kind)
{
	static const UBreakIteratorType types[BRK_COUNT] = {
		UBRK_CHARACTER, UBRK_LINE, UBRK_WORD
	};
	UErrorCode st = U_ZERO_ERROR;

	if (iterators[kind] == NULL && !iterators_failed[kind]) {
		iterators[kind] = ubrk_open(types[kind], "", NULL, 0, &st);
		if (U_FAILURE(st)) {
			if (iterators[kind] != NULL)
				ubrk_close(iterators[kind]);
			iterators[kind] = NULL;
			iterators_failed[kind] = 1;
		}
	}
	return iterators[kind];
}

void
text_shutdown(void)
{
	int i;

	for (i = 0; i < BRK_COUNT; i++) {
		if (iterators[i] != NULL)
			ubrk_close(iterators[i]);
		iterators[i] = NULL;
		iterators_failed[i] = 0;
	}
}

/* ---- code points ---- */

/* Decodes the code point at *i (advancing it); < 0 for an ill-formed
 * sequence, which ICU's UTF-8 UText also treats as one unit (U+FFFD). */
static UChar32
decode(const char *s, size_t end, size_t *i)
{
	const uint8_t *u = (const uint8_t *)s + *i;
	int32_t k = 0, n = end - *i > 4 ? 4 : (int32_t)(end - *i);
	UChar32 c;

	U8_NEXT(u, k, n, c);
	*i += (size_t)k;
	return c;
}

static int
is_bidi_control(UChar32 c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* What the terminal is sent for c.  Line breaks are the caller's business
 * (shown here as a space). */
static UChar32
display_cp(UChar32 c)
{
	if (c < 0)
		return REPLACEMENT;
	if (c == '\t' || c == '\n' || c == '\r')
		return ' ';
	if (c < 0x20)
		return 0x2400 + c;
	if (c < 0x7F)
		return c;
	if (c == 0x7F)
		return 0x2421;
	if (c <= 0x9F || is_bidi_control(c))
		return REPLACEMENT;
	if (wcwidth((wchar_t)c) < 0)
		return REPLACEMENT;
	return c;
}

static int
cp_width(UChar32 c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	return wcwidth((wchar_t)display_cp(c));
}

static int
is_newline_byte(char c)
{
	return c == '\n' || c == '\r';
}

static int
is_space_byte(char c)
{
	return c == ' ' || c == '\t';
}

/* ---- output buffer ---- */

static void
buf_add_cp(struct strbuf *b, UChar32 c)
{
	char tmp[U8_MAX_LENGTH];
	int32_t k = 0;

	U8_APPEND_UNSAFE(tmp, k, c);
	strbuf_add(b, tmp, (size_t)k);
}

static char *
buf_finish(struct strbuf *b)
{
	if (b->p == NULL)
		return xstrdup("");
	return b->p;
}

/* ---- grapheme clusters ---- */

/*
 * One pass over a string.  Most strings need no ICU for clusters: when every
 * code point stands alone (stands_alone), every one is a cluster, except CR
 * LF.
 */
struct walk {
	const char *s;
	size_t len;
	int alone;		/* every code point its own cluster */
	UText ut;
	UBreakIterator *chr;
	UBreakIterator *other;	/* the line or word iterator, when asked */
	int32_t last;		/* the character iterator's current boundary */
};

static int is_continuation(unsigned char b);

/* Tests compare the clusters of ICU with those of every_cp_alone. */
static int alone_disabled;

void
text_test_use_icu_always(int on)
{
	alone_disabled = on;
}

/*
 * 1 when c is a cluster of its own beside any other such code point.  The
 * rules that join code points into a cluster (UAX #29: CR LF, Hangul jamo
 * sequences, Extend, ZWJ and SpacingMark after a base, Prepend before one,
 * emoji ZWJ sequences, flag pairs) all need a code point whose
 * Grapheme_Cluster_Break is not Other, LV or LVT (an LV or LVT syllable joins
 * only a V or T jamo after it); ASCII controls are clusters of their own,
 * CR LF aside (walk_step).  Latin, Cyrillic, Armenian, Arabic letters,
 * Hangul syllables, CJK and most punctuation stand alone; a string of them
 * is measured and cut without ICU's iterator, whose set-up cost more than
 * the rest of drawing a short line (issue 21).  The code point must also
 * be drawn as itself and take cells, as cluster_emit then does.
 */
static int
stands_alone(UChar32 c)
{
	int gcb;

	if (c >= 0 && c < 0x80)
		return 1;
	if (c < 0xA0)
		return 0;
	gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);
	if (gcb != U_GCB_OTHER && gcb != U_GCB_LV && gcb != U_GCB_LVT)
		return 0;
	return display_cp(c) == c && cp_width(c) > 0;
}

static int
every_cp_alone(const char *s, size_t len)
{
	size_t i = 0;

	if (alone_disabled)
		return 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (!stands_alone(decode(s, len, &i)))
			return 0;
	}
	return 1;
}

static void
walk_open(struct walk *w, const char *s, size_t len, int other)
{
	UErrorCode st = U_ZERO_ERROR;
	UText init = UTEXT_INITIALIZER;

	w->s = s;
	w->len = len > INT32_MAX ? INT32_MAX : len;
	w->alone = every_cp_alone(s, w->len);
	w->ut = init;
	w->chr = w->alone ? NULL : iterator(BRK_CHAR);
	w->other = other >= 0 ? iterator(other) : NULL;
	w->last = 0;
	if (w->chr == NULL && w->other == NULL)
		return;
	utext_openUTF8(&w->ut, s, (int64_t)w->len, &st);
	if (U_FAILURE(st)) {
		w->chr = w->other = NULL;
		return;
	}
	if (w->chr != NULL) {
		ubrk_setUText(w->chr, &w->ut, &st);
		(void)ubrk_first(w->chr);
	}
	if (w->other != NULL) {
		ubrk_setUText(w->other, &w->ut, &st);
		(void)ubrk_first(w->other);
	}
	if (U_FAILURE(st))
		w->chr = w->other = NULL;
}

static void
walk_close(struct walk *w)
{
	utext_close(&w->ut);
}

/* Without ICU: a code point and the zero-width ones after it. */
static size_t
fallback_next(const char *s, size_t len, size_t pos)
{
	size_t i = pos, j;
	UChar32 c = decode(s, len, &i);

	if (c == '\r' && i < len && s[i] == '\n')
		return i + 1;
	if (c >= 0 && c < 0x20)
		return i;
	while (i < len) {
		j = i;
		c = decode(s, len, &j);
		if (c < 0x20 || c == 0x7F || cp_width(c) != 0 ||
		    display_cp(c) != c)
			break;
		i = j;
	}
	return i;
}

/* 1 when s[0..pos) ends with a ZERO WIDTH JOINER. */
static int
ends_with_zwj(const char *s, size_t pos)
{
	return pos >= 3 && memcmp(s + pos - 3, "\xe2\x80\x8d", 3) == 0;
}

/* 1 when a ZWJ ends s[0..pos) and joins it to a letter (or an emoji) that
 * starts at pos (pos < len): not to a control, a space or a format
 * character. */
static int
zwj_joins(const char *s, size_t len, size_t pos)
{
	size_t i = pos;
	UChar32 c;

	if (!ends_with_zwj(s, pos))
		return 0;
	c = decode(s, len, &i);
	return c > 0x20 && display_cp(c) == c && cp_width(c) > 0 &&
	    !u_isUWhiteSpace(c);
}

/* One step of the underlying segmentation (ICU's clusters). */
static size_t
walk_step(struct walk *w, size_t pos)
{
	int32_t r;

	if (w->alone) {
		if (w->s[pos] == '\r' && pos + 1 < w->len && w->s[pos + 1] == '\n')
			return pos + 2;
		/* well-formed (every_cp_alone): past the continuation bytes */
		while (++pos < w->len && is_continuation((unsigned char)w->s[pos]))
			;
		return pos;
	}
	if (w->chr == NULL)
		return fallback_next(w->s, w->len, pos);
	/* Sequential steps are the cheap ubrk_next(). */
	if ((int32_t)pos == w->last)
		r = ubrk_next(w->chr);
	else
		r = ubrk_following(w->chr, (int32_t)pos);
	if (r == UBRK_DONE || (size_t)r > w->len)
		r = (int32_t)w->len;
	w->last = r;
	return (size_t)r;
}

/*
 * The end of the cluster at pos.  A ZWJ joins what follows it: ICU 72
 * clusters Sinhala's ශ්‍රී as ශ්‍ + රී (Unicode 15.1's conjunct rule, in ICU
 * 74, does not cover Sinhala either), so a cluster that ends with a ZWJ
 * runs on into the next one: a conjunct is never cut, wrapped or stepped
 * over in halves.
 */
static size_t
walk_next(struct walk *w, size_t pos)
{
	size_t q;

	if (pos >= w->len)
		return w->len;
	q = walk_step(w, pos);
	while (q < w->len && zwj_joins(w->s, w->len, q))
		q = walk_step(w, q);
	return q;
}

static size_t
walk_prev(struct walk *w, size_t pos)
{
	size_t p = 0, q;
	int32_t r;

	if (pos == 0)
		return 0;
	if (pos > w->len)
		pos = w->len;
	if (w->alone) {
		if (pos >= 2 && w->s[pos - 2] == '\r' && w->s[pos - 1] == '\n')
			return pos - 2;
		while (--pos > 0 && is_continuation((unsigned char)w->s[pos]))
			;
		return pos;
	}
	if (w->chr != NULL) {
		do {
			r = ubrk_preceding(w->chr, (int32_t)pos);
			pos = r == UBRK_DONE ? 0 : (size_t)r;
		} while (pos > 0 && zwj_joins(w->s, w->len, pos));	/* walk_next */
		w->last = (int32_t)pos;
		return pos;
	}
	while ((q = walk_next(w, p)) < pos)
		p = q;
	return p;
}

/*
 * A base for a cluster that starts with the zero-width code point c: a
 * dotted circle holds a combining mark; an orphan Hangul vowel or final
 * consonant jamo needs the Hangul fillers to form a syllable block (a dotted
 * circle would not join it).  Returns the columns added.
 */
static int
emit_base(UChar32 c, struct strbuf *out)
{
	int gcb = u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK);

	if (gcb != U_GCB_V && gcb != U_GCB_T) {
		if (out != NULL)
			buf_add_cp(out, DOTTED_CIRCLE);
		return 1;
	}
	if (out != NULL) {
		buf_add_cp(out, HANGUL_CHOSEONG_FILLER);
		if (gcb == U_GCB_T)
			buf_add_cp(out, HANGUL_JUNGSEONG_FILLER);
	}
	return 2;
}

/*
 * What the terminals we draw on disagree about is left out of the display
 * form, so that every one of them puts the next character where we do
 * (the width of a string is then the sum of wcwidth() over its display
 * form, in tmux, xterm and VTE alike):
 *
 * - VARIATION SELECTOR-16 after a character: tmux 3.3a, xterm and VTE
 *   keep ❤️ and 1️⃣ one column wide, tmux 3.4 and later widen them to two.
 *   Without the selector every terminal draws the character one column
 *   wide (its text presentation).
 *
 * - ZERO WIDTH JOINER before a character of its own width: tmux 3.3a puts
 *   the character after a ZWJ into the cell before it (👩‍💻 and 👨‍👩‍👧
 *   take two columns, Sinhala ශ්‍රී and Devanagari क्‍ष one), while xterm
 *   and VTE give each part its cells (four, six, two, two columns).  Without
 *   the joiner all of them draw the parts side by side.  A ZWJ before a
 *   combining mark (Bengali র‍্য) joins nothing that takes cells, so it
 *   stays, as does ZWNJ.
 *
 * c is the code point at s[i] and next the one after it in the cluster
 * (< 0 at its end); 1 when c is drawn.
 */
static int
cp_shown(UChar32 c, UChar32 next)
{
	int8_t type;

	if (c == VS16)
		return 0;
	if (c != ZWJ)
		return 1;
	if (next < 0 || next == VS16 || next == ZWJ || cp_width(next) != 0)
		return 0;
	type = u_charType(next);
	return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

/* Appends the display form of the code points of the cluster s[p..q). */
static void
emit_cps(const char *s, size_t p, size_t q, struct strbuf *out)
{
	size_t i = p, j;
	UChar32 c, next;
	int more;

	c = decode(s, q, &i);
	for (;;) {
		more = i < q;
		j = i;
		/* An ill-formed next (< 0) is shown as U+FFFD: one column. */
		next = more ? decode(s, q, &j) : -1;
		if (cp_shown(c, next))
			buf_add_cp(out, display_cp(c));
		if (!more)
			break;
		c = next;
		i = j;
	}
}

/*
 * Measures the cluster s[p..q) as it is displayed and, when out is not NULL,
 * appends its display form.  See text.h: a cluster that starts with a
 * zero-width code point gets a base (emit_base), or vanishes when it is all
 * invisible format characters (VS16 counts as one).
 */
static int
cluster_emit(const char *s, size_t p, size_t q, int flags, struct strbuf *out)
{
	size_t i = p;
	UChar32 c, first;
	int w = 0, format_only = 1, cw;

	if (is_newline_byte(s[p])) {
		if (out != NULL)
			strbuf_add(out, (flags & TEXT_MULTILINE) ? "\n" : " ", 1);
		return 1;
	}
	if (q == p + 1 && (unsigned char)s[p] >= 0x20 &&
	    (unsigned char)s[p] < 0x7F) {
		if (out != NULL)
			strbuf_add(out, s + p, 1);
		return 1;
	}
	first = decode(s, q, &i);
	for (i = p; i < q;) {
		c = decode(s, q, &i);
		cw = cp_width(c);
		w += cw;
		if (cw != 0 || display_cp(c) != c ||
		    (u_charType(c) != U_FORMAT_CHAR && c != VS16))
			format_only = 0;
	}
	if (cp_width(first) == 0) {
		if (format_only)
			return 0;
		w += emit_base(first, out);
	}
	if (out != NULL)
		emit_cps(s, p, q, out);
	return w;
}

/* ---- validation and counting ---- */

static int
is_continuation(unsigned char b)
{
	return (b & 0xC0) == 0x80;
}

/* Why the sequence at u (n bytes left) is not UTF-8. */
static const char *
utf8_fault(const unsigned char *u, size_t n)
{
	unsigned char b = u[0];

	if (is_continuation(b))
		return N_("unexpected continuation byte");
	if (b == 0xC0 || b == 0xC1)
		return N_("overlong encoding");
	if (b >= 0xF8)
		return N_("byte that never occurs in UTF-8");
	if (b >= 0xF5)
		return N_("code point beyond U+10FFFF");
	if (n < 2 || !is_continuation(u[1]))
		return N_("truncated sequence");
	if ((b == 0xE0 && u[1] < 0xA0) || (b == 0xF0 && u[1] < 0x90))
		return N_("overlong encoding");
	if (b == 0xED && u[1] >= 0xA0)
		return N_("UTF-16 surrogate");
	if (b == 0xF4 && u[1] >= 0x90)
		return N_("code point beyond U+10FFFF");
	return N_("truncated sequence");
}

int
text_validate(const char *s, size_t len, char **err)
{
	size_t i = 0, at;

	while (i < len) {
		at = i;
		if (s[i] == '\0')
			return set_error(err, -1,
			    _("invalid text at byte %zu: NUL character"), at);
		if (decode(s, len, &i) < 0)
			return set_error(err, -1,
			    _("invalid UTF-8 at byte %zu: %s"), at,
			    _(utf8_fault((const unsigned char *)s + at,
			    len - at)));
	}
	return 0;
}

size_t
text_count_chars_n(const char *s, size_t len)
{
	size_t i = 0, n = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80)
			i++;
		else
			(void)decode(s, len, &i);
		n++;
	}
	return n;
}

size_t
text_count_chars(const char *s)
{
	return text_count_chars_n(s, strlen(s));
}

int
text_check(const char *s, size_t max_chars, char **err)
{
	size_t n;

	if (text_validate(s, strlen(s), err) != 0)
		return -1;
	n = text_count_chars(s);
	if (max_chars > 0 && n > max_chars)
		return set_error(err, -1,
		    _("text too long: %zu characters, at most %zu allowed"), n,
		    max_chars);
	return 0;
}

int
text_is_blank(const char *s)
{
	size_t len = strlen(s), i = 0;
	UChar32 c;

	while (i < len) {
		c = decode(s, len, &i);
		if (c < 0)
			return 0;
		/* A lone VS16 shows nothing either (cp_shown). */
		if (!u_isUWhiteSpace(c) && u_charType(c) != U_FORMAT_CHAR &&
		    c != VS16)
			return 0;
	}
	return 1;
}

char *
text_normalize_newlines(const char *s)
{
	size_t len = strlen(s), i, n = 0;
	char *out = xmalloc(len + 1);

	for (i = 0; i < len; i++) {
		if (s[i] == '\r') {
			out[n++] = '\n';
			if (s[i + 1] == '\n')
				i++;
		} else
			out[n++] = s[i];
	}
	out[n] = '\0';
	return out;
}

/* ---- display form and columns ---- */

static int
printable_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7F)
			return 0;
	return 1;
}

int
text_ascii_change(const char *was, const char *s, size_t *from, size_t *to)
{
	size_t len = strlen(s), p = 0, q = len, after;

	if (strlen(was) != len)
		return -1;
	while (p < len && was[p] == s[p])
		p++;
	while (q > p && was[q - 1] == s[q - 1])
		q--;
	if (!printable_ascii(was + p, q - p) || !printable_ascii(s + p, q - p))
		return -1;
	after = q;
	if (q > p && q < len && !stands_alone(decode(s, len, &after)))
		return -1;
	*from = p;
	*to = q;
	return 0;
}

char *
text_sanitize_n(const char *s, size_t len, int flags)
{
	struct walk w;
	struct strbuf b = { NULL, 0, 0 };
	size_t p, q;

	if (printable_ascii(s, len))
		return xstrndup(s, len);
	walk_open(&w, s, len, -1);
	for (p = 0; p < w.len; p = q) {
		q = walk_next(&w, p);
		cluster_emit(s, p, q, flags, &b);
	}
	walk_close(&w);
	return buf_finish(&b);
}

char *
text_sanitize(const char *s)
{
	return text_sanitize_n(s, strlen(s), 0);
}

int
text_width_n(const char *s, size_t len)
{
	struct walk w;
	size_t p, q;
	int width = 0;

	if (printable_ascii(s, len))
		return len > INT_MAX ? INT_MAX : (int)len;
	walk_open(&w, s, len, -1);
	for (p = 0; p < w.len; p = q) {
		q = walk_next(&w, p);
		width += cluster_emit(s, p, q, 0, NULL);
	}
	walk_close(&w);
	return width;
}

int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* The end of the longest prefix of s on a cluster boundary that fits
 * `room` columns, without the spaces it ends with. */
static size_t
fitting_prefix(const char *s, size_t len, int room)
{
	struct walk w;
	size_t p, q, end = 0;
	int used = 0, cw;

	walk_open(&w, s, len, -1);
	for (p = 0; p < w.len; p = q) {
		q = walk_next(&w, p);
		cw = cluster_emit(s, p, q, 0, NULL);
		if (used + cw > room)
			break;
		used += cw;
		end = q;
	}
	walk_close(&w);
	while (end > 0 && (is_space_byte(s[end - 1]) ||
	    is_newline_byte(s[end - 1])))
		end--;
	return end;
}

/* The display form of s[0..end) and then of the ellipsis. */
static char *
cut_with(const char *s, size_t end, const char *ellipsis)
{
	char *head = text_sanitize_n(s, end, 0), *tail, *out;

	if (ellipsis == NULL || *ellipsis == '\0')
		return head;
	tail = text_sanitize(ellipsis);
	out = xasprintf("%s%s", head, tail);
	free(head);
	free(tail);
	return out;
}

/* The columns left for the text within `width` beside the ellipsis;
 * *ellipsis becomes NULL when it does not fit at all. */
static int
room_beside(const char **ellipsis, int width)
{
	int ew = *ellipsis != NULL ? text_width(*ellipsis) : 0;

	if (ew > width) {
		*ellipsis = NULL;
		ew = 0;
	}
	return width - ew;
}

/* The display form of s when it fits `width` columns, NULL when not:
 * measured and converted in one walk, where text_width_n and then
 * text_sanitize_n opened ICU's iterator twice (issue 21: every row a
 * plenary terminal draws for a new idea comes here). */
static char *
sanitize_if_fits(const char *s, size_t len, int width)
{
	struct walk w;
	struct strbuf b = { NULL, 0, 0 };
	size_t p, q;
	int used = 0;

	walk_open(&w, s, len, -1);
	for (p = 0; p < w.len && used <= width; p = q) {
		q = walk_next(&w, p);
		used += cluster_emit(s, p, q, 0, &b);
	}
	walk_close(&w);
	if (used > width) {
		free(b.p);
		return NULL;
	}
	return buf_finish(&b);
}

/* The display form of s when it fits `width` (> 0) columns, else NULL. */
static char *
whole_if_fits(const char *s, size_t len, int width)
{
	if (printable_ascii(s, len))
		return len <= (size_t)width ? xstrndup(s, len) : NULL;
	return sanitize_if_fits(s, len, width);
}

char *
text_cut(const char *s, int width, const char *ellipsis)
{
	size_t len = strlen(s);
	char *whole;
	int room;

	if (width <= 0)
		return xstrdup("");
	if ((whole = whole_if_fits(s, len, width)) != NULL)
		return whole;
	room = room_beside(&ellipsis, width);
	return cut_with(s, fitting_prefix(s, len, room), ellipsis);
}

/* ---- wrapping ---- */

/* The line being filled. */
struct wrap {
	size_t start;		/* its first byte */
	int w;			/* columns so far, trailing spaces included */
	size_t vis_end;		/* its end without trailing spaces */
	int vis_w;
	size_t opp;		/* the last break opportunity in it, or 0 */
	size_t opp_vis_end;	/* ...and the line's end and width there */
	int opp_vis_w;
	int opp_w;
};

static void
wrap_begin(struct wrap *ws, size_t start)
{
	memset(ws, 0, sizeof *ws);
	ws->start = ws->vis_end = start;
}

static void
lines_push(struct text_lines *out, size_t start, size_t end, int width)
{
	struct text_line *l;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	l = &out->v[out->n++];
	l->offset = start;
	l->len = end - start;
	l->width = width;
}

/* The cluster at p does not fit: end the line at its last break
 * opportunity, or right before p when a single word fills it. */
static void
wrap_break(struct wrap *ws, struct text_lines *out, size_t p)
{
	struct wrap next;

	if (ws->opp <= ws->start) {
		lines_push(out, ws->start, ws->vis_end, ws->vis_w);
		wrap_begin(ws, p);
		return;
	}
	lines_push(out, ws->start, ws->opp_vis_end, ws->opp_vis_w);
	wrap_begin(&next, ws->opp);
	next.w = ws->w - ws->opp_w;
	if (ws->vis_end > ws->opp) {
		next.vis_end = ws->vis_end;
		next.vis_w = ws->vis_w - ws->opp_w;
	}
	*ws = next;
}

/* The code point that ends at s[q] (q > 0), and in *start where it
 * begins. */
static UChar32
cp_before(const char *s, size_t q, size_t *start)
{
	int32_t i = q > INT32_MAX ? INT32_MAX : (int32_t)q;
	UChar32 c;

	U8_PREV((const uint8_t *)s, 0, i, c);
	*start = (size_t)i;
	return c;
}

/* A letter or a digit for CSS's keep-all: the line-break classes AL, HL,
 * NU, AI and the ideographic ones (ID, emoji, Hangul syllables and jamo). */
static int
keepall_letter(UChar32 c)
{
	switch (u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
	case U_LB_ALPHABETIC: case U_LB_HEBREW_LETTER: case U_LB_NUMERIC:
	case U_LB_AMBIGUOUS: case U_LB_IDEOGRAPHIC: case U_LB_H2:
	case U_LB_H3: case U_LB_JL: case U_LB_JV: case U_LB_JT:
	case U_LB_E_BASE: case U_LB_E_MODIFIER:
		return 1;
	default:
		return 0;
	}
}

/* Hangul syllables, jamo (with the extended blocks), compatibility and
 * halfwidth jamo: by range, as this runs at every break opportunity. */
static int
is_hangul(UChar32 c)
{
	return (c >= 0xAC00 && c <= 0xD7FF) || (c >= 0x1100 && c <= 0x11FF) ||
	    (c >= 0x3130 && c <= 0x318F) || (c >= 0xA960 && c <= 0xA97F) ||
	    (c >= 0xFFA0 && c <= 0xFFDC);
}

/*
 * Korean wraps between words, as CSS's word-break: keep-all: ICU's line
 * breaker allows a break between any two Hangul syllables, and between
 * Hangul and Latin letters or digits ("AI기반", "정부3.0을"); ICU 72
 * ignores the "lw=keepall" keyword, so such a break is passed over here
 * when both sides are letters or digits and one of them is Hangul.  Spaces,
 * hyphens, slashes and brackets still break; a word wider than the line is
 * still cut between syllables (text_wrap).  Combining marks belong to the
 * letter before them.
 */
static int
inside_hangul_word(const char *s, size_t len, size_t q)
{
	size_t i = q, at;
	UChar32 before, after;

	if (q == 0 || q >= len)
		return 0;
	if ((unsigned char)s[q - 1] < 0x80 && (unsigned char)s[q] < 0x80)
		return 0;	/* English: no Hangul on either side */
	/* The letter before the marks (and joiners) that belong to it. */
	do {
		before = cp_before(s, i, &at);
		i = at;
	} while (i > 0 && before >= 0x300 && cp_width(before) == 0);
	i = q;
	after = decode(s, len, &i);
	if (before < 0 || after < 0 || (!is_hangul(before) &&
	    !is_hangul(after)))
		return 0;
	return keepall_letter(before) && keepall_letter(after);
}

/* Break opportunities from the line iterator, in step with the clusters
 * (without ICU: after spaces). */
static int
is_opportunity(struct walk *w, int32_t *next_opp, size_t q)
{
	if (w->other == NULL)
		return q > 0 && is_space_byte(w->s[q - 1]);
	while (*next_opp != UBRK_DONE && (size_t)*next_opp < q)
		*next_opp = ubrk_next(w->other);
	return *next_opp != UBRK_DONE && (size_t)*next_opp == q &&
	    !inside_hangul_word(w->s, w->len, q);
}

/* Printable ASCII that fits in width is one line, whatever the breaks:
 * it is found without ICU (a new idea on 150 terminals, issue 21), as the
 * loop below would find it (one column a byte, spaces at the end outside
 * the line).  Returns 0 when the text is not such. */
static int
wrap_short_ascii(const char *s, size_t len, int width,
    struct text_lines *out)
{
	size_t i, vis_end = 0;

	if (len > (size_t)width)
		return 0;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f)
			return 0;
		if (s[i] != ' ')
			vis_end = i + 1;
	}
	lines_push(out, 0, vis_end, (int)vis_end);
	return 1;
}

size_t
text_wrap_n(const char *s, size_t len, int width, struct text_lines *out)
{
	struct walk w;
	struct wrap ws;
	size_t p, q;
	int32_t next_opp = 0;
	int cw, space;

	out->n = 0;
	if (width <= 0)
		width = INT_MAX;
	if (wrap_short_ascii(s, len, width, out))
		return out->n;
	walk_open(&w, s, len, BRK_LINE);
	wrap_begin(&ws, 0);
	for (p = 0; p < w.len; p = q) {
		q = walk_next(&w, p);
		if (is_newline_byte(s[p])) {
			lines_push(out, ws.start, ws.vis_end, ws.vis_w);
			wrap_begin(&ws, q);
			continue;
		}
		cw = cluster_emit(s, p, q, 0, NULL);
		space = q == p + 1 && is_space_byte(s[p]);
		while (!space && ws.w + cw > width && p > ws.start)
			wrap_break(&ws, out, p);
		ws.w += cw;
		if (!space) {
			ws.vis_end = q;
			ws.vis_w = ws.w;
		}
		if (q < w.len && is_opportunity(&w, &next_opp, q)) {
			ws.opp = q;
			ws.opp_vis_end = ws.vis_end;
			ws.opp_vis_w = ws.vis_w;
			ws.opp_w = ws.w;
		}
	}
	lines_push(out, ws.start, ws.vis_end, ws.vis_w);
	walk_close(&w);
	return out->n;
}

size_t
text_wrap(const char *s, int width, struct text_lines *out)
{
	return text_wrap_n(s, strlen(s), width, out);
}

void
text_lines_free(struct text_lines *lines)
{
	free(lines->v);
	lines->v = NULL;
	lines->n = lines->cap = 0;
}

/* 1 when text_wrap may end a line at q (0 < q < len): a line-break
 * opportunity that keep-all leaves. */
static int
break_at(const char *s, size_t len, size_t q)
{
	struct walk w;
	int r;

	walk_open(&w, s, len, BRK_LINE);
	if (w.other == NULL)
		r = is_space_byte(s[q - 1]);
	else
		r = ubrk_isBoundary(w.other, (int32_t)q) &&
		    !inside_hangul_word(s, len, q);
	walk_close(&w);
	return r;
}

/* The end of the first line of s wrapped to `room` columns when that line
 * ends at a line-break opportunity (whole words), else 0. */
static size_t
first_words_end(const char *s, size_t len, int room)
{
	struct text_lines lines = { 0 };
	size_t end = 0;

	if (text_wrap_n(s, len, room, &lines) >= 2 && lines.v[0].len > 0 &&
	    lines.v[0].width <= room && break_at(s, len, lines.v[1].offset))
		end = lines.v[0].offset + lines.v[0].len;
	text_lines_free(&lines);
	return end;
}

char *
text_cut_words(const char *s, int width, const char *ellipsis)
{
	size_t len = strlen(s), end;
	char *whole;
	int room;

	if (width <= 0)
		return xstrdup("");
	if ((whole = whole_if_fits(s, len, width)) != NULL)
		return whole;
	room = room_beside(&ellipsis, width);
	/* Only the text's start is laid out: the first line's breaks do not
	 * depend on what comes two lines later, and a board row of a long
	 * idea then costs what one of a short one does (issue 21). */
	end = first_words_end(s, fitting_prefix(s, len, 2 * room + 2), room);
	if (end == 0)		/* its first word alone is wider */
		end = fitting_prefix(s, len, room);
	return cut_with(s, end, ellipsis);
}

/* ---- for the line editor ---- */

size_t
text_next_grapheme(const char *s, size_t len, size_t pos)
{
	struct walk w;
	size_t q;

	if (pos >= len)
		return pos;
	walk_open(&w, s, len, -1);
	q = walk_next(&w, pos);
	walk_close(&w);
	return q;
}

size_t
text_prev_grapheme(const char *s, size_t len, size_t pos)
{
	struct walk w;
	size_t p;

	if (pos == 0)
		return 0;
	walk_open(&w, s, len, -1);
	p = walk_prev(&w, pos);
	walk_close(&w);
	return p;
}

size_t
text_grapheme_floor(const char *s, size_t len, size_t pos)
{
	struct walk w;
	size_t p;

	if (pos == 0 || pos >= len)
		return pos > len ? len : pos;
	walk_open(&w, s, len, -1);
	p = walk_prev(&w, pos);
	if (walk_next(&w, p) == pos)
		p = pos;
	walk_close(&w);
	return p;
}

size_t
text_grapheme_ceil(const char *s, size_t len, size_t pos)
{
	size_t p = text_grapheme_floor(s, len, pos);

	return p == pos ? p : text_next_grapheme(s, len, p);
}

int
text_grapheme_width(const char *s, size_t len, size_t pos)
{
	size_t q;

	if (pos >= len)
		return 0;
	q = text_next_grapheme(s, len, pos);
	return cluster_emit(s, pos, q, 0, NULL);
}

/* Without ICU: back over spaces, then over the rest. */
static size_t
fallback_prev_word(const char *s, size_t pos)
{
	while (pos > 0 && (is_space_byte(s[pos - 1]) ||
	    is_newline_byte(s[pos - 1])))
		pos--;
	while (pos > 0 && !is_space_byte(s[pos - 1]) &&
	    !is_newline_byte(s[pos - 1]))
		pos--;
	return pos;
}

size_t
text_prev_word(const char *s, size_t len, size_t pos)
{
	struct walk w;
	int32_t b, status;
	size_t cur = pos > len ? len : pos;

	walk_open(&w, s, len, BRK_WORD);
	if (w.other == NULL) {
		walk_close(&w);
		return fallback_prev_word(s, cur);
	}
	while (cur > 0) {
		b = ubrk_preceding(w.other, (int32_t)cur);
		if (b == UBRK_DONE)
			b = 0;
		(void)ubrk_following(w.other, b);
		status = ubrk_getRuleStatus(w.other);
		cur = (size_t)b;
		/* Spaces and punctuation have a status below NONE_LIMIT. */
		if (status >= UBRK_WORD_NONE_LIMIT)
			break;
	}
	walk_close(&w);
	return cur;
}
