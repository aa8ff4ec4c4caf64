#!/bin/sh
# How tests/data/journal-0.1/session was recorded, with convene 0.1.0 as of
# commit 74e8d80 (before the four-day flow): two days of the minimal module
# on a controlled clock (faketime).  Kept to show what the journal holds;
# running it again with a later binary makes a journal of that version.
# Usage, from the top of the tree: sh tests/data/journal-0.1/record.sh OUT
set -eu
C=$(pwd)/convene
S=${1:?usage: record.sh SESSION_DIR}
t() { ts=$1; shift; TZ=UTC faketime "$ts" $C "$@"; }
t '2030-01-07 01:00:00' new $S --module $(pwd)/tests/data/modules/minimal --start 2030-01-07 --title "Fixture" >/dev/null
t '2030-01-07 01:05:00' participant $S "Kim Minjun" --country KR --org "행정안전부" >/dev/null
t '2030-01-07 01:06:00' participant $S "สมชาย บุญมี" --country TH >/dev/null
t '2030-01-07 01:07:00' participant $S "Aigerim Bekova" --country KZ >/dev/null
t '2030-01-07 02:00:00' agenda $S next
t '2030-01-07 02:01:00' timer $S start
t '2030-01-07 02:05:00' checkin $S --by p1
t '2030-01-07 02:06:00' ask $S --by p2 "ทำไมต้องเริ่มจากผู้ใช้?" >/dev/null
t '2030-01-07 02:34:00' agenda $S next
t '2030-01-07 02:35:00' timer $S stop
t '2030-01-07 02:35:30' timer $S start 45
t '2030-01-07 02:40:00' idea $S --by p1 "민원 한 번에 처리" >/dev/null
t '2030-01-07 02:41:00' idea $S --by p2 "บริการครบวงจร" >/dev/null
t '2030-01-07 02:42:00' idea $S --by p3 "One portal for permits" >/dev/null
t '2030-01-07 03:00:00' voting $S open >/dev/null
t '2030-01-07 03:01:00' vote $S --by p1 i2 --dots 2
t '2030-01-07 03:02:00' vote $S --by p2 i1
t '2030-01-07 03:03:00' vote $S --by p3 i1
t '2030-01-07 03:10:00' voting $S close
t '2030-01-07 03:11:00' voting $S reveal
t '2030-01-07 03:20:00' agenda $S next
t '2030-01-07 03:40:00' idea $S --by p3 "After tea: kiosks" >/dev/null
t '2030-01-08 02:10:00' agenda $S next
t '2030-01-08 02:15:00' checkin $S --by p2
t '2030-01-08 02:20:00' poll $S open "Ready?" Yes No >/dev/null
t '2030-01-08 02:21:00' poll $S answer o1 --by p2 1
t '2030-01-08 02:22:00' poll $S answer o1 --by p3 2
t '2030-01-08 02:25:00' poll $S close o1
t '2030-01-08 02:26:00' poll $S reveal o1
t '2030-01-08 03:15:00' agenda $S next
t '2030-01-08 03:50:00' ask $S --by p3 "What next?" >/dev/null
