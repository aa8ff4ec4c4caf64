/* test_check.c -- `convene check`: each kind of fault, found with its file
 * and line, in modules generated into temporary directories; the bundled
 * module and the minimal fixture check clean; hostile input never crashes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unicode/uclean.h>

#include "check.h"
#include "content.h"
#include "ini_scan.h"
#include "module_fixture.h"
#include "util.h"

/*
 * A valid module to start from: two days, a page, a case.  Tests append
 * sections to it (from line 21 on) or replace its module.ini outright.
 */
static const char base_ini[] =
    "[module]\n"			/* 1 */
    "title = T\n"			/* 2 */
    "days = 2\n"			/* 3 */
    "timezone = Asia/Bangkok\n"		/* 4 */
    "\n"				/* 5 */
    "[session a]\n"			/* 6 */
    "day = 1\n"				/* 7 */
    "start = 09:00\n"			/* 8 */
    "minutes = 60\n"			/* 9 */
    "kind = lecture\n"			/* 10 */
    "title = A\n"			/* 11 */
    "page = pages/a.md\n"		/* 12 */
    "\n"				/* 13 */
    "[session b]\n"			/* 14 */
    "day = 2\n"				/* 15 */
    "start = 09:00\n"			/* 16 */
    "minutes = 30\n"			/* 17 */
    "kind = case-study\n"		/* 18 */
    "title = B\n"			/* 19 */
    "case = c\n";			/* 20 */

static const char base_case[] =
    "[case]\n"				/* 1 */
    "country = PK\n"			/* 2 */
    "title = C\n"			/* 3 */
    "summary = pages/c.md\n"		/* 4 */
    "question1 = Why?\n";		/* 5 */

struct fixture {
	char *dir;
	struct check_report r;
	int total;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	f->dir = fx_tempdir();
	fx_write(f->dir, "pages/a.md", "# A\n\nText.\n");
	fx_write(f->dir, "pages/c.md", "# C\n");
	fx_write(f->dir, "cases/c.ini", base_case);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	check_report_free(&f->r);
	fx_rmtree(f->dir);
	free(f);
	return 0;
}

static void
run_check(struct fixture *f)
{
	check_report_free(&f->r);
	f->total = content_check(f->dir, &f->r);
}

/* Writes module.ini as the base plus `extra`, and checks. */
static void
check_with(struct fixture *f, const char *extra)
{
	char *ini = xasprintf("%s%s", base_ini, extra);

	fx_write(f->dir, "module.ini", ini);
	free(ini);
	run_check(f);
}

static void
check_ini(struct fixture *f, const char *ini)
{
	fx_write(f->dir, "module.ini", ini);
	run_check(f);
}

static void
dump(const struct fixture *f)
{
	size_t i;
	char *s;

	for (i = 0; i < f->r.nfaults; i++) {
		s = check_fault_format(&f->r.faults[i]);
		print_message("  %s\n", s);
		free(s);
	}
}

/* Asserts a fault in `file` at `line` whose message contains `part`. */
static void
expect(const struct fixture *f, const char *file, unsigned line,
    const char *part)
{
	size_t i;

	for (i = 0; i < f->r.nfaults; i++)
		if (strcmp(f->r.faults[i].file, file) == 0 &&
		    f->r.faults[i].line == line &&
		    strstr(f->r.faults[i].message, part) != NULL)
			return;
	dump(f);
	fail_msg("no fault %s:%u containing \"%s\"", file, line, part);
}

static void
expect_count(const struct fixture *f, int n)
{
	if (f->total != n) {
		dump(f);
		fail_msg("%d faults, expected %d", f->total, n);
	}
	assert_int_equal(f->r.nfaults, (size_t)n);
}

static void
expect_clean(const struct fixture *f)
{
	expect_count(f, 0);
}

/*
 * Sound modules.
 */

static void
test_base_module_is_clean(void **state)
{
	struct fixture *f = *state;

	check_with(f, "");
	expect_clean(f);
	assert_int_equal(f->r.days, 2);
	assert_int_equal(f->r.nsessions, 2);
	assert_int_equal(f->r.npages, 2);
	assert_int_equal(f->r.ncases, 1);
}

static void
test_minimal_fixture_is_clean(void **state)
{
	struct check_report r;
	char *dir = fx_find_module("tests/data/modules/minimal");
	struct fixture f;

	(void)state;
	if (dir == NULL)
		fail_msg("tests/data/modules/minimal is missing");
	memset(&f, 0, sizeof f);
	f.total = content_check(dir, &r);
	f.r = r;
	expect_clean(&f);
	assert_int_equal(r.days, 2);
	assert_int_equal(r.nsessions, 5);
	assert_int_equal(r.npages, 3);
	assert_int_equal(r.ncases, 1);
	assert_int_equal(r.npolls, 2);
	assert_int_equal(r.nevals, 2);
	check_report_free(&r);
	free(dir);
}

