#!/bin/sh
# Hostile text and ids from the command line: invalid UTF-8 (stray bytes,
# overlong forms, surrogates, beyond U+10FFFF) and over-long ideas are
# refused with exit 1 and nothing written; ids that do not exist are
# refused by every verb that takes one.  Escape sequences in an idea are
# stored as they are but never reach another terminal: the console shows
# them as harmless pictures.
. "$(dirname "$0")/lib.sh"
e2e_init
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Ahmad Karimi" --country AF >/dev/null
cv idea "$s" --by p1 "a first idea" >/dev/null
cv voting "$s" open >/dev/null
cv poll "$s" open "Which day?" Monday Tuesday >/dev/null

# refused EXPECTED_EXIT ARGS...: convene ARGS exits EXPECTED_EXIT, prints
# nothing on stdout, one "convene: " line on stderr, and leaves the
# journal byte for byte as it was.
refused() {
	_want=$1
	shift
	cp "$s/journal.csv" "$E2E_DIR/before.csv"
	"$CONVENE" "$@" >"$E2E_DIR/o" 2>"$E2E_DIR/e"
	_rc=$?
	[ $_rc -eq "$_want" ] ||
		fail "convene $1 ($(head -c 60 "$E2E_DIR/e")): exit $_rc, not $_want"
	[ -s "$E2E_DIR/o" ] && fail "convene $1: printed $(cat "$E2E_DIR/o")"
	grep -q '^convene: ' "$E2E_DIR/e" || fail "convene $1: no message"
	cmp -s "$s/journal.csv" "$E2E_DIR/before.csv" ||
		fail "convene $1: the journal changed"
}

# Invalid UTF-8: a stray continuation byte, 0xFF, an overlong '/', an
# overlong NUL, a UTF-16 surrogate, a code point beyond U+10FFFF, a
# sequence cut short at the end.
for bytes in '\200' '\377' '\300\257' '\300\200' '\355\240\200' \
    '\364\220\200\200' 'abc\342\202'; do
	# shellcheck disable=SC2059 # the bytes are printf escapes
	bad=$(printf "idea $bytes end")
	refused 1 idea "$s" --by p1 "$bad"
	refused 1 participant "$s" "$bad" --country AF
	refused 1 ask "$s" --by p1 "$bad"
done

# Over-long: 1,000 characters pass (3,000 bytes of Lao), 1,001 do not;
# bytes are not characters.
long=$(python3 -c 'print("ລ" * 1000, end="")')
cv idea "$s" --by p1 "$long" >/dev/null
refused 1 idea "$s" --by p1 "${long}x"
refused 1 idea "$s" --by p1 "$(python3 -c 'print("x" * 100000, end="")')"
# Empty and blank ideas.
refused 1 idea "$s" --by p1 ""
refused 1 idea "$s" --by p1 "
	  "

# Unknown ids, each where a verb expects one.
refused 1 idea "$s" --by p99 "by nobody"
refused 1 idea "$s" --by p1 --room r9 "in no room"
refused 1 vote "$s" --by p1 i99
refused 1 vote "$s" --by p99 i1
refused 1 unvote "$s" --by p1 i99
refused 1 checkin "$s" --by p99
refused 1 ask "$s" --by p99 "who am I?"
refused 1 upvote "$s" --by p1 q99
refused 1 poll "$s" answer poll99 --by p1 1
refused 1 agenda "$s" goto no-such-item
refused 1 timer "$s" --room r9 start 5
# Ids that try to be something else.
refused 1 vote "$s" --by p1 "i1,i1"
refused 1 vote "$s" --by "p1
p1" i1
refused 1 vote "$s" --by "../p1" i1

# Escape sequences in an idea: stored byte-exact, shown harmless.
esc=$(printf 'clear\033[2J\033[31mRED\007\033]0;owned\007 \342\200\256txet')
cv idea "$s" --by p1 "$esc" >/dev/null
grep -qF "$(printf '\033[2J')" "$s/journal.csv" ||
	fail "the idea was not stored byte-exact"
start_session con 100 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con 5
wait_for_text con "clear"
screen con | grep -F "clear" | grep -qF "␛" ||
	fail "ESC is not shown as a picture"
screen_colours con | grep -F "clear" | grep -qF "$(printf '\033[31m')RED" &&
	fail "the idea's escape sequence reached the terminal"
title=$(tm display-message -p -t '=con:' '#{pane_title}')
[ "$title" = owned ] && fail "the idea set the terminal's title"
send con q y
[ "$(wait_exit con)" = 0 ] || fail "console exit status"
e2e_pass
