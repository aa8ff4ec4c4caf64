/* test_countries.c -- ISO 3166-1 codes and names, lookup by either. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "countries.h"
#include "i18n.h"
#include "langs.h"

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

/* --- the table against Debian's iso-codes -------------------------------- */

#define ISO_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* The string value of "key" in the JSON object text [obj, end) into buf
 * (escapes other than \" and \\ do not occur in these names); 0 when
 * found. */
static int
json_field(const char *obj, const char *end, const char *key, char *buf,
    size_t size)
{
	char pat[32];
	const char *p;
	size_t n = 0;

	snprintf(pat, sizeof pat, "\"%s\": \"", key);
	p = strstr(obj, pat);
	if (p == NULL || p >= end)
		return -1;
	for (p += strlen(pat); *p != '"' && n + 1 < size; p++) {
		if (*p == '\\')
			p++;
		buf[n++] = *p;
	}
	buf[n] = '\0';
	return 0;
}

static char *
read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Every code of iso-codes with its short name is in the table, the table
 * has no other, and the common names are iso-codes' (the names are the
 * msgids of its "iso_3166-1" catalogues: they must match to the byte). */
static void
test_iso_codes(void **unused)
{
	char *json = read_all(ISO_JSON), code[8], name[256], common[256];
	const char *p, *end;
	const struct country *c;
	size_t n, seen = 0;

	(void)unused;
	if (json == NULL) {
		fprintf(stderr, "skipped: no %s (apt-get install iso-codes)\n",
		    ISO_JSON);
		skip();
	}
	countries_all(&n);
	for (p = strchr(json, '{'); p != NULL && (p = strchr(p + 1, '{')) !=
	    NULL; p = end) {
		end = strchr(p, '}');
		assert_non_null(end);
		assert_int_equal(json_field(p, end, "alpha_2", code,
		    sizeof code), 0);
		assert_int_equal(json_field(p, end, "name", name, sizeof name),
		    0);
		c = country_by_code(code);
		if (c == NULL)
			fail_msg("%s (%s) is not in the table", code, name);
		assert_string_equal(c->name, name);
		if (json_field(p, end, "common_name", common,
		    sizeof common) == 0) {
			assert_non_null(country_common_name(code));
			assert_string_equal(country_common_name(code), common);
		} else
			assert_null(country_common_name(code));
		seen++;
	}
	assert_int_equal(seen, n);
	free(json);
}

/* English readers get the common name; a reader of Korean gets iso-codes'
 * Korean name (when its catalogue is installed). */
static void
test_display(void **unused)
{
	(void)unused;
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("LANGUAGE");
	i18n_init();
	i18n_set_language("en");
	assert_string_equal(country_display("LA"), "Laos");
	assert_string_equal(country_display("kr"), "South Korea");
	assert_string_equal(country_display("TH"), "Thailand");
	assert_string_equal(country_display("XX"), "XX");
	assert_string_equal(country_display(NULL), "");
	if (access("/usr/share/locale/ko/LC_MESSAGES/iso_3166-1.mo", R_OK) == 0) {
		i18n_set_language("ko");
		assert_string_equal(country_display("KR"), "대한민국");
		assert_string_equal(country_display("TH"), "태국");
	}
	if (access("/usr/share/locale/th/LC_MESSAGES/iso_3166-1.mo", R_OK) == 0) {
		i18n_set_language("th");
		assert_string_equal(country_display("TH"), "ไทย");
	}
	/* A Lao reader reads their own country in Lao, even where
	 * iso-codes' Lao catalogue has no name for it (Debian 12's has
	 * none for "Laos"): ລາວ, in the Lao block U+0E80-U+0EFF.  Without
	 * the iso-codes catalogue, gettext gives English for every other
	 * country, and ours still gives this one. */
	i18n_set_language("lo");
	assert_memory_equal(country_display("LA"), "\xe0\xba", 2);
	i18n_set_language("bn");
	assert_string_equal(country_display("BD"), "বাংলাদেশ");
	i18n_set_language(NULL);
	assert_string_equal(country_display("LA"), "Laos");
}

static void
test_language_codes(void **unused)
{
	(void)unused;
	assert_true(i18n_code_valid("th"));
	assert_true(i18n_code_valid("fil"));
	assert_true(i18n_code_valid("pt_BR"));
	assert_false(i18n_code_valid("t"));
	assert_false(i18n_code_valid("TH"));
	assert_false(i18n_code_valid("th_"));
	assert_false(i18n_code_valid("th_th"));
	assert_false(i18n_code_valid("../x"));
	assert_false(i18n_code_valid("th/LC"));
	assert_false(i18n_code_valid(""));
	assert_false(i18n_code_valid(NULL));
	assert_string_equal(langs_name("th"), "ไทย");
	assert_string_equal(langs_name("lo"), "ລາວ");
	assert_string_equal(langs_name("ko"), "한국어");
	assert_string_equal(langs_name("id"), "Bahasa Indonesia");
	assert_string_equal(langs_name("ru"), "Русский");
	assert_string_equal(langs_name("bn"), "বাংলা");
	assert_string_equal(langs_name("pt_BR"), "Português");
	assert_string_equal(langs_name("xq"), "xq");
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
		cmocka_unit_test(test_iso_codes),
		cmocka_unit_test(test_display),
		cmocka_unit_test(test_language_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
