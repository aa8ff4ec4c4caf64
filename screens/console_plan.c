/* console_plan.c -- changes to the plan from the console's Agenda: move an
 * item, change its length, skip it or add one (plan.h), through the same
 * commands as `convene plan`. */
#include "console.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "i18n.h"
#include "session.h"
#include "util.h"

/* "2 14:00" as a day and minutes after midnight; -1 when it is not. */
static int
day_and_time(const char *text, int *day, int *start)
{
	int h, m;
	char end;

	if (text == NULL || sscanf(text, "%d %d:%d%c", day, &h, &m, &end) != 3 ||
	    h < 0 || h > 23 || m < 0 || m > 59)
		return -1;
	*start = h * 60 + m;
	return 0;
}

static void
move_done(void *self, struct app *a, const char *text)
{
	struct console *c = self;
	char *err = NULL;
	int day, start;

	if (text != NULL && day_and_time(text, &day, &start) != 0)
		app_error(a, xstrdup(_("give a day and a time, e.g. 2 14:00")));
	else if (text != NULL)
		app_report(a, cmd_plan_move(app_session(a), c->pending_item,
		    day, start, &err), err, _("moved"));
	free(c->pending_item);
	c->pending_item = NULL;
}

static void
length_done(void *self, struct app *a, const char *text)
{
	struct console *c = self;
	char *err = NULL, *end;
	long n;

	if (text != NULL) {
		n = strtol(text, &end, 10);
		if (end == text || *end != '\0')
			app_error(a, xstrdup(_("give the minutes as a whole "
			    "number, e.g. 45")));
		else
			app_report(a, cmd_plan_length(app_session(a),
			    c->pending_item, (int)n, &err), err,
			    _("its length is changed"));
	}
	free(c->pending_item);
	c->pending_item = NULL;
}

static void
skip_done(void *self, struct app *a, int yes)
{
	struct console *c = self;
	char *err = NULL;

	if (yes)
		app_report(a, cmd_plan_skip(app_session(a), c->pending_item, 1,
		    &err), err, _("skipped: n and p pass over it"));
	free(c->pending_item);
	c->pending_item = NULL;
}

static void
add_done(void *self, struct app *a, const char *text)
{
	char *err = NULL, *id = NULL, title[512];
	int day, h, m, minutes, used = 0;

	(void)self;
	if (text == NULL)
		return;
	if (sscanf(text, "%d %d:%d %d %n", &day, &h, &m, &minutes,
	    &used) != 4 || used == 0 || text[used] == '\0' ||
	    h < 0 || h > 23 || m < 0 || m > 59) {
		app_error(a, xstrdup(_("give the day, time, minutes and title, "
		    "e.g. 2 14:00 30 Guest talk")));
		return;
	}
	snprintf(title, sizeof title, "%s", text + used);
	app_report(a, cmd_plan_add(app_session(a), day, h * 60 + m, minutes,
	    KIND_LECTURE, title, &id, &err), err, _("item added"));
	free(id);
}

/* Keeps the item a prompt is about: the answer changes that one, even if
 * the highlight moves meanwhile. */
static struct console *
about(struct app *a, const struct agenda_item *it)
{
	struct console *c = console_of(a);

	free(c->pending_item);
	c->pending_item = xstrdup(it->id);
	return c;
}

int
console_plan_move(struct app *a, const struct agenda_item *it)
{
	char *q = xasprintf(_("Move '%s' to (day and time, e.g. 2 14:00):"),
	    it->title);

	app_prompt(a, q, NULL, move_done, about(a, it));
	free(q);
	return REQ_HANDLED;
}

int
console_plan_length(struct app *a, const struct agenda_item *it)
{
	char *q = xasprintf(_("Minutes for '%s':"), it->title), now[16];

	snprintf(now, sizeof now, "%d", it->minutes);
	app_prompt(a, q, now, length_done, about(a, it));
	free(q);
	return REQ_HANDLED;
}

/* x: skip the item (asks first), or bring a skipped one back. */
int
console_plan_skip(struct app *a, const struct agenda_item *it)
{
	char *err = NULL, *q;

	if (it->skipped)
		return app_report(a, cmd_plan_skip(app_session(a), it->id, 0,
		    &err), err, _("back in the plan"));
	q = xasprintf(_("Skip '%s'? n and p will pass over it."), it->title);
	app_confirm_key(a, q, 'x', skip_done, about(a, it));
	free(q);
	return REQ_HANDLED;
}

int
console_plan_add(struct app *a)
{
	app_prompt(a, _("Add an item (day, time, minutes, title: 2 14:00 30 "
	    "Guest talk):"), NULL, add_done, NULL);
	return REQ_HANDLED;
}
