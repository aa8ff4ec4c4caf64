#!/bin/sh
# The bundled module stays faithful to the event it is for (issue 20):
# every case-study page and every page that states sourced facts has a
# "References" section; every page's word count is in the range that
# content/README.md documents; Nepal, not among the 16 countries, does not
# appear; each of the 16 countries appears on at least one page; and
# `convene check content` is clean.  Plain sh, grep, awk and wc; no tmux.
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
fail=0
say() { echo "FAIL: $*"; fail=1; }
mod=${E2E_CONTENT:-content}
[ -f $mod/module.ini ] || { echo "no bundled module: skipped"; exit 77; }

# convene check is clean.
"$CONVENE" check $mod >"$E2E_DIR/check" 2>&1 || say "convene check content: $(cat "$E2E_DIR/check")"

# The word range, as documented in content/README.md ("between **MIN and MAX words**").
range=$(grep -o 'between \*\*[0-9]* and [0-9]* words\*\*' $mod/README.md | head -n 1)
min=$(echo "$range" | awk '{print $2}' | tr -d '*')
max=$(echo "$range" | awk '{print $4}')
[ -n "$min" ] && [ -n "$max" ] || say "content/README.md documents no page length range"

# Pages: every file under pages/.
for f in $mod/pages/*.md $mod/pages/cases/*.md; do
	n=$(wc -w <"$f")
	if [ -n "$min" ] && { [ "$n" -lt "$min" ] || [ "$n" -gt "$max" ]; }; then
		say "$f has $n words, outside $min to $max"
	fi
done

# Pages that must carry a References section: the case files named by
# cases/*.ini, the pages of case-study sessions, and the pages of sourced facts.
need=""
for c in $mod/cases/*.ini; do
	need="$need $(awk -F' *= *' 'tolower($1) ~ /^ *summary$/ {print $2}' "$c")"
done
need="$need $(awk '
	/^\[/ { if (kind == "case-study" && page != "") print page; kind = ""; page = "" }
	/^[ \t]*kind[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); kind = $0 }
	/^[ \t]*page[ \t]*=/ { sub(/^[^=]*=[ \t]*/, ""); page = $0 }
	END { if (kind == "case-study" && page != "") print page }
' $mod/module.ini)"
for p in d3-infrastructure d3-services d4-capacity d4-regulation d3-open-source d3-publishing d2-south-south; do
	need="$need pages/$p.md"
done
for p in $need; do
	[ -f "$mod/$p" ] || { say "$p does not exist"; continue; }
	grep -q '^## References[[:space:]]*$' "$mod/$p" || say "$p has no References section"
done
case "$need" in *cases/*) ;; *) say "no case-study page found" ;; esac

# Nepal is not among the 16.
grep -ril nepal $mod/pages $mod/cases $mod/module.ini >"$E2E_DIR/nepal" && say "Nepal appears in: $(tr '\n' ' ' <"$E2E_DIR/nepal")"

# Each of the 16 countries appears on at least one page.
for c in Armenia Bangladesh Bhutan Indonesia Kazakhstan Kiribati 'Lao PDR' Maldives \
    Mongolia Pakistan Palau Philippines 'Republic of Korea' 'Sri Lanka' Thailand Uzbekistan; do
	cat $mod/pages/*.md $mod/pages/cases/*.md | grep -q "$c" || say "$c appears on no page"
done

[ $fail -eq 0 ] || exit 1
e2e_pass
