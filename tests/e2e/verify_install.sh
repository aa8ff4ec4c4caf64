#!/bin/sh
# `make install` and `make uninstall` with DESTDIR: the binary, the three
# man pages, the bash completion and the bundled module under share/convene/content; the
# installed binary, run from elsewhere and without CONVENE_CONTENT, finds
# its module and `convene demo` opens the console on it, seeded with sample
# data that the journal and the export mark as such.
#
# It installs the binary this tree already built (make -o all): the test
# never recompiles a tree that other work shares.
. "$(dirname "$0")/lib.sh"
e2e_init

stage=$E2E_DIR/stage
make -s -o all install DESTDIR="$stage" PREFIX=/usr/local \
    >"$E2E_DIR/install.log" 2>&1 || {
	cat "$E2E_DIR/install.log"
	fail "make install failed"
}

p=$stage/usr/local
[ -x "$p/bin/convene" ] || fail "no executable $p/bin/convene"
for m in man1/convene.1 man5/convene-content.5 man5/convene-journal.5; do
	[ -f "$p/share/man/$m" ] || fail "man page $m not installed"
done
cmp -s completions/convene "$p/share/bash-completion/completions/convene" ||
    fail "the bash completion is not installed in share/bash-completion/completions"
[ -f "$p/share/convene/content/module.ini" ] ||
    fail "bundled module not installed under share/convene/content"
[ -z "$(find "$p/share/convene/content" ! -perm -a+r)" ] ||
    fail "some installed content is not readable by everyone"
cmp -s content/module.ini "$p/share/convene/content/module.ini" ||
    fail "installed module.ini differs from content/module.ini"
[ "$(find "$p/share/convene/content" -type f | wc -l)" = \
    "$(find content -type f | wc -l)" ] ||
    fail "not every file of content/ was installed"
"$p/bin/convene" check "$p/share/convene/content" >"$E2E_DIR/check.out" 2>&1 ||
    fail "the installed module does not check clean: $(cat "$E2E_DIR/check.out")"
"$p/bin/convene" --version | grep -q '^convene ' ||
    fail "installed convene --version: $("$p/bin/convene" --version 2>&1)"

# The installed binary finds its module (no source tree beside it, no
# CONVENE_CONTENT), from an unrelated working directory.
mkdir "$E2E_DIR/elsewhere"
cd "$E2E_DIR/elsewhere" || fail "cd"
E2E_ENV="-u CONVENE_CONTENT TMPDIR=$E2E_DIR/elsewhere"
start_session demo 80 24 "$p/bin/convene" demo
wait_for_text demo "Digital Government and Transformation"
wait_for_text demo " here"
send demo q
wait_for_text demo "(y/n)"
send demo y
st=$(wait_exit demo)
[ "$st" = 0 ] || fail "convene demo exited $st"
demo=$(ls -d "$E2E_DIR"/elsewhere/convene-demo-*/session 2>/dev/null)
[ -f "$demo/journal.csv" ] || fail "the demo session is not in TMPDIR"

# The demo's seed is marked as sample data in the journal and the export.
grep -q '^"1","[^"]*","sample",' "$demo/journal.csv" ||
    fail "the seed's records are not by the actor 'sample'"
"$p/bin/convene" export "$demo" --out "$E2E_DIR/demo-export" >/dev/null ||
    fail "export of the demo session failed"
# sample is followed by language and timezone (issue 15)
head -1 "$E2E_DIR/demo-export/participants.csv" | grep -q ',sample,' ||
    fail "participants.csv has no sample column"
[ "$(tr -d '\r' <"$E2E_DIR/demo-export/participants.csv" | grep -c ',yes,[^,]*,[^,]*$')" -ge 12 ] ||
    fail "the demo's dozen sample participants are not marked sample"
grep -qi 'sample' "$E2E_DIR/demo-export/summary.md" ||
    fail "summary.md does not say the demo data is sample data"
cd "$E2E_ROOT" || fail "cd"

make -s uninstall DESTDIR="$stage" PREFIX=/usr/local >/dev/null 2>&1 ||
    fail "make uninstall failed"
left=$(find "$stage" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"
e2e_pass
