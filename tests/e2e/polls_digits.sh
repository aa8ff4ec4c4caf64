#!/bin/sh
# One key per option: on the Poll screen 1-9 answer (a multiple-choice poll:
# toggle, Enter sends), on the Evaluation screen 1-5 answer a scale; with
# nothing to answer a digit still goes to that screen.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv agenda "$s" next

start_session p1 90 26 "$CONVENE" join "$s" --as p1
wait_for_text p1 "Poll"
o1=$(cv poll "$s" open "Which channel first?" SMS "웹 포털" Counter)
wait_for_text p1 "Press the number of your answer"
send p1 3
wait_for_text p1 "Thank you: your answer is in"
grep -F "\"$o1\"" "$s/journal.csv" | grep -F poll_answer | grep -qF '"3"' ||
    fail "3 did not answer option 3"

o2=$(cv poll "$s" open --multi "Which do you use?" Email SMS Portal)
wait_for_text p1 "Which do you use?"
# A digit past the last option is a slip: it says so and stays.
send p1 5
wait_for_text p1 "this poll has options 1 to 3"
assert_screen p1 "Which do you use?"
send p1 1 3
wait_for_line p1 "1 \[x\] Email"
wait_for_line p1 "3 \[x\] Portal"
send p1 3
wait_for_line p1 "3 \[ \] Portal"
send p1 2 Enter
wait_for_text p1 "Thank you: your answer is in"
grep -F "\"$o2\"" "$s/journal.csv" | grep -F poll_answer |
    grep -qF "$(printf '1\n2')" || fail "the answer is not options 1 and 2"

# Nothing left to answer: a digit goes to its screen.
send p1 5
wait_for_text p1 "Evaluation · 0 of 8 answered"
send p1 4
wait_for_text p1 "Evaluation · 1 of 8 answered"
grep -F '"relevance"' "$s/journal.csv" | grep -qF '"4"' ||
    fail "4 did not answer the scale with 4"
e2e_pass
