#!/bin/sh
# Ready for translation: `make pot` extracts the _() strings into a gettext
# template; a catalogue made from it with the gettext tools (msginit,
# msgfmt -c) is picked up by convene through LANGUAGE, both for a core
# error message and for a screen string; column names of exports stay
# English.
. "$(dirname "$0")/lib.sh"
e2e_init notmux
for t in xgettext msginit msgfmt python3; do
	command -v $t >/dev/null 2>&1 || { echo "$t missing: skipped"; exit 77; }
done

pot=$E2E_DIR/convene.pot
make -s pot POT="$pot" >"$E2E_DIR/pot.log" 2>&1 || {
	cat "$E2E_DIR/pot.log"
	fail "make pot failed"
}
n=$(grep -c '^msgid "[^"]' "$pot")
[ "$n" -ge 300 ] || fail "the template has only $n strings"
for want in "no participant '%s' in this session" "terminal too small" \
    "Quit the console?"; do
	grep -qF "msgid \"$want\"" "$pot" || fail "'$want' is not in the template"
done

# A German catalogue with two strings translated.
po=$E2E_DIR/de.po
msginit --no-translator -l de_DE.UTF-8 -i "$pot" -o "$po" >/dev/null 2>&1 ||
    fail "msginit failed"
python3 - "$po" <<'PY' || fail "cannot fill in the catalogue"
import sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
tr = {"no participant '%s' in this session": "kein Teilnehmer '%s' in dieser Sitzung",
      "Quit the console?": "Konsole beenden?"}
for k, v in tr.items():
    old = 'msgid "%s"\nmsgstr ""\n' % k
    if old not in text:
        sys.exit('no entry for ' + k)
    text = text.replace(old, 'msgid "%s"\nmsgstr "%s"\n' % (k, v))
open(path, 'w', encoding='utf-8').write(text)
PY
mkdir -p "$E2E_DIR/locale/de/LC_MESSAGES"
msgfmt -c -o "$E2E_DIR/locale/de/LC_MESSAGES/convene.mo" "$po" ||
    fail "msgfmt -c refused the catalogue"

S=$E2E_DIR/s
new_session "$S"
err=$(CONVENE_LOCALEDIR=$E2E_DIR/locale LANGUAGE=de LANG=C.UTF-8 \
    "$CONVENE" checkin "$S" --by p9 2>&1 >/dev/null)
[ "$err" = "convene: kein Teilnehmer 'p9' in dieser Sitzung" ] ||
    fail "core message not translated: $err"
err=$(CONVENE_LOCALEDIR=$E2E_DIR/locale LANG=C.UTF-8 \
    "$CONVENE" checkin "$S" --by p9 2>&1 >/dev/null)
[ "$err" = "convene: no participant 'p9' in this session" ] ||
    fail "without LANGUAGE: $err"

# A screen string, in tmux.
if command -v tmux >/dev/null 2>&1; then
	printf '%s\n' 'set -g remain-on-exit on' 'set -g status off' \
	    >"$E2E_DIR/tmux.conf"
	E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale LANGUAGE=de"
	start_session c 80 24 "$CONVENE" run "$S"
	wait_for_text c "Digital Government and Transformation"
	send c q
	wait_for_text c "Konsole beenden?"
	send c y
	st=$(wait_exit c)
	[ "$st" = 0 ] || fail "the console exited $st"
fi

# Exported column names are fixed identifiers, never translated.
CONVENE_LOCALEDIR=$E2E_DIR/locale LANGUAGE=de "$CONVENE" export "$S" \
    --out "$E2E_DIR/ex" >/dev/null || fail "export failed"
# (after the UTF-8 byte order mark every CSV file starts with)
head -1 "$E2E_DIR/ex/participants.csv" |
    grep -q "^$(printf '\357\273\277')id,name,country,organisation,joined_at" ||
    fail "participants.csv header changed under a translation"
e2e_pass