/* The module the content engineer writes under content/: skipped until
 * it exists. */
static void
test_bundled_module_is_clean(void **state)
{
	char *dir = fx_find_module("content");
	struct fixture f;

	(void)state;
	if (dir == NULL) {
		skip();
		return;
	}
	memset(&f, 0, sizeof f);
	f.total = content_check(dir, &f.r);
	expect_clean(&f);
	assert_true(f.r.nsessions > 0);
	check_report_free(&f.r);
	free(dir);
}

/*
 * module.ini and [module].
 */

static void
test_missing_module_ini(void **state)
{
	struct fixture *f = *state;

	run_check(f);
	expect(f, "module.ini", 0, "missing");
	expect_count(f, 1);
}

static void
test_missing_module_section(void **state)
{
	struct fixture *f = *state;

	check_ini(f, "[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n");
	expect(f, "module.ini", 0, "no [module] section");
	expect_count(f, 1);
}

static void
test_missing_module_keys(void **state)
{
	struct fixture *f = *state;

	check_ini(f, "[module]\nprovider = P\n");
	expect(f, "module.ini", 1, "[module] has no title");
	expect(f, "module.ini", 1, "[module] has no days");
	expect(f, "module.ini", 1, "[module] has no timezone");
	expect_count(f, 3);
	check_ini(f, "[module]\ntitle =\ndays = 1\ntimezone = UTC\n"
	    "[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n");
	expect(f, "module.ini", 2, "title is empty");
	expect_count(f, 1);
}

static void
test_days_out_of_range(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "0", "15", "two", "2.5", "-1",
	    "0x2" };
	char ini[200];
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		snprintf(ini, sizeof ini, "[module]\ntitle = T\ndays = %s\n"
		    "timezone = UTC\n", bad[i]);
		check_ini(f, ini);
		expect(f, "module.ini", 3, "days must be a number from 1 to 14");
		expect_count(f, 1);
	}
}

static void
test_unknown_timezone(void **state)
{
	struct fixture *f = *state;

	check_ini(f, "[module]\ntitle = T\ndays = 1\ntimezone = Asia/Atlantis\n"
	    "[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n");
	expect(f, "module.ini", 4, "unknown time zone 'Asia/Atlantis'");
	expect_count(f, 1);
}

/* certificate_days: 1 up to the module's days; absent is fine. */
static void
test_certificate_days(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "0", "3", "two", "-1", "" };
	static const char *const sessions =
	    "[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n"
	    "[session b]\nday = 2\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = B\n";
	char ini[400];
	size_t i;

	snprintf(ini, sizeof ini, "[module]\ntitle = T\ndays = 2\n"
	    "timezone = UTC\ncertificate_days = 2\n%s", sessions);
	check_ini(f, ini);
	expect_count(f, 0);
	for (i = 0; i < NELEM(bad); i++) {
		snprintf(ini, sizeof ini, "[module]\ntitle = T\ndays = 2\n"
		    "timezone = UTC\ncertificate_days = \"%s\"\n%s", bad[i],
		    sessions);
		check_ini(f, ini);
		if (bad[i][0] != '\0') {
			expect(f, "module.ini", 5, "certificate_days must be a "
			    "number from 1 to 2");
			expect_count(f, 1);
		}
	}
}

/*
 * Sessions.
 */

static void
test_missing_session_keys(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\n");		/* line 21 */
	expect(f, "module.ini", 21, "[session c] has no day");
	expect(f, "module.ini", 21, "[session c] has no start");
	expect(f, "module.ini", 21, "[session c] has no minutes");
	expect(f, "module.ini", 21, "[session c] has no kind");
	expect(f, "module.ini", 21, "[session c] has no title");
	expect_count(f, 5);
}

static void
test_unknown_kind_and_stage(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = workshop\ntitle = C\nstage = empathize\n");
	expect(f, "module.ini", 25, "unknown kind 'workshop'");
	expect(f, "module.ini", 27, "unknown stage 'empathize'");
	expect_count(f, 2);
}

static void
test_invalid_times(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "9:00", "24:00", "09:60", "0900",
	    "09:00am", "09.00", "-1:00" };
	char extra[200];
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		snprintf(extra, sizeof extra, "[session c]\nday = 1\n"
		    "start = %s\nminutes = 5\nkind = break\ntitle = C\n",
		    bad[i]);
		check_with(f, extra);
		expect(f, "module.ini", 23, "start must be a time HH:MM");
		expect_count(f, 1);
	}
}

