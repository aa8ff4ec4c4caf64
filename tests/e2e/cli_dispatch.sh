#!/bin/sh
# The command line's contract: --help and --version on every command exit 0
# and print to stdout; an unknown command or missing arguments exit 2 with a
# "convene: " or usage message on stderr.
set -u
cd "$(dirname "$0")/../.." || exit 3
bin=./convene
fail=0
check() { # what, expected status, actual status
	if [ "$2" != "$3" ]; then echo "FAIL: $1: expected $2, got $3"; fail=1; fi
}
verbs="demo new run join show check export import participant idea vote unvote
timer rooms voting agenda checkin ask upvote poll"
for v in $verbs; do
	out=$($bin $v --help 2>/dev/null); check "$v --help" 0 $?
	case $out in "usage: convene $v"*) ;; *) echo "FAIL: $v --help says: $out"; fail=1 ;; esac
	out=$($bin $v --version); check "$v --version" 0 $?
	case $out in "convene "[0-9]*) ;; *) echo "FAIL: $v --version says: $out"; fail=1 ;; esac
done
# An unknown option: exit 2, our own "convene: ..." line (never getopt's
# "VERB: unrecognized option"), then the usage.
for v in $verbs; do
	err=$($bin $v --frobnicate x 2>&1 >/dev/null); check "$v --frobnicate" 2 $?
	case $err in "convene: unknown option"*"--frobnicate"*"usage: convene $v"*) ;;
	*) echo "FAIL: $v --frobnicate says: $err"; fail=1 ;; esac
done
for v in export run join; do
	err=$($bin $v x --$( [ $v = export ] && echo out || { [ $v = run ] && echo room || echo as; }) 2>&1 >/dev/null)
	check "$v with an option missing its value" 2 $?
	case $err in "convene: "*) ;; *) echo "FAIL: $v, value missing, says: $err"; fail=1 ;; esac
done
$bin --version >/dev/null; check "--version" 0 $?
$bin --help >/dev/null; check "--help" 0 $?
$bin >/dev/null 2>&1; check "no command" 2 $?
err=$($bin frobnicate 2>&1 >/dev/null); check "unknown command" 2 $?
case $err in "convene: unknown command 'frobnicate'"*) ;; *) echo "FAIL: unknown command says: $err"; fail=1 ;; esac
$bin check >/dev/null 2>&1; check "check without a module" 2 $?
$bin export >/dev/null 2>&1; check "export without a session" 2 $?
$bin idea >/dev/null 2>&1; check "idea without arguments" 2 $?
# A session that does not exist is a data error, never a crash.
$bin export /nonexistent/session >/dev/null 2>&1; check "export of a missing session" 3 $?
exit $fail
