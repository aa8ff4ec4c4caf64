/* serve_client.c -- a verb sent to the writer service (serve.h). */
#include "serve.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
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
#include "session.h"
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
	size_t n = strlen(path);
	/* room for "." when path is "" */
	char *dir = memcpy(xmalloc(n + 2), path, n + 1), *slash;
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
 * directory).  A descriptor, or -1 with errno.  A screen's is
 * non-blocking (`nonblock`): a service whose queue of connections is full
 * (stopped, or flooded) fails the connect at once (EAGAIN) instead of
 * holding the screen. */
static int
connect_service(int nonblock)
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
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
	    (nonblock ? SOCK_NONBLOCK : 0), 0)) < 0)
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
		/* A request (64 KiB at most) fits a fresh socket's buffer:
		 * a non-blocking one never meets EAGAIN here in practice,
		 * and fails rather than waits if it ever does. */
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

/* Waits for fd to be readable for at most `left` ms: through the screen
 * loop's waiter when `s` has one (serve.h), else with poll().  1 readable,
 * 0 not yet, -1 give up. */
static int
wait_readable(const struct session *s, int fd, int64_t sent, int64_t left)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;

	if (s != NULL && s->serve_wait != NULL)
		return s->serve_wait(s->serve_wait_ctx, fd, mono_ms() - sent,
		    left);
	if ((r = poll(&p, 1, (int)left)) < 0)
		return errno == EINTR ? 0 : -1;
	return r > 0;
}

/* Reads the answer until it is whole, the service closes, or `wait_ms`
 * is over (while a screen's waiter runs, for a screen `s`; NULL: none).
 * 1 with *m parsed in *buf (caller frees), else 0. */
static int
read_answer(const struct session *s, int fd, int wait_ms, char **buf,
    struct serve_msg *m)
{
	size_t cap = 4096, len = 0;
	int64_t sent = mono_ms(), end = sent + wait_ms;
	const char *why;

