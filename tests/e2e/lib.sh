# lib.sh -- helpers for end-to-end tests that drive ./convene in tmux.
#
# Source it from a test script in tests/e2e/:
#
#	. "$(dirname "$0")/lib.sh"
#	e2e_init                       # or e2e_init notmux for tests without tmux
#	start_session con 80 24 ./convene run "$E2E_DIR/s"
#	wait_for_text con "Agenda"
#	send con Tab
#	...
#	e2e_pass
#
# Every tmux command goes to a private server on a socket in a temporary
# directory (never the user's tmux), and every session is targeted exactly
# ('=name:'), so a window called "bash" can never be hit by mistake.  Waits
# poll the screen with a deadline; there are no fixed sleeps.  The
# temporary directory and the tmux server go away when the script exits.
#
# Variables a test may use after e2e_init:
#	E2E_DIR    a fresh temporary directory (sessions, logs, status files)
#	E2E_ROOT   the project's top directory (the script runs from there)
#	CONVENE    the binary, $E2E_ROOT/convene (or $E2E_CONVENE when set,
#	           e.g. a build with sanitizers)
#	E2E_TIMEOUT  seconds a wait may take (default 30; set before waiting)
#
# A wait ends as soon as what it waits for shows, so a long time-out costs
# nothing when the test passes.  It only has to be long enough for the
# slowest machine that runs the suite: CI runs it on 2 cores shared with
# other work, the second time under AddressSanitizer (load average 16 to 20
# measured there), where a terminal that starts, replays and draws in
# 0.2 s here can take several seconds.  Never a time-out as the check
# itself: what a test checks is what shows, not how fast (figures go to
# bench/).

# Run on its own (tests/run-e2e runs every *.sh), it has nothing to test.
case $0 in */lib.sh | lib.sh) exit 0 ;; esac

E2E_TIMEOUT=${E2E_TIMEOUT:-30}

# e2e_init [notmux]
#	Goes to the project's top directory, checks that ./convene is built,
#	makes E2E_DIR and, unless "notmux" is given, checks for tmux (exit 77,
#	"skipped", when it is missing) and writes the tmux configuration.
#	Cleans everything up when the script exits.
e2e_init() {
	E2E_ROOT=$(cd "$(dirname "$0")/../.." && pwd) || exit 3
	cd "$E2E_ROOT" || exit 3
	CONVENE=${E2E_CONVENE:-$E2E_ROOT/convene}
	if [ ! -x "$CONVENE" ]; then
		echo "e2e: $CONVENE is not built (run make first)"
		exit 3
	fi
	E2E_DIR=$(mktemp -d "${TMPDIR:-/tmp}/convene-e2e.XXXXXX") || exit 3
	E2E_SOCK=$E2E_DIR/tmux.sock
	trap e2e_cleanup EXIT
	trap 'exit 2' INT TERM HUP
	if [ "${1:-}" != notmux ]; then
		if ! command -v tmux >/dev/null 2>&1; then
			echo "e2e: tmux is not installed: skipped"
			exit 77
		fi
		# No user configuration; panes stay after their program
		# exits so that its last screen can still be read.
		printf '%s\n' 'set -g remain-on-exit on' \
		    'set -g history-limit 100' 'set -g status off' \
		    >"$E2E_DIR/tmux.conf"
	fi
	unset LINES COLUMNS TMUX
}

# e2e_cleanup
#	Stops the private tmux server and removes E2E_DIR (runs at exit).
e2e_cleanup() {
	if [ -n "${E2E_SOCK:-}" ] && [ -S "$E2E_SOCK" ]; then
		tmux -S "$E2E_SOCK" kill-server >/dev/null 2>&1
	fi
	[ -n "${E2E_DIR:-}" ] && rm -rf "$E2E_DIR"
}

# tm ARGS...
#	Runs tmux on the private socket.
tm() {
	tmux -S "$E2E_SOCK" -f "$E2E_DIR/tmux.conf" "$@"
}

