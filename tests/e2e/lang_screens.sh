#!/bin/sh
# lang_screens: every participant screen at 80x24, in every language that
# has a catalogue in po/ (and in any catalogue named in LANG_SCREENS_PO),
# shows its words whole: the tab line holds every screen's name uncut, the
# hint line its whole text, no "%s" or "%d" of a broken translation leaks
# onto a screen, and each screen's ? overlay opens.  One pass a catalogue,
# on the join screen, Board, Vote, Questions, Poll, Evaluation, Agenda and
# Page.  While po/ has no catalogue yet, an English one made with msgen
# (every msgstr its msgid) keeps the walk itself tested.
. "$(dirname "$0")/lib.sh"
e2e_init
py=/usr/bin/python3
[ -x $py ] || { echo "python3 missing: skipped"; exit 77; }
command -v msgfmt >/dev/null 2>&1 || { echo "msgfmt missing: skipped"; exit 77; }
pos=
for po in po/*.po ${LANG_SCREENS_PO:-}; do
	[ -f "$po" ] && pos="$pos $po"
done
if [ -z "$pos" ]; then
	command -v msgen >/dev/null 2>&1 || { echo "msgen missing: skipped"; exit 77; }
	make -s pot POT="$E2E_DIR/convene.pot" >/dev/null 2>&1 || fail "make pot"
	msgen "$E2E_DIR/convene.pot" 2>/dev/null | sed -e 's/charset=CHARSET/charset=UTF-8/' \
	    -e 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/' \
	    >"$E2E_DIR/en_GB.po" || fail "msgen"
	pos=$E2E_DIR/en_GB.po
fi

S=$E2E_DIR/s
new_session "$S"
p=$(cv participant "$S" "Somchai Boonmee" --country TH)
cv participant "$S" "Kim Minjun" --country KR >/dev/null
cv agenda "$S" next >/dev/null
cv idea "$S" --by "$p" "Offline-first forms for island municipalities" >/dev/null
cv ask "$S" --by "$p" "How was the portal funded?" >/dev/null
cv poll "$S" open "Which channel first?" SMS Portal Counter >/dev/null

# tr LANG MSGID: the catalogue's translation (gettext's own lookup).
tr() {
	$py -c 'import gettext, sys
t = gettext.translation("convene", sys.argv[1], [sys.argv[2]], fallback=True)
print(t.gettext(sys.argv[3]))' "$E2E_DIR/locale" "$1" "$2"
}
# Columns of a text as a terminal shows it (Python's unicodedata: wide
# East Asian characters two, combining marks none).
cols() {
	$py -c 'import sys, unicodedata as u
print(sum(0 if u.combining(c) or u.category(c) in ("Mn", "Me", "Cf") else
          2 if u.east_asian_width(c) in "WF" else 1 for c in sys.argv[1]))' "$1"
}
# check LANG NAME: the screen of session NAME as it must be.
check() {
	_scr=$(screen "$2")
	if printf '%s\n' "$_scr" | grep -qE '%(s|d|zu|ld|lu|[0-9]*\$)'; then
		printf '%s\n' "$_scr"
		fail "$1: a format directive on the screen"
	fi
	_tabs=$(printf '%s\n' "$_scr" | sed -n 2p)
	for _n in Board Vote Questions Poll Evaluation Agenda Page; do
		_t=$(tr "$1" "$_n")
		case $_tabs in *"$_t"*) ;; *)
			printf '%s\n' "$_scr"
			fail "$1: the tab \"$_t\" ($_n) is cut or missing" ;;
		esac
	done
}
# wait_changed NAME BEFORE: until the screen differs from BEFORE.
wait_changed() {
	_deadline=$(($(date +%s) + E2E_TIMEOUT))
	while [ "$(screen "$1")" = "$2" ]; do
		[ "$(date +%s)" -ge "$_deadline" ] && fail "the screen did not change"
		sleep 0.05
	done
}

for po in $pos; do
	l=$(basename "$po" .po)
	mkdir -p "$E2E_DIR/locale/$l/LC_MESSAGES"
	msgfmt -c -o "$E2E_DIR/locale/$l/LC_MESSAGES/convene.mo" "$po" ||
	    fail "$po: msgfmt -c refuses it"
	E2E_ENV="CONVENE_LOCALEDIR=$E2E_DIR/locale"
	hint=$(tr "$l" "i idea   Tab next screen   ? keys   q quit")
	[ "$(cols "$hint")" -le 80 ] ||
	    fail "$l: the hint line is $(cols "$hint") columns: it must fit 80"
	keys=$(tr "$l" "Keys (any key closes)")

	# The join screen.
	start_session "j$l" 80 24 "$CONVENE" join "$S" --lang "$l"
	wait_for_text "j$l" "$(tr "$l" "Who are you? Type your name, then Enter.")"
	tm kill-session -t "=j$l:"

	start_session "$l" 80 24 "$CONVENE" join "$S" --as "$p" --lang "$l"
	wait_for_text "$l" "$hint"
	# Tab: every screen once (the digits answer the open poll).
	for k in 1 2 3 4 5 6 7; do
		before=$(screen "$l")
		send "$l" Tab
		wait_changed "$l" "$before"
		wait_for_text "$l" "$hint"
		check "$l" "$l"
		send "$l" "?"
		wait_for_text "$l" "$keys"
		send "$l" Escape
		# (gone, not the hint back: the hint may show under the
		# overlay, and the next Tab's "before" must be without it)
		wait_for_gone "$l" "$keys"
		wait_for_text "$l" "$hint"
	done
	send "$l" q
	wait_exit "$l" >/dev/null
done
e2e_pass
