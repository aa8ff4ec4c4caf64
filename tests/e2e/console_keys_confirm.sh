#!/bin/sh
# Keys people already know, and no costly accident (issue 18, point 3): on
# the Page, n and N go to the next and previous match while a search is
# active and leave the agenda alone; otherwise n asks before it moves the
# agenda for everyone, and any key but n, Enter or y cancels and does
# nothing else; g and G on the Agenda go to the top and bottom without
# moving the agenda; s (start the highlighted item) asks first too.
# Run alone: sh tests/e2e/console_keys_confirm.sh
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv agenda "$s" goto d1-everyday

lines() {
	wc -l <"$s/journal.csv"
}

# The position shown at the top right of the Page ("12–31 / 70").
page_pos() {
	screen con | grep -oE '[0-9]+–[0-9]+ / [0-9]+' | head -n 1
}

# A harmless key whose effect is awaited: once the help overlay is up,
# every key sent before it has been handled.  Closes the overlay again.
sentinel() {
	send con "?"
	wait_for_text con "Keys (any key closes)"
	send con Escape
	wait_for_gone con "Keys (any key closes)"
}

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con Tab
wait_for_text con "Digital technology in everyday life"
agenda0=$(journal_count "$s" agenda)

# --- n on the Page while a search is active: the next match ---------------
send con /
wait_for_text con "Search:"
send_text con "frustration"
send con Enter
wait_for_text con "3 matches"
wait_for_text con "n N: matches"
pos1=$(page_pos)
[ -n "$pos1" ] || fail "no position on the Page"
before=$(lines)
send con n
wait_for_gone con "$pos1"
wait_for_text con "Which of the frustrations on the board"
refute_screen con "current?"
send con N
wait_for_text con "$pos1"
sentinel
[ "$(lines)" -eq "$before" ] || fail "n N on the Page wrote to the journal"
[ "$(journal_count "$s" agenda)" -eq "$agenda0" ] ||
	fail "n on the Page with a search moved the agenda"
assert_screen con "│ 09:30 Digital technology"

# --- without a search, n asks; Esc cancels and writes nothing -------------
send con Escape
wait_for_text con "search ended"
wait_for_gone con "n N: matches"
send con n
wait_for_text con "Make 'Coffee break' current? It ends 'Digital technology"
assert_screen con "n/Enter: yes"
send con Escape
wait_for_text con "cancelled"
sentinel
[ "$(lines)" -eq "$before" ] || fail "a cancelled n wrote to the journal"
assert_screen con "│ 09:30 Digital technology"

# Another key cancels too, and is not acted on: t would pause the timer.
timers=$(journal_count "$s" timer)
send con n
wait_for_text con "Make 'Coffee break' current?"
send con t
wait_for_text con "cancelled"
sentinel
[ "$(lines)" -eq "$before" ] || fail "the key that cancelled n acted"
[ "$(journal_count "$s" timer)" -eq "$timers" ] || fail "t acted on the timer"

# --- n n and n Enter move the agenda ---------------------------------------
send con n
wait_for_text con "Make 'Coffee break' current?"
send con n
wait_for_text con "│ 10:30 Coffee break"
[ "$(journal_count "$s" agenda)" -eq $((agenda0 + 1)) ] ||
	fail "n n did not move the agenda once"
send con n
wait_for_text con "Make 'Digital technology in governance' current?"
send con Enter
wait_for_text con "│ 10:50 Digital technology in"
[ "$(journal_count "$s" agenda)" -eq $((agenda0 + 2)) ] ||
	fail "n Enter did not move the agenda once"

# --- g and G on the Agenda: top and bottom, the agenda stays ---------------
send con 1
wait_for_text con "Now: Digital technology in governance"
wait_for_text con "Day 1 ·"
before=$(lines)
send con G
wait_for_text con "Closing discussion, evaluation and commitments"
wait_for_gone con "Day 1 ·"
send con g
wait_for_text con "Day 1 ·"
wait_for_gone con "Closing discussion, evaluation and commitments"
sentinel
[ "$(lines)" -eq "$before" ] || fail "g G on the Agenda wrote to the journal"
assert_screen con "Now: Digital technology in governance"

# --- s starts the highlighted item, after asking ----------------------------
send con G s
wait_for_text con "Make 'Closing discussion, evaluation and commitments' current?"
assert_screen con "s/Enter: yes"
send con Escape
wait_for_text con "cancelled"
sentinel
[ "$(lines)" -eq "$before" ] || fail "a cancelled s wrote to the journal"
assert_screen con "Now: Digital technology in governance"
send con s
wait_for_text con "Make 'Closing discussion"
send con s
wait_for_text con "Now: Closing discussion, evaluation and commitments"
journal_has "$s" agenda d4-closing || fail "no agenda record for s"

# u still undoes.
send con u
wait_for_text con "undone: agenda step"
wait_for_text con "Now: Digital technology in governance"

send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
