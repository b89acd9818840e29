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
  all=yes
fi

for name in "$@"; do
  [ "$name" = compile_errors ] && continue
  (cd "$HERE" && "$LFE_BIN/lfec" -o "$WORK" "$name.lfe")
  (cd "$WORK" && HOME="$WORK" "$LFE" -pa "$WORK" -e "($name:main)") >"$HERE/$name.out"
  echo "$name: $(wc -l <"$HERE/$name.out") lines"
done

# compile_errors.txt: each line is the body of a function (defun a (x) BODY) that LFE refuses;
# compile_errors.out gets lfec's first message for each, without its file and line.
if [ "${all:-}" = yes ] || [ "$1" = compile_errors ]; then
  : >"$HERE/compile_errors.out"
  while IFS= read -r body; do
    printf '(defmodule e (export all))\n(defun a (x) %s)\n' "$body" >"$WORK/e.lfe"
    msg=$(cd "$WORK" && "$LFE_BIN/lfec" -o "$WORK" e.lfe </dev/null 2>&1 | grep -v Warning | head -1 || true)
    echo "${msg#e.lfe:2: }" >>"$HERE/compile_errors.out"
  done <"$HERE/compile_errors.txt"
  echo "compile_errors: $(wc -l <"$HERE/compile_errors.out") lines"
fi
