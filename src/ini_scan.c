/* ini_scan.c -- every line of an INI file as iniparser 4.1 reads it, with
 * line numbers and faults; then iniparser for the values.  See ini_scan.h. */
/* memfd_create(2) (Linux, glibc 2.27): declared for _GNU_SOURCE only. */
#define _GNU_SOURCE 1
#include "ini_scan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <unicode/utf8.h>

#include "i18n.h"
#include "text.h"
#include "util.h"

/* The state of one scan: the result, the cleaned copy being built and
 * whether iniparser needs that copy. */
struct scanner {
	struct ini_scan *out;
	char *clean;
	size_t cleanlen, cleancap;
	int needs_clean;
	struct ini_scan_section *cur;	/* the section keys go to, or NULL */
};

static void
add_fault(struct ini_scan *s, unsigned line, char *message)
{
	if (s->nfaults >= INI_SCAN_MAX_FAULTS) {
		free(message);
		s->more_faults++;
		return;
	}
	s->faults = xgrow(s->faults, &s->capfaults, s->nfaults + 1,
	    sizeof *s->faults);
	s->faults[s->nfaults].line = line;
	s->faults[s->nfaults].message = message;
	s->nfaults++;
}

static void PRINTFLIKE(3, 4)
fault(struct scanner *sc, unsigned line, const char *fmt, ...)
{
	va_list ap;
	char *raw;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	/* Messages quote names from the file: never let its control
	 * characters or broken UTF-8 reach a terminal. */
	add_fault(sc->out, line, text_sanitize(raw));
	free(raw);
}

static void
emit(struct scanner *sc, const char *s, size_t len)
{
	sc->clean = xgrow(sc->clean, &sc->cleancap, sc->cleanlen + len + 2, 1);
	memcpy(sc->clean + sc->cleanlen, s, len);
	sc->cleanlen += len;
	sc->clean[sc->cleanlen++] = '\n';
	sc->clean[sc->cleanlen] = '\0';
}

/* iniparser trims with isspace() in the C locale. */
static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f' ||
	    c == '\n';
}

