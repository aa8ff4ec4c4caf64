/*
 * export_int.h -- what the export's source files share (export.c,
 * export_csv.c, export_tables.c, export_summary.c, export_xlsx.c).  Not
 * for other modules: they use export.h.
 */
#ifndef CONVENE_EXPORT_INT_H
#define CONVENE_EXPORT_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export.h"

struct module;
struct state;

/* One export run: the source plus what every file derives from it. */
struct export_ctx {
	const struct state *st;
	const struct module *mod;	/* may be NULL */
	const char *title;		/* never NULL */
	const char *zone;		/* a zone ICU knows ("UTC" fallback) */
	int raw, anonymous;
	int online;			/* export_source's */
	int bom;			/* CSV files start with a BOM */
	int with_email;			/* EXPORT_WITH_EMAIL */
	int cert_days;			/* days present for a certificate */
	int cert_of;			/* ... out of the workshop's days */
	int *pseudonym;			/* per participant: 0 none, k: "ak" */
	int have_start;			/* day 1's date is known */
	int y1, m1, d1;			/* day 1 */
	int ndays;			/* module days, or more when used */
	const char *start;		/* day 1, YYYY-MM-DD; may be NULL */
	int64_t now;			/* export_source's */
};

void export_ctx_init(struct export_ctx *x, const struct export_source *src,
    int flags);
void export_ctx_free(struct export_ctx *x);

/* A time as ISO 8601 with the zone's offset; "" for 0. */
void export_time(const struct export_ctx *x, int64_t ms, char *buf,
    size_t size);
/* The date of a workshop day, "YYYY-MM-DD", or "" when unknown. */
void export_day_date(const struct export_ctx *x, int day, char *buf,
    size_t size);
/* The planned start of an agenda item as UTC ms; 0 when unknown. */
int64_t export_planned_start(const struct export_ctx *x, int day,
    int start_min);

/* Ids and names as files show them: "" for none and, in anonymous
 * sessions, for every author. */
const char *export_author_id(const struct export_ctx *x, int participant);
const char *export_author_name(const struct export_ctx *x, int participant);
/* A voter's (or evaluator's) id: the participant id, or the pseudonym in
 * anonymous sessions, into buf. */
void export_person_id(const struct export_ctx *x, int participant,
    char *buf, size_t size);
const char *export_room_id(const struct export_ctx *x, int room);
const char *export_room_name(const struct export_ctx *x, int room);

/* Agenda time: per agenda item (module order) and per day. */
struct export_timing {
	int64_t first_start, last_end;	/* 0: not visited / still running */
	int64_t actual_ms;		/* summed over its visits */
	int visited;
};
struct export_day {
	int planned_min;
	int64_t actual_ms;
	int visited;			/* any agenda time that day */
	int current;			/* its last item is still current */
	int64_t behind_ms;		/* at its end (schedule.h) */
	unsigned present;		/* distinct participants seen */
};
/* Arrays of mod->nitems and ndays + 1 (index 0 unused); caller frees. */
void export_timings(const struct export_ctx *x, struct export_timing **items,
    struct export_day **days);

/* Rounds ms to whole minutes (half up). */
long export_minutes(int64_t ms);

struct export_sheet;

/* A CSV writer on a FILE: fields go through libcsv when they need quotes.
 * With `sheet` set, the same calls write typed cells into a worksheet of
 * outcomes.xlsx instead (export_xlsx.c), so that every table has one
 * writer and the sheets hold what the --raw CSV files hold. */
struct export_csv {
	FILE *f;
	struct export_sheet *sheet;	/* NULL: CSV to f */
	int raw;		/* no formula neutralising */
	int col;		/* fields written on this row */
	char *buf;		/* scratch for a neutralised cell */
	size_t cap;
};

void export_csv_init(struct export_csv *w, FILE *f, int raw);
void export_csv_free(struct export_csv *w);
/* The header row from a NULL-terminated list. */
void export_csv_header(struct export_csv *w, const char *const *names);
/* Text from people or content: neutralised unless raw.  NULL is "". */
void export_csv_text(struct export_csv *w, const char *s);
/* Ids, times and other values we make ourselves: written as they are. */
void export_csv_plain(struct export_csv *w, const char *s);
void export_csv_long(struct export_csv *w, long v);
void export_csv_bool(struct export_csv *w, int v);
void export_csv_time(struct export_csv *w, const struct export_ctx *x,
    int64_t ms);
/* A workshop day's date ("YYYY-MM-DD", "" when unknown). */
void export_csv_date(struct export_csv *w, const struct export_ctx *x, int day);
void export_csv_end(struct export_csv *w);
/* The columns that name a participant, first in participants.csv and
 * certificates.csv: their header names and their cells. */
#define EXPORT_PERSON_COLS "id", "name", "country", "organisation"
struct participant;
void export_person(struct export_csv *w, const struct participant *p);
/* 1 when a text cell would be neutralised: a trigger starts it or follows
 * a separator inside it. */
int export_csv_is_formula(const char *s);

