#!/bin/sh
# export_certificates: a four-day workshop walked on a controlled clock
# (faketime), six participants present on different days, one of them
# marked absent by the roll call on a day they had checked in.  The default
# rule (3 of 4 days) picks four of them in certificates.csv;
# --certificate-days 2 picks all six; --certificate-days 5 is refused and
# writes nothing.  Then a real browser prints certificates.html to PDF
# (chromium headless): one A4 page per eligible person, and every eligible
# name (in its own script, where a font for it is installed) in pdftotext's
# output, no ineligible one.
# Skips (77) without faketime or python3; the printing part skips without
# chromium or poppler-utils (pdfinfo, pdftotext), saying so.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
why=$(no_faketime)
[ -z "$why" ] || { echo "$why: skipped"; exit 77; }
py=/usr/bin/python3
[ -x $py ] || py=$(command -v python3) || { echo "python3 missing: skipped"; exit 77; }
export TZ=UTC LANG=C.UTF-8
unset CONVENE_PASSPHRASE
s=$E2E_DIR/s

# at "YYYY-MM-DD HH:MM" CMD...: CMD at that UTC minute (Asia/Bangkok is
# UTC+7: 02:00 here is 09:00 there).
at() {
	_t=$1
	shift
	faketime "$_t:00" "$@"
}

at "2030-01-06 20:00" "$CONVENE" new "$s" --module "$E2E_ROOT/content" \
    --start 2030-01-07 >/dev/null || fail "new"
# name|country|days present|day the roll call marks them absent
cat >"$E2E_DIR/people" <<'EOF'
Ana Cruz|PH|1234|
김민준|KR|123|
สมชาย ใจดี|TH|12|
Аигерим <Бекова> & "Co"|KZ|124|
Անի Սարգսյան|AM|123|3
ޢާއިޝާ ރަޝީދު|MV|1234|
EOF
n=0
while IFS='|' read -r name country days absent; do
	n=$((n + 1))
	pid=$(at "2030-01-06 20:01" "$CONVENE" participant "$s" "$name" \
	    --country "$country") || fail "participant $name"
	echo "$pid" >"$E2E_DIR/pid$n"
done <"$E2E_DIR/people"
for d in 1 2 3 4; do
	n=0
	while IFS='|' read -r name country days absent; do
		n=$((n + 1))
		case $days in *$d*) ;; *) continue ;; esac
		at "2030-01-0$((6 + d)) 02:0$n" "$CONVENE" checkin "$s" \
		    --by "$(cat "$E2E_DIR/pid$n")" || fail "checkin $name day $d"
		[ "$absent" = "$d" ] || continue
		at "2030-01-0$((6 + d)) 03:00" "$CONVENE" rollcall "$s" absent \
		    "$(cat "$E2E_DIR/pid$n")" || fail "rollcall absent $name"
	done <"$E2E_DIR/people"
done

at "2030-01-10 12:00" "$CONVENE" export "$s" --out "$E2E_DIR/out" >/dev/null ||
	fail "export"
at "2030-01-10 12:00" "$CONVENE" export "$s" --out "$E2E_DIR/two" \
    --certificate-days 2 >/dev/null || fail "export --certificate-days 2"
at "2030-01-10 12:00" "$CONVENE" export "$s" --out "$E2E_DIR/five" \
    --certificate-days 5 >/dev/null 2>"$E2E_DIR/five.err"
rc=$?
[ "$rc" = 2 ] || fail "--certificate-days 5: exit $rc, expected 2"
grep -q "^convene: --certificate-days 5 is more than the workshop's 4 days" \
    "$E2E_DIR/five.err" || fail "--certificate-days 5 said: $(cat "$E2E_DIR/five.err")"
[ -e "$E2E_DIR/five" ] && fail "--certificate-days 5 wrote $E2E_DIR/five"

$py - "$E2E_DIR" <<'EOF' || fail "certificates.csv"
import csv, sys
d = sys.argv[1]
people = [l.split("|") for l in open(d + "/people", encoding="utf-8").read().splitlines()]
def table(sub):
    with open("%s/%s/certificates.csv" % (d, sub), encoding="utf-8-sig", newline="") as f:
        return {r["name"]: r for r in csv.DictReader(f)}
