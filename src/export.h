/*
 * export.h -- `convene export`: the record of a session as CSV files and a
 * follow-up report, summary.md.
 *
 * The export only reads: it works on a live session (on the state as
 * replayed when it starts) and on a read-only copy.  Each file is written
 * beside its final name (DIR/.NAME.tmp), flushed to disk and renamed, so a
 * reader never sees a file half-written.
 *
 * CSV (RFC 4180, through libcsv): UTF-8 starting with a byte order mark
 * (EF BB BF: Excel and LibreOffice's default import read a CSV as UTF-8
 * only when it has one, and show Korean or Thai as mojibake otherwise;
 * EXPORT_NO_BOM leaves it out for scripts), a header row of fixed English
 * column names, CRLF line ends, one file per table.  summary.md has no
 * byte order mark.  A field is quoted (by libcsv's csv_fwrite) when it holds a
 * comma, a quote, CR or LF, or begins or ends with a space or tab (readers
 * trim those when unquoted); other fields are written bare, so numbers read
 * as numbers.  Times are ISO 8601 with the offset of the module's time
 * zone ("2026-11-23T09:00:00+07:00"); an unknown time is an empty field.
 * Booleans are "yes" / "no".
 *
 * Formula neutralising (OWASP, CSV injection): in a text cell, each
 * = + - @ TAB or CR at its start or right after a ',' ';' or TAB inside it
 * gets a single quote (') in front, so a spreadsheet shows it as text
 * instead of running it, whichever of those separators it splits lines
 * on (a locale's ';' or TAB starts a new cell there).  Numbers, times and
 * ids are never touched.  EXPORT_RAW turns this off (for programs).
 *
 * Anonymous sessions: author_id and author_name are empty in ideas.csv and
 * questions.csv, and no author appears in summary.md.  voter_id in
 * votes.csv and participant_id in evaluation.csv are pseudonyms a1, a2...,
 * numbered in order of first appearance in votes.csv and then
 * evaluation.csv (rows sorted by round, idea and time), so the number says
 * nothing about who it is and one person keeps one pseudonym across the
 * export.  attendance.csv keeps who was present on which day (for
 * certificates) but leaves first_seen, last_seen and contributions empty:
 * exact activity times would tie a person to an idea's created_at.
 * Elsewhere author_id is the participant id, or "facilitator" for what
 * the facilitator wrote.
 *
 * What the tables mean where DESIGN.md leaves it open:
 *  - votes.csv: one row per voter and idea with net dots > 0, per round,
 *    sorted by round, idea and time; idea_id is the idea the dots were cast
 *    on (merges are resolved in results.csv only).
 *  - results.csv: every round, revealed or not (column `revealed`); the
 *    ranking rules are results.h's.
 *  - attendance.csv: one row per participant and day they were seen (a
 *    check-in, or any activity: ideas, dots, questions, answers).
 *  - timings.csv: an agenda item starts when the agenda moves to it and
 *    ends when it moves on; visited more than once, it starts at its first
 *    visit, ends at its last and counts every visit's minutes.  An item
 *    left open overnight ends at its day's last activity.  The current
 *    item has no actual_end and counts its minutes so far.  overrun is
 *    actual minus planned (negative: finished early); empty when never
 *    visited.  days.csv sums the visits of each day the same way.
 *  - certificates.csv: one row per participant; days_present counts the
 *    module's days (1..days) on which state_present() holds, so a roll
 *    call's "absent" counts as absent whatever the person did that day;
 *    eligible is days_present >= export_certificate_rule().
 *    certificates.html has one A4 page for each eligible participant, in
 *    participant order (one page saying so when nobody is).
 *
 * outcomes.xlsx (libxlsxwriter): one sheet per CSV table, named as the
 * file without ".csv", with the columns and values of the --raw CSV
 * files, typed: numbers as numbers, times and a day's date as date cells
 * in the module's zone (the wall time there, as the CSV's ISO times
 * show it before their offset), everything else as text cells, never a
 * formula, so nothing needs neutralising; the header row frozen, columns
 * as wide as their content (capped).  A last sheet, "charts", holds
 * native charts and the few counts they plot: the ranked results of each
 * revealed round (the first ten), attendance per day and per country,
 * ideas per design stage and per country, and the answers to each 1-5
 * evaluation question.  The document's creation time is the last
 * record's, so one journal always gives the same workbook.
 */
