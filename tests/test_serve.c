/* test_serve.c -- the writer service's protocol (serve_proto.h): whole,
 * partial, malformed and oversized requests; who asks for which verb; and
 * a real service in a child process: a malformed, oversized or truncated
 * request is refused and writes nothing, and a client that sends half a
 * request and holds on does not hold the next one; a screen's command
 * waits through the loop's waiter, one at a time. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "commands.h"
#include "purge.h"
#include "serve.h"
#include "serve_proto.h"
#include "session_fixture.h"
#include "state.h"
#include "tz.h"
#include "undo.h"
#include "sessdir.h"
#include "util.h"

static char *
request(size_t n, const char *const *f, size_t *len)
{
	size_t fl[SERVE_FIELDS_MAX], i;
	char *buf = NULL;

	for (i = 0; i < n; i++)
		fl[i] = strlen(f[i]);
	*len = 0;
	serve_format(&buf, len, n, f, fl);
	return buf;
}

static void
test_round_trip(void **state)
{
	const char *f[] = { "idea", "s", "", "", "", "--by", "p1",
	    "two\nlines" };
	struct serve_msg m;
	const char *why;
	size_t len, cut;
	char *buf = request(8, f, &len), *copy;

	(void)state;
	/* Every prefix is "not yet", never "wrong". */
	for (cut = 0; cut < len; cut++) {
		copy = xmalloc(len + 1);
		memcpy(copy, buf, cut);
		assert_int_equal(serve_parse(copy, cut, SERVE_REQUEST_MAX, 1,
		    &m, &why), 0);
		free(copy);
	}
	assert_int_equal(serve_parse(buf, len, SERVE_REQUEST_MAX, 1, &m,
	    &why), 1);
	assert_int_equal(m.n, 8);
	assert_string_equal(m.field[0], "idea");
	assert_string_equal(m.field[2], "");
	assert_string_equal(m.field[7], "two\nlines");
	free(buf);
}

static int
parse_str(const char *s, size_t max)
{
	struct serve_msg m;
	const char *why;
	char *buf = xstrdup(s);
	int r = serve_parse(buf, strlen(s), max, 1, &m, &why);

	free(buf);
	return r;
}

static void
test_malformed(void **state)
{
	char big[SERVE_REQUEST_MAX + 64];
	struct serve_msg m;
	const char *why;
	char nul[] = "convene-serve 1\n1\n3\na\0b\n";

	(void)state;
	assert_int_equal(parse_str("convene-serve 2\n1\n1\nx\n", 99), -1);
	assert_int_equal(parse_str("GET / HTTP/1.0\r\n", 99), -1);
	assert_int_equal(parse_str("convene-serve 1\n-1\n", 99), -1);
	assert_int_equal(parse_str("convene-serve 1\n01\n1\nx\n", 99), -1);
	assert_int_equal(parse_str("convene-serve 1\n65\n", 999), -1);
	assert_int_equal(parse_str("convene-serve 1\nx\n", 99), -1);
	/* a length that lies: the byte after the field is no '\n' */
	assert_int_equal(parse_str("convene-serve 1\n1\n1\nxy\n", 99), -1);
	/* bytes after the end */
	assert_int_equal(parse_str("convene-serve 1\n1\n1\nx\nmore", 99), -1);
	/* a length over the cap, and a whole message over it */
	assert_int_equal(parse_str("convene-serve 1\n1\n100\n", 99), -1);
	memset(big, 'a', sizeof big);
	memcpy(big, "convene-serve 1\n1\n", 18);
	assert_int_equal(serve_parse(big, sizeof big, SERVE_REQUEST_MAX, 1,
	    &m, &why), -1);
	assert_int_equal(serve_parse(nul, sizeof nul - 1, 99, 1, &m, &why),
	    -1);
	assert_int_equal(serve_parse(nul, sizeof nul - 1, 99, 0, &m, &why),
	    1);
	/* truncated: waits for more */
	assert_int_equal(parse_str("convene-serve 1\n2\n1\nx\n5\nab", 99), 0);
	assert_int_equal(parse_str("conv", 99), 0);
}

