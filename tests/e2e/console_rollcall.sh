#!/bin/sh
# Roll call: mark who is present today; the count follows, in the status
# line too; a participant checking in from another terminal shows up too;
# / finds people.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK --org NADRA >/dev/null

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con 7
wait_for_text con "Day 1: 0 of 3 present"
send con Space
wait_for_text con "Day 1: 1 of 3 present"
wait_for_text con "1 of 3 here"	# the status line agrees
wait_for_line con "✓ +김민준"
send con Space
wait_for_text con "Day 1: 2 of 3 present"
send con Home Space
wait_for_text con "is marked present already"
cv checkin "$s" --by p3
wait_for_text con "Day 1: 3 of 3 present"
wait_for_text con "3 of 3 here"
[ "$(journal_count "$s" checkin)" -eq 3 ] || fail "expected 3 check-ins"
# x marks absent, over the person's own check-in; Space brings them back.
send con Home x
wait_for_text con "Day 1: 2 of 3 present"
wait_for_line con "✗ +김민준.*absent"
cv checkin "$s" --by p1
cv idea "$s" --by p1 "still typing" >/dev/null
cv export "$s" --out "$E2E_DIR/x" >/dev/null
grep -q '^p1,' "$E2E_DIR/x/attendance.csv" &&
    fail "marked absent, yet present in attendance.csv"
assert_screen con "2 of 3 here"
send con Home Space
wait_for_text con "Day 1: 3 of 3 present"
send con /
wait_for_text con "Find"
send_text con nadra
send con Enter
wait_for_text con "showing nadra"
refute_screen con "김민준"
assert_screen con "Ayesha Khan"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