static void
test_invalid_minutes(void **state)
{
	struct fixture *f = *state;
	static const char *const bad[] = { "0", "601", "abc", "12abc", "-5",
	    "1e2", "5 min" };
	char extra[200];
	size_t i;

	for (i = 0; i < NELEM(bad); i++) {
		snprintf(extra, sizeof extra, "[session c]\nday = 1\n"
		    "start = 12:00\nminutes = %s\nkind = break\ntitle = C\n",
		    bad[i]);
		check_with(f, extra);
		expect(f, "module.ini", 24, "minutes must be a number from 1 "
		    "to 600");
		expect_count(f, 1);
	}
}

static void
test_day_out_of_range(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\nday = 3\nstart = 12:00\nminutes = 5\n"
	    "kind = break\ntitle = C\n"
	    "[session d]\nday = 0\nstart = 12:00\nminutes = 5\n"
	    "kind = break\ntitle = D\n");
	expect(f, "module.ini", 22, "day must be a number from 1 to 2 (the "
	    "module has 2 days), not '3'");
	expect(f, "module.ini", 28, "not '0'");
	expect_count(f, 2);
}

static void
test_overlapping_sessions(void **state)
{
	struct fixture *f = *state;

	/* a is 09:00-10:00 on day 1.  c touches it (no fault), d starts
	 * inside it, e is 12:00-15:00 and contains f, g overlaps e. */
	check_with(f,
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 30\n"	/* 21 */
	    "kind = break\ntitle = C\n"
	    "[session d]\nday = 1\nstart = 09:30\nminutes = 10\n"	/* 27 */
	    "kind = break\ntitle = D\n"
	    "[session e]\nday = 1\nstart = 12:00\nminutes = 180\n"	/* 33 */
	    "kind = break\ntitle = E\n"
	    "[session f]\nday = 1\nstart = 13:00\nminutes = 10\n"	/* 39 */
	    "kind = break\ntitle = F\n"
	    "[session g]\nday = 1\nstart = 14:00\nminutes = 90\n"	/* 45 */
	    "kind = break\ntitle = G\n"
	    "[session h]\nday = 2\nstart = 09:00\nminutes = 10\n"	/* 51 */
	    "kind = break\ntitle = H\n");
	expect(f, "module.ini", 27, "session 'd' (day 1, 09:30-09:40) "
	    "overlaps session 'a' (09:00-10:00)");
	expect(f, "module.ini", 39, "session 'f' (day 1, 13:00-13:10) "
	    "overlaps session 'e' (12:00-15:00)");
	expect(f, "module.ini", 45, "'g'");
	expect(f, "module.ini", 51, "overlaps session 'b'");
	expect_count(f, 4);
}

static void
test_session_past_midnight(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\nday = 1\nstart = 23:30\nminutes = 31\n"
	    "kind = break\ntitle = C\n");
	expect(f, "module.ini", 24, "ends after midnight");
	expect_count(f, 1);
}

static void
test_day_without_sessions(void **state)
{
	struct fixture *f = *state;
	char *ini = xstrdup(base_ini);

	ini[strstr(ini, "days = 2") - ini + 7] = '4';
	check_ini(f, ini);
	free(ini);
	expect(f, "module.ini", 3, "day 3 has no sessions");
	expect(f, "module.ini", 3, "day 4 has no sessions");
	expect_count(f, 2);
}

static void
test_page_faults(void **state)
{
	struct fixture *f = *state;
	char *outside = fx_tempdir(), *target, *extra;

	fx_write(outside, "x.md", "outside\n");
	target = path_join(outside, "x.md");
	fx_symlink(f->dir, "pages/link.md", target);
	extra = xasprintf(
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"	/* 21 */
	    "kind = break\ntitle = C\npage = pages/none.md\n"		/* 27 */
	    "[session d]\nday = 1\nstart = 10:05\nminutes = 5\n"	/* 28 */
	    "kind = break\ntitle = D\npage = ../x.md\n"			/* 34 */
	    "[session e]\nday = 1\nstart = 10:10\nminutes = 5\n"	/* 35 */
	    "kind = break\ntitle = E\npage = %s\n"			/* 41 */
	    "[session g]\nday = 1\nstart = 10:15\nminutes = 5\n"	/* 42 */
	    "kind = break\ntitle = G\npage = pages/link.md\n"		/* 48 */
	    "[session h]\nday = 1\nstart = 10:20\nminutes = 5\n"	/* 49 */
	    "kind = break\ntitle = H\npage = pages\n",			/* 55 */
	    target);
	check_with(f, extra);
	expect(f, "module.ini", 27, "'pages/none.md' does not exist");
	expect(f, "module.ini", 34, "goes up with '..'");
	expect(f, "module.ini", 41, "absolute path");
	expect(f, "module.ini", 48, "leads outside the module");
	expect(f, "module.ini", 55, "not a regular file");
	expect_count(f, 5);
	free(extra);
	free(target);
	fx_rmtree(outside);
}

