/*
 * crc32.h -- CRC-32/IEEE (the polynomial of zlib, PNG and Ethernet).
 *
 * The journal checks every record with it (man/convene-journal.5).  The
 * value is the one zlib's crc32() and Python's zlib.crc32() give, so a
 * journal can be checked with any tool: crc32_update(0, "123456789", 9) is
 * 0xcbf43926.
 */
#ifndef CONVENE_CRC32_H
#define CONVENE_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continues a CRC over len more bytes: start with crc 0, feed the pieces in
 * order, the result is the CRC of their concatenation. */
uint32_t crc32_update(uint32_t crc, const void *buf, size_t len);

#endif
