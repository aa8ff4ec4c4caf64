/*
 * test_import.c -- the registration list: parsing spreadsheets' CSV, the
 * row checks with FILE:LINE, encodings, and importing into a session
 * (twice adds nobody twice; a room column makes rooms).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "import.h"
#include "session.h"
#include "session_fixture.h"
#include "util.h"

#define DATA "tests/data/registration-150.csv"

static int
parse(const char *text, struct import_list *list, struct import_report *rep)
{
	char *err = NULL;
	int r;

	memset(rep, 0, sizeof *rep);
	r = import_parse("list.csv", text, strlen(text), list, rep, &err);
	free(err);
	return r;
}

static int
has_problem(const struct import_report *rep, const char *want)
{
	size_t i;

	for (i = 0; i < rep->nproblems; i++)
		if (strstr(rep->problems[i], want) != NULL)
			return 1;
	return 0;
}

static void
expect_problem(const struct import_report *rep, const char *want)
{
	size_t i;

	if (has_problem(rep, want))
		return;
	for (i = 0; i < rep->nproblems; i++)
		print_message("  %s\n", rep->problems[i]);
	fail_msg("no problem says '%s'", want);
}

static void
test_plain(void **unused)
{
	struct import_list l;
	struct import_report rep;

	(void)unused;
	assert_int_equal(parse("name,country,organisation\n"
	    "Maria Santos,PH,DICT\n"
	    "김민준,Republic of Korea,\"MOIS, \"\"Seoul\"\"\"\n", &l, &rep), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.rows[0].line, 2);
	assert_string_equal(l.rows[1].name, "김민준");
	assert_string_equal(l.rows[1].country, "KR");
	assert_string_equal(l.rows[1].org, "MOIS, \"Seoul\"");
	assert_string_equal(l.rows[1].email, "");
	assert_string_equal(l.rows[1].room, "");
	import_list_free(&l);
	import_report_free(&rep);
}

/* What Excel saves in a comma-decimal locale: a BOM, semicolons, CR LF,
 * header names in any case and order, extra columns ignored. */
static void
test_bom_semicolon_headers(void **unused)
{
	struct import_list l;
	struct import_report rep;

	(void)unused;
	assert_int_equal(parse("\xef\xbb\xbf" "E-MAIL;Room;NAME;Notes;Country;"
	    "ORGANIZATION\r\n"
	    "a@x.org;Blue;Somchai;vegetarian;thailand;DGA\r\n"
	    "\r\n"
	    ";;;;;\r\n"
	    "b@x.org;;Nimal;;LK;ICTA, Colombo\r\n", &l, &rep), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.rows[0].name, "Somchai");
	assert_string_equal(l.rows[0].country, "TH");
	assert_string_equal(l.rows[0].room, "Blue");
	assert_string_equal(l.rows[0].email, "a@x.org");
	assert_string_equal(l.rows[1].org, "ICTA, Colombo");
	assert_int_equal(l.rows[1].line, 5);
	import_list_free(&l);
	import_report_free(&rep);
}

/* Every bad row is reported with the line it starts on, even after a
 * quoted cell that spans lines; nothing is returned. */
static void
test_bad_rows(void **unused)
{
	struct import_list l;
	struct import_report rep;

	(void)unused;
	assert_int_equal(parse("name,country,organisation,email,notes\n"
	    "Ana Reyes,PH,DICT,,\"arrives\nlate\"\n"
	    ",PH,DICT,\n"
	    "Bob,Atlantis,X,\n"
	    "\n"
	    "Carol,KR,X,not-an-email\n"
	    "Dan\x1b[2J,KR,X,\n"
	    "Ana Reyes,PH,Other,,\n"
	    "Eve,TH,X,eve@x.org\n"
	    "Eva,TH,Y,EVE@x.org\n", &l, &rep), 3);
	assert_int_equal(l.n, 0);
	assert_int_equal(rep.nproblems, 6);
	expect_problem(&rep, "list.csv:4: the participant's name is empty");
	expect_problem(&rep, "list.csv:5: unknown country 'Atlantis'");
	expect_problem(&rep, "list.csv:7: 'not-an-email' is not an email");
	expect_problem(&rep, "list.csv:8: the participant's name may not "
	    "contain control characters");
	expect_problem(&rep, "list.csv:9: the same person as on line 2");
	expect_problem(&rep, "list.csv:11: the same person as on line 10");
	import_report_free(&rep);
}

