#!/bin/sh
# export_roundtrip: a session built with the scripting verbs, exported with
# `convene export`, and every file read back by two independent CSV readers:
# Python's csv module and libcsv (a small dumper compiled here).  Both must
# agree cell for cell, and the values typed must come back intact (formulas
# neutralised by default, as typed with --raw).  An anonymous session must
# name nobody.  Skips (77) without python3.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
[ -x ./convene ] || { echo "no ./convene: run make first"; exit 3; }
bin=$(pwd)/convene
tmp=$(mktemp -d /tmp/convene-e2e-export.XXXXXX) || exit 3
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
fail() { echo "FAIL: $*"; exit 1; }

# The libcsv reader: each field as "<length>:<bytes>", each record ends "\n".
cat >"$tmp/csvdump.c" <<'EOF'
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
static void field(void *s, size_t n, void *d) { (void)d; printf("%zu:", n); fwrite(s, 1, n, stdout); }
static void row(int c, void *d) { (void)d; if (c == -1) exit(4); putchar('\n'); }
int main(int argc, char **argv) {
	struct csv_parser p; char buf[65536]; size_t n; FILE *f = fopen(argv[argc - 1], "rb");
	if (f == NULL || csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) return 3;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, field, row, NULL) != n) return 5;
	if (csv_fini(&p, field, row, NULL) != 0) return 6;
	csv_free(&p); return 0;
}
EOF
csvdump=""
if ${CC:-cc} -o "$tmp/csvdump" "$tmp/csvdump.c" -lcsv 2>"$tmp/cc.log"; then
	csvdump=$tmp/csvdump
else
	echo "note: cannot build the libcsv reader, Python reads alone"; cat "$tmp/cc.log"
fi

# --- a named session -------------------------------------------------------
s=$tmp/session
$bin new "$s" --module content --start 2026-11-23 --title 'Export, round trip: =1+1' \
    || fail "new"
p1=$($bin participant "$s" 'Kim, "Min-jun"' --country KR --org 'Ministry, of Interior' \
    --email kim@example.kr) || fail "participant 1"
p2=$($bin participant "$s" '=HYPERLINK("http://x.example","y")' --country TH) \
    || fail "participant 2"
p3=$($bin participant "$s" 'สมชาย ใจดี' --country TH --org '+66 office') \
    || fail "participant 3"
