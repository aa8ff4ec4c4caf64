/* serve.c -- the writer service's loop and its requests (serve.h). */
/* struct ucred (SO_PEERCRED) and accept4 are GNU. */
#define _GNU_SOURCE 1
#include "serve.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
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
#include "journal.h"
#include "serve_proto.h"
#include "sessdir.h"
#include "throttle.h"
#include "undo.h"
#include "util.h"

struct conn {
	int fd;
	uid_t uid;
	int64_t deadline;	/* CLOCK_MONOTONIC ms */
	char *in;		/* the request so far */
	size_t inlen, incap;
	char *out;		/* the answer, once there is one */
	size_t outlen, sent;
};

static volatile sig_atomic_t stopping;

static void
on_stop(int sig)
{
	(void)sig;
	stopping = 1;
}

static int64_t
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

char *
serve_socket_path(void)
{
	return xasprintf("%s/%s", sessdir_root(), SERVE_SOCKET);
}

/* --- who asks ----------------------------------------------------------- */

/* 1 when uid is root or a member of gid (primary or supplementary). */
static int
uid_in_group(uid_t uid, gid_t gid)
{
	struct passwd *pw;
	gid_t groups[256];
	int n = (int)NELEM(groups), i;

	if (uid == 0)
		return 1;
	if ((pw = getpwuid(uid)) == NULL)
		return 0;
	if (pw->pw_gid == gid)
		return 1;
	if (getgrouplist(pw->pw_name, pw->pw_gid, groups, &n) < 0)
		return 0;	/* more groups than we look at: not trusted */
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

/* A session is named by one plain component of the sessions directory. */
static int
good_session_name(const char *name)
{
	return name[0] != '\0' && name[0] != '.' && strchr(name, '/') == NULL;
}

/* --- running a request -------------------------------------------------- */

static void
answer(struct conn *c, int status, const char *out, size_t outlen,
    const char *errs, size_t errlen)
{
	char st[8];
	const char *f[3];
	size_t fl[3];

	snprintf(st, sizeof st, "%d", status);
	f[0] = st, fl[0] = strlen(st);
	f[1] = out, fl[1] = outlen;
	f[2] = errs, fl[2] = errlen;
	free(c->out);
	c->out = NULL;
	c->outlen = c->sent = 0;
	serve_format(&c->out, &c->outlen, 3, f, fl);
	/* A second to take the answer, from now. */
	c->deadline = mono_ms() + SERVE_DEADLINE_MS;
}

static void
refuse(struct conn *c, int status, const char *msg)
{
	char *e = xasprintf("convene: %s\n", msg);

	answer(c, status, "", 0, e, strlen(e));
	free(e);
}

/*
 * Runs the verb as the command line would, its output and errors caught in
 * memory: stdout and stderr are plain variables in the C library we build
 * on, and the verbs print through them only.
 */
static void
run_verb(struct conn *c, int argc, char **argv)
{
	char *obuf = NULL, *ebuf = NULL;
	size_t olen = 0, elen = 0;
	FILE *so, *se, *old_out = stdout, *old_err = stderr;
	int status;

	fflush(stdout);
	fflush(stderr);
	so = open_memstream(&obuf, &olen);
	se = open_memstream(&ebuf, &elen);
	if (so == NULL || se == NULL) {
		if (so != NULL)
			fclose(so);
		if (se != NULL)
			fclose(se);
		free(obuf);
		free(ebuf);
		refuse(c, 3, _("the writer service is out of memory"));
		return;
	}
	stdout = so;
	stderr = se;
	throttle_set_caller((long)c->uid);
	status = cli_run_verb(argc, argv);
	throttle_set_caller(-1);
	stdout = old_out;
	stderr = old_err;
	fclose(so);
	fclose(se);
	answer(c, status, obuf, olen, ebuf, elen);
	free(obuf);
	free(ebuf);
}

/* A console's action (serve_act.c): after the facilitator's gate, the
 * action through undo_perform on the service's copy of the session. */
static void
run_act(struct conn *c, const struct serve_msg *m)
{
	struct undo_action a;
	struct session *s;
	char *path, *err = NULL, *id = NULL, *out;
	int r;

	if (serve_act_decode(m->field + SERVE_REQUEST_MIN_FIELDS,
	    m->n - SERVE_REQUEST_MIN_FIELDS, &a) != 0) {
		refuse(c, 2, _("malformed action"));
		return;
	}
	path = xasprintf("%s/%s", sessdir_root(), m->field[1]);
	s = serve_cache_open(path, &err);
	free(path);
	if (s == NULL) {
		refuse(c, 3, err != NULL ? err : _("cannot open the session"));
		free(err);
		return;
	}
	auth_give_secrets(m->field[2], "", "");
	throttle_set_caller((long)c->uid);
	r = auth_facilitator(s, &err);
	if (r == 0)
		r = undo_perform(s, &a, &id, &err);
	throttle_set_caller(-1);
	auth_take_secrets();
	if (r == 0) {
		out = id != NULL ? xasprintf("%s\n", id) : xstrdup("");
		answer(c, 0, out, strlen(out), "", 0);
		free(out);
	} else
		refuse(c, r == 1 ? 1 : 3, err != NULL ? err : _("failed"));
	free(id);
	free(err);
	session_close(s);	/* a kept one stays open */
}

/* Fields: verb, session, passphrase, PIN, new PIN, arguments. */
static void
handle(struct conn *c, const struct serve_msg *m, gid_t group)
{
	char *argv[SERVE_FIELDS_MAX + 1];
	char *path;
	enum serve_role role;
	size_t i;
	int argc = 0, member;

	if (m->n < SERVE_REQUEST_MIN_FIELDS) {
		refuse(c, 2, _("malformed request"));
		return;
	}
	argv[argc++] = m->field[0];
	for (i = SERVE_REQUEST_MIN_FIELDS; i < m->n; i++)
		argv[argc++] = m->field[i];
	argv[argc] = NULL;
	role = serve_verb_role(argc, (const char *const *)argv);
	if (role == SERVE_NOT_SERVED) {
		refuse(c, 2, _("the writer service does not run this command"));
		return;
	}
	if (!good_session_name(m->field[1])) {
		refuse(c, 2, _("a session is named by its directory inside the "
		    "sessions directory"));
		return;
	}
	member = uid_in_group(c->uid, group);
	if (role == SERVE_FACILITATOR && !member) {
		refuse(c, 1, _("only a facilitator (a member of the sessions "
		    "directory's group) may do this"));
		return;
	}
	/* The role above is read from the arguments; the facilitator's gate
	 * itself refuses a caller outside the group, whatever the verb's own
	 * parsing makes of them (pin --clear-t is --clear-throttle). */
	auth_set_caller_may_facilitate(member);
	if (strcmp(m->field[0], "act") == 0) {
		run_act(c, m);
		auth_set_caller_may_facilitate(1);
		return;
	}
	/* The verb wants SESSION first; getopt finds the options anywhere. */
	path = xasprintf("%s/%s", sessdir_root(), m->field[1]);
	memmove(argv + 2, argv + 1, (size_t)argc * sizeof *argv);
	argv[1] = path;
	argc++;
	auth_give_secrets(m->field[2], m->field[3], m->field[4]);
	run_verb(c, argc, argv);
	auth_set_caller_may_facilitate(1);
	auth_take_secrets();
	free(path);
}

/* --- the loop ----------------------------------------------------------- */

static void
conn_close(struct conn *c)
{
	close(c->fd);
	if (c->in != NULL)	/* the request's passphrase and PINs */
		explicit_bzero(c->in, c->incap);
	free(c->in);
	free(c->out);
	memset(c, 0, sizeof *c);
	c->fd = -1;
}

static size_t uid_conns(const struct conn *conns, size_t n, uid_t uid);

static void
conn_accept(int lfd, struct conn *conns, size_t *nconns)
{
	struct ucred cred;
	socklen_t len = sizeof cred;
	struct conn *c;
	int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);

	if (fd < 0)
		return;
	if (*nconns >= SERVE_CONN_MAX ||
	    getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0 ||
	    uid_conns(conns, *nconns, cred.uid) >= SERVE_CONN_PER_UID) {
		close(fd);	/* busy or unknown: the client sees EOF */
		return;
	}
	c = &conns[(*nconns)++];
	memset(c, 0, sizeof *c);
	c->fd = fd;
	c->uid = cred.uid;
	c->deadline = mono_ms() + SERVE_DEADLINE_MS;
}

