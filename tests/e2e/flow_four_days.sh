#!/bin/sh
# flow_four_days: the bundled workshop walked from the first morning to the
# closing on a controlled clock (faketime), as a facilitator would run it,
# with the expectations read from content/module.ini:
#   - every item is made current at its planned time (the second item of
#     each day five minutes late), day 2 is ended with `agenda end` ten
#     minutes after its plan, days 1 and 3 are never ended (day 1 has an
#     idea written late in the evening);
#   - timings.csv gives every item the minutes it really had, the last item
#     of each day included; days.csv's behind_minutes equals what the
#     console says at the same instant; each step started the new item's
#     timer with its planned minutes;
#   - a pinned question is unpinned and a message for the item is gone when
#     the item ends; the projector's wall on day 4 shows the team thread
#     (the day-3 ideas) and not the day-1 practice ideas;
#   - the day-4 prototype ballot holds the team prototypes, not the day-1
#     practice ones;
#   - an idle participant whose own terminal is open as day 2 starts is
#     present that day; a kiosk left showing someone is not;
#   - on day 4 the plan changes: an item is skipped (passed over, marked in
#     timings.csv, out of the day's planned minutes) and the closing moves.
# Skips (77) without faketime or python3.
. "$(dirname "$0")/lib.sh"
e2e_init
why=$(no_faketime)
[ -z "$why" ] || { echo "$why: skipped"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "python3 is not installed: skipped"; exit 77; }
export TZ=UTC
s=$E2E_DIR/s
plan=$E2E_DIR/plan

# at "YYYY-MM-DD HH:MM" CMD...: CMD at that UTC minute (the module is in
# Asia/Bangkok, UTC+7: 09:00 there is 02:00 here).
at() {
	_t=$1
	shift
	faketime "$_t:00" "$@"
}

at "2030-01-06 20:00" "$CONVENE" new "$s" --module "$E2E_ROOT/content" \
    --start 2030-01-07 >/dev/null || fail "new"
for who in "Kim Minjun:KR" "Somchai Jaidee:TH" "Aigerim Bekova:KZ"; do
	at "2030-01-06 20:01" "$CONVENE" participant "$s" "${who%%:*}" \
	    --country "${who#*:}" >/dev/null || fail "participant ${who%%:*}"
done

# The plan, from module.ini: one line per item, "day id utc-start minutes",
# and the walk: the time of each step.
python3 - "$E2E_ROOT/content/module.ini" >"$plan" <<'EOF' || fail "plan"
import configparser, datetime, sys
c = configparser.ConfigParser(inline_comment_prefixes=(';',),
                              comment_prefixes=(';', '#'))
c.read(sys.argv[1], encoding='utf-8')
for sec in c.sections():
    if not sec.startswith('session '):
        continue
    v = c[sec]
    day, (h, m) = int(v['day']), map(int, v['start'].split(':'))
    start = datetime.datetime(2030, 1, 6 + day, h, m) - \
        datetime.timedelta(hours=7)
    print(day, sec[8:], start.strftime('%Y-%m-%d %H:%M'), v['minutes'])
EOF
[ "$(wc -l <"$plan")" -eq 41 ] || fail "the plan has $(wc -l <"$plan") items"

# minutes_after "YYYY-MM-DD HH:MM" N: that time plus N minutes.
minutes_after() {
	date -u -d "$1 UTC + $2 minutes" '+%Y-%m-%d %H:%M'
}

# An idle participant terminal for p2, open from before day 2 starts, and
# a kiosk showing p3 (last night's person).  Neither does anything.
start_session idle 80 24 "$CONVENE" join "$s" --as p2
wait_for_text idle "Somchai Jaidee"
start_session kiosk 80 24 "$CONVENE" join "$s" --kiosk --as p3
wait_for_text kiosk "Aigerim Bekova"

