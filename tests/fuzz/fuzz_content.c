/*
 * fuzz_content.c -- the module loader (content.h) and `convene check`
 * (check.h) on arbitrary modules.
 *
 * The input is a whole module directory: its first part is module.ini;
 * a line "%%% PATH" starts the file PATH (letters, digits and . _ - /
 * only, no "..", at most 3 levels), and a line "%%> PATH N" makes PATH a
 * symbolic link to the N-th of a few hostile targets (a file beside the
 * module, /etc/hostname, a directory, the module itself, a missing file).
 * Checked beyond "no crash": the checker's faults are sorted as check.h
 * says, counted right, relative to the module and safe to print; a module
 * the checker finds sound loads, with what the checker counted; every page
 * the agenda names parses.
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "content.h"
#include "fuzz.h"
#include "markdown.h"
#include "text.h"
#include "util.h"

static char *top;		/* holds the module and a file beside it */
static char *moddir;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char *outside;
	int fd;

	(void)argc;
	(void)argv;
	top = xasprintf("%s/convene-fuzz-content.XXXXXX", base);
	if (mkdtemp(top) == NULL)
		abort();
	moddir = path_join(top, "m");
	outside = path_join(top, "outside.md");
	fd = open(outside, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, "# Outside\n", 10) != 10)
		abort();
	close(fd);
	free(outside);
	return 0;
}

static int
remove_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(p);
}

static void
clear_module(void)
{
	nftw(moddir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	if (mkdir(moddir, 0700) != 0)
		abort();
}

/* A relative path the harness is willing to make; 0 when fine. */
static int
safe_path(const char *p)
{
	int depth = 0;
	const char *c;

	if (p[0] == '\0' || p[0] == '/' || strstr(p, "..") != NULL ||
	    strstr(p, "//") != NULL || strlen(p) > 100)
		return -1;
	for (c = p; *c != '\0'; c++) {
		if (*c == '/')
			depth++;
		else if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || *c == '.' || *c == '_' ||
		    *c == '-'))
			return -1;
	}
	return depth <= 2 && c[-1] != '/' ? 0 : -1;
}

/* Makes the directories above moddir/rel; returns the full path. */
static char *
prepare(const char *rel)
{
	char *full = path_join(moddir, rel), *slash;

	for (slash = strchr(full + strlen(moddir) + 1, '/'); slash != NULL;
	    slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(full, 0700) != 0 && errno != EEXIST) {
			free(full);
			return NULL;
		}
		*slash = '/';
	}
	return full;
}

static void
make_file(const char *rel, const char *data, size_t len)
{
	char *full = prepare(rel);
	int fd;

	if (full == NULL)
		return;
	fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
	if (fd >= 0) {
		if (len > 0 && write(fd, data, len) != (ssize_t)len)
			abort();
		close(fd);
	}
	free(full);
}

static void
make_link(const char *rel, unsigned which)
{
	static const char *const targets[] = {
		"../outside.md", "/etc/hostname", "pages", ".", "missing.md",
		"../m/module.ini"
	};
	char *full = prepare(rel);

	if (full == NULL)
		return;
	if (symlink(targets[which % NELEM(targets)], full) != 0 &&
	    errno != EEXIST && errno != ENOENT && errno != ENOTDIR)
		abort();
	free(full);
}

/* Writes the module the input describes. */
static void
write_module(const char *p, size_t size)
{
	const char *end = p + size, *line, *nl, *body;
	char *name = xstrdup("module.ini"), *arg;
	size_t len;

	body = p;
	for (line = p; line < end; line = nl + 1) {
		nl = memchr(line, '\n', (size_t)(end - line));
		if (nl == NULL)
			break;
		if ((size_t)(nl - line) < 5 || memcmp(line, "%%", 2) != 0 ||
		    (line[2] != '%' && line[2] != '>') || line[3] != ' ')
			continue;
		if (name != NULL)
			make_file(name, body, (size_t)(line - body));
		free(name);
		name = NULL;
		arg = xstrndup(line + 4, (size_t)(nl - line - 4));
		len = strlen(arg);
		if (line[2] == '%') {
			if (safe_path(arg) == 0)
				name = xstrdup(arg);
		} else if (len > 2 && arg[len - 2] == ' ') {
			arg[len - 2] = '\0';
			if (safe_path(arg) == 0)
				make_link(arg, (unsigned char)arg[len - 1]);
		}
		free(arg);
		body = nl + 1;
	}
	if (name != NULL)
		make_file(name, body, (size_t)(end - body));
	free(name);
}

