/* cli_serve.c -- `convene serve`: the writer service (serve.h). */
#include <stdio.h>

#include "cli.h"
#include "i18n.h"
#include "serve.h"

static void
say_ready(const char *sock)
{
	/* The tests and tools/install-host wait for this line. */
	fprintf(stderr, _("convene serve: listening on %s\n"), sock);
	fflush(stderr);
}

int
cli_serve(int argc, char **argv)
{
	char *err = NULL;
	int r;

	(void)argv;
	if (argc != 1)
		return cli_usage("serve");
	r = serve_run(say_ready, &err);
	if (r != 0)
		return cli_fail_free(r == 1 ? EXIT_REFUSED : EXIT_DATA, err);
	return EXIT_DONE;
}