/* A session path that is empty, ".", "/" or ends in slashes is never
 * inside the sessions directory, and looking costs no overrun (ASan in
 * make sanitize). */
static void
test_route_odd_paths(void **state)
{
	static const char *const paths[] = { "", ".", "/", "//", "s/", "./" };
	char verb[] = "idea", by[] = "--by", pid[] = "p1", text[] = "x";
	char path[8];
	char *argv[] = { verb, path, by, pid, text };
	size_t i;
	int status = -1;

	(void)state;
	for (i = 0; i < NELEM(paths); i++) {
		snprintf(path, sizeof path, "%s", paths[i]);
		assert_int_equal(serve_route(5, argv, &status), 0);
	}
}

static void
test_roles(void **state)
{
	const char *idea[] = { "idea", "--by", "p1", "x" };
	const char *timer[] = { "timer", "start", "5" };
	const char *answer[] = { "poll", "answer", "q1", "--by", "p1", "1" };
	const char *open[] = { "poll", "open", "answer", "--by", "p1" };
	const char *pin[] = { "pin", "--by", "p1", "--set" };
	const char *clear[] = { "pin", "--clear-throttle" };
	const char *export[] = { "export" };
	const char *reg[] = { "participant", "Ana", "--country", "TO" };
	const char *lang[] = { "lang", "--by", "p1", "th" };
	const char *tz[] = { "tz", "--by", "p1", "Asia/Dhaka" };

	(void)state;
	assert_int_equal(serve_verb_role(4, idea), SERVE_PARTICIPANT);
	/* a participant's own choices are records too: never appended by
	 * the participant's process on a shared host */
	assert_int_equal(serve_verb_role(4, lang), SERVE_PARTICIPANT);
	assert_int_equal(serve_verb_role(4, tz), SERVE_PARTICIPANT);
	assert_int_equal(serve_verb_role(3, timer), SERVE_FACILITATOR);
	assert_int_equal(serve_verb_role(6, answer), SERVE_PARTICIPANT);
	assert_int_equal(serve_verb_role(5, open), SERVE_FACILITATOR);
	assert_int_equal(serve_verb_role(4, pin), SERVE_PARTICIPANT);
	assert_int_equal(serve_verb_role(2, clear), SERVE_FACILITATOR);
	assert_int_equal(serve_verb_role(1, export), SERVE_NOT_SERVED);
	assert_int_equal(serve_verb_role(4, reg), SERVE_ANYONE);
	assert_int_equal(serve_verb_role(0, idea), SERVE_NOT_SERVED);
}

/* The service's group check is the facilitator's gate itself, not its
 * reading of the arguments (pin --clear-t is getopt_long's
 * --clear-throttle): outside the group, refused even without a
 * passphrase. */
static void
test_gate_bound_to_caller(void **state)
{
	struct session_fixture *fx = sfx_new("[module]\ntitle = G\ndays = 1\n"
	    "timezone = Asia/Bangkok\n", "Gate");
	const char *clear[] = { "pin", "--clear-t" };
	char *err = NULL;

	(void)state;
	assert_int_equal(serve_verb_role(2, clear), SERVE_PARTICIPANT);
	auth_set_caller_may_facilitate(0);
	assert_int_equal(auth_facilitator(fx->s, &err), 1);
	assert_non_null(strstr(err, "only a facilitator"));
	free(err);
	err = NULL;
	auth_set_caller_may_facilitate(1);
	assert_int_equal(auth_facilitator(fx->s, &err), 0);
	sfx_free(fx);
}

/* --- a real service ------------------------------------------------------- */

static const char module_ini[] =
    "[module]\n"
    "title = Serve\n"
    "days = 1\n"
    "timezone = Asia/Bangkok\n";

struct svc {
	struct session_fixture *fx;
	pid_t pid;
	char *sock;
};

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int
dial(const char *path)
{
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
	return -1;
}

