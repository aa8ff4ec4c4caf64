/*
 * session.c -- a session directory: making one (convene new), opening it
 * and replaying its journal, appending through the rules.
 */
#include "session.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iniparser/iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "session_int.h"
#include "ini_scan.h"
#include "plan.h"
#include "privilege.h"
#include "serve.h"
#include "sessdir.h"
#include "text.h"
#include "tz.h"
#include "util.h"
#include "zones.h"

#define SESSION_INI "session.ini"
#define JOURNAL_CSV "journal.csv"
#define MODULE_DIR "module"
#define DRAFTS_DIR "drafts"

#define TITLE_MAX_CHARS 200

/* --- session.ini --------------------------------------------------------- */

void
session_settings_free(struct session_settings *set)
{
	free(set->title);
	free(set->start);
	free(set->passphrase_hash);
	free(set->privacy);
	memset(set, 0, sizeof *set);
}

/* delivery = room | online: 0 with set->online, else -1 with *err. */
static int
read_delivery(dictionary *d, const char *path, struct session_settings *set,
    char **err)
{
	const char *v = iniparser_getstring(d, "session:delivery", "room");

	if (strcmp(v, "room") != 0 && strcmp(v, "online") != 0)
		return set_error(err, -1, _("%s: delivery '%s' is neither "
		    "'room' nor 'online'"), path, v);
	set->online = strcmp(v, "online") == 0;
	return 0;
}

/* Reads the settings from `load` (a path iniparser can open), naming the
 * file `path` in messages. */
static int
read_settings(const char *load, const char *path,
    struct session_settings *set, char **err)
{
	dictionary *d;
	const char *v;
	long budget = 5;
	int y, m, day;

	memset(set, 0, sizeof *set);
	errno = 0;
	if ((d = ini_scan_load(load, NULL)) == NULL) {
		if (errno == ENOTREGULAR)
			return set_error(err, -1, _("cannot read %s: %s"), path,
			    file_strerror(errno));
		return set_error(err, -1, _("cannot read %s (missing, or not "
		    "an INI file)"), path);
	}
	set->title = xstrdup(iniparser_getstring(d, "session:title", ""));
	v = iniparser_getstring(d, "session:start", "");
	if (tz_parse_date(v, &y, &m, &day) != 0) {
		iniparser_freedict(d);
		session_settings_free(set);
		return set_error(err, -1, _("%s: start '%s' is not a date "
		    "(YYYY-MM-DD)"), path, v);
	}
	set->start = xstrdup(v);
	v = iniparser_getstring(d, "session:budget", "5");
	if (str_to_long(v, 1, SESSION_BUDGET_MAX, &budget) != 0) {
		iniparser_freedict(d);
		session_settings_free(set);
		return set_error(err, -1, _("%s: budget '%s' is not a number "
		    "from 1 to %d"), path, v, SESSION_BUDGET_MAX);
	}
	set->budget = (int)budget;
	v = iniparser_getstring(d, "session:pin_min_length", "4");
	if (str_to_long(v, PIN_MIN_LENGTH, PIN_MAX_LENGTH, &budget) != 0) {
		iniparser_freedict(d);
		session_settings_free(set);
		return set_error(err, -1, _("%s: pin_min_length '%s' is not a "
		    "number from %d to %d"), path, v, PIN_MIN_LENGTH,
		    PIN_MAX_LENGTH);
	}
	set->pin_min_length = (int)budget;
	set->anonymous = iniparser_getboolean(d, "session:anonymous", 0);
	set->no_self_votes = iniparser_getboolean(d, "session:no_self_votes", 0);
	set->timer_manual = strcmp(iniparser_getstring(d, "session:timer",
	    "auto"), "manual") == 0;
	v = iniparser_getstring(d, "session:passphrase", "");
	set->passphrase_hash = *v != '\0' ? xstrdup(v) : NULL;
	v = iniparser_getstring(d, "session:privacy", "");
	set->privacy = *v != '\0' ? xstrdup(v) : NULL;
	if (read_delivery(d, path, set, err) != 0) {
		iniparser_freedict(d);
		session_settings_free(set);
		return -1;
	}
	iniparser_freedict(d);
	return 0;
}

