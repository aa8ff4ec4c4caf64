/*
 * text.h -- text from people: UTF-8 in, terminal columns out.
 *
 * Participants write in every script.  Their text is stored byte-exact; this
 * module is the one place that knows how it looks on a terminal:
 *
 * - Validation.  text_validate() accepts well-formed UTF-8 only (no overlong
 *   forms, no UTF-16 surrogates, nothing beyond U+10FFFF, no NUL byte) and
 *   names the byte offset of the first fault.  text_check() adds the length
 *   limit (TEXT_MAX_CHARS in commands.h, counted in code points).
 *
 * - The display form.  Nothing in a participant's text reaches a terminal
 *   as it is: the display form (text_sanitize) replaces
 *     C0 controls U+0000-U+001F   by their Control Pictures U+2400-U+241F
 *                                 (ESC shows as U+241B, BEL as U+2407)
 *     DEL                         by U+2421
 *     C1 controls U+0080-U+009F   by U+FFFD
 *     bidi embeddings, overrides and isolates (U+202A-U+202E,
 *     U+2066-U+2069)              by U+FFFD
 *     invalid UTF-8 (each maximal ill-formed subsequence)
 *                                 by U+FFFD
 *     code points wcwidth() calls unprintable (unassigned, U+2028...)
 *                                 by U+FFFD
 *     TAB                         by a space
 *     a line break (LF, CR LF or lone CR)
 *                                 by a space, or by LF with TEXT_MULTILINE.
 *   A grapheme cluster that would start with a zero-width code point (a
 *   combining mark with no base: at the start of the text, after a line
 *   break or a control) is shown on a dotted circle U+25CC (an orphan Hangul
 *   vowel or final jamo on the Hangul fillers U+115F U+1160, two columns), so
 *   it can never attach itself to a border or to the cell before the text; a
 *   cluster made only of invisible format characters (ZWSP, WJ, BOM...) is
 *   dropped.  Every other placeholder is one column wide.
 *   What terminals disagree about is left out (text.c, cp_shown): a
 *   VARIATION SELECTOR-16 (tmux 3.4 draws ❤️ two columns wide, tmux 3.3a,
 *   xterm and VTE one), and a ZERO WIDTH JOINER before a code point that
 *   takes columns (tmux 3.3a draws 👩‍💻 in two columns and Sinhala ශ්‍රී in
 *   one, xterm and VTE in four and two); a ZWJ before a combining mark
 *   stays.  The display form measures as its source does and sanitising it
 *   again changes nothing.
 *
 * - Columns.  The width of a string is the width of its display form, the
 *   sum of wcwidth() over its code points: what tmux and most terminals use,
 *   so combining marks, Thai and Lao vowels and tone marks, Hangul jamo and
 *   zero-width characters add nothing to their base and Hangul and other
 *   wide characters count two.  Without the code points above, tmux 3.3a,
 *   xterm and VTE all draw the display form in that many columns (an emoji
 *   ZWJ sequence as its parts side by side, 👍🏽 in four, a flag in two):
 *   tests/test_text_terminal.c.  wcwidth() needs a UTF-8 locale (i18n_init(),
 *   or setlocale(LC_ALL, "C.UTF-8") in tests).
 *
 * - Segmentation.  Grapheme clusters, line-break opportunities (with ICU's
 *   dictionaries for Thai, Lao, Khmer and Burmese) and words come from ICU
 *   break iterators running on the UTF-8 bytes (utext_openUTF8).  They are
 *   opened on first use, kept for the life of the process and reused by
 *   every call (so this module is not thread-safe); text_shutdown() closes
 *   them.  Strings longer than INT32_MAX bytes are not supported.  A
 *   cluster that ends with a ZWJ runs on into the next one when that starts
 *   with a letter or an emoji, so a conjunct joined by a ZWJ (Sinhala ශ්‍රී,
 *   which ICU 72 splits) is one cluster.
 *
 * Offsets are byte offsets into the caller's string; "pos" arguments must
 * lie on a code point boundary.  Strings returned are newly allocated and
 * owned by the caller (free()); input strings are borrowed.
 */
#ifndef CONVENE_TEXT_H
#define CONVENE_TEXT_H

#include <stddef.h>

/* Flags of text_sanitize_n(). */
#define TEXT_MULTILINE 0x1	/* keep line breaks (as LF) */

/* 0 when s[0..len) is well-formed UTF-8 without NUL bytes; otherwise -1 and
 * *err (when not NULL; caller frees) says what is wrong and at which byte
 * offset, e.g. "invalid UTF-8 at byte 7: overlong encoding". */
int text_validate(const char *s, size_t len, char **err);

/* text_validate() on a NUL-terminated string, then the length: more than
 * max_chars code points is refused with a message giving both numbers
 * (max_chars 0: no limit).  0 ok, -1 with *err. */
int text_check(const char *s, size_t max_chars, char **err);

