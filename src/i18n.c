/* i18n.c -- locale set-up and the gettext text domain. */
#include "i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static int
locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int
i18n_init(void)
{
	const char *dir = getenv("CONVENE_LOCALEDIR");
	int ok;

	if (setlocale(LC_ALL, "") == NULL || !locale_is_utf8()) {
		/* Keep the user's language for messages if we can, but text
		 * must be UTF-8: C.UTF-8 exists on every Debian machine. */
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "C.utf8");
	}
	ok = locale_is_utf8();
	bindtextdomain("convene", dir != NULL ? dir : LOCALEDIR);
	bind_textdomain_codeset("convene", "UTF-8");
	textdomain("convene");
	return ok ? 0 : -1;
}
