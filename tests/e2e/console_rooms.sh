#!/bin/sh
# Rooms: make N rooms balanced by country, name a room and give it a topic,
# move a person, undo the move, message one room, recall everyone.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR --org "행정안전부" >/dev/null
cv participant "$s" "Park Ji-woo" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "0 of 4 here"
send con 4
wait_for_text con "No rooms yet: M makes them"
send con M
wait_for_text con "How many rooms"
send_text con 2
send con Enter
wait_for_text con "rooms made, balanced by country"
wait_for_line con "Room 1 +2"
wait_for_line con "Room 2 +2"
# The first room is shown.  Balanced by country: the two Korean
# participants are in different rooms.
wait_for_line con "│ Room 1 *$"
r1=$(screen con | grep -c "South Korea")
[ "$r1" -eq 1 ] || fail "room 1 should have one person from South Korea (KR), has $r1"
# Making rooms again deals people again: that asks first, saying how many
# would move, and Esc keeps the rooms as they are.
before=$(wc -l <"$s/journal.csv")
send con M
wait_for_text con "How many rooms"
send_text con 3
send con Enter
wait_for_line con "Deal into 3 rooms again\? [0-9]+ people would move"
assert_screen con "M/Enter: yes"
send con Escape
wait_for_text con "cancelled"
send con "?"
wait_for_text con "Keys (any key closes)"
send con Escape
wait_for_gone con "Keys (any key closes)"
[ "$(wc -l <"$s/journal.csv")" -eq "$before" ] ||
    fail "a cancelled M changed the rooms"

# Name and topic.
send con c
wait_for_text con "Room name:"
send con C-u
send_text con "Blue team"
send con Enter
wait_for_text con "room renamed"
wait_for_line con "Blue team +2"
send con C
wait_for_text con "Topic or case study:"
send_text con "Case: the Republic of Korea"
send con Enter
wait_for_text con "topic set"
wait_for_text con "Case: the Republic of Korea"
send con u
wait_for_text con "undone: room name or topic"
wait_for_text con "(no topic: C sets one)"

# Move the first person of room 1 to room 2, then take it back.
send con Enter
send con '>'
wait_for_text con "moved to Room 2"
wait_for_line con "Room 2 +3"
send con u
wait_for_line con "Blue team +2"
[ "$(journal_count "$s" move)" -eq 6 ] || fail "expected 4 + 2 moves"

# A message to this room, then a recall of everyone.
send con Escape b
wait_for_text con "A message to Blue team only (y), or to everyone (n)?"
send con y
wait_for_text con "Message to Blue team, for this item:"
send_text con "Five minutes left, please pick one idea"
send con Enter
wait_for_text con "message sent"
journal_has "$s" message "Five minutes left" || fail "no message record"
grep -F "Five minutes left" "$s/journal.csv" | grep -qF '"r1"' ||
    fail "the message is not for room 1"
send con R
wait_for_text con "Call everyone back to the plenary?"
send con R
wait_for_text con "everyone is called back"
[ "$(journal_count "$s" message)" -eq 2 ] || fail "expected 2 messages"
# The recall says its sentence once: its record has no text of its own.
tail -n 1 "$s/journal.csv" | grep -q '"message","","item","","1","",' ||
    fail "the recall carries a text: $(tail -n 1 "$s/journal.csv")"

send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