static void
test_header_and_format_problems(void **unused)
{
	struct import_list l;
	struct import_report rep;

	(void)unused;
	assert_int_equal(parse("name,organisation\nA,B\n", &l, &rep), 3);
	expect_problem(&rep, "list.csv:1: the header row needs the columns "
	    "name, country and organisation");
	expect_problem(&rep, "'country' is missing");
	import_report_free(&rep);
	assert_int_equal(parse("", &l, &rep), 3);
	expect_problem(&rep, "list.csv:1: the file is empty");
	import_report_free(&rep);
	assert_int_equal(parse("name,country,organisation\n"
	    "A,KR,\"unterminated\n", &l, &rep), 3);
	expect_problem(&rep, "list.csv:2: not a CSV file");
	import_report_free(&rep);
	/* Quoted cells parse with commas only: a header that lacks a column
	 * is still reported as that, not as "not a CSV file". */
	assert_int_equal(parse("\"Name\",\"Country\",\"Agency\"\r\n"
	    "\"A\",\"KR\",\"X\"\r\n", &l, &rep), 3);
	expect_problem(&rep, "list.csv:1: the header row needs the columns "
	    "name, country and organisation");
	expect_problem(&rep, "'organisation' is missing");
	import_report_free(&rep);
}

/* Converts UTF-8 text with iconv(3); NULL when this system lacks the
 * encoding (then the test is skipped). */
static char *
encode(const char *to, const char *text, size_t *outlen)
{
	iconv_t cd = iconv_open(to, "UTF-8");
	size_t inleft = strlen(text), outleft = 4 * inleft + 4;
	char *out, *in = (char *)(uintptr_t)text, *o;

	if (cd == (iconv_t)-1)
		return NULL;
	out = o = xmalloc(outleft);
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*outlen = (size_t)(o - out);
	return out;
}

static void
test_not_utf8(void **unused)
{
	static const struct {
		const char *encoding, *text;
	} cases[] = {
		{ "CP949", "name,country,organisation\n"
		    "김민준,KR,행정안전부\n" },
		{ "CP874", "name,country,organisation\n"
		    "Somchai,TH,ok\nสมชาย ใจดี,TH,สำนักงาน\n" },
	};
	struct import_list l;
	struct import_report rep;
	size_t i, len = 0;
	char *bytes, *err = NULL;

	(void)unused;
	for (i = 0; i < NELEM(cases); i++) {
		if ((bytes = encode(cases[i].encoding, cases[i].text,
		    &len)) == NULL)
			skip();
		memset(&rep, 0, sizeof rep);
		assert_int_equal(import_parse("excel.csv", bytes, len, &l, &rep,
		    &err), 3);
		assert_non_null(strstr(err, "not UTF-8"));
		expect_problem(&rep, i == 0 ? "excel.csv:2: this file is not "
		    "UTF-8" : "excel.csv:3: this file is not UTF-8");
		expect_problem(&rep, "CP949");
		expect_problem(&rep, "CSV UTF-8");
		free(err);
		err = NULL;
		free(bytes);
		import_report_free(&rep);
	}
}

static void
test_registration_150(void **unused)
{
	struct import_list l;
	struct import_report rep = { 0 };
	size_t len, i, j, ncountries = 0, quoted = 0;
	char *buf = file_read_all(DATA, 0, &len), *err = NULL;
	const char *seen[32];
	int found;

	(void)unused;
	assert_non_null(buf);
	assert_int_equal(import_parse(DATA, buf, len, &l, &rep, &err), 0);
	assert_int_equal(l.n, 150);
	for (i = 0; i < l.n; i++) {
		found = 0;
		for (j = 0; j < ncountries; j++)
			found |= strcmp(seen[j], l.rows[i].country) == 0;
		if (!found && ncountries < NELEM(seen))
			seen[ncountries++] = l.rows[i].country;
		quoted += strchr(l.rows[i].org, '"') != NULL;
	}
	assert_int_equal(ncountries, 16);
	assert_true(quoted > 0);
	import_list_free(&l);
	import_report_free(&rep);
	free(buf);
}

