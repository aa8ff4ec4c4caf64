#!/bin/sh
# In an anonymous session the prompt says so, and neither the participants
# nor the console show who asked.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s" --anonymous
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv participant "$s" "김민준" --country KR >/dev/null
cv agenda "$s" next
cv ask "$s" --by p2 "Is the portal open source?" >/dev/null

start_session p1 90 26 "$CONVENE" join "$s" --as p1
start_session con 100 30 "$CONVENE" run "$s"
wait_for_text p1 "Questions"
go_tab p1 Questions
wait_for_text p1 "Questions for the speaker"
wait_for_line p1 "▲ 0 +Is the portal open source\?"
refute_screen p1 "김민준"
send p1 a
wait_for_text p1 "Your question (anonymous):"
send_text p1 "Who maintains it?"
send p1 Enter
wait_for_text p1 "your question is in"
wait_for_text con "8 Questions"
send con 8
wait_for_text con "2 questions"
wait_for_line con "▲ 0 +Is the portal open source\?"
refute_screen con "김민준"
refute_screen con "Ayesha Khan"
e2e_pass
