#!/bin/sh
# hostile_files: a FIFO, a device or a directory where a module file, a
# page, a session file, a journal or an import file should be is refused
# at once (exit 3, the path in the message), never waited on.  Every
# command runs under `timeout`: a FIFO opened without O_NONBLOCK would
# hang it until killed (exit 124).  Nobody ever opens the other end.
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
d=$E2E_DIR
fixture=tests/data/modules/minimal

# expect3 WHAT PATH-IN-MESSAGE COMMAND...: exit 3 (not a hang: within the
# time-out, 0.1 s here), the path in
# the messages (stderr; `check` reports its faults on stdout), and nothing
# on stdout from the other commands.
expect3() {
	what=$1 want=$2	# (sh has no locals: callers' loops use other names)
	shift 2
	timeout "$E2E_TIMEOUT" "$@" >"$d/out" 2>"$d/err"
	rc=$?
	[ $rc -ne 124 ] || fail "$what: still waiting after $E2E_TIMEOUT s"
	[ $rc -eq 3 ] || fail "$what: exit $rc, not 3: $(cat "$d/err")"
	cat "$d/out" "$d/err" | grep -F -- "$want" >"$d/said" ||
	    fail "$what: '$want' not in: $(cat "$d/out" "$d/err")"
	case $what in
	check*) ;;
	*) [ ! -s "$d/out" ] || fail "$what: wrote to stdout: $(cat "$d/out")" ;;
	esac
	echo "ok: $what: $(head -n 1 "$d/said")"
}

# A module whose module.ini, a page or a case is a FIFO, or a page a
# directory: `convene check` and `convene new --module`.
for f in module.ini pages/ideas.md cases/korea.ini; do
	m=$d/m-$(echo $f | tr / -)
	cp -R $fixture "$m"
	rm "$m/$f"
	mkfifo "$m/$f"
	expect3 "check, $f a FIFO" "$f" "$CONVENE" check "$m"
	expect3 "new, $f a FIFO" "$f" \
	    "$CONVENE" new "$d/s-$(basename "$m")" --module "$m" --start 2026-11-23
	[ ! -e "$d/s-$(basename "$m")" ] || fail "new, $f a FIFO: made a session"
done
m=$d/m-dir
cp -R $fixture "$m"
rm "$m/pages/ideas.md"
mkdir "$m/pages/ideas.md"
expect3 "check, a page that is a directory" "pages/ideas.md" "$CONVENE" check "$m"
# A FIFO that no agenda names: `new` copies the module and refuses it.
m=$d/m-extra
cp -R $fixture "$m"
mkfifo "$m/pages/notes.md"
expect3 "new, an extra FIFO in the module" "notes.md" \
    "$CONVENE" new "$d/s-extra" --module "$m" --start 2026-11-23
[ ! -e "$d/s-extra" ] || fail "new, an extra FIFO: made a session"

# A good session, then its files swapped for FIFOs one at a time.
s=$d/s
"$CONVENE" new "$s" --module $fixture --start 2026-11-23 >/dev/null || fail "new"
p=$("$CONVENE" participant "$s" 'Ana' --country PH) || fail "participant"
swap() { mv "$s/$1" "$s/$1.bak" && mkfifo "$s/$1"; }
unswap() { rm "$s/$1" && mv "$s/$1.bak" "$s/$1"; }
swap journal.csv
expect3 "export, the journal a FIFO" journal.csv "$CONVENE" export "$s" --out "$d/x1"
[ ! -e "$d/x1" ] || fail "export, the journal a FIFO: wrote $d/x1"
expect3 "idea, the journal a FIFO" journal.csv "$CONVENE" idea "$s" --by "$p" 'An idea'
unswap journal.csv
swap session.ini
expect3 "export, session.ini a FIFO" session.ini "$CONVENE" export "$s" --out "$d/x2"
unswap session.ini
mkdir "$d/x3"
mkfifo "$d/x3/.ideas.csv.tmp"
expect3 "export, a FIFO at a temporary file" .ideas.csv.tmp \
    "$CONVENE" export "$s" --out "$d/x3"

# Import: a FIFO, a directory, a device.
mkfifo "$d/list.csv"
expect3 "import, a FIFO" "$d/list.csv" "$CONVENE" import "$s" "$d/list.csv"
expect3 "import, a directory" "$d" "$CONVENE" import "$s" "$d"
expect3 "import, a device" /dev/zero "$CONVENE" import "$s" /dev/zero
# Nothing was written to the journal by any of the refused commands.
n=$(grep -c '' "$s/journal.csv")
"$CONVENE" export "$s" --out "$d/x4" >/dev/null || fail "export after all that"
[ "$(grep -c '' "$d/x4/participants.csv")" = 2 ] || fail "participants changed"
[ "$(grep -c '' "$s/journal.csv")" = "$n" ] || fail "the journal grew"
e2e_pass
