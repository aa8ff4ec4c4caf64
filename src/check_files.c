/* check_files.c -- `convene check` for the files module.ini points at:
 * pages (Markdown) and case studies (cases/ID.ini). */
#include "check_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "countries.h"
#include "i18n.h"

/*
 * Pages.
 */

static int
page_seen(struct checker *c, const char *real)
{
	size_t i;

	for (i = 0; i < c->npages; i++)
		if (strcmp(c->pages[i], real) == 0)
			return 1;
	return 0;
}

/* The text of a page, line by line: UTF-8, no control characters, lines
 * of sane length. */
static void
check_page_lines(struct checker *c, const char *rel, const char *buf,
    size_t len)
{
	size_t pos = 0, n;
	const char *nl;
	unsigned line = 0;
	char *msg;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		check_fault(c, rel, 1, "%s", _("the file starts with a byte "
		    "order mark (BOM): save it as UTF-8 without one"));
	while (pos < len) {
		nl = memchr(buf + pos, '\n', len - pos);
		n = (nl != NULL ? (size_t)(nl - buf) : len) - pos;
		line++;
		if (n > CONTENT_MAX_PAGE_LINE)
			check_fault(c, rel, line, _("the line is %zu bytes long; "
			    "the limit is %d"), n, CONTENT_MAX_PAGE_LINE);
		else if (ini_scan_text_fault(buf + pos, n, &msg)) {
			check_fault(c, rel, line, "%s", msg);
			free(msg);
		}
		pos += n + 1;
	}
}

char *
check_read(struct checker *c, const char *rel, const char *path, int max,
    int page, size_t *len)
{
	char *buf = file_read_all(path, (size_t)max, len);

	if (buf != NULL)
		return buf;
	if (errno == EFBIG)
		check_fault(c, rel, 0, page ? _("the page is larger than %d "
		    "bytes") : _("the file is larger than %d bytes"), max);
	else {
		check_odd_file(c, errno);
		check_fault(c, rel, 0, "%s", file_strerror(errno));
	}
	return NULL;
}

static void
check_page_text(struct checker *c, const char *rel, const char *real)
{
	size_t len;
	char *buf = check_read(c, rel, real, CONTENT_MAX_PAGE_BYTES, 1, &len);

	if (buf == NULL)
		return;
	if (len == 0)
		check_fault(c, rel, 0, "%s", _("the page is empty"));
	check_page_lines(c, rel, buf, len);
	free(buf);
}

void
check_page(struct checker *c, const char *file, unsigned line,
    const char *key, const char *rel)
{
	char *err = NULL, *real = content_resolve(c->dir, rel, &err);

	if (real == NULL) {
		check_odd_file(c, errno);
		check_fault(c, file, line, "%s: %s", key, check_path(c, err));
		free(err);
		return;
	}
	if (page_seen(c, real)) {
		free(real);
		return;
	}
	c->pages = xgrow(c->pages, &c->cappages, c->npages + 1,
	    sizeof *c->pages);
	c->pages[c->npages++] = real;
	check_page_text(c, check_path(c, rel), real);
}

/*
 * Cases.
 */

void
check_case_ref(struct checker *c, unsigned line, const char *id)
{
	char *rel, *real, *err = NULL;

	if (!content_valid_id(id)) {
		check_fault(c, "module.ini", line, _("case '%s' is not a valid "
		    "case id: use 1 to %d letters, digits, '-' or '_'"),
		    check_show(c, id), CONTENT_MAX_ID);
		return;
	}
	rel = xasprintf("cases/%s.ini", id);
	real = content_resolve(c->dir, rel, &err);
	if (real == NULL) {
		check_odd_file(c, errno);
		check_fault(c, "module.ini", line, _("case '%s': %s"), id, err);
	}
	free(real);
	free(err);
	free(rel);
}

