/*
 * fuzz.h -- what every libFuzzer target of tests/fuzz/ shares.
 *
 * A target checks properties its module's header promises, not only that
 * nothing crashes: FUZZ_ASSERT prints the broken promise and aborts, which
 * libFuzzer reports as a crash and saves the input that caused it.
 */
#ifndef CONVENE_FUZZ_H
#define CONVENE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: broken promise: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
		abort();						\
	}								\
} while (0)

#endif
