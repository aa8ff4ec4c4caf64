/*
 * zones.c -- country -> IANA zones, the capital's first (zones.h).
 *
 * Written out rather than read from tzdata's zone1970.tab: that file
 * groups countries that share a zone and lists a country's zones in no
 * order that says which is the capital's.  The names are canonical tzdata
 * names (test_zones checks that the system's database knows each).
 */
#include "zones.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define ZONES_MAX 8

static const struct {
	const char *code;
	const char *zones[ZONES_MAX];	/* NULL-terminated */
} table[] = {
	{ "AF", { "Asia/Kabul" } },
	{ "AM", { "Asia/Yerevan" } },
	{ "AU", { "Australia/Sydney", "Australia/Melbourne",
	    "Australia/Brisbane", "Australia/Adelaide", "Australia/Darwin",
	    "Australia/Perth", "Australia/Hobart" } },
	{ "BD", { "Asia/Dhaka" } },
	{ "BN", { "Asia/Brunei" } },
	{ "BT", { "Asia/Thimphu" } },
	{ "CK", { "Pacific/Rarotonga" } },
	{ "CN", { "Asia/Shanghai" } },
	{ "FJ", { "Pacific/Fiji" } },
	{ "FM", { "Pacific/Pohnpei", "Pacific/Chuuk", "Pacific/Kosrae" } },
	{ "HK", { "Asia/Hong_Kong" } },
	{ "ID", { "Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar",
	    "Asia/Jayapura" } },
	{ "IN", { "Asia/Kolkata" } },
	{ "IR", { "Asia/Tehran" } },
	{ "JP", { "Asia/Tokyo" } },
	{ "KG", { "Asia/Bishkek" } },
	{ "KH", { "Asia/Phnom_Penh" } },
	{ "KI", { "Pacific/Tarawa", "Pacific/Kanton", "Pacific/Kiritimati" } },
	{ "KR", { "Asia/Seoul" } },
	{ "KZ", { "Asia/Almaty", "Asia/Qostanay", "Asia/Qyzylorda",
	    "Asia/Aqtobe", "Asia/Aqtau", "Asia/Atyrau", "Asia/Oral" } },
	{ "LA", { "Asia/Vientiane" } },
	{ "LK", { "Asia/Colombo" } },
	{ "MH", { "Pacific/Majuro", "Pacific/Kwajalein" } },
	{ "MM", { "Asia/Yangon" } },
	{ "MN", { "Asia/Ulaanbaatar", "Asia/Hovd" } },
	{ "MO", { "Asia/Macau" } },
	{ "MV", { "Indian/Maldives" } },
	{ "MY", { "Asia/Kuala_Lumpur", "Asia/Kuching" } },
	{ "NP", { "Asia/Kathmandu" } },
	{ "NR", { "Pacific/Nauru" } },
	{ "NU", { "Pacific/Niue" } },
	{ "NZ", { "Pacific/Auckland", "Pacific/Chatham" } },
	{ "PG", { "Pacific/Port_Moresby", "Pacific/Bougainville" } },
	{ "PH", { "Asia/Manila" } },
	{ "PK", { "Asia/Karachi" } },
	{ "PW", { "Pacific/Palau" } },
	{ "SB", { "Pacific/Guadalcanal" } },
	{ "SG", { "Asia/Singapore" } },
	{ "TH", { "Asia/Bangkok" } },
	{ "TJ", { "Asia/Dushanbe" } },
	{ "TL", { "Asia/Dili" } },
	{ "TO", { "Pacific/Tongatapu" } },
	{ "TV", { "Pacific/Funafuti" } },
	{ "TW", { "Asia/Taipei" } },
	{ "UZ", { "Asia/Tashkent", "Asia/Samarkand" } },
	{ "VN", { "Asia/Ho_Chi_Minh" } },
	{ "VU", { "Pacific/Efate" } },
	{ "WS", { "Pacific/Apia" } },
};

const char *const *
zones_of_country(const char *code, size_t *n)
{
	size_t i, k;

	*n = 0;
	for (i = 0; code != NULL && i < NELEM(table); i++) {
		if (strcasecmp(table[i].code, code) != 0)
			continue;
		for (k = 0; k < ZONES_MAX && table[i].zones[k] != NULL; k++)
			;
		*n = k;
		return table[i].zones;
	}
	return NULL;
}

const char *
zones_participant(int online, const char *chosen, const char *country,
    const char *workshop)
{
	const char *zone;

	if (!online)
		return workshop;
	if (chosen != NULL)
		return chosen;
	zone = zones_default(country);
	return zone != NULL ? zone : workshop;
}

const char *
zones_default(const char *code)
{
	size_t n;
	const char *const *z = zones_of_country(code, &n);

	return n > 0 ? z[0] : NULL;
}

void
zones_city(const char *zone, char *buf, size_t size)
{
	const char *slash = zone != NULL ? strrchr(zone, '/') : NULL;
	size_t i;

	if (size == 0)
		return;
	snprintf(buf, size, "%s", slash != NULL ? slash + 1 : zone != NULL ?
	    zone : "");
	for (i = 0; buf[i] != '\0'; i++)
		if (buf[i] == '_')
			buf[i] = ' ';
}
