/*
 * export_feedback.c -- summary.md's later sections: questions to the
 * speakers, polls, the evaluation, and notes on the data itself (sample
 * records, damaged records, how to open the files).
 */
#include "export_int.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "percent.h"
#include "qa.h"
#include "state.h"
#include "util.h"

#define TOP_QUESTIONS	5

/* --------------------------------------------------------- questions */

static int
cmp_upvotes(const void *a, const void *b)
{
	const struct question *x = *(const struct question *const *)a;
	const struct question *y = *(const struct question *const *)b;

	if (x->nupvoters != y->nupvoters)
		return x->nupvoters > y->nupvoters ? -1 : 1;
	return (x->asked_at > y->asked_at) - (x->asked_at < y->asked_at);
}

static void
question_line(const struct export_ctx *x, FILE *f, const struct question *q,
    int number)
{
	const char *author = export_author_name(x, q->author);

	fprintf(f, "%d. ", number);
	export_md_text(f, q->text);
	fputs(" (", f);
	fprintf(f, ngettext("%zu upvote", "%zu upvotes", q->nupvoters),
	    q->nupvoters);
	if (q->answered)
		fprintf(f, ", %s", _("answered"));
	if (author[0] != '\0') {
		fputs(", ", f);
		export_md_text(f, author);
	}
	fputs(")\n", f);
}

static void
summary_questions(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	const struct question **top;
	size_t i, n = 0, answered = 0;

	fprintf(f, "## %s\n\n", _("Questions to the speakers"));
	if (st->nquestions == 0) {
		fprintf(f, "%s\n\n", _("No question was asked."));
		return;
	}
	top = xcalloc(st->nquestions, sizeof *top);
	for (i = 0; i < st->nquestions; i++) {
		answered += st->questions[i].answered != 0;
		if (!st->questions[i].hidden)
			top[n++] = &st->questions[i];
	}
	fprintf(f, ngettext("%zu question", "%zu questions", st->nquestions),
	    st->nquestions);
	fprintf(f, _(", %zu answered.\n\n"), answered);
	qsort(top, n, sizeof *top, cmp_upvotes);
	if (n > 0)
		fprintf(f, "%s\n\n", _("Most upvoted:"));
	for (i = 0; i < n && i < TOP_QUESTIONS; i++)
		question_line(x, f, top[i], (int)i + 1);
	fputs(n > 0 ? "\n" : "", f);
	free(top);
}

/* ------------------------------------------------------------- polls */

static void
summary_poll(FILE *f, const struct poll *p)
{
	int *pct = xcalloc(p->noptions + 1, sizeof *pct);
	size_t o;

	fputs("### ", f);
	export_md_text(f, p->question);
	fputs("\n\n", f);
	fprintf(f, ngettext("%zu respondent", "%zu respondents", p->nvoters),
	    p->nvoters);
	fprintf(f, "%s\n\n", p->revealed ? "." : _(", not revealed."));
	if (p->kind == POLL_MULTI && p->nvoters > 0)
		fprintf(f, "%s\n\n", _("Each person could choose several "
		    "options: each share is of the respondents, and the shares "
		    "may add up to more than 100 percent."));
	/* The same figures as every screen shows (qa.h, percent.h). */
	qa_poll_percent(p, pct);
	for (o = 0; o < p->noptions; o++) {
		unsigned count = p->answers != NULL ? p->answers[o] : 0;

		fputs("- ", f);
		export_md_text(f, p->options[o]);
		fprintf(f, ": %u", count);
		if (p->nvoters > 0)
			fprintf(f, " (%d%%)", pct[o]);
		fputs("\n", f);
	}
	fputs("\n", f);
	free(pct);
}

static void
summary_polls(const struct export_ctx *x, FILE *f)
{
	size_t i;

	fprintf(f, "## %s\n\n", _("Polls"));
	if (x->st->npolls == 0)
		fprintf(f, "%s\n\n", _("No poll was run."));
	for (i = 0; i < x->st->npolls; i++)
		summary_poll(f, &x->st->polls[i]);
}

/* -------------------------------------------------------- evaluation */

/* The question keys in order: the module's first, then any other key the
 * answers use, as first seen.  Returns how many (borrowed strings). */
