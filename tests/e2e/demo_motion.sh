#!/bin/sh
# `convene demo` opens on a workshop in motion: an item running with its
# timer and the day on time (never "behind its plan"), a voting round
# revealed, questions and a poll; its Agenda shows the session's directory
# and the commands that open a participant terminal and the projector, and
# the printed join command works.  With faketime, at two times of day (in
# working hours and at night in the module's zone), still on time.
. "$(dirname "$0")/lib.sh"
e2e_init
mkdir "$E2E_DIR/tmp"
E2E_ENV="TMPDIR=$E2E_DIR/tmp"

start_session con 80 24 "$CONVENE" demo
wait_for_text con "This is a demo session."
dir=$(ls -d "$E2E_DIR"/tmp/convene-demo-*/session) || fail "no demo session"
assert_screen con "  convene join $dir"
assert_screen con "  convene show $dir"
assert_screen con "On time."
refute_screen con "behind its plan"
# The status line: the current item at its planned time, the round
# revealed, the item's timer running.
wait_for_line con '│ [0-9][0-9]:[0-9][0-9] .* │ revealed │ +[0-9]+:[0-9][0-9] +│'
assert_screen con "▶ "
send con 6
wait_for_text con "Results, revealed:"
assert_screen con "Voted: 14 of 14"
send con 8
wait_for_line con "^3 questions · "
assert_screen con "▲ 5"
send con 9
wait_for_text con "What slows our services most?"
wait_for_text con "Answered: 10 of 14"

# The command as shown, in another terminal (a sample person's id).
send con 1
wait_for_text con "This is a demo session."
cmd=$(screen con | sed -n 's/^  \(convene join [^ ]*\).*/\1/p')
[ "$cmd" = "convene join $dir" ] || fail "the join command reads '$cmd'"
# shellcheck disable=SC2086 # the command as a person would type it
start_session part 80 24 "$CONVENE" ${cmd#convene } --as p1
# The revealed round comes forward, p1's (김민준's) idea starred; the
# Agenda tab shows what runs now.
wait_for_text part "Results (★ your ideas)"
assert_screen part "★ 민원 서류를"
now=$(screen con | sed -n 's/^Now: \(.*\) (since .*/\1/p')
[ -n "$now" ] || fail "no Now line on the console"
send part 6
wait_for_text part "Now: $(printf '%s' "$now" | cut -c1-20)"
send part q
[ "$(wait_exit part)" = 0 ] || fail "join did not exit 0"

send con q
wait_for_text con "(y/n)"
send con y
[ "$(wait_exit con)" = 0 ] || fail "demo did not exit 0"

# At a fixed time of day: 10:00 and 22:00 in Bangkok (the module's zone).
why=$(no_faketime)
if [ -n "$why" ]; then
	echo "$why: the fixed times are skipped"
	e2e_pass
fi
for t in "2030-01-07 03:00:00" "2030-01-07 15:00:00"; do
	rm -rf "$E2E_DIR/tmp"/*
	E2E_ENV="TMPDIR=$E2E_DIR/tmp TZ=UTC"
	start_session ft 80 24 faketime -f "@$t" "$CONVENE" demo
	wait_for_text ft "This is a demo session."
	assert_screen ft "On time."
	refute_screen ft "behind its plan"
	wait_for_line ft '│ revealed │ +[0-9]+:[0-9][0-9] +│'
	send ft q
	wait_for_text ft "(y/n)"
	send ft y
	[ "$(wait_exit ft)" = 0 ] || fail "demo at $t did not exit 0"
	tm kill-session -t '=ft:'
done
e2e_pass
