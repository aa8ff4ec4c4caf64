/* rowshift.c -- rows of a window moved on the terminal at once: see rowshift.h. */
#include "rowshift.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "util.h"

static int enabled = -1;	/* -1: CONVENE_ROWSHIFT not read yet */

static int
is_enabled(void)
{
	if (enabled < 0) {
		const char *e = getenv("CONVENE_ROWSHIFT");

		enabled = e == NULL || strcmp(e, "0") != 0;
	}
	return enabled;
}

/* A string capability of the terminal, NULL when it has none. */
static const char *
cap(const char *name)
{
	const char *s = tigetstr((char *)(uintptr_t)name);

	return s == NULL || s == (const char *)-1 || *s == '\0' ? NULL : s;
}

static int
has_flag(const char *name)
{
	return tigetflag((char *)(uintptr_t)name) > 0;
}

/* What moving rows takes, looked up once for the terminal in use. */
static struct caps {
	const TERMINAL *term;	/* whose they are */
	int usable;		/* sc, rc, cup; no ndscr, da, db */
	const char *sc, *rc, *cup, *csr;
	const char *ri, *rin, *ind, *indn;
	const char *il, *il1, *dl, *dl1;
} caps;

/* tiparm()'s results, kept: a board moves the same region to the same row
 * idea after idea, and formatting it again cost a few thousand
 * instructions a sequence (issue 21).  For the terminal in caps. */
static struct formatted {
	const char *cap;	/* NULL: free */
	int a, b;
	char s[48];
} formatted[4];
static unsigned next_formatted;

static const struct caps *
terminal_caps(void)
{
	if (caps.term == cur_term)
		return &caps;
	memset(formatted, 0, sizeof formatted);
	caps.term = cur_term;
	caps.sc = cap("sc");
	caps.rc = cap("rc");
	caps.cup = cap("cup");
	caps.csr = cap("csr");
	caps.ri = cap("ri");
	caps.rin = cap("rin");
	caps.ind = cap("ind");
	caps.indn = cap("indn");
	caps.il = cap("il");
	caps.il1 = cap("il1");
	caps.dl = cap("dl");
	caps.dl1 = cap("dl1");
	caps.usable = caps.sc != NULL && caps.rc != NULL && caps.cup != NULL &&
	    !has_flag("ndscr") && !has_flag("da") && !has_flag("db");
	return &caps;
}

/*
 * curses' own output: libtinfo exports _nc_outch, which puts a byte in the
 * buffer that the next update writes; putp() would write through stdio,
 * a write(2) of its own before the update's.  Weak: a curses without it
 * leaves every move to curses.
 */
extern int _nc_outch(int) __attribute__((weak));

static void
out(const char *s)
{
	tputs(s, 1, _nc_outch);
}

/* tiparm(c, a, b) (c takes one or two numbers), from formatted when it was
 * formatted before. */
static const char *
param(const char *c, int a, int b)
{
	struct formatted *f;
	const char *s;
	size_t i;

	for (i = 0; i < NELEM(formatted); i++)
		if (formatted[i].cap == c && formatted[i].a == a &&
		    formatted[i].b == b)
			return formatted[i].s;
	s = tiparm(c, a, b);
	if (s == NULL || strlen(s) >= sizeof f->s)
		return s;
	f = &formatted[next_formatted++ % NELEM(formatted)];
	f->cap = c;
	f->a = a;
	f->b = b;
	strcpy(f->s, s);
	return f->s;
}

/* 1 when no row of w from y down waits to be refreshed. */
static int
untouched_from(WINDOW *w, int y)
{
	int rows = getmaxy(w);

	for (; y < rows; y++)
		if (is_linetouched(w, y) != FALSE)
			return 0;
	return 1;
}

/* m times: the count form cn given m (when there is one, and m > 1 or
 * no c), else c m times.  The caller has one of them. */
