/* test_search.c -- the one search: case, accents (Latin, Cyrillic, Greek
 * only), word starts, over names in the scripts of the 16 states. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "search.h"

#define RANK(q, t) search_text((q), (t))

static void
test_word_starts(void **unused)
{
	(void)unused;
	assert_int_equal(RANK("Minjun", "Kim Minjun"), SEARCH_WORD);
	assert_int_equal(RANK("kim", "Kim Minjun"), SEARCH_PREFIX);
	assert_int_equal(RANK("kim minjun", "Kim  Minjun"), SEARCH_EXACT);
	assert_int_equal(RANK("jun", "Kim Minjun"), SEARCH_NONE);
	assert_int_equal(RANK("pierre", "Jean-Pierre Dubois"), SEARCH_WORD);
	assert_int_equal(RANK("", "anything"), SEARCH_WORD);
	assert_int_equal(RANK("  ", "anything"), SEARCH_WORD);
	assert_int_equal(RANK("x", NULL), SEARCH_NONE);
	assert_int_equal(RANK("Kim Minjun and more", "Kim Minjun"),
	    SEARCH_NONE);
}

/* Vietnamese, Uzbek Latin, Turkish-style letters: accents go. */
static void
test_latin_accents(void **unused)
{
	(void)unused;
	assert_int_equal(RANK("nguyen", "Nguyễn Thị Lan"), SEARCH_PREFIX);
	assert_int_equal(RANK("thi lan", "Nguyễn Thị Lan"), SEARCH_WORD);
	assert_int_equal(RANK("dang", "Đặng Văn Hùng"), SEARCH_PREFIX);
	assert_int_equal(RANK("hung", "Đặng Văn Hùng"), SEARCH_WORD);
	/* decomposed spelling (e + U+0302 + U+0303) is the same name */
	assert_int_equal(RANK("Nguye\xcc\x82\xcc\x83n", "Nguyễn"),
	    SEARCH_EXACT);
	assert_int_equal(RANK("gulomov", "Gʻulomov Oʻtkir"), SEARCH_PREFIX);
	assert_int_equal(RANK("otkir", "Gʻulomov Oʻtkir"), SEARCH_WORD);
	assert_int_equal(RANK("o'tkir", "Gʻulomov Oʻtkir"), SEARCH_WORD);
	assert_int_equal(RANK("strasse", "Straße"), SEARCH_EXACT);
	assert_int_equal(RANK("ISTANBUL", "İstanbul"), SEARCH_EXACT);
	assert_int_equal(RANK("cote", "Côte d'Ivoire"), SEARCH_PREFIX);
}

/* Mongolian and Kazakh Cyrillic, Greek, Armenian: case folds; Cyrillic
 * and Greek accents go; Kazakh letters of their own stay letters. */
static void
test_cyrillic_greek_armenian(void **unused)
{
	(void)unused;
	assert_int_equal(RANK("бат-эрдэнэ", "БАТ-ЭРДЭНЭ Ганболд"),
	    SEARCH_PREFIX);
	assert_int_equal(RANK("ганболд", "Бат-Эрдэнэ Ганболд"), SEARCH_WORD);
	assert_int_equal(RANK("эрдэнэ", "Бат-Эрдэнэ Ганболд"), SEARCH_WORD);
	assert_int_equal(RANK("федоров", "Фёдоров"), SEARCH_EXACT);
	assert_int_equal(RANK("нұрсұлтан", "НҰРСҰЛТАН Әбішев"), SEARCH_PREFIX);
	assert_int_equal(RANK("әбішев", "Нұрсұлтан Әбішев"), SEARCH_WORD);
	/* ұ is a letter, not у with an accent */
	assert_int_equal(RANK("нурсултан", "Нұрсұлтан"), SEARCH_NONE);
	assert_int_equal(RANK("ελενη", "Ελένη Παπαδοπούλου"), SEARCH_PREFIX);
	assert_int_equal(RANK("ΠΑΠΑΔΟΠΟΥΛΟΥ", "Ελένη Παπαδοπούλου"),
	    SEARCH_WORD);
	assert_int_equal(RANK("արամ", "Արամ Հովհաննիսյան"), SEARCH_PREFIX);
	assert_int_equal(RANK("ՀՈՎՀԱՆՆԻՍՅԱՆ", "Արամ Հովհաննիսյան"),
	    SEARCH_WORD);
}

/* Korean, Thai, Lao, Sinhala, Bengali: no case; their vowel signs are
 * letters and are never stripped. */
