/*
 * export.c -- one export run: its context (time zone, day 1, pseudonyms,
 * the agenda as it really ran) and writing the files into place.
 */
#include "export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "export_int.h"
#include "i18n.h"
#include "journal.h"
#include "schedule.h"
#include "session.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#define DAY_MS		(24 * 60 * 60 * 1000LL)
#define MAX_DAYS	366	/* a workshop; more means a clock gone wrong */

static const char *const file_names[EXPORT_NFILES] = {
	[EXPORT_PARTICIPANTS] = "participants.csv",
	[EXPORT_ROOMS] = "rooms.csv",
	[EXPORT_IDEAS] = "ideas.csv",
	[EXPORT_VOTES] = "votes.csv",
	[EXPORT_RESULTS] = "results.csv",
	[EXPORT_ATTENDANCE] = "attendance.csv",
	[EXPORT_TIMINGS] = "timings.csv",
	[EXPORT_DAYS] = "days.csv",
	[EXPORT_QUESTIONS] = "questions.csv",
	[EXPORT_POLLS] = "polls.csv",
	[EXPORT_EVALUATION] = "evaluation.csv",
	[EXPORT_CERTIFICATES] = "certificates.csv",
	[EXPORT_CERTIFICATES_HTML] = "certificates.html",
	[EXPORT_SUMMARY] = "summary.md",
	[EXPORT_OUTCOMES] = "outcomes.xlsx",
};

const char *
export_file_name(enum export_file f)
{
	if ((int)f < 0 || f >= EXPORT_NFILES)
		return NULL;
	return file_names[f];
}

void
export_source_from_session(struct export_source *src,
    const struct session *s)
{
	memset(src, 0, sizeof *src);
	src->st = s->state;
	src->mod = s->module;
	src->title = s->set.title;
	src->start = s->set.start;
	src->anonymous = s->set.anonymous;
	src->online = s->set.online;
	src->now = journal_now_ms();
}

/* ---------------------------------------------------------------- time */

void
export_time(const struct export_ctx *x, int64_t ms, char *buf, size_t size)
{
	buf[0] = '\0';
	if (ms != 0 && tz_format_iso(x->zone, ms, buf, size) != 0)
		buf[0] = '\0';
}

void
export_day_date(const struct export_ctx *x, int day, char *buf, size_t size)
{
	int y, m, d;

	buf[0] = '\0';
	if (!x->have_start || tz_add_days(x->zone, x->y1, x->m1, x->d1,
	    day - 1, &y, &m, &d) != 0)
		return;
	snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
}

int64_t
export_planned_start(const struct export_ctx *x, int day, int start_min)
{
	int y, m, d;
	int64_t ms;

	if (!x->have_start || tz_add_days(x->zone, x->y1, x->m1, x->d1,
	    day - 1, &y, &m, &d) != 0 ||
	    tz_from_local(x->zone, y, m, d, start_min, &ms) != 0)
		return 0;
	return ms;
}

long
export_minutes(int64_t ms)
{
	if (ms < 0)
		return -export_minutes(-ms);
	return (long)((ms + 30000) / 60000);
}

/* The workshop day of a time: the state's own reckoning when the session
 * set day 1, else whole days from day 1's local midnight. */
static int
day_of(const struct export_ctx *x, int64_t ms)
{
	int64_t day1;

	if (x->st->day1_midnight_ms != 0)
		return state_day_of(x->st, ms);
	if (!x->have_start ||
	    tz_from_local(x->zone, x->y1, x->m1, x->d1, 0, &day1) != 0)
		return 1;
	return ms >= day1 ? (int)((ms - day1) / DAY_MS) + 1 : 0;
}

/* Day 1's date: the session's start, else the date of the state's day-1
 * midnight in the zone. */
static void
find_day1(struct export_ctx *x, const char *start)
{
	struct tz_local l;

	if (start != NULL &&
	    tz_parse_date(start, &x->y1, &x->m1, &x->d1) == 0) {
		x->have_start = 1;
		return;
	}
	/* Noon of day 1, well clear of any daylight-saving edge. */
	if (x->st->day1_midnight_ms != 0 && tz_to_local(x->zone,
	    x->st->day1_midnight_ms + DAY_MS / 2, &l) == 0) {
		x->y1 = l.year;
		x->m1 = l.month;
		x->d1 = l.day;
		x->have_start = 1;
	}
}

static void
widen_days(struct export_ctx *x, int day)
{
	if (day > x->ndays && day <= MAX_DAYS)
		x->ndays = day;
}