/* Code points in s (an ill-formed sequence counts as one). */
size_t text_count_chars(const char *s);
size_t text_count_chars_n(const char *s, size_t len);

/* True when s has nothing but white space, line breaks and invisible
 * format characters and variation selectors-16 (an empty idea). */
int text_is_blank(const char *s);

/* A copy of s with CR LF and lone CR turned into LF; all else byte-exact. */
char *text_normalize_newlines(const char *s);

/* The display form of s (see the top of this file): safe to draw. */
char *text_sanitize(const char *s);
char *text_sanitize_n(const char *s, size_t len, int flags);

/* Columns of the single-line display form of s, or of s[0..len). */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);

/*
 * When s is `was` with a run of printable ASCII bytes replaced by as many
 * printable ASCII bytes (a count going from 1299 to 1300), 0 and
 * [*from, *to) the bytes that differ (*from == *to: none); else -1.  Also
 * -1 when the character after the run does not stand alone: a combining
 * mark there belongs to the run's last character.  Drawing s[*from, *to)
 * at the columns of s[0, *from) then shows s where `was` was shown whole.
 */
int text_ascii_change(const char *was, const char *s, size_t *from,
    size_t *to);

/* The single-line display form of s cut on a grapheme-cluster boundary so
 * that it fits `width` columns.  When s had to be cut, trailing spaces are
 * dropped and `ellipsis` (e.g. "…"; NULL or "" for none) is appended within
 * the width; when even the ellipsis does not fit, none is added. */
char *text_cut(const char *s, int width, const char *ellipsis);

/* As text_cut, but a cut text ends where text_wrap() would end its first
 * line (at a space, after a Thai or Lao dictionary word, never inside a
 * Korean word), unless its first word alone is wider than `width`: then
 * it is cut between clusters as by text_cut.  For the last row of a text
 * that has more than fits. */
char *text_cut_words(const char *s, int width, const char *ellipsis);

/*
 * Wrapping.  text_wrap() breaks s into lines of at most `width` columns at
 * Unicode line-break opportunities (UAX #14 through ICU), never inside a
 * grapheme cluster; LF, CR LF and CR are hard breaks.  Only a word wider than
 * the whole line is broken between grapheme clusters.  Korean keeps its
 * words whole (CSS's word-break: keep-all): no break between two Hangul
 * syllables or between Hangul and a letter or digit of the same word.  A line is
 * s[offset..offset+len): the line break itself and the spaces at a line's
 * end are not part of it, and `width` counts the columns of its display form
 * (draw a line with text_sanitize_n() or the screens' equivalent).  Line i
 * ends where line i+1 begins: a position p belongs to the last line whose
 * offset is <= p.
 *
 * A single cluster wider than `width` (a Hangul syllable in one column)
 * gets a line of its own and is the only case of width > `width`.  width <= 0
 * means no width limit: lines end at hard breaks only.  There is always at
 * least one line (an empty string gives one empty line; a final line break
 * gives an empty last line).
 *
 * `out` is reused from call to call (its array only grows) so that wrapping
 * a whole wall of ideas every frame allocates next to nothing: initialise it
 * to { 0 } and release it with text_lines_free().  Returns out->n.
 */
struct text_line {
	size_t offset;
	size_t len;
	int width;
};

struct text_lines {
	struct text_line *v;
	size_t n;
	size_t cap;
};

size_t text_wrap(const char *s, int width, struct text_lines *out);
size_t text_wrap_n(const char *s, size_t len, int width,
    struct text_lines *out);
void text_lines_free(struct text_lines *lines);

/*
 * Grapheme clusters and words in s[0..len), for the line editor.  pos must be
 * a code point boundary.
 *   text_next_grapheme: the end of the cluster that starts at pos (len at
 *     the end; pos when pos >= len).
 *   text_prev_grapheme: the start of the cluster that ends at pos (0 at the
 *     start).
 *   text_grapheme_floor / _ceil: the nearest cluster boundary at or before /
 *     at or after pos.
 *   text_grapheme_width: the columns of the cluster starting at pos (0 at
 *     the end of the text).  A line break counts as one column.
 *   text_prev_word: where the word before pos starts, skipping the spaces
 *     and punctuation between (dictionary words in Thai and Lao): the start
 *     of what Ctrl-W deletes.
 */
size_t text_next_grapheme(const char *s, size_t len, size_t pos);
size_t text_prev_grapheme(const char *s, size_t len, size_t pos);
size_t text_grapheme_floor(const char *s, size_t len, size_t pos);
size_t text_grapheme_ceil(const char *s, size_t len, size_t pos);
int text_grapheme_width(const char *s, size_t len, size_t pos);
size_t text_prev_word(const char *s, size_t len, size_t pos);

/* Closes the break iterators (they reopen on next use).  For tests and
 * valgrind at exit. */
void text_shutdown(void);

/* For tests: 1 makes every string go through ICU's cluster iterator, as if
 * no code point stood alone, so that both ways can be compared. */
void text_test_use_icu_always(int on);

#endif
