/* flow.c -- the current thread and what belongs to it (see flow.h). */
#include "flow.h"

#include <string.h>

#include "content.h"
#include "state.h"

static const char *
own_thread(const struct agenda_item *it)
{
	return it->thread != NULL && *it->thread != '\0' ? it->thread : it->id;
}

const char *
flow_item_thread(const struct module *m, const char *id)
{
	int i = module_item_index(m, id), k;

	if (i < 0)
		return NULL;
	/* A break carries on the work before it. */
	for (k = i; k >= 0 && m->items[k].kind == KIND_BREAK; k--)
		;
	return own_thread(&m->items[k >= 0 ? k : i]);
}

const char *
flow_current_thread(const struct module *m, const struct state *st)
{
	size_t v;
	int i;

	if (st->agenda_id == NULL)
		return NULL;
	i = module_item_index(m, st->agenda_id);
	if (i >= 0 && !st->agenda_ended && m->items[i].kind != KIND_BREAK)
		return own_thread(&m->items[i]);
	/* A break, or nothing running: the last item worked in. */
	for (v = st->nvisits; v-- > 0;) {
		i = module_item_index(m, st->visits[v].agenda_id);
		if (i >= 0 && m->items[i].kind != KIND_BREAK)
			return own_thread(&m->items[i]);
	}
	return flow_item_thread(m, st->agenda_id);
}

static int
item_in_thread(const struct module *m, const char *item, const char *thread)
{
	const char *t;

	if (item == NULL)
		return 1;	/* before the agenda: everywhere */
	t = flow_item_thread(m, item);
	return t == NULL || strcmp(t, thread) == 0;
}

int
flow_idea_in_thread(const struct module *m, const struct state *st,
    int idea, const char *thread)
{
	return thread == NULL ||
	    item_in_thread(m, state_idea_agenda(st, idea), thread);
}

void
flow_filter_init(struct flow_filter *f, const struct module *m,
    const struct state *st, const char *thread)
{
	memset(f, 0, sizeof *f);
	f->m = m;
	f->st = st;
	f->thread = thread;
}

int
flow_filter_idea(struct flow_filter *f, int idea)
{
	const char *item;
	unsigned k;
	int in;

	if (f->thread == NULL)
		return 1;
	item = state_idea_agenda(f->st, idea);
	/* Item ids are interned by the state: one pointer per item. */
	for (k = 0; k < f->nitem; k++)
		if (f->item[k] == item)
			return f->in[k];
	in = item_in_thread(f->m, item, f->thread);
	if (f->nitem < FLOW_FILTER_KEEP) {
		f->item[f->nitem] = item;
		f->in[f->nitem++] = (unsigned char)in;
	}
	return in;
}

int
flow_is_thread(const struct module *m, const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < m->nitems; i++)
		if (m->items[i].kind != KIND_BREAK &&
		    strcmp(own_thread(&m->items[i]), name) == 0)
			return 1;
	return 0;
}
