/*
 * export_csv.c -- writing CSV cells: RFC 4180 through libcsv, and the
 * neutralising of cells a spreadsheet would run as formulas.
 *
 * libcsv's csv_fwrite quotes every field it writes.  We hand it only the
 * fields that need quotes (a comma, a quote, CR, LF, or a space or tab at
 * either end, which readers trim from bare fields) and write the others
 * bare, so that a spreadsheet reads numbers as numbers and the files stay
 * easy to read; both forms are RFC 4180.
 */
#include "export_int.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void
csv_out_init(struct csv_out *w, FILE *f, int raw)
{
	memset(w, 0, sizeof *w);
	w->f = f;
	w->raw = raw;
}

void
csv_out_free(struct csv_out *w)
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
write_field(struct csv_out *w, const char *s, size_t len)
{
	if (w->col++ > 0)
		fputc(',', w->f);
	if (needs_quotes(s, len))
		csv_fwrite(w->f, s, len);
	else
		fwrite(s, 1, len, w->f);
}

int
csv_is_formula(const char *s)
{
	/* OWASP's list: what Excel, LibreOffice and Google Sheets start a
	 * formula (or a DDE call) with. */
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

void
csv_out_text(struct csv_out *w, const char *s)
{
	size_t len;

	if (s == NULL)
		s = "";
	len = strlen(s);
	if (w->raw || !csv_is_formula(s)) {
		write_field(w, s, len);
		return;
	}
	w->buf = xgrow(w->buf, &w->cap, len + 2, 1);
	w->buf[0] = '\'';
	memcpy(w->buf + 1, s, len + 1);
	write_field(w, w->buf, len + 1);
}

void
csv_out_plain(struct csv_out *w, const char *s)
{
	if (s == NULL)
		s = "";
	write_field(w, s, strlen(s));
}

void
csv_out_long(struct csv_out *w, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	csv_out_plain(w, buf);
}

void
csv_out_bool(struct csv_out *w, int v)
{
	csv_out_plain(w, v ? "yes" : "no");
}

void
csv_out_time(struct csv_out *w, const struct export_ctx *x, int64_t ms)
{
	char buf[40];

	export_time(x, ms, buf, sizeof buf);
	csv_out_plain(w, buf);
}

void
csv_out_end(struct csv_out *w)
{
	fputs("\r\n", w->f);
	w->col = 0;
}

void
csv_out_header(struct csv_out *w, const char *const *names)
{
	for (; *names != NULL; names++)
		csv_out_plain(w, *names);
	csv_out_end(w);
}
