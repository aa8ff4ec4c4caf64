#!/bin/sh
# Issue 16, point 1: the setgid group serves the sessions directory only.
# A shared host made with `make install-host` (throwaway users and group,
# as multiuser.sh), a real session with a secret ballot; a participant
# with a shell makes a session directory of their own whose files are
# symbolic links to the real session's (or a session.ini of their own
# without a passphrase beside a link to the real journal), and tries to
# read the ballot or act as facilitator through convene.  Every attempt
# is refused with a `convene: ...` message and the journal is unchanged.
# Root only (useradd), else skipped.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
host_require

tag=$$
G=cvg$tag FAC=cvf$tag P1=cvp$tag P2=cvq$tag
T=$E2E_DIR/host
host_begin "$T" "$G" "$FAC" "$P1" "$P2"
"$C" --version | grep -qxF "sessions directory: $T/sessions" ||
	fail "the host binary's sessions directory: $("$C" --version)"

as() { host_as "$@"; }
echo 'tea at ten' | as $FAC "$C" new "$S" --module "$T/module" \
    --passphrase >/dev/null || fail "the facilitator cannot make a session"
as $P1 "$C" participant "$S" "Siosaia Fifita" --country TO >/dev/null || fail "register p1"
as $P2 "$C" participant "$S" "Malalai Zazai" --country AF >/dev/null || fail "register p2"
i1=$(as $P1 "$C" idea "$S" --by p1 "Tongan e-ID") || fail "an idea"
CONVENE_PASSPHRASE='tea at ten' as $FAC "$C" voting "$S" open >/dev/null ||
	fail "open voting"
as $P2 "$C" vote "$S" --by p2 "$i1" --dots 3 >/dev/null || fail "a vote"
before=$(md5sum <"$S/journal.csv")

# refused WHAT CMD...: the command fails with a convene: message.
refused() {
	_what=$1
	shift
	if out=$("$@" </dev/null 2>&1); then
		fail "$_what: succeeded: $out"
	fi
	echo "$out" | grep -q '^convene: ' || fail "$_what: no convene: message: $out"
	echo "ok: $_what: $(echo "$out" | head -n 1)"
}

# 1. A directory of links to every file of the real session.
E=$T/home/evil
as $P1 mkdir "$E"
for f in session.ini journal.csv module drafts; do
	as $P1 ln -s "$S/$f" "$E/$f"
done
refused "export through links" as $P1 "$C" export "$E" --out "$T/home/o1"
refused "voting through links" as $P1 "$C" voting "$E" close
[ -e "$T/home/o1" ] && fail "a refused export left files"

# 2. A session.ini of their own (no passphrase) beside a link to the real
# journal: the facilitator's verbs without the passphrase.
F=$T/home/fake
as $P1 mkdir "$F"
as $P1 "$C" new "$F/x" --module "$T/module" >/dev/null || fail "own session"
as $P1 ln -s "$S/journal.csv" "$F/journal.csv"
as $P1 cp "$F/x/session.ini" "$F/session.ini"
as $P1 cp -r "$F/x/module" "$F/module"
refused "close voting with an own session.ini" as $P1 "$C" voting "$F" close
refused "reveal with an own session.ini" as $P1 "$C" voting "$F" reveal

# 3. A link to the sessions directory is the real session: the passphrase
# is still asked, the ballot not given away.
as $P1 ln -s "$T/sessions" "$T/home/via"
refused "export via a link to the sessions directory" \
    as $P1 "$C" export "$T/home/via/s" --out "$T/home/o3"

# 4. A symbolic link inside the sessions directory is never followed.
ln -s s "$T/sessions/alias"
refused "a link inside the sessions directory" \
    as $P1 "$C" idea "$T/sessions/alias" --by p1 "through a link"
rm -f "$T/sessions/alias"

# 5. A journal with a second hard link (made by root here) is refused.
ln "$S/journal.csv" "$T/sessions/j2"
refused "a journal with two links" as $P1 "$C" idea "$S" --by p1 "linked"
rm -f "$T/sessions/j2"

[ "$(md5sum <"$S/journal.csv")" = "$before" ] || fail "the journal changed"
# The real session still works through convene.
as $P1 "$C" idea "$S" --by p1 "Still works" >/dev/null ||
	fail "the real session no longer works"
e2e_pass
