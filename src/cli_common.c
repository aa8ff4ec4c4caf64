/* cli_common.c -- what several verbs share: the facilitator's gate and
 * resolving `--as ID|NAME`. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "i18n.h"
#include "search.h"
#include "session.h"

int
cli_facilitator_gate(struct session *s)
{
	char *err = NULL;
	int status = auth_facilitator(s, &err);

	if (status == 0)
		return 0;
	return cli_fail_free(status, err);
}

/*
 * A name given to --as or --by names one person when, folded as search.h
 * folds (case, and accents in Latin, Cyrillic and Greek), it is their whole
 * name, or else whole words of exactly one person's name: "nguyen thi lan"
 * is "Nguyễn Thị Lan", and a first name that only one person has is
 * enough.  A part of a word ("Min") names nobody: a script must not act as
 * someone by a guess.
 */
static int
exact_match(const struct search *q, const char *name)
{
	return search_rank(q, name) == SEARCH_EXACT;
}

static size_t
count_matches(const struct state *st, const struct search *q,
    int (*match)(const struct search *, const char *), size_t *last)
{
	size_t i, found = 0;

	for (i = 0; i < st->nparticipants; i++)
		if (match(q, st->participants[i].name)) {
			found++;
			*last = i;
		}
	return found;
}

static void
list_matches(const struct state *st, const struct search *q,
    int (*match)(const struct search *, const char *))
{
	size_t i;

	/* Field by field: the tabs between them are ours, not text. */
	for (i = 0; i < st->nparticipants; i++) {
		if (!match(q, st->participants[i].name))
			continue;
		cli_print(stderr, "  %s", st->participants[i].id);
		cli_print(stderr, "\t%s", st->participants[i].name);
		cli_print(stderr, "\t%s\n", st->participants[i].country);
	}
}

int
cli_resolve_participant(struct session *s, const char *as, char **pid)
{
	const struct state *st = s->state;
	int (*match)(const struct search *, const char *) = exact_match;
	struct search *q;
	size_t found, last = 0;

	if (state_participant(st, as) >= 0) {
		*pid = xstrdup(as);
		return 0;
	}
	q = search_new(as);
	if ((found = count_matches(st, q, match, &last)) == 0) {
		match = search_whole_words;
		found = count_matches(st, q, match, &last);
	}
	if (found == 1)
		*pid = xstrdup(st->participants[last].id);
	else if (found == 0)
		cli_fail(EXIT_REFUSED, _("no participant '%s' in this "
		    "session"), as);
	else {
		cli_fail(EXIT_REFUSED, _("%zu participants are called '%s': "
		    "join with --as and one of these ids"), found, as);
		list_matches(st, q, match);
	}
	search_free(q);
	return found == 1 ? 0 : EXIT_REFUSED;
}
