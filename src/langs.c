/* langs.c -- the languages offered and their own names. */
#include "langs.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "util.h"

/* Each language's name as its speakers write it (CLDR's autonyms).  Add a
 * language here when its catalogue arrives (po/README). */
static const struct {
	const char *code, *name;
} autonyms[] = {
	{ "bn", "বাংলা" },
	{ "de", "Deutsch" },
	{ "dv", "ދިވެހި" },
	{ "dz", "རྫོང་ཁ" },
	{ "en", "English" },
	{ "es", "Español" },
	{ "fil", "Filipino" },
	{ "fr", "Français" },
	{ "hy", "Հայերեն" },
	{ "id", "Bahasa Indonesia" },
	{ "ja", "日本語" },
	{ "kk", "Қазақ тілі" },
	{ "km", "ខ្មែរ" },
	{ "ko", "한국어" },
	{ "lo", "ລາວ" },
	{ "mn", "Монгол" },
	{ "ms", "Bahasa Melayu" },
	{ "my", "မြန်မာ" },
	{ "ne", "नेपाली" },
	{ "pt", "Português" },
	{ "ru", "Русский" },
	{ "si", "සිංහල" },
	{ "ta", "தமிழ்" },
	{ "th", "ไทย" },
	{ "ur", "اردو" },
	{ "uz", "Oʻzbekcha" },
	{ "vi", "Tiếng Việt" },
	{ "zh", "中文" },
};

const char *
langs_name(const char *code)
{
	size_t i, n;

	if (code == NULL)
		return "";
	for (i = 0; i < NELEM(autonyms); i++)
		if (strcmp(autonyms[i].code, code) == 0)
			return autonyms[i].name;
	/* "pt_BR": the language's name, when the table has it. */
	n = strcspn(code, "_");
	for (i = 0; i < NELEM(autonyms); i++)
		if (strlen(autonyms[i].code) == n &&
		    strncmp(autonyms[i].code, code, n) == 0)
			return autonyms[i].name;
	return code;
}

static int
cmp_code(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/* dir/CODE/LC_MESSAGES/convene.mo is a file. */
static int
has_catalogue(const char *dir, const char *code)
{
	char *path = xasprintf("%s/%s/LC_MESSAGES/convene.mo", dir, code);
	struct stat sb;
	int ok = stat(path, &sb) == 0 && S_ISREG(sb.st_mode);

	free(path);
	return ok;
}

void
langs_scan(struct langs *l)
{
	const char *dir = i18n_localedir();
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t cap = 0;

	l->codes = NULL;
	l->n = 0;
	l->codes = xgrow(l->codes, &cap, 1, sizeof *l->codes);
	l->codes[l->n++] = xstrdup("en");
	while (d != NULL && (e = readdir(d)) != NULL) {
		if (!i18n_code_valid(e->d_name) || strcmp(e->d_name, "en") == 0 ||
		    !has_catalogue(dir, e->d_name))
			continue;
		l->codes = xgrow(l->codes, &cap, l->n + 1, sizeof *l->codes);
		l->codes[l->n++] = xstrdup(e->d_name);
	}
	if (d != NULL)
		closedir(d);
	qsort(l->codes + 1, l->n - 1, sizeof *l->codes, cmp_code);
}

void
langs_free(struct langs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->codes[i]);
	free(l->codes);
	l->codes = NULL;
	l->n = 0;
}

int
langs_find(const struct langs *l, const char *code)
{
	size_t i, n;

	if (code == NULL)
		return -1;
	for (i = 0; i < l->n; i++)
		if (strcmp(l->codes[i], code) == 0)
			return (int)i;
	n = strcspn(code, "_");
	for (i = 0; i < l->n; i++)
		if (strlen(l->codes[i]) == n &&
		    strncmp(l->codes[i], code, n) == 0)
			return (int)i;
	return -1;
}