static size_t
uid_conns(const struct conn *conns, size_t n, uid_t uid)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += conns[i].uid == uid;
	return k;
}

/* Reads what has come; answers when the request is whole or wrong.
 * Returns -1 when the connection is to be closed now. */
static int
conn_read(struct conn *c, gid_t group)
{
	struct serve_msg m;
	const char *why;
	ssize_t n;
	int r;

	/* The buffer grows with what comes, up to one byte past the cap
	 * (which the parser then refuses). */
	if (c->incap - c->inlen < 4096 && c->incap < SERVE_REQUEST_MAX + 1) {
		c->incap = c->incap == 0 ? 4096 : c->incap * 2;
		if (c->incap > SERVE_REQUEST_MAX + 1)
			c->incap = SERVE_REQUEST_MAX + 1;
		c->in = xrealloc(c->in, c->incap);
	}
	n = read(c->fd, c->in + c->inlen, c->incap - c->inlen);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	if (n == 0)
		return -1;	/* gone before a whole request: nothing done */
	c->inlen += (size_t)n;
	r = serve_parse(c->in, c->inlen, SERVE_REQUEST_MAX, 1, &m, &why);
	if (r == 0)
		return 0;
	if (r < 0)
		refuse(c, 2, why);
	else
		handle(c, &m, group);
	return 0;
}