static void
test_long_paths_are_never_cut_and_always_safe(void **state)
{
	struct fixture *f = *state;
	static const char longname[] = "pages/a-rather-long-page-name-for-"
	    "the-second-day-of-the-workshop.md";
	size_t i;

	fx_write(f->dir, longname, "\xff\n");
	check_with(f,
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"	/* 21 */
	    "kind = break\ntitle = C\n"
	    "page = pages/a-rather-long-page-name-for-the-second-day-of-the-"
	    "workshop.md\n"						/* 27 */
	    "[session d]\nday = 1\nstart = 10:05\nminutes = 5\n"	/* 28 */
	    "kind = break\ntitle = D\npage = pages/\x1b[2J.md\n");	/* 34 */
	expect(f, longname, 1, "invalid UTF-8");
	expect(f, "module.ini", 34, "control character U+001B");
	expect(f, "module.ini", 34, "'pages/\xef\xbf\xbd[2J.md' does not "
	    "exist");
	expect_count(f, 3);
	for (i = 0; i < f->r.nfaults; i++)
		assert_null(strchr(f->r.faults[i].message, '\x1b'));
}

static void
test_case_reference_faults(void **state)
{
	struct fixture *f = *state;

	check_with(f,
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"	/* 21 */
	    "kind = break\ntitle = C\ncase = korea\n"			/* 27 */
	    "[session d]\nday = 1\nstart = 10:05\nminutes = 5\n"	/* 28 */
	    "kind = break\ntitle = D\ncase = ../c\n");			/* 34 */
	expect(f, "module.ini", 27, "case 'korea': 'cases/korea.ini' does "
	    "not exist");
	expect(f, "module.ini", 34, "not a valid case id");
	expect_count(f, 2);
}

static void
test_unknown_keys_and_sections(void **state)
{
	struct fixture *f = *state;

	check_with(f,
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"	/* 21 */
	    "kind = break\ntitle = C\nspeeker = Me\ncolour = red\n"	/* 27 */
	    "[sesion d]\nday = 1\n"					/* 29 */
	    "[session]\n"						/* 31 */
	    "[session a.b]\n"						/* 32 */
	    "[module x]\n");						/* 33 */
	expect(f, "module.ini", 27, "unknown key 'speeker' in [session c] "
	    "(did you mean 'speaker'?)");
	expect(f, "module.ini", 28, "unknown key 'colour' in [session c]");
	expect(f, "module.ini", 29, "unknown section [sesion d]");
	expect(f, "module.ini", 31, "[session] needs an id");
	expect(f, "module.ini", 32, "[session a.b] needs an id");
	expect(f, "module.ini", 33, "unknown section [module x]");
	expect_count(f, 6);
	check_ini(f, "[module]\ntitle = T\ndays = 1\ntimezone = UTC\n"
	    "titel = T\n[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n");
	expect(f, "module.ini", 5, "did you mean 'title'?");
	expect_count(f, 1);
}

/*
 * The lines of an INI file.
 */

static void
test_invalid_utf8_bom_and_controls(void **state)
{
	struct fixture *f = *state;

	check_ini(f, "\xef\xbb\xbf[module]\ntitle = Bad \xc3\x28 byte\n"
	    "days = 1\ntimezone = UTC\nprovider = \xed\xa0\x80 surrogate\n"
	    "description = an \x1b[31m escape\n"
	    "[session a]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = \xe0\x80\xaf overlong\n");
	expect(f, "module.ini", 1, "byte order mark");
	expect(f, "module.ini", 2, "invalid UTF-8 at byte 13");
	expect(f, "module.ini", 5, "invalid UTF-8 at byte 12");
	expect(f, "module.ini", 6, "control character U+001B at byte 18");
	expect(f, "module.ini", 12, "invalid UTF-8 at byte 9");
	/* Despite the BOM (which makes iniparser refuse the file), the
	 * values were read: no "no [module]" and no missing keys. */
	expect_count(f, 5);
}

