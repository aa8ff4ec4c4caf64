/*
 * checkpoint_int.h -- the checkpoint's file format, shared by its writer
 * (checkpoint_write.c), its loader (checkpoint.c) and its checks
 * (checkpoint_check.c).  Not for use elsewhere.
 *
 * The file is the image of a region of memory that starts at `base`:
 *
 *   [0, CK_HEADER)              struct ck_header, then zeros
 *   [obj_off, obj_off+obj_len)  objects: the struct state, its struct
 *                               state_index and every array they point to
 *                               (arrays that grow keep room to grow)
 *   [str_off, str_off+str_len)  strings, each ending with a NUL
 *
 * Every pointer in the objects is an address in that region as mapped at
 * `base`; NULL where the state has NULL.  Nothing points outside it.
 */
#ifndef CONVENE_CHECKPOINT_INT_H
#define CONVENE_CHECKPOINT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "journal.h"
#include "state.h"

/* The image holds 64-bit addresses: on another platform there are no
 * checkpoints (checkpoint_build says so, checkpoint_load takes none). */
#if UINTPTR_MAX == UINT64_MAX && defined(__LP64__)
#define CK_PLATFORM 1
#else
#define CK_PLATFORM 0
#endif

#define CK_MAGIC "CVNCKPT1"
#define CK_HEADER 4096
/* Where a writer may put it: far from the heap, the binary, the libraries
 * and the stack on a 47-bit address space. */
#define CK_BASE_MIN 0x200000000000ULL
#define CK_BASE_SPAN 0x200000000000ULL
#define CK_SIZE_MAX (4ULL << 30)

struct ck_header {
	char magic[8];
	char build[24];		/* CONVENE_VERSION, NUL-padded */
	uint32_t layout;	/* ck_layout(): the structures' sizes */
	uint32_t header_crc;	/* of the header with this field 0 */
	uint64_t base, size;
	uint64_t obj_off, obj_len, str_off, str_len;
	uint64_t state_at, index_at;	/* offsets from base */
	struct journal_mark mark;
	int32_t anonymous, no_self_votes, default_budget, texts_in_journal;
	uint64_t nday_starts;
	uint32_t days_crc, reserved;
};

/* A fingerprint of the layout of what the image holds. */
uint32_t ck_layout(void);
/* The crc32 of the header with header_crc taken as 0. */
uint32_t ck_header_crc(const struct ck_header *h);
/* The crc32 of a state's day starts. */
uint32_t ck_days_crc(const struct state *st);

/* Checks the whole image mapped at h->base (h is its header, already
 * checked by ck_check_header): every pointer, count, index and string.
 * 0, or -1 with *why. */
int ck_check_image(const struct ck_header *h, const char **why);
/* 0 when the strings region s[0..len) is one the loader takes. */
int ck_check_strings(const char *s, size_t len);
/* Checks a header against the file's size and the state it is for. */
int ck_check_header(const struct ck_header *h, uint64_t file_size,
    const struct state *st, const char **why);

#endif
