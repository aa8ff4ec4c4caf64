/*
 * complete.h -- what a shell may complete after a verb, read from the
 * verb's own usage line (cli.c's table), so that the bash completion
 * (completions/convene, through the hidden `convene --complete VERB`)
 * cannot go stale when a verb gains a flag or a subcommand.
 *
 * The usage grammar it reads: alternatives separated by " | "; options in
 * brackets; a flag "--name" takes the word after it as its argument unless
 * the flag closes its bracket, the word opens a new one, or the word is a
 * flag; placeholders are upper case (SESSION, MODULE_DIR, FILE.csv, ID),
 * subcommands lower case.  An argument made of lower-case words joined by
 * '|' ("room|online") lists its values.
 */
#ifndef CONVENE_COMPLETE_H
#define CONVENE_COMPLETE_H

/*
 * The completion lines for one usage line, one item a line (the caller
 * frees the text):
 *	pos NAME          the leading placeholders of the first form, in
 *	                  order (SESSION, then FILE.csv for import)
 *	sub WORD          a subcommand: the first lower-case word of a form
 *	opt --FLAG        a flag without argument
 *	opt --FLAG ARG    a flag and its argument's placeholder or values
 * Each flag and subcommand is listed once, in the order of the usage.
 */
char *complete_usage(const char *usage);

#endif
