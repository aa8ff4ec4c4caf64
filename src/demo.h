/*
 * demo.h -- `convene demo`: a fresh temporary session on the bundled module,
 * seeded with sample participants and ideas so every screen has something to
 * show.  Seeded records carry the actor "sample" (participants) or come from
 * sample participants (ideas), and exports mark them as sample data.
 */
#ifndef CONVENE_DEMO_H
#define CONVENE_DEMO_H

struct session;

/* The bundled module's directory: $CONVENE_CONTENT, else content/ beside
 * the running binary (a source tree), else ../share/convene/content from
 * the binary's directory (an installed tree, wherever it was moved), else
 * DATADIR/content.  Caller frees; NULL when none exists. */
char *demo_content_dir(void);

/* Seeds an open, empty session with sample participants, rooms, ideas and
 * the first agenda item.  0, or 3 with *err. */
int demo_seed(struct session *s, char **err);

#endif