/* The writers, one per file (export_tables.c, export_summary.c). */
typedef void (*export_table_fn)(const struct export_ctx *, struct export_csv *);
/* The writer of a CSV table; NULL for the other files. */
export_table_fn export_table(enum export_file f);
void export_participants(const struct export_ctx *x, struct export_csv *w);
void export_rooms(const struct export_ctx *x, struct export_csv *w);
void export_ideas(const struct export_ctx *x, struct export_csv *w);
void export_votes(const struct export_ctx *x, struct export_csv *w);
void export_results(const struct export_ctx *x, struct export_csv *w);
void export_attendance(const struct export_ctx *x, struct export_csv *w);
void export_timings_csv(const struct export_ctx *x, struct export_csv *w);
void export_days_csv(const struct export_ctx *x, struct export_csv *w);
void export_questions(const struct export_ctx *x, struct export_csv *w);
void export_polls(const struct export_ctx *x, struct export_csv *w);
void export_evaluation(const struct export_ctx *x, struct export_csv *w);
void export_summary(const struct export_ctx *x, FILE *f);
void export_certificates(const struct export_ctx *x, struct export_csv *w);
void export_certificates_html(const struct export_ctx *x, FILE *f);
/* Days 1..cert_of on which the participant was present (state.h). */
int export_days_present(const struct export_ctx *x, int participant);
/* summary.md's later sections (export_feedback.c): questions, polls and
 * evaluation; then the notes on the data (sample records, damage). */
void export_summary_feedback(const struct export_ctx *x, FILE *f);
/* The sponsor's sections (export_sponsor.c). */
void export_summary_glance(const struct export_ctx *x, FILE *f);
void export_summary_participation(const struct export_ctx *x, FILE *f);
void export_summary_ideas(const struct export_ctx *x, FILE *f);
void export_summary_prototypes(const struct export_ctx *x, FILE *f);
/* No figure of a breakdown in summary.md is about fewer people than this
 * (convene(1)): smaller countries are counted together. */
#define EXPORT_SMALL_CELL 3
/* The same rule for a breakdown by the participants' country elsewhere
 * (outcomes.xlsx's charts): export_fold_label gives the label a
 * participant's country shows under, its code or "other countries" (a
 * static or borrowed string), or NULL when fewer than EXPORT_SMALL_CELL
 * people took part at all (show no breakdown). */
struct export_fold;
struct export_fold *export_fold_new(const struct state *st);
const char *export_fold_label(const struct export_fold *f,
    const char *country);
void export_fold_free(struct export_fold *f);
void export_summary_notes(const struct export_ctx *x, FILE *f);

/* Markdown helpers (export_summary.c).  export_md_text writes text from
 * people as one safe Markdown line ("-" for none): control characters and
 * bidi overrides dropped, line breaks as spaces, Markdown's active
 * characters escaped.  export_local_time: "YYYY-MM-DD HH:MM" in the zone,
 * "-" for 0.  export_room_label: a room's name (its id when unnamed), or
 * "plenary" for -1. */
void export_md_text(FILE *f, const char *s);
/* The length of a control character or bidi override at s (C0, DEL, C1,
 * U+202A..U+202E, U+2066..U+2069), 0 when there is none. */
size_t export_unsafe_len(const unsigned char *s);
/* Text from people as HTML text: & < > " ' escaped, what
 * export_unsafe_len finds dropped (line breaks and tabs become spaces). */
void export_html_text(FILE *f, const char *s);
void export_local_time(const struct export_ctx *x, int64_t ms, char *buf,
    size_t size);
const char *export_room_label(const struct export_ctx *x, int room);

/* The cells of a worksheet (export_xlsx.c), for export_csv's calls: text is
 * a text cell (never a formula), an empty string no cell; a number a
 * number; a time (0: none) and a day's date (0: unknown) date cells in
 * the workshop's zone.  export_sheet_end ends the row. */
void export_sheet_text(struct export_sheet *sh, const char *s);
void export_sheet_number(struct export_sheet *sh, double v);
void export_sheet_time(struct export_sheet *sh, const struct export_ctx *x,
    int64_t ms);
void export_sheet_date(struct export_sheet *sh, const struct export_ctx *x,
    int day);
void export_sheet_end(struct export_sheet *sh);
/* outcomes.xlsx into out (export_xlsx.c).  0, or -1 with *err. */
int export_xlsx(const struct export_ctx *x, FILE *out, char **err);
/* The workbook's last sheet, "charts" (export_charts.c); the tables'
 * sheets are in place.  0 or libxlsxwriter's lxw_error. */
struct lxw_workbook;
struct lxw_format;
int export_charts(const struct export_ctx *x, struct lxw_workbook *wb,
    struct lxw_format *bold);

/* The rows of votes.csv in order: a round's tally sorted by idea, then
 * time, then the order first cast.  *out: indexes for round_tally() on
 * st->rounds[round] (caller frees). */
size_t export_vote_rows(const struct state *st, int round, size_t **out);
/* evaluation.csv's rows: the last answer of each person to each question,
 * in the order answers were first given.  Indexes into st->evals. */
size_t export_eval_rows(const struct state *st, size_t **out);

#endif
