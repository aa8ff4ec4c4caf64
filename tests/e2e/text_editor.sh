#!/bin/sh
# The line editor in a real terminal (tmux): Korean and Thai typed as UTF-8
# line up column-exact, the cursor moves and deletes by grapheme cluster,
# Enter submits the exact bytes, Ctrl-J makes multi-line ideas, Esc keeps the
# draft, and escape sequences in participant text never act on the terminal.
# Builds tests/e2e/editor_harness.c against what `make` built.
# (Alt-Enter and bracketed paste are checked too, and that a paste holding
# ESC and other controls is taken as text only.)
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v tmux >/dev/null 2>&1 || { echo "tmux is not installed"; exit 77; }
if [ ! -f build/screens/lineedit.o ] || [ ! -f build/libconvene.a ]; then
	echo "build/screens/lineedit.o or build/libconvene.a missing: run make"
	exit 1
fi

export LC_ALL=C.UTF-8
unset LINES COLUMNS TMUX
tmp=$(mktemp -d /tmp/convene-text-editor.XXXXXX) || exit 3
sock=$tmp/tmux.sock
trap 'tmux -S "$sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

# Under `make sanitize` the objects need the sanitizers' run time as well.
san=
if nm build/screens/lineedit.o 2>/dev/null | grep -q __asan; then
	san='-fsanitize=address,undefined'
fi
${CC:-cc} $san -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc -Iscreens -std=c11 -g \
    -o "$tmp/harness" tests/e2e/editor_harness.c build/screens/lineedit.o \
    build/libconvene.a $(pkg-config --libs ncursesw icu-uc icu-i18n) \
    -lcsv -liniparser -lcrypt || { echo "cannot build the harness"; exit 1; }

fail=0
# Seconds a wait may take (lib.sh's default: long enough for CI's loaded,
# sanitized runs; a wait ends as soon as what it waits for shows).
E2E_TIMEOUT=${E2E_TIMEOUT:-30}
FX=3		# the field's first column (editor_harness.c FIELD_X)
FW=40		# and its width

t() { tmux -u -S "$sock" "$@"; }

start() { # ROWS [HOSTILE_FILE]
	rm -f "$tmp/out" "$tmp/status"
	t kill-server 2>/dev/null
	t -f /dev/null new-session -d -s ed -x 80 -y 24 -e LANG=C.UTF-8 \
	    -e LC_ALL=C.UTF-8 \
	    "$tmp/harness $tmp/out $*; echo \$? > $tmp/status"
	wait_for "editor harness"
}

screen() { t capture-pane -p -t '=ed:' > "$tmp/screen"; }

wait_for() { # TEXT: poll the screen until it shows TEXT
	end=$(($(date +%s) + E2E_TIMEOUT))
	while :; do
		screen
		grep -qF -- "$1" "$tmp/screen" && return 0
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "FAIL: timed out waiting for: $1"
			sed 's/^/  screen| /' "$tmp/screen"
			fail=1
			return 1
		fi
		sleep 0.05
	done
}

wait_file() { # FILE: poll until it exists
	end=$(($(date +%s) + E2E_TIMEOUT))
	while [ ! -s "$1" ]; do
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "FAIL: timed out waiting for $1"; fail=1; return 1
		fi
		sleep 0.05
	done
}

cursor_at() { # COLUMN WHAT: poll until the cursor is there
	end=$(($(date +%s) + E2E_TIMEOUT))
	while :; do
		x=$(t display -p -t '=ed:' '#{cursor_x}')
		[ "$x" = "$1" ] && return 0
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "FAIL: $2: cursor at column $x, expected $1"
			fail=1
			return 1
		fi
		sleep 0.05
	done
}

# The field's row as the terminal shows it: text, then spaces up to the
# closing bracket.  COLUMNS is the text's display width.
field_row() { # TEXT COLUMNS
	printf '  [%s%*s]' "$1" $((FW - $2)) ''
}

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }

expect_out() { # LINE
	wait_file "$tmp/out" || return
	end=$(($(date +%s) + E2E_TIMEOUT))
	until grep -qxF -- "$1" "$tmp/out"; do
		if [ "$(date +%s)" -ge "$end" ]; then
			echo "FAIL: $tmp/out lacks: $1"; sed 's/^/  out| /' "$tmp/out"
			fail=1; return
		fi
		sleep 0.05
	done
}

# --- one-line field: Korean, then Thai ---
start 1
t send-keys -t '=ed:' -l '디지털 정부'
wait_for "$(field_row '디지털 정부' 11)"
cursor_at $((FX + 11)) "after Korean"
t send-keys -t '=ed:' -l ' รัฐบาลดิจิทัล'
wait_for "$(field_row '디지털 정부 รัฐบาลดิจิทัล' 21)"
cursor_at $((FX + 21)) "after Thai (marks take no column)"

# Three clusters left (ล, ทั, จิ), then Backspace takes ดิ (consonant + vowel)
t send-keys -t '=ed:' Left Left Left
cursor_at $((FX + 18)) "three graphemes left"
t send-keys -t '=ed:' BSpace
wait_for "$(field_row '디지털 정부 รัฐบาลจิทัล' 20)"
cursor_at $((FX + 17)) "after deleting ดิ"

# Home, Delete a Hangul syllable, type it back; End
t send-keys -t '=ed:' Home
cursor_at "$FX" "Home"
t send-keys -t '=ed:' DC
wait_for "$(field_row '지털 정부 รัฐบาลจิทัล' 18)"
t send-keys -t '=ed:' -l '디'
wait_for "$(field_row '디지털 정부 รัฐบาลจิทัล' 20)"
cursor_at $((FX + 2)) "after a wide syllable"
t send-keys -t '=ed:' End
cursor_at $((FX + 20)) "End"

