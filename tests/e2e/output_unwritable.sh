#!/usr/bin/env bash
# A results file that cannot be written (docs/cli.md, exit code 5; docs/reliability.md):
# the exit code and the message, and no file left behind that looks complete, whether
# the run fails before its first byte or midway, for every format.
set -uo pipefail
root="$1"
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
rules=rules/000_hien_mau/hien_mau_2021.thidua
records=rules/000_hien_mau/records

check() {  # description expected-code got-code
  if [ "$3" -ne "$2" ]; then echo "FAIL: $1: exit $3, expected $2"; head -5 "$work/err"; fail=1; fi
}
leftovers() {  # description: the work folder must hold nothing but err and keep.csv
  local extra
  extra=$(ls -A "$work" | grep -v -x -e err -e keep.csv)
  if [ -n "$extra" ]; then echo "FAIL: $1: left behind: $extra"; fail=1; fi
}

for format in csv json table; do
  # A folder that does not exist: nothing can be opened.
  "$THIDUA" run $rules --records $records --format $format -q -o "$work/no/such/dir/out.$format" --lang en 2>"$work/err"
  check "missing folder ($format)" 5 $?
  grep -q -x "error: cannot write \`$work/no/such/dir/out.$format\`" "$work/err" || { echo "FAIL: missing folder message ($format)"; cat "$work/err"; fail=1; }
  [ -e "$work/no" ] && { echo "FAIL: missing folder created ($format)"; fail=1; }

  # A full device: every write fails.
  "$THIDUA" run $rules --records $records --format $format -q -o /dev/full 2>"$work/err"
  check "/dev/full ($format)" 5 $?
  grep -q "lỗi: không ghi được tệp \`/dev/full\`" "$work/err" || { echo "FAIL: /dev/full message ($format)"; cat "$work/err"; fail=1; }

  # Full midway: a 16 KiB file size limit (SIGXFSZ ignored, so writes fail with EFBIG)
  # stops a results file of several hundred KiB; the earlier file of that name stays.
  echo "earlier results" >"$work/keep.csv"
  (ulimit -f 16; trap '' XFSZ; exec "$THIDUA" run $rules --records $records --format $format -q -o "$work/keep.csv" --lang en) 2>"$work/err"
  check "file size limit ($format)" 5 $?
  grep -q "error: cannot write \`$work/keep.csv\`" "$work/err" || { echo "FAIL: file size limit message ($format)"; cat "$work/err"; fail=1; }
  [ "$(cat "$work/keep.csv")" = "earlier results" ] || { echo "FAIL: earlier file replaced by a partial one ($format)"; fail=1; }
  leftovers "file size limit ($format)"

  # And when it succeeds, the file replaces the earlier one and nothing else remains.
  "$THIDUA" run $rules --records $records --format $format -q -o "$work/keep.csv" 2>"$work/err"
  check "writable ($format)" 0 $?
  "$THIDUA" run $rules --records $records --format $format -q 2>/dev/null | cmp -s - "$work/keep.csv" ||
    { echo "FAIL: file differs from standard output ($format)"; fail=1; }
  leftovers "writable ($format)"
done

[ $fail -eq 0 ] && echo "output unwritable: all checks passed"
exit $fail
