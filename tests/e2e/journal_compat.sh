#!/bin/sh
# journal_compat: a session recorded by an earlier convene replays to the
# exports it must give today.  tests/data/journal-0.1 holds a journal of
# convene 0.1.0 and every export file expected from it (its README says
# what changed on purpose since); each file must match byte for byte, and
# replaying must report no damaged record and no record it does not know.
. "$(dirname "$0")/lib.sh"
e2e_init notmux

fx=$E2E_ROOT/tests/data/journal-0.1
cp -R "$fx/session" "$E2E_DIR/s" || fail "cannot copy the fixture"
mkdir -p "$E2E_DIR/s/drafts"
"$CONVENE" export "$E2E_DIR/s" --out "$E2E_DIR/out" >/dev/null 2>"$E2E_DIR/err" ||
	fail "export failed: $(cat "$E2E_DIR/err")"
[ -s "$E2E_DIR/err" ] && fail "export complained: $(cat "$E2E_DIR/err")"
for f in "$fx/export/"*; do
	name=${f##*/}
	cmp -s "$f" "$E2E_DIR/out/$name" || {
		diff -u "$f" "$E2E_DIR/out/$name"
		fail "$name differs from what the 0.1.0 journal must give"
	}
done
for f in "$E2E_DIR/out/"*; do
	[ -e "$fx/export/${f##*/}" ] || fail "${f##*/} is new: add it to $fx/export"
done
e2e_pass