static int
svc_setup(void **state)
{
	struct svc *v = xmalloc(sizeof *v);
	char *err = NULL, *id = NULL;
	int64_t end;
	int fd;

	v->fx = sfx_new(module_ini, "Serve");
	sfx_ok(cmd_participant(v->fx->s, NULL, "Ana", "TO", NULL, NULL, &id,
	    &err), &err);
	free(id);
	sessdir_set_root(v->fx->base);
	v->sock = serve_socket_path();
	if ((v->pid = fork()) == 0) {
		int r = serve_run(NULL, &err);

		_exit(r);
	}
	/* Ready when it answers a connection (no fixed sleep). */
	for (end = now_ms() + 5000; now_ms() < end;) {
		if ((fd = dial(v->sock)) >= 0) {
			close(fd);
			break;
		}
		poll(NULL, 0, 10);
	}
	*state = v;
	return 0;
}

static int
svc_teardown(void **state)
{
	struct svc *v = *state;
	int st;

	kill(v->pid, SIGTERM);
	waitpid(v->pid, &st, 0);
	sessdir_set_root(NULL);
	free(v->sock);
	sfx_free(v->fx);
	free(v);
	return 0;
}

static off_t
journal_size(const struct svc *v)
{
	char *p = xasprintf("%s/journal.csv", v->fx->dir);
	struct stat st;

	assert_int_equal(stat(p, &st), 0);
	free(p);
	return st.st_size;
}

/* Sends `len` bytes (none when len is 0) and returns the answer's status,
 * or -1 when none came whole within `wait_ms`. */
static int
exchange(const struct svc *v, const char *req, size_t len, int wait_ms,
    char **errs)
{
	char *buf = xmalloc(1 << 16);
	size_t got = 0;
	struct serve_msg m;
	const char *why;
	int fd = dial(v->sock), r = -1;
	int64_t end = now_ms() + wait_ms;
	struct pollfd p;

	assert_true(fd >= 0);
	if (len > 0)
		(void)!write(fd, req, len);
	p.fd = fd;
	p.events = POLLIN;
	while (now_ms() < end && poll(&p, 1, (int)(end - now_ms())) > 0) {
		ssize_t n = read(fd, buf + got, (1 << 16) - 1 - got);

		if (n <= 0)
			break;
		got += (size_t)n;
		if (serve_parse(buf, got, 1 << 16, 0, &m, &why) == 1) {
			r = atoi(m.field[0]);
			if (errs != NULL)
				*errs = xstrdup(m.field[2]);
			break;
		}
	}
	close(fd);
	free(buf);
	return r;
}

static void
test_service_refuses(void **state)
{
	struct svc *v = *state;
	const char *bad_verb[] = { "export", "session", "", "", "" };
	const char *escape[] = { "idea", "../x", "", "", "", "--by", "p1",
	    "x" };
	const char *four[] = { "idea", "session", "", "" };
	off_t before = journal_size(v);
	char *big = xmalloc(SERVE_REQUEST_MAX + 100), *req, *errs = NULL;
	size_t len;

	assert_int_equal(exchange(v, "hello\n", 6, 2000, NULL), 2);
	req = request(5, bad_verb, &len);
	assert_int_equal(exchange(v, req, len, 2000, NULL), 2);
	free(req);
	req = request(8, escape, &len);
	assert_int_equal(exchange(v, req, len, 2000, &errs), 2);
	assert_non_null(strstr(errs, "convene: "));
	free(errs);
	free(req);
	req = request(4, four, &len);
	assert_int_equal(exchange(v, req, len, 2000, NULL), 2);
	free(req);
	memset(big, 'a', SERVE_REQUEST_MAX + 100);
	memcpy(big, "convene-serve 1\n4\n99999\n", 24);
	assert_int_equal(exchange(v, big, SERVE_REQUEST_MAX + 100, 2000,
	    NULL), 2);
	free(big);
	assert_int_equal(journal_size(v), before);
}

