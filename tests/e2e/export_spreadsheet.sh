#!/bin/sh
# export_spreadsheet: no exported text cell becomes a formula, whichever
# separator a spreadsheet opens the file with.  Hostile names and ideas
# (formula triggers at the start and after ',' ';' TAB inside the text)
# are exported; Python's csv reads every text back unchanged under --raw
# and neutralised by default; then, when LibreOffice is installed, each
# file is converted headless with ',' ';' and TAB as the separator and the
# formulas (<f> elements) in the sheet XML are counted: none by default,
# some in the raw export (so the count is known to see formulas).
# Every CSV file also goes through LibreOffice's import with the character
# set left for LibreOffice to find (the byte order mark tells it UTF-8) and
# must come back cell for cell: every text in every script byte-exact
# (Korean, Thai, Lao, Sinhala, Bengali, Urdu, Dhivehi, Mongolian, Armenian,
# Dzongkha, quotes, line breaks, spaces at the ends), numbers as numbers;
# only a text that looks like a number ('0012', '1/2') becomes one.
# (Measured with LibreOffice 7.4 here: `--convert-to` without --infilter
# reads every CSV as an 8-bit character set, with a byte order mark or
# without one, so that path cannot be tested headless.)
# outcomes.xlsx is read with xlsx_cells.py (Python's standard library):
# every sheet must equal its --raw CSV file cell for cell, hold no formula,
# and the charts must be there; LibreOffice then opens and saves it, and
# what it saved must still hold the same cells and charts.
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
# Each text ends with a NUL in $E2E_DIR/texts (Python reads them back from
# there).
: >"$E2E_DIR/texts"
p=$("$CONVENE" participant "$s" 'Ana;=1+2' --country PH --org "Dept;@x") \
    || fail "participant"
"$CONVENE" participant "$s" '김민준 สมชาย ໃຈດີ' --country KR \
    --org ' Ministry, "Digital" ' >/dev/null || fail "participant 2"
for t in '=5+6' '"=5+6"' 'a;=3+4' 'a,=3+4' "a${tab}=2+2" 'q";=8+8' \
    'a;"=7+7"' 'x;-5+5;+6+6' 'ok;@SUM(1)' "x;${tab}=9+9" 'plain, text; fine' \
    '디지털 정부 서비스' 'รัฐบาลดิจิทัลเพื่อประชาชน' 'ລັດຖະບານດິຈິຕອນ' \
    'ඩිජිටල් රජය' 'ডিজিটাল সরকার' 'ڈیجیٹل حکومت' 'ޑިޖިޓަލް ސަރުކާރު' \
    'Дижитал засгийн газар' 'Թվային կառավարություն' 'ཌི་ཇི་ཊལ་གཞུང་།' \
    'Line one
line two, "quoted"' ' spaces at both ends ' '0012' '1/2' 'é (e + U+0301)'; do
	i=$("$CONVENE" idea "$s" --by "$p" "$t") || fail "idea '$t'"
	printf '%s\0' "$t" >>"$E2E_DIR/texts"
done
# A revealed round and evaluation answers: outcomes.xlsx charts
# them.
r=$("$CONVENE" voting "$s" open) || fail "voting open"
"$CONVENE" vote "$s" --by "$p" "$i" --dots 2 || fail "vote"
"$CONVENE" voting "$s" close && "$CONVENE" voting "$s" reveal || fail "reveal $r"
"$CONVENE" eval "$s" --by "$p" relevance 4 || fail "eval"
"$CONVENE" eval "$s" --by "$p" day1 5 || fail "eval"
"$CONVENE" export "$s" --out "$E2E_DIR/neutral" >/dev/null || fail "export"
"$CONVENE" export "$s" --out "$E2E_DIR/raw" --raw >/dev/null || fail "export --raw"

# Python's csv: --raw gives every text as typed; the default gives the
# same text with an apostrophe before each trigger, and nothing else.
$py - "$E2E_DIR" <<'EOF' || fail "python csv"
import csv, sys
d = sys.argv[1]
texts = open(d + "/texts", encoding="utf-8").read().split("\0")[:-1]
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
    p = rows(kind, "participants.csv")
    if (p[0]["name"], p[0]["organisation"]) != (f("Ana;=1+2"), f("Dept;@x")):
        sys.exit("%s participants.csv: %r" % (kind, p[0]))
    if (p[1]["name"], p[1]["organisation"]) != ("김민준 สมชาย ໃຈດີ",
                                              ' Ministry, "Digital" '):
        sys.exit("%s participants.csv: %r" % (kind, p[1]))
