#!/bin/sh
# Records what real LFE prints for the programs of tests/lfe/programs, as the expected output
# that tests/lfe/programs_test.ts compares this runtime's node with.
#
#   tools/record_lfe_programs.sh [NAME ...]      (all programs when no NAME is given)
#
# LFE names the `lfe` launcher of a built LFE (default /work/ref/lfe/bin/lfe); `lfec` and
# `lfescript` are taken from the same directory, `erl` from PATH. Each program NAME.lfe is
# compiled with `lfec` in the programs directory (so that stack traces name the file as
# "NAME.lfe", and include-file finds include/), then run there as a user runs one:
#
#   lfe -pa EBIN -e '(NAME:main)'
#
# which evaluates the call as the shell would, then stops the node with status 0; a call that
# raises prints the exception and ends with status 127. What the node writes on standard output
# becomes NAME.out; an exit status other than 0 is written to NAME.exit (no file means 0).
# Standard error is shown, not recorded.

set -eu

LFE=${LFE:-/work/ref/lfe/bin/lfe}
LFE_BIN=$(cd "$(dirname "$LFE")" && pwd)
PROGRAMS=$(cd "$(dirname "$0")/../tests/lfe/programs" && pwd)
PATH="$LFE_BIN:$PATH"
export PATH

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir "$WORK/ebin" "$WORK/home"

if [ "$#" -eq 0 ]; then
  set -- $(cd "$PROGRAMS" && ls ./*.lfe | sed 's|^\./||; s|\.lfe$||')
fi

failed=0
for name in "$@"; do
  rm -f "$WORK"/ebin/*.beam
  if ! (cd "$PROGRAMS" && "$LFE_BIN/lfec" -o "$WORK/ebin" "$name.lfe" >"$WORK/compile" 2>&1); then
    echo "$name: does not compile:" >&2
    cat "$WORK/compile" >&2
    failed=1
    continue
  fi
  if grep -q . "$WORK/compile"; then sed "s/^/$name: /" "$WORK/compile" >&2; fi
  status=0
  (cd "$PROGRAMS" && HOME="$WORK/home" "$LFE" -pa "$WORK/ebin" -e "($name:main)" \
    <"/dev/null" >"$WORK/out" 2>"$WORK/err") || status=$?
  cp "$WORK/out" "$PROGRAMS/$name.out"
  if [ "$status" -ne 0 ]; then
    echo "$status" >"$PROGRAMS/$name.exit"
  else
    rm -f "$PROGRAMS/$name.exit"
  fi
  if grep -q . "$WORK/err"; then sed "s/^/$name: stderr: /" "$WORK/err" >&2; fi
  echo "$name: $(wc -l <"$WORK/out") lines, status $status"
done
exit "$failed"
