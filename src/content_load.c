/* content_load.c -- loading a training module: module.ini and cases/.
 *
 * Loading is lenient: whatever can be used is used, the rest is skipped
 * (content_check in check.c is the strict judge).  A session that cannot be
 * placed on the agenda (bad day, start or minutes) is left out; an unknown
 * kind reads as a lecture, an unknown stage as none, an evaluation question
 * of unknown kind as free text; a poll of unknown kind and an evaluation
 * question without text are left out. */
#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ini_scan.h"
#include "state.h"
#include "tz.h"
#include "util.h"

/*
 * Loading one INI file.
 */

/* A copy of the value of "section:key", or NULL when absent or empty. */
static char *
get_dup(dictionary *d, const char *section, const char *key)
{
	char *full = xasprintf("%s:%s", section, key);
	const char *v = iniparser_getstring(d, full, NULL);

	free(full);
	return v != NULL && v[0] != '\0' ? xstrdup(v) : NULL;
}

static int
get_number(dictionary *d, const char *section, const char *key, int lo,
    int hi, int *out)
{
	char *v = get_dup(d, section, key);
	int rc = content_parse_number(v, lo, hi, out);

	free(v);
	return rc;
}

/* Reads and scans an INI file and hands it to iniparser.  *scan is filled
 * (the caller frees it).  NULL with *err when it cannot be read. */
static dictionary *
load_ini(const char *path, const char *name, struct ini_scan *scan,
    char **err)
{
	size_t len;
	char *buf = file_read_all(path, CONTENT_MAX_INI_BYTES, &len);
	dictionary *d;

	memset(scan, 0, sizeof *scan);
	if (buf == NULL) {
		if (errno == EFBIG)
			return set_error(err, 0, _("%s is larger than %d bytes"),
			    name, CONTENT_MAX_INI_BYTES), NULL;
		return set_error(err, 0, "%s: %s", name,
		    file_strerror(errno)), NULL;
	}
	ini_scan_buffer(buf, len, scan);
	free(buf);
	d = ini_scan_load(path, scan);
	if (d == NULL)
		set_error(err, 0, _("%s cannot be read: run convene check"),
		    name);
	return d;
}

/* Up to max values of key1, key2... in order, skipping gaps. */
static char **
get_numbered(dictionary *d, const char *section, const char *key, int max,
    size_t *n)
{
	char **v = xcalloc((size_t)max, sizeof *v), name[32];
	int i;

	*n = 0;
	for (i = 1; i <= max; i++) {
		snprintf(name, sizeof name, "%s%d", key, i);
		v[*n] = get_dup(d, section, name);
		if (v[*n] != NULL)
			(*n)++;
	}
	if (*n == 0) {
		free(v);
		return NULL;
	}
	return v;
}

/*
 * module.ini
 */

static void
load_header(struct module *m, dictionary *d)
{
	const char *base = strrchr(m->dir, '/');
	const char *v;
	int days;

	m->title = get_dup(d, "module", "title");
	if (m->title == NULL)
		m->title = xstrdup(base != NULL && base[1] != '\0' ? base + 1 :
		    m->dir);
	m->provider = get_dup(d, "module", "provider");
	m->description = get_dup(d, "module", "description");
	m->privacy = get_dup(d, "module", "privacy");
	m->timezone = get_dup(d, "module", "timezone");
	if (m->timezone == NULL || !tz_valid(m->timezone)) {
		free(m->timezone);
		m->timezone = xstrdup("UTC");
	}
	if (get_number(d, "module", "days", 1, CONTENT_MAX_DAYS, &days) != 0)
		days = 0;	/* from the sessions, below */
	m->days = days;
	/* Left to the export's default rule when absent or not valid (the
	 * checker reports the latter). */
	if (get_number(d, "module", "certificate_days", 1, CONTENT_MAX_DAYS,
	    &m->certificate_days) != 0)
		m->certificate_days = 0;
	v = iniparser_getstring(d, "module:timer", "auto");
	m->timer_manual = strcmp(v, "manual") == 0;
}

