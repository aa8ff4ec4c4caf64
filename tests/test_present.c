/* test_present.c -- presenting a page: the present records and their
 * replay, the places in a page at every width, and the command's rules
 * (with the agenda step that presents the new item). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "event.h"
#include "module_fixture.h"
#include "page.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "tz.h"
#include "util.h"

static void
present(struct state *st, const char *id, const char *ref, long n,
    const char *extra)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = 1795399200000LL;
	ev.actor = ev.terminal = ev.room = ev.text = "";
	ev.type = EV_PRESENT;
	ev.name = "present";
	ev.id = id;
	ev.ref = ref;
	ev.n = n;
	ev.extra = extra;
	state_apply(st, &ev);
}

static void
test_records(void **state)
{
	struct state *st = state_new();

	(void)state;
	assert_int_equal(event_type_from_name("present"), EV_PRESENT);
	assert_null(st->present.item);
	present(st, "talk", "page", 0, "");
	assert_string_equal(st->present.item, "talk");
	assert_false(st->present.is_case);
	assert_int_equal(st->present.block, 0);
	assert_int_equal(st->present.offset, 0);
	present(st, "talk", "page", 7, "123");
	assert_int_equal(st->present.block, 7);
	assert_int_equal(st->present.offset, 123);
	present(st, "talk", "case", 2, "-1");	/* the gap above block 2 */
	assert_true(st->present.is_case);
	assert_int_equal(st->present.offset, -1);
	assert_int_equal(st->present.moves, 3);
	/* damaged or from a newer version: ignored, the place stays */
	present(st, "talk", "slide", 1, "");
	present(st, "talk", "page", -1, "");
	present(st, "talk", "page", 1, "-2");
	present(st, "talk", "page", 1, "12x");
	assert_int_equal(st->unknown_events, 4);
	assert_int_equal(st->present.block, 2);
	assert_int_equal(st->present.moves, 3);
	present(st, "", "", 0, "");		/* stops */
	assert_null(st->present.item);
	assert_int_equal(st->present.moves, 4);
	state_free(st);
}

static const char *const page_text =
    "# ภาษาของเรา\n\n"
    "รัฐบาลดิจิทัลเพื่อประชาชนทุกคนในภูมิภาคเอเชียและแปซิฟิก "
    "บริการที่ดีต้องใช้งานได้บนโทรศัพท์ราคาถูกและอินเทอร์เน็ตที่ช้า\n\n"
    "## 디지털 정부\n\n"
    "디지털 정부 서비스는 모든 사람을 위한 것입니다. 느린 인터넷에서도 잘 "
    "작동하는 서비스는 모두에게 좋습니다.\n\n"
    "- ລັດຖະບານດິຈິຕອນແລະການບໍລິການສາທາລະນະສໍາລັບທຸກຄົນໃນພາກພື້ນ\n"
    "- A *short* item\n\n"
    "> A quote that runs on for a while, so that it wraps at narrow "
    "widths.\n";

/* Every row's place puts that row back at the top, at every width: a
 * presenter's top row is the top row of a terminal of the same width. */
static void
test_places_round_trip(void **state)
{
	struct page_doc *pd = page_doc_new(page_text);
	long b, off;
	size_t r;
	int width;

	(void)state;
	assert_int_equal(pd->nblocks, 7);
	for (width = 12; width <= 120; width++) {
		page_doc_lay_out(pd, width);
		for (r = 0; r < pd->nrows; r++) {
			page_doc_place_of(pd, r, &b, &off);
			assert_int_equal(page_doc_row_of(pd, b, off), r);
		}
	}
	page_doc_free(pd);
}

/* A place made at one width is a row of the same block at another, the
 * one holding the byte named. */
/* The facilitator's notes: the console lays them out, the audience's
 * terminals never do, and the blocks after them keep their numbers. */
static const char notes_text[] =
    "# Lecture\n\nFor everyone.\n\n"
    "## Facilitator notes\n\nSECRET timing hint.\n\n### Detail\n\n"
    "- SECRET too\n\n"
    "## Objectives\n\nShown again.\n";

static int
rows_hold(const struct page_doc *pd, const char *needle)
{
	size_t r;

	for (r = 0; r < pd->nrows; r++)
		if (pd->rows[r].block >= 0 && strstr(pd->blocks[
		    pd->rows[r].block].text + pd->rows[r].off, needle) != NULL)
			return 1;
	return 0;
}

static void
test_notes_hidden_from_audience(void **state)
{
	struct page_doc *pd = page_doc_new(notes_text);
	struct page_match *m = NULL;
	size_t n = 0, cap = 0, console_rows;

	(void)state;
	page_doc_lay_out(pd, 40);
	console_rows = pd->nrows;
	assert_true(rows_hold(pd, "SECRET"));
	page_doc_find(pd, "secret", &m, &n, &cap);
	assert_int_equal(n, 2);

	page_doc_hide_notes(pd);
	page_doc_lay_out(pd, 40);
	assert_false(rows_hold(pd, "SECRET"));
	assert_false(rows_hold(pd, "Facilitator"));
	assert_true(rows_hold(pd, "For everyone"));
	assert_true(rows_hold(pd, "Shown again"));
	assert_true(pd->nrows < console_rows);
	page_doc_find(pd, "secret", &m, &n, &cap);
	assert_int_equal(n, 0);
	/* the block after the notes keeps its number; a place inside the
	 * notes shows the row above them */
	assert_int_equal(pd->rows[page_doc_row_of(pd, 7, 0)].block, 7);
	assert_int_equal(pd->rows[page_doc_row_of(pd, 3, 0)].block, 1);
	free(m);
	page_doc_free(pd);
}

