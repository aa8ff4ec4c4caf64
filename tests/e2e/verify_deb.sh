#!/bin/sh
# The Debian package: `make deb` (tools/make-deb) builds it with
# dpkg-buildpackage from a copy of the tree, and lintian finds no error in
# it.  The .deb holds the binary (built for /var/lib/convene, with
# dpkg-buildflags' flags added to the project's own), the man pages, the
# bash completion, the bundled module, every translation and the sessions
# directory; postinst makes the group and the setgid mode with
# dpkg-statoverride; the build dependencies are packages tools/deps
# installs.  Skips when the packaging tools are absent (tools/deps does not
# install them; .ci/run does).
. "$(dirname "$0")/lib.sh"
e2e_init notmux
for t in dpkg-buildpackage:dpkg-dev dh:debhelper fakeroot:fakeroot lintian:lintian; do
	command -v "${t%%:*}" >/dev/null 2>&1 || {
		echo "${t%%:*} is not installed (apt-get install ${t#*:}): skipped"
		exit 77
	}
done

# Build-Depends are what tools/deps installs (debhelper-compat aside).
for p in $(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control |
    sed 's/^Build-Depends://; /^[A-Z]/d; s/([^)]*)//g; s/<[^>]*>//g' |
    tr ',' '\n' | sed 's/[[:space:]]//g'); do
	[ "$p" = debhelper-compat ] && continue
	grep -qw -- "$p" tools/deps || fail "Build-Depends names $p, which tools/deps does not install"
done

# The unit tests run in `make test`; the package's copy need not run them.
out=$E2E_DIR/deb
E2E_TIMEOUT=600
DEB_BUILD_OPTIONS="nocheck parallel=2" make -s deb DEBDIR="$out" \
    >"$E2E_DIR/make-deb.log" 2>&1 || {
	tail -n 40 "$E2E_DIR/make-deb.log"
	fail "make deb failed"
}
deb=$(ls "$out"/convene_*.deb) || fail "no convene_*.deb in $out"
grep '^[EW]: ' "$out/lintian.txt"
! grep -q '^E: ' "$out/lintian.txt" || fail "lintian reports errors"

# What the package holds.
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's,^\./,/,' >"$E2E_DIR/files"
for f in /usr/bin/convene /usr/share/man/man1/convene.1.gz \
    /usr/share/man/man5/convene-content.5.gz \
    /usr/share/man/man5/convene-journal.5.gz \
    /usr/share/bash-completion/completions/convene \
    /usr/share/convene/content/module.ini /usr/share/doc/convene/README.Debian \
    /usr/share/doc/convene/copyright /var/lib/convene/; do
	grep -qx -- "$f" "$E2E_DIR/files" || fail "the package lacks $f"
done
[ "$(grep -c '^/usr/share/convene/content/.*[^/]$' "$E2E_DIR/files")" = \
    "$(find content -type f | wc -l)" ] ||
    fail "the package does not hold every file of content/"
for po in po/*.po; do
	[ -e "$po" ] || continue
	l=$(basename "$po" .po)
	grep -qx "/usr/share/locale/$l/LC_MESSAGES/convene.mo" "$E2E_DIR/files" ||
	    fail "the package lacks the $l translation"
done

# The binary: built for the package's sessions directory, with the
# packager's flags (dpkg-buildflags' -ffile-prefix-map) beside the
# project's own (-fPIE, the warnings).
dpkg-deb -x "$deb" "$E2E_DIR/root" || fail "dpkg-deb -x"
"$E2E_DIR/root/usr/bin/convene" --version >"$E2E_DIR/version" 2>&1 ||
    fail "the packaged convene --version failed: $(cat "$E2E_DIR/version")"
grep -qx 'sessions directory: /var/lib/convene' "$E2E_DIR/version" ||
    fail "the packaged binary is not built for /var/lib/convene: $(cat "$E2E_DIR/version")"
grep -- ' -c src/journal.c ' "$out/build.log" >"$E2E_DIR/cc" ||
    fail "no compile line for src/journal.c in the build log"
for flag in -ffile-prefix-map= -Werror=format-security -fPIE -Wshadow \
    "-DDATADIR='\"/usr/share/convene\"'"; do
	grep -qF -- "$flag" "$E2E_DIR/cc" || fail "the package's compiler line lacks $flag"
done

# postinst: the group and the setgid binary and sessions directory, as
# make install-host does, through dpkg-statoverride; both scripts parse.
dpkg-deb -e "$deb" "$E2E_DIR/control" || fail "dpkg-deb -e"
for s in postinst postrm; do
	sh -n "$E2E_DIR/control/$s" || fail "$s does not parse"
done
grep -q 'addgroup --system --quiet convene' "$E2E_DIR/control/postinst" ||
    fail "postinst does not make the group convene"
grep -q 'override root convene 2755 /usr/bin/convene' "$E2E_DIR/control/postinst" ||
    fail "postinst does not make the binary setgid convene"
grep -q 'override root convene 2770 /var/lib/convene' "$E2E_DIR/control/postinst" ||
    fail "postinst does not guard the sessions directory"
e2e_pass
