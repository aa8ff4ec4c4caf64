#!/bin/sh
# The facilitator console as a new user meets it: `convene run` on a
# session with a passphrase asks for it (without echo), refuses a wrong one
# with exit 1 and "convene: ...", and opens on the right one (a scripting
# verb asks at a terminal the same way); ideas in
# Korean and Thai line up column-exact on the board at 80x24; at 30x10 it
# says "terminal too small" and comes back whole at 80x24; in the C locale
# it falls back to C.UTF-8 and still draws Hangul.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }

S=$E2E_DIR/s
printf 'secret words\n' | "$CONVENE" new "$S" --module "$E2E_ROOT/content" \
    --passphrase >/dev/null || fail "convene new"
cv participant "$S" '김민준' --country KR >/dev/null
cv participant "$S" 'สมชาย ใจดี' --country TH >/dev/null
cv idea "$S" --by p1 '민원 서류를 한 번만 제출하는 원스톱 포털 서비스를 만들고 모든 부처가 같은 데이터를 씁니다' >/dev/null
cv idea "$S" --by p2 'แจ้งเตือนการต่ออายุใบขับขี่ทางSMSและรัฐบาลดิจิทัลเพื่อประชาชนทุกคนในประเทศไทย' >/dev/null
cv idea "$S" --by p1 'Short one' >/dev/null
size=$(wc -c <"$S/journal.csv")

# A wrong passphrase: refused, exit 1, nothing written.
start_session bad 80 24 "$CONVENE" run "$S"
wait_for_text bad "passphrase"
send_text bad 'wrong words'
refute_screen bad 'wrong words'
send bad Enter
st=$(wait_exit bad)
[ "$st" = 1 ] || fail "a wrong passphrase exited $st, not 1"
assert_screen bad "convene: wrong facilitator passphrase"
[ "$(wc -c <"$S/journal.csv")" = "$size" ] || fail "a refused run wrote to the journal"

# The right one opens the console; the board shows both scripts.
start_session c 80 24 "$CONVENE" run "$S"
wait_for_text c "passphrase"
send_text c 'secret words'
refute_screen c 'secret words'
send c Enter
wait_for_text c "Digital Government and Transformation"
wait_for_text c "of 2 here"
send c 5
wait_for_text c "3 ideas"
screen c >"$E2E_DIR/board.txt"

# Every idea row's room column starts at the same display column: wide
# Hangul counts two, Thai vowel and tone marks none (as wcwidth says).
python3 - "$E2E_DIR/board.txt" <<'PY' || fail "the board's columns do not line up"
import sys, unicodedata
def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ('Mn', 'Me', 'Cf'):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ('W', 'F') else 1
    return w
rows = [l for l in open(sys.argv[1], encoding='utf-8') if ' plenary  ' in l]
if len(rows) != 3:
    sys.exit('expected 3 idea rows, got %d: %r' % (len(rows), rows))
cols = {width(l[:l.index(' plenary  ')]) for l in rows}
if len(cols) != 1:
    sys.exit('room column at display columns %s: %r' % (sorted(cols), rows))
if any(width(l.rstrip('\n')) > 80 for l in rows):
    sys.exit('a row is wider than 80 columns')
PY
grep -q '민원 서류를' "$E2E_DIR/board.txt" || fail "Korean idea not shown"
grep -q 'แจ้งเตือน' "$E2E_DIR/board.txt" || fail "Thai idea not shown"

# Tiny, then back.
resize c 30 10
wait_for_text c "terminal too small"
resize c 80 24
wait_for_text c "3 ideas"
assert_screen c "민원 서류를"
send c q
wait_for_text c "(y/n)"
send c y
st=$(wait_exit c)
[ "$st" = 0 ] || fail "the console exited $st"

# A facilitator's scripting verb asks the passphrase at a terminal too.
E2E_ENV="-u CONVENE_PASSPHRASE"
start_session v 80 24 "$CONVENE" agenda "$S" next
wait_for_text v "passphrase"
send_text v 'secret words'
send v Enter
st=$(wait_exit v)
[ "$st" = 0 ] || fail "agenda next with the passphrase typed exited $st"
journal_has "$S" agenda || fail "agenda next wrote no record"
n=$(journal_count "$S" agenda)
start_session w 80 24 "$CONVENE" agenda "$S" next
wait_for_text w "passphrase"
send_text w 'not it'
send w Enter
st=$(wait_exit w)
[ "$st" = 1 ] || fail "agenda next with a wrong passphrase exited $st"
[ "$(journal_count "$S" agenda)" = "$n" ] || fail "a refused verb wrote a record"

# In the C locale convene falls back to C.UTF-8: Hangul still draws.
E2E_ENV="LC_ALL=C LANG=C"
start_session l 80 24 "$CONVENE" run "$S"
wait_for_text l "passphrase"
send_text l 'secret words'
send l Enter
wait_for_text l "of 2 here"
send l 5
wait_for_text l "민원 서류를"
send l q
wait_for_text l "(y/n)"
send l y
st=$(wait_exit l)
[ "$st" = 0 ] || fail "the console in the C locale exited $st"
e2e_pass
