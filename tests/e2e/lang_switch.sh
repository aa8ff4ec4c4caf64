#!/bin/sh
# lang_switch: each person reads convene in their own language.  With two
# small catalogues (Thai and Korean, a few strings each: the real ones are
# the translators'), a kiosk offers the languages each named in its own
# script; the choice redraws at once, is recorded for the person who then
# picks themselves (a `lang` record) and opens their next terminal in it;
# N gives the next person the terminal's own language; L changes it on any
# participant screen; --lang wins over the record; country names follow
# the language (iso-codes).
. "$(dirname "$0")/lib.sh"
e2e_init
for t in xgettext msgfmt; do
	command -v $t >/dev/null 2>&1 || { echo "$t missing: skipped"; exit 77; }
done
py=/usr/bin/python3
[ -x $py ] || { echo "python3 missing: skipped"; exit 77; }

make -s pot POT="$E2E_DIR/convene.pot" >"$E2E_DIR/pot.log" 2>&1 ||
	fail "make pot: $(cat "$E2E_DIR/pot.log")"
WHO="Who are you? Type your name, then Enter."
HINT="i idea   Tab next screen   ? keys   q quit"
KHINT="i idea   Tab next screen   ? keys   N next person"
catalogue() {	# catalogue LANG MSGID=MSGSTR...
	_l=$1
	shift
	mkdir -p "$E2E_DIR/locale/$_l/LC_MESSAGES"
	$py tests/e2e/lang_catalogue.py "$E2E_DIR/convene.pot" "$_l" \
	    "$E2E_DIR/$_l.po" "$@" || fail "catalogue $_l"
	msgfmt -c -o "$E2E_DIR/locale/$_l/LC_MESSAGES/convene.mo" \
	    "$E2E_DIR/$_l.po" 2>/dev/null || fail "msgfmt -c refused $_l.po"
}
catalogue th "$WHO=คุณคือใคร พิมพ์ชื่อแล้วกด Enter" \
    "$HINT=i ความคิด   Tab หน้าถัดไป   ? ปุ่ม   q ออก" \
    "$KHINT=i ความคิด   Tab หน้าถัดไป   ? ปุ่ม   N คนถัดไป" \
    "Language / Language=ภาษา / Language"
catalogue ko "$WHO=누구세요? 이름을 입력하고 Enter." \
    "$HINT=i 아이디어   Tab 다음 화면   ? 키   q 종료" \
    "Quit the console?=콘솔을 닫을까요?" \
    "Tab next screen   ? keys   q quit=Tab 다음 화면   ? 키   q 닫기"

S=$E2E_DIR/s
new_session "$S"
p1=$(cv participant "$S" "Somchai Boonmee" --country TH)
p2=$(cv participant "$S" "Kim Minjun" --country KR)
E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale"

# A kiosk offers the languages first, each in its own script.
start_session k 80 24 "$CONVENE" join "$S" --kiosk
wait_for_text k "Language / Language"
assert_screen k "English"
assert_screen k "한국어"
assert_screen k "ไทย"
send k Down Down Enter		# English, 한국어, ไทย
wait_for_text k "คุณคือใคร"
# Thailand in Thai (iso-codes) beside Somchai's name.
wait_for_text k "ไทย"
send_text k "Somchai"
send k Enter
wait_for_text k "New PIN"
send k Enter			# none
wait_for_text k "ความคิด"
journal_has "$S" lang "$p1" || fail "no lang record for $p1"
grep -q '"lang","'"$p1"'","","","","th"' "$S/journal.csv" ||
	fail "the lang record: $(grep lang "$S/journal.csv")"
# N: the next person starts in the terminal's language, offered again.
send k N
wait_for_text k "Language / Language"
send k Escape
wait_for_text k "$WHO"
tm kill-session -t '=k:'

# Somchai's own terminal opens in Thai, from the record; L goes to
# English at once and records it.
start_session j 80 24 "$CONVENE" join "$S" --as "$p1"
wait_for_text j "ความคิด"
send j L
wait_for_text j "ภาษา / Language"
send j 1
wait_for_text j "$HINT"
refute_screen j "ความคิด"
[ "$(grep -c '"lang","'"$p1"'"' "$S/journal.csv")" = 2 ] ||
	fail "L did not record English"
send j q
wait_exit j >/dev/null

# --lang wins over the record.
start_session g 80 24 "$CONVENE" join "$S" --as "$p1" --lang ko
wait_for_text g "아이디어"
send g q
wait_exit g >/dev/null

# The console and the projector follow the environment, or --lang.
start_session c 80 24 "$CONVENE" run "$S" --lang ko
wait_for_text c "Digital Government"
send c q
wait_for_text c "콘솔을 닫을까요?"
send c y
wait_exit c >/dev/null
E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale LANGUAGE=ko"
start_session p 80 24 "$CONVENE" show "$S"
wait_for_text p "q 닫기"
send p q
wait_exit p >/dev/null
E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale"

# The record, for scripts too.
cv lang "$S" --by "$p2" ko
"$CONVENE" lang "$S" --by "$p2" "../../x" 2>"$E2E_DIR/err" &&
	fail "a path was taken for a language"
grep -q "not a language code" "$E2E_DIR/err" || fail "$(cat "$E2E_DIR/err")"
cv export "$S" --out "$E2E_DIR/x" --no-bom >/dev/null
tr -d '\r' <"$E2E_DIR/x/participants.csv" | grep -q "^$p2,.*,ko,Asia/Bangkok\$" ||
	fail "participants.csv: $(cat "$E2E_DIR/x/participants.csv")"
e2e_pass
