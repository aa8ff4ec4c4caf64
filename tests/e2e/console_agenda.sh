#!/bin/sh
# The facilitator console's first screen: the module's title and today's
# agenda; n / p / s move the agenda (records in the journal; each asks
# first once an item runs: the same key again or Enter says yes), u steps
# back, the status line follows; q asks before quitting.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
today=$(module_today)

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
assert_screen con "Digital Government and Transformation"
assert_screen con "Day 1 · $today"
assert_screen con "09:00   30m  Welcome, introductions"
assert_screen con "agenda not started"
assert_screen con "0 of 0 here"

# n starts the agenda (nothing runs yet: no question): the status line and
# the agenda show the item.
send con n
wait_for_text con "Now: Welcome, introductions"
wait_for_text con "│ 09:00 Welcome"
journal_has "$s" agenda d1-opening || fail "no agenda record"
# From now on n asks first; n again says yes.
send con n
wait_for_text con "Make 'Digital technology in everyday life' current?"
send con n
wait_for_text con "Now: Digital technology in everyday life"
assert_screen con "│ 09:30 Digital technology"
# p asks too; Enter says yes.
send con p
wait_for_text con "Make 'Welcome, introductions"
assert_screen con "p/Enter: yes"
send con Enter
wait_for_text con "Now: Welcome, introductions"

# u takes back this console's last step (p): back to the second item.
send con u
wait_for_text con "undone: agenda step"
wait_for_text con "Now: Digital technology in everyday life"

# s makes the highlighted item current: j moves past the coffee break.
send con . j j
send con s
wait_for_text con "Make 'Digital technology in governance' current?"
send con s
wait_for_text con "Now: Digital technology in governance"
[ "$(journal_count "$s" agenda)" -eq 5 ] || fail "expected 5 agenda records"

# Enter previews the highlighted item's page; Esc comes back.
send con Enter
wait_for_text con "(preview: Esc goes back)"
send con Escape
wait_for_text con "Now: Digital technology in governance"

# q asks first; n keeps the console, y quits with status 0.
send con q
wait_for_text con "Quit the console? (y/n)"
send con n
wait_for_gone con "Quit the console?"
send con q
wait_for_text con "Quit the console? (y/n)"
send con y
[ "$(wait_exit con)" = 0 ] || fail "the console did not exit with 0"
e2e_pass