static void
trim(const char **s, size_t *len)
{
	while (*len > 0 && is_blank((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_blank((unsigned char)(*s)[*len - 1]))
		(*len)--;
}

static char *
lower_copy(const char *s, size_t len)
{
	char *p = xstrndup(s, len);
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	return p;
}

int
ini_scan_text_fault(const char *s, size_t len, char **message)
{
	int32_t i = 0, at, n;
	UChar32 c;

	if (len > INT32_MAX) {
		*message = xstrdup(_("the line is far too long"));
		return 1;
	}
	n = (int32_t)len;
	while (i < n) {
		at = i;
		U8_NEXT(s, i, n, c);
		if (c < 0) {
			*message = xasprintf(_("invalid UTF-8 at byte %ld of the "
			    "line"), (long)at + 1);
			return 1;
		}
		if (c == 0) {
			*message = xasprintf(_("a NUL byte at byte %ld of the "
			    "line"), (long)at + 1);
			return 1;
		}
		if (c == '\t' || (c == '\r' && i == n))
			continue;
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
			*message = xasprintf(_("control character U+%04X at "
			    "byte %ld of the line"), (unsigned)c, (long)at + 1);
			return 1;
		}
	}
	return 0;
}

static struct ini_scan_section *
add_section(struct scanner *sc, char *name, unsigned line, int usable)
{
	struct ini_scan *s = sc->out;
	struct ini_scan_section *sec;

	s->secs = xgrow(s->secs, &s->capsecs, s->nsecs + 1, sizeof *s->secs);
	sec = &s->secs[s->nsecs++];
	memset(sec, 0, sizeof *sec);
	sec->name = name;
	sec->line = line;
	sec->usable = usable;
	return sec;
}

static void
scan_section(struct scanner *sc, const char *t, size_t len, unsigned line)
{
	const char *inner = t + 1;
	size_t n = len >= 2 ? len - 2 : 0;
	char *name, buf[32];

	if (len >= 2 && t[len - 1] == ']')
		trim(&inner, &n);
	if (len < 2 || t[len - 1] != ']' || n == 0 ||
	    memchr(inner, '[', n) != NULL || memchr(inner, ']', n) != NULL) {
		fault(sc, line, "%s", _("a bad section header: write [NAME] "
		    "alone on its line"));
		/* A placeholder keeps the keys below out of the section
		 * above. */
		snprintf(buf, sizeof buf, "[?%u]", line);
		emit(sc, buf, strlen(buf));
		sc->needs_clean = 1;
		sc->cur = add_section(sc, xstrdup(""), line, 0);
		return;
	}
	name = lower_copy(inner, n);
	sc->cur = add_section(sc, name, line, 1);
	emit(sc, t, len);
}

/* The value's own faults: quotes and comments inside it. */
static void
scan_value(struct scanner *sc, const char *v, size_t n, unsigned line)
{
	const char *close, *rest;
	size_t restlen;

	if (n > 0 && (v[0] == '"' || v[0] == '\'')) {
		close = memchr(v + 1, v[0], n - 1);
		if (close == NULL) {
			fault(sc, line, _("the quote %c is never closed"), v[0]);
			return;
		}
		rest = close + 1;
		restlen = (size_t)(v + n - rest);
		trim(&rest, &restlen);
		if (restlen > 0)
			fault(sc, line, "%s", _("text after the closing quote "
			    "is ignored"));
		return;
	}
	rest = memchr(v, ';', n);
	if (rest == NULL)
		rest = memchr(v, '#', n);
	if (rest != NULL)
		fault(sc, line, _("'%c' starts a comment, so the value ends "
		    "before it: put the whole value in double quotes"), *rest);
}

static void
scan_key(struct scanner *sc, const char *t, size_t len, unsigned line)
{
	const char *eq = memchr(t, '=', len), *key = t, *v;
	size_t klen, vlen;
	char *name;
	struct ini_scan_section *sec = sc->cur;

	klen = eq != NULL ? (size_t)(eq - t) : 0;
	trim(&key, &klen);
	if (eq == NULL || klen == 0) {
		fault(sc, line, "%s", eq == NULL ? _("not a section header, a "
		    "key = value line or a comment") : _("no key before '='"));
		emit(sc, "", 0);
		sc->needs_clean = 1;
		return;
	}
	v = eq + 1;
	vlen = (size_t)(t + len - v);
	trim(&v, &vlen);
	emit(sc, t, len);
	scan_value(sc, v, vlen, line);
	name = lower_copy(key, klen);
	if (sec == NULL) {
		fault(sc, line, _("'%s' comes before the first section"), name);
		free(name);
		return;
	}
	sec->keys = xgrow(sec->keys, &sec->capkeys, sec->nkeys + 1,
	    sizeof *sec->keys);
	sec->keys[sec->nkeys].name = name;
	sec->keys[sec->nkeys].line = line;
	sec->nkeys++;
}

static void
scan_line(struct scanner *sc, const char *s, size_t len, unsigned line)
{
	size_t rawlen = len;
	char *msg;

	if (line == 1 && len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
		fault(sc, line, "%s", _("the file starts with a byte order "
		    "mark (BOM): save it as UTF-8 without one"));
		sc->needs_clean = 1;
		s += 3;
		len -= 3;
	}
	if (rawlen > INI_SCAN_LINE_MAX) {
		fault(sc, line, _("the line is %zu bytes long; the limit is "
		    "%d"), rawlen, INI_SCAN_LINE_MAX);
		emit(sc, "", 0);
		sc->needs_clean = 1;
		return;
	}
	if (ini_scan_text_fault(s, len, &msg)) {
		add_fault(sc->out, line, msg);
		if (memchr(s, '\0', len) != NULL) {
			/* iniparser would stop reading the line there. */
			emit(sc, "", 0);
			sc->needs_clean = 1;
			return;
		}
	}
	trim(&s, &len);
	if (len > 0 && s[len - 1] == '\\') {
		/* iniparser would glue the next line to this one, even to a
		 * comment. */
		fault(sc, line, "%s", _("a line ending in a backslash would "
		    "continue on the next line: remove the backslash"));
		while (len > 0 && (s[len - 1] == '\\' || is_blank(s[len - 1])))
			len--;
		sc->needs_clean = 1;
	}
	if (len == 0 || s[0] == ';' || s[0] == '#')
		emit(sc, s, len);
	else if (s[0] == '[')
		scan_section(sc, s, len, line);
	else
		scan_key(sc, s, len, line);
}

/*
 * Repeats.  Sorting by (name, line) puts each repeat right after its first
 * occurrence: O(n log n) where a search per line would be quadratic on a
 * hostile file of many thousand sections.
 */
static int
cmp_section(const void *a, const void *b)
{
	const struct ini_scan_section *x = *(const struct ini_scan_section *
	    const *)a, *y = *(const struct ini_scan_section * const *)b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static int
cmp_key(const void *a, const void *b)
{
	const struct ini_scan_key *x = *(const struct ini_scan_key * const *)a,
	    *y = *(const struct ini_scan_key * const *)b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

static void
find_repeated_keys(struct scanner *sc, struct ini_scan_section *sec)
{
	struct ini_scan_key **v;
	size_t i, first = 0;

	if (sec->nkeys < 2)
		return;
	v = xcalloc(sec->nkeys, sizeof *v);
	for (i = 0; i < sec->nkeys; i++)
		v[i] = &sec->keys[i];
	qsort(v, sec->nkeys, sizeof *v, cmp_key);
	for (i = 1; i < sec->nkeys; i++) {
		if (strcmp(v[i]->name, v[first]->name) != 0) {
			first = i;
			continue;
		}
		fault(sc, v[i]->line, _("'%s' is already set at line %u"),
		    v[i]->name, v[first]->line);
	}
	free(v);
}

static void
find_repeats(struct scanner *sc)
{
	struct ini_scan *s = sc->out;
	struct ini_scan_section **v;
	size_t i, first = 0;

	for (i = 0; i < s->nsecs; i++)
		find_repeated_keys(sc, &s->secs[i]);
	if (s->nsecs < 2)
		return;
	v = xcalloc(s->nsecs, sizeof *v);
	for (i = 0; i < s->nsecs; i++)
		v[i] = &s->secs[i];
	qsort(v, s->nsecs, sizeof *v, cmp_section);
	for (i = 1; i < s->nsecs; i++) {
		if (strcmp(v[i]->name, v[first]->name) != 0 ||
		    v[first]->name[0] == '\0') {
			first = i;
			continue;
		}
		v[i]->usable = 0;
		fault(sc, v[i]->line, _("section [%s] is already at line %u"),
		    v[i]->name, v[first]->line);
	}
	free(v);
}

/* Faults in line order; equal lines keep the order they were found in
 * (qsort is not stable, so the position is the tie-break). */
struct ranked_fault {
	struct ini_scan_fault f;
	size_t pos;
};

static int
cmp_fault(const void *a, const void *b)
{
	const struct ranked_fault *x = a, *y = b;

	if (x->f.line != y->f.line)
		return (x->f.line > y->f.line) - (x->f.line < y->f.line);
	return (x->pos > y->pos) - (x->pos < y->pos);
}

static void
sort_faults(struct ini_scan *s)
{
	struct ranked_fault *v;
	size_t i;

	v = xcalloc(s->nfaults, sizeof *v);
	for (i = 0; i < s->nfaults; i++) {
		v[i].f = s->faults[i];
		v[i].pos = i;
	}
	qsort(v, s->nfaults, sizeof *v, cmp_fault);
	for (i = 0; i < s->nfaults; i++)
		s->faults[i] = v[i].f;
	free(v);
}

static void
count_entries(struct ini_scan *s)
{
	size_t i;

	s->nentries = s->nsecs;
	for (i = 0; i < s->nsecs; i++)
		s->nentries += s->secs[i].nkeys;
}

void
ini_scan_buffer(const char *buf, size_t len, struct ini_scan *out)
{
	struct scanner sc;
	size_t pos = 0;
	const char *nl;
	unsigned line = 0;

	memset(&sc, 0, sizeof sc);
	sc.out = out;
	while (pos < len) {
		nl = memchr(buf + pos, '\n', len - pos);
		if (nl == NULL)
			nl = buf + len;
		scan_line(&sc, buf + pos, (size_t)(nl - (buf + pos)), ++line);
		pos = (size_t)(nl - buf) + 1;
	}
	find_repeats(&sc);
	sort_faults(out);
	count_entries(out);
	if (sc.needs_clean) {
		out->clean = sc.clean != NULL ? sc.clean : xstrdup("");
		out->cleanlen = sc.cleanlen;
	} else {
		free(sc.clean);
	}
}

void
ini_scan_free(struct ini_scan *s)
{
	size_t i, k;

	for (i = 0; i < s->nsecs; i++) {
		for (k = 0; k < s->secs[i].nkeys; k++)
			free(s->secs[i].keys[k].name);
		free(s->secs[i].keys);
		free(s->secs[i].name);
	}
	free(s->secs);
	for (i = 0; i < s->nfaults; i++)
		free(s->faults[i].message);
	free(s->faults);
	free(s->clean);
	memset(s, 0, sizeof *s);
}

const struct ini_scan_section *
ini_scan_find(const struct ini_scan *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->nsecs; i++)
		if (s->secs[i].usable && strcmp(s->secs[i].name, name) == 0)
			return &s->secs[i];
	return NULL;
}

const struct ini_scan_key *
ini_scan_key(const struct ini_scan_section *sec, const char *key)
{
	size_t i;

	for (i = 0; i < sec->nkeys; i++)
		if (strcmp(sec->keys[i].name, key) == 0)
			return &sec->keys[i];
	return NULL;
}

/* iniparser prints its complaints to stderr unless told otherwise; the
 * scan has already said what is wrong, and a curses screen may be up. */
static int
quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

/* iniparser_load on path, only when it is a regular file: opened without
 * waiting (a FIFO would block iniparser's fopen) and handed to iniparser
 * as that descriptor, so nothing swapped in after the check is read.
 * NULL with errno ENOTREGULAR for a FIFO, device or directory. */
static dictionary *load_fd(int fd);

static dictionary *
load_regular(const char *path)
{
	int fd = file_open_regular(path, O_RDONLY);

	return fd < 0 ? NULL : load_fd(fd);
}

/* iniparser_load on what the descriptor reads (iniparser opens by path:
 * /dev/fd/N), then closes it, keeping iniparser's errno. */
static dictionary *
load_fd(int fd)
{
	char fdpath[64];
	dictionary *d;
	int e;

	snprintf(fdpath, sizeof fdpath, "/dev/fd/%d", fd);
	d = iniparser_load(fdpath);
	e = errno;
	close(fd);
	errno = e;
	return d;
}

/* iniparser_load on buf[0..len): iniparser 4.1 reads only named files, so
 * the bytes go into an anonymous memory file handed over as /dev/fd/N --
 * no temporary file in a directory (which a read-only or full host may
 * lack, and which another process could reach), and no second reading of
 * the file that was scanned. */
static dictionary *
load_buffer(const char *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;
	int fd = memfd_create("convene-ini", MFD_CLOEXEC), e;

	if (fd < 0)
		return NULL;
	while (done < len) {
		n = write(fd, buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			e = errno;
			close(fd);
			errno = e;
			return NULL;
		}
		done += (size_t)n;
	}
	return load_fd(fd);
}

dictionary *
ini_scan_load(const char *path, const struct ini_scan *scan)
{
	iniparser_set_error_callback(quiet);
	if (scan != NULL && scan->nentries > INI_SCAN_MAX_ENTRIES)
		return NULL;
	if (scan == NULL || scan->clean == NULL)
		return load_regular(path);
	return load_buffer(scan->clean, scan->cleanlen);
}
