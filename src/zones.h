/*
 * zones.h -- the IANA time zones of the region's countries, for a
 * participant of a workshop delivered online (session.ini delivery =
 * online): their zone is their country's unless they choose another.
 *
 * A country with several zones lists the capital's first, the default
 * (Indonesia: Jakarta; Kiribati: Tarawa; Mongolia: Ulaanbaatar;
 * Kazakhstan: Almaty, which is Astana's).  Countries outside the table
 * have none: their people keep the workshop's zone until they choose.
 * Every pointer returned points into a static table.
 */
#ifndef CONVENE_ZONES_H
#define CONVENE_ZONES_H

#include <stddef.h>

/* The zones of a country (code in any case), the default first; NULL and
 * *n = 0 when the table has none. */
const char *const *zones_of_country(const char *code, size_t *n);

/* The default zone of a country, NULL when the table has none. */
const char *zones_default(const char *code);

/* The zone a participant lives in (the one rule for every screen and
 * export): the workshop's in a room (online 0); online, the zone they
 * chose (NULL: none), else their country's default, else the workshop's. */
const char *zones_participant(int online, const char *chosen,
    const char *country, const char *workshop);

/* The place a zone is named after, as people say it: "Asia/Ho_Chi_Minh"
 * gives "Ho Chi Minh", "UTC" itself; into buf (cut to size). */
void zones_city(const char *zone, char *buf, size_t size);

#endif
