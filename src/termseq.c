/* termseq.c -- split terminal reports put back together (termseq.h). */
#include "termseq.h"

#include <stdlib.h>
#include <string.h>

#define ESC 0x1b

void
termseq_init(struct termseq *t)
{
	memset(t, 0, sizeof *t);
	t->state = TS_IDLE;
}

/* Reads "n;" from *p; -1 when there is no number. */
static long
number(const char **p)
{
	char *end;
	long v;

	if (**p < '0' || **p > '9')
		return -1;
	v = strtol(*p, &end, 10);
	*p = end;
	if (**p == ';')
		(*p)++;
	return v;
}

/* "<b;x;y" with its final M or m: 1 when it is a mouse report. */
static int
decode_sgr(const char *s, int final, struct termseq_mouse *ev)
{
	const char *p = s + 1;
	long b, x, y;

	if (s[0] != '<')
		return 0;
	b = number(&p);
	x = number(&p);
	y = number(&p);
	if (b < 0 || x < 1 || y < 1 || *p != '\0' || b > 255 || x > 10000 ||
	    y > 10000)
		return 0;
	ev->x = (int)x - 1;
	ev->y = (int)y - 1;
	ev->press = final == 'M';
	ev->motion = (b & 32) != 0;
	if (b & 64)
		ev->button = (b & 3) == 0 ? TERMSEQ_WHEEL_UP :
		    (b & 3) == 1 ? TERMSEQ_WHEEL_DOWN : TERMSEQ_OTHER;
	else
		ev->button = (b & 3) == 0 ? TERMSEQ_LEFT : (b & 3) == 1 ?
		    TERMSEQ_MIDDLE : (b & 3) == 2 ? TERMSEQ_RIGHT :
		    TERMSEQ_OTHER;
	return 1;
}

/* The final byte of ESC [ ... arrived. */
static enum termseq_result
finish(struct termseq *t, int final, struct termseq_mouse *ev, int *key_out)
{
	t->state = TS_IDLE;
	if (final == 'M' && t->len == 0) {
		/* X10: three raw bytes follow, each could read as a key */
		t->state = TS_X10;
		t->skip = 3;
		return TERMSEQ_HOLD;
	}
	if ((final == 'M' || final == 'm') && decode_sgr(t->buf, final, ev))
		return TERMSEQ_MOUSE;
	if (t->len == 0 && final >= 'A' && final <= 'D') {
		*key_out = TERMSEQ_KEY_UP + (final - 'A');
		return TERMSEQ_KEY;
	}
	if (final == '~' && (strcmp(t->buf, "200") == 0 ||
	    strcmp(t->buf, "201") == 0)) {
		*key_out = t->buf[2] == '0' ? TERMSEQ_KEY_PASTE_BEGIN :
		    TERMSEQ_KEY_PASTE_END;
		return TERMSEQ_KEY;
	}
	return TERMSEQ_HOLD;	/* something else: swallowed whole */
}

static enum termseq_result
feed_csi(struct termseq *t, int key, int fn, struct termseq_mouse *ev,
    int *key_out)
{
	if (fn || key < 0x20 || key > 0x7e) {
		/* Not a sequence after all (a person's key): drop what was
		 * gathered, act on the key. */
		t->state = TS_IDLE;
		return TERMSEQ_PASS;
	}
	if (key >= 0x40)
		return finish(t, key, ev, key_out);
	if (t->len < TERMSEQ_MAX)
		t->buf[t->len++] = (char)key;
	t->buf[t->len] = '\0';
	return TERMSEQ_HOLD;
}

enum termseq_result
termseq_feed(struct termseq *t, int key, int fn, int64_t now_ms,
    struct termseq_mouse *ev, int *key_out)
{
	switch (t->state) {
	case TS_ESC:
		if (!fn && key == '[') {
			t->state = TS_CSI;
			t->len = 0;
			t->buf[0] = '\0';
			t->since = now_ms;
			return TERMSEQ_HOLD;
		}
		t->state = TS_IDLE;
		return TERMSEQ_ESC_PASS;
	case TS_CSI:
		t->since = now_ms;
		return feed_csi(t, key, fn, ev, key_out);
	case TS_X10:
		t->since = now_ms;
		if (--t->skip <= 0)
			t->state = TS_IDLE;
		return TERMSEQ_HOLD;
	case TS_IDLE:
		break;
	}
	if (!fn && key == ESC) {
		t->state = TS_ESC;
		t->since = now_ms;
		return TERMSEQ_HOLD;
	}
	return TERMSEQ_PASS;
}

int64_t
termseq_deadline(const struct termseq *t)
{
	return t->state == TS_IDLE ? -1 : t->since + TERMSEQ_ESC_WAIT_MS;
}

int
termseq_timeout(struct termseq *t, int64_t now_ms)
{
	int was_esc = t->state == TS_ESC;

	if (t->state == TS_IDLE || now_ms < termseq_deadline(t))
		return 0;
	t->state = TS_IDLE;
	return was_esc;
}
