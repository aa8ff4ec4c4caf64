#!/bin/sh
# Timers: t starts, pauses and resumes, e and E extend, u reverts; time is
# derived from the journal, so a restarted console shows the same timer; the
# last two minutes are in the warning colour, past zero the clock counts on
# in the overrun colour and the bell rings once.
. "$(dirname "$0")/lib.sh"
e2e_init
build_helper
s=$E2E_DIR/s
new_session "$s"
cv agenda "$s" goto d1-opening >/dev/null

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con 3
# Making the item current started its timer with its planned minutes.
wait_for_text con "Session timer · running"
wait_for_line con "running +(30:00|29:[0-5][0-9]) +of 30:00"
cv timer "$s" stop >/dev/null
wait_for_text con "Session timer · stopped"
send con t
wait_for_text con "Session timer · running"
wait_for_line con "running +(30:00|29:[0-5][0-9]) +of 30:00"
send con e
wait_for_text con "of 31:00"
send con E
wait_for_text con "of 36:00"
send con u
wait_for_text con "of 31:00"
send con t
wait_for_text con "Session timer · paused"
assert_screen con "paused 3"		# the status line says so too
send con u
wait_for_text con "Session timer · running"

# The time lives in the journal: a new console shows the same timer.
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
start_session con2 80 24 "$CONVENE" run "$s"
wait_for_text con2 "1 Agenda"
send con2 3
wait_for_text con2 "Session timer · running"
wait_for_line con2 "running +(3[01]|29):[0-5][0-9] +of 31:00"

# A timer a few seconds long: warning colour, then past zero it counts on
# in the overrun colour and the bell rings.
send con2 s
wait_for_text con2 "Stop this timer?"
send con2 y
wait_for_text con2 "Session timer · stopped"
# Long enough that a slow console still draws it before zero; the warning
# colour is waited for (the first frame may be drawn a moment later).
"$HELPER" timer "$s" 8 || fail "helper"
wait_for_text con2 "Session timer · running"
warning() { screen_colours con2 | head -n 1 | grep -q '33m'; }
wait_until "the last two minutes in the warning colour" warning
wait_for_line con2 "^ .*\+00:[0-5][0-9]"
screen_colours con2 | head -n 1 | grep -q '41m' ||
    fail "the overrun is not in the overrun colour"
bell_rang con2 || fail "no bell at zero"
# Rooms have timers of their own, listed with the session's.
cv participant "$s" "Kim" --country KR >/dev/null
cv rooms "$s" --make 1 >/dev/null
wait_for_text con2 " Room 1 "
"$HELPER" timer "$s" 600 r1 || fail "helper"
wait_for_line con2 "Room 1 +running +(10:00|09:[0-5][0-9]) +of 10:00"
send con2 a
wait_for_text con2 "bell off"
send con2 q y
[ "$(wait_exit con2)" = 0 ] || fail "exit status"

# Without colours (NO_COLOR): no colour codes at all, the overrun still
# stands out (reverse video).
E2E_ENV="NO_COLOR=1" start_session mono 80 24 "$CONVENE" run "$s"
wait_for_text mono "1 Agenda"
wait_for_text mono "+00:"
if screen_colours mono | grep -q '\[[0-9;]*3[0-7]m\|\[[0-9;]*4[0-7]m'; then
	fail "colours despite NO_COLOR"
fi
screen_colours mono | head -n 1 | grep -q '7m' || fail "no reverse video"
send mono q y
[ "$(wait_exit mono)" = 0 ] || fail "exit status"
e2e_pass
