/*
 * tui.h -- the one place screens/ includes curses (STYLE rule 1).
 *
 * Wide-character ncursesw: get_wch, cchar_t, waddnwstr.  The Makefile
 * compiles screens/ with pkg-config's ncursesw flags and -D_XOPEN_SOURCE=700,
 * which the wide functions need.  Named tui.h because a "curses.h" of ours
 * would shadow the system header.
 */
#ifndef CONVENE_TUI_H
#define CONVENE_TUI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>

#endif
