/* test_flow.c -- the current thread and the ideas that belong to it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "content.h"
#include "event.h"
#include "flow.h"
#include "state.h"

/* The module's strings are not const (content.h): writable arrays. */
static char id_talk[] = "talk", id_gw3[] = "d3-gw", id_tea[] = "tea",
    id_gw4[] = "d4-gw", id_vote[] = "vote", teams[] = "teams";

static struct agenda_item items[] = {
	{ .id = id_talk, .day = 1, .kind = KIND_LECTURE },
	{ .id = id_gw3, .day = 3, .kind = KIND_GROUP_WORK, .thread = teams },
	{ .id = id_tea, .day = 3, .kind = KIND_BREAK },
	{ .id = id_gw4, .day = 4, .kind = KIND_GROUP_WORK, .thread = teams },
	{ .id = id_vote, .day = 4, .kind = KIND_DISCUSSION },
};

static struct module mod = { .items = items, .nitems = 5 };

static void
apply(struct state *st, enum event_type type, const char *id,
    const char *ref, const char *text)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = st->last_seq + 1;
	ev.time_ms = 1795399200000LL + (int64_t)ev.seq * 60000;
	ev.actor = ev.terminal = ev.room = ev.extra = "";
	ev.type = type;
	ev.name = event_type_name(type);
	ev.id = id;
	ev.ref = ref;
	ev.text = text;
	state_apply(st, &ev);
}

static void
idea(struct state *st, const char *id, const char *text)
{
	apply(st, EV_IDEA, id, "", text);
}

static void
test_item_threads(void **state)
{
	(void)state;
	assert_string_equal(flow_item_thread(&mod, "talk"), "talk");
	assert_string_equal(flow_item_thread(&mod, "d3-gw"), "teams");
	/* a break carries on the work before it */
	assert_string_equal(flow_item_thread(&mod, "tea"), "teams");
	assert_null(flow_item_thread(&mod, "nowhere"));
	assert_true(flow_is_thread(&mod, "teams"));
	assert_true(flow_is_thread(&mod, "vote"));
	assert_false(flow_is_thread(&mod, "tea"));
}

static void
test_current_thread_and_ideas(void **state)
{
	struct state *st = state_new();
	struct flow_filter f;

	(void)state;
	idea(st, "i1", "before anything");
	assert_null(flow_current_thread(&mod, st));
	apply(st, EV_AGENDA, "talk", "", "");
	idea(st, "i2", "in the talk");
	assert_string_equal(flow_current_thread(&mod, st), "talk");
	apply(st, EV_AGENDA, "d3-gw", "", "");
	idea(st, "i3", "day 3 team idea");
	apply(st, EV_AGENDA, "tea", "", "");
	/* During the break, the work before it. */
	assert_string_equal(flow_current_thread(&mod, st), "teams");
	idea(st, "i4", "over tea");
	apply(st, EV_AGENDA, "d4-gw", "", "");
	idea(st, "i5", "day 4 team idea");
	assert_string_equal(flow_current_thread(&mod, st), "teams");
	flow_filter_init(&f, &mod, st, "teams");
	assert_true(flow_filter_idea(&f, 0));	/* before the agenda */
	assert_false(flow_filter_idea(&f, 1));	/* the talk's */
	assert_true(flow_filter_idea(&f, 2));	/* day 3, same thread */
	assert_true(flow_filter_idea(&f, 3));	/* over tea */
	assert_true(flow_filter_idea(&f, 4));
	assert_false(flow_filter_idea(&f, 1));	/* kept answers agree */
	assert_false(flow_idea_in_thread(&mod, st, 1, "teams"));
	assert_true(flow_idea_in_thread(&mod, st, 1, NULL));
	/* Ended: still the last thread worked in. */
	apply(st, EV_AGENDA, "d4-gw", "end", "");
	assert_string_equal(flow_current_thread(&mod, st), "teams");
	apply(st, EV_AGENDA, "vote", "", "");
	assert_string_equal(flow_current_thread(&mod, st), "vote");
	state_free(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_item_threads),
		cmocka_unit_test(test_current_thread_and_ideas),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
