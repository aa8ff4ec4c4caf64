#!/bin/sh
# export_spreadsheet: no exported text cell becomes a formula, whichever
# separator a spreadsheet opens the file with.  Hostile names and ideas
# (formula triggers at the start and after ',' ';' TAB inside the text)
# are exported; Python's csv reads every text back unchanged under --raw
# and neutralised by default; then, when LibreOffice is installed, each
# file is converted headless with ',' ';' and TAB as the separator and the
# formulas (<f> elements) in the sheet XML are counted: none by default,
# some in the raw export (so the count is known to see formulas).
# Skips (77) without python3; the LibreOffice part is skipped without
# soffice (and says so; the test then exits 77 after the Python part).
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3) || { echo "python3 missing: skipped"; exit 77; }
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
fail() { echo "FAIL: $*"; exit 1; }

tab=$(printf '\t')
s=$E2E_DIR/s
"$CONVENE" new "$s" --module content --start 2026-11-23 >/dev/null || fail "new"
# One text per line of $E2E_DIR/texts (Python reads them back from there).
: >"$E2E_DIR/texts"
p=$("$CONVENE" participant "$s" 'Ana;=1+2' --country PH --org "Dept;@x") \
    || fail "participant"
for t in '=5+6' '"=5+6"' 'a;=3+4' 'a,=3+4' "a${tab}=2+2" 'q";=8+8' \
    'a;"=7+7"' 'x;-5+5;+6+6' 'ok;@SUM(1)' "x;${tab}=9+9" 'plain, text; fine'; do
	"$CONVENE" idea "$s" --by "$p" "$t" >/dev/null || fail "idea '$t'"
	printf '%s\n' "$t" >>"$E2E_DIR/texts"
done
"$CONVENE" export "$s" --out "$E2E_DIR/neutral" >/dev/null || fail "export"
"$CONVENE" export "$s" --out "$E2E_DIR/raw" --raw >/dev/null || fail "export --raw"

# Python's csv: --raw gives every text as typed; the default gives the
# same text with an apostrophe before each trigger, and nothing else.
$py - "$E2E_DIR" <<'EOF' || fail "python csv"
import csv, sys
d = sys.argv[1]
texts = open(d + "/texts", encoding="utf-8").read().split("\n")[:-1]
def rows(kind, name):
    with open("%s/%s/%s" % (d, kind, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
def neutral(s):
    out = []
    for i, c in enumerate(s):
        if c in "=+-@\t\r" and (i == 0 or s[i - 1] in ",;\t"):
            out.append("'")
        out.append(c)
    return "".join(out)
for kind, f in (("raw", lambda s: s), ("neutral", neutral)):
    got = [r["text"] for r in rows(kind, "ideas.csv")]
    if got != [f(t) for t in texts]:
        sys.exit("%s ideas.csv: %r" % (kind, got))
    p = rows(kind, "participants.csv")[0]
    if (p["name"], p["organisation"]) != (f("Ana;=1+2"), f("Dept;@x")):
        sys.exit("%s participants.csv: %r" % (kind, p))
print("python csv: texts read back as expected")
EOF

if ! command -v soffice >/dev/null 2>&1; then
	echo "skipped: soffice not installed"
	exit 77
fi
# The number of formulas in FILE opened with separator code SEP.
formulas() { # kind file sep
	out=$E2E_DIR/lo-$1-$3
	mkdir -p "$out"
	timeout 120 soffice -env:UserInstallation="file://$E2E_DIR/lo-profile" \
	    --headless --infilter="CSV:$3,34,76,1" --convert-to xlsx \
	    --outdir "$out" "$E2E_DIR/$1/$2" >"$out/log" 2>&1
	x=$out/${2%.csv}.xlsx
	[ -s "$x" ] || { echo "FAIL: soffice made no $x: $(cat "$out/log")" >&2; echo X; return; }
	$py -c 'import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
print(sum(len(re.findall(r"<f[ >]", z.read(n).decode()))
          for n in z.namelist() if n.startswith("xl/worksheets/")))' "$x"
}
raw_total=0
for f in ideas.csv participants.csv; do
	for sep in 44 59 9; do
		n=$(formulas neutral $f $sep)
		[ "$n" = 0 ] || fail "$f opened with separator $sep: $n formulas"
		r=$(formulas raw $f $sep)
		[ "$r" != X ] || fail "soffice on the raw $f"
		echo "$f separator $sep: 0 formulas (raw export: $r)"
		raw_total=$((raw_total + r))
	done
done
[ "$raw_total" -gt 0 ] || fail "the raw export made no formula: the count sees nothing"
echo "PASS: export_spreadsheet"