# start_session NAME COLS ROWS COMMAND [ARGS...]
#	Starts COMMAND in a detached tmux session NAME of COLS x ROWS, with
#	LANG=C.UTF-8 and TERM=screen.  The command runs under sh; its exit
#	status is written to $E2E_DIR/NAME.status when it ends (read it with
#	wait_exit).  Arguments are quoted for the shell, so they may hold
#	spaces.  Extra environment: set E2E_ENV to "VAR=value ..." first.
start_session() {
	_name=$1 _cols=$2 _rows=$3
	shift 3
	_cmd=
	for _a in "$@"; do
		_cmd="$_cmd '$(printf '%s' "$_a" | sed "s/'/'\\\\''/g")'"
	done
	rm -f "$E2E_DIR/$_name.status"
	tm new-session -d -s "$_name" -x "$_cols" -y "$_rows" \
	    -e LANG=C.UTF-8 -e LC_ALL= -e TERM=screen \
	    "env ${E2E_ENV:-} $_cmd; echo \$? >'$E2E_DIR/$_name.status'" ||
	    fail "cannot start tmux session $_name"
}

# send NAME KEY...
#	Sends keys by their tmux names (Tab, BTab, Enter, Escape, Up, C-l,
#	"q"...) to session NAME.
send() {
	_name=$1
	shift
	tm send-keys -t "=$_name:" "$@"
}

# send_text NAME TEXT
#	Types TEXT literally (UTF-8 as it is; a trailing ';' is sent too).
send_text() {
	# shellcheck disable=SC2046 # one argument per byte
	tm send-keys -t "=$1:" -H $(printf '%s' "$2" | od -An -tx1 -v)
}

# screen NAME
#	Prints the visible screen of session NAME (no colours).
screen() {
	tm capture-pane -p -t "=$1:"
}

# screen_colours NAME
#	The screen with its attributes as escape sequences (capture-pane -e).
screen_colours() {
	tm capture-pane -p -e -t "=$1:"
}

# wait_for_text NAME TEXT [SECONDS]
#	Waits until TEXT (a fixed string) is on NAME's screen; on time-out
#	prints the screen and fails the test.
wait_for_text() {
	_deadline=$(($(date +%s) + ${3:-$E2E_TIMEOUT}))
	while :; do
		if screen "$1" | grep -qF -- "$2"; then
			return 0
		fi
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			echo "--- screen of $1 (waited for: $2)"
			screen "$1"
			echo "---"
			fail "timed out waiting for '$2' on $1"
		fi
		sleep 0.05
	done
}

# wait_for_gone NAME TEXT [SECONDS]
#	Waits until TEXT is no longer on NAME's screen.
wait_for_gone() {
	_deadline=$(($(date +%s) + ${3:-$E2E_TIMEOUT}))
	while screen "$1" | grep -qF -- "$2"; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			screen "$1"
			fail "timed out waiting for '$2' to go from $1"
		fi
		sleep 0.05
	done
}

# wait_for_line NAME REGEX [SECONDS]
#	As wait_for_text, with an extended regular expression.
wait_for_line() {
	_deadline=$(($(date +%s) + ${3:-$E2E_TIMEOUT}))
	while ! screen "$1" | grep -qE -- "$2"; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			echo "--- screen of $1 (waited for /$2/)"
			screen "$1"
			echo "---"
			fail "timed out waiting for /$2/ on $1"
		fi
		sleep 0.05
	done
}

# wait_until WHAT COMMAND [ARGS...]
#	Polls until COMMAND (a shell function too) succeeds; on time-out
#	fails the test saying WHAT did not happen.  For what is not on a
#	screen: a record in the journal, a file, a row that moved.
wait_until() {
	_what=$1
	shift
	_until=$(($(date +%s) + E2E_TIMEOUT))
	until "$@"; do
		[ "$(date +%s)" -lt "$_until" ] || fail "timed out: $_what"
		sleep 0.05
	done
}

# wait_still NAME
#	Waits until NAME's screen is the same in two looks 0.1 s apart.  A
#	wait matches as soon as its text shows, which may be with the first
#	rows of a frame that tmux is still taking in: before a screen is
#	compared whole with another, let it be still.
wait_still() {
	_prev='' _still=$(($(date +%s) + E2E_TIMEOUT))
	while [ "$(screen "$1")" != "$_prev" ]; do
		_prev=$(screen "$1")
		[ "$(date +%s)" -lt "$_still" ] || fail "$1's screen kept changing"
		sleep 0.1
	done
}

# go_tab NAME TAB
#	Shows the screen TAB ("Questions", "Evaluation"...) of NAME by the
#	digit the tab line (row 2) shows before its name, whichever the
#	order of a role's screens.  (Tab pressed until a screen's text shows
#	overshoots a screen that is slow to draw.)
go_tab() {
	wait_until "no tab '$2' on $1" tab_digit "$1" "$2"
	send "$1" "$_digit"
}
tab_digit() {
	_digit=$(screen "$1" | sed -n 2p | grep -oE "[0-9]+ $2" | head -n 1 |
	    cut -d' ' -f1)
	[ -n "$_digit" ]
}

