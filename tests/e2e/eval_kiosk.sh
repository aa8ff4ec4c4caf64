#!/bin/sh
# The evaluation on a kiosk: the questions one after another (a scale by
# highlight and Enter, text with the line editor, s skips), a thank-you,
# and the next person (N) starts from the first question.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null

start_session k 90 26 "$CONVENE" join "$s" --kiosk --as p1
wait_for_text k "Evaluation"
go_tab k Evaluation
wait_for_text k "Evaluation · 0 of 8 answered"
wait_for_text k "How relevant was this workshop to your work?"
# All five points of the scale show on the smallest terminal too.
resize k 30 10
wait_for_line k "^ +1 +2 +3 +4 +5 *$"
resize k 90 26
wait_for_text k "How relevant was this workshop to your work?"
send k l Enter
wait_for_text k "Evaluation · 1 of 8 answered"
journal_has "$s" eval relevance || fail "no answer to relevance"
grep -F '"relevance"' "$s/journal.csv" | grep -qF '"4"' ||
    fail "relevance is not 4"
# Skip the day and facilitation scales, to the text questions.
send k s s s s s
wait_for_text k "Press Enter to write your answer."
send k Enter
wait_for_text k "Your answer:"
send_text k "더 많은 사례 연구를 원합니다"
send k Enter
wait_for_text k "Evaluation · 2 of 8 answered"
send k s
wait_for_text k "Thank you: that is all for now."
wait_for_text k "r goes back to them"
wait_for_text k "Press N so that the next person"
send k N
# The next person starts afresh.
wait_for_text k "Ayesha Khan"
send_text k "Ayesha"
send k Enter
# A shared terminal offers a PIN: none.
wait_for_text k "PIN"
send k Enter
wait_for_text k "Evaluation"
go_tab k Evaluation
wait_for_text k "Evaluation · 0 of 8 answered"
wait_for_text k "How relevant was this workshop to your work?"
e2e_pass
