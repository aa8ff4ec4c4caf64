/*
 * export_sponsor.c -- the parts of summary.md written for a sponsor:
 * participation by country, ideas by agenda item and design stage, and
 * the prototypes with their trail (the ideas merged into them, their dots
 * by country).
 *
 * No figure of a breakdown is about fewer than EXPORT_SMALL_CELL people: a
 * country with fewer participants (or voters) is counted with the others
 * in one "other countries" row, and when that row would itself be too
 * small the smallest shown country joins it, until it is big enough or
 * there is nothing left to show by country.  So a one-person delegation's
 * ideas or dots are never shown as theirs (convene(1), EXPORTS).
 */
#include "export_int.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "countries.h"
#include "i18n.h"
#include "percent.h"
#include "results.h"
#include "state.h"
#include "util.h"

#define NVALUES 4

/* One country's row: how many people, and what they did. */
struct by_country {
	const char *country;	/* "" not given */
	unsigned people;
	unsigned long v[NVALUES];
};

static int
cmp_row(const void *a, const void *b)
{
	const struct by_country *x = a, *y = b;

	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return strcmp(x->country, y->country);
}

/* The row of `country` in rows[0..*n), added when new. */
static struct by_country *
row_of(struct by_country *rows, size_t *n, const char *country)
{
	size_t i;

	if (country == NULL)
		country = "";
	for (i = 0; i < *n; i++)
		if (strcmp(rows[i].country, country) == 0)
			return &rows[i];
	rows[*n].country = country;
	return &rows[(*n)++];
}

/*
 * Sorts the rows (most people first) and folds the small ones into
 * *other (see the top of this file).  Returns how many rows, from the
 * first, may be shown by country; *other holds the rest (people 0: none).
 * When it returns 0 and other->people is below the threshold, nothing
 * may be shown at all.
 */
static size_t
small_cells(struct by_country *rows, size_t n, struct by_country *other)
{
	size_t shown = 0, i, k;

	memset(other, 0, sizeof *other);
	qsort(rows, n, sizeof *rows, cmp_row);
	while (shown < n && rows[shown].people >= EXPORT_SMALL_CELL)
		shown++;
	for (i = shown; i < n; i++) {
		other->people += rows[i].people;
		for (k = 0; k < NVALUES; k++)
			other->v[k] += rows[i].v[k];
	}
	while (other->people > 0 && other->people < EXPORT_SMALL_CELL &&
	    shown > 0) {
		shown--;
		other->people += rows[shown].people;
		for (k = 0; k < NVALUES; k++)
			other->v[k] += rows[shown].v[k];
	}
	return shown;
}

static void
country_cell(FILE *f, const char *code)
{
	const char *name = country_name(code);

	if (code[0] == '\0')
		fputs(_("(not given)"), f);
	else
		export_md_text(f, name != NULL ? name : code);
}

static void
small_cell_note(FILE *f)
{
	fprintf(f, _("Countries with fewer than %d people here are counted "
	    "together as other countries, so that no figure is about fewer "
	    "than %d people.\n\n"), EXPORT_SMALL_CELL, EXPORT_SMALL_CELL);
}

/* ------------------------------------------ participation by country */

/* Net dots a participant has in all rounds. */
static unsigned long
dots_of(const struct state *st, int p)
{
	unsigned long sum = 0;
	size_t r;

	for (r = 0; r < st->nrounds; r++) {
		int d = round_spent(&st->rounds[r], p);

		sum += d > 0 ? (unsigned long)d : 0;
	}
	return sum;
}

/* ------------------------------------------------------- at a glance */

