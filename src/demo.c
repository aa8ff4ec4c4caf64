/* demo.c -- the bundled workshop with sample data. */
#include "demo.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "content.h"
#include "i18n.h"
#include "journal.h"
#include "session.h"
#include "state.h"
#include "tz.h"
#include "util.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/convene"
#endif

/* A dozen people from several of the 16 countries, named in their own
 * scripts, so that the screens show what real participant text looks like. */
static const struct {
	const char *name, *country, *org;
} sample_people[] = {
	{ "김민준", "KR", "Ministry of the Interior and Safety" },
	{ "สมชาย ใจดี", "TH", "Digital Government Development Agency" },
	{ "ສົມພອນ ພົມມະຈັນ", "LA", "Ministry of Technology and Communications" },
	{ "නිමල් පෙරේරා", "LK", "ICT Agency" },
	{ "আয়েশা রহমান", "BD", "a2i Programme" },
	{ "عائشہ خان", "PK", "National Information Technology Board" },
	{ "އަޙްމަދު ރަޝީދު", "MV", "National Centre for Information Technology" },
	{ "Maria Santos", "PH", "Department of Information and Communications Technology" },
	{ "Батбаяр Дорж", "MN", "Communications and Information Technology Authority" },
	{ "Айгүл Сейітова", "KZ", "Ministry of Digital Development" },
	{ "Արամ Հակոբյան", "AM", "Ministry of High-Tech Industry" },
	{ "Dilnoza Karimova", "UZ", "Ministry of Digital Technologies" },
	{ "བསོད་ནམས་ དབང་ཕྱུག", "BT", "GovTech Agency" },
	{ "Putu Wijaya", "ID", "Ministry of Administrative and Bureaucratic Reform" },
};

static const struct {
	int by;			/* index into sample_people */
	const char *text;
} sample_ideas[] = {
	{ 0, "민원 서류를 한 번만 제출하는 원스톱 포털" },
	{ 1, "แจ้งเตือนการต่ออายุใบขับขี่ทาง SMS" },
	{ 2, "ນັດໝາຍອອນລາຍ ສຳລັບ ຫ້ອງການເມືອງ" },
	{ 5, "تمام سرکاری خدمات کے لیے ایک شناختی نمبر" },
	{ 7, "Offline-first forms for island municipalities, synced when a boat brings the signal" },
	{ 8, "Иргэний үнэмлэхээ утсаараа сунгах" },
	{ 11, "Publish procurement data as open CSV every week" },
	{ 13, "Satu formulir untuk semua izin usaha kecil" },
};

/* Questions from the sample people (by), each upvoted by the next few. */
static const struct {
	int by, upvotes;
	const char *text;
} sample_questions[] = {
	{ 3, 5, "How do we keep paper forms for people who are not online?" },
	{ 9, 3, "Қызметтерді қай тілде жариялау керек?" },
	{ 1, 1, "ควรเริ่มจากบริการไหนก่อน" },
};

/* A quick poll, revealed: the option (1-based) each sample person chose. */
static const char *const sample_poll_options[] = {
	"Paper forms", "Queues at offices", "Data shared between agencies",
};
static const int sample_poll_answers[] = { 3, 1, 3, 2, 3, 3, 1, 2, 3, 1 };

static int
is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/rel when it is a directory, else NULL; caller frees. */
static char *
dir_if_present(const char *dir, const char *rel)
{
	char *path = path_join(dir, rel);

	if (is_dir(path))
		return path;
	free(path);
	return NULL;
}

/*
 * Beside the binary: content/ in a source tree, ../share/convene/content in
 * an installed tree.  The second makes an installation relocatable and lets
 * a DESTDIR-staged install run before it is moved into place.
 */
static char *
content_near_binary(void)
{
	char exe[PATH_MAX], *slash, *dir;
	ssize_t n;

	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	dir = dir_if_present(exe, "content");
	if (dir == NULL)
		dir = dir_if_present(exe, "../share/convene/content");
	return dir;
}

char *
demo_content_dir(void)
{
	const char *env = getenv("CONVENE_CONTENT");
	char *dir;

	if (env != NULL && *env != '\0')
		return is_dir(env) ? xstrdup(env) : NULL;
	dir = content_near_binary();
	if (dir == NULL)
		dir = dir_if_present(DATADIR, "content");
	return dir;
}

