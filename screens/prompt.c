/* prompt.c -- the message line's question field (see prompt.h), on the
 * line editor widget. */
#include "prompt.h"

#include <stdlib.h>

#include "commands.h"
#include "lineedit.h"
#include "util.h"

struct prompt {
	struct lineedit *le;
};

struct prompt *
prompt_new(const char *initial)
{
	struct prompt *p = xcalloc(1, sizeof *p);

	p->le = lineedit_new(TEXT_MAX_CHARS, 0);
	if (initial != NULL)
		editbuf_set(lineedit_buf(p->le), initial, NULL);
	return p;
}

void
prompt_free(struct prompt *p)
{
	if (p == NULL)
		return;
	lineedit_free(p->le);
	free(p);
}

const char *
prompt_text(const struct prompt *p)
{
	return editbuf_text(lineedit_buf(p->le));
}

enum prompt_result
prompt_key(struct prompt *p, wint_t wc, int code)
{
	switch (lineedit_key(p->le, code, wc)) {
	case EDIT_SUBMIT:
		return PROMPT_SUBMIT;
	case EDIT_CANCEL:
		return PROMPT_CANCEL;
	default:
		return PROMPT_CONTINUE;
	}
}

void
prompt_draw(struct prompt *p, WINDOW *w, int y, int x, int width)
{
	if (width < 2)
		return;
	lineedit_place(p->le, w, y, x, 1, width);
	lineedit_draw(p->le);
}