expected=$E2E_DIR/expected
: >"$expected"
prev_day=0 prev_id="" prev_start="" second=0
while read -r day id sdate stime minutes; do
	start="$sdate $stime"
	if [ "$day" != "$prev_day" ]; then
		second=0
		# The day before ends: day 2 by `agenda end`, ten minutes
		# after its plan; days 1 and 3 are never ended.
		if [ "$prev_day" = 2 ]; then
			at "$(minutes_after "$prev_start" $((prev_minutes + 10)))" \
			    "$CONVENE" agenda "$s" end || fail "end of day 2"
			echo "$prev_id $((prev_minutes + 10))" >>"$expected"
		elif [ -n "$prev_id" ]; then
			echo "$prev_id $prev_minutes" >>"$expected"
		fi
	else
		second=$((second + 1))
	fi
	# The plan changes on day 4: a speaker cancels (skipped), the closing
	# moves five minutes later.
	if [ "$id" = d4-capacity ]; then
		at "$(minutes_after "$start" -30)" "$CONVENE" plan "$s" skip \
		    d4-regulation || fail "skip"
		at "$(minutes_after "$start" -30)" "$CONVENE" plan "$s" move \
		    d4-closing 4 16:20 || fail "move"
	fi
	if [ "$id" = d4-regulation ]; then
		echo "$id skipped" >>"$expected"
		continue
	fi
	when=$start
	# The second item of each day starts five minutes late.
	[ "$second" = 1 ] && when=$(minutes_after "$start" 5)
	at "$when" "$CONVENE" agenda "$s" goto "$id" || fail "goto $id"
	if [ -n "$prev_id" ] && [ "$day" = "$prev_day" ]; then
		ran=$(( ($(date -u -d "$when UTC" +%s) - \
		    $(date -u -d "$prev_when UTC" +%s)) / 60 ))
		echo "$prev_id $ran" >>"$expected"
	fi
	# Each step started the new item's timer with its minutes.
	tail -n 1 "$s/journal.csv" | grep -q "\"timer\",\"\",\"start\",\"\",\"$((minutes * 60))\"" ||
	    fail "$id: no timer of $minutes minutes: $(tail -n 1 "$s/journal.csv")"
	case $id in
	d1-everyday)
		# A pinned question and a message for the item, on the idle
		# terminal until the item ends.
		q=$(at "$(minutes_after "$when" 2)" "$CONVENE" ask "$s" --by p1 \
		    "How do citizens find the service?") || fail "ask"
		at "$(minutes_after "$when" 3)" "$CONVENE" question "$s" pin "$q" ||
		    fail "pin"
		at "$(minutes_after "$when" 3)" "$CONVENE" message "$s" \
		    "Open page 3 of the handout" || fail "message"
		wait_for_text idle "Message (just now): Open page 3"
		;;
	d1-coffee-am)
		wait_for_gone idle "Message (just now): Open page 3"
		;;
	d1-prototype)
		# Day 1's practice prototype.
		practice=$(at "$(minutes_after "$when" 10)" "$CONVENE" idea "$s" \
		    --by p1 "Practice paper prototype") || fail "practice idea"
		at "$(minutes_after "$when" 11)" "$CONVENE" board "$s" promote \
		    "$practice" || fail "promote practice"
		;;
	d1-launch)
		# An idea late in the evening: day 1's last activity.
		at "2030-01-07 15:00" "$CONVENE" idea "$s" --by p2 \
		    "Written after dinner" >/dev/null || fail "evening idea"
		;;
	d2-coffee-am)
		# Five minutes late: the console says so, and days.csv too.
		t=$(minutes_after "$when" 2)
		start_session con 100 30 faketime -f "@$t:00" "$CONVENE" run "$s"
		wait_for_text con "The day is running 5 min behind its plan"
		send con q y
		wait_exit con >/dev/null
		at "$t" "$CONVENE" export "$s" --out "$E2E_DIR/at-coffee" \
		    >/dev/null || fail "export at coffee"
		tr -d '\r' <"$E2E_DIR/at-coffee/days.csv" |
		    grep -q '^2,2030-01-08,.*,5$' ||
		    fail "days.csv's behind is not the console's: $(cat "$E2E_DIR/at-coffee/days.csv")"
		;;
	d3-gw-empathise)
		team1=$(at "$(minutes_after "$when" 10)" "$CONVENE" idea "$s" \
		    --by p1 "Interviews at the district office") ||
		    fail "team idea"
		;;
	d4-gw-prototype)
		team2=$(at "$(minutes_after "$when" 10)" "$CONVENE" idea "$s" \
		    --by p3 "A one-page permit form prototype") ||
		    fail "team idea 2"
		# The wall shows the team thread: day 3's ideas, not day 1's.
		start_session wall 120 40 "$CONVENE" show "$s"
		wait_for_text wall "A one-page permit form prototype"
		assert_screen wall "Interviews at the district office"
		refute_screen wall "Practice paper prototype"
		send wall q
		wait_exit wall >/dev/null
		for i in "$team1" "$team2"; do
			at "$(minutes_after "$when" 60)" "$CONVENE" board "$s" \
			    promote "$i" || fail "promote $i"
		done
		;;
	d4-vote)
		# The final ballot: the team prototypes only.
		at "$(minutes_after "$when" 1)" "$CONVENE" voting "$s" open \
		    --prototypes >/dev/null || fail "voting open"
		ballot=$(grep -F '"voting_open"' "$s/journal.csv" | tail -n 1)
		case $ballot in
		*"$team1 $team2"* | *"$team2 $team1"*) ;;
		*) fail "the ballot is not the team prototypes: $ballot" ;;
		esac
		case " $(echo "$ballot" | cut -d, -f10 | tr -d '"') " in
		*" $practice "*) fail "day 1's practice prototype is on the ballot" ;;
		esac
		at "$(minutes_after "$when" 20)" "$CONVENE" voting "$s" close ||
		    fail "voting close"
		;;
	esac
	prev_day=$day prev_id=$id prev_start=$start prev_minutes=$minutes
	prev_when=$when
