/*
 * crc32.c -- CRC-32/IEEE, reflected polynomial 0xedb88320, table driven.
 *
 * Hand-written rather than taken from zlib: a table CRC is a few dozen
 * lines, and a compression library is a dependency we would link for this
 * one function only.  Slicing by 8 (eight tables, eight bytes a step)
 * keeps the check well below the cost of parsing the CSV it protects.
 *
 * On x86-64 processors with carry-less multiplication (PCLMULQDQ, every
 * x86-64 CPU since about 2010) the 16-byte blocks of anything of 64 bytes
 * or more are folded with it instead, four blocks at a time, as in Intel's
 * "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ
 * Instruction" (Gopal et al., 2009); the constants are that paper's for
 * this polynomial, the ones the Linux kernel and Chromium's zlib use.  A
 * replay checks a million records, most of them 64 to 200 bytes: this
 * halves the time the check takes.  Other machines use the tables alone.
 *
 * Measured against zlib's crc32() (Debian 12's zlib 1.2.13, which has no
 * carry-less path), 2026-12-07, on every line of the 1,000,000-record
 * journal of `make bench` (147 MB), CPU time, five runs each: ours 41 to
 * 49 ms, zlib's 160 to 171 ms.  zlib would add about 120 ms to a replay
 * of about 800 ms (replay_1m_ms, target 1000) and take replay_vs_libcsv
 * from about 1.7 to about 2.0 (target 2.0), and linking it cost a
 * participant terminal 50 to 200 kB of resident memory more (7.7 to
 * 7.9 MB of its 8 MB budget; participant_rss_kb).  So ours stays.
 */
#include "crc32.h"

#include <pthread.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define CRC32_CLMUL 1
#include <cpuid.h>
#include <immintrin.h>
#else
#define CRC32_CLMUL 0
#endif

#define CRC32_POLY 0xedb88320u

static uint32_t crc_table[8][256];
static pthread_once_t crc_table_once = PTHREAD_ONCE_INIT;
static int crc_clmul;		/* set once with the tables */

#if CRC32_CLMUL
static int
cpu_has_clmul(void)
{
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d))
		return 0;
	return (c & bit_PCLMUL) != 0 && (c & bit_SSE4_1) != 0;
}

/* 16 bytes from p, unaligned (SSE2 is part of x86-64). */
static inline __m128i
load16(const unsigned char *p)
{
	return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* Folds len bytes (at least 64, a multiple of 16) into the CRC register
 * `crc` (not inverted: the caller inverts) and returns the register. */
__attribute__((target("pclmul,sse4.1")))
static uint32_t
crc_clmul_fold(const unsigned char *p, size_t len, uint32_t crc)
{
	const __m128i k1k2 = _mm_set_epi64x(0x01c6e41596, 0x0154442bd4);
	const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009e, 0x01751997d0);
	const __m128i k5 = _mm_set_epi64x(0, 0x0163cd6124);
	const __m128i poly = _mm_set_epi64x(0x01f7011641, 0x01db710641);
	const __m128i low32 = _mm_setr_epi32(~0, 0, ~0, 0);
	__m128i x1, x2, x3, x4, t1, t2, t3, t4;

	x1 = _mm_xor_si128(load16(p), _mm_cvtsi32_si128((int)crc));
	x2 = load16(p + 16);
	x3 = load16(p + 32);
	x4 = load16(p + 48);
	p += 64;
	len -= 64;
	/* four lanes, 64 bytes a step */
	for (; len >= 64; p += 64, len -= 64) {
		t1 = _mm_clmulepi64_si128(x1, k1k2, 0x00);
		t2 = _mm_clmulepi64_si128(x2, k1k2, 0x00);
		t3 = _mm_clmulepi64_si128(x3, k1k2, 0x00);
		t4 = _mm_clmulepi64_si128(x4, k1k2, 0x00);
		x1 = _mm_xor_si128(_mm_clmulepi64_si128(x1, k1k2, 0x11), t1);
		x2 = _mm_xor_si128(_mm_clmulepi64_si128(x2, k1k2, 0x11), t2);
		x3 = _mm_xor_si128(_mm_clmulepi64_si128(x3, k1k2, 0x11), t3);
		x4 = _mm_xor_si128(_mm_clmulepi64_si128(x4, k1k2, 0x11), t4);
		x1 = _mm_xor_si128(x1, load16(p));
		x2 = _mm_xor_si128(x2, load16(p + 16));
		x3 = _mm_xor_si128(x3, load16(p + 32));
		x4 = _mm_xor_si128(x4, load16(p + 48));
	}
	/* the four lanes into one, then 16 bytes a step */
	t1 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11),
	    x2), t1);
	t1 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11),
	    x3), t1);
	t1 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
	x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4, 0x11),
	    x4), t1);
	for (; len >= 16; p += 16, len -= 16) {
		t1 = _mm_clmulepi64_si128(x1, k3k4, 0x00);
		x1 = _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x1, k3k4,
		    0x11), load16(p)), t1);
	}
	/* 128 bits to 64, then Barrett reduction to 32 */
	t1 = _mm_clmulepi64_si128(x1, k3k4, 0x10);
	x1 = _mm_xor_si128(_mm_srli_si128(x1, 8), t1);
	t1 = _mm_srli_si128(x1, 4);
	x1 = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(x1, low32), k5,
	    0x00), t1);
	t1 = _mm_clmulepi64_si128(_mm_and_si128(x1, low32), poly, 0x10);
	t1 = _mm_clmulepi64_si128(_mm_and_si128(t1, low32), poly, 0x00);
	x1 = _mm_xor_si128(x1, t1);
	return (uint32_t)_mm_extract_epi32(x1, 1);
}
#endif

static void
crc_table_init(void)
{
	uint32_t c;
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		c = i;
		for (k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ CRC32_POLY : c >> 1;
		crc_table[0][i] = c;
	}
	/* Table k gives the effect of a byte followed by k zero bytes. */
	for (i = 0; i < 256; i++) {
		c = crc_table[0][i];
		for (k = 1; k < 8; k++) {
			c = crc_table[0][c & 0xff] ^ (c >> 8);
			crc_table[k][i] = c;
		}
	}
#if CRC32_CLMUL
	crc_clmul = cpu_has_clmul();
#endif
}

static uint32_t
load_le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

uint32_t
crc32_update(uint32_t crc, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint32_t lo, hi;

	pthread_once(&crc_table_once, crc_table_init);
	crc = ~crc;
#if CRC32_CLMUL
	if (crc_clmul && len >= 64) {
		size_t n = len & ~(size_t)15;

		crc = crc_clmul_fold(p, n, crc);
		p += n;
		len -= n;
	}
#endif
	while (len >= 8) {
		lo = load_le32(p) ^ crc;
		hi = load_le32(p + 4);
		crc = crc_table[7][lo & 0xff] ^ crc_table[6][(lo >> 8) & 0xff] ^
		    crc_table[5][(lo >> 16) & 0xff] ^ crc_table[4][lo >> 24] ^
		    crc_table[3][hi & 0xff] ^ crc_table[2][(hi >> 8) & 0xff] ^
		    crc_table[1][(hi >> 16) & 0xff] ^ crc_table[0][hi >> 24];
		p += 8;
		len -= 8;
	}
	while (len-- > 0)
		crc = crc_table[0][(crc ^ *p++) & 0xff] ^ (crc >> 8);
	return ~crc;
}