static int
conn_write(struct conn *c)
{
	ssize_t n = send(c->fd, c->out + c->sent, c->outlen - c->sent,
	    MSG_NOSIGNAL | MSG_DONTWAIT);

	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	c->sent += (size_t)n;
	return c->sent == c->outlen ? -1 : 0;	/* all said: close */
}

/* 1 when uid is among served[0..n). */
static int
served_now(const uid_t *served, size_t n, uid_t uid)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (served[i] == uid)
			return 1;
	return 0;
}

/* Set when a pass left a request unread for fairness: the next pass does
 * not wait. */
static int read_again;

/*
 * One pass: wait for the next event or deadline, then serve it.  A uid's
 * connections are read (and so run) one a pass: a participant keeping
 * their SERVE_CONN_PER_UID connections full of requests that each cost a
 * PIN check and an fsync delays anyone else by one of them, not sixteen.
 */
static void
serve_pass(int lfd, struct conn *conns, size_t *nconns, gid_t group)
{
	struct pollfd pfd[SERVE_CONN_MAX + 1];
	uid_t served[SERVE_CONN_MAX];
	int64_t now = mono_ms(), next = -1;
	size_t i, nserved = 0;
	int timeout;

	pfd[0].fd = lfd;
	pfd[0].events = POLLIN;
	for (i = 0; i < *nconns; i++) {
		pfd[i + 1].fd = conns[i].fd;
		pfd[i + 1].events = conns[i].out != NULL ? POLLOUT : POLLIN;
		if (next < 0 || conns[i].deadline < next)
			next = conns[i].deadline;
	}
	timeout = next < 0 ? -1 : next <= now ? 0 : (int)(next - now);
	if (read_again)
		timeout = 0;
	read_again = 0;
	if (poll(pfd, *nconns + 1, timeout) < 0)
		return;		/* EINTR: stopping is looked at by the caller */
	now = mono_ms();
	for (i = 0; i < *nconns; i++) {
		struct conn *c = &conns[i];
		int done = 0, skipped = 0;

		if (pfd[i + 1].revents & (POLLERR | POLLHUP | POLLNVAL) &&
		    !(pfd[i + 1].revents & POLLIN))
			done = 1;
		else if (c->out == NULL && pfd[i + 1].revents & POLLIN &&
		    served_now(served, nserved, c->uid))
			skipped = read_again = 1;	/* the next pass */
		else if (c->out == NULL && pfd[i + 1].revents & POLLIN) {
			done = conn_read(c, group) < 0;
			if (c->out != NULL)
				served[nserved++] = c->uid;
		}
		if (!done && !skipped && c->out == NULL &&
		    now >= c->deadline) {
			refuse(c, 3, _("the request did not arrive whole "
			    "within a second"));
		} else if (!done && c->out != NULL && now >= c->deadline)
			done = 1;	/* it does not read its answer */
		if (!done && c->out != NULL)
			done = conn_write(c) < 0;
		if (done)
			conn_close(c);
	}
	/* Close the gaps the closed connections left. */
	for (i = 0; i < *nconns;)
		if (conns[i].fd < 0)
			conns[i] = conns[--*nconns];
		else
			i++;
	if (pfd[0].revents & POLLIN)
		conn_accept(lfd, conns, nconns);
}

