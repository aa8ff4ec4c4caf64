/*
 * state_mem.c -- growing and freeing the state's arrays when some of them
 * may live in a checkpoint's mapping (checkpoint.h).
 *
 * A state loaded from a checkpoint points into a private mapping of the
 * file: its arrays are used in place, so that every terminal on the host
 * shares their pages until it writes one (copy on write).  Such an array
 * must never reach realloc() or free(): growing it past the room the file
 * left copies it to the heap first, and freeing it does nothing (the
 * mapping goes as a whole with checkpoint_unmap()).
 */
#include "state_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util.h"

/* The mappings alive in this process: a few at most (one per state loaded
 * from a checkpoint; the fuzzer and the tests may hold two). */
#define MAPS_MAX 8

static struct {
	uintptr_t base, end;
} maps[MAPS_MAX];

int
state_mem_add_map(const void *base, size_t len)
{
	size_t i;

	for (i = 0; i < MAPS_MAX; i++)
		if (maps[i].base == 0) {
			maps[i].base = (uintptr_t)base;
			maps[i].end = (uintptr_t)base + len;
			return 0;
		}
	return -1;
}

void
state_mem_remove_map(const void *base)
{
	size_t i;

	for (i = 0; i < MAPS_MAX; i++)
		if (maps[i].base == (uintptr_t)base)
			maps[i].base = maps[i].end = 0;
}

int
state_mapped(const void *p)
{
	uintptr_t a = (uintptr_t)p;
	size_t i;

	if (p == NULL)
		return 0;
	for (i = 0; i < MAPS_MAX; i++)
		if (a >= maps[i].base && a < maps[i].end)
			return 1;
	return 0;
}

void *
state_grow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t old = *cap;
	void *q;

	if (need <= old || !state_mapped(p))
		return xgrow(p, cap, need, size);
	/* Out of the mapping: a heap copy of what it held. */
	q = xgrow(NULL, cap, need > old * 2 ? need : old * 2, size);
	memcpy(q, p, old * size);
	return q;
}

void *
state_resize(void *p, size_t old_size, size_t new_size)
{
	void *q;

	if (!state_mapped(p))
		return xrealloc(p, new_size);
	q = xmalloc(new_size > 0 ? new_size : 1);
	memcpy(q, p, old_size < new_size ? old_size : new_size);
	return q;
}

void
state_release(void *p)
{
	if (!state_mapped(p))
		free(p);
}

void
state_unmap(void *base, size_t len)
{
	state_mem_remove_map(base);
	munmap(base, len);
}
