/* arena.c -- a bump allocator: blocks of 64 KiB, freed all at once. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_BLOCK (64 * 1024)
/* A request larger than this gets a block of its own, so that one long
 * text does not waste the rest of the current block. */
#define ARENA_BIG (ARENA_BLOCK / 4)

struct block {
	struct block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;	/* the block being filled */
	size_t used;
};

static struct block *
block_new(size_t size)
{
	struct block *b = xmalloc(sizeof *b + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	struct arena *a = xcalloc(1, sizeof *a);

	a->head = block_new(ARENA_BLOCK);
	return a;
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

static size_t
align_up(size_t n, size_t al)
{
	return (n + al - 1) & ~(al - 1);
}

/* `al` is 1 for strings (no padding between them) or the alignment of
 * max_align_t for objects. */
static void *
bump(struct arena *a, size_t size, size_t al)
{
	struct block *b;
	void *p;

	if (size == 0)
		size = 1;
	if (size > SIZE_MAX / 2)
		return xmalloc(SIZE_MAX);	/* reports exhausted memory */
	a->used += size;
	if (size > ARENA_BIG) {
		/* Behind the head, so the head keeps filling. */
		b = block_new(size);
		b->used = size;
		b->next = a->head->next;
		a->head->next = b;
		return b->data;
	}
	b = a->head;
	b->used = align_up(b->used, al);
	if (b->used + size > b->size) {
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	p = b->data + b->used;
	b->used += size;
	return p;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	return bump(a, size, alignof(max_align_t));
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = bump(a, n + 1, 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		s = "";
	return arena_strndup(a, s, strlen(s));
}

size_t
arena_used(const struct arena *a)
{
	return a->used;
}
