/*
 * serve_cmds.c -- a participant terminal's commands as the writer
 * service's requests (serve.h): each the scripting verb that runs the same
 * command, so the service applies the same rules and gates.  "--" ends the
 * options before text a person typed, which may begin with '-'.
 */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "content.h"
#include "state.h"
#include "util.h"

int
serve_idea(struct session *s, const char *by, const char *room,
    const char *text, char **new_id, char **err)
{
	if (room != NULL)
		return serve_cmd(s, new_id, err, "idea", "--by", by, "--room",
		    room, "--", text, (char *)NULL);
	return serve_cmd(s, new_id, err, "idea", "--by", by, "--", text,
	    (char *)NULL);
}

int
serve_idea_edit(struct session *s, const char *actor, const char *idea,
    const char *text, char **err)
{
	return serve_cmd(s, NULL, err, "mine", "--by", actor, "--", "edit",
	    idea, text, (char *)NULL);
}

int
serve_idea_withdraw(struct session *s, const char *actor, const char *idea,
    int withdraw, char **err)
{
	return serve_cmd(s, NULL, err, "mine", "--by", actor, "--",
	    withdraw ? "withdraw" : "restore", idea, (char *)NULL);
}

int
serve_vote(struct session *s, const char *by, const char *idea, int dots,
    char **err)
{
	char n[16];
	int r;

	snprintf(n, sizeof n, "%d", dots < 0 ? -dots : dots);
	r = serve_cmd(s, NULL, err, dots < 0 ? "unvote" : "vote", "--by", by,
	    "--dots", n, "--", idea, (char *)NULL);
	return r;
}

int
serve_checkin(struct session *s, const char *pid, char **err)
{
	return serve_cmd(s, NULL, err, "checkin", "--by", pid, (char *)NULL);
}

int
serve_tz(struct session *s, const char *pid, const char *zone, char **err)
{
	return serve_cmd(s, NULL, err, "tz", "--by", pid, "--", zone,
	    (char *)NULL);
}

int
serve_lang(struct session *s, const char *pid, const char *code, char **err)
{
	return serve_cmd(s, NULL, err, "lang", "--by", pid, "--", code,
	    (char *)NULL);
}

int
serve_ask(struct session *s, const char *by, const char *text,
    char **new_id, char **err)
{
	return serve_cmd(s, new_id, err, "ask", "--by", by, "--", text,
	    (char *)NULL);
}

int
serve_upvote(struct session *s, const char *by, const char *question,
    char **err)
{
	return serve_cmd(s, NULL, err, "upvote", "--by", by, "--", question,
	    (char *)NULL);
}

/* poll answer POLL --by PID N...: at most the 16 choices the verb takes. */
int
serve_poll_answer(struct session *s, const char *by, const char *poll,
    const int *choices, int nchoices, char **err)
{
	char num[16][12];
	const char *a[16];
	int i;

	if (nchoices < 1 || nchoices > 16) {
		*err = xstrdup("1 to 16 choices");
		return 1;
	}
	for (i = 0; i < 16; i++) {
		if (i < nchoices)
			snprintf(num[i], sizeof num[i], "%d", choices[i]);
		a[i] = i < nchoices ? num[i] : NULL;
	}
	return serve_cmd(s, NULL, err, "poll", "--by", by, "--", "answer", poll,
	    a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10],
	    a[11], a[12], a[13], a[14], a[15], (char *)NULL);
}

int
serve_eval(struct session *s, const char *by, const char *question,
    long value, const char *text, char **err)
{
	char n[24];

	snprintf(n, sizeof n, "%ld", value);
	return serve_cmd(s, NULL, err, "eval", "--by", by, "--", question,
	    text != NULL ? text : n, (char *)NULL);
}

int
serve_participant(struct session *s, const char *name, const char *country,
    const char *org, const char *email, char **new_id, char **err)
{
	const char *v[8] = { NULL };
	int n = 0;

	v[n++] = "--country";
	v[n++] = country;
	if (org != NULL && *org != '\0') {
		v[n++] = "--org";
		v[n++] = org;
	}
	if (email != NULL && *email != '\0') {
		v[n++] = "--email";
		v[n++] = email;
	}
	v[n++] = "--";
	v[n++] = name;		/* the arguments end at the first NULL */
	return serve_cmd(s, new_id, err, "participant", v[0], v[1], v[2], v[3],
	    v[4], v[5], v[6], v[7], (char *)NULL);
}

