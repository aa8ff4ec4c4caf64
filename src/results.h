/*
 * results.h -- the ranked results of a voting round.
 *
 * UI-free: the export (results.csv, summary.md) and the screens' results
 * chart both rank through here, so every view of a round agrees.
 *
 * The rules:
 *  - Dots count for the idea they were cast on, or, when that idea was
 *    merged into another (through any chain of merges), for the idea at
 *    the end of the chain, its "root".  A merged idea is never ranked on
 *    its own: it is ranked once, as its root.
 *  - voters is the number of distinct participants with dots on the root
 *    or on any idea merged into it: a person who dotted both halves of a
 *    merge counts once.
 *  - Only roots with at least one dot are ranked; roots that are withdrawn
 *    or hidden are left out (their dots stay in votes.csv).
 *  - Order: more dots first, then more voters, then the earlier idea
 *    (created_at, then journal order).
 *  - rank is the 1-based position in that order, distinct for every idea;
 *    room_rank the position among the ideas of the same room (the plenary,
 *    room -1, is a room of its own).  tie is 1 when the idea has the same
 *    dots and voters as the idea ranked just before or just after it
 *    overall, that is when only the age of the ideas put them in order.
 */
#ifndef CONVENE_RESULTS_H
#define CONVENE_RESULTS_H

#include <stddef.h>

struct state;

struct ranked {
	int idea;		/* index into st->ideas: the root */
	int room;		/* that idea's room index, -1: plenary */
	int rank;		/* 1-based, overall */
	int room_rank;		/* 1-based, within `room` */
	int dots;		/* net dots, merged ideas included */
	int voters;		/* distinct voters, merged ideas included */
	int tie;		/* 1: same dots and voters as a neighbour */
};

/* Ranks round `round` (an index into st->rounds).  *out receives an array
 * of *n entries in rank order (caller frees; NULL when *n is 0).  Returns
 * 0, or -1 when `round` is out of range (then *out is NULL, *n 0).  Runs in
 * O(T log T + I) for T tally entries and I ideas; the state is only read. */
int results_rank(const struct state *st, int round, struct ranked **out,
    size_t *n);

/* The idea whose tally counts the dots of idea `idea`: the end of its
 * chain of merges (the idea itself when not merged).  A chain that loops
 * (a damaged journal) resolves to `idea` itself.  -1 for an index out of
 * range. */
int results_root(const struct state *st, int idea);

#endif