static void
test_long_line_and_syntax_error_do_not_hide_the_rest(void **state)
{
	struct fixture *f = *state;
	char *longv = xmalloc(2000), *extra;

	memset(longv, 'x', 1999);
	longv[1999] = '\0';
	extra = xasprintf("[session c]\n"			/* 21 */
	    "activity = %s\n"					/* 22 */
	    "just words\n"					/* 23 */
	    "= no key\n"					/* 24 */
	    "day = 1\nstart = 10:00\nminutes = 5\n"		/* 25..27 */
	    "kind = seminar\ntitle = C\n"			/* 28, 29 */
	    "[broken\n"						/* 30 */
	    "kind = x\n", longv);				/* 31 */
	check_with(f, extra);
	expect(f, "module.ini", 22, "the line is 2010 bytes long; the limit "
	    "is 1022");
	expect(f, "module.ini", 23, "not a section header, a key = value "
	    "line or a comment");
	expect(f, "module.ini", 24, "no key before '='");
	expect(f, "module.ini", 28, "unknown kind 'seminar'");
	expect(f, "module.ini", 30, "a bad section header");
	/* The keys under the bad header are not taken for [session c]'s. */
	expect_count(f, 5);
	free(extra);
	free(longv);
}

static void
test_line_limit_is_exact(void **state)
{
	struct fixture *f = *state;
	char line[1100], *extra;

	/* "speaker = " + 1012 x = 1022 bytes: fine; one more is not. */
	memset(line, 'x', sizeof line);
	memcpy(line, "speaker = ", 10);
	line[1022] = '\0';
	extra = xasprintf("[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\ntitle = C\n%s\n", line);
	check_with(f, extra);
	expect_clean(f);
	free(extra);
	line[1022] = 'x';
	line[1023] = '\0';
	extra = xasprintf("[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\ntitle = C\n%s\n", line);
	check_with(f, extra);
	expect(f, "module.ini", 27, "1023 bytes long");
	expect_count(f, 1);
	free(extra);
}

static void
test_repeated_keys_and_sections(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\ntitle = C\nTitle = again\n"		/* 27 */
	    "[session a]\ntitle = A2\n");			/* 28 */
	expect(f, "module.ini", 27, "'title' is already set at line 26");
	expect(f, "module.ini", 28, "section [session a] is already at "
	    "line 6");
	expect_count(f, 2);
}

static void
test_quotes_comments_and_backslashes(void **state)
{
	struct fixture *f = *state;

	check_with(f, "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\n"
	    "title = Q&A; then lunch\n"				/* 26 */
	    "speaker = \"Ann\" and Bob\n"			/* 27 */
	    "activity = \"never closed\n"			/* 28 */
	    "objectives = one \\\n"				/* 29 */
	    "page = pages/a.md\n"				/* 30 */
	    "; a comment that is fine\n"
	    "# and another\n");
	expect(f, "module.ini", 26, "';' starts a comment");
	expect(f, "module.ini", 27, "text after the closing quote");
	expect(f, "module.ini", 28, "the quote \" is never closed");
	expect(f, "module.ini", 29, "ending in a backslash");
	/* The backslash did not swallow line 30: the page was checked. */
	expect_count(f, 4);
	check_with(f, "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\ntitle = \"Q&A; then # lunch\"\n");
	expect_clean(f);
}

/*
 * Files too large; pages.
 */

static void
test_module_ini_too_large(void **state)
{
	struct fixture *f = *state;
	size_t n = CONTENT_MAX_INI_BYTES + 1;
	char *big = xmalloc(n);

	memset(big, '\n', n);
	fx_write_n(f->dir, "module.ini", big, n);
	free(big);
	run_check(f);
	expect(f, "module.ini", 0, "larger than 1048576 bytes");
	expect_count(f, 1);
}

static void
test_page_content_faults(void **state)
{
	struct fixture *f = *state;
	size_t n = CONTENT_MAX_PAGE_BYTES + 1;
	char *big = xmalloc(n), *longl;

	memset(big, 'x', n);
	fx_write_n(f->dir, "pages/big.md", big, n);
	free(big);
	longl = xmalloc(9000 + 32);
	memcpy(longl, "# Title\n", 8);
	memset(longl + 8, 'y', 9000);
	memcpy(longl + 9008, "\nok \xff\xfe\n\x07 bell\n", 14);
	fx_write_n(f->dir, "pages/a.md", longl, 9008 + 14);
	free(longl);
	fx_write(f->dir, "pages/empty.md", "");
	fx_write(f->dir, "pages/bom.md", "\xef\xbb\xbf# BOM\n");
	check_with(f,
	    "[session c]\nday = 1\nstart = 10:00\nminutes = 5\n"
	    "kind = break\ntitle = C\npage = pages/big.md\n"
	    "[session d]\nday = 1\nstart = 10:05\nminutes = 5\n"
	    "kind = break\ntitle = D\npage = pages/empty.md\n"
	    "[session e]\nday = 1\nstart = 10:10\nminutes = 5\n"
	    "kind = break\ntitle = E\npage = pages/bom.md\n"
	    "[session g]\nday = 1\nstart = 10:15\nminutes = 5\n"
	    "kind = break\ntitle = G\npage = pages/a.md\n");
	expect(f, "pages/big.md", 0, "larger than 262144 bytes");
	expect(f, "pages/empty.md", 0, "the page is empty");
	expect(f, "pages/bom.md", 1, "byte order mark");
	expect(f, "pages/a.md", 2, "9000 bytes long; the limit is 8192");
	expect(f, "pages/a.md", 3, "invalid UTF-8 at byte 4");
	expect(f, "pages/a.md", 4, "control character U+0007");
	/* pages/a.md is named twice (sessions a and g) but checked once. */
	expect_count(f, 6);
}

