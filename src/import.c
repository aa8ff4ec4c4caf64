/*
 * import.c -- participants from a registration spreadsheet (CSV).
 *
 * Every byte of CSV goes through libcsv.  The file is fed to the parser
 * one physical line at a time, so that each row knows the line it starts
 * on (a quoted cell may hold line breaks) and problems can be reported as
 * FILE:LINE.
 */
#include "import.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands.h"
#include "commands_int.h"
#include "i18n.h"
#include "session.h"
#include "text.h"
#include "util.h"

#define IMPORT_MAX_BYTES (16 * 1024 * 1024)
#define ROOM_MAX_CHARS 100

enum column { COL_NAME, COL_COUNTRY, COL_ORG, COL_ROOM, COL_EMAIL, COL_COUNT };

static const struct {
	const char *header;
	enum column col;
} headers[] = {
	{ "name", COL_NAME }, { "country", COL_COUNTRY },
	{ "organisation", COL_ORG }, { "organization", COL_ORG },
	{ "org", COL_ORG }, { "room", COL_ROOM }, { "email", COL_EMAIL },
	{ "e-mail", COL_EMAIL },
};

/* --- reporting ----------------------------------------------------------- */

static void PRINTFLIKE(4, 5)
problem(struct import_report *rep, const char *file, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	rep->problems = xgrow(rep->problems, &rep->capproblems,
	    rep->nproblems + 1, sizeof *rep->problems);
	rep->problems[rep->nproblems++] = xasprintf("%s:%lu: %s", file, line,
	    msg);
	free(msg);
}

void
import_report_free(struct import_report *rep)
{
	size_t i;

	for (i = 0; i < rep->nproblems; i++)
		free(rep->problems[i]);
	for (i = 0; i < rep->nadded; i++)
		free(rep->added[i]);
	free(rep->problems);
	free(rep->added);
	memset(rep, 0, sizeof *rep);
}

void
import_list_free(struct import_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		free(list->rows[i].name);
		free(list->rows[i].org);
		free(list->rows[i].room);
		free(list->rows[i].email);
	}
	free(list->rows);
	memset(list, 0, sizeof *list);
}

/* --- raw rows through libcsv --------------------------------------------- */

struct raw_row {
	unsigned long line;
	char **cells;
	size_t n;
};

struct raw {
	struct raw_row *rows;
	size_t n, cap;
	char **cells;		/* the row being read */
	size_t ncells, capcells;
	unsigned long line;	/* the physical line being fed */
	unsigned long start;	/* where the open row started */
	int open;		/* a row has begun and not ended */
	int ended;		/* a row ended during this line */
};

static void
raw_free(struct raw *r)
{
	size_t i, j;

	for (i = 0; i < r->n; i++) {
		for (j = 0; j < r->rows[i].n; j++)
			free(r->rows[i].cells[j]);
		free(r->rows[i].cells);
	}
	for (j = 0; j < r->ncells; j++)
		free(r->cells[j]);
	free(r->cells);
	free(r->rows);
	memset(r, 0, sizeof *r);
}

static void
on_cell(void *data, size_t len, void *ctx)
{
	struct raw *r = ctx;

	r->cells = xgrow(r->cells, &r->capcells, r->ncells + 1,
	    sizeof *r->cells);
	r->cells[r->ncells++] = xstrndup(data != NULL ? data : "", len);
}

static void
on_row(int term, void *ctx)
{
	struct raw *r = ctx;
	struct raw_row *row;

	(void)term;
	r->rows = xgrow(r->rows, &r->cap, r->n + 1, sizeof *r->rows);
	row = &r->rows[r->n++];
	row->line = r->open ? r->start : r->line;
	row->cells = r->cells;
	row->n = r->ncells;
	r->cells = NULL;
	r->ncells = r->capcells = 0;
	r->open = 0;
	r->ended = 1;
}

static int
is_blank_line(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != '\r' && p[i] != '\n' && p[i] != ' ' && p[i] != '\t')
			return 0;
	return 1;
}

/* Feeds one physical line and keeps track of where rows start: a line that
 * ends no row and is not blank outside a row opens one. */
static int
feed_line(struct csv_parser *p, struct raw *r, const char *s, size_t n)
{
	int was_open = r->open;

	r->ended = 0;
	if (!r->open && !is_blank_line(s, n)) {
		r->open = 1;
		r->start = r->line;
	}
	if (csv_parse(p, s, n, on_cell, on_row, r) != n)
		return -1;
	if (r->ended && r->ncells > 0 && !was_open) {
		/* A second row began on the same line (a lone CR). */
		r->open = 1;
		r->start = r->line;
	}
	return 0;
}

