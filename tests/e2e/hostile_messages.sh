#!/bin/sh
# hostile_messages: nothing from a file or another person reaches the
# terminal raw, errors and warnings included.  An import file whose cells
# hold escape sequences, a module with ESC in its values (check and new),
# verbs given ESC in their arguments, an ambiguous --as name listing
# participants, and an export warning about a damaged journal record:
# no ESC, BEL or CR byte (nor a bidi override) on stderr or stdout, and
# the messages still say
# what is wrong (the control characters show as Control Pictures).
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
d=$E2E_DIR
esc=$(printf '\033') bel=$(printf '\007')

# clean WHAT: stdout and stderr of the last command have no ESC, BEL, CR.
clean() {
	for f in "$d/out" "$d/err"; do
		if LC_ALL=C grep -q "$(printf '[\033\007\r]')" "$f"; then
			fail "$1: a control byte reached the terminal: $(od -c "$f" | head -5)"
		fi
	done
}
run() { # WHAT EXPECTED-STATUS COMMAND...
	what=$1 want=$2
	shift 2
	"$@" >"$d/out" 2>"$d/err"
	rc=$?
	[ $rc -eq "$want" ] || fail "$what: exit $rc, not $want: $(cat "$d/err")"
	clean "$what"
	echo "ok: $what: $(head -n 1 "$d/err")"
}

s=$d/s
"$CONVENE" new "$s" --module tests/data/modules/minimal --start 2026-11-23 >/dev/null ||
    fail "new"

# Import: escape sequences in the name, the country and the organisation.
printf 'name,country,organisation\r\n"A\033]0;owned\007",ZZ\033[31m,x\r\nB,"T\033[2JH",y\r\n' \
    >"$d/list.csv"
run "import with escapes" 3 "$CONVENE" import "$s" "$d/list.csv"
grep -q "unknown country 'T" "$d/err" || fail "import: the country is not quoted: $(cat "$d/err")"

# A module with ESC in values: check and new report them, sanitised.
m=$d/m
cp -R tests/data/modules/minimal "$m"
sed -i "s|^timezone *=.*|timezone = Asia/${esc}[2JNowhere|" "$m/module.ini"
sed -i "0,/^kind *=.*/s||kind = lec${esc}]0;x${bel}ture|" "$m/module.ini"
run "check with escapes" 3 "$CONVENE" check "$m"
grep -q "unknown kind 'lec" "$d/out" || fail "check: the kind is not quoted: $(cat "$d/out")"
run "new with escapes" 1 "$CONVENE" new "$d/s2" --module "$m" --start 2026-11-23

# Verbs' arguments.
run "idea --by with escapes" 1 "$CONVENE" idea "$s" --by "p${esc}[2J" 'An idea'
run "agenda goto with escapes" 1 "$CONVENE" agenda "$s" goto "x${esc}[2Jy"
run "an unknown option with escapes" 2 "$CONVENE" export "$s" "--x${esc}[2J"
run "an unknown command with escapes" 2 "$CONVENE" "a${esc}[2J"
run "export --out with escapes" 3 "$CONVENE" export "$s" --out "$d/list.csv/${esc}[2J"

# Names another person typed, listed for an ambiguous --as: a
# right-to-left override (U+202E) in them never reaches the terminal.
rlo=$(printf '\342\200\256')
"$CONVENE" participant "$s" "Kim${rlo}" --country KR >/dev/null || fail "participant 1"
"$CONVENE" participant "$s" "kim${rlo}" --country KR >/dev/null || fail "participant 2"
run "ambiguous --as" 1 "$CONVENE" checkin "$s" --by "Kim${rlo}"
grep -q "p2" "$d/err" || fail "ambiguous --as: no list: $(cat "$d/err")"
! grep -q "$rlo" "$d/err" || fail "ambiguous --as: U+202E reached the terminal"

# A damaged journal record whose text holds ESC: the export warns about
# it, quoting nothing raw.
printf '"9","2026-11-23T01:00:00.000Z","p1","t","idea_add","i9","","","0","\033[2J\033]0;x\007","","00000000"\r\n' \
    >>"$s/journal.csv"
run "export with a damaged record" 0 "$CONVENE" export "$s" --out "$d/x"
grep -q "damaged" "$d/err" || fail "export: no warning: $(cat "$d/err")"
e2e_pass
