#!/bin/sh
# kill -9 at random moments: a writer loop adds ideas while this script
# kills its convene processes again and again.  Afterwards the journal
# must read clean (every record whole, CRC right, seqs without a gap),
# every acknowledged id must be there exactly once, and the journal must
# take new records, even after a torn tail like a crash leaves.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing"; exit 77; }
bin=$(pwd)/convene
[ -x "$bin" ] || { echo "no ./convene: run make first"; exit 3; }
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
tmp=$(mktemp -d "${TMPDIR:-/tmp}/convene-kill9.XXXXXX") || exit 3
loop=
cleanup() {
	touch "$tmp/stop"
	[ -n "$loop" ] && wait "$loop" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
S=$tmp/s
"$bin" new "$S" --module content >/dev/null || exit 3
"$bin" participant "$S" 'Writer' --country FJ >/dev/null || exit 3
pad=$(python3 -c 'print("ລັດຖະບານດິຈິຕອນ " * 60)')

# The writer runs each convene in the background and notes its pid, so
# the killer can hit it at any moment of its life.
(
	i=0
	while [ ! -e "$tmp/stop" ]; do
		i=$((i + 1))
		"$bin" idea "$S" --by p1 "idea $i: $pad" >"$tmp/out" &
		echo $! >"$tmp/current"
		if wait $!; then
			cat "$tmp/out" >>"$tmp/acked"
		fi
	done
) 2>"$tmp/loop.err" &
loop=$!

kills=0 round=0
while [ $round -lt 60 ]; do
	round=$((round + 1))
	ms=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')
	sleep "0.$(printf '%03d' $((ms % 200 + 5)))"
	v=$(cat "$tmp/current" 2>/dev/null)
	[ -n "$v" ] && kill -9 "$v" 2>/dev/null && kills=$((kills + 1))
done
# The kills come 5 to 205 ms apart: where one idea takes longer (a loaded
# machine, a sanitizer build) few get through them.  Unkilled now, the
# writer goes on until it has 5 acknowledged, as the check below wants.
acked_now() { [ "$(cat "$tmp/acked" 2>/dev/null | wc -l)" -ge 5 ]; }
deadline=$(($(date +%s) + ${E2E_TIMEOUT:-30}))
until acked_now; do
	[ "$(date +%s)" -lt "$deadline" ] ||
		{ echo "FAIL: the writer acknowledged nothing after the kills"; exit 1; }
	sleep 0.05
done
touch "$tmp/stop"
wait "$loop"
loop=

# A crashed writer's torn tail: the next writer repairs it.
printf '"999999","2026-11-26T09:00:00.000Z","p1","pts/9:1","idea","i999999","p1","","","torn' >>"$S/journal.csv"
last=$("$bin" idea "$S" --by p1 'after the crash') || { echo "FAIL: the journal takes no record after the kills"; exit 1; }
echo "$last" >>"$tmp/acked"
touch "$tmp/acked"

python3 - "$S/journal.csv" "$tmp/acked" "$kills" <<'PY'
import collections, csv, sys, zlib
journal, acked_file, kills = sys.argv[1], sys.argv[2], sys.argv[3]
with open(journal, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
fail = []
recs = rows[1:]
for n, r in enumerate(recs, 1):
    if len(r) != 12:
        fail.append('record %d has %d fields' % (n, len(r))); continue
    if int(r[0]) != n:
        fail.append('seq %s where %d was due' % (r[0], n))
    data = b''.join(v.encode() + b'\0' for v in r[:11])
    if format(zlib.crc32(data), '08x') != r[11]:
        fail.append('record %d: crc mismatch' % n)
    if r[5] == 'i999999':
        fail.append('the torn tail is still there')
acked = [l.strip() for l in open(acked_file) if l.strip()]
written = collections.Counter(r[5] for r in recs if len(r) == 12 and r[4] == 'idea')
for a in acked:
    if written[a] != 1:
        fail.append('acknowledged %s is in the journal %d times' % (a, written[a]))
if len(acked) < 5:
    fail.append('only %d records acknowledged: the loop hardly ran' % len(acked))
for m in fail[:20]:
    print('FAIL:', m)
print('%s kills, %d records, %d acknowledged' % (kills, len(recs), len(acked)))
sys.exit(1 if fail else 0)
PY
