/* app_pick.c -- a choice among a few lines, over the body (app_pick in
 * app.h): the languages a participant may read convene in, the zones of
 * their country.  Drawn as the help overlay is; the screen below keeps
 * its state. */
#include "app_int.h"

#include <stdlib.h>

#include "draw.h"
#include "text.h"
#include "util.h"

void
app_pick(struct app *a, const char *title, const char *const *items,
    size_t n, size_t sel, app_pick_fn done, void *self)
{
	size_t i;

	app_pick_clear(a);
	if (n == 0)
		return;
	a->pick_title = xstrdup(title);
	a->pick_items = xcalloc(n, sizeof *a->pick_items);
	for (i = 0; i < n; i++)
		a->pick_items[i] = xstrdup(items[i]);
	a->npick = n;
	a->pick_sel = sel < n ? sel : 0;
	a->pick_top = 0;
	a->pick_done = done;
	a->modal_self = self;
	a->mode = MODE_PICK;
	a->dirty |= REQ_FULL;
}

void
app_pick_clear(struct app *a)
{
	size_t i;

	for (i = 0; i < a->npick; i++)
		free(a->pick_items[i]);
	free(a->pick_items);
	free(a->pick_title);
	a->pick_items = NULL;
	a->pick_title = NULL;
	a->npick = 0;
}

/* Ends the choice: `done` hears the line picked, or -1. */
static void
pick_end(struct app *a, int picked)
{
	app_pick_fn done = a->pick_done;

	a->mode = MODE_NORMAL;
	a->dirty |= REQ_FULL;
	app_pick_clear(a);
	done(a->modal_self, a, picked);
}

void
app_pick_key(struct app *a, int key)
{
	size_t n = a->npick;

	switch (key) {
	case 'j':
	case KEYCODE(KEY_DOWN):
		if (a->pick_sel + 1 < n)
			a->pick_sel++;
		break;
	case 'k':
	case KEYCODE(KEY_UP):
		if (a->pick_sel > 0)
			a->pick_sel--;
		break;
	case 'g':
	case KEYCODE(KEY_HOME):
		a->pick_sel = 0;
		break;
	case 'G':
	case KEYCODE(KEY_END):
		a->pick_sel = n - 1;
		break;
	case '\r':
	case '\n':
	case ' ':
	case KEYCODE(KEY_ENTER):
		pick_end(a, (int)a->pick_sel);
		return;
	case 27:
	case 'q':
		pick_end(a, -1);
		return;
	default:
		/* 1-9: that line, as numbered. */
		if (key >= '1' && key <= '9' && (size_t)(key - '1') < n) {
			pick_end(a, key - '1');
			return;
		}
		break;
	}
	a->dirty |= REQ_REDRAW;
}

/* The box: as wide as the longest line allows, at most the screen's. */
static int
box_cols(const struct app *a)
{
	int w = text_width(a->pick_title) + 10, i;

	for (i = 0; (size_t)i < a->npick; i++)
		if (text_width(a->pick_items[i]) + 8 > w)
			w = text_width(a->pick_items[i]) + 8;
	return w > a->cols - 2 ? a->cols - 2 : w;
}

void
app_pick_click(struct app *a, int y)
{
	int row = y - 1 + (int)a->pick_top;

	if (y < 1 || row < 0 || (size_t)row >= a->npick)
		return;
	pick_end(a, row);
}

void
app_pick_draw(struct app *a)
{
	int rows = app_body_rows(a), cols = box_cols(a), height, x, i;
	size_t k;

	height = (int)a->npick + 2 > rows ? rows : (int)a->npick + 2;
	if (height < 3)
		return;
	if (a->pick_sel < a->pick_top)
		a->pick_top = a->pick_sel;
	if (a->pick_sel >= a->pick_top + (size_t)(height - 2))
		a->pick_top = a->pick_sel - (size_t)(height - 2) + 1;
	x = (a->cols - cols) / 2;
	draw_box(a->w_body, 0, x, height, cols, a->pick_title, A_NORMAL);
	for (i = 0; i < height - 2; i++) {
		k = a->pick_top + (size_t)i;
		if (k >= a->npick)
			break;
		if (k == a->pick_sel)
			draw_fill(a->w_body, 1 + i, x + 1, cols - 2,
			    draw_attr(DR_SELECTED));
		if (k < 9)
			draw_textf(a->w_body, 1 + i, x + 2, 3, k == a->pick_sel ?
			    draw_attr(DR_SELECTED) : draw_attr(DR_DIM), "%zu",
			    k + 1);
		draw_text(a->w_body, 1 + i, x + 5, cols - 7, a->pick_items[k],
		    k == a->pick_sel ? draw_attr(DR_SELECTED) : A_NORMAL);
	}
	/* The highlighted line holds the cursor (screen readers). */
	a->cursor_y = 1 + (int)(a->pick_sel - a->pick_top);
	a->cursor_x = x + 2;
}
