/*
 * export_xlsx.c -- outcomes.xlsx: the export's tables as typed sheets of
 * one workbook (libxlsxwriter), and the charts sheet (export_charts.c).
 *
 * The tables' own writers (export_tables.c) fill the sheets through a
 * export_csv with a sheet, so a sheet can never drift from its CSV file.
 *
 * libxlsxwriter writes to a path only.  The workbook is built in a
 * private directory (mkdtemp, mode 0700, under $TMPDIR or /tmp) and then
 * copied into `out`, which export.c opened beside the final name (with
 * O_NOFOLLOW, beneath the export directory's descriptor) and renames into
 * place like every other file.  Handing libxlsxwriter a path into the
 * export directory instead (/proc/self/fd/N/...) would have it fopen()
 * a name in a directory the convene group can write, following any link
 * planted there, and would need /proc; the copy costs one read of a file
 * of a few megabytes at most.  A setgid convene runs in glibc's secure
 * mode, which drops TMPDIR, so it builds under /tmp.
 */
#include "export_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>


#include "i18n.h"
#include "xlsx_lib.h"
#include "state.h"
#include "text.h"
#include "tz.h"
#include "util.h"

#define MAX_WIDTH	60	/* columns: a longer text wraps off-screen */
#define TIME_WIDTH	19	/* yyyy-mm-dd hh:mm:ss */
#define DATE_WIDTH	10

struct export_sheet {
	lxw_worksheet *ws;
	lxw_format *bold, *time, *date;
	lxw_row_t row;
	lxw_col_t col;
	int *width;		/* per column: the widest cell's columns */
	size_t cap;
	lxw_error error;	/* the first failure */
};

static void
note_width(struct export_sheet *sh, int w)
{
	size_t c = sh->col;

	if (c >= sh->cap) {
		size_t old = sh->cap;

		sh->width = xgrow(sh->width, &sh->cap, c + 1,
		    sizeof *sh->width);
		memset(sh->width + old, 0, (sh->cap - old) * sizeof *sh->width);
	}
	if (w > sh->width[c])
		sh->width[c] = w;
}

static void
note_error(struct export_sheet *sh, lxw_error e)
{
	if (sh->error == LXW_NO_ERROR)
		sh->error = e;
	sh->col++;
}

/* A text's columns, measured (ICU) only when it could widen its column:
 * a text is never wider than its bytes, and a column stops at MAX_WIDTH
 * (a quarter of a 10,000-idea export's time went here otherwise). */
static int
measure(const struct export_sheet *sh, const char *s)
{
	int have = sh->col < sh->cap ? sh->width[sh->col] : 0;
	size_t len;

	if (have >= MAX_WIDTH)
		return 0;
	len = strlen(s);
	return len <= (size_t)have ? (int)len : text_width(s);
}

void
export_sheet_text(struct export_sheet *sh, const char *s)
{
	if (s[0] == '\0') {
		sh->col++;	/* an empty CSV field: no cell */
		return;
	}
	note_width(sh, measure(sh, s));
	/* A string cell: whatever it holds, never a formula. */
	note_error(sh, XL(worksheet_write_string)(sh->ws, sh->row, sh->col, s,
	    sh->row == 0 ? sh->bold : NULL));
}

void
export_sheet_number(struct export_sheet *sh, double v)
{
	char buf[32];

	note_width(sh, snprintf(buf, sizeof buf, "%g", v));
	note_error(sh, XL(worksheet_write_number)(sh->ws, sh->row, sh->col, v,
	    NULL));
}

/* Local fields as Excel's date: a serial number of days, which knows no
 * zone, so the wall time in the workshop's zone is what it holds. */
static void
write_local(struct export_sheet *sh, const struct tz_local *l, int with_time)
{
	lxw_datetime dt = { l->year, l->month, l->day, 0, 0, 0 };

	if (with_time) {
		dt.hour = l->hour;
		dt.min = l->minute;
		dt.sec = l->second;
	}
	note_width(sh, with_time ? TIME_WIDTH : DATE_WIDTH);
	note_error(sh, XL(worksheet_write_datetime)(sh->ws, sh->row, sh->col, &dt,
	    with_time ? sh->time : sh->date));
}

void
export_sheet_time(struct export_sheet *sh, const struct export_ctx *x,
    int64_t ms)
{
	struct tz_local l;

	if (ms == 0 || tz_to_local(x->zone, ms, &l) != 0) {
		sh->col++;
		return;
	}
	write_local(sh, &l, 1);
}

void
export_sheet_date(struct export_sheet *sh, const struct export_ctx *x,
    int day)
{
	struct tz_local l;
	char buf[16];

	export_day_date(x, day, buf, sizeof buf);
	memset(&l, 0, sizeof l);
	if (tz_parse_date(buf, &l.year, &l.month, &l.day) != 0) {
		sh->col++;
		return;
	}
	write_local(sh, &l, 0);
}

void
export_sheet_end(struct export_sheet *sh)
{
	sh->row++;
	sh->col = 0;
}

