#!/bin/sh
# Quick polls on the facilitator console: the module's poll for the agenda
# item opens with Enter; o opens a new one by prompts; while open only how
# many answered shows (blind); c closes, R reveals bars with shares.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv agenda "$s" goto d1-everyday

start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "9 Polls"
send con 9
wait_for_text con "0 polls so far"
# The module's poll for d1-everyday is offered, highlighted.
wait_for_text con "module: Enter opens"
wait_for_text con "From the module, one answer. Enter opens it."
send con Enter
wait_for_text con "the poll is open: participants answer"
wait_for_line con "o1 +open +0 +How do most people"
refute_screen con "module: Enter opens"
wait_for_text con "Answered: 0 of 3"

cv poll "$s" answer o1 --by p1 3
cv poll "$s" answer o1 --by p2 3
cv poll "$s" answer o1 --by p3 4
wait_for_text con "Answered: 3 of 3"
# Blind: no shares while open.
refute_screen con "%"
# R on an open poll: the command says why not, without a question.
send con R
wait_for_text con "still open"
# Closing and revealing ask first: the key again, or Enter, says yes.
send con c
wait_for_text con "Close poll o1? Nobody can answer it after."
send con c
wait_for_text con "the poll is closed: R reveals"
refute_screen con "%"
send con R
wait_for_text con "Reveal the results of poll o1 on every screen?"
send con Enter
wait_for_text con "results revealed on every terminal"
wait_for_line con "3 +Through a website +█+[^ ]* +67% \(2\)"
wait_for_line con "4 +Through a mobile app.* +33% \(1\)"
wait_for_line con "1 +In person at a government office +0% \(0\)"
wait_for_text con "3 people answered"
journal_has "$s" poll_reveal || fail "no poll_reveal record"

# An ad-hoc poll: question, options separated by |, one answer.
send con o
wait_for_text con "The poll's question:"
send_text con "Which channel first?"
send con Enter
wait_for_text con "Options, separated by |"
send_text con "SMS | 웹 포털 | Counter"
send con Enter
wait_for_text con "choose several options"
send con n
wait_for_line con "o2 +open +0 +Which channel first\?"
wait_for_text con "o2 · one answer"
wait_for_line con "2 +웹 포털"
# A 1-5 scale: no options.
send con o
wait_for_text con "The poll's question:"
send_text con "How useful was today?"
send con Enter
wait_for_text con "Options, separated by |"
send con Enter
wait_for_text con "o3 · scale 1-5"
cv poll "$s" answer o3 --by p1 5
cv poll "$s" answer o3 --by p2 4
send con c
wait_for_text con "Close poll o3? Nobody can answer it after. (How useful"
send con c
wait_for_text con "the poll is closed"
send con R
wait_for_text con "Reveal the results of poll o3"
send con R
wait_for_text con "Average 4.5 of 5, 2 answers"
# A refused option list is reported, nothing opened.
send con o
wait_for_text con "The poll's question:"
send_text con "Bad?"
send con Enter
send_text con "Only one"
send con Enter
wait_for_text con "choose several options"
send con y
wait_for_text con "2 to 9 options"
[ "$(journal_count "$s" poll_open)" = 3 ] || fail "a refused poll opened"

send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
