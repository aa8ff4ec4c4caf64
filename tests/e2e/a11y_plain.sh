#!/bin/sh
# Screen readers and braille displays: the terminal cursor sits on the
# focused item (the highlighted row of a list, the text being typed, else
# the current tab); --plain (or a terminal that cannot draw lines or
# colours) draws no box lines, blocks or big digits, keeps the status
# line's clock to whole minutes, and says new ideas and the timer's
# milestones in the message line.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Kim Minjun" --country KR >/dev/null
cv participant "$s" "Maria Santos" --country PH >/dev/null
for i in 1 2 3; do
	cv idea "$s" --by p2 "Idea number $i" >/dev/null
done

cursor() {
	tm display -p -t "=$1:" '#{cursor_x} #{cursor_y}'
}
# wait_cursor SESSION "X Y" WHAT: polls until the cursor is there.
wait_cursor() {
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	while [ "$(cursor "$1")" != "$2" ]; do
		[ "$(date +%s)" -ge "$_deadline" ] &&
		    fail "$3: the cursor is at $(cursor "$1"), not $2"
		sleep 0.05
	done
}
# no_lines SESSION: no U+2500-U+259F (box lines, blocks) on the screen.
no_lines() {
	if screen "$1" | LC_ALL=C.UTF-8 grep -P '[\x{2500}-\x{259F}]' \
	    >/dev/null; then
		screen "$1"
		fail "$1 draws box lines or blocks"
	fi
}

# The cursor on the highlighted row, following the keys (not plain).
start_session a 80 24 "$CONVENE" join "$s" --as p1
wait_for_text a "3 ideas in plenary"
wait_cursor a "0 4" "the newest idea"
send a j j
wait_cursor a "0 6" "two rows down"
send a k
wait_cursor a "0 5" "one row up"
# Typing an idea: the cursor after the text, in the message line.
send a i
wait_for_text a "Your idea:"
send_text a "Hello"
wait_for_text a "Your idea: Hello"
x=$(screen a | awk '/Your idea:/ { print index($0, "Hello") + 4 }')
wait_cursor a "$x 23" "typing an idea"
send a Escape
wait_for_gone a "Your idea:"
# A screen with no list: the cursor on its tab (5 Evaluation).
send a 4
wait_for_text a "No poll"
tab=$(screen a | sed -n 2p | awk '{ print index($0, "4 Poll") - 1 }')
wait_cursor a "$tab 1" "the Poll screen's tab"
send a q
[ "$(wait_exit a)" = 0 ] || fail "exit status"

# --plain: no lines, the cursor shown, announcements.
start_session b 80 24 "$CONVENE" join "$s" --as p1 --plain
wait_for_text b "3 ideas in plenary"
no_lines b
[ "$(tm display -p -t '=b:' '#{cursor_flag}')" = 1 ] ||
    fail "--plain hides the cursor"
wait_cursor b "0 4" "plain: the newest idea"
cv idea "$s" --by p2 "Open data by default" >/dev/null
wait_for_text b "New idea: Open data by default"
cv timer "$s" start 1 >/dev/null
wait_for_text b "1 minute left"
no_lines b
cv timer "$s" stop >/dev/null
cv timer "$s" start 10 >/dev/null
wait_for_text b "10 min"
# The status line's clock stays put for a while (whole minutes): the
# sleep is the while.  A minute that turns meanwhile changes it rightly
# (1 run in 50): then look again.  The window starts 5 s early, as the
# program draws a new minute a little after it begins.
for _ in 1 2 3; do
	m0=$(date -d '5 seconds ago' +%H%M)
	first=$(screen b | head -1)
	sleep 1.2
	second=$(screen b | head -1)
	[ "$(date +%H%M)" = "$m0" ] && break
done
[ "$second" = "$first" ] || fail "the plain clock ticks by"

# The console's timer and the projector: plain digits, no blocks.
start_session con 100 30 "$CONVENE" run "$s" --plain
wait_for_text con "2 of 2 here"
send con 3
wait_for_text con "Session timer"
no_lines con
start_session p 100 30 "$CONVENE" show "$s" --plain
wait_for_text p "Open data by default"
no_lines p
# A terminal without colours gets it without asking.
E2E_ENV="TERM=vt100"
start_session v 100 30 "$CONVENE" show "$s"
wait_for_text v "Open data by default"
no_lines v
send v q
send p q
send con q y
send b q
[ "$(wait_exit b)" = 0 ] || fail "plain exit status"
e2e_pass
