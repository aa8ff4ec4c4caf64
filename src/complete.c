/* complete.c -- completion items from a verb's usage line (complete.h). */
#include "complete.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The output text, grown as lines are added. */
struct out {
	char *buf;
	size_t len, cap;
};

/* Adds "kind word[ arg]\n" unless the same line is there already (a flag
 * or subcommand repeated in another form of the usage). */
static void
out_line(struct out *o, const char *kind, const char *word, const char *arg)
{
	char *line = arg != NULL ? xasprintf("%s %s %s\n", kind, word, arg) :
	    xasprintf("%s %s\n", kind, word);
	size_t n = strlen(line);
	const char *p = o->buf;

	while (p != NULL && (p = strstr(p, line)) != NULL) {
		if (p == o->buf || p[-1] == '\n') {
			free(line);
			return;
		}
		p++;
	}
	o->buf = xgrow(o->buf, &o->cap, o->len + n + 1, 1);
	memcpy(o->buf + o->len, line, n + 1);
	o->len += n;
	free(line);
}

/* The word without the brackets around it ("[--room" is "--room",
 * "N]]" is "N", "BLOCK[:OFFSET]]" is "BLOCK[:OFFSET]"); the caller frees
 * it.  A closing bracket that closes one inside the word stays. */
static char *
bare(const char *raw)
{
	size_t n, i, open = 0, close = 0;

	while (*raw == '[')
		raw++;
	n = strlen(raw);
	for (i = 0; i < n; i++)
		open += raw[i] == '[', close += raw[i] == ']';
	while (n > 0 && raw[n - 1] == ']' && close > open)
		n--, close--;
	return xstrndup(raw, n);
}

/* A subcommand: lower-case letters and '-' only. */
static int
is_word(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!islower((unsigned char)*s) && *s != '-')
			return 0;
	return 1;
}

/* A placeholder: starts with an upper-case letter (SESSION, FILE.csv). */
static int
is_placeholder(const char *s)
{
	return isupper((unsigned char)*s);
}

/* Does the flag at tok[i] take tok[i + 1] as its argument? */
static int
takes_arg(char **tok, size_t i, size_t n)
{
	size_t len = strlen(tok[i]);

	if (len > 0 && tok[i][len - 1] == ']')
		return 0;	/* "[--kiosk]": the bracket closes on it */
	if (i + 1 >= n || strcmp(tok[i + 1], "|") == 0)
		return 0;
	return tok[i + 1][0] != '[' && tok[i + 1][0] != '-';
}

/* Splits the usage at spaces; *n words (the caller frees both). */
static char **
split(const char *usage, size_t *n)
{
	char **tok = NULL;
	size_t cap = 0;
	const char *p = usage;

	*n = 0;
	while (*p != '\0') {
		size_t len = strcspn(p, " ");

		if (len > 0) {
			tok = xgrow(tok, &cap, *n + 1, sizeof *tok);
			tok[(*n)++] = xstrndup(p, len);
		}
		p += len;
		p += strspn(p, " ");
	}
	return tok;
}

char *
complete_usage(const char *usage)
{
	struct out o = { NULL, 0, 0 };
	size_t n, i, form = 0, positional = 0;
	char **tok = split(usage, &n);
	int leading = 1;	/* still in the first form's placeholders */

	for (i = 0; i < n; i++) {
		char *w;

		if (strcmp(tok[i], "|") == 0) {
			form++, positional = 0, leading = 0;
			continue;
		}
		w = bare(tok[i]);
		if (str_starts(w, "--")) {
			char *arg = takes_arg(tok, i, n) ? bare(tok[++i]) : NULL;

			out_line(&o, "opt", w, arg);
			free(arg);
		} else if (*w != '\0') {
			/* The first form's first word is its operand
			 * (SESSION); every form's next word may be a
			 * subcommand. */
			if (is_word(w) && positional == (form == 0 ? 1 : 0))
				out_line(&o, "sub", w, NULL);
			if (!is_placeholder(w))
				leading = 0;
			if (leading)
				out_line(&o, "pos", w, NULL);
			positional++;
		}
		free(w);
	}
	for (i = 0; i < n; i++)
		free(tok[i]);
	free(tok);
	return o.buf != NULL ? o.buf : xstrdup("");
}
