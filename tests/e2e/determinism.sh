#!/usr/bin/env bash
# Determinism (docs/reliability.md): the same inputs give byte-identical outputs, run
# after run, and whatever the number of evaluation threads (THIDUA_THREADS=1 vs 2).
# Results (JSON, and CSV in English), the summary and input problems on stderr (in
# Vietnamese and English), and an explanation are all compared byte for byte.
set -uo pipefail
root="$1"
cd "$root"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

# run TAG RULES RECORDS: every output of one configuration into $work/TAG.*
run() {
  local tag=$1 rules=$2 records=$3
  "$THIDUA" run "$rules" --records "$records" --format json -o "$work/$tag.json" 2>"$work/$tag.json.err"
  echo "exit $?" >>"$work/$tag.json.err"
  "$THIDUA" run "$rules" --records "$records" --format csv --lang en 2>"$work/$tag.en.err" >"$work/$tag.en.out"
  echo "exit $?" >>"$work/$tag.en.err"
}

same() {  # A B: every file of configuration A equals the one of B
  for a in "$work/$1".*; do
    local b="$work/$2${a#"$work/$1"}"
    if ! cmp -s "$a" "$b"; then
      echo "FAIL: $(basename "$a") differs from $(basename "$b") ($3)"
      diff "$a" "$b" | head -10
      fail=1
    fi
  done
}

cases=(
  "rules/000_hien_mau/hien_mau_2021.thidua rules/000_hien_mau/records"
  "rules/001_covid_khoai_chau/covid_2021.thidua rules/001_covid_khoai_chau/records.jsonl"
  "tests/e2e/fixtures/tiny.thidua tests/e2e/fixtures/bad_rows"
  "tests/e2e/fixtures/tiny.thidua tests/e2e/fixtures/bad_rows.jsonl"
)
i=0
for c in "${cases[@]}"; do
  set -- $c
  i=$((i + 1))
  run "c$i.first" "$1" "$2"
  run "c$i.again" "$1" "$2"
  same "c$i.first" "c$i.again" "two runs of $2"
  THIDUA_THREADS=1 run "c$i.t1" "$1" "$2"
  THIDUA_THREADS=2 run "c$i.t2" "$1" "$2"
  same "c$i.t1" "c$i.t2" "THIDUA_THREADS=1 vs 2 on $2"
  same "c$i.first" "c$i.t1" "default threads vs 1 on $2"
done
# An explanation, twice.
ex() { "$THIDUA" explain tests/e2e/fixtures/tiny.thidua --records tests/e2e/fixtures/tiny.jsonl --id A1 "$@" 2>&1; }
if [ "$(ex)" != "$(THIDUA_THREADS=2 ex)" ]; then echo "FAIL: explain differs between runs"; fail=1; fi

[ "$fail" -eq 0 ] && echo "determinism: ok"
exit $fail
