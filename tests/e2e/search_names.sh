#!/bin/sh
# search_names: `--as` and `--by` find a person as every search does
# (src/search.h): case and Latin accents ignored, a unique first name
# enough, part of a word never; an ambiguous name lists the people it
# could mean.
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
s=$E2E_DIR/s
new_session "$s" --start 2026-11-23

p1=$(cv participant "$s" "Kim Minjun" --country KR)
p2=$(cv participant "$s" "Nguyễn Thị Lan" --country VN)
p3=$(cv participant "$s" "Kim Seoyeon" --country KR)
p4=$(cv participant "$s" "Бат-Эрдэнэ Ганболд" --country MN)

by() { # NAME EXPECTED-ID
	"$CONVENE" ask "$s" --by "$1" "Who am I? $1" >/dev/null 2>"$E2E_DIR/err" ||
	    fail "--by '$1' refused: $(cat "$E2E_DIR/err")"
	tail -n 1 "$s/journal.csv" | grep -q "\"$2\"" ||
	    fail "--by '$1' acted as someone else: $(tail -n 1 "$s/journal.csv")"
	echo "ok: --by '$1' is $2"
}
refused() { # NAME WHAT-ERR-SAYS
	if "$CONVENE" ask "$s" --by "$1" "x" >/dev/null 2>"$E2E_DIR/err"; then
		fail "--by '$1' was accepted"
	fi
	grep -q "$2" "$E2E_DIR/err" || fail "--by '$1': $(cat "$E2E_DIR/err")"
	echo "ok: --by '$1' refused: $(head -n 1 "$E2E_DIR/err")"
}

by "Minjun" "$p1"
by "kim minjun" "$p1"
by "nguyen" "$p2"
by "NGUYEN THI LAN" "$p2"
by "ганболд" "$p4"
by "эрдэнэ" "$p4"
refused "Min" "no participant"
refused "kim" "2 participants"
grep -q "$p3" "$E2E_DIR/err" || fail "the ambiguous name does not list $p3"
e2e_pass