/* Just past the line that starts at s: its LF, CR LF or lone CR (what a
 * spreadsheet on an old Mac saves), or end.  Lines are counted the way an
 * editor shows them, so a problem's line number is right for every one of
 * the three. */
static const char *
next_line(const char *s, const char *end)
{
	for (; s < end; s++) {
		if (*s == '\n')
			return s + 1;
		if (*s == '\r')
			return s + 1 < end && s[1] == '\n' ? s + 2 : s + 1;
	}
	return end;
}

static int
parse_raw(const char *buf, size_t len, unsigned char delim, struct raw *r,
    char **why, unsigned long *bad_line)
{
	struct csv_parser p;
	const char *s = buf, *nl, *end = buf + len;
	int rc = 0;

	memset(r, 0, sizeof *r);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		return -1;
	csv_set_delim(&p, delim);
	for (r->line = 1; rc == 0 && s < end; r->line++) {
		nl = next_line(s, end);
		rc = feed_line(&p, r, s, (size_t)(nl - s));
		s = nl;
	}
	if (rc == 0) {
		r->line--;
		rc = csv_fini(&p, on_cell, on_row, r);
	}
	if (rc != 0) {
		*why = xstrdup(csv_strerror(csv_error(&p)));
		*bad_line = r->open ? r->start : r->line;
	}
	csv_free(&p);
	return rc;
}

/* --- the header ---------------------------------------------------------- */

struct layout {
	int col[COL_COUNT];	/* cell index of each column, -1 absent */
	int known;		/* columns recognised */
};

static void
read_header(const struct raw_row *h, struct layout *l)
{
	size_t i, k;

	for (k = 0; k < COL_COUNT; k++)
		l->col[k] = -1;
	l->known = 0;
	for (i = 0; i < h->n; i++)
		for (k = 0; k < NELEM(headers); k++)
			if (strcasecmp(h->cells[i], headers[k].header) == 0 &&
			    l->col[headers[k].col] < 0) {
				l->col[headers[k].col] = (int)i;
				l->known++;
			}
}

static int
layout_complete(const struct layout *l)
{
	return l->col[COL_NAME] >= 0 && l->col[COL_COUNTRY] >= 0 &&
	    l->col[COL_ORG] >= 0;
}

/* --- rows ---------------------------------------------------------------- */

static const char *
cell(const struct raw_row *row, const struct layout *l, enum column c)
{
	int i = l->col[c];

	return i >= 0 && (size_t)i < row->n ? row->cells[i] : "";
}

static int
row_is_blank(const struct raw_row *row)
{
	size_t i;

	for (i = 0; i < row->n; i++)
		if (!text_is_blank(row->cells[i]))
			return 0;
	return 1;
}

/* The same person appears earlier in the list: the line, else 0. */
static unsigned long
earlier_line(const struct import_list *list, const struct import_row *r)
{
	size_t i;
	const struct import_row *o;

	for (i = 0; i < list->n; i++) {
		o = &list->rows[i];
		if (*r->email != '\0' && strcasecmp(o->email, r->email) == 0)
			return o->line;
		if (*r->email == '\0' && *o->email == '\0' &&
		    strcmp(o->name, r->name) == 0 &&
		    strcmp(o->country, r->country) == 0)
			return o->line;
	}
	return 0;
}

static void
take_row(const char *file, const struct raw_row *raw, const struct layout *l,
    struct import_list *list, struct import_report *rep)
{
	struct import_row r;
	char *why = NULL;
	unsigned long dup;

	memset(&r, 0, sizeof r);
	r.line = raw->line;
	if (cmd_check_person(cell(raw, l, COL_NAME), cell(raw, l, COL_COUNTRY),
	    cell(raw, l, COL_ORG), cell(raw, l, COL_EMAIL), &r.country,
	    &why) != 0 || cmd_check_name(_("the room"), cell(raw, l, COL_ROOM),
	    ROOM_MAX_CHARS, 0, &why) != 0) {
		problem(rep, file, raw->line, "%s", why);
		free(why);
		return;
	}
	r.name = xstrdup(cell(raw, l, COL_NAME));
	r.org = xstrdup(cell(raw, l, COL_ORG));
	r.room = xstrdup(cell(raw, l, COL_ROOM));
	r.email = xstrdup(cell(raw, l, COL_EMAIL));
	if ((dup = earlier_line(list, &r)) != 0) {
		problem(rep, file, raw->line, _("the same person as on line "
		    "%lu"), dup);
		free(r.name);
		free(r.org);
		free(r.room);
		free(r.email);
		return;
	}
	list->rows = xgrow(list->rows, &list->cap, list->n + 1,
	    sizeof *list->rows);
	list->rows[list->n++] = r;
}