static void
test_half_request_holds_nobody(void **state)
{
	struct svc *v = *state;
	const char *idea[] = { "idea", "session", "", "", "", "--by", "p1",
	    "through the service" };
	off_t before = journal_size(v);
	size_t len;
	char *req = request(8, idea, &len);
	int held = dial(v->sock), r;
	int64_t t0;

	/* A client sends half its request and stops there. */
	assert_true(held >= 0);
	assert_int_equal(write(held, req, len / 2), (ssize_t)(len / 2));
	/* Another is served at once, and writes. */
	t0 = now_ms();
	assert_int_equal(exchange(v, req, len, 2000, NULL), 0);
	assert_true(now_ms() - t0 < 1000);
	assert_true(journal_size(v) > before);
	before = journal_size(v);
	/* The half request is refused after its second, and writes
	 * nothing. */
	{
		char buf[4096];
		struct pollfd p = { .fd = held, .events = POLLIN };
		ssize_t n;

		assert_int_equal(poll(&p, 1, 3000), 1);
		n = read(held, buf, sizeof buf - 1);
		assert_true(n > 0);
		buf[n] = '\0';
		assert_non_null(strstr(buf, "within a second"));
	}
	close(held);
	r = exchange(v, NULL, 0, 3000, NULL);	/* connects, says nothing */
	assert_int_equal(r, 3);
	assert_int_equal(journal_size(v), before);
	free(req);
}

/* One uid holding its whole share of connections is refused more, at
 * once, and served again once it lets go. */
static void
test_share_per_uid(void **state)
{
	struct svc *v = *state;
	const char *idea[] = { "idea", "session", "", "", "", "--by", "p1",
	    "after the flood" };
	int held[SERVE_CONN_PER_UID], i, extra;
	size_t len;
	char *req = request(8, idea, &len), c;
	struct pollfd p;

	for (i = 0; i < SERVE_CONN_PER_UID; i++)
		assert_true((held[i] = dial(v->sock)) >= 0);
	/* the service takes them in, one a pass */
	assert_int_equal(write(held[0], "c", 1), 1);
	extra = dial(v->sock);
	assert_true(extra >= 0);
	p.fd = extra;
	p.events = POLLIN;
	assert_int_equal(poll(&p, 1, 900), 1);	/* before any deadline */
	assert_int_equal(read(extra, &c, 1), 0);	/* closed, unanswered */
	close(extra);
	for (i = 0; i < SERVE_CONN_PER_UID; i++)
		close(held[i]);
	assert_int_equal(exchange(v, req, len, 3000, NULL), 0);
	free(req);
}

static long
rss_kb(pid_t pid)
{
	char *p = xasprintf("/proc/%ld/status", (long)pid), line[256];
	FILE *f = fopen(p, "r");
	long kb = -1;

	free(p);
	assert_non_null(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "VmRSS:", 6) == 0)
			kb = atol(line + 6);
	fclose(f);
	return kb;
}

/* AddressSanitizer and valgrind keep freed blocks aside for a while: the
 * size of the service's memory says nothing under them. */
#if defined(__SANITIZE_ADDRESS__)
#define MEMORY_CHECKER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MEMORY_CHECKER 1
#endif
#endif

static int
under_memory_checker(void)
{
	const char *pre = getenv("LD_PRELOAD");

#ifdef MEMORY_CHECKER
	return 1;
#endif
	return pre != NULL && strstr(pre, "vgpreload") != NULL;
}

/* Secrets are not handed to the verbs through setenv: glibc keeps every
 * value setenv was ever given, so 400 requests each with a new 60 KB
 * "passphrase" grew the service by 24 MB, and kept them all. */
