/*
 * checkpoint.c -- loading a checkpoint (checkpoint.h): the header checked
 * against the file, the journal and the state's settings; the file mapped
 * at its address; every part of it checked (checkpoint_check.c); then the
 * state takes the image's arrays as its own and the journal goes on after
 * the last record the checkpoint covers.
 */
#include "checkpoint.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "checkpoint_int.h"
#include "crc32.h"
#include "i18n.h"
#include "state_int.h"
#include "util.h"

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000	/* Linux 4.17; older kernels take
					   it as a hint, checked below */
#endif

uint32_t
ck_layout(void)
{
	static const size_t sizes[] = {
		sizeof(struct state), sizeof(struct state_index),
		sizeof(struct participant), sizeof(struct room),
		sizeof(struct idea), sizeof(struct timer), sizeof(struct round),
		sizeof(struct round_index), sizeof(struct agenda_visit),
		sizeof(struct checkin), sizeof(struct message),
		sizeof(struct question), sizeof(struct poll),
		sizeof(struct poll_voter), sizeof(struct eval_answer),
		sizeof(struct plan_change), sizeof(struct bad_record),
		sizeof(struct odd_stage), sizeof(struct tally_small),
		sizeof(struct dot_tally), sizeof(struct ck_header),
		EV_COUNT, K_COUNT
	};

	return crc32_update(0, sizes, sizeof sizes);
}

uint32_t
ck_header_crc(const struct ck_header *h)
{
	struct ck_header c = *h;

	c.header_crc = 0;
	return crc32_update(0, &c, sizeof c);
}

uint32_t
ck_days_crc(const struct state *st)
{
	return st->nday_starts == 0 ? 0 : crc32_update(0, st->day_starts,
	    st->nday_starts * sizeof *st->day_starts);
}

int
ck_check_header(const struct ck_header *h, uint64_t file_size,
    const struct state *st, const char **why)
{
	char build[sizeof h->build] = { 0 };

	snprintf(build, sizeof build, "%s", CONVENE_VERSION);
	if (!CK_PLATFORM)
		return *why = "no checkpoints on a 32-bit build", -1;
	if (file_size < sizeof *h || memcmp(h->magic, CK_MAGIC,
	    sizeof h->magic) != 0)
		return *why = "not a checkpoint", -1;
	if (memcmp(h->build, build, sizeof build) != 0 ||
	    h->layout != ck_layout())
		return *why = "written by another build of convene", -1;
	if (h->header_crc != ck_header_crc(h))
		return *why = "its header is damaged", -1;
	if (h->size != file_size || h->size > CK_SIZE_MAX ||
	    h->base % CK_HEADER != 0 || h->base < CK_BASE_MIN ||
	    h->base > CK_BASE_MIN + CK_BASE_SPAN ||
	    h->obj_off != CK_HEADER || h->obj_len > h->size ||
	    h->str_off < h->obj_off + h->obj_len || h->str_len == 0 ||
	    h->str_off > h->size || h->str_len != h->size - h->str_off ||
	    h->state_at < h->obj_off || h->index_at < h->obj_off ||
	    h->state_at > h->obj_off + h->obj_len - sizeof(struct state) ||
	    h->index_at > h->obj_off + h->obj_len -
	    sizeof(struct state_index) || h->obj_len < sizeof(struct state) ||
	    h->obj_len < sizeof(struct state_index) ||
	    h->state_at % 16 != 0 || h->index_at % 16 != 0)
		return *why = "its layout is out of bounds", -1;
	if (h->anonymous != st->anonymous ||
	    h->no_self_votes != st->no_self_votes ||
	    h->default_budget != st->default_budget ||
	    h->nday_starts != st->nday_starts ||
	    h->days_crc != ck_days_crc(st))
		return *why = "made with other session settings", -1;
	if (h->texts_in_journal && st->texts == NULL)
		return *why = "it keeps texts in the journal and this state "
		    "keeps every text", -1;
	return 0;
}

