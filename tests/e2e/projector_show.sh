#!/bin/sh
# The projector: a block-character clock the back row can read, the agenda
# item and its activity, the live wall newest first, the results after the
# reveal; it scales to the terminal, down to 30x10.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv agenda "$s" next >/dev/null
cv idea "$s" --by p1 "디지털 정부 서비스를 한 곳에서" >/dev/null

start_session wall 120 40 "$CONVENE" show "$s"
wait_for_text wall "1 idea"
wait_for_text wall "Welcome, introductions and the four days ahead"
# The clock: block characters, several rows tall.
[ "$(screen wall | grep -c '█')" -ge 3 ] || fail "no big clock"
cv timer "$s" stop >/dev/null	# the item's own, started by the agenda
cv timer "$s" start 7 >/dev/null
# the new timer's, counting down (the item's was 30 minutes), read
# within its first minute: a loaded machine may draw it late
wait_for_line wall "06:[0-5][0-9]"
[ "$(screen wall | grep -c '█')" -ge 8 ] || fail "the clock is not large"
# Newest first.
cv idea "$s" --by p2 "รัฐบาลดิจิทัลเพื่อประชาชน" >/dev/null
wait_for_text wall "2 ideas"
first=$(screen wall | grep -n "รัฐบาลดิจิทัล" | cut -d: -f1)
second=$(screen wall | grep -n "디지털 정부" | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "the newest idea is not first"
# A participant's escape sequence never reaches the projector.
cv idea "$s" --by p2 "$(printf 'pwned\033]0;x\007 idea')" >/dev/null
wait_for_text wall "3 ideas"
screen_colours wall | grep -q "$(printf '\033\\]0;')" &&
    fail "an escape sequence reached the terminal"

# Scales down, then says when it cannot.
resize wall 30 10
wait_for_gone wall "Welcome, introductions and the four days ahead"
refute_screen wall "terminal too small"
resize wall 25 8
wait_for_text wall "terminal too small"
resize wall 100 30
wait_for_text wall "3 ideas"

# Results after the reveal.
cv voting "$s" open >/dev/null
wait_for_text wall "voting is open"
cv vote "$s" --by p1 i2 --dots 2 >/dev/null
cv vote "$s" --by p2 i1 >/dev/null
cv voting "$s" close >/dev/null
cv voting "$s" reveal >/dev/null
wait_for_text wall "Results"
wait_for_text wall "2 dots · 1 person"
first=$(screen wall | grep -n "รัฐบาลดิจิทัล" | cut -d: -f1)
second=$(screen wall | grep -n "디지털 정부" | cut -d: -f1)
[ "$first" -lt "$second" ] || fail "the results are not ranked"
send wall q
[ "$(wait_exit wall)" = 0 ] || fail "exit status"
e2e_pass
