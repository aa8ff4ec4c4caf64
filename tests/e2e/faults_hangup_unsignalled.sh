#!/bin/sh
# A terminal that goes away without a SIGHUP reaching convene (a wrapper
# that keeps it, or convene in a session of its own, as setsid(1) makes
# it here): poll() then says the terminal hung up, again and again at
# once.  Each kind of screen ends as a hang-up does, within seconds,
# rather than spinning on it (before, the orphan took a fifth of a core
# until killed).
. "$(dirname "$0")/lib.sh"
e2e_init
command -v setsid >/dev/null 2>&1 || { echo "setsid missing (util-linux): skipped"; exit 77; }
s=$E2E_DIR/s
new_session "$s"
cv participant "$s" "Tenzin Wangmo" --country BT >/dev/null

start_session p 100 30 setsid -w "$CONVENE" join "$s" --as p1
start_session c 100 30 setsid -w "$CONVENE" run "$s"
start_session w 100 30 setsid -w "$CONVENE" show "$s"
wait_for_text p "i idea"
wait_for_text c "1 Agenda"
wait_for_text w "Digital Government"
for n in p c w; do
	pid=$(pane_pid "$n") || fail "no convene in $n"
	eval "pid_$n=$pid"
done
tm kill-server
for n in p c w; do
	eval "pid=\$pid_$n"
	deadline=$(($(date +%s) + 10))
	while [ -d "/proc/$pid" ] && [ "$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null)" != Z ]; do
		if [ "$(date +%s)" -ge "$deadline" ]; then
			kill -9 "$pid_p" "$pid_c" "$pid_w" 2>/dev/null
			fail "$n: convene still runs 10 s after its terminal went away"
		fi
		sleep 0.1
	done
done
e2e_pass
