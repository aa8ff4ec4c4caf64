#!/bin/sh
# Multi-user hosting over a real SSH server on loopback (convene(1),
# SECURITY): a private sshd on 127.0.0.1 and a high port with a temporary
# host key and configuration; a participant who logs in as their own user
# and adds ideas through the setgid convene but cannot read the session;
# and a kiosk account whose only program is `convene join SESSION --kiosk`
# (sshd ForceCommand): whatever command the client asks for, it gets the
# participant screen and no shell.  Root, sshd and useradd, else skipped.
. "$(dirname "$0")/lib.sh"
e2e_init
export LANG=C.UTF-8
unset CONVENE_PASSPHRASE CONVENE_PIN
if [ "$(id -u)" -ne 0 ]; then
	echo "not root: cannot make users or run sshd: skipped"
	exit 77
fi
SSHD=/usr/sbin/sshd
[ -x $SSHD ] || { echo "no sshd (apt-get install openssh-server): skipped"; exit 77; }
for t in ssh ssh-keygen useradd userdel groupadd groupdel usermod; do
	command -v $t >/dev/null 2>&1 || { echo "no $t: skipped"; exit 77; }
done
if nm "$CONVENE" 2>/dev/null | grep -q __asan_init; then
	echo "a sanitizer build cannot run setgid: skipped"
	exit 77
fi

tag=$$
G=cvg$tag FAC=cvf$tag P1=cvp$tag K=cvk$tag
T=$E2E_DIR/host
port=$((20000 + tag % 20000))
cleanup_ssh() {
	[ -s "$T/sshd.pid" ] && kill "$(cat "$T/sshd.pid")" 2>/dev/null
	host_drop_users
	e2e_cleanup
}
trap cleanup_ssh EXIT
host_users "$G" "$FAC" "$P1" "$K"

# The host, as tests/e2e/multiuser.sh makes it, and the users' keys.
host_make "$T"
mkdir -p "$T/keys"
chmod 755 "$T/keys"
(cd "$T/home" && echo 'tea at ten' | runuser -u $FAC -- "$C" new "$S" \
    --module "$T/module" --passphrase >/dev/null) ||
	fail "the facilitator cannot make a session"
(cd "$T/home" && runuser -u $FAC -- "$C" participant "$S" "Losa Tuilagi" \
    --country WS >/dev/null) || fail "cannot register a participant"

# Keys and the server.
ssh-keygen -q -t ed25519 -N '' -f "$T/hostkey" || fail "ssh-keygen"
ssh-keygen -q -t ed25519 -N '' -f "$T/client" || fail "ssh-keygen"
for u in $P1 $K; do
	cp "$T/client.pub" "$T/keys/$u"
	chmod 644 "$T/keys/$u"
done
mkdir -p /run/sshd
cat >"$T/sshd_config" <<EOF
ListenAddress 127.0.0.1
Port $port
HostKey $T/hostkey
PidFile $T/sshd.pid
AuthorizedKeysFile $T/keys/%u
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AcceptEnv LANG
PermitUserEnvironment no
AllowUsers $P1 $K
Match User $K
	ForceCommand $C join $S --kiosk
	PermitTTY yes
	DisableForwarding yes
EOF
$SSHD -t -f "$T/sshd_config" || fail "sshd does not accept the configuration"
$SSHD -f "$T/sshd_config" -E "$T/sshd.log" || {
	echo "sshd does not start: skipped"
	exit 77
}
SSH="ssh -q -i $T/client -p $port -o BatchMode=yes"
SSH="$SSH -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null"
SSH="$SSH -o ConnectTimeout=5 -o SendEnv=LANG"
_deadline=$(($(date +%s) + E2E_TIMEOUT))
# shellcheck disable=SC2086
until $SSH $P1@127.0.0.1 true 2>/dev/null; do
	[ "$(date +%s)" -lt "$_deadline" ] ||
		{ cat "$T/sshd.log"; fail "cannot log in over ssh"; }
	sleep 0.1
done

# A participant logged in as their own user: ideas through convene ...
# shellcheck disable=SC2086
id=$($SSH $P1@127.0.0.1 "cd /tmp && $C idea $S --by p1 'Ideas over SSH from Apia'" 2>/dev/null) ||
	fail "a participant cannot add an idea over ssh"
[ -n "$id" ] || fail "no id printed"
grep -q 'Ideas over SSH from Apia' "$S/journal.csv" || fail "the idea is not in the journal"
# ... but not the files themselves.
# shellcheck disable=SC2086
$SSH $P1@127.0.0.1 "cat $S/journal.csv" >/dev/null 2>&1 &&
	fail "a participant read the journal over ssh"
# shellcheck disable=SC2086
$SSH $P1@127.0.0.1 "cat $S/session.ini" >/dev/null 2>&1 &&
	fail "a participant read session.ini over ssh"

# The kiosk: a command of the client's is ignored; without a terminal the
# screen refuses to start, and no shell ever runs.
# shellcheck disable=SC2086
out=$($SSH $K@127.0.0.1 "echo SHELL-RAN; cat /etc/passwd" 2>&1)
case $out in
*SHELL-RAN* | *root:*) fail "the kiosk account ran the client's command" ;;
esac
echo "$out" | grep -q 'needs a terminal' ||
	fail "the kiosk without a terminal: $out"
# With a terminal: the participant screen, as the kiosk's user.
start_session kiosk 100 30 sh -c "$SSH -tt $K@127.0.0.1"
wait_for_text kiosk "Losa Tuilagi"
pid=$(user_pids "$K" convene | head -n 1)
[ -n "$pid" ] || fail "no convene of the kiosk's user"
[ "$(stat -c %U /proc/"$pid")" = "$K" ] || fail "the kiosk's convene runs as $(stat -c %U /proc/"$pid")"
# Closing the connection ends the kiosk's convene.
tm kill-session -t '=kiosk:'
_deadline=$(($(date +%s) + E2E_TIMEOUT))
while kill -0 "$pid" 2>/dev/null; do
	[ "$(date +%s)" -lt "$_deadline" ] ||
		fail "the kiosk's convene outlived its connection"
	sleep 0.1
done
e2e_pass
