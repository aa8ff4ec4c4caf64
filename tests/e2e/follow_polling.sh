#!/bin/sh
# Terminals that poll the journal (they could have neither dnotify nor
# inotify) mark their presence file so; the console tells the facilitator
# when their number grows, its roll call shows it while it lasts, and
# convene status counts them.  A polling
# terminal is stood in for by a presence file that flock(1) holds, as a
# running terminal holds its own.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v flock >/dev/null 2>&1 || { echo "flock(1) (util-linux) is missing"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Tenzin Norbu" --country BT >/dev/null
cv timer "$s" start 30		# the console ticks every second

# stand_in N: a polling participant terminal, open until its flock ends
stand_in() {
	mkdir -p "$s/presence"
	printf 'participant p1 polling\n' >"$s/presence/$1"
	flock -x "$s/presence/$1" sh -c "while [ ! -e '$E2E_DIR/stop' ]; do sleep 0.1; done" &
	# held once status counts it
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	until "$CONVENE" status "$s" | grep -q "terminals_polling: $2\$"; do
		[ "$(date +%s)" -ge "$_deadline" ] && fail "stand-in $1 not counted"
		sleep 0.05
	done
}

[ "$("$CONVENE" status "$s" | sed -n 's/^counts.terminals_polling: //p')" = 0 ] ||
	fail "terminals_polling is not 0 with nobody polling"
stand_in 999901 1

start_session con 160 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
wait_for_text con "1 terminal polls the journal"
# The console itself is notified (dnotify or inotify): it is not counted.
"$CONVENE" status "$s" | grep -q "terminals_open: 2$" ||
	fail "the console and the stand-in should be open"
stand_in 999902 2
wait_for_text con "2 terminals poll the journal"
# The roll call says it too, until they are gone.
send con 7
wait_for_text con "2 terminals poll the journal: they see changes"
touch "$E2E_DIR/stop"
wait
wait_for_gone con "terminals poll the journal"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "the console did not quit cleanly"
e2e_pass
