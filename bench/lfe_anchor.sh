#!/usr/bin/env bash
# The anchor of `deno task bench lfe`: bench/ring.lfe run by real LFE on BEAM, printed in the
# same format. Needs Erlang/OTP (Debian's erlang-base) and a built LFE: LFE_DIR names its
# checkout (the directory holding ebin/lfe_comp.beam).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
: "${LFE_DIR:?set LFE_DIR to a built LFE checkout (with ebin/)}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/ring.lfe" "$work/"
cd "$work"
erl -pa "$LFE_DIR/ebin" -noshell -eval '{ok, _} = lfe_comp:file("ring.lfe", [{outdir, "."}]), halt().' >/dev/null
erl -pa "$LFE_DIR/ebin" -pa . -noshell \
  -eval 'ring:start(503, 1000000), io:format("lfe_ring_msgs_per_s ~p~n", [ring:start(503, 10000000)]), halt().'
