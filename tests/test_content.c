/* test_content.c -- loading modules: the fields, the order, lenience, and
 * the path rules of content_read_page(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uclean.h>

#include "content.h"
#include "ini_scan.h"
#include "module_fixture.h"
#include "state.h"
#include "util.h"

static struct module *
load_minimal(char **dirp)
{
	char *err = NULL, *dir = fx_find_module("tests/data/modules/minimal");
	struct module *m;

	if (dir == NULL)
		fail_msg("tests/data/modules/minimal is missing");
	m = content_load(dir, &err);
	if (m == NULL)
		fail_msg("load: %s", err);
	*dirp = dir;
	return m;
}

static void
test_minimal_module_fields(void **state)
{
	char *dir;
	struct module *m = load_minimal(&dir);

	(void)state;
	assert_string_equal(m->dir, dir);
	assert_string_equal(m->title, "Minimal test module");
	assert_string_equal(m->provider, "convene tests");
	assert_int_equal(m->days, 2);
	assert_string_equal(m->timezone, "Asia/Bangkok");
	/* Quotes keep the ';' that would otherwise start a comment. */
	assert_string_equal(m->description, "Two short days; every kind of "
	    "section; a value with a ; kept by quotes");
	module_free(m);
	free(dir);
}

static void
test_minimal_agenda_in_order(void **state)
{
	static const struct {
		const char *id;
		int day, start, minutes;
		enum session_kind kind;
		enum design_stage stage;
	} want[] = {
		{ "welcome", 1, 540, 30, KIND_LECTURE, STAGE_NONE },
		{ "ideas", 1, 570, 45, KIND_GROUP_WORK, STAGE_IDEATE },
		{ "tea", 1, 615, 15, KIND_BREAK, STAGE_NONE },
		{ "korea", 2, 540, 60, KIND_CASE_STUDY, STAGE_NONE },
		{ "wrap", 2, 600, 30, KIND_DISCUSSION, STAGE_LAUNCH },
	};
	char *dir;
	struct module *m = load_minimal(&dir);
	const struct agenda_item *it;
	size_t i;

	(void)state;
	assert_int_equal(m->nitems, NELEM(want));
	for (i = 0; i < NELEM(want); i++) {
		it = &m->items[i];
		assert_string_equal(it->id, want[i].id);
		assert_int_equal(it->day, want[i].day);
		assert_int_equal(it->start_min, want[i].start);
		assert_int_equal(it->minutes, want[i].minutes);
		assert_int_equal(it->kind, want[i].kind);
		assert_int_equal(it->stage, want[i].stage);
	}
	it = module_item(m, "welcome");
	assert_non_null(it);
	assert_string_equal(it->speaker, "Lead facilitator");
	assert_string_equal(it->page, "pages/welcome.md");
	assert_string_equal(it->objectives, "Know the plan | Meet the others");
	assert_null(it->activity);
	assert_string_equal(module_item(m, "ideas")->activity,
	    "One idea per note: how might we shorten the queue?");
	assert_string_equal(module_item(m, "korea")->case_id, "korea");
	assert_null(module_item(m, "wrap")->page);
	assert_null(module_item(m, "nowhere"));
	module_free(m);
	free(dir);
}

static void
test_minimal_polls_evals_cases(void **state)
{
	char *dir;
	struct module *m = load_minimal(&dir);
	const struct case_study *c;

	(void)state;
	assert_int_equal(m->npolls, 2);
	assert_string_equal(m->polls[0].id, "channel");
	assert_string_equal(m->polls[0].session_id, "welcome");
	assert_int_equal(m->polls[0].kind, POLL_SINGLE);
	assert_int_equal(m->polls[0].noptions, 2);
	assert_string_equal(m->polls[0].options[1], "Online");
	assert_int_equal(m->polls[1].kind, POLL_SCALE);
	assert_int_equal(m->polls[1].noptions, 0);
	assert_string_equal(module_item(m, "welcome")->poll_id, "channel");
	assert_string_equal(module_item(m, "ideas")->poll_id, "confidence");
	assert_null(module_item(m, "tea")->poll_id);

	assert_int_equal(m->nevals, 2);
	assert_string_equal(m->evals[0].id, "useful");
	assert_int_equal(m->evals[0].scale, 1);
	assert_string_equal(m->evals[1].id, "change");
	assert_int_equal(m->evals[1].scale, 0);

	assert_int_equal(m->ncases, 1);
	c = module_case(m, "korea");
	assert_non_null(c);
	assert_string_equal(c->country, "KR");
	assert_string_equal(c->summary_page, "pages/cases/korea.md");
	assert_int_equal(c->nquestions, 2);
	assert_string_equal(c->questions[1], "What would you reuse?");
	assert_null(module_case(m, "pakistan"));
	module_free(m);
	free(dir);
}

