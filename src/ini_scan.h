/*
 * ini_scan.h -- a line-by-line scan of an INI file, for what iniparser
 * cannot tell us.
 *
 * iniparser 4.1 keeps no line numbers, merges duplicate sections, lets the
 * last of two equal keys win, and gives up on the whole file at its first
 * syntax error, at a UTF-8 byte order mark or at a line over 1,022 bytes.
 * ini_scan_buffer() reads every line the way iniparser does, records each
 * section and key with its line number and notes each fault.
 * ini_scan_load() then hands the file to iniparser for the values: the file
 * itself, or, when iniparser would refuse it, a copy (in memory, as
 * /dev/fd/N of an anonymous memory file) in which the lines it
 * cannot read are neutralised (dropped, or a bad section header replaced by
 * a placeholder section so that its keys do not join the section above).
 * So a module with one bad line still loads, and the checker still checks
 * every other value.
 *
 * Also here, because pages need it too: ini_scan_text_fault(), the UTF-8
 * and control-character test of one line.
 */
#ifndef CONVENE_INI_SCAN_H
#define CONVENE_INI_SCAN_H

#include <stddef.h>

#include <iniparser/iniparser.h>

#define INI_SCAN_LINE_MAX 1022	/* bytes, as iniparser reads them */
#define INI_SCAN_MAX_FAULTS 200	/* kept per file; the rest are counted */
/* iniparser 4.1's dictionary is a flat array searched from the start, so
 * loading and each look-up take time in proportion to its size: about
 * 3 s to load 15,000 sections.  A file with more sections and keys than
 * this is not handed to it. */
#define INI_SCAN_MAX_ENTRIES 20000

struct ini_scan_key {
	char *name;		/* lowercased, as iniparser stores it */
	unsigned line;
};

struct ini_scan_section {
	char *name;		/* lowercased and trimmed, as in iniparser */
	unsigned line;
	int usable;		/* 0: a bad header or a repeat of an earlier one */
	struct ini_scan_key *keys;
	size_t nkeys, capkeys;
};

struct ini_scan_fault {
	unsigned line;
	char *message;		/* translated */
};

struct ini_scan {
	struct ini_scan_section *secs;	/* in file order */
	size_t nsecs, capsecs;
	struct ini_scan_fault *faults;	/* in line order */
	size_t nfaults, capfaults;
	size_t more_faults;	/* found beyond INI_SCAN_MAX_FAULTS */
	size_t nentries;	/* sections + keys, as iniparser would hold */
	char *clean;		/* NULL: iniparser reads the file as it is */
	size_t cleanlen;
};

/* Scans buf[0..len) into *out (zero it first; free with ini_scan_free). */
void ini_scan_buffer(const char *buf, size_t len, struct ini_scan *out);
void ini_scan_free(struct ini_scan *s);

/* The section named `name` (lowercase), its first usable occurrence; NULL
 * when absent.  Its key `key`, NULL when absent. */
const struct ini_scan_section *ini_scan_find(const struct ini_scan *s,
    const char *name);
const struct ini_scan_key *ini_scan_key(const struct ini_scan_section *sec,
    const char *key);

/* iniparser's dictionary of the file at `path` scanned as `scan` (through
 * the cleaned copy when there is one).  NULL when iniparser cannot read it
 * even so, or when the scan counted more than INI_SCAN_MAX_ENTRIES.
 * iniparser's own messages are silenced: it never prints.  A path that is
 * not a regular file is never waited on: NULL with errno ENOTREGULAR
 * (scan may be NULL: the file as it is).  Free with iniparser_freedict(). */
dictionary *ini_scan_load(const char *path, const struct ini_scan *scan);

/* Looks at one line s[0..len) (without its line end): 0 when it is valid
 * UTF-8 without control characters (TAB is allowed, and CR as the last
 * byte); otherwise 1 and *message (caller frees) names the first fault and
 * its byte column. */
int ini_scan_text_fault(const char *s, size_t len, char **message);

#endif
