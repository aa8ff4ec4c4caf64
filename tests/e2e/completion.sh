#!/bin/sh
# The bash completion (completions/convene): sourced in a bash without any
# start-up file, _convene is called as bash calls it (COMP_WORDS,
# COMP_CWORD) and COMPREPLY is compared with what is expected: the verbs,
# each verb's subcommands and flags (from the program's own table, through
# the hidden `convene --complete`), the values a flag lists, and session
# directories.  Every flag that convene(1) documents is offered by some
# verb, so the man page and the usage lines cannot drift apart unseen.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
command -v bash >/dev/null 2>&1 || { echo "bash is not installed: skipped"; exit 77; }

SCRIPT=$E2E_ROOT/completions/convene

# comp WORD... : the completions when the last WORD is being typed, one a
# line, sorted.
comp() {
	bash --norc --noprofile -c '
		. "$0" || exit 3
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_convene
		((${#COMPREPLY[@]})) && printf "%s\n" "${COMPREPLY[@]}"
		exit 0' "$SCRIPT" "$CONVENE" "$@" | sort
}

# expect "WORDS" "EXPECTED (space separated, sorted)": WORDS split at
# spaces; a trailing space means the word being typed is still empty.
expect() {
	_want=$2 _line=$1
	# shellcheck disable=SC2086
	set -f; set -- $_line; set +f
	case $_line in "" | *" ") set -- "$@" "" ;; esac
	got=$(comp "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$_want" ] || fail "convene $_line<TAB>: got '$got', expected '$_want'"
}

# Verbs: every command of the overview, and help.
verbs=$("$CONVENE" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | sort)
[ -n "$verbs" ] || fail "no verbs in convene --help"
got=$(comp "" | grep -v '^-')
[ "$got" = "$(printf '%s\nhelp\n' "$verbs" | sort)" ] ||
    fail "the verbs completed differ from convene --help: $got"
expect "ti" "timer"
expect "--v" "--version"
expect "help vo" "vote voting"

mkdir -p "$E2E_DIR/w/plain" "$E2E_DIR/w/nest" || fail "mkdir"
cd "$E2E_DIR/w" || fail "cd"
"$CONVENE" new ws --module "$E2E_ROOT/content" >/dev/null 2>&1 ||
    fail "convene new ws"
"$CONVENE" new nest/dg --module "$E2E_ROOT/content" >/dev/null 2>&1 ||
    fail "convene new nest/dg"
touch people.csv

# Subcommands and flags of a verb, flags' values, after flags with values.
expect "timer ws " "extend pause resume start stop"
expect "timer ws --room R " "extend pause resume start stop"
expect "timer ws --room R start " ""
expect "voting ws c" "close"
expect "new x --delivery " "online room"
expect "rooms ws --make 3 --balance " "country"
expect "export ws --" "--certificate-days --help --no-bom --out --raw --with-email"
expect "join ws --k" "--kiosk"

# Sessions: a session directory, and the directories that lead to one;
# not a directory without subdirectories, not a session's insides.
expect "run " "nest ws"
expect "run nest/" "nest/dg"
expect "run ws/" ""
expect "export ws --out " "nest plain ws"
expect "check " "nest plain ws"
expect "import ws " "nest people.csv plain ws"
cd "$E2E_ROOT" || fail "cd"

# Every flag the man page documents is completed for some verb.
all=$(for v in $verbs; do "$CONVENE" --complete "$v"; done |
    awk '$1 == "opt" { print $2 }' | sort -u)
for f in $(grep -o 'Fl -[a-z][a-z-]*' man/convene.1 | sed 's/^Fl -/--/' | sort -u); do
	[ "$f" = --version ] && continue
	echo "$all" | grep -qx -- "$f" ||
	    fail "convene(1) documents $f but no verb completes it"
done
e2e_pass
