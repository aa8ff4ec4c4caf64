/*
 * screentext.h -- what a program wrote to a terminal, as text: escape
 * sequences, control characters and spaces taken out (curses moves the
 * cursor over blanks rather than writing them, and changes colour inside a
 * line), so that a mark matches once its characters have all reached the
 * terminal in order.  Shared by the benchmarks that drive the real screens
 * in pseudo-terminals (pty.c, terminals.c).
 */
#ifndef CONVENE_BENCH_SCREENTEXT_H
#define CONVENE_BENCH_SCREENTEXT_H

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct screen_text {
	char *text;
	size_t len, cap;
	enum { S_TEXT, S_ESC, S_CSI, S_OSC, S_OSC_ESC, S_CHARSET } state;
};

static inline void
text_put(struct screen_text *t, char c)
{
	t->text = xgrow(t->text, &t->cap, t->len + 2, 1);
	t->text[t->len++] = c;
	t->text[t->len] = '\0';
}

/* Feeds what the program wrote through a small ECMA-48 recogniser. */
static inline void
text_feed(struct screen_text *t, const unsigned char *p, size_t n)
{
	for (; n > 0; p++, n--) {
		switch (t->state) {
		case S_TEXT:
			if (*p == 0x1b)
				t->state = S_ESC;
			else if (*p > ' ' && *p != 0x7f)
				text_put(t, (char)*p);
			break;
		case S_ESC:
			if (*p == '[')
				t->state = S_CSI;
			else if (*p == ']' || *p == 'P' || *p == '_')
				t->state = S_OSC;	/* strings: OSC, DCS, APC */
			else if (*p == '(' || *p == ')' || *p == '#' ||
			    *p == '*' || *p == '+')
				t->state = S_CHARSET;
			else
				t->state = S_TEXT;
			break;
		case S_CSI:
			if (*p >= 0x40 && *p <= 0x7e)
				t->state = S_TEXT;
			break;
		case S_OSC:
			if (*p == 0x07)
				t->state = S_TEXT;
			else if (*p == 0x1b)
				t->state = S_OSC_ESC;
			break;
		case S_OSC_ESC:
			t->state = *p == '\\' ? S_TEXT : S_OSC;
			break;
		case S_CHARSET:
			t->state = S_TEXT;
			break;
		}
	}
}

/* Forgets the text so far (a mark then matches only what comes next). */
static inline void
text_forget(struct screen_text *t)
{
	t->len = 0;
	if (t->text != NULL)
		t->text[0] = '\0';
}

/* A mark with its spaces taken out, as the text has them. */
static inline char *
squeeze(const char *s)
{
	char *out = xmalloc(strlen(s) + 1), *q = out;

	for (; *s != '\0'; s++)
		if (*s != ' ')
			*q++ = *s;
	*q = '\0';
	return out;
}

#endif
