#!/bin/sh
# A dropped connection keeps the draft: typed text is on disk at once, a
# kill -9 of the terminal loses none of it, the next join offers it again;
# Esc keeps it too, and SIGHUP (a closed SSH session) flushes it.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "สมชาย ประเสริฐ" --country TH >/dev/null

draft_is() {
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	until [ "$(cat "$s/drafts/p1.txt" 2>/dev/null)" = "$1" ]; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			echo "draft: $(cat "$s/drafts/p1.txt" 2>/dev/null)"
			fail "the draft is not '$1'"
		fi
		sleep 0.05
	done
}

start_session a 80 24 "$CONVENE" join "$s" --as p1
wait_for_text a "No ideas yet"
send a i
send_text a "บริการภาครัฐแบบครบวงจร"
draft_is "บริการภาครัฐแบบครบวงจร"
pid=$(pane_pid a) || fail "no convene in a"
kill -9 "$pid"
wait_exit a >/dev/null
ls -a "$s/drafts" | grep -q '^\.p1' && fail "a temporary file was left"

# The next join offers it; Esc keeps it again.
start_session b 80 24 "$CONVENE" join "$s" --as p1
wait_for_text b "your unsent idea was kept"
send b i
wait_for_text b "Your idea: บริการภาครัฐแบบครบวงจร"
send_text b " 24"
send b Escape
wait_for_text b "kept as a draft"
draft_is "บริการภาครัฐแบบครบวงจร 24"
refute_screen b "1 idea in"

# SIGHUP while typing: what was typed is on disk.
send b i
send_text b " ชั่วโมง"
wait_for_text b "24 ชั่วโมง"
pid=$(pane_pid b) || fail "no convene in b"
kill -HUP "$pid"
wait_exit b >/dev/null
draft_is "บริการภาครัฐแบบครบวงจร 24 ชั่วโมง"

# Sent: the draft is gone.
start_session c 80 24 "$CONVENE" join "$s" --as p1
wait_for_text c "your unsent idea was kept"
send c i Enter
wait_for_text c "★ บริการภาครัฐแบบครบวงจร 24 ชั่วโมง"
[ -e "$s/drafts/p1.txt" ] && fail "the sent draft is still there"
send c q
[ "$(wait_exit c)" = 0 ] || fail "exit status"
e2e_pass