print("python csv: texts read back as expected")
EOF

# outcomes.xlsx: every sheet equals its --raw CSV file cell for cell (text
# in every script as typed, numbers as numbers, times the same instant),
# no formula in any cell, neutralised export or not; charts: the revealed
# round, attendance per day, ideas per stage, and the module's six 1-5
# evaluation questions (nothing by country: two people took part, fewer
# than the 3 a breakdown by country needs).
for kind in raw neutral; do
	$py "$E2E_ROOT/tests/e2e/xlsx_check.py" "$E2E_DIR/$kind/outcomes.xlsx" \
	    "$E2E_DIR/raw" 9 || fail "$kind outcomes.xlsx"
done

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
# Every file of the default export, imported with the character set left
# to LibreOffice, read back cell for cell against Python's csv.
lo=$E2E_DIR/lo-import
timeout 300 soffice -env:UserInstallation="file://$E2E_DIR/lo-profile" \
    --headless --infilter="CSV:44,34,,1" --convert-to xlsx --outdir "$lo" \
    "$E2E_DIR"/neutral/*.csv >"$E2E_DIR/lo-import.log" 2>&1 ||
	fail "soffice import: $(cat "$E2E_DIR/lo-import.log")"
PYTHONPATH=$E2E_ROOT/tests/e2e $py - "$E2E_DIR/neutral" "$lo" <<'EOF' || fail "LibreOffice import"
import csv, datetime, glob, os, re, sys
from xlsx_cells import sheet_rows
src, lo = sys.argv[1:3]
# Texts that look like numbers or dates: CSV has no way to say "this is
# text", and LibreOffice reads them as numbers (convene(1) says so and
# points to outcomes.xlsx, whose cells are typed).
LOOKS_NUMERIC = {"0012", "1/2"}
def number(w):
    # A day's date (days.csv) becomes a date: its serial number.
    if re.fullmatch(r"\d{4}-\d\d-\d\d", w):
        d = datetime.date.fromisoformat(w) - datetime.date(1899, 12, 30)
        return float(d.days)
    return float(w)
bad, texts = [], 0
for path in sorted(glob.glob(src + "/*.csv")):
    name = os.path.basename(path)
    with open(path, encoding="utf-8-sig", newline="") as f:
        want = list(csv.reader(f))
    got = sheet_rows(os.path.join(lo, name[:-4] + ".xlsx"))
    if len(got) != len(want):
        bad.append("%s: %d rows, not %d" % (name, len(got), len(want)))
        continue
    for r, (wrow, grow) in enumerate(zip(want, got)):
        for c, w in enumerate(wrow):
            g = grow.get(c)
            if g is None:
                ok = w == ""
            elif g[2]:
                ok = False		# a formula
            elif g[0] == "s":
                ok = g[1] == w
                texts += ok
            elif w in LOOKS_NUMERIC:
                ok = g[0] == "n"
            else:
                ok = g[0] == "n" and float(g[1]) == number(w)
            if not ok:
                bad.append("%s row %d col %d: %r read as %r" % (name, r, c, w, g))
for b in bad[:20]:
    print("FAIL:", b)
if bad:
    sys.exit(1)
print("LibreOffice import: every cell read back (%d text cells)" % texts)
EOF

# LibreOffice reads the workbook as we wrote it: saved again by it, every
# sheet still equals the --raw CSV files and the charts are still there.
lox=$E2E_DIR/lo-xlsx
timeout 120 soffice -env:UserInstallation="file://$E2E_DIR/lo-profile" \
    --headless --convert-to xlsx --outdir "$lox" "$E2E_DIR/raw/outcomes.xlsx" \
    >"$E2E_DIR/lo-xlsx.log" 2>&1 || fail "soffice on outcomes.xlsx: $(cat "$E2E_DIR/lo-xlsx.log")"
$py "$E2E_ROOT/tests/e2e/xlsx_check.py" "$lox/outcomes.xlsx" "$E2E_DIR/raw" 9 ||
	fail "outcomes.xlsx as LibreOffice saves it"

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
