#!/bin/sh
# verify_verbs: every key of the console and the participant terminal that
# changes the record has a scripting verb, and every verb is some screen's
# key or a command-line task: the two never drift apart (issue 18).  The
# map below names, for each key a screen's table documents, the verb that
# does the same, or "-" for keys that change no record (moving, showing,
# searching, the console's own undo stack).  A key added to a table and
# not to this map fails here, and so does a verb no key claims.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v python3 >/dev/null 2>&1 || { echo "python3 missing: skipped"; exit 77; }
[ -x ./convene ] || { echo "no ./convene: run make first"; exit 3; }
./convene --help >"${TMPDIR:-/tmp}/verbs.$$" 2>&1
python3 - "${TMPDIR:-/tmp}/verbs.$$" <<'EOF'
import glob, re, sys

KEYS = {
    # the console, on every screen
    'console.c': {'t': 'timer', 'e E': 'timer', 'n p': 'agenda',
                  'X': 'agenda', 'v': 'voting', 'r': 'voting',
                  'b B': 'message', 'u': '-'},
    'console_agenda.c': {'s': 'agenda', 'm': 'plan', 'l': 'plan',
                         'Enter': '-',
                         'x': 'plan', 'a': 'plan'},
    'console_board.c': {'W': 'projector', 'm': 'board', 'P': 'board',
                        'h': 'board', 'Enter': 'board', 'i': 'board',
                        'f': '-', 's': '-', 'T': '-', 'x': '-', 'a': '-'},
    'console_page.c': {'P': 'present', 'c': '-'},
    'console_polls.c': {'Enter': 'poll', 'o': 'poll', 'c': 'poll',
                        'R': 'poll'},
    'console_questions.c': {'a': 'question', 'h': 'question',
                            'P': 'question', 'A': '-'},
    'console_rollcall.c': {'Space Enter': 'rollcall', 'x': 'rollcall'},
    'console_rooms.c': {'M': 'rooms', 'c': 'rooms', 'C': 'rooms',
                        '> <': 'rooms', 'm': 'rooms', 'b': 'message',
                        'R': 'rooms', 't e E': 'timer'},
    'console_timer.c': {'t': 'timer', 'e E': 'timer', 'S': 'timer',
                        's': 'timer', 'a': '-'},
    'console_voting.c': {'V': 'voting'},
    'join.c': {'Enter': 'participant'},
    'part_ballot.c': {'+ Space Enter': 'vote', '-': 'unvote'},
    'part_board.c': {'i': 'idea', 'e Enter': 'mine', 'w': 'mine'},
    'part_eval.c': {'1-5': 'eval', 'Enter': 'eval', 's': '-', 'r': '-'},
    'part_page.c': {'f': '-', 'c': '-'},
    'part_poll.c': {'1-9': 'poll', 'Space': '-', 'Enter': 'poll'},
    'part_questions.c': {'a': 'ask', 'u + Space': 'upvote'},
    # the participant terminal, on every screen (the role's keys)
    'participant.c': {'N': '-', 'i': 'idea', 'L F2': 'lang', 'F2': 'lang',
                      'Z': 'tz'},
}
# Verbs that are command-line tasks of their own, not a screen's key.
CLI_ONLY = {'demo', 'new', 'run', 'join', 'show', 'check', 'export',
            'import', 'status', 'checkin', 'pin', 'purge', 'serve'}
# Keys that change no record: moving, views, searching, local marks.
VIEW = re.compile(r'^(j k Down Up|Down Up|PgDn PgUp|g G Home End|Home End|'
                  r'Space PgDn PgUp|\.|/|Esc|Enter Esc|'
                  r'n N|\] \[|\[ \]|l h Right Left)$')

verbs = set(re.findall(r'^  ([a-z]+) ', open(sys.argv[1]).read(), re.M))
bad, claimed = [], set()
for f in sorted(glob.glob('screens/*.c')):
    name = f.split('/')[-1]
    if not (name.startswith('console') or name.startswith('part_') or
            name in ('join.c', 'participant.c')):
        continue
    src = open(f).read()
    for m in re.finditer(r'static const struct binding \w+\[\] = \{(.*?)\n\};',
                         src, re.S):
        for e in re.finditer(r'\{\s*[^,]+,\s*"([^"]+)"', m.group(1)):
            key = e.group(1)
            verb = KEYS.get(name, {}).get(key)
            if verb is None:
                if not VIEW.match(key):
                    bad.append('%s: key "%s" has no verb in this map' %
                               (name, key))
                continue
            if verb != '-':
                claimed.add(verb)
                if verb not in verbs:
                    bad.append('%s: key "%s" names verb "%s", which '
                               'convene does not have' % (name, key, verb))
for v in sorted(verbs - claimed - CLI_ONLY):
    bad.append('verb "%s" is no screen\'s key and not a command-line task'
               % v)
for b in bad:
    print('FAIL: ' + b)
sys.exit(1 if bad else 0)
EOF
rc=$?
rm -f "${TMPDIR:-/tmp}/verbs.$$"
exit $rc