static void
test_places_across_widths(void **state)
{
	struct page_doc *pd = page_doc_new(page_text);
	const struct page_row *row;
	long b, off;
	size_t r, at;

	(void)state;
	page_doc_lay_out(pd, 30);
	for (r = 0; r < pd->nrows; r++) {
		page_doc_place_of(pd, r, &b, &off);
		page_doc_lay_out(pd, 77);
		at = page_doc_row_of(pd, b, off);
		row = &pd->rows[at];
		if (off >= 0) {
			assert_int_equal(row->block, b);
			assert_true((size_t)off >= row->off &&
			    (size_t)off < row->off + row->len);
		} else {
			assert_int_equal(row->block, -1);
			assert_int_equal(pd->rows[at + 1].block, b);
		}
		page_doc_lay_out(pd, 30);
	}
	/* past the end: the last row */
	assert_int_equal(page_doc_row_of(pd, 99, 0), pd->nrows - 1);
	page_doc_free(pd);
}

/* --- the command, on a session of the bundled module --------------------- */

struct cfx {
	char *base, *dir;
	struct session *s;
};

static int
setup(void **state)
{
	struct cfx *f = xcalloc(1, sizeof *f);
	struct session_settings set = { 0 };
	char today[16], *err = NULL, *module = fx_find_module("content");

	f->base = fx_tempdir();
	f->dir = path_join(f->base, "s");
	assert_int_equal(tz_today("Asia/Bangkok", today, sizeof today), 0);
	set.start = today;
	set.budget = 5;
	if (session_create(f->dir, module, &set, &err) != 0 ||
	    (f->s = session_open_with(f->dir, 0, &err)) == NULL)
		fail_msg("%s", err);
	free(module);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct cfx *f = *state;

	session_close(f->s);
	fx_rmtree(f->base);	/* frees base */
	free(f->dir);
	free(f);
	return 0;
}

static int
last_is_present(const struct session *s, const char *item)
{
	const struct presenting *p = &s->state->present;

	return item == NULL ? p->item == NULL :
	    p->item != NULL && strcmp(p->item, item) == 0;
}

static void
test_command_rules(void **state)
{
	struct cfx *f = *state;
	char *err = NULL;
	uint64_t seq;

	assert_int_equal(cmd_present(f->s, NULL, 0, 0, 0, &err), 1);
	free(err);
	err = NULL;
	assert_int_equal(cmd_present(f->s, "nowhere", 0, 0, 0, &err), 1);
	free(err);
	err = NULL;
	assert_int_equal(cmd_present(f->s, "d1-everyday", 1, 0, 0, &err), 1);
	free(err);		/* no case study */
	err = NULL;
	assert_int_equal(cmd_present(f->s, "d1-everyday", 0, 9999, 0, &err),
	    1);
	free(err);
	err = NULL;
	/* typed as the file spells it */
	assert_int_equal(cmd_present(f->s, "D1-Everyday", 0, 3, 10, &err), 0);
	assert_true(last_is_present(f->s, "d1-everyday"));
	assert_int_equal(f->s->state->present.block, 3);
	/* the same place again writes nothing */
	seq = f->s->state->last_seq;
	assert_int_equal(cmd_present(f->s, "d1-everyday", 0, 3, 10, &err), 0);
	assert_int_equal(f->s->state->last_seq, seq);
	assert_int_equal(cmd_present(f->s, "d2-case-korea", 1, 2, -1, &err),
	    0);
	assert_true(f->s->state->present.is_case);
	assert_int_equal(f->s->state->present.offset, -1);
	assert_int_equal(cmd_present(f->s, NULL, 0, 0, 0, &err), 0);
	assert_true(last_is_present(f->s, NULL));
}

/* While presenting, the agenda step presents the new item from its top in
 * the same batch; ending the item stops presenting; replaying gives the
 * same. */
static void
test_agenda_follows(void **state)
{
	struct cfx *f = *state;
	struct session *again;
	char *err = NULL;

	assert_int_equal(cmd_agenda(f->s, AGENDA_GOTO, "d1-opening", &err), 0);
	assert_true(last_is_present(f->s, NULL));	/* not presenting */
	assert_int_equal(cmd_present(f->s, "d1-opening", 0, 4, 0, &err), 0);
	assert_int_equal(cmd_agenda(f->s, AGENDA_NEXT, NULL, &err), 0);
	assert_true(last_is_present(f->s, f->s->state->agenda_id));
	assert_int_equal(f->s->state->present.block, 0);
	again = session_open_with(f->dir, 0, &err);
	assert_non_null(again);
	assert_true(last_is_present(again, f->s->state->agenda_id));
	assert_int_equal(again->state->present.moves,
	    f->s->state->present.moves);
	session_close(again);
	assert_int_equal(cmd_agenda(f->s, AGENDA_END, NULL, &err), 0);
	assert_true(last_is_present(f->s, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_places_round_trip),
		cmocka_unit_test(test_places_across_widths),
		cmocka_unit_test(test_notes_hidden_from_audience),
		cmocka_unit_test_setup_teardown(test_command_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_agenda_follows, setup,
		    teardown),
	};

	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	text_shutdown();	/* the break iterators, for valgrind */
	return failed;
}
