#!/bin/sh
# Every way out restores the terminal: q, SIGTERM, SIGHUP and a crash
# (SIGSEGV) leave the terminal in the mode it was in before (stty), out of
# the full-screen mode, with the exit status of the signal.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"

# run_console NAME: the console between two snapshots of the tty modes.
run_console() {
	start_session "$1" 80 24 sh -c 'stty -g >"$0.before"; "$1" run "$2";
	    st=$?; stty -g >"$0.after"; exit $st' "$E2E_DIR/$1" "$CONVENE" "$s"
	wait_for_text "$1" "1 Agenda"
}

check_restored() {
	cmp -s "$E2E_DIR/$1.before" "$E2E_DIR/$1.after" ||
	    fail "$1: the terminal's modes were not restored"
	wait_for_gone "$1" "1 Agenda"
}

run_console quit
send quit q y
[ "$(wait_exit quit)" = 0 ] || fail "q: exit status"
check_restored quit

for sig in TERM:143 HUP:129 SEGV:139; do
	run_console "c${sig%%:*}"
	pid=$(pane_pid "c${sig%%:*}") || fail "no convene in c${sig%%:*}"
	kill -"${sig%%:*}" "$pid"
	st=$(wait_exit "c${sig%%:*}")
	[ "$st" = "${sig#*:}" ] ||
	    fail "SIG${sig%%:*}: exit status $st, expected ${sig#*:}"
	check_restored "c${sig%%:*}"
done

# A monochrome terminal (vt100: no colours) works too.
E2E_ENV="TERM=vt100" start_session mono 80 24 "$CONVENE" run "$s"
wait_for_text mono "1 Agenda"
send mono n
wait_for_text mono "Now: Welcome"
send mono q y
[ "$(wait_exit mono)" = 0 ] || fail "vt100: exit status"
e2e_pass
