#!/usr/bin/env bash
# One fuzz target's CI smoke test (tests/fuzz/CMakeLists.txt registers it as
# fuzz.<target>.smoke): every saved finding in regressions/<target>/ must run clean,
# then the target fuzzes for SECONDS from the seed corpus. New inputs go to a temporary
# directory, so the seed corpus in the source tree never changes.
# usage: smoke.sh FUZZER TARGET SECONDS SOURCE_DIR
set -euo pipefail
fuzzer=$1 target=$2 seconds=$3 src=$4
regressions="$src/tests/fuzz/regressions/$target"
corpus="$src/tests/fuzz/corpus/$target"
flags=(-rss_limit_mb=2048 -timeout=10 -max_len=65536)

shopt -s nullglob
found=("$regressions"/*)
if [ ${#found[@]} -gt 0 ]; then
  echo "== $target: ${#found[@]} saved findings"
  "$fuzzer" "${flags[@]}" "${found[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== $target: fuzzing for ${seconds}s from $corpus"
"$fuzzer" "${flags[@]}" -max_total_time="$seconds" -print_final_stats=1 \
  -artifact_prefix="$work/" "$work" "$corpus"
