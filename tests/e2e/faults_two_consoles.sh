#!/bin/sh
# Two facilitator consoles on one session at once (supported): actions from
# either land and show on both, while scripts add ideas at the same time;
# afterwards the journal reads clean (every record whole, its CRC right,
# seqs without a gap) and holds the records of both consoles.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Farida Haidari" --country AF >/dev/null

start_session a 100 30 "$CONVENE" run "$s"
start_session b 100 30 "$CONVENE" run "$s"
wait_for_text a "1 Agenda"
wait_for_text b "1 Agenda"

# Ideas arrive from scripts all along.
(
	i=0
	while [ $i -lt 20 ]; do
		i=$((i + 1))
		"$CONVENE" idea "$s" --by p1 "idea $i from a script" >/dev/null ||
			echo "idea $i failed" >>"$E2E_DIR/loop.err"
	done
) &
loop=$!

send a n
wait_for_text a "Now: Welcome, introductions"
wait_for_text b "Now: Welcome, introductions"
send b 3
# The agenda step started the item's timer, seen on both consoles.
wait_for_text b "Session timer · running"
send a 3
wait_for_text a "Session timer · running"
send a e
wait_for_text a "of 31:00"
wait_for_text b "of 31:00"
send b n
wait_for_text b "Make 'Digital technology in everyday life' current?"
send b n
wait_for_text a "09:30 Digital technology in everyday life"
wait_for_text b "09:30 Digital technology in everyday life"
send a t
wait_for_text b "Session timer · paused"

wait "$loop"
[ -e "$E2E_DIR/loop.err" ] && fail "$(cat "$E2E_DIR/loop.err")"
# The scripts' ideas belong to whichever item was current when each was
# written (how fast the loop ran decides which), so both boards show every
# thread.
send a 5
send b 5
wait_for_text a "projector:"
wait_for_text b "projector:"
send a T
send b T
wait_for_text a "idea 20 from a script"
wait_for_text b "idea 20 from a script"
send a q y
send b q y
[ "$(wait_exit a)" = 0 ] || fail "console a: exit status"
[ "$(wait_exit b)" = 0 ] || fail "console b: exit status"

python3 - "$s/journal.csv" <<'PY' || fail "the journal does not read clean"
import csv, sys, zlib
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
bad = []
for n, r in enumerate(rows[1:], 1):
    if len(r) != 12:
        bad.append('record %d: %d fields' % (n, len(r)))
        continue
    if int(r[0]) != n:
        bad.append('seq %s where %d was due' % (r[0], n))
    data = b''.join(v.encode() + b'\0' for v in r[:11])
    if format(zlib.crc32(data), '08x') != r[11]:
        bad.append('record %d: crc mismatch' % n)
consoles = {r[3] for r in rows[1:] if len(r) == 12 and r[4] in ('agenda', 'timer')}
ideas = sum(1 for r in rows[1:] if len(r) == 12 and r[4] == 'idea')
if len(consoles) != 2:
    bad.append('agenda and timer records from %d terminals, not 2' % len(consoles))
if ideas != 20:
    bad.append('%d ideas, not 20' % ideas)
for b in bad:
    print('FAIL:', b)
sys.exit(1 if bad else 0)
PY
e2e_pass