/* The small files in tests/data: what spreadsheets save, and mistakes. */
static void
test_data_files(void **unused)
{
	struct import_list l;
	struct import_report rep = { 0 };
	size_t len;
	char *buf, *err = NULL;

	(void)unused;
	buf = file_read_all("tests/data/registration-semicolon.csv", 0, &len);
	assert_non_null(buf);
	assert_int_equal(import_parse("semi.csv", buf, len, &l, &rep, &err), 0);
	free(buf);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.rows[1].name, "Нурлан Әбдірахманов");
	assert_string_equal(l.rows[1].org, "Ministry of Digital Development; "
	    "Innovations");
	assert_string_equal(l.rows[2].org, "DICT, \"Region VII\"");
	assert_string_equal(l.rows[2].country, "PH");
	assert_string_equal(l.rows[2].room, "Room A");
	assert_int_equal(l.rows[2].line, 5);
	import_list_free(&l);
	import_report_free(&rep);

	buf = file_read_all("tests/data/registration-bad.csv", 0, &len);
	assert_non_null(buf);
	assert_int_equal(import_parse("bad.csv", buf, len, &l, &rep, &err), 3);
	free(buf);
	free(err);
	assert_int_equal(rep.nproblems, 5);
	expect_problem(&rep, "bad.csv:3: the participant's name is empty");
	expect_problem(&rep, "bad.csv:4: unknown country 'Atlantis'");
	expect_problem(&rep, "bad.csv:5: the organisation may not contain "
	    "control characters");
	expect_problem(&rep, "bad.csv:7: 'not-an-email' is not an email");
	expect_problem(&rep, "bad.csv:8: the same person as on line 2");
	import_report_free(&rep);
}

/* --- into a session ------------------------------------------------------ */

static const char module_ini[] =
    "[module]\ntitle = T\ndays = 1\ntimezone = Asia/Bangkok\n"
    "[session a]\nday = 1\nstart = 09:00\nminutes = 30\n"
    "kind = lecture\ntitle = A\n";

static int
setup(void **state)
{
	*state = sfx_new(module_ini, "Import");
	return 0;
}

static char *
write_list(const struct session_fixture *f, const char *name, const char *text)
{
	char *path = path_join(f->base, name);
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	return path;
}

static off_t
size_of(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return sb.st_size;
}

static void
test_import_twice(void **state)
{
	struct session_fixture *f = *state;
	struct import_report rep;
	char *err = NULL, *journal = path_join(f->dir, "journal.csv");
	off_t size;

	assert_int_equal(import_registrations(f->s, DATA, &rep, &err), 0);
	assert_int_equal(rep.nadded, 150);
	assert_int_equal(rep.already, 0);
	assert_string_equal(rep.added[0], "p1");
	assert_string_equal(rep.added[149], "p150");
	import_report_free(&rep);
	assert_int_equal(f->s->state->nparticipants, 150);
	assert_int_equal(f->s->state->unknown_events, 0);
	/* Again: the same people are there; nothing is written. */
	size = size_of(journal);
	assert_int_equal(import_registrations(f->s, DATA, &rep, &err), 0);
	assert_int_equal(rep.nadded, 0);
	assert_int_equal(rep.already, 150);
	assert_int_equal(size_of(journal), size);
	assert_int_equal(f->s->state->nparticipants, 150);
	import_report_free(&rep);
	free(journal);
}

/* The same list with LF, CR LF and lone CR (old Mac spreadsheets) line
 * ends: every problem names the same line, also after a cell that holds a
 * line break and in a file that is not UTF-8. */
static void
test_line_numbers_every_line_end(void **state)
{
	static const char *const eols[] = { "\n", "\r\n", "\r" };
	struct import_list list;
	struct import_report rep;
	char *text;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(eols); i++) {
		const char *e = eols[i];

		text = xasprintf("name,country,organisation%s%sA,TH,x%s"
		    "B,ZZ,y%s\"C%sD\",TH,z%sE,QQ,w%s", e, e, e, e, e, e, e);
		assert_int_equal(parse(text, &list, &rep), 3);
		expect_problem(&rep, "list.csv:4: unknown country 'ZZ'");
		expect_problem(&rep, "list.csv:5: the participant's name");
		expect_problem(&rep, "list.csv:7: unknown country 'QQ'");
		import_report_free(&rep);
		free(text);
		text = xasprintf("name,country,organisation%sA,TH,x%s"
		    "B,TH,\xff%s", e, e, e);
		assert_int_equal(parse(text, &list, &rep), 3);
		expect_problem(&rep, "list.csv:3:");
		import_report_free(&rep);
		free(text);
	}
}

