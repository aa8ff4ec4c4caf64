/*
 * langs.h -- the languages a terminal offers, each named in its own script.
 *
 * English, then every language with a catalogue (convene.mo) in the
 * locale directory (i18n_localedir), in the order of their codes: what is
 * installed is what is offered, whatever po/LINGUAS said at build time.
 */
#ifndef CONVENE_LANGS_H
#define CONVENE_LANGS_H

#include <stddef.h>

struct langs {
	char **codes;		/* "en" first */
	size_t n;
};

/* Fills l with the languages offered; free with langs_free. */
void langs_scan(struct langs *l);
void langs_free(struct langs *l);

/* Where code is in l (its language part compared: "pt_BR" finds "pt" when
 * no "pt_BR"), -1 when nowhere. */
int langs_find(const struct langs *l, const char *code);

/* A language's name in its own script ("ไทย", "한국어", "Bahasa
 * Indonesia"); the code itself for a language the table lacks.  Never
 * translated: a person finds their language by reading it. */
const char *langs_name(const char *code);

#endif