/*
 * Polls and evaluation.
 */

static void
test_poll_faults(void **state)
{
	struct fixture *f = *state;

	check_with(f,
	    "[poll p1]\nsession = nowhere\nquestion = Q\nkind = single\n"	/* 21 */
	    "option1 = a\noption2 = b\n"
	    "[poll p2]\nsession = a\nquestion = Q\nkind = single\n"		/* 27 */
	    "option1 = only\n"
	    "[poll p3]\nsession = b\nquestion = Q\nkind = scale\n"		/* 32 */
	    "option1 = a\noption2 = b\n"
	    "[poll p4]\nsession = a\nquestion = Q\nkind = ranking\n"	/* 38 */
	    "[poll p5]\nsession = B\nkind = multi\n"				/* 42 */
	    "option1 = a\noption3 = c\noption10 = j\noption4 =\n");
	expect(f, "module.ini", 22, "names session 'nowhere', which is not "
	    "on the agenda");
	expect(f, "module.ini", 27, "poll 'p2' needs 2 to 9 options");
	expect(f, "module.ini", 32, "poll 'p3' is a scale (1 to 5) and takes "
	    "no options, but has 2");
	expect(f, "module.ini", 39, "session 'a' already has the poll at "
	    "line 27");
	expect(f, "module.ini", 41, "unknown poll kind 'ranking'");
	expect(f, "module.ini", 42, "[poll p5] has no question");
	/* "B" is session b, which already has p3. */
	expect(f, "module.ini", 43, "session 'b' already has the poll at "
	    "line 32");
	expect(f, "module.ini", 46, "option3 comes without option2");
	expect(f, "module.ini", 47, "unknown key 'option10'");
	expect(f, "module.ini", 48, "option4 is empty");
	expect(f, "module.ini", 48, "option4 comes without option2");
	expect_count(f, 11);
}

static void
test_evaluation_faults(void **state)
{
	struct fixture *f = *state;

	check_with(f,
	    "[evaluation e1]\nquestion = Q\nkind = essay\n"	/* 21 */
	    "[evaluation e2]\nkind = text\n"			/* 24 */
	    "[evaluation e3]\nquestion = Q\nscale = 5\n"	/* 26 */
	    "[evaluation e4]\nquestion = Fine\nkind = scale\n");
	expect(f, "module.ini", 23, "unknown evaluation kind 'essay'");
	expect(f, "module.ini", 24, "[evaluation e2] has no question");
	expect(f, "module.ini", 26, "[evaluation e3] has no kind");
	expect(f, "module.ini", 28, "unknown key 'scale'");
	expect_count(f, 4);
}

/*
 * Case studies.
 */

static void
test_case_file_faults(void **state)
{
	struct fixture *f = *state;

	fx_write(f->dir, "cases/c.ini", "[case]\ncountry = kor\n"
	    "summary = pages/none.md\nquestion2 = Q\nsumary = typo\n"
	    "[extra]\n");
	fx_write(f->dir, "cases/d.ini", "[case]\ncountry = QQ\ntitle = D\n"
	    "summary = pages/c.md\n");
	fx_write(f->dir, "cases/e.ini", "; no section at all\n");
	fx_write(f->dir, "cases/bad name.ini", "[case]\n");
	fx_write(f->dir, "cases/f.ini", "[case]\ncountry = ph\ntitle = F\n"
	    "summary = pages/c.md\n");
	check_with(f, "");
	expect(f, "cases/c.ini", 1, "[case] has no title");
	expect(f, "cases/c.ini", 2, "country must be a two-letter ISO "
	    "3166-1 code in capitals");
	expect(f, "cases/c.ini", 3, "summary: 'pages/none.md' does not exist");
	expect(f, "cases/c.ini", 4, "question2 comes without question1");
	expect(f, "cases/c.ini", 5, "did you mean 'summary'?");
	expect(f, "cases/c.ini", 6, "unknown section [extra]");
	expect(f, "cases/d.ini", 2, "unknown country code 'QQ'");
	expect(f, "cases/e.ini", 0, "no [case] section");
	expect(f, "cases/bad name.ini", 0, "the file name is not ID.ini");
	expect(f, "cases/f.ini", 2, "not 'ph'");
	expect_count(f, 10);
	/* module.ini faults come first, then the files by name. */
	assert_string_equal(f->r.faults[0].file, "cases/bad name.ini");
}