static void
count_days(struct export_ctx *x)
{
	const struct state *st = x->st;
	size_t i;

	x->ndays = 0;
	if (x->mod != NULL) {
		widen_days(x, x->mod->days);
		for (i = 0; i < x->mod->nitems; i++)
			widen_days(x, x->mod->items[i].day);
	}
	for (i = 0; i < st->ncheckins; i++)
		widen_days(x, st->checkins[i].day);
	for (i = 0; i < st->nvisits; i++)
		widen_days(x, day_of(x, st->visits[i].at));
}

/* ---------------------------------------------------------- pseudonyms */

static void
name_voter(struct export_ctx *x, int participant, int *next)
{
	if (participant >= 0 && (size_t)participant < x->st->nparticipants &&
	    x->pseudonym[participant] == 0)
		x->pseudonym[participant] = ++*next;
}

/* In order of first appearance in votes.csv, then evaluation.csv, so the
 * numbers follow the files, not the participant list. */
static void
assign_pseudonyms(struct export_ctx *x)
{
	const struct state *st = x->st;
	size_t r, i, n, *rows;
	int next = 0;

	x->pseudonym = xcalloc(st->nparticipants + 1, sizeof *x->pseudonym);
	for (r = 0; r < st->nrounds; r++) {
		n = export_vote_rows(st, (int)r, &rows);
		for (i = 0; i < n; i++)
			name_voter(x, round_tally(&st->rounds[r],
			    rows[i]).voter, &next);
		free(rows);
	}
	n = export_eval_rows(st, &rows);
	for (i = 0; i < n; i++)
		name_voter(x, st->evals[rows[i]].participant, &next);
	free(rows);
}

void
export_ctx_init(struct export_ctx *x, const struct export_source *src,
    int flags)
{
	const struct module *mod = src->mod;

	memset(x, 0, sizeof *x);
	x->st = src->st;
	x->mod = mod;
	x->raw = (flags & EXPORT_RAW) != 0;
	x->bom = (flags & EXPORT_NO_BOM) == 0;
	x->with_email = (flags & EXPORT_WITH_EMAIL) != 0;
	x->anonymous = src->anonymous || src->st->anonymous;
	x->online = src->online;
	x->zone = mod != NULL && mod->timezone != NULL &&
	    tz_valid(mod->timezone) ? mod->timezone : "UTC";
	if (src->title != NULL && src->title[0] != '\0')
		x->title = src->title;
	else if (mod != NULL && mod->title != NULL && mod->title[0] != '\0')
		x->title = mod->title;
	else
		x->title = _("Workshop");
	x->start = src->start;
	x->now = src->now;
	find_day1(x, src->start);
	count_days(x);
	/* The module's days, not days a stray clock added. */
	x->cert_of = mod != NULL && mod->days > 0 ? mod->days :
	    x->ndays > 0 ? x->ndays : 1;
	x->cert_days = export_certificate_rule(x->cert_of, mod != NULL ?
	    mod->certificate_days : 0, src->certificate_days);
	assign_pseudonyms(x);
}

void
export_ctx_free(struct export_ctx *x)
{
	free(x->pseudonym);
	x->pseudonym = NULL;
}

/* ------------------------------------------------------ ids and names */

static int
valid_participant(const struct export_ctx *x, int p)
{
	return p >= 0 && (size_t)p < x->st->nparticipants;
}

const char *
export_author_id(const struct export_ctx *x, int participant)
{
	if (x->anonymous)
		return "";
	if (participant == -1)
		return "facilitator";
	return valid_participant(x, participant) ?
	    x->st->participants[participant].id : "";
}

const char *
export_author_name(const struct export_ctx *x, int participant)
{
	if (x->anonymous || !valid_participant(x, participant))
		return "";
	return x->st->participants[participant].name;
}

void
export_person_id(const struct export_ctx *x, int participant, char *buf,
    size_t size)
{
	buf[0] = '\0';
	if (!valid_participant(x, participant))
		return;
	if (!x->anonymous)
		snprintf(buf, size, "%s", x->st->participants[participant].id);
	else if (x->pseudonym[participant] > 0)	/* everyone who voted or
						   evaluated has one */
		snprintf(buf, size, "a%d", x->pseudonym[participant]);
}

const char *
export_room_id(const struct export_ctx *x, int room)
{
	if (room < 0 || (size_t)room >= x->st->nrooms)
		return "";
	return x->st->rooms[room].id;
}

