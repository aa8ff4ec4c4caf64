#!/bin/sh
# purge: `convene purge` after a workshop that is over (its days are in the
# past).  Refused, changing nothing, while a participant terminal is open,
# before the workshop is over, and without --yes off a terminal.  Then it
# replaces names by "participant N", empties organisations, emails and
# PIN hashes, removes drafts and earlier exports, and says so; the journal
# keeps every record (same seq, event and id, in order); a new export
# names nobody in any file (outcomes.xlsx too) and has the same rows, the
# votes and results byte for byte; a second purge changes nothing and says
# there was nothing to purge.  On a terminal it asks first; n changes
# nothing.  The purge itself runs under valgrind when it is installed (no
# invalid access, no definite leak).
# Skips (77) without tmux or python3.
. "$(dirname "$0")/lib.sh"
e2e_init
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3) || { echo "python3 missing: skipped"; exit 77; }
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
s=$E2E_DIR/s

new_session "$s" --start 2020-01-06
p1=$(cv participant "$s" '김민준 Kim' --country KR --org 'Ministry of the Interior' --email kim@example.kr)
p2=$(cv participant "$s" 'สมชาย ใจดี' --country TH --org 'DGA Thailand')
p3=$(cv participant "$s" 'Aigerim Bekova' --country KZ --email aigerim@example.kz)
i1=$(cv idea "$s" --by "$p1" 'One stop shop for permits')
cv idea "$s" --by "$p2" 'Mobile clinic days' >/dev/null
cv ask "$s" --by "$p3" 'Who pays for it?' >/dev/null
round=$(cv voting "$s" open)
cv vote "$s" --by "$p2" "$i1" --dots 2
cv voting "$s" close
cv voting "$s" reveal
printf '1234\n' | cv pin "$s" --by "$p2" --set
printf 'a draft about Somchai\n' >"$s/drafts/$p3.txt"
cv export "$s" --out "$E2E_DIR/before" >/dev/null
cv export "$s" >/dev/null
cp "$s/journal.csv" "$E2E_DIR/journal.before"

unchanged() {
	cmp -s "$s/journal.csv" "$E2E_DIR/journal.before" ||
	    fail "$1: the journal changed"
	[ -e "$s/drafts/$p3.txt" ] || fail "$1: the draft went"
}

# An open terminal: refused.
start_session t 80 24 "$CONVENE" join "$s" --as "$p1"
wait_for_text t "One stop shop"
out=$("$CONVENE" purge "$s" --yes 2>&1) && fail "purged with a terminal open"
echo "$out" | grep -q '^convene: 1 terminal is open' || fail "said: $out"
unchanged "open terminal"
send t q
[ "$(wait_exit t)" = 0 ] || fail "the terminal did not quit"

# Off a terminal without --yes: refused.
out=$("$CONVENE" purge "$s" </dev/null 2>&1) && fail "purged without --yes"
echo "$out" | grep -q '^convene: purge cannot be undone' || fail "said: $out"
unchanged "no --yes"

# A workshop not over: refused.
n=$E2E_DIR/n
new_session "$n"
cv participant "$n" 'Ana Cruz' --country PH >/dev/null
cp "$n/journal.csv" "$E2E_DIR/n.before"
out=$("$CONVENE" purge "$n" --yes 2>&1) && fail "purged a workshop not over"
echo "$out" | grep -q '^convene: the workshop in .* is not over' ||
    fail "said: $out"
cmp -s "$n/journal.csv" "$E2E_DIR/n.before" || fail "not over: journal changed"

# On a terminal it asks; n changes nothing.
start_session c 200 10 "$CONVENE" purge "$s"
wait_for_text c "[y/N]"
assert_screen c "names: 3, organisations: 2, email addresses: 2, PINs: 1"
send c n Enter
[ "$(wait_exit c)" = 1 ] || fail "purge answered n did not exit 1"
wait_for_text c "purge cancelled: nothing was changed"
unchanged "answered n"

