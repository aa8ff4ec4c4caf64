/*
 * countries.h -- ISO 3166-1 alpha-2 country codes with English short names,
 * all 249 of them.
 *
 * Participants carry a country code; registration lists name countries by
 * code or by English name ("KR", "kr", "Korea, Republic of", "Republic of
 * Korea", "South Korea"), and the join screen lists them by name.  A
 * search finds a country by code, English name or local name
 * (country_search).  Every pointer returned points into a static table.
 */
#ifndef CONVENE_COUNTRIES_H
#define CONVENE_COUNTRIES_H

#include <stddef.h>

#include "search.h"

struct country {
	const char *code;	/* "KR", upper case */
	const char *name;	/* "Korea, Republic of" (ISO short name) */
};

/* The whole table, sorted by code; *n gets its length. */
const struct country *countries_all(size_t *n);

/* By code, ignoring case; NULL when no such code. */
const struct country *country_by_code(const char *code);
/* The English name of a code, NULL when unknown. */
const char *country_name(const char *code);

/* By code or English name (ISO short name, or a common, official or older
 * name), ignoring ASCII case and surrounding blanks; NULL when unknown. */
const struct country *country_lookup(const char *s);

/* How well a search finds country c: the best rank over its code, its
 * English name, its other English names ("Lao PDR") and its local names
 * ("ລາວ", "대한민국").  "KI", "Kiribati" and "ki" are SEARCH_EXACT. */
enum search_rank country_search(const struct country *c,
    const struct search *q);
/* The same for a participant's country code (an unknown code matches as
 * its text). */
enum search_rank country_code_search(const char *code,
    const struct search *q);
/* The text domain of Debian's iso-codes that translates country names
 * (i18n_init binds it). */
#define COUNTRIES_DOMAIN "iso_3166-1"

/* A country's name as the reader reads it: translated by iso-codes into
 * the language of messages (LANGUAGE, LC_MESSAGES) when it has that
 * language ("ລາວ", "대한민국"); otherwise the common English name where
 * ISO has one ("Laos", "South Korea"), else the ISO short name.  An
 * unknown code comes back as itself, NULL as "".  Points into a static
 * table or the catalogue: valid until the language changes. */
const char *country_display(const char *code);
/* iso-codes' common English name of a country ("Laos"), NULL when ISO
 * has none besides its short name. */
const char *country_common_name(const char *code);

/* The country's (first) local name when the table has one, else NULL. */
const char *country_local_name(const char *code);

#endif
