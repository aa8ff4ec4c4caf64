#!/bin/sh
# Forty real convene processes write to one session at once (ideas and
# dots, several each); an independent reader (python3's csv module) then
# checks that every acknowledged id is in the journal exactly once, every
# acknowledged dot is there, seqs run 1..N without a gap and every record's
# CRC-32 is right.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing"; exit 77; }
bin=$(pwd)/convene
[ -x "$bin" ] || { echo "no ./convene: run make first"; exit 3; }
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
tmp=$(mktemp -d "${TMPDIR:-/tmp}/convene-conc.XXXXXX") || exit 3
trap 'rm -rf "$tmp"' EXIT INT TERM
S=$tmp/s
writers=20 voters=20 loops=10 seed=10

"$bin" new "$S" --module content >/dev/null || exit 3
i=0
while [ $i -lt $((writers + voters)) ]; do
	i=$((i + 1))
	"$bin" participant "$S" "Person $i" --country KR >/dev/null || exit 3
done
i=0
while [ $i -lt $seed ]; do
	i=$((i + 1))
	"$bin" idea "$S" --by p1 "seed idea $i" >/dev/null || exit 3
done
"$bin" voting "$S" open --budget 20 >/dev/null || exit 3

# Every process waits for the same start signal, then loops.
writer() { # participant number
	while [ ! -e "$tmp/go" ]; do sleep 0.01; done
	k=0
	while [ $k -lt $loops ]; do
		k=$((k + 1))
		if id=$("$bin" idea "$S" --by "p$1" "idea $1.$k, \"quoted\" and long enough to matter: ค้นหาบริการภาครัฐ"); then
			echo "$id" >>"$tmp/ideas.$1"
		else
			echo "idea by p$1 failed" >>"$tmp/errors"
		fi
	done
}
voter() { # participant number
	while [ ! -e "$tmp/go" ]; do sleep 0.01; done
	k=0
	while [ $k -lt $loops ]; do
		k=$((k + 1))
		idea=i$(( ($1 * 7 + k * 3) % seed + 1 ))
		if "$bin" vote "$S" --by "p$1" "$idea"; then
			echo "p$1 $idea" >>"$tmp/dots.$1"
		else
			echo "vote by p$1 failed" >>"$tmp/errors"
		fi
	done
}
pids=
i=0
while [ $i -lt $writers ]; do
	i=$((i + 1)); writer $i & pids="$pids $!"
done
while [ $i -lt $((writers + voters)) ]; do
	i=$((i + 1)); voter $i & pids="$pids $!"
done
touch "$tmp/go"
for p in $pids; do wait "$p"; done
if [ -s "$tmp/errors" ]; then
	echo "FAIL: some writers were refused:"; cat "$tmp/errors"; exit 1
fi
cat "$tmp"/ideas.* >"$tmp/ideas" 2>/dev/null
cat "$tmp"/dots.* >"$tmp/dots" 2>/dev/null

python3 - "$S/journal.csv" "$tmp/ideas" "$tmp/dots" "$seed" <<'PY'
import collections, csv, re, sys, zlib
journal, ideas_file, dots_file, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
with open(journal, newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
fail = []
if rows[0][0] != 'convene_journal_v1':
    fail.append('no header row')
recs = rows[1:]
for n, r in enumerate(recs, 1):
    if len(r) != 12:
        fail.append('record %d has %d fields' % (n, len(r))); continue
    if int(r[0]) != n:
        fail.append('seq %s where %d was due' % (r[0], n))
    if not re.fullmatch(r'[0-9a-f]{8}', r[11]):
        fail.append('record %d: crc column %r' % (n, r[11]))
    data = b''.join(v.encode() + b'\0' for v in r[:11])
    if format(zlib.crc32(data), '08x') != r[11]:
        fail.append('record %d: crc mismatch' % n)
acked = [l.strip() for l in open(ideas_file) if l.strip()]
written = collections.Counter(r[5] for r in recs if len(r) == 12 and r[4] == 'idea')
for a in acked:
    if written[a] != 1:
        fail.append('acknowledged %s is in the journal %d times' % (a, written[a]))
if len(acked) != len(set(acked)):
    fail.append('an id was handed out twice')
if sum(written.values()) != len(acked) + seed:
    fail.append('%d ideas written, %d acknowledged' % (sum(written.values()), len(acked) + seed))
dots = collections.Counter(tuple(l.split()) for l in open(dots_file) if l.strip())
got = collections.Counter((r[2], r[5]) for r in recs if len(r) == 12 and r[4] == 'dot' for _ in range(int(r[8])))
if dots != got:
    fail.append('dots acknowledged %d, in the journal %d' % (sum(dots.values()), sum(got.values())))
for m in fail[:20]:
    print('FAIL:', m)
print('%d records, %d ideas and %d dots acknowledged' % (len(recs), len(acked), sum(dots.values())))
sys.exit(1 if fail else 0)
PY
