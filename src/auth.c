/* auth.c -- passphrase and PIN hashing with libcrypt; reading secrets. */
#include "auth.h"

#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "serve.h"
#include "session.h"
#include "throttle.h"
#include "util.h"

int
auth_hash(const char *secret, char **hash, char **err)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	const char *h;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return set_error(err, -1, _("cannot make a salt for the "
		    "passphrase: %s"), strerror(errno));
	cd = xcalloc(1, sizeof *cd);
	h = crypt_rn(secret, salt, cd, sizeof *cd);
	if (h == NULL || h[0] == '*') {
		free(cd);
		return set_error(err, -1, "%s", _("cannot hash the passphrase "
		    "(libcrypt has no yescrypt?)"));
	}
	*hash = xstrdup(h);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return 0;
}

int
auth_verify(const char *hash, const char *secret)
{
	struct crypt_data *cd;
	const char *h;
	size_t i, n;
	unsigned char diff = 0;

	if (hash == NULL || secret == NULL || hash[0] == '\0')
		return 0;
	cd = xcalloc(1, sizeof *cd);
	h = crypt_rn(secret, hash, cd, sizeof *cd);
	if (h == NULL || h[0] == '*' || (n = strlen(h)) != strlen(hash)) {
		free(cd);
		return 0;
	}
	for (i = 0; i < n; i++)
		diff |= (unsigned char)(h[i] ^ hash[i]);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return diff == 0;
}

void
auth_forget(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	free(secret);
}

/* One line from fd 0, without its line end; NULL at end of file. */
static char *
read_line(void)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);

	if (n < 0) {
		free(line);
		return NULL;
	}
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return line;
}

static char *
read_hidden(const char *prompt)
{
	struct termios old, quiet;
	char *line;
	int hidden;

	fputs(prompt, stderr);
	fflush(stderr);
	hidden = tcgetattr(STDIN_FILENO, &old) == 0;
	if (hidden) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	line = read_line();
	if (hidden)
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
	return line;
}

int
auth_read_secret(const char *prompt, int confirm, char **out, char **err)
{
	char *a, *b;

	*out = NULL;
	if (!isatty(STDIN_FILENO)) {
		if ((a = read_line()) == NULL)
			return set_error(err, -1, "%s", _("no passphrase on "
			    "standard input"));
		*out = a;
		return 0;
	}
	if ((a = read_hidden(prompt)) == NULL)
		return set_error(err, -1, "%s", _("no passphrase typed"));
	if (confirm) {
		b = read_hidden(_("Type it again: "));
		if (b == NULL || strcmp(a, b) != 0) {
			auth_forget(a);
			auth_forget(b);
			return set_error(err, -1, "%s", _("the two passphrases "
			    "differ"));
		}
		auth_forget(b);
	}
	*out = a;
	return 0;
}

int
auth_has_passphrase(const struct session *s)
{
	return s->set.passphrase_hash != NULL && s->set.passphrase_hash[0] != '\0';
}

int
auth_check_passphrase(const struct session *s, const char *pass)
{
	return !auth_has_passphrase(s) ||
	    auth_verify(s->set.passphrase_hash, pass);
}

static struct {
	int on;
	const char *pass, *pin, *new_pin;
} given;

void
auth_give_secrets(const char *pass, const char *pin, const char *new_pin)
{
	given.on = 1;
	given.pass = pass;
	given.pin = pin;
	given.new_pin = new_pin;
}

void
auth_take_secrets(void)
{
	memset(&given, 0, sizeof given);
}

static const char *
none_if_empty(const char *v)
{
	return v != NULL && v[0] != '\0' ? v : NULL;
}

const char *
auth_secret(const char *name)
{
	if (!given.on)
		return getenv(name);
	if (strcmp(name, AUTH_PASSPHRASE_ENV) == 0)
		return none_if_empty(given.pass);
	if (strcmp(name, AUTH_PIN_ENV) == 0)
		return none_if_empty(given.pin);
	if (strcmp(name, AUTH_NEW_PIN_ENV) == 0)
		return none_if_empty(given.new_pin);
	return NULL;
}

