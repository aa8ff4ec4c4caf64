/*
 * wall.h -- what the participant terminal and the projector both show.
 *
 * The phase of the voting as a viewer sees it, the clock as text, people's
 * text wrapped into a box of limited rows (cut with "…" on the last row),
 * and the ranked results as a bar chart.  Drawing goes through draw.h, so
 * participant text reaches the terminal only in its display form.
 */
#ifndef CONVENE_WALL_H
#define CONVENE_WALL_H

#include <stddef.h>
#include <stdint.h>

#include "tui.h"

struct session;
struct state;

#define WALL_ANY_ROOM (-2)	/* the projector: rounds of every room */

enum wall_phase {
	WALL_IDEAS,		/* no round, or an old one */
	WALL_VOTING,		/* a round is open */
	WALL_CLOSED,		/* closed, results not revealed yet */
	WALL_REVEALED		/* results revealed */
};

/* The phase for a viewer of `room` (a room index, -1 for the plenary, or
 * WALL_ANY_ROOM): the current round counts when it is for the plenary or
 * that room, and when it is open or was closed or revealed since the
 * agenda last moved.  *round (may be NULL) gets its index, or -1. */
enum wall_phase wall_phase(const struct state *st, int room, int *round);

/* The clock as people read it: the room's timer (room >= 0) when it runs
 * or is paused, else the session timer, else the time of day in the
 * module's zone ("14:05").  *kind tells which. */
enum wall_clock { WALL_CLOCK_TIME, WALL_CLOCK_RUNNING, WALL_CLOCK_PAUSED,
	WALL_CLOCK_WARN, WALL_CLOCK_OVER };
void wall_clock(const struct session *s, int room, int64_t now, char *buf,
    size_t size, enum wall_clock *kind);
/* Milliseconds until wall_clock's text changes. */
int64_t wall_clock_next(const struct session *s, int room, int64_t now);

/* Rows `s` takes wrapped to width, at most maxrows (at least 1). */
int wall_text_rows(const char *s, int width, int maxrows);
/* Draws `s` wrapped to width into at most maxrows rows from y, x; when it
 * needs more, the last row is cut with "…".  Returns the rows drawn. */
int wall_text(WINDOW *w, int y, int x, int width, int maxrows, const char *s,
    attr_t attr);

/* An idea's text as ballots and results show it: for a round of prototypes
 * (round_is_prototypes), led by its team (room) name, "Blue team · text".
 * The caller frees it. */
char *wall_idea_label(const struct state *st, int idea,
    int round_is_prototypes);

/* The ranked results of a round as a bar chart in rows x cols at y, x,
 * from the entry `first` on (0: the winner).  Each entry takes
 * `entry_rows` rows (1: rank, bar, dots and text on one row; 2: the text
 * above its bar).  Ideas by participant `me` (an index, -1 none) are
 * marked.  Returns the number of entries there are in all. */
size_t wall_results(WINDOW *w, int y, int x, int rows, int cols,
    const struct state *st, int round, size_t first, int entry_rows,
    int me);

/* Frees what the wall keeps between frames (at exit, for valgrind). */
void wall_shutdown(void);

#endif
