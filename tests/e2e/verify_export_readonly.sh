#!/bin/sh
# Export when the default directory SESSION/export/ cannot be made (here a
# file is in the way, which stops root too): export says so, points to
# --out, exits 3 and writes nothing; with --out it works.  Read-only
# sessions proper: export_roundtrip.sh (as nobody) and faults_readonly.sh
# (a read-only bind mount).
. "$(dirname "$0")/lib.sh"
e2e_init notmux

S=$E2E_DIR/s
new_session "$S"
cv participant "$S" '김민준' --country KR >/dev/null
cv idea "$S" --by p1 '=1+1 민원 서류' >/dev/null

# SESSION/export is a file: the default directory cannot be made.
: >"$S/export"
"$CONVENE" export "$S" >"$E2E_DIR/out" 2>"$E2E_DIR/err"
st=$?
[ "$st" = 3 ] || fail "export into an unusable default directory exited $st"
grep -q '^convene: ' "$E2E_DIR/err" || fail "no 'convene: ' message: $(cat "$E2E_DIR/err")"
grep -q -- '--out' "$E2E_DIR/err" || fail "the message does not point to --out: $(cat "$E2E_DIR/err")"
[ -s "$E2E_DIR/out" ] && fail "a failed export printed: $(cat "$E2E_DIR/out")"
[ -f "$S/export" ] && [ ! -s "$S/export" ] || fail "the file in the way was changed"
"$CONVENE" export "$S" --out "$E2E_DIR/ex1" >/dev/null ||
    fail "export --out failed"
grep -q "'=1+1 민원 서류" "$E2E_DIR/ex1/ideas.csv" || fail "ideas.csv lacks the idea"
rm -f "$S/export"

e2e_pass