int
session_check_title(const char *title, char **err)
{
	const char *p;

	if (text_validate(title, strlen(title), NULL) != 0)
		return set_error(err, 1, "%s", _("the title is not valid "
		    "UTF-8"));
	for (p = title; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"')
			return set_error(err, 1, "%s", _("the title may not "
			    "contain double quotes or control characters"));
	if (text_count_chars(title) > TITLE_MAX_CHARS)
		return set_error(err, 1, _("the title is %zu characters: the "
		    "longest is %d"), text_count_chars(title), TITLE_MAX_CHARS);
	return 0;
}

static int
write_file_synced(const char *path, const char *data, mode_t mode,
    char **err)
{
	size_t len = strlen(data), off = 0;
	ssize_t w;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);

	if (fd < 0)
		return set_error(err, -1, _("cannot create %s: %s"), path,
		    strerror(errno));
	while (off < len) {
		if ((w = write(fd, data + off, len - off)) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)w;
	}
	if (off < len || fsync(fd) != 0) {
		set_error(err, -1, _("cannot write %s: %s"), path,
		    strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int
write_settings(const char *path, const struct session_settings *set,
    char **err)
{
	char *ini;
	int r;

	/* Every value quoted: iniparser reads an unquoted ';' or '#' as a
	 * comment, and has no escapes (titles never hold '"'). */
	ini = xasprintf("; convene session settings, written by convene new.\n"
	    "; Values are quoted; see convene(1).\n"
	    "[session]\n"
	    "title = \"%s\"\n"
	    "start = \"%s\"\n"
	    "budget = %d\n"
	    "anonymous = %s\n"
	    "no_self_votes = %s\n"
	    "delivery = \"%s\"\n"
	    "passphrase = \"%s\"\n",
	    set->title != NULL ? set->title : "", set->start, set->budget,
	    set->anonymous ? "true" : "false",
	    set->no_self_votes ? "true" : "false",
	    set->online ? "online" : "room",
	    set->passphrase_hash != NULL ? set->passphrase_hash : "");
	r = write_file_synced(path, ini, 0640, err);
	free(ini);
	return r;
}

/* --- the module copy ----------------------------------------------------- */

static int copy_tree(int from, int to, const char *shown, char **err);

static int
copy_file(int from, int to, const char *name, const char *shown, char **err)
{
	char buf[65536];
	ssize_t n, w;
	size_t off;
	int in, out, r = 0;

	/* O_NONBLOCK and the check: the entry was a regular file when
	 * copy_entry looked, but a FIFO swapped in since must not block. */
	in = openat(from, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY | O_CLOEXEC);
	if (in >= 0 && file_check_regular(in) != 0) {
		int e = errno;

		close(in);
		in = -1;
		errno = e;
	}
	if (in < 0)
		return set_error(err, -1, _("cannot read %s: %s"), shown,
		    file_strerror(errno));
	out = openat(to, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
	if (out < 0) {
		close(in);
		return set_error(err, -1, _("cannot copy %s: %s"), shown,
		    strerror(errno));
	}
	while (r == 0 && (n = read(in, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno != EINTR)
				r = -1;
			continue;
		}
		for (off = 0; r == 0 && off < (size_t)n; off += (size_t)w)
			if ((w = write(out, buf + off, (size_t)n - off)) < 0)
				r = -1;
	}
	if (r == 0 && fsync(out) != 0)
		r = -1;
	if (r != 0)
		set_error(err, -1, _("cannot copy %s: %s"), shown,
		    strerror(errno));
	close(in);
	close(out);
	return r;
}

static int
copy_entry(int from, int to, const char *name, const char *shown,
    char **err)
{
	struct stat sb;
	int sub_from, sub_to, r;

	if (fstatat(from, name, &sb, AT_SYMLINK_NOFOLLOW) != 0)
		return set_error(err, -1, _("cannot read %s: %s"), shown,
		    strerror(errno));
	if (S_ISREG(sb.st_mode))
		return copy_file(from, to, name, shown, err);
	if (!S_ISDIR(sb.st_mode))
		return set_error(err, -1, _("%s is not a regular file or a "
		    "directory: a session copies only those (no symbolic "
		    "links)"), shown);
	if (mkdirat(to, name, 0750) != 0)
		return set_error(err, -1, _("cannot make %s: %s"), shown,
		    strerror(errno));
	sub_from = openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	sub_to = openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (sub_from < 0 || sub_to < 0)
		r = set_error(err, -1, _("cannot open %s: %s"), shown,
		    strerror(errno));
	else
		r = copy_tree(sub_from, sub_to, shown, err);
	if (sub_from >= 0)
		close(sub_from);
	if (sub_to >= 0)
		close(sub_to);
	return r;
}

/* Copies the directory `from` into `to` (both open), regular files and
 * directories only; names starting with '.' (version control, editors'
 * swap files) are left out.  `shown` names `from` in messages. */
static int
copy_tree(int from, int to, const char *shown, char **err)
{
	DIR *d;
	struct dirent *e;
	char *path;
	int fd = dup(from), r = 0;

	if (fd < 0 || (d = fdopendir(fd)) == NULL) {
		if (fd >= 0)
			close(fd);
		return set_error(err, -1, _("cannot read %s: %s"), shown,
		    strerror(errno));
	}
	while (r == 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = path_join(shown, e->d_name);
		r = copy_entry(from, to, e->d_name, path, err);
		free(path);
	}
	closedir(d);
	return r;
}

static int
copy_module(const char *src, const char *dst, char **err)
{
	int from, to, r;

	if (mkdir(dst, 0750) != 0)
		return set_error(err, -1, _("cannot make %s: %s"), dst,
		    strerror(errno));
	from = open(src, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	to = open(dst, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (from < 0 || to < 0)
		r = set_error(err, -1, _("cannot open %s: %s"),
		    from < 0 ? src : dst, strerror(errno));
	else
		r = copy_tree(from, to, src, err);
	if (from >= 0)
		close(from);
	if (to >= 0)
		close(to);
	return r;
}

/* Removes what a failed `new` made (never following symbolic links). */
static void
remove_tree_at(int parent, const char *name)
{
	DIR *d;
	struct dirent *e;
	int fd;

	if (unlinkat(parent, name, 0) == 0)
		return;
	if (errno != EISDIR && errno != EPERM)	/* Linux says EISDIR */
		return;
	fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd < 0)
		return;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_tree_at(dirfd(d), e->d_name);
	closedir(d);
	unlinkat(parent, name, AT_REMOVEDIR);
}

static void
remove_contents(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_tree_at(dirfd(d), e->d_name);
	closedir(d);
}

/* 1 when dir does not exist (it is made), 0 when it is an empty directory,
 * -1 with *err otherwise. */
static int
prepare_dir(const char *dir, char **err)
{
	DIR *d;
	struct dirent *e;
	int empty = 1;

	if (mkdir(dir, 0770) == 0)
		return 1;
	if (errno != EEXIST)	/* an I/O fault, not a rule: exit 3 */
		return set_error(err, -3, _("cannot make %s: %s"), dir,
		    strerror(errno));
	if ((d = opendir(dir)) == NULL)
		return set_error(err, -1, _("%s exists and is not a directory "
		    "convene can use: %s"), dir, strerror(errno));
	while (empty && (e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	if (!empty)
		return set_error(err, -1, _("%s exists and is not empty: a "
		    "new session needs a new directory"), dir);
	return 0;
}

static int
fill_dir(const char *dir, const char *module_dir,
    const struct session_settings *set, char **err)
{
	char *path;
	int r;

	path = path_join(dir, MODULE_DIR);
	r = copy_module(module_dir, path, err);
	free(path);
	if (r != 0)
		return r;
	path = path_join(dir, SESSION_INI);
	r = write_settings(path, set, err);
	free(path);
	if (r != 0)
		return r;
	path = path_join(dir, DRAFTS_DIR);
	if ((r = mkdir(path, 0770)) != 0)
		set_error(err, -1, _("cannot make %s: %s"), path,
		    strerror(errno));
	free(path);
	if (r != 0)
		return r;
	path = path_join(dir, JOURNAL_CSV);
	r = journal_create(path, err);
	free(path);
	return r;
}

int
session_create(const char *dir, const char *module_dir,
    const struct session_settings *set, char **err)
{
	mode_t old_umask;
	int made, r;

	if (set->start == NULL || tz_parse_date(set->start, &(int){ 0 },
	    &(int){ 0 }, &(int){ 0 }) != 0)
		return set_error(err, 3, "%s", _("the session needs the date "
		    "of day 1 (YYYY-MM-DD)"));
	/* In a shared deployment's setgid directory, let the group read and
	 * write what is made (the module is read with the user's own ids). */
	old_umask = privilege_group_umask(dir);
	if ((made = prepare_dir(dir, err)) < 0) {
		privilege_restore_umask(old_umask);
		return made == -3 ? 3 : 1;
	}
	r = fill_dir(dir, module_dir, set, err);
	privilege_restore_umask(old_umask);
	if (r != 0) {
		/* Leave nothing half-made behind. */
		remove_contents(dir);
		if (made)
			rmdir(dir);
		return 3;
	}
	return 0;
}

/* --- opening ------------------------------------------------------------- */

/* "pts/3:1234" from the terminal and the pid, "script:1234" without one. */
static char *
terminal_name(void)
{
	const char *tty = isatty(STDIN_FILENO) ? ttyname(STDIN_FILENO) : NULL;

	if (tty == NULL)
		return xasprintf("script:%ld", (long)getpid());
	if (str_starts(tty, "/dev/"))
		tty += 5;
	return xasprintf("%s:%ld", tty, (long)getpid());
}

/* Local midnights of the workshop's days (and a day after), through ICU,
 * so that days follow the module's zone even across a DST change. */
static void
set_days(struct session *s)
{
	const char *zone = s->module->timezone;
	int y, m, d, yy, mm, dd, i, ndays = s->module->days > 0 ?
	    s->module->days + 1 : 2;
	int64_t *starts;

	if (zone == NULL || tz_parse_date(s->set.start, &y, &m, &d) != 0)
		return;
	starts = xcalloc((size_t)ndays, sizeof *starts);
	for (i = 0; i < ndays; i++)
		if (tz_add_days(zone, y, m, d, i, &yy, &mm, &dd) != 0 ||
		    tz_from_local(zone, yy, mm, dd, 0, &starts[i]) != 0)
			break;
	if (i > 0)
		state_set_days(s->state, starts, (size_t)i);
	free(starts);
}

/* The state's text loader: the record at `offset` of this journal. */
static int
load_record(void *journal, int64_t offset, state_record_fn on_record,
    void *ctx, char **err)
{
	return journal_record_at(journal, offset, on_record, ctx, err);
}

struct session *
session_open(const char *dir, int read_only, char **err)
{
	return session_open_with(dir, read_only ? SESSION_READ_ONLY : 0, err);
}

/* session.ini, opened beneath the session and checked as a file the
 * caller could not have written (it holds the passphrase hash), then handed
 * to iniparser, which opens by path, as /dev/fd/N. */
static int
open_settings(struct session *s, char **err)
{
	char *shown = path_join(s->dir, SESSION_INI), load[32];
	int fd = sessdir_openat(&s->sd, SESSION_INI, O_RDONLY, 0,
	    SESSDIR_SECRET), r;

	if (fd < 0) {
		r = set_error(err, -1, _("cannot read %s: %s"), shown,
		    errno == ENOENT ? _("missing (is this a session?)") :
		    file_strerror(errno));
		free(shown);
		return r;
	}
	snprintf(load, sizeof load, "/dev/fd/%d", fd);
	r = read_settings(load, shown, &s->set, err);
	close(fd);
	free(shown);
	return r;
}

/* The module copy: every file in it checked beneath the session, then
 * loaded from its real path. */
static int
open_module(struct session *s, char **err)
{
	char *real = NULL, *shown;

	if (sessdir_tree(&s->sd, MODULE_DIR, &real) != 0) {
		shown = path_join(s->dir, MODULE_DIR);
		set_error(err, -1, _("cannot read the module copy %s: %s"),
		    shown, file_strerror(errno));
		free(shown);
		return -1;
	}
	s->module = content_load(real, err);
	free(real);
	return s->module != NULL ? 0 : -1;
}

static int
open_journal(struct session *s, int read_only, char **err)
{
	char *shown = path_join(s->dir, JOURNAL_CSV);

	s->journal = journal_open_beneath(&s->sd, JOURNAL_CSV, shown,
	    read_only, err);
	free(shown);
	return s->journal != NULL ? 0 : -1;
}

struct session *
session_open_with(const char *dir, unsigned flags, char **err)
{
	struct session *s = xcalloc(1, sizeof *s);
	int read_only = (flags & SESSION_READ_ONLY) != 0;

	s->dir = xstrdup(dir);
	s->sd.fd = -1;
	s->terminal = terminal_name();
	/* Inside the sessions directory or not: decided before anything is
	 * opened with the group (sessdir.h). */
	if (sessdir_open(dir, &s->sd, err) != 0) {
		session_close(s);
		return NULL;
	}
	privilege_raise();	/* the session's own files only */
	if (open_settings(s, err) != 0 || open_module(s, err) != 0 ||
	    open_journal(s, read_only, err) != 0)
		goto fail;
	s->state = state_new();
	s->state->anonymous = s->set.anonymous;
	s->state->no_self_votes = s->set.no_self_votes;
	s->state->default_budget = s->set.budget;
	if (flags & SESSION_TEXTS_ON_DEMAND)
		state_texts_on_demand(s->state, load_record, s->journal);
	set_days(s);
	session_checkpoint_load(s);
	journal_set_peek(s->journal, state_peek_id, s->state);
	if ((s->replayed = session_refresh(s, err)) < 0)
		goto fail;
	state_texts_keep_new(s->state);
	privilege_drop();
	return s;
fail:
	session_close(s);
	privilege_drop();
	return NULL;
}

void
session_close(struct session *s)
{
	if (s == NULL || s->kept)
		return;
	if (s->journal != NULL)
		journal_close(s->journal);
	if (s->module != NULL)
		module_free(s->module);
	state_free(s->state);
	session_settings_free(&s->set);
	free(s->terminal);
	free(s->serve_name);
	if (s->serve_pin != NULL)
		explicit_bzero(s->serve_pin, strlen(s->serve_pin));
	free(s->serve_pin);
	if (s->serve_pass != NULL)
		explicit_bzero(s->serve_pass, strlen(s->serve_pass));
	free(s->serve_pass);
	free(s->dir);
	sessdir_close(&s->sd);
	free(s);
}

long
session_refresh(struct session *s, char **err)
{
	long n = journal_read(s->journal, state_apply_cb, state_note_bad,
	    s->state, err);

	plan_apply(s->module, s->state);	/* the agenda as changed */
	return n;
}

/*
 * On a shared host with the writer service, a caller outside the group
 * never appends to a session inside the sessions directory itself, however
 * it named the session or however many arguments it gave (serve_route and
 * serve_attach send only what they recognise): it would take the journal's
 * lock in a process its user can stop, and pass none of the service's
 * checks of who asks (serve.h).
 */
static int
append_is_the_services(const struct session *s)
{
	return s->sd.inside && privilege_held() &&
	    !sessdir_caller_in_group(&s->sd) && serve_socket_there();
}

int
session_append(struct session *s, journal_build_fn build, void *bctx,
    char **err)
{
	int r;

	if (append_is_the_services(s))
		return set_error(err, 3, _("the writer service writes the "
		    "sessions in %s: name the session as %s/NAME (nothing "
		    "was written)"), sessdir_root(), sessdir_root());
	r = journal_append(s->journal, build, bctx, state_apply_cb,
	    state_note_bad, s->state, 0, err);

	plan_apply(s->module, s->state);
	return r;
}

char *
session_path(const struct session *s, const char *name)
{
	return path_join(s->dir, name);
}

const char *
session_participant_zone(const struct session *s, int p)
{
	const struct participant *who;

	if (p < 0 || (size_t)p >= s->state->nparticipants)
		return s->module->timezone;
	who = &s->state->participants[p];
	return zones_participant(s->set.online, who->tz, who->country,
	    s->module->timezone);
}

const char *
session_privacy_notice(const struct session *s)
{
	if (s->set.privacy != NULL)
		return s->set.privacy;
	if (s->module != NULL && s->module->privacy != NULL &&
	    s->module->privacy[0] != '\0')
		return s->module->privacy;
	return _("What is recorded: your name, country and organisation, and "
	    "what you write, vote and answer here, with the time. Who sees "
	    "it: ideas and questions are shown on the boards and the "
	    "projector; the facilitators and organizers see the whole "
	    "record, names included, and export it for the follow-up report "
	    "(names can be purged after it).");
}