# wait_exit NAME [SECONDS]
#	Waits until NAME's command has exited and prints its exit status.
wait_exit() {
	_deadline=$(($(date +%s) + ${2:-$E2E_TIMEOUT}))
	while [ ! -s "$E2E_DIR/$1.status" ]; do
		if [ "$(date +%s)" -ge "$_deadline" ]; then
			screen "$1"
			fail "timed out waiting for $1 to exit"
		fi
		sleep 0.05
	done
	cat "$E2E_DIR/$1.status"
}

# resize NAME COLS ROWS
#	Resizes session NAME's window (the program gets SIGWINCH).
resize() {
	tm resize-window -t "=$1:" -x "$2" -y "$3"
}

# no_faketime
#	Prints why the controlled clock cannot be used here, or nothing when
#	it can: faketime must be installed, and libfaketime, which it
#	preloads, cannot run before AddressSanitizer's runtime (make
#	sanitize).
no_faketime() {
	if ! command -v faketime >/dev/null 2>&1; then
		echo "faketime is not installed (tools/deps)"
	elif nm "$CONVENE" 2>/dev/null | grep -q __asan_init; then
		echo "$CONVENE is built with AddressSanitizer, which libfaketime cannot preload before"
	fi
}

# children PID...
#	The pids whose parent is one of PID.  Read from /proc, as are the
#	helpers below: a minimal Debian has no procps (no process tools), and the
#	tests must run there.
children() {
	for _p in "$@"; do
		cat "/proc/$_p/task/"*/children 2>/dev/null
	done | tr ' ' '\n' | grep .
}

# user_pids USER [COMMAND]
#	The pids of USER's processes (only those named COMMAND when given).
user_pids() {
	# One stat(1) for all of them; a process that ends meanwhile is
	# just not listed.
	stat -c '%U %n' /proc/[0-9]* 2>/dev/null | while read -r _u _d; do
		[ "$_u" = "$1" ] || continue
		[ -z "${2:-}" ] || [ "$(cat "$_d/comm" 2>/dev/null)" = "$2" ] ||
		    continue
		echo "${_d#/proc/}"
	done
}

# pane_pid NAME [PROGRAM]
#	The pid of PROGRAM (default: convene) running in NAME's pane: the
#	pane runs a shell, which runs the command, which may run others.
#	Fails (prints nothing) when there is none: call it as
#	`pid=$(pane_pid a) || fail ...`, never inside another command.
pane_pid() {
	_pids=$(tm display-message -p -t "=$1:" '#{pane_pid}')
	while [ -n "$_pids" ]; do
		for _p in $_pids; do
			if [ "$(cat "/proc/$_p/comm" 2>/dev/null)" = \
			    "${2:-convene}" ]; then
				echo "$_p"
				return 0
			fi
		done
		_pids=$(children $_pids)
	done
	return 1
}

# assert_screen NAME TEXT
#	Fails unless TEXT is on NAME's screen now: the screen as it is once
#	still (wait_still), not waiting for TEXT.  A wait that matched the
#	first rows of a frame may return while tmux still takes in the rest,
#	and an assert of another row of that frame then fails (as one did
#	in console_page.sh under load).
assert_screen() {
	wait_still "$1"
	screen "$1" | grep -qF -- "$2" || {
		screen "$1"
		fail "'$2' is not on $1"
	}
}

# refute_screen NAME TEXT
#	Fails if TEXT is on NAME's screen now (once still, as assert_screen).
refute_screen() {
	wait_still "$1"
	if screen "$1" | grep -qF -- "$2"; then
		screen "$1"
		fail "'$2' should not be on $1"
	fi
}

# sentinel NAME
#	Opens and closes the ? overlay of the screen in NAME (a console,
#	participant terminal or projector).  Keys are read in order, so once
#	the overlay shows every key sent before it has been read and acted
#	on: a check that something did NOT happen can follow at once, with
#	no fixed sleep.
sentinel() {
	send "$1" "?"
	wait_for_text "$1" "Keys (any key closes)"
	send "$1" Escape
	wait_for_gone "$1" "Keys (any key closes)"
}

