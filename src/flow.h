/*
 * flow.h -- what is current as the workshop flows: the thread the room
 * works in now, and which ideas belong to it.
 *
 * Module items may share a thread (`thread = NAME` in module.ini): the
 * group-work items of days 3 and 4 share one board.  An item without one
 * is a thread of its own, named by its id.  Boards, the projector wall and
 * prototype ballots show the current thread by default:
 *   - the current item's thread;
 *   - during a break, or after an item was ended, the thread of the last
 *     item made current before that was not a break;
 *   - before the agenda starts, none: everything is shown.
 * An idea belongs to the thread of the item it was written in (during a
 * break: the thread of the nearest item before it in the module that is
 * not a break); an idea written before the agenda started belongs to none
 * and shows everywhere.  Plain functions of the module and the state.
 */
#ifndef CONVENE_FLOW_H
#define CONVENE_FLOW_H

struct module;
struct state;

/* The thread of agenda item `id`: its `thread`, else its id; for a break,
 * the thread of the nearest item before it that is not one (its own id
 * when there is none).  NULL for an unknown item.  Borrowed from m. */
const char *flow_item_thread(const struct module *m, const char *id);

/* The thread the room works in now, or NULL before any (see above).
 * Borrowed from m. */
const char *flow_current_thread(const struct module *m,
    const struct state *st);

/* 1 when idea index `idea` shows with `thread` (NULL: every idea does). */
int flow_idea_in_thread(const struct module *m, const struct state *st,
    int idea, const char *thread);

/* The same for many ideas at once (a board of thousands, on every new
 * idea): the answer per agenda item is worked out once and kept, by the
 * state's interned item ids.  Valid while m, st and thread are. */
#define FLOW_FILTER_KEEP 64
struct flow_filter {
	const struct module *m;
	const struct state *st;
	const char *thread;
	const char *item[FLOW_FILTER_KEEP];
	unsigned char in[FLOW_FILTER_KEEP];
	unsigned nitem;
};
void flow_filter_init(struct flow_filter *f, const struct module *m,
    const struct state *st, const char *thread);
int flow_filter_idea(struct flow_filter *f, int idea);

/* 1 when `name` is a thread of the module: the `thread` of an item, or the
 * id of one without (not a break's: a break has none of its own).
 * Compared as written. */
int flow_is_thread(const struct module *m, const char *name);

#endif