static size_t
eval_keys(const struct export_ctx *x, const size_t *rows, size_t nrows,
    const char ***out)
{
	size_t nmod = x->mod != NULL ? x->mod->nevals : 0, i, k, n = 0;
	const char **keys = xcalloc(nmod + nrows + 1, sizeof *keys);

	for (i = 0; i < nmod; i++)
		keys[n++] = x->mod->evals[i].id;
	for (i = 0; i < nrows; i++) {
		const char *q = x->st->evals[rows[i]].question;

		for (k = 0; k < n && strcmp(keys[k], q) != 0; k++)
			;
		if (k == n)
			keys[n++] = q;
	}
	*out = keys;
	return n;
}

static const struct eval_question *
module_eval(const struct export_ctx *x, const char *key)
{
	size_t i;

	for (i = 0; x->mod != NULL && i < x->mod->nevals; i++)
		if (strcmp(x->mod->evals[i].id, key) == 0)
			return &x->mod->evals[i];
	return NULL;
}

#define SCALE_MAX 5

/* A 1-5 question's full distribution: how many gave each value and its
 * share (percent.h: the shares add up to 100), then the average. */
static void
eval_distribution(FILE *f, const unsigned long *counts, size_t count,
    double sum)
{
	int pct[SCALE_MAX];
	size_t v;

	percent_split(counts, SCALE_MAX, pct);
	fprintf(f, "| %s | %s | %s |\n|---:|---:|---:|\n", _("Answer"),
	    _("People"), _("Share"));
	for (v = 0; v < SCALE_MAX; v++)
		fprintf(f, "| %zu | %lu | %d%% |\n", v + 1, counts[v], pct[v]);
	fputs("\n", f);
	fprintf(f, ngettext("Average %.1f from %zu answer.\n",
	    "Average %.1f from %zu answers.\n", count),
	    sum / (double)count, count);
}

static void
eval_question_section(const struct export_ctx *x, FILE *f, const char *key,
    const size_t *rows, size_t nrows)
{
	const struct eval_question *q = module_eval(x, key);
	unsigned long counts[SCALE_MAX] = { 0 };
	size_t i, count = 0;
	double sum = 0;

	fputs("### ", f);
	export_md_text(f, q != NULL && q->question != NULL ? q->question : key);
	fputs("\n\n", f);
	for (i = 0; i < nrows; i++) {
		const struct eval_answer *a = &x->st->evals[rows[i]];

		if (strcmp(a->question, key) != 0)
			continue;
		count++;
		sum += (double)a->value;
		if (a->value >= 1 && a->value <= SCALE_MAX)
			counts[a->value - 1]++;
		/* A comment beside a value. */
		if (a->text != NULL && a->text[0] != '\0') {
			fputs("- ", f);
			export_md_text(f, a->text);
			fputs("\n", f);
		}
	}
	if (count > 0)
		eval_distribution(f, counts, count, sum);
	else
		fprintf(f, "%s\n", _("No answers."));
	fputs("\n", f);
}

/* A text question's answers, the same words said by several people once
 * with how many said them (most said first, then as first given). */
struct said {
	const char *text;
	size_t n, first;
};

static int
cmp_said(const void *a, const void *b)
{
	const struct said *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return (x->first > y->first) - (x->first < y->first);
}

static void
commitments_question(const struct export_ctx *x, FILE *f, const char *key,
    const size_t *rows, size_t nrows)
{
	const struct eval_question *q = module_eval(x, key);
	struct said *said = xcalloc(nrows + 1, sizeof *said);
	size_t i, k, n = 0;

	for (i = 0; i < nrows; i++) {
		const struct eval_answer *a = &x->st->evals[rows[i]];

		if (strcmp(a->question, key) != 0 || a->text == NULL ||
		    a->text[0] == '\0')
			continue;
		for (k = 0; k < n && strcmp(said[k].text, a->text) != 0; k++)
			;
		if (k == n)
			said[n++] = (struct said){ a->text, 0, i };
		said[k].n++;
	}
	fputs("### ", f);
	export_md_text(f, q != NULL && q->question != NULL ? q->question : key);
	fputs("\n\n", f);
	qsort(said, n, sizeof *said, cmp_said);
	for (i = 0; i < n; i++) {
		fputs("- ", f);
		export_md_text(f, said[i].text);
		if (said[i].n > 1)
			fprintf(f, _(" (said by %zu people)"), said[i].n);
		fputs("\n", f);
	}
	if (n == 0)
		fprintf(f, "%s\n", _("No answers."));
	fputs("\n", f);
	free(said);
}