done <"$plan"
echo "$prev_id current" >>"$expected"

# --- what the record says ----------------------------------------------------
at "2030-01-10 12:00" "$CONVENE" export "$s" --out "$E2E_DIR/out" >/dev/null ||
	fail "export"
python3 - "$E2E_DIR/out" "$expected" "$q" <<'EOF' || fail "the exports disagree"
import csv, sys
out, expected, q = sys.argv[1:]
bad = []
def table(name):
    return list(csv.DictReader(open(out + '/' + name, encoding='utf-8-sig')))
rows = {r['session_id']: r for r in table('timings.csv')}
for line in open(expected):
    item, minutes = line.split()
    got = rows[item]['actual_minutes']
    if minutes == 'skipped':
        if rows[item]['plan'] != 'skipped' or got != '':
            bad.append('%s: not skipped: %s' % (item, rows[item]))
        continue
    if minutes == 'current':
        if rows[item]['actual_end'] != '':
            bad.append('%s: ended, but it is still current' % item)
        continue
    if got != minutes:
        bad.append('%s: %s minutes, expected %s' % (item, got, minutes))
if rows['d4-closing']['plan'] != 'moved' or \
        'T16:20' not in rows['d4-closing']['planned_start']:
    bad.append('d4-closing was not moved: %s' % rows['d4-closing'])
days = table('days.csv')
if days[3]['planned_minutes'] != '435':
    bad.append('day 4 plans %s minutes, not 480 - 45' % days[3]['planned_minutes'])
if [d['complete'] for d in days] != ['yes', 'yes', 'yes', 'no']:
    bad.append('days complete: %s' % [d['complete'] for d in days])
questions = {r['id']: r for r in table('questions.csv')}
if questions[q]['pinned'] != 'no':
    bad.append('the pinned question outlived its item')
present = {(r['participant_id'], r['day']) for r in table('attendance.csv')}
if ('p2', '2') not in present:
    bad.append('the idle participant with an open terminal is absent on day 2')
if ('p3', '2') in present:
    bad.append('the kiosk showing p3 made p3 present on day 2')
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
EOF
e2e_pass
