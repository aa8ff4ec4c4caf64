#!/bin/sh
# The projector's questions view: the pinned question large, the top ones
# below it, and a revealed poll as bars.  The projector follows the
# facilitator: a pin or a poll brings the questions view, voting the wall.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "Ayesha Khan" --country PK >/dev/null
cv agenda "$s" next
q1=$(cv ask "$s" --by p1 "디지털 정부는 어디서 시작하나요?")
cv ask "$s" --by p2 "Is the portal open source?" >/dev/null
cv upvote "$s" --by p1 "$q1"

start_session con 100 30 "$CONVENE" run "$s"
start_session pj 100 30 "$CONVENE" show "$s"
# The projector follows what changes after it started: let it start first.
wait_for_text pj "1 Wall"
wait_for_text con "8 Questions"
send con 8
wait_for_text con "2 questions"
send con P
wait_for_text con "pinned to the projector"

# Nobody stands at the projector: it follows the pin by itself.
wait_for_text pj "1 upvote"
wait_for_text pj "디지털 정부는 어디서 시작하나요?"
wait_for_line pj "▲ 0 +Is the portal open source\?"

o1=$(cv poll "$s" open "Which channel?" SMS Web)
wait_for_text pj "Poll open: 0 answers so far"
cv poll "$s" answer "$o1" --by p1 2
cv poll "$s" answer "$o1" --by p2 2
wait_for_text pj "Poll open: 2 answers so far"
refute_screen pj "%"
cv poll "$s" close "$o1"
wait_for_text pj "Poll closed: 2 answers. Results when"
refute_screen pj "Poll open"
cv poll "$s" reveal "$o1"
wait_for_line pj "2 +Web +█+[^ ]* +100% \(2\)"
refute_screen pj "Poll closed"

# Voting opens: back to the wall; a new poll: the questions view again.
cv idea "$s" --by p1 "One portal for every service" >/dev/null
cv voting "$s" open >/dev/null
wait_for_text pj "One portal for every service"
refute_screen pj "Which channel?"
cv poll "$s" open "Which day was best?" Mon Tue >/dev/null
wait_for_text pj "Which day was best?"
e2e_pass
