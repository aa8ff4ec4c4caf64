#!/bin/sh
# ? overlays every key of the current screen (from the same table the keys
# are dispatched from), any key closes it; Tab and Shift-Tab go round the
# screens; an unknown key says where to look.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con "?"
wait_for_text con "Keys (any key closes)"
assert_screen con "start the highlighted item"
assert_screen con "start, pause or resume the timer"
send con x
wait_for_gone con "Keys (any key closes)"

send con Tab
wait_for_text con "No agenda item yet"
send con BTab
wait_for_text con "The agenda has not started"
# Each screen's own keys are in its overlay.
for k in "3 bell at zero on / off" "4 make rooms, balanced by country" \
    "5 mark the idea to merge duplicates into" \
    "6 open a round for the current thread's prototypes" \
    "7 mark absent today (holds over what they do)" "2 search the page"; do
	send con "${k%% *}" "?"
	wait_for_text con "${k#* }"
	send con Escape
	wait_for_gone con "Keys (any key closes)"
done
# The overlay scrolls when it is longer than the screen.
resize con 80 12
send con 1 "?"
wait_for_text con "more ↓"
send con j j j j j j j j j j j j j j
wait_for_text con "quit"
send con Escape
resize con 80 24
send con Z
wait_for_text con "that key does nothing here: ? lists the keys"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
