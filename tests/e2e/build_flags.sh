#!/bin/sh
# Build hygiene (issue 19): a packager's `make CPPFLAGS=... CFLAGS=...
# LDFLAGS=...` adds to the project's own flags (CONVENE_* in the Makefile)
# on every compile and link line (binary, library objects, tests,
# benchmarks) instead of replacing them, and the build still works with
# them; tests get dependency files, so that editing a fixture header
# rebuilds the tests that include it.  Nothing here touches the tree's own
# build: the dry run and the one real compile use a private build
# directory.
. "$(dirname "$0")/lib.sh"
e2e_init notmux

b=$E2E_DIR/b
make -n -B B="$b" CPPFLAGS=-DPKG_CPPFLAG CFLAGS=-DPKG_CFLAG \
    LDFLAGS=-Wl,-O1,--pkg-ldflag convene tests/bin/test_util bench/bin/replay \
    >"$E2E_DIR/dry" 2>&1 || { cat "$E2E_DIR/dry"; fail "make -n failed"; }
grep -E '^(cc|gcc|clang|\$\(CC\)|[^ ]*-?cc) ' "$E2E_DIR/dry" >"$E2E_DIR/cc" ||
    fail "no compiler line in the dry run"
n=0
while read -r line; do
	n=$((n + 1))
	for f in -DPKG_CFLAG -std=c11 -Wshadow -fstack-protector-strong; do
		case " $line " in *" $f "*) ;;
		*) fail "a compiler line lacks $f: $line" ;; esac
	done
	case " $line " in *" -c "*)
		for f in -DPKG_CPPFLAG -Isrc -D_FORTIFY_SOURCE=2; do
			case " $line " in *" $f "*) ;;
			*) fail "a compile line lacks $f: $line" ;; esac
		done ;;
	*)	# a link (the binary, a test, a benchmark)
		for f in -Wl,-O1,--pkg-ldflag -pie -Wl,-z,relro,-z,now; do
			case " $line " in *" $f "*) ;;
			*) fail "a link line lacks $f: $line" ;; esac
		done ;;
	esac
done <"$E2E_DIR/cc"
[ "$n" -ge 40 ] || fail "only $n compiler lines in the dry run"

# The packager's flags really build (one object, in the private directory).
make B="$b" CPPFLAGS=-DNDEBUG CFLAGS='-g0 -Wno-unused' LDFLAGS=-Wl,-O1 \
    "$b/src/util.o" >"$E2E_DIR/real" 2>&1 ||
    { cat "$E2E_DIR/real"; fail "a compile with a packager's flags failed"; }

# Dependency files of the tests: make's database for a built test lists the
# fixture headers it includes (from build/tests/NAME.d).
if [ ! -f build/tests/test_status.d ]; then
	echo "tests/bin/test_status is not built with its dependency file (make unit): skipped"
	exit 77
fi
make -pq tests/bin/test_status 2>/dev/null | grep '^tests/bin/test_status:' \
    >"$E2E_DIR/deps" || fail "make knows no rule for tests/bin/test_status"
for h in tests/session_fixture.h tests/module_fixture.h src/status.h; do
	grep -q " $h" "$E2E_DIR/deps" || fail "tests/bin/test_status does not depend on $h"
done
e2e_pass
