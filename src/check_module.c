/* check_module.c -- `convene check` for module.ini: the module, its
 * sessions, polls and evaluation, overlaps and empty days. */
#include "check_int.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "content.h"
#include "i18n.h"
#include "state.h"
#include "tz.h"

static const char *const module_keys[] = {
	"title", "provider", "days", "timezone", "description", "timer",
	"certificate_days", "privacy", NULL
};
static const char *const session_keys[] = {
	"day", "start", "minutes", "kind", "title", "speaker", "page", "case",
	"activity", "stage", "objectives", "thread", NULL
};
static const char *const poll_keys[] = {
	"session", "question", "kind", "option1", "option2", "option3",
	"option4", "option5", "option6", "option7", "option8", "option9", NULL
};
static const char *const eval_keys[] = { "question", "kind", NULL };

/* A session as far as it is valid, for overlaps and empty days. */
struct slot {
	const char *id;
	unsigned line;
	int day, start, minutes;	/* -1 when not valid */
	unsigned poll_line;		/* the first poll naming it, or 0 */
};

struct module_check {
	struct checker *c;
	dictionary *d;
	struct ini_scan scan;
	int days;		/* 0 when not valid */
	unsigned days_line;
	struct slot *slots;	/* sessions in file order */
	size_t nslots, capslots;
	size_t npolls, nevals;
};

static const char *
section_id(const char *name, size_t *typelen)
{
	const char *id;

	*typelen = strcspn(name, " \t");
	id = name + *typelen;
	return id + strspn(id, " \t");
}

static int
section_is(const char *name, size_t typelen, const char *type)
{
	return typelen == strlen(type) && strncmp(name, type, typelen) == 0;
}

/* Reports a required key that is absent or empty; 1 when present. */
static int
require(struct module_check *mc, const struct ini_scan_section *sec,
    const char *key)
{
	if (check_get(mc->d, sec->name, key) != NULL)
		return 1;
	if (ini_scan_key(sec, key) != NULL)
		check_fault(mc->c, "module.ini", check_key_line(sec, key),
		    _("%s is empty in [%s]"), key, sec->name);
	else
		check_fault(mc->c, "module.ini", sec->line, _("[%s] has no %s"),
		    sec->name, key);
	return 0;
}

/* Optional; 1 up to the workshop's days (when those are valid). */
static void
check_certificate_days(struct module_check *mc,
    const struct ini_scan_section *sec)
{
	const char *v = check_get(mc->d, "module", "certificate_days");
	int max = mc->days > 0 ? mc->days : CONTENT_MAX_DAYS, n;

	if (v == NULL || content_parse_number(v, 1, max, &n) == 0)
		return;
	check_fault(mc->c, "module.ini", check_key_line(sec,
	    "certificate_days"), _("certificate_days must be a number from 1 "
	    "to %d (the workshop's days), not '%s'"), max, check_show(mc->c, v));
}

static void
check_header(struct module_check *mc)
{
	const struct ini_scan_section *sec = ini_scan_find(&mc->scan,
	    "module");
	struct checker *c = mc->c;
	const char *v;

	if (sec == NULL) {
		check_fault(c, "module.ini", 0, "%s", _("there is no [module] "
		    "section"));
		return;
	}
	check_unknown_keys(c, "module.ini", sec, module_keys);
	require(mc, sec, "title");
	if (require(mc, sec, "days")) {
		v = check_get(mc->d, "module", "days");
		mc->days_line = check_key_line(sec, "days");
		if (content_parse_number(v, 1, CONTENT_MAX_DAYS,
		    &mc->days) != 0) {
			mc->days = 0;
			check_fault(c, "module.ini", mc->days_line, _("days "
			    "must be a number from 1 to %d, not '%s'"),
			    CONTENT_MAX_DAYS, check_show(c, v));
		}
	}
	check_certificate_days(mc, sec);
	v = check_get(mc->d, "module", "timer");
	if (v != NULL && strcmp(v, "auto") != 0 && strcmp(v, "manual") != 0)
		check_fault(c, "module.ini", check_key_line(sec, "timer"),
		    _("timer must be auto or manual, not '%s'"),
		    check_show(c, v));
	if (require(mc, sec, "timezone")) {
		v = check_get(mc->d, "module", "timezone");
		if (!tz_valid(v))
			check_fault(c, "module.ini", check_key_line(sec,
			    "timezone"), _("unknown time zone '%s': use an IANA "
			    "name such as Asia/Bangkok"), check_show(c, v));
	}
}