# The purge (under valgrind when there is one and no sanitizer).
vg=
if command -v valgrind >/dev/null 2>&1 &&
    ! nm "$CONVENE" 2>/dev/null | grep -q __asan_init; then
	vg="valgrind -q --error-exitcode=9 --leak-check=full
	    --errors-for-leak-kinds=definite --log-file=$E2E_DIR/vg.log"
fi
# shellcheck disable=SC2086 # vg is several words
out=$($vg "$CONVENE" purge "$s" --yes) || {
	cat "$E2E_DIR/vg.log" 2>/dev/null
	fail "purge failed"
}
for want in '3 names replaced' '2 organisations removed' \
    '2 email addresses removed' "1 participant's PIN removed" \
    '1 draft removed' 'files of earlier exports removed'; do
	echo "$out" | grep -qF "$want" || fail "purge did not say '$want': $out"
done
[ -e "$s/drafts/$p3.txt" ] && fail "the draft is still there"
ls "$s/export" | grep -q . && fail "the earlier export is still there"
cv export "$s" --out "$E2E_DIR/after" --with-email >/dev/null

$py - "$E2E_DIR/journal.before" "$s/journal.csv" "$E2E_DIR/before" \
    "$E2E_DIR/after" <<'PY' || exit 1
import csv, os, sys, zipfile
jb, ja, before, after = sys.argv[1:5]
failed = []
def check(ok, what):
    if not ok:
        failed.append(what)
        print("FAIL:", what)
def records(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))
rb, ra = records(jb), records(ja)
check(len(rb) == len(ra), "as many records: %d, %d" % (len(rb), len(ra)))
check([r[0] for r in rb] == [r[0] for r in ra], "the same seq, in order")
check([(r[1], r[4], r[5], r[9] if r[4] != "participant" else "")
       for r in rb] == [(r[1], r[4], r[5], r[9] if r[4] != "participant"
       else "") for r in ra], "times, events, ids and other texts kept")
names = [r[9] for r in ra if r[4] == "participant"]
check(names == ["participant 1", "participant 2", "participant 3"], names)
check(all(r[10].split("\n")[1:] == ["", ""] for r in ra
          if r[4] == "participant"), "organisations and emails emptied")
check(all(r[10] == "" for r in ra if r[4] == "pin"), "PIN hashes emptied")
secrets = ["김민준", "Kim", "สมชาย", "Aigerim", "Bekova", "Ministry",
           "DGA", "example.kr", "example.kz", "Somchai"]
raw = open(ja, encoding="utf-8").read()
check(not [w for w in secrets if w in raw], "the journal names nobody")
for name in sorted(os.listdir(after)):
    path = os.path.join(after, name)
    if name.endswith(".xlsx"):
        with zipfile.ZipFile(path) as z:
            text = "".join(z.read(m).decode("utf-8", "replace")
                           for m in z.namelist())
    else:
        text = open(path, encoding="utf-8-sig").read()
    left = [w for w in secrets if w in text]
    check(not left, "%s names nobody (found %s)" % (name, left))
    if name.endswith(".csv"):
        b = list(csv.reader(open(os.path.join(before, name),
                                 encoding="utf-8-sig")))
        a = list(csv.reader(open(path, encoding="utf-8-sig")))
        check(len(a) == len(b), "%s: as many rows" % name)
for name in ("votes.csv", "results.csv", "ideas.csv"):
    a = open(os.path.join(after, name), "rb").read()
    b = open(os.path.join(before, name), "rb").read()
    if name == "ideas.csv":
        a = [r[:4] + r[5:] for r in csv.reader(a.decode().splitlines())]
        b = [r[:4] + r[5:] for r in csv.reader(b.decode().splitlines())]
    check(a == b, name + " the same (but author names)")
sys.exit(1 if failed else 0)
PY

# Twice: nothing left, nothing changed.
cp "$s/journal.csv" "$E2E_DIR/journal.purged"
out=$("$CONVENE" purge "$s" --yes) || fail "second purge failed"
echo "$out" | grep -q 'nothing to purge' || fail "second purge said: $out"
cmp -s "$s/journal.csv" "$E2E_DIR/journal.purged" ||
    fail "the second purge changed the journal"
echo "purge: ok"
