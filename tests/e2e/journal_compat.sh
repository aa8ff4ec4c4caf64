#!/bin/sh
# journal_compat: a session recorded by an earlier convene replays to the
# exports it must give today.  tests/data/journal-0.1 holds a journal of
# convene 0.1.0 and every export file expected from it (its README says
# what changed on purpose since); each file must match byte for byte, and
# replaying must report no damaged record and no record it does not know.
# outcomes.xlsx is the exception: its bytes are zlib's output through
# libxlsxwriter's packager, which another version of either library may
# lay out differently with the same cells.  So it is checked for what it
# holds instead: every sheet cell for cell against the expected CSV files
# (xlsx_check.py), and the same bytes from a second export (its document
# times are the last record's, not the clock's).
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
	[ "$name" = outcomes.xlsx ] && continue
	cmp -s "$f" "$E2E_DIR/out/$name" || {
		diff -u "$f" "$E2E_DIR/out/$name"
		fail "$name differs from what the 0.1.0 journal must give"
	}
done
for f in "$E2E_DIR/out/"*; do
	[ "${f##*/}" = outcomes.xlsx ] && continue
	[ -e "$fx/export/${f##*/}" ] || fail "${f##*/} is new: add it to $fx/export"
done
sleep 1	# a clock in the workbook would now differ by a second
"$CONVENE" export "$E2E_DIR/s" --out "$E2E_DIR/again" >/dev/null 2>&1 ||
	fail "second export failed"
cmp -s "$E2E_DIR/out/outcomes.xlsx" "$E2E_DIR/again/outcomes.xlsx" ||
	fail "outcomes.xlsx differs between two exports of one journal"
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3) || fail "python3 missing (tools/deps)"
# Charts: the revealed round, attendance per day and per country, ideas
# per stage and per country, the module's one 1-5 question.
$py "$E2E_ROOT/tests/e2e/xlsx_check.py" "$E2E_DIR/out/outcomes.xlsx" \
    "$fx/export" 6 || fail "outcomes.xlsx does not hold the expected tables"
e2e_pass