static void
test_secrets_leave_nothing(void **state)
{
	struct svc *v = *state;
	char *pass, *req;
	const char *f[] = { "idea", "session", NULL, "", "" };
	long before;
	size_t len;
	int i;

	/* In this process: given, not in the environment. */
	unsetenv("CONVENE_PIN");
	auth_give_secrets("", "1234", "");
	assert_string_equal(auth_secret("CONVENE_PIN"), "1234");
	assert_null(getenv("CONVENE_PIN"));
	assert_null(auth_secret("CONVENE_PASSPHRASE"));
	auth_take_secrets();
	assert_null(auth_secret("CONVENE_PIN"));
	if (under_memory_checker())
		skip();
	pass = xmalloc(60001);
	f[2] = pass;
	memset(pass, 'x', 60000);
	pass[60000] = '\0';
	/* one first, so that what every request allocates is there */
	req = request(5, f, &len);
	assert_int_equal(exchange(v, req, len, 3000, NULL), 2);
	free(req);
	before = rss_kb(v->pid);
	for (i = 0; i < 400; i++) {
		snprintf(pass, 12, "%011d", i);
		pass[11] = 'x';
		req = request(5, f, &len);
		assert_int_equal(exchange(v, req, len, 3000, NULL), 2);
		free(req);
	}
	assert_true(rss_kb(v->pid) - before < 8 * 1024);
	free(pass);
}

/* A session the service keeps open is opened afresh once `convene purge`
 * has renamed a new journal over the one it holds: before, every request
 * on it was refused as "replaced" until the service restarted. */
static void
test_kept_session_after_purge(void **state)
{
	struct svc *v = *state;
	const char *idea[] = { "idea", "session", "", "", "", "--by", "p1",
	    "before the purge" };
	struct purge_report rep;
	char *req, *err = NULL;
	size_t len;

	req = request(8, idea, &len);
	assert_int_equal(exchange(v, req, len, 3000, NULL), 0);
	sfx_ok(purge_run(v->fx->s, &rep, &err), &err);
	assert_int_equal(rep.names, 1);
	assert_int_equal(exchange(v, req, len, 3000, &err), 0);
	free(err);
	free(req);
}

/* Another process holding the journal's lock (stopped in the middle of a
 * purge, say) costs the service a bounded wait and that request a
 * refusal, never every request of every session after it. */
static void
test_lock_held_elsewhere(void **state)
{
	struct svc *v = *state;
	const char *idea[] = { "idea", "session", "", "", "", "--by", "p1",
	    "while locked" };
	char *p = xasprintf("%s/journal.csv", v->fx->dir), *req, *err = NULL;
	off_t before = journal_size(v);
	size_t len;
	int fd = open(p, O_RDONLY | O_CLOEXEC);

	assert_true(fd >= 0);
	assert_int_equal(flock(fd, LOCK_EX), 0);
	req = request(8, idea, &len);
	assert_int_equal(exchange(v, req, len, 5000, &err), 3);
	assert_non_null(strstr(err, "lock"));
	free(err);
	assert_int_equal(journal_size(v), before);
	close(fd);
	assert_int_equal(exchange(v, req, len, 3000, NULL), 0);
	free(req);
	free(p);
}

/* --- a console's and a participant's commands through a real service ---- */

/* The bundled module's session at base/s, served by a child process, and a
 * second view of it attached to the service as a terminal's would be. */
static int
console_setup(void **state)
{
	struct svc *v = xcalloc(1, sizeof *v);
	struct session_settings set = { 0 };
	char today[16], *err = NULL, *module = fx_find_module("content");
	int64_t end;
	int fd;

	v->fx = xcalloc(1, sizeof *v->fx);
	v->fx->base = fx_tempdir();
	v->fx->dir = path_join(v->fx->base, "s");
	assert_int_equal(tz_today("Asia/Bangkok", today, sizeof today), 0);
	set.start = today;
	set.budget = 5;
	if (session_create(v->fx->dir, module, &set, &err) != 0 ||
	    (v->fx->s = session_open_with(v->fx->dir, 0, &err)) == NULL)
		fail_msg("%s", err);
	free(module);
	sessdir_set_root(v->fx->base);
	v->sock = serve_socket_path();
	if ((v->pid = fork()) == 0)
		_exit(serve_run(NULL, &err));
	for (end = now_ms() + 5000; now_ms() < end; poll(NULL, 0, 10))
		if ((fd = dial(v->sock)) >= 0) {
			close(fd);
			break;
		}
	v->fx->s->serve_name = xstrdup("s");	/* as serve_attach does */
	*state = v;
	return 0;
}

