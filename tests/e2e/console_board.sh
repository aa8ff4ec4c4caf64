#!/bin/sh
# The board: ideas in several scripts appear live as other processes add
# them; mark and merge a duplicate, undo it, promote, hide (each asks
# first), edit; authors
# are shown on request, never in an anonymous session.  Participant text
# with escape sequences never reaches the terminal.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv idea "$s" --by p1 "디지털 정부 서비스를 한 곳에서" >/dev/null

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con 5
wait_for_text con "1 idea · every thread · all rooms · all stages · authors hidden"
wait_for_text con "디지털 정부 서비스를 한 곳에서"

# Live: ideas from other processes show up without a key.
cv idea "$s" --by p2 "รัฐบาลดิจิทัลเพื่อประชาชน" >/dev/null
wait_for_text con "รัฐบาลดิจิทัลเพื่อประชาชน"
cv idea "$s" --by p2 "$(printf 'Same as the first \033[2J\033]0;pwned\007 idea')" \
    >/dev/null
wait_for_text con "3 ideas"
screen con | grep -q "pwned" || fail "the hostile idea is not shown"
screen_colours con | grep -q "$(printf '\033\\]0;')" &&
    fail "an escape sequence reached the terminal"
screen con | grep -q "␛" || fail "ESC is not shown as a placeholder"

# Mark the first idea, merge the third into it (m asks first: m again says
# yes), undo the merge.
send con Home x
wait_for_text con "i1 is marked"
send con End m
wait_for_text con "Merge i3 into i1, as its duplicate?"
send con m
wait_for_text con "[merged into i1]"
journal_has "$s" idea_merge i1 || fail "no merge record"
send con u
wait_for_gone con "[merged into i1]"

# Promote and hide ask first (the key again or Enter), showing again does
# not; edit.
send con Home P
wait_for_text con "Promote i1 to prototype?"
send con Enter
wait_for_text con "[prototype]"
send con h
wait_for_text con "Hide i1 from every screen?"
send con h
wait_for_text con "[hidden]"
send con h
wait_for_gone con "[hidden]"
send con Enter
wait_for_text con "Edit:"
send con End
send_text con " (모바일)"
send con Enter
wait_for_text con "디지털 정부 서비스를 한 곳에서 (모바일)"
journal_has "$s" idea_edit "(모바일)" || fail "no edit record"

# Authors on request.
send con a
wait_for_text con "authors shown"
wait_for_text con "by 김민준"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "exit status"

# An anonymous session never names authors.
a=$E2E_DIR/anon
new_session "$a" --anonymous
cv participant "$a" "Maria Santos" --country PH >/dev/null
cv idea "$a" --by p1 "Queue-free birth registration" >/dev/null
start_session anon 80 24 "$CONVENE" run "$a"
wait_for_text anon "1 Agenda"
send anon 5
wait_for_text anon "Queue-free birth registration"
send anon a
wait_for_text anon "this session is anonymous"
refute_screen anon "Maria"
send anon q y
[ "$(wait_exit anon)" = 0 ] || fail "exit status"
e2e_pass
