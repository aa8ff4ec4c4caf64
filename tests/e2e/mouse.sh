#!/bin/sh
# The mouse, as real SGR reports through tmux: a click highlights a row
# (the terminal cursor follows), a double-click is Enter (on the ballot: a
# dot), the wheel moves, a tab or a key of the hint line is that key; a
# report split by a slow link (ESC, then the rest 0.3 s later) is put back
# together and never read as keys (a digit must not answer the poll);
# --no-mouse asks for no reports.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Kim Minjun" --country KR >/dev/null
cv participant "$s" "Maria Santos" --country PH >/dev/null
for i in 1 2 3 4 5 6 7 8; do
	cv idea "$s" --by p2 "Idea number $i" >/dev/null
done

# click SESSION X Y [m]: a left press (or its release, m) at the 1-based
# cell X, Y, all at once.
click() {
	# shellcheck disable=SC2046 # one argument per byte
	tm send-keys -t "=$1:" -H $(printf '\033[<0;%s;%s%s' "$2" "$3" \
	    "${4:-M}" | od -An -tx1 -v)
}
# double_click SESSION X Y: press, release, press, release, in one write
# as a terminal sends them: two tmux commands could be further apart than
# a double-click (DOUBLE_MS, 400 ms) on a loaded machine.
double_click() {
	# shellcheck disable=SC2046 # one argument per byte
	tm send-keys -t "=$1:" -H $(printf '\033[<0;%s;%sM\033[<0;%s;%sm' \
	    "$2" "$3" "$2" "$3" "$2" "$3" "$2" "$3" | od -An -tx1 -v)
}
# split_click SESSION X Y: the ESC alone, the rest 0.2 s later -- a fixed
# sleep is the point here: it is the slow link's gap, far longer than the
# ESCDELAY that would end an Esc (25 ms), and within the 500 ms the
# program holds a lone ESC (TERMSEQ_ESC_WAIT_MS).  Both halves go through
# one tmux client in control mode, connected before the first: a second
# tmux command would add a client's whole start to the gap, which on a
# loaded machine took it past the 500 ms.  (Control clients leave the
# window's size alone.)
split_click() {
	_rest=$(printf '[<0;%s;%sM' "$2" "$3" | od -An -tx1 -v | tr '\n' ' ')
	{
		echo "send-keys -t =$1: -H 1b"
		sleep 0.2
		echo "send-keys -t =$1: -H $_rest"
	} | tm -C attach -t "=$1:" >/dev/null
}
wheel_down() {
	# shellcheck disable=SC2046
	tm send-keys -t "=$1:" -H $(printf '\033[<65;%s;%sM' "$2" "$3" |
	    od -An -tx1 -v)
}
cursor_y() {
	tm display -p -t "=$1:" '#{cursor_y}'
}
# wait_cursor SESSION Y WHAT: polls until the cursor is on row Y.
wait_cursor() {
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	while [ "$(cursor_y "$1")" != "$2" ]; do
		[ "$(date +%s)" -ge "$_deadline" ] &&
		    fail "$3: the cursor is on row $(cursor_y "$1"), not $2"
		sleep 0.05
	done
}

start_session a 80 24 "$CONVENE" join "$s" --as p1
wait_for_text a "8 ideas in plenary"
[ "$(tm display -p -t '=a:' '#{mouse_sgr_flag}')" = 1 ] ||
    fail "SGR mouse reports were not asked for"
# Rows: 0 status, 1 tabs, 2 who, 3 heading, 4 the newest idea (8).
wait_cursor a 4 "at the start"
click a 5 8
click a 5 8 m
wait_cursor a 7 "a click on the fourth idea"
wheel_down a 5 8
wait_cursor a 10 "the wheel, three rows down"
split_click a 5 6
wait_cursor a 5 "a split click on the second idea"
refute_screen a "that key does nothing here"

# A tab is that screen; a key of the hint line is that key.
click a 12 2
wait_for_text a "No vote is open now."
click a 4 2
wait_for_text a "8 ideas in plenary"

# The ballot: a click highlights, a double-click casts a dot.
cv voting "$s" open --budget 2 >/dev/null
wait_for_text a "Voting: 2 dots left of 2"
click a 12 6
click a 12 6 m
sentinel a
[ "$(journal_count "$s" dot)" = 0 ] || fail "a single click cast a dot"
# A press on another row, so that the next press cannot make a double-click
# with the single one above (the sentinel takes less than DOUBLE_MS).
click a 12 7
click a 12 7 m
double_click a 12 6
wait_for_text a "Voting: 1 dot left of 2"
wait_for_line a "●  *Idea number 2"
cv voting "$s" close >/dev/null

# The poll: a split report's digits must not answer it.
cv poll "$s" open "Which channel first?" SMS Portal Counter >/dev/null
wait_for_text a "Press the number of your answer"
split_click a 1 5
split_click a 2 3
sentinel a
refute_screen a "Thank you"
[ "$(journal_count "$s" poll_answer)" = 0 ] ||
    fail "a split mouse report answered the poll"
assert_screen a "Which channel first?"
# Keys still work after it: the report left nothing half-read.
send a 2
wait_for_text a "Thank you: your answer is in"

# q in the hint line quits (no kiosk here); a click clears the message
# that covers the hint, as a key would.
click a 1 1
wait_for_text a "q quit"
hint_x=$(screen a | tail -1 | awk '{ print index($0, "q quit") }')
[ "$hint_x" -gt 0 ] || fail "no 'q quit' in the hint line"
click a "$hint_x" 24
[ "$(wait_exit a)" = 0 ] || fail "the hint's q did not quit"

# --no-mouse: no reports asked for, and Esc is at once a key.
start_session b 80 24 "$CONVENE" join "$s" --as p2 --no-mouse
wait_for_text b "8 ideas in plenary"
[ "$(tm display -p -t '=b:' '#{mouse_any_flag}')" = 0 ] ||
    fail "--no-mouse asked for mouse reports"
send b q
[ "$(wait_exit b)" = 0 ] || fail "exit status with --no-mouse"

# The console's Rooms: the M that ends a split report must not deal rooms.
start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "2 of 2 here"
send con 4
wait_for_text con "No rooms yet: M makes them"
split_click con 30 10
sentinel con
refute_screen con "How many rooms"
refute_screen con "that key does nothing here"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "the console's exit status"
e2e_pass
