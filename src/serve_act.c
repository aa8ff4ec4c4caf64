/*
 * serve_act.c -- a console's actions through the writer service (serve.h).
 *
 * The console acts through undo.h (undo_do, undo_undo), and some of what
 * it does and undoes has no scripting verb (restoring an agenda step,
 * reopening a round, hiding results again).  So an action travels as the
 * fields of its struct undo_action and the service runs undo_perform, the
 * same function the console would have run, on its own copy of the
 * session.  NULL strings travel as "" (undo.h: NULL means "" everywhere).
 */
#include "serve.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "undo.h"
#include "util.h"

static const char *
nz(const char *p)
{
	return p != NULL ? p : "";
}

int
serve_act(struct session *s, const struct undo_action *a, char **new_id,
    char **err)
{
	char num[8][24];

	snprintf(num[0], sizeof num[0], "%d", (int)a->kind);
	snprintf(num[1], sizeof num[1], "%ld", a->n);
	snprintf(num[2], sizeof num[2], "%d", (int)a->timer);
	snprintf(num[3], sizeof num[3], "%d", (int)a->move);
	snprintf(num[4], sizeof num[4], "%d %d", a->prototypes, a->restoring);
	snprintf(num[5], sizeof num[5], "%d %d", a->restore.timer_state,
	    a->restore.ended);
	snprintf(num[6], sizeof num[6], "%lld",
	    (long long)a->restore.remaining_ms);
	snprintf(num[7], sizeof num[7], "%lld", (long long)a->restore.at);
	return serve_cmd(s, new_id, err, "act", num[0], nz(a->actor),
	    nz(a->id), nz(a->ref), nz(a->room), nz(a->text), num[1], num[2],
	    num[3], num[4], num[5], num[6], num[7], a->restore.pinned,
	    nz(a->prev), nz(a->prev_topic), (char *)NULL);
}

/* A whole decimal number within [lo, hi]. */
static int
number(const char *p, long long lo, long long hi, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(p, &end, 10);
	return errno == 0 && end != p && *end == '\0' && *out >= lo &&
	    *out <= hi ? 0 : -1;
}

/* "A B": two small numbers. */
static int
pair(const char *p, int *a, int *b)
{
	char x[24], y[24];
	long long u, v;

	if (sscanf(p, "%23s %23s", x, y) != 2 ||
	    number(x, -1000, 1000, &u) != 0 || number(y, -1000, 1000, &v) != 0)
		return -1;
	*a = (int)u;
	*b = (int)v;
	return 0;
}

int
serve_act_decode(char *const *f, size_t n, struct undo_action *a)
{
	long long v;
	int x, y;

	memset(a, 0, sizeof *a);
	if (n != SERVE_ACT_FIELDS || number(f[0], 1, UNDO_KIND_COUNT - 1,
	    &v) != 0)
		return -1;
	a->kind = (enum undo_kind)v;
	a->actor = f[1];
	a->id = f[2];
	a->ref = f[3];
	a->room = f[4];
	a->text = f[5];
	if (number(f[6], -86400000LL, 86400000LL, &v) != 0)
		return -1;
	a->n = (long)v;
	if (number(f[7], TIMER_START, TIMER_EXTEND, &v) != 0)
		return -1;
	a->timer = (enum timer_action)v;
	if (number(f[8], AGENDA_NEXT, AGENDA_END, &v) != 0)
		return -1;
	a->move = (enum agenda_move)v;
	if (pair(f[9], &x, &y) != 0)
		return -1;
	a->prototypes = x;
	a->restoring = y;
	if (pair(f[10], &x, &y) != 0)
		return -1;
	a->restore.timer_state = x;
	a->restore.ended = y;
	if (number(f[11], -(1LL << 50), 1LL << 50, &v) != 0)
		return -1;
	a->restore.remaining_ms = v;
	if (number(f[12], -(1LL << 50), 1LL << 50, &v) != 0)
		return -1;
	a->restore.at = v;
	if (strlen(f[13]) >= sizeof a->restore.pinned)
		return -1;
	memcpy(a->restore.pinned, f[13], strlen(f[13]) + 1);
	a->prev = f[14];
	a->prev_topic = f[15];
	return 0;
}