static void
out_times(const char *c, const char *cn, int m)
{
	int i;

	if (cn != NULL && (m > 1 || c == NULL))
		out(param(cn, m, 0));
	else
		for (i = 0; i < m; i++)
			out(c);
}

/*
 * The sequences that move the terminal's rows top .. bot by n, put in
 * curses' own output (out), so that they reach the terminal in the same
 * write as the next update, and before it.  The cursor is saved and restored
 * around them: curses goes on from where it knows the cursor to be.  As
 * curses does: a scrolling region and reverse index (or index, up), else
 * delete and insert lines.  0, writing nothing, when the terminal has
 * neither, or keeps lines scrolled out of a region (ndscr, da, db).
 */
static int
move_terminal_rows(int top, int bot, int n)
{
	const struct caps *t = terminal_caps();
	const char *one = n > 0 ? t->ri : t->ind;
	const char *many = n > 0 ? t->rin : t->indn;
	int m = abs(n);

	if (_nc_outch == NULL || !t->usable)
		return 0;
	if (t->csr != NULL && (one != NULL || many != NULL)) {
		out(t->sc);
		out(param(t->csr, top, bot));
		out(param(t->cup, n > 0 ? top : bot, 0));
		out_times(one, many, m);
		out(param(t->csr, 0, getmaxy(curscr) - 1));
		out(t->rc);
		return 1;
	}
	if ((t->il == NULL && t->il1 == NULL) ||
	    (t->dl == NULL && t->dl1 == NULL))
		return 0;
	out(t->sc);
	/* down: lines leave at the region's foot first, come in at its top */
	out(param(t->cup, n > 0 ? bot - m + 1 : top, 0));
	out_times(t->dl1, t->dl, m);
	out(param(t->cup, n > 0 ? top : bot - m + 1, 0));
	out_times(t->il1, t->il, m);
	out(t->rc);
	return 1;
}

/*
 * Rows top .. bot of curscr or newscr (screen-sized, not subwindows) move
 * by n as the terminal's did, the rows below staying.  Nothing is left
 * marked as changed: the two stay alike, as an update leaves them.
 */
static void
move_screen_rows(WINDOW *scr, int top, int bot, int n)
{
	int was_scrollok = is_scrollok(scr);
	int rtop = 0, rbot = getmaxy(scr) - 1;

	wgetscrreg(scr, &rtop, &rbot);
	scrollok(scr, TRUE);
	wsetscrreg(scr, top, bot);
	wscrl(scr, -n);
	wsetscrreg(scr, rtop, rbot);
	scrollok(scr, was_scrollok);
	wtouchln(scr, top, bot - top + 1, 0);
}

/*
 * Why curses can be told: after an update, newscr (what should show) and
 * curscr (what shows) are alike and nothing is marked; moving both, and
 * the terminal, the same way keeps it so.  The window is left alone:
 * nothing of it is marked, so nothing of it reaches newscr until the
 * caller draws there (rowshift.h).  Curses' line hashes
 * for the moved rows are left as they were: at worst its next scrolling
 * guess is wrong, and an update draws what it compares, never what it
 * guessed.
 */
int
rowshift_lines(WINDOW *w, int y, int n)
{
	int top = getbegy(w) + y, bot = getbegy(w) + getmaxy(w) - 1;
	int rows = getmaxy(w);
	int can = n != 0 && is_enabled() && curscr != NULL &&
	    newscr != NULL && getbegx(w) == 0 &&
	    getmaxx(w) == getmaxx(curscr) && abs(n) < rows - y &&
	    untouched_from(w, y) && untouched_from(newscr, top) &&
	    untouched_from(curscr, top) && !is_cleared(curscr) &&
	    !is_cleared(newscr);

	if (!can || !move_terminal_rows(top, bot, n))
		return 0;
	move_screen_rows(newscr, top, bot, n);
	move_screen_rows(curscr, top, bot, n);
	return 1;
}
