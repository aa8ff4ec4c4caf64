#!/bin/sh
# A journal with flipped bytes: every damaged record is reported with its
# line (by the journal reader and by `convene export`; the console gives
# the count and the first line), every good record still counts, and neither
# `convene export` nor `convene run` crashes.  Then bytes flipped anywhere
# at random, quotes and line ends included: still no crash.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Lkhagvasuren Bat" --country MN >/dev/null
cv participant "$s" "Aisha Rahman" --country BD >/dev/null
i=0
while [ $i -lt 30 ]; do
	i=$((i + 1))
	cv idea "$s" --by p$((i % 2 + 1)) "idea number $i, with a comma" >/dev/null
done
cp "$s/journal.csv" "$E2E_DIR/clean.csv"

# The reader's own report, line by line (the screens and export keep only
# the count and the first).
cat >"$E2E_DIR/bad.c" <<'EOF'
#include <stdio.h>
#include "journal.h"
static void
good(const struct event *ev, void *ctx)
{
	(void)ev;
	++*(long *)ctx;
}
static void
bad(unsigned long line, const char *why, void *ctx)
{
	(void)ctx;
	printf("%lu %s\n", line, why);
}
int
main(int argc, char **argv)
{
	struct journal *j = journal_open(argv[argc - 1], 1, NULL);
	long n = 0;
	if (j == NULL || journal_read(j, good, bad, &n, NULL) < 0)
		return 3;
	fprintf(stderr, "%ld good\n", n);
	journal_close(j);
	return 0;
}
EOF
san=$(grep -o -- '-fsanitize=[^ ]*' build/.flags 2>/dev/null | tr '\n' ' ')
# shellcheck disable=SC2046,SC2086
cc -std=c11 $san -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc \
    -o "$E2E_DIR/bad" "$E2E_DIR/bad.c" build/libconvene.a -lcsv \
    -liniparser -lcrypt \
    $(pkg-config --libs icu-i18n icu-uc 2>/dev/null ||
    echo -licui18n -licuuc -licudata) || fail "cannot build the helper"

# Flip one letter inside a field of every fifth idea record (one line
# each; the CSV framing holds, so each is damaged alone); note their lines.
python3 - "$s/journal.csv" "$E2E_DIR/expected" <<'PY'
import sys
path, expected = sys.argv[1], sys.argv[2]
lines = open(path, 'rb').read().split(b'\n')
ideas = [n for n, l in enumerate(lines) if b',"idea","i' in l]
damaged = []
for n in ideas[2::5]:
    l = bytearray(lines[n])
    at = l.index(b'idea number')
    l[at + 1] ^= 0x01                       # 'd' becomes 'e'
    lines[n] = bytes(l)
    damaged.append(n + 1)
open(path, 'wb').write(b'\n'.join(lines))
open(expected, 'w').write(''.join('%d\n' % d for d in damaged))
PY
"$E2E_DIR/bad" "$s/journal.csv" >"$E2E_DIR/report" 2>"$E2E_DIR/good" ||
	fail "the reader gave up"
cut -d' ' -f1 "$E2E_DIR/report" | cmp -s - "$E2E_DIR/expected" || {
	cat "$E2E_DIR/report"
	fail "damaged lines reported are not $(tr '\n' ' ' <"$E2E_DIR/expected")"
}
grep -qv 'checksum' "$E2E_DIR/report" && fail "a reason is not the checksum"
"$E2E_DIR/bad" "$E2E_DIR/clean.csv" >/dev/null 2>"$E2E_DIR/all" ||
	fail "the reader gave up on the clean journal"
total=$(cut -d' ' -f1 "$E2E_DIR/all")
nbad=$(wc -l <"$E2E_DIR/expected")
[ "$(cut -d' ' -f1 "$E2E_DIR/good")" -eq $((total - nbad)) ] ||
	fail "good records lost: $(cat "$E2E_DIR/good") of $((total - nbad))"

# export: warns with the count and every damaged line, exports the rest.
"$CONVENE" export "$s" --out "$E2E_DIR/out" >/dev/null 2>"$E2E_DIR/e"
rc=$?
cat "$E2E_DIR/e"
[ $rc -eq 0 ] || fail "export of a damaged journal: exit $rc"
first=$(head -n 1 "$E2E_DIR/expected")
grep -q "$nbad damaged" "$E2E_DIR/e" || fail "export does not count $nbad"
grep -q "line $first" "$E2E_DIR/e" || fail "export does not name line $first"
for l in $(cat "$E2E_DIR/expected"); do
	grep -q "journal.csv line $l: " "$E2E_DIR/e" ||
		fail "export does not list the damaged line $l"
done
grep -q 'idea number 30' "$E2E_DIR/out/ideas.csv" ||
	fail "export lost the records after the damage"

# The console opens it, says where the damage is, shows the good ideas,
# and quits.
start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
wait_for_text con "$nbad damaged records skipped, the first at line $first"
send con 5
wait_for_text con "24 ideas"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "console on a damaged journal: exit status"

# Random damage anywhere (quotes, commas, line ends): 30 rounds of 8
# flipped bytes each; nothing crashes, and the damage is reported.
r=0
while [ $r -lt 30 ]; do
	r=$((r + 1))
	python3 - "$E2E_DIR/clean.csv" "$s/journal.csv" "$r" <<'PY'
import random, sys
random.seed(int(sys.argv[3]))
b = bytearray(open(sys.argv[1], 'rb').read())
header = b.index(b'\n') + 1
for _ in range(8):
    at = random.randrange(header, len(b))
    b[at] ^= 1 << random.randrange(8)
open(sys.argv[2], 'wb').write(b)
PY
	"$E2E_DIR/bad" "$s/journal.csv" >"$E2E_DIR/report" 2>/dev/null
	rc=$?
	[ $rc -eq 0 ] || fail "round $r: the reader exited $rc"
	[ -s "$E2E_DIR/report" ] || fail "round $r: 8 flipped bytes, no report"
	"$CONVENE" export "$s" --out "$E2E_DIR/out$r" >/dev/null 2>"$E2E_DIR/e"
	rc=$?
	[ $rc -lt 128 ] || fail "round $r: export crashed ($rc)"
	grep -q 'damaged journal' "$E2E_DIR/e" || fail "round $r: export quiet"
done
start_session con2 100 30 "$CONVENE" run "$s"
wait_for_text con2 "1 Agenda"
send con2 5 q y
[ "$(wait_exit con2)" = 0 ] || fail "console on a garbled journal: exit status"
e2e_pass
