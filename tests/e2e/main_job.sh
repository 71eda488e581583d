#!/usr/bin/env bash
# Runs the README's first command (the main job) with the freshly built program and
# checks that it evaluates the bundled blood-donation campaign.
set -euo pipefail
root="$1"
cd "$root"
line=$(grep -m1 -E 'thidua run ' README.md)
[ -n "$line" ] || { echo "README.md has no 'thidua run' command"; exit 1; }
# Keep only the part from the program on, and run the program under test instead.
cmd=${line#*build/engine/thidua }
cmd=${cmd%%\`*}
out=$(mktemp)
err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# shellcheck disable=SC2086
"$THIDUA" $cmd >"$out" 2>"$err"
grep -q "^mã " "$out" || { echo "no results table on stdout"; head -20 "$out"; exit 1; }
grep -q "Tổng hợp" "$err" || { echo "no summary on stderr"; cat "$err"; exit 1; }
rows=$(($(wc -l <"$out") - 1))
[ "$rows" -gt 100 ] || { echo "only $rows result rows"; exit 1; }
for o in "đạt" "không đạt" "bị loại trừ" "chưa đủ dữ liệu"; do
  grep -q "  $o  \|  $o\$" "$out" || { echo "no row with outcome '$o'"; exit 1; }
done
echo "main job: $rows result rows, every outcome present"
