/*
 * mksession.c -- makes a large session for the benchmarks.
 *
 *   mksession DIR MODULE --ideas N --dots M    a workshop's board: N ideas,
 *                                              M dots in several rounds
 *   mksession DIR MODULE --events N            a journal of N events in the
 *                                              mix of a long workshop
 *   --rooms R                                  the participants dealt into R
 *                                              rooms (default 10; 0: all in
 *                                              the plenary); with --dots 0
 *                                              no round is opened
 *
 * The session is made with session_create, as `convene new` makes it; the
 * records have the shapes the commands write (same columns and ids;
 * ideas on their author's room board, dots within the round's budget,
 * never taking back more than was cast), but are appended in large batches
 * through journal_append so that a million records take seconds, not the
 * hours that a million fsyncs would.  The sequence is deterministic (a
 * fixed seed), so every run replays the same journal.
 */
#include <getopt.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "commands.h"
#include "content.h"
#include "journal.h"
#include "session.h"
#include "tz.h"
#include "util.h"

#define PARTICIPANTS 150
#define ROOMS 10		/* by default */
#define BATCH 5000
#define ROUND_BUDGET 40

static const char *const countries[] = {
	"KR", "TH", "LA", "LK", "BD", "PK", "MV", "PH", "MN", "KZ", "AM",
	"UZ", "BT", "ID", "NP", "FJ"
};

static const char *const names[] = {
	"김민준", "สมชาย ใจดี", "ສົມພອນ ພົມມະຈັນ", "නිමල් පෙරේරා",
	"আয়েশা রহমান", "عائشہ خان", "އަޙްމަދު ރަޝީދު", "Maria Santos",
	"Батбаяр Дорж", "Айгүл Сейітова", "Արամ Հակոբյան",
	"Dilnoza Karimova", "བསོད་ནམས་ དབང་ཕྱུག", "Putu Wijaya",
	"Sita Gurung", "Losana Tuilagi"
};

/* Idea texts as participants write them: many scripts, 30-200 bytes. */
static const char *const phrases[] = {
	"민원 서류를 한 번만 제출하는 원스톱 포털",
	"แจ้งเตือนการต่ออายุใบขับขี่ทาง SMS",
	"ນັດໝາຍອອນລາຍ ສຳລັບ ຫ້ອງການເມືອງ",
	"تمام سرکاری خدمات کے لیے ایک شناختی نمبر",
	"Offline-first forms for island municipalities, synced when a boat "
	    "brings the signal",
	"Иргэний үнэмлэхээ утсаараа сунгах",
	"Publish procurement data as open CSV every week",
	"Satu formulir untuk semua izin usaha kecil",
	"A single helpline number for every ministry, answered in the "
	    "caller's own language",
	"ডিজিটাল জন্ম নিবন্ধন ইউনিয়ন পরিষদে",
	"Pay land tax by mobile money at the village kiosk",
	"Бизнесті тіркеу бір күнде, бір терезеде",
};

struct gen {
	struct journal *j;
	uint64_t rng;
	int64_t now_ms;
	int day;		/* the workshop day of now_ms, 1-based */
	char **items;		/* agenda item ids */
	size_t nitems;
	unsigned ideas, rounds, questions, polls;
	int round_open;
	int *room_of;		/* participant -> room */
	int *last_dot;		/* participant -> idea of the last +1, or -1 */
	int *spent;		/* participant -> dots spent in the open round */
	int timer;		/* 0 idle, 1 running, 2 paused */
	int rooms;		/* rooms made; 0: everyone in the plenary */
	size_t inbatch;		/* records in the batch being built */
	char buf[512], buf2[64], buf3[64], term[32];
};

static uint32_t
rnd(struct gen *g, uint32_t below)
{
	/* xorshift64*: fast, deterministic, good enough for a mix. */
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return (uint32_t)((g->rng * 2685821657736338717ULL) >> 32) % below;
}

static const char *
pid(struct gen *g, int p)
{
	snprintf(g->buf2, sizeof g->buf2, "p%d", p + 1);
	return g->buf2;
}

static const char *
terminal(struct gen *g, int p)
{
	snprintf(g->term, sizeof g->term, "pts/%d:%d", p % 40, 4000 + p);
	return g->term;
}

/* --- the kinds of records ------------------------------------------------ */

static void
add(struct gen *g, struct journal_batch *b, struct event *ev,
    const char *actor, const char *term)
{
	g->inbatch++;
	ev->actor = actor;
	ev->terminal = term;
	journal_batch_add(b, ev);
}

