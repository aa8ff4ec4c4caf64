#!/bin/sh
# The journal deleted under one running facilitator console, and replaced
# by another file under a second one (on another session): each says so on
# its screen, keeps answering keys, refuses to write (never re-creating a
# deleted journal nor writing into a stranger's), and quits cleanly.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
r=$E2E_DIR/r
for d in "$s" "$r"; do
	new_session "$d"
	cv participant "$d" "Tenzin Norbu" --country BT >/dev/null
	cv idea "$d" --by p1 "Druk digital ID for every service" >/dev/null
done

start_session gone 160 30 "$CONVENE" run "$s"
start_session repl 160 30 "$CONVENE" run "$r"
wait_for_text gone "1 Agenda"
wait_for_text repl "1 Agenda"

# Deleted (moved away).
mv "$s/journal.csv" "$E2E_DIR/journal.away"
wait_for_text gone "was deleted or moved away"

# Replaced: a copy of the same journal renamed over it (a restore from a
# backup, an editor saving): the file is another one, so the console must
# not mix the two.
cp "$r/journal.csv" "$r/journal.tmp"
mv "$r/journal.tmp" "$r/journal.csv"
wait_for_text repl "replaced by another file"
cp "$r/journal.csv" "$E2E_DIR/replaced.csv"

# Both still answer keys (the status line keeps saying what happened to
# the journal); a write is refused.
for n in gone repl; do
	send $n t
	wait_for_text $n "Minutes for the timer"
	send_text $n 5
	send $n Enter
	wait_for_line $n "cannot .*journal|journal .*(replaced|deleted)"
	send $n 5
	wait_for_text $n "Druk digital ID"
done
[ -e "$s/journal.csv" ] && fail "a write re-created the deleted journal"
cmp -s "$r/journal.csv" "$E2E_DIR/replaced.csv" ||
	fail "the console wrote into the replacing journal"

# Both quit cleanly (no crash: a status below 128).
for n in gone repl; do
	send $n q y
	rc=$(wait_exit $n)
	[ "$rc" -lt 128 ] || fail "the console $n died with status $rc"
done
e2e_pass