/* 1 when a service answers on path already. */
static int
someone_listens(const struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0), r;

	if (fd < 0)
		return 0;
	r = connect(fd, (const struct sockaddr *)sa, sizeof *sa) == 0;
	close(fd);
	return r;
}

static int
listen_on(const char *path, char **err)
{
	struct sockaddr_un sa;
	struct stat st;
	mode_t old;
	int fd;

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sa.sun_path) {
		*err = xasprintf(_("%s: path too long for a socket"), path);
		return -3;
	}
	memcpy(sa.sun_path, path, strlen(path) + 1);
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			*err = xasprintf(_("%s is there and is no socket"),
			    path);
			return -3;
		}
		if (someone_listens(&sa)) {
			*err = xasprintf(_("a writer service answers on %s "
			    "already"), path);
			return -1;
		}
		unlink(path);	/* left by a service that died */
	}
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, 0)) < 0) {
		*err = xasprintf("socket: %s", strerror(errno));
		return -3;
	}
	/* 0660: the owner and the group, which convene's setgid binary
	 * takes up to connect (privilege.h). */
	old = umask(0117);
	/* The queue holds a whole workshop pressing Enter at once: with 128,
	 * the 129th of 150 terminals sending together found it full and its
	 * idea refused (tests/e2e/multiuser_serve_burst.sh).  The service
	 * takes one connection a pass; the kernel caps this at somaxconn
	 * (4096 by default). */
	if (bind(fd, (const struct sockaddr *)&sa, sizeof sa) != 0 ||
	    listen(fd, SOMAXCONN) != 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		umask(old);
		close(fd);
		return -3;
	}
	umask(old);
	return fd;
}

int
serve_run(void (*ready)(const char *sock), char **err)
{
	struct conn *conns = xmalloc(SERVE_CONN_MAX * sizeof *conns);
	struct sigaction sa;
	struct stat st;
	char *path = serve_socket_path();
	size_t nconns = 0, i;
	int lfd, nul;

	if (stat(sessdir_root(), &st) != 0) {
		*err = xasprintf("%s: %s", sessdir_root(), strerror(errno));
		free(path);
		free(conns);
		return 3;
	}
	if ((lfd = listen_on(path, err)) < 0) {
		free(path);
		free(conns);
		return -lfd;
	}
	/* What the service makes in a session (throttle counts) is the
	 * group's too, as what convene's setgid binary makes
	 * (privilege.h). */
	umask(007);
	/* No request may read the service's own input. */
	if ((nul = open("/dev/null", O_RDONLY | O_CLOEXEC)) >= 0) {
		dup2(nul, STDIN_FILENO);
		close(nul);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	cli_set_session_source(serve_cache_open);
	journal_set_lock_wait(SERVE_DEADLINE_MS);
	if (ready != NULL)
		ready(path);
	while (!stopping)
		serve_pass(lfd, conns, &nconns, st.st_gid);
	cli_set_session_source(NULL);
	serve_cache_clear();
	for (i = 0; i < nconns; i++)
		conn_close(&conns[i]);
	close(lfd);
	unlink(path);
	free(path);
	free(conns);
	return 0;
}
