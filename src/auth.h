/*
 * auth.h -- the facilitator passphrase and participants' PINs.
 *
 * Only a salted hash is ever stored (crypt(3) from libcrypt, yescrypt
 * "$y$"): the passphrase in session.ini, a PIN in the journal (EV_PIN).
 * A passphrase is read from CONVENE_PASSPHRASE (scripts), else from the
 * terminal with echo off; a PIN from CONVENE_PIN, else the terminal.
 */
#ifndef CONVENE_AUTH_H
#define CONVENE_AUTH_H

struct session;

/* The environment variables scripts set. */
#define AUTH_PASSPHRASE_ENV "CONVENE_PASSPHRASE"
#define AUTH_PIN_ENV "CONVENE_PIN"

/* A new salted yescrypt hash of `secret` into *hash (caller frees).
 * 0, or -1 with *err. */
int auth_hash(const char *secret, char **hash, char **err);

/* 1 when `secret` matches `hash` (compared in constant time), else 0. */
int auth_verify(const char *hash, const char *secret);

/* Reads one line: from the terminal with echo off when standard input is
 * one (prompting on standard error; with `confirm`, a second time, and the
 * two must match), else from standard input.  The line end is dropped.
 * 0 with *out (caller frees; clear it with auth_forget), or -1 with *err. */
int auth_read_secret(const char *prompt, int confirm, char **out,
    char **err);

/* Overwrites and frees a secret. */
void auth_forget(char *secret);

/* 1 when a facilitator passphrase is needed to drive this session. */
int auth_has_passphrase(const struct session *s);
/* 1 when `pass` is the session's facilitator passphrase (or the session
 * has none): the kiosk's quit and the screens ask this. */
int auth_check_passphrase(const struct session *s, const char *pass);

/* The facilitator's gate for the command line: the session has no
 * passphrase, or CONVENE_PASSPHRASE or the terminal gives the right one.
 * 0 may go on; 1 refused (wrong or no passphrase) or 3 (cannot read the
 * terminal), with *err. */
int auth_facilitator(struct session *s, char **err);

/* The secrets the environment variables above (and CONVENE_NEW_PIN) give.
 * The writer service hands each request's own with auth_give_secrets (its
 * fields, borrowed until auth_take_secrets; "" is none) instead of
 * setenv: glibc keeps every value ever given to setenv for the life of
 * the process, so a caller sending a new 60 KB "PIN" with each request
 * would grow the service without end, and every secret would stay in its
 * memory.  While given, the process's own environment is not looked at.
 * auth_secret(name) is the value, or NULL when there is none. */
#define AUTH_NEW_PIN_ENV "CONVENE_NEW_PIN"
void auth_give_secrets(const char *pass, const char *pin,
    const char *new_pin);
void auth_take_secrets(void);
const char *auth_secret(const char *name);

/* The writer service (serve.h) says, before each request, whether its
 * caller may be the facilitator at all (a member of the sessions
 * directory's group, from SO_PEERCRED); 0 makes auth_facilitator refuse,
 * with or without a passphrase, whatever verb or arguments led to it.
 * 1 (the default) leaves the gate as above. */
void auth_set_caller_may_facilitate(int may);

/* The same for a participant with a PIN (participant index `p`): 0 when
 * they have none or CONVENE_PIN or the terminal gives it; else 1 or 3 with
 * *err. */
int auth_participant(struct session *s, int p, char **err);

/* The screens' check of a typed secret against `hash` (NULL or "": none
 * needed): 1 right, 0 wrong, -1 refused unchecked (*err says to wait). */
int auth_try(struct session *s, const char *hash, const char *secret,
    char **err);

/* auth_facilitator, auth_participant and auth_try are throttled
 * (throttle.h): each failure is counted for this user and terminal, and
 * while they must wait the secret is not even asked for (1 with *err). */

#endif
