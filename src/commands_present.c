/*
 * commands_present.c -- presenting a page (cmd_present) and the present
 * record an agenda step adds while presenting (cmd_present_follow).
 */
#include "commands.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "commands_int.h"
#include "content.h"
#include "i18n.h"
#include "page.h"
#include "serve.h"

struct present_cmd {
	struct session *s;
	const char *item;	/* NULL: stop */
	int is_case;
	long block, offset;
};

static void
add_present(struct journal_batch *b, const struct session *s,
    const char *item, int is_case, long block, long offset)
{
	struct event ev = { .type = EV_PRESENT };
	char off[24];

	snprintf(off, sizeof off, "%ld", offset);
	ev.id = item;
	ev.ref = item == NULL || *item == '\0' ? "" : is_case ? "case" :
	    "page";
	ev.n = block;
	ev.extra = offset != 0 ? off : "";
	cmd_add(b, s, ACTOR_FACILITATOR, &ev);
}

void
cmd_present_follow(struct journal_batch *b, const struct session *s,
    const char *to, int ended)
{
	const struct presenting *p = &s->state->present;

	if (p->item == NULL)
		return;
	if (to == NULL || *to == '\0' || ended)
		add_present(b, s, "", 0, 0, 0);
	else
		add_present(b, s, to, 0, 0, 0);
}

/* Ids are read in lower case from module.ini, but typed as the file
 * spells them (as agenda goto takes them). */
static const struct agenda_item *
find_item(const struct module *m, const char *id)
{
	const struct agenda_item *it = module_item(m, id);
	size_t i;

	for (i = 0; it == NULL && i < m->nitems; i++)
		if (strcasecmp(m->items[i].id, id) == 0)
			it = &m->items[i];
	return it;
}

/* The page's blocks, to refuse a place past its end. */
static size_t
count_blocks(const struct module *m, const struct agenda_item *it,
    int is_case)
{
	char *src = page_source(m, it, is_case);
	struct page_doc *pd = page_doc_new(src);
	size_t n = pd->nblocks;

	page_doc_free(pd);
	free(src);
	return n;
}

static int
build_present(struct journal_batch *b, void *ctx, char **err)
{
	struct present_cmd *c = ctx;
	const struct presenting *p = &c->s->state->present;
	const struct agenda_item *it;
	size_t n;

	if (c->item == NULL) {
		if (p->item == NULL)
			return cmd_refuse(err, "%s", _("nothing is being "
			    "presented"));
		add_present(b, c->s, "", 0, 0, 0);
		return 0;
	}
	if ((it = find_item(c->s->module, c->item)) == NULL)
		return cmd_refuse(err, _("no agenda item '%s' in this module"),
		    c->item);
	if (c->is_case && page_case(c->s->module, it) == NULL)
		return cmd_refuse(err, _("agenda item '%s' has no case study"),
		    it->id);
	n = count_blocks(c->s->module, it, c->is_case);
	if (c->block < 0 || c->offset < -1 || (size_t)c->block >= n)
		return cmd_refuse(err, _("the page has blocks 0 to %zu"),
		    n > 0 ? n - 1 : 0);
	if (p->item != NULL && strcmp(p->item, it->id) == 0 &&
	    p->is_case == c->is_case && p->block == c->block &&
	    p->offset == c->offset)
		return 0;	/* presented so already */
	add_present(b, c->s, it->id, c->is_case, c->block, c->offset);
	return 0;
}

int
cmd_present(struct session *s, const char *item, int is_case, long block,
    long offset, char **err)
{
	struct present_cmd c = { s, item, is_case, block, offset };

	/* (the row above the first block has no words on the command
	 * line: that one this process appends itself) */
	if (s->serve_name != NULL && (item == NULL || *item == '\0' ||
	    block >= 0))
		return serve_present(s, item, is_case, block, offset, err);

	if (item != NULL && *item == '\0')
		c.item = NULL;
	return cmd_run(s, build_present, &c, err);
}
