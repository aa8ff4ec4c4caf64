#!/bin/sh
# `convene check MODULE_DIR`: a clean module prints one summary line to
# stdout and exits 0; a broken one prints each fault to stdout as
# FILE:LINE: message, "convene: N problems" to stderr, and exits 3; usage
# errors exit 2.
set -u
cd "$(dirname "$0")/../.." || exit 3
bin=./convene
[ -x $bin ] || { echo "no ./convene: run make first"; exit 77; }
export LANG=C.UTF-8
fail=0
tmp=$(mktemp -d) || exit 3
trap 'rm -rf "$tmp"' EXIT
say() { echo "FAIL: $*"; fail=1; }
status() { # what, expected, actual
	[ "$2" = "$3" ] || say "$1: expected status $2, got $3"
}

# A clean module.
out=$($bin check tests/data/modules/minimal 2>"$tmp/err"); status "minimal" 0 $?
case $out in
"module.ini: ok: 2 days, 5 sessions, 3 pages, 1 case, 2 polls, 2 evaluation questions") ;;
*) say "minimal module summary: $out" ;;
esac
[ -s "$tmp/err" ] && say "clean check wrote to stderr: $(cat "$tmp/err")"

# The bundled module, when it is there.
if [ -f content/module.ini ]; then
	$bin check content >"$tmp/out" 2>&1; status "bundled module" 0 $?
	grep -q '^module.ini: ok: ' "$tmp/out" || say "bundled module: $(cat "$tmp/out")"
fi

# A broken copy: faults on stdout, the count on stderr.
mod="$tmp/broken"
cp -R tests/data/modules/minimal "$mod"
cat >>"$mod/module.ini" <<'EOF'

[session extra]
day = 3
start = 9:00
minutes = 30
kind = seminar
title = Extra
speeker = Someone
EOF
rm "$mod/pages/ideas.md"
$bin check "$mod" >"$tmp/out" 2>"$tmp/err"; status "broken" 3 $?
n=$(wc -l <"$tmp/out")
[ "$n" -eq 5 ] || say "broken: expected 5 lines, got $n: $(cat "$tmp/out")"
grep -vqE '^[^:]+:[0-9]+: ' "$tmp/out" && say "a line is not FILE:LINE: message: $(cat "$tmp/out")"
grep -q "^module.ini:27: page: 'pages/ideas.md' does not exist$" "$tmp/out" || say "missing page not reported: $(cat "$tmp/out")"
grep -q "^module.ini:[0-9]*: unknown key 'speeker' in \[session extra\] (did you mean 'speaker'?)$" "$tmp/out" || say "typo not reported"
grep -q "^module.ini:[0-9]*: day must be a number from 1 to 2" "$tmp/out" || say "bad day not reported"
[ "$(cat "$tmp/err")" = "convene: 5 problems" ] || say "stderr: $(cat "$tmp/err")"

# Usage and data errors.
$bin check >/dev/null 2>&1; status "no argument" 2 $?
$bin check a b >/dev/null 2>&1; status "two arguments" 2 $?
$bin check --frob >/dev/null 2>&1; status "unknown option" 2 $?
err=$($bin check "$tmp/nowhere" 2>&1 >/dev/null); status "missing directory" 3 $?
case $err in "convene: "*) ;; *) say "missing directory says: $err" ;; esac
mkdir "$tmp/empty"
out=$($bin check "$tmp/empty" 2>/dev/null); status "empty directory" 3 $?
[ "$out" = "module.ini: missing: a module is a directory with a module.ini" ] || say "empty directory: $out"
exit $fail
