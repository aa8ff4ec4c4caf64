#!/bin/sh
# Issue 16, point 3: guessing the facilitator passphrase is slow, on a
# shared host made with `make install-host` (throwaway users and group).
# A participant guesses (with export, the facilitator's verbs being the
# writer service's, which does not take them from a participant at all)
# in a loop for GUESS_SECONDS: how many guesses are
# really checked per second, against the rate of checked attempts when
# nothing throttles (the right passphrase, which never counts); the wait
# survives a new process; the facilitator, another user, is never slowed,
# and `convene pin --clear-throttle` lets the participant try again at
# once.  Root only (useradd), else skipped.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
host_require
GUESS_SECONDS=${GUESS_SECONDS:-12}

tag=$$
G=cvg$tag FAC=cvf$tag P1=cvp$tag
T=$E2E_DIR/host
host_begin "$T" "$G" "$FAC" "$P1"
as() { host_as "$@" </dev/null; }
host_new_session $FAC 'tea at ten'

# A participant (not in the group) cannot even ask for a facilitator's
# verb: the writer service knows them by SO_PEERCRED and checks no
# passphrase for them.  What still asks them for it is a verb that reads,
# export, run by their own convene.
out=$(CONVENE_PASSPHRASE='tea at ten' as $P1 "$C" agenda "$S" next 2>&1) &&
	fail "a participant moved the agenda with the passphrase"
echo "$out" | grep -q 'only a facilitator' ||
	fail "the service did not refuse the participant: $out"

# guess USER PASS SECONDS: tries `convene export S` with PASS for
# SECONDS; prints "checked refused" (refused: told to wait, unchecked).
guess() {
	_end=$(($(date +%s) + $3)) _chk=0 _ref=0
	while [ "$(date +%s)" -lt $_end ]; do
		_out=$(CONVENE_PASSPHRASE=$2 as "$1" "$C" export "$S" \
		    --out "$T/home/out-$1" 2>&1)
		case $_out in
		*"try again in"*) _ref=$((_ref + 1)) ;;
		*) _chk=$((_chk + 1)) ;;
		esac
	done
	echo "$_chk $_ref"
}

# Before: the rate of checked attempts when nothing throttles.
set -- $(guess $P1 'tea at ten' 3)
before=$1
# After: a participant guessing.
set -- $(guess $P1 'guess' "$GUESS_SECONDS")
checked=$1 refused=$2
awk -v b="$before" -v c="$checked" -v r="$refused" -v s="$GUESS_SECONDS" \
    'BEGIN { printf "measured: %.1f checked attempts/s unthrottled; " \
    "guessing: %.2f checked/s over %d s (%d refused unchecked)\n", \
    b / 3, c / s, s, r }'
[ "$checked" -le 8 ] || fail "$checked guesses checked in $GUESS_SECONDS s"
[ "$refused" -ge 1 ] || fail "no guess was refused"
# rates, as measured above: attempts over 3 s against GUESS_SECONDS (the
# counts alone compare 3 s with 12: a loaded machine that checks two a
# second unthrottled would fail it, though throttled it checks under one)
[ $((before * GUESS_SECONDS)) -gt $((checked * 3)) ] ||
	fail "not slower: $before in 3 s before, $checked in $GUESS_SECONDS s after"

# The count is a file of the group, per user and terminal, and survives
# the process: a new one is still told to wait.
f=$(ls "$S/throttle" | grep "^$(id -u $P1)-") || fail "no count file for $P1"
[ "$(stat -c '%a %G' "$S/throttle/$f")" = "660 $G" ] ||
	fail "count file: $(stat -c '%a %G' "$S/throttle/$f")"
out=$(CONVENE_PASSPHRASE=guess as $P1 "$C" export "$S" --out "$T/home/o" 2>&1)
echo "$out" | grep -q '^convene: too many wrong PINs or passphrases' ||
	fail "a new process was not told to wait: $out"
CONVENE_PASSPHRASE='tea at ten' as $P1 "$C" export "$S" --out "$T/home/o" \
    >/dev/null 2>&1 &&
	fail "the right passphrase was checked while the participant must wait"

# The facilitator, another user, is not slowed; clearing lets everyone try.
CONVENE_PASSPHRASE='tea at ten' as $FAC "$C" agenda "$S" next >/dev/null ||
	fail "the facilitator was slowed by a participant's guesses"
n=$(CONVENE_PASSPHRASE='tea at ten' as $FAC "$C" pin "$S" --clear-throttle) ||
	fail "clear-throttle"
[ "$n" -ge 1 ] || fail "clear-throttle cleared $n"
out=$(CONVENE_PASSPHRASE=guess as $P1 "$C" export "$S" --out "$T/home/o" 2>&1)
echo "$out" | grep -q 'wrong facilitator passphrase' ||
	fail "after clearing, the guess was not checked: $out"
CONVENE_PASSPHRASE=guess as $P1 "$C" pin "$S" --clear-throttle >/dev/null 2>&1 &&
	fail "a participant cleared the counts"
e2e_pass