default, two = table("out"), table("two")
for name, country, days, absent in people:
    present = len(days) - (1 if absent else 0)
    row = default[name]
    want = (str(present), "yes" if present >= 3 else "no", "3", "4", country)
    got = (row["days_present"], row["eligible"], row["days_required"], row["days"], row["country"])
    if got != want:
        sys.exit("%s: %r, expected %r" % (name, got, want))
    if two[name]["eligible"] != "yes":
        sys.exit("%s: not eligible with --certificate-days 2" % name)
eligible = [n for n, r in default.items() if r["eligible"] == "yes"]
open(d + "/eligible", "w", encoding="utf-8").write("\n".join(eligible) + "\n")
print("certificates.csv: %d of %d eligible" % (len(eligible), len(default)))
EOF
html=$E2E_DIR/out/certificates.html
grep -q '<script' "$html" && fail "a script in certificates.html"
grep -Eq '(src|href)=|url\(|@import' "$html" && fail "a remote resource in certificates.html"
grep -q 'Аигерим &lt;Бекова&gt; &amp; &quot;Co&quot;' "$html" || fail "a name not escaped"

chromium=$(command -v chromium || command -v chromium-browser) ||
	{ echo "skipped: chromium is not installed (the printing part)"; exit 77; }
command -v pdfinfo >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 ||
	{ echo "skipped: pdfinfo or pdftotext (poppler-utils) is not installed"; exit 77; }
HOME=$E2E_DIR timeout 120 "$chromium" --headless --no-sandbox --disable-gpu \
    --no-pdf-header-footer --user-data-dir="$E2E_DIR/chromium" \
    --print-to-pdf="$E2E_DIR/c.pdf" "file://$html" >"$E2E_DIR/chromium.log" 2>&1
[ -s "$E2E_DIR/c.pdf" ] || fail "chromium printed nothing: $(tail -5 "$E2E_DIR/chromium.log")"
pages=$(pdfinfo "$E2E_DIR/c.pdf" | sed -n 's/^Pages: *//p')
want=$(grep -c . "$E2E_DIR/eligible")
[ "$pages" = "$want" ] || fail "$pages pages for $want eligible participants"
pdfinfo "$E2E_DIR/c.pdf" | grep -Eq '^Page size: *59[0-9](\.[0-9]+)? x 84[0-9]' ||
	fail "not A4: $(pdfinfo "$E2E_DIR/c.pdf" | grep 'Page size')"
pdftotext -enc UTF-8 "$E2E_DIR/c.pdf" "$E2E_DIR/c.txt" || fail "pdftotext"
# A name in a script no installed font covers prints as empty boxes:
# checked only where fontconfig has a font for its language.
$py - "$E2E_DIR" <<'EOF' || fail "names in the PDF"
import subprocess, sys, unicodedata
d = sys.argv[1]
# A long name wraps: compare with every run of white space as one space.
def flat(s):
    return " ".join(unicodedata.normalize("NFC", s).split())
text = flat(open(d + "/c.txt", encoding="utf-8").read())
LANG = {"Ana Cruz": "en", "김민준": "ko", "สมชาย ใจดี": "th",
        "Аигерим <Бекова> & \"Co\"": "kk", "Անի Սարգսյան": "hy",
        "ޢާއިޝާ ރަޝީދު": "dv"}
def has_font(lang):
    out = subprocess.run(["fc-list", ":lang=" + lang], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout
    return out.strip() != b""
eligible = open(d + "/eligible", encoding="utf-8").read().splitlines()
for name, lang in LANG.items():
    if not has_font(lang):
        print("note: no font for %s here: %r not looked for" % (lang, name))
        continue
    if (flat(name) in text) != (name in eligible):
        sys.exit("%r %s in the PDF" % (name, "missing" if name in eligible else "found"))
print("PDF: %d pages, the eligible names in it" % len(eligible))
EOF
e2e_pass
