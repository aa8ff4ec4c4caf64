#!/bin/sh
# checkpoint: a session of 25,000 records.  An export replays it all and
# leaves journal.checkpoint; later processes start from it and replay only
# the tail, and export exactly what a full replay exports; a participant
# terminal started from it draws its board; a damaged or truncated
# checkpoint is ignored (same exports); a terminal that replayed the whole
# journal writes a new checkpoint after its first frame (man
# convene-journal(5), CHECKPOINTS).
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
e2e_init

s=$E2E_DIR/s
new_session "$s" --start "$(module_today)"
cv participant "$s" "Kim Minjun" --country KR >/dev/null

# 25,000 ideas written as convene writes them (every field quoted, the
# crc32 of the 11 values each followed by a NUL, CR LF).
python3 - "$s/journal.csv" <<'PY' || fail "cannot write the records"
import csv, sys, time, zlib
path = sys.argv[1]
seq = int(list(csv.reader(open(path, newline='', encoding='utf-8')))[-1][0])
t = time.time()
out = []
for k in range(1, 25001):
    seq += 1
    stamp = time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t)) + '.000Z'
    v = [str(seq), stamp, 'p1', 'e2e:1', 'idea', 'i%d' % k, 'p1', '', '',
         'idea number %d: ข้อเสนอ 제안' % k, 'ideate']
    b = [x.encode() for x in v]
    crc = zlib.crc32(b''.join(x + b'\0' for x in b)) & 0xffffffff
    out.append(b','.join(b'"' + x + b'"' for x in b + [b'%08x' % crc]) +
               b'\r\n')
open(path, 'ab').write(b''.join(out))
PY

tables="participants.csv ideas.csv votes.csv results.csv questions.csv polls.csv"
# same_exports DIR1 DIR2: the tables that do not depend on the clock
same_exports() {
	for t in $tables; do
		cmp -s "$1/$t" "$2/$t" || fail "$t differs between $1 and $2"
	done
}

"$CONVENE" export "$s" --out "$E2E_DIR/full" >/dev/null ||
	fail "the first export failed"
[ -s "$s/journal.checkpoint" ] || fail "export wrote no checkpoint"
cv idea "$s" --by p1 "after the checkpoint" >/dev/null
"$CONVENE" export "$s" --out "$E2E_DIR/from" >/dev/null ||
	fail "the export from the checkpoint failed"
CONVENE_NO_CHECKPOINT=1 "$CONVENE" export "$s" --out "$E2E_DIR/all" \
    >/dev/null || fail "the export without the checkpoint failed"
same_exports "$E2E_DIR/from" "$E2E_DIR/all"
grep -q "after the checkpoint" "$E2E_DIR/from/ideas.csv" ||
	fail "the record after the checkpoint is missing"

# A participant terminal from the checkpoint: its board shows the tail.
start_session p 100 30 "$CONVENE" join "$s" --as p1
wait_for_text p "q quit" $((E2E_TIMEOUT * 2))
send p q
wait_exit p

# A damaged checkpoint, then a truncated one: ignored, same exports.
printf 'XXXXXXXX' | dd of="$s/journal.checkpoint" bs=1 seek=5000 \
    conv=notrunc 2>/dev/null
"$CONVENE" export "$s" --out "$E2E_DIR/damaged" >/dev/null ||
	fail "the export with a damaged checkpoint failed"
same_exports "$E2E_DIR/damaged" "$E2E_DIR/all"
size=$(wc -c <"$s/journal.checkpoint")
truncate -s $((size / 2)) "$s/journal.checkpoint"
"$CONVENE" export "$s" --out "$E2E_DIR/truncated" >/dev/null ||
	fail "the export with a truncated checkpoint failed"
same_exports "$E2E_DIR/truncated" "$E2E_DIR/all"

# No checkpoint: the terminal replays it all, draws, then its child
# writes one.
rm -f "$s/journal.checkpoint"
start_session q 100 30 "$CONVENE" join "$s" --as p1
wait_for_text q "q quit" $((E2E_TIMEOUT * 2))
deadline=$(($(date +%s) + E2E_TIMEOUT * 2))
until [ -s "$s/journal.checkpoint" ]; do
	[ "$(date +%s)" -lt "$deadline" ] ||
		fail "the terminal wrote no checkpoint after its first frame"
	sleep 0.2
done
send q q
wait_exit q
ls "$s" | grep -q 'checkpoint.*tmp' && fail "a temporary file was left"
"$CONVENE" export "$s" --out "$E2E_DIR/again" >/dev/null ||
	fail "the export from the terminal's checkpoint failed"
same_exports "$E2E_DIR/again" "$E2E_DIR/all"
e2e_pass