static void
test_case_missing_required_keys(void **state)
{
	struct fixture *f = *state;

	fx_write(f->dir, "cases/c.ini", "[case]\nquestion1 = Q\n");
	check_with(f, "");
	expect(f, "cases/c.ini", 1, "[case] has no country");
	expect(f, "cases/c.ini", 1, "[case] has no title");
	expect(f, "cases/c.ini", 1, "[case] has no summary");
	expect_count(f, 3);
}

/*
 * Sizes and hostile modules.
 */

static char *
many_sessions(size_t n, int days)
{
	size_t cap = n * 100 + 200, len, i;
	char *s = xmalloc(cap);

	len = (size_t)snprintf(s, cap, "[module]\ntitle = Many\ndays = %d\n"
	    "timezone = UTC\n", days);
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "[session s%zu]\n"
		    "day = %zu\nstart = %02zu:%02zu\nminutes = 1\n"
		    "kind = break\ntitle = S\n", i, i % (size_t)days + 1,
		    i / (size_t)days / 60, i / (size_t)days % 60);
	return s;
}

static void
test_more_than_200_sessions(void **state)
{
	struct fixture *f = *state;
	char *ini = many_sessions(200, 1);

	check_ini(f, ini);
	free(ini);
	expect_clean(f);
	ini = many_sessions(201, 1);
	check_ini(f, ini);
	free(ini);
	/* The 201st session's header: 4 lines of [module], 6 per session. */
	expect(f, "module.ini", 4 + 200 * 6 + 1, "more than 200 sessions");
	expect_count(f, 1);
}

static void
test_thousands_of_sessions(void **state)
{
	struct fixture *f = *state;
	char *ini = many_sessions(4000, 4);
	clock_t t0 = clock();

	check_ini(f, ini);
	free(ini);
	expect(f, "module.ini", 0, "sections and keys: far more than a "
	    "module needs");
	assert_true(f->total >= 1);
	ini = many_sessions(2500, 5);
	check_ini(f, ini);
	free(ini);
	expect(f, "module.ini", 4 + 200 * 6 + 1, "more than 200 sessions");
	expect_count(f, 1);
	/* Generous: it takes well under a second. */
	assert_true(clock() - t0 < 10 * CLOCKS_PER_SEC);
}

static void
test_binary_garbage(void **state)
{
	struct fixture *f = *state;
	char buf[65536];
	unsigned x = 7;
	size_t i;

	for (i = 0; i < sizeof buf; i++) {
		x = x * 1103515245u + 12345u;
		buf[i] = (char)(x >> 16);
	}
	fx_write_n(f->dir, "module.ini", buf, sizeof buf);
	fx_write_n(f->dir, "cases/c.ini", buf, sizeof buf / 2);
	fx_write_n(f->dir, "pages/a.md", buf, sizeof buf);
	run_check(f);
	assert_true(f->total > 0);
	assert_true(f->r.nfaults <= CHECK_MAX_FAULTS);
	expect(f, "module.ini", 0, "no [module] section");
}

static void
test_empty_files(void **state)
{
	struct fixture *f = *state;

	fx_write(f->dir, "module.ini", "");
	fx_write(f->dir, "cases/c.ini", "");
	fx_write(f->dir, "pages/a.md", "");
	run_check(f);
	expect(f, "module.ini", 0, "no [module] section");
	expect(f, "cases/c.ini", 0, "no [case] section");
	expect_count(f, 2);
}

static void
test_100k_lines(void **state)
{
	struct fixture *f = *state;
	size_t n = 100 * 1024;
	char *line = xmalloc(n + 64), *extra;

	memset(line, 'z', n);
	line[n] = '\0';
	fx_write(f->dir, "pages/a.md", line);
	extra = xasprintf("[session c]\ntitle = %s\n", line);
	check_with(f, extra);
	expect(f, "module.ini", 22, "102408 bytes long");
	expect(f, "pages/a.md", 1, "102400 bytes long");
	free(extra);
	free(line);
}

