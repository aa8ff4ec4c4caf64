#!/bin/sh
# Two participant terminals and a projector on one session: an idea typed
# in one shows in the other and on the wall; one's own ideas are marked;
# edit and withdraw one's own; Korean and Thai text line up; the draft of
# an idea is saved as it is typed and gone once it is sent.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv agenda "$s" next >/dev/null

start_session a 80 24 "$CONVENE" join "$s" --as p1
start_session b 80 24 "$CONVENE" join "$s" --as p2
start_session wall 100 30 "$CONVENE" show "$s"
wait_for_text a "김민준 · plenary"
wait_for_text b "สมชาย ประเสริฐ · plenary"
wait_for_text a "No ideas yet"
wait_for_text wall "The ideas appear here"
# Joining checked both in for the day.
journal_has "$s" checkin p1 || fail "p1 was not checked in"
journal_has "$s" checkin p2 || fail "p2 was not checked in"

# Typed in one, live in the others; the draft is on disk while typing.
send a i
wait_for_text a "Your idea:"
send_text a "디지털 정부 서비스를 한 곳에서"
wait_for_text a "디지털 정부 서비스를 한 곳에서"
deadline=$(($(date +%s) + E2E_TIMEOUT))
until [ "$(cat "$s/drafts/p1.txt" 2>/dev/null)" = "디지털 정부 서비스를 한 곳에서" ]; do
	[ "$(date +%s)" -lt "$deadline" ] || fail "the draft was not saved"
	sleep 0.05
done
send a Enter
wait_for_text a "idea added"
[ -e "$s/drafts/p1.txt" ] && fail "the draft outlived its idea"
wait_for_text b "디지털 정부 서비스를 한 곳에서"
wait_for_text wall "디지털 정부 서비스를 한 곳에서"
wait_for_text a "★ 디지털 정부"	# one's own idea is marked
screen b | grep -q "★ 디지털" && fail "another's idea is marked as one's own"

# From the command line too (another process), in Thai.
cv idea "$s" --by p2 "รัฐบาลดิจิทัลเพื่อประชาชนทุกคน" >/dev/null
wait_for_text a "รัฐบาลดิจิทัลเพื่อประชาชนทุกคน"
wait_for_text wall "รัฐบาลดิจิทัลเพื่อประชาชนทุกคน"
wait_for_text b "★ รัฐบาลดิจิทัลเพื่อประชาชนทุกคน"
wait_for_text wall "2 ideas"

# Another's idea cannot be changed; one's own can (newest is first: Down).
send a e
wait_for_text a "only your own ideas"
send a Down e
wait_for_text a "Change your idea:"
send a End
send_text a " (모바일)"
send a Enter
wait_for_text b "디지털 정부 서비스를 한 곳에서 (모바일)"
journal_has "$s" idea_edit "(모바일)" || fail "no edit record"
send a w
wait_for_text a "(withdrawn) 디지털"
wait_for_gone b "디지털 정부"
wait_for_gone wall "디지털 정부"
send a w
wait_for_text b "디지털 정부"

# Rooms: each terminal follows its participant into their room's board.
cv rooms "$s" --make 2 >/dev/null
wait_for_text a "김민준 · Room 1"
wait_for_text b "สมชาย ประเสริฐ · Room 2"
wait_for_text a "0 ideas in Room 1"
send b i
send_text b "ห้องสอง"
send b Enter
wait_for_text b "★ ห้องสอง"
wait_for_text wall "ห้องสอง"
refute_screen a "ห้องสอง"

# A broadcast from the facilitator's console reaches both terminals.
start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con b
wait_for_text con "Message to everyone, for this item:"
send_text con "Five minutes left"
send con Enter
wait_for_text a "Message: Five minutes left"
wait_for_text b "Message: Five minutes left"
send con q y

# i writes an idea from any screen, as the hint line says: from the
# Questions screen it opens the Board and its prompt
send b 3
wait_for_text b "Questions for the speaker"
wait_for_gone b "Your idea:"
send b i
wait_for_text b "Your idea:"
send_text b "จากหน้าคำถาม"
send b Enter
wait_for_text b "idea added"
wait_for_text b "★ จากหน้าคำถาม"
journal_has "$s" idea "จากหน้าคำถาม" || fail "the idea from Questions is not in the journal"

send a q
[ "$(wait_exit a)" = 0 ] || fail "q did not quit"
send b q
[ "$(wait_exit b)" = 0 ] || fail "q did not quit"
send wall q
[ "$(wait_exit wall)" = 0 ] || fail "q did not quit the projector"
e2e_pass
