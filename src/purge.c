/* purge.c -- personal data out of a session (see purge.h). */
#include "purge.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content.h"
#include "checkpoint.h"
#include "drafts.h"
#include "event.h"
#include "i18n.h"
#include "journal.h"
#include "privilege.h"
#include "session.h"
#include "state.h"
#include "util.h"

#define EXPORT_DIR "export"

void
purge_name(size_t n, char *buf, size_t size)
{
	/* Fixed English in the journal, as every record is: not translated
	 * (the journal is read the same in every language). */
	snprintf(buf, size, "participant %zu", n);
}

int
purge_session_over(const struct session *s, int64_t now)
{
	const struct module *m = s->module;
	const struct state *st = s->state;

	if (m == NULL)
		return 0;
	if (m->days > 0 && state_day_of(st, now) > m->days)
		return 1;
	return st->agenda_ended && st->agenda_id != NULL && m->nitems > 0 &&
	    strcmp(st->agenda_id, m->items[m->nitems - 1].id) == 0;
}

void
purge_preview(const struct session *s, struct purge_report *rep)
{
	const struct state *st = s->state;
	char name[40];
	size_t i;

	memset(rep, 0, sizeof *rep);
	for (i = 0; i < st->nparticipants; i++) {
		const struct participant *p = &st->participants[i];

		if (p->unknown)
			continue;
		purge_name(i + 1, name, sizeof name);
		rep->names += p->name != NULL && strcmp(p->name, name) != 0;
		rep->orgs += p->org != NULL && p->org[0] != '\0';
		rep->emails += p->email != NULL && p->email[0] != '\0';
		rep->pins += p->pin_hash != NULL;
	}
}

/* --- the journal --------------------------------------------------------- */

struct edit {
	const struct state *st;
	struct purge_report *rep;
	unsigned char *seen;	/* per participant: 1 name, 2 org, 4 email,
				   8 pin counted */
	char name[40];
	char *extra;		/* the new extra of the last record */
	size_t later;		/* participants the state did not know */
};

static void
count_once(struct edit *e, int p, unsigned char bit, size_t *counter)
{
	if (p < 0 || (e->seen[p] & bit))
		return;
	e->seen[p] |= bit;
	(*counter)++;
}

/* Splits extra at its first three line feeds: line[0] country, line[1]
 * organisation, line[2] email; *rest what follows the third line (with
 * its line feed), "" when nothing does. */
static void
split_extra(const char *extra, const char **line, size_t *len,
    const char **rest)
{
	const char *p = extra, *nl;
	int k;

	*rest = "";
	for (k = 0; k < 3; k++) {
		line[k] = p;
		nl = p != NULL ? strchr(p, '\n') : NULL;
		len[k] = p == NULL ? 0 : nl != NULL ? (size_t)(nl - p) :
		    strlen(p);
		if (p != NULL && nl != NULL && k == 2)
			*rest = nl;
		p = nl != NULL ? nl + 1 : NULL;
	}
}

/* The name becomes "participant N", organisation and email go; the
 * country and any later line stay. */
static int
edit_participant(struct edit *e, struct event *ev)
{
	int p = state_participant(e->st, ev->id);
	const char *line[3], *rest;
	size_t len[3];
	int changed = 0;

	/* Registered after the state was read (a script between the replay
	 * and the lock): numbered after everyone the state knows. */
	purge_name(p >= 0 ? (size_t)p + 1 : e->st->nparticipants +
	    ++e->later, e->name, sizeof e->name);
	if (strcmp(ev->text, e->name) != 0) {
		ev->text = e->name;
		count_once(e, p, 1, &e->rep->names);
		changed = 1;
	}
	split_extra(ev->extra, line, len, &rest);
	if (len[1] > 0)
		count_once(e, p, 2, &e->rep->orgs);
	if (len[2] > 0)
		count_once(e, p, 4, &e->rep->emails);
	free(e->extra);
	e->extra = xasprintf("%.*s\n\n%s", (int)len[0], ev->extra, rest);
	if (strcmp(e->extra, ev->extra) != 0)
		changed = 1;
	ev->extra = e->extra;
	return changed;
}

static int
edit_record(struct event *ev, void *ctx)
{
	struct edit *e = ctx;

	if (ev->type == EV_PARTICIPANT)
		return edit_participant(e, ev);
	if (ev->type == EV_PIN && ev->extra[0] != '\0') {
		count_once(e, state_participant(e->st, ev->id), 8,
		    &e->rep->pins);
		ev->extra = "";
		return 1;
	}
	return 0;
}

/* --- files beside the journal -------------------------------------------- */

/* Removes every regular file in the session's subdirectory `name` (none
 * there is not an error); returns how many, or -1 with *err. */
static long
empty_dir(const struct session *s, const char *name, char **err)
{
	struct dirent *de;
	struct stat sb;
	long n = 0;
	int failed = 0;
	DIR *d;
	int fd = sessdir_openat(&s->sd, name, O_RDONLY | O_DIRECTORY, 0,
	    SESSDIR_DIR);

	if (fd < 0)
		return errno == ENOENT ? 0 : set_error(err, -1, _("cannot "
		    "open %s/%s: %s"), s->dir, name, file_strerror(errno));
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return set_error(err, -1, _("cannot read %s/%s: %s"), s->dir,
		    name, strerror(errno));
	}
	privilege_raise();
	while ((de = readdir(d)) != NULL) {
		if (fstatat(dirfd(d), de->d_name, &sb, AT_SYMLINK_NOFOLLOW) != 0
		    || !S_ISREG(sb.st_mode))
			continue;
		if (unlinkat(dirfd(d), de->d_name, 0) == 0)
			n++;
		else
			failed = 1;	/* the others still go */
	}
	privilege_drop();
	closedir(d);
	if (failed)
		return set_error(err, -1, _("cannot remove every file in "
		    "%s/%s"), s->dir, name);
	return n;
}

int
purge_run(struct session *s, struct purge_report *rep, char **err)
{
	struct edit e;
	unsigned long changed;
	long n;
	int r;

	memset(rep, 0, sizeof *rep);
	memset(&e, 0, sizeof e);
	e.st = s->state;
	e.rep = rep;
	e.seen = xcalloc(s->state->nparticipants + 1, 1);
	r = journal_rewrite(s->journal, edit_record, &e, &changed, err);
	free(e.extra);
	free(e.seen);
	if (r != 0) {
		memset(rep, 0, sizeof *rep);
		return r;
	}
	/* The checkpoint holds the state as it was, names and all (the new
	 * journal is another file: it would only be ignored, not gone). */
	privilege_raise();
	r = unlinkat(s->sd.fd, CHECKPOINT_NAME, 0) != 0 && errno != ENOENT;
	privilege_drop();
	if (r)
		return set_error(err, 3, _("cannot remove %s/%s: %s"), s->dir,
		    CHECKPOINT_NAME, strerror(errno));
	if ((n = empty_dir(s, DRAFTS_DIR, err)) < 0)
		return 3;
	rep->drafts = (size_t)n;
	if ((n = empty_dir(s, EXPORT_DIR, err)) < 0)
		return 3;
	rep->exports = (size_t)n;
	return 0;
}
