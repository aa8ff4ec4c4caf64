/*
 * crc32.c -- CRC-32/IEEE, reflected polynomial 0xedb88320, table driven.
 *
 * Hand-written rather than taken from zlib: a table CRC is a few dozen
 * lines, and a compression library is a dependency we would link for this
 * one function only.  Slicing by 8 (eight tables, eight bytes a step)
 * keeps the check well below the cost of parsing the CSV it protects.
 */
#include "crc32.h"

#include <pthread.h>

#define CRC32_POLY 0xedb88320u

static uint32_t crc_table[8][256];
static pthread_once_t crc_table_once = PTHREAD_ONCE_INIT;

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
