/*
 * state_present.c -- presenting a page, as `present` records make it: which
 * page is presented and the presenter's place in it (state.h, struct
 * presenting; man/convene-journal.5).
 */
#include "state.h"

#include <string.h>

#include "state_int.h"
#include "util.h"

/* The biggest block or offset a record may name: a page is a file of at
 * most a few hundred kilobytes, and a long must never overflow later. */
#define PRESENT_MAX 100000000L

void
state_apply_present(struct state *st, const struct event *ev)
{
	struct presenting *p = &st->present;
	const char *ref = ev->ref != NULL ? ev->ref : "";
	long off = 0;

	if (state_is_empty(ev->id)) {		/* presenting stops */
		p->item = NULL;
		p->is_case = 0;
		p->block = p->offset = 0;
		p->moves++;
		return;
	}
	if ((strcmp(ref, "page") != 0 && strcmp(ref, "case") != 0) ||
	    ev->n < 0 || ev->n > PRESENT_MAX || (!state_is_empty(ev->extra) &&
	    str_to_long(ev->extra, -1, PRESENT_MAX, &off) != 0)) {
		state_unknown(st);
		return;
	}
	p->item = state_intern_agenda(st, ev->id);
	p->is_case = strcmp(ref, "case") == 0;
	p->block = ev->n;
	p->offset = off;
	p->moves++;
}
