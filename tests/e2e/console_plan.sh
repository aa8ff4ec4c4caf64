#!/bin/sh
# console_plan: the plan changes from the console's Agenda: l changes an
# item's length, x skips it (asking first; x again brings it back), m moves
# one, a adds one.  Each is a plan record, the row says so, and n passes
# over a skipped item.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"

start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "The agenda has not started"
send con j
send con l
wait_for_text con "Minutes for 'Digital technology in everyday life':"
send con C-u
send_text con 45
send con Enter
wait_for_text con "its length is changed"
wait_for_line con "09:30 +45m +Digital technology in everyday life \(changed\)"
journal_has "$s" plan "length" || fail "no plan record"
# x asks; Esc keeps it; x x skips.
send con j x
wait_for_text con "Skip 'Coffee break'?"
send con Escape
wait_for_text con "cancelled"
[ "$(journal_count "$s" plan)" -eq 1 ] || fail "a cancelled skip wrote"
send con x x
wait_for_text con "skipped: n and p pass over it"
wait_for_text con "Coffee break (skipped)"
# m moves, a adds.
send con j m
wait_for_text con "Move 'Digital technology in governance' to"
send_text con "1 11:00"
send con Enter
wait_for_text con "moved"
wait_for_line con "11:00 +55m +Digital technology in governance \(changed\)"
send con a
wait_for_text con "Add an item"
send_text con "1 18:00 30 Evening reception"
send con Enter
wait_for_text con "item added"
[ "$(journal_count "$s" plan)" -eq 4 ] || fail "expected 4 plan records"
# n from the second item passes over the skipped coffee.
send con g
cv agenda "$s" goto d1-everyday >/dev/null
# n acts on the agenda as the console knows it: once it shows the step (a
# slow console that had not read it yet would take n as the agenda's start).
wait_for_text con "Now: Digital technology in everyday life"
send con n
wait_for_text con "Make 'Digital technology in governance' current?"
send con n
wait_for_text con "Now: Digital technology in governance"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