static void
gen_setup(struct gen *g, struct journal_batch *b)
{
	struct event ev;
	char extra[160], id[16], name[32];
	int p, r;

	for (p = 0; p < PARTICIPANTS; p++) {
		snprintf(extra, sizeof extra, "%s\nMinistry %d\n",
		    countries[p % NELEM(countries)], p % 37);
		ev = (struct event){ .type = EV_PARTICIPANT, .id = pid(g, p),
		    .text = names[p % NELEM(names)], .extra = extra };
		add(g, b, &ev, ACTOR_ORGANIZER, "script:1");
	}
	for (r = 0; r < g->rooms; r++) {
		snprintf(id, sizeof id, "r%d", r + 1);
		snprintf(name, sizeof name, "Room %d", r + 1);
		ev = (struct event){ .type = EV_ROOM, .id = id, .text = name,
		    .extra = "Services people use every day" };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
	}
	for (p = 0; p < PARTICIPANTS && g->rooms > 0; p++) {
		g->room_of[p] = p % g->rooms;
		snprintf(id, sizeof id, "r%d", g->room_of[p] + 1);
		ev = (struct event){ .type = EV_MOVE, .id = pid(g, p),
		    .room = id };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
	}
	if (g->nitems > 0) {
		ev = (struct event){ .type = EV_AGENDA, .id = g->items[0] };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
	}
}

static void
gen_idea(struct gen *g, struct journal_batch *b)
{
	int p = (int)rnd(g, PARTICIPANTS);
	char id[16], room[16];
	struct event ev;

	snprintf(id, sizeof id, "i%u", ++g->ideas);
	snprintf(room, sizeof room, "r%d", g->room_of[p] + 1);
	snprintf(g->buf, sizeof g->buf, "%s (%u)",
	    phrases[rnd(g, NELEM(phrases))], g->ideas);
	ev = (struct event){ .type = EV_IDEA, .id = id, .ref = pid(g, p),
	    .room = g->rooms > 0 ? room : NULL, .text = g->buf,
	    .extra = "ideate" };
	add(g, b, &ev, pid(g, p), terminal(g, p));
}

static void
gen_voting(struct gen *g, struct journal_batch *b, int open)
{
	char id[16];
	struct event ev;

	if (open == g->round_open)
		return;
	if (open) {
		snprintf(id, sizeof id, "v%u", ++g->rounds);
		ev = (struct event){ .type = EV_VOTING_OPEN, .id = id,
		    .n = ROUND_BUDGET };
		memset(g->spent, 0, PARTICIPANTS * sizeof *g->spent);
		memset(g->last_dot, -1, PARTICIPANTS * sizeof *g->last_dot);
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
	} else {
		snprintf(id, sizeof id, "v%u", g->rounds);
		ev = (struct event){ .type = EV_VOTING_CLOSE, .id = id, .n = 1 };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
		ev = (struct event){ .type = EV_VOTING_REVEAL, .id = id, .n = 1 };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
	}
	g->round_open = open;
}

/* A dot on a random idea by a voter with dots left; one in eight (and
 * every dot of a voter whose budget is spent) takes the voter's last dot
 * back instead, as people do. */
static void
gen_dot(struct gen *g, struct journal_batch *b)
{
	int p = (int)rnd(g, PARTICIPANTS), idea, n = 1, tries;
	char id[16], round[16];
	struct event ev;

	if (g->ideas == 0)
		return;
	for (tries = 0; tries < PARTICIPANTS &&
	    g->spent[p] >= ROUND_BUDGET && g->last_dot[p] < 0; tries++)
		p = (p + 1) % PARTICIPANTS;
	if (g->last_dot[p] >= 0 && (rnd(g, 8) == 0 ||
	    g->spent[p] >= ROUND_BUDGET)) {
		idea = g->last_dot[p];
		g->last_dot[p] = -1;
		g->spent[p]--;
		n = -1;
	} else {
		idea = (int)rnd(g, g->ideas) + 1;
		g->last_dot[p] = idea;
		g->spent[p]++;
	}
	snprintf(id, sizeof id, "i%d", idea);
	snprintf(round, sizeof round, "v%u", g->rounds);
	ev = (struct event){ .type = EV_DOT, .id = id, .ref = round, .n = n };
	add(g, b, &ev, pid(g, p), terminal(g, p));
}

