/* util.c -- allocation wrappers and small string helpers. */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"

void (*xalloc_fatal_hook)(void);

static void
out_of_memory(size_t size)
{
	if (xalloc_fatal_hook != NULL)
		xalloc_fatal_hook();
	fprintf(stderr, "convene: out of memory (%zu bytes)\n", size);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size == 0 ? 1 : size);

	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

	if (p == NULL)
		out_of_memory(n * size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size == 0 ? 1 : size);

	if (q == NULL)
		out_of_memory(size);
	return q;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap;

	if (need <= n)
		return p;
	if (n < 8)
		n = 8;
	while (n < need)
		n *= 2;
	if (n > ((size_t)-1) / size)
		out_of_memory((size_t)-1);
	*cap = n;
	return xrealloc(p, n * size);
}

void
strbuf_add(struct strbuf *b, const char *s, size_t len)
{
	b->p = xgrow(b->p, &b->cap, b->n + len + 1, 1);
	memcpy(b->p + b->n, s, len);
	b->n += len;
	b->p[b->n] = '\0';
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	int n;
	char *p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		out_of_memory(0);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

int
set_error(char **err, int ret, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return ret;
	free(*err);
	va_start(ap, fmt);
	*err = xvasprintf(fmt, ap);
	va_end(ap);
	return ret;
}

int
str_to_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

int
str_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

const char *
file_strerror(int e)
{
	if (e == ENOTREGULAR)
		return _("not a regular file (a FIFO, a device or a directory)");
	if (e == ENOTSAFE)
		return _("not a file convene made (a symbolic link on the way, "
		    "another group, writable by others or with more than one "
		    "link)");
	return strerror(e);
}

int
file_check_regular(int fd)
{
	struct stat sb;
	int fl;

	if (fstat(fd, &sb) != 0)
		return -1;
	if (!S_ISREG(sb.st_mode)) {
		errno = ENOTREGULAR;
		return -1;
	}
	fl = fcntl(fd, F_GETFL);
	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
		return -1;
	return 0;
}

int
file_open_regular(const char *path, int flags)
{
	int fd = open(path, flags | O_NONBLOCK | O_NOCTTY | O_CLOEXEC), e;

	if (fd < 0) {
		/* A FIFO without a reader refuses O_WRONLY | O_NONBLOCK. */
		if (errno == ENXIO || errno == EISDIR)
			errno = ENOTREGULAR;
		return -1;
	}
	if (file_check_regular(fd) != 0) {
		e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

char *
shell_quote(const char *s)
{
	static const char safe[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+,:@%";
	size_t n = strlen(s), i, k = 0;
	char *q;

	if (n > 0 && strspn(s, safe) == n)
		return xstrdup(s);
	q = xmalloc(n * 4 + 3);		/* each ' becomes '\'' */
	q[k++] = '\'';
	for (i = 0; i < n; i++) {
		if (s[i] == '\'') {
			memcpy(q + k, "'\\''", 4);
			k += 4;
		} else
			q[k++] = s[i];
	}
	q[k++] = '\'';
	q[k] = '\0';
	return q;
}

char *
file_read_all(const char *path, size_t max, size_t *len)
{
	int fd = file_open_regular(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	return file_read_fd(fd, max, len);
}

char *
file_read_fd(int fd, size_t max, size_t *len)
{
	FILE *f;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if ((f = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return NULL;
	}
	for (;;) {
		buf = xgrow(buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
		if (max != 0 && n > max) {
			free(buf);
			fclose(f);
			errno = EFBIG;
			return NULL;
		}
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		free(buf);
		fclose(f);
		errno = e;
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}