static void
test_fault_limits(void **state)
{
	struct fixture *f = *state;
	size_t n = 3000, i, len = 0;
	char *ini = xmalloc(n * 8 + 64);

	/* 3000 bad lines: the scan lists 200 of them, the rest are counted
	 * (plus the missing [module]). */
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(ini + len, "bad %zu\n", i % 10);
	check_ini(f, ini);
	free(ini);
	assert_int_equal(f->total, 3001);
	assert_int_equal(f->r.nfaults, INI_SCAN_MAX_FAULTS + 1);
	assert_int_equal(f->r.unlisted, 3000 - INI_SCAN_MAX_FAULTS);
}

static void
test_fault_format_and_order(void **state)
{
	struct fixture *f = *state;
	char *s;

	fx_write(f->dir, "cases/c.ini", "[case]\ncountry = PK\ntitle = C\n"
	    "summary = pages/c.md\nfoo = 1\n");
	check_with(f, "[weird]\n");
	expect_count(f, 2);
	assert_string_equal(f->r.faults[0].file, "module.ini");
	assert_string_equal(f->r.faults[1].file, "cases/c.ini");
	s = check_fault_format(&f->r.faults[0]);
	assert_string_equal(s, "module.ini:21: unknown section [weird]: use "
	    "[module], [session ID], [poll ID] or [evaluation ID]");
	free(s);
	f->r.faults[1].line = 0;
	s = check_fault_format(&f->r.faults[1]);
	assert_string_equal(s, "cases/c.ini: unknown key 'foo' in [case]");
	free(s);
}

/*
 * The scanner on its own.
 */

static void
test_scan_keeps_lines_and_cleans(void **state)
{
	struct ini_scan s;
	const struct ini_scan_section *sec;
	static const char text[] =
	    "\xef\xbb\xbf; comment\n"		/* 1 */
	    "[Session  A]\n"			/* 2 */
	    "  Day = 1\n"			/* 3 */
	    "[bad\n"				/* 4 */
	    "x = 1\n";				/* 5 */

	(void)state;
	memset(&s, 0, sizeof s);
	ini_scan_buffer(text, sizeof text - 1, &s);
	assert_int_equal(s.nsecs, 2);
	assert_string_equal(s.secs[0].name, "session  a");
	assert_int_equal(s.secs[0].line, 2);
	assert_int_equal(s.secs[0].usable, 1);
	assert_int_equal(s.secs[1].usable, 0);
	sec = ini_scan_find(&s, "session  a");
	assert_non_null(sec);
	assert_int_equal(ini_scan_key(sec, "day")->line, 3);
	assert_null(ini_scan_key(sec, "x"));
	assert_int_equal(s.nfaults, 2);
	assert_int_equal(s.faults[0].line, 1);
	assert_int_equal(s.faults[1].line, 4);
	assert_non_null(s.clean);
	assert_null(strstr(s.clean, "\xef\xbb\xbf"));
	assert_non_null(strstr(s.clean, "[?4]"));
	assert_int_equal(s.nentries, 4);
	ini_scan_free(&s);
	ini_scan_buffer("[a]\nb = c\n", 10, &s);
	assert_null(s.clean);		/* iniparser can read it as it is */
	assert_int_equal(s.nfaults, 0);
	ini_scan_free(&s);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_base_module_is_clean),
		cmocka_unit_test(test_minimal_fixture_is_clean),
		cmocka_unit_test(test_bundled_module_is_clean),
		T(test_missing_module_ini),
		T(test_missing_module_section),
		T(test_missing_module_keys),
		T(test_days_out_of_range),
		T(test_unknown_timezone),
		T(test_certificate_days),
		T(test_missing_session_keys),
		T(test_unknown_kind_and_stage),
		T(test_invalid_times),
		T(test_invalid_minutes),
		T(test_day_out_of_range),
		T(test_overlapping_sessions),
		T(test_session_past_midnight),
		T(test_day_without_sessions),
		T(test_page_faults),
		T(test_long_paths_are_never_cut_and_always_safe),
		T(test_case_reference_faults),
		T(test_unknown_keys_and_sections),
		T(test_invalid_utf8_bom_and_controls),
		T(test_long_line_and_syntax_error_do_not_hide_the_rest),
		T(test_line_limit_is_exact),
		T(test_repeated_keys_and_sections),
		T(test_quotes_comments_and_backslashes),
		T(test_module_ini_too_large),
		T(test_page_content_faults),
		T(test_poll_faults),
		T(test_evaluation_faults),
		T(test_case_file_faults),
		T(test_case_missing_required_keys),
		T(test_more_than_200_sessions),
		T(test_thousands_of_sessions),
		T(test_binary_garbage),
		T(test_empty_files),
		T(test_100k_lines),
		T(test_fault_limits),
		T(test_fault_format_and_order),
		cmocka_unit_test(test_scan_keeps_lines_and_cleans),
	};
#undef T

	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	u_cleanup();	/* ICU's caches, for valgrind */
	return failed;
}
