#!/bin/sh
# verify_hardening: the built ./convene is a hardened binary, as the
# Makefile's HARDEN_* flags ask: a position-independent executable (ELF
# type DYN), full RELRO (a GNU_RELRO segment and immediate binding:
# BIND_NOW or FLAGS_1 NOW), the stack protector (__stack_chk_fail) and
# fortified libc calls (__*_chk).  Then that a packager's
# `make CFLAGS=... LDFLAGS=...` adds to the project's flags instead of
# replacing them (make -n shows the commands).  Skips (77) without
# readelf (binutils).
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
command -v readelf >/dev/null 2>&1 || { echo "readelf missing: skipped"; exit 77; }

bin=$E2E_ROOT/convene
readelf -h "$bin" >"$E2E_DIR/header" 2>&1 || fail "readelf -h: $(cat "$E2E_DIR/header")"
readelf -lW "$bin" >"$E2E_DIR/segments" 2>&1 || fail "readelf -l"
readelf -dW "$bin" >"$E2E_DIR/dynamic" 2>&1 || fail "readelf -d"
readelf -sW --dyn-syms "$bin" >"$E2E_DIR/symbols" 2>&1 || fail "readelf -s"

grep -Eq 'Type:[[:space:]]+DYN' "$E2E_DIR/header" ||
    fail "not a position-independent executable: $(grep Type: "$E2E_DIR/header")"
grep -q 'GNU_RELRO' "$E2E_DIR/segments" || fail "no GNU_RELRO segment"
grep -Eq '\(BIND_NOW\)|\(FLAGS_1\).*NOW' "$E2E_DIR/dynamic" ||
    fail "no immediate binding (BIND_NOW, FLAGS_1 NOW)"
grep -q '__stack_chk_fail' "$E2E_DIR/symbols" || fail "no stack protector (__stack_chk_fail)"
nchk=$(grep -Eo '__[a-z_]+_chk' "$E2E_DIR/symbols" | grep -v __stack_chk | sort -u | wc -l)
[ "$nchk" -gt 0 ] || fail "no fortified libc call (__*_chk)"
echo "hardened: DYN, GNU_RELRO, BIND_NOW, __stack_chk_fail, $nchk fortified functions"

# A packager's flags come after the project's, never instead of them.
make -n -B CFLAGS=-DPACKAGER_CFLAGS LDFLAGS=-Wl,--packager-ldflags convene \
    >"$E2E_DIR/make-n" 2>&1 || fail "make -n: $(tail -3 "$E2E_DIR/make-n")"
grep -E ' -c src/util.c ' "$E2E_DIR/make-n" >"$E2E_DIR/compile"
for want in -std=c11 -fstack-protector-strong -D_FORTIFY_SOURCE=2 -DPACKAGER_CFLAGS; do
	grep -q -e "$want" "$E2E_DIR/compile" ||
	    fail "compiling with a packager's CFLAGS lost $want: $(cat "$E2E_DIR/compile")"
done
grep -E -e '-o convene ' "$E2E_DIR/make-n" >"$E2E_DIR/link"
for want in '-z,relro,-z,now' -pie --packager-ldflags; do
	grep -q -e "$want" "$E2E_DIR/link" ||
	    fail "linking with a packager's LDFLAGS lost $want: $(cat "$E2E_DIR/link")"
done
e2e_pass
