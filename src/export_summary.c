/*
 * export_summary.c -- summary.md, the follow-up report a person reads.
 *
 * Written as plain Markdown (headings, lists, pipe tables) so that it
 * renders on any Markdown viewer and still reads well with `less`.  Text
 * from people is made safe twice: control characters and bidi overrides
 * are dropped (the file is often read in a terminal, and one participant
 * must not repaint the reader's screen), and the few characters Markdown
 * would act on are escaped with a backslash.
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
#include "tz.h"
#include "util.h"

#define TOP_OVERALL	10
#define TOP_PER_ROOM	3

/* ------------------------------------------------------- safe text */

size_t
export_unsafe_len(const unsigned char *s)
{
	if (s[0] < 0x20 || s[0] == 0x7f)
		return 1;
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f)
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0xaa && s[2] <= 0xae)
		return 3;
	if (s[0] == 0xe2 && s[1] == 0x81 && s[2] >= 0xa6 && s[2] <= 0xa9)
		return 3;
	return 0;
}

/* Escapes what would start a block (a heading, quote or list) when the
 * text opens a list item or a table cell: "# x", "> x", "- x", "1. x". */
static const char *
escape_start(FILE *f, const char *s)
{
	const char *p = s;

	/* '>' is escaped wherever it stands, by export_md_text. */
	if (s[0] != '\0' && strchr("#+-", s[0]) != NULL) {
		fputc('\\', f);
		return s;
	}
	while (*p >= '0' && *p <= '9')
		p++;
	if (p > s && (*p == '.' || *p == ')')) {
		fwrite(s, 1, (size_t)(p - s), f);
		fputc('\\', f);
		return p;
	}
	return s;
}

void
export_md_text(FILE *f, const char *s)
{
	const unsigned char *p;
	size_t n;

	if (s == NULL || s[0] == '\0') {
		fputs("-", f);
		return;
	}
	p = (const unsigned char *)escape_start(f, s);
	while (*p != '\0') {
		if ((n = export_unsafe_len(p)) > 0) {
			/* Line breaks and tabs become spaces; the rest goes. */
			if (*p == '\n' || *p == '\r' || *p == '\t')
				fputc(' ', f);
			p += n;
			continue;
		}
		if (strchr("\\`*_[]<>|~", *p) != NULL)
			fputc('\\', f);
		fputc(*p++, f);
	}
}

void
export_local_time(const struct export_ctx *x, int64_t ms, char *buf,
    size_t size)
{
	struct tz_local l;

	if (ms == 0 || tz_to_local(x->zone, ms, &l) != 0) {
		snprintf(buf, size, "-");
		return;
	}
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", l.year, l.month, l.day,
	    l.hour, l.minute);
}

const char *
export_room_label(const struct export_ctx *x, int room)
{
	const char *name = export_room_name(x, room);

	if (room < 0)
		return _("plenary");
	return name[0] != '\0' ? name : export_room_id(x, room);
}

/* ------------------------------------------------------------ header */

static void
summary_header(const struct export_ctx *x, FILE *f)
{
	const struct module *mod = x->mod;
	char first[16], last[16], asof[40];

	fprintf(f, "# ");
	export_md_text(f, x->title);
	fprintf(f, "\n\n%s\n\n", _("Follow-up report of a convene workshop."));
	if (mod != NULL && mod->title != NULL && mod->title[0] != '\0') {
		fprintf(f, "- %s: ", _("Module"));
		export_md_text(f, mod->title);
		if (mod->provider != NULL && mod->provider[0] != '\0') {
			fputs(" (", f);
			export_md_text(f, mod->provider);
			fputs(")", f);
		}
		fputs("\n", f);
	}
	export_day_date(x, 1, first, sizeof first);
	export_day_date(x, x->ndays > 0 ? x->ndays : 1, last, sizeof last);
	if (first[0] != '\0')
		/* Translators: the first and last dates, the number of
		 * days, the time zone (Asia/Bangkok). */
		fprintf(f, ngettext("- Dates: %s to %s (%d day, times in %s)\n",
		    "- Dates: %s to %s (%d days, times in %s)\n",
		    (unsigned long)(x->ndays > 0 ? x->ndays : 1)), first, last,
		    x->ndays > 0 ? x->ndays : 1, x->zone);
	else
		fprintf(f, _("- Times in %s\n"), x->zone);
	export_local_time(x, x->st->last_time, asof, sizeof asof);
	fprintf(f, _("- The record as of %s (%llu journal records)\n"), asof,
	    (unsigned long long)x->st->last_seq);
	if (x->anonymous)
		fprintf(f, "- %s\n", _("An anonymous session: no author of an "
		    "idea or question is named, here or in the CSV files."));
	fputs("\n", f);
}

/* ------------------------------------------------------ participants */

struct country_count {
	const char *country;
	unsigned n;
};

static int
cmp_country_name(const void *a, const void *b)
{
	return strcmp(((const struct country_count *)a)->country,
	    ((const struct country_count *)b)->country);
}

static int
cmp_country_count(const void *a, const void *b)
{
	const struct country_count *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->country, y->country);
}

