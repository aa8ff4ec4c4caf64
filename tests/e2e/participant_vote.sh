#!/bin/sh
# Voting from participant terminals: the ballot comes forward when voting
# opens; dots within the budget (the one too many is refused), taken back
# with -; nobody sees another's dots; after the reveal, the ranked results
# on the terminals and on the projector.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "Maria Santos" --country PH >/dev/null
cv idea "$s" --by p1 "One window for every permit" >/dev/null
cv idea "$s" --by p2 "Queue-free birth registration" >/dev/null

start_session a 80 24 "$CONVENE" join "$s" --as p1
start_session b 80 24 "$CONVENE" join "$s" --as p2
start_session wall 100 30 "$CONVENE" show "$s"
wait_for_text a "2 ideas in plenary"
wait_for_text b "2 ideas in plenary"
send a Tab
wait_for_text a "No vote is open now."
send a +
wait_for_text a "no vote is open now"
send a BTab
wait_for_text a "2 ideas in plenary"

cv voting "$s" open --budget 2 >/dev/null
wait_for_text a "Voting: 2 dots left of 2"
wait_for_text b "Voting: 2 dots left of 2"
wait_for_text wall "voting is open"

# The first row is the oldest idea: One window...
send a + Space
wait_for_text a "all 2 dots cast"
send a Down +
wait_for_text a "all your dots are cast: - takes one back"
[ "$(journal_count "$s" dot)" = 2 ] || fail "the refused dot was written"
send a -
send a Up -
wait_for_text a "Voting: 1 dot left of 2"
send a Down +
wait_for_text a "all 2 dots cast"
wait_for_line a "●  *Queue-free"	# p1's dot on Queue-free
# p2 sees no dots but their own.
refute_screen b "●"
send b Down Space
wait_for_text b "Voting: 1 dot left of 2"

cv voting "$s" close >/dev/null
wait_for_text a "Voting is closed"
wait_for_text b "Voting is closed"
cv voting "$s" reveal >/dev/null
wait_for_text a "Results"
wait_for_text a "2 dots · 2 people"
wait_for_text b "Queue-free birth registration"
wait_for_text wall "Results"
wait_for_text wall "2 dots · 2 people"
screen a | grep -q "1 .*Queue-free" || { screen a; fail "the ranking is wrong"; }
# The winner is Maria's idea: marked on her terminal only.
wait_for_text b "1★ Queue-free"
refute_screen a "★ Queue-free"

send a q
[ "$(wait_exit a)" = 0 ] || fail "exit status"
e2e_pass
