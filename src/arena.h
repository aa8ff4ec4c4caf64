/*
 * arena.h -- a bump allocator for the state's strings.
 *
 * Replaying a journal copies a name or a text out of nearly every record;
 * one malloc each would dominate replay time and scatter the heap.  An
 * arena hands out pieces of large blocks and frees them all at once: every
 * pointer it returns stays valid until arena_free().  Nothing is freed
 * piecemeal (an edited idea's old text stays until the state goes, which
 * the journal would keep anyway).
 */
#ifndef CONVENE_ARENA_H
#define CONVENE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);

/* `size` bytes aligned for any object; never NULL (aborts on exhausted
 * memory as xmalloc does). */
void *arena_alloc(struct arena *a, size_t size);
/* Copies of a string (NULL gives ""), or of its first n bytes. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Bytes handed out so far (for tests and benchmarks). */
size_t arena_used(const struct arena *a);

#endif
