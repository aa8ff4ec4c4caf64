/*
 * export_charts.c -- outcomes.xlsx's last sheet, "charts": native charts
 * of the workshop, each beside the small table of counts it plots.
 *
 * Results and attendance per day plot the rows of the "results" and
 * "days" sheets themselves; attendance per country, ideas per stage and
 * per country, and the evaluation's 1-5 answers are counts nothing else
 * holds, so they are written here, in columns A and B, with their chart
 * to the right.  A chart with nothing to plot is left out (a chart with
 * no data is an empty frame, and libxlsxwriter refuses a chart with no
 * series); its table says "none".
 */
#include "export_int.h"

#include <stdlib.h>
#include <string.h>


#include "content.h"
#include "i18n.h"
#include "xlsx_lib.h"
#include "results.h"
#include "state.h"
#include "util.h"

#define TOP_RESULTS	10	/* bars a round's chart shows */
#define CHART_ROWS	16	/* a chart's default height, in rows */
#define CHART_COL	3	/* charts start at column D */

/* Columns of the tables' sheets that the charts plot (export_tables.c). */
#define RESULTS_TEXT	4
#define RESULTS_DOTS	6
#define DAYS_DAY	0
#define DAYS_DATE	1
#define DAYS_PRESENT	5

struct charts {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold;
	lxw_row_t row;		/* where the next block starts */
	lxw_error error;
};

/* Labels and their counts, in order of first appearance. */
struct tally {
	const char **label;	/* borrowed */
	unsigned *n;
	size_t len, cap, ncap;
};

static void
tally_add(struct tally *t, const char *label)
{
	size_t i;

	for (i = 0; i < t->len; i++)
		if (strcmp(t->label[i], label) == 0) {
			t->n[i]++;
			return;
		}
	t->label = xgrow(t->label, &t->cap, t->len + 1, sizeof *t->label);
	t->n = xgrow(t->n, &t->ncap, t->len + 1, sizeof *t->n);
	t->label[t->len] = label;
	t->n[t->len++] = 1;
}

static void
tally_free(struct tally *t)
{
	free(t->label);
	free(t->n);
}

static void
check(struct charts *c, lxw_error e)
{
	if (c->error == LXW_NO_ERROR)
		c->error = e;
}

