#!/bin/sh
# A terminal killed mid-write: facilitator consoles that are writing as
# fast as keys come (agenda next and back, timer extends) are killed again
# and again, by SIGKILL and by a hang-up (the SSH link or the terminal
# window gone).  tests/e2e/cli_kill9.sh does the same to the scripting
# verbs.  Afterwards the journal reads clean (every record whole, its CRC
# right, seqs without a gap) and takes new records.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Mele Taufa" --country TO >/dev/null
cv agenda "$s" next >/dev/null

grown() { [ "$(wc -l <"$s/journal.csv")" -gt "$1" ]; }
round=0
while [ $round -lt 8 ]; do
	round=$((round + 1))
	start_session k$round 80 24 "$CONVENE" run "$s"
	wait_for_text k$round "1 Agenda"
	send k$round 3
	wait_for_text k$round "Session timer"
	# A burst of writing keys, then the kill lands while they are being
	# handled: once the first of them is in the journal (a kill before
	# the console has read the keys, as on a slow machine, kills nothing
	# mid-write), after 0 to 90 ms more.
	before=$(wc -l <"$s/journal.csv")
	send k$round n p n p e e E t t n p e
	wait_until "k$round wrote nothing" grown "$before"
	ms=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
	sleep "0.0$((ms % 10))"
	if [ $((round % 2)) -eq 0 ]; then
		pid=$(pane_pid k$round) || fail "no convene in k$round"
		kill -9 "$pid"
	else
		tm kill-session -t "=k$round:"	# SIGHUP to the pane
	fi
done

# The journal reads clean and takes a new record.
cv idea "$s" --by p1 "after the kills" >/dev/null
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
writes = sum(1 for r in rows[1:] if len(r) == 12 and r[4] in ('agenda', 'timer'))
if writes < 8:
    bad.append('only %d agenda and timer records: the consoles hardly wrote' % writes)
for b in bad:
    print('FAIL:', b)
print('%d records' % (len(rows) - 1))
sys.exit(1 if bad else 0)
PY
# A console opens it again as if nothing happened.
start_session after 80 24 "$CONVENE" run "$s"
wait_for_text after "1 Agenda"
send after q y
[ "$(wait_exit after)" = 0 ] || fail "exit status after the kills"
e2e_pass
