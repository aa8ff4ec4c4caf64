#!/bin/sh
# The scripting verbs against real sessions: what each prints, its exit
# status (0 done, 1 refused by a rule, 2 usage, 3 data), that a refusal
# says "convene: ..." and writes nothing, the passphrase gate, import.
set -u
cd "$(dirname "$0")/../.." || exit 3
bin=$(pwd)/convene
[ -x "$bin" ] || { echo "no ./convene: run make first"; exit 3; }
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
tmp=$(mktemp -d "${TMPDIR:-/tmp}/convene-verbs.XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM
S=$tmp/s
fail=0
out=$tmp/out err=$tmp/err

# run STATUS CMD...: runs the command (stdin from /dev/null), checks its
# status; stdout in $out, stderr in $err.
run() {
	want=$1; shift
	"$@" </dev/null >"$out" 2>"$err"
	got=$?
	if [ "$got" != "$want" ]; then
		echo "FAIL: $*: expected $want, got $got"; sed 's/^/  | /' "$err"
		fail=1
	fi
	if [ "$want" = 1 ] || [ "$want" = 3 ]; then
		grep -q '^convene: ' "$err" || { echo "FAIL: $*: no 'convene: ' message"; fail=1; }
	fi
}
says() { # text: the last command's stderr holds it
	grep -qF -- "$1" "$err" || { echo "FAIL: expected message '$1', got:"; sed 's/^/  | /' "$err"; fail=1; }
}
prints() { # text: the last command's stdout is exactly it
	[ "$(cat "$out")" = "$1" ] || { echo "FAIL: expected output '$1', got '$(cat "$out")'"; fail=1; }
}
silent() { [ -s "$out" ] && { echo "FAIL: expected no output, got '$(cat "$out")'"; fail=1; }; return 0; }
size() { wc -c <"${J:-$S}/journal.csv"; }	# J: another session
# refused STATUS CMD...: refused and not a byte written.
refused() {
	before=$(size); run "$@"; after=$(size)
	[ "$before" = "$after" ] || { echo "FAIL: $*: the journal grew on a refusal"; fail=1; }
}

# --- new ------------------------------------------------------------------
run 2 "$bin" new "$S"
run 2 "$bin" new "$S" --module content --start 2026-13-01
run 2 "$bin" new "$S" --module content --budget 0
run 2 "$bin" new "$S" --module content --frobnicate
run 1 "$bin" new "$S" --module content --title 'The "best" workshop'; says 'double quotes'
[ -e "$S" ] && { echo "FAIL: a refused new left $S behind"; fail=1; }
run 1 "$bin" new "$S" --module "$tmp/no-such-module"
# (day 1 is today, the default, so that check-in is open)
run 0 "$bin" new "$S" --module content --title 'Digital; Gov #1' --budget 4; silent
for f in session.ini journal.csv module/module.ini drafts; do
	[ -e "$S/$f" ] || { echo "FAIL: new made no $f"; fail=1; }
done
grep -q '^title = "Digital; Gov #1"$' "$S/session.ini" || { echo "FAIL: title not kept"; fail=1; }
run 1 "$bin" new "$S" --module content; says 'not empty'

# --- participants and ideas -------------------------------------------------
run 0 "$bin" participant "$S" '김민준' --country kr --org 'MOIS, "Seoul"' --email kim@example.kr; prints p1
run 0 "$bin" participant "$S" 'Somchai' --country Thailand; prints p2
run 0 "$bin" participant "$S" --country PH 'Maria Santos'; prints p3
refused 1 "$bin" participant "$S" 'X' --country Atlantis; says "unknown country 'Atlantis'"
refused 1 "$bin" participant "$S" 'Y' --country KR --email KIM@example.kr; says 'registered already'
run 2 "$bin" participant "$S" 'Z'
run 2 "$bin" participant "$S"
run 3 "$bin" participant "$tmp/nowhere" 'Z' --country KR

run 0 "$bin" idea "$S" --by p1 '민원 서류를 한 번만 제출'; prints i1
run 0 "$bin" idea "$S" 'SMS reminders' --by Somchai; prints i2
refused 1 "$bin" idea "$S" --by p9 'x'; says "no participant 'p9'"
refused 1 "$bin" idea "$S" --by p1 '   '; says 'idea is empty'
long=$(python3 -c 'print("ก" * 1001)' 2>/dev/null || awk 'BEGIN { while (i++ < 1001) printf "x" }')
refused 1 "$bin" idea "$S" --by p1 "$long"; says '1,001 characters: the longest is 1,000'
refused 1 "$bin" idea "$S" --by p1 --room r1 'x'; says "no room 'r1'"
run 2 "$bin" idea "$S" 'no author'
run 2 "$bin" idea "$S" --by p1 two words

# --- voting -------------------------------------------------------------------
refused 1 "$bin" vote "$S" --by p2 i1; says 'voting is not open'
run 1 "$bin" voting "$S" close; says 'no voting round'
run 0 "$bin" voting "$S" open; prints v1
refused 1 "$bin" voting "$S" open; says 'open already'
run 0 "$bin" vote "$S" --by p2 i1 --dots 3; silent
refused 1 "$bin" vote "$S" --by p2 i2 --dots 2; says 'has 1 of 4 dots left in round v1'
refused 1 "$bin" vote "$S" --by p2 i7; says "no idea 'i7'"
run 2 "$bin" vote "$S" --by p2 i1 --dots 0
run 2 "$bin" vote "$S" --by p2 i1 --dots 2x
refused 1 "$bin" unvote "$S" --by p3 i1; says 'has 0 dots on i1'
run 0 "$bin" unvote "$S" --by p2 i1 --dots 2; silent
run 0 "$bin" vote "$S" --by p1 i1; silent
refused 1 "$bin" voting "$S" reveal; says 'still open'
run 0 "$bin" voting "$S" close; silent
run 0 "$bin" voting "$S" reveal; silent
run 2 "$bin" voting "$S" close --budget 3
run 2 "$bin" voting "$S" tally
run 1 "$bin" voting "$S" open --prototypes; says 'no idea is a prototype'
run 0 "$bin" voting "$S" open --budget 2; prints v2
refused 1 "$bin" voting "$S" reveal; says 'round v2 is still open'
run 0 "$bin" voting "$S" close; silent
refused 1 "$bin" voting "$S" close; says 'voting is not open'
refused 1 "$bin" unvote "$S" --by p1 i1; says 'voting is not open'
run 0 "$bin" voting "$S" reveal; silent
refused 1 "$bin" voting "$S" reveal; says 'shown already'

# --- timers and the agenda ------------------------------------------------------
refused 1 "$bin" timer "$S" pause; says 'not running'
refused 1 "$bin" timer "$S" start; says 'give the minutes'
run 2 "$bin" timer "$S" start soon
run 2 "$bin" timer "$S" extend
run 2 "$bin" timer "$S" explode
run 1 "$bin" agenda "$S" prev; says 'first item'
run 0 "$bin" agenda "$S" next; silent
# Making an item current started its timer.
refused 1 "$bin" timer "$S" start 10; says 'stop it before'
run 0 "$bin" timer "$S" stop; silent
run 0 "$bin" timer "$S" start; silent
refused 1 "$bin" timer "$S" start 10; says 'stop it before'
run 0 "$bin" timer "$S" extend 5; silent
run 0 "$bin" timer "$S" extend -- -5; silent
run 0 "$bin" timer "$S" pause; silent
run 0 "$bin" timer "$S" resume; silent
run 0 "$bin" timer "$S" stop; silent
refused 1 "$bin" timer "$S" resume; says 'not paused'
refused 1 "$bin" timer "$S" extend 5; says 'not running'
refused 1 "$bin" checkin "$S" --by p9; says "no participant 'p9'"
refused 1 "$bin" timer "$S" --room r5 start 5; says "no room 'r5'"
run 1 "$bin" agenda "$S" goto nowhere; says "no agenda item 'nowhere'"
run 0 "$bin" agenda "$S" goto d1-everyday; silent
run 2 "$bin" agenda "$S" goto
run 2 "$bin" agenda "$S" sideways
run 0 "$bin" agenda "$S" end; silent
run 1 "$bin" agenda "$S" end; says 'nothing to end'
run 1 "$bin" timer "$S" stop; says 'not running'
run 0 "$bin" agenda "$S" prev; silent

# --- rooms, check-in ----------------------------------------------------------------
run 2 "$bin" rooms "$S" --make 0
run 2 "$bin" rooms "$S" --make 2 --balance age
run 2 "$bin" rooms "$S"
refused 1 "$bin" rooms "$S" --make 4; says '4 rooms for 3 participants'
run 0 "$bin" rooms "$S" --make 2 --balance country; prints "$(printf 'r1\nr2')"
run 0 "$bin" timer "$S" --room r2 start 10; silent
run 0 "$bin" checkin "$S" --by p1; silent
run 2 "$bin" checkin "$S"

# --- questions and polls --------------------------------------------------------------
run 0 "$bin" ask "$S" --by p2 'How was it funded?'; prints q1
run 0 "$bin" upvote "$S" --by p3 q1; silent
refused 1 "$bin" upvote "$S" --by p3 q1; says 'one upvote per person'
run 0 "$bin" poll "$S" open 'Which channel?' Paper SMS App; prints o1
run 0 "$bin" poll "$S" open --scale 'How useful?'; prints o2
refused 1 "$bin" poll "$S" open 'Only one?' Yes; says '2 to 9 options'
run 2 "$bin" poll "$S" open --multi --scale 'Both?' A B
run 0 "$bin" poll "$S" answer o1 --by p1 2; silent
refused 1 "$bin" poll "$S" answer o1 --by p1 3; says 'answered poll o1 already'
refused 1 "$bin" poll "$S" answer o1 --by p2 1 3; says 'takes one answer'
run 2 "$bin" poll "$S" answer o1 --by p2 two
run 0 "$bin" poll "$S" close o1; silent
run 0 "$bin" poll "$S" reveal o1; silent
refused 1 "$bin" poll "$S" answer o1 --by p3 1; says 'poll o1 is closed'
refused 1 "$bin" poll "$S" close o1; says 'poll o1 is closed already'
refused 1 "$bin" poll "$S" reveal o1; says 'the results of poll o1 are shown already'
refused 1 "$bin" poll "$S" close o9; says "no poll 'o9'"
refused 1 "$bin" poll "$S" reveal o2; says 'poll o2 is still open'
refused 1 "$bin" upvote "$S" --by p3 q9; says "no question 'q9'"
refused 1 "$bin" ask "$S" --by p3 ''; says 'the question is empty'

# --- --no-self-votes, names that are not unique, rooms without people -------
S=$tmp/n
run 0 "$bin" new "$S" --module content --no-self-votes
refused 1 "$bin" rooms "$S" --make 2; says 'participants'
run 0 "$bin" participant "$S" Kim --country KR; prints p1
run 0 "$bin" participant "$S" Kim --country TH; prints p2
refused 1 "$bin" idea "$S" --by Kim 'x'; says "2 participants are called 'Kim'"
run 0 "$bin" idea "$S" --by p1 'mine'; prints i1
run 0 "$bin" voting "$S" open; prints v1
refused 1 "$bin" vote "$S" --by p1 i1; says "own ideas"
run 0 "$bin" vote "$S" --by p2 i1; silent

# --- import -------------------------------------------------------------------------------
S=$tmp/i
run 0 "$bin" new "$S" --module content --start 2026-11-26
grep -q '^start = "2026-11-26"$' "$S/session.ini" || { echo "FAIL: --start not kept"; fail=1; }
run 0 "$bin" import "$S" tests/data/registration-150.csv
[ "$(wc -l <"$out")" = 150 ] || { echo "FAIL: import printed $(wc -l <"$out") ids"; fail=1; }
grep -qvE '^p[0-9]+$' "$out" && { echo "FAIL: import printed something besides ids"; fail=1; }
run 0 "$bin" import "$S" tests/data/registration-150.csv; silent
printf 'name,country,organisation\nA,KR,X\nB,Narnia,X\n' >"$tmp/bad.csv"
refused 3 "$bin" import "$S" "$tmp/bad.csv"; says "$tmp/bad.csv:3: unknown country 'Narnia'"; says 'nothing imported'
if printf 'name,country,organisation\n김민준,KR,행정안전부\n' | iconv -f UTF-8 -t CP949 >"$tmp/cp949.csv" 2>/dev/null; then
	refused 3 "$bin" import "$S" "$tmp/cp949.csv"; says "$tmp/cp949.csv:2: this file is not UTF-8"; says 'CSV UTF-8'
fi
run 3 "$bin" import "$S" "$tmp/missing.csv"
run 2 "$bin" import "$S"

# --- the facilitator's passphrase -------------------------------------------------------------
P=$tmp/p
printf 'open sesame\n' | "$bin" new "$P" --module content --passphrase >"$out" 2>"$err" || { echo "FAIL: new --passphrase"; cat "$err"; fail=1; }
grep -q '^passphrase = "\$y\$' "$P/session.ini" || { echo "FAIL: no yescrypt hash in session.ini"; fail=1; }
grep -q 'open sesame' "$P/session.ini" && { echo "FAIL: the passphrase itself is stored"; fail=1; }
run 1 "$bin" agenda "$P" next; says 'CONVENE_PASSPHRASE'
run 1 env CONVENE_PASSPHRASE=wrong "$bin" agenda "$P" next; says 'wrong facilitator passphrase'
run 0 env CONVENE_PASSPHRASE='open sesame' "$bin" agenda "$P" next
run 1 env CONVENE_PASSPHRASE=wrong "$bin" import "$P" tests/data/registration-150.csv
run 1 env CONVENE_PASSPHRASE=wrong "$bin" poll "$P" open 'Q?' A B
# Participants' verbs need no passphrase.
run 0 "$bin" participant "$P" 'Batbayar' --country MN; prints p1
run 0 "$bin" idea "$P" --by p1 'Иргэний үнэмлэх'; prints i1

# Every facilitator verb is gated by the passphrase: refused without it
# and with a wrong one, and nothing written.
J=$P
# The wrong tries above count (throttle.h): let them try again.
run 0 env CONVENE_PASSPHRASE='open sesame' "$bin" pin "$P" --clear-throttle
for v in "message $P hello" "message $P --recall" "projector $P all" \
    "plan $P skip d1-coffee-am" "plan $P length d1-opening 40" \
    "board $P promote i1" "board $P hide i1" "question $P pin q1" \
    "rollcall $P absent p1" "rooms $P recall" "rooms $P name r1 Blue" \
    "status $P" "agenda $P end"; do
	# shellcheck disable=SC2086
	refused 1 "$bin" $v; says 'CONVENE_PASSPHRASE'
done
# A wrong passphrase is refused too (twice: the free tries of throttle.h).
refused 1 env CONVENE_PASSPHRASE=wrong "$bin" plan "$P" skip d1-coffee-am
says 'wrong facilitator passphrase'
refused 1 env CONVENE_PASSPHRASE=wrong "$bin" status "$P"
says 'wrong facilitator passphrase'
run 0 env CONVENE_PASSPHRASE='open sesame' "$bin" pin "$P" --clear-throttle
# As a participant: their own verbs work; the facilitator's are not theirs.
run 0 "$bin" mine "$P" --by p1 edit i1 'Иргэний үнэмлэхээ утсаараа сунгах'; silent
run 0 "$bin" status "$P" --by p1 --json; grep -q '"role":"participant"' "$out" ||
	{ echo "FAIL: status --by is not the participant's"; fail=1; }
run 0 "$bin" eval "$P" --by p1 relevance 5; silent
refused 1 "$bin" eval "$P" --by p1 nowhere 5; says "no evaluation question 'nowhere'"
refused 1 "$bin" mine "$P" --by p2 withdraw i1
# With the passphrase, the facilitator's verbs act.
export CONVENE_PASSPHRASE='open sesame'
run 0 "$bin" message "$P" --until-recalled 'Tea at 10:30'; silent
run 0 "$bin" board "$P" promote i1; silent
refused 1 "$bin" board "$P" promote i1; says 'already'
run 0 "$bin" rollcall "$P" absent p1; silent
run 0 "$bin" plan "$P" skip d1-coffee-am; silent
refused 1 "$bin" plan "$P" skip d1-coffee-am; says 'skipped already'
run 0 "$bin" plan "$P" add 1 18:00 30 'Evening reception'; prints added-1
run 2 "$bin" plan "$P" move d1-opening 1 25:00
run 0 "$bin" projector "$P" all; silent
refused 1 "$bin" projector "$P" all; says 'every thread already'
run 0 "$bin" status "$P" --json
grep -q '"item":"d1-opening"' "$out" || { echo "FAIL: status: no current item"; fail=1; }
run 0 "$bin" message "$P" --recall; silent
run 0 "$bin" agenda "$P" end; silent
unset CONVENE_PASSPHRASE J
# A participant's PIN by verb: set, then needed, then cleared with it.
J=$P
printf '4321\n' | "$bin" pin "$P" --by p1 --set >"$out" 2>"$err" ||
	{ echo "FAIL: pin --set"; cat "$err"; fail=1; }
refused 1 "$bin" mine "$P" --by p1 edit i1 'without the PIN'; says 'has a PIN'
run 0 env CONVENE_PIN=4321 "$bin" pin "$P" --by p1 --clear; silent
printf '12\n' | "$bin" pin "$P" --by p1 --set >"$out" 2>"$err" &&
	{ echo "FAIL: a 2-digit PIN was taken"; fail=1; }
unset J

exit $fail