static int
file_rank(const char *f)
{
	return strcmp(f, "module.ini") == 0 ? 0 : 1;
}

/* Safe to print: valid UTF-8 without control characters. */
static int
printable(const char *s)
{
	const char *c;

	if (text_validate(s, strlen(s), NULL) != 0)
		return 0;
	for (c = s; *c != '\0'; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return 0;
	return 1;
}

static void
check_report(const struct check_report *r, int n)
{
	const struct check_fault *f, *prev;
	size_t i;
	char *line;

	FUZZ_ASSERT(n >= 0 && (size_t)n == r->nfaults + r->unlisted);
	FUZZ_ASSERT(r->nfaults <= CHECK_MAX_FAULTS);
	for (i = 0; i < r->nfaults; i++) {
		f = &r->faults[i];
		FUZZ_ASSERT(f->file != NULL && f->message != NULL);
		FUZZ_ASSERT(f->file[0] != '/' && strstr(f->file, "..") == NULL);
		FUZZ_ASSERT(f->message[0] != '\0');
		line = check_fault_format(f);
		if (!printable(line))
			fprintf(stderr, "unsafe fault: %s\n", line);
		FUZZ_ASSERT(printable(line));
		free(line);
		if (i == 0)
			continue;
		prev = &r->faults[i - 1];
		FUZZ_ASSERT(file_rank(prev->file) <= file_rank(f->file));
		if (file_rank(prev->file) == file_rank(f->file) &&
		    file_rank(f->file) == 1)
			FUZZ_ASSERT(strcmp(prev->file, f->file) <= 0);
		if (strcmp(prev->file, f->file) == 0)
			FUZZ_ASSERT(prev->line <= f->line);
	}
}

static void
check_loaded(const struct module *m)
{
	struct md_doc *doc;
	size_t i;
	char *page;

	for (i = 0; i < m->nitems; i++) {
		FUZZ_ASSERT(m->items[i].id != NULL);
		FUZZ_ASSERT(module_item(m, m->items[i].id) != NULL);
		if (i > 0)
			FUZZ_ASSERT(m->items[i - 1].day < m->items[i].day ||
			    (m->items[i - 1].day == m->items[i].day &&
			    m->items[i - 1].start_min <= m->items[i].start_min));
		if (m->items[i].page == NULL)
			continue;
		page = content_read_page(m, m->items[i].page);
		if (page != NULL) {
			doc = markdown_parse(page, strlen(page));
			markdown_free(doc);
			free(page);
		}
	}
	for (i = 0; i < m->ncases; i++)
		FUZZ_ASSERT(module_case(m, m->cases[i].id) != NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct check_report r;
	struct module *m;
	char *err = NULL;
	int n;

	clear_module();
	write_module((const char *)data, size);
	n = content_check(moddir, &r);
	check_report(&r, n);
	m = content_load(moddir, &err);
	if (n == 0) {
		FUZZ_ASSERT(m != NULL);
		FUZZ_ASSERT(m->nitems == r.nsessions);
		FUZZ_ASSERT(m->npolls == r.npolls && m->nevals == r.nevals);
		FUZZ_ASSERT(m->ncases == r.ncases && m->days == r.days);
	}
	if (m != NULL)
		check_loaded(m);
	module_free(m);
	check_report_free(&r);
	free(err);
	return 0;
}
