#!/bin/sh
# Every key in the key tables of the screens (the tables the ? overlay is
# drawn from) is documented in convene(1), in its KEYS section:
#   - the keys of every screen (app.c), the facilitator console's own keys
#     (console.c) and the kiosk's (participant.c) before its first
#     subsection;
#   - each console screen's keys in its entry of the "Facilitator console"
#     list (after "Besides the keys above...");
#   - each participant screen's in its entry of "The participant terminal";
#   - the projector's in its entry of "The projector".
# A key added to a table without a line in the man page fails here.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
command -v groff >/dev/null 2>&1 || { echo "groff missing: skipped"; exit 77; }
# -P-c: bold as "x BS x", so that only keys set in bold (.Ic) count.
man=$(LC_ALL=C.UTF-8 groff -mandoc -Tutf8 -P-c man/convene.1 2>/dev/null) ||
    { echo "FAIL: groff"; exit 1; }
printf '%s\n' "$man" | python3 -c '
import os, re, sys
raw = sys.stdin.read()
# Keys are set in bold: keep only bold runs, each as a word of its own.
man = re.sub(r"(.)\x08\1", lambda m: "\x01" + m.group(1) + "\x02", raw)
man = re.sub(r"\x02( *)\x01", r"\1", man)   # spaces are not set in bold
man = re.sub(r"_\x08(.)", r"\1", man)      # underlined: plain

# file: (subsection, entry); subsection None: the KEYS section before its
# first subsection; entry None: the whole subsection.
FAC, PART, PROJ = "Facilitator console", "The participant terminal", \
    "The projector"
screens = {
    "screens/app.c": (None, None),          # keys of every screen
    "screens/console.c": (None, None),      # the console, on every screen
    "screens/participant.c": (None, None),  # the kiosk: N
    "screens/console_agenda.c": (FAC, "Agenda"),
    "screens/console_page.c": (FAC, "Page"),
    "screens/console_timer.c": (FAC, "Timers"),
    "screens/console_rooms.c": (FAC, "Rooms"),
    "screens/console_board.c": (FAC, "Board"),
    "screens/console_voting.c": (FAC, "Voting"),
    "screens/console_rollcall.c": (FAC, "Roll call"),
    "screens/console_questions.c": (FAC, "Questions"),
    "screens/console_polls.c": (FAC, "Polls"),
    "screens/join.c": (PART, "Join"),
    "screens/part_board.c": (PART, "Board"),
    "screens/part_ballot.c": (PART, "Vote"),
    "screens/part_questions.c": (PART, "Questions"),
    "screens/part_poll.c": (PART, "Poll"),
    "screens/part_eval.c": (PART, "Evaluation"),
    "screens/part_agenda.c": (PART, "Agenda"),
    "screens/part_page.c": (PART, "Page"),
    "screens/projector.c": (PROJ, "Wall"),
}
entry = re.compile(r"\{\s*(?:\x27[^\x27]+\x27|KEYCODE\(KEY_\w+\)|KEY_\w+|\d+|"
                   r"CTRL\(\x27.\x27\))\s*,\s*\"((?:[^\"\\]|\\.)*)\"\s*,")
# Keys of the movement row of KEYS: a screen entry need not repeat them.
common = {"j", "k", "Down", "Up", "PgDn", "PgUp", "Home", "End", "g", "G",
          "?", "q", "Tab"}

# Macros that expand to rows of a key table (screens/listscreen.h).
macros = {}
if os.path.exists("screens/listscreen.h"):
    h = open("screens/listscreen.h", encoding="utf-8").read()
    for m in re.finditer(r"#define\s+(LISTSCREEN_\w+_KEYS)\(\w+\)((?:.*\\\n)*.*)", h):
        macros[m.group(1)] = m.group(2)

def labels(src):
    for name, body in macros.items():
        src = re.sub(re.escape(name) + r"\s*\((?:[^()]|\([^()]*\))*\)", lambda _: body, src)
    return entry.findall(src)

m = re.search(r"\n\x01KEYS\x02\n", man)
if not m:
    sys.exit("FAIL: convene(1) has no KEYS section")
rest = man[m.end():]
end = re.search(r"\n\x01[A-Z][A-Z ]*\x02\n", rest)
keys_part = rest[:end.start()] if end else rest
# Subsections: a bold heading indented by three columns.
parts = re.split(r"\n {3}\x01([^\x02\n]+)\x02\n", keys_part)
subsections = {None: parts[0]}
for i in range(1, len(parts) - 1, 2):
    subsections[parts[i]] = parts[i + 1]

bad = []
for sub in (FAC, PART, PROJ):
    if sub not in subsections:
        bad.append("convene(1): KEYS has no subsection \"%s\"" % sub)
fac = subsections.get(FAC, "")
if "Besides the" in fac:
    subsections[FAC] = fac[fac.index("Besides the"):]
else:
    bad.append("convene(1): \"Facilitator console\" needs the sentence "
               "\"Besides the keys above...\" before the per-screen key list")

for path, (sub, name) in screens.items():
    if not os.path.exists(path):
        bad.append("%s: missing" % path)
        continue
    text = subsections.get(sub)
    if text is None:
        continue
    if name is None:
        where = text
    else:
        m = re.search(r"\n {5}" + re.escape(name) +
                      r"(?:  |\n)(.*?)(?=\n {5}[^\s\x01]|\n[^\s\x01]|\Z)",
                      "\n" + text, re.S)
        if not m:
            bad.append("%s: no entry \"%s\" under \"%s\" in the man page"
                       % (path, name, sub))
            continue
        where = m.group(1)
    words = set()
    for run in re.findall(r"\x01([^\x02]*)\x02", where):
        words.add(run.strip(",;:()."))
        words |= {w.strip(",;:()") for w in run.split()}
    src = open(path, encoding="utf-8").read()
    for label in labels(src):
        for key in label.split():
            if key in common and name is not None:
                continue
            r = re.fullmatch(r"(\d)-(\d)", key)
            need = [r.group(1), r.group(2)] if r else [key]
            for k in need:
                if k not in words and k.rstrip(".") not in words:
                    bad.append("%s: key %s (\"%s\") is not in convene(1)%s"
                               % (path, k, label, "" if name is None else
                                  " under %s: %s" % (sub, name)))
if bad:
    print("FAIL:\n" + "\n".join(bad))
    sys.exit(1)
'
