#!/bin/sh
# Records what real LFE prints for the modules of this directory, as the expected output that
# tests/lfe/bit_syntax_test.ts compares this runtime with.
#
#   tests/lfe/bit_syntax/record.sh [NAME ...]      (all modules when no NAME is given)
#
# LFE names the `lfe` launcher of a built LFE 2.2 (default /work/ref/lfe/bin/lfe); `lfec` is
# taken from the same directory, `erl` from PATH. Each NAME.lfe is compiled with `lfec`, then
# run as `lfe -pa EBIN -e '(NAME:main)'`; what it writes on standard output becomes NAME.out.

set -eu

LFE=${LFE:-/work/ref/lfe/bin/lfe}
LFE_BIN=$(cd "$(dirname "$LFE")" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
PATH="$LFE_BIN:$PATH"
export PATH

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ "$#" -eq 0 ]; then
  set -- $(cd "$HERE" && ls ./*.lfe | sed 's|^\./||; s|\.lfe$||')
fi

for name in "$@"; do
  (cd "$HERE" && "$LFE_BIN/lfec" -o "$WORK" "$name.lfe")
  (cd "$WORK" && HOME="$WORK" "$LFE" -pa "$WORK" -e "($name:main)") >"$HERE/$name.out"
  echo "$name: $(wc -l <"$HERE/$name.out") lines"
done
