/* check.c -- `convene check`: the report and the walk over a module.
 * module.ini's rules are in check_module.c, INI files in general in
 * check_ini.c, pages and cases in check_files.c. */
#include "check.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "check_int.h"
#include "util.h"

/*
 * The report.
 */

void
check_odd_file(struct checker *c, int e)
{
	if (e == ENOTREGULAR)
		c->r->odd_files++;
}

void
check_fault(struct checker *c, const char *file, unsigned line,
    const char *fmt, ...)
{
	struct check_report *r = c->r;
	struct check_fault *f;
	va_list ap;

	if (r->nfaults >= CHECK_MAX_FAULTS) {
		r->unlisted++;
		return;
	}
	r->faults = xgrow(r->faults, &r->capfaults, r->nfaults + 1,
	    sizeof *r->faults);
	f = &r->faults[r->nfaults++];
	f->file = xstrdup(file);
	f->line = line;
	va_start(ap, fmt);
	f->message = xvasprintf(fmt, ap);
	va_end(ap);
}

/* Copies value into the next ring buffer, replacing what must not reach
 * a terminal, and cutting after `max` characters (0: never). */
static const char *
sanitize(struct checker *c, const char *value, int32_t max)
{
	char *out = c->show[c->nshow++ % 4];
	size_t size = sizeof c->show[0], o = 0;
	int32_t i = 0, at, n, chars = 0;
	UChar32 ch;

	if (value == NULL)
		value = "";
	n = (int32_t)strnlen(value, size / 3 - 4);
	while (i < n && o + 8 < size) {
		at = i;
		U8_NEXT(value, i, n, ch);
		if (max > 0 && ++chars > max) {
			memcpy(out + o, "\xe2\x80\xa6", 3);	/* … */
			o += 3;
			break;
		}
		if (ch < 0x20 || (ch >= 0x7f && ch <= 0x9f)) {
			memcpy(out + o, "\xef\xbf\xbd", 3);	/* U+FFFD */
			o += 3;
		} else {
			memcpy(out + o, value + at, (size_t)(i - at));
			o += (size_t)(i - at);
		}
	}
	out[o] = '\0';
	return out;
}

const char *
check_show(struct checker *c, const char *value)
{
	return sanitize(c, value, 40);
}

const char *
check_path(struct checker *c, const char *path)
{
	return sanitize(c, path, 0);
}

static int
file_rank(const char *file)
{
	return strcmp(file, "module.ini") == 0 ? 0 : 1;
}

struct ranked {
	struct check_fault f;
	size_t pos;
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	int c = file_rank(x->f.file) - file_rank(y->f.file);

	if (c == 0)
		c = strcmp(x->f.file, y->f.file);
	if (c == 0)
		c = (x->f.line > y->f.line) - (x->f.line < y->f.line);
	if (c == 0)
		c = (x->pos > y->pos) - (x->pos < y->pos);
	return c;
}

static void
sort_report(struct check_report *r)
{
	struct ranked *v;
	size_t i;

	if (r->nfaults < 2)
		return;
	v = xcalloc(r->nfaults, sizeof *v);
	for (i = 0; i < r->nfaults; i++) {
		v[i].f = r->faults[i];
		v[i].pos = i;
	}
	qsort(v, r->nfaults, sizeof *v, cmp_ranked);
	for (i = 0; i < r->nfaults; i++)
		r->faults[i] = v[i].f;
	free(v);
}

void
check_report_free(struct check_report *r)
{
	size_t i;

	for (i = 0; i < r->nfaults; i++) {
		free(r->faults[i].file);
		free(r->faults[i].message);
	}
	free(r->faults);
	memset(r, 0, sizeof *r);
}

char *
check_fault_format(const struct check_fault *f)
{
	if (f->line == 0)
		return xasprintf("%s: %s", f->file, f->message);
	return xasprintf("%s:%u: %s", f->file, f->line, f->message);
}

int
content_check(const char *dir, struct check_report *out)
{
	struct checker c;
	size_t i;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	c.dir = dir;
	c.r = out;
	check_module_ini(&c);
	check_cases(&c);
	out->npages = c.npages;
	for (i = 0; i < c.npages; i++)
		free(c.pages[i]);
	free(c.pages);
	sort_report(out);
	return (int)(out->nfaults + out->unlisted);
}