/* The figures a sponsor asks first, each with its own sentence. */
void
export_summary_glance(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	size_t i, ideas = 0, protos = 0, evaluators = 0, npeople = 0;
	unsigned long dots = 0;
	unsigned char *seen = xcalloc(st->nparticipants + 1, 1);

	for (i = 0; i < st->nideas; i++) {
		const struct idea *d = &st->ideas[i];

		if (d->withdrawn || d->hidden)
			continue;
		ideas++;
		protos += d->prototype && d->merged_into < 0;
	}
	for (i = 0; i < st->nparticipants; i++)
		dots += dots_of(st, (int)i);
	for (i = 0; i < st->nevals; i++) {
		int p = st->evals[i].participant;

		if (p >= 0 && !seen[p]) {
			seen[p] = 1;
			evaluators++;
		}
	}
	for (i = 0; i < st->nparticipants; i++)
		npeople += !st->participants[i].unknown;
	free(seen);
	fprintf(f, "## %s\n\n", _("At a glance"));
	fprintf(f, ngettext("- %zu participant\n", "- %zu participants\n",
	    npeople), npeople);
	fprintf(f, ngettext("- %zu idea", "- %zu ideas", ideas), ideas);
	fprintf(f, ngettext(", %zu prototype\n", ", %zu prototypes\n",
	    protos), protos);
	fprintf(f, ngettext("- %lu dot cast", "- %lu dots cast", dots), dots);
	fprintf(f, ngettext(" in %zu voting round\n",
	    " in %zu voting rounds\n", st->nrounds), st->nrounds);
	fprintf(f, ngettext("- %zu question to the speakers\n",
	    "- %zu questions to the speakers\n", st->nquestions),
	    st->nquestions);
	fprintf(f, ngettext("- %zu person answered the evaluation\n\n",
	    "- %zu people answered the evaluation\n\n", evaluators),
	    evaluators);
}

/* One more of value k on participant p's country (rows has a row for
 * every participant's country already); nothing for p out of range. */
static void
count_on(const struct state *st, struct by_country *rows, size_t *n, int p,
    int k)
{
	if (p >= 0 && (size_t)p < st->nparticipants)
		row_of(rows, n, st->participants[p].country)->v[k]++;
}

/* v[0] ideas, v[1] dots, v[2] questions, v[3] poll and evaluation
 * answers, each counted on its author's country. */
static size_t
participation_rows(const struct state *st, struct by_country *rows)
{
	size_t i, k, n = 0;

	for (i = 0; i < st->nparticipants; i++) {
		struct by_country *c = row_of(rows, &n,
		    st->participants[i].country);

		c->people++;
		c->v[1] += dots_of(st, (int)i);
	}
	for (i = 0; i < st->nideas; i++)
		if (!st->ideas[i].withdrawn && !st->ideas[i].hidden)
			count_on(st, rows, &n, st->ideas[i].author, 0);
	for (i = 0; i < st->nquestions; i++)
		count_on(st, rows, &n, st->questions[i].author, 2);
	for (i = 0; i < st->npolls; i++)
		for (k = 0; k < st->polls[i].nvoters; k++)
			count_on(st, rows, &n,
			    st->polls[i].voters[k].participant, 3);
	for (i = 0; i < st->nevals; i++)
		count_on(st, rows, &n, st->evals[i].participant, 3);
	return n;
}

/* other: 1 the other countries, 2 every country together. */
static void
participation_row(FILE *f, const struct by_country *c, int other)
{
	fputs("| ", f);
	if (other == 2)
		fputs(_("All countries together"), f);
	else if (other)
		fputs(_("Other countries"), f);
	else
		country_cell(f, c->country);
	fprintf(f, " | %u | %lu | %lu | %lu | %lu |\n", c->people, c->v[0],
	    c->v[1], c->v[2], c->v[3]);
}

void
export_summary_participation(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	struct by_country *rows, other;
	size_t n, shown, i;

	fprintf(f, "## %s\n\n", _("Participation by country"));
	rows = xcalloc(st->nparticipants + 1, sizeof *rows);
	n = participation_rows(st, rows);
	shown = small_cells(rows, n, &other);
	if (shown == 0 && other.people < EXPORT_SMALL_CELL) {
		fprintf(f, _("Fewer than %d people took part: no breakdown "
		    "by country is shown.\n\n"), EXPORT_SMALL_CELL);
		free(rows);
		return;
	}
	fprintf(f, "%s\n\n", _("What the people of each country did: ideas "
	    "written, dots cast, questions asked, and answers given to "
	    "polls and the evaluation."));
	fprintf(f, "| %s | %s | %s | %s | %s | %s |\n"
	    "|---|---:|---:|---:|---:|---:|\n", _("Country"), _("People"),
	    _("Ideas"), _("Dots"), _("Questions"), _("Answers"));
	for (i = 0; i < shown; i++)
		participation_row(f, &rows[i], 0);
	if (other.people > 0)
		participation_row(f, &other, shown == 0 ? 2 : 1);
	fputs("\n", f);
	if (other.people > 0)
		small_cell_note(f);
	free(rows);
}

