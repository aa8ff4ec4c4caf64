/*
 * session_int.h -- what session.c and session_checkpoint.c share.
 */
#ifndef CONVENE_SESSION_INT_H
#define CONVENE_SESSION_INT_H

#include "session.h"

/* Starts the fresh state from the session's checkpoint when one matches;
 * sets from_checkpoint or checkpoint_why. */
void session_checkpoint_load(struct session *s);

#endif