static const char *
last_type(const struct svc *v, char *buf, size_t size)
{
	char *p = xasprintf("%s/journal.csv", v->fx->dir), line[4096];
	FILE *f = fopen(p, "r");

	assert_non_null(f);
	buf[0] = '\0';
	while (fgets(line, sizeof line, f) != NULL)
		if (strstr(line, ",\"script:") != NULL)
			snprintf(buf, size, "%s", line);
	fclose(f);
	free(p);
	return buf;
}

static void
test_commands_through_service(void **state)
{
	struct svc *v = *state;
	struct session *c = v->fx->s;
	struct undo_action a;
	const char *opts[] = { "yes", "no" };
	char *err = NULL, *id = NULL, *poll_id = NULL, *q = NULL, line[4096];
	char *svc_terminal = xasprintf("\"script:%ld\"", (long)v->pid);

	/* a participant's registration, idea and question */
	sfx_ok(cmd_participant(c, NULL, "Ana", "TO", NULL, NULL, &id, &err),
	    &err);
	assert_string_equal(id, "p1");
	free(id);
	assert_int_equal(c->state->nparticipants, 1);	/* read in */
	/* the console's agenda step, as undo_do runs it: an act request */
	memset(&a, 0, sizeof a);
	a.kind = UNDO_AGENDA;
	a.move = AGENDA_GOTO;
	a.ref = "d1-everyday";
	sfx_ok(undo_perform(c, &a, NULL, &err), &err);
	assert_string_equal(c->state->agenda_id, "d1-everyday");
	assert_non_null(strstr(last_type(v, line, sizeof line),
	    svc_terminal));
	sfx_ok(cmd_ask(c, "p1", "Why -not?", &q, &err), &err);
	sfx_ok(cmd_question_mark(c, q, "pinned", 1, &err), &err);
	assert_non_null(strstr(last_type(v, line, sizeof line), "pin"));
	/* polls, plan, roll call, presenting */
	sfx_ok(cmd_poll_open(c, POLL_SINGLE, "-Tea?", opts, 2, &poll_id,
	    &err), &err);
	assert_non_null(poll_id);
	sfx_ok(cmd_poll_close(c, poll_id, &err), &err);
	sfx_ok(cmd_poll_reveal(c, poll_id, &err), &err);
	sfx_ok(cmd_plan_length(c, "d1-opening", 45, &err), &err);
	sfx_ok(cmd_plan_add(c, 1, 17 * 60, 30, KIND_LECTURE, "Extra", &id,
	    &err), &err);
	sfx_ok(cmd_plan_move(c, id, 1, 17 * 60 + 30, &err), &err);
	sfx_ok(cmd_plan_skip(c, id, 1, &err), &err);
	free(id);
	sfx_ok(cmd_rollcall(c, "p1", 0, &err), &err);
	sfx_ok(cmd_present(c, "d1-everyday", 0, 3, 10, &err), &err);
	assert_int_equal(c->state->present.block, 3);
	sfx_ok(cmd_present(c, NULL, 0, 0, 0, &err), &err);
	/* a refusal comes back as the command's, without "convene: " */
	assert_int_equal(cmd_poll_close(c, poll_id, &err), 1);
	assert_non_null(err);
	assert_null(strstr(err, "convene: "));
	free(err);
	free(poll_id);
	free(q);
	free(svc_terminal);
}

/* What the waiter saw (serve_set_waiter): the screen loop's stand-in. */
struct waited {
	struct svc *v;
	int calls, fd, pending, nested, give_up_after;
	int64_t most;		/* the longest waited_ms seen */
	char *nested_err;
	off_t size_in_wait;
};

/* One pass of a "loop": a nested command the first time (as a key would
 * give one), the service continued once the wait is past SERVE_SLOW_MS,
 * then the socket polled for a few ms. */
