/* demo.c -- the bundled workshop with sample data. */
#include "demo.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "i18n.h"
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
seed_ideas(struct session *s, char **ids, char **err)
{
	size_t i;
	int rc;

	for (i = 0; i < NELEM(sample_ideas); i++) {
		rc = cmd_idea(s, ids[sample_ideas[i].by], NULL,
		    sample_ideas[i].text, NULL, err);
		if (rc != 0)
			return rc;
	}
	return 0;
}

int
demo_seed(struct session *s, char **err)
{
	char *ids[NELEM(sample_people)] = { NULL };
	size_t i;
	int rc;

	rc = seed_people(s, ids, err);
	if (rc == 0 && s->module->nitems > 0)
		rc = cmd_agenda(s, AGENDA_GOTO, s->module->items[0].id, err);
	if (rc == 0)
		rc = cmd_rooms_make(s, 3, 1, err);
	if (rc == 0)
		rc = seed_ideas(s, ids, err);
	for (i = 0; i < NELEM(ids); i++)
		free(ids[i]);
	return rc == 0 ? 0 : 3;
}
