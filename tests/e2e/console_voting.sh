#!/bin/sh
# Voting: v opens a round; while it is open the console shows how many have
# voted and how many dots are left, never the tallies (blind voting); v
# closes, r reveals a ranked chart; u hides it again.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s" --budget 3
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv idea "$s" --by p1 "디지털 정부 서비스를 한 곳에서" >/dev/null
cv idea "$s" --by p2 "รัฐบาลดิจิทัลเพื่อประชาชน" >/dev/null
cv idea "$s" --by p3 "SMS status for every application" >/dev/null

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con 6
wait_for_text con "No voting round yet."
send con v
wait_for_text con "Voting is open since"
assert_screen con "Round v1 · plenary · 3 dots each"
wait_for_text con "Voted: 0 of 3"
wait_for_text con "Dots left: 9 of 9"
wait_for_text con "│ voting │"

cv vote "$s" --by p1 i2 --dots 2 >/dev/null
cv vote "$s" --by p2 i3 >/dev/null
cv vote "$s" --by p3 i2 >/dev/null
wait_for_text con "Voted: 3 of 3"
wait_for_text con "Dots left: 5 of 9"
# Blind: no idea and no tally on the screen while the round is open.
refute_screen con "รัฐบาลดิจิทัล"
refute_screen con "people"
refute_screen con "person"

# r while the round is open: the command says why not, no question.
send con r
wait_for_text con "still open"
# Closing and revealing ask first: the key again, or Enter, says yes.
send con v
wait_for_text con "Close voting?"
send con v
wait_for_text con "Voting is closed. r reveals"
refute_screen con "รัฐบาลดิจิทัล"
send con r
wait_for_text con "Reveal the results on every screen?"
send con Enter
wait_for_text con "Results, revealed:"
wait_for_line con "1\. +[^ ]+ +3 dots +2 people +รัฐบาลดิจิทัลเพื่อประชาชน"
wait_for_line con "2\. +[^ ]+ +1 dot +1 person +SMS status for every"
wait_for_text con "│ revealed │"
send con u
wait_for_text con "Voting is closed. r reveals"
refute_screen con "รัฐบาลดิจิทัล"

send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
