#!/bin/sh
# Questions on the facilitator console: asked and upvoted from elsewhere,
# they appear live, ranked by upvotes then time; a marks answered, h hides,
# P pins (one at a time), A shows every agenda item's.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv agenda "$s" next
q1=$(cv ask "$s" --by p1 "디지털 정부 서비스는 어디서 시작하나요?")
q2=$(cv ask "$s" --by p2 "How much does a portal cost?")

start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
wait_for_text con "8 Questions"
send con 8
wait_for_text con "2 questions · Welcome"
# Equal votes: the earlier question first.
wait_for_line con "1\. ▲ 0 +김민준: 디지털 정부"
wait_for_line con "2\. ▲ 0 +สมชาย ประเสริฐ: How much"

# Upvotes from participants re-rank the list live.
cv upvote "$s" --by p1 "$q2"
cv upvote "$s" --by p3 "$q2"
wait_for_line con "1\. ▲ 2 +สมชาย ประเสริฐ: How much"
wait_for_line con "2\. ▲ 0 +김민준"
# One upvote per person.
"$CONVENE" upvote "$s" --by p1 "$q2" 2>/dev/null && fail "a second upvote"

# The highlight follows its question: it is on the top one now (q2).
send con P
wait_for_text con "pinned to the projector"
wait_for_line con "1\. ▲ 2 +\[pinned\] สมชาย"
send con j P
wait_for_line con "2\. ▲ 0 +\[pinned\] 김민준"
refute_screen con "[pinned] สมชาย"
send con a
wait_for_text con "marked answered"
wait_for_line con "\[pinned\] \[answered\] 김민준"
send con k h
wait_for_text con "hidden from everyone"
# Hidden goes last.
wait_for_line con "2\. ▲ 2 +\[hidden\] สมชาย"
journal_has "$s" question_mark hidden || fail "no hidden mark in the journal"
send con h
wait_for_text con "shown again"

# A question asked during another agenda item: A shows them all.
cv agenda "$s" next
wait_for_text con "0 questions"
cv ask "$s" --by p3 "Can we see the slides later?" >/dev/null
wait_for_line con "1\. ▲ 0 +Ayesha Khan: Can we see the slides later"
send con A
wait_for_text con "3 questions · all agenda items"

send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