static int
check_day(struct module_check *mc, const struct ini_scan_section *sec)
{
	const char *v = check_get(mc->d, sec->name, "day");
	int max = mc->days > 0 ? mc->days : CONTENT_MAX_DAYS, day;

	if (content_parse_number(v, 1, max, &day) == 0)
		return day;
	if (mc->days > 0)
		check_fault(mc->c, "module.ini", check_key_line(sec, "day"),
		    _("day must be a number from 1 to %d (the module has %d "
		    "days), not '%s'"), max, mc->days, check_show(mc->c, v));
	else
		check_fault(mc->c, "module.ini", check_key_line(sec, "day"),
		    _("day must be a number from 1 to %d, not '%s'"), max,
		    check_show(mc->c, v));
	return -1;
}

static int
check_start(struct module_check *mc, const struct ini_scan_section *sec)
{
	const char *v = check_get(mc->d, sec->name, "start");
	int t = content_parse_time(v);

	if (t < 0)
		check_fault(mc->c, "module.ini", check_key_line(sec, "start"),
		    _("start must be a time HH:MM (24-hour, such as 09:30), "
		    "not '%s'"), check_show(mc->c, v));
	return t;
}

static int
check_minutes(struct module_check *mc, const struct ini_scan_section *sec)
{
	const char *v = check_get(mc->d, sec->name, "minutes");
	int n;

	if (content_parse_number(v, 1, CONTENT_MAX_MINUTES, &n) == 0)
		return n;
	check_fault(mc->c, "module.ini", check_key_line(sec, "minutes"),
	    _("minutes must be a number from 1 to %d, not '%s'"),
	    CONTENT_MAX_MINUTES, check_show(mc->c, v));
	return -1;
}

static void
check_session_names(struct module_check *mc,
    const struct ini_scan_section *sec)
{
	struct checker *c = mc->c;
	const char *v;
	enum session_kind kind;
	enum design_stage stage;

	v = check_get(mc->d, sec->name, "kind");
	if (v != NULL && session_kind_parse(v, &kind) != 0)
		check_fault(c, "module.ini", check_key_line(sec, "kind"),
		    _("unknown kind '%s': use lecture, case-study, group-work, "
		    "discussion or break"), check_show(c, v));
	v = check_get(mc->d, sec->name, "stage");
	if (v != NULL && design_stage_parse(v, &stage) != 0)
		check_fault(c, "module.ini", check_key_line(sec, "stage"),
		    _("unknown stage '%s': use empathise, ideate, prototype, "
		    "share or launch"), check_show(c, v));
	v = check_get(mc->d, sec->name, "page");
	if (v != NULL)
		check_page(c, "module.ini", check_key_line(sec, "page"), "page",
		    v);
	v = check_get(mc->d, sec->name, "case");
	if (v != NULL)
		check_case_ref(c, check_key_line(sec, "case"), v);
}

static void
check_session(struct module_check *mc, const struct ini_scan_section *sec,
    const char *id)
{
	struct slot s;
	static const char *const required[] = { "day", "start", "minutes",
	    "kind", "title" };
	size_t i;

	check_unknown_keys(mc->c, "module.ini", sec, session_keys);
	for (i = 0; i < NELEM(required); i++)
		require(mc, sec, required[i]);
	memset(&s, 0, sizeof s);
	s.id = id;
	s.line = sec->line;
	s.day = ini_scan_key(sec, "day") != NULL ? check_day(mc, sec) : -1;
	s.start = ini_scan_key(sec, "start") != NULL ? check_start(mc, sec) :
	    -1;
	s.minutes = ini_scan_key(sec, "minutes") != NULL ?
	    check_minutes(mc, sec) : -1;
	if (s.start >= 0 && s.minutes > 0 && s.start + s.minutes > 24 * 60)
		check_fault(mc->c, "module.ini", check_key_line(sec, "minutes"),
		    _("session '%s' ends after midnight"), id);
	check_session_names(mc, sec);
	mc->slots = xgrow(mc->slots, &mc->capslots, mc->nslots + 1,
	    sizeof *mc->slots);
	mc->slots[mc->nslots++] = s;
}

