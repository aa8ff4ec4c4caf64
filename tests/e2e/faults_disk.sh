#!/bin/sh
# A full disk: the session lives on a small tmpfs that is then filled.  A
# write is refused with exit 3 and a message naming the full disk, the
# journal keeps every byte it had, the other verbs still read it, and
# writing resumes as soon as there is room again.  Needs root (mount);
# skipped otherwise.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
if [ "$(id -u)" -ne 0 ]; then
	echo "not root: cannot mount a small file system: skipped"
	exit 77
fi
mnt=$E2E_DIR/disk
mkdir "$mnt" || exit 3
if ! mount -t tmpfs -o size=1m,mode=0700 convene-full "$mnt" 2>"$E2E_DIR/mount.err"; then
	echo "cannot mount a tmpfs ($(cat "$E2E_DIR/mount.err")): skipped"
	exit 77
fi
# Unmount before lib.sh's cleanup removes E2E_DIR.
trap 'umount "$mnt" 2>/dev/null || umount -l "$mnt"; e2e_cleanup' EXIT

s=$mnt/s
new_session "$s"
cv participant "$s" "Aigerim Bekova" --country KZ >/dev/null
cv idea "$s" --by p1 "Одно окно для всех услуг" >/dev/null
# An idea of about 3 KB: more than what is left of the journal's last page.
long=$(python3 -c 'print("ລັດຖະບານດິຈິຕອນ " * 60)' 2>/dev/null) ||
	long=$(printf 'digital-government-%.0s' $(seq 1 150))
cv idea "$s" --by p1 "$long" >/dev/null

# A facilitator console is running when the disk fills up.
start_session con 120 30 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"

# Fill the disk to the last block.
dd if=/dev/zero of="$mnt/fill" bs=4096 >/dev/null 2>&1
cp "$s/journal.csv" "$E2E_DIR/before.csv"

# The console's write is refused, it says why and goes on running.  (A
# small record may still fit the journal's last block: try a few.)
send con n
wait_for_line con "disk is full|is the disk full|Now: "
send con b
wait_for_text con "essage"
send_text con "$long"
send con Enter
wait_for_line con "cannot write to the journal .*(disk|bytes went in)"
cp "$s/journal.csv" "$E2E_DIR/before.csv"

# A write: refused, exit 3, the message names the full disk.
"$CONVENE" idea "$s" --by p1 "$long" >"$E2E_DIR/out" 2>"$E2E_DIR/err"
rc=$?
cat "$E2E_DIR/err"
[ $rc -eq 3 ] || fail "a write on a full disk gave exit $rc, not 3"
grep -qiE 'disk is full|is the disk full' "$E2E_DIR/err" ||
	fail "the message does not name the full disk"
grep -q '^convene: ' "$E2E_DIR/err" || fail "the message is not 'convene: ...'"
[ -s "$E2E_DIR/out" ] && fail "a refused write printed an id"
cmp -s "$s/journal.csv" "$E2E_DIR/before.csv" ||
	fail "the refused write changed the journal"

# Reading still works: export to a directory elsewhere.
cv export "$s" --out "$E2E_DIR/out1" >/dev/null
grep -q 'Одно окно для всех услуг' "$E2E_DIR/out1/ideas.csv" ||
	fail "export lost an earlier idea"
[ "$(grep -c ',' "$E2E_DIR/out1/ideas.csv")" -eq 3 ] ||
	fail "export does not have the two ideas"

# Room again: writing resumes, nothing earlier lost; the console too.
rm -f "$mnt/fill"
send con p
wait_for_line con "agenda not started|moved back|Now: "
send con q y
[ "$(wait_exit con)" = 0 ] || fail "the console's exit status"
id=$(cv idea "$s" --by p1 "after the disk was freed") ||
	fail "no write after freeing the disk"
[ -n "$id" ] || fail "no id printed"
size_before=$(wc -c <"$E2E_DIR/before.csv")
head -c "$size_before" "$s/journal.csv" | cmp -s - "$E2E_DIR/before.csv" ||
	fail "the journal's earlier bytes changed"
cv export "$s" --out "$E2E_DIR/out2" >/dev/null
grep -q 'after the disk was freed' "$E2E_DIR/out2/ideas.csv" ||
	fail "the new idea is not exported"
grep -q 'Одно окно для всех услуг' "$E2E_DIR/out2/ideas.csv" ||
	fail "the first idea is gone"
e2e_pass
