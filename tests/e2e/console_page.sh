#!/bin/sh
# Presenter pages: the current item's page rendered from Markdown (headings,
# bullets, emphasis), scrolling, search with /, and the case study.
. "$(dirname "$0")/lib.sh"
e2e_init
s=$E2E_DIR/s
new_session "$s"
cv agenda "$s" goto d1-everyday

start_session con 80 24 "$CONVENE" run "$s"
wait_for_text con "1 Agenda"
send con Tab
# The page's own text: the tab line ("2 Page") and the item's title are on
# the Agenda too, so they would match before Tab has been acted on.
wait_for_text con "Key points"
wait_for_text con "Digital technology in everyday life"
# Bullets get a bullet, and are wrapped with a hanging indent.
wait_for_text con "• Across the region, the mobile phone is the main way"
# Emphasis markers never show.
refute_screen con "*Day 1"

# Scrolling.
send con End
# (the position shows before End too: wait for the page to move)
wait_for_gone con "Key points"
wait_for_line con "[0-9]+–[0-9]+ / [0-9]+"
send con Home
wait_for_text con "Key points"

# Search: / opens a prompt, Enter searches, ] goes to the next match.
send con /
wait_for_text con "Search:"
send_text con "listen for"
send con Enter
wait_for_text con "1 match:"
wait_for_text con "What to listen for"
send con /
send con C-u
send_text con "nothing like this"
send con Enter
wait_for_text con "is not on this page"

# An item with a case study: c shows the case and its questions.
send con c
wait_for_text con "this item has no case study"
cv agenda "$s" goto d2-case-korea
wait_for_text con "Case study: the Republic of Korea"
send con c
wait_for_text con "Republic of Korea: a long e-government journey"
assert_screen con "Case study"
send con End
wait_for_text con "Questions for discussion"	# the case's, at its end
wait_for_line con "^1\. "
send con c
wait_for_gone con "Questions for discussion"
wait_for_text con "Case study: the Republic of Korea"

send con q
send con y
[ "$(wait_exit con)" = 0 ] || fail "exit status"
e2e_pass
