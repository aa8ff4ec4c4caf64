/*
 * import.h -- the registration list: participants from a spreadsheet.
 *
 * Organizers arrive with a CSV saved from Excel or LibreOffice: columns
 * name, country, organisation, and optionally room and email (header names
 * matched ignoring case; "organization", "org" and "e-mail" also do; other
 * columns are ignored).  UTF-8 with or without a byte-order mark, comma or
 * semicolon separated.  A file that is not UTF-8 (Excel on Korean or Thai
 * Windows saves CP949 or CP874) is refused with a message saying how to
 * save it again.  Countries are ISO codes or English names (countries.h).
 *
 * Every bad row is reported as FILE:LINE: message and nothing is imported
 * when any row is bad.  Importing the same file twice adds nobody twice: a
 * person is already there when a participant has the same email, or, for
 * rows without an email, the same name and country.  A room column puts
 * each new person in the room of that name (made when missing).
 */
#ifndef CONVENE_IMPORT_H
#define CONVENE_IMPORT_H

#include <stddef.h>

struct session;

/* One person from the list; strings owned by the list. */
struct import_row {
	unsigned long line;	/* where the row starts in the file */
	char *name, *org, *room, *email;
	const char *country;	/* ISO code (static) */
};

struct import_list {
	struct import_row *rows;
	size_t n, cap;
};

struct import_report {
	char **problems;	/* "FILE:LINE: message", in file order */
	size_t nproblems, capproblems;
	char **added;		/* ids of the participants added */
	size_t nadded, capadded;
	size_t already;		/* rows that were registered already */
};

/* Parses a registration list held in memory (`file` names it in
 * messages).  0 with every row in *list; 3 with the problems in
 * rep->problems (and *err summing up) when the file is not UTF-8, lacks a
 * column or has bad rows. */
int import_parse(const char *file, const char *buf, size_t len,
    struct import_list *list, struct import_report *rep, char **err);
void import_list_free(struct import_list *list);

/* Reads, parses and imports the file into the session in one batch (one
 * write under the journal lock; actor "organizer").  0 done (rep->added
 * may be empty when everyone was there already); 3 with *err when the
 * file cannot be read or is bad (rep->problems lists each bad row). */
int import_registrations(struct session *s, const char *path,
    struct import_report *rep, char **err);

/* Frees the report's strings; the struct can be reused after. */
void import_report_free(struct import_report *rep);

#endif
