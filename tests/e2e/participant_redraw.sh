#!/bin/sh
# A participant terminal draws only what changed (issue 21): another room's
# idea sends its terminal no byte at all; an idea in its own room, a small
# update.  Bytes are counted at the source: what the convene process wrote
# (/proc/PID/io wchar; it writes nothing but its screen while nobody
# types), once it has read the new record and is asleep in poll() again.
. "$(dirname "$0")/lib.sh"
e2e_init
[ -r /proc/self/io ] || { echo "e2e: no /proc/PID/io here: skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
for who in "Kim Minjun" "Somchai Boonmee" "Maria Santos"; do
	cv participant "$s" "$who" --country KR >/dev/null
done
cv agenda "$s" next >/dev/null
cv timer "$s" stop	# the clock then turns once a minute, not a second
cv rooms "$s" --make 2 >/dev/null
# (a move to where dealing put them already is refused: no matter)
"$CONVENE" rooms "$s" move p1 r1 2>/dev/null
"$CONVENE" rooms "$s" move p2 r2 2>/dev/null
"$CONVENE" rooms "$s" move p3 r1 2>/dev/null
# The authors are here already: their ideas change nobody's head count.
cv checkin "$s" --by p2
cv checkin "$s" --by p3

start_session a 100 30 "$CONVENE" join "$s" --as p1
wait_for_text a "No ideas yet"
pid=$(pane_pid a) || fail "no convene process in the pane"

# io KEY: a counter of /proc/$pid/io.
io() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$pid/io"; }

# after_idea BY TEXT: writes the idea, waits until the terminal has read
# it and is back in poll(), and prints the bytes it wrote meanwhile; the
# minute of the clock turning meanwhile (a byte or two for good reason)
# makes it try again with another idea.
after_idea() {
	_try=0
	while [ $_try -lt 3 ]; do
		_try=$((_try + 1))
		_min=$(date +%H%M)
		_r0=$(io rchar) _w0=$(io wchar)
		cv idea "$s" --by "$1" "$2 $_try" >/dev/null
		_deadline=$(($(date +%s) + E2E_TIMEOUT))
		until [ "$(io rchar)" -gt "$_r0" ] &&
		    grep -q poll "/proc/$pid/wchan" 2>/dev/null; do
			[ "$(date +%s)" -lt "$_deadline" ] ||
			    fail "the terminal did not read the idea"
			sleep 0.02
		done
		if [ "$(date +%H%M)" = "$_min" ]; then
			echo $(($(io wchar) - _w0))
			return 0
		fi
	done
	fail "the minute kept turning"
}

# Another room's idea: nothing at all.
n=$(after_idea p2 "Room 2 builds a one-stop portal")
[ "$n" -eq 0 ] || fail "another room's idea cost $n bytes on room 1's board"
refute_screen a "Room 2 builds"

# One in its own room: shown, in a small update (the list moves down a row).
n=$(after_idea p3 "Room 1 pays land tax by phone")
wait_for_text a "Room 1 pays land tax by phone"
[ "$n" -gt 0 ] || fail "its own room's idea wrote nothing"
[ "$n" -le 1000 ] || fail "its own room's idea cost $n bytes"
echo "room 2's idea: 0 bytes; room 1's: $n bytes"

# What the update left on the screen is what a whole redraw (Ctrl-L)
# draws: with the highlight on the newest idea, on an older one, on a long
# idea wrapped over several lines, and with more ideas than the screen
# holds.
same_as_redrawn() {
	wait_for_text a "$1"
	# the text shows with the first bytes of the update: the rest (the
	# rows below, the count) may still be on its way to tmux
	sleep_until_quiet
	shown >"$E2E_DIR/updated"
	# Ctrl-L written out in full (more bytes, the terminal asleep again),
	# then shown in full: before it, "quiet" could be the old screen.
	_w0=$(io wchar)
	send a C-l
	wait_until "the terminal did not redraw on Ctrl-L" redrawn_since "$_w0"
	sleep_until_quiet
	shown >"$E2E_DIR/redrawn"
	cmp -s "$E2E_DIR/updated" "$E2E_DIR/redrawn" || {
		diff "$E2E_DIR/updated" "$E2E_DIR/redrawn"
		fail "the board updated in place differs from it drawn whole ($2)"
	}
}
# The screen's text, then which lines show reverse video (the highlight)
# (tmux writes attributes as changes from cell to cell,
# so an update and a redraw of the same screen may spell them differently).
shown() {
	screen a
	screen_colours a | grep -n "$(printf '\033')\\[\\(0;\\)\\{0,1\\}7m" | cut -d: -f1
}
redrawn_since() {	# WCHAR: written since, and asleep in poll() again
	[ "$(io wchar)" -gt "$1" ] && grep -q poll "/proc/$pid/wchan" 2>/dev/null
}
# Ctrl-L redraws what is there: wait until the screen stops changing.
sleep_until_quiet() {
	_prev= _deadline=$(($(date +%s) + E2E_TIMEOUT))
	while [ "$(screen a)" != "$_prev" ]; do
		_prev=$(screen a)
		[ "$(date +%s)" -lt "$_deadline" ] || fail "the screen kept changing"
		sleep 0.1
	done
}
cv idea "$s" --by p3 "Third idea for room 1" >/dev/null
same_as_redrawn "Third idea for room 1" "highlight on the newest"
send a Down
cv idea "$s" --by p3 "Fourth idea for room 1" >/dev/null
same_as_redrawn "Fourth idea for room 1" "highlight on an older idea"
cv idea "$s" --by p3 "A long idea that wraps: $(printf 'one form for every permit, ')$(printf 'filed once and shared by every ministry that needs it, ')and a phone number" >/dev/null
send a Home
same_as_redrawn "and a phone" "a long idea highlighted"
i=0
while [ $i -lt 30 ]; do
	i=$((i + 1))
	cv idea "$s" --by p3 "Idea number $i of many" >/dev/null
done
# (the highlight stays on the long idea: the newest go out of sight above)
# Room 1's ideas are p3's: after_idea wrote one more when a minute turned.
room1=$(grep -F ',"idea",' "$s/journal.csv" | grep -cF ',"p3",')
same_as_redrawn "$room1 ideas in Room 1" "a full screen"
send a g
cv idea "$s" --by p1 "My own idea at last" >/dev/null
same_as_redrawn "My own idea at last" "a full screen, highlight on the newest"
send a Down Down Down
cv idea "$s" --by p3 "One more from Maria" >/dev/null
same_as_redrawn "$((room1 + 2)) ideas in Room 1" "a full screen, highlight moved"

# The rows move on the terminal three ways: by a scrolling region, as so
# far, convene putting the terminal's sequences in the update
# (screens/rowshift.c); by deleting and inserting lines on a terminal
# without a scrolling region; by curses finding the move itself
# (CONVENE_ROWSHIFT=0).  Each leaves what a whole redraw draws, and each
# is the way taken (the bytes the terminal got, through tmux's pipe-pane;
# for screen, csr is ESC [ top ; bottom r and il1 ESC [ L).
ti=$E2E_DIR/terminfo
mkdir -p "$ti"
infocmp -1 screen | grep -v '^[[:space:]]*csr=' >"$ti/screen.src" &&
    tic -o "$ti" "$ti/screen.src" 2>/dev/null ||
	fail "cannot make a terminal description without a scrolling region"
csr=$(printf '\033\\[[0-9]*;[0-9]*r') il1=$(printf '\033\\[L')
n=$((room1 + 2))
for way in region lines curses; do
	case $way in
	region) env= ;;
	lines) env="TERM=screen TERMINFO=$ti" ;;
	curses) env=CONVENE_ROWSHIFT=0 ;;
	esac
	tm kill-session -t =a:
	E2E_ENV=$env start_session a 100 30 "$CONVENE" join "$s" --as p1
	wait_for_text a "$n ideas in Room 1"
	pid=$(pane_pid a) || fail "no convene process in the pane"
	rm -f "$E2E_DIR/bytes"
	tm pipe-pane -t =a: "cat >>'$E2E_DIR/bytes'"
	n=$((n + 1))
	cv idea "$s" --by p3 "Idea $n, its rows moved by $way" >/dev/null
	same_as_redrawn "$n ideas in Room 1" "$way, highlight on the newest"
	send a Down Down
	n=$((n + 1))
	cv idea "$s" --by p3 "Idea $n, its rows moved by $way" >/dev/null
	same_as_redrawn "$n ideas in Room 1" "$way, highlight moved"
	tm pipe-pane -t =a:
	case $way in
	region)
		grep -q "$csr" "$E2E_DIR/bytes" ||
		    fail "no scrolling region moved the rows" ;;
	lines)
		grep -q "$il1" "$E2E_DIR/bytes" ||
		    fail "no line was inserted without a scrolling region"
		! grep -q "$csr" "$E2E_DIR/bytes" ||
		    fail "a scrolling region was set on a terminal without one" ;;
	esac
