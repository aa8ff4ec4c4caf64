#!/bin/sh
# Every key in the key tables of the facilitator console's screens (the
# tables the ? overlay is drawn from) is documented in convene(1): the keys
# every screen shares in KEYS, each screen's own in its entry of the
# "Facilitator console" list.  A key added to a table without a line in the
# man page fails here.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
command -v groff >/dev/null 2>&1 || { echo "groff missing: skipped"; exit 77; }
# -P-c: bold as "x BS x", so that only keys set in bold (.Ic) count.
man=$(LC_ALL=C.UTF-8 groff -mandoc -Tutf8 -P-c man/convene.1 2>/dev/null) ||
    { echo "FAIL: groff"; exit 1; }
printf '%s\n' "$man" | python3 -c '
import re, sys
raw = sys.stdin.read()
# Keys are set in bold: keep only bold runs, each as a word of its own.
man = re.sub(r"(.)\x08\1", lambda m: "\x01" + m.group(1) + "\x02", raw)
man = re.sub(r"\x02\x01", "", man)
man = re.sub(r"_\x08(.)", r"\1", man)      # underlined: plain
screens = {
    "screens/console.c": None,          # keys of every screen: KEYS
    "screens/console_agenda.c": "Agenda",
    "screens/console_page.c": "Page",
    "screens/console_timer.c": "Timers",
    "screens/console_rooms.c": "Rooms",
    "screens/console_board.c": "Board",
    "screens/console_voting.c": "Voting",
    "screens/console_rollcall.c": "Roll call",
}
entry = re.compile(r"\{\s*(?:\x27[^\x27]+\x27|KEY_\w+|\d+|CTRL\(\x27.\x27\))\s*,"
                   r"\s*\"((?:[^\"\\]|\\.)*)\"\s*,")
common = {"j", "k", "Down", "Up", "?", "q", "Tab"}
m = re.search(r"\n\x01?KEYS\x02?\n", man)
if not m or "Besides the" not in man[m.start():]:
    sys.exit("FAIL: convene(1) needs its KEYS section with the sentence "
             "\"Besides the keys above...\" before the per-screen key list")
keys_part = man[m.start():]
cut = keys_part.index("Besides the")
global_keys = keys_part[:cut]
screen_keys = keys_part[cut:]
bad = []
for path, name in screens.items():
    src = open(path, encoding="utf-8").read()
    if name is None:
        where = global_keys
    else:
        m = re.search(r"\n {5}" + re.escape(name) + r"(?:  |\n)(.*?)(?=\n {5}[^\s\x01]|\n[^\s\x01])",
                      screen_keys, re.S)
        if not m:
            bad.append("%s: no entry \"%s\" in the man page" % (path, name))
            continue
        where = m.group(1)
    words = set(w.strip(",;:()") for w in re.findall(r"\x01([^\x02]*)\x02", where))
    words = {x for w in words for x in w.split()} | words
    for label in entry.findall(src):
        for key in label.split():
            if key in common and name is not None:
                continue
            if key not in words and key.rstrip(".") not in words:
                bad.append("%s: key %s (\"%s\") is not in convene(1)%s"
                           % (path, key, label,
                              "" if name is None else " under " + name))
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
'
