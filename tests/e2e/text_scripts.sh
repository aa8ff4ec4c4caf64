#!/bin/sh
# Participants' scripts on the screens, read back from tmux: Korean wraps
# between words on the projector's idea wall and is cut after a whole word
# on the participant's board; emoji sequences (ZWJ, skin tone, flag, VS16,
# keycap) and Sinhala, Bengali and Devanagari conjuncts with a zero width
# joiner leave every column of the wall where it belongs, and a board that
# followed the ideas as they came shows the same cells as one drawn afresh
# (no stray cells), at 100x30, 80x24 and 40x24.  Columns are counted by
# tests/e2e/cells.c as tmux 3.3a counts them, not by convene's code.
. "$(dirname "$0")/lib.sh"
e2e_init
if ! command -v cc >/dev/null 2>&1; then
	echo "no C compiler to build tests/e2e/cells.c: skipped"
	exit 77
fi
CELLS=$E2E_DIR/cells
cc -std=c11 -o "$CELLS" tests/e2e/cells.c || fail "cannot build cells.c"
export LC_ALL=C.UTF-8	# grep -P on UTF-8 text

# No two spaces in a row: two spaces or more separate the wall's columns.
ko1="디지털 정부는 국민을 위한 서비스입니다 섬 지역 주민에게도 제공합니다"
ko2="AI기반 행정혁신 사례를 공유하고 정부3.0을 넘어 국민과 함께합니다"
ko3="전자정부 서비스를 섬 지역 주민에게 👍🏽 제공하는 방안"
si="ශ්‍රී ලංකා රජය 👩‍💻 ඩිජිටල් සේවා"
bn="র‍্যাব র‍্যাংকিং ডিজিটাল সেবা"
hi="क्‍षमता विकास 👨‍👩‍👧 परिवार सेवा"
em="Emoji 👩‍💻 👍🏽 🇹🇭 ❤️ 1️⃣ ☺️ 🏳️‍🌈 end"
# shellcheck disable=SC2086 # one word a line
printf '%s\n' $ko1 $ko2 $ko3 | sort -u >"$E2E_DIR/words"

s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Kim Minjun" --country KR >/dev/null

# A board that follows the ideas as they are written.
start_session live 80 24 "$CONVENE" join "$s" --as p1
wait_for_text live "Board"
n=0
# Newest first on the wall: the conjuncts and emoji in its first column,
# with the second column's bullets on the same rows after them.
for idea in "$ko1" "$ko2" "Offline kiosks for the islands" \
    "One SMS gateway for every ministry" "$ko3" "$bn" "$hi" "$em" "$si"; do
	cv idea "$s" --by p1 "$idea" >/dev/null
	n=$((n + 1))
	wait_for_text live "$n idea"
done

# check_rows NAME COLS FIRST LAST ALLOWED...: rows FIRST..LAST (from 1) of
# NAME's screen are at most COLS columns wide, as wide in tmux 3.3a as in a
# terminal that counts code point by code point (xterm, VTE), hold no VS16,
# and each run of text on them starts at one of the ALLOWED columns.
check_rows() {
	_n=$1 _cols=$2 _first=$3 _last=$4
	shift 4
	screen "$_n" | sed -n "${_first},${_last}p" | "$CELLS" >"$E2E_DIR/cells.out"
	screen "$_n" | sed -n "${_first},${_last}p" >"$E2E_DIR/rows.out"
	_r=$_first
	while read -r _line; do
		_row=$(sed -n "$((_r - _first + 1))p" "$E2E_DIR/rows.out")
		# shellcheck disable=SC2086 # three numbers
		set -- ${_line##*= } "$@"
		[ "$1" -le "$_cols" ] || fail "$_n row $_r: $1 columns"
		[ "$1" -eq "$2" ] ||
			fail "$_n row $_r: $1 columns in tmux, $2 in xterm: $_row"
		[ "$3" -eq 0 ] || fail "$_n row $_r: a VS16 reached the screen: $_row"
		shift 3
		for _at in ${_line%=*}; do
			case " $* " in
			*" $_at "*) ;;
			*)	screen "$_n"
				fail "$_n row $_r: text at column $_at: $_row" ;;
			esac
		done
		_r=$((_r + 1))
	done <"$E2E_DIR/cells.out"
}

# korean_whole NAME [FIRST LAST]: every word with Hangul on NAME's screen
# (rows FIRST..LAST) is a whole word of the Korean ideas (a cut row ends
# with one and "…").
korean_whole() {
	_bad=$(screen "$1" | sed -n "${2:-1},${3:-\$}p" | tr ' ' '\n' |
	    grep -P '[\x{AC00}-\x{D7A3}]' | sed 's/…$//' |
	    grep -vxF -f "$E2E_DIR/words")
	if [ -n "$_bad" ]; then
		screen "$1"
		fail "$1: a Korean word cut: $_bad"
	fi
}

