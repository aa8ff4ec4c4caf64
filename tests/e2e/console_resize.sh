#!/bin/sh
# The console survives any resize: below 40x10 it says "terminal too small"
# instead of garbage, and comes back whole; every screen draws at 40x10 and
# the keys still work after many resizes.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv idea "$s" --by p1 "디지털 정부 서비스를 한 곳에서 신청할 수 있게 하자" >/dev/null
cv agenda "$s" next

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
resize con 30 10
wait_for_text con "terminal too small"
assert_screen con "(40x10 needed)"
refute_screen con "Agenda"
resize con 39 30
wait_for_text con "terminal too small"
resize con 80 9
wait_for_text con "terminal too small"
resize con 40 10
wait_for_text con "1 Agenda"
wait_for_gone con "terminal too small"
# Every screen at the smallest size: its own text, nothing spilled.
for k in "2 Page" "3 Session timer" "4 Everyone" "5 1 idea" \
    "6 No voting round" "7 Day 1:" "1 Now:"; do
	send con "${k%% *}"
	wait_for_text con "${k#* }"
done
send con 5
wait_for_text con "디지털 정부"
# Many resizes in a row, then a key still works.
for size in "100 30" "50 12" "20 5" "132 43" "41 11" "1 1" "80 24"; do
	# shellcheck disable=SC2086 # two numbers
	resize con $size
done
wait_for_text con "5 Board"
wait_for_text con "디지털 정부 서비스를 한 곳에서 신청할 수 있게 하자"
send con 1
wait_for_text con "Now: Welcome, introductions"
# A key while too small does nothing but q, which still asks.
resize con 20 5
wait_for_text con "terminal too small"
send con n
resize con 80 24
wait_for_text con "Now: Welcome, introductions"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
