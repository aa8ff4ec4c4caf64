/*
 * demo.h -- `convene demo`: a fresh temporary session on the bundled module,
 * seeded with sample participants and ideas so every screen has something to
 * show.  Seeded records carry the actor "sample" (participants) or come from
 * sample participants (ideas), and exports mark them as sample data.
 */
#ifndef CONVENE_DEMO_H
#define CONVENE_DEMO_H

#include <stddef.h>
#include <stdint.h>

struct module;
struct session;

/* The bundled module's directory: $CONVENE_CONTENT, else content/ beside
 * the running binary (a source tree), else ../share/convene/content from
 * the binary's directory (an installed tree, wherever it was moved), else
 * DATADIR/content.  Caller frees; NULL when none exists. */
char *demo_content_dir(void);

/*
 * Where the demo's workshop stands at `now` (UTC ms): the agenda item to
 * make current (*item, an index into m->items) and the date of day 1
 * ("YYYY-MM-DD" into start, 11 bytes or more) that makes the item's day
 * today.  The item is the first to start at now's time of day or later
 * (in the module's zone) on any day of the plan: the earliest start, the
 * lower day on a tie, a break only when nothing else starts later.  Made
 * current now, it starts on time or early, so the day is not behind (an
 * item already under way would restart its minutes and put the day behind
 * by what had passed of it).  After the last start of every day, day 1 is
 * tomorrow and its first item starts the evening before.  0, or -1 when
 * the module has no items or its zone is unknown.
 */
int demo_plan(const struct module *m, int64_t now, char *start, size_t size,
    int *item);

/* Seeds an open, empty session with sample participants, rooms, ideas,
 * the agenda item `item` (an index; -1: the first) made current, a voting
 * round revealed, questions with upvotes and a poll revealed.  0, or 3
 * with *err. */
int demo_seed(struct session *s, int item, char **err);

#endif