static void
gen_edit(struct gen *g, struct journal_batch *b)
{
	unsigned i = rnd(g, g->ideas) + 1;
	char id[16];
	struct event ev;

	snprintf(id, sizeof id, "i%u", i);
	snprintf(g->buf, sizeof g->buf, "%s, edited (%u)",
	    phrases[rnd(g, NELEM(phrases))], i);
	ev = (struct event){ .type = EV_IDEA_EDIT, .id = id, .text = g->buf };
	add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
}

static void
gen_flag(struct gen *g, struct journal_batch *b)
{
	static const enum event_type types[] = { EV_IDEA_PROMOTE,
	    EV_IDEA_HIDE, EV_IDEA_WITHDRAW };
	char id[16];
	struct event ev;

	snprintf(id, sizeof id, "i%u", rnd(g, g->ideas) + 1);
	ev = (struct event){ .type = types[rnd(g, NELEM(types))], .id = id,
	    .n = (long)rnd(g, 2) };
	add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
}

static void
gen_question(struct gen *g, struct journal_batch *b)
{
	int p = (int)rnd(g, PARTICIPANTS);
	char id[16];
	struct event ev;

	if (g->questions > 0 && rnd(g, 2) == 0) {
		snprintf(id, sizeof id, "q%u", rnd(g, g->questions) + 1);
		ev = (struct event){ .type = EV_UPVOTE, .id = id };
	} else {
		snprintf(id, sizeof id, "q%u", ++g->questions);
		snprintf(g->buf, sizeof g->buf, "How did you fund it? %s",
		    phrases[rnd(g, NELEM(phrases))]);
		ev = (struct event){ .type = EV_QUESTION, .id = id,
		    .ref = g->items[rnd(g, (uint32_t)g->nitems)],
		    .text = g->buf };
	}
	add(g, b, &ev, pid(g, p), terminal(g, p));
}

static void
gen_timer(struct gen *g, struct journal_batch *b)
{
	static const char *const actions[] = { "start", "pause", "resume" };
	struct event ev = { .type = EV_TIMER };

	if (g->timer != 0 && rnd(g, 4) == 0) {
		ev.ref = "extend";
		ev.n = 60;
	} else {
		ev.ref = actions[g->timer];
		ev.n = g->timer == 0 ? 1800 : 0;
		g->timer = g->timer == 1 ? 2 : 1;
	}
	add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
}

static void
gen_misc(struct gen *g, struct journal_batch *b)
{
	int p = (int)rnd(g, PARTICIPANTS);
	char id[16];
	struct event ev;

	switch (rnd(g, 4)) {
	case 0:
		ev = (struct event){ .type = EV_MESSAGE,
		    .text = "Five minutes left: pick your best three ideas" };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
		break;
	case 1:
		ev = (struct event){ .type = EV_AGENDA,
		    .id = g->items[rnd(g, (uint32_t)g->nitems)] };
		add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
		break;
	case 2:
		ev = (struct event){ .type = EV_CHECKIN, .id = pid(g, p),
		    .n = g->day };
		add(g, b, &ev, pid(g, p), terminal(g, p));
		break;
	default:
		if (g->polls == 0 || rnd(g, 20) == 0) {
			snprintf(id, sizeof id, "o%u", ++g->polls);
			ev = (struct event){ .type = EV_POLL_OPEN, .id = id,
			    .ref = g->items[0], .text = "Which service first?",
			    .extra = "Health\nLand\nBusiness" };
			add(g, b, &ev, ACTOR_FACILITATOR, "pts/0:1");
		} else {
			snprintf(id, sizeof id, "o%u", g->polls);
			snprintf(g->buf3, sizeof g->buf3, "%u", rnd(g, 3) + 1);
			ev = (struct event){ .type = EV_POLL_ANSWER, .id = id,
			    .extra = g->buf3 };
			add(g, b, &ev, pid(g, p), terminal(g, p));
		}
	}
}

/* --- plans --------------------------------------------------------------- */

/* What to write, in order: `ideas` ideas and `dots` dots in `rounds`
 * rounds (each round: its share of ideas, then voting open, its dots,
 * close and reveal), and, when `mixed`, the other kinds of records in the
 * proportions of a busy workshop spread among them. */
struct plan {
	unsigned long ideas, dots, rounds;
	int mixed;
	/* progress */
	unsigned long round, done_ideas, done_dots, setup_done;
	uint64_t pad_to;	/* then other records up to this seq */
};

static void
gen_other(struct gen *g, struct journal_batch *b)
{
	uint32_t x = rnd(g, 100);

	if (x < 40)
		gen_edit(g, b);
	else if (x < 52)
		gen_flag(g, b);
	else if (x < 80)
		gen_question(g, b);
	else if (x < 88)
		gen_timer(g, b);
	else
		gen_misc(g, b);
}