static struct slot *
find_slot(struct module_check *mc, const char *id)
{
	size_t i;

	for (i = 0; i < mc->nslots; i++)
		if (strcmp(mc->slots[i].id, id) == 0)
			return &mc->slots[i];
	return NULL;
}

static void
check_poll_session(struct module_check *mc,
    const struct ini_scan_section *sec, const char *id)
{
	struct checker *c = mc->c;
	const char *v = check_get(mc->d, sec->name, "session");
	unsigned line = check_key_line(sec, "session");
	char lower[CONTENT_MAX_ID + 1];
	struct slot *s;
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; v[i] != '\0' && i < CONTENT_MAX_ID; i++)
		lower[i] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] - 'A' + 'a' :
		    v[i]);
	lower[i] = '\0';
	s = content_valid_id(v) ? find_slot(mc, lower) : NULL;
	if (s == NULL) {
		check_fault(c, "module.ini", line, _("poll '%s' names session "
		    "'%s', which is not on the agenda"), id, check_show(c, v));
	} else if (s->poll_line != 0) {
		check_fault(c, "module.ini", line, _("session '%s' already has "
		    "the poll at line %u: one poll per session"), s->id,
		    s->poll_line);
	} else {
		s->poll_line = sec->line;
	}
}

static void
check_poll(struct module_check *mc, const struct ini_scan_section *sec,
    const char *id)
{
	struct checker *c = mc->c;
	const char *v;
	int kind = -1, n;

	if (++mc->npolls == CONTENT_MAX_POLLS + 1)
		check_fault(c, "module.ini", sec->line, _("more than %d polls"),
		    CONTENT_MAX_POLLS);
	check_unknown_keys(c, "module.ini", sec, poll_keys);
	require(mc, sec, "session");
	require(mc, sec, "question");
	if (require(mc, sec, "kind")) {
		v = check_get(mc->d, sec->name, "kind");
		if (content_poll_kind_parse(v, &kind) != 0)
			check_fault(c, "module.ini", check_key_line(sec, "kind"),
			    _("unknown poll kind '%s': use single, multi or "
			    "scale"), check_show(c, v));
	}
	check_poll_session(mc, sec, id);
	n = check_numbered(c, "module.ini", sec, mc->d, "option",
	    CONTENT_MAX_OPTIONS);
	if (kind == POLL_SCALE && n > 0)
		check_fault(c, "module.ini", sec->line, _("poll '%s' is a scale "
		    "(1 to 5) and takes no options, but has %d"), id, n);
	else if (kind >= 0 && kind != POLL_SCALE && n < 2)
		check_fault(c, "module.ini", sec->line, _("poll '%s' needs 2 to "
		    "%d options (option1, option2...), not %d"), id,
		    CONTENT_MAX_OPTIONS, n);
}

static void
check_eval(struct module_check *mc, const struct ini_scan_section *sec)
{
	struct checker *c = mc->c;
	const char *v;

	if (++mc->nevals == CONTENT_MAX_EVALS + 1)
		check_fault(c, "module.ini", sec->line, _("more than %d "
		    "evaluation questions"), CONTENT_MAX_EVALS);
	check_unknown_keys(c, "module.ini", sec, eval_keys);
	require(mc, sec, "question");
	if (require(mc, sec, "kind")) {
		v = check_get(mc->d, sec->name, "kind");
		if (strcmp(v, "scale") != 0 && strcmp(v, "text") != 0)
			check_fault(c, "module.ini", check_key_line(sec, "kind"),
			    _("unknown evaluation kind '%s': use scale or text"),
			    check_show(c, v));
	}
}

/* Pass 1 takes the sessions (polls may name a session further down);
 * pass 2 everything else. */
static void
check_section(struct module_check *mc, const struct ini_scan_section *sec,
    int pass)
{
	struct checker *c = mc->c;
	size_t tlen;
	const char *id = section_id(sec->name, &tlen);
	int session = section_is(sec->name, tlen, "session");

	if (strcmp(sec->name, "module") == 0 || (pass == 1) != session)
		return;
	if (!session && !section_is(sec->name, tlen, "poll") &&
	    !section_is(sec->name, tlen, "evaluation")) {
		check_fault(c, "module.ini", sec->line, _("unknown section "
		    "[%s]: use [module], [session ID], [poll ID] or "
		    "[evaluation ID]"), check_show(c, sec->name));
		return;
	}
	if (!content_valid_id(id)) {
		check_fault(c, "module.ini", sec->line, _("[%s] needs an id of "
		    "1 to %d letters, digits, '-' or '_' after '%.*s'"),
		    check_show(c, sec->name), CONTENT_MAX_ID, (int)tlen,
		    sec->name);
		return;
	}
	if (session) {
		if (mc->nslots == CONTENT_MAX_SESSIONS)
			check_fault(c, "module.ini", sec->line, _("more than %d "
			    "sessions"), CONTENT_MAX_SESSIONS);
		check_session(mc, sec, id);
	} else if (section_is(sec->name, tlen, "poll")) {
		check_poll(mc, sec, id);
	} else {
		check_eval(mc, sec);
	}
}