static int
waiter(void *ctx, int fd, int64_t waited, int64_t left)
{
	struct waited *w = ctx;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	w->calls++;
	w->fd = fd;
	w->pending = serve_pending(w->v->fx->s);
	if (waited > w->most)
		w->most = waited;
	if (w->calls == 1) {
		w->size_in_wait = journal_size(w->v);
		w->nested = cmd_rollcall(w->v->fx->s, "p1", 1, &w->nested_err);
	}
	if (w->give_up_after > 0 && w->calls >= w->give_up_after)
		return -1;
	if (w->give_up_after == 0 && waited > SERVE_SLOW_MS + 50)
		kill(w->v->pid, SIGCONT);
	return poll(&p, 1, left < 20 ? (int)left : 20) > 0;
}

/* The service stopped: a screen's command waits through the loop's
 * waiter, which is called again and again, sees the request outstanding
 * and gets a second command refused at once (one at a time, nothing
 * written); once the service goes on the first completes and is read in. */
static void
test_waiter_while_stopped(void **state)
{
	struct svc *v = *state;
	struct session *c = v->fx->s;
	struct waited w = { .v = v, .fd = -1 };
	char *err = NULL, *id = NULL;
	off_t before;
	uint64_t seq;

	sfx_ok(cmd_participant(c, NULL, "Ana", "TO", NULL, NULL, &id, &err),
	    &err);
	free(id);
	serve_set_waiter(c, waiter, &w);
	kill(v->pid, SIGSTOP);
	before = journal_size(v);
	seq = c->state->last_seq;
	sfx_ok(cmd_rollcall(c, "p1", 0, &err), &err);
	assert_true(w.calls > 1);
	assert_true(w.fd >= 0);
	assert_true(w.pending);
	assert_false(serve_pending(c));
	assert_true(w.most > SERVE_SLOW_MS);
	assert_int_equal(w.nested, 1);
	assert_non_null(strstr(w.nested_err, "still on its way"));
	assert_true(w.size_in_wait == before);	/* nothing while stopped */
	assert_true(journal_size(v) > before);	/* the first, acknowledged */
	assert_true(c->state->last_seq == seq + 1);	/* read in, once */
	free(w.nested_err);
	/* removed, a command waits by itself again */
	serve_set_waiter(c, NULL, NULL);
	w.calls = 0;
	sfx_ok(cmd_rollcall(c, "p1", 1, &err), &err);
	assert_int_equal(w.calls, 0);
}

/* The loop gives up (a signal asks it to stop): the command fails (3) at
 * once with the service's message, and the terminal may send again. */
static void
test_waiter_gives_up(void **state)
{
	struct svc *v = *state;
	struct session *c = v->fx->s;
	struct waited w = { .v = v, .fd = -1, .give_up_after = 3 };
	char *err = NULL, *id = NULL;
	int64_t t0;

	sfx_ok(cmd_participant(c, NULL, "Ana", "TO", NULL, NULL, &id, &err),
	    &err);
	free(id);
	serve_set_waiter(c, waiter, &w);
	kill(v->pid, SIGSTOP);
	t0 = now_ms();
	assert_int_equal(cmd_rollcall(c, "p1", 0, &err), 3);
	assert_true(now_ms() - t0 < SERVE_SCREEN_WAIT_MS);
	assert_non_null(strstr(err, "writer service does not answer"));
	free(err);
	err = NULL;
	free(w.nested_err);
	assert_false(serve_pending(c));
	kill(v->pid, SIGCONT);
	w.give_up_after = 0;
	w.calls = 0;
	w.nested_err = NULL;
	/* (the roll call given up may be written once the service goes on:
	 * the message says the board shows whether) */
	sfx_ok(cmd_ask(c, "p1", "Still there?", &id, &err), &err);
	assert_non_null(id);
	free(id);
	free(w.nested_err);
	serve_set_waiter(c, NULL, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_route_odd_paths),
		cmocka_unit_test(test_gate_bound_to_caller),
		cmocka_unit_test_setup_teardown(test_service_refuses,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_half_request_holds_nobody,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_share_per_uid,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_secrets_leave_nothing,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_kept_session_after_purge,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_lock_held_elsewhere,
		    svc_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_commands_through_service,
		    console_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_waiter_while_stopped,
		    console_setup, svc_teardown),
		cmocka_unit_test_setup_teardown(test_waiter_gives_up,
		    console_setup, svc_teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
