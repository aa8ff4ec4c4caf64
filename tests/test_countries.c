/* test_countries.c -- ISO 3166-1 codes and names, lookup by either. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <string.h>

#include "countries.h"

static void
test_table(void **unused)
{
	const struct country *c;
	size_t n, i;

	(void)unused;
	c = countries_all(&n);
	assert_int_equal(n, 249);
	for (i = 0; i < n; i++) {
		assert_int_equal(strlen(c[i].code), 2);
		assert_true(isupper((unsigned char)c[i].code[0]) &&
		    isupper((unsigned char)c[i].code[1]));
		assert_true(strlen(c[i].name) > 0);
		if (i > 0)	/* sorted, no duplicates: bsearch relies on it */
			assert_true(strcmp(c[i - 1].code, c[i].code) < 0);
		assert_ptr_equal(country_by_code(c[i].code), &c[i]);
		assert_ptr_equal(country_lookup(c[i].name), &c[i]);
	}
}

static void
test_by_code(void **unused)
{
	(void)unused;
	assert_string_equal(country_by_code("kr")->name, "Korea, Republic of");
	assert_string_equal(country_name("TH"), "Thailand");
	assert_string_equal(country_name("la"), "Lao People's Democratic Republic");
	assert_null(country_by_code("XX"));
	assert_null(country_by_code("KOR"));
	assert_null(country_by_code(""));
	assert_null(country_name(NULL));
}

static void
test_by_name(void **unused)
{
	static const struct {
		const char *typed, *code;
	} cases[] = {
		{ "KR", "KR" }, { " kr ", "KR" }, { "Korea, Republic of", "KR" },
		{ "republic of korea", "KR" }, { "South Korea", "KR" },
		{ "Lao PDR", "LA" }, { "Laos", "LA" }, { "Viet Nam", "VN" },
		{ "Vietnam", "VN" }, { "Türkiye", "TR" }, { "Turkey", "TR" },
		{ "Côte d'Ivoire", "CI" }, { "cote d'ivoire", "CI" },
		{ "Iran", "IR" }, { "Russia", "RU" }, { "bolivia", "BO" },
		{ "Philippines", "PH" }, { "MALDIVES", "MV" }, { "Bhutan", "BT" },
		{ "Timor-Leste", "TL" }, { "East Timor", "TL" },
		{ "Micronesia", "FM" }, { "United Kingdom", "GB" },
		{ "United States", "US" }, { "Brunei", "BN" },
	};
	size_t i;
	const struct country *c;

	(void)unused;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		c = country_lookup(cases[i].typed);
		if (c == NULL || strcmp(c->code, cases[i].code) != 0)
			fail_msg("'%s' gave %s, not %s", cases[i].typed,
			    c != NULL ? c->code : "nothing", cases[i].code);
	}
	assert_null(country_lookup("Atlantis"));
	assert_null(country_lookup(""));
	assert_null(country_lookup("   "));
	assert_null(country_lookup(NULL));
	assert_null(country_lookup("Korea, Republic"));
}

/* The workshop's sixteen Asia-Pacific countries are all there. */
static void
test_region(void **unused)
{
	static const char *const codes[] = { "AM", "BD", "BT", "ID", "KH", "KR",
	    "KZ", "LA", "LK", "MN", "MV", "NP", "PH", "PK", "TH", "UZ", "FJ",
	    "PG", "WS", "TO", "VU", "SB", "KI", "TV", "NR", "MH", "PW" };
	size_t i;

	(void)unused;
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		assert_non_null(country_by_code(codes[i]));
}

static enum search_rank
rank(const char *code, const char *query)
{
	struct search *q = search_new(query);
	enum search_rank r = country_code_search(code, q);

	search_free(q);
	return r;
}

/* By code, English name, other names and local names, through search. */
static void
test_search(void **unused)
{
	(void)unused;
	assert_int_equal(rank("KI", "Kiribati"), SEARCH_EXACT);
	assert_int_equal(rank("KI", "KI"), SEARCH_EXACT);
	assert_int_equal(rank("KI", "ki"), SEARCH_EXACT);
	assert_int_equal(rank("KI", "k"), SEARCH_PREFIX);
	assert_int_equal(rank("LA", "Lao PDR"), SEARCH_EXACT);
	assert_int_equal(rank("LA", "lao"), SEARCH_EXACT);
	assert_int_equal(rank("LA", "ລາວ"), SEARCH_EXACT);
	assert_int_equal(rank("LA", "People's"), SEARCH_WORD);
	assert_int_equal(rank("KR", "대한민국"), SEARCH_EXACT);
	assert_int_equal(rank("KR", "korea"), SEARCH_EXACT);
	assert_int_equal(rank("TH", "ไทย"), SEARCH_EXACT);
	assert_int_equal(rank("LK", "ශ්‍රී"), SEARCH_PREFIX);
	assert_int_equal(rank("BD", "বাংলাদেশ"), SEARCH_EXACT);
	assert_int_equal(rank("PK", "پاکستان"), SEARCH_EXACT);
	assert_int_equal(rank("MV", "ދިވެހިރާއްޖެ"), SEARCH_EXACT);
	assert_int_equal(rank("BT", "འབྲུག"), SEARCH_PREFIX);
	assert_int_equal(rank("MN", "монгол"), SEARCH_PREFIX);
	assert_int_equal(rank("KZ", "қазақстан"), SEARCH_EXACT);
	assert_int_equal(rank("AM", "հայաստան"), SEARCH_EXACT);
	assert_int_equal(rank("UZ", "ozbekiston"), SEARCH_EXACT);
	assert_int_equal(rank("VN", "viet nam"), SEARCH_EXACT);
	assert_int_equal(rank("CI", "cote"), SEARCH_PREFIX);
	assert_int_equal(rank("KI", "Thailand"), SEARCH_NONE);
	assert_int_equal(rank("ZZ", "zz"), SEARCH_EXACT);	/* unknown code */
	assert_string_equal(country_local_name("la"), "ລາວ");
	assert_null(country_local_name("FR"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_by_code),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_region),
		cmocka_unit_test(test_search),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