/* --- the file ------------------------------------------------------------ */

/* The first line that is not UTF-8, or 0. */
static unsigned long
first_non_utf8_line(const char *buf, size_t len)
{
	const char *s = buf, *end = buf + len, *nl;
	unsigned long line;

	for (line = 1; s < end; line++) {
		nl = next_line(s, end);
		if (text_validate(s, (size_t)(nl - s), NULL) != 0)
			return line;
		s = nl;
	}
	return 0;
}

/* Comma first, then semicolon (what spreadsheets save where the decimal
 * separator is a comma): the one whose header names the columns wins.  A
 * file that parses with one of them is CSV: when its header lacks a column,
 * say which, even if the other separator cannot parse it at all. */
static int
parse_table(const char *file, const char *buf, size_t len, struct raw *raw,
    struct layout *l, struct import_report *rep)
{
	static const unsigned char delims[] = { ',', ';' };
	struct layout best = { { -1, -1, -1, -1, -1 }, -1 };
	unsigned long bad = 0;
	char *why = NULL;
	size_t i;

	for (i = 0; i < NELEM(delims); i++) {
		if (parse_raw(buf, len, delims[i], raw, &why, &bad) != 0) {
			raw_free(raw);
			if (i + 1 < NELEM(delims) || best.known >= 0) {
				free(why);
				why = NULL;
				continue;
			}
			problem(rep, file, bad, _("not a CSV file: %s"), why);
			free(why);
			return -1;
		}
		if (raw->n == 0) {
			problem(rep, file, 1, "%s", _("the file is empty: it "
			    "needs a header row (name, country, organisation)"));
			raw_free(raw);
			return -1;
		}
		read_header(&raw->rows[0], l);
		if (layout_complete(l))
			return 0;
		if (l->known > best.known)
			best = *l;
		raw_free(raw);
	}
	problem(rep, file, 1, _("the header row needs the columns name, "
	    "country and organisation (room and email may follow); %s"),
	    best.col[COL_NAME] < 0 ? _("'name' is missing") :
	    best.col[COL_COUNTRY] < 0 ? _("'country' is missing") :
	    _("'organisation' is missing"));
	return -1;
}

int
import_parse(const char *file, const char *buf, size_t len,
    struct import_list *list, struct import_report *rep, char **err)
{
	struct raw raw;
	struct layout l;
	unsigned long bad;
	size_t i;

	memset(list, 0, sizeof *list);
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	if ((bad = first_non_utf8_line(buf, len)) != 0) {
		problem(rep, file, bad, "%s", _("this file is not UTF-8 text: "
		    "it was probably saved in a local encoding such as CP949 "
		    "(Korean) or CP874 (Thai). Save it again as \"CSV UTF-8 "
		    "(Comma delimited)\" in Excel, or with the character set "
		    "\"Unicode (UTF-8)\" in LibreOffice"));
		return set_error(err, 3, _("%s is not UTF-8: nothing "
		    "imported"), file);
	}
	if (parse_table(file, buf, len, &raw, &l, rep) != 0)
		return set_error(err, 3, _("%s cannot be read as a "
		    "registration list: nothing imported"), file);
	for (i = 1; i < raw.n; i++)
		if (!row_is_blank(&raw.rows[i]))
			take_row(file, &raw.rows[i], &l, list, rep);
	raw_free(&raw);
	if (rep->nproblems > 0) {
		import_list_free(list);
		return set_error(err, 3, _("%s has %zu bad %s: nothing "
		    "imported"), file, rep->nproblems,
		    rep->nproblems == 1 ? _("row") : _("rows"));
	}
	return 0;
}

/* --- into the session ---------------------------------------------------- */

struct import_cmd {
	struct session *s;
	const struct import_list *list;
	struct import_report *rep;
	char **room_names, **room_ids;	/* rooms made in this batch */
	size_t nrooms, caprooms, caprooms2;
};