static void
load_session(struct module *m, dictionary *d, const char *sec,
    const char *id, size_t *cap)
{
	struct agenda_item it;
	char *v;
	int maxday = m->days > 0 ? m->days : CONTENT_MAX_DAYS;

	memset(&it, 0, sizeof it);
	if (m->nitems >= CONTENT_MAX_SESSIONS ||
	    get_number(d, sec, "day", 1, maxday, &it.day) != 0 ||
	    get_number(d, sec, "minutes", 1, CONTENT_MAX_MINUTES,
	    &it.minutes) != 0)
		return;
	v = get_dup(d, sec, "start");
	it.start_min = content_parse_time(v);
	free(v);
	if (it.start_min < 0)
		return;
	v = get_dup(d, sec, "kind");
	if (session_kind_parse(v, &it.kind) != 0)
		it.kind = KIND_LECTURE;
	free(v);
	v = get_dup(d, sec, "stage");
	if (design_stage_parse(v, &it.stage) != 0)
		it.stage = STAGE_NONE;
	free(v);
	it.id = xstrdup(id);
	it.title = get_dup(d, sec, "title");
	if (it.title == NULL)
		it.title = xstrdup(id);
	it.speaker = get_dup(d, sec, "speaker");
	it.page = get_dup(d, sec, "page");
	it.case_id = get_dup(d, sec, "case");
	it.activity = get_dup(d, sec, "activity");
	it.thread = get_dup(d, sec, "thread");
	it.objectives = get_dup(d, sec, "objectives");
	m->items = xgrow(m->items, cap, m->nitems + 1, sizeof *m->items);
	m->items[m->nitems++] = it;
}