	*buf = xmalloc(cap);
	for (;;) {
		int64_t left = end - mono_ms();
		ssize_t n;
		int w;

		if (left <= 0 || (w = wait_readable(s, fd, sent, left)) < 0)
			return 0;
		if (w == 0)
			continue;
		if (len + 1 >= cap)
			*buf = xrealloc(*buf, cap *= 2);
		n = recv(fd, *buf + len, cap - len - 1, MSG_DONTWAIT);
		if (n < 0 && (errno == EINTR || errno == EAGAIN ||
		    errno == EWOULDBLOCK))
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

/* One request, one answer: 1 with *m in *buf (caller frees), 0 when the
 * service took it but did not answer in `wait_ms`, -1 when it could not
 * be reached (errno).  `s`: a screen's session (its waiter runs while the
 * answer is awaited, and nothing blocks), or NULL for the command line. */
static int
exchange(const struct session *s, const char *req, size_t len, int wait_ms,
    char **buf, struct serve_msg *m)
{
	int fd = connect_service(s != NULL), r;

	*buf = NULL;
	if (fd < 0)
		return -1;
	r = send_all(fd, req, len) == 0 && read_answer(s, fd, wait_ms, buf, m);
	close(fd);
	return r;
}

/* The request: verb, session name, passphrase, PIN (NULL: from the
 * environment), new PIN (NULL: none), then the arguments (args[0..n)). */
static char *
make_request(const char *verb, const char *name, const char *pass,
    const char *pin, const char *newpin, const char *const *args,
    size_t nargs, size_t *len)
{
	const char *f[SERVE_FIELDS_MAX];
	size_t fl[SERVE_FIELDS_MAX], n = 0, i;
	char *buf = NULL;

	if (pass == NULL)
		pass = getenv(AUTH_PASSPHRASE_ENV);
	if (pin == NULL)
		pin = getenv(AUTH_PIN_ENV);
	f[n++] = verb;
	f[n++] = name;
	f[n++] = pass != NULL ? pass : "";
	f[n++] = pin != NULL ? pin : "";
	f[n++] = newpin != NULL ? newpin : "";
	for (i = 0; i < nargs && n < SERVE_FIELDS_MAX; i++)
		f[n++] = args[i];
	for (i = 0; i < n; i++)
		fl[i] = strlen(f[i]);
	*len = 0;
	serve_format(&buf, len, n, f, fl);
	return buf;
}

/* `pin --by PID --set` takes its new PIN from CONVENE_NEW_PIN or the first
 * line of standard input (cli_pin.c): the service has neither, so the
 * client reads it and sends it along. */
static int
wants_new_pin(int argc, char *const *argv)
{
	int i;

	if (strcmp(argv[0], "pin") != 0)
		return 0;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--set") == 0)
			return 1;
	return 0;
}

static char *
read_new_pin(void)
{
	const char *env = getenv("CONVENE_NEW_PIN");
	char *line = NULL;
	size_t cap = 0;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if (getline(&line, &cap, stdin) <= 0) {
		free(line);
		return NULL;	/* the service says what is missing */
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

/* 1 when the service refused for want of a secret that the person at
 * this terminal can type (its message names the variable scripts set). */
static int
ask_again(const struct serve_msg *m)
{
	return strcmp(m->field[0], "1") == 0 && isatty(STDIN_FILENO) &&
	    ((strstr(m->field[2], AUTH_PASSPHRASE_ENV) != NULL &&
	    getenv(AUTH_PASSPHRASE_ENV) == NULL) ||
	    (strstr(m->field[2], AUTH_PIN_ENV) != NULL &&
	    getenv(AUTH_PIN_ENV) == NULL));
}

int
serve_route(int argc, char **argv, int *status)
{
	char *name = NULL, *req, *buf, *rest[SERVE_FIELDS_MAX + 1];
	char *newpin = NULL;
	struct serve_msg m;
	size_t len;
	int i, skip = -1, n = 0, r;

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
	newpin = wants_new_pin(n, rest) ? read_new_pin() : NULL;
	req = make_request(argv[0], name, NULL, NULL, newpin,
	    (const char *const *)rest + 1, (size_t)n - 1, &len);
	r = exchange(NULL, req, len, SERVE_CLIENT_WAIT_MS, &buf, &m);
	free(req);
	if (r == 1 && ask_again(&m)) {
		/* The service has no terminal: the secret is asked here and
		 * the request sent once more with it. */
		char *secret = NULL, *e = NULL;
		int pin = strstr(m.field[2], AUTH_PIN_ENV) != NULL;

		free(buf);
		if (auth_read_secret(pin ? _("PIN: ") :
		    _("Facilitator passphrase: "), 0, &secret, &e) != 0) {
			free(name);
			if (newpin != NULL)
				auth_forget(newpin);
			*status = cli_fail_free(EXIT_DATA, e);
			return 1;
		}
		req = make_request(argv[0], name, pin ? NULL : secret,
		    pin ? secret : NULL, newpin,
		    (const char *const *)rest + 1, (size_t)n - 1, &len);
		auth_forget(secret);
		r = exchange(NULL, req, len, SERVE_CLIENT_WAIT_MS, &buf,
		    &m);
		explicit_bzero(req, len);
		free(req);
	}
	free(name);
	if (newpin != NULL)
		auth_forget(newpin);
	if (r < 0 && (errno == ENOENT || errno == EACCES))
		return 0;	/* no service on this host: as ever */
	if (r < 0)
		*status = cli_fail(EXIT_DATA, _("the writer service does not "
		    "answer (%s): nothing was written; it runs as `convene "
		    "serve` (make install-host starts it)"), strerror(errno));
	else if (r == 0)
		*status = cli_fail(EXIT_DATA, "%s", _("the writer service did "
		    "not answer in time"));
	else {
		*status = atoi(m.field[0]);
		if (*status < 0 || *status > 3)
			*status = EXIT_DATA;
		fwrite(m.field[1], 1, m.len[1], stdout);
		fwrite(m.field[2], 1, m.len[2], stderr);
	}
	free(buf);
	return 1;
}

const char *
serve_state(void)
{
	int fd = connect_service(0);

	if (fd >= 0) {
		close(fd);
		return _("answers");
	}
	return errno == ENOENT || errno == EACCES ? _("none here") :
	    _("does not answer");
}

/* --- the screens' commands ---------------------------------------------- */

int
serve_socket_there(void)
{
	int fd = connect_service(0);

	if (fd >= 0) {
		close(fd);	/* it says nothing and the service lets go */
		return 1;
	}
	return !(errno == ENOENT || errno == EACCES);
}

void
serve_attach(struct session *s)
{
	char *name = NULL;
	int fd;

	if (s->serve_name != NULL || !s->sd.inside ||
	    !inside_root(s->dir, &name))
		return;
	if ((fd = connect_service(1)) < 0 && (errno == ENOENT ||
	    errno == EACCES)) {
		free(name);	/* no service on this host */
		return;
	}
	if (fd >= 0)
		close(fd);	/* it says nothing and the service lets go */
	s->serve_name = name;
}

void
serve_set_waiter(struct session *s, serve_wait_fn fn, void *ctx)
{
	s->serve_wait = fn;
	s->serve_wait_ctx = fn != NULL ? ctx : NULL;
}

int
serve_pending(const struct session *s)
{
	return s->serve_busy;
}

void
serve_set_pass(struct session *s, const char *pass)
{
	if (s->serve_pass != NULL)
		auth_forget(s->serve_pass);
	s->serve_pass = pass != NULL && *pass != '\0' ? xstrdup(pass) : NULL;
}

void
serve_set_pin(struct session *s, const char *pin)
{
	if (s->serve_pin != NULL)
		auth_forget(s->serve_pin);
	s->serve_pin = pin != NULL && *pin != '\0' ? xstrdup(pin) : NULL;
}

/* "convene: why\n" -> "why" (caller frees). */
static char *
message_of(const char *errs, size_t len)
{
	const char *p = errs;

	if (len >= 9 && strncmp(p, "convene: ", 9) == 0)
		p += 9, len -= 9;
	while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == ' '))
		len--;
	return len > 0 ? xasprintf("%.*s", (int)len, p) :
	    xstrdup(_("the writer service refused"));
}

/* serve_cmd and serve_set_pin_cmd: the arguments in ap. */
static int
serve_vcmd(struct session *s, const char *newpin, char **new_id, char **err,
    const char *verb, va_list ap)
{
	const char *args[SERVE_FIELDS_MAX];
	char *req, *buf;
	struct serve_msg m;
	size_t n = 0, len;
	int r, wait;

	while (n < SERVE_FIELDS_MAX - SERVE_REQUEST_MIN_FIELDS &&
	    (args[n] = va_arg(ap, const char *)) != NULL)
		n++;
	if (s->serve_busy) {
		/* A key the waiter handled while this terminal's request is
		 * out: refused, so records keep the order they were given. */
		*err = xstrdup(_("the last change is still on its way to the "
		    "writer service: nothing was written; try again when it "
		    "is answered"));
		return 1;
	}
	wait = s->serve_wait != NULL ? SERVE_SCREEN_WAIT_MS :
	    SERVE_SCREEN_BLOCK_MS;
	req = make_request(verb, s->serve_name, s->serve_pass, s->serve_pin,
	    newpin, args, n, &len);
	s->serve_busy = 1;
	r = exchange(s, req, len, wait, &buf, &m);
	s->serve_busy = 0;
	explicit_bzero(req, len);	/* it carries the passphrase or PIN */
	free(req);
	if (r <= 0) {
		free(buf);
		if (r < 0)
			*err = xstrdup(_("the writer service does not answer: "
			    "nothing was written (this screen goes on "
			    "following)"));
		else if (s->serve_wait == NULL)
			*err = xstrdup(_("the writer service did not answer "
			    "within a second: the board shows whether it was "
			    "written"));
		else
			*err = xasprintf(_("the writer service does not answer "
			    "(%d seconds): the board shows whether it was "
			    "written"), wait / 1000);
		return 3;
	}
	r = atoi(m.field[0]);
	if (r == 0) {
		/* The service has written and synced before it answered: read
		 * the records in now, as an append of our own would have
		 * applied them, so what the screen does next sees them. */
		char *e = NULL;

		if (session_refresh(s, &e) < 0)
			free(e);	/* the follower will say so */
	}
	if (r == 0 && new_id != NULL) {
		*new_id = xasprintf("%.*s", (int)strcspn(m.field[1], "\n"),
		    m.field[1]);
	} else if (r != 0)
		*err = message_of(m.field[2], m.len[2]);
	free(buf);
	return r == 0 ? 0 : r == 1 ? 1 : 3;
}

int
serve_cmd(struct session *s, char **new_id, char **err, const char *verb,
    ...)
{
	va_list ap;
	int r;

	va_start(ap, verb);
	r = serve_vcmd(s, NULL, new_id, err, verb, ap);
	va_end(ap);
	return r;
}

static int
serve_pin_cmd(struct session *s, const char *newpin, char **err, ...)
{
	va_list ap;
	int r;

	va_start(ap, err);
	r = serve_vcmd(s, newpin, NULL, err, "pin", ap);
	va_end(ap);
	return r;
}

int
serve_set_pin_cmd(struct session *s, const char *pid, const char *pin,
    char **err)
{
	if (pin != NULL && *pin != '\0')
		return serve_pin_cmd(s, pin, err, "--by", pid, "--set",
		    (char *)NULL);
	return serve_pin_cmd(s, NULL, err, "--by", pid, "--clear",
	    (char *)NULL);
}
