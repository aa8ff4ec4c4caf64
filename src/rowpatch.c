/* rowpatch.c -- a list drawn again by moving lines (rowpatch.h). */
#include "rowpatch.h"

/* How many rows from now[0] and old[0] on look the same, moved alike. */
static size_t
run(const struct drawn_row *old, size_t nold, const struct drawn_row *now,
    size_t nnow)
{
	int delta = now[0].y - old[0].y;
	size_t j;

	for (j = 0; j < nold && j < nnow; j++)
		if (now[j].item != old[j].item ||
		    now[j].lines != old[j].lines ||
		    now[j].selected != old[j].selected ||
		    now[j].y - old[j].y != delta)
			break;
	return j;
}

int
rowpatch_find(const struct drawn_row *old, size_t nold,
    const struct drawn_row *now, size_t nnow, struct row_patch *p)
{
	size_t m, mo, j, best = 0;

	/* No run from m (or mo) on can be longer than the rows left: once
	 * best is that long, nothing further can beat it. */
	for (m = 0; m < nnow && best < nnow - m; m++)
		for (mo = 0; mo < nold && best < nold - mo; mo++) {
			if (old[mo].item != now[m].item)
				continue;
			j = run(old + mo, nold - mo, now + m, nnow - m);
			if (j > best) {
				best = j;
				p->keep = m;
				p->from = mo;
				p->nkept = j;
				p->delta = now[m].y - old[mo].y;
			}
		}
	return best > 0 ? 0 : -1;
}
