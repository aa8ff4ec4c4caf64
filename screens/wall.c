/* wall.c -- what the participant terminal and the projector both show. */
#include "wall.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "draw.h"
#include "i18n.h"
#include "results.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#define ELLIPSIS "\xe2\x80\xa6"
#define WARN_MS (2 * 60 * 1000)	/* as the status line: the last two minutes */

/* --- the phase ----------------------------------------------------------- */

enum wall_phase
wall_phase(const struct state *st, int room, int *round)
{
	const struct round *r;
	int64_t moved = st->nvisits > 0 ? st->visits[st->nvisits - 1].at : 0;

	if (round != NULL)
		*round = -1;
	if (st->current_round < 0)
		return WALL_IDEAS;
	r = &st->rounds[st->current_round];
	if (room != WALL_ANY_ROOM && r->room >= 0 && r->room != room)
		return WALL_IDEAS;
	if (!r->open && r->closed_at < moved && r->revealed_at < moved)
		return WALL_IDEAS;
	if (round != NULL)
		*round = st->current_round;
	if (r->open)
		return WALL_VOTING;
	return r->revealed ? WALL_REVEALED : WALL_CLOSED;
}

/* --- the clock ----------------------------------------------------------- */

/* The timer a viewer of `room` follows, or NULL. */
static const struct timer *
shown_timer(const struct state *st, int room, int64_t now)
{
	const struct timer *t = room >= 0 ? state_timer_live(st, room, now) :
	    NULL;

	return t != NULL ? t : state_timer_live(st, -1, now);
}

void
wall_clock(const struct session *s, int room, int64_t now, char *buf,
    size_t size, enum wall_clock *kind)
{
	const struct timer *t = shown_timer(s->state, room, now);
	struct tz_local l;
	int64_t rem;

	if (t != NULL) {
		rem = timer_remaining_ms(t, now);
		draw_format_clock(rem, buf, size);
		if (rem <= 0)
			*kind = WALL_CLOCK_OVER;
		else if (t->state == TIMER_PAUSED)
			*kind = WALL_CLOCK_PAUSED;
		else
			*kind = rem <= WARN_MS ? WALL_CLOCK_WARN :
			    WALL_CLOCK_RUNNING;
		return;
	}
	*kind = WALL_CLOCK_TIME;
	if (tz_to_local(s->module->timezone, now, &l) == 0)
		snprintf(buf, size, "%02d:%02d", l.hour, l.minute);
	else
		snprintf(buf, size, "--:--");
}

int64_t
wall_clock_next(const struct session *s, int room, int64_t now)
{
	const struct timer *t = shown_timer(s->state, room, now);
	int64_t rem;

	if (t == NULL || t->state != TIMER_RUNNING)
		return 60000 - now % 60000;
	rem = timer_remaining_ms(t, now);
	return rem > 0 ? (rem - 1) % 1000 + 1 : 1000 - (-rem) % 1000;
}

/* --- text in a box ------------------------------------------------------- */

/* One buffer for every wrap: wrapping a wall each frame then allocates next
 * to nothing (text.h).  The screens run on one thread. */
static struct text_lines lines;
/* The text and width `lines` holds the wrap of: a screen that asks how
 * many rows a text takes and then draws it wraps it once (ICU's line
 * breaks are the dearest part of drawing a row). */
static char *wrapped;
static size_t wrapped_cap;
static int wrapped_width;

static size_t
wrap(const char *s, int width)
{
	size_t len = strlen(s);

	if (wrapped != NULL && width == wrapped_width && strcmp(s, wrapped) == 0)
		return lines.n;
	text_wrap_n(s, len, width, &lines);
	wrapped = xgrow(wrapped, &wrapped_cap, len + 1, 1);
	memcpy(wrapped, s, len + 1);
	wrapped_width = width;
	return lines.n;
}

void
wall_shutdown(void)
{
	text_lines_free(&lines);
	free(wrapped);
	wrapped = NULL;
	wrapped_cap = 0;
}

int
wall_text_rows(const char *s, int width, int maxrows)
{
	int n;

	if (s == NULL || width <= 0)
		return 1;
	n = (int)wrap(s, width);
	if (maxrows > 0 && n > maxrows)
		n = maxrows;
	return n < 1 ? 1 : n;
}