i1=$($bin idea "$s" --by "$p1" 'Line one
line two, with "quotes", and a comma') || fail "idea 1"
i2=$($bin idea "$s" --by "$p2" '@SUM(A1:A2)') || fail "idea 2"
i3=$($bin idea "$s" --by "$p3" 'รัฐบาลดิจิทัลเพื่อประชาชน 디지털 정부') || fail "idea 3"
i4=$($bin idea "$s" --by "$p3" ' spaces around ') || fail "idea 4"
round=$($bin voting "$s" open) || fail "voting open"
$bin vote "$s" --by "$p1" "$i3" --dots 2 || fail "vote 1"
$bin vote "$s" --by "$p2" "$i3" || fail "vote 2"
$bin vote "$s" --by "$p3" "$i1" || fail "vote 3"
$bin vote "$s" --by "$p1" "$i2" || fail "vote 4"
$bin voting "$s" close || fail "voting close"
$bin voting "$s" reveal || fail "voting reveal"

out=$($bin export "$s") || fail "export"
[ "$out" = "$s/export" ] || fail "export printed '$out'"
$bin export "$s" --out "$tmp/raw" --raw --with-email >/dev/null ||
	fail "export --raw --with-email"
$bin export "$s" --out "$tmp/nobom" --no-bom >/dev/null || fail "export --no-bom"
ls -a "$s/export" | grep -q '\.tmp$' && fail "a temporary file was left"

# --- an anonymous session ---------------------------------------------------
a=$tmp/anon
$bin new "$a" --module content --start 2026-11-23 --anonymous >/dev/null || fail "new --anonymous"
q1=$($bin participant "$a" 'Quiet Author' --country LA) || fail "anon participant 1"
q2=$($bin participant "$a" 'Shy Voter' --country MN) || fail "anon participant 2"
j1=$($bin idea "$a" --by "$q1" 'An idea nobody signs') || fail "anon idea"
$bin voting "$a" open >/dev/null || fail "anon voting open"
$bin vote "$a" --by "$q2" "$j1" || fail "anon vote"
$bin export "$a" --out "$tmp/anon-export" >/dev/null || fail "anon export"

# --- a read-only session: the default DIR fails with 3, --out works ---------
# Root writes anywhere, so as root this runs as nobody (or is left out).
as_user=""
if [ "$(id -u)" = 0 ]; then
	as_user=none
	# nobody must be able to run the binary: a clone under /root
	# (mode 700, as on a fresh machine) is out of its reach.
	if command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1 &&
	    runuser -u nobody -- test -x "$bin"; then
		as_user="runuser -u nobody --"
	fi
fi
if [ "$as_user" != none ]; then
	chmod 755 "$tmp"
	chmod -R a+rX,a-w "$s"
	mkdir "$tmp/ro" && chmod 777 "$tmp/ro"
	$as_user env LANG=C.UTF-8 "$bin" export "$s" >/dev/null 2>"$tmp/ro.err"
	rc=$?
	[ "$rc" = 3 ] || fail "read-only session: exit $rc, expected 3"
	grep -q -- '--out' "$tmp/ro.err" || fail "read-only message does not point to --out"
	$as_user env LANG=C.UTF-8 "$bin" export "$s" --out "$tmp/ro/out" >/dev/null \
	    || fail "read-only session with --out"
	[ -s "$tmp/ro/out/ideas.csv" ] || fail "no ideas.csv under --out"
	chmod -R u+w "$s"
else
	echo "note: read-only check left out (root without runuser, or nobody cannot run $bin)"
fi

# --- read everything back ---------------------------------------------------
python3 - "$s/export" "$tmp/raw" "$tmp/anon-export" "$tmp/nobom" "$csvdump" \
    "$p1" "$p2" "$p3" "$i1" "$i2" "$i3" "$i4" "$round" "$q1" "$q2" <<'PY' || exit 1
import csv, os, subprocess, sys

named, raw, anon, nobom, csvdump = sys.argv[1:6]
p1, p2, p3, i1, i2, i3, i4, rnd, q1, q2 = sys.argv[6:16]
BOM = b"\xef\xbb\xbf"
FILES = ["participants", "rooms", "ideas", "votes", "results", "attendance",
         "timings", "days", "questions", "polls", "evaluation"]
failed = []

def check(ok, what):
    if not ok:
        failed.append(what)
        print("FAIL:", what)

def python_rows(path):
    # utf-8-sig: the byte order mark is not part of the first cell.
    with open(path, newline="", encoding="utf-8-sig") as f:
        return [row for row in csv.reader(f, strict=True)]

def libcsv_rows(path):
    out = subprocess.run([csvdump, path], stdout=subprocess.PIPE, check=True).stdout
    rows, row, i = [], [], 0
    while i < len(out):
        if out[i:i + 1] == b"\n":
            rows.append(row); row = []; i += 1; continue
        colon = out.index(b":", i)
        n = int(out[i:colon]); i = colon + 1
        row.append(out[i:i + n].decode("utf-8")); i += n
    # libcsv knows nothing of byte order marks: the first cell has it.
    check(rows[0][0].startswith("\ufeff"), path + ": libcsv sees the BOM")
    rows[0][0] = rows[0][0][1:]
    return rows

def table(d, name):
    path = os.path.join(d, name + ".csv")
    data = open(path, "rb").read()
    check(data.endswith(b"\r\n"), name + ": ends with CRLF")
    check(data.startswith(BOM) and not data.startswith(BOM * 2),
          name + ": one byte order mark")
    rows = python_rows(path)
    if csvdump:
        check(libcsv_rows(path) == rows, name + ": libcsv and Python agree")
    check(len(rows) >= 1, name + ": header row")
    for r in rows[1:]:
        check(len(r) == len(rows[0]), name + ": row width")
    return [dict(zip(rows[0], r)) for r in rows[1:]]

def by(rows, key, value):
    return [r for r in rows if r[key] == value]

for d in (named, raw, anon):
    check(os.path.exists(os.path.join(d, "summary.md")), d + ": summary.md")
    for name in FILES:
        table(d, name)

# --no-bom: the same bytes without the mark; summary.md never has one.
for name in FILES:
    with_bom = open(os.path.join(named, name + ".csv"), "rb").read()
    without = open(os.path.join(nobom, name + ".csv"), "rb").read()
    check(without == with_bom[3:], name + ": --no-bom leaves out the mark only")
check(not open(os.path.join(named, "summary.md"), "rb").read().startswith(BOM),
      "summary.md has no byte order mark")

# Named, neutralised.
people = table(named, "participants")
check(len(people) == 3, "three participants")
kim = by(people, "id", p1)[0]
check(kim["name"] == 'Kim, "Min-jun"', "name with comma and quotes")
check(kim["organisation"] == "Ministry, of Interior", "organisation")
check(kim["email"] == "", "no email address without --with-email")
check(by(table(raw, "participants"), "id", p1)[0]["email"] == "kim@example.kr",
      "the email address with --with-email")
check(kim["country"] == "KR", "country")
check(kim["joined_at"].endswith("+07:00"), "joined_at in the module's zone")
check(kim["sample"] == "no", "not sample data")
check(by(people, "id", p2)[0]["name"] == "'" + '=HYPERLINK("http://x.example","y")',
      "formula name neutralised")
check(by(people, "id", p3)[0]["name"] == "สมชาย ใจดี", "Thai name intact")
check(by(people, "id", p3)[0]["organisation"] == "'+66 office", "+ neutralised")

ideas = table(named, "ideas")
check(by(ideas, "id", i1)[0]["text"] == 'Line one\nline two, with "quotes", and a comma',
      "multi-line idea intact")
check(by(ideas, "id", i2)[0]["text"] == "'@SUM(A1:A2)", "@ neutralised")
check(by(ideas, "id", i3)[0]["text"] == "รัฐบาลดิจิทัลเพื่อประชาชน 디지털 정부", "UTF-8 idea intact")
check(by(ideas, "id", i4)[0]["text"] == " spaces around ", "spaces kept")
check(by(ideas, "id", i1)[0]["author_id"] == p1, "author id")
check(by(ideas, "id", i1)[0]["author_name"] == 'Kim, "Min-jun"', "author name")

votes = table(named, "votes")
check(len(votes) == 4, "four vote rows")
check(sum(int(v["dots"]) for v in votes) == 5, "five dots")
check(all(v["round"] == rnd for v in votes), "round id")

results = table(named, "results")
check([r["idea_id"] for r in results] == [i3, i1, i2], "results order")
check(results[0]["dots"] == "3" and results[0]["voters"] == "2", "top idea's dots and voters")
check(results[0]["rank"] == "1" and results[0]["tie"] == "no", "rank 1, no tie")
check(results[1]["tie"] == "yes" and results[2]["tie"] == "yes", "1 dot, 1 voter each: a tie")
check(results[0]["revealed"] == "yes", "revealed")

timings = table(named, "timings")
check(len(timings) > 0 and timings[0]["planned_start"].startswith("2026-11-23T"),
      "agenda planned from the module")
days = table(named, "days")
check(days[0]["date"] == "2026-11-23", "day 1's date")

# --raw: as typed.
rp = table(raw, "participants")
check(by(rp, "id", p2)[0]["name"] == '=HYPERLINK("http://x.example","y")', "--raw keeps the formula")
check(by(table(raw, "ideas"), "id", i2)[0]["text"] == "@SUM(A1:A2)", "--raw idea as typed")

summary = open(os.path.join(named, "summary.md"), encoding="utf-8").read()
check('# Export, round trip: =1+1' in summary, "summary title")
check("2026-11-23" in summary, "summary dates")

# Anonymous: nobody named outside the participant lists.
for name in ("ideas", "votes", "results", "questions", "evaluation", "polls"):
    for row in table(anon, name):
        for v in row.values():
            check(v not in (q1, q2, "Quiet Author", "Shy Voter"),
                  "anonymous %s names nobody (%r)" % (name, v))
av = table(anon, "votes")
check(len(av) == 1 and av[0]["voter_id"].startswith("a"), "voter pseudonym")
ai = table(anon, "ideas")
check(ai[0]["author_id"] == "" and ai[0]["author_name"] == "", "anonymous author empty")
asum = open(os.path.join(anon, "summary.md"), encoding="utf-8").read()
check("Quiet Author" not in asum, "anonymous summary names no author")

sys.exit(1 if failed else 0)
PY
echo "export round trip: ok"