t send-keys -t '=ed:' Enter
expect_out "submit $(hex '디지털 정부 รัฐบาลจิทัล')"
wait_for "submit: $(hex '디지털 정부 รัฐบาลจิทัล' | cut -c1-40)"
wait_for "디지털 정부 รัฐบาลจิทัล"
wait_for "$(field_row '' 0)"

# Wider than the field: it scrolls, the cursor stays inside, nothing spills
t send-keys -t '=ed:' -l '디지털 정부 서비스는 섬과 외딴 지방에서도 오프라인으로 작동해야 합니다'
wait_for '작동해야 합니다 '
screen
row=$(sed -n 3p "$tmp/screen")
case $row in
"  ["*"]") ;;
*) echo "FAIL: the scrolled field spills: '$row'"; fail=1 ;;
esac
x=$(t display -p -t '=ed:' '#{cursor_x}')
if [ "$x" -lt "$FX" ] || [ "$x" -ge $((FX + FW)) ]; then
	echo "FAIL: cursor outside the field at $x"; fail=1
fi
t send-keys -t '=ed:' C-u
wait_for "$(field_row '' 0)"

# Ctrl-W takes one Thai dictionary word, though Thai has no spaces
t send-keys -t '=ed:' -l 'รัฐบาลดิจิทัล'
wait_for "$(field_row 'รัฐบาลดิจิทัล' 9)"
t send-keys -t '=ed:' C-w
wait_for "$(field_row 'รัฐบาล' 5)"
t send-keys -t '=ed:' C-u

# A bracketed paste of several lines into a one-line field: spaces, no submit
t set-buffer "$(printf 'one\ntwo')"
t paste-buffer -p -t '=ed:'
wait_for "$(field_row 'one two' 7)"
t send-keys -t '=ed:' C-u

# A paste is text only: ESC in it neither cancels the editor nor turns the
# rest into keys (ESC is dropped, what follows it is typed: "[D" stays
# text, it does not move the cursor), other controls (BEL, Ctrl-U) are
# dropped, CR is a space in a one-line field, and the editor stays open.
t set-buffer "$(printf 'ab\033xy\033[Dz\007\025\rq')"
t paste-buffer -p -t '=ed:'
wait_for "$(field_row 'abxy[Dz q' 9)"
t send-keys -t '=ed:' -l '!'
wait_for "$(field_row 'abxy[Dz q!' 10)"
[ ! -e "$tmp/status" ] || { echo "FAIL: a paste with ESC closed the editor"; fail=1; }
t send-keys -t '=ed:' C-u

# Esc cancels and keeps the draft
t send-keys -t '=ed:' -l 'ລາວ draft'
wait_for "$(field_row 'ລາວ draft' 9)"
t send-keys -t '=ed:' Escape
expect_out "cancel $(hex 'ລາວ draft')"
wait_file "$tmp/status" && [ "$(cat "$tmp/status")" = 0 ] ||
	{ echo "FAIL: harness exit status $(cat "$tmp/status" 2>/dev/null)"; fail=1; }

# --- a box of 3 rows: Ctrl-J makes a new line, Enter submits ---
start 3
t send-keys -t '=ed:' -l '첫째 줄'
t send-keys -t '=ed:' C-j
t send-keys -t '=ed:' -l 'ສະບາຍດີ'
wait_for "$(field_row 'ສະບາຍດີ' 6)"
grep -qF -- "$(field_row '첫째 줄' 7)" "$tmp/screen" ||
	{ echo "FAIL: first line of the box"; fail=1; }
cursor_at $((FX + 6)) "second line of the box"
t send-keys -t '=ed:' Up
cursor_at $((FX + 5)) "up into the first line (column 6 is inside 줄)"
t send-keys -t '=ed:' Down
cursor_at $((FX + 6)) "down again (the column is kept)"
# Alt-Enter (ESC CR) is a new line too; a bracketed paste keeps its lines
t send-keys -t '=ed:' End M-Enter
t send-keys -t '=ed:' -l '셋'
t set-buffer "$(printf '\nPaste 1\nPaste 2')"
t paste-buffer -p -t '=ed:'
wait_for "$(field_row 'Paste 2' 7)"
t send-keys -t '=ed:' Enter
expect_out "submit $(hex '첫째 줄
ສະບາຍດີ
셋
Paste 1
Paste 2')"
t send-keys -t '=ed:' Escape
wait_file "$tmp/status"

# --- participant text with escape sequences is shown, never obeyed ---
printf 'a\033[2J\033]2;pwned\007b\342\200\256c\302\233Hd\033[31mred' > "$tmp/hostile"
start 1 "$tmp/hostile"
wait_for '|a␛[2J␛]2;pwned␇b�c�Hd␛[31mred'
grep -qF "editor harness" "$tmp/screen" ||
	{ echo "FAIL: the screen was cleared"; fail=1; }
title=$(t display -p -t '=ed:' '#{pane_title}')
case $title in *pwned*) echo "FAIL: the pane title was set"; fail=1 ;; esac
if t capture-pane -p -e -t '=ed:' | grep -q "$(printf '\033')\[31m"; then
	echo "FAIL: the colour sequence took effect"; fail=1
fi
t send-keys -t '=ed:' Escape
wait_file "$tmp/status"

[ "$fail" -eq 0 ] && echo "text_editor: all checks passed"
exit $fail
