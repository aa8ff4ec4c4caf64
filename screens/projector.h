/*
 * projector.h -- the projector view (`convene show`), read-only.
 *
 * Returns an exit status.  The session stays the caller's.
 */
#ifndef CONVENE_PROJECTOR_H
#define CONVENE_PROJECTOR_H

struct session;

int projector_main(struct session *s);

#endif
