/* test_percent.c -- the one percentage function: largest remainder, its
 * tie rule, zero totals, sums of 100, and shares of people. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "percent.h"

static int
sum(const int *pct, size_t n)
{
	int s = 0;
	size_t i;

	for (i = 0; i < n; i++)
		s += pct[i];
	return s;
}

/* The case: three equal thirds, the leftover point to the first. */
static void
test_thirds(void **state)
{
	unsigned long c[3] = { 1, 1, 1 };
	int pct[3];

	(void)state;
	percent_split(c, 3, pct);
	assert_int_equal(pct[0], 34);
	assert_int_equal(pct[1], 33);
	assert_int_equal(pct[2], 33);
}

static void
test_largest_remainder(void **state)
{
	unsigned long c[3] = { 4, 2, 1 };	/* 57.14, 28.57, 14.29 */
	int pct[3];

	(void)state;
	percent_split(c, 3, pct);
	assert_int_equal(pct[0], 57);
	assert_int_equal(pct[1], 29);
	assert_int_equal(pct[2], 14);
}

/* Equal remainders: the larger count first, then the earlier item. */
static void
test_tie_rule(void **state)
{
	unsigned long c[3] = { 1, 4, 10 };	/* 6.67, 26.67, 66.67 */
	unsigned long d[4] = { 1, 1, 1, 3 };	/* 16.67 x 3, 50 */
	int pct[4];

	(void)state;
	percent_split(c, 3, pct);
	/* Remainders 10, 10, 10 (of 15): two points, to 10 and 4. */
	assert_int_equal(pct[0], 6);
	assert_int_equal(pct[1], 27);
	assert_int_equal(pct[2], 67);
	percent_split(d, 4, pct);
	assert_int_equal(pct[0], 17);
	assert_int_equal(pct[1], 17);
	assert_int_equal(pct[2], 16);
	assert_int_equal(pct[3], 50);
}

static void
test_zero_total(void **state)
{
	unsigned long c[3] = { 0, 0, 0 };
	int pct[3] = { 7, 7, 7 };

	(void)state;
	percent_split(c, 3, pct);
	assert_int_equal(sum(pct, 3), 0);
	percent_split(c, 0, pct);
	assert_int_equal(percent_of_people(3, 0), 0);
}

/* Every split of up to 40 people among up to 7 options adds up to 100
 * and no share is more than one point from its exact value. */
static void
test_always_100(void **state)
{
	unsigned long c[7];
	int pct[7];
	unsigned long total, seed = 12345;
	size_t n, i, trial;

	(void)state;
	for (trial = 0; trial < 5000; trial++) {
		n = 1 + trial % 7;
		total = 0;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245UL + 12345UL;
			c[i] = (seed >> 16) % 41;
			total += c[i];
		}
		percent_split(c, n, pct);
		if (total == 0) {
			assert_int_equal(sum(pct, n), 0);
			continue;
		}
		assert_int_equal(sum(pct, n), 100);
		for (i = 0; i < n; i++) {
			assert_true((unsigned long)pct[i] * total <=
			    100 * c[i] + total);
			assert_true((unsigned long)pct[i] * total + total >
			    100 * c[i]);
		}
	}
}

static void
test_one_item(void **state)
{
	unsigned long c[1] = { 9 };
	int pct[1];

	(void)state;
	percent_split(c, 1, pct);
	assert_int_equal(pct[0], 100);
}

/* Multiple answers: each option's share of the respondents, on its own. */
static void
test_of_people(void **state)
{
	(void)state;
	assert_int_equal(percent_of_people(3, 3), 100);
	assert_int_equal(percent_of_people(1, 3), 33);
	assert_int_equal(percent_of_people(2, 3), 67);
	assert_int_equal(percent_of_people(1, 8), 13);	/* 12.5 half up */
	assert_int_equal(percent_of_people(0, 5), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thirds),
		cmocka_unit_test(test_largest_remainder),
		cmocka_unit_test(test_tie_rule),
		cmocka_unit_test(test_zero_total),
		cmocka_unit_test(test_always_100),
		cmocka_unit_test(test_one_item),
		cmocka_unit_test(test_of_people),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