static void
test_marks_kept(void **unused)
{
	(void)unused;
	assert_int_equal(RANK("민준", "김 민준"), SEARCH_WORD);
	assert_int_equal(RANK("김", "김 민준"), SEARCH_PREFIX);
	assert_int_equal(RANK("김미", "김민준"), SEARCH_NONE);
	assert_int_equal(RANK("สมชาย", "สมชาย ใจดี"), SEARCH_PREFIX);
	assert_int_equal(RANK("ใจดี", "สมชาย ใจดี"), SEARCH_WORD);
	/* สมชาย without its vowel sign า is another word */
	assert_int_equal(RANK("สมชย", "สมชาย ใจดี"), SEARCH_NONE);
	assert_int_equal(RANK("ຄຳ", "ບຸນມີ ຄຳພູວົງ"), SEARCH_WORD);
	assert_int_equal(RANK("ຄາ", "ບຸນມີ ຄຳພູວົງ"), SEARCH_NONE);
	assert_int_equal(RANK("පෙරේරා", "නිමල් පෙරේරා"), SEARCH_WORD);
	assert_int_equal(RANK("පරර", "නිමල් පෙරේරා"), SEARCH_NONE);
	assert_int_equal(RANK("রহমান", "মো. রহমান"), SEARCH_WORD);
	assert_int_equal(RANK("রহমন", "মো. রহমান"), SEARCH_NONE);
	/* Bengali ো written as one code point or as its two parts */
	assert_int_equal(RANK("ম\xe0\xa7\x87\xe0\xa6\xbe", "মো"), SEARCH_EXACT);
}

/* Urdu, Dhivehi, Dzongkha: words between spaces and between tsheg. */
static void
test_rtl_and_tibetan(void **unused)
{
	(void)unused;
	assert_int_equal(RANK("علی", "محمد علی خان"), SEARCH_WORD);
	assert_int_equal(RANK("خان", "محمد علی خان"), SEARCH_WORD);
	/* a vowel mark is kept: عَلی is not علی */
	assert_int_equal(RANK("عَلی", "محمد علی"), SEARCH_NONE);
	assert_int_equal(RANK("އަޙްމަދު", "އަޙްމަދު ނާޝިދު"), SEARCH_PREFIX);
	assert_int_equal(RANK("ނާޝިދު", "އަޙްމަދު ނާޝިދު"), SEARCH_WORD);
	assert_int_equal(RANK("ནޝދ", "އަޙްމަދު ނާޝިދު"), SEARCH_NONE);
	assert_int_equal(RANK("རྡོ་རྗེ", "བསོད་ནམས་རྡོ་རྗེ"), SEARCH_WORD);
	assert_int_equal(RANK("ནམས", "བསོད་ནམས་རྡོ་རྗེ"), SEARCH_WORD);
}

static void
test_whole_words(void **unused)
{
	struct search *q = search_new("minjun");

	(void)unused;
	assert_true(search_whole_words(q, "Kim Minjun"));
	assert_true(search_whole_words(q, "Minjun-Park"));
	assert_false(search_whole_words(q, "Kim Minjung"));
	search_free(q);
	q = search_new("min");
	assert_false(search_whole_words(q, "Kim Minjun"));
	search_free(q);
	q = search_new("");
	assert_false(search_whole_words(q, "Kim Minjun"));
	search_free(q);
}

static void
test_next_offsets(void **unused)
{
	struct search *q = search_new("nguyen");
	const char *t = "Bà Nguyễn, ông NGUYEN";
	size_t s, e;

	(void)unused;
	assert_true(search_next(q, t, 0, &s, &e));
	assert_int_equal(s, strlen("Bà "));
	assert_int_equal(e, strlen("Bà Nguyễn"));
	assert_true(search_next(q, t, e, &s, &e));
	assert_int_equal(s, strlen("Bà Nguyễn, ông "));
	assert_int_equal(e, strlen(t));
	assert_false(search_next(q, t, e, &s, &e));
	search_free(q);
	/* a query that ends inside a decomposed character takes it whole */
	q = search_new("nguye");
	assert_true(search_next(q, "Nguyễn", 0, &s, &e));
	assert_int_equal(e, strlen("Nguyễ"));
	search_free(q);
	q = search_new("");
	assert_true(search_empty(q));
	assert_false(search_next(q, "x", 0, &s, &e));
	search_free(q);
	/* ill-formed UTF-8 is compared, never read past */
	assert_int_equal(RANK("ab", "\xff" "ab"), SEARCH_WORD);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_starts),
		cmocka_unit_test(test_latin_accents),
		cmocka_unit_test(test_cyrillic_greek_armenian),
		cmocka_unit_test(test_marks_kept),
		cmocka_unit_test(test_rtl_and_tibetan),
		cmocka_unit_test(test_whole_words),
		cmocka_unit_test(test_next_offsets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