/* One round: its ideas, the vote, and in the mixed plan one other record
 * for every two ideas or dots (a third of the journal). */
static void
gen_round(struct gen *g, struct plan *pl, struct journal_batch *b)
{
	unsigned long want_ideas = pl->ideas * (pl->round + 1) / pl->rounds;
	unsigned long want_dots = pl->dots * (pl->round + 1) / pl->rounds;

	while (pl->done_ideas < want_ideas && g->inbatch < BATCH) {
		gen_idea(g, b);
		pl->done_ideas++;
		if (pl->mixed && pl->done_ideas % 2 == 0)
			gen_other(g, b);
	}
	if (pl->done_ideas < want_ideas)
		return;
	if (pl->dots == 0) {	/* ideas only: the board, no ballot */
		pl->round++;
		return;
	}
	gen_voting(g, b, 1);
	while (pl->done_dots < want_dots && g->inbatch < BATCH) {
		gen_dot(g, b);
		pl->done_dots++;
		if (pl->mixed && pl->done_dots % 2 == 0)
			gen_other(g, b);
	}
	if (pl->done_dots < want_dots)
		return;
	gen_voting(g, b, 0);
	pl->round++;
}

struct fill {
	struct gen *g;
	struct plan *pl;
};

static int
build(struct journal_batch *b, void *ctx, char **err)
{
	struct fill *f = ctx;

	(void)err;
	f->g->inbatch = 0;
	if (!f->pl->setup_done) {
		gen_setup(f->g, b);
		f->pl->setup_done = 1;
	}
	while (f->g->inbatch < BATCH && f->pl->round < f->pl->rounds)
		gen_round(f->g, f->pl, b);
	while (f->g->inbatch < BATCH && f->pl->round == f->pl->rounds &&
	    journal_batch_next_seq(b) <= f->pl->pad_to)
		gen_other(f->g, b);
	return 0;
}

/* --- main ---------------------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: mksession DIR MODULE [--rooms R] (--ideas N --dots M | "
	    "--events N)\n", stderr);
	exit(2);
}

static void
make_plan(struct plan *pl, unsigned long ideas, unsigned long dots,
    unsigned long events)
{
	memset(pl, 0, sizeof *pl);
	if (events > 0) {
		/* ideas + dots = 2/3 of the events, one other per two;
		 * a little less, for the setup and the rounds' records:
		 * fill_journal pads to exactly `events` */
		pl->ideas = events * 3 / 10;
		pl->dots = events * 2 / 3 - 1000 - pl->ideas;
		pl->rounds = events / 10000 > 0 ? events / 10000 : 1;
		pl->mixed = 1;
		pl->pad_to = events;
	} else {
		pl->ideas = ideas;
		pl->dots = dots;
		pl->rounds = dots / 5000 > 0 ? dots / 5000 : 1;
	}
}

/* The workshop is running now: its four days are the last four days,
 * today its fourth, so that the timer a benchmark starts runs and every
 * record is in the recent past.  Each day's records are spread over the
 * eight hours before the time of day it is now (from midnight when it is
 * earlier than 08:00), in the module's zone. */
struct clock_plan {
	int64_t midnight[4];	/* local midnight of each day, UTC ms */
	int64_t from_ms, to_ms;	/* the window within a day */
	char start[11];		/* day 1, "YYYY-MM-DD" */
};

static int
plan_clock(struct clock_plan *c, const char *zone)
{
	const int64_t minute = 60000, hour = 60 * minute;
	struct tz_local now;
	int64_t now_ms = (int64_t)time(NULL) * 1000, tod;
	int d, y, m, dd;

	if (tz_to_local(zone, now_ms, &now) != 0)
		return -1;
	for (d = 0; d < 4; d++) {
		if (tz_add_days(zone, now.year, now.month, now.day, d - 3,
		    &y, &m, &dd) != 0 ||
		    tz_from_local(zone, y, m, dd, 0, &c->midnight[d]) != 0)
			return -1;
		if (d == 0)
			snprintf(c->start, sizeof c->start, "%04d-%02d-%02d",
			    y, m, dd);
	}
	tod = now_ms - c->midnight[3];
	c->to_ms = tod > minute ? tod - minute : 0;
	c->from_ms = c->to_ms > 8 * hour ? c->to_ms - 8 * hour : 0;
	return 0;
}