/* Participants per country, most first; returns the number of countries. */
static size_t
count_countries(const struct state *st, struct country_count **out)
{
	struct country_count *c = xcalloc(st->nparticipants + 1, sizeof *c);
	size_t i, n = 0;

	for (i = 0; i < st->nparticipants; i++) {
		c[i].country = st->participants[i].country != NULL ?
		    st->participants[i].country : "";
		c[i].n = 1;
	}
	qsort(c, st->nparticipants, sizeof *c, cmp_country_name);
	for (i = 0; i < st->nparticipants; i++) {
		if (n > 0 && strcmp(c[n - 1].country, c[i].country) == 0)
			c[n - 1].n++;
		else
			c[n++] = c[i];
	}
	qsort(c, n, sizeof *c, cmp_country_count);
	*out = c;
	return n;
}

static void
summary_participants(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	struct country_count *c;
	size_t i, n = count_countries(st, &c);

	fprintf(f, "## %s\n\n", _("Participants"));
	if (st->nparticipants == 0) {
		fprintf(f, "%s\n\n", _("No participant joined."));
		free(c);
		return;
	}
	fprintf(f, ngettext("%zu participant", "%zu participants",
	    st->nparticipants), st->nparticipants);
	fprintf(f, ngettext(" from %zu country.\n\n",
	    " from %zu countries.\n\n", n), n);
	fprintf(f, "| %s | %s | %s |\n|---|---|---:|\n", _("Code"),
	    _("Country"), _("Participants"));
	for (i = 0; i < n; i++) {
		const char *name = country_by_code(c[i].country) != NULL ?
		    country_display(c[i].country) : NULL;

		fputs("| ", f);
		export_md_text(f, c[i].country);
		fputs(" | ", f);
		if (c[i].country[0] == '\0')
			fputs(_("(not given)"), f);
		else
			export_md_text(f, name != NULL ? name : "");
		fprintf(f, " | %u |\n", c[i].n);
	}
	fputs("\n", f);
	free(c);
}

static void
summary_rooms(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	size_t r, i;

	fprintf(f, "## %s\n\n", _("Rooms"));
	if (st->nrooms == 0) {
		fprintf(f, "%s\n\n", _("No breakout rooms were made."));
		return;
	}
	for (r = 0; r < st->nrooms; r++) {
		const char *topic = st->rooms[r].topic;
		int members = 0;

		fputs("- **", f);
		export_md_text(f, export_room_label(x, (int)r));
		fputs("**", f);
		if (topic != NULL && topic[0] != '\0') {
			fputs(": ", f);
			export_md_text(f, topic);
		}
		/* A nested item: a plain continuation line would run into
		 * the line above when rendered. */
		fprintf(f, "\n  - %s: ", _("Members"));
		for (i = 0; i < st->nparticipants; i++) {
			const struct participant *p = &st->participants[i];

			if (p->room != (int)r)
				continue;
			fputs(members++ > 0 ? ", " : "", f);
			export_md_text(f, p->name);
			if (p->country != NULL && p->country[0] != '\0') {
				fputs(" (", f);
				export_md_text(f, p->country);
				fputs(")", f);
			}
		}
		if (members == 0)
			fputs(_("nobody"), f);
		fputs("\n", f);
	}
	fputs("\n", f);
}

/* ----------------------------------------------------------- results */

/* share: the idea's share of the round's dots (percent.h), -1 none. */
static void
ranked_line(const struct export_ctx *x, FILE *f, const struct ranked *k,
    int number, int show_room, int share)
{
	fprintf(f, "%d. ", number);
	export_md_text(f, state_idea_text(x->st, k->idea));
	fputs(" (", f);
	fprintf(f, ngettext("%d dot", "%d dots", k->dots), k->dots);
	if (share >= 0)
		fprintf(f, " = %d%%", share);
	fputs(", ", f);
	fprintf(f, ngettext("%d voter", "%d voters", k->voters), k->voters);
	if (show_room) {
		fputs(", ", f);
		export_md_text(f, export_room_label(x, k->room));
	}
	if (k->tie)
		fprintf(f, ", %s", _("tie"));
	fputs(")\n", f);
}

static void
round_rooms(const struct export_ctx *x, FILE *f, const struct ranked *list,
    size_t n)
{
	long r;
	size_t i;

	/* -1 is the plenary: ideas written outside any room. */
	for (r = -1; r < (long)x->st->nrooms; r++) {
		int shown = 0;

		for (i = 0; i < n; i++) {
			if (list[i].room != r ||
			    list[i].room_rank > TOP_PER_ROOM)
				continue;
			if (shown++ == 0) {
				fputs("\n**", f);
				export_md_text(f, export_room_label(x, (int)r));
				fputs("**\n\n", f);
			}
			ranked_line(x, f, &list[i], list[i].room_rank, 0, -1);
		}
	}
}

