#!/bin/sh
# Hostile modules never crash `convene check` (nor `convene new`): binary
# garbage, empty files, an empty directory, thousands of sessions, a line
# of 100 KB, pages and cases that leave the module (../, absolute paths,
# symbolic links to files and directories outside).  A path outside the
# module is a fault, named by file and line; nothing outside is read into
# a session.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
M=$E2E_DIR/m

# A small sound module to spoil, one way at a time.
fresh() {
	rm -rf "$M"
	mkdir -p "$M/pages"
	cat >"$M/module.ini" <<'EOF'
[module]
title = Hostile
provider = Tests
days = 1
timezone = Asia/Bangkok
description = A module that tests spoil.

[session s1]
day = 1
start = 09:00
minutes = 30
kind = lecture
title = Opening
page = pages/open.md
EOF
	printf '# Opening\n\nWelcome.\n' >"$M/pages/open.md"
}

# check_gives STATUS: `convene check $M` exits STATUS (0 sound, else not
# 0 and not a crash), and the report has only safe bytes.
check_gives() {
	timeout 20 "$CONVENE" check "$M" >"$E2E_DIR/o" 2>"$E2E_DIR/e"
	_rc=$?
	[ $_rc -lt 124 ] || fail "check $what: exit $_rc (a crash or a hang)"
	if [ "$1" = 0 ]; then
		[ $_rc -eq 0 ] || fail "check $what: exit $_rc"
	else
		[ $_rc -ne 0 ] || fail "check $what: found nothing wrong"
	fi
	LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$E2E_DIR/o" \
	    "$E2E_DIR/e" && fail "check $what: control bytes in the report"
	return 0
}

# report_has REGEX: the report has a line matching REGEX.
report_has() {
	grep -qE -- "$1" "$E2E_DIR/o" || {
		cat "$E2E_DIR/o" "$E2E_DIR/e"
		fail "check $what: no line like /$1/"
	}
}

what="of the sound module"
fresh
check_gives 0

what="of binary garbage"
fresh
head -c 65536 /dev/urandom >"$M/module.ini"
check_gives 1
head -c 20000 /dev/urandom >"$M/pages/open.md"
printf '\000\033[2J\033]0;owned\007\377' >>"$M/module.ini"
check_gives 1

what="of an empty module.ini"
fresh
: >"$M/module.ini"
check_gives 1
what="of an empty page"
fresh
: >"$M/pages/open.md"
timeout 20 "$CONVENE" check "$M" >/dev/null 2>&1
[ $? -lt 124 ] || fail "check of an empty page: a crash"
what="of an empty directory"
rm -rf "$M"
mkdir "$M"
check_gives 1

what="with 5,000 sessions"
fresh
python3 - "$M/module.ini" <<'PY'
import sys
with open(sys.argv[1], 'a') as f:
    for i in range(5000):
        f.write('\n[session x%d]\nday = 1\nstart = 10:00\nminutes = 5\n'
                'kind = discussion\ntitle = Session %d\n' % (i, i))
PY
start=$(date +%s)
check_gives 1
[ $(($(date +%s) - start)) -lt 15 ] || fail "check of 5,000 sessions took too long"

what="with a line of 100 KB"
fresh
python3 -c 'print("description = " + "ǂ" * 50000)' >>"$M/module.ini"
check_gives 1
report_has '^module.ini:[0-9]+: .*(line|long)'
fresh
python3 -c 'print("x" * 102400)' >>"$M/pages/open.md"
timeout 20 "$CONVENE" check "$M" >/dev/null 2>&1
[ $? -lt 124 ] || fail "check of a page with a line of 100 KB: a crash"

# Paths that leave the module: each is a fault naming module.ini's line.
for page in ../../../../etc/passwd /etc/passwd pages/../../outside.md \
    pages/../../../etc/hostname; do
	what="with page = $page"
	fresh
	echo "# Outside" >"$E2E_DIR/outside.md"
	sed -i "s|^page = .*|page = $page|" "$M/module.ini"
	check_gives 1
	report_has '^module.ini:1[0-9]: '
	grep -q 'root:' "$E2E_DIR/o" && fail "check $what: showed /etc/passwd"
	"$CONVENE" new "$E2E_DIR/sess" --module "$M" >/dev/null 2>&1 &&
		fail "convene new accepted a module $what"
	[ -e "$E2E_DIR/sess/journal.csv" ] && fail "a session was made $what"
	rm -rf "$E2E_DIR/sess"
done

# Symbolic links leaving the module: a page, the pages directory, a case.
what="with a page that is a symbolic link to /etc/passwd"
fresh
rm "$M/pages/open.md"
ln -s /etc/passwd "$M/pages/open.md"
check_gives 1
report_has 'open.md'
grep -q 'root:' "$E2E_DIR/o" && fail "check $what: showed /etc/passwd"
"$CONVENE" new "$E2E_DIR/sess" --module "$M" >/dev/null 2>&1 &&
	fail "convene new accepted a module $what"
[ -e "$E2E_DIR/sess/module/pages/open.md" ] && fail "a session copied $what"
rm -rf "$E2E_DIR/sess"

what="with pages/ a symbolic link to a directory outside"
fresh
mkdir "$E2E_DIR/elsewhere"
mv "$M/pages/open.md" "$E2E_DIR/elsewhere/"
rmdir "$M/pages"
ln -s "$E2E_DIR/elsewhere" "$M/pages"
check_gives 1
"$CONVENE" new "$E2E_DIR/sess" --module "$M" >/dev/null 2>&1 &&
	fail "convene new accepted a module $what"
rm -rf "$E2E_DIR/sess"

what="with a case file that is a symbolic link outside"
fresh
mkdir "$M/cases"
printf '[case]\ntitle = x\n' >"$E2E_DIR/case.ini"
ln -s "$E2E_DIR/case.ini" "$M/cases/evil.ini"
check_gives 1
report_has 'cases/evil.ini'

what="with module.ini a symbolic link to a directory"
fresh
rm "$M/module.ini"
ln -s / "$M/module.ini"
check_gives 1

what="with a symbolic link loop"
fresh
ln -s loop "$M/pages/loop.md"
ln -s loop.md "$M/pages/loop"
sed -i "s|^page = .*|page = pages/loop.md|" "$M/module.ini"
check_gives 1
e2e_pass
