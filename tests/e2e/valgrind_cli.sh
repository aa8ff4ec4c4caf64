#!/bin/sh
# The main commands under valgrind: no invalid read or write, no use of
# uninitialised memory, no definite leak.  new, participant, idea, vote,
# export, check, and the facilitator console (`convene run`) for a few
# keys in tmux.  Skipped when valgrind is not installed.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind is not installed: skipped"
	exit 77
fi
if nm "$CONVENE" 2>/dev/null | grep -q __asan_init; then
	echo "$CONVENE is built with AddressSanitizer: skipped under valgrind"
	exit 77
fi
VG="valgrind -q --error-exitcode=9 --leak-check=full
--errors-for-leak-kinds=definite --log-file=$E2E_DIR/vg.%p.log"

# vg ARGS...: convene ARGS under valgrind; fails on its errors.
vg() {
	# shellcheck disable=SC2086 # VG is several words
	$VG "$CONVENE" "$@"
	_rc=$?
	if [ $_rc -eq 9 ]; then
		cat "$E2E_DIR"/vg.*.log
		fail "valgrind found errors in: convene $*"
	fi
	return $_rc
}

s=$E2E_DIR/s
vg new "$s" --module content --title \
    "Digital Government 2026" >/dev/null || fail "new"
vg participant "$s" "Nguyễn Thị Hương" --country VN --org "MIC" >/dev/null ||
	fail "participant"
cv participant "$s" "Sione Tupou" --country TO >/dev/null
vg idea "$s" --by p1 "ระบบยืนยันตัวตนดิจิทัล: one login for all" >/dev/null ||
	fail "idea"
cv rooms "$s" --make 2 >/dev/null
cv voting "$s" open >/dev/null
vg vote "$s" --by p2 i1 --dots 2 >/dev/null || fail "vote"
vg unvote "$s" --by p2 i1 >/dev/null || fail "unvote"
cv voting "$s" close >/dev/null
vg voting "$s" reveal >/dev/null || fail "voting reveal"
vg export "$s" --out "$E2E_DIR/out" >/dev/null || fail "export"
vg check content >/dev/null || fail "check"
# Refusals free what they allocated too.
vg idea "$s" --by p9 "unknown participant" >/dev/null 2>&1
[ $? -eq 1 ] || fail "idea by an unknown participant: not refused"
printf '[module\ntitle = "x\n' >"$E2E_DIR/bad.ini"
mkdir "$E2E_DIR/bad" && mv "$E2E_DIR/bad.ini" "$E2E_DIR/bad/module.ini"
vg check "$E2E_DIR/bad" >/dev/null 2>&1
rc=$?
[ $rc -ne 0 ] && [ $rc -lt 128 ] || fail "check of a bad module: exit $rc"

# The console: a few screens and keys, then quit.
start_session con 100 30 valgrind -q --error-exitcode=9 --leak-check=full \
    --errors-for-leak-kinds=definite --log-file="$E2E_DIR/vgcon.log" \
    "$CONVENE" run "$s"
E2E_TIMEOUT=$((E2E_TIMEOUT * 3))	# valgrind: several times slower
wait_for_text con "1 Agenda"
send con n
wait_for_text con "Now: "
send con 5
wait_for_text con "ระบบยืนยันตัวตนดิจิทัล"
send con 3
send con 6
send con '?'
send con Escape
send con q y
rc=$(wait_exit con)
if [ "$rc" != 0 ]; then
	cat "$E2E_DIR/vgcon.log"
	fail "convene run under valgrind: exit $rc"
fi
e2e_pass