/* --- the console's commands that are no undo action ---------------------- */

/* poll open [--multi | --scale] -- QUESTION OPTION...: at most 9 options. */
int
serve_poll_open(struct session *s, int kind, const char *question,
    const char *const *options, int noptions, char **new_id, char **err)
{
	const char *v[13] = { NULL };
	int n = 0, i;

	if (noptions < 0 || noptions > 9) {
		*err = xstrdup("2 to 9 options");
		return 1;
	}
	v[n++] = "open";
	if (kind == POLL_MULTI)
		v[n++] = "--multi";
	else if (kind == POLL_SCALE)
		v[n++] = "--scale";
	v[n++] = "--";
	v[n++] = question;
	for (i = 0; i < noptions; i++)
		v[n++] = options[i];
	return serve_cmd(s, new_id, err, "poll", v[0], v[1], v[2], v[3], v[4],
	    v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], (char *)NULL);
}

int
serve_poll_end(struct session *s, const char *what, const char *poll,
    char **err)
{
	return serve_cmd(s, NULL, err, "poll", what, "--", poll, (char *)NULL);
}

static void
hhmm(char *buf, size_t size, int minutes)
{
	snprintf(buf, size, "%02d:%02d", minutes / 60, minutes % 60);
}

int
serve_plan_move(struct session *s, const char *item, int day, int start,
    char **err)
{
	char d[16], t[16];

	snprintf(d, sizeof d, "%d", day);
	hhmm(t, sizeof t, start);
	return serve_cmd(s, NULL, err, "plan", "move", "--", item, d, t,
	    (char *)NULL);
}

int
serve_plan_length(struct session *s, const char *item, int minutes,
    char **err)
{
	char m[16];

	snprintf(m, sizeof m, "%d", minutes);
	return serve_cmd(s, NULL, err, "plan", "length", "--", item, m,
	    (char *)NULL);
}

int
serve_plan_skip(struct session *s, const char *item, int on, char **err)
{
	return serve_cmd(s, NULL, err, "plan", on ? "skip" : "unskip", "--",
	    item, (char *)NULL);
}

int
serve_plan_add(struct session *s, int day, int start, int minutes, int kind,
    const char *title, char **new_id, char **err)
{
	char d[16], t[16], m[16];

	snprintf(d, sizeof d, "%d", day);
	hhmm(t, sizeof t, start);
	snprintf(m, sizeof m, "%d", minutes);
	return serve_cmd(s, new_id, err, "plan", "add", "--kind",
	    session_kind_name((enum session_kind)kind), "--", d, t, m, title,
	    (char *)NULL);
}

/* question pin | unpin | answer | unanswer | hide | show QUESTION */
int
serve_question_mark(struct session *s, const char *question,
    const char *what, int on, char **err)
{
	const char *w = strcmp(what, "answered") == 0 ? (on ? "answer" :
	    "unanswer") : strcmp(what, "hidden") == 0 ? (on ? "hide" :
	    "show") : strcmp(what, "pinned") == 0 ? (on ? "pin" : "unpin") :
	    NULL;

	if (w == NULL) {
		*err = xasprintf("no mark '%s'", what);
		return 1;
	}
	return serve_cmd(s, NULL, err, "question", w, "--", question,
	    (char *)NULL);
}

int
serve_rollcall(struct session *s, const char *pid, int present, char **err)
{
	return serve_cmd(s, NULL, err, "rollcall", present ? "present" :
	    "absent", "--", pid, (char *)NULL);
}

int
serve_projector(struct session *s, const char *what, char **err)
{
	return serve_cmd(s, NULL, err, "projector", "--", what, (char *)NULL);
}

/* present ITEM [--case] --at BLOCK:OFFSET | off; the blank row above the
 * first block (block -1) has no words on the command line: the caller
 * appends that one itself. */
int
serve_present(struct session *s, const char *item, int is_case, long block,
    long offset, char **err)
{
	char at[48];

	if (item == NULL || *item == '\0')
		return serve_cmd(s, NULL, err, "present", "off", (char *)NULL);
	snprintf(at, sizeof at, "%ld:%ld", block, offset);
	if (is_case)
		return serve_cmd(s, NULL, err, "present", "--case", "--at", at,
		    "--", item, (char *)NULL);
	return serve_cmd(s, NULL, err, "present", "--at", at, "--", item,
	    (char *)NULL);
}
