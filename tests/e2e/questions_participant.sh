#!/bin/sh
# Questions from participant terminals: a asks (with the line editor),
# everyone sees the list live, u (or + or Space) upvotes once, your own are
# marked; the console ranks them by upvotes.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv agenda "$s" next

start_session p1 90 26 "$CONVENE" join "$s" --as p1
start_session p2 90 26 "$CONVENE" join "$s" --as p2
wait_for_text p1 "Questions"
go_tab p1 Questions
wait_for_text p1 "Questions for the speaker"
go_tab p2 Questions
wait_for_text p2 "Questions for the speaker"
wait_for_text p1 "No questions yet"

send p1 a
wait_for_text p1 "Your question (with your name):"
send_text p1 "디지털 정부는 어디서 시작하나요?"
send p1 Enter
wait_for_text p1 "your question is in"
wait_for_line p1 "▲ 0 +\(yours\) 디지털 정부는"
# Live on the other terminal, with the asker's name.
wait_for_line p2 "▲ 0 +김민준: 디지털 정부는"
journal_has "$s" question "디지털 정부는" || fail "no question record"

send p2 a
wait_for_text p2 "Your question"
send_text p2 "How much does it cost?"
send p2 Enter
wait_for_line p2 "\(yours\) How much does it cost\?"
# p1 upvotes p2's question with u: it goes to the top on both.
wait_for_text p1 "How much does it cost?"
send p1 j
send p1 u
wait_for_text p1 "upvoted"
wait_for_line p1 "▲ 1 ✓ +สมชาย ประเสริฐ: How much"
wait_for_line p2 "▲ 1 +\(yours\) How much"
# Once only: a second u is refused, nothing written.
send p1 u
wait_for_text p1 "one upvote each"
[ "$(journal_count "$s" upvote)" = 1 ] || fail "a second upvote was written"
# + upvotes too.
send p2 j
send p2 +
wait_for_line p2 "▲ 1 ✓ +김민준: 디지털 정부는"
[ "$(journal_count "$s" upvote)" = 2 ] || fail "+ did not upvote"
e2e_pass
