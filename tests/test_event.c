/* test_event.c -- event type names and the journal's time format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "crc32.h"
#include "event.h"

static void
test_names_round_trip(void **state)
{
	int t, u;
	const char *name, *p;

	(void)state;
	for (t = EV_UNKNOWN + 1; t < EV_COUNT; t++) {
		name = event_type_name(t);
		assert_non_null(name);
		assert_true(strlen(name) > 0);
		/* snake_case: lowercase letters and underscores */
		for (p = name; *p != '\0'; p++)
			assert_true((*p >= 'a' && *p <= 'z') || *p == '_');
		assert_int_equal(event_type_from_name(name), t);
		for (u = EV_UNKNOWN; u < t; u++)
			assert_string_not_equal(event_type_name(u), name);
	}
	assert_string_equal(event_type_name(EV_IDEA), "idea");
	assert_string_equal(event_type_name(EV_DOT), "dot");
	assert_string_equal(event_type_name(EV_VOTING_OPEN), "voting_open");
}

static void
test_unknown_names(void **state)
{
	(void)state;
	assert_int_equal(event_type_from_name("ideas"), EV_UNKNOWN);
	assert_int_equal(event_type_from_name("Idea"), EV_UNKNOWN);
	assert_int_equal(event_type_from_name(""), EV_UNKNOWN);
	assert_int_equal(event_type_from_name("zzz"), EV_UNKNOWN);
	assert_int_equal(event_type_from_name("aaa"), EV_UNKNOWN);
	assert_int_equal(event_type_from_name("unknown"), EV_UNKNOWN);
	assert_int_equal(event_type_from_name(NULL), EV_UNKNOWN);
	assert_string_equal(event_type_name(EV_COUNT), "unknown");
	assert_string_equal(event_type_name((enum event_type)-1), "unknown");
}

static void
test_format_time(void **state)
{
	char buf[32];

	(void)state;
	event_format_time(1795683600123LL, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-26T09:00:00.123Z");
	event_format_time(0, buf, sizeof buf);
	assert_string_equal(buf, "1970-01-01T00:00:00.000Z");
	event_format_time(-1, buf, sizeof buf);
	assert_string_equal(buf, "1969-12-31T23:59:59.999Z");
	event_format_time(951782400000LL, buf, sizeof buf);	/* leap day */
	assert_string_equal(buf, "2000-02-29T00:00:00.000Z");
	event_format_time(253402300799999LL, buf, sizeof buf);
	assert_string_equal(buf, "9999-12-31T23:59:59.999Z");
	/* year 10000 has no 4-digit form: empty, which never parses */
	event_format_time(253402300800000LL, buf, sizeof buf);
	assert_string_equal(buf, "");
}

static void
test_parse_time(void **state)
{
	int64_t t = 42;

	(void)state;
	assert_int_equal(event_parse_time("2026-11-26T09:00:00.123Z", &t), 0);
	assert_int_equal(t, 1795683600123LL);
	assert_int_equal(event_parse_time("1969-12-31T23:59:59.999Z", &t), 0);
	assert_int_equal(t, -1);
	assert_int_equal(event_parse_time("2024-02-29T12:00:00.000Z", &t), 0);
	assert_int_equal(event_parse_time("2000-02-29T00:00:00.000Z", &t), 0);
	assert_int_equal(t, 951782400000LL);
}

static void
test_parse_time_rejects(void **state)
{
	static const char *const bad[] = {
		"", "2026", "2026-11-26", "2026-11-26T09:00:00Z",
		"2026-11-26T09:00:00.123", "2026-11-26T09:00:00.123z",
		"2026-11-26T09:00:00.123Z ", " 2026-11-26T09:00:00.123Z",
		"2026-11-26 09:00:00.123Z", "2026-11-26T09:00:00,123Z",
		"2026-11-26T09:00:00.123+00:00", "2026-13-26T09:00:00.123Z",
		"2026-00-26T09:00:00.123Z", "2026-11-00T09:00:00.123Z",
		"2026-11-31T09:00:00.123Z", "2026-02-29T09:00:00.123Z",
		"1900-02-29T09:00:00.123Z", "2026-11-26T24:00:00.123Z",
		"2026-11-26T09:60:00.123Z", "2026-11-26T09:00:60.123Z",
		"2026-11-26T09:00:00.12aZ", "2O26-11-26T09:00:00.123Z",
		"+026-11-26T09:00:00.123Z", "2026-1-126T09:00:00.123Z",
		"2026-11-26T09:00:00.1234Z",
	};
	struct event_time_cache c;
	int64_t t = 7, good;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_int_equal(event_parse_time(bad[i], &t), -1);
	assert_int_equal(event_parse_time(NULL, &t), -1);
	assert_int_equal(t, 7);
	/* the cached form refuses the same, whether or not the cache holds
	 * the hour the string starts with, and still knows the hour after */
	memset(&c, 0, sizeof c);
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(event_parse_time_cached(bad[i], &t, &c), -1);
		assert_int_equal(event_parse_time_cached(
		    "2026-11-26T09:59:59.999Z", &good, &c), 0);
		assert_int_equal(event_parse_time_cached(bad[i], &t, &c), -1);
		assert_int_equal(good, 1795687199999LL);
	}
	assert_int_equal(event_parse_time_cached(NULL, &t, &c), -1);
	assert_int_equal(t, 7);
}