# row_of NAME TEXT: the number (from 1) of the first row with TEXT.
row_of() {
	screen "$1" | grep -nF -- "$2" | head -n 1 | cut -d: -f1
}

# The projector's wall: ideas in columns of cols/n (n = cols/36, 3 at most),
# each a bullet at 1 and its text at 3 within its column.
wall() {
	_cols=$1 _rows=$2
	_ncol=$((_cols / 36))
	[ "$_ncol" -ge 1 ] || _ncol=1
	[ "$_ncol" -le 3 ] || _ncol=3
	_colw=$((_cols / _ncol))
	start_session "wall$_cols" "$_cols" "$_rows" "$CONVENE" show "$s"
	wait_for_text "wall$_cols" "$n ideas"
	wait_for_text "wall$_cols" "Tab"
	_allowed=
	_c=0
	while [ $_c -lt "$_ncol" ]; do
		_allowed="$_allowed $((_c * _colw + 1)) $((_c * _colw + 3))"
		_c=$((_c + 1))
	done
	_top=$(row_of "wall$_cols" "$n ideas")
	_end=$(row_of "wall$_cols" "Tab next screen")
	# shellcheck disable=SC2086 # the allowed columns are words
	check_rows "wall$_cols" "$_cols" $((_top + 1)) $((_end - 1)) $_allowed
	korean_whole "wall$_cols"
	# Every idea has its bullet: none pushed off its row.
	_bullets=$(screen "wall$_cols" | grep -o '•' | wc -l)
	[ "$_bullets" -ge 1 ] || fail "wall$_cols: no ideas shown"
}
wall 100 30
wall 80 24
wall 40 24
# A Korean idea wraps over two rows at 40 columns, between words.
assert_screen wall40 " • 전자정부 서비스를 섬 지역 주민에게"
assert_screen wall40 "   👍🏽 제공하는 방안"

# The participant's board: "★ " and the idea (the highlighted one on
# more rows), cut after a whole word.
board() {
	_n=$1 _cols=$2
	_top=$(row_of "$_n" "$n ideas")
	_end=$(row_of "$_n" "i idea")
	check_rows "$_n" "$_cols" $((_top + 1)) $((_end - 1)) 0 2
	korean_whole "$_n"
}
board live 80
start_session fresh 80 24 "$CONVENE" join "$s" --as p1
wait_for_text fresh "$n ideas"
board fresh 80
# The board that followed the ideas shows exactly what a fresh one shows
# (the status line, with its clock, aside).
wait_still live
wait_still fresh
screen live | sed 1d >"$E2E_DIR/live.txt"
screen fresh | sed 1d >"$E2E_DIR/fresh.txt"
cmp -s "$E2E_DIR/live.txt" "$E2E_DIR/fresh.txt" || {
	diff "$E2E_DIR/live.txt" "$E2E_DIR/fresh.txt"
	fail "the live board and a fresh one differ"
}

# Narrow: 40 columns, the live board resized, a fresh one started so.
resize live 40 24
resize fresh 40 24
start_session narrow 40 24 "$CONVENE" join "$s" --as p1
wait_for_text narrow "$n ideas"
wait_for_text live "국민을 위한…"
board narrow 40
board live 40
wait_still live
wait_still narrow
screen live | sed 1d >"$E2E_DIR/live.txt"
screen narrow | sed 1d >"$E2E_DIR/narrow.txt"
cmp -s "$E2E_DIR/live.txt" "$E2E_DIR/narrow.txt" || {
	diff "$E2E_DIR/live.txt" "$E2E_DIR/narrow.txt"
	fail "the resized board and a fresh narrow one differ"
}
assert_screen narrow "★ 디지털 정부는 국민을 위한…"

# The facilitator's board: a table whose room and dots columns come after
# each idea's text, at the same columns on every row; below it the
# highlighted idea (the oldest, Korean) wrapped between words.
console() {
	_n=con$1
	start_session "$_n" "$1" 24 "$CONVENE" run "$s"
	wait_for_text "$_n" "Agenda"
	send "$_n" 5
	wait_for_text "$_n" "$n ideas ·"
	wait_for_text "$_n" "섬 지역"
	_top=$(row_of "$_n" "$n ideas ·")
	_first=$(screen "$_n" | sed -n "$((_top + 1))p" | "$CELLS")
	# shellcheck disable=SC2086 # the first row's columns are words
	check_rows "$_n" "$1" $((_top + 1)) $((_top + n)) ${_first%=*}
	_rule=$(screen "$_n" | grep -n '^──' | tail -n 1 | cut -d: -f1)
	korean_whole "$_n" $((_rule + 2)) $(($(row_of "$_n" "? keys") - 1))
}
console 80
console 40
e2e_pass
