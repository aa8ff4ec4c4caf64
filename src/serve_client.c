/* serve_client.c -- a verb sent to the writer service (serve.h). */
#include "serve.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "cli.h"
#include "i18n.h"
#include "privilege.h"
#include "serve_proto.h"
#include "sessdir.h"
#include "util.h"

/*
 * 1 when `path` names a directory right inside the sessions directory, its
 * parent compared by device and inode, never by string; *name (caller
 * frees) its last component.
 */
static int
inside_root(const char *path, char **name)
{
	struct stat a, b;
	char *dir = xstrdup(path), *slash;
	size_t n = strlen(dir);
	int r;

	while (n > 1 && dir[n - 1] == '/')
		dir[--n] = '\0';
	slash = strrchr(dir, '/');
	*name = xstrdup(slash != NULL ? slash + 1 : dir);
	if (slash == NULL)
		strcpy(dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	r = stat(dir, &a) == 0 && stat(sessdir_root(), &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino &&
	    (*name)[0] != '\0' && (*name)[0] != '.';
	free(dir);
	if (!r) {
		free(*name);
		*name = NULL;
	}
	return r;
}

/* The service's socket, reached with the group (it is 0660 in a 2770
 * directory).  A descriptor, or -1 with errno. */
static int
connect_service(void)
{
	struct sockaddr_un sa;
	char *path = serve_socket_path();
	int fd, e = 0;

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa.sun_path) {
		free(path);
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	free(path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
		return -1;
	privilege_raise();
	if (connect(fd, (const struct sockaddr *)&sa, sizeof sa) != 0)
		e = errno;
	privilege_drop();
	if (e != 0) {
		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

static int
send_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reads the answer until it is whole, the service closes, or the wait is
 * over.  1 with *m parsed in *buf (caller frees), else 0. */
static int
read_answer(int fd, char **buf, struct serve_msg *m)
{
	size_t cap = 4096, len = 0;
	int64_t end = mono_ms() + SERVE_CLIENT_WAIT_MS;
	const char *why;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	*buf = xmalloc(cap);
	for (;;) {
		int64_t left = end - mono_ms();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0) {
			if (left > 0 && errno == EINTR)
				continue;
			return 0;
		}
		if (len + 1 >= cap)
			*buf = xrealloc(*buf, cap *= 2);
		if ((n = read(fd, *buf + len, cap - len - 1)) < 0 &&
		    errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		len += (size_t)n;
		switch (serve_parse(*buf, len, (size_t)-1 / 2, 0, m, &why)) {
		case 1:
			return m->n == 3;
		case -1:
			return 0;
		}
	}
}

/* The request: verb, session name, secrets from the environment, then the
 * arguments but SESSION. */
static char *
make_request(int argc, char **argv, int skip, const char *name, size_t *len)
{
	const char *f[SERVE_FIELDS_MAX];
	size_t fl[SERVE_FIELDS_MAX], n = 0, i;
	const char *pass = getenv(AUTH_PASSPHRASE_ENV);
	const char *pin = getenv(AUTH_PIN_ENV);
	char *buf = NULL;

	f[n++] = argv[0];
	f[n++] = name;
	f[n++] = pass != NULL ? pass : "";
	f[n++] = pin != NULL ? pin : "";
	for (i = 1; i < (size_t)argc && n < SERVE_FIELDS_MAX; i++)
		if ((int)i != skip)
			f[n++] = argv[i];
	for (i = 0; i < n; i++)
		fl[i] = strlen(f[i]);
	*len = 0;
	serve_format(&buf, len, n, f, fl);
	return buf;
}

/* Sends the request and prints the answer: the exit status. */
static int
ask_service(int fd, const char *req, size_t len)
{
	struct serve_msg m;
	char *buf = NULL;
	int status;

	if (send_all(fd, req, len) != 0 || !read_answer(fd, &buf, &m)) {
		free(buf);
		return cli_fail(EXIT_DATA, "%s", _("the writer service did not "
		    "answer in time: nothing was written"));
	}
	status = atoi(m.field[0]);
	fwrite(m.field[1], 1, m.len[1], stdout);
	fwrite(m.field[2], 1, m.len[2], stderr);
	free(buf);
	return status >= 0 && status <= 3 ? status : EXIT_DATA;
}

int
serve_route(int argc, char **argv, int *status)
{
	char *name = NULL, *req, *rest[SERVE_FIELDS_MAX + 1];
	size_t len;
	int i, skip = -1, n = 0, fd;

	for (i = 1; i < argc && skip < 0; i++)
		if (argv[i][0] != '-' && inside_root(argv[i], &name))
			skip = i;
	if (skip < 0)
		return 0;
	for (i = 0; i < argc && n < SERVE_FIELDS_MAX; i++)
		if (i != skip)
			rest[n++] = argv[i];
	rest[n] = NULL;
	if (serve_verb_role(n, (const char *const *)rest) == SERVE_NOT_SERVED ||
	    argc > SERVE_FIELDS_MAX - SERVE_REQUEST_MIN_FIELDS + 1) {
		free(name);
		return 0;
	}
	if ((fd = connect_service()) < 0) {
		free(name);
		/* No socket (or none this user may reach): no service on this
		 * host, the verb runs as it always did. */
		if (errno == ENOENT || errno == EACCES)
			return 0;
		*status = cli_fail(EXIT_DATA, _("the writer service does not "
		    "answer (%s): nothing was written; it runs as `convene "
		    "serve` (make install-host starts it)"), strerror(errno));
		return 1;
	}
	req = make_request(argc, argv, skip, name, &len);
	*status = ask_service(fd, req, len);
	close(fd);
	free(req);
	free(name);
	return 1;
}