/* A secret from the environment, else the terminal; never standard input
 * that is not a terminal (a script must say it, not hang). */
static int
ask_secret(const char *env, const char *prompt, const char *missing,
    char **out, char **err)
{
	const char *e = auth_secret(env);

	if (e != NULL) {
		*out = xstrdup(e);
		return 0;
	}
	if (!isatty(STDIN_FILENO))
		return set_error(err, 1, "%s", missing);
	if (auth_read_secret(prompt, 0, out, err) != 0)
		return 3;
	return 0;
}

/* Refuses (1, with *err) while this user and terminal must wait after
 * wrong secrets, or 3 when the count cannot be kept; 0 may try. */
static int
throttle_gate(struct session *s, char **err)
{
	long left = throttle_check(s, err);

	if (left < 0)
		return 3;
	if (left == 0)
		return 0;
	return set_error(err, 1, ngettext("too many wrong PINs or passphrases "
	    "from this user and terminal: try again in %ld second (the "
	    "facilitator can clear this: convene pin SESSION "
	    "--clear-throttle)", "too many wrong PINs or passphrases from "
	    "this user and terminal: try again in %ld seconds (the "
	    "facilitator can clear this: convene pin SESSION "
	    "--clear-throttle)", (unsigned long)left), left);
}

/* One throttled check of a secret against a hash: 1 right, 0 wrong. */
static int
verify_counted(struct session *s, const char *hash, const char *secret)
{
	int ok = auth_verify(hash, secret);

	throttle_note(s, ok);
	return ok;
}

static int caller_may_facilitate = 1;

void
auth_set_caller_may_facilitate(int may)
{
	caller_may_facilitate = may;
}

int
auth_facilitator(struct session *s, char **err)
{
	char *pass = NULL;
	int ok, r;

	/* Bound to the gate, not to the service's reading of the verb's
	 * arguments: getopt_long takes "--clear-t" for --clear-throttle. */
	if (!caller_may_facilitate)
		return set_error(err, 1, "%s", _("only a facilitator (a member "
		    "of the sessions directory's group) may do this"));
	if (!auth_has_passphrase(s))
		return 0;
	if ((r = throttle_gate(s, err)) != 0)
		return r;
	r = ask_secret(AUTH_PASSPHRASE_ENV, _("Facilitator passphrase: "),
	    _("this session has a facilitator passphrase: type it on a "
	    "terminal or set CONVENE_PASSPHRASE"), &pass, err);
	if (r != 0)
		return r;
	ok = verify_counted(s, s->set.passphrase_hash, pass);
	if (ok && s->serve_name != NULL)	/* sent with each request */
		serve_set_pass(s, pass);
	auth_forget(pass);
	if (!ok)
		return set_error(err, 1, "%s", _("wrong facilitator passphrase"));
	return 0;
}

int
auth_participant(struct session *s, int p, char **err)
{
	const struct participant *pp;
	char *pin = NULL, *prompt;
	int ok, r;

	if (p < 0 || (size_t)p >= s->state->nparticipants)
		return 0;
	pp = &s->state->participants[p];
	if (pp->pin_hash == NULL)
		return 0;
	if ((r = throttle_gate(s, err)) != 0)
		return r;
	prompt = xasprintf(_("PIN of %s: "), pp->id);
	r = ask_secret(AUTH_PIN_ENV, prompt, _("this participant has a PIN: "
	    "type it on a terminal or set CONVENE_PIN"), &pin, err);
	free(prompt);
	if (r != 0)
		return r;
	ok = verify_counted(s, pp->pin_hash, pin);
	auth_forget(pin);
	if (!ok)
		return set_error(err, 1, _("wrong PIN for %s"), pp->id);
	return 0;
}

int
auth_try(struct session *s, const char *hash, const char *secret,
    char **err)
{
	int r;

	if (hash == NULL || hash[0] == '\0')
		return 1;
	if ((r = throttle_gate(s, err)) != 0)
		return -1;
	if (verify_counted(s, hash, secret))
		return 1;
	return 0;
}
