#!/bin/sh
# join_notice: the join screen says what is recorded and who sees it
# (issue 17): convene's own notice by default, whole at 80x24 with the
# names above it; session.ini's `privacy` in its place when set; one row
# cut with "…" on a tiny terminal, the names still there; none of it
# hides the list at any size in between.
# Skips (77) without tmux.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" 'Ana Cruz' --country PH >/dev/null
cv participant "$s" '김민준' --country KR >/dev/null

start_session a 80 24 "$CONVENE" join "$s"
wait_for_text a "Who are you?"
wait_for_text a "What is recorded: your name"
wait_for_text a "can be purged after it)."
assert_screen a "Ana Cruz"
assert_screen a "김민준"

# Tiny: one row of it, the names first.
resize a 30 10
wait_for_text a "What is recorded"
wait_for_text a "…"
assert_screen a "Ana Cruz"
refute_screen a "purged"
resize a 50 14
wait_for_text a "Ana Cruz"
send a q
[ "$(wait_exit a)" = 0 ] || fail "join did not quit"

# The session's own notice.
printf 'privacy = "Only the organizers of the Academy see your name; it is deleted in March."\n' >>"$s/session.ini"
start_session b 80 24 "$CONVENE" join "$s"
wait_for_text b "Only the organizers of the Academy see your name"
refute_screen b "What is recorded"
send b q
[ "$(wait_exit b)" = 0 ] || fail "join did not quit"
echo "join notice: ok"