/* ------------------------------------------------------------ sheets */

struct formats {
	lxw_format *bold, *time, *date;
};

static void
make_formats(lxw_workbook *wb, struct formats *f)
{
	f->bold = XL(workbook_add_format)(wb);
	XL(format_set_bold)(f->bold);
	f->time = XL(workbook_add_format)(wb);
	XL(format_set_num_format)(f->time, "yyyy-mm-dd hh:mm:ss");
	f->date = XL(workbook_add_format)(wb);
	XL(format_set_num_format)(f->date, "yyyy-mm-dd");
}

/* The sheet of a table: its name is the file's without ".csv". */
static lxw_error
table_sheet(const struct export_ctx *x, lxw_workbook *wb,
    const struct formats *fm, enum export_file f)
{
	struct export_sheet sh;
	struct export_csv w;
	char name[32];
	size_t c;

	snprintf(name, sizeof name, "%.*s",
	    (int)(strlen(export_file_name(f)) - 4), export_file_name(f));
	memset(&sh, 0, sizeof sh);
	sh.ws = XL(workbook_add_worksheet)(wb, name);
	if (sh.ws == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	sh.bold = fm->bold;
	sh.time = fm->time;
	sh.date = fm->date;
	export_csv_init(&w, NULL, 1);
	w.sheet = &sh;
	export_table(f)(x, &w);
	export_csv_free(&w);
	XL(worksheet_freeze_panes)(sh.ws, 1, 0);
	for (c = 0; c < sh.cap; c++)
		XL(worksheet_set_column)(sh.ws, (lxw_col_t)c, (lxw_col_t)c,
		    (sh.width[c] < MAX_WIDTH ? sh.width[c] : MAX_WIDTH) + 2,
		    NULL);
	if (sh.row > 1 && sh.cap > 0)
		XL(worksheet_autofilter)(sh.ws, 0, 0, sh.row - 1,
		    (lxw_col_t)(sh.cap - 1));
	free(sh.width);
	return sh.error;
}

/* The workbook at path; 0 or an lxw_error. */
static lxw_error
build(const struct export_ctx *x, const char *path, char *tmpdir)
{
	lxw_workbook_options opt = { .constant_memory = 1, .tmpdir = tmpdir };
	lxw_doc_properties props;
	lxw_workbook *wb = XL(workbook_new_opt)(path, &opt);
	struct formats fm;
	lxw_error e = LXW_NO_ERROR;
	int f;

	if (wb == NULL)
		return LXW_ERROR_CREATING_XLSX_FILE;
	memset(&props, 0, sizeof props);
	props.title = (char *)(uintptr_t)x->title;	/* only read */
	/* The last record's time, not the clock's: one journal, one
	 * workbook, byte for byte (tests/e2e/journal_compat.sh). */
	props.created = (time_t)((x->st->last_time > 0 ? x->st->last_time :
	    x->now) / 1000);
	XL(workbook_set_properties)(wb, &props);
	make_formats(wb, &fm);
	for (f = 0; f < EXPORT_NFILES && e == LXW_NO_ERROR; f++)
		if (export_table((enum export_file)f) != NULL)
			e = table_sheet(x, wb, &fm, (enum export_file)f);
	if (e == LXW_NO_ERROR)
		e = export_charts(x, wb, fm.bold);
	if (e != LXW_NO_ERROR) {
		XL(lxw_workbook_free)(wb);
		return e;
	}
	return XL(workbook_close)(wb);
}

static int
copy_file(const char *path, FILE *out)
{
	char buf[65536];
	FILE *in = fopen(path, "rb");
	size_t n;
	int failed;

	if (in == NULL)
		return -1;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			break;
	failed = ferror(in) || ferror(out);
	fclose(in);
	return failed ? -1 : 0;
}

static char *
private_dir(void)
{
	const char *t = getenv("TMPDIR");
	char *dir;

	if (t == NULL || t[0] != '/')
		t = "/tmp";
	dir = xasprintf("%s/convene-xlsx.XXXXXX", t);
	if (mkdtemp(dir) == NULL) {
		free(dir);
		return NULL;
	}
	return dir;
}

int
export_xlsx(const struct export_ctx *x, FILE *out, char **err)
{
	char *dir, *path;
	lxw_error e;
	int ret = 0;

	if (xlsx_lib_load(err) != 0)
		return -1;
	if ((dir = private_dir()) == NULL)
		return set_error(err, -1, _("cannot write %s: %s"),
		    "outcomes.xlsx", strerror(errno));
	path = path_join(dir, "outcomes.xlsx");
	e = build(x, path, dir);
	if (e != LXW_NO_ERROR)
		ret = set_error(err, -1, _("cannot write %s: %s"),
		    "outcomes.xlsx", XL(lxw_strerror)(e));
	else if (copy_file(path, out) != 0)
		ret = set_error(err, -1, _("cannot write %s: %s"),
		    "outcomes.xlsx", strerror(errno != 0 ? errno : EIO));
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
	return ret;
}