/* The hand-rolled calendar arithmetic agrees with timegm, and formatting
 * and parsing are inverse, over random times across the whole range. */
static void
test_time_against_timegm(void **state)
{
	/* 0000-01-01 .. 9999-12-31, in ms */
	const int64_t lo = -62167219200000LL, hi = 253402300800000LL;
	struct event_time_cache c;
	char buf[32];
	struct tm tm;
	int64_t t = 0, back;
	uint64_t x = 12345;
	int i;

	(void)state;
	memset(&c, 0, sizeof c);
	for (i = 0; i < 200000; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		/* a jump anywhere, or a step within or just past the hour */
		if (i % 4 == 0)
			t = lo + (int64_t)((x >> 1) % (uint64_t)(hi - lo));
		else if (t < hi - 3600000)
			t += (int64_t)((x >> 1) % 2000000);
		event_format_time(t, buf, sizeof buf);
		assert_int_equal(event_parse_time(buf, &back), 0);
		assert_int_equal(back, t);
		assert_int_equal(event_parse_time_cached(buf, &back, &c), 0);
		assert_int_equal(back, t);
		memset(&tm, 0, sizeof tm);
		tm.tm_year = atoi(buf) - 1900;
		tm.tm_mon = atoi(buf + 5) - 1;
		tm.tm_mday = atoi(buf + 8);
		tm.tm_hour = atoi(buf + 11);
		tm.tm_min = atoi(buf + 14);
		tm.tm_sec = atoi(buf + 17);
		assert_int_equal((int64_t)timegm(&tm) * 1000 + atoi(buf + 20),
		    t);
	}
}

static void
test_crc32(void **state)
{
	static const unsigned char zeros[64];
	char big[1000];
	uint32_t whole, parts;
	size_t cut;

	(void)state;
	/* the standard check value of CRC-32/IEEE, and zlib's results */
	assert_int_equal(crc32_update(0, "123456789", 9), 0xcbf43926u);
	assert_int_equal(crc32_update(0, "", 0), 0);
	assert_int_equal(crc32_update(0, "a", 1), 0xe8b7be43u);
	assert_int_equal(crc32_update(0, zeros, 32), 0x190a55adu);
	assert_int_equal(crc32_update(0, "The quick brown fox jumps over the "
	    "lazy dog", 43), 0x414fa339u);
	/* pieces give the CRC of the whole, whatever the alignment */
	for (cut = 0; cut < sizeof big; cut++)
		big[cut] = (char)(cut * 7 + 3);
	whole = crc32_update(0, big, sizeof big);
	for (cut = 0; cut <= 17; cut++) {
		parts = crc32_update(0, big, cut);
		parts = crc32_update(parts, big + cut, sizeof big - cut);
		assert_int_equal(parts, whole);
	}
	/* one flipped bit anywhere changes it */
	for (cut = 0; cut < sizeof big; cut += 37) {
		big[cut] ^= 4;
		assert_int_not_equal(crc32_update(0, big, sizeof big), whole);
		big[cut] ^= 4;
	}
}

/* The CRC one bit at a time, straight from the definition: what the fast
 * paths (tables, and carry-less multiplication where the CPU has it) must
 * agree with for every length and alignment. */
static uint32_t
crc32_bitwise(const unsigned char *p, size_t len)
{
	uint32_t c = 0xffffffffu;
	int k;

	while (len-- > 0) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = c & 1 ? c >> 1 ^ 0xedb88320u : c >> 1;
	}
	return ~c;
}

static void
test_crc32_matches_definition(void **state)
{
	unsigned char buf[600];
	uint32_t seed = 12345;
	size_t len, off;

	(void)state;
	for (len = 0; len < sizeof buf; len++) {
		seed = seed * 1103515245u + 12345u;
		buf[len] = (unsigned char)(seed >> 16);
	}
	for (off = 0; off < 16; off++)
		for (len = 0; len + off <= sizeof buf; len += len < 300 ? 1 : 29)
			assert_int_equal(crc32_update(0, buf + off, len),
			    crc32_bitwise(buf + off, len));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_format_time),
		cmocka_unit_test(test_parse_time),
		cmocka_unit_test(test_parse_time_rejects),
		cmocka_unit_test(test_time_against_timegm),
		cmocka_unit_test(test_crc32),
		cmocka_unit_test(test_crc32_matches_definition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
