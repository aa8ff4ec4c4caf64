#!/bin/sh
# Everything other terminals do shows up live on the console, without a
# key: ideas, the agenda, timers, rooms, votes.  A room facilitator's
# console (--room) drives its room's timer; each console's u takes back
# only its own actions.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv rooms "$s" --make 2 >/dev/null

start_session main 80 24 "$CONVENE" run "$s"
start_session room 80 24 "$CONVENE" run "$s" --room r1
wait_for_text main "1 Agenda"
wait_for_text room "1 Agenda"

# Another process moves the agenda: both consoles follow.
cv agenda "$s" next
wait_for_text main "Now: Welcome, introductions"
wait_for_text room "Now: Welcome, introductions"

# A new idea from a participant's terminal, on the board of the main one.
send main 5
wait_for_text main "No ideas here yet"
cv idea "$s" --by p1 "모바일 신분증 갱신" >/dev/null
wait_for_text main "모바일 신분증 갱신"

# The room console's t starts its room's timer; the main console sees it
# on its Rooms screen, and its own status clock stays the session's.
send room t
wait_for_text room "timer started"
send main 4
wait_for_line main "Room 1 +1 +(30:00|29:[0-5][0-9])"
send room 3
wait_for_line room "Room 1 +running"
journal_has "$s" timer '"r1"' || fail "the room's timer record"

# Undo is per console: the main console has nothing to undo.
send main u
wait_for_text main "nothing to undo"
send room u
wait_for_text room "undone: timer change"
wait_for_line main "Room 1 +1 +│"

# A vote cast elsewhere updates the voting screen's turnout.
cv voting "$s" open >/dev/null
send main 6
wait_for_text main "Voted: 0 of 2"
cv vote "$s" --by p2 i1 >/dev/null
wait_for_text main "Voted: 1 of 2"

send main q y
send room q y
[ "$(wait_exit main)" = 0 ] || fail "exit status"
[ "$(wait_exit room)" = 0 ] || fail "exit status"
e2e_pass