static const char module_head[] =
    "[module]\ntitle = T\ndays = 3\ntimezone = Asia/Bangkok\n";

static void
test_items_sorted_by_day_then_start(void **state)
{
	char *dir = fx_tempdir(), *err = NULL;
	struct module *m;

	(void)state;
	fx_write(dir, "module.ini", "[module]\ntitle = T\ndays = 3\n"
	    "timezone = Asia/Bangkok\n"
	    "[session late]\nday = 2\nstart = 14:00\nminutes = 5\n"
	    "kind = lecture\ntitle = L\n"
	    "[session first]\nday = 1\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = F\n"
	    "[session early]\nday = 2\nstart = 08:00\nminutes = 5\n"
	    "kind = lecture\ntitle = E\n"
	    "[session last]\nday = 3\nstart = 00:00\nminutes = 5\n"
	    "kind = lecture\ntitle = Z\n");
	m = content_load(dir, &err);
	assert_non_null(m);
	assert_int_equal(m->nitems, 4);
	assert_string_equal(m->items[0].id, "first");
	assert_string_equal(m->items[1].id, "early");
	assert_string_equal(m->items[2].id, "late");
	assert_string_equal(m->items[3].id, "last");
	module_free(m);
	fx_rmtree(dir);
}

static void
test_read_page_inside_only(void **state)
{
	char *dir = fx_tempdir(), *outside = fx_tempdir(), *text, *target;
	struct module *m;

	(void)state;
	fx_write(dir, "module.ini", module_head);
	fx_write(dir, "pages/a.md", "# A\n");
	fx_write(outside, "secret.md", "secret\n");
	target = path_join(outside, "secret.md");
	fx_symlink(dir, "pages/evil.md", target);
	fx_symlink(dir, "pages/alias.md", "a.md");
	m = content_load(dir, NULL);
	assert_non_null(m);

	text = content_read_page(m, "pages/a.md");
	assert_non_null(text);
	assert_string_equal(text, "# A\n");
	free(text);
	text = content_read_page(m, "./pages//a.md");
	assert_non_null(text);
	free(text);
	text = content_read_page(m, "pages/alias.md");	/* a link inside */
	assert_non_null(text);
	free(text);
	assert_null(content_read_page(m, "pages/evil.md"));
	assert_null(content_read_page(m, "pages/../pages/a.md"));
	assert_null(content_read_page(m, "../secret.md"));
	assert_null(content_read_page(m, target));	/* absolute */
	assert_null(content_read_page(m, "pages"));	/* a directory */
	assert_null(content_read_page(m, "pages/none.md"));
	assert_null(content_read_page(m, ""));
	assert_null(content_read_page(m, NULL));
	free(target);
	module_free(m);
	fx_rmtree(dir);
	fx_rmtree(outside);
}

static void
test_read_page_size_limit(void **state)
{
	char *dir = fx_tempdir(), *big, *text;
	struct module *m;

	(void)state;
	fx_write(dir, "module.ini", module_head);
	big = xmalloc(CONTENT_MAX_PAGE_BYTES + 1);
	memset(big, 'x', CONTENT_MAX_PAGE_BYTES + 1);
	fx_write_n(dir, "pages/big.md", big, CONTENT_MAX_PAGE_BYTES + 1);
	fx_write_n(dir, "pages/max.md", big, CONTENT_MAX_PAGE_BYTES);
	m = content_load(dir, NULL);
	assert_null(content_read_page(m, "pages/big.md"));
	text = content_read_page(m, "pages/max.md");
	assert_non_null(text);
	assert_int_equal(strlen(text), CONTENT_MAX_PAGE_BYTES);
	free(text);
	free(big);
	module_free(m);
	fx_rmtree(dir);
}

