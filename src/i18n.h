/*
 * i18n.h -- every string a person reads goes through _().
 *
 * Translations are gettext catalogues under po/ (text domain "convene");
 * country names come from iso-codes' "iso_3166-1" domain (countries.h).
 * N_() marks a string for extraction where it must stay a constant
 * (tables); translate it with _() where it is shown.  A number shown in
 * a sentence goes through ngettext, whose plural forms the catalogue of
 * each language defines.  A comment that starts "Translators:" just above
 * a string reaches the translators with it (po/README).
 */
#ifndef CONVENE_I18N_H
#define CONVENE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* The longest language code accepted ("fil_PH"). */
#define I18N_CODE_MAX 6

/* Sets the locale from the environment; when that is not UTF-8, falls back
 * to C.UTF-8.  Returns 0 when a UTF-8 locale is in force, -1 otherwise
 * (the caller says that a UTF-8 locale is needed).  Binds the text
 * domains: convene's under CONVENE_LOCALEDIR or LOCALEDIR, iso-codes'
 * under /usr/share/locale, where Debian installs them. */
int i18n_init(void);

/* The directory convene's catalogues are read from. */
const char *i18n_localedir(void);

/* 1 when code is a language code as gettext names its catalogues: two or
 * three lowercase letters, optionally "_" and a country's two capitals
 * ("th", "fil", "pt_BR"). */
int i18n_code_valid(const char *code);

/* Messages in language `code` from now on, at once (convene join --lang,
 * or a participant's choice); NULL, "" or a malformed code: the
 * environment's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) again.
 * A language without a catalogue shows English. */
void i18n_set_language(const char *code);

/* The language messages are asked in: the code chosen, else the
 * environment's first ("en" for the C locale).  Borrowed until the next
 * call. */
const char *i18n_language(void);

#endif