/* The time of batch k of n: the batches in order over the four days'
 * windows, the last ones today. */
static void
batch_time(struct gen *g, const struct clock_plan *c, unsigned long k,
    unsigned long n)
{
	unsigned long quarter = k * 4 % n;

	g->day = k < n ? 1 + (int)(k * 4 / n) : 4;
	g->now_ms = c->midnight[g->day - 1] + c->from_ms +
	    (int64_t)quarter * (c->to_ms - c->from_ms) / (int64_t)n;
}

static int
fill_journal(const char *dir, struct module *m, struct plan *pl,
    const struct clock_plan *c, int rooms)
{
	struct gen g;
	struct fill f = { &g, pl };
	unsigned long k, nbatches;
	char *path = path_join(dir, "journal.csv"), *err = NULL;
	size_t i;
	int rc = 0;

	memset(&g, 0, sizeof g);
	g.rng = 0x9e3779b97f4a7c15ULL;
	g.rooms = rooms;
	g.room_of = xcalloc(PARTICIPANTS, sizeof *g.room_of);
	g.last_dot = xcalloc(PARTICIPANTS, sizeof *g.last_dot);
	g.spent = xcalloc(PARTICIPANTS, sizeof *g.spent);
	g.nitems = m->nitems;
	g.items = xcalloc(m->nitems + 1, sizeof *g.items);
	for (i = 0; i < m->nitems; i++)
		g.items[i] = m->items[i].id;
	/* the records the plan makes: padded to pad_to, or the setup, the
	 * ideas, the dots and three records a round */
	nbatches = ((pl->pad_to > 0 ? pl->pad_to : 2 * PARTICIPANTS + ROOMS +
	    1 + pl->ideas + pl->dots + 3 * pl->rounds) + BATCH - 1) / BATCH;
	if ((g.j = journal_open(path, 0, &err)) == NULL)
		rc = 3;
	for (k = 0; rc == 0 && (pl->round < pl->rounds ||
	    journal_last_seq(g.j) < pl->pad_to); k++) {
		batch_time(&g, c, k, nbatches);
		rc = journal_append(g.j, build, &f, NULL, NULL, NULL,
		    g.now_ms, &err);
	}
	if (rc == 0)
		fprintf(stderr, "mksession: %s: %" PRIu64 " records (%lu ideas, "
		    "%lu dots)\n", dir, journal_last_seq(g.j), pl->done_ideas,
		    pl->done_dots);
	if (rc != 0)
		fprintf(stderr, "mksession: %s\n", err != NULL ? err : "?");
	journal_close(g.j);
	free(err);
	free(path);
	free(g.items);
	free(g.room_of);
	free(g.last_dot);
	free(g.spent);
	return rc;
}

/* session_create with day 1 of the clock plan as the start date. */
static int
session_create_started(const char *dir, const char *module,
    struct session_settings *set, const struct clock_plan *c, char **err)
{
	set->start = (char *)(uintptr_t)c->start;
	return session_create(dir, module, set, err);
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "ideas", required_argument, NULL, 'i' },
		{ "dots", required_argument, NULL, 'd' },
		{ "events", required_argument, NULL, 'e' },
		{ "rooms", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	struct session_settings set = { .title = (char *)(uintptr_t)"bench",
	    .budget = 5 };
	struct clock_plan clock;
	unsigned long ideas = 0, dots = 0, events = 0;
	int rooms = ROOMS;
	struct module *m;
	struct plan pl;
	char *err = NULL;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'i')
			ideas = strtoul(optarg, NULL, 10);
		else if (c == 'd')
			dots = strtoul(optarg, NULL, 10);
		else if (c == 'e')
			events = strtoul(optarg, NULL, 10);
		else if (c == 'r')
			rooms = atoi(optarg);
		else
			usage();
	}
	if (argc - optind != 2 || (events == 0 && ideas == 0) || rooms < 0 ||
	    rooms > PARTICIPANTS)
		usage();
	if ((m = content_load(argv[optind + 1], &err)) == NULL ||
	    m->nitems == 0 || plan_clock(&clock, m->timezone) != 0 ||
	    session_create_started(argv[optind], argv[optind + 1], &set, &clock,
	    &err) != 0) {
		fprintf(stderr, "mksession: %s\n", err != NULL ? err :
		    "the module has no agenda, or no zone we know");
		free(err);
		module_free(m);
		return 3;
	}
	make_plan(&pl, ideas, dots, events);
	rc = fill_journal(argv[optind], m, &pl, &clock, rooms);
	module_free(m);
	return rc;
}
