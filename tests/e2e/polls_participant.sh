#!/bin/sh
# A quick poll on participant terminals: opening it brings the Poll screen
# forward; an answer (highlight and Enter, Space toggles a multiple choice)
# is taken once; after close and reveal every terminal shows the bars.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv agenda "$s" next

start_session p1 90 26 "$CONVENE" join "$s" --as p1
start_session p2 90 26 "$CONVENE" join "$s" --as p2
wait_for_text p1 "Poll"
wait_for_text p2 "Poll"
o1=$(cv poll "$s" open "Which channel first?" SMS "웹 포털" Counter)
# Brought forward on both, with the options.
wait_for_text p1 "Press the number of your answer"
wait_for_line p1 "2 +웹 포털"
wait_for_text p2 "Which channel first?"
# p1: the second option (j, Enter); p2: the third.
send p1 j Enter
wait_for_text p1 "Thank you: your answer is in"
send p2 j j Enter
wait_for_text p2 "Thank you: your answer is in"
cv poll "$s" answer "$o1" --by p3 2
# Blind until revealed.
refute_screen p1 "%"
cv poll "$s" close "$o1"
wait_for_text p1 "The poll is closed"
cv poll "$s" reveal "$o1"
wait_for_text p1 "Results (★ your answer):"
wait_for_line p1 "★2 +웹 포털 +█+[^ ]* +67% \(2\)"
wait_for_line p1 " 3 +Counter +█+[^ ]* +33% \(1\)"
wait_for_line p2 "★3 +Counter +█+[^ ]* +33% \(1\)"
wait_for_line p2 " 2 +웹 포털 +█+[^ ]* +67% \(2\)"
wait_for_text p2 "3 people answered"

# A multiple-choice poll: Space toggles, Enter sends them all.
o2=$(cv poll "$s" open --multi "Which do you use?" Email SMS Portal)
wait_for_text p1 "Enter to send"
send p1 Space j j Space
wait_for_line p1 "1 \[x\] Email"
wait_for_line p1 "3 \[x\] Portal"
send p1 Enter
wait_for_text p1 "Thank you: your answer is in"
journal_has "$s" poll_answer "$o2" || fail "no answer to $o2"
grep -F "\"$o2\"" "$s/journal.csv" | grep -F poll_answer |
    grep -qF "$(printf '1\n3')" || fail "the answer is not options 1 and 3"
cv poll "$s" close "$o2"
# Its results: each option's share of the one person who answered (100%
# for both they chose), and the screen says why they pass 100 together.
cv poll "$s" reveal "$o2"
wait_for_line p1 "★1 +Email +█+[^ ]* +100% \(1\)"
wait_for_line p1 "★3 +Portal +█+[^ ]* +100% \(1\)"
wait_for_text p1 "1 person answered, choosing one or more: each share is of them"
# A 1-5 scale.
o3=$(cv poll "$s" open --scale "How useful was today?")
wait_for_text p2 "Press 1 (lowest) to 5 (highest)"
send p2 j j j Enter
wait_for_text p2 "Thank you: your answer is in"
cv poll "$s" close "$o3"
cv poll "$s" reveal "$o3"
wait_for_text p2 "Average 4.0 of 5, 1 answer"
e2e_pass