#ifndef CONVENE_EXPORT_H
#define CONVENE_EXPORT_H

#include <stdint.h>
#include <stdio.h>

struct module;
struct session;
struct state;

enum export_file {
	EXPORT_PARTICIPANTS,	/* participants.csv */
	EXPORT_ROOMS,		/* rooms.csv */
	EXPORT_IDEAS,		/* ideas.csv */
	EXPORT_VOTES,		/* votes.csv */
	EXPORT_RESULTS,		/* results.csv (ranking: results.h) */
	EXPORT_ATTENDANCE,	/* attendance.csv */
	EXPORT_TIMINGS,		/* timings.csv */
	EXPORT_DAYS,		/* days.csv */
	EXPORT_QUESTIONS,	/* questions.csv */
	EXPORT_POLLS,		/* polls.csv */
	EXPORT_EVALUATION,	/* evaluation.csv */
	EXPORT_CERTIFICATES,	/* certificates.csv */
	EXPORT_SUMMARY,		/* summary.md (the CSV files come before it) */
	EXPORT_CERTIFICATES_HTML, /* certificates.html */
	EXPORT_OUTCOMES,	/* outcomes.xlsx */
	EXPORT_NFILES
};

/* What an export reads; everything is borrowed. */
struct export_source {
	const struct state *st;
	const struct module *mod;	/* NULL: no agenda; times in UTC */
	const char *title;		/* NULL or "": the module's title */
	const char *start;		/* day 1, YYYY-MM-DD; NULL: unknown */
	int anonymous;			/* or st->anonymous */
	int online;			/* delivered online: zones per person */
	/* The time of the export (UTC ms): the day under way is measured to
	 * it; 0 or earlier than the last record: the last record's time. */
	int64_t now;
	/* Days present a certificate needs; 0: the module's rule. */
	int certificate_days;
};

/* Flags. */
#define EXPORT_RAW 0x1			/* no formula neutralising */
#define EXPORT_NO_BOM 0x2		/* CSV files without a byte order mark */
/* Participants' email addresses in participants.csv and its sheet; without
 * it the email column is there but empty (personal data leaves the
 * session only when asked for: issue 17). */
#define EXPORT_WITH_EMAIL 0x4

/* The days of presence a certificate of attendance needs, in a workshop
 * of `days` days: `override` when > 0 (export --certificate-days), else
 * the module's certificate_days when > 0, else three quarters of the days
 * rounded up (3 of 4); always within 1..days. */
int export_certificate_rule(int days, int module_value, int override);

/* The file name of a table ("ideas.csv"). */
const char *export_file_name(enum export_file f);

/* Fills src from an open session (its state, module and settings). */
void export_source_from_session(struct export_source *src,
    const struct session *s);

/* Writes one file's content to `out`.  0, or -1 with *err (a write
 * error; out is left as it is).  outcomes.xlsx is built in a private
 * temporary directory first (libxlsxwriter writes only to a path) and
 * copied into `out`. */
int export_write(const struct export_source *src, enum export_file f,
    int flags, FILE *out, char **err);

/* Writes every file into `dir`, creating it (and missing parents) when
 * needed.  0, or -1 with *err naming the path that failed; files already
 * renamed into place stay, none is ever half-written. */
int export_all(const struct export_source *src, const char *dir, int flags,
    char **err);
/* The same into the open directory dfd (named `dir` in messages), every
 * file made and renamed within it, never through a link: SESSION/export
 * opened beneath the session (sessdir.h). */
int export_all_at(const struct export_source *src, int dfd, const char *dir,
    int flags, char **err);

#endif
