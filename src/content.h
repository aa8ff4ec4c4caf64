/*
 * content.h -- a training module: module.ini, pages and case studies.
 *
 * The format is man/convene-content.5.  content_load() reads a module
 * directory into plain structs; content_check() validates one and reports
 * every fault (check.h).  A loaded module owns all its strings; free it with
 * module_free().
 */
#ifndef CONVENE_CONTENT_H
#define CONVENE_CONTENT_H

#include <stddef.h>

enum session_kind {
	KIND_LECTURE, KIND_CASE_STUDY, KIND_GROUP_WORK, KIND_DISCUSSION,
	KIND_BREAK, KIND_COUNT
};
enum design_stage {
	STAGE_NONE = -1, STAGE_EMPATHISE, STAGE_IDEATE, STAGE_PROTOTYPE,
	STAGE_SHARE, STAGE_LAUNCH, STAGE_COUNT
};

struct agenda_item {		/* one [session ...] of module.ini */
	char *id;		/* the section name after "session " */
	int day;		/* 1-based */
	int start_min;		/* minutes after local midnight */
	int minutes;
	enum session_kind kind;
	char *title, *speaker, *page, *case_id, *activity, *objectives;
	enum design_stage stage;
	char *poll_id;		/* a [poll ...] tied to it, or NULL */
	char *thread;		/* thread = NAME, or NULL: its own (flow.h) */
	/* Changed during the workshop by `plan` records (plan.h): */
	unsigned moved : 1, lengthened : 1, skipped : 1, added : 1;
};

struct case_study {		/* cases/ID.ini */
	char *id, *country, *title, *summary_page;
	char **questions;
	size_t nquestions;
};

struct module_poll {		/* [poll ID] */
	char *id, *session_id, *question;
	int kind;		/* POLL_SINGLE, POLL_MULTI, POLL_SCALE (state.h) */
	char **options;
	size_t noptions;
};

struct eval_question {		/* [evaluation QKEY] */
	char *id, *question;
	int scale;		/* 1: a 1-5 scale; 0: free text */
};

struct module {
	char *dir;		/* as given to content_load */
	char *title, *provider, *timezone, *description;
	char *privacy;		/* privacy = ...: the join screen's notice of
				   what is recorded and who sees it; NULL */
	int days;
	int timer_manual;	/* timer = manual: items start no timer */
	int certificate_days;	/* days present for a certificate; 0: the
				   default rule (export.h) */
	struct agenda_item *items;	/* sorted by day, then start */
	size_t nitems;
	/* The items as module.ini has them, when `items` is the plan as the
	 * workshop changed it (plan_apply); NULL until then.  The frozen
	 * items own their strings; `items` then holds shallow copies. */
	struct agenda_item *frozen;
	size_t nfrozen;
	size_t plan_applied;	/* plan records laid over them so far */
	struct case_study *cases;
	size_t ncases;
	struct module_poll *polls;
	size_t npolls;
	struct eval_question *evals;
	size_t nevals;
};

/* Loads a module; NULL with *err when it cannot be loaded at all.  Load is
 * lenient (check is strict): run content_check first to know it is sound. */
struct module *content_load(const char *dir, char **err);
void module_free(struct module *m);

const struct agenda_item *module_item(const struct module *m, const char *id);
/* The index of agenda item `id` in m->items, or -1 (m or id may be NULL). */
int module_item_index(const struct module *m, const char *id);
const struct case_study *module_case(const struct module *m, const char *id);
/* The page text (Markdown subset) of a page path relative to the module;
 * NULL when missing or outside the module.  Caller frees. */
char *content_read_page(const struct module *m, const char *page);

const char *session_kind_name(enum session_kind k);
const char *design_stage_name(enum design_stage s);
/* A stage named in a record, translated for a reader ("ideate" reads
 * "Ideate"); a name no stage has comes back as it is. */
const char *design_stage_label(const char *name);

/*
 * Added by the content loader (content.c), shared with the checker.
 */

/* What a module may hold (man/convene-content.5, LIMITS). */
#define CONTENT_MAX_DAYS	14
#define CONTENT_MAX_MINUTES	600
#define CONTENT_MAX_SESSIONS	200
#define CONTENT_MAX_POLLS	100
#define CONTENT_MAX_EVALS	50
#define CONTENT_MAX_CASES	50
#define CONTENT_MAX_OPTIONS	9	/* option1..option9 */
#define CONTENT_MAX_QUESTIONS	9	/* question1..question9 */
#define CONTENT_MAX_ID		64	/* bytes of an id */
#define CONTENT_MAX_INI_BYTES	(1024 * 1024)
#define CONTENT_MAX_PAGE_BYTES	(256 * 1024)
#define CONTENT_MAX_PAGE_LINE	8192	/* bytes of one line of a page */

/* 1 when s is a valid id: 1..CONTENT_MAX_ID of ASCII letters, digits, '-'
 * and '_'. */
int content_valid_id(const char *s);
/* A decimal number (digits only, no sign or spaces) within lo..hi into
 * *out; 0, or -1 when s is anything else. */
int content_parse_number(const char *s, int lo, int hi, int *out);
/* "HH:MM" (24-hour, two digits each) to minutes after midnight; -1 when
 * not exactly that. */
int content_parse_time(const char *s);
/* Names to values (the names session_kind_name and design_stage_name
 * give, and single | multi | scale for polls); 0, or -1 when unknown. */
int session_kind_parse(const char *s, enum session_kind *out);
int design_stage_parse(const char *s, enum design_stage *out);
int content_poll_kind_parse(const char *s, int *out);

/* Where the module file `rel` (a path relative to the module directory
 * `dir`) really is, as an absolute path the caller frees.  NULL with *err
 * when rel is empty or absolute, has a ".." component, does not exist, is
 * not a regular file, or resolves (through symbolic links) outside the
 * module directory. */
char *content_resolve(const char *dir, const char *rel, char **err);

#endif
