/* content.c -- what a module is made of: the names of kinds and stages,
 * the syntax of ids, numbers and times, the path rule, pages, and freeing a
 * loaded module.  Loading is in content_load.c, checking in check*.c. */
#include "content.h"
#include "privilege.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "state.h"
#include "util.h"

static const char *const kind_names[KIND_COUNT] = {
	"lecture", "case-study", "group-work", "discussion", "break"
};
static const char *const stage_names[STAGE_COUNT] = {
	"empathise", "ideate", "prototype", "share", "launch"
};
static const char *const poll_kind_names[] = { "single", "multi", "scale" };

const char *
session_kind_name(enum session_kind k)
{
	return k >= 0 && k < KIND_COUNT ? kind_names[k] : "";
}

const char *
design_stage_name(enum design_stage s)
{
	return s >= 0 && s < STAGE_COUNT ? stage_names[s] : "";
}

/* The stages as a reader reads them; the names above stay the journal's
 * and module.ini's identifiers. */
static const char *const stage_labels[STAGE_COUNT] = {
	/* Translators: the five stages of design thinking, as a board
	 * shows an idea's stage (at most 10 columns). */
	N_("Empathise"), N_("Ideate"), N_("Prototype"), N_("Share"),
	N_("Launch")
};

const char *
design_stage_label(const char *name)
{
	enum design_stage s;

	if (name == NULL || design_stage_parse(name, &s) != 0 || s < 0 ||
	    s >= STAGE_COUNT)
		return name != NULL ? name : "";
	return _(stage_labels[s]);
}

