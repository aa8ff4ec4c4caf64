/*
 * export_csv.c -- writing CSV cells: RFC 4180 through libcsv, and the
 * neutralising of cells a spreadsheet would run as formulas.
 *
 * libcsv's csv_fwrite quotes every field it writes.  We hand it only the
 * fields that need quotes (a comma, a quote, CR, LF, or a space or tab at
 * either end, which readers trim from bare fields) and write the others
 * bare, so that a spreadsheet reads numbers as numbers and the files stay
 * easy to read; both forms are RFC 4180.
 *
 * A writer with a sheet (outcomes.xlsx) hands every cell to the sheet as
 * it is, typed: a text cell is never run as a formula, so nothing is
 * neutralised there.
 */
#include "export_int.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
export_csv_init(struct export_csv *w, FILE *f, int raw)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->raw = raw;
}

void
export_csv_free(struct export_csv *w)
{
	free(w->buf);
	w->buf = NULL;
	w->cap = 0;
}

static int
needs_quotes(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t')
		return 1;
	return strpbrk(s, ",\"\r\n") != NULL;
}

static void
write_field(struct export_csv *w, const char *s, size_t len)
{
	if (w->col++ > 0)
		fputc(',', w->f);
	if (needs_quotes(s, len))
		csv_fwrite(w->f, s, len);
	else
		fwrite(s, 1, len, w->f);
}

/*
 * OWASP's list: what Excel, LibreOffice and Google Sheets start a formula
 * (or a DDE call) with.
 */
static int
is_trigger(char c)
{
	return c != '\0' && strchr("=+-@\t\r", c) != NULL;
}

/*
 * The separators a spreadsheet may split a line on, whatever its locale:
 * a cell opened with another separator than ours splits at these, so a
 * trigger right after one starts a cell of its own.  Our quotes do not
 * protect it: LibreOffice evaluates a quoted "=5+6" all the same.
 */
static int
is_separator(char c)
{
	return c == ',' || c == ';' || c == '\t';
}

/* A trigger at the start of s or right after a separator at i. */
static int
starts_formula(const char *s, size_t i)
{
	return is_trigger(s[i]) && (i == 0 || is_separator(s[i - 1]));
}

int
export_csv_is_formula(const char *s)
{
	size_t i;

	if (s == NULL)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (starts_formula(s, i))
			return 1;
	return 0;
}

/* Copies s into w->buf with an apostrophe before every trigger that could
 * start a cell; returns the new length. */
static size_t
neutralise(struct export_csv *w, const char *s, size_t len)
{
	size_t i, n = 0;

	/* At worst every byte gets an apostrophe. */
	w->buf = xgrow(w->buf, &w->cap, 2 * len + 1, 1);
	for (i = 0; i < len; i++) {
		if (starts_formula(s, i))
			w->buf[n++] = '\'';
		w->buf[n++] = s[i];
	}
	w->buf[n] = '\0';
	return n;
}

void
export_csv_text(struct export_csv *w, const char *s)
{
	size_t len;

	if (s == NULL)
		s = "";
	if (w->sheet != NULL) {
		export_sheet_text(w->sheet, s);
		return;
	}
	len = strlen(s);
	if (w->raw || !export_csv_is_formula(s)) {
		write_field(w, s, len);
		return;
	}
	/* neutralise first: it (re)allocates w->buf, and the order in which
	 * a call's arguments are evaluated is unspecified (clang read a NULL
	 * w->buf here before neutralise made it) */
	len = neutralise(w, s, len);
	write_field(w, w->buf, len);
}

void
export_csv_plain(struct export_csv *w, const char *s)
{
	if (s == NULL)
		s = "";
	if (w->sheet != NULL)
		export_sheet_text(w->sheet, s);
	else
		write_field(w, s, strlen(s));
}

void
export_csv_long(struct export_csv *w, long v)
{
	char buf[32];

	if (w->sheet != NULL) {
		export_sheet_number(w->sheet, (double)v);
		return;
	}
	snprintf(buf, sizeof buf, "%ld", v);
	export_csv_plain(w, buf);
}

void
export_csv_bool(struct export_csv *w, int v)
{
	export_csv_plain(w, v ? "yes" : "no");
}

void
export_csv_time(struct export_csv *w, const struct export_ctx *x, int64_t ms)
{
	char buf[40];

	if (w->sheet != NULL) {
		export_sheet_time(w->sheet, x, ms);
		return;
	}
	export_time(x, ms, buf, sizeof buf);
	export_csv_plain(w, buf);
}

void
export_csv_date(struct export_csv *w, const struct export_ctx *x, int day)
{
	char buf[16];

	if (w->sheet != NULL) {
		export_sheet_date(w->sheet, x, day);
		return;
	}
	export_day_date(x, day, buf, sizeof buf);
	export_csv_plain(w, buf);
}

void
export_csv_end(struct export_csv *w)
{
	if (w->sheet != NULL)
		export_sheet_end(w->sheet);
	else
		fputs("\r\n", w->f);
	w->col = 0;
}

void
export_csv_header(struct export_csv *w, const char *const *names)
{
	for (; *names != NULL; names++)
		export_csv_plain(w, *names);
	export_csv_end(w);
}