static lxw_chart *
new_chart(struct charts *c, uint8_t type, const char *title)
{
	lxw_chart *ch = XL(workbook_add_chart)(c->wb, type);

	if (ch == NULL) {
		check(c, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	if (title != NULL)
		XL(chart_title_set_name)(ch, title);
	XL(chart_legend_set_position)(ch, LXW_CHART_LEGEND_NONE);
	/* A bar chart lists its first category at the bottom: reversed,
	 * the first row is on top, as in the list.  (In a bar chart the
	 * categories are libxlsxwriter's y axis; reversing x turned the
	 * values right to left, seen in LibreOffice.) */
	if (type == LXW_CHART_BAR)
		XL(chart_axis_set_reverse)(ch->y_axis);
	return ch;
}

/* One series: categories and values are rows first..last of two columns
 * of `sheet`. */
static void
plot(lxw_chart *ch, const char *sheet, lxw_row_t first, lxw_row_t last,
    lxw_col_t cat, lxw_col_t val)
{
	lxw_chart_series *s = XL(chart_add_series)(ch, NULL, NULL);

	XL(chart_series_set_categories)(s, sheet, first, cat, last, cat);
	XL(chart_series_set_values)(s, sheet, first, val, last, val);
}

static void
place(struct charts *c, lxw_chart *ch, lxw_row_t rows)
{
	if (ch != NULL)
		check(c, XL(worksheet_insert_chart)(c->ws, c->row, CHART_COL, ch));
	c->row += (rows > CHART_ROWS ? rows : CHART_ROWS) + 1;
}

/* A block of counts in columns A and B under a bold title, and its chart
 * of `type` beside it. */
static void
count_block(struct charts *c, const char *title, const struct tally *t,
    uint8_t type)
{
	lxw_row_t top = c->row;
	lxw_chart *ch = NULL;
	size_t i;

	check(c, XL(worksheet_write_string)(c->ws, top, 0, title, c->bold));
	for (i = 0; i < t->len; i++) {
		lxw_row_t row = top + 1 + (lxw_row_t)i;
		const char *label = t->label[i];

		check(c, XL(worksheet_write_string)(c->ws, row, 0,
		    label[0] != '\0' ? label : _("(none)"), NULL));
		check(c, XL(worksheet_write_number)(c->ws, row, 1, t->n[i], NULL));
	}
	if (t->len == 0)
		check(c, XL(worksheet_write_string)(c->ws, top + 1, 0, _("none"),
		    NULL));
	else {
		/* libxlsxwriter reads a title starting with '=' as a
		 * reference: such a title (from the module) refers to its
		 * cell instead, whose text it then shows. */
		ch = new_chart(c, type, title[0] != '=' ? title : NULL);
		if (ch != NULL) {
			if (title[0] == '=')
				XL(chart_title_set_name_range)(ch, "charts", top,
				    0);
			plot(ch, "charts", top + 1, top + (lxw_row_t)t->len, 0,
			    1);
		}
	}
	place(c, ch, (lxw_row_t)t->len + 2);
}

/* ----------------------------------------------- from the table sheets */

/* Each revealed round's first TOP_RESULTS ideas, from the results sheet
 * (its rows go round by round in rank order, export_results). */
static void
results_charts(struct charts *c, const struct export_ctx *x)
{
	const struct state *st = x->st;
	lxw_row_t first = 1;
	struct ranked *list;
	size_t r, n;

	for (r = 0; r < st->nrounds; r++) {
		if (results_rank(st, (int)r, &list, &n) != 0)
			continue;
		free(list);
		if (st->rounds[r].revealed && n > 0) {
			char *title = xasprintf(_("Round %s: dots"),
			    st->rounds[r].id);
			lxw_chart *ch = new_chart(c, LXW_CHART_BAR, title);
			size_t top = n < TOP_RESULTS ? n : TOP_RESULTS;

			free(title);
			if (ch != NULL)
				plot(ch, "results", first, first +
				    (lxw_row_t)top - 1, RESULTS_TEXT,
				    RESULTS_DOTS);
			place(c, ch, 0);
		}
		first += (lxw_row_t)n;
	}
}

static void
days_chart(struct charts *c, const struct export_ctx *x)
{
	lxw_chart *ch;

	if (x->ndays < 1)
		return;
	ch = new_chart(c, LXW_CHART_COLUMN, _("Participants present per day"));
	if (ch != NULL) {
		plot(ch, "days", 1, (lxw_row_t)x->ndays,
		    x->have_start ? DAYS_DATE : DAYS_DAY, DAYS_PRESENT);
		/* Else LibreOffice labels the days with serial numbers. */
		XL(chart_axis_set_num_format)(ch->x_axis, "yyyy-mm-dd");
	}
	place(c, ch, 0);
}

/* ------------------------------------------------------------ counts */

/* Participants present on at least one day (attendance.csv's rows). */
static void
attendance_by_country(struct charts *c, const struct export_ctx *x)
{
	const struct state *st = x->st;
	unsigned char *seen;
	struct tally t = { 0 };
	/* The rule of 3 (export_sponsor.c): whether a one-person delegation
	 * came is not shown as theirs. */
	struct export_fold *fold = export_fold_new(st);
	size_t i;

	if (export_fold_label(fold, "") == NULL) {
		export_fold_free(fold);
		return;
	}
	seen = xcalloc(st->nparticipants + 1, 1);
	for (i = 0; i < st->ncheckins; i++) {
		int p = st->checkins[i].participant;

		if (p < 0 || (size_t)p >= st->nparticipants ||
		    st->checkins[i].absent || seen[p])
			continue;
		seen[p] = 1;
		tally_add(&t, export_fold_label(fold,
		    st->participants[p].country));
	}
	count_block(c, _("Participants present, by country"), &t,
	    LXW_CHART_BAR);
	tally_free(&t);
	free(seen);
	export_fold_free(fold);
}

/* The ideas on the boards: not withdrawn, hidden or merged into another
 * (which counts for it). */
static int
idea_counts(const struct idea *d)
{
	return !d->withdrawn && !d->hidden && d->merged_into < 0;
}

static void
ideas_by(struct charts *c, const struct export_ctx *x, int by_country)
{
	const struct state *st = x->st;
	struct tally t = { 0 };
	/* Countries of fewer than 3 people are counted together, as in
	 * summary.md (export_sponsor.c): no bar tells one person's ideas. */
	struct export_fold *fold = by_country ? export_fold_new(st) : NULL;
	size_t i;

	if (fold != NULL && export_fold_label(fold, "") == NULL) {
		export_fold_free(fold);
		return;
	}
	for (i = 0; i < st->nideas; i++) {
		const struct idea *d = &st->ideas[i];
		const char *label;

		if (!idea_counts(d))
			continue;
		if (!by_country)
			label = state_idea_stage(st, (int)i);
		else if (d->author == -1)
			label = "facilitator";
		else if (d->author >= 0 &&
		    (size_t)d->author < st->nparticipants)
			label = export_fold_label(fold,
			    st->participants[d->author].country);
		else
			label = "";
		tally_add(&t, label != NULL ? label : "");
	}
	export_fold_free(fold);
	count_block(c, by_country ? _("Ideas by author's country") :
	    _("Ideas by design stage"), &t, by_country ? LXW_CHART_BAR :
	    LXW_CHART_COLUMN);
	tally_free(&t);
}

/* Answers 1 to 5 to one scale question: each person's last answer
 * (evaluation.csv's rows). */
static void
eval_chart(struct charts *c, const struct export_ctx *x,
    const struct eval_question *q, const size_t *rows, size_t nrows)
{
	static const char *const values[] = { "1", "2", "3", "4", "5" };
	unsigned n[5] = { 0 };
	struct tally t = { (const char **)(uintptr_t)values, n, 5, 5, 5 };
	size_t i;

	for (i = 0; i < nrows; i++) {
		const struct eval_answer *a = &x->st->evals[rows[i]];

		if (strcmp(a->question, q->id) == 0 && a->value >= 1 &&
		    a->value <= 5)
			n[a->value - 1]++;
	}
	count_block(c, q->question != NULL && q->question[0] != '\0' ?
	    q->question : q->id, &t, LXW_CHART_COLUMN);
}

static void
eval_charts(struct charts *c, const struct export_ctx *x)
{
	size_t i, nrows, *rows;

	nrows = export_eval_rows(x->st, &rows);
	for (i = 0; x->mod != NULL && i < x->mod->nevals; i++)
		if (x->mod->evals[i].scale)
			eval_chart(c, x, &x->mod->evals[i], rows, nrows);
	free(rows);
}

int
export_charts(const struct export_ctx *x, lxw_workbook *wb, lxw_format *bold)
{
	struct charts c;

	memset(&c, 0, sizeof c);
	c.wb = wb;
	c.bold = bold;
	c.ws = XL(workbook_add_worksheet)(wb, "charts");
	if (c.ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	XL(worksheet_set_column)(c.ws, 0, 0, 30, NULL);
	results_charts(&c, x);
	days_chart(&c, x);
	attendance_by_country(&c, x);
	ideas_by(&c, x, 0);
	/* In an anonymous session a country of one participant would tell
	 * how many ideas that person wrote: no such chart. */
	if (!x->anonymous)
		ideas_by(&c, x, 1);
	eval_charts(&c, x);
	return c.error;
}
