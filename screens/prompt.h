/*
 * prompt.h -- a one-line question in the message line, typed with the line
 * editor.  The loop (app.c) opens it through app_prompt(); screens never
 * use it directly.
 */
#ifndef CONVENE_PROMPT_H
#define CONVENE_PROMPT_H

#include <wchar.h>

#include "screen.h"

enum prompt_result { PROMPT_CONTINUE, PROMPT_SUBMIT, PROMPT_CANCEL };

struct prompt;

/* A field holding `initial` (may be NULL), the cursor at its end. */
struct prompt *prompt_new(const char *initial);
void prompt_free(struct prompt *p);
/* A key as get_wch() gave it (wc and its return code). */
enum prompt_result prompt_key(struct prompt *p, wint_t wc, int code);
/* Draws the field at y, x of w, `width` columns, and leaves the window's
 * cursor where the text cursor is. */
void prompt_draw(struct prompt *p, WINDOW *w, int y, int x, int width);
/* The text typed so far (UTF-8, owned by the prompt). */
const char *prompt_text(const struct prompt *p);

#endif