/* The state takes the image's arrays; its own arena, texts and days stay. */
static void
install(struct state *st, const struct ck_header *h)
{
	const struct state *img = (const void *)(uintptr_t)(h->base +
	    h->state_at);
	struct state keep = *st;
	struct state_index *ix = xmalloc(sizeof *ix);
	size_t i;

	memcpy(ix, (const void *)(uintptr_t)(h->base + h->index_at),
	    sizeof *ix);
	/* what state_new made, replaced */
	state_release(st->timers);
	free(st->ix);
	*st = *img;
	st->arena = keep.arena;
	st->texts = keep.texts;
	st->day_starts = keep.day_starts;
	st->nday_starts = keep.nday_starts;
	st->day1_midnight_ms = keep.day1_midnight_ms;
	/* the follower's hook is this process's code: never the image's */
	st->applied = keep.applied;
	st->applied_ctx = keep.applied_ctx;
	st->ix = ix;
	ix->map_base = (void *)(uintptr_t)h->base;
	ix->map_len = (size_t)h->size;
	/* in this process's language, as replay would have named them */
	for (i = 0; i < st->nparticipants; i++)
		if (st->participants[i].unknown)
			st->participants[i].name = _("(unknown participant)");
	for (i = 0; i < st->nrounds; i++)
		if (st->rounds[i].ix != NULL && st->rounds[i].ix->nslots != 0)
			state_round_rehash(&st->rounds[i]);
}

/* Maps the file at its base; NULL when that address is taken. */
static void *
map_at(int fd, const struct ck_header *h)
{
	void *want = (void *)(uintptr_t)h->base;
	void *p = mmap(want, (size_t)h->size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_FIXED_NOREPLACE, fd, 0);

	if (p == MAP_FAILED)
		return NULL;
	if (p != want) {	/* a kernel that took it as a hint */
		munmap(p, (size_t)h->size);
		return NULL;
	}
	return p;
}

/* The mapped image checked and taken, the journal resumed. */
static int
take(void *base, const struct ck_header *h, struct state *st,
    struct journal *j, const char **why)
{
	char *err = NULL;

	if (ck_check_image(h, why) != 0)
		return -1;
	if (journal_resume(j, &h->mark, &err) != 0) {
		free(err);
		return *why = "the journal is not the one it covers", -1;
	}
	if (state_mem_add_map(base, (size_t)h->size) != 0)
		return *why = "too many checkpoints mapped", -1;
	install(st, h);
	return 0;
}

int
checkpoint_covers(int fd, const struct journal *j, const struct state *st)
{
	struct ck_header h;
	struct journal_mark mk;
	char build[sizeof h.build] = { 0 };

	snprintf(build, sizeof build, "%s", CONVENE_VERSION);
	if (pread(fd, &h, sizeof h, 0) != (ssize_t)sizeof h ||
	    memcmp(h.magic, CK_MAGIC, sizeof h.magic) != 0 ||
	    memcmp(h.build, build, sizeof build) != 0 ||
	    h.layout != ck_layout() || h.header_crc != ck_header_crc(&h) ||
	    journal_mark(j, &mk) != 0 ||
	    (h.texts_in_journal && st->texts == NULL))
		return 0;
	return h.mark.dev == mk.dev && h.mark.ino == mk.ino &&
	    h.mark.offset >= mk.offset;
}

int
checkpoint_load(int fd, struct state *st, struct journal *j,
    const char **why)
{
	struct ck_header h;
	struct stat sb;
	ssize_t n;
	void *base;

	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
		return *why = "not a regular file", -1;
	do
		n = pread(fd, &h, sizeof h, 0);
	while (n < 0 && errno == EINTR);
	if (n != (ssize_t)sizeof h)
		return *why = "too short", -1;
	if (ck_check_header(&h, (uint64_t)sb.st_size, st, why) != 0)
		return -1;
	if ((base = map_at(fd, &h)) == NULL)
		return *why = "its address is taken in this process", -1;
	/* From now on the mapped header counts: the file may have changed
	 * since it was read. */
	if (memcmp(base, &h, sizeof h) != 0) {
		munmap(base, (size_t)h.size);
		return *why = "it changed while it was read", -1;
	}
	if (take(base, &h, st, j, why) != 0) {
		munmap(base, (size_t)h.size);
		return -1;
	}
	return 0;
}

int
checkpoint_load_image(const void *image, size_t len, struct state *st,
    struct journal *j, const char **why)
{
	struct ck_header h;
	void *base;

	if (len < sizeof h)
		return *why = "too short", -1;
	memcpy(&h, image, sizeof h);
	if (ck_check_header(&h, len, st, why) != 0)
		return -1;
	base = mmap((void *)(uintptr_t)h.base, len, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (base == MAP_FAILED)
		return *why = "its address is taken in this process", -1;
	if (base != (void *)(uintptr_t)h.base) {
		munmap(base, len);
		return *why = "its address is taken in this process", -1;
	}
	memcpy(base, image, len);
	if (take(base, &h, st, j, why) != 0) {
		munmap(base, len);
		return -1;
	}
	return 0;
}