static void
lower_ascii(char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

static void
load_poll(struct module *m, dictionary *d, const char *sec, const char *id,
    size_t *cap)
{
	struct module_poll p;
	char *v = get_dup(d, sec, "kind");
	int kind;

	if (m->npolls >= CONTENT_MAX_POLLS ||
	    content_poll_kind_parse(v, &kind) != 0) {
		free(v);
		return;
	}
	free(v);
	memset(&p, 0, sizeof p);
	p.id = xstrdup(id);
	p.kind = kind;
	/* Section names, and so session ids, are lowercase (iniparser). */
	p.session_id = get_dup(d, sec, "session");
	lower_ascii(p.session_id);
	p.question = get_dup(d, sec, "question");
	if (p.question == NULL)
		p.question = xstrdup(id);
	if (kind != POLL_SCALE)
		p.options = get_numbered(d, sec, "option", CONTENT_MAX_OPTIONS,
		    &p.noptions);
	m->polls = xgrow(m->polls, cap, m->npolls + 1, sizeof *m->polls);
	m->polls[m->npolls++] = p;
}

static void
load_eval(struct module *m, dictionary *d, const char *sec, const char *id,
    size_t *cap)
{
	struct eval_question q;
	char *kind;

	memset(&q, 0, sizeof q);
	q.question = get_dup(d, sec, "question");
	if (q.question == NULL || m->nevals >= CONTENT_MAX_EVALS) {
		free(q.question);
		return;
	}
	q.id = xstrdup(id);
	kind = get_dup(d, sec, "kind");
	/* Anything but "scale" asks for text, which takes any answer. */
	q.scale = kind != NULL && strcmp(kind, "scale") == 0;
	free(kind);
	m->evals = xgrow(m->evals, cap, m->nevals + 1, sizeof *m->evals);
	m->evals[m->nevals++] = q;
}

/* Walks the sections in file order (the scan's order: iniparser's own
 * getsecname() is quadratic). */
static void
load_sections(struct module *m, dictionary *d, const struct ini_scan *scan)
{
	size_t i, capi = 0, capp = 0, cape = 0;

	for (i = 0; i < scan->nsecs; i++) {
		const char *name = scan->secs[i].name, *id;
		size_t tlen;

		if (!scan->secs[i].usable)
			continue;
		tlen = strcspn(name, " \t");
		id = name + tlen;
		id += strspn(id, " \t");
		if (!content_valid_id(id))
			continue;
		if (tlen == 7 && strncmp(name, "session", 7) == 0)
			load_session(m, d, name, id, &capi);
		else if (tlen == 4 && strncmp(name, "poll", 4) == 0)
			load_poll(m, d, name, id, &capp);
		else if (tlen == 10 && strncmp(name, "evaluation", 10) == 0)
			load_eval(m, d, name, id, &cape);
	}
}

static int
cmp_item(const void *a, const void *b)
{
	const struct agenda_item *x = a, *y = b;

	if (x->day != y->day)
		return x->day - y->day;
	if (x->start_min != y->start_min)
		return x->start_min - y->start_min;
	return strcmp(x->id, y->id);
}

/* Each session gets the first poll that names it. */
static void
link_polls(struct module *m)
{
	size_t i;

	size_t k;

	for (i = 0; i < m->npolls; i++)
		for (k = 0; k < m->nitems; k++)
			if (m->polls[i].session_id != NULL &&
			    strcmp(m->items[k].id, m->polls[i].session_id) == 0 &&
			    m->items[k].poll_id == NULL)
				m->items[k].poll_id = xstrdup(m->polls[i].id);
}

/*
 * cases/ID.ini
 */

static int
load_case(struct module *m, const char *id, struct case_study *c)
{
	char *rel = xasprintf("cases/%s.ini", id), *path;
	struct ini_scan scan;
	dictionary *d;

	path = content_resolve(m->dir, rel, NULL);
	free(rel);
	if (path == NULL)
		return -1;
	d = load_ini(path, id, &scan, NULL);
	free(path);
	ini_scan_free(&scan);
	if (d == NULL)
		return -1;
	memset(c, 0, sizeof *c);
	c->id = xstrdup(id);
	c->country = get_dup(d, "case", "country");
	c->title = get_dup(d, "case", "title");
	if (c->title == NULL)
		c->title = xstrdup(id);
	c->summary_page = get_dup(d, "case", "summary");
	c->questions = get_numbered(d, "case", "question",
	    CONTENT_MAX_QUESTIONS, &c->nquestions);
	iniparser_freedict(d);
	return 0;
}

static int
cmp_case(const void *a, const void *b)
{
	return strcmp(((const struct case_study *)a)->id,
	    ((const struct case_study *)b)->id);
}

static void
load_cases(struct module *m)
{
	char *dirpath = path_join(m->dir, "cases"), id[CONTENT_MAX_ID + 1];
	DIR *dp = opendir(dirpath);
	struct dirent *e;
	size_t cap = 0, n;

	free(dirpath);
	if (dp == NULL)
		return;
	while ((e = readdir(dp)) != NULL && m->ncases < CONTENT_MAX_CASES) {
		n = strlen(e->d_name);
		if (n <= 4 || n - 4 > CONTENT_MAX_ID ||
		    strcmp(e->d_name + n - 4, ".ini") != 0)
			continue;
		memcpy(id, e->d_name, n - 4);
		id[n - 4] = '\0';
		if (!content_valid_id(id))
			continue;
		m->cases = xgrow(m->cases, &cap, m->ncases + 1,
		    sizeof *m->cases);
		if (load_case(m, id, &m->cases[m->ncases]) == 0)
			m->ncases++;
	}
	closedir(dp);
	if (m->ncases > 1)
		qsort(m->cases, m->ncases, sizeof *m->cases, cmp_case);
}

struct module *
content_load(const char *dir, char **err)
{
	char *path = path_join(dir, "module.ini");
	struct ini_scan scan;
	dictionary *d = load_ini(path, "module.ini", &scan, err);
	struct module *m;
	size_t i;

	free(path);
	if (d == NULL) {
		ini_scan_free(&scan);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->dir = xstrdup(dir);
	load_header(m, d);
	load_sections(m, d, &scan);
	iniparser_freedict(d);
	ini_scan_free(&scan);
	if (m->days == 0) {
		m->days = 1;
		for (i = 0; i < m->nitems; i++)
			if (m->items[i].day > m->days)
				m->days = m->items[i].day;
	}
	if (m->nitems > 1)
		qsort(m->items, m->nitems, sizeof *m->items, cmp_item);
	link_polls(m);
	load_cases(m);
	return m;
}