static int
cmp_slot(const void *a, const void *b)
{
	const struct slot *x = *(const struct slot * const *)a,
	    *y = *(const struct slot * const *)b;

	if (x->day != y->day)
		return x->day - y->day;
	if (x->start != y->start)
		return x->start - y->start;
	return (x->line > y->line) - (x->line < y->line);
}

static void
say_overlap(struct checker *c, const struct slot *s, const struct slot *t)
{
	int se = s->start + s->minutes, te = t->start + t->minutes;

	check_fault(c, "module.ini", s->line, _("session '%s' (day %d, "
	    "%02d:%02d-%02d:%02d) overlaps session '%s' (%02d:%02d-%02d:%02d)"),
	    s->id, s->day, s->start / 60, s->start % 60, se / 60 % 24, se % 60,
	    t->id, t->start / 60, t->start % 60, te / 60 % 24, te % 60);
}

/* Sessions of one day must not overlap: sorted by start, each must start
 * at or after the latest end so far. */
static void
check_overlaps(struct module_check *mc)
{
	struct slot **v = xcalloc(mc->nslots, sizeof *v);
	const struct slot *latest = NULL;
	size_t i, n = 0;

	for (i = 0; i < mc->nslots; i++)
		if (mc->slots[i].day > 0 && mc->slots[i].start >= 0 &&
		    mc->slots[i].minutes > 0)
			v[n++] = &mc->slots[i];
	qsort(v, n, sizeof *v, cmp_slot);
	for (i = 0; i < n; i++) {
		if (latest != NULL && latest->day != v[i]->day)
			latest = NULL;
		if (latest != NULL && v[i]->start < latest->start +
		    latest->minutes)
			say_overlap(mc->c, v[i], latest);
		if (latest == NULL || v[i]->start + v[i]->minutes >
		    latest->start + latest->minutes)
			latest = v[i];
	}
	free(v);
}

static void
check_days_used(struct module_check *mc)
{
	unsigned char used[CONTENT_MAX_DAYS + 1];
	size_t i;
	int day;

	if (mc->days == 0)
		return;
	memset(used, 0, sizeof used);
	for (i = 0; i < mc->nslots; i++)
		if (mc->slots[i].day > 0 && mc->slots[i].day <= mc->days)
			used[mc->slots[i].day] = 1;
	for (day = 1; day <= mc->days; day++)
		if (!used[day])
			check_fault(mc->c, "module.ini", mc->days_line,
			    _("day %d has no sessions"), day);
}

void
check_module_ini(struct checker *c)
{
	struct module_check mc;
	struct stat st;
	char *path = path_join(c->dir, "module.ini");
	size_t i;
	int pass;

	memset(&mc, 0, sizeof mc);
	mc.c = c;
	if (stat(path, &st) != 0) {
		check_fault(c, "module.ini", 0, "%s", _("missing: a module is a "
		    "directory with a module.ini"));
		free(path);
		return;
	}
	free(path);
	mc.d = check_ini_file(c, "module.ini", &mc.scan);
	if (mc.d != NULL) {
		check_header(&mc);
		for (pass = 1; pass <= 2; pass++)
			for (i = 0; i < mc.scan.nsecs; i++)
				if (mc.scan.secs[i].usable)
					check_section(&mc, &mc.scan.secs[i],
					    pass);
		check_overlaps(&mc);
		check_days_used(&mc);
		iniparser_freedict(mc.d);
	}
	c->r->days = mc.days;
	c->r->nsessions = mc.nslots;
	c->r->npolls = mc.npolls;
	c->r->nevals = mc.nevals;
	free(mc.slots);
	ini_scan_free(&mc.scan);
}
