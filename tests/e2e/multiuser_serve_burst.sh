#!/bin/sh
# A whole workshop presses Enter at once: 150 ideas reach the writer
# service at the same instant, each on a non-blocking connection as a
# screen's is (one kiosk account here: one user for all).  Every one must
# be written, once: none may find the service's queue of connections full
# (it held 128: 20 of 150 were refused) or be turned away as one user's
# too many.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
host_require setpriv

tag=$$
G=cvg$tag FAC=cvf$tag K=cvk$tag
T=$E2E_DIR/host
host_begin "$T" "$G" "$FAC" "$K"
PASS='tea at ten'
as() { host_as "$@" </dev/null; }
host_new_session $FAC "$PASS"
as $K "$C" participant "$S" "Kiosk of room 1" --country TO >/dev/null ||
	fail "register"
[ -S "$T/sessions/.serve.sock" ] || fail "no service socket"

PY=/usr/bin/python3
[ -x "$PY" ] || { echo "no /usr/bin/python3 (apt-get install python3): skipped"; exit 77; }
# Running terminals send at the same instant: every connection is opened
# (non-blocking, as a screen's) and its request sent before any answer is
# read.
cat >"$E2E_DIR/burst.py" <<'PYEOF'
import socket, sys
sock, n = sys.argv[1], int(sys.argv[2])
conns = []
for i in range(n):
    fields = [b"idea", b"s", b"", b"", b"", b"--by", b"p1",
              b"burst idea %d" % (i + 1)]
    req = b"convene-serve 1\n%d\n" % len(fields)
    for f in fields:
        req += b"%d\n" % len(f) + f + b"\n"
    # as a screen connects: non-blocking, a full queue fails at once
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(sock)
    except BlockingIOError:
        print("idea %d: the service's queue was full" % (i + 1))
        s.close()
        continue
    s.setblocking(True)
    s.sendall(req)
    conns.append(s)
bad = n - len(conns)
for i, s in enumerate(conns):
    s.settimeout(30)
    data = b""
    while True:
        b = s.recv(4096)
        if not b:
            break
        data += b
    # the answer's first field is the exit status
    lines = data.split(b"\n")
    if len(lines) < 4 or lines[3] != b"0":
        bad += 1
        print("idea %d: %r" % (i + 1, data[:200]))
print("%d of %d refused or unanswered" % (bad, n))
sys.exit(1 if bad else 0)
PYEOF
N=${BURST_N:-150}
setpriv --reuid="$K" --regid=users --groups="$G" -- \
    "$PY" "$E2E_DIR/burst.py" "$T/sessions/.serve.sock" "$N" ||
	fail "ideas sent at once by one user were refused"
[ "$(journal_count "$S" idea)" -eq $N ] ||
	fail "$(journal_count "$S" idea) idea records for $N ideas"
e2e_pass
