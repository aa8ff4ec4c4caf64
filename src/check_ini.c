/* check_ini.c -- `convene check` for any INI file of a module: reading
 * and scanning it, unknown keys, numbered keys. */
#include "check_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "i18n.h"

dictionary *
check_ini_file(struct checker *c, const char *rel, struct ini_scan *scan)
{
	char *path = path_join(c->dir, rel), *buf;
	size_t len, i;
	dictionary *d;

	memset(scan, 0, sizeof *scan);
	buf = check_read(c, rel, path, CONTENT_MAX_INI_BYTES, 0, &len);
	if (buf == NULL) {
		free(path);
		return NULL;
	}
	ini_scan_buffer(buf, len, scan);
	free(buf);
	/* A file of garbage has a fault on every line: the scan lists the
	 * first ones and counts the rest. */
	c->r->unlisted += scan->more_faults;
	for (i = 0; i < scan->nfaults; i++)
		check_fault(c, rel, scan->faults[i].line, "%s",
		    scan->faults[i].message);
	if (scan->nentries > INI_SCAN_MAX_ENTRIES) {
		check_fault(c, rel, 0, _("%zu sections and keys: far more "
		    "than a module needs (the limit is %d); values not "
		    "checked"), scan->nentries, INI_SCAN_MAX_ENTRIES);
		free(path);
		return NULL;
	}
	d = ini_scan_load(path, scan);
	if (d == NULL)
		check_fault(c, rel, 0, "%s", _("the file cannot be read as INI"));
	free(path);
	return d;
}

/* Edit distance of two short strings, for "did you mean"; large when
 * either is long. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, row[33], prev, cur;

	if (la > 32 || lb > 32)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (cur + 1 < row[j])
				row[j] = cur + 1;
			prev = cur;
		}
	}
	return row[lb];
}

static int
is_known(const char *key, const char *const *known)
{
	for (; *known != NULL; known++)
		if (strcmp(key, *known) == 0)
			return 1;
	return 0;
}

void
check_unknown_keys(struct checker *c, const char *file,
    const struct ini_scan_section *sec, const char *const *known)
{
	const char *const *k, *best;
	size_t i, d, bestd;

	for (i = 0; i < sec->nkeys; i++) {
		const char *key = sec->keys[i].name;

		if (is_known(key, known))
			continue;
		best = NULL;
		bestd = 3;
		for (k = known; *k != NULL; k++)
			if ((d = distance(key, *k)) < bestd) {
				bestd = d;
				best = *k;
			}
		if (best != NULL)
			check_fault(c, file, sec->keys[i].line, _("unknown key "
			    "'%s' in [%s] (did you mean '%s'?)"),
			    check_show(c, key), check_show(c, sec->name), best);
		else
			check_fault(c, file, sec->keys[i].line, _("unknown key "
			    "'%s' in [%s]"), check_show(c, key),
			    check_show(c, sec->name));
	}
}

unsigned
check_key_line(const struct ini_scan_section *sec, const char *key)
{
	const struct ini_scan_key *k = ini_scan_key(sec, key);

	return k != NULL ? k->line : sec->line;
}

const char *
check_get(dictionary *d, const char *section, const char *key)
{
	char full[256];
	const char *v;

	if (snprintf(full, sizeof full, "%s:%s", section, key) >=
	    (int)sizeof full)
		return NULL;
	v = iniparser_getstring(d, full, NULL);
	return v != NULL && v[0] != '\0' ? v : NULL;
}

int
check_numbered(struct checker *c, const char *file,
    const struct ini_scan_section *sec, dictionary *d, const char *key,
    int max)
{
	char name[32];
	int i, n = 0, gap = 0;

	for (i = 1; i <= max; i++) {
		snprintf(name, sizeof name, "%s%d", key, i);
		if (ini_scan_key(sec, name) == NULL) {
			if (gap == 0)
				gap = i;
			continue;
		}
		if (check_get(d, sec->name, name) == NULL)
			check_fault(c, file, check_key_line(sec, name),
			    _("%s is empty"), name);
		if (gap != 0)
			check_fault(c, file, check_key_line(sec, name),
			    _("%s%d comes without %s%d: number them from 1 "
			    "without gaps"), key, i, key, gap);
		n++;
	}
	return n;
}
