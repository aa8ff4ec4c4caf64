/*
 * projector.h -- the projector view (`convene show`), read-only.
 *
 * Returns an exit status.  The session stays the caller's.
 */
#ifndef CONVENE_PROJECTOR_H
#define CONVENE_PROJECTOR_H

struct cli_term;
struct session;

int projector_main(struct session *s, const struct cli_term *term);

/* The presented page (projector_page.c), brought forward by the
 * projector while a page is presented. */
struct screen_ops;
extern const struct screen_ops projector_page;

#endif
