/* serve_proto.c -- the writer service's wire format (serve_proto.h). */
#include "serve_proto.h"

#include <stdio.h>
#include <string.h>

#include "util.h"

/*
 * Reads a decimal number ended by '\n' at buf[*pos..len).  1 with *out and
 * *pos past the '\n'; 0 when the line has not ended yet; -1 when it is not
 * a plain number (empty, a sign, a leading zero, over `max`).
 */
static int
read_number(const char *buf, size_t len, size_t *pos, size_t max,
    size_t *out)
{
	size_t i = *pos, v = 0;

	for (; i < len && buf[i] != '\n'; i++) {
		if (buf[i] < '0' || buf[i] > '9' || i - *pos >= 9)
			return -1;
		if (buf[i] == '0' && i == *pos && i + 1 < len &&
		    buf[i + 1] != '\n')
			return -1;
		v = v * 10 + (size_t)(buf[i] - '0');
	}
	if (i == len)
		return 0;
	if (i == *pos || v > max)
		return -1;
	*out = v;
	*pos = i + 1;
	return 1;
}

static int
check_magic(const char *buf, size_t len, const char **why)
{
	size_t m = strlen(SERVE_MAGIC);

	if (memcmp(buf, SERVE_MAGIC, len < m ? len : m) != 0) {
		*why = "not convene-serve protocol version 1";
		return -1;
	}
	return len < m ? 0 : 1;
}

int
serve_parse(char *buf, size_t len, size_t max, int no_nul,
    struct serve_msg *m, const char **why)
{
	size_t pos = strlen(SERVE_MAGIC), i, flen;
	int r;

	*why = "malformed request";
	if (len > max) {
		*why = "request too long";
		return -1;
	}
	if ((r = check_magic(buf, len, why)) <= 0)
		return r;
	if ((r = read_number(buf, len, &pos, SERVE_FIELDS_MAX, &m->n)) <= 0)
		return r;
	for (i = 0; i < m->n; i++) {
		if ((r = read_number(buf, len, &pos, max, &flen)) <= 0)
			return r;
		if (len - pos < flen + 1)
			return 0;
		if (buf[pos + flen] != '\n')
			return -1;
		if (no_nul && memchr(buf + pos, '\0', flen) != NULL) {
			*why = "a NUL byte in a field";
			return -1;
		}
		m->field[i] = buf + pos;
		m->len[i] = flen;
		pos += flen + 1;
	}
	if (pos != len) {
		*why = "bytes after the end of the request";
		return -1;
	}
	/* Only now, when nothing can fail: end each field in place, on the
	 * '\n' that follows it. */
	for (i = 0; i < m->n; i++)
		m->field[i][m->len[i]] = '\0';
	return 1;
}

static void
append(char **buf, size_t *len, const void *p, size_t n)
{
	*buf = xrealloc(*buf, *len + n + 1);
	memcpy(*buf + *len, p, n);
	*len += n;
	(*buf)[*len] = '\0';
}

void
serve_format(char **buf, size_t *len, size_t n, const char *const *field,
    const size_t *flen)
{
	char num[32];
	size_t i;

	append(buf, len, SERVE_MAGIC, strlen(SERVE_MAGIC));
	snprintf(num, sizeof num, "%zu\n", n);
	append(buf, len, num, strlen(num));
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "%zu\n", flen[i]);
		append(buf, len, num, strlen(num));
		append(buf, len, field[i], flen[i]);
		append(buf, len, "\n", 1);
	}
}

/* The verbs that write the journal, and who asks for them. */
static const struct {
	const char *verb;
	enum serve_role role;
} roles[] = {
	{ "participant", SERVE_ANYONE },
	{ "idea", SERVE_PARTICIPANT }, { "vote", SERVE_PARTICIPANT },
	{ "unvote", SERVE_PARTICIPANT }, { "mine", SERVE_PARTICIPANT },
	{ "eval", SERVE_PARTICIPANT }, { "checkin", SERVE_PARTICIPANT },
	{ "tz", SERVE_PARTICIPANT }, { "ask", SERVE_PARTICIPANT },
	{ "upvote", SERVE_PARTICIPANT }, { "lang", SERVE_PARTICIPANT },
	{ "timer", SERVE_FACILITATOR }, { "rooms", SERVE_FACILITATOR },
	{ "voting", SERVE_FACILITATOR }, { "agenda", SERVE_FACILITATOR },
	{ "message", SERVE_FACILITATOR }, { "plan", SERVE_FACILITATOR },
	{ "board", SERVE_FACILITATOR }, { "question", SERVE_FACILITATOR },
	{ "projector", SERVE_FACILITATOR }, { "rollcall", SERVE_FACILITATOR },
	{ "present", SERVE_FACILITATOR },
	/* a console's action (serve_act.c), not a verb of the command line */
	{ "act", SERVE_FACILITATOR },
	/* decided by their arguments below */
	{ "poll", SERVE_FACILITATOR }, { "pin", SERVE_FACILITATOR },
};

static int
has_arg(int argc, const char *const *argv, const char *word)
{
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], word) == 0)
			return 1;
	return 0;
}

/* The first word that is neither an option nor --by's value: poll's
 * subcommand (SESSION is not among argv here). */
static const char *
first_word(int argc, const char *const *argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--by") == 0) {
			i++;
			continue;
		}
		if (argv[i][0] != '-')
			return argv[i];
	}
	return "";
}

enum serve_role
serve_verb_role(int argc, const char *const *argv)
{
	size_t i;

	if (argc < 1)
		return SERVE_NOT_SERVED;
	for (i = 0; i < NELEM(roles); i++) {
		if (strcmp(roles[i].verb, argv[0]) != 0)
			continue;
		/* poll answer --by PID and pin --by PID are the
		 * participant's; the other forms the facilitator's. */
		if (strcmp(argv[0], "poll") == 0 &&
		    strcmp(first_word(argc, argv), "answer") == 0)
			return SERVE_PARTICIPANT;
		if (strcmp(argv[0], "pin") == 0 &&
		    !has_arg(argc, argv, "--clear-throttle"))
			return SERVE_PARTICIPANT;
		return roles[i].role;
	}
	return SERVE_NOT_SERVED;
}