static int
registered(const struct state *st, const struct import_row *r)
{
	size_t i;
	const struct participant *p;

	if (*r->email != '\0')
		return cmd_email_owner(st, r->email) >= 0;
	for (i = 0; i < st->nparticipants; i++) {
		p = &st->participants[i];
		if (strcmp(p->name, r->name) == 0 &&
		    strcmp(p->country, r->country) == 0)
			return 1;
	}
	return 0;
}

/* The id of the room called `name`: an existing one, one made earlier in
 * this batch, or a new one added to the batch now. */
static const char *
room_for(struct journal_batch *b, struct import_cmd *c, const char *name)
{
	const struct state *st = c->s->state;
	size_t i;
	struct event ev = { .type = EV_ROOM };

	for (i = 0; i < st->nrooms; i++)
		if (strcmp(st->rooms[i].name, name) == 0)
			return st->rooms[i].id;
	for (i = 0; i < c->nrooms; i++)
		if (strcmp(c->room_names[i], name) == 0)
			return c->room_ids[i];
	c->room_names = xgrow(c->room_names, &c->caprooms, c->nrooms + 1,
	    sizeof *c->room_names);
	c->room_ids = xgrow(c->room_ids, &c->caprooms2, c->nrooms + 1,
	    sizeof *c->room_ids);
	c->room_names[c->nrooms] = xstrdup(name);
	c->room_ids[c->nrooms] = cmd_new_id(st, 'r', (unsigned)c->nrooms);
	ev.id = c->room_ids[c->nrooms];
	ev.text = name;
	cmd_add(b, c->s, ACTOR_ORGANIZER, &ev);
	return c->room_ids[c->nrooms++];
}

static void
add_person(struct journal_batch *b, struct import_cmd *c,
    const struct import_row *r)
{
	struct import_report *rep = c->rep;
	char *id = cmd_new_id(c->s->state, 'p', (unsigned)rep->nadded), *extra;
	struct event ev = { .type = EV_PARTICIPANT };

	extra = xasprintf("%s\n%s\n%s", r->country, r->org, r->email);
	ev.id = id;
	ev.text = r->name;
	ev.extra = extra;
	cmd_add(b, c->s, ACTOR_ORGANIZER, &ev);
	free(extra);
	if (*r->room != '\0') {
		memset(&ev, 0, sizeof ev);
		ev.type = EV_MOVE;
		ev.id = id;
		ev.room = room_for(b, c, r->room);
		cmd_add(b, c->s, ACTOR_ORGANIZER, &ev);
	}
	rep->added = xgrow(rep->added, &rep->capadded, rep->nadded + 1,
	    sizeof *rep->added);
	rep->added[rep->nadded++] = id;
}

static void
forget_batch(struct import_cmd *c)
{
	size_t i;

	for (i = 0; i < c->nrooms; i++) {
		free(c->room_names[i]);
		free(c->room_ids[i]);
	}
	free(c->room_names);
	free(c->room_ids);
	c->room_names = c->room_ids = NULL;
	c->nrooms = c->caprooms = c->caprooms2 = 0;
}

static int
build_import(struct journal_batch *b, void *ctx, char **err)
{
	struct import_cmd *c = ctx;
	size_t i;

	(void)err;
	for (i = 0; i < c->list->n; i++) {
		if (registered(c->s->state, &c->list->rows[i]))
			c->rep->already++;
		else
			add_person(b, c, &c->list->rows[i]);
	}
	forget_batch(c);
	return 0;
}

int
import_registrations(struct session *s, const char *path,
    struct import_report *rep, char **err)
{
	struct import_list list;
	struct import_cmd c;
	size_t len, i;
	char *buf;
	int r;

	memset(rep, 0, sizeof *rep);
	if ((buf = file_read_all(path, IMPORT_MAX_BYTES, &len)) == NULL)
		return set_error(err, 3, _("cannot read %s: %s"), path,
		    errno == EFBIG ? _("larger than 16 MB") :
		    file_strerror(errno));
	r = import_parse(path, buf, len, &list, rep, err);
	free(buf);
	if (r != 0)
		return r;
	memset(&c, 0, sizeof c);
	c.s = s;
	c.list = &list;
	c.rep = rep;
	r = cmd_run(s, build_import, &c, err);
	if (r != 0) {
		/* Nothing was written: no id was given to anyone. */
		for (i = 0; i < rep->nadded; i++)
			free(rep->added[i]);
		rep->nadded = 0;
	}
	forget_batch(&c);
	import_list_free(&list);
	return r;
}
