#!/bin/sh
# A checkpoint on a shared host (convene-journal(5), CHECKPOINTS): a
# participant's terminal (another user, not in the group, through the
# setgid convene) replays a session of 25,000 records and leaves
# journal.checkpoint beside the journal, of the session's group and closed
# to others; the participant cannot read it themselves; a second
# participant's terminal starts from it; the facilitator's export (which
# keeps every text, so writes a checkpoint of its own) exports what a full
# replay exports.  Root only (useradd), else skipped.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
host_require python3

tag=$$
G=cvg$tag FAC=cvf$tag P1=cvp$tag P2=cvq$tag
T=$E2E_DIR/host
host_begin "$T" "$G" "$FAC" "$P1" "$P2"

as() { host_as "$@"; }

as $FAC "$C" new "$S" --module "$T/module" >/dev/null ||
	fail "the facilitator cannot make a session"
as $FAC "$C" participant "$S" "Siosaia Fifita" --country TO >/dev/null ||
	fail "cannot register p1"
as $FAC "$C" participant "$S" "Malalai Zazai" --country AF >/dev/null ||
	fail "cannot register p2"
python3 - "$S/journal.csv" <<'PY' || fail "cannot write the records"
import csv, sys, time, zlib
path = sys.argv[1]
seq = int(list(csv.reader(open(path, newline='', encoding='utf-8')))[-1][0])
stamp = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime()) + '.000Z'
out = []
for k in range(1, 25001):
    seq += 1
    v = [str(seq), stamp, 'p1', 'e2e:1', 'idea', 'i%d' % k, 'p%d' % (k % 2 + 1),
         '', '', 'idea %d' % k, 'ideate']
    b = [x.encode() for x in v]
    crc = zlib.crc32(b''.join(x + b'\0' for x in b)) & 0xffffffff
    out.append(b','.join(b'"' + x + b'"' for x in b + [b'%08x' % crc]) +
               b'\r\n')
open(path, 'ab').write(b''.join(out))
PY

start_session p1 100 30 runuser -u $P1 -- "$C" join "$S" --as p1
wait_for_text p1 "q quit" $((E2E_TIMEOUT * 2))
deadline=$(($(date +%s) + E2E_TIMEOUT * 2))
until [ -s "$S/journal.checkpoint" ]; do
	[ "$(date +%s)" -lt "$deadline" ] ||
		fail "the participant's terminal wrote no checkpoint"
	sleep 0.2
done
send p1 q
mode=$(stat -c '%U %G %a' "$S/journal.checkpoint")
case $mode in
"$P1 $G 640" | "$P1 $G 660") ;;
*) fail "journal.checkpoint is $mode" ;;
esac
as $P1 cat "$S/journal.checkpoint" >/dev/null 2>&1 &&
	fail "a participant read the checkpoint"

# The second participant's terminal from it; the facilitator's export.
start_session p2 100 30 runuser -u $P2 -- "$C" join "$S" --as p2
wait_for_text p2 "q quit" $((E2E_TIMEOUT * 2))
send p2 q
as $FAC "$C" export "$S" --out "$T/home/from" >/dev/null ||
	fail "the facilitator's export failed"
as $FAC env CONVENE_NO_CHECKPOINT=1 "$C" export "$S" --out "$T/home/all" \
    >/dev/null || fail "the export without the checkpoint failed"
for t in participants.csv ideas.csv votes.csv results.csv; do
	cmp -s "$T/home/from/$t" "$T/home/all/$t" || fail "$t differs"
done
grep -q 'idea 25000' "$T/home/from/ideas.csv" || fail "ideas missing"
e2e_pass
