/*
 * cli_pin.c -- `convene pin SESSION --clear-throttle`: the facilitator
 * (after the passphrase) removes every count of wrong PINs and
 * passphrases (throttle.h), so that nobody waits any longer; prints how
 * many users and terminals were waiting.  `convene pin SESSION --by PID
 * --set | --clear`: a participant sets (the new PIN from CONVENE_NEW_PIN,
 * else the first line of standard input) or clears their PIN, as the join
 * screen offers; their current PIN, if any, is asked first.
 */
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "auth.h"
#include "commands.h"
#include "i18n.h"
#include "session.h"
#include "throttle.h"

/* The new PIN: CONVENE_NEW_PIN, else standard input's first line (caller
 * frees); NULL when there is none. */
static char *
new_pin(void)
{
	const char *env = auth_secret(AUTH_NEW_PIN_ENV);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((n = getline(&line, &cap, stdin)) <= 0) {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

/* A participant's own PIN: set (set 1) or cleared (set 0). */
static int
own_pin(const char *dir, const char *by, int set)
{
	struct session *s;
	char *pid = NULL, *err = NULL, *pin = NULL;
	int status = 0, r;

	if ((s = cli_open_participant(dir, by, &pid, &status)) == NULL)
		return status;
	if (set && (pin = new_pin()) == NULL) {
		free(pid);
		session_close(s);
		return cli_fail(EXIT_USAGE, "%s", _("give the new PIN in "
		    "CONVENE_NEW_PIN or on standard input"));
	}
	r = cmd_set_pin(s, pid, set ? pin : NULL, &err);
	if (pin != NULL)
		memset(pin, 0, strlen(pin));
	free(pin);
	free(pid);
	session_close(s);
	return cli_command_status(r, err);
}

int
cli_pin(int argc, char **argv)
{
	const char *by = NULL;
	int clear = 0, set_pin = 0, clear_pin = 0, set, status = 0, n;
	const struct cli_option opts[] = {
		{ "clear-throttle", NULL, &clear },
		{ "by", &by, NULL },
		{ "set", NULL, &set_pin },
		{ "clear", NULL, &clear_pin },
		{ NULL, NULL, NULL }
	};
	struct session *s;
	char *err = NULL;

	if ((status = cli_parse_options("pin", argc, argv, opts)) != 0)
		return status;
	if (set_pin && clear_pin)
		return cli_usage("pin");
	set = set_pin ? 1 : clear_pin ? 0 : -1;
	if (optind != argc - 1)
		return cli_usage("pin");
	if (by != NULL && set >= 0 && !clear)
		return own_pin(argv[optind], by, set);
	if (!clear || by != NULL || set >= 0)
		return cli_usage("pin");
	if ((s = cli_open_session(argv[optind], &status)) == NULL)
		return status;
	/* The facilitator's own gate is throttled too, for their user and
	 * terminal only: at worst they wait THROTTLE_MAX_DELAY seconds. */
	if ((status = cli_facilitator_gate(s)) == 0) {
		n = throttle_clear(s, &err);
		if (n < 0)
			status = cli_fail_free(EXIT_DATA, err);
		else
			cli_print(stdout, "%d\n", n);
	}
	session_close(s);
	return status;
}
