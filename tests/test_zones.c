/* test_zones.c -- country -> IANA zones, and the one rule for a
 * participant's zone. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "countries.h"
#include "tz.h"
#include "zones.h"

static void
test_table(void **unused)
{
	static const char *const region[] = { "AM", "BD", "BT", "ID", "KH",
	    "KI", "KR", "KZ", "LA", "LK", "MN", "MV", "PH", "PK", "TH", "UZ",
	    "VN", "TL", "FJ", "WS", "TO", "PG", "NP", "MM" };
	const char *const *z;
	size_t i, k, n;

	(void)unused;
	for (i = 0; i < sizeof region / sizeof region[0]; i++) {
		z = zones_of_country(region[i], &n);
		assert_non_null(z);
		assert_true(n >= 1);
		assert_non_null(country_by_code(region[i]));
		for (k = 0; k < n; k++)
			assert_true(tz_valid(z[k]));
	}
	assert_null(zones_of_country("FR", &n));
	assert_int_equal(n, 0);
}

/* Several zones: the capital's is the default. */
static void
test_capitals(void **unused)
{
	size_t n;

	(void)unused;
	assert_string_equal(zones_default("ID"), "Asia/Jakarta");
	assert_string_equal(zones_default("ki"), "Pacific/Tarawa");
	assert_string_equal(zones_default("MN"), "Asia/Ulaanbaatar");
	assert_string_equal(zones_default("KZ"), "Asia/Almaty");
	assert_non_null(zones_of_country("ID", &n));
	assert_int_equal(n, 4);
	assert_non_null(zones_of_country("KI", &n));
	assert_int_equal(n, 3);
	assert_null(zones_default("FR"));
}

static void
test_participant(void **unused)
{
	(void)unused;
	assert_string_equal(zones_participant(0, "Pacific/Kiritimati", "KI",
	    "Asia/Bangkok"), "Asia/Bangkok");
	assert_string_equal(zones_participant(1, NULL, "KI", "Asia/Bangkok"),
	    "Pacific/Tarawa");
	assert_string_equal(zones_participant(1, "Pacific/Kiritimati", "KI",
	    "Asia/Bangkok"), "Pacific/Kiritimati");
	assert_string_equal(zones_participant(1, NULL, "FR", "Asia/Bangkok"),
	    "Asia/Bangkok");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_capitals),
		cmocka_unit_test(test_participant),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
