/* cli_common.c -- what several verbs share: the facilitator's gate and
 * resolving `--as ID|NAME`. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth.h"
#include "i18n.h"
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

/* A name matches when equal ignoring ASCII case (names in other scripts
 * match byte for byte, as typed). */
static int
name_matches(const char *name, const char *as)
{
	return strcasecmp(name, as) == 0;
}

static void
list_matches(const struct state *st, const char *as)
{
	size_t i;

	/* Field by field: the tabs between them are ours, not text. */
	for (i = 0; i < st->nparticipants; i++) {
		if (!name_matches(st->participants[i].name, as))
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
	size_t i, found = 0, match = 0;

	if (state_participant(st, as) >= 0) {
		*pid = xstrdup(as);
		return 0;
	}
	for (i = 0; i < st->nparticipants; i++)
		if (name_matches(st->participants[i].name, as)) {
			found++;
			match = i;
		}
	if (found == 0)
		return cli_fail(EXIT_REFUSED, _("no participant '%s' in this "
		    "session"), as);
	if (found > 1) {
		cli_fail(EXIT_REFUSED, _("%zu participants are called '%s': "
		    "join with --as and one of these ids"), found, as);
		list_matches(st, as);
		return EXIT_REFUSED;
	}
	*pid = xstrdup(st->participants[match].id);
	return 0;
}