static void
test_resolve_says_why(void **state)
{
	char *dir = fx_tempdir(), *err = NULL, *real;

	(void)state;
	fx_write(dir, "pages/a.md", "a\n");
	fx_symlink(dir, "pages/out.md", "/etc/hostname");
	real = content_resolve(dir, "pages/a.md", &err);
	assert_non_null(real);
	assert_int_equal(real[0], '/');
	free(real);
	assert_null(content_resolve(dir, "/etc/hostname", &err));
	assert_non_null(strstr(err, "absolute"));
	assert_null(content_resolve(dir, "pages/../../x", &err));
	assert_non_null(strstr(err, ".."));
	assert_null(content_resolve(dir, "pages/b.md", &err));
	assert_non_null(strstr(err, "does not exist"));
	assert_null(content_resolve(dir, "pages/out.md", &err));
	assert_non_null(strstr(err, "outside"));
	assert_null(content_resolve(dir, "pages", &err));
	assert_non_null(strstr(err, "not a regular file"));
	free(err);
	fx_rmtree(dir);
}

static void
test_lenient_load_skips_what_it_cannot_use(void **state)
{
	char *dir = fx_tempdir(), *err = NULL, *ini, longline[1200];
	struct module *m;

	(void)state;
	memset(longline, 'x', sizeof longline - 1);
	longline[sizeof longline - 1] = '\0';
	/* A BOM, an over-long line and a syntax error each make iniparser
	 * refuse the whole file; the loader still reads the rest. */
	ini = xasprintf("\xef\xbb\xbf[module]\ntitle = Lenient\n"
	    "description = %s\ndays = 2\ntimezone = Mars/Olympus\n"
	    "just some words\n"
	    "[session good]\nday = 1\nstart = 09:00\nminutes = 30\n"
	    "kind = lectur\ntitle = Good\nstage = dream\n"
	    "[session bad-day]\nday = 9\nstart = 09:00\nminutes = 30\n"
	    "kind = lecture\ntitle = Bad\n"
	    "[session bad-start]\nday = 1\nstart = 9am\nminutes = 30\n"
	    "kind = lecture\ntitle = Bad\n"
	    "[session no-title]\nday = 2\nstart = 10:00\nminutes = 017\n"
	    "kind = break\n"
	    "[poll what]\nsession = GOOD\nkind = multi\nquestion = Q\n"
	    "option1 = a\noption3 = c\n"
	    "[poll odd]\nsession = good\nkind = vote\n"
	    "[evaluation e1]\nquestion = Q1\nkind = essay\n"
	    "[evaluation e2]\nkind = scale\n"
	    "[bogus x]\nday = 1\n", longline);
	fx_write(dir, "module.ini", ini);
	free(ini);
	m = content_load(dir, &err);
	assert_non_null(m);
	assert_string_equal(m->title, "Lenient");
	assert_null(m->description);
	assert_string_equal(m->timezone, "UTC");	/* unknown zone */
	assert_int_equal(m->days, 2);
	assert_int_equal(m->nitems, 2);
	assert_string_equal(m->items[0].id, "good");
	assert_int_equal(m->items[0].kind, KIND_LECTURE);
	assert_int_equal(m->items[0].stage, STAGE_NONE);
	assert_string_equal(m->items[1].id, "no-title");
	assert_string_equal(m->items[1].title, "no-title");
	assert_int_equal(m->items[1].minutes, 17);	/* decimal, not octal */
	assert_int_equal(m->npolls, 1);
	assert_string_equal(m->polls[0].session_id, "good");
	assert_int_equal(m->polls[0].noptions, 2);
	assert_string_equal(m->polls[0].options[1], "c");
	assert_string_equal(m->items[0].poll_id, "what");
	assert_int_equal(m->nevals, 1);
	assert_int_equal(m->evals[0].scale, 0);	/* unknown kind: text */
	module_free(m);
	free(err);
	fx_rmtree(dir);
}

