#!/usr/bin/env bash
# Nothing lost (docs/reliability.md): for every run, participants read = participants
# with outcomes written + rows rejected, and each rejected row is reported with file,
# line and reason. The fixtures hold every kind of bad row: wrong types, an impossible
# date (31/02/2021), a missing id, a duplicate id, invalid UTF-8, a truncated last line.
set -uo pipefail
root="$1"
cd "$root"
fx=tests/e2e/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# check RECORDS PARTICIPANTS_FILE EXPECTED_READ EXPECTED_REJECTED "EXPECTED REJECTED LINES" "EXPECTED WARNINGS"
check() {
  local records=$1 pfile=$2 want_read=$3 want_rejected=$4 want_lines=$5 want_warnings=$6
  "$THIDUA" run $fx/tiny.thidua --records "$records" --format csv -o "$work/out.csv" --lang en 2>"$work/err"
  local code=$?
  if [ "$code" -ne 0 ]; then echo "FAIL: $records: exit $code"; cat "$work/err"; fail=1; return; fi
  python3 - "$work/out.csv" "$work/err" "$pfile" "$want_read" "$want_rejected" "$want_lines" "$want_warnings" <<'PY' || fail=1
import csv, re, sys
out, err, pfile, want_read, want_rejected, want_lines, want_warnings = sys.argv[1:]
rows = list(csv.reader(open(out, encoding="utf-8", newline="")))
written = {r[0] for r in rows[1:]}
text = open(err, encoding="utf-8", errors="replace").read()
m = re.search(r"participants read: (\d+); evaluated: (\d+); rows rejected: (\d+)", text)
ok = True
def fail(msg):
    global ok
    ok = False
    print(f"FAIL: {pfile}: {msg}")
if not m:
    fail("no summary line"); print(text); sys.exit(1)
read, evaluated, rejected = map(int, m.groups())
if read != len(written) + rejected:
    fail(f"read {read} != written {len(written)} + rejected {rejected}")
if read != int(want_read) or rejected != int(want_rejected):
    fail(f"read {read}, rejected {rejected}; expected {want_read} and {want_rejected}")
if evaluated != len(written):
    fail(f"evaluated {evaluated} but {len(written)} participants written")
# Each rejected participant row: `row rejected: FILE:LINE [field]: reason`.
rej = re.findall(r"^row rejected: " + re.escape(pfile) + r":(\d+)(?: \[[^\]]*\])?: (.+)$", text, re.M)
lines = sorted(int(l) for l, _ in rej)
if len(rej) != rejected:
    fail(f"{len(rej)} rejected rows reported, summary says {rejected}")
if lines != sorted(int(x) for x in want_lines.split()):
    fail(f"rejected lines {lines}, expected {want_lines}")
if any(not reason.strip() for _, reason in rej):
    fail("a rejected row has no reason")
for w in want_warnings.split(";"):
    if w and not re.search(r"^warning: " + re.escape(pfile + ":" + w), text, re.M):
        fail(f"no warning `{pfile}:{w}`")
if not ok:
    print(text)
sys.exit(0 if ok else 1)
PY
}

# CSV: line 3 has a date that is not a date, line 4 31/02/2021 (both kept, cell left
# unknown); 5 has no id, 6 repeats B1, 7 is not UTF-8, 9 is cut short by an open quote.
check $fx/bad_rows $fx/bad_rows/participants.csv 8 4 "5 6 7 9" "3 [ngày_sinh];4 [ngày_sinh];8 [mức_kỷ_luật]"
# JSON Lines: the same rows; line 8 is a truncated object.
check $fx/bad_rows.jsonl $fx/bad_rows.jsonl 8 4 "4 5 6 8" "2 [ngày_sinh];3 [ngày_sinh];7 [ngày_sinh]"

[ "$fail" -eq 0 ] && echo "nothing lost: ok"
exit $fail