done

# In Korean the count's digits sit between Hangul syllables ("...의
# 아이디어 42개"): only they are drawn again, and the board still
# matches its redraw.
mkdir -p "$E2E_DIR/locale/ko/LC_MESSAGES"
msgfmt -o "$E2E_DIR/locale/ko/LC_MESSAGES/convene.mo" "$E2E_ROOT/po/ko.po" ||
    fail "po/ko.po: msgfmt refuses it"
tm kill-session -t =a:
E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale" start_session a 100 30 \
    "$CONVENE" join "$s" --as p1 --lang ko
wait_for_text a "아이디어 ${n}개"
pid=$(pane_pid a) || fail "no convene process in the pane"
for k in 1 2; do
	n=$((n + 1))
	cv idea "$s" --by p3 "Idea $n, counted in Korean" >/dev/null
	same_as_redrawn "Idea $n, counted in Korean" "Korean, idea $k"
	screen a | grep -qF "아이디어 ${n}개" ||
	    fail "the Korean count does not say $n"
done

# A list to pick from (L: the languages, one for each catalogue) is drawn
# over the board: while it is open, a new idea draws the board whole
# beneath it instead of moving the rows, and the list with them.
for po in "$E2E_ROOT"/po/*.po; do
	l=$(basename "$po" .po)
	mkdir -p "$E2E_DIR/locale/$l/LC_MESSAGES"
	msgfmt -o "$E2E_DIR/locale/$l/LC_MESSAGES/convene.mo" "$po" ||
	    fail "$po: msgfmt refuses it"
done
send a L
wait_for_text a "English"
n=$((n + 1))
cv idea "$s" --by p3 "Idea $n, a list open above it" >/dev/null
same_as_redrawn "Idea $n," "a list to pick from open"
send a Escape
wait_for_gone a "English"

# A board made larger lays its rows out again in more room, in the array
# it had: once moved by realloc, it was freed twice (under AddressSanitizer
# realloc always moves it).
resize a 40 12
n=$((n + 1))
cv idea "$s" --by p3 "Idea $n, on a small terminal" >/dev/null
same_as_redrawn "Idea $n," "a small terminal"
resize a 100 30
n=$((n + 1))
cv idea "$s" --by p3 "Idea $n, the terminal grown again" >/dev/null
same_as_redrawn "Idea $n, the terminal grown again" "a terminal grown"
e2e_pass