# new_session DIR [ARGS...]
#	Makes a session from the bundled module, day 1 today, with
#	`convene new` (ARGS are passed on: --anonymous, --budget N...).
#	"Today" is convene's default: today in the module's time zone
#	(Asia/Bangkok), not the host's date, which is a day behind from 17:00
#	UTC on.  Compare dates with module_today.
new_session() {
	_dir=$1
	shift
	away_from_midnight
	"$CONVENE" new "$_dir" --module "$E2E_ROOT/content" "$@" >/dev/null ||
	    fail "convene new $_dir failed"
}

# away_from_midnight
#	Waits out the last 30 seconds of the day in the bundled module's time
#	zone (17:00 UTC): a test that makes a session and a few seconds later
#	finds today's date on a screen (module_today) would otherwise see two
#	days when a run straddles midnight there.
away_from_midnight() {
	# shellcheck disable=SC2046 # three numbers
	set -- $(TZ=Asia/Bangkok date '+%-H %-M %-S')
	_left=$((86400 - ($1 * 3600 + $2 * 60 + $3)))
	[ "$_left" -gt 30 ] || sleep $((_left + 1))
}

# module_today
#	Today's date (YYYY-MM-DD) in the bundled module's time zone.
module_today() {
	TZ=Asia/Bangkok date +%Y-%m-%d
}

# cv ARGS...
#	Runs a convene scripting verb; fails the test when it fails.  Its
#	output (a new id) is printed.
cv() {
	"$CONVENE" "$@" || fail "convene $* failed with status $?"
}

# fail MESSAGE
#	Fails the test with MESSAGE.
fail() {
	echo "FAIL: $*"
	exit 1
}

# e2e_pass
#	Ends the test successfully.
e2e_pass() {
	exit 0
}

# build_helper
#	Compiles tests/e2e/console_helper.c against build/libconvene.a (make
#	must have run) into $E2E_DIR/helper and sets HELPER to it.
build_helper() {
	HELPER=$E2E_DIR/helper
	# Under `make sanitize` the library needs the sanitizers' run time.
	_san=
	if nm build/libconvene.a 2>/dev/null | grep -q __asan; then
		_san='-fsanitize=address,undefined'
	fi
	# shellcheck disable=SC2046 # pkg-config prints several words
	cc $_san -std=c11 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc \
	    -o "$HELPER" tests/e2e/console_helper.c build/libconvene.a \
	    -lcsv -liniparser -lcrypt \
	    $(pkg-config --libs icu-i18n icu-uc 2>/dev/null ||
	    echo -licui18n -licuuc -licudata) ||
	    fail "cannot build the test helper"
}

# bell_rang NAME
#	True when the program in NAME rang the terminal's bell.
bell_rang() {
	[ "$(tm display-message -p -t "=$1:" '#{window_bell_flag}')" = 1 ]
}

# journal_has SESSION_DIR EVENT [TEXT]
#	True when the session's journal has a record of EVENT (the journal's
#	event name: idea, agenda, timer...), with TEXT in it when given.
journal_has() {
	grep -F ",\"$2\"," "$1/journal.csv" | grep -qF -- "${3:-,}"
}

# journal_count SESSION_DIR EVENT
#	How many records of EVENT the session's journal has.
journal_count() {
	grep -cF ",\"$2\"," "$1/journal.csv"
}

# --- a shared host (multiuser*.sh) -------------------------------------------
# host_users GROUP FACILITATOR USER...
#	Makes the throwaway group (standing for `convene`), the facilitator
#	in it and the other users not, no home, no password but not locked;
#	skips the test (77) when they cannot be made.  host_drop_users
#	removes them and kills what they still run: call it from the
#	script's EXIT trap.
host_users() {
	HOST_GROUP=$1
	shift
	HOST_USERS="$*"
	groupadd "$HOST_GROUP" || { echo "groupadd failed: skipped"; exit 77; }
	for _u in $HOST_USERS; do
		useradd -M -N -g users -s /bin/sh "$_u" ||
			{ echo "useradd failed: skipped"; exit 77; }
		usermod -p '*' "$_u"
	done
	usermod -aG "$HOST_GROUP" "$1"
}
host_drop_users() {
	for _u in $HOST_USERS; do
		# Only this test's throwaway users: their processes are ours.
		for _pid in $(user_pids "$_u"); do
			kill -KILL "$_pid" 2>/dev/null
		done
		userdel "$_u" 2>/dev/null
	done
	groupdel "$HOST_GROUP" 2>/dev/null
}

