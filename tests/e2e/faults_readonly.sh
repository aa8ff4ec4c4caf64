#!/bin/sh
# A read-only session (a read-only mount, a copy on a write-protected
# stick, a session of another user): export with --out still works, the
# default export says why it cannot write and exits 3, and every write is
# refused with exit 3 and a reason, leaving the journal as it was.  As
# root the session is seen through a read-only bind mount (root ignores
# file modes); otherwise its files are made read-only with chmod.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN

s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Nodira Karimova" --country UZ >/dev/null
cv idea "$s" --by p1 "Ягона дарча: one window for every service" >/dev/null
cv voting "$s" open >/dev/null
cv vote "$s" --by p1 i1 >/dev/null
cp "$s/journal.csv" "$E2E_DIR/before.csv"

if [ "$(id -u)" -eq 0 ]; then
	ro=$E2E_DIR/ro
	mkdir "$ro" || exit 3
	if ! mount --bind "$s" "$ro" 2>/dev/null; then
		echo "cannot bind-mount: skipped"
		exit 77
	fi
	trap 'umount "$ro" 2>/dev/null || umount -l "$ro"; e2e_cleanup' EXIT
	mount -o remount,bind,ro "$ro" ||
		fail "cannot remount the bind mount read-only"
	how="a read-only mount"
else
	chmod -R a-w "$s"
	trap 'chmod -R u+w "$s"; e2e_cleanup' EXIT
	ro=$s
	how="files without write permission"
fi
echo "read-only session: $how"

# Export with --out works and has the record.
cv export "$ro" --out "$E2E_DIR/out" >/dev/null
grep -q 'one window for every service' "$E2E_DIR/out/ideas.csv" ||
	fail "export --out lost the idea"
[ -s "$E2E_DIR/out/summary.md" ] || fail "export --out wrote no summary.md"

# The default export cannot write into SESSION/export: says so, exit 3.
"$CONVENE" export "$ro" >"$E2E_DIR/o" 2>"$E2E_DIR/e"
rc=$?
cat "$E2E_DIR/e"
[ $rc -eq 3 ] || fail "default export on a read-only session: exit $rc"
grep -q -- '--out' "$E2E_DIR/e" || fail "the message does not suggest --out"
[ -e "$ro/export" ] && fail "an export directory appeared"

# Writes: refused with exit 3 and a reason; the journal is untouched.
check_refused() {
	"$CONVENE" "$@" >"$E2E_DIR/o" 2>"$E2E_DIR/e"
	_rc=$?
	cat "$E2E_DIR/e"
	[ $_rc -eq 3 ] || fail "convene $1 on a read-only session: exit $_rc"
	grep -qiE 'read-only|permission denied' "$E2E_DIR/e" ||
		fail "convene $1: the message does not say why"
	[ -s "$E2E_DIR/o" ] && fail "convene $1 printed an id"
	cmp -s "$ro/journal.csv" "$E2E_DIR/before.csv" ||
		fail "convene $1 changed the journal"
}
check_refused idea "$ro" --by p1 "one more"
check_refused participant "$ro" "Dorji Wangmo" --country BT
check_refused vote "$ro" --by p1 i1
check_refused timer "$ro" start 5
check_refused voting "$ro" close

# A new session cannot be made inside it either, and says why: an I/O
# error, exit 3.
"$CONVENE" new "$ro/inner" --module content >/dev/null 2>"$E2E_DIR/e"
rc=$?
cat "$E2E_DIR/e"
[ $rc -eq 3 ] || fail "convene new inside a read-only session: exit $rc, not 3"
grep -qiE 'read-only|permission denied' "$E2E_DIR/e" ||
	fail "convene new: the message does not say why"
[ -e "$ro/inner" ] && fail "convene new left something behind"
e2e_pass
