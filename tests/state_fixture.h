/*
 * state_fixture.h -- a fresh state fed record by record, for the tests of
 * what is computed from the state (header-only: each test is one .c file).
 *
 * setup()/teardown() make and free fx.st (cmocka group or test fixtures);
 * apply() hands it one record a second after the last (NULL columns are
 * empty, a NULL actor is the facilitator); people(n) registers p1..pn,
 * "Person 1".., in no room.
 */
#ifndef CONVENE_TEST_STATE_FIXTURE_H
#define CONVENE_TEST_STATE_FIXTURE_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "event.h"
#include "state.h"

#define T0 1795399200000LL	/* 2026-11-23T09:00:00+07:00 */

struct fixture {
	struct state *st;
	int64_t now;
	uint64_t seq;
};

static struct fixture fx;

static int
setup(void **state)
{
	(void)state;
	memset(&fx, 0, sizeof fx);
	fx.st = state_new();
	fx.now = T0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	state_free(fx.st);
	return 0;
}

static void
apply(enum event_type type, const char *actor, const char *id,
    const char *ref, const char *room, long n, const char *text,
    const char *extra)
{
	struct event ev;

	memset(&ev, 0, sizeof ev);
	ev.seq = ++fx.seq;
	ev.time_ms = fx.now += 1000;
	ev.actor = actor != NULL ? actor : "facilitator";
	ev.terminal = "test";
	ev.type = type;
	ev.id = id != NULL ? id : "";
	ev.ref = ref != NULL ? ref : "";
	ev.room = room != NULL ? room : "";
	ev.n = n;
	ev.text = text != NULL ? text : "";
	ev.extra = extra != NULL ? extra : "";
	ev.name = event_type_name(type);
	state_apply(fx.st, &ev);
}

static void
people(int n)
{
	char id[16], name[32];
	int i;

	for (i = 1; i <= n; i++) {
		snprintf(id, sizeof id, "p%d", i);
		snprintf(name, sizeof name, "Person %d", i);
		apply(EV_PARTICIPANT, "organizer", id, NULL, NULL, 0, name,
		    "TH\n\n");
	}
}

#endif
