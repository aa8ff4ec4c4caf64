#!/bin/sh
# participant_tz_keys: online, a participant whose country has several
# zones is asked which is theirs on joining; Z changes it later; their
# clock and Agenda then show their time beside the workshop's.  In a room
# Z only says that everyone keeps the workshop's zone.
. "$(dirname "$0")/lib.sh"
e2e_init
d=$E2E_DIR
new_session "$d/on" --delivery online
p=$(cv participant "$d/on" "Putu Wijaya" --country ID)
start_session j 100 30 "$CONVENE" join "$d/on" --as "$p"
wait_for_text j "Your time zone"
assert_screen j "Asia/Jakarta"
assert_screen j "Asia/Bangkok (the workshop's)"
send j 4			# Asia/Jayapura, UTC+9: two hours after Bangkok
wait_for_text j "your time zone: Asia/Jayapura"
journal_has "$d/on" tz "Asia/Jayapura" || fail "no tz record"
wait_for_text j "your time · "
# The clock: theirs first, then the workshop's two hours earlier.
line=$(screen j | head -1)
own=$(printf '%s\n' "$line" | sed -n 's/.*\([0-9][0-9]\):\([0-9][0-9]\) your time · \([0-9][0-9]\):\([0-9][0-9]\) Bangkok.*/\1 \3/p')
[ -n "$own" ] || fail "status line: $line"
set -- $own
[ $(( (${1#0} - ${2#0} + 24) % 24 )) -eq 2 ] || fail "not two hours apart: $line"
# The Agenda: two time columns.
send j 6
wait_for_text j "Nothing is running."
screen j | grep -qE '^ +[0-9]{2}:[0-9]{2} +[0-9]{2}:[0-9]{2} ' ||
	fail "no second time column on the Agenda"
# Z: back to the capital's.
send j Z
wait_for_text j "Your time zone"
send j g Enter
wait_for_text j "your time zone: Asia/Jakarta"
send j q
wait_exit j >/dev/null

new_session "$d/room"
q=$(cv participant "$d/room" "Putu Wijaya" --country ID)
start_session r 100 30 "$CONVENE" join "$d/room" --as "$q"
wait_for_text r "Board"
refute_screen r "Your time zone"
send r Z
wait_for_text r "held in a room"
refute_screen r "your time"
send r q
wait_exit r >/dev/null
e2e_pass
