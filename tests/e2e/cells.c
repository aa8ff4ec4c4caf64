/*
 * cells.c -- where text sits on a screen that tmux captured, in columns,
 * measured as tmux 3.3a measures it (not with convene's code): the sum of
 * glibc's wcwidth() over the code points, except that a character after a
 * ZERO WIDTH JOINER goes into the cell before it.
 *
 * Reads lines (capture-pane -p) on stdin and prints one line for each: the
 * column (from 0) where each run of text starts, a run being what follows
 * the start of the line or two spaces or more, then "=", the line's width
 * in tmux 3.3a, its width code point by code point (as xterm and VTE count
 * it) and the number of VARIATION SELECTOR-16s on it (tmux 3.4 and later
 * widen the character before one).
 *
 *	cells <screen.txt
 */
#define _XOPEN_SOURCE 700
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static void
measure(const char *line)
{
	mbstate_t ps;
	size_t len = strlen(line), k;
	wchar_t wc;
	int col = 0, spaces = 2, joined = 0, w, flat = 0, vs16 = 0;

	memset(&ps, 0, sizeof ps);
	while (len > 0 && line[len - 1] == '\n')
		len--;
	while (len > 0) {
		k = mbrtowc(&wc, line, len, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			wc = L'?';
			k = 1;
			memset(&ps, 0, sizeof ps);
		}
		if (wc == L' ')
			spaces++;
		else {
			if (spaces >= 2)
				printf(" %d", col);
			spaces = 0;
		}
		w = wcwidth(wc);
		if (!joined && w > 0)
			col += w;
		if (w > 0)
			flat += w;
		vs16 += wc == 0xFE0F;
		joined = wc == 0x200D;
		line += k;
		len -= k;
	}
	printf(" = %d %d %d\n", col, flat, vs16);
}

int
main(void)
{
	char buf[8192];

	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 77;
	while (fgets(buf, sizeof buf, stdin) != NULL)
		measure(buf);
	return 0;
}