static void
test_days_from_sessions_when_invalid(void **state)
{
	char *dir = fx_tempdir();
	struct module *m;

	(void)state;
	fx_write(dir, "module.ini", "[module]\ndays = many\n"
	    "[session a]\nday = 3\nstart = 09:00\nminutes = 5\n"
	    "kind = lecture\ntitle = A\n");
	m = content_load(dir, NULL);
	assert_non_null(m);
	assert_int_equal(m->days, 3);
	assert_non_null(m->title);	/* the directory's name */
	assert_int_equal(m->nitems, 1);
	module_free(m);
	fx_rmtree(dir);
}

static void
test_unloadable_modules(void **state)
{
	char *dir = fx_tempdir(), *err = NULL, *big;

	(void)state;
	assert_null(content_load(dir, &err));
	assert_non_null(err);
	assert_non_null(strstr(err, "module.ini"));
	big = xmalloc(CONTENT_MAX_INI_BYTES + 10);
	memset(big, ';', CONTENT_MAX_INI_BYTES + 10);
	fx_write_n(dir, "module.ini", big, CONTENT_MAX_INI_BYTES + 10);
	free(big);
	assert_null(content_load(dir, &err));
	assert_non_null(strstr(err, "larger"));
	free(err);
	fx_rmtree(dir);
}

/* iniparser prints syntax errors on stderr unless silenced: it would
 * garble a curses screen. */
static void
test_iniparser_never_prints(void **state)
{
	char *dir = fx_tempdir(), *path, *errpath, *text;
	int saved, fd;
	struct module *m;
	dictionary *d;

	(void)state;
	fx_write(dir, "module.ini", "[module]\ntitle = T\nno equals sign\n");
	errpath = path_join(dir, "stderr.txt");
	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	dup2(fd, 2);
	close(fd);
	path = path_join(dir, "module.ini");
	d = ini_scan_load(path, NULL);	/* the raw file: iniparser fails */
	m = content_load(dir, NULL);	/* through the cleaned copy */
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	assert_null(d);
	assert_non_null(m);
	assert_string_equal(m->title, "T");
	text = file_read_all(errpath, 0, NULL);
	assert_non_null(text);
	assert_string_equal(text, "");
	free(text);
	free(path);
	free(errpath);
	module_free(m);
	fx_rmtree(dir);
}

static void
test_cases_loaded_sorted_and_filtered(void **state)
{
	char *dir = fx_tempdir();
	struct module *m;

	(void)state;
	fx_write(dir, "module.ini", module_head);
	fx_write(dir, "cases/zz.ini", "[case]\ncountry = PH\ntitle = Z\n");
	fx_write(dir, "cases/aa.ini", "[case]\ncountry = PK\ntitle = A\n"
	    "question1 = one\nquestion3 = three\n");
	fx_write(dir, "cases/not a case.ini", "[case]\ntitle = X\n");
	fx_write(dir, "cases/readme.txt", "not a case\n");
	m = content_load(dir, NULL);
	assert_int_equal(m->ncases, 2);
	assert_string_equal(m->cases[0].id, "aa");
	assert_string_equal(m->cases[1].id, "zz");
	assert_int_equal(m->cases[0].nquestions, 2);
	assert_string_equal(m->cases[0].questions[1], "three");
	assert_null(m->cases[1].summary_page);
	module_free(m);
	fx_rmtree(dir);
}

