/* main.c -- the convene binary: the core's command line with the screens. */
#include "cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv, &screens_ui);
}
