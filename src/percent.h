/*
 * percent.h -- every percentage convene shows, computed in one place so
 * that the participant's screen, the projector, the console, summary.md
 * and outcomes.xlsx show the same figure for the same count (issue 17: a
 * three-way poll read 34/33/33 on screen and 33/33/33 in summary.md).
 *
 * Two kinds of figure:
 *  - a split: shares of one whole (a single-answer or scale poll, the dots
 *    of a round, an evaluation question's answers).  Whole percent by the
 *    largest-remainder method, so the shares add up to exactly 100: each
 *    gets the floor of its exact share, then the points left over go one
 *    each to the largest remainders.  Tie rule: between equal remainders
 *    the larger count wins, then the earlier item (the order the caller
 *    lists them in: option order, rank order).
 *  - a share of people: a multiple-answer poll, where each person may pick
 *    several options; each figure is count / people rounded half up on its
 *    own, and the figures may add up to more than 100.
 */
#ifndef CONVENE_PERCENT_H
#define CONVENE_PERCENT_H

#include <stddef.h>

/*
 * Splits 100 among n counts by the largest remainder (the tie rule above)
 * into pct[] (n ints).  The total is the sum of the counts; when it is 0
 * every share is 0 (nothing to split, nothing shown as 100).
 */
void percent_split(const unsigned long *counts, size_t n, int *pct);

/* count as a whole percent of people, rounded half up; 0 when people is 0.
 * For multiple-answer polls: the share of respondents who chose it. */
int percent_of_people(unsigned long count, unsigned long people);

#endif