/* ------------------------------------ the rule of 3 for other files */

struct export_fold {
	struct by_country *rows;
	size_t shown;		/* rows[0..shown) keep their name */
	int none;		/* fewer than the threshold in all */
};

struct export_fold *
export_fold_new(const struct state *st)
{
	struct export_fold *f = xcalloc(1, sizeof *f);
	struct by_country other;
	size_t i, n = 0;

	f->rows = xcalloc(st->nparticipants + 1, sizeof *f->rows);
	for (i = 0; i < st->nparticipants; i++)
		row_of(f->rows, &n, st->participants[i].country)->people++;
	f->shown = small_cells(f->rows, n, &other);
	f->none = f->shown == 0 && other.people < EXPORT_SMALL_CELL;
	return f;
}

const char *
export_fold_label(const struct export_fold *f, const char *country)
{
	size_t i;

	if (f->none)
		return NULL;
	for (i = 0; i < f->shown; i++)
		if (strcmp(f->rows[i].country, country != NULL ? country :
		    "") == 0)
			return f->rows[i].country;
	return f->shown > 0 ? _("other countries") :
	    _("all countries together");
}

void
export_fold_free(struct export_fold *f)
{
	if (f == NULL)
		return;
	free(f->rows);
	free(f);
}

/* -------------------------------------- ideas by agenda item and stage */

#define NSTAGES (STAGE_COUNT + 1)	/* the last: no stage */

static int
stage_column(const char *name)
{
	enum design_stage s;

	if (name == NULL || name[0] == '\0' ||
	    design_stage_parse(name, &s) != 0 || s < 0 || s >= STAGE_COUNT)
		return STAGE_COUNT;
	return (int)s;
}

/* Row of an idea: its agenda item's index in the module, nitems for an
 * idea written before the agenda or under an item the module lacks. */
static size_t
item_row(const struct export_ctx *x, int idea)
{
	size_t nitems = x->mod != NULL ? x->mod->nitems : 0;
	int k = module_item_index(x->mod, state_idea_agenda(x->st, idea));

	return k >= 0 && (size_t)k < nitems ? (size_t)k : nitems;
}

static void
ideas_row(FILE *f, const unsigned *counts, const int *used)
{
	unsigned total = 0;
	int s;

	for (s = 0; s < NSTAGES; s++) {
		if (!used[s])
			continue;
		fprintf(f, " %u |", counts[s]);
		total += counts[s];
	}
	fprintf(f, " %u |\n", total);
}

/* A column's heading: the stage as the board names it, or none. */
static const char *
stage_heading(int s)
{
	return s < STAGE_COUNT ? design_stage_label(design_stage_name(s)) :
	    _("No stage");
}

static void
ideas_header(FILE *f, const int *used)
{
	int s, cols = 0;

	fprintf(f, "| %s |", _("Agenda item"));
	for (s = 0; s < NSTAGES; s++) {
		if (!used[s])
			continue;
		cols++;
		fprintf(f, " %s |", stage_heading(s));
	}
	fprintf(f, " %s |\n|---|", _("Total"));
	while (cols-- >= 0)
		fputs("---:|", f);
	fputs("\n", f);
}

void
export_summary_ideas(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	size_t nitems = x->mod != NULL ? x->mod->nitems : 0, i, r;
	unsigned (*counts)[NSTAGES] = xcalloc(nitems + 1, sizeof *counts);
	int used[NSTAGES] = { 0 }, any = 0;

	fprintf(f, "## %s\n\n", _("Ideas by agenda item and design stage"));
	for (i = 0; i < st->nideas; i++) {
		int s;

		if (st->ideas[i].withdrawn || st->ideas[i].hidden)
			continue;
		s = stage_column(state_idea_stage(st, (int)i));
		counts[item_row(x, (int)i)][s]++;
		used[s] = any = 1;
	}
	if (!any) {
		fprintf(f, "%s\n\n", _("No idea was written."));
		free(counts);
		return;
	}
	ideas_header(f, used);
	for (r = 0; r <= nitems; r++) {
		unsigned sum = 0;
		int s;

		for (s = 0; s < NSTAGES; s++)
			sum += counts[r][s];
		if (sum == 0)
			continue;
		fputs("| ", f);
		if (r < nitems)
			export_md_text(f, x->mod->items[r].title != NULL ?
			    x->mod->items[r].title : x->mod->items[r].id);
		else
			fputs(_("(outside the agenda)"), f);
		fputs(" |", f);
		ideas_row(f, counts[r], used);
	}
	fputs("\n", f);
	free(counts);
}