static void
test_import_rooms_and_people(void **state)
{
	struct session_fixture *f = *state;
	struct import_report rep;
	char *err = NULL, *path;
	const struct state *st;

	path = write_list(f, "a.csv", "name,country,organisation,room,email\n"
	    "A,KR,X,Blue,a@x.org\n"
	    "B,TH,X,Green,\n"
	    "C,LA,X,Blue,\n"
	    "D,MN,X,,\n");
	assert_int_equal(import_registrations(f->s, path, &rep, &err), 0);
	free(path);
	assert_int_equal(rep.nadded, 4);
	import_report_free(&rep);
	st = f->s->state;
	assert_int_equal(st->nrooms, 2);
	assert_string_equal(st->rooms[0].name, "Blue");
	assert_string_equal(st->rooms[1].name, "Green");
	assert_int_equal(st->participants[0].room, 0);
	assert_int_equal(st->participants[1].room, 1);
	assert_int_equal(st->participants[2].room, 0);
	assert_int_equal(st->participants[3].room, -1);
	/* A second list: the same person by email (new name) or by name
	 * and country; one new person goes to an existing room. */
	path = write_list(f, "b.csv", "Name,Country,Organisation,Room,Email\n"
	    "A. Kim,KR,X,Blue,A@X.ORG\n"
	    "B,Thailand,Another org,,\n"
	    "E,BT,X,Green,\n");
	assert_int_equal(import_registrations(f->s, path, &rep, &err), 0);
	free(path);
	assert_int_equal(rep.nadded, 1);
	assert_int_equal(rep.already, 2);
	assert_string_equal(rep.added[0], "p5");
	import_report_free(&rep);
	st = f->s->state;
	assert_int_equal(st->nrooms, 2);
	assert_int_equal(st->participants[4].room, 1);
	/* Making rooms again keeps the rooms from the list: only D, who had
	 * none, is dealt (into the smaller room, Green, or the new third);
	 * --everyone would move people, and says how many. */
	assert_true(st->participants[0].room_registered);
	assert_false(st->participants[3].room_registered);
	assert_int_equal(cmd_rooms_moves(f->s, 3, 0, 1), 1);
	assert_int_equal(cmd_rooms_deal(f->s, 3, 0, 1, &err), 0);
	st = f->s->state;
	assert_int_equal(st->participants[0].room, 0);
	assert_int_equal(st->participants[1].room, 1);
	assert_int_equal(st->participants[2].room, 0);
	assert_int_equal(st->participants[4].room, 1);
	assert_int_equal(st->participants[3].room, 2);
	assert_true(cmd_rooms_moves(f->s, 3, 0, 0) > 0);
	/* A bad list imports nobody. */
	path = write_list(f, "c.csv", "name,country,organisation\n"
	    "F,KR,X\nG,Narnia,X\n");
	assert_int_equal(import_registrations(f->s, path, &rep, &err), 3);
	assert_int_equal(rep.nproblems, 1);
	assert_non_null(strstr(rep.problems[0], "c.csv:3: unknown country"));
	assert_int_equal(rep.nadded, 0);
	assert_int_equal(f->s->state->nparticipants, 5);
	free(err);
	err = NULL;
	import_report_free(&rep);
	free(path);
	assert_int_equal(import_registrations(f->s, "/nonexistent.csv", &rep,
	    &err), 3);
	assert_non_null(strstr(err, "cannot read"));
	free(err);
	import_report_free(&rep);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_bom_semicolon_headers),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_header_and_format_problems),
		cmocka_unit_test(test_not_utf8),
		cmocka_unit_test(test_registration_150),
		cmocka_unit_test(test_data_files),
		cmocka_unit_test(test_line_numbers_every_line_end),
		cmocka_unit_test_setup_teardown(test_import_twice, setup,
		    sfx_teardown),
		cmocka_unit_test_setup_teardown(test_import_rooms_and_people,
		    setup, sfx_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