const char *
export_room_name(const struct export_ctx *x, int room)
{
	if (room < 0 || (size_t)room >= x->st->nrooms)
		return "";
	return x->st->rooms[room].name;
}

/* ----------------------------------------------- the agenda as it ran */

/* Items and days as the schedule (schedule.h) has them: the console's
 * arithmetic, so that the files say what the console said. */
static void
from_schedule(const struct export_ctx *x, struct export_timing *items,
    struct export_day *days)
{
	struct schedule sch;
	size_t i;
	int d;

	schedule_build(&sch, x->mod, x->st, x->start, x->now);
	for (i = 0; i < sch.nitems; i++) {
		const struct schedule_item *si = &sch.items[i];

		items[i].visited = si->visited;
		items[i].first_start = si->actual_start;
		items[i].last_end = si->actual_end;
		items[i].actual_ms = si->actual_ms;
	}
	for (d = 1; d <= x->ndays && d <= sch.ndays; d++) {
		days[d].actual_ms = sch.days[d].actual_ms;
		days[d].visited = sch.days[d].visited;
		days[d].current = sch.days[d].current;
		days[d].behind_ms = sch.days[d].behind_ms;
	}
	schedule_free(&sch);
}

static void
count_present(const struct export_ctx *x, struct export_day *days)
{
	const struct state *st = x->st;
	unsigned char *seen;
	size_t i;
	int d;

	seen = xcalloc(((size_t)x->ndays + 1) * (st->nparticipants + 1), 1);
	for (i = 0; i < st->ncheckins; i++) {
		const struct checkin *c = &st->checkins[i];
		size_t at;

		d = c->day;
		if (d < 1 || d > x->ndays || c->absent ||
		    !valid_participant(x, c->participant))
			continue;
		at = (size_t)d * (st->nparticipants + 1) +
		    (size_t)c->participant;
		if (!seen[at]) {
			seen[at] = 1;
			days[d].present++;
		}
	}
	free(seen);
}

void
export_timings(const struct export_ctx *x, struct export_timing **itemsp,
    struct export_day **daysp)
{
	size_t nitems = x->mod != NULL ? x->mod->nitems : 0, i;
	struct export_timing *items = xcalloc(nitems + 1, sizeof *items);
	struct export_day *days = xcalloc((size_t)x->ndays + 1, sizeof *days);

	for (i = 0; i < nitems; i++) {
		int d = x->mod->items[i].day;

		if (d >= 1 && d <= x->ndays && !x->mod->items[i].skipped)
			days[d].planned_min += x->mod->items[i].minutes;
	}
	if (x->mod != NULL)
		from_schedule(x, items, days);
	count_present(x, days);
	*itemsp = items;
	*daysp = days;
}

/* ------------------------------------------------------------- writing */

export_table_fn
export_table(enum export_file f)
{
	static const export_table_fn writers[EXPORT_NFILES] = {
		[EXPORT_PARTICIPANTS] = export_participants,
		[EXPORT_ROOMS] = export_rooms,
		[EXPORT_IDEAS] = export_ideas,
		[EXPORT_VOTES] = export_votes,
		[EXPORT_RESULTS] = export_results,
		[EXPORT_ATTENDANCE] = export_attendance,
		[EXPORT_TIMINGS] = export_timings_csv,
		[EXPORT_DAYS] = export_days_csv,
		[EXPORT_QUESTIONS] = export_questions,
		[EXPORT_POLLS] = export_polls,
		[EXPORT_EVALUATION] = export_evaluation,
		[EXPORT_CERTIFICATES] = export_certificates,
	};

	if ((int)f < 0 || f >= EXPORT_NFILES)
		return NULL;
	return writers[f];
}

/* 0, or -1 with *err when the workbook failed (the text files' errors
 * show on `out`). */
static int
write_table(const struct export_ctx *x, enum export_file f, FILE *out,
    char **err)
{
	struct csv_out w;

	if (f == EXPORT_SUMMARY) {
		export_summary(x, out);
		return 0;
	}
	if (f == EXPORT_CERTIFICATES_HTML) {
		export_certificates_html(x, out);
		return 0;
	}
	if (f == EXPORT_OUTCOMES)
		return export_xlsx(x, out, err);
	/* What spreadsheets take for "this CSV is UTF-8" (export.h). */
	if (x->bom)
		fputs("\xef\xbb\xbf", out);
	csv_out_init(&w, out, x->raw);
	export_table(f)(x, &w);
	csv_out_free(&w);
	return 0;
}

