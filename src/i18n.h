/*
 * i18n.h -- every string a person reads goes through _().
 *
 * Translations are gettext catalogues under po/ (text domain "convene").
 * N_() marks a string for extraction where it must stay a constant (tables);
 * translate it with _() where it is shown.
 */
#ifndef CONVENE_I18N_H
#define CONVENE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Sets the locale from the environment; when that is not UTF-8, falls back
 * to C.UTF-8.  Returns 0 when a UTF-8 locale is in force, -1 otherwise
 * (the caller says that a UTF-8 locale is needed).  Binds the text domain. */
int i18n_init(void);

#endif