static void
test_parse_helpers(void **state)
{
	int n = -1;
	enum session_kind k;
	enum design_stage s;
	int pk;

	(void)state;
	assert_int_equal(content_parse_time("09:00"), 540);
	assert_int_equal(content_parse_time("00:00"), 0);
	assert_int_equal(content_parse_time("23:59"), 1439);
	assert_int_equal(content_parse_time("24:00"), -1);
	assert_int_equal(content_parse_time("09:60"), -1);
	assert_int_equal(content_parse_time("9:00"), -1);
	assert_int_equal(content_parse_time("0900"), -1);
	assert_int_equal(content_parse_time("09:00 "), -1);
	assert_int_equal(content_parse_time("0a:00"), -1);
	assert_int_equal(content_parse_time(NULL), -1);

	assert_int_equal(content_parse_number("017", 1, 600, &n), 0);
	assert_int_equal(n, 17);
	assert_int_equal(content_parse_number("600", 1, 600, &n), 0);
	assert_int_equal(content_parse_number("601", 1, 600, &n), -1);
	assert_int_equal(content_parse_number("0", 1, 600, &n), -1);
	assert_int_equal(content_parse_number("12abc", 1, 600, &n), -1);
	assert_int_equal(content_parse_number("-5", -10, 600, &n), -1);
	assert_int_equal(content_parse_number(" 5", 1, 600, &n), -1);
	assert_int_equal(content_parse_number("0x10", 1, 600, &n), -1);
	assert_int_equal(content_parse_number("99999999999999", 1, 600, &n),
	    -1);
	assert_int_equal(content_parse_number("", 1, 600, &n), -1);
	assert_int_equal(n, 600);

	assert_true(content_valid_id("d1-opening_2"));
	assert_true(content_valid_id("A"));
	assert_false(content_valid_id(""));
	assert_false(content_valid_id("a b"));
	assert_false(content_valid_id("a.b"));
	assert_false(content_valid_id("../x"));
	assert_false(content_valid_id("한국"));
	assert_false(content_valid_id(NULL));
	assert_true(content_valid_id("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaa"));	/* 64 */
	assert_false(content_valid_id("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaa"));	/* 65 */

	assert_int_equal(session_kind_parse("case-study", &k), 0);
	assert_int_equal(k, KIND_CASE_STUDY);
	assert_int_equal(session_kind_parse("Lecture", &k), -1);
	for (k = 0; k < KIND_COUNT; k++) {
		enum session_kind back;

		assert_int_equal(session_kind_parse(session_kind_name(k),
		    &back), 0);
		assert_int_equal(back, k);
	}
	assert_int_equal(design_stage_parse("empathise", &s), 0);
	assert_int_equal(s, STAGE_EMPATHISE);
	assert_int_equal(design_stage_parse("empathize", &s), -1);
	assert_string_equal(design_stage_name(STAGE_LAUNCH), "launch");
	assert_string_equal(design_stage_name(STAGE_NONE), "");
	/* what a reader reads: the label, or an unknown stage as written */
	assert_string_equal(design_stage_label("ideate"), "Ideate");
	assert_string_equal(design_stage_label("launch"), "Launch");
	assert_string_equal(design_stage_label("blue-sky"), "blue-sky");
	assert_string_equal(design_stage_label(""), "");
	assert_int_equal(content_poll_kind_parse("multi", &pk), 0);
	assert_int_equal(pk, POLL_MULTI);
	assert_int_equal(content_poll_kind_parse("multiple", &pk), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minimal_module_fields),
		cmocka_unit_test(test_minimal_agenda_in_order),
		cmocka_unit_test(test_minimal_polls_evals_cases),
		cmocka_unit_test(test_items_sorted_by_day_then_start),
		cmocka_unit_test(test_read_page_inside_only),
		cmocka_unit_test(test_read_page_size_limit),
		cmocka_unit_test(test_resolve_says_why),
		cmocka_unit_test(test_lenient_load_skips_what_it_cannot_use),
		cmocka_unit_test(test_days_from_sessions_when_invalid),
		cmocka_unit_test(test_unloadable_modules),
		cmocka_unit_test(test_iniparser_never_prints),
		cmocka_unit_test(test_cases_loaded_sorted_and_filtered),
		cmocka_unit_test(test_parse_helpers),
	};

	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	u_cleanup();	/* ICU's caches, for valgrind */
	return failed;
}