int
export_write(const struct export_source *src, enum export_file f, int flags,
    FILE *out, char **err)
{
	struct export_ctx x;
	int r;

	if ((int)f < 0 || f >= EXPORT_NFILES)
		return set_error(err, -1, _("no such export file"));
	export_ctx_init(&x, src, flags);
	r = write_table(&x, f, out, err);
	export_ctx_free(&x);
	if (r != 0)
		return -1;
	if (ferror(out) || fflush(out) != 0)
		return set_error(err, -1, _("cannot write %s: %s"),
		    file_names[f], strerror(errno));
	return 0;
}

/* mkdir -p: each missing directory with mode 0770 (less the umask). */
static int
make_dirs(const char *dir, char **err)
{
	char *path = xstrdup(dir), *p;
	struct stat sb;

	char was;

	if (dir[0] == '\0')
		return set_error(err, -1, "%s", _("no directory to export to"));
	for (p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		was = *p;
		*p = '\0';
		if (mkdir(path, 0770) != 0 && errno != EEXIST) {
			set_error(err, -1, _("cannot make the directory "
			    "%s: %s"), path, strerror(errno));
			free(path);
			return -1;
		}
		*p = was;
		if (was == '\0')
			break;
	}
	free(path);
	if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode))
		return set_error(err, -1, _("%s is not a directory"), dir);
	return 0;
}

/* Writes and syncs one file at tmp in dfd (`shown` in messages); 0 or -1
 * with *err. */
static int
write_tmp(const struct export_ctx *x, enum export_file f, int dfd,
    const char *tmp, const char *shown, char **err)
{
	char vbuf[65536];
	FILE *out;
	int fd, failed;

	/* O_NONBLOCK and the check: a FIFO left at tmp must not hold the
	 * export until someone reads it.  O_NOFOLLOW: never through a link. */
	fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW |
	    O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0660);
	if (fd >= 0 && file_check_regular(fd) != 0) {
		int e = errno;

		close(fd);
		fd = -1;
		errno = e;
	}
	if (fd < 0) {
		if (errno == ENXIO || errno == EISDIR)
			errno = ENOTREGULAR;
		return set_error(err, -1, _("cannot write %s: %s"), shown,
		    file_strerror(errno));
	}
	out = fdopen(fd, "w");
	if (out == NULL) {
		close(fd);
		return set_error(err, -1, _("cannot write %s: %s"), shown,
		    strerror(errno));
	}
	setvbuf(out, vbuf, _IOFBF, sizeof vbuf);
	if (write_table(x, f, out, err) != 0) {
		fclose(out);
		return -1;
	}
	failed = ferror(out) || fflush(out) != 0 || fsync(fd) != 0;
	if (fclose(out) != 0)
		failed = 1;
	if (failed)
		return set_error(err, -1, _("cannot write %s: %s"), shown,
		    strerror(errno != 0 ? errno : EIO));
	return 0;
}

/* Writes DIR/.NAME.tmp, then renames it to DIR/NAME, within dfd. */
static int
write_into_place(const struct export_ctx *x, enum export_file f, int dfd,
    const char *dir, char **err)
{
	char *hidden = xasprintf(".%s.tmp", file_names[f]);
	char *tmp = path_join(dir, hidden);
	char *final = path_join(dir, file_names[f]);
	int ret;

	errno = 0;
	ret = write_tmp(x, f, dfd, hidden, tmp, err);
	if (ret == 0 && renameat(dfd, hidden, dfd, file_names[f]) != 0)
		ret = set_error(err, -1, _("cannot rename %s to %s: %s"), tmp,
		    final, strerror(errno));
	if (ret != 0)
		unlinkat(dfd, hidden, 0);
	free(hidden);
	free(tmp);
	free(final);
	return ret;
}

int
export_all_at(const struct export_source *src, int dfd, const char *dir,
    int flags, char **err)
{
	struct export_ctx x;
	int f, ret = 0;

	export_ctx_init(&x, src, flags);
	for (f = 0; f < EXPORT_NFILES && ret == 0; f++)
		ret = write_into_place(&x, (enum export_file)f, dfd, dir, err);
	export_ctx_free(&x);
	fsync(dfd);	/* makes the renames themselves durable */
	return ret;
}

int
export_all(const struct export_source *src, const char *dir, int flags,
    char **err)
{
	int dfd, ret;

	if (make_dirs(dir, err) != 0)
		return -1;
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return set_error(err, -1, _("cannot open the directory %s: %s"),
		    dir, strerror(errno));
	ret = export_all_at(src, dfd, dir, flags, err);
	close(dfd);
	return ret;
}