static void
summary_round(const struct export_ctx *x, FILE *f, int r)
{
	const struct round *rd = &x->st->rounds[r];
	struct ranked *list;
	unsigned long *counts;
	size_t i, n;
	int *pct;

	fprintf(f, "### %s ", _("Round"));
	export_md_text(f, rd->id);
	fputs(" (", f);
	export_md_text(f, export_room_label(x, rd->room));
	fputs(")\n\n", f);
	if (!rd->revealed)
		fprintf(f, "%s\n\n", _("Not revealed: the participants never "
		    "saw these results (exported because the organizer owns "
		    "the data)."));
	results_rank(x->st, r, &list, &n);
	fprintf(f, ngettext("%d voter", "%d voters", round_voters(rd)),
	    round_voters(rd));
	fprintf(f, ngettext(", %zu idea with dots.\n",
	    ", %zu ideas with dots.\n", n), n);
	if (n == 0) {
		fputs("\n", f);
		return;
	}
	/* Each idea's share of all the round's dots, split once so the
	 * shares of every idea add up to 100. */
	counts = xcalloc(n, sizeof *counts);
	pct = xcalloc(n, sizeof *pct);
	for (i = 0; i < n; i++)
		counts[i] = list[i].dots > 0 ? (unsigned long)list[i].dots : 0;
	percent_split(counts, n, pct);
	fprintf(f, "\n%s\n\n", _("Top ideas overall (with the share of "
	    "all the round's dots):"));
	for (i = 0; i < n && i < TOP_OVERALL; i++)
		ranked_line(x, f, &list[i], list[i].rank, 1, pct[i]);
	free(counts);
	free(pct);
	if (x->st->nrooms > 0) {
		fprintf(f, "\n%s\n", _("Top ideas per room:"));
		round_rooms(x, f, list, n);
	}
	fputs("\n", f);
	free(list);
}

static void
summary_results(const struct export_ctx *x, FILE *f)
{
	size_t r;

	fprintf(f, "## %s\n\n", _("Results"));
	fprintf(f, ngettext("%zu idea", "%zu ideas", x->st->nideas),
	    x->st->nideas);
	fprintf(f, ngettext(", %zu voting round.\n\n",
	    ", %zu voting rounds.\n\n", x->st->nrounds), x->st->nrounds);
	for (r = 0; r < x->st->nrounds; r++)
		summary_round(x, f, (int)r);
}

/* --------------------------------------------------------------- time */

static void
signed_minutes(FILE *f, long m)
{
	fprintf(f, "%s%ld", m > 0 ? "+" : "", m);
}

static void
summary_time(const struct export_ctx *x, FILE *f)
{
	struct export_timing *items;
	struct export_day *days;
	char date[16];
	int d;

	fprintf(f, "## %s\n\n", _("Time: planned and actual"));
	if (x->ndays == 0) {
		fprintf(f, "%s\n\n", _("No agenda."));
		return;
	}
	export_timings(x, &items, &days);
	fprintf(f, "| %s | %s | %s | %s | %s | %s |\n"
	    "|---:|---|---:|---:|---:|---:|\n", _("Day"), _("Date"),
	    _("Planned (min)"), _("Actual (min)"), _("Overrun (min)"),
	    _("Present"));
	for (d = 1; d <= x->ndays; d++) {
		export_day_date(x, d, date, sizeof date);
		fprintf(f, "| %d | %s | %d | ", d, date[0] ? date : "-",
		    days[d].planned_min);
		if (days[d].visited) {
			long actual = export_minutes(days[d].actual_ms);

			fprintf(f, "%ld%s | ", actual, days[d].current ?
			    _(" (so far)") : "");
			signed_minutes(f, actual - days[d].planned_min);
		} else
			fputs("- | -", f);
		fprintf(f, " | %u |\n", days[d].present);
	}
	fputs("\n", f);
	free(items);
	free(days);
}

static void
summary_messages(const struct export_ctx *x, FILE *f)
{
	const struct state *st = x->st;
	char when[40];
	size_t i;

	fprintf(f, "## %s\n\n", _("Messages"));
	if (st->nmessages == 0) {
		fprintf(f, "%s\n\n", _("No message was broadcast."));
		return;
	}
	for (i = 0; i < st->nmessages; i++) {
		const struct message *m = &st->messages[i];

		export_local_time(x, m->at, when, sizeof when);
		fprintf(f, "- %s, ", when);
		if (m->room < 0)
			fputs(_("to everyone"), f);
		else
			export_md_text(f, export_room_label(x, m->room));
		if (m->recall)
			fprintf(f, " (%s)", _("called everyone back"));
		fputs(": ", f);
		export_md_text(f, m->text);
		fputs("\n", f);
	}
	fputs("\n", f);
}

void
export_summary(const struct export_ctx *x, FILE *f)
{
	summary_header(x, f);
	export_summary_glance(x, f);
	summary_participants(x, f);
	export_summary_participation(x, f);
	summary_rooms(x, f);
	export_summary_ideas(x, f);
	summary_results(x, f);
	export_summary_prototypes(x, f);
	summary_time(x, f);
	summary_messages(x, f);
	export_summary_feedback(x, f);
	export_summary_notes(x, f);
}
