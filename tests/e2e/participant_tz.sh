#!/bin/sh
# participant_tz: a workshop delivered online gives each participant their
# country's zone (the capital's where it has several), a `tz` record
# changes it, and participants.csv says it; in a room everyone keeps the
# workshop's zone and `convene tz` is refused.
set -u
. "$(dirname "$0")/lib.sh"
e2e_init notmux
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE
d=$E2E_DIR
# has FILE LINE-PATTERN: the CSV (CR LF line ends) has such a line
has() { tr -d '\r' <"$1" | grep -q "$2"; }

new_session "$d/on" --start 2026-11-23 --delivery online
grep -q '^delivery = "online"' "$d/on/session.ini" || fail "session.ini: $(cat "$d/on/session.ini")"
ki=$(cv participant "$d/on" "Teburoro Tito" --country KI)
fr=$(cv participant "$d/on" "Anne Martin" --country FR)
cv export "$d/on" --out "$d/x1" --no-bom >/dev/null
has "$d/x1/participants.csv" "^$ki,.*,Pacific/Tarawa\$" || fail "KI: $(cat "$d/x1/participants.csv")"
has "$d/x1/participants.csv" "^$fr,.*,Asia/Bangkok\$" || fail "FR: $(cat "$d/x1/participants.csv")"
cv tz "$d/on" --by "$ki" Pacific/Kiritimati
grep -q '"tz","'"$ki"'"' "$d/on/journal.csv" || fail "no tz record"
cv export "$d/on" --out "$d/x2" --no-bom >/dev/null
has "$d/x2/participants.csv" "^$ki,.*,Pacific/Kiritimati\$" || fail "after tz: $(cat "$d/x2/participants.csv")"
if "$CONVENE" tz "$d/on" --by "$ki" Nowhere/Atlantis 2>"$d/err"; then fail "a zone nobody knows was accepted"; fi
cv tz "$d/on" --by "$ki" ""
cv export "$d/on" --out "$d/x3" --no-bom >/dev/null
has "$d/x3/participants.csv" "^$ki,.*,Pacific/Tarawa\$" || fail "back to the country's: $(cat "$d/x3/participants.csv")"

new_session "$d/room" --start 2026-11-23
grep -q '^delivery = "room"' "$d/room/session.ini" || fail "room session.ini"
p=$(cv participant "$d/room" "Teburoro Tito" --country KI)
"$CONVENE" tz "$d/room" --by "$p" Pacific/Tarawa 2>"$d/err"
[ $? -eq 1 ] || fail "tz in a room: not refused"
grep -q "room" "$d/err" || fail "tz in a room: $(cat "$d/err")"
cv export "$d/room" --out "$d/x4" --no-bom >/dev/null
has "$d/x4/participants.csv" "^$p,.*,Asia/Bangkok\$" || fail "room: $(cat "$d/x4/participants.csv")"
e2e_pass
