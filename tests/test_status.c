/* test_status.c -- convene status: what is current, for scripts. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "journal.h"
#include "session_fixture.h"
#include "status.h"

static const char module_ini[] =
    "[module]\ntitle = Status workshop\ndays = 1\ntimezone = Asia/Bangkok\n"
    "[session d1-open]\nday = 1\nstart = 09:00\nminutes = 30\n"
    "kind = lecture\ntitle = Opening\n";

static char *
status_of(struct session_fixture *f, const char *pid, enum status_format fm)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(status_write(f->s, pid, journal_now_ms(), fm, out),
	    0);
	fclose(out);
	return buf;
}

static void
test_status(void **state)
{
	struct session_fixture *f = sfx_new(module_ini, "Status");
	char *err = NULL, *id = NULL, *js, *tx;

	(void)state;
	sfx_ok(cmd_participant(f->s, NULL, "Kim", "KR", "", NULL, &id, &err),
	    &err);
	free(id);
	sfx_ok(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err), &err);
	sfx_ok(cmd_message(f->s, NULL, "Tab\there \"quoted\"",
	    MESSAGE_FOR_ITEM, &err), &err);
	sfx_ok(cmd_idea(f->s, "p1", NULL, "An idea", &id, &err), &err);
	free(id);
	sfx_ok(cmd_voting_open(f->s, NULL, 0, 0, NULL, &err), &err);
	sfx_ok(cmd_vote(f->s, "p1", "i1", 2, &err), &err);
	js = status_of(f, NULL, STATUS_JSON);
	assert_non_null(strstr(js, "\"item\":\"d1-open\""));
	assert_non_null(strstr(js, "\"running\":true"));
	assert_non_null(strstr(js, "\"state\":\"running\""));
	/* control characters and quotes escaped */
	assert_non_null(strstr(js, "\"text\":\"Tab\\u0009here \\\"quoted\\\"\""));
	/* a blind round: no tally */
	assert_non_null(strstr(js, "\"open\":true"));
	assert_non_null(strstr(js, "\"voters\":-1"));
	assert_non_null(strstr(js, "\"role\":\"facilitator\""));
	free(js);
	js = status_of(f, "p1", STATUS_JSON);
	assert_non_null(strstr(js, "\"role\":\"participant\""));
	assert_non_null(strstr(js, "\"participant\":\"p1\""));
	free(js);
	tx = status_of(f, NULL, STATUS_TEXT);
	assert_non_null(strstr(tx, "\nagenda.item: d1-open\n"));
	assert_non_null(strstr(tx, "\ntimers[0].state: running\n"));
	assert_non_null(strstr(tx, "\nmessages[0].text: Tab?here \"quoted\"\n"));
	free(tx);
	sfx_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