static int
is_scale(const struct export_ctx *x, const char *key)
{
	const struct eval_question *q = module_eval(x, key);

	return q == NULL || q->scale;
}

static void
summary_evaluation(const struct export_ctx *x, FILE *f)
{
	const char **keys;
	size_t i, nkeys, nrows, *rows, ntext = 0;

	fprintf(f, "## %s\n\n", _("Evaluation"));
	nrows = export_eval_rows(x->st, &rows);
	nkeys = eval_keys(x, rows, nrows, &keys);
	if (nrows == 0)
		fprintf(f, "%s\n\n", _("Nobody answered the evaluation."));
	for (i = 0; i < nkeys && nrows > 0; i++) {
		if (is_scale(x, keys[i]))
			eval_question_section(x, f, keys[i], rows, nrows);
		else
			ntext++;
	}
	if (ntext > 0) {
		fprintf(f, "## %s\n\n%s\n\n", _("Closing commitments"),
		    _("What the participants wrote in the evaluation, by "
		    "question; the same words written by several people are "
		    "shown once."));
		for (i = 0; i < nkeys; i++)
			if (!is_scale(x, keys[i]))
				commitments_question(x, f, keys[i], rows,
				    nrows);
	}
	free(keys);
	free(rows);
}

void
export_summary_feedback(const struct export_ctx *x, FILE *f)
{
	summary_questions(x, f);
	summary_polls(x, f);
	summary_evaluation(x, f);
}

/* ------------------------------------------------------------- notes */

static void
sample_note(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	size_t i, people = 0, ideas = 0;

	for (i = 0; i < st->nparticipants; i++)
		people += st->participants[i].sample != 0;
	for (i = 0; i < st->nideas; i++)
		ideas += st->ideas[i].sample != 0;
	if (people == 0 && ideas == 0) {
		fprintf(f, "- %s\n",
		    _("No sample data: every record is real."));
		return;
	}
	fprintf(f, _("- Sample (seeded demo) data: %zu of %zu participants "
	    "and %zu of %zu ideas; the `sample` column of participants.csv "
	    "and ideas.csv marks them.\n"), people, st->nparticipants, ideas,
	    st->nideas);
}

/* How many damaged records were skipped and where: the line of each in
 * journal.csv (the first 50; the rest are counted), so that the organizer
 * can find them; participants left without their registration. */
static void
damage_note(const struct state *st, FILE *f)
{
	size_t i, unknown = 0, shown = st->nbad < 50 ? st->nbad : 50;

	fprintf(f, ngettext("- %zu damaged journal record was skipped, at "
	    "line", "- %zu damaged journal records were skipped, at lines",
	    st->nbad), st->nbad);
	for (i = 0; i < shown; i++)
		fprintf(f, "%s %lu", i > 0 ? "," : "", st->bad[i].line);
	if (shown < st->nbad)
		fprintf(f, _(" and %zu more"), st->nbad - shown);
	fputs(_(" of journal.csv; everything else counts.\n"), f);
	for (i = 0; i < st->nparticipants; i++)
		unknown += st->participants[i].unknown != 0;
	if (unknown > 0)
		fprintf(f, ngettext("- %zu participant's registration was "
		    "lost to the damage: their contributions count, as an "
		    "unknown participant with their id.\n", "- %zu "
		    "participants' registrations were lost to the damage: "
		    "their contributions count, each as an unknown "
		    "participant with their id.\n", unknown), unknown);
}

void
export_summary_notes(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;

	fprintf(f, "## %s\n\n", _("About this data"));
	sample_note(x, f);
	if (st->nbad > 0)
		damage_note(st, f);
	if (st->unknown_events > 0)
		fprintf(f, _("- %lu journal records could not be applied "
		    "(unknown to this version, or naming unknown objects).\n"),
		    st->unknown_events);
	fprintf(f, "- %s\n", _("The CSV files are UTF-8 with a header row; in "
	    "Excel open them through Data, From Text/CSV, and choose UTF-8."));
	if (!x->raw)
		fprintf(f, "- %s\n", _("In text cells, a ' is put before "
		    "each = + - @ or tab that begins the cell or follows a "
		    "comma, semicolon or tab in it, so that a spreadsheet "
		    "shows them as text and never runs them as formulas."));
	fprintf(f, "\n");
}
