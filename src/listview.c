/* listview.c -- selection and scroll of a list (see listview.h). */
#include "listview.h"

size_t
listview_max_top(const struct listview *lv)
{
	return lv->count > lv->height ? lv->count - lv->height : 0;
}

size_t
listview_visible(const struct listview *lv)
{
	size_t left = lv->count - lv->top;

	return left < lv->height ? left : lv->height;
}

/* Restores the invariants of listview.h, moving the view as little as
 * possible so that the selection stays where the eye left it. */
static void
clamp(struct listview *lv)
{
	if (lv->count == 0) {
		lv->sel = lv->top = 0;
		return;
	}
	if (lv->sel >= lv->count)
		lv->sel = lv->count - 1;
	if (lv->height == 0) {
		if (lv->top > listview_max_top(lv))
			lv->top = listview_max_top(lv);
		return;
	}
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	else if (lv->sel >= lv->top + lv->height)
		lv->top = lv->sel - lv->height + 1;
	if (lv->top > listview_max_top(lv))
		lv->top = listview_max_top(lv);
}

void
listview_init(struct listview *lv)
{
	lv->count = lv->height = lv->sel = lv->top = 0;
}

void
listview_set_count(struct listview *lv, size_t count)
{
	lv->count = count;
	clamp(lv);
}

void
listview_set_height(struct listview *lv, size_t height)
{
	lv->height = height;
	clamp(lv);
}

/* sel + delta, saturating at 0 and at the last row. */
static size_t
offset(size_t at, long delta, size_t count)
{
	size_t step;

	if (count == 0)
		return 0;
	if (delta < 0) {
		step = (size_t)-(delta + 1) + 1;
		return step > at ? 0 : at - step;
	}
	step = (size_t)delta;
	return step >= count - 1 - at ? count - 1 : at + step;
}

void
listview_move(struct listview *lv, long delta)
{
	lv->sel = offset(lv->sel, delta, lv->count);
	clamp(lv);
}

long
listview_page_rows(const struct listview *lv)
{
	return lv->height > 1 ? (long)lv->height - 1 : 1;
}

void
listview_page(struct listview *lv, int pages)
{
	long rows = listview_page_rows(lv);
	size_t top = lv->top;

	/* Turn the page: the view moves by the same amount as the selection,
	 * keeping one row of context, as less(1) and most lists do. */
	lv->sel = offset(lv->sel, rows * pages, lv->count);
	lv->top = offset(top, rows * pages, lv->count);
	clamp(lv);
}

void
listview_home(struct listview *lv)
{
	lv->sel = lv->top = 0;
	clamp(lv);
}

void
listview_end(struct listview *lv)
{
	lv->sel = lv->count > 0 ? lv->count - 1 : 0;
	clamp(lv);
}

int
listview_go(struct listview *lv, enum listview_go go)
{
	switch (go) {
	case LISTVIEW_DOWN:
		listview_move(lv, 1);
		return 1;
	case LISTVIEW_UP:
		listview_move(lv, -1);
		return -1;
	case LISTVIEW_PGDN:
		listview_page(lv, 1);
		return 1;
	case LISTVIEW_PGUP:
		listview_page(lv, -1);
		return -1;
	case LISTVIEW_HOME:
		listview_home(lv);
		return 1;
	case LISTVIEW_END:
		listview_end(lv);
		return -1;
	}
	return 1;
}

void
listview_scroll_go(struct listview *lv, enum listview_go go)
{
	switch (go) {
	case LISTVIEW_DOWN:
		listview_scroll(lv, 1);
		break;
	case LISTVIEW_UP:
		listview_scroll(lv, -1);
		break;
	case LISTVIEW_PGDN:
		listview_scroll(lv, listview_page_rows(lv));
		break;
	case LISTVIEW_PGUP:
		listview_scroll(lv, -listview_page_rows(lv));
		break;
	case LISTVIEW_HOME:
		listview_scroll_to(lv, 0);
		break;
	case LISTVIEW_END:
		listview_scroll_to(lv, lv->count);
		break;
	}
}

void
listview_select(struct listview *lv, size_t i)
{
	lv->sel = i;
	clamp(lv);
}

/* Keeps sel on a visible row after the top moved. */
static void
follow_top(struct listview *lv)
{
	size_t max = listview_max_top(lv);

	if (lv->top > max)
		lv->top = max;
	if (lv->sel < lv->top)
		lv->sel = lv->top;
	else if (lv->height > 0 && lv->sel >= lv->top + lv->height)
		lv->sel = lv->top + lv->height - 1;
	clamp(lv);
}

void
listview_scroll(struct listview *lv, long delta)
{
	lv->top = offset(lv->top, delta, lv->count);
	follow_top(lv);
}

void
listview_scroll_to(struct listview *lv, size_t i)
{
	lv->top = i;
	follow_top(lv);
}

int
listview_step(int sel, long delta, size_t n)
{
	long v = (long)sel + delta;

	if (n == 0 || v < 0)
		return 0;
	if ((size_t)v >= n)
		return (int)(n - 1);
	return (int)v;
}
