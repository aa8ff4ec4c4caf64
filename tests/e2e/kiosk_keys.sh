#!/bin/sh
# A shared terminal (join --kiosk): Ctrl-C, Ctrl-Z and Ctrl-\ do nothing;
# q asks the facilitator's passphrase; a PIN is offered on the first join
# and asked after; N hands the terminal to the next person; a newcomer
# registers on the join screen.
. "$(dirname "$0")/lib.sh"
e2e_init
CONVENE_PASSPHRASE=sesame
export CONVENE_PASSPHRASE
s=$E2E_DIR/s
printf 'sesame\n' | new_session "$s" --passphrase
cv participant "$s" "김민준" --country KR >/dev/null
cv participant "$s" "Maria Santos" --country PH >/dev/null

E2E_ENV="CONVENE_PASSPHRASE="
start_session k 80 24 "$CONVENE" join "$s" --kiosk
wait_for_text k "Who are you?"
pid=$(pane_pid k) || fail "no convene process"

# typeahead_sentinel: a letter typed and erased on the join screen; once
# its match count shows, every key and signal before it has been handled.
typeahead_sentinel() {
	send_text k "M"
	wait_for_text k "1 of 2 names match"
	send k BSpace
	wait_for_text k "2 registered"
}

# The keys that would signal a cooked tty do nothing at all.
send k C-c C-z 'C-\'
typeahead_sentinel
kill -0 "$pid" 2>/dev/null || fail "a key stopped the kiosk"
[ -s "$E2E_DIR/k.status" ] && fail "the kiosk exited"
assert_screen k "Who are you?"
grep -q "T" "/proc/$pid/stat" 2>/dev/null &&
    awk '{ exit $3 != "T" }' "/proc/$pid/stat" && fail "the kiosk was stopped"
# And so do the signals themselves.
kill -INT "$pid"; kill -QUIT "$pid"; kill -TSTP "$pid"
typeahead_sentinel
kill -0 "$pid" 2>/dev/null || fail "a signal stopped the kiosk"
awk '{ exit $3 == "T" }' "/proc/$pid/stat" || fail "SIGTSTP stopped it"

# Type-ahead in Hangul; one match is who is typing; a PIN on first join.
send_text k "김"
wait_for_text k "1 of 2 names match"
send k Enter
wait_for_text k "New PIN (Enter: none):"
send_text k "1234"
wait_for_text k "New PIN (Enter: none): ****"
refute_screen k "1234"
send k Enter
wait_for_text k "김민준 · plenary"
journal_has "$s" pin || fail "no PIN record"
send k i
send_text k "Kiosk idea from 김민준"
send k Enter
wait_for_text k "★ Kiosk idea from 김민준"

# N: the next person; the PIN guards 김민준.
send k N
wait_for_text k "Who are you?"
send_text k "김"
wait_for_text k "1 of 2 names match"
send k Enter
wait_for_text k "PIN for 김민준:"
send_text k "9999"
send k Enter
wait_for_text k "that PIN is not right"
wait_for_text k "Who are you?"
send k Enter
wait_for_text k "PIN for 김민준:"
send_text k "1234"
send k Enter
wait_for_text k "★ Kiosk idea from 김민준"
send k N
wait_for_text k "Who are you?"

# A newcomer registers: name, country by part of its name, organisation.
send k Home Enter
wait_for_text k "Your name:"
send_text k "Nguyễn Văn An"
send k Enter
wait_for_text k "Your country (code or name):"
# The best match comes first: the exact code, then names that begin so.
send_text k "la"
wait_for_line k "^ *LA  Lao"
# (polled: the list may be drawn for "l" before it is for "la")
lao_first() {
	screen k | grep -A1 "Nguyễn Văn An" | tail -n 1 | grep -q "LA  Lao"
}
wait_until "Lao first of the countries listed for 'la'" lao_first
send k BSpace BSpace
send_text k "viet"
wait_for_text k "VN  Vietnam"
send k Enter
wait_for_text k "Your organisation (Enter: none):"
send_text k "Ministry of Information"
send k Enter
wait_for_text k "New PIN (Enter: none):"
send k Enter
wait_for_text k "Nguyễn Văn An · plenary"
journal_has "$s" participant "Nguyễn Văn An" || fail "not registered"
journal_has "$s" participant "VN" || fail "country not recorded"

# q: only with the facilitator's passphrase.
send k C-c
sentinel k
assert_screen k "Nguyễn Văn An · plenary"
send k q
wait_for_text k "Facilitator's passphrase"
send_text k "guess"
refute_screen k "guess"
send k Enter
wait_for_text k "not the facilitator's passphrase"
[ -s "$E2E_DIR/k.status" ] && fail "the kiosk quit without the passphrase"
send k q
wait_for_text k "Facilitator's passphrase"
send_text k "sesame"
send k Enter
[ "$(wait_exit k)" = 0 ] || fail "exit status"
e2e_pass