/* ---------------------------------------------- prototypes, their trail */

/* The ideas merged into prototype `proto`, directly or through others. */
static void
trail_ideas(const struct export_ctx *x, FILE *f, int proto)
{
	const struct state *st = x->st;
	size_t i;
	int shown = 0;

	for (i = 0; i < st->nideas; i++) {
		if ((int)i == proto || st->ideas[i].withdrawn ||
		    results_root(st, (int)i) != proto)
			continue;
		if (shown++ == 0)
			fprintf(f, "  - %s\n", _("Ideas merged into it:"));
		fputs("    - ", f);
		export_md_text(f, state_idea_text(st, (int)i));
		fputs("\n", f);
	}
}

/* Dots on the prototype and on the ideas merged into it, in every round,
 * by the voter's country: v[0] dots; people are the distinct voters. */
static size_t
trail_rows(const struct state *st, int proto, struct by_country *rows,
    unsigned char *seen)
{
	size_t r, t, n = 0;

	for (r = 0; r < st->nrounds; r++) {
		const struct round *rd = &st->rounds[r];

		for (t = 0; t < rd->ntally; t++) {
			struct dot_tally d = round_tally(rd, t);
			struct by_country *c;

			if (d.dots <= 0 || d.voter < 0 ||
			    (size_t)d.voter >= st->nparticipants ||
			    results_root(st, d.idea) != proto)
				continue;
			c = row_of(rows, &n,
			    st->participants[d.voter].country);
			c->v[0] += (unsigned long)d.dots;
			if (!seen[d.voter]) {
				seen[d.voter] = 1;
				c->people++;
			}
		}
	}
	return n;
}

static void
trail_dots(const struct export_ctx *x, FILE *f, int proto)
{
	const struct state *st = x->st;
	struct by_country *rows = xcalloc(st->nparticipants + 1, sizeof *rows);
	unsigned char *seen = xcalloc(st->nparticipants + 1, 1);
	struct by_country other;
	size_t n = trail_rows(st, proto, rows, seen), shown, i;

	if (n == 0)
		goto out;
	shown = small_cells(rows, n, &other);
	fprintf(f, "  - %s ", _("Dots by the voters' country:"));
	if (shown == 0 && other.people < EXPORT_SMALL_CELL) {
		fprintf(f, _("fewer than %d voters, not shown by country"),
		    EXPORT_SMALL_CELL);
	}
	for (i = 0; i < shown; i++) {
		fputs(i > 0 ? ", " : "", f);
		country_cell(f, rows[i].country);
		fprintf(f, " %lu", rows[i].v[0]);
	}
	if (other.people >= EXPORT_SMALL_CELL)
		fprintf(f, "%s%s %lu", shown > 0 ? ", " : "", shown > 0 ?
		    _("other countries") : _("all countries together"),
		    other.v[0]);
	fputs("\n", f);
out:
	free(rows);
	free(seen);
}

void
export_summary_prototypes(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	size_t i;
	int shown = 0;

	fprintf(f, "## %s\n\n", _("Prototypes"));
	for (i = 0; i < st->nideas; i++) {
		const struct idea *d = &st->ideas[i];
		const char *author = export_author_name(x, d->author);

		if (!d->prototype || d->withdrawn || d->hidden ||
		    d->merged_into >= 0)
			continue;
		shown++;
		fputs("- ", f);
		export_md_text(f, state_idea_text(st, (int)i));
		fputs(" (", f);
		export_md_text(f, export_room_label(x, d->room));
		if (author[0] != '\0') {
			fputs(", ", f);
			export_md_text(f, author);
		}
		fputs(")\n", f);
		trail_ideas(x, f, (int)i);
		trail_dots(x, f, (int)i);
	}
	if (shown == 0)
		fprintf(f, "%s\n", _("No idea was promoted to a prototype."));
	else
		fprintf(f, _("\nDots are shown by country only where at "
		    "least %d people of that country voted for the prototype; "
		    "the others are counted together as other countries.\n"),
		    EXPORT_SMALL_CELL);
	fputs("\n", f);
}