static void
check_country(struct checker *c, const char *rel,
    const struct ini_scan_section *sec, const char *v)
{
	unsigned line = check_key_line(sec, "country");

	if (strlen(v) != 2 || v[0] < 'A' || v[0] > 'Z' || v[1] < 'A' ||
	    v[1] > 'Z')
		check_fault(c, rel, line, _("country must be a two-letter ISO "
		    "3166-1 code in capitals, such as PK, not '%s'"),
		    check_show(c, v));
	else if (country_by_code(v) == NULL)
		check_fault(c, rel, line, _("unknown country code '%s'"), v);
}

static const char *const case_keys[] = {
	"country", "title", "summary", "question1", "question2", "question3",
	"question4", "question5", "question6", "question7", "question8",
	"question9", NULL
};

static void
check_case_section(struct checker *c, const char *rel, dictionary *d,
    const struct ini_scan_section *sec)
{
	static const char *const required[] = { "country", "title", "summary" };
	const char *v;
	size_t i;

	check_unknown_keys(c, rel, sec, case_keys);
	for (i = 0; i < NELEM(required); i++) {
		if (check_get(d, "case", required[i]) != NULL)
			continue;
		check_fault(c, rel, check_key_line(sec, required[i]),
		    _("[case] has no %s"), required[i]);
	}
	v = check_get(d, "case", "country");
	if (v != NULL)
		check_country(c, rel, sec, v);
	v = check_get(d, "case", "summary");
	if (v != NULL)
		check_page(c, rel, check_key_line(sec, "summary"), "summary", v);
	check_numbered(c, rel, sec, d, "question", CONTENT_MAX_QUESTIONS);
}

static void
check_case_file(struct checker *c, const char *rel)
{
	struct ini_scan scan;
	dictionary *d;
	const struct ini_scan_section *sec;
	char *err = NULL, *real = content_resolve(c->dir, rel, &err);
	size_t i;

	if (real == NULL) {
		check_odd_file(c, errno);
		check_fault(c, rel, 0, "%s", err);
		free(err);
		return;
	}
	free(real);
	d = check_ini_file(c, rel, &scan);
	if (d != NULL) {
		sec = ini_scan_find(&scan, "case");
		if (sec == NULL)
			check_fault(c, rel, 0, "%s", _("there is no [case] "
			    "section"));
		else
			check_case_section(c, rel, d, sec);
		for (i = 0; i < scan.nsecs; i++)
			if (scan.secs[i].usable &&
			    strcmp(scan.secs[i].name, "case") != 0)
				check_fault(c, rel, scan.secs[i].line,
				    _("unknown section [%s]: a case file has "
				    "one [case] section"),
				    check_show(c, scan.secs[i].name));
		iniparser_freedict(d);
	}
	ini_scan_free(&scan);
}

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of cases/ *.ini, sorted; NULL when there is no cases/. */
static char **
list_case_files(struct checker *c, size_t *n)
{
	char *dirpath = path_join(c->dir, "cases"), **v = NULL;
	DIR *dp = opendir(dirpath);
	struct dirent *e;
	size_t cap = 0, len;

	free(dirpath);
	*n = 0;
	if (dp == NULL)
		return NULL;
	while ((e = readdir(dp)) != NULL) {
		len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 4, ".ini") != 0)
			continue;
		v = xgrow(v, &cap, *n + 1, sizeof *v);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_name);
	return v;
}

void
check_cases(struct checker *c)
{
	size_t n, i, len;
	char **names = list_case_files(c, &n), *rel, *id;

	for (i = 0; i < n; i++) {
		rel = xasprintf("cases/%s", names[i]);
		len = strlen(names[i]);
		id = xstrndup(names[i], len - 4);
		if (i == CONTENT_MAX_CASES)
			check_fault(c, check_path(c, rel), 0, _("more than %d "
			    "case files"), CONTENT_MAX_CASES);
		if (!content_valid_id(id))
			check_fault(c, check_path(c, rel), 0, _("the file name "
			    "is not ID.ini with an id of 1 to %d letters, "
			    "digits, '-' or '_'"), CONTENT_MAX_ID);
		else if (i < CONTENT_MAX_CASES)
			check_case_file(c, rel);
		free(id);
		free(rel);
		free(names[i]);
	}
	free(names);
	c->r->ncases = n;
}
