#!/bin/sh
# The participant's Agenda screen (last in the Tab order): Now and Next,
# today's items at their planned times with breaks marked in words, the
# current item marked and the cursor on it; it follows the agenda as the
# facilitator moves it (here by the verb, another process); at 30x10 it
# still shows Now whole.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Maria Santos" --country PH >/dev/null
cv agenda "$s" goto d1-everyday

start_session a 80 24 "$CONVENE" join "$s" --as p1
wait_for_text a "Maria Santos"
# The other screens keep their digits; Agenda is the sixth tab, the last.
wait_for_text a "5 Evaluation   6 Agenda"
send a Tab Tab Tab Tab Tab
wait_for_text a "Now: Digital technology in everyday life"
wait_for_text a "09:30–10:30 · "
wait_for_line a "^  09:30–10:30 · [0-9]+ min left"
# At the planned time, or when it is expected (≈) if the day runs behind
# (it does when this runs after 10:31 in the module's zone).
HM='(≈)?[0-9][0-9]:[0-9][0-9]'
wait_for_line a "^Next: $HM Coffee break \\(break\\)"
assert_screen a "Day 1 · $(module_today) · today"
assert_screen a "▶ 09:30 Digital technology in everyday life"
assert_screen a "  10:30 Coffee break (break)"
assert_screen a "  12:30 Lunch (break)"
assert_screen a "Day 2 · "

# The cursor sits on the highlighted row: the current item's.
row=$(screen a | grep -n "▶ 09:30" | cut -d: -f1)
cy=$(tm display -p -t '=a:' '#{cursor_y}')
[ "$cy" -eq $((row - 1)) ] || fail "the cursor is on row $cy, not $((row - 1))"

# The facilitator moves on: Now follows, the item before is done.
cv agenda "$s" next
wait_for_text a "Now: Coffee break"
wait_for_line a "^Next: $HM Digital technology in governance"
assert_screen a "✓ 09:30 Digital technology in everyday life"
assert_screen a "▶ 10:30 Coffee break (break)"
row=$(screen a | grep -n "▶ 10:30" | cut -d: -f1)
cy=$(tm display -p -t '=a:' '#{cursor_y}')
[ "$cy" -eq $((row - 1)) ] || fail "the cursor did not follow to row $((row - 1))"

# The keys are in the ? overlay, from the screen's key table.
send a '?'
wait_for_text a "back to what runs now"
send a Escape
wait_for_gone a "back to what runs now"

# A move key stops following; . follows again.
send a G
cv agenda "$s" next
wait_for_text a "Now: Digital technology in governance"
refute_screen a "▶ 10:50"
send a .
wait_for_text a "▶ 10:50 Digital technology in governance"

# A narrow phone: Now still whole on its own row, nothing spills.
resize a 30 10
wait_for_line a "^Now: Digital technology in g?o?…$"
w=$(screen a | LC_ALL=C.UTF-8 wc -L)	# display columns
[ "$w" -le 30 ] || fail "a row $w columns wide on a 30-column terminal"
wait_for_line a "^Next: $HM Human-centred"

# The end of the day: nothing runs, Next is what comes after (as
# planned: nothing runs late).
cv agenda "$s" end
wait_for_text a "Nothing is running."
wait_for_line a "^Next: 11:45 Human"

send a q
[ "$(wait_exit a)" = 0 ] || fail "join did not exit 0"
e2e_pass
