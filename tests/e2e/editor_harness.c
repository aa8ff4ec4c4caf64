/*
 * editor_harness.c -- a lineedit field alone on a screen, for
 * tests/e2e/text_editor.sh (which builds it; the Makefile does not).
 *
 *   editor_harness OUT [ROWS [HOSTILE_FILE]]
 *
 * Shows a field of 40 columns (ROWS > 1: a box of ROWS rows) between
 * brackets.  Enter appends "submit HEX" (the field's bytes in hex) to OUT,
 * shows that line (row 8) and the text (row 10) and empties the field;
 * Esc appends "cancel HEX" (the draft kept) and exits 0.  HOSTILE_FILE, when
 * given, is drawn as participant text on row 12: its escape sequences must
 * show as placeholders, never act.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "editbuf.h"
#include "i18n.h"
#include "lineedit.h"
#include "text.h"
#include "tui.h"
#include "util.h"

#define FIELD_Y 2
#define FIELD_X 3
#define FIELD_COLS 40

static char *
hex(const char *s)
{
	size_t i, n = strlen(s);
	char *out = xmalloc(2 * n + 1);

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", (unsigned char)s[i]);
	out[2 * n] = '\0';
	return out;
}

static void
record(const char *path, const char *what, const char *text)
{
	FILE *f = fopen(path, "a");
	char *h = hex(text);

	if (f != NULL) {
		fprintf(f, "%s %s\n", what, h);
		fclose(f);
	}
	mvprintw(8, 0, "%s: %s", what, h);
	clrtoeol();
	free(h);
}

static void
draw_frame(int rows, const char *hostile)
{
	int r;

	mvaddstr(0, 0, "editor harness: Enter submits, Esc quits");
	for (r = 0; r < rows; r++) {
		mvaddch(FIELD_Y + r, FIELD_X - 1, '[');
		mvaddch(FIELD_Y + r, FIELD_X + FIELD_COLS, ']');
	}
	if (hostile != NULL) {
		mvaddstr(11, 0, "hostile:");
		mvaddch(12, 0, '|');
		lineedit_put_text(stdscr, 12, 1, hostile, strlen(hostile), 60);
		addch('|');
	}
}

static void
show_message(const struct lineedit *le)
{
	const char *m = lineedit_message(le);

	move(6, 0);
	clrtoeol();
	if (m != NULL)
		mvprintw(6, 0, "refused: %s", m);
}

int
main(int argc, char **argv)
{
	struct lineedit *le;
	char *hostile = NULL;
	int rows, ret, running = 1;
	wint_t key;
	size_t len;

	if (argc < 2) {
		fprintf(stderr, "usage: editor_harness OUT [ROWS [FILE]]\n");
		return 2;
	}
	rows = argc > 2 ? atoi(argv[2]) : 1;
	if (rows < 1 || rows > 5)
		rows = 1;
	if (argc > 3 && (hostile = file_read_all(argv[3], 4096, &len)) == NULL)
		return 3;
	if (i18n_init() != 0)
		return 3;
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	lineedit_keys_init();
	lineedit_bracketed_paste(1);
	le = lineedit_new(100, rows > 1);
	lineedit_place(le, stdscr, FIELD_Y, FIELD_X, rows, FIELD_COLS);
	while (running) {
		draw_frame(rows, hostile);
		show_message(le);
		lineedit_draw(le);
		refresh();
		ret = get_wch(&key);
		switch (lineedit_key(le, ret, key)) {
		case EDIT_SUBMIT:
			record(argv[1], "submit", editbuf_text(lineedit_buf(le)));
			lineedit_put_text(stdscr, 10, 0,
			    editbuf_text(lineedit_buf(le)),
			    editbuf_len(lineedit_buf(le)), 70);
			editbuf_clear(lineedit_buf(le));
			break;
		case EDIT_CANCEL:
			record(argv[1], "cancel", editbuf_text(lineedit_buf(le)));
			running = 0;
			break;
		case EDIT_CONTINUE:
			break;
		}
	}
	lineedit_bracketed_paste(0);
	endwin();
	lineedit_free(le);
	free(hostile);
	text_shutdown();
	return 0;
}
