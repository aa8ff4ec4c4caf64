/* i18n.c -- locale set-up, the gettext text domains, and the language of
 * messages chosen on a terminal. */
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "countries.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif
/* Where Debian's iso-codes installs its catalogues (country names). */
#ifndef ISO_CODES_LOCALEDIR
#define ISO_CODES_LOCALEDIR "/usr/share/locale"
#endif

/* LANGUAGE as the environment gave it, so that choosing "the
 * environment's language" again restores it (a longer list keeps its
 * first languages). */
static char env_language[256];
static int env_saved;		/* 1: saved, 2: saved, and it was unset */
/* The language chosen on this terminal ("" none): i18n_language(). */
static char chosen[I18N_CODE_MAX + 1];

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

const char *
i18n_localedir(void)
{
	const char *dir = getenv("CONVENE_LOCALEDIR");

	return dir != NULL && *dir != '\0' ? dir : LOCALEDIR;
}

int
i18n_init(void)
{
	int ok;

	if (setlocale(LC_ALL, "") == NULL || !locale_is_utf8()) {
		/* Keep the user's language for messages if we can, but text
		 * must be UTF-8: C.UTF-8 exists on every Debian machine. */
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "C.utf8");
	}
	ok = locale_is_utf8();
	bindtextdomain("convene", i18n_localedir());
	bind_textdomain_codeset("convene", "UTF-8");
	bindtextdomain(COUNTRIES_DOMAIN, ISO_CODES_LOCALEDIR);
	bind_textdomain_codeset(COUNTRIES_DOMAIN, "UTF-8");
	textdomain("convene");
	return ok ? 0 : -1;
}

int
i18n_code_valid(const char *code)
{
	size_t n = code != NULL ? strlen(code) : 0, i;

	/* ll, lll, ll_CC, lll_CC (th, fil, pt_BR): what gettext looks up
	 * under LOCALEDIR, and nothing that could climb out of it. */
	if (n < 2 || n > I18N_CODE_MAX)
		return 0;
	for (i = 0; i < n && code[i] != '_'; i++)
		if (code[i] < 'a' || code[i] > 'z')
			return 0;
	if (i < 2 || i > 3)
		return 0;
	if (i == n)
		return 1;
	return n == i + 3 && code[i + 1] >= 'A' && code[i + 1] <= 'Z' &&
	    code[i + 2] >= 'A' && code[i + 2] <= 'Z';
}

void
i18n_set_language(const char *code)
{
	const char *msgs;

	if (!env_saved) {
		const char *e = getenv("LANGUAGE");
		size_t n = e != NULL ? strlen(e) : 0;

		if (n >= sizeof env_language)
			n = strcspn(e, ":") < sizeof env_language ?
			    strcspn(e, ":") : 0;
		if (e != NULL)
			memcpy(env_language, e, n);
		env_language[n] = '\0';
		env_saved = e != NULL ? 1 : 2;
	}
	if (code != NULL && i18n_code_valid(code)) {
		memcpy(chosen, code, strlen(code) + 1);
		setenv("LANGUAGE", code, 1);
		/* glibc ignores LANGUAGE while messages are in the "C"
		 * locale (no LANG at all): C.UTF-8 is C's messages too. */
		msgs = setlocale(LC_MESSAGES, NULL);
		if (msgs == NULL || strcmp(msgs, "C") == 0 ||
		    strcmp(msgs, "POSIX") == 0)
			setlocale(LC_MESSAGES, "C.UTF-8");
	} else {
		chosen[0] = '\0';
		if (env_saved == 1)
			setenv("LANGUAGE", env_language, 1);
		else
			unsetenv("LANGUAGE");
	}
	/* Setting the domain again is gettext's documented way to drop the
	 * translations it has cached: every _() after this is in the new
	 * language. */
	textdomain(textdomain(NULL));
}

const char *
i18n_language(void)
{
	static char buf[I18N_CODE_MAX + 1];
	const char *e = getenv("LANGUAGE"), *m;
	size_t n;

	if (chosen[0] != '\0')
		return chosen;
	m = setlocale(LC_MESSAGES, NULL);
	if (e == NULL || *e == '\0')
		e = m;
	if (m != NULL && (strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0) &&
	    e != m)
		e = m;		/* glibc ignores LANGUAGE then */
	if (e == NULL || strncmp(e, "C", 1) == 0 || strcmp(e, "POSIX") == 0)
		return "en";
	n = strcspn(e, ":.@");
	if (n > I18N_CODE_MAX)
		return "en";
	memcpy(buf, e, n);
	buf[n] = '\0';
	return i18n_code_valid(buf) ? buf : "en";
}