# host_binary SESSIONSDIR OUT
#	Links OUT: ./convene's objects with a main.o built for SESSIONSDIR
#	(what `make SESSIONSDIR=...` does), without touching ./convene or
#	build/, which other work shares.
host_binary() {
	# shellcheck disable=SC2046 # pkg-config prints several words
	cc -std=c11 -O2 -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc \
	    -DCONVENE_VERSION='"host"' -DDATADIR='"/usr/local/share/convene"' \
	    -DLOCALEDIR='"/usr/local/share/locale"' -DSESSIONSDIR="\"$1\"" \
	    -fPIE -pie -Wl,-z,relro,-z,now -o "$2" src/main.c build/screens/*.o \
	    build/libconvene.a \
	    $(pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw) \
	    -lcsv -liniparser -lcrypt \
	    $(pkg-config --libs icu-i18n icu-uc 2>/dev/null ||
	    echo -licui18n -licuuc -licudata) ||
	    fail "cannot link a convene for $1"
}

# host_require [TOOL...]
#	Skips the test (77, saying why) unless a shared host can be made
#	here: root, the user and group tools (and each TOOL), and a binary
#	built without sanitizers (they cannot run setgid).
host_require() {
	if [ "$(id -u)" -ne 0 ]; then
		echo "not root: cannot make users: skipped"
		exit 77
	fi
	for _t in useradd userdel usermod groupadd groupdel runuser "$@"; do
		command -v "$_t" >/dev/null 2>&1 ||
		    { echo "no $_t: skipped"; exit 77; }
	done
	if nm "$CONVENE" 2>/dev/null | grep -q __asan_init; then
		echo "a sanitizer build cannot run setgid: skipped"
		exit 77
	fi
}

# host_begin DIR GROUP FACILITATOR USER...
#	host_users, then host_make DIR; the users and the group go, and
#	what they run is ended, when the script exits.
host_begin() {
	_dir=$1
	shift
	trap 'host_drop_users; e2e_cleanup' EXIT
	host_users "$@"
	host_make "$_dir"
}

# host_make DIR
#	Lays DIR out as a shared host with `make install-host` (the
#	binary built for DIR/sessions, installed under DIR setgid
#	HOST_GROUP; DIR/sessions mode 2770 group HOST_GROUP), plus
#	DIR/module the bundled module readable by all and DIR/home a scratch
#	working directory for everyone; install-host starts the writer
#	service (`convene serve`) as the throwaway user HOST_SERVE_USER,
#	whose pid is HOST_SERVE_PID.  Sets C (the binary) and S
#	(DIR/sessions/s); the output of install-host is in
#	$E2E_DIR/install-host.log.
host_make() {
	chmod 755 "$E2E_DIR"
	mkdir -p "$1/home"
	chmod 755 "$1"
	host_binary "$1/sessions" "$E2E_DIR/convene-host"
	# -o all: install what is built; the test never recompiles the tree.
	# The writer service's user is a throwaway one too: it goes (and the
	# service with it) with the others.
	HOST_SERVE_USER=cvs$$
	HOST_USERS="$HOST_USERS $HOST_SERVE_USER"
	make -s -o all install-host PREFIX="$1" SESSIONSDIR="$1/sessions" \
	    GROUP="$HOST_GROUP" CONVENE_BIN="$E2E_DIR/convene-host" \
	    SERVE_USER="$HOST_SERVE_USER" \
	    >"$E2E_DIR/install-host.log" 2>&1 || {
		cat "$E2E_DIR/install-host.log"
		fail "make install-host failed"
	}
	chmod 755 "$1/bin"
	cp -r content "$1/module"
	chmod -R a+rX "$1/module"
	chmod 1777 "$1/home"
	C=$1/bin/convene
	S=$1/sessions/s
	HOST_DIR=$1
	HOST_SERVE_PID=$(sed -n 's/^serve_pid //p' "$1/share/convene/install-host.state")
}

# host_as USER COMMAND [ARGS...]
#	Runs COMMAND as USER (LANG=C.UTF-8) from the host's scratch
#	directory, standard input as it is.
host_as() {
	_u=$1
	shift
	(cd "$HOST_DIR/home" && runuser -u "$_u" -- env LANG=C.UTF-8 "$@")
}

# host_new_session FACILITATOR PASSPHRASE
#	The facilitator makes the session $S of the bundled module, with
#	PASSPHRASE.
host_new_session() {
	echo "$2" | host_as "$1" "$C" new "$S" --module "$HOST_DIR/module" \
	    --passphrase >/dev/null || fail "new"
}