static int
name_index(const char *const *names, size_t n, const char *s)
{
	size_t i;

	for (i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

int
session_kind_parse(const char *s, enum session_kind *out)
{
	int i = name_index(kind_names, KIND_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum session_kind)i;
	return 0;
}

int
design_stage_parse(const char *s, enum design_stage *out)
{
	int i = name_index(stage_names, STAGE_COUNT, s);

	if (i < 0)
		return -1;
	*out = (enum design_stage)i;
	return 0;
}

int
content_poll_kind_parse(const char *s, int *out)
{
	int i = name_index(poll_kind_names, NELEM(poll_kind_names), s);

	if (i < 0)
		return -1;
	*out = i == 0 ? POLL_SINGLE : i == 1 ? POLL_MULTI : POLL_SCALE;
	return 0;
}

int
content_valid_id(const char *s)
{
	size_t n;

	if (s == NULL)
		return 0;
	for (n = 0; s[n] != '\0'; n++)
		if (!((s[n] >= 'a' && s[n] <= 'z') ||
		    (s[n] >= 'A' && s[n] <= 'Z') ||
		    (s[n] >= '0' && s[n] <= '9') || s[n] == '-' ||
		    s[n] == '_'))
			return 0;
	return n >= 1 && n <= CONTENT_MAX_ID;
}

int
content_parse_number(const char *s, int lo, int hi, int *out)
{
	long v = 0;
	size_t i;

	if (s == NULL || s[0] == '\0')
		return -1;
	/* Decimal only: iniparser's getint reads "017" as 15 and "12abc"
	 * as 12. */
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 9)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

int
content_parse_time(const char *s)
{
	int h, m;

	if (s == NULL || strlen(s) != 5 || s[2] != ':')
		return -1;
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' ||
	    s[3] < '0' || s[3] > '9' || s[4] < '0' || s[4] > '9')
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

/* True when rel has a ".." component. */
static int
goes_up(const char *rel)
{
	const char *p = rel;

	while (*p != '\0') {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

char *
content_resolve(const char *dir, const char *rel, char **err)
{
	char *joined, *real, *top;
	size_t n;
	struct stat st;

	if (rel == NULL || rel[0] == '\0')
		return set_error(err, 0, "%s", _("an empty path")), NULL;
	if (rel[0] == '/')
		return set_error(err, 0, _("'%s' is an absolute path: paths are "
		    "relative to the module directory"), rel), NULL;
	if (goes_up(rel))
		return set_error(err, 0, _("'%s' goes up with '..': paths must "
		    "stay inside the module"), rel), NULL;
	top = realpath(dir, NULL);
	if (top == NULL)
		return set_error(err, 0, _("%s: %s"), dir, strerror(errno)),
		    NULL;
	joined = path_join(dir, rel);
	real = realpath(joined, NULL);
	free(joined);
	if (real == NULL) {
		free(top);
		return set_error(err, 0, _("'%s' does not exist"), rel), NULL;
	}
	/* A symbolic link may still lead out: compare the real paths. */
	n = strlen(top);
	if (strncmp(real, top, n) != 0 || (real[n] != '/' &&
	    !(n == 1 && top[0] == '/'))) {
		free(top);
		free(real);
		return set_error(err, 0, _("'%s' leads outside the module "
		    "(through a symbolic link)"), rel), NULL;
	}
	free(top);
	if (stat(real, &st) != 0 || !S_ISREG(st.st_mode)) {
		free(real);
		set_error(err, 0, _("'%s' is not a regular file"), rel);
		errno = ENOTREGULAR;
		return NULL;
	}
	return real;
}

char *
content_read_page(const struct module *m, const char *page)
{
	char *path, *text;

	if (m == NULL)
		return NULL;
	privilege_raise();	/* a page of the session's module copy */
	path = content_resolve(m->dir, page, NULL);
	text = path != NULL ? file_read_all(path, CONTENT_MAX_PAGE_BYTES,
	    NULL) : NULL;
	privilege_drop();
	free(path);
	return text;
}

static void
free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static void
free_item(struct agenda_item *it)
{
	free(it->id);
	free(it->title);
	free(it->speaker);
	free(it->page);
	free(it->case_id);
	free(it->activity);
	free(it->objectives);
	free(it->poll_id);
	free(it->thread);
}

void
module_free(struct module *m)
{
	size_t i;

	if (m == NULL)
		return;
	if (m->frozen != NULL) {
		/* items is the changed plan: copies of these, and added
		 * items whose strings the state owns */
		for (i = 0; i < m->nfrozen; i++)
			free_item(&m->frozen[i]);
		free(m->frozen);
	} else
		for (i = 0; i < m->nitems; i++)
			free_item(&m->items[i]);
	free(m->items);
	for (i = 0; i < m->ncases; i++) {
		free(m->cases[i].id);
		free(m->cases[i].country);
		free(m->cases[i].title);
		free(m->cases[i].summary_page);
		free_strings(m->cases[i].questions, m->cases[i].nquestions);
	}
	free(m->cases);
	for (i = 0; i < m->npolls; i++) {
		free(m->polls[i].id);
		free(m->polls[i].session_id);
		free(m->polls[i].question);
		free_strings(m->polls[i].options, m->polls[i].noptions);
	}
	free(m->polls);
	for (i = 0; i < m->nevals; i++) {
		free(m->evals[i].id);
		free(m->evals[i].question);
	}
	free(m->evals);
	free(m->dir);
	free(m->title);
	free(m->provider);
	free(m->timezone);
	free(m->description);
	free(m->privacy);
	free(m);
}

int
module_item_index(const struct module *m, const char *id)
{
	size_t i;

	for (i = 0; m != NULL && id != NULL && i < m->nitems; i++)
		if (strcmp(m->items[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct agenda_item *
module_item(const struct module *m, const char *id)
{
	int i = module_item_index(m, id);

	return i >= 0 ? &m->items[i] : NULL;
}

const struct case_study *
module_case(const struct module *m, const char *id)
{
	size_t i;

	for (i = 0; m != NULL && id != NULL && i < m->ncases; i++)
		if (strcmp(m->cases[i].id, id) == 0)
			return &m->cases[i];
	return NULL;
}