int
wall_text(WINDOW *w, int y, int x, int width, int maxrows, const char *s,
    attr_t attr)
{
	size_t n, i;
	char *row;

	if (s == NULL || width <= 0 || maxrows <= 0)
		return 0;
	/* One row of a text without a line break: the text itself when it
	 * fits, else its first words and "…" (text_cut_words lays out only
	 * the text's start).  Laying the whole text out (ICU's line breaks)
	 * for it was most of the cost of drawing a board again (issue 21). */
	if (maxrows == 1 && strpbrk(s, "\n\r") == NULL) {
		row = text_cut_words(s, width, ELLIPSIS);
		draw_text(w, y, x, width, row, attr);
		free(row);
		return 1;
	}
	n = wrap(s, width);
	for (i = 0; i < n && (int)i < maxrows; i++) {
		if ((int)i == maxrows - 1 && i + 1 < n) {
			/* The rest does not fit: its first words, and "…"
			 * (a Korean word is not cut in the middle). */
			row = text_cut_words(s + lines.v[i].offset, width,
			    ELLIPSIS);
			draw_text(w, y + (int)i, x, width, row, attr);
			free(row);
			return maxrows;
		}
		row = xstrndup(s + lines.v[i].offset, lines.v[i].len);
		draw_text(w, y + (int)i, x, width, row, attr);
		free(row);
	}
	return (int)i;
}

/* --- the results chart --------------------------------------------------- */

/* "12 dots · 5 people" */
static void
result_numbers(char *buf, size_t size, const struct ranked *k)
{
	char *dots = xasprintf(ngettext("%d dot", "%d dots", k->dots),
	    k->dots);
	char *people = xasprintf(ngettext("%d person", "%d people",
	    k->voters), k->voters);

	snprintf(buf, size, "%s \xc2\xb7 %s", dots, people);
	free(dots);
	free(people);
}

char *
wall_idea_label(const struct state *st, int idea, int round_is_prototypes)
{
	const struct idea *it = &st->ideas[idea];

	/* A prototype is its team's: the team says whose it is. */
	if (round_is_prototypes && it->room >= 0)
		return xasprintf("%s \xc2\xb7 %s", state_room_label(st,
		    it->room), state_idea_text(st, idea));
	return xstrdup(state_idea_text(st, idea));
}

static void
result_entry(WINDOW *w, int y, int x, int cols, const struct state *st,
    const struct ranked *k, int max, int entry_rows, int me,
    int prototypes)
{
	const struct idea *it = &st->ideas[k->idea];
	attr_t ta = k->rank <= 3 ? A_BOLD : A_NORMAL;
	char rank[16], nums[96], *label;
	int c, barw;

	snprintf(rank, sizeof rank, "%s%2d%s", k->tie ? "=" : " ", k->rank,
	    it->author == me && me >= 0 ? "\xe2\x98\x85" : " ");
	result_numbers(nums, sizeof nums, k);
	c = draw_text(w, y, x, cols, rank, draw_attr(DR_HEADING));
	c += 1;
	label = wall_idea_label(st, k->idea, prototypes);
	if (entry_rows >= 2) {
		draw_text(w, y, x + c, cols - c, label, ta);
		barw = cols - c - text_width(nums) - 1;
		draw_bar(w, y + 1, x + c, barw, k->dots, max,
		    draw_attr(DR_BAR));
		draw_text(w, y + 1, x + c + (barw > 0 ? barw : 0) + 1,
		    cols - c - (barw > 0 ? barw : 0) - 1, nums, draw_attr(DR_DIM));
	} else {
		barw = cols / 4;
		draw_bar(w, y, x + c, barw, k->dots, max, draw_attr(DR_BAR));
		c += barw + 1;
		c += draw_textf(w, y, x + c, cols - c, draw_attr(DR_DIM),
		    "%3d ", k->dots);
		draw_text(w, y, x + c, cols - c, label, ta);
	}
	free(label);
}

size_t
wall_results(WINDOW *w, int y, int x, int rows, int cols,
    const struct state *st, int round, size_t first, int entry_rows, int me)
{
	struct ranked *out = NULL;
	size_t n = 0, i;
	int row = 0;

	if (results_rank(st, round, &out, &n) != 0 || n == 0) {
		draw_text(w, y, x, cols, _("No dots were cast in this round."),
		    draw_attr(DR_DIM));
		free(out);
		return 0;
	}
	if (entry_rows < 1)
		entry_rows = 1;
	for (i = first; i < n && row + entry_rows <= rows; i++) {
		result_entry(w, y + row, x, cols, st, &out[i], out[0].dots,
		    entry_rows, me, st->rounds[round].prototypes_only);
		row += entry_rows;
	}
	free(out);
	return n;
}