static int
seed_people(struct session *s, char **ids, char **err)
{
	size_t i;
	int rc;

	for (i = 0; i < NELEM(sample_people); i++) {
		rc = cmd_participant(s, ACTOR_SAMPLE, sample_people[i].name,
		    sample_people[i].country, sample_people[i].org, NULL,
		    &ids[i], err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
seed_ideas(struct session *s, char **ids, char **ideas, char **err)
{
	size_t i;
	int rc;

	for (i = 0; i < NELEM(sample_ideas); i++) {
		rc = cmd_idea(s, ids[sample_ideas[i].by], NULL,
		    sample_ideas[i].text, &ideas[i], err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Each sample person's favourite idea (two dots; one more on the idea
 * after it), so that the revealed results have a clear winner and a tail. */
static const int sample_favourites[] = {
	4, 4, 0, 4, 1, 4, 0, 6, 4, 1, 0, 4, 6, 2,
};

/* A plenary round, closed and revealed. */
static int
seed_round(struct session *s, char **ids, char **ideas, char **err)
{
	size_t p, n = NELEM(sample_ideas);
	int rc = cmd_voting_open(s, NULL, 0, 0, NULL, err);

	_Static_assert(NELEM(sample_favourites) == NELEM(sample_people),
	    "a favourite for each sample person");
	for (p = 0; rc == 0 && p < NELEM(sample_people); p++) {
		size_t f = (size_t)sample_favourites[p];

		rc = cmd_vote(s, ids[p], ideas[f], 2, err);
		if (rc == 0)
			rc = cmd_vote(s, ids[p], ideas[(f + 1 + p % 3) % n], 1,
			    err);
	}
	if (rc == 0)
		rc = cmd_voting_close(s, 1, err);
	if (rc == 0)
		rc = cmd_voting_reveal(s, 1, err);
	return rc;
}

/* Questions to the current item, upvoted by the people after the asker. */
static int
seed_questions(struct session *s, char **ids, char **err)
{
	size_t i, n = NELEM(sample_people);
	char *q = NULL;
	int rc = 0, k;

	for (i = 0; rc == 0 && i < NELEM(sample_questions); i++) {
		rc = cmd_ask(s, ids[sample_questions[i].by],
		    sample_questions[i].text, &q, err);
		for (k = 1; rc == 0 && k <= sample_questions[i].upvotes; k++)
			rc = cmd_upvote(s,
			    ids[(sample_questions[i].by + (size_t)k) % n], q,
			    err);
		free(q);
		q = NULL;
	}
	return rc;
}

static int
seed_poll(struct session *s, char **ids, char **err)
{
	char *poll = NULL;
	size_t i;
	int rc;

	rc = cmd_poll_open(s, POLL_SINGLE, "What slows our services most?",
	    sample_poll_options, (int)NELEM(sample_poll_options), &poll, err);
	for (i = 0; rc == 0 && i < NELEM(sample_poll_answers); i++)
		rc = cmd_poll_answer(s, ids[i], poll, &sample_poll_answers[i],
		    1, err);
	if (rc == 0)
		rc = cmd_poll_close(s, poll, err);
	if (rc == 0)
		rc = cmd_poll_reveal(s, poll, err);
	free(poll);
	return rc;
}

/* The item that starts first at minute t of a day or later, on any day;
 * breaks only when `breaks`.  -1 when none does. */
static int
first_from(const struct module *m, int t, int breaks)
{
	int best = -1;
	size_t i;

	for (i = 0; i < m->nitems; i++) {
		const struct agenda_item *it = &m->items[i];

		if (it->start_min < t || (!breaks && it->kind == KIND_BREAK))
			continue;
		/* items are sorted by day: the lower day wins a tie */
		if (best < 0 || it->start_min < m->items[best].start_min)
			best = (int)i;
	}
	return best;
}

int
demo_plan(const struct module *m, int64_t now, char *start, size_t size,
    int *item)
{
	struct tz_local l;
	int i, offset, y, mo, d;

	if (m->nitems == 0 || tz_to_local(m->timezone, now, &l) != 0)
		return -1;
	i = first_from(m, l.hour * 60 + l.minute, 0);
	if (i < 0)
		i = first_from(m, l.hour * 60 + l.minute, 1);
	/* Its day is today; in the evening, day 1 is tomorrow. */
	offset = i >= 0 ? 1 - m->items[i].day : 1;
	if (i < 0)
		i = 0;
	if (tz_add_days(m->timezone, l.year, l.month, l.day, offset, &y, &mo,
	    &d) != 0)
		return -1;
	snprintf(start, size, "%04d-%02d-%02d", y, mo, d);
	*item = i;
	return 0;
}

int
demo_seed(struct session *s, int item, char **err)
{
	char *ids[NELEM(sample_people)] = { NULL };
	char *ideas[NELEM(sample_ideas)] = { NULL };
	size_t i;
	int rc;

	_Static_assert(NELEM(sample_poll_answers) <= NELEM(sample_people),
	    "one poll answer a sample person at most");
	if (item < 0 || (size_t)item >= s->module->nitems)
		item = 0;
	/* About 80 records: one fsync for them all, not one each, keeps the
	 * demo's first frame quick (DESIGN.md's targets). */
	journal_defer_sync(s->journal, 1);
	rc = seed_people(s, ids, err);
	if (rc == 0 && s->module->nitems > 0)
		rc = cmd_agenda(s, AGENDA_GOTO, s->module->items[item].id,
		    err);
	if (rc == 0)
		rc = cmd_rooms_make(s, 3, 1, err);
	if (rc == 0)
		rc = seed_ideas(s, ids, ideas, err);
	if (rc == 0)
		rc = seed_round(s, ids, ideas, err);
	if (rc == 0)
		rc = seed_questions(s, ids, err);
	if (rc == 0)
		rc = seed_poll(s, ids, err);
	if (journal_defer_sync(s->journal, 0) != 0 && rc == 0)
		rc = set_error(err, 3, _("cannot write the demo's journal: %s"),
		    strerror(errno));
	for (i = 0; i < NELEM(ids); i++)
		free(ids[i]);
	for (i = 0; i < NELEM(ideas); i++)
		free(ideas[i]);
	return rc == 0 ? 0 : 3;
}
