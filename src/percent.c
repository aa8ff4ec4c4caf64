/* percent.c -- one way to turn counts into percent (see percent.h). */
#include "percent.h"

#include <stdlib.h>

#include "util.h"

/* Index of the item that gets the next leftover point: the largest
 * remainder, then the larger count, then the earlier item.  given[i] marks
 * items that already have one (each gets at most one). */
static size_t
next_point(const unsigned long *counts, const unsigned long *rem,
    const unsigned char *given, size_t n)
{
	size_t i, best = n;

	for (i = 0; i < n; i++) {
		if (given[i])
			continue;
		if (best == n || rem[i] > rem[best] ||
		    (rem[i] == rem[best] && counts[i] > counts[best]))
			best = i;
	}
	return best;
}

void
percent_split(const unsigned long *counts, size_t n, int *pct)
{
	unsigned long total = 0, *rem;
	unsigned char *given;
	long left = 100;
	size_t i, best;

	for (i = 0; i < n; i++) {
		pct[i] = 0;
		total += counts[i];
	}
	if (total == 0 || n == 0)
		return;
	rem = xcalloc(n, sizeof *rem);
	given = xcalloc(n, sizeof *given);
	for (i = 0; i < n; i++) {
		pct[i] = (int)(100UL * counts[i] / total);
		rem[i] = 100UL * counts[i] % total;
		left -= pct[i];
	}
	/* At most n - 1 points are left over: each item's floor lost less
	 * than one. */
	for (; left > 0; left--) {
		best = next_point(counts, rem, given, n);
		if (best == n)
			break;
		pct[best]++;
		given[best] = 1;
	}
	free(rem);
	free(given);
}

int
percent_of_people(unsigned long count, unsigned long people)
{
	if (people == 0)
		return 0;
	return (int)((200UL * count + people) / (2UL * people));
}
