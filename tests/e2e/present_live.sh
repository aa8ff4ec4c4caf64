#!/bin/sh
# Presenting a page: the console presents (P), the projector and two
# participant terminals of different sizes show the page at the
# presenter's place, never the facilitator's notes; a scroll and a page
# turn follow; a participant reads
# on their own and follows again with f; a participant joining while
# presenting opens at the presented place; an agenda step presents the new
# item (a page in Thai, Korean and Lao) from its top, wrapped as the
# console wraps it; presenting stops and the projector shows the wall.
. "$(dirname "$0")/lib.sh"
e2e_init
mod=$E2E_DIR/mod
s=$E2E_DIR/s
cp -R "$E2E_ROOT/content" "$mod"
cat >"$mod/pages/d1-opening.md" <<'PAGE'
# ภาษาของเรา

รัฐบาลดิจิทัลเพื่อประชาชนทุกคนในภูมิภาคเอเชียและแปซิฟิก บริการที่ดีต้องใช้งานได้บนโทรศัพท์ราคาถูกและอินเทอร์เน็ตที่ช้า

## 디지털 정부

디지털 정부 서비스는 모든 사람을 위한 것입니다. 느린 인터넷에서도 잘 작동하는 서비스는 모두에게 좋습니다.

## ລັດຖະບານດິຈິຕອນ

ລັດຖະບານດິຈິຕອນແລະການບໍລິການສາທາລະນະສໍາລັບທຸກຄົນໃນພາກພື້ນ
PAGE
"$CONVENE" new "$s" --module "$mod" >/dev/null || fail "convene new failed"
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null
cv participant "$s" "Ana Reyes" --country PH >/dev/null
cv agenda "$s" goto d1-everyday

# row N of a screen (1-based), and the page's first row on each kind
row() { screen "$1" | sed -n "${2}p"; }
same_top() {	# console and an 80-column participant: the same layout
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	until [ "$(row con 4)" = "$(row "$1" 4)" ]; do
		[ "$(date +%s)" -lt "$_deadline" ] || {
			screen con; screen "$1"
			fail "$1's top row is not the console's"; }
		sleep 0.05
	done
}
# The console's top row is no longer $1: its keys have been acted on.  The
# console draws a move before it writes its record (after the burst), and
# a participant follows only the record: so once the console has moved,
# same_top means the record is in the journal too (same_top alone would
# pass at once, before the keys, with both still at the old place).
con_top_not() { [ "$(row con 4)" != "$1" ]; }
moved_from() {
	wait_until "the console's page did not move from '$1'" con_top_not "$1"
}

start_session con 80 24 "$CONVENE" run "$s"
start_session wall 100 30 "$CONVENE" show "$s"
start_session a 80 24 "$CONVENE" join "$s" --as p1
start_session b 40 14 "$CONVENE" join "$s" --as p2
wait_for_text con "1 Agenda"
wait_for_text a "7 Page"
wait_for_text b "สมชาย"
send con 2
# the page's own text: the Agenda shows the item's title too
wait_for_text con "Before we talk about government"
send con P
wait_for_text con "PRESENTING"
journal_has "$s" present d1-everyday || fail "no present record"
wait_for_text wall "Before we talk about government"
wait_for_text a "Page · following"
wait_for_text b "following"
wait_for_text a "Before we talk about government"
same_top a

# a page turn and a scroll follow
top=$(row con 4)
send con Space
moved_from "$top"
same_top a
wait_for_gone b "Before we talk"
wait_for_gone wall "Before we talk"
turned=$(row con 4)
send con j
moved_from "$turned"
same_top a
# one record a burst of keys, not one a key
n=$(journal_count "$s" present)
top=$(row con 4)
send con j j j
moved_from "$top"
same_top a
[ "$(journal_count "$s" present)" -eq $((n + 1)) ] ||
	fail "three keys in a burst wrote $(($(journal_count "$s" present) - n)) records"

# a participant reads on their own, and follows again with f
send a k
wait_for_text a "reading on your own; f follows again"
own=$(row a 4)
n=$(journal_count "$s" present)
send con j
# The move is in the journal; a message written after it, once a shows
# it, proves that a has read the move too (a reads the journal in order).
_deadline=$(($(date +%s) + E2E_TIMEOUT))
until [ "$(journal_count "$s" present)" -gt "$n" ]; do
	[ "$(date +%s)" -lt "$_deadline" ] || fail "the console wrote no move"
	sleep 0.05
done
cv message "$s" --until-recalled "Sentinel after the move" >/dev/null
wait_for_text a "Sentinel after the move"
[ "$(row a 4)" = "$own" ] || fail "a moved while reading on their own"
cv message "$s" --recall >/dev/null
send a f
wait_for_text a "Page · following"
same_top a

# joining while presenting opens at the presented place
start_session c 80 24 "$CONVENE" join "$s" --as p3
wait_for_text c "Page · following"
same_top c

# the facilitator's notes stay on the console: at the page's end the
# console shows them; the audience follows to the row above them
send con G
wait_for_text con "warm the room up"
for t in a c wall; do
	wait_for_text $t "Why?"
	screen $t | grep -qiE "facilitator notes|warm the room" &&
		{ screen $t; fail "$t shows the facilitator's notes"; }
done

# an agenda step: the new item's page from its top, on every screen
cv agenda "$s" goto d1-opening
wait_for_text wall "ภาษาของเรา"
wait_for_text a "ภาษาของเรา"
wait_for_text b "ภาษาของเรา"
wait_for_text con "ภาษาของเรา"
same_top a
wait_still con
wait_still a
screen con | sed -n '4,12p' >"$E2E_DIR/con.txt"
screen a | sed -n '4,12p' >"$E2E_DIR/a.txt"
cmp -s "$E2E_DIR/con.txt" "$E2E_DIR/a.txt" ||
	fail "the Thai, Korean and Lao page wraps otherwise than on the console"
# at 40 columns: lines break between words, never inside one (waited for:
# b draws the heading first, and a word broken never shows whole)
for w in รัฐบาล ดิจิทัล ประชาชน 서비스는 인터넷에서도; do
	wait_for_text b "$w"
done
send b Space
wait_for_text b "reading on your own"
for w in ລັດຖະບານ ດິຈິຕອນ ການບໍລິການ; do
	wait_for_text b "$w"
done
send b f
wait_for_text b "ภาษาของเรา"
# Korean keeps its words whole (keep-all): no line of b ends inside one
wait_for_text b "디지털 정부"

# presenting stops: the wall again; participants keep their Page
send con P
wait_for_text con "presenting stopped"
wait_for_text wall "1 Wall"
wait_for_gone wall "ภาษาของเรา"
wait_for_text wall "The ideas appear here"
wait_for_gone a "following"

send con q
send con y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
