/*
 * termseq.h -- putting back together the terminal's own reports (mouse
 * clicks) that a slow link split into pieces, so that they are never read
 * as keys.
 *
 * A mouse report (SGR 1006: ESC [ < b ; x ; y M, or m on release) is
 * several bytes.  curses matches a key's bytes only while they arrive
 * within ESCDELAY (25 ms here, so that Esc feels instant); over a slow SSH
 * link the ESC may come alone and "[<0;12;5M" a few hundred milliseconds
 * later.  Read as keys they would act: a digit answers a poll, M re-deals
 * the rooms.  This assembler sits between curses and the key dispatch:
 * every key read is fed to it, and it says what to do -- pass the key on,
 * hold it (a lone ESC might start a report), or hand over a finished
 * mouse event.  A held ESC that nothing follows within TERMSEQ_ESC_WAIT_MS
 * is a real Esc (termseq_timeout delivers it).
 *
 * Any other control sequence that arrives split (ESC [ ... final byte) is
 * swallowed whole too, except the four arrows and the bracketed paste's
 * markers (a paste must stay text), which become their keys;
 * an old-style X10 report (ESC [ M and three bytes) is swallowed with its
 * three bytes.  No curses here: keys are ints as in screen.h (a character
 * as itself; `fn` tells a curses function key, which never belongs to a
 * sequence).
 */
#ifndef CONVENE_TERMSEQ_H
#define CONVENE_TERMSEQ_H

#include <stdint.h>

/* How long a lone ESC waits for the rest of a report (ms): longer than a
 * slow link's gap between two packets, short enough for Esc to be Esc. */
#define TERMSEQ_ESC_WAIT_MS 500
#define TERMSEQ_MAX 32		/* bytes of parameters kept */

enum termseq_result {
	TERMSEQ_PASS,		/* not part of a sequence: act on the key */
	TERMSEQ_HOLD,		/* taken in; nothing to do yet */
	TERMSEQ_ESC_PASS,	/* the held ESC was a key: act on ESC, then
				   on this key (feed it again) */
	TERMSEQ_MOUSE,		/* a mouse report is complete: see ev */
	TERMSEQ_KEY		/* a key's sequence arrived split: act on the
				   key *key_out (enum termseq_key) */
};

enum termseq_key {
	TERMSEQ_KEY_UP = 1, TERMSEQ_KEY_DOWN, TERMSEQ_KEY_RIGHT, TERMSEQ_KEY_LEFT,
	TERMSEQ_KEY_PASTE_BEGIN, TERMSEQ_KEY_PASTE_END
};

enum termseq_button {
	TERMSEQ_LEFT, TERMSEQ_MIDDLE, TERMSEQ_RIGHT,
	TERMSEQ_WHEEL_UP, TERMSEQ_WHEEL_DOWN, TERMSEQ_OTHER
};

struct termseq_mouse {
	enum termseq_button button;
	int x, y;		/* 0-based cell */
	int press;		/* 1: pressed (M), 0: released (m) */
	int motion;		/* the pointer moved with a button down */
};

struct termseq {
	enum { TS_IDLE, TS_ESC, TS_CSI, TS_X10 } state;
	int64_t since;		/* ms when the held ESC arrived */
	char buf[TERMSEQ_MAX + 1];
	int len, skip;		/* parameters; X10 bytes still to swallow */
};

void termseq_init(struct termseq *t);

/* Feeds one key read at `now_ms` (fn: a curses function key). */
enum termseq_result termseq_feed(struct termseq *t, int key, int fn,
    int64_t now_ms, struct termseq_mouse *ev, int *key_out);

/* When a held ESC is to be acted on (ms), or -1 when none is held. */
int64_t termseq_deadline(const struct termseq *t);
/* At or after the deadline: 1 when the held ESC is a key now (act on it),
 * 0 otherwise.  A sequence cut off for good is dropped quietly. */
int termseq_timeout(struct termseq *t, int64_t now_ms);

#endif
