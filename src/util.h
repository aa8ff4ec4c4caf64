/*
 * util.h -- allocation that never fails, small string helpers.
 *
 * The x* allocators abort the program when memory runs out (as tmux's
 * xmalloc.c does): a workshop tool has no sensible way to go on without
 * memory, and callers stay free of NULL checks.  Everything they return is
 * owned by the caller and released with free().
 */
#ifndef CONVENE_UTIL_H
#define CONVENE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#define PRINTFLIKE(a, b) __attribute__((format(printf, a, b)))
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows an array to hold at least `need` elements of `size`, doubling. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
/* A growable string of bytes: p holds n bytes and a NUL after them (NULL
 * until the first strbuf_add); zero-initialise, free(p) when done. */
struct strbuf {
	char *p;
	size_t n, cap;
};
/* Appends len bytes of s (which may hold NULs), keeping the NUL after. */
void strbuf_add(struct strbuf *b, const char *s, size_t len);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) PRINTFLIKE(1, 2);
char *xvasprintf(const char *fmt, va_list ap) PRINTFLIKE(1, 0);

/* Hook run before aborting on exhausted memory (the UI restores the
 * terminal there).  NULL by default. */
extern void (*xalloc_fatal_hook)(void);

/* Sets *err (when err is not NULL) to a newly allocated message and
 * returns `ret`, so error paths read `return set_error(err, -1, ...)`.
 * A previous *err is freed. */
int set_error(char **err, int ret, const char *fmt, ...) PRINTFLIKE(3, 4);

/* True when s starts with prefix. */
int str_starts(const char *s, const char *prefix);

/* A whole-string decimal in [lo, hi] into *out: 0, else -1 (empty, not a
 * number, trailing bytes, out of range). */
int str_to_long(const char *s, long lo, long hi, long *out);

/* Joins a directory and a name with one '/'; caller frees. */
char *path_join(const char *dir, const char *name);

/* errno for a path that names something other than a regular file (a
 * FIFO, a device, a socket, a directory): refused at once, never waited
 * on.  Not a system errno: show it with file_strerror(). */
#define ENOTREGULAR 0x4e52

/* errno for a file of a shared host's session that fails sessdir's checks
 * (sessdir.h): reached through a symbolic link, of another group, writable
 * by others, with more than one link.  Not a system errno either. */
#define ENOTSAFE 0x4e53

/* strerror() that also knows ENOTREGULAR and ENOTSAFE; a static string. */
const char *file_strerror(int e);

/* Checks that fd (just opened, possibly with O_NONBLOCK) is a regular file
 * and makes it blocking again: 0, or -1 with errno (ENOTREGULAR). */
int file_check_regular(int fd);

/* Opens path with flags (O_CLOEXEC added) without waiting on it: with
 * O_NONBLOCK, so that a FIFO or a device can never block the open, then
 * checked with fstat.  A descriptor of a regular file (blocking again), or
 * -1 with errno (ENOTREGULAR for a FIFO, device, directory...). */
int file_open_regular(const char *path, int flags);

/* s as one word for a POSIX shell, to print a command a person can paste:
 * as it is when it holds only letters, digits and / . _ - + , : @ %, else
 * in single quotes (a ' inside as '\''); "''" when empty.  Caller frees. */
char *shell_quote(const char *s);

/* Reads a whole file (up to max bytes, 0 for no limit) into a NUL-terminated
 * buffer the caller frees; *len gets its length.  NULL and errno on error
 * (EFBIG when over max, ENOTREGULAR when it is not a regular file). */
char *file_read_all(const char *path, size_t max, size_t *len);
/* The same from an open descriptor, which it takes over and closes. */
char *file_read_fd(int fd, size_t max, size_t *len);

#endif
